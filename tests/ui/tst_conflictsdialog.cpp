// The conflicts dialog on a real store: conflicts and purges written through
// SyncLocal::applyPull() as the server's feed would deliver them, and each
// choice read back from the store's records and its sync outbox.

#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

#include "cases/casedirectory.h"
#include "cases/casestore.h"
#include "store/store.h"
#include "sync/synclocal.h"
#include "ui/casesession.h"
#include "ui/conflictsdialog.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

namespace {

enum ConflictColumn { RecordColumn, FieldColumn, ThisValueColumn, OtherOrganisationColumn, OtherValueColumn, FoundColumn };
enum PurgeColumn { RemovedColumn, RemovedRecordColumn, ReasonColumn };

const QString ownServerOrganisationId = u"5b0c1f64-3d1e-4a43-9a57-1f0c2b7a9e10"_s;
const QString hubId = u"a6f0e2d4-8c3b-4e71-b1a2-6d5f9c0e3b47"_s;
const QString hubName = u"Northfield Family Hub"_s;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject conflictEntry(qint64 sequence, const QString& conflictId, const QString& personId,
                          const QString& serverValue, const QString& otherValue, const QString& otherOrganisationId,
                          const QString& otherOrganisationName)
{
    return QJsonObject{
        {u"sequence"_s, sequence},
        {u"kind"_s, u"conflict"_s},
        {u"conflictId"_s, conflictId},
        {u"recordType"_s, u"person"_s},
        {u"recordId"_s, personId},
        {u"fieldId"_s, u"person.legalSurname"_s},
        {u"serverValue"_s, serverValue},
        {u"otherValue"_s, otherValue},
        {u"otherOrganisation"_s,
         QJsonObject{{u"id"_s, otherOrganisationId}, {u"name"_s, otherOrganisationName},
                     {u"partyType"_s, u"voluntarySector"_s}}},
        {u"status"_s, u"open"_s},
        {u"resolvedValue"_s, QJsonValue()},
        {u"createdAt"_s, u"2026-12-05T10:32:00.000Z"_s},
        {u"resolvedAt"_s, QJsonValue()},
    };
}

} // namespace

class TestConflictsDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void emptyStoreShowsEmptyState();
    void conflictListsBothSides();
    void keepTheirsWritesRecord();
    void keepThisValueQueuesChange();
    void ownLostValueKeptAfterPull();
    void ownLostValueShowsServerSide();
    void purgesListed();
    void readOnlyCannotResolve();

private:
    [[nodiscard]] PersonSummary person(const QString& forename) const;
    // Applies entries as one page of the feed; the dialog reads them after.
    void pull(const QJsonArray& entries);
    // The conflict ids the outbox row of the person carries, or an empty
    // list when the person has no outbox row.
    [[nodiscard]] QStringList outboxResolves(const QString& personId) const;
    [[nodiscard]] bool hasOutboxRow(const QString& personId) const;

    QTemporaryDir m_dir;
    int m_storeNumber = 0;
    qint64 m_sequence = 0;
    std::unique_ptr<CaseSession> m_session;
};

void TestConflictsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
}

