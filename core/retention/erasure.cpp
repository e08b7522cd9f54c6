#include "retention/erasure.h"

#include "audit/auditlog.h"
#include "casework/recordtable.h"
#include "retention/logging.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

#include <optional>

using namespace Qt::StringLiterals;

namespace earlyhelp::retention {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::retention::Erasure", text);
}

Result<QSqlQuery> run(Store& store, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery query(store.database());
    if (!query.prepare(sql))
        return std::unexpected(store.errorFromSql(query.lastError()));
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(store.errorFromSql(query.lastError()));
    return query;
}

// The sync record type of a store table, or empty for a table sync does
// not carry.
QString syncRecordType(const QString& table) {
    static const QHash<QString, QString> types{
        {u"person"_s, u"person"_s},       {u"address"_s, u"address"_s},
        {u"contact"_s, u"contact"_s},     {u"relationship"_s, u"relationship"_s},
        {u"family"_s, u"family"_s},       {u"family_member"_s, u"familyMember"_s},
        {u"case_note"_s, u"caseNote"_s},  {u"consent"_s, u"consent"_s},
        {u"sharing_decision"_s, u"sharingDecision"_s},
    };
    return types.value(table);
}

// A column of one table that refers to another table's id.
struct Reference {
    QString table;
    QString column;
};

// Returns, per referenced table, the columns that refer to it, read from
// the store's schema so that a table added later is followed too.
Result<QHash<QString, QList<Reference>>> readReferences(Store& store) {
    Result<QSqlQuery> tables =
        run(store, u"SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES%'"_s);
    if (!tables)
        return std::unexpected(tables.error());
    QStringList names;
    while (tables->next())
        names += tables->value(0).toString();

    QHash<QString, QList<Reference>> references;
    for (const QString& name : std::as_const(names)) {
        Result<QSqlQuery> keys = run(store, u"SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)"_s, {name});
        if (!keys)
            return std::unexpected(keys.error());
        while (keys->next())
            references[keys->value(0).toString()].append(Reference{name, keys->value(1).toString()});
    }
    return references;
}

// Collects a record and, before it, every record that refers to it,
// depth first, so that deleting in list order never breaks a foreign key.
class TreeCollector {
public:
    TreeCollector(Store& store, QHash<QString, QList<Reference>> references)
        : m_store(store)
        , m_references(std::move(references)) {}

    Status collect(const QString& table, const QString& id) {
        const QString key = table + u'/' + id;
        if (m_seen.contains(key))
            return {};
        m_seen.insert(key);
        for (const Reference& reference : m_references.value(table)) {
            Result<QSqlQuery> children =
                run(m_store, u"SELECT id FROM "_s % reference.table % u" WHERE "_s % reference.column % u" = ?"_s,
                    {id});
            if (!children)
                return std::unexpected(children.error());
            QStringList ids;
            while (children->next())
                ids += children->value(0).toString();
            for (const QString& childId : std::as_const(ids)) {
                if (Status collected = collect(reference.table, childId); !collected)
                    return collected;
            }
        }
        m_ordered.append(ErasedRecord{table, id});
        return {};
    }

    [[nodiscard]] bool contains(const QString& table, const QString& id) const {
        return m_seen.contains(table + u'/' + id);
    }
    [[nodiscard]] const QList<ErasedRecord>& deleteOrder() const { return m_ordered; }

private:
    Store& m_store;
    QHash<QString, QList<Reference>> m_references;
    QSet<QString> m_seen;
    QList<ErasedRecord> m_ordered;
};

