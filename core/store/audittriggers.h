#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace earlyhelp {

// Returns the tables of the store open on database whose writes the audit
// trail records: every table except SQLite's own, the sync_* and audit_*
// tables, agreement_version, safeguarding_transfer, retention_review,
// erasure_tombstone, the person search index and virtual tables.
[[nodiscard]] Result<QStringList> auditedTables(const QSqlDatabase& database);

// Returns the script that creates an AFTER INSERT, UPDATE and DELETE audit
// trigger on every audited table, written from the table's columns as
// PRAGMA table_info reports them. Each trigger inserts one audit_event row,
// and the chain trigger on audit_event completes it:
//   insert: "create" ("policy-override" for override_use);
//   update of any column other than revision and updated_at: "update" with
//     details.fields = {column: {"old": v, "new": v}} of the changed columns,
//     or "delete" / "restore" when deleted goes from 0 to 1 / 1 to 0;
//   delete: "purge" under the cause "sync" or while sync_state.applying = 1,
//     "erase" under the cause "erasure", else "delete" with details.hard.
// details also carries earlyhelp_audit_context(). family_id and person_id
// come from the table's own columns where it has them.
//
// NOTE: with these triggers a store write takes about 1.5 times as long as
// an unaudited one (bench_audit, docs/benchmarks.md), because the event, the
// head and their index entries add about four encrypted pages to the commit.
//
// NOTE: the triggers list the columns a table has when the script runs. A
// later migration that adds a column to an audited table must drop and
// create that table's triggers again with this script.
[[nodiscard]] Result<QString> auditTriggerScript(const QSqlDatabase& database);

} // namespace earlyhelp
