#pragma once

#include <QDialog>

namespace earlyhelp::ui {

class CaseSession;

// Adds a person to a family after looking for people already in the store who may be the same person.
class AddPersonDialog : public QDialog {
    Q_OBJECT

public:
    explicit AddPersonDialog(CaseSession* session, QWidget* parent = nullptr);

private:
    CaseSession* m_session = nullptr;
};

} // namespace earlyhelp::ui
