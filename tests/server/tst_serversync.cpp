// Push and pull of earlyhelp-server, run as a real process on 127.0.0.1 over
// TLS: creating and updating records, idempotent batches, field merges and
// conflicts, records of another organisation, paging through the feed, a server killed during a
// push, and malformed requests. Outcomes are read back from the database.

#include "servertestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

namespace {

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One change in the shape the push endpoint takes.
QJsonObject makeChange(const QString& recordId, qint64 baseRevision, const QJsonObject& fields,
                       const QString& changeId = newUuid(),
                       const QString& recordType = QStringLiteral("person")) {
    return QJsonObject{{QStringLiteral("changeId"), changeId},
                       {QStringLiteral("recordType"), recordType},
                       {QStringLiteral("recordId"), recordId},
                       {QStringLiteral("baseRevision"), baseRevision},
                       {QStringLiteral("fields"), fields},
                       {QStringLiteral("deleted"), false},
                       {QStringLiteral("subject"), QJsonObject{{QStringLiteral("familyId"), QJsonValue()},
                                                               {QStringLiteral("personId"), recordId}}}};
}

QByteArray pushBody(const QJsonArray& changes) {
    return QJsonDocument(QJsonObject{{QStringLiteral("changes"), changes}}).toJson(QJsonDocument::Compact);
}

// Creates of count new person records, each with its own surname.
QJsonArray newPeople(int count, int firstNumber = 0) {
    QJsonArray changes;
    for (int i = 0; i < count; ++i) {
        changes.append(makeChange(
            newUuid(), 0,
            {{QStringLiteral("person.legalSurname"), QStringLiteral("Surname %1").arg(firstNumber + i)}}));
    }
    return changes;
}

} // namespace

class TestServerSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pushCreatesRecords();
    void pushSameBatchTwiceChangesNothing();
    void pushUpdateWithBaseRevision();
    void pushStaleBaseMergesFields();
    void pushNewRecordWithNonZeroBase();
    void changeIdReusedForOtherRecord();
    void otherOrganisationCannotChangeOrPull();
    void pullPagesThroughChanges();
    void pushAfterKillAppliesOnce();
    void concurrentPushesOnTwoServers();
    void badPushRequests_data();
    void badPushRequests();
    void invalidBatchWritesNothing();
    void tooManyChangesRejected();
    void badPullParameters_data();
    void badPullParameters();

private:
    CommandResult admin(const QStringList& arguments);
    QString addOrganisation(const QString& name, const QString& partyType);
    QByteArray enrolDevice(const QString& organisationId);
    HttpResult push(const QByteArray& bearer, const QJsonArray& changes);
    HttpResult pull(const QByteArray& bearer, qint64 after, int limit);
    QSqlDatabase database();
    qint64 countRows(const QString& sql);

    QTemporaryDir m_certificateDir;
    TestCertificates m_certificates;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PostgresCluster> m_postgres;
    QString m_database;
    QString m_school;
    QString m_trust;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_client;
    QByteArray m_schoolDevice;
    QByteArray m_trustDevice;
    int m_connections = 0;
};

void TestServerSync::initTestCase() {
    QVERIFY(m_certificateDir.isValid());
    QString error;
    QVERIFY2(makeTestCertificates(m_certificateDir.path(), QStringLiteral("sync"), m_certificates, error),
             qPrintable(error));

    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (!postgresBin.isEmpty()) {
        m_postgres = std::make_unique<PostgresCluster>(postgresBin);
        QVERIFY2(m_postgres->start(error), qPrintable(error));
    }
}

void TestServerSync::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (m_postgres) {
        QString error;
        m_database = m_postgres->createDatabase(error);
        QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    } else {
        m_database = m_dir->filePath(QStringLiteral("server.db"));
    }

    m_school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    m_trust =
        addOrganisation(QStringLiteral("Birmingham Children's Trust"), QStringLiteral("childrens_trust"));
    QVERIFY(!m_school.isEmpty());
    QVERIFY(!m_trust.isEmpty());

    // The rate limit is raised because some tests send many requests at once.
    QProcessEnvironment settings;
    settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_BURST"), QStringLiteral("1000"));
    if (QByteArray(QTest::currentTestFunction()) == "tooManyChangesRejected")
        settings.insert(QStringLiteral("EARLYHELP_SERVER_PUSH_MAX_CHANGES"), QStringLiteral("20"));
    m_server = std::make_unique<ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(m_database, m_certificates, error, settings), qPrintable(error));
    m_client = std::make_unique<HttpClient>(m_certificates.caCertificate);

    m_schoolDevice = enrolDevice(m_school);
    m_trustDevice = enrolDevice(m_trust);
    QVERIFY(!m_schoolDevice.isEmpty());
    QVERIFY(!m_trustDevice.isEmpty());
}

