// earlyhelp-cli enrol and sync-status against the real earlyhelp-server on
// 127.0.0.1, run as processes with their exit statuses and messages. Only
// the clock warning uses a stand-in server, whose clock the test sets. The
// credential goes to the OS keychain, so CTest runs the suite inside
// scripts/with-keyring.

#include "../server/servertestsupport.h"

#include "cases/casestore.h"
#include "common/secretbytes.h"
#include "sync/syncenrolment.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray passphrase = QByteArrayLiteral("a long test passphrase\n");

} // namespace

class TestCliSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void httpAddressFails();
    void statusBeforeEnrolmentFails();
    void untrustedCertificateFails();
    void missingKeychainFailsAndStoresNothing();
    void enrolThenStatus();
    void usedCodeFails();
    void stoppedServerFails();
    void clockDifferenceWarns();

private:
    [[nodiscard]] CliRun runCli(const QStringList& arguments, bool withKeychain = true) const;
    // Runs the command while this thread's event loop keeps running, for a
    // server that lives in the test process.
    [[nodiscard]] CliRun runCliWithEvents(const QStringList& arguments) const;
    [[nodiscard]] QStringList storeArguments() const;
    [[nodiscard]] QString issueCode() const;
    [[nodiscard]] QString serverUrl() const {
        return QStringLiteral("https://127.0.0.1:%1").arg(m_server.port());
    }
    // The device id the store records, or an empty string when not enrolled.
    [[nodiscard]] QString enrolledDevice() const;

    QTemporaryDir m_dir;
    TestCertificates m_certificates;
    QString m_databasePath;
    QString m_organisationId;
    ServerProcess m_server;
};

CliRun TestCliSync::runCli(const QStringList& arguments, bool withKeychain) const {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!withKeychain)
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(EARLYHELP_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(passphrase);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

CliRun TestCliSync::runCliWithEvents(const QStringList& arguments) const {
    QProcess process;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    process.start(QStringLiteral(EARLYHELP_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(passphrase);
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList TestCliSync::storeArguments() const {
    return {QStringLiteral("--store"), m_dir.filePath(QStringLiteral("school.ehstore")),
            QStringLiteral("--passphrase-stdin")};
}

QString TestCliSync::issueCode() const {
    const CommandResult issued = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("enrol-code"), QStringLiteral("--org"), m_organisationId},
        m_databasePath);
    return issued.exitCode == 0 ? issued.standardOutput.trimmed() : QString();
}

QString TestCliSync::enrolledDevice() const {
    const QByteArray text = passphrase.trimmed();
    auto unlocked = unlockWithPassphrase(m_dir.filePath(QStringLiteral("school.ehstore")), {},
                                         SecretBytes::copyOf(text.constData(), std::size_t(text.size())));
    if (!unlocked)
        return QStringLiteral("unlock failed: ") + unlocked.error().message;
    auto enrolment = sync::readEnrolment(*unlocked->store);
    if (!enrolment)
        return QStringLiteral("read failed: ") + enrolment.error().message;
    return *enrolment ? (*enrolment)->deviceId : QString();
}

void TestCliSync::initTestCase() {
    if (qEnvironmentVariableIsEmpty("WITH_KEYRING_FOLDER"))
        QSKIP("needs the private keyring of scripts/with-keyring");
    QVERIFY(m_dir.isValid());

    QString error;
    QVERIFY2(makeTestCertificates(m_dir.path(), QStringLiteral("cli"), m_certificates, error),
             qPrintable(error));
    m_databasePath = m_dir.filePath(QStringLiteral("server.db"));
    const CommandResult added =
        runServerCommand({QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("add"),
                          QStringLiteral("--name"), QStringLiteral("Generated Primary School"),
                          QStringLiteral("--party-type"), QStringLiteral("school")},
                         m_databasePath);
    QVERIFY2(added.exitCode == 0, qPrintable(added.standardError));
    m_organisationId = added.standardOutput.trimmed();
    QVERIFY2(m_server.start(m_databasePath, m_certificates, error), qPrintable(error));

    const CliRun init = runCli(storeArguments() << QStringLiteral("init") << QStringLiteral("--school")
                                                << QStringLiteral("Generated Primary School")
                                                << QStringLiteral("--urn") << QStringLiteral("199990")
                                                << QStringLiteral("--user") << QStringLiteral("Test Lead"));
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
}

void TestCliSync::usageErrorsExitTwo_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("enrol without code")
        << QStringList{QStringLiteral("enrol"), QStringLiteral("https://127.0.0.1")}
        << QStringLiteral("enrol takes the server address and the enrolment code");
    QTest::newRow("enrol with three words")
        << QStringList{QStringLiteral("enrol"), QStringLiteral("https://127.0.0.1"), QStringLiteral("A"),
                       QStringLiteral("B")}
        << QStringLiteral("enrol takes the server address and the enrolment code");
    QTest::newRow("sync-status with a word")
        << QStringList{QStringLiteral("sync-status"), QStringLiteral("now")}
        << QStringLiteral("sync-status takes no arguments");
    QTest::newRow("sync with a word")
        << QStringList{QStringLiteral("sync"), QStringLiteral("now")} << QStringLiteral("sync takes no arguments");
    QTest::newRow("conflicts with a word")
        << QStringList{QStringLiteral("conflicts"), QStringLiteral("all")}
        << QStringLiteral("conflicts takes no arguments, or \"resolve ID --keep server|other\"");
    QTest::newRow("resolve without id")
        << QStringList{QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("--keep"),
                       QStringLiteral("server")}
        << QStringLiteral("conflicts resolve takes one conflict id");
    QTest::newRow("resolve without keep")
        << QStringList{QStringLiteral("conflicts"), QStringLiteral("resolve"),
                       QStringLiteral("8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")}
        << QStringLiteral("conflicts resolve needs --keep server");
    QTest::newRow("keep without resolve")
        << QStringList{QStringLiteral("conflicts"), QStringLiteral("--keep"), QStringLiteral("other")}
        << QStringLiteral("--keep goes with \"conflicts resolve ID\"");
    QTest::newRow("device name without value")
        << QStringList{QStringLiteral("enrol"), QStringLiteral("--device-name")}
        << QStringLiteral("Missing value after '--device-name'");
}

void TestCliSync::usageErrorsExitTwo() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const CliRun run = runCli(storeArguments() + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
}

void TestCliSync::httpAddressFails() {
    const CliRun run =
        runCli(storeArguments() << QStringLiteral("enrol")
                                << QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()) << issueCode());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("uses http, which is not encrypted")), qPrintable(run.err));
    QCOMPARE(run.err.count(u'\n'), 1);
    QCOMPARE(enrolledDevice(), QString());
}

