#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

struct sqlite3_stmt;

namespace earlyhelp {

// Prepared statements that queries have finished with, kept by their SQL
// text so that the next query with the same text skips sqlite3_prepare_v3().
// Preparing a statement that writes a table compiles that table's triggers
// into it, which costs more than running the statement, and the repositories
// prepare the same few statements for every call.
//
// A statement is in the cache or in one query, never both: take() removes
// it. put() resets the statement and clears its bindings, so a cached
// statement holds no read snapshot, no lock and no bound value. SQLite
// prepares a cached statement again by itself when the schema changes.
class StatementCache {
public:
    // A cache that keeps at most capacity statements and finalises the least
    // recently used one beyond that.
    explicit StatementCache(qsizetype capacity);
    ~StatementCache();

    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    // Removes and returns the statement cached for sql, or nullptr.
    [[nodiscard]] sqlite3_stmt* take(QByteArrayView sql);

    // Resets statement, prepared from sql, and keeps it. A statement for the
    // same sql is already cached when two queries ran it at once; the older
    // one is finalised.
    void put(const QByteArray& sql, sqlite3_stmt* statement);

    // Finalises every cached statement. The connection must be closed only
    // after this, because sqlite3_close_v2() defers the close while any
    // statement is unfinalised.
    void clear();

    [[nodiscard]] qsizetype size() const { return qsizetype(m_entries.size()); }

private:
    struct Entry {
        QByteArray sql;
        sqlite3_stmt* statement = nullptr;
    };

    qsizetype m_capacity;
    // Least recently used first.
    std::vector<Entry> m_entries;
};

} // namespace earlyhelp
