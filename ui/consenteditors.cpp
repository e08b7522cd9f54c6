#include "consenteditors.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "casesession.h"
#include "casework/consentrepository.h"
#include "displaytext.h"
#include "formfields.h"
#include "formundo.h"

namespace earlyhelp::ui {

namespace {

// The dynamic property that carries a check box's stored code.
constexpr char codeProperty[] = "code";

const QList<DataCategory> allCategories = {DataCategory::Personal, DataCategory::SpecialCategory,
                                           DataCategory::CriminalOffence};

QString labelFor(const QList<CodeLabel>& table, const QString& code) {
    for (const CodeLabel& entry : table) {
        if (entry.code == code)
            return entry.label;
    }
    return code;
}

QString listLabelFor(const QList<CodeLabel>& table, const QString& code) {
    for (const CodeLabel& entry : table) {
        if (entry.code == code)
            return entry.listLabel;
    }
    return code;
}

// Returns the code whose label is text, or the trimmed text itself when it
// is no label of the table, as when the user typed their own wording.
QString codeForText(const QList<CodeLabel>& table, const QString& text) {
    const QString trimmed = text.trimmed();
    for (const CodeLabel& entry : table) {
        if (entry.label == trimmed)
            return entry.code;
    }
    return trimmed;
}

// Turns a stored code such as "social_care" into "socialCare" for object names.
QString camelCase(const QString& code) {
    QString result;
    bool upperNext = false;
    for (const QChar c : code) {
        if (c == u'_') {
            upperNext = true;
            continue;
        }
        result += upperNext ? c.toUpper() : c;
        upperNext = false;
    }
    return result;
}

const FamilyMember* findMember(const FamilyDetail& family, const QString& personId) {
    for (const FamilyMember& member : family.members) {
        if (member.person.id == personId)
            return &member;
    }
    return nullptr;
}

bool hasAnyParentalResponsibility(const FamilyMember& adult) {
    return adult.parentalResponsibility || std::ranges::any_of(adult.links, [](const ChildLink& link) {
               return link.parentalResponsibility;
           });
}

// The text of a person in a choice list: the name, with the date of birth
// when another member of the family has the same name, so that namesakes can
// be told apart.
QString choiceText(const FamilyDetail& family, const FamilyMember& member) {
    const QString name = member.person.displayName();
    const bool shared = std::ranges::any_of(family.members, [&](const FamilyMember& other) {
        return other.person.id != member.person.id && other.person.displayName() == name;
    });
    if (!shared || !member.person.dateOfBirth.isValid())
        return name;
    return ConsentVocabulary::tr("%1 (born %2)").arg(name, displayDate(member.person.dateOfBirth));
}

int indexOfData(const QComboBox* comboBox, const QString& value) {
    return comboBox->findData(value, Qt::UserRole, Qt::MatchExactly);
}

// Selects the item of comboBox whose data is code. A code the list does not
// offer, as written by another version of the app, is added as it is stored,
// so saving keeps it.
void selectCode(QComboBox* comboBox, const QString& code) {
    int index = indexOfData(comboBox, code);
    if (index < 0) {
        comboBox->addItem(code, code);
        index = comboBox->count() - 1;
    }
    comboBox->setCurrentIndex(index);
}

} // namespace

// ConsentVocabulary

QList<CodeLabel> ConsentVocabulary::purposes() {
    return {
        {QStringLiteral("safeguarding"),
         tr("Safeguarding and promoting the welfare of children, young people and families"),
         tr("Safeguarding"),
         tr("S&afeguarding and promoting the welfare of children, young people and families")},
        {QStringLiteral("social_care"), tr("Provision of social care"), tr("Social care"),
         tr("Provision of social &care")},
        {QStringLiteral("health_services"), tr("Provision of health services"), tr("Health services"),
         tr("Provision of &health services")},
    };
}

QList<CodeLabel> ConsentVocabulary::partyTypes() {
    return {
        {QStringLiteral("school"), tr("Schools"), tr("Schools"), tr("&Schools")},
        {QStringLiteral("childrens_trust"), tr("Children's trust"), tr("Children's trust"),
         tr("Children's &trust")},
        {QStringLiteral("health"), tr("Health services"), tr("Health services"), tr("H&ealth services")},
        {QStringLiteral("local_authority"), tr("Local authority"), tr("Local authority"),
         tr("&Local authority")},
        {QStringLiteral("police"), tr("Police"), tr("Police"), tr("&Police")},
        {QStringLiteral("voluntary_sector"), tr("Voluntary sector"), tr("Voluntary sector"),
         tr("&Voluntary sector")},
    };
}

QList<CodeLabel> ConsentVocabulary::lawfulBases() {
    const QString publicTask = tr("UK GDPR Art. 6(1)(e): public task");
    const QString legitimateInterests = tr("UK GDPR Art. 6(1)(f): legitimate interests");
    const QString legalObligation = tr("UK GDPR Art. 6(1)(c): legal obligation");
    const QString vitalInterests = tr("UK GDPR Art. 6(1)(d): vital interests");
    return {
        {QStringLiteral("art6_1_e"), publicTask, publicTask, {}},
        {QStringLiteral("art6_1_f"), legitimateInterests, legitimateInterests, {}},
        {QStringLiteral("art6_1_c"), legalObligation, legalObligation, {}},
        {QStringLiteral("art6_1_d"), vitalInterests, vitalInterests, {}},
    };
}

QList<CodeLabel> ConsentVocabulary::conditions() {
    return {
        {QStringLiteral("art9_2_g_sch1_para18"),
         tr("Art. 9(2)(g) with DPA 2018 Sch. 1 para 18: safeguarding of children and of individuals at risk"),
         tr("Art. 9(2)(g), Sch. 1 para 18"),
         {}},
        {QStringLiteral("art9_2_h_sch1_para2"),
         tr("Art. 9(2)(h) with DPA 2018 Sch. 1 para 2: health or social care purposes"),
         tr("Art. 9(2)(h), Sch. 1 para 2"),
         {}},
        {QStringLiteral("s10_5_sch1_para18"),
         tr("Criminal offence data, DPA 2018 s.10(5) with Sch. 1 para 18: safeguarding"),
         tr("DPA 2018 s.10(5), Sch. 1 para 18"),
         {}},
        {QStringLiteral("s10_5_sch1_para2"),
         tr("Criminal offence data, DPA 2018 s.10(5) with Sch. 1 para 2: health or social care"),
         tr("DPA 2018 s.10(5), Sch. 1 para 2"),
         {}},
    };
}

QString ConsentVocabulary::purposeLabel(const QString& code) {
    return labelFor(purposes(), code);
}

QString ConsentVocabulary::purposeListLabel(const QString& code) {
    return listLabelFor(purposes(), code);
}

QString ConsentVocabulary::partyTypeLabel(const QString& code) {
    return labelFor(partyTypes(), code);
}

QString ConsentVocabulary::lawfulBasisLabel(const QString& code) {
    return labelFor(lawfulBases(), code);
}

QString ConsentVocabulary::conditionLabel(const QString& code) {
    return labelFor(conditions(), code);
}

QString ConsentVocabulary::conditionListLabel(const QString& code) {
    return listLabelFor(conditions(), code);
}

QString ConsentVocabulary::recipientLabel(const ConsentRecipient& recipient) {
    if (recipient.kind == ConsentRecipient::Kind::PartyType)
        return partyTypeLabel(recipient.value);
    return tr("Organisation %1").arg(recipient.value);
}

QString ConsentVocabulary::dataCategoryLabel(DataCategory category) {
    switch (category) {
    case DataCategory::Personal:
        return tr("Personal data");
    case DataCategory::SpecialCategory:
        return tr("Special category data");
    case DataCategory::CriminalOffence:
        return tr("Criminal offence data");
    }
    return {};
}

QString ConsentVocabulary::methodLabel(ConsentMethod method) {
    switch (method) {
    case ConsentMethod::Written:
        return tr("Written");
    case ConsentMethod::Verbal:
        return tr("Verbal");
    case ConsentMethod::Electronic:
        return tr("Electronic");
    }
    return {};
}

QString ConsentVocabulary::capacityLabel(ConsentCapacity capacity) {
    switch (capacity) {
    case ConsentCapacity::ParentalResponsibility:
        return tr("parental responsibility");
    case ConsentCapacity::CompetentYoungPerson:
        return tr("competent young person");
    }
    return {};
}

QString ConsentVocabulary::defaultLawfulBasis(const QString& partyType) {
    return partyType == u"voluntary_sector" ? QStringLiteral("art6_1_f") : QStringLiteral("art6_1_e");
}

QString familyMemberName(const FamilyDetail& family, const QString& personId) {
    if (const FamilyMember* member = findMember(family, personId))
        return member->person.displayName();
    return ConsentVocabulary::tr("(a person not in this family)");
}

bool holdsParentalResponsibility(const FamilyMember& adult, const QString& childId) {
    if (adult.links.isEmpty())
        return adult.parentalResponsibility;
    return std::ranges::any_of(adult.links, [&](const ChildLink& link) {
        return link.childId == childId && link.parentalResponsibility;
    });
}

// ConsentEditor

ConsentEditor::ConsentEditor(CaseSession* session, FamilyDetail family, QWidget* parent)
    : EditorDialog(session, parent)
    , m_family(std::move(family)) {
    setObjectName(QStringLiteral("consentEditor"));
    setWindowTitle(tr("Record Consent[*]"));
    buildForm();

    m_loaded.familyId = m_family.family.id;
    formUndo()->withoutRecording([&] {
        fillGivenBy({});
        m_methodComboBox->setCurrentIndex(0);
        m_givenDateEdit->setDate(session->today());
        m_reviewCheckBox->setChecked(false);
        m_reviewDateEdit->setDate(session->today().addYears(1));
    });
    updateCapacity();
    updateReviewDate();
}

void ConsentEditor::buildForm() {
    auto* people = new QFormLayout;
    // NOTE: only children are offered as subjects, because ConsentCapacity has
    // no value for an adult consenting for themselves.
    m_subjectComboBox = new QComboBox(this);
    m_subjectComboBox->setObjectName(QStringLiteral("subjectComboBox"));
    m_subjectComboBox->setAccessibleName(tr("Consent for"));
    for (const FamilyMember& member : std::as_const(m_family.members)) {
        if (member.role != u"adult")
            m_subjectComboBox->addItem(choiceText(m_family, member), member.person.id);
    }
    people->addRow(tr("Consent &for:"), m_subjectComboBox);

    m_givenByComboBox = new QComboBox(this);
    m_givenByComboBox->setObjectName(QStringLiteral("givenByComboBox"));
    m_givenByComboBox->setAccessibleName(tr("Given by"));
    people->addRow(tr("&Given by:"), m_givenByComboBox);

    m_capacityLabel = new QLabel(this);
    m_capacityLabel->setObjectName(QStringLiteral("capacityLabel"));
    m_capacityLabel->setWordWrap(true);
    m_capacityLabel->setTextFormat(Qt::PlainText);
    people->addRow(QString(), m_capacityLabel);
    formLayout()->addLayout(people);

    auto* purposeBox = new QGroupBox(tr("Purposes"), this);
    purposeBox->setObjectName(QStringLiteral("purposesGroupBox"));
    auto* purposeGrid = new QGridLayout(purposeBox);
    for (const CodeLabel& purpose : ConsentVocabulary::purposes()) {
        QCheckBox* box =
            addCheckBox(purposeGrid, int(m_purposeCheckBoxes.size()) * 2, purpose.checkBoxText,
                        camelCase(purpose.code) + u"PurposeCheckBox", tr("Purpose: %1").arg(purpose.label));
        box->setProperty(codeProperty, purpose.code);
        m_purposeCheckBoxes += box;
    }
    formLayout()->addWidget(purposeBox);

    auto* recipientBox = new QGroupBox(tr("Shared with"), this);
    recipientBox->setObjectName(QStringLiteral("recipientsGroupBox"));
    auto* recipientGrid = new QGridLayout(recipientBox);
    for (const CodeLabel& partyType : ConsentVocabulary::partyTypes()) {
        QCheckBox* box = addCheckBox(recipientGrid, int(m_recipientCheckBoxes.size()), partyType.checkBoxText,
                                     camelCase(partyType.code) + u"RecipientCheckBox",
                                     tr("Shared with: %1").arg(partyType.label));
        box->setProperty(codeProperty, partyType.code);
        m_recipientCheckBoxes += box;
    }
    formLayout()->addWidget(recipientBox);

    auto* categoryBox = new QGroupBox(tr("Data categories"), this);
    categoryBox->setObjectName(QStringLiteral("categoriesGroupBox"));
    auto* categoryGrid = new QGridLayout(categoryBox);
    const QStringList categoryTexts = {tr("Pe&rsonal data"), tr("Spec&ial category data (UK GDPR Art. 9)"),
                                       tr("Cri&minal offence data (UK GDPR Art. 10)")};
    const QStringList categoryNames = {QStringLiteral("personalDataCheckBox"),
                                       QStringLiteral("specialCategoryDataCheckBox"),
                                       QStringLiteral("criminalOffenceDataCheckBox")};
    for (int i = 0; i < allCategories.size(); ++i) {
        m_categoryCheckBoxes += addCheckBox(
            categoryGrid, i * 2, categoryTexts.at(i), categoryNames.at(i),
            tr("Data category: %1").arg(ConsentVocabulary::dataCategoryLabel(allCategories.at(i))));
    }
    formLayout()->addWidget(categoryBox);

    m_keptValuesLabel = new QLabel(this);
    m_keptValuesLabel->setObjectName(QStringLiteral("keptValuesLabel"));
    m_keptValuesLabel->setWordWrap(true);
    m_keptValuesLabel->setTextFormat(Qt::PlainText);
    m_keptValuesLabel->hide();
    formLayout()->addWidget(m_keptValuesLabel);

    auto* details = new QFormLayout;
    m_methodComboBox = new QComboBox(this);
    m_methodComboBox->setObjectName(QStringLiteral("methodComboBox"));
    m_methodComboBox->setAccessibleName(tr("Method"));
    for (const ConsentMethod method :
         {ConsentMethod::Written, ConsentMethod::Verbal, ConsentMethod::Electronic})
        m_methodComboBox->addItem(ConsentVocabulary::methodLabel(method), int(method));
    details->addRow(tr("Metho&d:"), m_methodComboBox);

    m_givenDateEdit = makeDateEdit(this, QStringLiteral("givenDateEdit"), tr("Date given"));
    details->addRow(tr("Date give&n:"), m_givenDateEdit);

    m_reviewCheckBox = new QCheckBox(tr("Revie&w on:"), this);
    m_reviewCheckBox->setObjectName(QStringLiteral("reviewCheckBox"));
    m_reviewCheckBox->setAccessibleName(tr("Review the consent"));
    m_reviewDateEdit = makeDateEdit(this, QStringLiteral("reviewDateEdit"), tr("Review date"));
    details->addRow(m_reviewCheckBox, m_reviewDateEdit);
    formLayout()->addLayout(details);

    trackField(m_subjectComboBox);
    trackField(m_givenByComboBox);
    for (QCheckBox* box : std::as_const(m_purposeCheckBoxes))
        trackField(box);
    for (QCheckBox* box : std::as_const(m_recipientCheckBoxes))
        trackField(box);
    for (QCheckBox* box : std::as_const(m_categoryCheckBoxes))
        trackField(box);
    trackField(m_methodComboBox);
    trackField(m_givenDateEdit);
    trackField(m_reviewCheckBox);
    trackField(m_reviewDateEdit);

    connect(m_subjectComboBox, &QComboBox::currentIndexChanged, this, &ConsentEditor::updateCapacity);
    connect(m_givenByComboBox, &QComboBox::currentIndexChanged, this, &ConsentEditor::updateCapacity);
    connect(m_reviewCheckBox, &QCheckBox::toggled, this, &ConsentEditor::updateReviewDate);
}

QCheckBox* ConsentEditor::addCheckBox(QGridLayout* grid, int index, const QString& text,
                                      const QString& objectName, const QString& accessibleName) {
    auto* box = new QCheckBox(text, this);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    grid->addWidget(box, index / 2, index % 2);
    return box;
}

// Lists the adults with parental responsibility for any child of the family,
// then the young person as consenting for themselves. extraPersonId, when
// set, is a loaded giver who is not on that list, so that the form shows them.
void ConsentEditor::fillGivenBy(const QString& extraPersonId) {
    m_givenByComboBox->clear();
    for (const FamilyMember& member : std::as_const(m_family.members)) {
        if (member.role == u"adult" && hasAnyParentalResponsibility(member))
            m_givenByComboBox->addItem(choiceText(m_family, member), member.person.id);
    }
    if (!extraPersonId.isEmpty() && indexOfData(m_givenByComboBox, extraPersonId) < 0)
        m_givenByComboBox->addItem(familyMemberName(m_family, extraPersonId), extraPersonId);
    // The empty person id marks the young person's own consent.
    m_givenByComboBox->addItem(tr("The young person themself, as competent to consent"), QString());
}

void ConsentEditor::updateCapacity() {
    const QString subjectId = m_subjectComboBox->currentData().toString();
    const QString giverId = m_givenByComboBox->currentData().toString();
    const QString subjectName = isolated(m_subjectComboBox->currentText());
    if (giverId.isEmpty()) {
        m_capacityLabel->setText(
            tr("Capacity: competent young person. %1 gives consent for themselves.").arg(subjectName));
        return;
    }
    const FamilyMember* giver = findMember(m_family, giverId);
    if (giver && holdsParentalResponsibility(*giver, subjectId)) {
        m_capacityLabel->setText(tr("Capacity: parental responsibility for %1.").arg(subjectName));
        return;
    }
    m_capacityLabel->setText(
        tr("%1 has no recorded parental responsibility for %2. Choose another person, or "
           "the young person themself if they are competent to consent.")
            .arg(isolated(familyMemberName(m_family, giverId)), subjectName));
}

void ConsentEditor::updateReviewDate() {
    const bool editable = session() && session()->may(access::Action::EditCases);
    m_reviewDateEdit->setEnabled(editable && m_reviewCheckBox->isChecked());
}

void ConsentEditor::showKeptValues() {
    QStringList kept;
    for (const QString& purpose : std::as_const(m_loaded.purposes)) {
        const bool hasBox = std::ranges::any_of(m_purposeCheckBoxes, [&](const QCheckBox* box) {
            return box->property(codeProperty).toString() == purpose;
        });
        if (!hasBox)
            kept += tr("purpose “%1”").arg(purpose);
    }
    for (const ConsentRecipient& recipient : std::as_const(m_loaded.recipients)) {
        const bool hasBox = recipient.kind == ConsentRecipient::Kind::PartyType &&
                            std::ranges::any_of(m_recipientCheckBoxes, [&](const QCheckBox* box) {
                                return box->property(codeProperty).toString() == recipient.value;
                            });
        if (!hasBox)
            kept += ConsentVocabulary::recipientLabel(recipient);
    }
    m_keptValuesLabel->setText(
        tr("Also recorded, and kept when you save: %1.").arg(kept.join(QStringLiteral("; "))));
    m_keptValuesLabel->setVisible(!kept.isEmpty());
}

void ConsentEditor::loadConsent(const Consent& consent) {
    m_loaded = consent;
    setWindowTitle(tr("Consent for %1[*]").arg(familyMemberName(m_family, consent.subjectPersonId)));
    formUndo()->withoutRecording([&] {
        int subjectIndex = indexOfData(m_subjectComboBox, consent.subjectPersonId);
        if (subjectIndex < 0) {
            m_subjectComboBox->addItem(familyMemberName(m_family, consent.subjectPersonId),
                                       consent.subjectPersonId);
            subjectIndex = m_subjectComboBox->count() - 1;
        }
        m_subjectComboBox->setCurrentIndex(subjectIndex);

        const bool ownConsent = consent.capacity == ConsentCapacity::CompetentYoungPerson;
        fillGivenBy(ownConsent ? QString() : consent.givenByPersonId);
        m_givenByComboBox->setCurrentIndex(
            indexOfData(m_givenByComboBox, ownConsent ? QString() : consent.givenByPersonId));

        for (QCheckBox* box : std::as_const(m_purposeCheckBoxes))
            box->setChecked(consent.purposes.contains(box->property(codeProperty).toString()));
        for (QCheckBox* box : std::as_const(m_recipientCheckBoxes)) {
            const ConsentRecipient recipient{ConsentRecipient::Kind::PartyType,
                                             box->property(codeProperty).toString()};
            box->setChecked(consent.recipients.contains(recipient));
        }
        for (int i = 0; i < allCategories.size(); ++i)
            m_categoryCheckBoxes.at(i)->setChecked(consent.dataCategories.contains(allCategories.at(i)));

        m_methodComboBox->setCurrentIndex(m_methodComboBox->findData(int(consent.method)));
        m_givenDateEdit->setDate(consent.givenDate);
        m_reviewCheckBox->setChecked(consent.reviewDate.isValid());
        if (consent.reviewDate.isValid())
            m_reviewDateEdit->setDate(consent.reviewDate);
    });
    showKeptValues();
    updateCapacity();
    updateReviewDate();
}

Consent ConsentEditor::consentFromForm() const {
    Consent consent = m_loaded;
    consent.familyId = m_family.family.id;
    consent.subjectPersonId = m_subjectComboBox->currentData().toString();
    const QString giverId = m_givenByComboBox->currentData().toString();
    if (giverId.isEmpty()) {
        consent.givenByPersonId = consent.subjectPersonId;
        consent.capacity = ConsentCapacity::CompetentYoungPerson;
    } else {
        consent.givenByPersonId = giverId;
        consent.capacity = ConsentCapacity::ParentalResponsibility;
    }

    // Ticked boxes in the form's order, then whatever the loaded consent
    // recorded that the form has no box for.
    QStringList purposes;
    for (const QCheckBox* box : m_purposeCheckBoxes) {
        if (box->isChecked())
            purposes += box->property(codeProperty).toString();
    }
    for (const QString& purpose : m_loaded.purposes) {
        const bool hasBox = std::ranges::any_of(m_purposeCheckBoxes, [&](const QCheckBox* box) {
            return box->property(codeProperty).toString() == purpose;
        });
        if (!hasBox)
            purposes += purpose;
    }
    consent.purposes = purposes;

    QList<ConsentRecipient> recipients;
    for (const QCheckBox* box : m_recipientCheckBoxes) {
        if (box->isChecked())
            recipients +=
                ConsentRecipient{ConsentRecipient::Kind::PartyType, box->property(codeProperty).toString()};
    }
    for (const ConsentRecipient& recipient : m_loaded.recipients) {
        const bool hasBox = recipient.kind == ConsentRecipient::Kind::PartyType &&
                            std::ranges::any_of(m_recipientCheckBoxes, [&](const QCheckBox* box) {
                                return box->property(codeProperty).toString() == recipient.value;
                            });
        if (!hasBox)
            recipients += recipient;
    }
    consent.recipients = recipients;

    consent.dataCategories.clear();
    for (int i = 0; i < allCategories.size(); ++i) {
        if (m_categoryCheckBoxes.at(i)->isChecked())
            consent.dataCategories += allCategories.at(i);
    }

    consent.method = static_cast<ConsentMethod>(m_methodComboBox->currentData().toInt());
    consent.givenDate = m_givenDateEdit->date();
    consent.reviewDate = m_reviewCheckBox->isChecked() ? m_reviewDateEdit->date() : QDate();
    return consent;
}

Status ConsentEditor::save() {
    const Consent consent = consentFromForm();
    if (consent.capacity == ConsentCapacity::ParentalResponsibility) {
        const FamilyMember* giver = findMember(m_family, consent.givenByPersonId);
        if (giver && !holdsParentalResponsibility(*giver, consent.subjectPersonId)) {
            return makeError(ErrorCode::InvalidInput,
                             tr("%1 has no recorded parental responsibility for %2, so cannot give consent "
                                "for them. Choose a person with parental responsibility, or the young person "
                                "themself if they are competent to consent.")
                                 .arg(isolated(giver->person.displayName()),
                                      isolated(familyMemberName(m_family, consent.subjectPersonId))));
        }
    }

    ConsentRepository& consents = session()->consents();
    const Result<Consent> saved = m_loaded.meta.id.isEmpty()
                                      ? consents.createConsent(session()->actor(), consent)
                                      : consents.updateConsent(session()->actor(), consent);
    if (!saved)
        return std::unexpected(saved.error());
    m_loaded = *saved;
    session()->notifyFamilyChanged(m_family.family.id);
    return {};
}

// WithdrawConsentDialog

WithdrawConsentDialog::WithdrawConsentDialog(CaseSession* session, const FamilyDetail& family,
                                             Consent consent, QWidget* parent)
    : EditorDialog(session, parent)
    , m_consent(std::move(consent)) {
    setObjectName(QStringLiteral("withdrawConsentDialog"));
    const QString subjectName = familyMemberName(family, m_consent.subjectPersonId);
    const QString giverName = familyMemberName(family, m_consent.givenByPersonId);
    setWindowTitle(tr("Withdraw Consent for %1[*]").arg(subjectName));
    setMinimumWidth(440);

    auto* summary =
        new QLabel(tr("Consent given by %1 for %2 on %3. From the date it is withdrawn, it no longer "
                      "allows sharing. The consent stays on the record.")
                       .arg(isolated(giverName), isolated(subjectName), displayDate(m_consent.givenDate)),
                   this);
    summary->setObjectName(QStringLiteral("withdrawSummaryLabel"));
    summary->setWordWrap(true);
    summary->setTextFormat(Qt::PlainText);
    formLayout()->addWidget(summary);

    auto* form = new QFormLayout;
    m_dateEdit = makeDateEdit(this, QStringLiteral("withdrawnDateEdit"), tr("Date withdrawn"));
    form->addRow(tr("&Date withdrawn:"), m_dateEdit);

    m_withdrawnByComboBox = new QComboBox(this);
    m_withdrawnByComboBox->setObjectName(QStringLiteral("withdrawnByComboBox"));
    m_withdrawnByComboBox->setAccessibleName(tr("Withdrawn by"));
    m_withdrawnByComboBox->setEditable(true);
    m_withdrawnByComboBox->setInsertPolicy(QComboBox::NoInsert);
    m_withdrawnByComboBox->lineEdit()->setPlaceholderText(tr("Name of the person who withdrew it"));
    // Whoever gave the consent, the young person it is for, then the other
    // adults; any other name can be typed.
    QStringList names = {giverName, subjectName};
    for (const FamilyMember& member : family.members) {
        if (member.role == u"adult")
            names += member.person.displayName();
    }
    names.removeDuplicates();
    m_withdrawnByComboBox->addItems(names);
    form->addRow(tr("Withdrawn &by:"), m_withdrawnByComboBox);
    formLayout()->addLayout(form);

    trackField(m_dateEdit);
    trackField(m_withdrawnByComboBox);
    formUndo()->withoutRecording([&] {
        m_dateEdit->setDate(session->today());
        m_withdrawnByComboBox->setCurrentIndex(0);
    });
}

Status WithdrawConsentDialog::save() {
    const Result<Consent> withdrawn =
        session()->consents().withdrawConsent(session()->actor(), m_consent.meta.id, m_dateEdit->date(),
                                              m_withdrawnByComboBox->currentText().trimmed());
    if (!withdrawn)
        return std::unexpected(withdrawn.error());
    m_consent = *withdrawn;
    session()->notifyFamilyChanged(m_consent.familyId);
    return {};
}

// SharingDecisionEditor

SharingDecisionEditor::SharingDecisionEditor(CaseSession* session, FamilyDetail family, QWidget* parent)
    : EditorDialog(session, parent)
    , m_family(std::move(family)) {
    setObjectName(QStringLiteral("sharingDecisionEditor"));
    setWindowTitle(tr("Record Decision to Share Without Consent[*]"));

    auto* form = new QFormLayout;
    m_aboutComboBox = new QComboBox(this);
    m_aboutComboBox->setObjectName(QStringLiteral("aboutComboBox"));
    m_aboutComboBox->setAccessibleName(tr("Whose information"));
    m_aboutComboBox->addItem(tr("The whole family"), QString());
    for (const FamilyMember& member : std::as_const(m_family.members))
        m_aboutComboBox->addItem(choiceText(m_family, member), member.person.id);
    form->addRow(tr("&Whose information:"), m_aboutComboBox);

    // A decision covers one recipient party type and one purpose. The first
    // item means "not chosen" so that undo can return to it, and a
    // decision recorded before decisions named them loads with it.
    m_recipientComboBox = new QComboBox(this);
    m_recipientComboBox->setObjectName(QStringLiteral("recipientComboBox"));
    m_recipientComboBox->setAccessibleName(tr("Recipient"));
    m_recipientComboBox->setAccessibleDescription(
        tr("The kind of organisation this decision allows sharing with. It allows no other."));
    m_recipientComboBox->addItem(tr("(not chosen)"), QString());
    for (const CodeLabel& partyType : ConsentVocabulary::partyTypes())
        m_recipientComboBox->addItem(partyType.label, partyType.code);
    form->addRow(tr("&Recipient:"), m_recipientComboBox);

    m_purposeComboBox = new QComboBox(this);
    m_purposeComboBox->setObjectName(QStringLiteral("purposeComboBox"));
    m_purposeComboBox->setAccessibleName(tr("Purpose"));
    m_purposeComboBox->setAccessibleDescription(
        tr("What the information is shared for under this decision. It allows no other purpose."));
    m_purposeComboBox->addItem(tr("(not chosen)"), QString());
    for (const CodeLabel& purpose : ConsentVocabulary::purposes())
        m_purposeComboBox->addItem(purpose.label, purpose.code);
    form->addRow(tr("&Purpose:"), m_purposeComboBox);

    m_lawfulBasisComboBox = new QComboBox(this);
    m_lawfulBasisComboBox->setObjectName(QStringLiteral("lawfulBasisComboBox"));
    m_lawfulBasisComboBox->setAccessibleName(tr("Lawful basis"));
    m_lawfulBasisComboBox->setEditable(true);
    m_lawfulBasisComboBox->setInsertPolicy(QComboBox::NoInsert);
    for (const CodeLabel& basis : ConsentVocabulary::lawfulBases())
        m_lawfulBasisComboBox->addItem(basis.label, basis.code);
    form->addRow(tr("&Lawful basis:"), m_lawfulBasisComboBox);

    m_conditionComboBox = new QComboBox(this);
    m_conditionComboBox->setObjectName(QStringLiteral("conditionComboBox"));
    m_conditionComboBox->setAccessibleName(tr("Condition"));
    m_conditionComboBox->setEditable(true);
    m_conditionComboBox->setInsertPolicy(QComboBox::NoInsert);
    m_conditionComboBox->addItem(QString(), QString());
    for (const CodeLabel& condition : ConsentVocabulary::conditions())
        m_conditionComboBox->addItem(condition.label, condition.code);
    // NOTE: a SharingDecision records no data categories, so neither this
    // form nor core can check that special category or criminal offence data
    // comes with a condition. The help text below asks the user instead.
    m_conditionComboBox->lineEdit()->setPlaceholderText(tr("None: personal data only"));
    const QString conditionHelp =
        tr("Needed when special category or criminal offence data is shared: the UK GDPR Art. 9 condition, "
           "or for criminal offence data DPA 2018 s.10(5), each with its Schedule 1 paragraph.");
    m_conditionComboBox->setAccessibleDescription(conditionHelp);
    auto* conditionHelpLabel = new QLabel(conditionHelp, this);
    conditionHelpLabel->setObjectName(QStringLiteral("conditionHelpLabel"));
    conditionHelpLabel->setWordWrap(true);
    conditionHelpLabel->setForegroundRole(QPalette::PlaceholderText);
    auto* conditionField = new QVBoxLayout;
    conditionField->addWidget(m_conditionComboBox);
    conditionField->addWidget(conditionHelpLabel);
    auto* conditionLabel = new QLabel(tr("&Condition:"), this);
    conditionLabel->setBuddy(m_conditionComboBox);
    form->addRow(conditionLabel, conditionField);

    m_justificationEdit = new QPlainTextEdit(this);
    m_justificationEdit->setObjectName(QStringLiteral("justificationPlainTextEdit"));
    m_justificationEdit->setAccessibleName(tr("Justification"));
    m_justificationEdit->setPlaceholderText(
        tr("Why sharing without consent is necessary and proportionate, and why consent was not sought or "
           "was overridden."));
    m_justificationEdit->setTabChangesFocus(true);
    form->addRow(tr("&Justification:"), m_justificationEdit);

    m_decidedByLineEdit = new QLineEdit(this);
    m_decidedByLineEdit->setObjectName(QStringLiteral("decidedByLineEdit"));
    m_decidedByLineEdit->setAccessibleName(tr("Decided by"));
    form->addRow(tr("Decided b&y:"), m_decidedByLineEdit);

    m_dateEdit = makeDateEdit(this, QStringLiteral("decisionDateEdit"), tr("Date of decision"));
    form->addRow(tr("Da&te:"), m_dateEdit);
    formLayout()->addLayout(form);

    trackField(m_aboutComboBox);
    trackField(m_recipientComboBox);
    trackField(m_purposeComboBox);
    trackField(m_lawfulBasisComboBox);
    trackField(m_conditionComboBox);
    trackField(m_justificationEdit);
    trackField(m_decidedByLineEdit);
    trackField(m_dateEdit);

    // The local organisation's party type sets the usual basis. A store
    // without a local organisation falls back to public task.
    const Result<OrganisationRecord> organisation = session->directory().localOrganisation();
    const QString basis =
        ConsentVocabulary::defaultLawfulBasis(organisation ? organisation->partyType : QString());
    m_loaded.familyId = m_family.family.id;
    formUndo()->withoutRecording([&] {
        m_lawfulBasisComboBox->setCurrentIndex(indexOfData(m_lawfulBasisComboBox, basis));
        m_conditionComboBox->setCurrentIndex(0);
        m_decidedByLineEdit->setText(session->actor().user);
        m_dateEdit->setDate(session->today());
    });
}

void SharingDecisionEditor::loadDecision(const SharingDecision& decision) {
    m_loaded = decision;
    setWindowTitle(tr("Decision to Share Without Consent[*]"));
    formUndo()->withoutRecording([&] {
        int aboutIndex = indexOfData(m_aboutComboBox, decision.personId);
        if (aboutIndex < 0) {
            m_aboutComboBox->addItem(familyMemberName(m_family, decision.personId), decision.personId);
            aboutIndex = m_aboutComboBox->count() - 1;
        }
        m_aboutComboBox->setCurrentIndex(aboutIndex);
        selectCode(m_recipientComboBox, decision.recipientPartyType);
        selectCode(m_purposeComboBox, decision.purpose);
        m_lawfulBasisComboBox->setCurrentText(ConsentVocabulary::lawfulBasisLabel(decision.lawfulBasis));
        m_conditionComboBox->setCurrentText(ConsentVocabulary::conditionLabel(decision.condition));
        m_justificationEdit->setPlainText(decision.justification);
        m_decidedByLineEdit->setText(decision.decidedBy);
        m_dateEdit->setDate(decision.date);
    });
}

Status SharingDecisionEditor::save() {
    SharingDecision decision = m_loaded;
    decision.familyId = m_family.family.id;
    decision.personId = m_aboutComboBox->currentData().toString();
    decision.recipientPartyType = m_recipientComboBox->currentData().toString();
    decision.purpose = m_purposeComboBox->currentData().toString();
    decision.lawfulBasis =
        codeForText(ConsentVocabulary::lawfulBases(), m_lawfulBasisComboBox->currentText());
    decision.condition = codeForText(ConsentVocabulary::conditions(), m_conditionComboBox->currentText());
    decision.justification = m_justificationEdit->toPlainText().trimmed();
    decision.decidedBy = m_decidedByLineEdit->text().trimmed();
    decision.date = m_dateEdit->date();

    ConsentRepository& consents = session()->consents();
    const Result<SharingDecision> saved = m_loaded.meta.id.isEmpty()
                                              ? consents.createSharingDecision(session()->actor(), decision)
                                              : consents.updateSharingDecision(session()->actor(), decision);
    if (!saved)
        return std::unexpected(saved.error());
    m_loaded = *saved;
    session()->notifyFamilyChanged(m_family.family.id);
    return {};
}

} // namespace earlyhelp::ui