void TestServerSync::cleanup() {
    m_client.reset();
    m_server.reset(); // kills the process

    const QString name = QStringLiteral("sync-test-%1").arg(m_connections);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    ++m_connections;
}

CommandResult TestServerSync::admin(const QStringList& arguments) {
    return runServerCommand(QStringList{QStringLiteral("admin")} + arguments, m_database);
}

QString TestServerSync::addOrganisation(const QString& name, const QString& partyType) {
    const CommandResult added = admin({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"),
                                       name, QStringLiteral("--party-type"), partyType});
    if (added.exitCode != 0)
        qWarning().noquote() << "org add failed:" << added.standardError;
    return added.exitCode == 0 ? added.standardOutput.trimmed() : QString();
}

QByteArray TestServerSync::enrolDevice(const QString& organisationId) {
    const CommandResult issued =
        admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), organisationId});
    if (issued.exitCode != 0)
        return {};
    const HttpResult enrolled =
        m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
                       QJsonDocument(QJsonObject{{QStringLiteral("code"), issued.standardOutput.trimmed()},
                                                 {QStringLiteral("deviceName"), QStringLiteral("Laptop")}})
                           .toJson());
    if (enrolled.status != 201) {
        qWarning().noquote() << "enrolment failed:" << enrolled.status << enrolled.body;
        return {};
    }
    return bearerOf(enrolled.json);
}

HttpResult TestServerSync::push(const QByteArray& bearer, const QJsonArray& changes) {
    return m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/push"), pushBody(changes),
                          bearer);
}

HttpResult TestServerSync::pull(const QByteArray& bearer, qint64 after, int limit) {
    return m_client->send("GET", m_server->port(),
                          QStringLiteral("/api/v1/pull?after=%1&limit=%2").arg(after).arg(limit), {}, bearer);
}

QSqlDatabase TestServerSync::database() {
    // One connection per test, because PostgreSQL limits connections.
    const QString name = QStringLiteral("sync-test-%1").arg(m_connections);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    return openTestDatabase(m_database, name);
}

qint64 TestServerSync::countRows(const QString& sql) {
    QSqlQuery query(database());
    if (!query.exec(sql) || !query.next()) {
        qWarning().noquote() << sql << "failed:" << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

void TestServerSync::pushCreatesRecords() {
    const QString amara = newUuid();
    const QString family = newUuid();
    QJsonObject change = makeChange(amara, 0,
                                    {{QStringLiteral("person.legalForename"), QStringLiteral("Amara")},
                                     {QStringLiteral("person.legalSurname"), QStringLiteral("Fenwick")},
                                     {QStringLiteral("person.lookedAfter"), false}});
    change.insert(QStringLiteral("subject"),
                  QJsonObject{{QStringLiteral("familyId"), family}, {QStringLiteral("personId"), amara}});
    const HttpResult pushed = push(m_schoolDevice, {change});
    QCOMPARE(pushed.status, 200);
    const QJsonArray results = pushed.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 1);
    const QJsonObject result = results.at(0).toObject();
    QCOMPARE(result.value(QStringLiteral("changeId")).toString(),
             change.value(QStringLiteral("changeId")).toString());
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(result.value(QStringLiteral("revision")).toInteger(), 1);

    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT organisation_id, revision, fields, deleted, family_id, person_id, "
                       "change_sequence FROM record WHERE record_type = 'person' AND record_id = ?"));
    query.addBindValue(amara);
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), m_school);
    QCOMPARE(query.value(1).toLongLong(), 1);
    const QJsonObject stored = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    QCOMPARE(stored.value(QStringLiteral("person.legalForename")).toString(), QStringLiteral("Amara"));
    QCOMPARE(stored.value(QStringLiteral("person.legalSurname")).toString(), QStringLiteral("Fenwick"));
    QCOMPARE(stored.value(QStringLiteral("person.lookedAfter")), QJsonValue(false));
    QCOMPARE(query.value(3).toInt(), 0);
    QCOMPARE(query.value(4).toString(), family);
    QCOMPARE(query.value(5).toString(), amara);
    QCOMPARE(query.value(6).toLongLong(), 1);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change")), 1);

    // The device's own pull returns the record with the server's sequence.
    const HttpResult pulled = pull(m_schoolDevice, 0, 10);
    QCOMPARE(pulled.status, 200);
    const QJsonArray feed = pulled.json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(feed.size(), 1);
    const QJsonObject entry = feed.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("recordType")).toString(), QStringLiteral("person"));
    QCOMPARE(entry.value(QStringLiteral("recordId")).toString(), amara);
    QCOMPARE(entry.value(QStringLiteral("revision")).toInteger(), 1);
    QCOMPARE(entry.value(QStringLiteral("sequence")).toInteger(), 1);
    QCOMPARE(entry.value(QStringLiteral("deleted")), QJsonValue(false));
    QCOMPARE(entry.value(QStringLiteral("fields")).toObject(), stored);
    QCOMPARE(entry.value(QStringLiteral("subject")).toObject().value(QStringLiteral("familyId")).toString(),
             family);
    QCOMPARE(pulled.json.value(QStringLiteral("next")).toInteger(), 1);
    QCOMPARE(pulled.json.value(QStringLiteral("more")), QJsonValue(false));
}

