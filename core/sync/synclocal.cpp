#include "sync/synclocal.h"

#include "cases/casedirectory.h"
#include "casework/consentrepository.h"
#include "casework/recordtable.h"
#include "policy/basisjson.h"
#include "policy/payload.h"
#include "sharing/familyshare.h"
#include "store/store.h"
#include "sync/logging.h"
#include "sync/synclocalrecords.h"
#include "sync/syncshares.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace earlyhelp::sync {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sync::SyncLocal)
};

QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
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

QString compactJson(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray& array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray arrayOf(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

// A single JSON value is stored as an array of one element, because a JSON
// document must be an object or an array.
QString wrapValue(const QJsonValue& value) {
    return compactJson(QJsonArray{value});
}

QJsonValue unwrapValue(const QString& text) {
    return arrayOf(text).at(0);
}

QStringList stringsOf(const QJsonArray& array) {
    QStringList strings;
    for (const QJsonValue& value : array)
        strings += value.toString();
    return strings;
}

OutgoingChange changeFromJson(const QJsonObject& object) {
    OutgoingChange change;
    change.changeId = object.value(u"changeId"_s).toString();
    change.recordType = object.value(u"recordType"_s).toString();
    change.recordId = object.value(u"recordId"_s).toString();
    change.baseRevision = object.value(u"baseRevision"_s).toInteger();
    change.fields = object.value(u"fields"_s).toObject();
    if (object.value(u"deleted"_s).isBool())
        change.deleted = object.value(u"deleted"_s).toBool();
    const QJsonObject subject = object.value(u"subject"_s).toObject();
    change.familyId = subject.value(u"familyId"_s).toString();
    change.personId = subject.value(u"personId"_s).toString();
    change.links = object.value(u"links"_s).toObject();
    change.resolves = stringsOf(object.value(u"resolves"_s).toArray());
    change.erased = object.value(u"erased"_s).toBool();
    return change;
}

// The sync_record row of one record.
struct BaseRecord {
    qint64 revision = 0;
    QJsonObject fields;
    bool deleted = false;
    QString ownerServerOrgId;
};

Result<std::optional<BaseRecord>> readBase(Store& store, const QString& recordType, const QString& recordId) {
    Result<QSqlQuery> query = run(store,
                                  u"SELECT revision, base_fields, deleted, owner_server_org_id FROM sync_record "
                                  "WHERE record_type = ? AND record_id = ?"_s,
                                  {recordType, recordId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::optional<BaseRecord>();
    return std::optional<BaseRecord>(BaseRecord{query->value(0).toLongLong(), objectOf(query->value(1).toString()),
                                                query->value(2).toInt() != 0, query->value(3).toString()});
}

Status writeBase(Store& store, const QString& recordType, const QString& recordId, const BaseRecord& base) {
    Result<QSqlQuery> written =
        run(store,
            u"INSERT INTO sync_record (record_type, record_id, revision, base_fields, deleted, "
            "owner_server_org_id) VALUES (?, ?, ?, ?, ?, COALESCE(?, '')) ON CONFLICT (record_type, record_id) DO UPDATE "
            "SET revision = excluded.revision, base_fields = excluded.base_fields, deleted = excluded.deleted, "
            "owner_server_org_id = excluded.owner_server_org_id"_s,
            {recordType, recordId, base.revision, compactJson(base.fields), base.deleted ? 1 : 0,
             base.ownerServerOrgId});
    if (!written)
        return std::unexpected(written.error());
    return {};
}

// One row of sync_outbox.
struct OutboxRow {
    QString recordType;
    QString recordId;
    QString changeId;
    QJsonObject body;
    bool changedAgain = false;
    QStringList resolves;
    QString error;
    QString message;
};

Result<QList<OutboxRow>> readOutbox(Store& store, const QString& where, const QVariantList& binds = {}) {
    Result<QSqlQuery> query = run(store,
                                  u"SELECT record_type, record_id, change_id, body, changed_again, resolves, "
                                  "error, message FROM sync_outbox WHERE "_s %
                                      where % u" ORDER BY marked_at, rowid"_s,
                                  binds);
    if (!query)
        return std::unexpected(query.error());
    QList<OutboxRow> rows;
    while (query->next()) {
        rows += OutboxRow{query->value(0).toString(),
                          query->value(1).toString(),
                          query->value(2).toString(),
                          objectOf(query->value(3).toString()),
                          query->value(4).toInt() != 0,
                          stringsOf(arrayOf(query->value(5).toString())),
                          query->value(6).toString(),
                          query->value(7).toString()};
    }
    return rows;
}

Status execute(Store& store, const QString& sql, const QVariantList& binds) {
    Result<QSqlQuery> query = run(store, sql, binds);
    if (!query)
        return std::unexpected(query.error());
    return {};
}

Status removeOutboxRow(Store& store, const QString& recordType, const QString& recordId) {
    return execute(store, u"DELETE FROM sync_outbox WHERE record_type = ? AND record_id = ?"_s,
                   {recordType, recordId});
}

// Returns the families a record counts towards: those whose share collects
// it, or whose consents and decisions it is.
Result<QStringList> familiesOf(Store& store, const QString& recordType, const QString& recordId) {
    const QString ofPerson = u"SELECT family_id FROM family_member WHERE deleted = 0 AND person_id IN (%1)"_s;
    QString sql;
    if (recordType == u"family")
        sql = u"SELECT ?"_s;
    else if (recordType == u"familyMember")
        sql = u"SELECT family_id FROM family_member WHERE id = ?"_s;
    else if (recordType == u"person")
        sql = ofPerson.arg(u"?"_s);
    else if (recordType == u"address")
        sql = ofPerson.arg(u"SELECT person_id FROM address WHERE id = ?"_s);
    else if (recordType == u"contact")
        sql = ofPerson.arg(u"SELECT person_id FROM contact WHERE id = ?"_s);
    else if (recordType == u"relationship")
        sql = ofPerson.arg(u"SELECT adult_id FROM relationship WHERE id = ?"_s);
    else if (recordType == u"caseNote")
        sql = u"SELECT family_id FROM case_note WHERE id = ?"_s;
    else if (recordType == u"consent")
        sql = u"SELECT family_id FROM consent WHERE id = ?1 AND family_id IS NOT NULL UNION "_s %
              ofPerson.arg(u"SELECT subject_person_id FROM consent WHERE id = ?1"_s);
    else if (recordType == u"sharingDecision")
        sql = u"SELECT family_id FROM sharing_decision WHERE id = ?1 AND family_id IS NOT NULL UNION "_s %
              ofPerson.arg(u"SELECT person_id FROM sharing_decision WHERE id = ?1"_s);
    else
        return QStringList();

    Result<QSqlQuery> query = run(store, sql, {recordId});
    if (!query)
        return std::unexpected(query.error());
    QStringList families;
    while (query->next()) {
        const QString id = query->value(0).toString();
        if (!id.isEmpty() && !families.contains(id))
            families += id;
    }
    return families;
}

// Returns the union of the values buildPayload() allows for record over
// every recipient party type and purpose of the agreement. Besides each
// party type, the organisations the family's consents name are asked about,
// because a consent may cover one organisation rather than its type.
QJsonObject unionValues(const policy::Agreement& agreement, const sharing::ShareRecord& record,
                        const QString& senderPartyType, const FamilyBasis& basis, QDate today) {
    QStringList organisations{QString()};
    for (const Consent& consent : basis.consents) {
        for (const ConsentRecipient& recipient : consent.recipients) {
            if (recipient.kind == ConsentRecipient::Kind::Organisation && !organisations.contains(recipient.value))
                organisations += recipient.value;
        }
    }

    QJsonObject values;
    for (const policy::Purpose& purpose : agreement.purposes) {
        for (const policy::PartyType& partyType : agreement.partyTypes) {
            for (const QString& organisationId : std::as_const(organisations)) {
                // The agreement in force was verified when the store was opened.
                const policy::Payload payload = policy::buildPayload(
                    agreement, true, record.fields, record.subject, senderPartyType,
                    policy::SharingRecipient{partyType.code, organisationId}, purpose.code, today, basis.consents,
                    basis.decisions);
                for (auto it = payload.values.constBegin(); it != payload.values.constEnd(); ++it)
                    values.insert(it.key(), it.value());
            }
        }
    }
    return values;
}

// Returns the fields of current that differ from base, with null for a
// field base has that the record no longer has a value for.
QJsonObject changedFields(const QJsonObject& current, const QJsonObject& base, const QSet<QString>& cleared) {
    QJsonObject changed;
    for (auto it = current.constBegin(); it != current.constEnd(); ++it) {
        if (base.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    for (auto it = base.constBegin(); it != base.constEnd(); ++it) {
        if (!current.contains(it.key()) && cleared.contains(it.key()))
            changed.insert(it.key(), QJsonValue::Null);
    }
    return changed;
}

QString recordTypeOf(RecordType recordType) {
    return sharing::recordTypeName(recordType);
}

// Returns the server's id of this store's organisation, or an empty string
// while the store is not enrolled.
Result<QString> ownServerOrganisationId(Store& store) {
    Result<QSqlQuery> query = run(store, u"SELECT server_org_id FROM sync_enrolment WHERE id = 1"_s);
    if (!query)
        return std::unexpected(query.error());
    return query->next() ? query->value(0).toString() : QString();
}

// Blanks the details of the audit events about a record its owner erased,
// as the owner's own erasure does. The events keep their place in the chain.
// erased_by_seq names the newest event, the purge written as the record
// was deleted.
Status redactErasedRecordEvents(Store& store, const QString& recordId) {
    return execute(store,
                   u"UPDATE audit_event SET details = '', details_salt = NULL, erased_by_seq = "
                   "(SELECT seq FROM audit_head WHERE id = 1) WHERE (record_id = ? OR person_id = ?) "
                   "AND erased_by_seq IS NULL AND seq < (SELECT seq FROM audit_head WHERE id = 1)"_s,
                   {recordId, recordId});
}

} // namespace

QJsonObject OutgoingChange::toJson() const {
    QJsonObject object{{u"changeId"_s, changeId},
                       {u"recordType"_s, recordType},
                       {u"recordId"_s, recordId},
                       {u"baseRevision"_s, baseRevision},
                       {u"fields"_s, fields}};
    if (deleted)
        object.insert(u"deleted"_s, *deleted);
    object.insert(u"subject"_s,
                  QJsonObject{{u"familyId"_s, familyId.isEmpty() ? QJsonValue() : QJsonValue(familyId)},
                              {u"personId"_s, personId.isEmpty() ? QJsonValue() : QJsonValue(personId)}});
    if (!links.isEmpty())
        object.insert(u"links"_s, links);
    if (!resolves.isEmpty())
        object.insert(u"resolves"_s, QJsonArray::fromStringList(resolves));
    if (erased)
        object.insert(u"erased"_s, true);
    return object;
}

Result<PushResult> PushResult::fromJson(const QJsonObject& object) {
    const auto invalid = [](const QString& member) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The server's push answer has an invalid %1. Report this to your IT support.")
                             .arg(member));
    };
    PushResult result;
    if (!object.value(u"changeId"_s).isString())
        return invalid(u"changeId"_s);
    result.changeId = object.value(u"changeId"_s).toString();
    const QString status = object.value(u"status"_s).toString();
    if (status == u"accepted")
        result.status = Status::Accepted;
    else if (status == u"conflict")
        result.status = Status::Conflict;
    else if (status == u"rejected")
        result.status = Status::Rejected;
    else
        return invalid(u"status"_s);
    if (result.status != Status::Rejected) {
        if (!object.value(u"revision"_s).isDouble() || object.value(u"revision"_s).toInteger(-1) < 0)
            return invalid(u"revision"_s);
        result.revision = object.value(u"revision"_s).toInteger();
    }
    if (object.contains(u"conflicts"_s) && !object.value(u"conflicts"_s).isArray())
        return invalid(u"conflicts"_s);
    result.conflicts = object.value(u"conflicts"_s).toArray();
    result.error = object.value(u"error"_s).toString();
    result.message = object.value(u"message"_s).toString();
    return result;
}

SyncLocal::SyncLocal(Store& store)
    : m_store(store) {}

Result<QList<OutgoingChange>> SyncLocal::nextBatch(const sharing::AgreementState& state, QDate today,
                                                   int maxChanges) {
    QList<OutgoingChange> batch;

    // Changes sent before whose response never came go again unchanged.
    Result<QList<OutboxRow>> inFlight = readOutbox(m_store, u"change_id IS NOT NULL AND error = ''"_s);
    if (!inFlight)
        return std::unexpected(inFlight.error());
    for (const OutboxRow& row : std::as_const(*inFlight)) {
        if (batch.size() >= maxChanges)
            return batch;
        batch += changeFromJson(row.body);
    }
    if (!state.inForce)
        return batch;

    Result<QList<OutboxRow>> fresh =
        readOutbox(m_store, u"change_id IS NULL OR (error <> '' AND changed_again = 1)"_s);
    if (!fresh)
        return std::unexpected(fresh.error());
    if (fresh->isEmpty())
        return batch;

    Result<OrganisationRecord> sender = CaseDirectory(m_store).localOrganisation();
    if (!sender)
        return std::unexpected(sender.error());
    Result<QString> ownServerOrgId = ownServerOrganisationId(m_store);
    if (!ownServerOrgId)
        return std::unexpected(ownServerOrgId.error());

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());

    QSet<QString> familiesDone;
    QSet<QString> keysPlanned; // "type/id" of records that got a change
    QList<OutboxRow> rowsSeen;

    for (const OutboxRow& row : std::as_const(*fresh)) {
        if (batch.size() >= maxChanges)
            break;
        rowsSeen += row;
        Result<QStringList> families = familiesOf(m_store, row.recordType, row.recordId);
        if (!families)
            return std::unexpected(families.error());

        for (const QString& familyId : std::as_const(*families)) {
            if (familiesDone.contains(familyId))
                continue;
            familiesDone.insert(familyId);

            Result<QList<sharing::ShareRecord>> records = sharing::collectFamilyRecords(m_store, familyId);
            if (!records && records.error().code != ErrorCode::NotFound)
                return std::unexpected(records.error());
            Result<FamilyBasis> basis = readFamilyBasis(m_store, familyId);
            if (!basis)
                return std::unexpected(basis.error());
            Result<std::optional<BaseRecord>> familyBase = readBase(m_store, u"family"_s, familyId);
            if (!familyBase)
                return std::unexpected(familyBase.error());
            const bool hasBasis = !basis->consents.isEmpty() || !basis->decisions.isEmpty();
            if (!hasBasis && !familyBase->has_value())
                continue;

            QList<OutgoingChange> planned;
            // Records of the share: fields that differ from the base.
            if (records) {
                for (const sharing::ShareRecord& record : std::as_const(*records)) {
                    const QString recordType = recordTypeOf(record.recordType);
                    Result<std::optional<BaseRecord>> base = readBase(m_store, recordType, record.recordId);
                    if (!base)
                        return std::unexpected(base.error());
                    Result<std::optional<LocalRecord>> local = readLocalRecord(m_store, recordType, record.recordId);
                    if (!local)
                        return std::unexpected(local.error());
                    // This store may change the fields it holds of another
                    // organisation's record; its own agreement plays no part.
                    const bool foreign = base->has_value() && !(*base)->ownerServerOrgId.isEmpty() &&
                                         (*base)->ownerServerOrgId != *ownServerOrgId;
                    QJsonObject values;
                    if (foreign && local->has_value()) {
                        for (auto it = (*local)->fields.constBegin(); it != (*local)->fields.constEnd(); ++it) {
                            if ((*base)->fields.contains(it.key()))
                                values.insert(it.key(), it.value());
                        }
                    } else if (!foreign) {
                        values = unionValues(*state.inForce, record, sender->partyType, *basis, today);
                    }
                    // A field cleared locally goes as null only when it may be
                    // sent at all; the catalogue has it without a value then.
                    QSet<QString> cleared;
                    if (base->has_value()) {
                        for (auto it = (*base)->fields.constBegin(); it != (*base)->fields.constEnd(); ++it) {
                            if (!record.fields.contains(it.key()))
                                cleared.insert(it.key());
                        }
                    }
                    OutgoingChange change;
                    change.recordType = recordType;
                    change.recordId = record.recordId;
                    change.baseRevision = base->has_value() ? (*base)->revision : 0;
                    change.fields = changedFields(values, base->has_value() ? (*base)->fields : QJsonObject(),
                                                  cleared);
                    if (base->has_value() && (*base)->deleted)
                        change.deleted = false;
                    change.familyId = record.subject.familyId;
                    change.personId = record.subject.personId;
                    if (local->has_value())
                        change.links = (*local)->links;
                    planned += change;
                }
            }

            // Consents and sharing decisions, as records whose one field is
            // their basis.
            const auto planBasis = [&](const QString& recordType, const QString& recordId, const QJsonObject& json,
                                       const QString& subjectPersonId) -> Status {
                Result<std::optional<BaseRecord>> base = readBase(m_store, recordType, recordId);
                if (!base)
                    return std::unexpected(base.error());
                OutgoingChange change;
                change.recordType = recordType;
                change.recordId = recordId;
                change.baseRevision = base->has_value() ? (*base)->revision : 0;
                const QJsonObject fields{{u"basis"_s, json}};
                change.fields = changedFields(fields, base->has_value() ? (*base)->fields : QJsonObject(), {});
                if (base->has_value() && (*base)->deleted)
                    change.deleted = false;
                change.familyId = familyId;
                change.personId = subjectPersonId;
                planned += change;
                return {};
            };
            for (const Consent& consent : std::as_const(basis->consents)) {
                if (Status added = planBasis(u"consent"_s, consent.meta.id, policy::consentToJson(consent),
                                             consent.subjectPersonId);
                    !added)
                    return std::unexpected(added.error());
            }
            for (const SharingDecision& decision : std::as_const(basis->decisions)) {
                if (Status added = planBasis(u"sharingDecision"_s, decision.meta.id,
                                             policy::decisionToJson(decision), decision.personId);
                    !added)
                    return std::unexpected(added.error());
            }

            // Records deleted here that the server still has.
            Result<QSqlQuery> deletedRows = run(m_store,
                                                u"SELECT o.record_type, o.record_id FROM sync_outbox o "
                                                "JOIN sync_record r USING (record_type, record_id) "
                                                "WHERE r.deleted = 0 AND o.change_id IS NULL"_s);
            if (!deletedRows)
                return std::unexpected(deletedRows.error());
            while (deletedRows->next()) {
                const QString recordType = deletedRows->value(0).toString();
                const QString recordId = deletedRows->value(1).toString();
                Result<QSqlQuery> flag =
                    run(m_store, u"SELECT deleted FROM "_s % tableOfRecordType(recordType) % u" WHERE id = ?"_s,
                        {recordId});
                if (!flag)
                    return std::unexpected(flag.error());
                if (!flag->next() || flag->value(0).toInt() == 0)
                    continue;
                Result<QStringList> owners = familiesOf(m_store, recordType, recordId);
                if (!owners)
                    return std::unexpected(owners.error());
                if (!owners->contains(familyId) && !(recordType == u"family" && recordId == familyId))
                    continue;
                Result<std::optional<BaseRecord>> base = readBase(m_store, recordType, recordId);
                if (!base)
                    return std::unexpected(base.error());
                OutgoingChange change;
                change.recordType = recordType;
                change.recordId = recordId;
                change.baseRevision = (*base)->revision;
                change.deleted = true;
                change.familyId = familyId;
                planned += change;
            }

            for (OutgoingChange& change : planned) {
                const QString key = change.recordType % u'/' % change.recordId;
                Result<QList<OutboxRow>> existing = readOutbox(m_store, u"record_type = ? AND record_id = ?"_s,
                                                               {change.recordType, change.recordId});
                if (!existing)
                    return std::unexpected(existing.error());
                const bool sending = !existing->isEmpty() && !existing->first().changeId.isEmpty() &&
                                     existing->first().error.isEmpty();
                if (sending || keysPlanned.contains(key))
                    continue;
                if (!existing->isEmpty())
                    change.resolves = existing->first().resolves;
                // A change that settles conflicts carries the chosen value
                // even when it equals the base.
                if (!change.resolves.isEmpty()) {
                    Result<std::optional<LocalRecord>> local =
                        readLocalRecord(m_store, change.recordType, change.recordId);
                    if (!local)
                        return std::unexpected(local.error());
                    for (const QString& conflictId : std::as_const(change.resolves)) {
                        Result<QSqlQuery> field =
                            run(m_store, u"SELECT field_id FROM sync_conflict WHERE conflict_id = ?"_s, {conflictId});
                        if (!field)
                            return std::unexpected(field.error());
                        if (field->next() && local->has_value()) {
                            const QString fieldId = field->value(0).toString();
                            change.fields.insert(fieldId, (*local)->fields.value(fieldId).isUndefined()
                                                              ? QJsonValue()
                                                              : (*local)->fields.value(fieldId));
                        }
                    }
                }
                if (change.fields.isEmpty() && !change.deleted && change.resolves.isEmpty())
                    continue;

                change.changeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
                keysPlanned.insert(key);
                if (Status stored = execute(
                        m_store,
                        u"INSERT INTO sync_outbox (record_type, record_id, marked_at, change_id, body) "
                        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_type, record_id) DO UPDATE SET "
                        "change_id = excluded.change_id, body = excluded.body, changed_again = 0, error = '', "
                        "message = ''"_s,
                        {change.recordType, change.recordId, nowText(), change.changeId,
                         compactJson(change.toJson())});
                    !stored)
                    return std::unexpected(stored.error());
                batch += change;
            }
        }
    }

    // A row seen that got no change has nothing to send.
    for (const OutboxRow& row : std::as_const(rowsSeen)) {
        if (keysPlanned.contains(row.recordType % u'/' % row.recordId) || !row.resolves.isEmpty())
            continue;
        if (Status removed = removeOutboxRow(m_store, row.recordType, row.recordId); !removed)
            return std::unexpected(removed.error());
    }

    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (batch.size() > maxChanges)
        batch.resize(maxChanges);
    qCInfo(lcSync, "Built a push batch of %lld changes", qlonglong(batch.size()));
    return batch;
}

Status SyncLocal::recordResults(const QList<OutgoingChange>& sent, const QList<PushResult>& results,
                                const sharing::AgreementState& state, QDate today) {
    Result<QString> ownServerOrgId = ownServerOrganisationId(m_store);
    if (!ownServerOrgId)
        return std::unexpected(ownServerOrgId.error());

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return begun;

    // The changes and families the server accepted for the first time,
    // for the Share events.
    QList<AcceptedChange> accepted;
    QSet<QString> basisChanged;

    for (const PushResult& result : results) {
        const auto found = std::find_if(sent.cbegin(), sent.cend(), [&result](const OutgoingChange& change) {
            return change.changeId == result.changeId;
        });
        if (found == sent.cend())
            continue;
        const OutgoingChange& change = *found;

        Result<QList<OutboxRow>> rows = readOutbox(m_store, u"record_type = ? AND record_id = ? AND change_id = ?"_s,
                                                   {change.recordType, change.recordId, change.changeId});
        if (!rows)
            return std::unexpected(rows.error());

        if (result.status == PushResult::Status::Rejected) {
            if (Status marked = execute(m_store,
                                        u"UPDATE sync_outbox SET error = ?, message = ? WHERE change_id = ?"_s,
                                        {result.error.isEmpty() ? u"rejected"_s : result.error,
                                         result.message.isNull() ? u""_s : result.message, change.changeId});
                !marked)
                return marked;
            qCWarning(lcSync, "The server rejected change %s of %s %s: %s", qUtf8Printable(change.changeId),
                      qUtf8Printable(change.recordType), qUtf8Printable(change.recordId),
                      qUtf8Printable(result.error));
            continue;
        }

        Result<std::optional<BaseRecord>> stored = readBase(m_store, change.recordType, change.recordId);
        if (!stored)
            return std::unexpected(stored.error());
        BaseRecord base = stored->value_or(BaseRecord{0, {}, false, *ownServerOrgId});
        for (auto it = change.fields.constBegin(); it != change.fields.constEnd(); ++it) {
            if (it.value().isNull())
                base.fields.remove(it.key());
            else
                base.fields.insert(it.key(), it.value());
        }
        if (change.deleted)
            base.deleted = *change.deleted;
        base.revision = result.revision;
        if (Status written = writeBase(m_store, change.recordType, change.recordId, base); !written)
            return written;

        // A result recorded before removed the outbox row, and its Share
        // events were appended then. Another organisation's record is not shared
        // by this store, which only changes the fields it already holds.
        const bool firstAnswer = !rows->isEmpty();
        const bool own = base.ownerServerOrgId.isEmpty() || base.ownerServerOrgId == *ownServerOrgId;
        if (firstAnswer && own) {
            if (change.recordType == u"consent" || change.recordType == u"sharingDecision") {
                basisChanged.insert(change.familyId);
            } else if (!base.deleted) {
                AcceptedChange applied{change.recordType, change.recordId, change.familyId, change.personId,
                                       change.fields};
                for (const QJsonValue& item : result.conflicts)
                    applied.fields.remove(item.toObject().value(u"fieldId"_s).toString());
                accepted += applied;
            }
        }

        // The server kept its own value of a conflicting field. The base
        // keeps the value sent, so the pull that brings the server's value
        // replaces the local one and this store does not push it again.
        for (const QJsonValue& item : result.conflicts) {
            const QJsonObject conflict = item.toObject();
            if (Status upserted = execute(
                    m_store,
                    u"INSERT INTO sync_conflict (conflict_id, record_type, record_id, field_id, server_value, "
                    "other_value, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?) "
                    "ON CONFLICT (conflict_id) DO NOTHING"_s,
                    {conflict.value(u"conflictId"_s).toString(), change.recordType, change.recordId,
                     conflict.value(u"fieldId"_s).toString(), wrapValue(conflict.value(u"serverValue"_s)),
                     wrapValue(conflict.value(u"yourValue"_s)), nowText()});
                !upserted)
                return upserted;
        }

        // The conflicts the change settled are resolved with the value sent.
        for (const QString& conflictId : change.resolves) {
            Result<QSqlQuery> field =
                run(m_store, u"SELECT field_id FROM sync_conflict WHERE conflict_id = ?"_s, {conflictId});
            if (!field)
                return std::unexpected(field.error());
            if (!field->next())
                continue;
            const QJsonValue value = change.fields.value(field->value(0).toString());
            field->finish();
            if (Status resolved = execute(m_store,
                                          u"UPDATE sync_conflict SET status = 'resolved', resolved_value = ?, "
                                          "resolved_at = ? WHERE conflict_id = ? AND status = 'open'"_s,
                                          {wrapValue(value.isUndefined() ? QJsonValue() : value), nowText(),
                                           conflictId});
                !resolved)
                return resolved;
        }

        if (rows->isEmpty())
            continue;
        const OutboxRow& row = rows->first();
        // Conflict ids added after the change was built stay for the next one.
        QStringList remaining = row.resolves;
        for (const QString& conflictId : change.resolves)
            remaining.removeAll(conflictId);
        Status updated = row.changedAgain
                             ? execute(m_store,
                                       u"UPDATE sync_outbox SET change_id = NULL, body = NULL, changed_again = 0, "
                                       "error = '', message = '', resolves = ? WHERE change_id = ?"_s,
                                       {compactJson(QJsonArray::fromStringList(remaining)), change.changeId})
                             : removeOutboxRow(m_store, change.recordType, change.recordId);
        if (!updated)
            return updated;
    }

    if (Status audited = appendShareEvents(m_store, state, today, accepted, basisChanged); !audited)
        return audited;
    return transaction.commit();
}

Result<ApplySummary> SyncLocal::applyPull(const QJsonArray& entries, qint64 next,
                                          const QString& ownServerOrganisationId) {
    Result<OrganisationRecord> local = CaseDirectory(m_store).localOrganisation();
    if (!local)
        return std::unexpected(local.error());

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    if (Status marked = execute(m_store, u"UPDATE sync_state SET applying = 1 WHERE id = 1"_s, {}); !marked)
        return std::unexpected(marked.error());

    ApplySummary summary;
    for (const QJsonValue& item : entries) {
        const QJsonObject entry = item.toObject();
        const QString kind = entry.value(u"kind"_s).toString(u"record"_s);
        const QString recordType = entry.value(u"recordType"_s).toString();
        const QString recordId = entry.value(u"recordId"_s).toString();
        if (recordId.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("An entry of the server's feed at sequence %1 has no recordId. Report this "
                                      "to your IT support.")
                                 .arg(entry.value(u"sequence"_s).toInteger()));

        if (kind == u"purge") {
            const QString table = tableOfRecordType(recordType);
            if (table.isEmpty())
                return makeError(ErrorCode::InvalidInput,
                                 Text::tr("The server's feed names an unknown record type %1. Update Early Help "
                                          "Case Manager.")
                                     .arg(recordType));
            Result<int> deleted = deleteRecordTree(m_store, table, recordId);
            if (!deleted)
                return std::unexpected(deleted.error());
            if (Status logged = execute(m_store,
                                        u"INSERT INTO sync_purge (record_type, record_id, family_id, reason, "
                                        "purged_at) VALUES (?, ?, ?, ?, ?)"_s,
                                        {recordType, recordId, entry.value(u"familyId"_s).toString(),
                                         entry.value(u"reason"_s).toString(), nowText()});
                !logged)
                return std::unexpected(logged.error());
            if (entry.value(u"reason"_s).toString() == u"erased") {
                if (Status redacted = redactErasedRecordEvents(m_store, recordId); !redacted)
                    return std::unexpected(redacted.error());
            }
            qCInfo(lcSync, "Purged %s %s and %d rows under it", qUtf8Printable(recordType),
                   qUtf8Printable(recordId), qMax(0, *deleted - 1));
            ++summary.purged;
            continue;
        }

        // An erased record stays erased: the feed may still bring it back,
        // as this organisation's deleted record or from a holder's copy
        // pushed before the erasure reached the server.
        if (Result<QSqlQuery> tombstone =
                run(m_store, u"SELECT 1 FROM erasure_tombstone WHERE record_type = ? AND record_id = ? LIMIT 1"_s,
                    {tableOfRecordType(recordType), recordId});
            !tombstone)
            return std::unexpected(tombstone.error());
        else if (tombstone->next())
            continue;

        if (kind == u"conflict") {
            const QJsonObject other = entry.value(u"otherOrganisation"_s).toObject();
            const bool resolved = entry.value(u"status"_s).toString() == u"resolved";
            if (Status upserted = execute(
                    m_store,
                    u"INSERT INTO sync_conflict (conflict_id, record_type, record_id, field_id, server_value, "
                    "other_value, other_org_id, other_org_name, other_org_party_type, status, resolved_value, "
                    "created_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (conflict_id) DO UPDATE SET server_value = excluded.server_value, "
                    "other_value = excluded.other_value, other_org_id = excluded.other_org_id, "
                    "other_org_name = excluded.other_org_name, other_org_party_type = excluded.other_org_party_type, "
                    "status = excluded.status, resolved_value = excluded.resolved_value, "
                    "created_at = excluded.created_at, resolved_at = excluded.resolved_at"_s,
                    {entry.value(u"conflictId"_s).toString(), recordType, recordId,
                     entry.value(u"fieldId"_s).toString(), wrapValue(entry.value(u"serverValue"_s)),
                     wrapValue(entry.value(u"otherValue"_s)), other.value(u"id"_s).toString(),
                     other.value(u"name"_s).toString(), other.value(u"partyType"_s).toString(),
                     resolved ? u"resolved"_s : u"open"_s, wrapValue(entry.value(u"resolvedValue"_s)),
                     entry.value(u"createdAt"_s).toString(),
                     resolved ? QVariant(entry.value(u"resolvedAt"_s).toString()) : QVariant()});
                !upserted)
                return std::unexpected(upserted.error());
            ++summary.conflicts;
            continue;
        }

        if (kind != u"record")
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("The server's feed has an entry of unknown kind %1. Update Early Help Case "
                                      "Manager.")
                                 .arg(kind));
        // NOTE: consent and sharingDecision records in this organisation's
        // own feed come from its other devices; they are not applied yet.
        if (recordType == u"consent" || recordType == u"sharingDecision")
            continue;
        if (!isCatalogueRecordType(recordType))
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("The server's feed names an unknown record type %1. Update Early Help "
                                      "Case Manager.")
                                 .arg(recordType));

        const QJsonObject owner = entry.value(u"owner"_s).toObject();
        const QString ownerId = owner.value(u"id"_s).toString();
        QString localOrgId = local->id;
        if (!ownerId.isEmpty() && ownerId != ownServerOrganisationId) {
            localOrgId = ownerId;
            const QString now = nowText();
            if (Status added = execute(
                    m_store,
                    u"INSERT INTO organisation (id, name, party_type, is_local, created_at, updated_at) "
                    "VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                    "party_type = excluded.party_type"_s,
                    {ownerId, owner.value(u"name"_s).toString(), owner.value(u"partyType"_s).toString(), now, now});
                !added)
                return std::unexpected(added.error());
        }

        Result<std::optional<BaseRecord>> stored = readBase(m_store, recordType, recordId);
        if (!stored)
            return std::unexpected(stored.error());
        Result<std::optional<LocalRecord>> current = readLocalRecord(m_store, recordType, recordId);
        if (!current)
            return std::unexpected(current.error());

        // Fields changed here since the base keep their local value.
        QSet<QString> changedHere;
        if (current->has_value()) {
            const QJsonObject base = stored->has_value() ? (*stored)->fields : QJsonObject();
            const QJsonObject& now = (*current)->fields;
            for (const QString& key : base.keys() + now.keys()) {
                if (base.value(key) != now.value(key))
                    changedHere.insert(key);
            }
        }

        const QJsonObject fields = entry.value(u"fields"_s).toObject();
        const QStringList purgeFields = stringsOf(entry.value(u"purgeFields"_s).toArray());
        IncomingRecord incoming;
        incoming.recordType = recordType;
        incoming.recordId = recordId;
        incoming.localOrgId = localOrgId;
        incoming.deleted = entry.value(u"deleted"_s).toBool();
        const QJsonObject subject = entry.value(u"subject"_s).toObject();
        incoming.familyId = subject.value(u"familyId"_s).toString();
        incoming.personId = subject.value(u"personId"_s).toString();
        incoming.links = entry.value(u"links"_s).toObject();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            if (!changedHere.contains(it.key()))
                incoming.fields.insert(it.key(), it.value());
        }
        // A field that this store held and the server no longer has is cleared.
        if (stored->has_value()) {
            for (auto it = (*stored)->fields.constBegin(); it != (*stored)->fields.constEnd(); ++it) {
                if (!fields.contains(it.key()) && !changedHere.contains(it.key()))
                    incoming.fields.insert(it.key(), QJsonValue::Null);
            }
        }
        for (const QString& fieldId : purgeFields)
            incoming.fields.insert(fieldId, QJsonValue::Null);
        if (Status written = writeIncomingRecord(m_store, incoming); !written)
            return std::unexpected(written.error());

        QJsonObject baseFields = fields;
        for (const QString& fieldId : purgeFields)
            baseFields.remove(fieldId);
        if (Status based = writeBase(m_store, recordType, recordId,
                                     BaseRecord{entry.value(u"revision"_s).toInteger(), baseFields,
                                                incoming.deleted, ownerId});
            !based)
            return std::unexpected(based.error());
        ++summary.records;
        if (!purgeFields.isEmpty())
            ++summary.purged;
    }

    if (Status moved = execute(m_store, u"UPDATE sync_state SET cursor = ?, applying = 0 WHERE id = 1"_s, {next});
        !moved)
        return std::unexpected(moved.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcSync, "Applied %d records, %d purges and %d conflicts from the feed up to sequence %lld",
           summary.records, summary.purged, summary.conflicts, next);
    return summary;
}

