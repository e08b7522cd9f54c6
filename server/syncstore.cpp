#include "syncstore.h"

#include "serveraudit.h"
#include "sharingfeed.h"
#include "syncrequest.h"

#include "policy/signature.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

// Rolls the transaction back when it goes out of scope uncommitted.
class Transaction {
public:
    explicit Transaction(QSqlDatabase& database)
        : m_database(database) {}
    ~Transaction() {
        if (m_open)
            m_database.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] bool begin() {
        m_open = m_database.transaction();
        return m_open;
    }
    [[nodiscard]] bool commit() {
        const bool committed = m_database.commit();
        m_open = !committed;
        return committed;
    }
    void rollback() {
        if (m_open)
            m_database.rollback();
        m_open = false;
    }

private:
    QSqlDatabase& m_database;
    bool m_open = false;
};

QString toJsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QVariant nullableText(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString jsonValueText(const QJsonValue& value) {
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonValue jsonValueFromText(const QVariant& text) {
    if (text.isNull())
        return QJsonValue();
    return QJsonDocument::fromJson(text.toString().toUtf8()).array().at(0);
}

QVariant nullableJson(const std::optional<QJsonObject>& object) {
    return object ? QVariant(toJsonText(*object)) : QVariant(QMetaType::fromType<QString>());
}

// Returns whether organisationId, which does not own the record, may make
// the change: it holds every field the change sets, and the change leaves
// the record's deleted flag, subject and links as they are. Sending them
// unchanged is allowed.
Result<bool> holderMayChange(QSqlDatabase& database, const RecordChange& change, const QString& organisationId,
                             bool deleted, const QString& familyId, const QString& personId,
                             const std::optional<QJsonObject>& links) {
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT fields FROM delivery WHERE organisation_id = ? AND record_type = ? "
                                 "AND record_id = ? AND purged = 0"));
    query.addBindValue(organisationId);
    query.addBindValue(change.recordType);
    query.addBindValue(change.recordId);
    if (!query.exec())
        return std::unexpected(
            databaseError(Text::tr("reading the delivery of %1").arg(change.recordId), query.lastError()));
    const QJsonObject held = query.next() ? fromJsonText(query.value(0).toString()) : QJsonObject();

    const bool sameSubject = !change.hasSubject || (change.familyId == familyId && change.personId == personId);
    bool allowed = !held.isEmpty() && change.deleted.value_or(deleted) == deleted && sameSubject &&
                   (!change.links || change.links == links);
    for (auto it = change.fields.begin(); allowed && it != change.fields.end(); ++it)
        allowed = held.contains(it.key());
    return allowed;
}

// Returns the fields changed on the server since the change's base
// revision: those of every stored change of the record with a newer
// revision.
Result<QSet<QString>> fieldsChangedSince(QSqlDatabase& database, const RecordChange& change, qint64 revision) {
    QSet<QString> changedSinceBase;
    if (change.baseRevision >= revision)
        return changedSinceBase;
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT fields FROM change WHERE record_type = ? AND record_id = ? "
                                 "AND new_revision > ?"));
    query.addBindValue(change.recordType);
    query.addBindValue(change.recordId);
    query.addBindValue(change.baseRevision);
    if (!query.exec())
        return std::unexpected(
            databaseError(Text::tr("reading the changes of %1").arg(change.recordId), query.lastError()));
    while (query.next()) {
        const QJsonObject changed = fromJsonText(query.value(0).toString());
        for (auto it = changed.begin(); it != changed.end(); ++it)
            changedSinceBase.insert(it.key());
    }
    return changedSinceBase;
}