void TestServerSync::pushSameBatchTwiceChangesNothing() {
    const QJsonArray batch = newPeople(5);
    const HttpResult first = push(m_schoolDevice, batch);
    QCOMPARE(first.status, 200);
    const QJsonArray firstResults = first.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(firstResults.size(), 5);
    for (const QJsonValue& result : firstResults)
        QCOMPARE(result.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    QSqlQuery before(database());
    QVERIFY(before.exec(QStringLiteral("SELECT record_id, revision, change_sequence, updated_at FROM record "
                                       "ORDER BY record_id")));
    QStringList rowsBefore;
    while (before.next()) {
        rowsBefore << QStringLiteral("%1 %2 %3 %4")
                          .arg(before.value(0).toString())
                          .arg(before.value(1).toLongLong())
                          .arg(before.value(2).toLongLong())
                          .arg(before.value(3).toLongLong());
    }
    QCOMPARE(rowsBefore.size(), 5);

    const HttpResult second = push(m_schoolDevice, batch);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json.value(QStringLiteral("results")).toArray(), firstResults);

    QSqlQuery after(database());
    QVERIFY(after.exec(QStringLiteral("SELECT record_id, revision, change_sequence, updated_at FROM record "
                                      "ORDER BY record_id")));
    QStringList rowsAfter;
    while (after.next()) {
        rowsAfter << QStringLiteral("%1 %2 %3 %4")
                         .arg(after.value(0).toString())
                         .arg(after.value(1).toLongLong())
                         .arg(after.value(2).toLongLong())
                         .arg(after.value(3).toLongLong());
    }
    QCOMPARE(rowsAfter, rowsBefore);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change")), 5);
    QCOMPARE(countRows(QStringLiteral("SELECT last_sequence FROM change_sequence")), 5);

    // A batch that repeats one change id gets the first result twice.
    const QJsonObject single = newPeople(1).at(0).toObject();
    const HttpResult repeated = push(m_schoolDevice, {single, single});
    QCOMPARE(repeated.status, 200);
    const QJsonArray repeatedResults = repeated.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(repeatedResults.size(), 2);
    QCOMPARE(repeatedResults.at(1), repeatedResults.at(0));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change")), 6);
}

