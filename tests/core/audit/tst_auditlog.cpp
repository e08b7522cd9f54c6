#include "caseworktesthelpers.h"

#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "store/audittriggers.h"
#include "store/migrations.h"
#include "store/searchfunction.h"
#include "store/sqlcipherdriver.h"

#include <sqlcipher/sqlite3.h>

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

Q_DECLARE_METATYPE(earlyhelp::audit::Filter)

using namespace earlyhelp;
using namespace earlyhelp::audit;
using namespace earlyhelp::testing;

namespace {

// One row of audit_event with the columns the chain covers.
struct StoredEvent {
    qint64 sequence = 0;
    QByteArray at;
    QByteArray user;
    QByteArray roleCode;
    QByteArray action;
    QByteArray recordType;
    QByteArray recordId;
    QByteArray familyId;
    QByteArray personId;
    QByteArray details;
    QByteArray salt;
    QByteArray digest;
    QByteArray previousHash;
    QByteArray hash;
};

QList<StoredEvent> storedEvents(const QSqlDatabase& database) {
    QList<StoredEvent> events;
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT seq, at, user_name, role_code, action, record_type, record_id, "
                                   "family_id, person_id, details, details_salt, details_digest, prev_hash, "
                                   "hash FROM audit_event ORDER BY seq"))) {
        qWarning("Reading audit_event failed: %s", qUtf8Printable(query.lastError().text()));
        return events;
    }
    while (query.next()) {
        StoredEvent event;
        event.sequence = query.value(0).toLongLong();
        event.at = query.value(1).toString().toUtf8();
        event.user = query.value(2).toString().toUtf8();
        event.roleCode = query.value(3).toString().toUtf8();
        event.action = query.value(4).toString().toUtf8();
        event.recordType = query.value(5).toString().toUtf8();
        event.recordId = query.value(6).toString().toUtf8();
        event.familyId = query.value(7).toString().toUtf8();
        event.personId = query.value(8).toString().toUtf8();
        event.details = query.value(9).toString().toUtf8();
        event.salt = query.value(10).toByteArray();
        event.digest = query.value(11).toByteArray();
        event.previousHash = query.value(12).toByteArray();
        event.hash = query.value(13).toByteArray();
        events.append(event);
    }
    return events;
}

std::pair<qint64, QByteArray> auditHead(const QSqlDatabase& database) {
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")) || !query.next())
        return {-1, {}};
    return {query.value(0).toLongLong(), query.value(1).toByteArray()};
}

bool execute(const QSqlDatabase& database, const QString& sql) {
    QSqlQuery query(database);
    if (!query.exec(sql)) {
        qWarning("%s failed: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
        return false;
    }
    return true;
}

QString keyLiteral(const SecretBytes& key) {
    const QByteArray hex =
        QByteArray(reinterpret_cast<const char*>(key.data()), qsizetype(key.size())).toHex();
    return QString(u"PRAGMA key = \"x'" + QString::fromLatin1(hex) + u"'\";");
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void appendRecordsActorAndDetails();
    void appendExplicitUserOverridesActor();
    void chainLinksEveryEvent();
    void saltDiffersPerEvent();
    void rollbackLeavesNoEvent();
    void appendJoinsOpenTransaction();
    void sequenceMustFollowHead();
    void queryFilters_data();
    void queryFilters();
    void dateFilterUsesLocalDays();
    void actionCodesRoundTrip();
    void scopedCauseRestoresPrevious();
    void storeBeforeSchema7Migrates();

private:
    [[nodiscard]] AuditLog auditLog() {
        return AuditLog(*m_fixture.store, [this] { return m_clock; });
    }

    CaseworkFixture m_fixture;
    QDateTime m_clock = QDateTime(QDate(2026, 12, 4), QTime(10, 30), Qt::UTC);
};

void TestAuditLog::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_fixture.store->setAuditActor(QStringLiteral("a.okafor"), QStringLiteral("lead"));
}

void TestAuditLog::cleanup() {
    m_fixture.tearDown();
}

