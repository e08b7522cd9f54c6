#pragma once

#include <optional>

#include "cases/casedirectory.h"
#include "casework/records.h"
#include "familypage.h"

class QDialog;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace earlyhelp::ui {

// The Consent tab of a family: the consents recorded for the family's
// members with their state (active, review due, or withdrawn, which stay
// listed), and below them the decisions to share without consent. Its
// buttons record, open and delete either kind of record and withdraw a
// consent, through dialogs that open without blocking. One record is selected
// at a time across both lists, and Open and Delete act on it.
class ConsentPage : public FamilyPage {
    Q_OBJECT

public:
    explicit ConsentPage(QWidget* parent = nullptr);

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

private:
    enum ConsentColumn {
        SubjectColumn,
        StateColumn,
        GivenDateColumn,
        ReviewDateColumn,
        GivenByColumn,
        PurposesColumn,
        RecipientsColumn,
        CategoriesColumn,
        MethodColumn,
        ConsentColumnCount,
    };
    enum DecisionColumn {
        DecisionDateColumn,
        AboutColumn,
        CoversColumn,
        LawfulBasisColumn,
        ConditionColumn,
        JustificationColumn,
        DecidedByColumn,
        DecisionColumnCount,
    };

    [[nodiscard]] QTreeWidget* makeTree(const QString& objectName, const QString& accessibleName,
                                        const QStringList& headers);
    void addConsentItem(const Consent& consent);
    void addDecisionItem(const SharingDecision& decision);
    [[nodiscard]] QString consentState(const Consent& consent) const;
    void showProblem(const QString& message);
    void onSelectionChanged(QTreeWidget* changed);
    void updateButtons();

    [[nodiscard]] std::optional<Consent> selectedConsent() const;
    [[nodiscard]] std::optional<SharingDecision> selectedDecision() const;

    void recordConsent();
    void withdrawConsent();
    void recordDecision();
    void openSelected();
    void deleteSelected();
    void openDialog(QDialog* dialog);

    CaseSession* m_session = nullptr;
    QString m_familyId;
    FamilyDetail m_family;
    QList<Consent> m_consents;
    QList<SharingDecision> m_decisions;

    QTreeWidget* m_consentTree = nullptr;
    QTreeWidget* m_decisionTree = nullptr;
    QLabel* m_problemLabel = nullptr;
    QPushButton* m_recordConsentButton = nullptr;
    QPushButton* m_withdrawButton = nullptr;
    QPushButton* m_recordDecisionButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
};

} // namespace earlyhelp::ui