Result<ErasurePlan> buildPlan(Store& store, const QString& personId) {
    Result<QSqlQuery> person =
        run(store, u"SELECT legal_forename, legal_surname FROM person WHERE id = ?"_s, {personId});
    if (!person)
        return std::unexpected(person.error());
    if (!person->next())
        return makeError(ErrorCode::NotFound,
                         tr("No person with id %1 is in the store. They may have been erased already.")
                             .arg(personId));
    ErasurePlan plan;
    plan.personId = personId;
    plan.confirmationName =
        QStringList{person->value(0).toString(), person->value(1).toString()}.join(u' ').trimmed();
    person->finish();

    Result<QHash<QString, QList<Reference>>> references = readReferences(store);
    if (!references)
        return std::unexpected(references.error());
    TreeCollector collector(store, std::move(*references));
    if (Status collected = collector.collect(u"person"_s, personId); !collected)
        return std::unexpected(collected.error());

    // The families of every removed membership, including those of duplicate
    // person rows merged into this one.
    QStringList families;
    for (const ErasedRecord& record : collector.deleteOrder()) {
        if (record.table != u"family_member")
            continue;
        Result<QSqlQuery> member = run(store, u"SELECT family_id FROM family_member WHERE id = ?"_s, {record.id});
        if (!member)
            return std::unexpected(member.error());
        if (member->next() && !families.contains(member->value(0).toString()))
            families.append(member->value(0).toString());
    }

    for (const QString& familyId : std::as_const(families)) {
        // A member counts when neither the membership nor its person is
        // deleted or about to be removed.
        Result<QSqlQuery> members = run(store,
                                        u"SELECT m.id, m.person_id FROM family_member m JOIN person p ON "
                                        "p.id = m.person_id WHERE m.family_id = ? AND m.deleted = 0 AND "
                                        "p.deleted = 0"_s,
                                        {familyId});
        if (!members)
            return std::unexpected(members.error());
        bool othersLeft = false;
        while (members->next()) {
            if (!collector.contains(u"family_member"_s, members->value(0).toString()) &&
                !collector.contains(u"person"_s, members->value(1).toString()))
                othersLeft = true;
        }
        members->finish();
        if (othersLeft) {
            plan.familiesKept.append(familyId);
            continue;
        }
        if (Status collected = collector.collect(u"family"_s, familyId); !collected)
            return std::unexpected(collected.error());
        plan.familiesErased.append(familyId);
    }
    plan.records = collector.deleteOrder();
    return plan;
}

// Returns the values that identify the person, for finding them in free
// text such as audit details. It reads them before the rows are removed,
// and eventsToRedact() drops those another person still shares.
Result<QStringList> distinctiveValues(Store& store, const QString& personId) {
    QStringList values;
    Result<QSqlQuery> person =
        run(store,
            u"SELECT legal_forename || ' ' || legal_surname, preferred_forename || ' ' || preferred_surname, "
            "legal_forename, preferred_forename, legal_surname, preferred_surname, former_surname, upn, nhs_number "
            "FROM person WHERE id = ?"_s,
            {personId});
    if (!person)
        return std::unexpected(person.error());
    if (person->next()) {
        for (int column = 0; column < 9; ++column)
            values.append(person->value(column).toString().trimmed());
    }
    Result<QSqlQuery> contacts = run(store, u"SELECT value FROM contact WHERE person_id = ?"_s, {personId});
    if (!contacts)
        return std::unexpected(contacts.error());
    while (contacts->next())
        values.append(contacts->value(0).toString().trimmed());
    // Very short values (initials, a one-letter surname) would match
    // unrelated text.
    values.removeIf([](const QString& value) { return value.size() < 3; });
    values.removeDuplicates();
    return values;
}

