#include "sharing/familyshare.h"

#include "cases/casedirectory.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "casework/datacategorycode.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace earlyhelp::sharing {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sharing)
};

// Store columns that contain 0 or 1, read as bool.
const QSet<QString>& booleanColumns() {
    static const QSet<QString> columns{
        QStringLiteral("is_pupil"),
        QStringLiteral("looked_after"),
        QStringLiteral("fsm_eligible"),
        QStringLiteral("is_current"),
        QStringLiteral("parental_responsibility"),
        QStringLiteral("contact_order"),
    };
    return columns;
}

// Store columns that contain an ISO 8601 date, read as QDate.
const QSet<QString>& dateColumns() {
    static const QSet<QString> columns{QStringLiteral("date_of_birth"), QStringLiteral("entry_date")};
    return columns;
}

// A catalogue field that has a column in its record type's table.
struct ColumnField {
    QString fieldId;
    QString column;
};

QList<ColumnField> columnFields(RecordType recordType) {
    QList<ColumnField> found;
    for (const FieldDefinition& field : fieldCatalogue()) {
        if (field.recordType == recordType && !field.storeColumn.isEmpty())
            found += ColumnField{field.id.toString(), field.storeColumn.toString()};
    }
    return found;
}

// Returns the distinct columns of fields, in catalogue order.
QStringList distinctColumns(const QList<ColumnField>& fields) {
    QStringList columns;
    for (const ColumnField& field : fields) {
        if (!columns.contains(field.column))
            columns += field.column;
    }
    return columns;
}

