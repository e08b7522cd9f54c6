#include "sharedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "cases/casedirectory.h"
#include "casesession.h"
#include "casework/consentrepository.h"
#include "casework/datacategorycode.h"
#include "consenteditors.h"
#include "displaytext.h"

namespace earlyhelp::ui {

namespace {

enum Column { FieldColumn, ValueColumn, StatusColumn, ColumnCount };

// A value as one line of the tree: dates dd/MM/yyyy, yes/no for flags, the
// label of a stored code, and text cut at its first line break. The preview
// shows the values as sent, codes and ISO dates included.
QString displayValue(const QString& fieldId, const QVariant& value) {
    if (value.typeId() == QMetaType::QDate)
        return displayDate(value.toDate());
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? ShareDialog::tr("Yes") : ShareDialog::tr("No");

    const QString text = value.toString();
    if (fieldId == u"family.status")
        return CodeLabels::familyStatus(text);
    if (fieldId == u"person.sex")
        return CodeLabels::sex(text);
    if (fieldId == u"contact.telephoneType")
        return CodeLabels::telephoneType(text);
    if (fieldId == u"relationship.relationship" || fieldId == u"familyMember.relationship")
        return CodeLabels::relationship(text);
    if (fieldId == u"caseNote.category") {
        const std::optional<DataCategory> category = dataCategoryFromCode(text);
        return category ? ConsentVocabulary::dataCategoryLabel(*category) : text;
    }

    const qsizetype lineEnd = text.indexOf(u'\n');
    if (lineEnd < 0)
        return text;
    return text.left(lineEnd) + QChar(0x2026);
}

// Withheld fields are drawn in a colour between the text and the background:
// clearly dimmer than shareable fields, yet with contrast enough to read.
QColor withheldColour(const QPalette& palette) {
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const auto mix = [](int from, int to) { return from + (to - from) * 45 / 100; };
    return QColor(mix(text.red(), base.red()), mix(text.green(), base.green()),
                  mix(text.blue(), base.blue()));
}

// decide() names the clause in most reasons already ("Clause H-health-personal:
// ..."); the clause is added only where the reason lacks it.
QString withheldToolTip(const policy::WithheldField& field) {
    if (field.clauseId.isEmpty() || field.reason.contains(field.clauseId))
        return field.reason;
    return ShareDialog::tr("%1\nClause: %2").arg(field.reason, field.clauseId);
}

} // namespace

ShareDialog::ShareDialog(CaseSession* session, Scope scope, const QString& id, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("shareDialog"));
    setWindowTitle(tr("Share With"));
    resize(860, 640);

