#include "transfer/safeguardingfile.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cmath>
#include <optional>

namespace earlyhelp::transfer {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::transfer::SafeguardingFile", text);
}

// A column that contains the id of a record in another table of the file.
// When the file lacks the record, an optional reference becomes NULL and a
// required one rejects the file.
struct Reference {
    QString column;
    bool required = true;
};

// One table of the file: the columns copied as stored (besides id) and the
// references among them that get the receiving store's new ids.
struct TableSpec {
    QString table;
    QStringList columns;
    QList<Reference> references;
};

const QStringList childPersonColumns = {
    QStringLiteral("legal_forename"), QStringLiteral("middle_names"), QStringLiteral("legal_surname"),
    QStringLiteral("preferred_forename"), QStringLiteral("preferred_surname"), QStringLiteral("former_surname"),
    QStringLiteral("title"), QStringLiteral("date_of_birth"), QStringLiteral("sex"), QStringLiteral("ethnicity"),
    QStringLiteral("language"), QStringLiteral("religion"), QStringLiteral("upn"), QStringLiteral("nhs_number"),
    QStringLiteral("is_pupil"), QStringLiteral("looked_after"), QStringLiteral("care_authority"),
    QStringLiteral("fsm_eligible"), QStringLiteral("sen_provision"), QStringLiteral("entry_date"),
    QStringLiteral("source_ctf"), QStringLiteral("upn_not_known"), QStringLiteral("created_at"),
    QStringLiteral("updated_at")};

// The basic details of a related adult: a subset of childPersonColumns.
const QStringList adultPersonColumns = {
    QStringLiteral("title"), QStringLiteral("legal_forename"), QStringLiteral("middle_names"),
    QStringLiteral("legal_surname"), QStringLiteral("preferred_forename"), QStringLiteral("preferred_surname"),
    QStringLiteral("former_surname"), QStringLiteral("date_of_birth"), QStringLiteral("sex"),
    QStringLiteral("language"), QStringLiteral("created_at"), QStringLiteral("updated_at")};

QStringList withTimes(QStringList columns) {
    columns << QStringLiteral("created_at") << QStringLiteral("updated_at");
    return columns;
}

