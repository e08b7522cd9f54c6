#include "serveraudit.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QtEndian>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

// The first field of every hashed encoding. A later encoding gets a new tag,
// so that the two cannot be confused.
constexpr QByteArrayView hashTag = "earlyhelp-server-audit-v1";

constexpr qsizetype hashSize = 32;

void appendField(QCryptographicHash& hash, QByteArrayView bytes) {
    const quint32 length = qToBigEndian(quint32(bytes.size()));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(&length), sizeof length));
    hash.addData(bytes);
}

QVariant nullableText(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// Hashes are stored as lower-case hex, so one TEXT column serves SQLite and
// PostgreSQL alike.
QString hexText(const QByteArray& bytes) {
    return QString::fromLatin1(bytes.toHex());
}

QByteArray fromHexText(const QVariant& text) {
    return QByteArray::fromHex(text.toString().toLatin1());
}

ServerAuditEvent readEvent(const QSqlQuery& query) {
    ServerAuditEvent event;
    event.sequence = query.value(0).toLongLong();
    event.at = query.value(1).toLongLong();
    event.deviceId = query.value(2).toString();
    event.organisationId = query.value(3).toString();
    event.actionCode = query.value(4).toString();
    event.details = query.value(5).toString();
    event.previousHash = fromHexText(query.value(6));
    event.hash = fromHexText(query.value(7));
    return event;
}

const QString eventColumns = QStringLiteral("seq, at, device_id, org_id, action, details, prev_hash, hash");

} // namespace

QString serverAuditActionCode(ServerAuditAction action) {
    switch (action) {
    case ServerAuditAction::Enrol:
        return QStringLiteral("enrol");
    case ServerAuditAction::Push:
        return QStringLiteral("push");
    case ServerAuditAction::Pull:
        return QStringLiteral("pull");
    case ServerAuditAction::AdminOrgAdd:
        return QStringLiteral("admin-org-add");
    case ServerAuditAction::AdminEnrolCode:
        return QStringLiteral("admin-enrol-code");
    case ServerAuditAction::AdminDeviceRevoke:
        return QStringLiteral("admin-device-revoke");
    case ServerAuditAction::AdminAgreementPublish:
        return QStringLiteral("admin-agreement-publish");
    case ServerAuditAction::AuditAnchor:
        return QStringLiteral("audit-anchor");
    }
    return {};
}

QByteArray auditEventHash(const QByteArray& previousHash, const ServerAuditEvent& event) {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousHash);
    appendField(hash, hashTag);
    appendField(hash, QByteArray::number(event.sequence));
    appendField(hash, QByteArray::number(event.at));
    appendField(hash, event.deviceId.toUtf8());
    appendField(hash, event.organisationId.toUtf8());
    appendField(hash, event.actionCode.toUtf8());
    appendField(hash, event.details.toUtf8());
    return hash.result();
}

