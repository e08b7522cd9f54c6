// The Sharing Log dialog on real widgets and a real store. The store's
// Share events come from the sync client's own code: SyncLocal builds a push
// of a consented family and records the server's acceptance, as a sync
// does, without a server. The suite checks the summary, the recipient's row
// and its details, the audit View event, a read-only user, and opening the
// dialog from the keyboard, and the family view's selected member. A
// safeguarding file sent by core/transfer to a second store shows on the
// sender's Shared tab and the receiver's Received tab.

#include <QAction>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include "audit/auditlog.h"
#include "cases/casedirectory.h"
#include "cases/casestore.h"
#include "casework/consentrepository.h"
#include "common/secretbytes.h"
#include "policy/signature.h"
#include "sharing/sharinglog.h"
#include "store/store.h"
#include "sync/synclocal.h"
#include "transfer/safeguardingtransfer.h"
#include "ui/casesession.h"
#include "ui/consenteditors.h"
#include "ui/familyview.h"
#include "ui/filechooser.h"
#include "ui/mainwindow.h"
#include "ui/sharinglogdialog.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

namespace {

enum SharedColumn { RecipientColumn, SinceColumn, LastColumn, PurposeColumn, BasisColumn, EndedColumn };

sharing::AgreementState signedUpState() {
    Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    if (!agreement) {
        qWarning("The bundled agreement did not load: %s", qUtf8Printable(agreement.error().message));
        return sharing::notSignedUpState();
    }
    sharing::AgreementState state;
    state.inForce = *agreement;
    state.acceptance =
        sharing::Acceptance{agreement->version, u"Sam Patel"_s,   u"Designated safeguarding lead"_s,
                            QDate(2026, 11, 1), leadActor().user, u"2026-11-01T09:00:00Z"_s};
    return state;
}

QString displayDate(const QDate& date) {
    return date.toString(u"dd/MM/yyyy");
}

// Returns the number of audit View events of the sharing log of personId.
qint64 sharingLogViews(Store& store, const QString& personId) {
    audit::Filter filter;
    filter.personId = personId;
    filter.actions = {audit::Action::View};
    Result<QList<audit::Event>> events = audit::AuditLog(store).query(filter);
    if (!events) {
        qWarning("Reading the audit trail failed: %s", qUtf8Printable(events.error().message));
        return -1;
    }
    return std::count_if(events->cbegin(), events->cend(), [](const audit::Event& event) {
        return event.details.value(u"view"_s).toString() == u"sharing-log";
    });
}

} // namespace

class TestSharingLogDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void summaryNamesRecipientAndConsent();
    void siblingSummaryNamesConsentSubject();
    void recipientRowListsDetails();
    void openingRecordsViewEvent();
    void readOnlyUserSeesLog();
    void caseMenuOpensByKeyboard();
    void familyViewSelectsMember();
    void transferShowsOnBothStores();

private:
    // Records Joanna's consent for Amara and pushes the family, as a sync
    // whose every change the server accepts.
    void shareFamily();

    QTemporaryDir m_dir;
    int m_storeNumber = 0;
    std::unique_ptr<CaseSession> m_session;
    QString m_storePath;
    QString m_familyId;
    QString m_amaraId;
    QDate m_consentGiven;
};

void TestSharingLogDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
}

void TestSharingLogDialog::init() {
    m_storePath = m_dir.filePath(u"log-%1.ehstore"_s.arg(++m_storeNumber));
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_storePath);
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());
    m_session->setAgreementState(signedUpState());
    QVERIFY(m_session->agreementState().inForce.has_value());
    shareFamily();
}

void TestSharingLogDialog::cleanup() {
    m_session.reset();
}

