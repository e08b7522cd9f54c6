#pragma once

#include <QDialog>
#include <QList>

#include "retention/retentionlist.h"

class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace earlyhelp::ui {

class CaseSession;

// Tools › Retention…: the children and families whose retention period under
// the agreement in force has ended or ends within the chosen number of days.
// Review… records a decision to keep one until a later date; Erase… opens
// ErasePersonDialog for a child (designated safeguarding lead only). The
// session must outlive the dialog.
class RetentionDialog : public QDialog {
    Q_OBJECT

public:
    explicit RetentionDialog(CaseSession* session, QWidget* parent = nullptr);

    // Reads the list again.
    void reload();

private:
    void reviewCurrent();
    void eraseCurrent();
    void updateButtons();
    [[nodiscard]] const retention::DueItem* currentItem() const;

    CaseSession* m_session = nullptr;
    QList<retention::DueItem> m_items;
    QSpinBox* m_daysSpinBox = nullptr;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_reviewButton = nullptr;
    QPushButton* m_eraseButton = nullptr;
};

} // namespace earlyhelp::ui
