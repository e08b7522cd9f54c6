// Audit anchors on the server, with the real earlyhelp-server binary over
// TLS on 127.0.0.1 and a SQLite file (or PostgreSQL, see m_postgres). A
// push's "auditHead" is stored per device in audit_anchor, and a repeat is
// stored once. Another hash for an anchored sequence is flagged as a
// conflict, and a malformed auditHead is rejected. GET
// /api/v1/audit-anchors returns the caller's anchors in pages.

#include "servertestsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
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

QJsonObject makePerson(const QString& surname) {
    const QString recordId = newUuid();
    return QJsonObject{
        {QStringLiteral("changeId"), newUuid()},
        {QStringLiteral("recordType"), QStringLiteral("person")},
        {QStringLiteral("recordId"), recordId},
        {QStringLiteral("baseRevision"), 0},
        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("person.legalSurname"), surname}}},
        {QStringLiteral("deleted"), false},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("familyId"), QJsonValue()}, {QStringLiteral("personId"), recordId}}}};
}

// A 32-byte hash whose bytes are all fill.
QByteArray hashOf(char fill) {
    return QByteArray(32, fill);
}

QJsonObject auditHead(qint64 sequence, const QByteArray& hash) {
    return QJsonObject{{QStringLiteral("seq"), sequence},
                       {QStringLiteral("hash"), QString::fromLatin1(hash.toBase64())}};
}

QByteArray pushBody(const QJsonArray& changes, const QJsonValue& head = QJsonValue::Undefined) {
    QJsonObject body{{QStringLiteral("changes"), changes}};
    if (!head.isUndefined())
        body.insert(QStringLiteral("auditHead"), head);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString deviceIdOf(const QByteArray& bearer) {
    return QString::fromLatin1(bearer.left(bearer.indexOf('.')));
}

} // namespace

class TestServerAnchors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pushStoresAnchor();
    void repeatedAnchorStoredOnce();
    void otherHashFlaggedAsConflict();
    void pushWithoutAuditHeadAccepted();
    void emptyPushStoresAnchor();
    void malformedAuditHeadRejected_data();
    void malformedAuditHeadRejected();
    void listReturnsOnlyCallersAnchors();
    void listNewestFirstInPages();
    void listRejectsBadParameter_data();
    void listRejectsBadParameter();
    void listNeedsCredential();
    void anchorInServerAuditTrail();

private:
    CommandResult admin(const QStringList& arguments);
    QString addOrganisation(const QString& name);
    QByteArray enrolDevice(const QString& organisationId);
    HttpResult push(const QByteArray& bearer, const QByteArray& body);
    HttpResult listAnchors(const QByteArray& bearer, const QString& query = {});
    QSqlDatabase database();
    qint64 countRows(const QString& sql);
    bool startServer();

    QTemporaryDir m_certificateDir;
    TestCertificates m_certificates;
    std::unique_ptr<QTemporaryDir> m_dir;
    // Set when EARLYHELP_TEST_POSTGRES_BIN names PostgreSQL's programs: each
    // test then gets a new database in this cluster instead of a SQLite file.
    std::unique_ptr<PostgresCluster> m_postgres;
    QString m_database;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_client;
    int m_connections = 0;
};

void TestServerAnchors::initTestCase() {
    QVERIFY(m_certificateDir.isValid());
    QString error;
    QVERIFY2(makeTestCertificates(m_certificateDir.path(), QStringLiteral("anchors"), m_certificates, error),
             qPrintable(error));

    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (!postgresBin.isEmpty()) {
        m_postgres = std::make_unique<PostgresCluster>(postgresBin);
        QVERIFY2(m_postgres->start(error), qPrintable(error));
    }
}

void TestServerAnchors::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (m_postgres) {
        QString error;
        m_database = m_postgres->createDatabase(error);
        QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    } else {
        m_database = m_dir->filePath(QStringLiteral("server.db"));
    }
    m_client = std::make_unique<HttpClient>(m_certificates.caCertificate);
}

void TestServerAnchors::cleanup() {
    m_client.reset();
    m_server.reset(); // kills the process

    const QString name = QStringLiteral("anchors-test-%1").arg(m_connections);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    ++m_connections;
}