void TestServerSync::pushUpdateWithBaseRevision() {
    const QString theo = newUuid();
    QCOMPARE(push(m_schoolDevice,
                  {makeChange(theo, 0,
                              {{QStringLiteral("person.legalForename"), QStringLiteral("Theo")},
                               {QStringLiteral("person.legalSurname"), QStringLiteral("Fenwick")}})})
                 .status,
             200);

    const HttpResult updated = push(
        m_schoolDevice, {makeChange(theo, 1,
                                    {{QStringLiteral("person.preferredForename"), QStringLiteral("Teddy")},
                                     {QStringLiteral("person.legalSurname"), QJsonValue()}})});
    QCOMPARE(updated.status, 200);
    const QJsonObject result = updated.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(result.value(QStringLiteral("revision")).toInteger(), 2);

    // Fields the change does not name keep their values; a null clears one.
    const HttpResult pulled = pull(m_schoolDevice, 0, 10);
    const QJsonArray feed = pulled.json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(feed.size(), 1);
    const QJsonObject entry = feed.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("revision")).toInteger(), 2);
    QCOMPARE(entry.value(QStringLiteral("sequence")).toInteger(), 2);
    const QJsonObject fields = entry.value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.value(QStringLiteral("person.legalForename")).toString(), QStringLiteral("Theo"));
    QCOMPARE(fields.value(QStringLiteral("person.preferredForename")).toString(), QStringLiteral("Teddy"));
    QVERIFY(fields.value(QStringLiteral("person.legalSurname")).isNull());

    // Deleting is a change like any other: it raises the revision.
    QJsonObject deletion = makeChange(theo, 2, {});
    deletion.insert(QStringLiteral("deleted"), true);
    const HttpResult deleted = push(m_schoolDevice, {deletion});
    QCOMPARE(deleted.json.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("revision"))
                 .toInteger(),
             3);
    const QJsonObject afterDelete =
        pull(m_schoolDevice, 2, 10).json.value(QStringLiteral("changes")).toArray().at(0).toObject();
    QCOMPARE(afterDelete.value(QStringLiteral("deleted")), QJsonValue(true));
    QCOMPARE(afterDelete.value(QStringLiteral("revision")).toInteger(), 3);

    // A change without "deleted" keeps the record deleted; false restores it.
    QJsonObject edit = makeChange(theo, 3, {{QStringLiteral("person.title"), QStringLiteral("Mr")}});
    edit.remove(QStringLiteral("deleted"));
    QCOMPARE(push(m_schoolDevice, {edit}).status, 200);
    const QJsonObject stillDeleted =
        pull(m_schoolDevice, 3, 10).json.value(QStringLiteral("changes")).toArray().at(0).toObject();
    QCOMPARE(stillDeleted.value(QStringLiteral("revision")).toInteger(), 4);
    QCOMPARE(stillDeleted.value(QStringLiteral("deleted")), QJsonValue(true));

    QCOMPARE(push(m_schoolDevice, {makeChange(theo, 4, {})}).status, 200);
    const QJsonObject restored =
        pull(m_schoolDevice, 4, 10).json.value(QStringLiteral("changes")).toArray().at(0).toObject();
    QCOMPARE(restored.value(QStringLiteral("revision")).toInteger(), 5);
    QCOMPARE(restored.value(QStringLiteral("deleted")), QJsonValue(false));
}

void TestServerSync::pushStaleBaseMergesFields() {
    const QString rowan = newUuid();
    push(m_schoolDevice, {makeChange(rowan, 0,
                                     {{QStringLiteral("person.legalForename"), QStringLiteral("Rowan")},
                                      {QStringLiteral("person.language"), QStringLiteral("ENG")}})});
    // Another device of the school changes the record first.
    const QByteArray secondDevice = enrolDevice(m_school);
    QVERIFY(!secondDevice.isEmpty());
    const HttpResult first =
        push(secondDevice,
             {makeChange(rowan, 1, {{QStringLiteral("person.legalSurname"), QStringLiteral("Ashby")}})});
    QCOMPARE(first.json.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("accepted"));

    const QJsonObject staleChange = makeChange(rowan, 1,
                                               {{QStringLiteral("person.legalSurname"), QStringLiteral("Ashbey")},
                                                {QStringLiteral("person.religion"), QStringLiteral("NON")}});
    const HttpResult stale = push(m_schoolDevice, {staleChange});
    QCOMPARE(stale.status, 200);
    const QJsonObject result = stale.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    // The religion, untouched on the server since revision 1, was applied.
    QCOMPARE(result.value(QStringLiteral("revision")).toInteger(), 3);
    const QJsonArray conflicts = result.value(QStringLiteral("conflicts")).toArray();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject conflict = conflicts.at(0).toObject();
    QCOMPARE(conflict.value(QStringLiteral("fieldId")).toString(), QStringLiteral("person.legalSurname"));
    QCOMPARE(conflict.value(QStringLiteral("serverValue")).toString(), QStringLiteral("Ashby"));
    QCOMPARE(conflict.value(QStringLiteral("yourValue")).toString(), QStringLiteral("Ashbey"));
    const QString conflictId = conflict.value(QStringLiteral("conflictId")).toString();
    QVERIFY(!QUuid::fromString(conflictId).isNull());

    // The server kept its surname, and the conflict keeps the pushed one.
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT revision, fields FROM record WHERE record_id = ?"));
    query.addBindValue(rowan);
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 3);
    const QJsonObject stored = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
    QCOMPARE(stored.value(QStringLiteral("person.legalSurname")).toString(), QStringLiteral("Ashby"));
    QCOMPARE(stored.value(QStringLiteral("person.religion")).toString(), QStringLiteral("NON"));
    query.prepare(QStringLiteral("SELECT field_id, other_value, other_org_id, status FROM sync_conflict "
                                 "WHERE id = ?"));
    query.addBindValue(conflictId);
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("person.legalSurname"));
    QVERIFY(query.value(1).toString().contains(QStringLiteral("Ashbey")));
    QCOMPARE(query.value(2).toString(), m_school);
    QCOMPARE(query.value(3).toString(), QStringLiteral("open"));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change")), 3);

    // The same change id sent again gets the same result, conflict id included.
    const HttpResult again = push(m_schoolDevice, {staleChange});
    QCOMPARE(again.json.value(QStringLiteral("results")).toArray().at(0).toObject(), result);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM sync_conflict")), 1);
}

