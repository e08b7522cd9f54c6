#include "sync/synclocalrecords.h"

#include "domain/fieldcatalogue.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace earlyhelp::sync {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sync::SyncLocal)
};

enum class ColumnKind { Text, NullableText, Bool, NullableBool };

// A catalogue field and its column.
struct ColumnField {
    QString fieldId;
    QString column;
    ColumnKind kind = ColumnKind::Text;
};

ColumnKind kindOfColumn(const QString& column) {
    static const QSet<QString> booleans{u"is_pupil"_s,       u"looked_after"_s, u"fsm_eligible"_s,
                                        u"is_current"_s,     u"significant"_s,
                                        u"parental_responsibility"_s};
    static const QSet<QString> nullableText{u"date_of_birth"_s, u"entry_date"_s, u"upn"_s, u"nhs_number"_s};
    if (column == u"contact_order")
        return ColumnKind::NullableBool;
    if (booleans.contains(column))
        return ColumnKind::Bool;
    if (nullableText.contains(column))
        return ColumnKind::NullableText;
    return ColumnKind::Text;
}

// The fields of a record type with a column. A contact's telephone and
// e-mail share the value column, so contacts are mapped apart, and case
// notes have no catalogue columns.
QList<ColumnField> columnFields(const QString& recordType) {
    if (recordType == u"caseNote") {
        return {{u"caseNote.date"_s, u"note_date"_s, ColumnKind::Text},
                {u"caseNote.author"_s, u"author"_s, ColumnKind::Text},
                {u"caseNote.type"_s, u"note_type"_s, ColumnKind::Text},
                {u"caseNote.significantEvent"_s, u"significant"_s, ColumnKind::Bool},
                {u"caseNote.category"_s, u"data_category"_s, ColumnKind::Text},
                {u"caseNote.text"_s, u"body"_s, ColumnKind::Text}};
    }
    if (recordType == u"contact")
        return {{u"contact.telephoneType"_s, u"type_code"_s, ColumnKind::Text}};

    QList<ColumnField> found;
    for (const FieldDefinition& field : fieldCatalogue()) {
        if (field.storeColumn.isEmpty() || !field.id.startsWith(QString(recordType + u'.')))
            continue;
        const QString column = field.storeColumn.toString();
        found += ColumnField{field.id.toString(), column, kindOfColumn(column)};
    }
    return found;
}

// Returns the JSON value of a stored column, undefined when the record has
// no value there.
QJsonValue jsonOfColumn(ColumnKind kind, const QVariant& stored) {
    if (stored.isNull())
        return QJsonValue(QJsonValue::Undefined);
    if (kind == ColumnKind::Bool || kind == ColumnKind::NullableBool)
        return stored.toInt() != 0;
    const QString text = stored.toString();
    return text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text);
}

// Returns the stored value of a JSON field value for a column.
QVariant columnOfJson(ColumnKind kind, const QJsonValue& value) {
    switch (kind) {
    case ColumnKind::Bool:
        return value.toBool() ? 1 : 0;
    case ColumnKind::NullableBool:
        return value.isBool() ? QVariant(value.toBool() ? 1 : 0) : QVariant();
    case ColumnKind::NullableText:
        return value.isString() && !value.toString().isEmpty() ? QVariant(value.toString()) : QVariant();
    case ColumnKind::Text:
        break;
    }
    if (value.isBool())
        return value.toBool() ? u"1"_s : u"0"_s;
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.toString();
}

QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Result<QSqlQuery> run(Store& store, const QString& sql, const QVariantList& binds) {
    QSqlQuery query(store.database());
    if (!query.prepare(sql))
        return std::unexpected(store.errorFromSql(query.lastError()));
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(store.errorFromSql(query.lastError()));
    return query;
}

Result<bool> rowExists(Store& store, const QString& table, const QString& id) {
    Result<QSqlQuery> query = run(store, u"SELECT 1 FROM "_s % table % u" WHERE id = ?"_s, {id});
    if (!query)
        return std::unexpected(query.error());
    return query->next();
}

