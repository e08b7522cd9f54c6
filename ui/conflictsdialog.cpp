#include "conflictsdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "casesession.h"
#include "displaytext.h"
#include "formfields.h"

Q_LOGGING_CATEGORY(lcConflicts, "earlyhelp.ui.conflicts", QtInfoMsg)

namespace earlyhelp::ui {

namespace {

enum ConflictColumn {
    RecordColumn,
    FieldColumn,
    ThisValueColumn,
    OtherOrganisationColumn,
    OtherValueColumn,
    FoundColumn,
    ConflictColumnCount
};
enum PurgeColumn { RemovedColumn, RemovedRecordColumn, ReasonColumn, PurgeColumnCount };
enum StackPage { EmptyPage, ListPage };

QString localDateTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return {};
    const QDateTime local = utc.toLocalTime();
    return displayDate(local.date()) + u' ' + local.toString(QStringLiteral("HH:mm"));
}

QTreeWidget* makeTree(QWidget* parent, const QString& objectName, const QString& accessibleName,
                      const QStringList& headers)
{
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setAllColumnsShowFocus(true);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree->setHeaderLabels(headers);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QLabel* makeEmptyLabel(QWidget* parent, const QString& objectName, const QString& text)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// Returns the label of a record type that sync carries, given its wire name.
QString recordTypeLabel(const QString& recordType)
{
    if (recordType == u"person")
        return ConflictsDialog::tr("Person");
    if (recordType == u"address")
        return ConflictsDialog::tr("Address");
    if (recordType == u"contact")
        return ConflictsDialog::tr("Phone number or e-mail address");
    if (recordType == u"relationship")
        return ConflictsDialog::tr("Relationship");
    if (recordType == u"family")
        return ConflictsDialog::tr("Family");
    if (recordType == u"familyMember")
        return ConflictsDialog::tr("Family member");
    if (recordType == u"caseNote")
        return ConflictsDialog::tr("Case note");
    if (recordType == u"consent")
        return ConflictsDialog::tr("Consent");
    if (recordType == u"sharingDecision")
        return ConflictsDialog::tr("Sharing decision");
    return recordType;
}

} // namespace

ConflictsDialog::ConflictsDialog(CaseSession* session, QString ownServerOrganisationId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_ownServerOrganisationId(std::move(ownServerOrganisationId))
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setWindowTitle(tr("Sync Conflicts"));
    resize(900, 480);

    // Open conflicts.
    m_conflictsTree = makeTree(this, QStringLiteral("conflictsTreeWidget"), tr("Conflicts"),
                               {tr("Record"), tr("Field"), tr("Value here"), tr("Other organisation"),
                                tr("Their value"), tr("Found")});
    m_conflictsEmptyLabel =
        makeEmptyLabel(this, QStringLiteral("conflictsEmptyLabel"),
                       tr("No conflicts wait for a choice. When this store and another organisation change the "
                          "same field to different values, the field appears here for you to choose which value "
                          "to keep."));
    m_conflictsStack = new QStackedWidget(this);
    m_conflictsStack->insertWidget(EmptyPage, m_conflictsEmptyLabel);
    m_conflictsStack->insertWidget(ListPage, m_conflictsTree);

    m_keepThisButton = new QPushButton(tr("Keep T&his Value"), this);
    m_keepThisButton->setObjectName(QStringLiteral("keepThisValuePushButton"));
    m_keepThisButton->setToolTip(tr("Keep the value this store holds and send it to the other organisation"));
    m_keepTheirsButton = new QPushButton(tr("Keep &Theirs"), this);
    m_keepTheirsButton->setObjectName(QStringLiteral("keepTheirsPushButton"));
    m_keepTheirsButton->setToolTip(tr("Replace the value here with the other organisation's value"));
    connect(m_keepThisButton, &QPushButton::clicked, this, [this] { resolveSelected(true); });
    connect(m_keepTheirsButton, &QPushButton::clicked, this, [this] { resolveSelected(false); });
    connect(m_conflictsTree, &QTreeWidget::currentItemChanged, this, &ConflictsDialog::updateButtons);

    auto* choiceRow = new QHBoxLayout;
    choiceRow->addStretch();
    choiceRow->addWidget(m_keepThisButton);
    choiceRow->addWidget(m_keepTheirsButton);

    auto* conflictsPage = new QWidget(this);
    auto* conflictsLayout = new QVBoxLayout(conflictsPage);
    conflictsLayout->addWidget(m_conflictsStack, 1);
    conflictsLayout->addLayout(choiceRow);

    // Records that sync removed.
    m_purgesTree = makeTree(this, QStringLiteral("purgesTreeWidget"), tr("Removed by sync"),
                            {tr("Removed"), tr("Record"), tr("Reason")});
    m_purgesEmptyLabel = makeEmptyLabel(
        this, QStringLiteral("purgesEmptyLabel"),
        tr("Sync has removed nothing from this store. When the Data Sharing Agreement or a family's consent no "
           "longer lets this organisation hold a partner's record, sync removes it and lists it here."));
    m_purgesStack = new QStackedWidget(this);
    m_purgesStack->insertWidget(EmptyPage, m_purgesEmptyLabel);
    m_purgesStack->insertWidget(ListPage, m_purgesTree);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("conflictsTabWidget"));
    m_tabs->addTab(conflictsPage, tr("&Conflicts"));
    m_tabs->addTab(m_purgesStack, tr("&Removed by sync"));

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("conflictsErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(inlineErrorStyleSheet());
    m_errorLabel->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    reload();
}

void ConflictsDialog::reload()
{
    m_conflictsTree->clear();
    m_purgesTree->clear();
    m_conflicts.clear();
    if (!m_session)
        return;

    QStringList errors;
    sync::SyncLocal local(m_session->store());
    if (Result<QList<sync::SyncConflict>> conflicts = local.conflicts(true); conflicts) {
        for (sync::SyncConflict& conflict : *conflicts) {
            if (!m_queuedConflictIds.contains(conflict.conflictId))
                m_conflicts += std::move(conflict);
        }
    } else {
        errors += conflicts.error().message;
    }
    for (const sync::SyncConflict& conflict : std::as_const(m_conflicts)) {
        const OtherSide other = otherSide(conflict);
        auto* item = new QTreeWidgetItem(m_conflictsTree);
        item->setText(RecordColumn, conflict.recordLabel.isEmpty() ? recordTypeLabel(conflict.recordType)
                                                                   : conflict.recordLabel);
        item->setToolTip(RecordColumn, recordTypeLabel(conflict.recordType));
        item->setText(FieldColumn, conflict.fieldLabel.isEmpty() ? conflict.fieldId : conflict.fieldLabel);
        item->setText(ThisValueColumn, displayValue(thisSideValue(conflict)));
        item->setText(OtherOrganisationColumn, other.organisationName);
        item->setText(OtherValueColumn, displayValue(other.value));
        item->setText(FoundColumn, localDateTime(conflict.createdAt));
    }
    m_conflictsStack->setCurrentIndex(m_conflicts.isEmpty() ? EmptyPage : ListPage);
    if (!m_conflicts.isEmpty())
        m_conflictsTree->setCurrentItem(m_conflictsTree->topLevelItem(0));

    QList<sync::PurgeRecord> purges;
    if (Result<QList<sync::PurgeRecord>> read = local.purges(); read) {
        purges = std::move(*read);
    } else {
        errors += read.error().message;
    }
    for (const sync::PurgeRecord& purge : std::as_const(purges)) {
        auto* item = new QTreeWidgetItem(m_purgesTree);
        item->setText(RemovedColumn, localDateTime(purge.purgedAt));
        item->setText(RemovedRecordColumn, recordTypeLabel(purge.recordType));
        item->setToolTip(RemovedRecordColumn, tr("Record %1").arg(purge.recordId));
        item->setText(ReasonColumn, purge.reason);
        item->setToolTip(ReasonColumn, purge.reason);
    }
    m_purgesStack->setCurrentIndex(purges.isEmpty() ? EmptyPage : ListPage);

    m_errorLabel->setText(errors.join(u'\n'));
    m_errorLabel->setVisible(!errors.isEmpty());
    updateButtons();
}

QString ConflictsDialog::displayValue(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(empty)");
    case QJsonValue::Bool:
        return value.toBool() ? tr("Yes") : tr("No");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String: {
        const QString text = value.toString();
        // Dates travel as ISO 8601 and are shown as dd/MM/yyyy.
        if (text.size() == 10) {
            const QDate date = QDate::fromString(text, Qt::ISODate);
            if (date.isValid())
                return displayDate(date);
        }
        return text.isEmpty() ? tr("(empty)") : text;
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

ConflictsDialog::OtherSide ConflictsDialog::otherSide(const sync::SyncConflict& conflict) const
{
    // The server kept one value and stored the other with the organisation
    // that pushed it. When that organisation is this one, the other side is
    // the value the server kept.
    if (!m_ownServerOrganisationId.isEmpty() && conflict.otherOrganisation.id == m_ownServerOrganisationId)
        return {conflict.serverValue, tr("Kept by the server")};
    return {conflict.otherValue, conflict.otherOrganisation.name};
}

QJsonValue ConflictsDialog::thisSideValue(const sync::SyncConflict& conflict) const
{
    // When this organisation's value lost, the pull that followed brought
    // the server's value into the record, so this side's value is the one
    // the server stored as the other value.
    if (!m_ownServerOrganisationId.isEmpty() && conflict.otherOrganisation.id == m_ownServerOrganisationId)
        return conflict.otherValue;
    return conflict.localValue;
}

int ConflictsDialog::selectedConflict() const
{
    QTreeWidgetItem* item = m_conflictsTree->currentItem();
    return item ? m_conflictsTree->indexOfTopLevelItem(item) : -1;
}

void ConflictsDialog::updateButtons()
{
    const int row = selectedConflict();
    const bool mayEdit = m_session && m_session->may(access::Action::EditCases);
    const bool selected = mayEdit && row >= 0 && row < m_conflicts.size();
    bool thisValueIsASide = false;
    if (selected) {
        const sync::SyncConflict& conflict = m_conflicts.at(row);
        const QJsonValue thisValue = thisSideValue(conflict);
        thisValueIsASide = thisValue == conflict.serverValue || thisValue == conflict.otherValue;
    }
    // resolveConflict() accepts only one of the two values the server
    // recorded, so a value edited here since then cannot be kept this way.
    m_keepThisButton->setEnabled(selected && thisValueIsASide);
    m_keepTheirsButton->setEnabled(selected);
}

void ConflictsDialog::resolveSelected(bool keepThisValue)
{
    const int row = selectedConflict();
    if (!m_session || row < 0 || row >= m_conflicts.size())
        return;
    const sync::SyncConflict conflict = m_conflicts.at(row);
    const QJsonValue chosen = keepThisValue ? thisSideValue(conflict) : otherSide(conflict).value;

    sync::SyncLocal local(m_session->store());
    if (Status resolved = local.resolveConflict(m_session->actor(), conflict.conflictId, chosen); !resolved) {
        qCWarning(lcConflicts) << "conflict" << conflict.conflictId << "not resolved, error code"
                               << static_cast<int>(resolved.error().code);
        m_errorLabel->setText(resolved.error().message);
        m_errorLabel->show();
        return;
    }
    qCInfo(lcConflicts) << "conflict" << conflict.conflictId << "resolved";
    m_queuedConflictIds.insert(conflict.conflictId);
    reload();
    m_session->notifyPeopleChanged();
    emit conflictResolved(conflict.conflictId);
}

} // namespace earlyhelp::ui
