#include "sqlcipherdriver.h"

#include <algorithm>
#include <utility>

#include <sqlcipher/sqlite3.h>

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriverCreator>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>

#include "sqlcipherconnection.h"
#include "sqlcipherresult.h"
#include "storelogging.h"

namespace earlyhelp {

namespace {

struct TableColumn {
    QSqlField field;
    int primaryKeyPosition = 0;
};

QList<TableColumn> readTableColumns(sqlite3* connection, const QString& tableName) {
    QList<TableColumn> columns;
    if (!connection)
        return columns;

    sqlite3_stmt* statement = nullptr;
    const int code = sqlite3_prepare_v2(
        connection, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1)", -1,
        &statement, nullptr);
    if (code != SQLITE_OK) {
        sqlite3_finalize(statement);
        return columns;
    }
    const QByteArray table = tableName.toUtf8();
    sqlite3_bind_text64(statement, 1, table.constData(), static_cast<sqlite3_uint64>(table.size()),
                        SQLITE_TRANSIENT, SQLITE_UTF8);

    while (sqlite3_step(statement) == SQLITE_ROW) {
        const auto* name = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        const auto* declaredType = reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
        QSqlField field(QString::fromUtf8(name), metaTypeForDeclaredType(QByteArrayView(declaredType)),
                        tableName);
        field.setRequiredStatus(sqlite3_column_int(statement, 2) != 0 ? QSqlField::Required
                                                                      : QSqlField::Optional);
        if (sqlite3_column_type(statement, 3) != SQLITE_NULL)
            field.setDefaultValue(
                QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 3))));
        columns.append(TableColumn{field, sqlite3_column_int(statement, 4)});
    }
    sqlite3_finalize(statement);

    // A sole INTEGER PRIMARY KEY column is the rowid, which SQLite assigns.
    qsizetype keyColumns = 0;
    for (const TableColumn& column : std::as_const(columns))
        keyColumns += column.primaryKeyPosition > 0 ? 1 : 0;
    for (TableColumn& column : columns) {
        if (keyColumns == 1 && column.primaryKeyPosition > 0 &&
            column.field.metaType() == QMetaType::fromType<qint64>())
            column.field.setAutoValue(true);
    }
    return columns;
}

} // namespace

void registerSqlCipherDriver() {
    static const bool registered = [] {
        QSqlDatabase::registerSqlDriver(QString(sqlCipherDriverName), new QSqlDriverCreator<SqlCipherDriver>);
        return true;
    }();
    Q_UNUSED(registered);
}

SqlCipherDriver::SqlCipherDriver(QObject* parent)
    : QSqlDriver(parent) {}

SqlCipherDriver::SqlCipherDriver(sqlite3* connection, QObject* parent)
    : QSqlDriver(parent) {
    adopt(connection);
}

SqlCipherDriver::~SqlCipherDriver() {
    close();
}

void SqlCipherDriver::adopt(sqlite3* connection) {
    m_connection = connection;
    m_openStatus = {};
    setOpen(connection != nullptr);
    setOpenError(false);
}

void SqlCipherDriver::setKey(SecretBytes key) {
    m_key = std::move(key);
}

bool SqlCipherDriver::open(const QString& databaseName, const QString& user, const QString& password,
                           const QString& host, int port, const QString& connectOptions) {
    Q_UNUSED(user);
    Q_UNUSED(password);
    Q_UNUSED(host);
    Q_UNUSED(port);
    Q_UNUSED(connectOptions);

    if (isOpen())
        close();
    const SecretBytes key = std::move(m_key);

    auto fail = [this](const Error& error) {
        m_openStatus = std::unexpected(error);
        setLastError(
            QSqlError(tr("Could not open the case store"), error.message, QSqlError::ConnectionError));
        setOpenError(true);
        return false;
    };

    if (key.isEmpty()) {
        return fail(Error{ErrorCode::InvalidInput,
                          tr("No key was given for the case store. Call setKey() before open().")});
    }
    if (Result<int> probed = probeStore(databaseName, key); !probed)
        return fail(probed.error());
    Result<SqliteConnection> connection = openKeyedConnection(databaseName, key);
    if (!connection)
        return fail(connection.error());
    if (Status configured = configureConnection(connection->get(), databaseName); !configured)
        return fail(configured.error());

    adopt(connection->release());
    return true;
}

void SqlCipherDriver::close() {
    const QList<SqlCipherResult*> results = std::exchange(m_results, {});
    for (SqlCipherResult* result : results)
        result->releaseStatement();
    m_statementCache.clear();

    if (m_connection) {
        // sqlite3_close_v2() would defer the close if a statement were still
        // unfinalised; releaseStatement() and the cache's clear() above
        // finalised every one.
        sqlite3_close_v2(m_connection);
        m_connection = nullptr;
    }
    setOpen(false);
    setOpenError(false);
}

QSqlResult* SqlCipherDriver::createResult() const {
    return new SqlCipherResult(const_cast<SqlCipherDriver*>(this));
}

void SqlCipherDriver::addResult(SqlCipherResult* result) const {
    m_results.append(result);
}

