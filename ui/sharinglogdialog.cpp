#include "sharinglogdialog.h"

#include <algorithm>

#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "auditeventtext.h"
#include "casesession.h"
#include "consenteditors.h"
#include "displaytext.h"

namespace earlyhelp::ui {

namespace {

enum SharedColumn { RecipientColumn, SinceColumn, LastColumn, PurposeColumn, BasisColumn, EndedColumn, SharedColumns };
enum ReceivedColumn { FromColumn, PartyTypeColumn, HeldSinceColumn, RecordsColumn, ReceivedColumns };
enum RemovedColumn { RemovedAtColumn, ActionColumn, RecordColumn, ReasonColumn, RemovedColumns };

QString localDate(const QDateTime& utc) {
    return utc.isValid() ? displayDate(utc.toLocalTime().date()) : QString();
}

QTreeWidget* makeTree(QWidget* parent, const QString& objectName, const QString& accessibleName,
                      const QStringList& headers, int stretchColumn) {
    auto* tree = new QTreeWidget(parent);
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setColumnCount(int(headers.size()));
    tree->setHeaderLabels(headers);
    tree->setUniformRowHeights(false);
    tree->setAllColumnsShowFocus(true);
    tree->setAlternatingRowColors(true);
    tree->setWordWrap(true);
    tree->header()->setStretchLastSection(false);
    for (int column = 0; column < headers.size(); ++column)
        tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    tree->header()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    return tree;
}

QString recordTypeLabel(const QString& table) {
    if (table == u"person")
        return SharingLogDialog::tr("Person");
    if (table == u"address")
        return SharingLogDialog::tr("Address");
    if (table == u"contact")
        return SharingLogDialog::tr("Contact detail");
    if (table == u"relationship")
        return SharingLogDialog::tr("Relationship");
    if (table == u"family")
        return SharingLogDialog::tr("Family");
    if (table == u"family_member" || table == u"familyMember")
        return SharingLogDialog::tr("Family membership");
    if (table == u"case_note" || table == u"caseNote")
        return SharingLogDialog::tr("Case note");
    return table;
}

// "Oak Primary School (URN 123456)", or "School with URN 123456" before the
// receipt names the school.
QString schoolText(const sharing::SchoolTransfer& transfer) {
    if (transfer.schoolName.isEmpty())
        return SharingLogDialog::tr("School with URN %1").arg(transfer.schoolUrn);
    return SharingLogDialog::tr("%1 (URN %2)").arg(transfer.schoolName, transfer.schoolUrn);
}

// "12 records: Person 1, Case note 5, …" from the counts the transfer event
// recorded, or the total alone when the event predates the counts.
QString packageContentsText(const sharing::SchoolTransfer& transfer) {
    if (transfer.recordTotal < 0)
        return SharingLogDialog::tr("Not recorded");
    QStringList tables;
    for (auto table = transfer.recordCounts.cbegin(); table != transfer.recordCounts.cend(); ++table) {
        if (table.value() > 0)
            tables += SharingLogDialog::tr("%1 %2")
                          .arg(AuditEventText::recordTypeLabel(table.key()))
                          .arg(table.value());
    }
    const QString total = SharingLogDialog::tr("%n record(s)", nullptr, transfer.recordTotal);
    return tables.isEmpty() ? total : SharingLogDialog::tr("%1: %2").arg(total, tables.join(u", "));
}

QString consentText(const sharing::SharingConsent& entry) {
    if (!entry.found)
        return SharingLogDialog::tr("Consent %1, no longer held in this store").arg(entry.consent.meta.id);
    const Consent& consent = entry.consent;
    QStringList purposes;
    for (const QString& purpose : consent.purposes)
        purposes += ConsentVocabulary::purposeLabel(purpose);
    QStringList recipients;
    for (const ConsentRecipient& recipient : consent.recipients)
        recipients += ConsentVocabulary::recipientLabel(recipient);
    QStringList categories;
    for (const DataCategory category : consent.dataCategories)
        categories += ConsentVocabulary::dataCategoryLabel(category);

    QStringList lines;
    lines += SharingLogDialog::tr("Given by %1 (%2) on %3, %4")
                 .arg(entry.givenByName.isEmpty() ? SharingLogDialog::tr("a person no longer in this store")
                                                  : entry.givenByName,
                      ConsentVocabulary::capacityLabel(consent.capacity), displayDate(consent.givenDate),
                      ConsentVocabulary::methodLabel(consent.method));
    lines += SharingLogDialog::tr("Covers %1 for %2: %3")
                 .arg(recipients.join(u", "), purposes.join(u", "), categories.join(u", "));
    if (consent.reviewDate.isValid())
        lines += SharingLogDialog::tr("Review by %1").arg(displayDate(consent.reviewDate));
    if (consent.withdrawnDate.isValid())
        lines += SharingLogDialog::tr("Withdrawn on %1 by %2")
                     .arg(displayDate(consent.withdrawnDate), consent.withdrawnBy);
    return lines.join(u'\n');
}

QString decisionText(const sharing::SharingDecisionUse& entry) {
    if (!entry.found)
        return SharingLogDialog::tr("Sharing decision %1, no longer held in this store").arg(entry.decision.meta.id);
    const SharingDecision& decision = entry.decision;
    return SharingLogDialog::tr("Shared without consent: decided by %1 on %2 under %3.\n%4")
        .arg(decision.decidedBy, displayDate(decision.date),
             ConsentVocabulary::lawfulBasisLabel(decision.lawfulBasis), decision.justification);
}

} // namespace

SharingLogDialog::SharingLogDialog(CaseSession* session, const QString& personId, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("sharingLogDialog"));
    setWindowTitle(tr("Sharing Log"));

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("sharingSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summaryLabel->setFocusPolicy(Qt::StrongFocus);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("sharingLogErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setVisible(false);

    m_sharedTree = makeTree(this, QStringLiteral("sharedTreeWidget"), tr("Organisations this person's information "
                                                                         "was shared with"),
                            {tr("Recipient and information"), tr("Since"), tr("Last shared"), tr("Purpose"),
                             tr("Consent or decision"), tr("Ended")},
                            PurposeColumn);
    // The detail rows span every column, so fitting the first column to its
    // contents would fit it to them; showShares() fits it to the recipients.
    m_sharedTree->header()->setSectionResizeMode(RecipientColumn, QHeaderView::Interactive);
    m_receivedTree =
        makeTree(this, QStringLiteral("receivedTreeWidget"),
                 tr("Organisations whose records about this person this store holds"),
                 {tr("Organisation"), tr("Kind of organisation"), tr("Held since"), tr("Records")}, FromColumn);
    m_removedTree = makeTree(this, QStringLiteral("removedTreeWidget"),
                             tr("Records about this person removed from this store"),
                             {tr("Removed on"), tr("Why"), tr("Record"), tr("Reason")}, ReasonColumn);
    m_removedTree->setRootIsDecorated(false);
    m_receivedTree->setRootIsDecorated(false);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("sharingLogTabWidget"));
    m_tabs->addTab(m_sharedTree, tr("&Shared"));
    m_tabs->addTab(m_receivedTree, tr("&Received"));
    m_tabs->addTab(m_removedTree, tr("Re&moved"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("sharingLogButtonBox"));
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(960, 560);

    if (!m_session)
        return;
    Result<sharing::SharingLog> built =
        sharing::buildSharingLog(m_session->store(), m_session->actor(), m_session->agreementState(), personId);
    if (!built) {
        m_errorLabel->setText(built.error().message);
        m_errorLabel->setVisible(true);
        m_tabs->setEnabled(false);
        return;
    }
    m_log = *built;
    if (Status recorded = sharing::recordSharingLogView(m_session->store(), personId); !recorded) {
        m_errorLabel->setText(
            tr("Opening the sharing log could not be recorded in the audit trail: %1").arg(recorded.error().message));
        m_errorLabel->setVisible(true);
    }

    if (!m_log.personName.isEmpty())
        setWindowTitle(tr("Sharing Log \u2014 %1").arg(m_log.personName));
    m_summaryLabel->setText(sharing::sharingSummary(m_log));
    showShares();
    showReceived();
    showRemovals();
}

void SharingLogDialog::addDetail(QTreeWidgetItem* parent, const QString& heading, const QString& text) {
    auto* item = new QTreeWidgetItem(parent);
    item->setText(RecipientColumn, text.isEmpty() ? heading : tr("%1: %2").arg(heading, text));
    item->setToolTip(RecipientColumn, text);
    item->setFirstColumnSpanned(true);
}

void SharingLogDialog::addRecipient(const sharing::RecipientShare& recipient) {
    auto* row = new QTreeWidgetItem(m_sharedTree);
    row->setText(RecipientColumn, sharing::recipientName(recipient));
    if (!recipient.organisationId.isEmpty())
        row->setToolTip(RecipientColumn, ConsentVocabulary::partyTypeLabel(recipient.partyType));
    row->setText(SinceColumn, localDate(recipient.firstShared));
    row->setText(LastColumn, localDate(recipient.lastShared));
    QStringList purposes;
    for (const QString& purpose : recipient.purposes)
        purposes += ConsentVocabulary::purposeLabel(purpose);
    row->setText(PurposeColumn, purposes.join(u", "));
    row->setToolTip(PurposeColumn, row->text(PurposeColumn));

    QStringList basis;
    for (const sharing::SharingConsent& consent : recipient.consents) {
        if (!consent.found)
            basis += tr("Consent no longer held");
        else if (consent.consent.withdrawnDate.isValid())
            basis += tr("Consent of %1, withdrawn %2")
                         .arg(displayDate(consent.consent.givenDate), displayDate(consent.consent.withdrawnDate));
        else
            basis += tr("Consent of %1").arg(displayDate(consent.consent.givenDate));
    }
    for (const sharing::SharingDecisionUse& decision : recipient.decisions)
        basis += decision.found ? tr("Sharing decision of %1").arg(displayDate(decision.decision.date))
                                : tr("Sharing decision no longer held");
    row->setText(BasisColumn, basis.join(u"; "));
    row->setText(EndedColumn, recipient.endedOn.isValid() ? displayDate(recipient.endedOn) : tr("Still shared"));

    for (const sharing::SharedFieldGroup& group : recipient.fieldGroups)
        addDetail(row, ConsentVocabulary::dataCategoryLabel(group.category), group.fieldLabels.join(u", "));
    for (const sharing::SharingClause& clause : recipient.clauses) {
        QString text = clause.text;
        if (!clause.lawfulBasis.isEmpty())
            text = tr("%1 Lawful basis: %2.").arg(text, ConsentVocabulary::lawfulBasisLabel(clause.lawfulBasis))
                       .trimmed();
        addDetail(row, tr("Clause %1").arg(clause.clauseId), text);
    }
    for (const sharing::SharingConsent& consent : recipient.consents)
        addDetail(row, tr("Consent"), consentText(consent));
    for (const sharing::SharingDecisionUse& decision : recipient.decisions)
        addDetail(row, tr("Sharing decision"), decisionText(decision));
    row->setExpanded(true);
}

void SharingLogDialog::addSentFile(const sharing::SchoolTransfer& transfer) {
    auto* row = new QTreeWidgetItem(m_sharedTree);
    row->setText(RecipientColumn, tr("%1: safeguarding file").arg(schoolText(transfer)));
    row->setText(SinceColumn, localDate(transfer.transferredAt));
    row->setText(LastColumn, localDate(transfer.transferredAt));
    row->setText(PurposeColumn, tr("Transfer to the child's new school"));
    row->setText(EndedColumn, tr("Sent"));

    addDetail(row, tr("Package contents"), packageContentsText(transfer));
    if (transfer.confirmedAt.isValid()) {
        addDetail(row, tr("Receipt"),
                  tr("Confirmed on %1; the school imported the file on %2")
                      .arg(localDate(transfer.confirmedAt), localDate(transfer.receiptAt)));
    } else {
        addDetail(row, tr("Receipt"), tr("Not yet confirmed"));
    }
    row->setExpanded(true);
}

void SharingLogDialog::showShares() {
    m_sharedTree->clear();
    for (const sharing::RecipientShare& recipient : std::as_const(m_log.recipients))
        addRecipient(recipient);
    for (const sharing::SchoolTransfer& transfer : std::as_const(m_log.sentFiles))
        addSentFile(transfer);
    if (m_log.recipients.isEmpty() && m_log.sentFiles.isEmpty()) {
        auto* row = new QTreeWidgetItem(m_sharedTree);
        row->setText(RecipientColumn, tr("This store has no record of sharing this person's information."));
        row->setFirstColumnSpanned(true);
        row->setFlags(Qt::ItemIsEnabled);
    }

    const QFontMetrics metrics = m_sharedTree->fontMetrics();
    int recipientWidth = metrics.horizontalAdvance(m_sharedTree->headerItem()->text(RecipientColumn));
    for (int index = 0; index < m_sharedTree->topLevelItemCount(); ++index) {
        const QTreeWidgetItem* row = m_sharedTree->topLevelItem(index);
        if (!row->isFirstColumnSpanned())
            recipientWidth = std::max(recipientWidth, metrics.horizontalAdvance(row->text(RecipientColumn)));
    }
    m_sharedTree->header()->resizeSection(
        RecipientColumn, recipientWidth + m_sharedTree->indentation() + 2 * metrics.averageCharWidth());
}

void SharingLogDialog::showReceived() {
    m_receivedTree->clear();
    for (const sharing::HeldFromOrganisation& held : std::as_const(m_log.heldFrom)) {
        auto* row = new QTreeWidgetItem(m_receivedTree);
        row->setText(FromColumn, held.organisationName);
        row->setText(PartyTypeColumn, ConsentVocabulary::partyTypeLabel(held.partyType));
        row->setText(HeldSinceColumn, localDate(held.since));
        row->setText(RecordsColumn, QString::number(held.records));
        row->setTextAlignment(RecordsColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
    for (const sharing::SchoolTransfer& transfer : std::as_const(m_log.receivedFiles)) {
        auto* row = new QTreeWidgetItem(m_receivedTree);
        row->setText(FromColumn, schoolText(transfer));
        row->setText(PartyTypeColumn, tr("School that sent the safeguarding file"));
        row->setText(HeldSinceColumn, localDate(transfer.transferredAt));
        row->setToolTip(HeldSinceColumn, tr("Imported on %1").arg(localDate(transfer.transferredAt)));
        row->setText(RecordsColumn,
                     transfer.recordTotal < 0 ? QString() : QString::number(transfer.recordTotal));
        row->setToolTip(RecordsColumn, packageContentsText(transfer));
        row->setTextAlignment(RecordsColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
}

void SharingLogDialog::showRemovals() {
    m_removedTree->clear();
    for (const sharing::SharingRemoval& removal : std::as_const(m_log.removals)) {
        auto* row = new QTreeWidgetItem(m_removedTree);
        row->setText(RemovedAtColumn, localDate(removal.at));
        row->setText(ActionColumn, removal.actionCode == u"erase" ? tr("Erased") : tr("Removed by sync"));
        row->setText(RecordColumn, recordTypeLabel(removal.recordType));
        row->setToolTip(RecordColumn, removal.recordId);
        row->setText(ReasonColumn, removal.reason);
        row->setToolTip(ReasonColumn, removal.reason);
    }
}

} // namespace earlyhelp::ui
