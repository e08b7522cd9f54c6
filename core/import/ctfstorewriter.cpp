#include "ctfstorewriter.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <limits>
#include <tuple>

namespace earlyhelp {

namespace {

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// TEXT NOT NULL columns need an empty string, never the NULL that a null
// QString binds as.
QVariant textValue(const QString& text) {
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QVariant dateValue(const std::optional<QDate>& date) {
    return date ? QVariant(date->toString(Qt::ISODate)) : QVariant();
}

QVariant flagValue(bool flag) {
    return QVariant(qint64(flag ? 1 : 0));
}

bool isSqlNull(const QVariant& value) {
    if (!value.isValid() || value.isNull())
        return true;
    return value.typeId() == QMetaType::QString && value.toString().isNull();
}

bool isInteger(const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::LongLong:
        return true;
    default:
        return false;
    }
}

// Compares a value read from the store with the value the import would
// write. Integers compare as numbers and everything else as text.
bool sameValue(const QVariant& stored, const QVariant& imported) {
    if (isSqlNull(stored) || isSqlNull(imported))
        return isSqlNull(stored) == isSqlNull(imported);
    if (isInteger(imported))
        return stored.toLongLong() == imported.toLongLong();
    return stored.toString() == imported.toString();
}

// Names that differ from the stored ones only in letter case are left as
// stored, so a file written in capitals does not overwrite "O'Brien" with
// "O'BRIEN". Any other difference, such as an added accent, is written.
const QStringList nameColumns = {
    QStringLiteral("title"),
    QStringLiteral("legal_forename"),
    QStringLiteral("middle_names"),
    QStringLiteral("legal_surname"),
    QStringLiteral("preferred_forename"),
    QStringLiteral("preferred_surname"),
    QStringLiteral("former_surname"),
};

bool sameColumnValue(const QString& column, const QVariant& stored, const QVariant& imported) {
    if (nameColumns.contains(column) && !isSqlNull(stored) && !isSqlNull(imported))
        return stored.toString().toCaseFolded() == imported.toString().toCaseFolded();
    return sameValue(stored, imported);
}

// Returns the name under which adults are matched: the folded name. For a
// contact whose surname has no letter it is the names exactly as given, so
// that such a contact still matches its stored self on a re-import.
QString adultMatchName(const QString& forename, const QString& surname) {
    const QString key = contactNameKey(forename, surname);
    if (!key.isEmpty())
        return key;
    return QString(u"\x1Fgiven\x1F" + forename.trimmed() + u'\x1F' + surname.trimmed());
}

QString phoneKeyOrText(const QString& number) {
    const QString key = phoneMatchKey(number);
    return key.isEmpty() ? number.trimmed() : key;
}

QSet<QString> identityKeysOf(const CtfContact& contact) {
    QSet<QString> keys;
    for (const CtfPhone& phone : contact.phones) {
        if (const QString key = phoneMatchKey(phone.number); !key.isEmpty())
            keys.insert(QString(u"phone:" + key));
    }
    for (const QString& email : contact.emails) {
        if (const QString key = emailMatchKey(email); !key.isEmpty())
            keys.insert(QString(u"email:" + key));
    }
    return keys;
}

const QStringList pupilColumns = {
    QStringLiteral("legal_forename"),
    QStringLiteral("middle_names"),
    QStringLiteral("legal_surname"),
    QStringLiteral("preferred_forename"),
    QStringLiteral("preferred_surname"),
    QStringLiteral("former_surname"),
    QStringLiteral("date_of_birth"),
    QStringLiteral("sex"),
    QStringLiteral("ethnicity"),
    QStringLiteral("language"),
    QStringLiteral("upn"),
    QStringLiteral("is_pupil"),
    QStringLiteral("looked_after"),
    QStringLiteral("care_authority"),
    QStringLiteral("fsm_eligible"),
    QStringLiteral("sen_provision"),
    QStringLiteral("entry_date"),
    QStringLiteral("source_ctf"),
};

const QStringList adultColumns = {
    QStringLiteral("title"),        QStringLiteral("legal_forename"),
    QStringLiteral("middle_names"), QStringLiteral("legal_surname"),
    QStringLiteral("sex"),          QStringLiteral("is_pupil"),
};

using StoredRow = QHash<QString, QVariant>;

StoredRow readRow(const QSqlQuery& query, const QStringList& columns, int firstIndex) {
    StoredRow row;
    for (qsizetype i = 0; i < columns.size(); ++i)
        row.insert(columns.at(i), query.value(firstIndex + static_cast<int>(i)));
    return row;
}

// Merges the CTF blocks of this file into those stored, block by block, so
// that a partial file without SchoolHistory keeps the stored one.
QString mergedSourceBlocks(const QJsonObject& blocks, const QString& stored) {
    QJsonObject merged = QJsonDocument::fromJson(stored.toUtf8()).object();
    for (auto it = blocks.constBegin(); it != blocks.constEnd(); ++it)
        merged.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(merged).toJson(QJsonDocument::Compact));
}

} // namespace

