// Alters and removes audit events with the raw SQLCipher library, as someone
// with the store key but without this app's code would, and checks that
// verifyAuditChain() names the first event at fault.

#include "caseworktesthelpers.h"

#include "audit/auditlog.h"

#include <sqlcipher/sqlite3.h>

#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::audit;
using namespace earlyhelp::testing;

namespace {

// Events the fixture's store has after init(): the organisation, the family,
// the person and eleven appended ones.
constexpr qint64 eventCount = 14;

} // namespace

class TestAuditVerify : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void untouchedChainIsIntact();
    void tamperingIsNamed_data();
    void tamperingIsNamed();
    void erasedDetailsAreCounted();
    void erasureMustNameEvent();
    void erasureEventMustExist();
    void progressReportsTotal();

private:
    // Closes the store, runs sql on its file through the raw C API and opens
    // the store again.
    [[nodiscard]] bool tamper(const QByteArray& sql);
    [[nodiscard]] bool execute(const QString& sql);

    CaseworkFixture m_fixture;
    SecretBytes m_key;
    QString m_path;
};

void TestAuditVerify::init() {
    m_fixture.folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_fixture.folder->isValid());
    m_path = m_fixture.folder->filePath(QStringLiteral("case.store"));
    m_key = SecretBytes::random(32);
    Result<std::unique_ptr<Store>> created = Store::create(m_path, m_key);
    EARLYHELP_VERIFY_OK(created);
    m_fixture.store = std::move(*created);
    OrganisationRecord organisation;
    organisation.name = QStringLiteral("Test Primary School");
    organisation.dfeUrn = QStringLiteral("103456");
    Result<OrganisationRecord> local = createLocalOrganisation(*m_fixture.store, organisation);
    EARLYHELP_VERIFY_OK(local);
    m_fixture.orgId = local->id;

    m_fixture.store->setAuditActor(QStringLiteral("a.okafor"), QStringLiteral("lead"));
    QVERIFY(!m_fixture.insertFamily(QStringLiteral("Khan family")).isEmpty());
    QVERIFY(!m_fixture.insertPerson(QStringLiteral("Aisha"), QStringLiteral("Khan")).isEmpty());
    AuditLog log(*m_fixture.store);
    for (int i = 0; i < 11; ++i) {
        NewEvent event;
        event.action = Action::View;
        event.recordType = QStringLiteral("family");
        event.recordId = QStringLiteral("family-%1").arg(i);
        event.details = QJsonObject{{QStringLiteral("index"), i}};
        EARLYHELP_VERIFY_OK(log.append(event));
    }
    const Result<qint64> count = log.count({});
    EARLYHELP_VERIFY_OK(count);
    QCOMPARE(*count, eventCount);
}

void TestAuditVerify::cleanup() {
    m_fixture.tearDown();
}