void SqlCipherDriver::removeResult(SqlCipherResult* result) const {
    m_results.removeOne(result);
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const {
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case SimpleLocking:
    case LowPrecisionNumbers:
    case FinishQuery:
    case CancelQuery:
        return true;
    // QSqlResult rewrites :name placeholders as ? and emulates batches with
    // one exec() per row.
    case NamedPlaceholders:
    case BatchOperations:
    case QuerySize:
    case EventNotifications:
    case MultipleResultSets:
        return false;
    }
    return false;
}

QSqlError SqlCipherDriver::makeSqlError(const QString& text, QSqlError::ErrorType type, int code,
                                        const QString& detail) const {
    QString databaseText = detail;
    if (databaseText.isEmpty())
        databaseText = m_connection ? QString::fromUtf8(sqlite3_errmsg(m_connection))
                                    : QString::fromUtf8(sqlite3_errstr(code));
    return QSqlError(text, databaseText, type, QString::number(code));
}

bool SqlCipherDriver::executeTransactionStatement(const char* statement, const QString& failureText) {
    if (!m_connection) {
        setLastError(QSqlError(failureText, tr("The case store is not open."), QSqlError::TransactionError));
        return false;
    }
    const int code = sqlite3_exec(m_connection, statement, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        setLastError(makeSqlError(failureText, QSqlError::TransactionError, code));
        qCWarning(lcStore, "%s failed: SQLite error %d (%s)", statement, code, sqlite3_errstr(code));
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction() {
    return executeTransactionStatement("BEGIN IMMEDIATE", tr("Could not start a transaction"));
}

bool SqlCipherDriver::commitTransaction() {
    return executeTransactionStatement("COMMIT", tr("Could not commit the transaction"));
}

bool SqlCipherDriver::rollbackTransaction() {
    return executeTransactionStatement("ROLLBACK", tr("Could not roll back the transaction"));
}

bool SqlCipherDriver::executeScript(const QString& script) {
    if (!m_connection) {
        setLastError(QSqlError(tr("Could not run the script"), tr("The case store is not open."),
                               QSqlError::StatementError));
        return false;
    }
    const QByteArray utf8 = script.toUtf8();
    const int code = sqlite3_exec(m_connection, utf8.constData(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) {
        setLastError(makeSqlError(tr("Could not run the script"), QSqlError::StatementError, code));
        return false;
    }
    return true;
}

QStringList SqlCipherDriver::selectNames(const char* statementText) const {
    QStringList names;
    if (!m_connection)
        return names;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_connection, statementText, -1, &statement, nullptr) == SQLITE_OK) {
        while (sqlite3_step(statement) == SQLITE_ROW)
            names += QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    }
    sqlite3_finalize(statement);
    return names;
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const {
    QStringList names;
    if (type & QSql::Tables) {
        names += selectNames("SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    }
    if (type & QSql::Views)
        names += selectNames("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name");
    if ((type & QSql::SystemTables) && m_connection) {
        names += QStringLiteral("sqlite_schema");
        names += selectNames("SELECT name FROM sqlite_schema WHERE type = 'table' "
                             "AND name LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    }
    return names;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString& tableName) const {
    const QString table =
        isIdentifierEscaped(tableName, TableName) ? stripDelimiters(tableName, TableName) : tableName;
    QList<TableColumn> columns = readTableColumns(m_connection, table);
    columns.removeIf([](const TableColumn& column) { return column.primaryKeyPosition == 0; });
    std::ranges::sort(columns, {}, &TableColumn::primaryKeyPosition);

    QSqlIndex index(table);
    for (const TableColumn& column : std::as_const(columns))
        index.append(column.field);
    return index;
}

QSqlRecord SqlCipherDriver::record(const QString& tableName) const {
    const QString table =
        isIdentifierEscaped(tableName, TableName) ? stripDelimiters(tableName, TableName) : tableName;
    QSqlRecord record;
    for (const TableColumn& column : readTableColumns(m_connection, table))
        record.append(column.field);
    return record;
}

QString SqlCipherDriver::escapeIdentifier(const QString& identifier, IdentifierType type) const {
    if (identifier.isEmpty() || isIdentifierEscaped(identifier, type))
        return identifier;
    QString escaped = identifier;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return QString(u'"' + escaped + u'"');
}

QString SqlCipherDriver::formatValue(const QSqlField& field, bool trimStrings) const {
    if (field.isNull())
        return QStringLiteral("NULL");
    switch (field.metaType().id()) {
    case QMetaType::QByteArray:
        return QString(u"X'" + QString::fromLatin1(field.value().toByteArray().toHex()) + u'\'');
    case QMetaType::Bool:
        return field.value().toBool() ? QStringLiteral("1") : QStringLiteral("0");
    default:
        return QSqlDriver::formatValue(field, trimStrings);
    }
}

QVariant SqlCipherDriver::handle() const {
    if (!m_connection)
        return {};
    return QVariant::fromValue(m_connection);
}

bool SqlCipherDriver::cancelQuery() {
    if (!m_connection)
        return false;
    sqlite3_interrupt(m_connection);
    return true;
}

sqlite3* sqliteConnection(const QSqlDatabase& database) {
    const auto* driver = qobject_cast<const SqlCipherDriver*>(database.driver());
    return driver ? driver->connection() : nullptr;
}

} // namespace earlyhelp
