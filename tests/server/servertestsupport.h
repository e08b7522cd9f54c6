#pragma once

// Helpers of the server suites: running earlyhelp-server as a process,
// making a test CA and server certificate, and an HTTPS client that trusts
// only a given CA.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace earlyhelp::servertest {

// The outcome of one finished command.
struct CommandResult {
    int exitCode = -1;
    QString standardOutput;
    QString standardError;
};

// Runs earlyhelp-server with arguments and the database at databasePath
// (through EARLYHELP_SERVER_DATABASE) and waits up to 20 s for it to exit.
CommandResult runServerCommand(const QStringList& arguments, const QString& databasePath,
                               const QProcessEnvironment& extra = {});

// Files of a test certificate authority and a server certificate for
// 127.0.0.1 that it signed.
struct TestCertificates {
    QString caCertificate;
    QString serverCertificate;
    QString serverKey;
};

// Makes a CA and a server certificate in directory with the openssl command
// line (EC P-256). Returns false and sets error when openssl fails.
bool makeTestCertificates(const QString& directory, const QString& prefix, TestCertificates& out,
                          QString& error);

// A running "earlyhelp-server serve". The destructor kills the process and
// waits for it, so a failing test still stops it.
class ServerProcess {
public:
    ~ServerProcess();

    // Starts the server on 127.0.0.1 and port (0 for a free one) and waits
    // for its "listening on" line. Returns false and sets error (with the
    // server's stderr) when it did not come up within 20 s.
    bool start(const QString& databasePath, const TestCertificates& certificates, QString& error,
               const QProcessEnvironment& extra = {}, quint16 port = 0);

    // Sends SIGTERM and waits up to 20 s. Returns true when the server
    // exited normally with status 0.
    bool stop();

    // Sends SIGKILL, as a crash or power cut would end the server, and waits
    // for the process to end.
    void kill();

    [[nodiscard]] quint16 port() const { return m_port; }
    // Everything the server wrote to stderr so far.
    [[nodiscard]] QString standardError();
    [[nodiscard]] bool isRunning() const { return m_process.state() == QProcess::Running; }

private:
    QProcess m_process;
    quint16 m_port = 0;
    QByteArray m_stderr;
};

// One HTTP exchange.
struct HttpResult {
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QByteArray retryAfter;
    QByteArray allow;
};

// An HTTPS client whose only trusted CA is caCertificate, with certificate
// checks on.
class HttpClient {
public:
    explicit HttpClient(const QString& caCertificatePath);

    // Sends a request and waits up to 20 s for the reply.
    HttpResult send(const QByteArray& method, quint16 port, const QString& path, const QByteArray& body = {},
                    const QByteArray& bearer = {});
    // Starts a request without waiting for the reply. wait() collects it.
    QNetworkReply* start(const QByteArray& method, quint16 port, const QString& path,
                         const QByteArray& body = {}, const QByteArray& bearer = {});
    static HttpResult wait(QNetworkReply* reply);

private:
    QNetworkAccessManager m_manager;
    QList<QSslCertificate> m_trusted;
};

// A private PostgreSQL server in a temporary directory, listening on
// 127.0.0.1 on a free port with trust authentication. As root it runs
// initdb and pg_ctl as the "postgres" user, because initdb refuses to run as
// root. The destructor stops the server.
class PostgresCluster {
public:
    explicit PostgresCluster(QString binDirectory);
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    // Creates the cluster and starts it. Returns false and sets error when a
    // step fails.
    bool start(QString& error);
    // Creates an empty database and returns its location for
    // EARLYHELP_SERVER_DATABASE, or an empty string and sets error.
    QString createDatabase(QString& error);

private:
    bool run(const QString& program, const QStringList& arguments, bool asOwner, QString& error);

    QString m_binDirectory;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    bool m_running = false;
    int m_databases = 0;
};

// Opens the database at location (a SQLite path or a postgresql:// URL) as
// connectionName, for a test to read or change rows directly.
QSqlDatabase openTestDatabase(const QString& location, const QString& connectionName);

// The bearer token "DEVICE_ID.CREDENTIAL" of an enrolment response.
QByteArray bearerOf(const QJsonObject& enrolment);

} // namespace earlyhelp::servertest