// Inserts each conflict as open, under a sequence of its own.
Status insertConflicts(QSqlDatabase& database, const RecordChange& change, const QList<FieldConflict>& conflicts,
                       const QString& organisationId, const QString& deviceId, qint64 now) {
    QSqlQuery query(database);
    for (const FieldConflict& conflict : conflicts) {
        auto conflictSequence = takeSequence(database);
        if (!conflictSequence)
            return std::unexpected(conflictSequence.error());
        query.prepare(QStringLiteral("INSERT INTO sync_conflict (id, record_type, record_id, field_id, "
                                     "server_value, other_value, other_org_id, device_id, created_at, status, "
                                     "sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)"));
        query.addBindValue(conflict.conflictId);
        query.addBindValue(change.recordType);
        query.addBindValue(change.recordId);
        query.addBindValue(conflict.fieldId);
        query.addBindValue(jsonValueText(conflict.serverValue));
        query.addBindValue(jsonValueText(conflict.yourValue));
        query.addBindValue(organisationId);
        query.addBindValue(deviceId);
        query.addBindValue(now);
        query.addBindValue(*conflictSequence);
        if (!query.exec())
            return std::unexpected(
                databaseError(Text::tr("recording a conflict on %1").arg(change.recordId), query.lastError()));
    }
    return {};
}

// Settles the conflicts the change names, with the record's value of the
// field after the change (fields). A conflict of another record is left as
// it is, and one already resolved stays as it was resolved.
Status resolveConflicts(QSqlDatabase& database, const RecordChange& change, const QJsonObject& fields,
                        qint64 now) {
    QSqlQuery query(database);
    for (const QString& conflictId : change.resolves) {
        query.prepare(QStringLiteral("SELECT field_id FROM sync_conflict WHERE id = ? AND record_type = ? "
                                     "AND record_id = ? AND status = 'open'"));
        query.addBindValue(conflictId);
        query.addBindValue(change.recordType);
        query.addBindValue(change.recordId);
        if (!query.exec())
            return std::unexpected(
                databaseError(Text::tr("reading conflict %1").arg(conflictId), query.lastError()));
        if (!query.next())
            continue;
        const QString fieldId = query.value(0).toString();
        query.finish();

        auto resolvedSequence = takeSequence(database);
        if (!resolvedSequence)
            return std::unexpected(resolvedSequence.error());
        const QJsonValue resolvedValue = fields.value(fieldId).isUndefined() ? QJsonValue() : fields.value(fieldId);
        query.prepare(QStringLiteral("UPDATE sync_conflict SET status = 'resolved', resolved_value = ?, "
                                     "resolved_at = ?, sequence = ? WHERE id = ?"));
        query.addBindValue(jsonValueText(resolvedValue));
        query.addBindValue(now);
        query.addBindValue(*resolvedSequence);
        query.addBindValue(conflictId);
        if (!query.exec())
            return std::unexpected(
                databaseError(Text::tr("resolving conflict %1").arg(conflictId), query.lastError()));
    }
    return {};
}

// The "push" audit event of one change: ids, counts and the result, never
// the values.
ServerAuditEntry pushAuditEntry(const RecordChange& change, const ChangeOutcome& outcome,
                                const QString& deviceId, const QString& organisationId) {
    QString result;
    switch (outcome.status) {
    case ChangeOutcome::Status::Accepted:
        result = outcome.stored ? QStringLiteral("accepted") : QStringLiteral("repeated");
        break;
    case ChangeOutcome::Status::Conflict:
        result = QStringLiteral("conflict");
        break;
    case ChangeOutcome::Status::Rejected:
        result = QStringLiteral("rejected");
        break;
    }
    QJsonObject details{{QStringLiteral("changeId"), change.changeId},
                        {QStringLiteral("recordType"), change.recordType},
                        {QStringLiteral("recordId"), change.recordId},
                        {QStringLiteral("baseRevision"), change.baseRevision},
                        {QStringLiteral("revision"), outcome.revision},
                        {QStringLiteral("fieldCount"), change.fields.size()},
                        {QStringLiteral("result"), result}};
    if (!outcome.conflicts.isEmpty())
        details.insert(QStringLiteral("conflictCount"), outcome.conflicts.size());
    if (outcome.status == ChangeOutcome::Status::Rejected) {
        const QJsonObject json = changeResultJson(change, outcome);
        details.insert(QStringLiteral("error"), json.value(QStringLiteral("error")));
    }
    return ServerAuditEntry{ServerAuditAction::Push, deviceId, organisationId, details};
}

