// The server's audit trail, with the real earlyhelp-server binary over TLS
// on 127.0.0.1 and a SQLite file (or PostgreSQL, see m_postgres). Covers an
// event for each enrolment, pushed change, pull and admin command, listing
// by device, a chain altered with SQL and named by "admin audit verify", and
// two server processes appending at once.

#include "servertestsupport.h"

#include "serveraudit.h"

#include "policy/signature.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
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

QJsonObject makePerson(const QString& recordId, qint64 baseRevision, const QString& surname) {
    return QJsonObject{
        {QStringLiteral("changeId"), newUuid()},
        {QStringLiteral("recordType"), QStringLiteral("person")},
        {QStringLiteral("recordId"), recordId},
        {QStringLiteral("baseRevision"), baseRevision},
        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("person.legalSurname"), surname}}},
        {QStringLiteral("deleted"), false},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("familyId"), QJsonValue()}, {QStringLiteral("personId"), recordId}}}};
}

QByteArray pushBody(const QJsonArray& changes) {
    return QJsonDocument(QJsonObject{{QStringLiteral("changes"), changes}}).toJson(QJsonDocument::Compact);
}

QString deviceIdOf(const QByteArray& bearer) {
    return QString::fromLatin1(bearer.left(bearer.indexOf('.')));
}

} // namespace

class TestServerAudit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void hashEncodingKnownAnswer();
    void enrolPushPullRecorded();
    void detailsHoldNoValuesOrSecrets();
    void rejectedAndRepeatedPushRecorded();
    void adminCommandsRecorded();
    void readOnlyCommandsNotRecorded();
    void listByDeviceAndLimit();
    void listRejectsBadLimit();
    void verifyIntactChain();
    void verifyNamesTamperedEvent_data();
    void verifyNamesTamperedEvent();
    void concurrentPushesKeepChainIntact();

private:
    CommandResult admin(const QStringList& arguments);
    QString addOrganisation(const QString& name, const QString& partyType);
    QString issueCode(const QString& organisationId);
    QByteArray enrolDevice(const QString& organisationId, quint16 port);
    HttpResult push(const QByteArray& bearer, const QJsonArray& changes);
    HttpResult pull(const QByteArray& bearer);
    QJsonArray auditList(const QStringList& options = {});
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

void TestServerAudit::initTestCase() {
    QVERIFY(m_certificateDir.isValid());
    QString error;
    QVERIFY2(makeTestCertificates(m_certificateDir.path(), QStringLiteral("audit"), m_certificates, error),
             qPrintable(error));

    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (!postgresBin.isEmpty()) {
        m_postgres = std::make_unique<PostgresCluster>(postgresBin);
        QVERIFY2(m_postgres->start(error), qPrintable(error));
    }
}

void TestServerAudit::init() {
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

void TestServerAudit::cleanup() {
    m_client.reset();
    m_server.reset(); // kills the process

    const QString name = QStringLiteral("audit-test-%1").arg(m_connections);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    ++m_connections;
}

bool TestServerAudit::startServer() {
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

CommandResult TestServerAudit::admin(const QStringList& arguments) {
    return runServerCommand(QStringList{QStringLiteral("admin")} + arguments, m_database);
}

QString TestServerAudit::addOrganisation(const QString& name, const QString& partyType) {
    const CommandResult added = admin({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"),
                                       name, QStringLiteral("--party-type"), partyType});
    if (added.exitCode != 0)
        qWarning().noquote() << "org add failed:" << added.standardError;
    return added.exitCode == 0 ? added.standardOutput.trimmed() : QString();
}

QString TestServerAudit::issueCode(const QString& organisationId) {
    const CommandResult issued =
        admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), organisationId});
    if (issued.exitCode != 0)
        qWarning().noquote() << "enrol-code failed:" << issued.standardError;
    return issued.exitCode == 0 ? issued.standardOutput.trimmed() : QString();
}

