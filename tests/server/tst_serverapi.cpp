// The HTTPS API of earlyhelp-server, run as a real process on 127.0.0.1 with
// a certificate from a CA the suite makes, and a client that trusts only that
// CA: enrolment, authentication, the agreement, limits and the request log.

#include "servertestsupport.h"

#include "policy/signature.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

class TestServerApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void enrolCredentialWorksOnStatus();
    void enrolCodeUsedTwiceRejected();
    void enrolSameCodeConcurrently();
    void enrolExpiredCodeRejected();
    void enrolUnknownCodeRejected();
    void unknownDeviceRejected();
    void revokedDeviceRejected();
    void badRequests_data();
    void badRequests();
    void untrustedCaFailsHandshake();
    void abortedRequestsKeepServing();
    void agreementReturnsPublishedBytes();
    void requestLogHoldsNoSecrets();
    void rateLimitAnswers429();
    void serveStopsOnSigterm();
    void serveRejectsMismatchedKey();
    void serveRejectsMissingCertificate();

private:
    CommandResult admin(const QStringList& arguments);
    QString issueCode(int validHours = 1);
    QJsonObject enrolDevice(const QString& name = QStringLiteral("Office laptop"));

    QTemporaryDir m_certificateDir;
    TestCertificates m_certificates;
    TestCertificates m_otherCertificates;
    std::unique_ptr<QTemporaryDir> m_dir;
    // Set when EARLYHELP_TEST_POSTGRES_BIN names PostgreSQL's programs: each
    // test then gets a new database in this cluster instead of a SQLite file.
    std::unique_ptr<PostgresCluster> m_postgres;
    QString m_database;
    QString m_school;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_client;
};

void TestServerApi::initTestCase() {
    QVERIFY(m_certificateDir.isValid());
    QString error;
    QVERIFY2(makeTestCertificates(m_certificateDir.path(), QStringLiteral("main"), m_certificates, error),
             qPrintable(error));
    QVERIFY2(
        makeTestCertificates(m_certificateDir.path(), QStringLiteral("other"), m_otherCertificates, error),
        qPrintable(error));

    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (!postgresBin.isEmpty()) {
        m_postgres = std::make_unique<PostgresCluster>(postgresBin);
        QVERIFY2(m_postgres->start(error), qPrintable(error));
    }
}

void TestServerApi::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (m_postgres) {
        QString error;
        m_database = m_postgres->createDatabase(error);
        QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    } else {
        m_database = m_dir->filePath(QStringLiteral("server.db"));
    }

    const CommandResult added = admin({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"),
                                       QStringLiteral("Hillcrest Primary"), QStringLiteral("--party-type"),
                                       QStringLiteral("school")});
    QCOMPARE(added.exitCode, 0);
    m_school = added.standardOutput.trimmed();

    QProcessEnvironment limits;
    if (QByteArray(QTest::currentTestFunction()) == "rateLimitAnswers429") {
        limits.insert(QStringLiteral("EARLYHELP_SERVER_RATE_BURST"), QStringLiteral("3"));
        limits.insert(QStringLiteral("EARLYHELP_SERVER_RATE_PER_SECOND"), QStringLiteral("0.2"));
    } else {
        limits.insert(QStringLiteral("EARLYHELP_SERVER_MAX_BODY_BYTES"), QStringLiteral("65536"));
    }
    m_server = std::make_unique<ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(m_database, m_certificates, error, limits), qPrintable(error));
    m_client = std::make_unique<HttpClient>(m_certificates.caCertificate);
}

void TestServerApi::cleanup() {
    m_client.reset();
    m_server.reset(); // kills the process
}

CommandResult TestServerApi::admin(const QStringList& arguments) {
    return runServerCommand(QStringList{QStringLiteral("admin")} + arguments, m_database);
}

QString TestServerApi::issueCode(int validHours) {
    const CommandResult issued = admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), m_school,
                                        QStringLiteral("--valid-hours"), QString::number(validHours)});
    return issued.exitCode == 0 ? issued.standardOutput.trimmed() : QString();
}

QJsonObject TestServerApi::enrolDevice(const QString& name) {
    const QString code = issueCode();
    const HttpResult enrolled = m_client->send(
        "POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("deviceName"), name}})
            .toJson());
    if (enrolled.status != 201)
        qWarning().noquote() << "enrolment failed:" << enrolled.status << enrolled.body
                             << enrolled.networkErrorText;
    return enrolled.json;
}