CtfStoreWriter::CtfStoreWriter(Store& store, const CtfDocument& document, const CtfFamilyPlan& plan,
                               QString timestamp)
    : m_store(store)
    , m_database(store.database())
    , m_document(document)
    , m_plan(plan)
    , m_timestamp(std::move(timestamp)) {}

Result<QSqlQuery> CtfStoreWriter::run(const QString& sql, const QVariantList& values) {
    auto cached = m_statements.find(sql);
    if (cached == m_statements.end()) {
        QSqlQuery query(m_database);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            return std::unexpected(storeError(query));
        cached = m_statements.insert(sql, query);
    }
    QSqlQuery& query = *cached;
    query.finish();
    for (qsizetype i = 0; i < values.size(); ++i)
        query.bindValue(static_cast<int>(i), values.at(i));
    if (!query.exec())
        return std::unexpected(storeError(query));
    return query;
}

Error CtfStoreWriter::storeError(const QSqlQuery& query) const {
    Error error = m_store.errorFromSql(query.lastError());
    error.message =
        QCoreApplication::translate("earlyhelp::CtfImport",
                                    "Writing %1 to the case store failed, so nothing was imported. %2")
            .arg(m_document.fileName, error.message);
    return error;
}

Status CtfStoreWriter::loadOrganisation() {
    Result<QSqlQuery> query =
        run(QStringLiteral("SELECT id FROM organisation WHERE is_local = 1 AND deleted = 0"), {});
    if (!query)
        return std::unexpected(query.error());
    QStringList ids;
    while (query->next())
        ids += query->value(0).toString();

    if (ids.isEmpty()) {
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1 was not imported: the case store has no local organisation to own the records. Finish "
                "setting up the app with your school's details, then import the file again.")
                .arg(m_document.fileName));
    }
    if (ids.size() > 1) {
        return makeError(
            ErrorCode::Database,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1 was not imported: the case store has %2 local organisations, so the owner of the "
                "records is unclear. Report this to whoever supports the app.")
                .arg(m_document.fileName, QString::number(ids.size())));
    }
    m_organisationId = ids.first();
    return {};
}

Status CtfStoreWriter::loadAdults() {
    Result<QSqlQuery> people = run(QStringLiteral("SELECT id, legal_forename, legal_surname FROM person "
                                                  "WHERE org_id = ? AND is_pupil = 0 AND deleted = 0 "
                                                  "ORDER BY created_at, id"),
                                   {m_organisationId});
    if (!people)
        return std::unexpected(people.error());
    while (people->next()) {
        const QString id = people->value(0).toString();
        m_adultsByName[adultMatchName(people->value(1).toString(), people->value(2).toString())] += id;
    }

    Result<QSqlQuery> details = run(QStringLiteral("SELECT c.person_id, c.kind, c.value FROM contact c "
                                                   "JOIN person p ON p.id = c.person_id "
                                                   "WHERE p.org_id = ? AND p.is_pupil = 0 AND p.deleted = 0 "
                                                   "AND c.deleted = 0"),
                                    {m_organisationId});
    if (!details)
        return std::unexpected(details.error());
    while (details->next()) {
        const QString kind = details->value(1).toString();
        const QString value = details->value(2).toString();
        const QString key = kind == u"phone" ? phoneMatchKey(value) : emailMatchKey(value);
        if (!key.isEmpty())
            m_identitiesOfAdult[details->value(0).toString()].insert(QString(kind + u':' + key));
    }

    Result<QSqlQuery> links =
        run(QStringLiteral("SELECT child_id, adult_id FROM relationship WHERE org_id = ? AND deleted = 0"),
            {m_organisationId});
    if (!links)
        return std::unexpected(links.error());
    while (links->next())
        m_adultsOfChild[links->value(0).toString()].insert(links->value(1).toString());
    return {};
}