void TestAuditLog::appendRecordsActorAndDetails() {
    AuditLog log = auditLog();
    const Result<qint64> before = log.count({});
    EARLYHELP_VERIFY_OK(before);

    NewEvent event;
    event.action = Action::Search;
    event.details = QJsonObject{{QStringLiteral("query"), QStringLiteral("khan")},
                                {QStringLiteral("results"), 3}};
    const Result<qint64> sequence = log.append(event);
    EARLYHELP_VERIFY_OK(sequence);
    QCOMPARE(*sequence, *before + 1);

    Filter newest;
    newest.limit = 1;
    const Result<QList<Event>> events = log.query(newest);
    EARLYHELP_VERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    const Event& stored = events->first();
    QCOMPARE(stored.sequence, *sequence);
    QCOMPARE(stored.at, m_clock);
    QCOMPARE(stored.user, QStringLiteral("a.okafor"));
    QCOMPARE(stored.roleCode, QStringLiteral("lead"));
    QCOMPARE(stored.actionCode, QStringLiteral("search"));
    QCOMPARE(stored.details, event.details);
    QCOMPARE(stored.erasedBySequence, 0);
}

void TestAuditLog::appendExplicitUserOverridesActor() {
    AuditLog log = auditLog();
    NewEvent event;
    event.action = Action::FailedUnlock;
    event.user = QString();
    event.roleCode = QString();
    event.details = QJsonObject{{QStringLiteral("user"), QStringLiteral("j.patell")}};
    const Result<qint64> sequence = log.append(event);
    EARLYHELP_VERIFY_OK(sequence);

    Filter filter;
    filter.actions = {Action::FailedUnlock};
    const Result<QList<Event>> events = log.query(filter);
    EARLYHELP_VERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->first().user, QString());
    QCOMPARE(events->first().roleCode, QString());
}

void TestAuditLog::chainLinksEveryEvent() {
    AuditLog log = auditLog();
    QSqlDatabase database = m_fixture.store->database();
    QVERIFY(database.transaction());
    for (int i = 0; i < 300; ++i) {
        NewEvent event;
        event.action = Action::View;
        event.recordType = QStringLiteral("family");
        event.recordId = QStringLiteral("family-%1").arg(i);
        event.details = QJsonObject{{QStringLiteral("index"), i}};
        EARLYHELP_VERIFY_OK(log.append(event));
        if (i % 50 == 0)
            QVERIFY(!m_fixture.insertFamily(QStringLiteral("Family %1").arg(i)).isEmpty());
    }
    QVERIFY(database.commit());

    const QList<StoredEvent> events = storedEvents(database);
    QVERIFY(events.size() > 300);
    QByteArray previousHash(chainHashSize, '\0');
    for (qsizetype i = 0; i < events.size(); ++i) {
        const StoredEvent& event = events.at(i);
        QCOMPARE(event.sequence, i + 1);
        QCOMPARE(event.salt.size(), detailsSaltSize);
        QCOMPARE(event.digest, detailsDigest(event.salt, event.details));
        QCOMPARE(event.previousHash, previousHash);
        const ChainFields fields{event.sequence, event.at,       event.user,     event.roleCode,
                                 event.action,   event.recordType, event.recordId, event.familyId,
                                 event.personId, event.digest};
        QCOMPARE(event.hash, chainHash(previousHash, fields));
        previousHash = event.hash;
    }

    const auto [headSequence, headHash] = auditHead(database);
    QCOMPARE(headSequence, events.size());
    QCOMPARE(headHash, previousHash);

    const Result<ChainReport> report = verifyAuditChain(*m_fixture.store);
    EARLYHELP_VERIFY_OK(report);
    QVERIFY2(report->intact, qUtf8Printable(report->problem));
    QCOMPARE(report->events, events.size());
    QCOMPARE(report->erasedDetails, 0);
}

void TestAuditLog::saltDiffersPerEvent() {
    AuditLog log = auditLog();
    NewEvent event;
    event.action = Action::Export;
    event.details = QJsonObject{{QStringLiteral("kind"), QStringLiteral("csv")}};
    EARLYHELP_VERIFY_OK(log.append(event));
    EARLYHELP_VERIFY_OK(log.append(event));

    const QList<StoredEvent> events = storedEvents(m_fixture.store->database());
    QVERIFY(events.size() >= 2);
    const StoredEvent& first = events.at(events.size() - 2);
    const StoredEvent& second = events.last();
    QCOMPARE(first.details, second.details);
    QVERIFY(first.salt != second.salt);
    QVERIFY(first.digest != second.digest);
}