QByteArray TestServerAudit::enrolDevice(const QString& organisationId, quint16 port) {
    const QString code = issueCode(organisationId);
    if (code.isEmpty())
        return {};
    const HttpResult enrolled =
        m_client->send("POST", port, QStringLiteral("/api/v1/enrol"),
                       QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                 {QStringLiteral("deviceName"), QStringLiteral("Laptop")}})
                           .toJson());
    if (enrolled.status != 201) {
        qWarning().noquote() << "enrolment failed:" << enrolled.status << enrolled.body;
        return {};
    }
    return bearerOf(enrolled.json);
}

HttpResult TestServerAudit::push(const QByteArray& bearer, const QJsonArray& changes) {
    return m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/push"), pushBody(changes),
                          bearer);
}

HttpResult TestServerAudit::pull(const QByteArray& bearer) {
    return m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/pull?after=0&limit=50"), {},
                          bearer);
}

QJsonArray TestServerAudit::auditList(const QStringList& options) {
    const CommandResult listed = admin(
        QStringList{QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")} + options);
    if (listed.exitCode != 0)
        qWarning().noquote() << "audit list failed:" << listed.standardError;
    return QJsonDocument::fromJson(listed.standardOutput.toUtf8()).array();
}

QSqlDatabase TestServerAudit::database() {
    // One connection per test, because PostgreSQL limits connections.
    const QString name = QStringLiteral("audit-test-%1").arg(m_connections);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    return openTestDatabase(m_database, name);
}

qint64 TestServerAudit::countRows(const QString& sql) {
    QSqlQuery query(database());
    if (!query.exec(sql) || !query.next()) {
        qWarning().noquote() << sql << "failed:" << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

void TestServerAudit::hashEncodingKnownAnswer() {
    // The expected hash was computed apart from the server, with Python's
    // hashlib over the encoding docs/sync-protocol.md describes.
    server::ServerAuditEvent event;
    event.sequence = 7;
    event.at = 1764927000000;
    event.deviceId = QStringLiteral("5bd189e9-0000-4000-8000-000000000001");
    event.actionCode = QStringLiteral("pull");
    event.details = QStringLiteral("{\"entries\":3}");
    const QByteArray previous(32, '\x11');
    QCOMPARE(server::auditEventHash(previous, event).toHex(),
             QByteArray("b877e6105ae2511fae92f2314a57fbbc84307d8227109cb0809815b4e7418728"));

    event.organisationId = QStringLiteral("x");
    QVERIFY(server::auditEventHash(previous, event).toHex() !=
            QByteArray("b877e6105ae2511fae92f2314a57fbbc84307d8227109cb0809815b4e7418728"));
}

void TestServerAudit::enrolPushPullRecorded() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    QVERIFY(!school.isEmpty());
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school, m_server->port());
    QVERIFY(!device.isEmpty());
    const QString deviceId = deviceIdOf(device);

    const QString amara = newUuid();
    const QJsonObject change = makePerson(amara, 0, QStringLiteral("Fenwick"));
    QCOMPARE(push(device, {change}).status, 200);
    QCOMPARE(pull(device).status, 200);

    // Newest first: pull, push, enrol, enrol-code, org add.
    const QJsonArray events = auditList();
    QCOMPARE(events.size(), 5);
    const QStringList expectedActions = {QStringLiteral("pull"), QStringLiteral("push"),
                                         QStringLiteral("enrol"), QStringLiteral("admin-enrol-code"),
                                         QStringLiteral("admin-org-add")};
    for (int i = 0; i < events.size(); ++i) {
        const QJsonObject event = events.at(i).toObject();
        QCOMPARE(event.value(QStringLiteral("action")).toString(), expectedActions.at(i));
        QCOMPARE(event.value(QStringLiteral("sequence")).toInteger(), 5 - i);
        QCOMPARE(event.value(QStringLiteral("organisationId")).toString(), school);
        QVERIFY(!QDateTime::fromString(event.value(QStringLiteral("at")).toString(), Qt::ISODate).isNull());
    }
    for (int i = 0; i < 3; ++i)
        QCOMPARE(events.at(i).toObject().value(QStringLiteral("deviceId")).toString(), deviceId);
    QVERIFY(events.at(3).toObject().value(QStringLiteral("deviceId")).isNull());

    const QJsonObject pulled = events.at(0).toObject().value(QStringLiteral("details")).toObject();
    QCOMPARE(pulled.value(QStringLiteral("entries")).toInteger(), 1);
    QCOMPARE(pulled.value(QStringLiteral("after")).toInteger(), 0);
    QCOMPARE(pulled.value(QStringLiteral("next")).toInteger(), 1);

    const QJsonObject pushed = events.at(1).toObject().value(QStringLiteral("details")).toObject();
    QCOMPARE(pushed.value(QStringLiteral("changeId")).toString(),
             change.value(QStringLiteral("changeId")).toString());
    QCOMPARE(pushed.value(QStringLiteral("recordType")).toString(), QStringLiteral("person"));
    QCOMPARE(pushed.value(QStringLiteral("recordId")).toString(), amara);
    QCOMPARE(pushed.value(QStringLiteral("result")).toString(), QStringLiteral("accepted"));
    QCOMPARE(pushed.value(QStringLiteral("revision")).toInteger(), 1);
    QCOMPARE(pushed.value(QStringLiteral("fieldCount")).toInteger(), 1);
}

void TestServerAudit::detailsHoldNoValuesOrSecrets() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    QVERIFY(startServer());
    const QString code = issueCode(school);
    QVERIFY(!code.isEmpty());
    const HttpResult enrolled =
        m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
                       QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                 {QStringLiteral("deviceName"), QStringLiteral("Laptop")}})
                           .toJson());
    QCOMPARE(enrolled.status, 201);
    const QByteArray device = bearerOf(enrolled.json);
    const QString credential = enrolled.json.value(QStringLiteral("credential")).toString();
    QVERIFY(!credential.isEmpty());

    const QString surname = QStringLiteral("Quennell-Aldous");
    QCOMPARE(push(device, {makePerson(newUuid(), 0, surname)}).status, 200);
    QCOMPARE(pull(device).status, 200);

    QSqlQuery query(database());
    QVERIFY2(query.exec(QStringLiteral("SELECT details FROM audit_event")),
             qPrintable(query.lastError().text()));
    int rows = 0;
    while (query.next()) {
        const QString details = query.value(0).toString();
        QVERIFY2(!details.contains(surname), qPrintable(details));
        QVERIFY2(!details.contains(code), qPrintable(details));
        QVERIFY2(!details.contains(QString(code).remove(QLatin1Char('-'))), qPrintable(details));
        QVERIFY2(!details.contains(credential), qPrintable(details));
        ++rows;
    }
    QCOMPARE(rows, 5);
}