// Converts a stored value to the type a field map holds, or an invalid
// QVariant when the record has no value there.
QVariant fieldValue(const QString& column, const QVariant& stored) {
    if (stored.isNull())
        return {};
    if (booleanColumns().contains(column))
        return stored.toInt() != 0;
    if (dateColumns().contains(column)) {
        const QDate date = QDate::fromString(stored.toString(), Qt::ISODate);
        return date.isValid() ? QVariant(date) : QVariant();
    }
    const QString text = stored.toString();
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// One row of a table: its id, the columns its catalogue fields name and the
// extra columns the caller requested.
struct TableRow {
    QString id;
    QMap<QString, QVariant> columns; // column → stored value
};

Result<QList<TableRow>> readRows(Store& store, RecordType recordType, const QStringList& extraColumns,
                                 const QString& where, const QVariantList& binds, const QString& order) {
    const QString table = storeTable(recordType).toString();
    QStringList columns = distinctColumns(columnFields(recordType));
    for (const QString& extra : extraColumns) {
        if (!columns.contains(extra))
            columns += extra;
    }

    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    const QString sql = u"SELECT id, "_s % columns.join(u", ") % u" FROM "_s % table %
                        u" WHERE deleted = 0 AND ("_s % where % u") ORDER BY "_s % order;
    if (!query.prepare(sql))
        return std::unexpected(store.errorFromSql(query.lastError()));
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(store.errorFromSql(query.lastError()));

    QList<TableRow> rows;
    while (query.next()) {
        TableRow row;
        row.id = query.value(0).toString();
        for (qsizetype i = 0; i < columns.size(); ++i)
            row.columns.insert(columns.at(i), query.value(static_cast<int>(i + 1)));
        rows += row;
    }
    return rows;
}

// Returns the field map of row for every catalogue field of recordType,
// leaving out the fields without a value.
QMap<QString, QVariant> fieldsOf(RecordType recordType, const TableRow& row) {
    QMap<QString, QVariant> fields;
    for (const ColumnField& field : columnFields(recordType)) {
        const QVariant value = fieldValue(field.column, row.columns.value(field.column));
        if (value.isValid())
            fields.insert(field.fieldId, value);
    }
    return fields;
}

QString personName(const TableRow& person) {
    const auto text = [&person](const QString& column) { return person.columns.value(column).toString(); };
    const QString forename =
        text(u"preferred_forename"_s).isEmpty() ? text(u"legal_forename"_s) : text(u"preferred_forename"_s);
    const QString surname =
        text(u"preferred_surname"_s).isEmpty() ? text(u"legal_surname"_s) : text(u"preferred_surname"_s);
    return QStringList{forename, surname}.join(u' ').trimmed();
}

QString dateLabel(QDate date) {
    return date.toString(u"dd/MM/yyyy");
}

// Reads records from the store for one scope, keeping the names of the
// people it has read for the labels of their other records.
class RecordCollector {
public:
    explicit RecordCollector(Store& store)
        : m_store(store) {}

    [[nodiscard]] Result<TableRow> readPerson(const QString& personId) {
        Result<QList<TableRow>> rows = readRows(m_store, RecordType::Person, {},
                                                u"id = ? AND merged_into IS NULL"_s, {personId}, u"id"_s);
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->isEmpty())
            return makeError(ErrorCode::NotFound,
                             Text::tr("No person with id %1 is in this store. They may have been deleted or "
                                      "merged into another record.")
                                 .arg(personId));
        m_names.insert(personId, personName(rows->first()));
        return rows->first();
    }

    void addPerson(const TableRow& person, const QString& familyId) {
        const QString name = m_names.value(person.id);
        m_records += ShareRecord{RecordType::Person,
                                 person.id,
                                 {familyId, person.id},
                                 name,
                                 name,
                                 fieldsOf(RecordType::Person, person)};
    }

    [[nodiscard]] Status addAddressesAndContacts(const QString& personId, const QString& familyId) {
        const policy::SharingSubject subject{familyId, personId};
        const QString name = m_names.value(personId);

        Result<QList<TableRow>> addresses = readRows(
            m_store, RecordType::Address, {}, u"person_id = ? AND is_current = 1"_s, {personId}, u"id"_s);
        if (!addresses)
            return std::unexpected(addresses.error());
        for (const TableRow& row : std::as_const(*addresses))
            m_records += ShareRecord{RecordType::Address, row.id, subject,
                                     Text::tr("Address"), name,   fieldsOf(RecordType::Address, row)};

        Result<QList<TableRow>> contacts = readRows(m_store, RecordType::Contact, {u"kind"_s},
                                                    u"person_id = ?"_s, {personId}, u"kind DESC, id"_s);
        if (!contacts)
            return std::unexpected(contacts.error());
        for (const TableRow& row : std::as_const(*contacts))
            m_records += contactRecord(row, subject, name);
        return {};
    }

    // Adds the relationships that where selects, each as the adult's record.
    // A relationship whose child or adult is deleted or merged is left out.
    [[nodiscard]] Status addRelationships(const QString& where, const QVariantList& binds,
                                          const QString& familyId) {
        Result<QList<TableRow>> rows = readRows(
            m_store, RecordType::Relationship, {u"child_id"_s, u"adult_id"_s},
            where % u" AND child_id IN (SELECT id FROM person WHERE deleted = 0 AND merged_into IS NULL)"_s %
                u" AND adult_id IN (SELECT id FROM person WHERE deleted = 0 AND merged_into IS NULL)"_s,
            binds, u"id"_s);
        if (!rows)
            return std::unexpected(rows.error());
        for (const TableRow& row : std::as_const(*rows)) {
            const QString adultId = row.columns.value(u"adult_id"_s).toString();
            const QString childId = row.columns.value(u"child_id"_s).toString();
            Result<QString> adultName = nameOf(adultId);
            if (!adultName)
                return std::unexpected(adultName.error());
            Result<QString> childName = nameOf(childId);
            if (!childName)
                return std::unexpected(childName.error());
            m_records += ShareRecord{RecordType::Relationship,
                                     row.id,
                                     {familyId, adultId},
                                     Text::tr("Relationship to %1").arg(*childName),
                                     *adultName,
                                     fieldsOf(RecordType::Relationship, row)};
        }
        return {};
    }

    [[nodiscard]] Status addCaseNotes(const QString& where, const QVariantList& binds,
                                      const QString& familyLabel) {
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        if (!query.prepare(u"SELECT id FROM case_note WHERE deleted = 0 AND ("_s % where %
                           u") ORDER BY note_date DESC, created_at DESC"_s))
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        for (const QVariant& bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        QStringList ids;
        while (query.next())
            ids += query.value(0).toString();

        CaseNoteRepository notes(m_store);
        for (const QString& id : std::as_const(ids)) {
            Result<CaseNote> note = notes.get(id);
            if (!note)
                return std::unexpected(note.error());
            QString subjectLabel = familyLabel;
            if (!note->personId.isEmpty()) {
                Result<QString> name = nameOf(note->personId);
                if (!name)
                    return std::unexpected(name.error());
                subjectLabel = *name;
            }
            m_records += ShareRecord{RecordType::CaseNote,
                                     note->meta.id,
                                     {note->familyId, note->personId},
                                     Text::tr("Case note %1").arg(dateLabel(note->date)),
                                     subjectLabel,
                                     caseNoteFields(*note)};
        }
        return {};
    }

    void addRecord(ShareRecord record) { m_records += std::move(record); }
    [[nodiscard]] QList<ShareRecord> records() const { return m_records; }

private:
    // Returns the name of a person, read from the store the first time,
    // including a deleted one so that a note about them keeps a label.
    [[nodiscard]] Result<QString> nameOf(const QString& personId) {
        if (const auto found = m_names.constFind(personId); found != m_names.cend())
            return *found;
        QSqlQuery query(m_store.database());
        query.prepare(
            u"SELECT legal_forename, legal_surname, preferred_forename, preferred_surname FROM person "
            "WHERE id = ?"_s);
        query.addBindValue(personId);
        if (!query.exec())
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        TableRow row;
        if (query.next()) {
            row.columns.insert(u"legal_forename"_s, query.value(0));
            row.columns.insert(u"legal_surname"_s, query.value(1));
            row.columns.insert(u"preferred_forename"_s, query.value(2));
            row.columns.insert(u"preferred_surname"_s, query.value(3));
        }
        const QString name = personName(row);
        m_names.insert(personId, name);
        return name;
    }

    // Telephone numbers and e-mail addresses share the value column, so the
    // kind column decides which catalogue fields a contact row fills.
    static ShareRecord contactRecord(const TableRow& row, const policy::SharingSubject& subject,
                                     const QString& subjectLabel) {
        const bool isPhone = row.columns.value(u"kind"_s).toString() == u"phone";
        QMap<QString, QVariant> fields;
        const QVariant value = fieldValue(u"value"_s, row.columns.value(u"value"_s));
        if (value.isValid())
            fields.insert(isPhone ? u"contact.telephone"_s : u"contact.email"_s, value);
        if (isPhone) {
            const QVariant type = fieldValue(u"type_code"_s, row.columns.value(u"type_code"_s));
            if (type.isValid())
                fields.insert(u"contact.telephoneType"_s, type);
        }
        return ShareRecord{
            RecordType::Contact, row.id, subject, isPhone ? Text::tr("Telephone") : Text::tr("E-mail"),
            subjectLabel,        fields};
    }

    // A case note's category goes in as its stored code, because
    // buildPayload() reads the text's category from it.
    static QMap<QString, QVariant> caseNoteFields(const CaseNote& note) {
        QMap<QString, QVariant> fields;
        if (note.date.isValid())
            fields.insert(u"caseNote.date"_s, note.date);
        if (!note.author.isEmpty())
            fields.insert(u"caseNote.author"_s, note.author);
        if (!note.type.isEmpty())
            fields.insert(u"caseNote.type"_s, note.type);
        fields.insert(u"caseNote.significantEvent"_s, note.significant);
        fields.insert(u"caseNote.category"_s, dataCategoryCode(note.category).toString());
        if (!note.text.isEmpty())
            fields.insert(u"caseNote.text"_s, note.text);
        return fields;
    }

    Store& m_store;
    QMap<QString, QString> m_names; // person id → name
    QList<ShareRecord> m_records;
};

// Returns "?, ?, ?" for count placeholders.
QString placeholders(qsizetype count) {
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks += u"?"_s;
    return marks.join(u", ");
}

// Returns the ids a query with one list of binds selects.
Result<QStringList> selectIds(Store& store, const QString& sql, const QVariantList& binds) {
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(store.errorFromSql(query.lastError()));
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(store.errorFromSql(query.lastError()));
    QStringList ids;
    while (query.next())
        ids += query.value(0).toString();
    return ids;
}

// The consents and sharing decisions about any subject of records.
struct SubjectConsents {
    QList<Consent> consents;
    QList<SharingDecision> decisions;
};

Result<SubjectConsents> readConsents(Store& store, const QList<ShareRecord>& records) {
    QSet<QString> personSet;
    QSet<QString> familySet;
    for (const ShareRecord& record : records) {
        if (!record.subject.personId.isEmpty())
            personSet.insert(record.subject.personId);
        if (!record.subject.familyId.isEmpty())
            familySet.insert(record.subject.familyId);
    }
    QVariantList binds;
    for (const QString& id : std::as_const(personSet))
        binds += id;
    for (const QString& id : std::as_const(familySet))
        binds += id;

    SubjectConsents found;
    if (binds.isEmpty())
        return found;

    // An empty IN () list is valid in SQLite and matches nothing.
    const QString condition = u"deleted = 0 AND ("_s % u"%1 IN ("_s % placeholders(personSet.size()) %
                              u") OR family_id IN ("_s % placeholders(familySet.size()) % u"))"_s;
    ConsentRepository repository(store);

    Result<QStringList> consentIds =
        selectIds(store, u"SELECT id FROM consent WHERE "_s % condition.arg(u"subject_person_id"_s), binds);
    if (!consentIds)
        return std::unexpected(consentIds.error());
    for (const QString& id : std::as_const(*consentIds)) {
        Result<Consent> consent = repository.consent(id);
        if (!consent)
            return std::unexpected(consent.error());
        found.consents += *consent;
    }

    Result<QStringList> decisionIds =
        selectIds(store, u"SELECT id FROM sharing_decision WHERE "_s % condition.arg(u"person_id"_s), binds);
    if (!decisionIds)
        return std::unexpected(decisionIds.error());
    for (const QString& id : std::as_const(*decisionIds)) {
        Result<SharingDecision> decision = repository.sharingDecision(id);
        if (!decision)
            return std::unexpected(decision.error());
        found.decisions += *decision;
    }
    return found;
}

// The payload of a record while no agreement is in force: every field
// withheld with the state's reason and no clause.
policy::Payload withheldPayload(const ShareRecord& record, const QString& reason) {
    policy::Payload payload;
    for (auto it = record.fields.cbegin(); it != record.fields.cend(); ++it)
        payload.withheld += policy::WithheldField{it.key(), reason, {}};
    return payload;
}

} // namespace

