#include "auditlog.h"

#include <sqlcipher/sqlite3.h>

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringBuilder>
#include <QVariant>

#include "audit/auditchain.h"
#include "store/sqlcipherdriver.h"
#include "store/store.h"

namespace earlyhelp::audit {

Q_LOGGING_CATEGORY(lcAudit, "earlyhelp.core.audit", QtInfoMsg)

namespace {

struct ActionInfo {
    Action action;
    const char* code;
    const char* label; // marked with QT_TRANSLATE_NOOP
};

constexpr char translationContext[] = "earlyhelp::audit::AuditLog";

const ActionInfo actionTable[] = {
    {Action::View, "view", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "View")},
    {Action::Search, "search", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Search")},
    {Action::Create, "create", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Create")},
    {Action::Update, "update", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Update")},
    {Action::Delete, "delete", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Delete")},
    {Action::Restore, "restore", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Restore")},
    {Action::Purge, "purge", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Purge")},
    {Action::Erase, "erase", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Erase")},
    {Action::Share, "share", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Share")},
    {Action::Export, "export", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Export")},
    {Action::Unlock, "unlock", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Unlock")},
    {Action::FailedUnlock, "failed-unlock", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Failed unlock")},
    {Action::RoleChange, "role-change", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Role change")},
    {Action::PolicyOverride, "policy-override",
     QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Policy override")},
    {Action::TransferSend, "transfer-send", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Transfer sent")},
    {Action::TransferReceive, "transfer-receive",
     QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Transfer received")},
    {Action::TransferReceipt, "transfer-receipt",
     QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Transfer receipt")},
    {Action::Retention, "retention", QT_TRANSLATE_NOOP("earlyhelp::audit::AuditLog", "Retention review")},
};

const ActionInfo& infoOf(Action action) {
    for (const ActionInfo& info : actionTable) {
        if (info.action == action)
            return info;
    }
    Q_UNREACHABLE();
}

// A null QString binds as SQL NULL, which the NOT NULL text columns reject.
QString nonNull(const QString& text) {
    return text.isNull() ? QStringLiteral("") : text;
}

QString timestampText(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// The start of a local date, as the UTC text that audit_event.at compares with.
QString localDayStart(QDate date) {
    return timestampText(date.startOfDay());
}

// The WHERE clause of filter and its bound values, in order.
struct Condition {
    QString where;
    QVariantList binds;
};

Condition conditionOf(const Filter& filter) {
    QStringList terms;
    QVariantList binds;
    if (!filter.personId.isEmpty() && filter.includePersonsFamilies) {
        terms.append(QStringLiteral("(person_id = ? OR (person_id = '' AND family_id IN "
                                    "(SELECT family_id FROM family_member WHERE person_id = ?)))"));
        binds.append(filter.personId);
        binds.append(filter.personId);
    } else if (!filter.personId.isEmpty()) {
        terms.append(QStringLiteral("person_id = ?"));
        binds.append(filter.personId);
    }
    if (!filter.familyId.isEmpty()) {
        terms.append(QStringLiteral("family_id = ?"));
        binds.append(filter.familyId);
    }
    if (!filter.user.isEmpty()) {
        terms.append(QStringLiteral("user_name = ?"));
        binds.append(filter.user);
    }
    if (!filter.actions.isEmpty()) {
        QStringList marks;
        for (Action action : filter.actions) {
            marks.append(QStringLiteral("?"));
            binds.append(actionCode(action));
        }
        terms.append(u"action IN (" % marks.join(u", ") % u')');
    }
    if (filter.from.isValid()) {
        terms.append(QStringLiteral("at >= ?"));
        binds.append(localDayStart(filter.from));
    }
    if (filter.to.isValid()) {
        terms.append(QStringLiteral("at < ?"));
        binds.append(localDayStart(filter.to.addDays(1)));
    }
    if (filter.afterSequence > 0) {
        terms.append(QStringLiteral("seq > ?"));
        binds.append(filter.afterSequence);
    }
    if (filter.beforeSequence > 0) {
        terms.append(QStringLiteral("seq < ?"));
        binds.append(filter.beforeSequence);
    }
    if (terms.isEmpty())
        return Condition{QString(), binds};
    return Condition{u" WHERE " % terms.join(u" AND "), binds};
}

Event eventFromQuery(const QSqlQuery& query) {
    Event event;
    event.sequence = query.value(0).toLongLong();
    event.at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs).toUTC();
    event.user = query.value(2).toString();
    event.roleCode = query.value(3).toString();
    event.actionCode = query.value(4).toString();
    event.recordType = query.value(5).toString();
    event.recordId = query.value(6).toString();
    event.familyId = query.value(7).toString();
    event.personId = query.value(8).toString();
    event.details = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).object();
    event.erasedBySequence = query.value(10).toLongLong();
    return event;
}

} // namespace

QList<Action> allActions() {
    QList<Action> actions;
    for (const ActionInfo& info : actionTable)
        actions.append(info.action);
    return actions;
}

QString actionCode(Action action) {
    return QString::fromLatin1(infoOf(action).code);
}

std::optional<Action> actionFromCode(const QString& code) {
    for (const ActionInfo& info : actionTable) {
        if (code == QLatin1StringView(info.code))
            return info.action;
    }
    return std::nullopt;
}

QString actionLabel(Action action) {
    return QCoreApplication::translate(translationContext, infoOf(action).label);
}

AuditLog::AuditLog(Store& store, std::function<QDateTime()> clock)
    : m_store(store)
    , m_clock(clock ? std::move(clock) : std::function<QDateTime()>([] { return QDateTime::currentDateTimeUtc(); })) {}

Result<qint64> AuditLog::append(const NewEvent& event) {
    // One statement is atomic on its own, and joins the open transaction when
    // there is one. The chain trigger fills in the digest and hashes.
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "INSERT INTO audit_event (seq, at, user_name, role_code, action, record_type, record_id, "
        "family_id, person_id, details, details_salt, details_digest, prev_hash, hash) "
        "SELECT seq + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, x'', x'', x'' FROM audit_head WHERE id = 1"));
    query.addBindValue(timestampText(m_clock()));
    query.addBindValue(nonNull(event.user.value_or(m_store.auditUser())));
    query.addBindValue(nonNull(event.roleCode.value_or(m_store.auditRoleCode())));
    query.addBindValue(actionCode(event.action));
    query.addBindValue(nonNull(event.recordType));
    query.addBindValue(nonNull(event.recordId));
    query.addBindValue(nonNull(event.familyId));
    query.addBindValue(nonNull(event.personId));
    query.addBindValue(QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact)));
    query.addBindValue(newDetailsSalt());
    if (!query.exec()) {
        qCWarning(lcAudit, "Appending a %s event failed: %s", infoOf(event.action).code,
                  qUtf8Printable(query.lastError().text()));
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    }
    if (query.numRowsAffected() != 1) {
        return makeError(ErrorCode::StoreDamaged,
                         QCoreApplication::translate(translationContext,
                                                     "The audit trail of %1 has no head row, so no event "
                                                     "can be recorded. Restore the store from a backup.")
                             .arg(m_store.path()));
    }
    return query.lastInsertId().toLongLong();
}

Result<QList<Event>> AuditLog::query(const Filter& filter) const {
    const Condition condition = conditionOf(filter);
    QString sql = u"SELECT seq, at, user_name, role_code, action, record_type, record_id, family_id, "
                  u"person_id, details, erased_by_seq FROM audit_event" %
                  condition.where %
                  (filter.newestFirst ? QStringLiteral(" ORDER BY seq DESC") : QStringLiteral(" ORDER BY seq ASC"));
    if (filter.limit > 0)
        sql += u" LIMIT " % QString::number(filter.limit);

    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant& value : condition.binds)
        query.addBindValue(value);
    if (!query.exec())
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    QList<Event> events;
    while (query.next())
        events.append(eventFromQuery(query));
    return events;
}

Result<qint64> AuditLog::count(const Filter& filter) const {
    const Condition condition = conditionOf(filter);
    QSqlQuery query(m_store.database());
    query.prepare(u"SELECT count(*) FROM audit_event" % condition.where);
    for (const QVariant& value : condition.binds)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    const qint64 total = query.value(0).toLongLong();
    return filter.limit > 0 ? qMin<qint64>(total, filter.limit) : total;
}

ScopedAuditCause::ScopedAuditCause(Store& store, const QString& cause, const QJsonObject& details)
    : m_store(store)
    , m_previousCause(store.auditCause())
    , m_previousDetails(store.auditCauseDetails()) {
    m_store.setAuditCause(cause, details);
}

ScopedAuditCause::~ScopedAuditCause() {
    m_store.setAuditCause(m_previousCause, m_previousDetails);
}

} // namespace earlyhelp::audit