bool TestServerAnchors::startServer() {
    QProcessEnvironment settings;
    settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_BURST"), QStringLiteral("1000"));
    m_server = std::make_unique<ServerProcess>();
    QString error;
    if (!m_server->start(m_database, m_certificates, error, settings)) {
        qWarning().noquote() << error;
        return false;
    }
    return true;
}

CommandResult TestServerAnchors::admin(const QStringList& arguments) {
    return runServerCommand(QStringList{QStringLiteral("admin")} + arguments, m_database);
}

QString TestServerAnchors::addOrganisation(const QString& name) {
    const CommandResult added = admin({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"),
                                       name, QStringLiteral("--party-type"), QStringLiteral("school")});
    if (added.exitCode != 0)
        qWarning().noquote() << "org add failed:" << added.standardError;
    return added.exitCode == 0 ? added.standardOutput.trimmed() : QString();
}

QByteArray TestServerAnchors::enrolDevice(const QString& organisationId) {
    const CommandResult issued =
        admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), organisationId});
    if (issued.exitCode != 0) {
        qWarning().noquote() << "enrol-code failed:" << issued.standardError;
        return {};
    }
    const HttpResult enrolled =
        m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
                       QJsonDocument(QJsonObject{{QStringLiteral("code"), issued.standardOutput.trimmed()},
                                                 {QStringLiteral("deviceName"), QStringLiteral("Office PC")}})
                           .toJson());
    if (enrolled.status != 201) {
        qWarning().noquote() << "enrolment failed:" << enrolled.status << enrolled.body;
        return {};
    }
    return bearerOf(enrolled.json);
}

HttpResult TestServerAnchors::push(const QByteArray& bearer, const QByteArray& body) {
    return m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/push"), body, bearer);
}

HttpResult TestServerAnchors::listAnchors(const QByteArray& bearer, const QString& query) {
    const QString path =
        QStringLiteral("/api/v1/audit-anchors") + (query.isEmpty() ? QString() : u'?' + query);
    return m_client->send("GET", m_server->port(), path, {}, bearer);
}

QSqlDatabase TestServerAnchors::database() {
    // One connection per test, because PostgreSQL limits connections.
    const QString name = QStringLiteral("anchors-test-%1").arg(m_connections);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    return openTestDatabase(m_database, name);
}

qint64 TestServerAnchors::countRows(const QString& sql) {
    QSqlQuery query(database());
    if (!query.exec(sql) || !query.next()) {
        qWarning().noquote() << sql << "failed:" << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

void TestServerAnchors::pushStoresAnchor() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(!school.isEmpty());
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const HttpResult pushed =
        push(device, pushBody({makePerson(QStringLiteral("Fenwick"))}, auditHead(12, hashOf('\x5a'))));
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.json.value(QStringLiteral("results")).toArray().size(), 1);

    QSqlQuery query(database());
    QVERIFY2(
        query.exec(QStringLiteral("SELECT device_id, seq, hash, received_at, conflict FROM audit_anchor")),
        qPrintable(query.lastError().text()));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), deviceIdOf(device));
    QCOMPARE(query.value(1).toLongLong(), 12);
    QCOMPARE(query.value(2).toString(), QString::fromLatin1(hashOf('\x5a').toHex()));
    QVERIFY(query.value(3).toLongLong() >= before);
    QCOMPARE(query.value(4).toInt(), 0);
    QVERIFY(!query.next());

    const HttpResult listed = listAnchors(device);
    QCOMPARE(listed.status, 200);
    const QJsonArray anchors = listed.json.value(QStringLiteral("anchors")).toArray();
    QCOMPARE(anchors.size(), 1);
    const QJsonObject anchor = anchors.at(0).toObject();
    QCOMPARE(anchor.value(QStringLiteral("seq")).toInteger(), 12);
    QCOMPARE(anchor.value(QStringLiteral("hash")).toString(), QString::fromLatin1(hashOf('\x5a').toBase64()));
    QCOMPARE(anchor.value(QStringLiteral("conflict")).toBool(true), false);
    const QDateTime received =
        QDateTime::fromString(anchor.value(QStringLiteral("receivedAt")).toString(), Qt::ISODate);
    QVERIFY(received.isValid());
    QCOMPARE(received.timeSpec(), Qt::UTC);
}

