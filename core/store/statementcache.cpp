#include "statementcache.h"

#include <sqlcipher/sqlite3.h>

#include <algorithm>

namespace earlyhelp {

StatementCache::StatementCache(qsizetype capacity)
    : m_capacity(capacity) {}

StatementCache::~StatementCache() {
    clear();
}

sqlite3_stmt* StatementCache::take(QByteArrayView sql) {
    // The newest entries are the likeliest to match, so the search runs
    // backwards.
    for (auto entry = m_entries.rbegin(); entry != m_entries.rend(); ++entry) {
        if (entry->sql == sql) {
            sqlite3_stmt* statement = entry->statement;
            m_entries.erase(std::next(entry).base());
            return statement;
        }
    }
    return nullptr;
}

void StatementCache::put(const QByteArray& sql, sqlite3_stmt* statement) {
    if (!statement)
        return;
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);

    const auto same = std::find_if(m_entries.begin(), m_entries.end(),
                                   [&sql](const Entry& entry) { return entry.sql == sql; });
    if (same != m_entries.end()) {
        sqlite3_finalize(same->statement);
        m_entries.erase(same);
    }
    if (m_capacity <= 0) {
        sqlite3_finalize(statement);
        return;
    }
    if (qsizetype(m_entries.size()) >= m_capacity) {
        sqlite3_finalize(m_entries.front().statement);
        m_entries.erase(m_entries.begin());
    }
    m_entries.push_back(Entry{sql, statement});
}

void StatementCache::clear() {
    for (const Entry& entry : m_entries)
        sqlite3_finalize(entry.statement);
    m_entries.clear();
}

} // namespace earlyhelp