Result<SyncState> SyncLocal::state() const {
    Result<QSqlQuery> query = run(m_store,
                                  u"SELECT cursor, last_attempt_at, last_complete_at, last_server_time, "
                                  "clock_skew_seconds, last_error FROM sync_state WHERE id = 1"_s);
    if (!query)
        return std::unexpected(query.error());
    SyncState state;
    if (!query->next())
        return state;
    const auto time = [&query](int column) {
        return QDateTime::fromString(query->value(column).toString(), Qt::ISODateWithMs);
    };
    state.cursor = query->value(0).toLongLong();
    state.lastAttemptAt = time(1);
    state.lastCompleteAt = time(2);
    state.lastServerTime = time(3);
    state.clockSkewSeconds = query->value(4).toLongLong();
    state.lastError = query->value(5).toString();
    return state;
}

Status SyncLocal::recordAttempt(const QDateTime& serverTime, const QString& error) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString nowIso = now.toString(Qt::ISODateWithMs);
    const bool complete = error.isEmpty();
    return execute(m_store,
                   u"UPDATE sync_state SET last_attempt_at = ?, last_error = COALESCE(?, ''), "
                   "last_complete_at = CASE WHEN ? THEN ? ELSE last_complete_at END, "
                   "last_server_time = COALESCE(?, last_server_time), "
                   "clock_skew_seconds = CASE WHEN ? IS NULL THEN clock_skew_seconds ELSE ? END WHERE id = 1"_s,
                   {nowIso, error, complete ? 1 : 0, nowIso,
                    serverTime.isValid() ? QVariant(serverTime.toUTC().toString(Qt::ISODateWithMs)) : QVariant(),
                    serverTime.isValid() ? QVariant(1) : QVariant(),
                    serverTime.isValid() ? serverTime.secsTo(now) : 0});
}

