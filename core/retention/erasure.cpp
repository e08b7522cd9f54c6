#include "retention/erasure.h"

#include "casework/recordtable.h"
#include "retention/logging.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

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

// Returns the values that identify the person and that no remaining person
// shares, for finding them in free text such as audit details. Read before
// the rows are removed; checked for sharing afterwards by the caller.
Result<QStringList> distinctiveValues(Store& store, const QString& personId) {
    QStringList values;
    Result<QSqlQuery> person =
        run(store,
            u"SELECT legal_forename || ' ' || legal_surname, preferred_forename || ' ' || preferred_surname, "
            "legal_surname, preferred_surname, former_surname, upn, nhs_number FROM person WHERE id = ?"_s,
            {personId});
    if (!person)
        return std::unexpected(person.error());
    if (person->next()) {
        for (int column = 0; column < 7; ++column)
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

    // ERASE-CAUSE
    for (const ErasedRecord& record : std::as_const(plan->records)) {
        Result<QSqlQuery> removed = run(m_store, u"DELETE FROM "_s % record.table % u" WHERE id = ?"_s, {record.id});
        if (!removed)
            return std::unexpected(removed.error());
        const QString recordType = syncRecordType(record.table);
        if (recordType.isEmpty())
            continue;
        for (const QString& syncTable : {u"sync_record"_s, u"sync_outbox"_s, u"sync_conflict"_s}) {
            Result<QSqlQuery> cleared =
                run(m_store, u"DELETE FROM "_s % syncTable % u" WHERE record_type = ? AND record_id = ?"_s,
                    {recordType, record.id});
            if (!cleared)
                return std::unexpected(cleared.error());
        }
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
    // AUDIT-ERASE

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

    // The WAL still holds the pages as they were before the erasure until a
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
    Q_UNUSED(values);
    return outcome;
}

} // namespace earlyhelp::retention