void TestCliSync::statusBeforeEnrolmentFails() {
    const CliRun run = runCli(storeArguments() << QStringLiteral("sync-status"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("is not enrolled with a sync server")), qPrintable(run.err));
}

void TestCliSync::untrustedCertificateFails() {
    const CliRun run = runCli(storeArguments() << QStringLiteral("enrol") << serverUrl() << issueCode());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("subject \"127.0.0.1\", issuer \"Early Help Test CA cli\"")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("--ca-cert FILE")), qPrintable(run.err));
    QCOMPARE(enrolledDevice(), QString());
}

void TestCliSync::missingKeychainFailsAndStoresNothing() {
    const QString code = issueCode();
    const CliRun run = runCli(storeArguments() << QStringLiteral("enrol") << serverUrl() << code
                                               << QStringLiteral("--ca-cert") << m_certificates.caCertificate,
                              false);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("OS keychain")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("code can still be used")), qPrintable(run.err));
    QCOMPARE(enrolledDevice(), QString());

    const CommandResult listed = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("--json")},
        m_databasePath);
    QCOMPARE(QJsonDocument::fromJson(listed.standardOutput.toUtf8()).array().size(), 0);
}

void TestCliSync::enrolThenStatus() {
    const CliRun enrol =
        runCli(storeArguments() << QStringLiteral("enrol") << serverUrl() << issueCode()
                                << QStringLiteral("--ca-cert") << m_certificates.caCertificate
                                << QStringLiteral("--device-name") << QStringLiteral("DSL office laptop"));
    QVERIFY2(enrol.exitCode == 0, qPrintable(enrol.err));

    const QString deviceId = enrolledDevice();
    QVERIFY(!QUuid::fromString(deviceId).isNull());
    QVERIFY2(enrol.out.contains(deviceId), qPrintable(enrol.out));
    QVERIFY2(enrol.out.contains(QStringLiteral("Generated Primary School")), qPrintable(enrol.out));
    const CommandResult listed = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("--json")},
        m_databasePath);
    QVERIFY2(listed.standardOutput.contains(deviceId), qPrintable(listed.standardOutput));

    // The CA certificate given at enrolment is recorded, so sync-status needs no --ca-cert.
    const CliRun status = runCli(storeArguments() << QStringLiteral("sync-status"));
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QVERIFY2(status.out.contains(QStringLiteral("Server: ") + serverUrl()), qPrintable(status.out));
    QVERIFY2(status.out.contains(QStringLiteral("Device: ") + deviceId +
                                 QStringLiteral(" (\"DSL office laptop\")")),
             qPrintable(status.out));
    QVERIFY2(status.out.contains(QStringLiteral("Organisation: Generated Primary School (school, ") +
                                 m_organisationId),
             qPrintable(status.out));
    QVERIFY2(status.out.contains(QStringLiteral("Server status: available, API version 1")),
             qPrintable(status.out));
    QVERIFY2(status.out.contains(QStringLiteral("Server time: ")), qPrintable(status.out));
    // Both clocks are this computer's, so there is no clock warning.
    QVERIFY2(!status.err.contains(QStringLiteral("clock")), qPrintable(status.err));
}

