#include "addpersondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include "cases/casedirectory.h"
#include "casesession.h"
#include "displaytext.h"
#include "domain/validators.h"
#include "formfields.h"
#include "formundo.h"

Q_LOGGING_CATEGORY(lcAddPerson, "earlyhelp.ui.addperson", QtInfoMsg)

namespace earlyhelp::ui {

namespace {

enum DuplicateColumn {
    NameColumn,
    DateOfBirthColumn,
    UpnColumn,
    FamilyColumn,
    ReasonColumn,
    DuplicateColumnCount
};

constexpr int personIdRole = Qt::UserRole;

// Relationship codes offered for a family member, as CodeLabels names them.
const QStringList relationshipCodes{
    QStringLiteral("PAM"), QStringLiteral("PAF"),   QStringLiteral("FOM"),     QStringLiteral("FOF"),
    QStringLiteral("REL"), QStringLiteral("carer"), QStringLiteral("sibling"), QStringLiteral("other adult"),
};

QLabel* makeErrorLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(inlineErrorStyleSheet());
    label->hide();
    return label;
}

} // namespace

AddPersonDialog::AddPersonDialog(CaseSession* session, const QString& familyId, QWidget* parent)
    : EditorDialog(session, parent) {
    setObjectName(QStringLiteral("addPersonDialog"));
    setWindowTitle(tr("Add Person[*]"));
    if (session)
        m_people = std::make_unique<PersonRepository>(session->store());

    createFields();
    formUndo()->withoutRecording([&] { loadFamilies(familyId); });
    updateFamilyFields();

    if (auto* buttons = findChild<QDialogButtonBox*>(QStringLiteral("editorButtonBox"))) {
        QPushButton* addButton = buttons->button(QDialogButtonBox::Save);
        addButton->setText(tr("&Add"));
        addButton->setObjectName(QStringLiteral("addPushButton"));
    }

    // An edit after the duplicates were listed may change who matches, so
    // the list and the user's confirmation no longer apply.
    connect(undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (m_duplicatesBox->isVisible())
            hideDuplicates();
    });
    resize(640, sizeHint().height());
}

AddPersonDialog::~AddPersonDialog() = default;