void TestServerSync::pushNewRecordWithNonZeroBase() {
    const HttpResult pushed = push(
        m_schoolDevice, {makeChange(newUuid(), 3, {{QStringLiteral("person.title"), QStringLiteral("Ms")}})});
    const QJsonObject result = pushed.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(result.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_base_revision"));
    QCOMPARE(result.value(QStringLiteral("revision")).toInteger(), 0);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), 0);
}

void TestServerSync::changeIdReusedForOtherRecord() {
    const QString changeId = newUuid();
    push(m_schoolDevice,
         {makeChange(newUuid(), 0, {{QStringLiteral("person.title"), QStringLiteral("Mr")}}, changeId)});
    const QString other = newUuid();
    const HttpResult reused =
        push(m_schoolDevice,
             {makeChange(other, 0, {{QStringLiteral("person.title"), QStringLiteral("Dr")}}, changeId)});
    const QJsonObject result = reused.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(result.value(QStringLiteral("error")).toString(), QStringLiteral("change_id_reused"));
    QVERIFY(result.value(QStringLiteral("message")).toString().contains(changeId));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), 1);
}

void TestServerSync::otherOrganisationCannotChangeOrPull() {
    const QString youssef = newUuid();
    push(m_schoolDevice,
         {makeChange(youssef, 0, {{QStringLiteral("person.legalForename"), QStringLiteral("Youssef")}})});

    // The Trust's batch: an update and a create of the school's record, then
    // a record of its own, which is still applied.
    const QString own = newUuid();
    const HttpResult pushed =
        push(m_trustDevice,
             {makeChange(youssef, 1, {{QStringLiteral("person.legalForename"), QStringLiteral("Joseph")}}),
              makeChange(youssef, 0, {{QStringLiteral("person.legalForename"), QStringLiteral("Joseph")}}),
              makeChange(own, 0, {{QStringLiteral("family.name"), QStringLiteral("Haddad family")}},
                         newUuid(), QStringLiteral("family"))});
    QCOMPARE(pushed.status, 200);
    const QJsonArray results = pushed.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject rejected = results.at(i).toObject();
        QCOMPARE(rejected.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
        QVERIFY(rejected.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("your organisation does not own this record")));
        QVERIFY(!rejected.contains(QStringLiteral("serverFields")));
    }
    QCOMPARE(results.at(2).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT organisation_id, revision, fields FROM record WHERE record_id = ?"));
    query.addBindValue(youssef);
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), m_school);
    QCOMPARE(query.value(1).toLongLong(), 1);
    QVERIFY(query.value(2).toString().contains(QStringLiteral("Youssef")));

    // Each organisation pulls only its own record.
    const QJsonArray trustFeed = pull(m_trustDevice, 0, 100).json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(trustFeed.size(), 1);
    QCOMPARE(trustFeed.at(0).toObject().value(QStringLiteral("recordId")).toString(), own);
    const QJsonArray schoolFeed =
        pull(m_schoolDevice, 0, 100).json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(schoolFeed.size(), 1);
    QCOMPARE(schoolFeed.at(0).toObject().value(QStringLiteral("recordId")).toString(), youssef);
}

