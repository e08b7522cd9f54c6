#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "cases/casedirectory.h"
#include "casework/records.h"
#include "editordialog.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace earlyhelp::ui {

// A code that core stores verbatim and the texts shown for it.
struct CodeLabel {
    QString code;
    QString label;        // in full, for forms and tooltips
    QString listLabel;    // in a list's cell, shorter where the full label is long
    QString checkBoxText; // with a mnemonic; empty where no check box shows the code
};

// The terms of the information sharing agreement that consent and sharing
// decisions use: purposes, recipient party types, UK GDPR lawful bases and
// the Article 9 and 10 conditions. Core stores the lower-case codes, and
// this class is the one place in ui that maps them to labels. A code missing
// from these tables is shown as stored, so nothing written elsewhere is hidden.
class ConsentVocabulary {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::ui::ConsentVocabulary)

public:
    // safeguarding, social_care, health_services.
    [[nodiscard]] static QList<CodeLabel> purposes();
    // school, childrens_trust, local_authority, health, police, voluntary_sector.
    [[nodiscard]] static QList<CodeLabel> partyTypes();
    // UK GDPR Article 6(1) bases, such as art6_1_e (public task).
    [[nodiscard]] static QList<CodeLabel> lawfulBases();
    // Article 9(2) conditions and, for criminal offence data, DPA 2018
    // section 10(5), each with its Schedule 1 paragraph.
    [[nodiscard]] static QList<CodeLabel> conditions();

    [[nodiscard]] static QString purposeLabel(const QString& code);
    [[nodiscard]] static QString purposeListLabel(const QString& code);
    [[nodiscard]] static QString partyTypeLabel(const QString& code);
    [[nodiscard]] static QString lawfulBasisLabel(const QString& code);
    [[nodiscard]] static QString conditionLabel(const QString& code);
    [[nodiscard]] static QString conditionListLabel(const QString& code);
    [[nodiscard]] static QString recipientLabel(const ConsentRecipient& recipient);
    [[nodiscard]] static QString dataCategoryLabel(DataCategory category);
    [[nodiscard]] static QString methodLabel(ConsentMethod method);
    [[nodiscard]] static QString capacityLabel(ConsentCapacity capacity);

    // The lawful basis the local organisation of a party type shares under:
    // legitimate interests for the voluntary sector, public task otherwise.
    [[nodiscard]] static QString defaultLawfulBasis(const QString& partyType);
};

// Returns the display name of the family member with personId, or
// "(a person not in this family)" when the family has no such member.
[[nodiscard]] QString familyMemberName(const FamilyDetail& family, const QString& personId);

// True when adult has parental responsibility for the child with childId. An
// adult whose record links to no child counts by their own flag.
[[nodiscard]] bool holdsParentalResponsibility(const FamilyMember& adult, const QString& childId);

// Records a new consent to share, or edits one, for a child of one family.
// The form holds whom it is for, who gave it and in what capacity, the
// purposes, the recipients by party type, the data categories, the method and
// the dates. Purposes and recipients that the form has no box for, such as an
// organisation named by id, are kept as loaded and listed under the boxes.
class ConsentEditor : public EditorDialog {
    Q_OBJECT

public:
    ConsentEditor(CaseSession* session, FamilyDetail family, QWidget* parent = nullptr);

    // Shows consent for editing. The form's undo history starts from it.
    void loadConsent(const Consent& consent);

protected:
    [[nodiscard]] Status save() override;

private:
    void buildForm();
    [[nodiscard]] QCheckBox* addCheckBox(QGridLayout* grid, int index, const QString& text,
                                         const QString& objectName, const QString& accessibleName);
    void fillGivenBy(const QString& extraPersonId);
    void updateCapacity();
    void updateReviewDate();
    void showKeptValues();
    [[nodiscard]] Consent consentFromForm() const;

    FamilyDetail m_family;
    Consent m_loaded;

    QComboBox* m_subjectComboBox = nullptr;
    QComboBox* m_givenByComboBox = nullptr;
    QLabel* m_capacityLabel = nullptr;
    QList<QCheckBox*> m_purposeCheckBoxes;
    QList<QCheckBox*> m_recipientCheckBoxes;
    QList<QCheckBox*> m_categoryCheckBoxes;
    QLabel* m_keptValuesLabel = nullptr;
    QComboBox* m_methodComboBox = nullptr;
    QDateEdit* m_givenDateEdit = nullptr;
    QCheckBox* m_reviewCheckBox = nullptr;
    QDateEdit* m_reviewDateEdit = nullptr;
};

// Records that a consent was withdrawn: the date and who withdrew it. Core
// keeps the consent and its withdrawal, so the record stays visible.
class WithdrawConsentDialog : public EditorDialog {
    Q_OBJECT

public:
    WithdrawConsentDialog(CaseSession* session, const FamilyDetail& family, Consent consent,
                          QWidget* parent = nullptr);

protected:
    [[nodiscard]] Status save() override;

private:
    Consent m_consent;
    QDateEdit* m_dateEdit = nullptr;
    QComboBox* m_withdrawnByComboBox = nullptr;
};

// Records a decision to share information without consent, or edits one:
// whose information, the recipient party type and the purpose it covers, the
// lawful basis, the condition for special category or criminal offence data,
// the justification, who decided and when.
class SharingDecisionEditor : public EditorDialog {
    Q_OBJECT

public:
    SharingDecisionEditor(CaseSession* session, FamilyDetail family, QWidget* parent = nullptr);

    // Shows decision for editing. The form's undo history starts from it.
    void loadDecision(const SharingDecision& decision);

protected:
    [[nodiscard]] Status save() override;

private:
    FamilyDetail m_family;
    SharingDecision m_loaded;

    QComboBox* m_aboutComboBox = nullptr;
    QComboBox* m_recipientComboBox = nullptr;
    QComboBox* m_purposeComboBox = nullptr;
    QComboBox* m_lawfulBasisComboBox = nullptr;
    QComboBox* m_conditionComboBox = nullptr;
    QPlainTextEdit* m_justificationEdit = nullptr;
    QLineEdit* m_decidedByLineEdit = nullptr;
    QDateEdit* m_dateEdit = nullptr;
};

} // namespace earlyhelp::ui