// Returns the change that tells the server this store erased a record, in
// the form the sync outbox keeps for a change in flight. Returns nothing when
// the server has no copy to erase: the store is not enrolled, the server
// never had the record, or another organisation owns it, so only this
// store's copy goes. Reads sync_record, so it runs before that row is deleted.
Result<std::optional<QJsonObject>> erasedChange(Store& store, const QString& recordType, const QString& recordId,
                                                const QString& ownServerOrgId) {
    if (ownServerOrgId.isEmpty())
        return std::optional<QJsonObject>();
    Result<QSqlQuery> base =
        run(store, u"SELECT revision, owner_server_org_id FROM sync_record WHERE record_type = ? AND record_id = ?"_s,
            {recordType, recordId});
    if (!base)
        return std::unexpected(base.error());
    if (!base->next())
        return std::optional<QJsonObject>();
    const QString owner = base->value(1).toString();
    if (!owner.isEmpty() && owner != ownServerOrgId)
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(QJsonObject{
        {u"changeId"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {u"recordType"_s, recordType},
        {u"recordId"_s, recordId},
        {u"baseRevision"_s, base->value(0).toLongLong()},
        {u"fields"_s, QJsonObject()},
        {u"deleted"_s, true},
        {u"erased"_s, true},
    });
}

// Returns the audit events up to lastSequence whose details belong to the
// erased records. These are the events about an erased person, record or
// family, and those whose details contain a value that identifies the
// person and that no remaining person or contact shares, such as a search
// for their name.
Result<QList<qint64>> eventsToRedact(Store& store, const ErasurePlan& plan, const QStringList& values,
                                     qint64 lastSequence) {
    QSet<QString> personIds;
    QSet<QString> recordIds;
    for (const ErasedRecord& record : plan.records) {
        recordIds.insert(record.id);
        if (record.table == u"person")
            personIds.insert(record.id);
    }
    const QSet<QString> familyIds(plan.familiesErased.begin(), plan.familiesErased.end());

    QStringList distinctive;
    for (const QString& value : values) {
        Result<QSqlQuery> shared = run(
            store,
            u"SELECT 1 FROM person WHERE ? IN (legal_forename, preferred_forename, legal_surname, preferred_surname, "
            "former_surname, upn, nhs_number, legal_forename || ' ' || legal_surname, "
            "preferred_forename || ' ' || preferred_surname) "
            "UNION ALL SELECT 1 FROM contact WHERE value = ? LIMIT 1"_s,
            {value, value});
        if (!shared)
            return std::unexpected(shared.error());
        if (!shared->next())
            distinctive.append(value);
    }

    QList<qint64> sequences;
    Result<QSqlQuery> events =
        run(store,
            u"SELECT seq, record_id, family_id, person_id, details FROM audit_event WHERE seq <= ? AND "
            "erased_by_seq IS NULL ORDER BY seq"_s,
            {lastSequence});
    if (!events)
        return std::unexpected(events.error());
    while (events->next()) {
        const QString details = events->value(4).toString();
        bool about = recordIds.contains(events->value(1).toString()) ||
                     familyIds.contains(events->value(2).toString()) ||
                     personIds.contains(events->value(3).toString());
        for (qsizetype i = 0; !about && i < distinctive.size(); ++i)
            about = details.contains(distinctive.at(i), Qt::CaseInsensitive);
        if (about)
            sequences.append(events->value(0).toLongLong());
    }
    return sequences;
}

// Writes sorted sequences as [first, last] ranges, so that a long run of
// events stays short in the erase event's details.
QJsonArray sequenceRanges(const QList<qint64>& sequences) {
    QJsonArray ranges;
    for (qsizetype i = 0; i < sequences.size();) {
        qsizetype j = i;
        while (j + 1 < sequences.size() && sequences.at(j + 1) == sequences.at(j) + 1)
            ++j;
        ranges.append(QJsonArray{sequences.at(i), sequences.at(j)});
        i = j + 1;
    }
    return ranges;
}

} // namespace

QMap<QString, int> ErasurePlan::countsByTable() const {
    QMap<QString, int> counts;
    for (const ErasedRecord& record : records)
        ++counts[record.table];
    return counts;
}

Erasure::Erasure(Store& store, CaseworkOptions options)
    : m_store(store)
    , m_options(casework::withDefaults(std::move(options))) {}

Result<ErasurePlan> Erasure::plan(const QString& personId) const {
    Result<ErasurePlan> plan = buildPlan(m_store, personId);
    if (!plan)
        return plan;
    // Shown to the user person first, as the header describes it.
    std::reverse(plan->records.begin(), plan->records.end());
    return plan;
}