const QList<TableSpec>& tableSpecs() {
    static const QList<TableSpec> specs = {
        {QStringLiteral("person"), childPersonColumns, {}},
        {QStringLiteral("address"),
         withTimes({QStringLiteral("person_id"), QStringLiteral("saon"), QStringLiteral("paon"),
                    QStringLiteral("street"), QStringLiteral("locality"), QStringLiteral("town"),
                    QStringLiteral("administrative_area"), QStringLiteral("post_town"), QStringLiteral("county"),
                    QStringLiteral("postcode"), QStringLiteral("is_current")}),
         {{QStringLiteral("person_id")}}},
        {QStringLiteral("contact"),
         withTimes({QStringLiteral("person_id"), QStringLiteral("kind"), QStringLiteral("type_code"),
                    QStringLiteral("value")}),
         {{QStringLiteral("person_id")}}},
        {QStringLiteral("relationship"),
         withTimes({QStringLiteral("child_id"), QStringLiteral("adult_id"), QStringLiteral("relationship"),
                    QStringLiteral("parental_responsibility"), QStringLiteral("contact_order")}),
         {{QStringLiteral("child_id")}, {QStringLiteral("adult_id")}}},
        {QStringLiteral("family"),
         withTimes({QStringLiteral("name"), QStringLiteral("status"), QStringLiteral("looked_after"),
                    QStringLiteral("lead_practitioner")}),
         {}},
        {QStringLiteral("family_member"),
         withTimes({QStringLiteral("family_id"), QStringLiteral("person_id"), QStringLiteral("role"),
                    QStringLiteral("relationship"), QStringLiteral("parental_responsibility")}),
         {{QStringLiteral("family_id")}, {QStringLiteral("person_id")}}},
        {QStringLiteral("family_status_change"),
         withTimes({QStringLiteral("family_id"), QStringLiteral("from_status"), QStringLiteral("to_status"),
                    QStringLiteral("change_date"), QStringLiteral("reason"), QStringLiteral("changed_by")}),
         {{QStringLiteral("family_id")}}},
        {QStringLiteral("assessment"),
         withTimes({QStringLiteral("family_id"), QStringLiteral("assessor"), QStringLiteral("assessment_date"),
                    QStringLiteral("child_voice"), QStringLiteral("family_voice")}),
         {{QStringLiteral("family_id")}}},
        {QStringLiteral("assessment_need"),
         withTimes({QStringLiteral("assessment_id"), QStringLiteral("heading"), QStringLiteral("strengths"),
                    QStringLiteral("needs"), QStringLiteral("score")}),
         {{QStringLiteral("assessment_id")}}},
        {QStringLiteral("taf_plan"),
         withTimes({QStringLiteral("family_id"), QStringLiteral("start_date"), QStringLiteral("end_date"),
                    QStringLiteral("status"), QStringLiteral("outcomes")}),
         {{QStringLiteral("family_id")}}},
        {QStringLiteral("plan_goal"),
         withTimes({QStringLiteral("plan_id"), QStringLiteral("assessment_id"), QStringLiteral("heading"),
                    QStringLiteral("description")}),
         {{QStringLiteral("plan_id")}, {QStringLiteral("assessment_id"), false}}},
        // owner_org_id names an organisation of the sending store, which the
        // receiving store may not have; it is kept only where it has.
        {QStringLiteral("plan_action"),
         withTimes({QStringLiteral("goal_id"), QStringLiteral("description"), QStringLiteral("owner_org_id"),
                    QStringLiteral("owner_person"), QStringLiteral("due_date"), QStringLiteral("status")}),
         {{QStringLiteral("goal_id")}}},
        {QStringLiteral("taf_meeting"),
         withTimes({QStringLiteral("plan_id"), QStringLiteral("meeting_date"), QStringLiteral("attendees"),
                    QStringLiteral("notes")}),
         {{QStringLiteral("plan_id")}}},
        {QStringLiteral("plan_review"),
         withTimes({QStringLiteral("plan_id"), QStringLiteral("meeting_id"), QStringLiteral("review_date"),
                    QStringLiteral("progress"), QStringLiteral("next_review_date")}),
         {{QStringLiteral("plan_id")}, {QStringLiteral("meeting_id"), false}}},
        // NOTE: recipients may name organisations by their id in the sending
        // store. Those ids are copied as they are, so they name no
        // organisation in the receiving store unless it has the same one.
        {QStringLiteral("consent"),
         withTimes({QStringLiteral("family_id"), QStringLiteral("subject_person_id"),
                    QStringLiteral("given_by_person_id"), QStringLiteral("giver_capacity"),
                    QStringLiteral("purposes"), QStringLiteral("recipients"), QStringLiteral("data_categories"),
                    QStringLiteral("method"), QStringLiteral("given_date"), QStringLiteral("review_date"),
                    QStringLiteral("withdrawn_date"), QStringLiteral("withdrawn_by")}),
         {{QStringLiteral("family_id"), false},
          {QStringLiteral("subject_person_id")},
          {QStringLiteral("given_by_person_id")}}},
        {QStringLiteral("sharing_decision"),
         withTimes({QStringLiteral("family_id"), QStringLiteral("person_id"), QStringLiteral("lawful_basis"),
                    QStringLiteral("condition"), QStringLiteral("justification"), QStringLiteral("decided_by"),
                    QStringLiteral("decision_date"), QStringLiteral("recipient_party_type"),
                    QStringLiteral("purpose")}),
         {{QStringLiteral("family_id"), false}, {QStringLiteral("person_id"), false}}},
        {QStringLiteral("case_note"),
         withTimes({QStringLiteral("family_id"), QStringLiteral("person_id"), QStringLiteral("note_date"),
                    QStringLiteral("author"), QStringLiteral("note_type"), QStringLiteral("body"),
                    QStringLiteral("significant"), QStringLiteral("data_category")}),
         {{QStringLiteral("family_id")}, {QStringLiteral("person_id"), false}}},
    };
    return specs;
}

const TableSpec* specFor(const QString& table) {
    for (const TableSpec& spec : tableSpecs())
        if (spec.table == table)
            return &spec;
    return nullptr;
}

QString placeholders(qsizetype count) {
    QStringList marks;
    for (qsizetype index = 0; index < count; ++index)
        marks << QStringLiteral("?");
    return marks.join(u", ");
}