Result<int> SyncLocal::pendingCount() const {
    Result<QSqlQuery> query = run(m_store, u"SELECT count(*) FROM sync_outbox"_s);
    if (!query)
        return std::unexpected(query.error());
    query->next();
    return query->value(0).toInt();
}

Result<QList<OutgoingChange>> SyncLocal::rejected() const {
    Result<QList<OutboxRow>> rows = readOutbox(m_store, u"error <> ''"_s);
    if (!rows)
        return std::unexpected(rows.error());
    QList<OutgoingChange> changes;
    for (const OutboxRow& row : std::as_const(*rows)) {
        OutgoingChange change = changeFromJson(row.body);
        change.error = row.error;
        change.message = row.message;
        changes += change;
    }
    return changes;
}

Result<QList<SyncConflict>> SyncLocal::conflicts(bool openOnly) const {
    Result<QSqlQuery> query =
        run(m_store,
            u"SELECT conflict_id, record_type, record_id, field_id, server_value, other_value, other_org_id, "
            "other_org_name, other_org_party_type, status, resolved_value, created_at, resolved_at "
            "FROM sync_conflict "_s %
                (openOnly ? u"WHERE status = 'open' "_s : QString()) % u"ORDER BY created_at, conflict_id"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<SyncConflict> found;
    while (query->next()) {
        SyncConflict conflict;
        conflict.conflictId = query->value(0).toString();
        conflict.recordType = query->value(1).toString();
        conflict.recordId = query->value(2).toString();
        conflict.fieldId = query->value(3).toString();
        conflict.serverValue = unwrapValue(query->value(4).toString());
        conflict.otherValue = unwrapValue(query->value(5).toString());
        conflict.otherOrganisation =
            ServerOrganisation{query->value(6).toString(), query->value(7).toString(), query->value(8).toString()};
        conflict.open = query->value(9).toString() == u"open";
        conflict.resolvedValue = unwrapValue(query->value(10).toString());
        conflict.createdAt = QDateTime::fromString(query->value(11).toString(), Qt::ISODateWithMs);
        conflict.resolvedAt = QDateTime::fromString(query->value(12).toString(), Qt::ISODateWithMs);
        if (const std::optional<FieldDefinition> field = findField(conflict.fieldId))
            conflict.fieldLabel = fieldLabel(*field);
        found += conflict;
    }
    query->finish();

    for (SyncConflict& conflict : found) {
        if (!isCatalogueRecordType(conflict.recordType))
            continue;
        Result<std::optional<LocalRecord>> local = readLocalRecord(m_store, conflict.recordType, conflict.recordId);
        if (!local)
            return std::unexpected(local.error());
        if (!local->has_value())
            continue;
        const QJsonValue value = (*local)->fields.value(conflict.fieldId);
        conflict.localValue = value.isUndefined() ? QJsonValue() : value;
        if (conflict.recordType == u"person")
            conflict.recordLabel = QStringList{(*local)->fields.value(u"person.legalForename"_s).toString(),
                                               (*local)->fields.value(u"person.legalSurname"_s).toString()}
                                       .join(u' ')
                                       .trimmed();
        else if (conflict.recordType == u"family")
            conflict.recordLabel = (*local)->fields.value(u"family.name"_s).toString();
        else if (conflict.recordType == u"caseNote")
            conflict.recordLabel =
                Text::tr("Case note %1")
                    .arg(QDate::fromString((*local)->fields.value(u"caseNote.date"_s).toString(), Qt::ISODate)
                             .toString(u"dd/MM/yyyy"));
        else
            conflict.recordLabel = conflict.recordType;
    }
    return found;
}

Result<QList<PurgeRecord>> SyncLocal::purges() const {
    Result<QSqlQuery> query =
        run(m_store, u"SELECT record_type, record_id, family_id, reason, purged_at FROM sync_purge ORDER BY id"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<PurgeRecord> found;
    while (query->next()) {
        found += PurgeRecord{query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                             query->value(3).toString(),
                             QDateTime::fromString(query->value(4).toString(), Qt::ISODateWithMs)};
    }
    return found;
}

Status SyncLocal::resolveConflict(const access::Actor& actor, const QString& conflictId, const QJsonValue& chosen) {
    if (Status allowed = access::authorise(actor, access::Action::EditCases); !allowed)
        return allowed;

    Result<QList<SyncConflict>> all = conflicts(false);
    if (!all)
        return std::unexpected(all.error());
    const auto found = std::find_if(all->cbegin(), all->cend(),
                                    [&conflictId](const SyncConflict& conflict) { return conflict.conflictId == conflictId; });
    if (found == all->cend())
        return makeError(ErrorCode::NotFound,
                         Text::tr("No conflict with id %1 is in this store. Sync again to bring the list up to "
                                  "date.")
                             .arg(conflictId));
    const SyncConflict& conflict = *found;
    if (!conflict.open)
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The conflict %1 is already resolved. Sync again to see the value kept.")
                             .arg(conflictId));
    if (chosen != conflict.serverValue && chosen != conflict.otherValue)
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The value chosen for conflict %1 is neither the server's nor the other "
                                  "organisation's. Choose one of those two values.")
                             .arg(conflictId));

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    if (chosen != conflict.localValue) {
        if (Status written = writeLocalField(m_store, conflict.recordType, conflict.recordId, conflict.fieldId, chosen);
            !written)
            return written;
    }
    // The outbox row carries the conflict id to the next change, which goes
    // even when the chosen value equals the base.
    if (Status queued = execute(
            m_store,
            u"INSERT INTO sync_outbox (record_type, record_id, marked_at, resolves) VALUES (?, ?, ?, json_array(?)) "
            "ON CONFLICT (record_type, record_id) DO UPDATE SET "
            "resolves = (SELECT json_group_array(value) FROM (SELECT value FROM json_each(resolves) "
            "UNION SELECT ?)), changed_again = (change_id IS NOT NULL)"_s,
            {conflict.recordType, conflict.recordId, nowText(), conflictId, conflictId});
        !queued)
        return queued;
    return transaction.commit();
}

} // namespace earlyhelp::sync
