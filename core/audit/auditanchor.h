#pragma once

// Audit anchors: the store's audit head (the sequence and hash of its newest
// event) that each sync push sends to the sync server, and the check of the
// local trail against the anchors the server recorded. The local chain
// (verifyAuditChain()) is unkeyed, so anyone with the store key can alter
// an event and recompute every later hash and the head. An anchor kept on
// the server shows such a rewrite of any event up to the anchored one.
// Events after the last push are not anchored (docs/audit.md).

#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::audit {

// The newest event of the trail, as audit_head records it. sequence is 0 and
// hash 32 zero bytes for an empty trail.
struct AuditHead {
    qint64 sequence = 0;
    QByteArray hash; // 32 bytes
};

// An audit head that the sync server recorded from a push of this store.
struct AuditAnchor {
    qint64 sequence = 0;
    QByteArray hash;      // 32 bytes
    QDateTime receivedAt; // UTC
};

// The result of checkAuditAnchors().
struct AnchorReport {
    qint64 matched = 0; // anchors whose event's hash matches
    bool intact = true;
    // When not intact: the anchored sequence found different or missing, and
    // what is wrong, for the user.
    qint64 firstBadSequence = 0;
    QString problem;
};

// Returns the store's audit head. StoreDamaged when audit_head has no row,
// and the store's query errors when it cannot be read.
[[nodiscard]] Result<AuditHead> readAuditHead(Store& store);

// Checks each anchor against the stored hash of the event with its
// sequence, and reports the lowest sequence whose event differs or that the
// trail no longer reaches, with the date (dd/MM/yyyy, local time) on which
// the server recorded it. The anchors may come in any order. An empty list
// is intact with nothing matched. Returns Database when the check could not
// run.
[[nodiscard]] Result<AnchorReport> checkAuditAnchors(Store& store, const QList<AuditAnchor>& anchors);

} // namespace earlyhelp::audit