void AddPersonDialog::createFields() {
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    formLayout()->addLayout(form);

    m_forenameEdit = addLineEdit(PersonField::Forename, tr("&Forename:"), QStringLiteral("forenameLineEdit"),
                                 tr("Legal forename"));
    m_middleNamesEdit = addLineEdit(PersonField::MiddleNames, tr("M&iddle names:"),
                                    QStringLiteral("middleNamesLineEdit"), tr("Middle names"));
    m_surnameEdit = addLineEdit(PersonField::Surname, tr("&Surname:"), QStringLiteral("surnameLineEdit"),
                                tr("Legal surname"));
    m_preferredNameEdit = addLineEdit(PersonField::PreferredForename, tr("&Preferred name:"),
                                      QStringLiteral("preferredNameLineEdit"), tr("Preferred forename"));
    m_dateOfBirthEdit = addLineEdit(PersonField::DateOfBirth, tr("&Date of birth:"),
                                    QStringLiteral("dateOfBirthLineEdit"), tr("Date of birth"));
    m_dateOfBirthEdit->setPlaceholderText(tr("dd/mm/yyyy"));

    m_sexCombo = new QComboBox(this);
    m_sexCombo->setObjectName(QStringLiteral("sexComboBox"));
    m_sexCombo->setAccessibleName(tr("Sex"));
    m_sexCombo->addItem(tr("Not recorded"), QString());
    m_sexCombo->addItem(CodeLabels::sex(QStringLiteral("F")), QStringLiteral("F"));
    m_sexCombo->addItem(CodeLabels::sex(QStringLiteral("M")), QStringLiteral("M"));
    auto* sexError = makeErrorLabel(this, QStringLiteral("sexErrorLabel"));
    m_errorLabels.insert(PersonField::Sex, sexError);
    m_fieldWidgets.insert(PersonField::Sex, m_sexCombo);
    addRow(tr("S&ex:"), m_sexCombo, sexError);

    m_upnEdit =
        addLineEdit(PersonField::Upn, tr("&UPN:"), QStringLiteral("upnLineEdit"), tr("Unique Pupil Number"));
    m_upnEdit->setPlaceholderText(tr("13 characters, or UN1 to UN5 when not known"));
    m_nhsNumberEdit = addLineEdit(PersonField::NhsNumber, tr("&NHS number:"),
                                  QStringLiteral("nhsNumberLineEdit"), tr("NHS number"));
    m_nhsNumberEdit->setPlaceholderText(tr("10 digits"));
    m_postcodeEdit = addLineEdit(PersonField::Postcode, tr("P&ostcode:"), QStringLiteral("postcodeLineEdit"),
                                 tr("Postcode"));

    m_familyCombo = new QComboBox(this);
    m_familyCombo->setObjectName(QStringLiteral("familyComboBox"));
    m_familyCombo->setAccessibleName(tr("Family"));
    addRow(tr("Fa&mily:"), m_familyCombo, nullptr);

    m_roleCombo = new QComboBox(this);
    m_roleCombo->setObjectName(QStringLiteral("roleComboBox"));
    m_roleCombo->setAccessibleName(tr("Role in the family"));
    m_roleCombo->addItem(tr("Child"), QStringLiteral("child"));
    m_roleCombo->addItem(tr("Adult"), QStringLiteral("adult"));
    addRow(tr("&Role:"), m_roleCombo, nullptr);

    m_relationshipCombo = new QComboBox(this);
    m_relationshipCombo->setObjectName(QStringLiteral("relationshipComboBox"));
    m_relationshipCombo->setAccessibleName(tr("Relationship to the family's children"));
    m_relationshipCombo->addItem(tr("Not recorded"), QString());
    for (const QString& code : relationshipCodes)
        m_relationshipCombo->addItem(CodeLabels::relationship(code), code);
    addRow(tr("Re&lationship:"), m_relationshipCombo, nullptr);

    m_parentalResponsibilityCheck = new QCheckBox(tr("Has parental &responsibility"), this);
    m_parentalResponsibilityCheck->setObjectName(QStringLiteral("parentalResponsibilityCheckBox"));
    m_parentalResponsibilityCheck->setAccessibleName(tr("Has parental responsibility"));
    form->addRow(QString(), m_parentalResponsibilityCheck);
    trackField(m_parentalResponsibilityCheck);

    connect(m_familyCombo, &QComboBox::currentIndexChanged, this, &AddPersonDialog::updateFamilyFields);
    connect(m_roleCombo, &QComboBox::currentIndexChanged, this, &AddPersonDialog::updateFamilyFields);

    m_duplicatesBox = new QGroupBox(tr("People who may be the same person"), this);
    m_duplicatesBox->setObjectName(QStringLiteral("duplicatesGroupBox"));
    m_duplicatesLabel = new QLabel(m_duplicatesBox);
    m_duplicatesLabel->setObjectName(QStringLiteral("duplicatesLabel"));
    m_duplicatesLabel->setWordWrap(true);
    m_duplicatesTree = new QTreeWidget(m_duplicatesBox);
    m_duplicatesTree->setObjectName(QStringLiteral("duplicatesTreeWidget"));
    m_duplicatesTree->setAccessibleName(tr("People who may be the same person"));
    m_duplicatesTree->setRootIsDecorated(false);
    m_duplicatesTree->setAllColumnsShowFocus(true);
    m_duplicatesTree->setHeaderLabels(
        {tr("Name"), tr("Date of birth"), tr("UPN"), tr("Family"), tr("Why it matched")});
    m_duplicatesTree->header()->setStretchLastSection(true);
    m_duplicatesTree->setMinimumHeight(80);
    m_duplicatesTree->setMaximumHeight(150);
    m_linkButton = new QPushButton(tr("&Link to Family"), m_duplicatesBox);
    m_linkButton->setObjectName(QStringLiteral("linkDuplicatePushButton"));
    m_addAsNewButton = new QPushButton(tr("Add as Ne&w Person"), m_duplicatesBox);
    m_addAsNewButton->setObjectName(QStringLiteral("addAsNewPushButton"));
    auto* duplicateButtons = new QHBoxLayout;
    duplicateButtons->addStretch();
    duplicateButtons->addWidget(m_linkButton);
    duplicateButtons->addWidget(m_addAsNewButton);
    auto* duplicatesLayout = new QVBoxLayout(m_duplicatesBox);
    duplicatesLayout->addWidget(m_duplicatesLabel);
    duplicatesLayout->addWidget(m_duplicatesTree, 1);
    duplicatesLayout->addLayout(duplicateButtons);
    m_duplicatesBox->hide();
    formLayout()->addWidget(m_duplicatesBox);

    connect(m_duplicatesTree, &QTreeWidget::currentItemChanged, this,
            &AddPersonDialog::updateDuplicateButtons);
    connect(m_duplicatesTree, &QTreeWidget::itemActivated, this, &AddPersonDialog::linkSelectedDuplicate);
    connect(m_linkButton, &QPushButton::clicked, this, &AddPersonDialog::linkSelectedDuplicate);
    connect(m_addAsNewButton, &QPushButton::clicked, this, &AddPersonDialog::addAsNewPerson);
}

