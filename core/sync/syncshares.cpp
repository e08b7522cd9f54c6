#include "sync/syncshares.h"

#include "audit/auditlog.h"
#include "cases/casedirectory.h"
#include "casework/consentrepository.h"
#include "policy/payload.h"
#include "sharing/familyshare.h"
#include "store/store.h"
#include "sync/logging.h"
#include "sync/synclocalrecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace earlyhelp::sync {

namespace {

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

// Returns the ids that sql selects for familyId.
Result<QStringList> selectIds(Store& store, const QString& sql, const QString& familyId) {
    Result<QSqlQuery> query = run(store, sql, {familyId});
    if (!query)
        return std::unexpected(query.error());
    QStringList ids;
    while (query->next())
        ids += query->value(0).toString();
    return ids;
}

// A recipient that a consent or sharing decision names: a party type, or
// one organisation with its party type.
struct Recipient {
    QString partyType;
    QString organisationId;
    QString organisationName;
};

// One subject's share with one recipient for one purpose, as one Share
// event records it.
struct ShareEntry {
    QString familyId;
    QString personId;
    Recipient recipient;
    QString purpose;
    QStringList fields;
    // Category codes under which a field whose category each record states
    // (a case note's text) was shared.
    QMap<QString, QStringList> fieldCategories;
    QStringList clauses;
    QStringList lawfulBases;
    QStringList consentIds;
    QStringList decisionIds;
};

void addOnce(QStringList& list, const QString& value) {
    if (!value.isEmpty() && !list.contains(value))
        list += value;
}

// The identity of this store's organisation, both as the store and as the
// server names it, so that it is never taken for a recipient.
struct Sender {
    QString localId;
    QString serverId;
    QString partyType;
};

// Returns the recipients that the family's current consents and sharing
// decisions name, each once, leaving out this store's own organisation and
// party types the agreement lacks.
Result<QList<Recipient>> recipientsOf(Store& store, const FamilyBasis& basis, const policy::Agreement& agreement,
                                      const Sender& sender) {
    QList<Recipient> recipients;
    const auto add = [&](const Recipient& recipient) {
        if (!agreement.hasPartyType(recipient.partyType))
            return;
        const bool known = std::any_of(recipients.cbegin(), recipients.cend(), [&](const Recipient& other) {
            return other.partyType == recipient.partyType && other.organisationId == recipient.organisationId;
        });
        if (!known)
            recipients += recipient;
    };

    for (const Consent& consent : basis.consents) {
        for (const ConsentRecipient& named : consent.recipients) {
            if (named.kind == ConsentRecipient::Kind::PartyType) {
                add(Recipient{named.value, QString(), QString()});
                continue;
            }
            if (named.value == sender.localId || named.value == sender.serverId)
                continue;
            Result<QSqlQuery> organisation =
                run(store, u"SELECT party_type, name FROM organisation WHERE id = ?"_s, {named.value});
            if (!organisation)
                return std::unexpected(organisation.error());
            // NOTE: an organisation this store has no row for has no known
            // party type, so no rule of the agreement can be looked up for it
            // and no Share event names it, although the server may deliver
            // to it.
            if (!organisation->next()) {
                qCWarning(lcSync, "A consent names organisation %s, which this store does not know; no Share "
                                  "event is recorded for it",
                          qUtf8Printable(named.value));
                continue;
            }
            add(Recipient{organisation->value(0).toString(), named.value, organisation->value(1).toString()});
        }
    }
    for (const SharingDecision& decision : basis.decisions)
        add(Recipient{decision.recipientPartyType, QString(), QString()});
    return recipients;
}

// Returns the records of the family as the server now holds them from this
// organisation: each record's agreed fields in sync_record.
Result<QList<AcceptedChange>> heldByServer(Store& store, const QString& familyId, const Sender& sender) {
    Result<QList<sharing::ShareRecord>> records = sharing::collectFamilyRecords(store, familyId);
    if (!records) {
        if (records.error().code == ErrorCode::NotFound)
            return QList<AcceptedChange>();
        return std::unexpected(records.error());
    }
    QList<AcceptedChange> held;
    for (const sharing::ShareRecord& record : std::as_const(*records)) {
        const QString recordType = sharing::recordTypeName(record.recordType);
        Result<QSqlQuery> base = run(store,
                                     u"SELECT base_fields FROM sync_record WHERE record_type = ? AND record_id = ? "
                                     "AND deleted = 0 AND owner_server_org_id IN ('', ?)"_s,
                                     {recordType, record.recordId, sender.serverId});
        if (!base)
            return std::unexpected(base.error());
        if (!base->next())
            continue;
        held += AcceptedChange{recordType, record.recordId, record.subject.familyId, record.subject.personId,
                               QJsonDocument::fromJson(base->value(0).toString().toUtf8()).object()};
    }
    return held;
}

// Returns the values buildPayload() reads for change: the record's current
// fields, which give a case note's category, overlaid with the values sent.
Result<QMap<QString, QVariant>> payloadInput(Store& store, const AcceptedChange& change) {
    Result<std::optional<LocalRecord>> local = readLocalRecord(store, change.recordType, change.recordId);
    if (!local)
        return std::unexpected(local.error());
    QMap<QString, QVariant> fields;
    if (local->has_value()) {
        const QJsonObject& current = (*local)->fields;
        for (auto it = current.constBegin(); it != current.constEnd(); ++it)
            fields.insert(it.key(), it.value().toVariant());
    }
    for (auto it = change.fields.constBegin(); it != change.fields.constEnd(); ++it) {
        if (!it.value().isNull())
            fields.insert(it.key(), it.value().toVariant());
    }
    return fields;
}

// Adds to entries what change shares with each recipient for each purpose.
Status addShares(Store& store, const policy::Agreement& agreement, QDate today, const Sender& sender,
                 const FamilyBasis& basis, const QList<Recipient>& recipients, const AcceptedChange& change,
                 QMap<QString, ShareEntry>& entries) {
    QSet<QString> sent;
    for (auto it = change.fields.constBegin(); it != change.fields.constEnd(); ++it) {
        if (!it.value().isNull())
            sent.insert(it.key());
    }
    if (sent.isEmpty())
        return {};
    Result<QMap<QString, QVariant>> fields = payloadInput(store, change);
    if (!fields)
        return std::unexpected(fields.error());

    const policy::SharingSubject subject{change.familyId, change.personId};
    for (const Recipient& recipient : recipients) {
        const policy::SharingRecipient to{recipient.partyType, recipient.organisationId};
        for (const policy::Purpose& purpose : agreement.purposes) {
            const policy::Payload payload = policy::buildPayload(agreement, true, *fields, subject, sender.partyType,
                                                                 to, purpose.code, today, basis.consents,
                                                                 basis.decisions);
            QStringList sharedIds;
            for (const policy::SharedField& shared : payload.shared) {
                if (sent.contains(shared.fieldId))
                    sharedIds += shared.fieldId;
            }
            if (sharedIds.isEmpty())
                continue;

            const QString key = QStringList{change.personId.isEmpty() ? change.familyId : change.personId,
                                            recipient.partyType, recipient.organisationId, purpose.code}
                                    .join(u'\n');
            ShareEntry& entry = entries[key];
            entry.familyId = change.familyId;
            entry.personId = change.personId;
            entry.recipient = recipient;
            entry.purpose = purpose.code;
            for (const policy::SharedField& shared : payload.shared) {
                if (!sent.contains(shared.fieldId))
                    continue;
                addOnce(entry.fields, shared.fieldId);
                const std::optional<FieldDefinition> field = findField(shared.fieldId);
                if (field && !field->category.has_value())
                    addOnce(entry.fieldCategories[shared.fieldId],
                            fields->value(field->categoryFieldId.toString()).toString());
                addOnce(entry.clauses, shared.outcome.clauseId);
                addOnce(entry.lawfulBases, shared.outcome.lawfulBasis);
                addOnce(entry.decisionIds, shared.outcome.overrideDecisionId);
            }

            // A consent is behind the share when it alone allows one of the
            // fields that no sharing decision allowed.
            for (const Consent& consent : basis.consents) {
                if (entry.consentIds.contains(consent.meta.id))
                    continue;
                const policy::Payload alone = policy::buildPayload(agreement, true, *fields, subject,
                                                                   sender.partyType, to, purpose.code, today,
                                                                   {consent}, {});
                const bool covers = std::any_of(alone.shared.cbegin(), alone.shared.cend(),
                                                [&](const policy::SharedField& shared) {
                                                    return sharedIds.contains(shared.fieldId);
                                                });
                if (covers)
                    entry.consentIds += consent.meta.id;
            }
        }
    }
    return {};
}

QJsonObject detailsOf(const ShareEntry& entry, int agreementVersion) {
    QJsonObject details{{u"recipient"_s, entry.recipient.partyType},
                        {u"purpose"_s, entry.purpose},
                        {u"clauses"_s, QJsonArray::fromStringList(entry.clauses)},
                        {u"lawfulBases"_s, QJsonArray::fromStringList(entry.lawfulBases)},
                        {u"fields"_s, QJsonArray::fromStringList(entry.fields)},
                        {u"consentIds"_s, QJsonArray::fromStringList(entry.consentIds)},
                        {u"decisionIds"_s, QJsonArray::fromStringList(entry.decisionIds)},
                        {u"agreementVersion"_s, agreementVersion}};
    if (!entry.fieldCategories.isEmpty()) {
        QJsonObject categories;
        for (auto it = entry.fieldCategories.constBegin(); it != entry.fieldCategories.constEnd(); ++it)
            categories.insert(it.key(), QJsonArray::fromStringList(it.value()));
        details.insert(u"fieldCategories"_s, categories);
    }
    if (!entry.recipient.organisationId.isEmpty()) {
        details.insert(u"recipientOrganisation"_s, entry.recipient.organisationId);
        details.insert(u"recipientOrganisationName"_s, entry.recipient.organisationName);
    }
    return details;
}

} // namespace

