#include "agreementsignupdialog.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "casesession.h"
#include "consenteditors.h"
#include "formfields.h"
#include "policy/agreementdiff.h"
#include "sharing/agreementregister.h"

namespace earlyhelp::ui {

namespace {

enum ChangeColumn { FieldColumn, CategoryColumn, ChangeKindColumn, BeforeColumn, AfterColumn, ColumnCount };

// A group row's recipient and purpose without its count, for the details
// line below the tree.
constexpr int GroupLabelRole = Qt::UserRole + 1;

QString partyTypeLabel(const policy::Agreement& first, const policy::Agreement& second, const QString& code) {
    for (const policy::Agreement* agreement : {&first, &second}) {
        for (const policy::PartyType& partyType : agreement->partyTypes) {
            if (partyType.code == code)
                return partyType.label;
        }
    }
    return code;
}

QString purposeLabel(const policy::Agreement& first, const policy::Agreement& second, const QString& code) {
    for (const policy::Agreement* agreement : {&first, &second}) {
        for (const policy::Purpose& purpose : agreement->purposes) {
            if (purpose.code == code)
                return purpose.label;
        }
    }
    return code;
}

QString kindText(policy::AgreementChangeKind kind) {
    switch (kind) {
    case policy::AgreementChangeKind::BecomesShareable:
        return AgreementSignUpDialog::tr("Becomes shareable");
    case policy::AgreementChangeKind::StopsBeingShareable:
        return AgreementSignUpDialog::tr("Stops being shareable");
    case policy::AgreementChangeKind::TermsChanged:
        return AgreementSignUpDialog::tr("Terms change");
    }
    return {};
}

QString basisText(policy::ConsentBasis basis) {
    switch (basis) {
    case policy::ConsentBasis::Consent:
        return AgreementSignUpDialog::tr("with consent");
    case policy::ConsentBasis::ConsentOrOverride:
        return AgreementSignUpDialog::tr("with consent or a decision to share without it");
    case policy::ConsentBasis::OverrideOnly:
        return AgreementSignUpDialog::tr("only by a decision to share without consent");
    case policy::ConsentBasis::Never:
        return AgreementSignUpDialog::tr("never");
    }
    return {};
}

// "Clause S-health-special: with consent; Public task; retention: 6 years", or
// "Not shareable" when no rule allows it.
QString ruleText(const std::optional<policy::Rule>& rule) {
    if (!rule || rule->basis == policy::ConsentBasis::Never)
        return AgreementSignUpDialog::tr("Not shareable");
    QStringList parts{basisText(rule->basis), ConsentVocabulary::lawfulBasisLabel(rule->lawfulBasis)};
    if (!rule->condition.isEmpty())
        parts += ConsentVocabulary::conditionLabel(rule->condition);
    parts += AgreementSignUpDialog::tr("retention: %1").arg(rule->retention);
    return AgreementSignUpDialog::tr("Clause %1: %2").arg(rule->clauseId, parts.join(u"; "));
}

} // namespace

AgreementSignUpDialog::AgreementSignUpDialog(CaseSession* session, QByteArray trustPublicKey,
                                             policy::Agreement pending,
                                             std::optional<policy::Agreement> inForce, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_trustPublicKey(std::move(trustPublicKey))
    , m_pending(std::move(pending)) {
    setObjectName(QStringLiteral("agreementSignUpDialog"));
    const bool confirmingNewVersion = inForce.has_value();
    setWindowTitle(confirmingNewVersion ? tr("Confirm Agreement Version %1").arg(m_pending.version)
                                        : tr("Sign Up to the Agreement"));
    resize(confirmingNewVersion ? 980 : 820, confirmingNewVersion ? 700 : 340);

    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("agreementSignUpHeading"));
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText);
    if (confirmingNewVersion)
        heading->setText(
            tr("Version %1 of \u201c%2\u201d replaces version %3. It applies once you confirm "
               "it below; until then version %3 stays in force.")
                .arg(QString::number(m_pending.version), m_pending.title, QString::number(inForce->version)));
    else
        heading->setText(tr("Your organisation is signing up to version %1 of \u201c%2\u201d. Until it "
                            "has, nothing can be shared with other parties.")
                             .arg(QString::number(m_pending.version), m_pending.title));
    layout->addWidget(heading);