void TestSharingLogDialog::shareFamily() {
    Result<QList<FamilySummary>> families = m_session->directory().families(u"Fenwick"_s);
    QVERIFY(families.has_value());
    QCOMPARE(families->size(), 1);
    m_familyId = families->first().id;
    Result<FamilyDetail> family = m_session->directory().family(m_familyId);
    QVERIFY(family.has_value());
    QString joannaId;
    for (const FamilyMember& member : family->members) {
        if (member.person.displayName() == u"Amara Fenwick")
            m_amaraId = member.person.id;
        else if (member.person.displayName() == u"Joanna Fenwick")
            joannaId = member.person.id;
    }
    QVERIFY(!m_amaraId.isEmpty());
    QVERIFY(!joannaId.isEmpty());

    m_consentGiven = m_session->today().addDays(-7);
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_amaraId;
    consent.givenByPersonId = joannaId;
    consent.capacity = ConsentCapacity::ParentalResponsibility;
    consent.purposes = {u"safeguarding"_s};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, u"childrens_trust"_s}};
    consent.dataCategories = {DataCategory::Personal};
    consent.method = ConsentMethod::Written;
    consent.givenDate = m_consentGiven;
    Result<Consent> created = m_session->consents().createConsent(leadActor(), consent);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));

    sync::SyncLocal local(m_session->store());
    Result<QList<sync::OutgoingChange>> batch =
        local.nextBatch(m_session->agreementState(), m_session->today(), 500);
    QVERIFY2(batch, batch ? "" : qPrintable(batch.error().message));
    QVERIFY(!batch->isEmpty());
    QList<sync::PushResult> results;
    for (const sync::OutgoingChange& change : std::as_const(*batch)) {
        sync::PushResult result;
        result.changeId = change.changeId;
        result.status = sync::PushResult::Status::Accepted;
        result.revision = 1;
        results += result;
    }
    const Status recorded =
        local.recordResults(*batch, results, m_session->agreementState(), m_session->today());
    QVERIFY2(recorded, recorded ? "" : qPrintable(recorded.error().message));
}

void TestSharingLogDialog::summaryNamesRecipientAndConsent() {
    SharingLogDialog dialog(m_session.get(), m_amaraId);
    QCOMPARE(dialog.windowTitle(), u"Sharing Log \u2014 Amara Fenwick"_s);
    auto* summary = child<QLabel>(&dialog, u"sharingSummaryLabel"_s);
    QVERIFY(summary);
    const QString expected = u"Shared with any children's trust organisation since %1 for safeguarding, with "
                             "consent given by Joanna Fenwick on %2."_s
                                 .arg(displayDate(QDate::currentDate()), displayDate(m_consentGiven));
    QCOMPARE(summary->text(), expected);
    auto* error = child<QLabel>(&dialog, u"sharingLogErrorLabel"_s);
    QVERIFY(error);
    QVERIFY2(error->isHidden(), qPrintable(error->text()));
}

void TestSharingLogDialog::siblingSummaryNamesConsentSubject() {
    Result<FamilyDetail> family = m_session->directory().family(m_familyId);
    QVERIFY(family.has_value());
    QString siblingId;
    for (const FamilyMember& member : family->members) {
        if (member.role == u"child" && member.person.id != m_amaraId)
            siblingId = member.person.id;
    }
    QVERIFY2(!siblingId.isEmpty(), "the Fenwick family has a second child");

    // The family-level records went under Amara's consent, so her sibling's
    // log names whose consent it was.
    SharingLogDialog dialog(m_session.get(), siblingId);
    auto* summary = child<QLabel>(&dialog, u"sharingSummaryLabel"_s);
    QVERIFY(summary);
    QVERIFY2(summary->text().contains(u"with consent about Amara Fenwick given by Joanna Fenwick on %1"_s.arg(
                 displayDate(m_consentGiven))),
             qPrintable(summary->text()));
    QVERIFY2(!summary->text().contains(u"with consent given by"_s), qPrintable(summary->text()));
}

