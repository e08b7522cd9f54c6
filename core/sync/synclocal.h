#pragma once

// The store's side of sync: what waits to be pushed, what the server last
// agreed each record held, applying the server's feed, purges and conflicts.
//
// Schema 6 adds the tables this class keeps:
// - sync_outbox: one row per record changed locally since it was last
//   pushed. Triggers on every table sync carries (person, address, contact,
//   relationship, family, family_member, case_note, consent,
//   sharing_decision) write it in the same transaction as the change.
// - sync_record: per record, the server revision and the field values the
//   server and this store last agreed on (the base of the next change), and
//   the owning organisation.
// - sync_conflict, sync_purge, sync_state (the pull cursor and the last
//   sync's time, server time and outcome).

#include "access/access.h"
#include "common/result.h"
#include "sharing/agreementstate.h"
#include "sync/syncconnection.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::sync {

// One change of one record, as POST /api/v1/push carries it.
struct OutgoingChange {
    QString changeId;   // made once per change and kept when it is sent again
    QString recordType; // wire name: "person", "caseNote", "consent", …
    QString recordId;
    qint64 baseRevision = 0;
    QJsonObject fields; // only fields that changed since the base, and only shareable ones
    std::optional<bool> deleted;
    QString familyId; // the subject
    QString personId;
    QJsonObject links;
    QStringList resolves; // conflict ids this change settles
    // The owner erased the record. The change carries no fields and
    // deleted = true. The server keeps only a tombstone of the record and
    // sends every holder a purge of it. retention::Erasure queues it.
    bool erased = false;
    // Set by SyncLocal::rejected() only, and not sent: the server's error
    // code and message for the rejected change.
    QString error;
    QString message;

    [[nodiscard]] QJsonObject toJson() const;
};

// The server's result for one change.
struct PushResult {
    enum class Status { Accepted, Conflict, Rejected };
    QString changeId;
    Status status = Status::Rejected;
    qint64 revision = 0;
    QJsonArray conflicts; // for Conflict: the server's conflict objects
    QString error;        // for Rejected: the server's error code
    QString message;

    // Reads one element of a push answer's "results"; InvalidInput naming
    // the member when it is malformed.
    [[nodiscard]] static Result<PushResult> fromJson(const QJsonObject& object);
};

// A field changed on two sides to different values, kept until a person
// chooses.
struct SyncConflict {
    QString conflictId;
    QString recordType;
    QString recordId;
    QString fieldId;
    QString recordLabel; // "Amara Fenwick", "Case note 03/11/2026", translated
    QString fieldLabel;  // the catalogue's label of fieldId, translated
    QJsonValue localValue;  // what this store holds now
    QJsonValue serverValue; // what the server kept
    QJsonValue otherValue;  // the value the server did not take
    ServerOrganisation otherOrganisation;
    QDateTime createdAt; // UTC, the server's time
    bool open = true;
    QJsonValue resolvedValue;
    QDateTime resolvedAt; // UTC
};

// A record deleted from this store because its organisation may no longer
// hold it.
struct PurgeRecord {
    QString recordType;
    QString recordId;
    QString familyId;
    QString reason;
    QDateTime purgedAt; // UTC, this device's time
};

// The counts of one applied page of the feed.
struct ApplySummary {
    int records = 0;   // records inserted or updated
    int purged = 0;    // records deleted, plus records that lost fields
    int conflicts = 0; // conflicts added or closed
};

// The last sync as sync_state keeps it.
struct SyncState {
    qint64 cursor = 0;
    QDateTime lastAttemptAt;   // UTC
    QDateTime lastCompleteAt;  // UTC, the last sync that exchanged everything
    QDateTime lastServerTime;  // UTC
    qint64 clockSkewSeconds = 0; // this device's clock minus the server's
    QString lastError;         // empty after a sync that exchanged everything
};

class SyncLocal {
public:
    explicit SyncLocal(Store& store);

    // Builds up to maxChanges changes from the outbox, oldest first. A row
    // that already has a change id sent before goes again with the same id
    // and the same body. For other rows, the record's family is collected
    // (sharing::collectFamilyRecords) and each record's fields become the
    // union of what policy::buildPayload() allows for every recipient party
    // type and purpose of the agreement in state; a new change carries the
    // fields that differ from the base, gets a new change id, and is stored
    // before it is returned. A record with nothing to send leaves the outbox.
    // A family without consents or sharing decisions is not sent. A family's
    // consents and sharing decisions go as consent and sharingDecision
    // records.
    [[nodiscard]] Result<QList<OutgoingChange>> nextBatch(const sharing::AgreementState& state, QDate today,
                                                          int maxChanges);

    // Records the server's answers to sent, in one transaction: an accepted
    // change becomes the record's base and leaves the outbox, unless the
    // record changed again meanwhile; a conflict does the same for the
    // fields the server applied and keeps the conflicts; a rejected change
    // stays in the outbox with its error, so the outcome reports it. In the
    // same transaction it appends an audit Share event per person (or
    // family, for family-level records), recipient and purpose for the
    // fields the server accepted, which policy::buildPayload() allows under
    // state's agreement as of today. A consent or sharing decision accepted
    // for a family records what the server holds of the whole family for
    // the recipients then named. Consents and decisions themselves, and
    // changes to another organisation's records, are not Share events.
    [[nodiscard]] Status recordResults(const QList<OutgoingChange>& sent, const QList<PushResult>& results,
                                       const sharing::AgreementState& state, QDate today);

    // Applies one page of GET /api/v1/pull entries and moves the cursor to
    // next, in one transaction, so an interrupted pull resumes after the
    // last page applied. Records of another organisation are inserted with
    // an organisation row for their owner (localOrganisationOf maps the
    // server's id of this store's own organisation to the local one). A
    // field this store changed since the base keeps the local value; the
    // next push sends it. Purges delete the record and everything the store
    // holds under it, and are written to sync_purge.
    [[nodiscard]] Result<ApplySummary> applyPull(const QJsonArray& entries, qint64 next,
                                                 const QString& ownServerOrganisationId);

    [[nodiscard]] Result<SyncState> state() const;
    // Records the end of a sync attempt.
    [[nodiscard]] Status recordAttempt(const QDateTime& serverTime, const QString& error);

    // Rows of sync_outbox: records waiting to be pushed.
    [[nodiscard]] Result<int> pendingCount() const;
    // Changes the server rejected, with the server's message, for a report.
    [[nodiscard]] Result<QList<OutgoingChange>> rejected() const;

    [[nodiscard]] Result<QList<SyncConflict>> conflicts(bool openOnly = true) const;
    [[nodiscard]] Result<QList<PurgeRecord>> purges() const;

    // Settles an open conflict with chosen, which must be its serverValue
    // or its otherValue: writes chosen to the local record (an edit, so it
    // needs EditCase) and queues a change that carries it and resolves the
    // conflict. NotFound for an unknown id, InvalidInput for a conflict
    // already resolved or a value that is neither side's.
    [[nodiscard]] Status resolveConflict(const access::Actor& actor, const QString& conflictId,
                                         const QJsonValue& chosen);

private:
    Store& m_store;
};

} // namespace earlyhelp::sync