bool TestAuditVerify::tamper(const QByteArray& sql) {
    m_fixture.store.reset();

    sqlite3* connection = nullptr;
    int code = sqlite3_open_v2(QFile::encodeName(m_path).constData(), &connection, SQLITE_OPEN_READWRITE,
                               nullptr);
    const QByteArray keySql = "PRAGMA key = \"x'" +
                              QByteArray(reinterpret_cast<const char*>(m_key.data()), qsizetype(m_key.size())).toHex() +
                              "'\";";
    if (code == SQLITE_OK)
        code = sqlite3_exec(connection, keySql.constData(), nullptr, nullptr, nullptr);
    if (code == SQLITE_OK)
        code = sqlite3_exec(connection, sql.constData(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        qWarning("Raw SQL failed: %s", sqlite3_errmsg(connection));
    sqlite3_close(connection);

    Result<std::unique_ptr<Store>> opened = Store::open(m_path, m_key);
    if (!opened) {
        qWarning("Opening the store again failed: %s", qUtf8Printable(opened.error().message));
        return false;
    }
    m_fixture.store = std::move(*opened);
    return code == SQLITE_OK;
}

bool TestAuditVerify::execute(const QString& sql) {
    QSqlQuery query(m_fixture.store->database());
    if (!query.exec(sql)) {
        qWarning("%s failed: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
        return false;
    }
    return true;
}

void TestAuditVerify::untouchedChainIsIntact() {
    QVERIFY(tamper("SELECT 1;"));
    const Result<ChainReport> report = verifyAuditChain(*m_fixture.store);
    EARLYHELP_VERIFY_OK(report);
    QVERIFY2(report->intact, qUtf8Printable(report->problem));
    QCOMPARE(report->events, eventCount);
    QCOMPARE(report->erasedDetails, 0);
    QCOMPARE(report->firstBadSequence, 0);
    QCOMPARE(report->problem, QString());
}

void TestAuditVerify::tamperingIsNamed_data() {
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<qint64>("firstBad");
    QTest::addColumn<QString>("problem");

    QTest::newRow("middle event deleted")
        << QByteArray("DELETE FROM audit_event WHERE seq = 6;") << qint64(6)
        << QStringLiteral("event 6 is missing");
    QTest::newRow("middle events deleted")
        << QByteArray("DELETE FROM audit_event WHERE seq BETWEEN 6 AND 8;") << qint64(6)
        << QStringLiteral("events 6 to 8 are missing");
    QTest::newRow("first event deleted")
        << QByteArray("DELETE FROM audit_event WHERE seq = 1;") << qint64(1)
        << QStringLiteral("event 1 is missing");
    QTest::newRow("newest events deleted")
        << QByteArray("DELETE FROM audit_event WHERE seq > 11;") << qint64(12)
        << QStringLiteral("the newest events after 11 are missing");
    QTest::newRow("every event deleted")
        << QByteArray("DELETE FROM audit_event;") << qint64(1)
        << QStringLiteral("events 1 to 14 are missing");
    QTest::newRow("details altered")
        << QByteArray("UPDATE audit_event SET details = '{\"index\":99}' WHERE seq = 7;") << qint64(7)
        << QStringLiteral("event 7 was altered");
    QTest::newRow("user altered")
        << QByteArray("UPDATE audit_event SET user_name = 'j.patel' WHERE seq = 9;") << qint64(9)
        << QStringLiteral("event 9 was altered");
    QTest::newRow("time altered")
        << QByteArray("UPDATE audit_event SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2;") << qint64(2)
        << QStringLiteral("event 2 was altered");
    QTest::newRow("action altered")
        << QByteArray("UPDATE audit_event SET action = 'view' WHERE seq = 3;") << qint64(3)
        << QStringLiteral("event 3 was altered");
    QTest::newRow("newest event altered")
        << QByteArray("UPDATE audit_event SET record_id = 'family-x' WHERE seq = 14;") << qint64(14)
        << QStringLiteral("event 14 was altered");
    QTest::newRow("details blanked without erasure")
        << QByteArray("UPDATE audit_event SET details = '', details_salt = NULL WHERE seq = 5;") << qint64(5)
        << QStringLiteral("event 5 was altered");
    QTest::newRow("sequence renumbered")
        << QByteArray("UPDATE audit_event SET seq = 100 WHERE seq = 14;") << qint64(14)
        << QStringLiteral("events 14 to 99 are missing");
}

void TestAuditVerify::tamperingIsNamed() {
    QFETCH(QByteArray, sql);
    QFETCH(qint64, firstBad);
    QFETCH(QString, problem);

    QVERIFY(tamper(sql));
    const Result<ChainReport> report = verifyAuditChain(*m_fixture.store);
    EARLYHELP_VERIFY_OK(report);
    QVERIFY(!report->intact);
    QCOMPARE(report->firstBadSequence, firstBad);
    QCOMPARE(report->problem, problem);
}

void TestAuditVerify::erasedDetailsAreCounted() {
    AuditLog log(*m_fixture.store);
    NewEvent erasure;
    erasure.action = Action::Erase;
    erasure.details = QJsonObject{{QStringLiteral("redactedEvents"), QJsonArray{3, QJsonArray{5, 6}}}};
    const Result<qint64> erasureSequence = log.append(erasure);
    EARLYHELP_VERIFY_OK(erasureSequence);
    QVERIFY(execute(QStringLiteral("UPDATE audit_event SET details = '', details_salt = NULL, erased_by_seq = %1 "
                                   "WHERE seq IN (3, 5, 6)")
                        .arg(*erasureSequence)));

    const Result<ChainReport> report = verifyAuditChain(*m_fixture.store);
    EARLYHELP_VERIFY_OK(report);
    QVERIFY2(report->intact, qUtf8Printable(report->problem));
    QCOMPARE(report->events, eventCount + 1);
    QCOMPARE(report->erasedDetails, 3);

    Filter filter;
    filter.afterSequence = 2;
    filter.limit = 1;
    filter.newestFirst = false;
    const Result<QList<Event>> events = log.query(filter);
    EARLYHELP_VERIFY_OK(events);
    QCOMPARE(events->first().sequence, 3);
    QCOMPARE(events->first().details, QJsonObject());
    QCOMPARE(events->first().erasedBySequence, *erasureSequence);
}

void TestAuditVerify::erasureMustNameEvent() {
    AuditLog log(*m_fixture.store);
    NewEvent erasure;
    erasure.action = Action::Erase;
    erasure.details = QJsonObject{{QStringLiteral("redactedEvents"), QJsonArray{3}}};
    const Result<qint64> erasureSequence = log.append(erasure);
    EARLYHELP_VERIFY_OK(erasureSequence);
    QVERIFY(execute(QStringLiteral("UPDATE audit_event SET details = '', details_salt = NULL, erased_by_seq = %1 "
                                   "WHERE seq IN (3, 8)")
                        .arg(*erasureSequence)));

    const Result<ChainReport> report = verifyAuditChain(*m_fixture.store);
    EARLYHELP_VERIFY_OK(report);
    QVERIFY(!report->intact);
    QCOMPARE(report->firstBadSequence, 8);
    QCOMPARE(report->problem, QStringLiteral("event 8 was altered"));
}

void TestAuditVerify::erasureEventMustExist() {
    QVERIFY(execute(QStringLiteral("UPDATE audit_event SET details = '', details_salt = NULL, erased_by_seq = 500 "
                                   "WHERE seq = 4")));
    const Result<ChainReport> report = verifyAuditChain(*m_fixture.store);
    EARLYHELP_VERIFY_OK(report);
    QVERIFY(!report->intact);
    QCOMPARE(report->firstBadSequence, 4);
    QCOMPARE(report->problem, QStringLiteral("event 4 was altered"));
}

void TestAuditVerify::progressReportsTotal() {
    QList<std::pair<qint64, qint64>> calls;
    const Result<ChainReport> report =
        verifyAuditChain(*m_fixture.store, [&calls](qint64 done, qint64 total) { calls.append({done, total}); });
    EARLYHELP_VERIFY_OK(report);
    QVERIFY(!calls.isEmpty());
    QCOMPARE(calls.last().first, eventCount);
    QCOMPARE(calls.last().second, eventCount);
}

QTEST_GUILESS_MAIN(TestAuditVerify)
#include "tst_auditverify.moc"
