#include "planrepository.h"

#include "recordmapping.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace earlyhelp {

using namespace casework;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::Casework", text);
}

Status invalid(const QString& message) {
    return makeError(ErrorCode::InvalidInput, message);
}

bool isKnownHeading(SupportingFamiliesHeading heading) {
    return std::ranges::find(supportingFamiliesHeadings(), heading) != supportingFamiliesHeadings().end();
}

Status unknownHeading(SupportingFamiliesHeading heading) {
    return invalid(tr("The heading number %1 is unknown. Choose one of the Supporting Families headings.")
                       .arg(int(heading)));
}

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant& value) {
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

// Returns the date in column of table's row id, or an invalid date when the
// row is missing or deleted.
Result<QDate> storedDate(Store& store, const QString& table, const QString& column, const QString& id) {
    QSqlQuery query(store.database());
    query.prepare(QString(u"SELECT " + column + u" FROM " + table + u" WHERE id = ? AND deleted = 0"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(store.errorFromSql(query.lastError()));
    if (!query.next())
        return QDate();
    return dateFromValue(query.value(0));
}

// Checks that a meeting or review of planId, held on date, is not in the
// future and not before the plan started. what names the record for the
// message, such as "the meeting".
Status checkHeldDate(Store& store, const QString& planId, QDate date, QDate today, const QString& what) {
    if (date > today) {
        return invalid(tr("The date of %1, %2, is in the future. Enter the date it was held, today or earlier.")
                           .arg(what, dateForScreen(date)));
    }
    Result<QDate> start = storedDate(store, QStringLiteral("taf_plan"), QStringLiteral("start_date"), planId);
    if (!start)
        return std::unexpected(start.error());
    if (start->isValid() && date < *start) {
        return invalid(tr("The date of %1, %2, is before the plan started on %3. Enter %3 or a later date.")
                           .arg(what, dateForScreen(date), dateForScreen(*start)));
    }
    return {};
}

Status requireRow(Store& store, const QString& table, const QString& id, const QString& label) {
    QSqlQuery query(store.database());
    query.prepare(QString(u"SELECT count(*) FROM " + table + u" WHERE id = ? AND deleted = 0"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::unexpected(store.errorFromSql(query.lastError()));
    if (query.value(0).toInt() > 0)
        return {};
    return makeError(ErrorCode::NotFound,
                     tr("No %1 with id %2 is in this store. It may have been deleted.").arg(label, id));
}

// Plans

QStringView planStatusCode(PlanStatus status) {
    return status == PlanStatus::Closed ? u"closed" : u"active";
}

const RecordMapping<TafPlan>& planMapping() {
    static const RecordMapping<TafPlan> mapping{
        QStringLiteral("taf_plan"),
        {QStringLiteral("family_id"), QStringLiteral("start_date"), QStringLiteral("end_date"),
         QStringLiteral("status"), QStringLiteral("outcomes")},
        tr("plan"),
        CaseworkRecord::Plan,
        [](const TafPlan& plan) -> QVariantList {
            QJsonObject outcomes;
            for (auto it = plan.outcomes.cbegin(); it != plan.outcomes.cend(); ++it)
                outcomes.insert(headingCode(it.key()).toString(), it.value());
            return {plan.familyId, dateValue(plan.startDate), dateValue(plan.endDate),
                    planStatusCode(plan.status).toString(), jsonText(outcomes)};
        },
        [](const Row& row) {
            TafPlan plan;
            plan.meta = row.meta;
            plan.familyId = row.values.at(0).toString();
            plan.startDate = dateFromValue(row.values.at(1));
            plan.endDate = dateFromValue(row.values.at(2));
            plan.status = row.values.at(3).toString() == u"closed" ? PlanStatus::Closed : PlanStatus::Active;
            const QJsonObject outcomes = jsonObject(row.values.at(4));
            for (auto it = outcomes.constBegin(); it != outcomes.constEnd(); ++it) {
                if (const auto heading = headingFromCode(it.key()))
                    plan.outcomes.insert(*heading, it.value().toString());
            }
            return plan;
        },
        [](Store& store, const TafPlan& plan, QDate today) -> Status {
            if (plan.familyId.isEmpty())
                return invalid(tr("The plan has no family. Choose the family it is for."));
            if (Status family = requireRow(store, QStringLiteral("family"), plan.familyId, tr("family"));
                !family)
                return family;
            if (!plan.startDate.isValid())
                return invalid(tr("The start date of the plan is missing. Enter the date the plan starts."));
            if (plan.endDate.isValid() && plan.endDate < plan.startDate) {
                return invalid(tr("The end date of the plan, %1, is before its start date, %2. Enter %2 or a "
                                  "later date.")
                                   .arg(dateForScreen(plan.endDate), dateForScreen(plan.startDate)));
            }
            if (plan.endDate.isValid() && plan.endDate > today) {
                return invalid(tr("The end date of the plan, %1, is in the future. Enter the date it closed, "
                                  "today or earlier.")
                                   .arg(dateForScreen(plan.endDate)));
            }
            if (plan.status == PlanStatus::Closed && !plan.endDate.isValid())
                return invalid(tr("The end date of the closed plan is missing. Enter the date it closed."));
            for (auto it = plan.outcomes.cbegin(); it != plan.outcomes.cend(); ++it) {
                if (!isKnownHeading(it.key()))
                    return unknownHeading(it.key());
            }
            return {};
        },
    };
    return mapping;
}

// Goals

const RecordMapping<PlanGoal>& goalMapping() {
    static const RecordMapping<PlanGoal> mapping{
        QStringLiteral("plan_goal"),
        {QStringLiteral("plan_id"), QStringLiteral("assessment_id"), QStringLiteral("heading"),
         QStringLiteral("description")},
        tr("goal"),
        CaseworkRecord::Goal,
        [](const PlanGoal& goal) -> QVariantList {
            return {goal.planId, optionalText(goal.assessmentId), headingCode(goal.heading).toString(),
                    goal.description.trimmed()};
        },
        [](const Row& row) {
            PlanGoal goal;
            goal.meta = row.meta;
            goal.planId = row.values.at(0).toString();
            goal.assessmentId = row.values.at(1).toString();
            goal.heading =
                headingFromCode(row.values.at(2).toString()).value_or(SupportingFamiliesHeading::Education);
            goal.description = row.values.at(3).toString();
            return goal;
        },
        [](Store& store, const PlanGoal& goal, QDate) -> Status {
            if (Status plan = requireRow(store, QStringLiteral("taf_plan"), goal.planId, tr("plan")); !plan)
                return plan;
            if (!isKnownHeading(goal.heading))
                return unknownHeading(goal.heading);
            if (goal.description.trimmed().isEmpty())
                return invalid(tr("The goal's description is missing. Enter what the goal should achieve."));
            if (goal.assessmentId.isEmpty())
                return {};
            QSqlQuery need(store.database());
            need.prepare(QStringLiteral("SELECT count(*) FROM assessment_need n JOIN assessment a ON "
                                        "a.id = n.assessment_id WHERE a.id = ? AND a.deleted = 0 AND "
                                        "n.heading = ? AND n.deleted = 0"));
            need.addBindValue(goal.assessmentId);
            need.addBindValue(headingCode(goal.heading).toString());
            if (!need.exec() || !need.next())
                return std::unexpected(store.errorFromSql(need.lastError()));
            if (need.value(0).toInt() == 0) {
                return invalid(tr("The linked assessment records no need under \"%1\", or was deleted. "
                                  "Choose a heading that the assessment covers, or link no assessment.")
                                   .arg(headingLabel(goal.heading)));
            }
            return {};
        },
    };
    return mapping;
}

// Actions

const RecordMapping<PlanAction>& actionMapping() {
    static const RecordMapping<PlanAction> mapping{
        QStringLiteral("plan_action"),
        {QStringLiteral("goal_id"), QStringLiteral("description"), QStringLiteral("owner_org_id"),
         QStringLiteral("owner_person"), QStringLiteral("due_date"), QStringLiteral("status")},
        tr("action"),
        CaseworkRecord::Action,
        [](const PlanAction& action) -> QVariantList {
            return {action.goalId,
                    action.description.trimmed(),
                    optionalText(action.ownerOrgId),
                    action.ownerPerson.trimmed(),
                    dateValue(action.dueDate),
                    actionStatusCode(action.status).toString()};
        },
        [](const Row& row) {
            PlanAction action;
            action.meta = row.meta;
            action.goalId = row.values.at(0).toString();
            action.description = row.values.at(1).toString();
            action.ownerOrgId = row.values.at(2).toString();
            action.ownerPerson = row.values.at(3).toString();
            action.dueDate = dateFromValue(row.values.at(4));
            const QString status = row.values.at(5).toString();
            action.status = status == u"done"        ? ActionStatus::Done
                            : status == u"cancelled" ? ActionStatus::Cancelled
                                                     : ActionStatus::Open;
            return action;
        },
        [](Store& store, const PlanAction& action, QDate) -> Status {
            if (Status goal = requireRow(store, QStringLiteral("plan_goal"), action.goalId, tr("goal"));
                !goal)
                return goal;
            if (action.description.trimmed().isEmpty())
                return invalid(tr("The action's description is missing. Enter what is to be done."));
            if (!action.ownerOrgId.isEmpty()) {
                if (Status owner = requireRow(store, QStringLiteral("organisation"), action.ownerOrgId,
                                              tr("organisation"));
                    !owner)
                    return owner;
            }
            return {};
        },
    };
    return mapping;
}

// Meetings

const RecordMapping<TafMeeting>& meetingMapping() {
    static const RecordMapping<TafMeeting> mapping{
        QStringLiteral("taf_meeting"),
        {QStringLiteral("plan_id"), QStringLiteral("meeting_date"), QStringLiteral("attendees"),
         QStringLiteral("notes")},
        tr("meeting"),
        CaseworkRecord::Meeting,
        [](const TafMeeting& meeting) -> QVariantList {
            return {meeting.planId, dateValue(meeting.date), meeting.attendees, meeting.notes};
        },
        [](const Row& row) {
            TafMeeting meeting;
            meeting.meta = row.meta;
            meeting.planId = row.values.at(0).toString();
            meeting.date = dateFromValue(row.values.at(1));
            meeting.attendees = row.values.at(2).toString();
            meeting.notes = row.values.at(3).toString();
            return meeting;
        },
        [](Store& store, const TafMeeting& meeting, QDate today) -> Status {
            if (Status plan = requireRow(store, QStringLiteral("taf_plan"), meeting.planId, tr("plan"));
                !plan)
                return plan;
            if (!meeting.date.isValid())
                return invalid(tr("The date of the meeting is missing. Enter the date it was held."));
            return checkHeldDate(store, meeting.planId, meeting.date, today, tr("the meeting"));
        },
    };
    return mapping;
}

// Reviews

const RecordMapping<PlanReview>& reviewMapping() {
    static const RecordMapping<PlanReview> mapping{
        QStringLiteral("plan_review"),
        {QStringLiteral("plan_id"), QStringLiteral("meeting_id"), QStringLiteral("review_date"),
         QStringLiteral("progress"), QStringLiteral("next_review_date")},
        tr("review"),
        CaseworkRecord::Review,
        [](const PlanReview& review) -> QVariantList {
            QJsonObject progress;
            for (auto it = review.progress.cbegin(); it != review.progress.cend(); ++it)
                progress.insert(it.key(), it.value());
            return {review.planId, optionalText(review.meetingId), dateValue(review.date), jsonText(progress),
                    dateValue(review.nextReviewDate)};
        },
        [](const Row& row) {
            PlanReview review;
            review.meta = row.meta;
            review.planId = row.values.at(0).toString();
            review.meetingId = row.values.at(1).toString();
            review.date = dateFromValue(row.values.at(2));
            const QJsonObject progress = jsonObject(row.values.at(3));
            for (auto it = progress.constBegin(); it != progress.constEnd(); ++it)
                review.progress.insert(it.key(), it.value().toString());
            review.nextReviewDate = dateFromValue(row.values.at(4));
            return review;
        },
        [](Store& store, const PlanReview& review, QDate today) -> Status {
            if (Status plan = requireRow(store, QStringLiteral("taf_plan"), review.planId, tr("plan")); !plan)
                return plan;
            if (!review.date.isValid())
                return invalid(tr("The date of the review is missing. Enter the date it was held."));
            if (Status held = checkHeldDate(store, review.planId, review.date, today, tr("the review")); !held)
                return held;
            if (!review.meetingId.isEmpty()) {
                Result<QDate> meetingDate = storedDate(store, QStringLiteral("taf_meeting"),
                                                       QStringLiteral("meeting_date"), review.meetingId);
                if (!meetingDate)
                    return std::unexpected(meetingDate.error());
                if (!meetingDate->isValid()) {
                    return makeError(ErrorCode::NotFound,
                                     tr("No meeting with id %1 is in this store. It may have been deleted.")
                                         .arg(review.meetingId));
                }
                if (review.date < *meetingDate) {
                    return invalid(tr("The review date, %1, is before the date of its meeting, %2. Enter %2 "
                                      "or a later date.")
                                       .arg(dateForScreen(review.date), dateForScreen(*meetingDate)));
                }
            }
            if (review.nextReviewDate.isValid() && review.nextReviewDate <= review.date) {
                return invalid(tr("The next review date, %1, is not after the review on %2. Enter a later "
                                  "date.")
                                   .arg(dateForScreen(review.nextReviewDate), dateForScreen(review.date)));
            }
            for (auto it = review.progress.cbegin(); it != review.progress.cend(); ++it) {
                QSqlQuery goal(store.database());
                goal.prepare(QStringLiteral("SELECT count(*) FROM plan_goal WHERE id = ? AND plan_id = ? AND "
                                            "deleted = 0"));
                goal.addBindValue(it.key());
                goal.addBindValue(review.planId);
                if (!goal.exec() || !goal.next())
                    return std::unexpected(store.errorFromSql(goal.lastError()));
                if (goal.value(0).toInt() == 0) {
                    return invalid(tr("The review records progress for a goal that is not a goal of this "
                                      "plan, or was deleted. Clear that goal's progress, or restore the goal "
                                      "from Case › Deleted Items."));
                }
            }
            return {};
        },
    };
    return mapping;
}

} // namespace

QStringView actionStatusCode(ActionStatus status) {
    switch (status) {
    case ActionStatus::Open:
        return u"open";
    case ActionStatus::Done:
        return u"done";
    case ActionStatus::Cancelled:
        return u"cancelled";
    }
    return u"open";
}

PlanRepository::PlanRepository(Store& store, CaseworkOptions options)
    : m_store(store)
    , m_options(withDefaults(std::move(options))) {}

// Plans

Result<TafPlan> PlanRepository::createPlan(const Actor& actor, const TafPlan& plan) {
    return createRecord(m_store, m_options, planMapping(), actor, plan);
}
Result<TafPlan> PlanRepository::updatePlan(const Actor& actor, const TafPlan& plan) {
    return updateRecord(m_store, m_options, planMapping(), actor, plan);
}
Result<TafPlan> PlanRepository::plan(const QString& id) const {
    return getRecord(m_store, planMapping(), id, m_options.includeDeleted);
}
Result<QList<TafPlan>> PlanRepository::plansForFamily(const QString& familyId) const {
    return listRecords(m_store, planMapping(), QStringLiteral("family_id = ?"), {familyId},
                       QStringLiteral("start_date DESC, created_at DESC"), m_options.includeDeleted);
}
Status PlanRepository::removePlan(const Actor& actor, const QString& id) {
    return removeRecord(m_store, m_options, planMapping(), actor, id);
}
Status PlanRepository::restorePlan(const Actor& actor, const QString& id) {
    return restoreRecord(m_store, m_options, planMapping(), actor, id);
}

// Goals

Result<PlanGoal> PlanRepository::createGoal(const Actor& actor, const PlanGoal& goal) {
    return createRecord(m_store, m_options, goalMapping(), actor, goal);
}
Result<PlanGoal> PlanRepository::updateGoal(const Actor& actor, const PlanGoal& goal) {
    return updateRecord(m_store, m_options, goalMapping(), actor, goal);
}
Result<PlanGoal> PlanRepository::goal(const QString& id) const {
    return getRecord(m_store, goalMapping(), id, m_options.includeDeleted);
}
Result<QList<PlanGoal>> PlanRepository::goalsForPlan(const QString& planId) const {
    return listRecords(m_store, goalMapping(), QStringLiteral("plan_id = ?"), {planId},
                       QStringLiteral("created_at, id"), m_options.includeDeleted);
}
Status PlanRepository::removeGoal(const Actor& actor, const QString& id) {
    return removeRecord(m_store, m_options, goalMapping(), actor, id);
}
Status PlanRepository::restoreGoal(const Actor& actor, const QString& id) {
    return restoreRecord(m_store, m_options, goalMapping(), actor, id);
}

// Actions

Result<PlanAction> PlanRepository::createAction(const Actor& actor, const PlanAction& action) {
    return createRecord(m_store, m_options, actionMapping(), actor, action);
}
Result<PlanAction> PlanRepository::updateAction(const Actor& actor, const PlanAction& action) {
    return updateRecord(m_store, m_options, actionMapping(), actor, action);
}
Result<PlanAction> PlanRepository::action(const QString& id) const {
    return getRecord(m_store, actionMapping(), id, m_options.includeDeleted);
}
Result<QList<PlanAction>> PlanRepository::actionsForGoal(const QString& goalId) const {
    return listRecords(m_store, actionMapping(), QStringLiteral("goal_id = ?"), {goalId},
                       QStringLiteral("due_date IS NULL, due_date, created_at"), m_options.includeDeleted);
}
Status PlanRepository::removeAction(const Actor& actor, const QString& id) {
    return removeRecord(m_store, m_options, actionMapping(), actor, id);
}
Status PlanRepository::restoreAction(const Actor& actor, const QString& id) {
    return restoreRecord(m_store, m_options, actionMapping(), actor, id);
}

// Meetings

Result<TafMeeting> PlanRepository::createMeeting(const Actor& actor, const TafMeeting& meeting) {
    return createRecord(m_store, m_options, meetingMapping(), actor, meeting);
}
Result<TafMeeting> PlanRepository::updateMeeting(const Actor& actor, const TafMeeting& meeting) {
    return updateRecord(m_store, m_options, meetingMapping(), actor, meeting);
}
Result<TafMeeting> PlanRepository::meeting(const QString& id) const {
    return getRecord(m_store, meetingMapping(), id, m_options.includeDeleted);
}
Result<QList<TafMeeting>> PlanRepository::meetingsForPlan(const QString& planId) const {
    return listRecords(m_store, meetingMapping(), QStringLiteral("plan_id = ?"), {planId},
                       QStringLiteral("meeting_date, created_at"), m_options.includeDeleted);
}
Status PlanRepository::removeMeeting(const Actor& actor, const QString& id) {
    return removeRecord(m_store, m_options, meetingMapping(), actor, id);
}
Status PlanRepository::restoreMeeting(const Actor& actor, const QString& id) {
    return restoreRecord(m_store, m_options, meetingMapping(), actor, id);
}

// Reviews

Result<PlanReview> PlanRepository::createReview(const Actor& actor, const PlanReview& review) {
    return createRecord(m_store, m_options, reviewMapping(), actor, review);
}
Result<PlanReview> PlanRepository::updateReview(const Actor& actor, const PlanReview& review) {
    return updateRecord(m_store, m_options, reviewMapping(), actor, review);
}
Result<PlanReview> PlanRepository::review(const QString& id) const {
    return getRecord(m_store, reviewMapping(), id, m_options.includeDeleted);
}
Result<QList<PlanReview>> PlanRepository::reviewsForPlan(const QString& planId) const {
    return listRecords(m_store, reviewMapping(), QStringLiteral("plan_id = ?"), {planId},
                       QStringLiteral("review_date, created_at"), m_options.includeDeleted);
}
Status PlanRepository::removeReview(const Actor& actor, const QString& id) {
    return removeRecord(m_store, m_options, reviewMapping(), actor, id);
}
Status PlanRepository::restoreReview(const Actor& actor, const QString& id) {
    return restoreRecord(m_store, m_options, reviewMapping(), actor, id);
}

} // namespace earlyhelp
