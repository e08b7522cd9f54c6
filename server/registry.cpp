#include "registry.h"

#include "credentials.h"
#include "serveraudit.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariant nullableText(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

std::optional<qint64> nullableTime(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

const QString organisationColumns =
    QStringLiteral("id, name, party_type, dfe_urn, ods_code, la_code, created_at");

Organisation readOrganisation(const QSqlQuery& query, int first = 0) {
    return Organisation{query.value(first).toString(),      query.value(first + 1).toString(),
                        query.value(first + 2).toString(),  query.value(first + 3).toString(),
                        query.value(first + 4).toString(),  query.value(first + 5).toString(),
                        query.value(first + 6).toLongLong()};
}

const QString deviceColumns =
    QStringLiteral("id, organisation_id, name, enrolled_at, revoked_at, last_seen_at");

Device readDevice(const QSqlQuery& query, int first = 0) {
    return Device{query.value(first).toString(),        query.value(first + 1).toString(),
                  query.value(first + 2).toString(),    query.value(first + 3).toLongLong(),
                  nullableTime(query.value(first + 4)), nullableTime(query.value(first + 5))};
}

// Binds values in order and executes.
bool run(QSqlQuery& query, const QString& sql, const QVariantList& values = {}) {
    if (!query.prepare(sql))
        return false;
    for (const QVariant& value : values)
        query.addBindValue(value);
    return query.exec();
}

} // namespace

