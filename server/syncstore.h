#pragma once

#include "common/result.h"
#include "serverdatabase.h"

#include <QJsonObject>
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
};

// The result of applying one change.
struct ChangeOutcome {
    enum class Status { Accepted, Conflict, Rejected };
    enum class Rejection { None, NotOwner, ChangeIdReused };

    Status status = Status::Accepted;
    Rejection rejection = Rejection::None;
    // Accepted: the record's new revision. Conflict: the server's current
    // revision (0 when the record does not exist). Rejected: 0.
    qint64 revision = 0;
    // Conflict only: the server's value of each field the change touches,
    // null where the server has none.
    QJsonObject serverFields;
    bool serverDeleted = false; // Conflict only
};

// One record in a pull page, as it is now.
struct FeedEntry {
    qint64 sequence = 0; // the sequence of the record's last change
    QString recordType;
    QString recordId;
    qint64 revision = 0;
    QJsonObject fields;
    bool deleted = false;
    QString familyId; // empty when none
    QString personId;
};

struct FeedPage {
    QList<FeedEntry> entries;
    qint64 next = 0; // the cursor for the next pull
    bool more = false;
};

// The synced records of every organisation and the log of accepted changes
// (tables record, change and change_sequence). Like Registry it keeps no
// state between calls and uses the calling thread's connection.
class SyncStore {
public:
    explicit SyncStore(ServerDatabase& database)
        : m_database(database) {}

    // Applies one change in its own transaction for a device of
    // organisationId. A change id accepted before gets its first answer and
    // nothing is written again. Errors are Database errors, and then nothing
    // of this change is written.
    [[nodiscard]] Result<ChangeOutcome> apply(const RecordChange& change, const QString& deviceId,
                                              const QString& organisationId);

    // Reads up to limit records of organisationId whose last change has a
    // sequence after `after`, in sequence order.
    [[nodiscard]] Result<FeedPage> pull(const QString& organisationId, qint64 after, int limit);

private:
    ServerDatabase& m_database;
};

} // namespace earlyhelp::server
