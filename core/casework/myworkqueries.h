#pragma once

#include "common/result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace earlyhelp {

class Store;

// One line of the "My work" list.
struct MyWorkItem {
    QString recordId; // the review, action or consent; the family for a family without a plan
    QString familyId;
    QString familyName;
    QDate date;   // the date due; invalid for a family without a plan
    QString text; // the action's description or the consent's subject person id; empty otherwise
};

// Read-only queries of the "My work" list. Every date is relative to today,
// the caller's current date, so tests can fix it. Deleted records, and
// records of deleted plans, goals and families, are never returned. Lives on
// the store's thread and must not outlive the store.
class MyWorkQueries {
public:
    explicit MyWorkQueries(Store& store);

    // Returns the active plans whose latest review sets a next review date
    // on or before today + days, overdue ones included, by that date. The
    // recordId is the review's.
    [[nodiscard]] Result<QList<MyWorkItem>> reviewsDue(QDate today, int days = 7) const;

    // Returns the open actions due before today, oldest due date first.
    [[nodiscard]] Result<QList<MyWorkItem>> overdueActions(QDate today) const;

    // Returns the consents not withdrawn whose review date is on or before
    // today + days, overdue ones included, by review date.
    [[nodiscard]] Result<QList<MyWorkItem>> consentsDueForReview(QDate today, int days = 7) const;

    // Returns the families with an open or stepped-down case and no active
    // plan that started on or before today, by name.
    [[nodiscard]] Result<QList<MyWorkItem>> familiesWithoutPlan(QDate today) const;

private:
    [[nodiscard]] Result<QList<MyWorkItem>> run(const QString& sql, const QVariantList& binds) const;

    Store& m_store;
};

} // namespace earlyhelp
