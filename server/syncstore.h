#pragma once

#include "common/result.h"
#include "serverdatabase.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QList>
#include <QString>

#include <optional>

namespace earlyhelp::server {

// One change a device pushes: new values for some fields of one record,
// against the revision the device last saw. Ids are lower-case UUIDs.
struct RecordChange {
    QString changeId;
    QString recordType; // a record type name of the field catalogue, such as "person"
    QString recordId;
    qint64 baseRevision = 0; // 0 for a record the device creates
    QJsonObject fields;      // catalogue field id → value
    // Sets or clears the record's deleted flag. When empty, the stored flag
    // stays, and a new record is not deleted.
    std::optional<bool> deleted;
    // The family and person the record is about. Applied only when
    // hasSubject is set, and then an empty id clears the stored one.
    bool hasSubject = false;
    QString familyId;
    QString personId;
    // Replaces the stored links when set (see docs/sync-protocol.md).
    std::optional<QJsonObject> links;
    QStringList resolves; // ids of the conflicts this change settles
    // The owner erased the record: the server keeps the record row as a
    // tombstone without fields, blanks the fields of its stored changes and
    // conflicts, and turns every holder's delivery into a purge with the
    // reason "erased". Only the owner may erase.
    bool erased = false;
};

// A field that two organisations changed from the same base revision.
struct FieldConflict {
    QString conflictId;
    QString fieldId;
    QJsonValue serverValue;
    QJsonValue yourValue;
};

// The result of applying one change.
struct ChangeOutcome {
    enum class Status { Accepted, Conflict, Rejected };
    enum class Rejection { None, NotOwner, ChangeIdReused, InvalidBaseRevision };

    Status status = Status::Accepted;
    Rejection rejection = Rejection::None;
    // Accepted and Conflict: the record's revision after the change, which
    // is unchanged when every field conflicted. Rejected: the server's
    // revision, 0 when the record does not exist.
    qint64 revision = 0;
    // Conflict only: the fields the server kept its own value of.
    QList<FieldConflict> conflicts;
    // The result stored when the change id was first applied, sent again
    // as it is. Empty for a change applied now.
    QJsonObject storedResult;
    // Whether this call stored the change. False for a rejection and for a
    // change id applied before.
    bool stored = false;
};

// One entry of an organisation's feed, in one of three kinds.
struct FeedEntry {
    enum class Kind { Record, Purge, Conflict };
    Kind kind = Kind::Record;
    qint64 sequence = 0;
    QString recordType;
    QString recordId;
    // Record: the record as the organisation may hold it.
    qint64 revision = 0;
    QJsonObject owner; // {"id", "name", "partyType"}
    QJsonObject fields;
    bool deleted = false;
    QString familyId; // empty when none
    QString personId;
    QJsonObject links;
    QStringList purgeFields;
    // Purge: why the organisation must delete the record.
    QString reason;
    // Conflict.
    QString conflictId;
    QString fieldId;
    QJsonValue serverValue;
    QJsonValue otherValue;
    QJsonObject otherOrganisation;
    QString status; // "open" or "resolved"
    QJsonValue resolvedValue;
    qint64 createdAt = 0;
    qint64 resolvedAt = 0; // 0 while open
};

struct FeedPage {
    QList<FeedEntry> entries;
    qint64 next = 0; // the cursor for the next pull
    bool more = false;
};

// The synced records of every organisation, the log of accepted changes,
// what other organisations hold of them and the conflicts between them
// (tables record, change, change_sequence, delivery and sync_conflict).
// Like Registry it keeps no state between calls and uses the calling
// thread's connection.
class SyncStore {
public:
    explicit SyncStore(ServerDatabase& database)
        : m_database(database) {}

    // Applies one change in its own transaction for a device of
    // organisationId, merging fields against a stale base revision, and
    // queues the record's family in the same transaction, for
    // recomputeQueuedFamilies() to recompute what other organisations hold. A change id applied before gets its stored
    // result and nothing is written again. Each call appends one "push"
    // audit event naming deviceId: in the change's transaction when it is
    // stored, otherwise in a transaction of its own. Errors are Database
    // errors, and then nothing of this change is written.
    [[nodiscard]] Result<ChangeOutcome> apply(const RecordChange& change, const QString& deviceId,
                                              const QString& organisationId);

    // Reads up to limit entries of organisationId's feed after the sequence
    // `after`, in sequence order: its own records, records it holds, purges
    // and conflicts it is party to.
    [[nodiscard]] Result<FeedPage> pull(const QString& organisationId, qint64 after, int limit);

    // Recomputes what other organisations hold of each queued family, one
    // family per transaction, and removes it from the queue. A push calls it
    // after its last change, so a family changed many times in one batch is
    // recomputed once; a pull calls it first, so a family queued by a push
    // that was cut off is recomputed before any feed is read.
    [[nodiscard]] Status recomputeQueuedFamilies();

    // Recomputes, in one transaction, what every organisation holds of
    // every family, as after an agreement is published.
    [[nodiscard]] Status recomputeAllFamilies();

private:
    ServerDatabase& m_database;
};

} // namespace earlyhelp::server