// Inserts an empty person or family with id when the store has none.
Status ensureParent(Store& store, const QString& table, const QString& id, const QString& orgId) {
    if (id.isEmpty())
        return {};
    const QString now = nowText();
    const QString sql = table == u"person"
                            ? u"INSERT OR IGNORE INTO person (id, org_id, created_at, updated_at) "
                              "VALUES (?, ?, ?, ?)"_s
                            : u"INSERT OR IGNORE INTO family (id, org_id, name, created_at, updated_at) "
                              "VALUES (?, ?, '', ?, ?)"_s;
    Result<QSqlQuery> inserted = run(store, sql, {id, orgId, now, now});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

} // namespace

QString tableOfRecordType(const QString& recordType) {
    static const QMap<QString, QString> tables{
        {u"person"_s, u"person"_s},
        {u"address"_s, u"address"_s},
        {u"contact"_s, u"contact"_s},
        {u"relationship"_s, u"relationship"_s},
        {u"family"_s, u"family"_s},
        {u"familyMember"_s, u"family_member"_s},
        {u"caseNote"_s, u"case_note"_s},
        {u"consent"_s, u"consent"_s},
        {u"sharingDecision"_s, u"sharing_decision"_s},
    };
    return tables.value(recordType);
}

QString recordTypeOfTable(const QString& table) {
    for (const QString& recordType : syncRecordTypes()) {
        if (tableOfRecordType(recordType) == table)
            return recordType;
    }
    return {};
}

const QStringList& syncRecordTypes() {
    static const QStringList types{u"person"_s,       u"address"_s,  u"contact"_s,
                                   u"relationship"_s, u"family"_s,   u"familyMember"_s,
                                   u"caseNote"_s,     u"consent"_s,  u"sharingDecision"_s};
    return types;
}

bool isCatalogueRecordType(const QString& recordType) {
    return syncRecordTypes().contains(recordType) && recordType != u"consent" &&
           recordType != u"sharingDecision";
}