Result<FamilyBasis> readFamilyBasis(Store& store, const QString& familyId) {
    const QString members = u"SELECT person_id FROM family_member WHERE family_id = ?1 AND deleted = 0"_s;
    Result<QStringList> consentIds =
        selectIds(store,
                  u"SELECT id FROM consent WHERE deleted = 0 AND (family_id = ?1 OR subject_person_id IN ("_s %
                      members % u")) ORDER BY created_at, id"_s,
                  familyId);
    if (!consentIds)
        return std::unexpected(consentIds.error());
    Result<QStringList> decisionIds =
        selectIds(store,
                  u"SELECT id FROM sharing_decision WHERE deleted = 0 AND (family_id = ?1 OR person_id IN ("_s %
                      members % u")) ORDER BY created_at, id"_s,
                  familyId);
    if (!decisionIds)
        return std::unexpected(decisionIds.error());

    FamilyBasis basis;
    ConsentRepository repository(store);
    for (const QString& id : std::as_const(*consentIds)) {
        Result<Consent> consent = repository.consent(id);
        if (!consent)
            return std::unexpected(consent.error());
        basis.consents += *consent;
    }
    for (const QString& id : std::as_const(*decisionIds)) {
        Result<SharingDecision> decision = repository.sharingDecision(id);
        if (!decision)
            return std::unexpected(decision.error());
        basis.decisions += *decision;
    }
    return basis;
}

