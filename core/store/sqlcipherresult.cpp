#include "sqlcipherresult.h"

#include <limits>

#include <sqlcipher/sqlite3.h>

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSqlField>
#include <QTime>
#include <QUuid>

#include "sqlcipherdriver.h"

namespace earlyhelp {

namespace {

template <typename T> const T& storedValue(const QVariant& value) {
    return *static_cast<const T*>(value.constData());
}

bool isNullValue(const QVariant& value) {
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return storedValue<QString>(value).isNull();
    case QMetaType::QByteArray:
        return storedValue<QByteArray>(value).isNull();
    case QMetaType::QDate:
        return storedValue<QDate>(value).isNull();
    case QMetaType::QTime:
        return !storedValue<QTime>(value).isValid();
    case QMetaType::QDateTime:
        return !storedValue<QDateTime>(value).isValid();
    case QMetaType::QUuid:
        return storedValue<QUuid>(value).isNull();
    default:
        return false;
    }
}

int bindText(sqlite3_stmt* statement, int index, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return sqlite3_bind_text64(statement, index, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                               SQLITE_TRANSIENT, SQLITE_UTF8);
}

// Binds value to the parameter at index (from 1). Returns SQLITE_MISMATCH for
// a type with no SQL form and SQLITE_RANGE for an unsigned integer beyond
// qint64.
int bindParameter(sqlite3_stmt* statement, int index, const QVariant& value) {
    if (isNullValue(value))
        return sqlite3_bind_null(statement, index);

    switch (value.typeId()) {
    case QMetaType::Bool:
        return sqlite3_bind_int64(statement, index, value.toBool() ? 1 : 0);
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::SChar:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::UChar: {
        const qulonglong unsignedValue = value.toULongLong();
        if (unsignedValue > static_cast<qulonglong>(std::numeric_limits<qint64>::max()))
            return SQLITE_RANGE;
        return sqlite3_bind_int64(statement, index, static_cast<sqlite3_int64>(unsignedValue));
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray& bytes = storedValue<QByteArray>(value);
        return sqlite3_bind_blob64(statement, index, bytes.constData(),
                                   static_cast<sqlite3_uint64>(bytes.size()), SQLITE_TRANSIENT);
    }
    case QMetaType::QString:
        return bindText(statement, index, storedValue<QString>(value));
    case QMetaType::QDate:
        return bindText(statement, index, storedValue<QDate>(value).toString(Qt::ISODate));
    case QMetaType::QTime:
        return bindText(statement, index, storedValue<QTime>(value).toString(Qt::ISODateWithMs));
    case QMetaType::QDateTime:
        return bindText(statement, index, storedValue<QDateTime>(value).toUTC().toString(Qt::ISODateWithMs));
    case QMetaType::QUuid:
        return bindText(statement, index, storedValue<QUuid>(value).toString(QUuid::WithoutBraces));
    default:
        if (value.canConvert<QString>())
            return bindText(statement, index, value.toString());
        return SQLITE_MISMATCH;
    }
}

QMetaType metaTypeForStorageClass(int storageClass) {
    switch (storageClass) {
    case SQLITE_INTEGER:
        return QMetaType::fromType<qint64>();
    case SQLITE_FLOAT:
        return QMetaType::fromType<double>();
    case SQLITE_TEXT:
        return QMetaType::fromType<QString>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    default:
        return {};
    }
}

} // namespace

QMetaType metaTypeForDeclaredType(QByteArrayView declaredType) {
    const QByteArray type = declaredType.toByteArray().toUpper();
    if (type.contains("INT"))
        return QMetaType::fromType<qint64>();
    if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT"))
        return QMetaType::fromType<QString>();
    if (type.contains("BLOB"))
        return QMetaType::fromType<QByteArray>();
    if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB"))
        return QMetaType::fromType<double>();
    return {};
}

SqlCipherResult::SqlCipherResult(SqlCipherDriver* driver)
    : QSqlResult(driver)
    , m_driver(driver) {
    driver->addResult(this);
}

SqlCipherResult::~SqlCipherResult() {
    recycleStatement();
    if (m_driver)
        m_driver->removeResult(this);
}