void TestServerSync::pullPagesThroughChanges() {
    QSet<QString> pushedIds;
    for (int batch = 0; batch < 3; ++batch) {
        const QJsonArray changes = newPeople(batch < 2 ? 500 : 200, batch * 500);
        for (const QJsonValue& change : changes)
            pushedIds.insert(change.toObject().value(QStringLiteral("recordId")).toString());
        const HttpResult pushed = push(m_schoolDevice, changes);
        QCOMPARE(pushed.status, 200);
        QCOMPARE(pushed.json.value(QStringLiteral("results")).toArray().size(), changes.size());
    }
    QCOMPARE(pushedIds.size(), 1200);
    // A record of the Trust in the middle of the sequence stays out of the
    // school's feed.
    push(m_trustDevice, newPeople(1));

    QSet<QString> pulledIds;
    qint64 cursor = 0;
    qint64 lastSequence = 0;
    const QList<int> expectedSizes = {500, 500, 200};
    for (int page = 0; page < expectedSizes.size(); ++page) {
        const HttpResult pulled = pull(m_schoolDevice, cursor, 500);
        QCOMPARE(pulled.status, 200);
        const QJsonArray entries = pulled.json.value(QStringLiteral("changes")).toArray();
        QCOMPARE(entries.size(), expectedSizes.at(page));
        for (const QJsonValue& value : entries) {
            const QJsonObject entry = value.toObject();
            const qint64 sequence = entry.value(QStringLiteral("sequence")).toInteger();
            QVERIFY2(sequence > lastSequence, "sequences must increase across pages");
            lastSequence = sequence;
            const QString id = entry.value(QStringLiteral("recordId")).toString();
            QVERIFY2(!pulledIds.contains(id), qPrintable(QStringLiteral("record %1 pulled twice").arg(id)));
            pulledIds.insert(id);
        }
        QCOMPARE(pulled.json.value(QStringLiteral("next")).toInteger(), lastSequence);
        QCOMPARE(pulled.json.value(QStringLiteral("more")).toBool(), page < 2);
        cursor = pulled.json.value(QStringLiteral("next")).toInteger();
    }
    QCOMPARE(pulledIds, pushedIds);

    const HttpResult end = pull(m_schoolDevice, cursor, 500);
    QCOMPARE(end.json.value(QStringLiteral("changes")).toArray().size(), 0);
    QCOMPARE(end.json.value(QStringLiteral("next")).toInteger(), cursor);
    QCOMPARE(end.json.value(QStringLiteral("more")).toBool(), false);
}

void TestServerSync::pushAfterKillAppliesOnce() {
    constexpr int batches = 8;
    constexpr int batchSize = 500;
    QList<QJsonArray> changes;
    for (int i = 0; i < batches; ++i)
        changes.append(newPeople(batchSize, i * batchSize));

    QList<QNetworkReply*> replies;
    for (const QJsonArray& batch : std::as_const(changes)) {
        replies.append(m_client->start("POST", m_server->port(), QStringLiteral("/api/v1/push"),
                                       pushBody(batch), m_schoolDevice));
    }
    // Kills the server once it has applied part of the push.
    qint64 appliedAtKill = 0;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        QTest::qWait(1);
        appliedAtKill = countRows(QStringLiteral("SELECT COUNT(*) FROM change"));
        if (appliedAtKill >= 100)
            break;
    }
    m_server->kill();
    for (QNetworkReply* reply : std::as_const(replies))
        HttpClient::wait(reply);
    const qint64 applied = countRows(QStringLiteral("SELECT COUNT(*) FROM change"));
    QVERIFY2(applied < batches * batchSize,
             qPrintable(QStringLiteral("the push finished (%1 changes) before the kill").arg(applied)));
    QVERIFY(applied >= 100);

    QString error;
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(m_database, m_certificates, error), qPrintable(error));
    for (const QJsonArray& batch : std::as_const(changes)) {
        const HttpResult pushed = push(m_schoolDevice, batch);
        QCOMPARE(pushed.status, 200);
        const QJsonArray results = pushed.json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), batchSize);
        for (const QJsonValue& result : results) {
            QCOMPARE(result.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("accepted"));
            QCOMPARE(result.toObject().value(QStringLiteral("revision")).toInteger(), 1);
        }
    }

    // Every change exactly once: one row each, revision 1, and the
    // sequences 1 to N without a gap or a repeat.
    constexpr qint64 total = batches * batchSize;
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change")), total);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(DISTINCT change_id) FROM change")), total);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), total);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record WHERE revision = 1")), total);
    QCOMPARE(countRows(QStringLiteral("SELECT MIN(sequence) FROM change")), 1);
    QCOMPARE(countRows(QStringLiteral("SELECT MAX(sequence) FROM change")), total);
    QCOMPARE(countRows(QStringLiteral("SELECT last_sequence FROM change_sequence")), total);
}

