#pragma once

#include <QDialog>

namespace earlyhelp::ui {

class CaseSession;

// Lists case records deleted in the last 30 days and restores the chosen ones.
class DeletedItemsDialog : public QDialog {
    Q_OBJECT

public:
    explicit DeletedItemsDialog(CaseSession* session, QWidget* parent = nullptr);

private:
    CaseSession* m_session = nullptr;
};

} // namespace earlyhelp::ui