void TestConflictsDialog::init()
{
    const QString path = m_dir.filePath(u"conflicts-%1.ehstore"_s.arg(++m_storeNumber));
    Result<std::unique_ptr<Store>> store = makeCaseStore(path);
    QVERIFY2(store, store ? "" : qUtf8Printable(store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());
    m_sequence = 0;
}

void TestConflictsDialog::cleanup()
{
    m_session.reset();
}

PersonSummary TestConflictsDialog::person(const QString& forename) const
{
    Result<QList<PersonSummary>> people = m_session->directory().people(forename);
    if (!people || people->isEmpty()) {
        qWarning("No person named %s in the test store", qUtf8Printable(forename));
        return {};
    }
    return people->first();
}

void TestConflictsDialog::pull(const QJsonArray& entries)
{
    sync::SyncLocal local(m_session->store());
    m_sequence += entries.size();
    Result<sync::ApplySummary> applied = local.applyPull(entries, m_sequence, ownServerOrganisationId);
    QVERIFY2(applied, applied ? "" : qUtf8Printable(applied.error().message));
}

QStringList TestConflictsDialog::outboxResolves(const QString& personId) const
{
    QSqlQuery query(m_session->store().database());
    query.prepare(u"SELECT value FROM sync_outbox, json_each(sync_outbox.resolves) "
                  "WHERE record_type = 'person' AND record_id = ?"_s);
    query.addBindValue(personId);
    QStringList ids;
    if (!query.exec())
        return ids;
    while (query.next())
        ids += query.value(0).toString();
    return ids;
}

bool TestConflictsDialog::hasOutboxRow(const QString& personId) const
{
    QSqlQuery query(m_session->store().database());
    query.prepare(u"SELECT count(*) FROM sync_outbox WHERE record_type = 'person' AND record_id = ?"_s);
    query.addBindValue(personId);
    return query.exec() && query.next() && query.value(0).toInt() == 1;
}

void TestConflictsDialog::emptyStoreShowsEmptyState()
{
    ConflictsDialog dialog(m_session.get(), ownServerOrganisationId);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* emptyLabel = child<QLabel>(&dialog, u"conflictsEmptyLabel"_s);
    QVERIFY(emptyLabel);
    QVERIFY(emptyLabel->isVisible());
    QVERIFY2(emptyLabel->text().startsWith(u"No conflicts wait"_s), qUtf8Printable(emptyLabel->text()));
    QVERIFY(!child<QPushButton>(&dialog, u"keepThisValuePushButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"keepTheirsPushButton"_s)->isEnabled());

    child<QTabWidget>(&dialog, u"conflictsTabWidget"_s)->setCurrentIndex(1);
    auto* purgesEmpty = child<QLabel>(&dialog, u"purgesEmptyLabel"_s);
    QVERIFY(purgesEmpty->isVisible());
    QVERIFY2(purgesEmpty->text().startsWith(u"Sync has removed nothing"_s), qUtf8Printable(purgesEmpty->text()));
}

void TestConflictsDialog::conflictListsBothSides()
{
    const PersonSummary amara = person(u"Amara"_s);
    QCOMPARE(amara.legalSurname, u"Fenwick"_s);
    pull({conflictEntry(1, newId(), amara.id, u"Fenwick"_s, u"Fenwick-Okafor"_s, hubId, hubName)});

    ConflictsDialog dialog(m_session.get(), ownServerOrganisationId);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* tree = child<QTreeWidget>(&dialog, u"conflictsTreeWidget"_s);
    QVERIFY(tree);
    QVERIFY(tree->isVisible());
    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem* row = tree->topLevelItem(0);
    QCOMPARE(row->text(RecordColumn), u"Amara Fenwick"_s);
    QCOMPARE(row->text(FieldColumn), u"Legal surname"_s);
    QCOMPARE(row->text(ThisValueColumn), u"Fenwick"_s);
    QCOMPARE(row->text(OtherOrganisationColumn), hubName);
    QCOMPARE(row->text(OtherValueColumn), u"Fenwick-Okafor"_s);
    QVERIFY2(row->text(FoundColumn).startsWith(u"05/12/2026"_s), qUtf8Printable(row->text(FoundColumn)));
    QVERIFY(child<QPushButton>(&dialog, u"keepThisValuePushButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, u"keepTheirsPushButton"_s)->isEnabled());
}

void TestConflictsDialog::keepTheirsWritesRecord()
{
    const PersonSummary amara = person(u"Amara"_s);
    const QString conflictId = newId();
    pull({conflictEntry(1, conflictId, amara.id, u"Fenwick"_s, u"Fenwick-Okafor"_s, hubId, hubName)});

    ConflictsDialog dialog(m_session.get(), ownServerOrganisationId);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy resolved(&dialog, &ConflictsDialog::conflictResolved);
    QTest::mouseClick(child<QPushButton>(&dialog, u"keepTheirsPushButton"_s), Qt::LeftButton);

    QCOMPARE(resolved.count(), 1);
    QCOMPARE(resolved.first().first().toString(), conflictId);
    QVERIFY2(!child<QLabel>(&dialog, u"conflictsErrorLabel"_s)->isVisible(),
             qUtf8Printable(child<QLabel>(&dialog, u"conflictsErrorLabel"_s)->text()));
    QCOMPARE(person(u"Amara"_s).legalSurname, u"Fenwick-Okafor"_s);
    QVERIFY(hasOutboxRow(amara.id));
    QCOMPARE(outboxResolves(amara.id), QStringList{conflictId});

    // The conflict stays in the store as resolved locally until the server
    // confirms it; the dialog no longer offers it.
    QCOMPARE(child<QTreeWidget>(&dialog, u"conflictsTreeWidget"_s)->topLevelItemCount(), 0);
    QVERIFY(child<QLabel>(&dialog, u"conflictsEmptyLabel"_s)->isVisible());
}

void TestConflictsDialog::keepThisValueQueuesChange()
{
    const PersonSummary amara = person(u"Amara"_s);
    const QString conflictId = newId();
    pull({conflictEntry(1, conflictId, amara.id, u"Fenwick"_s, u"Fenwick-Okafor"_s, hubId, hubName)});

    ConflictsDialog dialog(m_session.get(), ownServerOrganisationId);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy resolved(&dialog, &ConflictsDialog::conflictResolved);
    QTest::mouseClick(child<QPushButton>(&dialog, u"keepThisValuePushButton"_s), Qt::LeftButton);

    QCOMPARE(resolved.count(), 1);
    QCOMPARE(person(u"Amara"_s).legalSurname, u"Fenwick"_s);
    QCOMPARE(outboxResolves(amara.id), QStringList{conflictId});
}

void TestConflictsDialog::ownLostValueKeptAfterPull()
{
    // After a sync the record holds the server's "Fenwick-Okafor"; the value
    // this organisation sent, "Fenwick", lives only in the conflict. The
    // dialog shows it as this side's value, and keeping it writes it back.
    const PersonSummary amara = person(u"Amara"_s);
    {
        QSqlQuery query(m_session->store().database());
        query.prepare(u"UPDATE person SET legal_surname = 'Fenwick-Okafor' WHERE id = ?"_s);
        query.addBindValue(amara.id);
        QVERIFY(query.exec());
    }
    const QString conflictId = newId();
    pull({conflictEntry(1, conflictId, amara.id, u"Fenwick-Okafor"_s, u"Fenwick"_s, ownServerOrganisationId,
                        u"Larkspur Lane Primary School"_s)});

    ConflictsDialog dialog(m_session.get(), ownServerOrganisationId);
    auto* tree = child<QTreeWidget>(&dialog, u"conflictsTreeWidget"_s);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(ThisValueColumn), u"Fenwick"_s);
    QCOMPARE(tree->topLevelItem(0)->text(OtherValueColumn), u"Fenwick-Okafor"_s);
    auto* keepThis = child<QPushButton>(&dialog, u"keepThisValuePushButton"_s);
    QVERIFY(keepThis->isEnabled());
    QTest::mouseClick(keepThis, Qt::LeftButton);
    QCOMPARE(person(u"Amara"_s).legalSurname, u"Fenwick"_s);
    QCOMPARE(outboxResolves(amara.id), QStringList{conflictId});
}

void TestConflictsDialog::ownLostValueShowsServerSide()
{
    // This organisation pushed "Fenwick" and lost: the server kept the hub's
    // "Fenwick-Okafor" and stored ours as the other value.
    const PersonSummary amara = person(u"Amara"_s);
    const QString conflictId = newId();
    pull({conflictEntry(1, conflictId, amara.id, u"Fenwick-Okafor"_s, u"Fenwick"_s, ownServerOrganisationId,
                        u"Larkspur Lane Primary School"_s)});

    ConflictsDialog dialog(m_session.get(), ownServerOrganisationId);
    auto* tree = child<QTreeWidget>(&dialog, u"conflictsTreeWidget"_s);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(ThisValueColumn), u"Fenwick"_s);
    QCOMPARE(tree->topLevelItem(0)->text(OtherOrganisationColumn), u"Kept by the server"_s);
    QCOMPARE(tree->topLevelItem(0)->text(OtherValueColumn), u"Fenwick-Okafor"_s);

    QTest::mouseClick(child<QPushButton>(&dialog, u"keepTheirsPushButton"_s), Qt::LeftButton);
    QCOMPARE(person(u"Amara"_s).legalSurname, u"Fenwick-Okafor"_s);
    QCOMPARE(outboxResolves(amara.id), QStringList{conflictId});
}

void TestConflictsDialog::purgesListed()
{
    const PersonSummary rowan = person(u"Rowan"_s);
    QVERIFY(!rowan.id.isEmpty());
    const QString reason = u"Clause S-voluntary-sector-personal no longer allows this record to be held."_s;
    pull({QJsonObject{{u"sequence"_s, 1},
                      {u"kind"_s, u"purge"_s},
                      {u"recordType"_s, u"person"_s},
                      {u"recordId"_s, rowan.id},
                      {u"familyId"_s, rowan.familyId},
                      {u"reason"_s, reason}}});

    ConflictsDialog dialog(m_session.get(), ownServerOrganisationId);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QTabWidget>(&dialog, u"conflictsTabWidget"_s)->setCurrentIndex(1);
    auto* tree = child<QTreeWidget>(&dialog, u"purgesTreeWidget"_s);
    QVERIFY(tree);
    QVERIFY(tree->isVisible());
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(RemovedRecordColumn), u"Person"_s);
    QCOMPARE(tree->topLevelItem(0)->text(ReasonColumn), reason);
    QVERIFY2(tree->topLevelItem(0)->text(RemovedColumn)
                 .startsWith(QDate::currentDate().toString(u"dd/MM/yyyy"_s)),
             qUtf8Printable(tree->topLevelItem(0)->text(RemovedColumn)));
}

void TestConflictsDialog::readOnlyCannotResolve()
{
    const PersonSummary amara = person(u"Amara"_s);
    pull({conflictEntry(1, newId(), amara.id, u"Fenwick"_s, u"Fenwick-Okafor"_s, hubId, hubName)});

    // The same store, opened by a user who may only read cases.
    const QString path = m_session->store().path();
    m_session.reset();
    const QByteArray utf8 = QString::fromUtf16(testPassphrase).toUtf8();
    Result<UnlockedStore> reopened = unlockWithPassphrase(
        path, QString(), SecretBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    QVERIFY2(reopened, reopened ? "" : qUtf8Printable(reopened.error().message));
    m_session = std::make_unique<CaseSession>(std::move(reopened->store), readOnlyActor());

    ConflictsDialog dialog(m_session.get(), ownServerOrganisationId);
    QCOMPARE(child<QTreeWidget>(&dialog, u"conflictsTreeWidget"_s)->topLevelItemCount(), 1);
    QVERIFY(!child<QPushButton>(&dialog, u"keepThisValuePushButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, u"keepTheirsPushButton"_s)->isEnabled());
}

QTEST_MAIN(TestConflictsDialog)
#include "tst_conflictsdialog.moc"