void TestServerSync::concurrentPushesOnTwoServers() {
    // Two server processes on one database, as behind a load balancer.
    ServerProcess second;
    QString error;
    QProcessEnvironment settings;
    settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_BURST"), QStringLiteral("1000"));
    QVERIFY2(second.start(m_database, m_certificates, error, settings), qPrintable(error));
    const QByteArray otherDevice = enrolDevice(m_school);
    QVERIFY(!otherDevice.isEmpty());

    const QString shared = newUuid();
    QCOMPARE(push(m_schoolDevice,
                  {makeChange(shared, 0, {{QStringLiteral("person.title"), QStringLiteral("Ms")}})})
                 .status,
             200);

    // Each batch updates the shared record against revision 1 half way.
    constexpr int batches = 4;
    constexpr int batchSize = 300;
    QList<QNetworkReply*> replies;
    for (int i = 0; i < batches; ++i) {
        QJsonArray changes = newPeople(batchSize, i * batchSize);
        changes.insert(
            batchSize / 2,
            makeChange(shared, 1, {{QStringLiteral("person.title"), QStringLiteral("Dr %1").arg(i)}}));
        const bool first = i % 2 == 0;
        replies.append(m_client->start("POST", first ? m_server->port() : second.port(),
                                       QStringLiteral("/api/v1/push"), pushBody(changes),
                                       first ? m_schoolDevice : otherDevice));
    }
    int sharedAccepted = 0;
    int sharedConflicts = 0;
    for (QNetworkReply* reply : std::as_const(replies)) {
        const HttpResult pushed = HttpClient::wait(reply);
        QCOMPARE(pushed.status, 200);
        const QJsonArray results = pushed.json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), batchSize + 1);
        for (int i = 0; i < results.size(); ++i) {
            const QString status = results.at(i).toObject().value(QStringLiteral("status")).toString();
            if (i != batchSize / 2) {
                QCOMPARE(status, QStringLiteral("accepted"));
                continue;
            }
            sharedAccepted += status == QLatin1String("accepted");
            sharedConflicts += status == QLatin1String("conflict");
        }
    }
    QCOMPARE(sharedAccepted, 1);
    QCOMPARE(sharedConflicts, batches - 1);

    // Every change, the conflicting ones too, and every conflict has its own
    // sequence, with no gap.
    const qint64 total = 1 + batches * batchSize + batches;
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change")), total);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(DISTINCT sequence) FROM change")), total);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM sync_conflict")), batches - 1);
    QCOMPARE(countRows(QStringLiteral("SELECT MAX(sequence) FROM (SELECT sequence FROM change UNION ALL "
                                      "SELECT sequence FROM sync_conflict) AS taken")),
             total + batches - 1);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(DISTINCT change_sequence) FROM record")),
             countRows(QStringLiteral("SELECT COUNT(*) FROM record")));
    QCOMPARE(countRows(QStringLiteral("SELECT MAX(revision) FROM record")), 2);
}

void TestServerSync::badPushRequests_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("named");

    const QString id = newUuid();
    auto withChange = [&](const QString& key, const QJsonValue& value) {
        QJsonObject change = makeChange(id, 0, {{QStringLiteral("person.title"), QStringLiteral("Ms")}});
        if (value.isUndefined())
            change.remove(key);
        else
            change.insert(key, value);
        return pushBody({change});
    };

    QTest::newRow("not json") << QByteArray("{\"changes\": [") << "invalid_json"
                              << "JSON";
    QTest::newRow("array body") << QByteArray("[]") << "invalid_json"
                                << "JSON object";
    QTest::newRow("no changes") << QByteArray("{}") << "missing_field"
                                << "\"changes\"";
    QTest::newRow("changes not array") << QByteArray("{\"changes\": {}}") << "invalid_field"
                                       << "\"changes\"";
    QTest::newRow("change not object") << QByteArray("{\"changes\": [3]}") << "invalid_field"
                                       << "changes[0]";
    QTest::newRow("no change id") << withChange(QStringLiteral("changeId"), QJsonValue::Undefined)
                                  << "missing_field"
                                  << "changes[0].changeId";
    QTest::newRow("change id number") << withChange(QStringLiteral("changeId"), 12) << "invalid_field"
                                      << "changes[0].changeId";
    QTest::newRow("change id not uuid")
        << withChange(QStringLiteral("changeId"), QStringLiteral("abc")) << "invalid_field"
        << "changes[0].changeId";
    QTest::newRow("unknown record type")
        << withChange(QStringLiteral("recordType"), QStringLiteral("pupil")) << "unknown_record_type"
        << "\"pupil\"";
    QTest::newRow("record type number") << withChange(QStringLiteral("recordType"), 1) << "invalid_field"
                                        << "changes[0].recordType";
    QTest::newRow("record id missing")
        << withChange(QStringLiteral("recordId"), QJsonValue::Undefined) << "missing_field"
        << "changes[0].recordId";
    QTest::newRow("base revision string")
        << withChange(QStringLiteral("baseRevision"), QStringLiteral("1")) << "invalid_field"
        << "changes[0].baseRevision";
    QTest::newRow("base revision negative")
        << withChange(QStringLiteral("baseRevision"), -1) << "invalid_field"
        << "changes[0].baseRevision";
    QTest::newRow("base revision fraction")
        << withChange(QStringLiteral("baseRevision"), 1.5) << "invalid_field"
        << "changes[0].baseRevision";
    QTest::newRow("fields array") << withChange(QStringLiteral("fields"), QJsonArray{}) << "invalid_field"
                                  << "changes[0].fields";
    QTest::newRow("unknown field") << withChange(QStringLiteral("fields"),
                                                 QJsonObject{{QStringLiteral("person.shoeSize"), 5}})
                                   << "unknown_field"
                                   << "person.shoeSize";
    QTest::newRow("field of other type")
        << withChange(QStringLiteral("fields"),
                      QJsonObject{{QStringLiteral("family.name"), QStringLiteral("X")}})
        << "unknown_field"
        << "family.name";
    QTest::newRow("field value object")
        << withChange(QStringLiteral("fields"), QJsonObject{{QStringLiteral("person.title"), QJsonObject{}}})
        << "invalid_field"
        << "changes[0].fields.person.title";
    QTest::newRow("deleted string") << withChange(QStringLiteral("deleted"), QStringLiteral("yes"))
                                    << "invalid_field"
                                    << "changes[0].deleted";
    QTest::newRow("subject string") << withChange(QStringLiteral("subject"), QStringLiteral("x"))
                                    << "invalid_field"
                                    << "changes[0].subject";
    QTest::newRow("subject family not uuid")
        << withChange(QStringLiteral("subject"),
                      QJsonObject{{QStringLiteral("familyId"), QStringLiteral("f1")}})
        << "invalid_field"
        << "changes[0].subject.familyId";
}