void TestSharingLogDialog::recipientRowListsDetails() {
    SharingLogDialog dialog(m_session.get(), m_amaraId);
    auto* tree = child<QTreeWidget>(&dialog, u"sharedTreeWidget"_s);
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem* row = tree->topLevelItem(0);
    QCOMPARE(row->text(RecipientColumn), u"any children's trust organisation"_s);
    QCOMPARE(row->text(SinceColumn), displayDate(QDate::currentDate()));
    QCOMPARE(row->text(PurposeColumn), ConsentVocabulary::purposeLabel(u"safeguarding"_s));
    QCOMPARE(row->text(BasisColumn), u"Consent of %1"_s.arg(displayDate(m_consentGiven)));
    QCOMPARE(row->text(EndedColumn), u"Still shared"_s);
    // The recipient is shown whole at the dialog's size, and the detail rows
    // beneath it do not widen its column.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const int recipientWidth = tree->header()->sectionSize(RecipientColumn);
    QVERIFY(recipientWidth > tree->fontMetrics().horizontalAdvance(row->text(RecipientColumn)));
    QVERIFY(recipientWidth < tree->viewport()->width() / 2);

    QStringList details;
    for (int index = 0; index < row->childCount(); ++index)
        details += row->child(index)->text(RecipientColumn);
    const QString personal = details.value(0);
    QVERIFY2(personal.startsWith(u"Personal data: "_s), qPrintable(personal));
    QVERIFY2(personal.contains(u"Legal surname"_s), qPrintable(personal));
    QVERIFY2(!personal.contains(u"Ethnicity"_s), qPrintable(personal));
    QVERIFY2(std::any_of(details.cbegin(), details.cend(),
                         [](const QString& text) { return text.startsWith(u"Clause S-childrens-trust-personal"_s); }),
             qPrintable(details.join(u'\n')));
    QVERIFY2(std::any_of(details.cbegin(), details.cend(),
                         [](const QString& text) {
                             return text.startsWith(u"Consent: Given by Joanna Fenwick"_s);
                         }),
             qPrintable(details.join(u'\n')));

    auto* tabs = child<QTabWidget>(&dialog, u"sharingLogTabWidget"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 3);
    auto* received = child<QTreeWidget>(&dialog, u"receivedTreeWidget"_s);
    auto* removed = child<QTreeWidget>(&dialog, u"removedTreeWidget"_s);
    QVERIFY(received && removed);
    QCOMPARE(received->topLevelItemCount(), 0);
    QCOMPARE(removed->topLevelItemCount(), 0);
}

void TestSharingLogDialog::openingRecordsViewEvent() {
    const qint64 before = sharingLogViews(m_session->store(), m_amaraId);
    QCOMPARE(before, 0);
    {
        SharingLogDialog dialog(m_session.get(), m_amaraId);
        QCOMPARE(dialog.log().personId, m_amaraId);
    }
    QCOMPARE(sharingLogViews(m_session->store(), m_amaraId), 1);
}

void TestSharingLogDialog::readOnlyUserSeesLog() {
    // The store is opened again for a read-only user.
    m_session.reset();
    const QString passphrase = QString::fromUtf16(testPassphrase);
    const QByteArray utf8 = passphrase.toUtf8();
    Result<UnlockedStore> unlocked =
        unlockWithPassphrase(m_storePath, QString(), SecretBytes::copyOf(utf8.constData(), std::size_t(utf8.size())));
    QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message));
    m_session = std::make_unique<CaseSession>(std::move(unlocked->store), readOnlyActor());
    m_session->setAgreementState(signedUpState());

    SharingLogDialog dialog(m_session.get(), m_amaraId);
    auto* error = child<QLabel>(&dialog, u"sharingLogErrorLabel"_s);
    QVERIFY(error);
    QVERIFY2(error->isHidden(), qPrintable(error->text()));
    QCOMPARE(dialog.log().recipients.size(), 1);
    QCOMPARE(sharingLogViews(m_session->store(), m_amaraId), 1);
}

