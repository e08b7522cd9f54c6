#pragma once

#include <QDialog>

#include "retention/erasure.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace earlyhelp::ui {

class CaseSession;

// Erases one person's data for the designated safeguarding lead. The dialog
// lists what erasure removes, states that it cannot be undone, and enables
// Erase only when a reason is given and the person's name is typed exactly
// as shown. After an erasure it notifies the session that people and the
// families involved changed, and accepts. The session must outlive the
// dialog.
class ErasePersonDialog : public QDialog {
    Q_OBJECT

public:
    ErasePersonDialog(CaseSession* session, const QString& personId, QWidget* parent = nullptr);

    // The outcome of the erasure once the dialog accepted; empty before.
    [[nodiscard]] const std::optional<retention::ErasureOutcome>& outcome() const { return m_outcome; }

private:
    void updateButtons();
    void erase();
    [[nodiscard]] static QString tableLabel(const QString& table, int count);

    CaseSession* m_session = nullptr;
    QString m_personId;
    std::optional<retention::ErasurePlan> m_plan;
    std::optional<retention::ErasureOutcome> m_outcome;
    QLineEdit* m_reasonEdit = nullptr;
    QLineEdit* m_confirmEdit = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_eraseButton = nullptr;
};

} // namespace earlyhelp::ui
