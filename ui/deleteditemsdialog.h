#pragma once

#include <QDialog>
#include <QList>

#include "casework/deleteditems.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace earlyhelp::ui {

class CaseSession;

// Lists the case records deleted in the last 30 days (restoreWindowDays) and
// restores the chosen one without asking, reporting the result in the
// dialog. After a restore it calls CaseSession::notifyFamilyChanged() with
// the record's family. The session must outlive the dialog.
class DeletedItemsDialog : public QDialog {
    Q_OBJECT

public:
    explicit DeletedItemsDialog(CaseSession* session, QWidget* parent = nullptr);

    // Reads the list again, keeping the selection where the row still exists.
    void reload();

private:
    void restoreCurrent();
    void updateButtons();
    [[nodiscard]] static QString kindLabel(CaseworkRecord kind);

    CaseSession* m_session = nullptr;
    QList<DeletedItem> m_items;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_restoreButton = nullptr;
};

} // namespace earlyhelp::ui
