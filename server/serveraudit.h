#pragma once

// The server's audit trail: one event for every enrolment, every pushed
// change, every pull, every new audit anchor and every admin command that
// changes the registry, chained by hash in the table audit_event (schema
// version 5).
//
// Each event's hash is SHA-256 over the previous event's hash (32 bytes)
// followed by a length-prefixed encoding of its columns (auditEventHash()).
// audit_head contains the sequence and hash of the newest event, so
// removing the last events also shows. Details contain counts and ids, and
// never a record's field values, an enrolment code or a credential.

#include "common/result.h"
#include "serverdatabase.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace earlyhelp::server {

// The kind of a server audit event. The stored code of each is in brackets.
enum class ServerAuditAction {
    Enrol,                 // "enrol": a device enrolled with a code
    Push,                  // "push": one pushed change and its result
    Pull,                  // "pull": one page of a device's feed
    AdminOrgAdd,           // "admin-org-add"
    AdminEnrolCode,        // "admin-enrol-code": details.expiresAt, never the code
    AdminDeviceRevoke,     // "admin-device-revoke"
    AdminAgreementPublish, // "admin-agreement-publish": details.version, details.documentSha256
    AuditAnchor,           // "audit-anchor": a device's audit head from a push: details.seq, details.hash
};

[[nodiscard]] QString serverAuditActionCode(ServerAuditAction action);

// An event to append.
struct ServerAuditEntry {
    ServerAuditAction action = ServerAuditAction::Push;
    QString deviceId;       // empty for admin commands
    QString organisationId; // empty when none
    QJsonObject details;
};

// One stored event.
struct ServerAuditEvent {
    qint64 sequence = 0;
    qint64 at = 0; // milliseconds since the Unix epoch (UTC)
    QString deviceId;
    QString organisationId;
    QString actionCode;      // as stored, so an unknown code still lists
    QString details;         // the stored JSON text, which the hash covers byte for byte
    QByteArray previousHash; // 32 bytes
    QByteArray hash;         // 32 bytes
};

// The result of ServerAuditTrail::verify().
struct ServerAuditReport {
    qint64 events = 0; // events checked
    bool intact = true;
    // When not intact: the first event found altered, or the first sequence
    // missing, and what is wrong.
    qint64 firstBadSequence = 0;
    QString problem;
};

// Returns SHA-256 over previousHash followed by the event's tag, sequence,
// time, device id, organisation id, action and details, each as a 4-byte
// big-endian length and its UTF-8 bytes. Numbers are in decimal.
[[nodiscard]] QByteArray auditEventHash(const QByteArray& previousHash, const ServerAuditEvent& event);

// Appends one event inside the transaction open on database, so that it
// commits or rolls back with the writes it records, and returns its
// sequence. Updating audit_head first locks its row (PostgreSQL) or the
// database (SQLite) until commit, so appends from several server processes
// take sequences one at a time and each event chains to the one before.
[[nodiscard]] Result<qint64> appendAuditEvent(QSqlDatabase& database, const ServerAuditEntry& entry);

// Reads, appends in a transaction of its own, and checks the audit trail.
// Uses the calling thread's connection, like Registry.
class ServerAuditTrail {
public:
    explicit ServerAuditTrail(ServerDatabase& database)
        : m_database(database) {}

    // Appends one event in a transaction of its own, for requests that
    // write nothing else, such as a pull.
    [[nodiscard]] Result<qint64> append(const ServerAuditEntry& entry);

    // Returns up to limit events, newest first, all or of one device.
    [[nodiscard]] Result<QList<ServerAuditEvent>> list(const QString& deviceId, int limit);

    // Recomputes every event's hash from the first event on and checks that
    // sequences run from 1 without gaps up to the head in audit_head.
    // NOTE: someone who can write to the database can rewrite every hash
    // after the event they change, and the head, and this check then
    // passes. It shows changes made without doing that.
    [[nodiscard]] Result<ServerAuditReport> verify();

private:
    ServerDatabase& m_database;
};

} // namespace earlyhelp::server