Result<QList<ShareRecord>> collectFamilyRecords(Store& store, const QString& familyId) {
    Result<QList<TableRow>> families =
        readRows(store, RecordType::Family, {}, u"id = ?"_s, {familyId}, u"id"_s);
    if (!families)
        return std::unexpected(families.error());
    if (families->isEmpty())
        return makeError(
            ErrorCode::NotFound,
            Text::tr("No family with id %1 is in this store. It may have been deleted.").arg(familyId));
    const TableRow& family = families->first();
    const QString familyLabel = family.columns.value(u"name"_s).toString();

    RecordCollector collector(store);
    collector.addRecord(ShareRecord{RecordType::Family,
                                    family.id,
                                    {familyId, {}},
                                    familyLabel,
                                    familyLabel,
                                    fieldsOf(RecordType::Family, family)});

    Result<QList<TableRow>> members = readRows(
        store, RecordType::FamilyMember, {u"person_id"_s},
        u"family_id = ? AND person_id IN (SELECT id FROM person WHERE deleted = 0 AND merged_into IS NULL)"_s,
        {familyId},
        u"role = 'adult', (SELECT legal_surname || ' ' || legal_forename FROM person WHERE person.id = person_id)"_s);
    if (!members)
        return std::unexpected(members.error());

    for (const TableRow& member : std::as_const(*members)) {
        const QString personId = member.columns.value(u"person_id"_s).toString();
        Result<TableRow> person = collector.readPerson(personId);
        if (!person)
            return std::unexpected(person.error());
        collector.addPerson(*person, familyId);
        const QString name = personName(*person);
        collector.addRecord(ShareRecord{RecordType::FamilyMember,
                                        member.id,
                                        {familyId, personId},
                                        Text::tr("Member of %1").arg(familyLabel),
                                        name,
                                        fieldsOf(RecordType::FamilyMember, member)});
        if (Status added = collector.addAddressesAndContacts(personId, familyId); !added)
            return std::unexpected(added.error());
        if (Status added = collector.addRelationships(u"adult_id = ?"_s, {personId}, familyId); !added)
            return std::unexpected(added.error());
    }

    if (Status added = collector.addCaseNotes(u"family_id = ?"_s, {familyId}, familyLabel); !added)
        return std::unexpected(added.error());
    return collector.records();
}

