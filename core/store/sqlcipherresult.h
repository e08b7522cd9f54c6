#pragma once

#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QPointer>
#include <QSqlError>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

struct sqlite3_stmt;

namespace earlyhelp {

class SqlCipherDriver;

// Returns the type of a column declared as declaredType, by SQLite's rules of
// type affinity: qint64 for INTEGER, QString for TEXT, QByteArray for BLOB and
// double for REAL. NUMERIC and no type give an invalid QMetaType, because their
// values may have any storage class.
[[nodiscard]] QMetaType metaTypeForDeclaredType(QByteArrayView declaredType);

// The QSqlResult of SqlCipherDriver: one prepared SQLite statement and the rows
// read from it. Created by SqlCipherDriver::createResult(); see the driver for
// how values bind and read back.
class SqlCipherResult final : public QSqlResult {
public:
    explicit SqlCipherResult(SqlCipherDriver* driver);
    ~SqlCipherResult() override;

    // Returns the sqlite3_stmt* of the prepared statement, or an invalid
    // QVariant.
    [[nodiscard]] QVariant handle() const override;

    // Finalises the statement because the driver is closing; the result is
    // inactive afterwards.
    void releaseStatement();

protected:
    bool reset(const QString& query) override;
    bool prepare(const QString& query) override;
    bool exec() override;
    QVariant data(int field) override;
    bool isNull(int field) override;
    bool fetch(int row) override;
    bool fetchNext() override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    enum class Step { Row, Done, Failed };

    void clearRows();
    void finalize();
    void recycleStatement();
    bool bindValues();
    [[nodiscard]] Step stepStatement();
    [[nodiscard]] QVariantList readRow() const;
    [[nodiscard]] QSqlRecord readRecord() const;
    [[nodiscard]] bool readNextRow();
    [[nodiscard]] int rowsRead() const { return m_firstRowIndex + int(m_rows.size()); }
    [[nodiscard]] const QVariantList* currentRow() const;
    void failWith(const QString& text, QSqlError::ErrorType type, int code, const QString& detail = {});

    QPointer<SqlCipherDriver> m_driver;
    sqlite3_stmt* m_statement = nullptr;
    // The UTF-8 text m_statement was prepared from, under which it goes back
    // to the driver's statement cache.
    QByteArray m_statementSql;
    QSqlRecord m_record;
    // Rows read so far: all of them, or in a forward-only query only the
    // latest. exec() reads the first row to learn the column types.
    QList<QVariantList> m_rows;
    // Index in the result of m_rows.first().
    int m_firstRowIndex = 0;
    bool m_atEnd = false;
    qint64 m_rowsAffected = -1;
    QVariant m_lastInsertId;
};

} // namespace earlyhelp