void TestAuditLog::rollbackLeavesNoEvent() {
    AuditLog log = auditLog();
    QSqlDatabase database = m_fixture.store->database();
    const auto [headBefore, hashBefore] = auditHead(database);
    const Result<qint64> before = log.count({});
    EARLYHELP_VERIFY_OK(before);

    QVERIFY(database.transaction());
    QVERIFY(!m_fixture.insertFamily(QStringLiteral("Khan family")).isEmpty());
    EARLYHELP_VERIFY_OK(log.append(NewEvent{Action::View, QStringLiteral("family"), QStringLiteral("f-1"),
                                            QStringLiteral("f-1"), {}, {}, {}, {}}));
    QVERIFY(database.rollback());

    const Result<qint64> after = log.count({});
    EARLYHELP_VERIFY_OK(after);
    QCOMPARE(*after, *before);
    const auto [headAfter, hashAfter] = auditHead(database);
    QCOMPARE(headAfter, headBefore);
    QCOMPARE(hashAfter, hashBefore);

    const Result<qint64> next = log.append(NewEvent{Action::Search, {}, {}, {}, {}, {}, {}, {}});
    EARLYHELP_VERIFY_OK(next);
    QCOMPARE(*next, headBefore + 1);
}

void TestAuditLog::appendJoinsOpenTransaction() {
    AuditLog log = auditLog();
    QSqlDatabase database = m_fixture.store->database();
    QVERIFY(database.transaction());
    const Result<qint64> sequence = log.append(NewEvent{Action::Export, {}, {}, {}, {}, {}, {}, {}});
    EARLYHELP_VERIFY_OK(sequence);
    QCOMPARE(sqlite3_get_autocommit(sqliteConnection(database)), 0);
    QVERIFY(database.commit());

    Filter filter;
    filter.afterSequence = *sequence - 1;
    const Result<qint64> count = log.count(filter);
    EARLYHELP_VERIFY_OK(count);
    QCOMPARE(*count, 1);
}

void TestAuditLog::sequenceMustFollowHead() {
    QSqlQuery query(m_fixture.store->database());
    const bool inserted = query.exec(
        QStringLiteral("INSERT INTO audit_event (seq, at, action, details_digest, prev_hash, hash) "
                       "VALUES ((SELECT seq + 5 FROM audit_head), '2026-12-04T10:00:00.000Z', 'view', "
                       "x'', x'', x'')"));
    QVERIFY(!inserted);
    QVERIFY(query.lastError().text().contains(u"audit_event.seq must follow audit_head.seq"));
}

void TestAuditLog::queryFilters_data() {
    QTest::addColumn<Filter>("filter");
    QTest::addColumn<QList<qint64>>("expected"); // offsets of the events appended, 1 to 4

    Filter byPerson;
    byPerson.personId = QStringLiteral("p-1");
    QTest::newRow("person") << byPerson << QList<qint64>{3, 1};

    Filter byFamily;
    byFamily.familyId = QStringLiteral("f-2");
    QTest::newRow("family") << byFamily << QList<qint64>{2};

    Filter byUser;
    byUser.user = QStringLiteral("j.patel");
    QTest::newRow("user") << byUser << QList<qint64>{4, 2};

    Filter byActions;
    byActions.actions = {Action::Export, Action::Share};
    QTest::newRow("actions") << byActions << QList<qint64>{4, 3};

    Filter oldestFirst;
    oldestFirst.newestFirst = false;
    oldestFirst.limit = 2;
    QTest::newRow("oldest first, limit") << oldestFirst << QList<qint64>{1, 2};

    // beforeSequence is an offset here too; queryFilters() adds the base.
    Filter beforeThird;
    beforeThird.beforeSequence = 3;
    QTest::newRow("before a sequence, newest first") << beforeThird << QList<qint64>{2, 1};

    Filter combined;
    combined.personId = QStringLiteral("p-1");
    combined.actions = {Action::View};
    QTest::newRow("person and action") << combined << QList<qint64>{1};
}

