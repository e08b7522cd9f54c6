#include "servertestsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

namespace earlyhelp::servertest {

namespace {

constexpr int timeoutMs = 20'000;

bool runOpenssl(const QStringList& arguments, const QString& directory, QString& error) {
    QProcess openssl;
    openssl.setWorkingDirectory(directory);
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForFinished(timeoutMs) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        error = QStringLiteral("openssl %1 failed: %2 %3")
                    .arg(arguments.join(QLatin1Char(' ')), openssl.errorString(),
                         QString::fromLocal8Bit(openssl.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace

CommandResult runServerCommand(const QStringList& arguments, const QString& databasePath,
                               const QProcessEnvironment& extra) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("EARLYHELP_SERVER_DATABASE"), databasePath);
    environment.insert(extra);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(EARLYHELP_SERVER_PATH), arguments);
    CommandResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.standardError = QStringLiteral("earlyhelp-server did not finish within 20 s");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.standardOutput = QString::fromUtf8(process.readAllStandardOutput());
    result.standardError = QString::fromUtf8(process.readAllStandardError());
    return result;
}

bool makeTestCertificates(const QString& directory, const QString& prefix, TestCertificates& out,
                          QString& error) {
    const QString caKey = prefix % QStringLiteral("-ca.key");
    const QString caCertificate = prefix % QStringLiteral("-ca.pem");
    const QString serverKey = prefix % QStringLiteral("-server.key");
    const QString request = prefix % QStringLiteral("-server.csr");
    const QString serverCertificate = prefix % QStringLiteral("-server.pem");
    const QString extensions = prefix % QStringLiteral("-server.ext");

    QFile extensionFile(QDir(directory).filePath(extensions));
    if (!extensionFile.open(QIODevice::WriteOnly) ||
        extensionFile.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n") < 0) {
        error = extensionFile.errorString();
        return false;
    }
    extensionFile.close();

    const QStringList ecKey = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                               QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
    if (!runOpenssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
                        QStringList{QStringLiteral("-keyout"), caKey, QStringLiteral("-out"), caCertificate,
                                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=Early Help Test CA ") % prefix},
                    directory, error) ||
        !runOpenssl(QStringList{QStringLiteral("req")} + ecKey +
                        QStringList{QStringLiteral("-keyout"), serverKey, QStringLiteral("-out"), request,
                                    QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")},
                    directory, error) ||
        !runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                     QStringLiteral("-CA"), caCertificate, QStringLiteral("-CAkey"), caKey,
                     QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), serverCertificate,
                     QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), extensions},
                    directory, error)) {
        return false;
    }
    const QDir dir(directory);
    out = TestCertificates{dir.filePath(caCertificate), dir.filePath(serverCertificate),
                           dir.filePath(serverKey)};
    return true;
}

ServerProcess::~ServerProcess() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(timeoutMs);
    }
}

bool ServerProcess::start(const QString& databasePath, const TestCertificates& certificates, QString& error,
                          const QProcessEnvironment& extra, quint16 port) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("EARLYHELP_SERVER_DATABASE"), databasePath);
    environment.insert(extra);
    m_process.setProcessEnvironment(environment);
    m_process.start(QStringLiteral(EARLYHELP_SERVER_PATH),
                    {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                     QStringLiteral("--cert"), certificates.serverCertificate, QStringLiteral("--key"),
                     certificates.serverKey});

    static const QRegularExpression listening(
        QStringLiteral("^listening on https://127\\.0\\.0\\.1:(\\d+)$"));
    QByteArray output;
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(100);
        output += m_process.readAllStandardOutput();
        const qsizetype newline = output.indexOf('\n');
        if (newline >= 0) {
            const auto match = listening.match(QString::fromUtf8(output.left(newline)));
            if (match.hasMatch()) {
                m_port = static_cast<quint16>(match.captured(1).toUInt());
                return true;
            }
            break;
        }
    }
    error = QStringLiteral("earlyhelp-server did not start; stdout: %1 stderr: %2")
                .arg(QString::fromUtf8(output), standardError());
    return false;
}

bool ServerProcess::stop() {
    m_process.terminate();
    return m_process.waitForFinished(timeoutMs) && m_process.exitStatus() == QProcess::NormalExit &&
           m_process.exitCode() == 0;
}

void ServerProcess::kill() {
    m_process.kill();
    m_process.waitForFinished(timeoutMs);
}

