#include "caseworktesthelpers.h"

#include "casework/assessmentrepository.h"
#include "casework/planrepository.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;

class TestPlanRepository : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void planRoundTrip();
    void planRevisionOnlyOnChange();
    void planEndBeforeStartRejected();
    void goalNeedsAssessedHeading();
    void actionRoundTrip();
    void reviewRoundTrip();
    void reviewBeforeMeetingRejected();
    void nextReviewNotAfterReviewRejected();
    void reviewProgressForOtherPlanRejected();
    void heldDatesChecked_data();
    void heldDatesChecked();
    void deletedPlanRestoresWithinWindow();
    void deletedActionRestoreRejectedAfterWindow();

private:
    [[nodiscard]] TafPlan samplePlan() const;

    CaseworkFixture m_fixture;
    QString m_familyId;
};

void TestPlanRepository::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_familyId = m_fixture.insertFamily(QStringLiteral("Khan family"));
    QVERIFY(!m_familyId.isEmpty());
}

void TestPlanRepository::cleanup() {
    m_fixture.tearDown();
}

TafPlan TestPlanRepository::samplePlan() const {
    TafPlan plan;
    plan.familyId = m_familyId;
    plan.startDate = QDate(2026, 11, 1);
    return plan;
}

void TestPlanRepository::planRoundTrip() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    TafPlan given = samplePlan();
    given.status = PlanStatus::Closed;
    given.endDate = QDate(2026, 12, 1);
    given.outcomes = {{SupportingFamiliesHeading::Housing, QStringLiteral("Tenancy secured")},
                      {SupportingFamiliesHeading::Education, QStringLiteral("Attendance 96%")}};

    Result<TafPlan> created = plans.createPlan(caseworker, given);
    EARLYHELP_VERIFY_OK(created);
    QCOMPARE(created->meta.revision, 1);
    QCOMPARE(created->meta.orgId, m_fixture.orgId);

    Result<TafPlan> read = plans.plan(created->meta.id);
    EARLYHELP_VERIFY_OK(read);
    QCOMPARE(read->familyId, m_familyId);
    QCOMPARE(read->startDate, given.startDate);
    QCOMPARE(read->endDate, given.endDate);
    QCOMPARE(read->status, PlanStatus::Closed);
    QCOMPARE(read->outcomes, given.outcomes);

    Result<QList<TafPlan>> listed = plans.plansForFamily(m_familyId);
    EARLYHELP_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
}

void TestPlanRepository::planRevisionOnlyOnChange() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> created = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(created);

    m_fixture.now = m_fixture.now.addSecs(60);
    Result<TafPlan> same = plans.updatePlan(caseworker, *created);
    EARLYHELP_VERIFY_OK(same);
    QCOMPARE(same->meta.revision, 1);
    QCOMPARE(same->meta.updatedAt, created->meta.updatedAt);

    TafPlan edited = *same;
    edited.outcomes.insert(SupportingFamiliesHeading::Crime, QStringLiteral("No further incidents"));
    Result<TafPlan> changed = plans.updatePlan(caseworker, edited);
    EARLYHELP_VERIFY_OK(changed);
    QCOMPARE(changed->meta.revision, 2);
    QCOMPARE(changed->meta.updatedAt, m_fixture.now);
}

void TestPlanRepository::planEndBeforeStartRejected() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    TafPlan plan = samplePlan();
    plan.endDate = QDate(2026, 10, 31);
    Result<TafPlan> rejected = plans.createPlan(caseworker, plan);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    QCOMPARE(
        rejected.error().message,
        QStringLiteral("The end date of the plan, 31/10/2026, is before its start date, 01/11/2026. Enter "
                       "01/11/2026 or a later date."));
}