QJsonValue jsonFromStored(const QVariant& value) {
    if (value.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
        return QJsonValue(value.toLongLong());
    case QMetaType::Double:
        return QJsonValue(value.toDouble());
    default:
        return QJsonValue(value.toString());
    }
}

// Reads the chosen columns of the rows of one table that are not deleted
// and match a condition, in rowid order.
class FileReader {
public:
    explicit FileReader(Store& store)
        : m_store(store) {}

    // where is an SQL condition with ? placeholders for binds.
    Result<QJsonArray> rows(const QString& table, const QString& where, const QVariantList& binds,
                            const QStringList& columns = {}) {
        const QStringList selected = columns.isEmpty() ? specFor(table)->columns : columns;
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT id, %1 FROM %2 WHERE deleted = 0 AND (%3) ORDER BY rowid")
                          .arg(selected.join(u", "), table, where));
        for (const QVariant& bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        QJsonArray result;
        while (query.next()) {
            QJsonObject row{{QStringLiteral("id"), query.value(0).toString()}};
            for (qsizetype index = 0; index < selected.size(); ++index)
                row.insert(selected.at(index), jsonFromStored(query.value(int(index) + 1)));
            result.append(row);
        }
        return result;
    }

    // Returns the distinct values of the first column of sql's rows.
    Result<QStringList> ids(const QString& sql, const QVariantList& binds) {
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        query.prepare(sql);
        for (const QVariant& bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        QStringList result;
        while (query.next())
            if (!result.contains(query.value(0).toString()))
                result << query.value(0).toString();
        return result;
    }

private:
    Store& m_store;
};

// Returns "column IN (?, …)" for ids, or a condition that matches nothing
// when ids is empty, and appends ids to binds.
QString inList(const QString& column, const QStringList& ids, QVariantList& binds) {
    if (ids.isEmpty())
        return QStringLiteral("0");
    for (const QString& id : ids)
        binds << id;
    return column + u" IN (" + placeholders(ids.size()) + u')';
}

QStringList idsOf(const QJsonArray& rows) {
    QStringList ids;
    for (const QJsonValue& row : rows)
        ids << row.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

// Collects the tables of one child's file into a JSON object.
class FileCollector {
public:
    FileCollector(Store& store, QString childId)
        : m_reader(store)
        , m_childId(std::move(childId)) {}

    Result<QJsonObject> collect() {
        for (auto step : {&FileCollector::collectPeople, &FileCollector::collectFamilies,
                          &FileCollector::collectAssessmentsAndPlans, &FileCollector::collectConsentAndNotes}) {
            if (Status collected = (this->*step)(); !collected)
                return std::unexpected(collected.error());
        }
        return m_file;
    }

private:
    // Reads the rows of table matching where into the file.
    Status add(const QString& table, const QString& where, const QVariantList& binds) {
        Result<QJsonArray> rows = m_reader.rows(table, where, binds);
        if (!rows)
            return std::unexpected(rows.error());
        m_file.insert(table, *rows);
        return {};
    }

    Status addWhereIn(const QString& table, const QString& column, const QStringList& ids) {
        QVariantList binds;
        const QString where = inList(column, ids, binds);
        return add(table, where, binds);
    }

    QStringList idsIn(const QString& table) const { return idsOf(m_file.value(table).toArray()); }

    Status collectPeople() {
        Result<QJsonArray> child =
            m_reader.rows(QStringLiteral("person"), QStringLiteral("id = ?"), {m_childId}, childPersonColumns);
        if (!child)
            return std::unexpected(child.error());
        if (child->isEmpty())
            return makeError(ErrorCode::NotFound,
                             tr("No person with id %1 is in this store. Check the id, for example with "
                                "\"earlyhelp-cli list people\".")
                                 .arg(m_childId));

        Result<QStringList> families = m_reader.ids(
            QStringLiteral("SELECT m.family_id FROM family_member m JOIN family f ON f.id = m.family_id "
                           "WHERE m.person_id = ? AND m.deleted = 0 AND f.deleted = 0 ORDER BY f.rowid"),
            {m_childId});
        if (!families)
            return std::unexpected(families.error());
        m_families = *families;
        Result<QStringList> childMemberships = m_reader.ids(
            QStringLiteral("SELECT id FROM family_member WHERE person_id = ? AND role = 'child' AND deleted = 0"),
            {m_childId});
        if (!childMemberships)
            return std::unexpected(childMemberships.error());
        const bool isPupil = child->first().toObject().value(QStringLiteral("is_pupil")).toInteger() != 0;
        if (!isPupil && childMemberships->isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             tr("The person with id %1 is neither a pupil nor a child of a family, so they have "
                                "no safeguarding file to transfer. Choose the child's record.")
                                 .arg(m_childId));

        // The adults linked to the child by a relationship, an adult
        // membership of one of the child's families, or a consent they gave.
        QVariantList binds{m_childId};
        const QString adultMembers = inList(QStringLiteral("family_id"), m_families, binds);
        binds << m_childId;
        Result<QStringList> linked = m_reader.ids(
            QStringLiteral("SELECT adult_id FROM relationship WHERE child_id = ? AND deleted = 0 "
                           "UNION SELECT person_id FROM family_member WHERE role = 'adult' AND deleted = 0 "
                           "AND %1 "
                           "UNION SELECT given_by_person_id FROM consent WHERE subject_person_id = ? "
                           "AND deleted = 0")
                .arg(adultMembers),
            binds);
        if (!linked)
            return std::unexpected(linked.error());
        linked->removeAll(m_childId);

        QVariantList adultBinds;
        const QString adultWhere = inList(QStringLiteral("id"), *linked, adultBinds);
        Result<QJsonArray> adults =
            m_reader.rows(QStringLiteral("person"), adultWhere, adultBinds, adultPersonColumns);
        if (!adults)
            return std::unexpected(adults.error());
        m_adults = idsOf(*adults);
        QJsonArray people = *child;
        for (const QJsonValue& adult : *adults)
            people.append(adult);
        m_file.insert(QStringLiteral("person"), people);
        m_people = idsOf(people);

        QVariantList addressBinds{m_childId};
        const QString currentAdults = inList(QStringLiteral("person_id"), m_adults, addressBinds);
        if (Status added = add(QStringLiteral("address"),
                               QStringLiteral("person_id = ? OR (%1 AND is_current = 1)").arg(currentAdults),
                               addressBinds);
            !added)
            return added;
        if (Status added = addWhereIn(QStringLiteral("contact"), QStringLiteral("person_id"), m_people); !added)
            return added;

        QVariantList relationshipBinds{m_childId};
        const QString relatedAdults = inList(QStringLiteral("adult_id"), m_adults, relationshipBinds);
        return add(QStringLiteral("relationship"), QStringLiteral("child_id = ? AND %1").arg(relatedAdults),
                   relationshipBinds);
    }

    Status collectFamilies() {
        if (Status added = addWhereIn(QStringLiteral("family"), QStringLiteral("id"), m_families); !added)
            return added;

        QVariantList binds;
        const QString inFamilies = inList(QStringLiteral("family_id"), m_families, binds);
        const QString ofPeople = inList(QStringLiteral("person_id"), m_people, binds);
        if (Status added = add(QStringLiteral("family_member"), inFamilies + u" AND " + ofPeople, binds); !added)
            return added;
        return addWhereIn(QStringLiteral("family_status_change"), QStringLiteral("family_id"), m_families);
    }

    Status collectAssessmentsAndPlans() {
        if (Status added = addWhereIn(QStringLiteral("assessment"), QStringLiteral("family_id"), m_families);
            !added)
            return added;
        if (Status added = addWhereIn(QStringLiteral("assessment_need"), QStringLiteral("assessment_id"),
                                      idsIn(QStringLiteral("assessment")));
            !added)
            return added;
        if (Status added = addWhereIn(QStringLiteral("taf_plan"), QStringLiteral("family_id"), m_families); !added)
            return added;

        const QStringList plans = idsIn(QStringLiteral("taf_plan"));
        for (const QString& table :
             {QStringLiteral("plan_goal"), QStringLiteral("taf_meeting"), QStringLiteral("plan_review")}) {
            if (Status added = addWhereIn(table, QStringLiteral("plan_id"), plans); !added)
                return added;
        }
        return addWhereIn(QStringLiteral("plan_action"), QStringLiteral("goal_id"), idsIn(QStringLiteral("plan_goal")));
    }

    // Consent and sharing decisions about the child, sharing decisions about
    // the whole family, and case notes about the child or the whole family.
    Status collectConsentAndNotes() {
        if (Status added = add(QStringLiteral("consent"), QStringLiteral("subject_person_id = ?"), {m_childId});
            !added)
            return added;

        QVariantList decisionBinds{m_childId};
        const QString familyDecisions = inList(QStringLiteral("family_id"), m_families, decisionBinds);
        if (Status added = add(QStringLiteral("sharing_decision"),
                               QStringLiteral("person_id = ? OR (person_id IS NULL AND %1)").arg(familyDecisions),
                               decisionBinds);
            !added)
            return added;

        QVariantList noteBinds;
        const QString familyNotes = inList(QStringLiteral("family_id"), m_families, noteBinds);
        noteBinds << m_childId;
        return add(QStringLiteral("case_note"),
                   QStringLiteral("%1 AND (person_id IS NULL OR person_id = ?)").arg(familyNotes), noteBinds);
    }

    FileReader m_reader;
    QString m_childId;
    QStringList m_families;
    QStringList m_adults;
    QStringList m_people; // the child first, then the adults
    QJsonObject m_file;
};

Error rejected(const QString& message) {
    return Error{ErrorCode::ImportRejected, message};
}

} // namespace

QStringList safeguardingFileTables() {
    QStringList tables;
    for (const TableSpec& spec : tableSpecs())
        tables << spec.table;
    return tables;
}

Result<QJsonObject> readSafeguardingFile(Store& store, const QString& personId) {
    FileCollector collector(store, personId);
    return collector.collect();
}

namespace {

// Writes the rows of the file, giving every record a new id.
class FileWriter {
public:
    FileWriter(Store& store, QString localOrgId)
        : m_store(store)
        , m_localOrgId(std::move(localOrgId)) {}