Status CtfStoreWriter::write(const ProgressCallback& progress, ImportSummary& summary) {
    if (Status loaded = loadOrganisation(); !loaded)
        return loaded;
    if (Status loaded = loadAdults(); !loaded)
        return loaded;

    const qint64 total = m_document.pupils.size() + m_plan.adults.size() + m_plan.families.size();
    qint64 done = 0;
    const auto advance = [&]() { return !progress || progress(++done, total); };
    const auto cancelled = [this]() {
        return makeError(ErrorCode::Cancelled, QCoreApplication::translate(
                                                   "earlyhelp::CtfImport",
                                                   "The import of %1 was cancelled, so nothing was imported.")
                                                   .arg(m_document.fileName));
    };
    if (progress && !progress(0, total))
        return cancelled();
    const auto tally = [](Change change, int& added, int& updated, int& unchanged) {
        if (change == Change::Added)
            ++added;
        else if (change == Change::Updated)
            ++updated;
        else
            ++unchanged;
    };

    for (const CtfPupil& pupil : m_document.pupils) {
        QString personId;
        const Result<Change> change = writePupil(pupil, personId);
        if (!change)
            return std::unexpected(change.error());
        m_pupilIds += personId;
        tally(*change, summary.pupilsAdded, summary.pupilsUpdated, summary.pupilsUnchanged);
        if (!advance())
            return cancelled();
    }

    for (const CtfAdult& adult : m_plan.adults) {
        QString personId;
        const Result<Change> change = writeAdult(adult, personId);
        if (!change)
            return std::unexpected(change.error());
        m_adultIds += personId;
        tally(*change, summary.contactsAdded, summary.contactsUpdated, summary.contactsUnchanged);
        if (!advance())
            return cancelled();
    }

    for (const CtfFamily& family : m_plan.families) {
        const Result<Change> change = writeFamily(family);
        if (!change)
            return std::unexpected(change.error());
        tally(*change, summary.familiesAdded, summary.familiesUpdated, summary.familiesUnchanged);
        if (!advance())
            return cancelled();
    }

    summary.pupilsWithoutFamily = static_cast<int>(m_plan.pupilsWithoutFamily.size());
    return {};
}

Result<QString> CtfStoreWriter::insertPerson(const QList<ColumnValue>& values) {
    const QString id = newId();
    QStringList columns = {QStringLiteral("id"), QStringLiteral("org_id")};
    QVariantList bound = {id, m_organisationId};
    for (const ColumnValue& value : values) {
        columns += value.column;
        bound += value.value;
    }
    const QString placeholders = QStringList(columns.size(), QStringLiteral("?")).join(u", ");
    bound += QVariantList{m_timestamp, m_timestamp};

    const QString sql = u"INSERT INTO person (" + columns.join(u", ") +
                        u", revision, created_at, updated_at, deleted) VALUES (" + placeholders +
                        u", 1, ?, ?, 0)";
    if (Result<QSqlQuery> inserted = run(sql, bound); !inserted)
        return std::unexpected(inserted.error());
    return id;
}

Result<bool> CtfStoreWriter::updatePerson(const QString& personId, const QList<ColumnValue>& values) {
    if (values.isEmpty())
        return false;
    QStringList assignments;
    QVariantList bound;
    for (const ColumnValue& value : values) {
        assignments += QString(value.column + u" = ?");
        bound += value.value;
    }
    bound += QVariantList{m_timestamp, personId};
    const QString sql = u"UPDATE person SET " + assignments.join(u", ") +
                        u", revision = revision + 1, updated_at = ? WHERE id = ?";
    if (Result<QSqlQuery> updated = run(sql, bound); !updated)
        return std::unexpected(updated.error());
    return true;
}