void TestServerApi::enrolCredentialWorksOnStatus() {
    const QString code = issueCode();
    QVERIFY(!code.isEmpty());
    // A code is accepted in lower case and without its hyphens.
    const QString typed = QString(code).remove(QLatin1Char('-')).toLower();
    const HttpResult enrolled = m_client->send(
        "POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), typed},
                                  {QStringLiteral("deviceName"), QStringLiteral("Office laptop")}})
            .toJson());
    QCOMPARE(enrolled.networkError, QNetworkReply::NoError);
    QCOMPARE(enrolled.status, 201);
    const QString deviceId = enrolled.json.value(QStringLiteral("deviceId")).toString();
    QVERIFY(!deviceId.isEmpty());
    QCOMPARE(QByteArray::fromBase64(enrolled.json.value(QStringLiteral("credential")).toString().toLatin1())
                 .size(),
             32);
    const QJsonObject organisation = enrolled.json.value(QStringLiteral("organisation")).toObject();
    QCOMPARE(organisation.value(QStringLiteral("id")).toString(), m_school);
    QCOMPARE(organisation.value(QStringLiteral("name")).toString(), QStringLiteral("Hillcrest Primary"));
    QCOMPARE(organisation.value(QStringLiteral("partyType")).toString(), QStringLiteral("school"));

    const HttpResult status = m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {},
                                             bearerOf(enrolled.json));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json.value(QStringLiteral("apiVersion")).toInt(), 1);
    QCOMPARE(status.json.value(QStringLiteral("deviceId")).toString(), deviceId);
    QCOMPARE(
        status.json.value(QStringLiteral("organisation")).toObject().value(QStringLiteral("id")).toString(),
        m_school);
    const QDateTime serverTime =
        QDateTime::fromString(status.json.value(QStringLiteral("serverTime")).toString(), Qt::ISODate);
    QVERIFY(serverTime.isValid());
    QCOMPARE(serverTime.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(serverTime.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // The device list shows it, with last_seen_at recorded.
    const CommandResult devices = admin({QStringLiteral("device"), QStringLiteral("list"),
                                         QStringLiteral("--org"), m_school, QStringLiteral("--json")});
    QCOMPARE(devices.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(devices.standardOutput.toUtf8()).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("id")).toString(), deviceId);
    QCOMPARE(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Office laptop"));
    QVERIFY(list.at(0).toObject().value(QStringLiteral("lastSeenAt")).isString());
    QVERIFY(list.at(0).toObject().value(QStringLiteral("revokedAt")).isNull());
}

void TestServerApi::enrolCodeUsedTwiceRejected() {
    const QString code = issueCode();
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                      {QStringLiteral("deviceName"), QStringLiteral("A")}})
                                .toJson();
    QCOMPARE(m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/enrol"), body).status, 201);

    const HttpResult again = m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/enrol"), body);
    QCOMPARE(again.status, 410);
    QCOMPARE(again.json.value(QStringLiteral("error")).toString(), QStringLiteral("code_used"));
    QVERIFY(again.json.value(QStringLiteral("message")).toString().contains(QStringLiteral("already used")));
}

void TestServerApi::enrolSameCodeConcurrently() {
    const QString code = issueCode();
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                      {QStringLiteral("deviceName"), QStringLiteral("A")}})
                                .toJson();
    // Two clients, so the requests travel on two connections at once.
    HttpClient second(m_certificates.caCertificate);
    QNetworkReply* firstReply =
        m_client->start("POST", m_server->port(), QStringLiteral("/api/v1/enrol"), body);
    QNetworkReply* secondReply =
        second.start("POST", m_server->port(), QStringLiteral("/api/v1/enrol"), body);
    const HttpResult first = HttpClient::wait(firstReply);
    const HttpResult other = HttpClient::wait(secondReply);

    QList<int> statuses = {first.status, other.status};
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (QList<int>{201, 410}));
    const CommandResult devices =
        admin({QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(devices.standardOutput.toUtf8()).array().size(), 1);
}

void TestServerApi::enrolExpiredCodeRejected() {
    const QString code = issueCode();
    {
        QSqlDatabase database = openTestDatabase(m_database, QStringLiteral("expire"));
        QVERIFY(database.open());
        QSqlQuery query(database);
        QVERIFY(query.exec(QStringLiteral("UPDATE enrolment_code SET expires_at = created_at - 1000")));
        QCOMPARE(query.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("expire"));

    const HttpResult expired =
        m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
                       QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                 {QStringLiteral("deviceName"), QStringLiteral("A")}})
                           .toJson());
    QCOMPARE(expired.status, 410);
    QCOMPARE(expired.json.value(QStringLiteral("error")).toString(), QStringLiteral("code_expired"));
    QVERIFY(expired.json.value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("ask your administrator")));
}