QString ServerProcess::standardError() {
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

HttpClient::HttpClient(const QString& caCertificatePath)
    : m_trusted(QSslCertificate::fromPath(caCertificatePath)) {}

QNetworkReply* HttpClient::start(const QByteArray& method, quint16 port, const QString& path,
                                 const QByteArray& body, const QByteArray& bearer) {
    QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(port).arg(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_trusted); // replaces the system's CAs
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!bearer.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + bearer);
    return m_manager.sendCustomRequest(request, method, body);
}

HttpResult HttpClient::send(const QByteArray& method, quint16 port, const QString& path,
                            const QByteArray& body, const QByteArray& bearer) {
    return wait(start(method, port, path, body, bearer));
}

HttpResult HttpClient::wait(QNetworkReply* reply) {
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QNetworkReply::TimeoutError;
        result.networkErrorText = QStringLiteral("no reply within 20 s");
        reply->deleteLater();
        return result;
    }
    result.networkError = reply->error();
    result.networkErrorText = reply->errorString();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
    result.allow = reply->rawHeader(QByteArrayLiteral("Allow"));
    reply->deleteLater();
    return result;
}

PostgresCluster::PostgresCluster(QString binDirectory)
    : m_binDirectory(std::move(binDirectory)) {}

PostgresCluster::~PostgresCluster() {
    if (m_running) {
        QString error;
        if (!run(QStringLiteral("pg_ctl"),
                 {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                  QStringLiteral("immediate"), QStringLiteral("stop")},
                 true, error)) {
            qWarning().noquote() << "could not stop the test PostgreSQL server:" << error;
        }
    }
}

bool PostgresCluster::run(const QString& program, const QStringList& arguments, bool asOwner,
                          QString& error) {
    const QString path = QDir(m_binDirectory).filePath(program);
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    if (asOwner && geteuid() == 0)
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                             QStringLiteral("--"), path} +
                                                     arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        error = QStringLiteral("%1 %2 failed: %3 %4 %5")
                    .arg(program, arguments.join(QLatin1Char(' ')), process.errorString(),
                         QString::fromLocal8Bit(process.readAllStandardOutput()),
                         QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool PostgresCluster::start(QString& error) {
    if (!m_dir.isValid()) {
        error = m_dir.errorString();
        return false;
    }
    if (geteuid() == 0) {
        const passwd* owner = getpwnam("postgres");
        if (owner == nullptr ||
            chown(QFile::encodeName(m_dir.path()).constData(), owner->pw_uid, owner->pw_gid) != 0) {
            error =
                QStringLiteral("running as root needs a \"postgres\" user that can own %1").arg(m_dir.path());
            return false;
        }
    }

    // A free port: the kernel picks one for a listener that closes at once.
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            error = probe.errorString();
            return false;
        }
        m_port = probe.serverPort();
    }

    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!run(QStringLiteral("initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
              QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"), QStringLiteral("--no-sync")},
             true, error)) {
        return false;
    }
    const QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=off")
                                .arg(m_port)
                                .arg(m_dir.path());
    if (!run(QStringLiteral("pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-l"),
              m_dir.filePath(QStringLiteral("postgres.log")), QStringLiteral("-w"), QStringLiteral("start")},
             true, error)) {
        return false;
    }
    m_running = true;
    return true;
}

QString PostgresCluster::createDatabase(QString& error) {
    const QString name = QStringLiteral("earlyhelp_test_%1").arg(++m_databases);
    if (!run(QStringLiteral("createdb"),
             {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
              QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"), name},
             false, error)) {
        return {};
    }
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(name);
}

QSqlDatabase openTestDatabase(const QString& location, const QString& connectionName) {
    if (!location.startsWith(QStringLiteral("postgresql://"))) {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        database.setDatabaseName(location);
        database.open();
        return database;
    }
    const QUrl url(location);
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    database.setHostName(url.host());
    database.setPort(url.port());
    database.setUserName(url.userName());
    database.setDatabaseName(url.path().mid(1));
    database.open();
    return database;
}

QByteArray bearerOf(const QJsonObject& enrolment) {
    return enrolment.value(QStringLiteral("deviceId")).toString().toLatin1() + '.' +
           enrolment.value(QStringLiteral("credential")).toString().toLatin1();
}

} // namespace earlyhelp::servertest
