#pragma once

// Settings of earlyhelp-server, read from an INI file (--config FILE, through
// QSettings) and then from environment variables, which override the file:
//
//   [database] location   EARLYHELP_SERVER_DATABASE   SQLite file path or
//                                                     postgresql://user@host:port/dbname
//   [database] password   PGPASSWORD                  PostgreSQL password
//   [server] listen       EARLYHELP_SERVER_LISTEN     host:port, port 0 picks a free one
//   [server] certificate  EARLYHELP_SERVER_CERT       PEM certificate (chain) file
//   [server] key          EARLYHELP_SERVER_KEY        PEM private key file
//   [limits] max_body_bytes     EARLYHELP_SERVER_MAX_BODY_BYTES
//   [limits] rate_per_second    EARLYHELP_SERVER_RATE_PER_SECOND
//   [limits] rate_burst         EARLYHELP_SERVER_RATE_BURST
//   [limits] push_max_changes   EARLYHELP_SERVER_PUSH_MAX_CHANGES
//
// Command-line options of "serve" override both.

#include "common/result.h"

#include <QProcessEnvironment>
#include <QString>

namespace earlyhelp::server {

struct DatabaseConfig {
    enum class Kind { Sqlite, PostgreSql };
    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString databaseName;
    QString password; // never logged

    // The location without the password, for messages and logs.
    [[nodiscard]] QString displayName() const;
};

struct ServerConfig {
    DatabaseConfig database;
    bool hasDatabase = false;
    QString listen = QStringLiteral("127.0.0.1:8443");
    QString certificatePath;
    QString keyPath;
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    double ratePerSecond = 20.0; // tokens added per second per device
    int rateBurst = 100;         // bucket size per device
    int pushMaxChanges = 500;    // changes one push request may carry
};

// Parses a database location: a postgresql:// (or postgres://) URL, or else
// a SQLite file path. A URL that carries a password is rejected, so the
// password never ends up in a command line or a log.
[[nodiscard]] Result<DatabaseConfig> parseDatabaseLocation(const QString& location);

// Reads configPath (when not empty) and then the environment. Fails when the
// file cannot be read or a value is invalid, naming the key and the value.
[[nodiscard]] Result<ServerConfig> loadServerConfig(const QString& configPath,
                                                    const QProcessEnvironment& environment);

// Splits "host:port" or "[ipv6]:port".
struct ListenAddress {
    QString host;
    quint16 port = 0;
};
[[nodiscard]] Result<ListenAddress> parseListenAddress(const QString& text);

} // namespace earlyhelp::server