void TestServerApi::enrolUnknownCodeRejected() {
    const HttpResult unknown = m_client->send(
        "POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), QStringLiteral("AAAAA-BBBBB-CCCCC-DDDDD")},
                                  {QStringLiteral("deviceName"), QStringLiteral("A")}})
            .toJson());
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.json.value(QStringLiteral("error")).toString(), QStringLiteral("unknown_code"));
}

void TestServerApi::unknownDeviceRejected() {
    const QJsonObject enrolment = enrolDevice();
    const QByteArray wrongCredential = enrolment.value(QStringLiteral("deviceId")).toString().toLatin1() +
                                       '.' + QByteArray(32, 'x').toBase64();

    const QList<QByteArray> tokens = {wrongCredential, QByteArrayLiteral("no-such-device.abc"),
                                      QByteArrayLiteral("nodot")};
    for (const QByteArray& token : tokens) {
        const HttpResult result =
            m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, token);
        QCOMPARE(result.status, 401);
        QCOMPARE(result.json.value(QStringLiteral("error")).toString(), QStringLiteral("unauthenticated"));
    }
    const HttpResult none = m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/agreement"));
    QCOMPARE(none.status, 401);
    QVERIFY(none.json.value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("Authorization: Bearer")));
}

void TestServerApi::revokedDeviceRejected() {
    const QJsonObject enrolment = enrolDevice();
    const QByteArray bearer = bearerOf(enrolment);
    QCOMPARE(m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, bearer).status,
             200);

    const QString deviceId = enrolment.value(QStringLiteral("deviceId")).toString();
    const CommandResult revoked = admin({QStringLiteral("device"), QStringLiteral("revoke"), deviceId});
    QCOMPARE(revoked.exitCode, 0);

    const HttpResult rejected =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, bearer);
    QCOMPARE(rejected.status, 403);
    QCOMPARE(rejected.json.value(QStringLiteral("error")).toString(), QStringLiteral("device_revoked"));
    const QString message = rejected.json.value(QStringLiteral("message")).toString();
    static const QRegularExpression revokedOn(
        QStringLiteral("revoked on \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d UTC"));
    QVERIFY2(revokedOn.match(message).hasMatch(), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("enrol it again")));

    const CommandResult again = admin({QStringLiteral("device"), QStringLiteral("revoke"), deviceId});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.standardError.contains(QStringLiteral("already revoked")));
}

void TestServerApi::badRequests_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("messagePart");

    const QString enrol = QStringLiteral("/api/v1/enrol");
    QTest::newRow("malformed json") << QByteArray("POST") << enrol << QByteArray("{\"code\": ") << 400
                                    << QStringLiteral("invalid_json") << QStringLiteral("not valid JSON");
    QTest::newRow("json array") << QByteArray("POST") << enrol << QByteArray("[]") << 400
                                << QStringLiteral("invalid_json") << QStringLiteral("JSON object");
    QTest::newRow("code not a string")
        << QByteArray("POST") << enrol << QByteArray("{\"code\": 12, \"deviceName\": \"A\"}") << 400
        << QStringLiteral("invalid_field") << QStringLiteral("\"code\"");
    QTest::newRow("device name missing")
        << QByteArray("POST") << enrol << QByteArray("{\"code\": \"X\"}") << 400
        << QStringLiteral("missing_field") << QStringLiteral("\"deviceName\"");
    QTest::newRow("device name empty")
        << QByteArray("POST") << enrol << QByteArray("{\"code\": \"X\", \"deviceName\": \" \"}") << 400
        << QStringLiteral("invalid_field") << QStringLiteral("\"deviceName\"");
    QTest::newRow("body over limit") << QByteArray("POST") << enrol << QByteArray(65537, ' ') << 413
                                     << QStringLiteral("body_too_large") << QStringLiteral("65536 bytes");
    QTest::newRow("unknown path") << QByteArray("GET") << QStringLiteral("/api/v1/nothing") << QByteArray()
                                  << 404 << QStringLiteral("not_found") << QStringLiteral("/api/v1/nothing");
    QTest::newRow("path with suffix")
        << QByteArray("POST") << QStringLiteral("/api/v1/enrolx") << QByteArray("{}") << 404
        << QStringLiteral("not_found") << QStringLiteral("/api/v1/enrolx");
    QTest::newRow("wrong method") << QByteArray("GET") << enrol << QByteArray() << 405
                                  << QStringLiteral("method_not_allowed") << QStringLiteral("use POST");
    QTest::newRow("wrong method on status")
        << QByteArray("DELETE") << QStringLiteral("/api/v1/status") << QByteArray() << 405
        << QStringLiteral("method_not_allowed") << QStringLiteral("use GET");
}