    Result<WrittenFile> write(const QJsonObject& records, const QString& childId) {
        for (auto table = records.begin(); table != records.end(); ++table)
            if (!specFor(table.key()))
                return std::unexpected(rejected(tr("The package contains records of kind \"%1\", which this "
                                                   "version of the app does not know. Update the app and "
                                                   "import the package again.")
                                                    .arg(table.key())));

        WrittenFile written;
        for (const TableSpec& spec : tableSpecs()) {
            const QJsonValue rows = records.value(spec.table);
            if (!rows.isUndefined() && !rows.isArray())
                return std::unexpected(malformed(spec.table));
            int count = 0;
            for (const QJsonValue& row : rows.toArray()) {
                if (!row.isObject())
                    return std::unexpected(malformed(spec.table));
                Result<bool> inserted = writeRow(spec, row.toObject(), childId, written);
                if (!inserted)
                    return std::unexpected(inserted.error());
                if (*inserted)
                    ++count;
            }
            written.counts.insert(spec.table, count);
        }
        written.personId = m_newIds.value(childId);
        if (written.personId.isEmpty())
            return std::unexpected(rejected(tr("The package does not contain the record of the child it was "
                                               "made for. Ask the sending school to send the file again.")));
        return written;
    }

private:
    Error malformed(const QString& table) const {
        return rejected(tr("The package's records of kind \"%1\" are not in the expected form. Ask the sending "
                           "school to send the file again.")
                            .arg(table));
    }