// Runs one statement of an erasure; the error names what failed.
Status runErasureStatement(QSqlDatabase& database, const QString& sql, const QVariantList& binds,
                           const QString& recordId) {
    QSqlQuery query(database);
    query.prepare(sql);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(databaseError(Text::tr("erasing record %1").arg(recordId), query.lastError()));
    return {};
}

// Applies an erasure by the record's owner inside the push transaction.
// The record becomes a tombstone without fields, marked deleted. The fields
// of its stored changes and its conflict values are blanked, and every
// holder's delivery becomes a purge with the reason "erased" at sequence.
// A record the server never had is recorded as accepted and changes nothing
// else.
Result<ChangeOutcome> applyErasure(QSqlDatabase& database, const RecordChange& change, const QString& deviceId,
                                   const QString& organisationId, bool exists, qint64 revision,
                                   const QString& familyId, qint64 sequence) {
    const qint64 now = nowMs();
    const qint64 newRevision = exists ? revision + 1 : revision;
    const QVariantList key{change.recordType, change.recordId};
    if (exists) {
        if (Status done = runErasureStatement(
                database,
                QStringLiteral("UPDATE record SET revision = ?, fields = '{}', deleted = 1, links = NULL, "
                               "updated_at = ?, change_sequence = ? WHERE record_type = ? AND record_id = ?"),
                QVariantList{newRevision, now, sequence} + key, change.recordId);
            !done)
            return std::unexpected(done.error());
        if (Status done = runErasureStatement(
                database, QStringLiteral("UPDATE change SET fields = '{}', answer = NULL WHERE record_type = ? "
                                         "AND record_id = ?"),
                key, change.recordId);
            !done)
            return std::unexpected(done.error());
        if (Status done = runErasureStatement(
                database,
                QStringLiteral("UPDATE sync_conflict SET server_value = '[null]', other_value = '[null]', "
                               "resolved_value = CASE WHEN resolved_value IS NULL THEN NULL ELSE '[null]' END "
                               "WHERE record_type = ? AND record_id = ?"),
                key, change.recordId);
            !done)
            return std::unexpected(done.error());
        if (Status done = runErasureStatement(
                database,
                QStringLiteral("UPDATE delivery SET fields = '{}', purge_fields = '[]', purged = 1, "
                               "reason = 'erased', sequence = ? WHERE record_type = ? AND record_id = ?"),
                QVariantList{sequence} + key, change.recordId);
            !done)
            return std::unexpected(done.error());
    }

    ChangeOutcome outcome;
    outcome.status = ChangeOutcome::Status::Accepted;
    outcome.revision = newRevision;
    if (Status done = runErasureStatement(
            database,
            QStringLiteral("INSERT INTO change (sequence, change_id, device_id, organisation_id, record_type, "
                           "record_id, base_revision, new_revision, fields, deleted, received_at, answer) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', 1, ?, ?)"),
            {sequence, change.changeId, deviceId, organisationId, change.recordType, change.recordId,
             change.baseRevision, newRevision, now, toJsonText(changeResultJson(change, outcome))},
            change.recordId);
        !done)
        return std::unexpected(done.error());

    // The family's other records may depend on this one (a member who left),
    // so its deliveries are recomputed as after any change.
    const QString recordFamily = change.recordType == u"family" ? change.recordId : familyId;
    if (!recordFamily.isEmpty()) {
        if (Status done = runErasureStatement(
                database,
                QStringLiteral("INSERT INTO family_recompute (family_id, queued_at) VALUES (?, ?) "
                               "ON CONFLICT (family_id) DO NOTHING"),
                {recordFamily, now}, change.recordId);
            !done)
            return std::unexpected(done.error());
    }
    return outcome;
}