Result<QList<ShareRecord>> collectPersonRecords(Store& store, const QString& personId) {
    RecordCollector collector(store);
    Result<TableRow> person = collector.readPerson(personId);
    if (!person)
        return std::unexpected(person.error());

    // The person's family decides which family-level consents and decisions
    // count; a person in no family has none.
    Result<QStringList> families =
        selectIds(store,
                  u"SELECT family_id FROM family_member WHERE deleted = 0 AND person_id = ? "
                  "AND family_id IN (SELECT id FROM family WHERE deleted = 0) ORDER BY created_at"_s,
                  {personId});
    if (!families)
        return std::unexpected(families.error());
    const QString familyId = families->isEmpty() ? QString() : families->first();

    collector.addPerson(*person, familyId);
    if (Status added = collector.addAddressesAndContacts(personId, familyId); !added)
        return std::unexpected(added.error());
    if (Status added =
            collector.addRelationships(u"(adult_id = ? OR child_id = ?)"_s, {personId, personId}, familyId);
        !added)
        return std::unexpected(added.error());
    if (Status added = collector.addCaseNotes(u"person_id = ?"_s, {personId}, personName(*person)); !added)
        return std::unexpected(added.error());
    return collector.records();
}

int Share::sharedFieldCount() const {
    int count = 0;
    for (const RecordShare& record : records)
        count += static_cast<int>(record.payload.shared.size());
    return count;
}