void TestAuditLog::queryFilters() {
    QFETCH(Filter, filter);
    QFETCH(QList<qint64>, expected);

    AuditLog log = auditLog();
    const Result<qint64> before = log.count({});
    EARLYHELP_VERIFY_OK(before);
    const QString lead = QStringLiteral("a.okafor");
    const QString caseworker = QStringLiteral("j.patel");
    const QString role = QStringLiteral("lead");
    const QList<NewEvent> events{
        {Action::View, QStringLiteral("person"), QStringLiteral("p-1"), QStringLiteral("f-1"),
         QStringLiteral("p-1"), {}, lead, role},
        {Action::View, QStringLiteral("family"), QStringLiteral("f-2"), QStringLiteral("f-2"), {}, {},
         caseworker, role},
        {Action::Share, QStringLiteral("person"), QStringLiteral("p-1"), QStringLiteral("f-1"),
         QStringLiteral("p-1"), {}, lead, role},
        {Action::Export, {}, {}, {}, {}, {}, caseworker, role},
    };
    for (const NewEvent& event : events)
        EARLYHELP_VERIFY_OK(log.append(event));

    filter.afterSequence = *before;
    if (filter.beforeSequence > 0)
        filter.beforeSequence += *before;
    const Result<QList<Event>> found = log.query(filter);
    EARLYHELP_VERIFY_OK(found);
    QList<qint64> offsets;
    for (const Event& event : *found)
        offsets.append(event.sequence - *before);
    QCOMPARE(offsets, expected);

    const Result<qint64> count = log.count(filter);
    EARLYHELP_VERIFY_OK(count);
    QCOMPARE(*count, expected.size());
}

void TestAuditLog::dateFilterUsesLocalDays() {
    AuditLog log = auditLog();
    const QDate day(2026, 11, 20);
    m_clock = day.startOfDay().addSecs(-1).toUTC();
    const Result<qint64> before = log.append(NewEvent{Action::View, {}, {}, {}, {}, {}, {}, {}});
    m_clock = day.startOfDay().toUTC();
    const Result<qint64> first = log.append(NewEvent{Action::View, {}, {}, {}, {}, {}, {}, {}});
    m_clock = day.addDays(1).startOfDay().addMSecs(-1).toUTC();
    const Result<qint64> last = log.append(NewEvent{Action::View, {}, {}, {}, {}, {}, {}, {}});
    m_clock = day.addDays(1).startOfDay().toUTC();
    const Result<qint64> after = log.append(NewEvent{Action::View, {}, {}, {}, {}, {}, {}, {}});
    EARLYHELP_VERIFY_OK(before);
    EARLYHELP_VERIFY_OK(first);
    EARLYHELP_VERIFY_OK(last);
    EARLYHELP_VERIFY_OK(after);

    Filter filter;
    filter.from = day;
    filter.to = day;
    filter.newestFirst = false;
    const Result<QList<Event>> found = log.query(filter);
    EARLYHELP_VERIFY_OK(found);
    QCOMPARE(found->size(), 2);
    QCOMPARE(found->at(0).sequence, *first);
    QCOMPARE(found->at(1).sequence, *last);
}

void TestAuditLog::actionCodesRoundTrip() {
    const QList<Action> actions = allActions();
    QCOMPARE(actions.size(), 18);
    QStringList codes;
    for (Action action : actions) {
        const QString code = actionCode(action);
        QVERIFY(!code.isEmpty());
        QCOMPARE(actionFromCode(code), std::optional<Action>(action));
        QVERIFY(!actionLabel(action).isEmpty());
        codes.append(code);
    }
    codes.removeDuplicates();
    QCOMPARE(codes.size(), actions.size());
    QCOMPARE(actionCode(Action::FailedUnlock), QStringLiteral("failed-unlock"));
    QCOMPARE(actionCode(Action::PolicyOverride), QStringLiteral("policy-override"));
    QCOMPARE(actionFromCode(QStringLiteral("View")), std::nullopt);
    QCOMPARE(actionFromCode(QString()), std::nullopt);
}