void TestSharingLogDialog::caseMenuOpensByKeyboard() {
    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    MainWindow window(chooser);
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir.filePath(u"log-window.ehstore"_s));
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    window.openSession(std::move(*store), leadActor());
    window.session()->setAgreementState(signedUpState());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* action = window.findChild<QAction*>(u"sharingLogAction"_s);
    QVERIFY(action);
    QVERIFY2(!action->isEnabled(), "no person is selected yet");

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto* peopleSearch = child<QLineEdit>(&window, u"peopleSearchLineEdit"_s);
    auto* peopleView = child<QTreeView>(&window, u"peopleTreeView"_s);
    QVERIFY(peopleSearch && peopleView);
    QTest::keyClicks(peopleSearch, u"Amara"_s);
    QTRY_COMPARE(peopleView->model()->rowCount(), 1);
    peopleView->setCurrentIndex(peopleView->model()->index(0, 0));
    QTRY_VERIFY(action->isEnabled());

    QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    SharingLogDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SharingLogDialog*>(u"sharingLogDialog"_s)) != nullptr);
    QCOMPARE(dialog->windowTitle(), u"Sharing Log \u2014 Amara Fenwick"_s);
    // Nothing of this new store was shared.
    auto* summary = child<QLabel>(dialog, u"sharingSummaryLabel"_s);
    QVERIFY(summary);
    QVERIFY2(summary->text().startsWith(u"This store has no record of sharing"_s), qPrintable(summary->text()));
    delete dialog;
}

void TestSharingLogDialog::familyViewSelectsMember() {
    FamilyView view;
    view.setSession(m_session.get());
    Result<FamilyDetail> family = m_session->directory().family(m_familyId);
    QVERIFY(family.has_value());
    view.showFamily(*family);
    QTreeWidget* members = view.membersTree();
    QTreeWidgetItem* amara = nullptr;
    for (QTreeWidgetItemIterator it(members); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == m_amaraId)
            amara = *it;
    }
    QVERIFY(amara);
    members->setCurrentItem(amara->childCount() > 0 ? amara->child(0) : amara);
    QCOMPARE(view.selectedPersonId(), m_amaraId);
    members->setCurrentItem(nullptr);
    QCOMPARE(view.selectedPersonId(), QString());
}