Result<qint64> appendAuditEvent(QSqlDatabase& database, const ServerAuditEntry& entry) {
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1")))
        return std::unexpected(databaseError(Text::tr("taking an audit sequence"), query.lastError()));
    if (!query.exec(QStringLiteral("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) ||
        !query.next()) {
        return std::unexpected(databaseError(Text::tr("reading the audit head"), query.lastError()));
    }

    ServerAuditEvent event;
    event.sequence = query.value(0).toLongLong();
    event.previousHash = fromHexText(query.value(1));
    query.finish();
    // The time is taken under the head's lock, so times never run backwards
    // along the chain on one clock.
    event.at = nowMs();
    event.deviceId = entry.deviceId;
    event.organisationId = entry.organisationId;
    event.actionCode = serverAuditActionCode(entry.action);
    event.details = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
    event.hash = auditEventHash(event.previousHash, event);

    query.prepare(QStringLiteral("INSERT INTO audit_event (") % eventColumns %
                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(event.sequence);
    query.addBindValue(event.at);
    query.addBindValue(nullableText(event.deviceId));
    query.addBindValue(nullableText(event.organisationId));
    query.addBindValue(event.actionCode);
    query.addBindValue(event.details);
    query.addBindValue(hexText(event.previousHash));
    query.addBindValue(hexText(event.hash));
    if (!query.exec()) {
        return std::unexpected(
            databaseError(Text::tr("recording audit event %1").arg(event.sequence), query.lastError()));
    }
    query.prepare(QStringLiteral("UPDATE audit_head SET last_hash = ? WHERE id = 1"));
    query.addBindValue(hexText(event.hash));
    if (!query.exec())
        return std::unexpected(databaseError(Text::tr("updating the audit head"), query.lastError()));
    return event.sequence;
}

Result<qint64> ServerAuditTrail::append(const ServerAuditEntry& entry) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    if (!database.transaction())
        return std::unexpected(databaseError(Text::tr("starting an audit append"), database.lastError()));
    auto appended = appendAuditEvent(database, entry);
    if (!appended) {
        database.rollback();
        return appended;
    }
    if (!database.commit()) {
        const Error error =
            databaseError(Text::tr("committing audit event %1").arg(*appended), database.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    return appended;
}

Result<QList<ServerAuditEvent>> ServerAuditTrail::list(const QString& deviceId, int limit) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());

    const bool filtered = !deviceId.isEmpty();
    QSqlQuery query(*connected);
    query.prepare(QStringLiteral("SELECT ") % eventColumns % QStringLiteral(" FROM audit_event") %
                  (filtered ? QStringLiteral(" WHERE device_id = ?") : QString()) %
                  QStringLiteral(" ORDER BY seq DESC LIMIT ?"));
    if (filtered)
        query.addBindValue(deviceId);
    query.addBindValue(limit);
    if (!query.exec())
        return std::unexpected(databaseError(Text::tr("listing audit events"), query.lastError()));
    QList<ServerAuditEvent> events;
    while (query.next())
        events.append(readEvent(query));
    return events;
}

Result<ServerAuditReport> ServerAuditTrail::verify() {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());

    QSqlQuery head(*connected);
    if (!head.exec(QStringLiteral("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) || !head.next())
        return std::unexpected(databaseError(Text::tr("reading the audit head"), head.lastError()));
    const qint64 headSequence = head.value(0).toLongLong();
    const QByteArray headHash = fromHexText(head.value(1));
    head.finish();

    ServerAuditReport report;
    auto broken = [&report](qint64 sequence, const QString& problem) {
        report.intact = false;
        report.firstBadSequence = sequence;
        report.problem = problem;
        return report;
    };

    // Read in one forward pass, so a chain of millions of events is never
    // held in memory.
    QSqlQuery query(*connected);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT ") % eventColumns %
                    QStringLiteral(" FROM audit_event ORDER BY seq")))
        return std::unexpected(databaseError(Text::tr("reading the audit events"), query.lastError()));

    QByteArray previousHash(hashSize, '\0');
    qint64 expected = 1;
    while (query.next()) {
        const ServerAuditEvent event = readEvent(query);
        if (event.sequence != expected) {
            return broken(expected, Text::tr("event %1 is missing: the event after event %2 is event %3")
                                        .arg(expected)
                                        .arg(expected - 1)
                                        .arg(event.sequence));
        }
        if (event.sequence > headSequence) {
            return broken(
                event.sequence,
                Text::tr("event %1 was added outside the server: the server recorded only %2 events")
                    .arg(event.sequence)
                    .arg(headSequence));
        }
        const bool selfConsistent = auditEventHash(event.previousHash, event) == event.hash;
        if (event.previousHash != previousHash && selfConsistent) {
            // This event is as it was appended, so the one before it was
            // replaced and given a new hash.
            return broken(event.sequence - 1,
                          Text::tr("event %1 was altered: event %2 records a different hash for it")
                              .arg(event.sequence - 1)
                              .arg(event.sequence));
        }
        if (!selfConsistent || event.previousHash != previousHash) {
            return broken(
                event.sequence,
                Text::tr("event %1 was altered: its hash does not match its contents").arg(event.sequence));
        }
        previousHash = event.hash;
        report.events = expected;
        ++expected;
    }
    if (query.lastError().isValid())
        return std::unexpected(databaseError(Text::tr("reading the audit events"), query.lastError()));

    const qint64 last = expected - 1;
    if (headSequence > last) {
        return broken(last + 1, Text::tr("event %1 is missing: the chain ends at event %2, but the server "
                                         "recorded %3 events")
                                    .arg(last + 1)
                                    .arg(last)
                                    .arg(headSequence));
    }
    if (last > 0 && headHash != previousHash) {
        return broken(last, Text::tr("event %1 was altered: its hash differs from the one the server "
                                     "recorded for it")
                                .arg(last));
    }
    return report;
}

} // namespace earlyhelp::server