QVariant SqlCipherResult::handle() const {
    if (!m_statement)
        return {};
    return QVariant::fromValue(m_statement);
}

void SqlCipherResult::releaseStatement() {
    finalize();
    clearRows();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
}

void SqlCipherResult::finalize() {
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_statementSql.clear();
}

// Hands the statement to the driver's cache, or finalises it when the driver
// is gone.
void SqlCipherResult::recycleStatement() {
    if (m_statement && m_driver && !m_statementSql.isEmpty()) {
        m_driver->m_statementCache.put(m_statementSql, m_statement);
        m_statement = nullptr;
        m_statementSql.clear();
        return;
    }
    finalize();
}

void SqlCipherResult::clearRows() {
    m_rows.clear();
    m_firstRowIndex = 0;
    m_atEnd = false;
}

void SqlCipherResult::failWith(const QString& text, QSqlError::ErrorType type, int code,
                               const QString& detail) {
    if (m_driver)
        setLastError(m_driver->makeSqlError(text, type, code, detail));
    else
        setLastError(QSqlError(text, detail, type, QString::number(code)));
}

bool SqlCipherResult::reset(const QString& query) {
    if (!prepare(query))
        return false;
    return exec();
}

bool SqlCipherResult::prepare(const QString& query) {
    recycleStatement();
    clearRows();
    m_record.clear();
    m_rowsAffected = -1;
    m_lastInsertId.clear();
    setActive(false);
    setAt(QSql::BeforeFirstRow);

    sqlite3* connection = m_driver ? m_driver->connection() : nullptr;
    if (!connection) {
        failWith(QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not prepare the statement"),
                 QSqlError::ConnectionError, SQLITE_MISUSE,
                 QCoreApplication::translate("earlyhelp::SqlCipherResult", "The case store is not open."));
        return false;
    }

    QByteArray utf8 = query.toUtf8();
    m_statement = m_driver->m_statementCache.take(utf8);
    if (m_statement) {
        m_statementSql = std::move(utf8);
        return true;
    }

    const char* tail = nullptr;
    int code = sqlite3_prepare_v3(connection, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                  &m_statement, &tail);
    if (code != SQLITE_OK) {
        failWith(QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not prepare the statement"),
                 QSqlError::StatementError, code);
        finalize();
        return false;
    }

    // Whatever follows the first statement must be spaces, semicolons or
    // comments, which prepare to no statement at all.
    const char* end = utf8.constData() + utf8.size();
    if (tail && tail < end) {
        sqlite3_stmt* extra = nullptr;
        code = sqlite3_prepare_v3(connection, tail, int(end - tail), 0, &extra, nullptr);
        const bool hasExtra = extra != nullptr || code != SQLITE_OK;
        sqlite3_finalize(extra);
        if (hasExtra) {
            finalize();
            failWith(
                QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not prepare the statement"),
                QSqlError::StatementError, SQLITE_MISUSE,
                QCoreApplication::translate("earlyhelp::SqlCipherResult",
                                            "A query may hold only one statement."));
            return false;
        }
    }
    if (!m_statement) {
        failWith(
            QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not prepare the statement"),
            QSqlError::StatementError, SQLITE_MISUSE,
            QCoreApplication::translate("earlyhelp::SqlCipherResult", "The query contains no statement."));
        return false;
    }
    m_statementSql = std::move(utf8);
    return true;
}