Result<CtfStoreWriter::Change> CtfStoreWriter::writePupil(const CtfPupil& pupil, QString& personId) {
    Result<QSqlQuery> found = run(u"SELECT id, " + pupilColumns.join(u", ") +
                                      u" FROM person WHERE org_id = ? AND upn = ? AND deleted = 0",
                                  {m_organisationId, pupil.upn});
    if (!found)
        return std::unexpected(found.error());

    const bool isNew = !found->next();
    const StoredRow stored = isNew ? StoredRow() : readRow(*found, pupilColumns, 1);
    if (!isNew)
        personId = found->value(0).toString();
    found->finish();

    // A value the file does not give is written only to a new row, as the
    // column's default; a stored row keeps what it has.
    QList<ColumnValue> values;
    const auto addText = [&](const char* column, const QString& text) {
        if (isNew || !text.isEmpty())
            values.append({QString::fromLatin1(column), textValue(text)});
    };
    addText("legal_forename", pupil.forename);
    addText("middle_names", pupil.middleNames);
    addText("legal_surname", pupil.surname);
    addText("preferred_forename", pupil.preferredForename);
    addText("preferred_surname", pupil.preferredSurname);
    addText("former_surname", pupil.formerSurname);
    values.append({QStringLiteral("date_of_birth"), dateValue(pupil.dateOfBirth)});
    addText("sex", pupil.sex);
    addText("ethnicity", pupil.ethnicity);
    addText("language", pupil.language);
    values.append({QStringLiteral("upn"), pupil.upn});
    values.append({QStringLiteral("is_pupil"), flagValue(true)});
    if (pupil.lookedAfter || isNew) {
        values.append({QStringLiteral("looked_after"), flagValue(pupil.lookedAfter.value_or(false))});
        values.append({QStringLiteral("care_authority"), textValue(pupil.careAuthority)});
    }
    if (pupil.fsmEligible || isNew)
        values.append({QStringLiteral("fsm_eligible"), flagValue(pupil.fsmEligible.value_or(false))});
    if (pupil.senProvision || isNew)
        values.append({QStringLiteral("sen_provision"), textValue(pupil.senProvision.value_or(QString()))});
    if (pupil.entryDate || isNew)
        values.append({QStringLiteral("entry_date"), dateValue(pupil.entryDate)});
    if (!pupil.sourceBlocks.isEmpty()) {
        values.append(
            {QStringLiteral("source_ctf"),
             mergedSourceBlocks(pupil.sourceBlocks, stored.value(QStringLiteral("source_ctf")).toString())});
    } else if (isNew) {
        values.append({QStringLiteral("source_ctf"), textValue(QString())});
    }

    bool changed = false;
    if (isNew) {
        Result<QString> inserted = insertPerson(values);
        if (!inserted)
            return std::unexpected(inserted.error());
        personId = *inserted;
    } else {
        QList<ColumnValue> differing;
        for (const ColumnValue& value : std::as_const(values)) {
            if (!sameColumnValue(value.column, stored.value(value.column), value.value))
                differing += value;
        }
        Result<bool> updated = updatePerson(personId, differing);
        if (!updated)
            return std::unexpected(updated.error());
        changed = *updated;
    }

    Result<bool> address = writeAddress(personId, pupil.address);
    if (!address)
        return std::unexpected(address.error());
    Result<bool> details = writeContactDetails(personId, pupil.phones, pupil.emails);
    if (!details)
        return std::unexpected(details.error());

    if (isNew)
        return Change::Added;
    return changed || *address || *details ? Change::Updated : Change::Unchanged;
}

Result<QString> CtfStoreWriter::findAdult(const CtfAdult& adult, const QStringList& childIds) {
    const QSet<QString> identities = identityKeysOf(adult.details);
    QStringList linked;
    QStringList sharing;
    for (const QString& candidate :
         m_adultsByName.value(adultMatchName(adult.details.forename, adult.details.surname))) {
        if (m_claimedAdults.contains(candidate))
            continue;
        const bool isLinked = std::any_of(childIds.cbegin(), childIds.cend(), [&](const QString& child) {
            return m_adultsOfChild.value(child).contains(candidate);
        });
        if (isLinked)
            linked += candidate;
        if (m_identitiesOfAdult.value(candidate).intersects(identities))
            sharing += candidate;
    }

    for (const QString& candidate : std::as_const(linked)) {
        if (sharing.contains(candidate))
            return candidate;
    }
    if (!sharing.isEmpty())
        return sharing.first();
    if (!linked.isEmpty())
        return linked.first();
    return QString();
}