void TestSharingLogDialog::transferShowsOnBothStores() {
    QSqlQuery sendingUrn(m_session->store().database());
    QVERIFY(sendingUrn.exec(u"UPDATE organisation SET dfe_urn = '103456' WHERE is_local = 1"_s));
    QSqlQuery sendingName(m_session->store().database());
    QVERIFY(sendingName.exec(u"SELECT name FROM organisation WHERE is_local = 1"_s) && sendingName.next());
    const QString sendingSchool = sendingName.value(0).toString();
    sendingName.finish();

    Result<std::unique_ptr<Store>> receivingStore =
        Store::create(m_dir.filePath(u"receiving-%1.ehstore"_s.arg(m_storeNumber)), SecretBytes::random(32));
    QVERIFY2(receivingStore.has_value(), receivingStore ? "" : qPrintable(receivingStore.error().message));
    OrganisationRecord school;
    school.name = u"Hillcrest Academy"_s;
    school.dfeUrn = u"104789"_s;
    QVERIFY(createLocalOrganisation(**receivingStore, school).has_value());
    CaseSession receiving(std::move(*receivingStore), access::Actor{u"m.byrne"_s, u"deputy"_s});

    const QString packagePath = m_dir.filePath(u"amara-%1.ehsg"_s.arg(m_storeNumber));
    transfer::SafeguardingTransfer sender(m_session->store());
    Result<transfer::SentPackage> sent = sender.sendFile(leadActor(), m_amaraId, u"104789"_s, packagePath);
    QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message));
    const QString today = displayDate(QDate::currentDate());

    // Sent, and no receipt recorded yet: the school is known by its URN only.
    {
        SharingLogDialog dialog(m_session.get(), m_amaraId);
        auto* summary = child<QLabel>(&dialog, u"sharingSummaryLabel"_s);
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(u"The safeguarding file was sent to another school once"_s),
                 qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(
                     u"to the school with URN 104789 on %1, receipt not yet confirmed"_s.arg(today)),
                 qPrintable(summary->text()));
        auto* tree = child<QTreeWidget>(&dialog, u"sharedTreeWidget"_s);
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 2);
        const QList<QTreeWidgetItem*> rows = tree->findItems(u"School with URN 104789: safeguarding file"_s,
                                                             Qt::MatchExactly, RecipientColumn);
        QCOMPARE(rows.size(), 1);
        QTreeWidgetItem* row = rows.first();
        QCOMPARE(row->text(SinceColumn), today);
        QCOMPARE(row->childCount(), 2);
        const QString contents = row->child(0)->text(RecipientColumn);
        QVERIFY2(contents.startsWith(u"Package contents: "_s), qPrintable(contents));
        QVERIFY(sent->counts.value(u"person"_s) > 0);
        QVERIFY2(contents.contains(u"Person %1"_s.arg(sent->counts.value(u"person"_s))),
                 qPrintable(contents));
        QCOMPARE(row->child(1)->text(RecipientColumn), u"Receipt: Not yet confirmed"_s);
    }

    transfer::SafeguardingTransfer importer(receiving.store());
    Result<transfer::ImportedPackage> imported =
        importer.importFile(receiving.actor(), packagePath, sent->code);
    QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
    Result<transfer::TransferEntry> confirmed = sender.confirmReceipt(leadActor(), imported->receipt);
    QVERIFY2(confirmed, confirmed ? "" : qPrintable(confirmed.error().message));

    {
        SharingLogDialog dialog(m_session.get(), m_amaraId);
        auto* tree = child<QTreeWidget>(&dialog, u"sharedTreeWidget"_s);
        QVERIFY(tree);
        const QList<QTreeWidgetItem*> rows = tree->findItems(
            u"Hillcrest Academy (URN 104789): safeguarding file"_s, Qt::MatchExactly, RecipientColumn);
        QCOMPARE(rows.size(), 1);
        const QString receipt = rows.first()->child(1)->text(RecipientColumn);
        QVERIFY2(receipt.startsWith(u"Receipt: Confirmed on %1"_s.arg(today)), qPrintable(receipt));
        auto* summary = child<QLabel>(&dialog, u"sharingSummaryLabel"_s);
        QVERIFY2(summary->text().contains(
                     u"to Hillcrest Academy (URN 104789) on %1, receipt confirmed on %1"_s.arg(today)),
                 qPrintable(summary->text()));
    }

    SharingLogDialog receivedLog(&receiving, imported->personId);
    auto* error = child<QLabel>(&receivedLog, u"sharingLogErrorLabel"_s);
    QVERIFY(error);
    QVERIFY2(error->isHidden(), qPrintable(error->text()));
    auto* received = child<QTreeWidget>(&receivedLog, u"receivedTreeWidget"_s);
    QVERIFY(received);
    QCOMPARE(received->topLevelItemCount(), 1);
    QTreeWidgetItem* from = received->topLevelItem(0);
    QCOMPARE(from->text(0), u"%1 (URN 103456)"_s.arg(sendingSchool));
    QCOMPARE(from->text(2), today);
    int importedRecords = 0;
    for (int count : std::as_const(imported->counts))
        importedRecords += count;
    QVERIFY(importedRecords > 0);
    QCOMPARE(from->text(3), QString::number(importedRecords));
    auto* receivedSummary = child<QLabel>(&receivedLog, u"sharingSummaryLabel"_s);
    QVERIFY2(receivedSummary->text().contains(u"from %1 (URN 103456) on %2"_s.arg(sendingSchool, today)),
             qPrintable(receivedSummary->text()));
}

QTEST_MAIN(TestSharingLogDialog)
#include "tst_sharinglogdialog.moc"