void TestServerSync::badPushRequests() {
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    QFETCH(QString, named);

    const HttpResult pushed =
        m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/push"), body, m_schoolDevice);
    QCOMPARE(pushed.status, 400);
    QCOMPARE(pushed.json.value(QStringLiteral("error")).toString(), error);
    const QString message = pushed.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(named), qPrintable(message));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), 0);

    // The server keeps serving.
    const HttpResult status =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, m_schoolDevice);
    QCOMPARE(status.status, 200);
    QCOMPARE(push(m_schoolDevice, newPeople(1)).status, 200);
}

void TestServerSync::invalidBatchWritesNothing() {
    // The batch is checked whole before any change is applied.
    QJsonArray changes = newPeople(3);
    QJsonObject broken = changes.at(2).toObject();
    broken.insert(QStringLiteral("baseRevision"), QStringLiteral("zero"));
    changes.replace(2, broken);
    const HttpResult pushed = push(m_schoolDevice, changes);
    QCOMPARE(pushed.status, 400);
    QVERIFY(pushed.json.value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("changes[2].baseRevision")));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), 0);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change")), 0);
}

void TestServerSync::tooManyChangesRejected() {
    // This test's server allows 20 changes per push.
    const HttpResult tooMany = push(m_schoolDevice, newPeople(21));
    QCOMPARE(tooMany.status, 413);
    QCOMPARE(tooMany.json.value(QStringLiteral("error")).toString(), QStringLiteral("too_many_changes"));
    QVERIFY(tooMany.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("limit of 20")));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), 0);

    const HttpResult atLimit = push(m_schoolDevice, newPeople(20));
    QCOMPARE(atLimit.status, 200);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), 20);
}

void TestServerSync::badPullParameters_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("named");

    QTest::newRow("after word") << "after=abc"
                                << "\"after\" is \"abc\"";
    QTest::newRow("after negative") << "after=-1"
                                    << "\"after\" is \"-1\"";
    QTest::newRow("limit zero") << "limit=0"
                                << "\"limit\" is \"0\"";
    QTest::newRow("limit too large") << "limit=1001"
                                     << "\"limit\" is \"1001\"";
    QTest::newRow("limit fraction") << "limit=2.5"
                                    << "\"limit\" is \"2.5\"";
}

void TestServerSync::badPullParameters() {
    QFETCH(QString, query);
    QFETCH(QString, named);

    const HttpResult pulled =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/pull?") + query, {}, m_schoolDevice);
    QCOMPARE(pulled.status, 400);
    QCOMPARE(pulled.json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_parameter"));
    const QString message = pulled.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(named), qPrintable(message));

    // Without parameters a pull starts at the beginning.
    const HttpResult defaults =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/pull"), {}, m_schoolDevice);
    QCOMPARE(defaults.status, 200);
    QCOMPARE(defaults.json.value(QStringLiteral("next")).toInteger(), 0);
}

QTEST_MAIN(TestServerSync)

#include "tst_serversync.moc"
