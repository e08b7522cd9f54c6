#include "sharing/overridelog.h"

#include "casework/recordtable.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace earlyhelp::sharing {

namespace {

Q_LOGGING_CATEGORY(lcOverrideLog, "earlyhelp.core.sharing.overridelog", QtInfoMsg)

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::sharing::OverrideLog", text);
}

QVariant optionalText(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString timestamp(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

const QString selectColumns = QStringLiteral(
    "SELECT id, org_id, decision_id, family_id, person_id, recipient_party_type, recipient_org_id, purpose, "
    "field_ids, agreement_version, reason, used_by, used_at FROM override_use");

OverrideUse readUse(const QSqlQuery& query) {
    OverrideUse use;
    use.id = query.value(0).toString();
    use.orgId = query.value(1).toString();
    use.decisionId = query.value(2).toString();
    use.familyId = query.value(3).toString();
    use.personId = query.value(4).toString();
    use.recipientPartyType = query.value(5).toString();
    use.recipientOrganisationId = query.value(6).toString();
    use.purpose = query.value(7).toString();
    for (const QJsonValue& fieldId : QJsonDocument::fromJson(query.value(8).toString().toUtf8()).array())
        use.fieldIds += fieldId.toString();
    use.agreementVersion = query.value(9).toInt();
    use.reason = query.value(10).toString();
    use.usedBy = query.value(11).toString();
    use.usedAt = QDateTime::fromString(query.value(12).toString(), Qt::ISODateWithMs);
    return use;
}

} // namespace

OverrideLog::OverrideLog(Store& store, std::function<QDateTime()> clock)
    : m_store(store)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); }) {}

Result<QList<OverrideUse>> OverrideLog::recordUses(const access::Actor& actor, const policy::Payload& payload,
                                                   const policy::SharingSubject& subject,
                                                   const policy::SharingRecipient& recipient,
                                                   const QString& purpose, int agreementVersion,
                                                   const QString& reason) {
    if (const Status allowed = access::authorise(actor, access::Action::EditCases); !allowed)
        return std::unexpected(allowed.error());

    // Decision id → the fields it allowed, in payload order.
    QMap<QString, QStringList> fieldsByDecision;
    for (const policy::SharedField& field : payload.shared) {
        if (!field.outcome.overrideDecisionId.isEmpty())
            fieldsByDecision[field.outcome.overrideDecisionId] += field.fieldId;
    }
    if (fieldsByDecision.isEmpty())
        return QList<OverrideUse>{};

    const QString trimmedReason = reason.trimmed();
    if (trimmedReason.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         tr("The reason for sharing without consent is missing. Enter why the information "
                            "is being sent now, such as the referral or request it answers."));
    }
    if (agreementVersion <= 0) {
        return makeError(ErrorCode::InvalidInput,
                         tr("The agreement version %1 is not a version number. Share under an agreement "
                            "that the organisation has accepted.")
                             .arg(agreementVersion));
    }

    QList<OverrideUse> uses;
    const QDateTime now = m_clock().toUTC();
    for (auto it = fieldsByDecision.cbegin(); it != fieldsByDecision.cend(); ++it) {
        OverrideUse use;
        use.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        use.decisionId = it.key();
        use.familyId = subject.familyId;
        use.personId = subject.personId;
        use.recipientPartyType = recipient.partyType;
        use.recipientOrganisationId = recipient.organisationId;
        use.purpose = purpose;
        use.fieldIds = it.value();
        use.agreementVersion = agreementVersion;
        use.reason = trimmedReason;
        use.usedBy = actor.user;
        use.usedAt = now;
        uses += use;
    }

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    QSqlDatabase database = m_store.database();
    const auto fail = [&](const QSqlQuery& query) -> Result<QList<OverrideUse>> {
        qCWarning(lcOverrideLog, "Recording a use of a sharing decision failed: %s",
                  qUtf8Printable(query.lastError().text()));
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    };

    QSqlQuery organisation(database);
    organisation.prepare(
        QStringLiteral("SELECT id FROM organisation WHERE is_local = 1 AND deleted = 0 LIMIT 1"));
    if (!organisation.exec())
        return fail(organisation);
    if (!organisation.next()) {
        return makeError(ErrorCode::NotFound, tr("This store has no organisation of its own yet. Run the "
                                                 "set-up again or \"earlyhelp-cli init\"."));
    }
    const QString orgId = organisation.value(0).toString();

    QSqlQuery insert(database);
    insert.prepare(QStringLiteral(
        "INSERT INTO override_use (id, org_id, decision_id, family_id, person_id, recipient_party_type, "
        "recipient_org_id, purpose, field_ids, agreement_version, reason, used_by, used_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (OverrideUse& use : uses) {
        use.orgId = orgId;
        const QJsonArray fieldIds = QJsonArray::fromStringList(use.fieldIds);
        insert.addBindValue(use.id);
        insert.addBindValue(use.orgId);
        insert.addBindValue(use.decisionId);
        insert.addBindValue(optionalText(use.familyId));
        insert.addBindValue(optionalText(use.personId));
        insert.addBindValue(use.recipientPartyType);
        insert.addBindValue(optionalText(use.recipientOrganisationId));
        insert.addBindValue(use.purpose);
        insert.addBindValue(QString::fromUtf8(QJsonDocument(fieldIds).toJson(QJsonDocument::Compact)));
        insert.addBindValue(use.agreementVersion);
        insert.addBindValue(use.reason);
        insert.addBindValue(use.usedBy);
        insert.addBindValue(timestamp(use.usedAt));
        if (!insert.exec())
            return fail(insert);
    }
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcOverrideLog, "Recorded the use of sharing decisions %s",
           qUtf8Printable(QStringList(fieldsByDecision.keys()).join(u", ")));
    return uses;
}

Result<QList<OverrideUse>> OverrideLog::usesForFamily(const QString& familyId) const {
    return select(QStringLiteral("family_id = ? OR (family_id IS NULL AND person_id IN (SELECT fm.person_id "
                                 "FROM family_member fm WHERE fm.family_id = ? AND fm.deleted = 0))"),
                  {familyId, familyId});
}

Result<QList<OverrideUse>> OverrideLog::usesForPerson(const QString& personId) const {
    return select(QStringLiteral("person_id IN (WITH RECURSIVE merged(id) AS (SELECT ? UNION "
                                 "SELECT person.id FROM person JOIN merged ON person.merged_into = merged.id) "
                                 "SELECT id FROM merged)"),
                  {personId});
}

Result<QList<OverrideUse>> OverrideLog::usesForDecision(const QString& decisionId) const {
    return select(QStringLiteral("decision_id = ?"), {decisionId});
}

Result<QList<OverrideUse>> OverrideLog::select(const QString& where, const QVariantList& binds) const {
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(selectColumns % u" WHERE " % where % u" ORDER BY used_at DESC, id DESC");
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qCWarning(lcOverrideLog, "Reading uses of sharing decisions failed: %s",
                  qUtf8Printable(query.lastError().text()));
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    }
    QList<OverrideUse> uses;
    while (query.next())
        uses += readUse(query);
    return uses;
}

} // namespace earlyhelp::sharing