QLineEdit* AddPersonDialog::addLineEdit(PersonField field, const QString& labelText,
                                        const QString& objectName, const QString& accessibleName) {
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    QString errorName = objectName;
    errorName.replace(QStringLiteral("LineEdit"), QStringLiteral("ErrorLabel"));
    QLabel* error = makeErrorLabel(this, errorName);
    m_errorLabels.insert(field, error);
    m_fieldWidgets.insert(field, edit);
    addRow(labelText, edit, error);
    return edit;
}

void AddPersonDialog::addRow(const QString& labelText, QWidget* field, QLabel* errorLabel) {
    auto* form = qobject_cast<QFormLayout*>(formLayout()->itemAt(0)->layout());
    auto* label = new QLabel(labelText, this);
    label->setBuddy(field);
    if (!errorLabel) {
        form->addRow(label, field);
    } else {
        // The error sits under its field, in the field's column.
        auto* column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(field);
        column->addWidget(errorLabel);
        form->addRow(label, column);
    }
    trackField(field);
}

void AddPersonDialog::loadFamilies(const QString& familyId) {
    m_familyCombo->addItem(tr("No family"), QString());
    if (!session())
        return;
    Result<QList<FamilySummary>> families = session()->directory().families();
    if (!families) {
        showError(families.error().message);
        return;
    }
    for (const FamilySummary& family : std::as_const(*families))
        m_familyCombo->addItem(family.name, family.id);
    const int index = m_familyCombo->findData(familyId);
    m_familyCombo->setCurrentIndex(familyId.isEmpty() || index < 0 ? 0 : index);
}

void AddPersonDialog::updateFamilyFields() {
    const bool inFamily = !m_familyCombo->currentData().toString().isEmpty();
    const bool adult = m_roleCombo->currentData().toString() == u"adult";
    const bool editable = session() && session()->may(access::Action::EditCases);
    m_roleCombo->setEnabled(editable && inFamily);
    m_relationshipCombo->setEnabled(editable && inFamily);
    m_parentalResponsibilityCheck->setEnabled(editable && inFamily && adult);
    updateDuplicateButtons();
}

NewPerson AddPersonDialog::typedPerson() const {
    NewPerson person;
    person.forename = m_forenameEdit->text();
    person.middleNames = m_middleNamesEdit->text();
    person.surname = m_surnameEdit->text();
    person.preferredForename = m_preferredNameEdit->text();
    person.dateOfBirth = m_dateOfBirthEdit->text();
    person.sex = m_sexCombo->currentData().toString();
    person.upn = m_upnEdit->text();
    person.nhsNumber = m_nhsNumberEdit->text();
    person.postcode = m_postcodeEdit->text();
    return person;
}

std::optional<FamilyLink> AddPersonDialog::chosenFamily() const {
    const QString familyId = m_familyCombo->currentData().toString();
    if (familyId.isEmpty())
        return std::nullopt;
    FamilyLink link;
    link.familyId = familyId;
    link.role = m_roleCombo->currentData().toString();
    link.relationship = m_relationshipCombo->currentData().toString();
    link.parentalResponsibility = link.role == u"adult" && m_parentalResponsibilityCheck->isChecked();
    return link;
}

void AddPersonDialog::clearFieldErrors() {
    for (QLabel* label : std::as_const(m_errorLabels)) {
        label->clear();
        label->hide();
    }
    for (QWidget* field : std::as_const(m_fieldWidgets))
        field->setAccessibleDescription(QString());
}

void AddPersonDialog::showFieldErrors(const QList<PersonFieldError>& errors) {
    for (const PersonFieldError& error : errors) {
        QLabel* label = m_errorLabels.value(error.field);
        QWidget* field = m_fieldWidgets.value(error.field);
        if (!label || !field)
            continue;
        label->setText(error.message);
        label->show();
        field->setAccessibleDescription(error.message);
    }
    if (!errors.isEmpty()) {
        if (QWidget* first = m_fieldWidgets.value(errors.first().field))
            first->setFocus();
    }
}