Result<std::optional<LocalRecord>> readLocalRecord(Store& store, const QString& recordType,
                                                   const QString& recordId) {
    const QString table = tableOfRecordType(recordType);
    if (!isCatalogueRecordType(recordType))
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The record type %1 has no catalogue fields.").arg(recordType));

    Result<QSqlQuery> query = run(store, u"SELECT * FROM "_s % table % u" WHERE id = ?"_s, {recordId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<LocalRecord>();

    const QSqlRecord row = query->record();
    const auto column = [&row](const QString& name) { return row.value(name); };
    LocalRecord record;
    record.deleted = column(u"deleted"_s).toInt() != 0;
    for (const ColumnField& field : columnFields(recordType)) {
        const QJsonValue value = jsonOfColumn(field.kind, column(field.column));
        if (!value.isUndefined())
            record.fields.insert(field.fieldId, value);
    }

    if (recordType == u"person") {
        record.personId = recordId;
    } else if (recordType == u"address") {
        record.personId = column(u"person_id"_s).toString();
    } else if (recordType == u"contact") {
        const QString kind = column(u"kind"_s).toString();
        const QJsonValue value = jsonOfColumn(ColumnKind::Text, column(u"value"_s));
        if (!value.isUndefined())
            record.fields.insert(kind == u"phone" ? u"contact.telephone"_s : u"contact.email"_s, value);
        if (kind != u"phone")
            record.fields.remove(u"contact.telephoneType"_s);
        record.personId = column(u"person_id"_s).toString();
        record.links = QJsonObject{{u"kind"_s, kind}};
    } else if (recordType == u"relationship") {
        record.personId = column(u"adult_id"_s).toString();
        record.links = QJsonObject{{u"childId"_s, column(u"child_id"_s).toString()},
                                   {u"adultId"_s, column(u"adult_id"_s).toString()}};
    } else if (recordType == u"family") {
        record.familyId = recordId;
    } else if (recordType == u"familyMember") {
        record.familyId = column(u"family_id"_s).toString();
        record.personId = column(u"person_id"_s).toString();
        record.links = QJsonObject{{u"familyId"_s, record.familyId}, {u"personId"_s, record.personId}};
    } else if (recordType == u"caseNote") {
        record.familyId = column(u"family_id"_s).toString();
        record.personId = column(u"person_id"_s).toString();
    }
    return std::optional<LocalRecord>(record);
}

Status writeIncomingRecord(Store& store, const IncomingRecord& record) {
    const QString table = tableOfRecordType(record.recordType);
    if (!isCatalogueRecordType(record.recordType))
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The record type %1 has no catalogue fields.").arg(record.recordType));

    // Column → value of every field given, plus the columns the subject and
    // links set.
    QMap<QString, QVariant> values;
    const QList<ColumnField> fields = columnFields(record.recordType);
    for (auto it = record.fields.constBegin(); it != record.fields.constEnd(); ++it) {
        if (record.recordType == u"contact" &&
            (it.key() == u"contact.telephone" || it.key() == u"contact.email")) {
            values.insert(u"value"_s, columnOfJson(ColumnKind::Text, it.value()));
            continue;
        }
        for (const ColumnField& field : fields) {
            if (field.fieldId == it.key())
                values.insert(field.column, columnOfJson(field.kind, it.value()));
        }
    }
    // Columns that may not be NULL and have no default take a placeholder
    // when the field was withheld.
    if (record.recordType == u"family" && values.contains(u"status"_s) && values.value(u"status"_s) == u""_s)
        values.insert(u"status"_s, u"open"_s);
    if (record.recordType == u"caseNote" && values.value(u"data_category"_s) == u""_s)
        values.remove(u"data_category"_s);

    const auto link = [&record](const QString& name) { return record.links.value(name).toString(); };
    QStringList personParents;
    QStringList familyParents;
    if (record.recordType == u"address" || record.recordType == u"contact") {
        if (!record.personId.isEmpty())
            values.insert(u"person_id"_s, record.personId);
        personParents += record.personId;
        if (record.recordType == u"contact" && !link(u"kind"_s).isEmpty())
            values.insert(u"kind"_s, link(u"kind"_s));
    } else if (record.recordType == u"relationship") {
        if (!link(u"childId"_s).isEmpty())
            values.insert(u"child_id"_s, link(u"childId"_s));
        if (!link(u"adultId"_s).isEmpty())
            values.insert(u"adult_id"_s, link(u"adultId"_s));
        personParents << link(u"childId"_s) << link(u"adultId"_s);
    } else if (record.recordType == u"familyMember") {
        const QString familyId = link(u"familyId"_s).isEmpty() ? record.familyId : link(u"familyId"_s);
        const QString personId = link(u"personId"_s).isEmpty() ? record.personId : link(u"personId"_s);
        if (!familyId.isEmpty())
            values.insert(u"family_id"_s, familyId);
        if (!personId.isEmpty())
            values.insert(u"person_id"_s, personId);
        personParents += personId;
        familyParents += familyId;
    } else if (record.recordType == u"caseNote") {
        if (!record.familyId.isEmpty())
            values.insert(u"family_id"_s, record.familyId);
        values.insert(u"person_id"_s, record.personId.isEmpty() ? QVariant() : QVariant(record.personId));
        personParents += record.personId;
        familyParents += record.familyId;
    }
    for (const QString& id : std::as_const(personParents)) {
        if (Status ensured = ensureParent(store, u"person"_s, id, record.localOrgId); !ensured)
            return ensured;
    }
    for (const QString& id : std::as_const(familyParents)) {
        if (Status ensured = ensureParent(store, u"family"_s, id, record.localOrgId); !ensured)
            return ensured;
    }
    values.insert(u"deleted"_s, record.deleted ? 1 : 0);

    Result<bool> exists = rowExists(store, table, record.recordId);
    if (!exists)
        return std::unexpected(exists.error());
    const QString now = nowText();

    if (*exists) {
        QStringList assignments;
        QVariantList binds;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            assignments += it.key() % u" = ?"_s;
            binds += it.value();
        }
        binds += now;
        binds += record.recordId;
        Result<QSqlQuery> updated =
            run(store,
                u"UPDATE "_s % table % u" SET "_s % assignments.join(u", ") %
                    u", revision = revision + 1, updated_at = ? WHERE id = ?"_s,
                binds);
        if (!updated)
            return std::unexpected(updated.error());
        return {};
    }

    // Required columns of a new row whose field was withheld.
    const QMap<QString, QMap<QString, QVariant>> requiredDefaults{
        {u"contact"_s, {{u"kind"_s, u"phone"_s}, {u"value"_s, u""_s}}},
        {u"family"_s, {{u"name"_s, u""_s}}},
        // NOTE: a member whose role was withheld is stored as an adult,
        // because the column allows only child or adult.
        {u"familyMember"_s, {{u"role"_s, u"adult"_s}}},
        {u"caseNote"_s, {{u"note_date"_s, u""_s}, {u"author"_s, u""_s}, {u"note_type"_s, u""_s}, {u"body"_s, u""_s}}},
    };
    const QMap<QString, QVariant> defaults = requiredDefaults.value(record.recordType);
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
        if (values.value(it.key()).toString().isEmpty())
            values.insert(it.key(), it.value());
    }

    QStringList columns{u"id"_s, u"org_id"_s, u"created_at"_s, u"updated_at"_s};
    QVariantList binds{record.recordId, record.localOrgId, now, now};
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        columns += it.key();
        binds += it.value();
    }
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks += u"?"_s;
    Result<QSqlQuery> inserted = run(store,
                                     u"INSERT INTO "_s % table % u" ("_s % columns.join(u", ") %
                                         u") VALUES ("_s % marks.join(u", ") % u")"_s,
                                     binds);
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Status writeLocalField(Store& store, const QString& recordType, const QString& recordId, const QString& fieldId,
                       const QJsonValue& value) {
    const QString table = tableOfRecordType(recordType);
    QString column;
    ColumnKind kind = ColumnKind::Text;
    if (recordType == u"contact" && (fieldId == u"contact.telephone" || fieldId == u"contact.email")) {
        column = u"value"_s;
    } else {
        for (const ColumnField& field : columnFields(recordType)) {
            if (field.fieldId == fieldId) {
                column = field.column;
                kind = field.kind;
            }
        }
    }
    if (table.isEmpty() || column.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The field %1 of a %2 record has no column in this store, so it cannot be "
                                  "changed here.")
                             .arg(fieldId, recordType));

    Result<QSqlQuery> updated = run(store,
                                    u"UPDATE "_s % table % u" SET "_s % column %
                                        u" = ?, revision = revision + 1, updated_at = ? WHERE id = ?"_s,
                                    {columnOfJson(kind, value), nowText(), recordId});
    if (!updated)
        return std::unexpected(updated.error());
    if (updated->numRowsAffected() == 0)
        return makeError(ErrorCode::NotFound,
                         Text::tr("No %1 record with id %2 is in this store.").arg(recordType, recordId));
    return {};
}