int Share::fieldCount() const {
    int count = 0;
    for (const RecordShare& record : records)
        count += static_cast<int>(record.payload.shared.size() + record.payload.withheld.size());
    return count;
}

Result<Share> buildShare(Store& store, const QList<ShareRecord>& records, const AgreementState& state,
                         const policy::SharingRecipient& recipient, const QString& purpose, QDate today) {
    Result<OrganisationRecord> sender = CaseDirectory(store).localOrganisation();
    if (!sender)
        return std::unexpected(sender.error());

    Share share;
    share.senderOrganisationId = sender->id;
    share.senderPartyType = sender->partyType;
    share.recipient = recipient;
    share.purpose = purpose;

    if (!state.inForce) {
        for (const ShareRecord& record : records)
            share.records += RecordShare{record, withheldPayload(record, state.unavailableReason)};
        return share;
    }

    Result<SubjectConsents> consents = readConsents(store, records);
    if (!consents)
        return std::unexpected(consents.error());

    share.agreementVersion = state.inForce->version;
    for (const ShareRecord& record : records) {
        // The state's agreement was verified when the store was opened.
        policy::Payload payload =
            policy::buildPayload(*state.inForce, true, record.fields, record.subject, share.senderPartyType,
                                 recipient, purpose, today, consents->consents, consents->decisions);
        share.records += RecordShare{record, std::move(payload)};
    }
    return share;
}

QString recordTypeName(RecordType recordType) {
    switch (recordType) {
    case RecordType::Person:
        return u"person"_s;
    case RecordType::Address:
        return u"address"_s;
    case RecordType::Contact:
        return u"contact"_s;
    case RecordType::Relationship:
        return u"relationship"_s;
    case RecordType::Family:
        return u"family"_s;
    case RecordType::FamilyMember:
        return u"familyMember"_s;
    case RecordType::CaseNote:
        return u"caseNote"_s;
    }
    return {};
}

QJsonObject wireDocument(const Share& share) {
    QJsonObject sender{{u"organisationId"_s, share.senderOrganisationId},
                       {u"partyType"_s, share.senderPartyType}};
    QJsonObject recipient{{u"partyType"_s, share.recipient.partyType}};
    if (!share.recipient.organisationId.isEmpty())
        recipient.insert(u"organisationId"_s, share.recipient.organisationId);

    QJsonArray records;
    for (const RecordShare& record : share.records) {
        if (record.payload.values.isEmpty())
            continue;
        records.append(QJsonObject{{u"type"_s, recordTypeName(record.record.recordType)},
                                   {u"id"_s, record.record.recordId},
                                   {u"values"_s, record.payload.values}});
    }

    return QJsonObject{{u"agreementVersion"_s, share.agreementVersion},
                       {u"sender"_s, sender},
                       {u"recipient"_s, recipient},
                       {u"purpose"_s, share.purpose},
                       {u"records"_s, records}};
}

} // namespace earlyhelp::sharing
