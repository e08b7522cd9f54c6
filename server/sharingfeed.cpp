#include "sharingfeed.h"

#include "logging.h"
#include "serverdatabase.h"

#include "policy/basisjson.h"
#include "policy/payload.h"
#include "policy/signature.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

struct StoredRecord {
    QString recordType;
    QString recordId;
    QString ownerId;
    QJsonObject fields;
    bool deleted = false;
    QString personId;
};

// A family's records, and its consents and sharing decisions apart.
struct FamilyRecords {
    QList<StoredRecord> records;
    QList<Consent> consents;
    QList<SharingDecision> decisions;
};

struct StoredDelivery {
    QString organisationId;
    QString recordType;
    QString recordId;
    QJsonObject fields;
    bool purged = false;
};

struct OrganisationRow {
    QString id;
    QString partyType;
};

// The fields one organisation may hold of one record, and when it may hold
// none, the reason.
struct Allowance {
    QJsonObject fields;
    QString reason;
};

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray& array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant& text) {
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QString deliveryKey(const QString& organisationId, const QString& recordType, const QString& recordId) {
    return organisationId % u'/' % recordType % u'/' % recordId;
}

// Reads and verifies the newest published agreement. Nothing when none is
// published or it fails verification, which is logged.
Result<std::optional<policy::Agreement>> newestVerifiedAgreement(QSqlDatabase& database,
                                                                 const QByteArray& trustPublicKey) {
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT version, document_base64, signature FROM agreement_version "
                                   "ORDER BY version DESC LIMIT 1")))
        return std::unexpected(databaseError(Text::tr("reading the newest agreement"), query.lastError()));
    if (!query.next())
        return std::optional<policy::Agreement>();
    const int version = query.value(0).toInt();
    const QByteArray document = QByteArray::fromBase64(query.value(1).toString().toLatin1());
    const QByteArray signature = query.value(2).toString().toLatin1();
    auto agreement = policy::verifyAgreement(document, signature, trustPublicKey);
    if (!agreement) {
        qCWarning(lcServer).noquote() << "agreement version" << version
                                      << "failed verification, so nothing is shared:"
                                      << agreement.error().message;
        return std::optional<policy::Agreement>();
    }
    return std::optional<policy::Agreement>(*agreement);
}

// Reads the family's records, including the family record itself.
Result<FamilyRecords> readFamily(QSqlDatabase& database, const QString& familyId) {
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT record_type, record_id, organisation_id, fields, deleted, person_id "
                                 "FROM record WHERE family_id = ? OR (record_type = 'family' AND record_id = ?)"));
    query.addBindValue(familyId);
    query.addBindValue(familyId);
    if (!query.exec())
        return std::unexpected(
            databaseError(Text::tr("reading the records of family %1").arg(familyId), query.lastError()));

    FamilyRecords family;
    while (query.next()) {
        StoredRecord record{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                            jsonObject(query.value(3)),    query.value(4).toInt() != 0,
                            query.value(5).toString()};
        const QJsonObject basis = record.fields.value(QStringLiteral("basis")).toObject();
        if (record.recordType == u"consent") {
            // The push checked the basis, so a failure here means the row was
            // written by other means and the consent does not count.
            if (auto consent = policy::consentFromJson(basis)) {
                consent->meta.deleted = consent->meta.deleted || record.deleted;
                family.consents.append(*consent);
            }
        } else if (record.recordType == u"sharingDecision") {
            if (auto decision = policy::decisionFromJson(basis)) {
                decision->meta.deleted = decision->meta.deleted || record.deleted;
                family.decisions.append(*decision);
            }
        } else {
            family.records.append(record);
        }
    }
    return family;
}

// Reads what each organisation holds of the family now, keyed by
// deliveryKey().
Result<QMap<QString, StoredDelivery>> readDeliveries(QSqlDatabase& database, const QString& familyId) {
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT organisation_id, record_type, record_id, fields, purged "
                                 "FROM delivery WHERE family_id = ?"));
    query.addBindValue(familyId);
    if (!query.exec())
        return std::unexpected(
            databaseError(Text::tr("reading the deliveries of family %1").arg(familyId), query.lastError()));
    QMap<QString, StoredDelivery> deliveries;
    while (query.next()) {
        StoredDelivery delivery{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                                jsonObject(query.value(3)), query.value(4).toInt() != 0};
        deliveries.insert(deliveryKey(delivery.organisationId, delivery.recordType, delivery.recordId), delivery);
    }
    return deliveries;
}

