#include "myworkqueries.h"

#include "recordtable.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>

namespace earlyhelp {

using namespace casework;

MyWorkQueries::MyWorkQueries(Store& store)
    : m_store(store) {}

// The SQL returns record id, family id, family name, date and text, in that
// order.
Result<QList<MyWorkItem>> MyWorkQueries::run(const QString& sql, const QVariantList& binds) const {
    QSqlQuery query(m_store.database());
    query.prepare(sql);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qCWarning(lcCasework, "A My work query failed: %s", qUtf8Printable(query.lastError().text()));
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    }
    QList<MyWorkItem> items;
    while (query.next()) {
        items += MyWorkItem{query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                            dateFromValue(query.value(3)), query.value(4).toString()};
    }
    return items;
}

Result<QList<MyWorkItem>> MyWorkQueries::reviewsDue(QDate today, int days) const {
    // A plan's latest review is the one with the latest review date; the
    // created_at and id tie-breaks pick one review when two share a date.
    return run(
        QStringLiteral("SELECT r.id, f.id, f.name, r.next_review_date, '' FROM plan_review r "
                       "JOIN taf_plan p ON p.id = r.plan_id JOIN family f ON f.id = p.family_id "
                       "WHERE r.deleted = 0 AND p.deleted = 0 AND f.deleted = 0 AND p.status = 'active' "
                       "AND r.id = (SELECT l.id FROM plan_review l WHERE l.plan_id = p.id AND l.deleted = 0 "
                       "            ORDER BY l.review_date DESC, l.created_at DESC, l.id DESC LIMIT 1) "
                       "AND r.next_review_date <= ? ORDER BY r.next_review_date, f.name"),
        {dateValue(today.addDays(days))});
}

Result<QList<MyWorkItem>> MyWorkQueries::overdueActions(QDate today) const {
    return run(QStringLiteral("SELECT a.id, f.id, f.name, a.due_date, a.description FROM plan_action a "
                              "JOIN plan_goal g ON g.id = a.goal_id JOIN taf_plan p ON p.id = g.plan_id "
                              "JOIN family f ON f.id = p.family_id "
                              "WHERE a.deleted = 0 AND g.deleted = 0 AND p.deleted = 0 AND f.deleted = 0 "
                              "AND a.status = 'open' AND a.due_date < ? ORDER BY a.due_date, f.name"),
               {dateValue(today)});
}

Result<QList<MyWorkItem>> MyWorkQueries::consentsDueForReview(QDate today, int days) const {
    return run(
        QStringLiteral(
            "SELECT c.id, coalesce(f.id, ''), coalesce(f.name, ''), c.review_date, c.subject_person_id "
            "FROM consent c LEFT JOIN family f ON f.id = c.family_id AND f.deleted = 0 "
            "WHERE c.deleted = 0 AND c.withdrawn_date IS NULL AND c.review_date <= ? "
            "ORDER BY c.review_date"),
        {dateValue(today.addDays(days))});
}

Result<QList<MyWorkItem>> MyWorkQueries::familiesWithoutPlan(QDate today) const {
    return run(
        QStringLiteral("SELECT f.id, f.id, f.name, NULL, '' FROM family f "
                       "WHERE f.deleted = 0 AND f.status IN ('open', 'stepped_down') "
                       "AND NOT EXISTS (SELECT 1 FROM taf_plan p WHERE p.family_id = f.id AND p.deleted = 0 "
                       "                AND p.status = 'active' AND p.start_date <= ?) "
                       "ORDER BY f.name COLLATE NOCASE, f.created_at"),
        {dateValue(today)});
}

} // namespace earlyhelp