    // Returns the value to bind for a JSON value, or nothing for a JSON type
    // that no column holds.
    static std::optional<QVariant> boundValue(const QJsonValue& value) {
        switch (value.type()) {
        case QJsonValue::Null:
            return QVariant(QMetaType::fromType<QString>());
        case QJsonValue::String:
            return QVariant(value.toString());
        case QJsonValue::Bool:
            return QVariant(qint64(value.toBool() ? 1 : 0));
        case QJsonValue::Double: {
            const double number = value.toDouble();
            if (std::trunc(number) == number && std::abs(number) < 9007199254740992.0)
                return QVariant(qint64(number));
            return QVariant(number);
        }
        default:
            return std::nullopt;
        }
    }

    // Returns the id of the pupil this store already has with upn, or an
    // empty string.
    Result<QString> existingPupil(const QJsonValue& upn) {
        if (!upn.isString() || upn.toString().isEmpty())
            return QString();
        QSqlQuery query(m_store.database());
        query.prepare(QStringLiteral("SELECT id FROM person WHERE org_id = ? AND upn = ? AND deleted = 0"));
        query.addBindValue(m_localOrgId);
        query.addBindValue(upn.toString());
        if (!query.exec())
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        return query.next() ? query.value(0).toString() : QString();
    }

    Result<bool> writeRow(const TableSpec& spec, const QJsonObject& row, const QString& childId,
                          WrittenFile& written) {
        const QString oldId = row.value(QStringLiteral("id")).toString();
        if (oldId.isEmpty() || m_newIds.contains(oldId))
            return std::unexpected(malformed(spec.table));

        if (spec.table == u"person" && oldId == childId) {
            Result<QString> existing = existingPupil(row.value(QStringLiteral("upn")));
            if (!existing)
                return std::unexpected(existing.error());
            if (!existing->isEmpty()) {
                m_newIds.insert(oldId, *existing);
                written.joinedExistingPerson = true;
                return false;
            }
        }

        QStringList columns{QStringLiteral("id"), QStringLiteral("org_id")};
        const QString newId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVariantList values{newId, m_localOrgId};
        for (auto field = row.begin(); field != row.end(); ++field) {
            if (field.key() == u"id")
                continue;
            if (!spec.columns.contains(field.key()))
                return std::unexpected(rejected(tr("The package's records of kind \"%1\" have a field \"%2\", "
                                                   "which this version of the app does not know. Update the "
                                                   "app and import the package again.")
                                                    .arg(spec.table, field.key())));
            std::optional<QVariant> value = boundValue(field.value());
            if (!value)
                return std::unexpected(malformed(spec.table));
            Result<QVariant> mapped = mapValue(spec, field.key(), *value);
            if (!mapped)
                return std::unexpected(mapped.error());
            columns << field.key();
            values << *mapped;
        }

        QSqlQuery insert(m_store.database());
        insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                           .arg(spec.table, columns.join(u", "), placeholders(columns.size())));
        for (const QVariant& value : values)
            insert.addBindValue(value);
        if (!insert.exec())
            return std::unexpected(m_store.errorFromSql(insert.lastError()));
        m_newIds.insert(oldId, newId);
        return true;
    }