Result<CtfStoreWriter::Change> CtfStoreWriter::writeAdult(const CtfAdult& adult, QString& personId) {
    QStringList childIds;
    for (const CtfContactLink& link : adult.links) {
        const QString& childId = m_pupilIds.at(link.pupil);
        if (!childIds.contains(childId))
            childIds += childId;
    }

    Result<QString> found = findAdult(adult, childIds);
    if (!found)
        return std::unexpected(found.error());
    const bool isNew = found->isEmpty();
    const CtfContact& details = adult.details;

    QList<ColumnValue> values;
    const auto addText = [&](const char* column, const QString& text) {
        if (isNew || !text.isEmpty())
            values.append({QString::fromLatin1(column), textValue(text)});
    };
    addText("title", details.title);
    addText("legal_forename", details.forename);
    addText("middle_names", details.middleNames);
    addText("legal_surname", details.surname);
    addText("sex", details.sex);
    values.append({QStringLiteral("is_pupil"), flagValue(false)});

    bool changed = false;
    if (isNew) {
        Result<QString> inserted = insertPerson(values);
        if (!inserted)
            return std::unexpected(inserted.error());
        personId = *inserted;
        m_adultsByName[adultMatchName(details.forename, details.surname)] += personId;
    } else {
        personId = *found;
        Result<QSqlQuery> stored =
            run(u"SELECT " + adultColumns.join(u", ") + u" FROM person WHERE id = ?", {personId});
        if (!stored)
            return std::unexpected(stored.error());
        const StoredRow row = stored->next() ? readRow(*stored, adultColumns, 0) : StoredRow();
        stored->finish();
        QList<ColumnValue> differing;
        for (const ColumnValue& value : std::as_const(values)) {
            if (!sameColumnValue(value.column, row.value(value.column), value.value))
                differing += value;
        }
        Result<bool> updated = updatePerson(personId, differing);
        if (!updated)
            return std::unexpected(updated.error());
        changed = *updated;
    }
    m_claimedAdults.insert(personId);
    m_identitiesOfAdult[personId].unite(identityKeysOf(details));

    Result<bool> address = writeAddress(personId, details.address);
    if (!address)
        return std::unexpected(address.error());
    Result<bool> contactDetails = writeContactDetails(personId, details.phones, details.emails);
    if (!contactDetails)
        return std::unexpected(contactDetails.error());
    changed = changed || *address || *contactDetails;

    for (const CtfContactLink& link : adult.links) {
        const CtfContact& contact = m_document.pupils.at(link.pupil).contacts.at(link.contact);
        Result<bool> relationship = writeRelationship(m_pupilIds.at(link.pupil), personId, contact);
        if (!relationship)
            return std::unexpected(relationship.error());
        changed = changed || *relationship;
    }

    if (isNew)
        return Change::Added;
    return changed ? Change::Updated : Change::Unchanged;
}

Result<bool> CtfStoreWriter::writeAddress(const QString& personId, const CtfAddress& address) {
    if (address.isEmpty())
        return false;

    Result<QSqlQuery> current =
        run(QStringLiteral("SELECT saon, paon, street, locality, town, administrative_area, "
                           "post_town, county, postcode FROM address "
                           "WHERE person_id = ? AND is_current = 1 AND deleted = 0"),
            {personId});
    if (!current)
        return std::unexpected(current.error());
    while (current->next()) {
        const CtfAddress stored{
            current->value(0).toString(), current->value(1).toString(), current->value(2).toString(),
            current->value(3).toString(), current->value(4).toString(), current->value(5).toString(),
            current->value(6).toString(), current->value(7).toString(), current->value(8).toString()};
        if (stored == address)
            return false;
    }
    current->finish();

    Result<QSqlQuery> superseded =
        run(QStringLiteral("UPDATE address SET is_current = 0, revision = revision + 1, "
                           "updated_at = ? "
                           "WHERE person_id = ? AND is_current = 1 AND deleted = 0"),
            {m_timestamp, personId});
    if (!superseded)
        return std::unexpected(superseded.error());

    Result<QSqlQuery> inserted = run(
        QStringLiteral("INSERT INTO address (id, org_id, person_id, saon, paon, street, locality, town, "
                       "administrative_area, post_town, county, postcode, is_current, revision, created_at, "
                       "updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, 0)"),
        {newId(), m_organisationId, personId, textValue(address.saon), textValue(address.paon),
         textValue(address.street), textValue(address.locality), textValue(address.town),
         textValue(address.administrativeArea), textValue(address.postTown), textValue(address.county),
         textValue(address.postcode), m_timestamp, m_timestamp});
    if (!inserted)
        return std::unexpected(inserted.error());
    return true;
}