void TestServerApi::badRequests() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    QFETCH(QString, messagePart);

    const HttpResult result = m_client->send(method, m_server->port(), path, body);
    QCOMPARE(result.status, status);
    QCOMPARE(result.json.value(QStringLiteral("error")).toString(), error);
    const QString message = result.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    if (status == 405)
        QVERIFY(!result.allow.isEmpty());

    // The server keeps serving.
    const QJsonObject enrolment = enrolDevice();
    QCOMPARE(
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, bearerOf(enrolment))
            .status,
        200);
    QVERIFY(m_server->isRunning());
}

void TestServerApi::untrustedCaFailsHandshake() {
    HttpClient stranger(m_otherCertificates.caCertificate);
    const HttpResult result = stranger.send("GET", m_server->port(), QStringLiteral("/api/v1/status"));
    QCOMPARE(result.networkError, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(result.status, 0);
    QVERIFY(result.body.isEmpty());

    // The trusted client still gets through.
    QCOMPARE(m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status")).status, 401);
}

void TestServerApi::abortedRequestsKeepServing() {
    const QByteArray bearer = bearerOf(enrolDevice());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_certificates.caCertificate));
    const QByteArray request =
        "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + bearer + "\r\n\r\n";

    // Clients that send a request and disconnect before the response.
    for (int i = 0; i < 20; ++i) {
        QSslSocket socket;
        socket.setSslConfiguration(tls);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY2(socket.waitForEncrypted(10'000), qPrintable(socket.errorString()));
        socket.write(request);
        QVERIFY(socket.waitForBytesWritten(10'000));
        socket.abort();
    }

    const HttpResult status =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, bearer);
    QCOMPARE(status.status, 200);
    QVERIFY(m_server->isRunning());
}

void TestServerApi::agreementReturnsPublishedBytes() {
    const QByteArray bearer = bearerOf(enrolDevice());
    const HttpResult none =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/agreement"), {}, bearer);
    QCOMPARE(none.status, 404);
    QCOMPARE(none.json.value(QStringLiteral("error")).toString(), QStringLiteral("no_agreement"));

    QFile bundled(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json"));
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    const QByteArray document = bundled.readAll();
    auto keys = policy::generateSigningKeyPair();
    QVERIFY(keys);
    auto signature = policy::signDetached(document, keys->secretKey);
    QVERIFY(signature);
    const QByteArray signatureText = policy::encodeKeyOrSignature(*signature);
    const QString path = m_dir->filePath(QStringLiteral("agreement.json"));
    QFile file(path);
    QFile signatureFile(path + QStringLiteral(".sig"));
    QFile publicKey(m_dir->filePath(QStringLiteral("trust.pub")));
    QVERIFY(file.open(QIODevice::WriteOnly) && signatureFile.open(QIODevice::WriteOnly) &&
            publicKey.open(QIODevice::WriteOnly));
    file.write(document);
    signatureFile.write(signatureText + '\n');
    publicKey.write(policy::encodeKeyOrSignature(keys->publicKey));
    file.close();
    signatureFile.close();
    publicKey.close();
    QCOMPARE(admin({QStringLiteral("agreement"), QStringLiteral("publish"), path,
                    QStringLiteral("--public-key"), publicKey.fileName()})
                 .exitCode,
             0);

    const HttpResult published =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/agreement"), {}, bearer);
    QCOMPARE(published.status, 200);
    QCOMPARE(published.json.value(QStringLiteral("version")).toInt(), 1);
    const QByteArray served =
        QByteArray::fromBase64(published.json.value(QStringLiteral("document")).toString().toLatin1());
    QCOMPARE(served, document);
    QCOMPARE(published.json.value(QStringLiteral("signature")).toString().toLatin1(), signatureText);
    QVERIFY(policy::verifyAgreement(served, signatureText, keys->publicKey).has_value());
}

void TestServerApi::requestLogHoldsNoSecrets() {
    const QString code = issueCode();
    const HttpResult enrolled = m_client->send(
        "POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                  {QStringLiteral("deviceName"), QStringLiteral("Office laptop")}})
            .toJson());
    QCOMPARE(enrolled.status, 201);
    const QByteArray bearer = bearerOf(enrolled.json);
    QCOMPARE(m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, bearer).status,
             200);
    QCOMPARE(
        m_client
            ->send("GET", m_server->port(), QStringLiteral("/api/v1/status?token=query-secret"), {}, bearer)
            .status,
        200);

    const QString log = m_server->standardError();
    const QString credential = enrolled.json.value(QStringLiteral("credential")).toString();
    QVERIFY(!log.contains(code));
    QVERIFY(!log.contains(QString(code).remove(QLatin1Char('-'))));
    QVERIFY(!log.contains(credential));
    QVERIFY(!log.contains(QStringLiteral("Bearer")));
    QVERIFY(!log.contains(QStringLiteral("query-secret")));
    QVERIFY(!log.contains(QStringLiteral("Office laptop")));

    QList<QJsonObject> lines;
    for (const QString& line : log.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char('{')))
            lines.append(QJsonDocument::fromJson(line.toUtf8()).object());
    }
    QCOMPARE(lines.size(), 3);
    const QJsonObject enrolLine = lines.at(0);
    QCOMPARE(enrolLine.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(enrolLine.value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/enrol"));
    QCOMPARE(enrolLine.value(QStringLiteral("status")).toInt(), 201);
    QCOMPARE(enrolLine.value(QStringLiteral("device")).toString(),
             enrolled.json.value(QStringLiteral("deviceId")).toString());
    QVERIFY(enrolLine.value(QStringLiteral("requestBytes")).toInteger() > 0);
    QVERIFY(enrolLine.value(QStringLiteral("responseBytes")).toInteger() > 0);
    QVERIFY(enrolLine.value(QStringLiteral("durationMs")).isDouble());
    QVERIFY(QDateTime::fromString(enrolLine.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                .isValid());
    QCOMPARE(lines.at(2).value(QStringLiteral("path")).toString(), QStringLiteral("/api/v1/status"));
}

void TestServerApi::rateLimitAnswers429() {
    // init() started this server with a burst of 3 and 0.2 requests per second.
    const QByteArray bearer = bearerOf(enrolDevice());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, bearer).status,
                 200);

    const HttpResult limited =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, bearer);
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.json.value(QStringLiteral("error")).toString(), QStringLiteral("rate_limited"));
    bool ok = false;
    const int retryAfter = limited.retryAfter.toInt(&ok);
    QVERIFY(ok);
    QVERIFY2(retryAfter >= 1 && retryAfter <= 5, limited.retryAfter.constData());

    // Another device has its own bucket.
    const QByteArray other = bearerOf(enrolDevice(QStringLiteral("Second laptop")));
    QCOMPARE(m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/status"), {}, other).status,
             200);
}

