#include "familycaserepository.h"

#include "recordtable.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace earlyhelp {

using namespace casework;

namespace {

const QStringList historyColumns{
    QStringLiteral("family_id"),   QStringLiteral("from_status"), QStringLiteral("to_status"),
    QStringLiteral("change_date"), QStringLiteral("reason"),      QStringLiteral("changed_by"),
};

RecordTable historyTable(Store& store) {
    return RecordTable(store, QStringLiteral("family_status_change"), historyColumns,
                       QCoreApplication::translate("earlyhelp::Casework", "status change"));
}

FamilyStatusChangeRecord readChange(const Row& row) {
    FamilyStatusChangeRecord change;
    change.meta = row.meta;
    change.familyId = row.values.at(0).toString();
    change.from = familyStatusFromCode(row.values.at(1).toString()).value_or(FamilyStatus::Open);
    change.to = familyStatusFromCode(row.values.at(2).toString()).value_or(FamilyStatus::Open);
    change.date = dateFromValue(row.values.at(3));
    change.reason = row.values.at(4).toString();
    change.changedBy = row.values.at(5).toString();
    return change;
}

} // namespace

FamilyCaseRepository::FamilyCaseRepository(Store& store, CaseworkOptions options)
    : m_store(store)
    , m_options(withDefaults(std::move(options))) {}

Result<FamilyCase> FamilyCaseRepository::family(const QString& familyId) const {
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral(
        "SELECT id, name, status, lead_practitioner, revision FROM family WHERE id = ? AND deleted = 0"));
    query.addBindValue(familyId);
    if (!query.exec())
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    if (!query.next()) {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("earlyhelp::Casework",
                                                     "No family with id %1 is in this store. It may have "
                                                     "been deleted.")
                             .arg(familyId));
    }
    FamilyCase family;
    family.id = query.value(0).toString();
    family.name = query.value(1).toString();
    const QString statusCode = query.value(2).toString();
    const std::optional<FamilyStatus> status = familyStatusFromCode(statusCode);
    if (!status) {
        return makeError(ErrorCode::StoreDamaged,
                         QCoreApplication::translate("earlyhelp::Casework",
                                                     "The family %1 has the unknown status \"%2\". Run "
                                                     "\"earlyhelp-cli verify\".")
                             .arg(familyId, statusCode));
    }
    family.status = *status;
    family.leadPractitioner = query.value(3).toString();
    family.revision = query.value(4).toInt();
    return family;
}

Result<FamilyStatusChangeRecord> FamilyCaseRepository::changeStatus(const Actor& actor,
                                                                    const QString& familyId, FamilyStatus to,
                                                                    QDate date, const QString& reason) {
    if (Status allowed = m_options.authorise(actor, {WriteKind::Update, CaseworkRecord::Family}); !allowed)
        return std::unexpected(allowed.error());

    const QDateTime now = m_options.clock();
    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());

    Result<FamilyCase> current = family(familyId);
    if (!current)
        return std::unexpected(current.error());

    QSqlQuery previous(m_store.database());
    previous.prepare(QStringLiteral(
        "SELECT max(change_date) FROM family_status_change WHERE family_id = ? AND deleted = 0"));
    previous.addBindValue(familyId);
    if (!previous.exec() || !previous.next())
        return std::unexpected(m_store.errorFromSql(previous.lastError()));

    FamilyStatusChange change;
    change.from = current->status;
    change.to = to;
    change.date = date;
    change.reason = reason.trimmed();
    change.previousChangeDate = dateFromValue(previous.value(0));
    if (Status valid = checkFamilyStatusChange(change, localDate(now)); !valid)
        return std::unexpected(valid.error());

    QSqlQuery update(m_store.database());
    update.prepare(QStringLiteral("UPDATE family SET status = ?, revision = revision + 1, updated_at = ? "
                                  "WHERE id = ? AND deleted = 0"));
    update.addBindValue(familyStatusCode(to).toString());
    update.addBindValue(timestampValue(now));
    update.addBindValue(familyId);
    if (!update.exec())
        return std::unexpected(m_store.errorFromSql(update.lastError()));

    RecordTable history = historyTable(m_store);
    Result<QString> id =
        history.insert({familyId, familyStatusCode(change.from).toString(), familyStatusCode(to).toString(),
                        dateValue(date), change.reason, actor.user},
                       now);
    if (!id)
        return std::unexpected(id.error());
    Result<Row> row = history.get(*id);
    if (!row)
        return std::unexpected(row.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());

    qCInfo(lcCasework, "Family %s changed status from %s to %s", qUtf8Printable(familyId),
           qUtf8Printable(familyStatusCode(change.from).toString()),
           qUtf8Printable(familyStatusCode(to).toString()));
    return readChange(*row);
}

Result<bool> FamilyCaseRepository::setLeadPractitioner(const Actor& actor, const QString& familyId,
                                                       const QString& leadPractitioner) {
    if (Status allowed = m_options.authorise(actor, {WriteKind::Update, CaseworkRecord::Family}); !allowed)
        return std::unexpected(allowed.error());

    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    Result<FamilyCase> current = family(familyId);
    if (!current)
        return std::unexpected(current.error());
    const QString name = leadPractitioner.trimmed();
    if (current->leadPractitioner == name)
        return false;

    QSqlQuery update(m_store.database());
    update.prepare(QStringLiteral("UPDATE family SET lead_practitioner = ?, revision = revision + 1, "
                                  "updated_at = ? WHERE id = ? AND deleted = 0"));
    update.addBindValue(name);
    update.addBindValue(timestampValue(m_options.clock()));
    update.addBindValue(familyId);
    if (!update.exec())
        return std::unexpected(m_store.errorFromSql(update.lastError()));
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return true;
}

Result<QList<FamilyStatusChangeRecord>> FamilyCaseRepository::statusHistory(const QString& familyId) const {
    Result<QList<Row>> rows = historyTable(m_store).list(QStringLiteral("family_id = ?"), {familyId},
                                                         QStringLiteral("change_date, created_at"));
    if (!rows)
        return std::unexpected(rows.error());
    QList<FamilyStatusChangeRecord> changes;
    for (const Row& row : *rows)
        changes += readChange(row);
    return changes;
}

} // namespace earlyhelp