Result<bool> CtfStoreWriter::writeContactDetails(const QString& personId, const QList<CtfPhone>& phones,
                                                 const QStringList& emails) {
    if (phones.isEmpty() && emails.isEmpty())
        return false;

    struct StoredDetail {
        QString id;
        QString kind;
        QString typeCode;
        QString key;
    };
    QList<StoredDetail> stored;
    Result<QSqlQuery> existing = run(
        QStringLiteral("SELECT id, kind, type_code, value FROM contact WHERE person_id = ? AND deleted = 0"),
        {personId});
    if (!existing)
        return std::unexpected(existing.error());
    while (existing->next()) {
        const QString kind = existing->value(1).toString();
        const QString value = existing->value(3).toString();
        stored += StoredDetail{existing->value(0).toString(), kind, existing->value(2).toString(),
                               kind == u"phone" ? phoneKeyOrText(value) : emailMatchKey(value)};
    }
    existing->finish();

    bool changed = false;
    const auto write = [&](const QString& kind, const QString& typeCode, const QString& value) -> Status {
        const QString key = kind == u"phone" ? phoneKeyOrText(value) : emailMatchKey(value);
        const auto match = std::find_if(stored.cbegin(), stored.cend(), [&](const StoredDetail& detail) {
            return detail.kind == kind && detail.key == key;
        });
        if (match != stored.cend()) {
            if (typeCode.isEmpty() || typeCode == match->typeCode)
                return {};
            Result<QSqlQuery> updated =
                run(QStringLiteral("UPDATE contact SET type_code = ?, revision = revision + 1, "
                                   "updated_at = ? WHERE id = ?"),
                    {typeCode, m_timestamp, match->id});
            if (!updated)
                return std::unexpected(updated.error());
            changed = true;
            return {};
        }
        const QString id = newId();
        Result<QSqlQuery> inserted =
            run(QStringLiteral("INSERT INTO contact (id, org_id, person_id, kind, type_code, "
                               "value, revision, created_at, updated_at, deleted) "
                               "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0)"),
                {id, m_organisationId, personId, kind, textValue(typeCode), value, m_timestamp, m_timestamp});
        if (!inserted)
            return std::unexpected(inserted.error());
        stored += StoredDetail{id, kind, typeCode, key};
        changed = true;
        return {};
    };

    for (const CtfPhone& phone : phones) {
        if (Status written = write(QStringLiteral("phone"), phone.typeCode, phone.number); !written)
            return std::unexpected(written.error());
    }
    for (const QString& email : emails) {
        if (Status written = write(QStringLiteral("email"), QString(), email); !written)
            return std::unexpected(written.error());
    }
    return changed;
}

Result<bool> CtfStoreWriter::writeRelationship(const QString& childId, const QString& adultId,
                                               const CtfContact& contact) {
    m_adultsOfChild[childId].insert(adultId);
    const QVariant order = contact.order ? QVariant(qint64(*contact.order)) : QVariant();

    Result<QSqlQuery> existing =
        run(QStringLiteral("SELECT id, relationship, parental_responsibility, contact_order, "
                           "deleted FROM relationship WHERE child_id = ? AND adult_id = ?"),
            {childId, adultId});
    if (!existing)
        return std::unexpected(existing.error());

    if (!existing->next()) {
        existing->finish();
        Result<QSqlQuery> inserted =
            run(QStringLiteral(
                    "INSERT INTO relationship (id, org_id, child_id, adult_id, relationship, "
                    "parental_responsibility, contact_order, revision, created_at, updated_at, deleted) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)"),
                {newId(), m_organisationId, childId, adultId, textValue(contact.relationship),
                 flagValue(contact.parentalResponsibility.value_or(false)), order, m_timestamp, m_timestamp});
        if (!inserted)
            return std::unexpected(inserted.error());
        return true;
    }

    // NOTE: a link that a user deleted stays deleted. The import neither
    // restores it nor adds a second one, because UNIQUE (child_id, adult_id)
    // forbids that.
    const QString id = existing->value(0).toString();
    if (existing->value(4).toLongLong() != 0)
        return false;

    QList<ColumnValue> imported;
    if (!contact.relationship.isEmpty())
        imported.append({QStringLiteral("relationship"), contact.relationship});
    if (contact.parentalResponsibility)
        imported.append(
            {QStringLiteral("parental_responsibility"), flagValue(*contact.parentalResponsibility)});
    if (contact.order)
        imported.append({QStringLiteral("contact_order"), order});
    const StoredRow stored{{QStringLiteral("relationship"), existing->value(1)},
                           {QStringLiteral("parental_responsibility"), existing->value(2)},
                           {QStringLiteral("contact_order"), existing->value(3)}};
    existing->finish();

    QStringList assignments;
    QVariantList bound;
    for (const ColumnValue& value : std::as_const(imported)) {
        if (sameValue(stored.value(value.column), value.value))
            continue;
        assignments += QString(value.column + u" = ?");
        bound += value.value;
    }
    if (assignments.isEmpty())
        return false;
    bound += QVariantList{m_timestamp, id};
    Result<QSqlQuery> updated = run(u"UPDATE relationship SET " + assignments.join(u", ") +
                                        u", revision = revision + 1, updated_at = ? WHERE id = ?",
                                    bound);
    if (!updated)
        return std::unexpected(updated.error());
    return true;
}