    m_unavailableLabel = new QLabel(this);
    m_unavailableLabel->setObjectName(QStringLiteral("shareUnavailableLabel"));
    m_unavailableLabel->setWordWrap(true);
    m_unavailableLabel->setTextFormat(Qt::PlainText);
    m_unavailableLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4ce; color: #3d2e00; border: 1px solid #e0c060; border-radius: 3px; "
        "padding: 6px; }"));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("shareErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->hide();

    m_recipientCombo = new QComboBox(this);
    m_recipientCombo->setObjectName(QStringLiteral("shareRecipientComboBox"));
    m_recipientCombo->setAccessibleName(tr("Recipient"));
    m_purposeCombo = new QComboBox(this);
    m_purposeCombo->setObjectName(QStringLiteral("sharePurposeComboBox"));
    m_purposeCombo->setAccessibleName(tr("Purpose"));
    m_purposeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto* recipientLabel = new QLabel(tr("&Recipient:"), this);
    recipientLabel->setBuddy(m_recipientCombo);
    auto* purposeLabel = new QLabel(tr("P&urpose:"), this);
    purposeLabel->setBuddy(m_purposeCombo);
    auto* form = new QFormLayout;
    form->addRow(recipientLabel, m_recipientCombo);
    form->addRow(purposeLabel, m_purposeCombo);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("shareCountLabel"));

    m_fieldsTree = new QTreeWidget(this);
    m_fieldsTree->setObjectName(QStringLiteral("shareFieldsTreeWidget"));
    m_fieldsTree->setAccessibleName(tr("Fields to share"));
    m_fieldsTree->setColumnCount(ColumnCount);
    m_fieldsTree->setHeaderLabels({tr("Record and field"), tr("Value"), tr("Can be shared")});
    m_fieldsTree->setUniformRowHeights(true);
    m_fieldsTree->setAllColumnsShowFocus(true);
    m_fieldsTree->header()->setStretchLastSection(false);
    m_fieldsTree->header()->setSectionResizeMode(FieldColumn, QHeaderView::Interactive);
    m_fieldsTree->header()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_fieldsTree->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_fieldsTree->header()->resizeSection(FieldColumn, 280);

    m_previewEdit = new QPlainTextEdit(this);
    m_previewEdit->setObjectName(QStringLiteral("sharePreviewPlainTextEdit"));
    m_previewEdit->setAccessibleName(tr("Document to send"));
    m_previewEdit->setReadOnly(true);
    m_previewEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_previewEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("shareTabWidget"));
    m_tabs->addTab(m_fieldsTree, tr("&Fields"));
    m_tabs->addTab(m_previewEdit, tr("Pre&view"));

    auto* notSentLabel =
        new QLabel(tr("Nothing is sent from this window: it shows what sharing would send."), this);
    notSentLabel->setObjectName(QStringLiteral("shareNotSentLabel"));
    notSentLabel->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("shareButtonBox"));
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_unavailableLabel);
    layout->addWidget(m_errorLabel);
    layout->addLayout(form);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(notSentLabel);
    layout->addWidget(buttons);

    const sharing::AgreementState& state = m_session->agreementState();
    m_unavailableLabel->setText(state.unavailableReason);
    m_unavailableLabel->setVisible(!state.inForce);

    Result<OrganisationRecord> sender = m_session->directory().localOrganisation();
    if (sender)
        m_senderPartyType = sender->partyType;

    if (state.inForce) {
        for (const policy::PartyType& partyType : state.inForce->partyTypes)
            m_recipientCombo->addItem(partyType.label, partyType.code);
        for (const policy::Purpose& purpose : state.inForce->purposes)
            m_purposeCombo->addItem(purpose.label, purpose.code);
        // Sharing goes to another organisation, most often of another type,
        // so the first other type is chosen to begin with.
        for (int row = 0; row < m_recipientCombo->count(); ++row) {
            if (m_recipientCombo->itemData(row).toString() != m_senderPartyType) {
                m_recipientCombo->setCurrentIndex(row);
                break;
            }
        }
    }
    m_recipientCombo->setEnabled(state.inForce.has_value());
    m_purposeCombo->setEnabled(state.inForce.has_value());

    Result<QList<sharing::ShareRecord>> records = scope == Scope::Family
                                                      ? sharing::collectFamilyRecords(m_session->store(), id)
                                                      : sharing::collectPersonRecords(m_session->store(), id);
    if (records) {
        m_records = *records;
        if (!m_records.isEmpty())
            setWindowTitle(tr("Share With \u2014 %1").arg(m_records.first().subjectLabel));
    } else {
        m_errorLabel->setText(records.error().message);
        m_errorLabel->show();
    }

    connect(m_recipientCombo, &QComboBox::currentIndexChanged, this, &ShareDialog::rebuild);
    connect(m_purposeCombo, &QComboBox::currentIndexChanged, this, &ShareDialog::rebuild);
    rebuild();

    setTabOrder(m_recipientCombo, m_purposeCombo);
    setTabOrder(m_purposeCombo, m_tabs);
    setTabOrder(m_tabs, m_fieldsTree);
    if (state.inForce)
        m_recipientCombo->setFocus();
    else
        m_fieldsTree->setFocus();
}

QString ShareDialog::recipientPartyType() const {
    return m_recipientCombo->currentData().toString();
}

QString ShareDialog::purpose() const {
    return m_purposeCombo->currentData().toString();
}