Result<int> deleteRecordTree(Store& store, const QString& table, const QString& recordId) {
    // Child table → columns that refer to table(id), read once per call
    // from the schema.
    struct Reference {
        QString table;
        QString column;
    };
    QList<Reference> references;
    {
        Result<QSqlQuery> tables =
            run(store, u"SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%REFERENCES%'"_s, {});
        if (!tables)
            return std::unexpected(tables.error());
        QStringList names;
        while (tables->next())
            names += tables->value(0).toString();
        for (const QString& name : std::as_const(names)) {
            Result<QSqlQuery> keys = run(store, u"SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)"_s,
                                         {name});
            if (!keys)
                return std::unexpected(keys.error());
            while (keys->next()) {
                if (keys->value(0).toString() == table)
                    references += Reference{name, keys->value(1).toString()};
            }
        }
    }

    int deleted = 0;
    for (const Reference& reference : std::as_const(references)) {
        Result<QSqlQuery> children =
            run(store, u"SELECT id FROM "_s % reference.table % u" WHERE "_s % reference.column % u" = ?"_s,
                {recordId});
        if (!children)
            return std::unexpected(children.error());
        QStringList ids;
        while (children->next())
            ids += children->value(0).toString();
        for (const QString& id : std::as_const(ids)) {
            if (reference.table == table && id == recordId)
                continue;
            Result<int> removed = deleteRecordTree(store, reference.table, id);
            if (!removed)
                return removed;
            deleted += *removed;
        }
    }

    Result<QSqlQuery> removed = run(store, u"DELETE FROM "_s % table % u" WHERE id = ?"_s, {recordId});
    if (!removed)
        return std::unexpected(removed.error());
    deleted += removed->numRowsAffected() > 0 ? 1 : 0;

    const QString recordType = recordTypeOfTable(table);
    if (!recordType.isEmpty()) {
        for (const QString& syncTable : {u"sync_record"_s, u"sync_outbox"_s}) {
            Result<QSqlQuery> cleared =
                run(store, u"DELETE FROM "_s % syncTable % u" WHERE record_type = ? AND record_id = ?"_s,
                    {recordType, recordId});
            if (!cleared)
                return std::unexpected(cleared.error());
        }
    }
    return deleted;
}

} // namespace earlyhelp::sync