void TestPlanRepository::goalNeedsAssessedHeading() {
    AssessmentRepository assessments(*m_fixture.store, m_fixture.options());
    Assessment assessment;
    assessment.familyId = m_familyId;
    assessment.assessor = QStringLiteral("J. Patel");
    assessment.date = QDate(2026, 10, 20);
    assessment.needs = {
        AssessmentNeed{SupportingFamiliesHeading::Housing, QString(), QStringLiteral("Arrears"), 4}};
    Result<Assessment> stored = assessments.create(caseworker, assessment);
    EARLYHELP_VERIFY_OK(stored);

    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> plan = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(plan);

    PlanGoal goal;
    goal.planId = plan->meta.id;
    goal.assessmentId = stored->meta.id;
    goal.heading = SupportingFamiliesHeading::Housing;
    goal.description = QStringLiteral("Clear rent arrears");
    Result<PlanGoal> created = plans.createGoal(caseworker, goal);
    EARLYHELP_VERIFY_OK(created);
    QCOMPARE(created->assessmentId, stored->meta.id);
    QCOMPARE(created->heading, SupportingFamiliesHeading::Housing);

    goal.heading = SupportingFamiliesHeading::Crime;
    Result<PlanGoal> rejected = plans.createGoal(caseworker, goal);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().message,
             QStringLiteral(
                 "The linked assessment records no need under \"Crime prevention and tackling crime\", "
                 "or was deleted. Choose a heading that the assessment covers, or link no assessment."));

    goal.heading = static_cast<SupportingFamiliesHeading>(42);
    Result<PlanGoal> unknown = plans.createGoal(caseworker, goal);
    QVERIFY(!unknown);
    QCOMPARE(
        unknown.error().message,
        QStringLiteral("The heading number 42 is unknown. Choose one of the Supporting Families headings."));
}

void TestPlanRepository::actionRoundTrip() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> plan = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(plan);
    Result<PlanGoal> goal = plans.createGoal(
        caseworker,
        PlanGoal{{}, plan->meta.id, {}, SupportingFamiliesHeading::Education, QStringLiteral("Attend")});
    EARLYHELP_VERIFY_OK(goal);

    PlanAction given;
    given.goalId = goal->meta.id;
    given.description = QStringLiteral("Morning club place");
    given.ownerOrgId = m_fixture.orgId;
    given.ownerPerson = QStringLiteral("Mrs Ahmed");
    given.dueDate = QDate(2026, 12, 10);
    Result<PlanAction> created = plans.createAction(caseworker, given);
    EARLYHELP_VERIFY_OK(created);
    QCOMPARE(created->goalId, given.goalId);
    QCOMPARE(created->description, given.description);
    QCOMPARE(created->ownerOrgId, given.ownerOrgId);
    QCOMPARE(created->ownerPerson, given.ownerPerson);
    QCOMPARE(created->dueDate, given.dueDate);
    QCOMPARE(created->status, ActionStatus::Open);

    PlanAction done = *created;
    done.status = ActionStatus::Done;
    Result<PlanAction> updated = plans.updateAction(caseworker, done);
    EARLYHELP_VERIFY_OK(updated);
    QCOMPARE(updated->status, ActionStatus::Done);
    QCOMPARE(updated->meta.revision, 2);

    Result<QList<PlanAction>> listed = plans.actionsForGoal(goal->meta.id);
    EARLYHELP_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
}

void TestPlanRepository::reviewRoundTrip() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> plan = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(plan);
    Result<PlanGoal> goal = plans.createGoal(
        caseworker,
        PlanGoal{{}, plan->meta.id, {}, SupportingFamiliesHeading::Housing, QStringLiteral("Arrears")});
    EARLYHELP_VERIFY_OK(goal);
    Result<TafMeeting> meeting =
        plans.createMeeting(caseworker, TafMeeting{{},
                                                   plan->meta.id,
                                                   QDate(2026, 11, 20),
                                                   QStringLiteral("Mum, school, housing"),
                                                   QStringLiteral("Agreed a payment plan.")});
    EARLYHELP_VERIFY_OK(meeting);
    QCOMPARE(meeting->attendees, QStringLiteral("Mum, school, housing"));

    PlanReview given;
    given.planId = plan->meta.id;
    given.meetingId = meeting->meta.id;
    given.date = QDate(2026, 11, 20);
    given.progress = {{goal->meta.id, QStringLiteral("Half the arrears paid")}};
    given.nextReviewDate = QDate(2026, 12, 18);
    Result<PlanReview> created = plans.createReview(caseworker, given);
    EARLYHELP_VERIFY_OK(created);
    QCOMPARE(created->meetingId, given.meetingId);
    QCOMPARE(created->date, given.date);
    QCOMPARE(created->progress, given.progress);
    QCOMPARE(created->nextReviewDate, given.nextReviewDate);

    Result<QList<PlanReview>> listed = plans.reviewsForPlan(plan->meta.id);
    EARLYHELP_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
}

