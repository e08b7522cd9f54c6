#pragma once

// Drops and restores the audit triggers of the case tables, so that a
// benchmark can time the same edit with and without the audit trail. The
// chain trigger on audit_event stays in place. Every failure stops the
// program, because a benchmark on a store in another state would measure
// something else.

#include "store/audittriggers.h"
#include "store/sqlcipherdriver.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <map>

namespace earlyhelp::bench {

// Returns the SQL of every trigger named audit_% on a table other than
// audit_event, by trigger name.
inline std::map<QString, QString> caseAuditTriggers(Store& store) {
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name LIKE 'audit\\_%' ESCAPE '\\' AND tbl_name <> 'audit_event'")))
        qFatal("Listing the audit triggers failed: %s", qPrintable(query.lastError().text()));
    std::map<QString, QString> triggers;
    while (query.next())
        triggers.emplace(query.value(0).toString(), query.value(1).toString());
    return triggers;
}

inline void dropCaseAuditTriggers(Store& store) {
    for (const auto& [name, sql] : caseAuditTriggers(store)) {
        QSqlQuery drop(store.database());
        if (!drop.exec(u"DROP TRIGGER " + name))
            qFatal("Dropping %s failed: %s", qPrintable(name), qPrintable(drop.lastError().text()));
    }
}

// Creates the case tables' audit triggers again in one transaction, from
// the script that the schema migration to version 7 runs.
inline void restoreCaseAuditTriggers(Store& store) {
    QSqlDatabase database = store.database();
    const Result<QString> script = auditTriggerScript(database);
    if (!script)
        qFatal("Writing the audit trigger script failed: %s", qPrintable(script.error().message));
    auto* driver = qobject_cast<SqlCipherDriver*>(database.driver());
    if (!driver)
        qFatal("The store's connection does not use the SQLCipher driver");
    if (!database.transaction())
        qFatal("Beginning a transaction failed: %s", qPrintable(database.lastError().text()));
    if (!driver->executeScript(*script))
        qFatal("Creating the audit triggers failed: %s", qPrintable(driver->lastError().text()));
    if (!database.commit())
        qFatal("Committing the audit triggers failed: %s", qPrintable(database.lastError().text()));
}

// Drops the case tables' audit triggers of a store for its lifetime. The
// destructor restores them and stops the program unless the store then
// has the same triggers, with the same SQL, as before.
class DroppedCaseAuditTriggers {
public:
    explicit DroppedCaseAuditTriggers(Store& store)
        : m_store(store)
        , m_triggers(caseAuditTriggers(store)) {
        if (m_triggers.empty())
            qFatal("The store has no audit triggers to drop");
        dropCaseAuditTriggers(store);
    }

    ~DroppedCaseAuditTriggers() {
        restoreCaseAuditTriggers(m_store);
        if (caseAuditTriggers(m_store) != m_triggers)
            qFatal("The restored audit triggers differ from the ones dropped");
    }

    DroppedCaseAuditTriggers(const DroppedCaseAuditTriggers&) = delete;
    DroppedCaseAuditTriggers& operator=(const DroppedCaseAuditTriggers&) = delete;

private:
    Store& m_store;
    std::map<QString, QString> m_triggers;
};

} // namespace earlyhelp::bench