Status appendShareEvents(Store& store, const sharing::AgreementState& state, QDate today,
                         const QList<AcceptedChange>& accepted, const QSet<QString>& basisChanged) {
    // NOTE: a change sent while an agreement was in force, whose result
    // arrives after the agreement stopped being in force, gets no Share event.
    if (!state.inForce || (accepted.isEmpty() && basisChanged.isEmpty()))
        return {};
    const policy::Agreement& agreement = *state.inForce;

    Result<OrganisationRecord> local = CaseDirectory(store).localOrganisation();
    if (!local)
        return std::unexpected(local.error());
    Result<QSqlQuery> enrolment = run(store, u"SELECT server_org_id FROM sync_enrolment WHERE id = 1"_s);
    if (!enrolment)
        return std::unexpected(enrolment.error());
    const Sender sender{local->id, enrolment->next() ? enrolment->value(0).toString() : QString(),
                        local->partyType};

    // The changes of each family, in the order the families first appear.
    QStringList familyOrder;
    QMap<QString, QList<AcceptedChange>> byFamily;
    for (const AcceptedChange& change : accepted) {
        if (change.familyId.isEmpty())
            continue;
        if (!byFamily.contains(change.familyId))
            familyOrder += change.familyId;
        byFamily[change.familyId] += change;
    }
    for (const QString& familyId : basisChanged) {
        if (!familyId.isEmpty() && !familyOrder.contains(familyId))
            familyOrder += familyId;
    }

    audit::AuditLog log(store);
    int events = 0;
    for (const QString& familyId : std::as_const(familyOrder)) {
        Result<FamilyBasis> basis = readFamilyBasis(store, familyId);
        if (!basis)
            return std::unexpected(basis.error());
        Result<QList<Recipient>> recipients = recipientsOf(store, *basis, agreement, sender);
        if (!recipients)
            return std::unexpected(recipients.error());
        if (recipients->isEmpty())
            continue;

        // After a consent or decision changed, the server may pass on
        // everything it holds of the family, which includes this batch.
        QList<AcceptedChange> changes = byFamily.value(familyId);
        if (basisChanged.contains(familyId)) {
            Result<QList<AcceptedChange>> held = heldByServer(store, familyId, sender);
            if (!held)
                return std::unexpected(held.error());
            changes = *held;
        }

        QMap<QString, ShareEntry> entries;
        for (const AcceptedChange& change : std::as_const(changes)) {
            if (Status added = addShares(store, agreement, today, sender, *basis, *recipients, change, entries);
                !added)
                return added;
        }
        for (const ShareEntry& entry : std::as_const(entries)) {
            audit::NewEvent event;
            event.action = audit::Action::Share;
            event.recordType = entry.personId.isEmpty() ? u"family"_s : u"person"_s;
            event.recordId = entry.personId.isEmpty() ? entry.familyId : entry.personId;
            event.familyId = entry.familyId;
            event.personId = entry.personId;
            event.details = detailsOf(entry, agreement.version);
            Result<qint64> appended = log.append(event);
            if (!appended)
                return std::unexpected(appended.error());
            ++events;
        }
    }
    if (events > 0)
        qCInfo(lcSync, "Recorded %d Share events for the accepted changes", events);
    return {};
}

} // namespace earlyhelp::sync
