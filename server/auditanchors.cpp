#include "auditanchors.h"

#include "logging.h"
#include "serveraudit.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

// Hashes are stored as lower-case hex, like those of the audit trail.
QString hexText(const QByteArray& bytes) {
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

Result<AnchorOutcome> AuditAnchorStore::record(const QString& deviceId, const QString& organisationId,
                                               const AuditHead& head) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    if (!database.transaction())
        return std::unexpected(databaseError(Text::tr("starting an audit anchor"), database.lastError()));
    auto rollBack = [&database](const Error& error) {
        database.rollback();
        return std::unexpected(error);
    };

    // The insert comes first, so that the transaction writes before it reads
    // and a SQLite connection never has to upgrade a read lock.
    const QString hash = hexText(head.hash);
    QSqlQuery query(database);
    query.prepare(QStringLiteral("INSERT INTO audit_anchor (device_id, seq, hash, received_at, conflict) "
                                 "VALUES (?, ?, ?, ?, 0) ON CONFLICT DO NOTHING"));
    query.addBindValue(deviceId);
    query.addBindValue(head.sequence);
    query.addBindValue(hash);
    query.addBindValue(nowMs());
    if (!query.exec())
        return rollBack(
            databaseError(Text::tr("recording audit anchor %1").arg(head.sequence), query.lastError()));
    if (query.numRowsAffected() == 0) {
        if (!database.commit())
            return rollBack(databaseError(Text::tr("committing audit anchor %1").arg(head.sequence),
                                          database.lastError()));
        return AnchorOutcome::Repeated;
    }

    query.prepare(
        QStringLiteral("SELECT COUNT(*) FROM audit_anchor WHERE device_id = ? AND seq = ? AND hash <> ?"));
    query.addBindValue(deviceId);
    query.addBindValue(head.sequence);
    query.addBindValue(hash);
    if (!query.exec() || !query.next())
        return rollBack(databaseError(Text::tr("reading the audit anchors of sequence %1").arg(head.sequence),
                                      query.lastError()));
    const bool conflict = query.value(0).toLongLong() > 0;
    query.finish();
    if (conflict) {
        query.prepare(QStringLiteral(
            "UPDATE audit_anchor SET conflict = 1 WHERE device_id = ? AND seq = ? AND hash = ?"));
        query.addBindValue(deviceId);
        query.addBindValue(head.sequence);
        query.addBindValue(hash);
        if (!query.exec())
            return rollBack(databaseError(
                Text::tr("marking audit anchor %1 as a conflict").arg(head.sequence), query.lastError()));
    }

    const QJsonObject details{{QStringLiteral("seq"), head.sequence},
                              {QStringLiteral("hash"), QString::fromLatin1(head.hash.toBase64())}};
    auto appended = appendAuditEvent(
        database, ServerAuditEntry{ServerAuditAction::AuditAnchor, deviceId, organisationId, details});
    if (!appended)
        return rollBack(appended.error());
    if (!database.commit())
        return rollBack(
            databaseError(Text::tr("committing audit anchor %1").arg(head.sequence), database.lastError()));

    if (conflict) {
        qCWarning(lcServer).noquote() << "device" << deviceId << "sent audit event" << head.sequence
                                      << "with a hash other than the one it sent before: its audit trail was "
                                         "rewritten; recorded as a conflict";
        return AnchorOutcome::Conflict;
    }
    return AnchorOutcome::Recorded;
}

Result<QList<AuditAnchor>> AuditAnchorStore::list(const QString& deviceId, int limit, qint64 offset) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());

    QSqlQuery query(*connected);
    query.prepare(
        QStringLiteral("SELECT seq, hash, received_at, conflict FROM audit_anchor WHERE device_id = ? "
                       "ORDER BY received_at DESC, seq DESC, hash DESC LIMIT ? OFFSET ?"));
    query.addBindValue(deviceId);
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (!query.exec())
        return std::unexpected(databaseError(Text::tr("listing the audit anchors of device %1").arg(deviceId),
                                             query.lastError()));
    QList<AuditAnchor> anchors;
    while (query.next()) {
        AuditAnchor anchor;
        anchor.sequence = query.value(0).toLongLong();
        anchor.hash = QByteArray::fromHex(query.value(1).toString().toLatin1());
        anchor.receivedAt = query.value(2).toLongLong();
        anchor.conflict = query.value(3).toInt() != 0;
        anchors.append(anchor);
    }
    return anchors;
}

} // namespace earlyhelp::server