    auto* notice = new QLabel(m_pending.notice, this);
    notice->setObjectName(QStringLiteral("agreementSignUpNotice"));
    notice->setWordWrap(true);
    notice->setTextFormat(Qt::PlainText);
    QFont noticeFont = notice->font();
    noticeFont.setItalic(true);
    notice->setFont(noticeFont);
    layout->addWidget(notice);

    if (confirmingNewVersion) {
        auto* changesLabel = new QLabel(this);
        changesLabel->setObjectName(QStringLiteral("agreementChangesLabel"));
        changesLabel->setWordWrap(true);
        m_changesTree = new QTreeWidget(this);
        m_changesTree->setObjectName(QStringLiteral("agreementChangesTree"));
        m_changesTree->setAccessibleName(tr("Changes in what may be shared"));
        m_changesTree->setColumnCount(ColumnCount);
        m_changesTree->setHeaderLabels(
            {tr("Field"), tr("Category"), tr("Change"), tr("Before"), tr("After")});
        m_changesTree->setAlternatingRowColors(true);
        m_changesTree->setUniformRowHeights(true);
        m_changeDetails = new QLabel(this);
        m_changeDetails->setObjectName(QStringLiteral("agreementChangeDetails"));
        m_changeDetails->setWordWrap(true);
        m_changeDetails->setTextFormat(Qt::PlainText);
        m_changeDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
        connect(m_changesTree, &QTreeWidget::currentItemChanged, this,
                &AgreementSignUpDialog::showChangeDetails);
        fillChanges(*inForce);
        changesLabel->setText(
            m_changeCount == 0 ? tr("No field becomes or stops being shareable, and no terms of sharing "
                                    "change.")
                               : tr("%n change(s) in what may be shared, by recipient and purpose:", nullptr,
                                    m_changeCount));
        changesLabel->setBuddy(m_changesTree);
        layout->addWidget(changesLabel);
        layout->addWidget(m_changesTree, 1);
        layout->addWidget(m_changeDetails);
        showChangeDetails(m_changesTree->currentItem());
    }

    auto* readButton = new QPushButton(tr("Read the &Agreement\u2026"), this);
    readButton->setObjectName(QStringLiteral("readAgreementButton"));
    readButton->setAutoDefault(false);
    connect(readButton, &QPushButton::clicked, this, &AgreementSignUpDialog::readAgreementRequested);
    auto* readRow = new QHBoxLayout;
    readRow->addWidget(readButton);
    readRow->addStretch(1);
    layout->addLayout(readRow);

    auto* form = new QFormLayout;
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("signatoryNameEdit"));
    m_nameEdit->setAccessibleName(tr("Signatory's name"));
    form->addRow(tr("Signatory's &name:"), m_nameEdit);
    m_roleEdit = new QLineEdit(this);
    m_roleEdit->setObjectName(QStringLiteral("signatoryRoleEdit"));
    m_roleEdit->setAccessibleName(tr("Signatory's role"));
    m_roleEdit->setPlaceholderText(tr("For example, Headteacher"));
    form->addRow(tr("Signatory's &role:"), m_roleEdit);
    m_dateEdit = makeDateEdit(this, QStringLiteral("signedDateEdit"), tr("Date signed"));
    m_dateEdit->setDate(session->today());
    form->addRow(tr("Date &signed:"), m_dateEdit);
    layout->addLayout(form);

    m_confirmCheck = new QCheckBox(
        tr("The &organisation accepts version %1 of the agreement").arg(m_pending.version), this);
    m_confirmCheck->setObjectName(QStringLiteral("acceptAgreementCheckBox"));
    layout->addWidget(m_confirmCheck);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("agreementSignUpError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(inlineErrorStyleSheet());
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);
    // Without the changes tree nothing else takes the spare height, so the
    // stretch keeps the labels together above the buttons.
    if (!confirmingNewVersion)
        layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("agreementSignUpButtons"));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(confirmingNewVersion ? tr("&Confirm Version %1").arg(m_pending.version) : tr("Sign &Up"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AgreementSignUpDialog::confirm);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &AgreementSignUpDialog::updateConfirmButton);
    connect(m_roleEdit, &QLineEdit::textChanged, this, &AgreementSignUpDialog::updateConfirmButton);
    connect(m_confirmCheck, &QCheckBox::toggled, this, &AgreementSignUpDialog::updateConfirmButton);
    updateConfirmButton();
    m_nameEdit->setFocus();
}

