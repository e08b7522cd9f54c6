#pragma once

#include <QJsonObject>
#include <QString>

struct sqlite3;

namespace earlyhelp {

// The SQL functions that the audit triggers of schema 7 call, and the audit
// state they read: the actor and the cause, kept per connection and dropped
// when the connection closes. Every connection that writes case records needs
// them, because the triggers fail with "no such function" without them.
//
//   earlyhelp_audit_user(applying), earlyhelp_audit_role(applying): the actor,
//     or '' while a pulled page is applied (applying = 1 or cause "sync").
//   earlyhelp_audit_cause(applying): the cause, or "sync" while applying.
//   earlyhelp_audit_context(applying): a JSON object to merge into details:
//     {} without a cause, else {"via": cause} and the cause's details.
//   earlyhelp_audit_salt(): 16 random bytes.
//   earlyhelp_audit_digest(salt, details), earlyhelp_audit_hash(prev_hash, seq,
//     at, user_name, role_code, action, record_type, record_id, family_id,
//     person_id, details_digest): the chain of core/audit/auditchain.h.

// Registers the functions and a fresh audit state on connection. Returns
// SQLite's result code.
[[nodiscard]] int registerAuditFunctions(sqlite3* connection);

// The user and role code that audit events name. Empty until set.
void setAuditActor(sqlite3* connection, const QString& user, const QString& roleCode);
[[nodiscard]] QString auditUser(sqlite3* connection);
[[nodiscard]] QString auditRoleCode(sqlite3* connection);

// The cause of the writes that follow ("sync", "erasure", …) and its details,
// or an empty cause for writes the actor makes.
void setAuditCause(sqlite3* connection, const QString& cause, const QJsonObject& details);
[[nodiscard]] QString auditCause(sqlite3* connection);
[[nodiscard]] QJsonObject auditCauseDetails(sqlite3* connection);

} // namespace earlyhelp