void TestCliSync::usedCodeFails() {
    const QString code = issueCode();
    const QStringList enrol = storeArguments() << QStringLiteral("enrol") << serverUrl() << code
                                               << QStringLiteral("--ca-cert") << m_certificates.caCertificate;
    const CliRun first = runCli(enrol);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QString deviceId = enrolledDevice();

    const CliRun second = runCli(enrol);
    QCOMPARE(second.exitCode, 1);
    QVERIFY2(second.err.contains(QStringLiteral("the enrolment code was already used")),
             qPrintable(second.err));
    QCOMPARE(enrolledDevice(), deviceId);
    QCOMPARE(runCli(storeArguments() << QStringLiteral("sync-status")).exitCode, 0);
}

void TestCliSync::stoppedServerFails() {
    const CliRun enrol =
        runCli(storeArguments() << QStringLiteral("enrol") << serverUrl() << issueCode()
                                << QStringLiteral("--ca-cert") << m_certificates.caCertificate);
    QVERIFY2(enrol.exitCode == 0, qPrintable(enrol.err));
    QVERIFY(m_server.stop());

    const CliRun status = runCli(storeArguments() << QStringLiteral("sync-status"));
    QCOMPARE(status.exitCode, 1);
    QVERIFY2(status.out.contains(QStringLiteral("Server: ") + serverUrl()), qPrintable(status.out));
    QVERIFY2(status.err.contains(QStringLiteral("Could not connect to the sync server 127.0.0.1:")),
             qPrintable(status.err));
}

void TestCliSync::clockDifferenceWarns() {
    // A stand-in server with the test certificate whose clock is 10 minutes
    // behind. It accepts any enrolment and reports its status.
    QFile certificateFile(m_certificates.serverCertificate);
    QFile keyFile(m_certificates.serverKey);
    QVERIFY(certificateFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(&certificateFile, QSsl::Pem));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Ec, QSsl::Pem));
    QSslServer server;
    server.setSslConfiguration(tls);
    QVERIFY(server.listen(QHostAddress::LocalHost));

    const QString lateTime =
        QDateTime::currentDateTimeUtc().addSecs(-10 * 60).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    const QJsonObject organisation{
        {QStringLiteral("id"), QStringLiteral("9d3c4f7e-8a51-4b6e-9f0a-2c1d3e4f5a6b")},
        {QStringLiteral("name"), QStringLiteral("Generated Primary School")},
        {QStringLiteral("partyType"), QStringLiteral("school")}};
    const QString deviceId = QStringLiteral("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    QObject::connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&] {
        QTcpSocket* socket = server.nextPendingConnection();
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [=] {
            *buffer += socket->readAll();
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const bool enrolling = buffer->startsWith("POST /api/v1/enrol");
            const QJsonObject body = enrolling ? QJsonObject{{QStringLiteral("deviceId"), deviceId},
                                                             {QStringLiteral("credential"),
                                                              QStringLiteral("c2VjcmV0LWZvci10aGUtdGVzdA==")},
                                                             {QStringLiteral("organisation"), organisation}}
                                               : QJsonObject{{QStringLiteral("serverTime"), lateTime},
                                                             {QStringLiteral("apiVersion"), 1},
                                                             {QStringLiteral("deviceId"), deviceId},
                                                             {QStringLiteral("organisation"), organisation}};
            const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
            socket->write((enrolling ? QByteArrayLiteral("HTTP/1.1 201 Created\r\n")
                                     : QByteArrayLiteral("HTTP/1.1 200 OK\r\n")) +
                          "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                          QByteArray::number(json.size()) + "\r\n\r\n" + json);
            socket->disconnectFromHost();
        });
    });

    QTemporaryDir storeDir;
    const QStringList store = {QStringLiteral("--store"), storeDir.filePath(QStringLiteral("late.ehstore")),
                               QStringLiteral("--passphrase-stdin")};
    const CliRun init = runCli(store + QStringList{QStringLiteral("init"), QStringLiteral("--school"),
                                                   QStringLiteral("Generated Primary School"),
                                                   QStringLiteral("--urn"), QStringLiteral("199990"),
                                                   QStringLiteral("--user"), QStringLiteral("Test Lead")});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    const CliRun enrol =
        runCliWithEvents(store + QStringList{QStringLiteral("enrol"),
                                             QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()),
                                             QStringLiteral("ANYCO-DEWIL-LDOXX-XXXXX"),
                                             QStringLiteral("--ca-cert"), m_certificates.caCertificate});
    QVERIFY2(enrol.exitCode == 0, qPrintable(enrol.err));

    const CliRun status = runCliWithEvents(store + QStringList{QStringLiteral("sync-status")});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.err.contains(QStringLiteral("warning: this computer's clock is 10 minute")),
             qPrintable(status.err));
    QVERIFY2(status.err.contains(QStringLiteral("ahead of the sync server's")), qPrintable(status.err));
}

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_clisync.moc"