// Returns the stored family that contains most of the given children. When
// none contains any, it is the family where most of the given adults have
// parental responsibility. Ties go to the oldest. Returns an empty string when
// no stored family qualifies.
Result<QString> CtfStoreWriter::findFamily(const QStringList& childIds, const QStringList& parentIds) {
    const auto tally = [this](const QStringList& personIds, const QString& sql) -> Result<QString> {
        QHash<QString, int> count;
        QHash<QString, QString> createdAt;
        for (const QString& personId : personIds) {
            Result<QSqlQuery> families = run(sql, {personId, m_organisationId});
            if (!families)
                return std::unexpected(families.error());
            while (families->next()) {
                const QString familyId = families->value(0).toString();
                ++count[familyId];
                createdAt.insert(familyId, families->value(1).toString());
            }
        }
        QString best;
        for (auto it = count.constBegin(); it != count.constEnd(); ++it) {
            const auto key = std::tuple(-it.value(), createdAt.value(it.key()), it.key());
            const auto bestKey = std::tuple(-count.value(best), createdAt.value(best), best);
            if (best.isEmpty() || key < bestKey)
                best = it.key();
        }
        return best;
    };

    Result<QString> byChildren =
        tally(childIds, QStringLiteral("SELECT fm.family_id, f.created_at FROM family_member fm "
                                       "JOIN family f ON f.id = fm.family_id "
                                       "WHERE fm.person_id = ? AND fm.role = 'child' "
                                       "AND fm.deleted = 0 AND f.deleted = 0 AND f.org_id = ?"));
    if (!byChildren || !byChildren->isEmpty())
        return byChildren;
    return tally(parentIds, QStringLiteral("SELECT fm.family_id, f.created_at FROM family_member fm "
                                           "JOIN family f ON f.id = fm.family_id "
                                           "WHERE fm.person_id = ? AND fm.role = 'adult' "
                                           "AND fm.parental_responsibility = 1 "
                                           "AND fm.deleted = 0 AND f.deleted = 0 AND f.org_id = ?"));
}

Result<bool> CtfStoreWriter::writeFamilyMember(const QString& familyId, const QString& personId,
                                               const QString& role, const QString& relationship,
                                               bool parentalResponsibility) {
    Result<QSqlQuery> existing =
        run(QStringLiteral("SELECT id, role, relationship, parental_responsibility, deleted "
                           "FROM family_member WHERE family_id = ? AND person_id = ?"),
            {familyId, personId});
    if (!existing)
        return std::unexpected(existing.error());

    if (!existing->next()) {
        existing->finish();
        Result<QSqlQuery> inserted = run(
            QStringLiteral("INSERT INTO family_member (id, org_id, family_id, person_id, role, relationship, "
                           "parental_responsibility, revision, created_at, updated_at, deleted) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)"),
            {newId(), m_organisationId, familyId, personId, role, textValue(relationship),
             flagValue(parentalResponsibility), m_timestamp, m_timestamp});
        if (!inserted)
            return std::unexpected(inserted.error());
        return true;
    }

    // NOTE: a member a user removed stays removed, as a deleted relationship does.
    const QString id = existing->value(0).toString();
    const bool unchanged =
        existing->value(4).toLongLong() != 0 ||
        (existing->value(1).toString() == role && existing->value(2).toString() == relationship &&
         existing->value(3).toLongLong() == (parentalResponsibility ? 1 : 0));
    existing->finish();
    if (unchanged)
        return false;

    Result<QSqlQuery> updated =
        run(QStringLiteral("UPDATE family_member SET role = ?, relationship = ?, "
                           "parental_responsibility = ?, revision = revision + 1, "
                           "updated_at = ? WHERE id = ?"),
            {role, textValue(relationship), flagValue(parentalResponsibility), m_timestamp, id});
    if (!updated)
        return std::unexpected(updated.error());
    return true;
}

