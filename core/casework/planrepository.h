#pragma once

#include "casework/caseworkoptions.h"
#include "casework/records.h"
#include "common/result.h"

#include <QList>
#include <QString>

namespace earlyhelp {

class Store;

// Team Around the Family plans with their goals, actions, meetings and
// reviews. Every write checks its record first (InvalidInput names the value
// at fault), runs in one transaction and raises the revision only when a value
// changed. remove*() marks a record deleted and restore*() brings it back
// within restoreWindowDays. Deleting a plan leaves its goals, actions,
// meetings and reviews as they are. Lives on the store's thread and must not
// outlive the store.
class PlanRepository {
public:
    explicit PlanRepository(Store& store, CaseworkOptions options = {});

    // A plan needs a family and a start date. The end date, when given, is not
    // before the start date, and a closed plan has one.
    [[nodiscard]] Result<TafPlan> createPlan(const Actor& actor, const TafPlan& plan);
    [[nodiscard]] Result<TafPlan> updatePlan(const Actor& actor, const TafPlan& plan);
    [[nodiscard]] Result<TafPlan> plan(const QString& id) const;
    // Returns the family's plans, newest start date first.
    [[nodiscard]] Result<QList<TafPlan>> plansForFamily(const QString& familyId) const;
    [[nodiscard]] Status removePlan(const Actor& actor, const QString& id);
    [[nodiscard]] Status restorePlan(const Actor& actor, const QString& id);

    // A goal needs a plan and a description. When it names an assessment, the
    // assessment records a need under the goal's heading.
    [[nodiscard]] Result<PlanGoal> createGoal(const Actor& actor, const PlanGoal& goal);
    [[nodiscard]] Result<PlanGoal> updateGoal(const Actor& actor, const PlanGoal& goal);
    [[nodiscard]] Result<PlanGoal> goal(const QString& id) const;
    [[nodiscard]] Result<QList<PlanGoal>> goalsForPlan(const QString& planId) const;
    [[nodiscard]] Status removeGoal(const Actor& actor, const QString& id);
    [[nodiscard]] Status restoreGoal(const Actor& actor, const QString& id);

    // An action needs a goal and a description.
    [[nodiscard]] Result<PlanAction> createAction(const Actor& actor, const PlanAction& action);
    [[nodiscard]] Result<PlanAction> updateAction(const Actor& actor, const PlanAction& action);
    [[nodiscard]] Result<PlanAction> action(const QString& id) const;
    // Returns the goal's actions by due date, undated ones last.
    [[nodiscard]] Result<QList<PlanAction>> actionsForGoal(const QString& goalId) const;
    [[nodiscard]] Status removeAction(const Actor& actor, const QString& id);
    [[nodiscard]] Status restoreAction(const Actor& actor, const QString& id);

    // A meeting needs a plan and a date.
    [[nodiscard]] Result<TafMeeting> createMeeting(const Actor& actor, const TafMeeting& meeting);
    [[nodiscard]] Result<TafMeeting> updateMeeting(const Actor& actor, const TafMeeting& meeting);
    [[nodiscard]] Result<TafMeeting> meeting(const QString& id) const;
    [[nodiscard]] Result<QList<TafMeeting>> meetingsForPlan(const QString& planId) const;
    [[nodiscard]] Status removeMeeting(const Actor& actor, const QString& id);
    [[nodiscard]] Status restoreMeeting(const Actor& actor, const QString& id);

    // A review needs a plan and a date. The review is not dated before the
    // meeting that held it, the next review is after the review, and progress
    // names only goals of the same plan.
    [[nodiscard]] Result<PlanReview> createReview(const Actor& actor, const PlanReview& review);
    [[nodiscard]] Result<PlanReview> updateReview(const Actor& actor, const PlanReview& review);
    [[nodiscard]] Result<PlanReview> review(const QString& id) const;
    [[nodiscard]] Result<QList<PlanReview>> reviewsForPlan(const QString& planId) const;
    [[nodiscard]] Status removeReview(const Actor& actor, const QString& id);
    [[nodiscard]] Status restoreReview(const Actor& actor, const QString& id);

private:
    Store& m_store;
    CaseworkOptions m_options;
};

// Returns the code the store keeps for status: "open", "done" or "cancelled".
[[nodiscard]] QStringView actionStatusCode(ActionStatus status);

} // namespace earlyhelp