    // Returns the value to store for a column: a reference gets the new id
    // of the record it names, and a review's progress is keyed by new goal
    // ids.
    Result<QVariant> mapValue(const TableSpec& spec, const QString& column, const QVariant& value) {
        if (spec.table == u"plan_action" && column == u"owner_org_id")
            return knownOrganisation(value);
        if (spec.table == u"plan_review" && column == u"progress")
            return progressWithNewIds(value.toString());
        for (const Reference& reference : spec.references) {
            if (reference.column != column)
                continue;
            if (value.isNull())
                return value;
            const QString newId = m_newIds.value(value.toString());
            if (!newId.isEmpty())
                return QVariant(newId);
            if (!reference.required)
                return QVariant(QMetaType::fromType<QString>());
            return std::unexpected(rejected(tr("A record of kind \"%1\" in the package refers through \"%2\" to "
                                               "a record the package does not contain. Ask the sending school "
                                               "to send the file again.")
                                                .arg(spec.table, column)));
        }
        return value;
    }

    Result<QVariant> knownOrganisation(const QVariant& orgId) {
        if (orgId.isNull())
            return orgId;
        QSqlQuery query(m_store.database());
        query.prepare(QStringLiteral("SELECT 1 FROM organisation WHERE id = ?"));
        query.addBindValue(orgId);
        if (!query.exec())
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        return query.next() ? orgId : QVariant(QMetaType::fromType<QString>());
    }

    QVariant progressWithNewIds(const QString& progress) const {
        const QJsonObject byGoal = QJsonDocument::fromJson(progress.toUtf8()).object();
        QJsonObject mapped;
        for (auto entry = byGoal.begin(); entry != byGoal.end(); ++entry)
            mapped.insert(m_newIds.value(entry.key(), entry.key()), entry.value());
        return QString::fromUtf8(QJsonDocument(mapped).toJson(QJsonDocument::Compact));
    }

    Store& m_store;
    QString m_localOrgId;
    QHash<QString, QString> m_newIds; // sending store's id to this store's
};

} // namespace

Result<WrittenFile> writeSafeguardingFile(Store& store, const QJsonObject& records, const QString& childId,
                                          const QString& localOrgId) {
    FileWriter writer(store, localOrgId);
    return writer.write(records, childId);
}

} // namespace earlyhelp::transfer