void TestServerAudit::rejectedAndRepeatedPushRecorded() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    const QString trust =
        addOrganisation(QStringLiteral("Birmingham Children's Trust"), QStringLiteral("childrens_trust"));
    QVERIFY(startServer());
    const QByteArray schoolDevice = enrolDevice(school, m_server->port());
    const QByteArray trustDevice = enrolDevice(trust, m_server->port());
    QVERIFY(!schoolDevice.isEmpty());
    QVERIFY(!trustDevice.isEmpty());

    const QString amara = newUuid();
    const QJsonObject created = makePerson(amara, 0, QStringLiteral("Fenwick"));
    QCOMPARE(push(schoolDevice, {created}).status, 200);
    const qint64 sequenceBefore = countRows(QStringLiteral("SELECT last_sequence FROM change_sequence"));

    // The trust has no delivery of the school's record, so its change is rejected.
    const HttpResult rejected = push(trustDevice, {makePerson(amara, 1, QStringLiteral("Smith"))});
    QCOMPARE(rejected.status, 200);
    QCOMPARE(rejected.json.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("status")),
             QJsonValue(QStringLiteral("rejected")));
    // The same change sent again gets the stored result.
    QCOMPARE(push(schoolDevice, {created}).status, 200);

    const QJsonArray events = auditList({QStringLiteral("--limit"), QStringLiteral("2")});
    QCOMPARE(events.size(), 2);
    const QJsonObject repeated = events.at(0).toObject();
    QCOMPARE(repeated.value(QStringLiteral("action")).toString(), QStringLiteral("push"));
    QCOMPARE(repeated.value(QStringLiteral("deviceId")).toString(), deviceIdOf(schoolDevice));
    QCOMPARE(repeated.value(QStringLiteral("details")).toObject().value(QStringLiteral("result")).toString(),
             QStringLiteral("repeated"));
    const QJsonObject refused = events.at(1).toObject();
    QCOMPARE(refused.value(QStringLiteral("action")).toString(), QStringLiteral("push"));
    QCOMPARE(refused.value(QStringLiteral("deviceId")).toString(), deviceIdOf(trustDevice));
    QCOMPARE(refused.value(QStringLiteral("organisationId")).toString(), trust);
    const QJsonObject refusedDetails = refused.value(QStringLiteral("details")).toObject();
    QCOMPARE(refusedDetails.value(QStringLiteral("result")).toString(), QStringLiteral("rejected"));
    QCOMPARE(refusedDetails.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
    QCOMPARE(refusedDetails.value(QStringLiteral("recordId")).toString(), amara);

    // Recording them took no change sequence.
    QCOMPARE(countRows(QStringLiteral("SELECT last_sequence FROM change_sequence")), sequenceBefore);
    QCOMPARE(admin({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
}

void TestServerAudit::adminCommandsRecorded() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    QVERIFY(!school.isEmpty());
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event WHERE action = 'admin-org-add'")), 1);

    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school, m_server->port());
    QVERIFY(!device.isEmpty());
    const QString deviceId = deviceIdOf(device);
    QCOMPARE(admin({QStringLiteral("device"), QStringLiteral("revoke"), deviceId}).exitCode, 0);

    QFile bundled(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json"));
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    const QByteArray document = bundled.readAll();
    auto keys = policy::generateSigningKeyPair();
    QVERIFY(keys);
    auto signature = policy::signDetached(document, keys->secretKey);
    QVERIFY(signature);
    QFile agreement(m_dir->filePath(QStringLiteral("agreement.json")));
    QVERIFY(agreement.open(QIODevice::WriteOnly));
    agreement.write(document);
    agreement.close();
    QFile signatureFile(m_dir->filePath(QStringLiteral("agreement.json.sig")));
    QVERIFY(signatureFile.open(QIODevice::WriteOnly));
    signatureFile.write(policy::encodeKeyOrSignature(*signature) + '\n');
    signatureFile.close();
    QFile publicKey(m_dir->filePath(QStringLiteral("trust.pub")));
    QVERIFY(publicKey.open(QIODevice::WriteOnly));
    publicKey.write(policy::encodeKeyOrSignature(keys->publicKey) + '\n');
    publicKey.close();
    const CommandResult published =
        admin({QStringLiteral("agreement"), QStringLiteral("publish"), agreement.fileName(),
               QStringLiteral("--public-key"), publicKey.fileName()});
    QCOMPARE(published.exitCode, 0);

    // Newest first: publish, revoke, enrol, enrol-code, org add.
    const QJsonArray events = auditList();
    QCOMPARE(events.size(), 5);
    const QJsonObject publish = events.at(0).toObject();
    QCOMPARE(publish.value(QStringLiteral("action")).toString(), QStringLiteral("admin-agreement-publish"));
    const QJsonObject publishDetails = publish.value(QStringLiteral("details")).toObject();
    QCOMPARE(publishDetails.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(publishDetails.value(QStringLiteral("documentSha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(document, QCryptographicHash::Sha256).toHex()));

    const QJsonObject revoke = events.at(1).toObject();
    QCOMPARE(revoke.value(QStringLiteral("action")).toString(), QStringLiteral("admin-device-revoke"));
    QCOMPARE(revoke.value(QStringLiteral("deviceId")).toString(), deviceId);
    QCOMPARE(revoke.value(QStringLiteral("organisationId")).toString(), school);

    QCOMPARE(events.at(2).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("enrol"));
    const QJsonObject code = events.at(3).toObject();
    QCOMPARE(code.value(QStringLiteral("action")).toString(), QStringLiteral("admin-enrol-code"));
    QCOMPARE(code.value(QStringLiteral("organisationId")).toString(), school);
    QVERIFY(code.value(QStringLiteral("details")).toObject().contains(QStringLiteral("expiresAt")));
    const QJsonObject org = events.at(4).toObject();
    QCOMPARE(org.value(QStringLiteral("action")).toString(), QStringLiteral("admin-org-add"));
    QCOMPARE(org.value(QStringLiteral("details")).toObject().value(QStringLiteral("partyType")).toString(),
             QStringLiteral("school"));

    // A command that fails changes nothing and records nothing.
    QCOMPARE(admin({QStringLiteral("device"), QStringLiteral("revoke"), deviceId}).exitCode, 1);
    QCOMPARE(admin({QStringLiteral("device"), QStringLiteral("revoke"), newUuid()}).exitCode, 1);
    QCOMPARE(addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school")), QString());
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event")), 5);
}

void TestServerAudit::readOnlyCommandsNotRecorded() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    QVERIFY(!school.isEmpty());
    QCOMPARE(admin({QStringLiteral("org"), QStringLiteral("list")}).exitCode, 0);
    QCOMPARE(admin({QStringLiteral("device"), QStringLiteral("list")}).exitCode, 0);
    QCOMPARE(admin({QStringLiteral("audit"), QStringLiteral("list")}).exitCode, 0);
    QCOMPARE(admin({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event")), 1);
}

void TestServerAudit::listByDeviceAndLimit() {
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    QVERIFY(startServer());
    const QByteArray first = enrolDevice(school, m_server->port());
    const QByteArray second = enrolDevice(school, m_server->port());
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QCOMPARE(push(first, {makePerson(newUuid(), 0, QStringLiteral("Fenwick"))}).status, 200);
    QCOMPARE(pull(second).status, 200);
    QCOMPARE(pull(first).status, 200);

    // Newest first: pull, push, enrol of the first device.
    const QJsonArray firstEvents = auditList({QStringLiteral("--device"), deviceIdOf(first)});
    QCOMPARE(firstEvents.size(), 3);
    QCOMPARE(firstEvents.at(0).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("pull"));
    QCOMPARE(firstEvents.at(1).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("push"));
    QCOMPARE(firstEvents.at(2).toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("enrol"));
    for (const QJsonValue& event : firstEvents)
        QCOMPARE(event.toObject().value(QStringLiteral("deviceId")).toString(), deviceIdOf(first));

    const QJsonArray secondEvents = auditList({QStringLiteral("--device"), deviceIdOf(second)});
    QCOMPARE(secondEvents.size(), 2);

    const QJsonArray newest = auditList({QStringLiteral("--limit"), QStringLiteral("2")});
    QCOMPARE(newest.size(), 2);
    const qint64 total = countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event"));
    QCOMPARE(newest.at(0).toObject().value(QStringLiteral("sequence")).toInteger(), total);
    QCOMPARE(newest.at(1).toObject().value(QStringLiteral("sequence")).toInteger(), total - 1);

    // The text listing has one tab-separated line per event.
    const CommandResult text = admin(
        {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--device"), deviceIdOf(second)});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = text.standardOutput.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).contains(QStringLiteral("\tpull\t") + deviceIdOf(second)), qPrintable(lines.at(0)));
}

void TestServerAudit::listRejectsBadLimit() {
    for (const QString& limit : {QStringLiteral("0"), QStringLiteral("-3"), QStringLiteral("ten")}) {
        const CommandResult listed =
            admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"), limit});
        QCOMPARE(listed.exitCode, 1);
        QVERIFY2(listed.standardError.contains(QStringLiteral("--limit is \"%1\"").arg(limit)),
                 qPrintable(listed.standardError));
    }
    const CommandResult unknown =
        admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--org"), newUuid()});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.standardError.contains(QStringLiteral("unknown option --org")),
             qPrintable(unknown.standardError));
}

void TestServerAudit::verifyIntactChain() {
    const CommandResult empty = admin({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY2(empty.standardOutput.contains(QStringLiteral("events checked: 0")),
             qPrintable(empty.standardOutput));

    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school, m_server->port());
    QCOMPARE(push(device, {makePerson(newUuid(), 0, QStringLiteral("Fenwick"))}).status, 200);
    const CommandResult checked = admin({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(checked.exitCode, 0);
    QVERIFY2(checked.standardOutput.contains(QStringLiteral("events checked: 4")),
             qPrintable(checked.standardOutput));
}

void TestServerAudit::verifyNamesTamperedEvent_data() {
    QTest::addColumn<QString>("tampering");
    QTest::addColumn<qint64>("namedSequence");
    QTest::addColumn<QString>("problem");

    // The chain has 6 events: org add, enrol-code, enrol, push, push, pull.
    QTest::newRow("details altered") << QStringLiteral("details") << qint64(4)
                                     << QStringLiteral("event 4 was altered");
    QTest::newRow("action altered") << QStringLiteral("action") << qint64(6)
                                    << QStringLiteral("event 6 was altered");
    QTest::newRow("device altered") << QStringLiteral("device") << qint64(3)
                                    << QStringLiteral("event 3 was altered");
    QTest::newRow("event deleted") << QStringLiteral("delete") << qint64(4)
                                   << QStringLiteral("event 4 is missing");
    QTest::newRow("last event deleted")
        << QStringLiteral("delete-last") << qint64(6) << QStringLiteral("event 6 is missing");
    QTest::newRow("event rehashed") << QStringLiteral("rehash") << qint64(5)
                                    << QStringLiteral(
                                           "event 5 was altered: event 6 records a different hash");
    QTest::newRow("last event rehashed")
        << QStringLiteral("rehash-last") << qint64(6) << QStringLiteral("event 6 was altered");
    QTest::newRow("event added") << QStringLiteral("insert") << qint64(7)
                                 << QStringLiteral("event 7 was added outside the server");
}

void TestServerAudit::verifyNamesTamperedEvent() {
    QFETCH(QString, tampering);
    QFETCH(qint64, namedSequence);
    QFETCH(QString, problem);

    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    QVERIFY(startServer());
    const QByteArray device = enrolDevice(school, m_server->port());
    QCOMPARE(push(device, {makePerson(newUuid(), 0, QStringLiteral("Fenwick")),
                           makePerson(newUuid(), 0, QStringLiteral("Okafor"))})
                 .status,
             200);
    QCOMPARE(pull(device).status, 200);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event")), 6);
    QCOMPARE(admin({QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);

    // Reads an event as the server stored it, to rehash it after a change.
    auto storedEvent = [this](qint64 sequence) {
        QSqlQuery query(database());
        query.prepare(QStringLiteral("SELECT seq, at, device_id, org_id, action, details, prev_hash "
                                     "FROM audit_event WHERE seq = ?"));
        query.addBindValue(sequence);
        server::ServerAuditEvent event;
        if (!query.exec() || !query.next())
            return event;
        event.sequence = query.value(0).toLongLong();
        event.at = query.value(1).toLongLong();
        event.deviceId = query.value(2).toString();
        event.organisationId = query.value(3).toString();
        event.actionCode = query.value(4).toString();
        event.details = query.value(5).toString();
        event.previousHash = QByteArray::fromHex(query.value(6).toString().toLatin1());
        return event;
    };
    auto rehash = [&](qint64 sequence) {
        server::ServerAuditEvent event = storedEvent(sequence);
        event.details = QStringLiteral("{\"result\":\"accepted\"}");
        const QString hash = QString::fromLatin1(server::auditEventHash(event.previousHash, event).toHex());
        QSqlQuery query(database());
        query.prepare(QStringLiteral("UPDATE audit_event SET details = ?, hash = ? WHERE seq = ?"));
        query.addBindValue(event.details);
        query.addBindValue(hash);
        query.addBindValue(sequence);
        return query.exec() && query.numRowsAffected() == 1;
    };

    QSqlQuery change(database());
    bool changed = false;
    if (tampering == u"details") {
        changed = change.exec(
            QStringLiteral("UPDATE audit_event SET details = '{\"result\":\"rejected\"}' WHERE seq = 4"));
    } else if (tampering == u"action") {
        changed = change.exec(QStringLiteral("UPDATE audit_event SET action = 'push' WHERE seq = 6"));
    } else if (tampering == u"device") {
        changed = change.exec(QStringLiteral("UPDATE audit_event SET device_id = NULL WHERE seq = 3"));
    } else if (tampering == u"delete") {
        changed = change.exec(QStringLiteral("DELETE FROM audit_event WHERE seq = 4"));
    } else if (tampering == u"delete-last") {
        changed = change.exec(QStringLiteral("DELETE FROM audit_event WHERE seq = 6"));
    } else if (tampering == u"rehash") {
        changed = rehash(5);
    } else if (tampering == u"rehash-last") {
        changed = rehash(6);
    } else if (tampering == u"insert") {
        changed = change.exec(QStringLiteral(
            "INSERT INTO audit_event (seq, at, device_id, org_id, action, details, prev_hash, hash) "
            "SELECT 7, at, device_id, org_id, action, details, hash, hash FROM audit_event WHERE seq = 6"));
    }
    QVERIFY2(changed, qPrintable(change.lastError().text()));

    const CommandResult verified = admin({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verified.exitCode, 1);
    QVERIFY2(verified.standardError.contains(QStringLiteral("broken at event %1:").arg(namedSequence)),
             qPrintable(verified.standardError));
    QVERIFY2(verified.standardError.contains(problem), qPrintable(verified.standardError));
}

void TestServerAudit::concurrentPushesKeepChainIntact() {
    // Two server processes on one database, as behind a load balancer.
    const QString school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    QVERIFY(startServer());
    ServerProcess second;
    QString error;
    QProcessEnvironment settings;
    settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_BURST"), QStringLiteral("1000"));
    QVERIFY2(second.start(m_database, m_certificates, error, settings), qPrintable(error));
    const QByteArray firstDevice = enrolDevice(school, m_server->port());
    const QByteArray secondDevice = enrolDevice(school, second.port());
    QVERIFY(!firstDevice.isEmpty());
    QVERIFY(!secondDevice.isEmpty());
    const qint64 before = countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event"));

    constexpr int batches = 4;
    constexpr int batchSize = 150;
    constexpr int pulls = 6;
    QList<QNetworkReply*> replies;
    for (int i = 0; i < batches; ++i) {
        QJsonArray changes;
        for (int j = 0; j < batchSize; ++j)
            changes.append(makePerson(newUuid(), 0, QStringLiteral("Surname %1").arg(i * batchSize + j)));
        const bool first = i % 2 == 0;
        replies.append(m_client->start("POST", first ? m_server->port() : second.port(),
                                       QStringLiteral("/api/v1/push"), pushBody(changes),
                                       first ? firstDevice : secondDevice));
    }
    for (int i = 0; i < pulls; ++i) {
        const bool first = i % 2 == 0;
        replies.append(m_client->start("GET", first ? second.port() : m_server->port(),
                                       QStringLiteral("/api/v1/pull?after=0&limit=10"), {},
                                       first ? firstDevice : secondDevice));
    }
    for (QNetworkReply* reply : std::as_const(replies))
        QCOMPARE(HttpClient::wait(reply).status, 200);

    const qint64 expected = before + batches * batchSize + pulls;
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event")), expected);
    QCOMPARE(countRows(QStringLiteral("SELECT MAX(seq) FROM audit_event")), expected);
    QCOMPARE(countRows(QStringLiteral("SELECT last_seq FROM audit_head")), expected);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM audit_event WHERE action = 'push'")),
             batches * batchSize);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(DISTINCT prev_hash) FROM audit_event")), expected);

    const CommandResult verified = admin({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(verified.standardOutput.contains(QStringLiteral("events checked: %1").arg(expected)),
             qPrintable(verified.standardOutput));
}

QTEST_GUILESS_MAIN(TestServerAudit)
#include "tst_serveraudit.moc"
