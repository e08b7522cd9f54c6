#pragma once

// Internal to core/casework: the table access every case-work repository
// shares. Not for use outside this folder.

#include "casework/caseworkoptions.h"
#include "casework/records.h"
#include "common/result.h"

#include <QDate>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

namespace earlyhelp {

class Store;

Q_DECLARE_LOGGING_CATEGORY(lcCasework)

namespace casework {

// Returns the ISO 8601 form of date for the store, or a null value for an
// invalid date.
[[nodiscard]] QVariant dateValue(QDate date);
[[nodiscard]] QDate dateFromValue(const QVariant& value);
// Returns text, or a null value for an empty text.
[[nodiscard]] QVariant optionalText(const QString& text);
[[nodiscard]] QString timestampValue(const QDateTime& time);
[[nodiscard]] QString dateForScreen(QDate date);
// Returns the calendar date of time in the computer's time zone. Dates typed
// in are checked against this date, the user's "today".
[[nodiscard]] QDate localDate(const QDateTime& time);

// Returns the options with the defaults filled in.
[[nodiscard]] CaseworkOptions withDefaults(CaseworkOptions options);

// The columns of one record: the common ones and the record's own, in the
// order of the table's column list.
struct Row {
    RecordMeta meta;
    QVariantList values;
};

// A transaction on the store's connection that rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Store& store);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] Status begin();
    [[nodiscard]] Status commit();

private:
    Store& m_store;
    bool m_open = false;
};

// Reads and writes the rows of one case-work table. Deleted rows are found
// only by get() and list() with includeDeleted and by restore().
class RecordTable {
public:
    // label is the translated name of one record ("assessment") for messages.
    RecordTable(Store& store, QString table, QStringList columns, QString label);

    [[nodiscard]] Result<Row> get(const QString& id, bool includeDeleted = false) const;
    // Returns the rows that match where (an SQL condition with ? placeholders
    // for binds), in order (an ORDER BY list). Deleted rows are left out
    // unless includeDeleted is set.
    [[nodiscard]] Result<QList<Row>> list(const QString& where, const QVariantList& binds,
                                          const QString& order, bool includeDeleted = false) const;
    // Inserts a row owned by the local organisation, with revision 1.
    [[nodiscard]] Result<QString> insert(const QVariantList& values, const QDateTime& now);
    // Writes values over the row's columns. Returns false, and writes nothing,
    // when every value equals the stored one; otherwise the revision grows by
    // one. NotFound when the row is missing or deleted.
    [[nodiscard]] Result<bool> update(const QString& id, const QVariantList& values, const QDateTime& now);
    // Raises the revision of a row whose child rows changed.
    [[nodiscard]] Status touch(const QString& id, const QDateTime& now);
    [[nodiscard]] Status softDelete(const QString& id, const QDateTime& now);
    // Undoes softDelete() within restoreWindowDays of the deletion; after
    // that, InvalidInput.
    [[nodiscard]] Status restore(const QString& id, const QDateTime& now);

    [[nodiscard]] Error queryError(const QSqlQuery& query) const;
    [[nodiscard]] Error notFound(const QString& id) const;

private:
    [[nodiscard]] QString selectList() const;
    [[nodiscard]] Row readRow(const QSqlQuery& query) const;

    Store& m_store;
    QString m_table;
    QStringList m_columns;
    QString m_label;
};

} // namespace casework
} // namespace earlyhelp
