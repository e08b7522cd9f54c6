#pragma once

#include "casework/records.h"
#include "editordialog.h"
#include "familypage.h"

#include <QDate>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace earlyhelp::ui {

// The "Case" tab of a family: the case status and the date it took effect,
// the lead practitioner (editable by a role that may edit case records), and
// the history of status changes, newest first. Change Status… opens
// ChangeStatusDialog.
class FamilyCasePage : public FamilyPage {
    Q_OBJECT

public:
    explicit FamilyCasePage(QWidget* parent = nullptr);

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

    // Opens the dialog that changes the family's status.
    void changeStatus();
    // Saves the lead practitioner as typed.
    void saveLeadPractitioner();

private:
    void updateButtons();
    void showError(const QString& message);

    CaseSession* m_session = nullptr;
    QString m_familyId;
    std::optional<FamilyCase> m_family;
    QDate m_lastChangeDate;
    // A lead practitioner typed but not saved, and its family, kept through
    // clearFamily() so that a reload after another write does not lose it.
    QString m_typedLead;
    QString m_typedLeadFamilyId;

    QLabel* m_statusLabel = nullptr;
    QLineEdit* m_leadEdit = nullptr;
    QPushButton* m_leadButton = nullptr;
    QPushButton* m_changeButton = nullptr;
    QTableWidget* m_historyTable = nullptr;
    QLabel* m_errorLabel = nullptr;
};

// Changes a family's status to one that the transition table of
// familyStatusTransitionRule() allows from the current one, on a date from
// the previous change to today, with a reason. The reason is required for
// every change, also where core would accept none, so that the history
// always records why the status changed.
class ChangeStatusDialog : public EditorDialog {
    Q_OBJECT

public:
    ChangeStatusDialog(CaseSession* session, const FamilyCase& family, QWidget* parent = nullptr);

protected:
    [[nodiscard]] Status save() override;

private:
    void updateHint();

    FamilyCase m_family;
    QComboBox* m_statusCombo = nullptr;
    QDateEdit* m_dateEdit = nullptr;
    QPlainTextEdit* m_reasonEdit = nullptr;
    QLabel* m_hintLabel = nullptr;
};

} // namespace earlyhelp::ui