bool SqlCipherResult::bindValues() {
    const QList<QVariant>& values = boundValues();
    const int parameterCount = sqlite3_bind_parameter_count(m_statement);
    if (values.size() != parameterCount) {
        failWith(QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not bind the values"),
                 QSqlError::StatementError, SQLITE_RANGE,
                 QCoreApplication::translate("earlyhelp::SqlCipherResult",
                                             "The statement has %1 parameters, but %2 values were bound.")
                     .arg(parameterCount)
                     .arg(values.size()));
        return false;
    }

    for (int i = 0; i < parameterCount; ++i) {
        const QVariant& value = values.at(i);
        const int code = bindParameter(m_statement, i + 1, value);
        if (code == SQLITE_OK)
            continue;
        if (code == SQLITE_MISMATCH) {
            failWith(QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not bind the values"),
                     QSqlError::StatementError, code,
                     QCoreApplication::translate("earlyhelp::SqlCipherResult",
                                                 "Parameter %1 has the type %2, which has no SQL form.")
                         .arg(i + 1)
                         .arg(QString::fromLatin1(value.metaType().name())));
        } else if (code == SQLITE_RANGE) {
            failWith(QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not bind the values"),
                     QSqlError::StatementError, code,
                     QCoreApplication::translate("earlyhelp::SqlCipherResult",
                                                 "Parameter %1 is larger than a 64-bit signed integer.")
                         .arg(i + 1));
        } else {
            failWith(QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not bind the values"),
                     QSqlError::StatementError, code);
        }
        return false;
    }
    return true;
}

bool SqlCipherResult::exec() {
    clearRows();
    m_record.clear();
    m_rowsAffected = -1;
    m_lastInsertId.clear();
    setActive(false);
    setAt(QSql::BeforeFirstRow);

    sqlite3* connection = m_driver ? m_driver->connection() : nullptr;
    if (!connection || !m_statement) {
        failWith(
            QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not run the statement"),
            QSqlError::StatementError, SQLITE_MISUSE,
            connection
                ? QCoreApplication::translate("earlyhelp::SqlCipherResult", "No statement was prepared.")
                : QCoreApplication::translate("earlyhelp::SqlCipherResult", "The case store is not open."));
        return false;
    }

    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    if (!bindValues())
        return false;

    // To tell whether this statement inserted a row, a writing statement
    // starts with the connection's last insert rowid at 0; if it is still 0
    // afterwards, the previous value is put back. A statement that calls
    // last_insert_rowid() itself therefore gets 0.
    const bool writes = sqlite3_stmt_readonly(m_statement) == 0;
    const sqlite3_int64 rowIdBefore = sqlite3_last_insert_rowid(connection);
    if (writes)
        sqlite3_set_last_insert_rowid(connection, 0);

    bool failed = false;
    switch (stepStatement()) {
    case Step::Row:
        setSelect(true);
        m_record = readRecord();
        m_rows.append(readRow());
        break;
    case Step::Done:
        setSelect(sqlite3_column_count(m_statement) > 0);
        m_atEnd = true;
        if (isSelect()) {
            m_record = readRecord();
        } else {
            m_rowsAffected = static_cast<qint64>(sqlite3_changes64(connection));
        }
        sqlite3_reset(m_statement);
        break;
    case Step::Failed:
        failed = true;
        sqlite3_reset(m_statement);
        break;
    }

    if (writes) {
        const sqlite3_int64 rowIdAfter = sqlite3_last_insert_rowid(connection);
        if (rowIdAfter != 0)
            m_lastInsertId = static_cast<qint64>(rowIdAfter);
        else
            sqlite3_set_last_insert_rowid(connection, rowIdBefore);
    }
    if (failed)
        return false;
    setActive(true);
    return true;
}

SqlCipherResult::Step SqlCipherResult::stepStatement() {
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return Step::Row;
    if (code == SQLITE_DONE)
        return Step::Done;
    failWith(QCoreApplication::translate("earlyhelp::SqlCipherResult", "Could not run the statement"),
             QSqlError::StatementError, code);
    return Step::Failed;
}

QSqlRecord SqlCipherResult::readRecord() const {
    QSqlRecord record;
    const int columnCount = sqlite3_column_count(m_statement);
    for (int column = 0; column < columnCount; ++column) {
        const QString name = QString::fromUtf8(sqlite3_column_name(m_statement, column));
        QMetaType type =
            metaTypeForDeclaredType(QByteArrayView(sqlite3_column_decltype(m_statement, column)));
        if (!type.isValid())
            type = metaTypeForStorageClass(sqlite3_column_type(m_statement, column));
        const char* table = sqlite3_column_table_name(m_statement, column);
        record.append(QSqlField(name, type, table ? QString::fromUtf8(table) : QString()));
    }
    return record;
}