Result<QMap<QString, OrganisationRow>> readOrganisations(QSqlDatabase& database) {
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT id, party_type FROM organisation")))
        return std::unexpected(databaseError(Text::tr("reading the organisations"), query.lastError()));
    QMap<QString, OrganisationRow> organisations;
    while (query.next())
        organisations.insert(query.value(0).toString(), {query.value(0).toString(), query.value(1).toString()});
    return organisations;
}

// Returns the organisations a consent or decision of the family names, by
// id or party type, unless deleted, and those that hold something of it.
QList<OrganisationRow> candidateRecipients(const QMap<QString, OrganisationRow>& organisations,
                                           const FamilyRecords& family,
                                           const QMap<QString, StoredDelivery>& deliveries) {
    QSet<QString> holders;
    for (const StoredDelivery& delivery : deliveries) {
        if (!delivery.purged)
            holders.insert(delivery.organisationId);
    }

    QList<OrganisationRow> candidates;
    for (const OrganisationRow& organisation : organisations) {
        bool named = holders.contains(organisation.id);
        for (const Consent& consent : family.consents) {
            if (consent.meta.deleted)
                continue;
            for (const ConsentRecipient& recipient : consent.recipients) {
                const QString& wanted = recipient.kind == ConsentRecipient::Kind::PartyType
                                            ? organisation.partyType
                                            : organisation.id;
                named = named || recipient.value == wanted;
            }
        }
        for (const SharingDecision& decision : family.decisions)
            named = named || (!decision.meta.deleted && decision.recipientPartyType == organisation.partyType);
        if (named)
            candidates.append(organisation);
    }
    return candidates;
}

// Unites buildPayload() over every purpose of the agreement. The reason is
// that of the first withheld field, with its clause, for a purge message.
Allowance allowedFields(const std::optional<policy::Agreement>& agreement, const StoredRecord& record,
                        const QString& familyId, const QString& senderPartyType,
                        const OrganisationRow& recipient, QDate today, const FamilyRecords& family) {
    Allowance allowance;
    if (!agreement) {
        allowance.reason = Text::tr("No data sharing agreement is published, so nothing is shared.");
        return allowance;
    }
    if (record.deleted) {
        allowance.reason = Text::tr("The organisation that owns the record deleted it.");
        return allowance;
    }

    QMap<QString, QVariant> values;
    for (auto field = record.fields.begin(); field != record.fields.end(); ++field)
        values.insert(field.key(), field.value().toVariant());
    const policy::SharingSubject subject{familyId, record.personId};
    for (const policy::Purpose& purpose : agreement->purposes) {
        const policy::Payload payload =
            policy::buildPayload(*agreement, true, values, subject, senderPartyType,
                                 {recipient.partyType, recipient.id}, purpose.code, today, family.consents,
                                 family.decisions);
        for (auto value = payload.values.begin(); value != payload.values.end(); ++value)
            allowance.fields.insert(value.key(), value.value());
        if (allowance.reason.isEmpty() && !payload.withheld.isEmpty()) {
            const policy::WithheldField& withheld = payload.withheld.constFirst();
            allowance.reason = withheld.clauseId.isEmpty()
                                   ? withheld.reason
                                   : Text::tr("%1 (clause %2)").arg(withheld.reason, withheld.clauseId);
        }
    }
    if (allowance.reason.isEmpty())
        allowance.reason = Text::tr("The organisation may no longer hold any field of the record.");
    return allowance;
}

