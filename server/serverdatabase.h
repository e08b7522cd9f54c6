#pragma once

#include "common/result.h"
#include "serverconfig.h"

#include <QSqlDatabase>
#include <QString>

namespace earlyhelp::server {

// The server's database: SQLite (QSQLITE) or PostgreSQL (QPSQL) through Qt
// Sql. Qt Sql allows a connection to be used only by the thread that opened
// it, so connection() opens one connection per thread on first use and keeps
// it until the thread ends. connection() and migrate() may be called from any
// thread; the ServerDatabase must outlive every thread that used it.
class ServerDatabase {
public:
    explicit ServerDatabase(DatabaseConfig config);
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    // Returns the calling thread's open connection. The error (Database)
    // names the database, never its password.
    [[nodiscard]] Result<QSqlDatabase> connection();

    // Applies every migration not yet recorded in schema_migration, each in
    // one transaction, and returns the schema version reached.
    [[nodiscard]] Result<int> migrate();

    [[nodiscard]] const DatabaseConfig& config() const { return m_config; }
    [[nodiscard]] bool isPostgreSql() const { return m_config.kind == DatabaseConfig::Kind::PostgreSql; }

    // The newest schema version this build can migrate to.
    [[nodiscard]] static int latestSchemaVersion();

private:
    DatabaseConfig m_config;
    QString m_connectionPrefix;
};

// Builds a Database error from a failed query or connection, naming what
// was being done.
[[nodiscard]] Error databaseError(const QString& action, const QSqlError& error);

// The current time in milliseconds since the Unix epoch (UTC), as stored in
// every *_at column.
[[nodiscard]] qint64 nowMs();

} // namespace earlyhelp::server