QVariantList SqlCipherResult::readRow() const {
    const int columnCount = sqlite3_column_count(m_statement);
    QVariantList row;
    row.reserve(columnCount);
    for (int column = 0; column < columnCount; ++column) {
        switch (sqlite3_column_type(m_statement, column)) {
        case SQLITE_INTEGER:
            row.append(static_cast<qint64>(sqlite3_column_int64(m_statement, column)));
            break;
        case SQLITE_FLOAT: {
            const double value = sqlite3_column_double(m_statement, column);
            switch (numericalPrecisionPolicy()) {
            case QSql::LowPrecisionInt32:
                row.append(static_cast<int>(value));
                break;
            case QSql::LowPrecisionInt64:
                row.append(static_cast<qint64>(value));
                break;
            default:
                row.append(value);
                break;
            }
            break;
        }
        case SQLITE_TEXT: {
            // sqlite3_column_text() before sqlite3_column_bytes(), so that the
            // byte count is that of the UTF-8 text.
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
            const int size = sqlite3_column_bytes(m_statement, column);
            row.append(QString::fromUtf8(text ? text : "", size));
            break;
        }
        case SQLITE_BLOB: {
            // A zero-length blob has a null pointer; read it as an empty,
            // not null, QByteArray.
            const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
            const int size = sqlite3_column_bytes(m_statement, column);
            row.append(QByteArray(bytes ? bytes : "", size));
            break;
        }
        default:
            row.append(QVariant(m_record.field(column).metaType()));
            break;
        }
    }
    return row;
}

bool SqlCipherResult::readNextRow() {
    if (m_atEnd || !m_statement)
        return false;
    switch (stepStatement()) {
    case Step::Row:
        if (isForwardOnly() && !m_rows.isEmpty()) {
            m_rows.removeFirst();
            ++m_firstRowIndex;
        }
        m_rows.append(readRow());
        return true;
    case Step::Done:
    case Step::Failed:
        // Resetting at the end releases the read snapshot at once.
        m_atEnd = true;
        sqlite3_reset(m_statement);
        return false;
    }
    return false;
}

const QVariantList* SqlCipherResult::currentRow() const {
    const int index = at() - m_firstRowIndex;
    if (at() < 0 || index < 0 || index >= m_rows.size())
        return nullptr;
    return &m_rows.at(index);
}

QVariant SqlCipherResult::data(int field) {
    const QVariantList* row = currentRow();
    if (!row || field < 0 || field >= row->size())
        return {};
    return row->at(field);
}

bool SqlCipherResult::isNull(int field) {
    const QVariantList* row = currentRow();
    if (!row || field < 0 || field >= row->size())
        return true;
    return row->at(field).isNull();
}

bool SqlCipherResult::fetch(int row) {
    if (!isActive() || !isSelect() || row < 0)
        return false;
    if (row < m_firstRowIndex)
        return false;
    while (row >= rowsRead()) {
        if (!readNextRow())
            return false;
    }
    setAt(row);
    return true;
}

bool SqlCipherResult::fetchNext() {
    if (at() == QSql::AfterLastRow)
        return false;
    return fetch(at() == QSql::BeforeFirstRow ? 0 : at() + 1);
}

bool SqlCipherResult::fetchFirst() {
    return fetch(0);
}

bool SqlCipherResult::fetchLast() {
    if (!isActive() || !isSelect())
        return false;
    while (readNextRow()) {
    }
    if (rowsRead() == 0)
        return false;
    setAt(rowsRead() - 1);
    return true;
}

int SqlCipherResult::size() {
    return -1;
}

int SqlCipherResult::numRowsAffected() {
    if (m_rowsAffected > std::numeric_limits<int>::max())
        return std::numeric_limits<int>::max();
    return static_cast<int>(m_rowsAffected);
}

QVariant SqlCipherResult::lastInsertId() const {
    return m_lastInsertId;
}

QSqlRecord SqlCipherResult::record() const {
    if (!isActive() || !isSelect())
        return {};
    return m_record;
}

void SqlCipherResult::detachFromResultSet() {
    if (m_statement)
        sqlite3_reset(m_statement);
    clearRows();
    m_atEnd = true;
}

} // namespace earlyhelp
