#pragma once

// Audit anchors: the head of each device's own audit trail (the sequence and
// hash of its newest event) as the device sent it with a push. A device
// compares its trail with these later, so an event rewritten on the device
// after a push shows even when the device's local chain check passes,
// because the server's copy is out of the reach of anyone with the
// device's store key (docs/audit.md).

#include "common/result.h"
#include "serverdatabase.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace earlyhelp::server {

// The head of a device's audit trail as a push carries it.
struct AuditHead {
    qint64 sequence = 0; // 1 or more
    QByteArray hash;     // 32 bytes of SHA-256
};

// One stored anchor.
struct AuditAnchor {
    qint64 sequence = 0;
    QByteArray hash;       // 32 bytes
    qint64 receivedAt = 0; // milliseconds since the Unix epoch (UTC)
    // True when the device had anchored this sequence before with another
    // hash, which shows that its trail was rewritten in between.
    bool conflict = false;
};

// The result of recording an anchor.
enum class AnchorOutcome {
    Recorded, // a new sequence, stored and audited
    Repeated, // the same sequence and hash as before: nothing stored
    Conflict, // a known sequence with another hash: stored as a conflict and audited
};

// Stores and lists the anchors of devices in the table audit_anchor (schema
// version 6). Uses the calling thread's connection, like Registry.
class AuditAnchorStore {
public:
    explicit AuditAnchorStore(ServerDatabase& database)
        : m_database(database) {}

    // Records head for deviceId in a transaction of its own, with an
    // "audit-anchor" event in the server's audit trail whose details are
    // the sequence and the hash in Base64. A repeat of a stored pair changes
    // nothing and appends no event.
    [[nodiscard]] Result<AnchorOutcome> record(const QString& deviceId, const QString& organisationId,
                                               const AuditHead& head);

    // Returns up to limit anchors of deviceId, newest first (by the time
    // received, then by sequence and hash), after skipping the offset
    // newest. An
    // anchor recorded while a caller pages through the list moves the older
    // ones one place on, so the next page repeats one but skips none.
    [[nodiscard]] Result<QList<AuditAnchor>> list(const QString& deviceId, int limit, qint64 offset = 0);

private:
    ServerDatabase& m_database;
};

} // namespace earlyhelp::server