void TestPlanRepository::reviewBeforeMeetingRejected() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> plan = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(plan);
    Result<TafMeeting> meeting =
        plans.createMeeting(caseworker, TafMeeting{{}, plan->meta.id, QDate(2026, 11, 20), {}, {}});
    EARLYHELP_VERIFY_OK(meeting);

    PlanReview review;
    review.planId = plan->meta.id;
    review.meetingId = meeting->meta.id;
    review.date = QDate(2026, 11, 19);
    Result<PlanReview> rejected = plans.createReview(caseworker, review);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    QCOMPARE(
        rejected.error().message,
        QStringLiteral("The review date, 19/11/2026, is before the date of its meeting, 20/11/2026. Enter "
                       "20/11/2026 or a later date."));
}

void TestPlanRepository::nextReviewNotAfterReviewRejected() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> plan = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(plan);

    PlanReview review;
    review.planId = plan->meta.id;
    review.date = QDate(2026, 11, 20);
    review.nextReviewDate = QDate(2026, 11, 20);
    Result<PlanReview> rejected = plans.createReview(caseworker, review);
    QVERIFY(!rejected);
    QCOMPARE(
        rejected.error().message,
        QStringLiteral("The next review date, 20/11/2026, is not after the review on 20/11/2026. Enter a "
                       "later date."));
}

void TestPlanRepository::reviewProgressForOtherPlanRejected() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> first = plans.createPlan(caseworker, samplePlan());
    Result<TafPlan> second = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(first);
    EARLYHELP_VERIFY_OK(second);
    Result<PlanGoal> goal = plans.createGoal(
        caseworker,
        PlanGoal{{}, first->meta.id, {}, SupportingFamiliesHeading::Health, QStringLiteral("GP visit")});
    EARLYHELP_VERIFY_OK(goal);

    PlanReview review;
    review.planId = second->meta.id;
    review.date = QDate(2026, 11, 20);
    review.progress = {{goal->meta.id, QStringLiteral("Seen")}};
    Result<PlanReview> rejected = plans.createReview(caseworker, review);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().message,
             QStringLiteral(
                 "The review records progress for a goal that is not a goal of this plan, or was "
                 "deleted. Clear that goal's progress, or restore the goal from Case › Deleted Items."));
}

namespace {

template <typename T> Status statusOf(const Result<T>& result) {
    if (result)
        return {};
    return std::unexpected(result.error());
}

} // namespace

// The fixture's today is 04/12/2026 and the sample plan starts on 01/11/2026.
void TestPlanRepository::heldDatesChecked_data() {
    QTest::addColumn<QString>("record");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("message");
    QTest::newRow("meeting in the future")
        << QStringLiteral("meeting") << QDate(2026, 12, 5)
        << QStringLiteral(
               "The date of the meeting, 05/12/2026, is in the future. Enter the date it was held, today "
               "or earlier.");
    QTest::newRow("meeting before the plan")
        << QStringLiteral("meeting") << QDate(2026, 10, 31)
        << QStringLiteral(
               "The date of the meeting, 31/10/2026, is before the plan started on 01/11/2026. Enter "
               "01/11/2026 or a later date.");
    QTest::newRow("review in the future")
        << QStringLiteral("review") << QDate(2027, 1, 4)
        << QStringLiteral(
               "The date of the review, 04/01/2027, is in the future. Enter the date it was held, today "
               "or earlier.");
    QTest::newRow("review before the plan")
        << QStringLiteral("review") << QDate(2026, 9, 1)
        << QStringLiteral(
               "The date of the review, 01/09/2026, is before the plan started on 01/11/2026. Enter "
               "01/11/2026 or a later date.");
    QTest::newRow("plan closing in the future")
        << QStringLiteral("plan") << QDate(2026, 12, 31)
        << QStringLiteral(
               "The end date of the plan, 31/12/2026, is in the future. Enter the date it closed, today "
               "or earlier.");
    QTest::newRow("meeting today") << QStringLiteral("meeting") << QDate(2026, 12, 4) << QString();
    QTest::newRow("review on the start date") << QStringLiteral("review") << QDate(2026, 11, 1) << QString();
}