void TestServerAnchors::repeatedAnchorStoredOnce() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    QCOMPARE(
        push(device, pushBody({makePerson(QStringLiteral("Fenwick"))}, auditHead(7, hashOf('\x01')))).status,
        200);
    QCOMPARE(
        push(device, pushBody({makePerson(QStringLiteral("Ashby"))}, auditHead(7, hashOf('\x01')))).status,
        200);

    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_anchor")), 1);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event WHERE action = 'audit-anchor'")), 1);
    QCOMPARE(listAnchors(device).json.value(QStringLiteral("anchors")).toArray().size(), 1);
}

void TestServerAnchors::otherHashFlaggedAsConflict() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    QCOMPARE(push(device, pushBody({}, auditHead(7, hashOf('\x01')))).status, 200);
    QCOMPARE(push(device, pushBody({}, auditHead(7, hashOf('\x02')))).status, 200);
    // The rewritten hash sent again is a repeat of the conflict row.
    QCOMPARE(push(device, pushBody({}, auditHead(7, hashOf('\x02')))).status, 200);

    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_anchor WHERE seq = 7")), 2);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_anchor WHERE conflict = 1")), 1);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_anchor WHERE conflict = 1 AND hash = '%1'")
                           .arg(QString::fromLatin1(hashOf('\x02').toHex()))),
             1);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event WHERE action = 'audit-anchor'")), 2);

    const QJsonArray anchors = listAnchors(device).json.value(QStringLiteral("anchors")).toArray();
    QCOMPARE(anchors.size(), 2);
    QCOMPARE(anchors.at(0).toObject().value(QStringLiteral("hash")).toString(),
             QString::fromLatin1(hashOf('\x02').toBase64()));
    QCOMPARE(anchors.at(0).toObject().value(QStringLiteral("conflict")).toBool(), true);
    QCOMPARE(anchors.at(1).toObject().value(QStringLiteral("conflict")).toBool(true), false);
    QVERIFY2(m_server->standardError().contains(QStringLiteral("recorded as a conflict")),
             qPrintable(m_server->standardError()));
}

void TestServerAnchors::pushWithoutAuditHeadAccepted() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    const HttpResult pushed = push(device, pushBody({makePerson(QStringLiteral("Fenwick"))}));
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.json.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("accepted"));
    QCOMPARE(push(device, pushBody({makePerson(QStringLiteral("Ashby"))}, QJsonValue::Null)).status, 200);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_anchor")), 0);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), 2);

    const HttpResult listed = listAnchors(device);
    QCOMPARE(listed.status, 200);
    QVERIFY(listed.json.value(QStringLiteral("anchors")).isArray());
    QCOMPARE(listed.json.value(QStringLiteral("anchors")).toArray().size(), 0);
}

void TestServerAnchors::emptyPushStoresAnchor() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    const HttpResult pushed = push(device, pushBody({}, auditHead(3, hashOf('\x33'))));
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.json.value(QStringLiteral("results")).toArray().size(), 0);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_anchor WHERE seq = 3")), 1);
}

void TestServerAnchors::malformedAuditHeadRejected_data() {
    QTest::addColumn<QJsonValue>("head");
    QTest::addColumn<QString>("field");

    const QString validHash = QString::fromLatin1(hashOf('\x44').toBase64());
    QTest::newRow("not an object") << QJsonValue(QStringLiteral("12")) << QStringLiteral("\"auditHead\"");
    QTest::newRow("array") << QJsonValue(QJsonArray{12, validHash}) << QStringLiteral("\"auditHead\"");
    QTest::newRow("seq missing") << QJsonValue(QJsonObject{{QStringLiteral("hash"), validHash}})
                                 << QStringLiteral("\"auditHead.seq\"");
    QTest::newRow("seq zero") << QJsonValue(QJsonObject{{QStringLiteral("seq"), 0},
                                                        {QStringLiteral("hash"), validHash}})
                              << QStringLiteral("\"auditHead.seq\"");
    QTest::newRow("seq negative") << QJsonValue(QJsonObject{{QStringLiteral("seq"), -4},
                                                            {QStringLiteral("hash"), validHash}})
                                  << QStringLiteral("\"auditHead.seq\"");
    QTest::newRow("seq fraction") << QJsonValue(QJsonObject{{QStringLiteral("seq"), 2.5},
                                                            {QStringLiteral("hash"), validHash}})
                                  << QStringLiteral("\"auditHead.seq\"");
    QTest::newRow("seq string") << QJsonValue(QJsonObject{{QStringLiteral("seq"), QStringLiteral("12")},
                                                          {QStringLiteral("hash"), validHash}})
                                << QStringLiteral("\"auditHead.seq\"");
    QTest::newRow("hash missing") << QJsonValue(QJsonObject{{QStringLiteral("seq"), 12}})
                                  << QStringLiteral("\"auditHead.hash\"");
    QTest::newRow("hash not base64") << QJsonValue(QJsonObject{
                                            {QStringLiteral("seq"), 12},
                                            {QStringLiteral("hash"), QStringLiteral("not*base64!")}})
                                     << QStringLiteral("\"auditHead.hash\"");
    QTest::newRow("hash 31 bytes") << QJsonValue(
                                          QJsonObject{{QStringLiteral("seq"), 12},
                                                      {QStringLiteral("hash"),
                                                       QString::fromLatin1(QByteArray(31, 'x').toBase64())}})
                                   << QStringLiteral("\"auditHead.hash\"");
    QTest::newRow("hash hex") << QJsonValue(QJsonObject{
                                     {QStringLiteral("seq"), 12},
                                     {QStringLiteral("hash"), QString::fromLatin1(hashOf('\x44').toHex())}})
                              << QStringLiteral("\"auditHead.hash\"");
    QTest::newRow("hash number") << QJsonValue(
                                        QJsonObject{{QStringLiteral("seq"), 12}, {QStringLiteral("hash"), 7}})
                                 << QStringLiteral("\"auditHead.hash\"");
}