void TestServerApi::serveStopsOnSigterm() {
    QVERIFY(m_server->stop());
    QVERIFY(!m_server->isRunning());
    const QString log = m_server->standardError();
    QVERIFY2(log.contains(QStringLiteral("stopping on a signal")), qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("stopped")));
}

void TestServerApi::serveRejectsMismatchedKey() {
    const CommandResult result =
        runServerCommand({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--cert"), m_certificates.serverCertificate, QStringLiteral("--key"),
                          m_otherCertificates.serverKey},
                         m_database);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.standardError.contains(QStringLiteral("do not work together")),
             qPrintable(result.standardError));
    QVERIFY(result.standardError.contains(m_otherCertificates.serverKey));
    QVERIFY(!result.standardOutput.contains(QStringLiteral("listening")));
}

void TestServerApi::serveRejectsMissingCertificate() {
    const QString missing = m_dir->filePath(QStringLiteral("absent.pem"));
    const CommandResult result = runServerCommand(
        {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
         QStringLiteral("--cert"), missing, QStringLiteral("--key"), m_certificates.serverKey},
        m_database);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.standardError.contains(QStringLiteral("cannot read the certificate file ") + missing),
             qPrintable(result.standardError));

    const CommandResult notPem =
        runServerCommand({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--cert"), m_certificates.serverKey, QStringLiteral("--key"),
                          m_certificates.serverKey},
                         m_database);
    QCOMPARE(notPem.exitCode, 1);
    QVERIFY2(notPem.standardError.contains(QStringLiteral("holds no PEM certificate")),
             qPrintable(notPem.standardError));
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_serverapi.moc"