void TestPlanRepository::heldDatesChecked() {
    QFETCH(QString, record);
    QFETCH(QDate, date);
    QFETCH(QString, message);
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> plan = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(plan);

    Status written;
    if (record == u"meeting") {
        written = statusOf(plans.createMeeting(caseworker, TafMeeting{{}, plan->meta.id, date, {}, {}}));
        Result<QList<TafMeeting>> stored = plans.meetingsForPlan(plan->meta.id);
        EARLYHELP_VERIFY_OK(stored);
        QCOMPARE(stored->size(), message.isEmpty() ? 1 : 0);
    } else if (record == u"review") {
        PlanReview review;
        review.planId = plan->meta.id;
        review.date = date;
        written = statusOf(plans.createReview(caseworker, review));
        Result<QList<PlanReview>> stored = plans.reviewsForPlan(plan->meta.id);
        EARLYHELP_VERIFY_OK(stored);
        QCOMPARE(stored->size(), message.isEmpty() ? 1 : 0);
    } else {
        TafPlan closed = *plan;
        closed.status = PlanStatus::Closed;
        closed.endDate = date;
        written = statusOf(plans.updatePlan(caseworker, closed));
        Result<TafPlan> stored = plans.plan(plan->meta.id);
        EARLYHELP_VERIFY_OK(stored);
        QCOMPARE(stored->status, message.isEmpty() ? PlanStatus::Closed : PlanStatus::Active);
    }
    if (message.isEmpty()) {
        QVERIFY2(written, written ? "" : qUtf8Printable(written.error().message));
        return;
    }
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::InvalidInput);
    QCOMPARE(written.error().message, message);
}

void TestPlanRepository::deletedPlanRestoresWithinWindow() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> created = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(created);

    QVERIFY(plans.removePlan(lead, created->meta.id));
    QCOMPARE(plans.plan(created->meta.id).error().code, ErrorCode::NotFound);
    Result<QList<TafPlan>> listed = plans.plansForFamily(m_familyId);
    EARLYHELP_VERIFY_OK(listed);
    QVERIFY(listed->isEmpty());

    m_fixture.now = m_fixture.now.addDays(29);
    Status restored = plans.restorePlan(lead, created->meta.id);
    EARLYHELP_VERIFY_OK(restored);
    Result<TafPlan> back = plans.plan(created->meta.id);
    EARLYHELP_VERIFY_OK(back);
    QCOMPARE(back->startDate, created->startDate);
    QCOMPARE(back->familyId, created->familyId);
    QCOMPARE(back->meta.revision, 3);
}

void TestPlanRepository::deletedActionRestoreRejectedAfterWindow() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<TafPlan> plan = plans.createPlan(caseworker, samplePlan());
    EARLYHELP_VERIFY_OK(plan);
    Result<PlanGoal> goal = plans.createGoal(
        caseworker,
        PlanGoal{{}, plan->meta.id, {}, SupportingFamiliesHeading::Health, QStringLiteral("GP visit")});
    EARLYHELP_VERIFY_OK(goal);
    Result<PlanAction> action = plans.createAction(
        caseworker, PlanAction{{}, goal->meta.id, QStringLiteral("Book GP"), {}, {}, {}, ActionStatus::Open});
    EARLYHELP_VERIFY_OK(action);
    QVERIFY(plans.removeAction(lead, action->meta.id));

    m_fixture.now = m_fixture.now.addDays(31);
    Status restored = plans.restoreAction(lead, action->meta.id);
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, ErrorCode::InvalidInput);
    QVERIFY(!plans.action(action->meta.id));
}

QTEST_GUILESS_MAIN(TestPlanRepository)
#include "tst_planrepository.moc"