QString isoTime(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

Result<Organisation> Registry::addOrganisation(const Organisation& organisation) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    if (!database.transaction())
        return std::unexpected(
            databaseError(Text::tr("starting to add the organisation"), database.lastError()));
    QSqlQuery query(database);
    if (!run(query, QStringLiteral("SELECT id FROM organisation WHERE name = ?"), {organisation.name})) {
        const Error error = databaseError(Text::tr("looking up organisation names"), query.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    if (query.next()) {
        const QString existing = query.value(0).toString();
        query.finish();
        database.rollback();
        return makeError(ErrorCode::AlreadyExists,
                         Text::tr("an organisation named \"%1\" already exists (id %2): choose another name")
                             .arg(organisation.name, existing));
    }

    Organisation added = organisation;
    added.id = newId();
    added.createdAt = nowMs();
    if (!run(query,
             QStringLiteral("INSERT INTO organisation (") % organisationColumns %
                 QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?)"),
             {added.id, added.name, added.partyType, nullableText(added.dfeUrn), nullableText(added.odsCode),
              nullableText(added.laCode), added.createdAt})) {
        const Error error = databaseError(Text::tr("adding the organisation"), query.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    auto audited = appendAuditEvent(
        database, ServerAuditEntry{ServerAuditAction::AdminOrgAdd,
                                   {},
                                   added.id,
                                   QJsonObject{{QStringLiteral("partyType"), added.partyType}}});
    if (!audited) {
        database.rollback();
        return std::unexpected(audited.error());
    }
    if (!database.commit()) {
        const Error error = databaseError(Text::tr("adding the organisation"), database.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    return added;
}

Result<QList<Organisation>> Registry::organisations() {
    auto database = m_database.connection();
    if (!database)
        return std::unexpected(database.error());
    QSqlQuery query(*database);
    if (!run(query, QStringLiteral("SELECT ") % organisationColumns %
                        QStringLiteral(" FROM organisation ORDER BY name, id"))) {
        return std::unexpected(databaseError(Text::tr("listing organisations"), query.lastError()));
    }
    QList<Organisation> list;
    while (query.next())
        list.append(readOrganisation(query));
    return list;
}

Result<Organisation> Registry::organisation(const QString& id) {
    auto database = m_database.connection();
    if (!database)
        return std::unexpected(database.error());
    QSqlQuery query(*database);
    if (!run(query,
             QStringLiteral("SELECT ") % organisationColumns %
                 QStringLiteral(" FROM organisation WHERE id = ?"),
             {id})) {
        return std::unexpected(databaseError(Text::tr("reading organisation %1").arg(id), query.lastError()));
    }
    if (!query.next()) {
        return makeError(
            ErrorCode::NotFound,
            Text::tr("no organisation has the id %1: list them with \"earlyhelp-server admin org "
                     "list\"")
                .arg(id));
    }
    return readOrganisation(query);
}

Result<IssuedEnrolmentCode> Registry::issueEnrolmentCode(const QString& organisationId, int validHours) {
    auto owner = organisation(organisationId);
    if (!owner)
        return std::unexpected(owner.error());
    auto database = m_database.connection();
    if (!database)
        return std::unexpected(database.error());

    const qint64 now = nowMs();
    IssuedEnrolmentCode issued{generateEnrolmentCode(), now + qint64(validHours) * 3600 * 1000};
    if (!database->transaction())
        return std::unexpected(
            databaseError(Text::tr("starting to store the enrolment code"), database->lastError()));
    QSqlQuery query(*database);
    if (!run(query,
             QStringLiteral("INSERT INTO enrolment_code (code_hash, organisation_id, created_at, expires_at) "
                            "VALUES (?, ?, ?, ?)"),
             {hashSecret(normaliseEnrolmentCode(issued.code).toLatin1()), organisationId, now,
              issued.expiresAt})) {
        const Error error = databaseError(Text::tr("storing the enrolment code"), query.lastError());
        database->rollback();
        return std::unexpected(error);
    }
    // The audit event records when the code expires, never the code.
    auto audited = appendAuditEvent(
        *database, ServerAuditEntry{ServerAuditAction::AdminEnrolCode,
                                    {},
                                    organisationId,
                                    QJsonObject{{QStringLiteral("expiresAt"), isoTime(issued.expiresAt)}}});
    if (!audited) {
        database->rollback();
        return std::unexpected(audited.error());
    }
    if (!database->commit()) {
        const Error error = databaseError(Text::tr("storing the enrolment code"), database->lastError());
        database->rollback();
        return std::unexpected(error);
    }
    return issued;
}

Result<EnrolmentOutcome> Registry::enrol(const QString& code, const QString& deviceName) {
    EnrolmentOutcome outcome;
    const QString normalised = normaliseEnrolmentCode(code);
    if (normalised.isEmpty()) {
        outcome.rejection = EnrolmentRejection::UnknownCode;
        return outcome;
    }
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    const QString codeHash = hashSecret(normalised.toLatin1());
    const qint64 now = nowMs();
    Device device{newId(), {}, deviceName, now, std::nullopt, now};
    const QByteArray credential = generateDeviceCredential();

    if (!database.transaction())
        return std::unexpected(databaseError(Text::tr("starting the enrolment"), database.lastError()));
    // The write comes first, so the transaction holds the write lock before
    // it reads, and a second request with the same code waits and then finds
    // used_at set.
    QSqlQuery query(database);
    if (!run(query,
             QStringLiteral("UPDATE enrolment_code SET used_at = ?, used_by_device_id = ? "
                            "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?"),
             {now, device.id, codeHash, now})) {
        const Error error = databaseError(Text::tr("marking the enrolment code used"), query.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    const bool claimed = query.numRowsAffected() == 1;

    if (!claimed) {
        database.rollback();
        QSqlQuery reason(database);
        if (!run(reason, QStringLiteral("SELECT used_at, expires_at FROM enrolment_code WHERE code_hash = ?"),
                 {codeHash})) {
            return std::unexpected(databaseError(Text::tr("reading the enrolment code"), reason.lastError()));
        }
        if (!reason.next()) {
            outcome.rejection = EnrolmentRejection::UnknownCode;
        } else if (!reason.value(0).isNull()) {
            outcome.rejection = EnrolmentRejection::UsedCode;
            outcome.rejectionTime = reason.value(0).toLongLong();
        } else {
            outcome.rejection = EnrolmentRejection::ExpiredCode;
            outcome.rejectionTime = reason.value(1).toLongLong();
        }
        return outcome;
    }

    if (!run(query,
             QStringLiteral("SELECT ") % organisationColumns %
                 QStringLiteral(" FROM organisation WHERE id = "
                                "(SELECT organisation_id FROM enrolment_code WHERE code_hash = ?)"),
             {codeHash}) ||
        !query.next()) {
        const Error error = databaseError(Text::tr("reading the code's organisation"), query.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    const Organisation owner = readOrganisation(query);
    device.organisationId = owner.id;

    if (!run(query,
             QStringLiteral("INSERT INTO device (id, organisation_id, name, credential_hash, enrolled_at, "
                            "last_seen_at) VALUES (?, ?, ?, ?, ?, ?)"),
             {device.id, device.organisationId, device.name, hashSecret(credential), device.enrolledAt,
              now})) {
        const Error error = databaseError(Text::tr("adding the device"), query.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    auto audited = appendAuditEvent(
        database, ServerAuditEntry{ServerAuditAction::Enrol, device.id, device.organisationId, {}});
    if (!audited) {
        database.rollback();
        return std::unexpected(audited.error());
    }
    if (!database.commit()) {
        const Error error =
            databaseError(Text::tr("adding the device"),
                          query.lastError().isValid() ? query.lastError() : database.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    outcome.enrolment = Enrolment{device, credential, owner};
    return outcome;
}

Result<Authentication> Registry::authenticate(const QString& deviceId, const QByteArray& credential) {
    auto database = m_database.connection();
    if (!database)
        return std::unexpected(database.error());

    QSqlQuery query(*database);
    if (!run(query,
             QStringLiteral("SELECT d.credential_hash, ") %
                 QStringLiteral("d.id, d.organisation_id, d.name, ") %
                 QStringLiteral("d.enrolled_at, d.revoked_at, d.last_seen_at, ") %
                 QStringLiteral(
                     "o.id, o.name, o.party_type, o.dfe_urn, o.ods_code, o.la_code, o.created_at ") %
                 QStringLiteral(
                     "FROM device d JOIN organisation o ON o.id = d.organisation_id WHERE d.id = ?"),
             {deviceId})) {
        return std::unexpected(databaseError(Text::tr("reading device %1").arg(deviceId), query.lastError()));
    }
    Authentication result;
    // An unknown id and a wrong credential look the same to the caller.
    if (!query.next() || !hashesEqual(query.value(0).toString(), hashSecret(credential)))
        return result;
    result.device = readDevice(query, 1);
    result.organisation = readOrganisation(query, 7);
    query.finish();
    if (result.device.revokedAt) {
        result.status = Authentication::Status::Revoked;
        return result;
    }

    const qint64 now = nowMs();
    if (!run(query, QStringLiteral("UPDATE device SET last_seen_at = ? WHERE id = ?"), {now, deviceId}))
        return std::unexpected(
            databaseError(Text::tr("recording when device %1 was seen").arg(deviceId), query.lastError()));
    result.device.lastSeenAt = now;
    result.status = Authentication::Status::Authenticated;
    return result;
}

Result<QList<Device>> Registry::devices(const QString& organisationId) {
    auto database = m_database.connection();
    if (!database)
        return std::unexpected(database.error());
    QSqlQuery query(*database);
    const bool filtered = !organisationId.isEmpty();
    const QString sql = QStringLiteral("SELECT ") % deviceColumns % QStringLiteral(" FROM device") %
                        (filtered ? QStringLiteral(" WHERE organisation_id = ?") : QString()) %
                        QStringLiteral(" ORDER BY enrolled_at, id");
    if (!run(query, sql, filtered ? QVariantList{organisationId} : QVariantList{}))
        return std::unexpected(databaseError(Text::tr("listing devices"), query.lastError()));
    QList<Device> list;
    while (query.next())
        list.append(readDevice(query));
    return list;
}

Result<Device> Registry::revokeDevice(const QString& deviceId) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    if (!database.transaction())
        return std::unexpected(
            databaseError(Text::tr("starting to revoke device %1").arg(deviceId), database.lastError()));
    QSqlQuery query(database);
    auto fail = [&](const QString& action) {
        const Error error = databaseError(action, query.lastError());
        database.rollback();
        return std::unexpected(error);
    };
    if (!run(query, QStringLiteral("UPDATE device SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
             {nowMs(), deviceId})) {
        return fail(Text::tr("revoking device %1").arg(deviceId));
    }
    const bool revoked = query.numRowsAffected() == 1;
    if (!run(query, QStringLiteral("SELECT ") % deviceColumns % QStringLiteral(" FROM device WHERE id = ?"),
             {deviceId})) {
        return fail(Text::tr("reading device %1").arg(deviceId));
    }
    if (!query.next()) {
        database.rollback();
        return makeError(
            ErrorCode::NotFound,
            Text::tr("no device has the id %1: list them with \"earlyhelp-server admin device list\"")
                .arg(deviceId));
    }
    const Device device = readDevice(query);
    query.finish();
    if (!revoked) {
        database.rollback();
        return makeError(ErrorCode::AlreadyExists,
                         Text::tr("device %1 was already revoked at %2; nothing to do")
                             .arg(deviceId, isoTime(device.revokedAt.value_or(0))));
    }
    auto audited = appendAuditEvent(
        database,
        ServerAuditEntry{ServerAuditAction::AdminDeviceRevoke, device.id, device.organisationId, {}});
    if (!audited) {
        database.rollback();
        return std::unexpected(audited.error());
    }
    if (!database.commit()) {
        const Error error = databaseError(Text::tr("revoking device %1").arg(deviceId), database.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    return device;
}

Result<PublishOutcome> Registry::publishAgreement(int version, const QByteArray& document,
                                                  const QString& signature) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    if (!database.transaction())
        return std::unexpected(databaseError(Text::tr("starting to publish"), database.lastError()));
    QSqlQuery query(database);
    auto fail = [&](const QString& action) {
        const Error error = databaseError(action, query.lastError());
        database.rollback();
        return std::unexpected(error);
    };
    if (!run(query, QStringLiteral("SELECT document_base64 FROM agreement_version WHERE version = ?"),
             {version}))
        return fail(Text::tr("reading agreement version %1").arg(version));
    if (query.next()) {
        const bool same = query.value(0).toString().toLatin1() == document.toBase64();
        database.rollback();
        if (same)
            return PublishOutcome::AlreadyPublished;
        return makeError(
            ErrorCode::AlreadyExists,
            Text::tr("agreement version %1 is already published with different content: a changed "
                     "agreement needs a new version number")
                .arg(version));
    }
    if (!run(query, QStringLiteral("SELECT MAX(version) FROM agreement_version")) || !query.next())
        return fail(Text::tr("reading the newest agreement version"));
    if (!query.value(0).isNull() && query.value(0).toInt() > version) {
        const int newest = query.value(0).toInt();
        database.rollback();
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("agreement version %1 is older than the published version %2: publish a "
                                  "version newer than %2")
                             .arg(version)
                             .arg(newest));
    }
    if (!run(query,
             QStringLiteral(
                 "INSERT INTO agreement_version (version, document_base64, signature, published_at) "
                 "VALUES (?, ?, ?, ?)"),
             {version, QString::fromLatin1(document.toBase64()), signature, nowMs()})) {
        return fail(Text::tr("storing agreement version %1").arg(version));
    }
    const QByteArray documentHash = QCryptographicHash::hash(document, QCryptographicHash::Sha256);
    auto audited = appendAuditEvent(
        database, ServerAuditEntry{ServerAuditAction::AdminAgreementPublish,
                                   {},
                                   {},
                                   QJsonObject{{QStringLiteral("version"), version},
                                               {QStringLiteral("documentSha256"),
                                                QString::fromLatin1(documentHash.toHex())}}});
    if (!audited) {
        database.rollback();
        return std::unexpected(audited.error());
    }
    if (!database.commit())
        return std::unexpected(
            databaseError(Text::tr("publishing agreement version %1").arg(version), database.lastError()));
    return PublishOutcome::Published;
}

Result<std::optional<PublishedAgreement>> Registry::newestAgreement() {
    auto database = m_database.connection();
    if (!database)
        return std::unexpected(database.error());
    QSqlQuery query(*database);
    if (!run(query, QStringLiteral("SELECT version, document_base64, signature, published_at "
                                   "FROM agreement_version ORDER BY version DESC LIMIT 1"))) {
        return std::unexpected(databaseError(Text::tr("reading the newest agreement"), query.lastError()));
    }
    if (!query.next())
        return std::optional<PublishedAgreement>();
    return std::optional<PublishedAgreement>(PublishedAgreement{
        query.value(0).toInt(), QByteArray::fromBase64(query.value(1).toString().toLatin1()),
        query.value(2).toString(), query.value(3).toLongLong()});
}

} // namespace earlyhelp::server
