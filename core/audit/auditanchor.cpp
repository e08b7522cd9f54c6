#include "auditanchor.h"

#include "store/store.h"
#include "store/storeerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace earlyhelp::audit {

namespace {

constexpr char translationContext[] = "earlyhelp::audit::AuditLog";

QString localDate(const QDateTime& time) {
    return time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy"));
}

void markBad(AnchorReport& report, qint64 sequence, const QString& problem) {
    report.intact = false;
    report.firstBadSequence = sequence;
    report.problem = problem;
}

} // namespace

Result<AuditHead> readAuditHead(Store& store) {
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")))
        return std::unexpected(store.errorFromSql(query.lastError()));
    if (!query.next()) {
        return makeError(ErrorCode::StoreDamaged,
                         QCoreApplication::translate(translationContext,
                                                     "The audit head of the case store %1 is missing. Run "
                                                     "\"earlyhelp-cli verify\" and restore the store from a "
                                                     "backup.")
                             .arg(displayPath(store.path())));
    }
    return AuditHead{query.value(0).toLongLong(), query.value(1).toByteArray()};
}

Result<AnchorReport> checkAuditAnchors(Store& store, const QList<AuditAnchor>& anchors) {
    QSqlQuery last(store.database());
    if (!last.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM audit_event")) || !last.next())
        return std::unexpected(store.errorFromSql(last.lastError()));
    const qint64 lastSequence = last.value(0).toLongLong();
    last.finish();

    // In order of sequence, then of time received, so that the first problem
    // found is the oldest event that differs from what the server recorded.
    QList<AuditAnchor> ordered = anchors;
    std::sort(ordered.begin(), ordered.end(), [](const AuditAnchor& a, const AuditAnchor& b) {
        return a.sequence != b.sequence ? a.sequence < b.sequence : a.receivedAt < b.receivedAt;
    });

    AnchorReport report;
    QSqlQuery event(store.database());
    if (!event.prepare(QStringLiteral("SELECT hash FROM audit_event WHERE seq = ?")))
        return std::unexpected(store.errorFromSql(event.lastError()));
    for (const AuditAnchor& anchor : std::as_const(ordered)) {
        if (anchor.sequence > lastSequence) {
            markBad(report, anchor.sequence,
                    QCoreApplication::translate(translationContext,
                                                "the audit trail ends at event %1, but the sync server "
                                                "recorded event %2 on %3")
                        .arg(lastSequence)
                        .arg(anchor.sequence)
                        .arg(localDate(anchor.receivedAt)));
            return report;
        }

        event.bindValue(0, anchor.sequence);
        if (!event.exec())
            return std::unexpected(store.errorFromSql(event.lastError()));
        // A missing event inside the trail differs from the anchor too.
        const QByteArray stored = event.next() ? event.value(0).toByteArray() : QByteArray();
        event.finish();
        if (stored != anchor.hash) {
            markBad(report, anchor.sequence,
                    QCoreApplication::translate(translationContext,
                                                "event %1 does not match the hash the sync server recorded "
                                                "on %2: the audit trail was rewritten after that date")
                        .arg(anchor.sequence)
                        .arg(localDate(anchor.receivedAt)));
            return report;
        }
        ++report.matched;
    }
    return report;
}

} // namespace earlyhelp::audit