// Applies one change inside the open transaction. The caller commits when
// the outcome is stored and rolls back otherwise.
Result<ChangeOutcome> applyChange(QSqlDatabase& database, const RecordChange& change, const QString& deviceId,
                                  const QString& organisationId) {
    // Taking the next sequence first locks the counter row until commit, so
    // changes are applied one at a time even across server instances.
    auto taken = takeSequence(database);
    if (!taken)
        return std::unexpected(taken.error());
    const qint64 sequence = *taken;

    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT organisation_id, record_type, record_id, new_revision, answer "
                                 "FROM change WHERE change_id = ?"));
    query.addBindValue(change.changeId);
    if (!query.exec())
        return std::unexpected(
            databaseError(Text::tr("looking up change %1").arg(change.changeId), query.lastError()));
    if (query.next()) {
        ChangeOutcome outcome;
        if (query.value(0).toString() == organisationId && query.value(1).toString() == change.recordType &&
            query.value(2).toString() == change.recordId) {
            outcome.status = ChangeOutcome::Status::Accepted;
            outcome.revision = query.value(3).toLongLong();
            // A change stored before results were kept was accepted.
            if (!query.value(4).isNull())
                outcome.storedResult = fromJsonText(query.value(4).toString());
        } else {
            outcome.status = ChangeOutcome::Status::Rejected;
            outcome.rejection = ChangeOutcome::Rejection::ChangeIdReused;
        }
        return outcome;
    }
    query.finish();

    query.prepare(QStringLiteral("SELECT organisation_id, revision, fields, deleted, family_id, person_id, links "
                                 "FROM record WHERE record_type = ? AND record_id = ?"));
    query.addBindValue(change.recordType);
    query.addBindValue(change.recordId);
    if (!query.exec()) {
        return std::unexpected(
            databaseError(Text::tr("reading record %1").arg(change.recordId), query.lastError()));
    }
    const bool exists = query.next();
    const QString owner = exists ? query.value(0).toString() : organisationId;
    const qint64 revision = exists ? query.value(1).toLongLong() : 0;
    QJsonObject fields = exists ? fromJsonText(query.value(2).toString()) : QJsonObject();
    bool deleted = exists && query.value(3).toInt() != 0;
    const QString oldFamilyId = exists ? query.value(4).toString() : QString();
    QString familyId = oldFamilyId;
    QString personId = exists ? query.value(5).toString() : QString();
    std::optional<QJsonObject> links;
    if (exists && !query.value(6).isNull())
        links = fromJsonText(query.value(6).toString());
    query.finish();

    if (change.erased) {
        if (exists && owner != organisationId) {
            ChangeOutcome outcome;
            outcome.status = ChangeOutcome::Status::Rejected;
            outcome.rejection = ChangeOutcome::Rejection::NotOwner;
            return outcome;
        }
        Result<ChangeOutcome> erasedOutcome =
            applyErasure(database, change, deviceId, organisationId, exists, revision, familyId, sequence);
        if (erasedOutcome)
            erasedOutcome->stored = true;
        return erasedOutcome;
    }

    if (owner != organisationId) {
        auto allowed = holderMayChange(database, change, organisationId, deleted, familyId, personId, links);
        if (!allowed)
            return std::unexpected(allowed.error());
        if (!*allowed) {
            ChangeOutcome outcome;
            outcome.status = ChangeOutcome::Status::Rejected;
            outcome.rejection = ChangeOutcome::Rejection::NotOwner;
            return outcome;
        }
    }
    if (change.baseRevision > revision) {
        ChangeOutcome outcome;
        outcome.status = ChangeOutcome::Status::Rejected;
        outcome.rejection = ChangeOutcome::Rejection::InvalidBaseRevision;
        outcome.revision = revision;
        return outcome;
    }

    auto changedSinceBase = fieldsChangedSince(database, change, revision);
    if (!changedSinceBase)
        return std::unexpected(changedSinceBase.error());

    const qint64 now = nowMs();
    QJsonObject applied;
    QList<FieldConflict> conflicts;
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        const QJsonValue serverValue = fields.value(it.key()).isUndefined() ? QJsonValue() : fields.value(it.key());
        if (!changedSinceBase->contains(it.key()) || serverValue == it.value()) {
            applied.insert(it.key(), it.value());
            continue;
        }
        conflicts.append(FieldConflict{QUuid::createUuid().toString(QUuid::WithoutBraces), it.key(), serverValue,
                                       it.value()});
    }

    const bool deletedChanges = change.deleted && *change.deleted != deleted;
    const bool subjectChanges =
        change.hasSubject && (change.familyId != familyId || change.personId != personId);
    const bool linksChange = change.links && change.links != links;
    const bool writes = !exists || !applied.isEmpty() || deletedChanges || subjectChanges || linksChange;

    for (auto it = applied.begin(); it != applied.end(); ++it)
        fields.insert(it.key(), it.value());
    deleted = change.deleted.value_or(deleted);
    if (change.hasSubject) {
        familyId = change.familyId;
        personId = change.personId;
    }
    if (change.links)
        links = change.links;
    const qint64 newRevision = writes ? revision + 1 : revision;
    const QString fieldsText = toJsonText(fields);

    if (writes && exists) {
        query.prepare(
            QStringLiteral("UPDATE record SET revision = ?, fields = ?, deleted = ?, family_id = ?, "
                           "person_id = ?, links = ?, updated_at = ?, change_sequence = ? "
                           "WHERE record_type = ? AND record_id = ?"));
        query.addBindValue(newRevision);
        query.addBindValue(fieldsText);
        query.addBindValue(deleted ? 1 : 0);
        query.addBindValue(nullableText(familyId));
        query.addBindValue(nullableText(personId));
        query.addBindValue(nullableJson(links));
        query.addBindValue(now);
        query.addBindValue(sequence);
        query.addBindValue(change.recordType);
        query.addBindValue(change.recordId);
    } else if (writes) {
        query.prepare(QStringLiteral("INSERT INTO record (record_type, record_id, organisation_id, revision, "
                                     "fields, deleted, family_id, person_id, links, updated_at, change_sequence) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(change.recordType);
        query.addBindValue(change.recordId);
        query.addBindValue(organisationId);
        query.addBindValue(newRevision);
        query.addBindValue(fieldsText);
        query.addBindValue(deleted ? 1 : 0);
        query.addBindValue(nullableText(familyId));
        query.addBindValue(nullableText(personId));
        query.addBindValue(nullableJson(links));
        query.addBindValue(now);
        query.addBindValue(sequence);
    }
    if (writes && !query.exec()) {
        return std::unexpected(
            databaseError(Text::tr("writing record %1").arg(change.recordId), query.lastError()));
    }

    if (Status recorded = insertConflicts(database, change, conflicts, organisationId, deviceId, now); !recorded)
        return std::unexpected(recorded.error());
    if (Status resolved = resolveConflicts(database, change, fields, now); !resolved)
        return std::unexpected(resolved.error());

    ChangeOutcome outcome;
    outcome.status = conflicts.isEmpty() ? ChangeOutcome::Status::Accepted : ChangeOutcome::Status::Conflict;
    outcome.revision = newRevision;
    outcome.conflicts = conflicts;

    query.prepare(QStringLiteral("INSERT INTO change (sequence, change_id, device_id, organisation_id, "
                                 "record_type, record_id, base_revision, new_revision, fields, deleted, "
                                 "received_at, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(sequence);
    query.addBindValue(change.changeId);
    query.addBindValue(deviceId);
    query.addBindValue(organisationId);
    query.addBindValue(change.recordType);
    query.addBindValue(change.recordId);
    query.addBindValue(change.baseRevision);
    query.addBindValue(newRevision);
    query.addBindValue(toJsonText(applied));
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(now);
    query.addBindValue(toJsonText(changeResultJson(change, outcome)));
    if (!query.exec()) {
        return std::unexpected(
            databaseError(Text::tr("recording change %1").arg(change.changeId), query.lastError()));
    }

    // The family the record belongs to, and the one it left, are queued for
    // recomputing in this transaction, so a change is never stored without
    // its family being recomputed later, even when the server stops.
    const QString recordFamily = change.recordType == u"family" ? change.recordId : familyId;
    for (const QString& family : {recordFamily, oldFamilyId}) {
        if (family.isEmpty())
            continue;
        query.prepare(QStringLiteral("INSERT INTO family_recompute (family_id, queued_at) VALUES (?, ?) "
                                     "ON CONFLICT (family_id) DO NOTHING"));
        query.addBindValue(family);
        query.addBindValue(now);
        if (!query.exec()) {
            return std::unexpected(
                databaseError(Text::tr("queueing family %1 for recomputing").arg(family), query.lastError()));
        }
    }

    outcome.stored = true;
    return outcome;
}

} // namespace

Result<ChangeOutcome> SyncStore::apply(const RecordChange& change, const QString& deviceId,
                                       const QString& organisationId) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    Transaction transaction(database);
    if (!transaction.begin())
        return std::unexpected(databaseError(Text::tr("starting a push transaction"), database.lastError()));
    auto outcome = applyChange(database, change, deviceId, organisationId);
    if (!outcome)
        return outcome;
    const ServerAuditEntry audit = pushAuditEntry(change, *outcome, deviceId, organisationId);

    // A change that is not stored leaves no sequence taken, so it is
    // audited after the rollback.
    if (!outcome->stored) {
        transaction.rollback();
        if (auto appended = ServerAuditTrail(m_database).append(audit); !appended)
            return std::unexpected(appended.error());
        return outcome;
    }

    if (auto appended = appendAuditEvent(database, audit); !appended)
        return std::unexpected(appended.error());
    if (!transaction.commit()) {
        return std::unexpected(
            databaseError(Text::tr("committing change %1").arg(change.changeId), database.lastError()));
    }
    return outcome;
}

Result<FeedPage> SyncStore::pull(const QString& organisationId, qint64 after, int limit) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    // The feed merges three sources, each read in sequence order with one
    // row more than the limit. When a source fills up, no entry after its
    // last row read can be placed yet, so the page ends there.
    const qint64 fetch = qint64(limit) + 1;
    QList<FeedEntry> entries;
    qint64 cutoff = std::numeric_limits<qint64>::max();
    bool sourceFull = false;

    const QString ownerColumns = QStringLiteral("o.id, o.name, o.party_type");
    const auto ownerJson = [](const QSqlQuery& row, int first) {
        return QJsonObject{{QStringLiteral("id"), row.value(first).toString()},
                           {QStringLiteral("name"), row.value(first + 1).toString()},
                           {QStringLiteral("partyType"), row.value(first + 2).toString()}};
    };

    // Own records, with every field.
    QSqlQuery query(database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT r.change_sequence, r.record_type, r.record_id, r.revision, r.fields, "
                                 "r.deleted, r.family_id, r.person_id, r.links, ") %
                  ownerColumns %
                  QStringLiteral(" FROM record r JOIN organisation o ON o.id = r.organisation_id "
                                 "WHERE r.organisation_id = ? AND r.change_sequence > ? "
                                 "ORDER BY r.change_sequence LIMIT ?"));
    query.addBindValue(organisationId);
    query.addBindValue(after);
    query.addBindValue(fetch);
    if (!query.exec())
        return std::unexpected(databaseError(Text::tr("reading the change feed"), query.lastError()));
    qint64 rows = 0;
    qint64 last = 0;
    while (query.next()) {
        FeedEntry entry;
        entry.sequence = query.value(0).toLongLong();
        entry.recordType = query.value(1).toString();
        entry.recordId = query.value(2).toString();
        entry.revision = query.value(3).toLongLong();
        entry.fields = fromJsonText(query.value(4).toString());
        entry.deleted = query.value(5).toInt() != 0;
        entry.familyId = query.value(6).toString();
        entry.personId = query.value(7).toString();
        entry.links = fromJsonText(query.value(8).toString());
        entry.owner = ownerJson(query, 9);
        entries.append(entry);
        last = entry.sequence;
        ++rows;
    }
    if (query.lastError().isValid())
        return std::unexpected(databaseError(Text::tr("reading the change feed"), query.lastError()));
    if (rows == fetch) {
        sourceFull = true;
        cutoff = std::min(cutoff, last);
    }

    // Records other organisations share with this one, and purges.
    query.prepare(QStringLiteral("SELECT d.sequence, d.record_type, d.record_id, d.fields, d.purge_fields, "
                                 "d.purged, d.reason, d.family_id, r.revision, r.deleted, r.family_id, "
                                 "r.person_id, r.links, ") %
                  ownerColumns %
                  QStringLiteral(" FROM delivery d JOIN record r ON r.record_type = d.record_type "
                                 "AND r.record_id = d.record_id JOIN organisation o ON o.id = r.organisation_id "
                                 "WHERE d.organisation_id = ? AND d.sequence > ? ORDER BY d.sequence LIMIT ?"));
    query.addBindValue(organisationId);
    query.addBindValue(after);
    query.addBindValue(fetch);
    if (!query.exec())
        return std::unexpected(databaseError(Text::tr("reading the shared feed"), query.lastError()));
    rows = 0;
    while (query.next()) {
        FeedEntry entry;
        entry.sequence = query.value(0).toLongLong();
        entry.recordType = query.value(1).toString();
        entry.recordId = query.value(2).toString();
        if (query.value(5).toInt() != 0) {
            entry.kind = FeedEntry::Kind::Purge;
            entry.reason = query.value(6).toString();
            entry.familyId = query.value(7).toString();
        } else {
            entry.fields = fromJsonText(query.value(3).toString());
            for (const QJsonValue& field : QJsonDocument::fromJson(query.value(4).toString().toUtf8()).array())
                entry.purgeFields.append(field.toString());
            entry.revision = query.value(8).toLongLong();
            entry.deleted = query.value(9).toInt() != 0;
            entry.familyId = query.value(10).toString();
            entry.personId = query.value(11).toString();
            entry.links = fromJsonText(query.value(12).toString());
            entry.owner = ownerJson(query, 13);
        }
        entries.append(entry);
        last = entry.sequence;
        ++rows;
    }
    if (query.lastError().isValid())
        return std::unexpected(databaseError(Text::tr("reading the shared feed"), query.lastError()));
    if (rows == fetch) {
        sourceFull = true;
        cutoff = std::min(cutoff, last);
    }

    // Conflicts on the organisation's own records and on records it holds.
    // Whether it holds the conflicting field is checked here, after the
    // LIMIT, so the cutoff uses the last row read, not the last one kept.
    query.prepare(QStringLiteral("SELECT c.sequence, c.id, c.record_type, c.record_id, c.field_id, "
                                 "c.server_value, c.other_value, c.status, c.resolved_value, c.created_at, "
                                 "c.resolved_at, r.organisation_id, d.fields, ") %
                  ownerColumns %
                  QStringLiteral(" FROM sync_conflict c JOIN record r ON r.record_type = c.record_type "
                                 "AND r.record_id = c.record_id JOIN organisation o ON o.id = c.other_org_id "
                                 "LEFT JOIN delivery d ON d.record_type = c.record_type "
                                 "AND d.record_id = c.record_id AND d.organisation_id = ? AND d.purged = 0 "
                                 "WHERE c.sequence > ? AND (r.organisation_id = ? OR d.organisation_id = ?) "
                                 "ORDER BY c.sequence LIMIT ?"));
    query.addBindValue(organisationId);
    query.addBindValue(after);
    query.addBindValue(organisationId);
    query.addBindValue(organisationId);
    query.addBindValue(fetch);
    if (!query.exec())
        return std::unexpected(databaseError(Text::tr("reading the conflicts"), query.lastError()));
    rows = 0;
    while (query.next()) {
        last = query.value(0).toLongLong();
        ++rows;
        const QString fieldId = query.value(4).toString();
        const bool owns = query.value(11).toString() == organisationId;
        if (!owns && !fromJsonText(query.value(12).toString()).contains(fieldId))
            continue;
        FeedEntry entry;
        entry.kind = FeedEntry::Kind::Conflict;
        entry.sequence = last;
        entry.conflictId = query.value(1).toString();
        entry.recordType = query.value(2).toString();
        entry.recordId = query.value(3).toString();
        entry.fieldId = fieldId;
        entry.serverValue = jsonValueFromText(query.value(5));
        entry.otherValue = jsonValueFromText(query.value(6));
        entry.status = query.value(7).toString();
        entry.resolvedValue = jsonValueFromText(query.value(8));
        entry.createdAt = query.value(9).toLongLong();
        entry.resolvedAt = query.value(10).isNull() ? 0 : query.value(10).toLongLong();
        entry.otherOrganisation = ownerJson(query, 13);
        entries.append(entry);
    }
    if (query.lastError().isValid())
        return std::unexpected(databaseError(Text::tr("reading the conflicts"), query.lastError()));
    if (rows == fetch) {
        sourceFull = true;
        cutoff = std::min(cutoff, last);
    }

    std::ranges::sort(entries, {}, &FeedEntry::sequence);
    FeedPage page;
    page.next = after;
    for (const FeedEntry& entry : std::as_const(entries)) {
        if (page.entries.size() == limit || entry.sequence > cutoff) {
            page.more = true;
            break;
        }
        page.entries.append(entry);
        page.next = entry.sequence;
    }
    if (sourceFull) {
        page.more = true;
        // Every row up to the cutoff was read, so a page that ends short of
        // the limit may move the cursor to the cutoff.
        if (page.entries.size() < limit)
            page.next = std::max(page.next, cutoff);
    }
    return page;
}