void TestServerAnchors::malformedAuditHeadRejected() {
    QFETCH(QJsonValue, head);
    QFETCH(QString, field);

    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    const HttpResult pushed = push(device, pushBody({makePerson(QStringLiteral("Fenwick"))}, head));
    QCOMPARE(pushed.status, 400);
    const QString message = pushed.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(field), qPrintable(message));
    QVERIFY(!pushed.json.value(QStringLiteral("error")).toString().isEmpty());

    // Nothing of the push was applied.
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_anchor")), 0);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record")), 0);
}

void TestServerAnchors::listReturnsOnlyCallersAnchors() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    const QString other = addOrganisation(QStringLiteral("Larkspur Lane Primary"));
    QVERIFY(startServer());
    const QByteArray office = enrolDevice(school);
    const QByteArray laptop = enrolDevice(school);
    const QByteArray elsewhere = enrolDevice(other);
    QVERIFY(!office.isEmpty());
    QVERIFY(!laptop.isEmpty());
    QVERIFY(!elsewhere.isEmpty());

    QCOMPARE(push(office, pushBody({}, auditHead(10, hashOf('\x0a')))).status, 200);
    QCOMPARE(push(laptop, pushBody({}, auditHead(10, hashOf('\x0b')))).status, 200);
    QCOMPARE(push(laptop, pushBody({}, auditHead(11, hashOf('\x0c')))).status, 200);
    QCOMPARE(push(elsewhere, pushBody({}, auditHead(20, hashOf('\x14')))).status, 200);

    // The same sequence on two devices is no conflict.
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_anchor WHERE conflict = 1")), 0);

    const QJsonArray officeAnchors = listAnchors(office).json.value(QStringLiteral("anchors")).toArray();
    QCOMPARE(officeAnchors.size(), 1);
    QCOMPARE(officeAnchors.at(0).toObject().value(QStringLiteral("hash")).toString(),
             QString::fromLatin1(hashOf('\x0a').toBase64()));

    const QJsonArray laptopAnchors = listAnchors(laptop).json.value(QStringLiteral("anchors")).toArray();
    QCOMPARE(laptopAnchors.size(), 2);
    QCOMPARE(laptopAnchors.at(0).toObject().value(QStringLiteral("seq")).toInteger(), 11);
    QCOMPARE(laptopAnchors.at(1).toObject().value(QStringLiteral("seq")).toInteger(), 10);

    const QJsonArray otherAnchors = listAnchors(elsewhere).json.value(QStringLiteral("anchors")).toArray();
    QCOMPARE(otherAnchors.size(), 1);
    QCOMPARE(otherAnchors.at(0).toObject().value(QStringLiteral("seq")).toInteger(), 20);
}

