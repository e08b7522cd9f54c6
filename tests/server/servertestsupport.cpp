#include "servertestsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

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
                          const QProcessEnvironment& extra) {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("EARLYHELP_SERVER_DATABASE"), databasePath);
    environment.insert(extra);
    m_process.setProcessEnvironment(environment);
    m_process.start(QStringLiteral(EARLYHELP_SERVER_PATH),
                    {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
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

QByteArray bearerOf(const QJsonObject& enrolment) {
    return enrolment.value(QStringLiteral("deviceId")).toString().toLatin1() + '.' +
           enrolment.value(QStringLiteral("credential")).toString().toLatin1();
}

} // namespace earlyhelp::servertest