Result<ErasureOutcome> Erasure::erasePerson(const access::Actor& actor, const QString& personId,
                                            const QString& reason) {
    if (actor.role() != access::Role::Lead)
        return makeError(ErrorCode::PermissionDenied,
                         tr("Only the designated safeguarding lead may erase a person's data, because erasure "
                            "cannot be undone. Ask the lead to erase it."));
    const QString trimmedReason = reason.trimmed();
    if (trimmedReason.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("The reason for the erasure is blank. Give the reason, such as the request it "
                            "answers, without personal data."));

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());

    Result<ErasurePlan> plan = buildPlan(m_store, personId);
    if (!plan)
        return std::unexpected(plan.error());
    Result<QStringList> values = distinctiveValues(m_store, personId);
    if (!values)
        return std::unexpected(values.error());

    // The audit triggers record each delete below as an "erase" event.
    std::optional<audit::ScopedAuditCause> cause(std::in_place, m_store, u"erasure"_s);
    Result<QSqlQuery> head = run(m_store, u"SELECT seq FROM audit_head WHERE id = 1"_s);
    if (!head)
        return std::unexpected(head.error());
    const qint64 lastEventBefore = head->next() ? head->value(0).toLongLong() : 0;
    head->finish();

    Result<QSqlQuery> enrolment = run(m_store, u"SELECT server_org_id FROM sync_enrolment WHERE id = 1"_s);
    if (!enrolment)
        return std::unexpected(enrolment.error());
    const QString ownServerOrgId = enrolment->next() ? enrolment->value(0).toString() : QString();
    enrolment->finish();

    QList<QJsonObject> erasedChanges;
    for (const ErasedRecord& record : std::as_const(plan->records)) {
        Result<QSqlQuery> removed = run(m_store, u"DELETE FROM "_s % record.table % u" WHERE id = ?"_s, {record.id});
        if (!removed)
            return std::unexpected(removed.error());
        const QString recordType = syncRecordType(record.table);
        if (recordType.isEmpty())
            continue;
        Result<std::optional<QJsonObject>> change = erasedChange(m_store, recordType, record.id, ownServerOrgId);
        if (!change)
            return std::unexpected(change.error());
        if (change->has_value())
            erasedChanges.append(**change);
        for (const QString& syncTable : {u"sync_record"_s, u"sync_outbox"_s, u"sync_conflict"_s}) {
            Result<QSqlQuery> cleared =
                run(m_store, u"DELETE FROM "_s % syncTable % u" WHERE record_type = ? AND record_id = ?"_s,
                    {recordType, record.id});
            if (!cleared)
                return std::unexpected(cleared.error());
        }
    }

    const QString markedAt = casework::timestampValue(m_options.clock());
    for (const QJsonObject& change : std::as_const(erasedChanges)) {
        Result<QSqlQuery> queued = run(
            m_store,
            u"INSERT INTO sync_outbox (record_type, record_id, marked_at, change_id, body) VALUES (?, ?, ?, ?, ?)"_s,
            {change.value(u"recordType"_s).toString(), change.value(u"recordId"_s).toString(), markedAt,
             change.value(u"changeId"_s).toString(),
             QString::fromUtf8(QJsonDocument(change).toJson(QJsonDocument::Compact))});
        if (!queued)
            return std::unexpected(queued.error());
    }

    QStringList persons;
    for (const ErasedRecord& record : std::as_const(plan->records)) {
        if (record.table == u"person")
            persons.append(record.id);
    }
    for (const QString& id : std::as_const(persons)) {
        Result<QSqlQuery> removed = run(
            m_store, u"DELETE FROM retention_review WHERE subject_type = 'person' AND subject_id = ?"_s, {id});
        if (!removed)
            return std::unexpected(removed.error());
    }
    for (const QString& id : std::as_const(plan->familiesErased)) {
        Result<QSqlQuery> removed = run(
            m_store, u"DELETE FROM retention_review WHERE subject_type = 'family' AND subject_id = ?"_s, {id});
        if (!removed)
            return std::unexpected(removed.error());
    }

    // Deleting from an FTS5 table adds a deletion marker, and the old terms
    // stay in their segment until segments merge. 'optimize' merges them
    // all, so the person's names leave the index's pages.
    if (Result<QSqlQuery> merged = run(m_store, u"INSERT INTO person_search(person_search) VALUES ('optimize')"_s);
        !merged)
        return std::unexpected(merged.error());

    ErasureOutcome outcome;
    cause.reset();
    Result<QList<qint64>> redacted = eventsToRedact(m_store, *plan, *values, lastEventBefore);
    if (!redacted)
        return std::unexpected(redacted.error());
    outcome.redactedEvents = *redacted;

    QJsonObject counts;
    const QMap<QString, int> byTable = plan->countsByTable();
    for (auto it = byTable.begin(); it != byTable.end(); ++it)
        counts.insert(it.key(), it.value());
    audit::NewEvent event;
    event.action = audit::Action::Erase;
    event.recordType = u"person"_s;
    event.recordId = personId;
    event.personId = personId;
    event.details = QJsonObject{
        {u"reason"_s, trimmedReason},
        {u"counts"_s, counts},
        {u"familiesErased"_s, QJsonArray::fromStringList(plan->familiesErased)},
        {u"redactedEvents"_s, sequenceRanges(outcome.redactedEvents)},
    };
    event.user = actor.user;
    event.roleCode = actor.roleCode;
    Result<qint64> appended = audit::AuditLog(m_store, m_options.clock).append(event);
    if (!appended)
        return std::unexpected(appended.error());
    outcome.auditSequence = *appended;

    // The chain covers each event's details digest, not its details, so
    // blanking details and salt leaves every hash valid.
    for (const qint64 sequence : std::as_const(outcome.redactedEvents)) {
        Result<QSqlQuery> blanked = run(m_store,
                                        u"UPDATE audit_event SET details = '', details_salt = NULL, "
                                        "erased_by_seq = ? WHERE seq = ?"_s,
                                        {outcome.auditSequence, sequence});
        if (!blanked)
            return std::unexpected(blanked.error());
    }

    const QString erasedAt = casework::timestampValue(m_options.clock());
    for (const ErasedRecord& record : std::as_const(plan->records)) {
        Result<QSqlQuery> tombstone =
            run(m_store,
                u"INSERT INTO erasure_tombstone (record_type, record_id, erased_at, erased_by, reason, "
                "audit_sequence) VALUES (?, ?, ?, ?, ?, ?)"_s,
                {record.table, record.id, erasedAt, actor.user, trimmedReason,
                 outcome.auditSequence > 0 ? QVariant(outcome.auditSequence) : QVariant()});
        if (!tombstone)
            return std::unexpected(tombstone.error());
    }

    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcRetention, "Erased person %s: %lld rows, %lld families", qUtf8Printable(personId),
           static_cast<long long>(plan->records.size()), static_cast<long long>(plan->familiesErased.size()));

    // The WAL still contains the pages as they were before the erasure until a
    // checkpoint copies them into the main file and truncates it.
    Result<QSqlQuery> checkpoint = run(m_store, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    if (!checkpoint)
        return std::unexpected(checkpoint.error());
    if (checkpoint->next() && checkpoint->value(0).toInt() != 0)
        qCWarning(lcRetention, "The WAL checkpoint after erasing person %s could not complete because the store "
                  "was busy; the next checkpoint will finish it", qUtf8Printable(personId));
    checkpoint->finish();

    std::reverse(plan->records.begin(), plan->records.end());
    outcome.plan = std::move(*plan);
    return outcome;
}

} // namespace earlyhelp::retention