void TestServerAnchors::listNewestFirstInPages() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    for (int sequence = 1; sequence <= 4; ++sequence)
        QCOMPARE(push(device, pushBody({}, auditHead(sequence * 5, hashOf(char(sequence))))).status, 200);

    const HttpResult limited = listAnchors(device, QStringLiteral("limit=2"));
    QCOMPARE(limited.status, 200);
    const QJsonArray anchors = limited.json.value(QStringLiteral("anchors")).toArray();
    QCOMPARE(anchors.size(), 2);
    QCOMPARE(anchors.at(0).toObject().value(QStringLiteral("seq")).toInteger(), 20);
    QCOMPARE(anchors.at(1).toObject().value(QStringLiteral("seq")).toInteger(), 15);

    const HttpResult next = listAnchors(device, QStringLiteral("limit=2&offset=2"));
    QCOMPARE(next.status, 200);
    const QJsonArray older = next.json.value(QStringLiteral("anchors")).toArray();
    QCOMPARE(older.size(), 2);
    QCOMPARE(older.at(0).toObject().value(QStringLiteral("seq")).toInteger(), 10);
    QCOMPARE(older.at(1).toObject().value(QStringLiteral("seq")).toInteger(), 5);

    const HttpResult beyond = listAnchors(device, QStringLiteral("offset=4"));
    QCOMPARE(beyond.status, 200);
    QCOMPARE(beyond.json.value(QStringLiteral("anchors")).toArray().size(), 0);

    QCOMPARE(listAnchors(device, QStringLiteral("limit=1000"))
                 .json.value(QStringLiteral("anchors"))
                 .toArray()
                 .size(),
             4);
}

void TestServerAnchors::listRejectsBadParameter_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("limit zero") << QStringLiteral("limit=0") << QStringLiteral("\"limit\"");
    QTest::newRow("limit over the cap") << QStringLiteral("limit=1001") << QStringLiteral("\"limit\"");
    QTest::newRow("limit not a number") << QStringLiteral("limit=ten") << QStringLiteral("\"limit\"");
    QTest::newRow("offset negative") << QStringLiteral("offset=-1") << QStringLiteral("\"offset\"");
    QTest::newRow("offset not a number") << QStringLiteral("offset=next") << QStringLiteral("\"offset\"");
}

void TestServerAnchors::listRejectsBadParameter() {
    QFETCH(QString, query);
    QFETCH(QString, parameter);
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    const HttpResult listed = listAnchors(device, query);
    QCOMPARE(listed.status, 400);
    QCOMPARE(listed.json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_parameter"));
    QVERIFY2(listed.json.value(QStringLiteral("message")).toString().contains(parameter),
             listed.body.constData());
}

void TestServerAnchors::listNeedsCredential() {
    QVERIFY(startServer());
    QCOMPARE(listAnchors({}).status, 401);
    QCOMPARE(listAnchors(QByteArray("5bd189e9-2c87-46c8-9f25-14dae432b346.bm90LWEtY3JlZGVudGlhbA")).status,
             401);
}

void TestServerAnchors::anchorInServerAuditTrail() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school);
    QVERIFY(!device.isEmpty());

    QCOMPARE(
        push(device, pushBody({makePerson(QStringLiteral("Fenwick"))}, auditHead(9, hashOf('\x09')))).status,
        200);

    const CommandResult listed =
        admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray events = QJsonDocument::fromJson(listed.standardOutput.toUtf8()).array();
    // Newest first: the pushed change, then the anchor recorded before it.
    QVERIFY(events.size() >= 2);
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("push"));
    const QJsonObject anchorEvent = events.at(1).toObject();
    QCOMPARE(anchorEvent.value(QStringLiteral("action")).toString(), QStringLiteral("audit-anchor"));
    QCOMPARE(anchorEvent.value(QStringLiteral("deviceId")).toString(), deviceIdOf(device));
    QCOMPARE(anchorEvent.value(QStringLiteral("organisationId")).toString(), school);
    const QJsonObject details = anchorEvent.value(QStringLiteral("details")).toObject();
    QCOMPARE(details.size(), 2);
    QCOMPARE(details.value(QStringLiteral("seq")).toInteger(), 9);
    QCOMPARE(details.value(QStringLiteral("hash")).toString(),
             QString::fromLatin1(hashOf('\x09').toBase64()));

    const CommandResult verified = admin({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(verified.standardOutput.contains(QStringLiteral("events checked: 5")),
             qPrintable(verified.standardOutput));
}

QTEST_MAIN(TestServerAnchors)
#include "tst_serveranchors.moc"
