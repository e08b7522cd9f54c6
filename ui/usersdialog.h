#pragma once

#include <QDialog>

namespace earlyhelp::ui {

class CaseSession;

// Lets a designated safeguarding lead list, add and remove the store's users and change their roles.
class UsersDialog : public QDialog {
    Q_OBJECT

public:
    explicit UsersDialog(CaseSession* session, QWidget* parent = nullptr);

private:
    CaseSession* m_session = nullptr;
};

} // namespace earlyhelp::ui