// Replaces the delivery of one record to one organisation under a new
// sequence.
Status writeDelivery(QSqlDatabase& database, const QString& familyId, const StoredDelivery& delivery,
                     const QStringList& purgeFields, const QString& reason) {
    auto sequence = takeSequence(database);
    if (!sequence)
        return std::unexpected(sequence.error());
    QSqlQuery write(database);
    write.prepare(QStringLiteral("DELETE FROM delivery WHERE organisation_id = ? AND record_type = ? "
                                 "AND record_id = ?"));
    write.addBindValue(delivery.organisationId);
    write.addBindValue(delivery.recordType);
    write.addBindValue(delivery.recordId);
    if (!write.exec())
        return std::unexpected(
            databaseError(Text::tr("replacing a delivery of %1").arg(delivery.recordId), write.lastError()));
    write.prepare(QStringLiteral("INSERT INTO delivery (organisation_id, record_type, record_id, family_id, "
                                 "fields, purge_fields, sequence, purged, reason) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    write.addBindValue(delivery.organisationId);
    write.addBindValue(delivery.recordType);
    write.addBindValue(delivery.recordId);
    write.addBindValue(familyId);
    write.addBindValue(jsonText(delivery.fields));
    write.addBindValue(jsonText(QJsonArray::fromStringList(purgeFields)));
    write.addBindValue(*sequence);
    write.addBindValue(delivery.purged ? 1 : 0);
    write.addBindValue(reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(reason));
    if (!write.exec())
        return std::unexpected(
            databaseError(Text::tr("writing a delivery of %1").arg(delivery.recordId), write.lastError()));
    return {};
}

Status writePurge(QSqlDatabase& database, const QString& familyId, const QString& organisationId,
                  const QString& recordType, const QString& recordId, const QString& reason) {
    return writeDelivery(database, familyId, StoredDelivery{organisationId, recordType, recordId, {}, true}, {},
                         reason);
}

} // namespace

Result<qint64> takeSequence(QSqlDatabase& database) {
    QSqlQuery query(database);
    if (!query.exec(
            QStringLiteral("UPDATE change_sequence SET last_sequence = last_sequence + 1 WHERE id = 1")))
        return std::unexpected(databaseError(Text::tr("taking a change sequence"), query.lastError()));
    if (!query.exec(QStringLiteral("SELECT last_sequence FROM change_sequence WHERE id = 1")) || !query.next())
        return std::unexpected(databaseError(Text::tr("reading the change sequence"), query.lastError()));
    return query.value(0).toLongLong();
}

Status SharingFeed::recomputeFamily(const QString& familyId, QDate today) {
    if (familyId.isEmpty())
        return {};
    auto agreement = newestVerifiedAgreement(m_database, m_trustPublicKey);
    if (!agreement)
        return std::unexpected(agreement.error());
    auto family = readFamily(m_database, familyId);
    if (!family)
        return std::unexpected(family.error());
    auto deliveries = readDeliveries(m_database, familyId);
    if (!deliveries)
        return std::unexpected(deliveries.error());
    auto organisations = readOrganisations(m_database);
    if (!organisations)
        return std::unexpected(organisations.error());

    // A record that left the family is purged for each organisation that
    // still holds it.
    QSet<QString> familyRecords;
    for (const StoredRecord& record : std::as_const(family->records))
        familyRecords.insert(record.recordType % u'/' % record.recordId);
    for (const StoredDelivery& delivery : std::as_const(*deliveries)) {
        if (delivery.purged || familyRecords.contains(delivery.recordType % u'/' % delivery.recordId))
            continue;
        if (Status written = writePurge(m_database, familyId, delivery.organisationId, delivery.recordType,
                                        delivery.recordId, Text::tr("The record is no longer part of the family."));
            !written)
            return written;
    }

    const QList<OrganisationRow> candidates = candidateRecipients(*organisations, *family, *deliveries);
    for (const StoredRecord& record : std::as_const(family->records)) {
        const QString senderPartyType = organisations->value(record.ownerId).partyType;
        for (const OrganisationRow& recipient : candidates) {
            if (recipient.id == record.ownerId)
                continue;
            const Allowance allowance =
                allowedFields(*agreement, record, familyId, senderPartyType, recipient, today, *family);
            const auto held = deliveries->constFind(deliveryKey(recipient.id, record.recordType, record.recordId));
            const bool holds = held != deliveries->cend() && !held->purged;

            if (allowance.fields.isEmpty()) {
                if (!holds)
                    continue;
                if (Status written = writePurge(m_database, familyId, recipient.id, record.recordType,
                                                record.recordId, allowance.reason);
                    !written)
                    return written;
                continue;
            }
            if (holds && held->fields == allowance.fields)
                continue;
            QStringList purgeFields;
            if (holds) {
                for (auto field = held->fields.begin(); field != held->fields.end(); ++field) {
                    if (!allowance.fields.contains(field.key()))
                        purgeFields.append(field.key());
                }
            }
            const StoredDelivery delivery{recipient.id, record.recordType, record.recordId, allowance.fields, false};
            if (Status written = writeDelivery(m_database, familyId, delivery, purgeFields, {}); !written)
                return written;
        }
    }
    return {};
}

Status SharingFeed::recomputeAll(QDate today) {
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("SELECT family_id FROM record WHERE family_id IS NOT NULL "
                                   "UNION SELECT record_id FROM record WHERE record_type = 'family' "
                                   "UNION SELECT family_id FROM delivery WHERE family_id IS NOT NULL")))
        return std::unexpected(databaseError(Text::tr("listing the families"), query.lastError()));
    QStringList families;
    while (query.next())
        families.append(query.value(0).toString());
    query.finish();
    for (const QString& familyId : std::as_const(families)) {
        if (Status recomputed = recomputeFamily(familyId, today); !recomputed)
            return recomputed;
    }
    return {};
}

} // namespace earlyhelp::server