void TestAuditLog::scopedCauseRestoresPrevious() {
    Store& store = *m_fixture.store;
    QCOMPARE(store.auditCause(), QString());
    {
        ScopedAuditCause sync(store, QStringLiteral("sync"), {{QStringLiteral("from"), QStringLiteral("org-9")}});
        QCOMPARE(store.auditCause(), QStringLiteral("sync"));
        {
            ScopedAuditCause erasure(store, QStringLiteral("erasure"));
            QCOMPARE(store.auditCause(), QStringLiteral("erasure"));
            QCOMPARE(store.auditCauseDetails(), QJsonObject());
        }
        QCOMPARE(store.auditCause(), QStringLiteral("sync"));
        QCOMPARE(store.auditCauseDetails().value(QStringLiteral("from")).toString(), QStringLiteral("org-9"));
    }
    QCOMPARE(store.auditCause(), QString());
    QCOMPARE(store.auditCauseDetails(), QJsonObject());
}

void TestAuditLog::storeBeforeSchema7Migrates() {
    const QString path = m_fixture.folder->filePath(QStringLiteral("version6.store"));
    const SecretBytes key = SecretBytes::random(32);

    // Writes a version 6 store with the raw SQLCipher API, as the previous
    // release left it.
    sqlite3* connection = nullptr;
    QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &connection,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_exec(connection, keyLiteral(key).toUtf8().constData(), nullptr, nullptr, nullptr),
             SQLITE_OK);
    QCOMPARE(registerSearchFunction(connection), SQLITE_OK);
    QString script;
    for (int version = 1; version <= 6; ++version)
        script += storeMigrations().at(version - 1).script;
    script += u"PRAGMA user_version = 6;"
              u"INSERT INTO organisation (id, name, party_type, is_local, created_at, updated_at) VALUES "
              u"('org-1', 'Test Primary School', 'school', 1, '2026-01-05T09:00:00.000Z', "
              u"'2026-01-05T09:00:00.000Z');"
              u"INSERT INTO person (id, org_id, legal_forename, legal_surname, created_at, updated_at) "
              u"VALUES ('p-1', 'org-1', 'Aisha', 'Khan', '2026-01-05T09:00:00.000Z', "
              u"'2026-01-05T09:00:00.000Z');";
    char* message = nullptr;
    const int written = sqlite3_exec(connection, script.toUtf8().constData(), nullptr, nullptr, &message);
    const QString failure = QString::fromUtf8(message ? message : "");
    sqlite3_free(message);
    sqlite3_close(connection);
    QVERIFY2(written == SQLITE_OK, qUtf8Printable(failure));

    Result<std::unique_ptr<Store>> opened = Store::open(path, key);
    EARLYHELP_VERIFY_OK(opened);
    Store& store = **opened;
    QCOMPARE(store.schemaVersion(), 7);
    QSqlDatabase database = store.database();

    // Rows from before the migration have no events.
    AuditLog log(store);
    const Result<qint64> none = log.count({});
    EARLYHELP_VERIFY_OK(none);
    QCOMPARE(*none, 0);
    QCOMPARE(auditHead(database).first, 0);

    // Every audited table has its three triggers.
    const Result<QStringList> tables = auditedTables(database);
    EARLYHELP_VERIFY_OK(tables);
    QVERIFY(tables->contains(QStringLiteral("person")));
    for (const QString& table : *tables) {
        QSqlQuery triggers(database);
        triggers.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                        "AND tbl_name = ? AND name LIKE 'audit\\_%' ESCAPE '\\'"));
        triggers.addBindValue(table);
        QVERIFY(triggers.exec() && triggers.next());
        QVERIFY2(triggers.value(0).toInt() == 3, qUtf8Printable(table));
    }

    store.setAuditActor(QStringLiteral("a.okafor"), QStringLiteral("lead"));
    QVERIFY(execute(database, QStringLiteral("UPDATE person SET legal_surname = 'Khan-Ali', revision = 2 "
                                             "WHERE id = 'p-1'")));
    Filter filter;
    filter.personId = QStringLiteral("p-1");
    const Result<QList<Event>> events = log.query(filter);
    EARLYHELP_VERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->first().sequence, 1);
    QCOMPARE(events->first().actionCode, QStringLiteral("update"));
    QCOMPARE(events->first().user, QStringLiteral("a.okafor"));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