Status SyncStore::recomputeQueuedFamilies() {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT family_id FROM family_recompute ORDER BY queued_at, family_id")))
        return std::unexpected(databaseError(Text::tr("reading the families to recompute"), query.lastError()));
    QStringList families;
    while (query.next())
        families += query.value(0).toString();
    query.finish();

    SharingFeed feed(database, policy::builtInTrustPublicKey());
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (const QString& family : std::as_const(families)) {
        Transaction transaction(database);
        if (!transaction.begin())
            return std::unexpected(
                databaseError(Text::tr("starting a recompute transaction"), database.lastError()));
        // Another server instance may have taken the family meanwhile: the
        // row is removed first, and the recompute runs only when this
        // transaction removed it.
        QSqlQuery take(database);
        take.prepare(QStringLiteral("DELETE FROM family_recompute WHERE family_id = ?"));
        take.addBindValue(family);
        if (!take.exec())
            return std::unexpected(
                databaseError(Text::tr("taking family %1 to recompute").arg(family), take.lastError()));
        if (take.numRowsAffected() == 0)
            continue;
        if (Status recomputed = feed.recomputeFamily(family, today); !recomputed)
            return recomputed;
        if (!transaction.commit())
            return std::unexpected(
                databaseError(Text::tr("committing the recompute of family %1").arg(family), database.lastError()));
    }
    return {};
}

Status SyncStore::recomputeAllFamilies() {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;
    Transaction transaction(database);
    if (!transaction.begin())
        return std::unexpected(databaseError(Text::tr("starting a recompute transaction"), database.lastError()));
    SharingFeed feed(database, policy::builtInTrustPublicKey());
    if (Status recomputed = feed.recomputeAll(QDateTime::currentDateTimeUtc().date()); !recomputed)
        return recomputed;
    if (!transaction.commit())
        return std::unexpected(databaseError(Text::tr("committing the recompute"), database.lastError()));
    return {};
}

} // namespace earlyhelp::server