void ShareDialog::rebuild() {
    const policy::SharingRecipient recipient{recipientPartyType(), {}};
    Result<sharing::Share> built = sharing::buildShare(
        m_session->store(), m_records, m_session->agreementState(), recipient, purpose(), m_session->today());
    if (!built) {
        m_share = sharing::Share{};
        m_errorLabel->setText(built.error().message);
        m_errorLabel->show();
    } else {
        m_share = *built;
    }
    showFields();

    const QJsonDocument document(sharing::wireDocument(m_share));
    m_previewEdit->setPlainText(QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
}

void ShareDialog::showFields() {
    m_fieldsTree->clear();
    for (const sharing::RecordShare& record : std::as_const(m_share.records))
        m_fieldsTree->addTopLevelItem(addRecord(record));
    m_fieldsTree->expandAll();
    if (m_fieldsTree->topLevelItemCount() > 0)
        m_fieldsTree->setCurrentItem(m_fieldsTree->topLevelItem(0));

    m_countLabel->setText(
        tr("%1 of %n field(s) can be shared", nullptr, m_share.fieldCount()).arg(m_share.sharedFieldCount()));
}

QTreeWidgetItem* ShareDialog::addRecord(const sharing::RecordShare& record) {
    // The record's name in the first column, and whose it is in the value
    // column, so neither is cut off by the other.
    auto* recordItem = new QTreeWidgetItem;
    recordItem->setText(FieldColumn, record.record.label);
    if (record.record.subjectLabel != record.record.label)
        recordItem->setText(ValueColumn, record.record.subjectLabel);
    QFont bold = recordItem->font(FieldColumn);
    bold.setBold(true);
    recordItem->setFont(FieldColumn, bold);
    const int fieldCount = static_cast<int>(record.payload.shared.size() + record.payload.withheld.size());
    recordItem->setText(StatusColumn, tr("%1 of %n", nullptr, fieldCount).arg(record.payload.shared.size()));

    // Fields in catalogue order, as forms show them, not in id order.
    const QColor greyed = withheldColour(m_fieldsTree->palette());
    for (const FieldDefinition& field : fieldCatalogue()) {
        const QString fieldId = field.id.toString();
        if (!record.record.fields.contains(fieldId))
            continue;

        auto* item = new QTreeWidgetItem(recordItem);
        item->setText(FieldColumn, fieldLabel(field));
        item->setText(ValueColumn, displayValue(fieldId, record.record.fields.value(fieldId)));
        item->setData(FieldColumn, Qt::UserRole, fieldId);

        QString toolTip;
        const auto shared = std::ranges::find(record.payload.shared, fieldId, &policy::SharedField::fieldId);
        if (shared != record.payload.shared.cend()) {
            item->setText(StatusColumn, tr("Shared"));
            toolTip = sharedToolTip(shared->outcome);
        } else {
            const auto withheld =
                std::ranges::find(record.payload.withheld, fieldId, &policy::WithheldField::fieldId);
            item->setText(StatusColumn, tr("Withheld"));
            if (withheld != record.payload.withheld.cend())
                toolTip = withheldToolTip(*withheld);
            for (int column = 0; column < ColumnCount; ++column)
                item->setForeground(column, greyed);
        }
        for (int column = 0; column < ColumnCount; ++column) {
            item->setToolTip(column, toolTip);
            item->setData(column, Qt::AccessibleDescriptionRole, toolTip);
        }
    }
    return recordItem;
}

QString ShareDialog::sharedToolTip(const policy::Allowed& allowed) const {
    QStringList lines;
    lines += tr("Can be shared under clause %1.").arg(allowed.clauseId);
    lines += tr("Lawful basis: %1.").arg(ConsentVocabulary::lawfulBasisLabel(allowed.lawfulBasis));
    if (!allowed.condition.isEmpty())
        lines += tr("Condition: %1.").arg(ConsentVocabulary::conditionLabel(allowed.condition));
    if (!allowed.overrideDecisionId.isEmpty()) {
        Result<SharingDecision> decision = m_session->consents().sharingDecision(allowed.overrideDecisionId);
        if (decision)
            lines += tr("Shared without consent under the sharing decision of %1 by %2.")
                         .arg(displayDate(decision->date), isolated(decision->decidedBy));
        else
            lines += tr("Shared without consent under a recorded sharing decision.");
    }
    return lines.join(u'\n');
}

} // namespace earlyhelp::ui