void AgreementSignUpDialog::fillChanges(const policy::Agreement& from) {
    const QList<policy::AgreementChange> changes = policy::diffAgreements(from, m_pending);
    m_changeCount = int(changes.size());

    // Changes come ordered by recipient and purpose; each pair gets a group
    // row whose label carries the number of fields under it.
    QTreeWidgetItem* group = nullptr;
    int groupCount = 0;
    QString groupLabel;
    const auto closeGroup = [&] {
        if (group)
            group->setText(FieldColumn, tr("%1 (%n field(s))", nullptr, groupCount).arg(groupLabel));
    };
    for (const policy::AgreementChange& change : changes) {
        const QString groupKey = change.recipientPartyType + u'\n' + change.purpose;
        if (!group || group->data(FieldColumn, Qt::UserRole).toString() != groupKey) {
            closeGroup();
            group = new QTreeWidgetItem(m_changesTree);
            group->setData(FieldColumn, Qt::UserRole, groupKey);
            groupLabel = tr("%1, for %2")
                             .arg(partyTypeLabel(from, m_pending, change.recipientPartyType),
                                  purposeLabel(from, m_pending, change.purpose));
            // The recipient and purpose are longer than any column, so the
            // group row spans them all.
            group->setFirstColumnSpanned(true);
            group->setData(FieldColumn, GroupLabelRole, groupLabel);
            group->setExpanded(true);
            groupCount = 0;
        }
        ++groupCount;

        auto* item = new QTreeWidgetItem(group);
        const std::optional<FieldDefinition> field = findField(change.fieldId);
        item->setText(FieldColumn, field ? fieldLabel(*field) : change.fieldId);
        item->setData(FieldColumn, Qt::UserRole, change.fieldId);
        item->setText(CategoryColumn, ConsentVocabulary::dataCategoryLabel(change.category));
        item->setText(ChangeKindColumn, kindText(change.kind));
        item->setText(BeforeColumn, ruleText(change.before));
        item->setText(AfterColumn, ruleText(change.after));
        for (int column = 0; column < ColumnCount; ++column)
            item->setToolTip(column, item->text(column));
    }
    closeGroup();

    m_changesTree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_changesTree->setColumnWidth(FieldColumn, 220);
    m_changesTree->setColumnWidth(CategoryColumn, 150);
    m_changesTree->setColumnWidth(ChangeKindColumn, 150);
    m_changesTree->setColumnWidth(BeforeColumn, 210);

    if (QTreeWidgetItem* first = m_changesTree->topLevelItem(0); first && first->childCount() > 0)
        m_changesTree->setCurrentItem(first->child(0));
}

void AgreementSignUpDialog::showChangeDetails(QTreeWidgetItem* item) {
    // The rule texts are too long for their columns, so the selected
    // change's full terms show below the tree.
    if (!item || !item->parent()) {
        m_changeDetails->setText(tr("Select a field to see its terms before and after in full."));
        return;
    }
    m_changeDetails->setText(tr("%1, %2\nBefore: %3\nAfter: %4")
                                 .arg(item->parent()->data(FieldColumn, GroupLabelRole).toString(),
                                      item->text(FieldColumn), item->text(BeforeColumn),
                                      item->text(AfterColumn)));
}

void AgreementSignUpDialog::updateConfirmButton() {
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_confirmCheck->isChecked() && !m_nameEdit->text().trimmed().isEmpty() &&
                     !m_roleEdit->text().trimmed().isEmpty());
}

void AgreementSignUpDialog::confirm() {
    sharing::AgreementRegister agreementRegister(m_session->store(), m_trustPublicKey);
    const Result<sharing::Acceptance> accepted =
        agreementRegister.accept(m_session->actor(), m_pending.version, m_nameEdit->text(),
                                 m_roleEdit->text(), m_dateEdit->date(), m_session->today());
    if (!accepted) {
        m_errorLabel->setText(accepted.error().message);
        m_errorLabel->show();
        return;
    }
    emit signedUp();
    accept();
}

} // namespace earlyhelp::ui