Result<CtfStoreWriter::Change> CtfStoreWriter::writeFamily(const CtfFamily& family) {
    QStringList childIds;
    for (qsizetype pupil : family.pupils)
        childIds += m_pupilIds.at(pupil);
    QStringList parentIds;
    for (qsizetype adultIndex : family.adults) {
        const CtfAdult& adult = m_plan.adults.at(adultIndex);
        const bool isParent =
            std::any_of(adult.links.cbegin(), adult.links.cend(), [&](const CtfContactLink& link) {
                return family.pupils.contains(link.pupil) && m_document.pupils.at(link.pupil)
                                                                 .contacts.at(link.contact)
                                                                 .parentalResponsibility.value_or(false);
            });
        if (isParent)
            parentIds += m_adultIds.at(adultIndex);
    }

    Result<QString> found = findFamily(childIds, parentIds);
    if (!found)
        return std::unexpected(found.error());
    QString familyId = *found;
    const bool isNew = familyId.isEmpty();

    bool flagChanged = false;
    if (isNew) {
        familyId = newId();
        Result<QSqlQuery> inserted =
            run(QStringLiteral(
                    "INSERT INTO family (id, org_id, name, status, looked_after, revision, created_at, "
                    "updated_at, deleted) VALUES (?, ?, ?, 'open', ?, 1, ?, ?, 0)"),
                {familyId, m_organisationId, family.displayName, flagValue(family.lookedAfter), m_timestamp,
                 m_timestamp});
        if (!inserted)
            return std::unexpected(inserted.error());
    } else {
        Result<QSqlQuery> stored =
            run(QStringLiteral("SELECT looked_after FROM family WHERE id = ?"), {familyId});
        if (!stored)
            return std::unexpected(stored.error());
        flagChanged = stored->next() && stored->value(0).toLongLong() != (family.lookedAfter ? 1 : 0);
        stored->finish();
    }

    bool membersChanged = false;
    for (const QString& childId : std::as_const(childIds)) {
        Result<bool> written =
            writeFamilyMember(familyId, childId, QStringLiteral("child"), QString(), false);
        if (!written)
            return std::unexpected(written.error());
        membersChanged = membersChanged || *written;
    }

    for (qsizetype adultIndex : family.adults) {
        // The adult's relationship to the family's children is that of the
        // link with the lowest contact order; parental responsibility for
        // any of them counts.
        const CtfAdult& adult = m_plan.adults.at(adultIndex);
        QString relationship;
        int bestOrder = std::numeric_limits<int>::max();
        bool parentalResponsibility = false;
        for (const CtfContactLink& link : adult.links) {
            if (!family.pupils.contains(link.pupil))
                continue;
            const CtfContact& contact = m_document.pupils.at(link.pupil).contacts.at(link.contact);
            parentalResponsibility = parentalResponsibility || contact.parentalResponsibility.value_or(false);
            const int order = contact.order.value_or(std::numeric_limits<int>::max());
            if (relationship.isEmpty() || order < bestOrder) {
                relationship = contact.relationship;
                bestOrder = order;
            }
        }
        Result<bool> written = writeFamilyMember(familyId, m_adultIds.at(adultIndex), QStringLiteral("adult"),
                                                 relationship, parentalResponsibility);
        if (!written)
            return std::unexpected(written.error());
        membersChanged = membersChanged || *written;
    }

    if (isNew)
        return Change::Added;
    if (!flagChanged && !membersChanged)
        return Change::Unchanged;

    Result<QSqlQuery> updated =
        run(QStringLiteral("UPDATE family SET looked_after = ?, revision = revision + 1, "
                           "updated_at = ? WHERE id = ?"),
            {flagValue(family.lookedAfter), m_timestamp, familyId});
    if (!updated)
        return std::unexpected(updated.error());
    return Change::Updated;
}

} // namespace earlyhelp
