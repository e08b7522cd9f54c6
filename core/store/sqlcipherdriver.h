#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "statementcache.h"

#include <QList>
#include <QMetaType>
#include <QSqlDriver>
#include <QSqlError>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

// QSqlDriver::handle() and QSqlResult::handle() return these pointers in a
// QVariant, under the type names "sqlite3*" and "sqlite3_stmt*" that Qt's own
// SQLite driver uses.
Q_DECLARE_OPAQUE_POINTER(sqlite3*)
Q_DECLARE_METATYPE(sqlite3*)
Q_DECLARE_OPAQUE_POINTER(sqlite3_stmt*)
Q_DECLARE_METATYPE(sqlite3_stmt*)

namespace earlyhelp {

class SqlCipherResult;

// The name under which registerSqlCipherDriver() registers the driver with
// QSqlDatabase.
inline constexpr QLatin1StringView sqlCipherDriverName{"EARLYHELP_SQLCIPHER"};

// Registers SqlCipherDriver with QSqlDatabase as "EARLYHELP_SQLCIPHER". Safe
// to call more than once and from any thread.
void registerSqlCipherDriver();

// A Qt Sql driver over the SQLCipher C API, for QSqlQuery and Qt's SQL
// models.
//
// Prepared statements take positional (?) and named (:name) placeholders.
// QSqlResult turns named ones into positional ones, so a name may appear more
// than once. An invalid or null QVariant, including a null QString or
// QByteArray, binds as NULL. Integers and bool bind as 64-bit integers, double
// as REAL, QString as UTF-8 TEXT and QByteArray as BLOB. QDate, QTime and
// QDateTime bind as ISO 8601 text (a QDateTime in UTC, with milliseconds) and
// QUuid as lower case text without braces. Columns read back as qint64, double, QString or
// QByteArray by their storage class (REAL as int or qint64 when
// numericalPrecisionPolicy() asks for it); SQL NULL as a null QVariant of the
// column's type. A query that is not forward-only keeps the rows it has read
// so that it can seek backwards; QuerySize is not supported, so size() is -1.
// A SELECT holds its read snapshot until it has read its last row or is
// finished, which keeps a WAL checkpoint from completing.
//
// Statements that a query has finished with stay prepared in a
// StatementCache of the driver, so preparing the same SQL text again takes
// the cached statement.
//
// beginTransaction() runs BEGIN IMMEDIATE: a transaction takes the write lock
// when it starts, instead of failing with SQLITE_BUSY at its first write
// because another connection has written meanwhile. Errors are QSqlErrors whose databaseText() is SQLite's
// message and whose nativeErrorCode() is the extended SQLite result code as a decimal number
// (storeErrorFromSqlError() maps it to an Error).
//
// The driver belongs to the thread that created it, like every QSqlDatabase
// connection; only cancelQuery() may be called from another thread.
// dbmsType() is UnknownDbms because public Qt API cannot set it.
class SqlCipherDriver final : public QSqlDriver {
    Q_OBJECT

public:
    // A closed driver. open() opens a store with the key given to setKey().
    explicit SqlCipherDriver(QObject* parent = nullptr);
    // A driver that takes ownership of connection, which must be open, keyed
    // and configured by configureConnection().
    explicit SqlCipherDriver(sqlite3* connection, QObject* parent = nullptr);
    ~SqlCipherDriver() override;

    // Keeps key for the next open(), which consumes it.
    void setKey(SecretBytes key);

    // Opens the existing store databaseName with the key given to setKey():
    // checks the file, proves the key without writing, opens it read-write and
    // configures the connection. It neither creates a store nor migrates its
    // schema; Store does both. user, password, host, port and connectOptions
    // are ignored, since a key never travels as a QString. On failure
    // lastError() returns the message and openStatus() the Error.
    bool open(const QString& databaseName, const QString& user = {}, const QString& password = {},
              const QString& host = {}, int port = -1, const QString& connectOptions = {}) override;
    void close() override;
    [[nodiscard]] QSqlResult* createResult() const override;
    [[nodiscard]] bool hasFeature(DriverFeature feature) const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    [[nodiscard]] QStringList tables(QSql::TableType type) const override;
    [[nodiscard]] QSqlIndex primaryIndex(const QString& tableName) const override;
    [[nodiscard]] QSqlRecord record(const QString& tableName) const override;
    [[nodiscard]] QString escapeIdentifier(const QString& identifier, IdentifierType type) const override;
    [[nodiscard]] QString formatValue(const QSqlField& field, bool trimStrings = false) const override;

    // Returns the sqlite3* of the open connection, or an invalid QVariant.
    [[nodiscard]] QVariant handle() const override;

    // Interrupts the statement that is running, which then fails with
    // SQLITE_INTERRUPT. Safe from any thread while the driver is open.
    bool cancelQuery() override;

    // Runs script, which may contain several statements, as sqlite3_exec()
    // does: statement by statement until the first error. Does not open a
    // transaction. On failure lastError() returns SQLite's message.
    [[nodiscard]] bool executeScript(const QString& script);

    // Returns the outcome of the last open(): the Error when it failed.
    [[nodiscard]] const Status& openStatus() const { return m_openStatus; }

    // Returns the connection, or nullptr when closed.
    [[nodiscard]] sqlite3* connection() const { return m_connection; }

    // Returns a QSqlError described by text that carries the extended SQLite
    // result code and, unless detail is given, SQLite's message for it.
    [[nodiscard]] QSqlError makeSqlError(const QString& text, QSqlError::ErrorType type, int code,
                                         const QString& detail = {}) const;

private:
    friend class SqlCipherResult;

    void addResult(SqlCipherResult* result) const;
    void removeResult(SqlCipherResult* result) const;
    bool executeTransactionStatement(const char* statement, const QString& failureText);
    [[nodiscard]] QStringList selectNames(const char* statement) const;
    void adopt(sqlite3* connection);

    sqlite3* m_connection = nullptr;
    SecretBytes m_key;
    // Enough for the statements of an edit and of the family view's reload
    // that follows it to stay prepared.
    StatementCache m_statementCache{64};
    Status m_openStatus;
    mutable QList<SqlCipherResult*> m_results;
};

// Returns the sqlite3* of a database opened by the EARLYHELP_SQLCIPHER driver,
// or nullptr for any other or a closed database.
[[nodiscard]] sqlite3* sqliteConnection(const QSqlDatabase& database);

} // namespace earlyhelp
