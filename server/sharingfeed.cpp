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

struct StoredDelivery {
    QJsonObject fields;
    bool purged = false;
};

struct OrganisationRow {
    QString id;
    QString partyType;
};

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonArray& array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
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

    // The family's records, including the family record itself.
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("SELECT record_type, record_id, organisation_id, fields, deleted, person_id "
                                 "FROM record WHERE family_id = ? OR (record_type = 'family' AND record_id = ?)"));
    query.addBindValue(familyId);
    query.addBindValue(familyId);
    if (!query.exec())
        return std::unexpected(
            databaseError(Text::tr("reading the records of family %1").arg(familyId), query.lastError()));
    QList<StoredRecord> records;
    QList<Consent> consents;
    QList<SharingDecision> decisions;
    while (query.next()) {
        StoredRecord record{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object(),
                            query.value(4).toInt() != 0, query.value(5).toString()};
        const QJsonObject basis = record.fields.value(QStringLiteral("basis")).toObject();
        if (record.recordType == u"consent") {
            // The push checked the basis, so a failure here means the row was
            // written by other means and the consent does not count.
            if (auto consent = policy::consentFromJson(basis)) {
                consent->meta.deleted = consent->meta.deleted || record.deleted;
                consents.append(*consent);
            }
        } else if (record.recordType == u"sharingDecision") {
            if (auto decision = policy::decisionFromJson(basis)) {
                decision->meta.deleted = decision->meta.deleted || record.deleted;
                decisions.append(*decision);
            }
        } else {
            records.append(record);
        }
    }
    query.finish();

    // What each organisation holds of the family now.
    query.prepare(QStringLiteral("SELECT organisation_id, record_type, record_id, fields, purged "
                                 "FROM delivery WHERE family_id = ?"));
    query.addBindValue(familyId);
    if (!query.exec())
        return std::unexpected(
            databaseError(Text::tr("reading the deliveries of family %1").arg(familyId), query.lastError()));
    QMap<QString, StoredDelivery> deliveries;
    QSet<QString> holders;
    while (query.next()) {
        const QString organisationId = query.value(0).toString();
        const bool purged = query.value(4).toInt() != 0;
        deliveries.insert(deliveryKey(organisationId, query.value(1).toString(), query.value(2).toString()),
                          StoredDelivery{QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object(),
                                         purged});
        if (!purged)
            holders.insert(organisationId);
    }
    query.finish();

    if (!query.exec(QStringLiteral("SELECT id, party_type FROM organisation")))
        return std::unexpected(databaseError(Text::tr("reading the organisations"), query.lastError()));
    QMap<QString, OrganisationRow> organisations;
    while (query.next())
        organisations.insert(query.value(0).toString(), {query.value(0).toString(), query.value(1).toString()});
    query.finish();

    // Candidates: named by a consent or decision of the family, or holding
    // something of it already.
    QList<OrganisationRow> candidates;
    for (const OrganisationRow& organisation : std::as_const(organisations)) {
        bool named = holders.contains(organisation.id);
        for (const Consent& consent : std::as_const(consents)) {
            if (consent.meta.deleted)
                continue;
            for (const ConsentRecipient& recipient : consent.recipients) {
                const QString& wanted = recipient.kind == ConsentRecipient::Kind::PartyType
                                            ? organisation.partyType
                                            : organisation.id;
                named = named || recipient.value == wanted;
            }
        }
        for (const SharingDecision& decision : std::as_const(decisions))
            named = named || (!decision.meta.deleted && decision.recipientPartyType == organisation.partyType);
        if (named)
            candidates.append(organisation);
    }

    // A record that left the family is purged for each organisation that
    // still holds it.
    QSet<QString> familyRecords;
    for (const StoredRecord& record : std::as_const(records))
        familyRecords.insert(record.recordType % u'/' % record.recordId);

    const auto writeDelivery = [&](const QString& organisationId, const QString& recordType,
                                   const QString& recordId, const QJsonObject& fields,
                                   const QStringList& purgeFields, bool purged, const QString& reason) -> Status {
        auto sequence = takeSequence(m_database);
        if (!sequence)
            return std::unexpected(sequence.error());
        QSqlQuery write(m_database);
        write.prepare(QStringLiteral("DELETE FROM delivery WHERE organisation_id = ? AND record_type = ? "
                                     "AND record_id = ?"));
        write.addBindValue(organisationId);
        write.addBindValue(recordType);
        write.addBindValue(recordId);
        if (!write.exec())
            return std::unexpected(databaseError(Text::tr("replacing a delivery of %1").arg(recordId),
                                                 write.lastError()));
        write.prepare(QStringLiteral("INSERT INTO delivery (organisation_id, record_type, record_id, family_id, "
                                     "fields, purge_fields, sequence, purged, reason) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        write.addBindValue(organisationId);
        write.addBindValue(recordType);
        write.addBindValue(recordId);
        write.addBindValue(familyId);
        write.addBindValue(jsonText(fields));
        write.addBindValue(jsonText(QJsonArray::fromStringList(purgeFields)));
        write.addBindValue(*sequence);
        write.addBindValue(purged ? 1 : 0);
        write.addBindValue(reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(reason));
        if (!write.exec())
            return std::unexpected(
                databaseError(Text::tr("writing a delivery of %1").arg(recordId), write.lastError()));
        return {};
    };

    for (auto it = deliveries.cbegin(); it != deliveries.cend(); ++it) {
        const QStringList parts = it.key().split(u'/');
        if (it->purged || familyRecords.contains(parts.at(1) % u'/' % parts.at(2)))
            continue;
        if (Status written = writeDelivery(parts.at(0), parts.at(1), parts.at(2), {}, {}, true,
                                           Text::tr("The record is no longer part of the family."));
            !written)
            return written;
    }

    for (const StoredRecord& record : std::as_const(records)) {
        QMap<QString, QVariant> values;
        for (auto field = record.fields.begin(); field != record.fields.end(); ++field)
            values.insert(field.key(), field.value().toVariant());
        const policy::SharingSubject subject{familyId, record.personId};
        const QString senderPartyType = organisations.value(record.ownerId).partyType;

        for (const OrganisationRow& recipient : std::as_const(candidates)) {
            if (recipient.id == record.ownerId)
                continue;
            QJsonObject allowed;
            QString reason;
            if (!*agreement) {
                reason = Text::tr("No data sharing agreement is published, so nothing is shared.");
            } else if (record.deleted) {
                reason = Text::tr("The organisation that owns the record deleted it.");
            } else {
                for (const policy::Purpose& purpose : (*agreement)->purposes) {
                    const policy::Payload payload = policy::buildPayload(
                        **agreement, true, values, subject, senderPartyType, {recipient.partyType, recipient.id},
                        purpose.code, today, consents, decisions);
                    for (auto value = payload.values.begin(); value != payload.values.end(); ++value)
                        allowed.insert(value.key(), value.value());
                    if (reason.isEmpty() && !payload.withheld.isEmpty()) {
                        const policy::WithheldField& withheld = payload.withheld.constFirst();
                        reason = withheld.clauseId.isEmpty()
                                     ? withheld.reason
                                     : Text::tr("%1 (clause %2)").arg(withheld.reason, withheld.clauseId);
                    }
                }
            }

            const QString key = deliveryKey(recipient.id, record.recordType, record.recordId);
            const auto held = deliveries.constFind(key);
            const bool holds = held != deliveries.cend() && !held->purged;
            if (allowed.isEmpty()) {
                if (!holds)
                    continue;
                if (reason.isEmpty())
                    reason = Text::tr("The organisation may no longer hold any field of the record.");
                if (Status written = writeDelivery(recipient.id, record.recordType, record.recordId, {}, {},
                                                   true, reason);
                    !written)
                    return written;
                continue;
            }
            if (holds && held->fields == allowed)
                continue;
            QStringList purgeFields;
            if (holds) {
                for (auto field = held->fields.begin(); field != held->fields.end(); ++field) {
                    if (!allowed.contains(field.key()))
                        purgeFields.append(field.key());
                }
            }
            if (Status written = writeDelivery(recipient.id, record.recordType, record.recordId, allowed,
                                               purgeFields, false, {});
                !written)
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