Status AddPersonDialog::save() {
    if (!m_people)
        return makeError(ErrorCode::NotFound, tr("The case store is closed. Unlock it and try again."));

    clearFieldErrors();
    const NewPerson person = typedPerson();
    auto checked = PersonRepository::checkPerson(person, session()->today());
    if (!checked) {
        showFieldErrors(checked.error());
        hideDuplicates();
        return makeError(ErrorCode::InvalidInput,
                         tr("%n field(s) need correcting, as shown beside each field.", nullptr,
                            int(checked.error().size())));
    }

    if (!m_confirmedNew) {
        Result<QList<DuplicateMatch>> matches = m_people->findDuplicates(person);
        if (!matches)
            return std::unexpected(matches.error());
        if (!matches->isEmpty()) {
            showDuplicates(*matches);
            const QString name = QStringList{checked->forename, checked->surname}.join(u' ');
            return makeError(ErrorCode::Cancelled,
                             tr("%1 may already be in the store. Link the existing person to the family, or "
                                "choose Add as New Person.")
                                 .arg(isolated(name)));
        }
    }

    const std::optional<FamilyLink> family = chosenFamily();
    Result<QString> added = m_people->addPerson(session()->actor(), person, family);
    if (!added) {
        m_confirmedNew = false;
        return std::unexpected(added.error());
    }
    m_personId = *added;
    notifyWritten(family ? family->familyId : QString());
    return {};
}

void AddPersonDialog::showDuplicates(const QList<DuplicateMatch>& matches) {
    m_duplicatesTree->clear();
    for (const DuplicateMatch& match : matches) {
        auto* item = new QTreeWidgetItem(m_duplicatesTree);
        item->setText(NameColumn, listName(match.person));
        item->setToolTip(NameColumn, fullNameDescription(match.person));
        item->setText(DateOfBirthColumn, displayDate(match.person.dateOfBirth));
        item->setText(UpnColumn, match.person.upn);
        item->setText(FamilyColumn,
                      match.person.familyName.isEmpty() ? tr("No family") : match.person.familyName);
        item->setText(ReasonColumn, describeDuplicateReasons(match.reasons));
        item->setData(NameColumn, personIdRole, match.person.id);
        if (isRightToLeftName(match.person.displayName()))
            item->setTextAlignment(NameColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (int column = 0; column < ReasonColumn; ++column)
        m_duplicatesTree->resizeColumnToContents(column);
    m_duplicatesTree->setCurrentItem(m_duplicatesTree->topLevelItem(0));

    const QString name =
        QStringList{m_forenameEdit->text().trimmed(), m_surnameEdit->text().trimmed()}.join(u' ');
    m_duplicatesLabel->setText(tr("%n person(s) in the store may be %1. Link the right one to the family "
                                  "instead of adding a second record, or add %1 as a new person.",
                                  nullptr, int(matches.size()))
                                   .arg(isolated(name)));
    m_duplicatesBox->show();
    updateDuplicateButtons();
    m_duplicatesTree->setFocus();
}

void AddPersonDialog::hideDuplicates() {
    m_confirmedNew = false;
    m_duplicatesTree->clear();
    m_duplicatesBox->hide();
}

void AddPersonDialog::updateDuplicateButtons() {
    if (!m_linkButton)
        return;
    const bool editable = session() && session()->may(access::Action::EditCases);
    const bool inFamily = !m_familyCombo->currentData().toString().isEmpty();
    m_linkButton->setEnabled(editable && inFamily && m_duplicatesTree->currentItem());
    m_linkButton->setToolTip(inFamily ? QString() : tr("Choose a family above to link the person to."));
    m_addAsNewButton->setEnabled(editable);
}

void AddPersonDialog::linkSelectedDuplicate() {
    const QTreeWidgetItem* item = m_duplicatesTree->currentItem();
    const std::optional<FamilyLink> family = chosenFamily();
    if (!item || !family || !m_people)
        return;
    const QString personId = item->data(NameColumn, personIdRole).toString();
    showError(QString());
    if (Status linked = m_people->linkToFamily(session()->actor(), personId, *family); !linked) {
        showError(linked.error().message);
        return;
    }
    qCInfo(lcAddPerson) << "linked an existing person instead of adding a new one";
    m_personId = personId;
    notifyWritten(family->familyId);
    undoStack()->setClean();
    QDialog::accept();
}

void AddPersonDialog::addAsNewPerson() {
    m_confirmedNew = true;
    accept();
}

void AddPersonDialog::notifyWritten(const QString& familyId) {
    if (!familyId.isEmpty())
        session()->notifyFamilyChanged(familyId);
    session()->notifyPeopleChanged();
}

} // namespace earlyhelp::ui
