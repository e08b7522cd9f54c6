#include "caseworktesthelpers.h"

#include "casework/consentrepository.h"
#include "casework/myworkqueries.h"
#include "casework/planrepository.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;

class TestMyWorkQueries : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void reviewsDueWithinSevenDays();
    void overdueActionsOnlyOpenAndPastDue();
    void consentsDueForReview();
    void familiesWithoutPlan();

private:
    [[nodiscard]] QString createPlan(const QString& familyId, PlanStatus status = PlanStatus::Active);
    [[nodiscard]] QString createReview(const QString& planId, QDate date, QDate next);

    CaseworkFixture m_fixture;
    const QDate m_today{2026, 12, 4};
};

void TestMyWorkQueries::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
}

void TestMyWorkQueries::cleanup() {
    m_fixture.tearDown();
}

QString TestMyWorkQueries::createPlan(const QString& familyId, PlanStatus status) {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    TafPlan plan;
    plan.familyId = familyId;
    plan.startDate = QDate(2026, 9, 1);
    plan.status = status;
    if (status == PlanStatus::Closed)
        plan.endDate = QDate(2026, 11, 30);
    Result<TafPlan> created = plans.createPlan(caseworker, plan);
    return created ? created->meta.id : QString();
}

QString TestMyWorkQueries::createReview(const QString& planId, QDate date, QDate next) {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    PlanReview review;
    review.planId = planId;
    review.date = date;
    review.nextReviewDate = next;
    Result<PlanReview> created = plans.createReview(caseworker, review);
    return created ? created->meta.id : QString();
}

void TestMyWorkQueries::reviewsDueWithinSevenDays() {
    const QString dueFamily = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    const QString laterFamily = m_fixture.insertFamily(QStringLiteral("Brown family"));
    const QString supersededFamily = m_fixture.insertFamily(QStringLiteral("Cole family"));
    const QString closedFamily = m_fixture.insertFamily(QStringLiteral("Dunn family"));
    const QString overdueFamily = m_fixture.insertFamily(QStringLiteral("Evans family"));

    const QString due = createReview(createPlan(dueFamily), QDate(2026, 11, 6), QDate(2026, 12, 11));
    QVERIFY(!due.isEmpty());
    QVERIFY(!createReview(createPlan(laterFamily), QDate(2026, 11, 6), QDate(2026, 12, 12)).isEmpty());
    const QString supersededPlan = createPlan(supersededFamily);
    QVERIFY(!createReview(supersededPlan, QDate(2026, 10, 6), QDate(2026, 12, 5)).isEmpty());
    QVERIFY(!createReview(supersededPlan, QDate(2026, 11, 20), QDate(2027, 1, 15)).isEmpty());
    QVERIFY(
        !createReview(createPlan(closedFamily, PlanStatus::Closed), QDate(2026, 11, 6), QDate(2026, 12, 5))
             .isEmpty());

    // A review whose date has passed stays on the list until one is held.
    const QString overdue = createReview(createPlan(overdueFamily), QDate(2026, 9, 1), QDate(2026, 10, 1));
    QVERIFY(!overdue.isEmpty());

    MyWorkQueries queries(*m_fixture.store);
    Result<QList<MyWorkItem>> items = queries.reviewsDue(m_today);
    EARLYHELP_VERIFY_OK(items);
    QCOMPARE(items->size(), 2);
    QCOMPARE(items->at(0).recordId, overdue);
    QCOMPARE(items->at(0).date, QDate(2026, 10, 1));
    QCOMPARE(items->at(1).recordId, due);
    QCOMPARE(items->at(1).familyId, dueFamily);
    QCOMPARE(items->at(1).familyName, QStringLiteral("Ahmed family"));
    QCOMPARE(items->at(1).date, QDate(2026, 12, 11));

    Result<QList<MyWorkItem>> wider = queries.reviewsDue(m_today, 8);
    EARLYHELP_VERIFY_OK(wider);
    QCOMPARE(wider->size(), 3);
}

void TestMyWorkQueries::overdueActionsOnlyOpenAndPastDue() {
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    Result<PlanGoal> goal = plans.createGoal(
        caseworker,
        PlanGoal{{}, createPlan(familyId), {}, SupportingFamiliesHeading::Health, QStringLiteral("GP")});
    EARLYHELP_VERIFY_OK(goal);

    auto addAction = [&](const QString& text, QDate due, ActionStatus status) {
        return plans.createAction(caseworker, PlanAction{{}, goal->meta.id, text, {}, {}, due, status});
    };
    Result<PlanAction> overdue = addAction(QStringLiteral("Book GP"), QDate(2026, 12, 3), ActionStatus::Open);
    EARLYHELP_VERIFY_OK(overdue);
    EARLYHELP_VERIFY_OK(addAction(QStringLiteral("Due today"), m_today, ActionStatus::Open));
    EARLYHELP_VERIFY_OK(addAction(QStringLiteral("Done late"), QDate(2026, 11, 1), ActionStatus::Done));
    EARLYHELP_VERIFY_OK(addAction(QStringLiteral("Cancelled"), QDate(2026, 11, 1), ActionStatus::Cancelled));
    EARLYHELP_VERIFY_OK(addAction(QStringLiteral("No date"), QDate(), ActionStatus::Open));
    Result<PlanAction> removed = addAction(QStringLiteral("Deleted"), QDate(2026, 11, 1), ActionStatus::Open);
    EARLYHELP_VERIFY_OK(removed);
    QVERIFY(plans.removeAction(lead, removed->meta.id));

    MyWorkQueries queries(*m_fixture.store);
    Result<QList<MyWorkItem>> items = queries.overdueActions(m_today);
    EARLYHELP_VERIFY_OK(items);
    QCOMPARE(items->size(), 1);
    QCOMPARE(items->first().recordId, overdue->meta.id);
    QCOMPARE(items->first().text, QStringLiteral("Book GP"));
    QCOMPARE(items->first().date, QDate(2026, 12, 3));
    QCOMPARE(items->first().familyId, familyId);
}

void TestMyWorkQueries::consentsDueForReview() {
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    const QString child = m_fixture.insertPerson(QStringLiteral("Omar"), QStringLiteral("Ahmed"));
    const QString parent = m_fixture.insertPerson(QStringLiteral("Amina"), QStringLiteral("Ahmed"));
    ConsentRepository consents(*m_fixture.store, m_fixture.options());

    auto addConsent = [&](QDate review) {
        Consent consent;
        consent.familyId = familyId;
        consent.subjectPersonId = child;
        consent.givenByPersonId = parent;
        consent.purposes = {QStringLiteral("TAF plan")};
        consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
        consent.dataCategories = {DataCategory::Personal};
        consent.givenDate = QDate(2026, 6, 1);
        consent.reviewDate = review;
        return consents.createConsent(caseworker, consent);
    };
    Result<Consent> overdue = addConsent(QDate(2026, 12, 1));
    Result<Consent> soon = addConsent(QDate(2026, 12, 11));
    Result<Consent> later = addConsent(QDate(2026, 12, 12));
    Result<Consent> withdrawn = addConsent(QDate(2026, 12, 2));
    EARLYHELP_VERIFY_OK(overdue);
    EARLYHELP_VERIFY_OK(soon);
    EARLYHELP_VERIFY_OK(later);
    EARLYHELP_VERIFY_OK(withdrawn);
    EARLYHELP_VERIFY_OK(consents.withdrawConsent(caseworker, withdrawn->meta.id, QDate(2026, 11, 1),
                                                 QStringLiteral("Amina Ahmed")));

    MyWorkQueries queries(*m_fixture.store);
    Result<QList<MyWorkItem>> items = queries.consentsDueForReview(m_today);
    EARLYHELP_VERIFY_OK(items);
    QCOMPARE(items->size(), 2);
    QCOMPARE(items->at(0).recordId, overdue->meta.id);
    QCOMPARE(items->at(1).recordId, soon->meta.id);
    QCOMPARE(items->at(1).familyName, QStringLiteral("Ahmed family"));
    QCOMPARE(items->at(1).text, child);
}

void TestMyWorkQueries::familiesWithoutPlan() {
    const QString withPlan = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    const QString withoutPlan = m_fixture.insertFamily(QStringLiteral("Brown family"));
    const QString closedPlanOnly =
        m_fixture.insertFamily(QStringLiteral("Cole family"), QStringLiteral("stepped_down"));
    const QString closedCase =
        m_fixture.insertFamily(QStringLiteral("Dunn family"), QStringLiteral("closed"));
    const QString steppedUp =
        m_fixture.insertFamily(QStringLiteral("Evans family"), QStringLiteral("stepped_up"));
    QVERIFY(!createPlan(withPlan).isEmpty());
    QVERIFY(!createPlan(closedPlanOnly, PlanStatus::Closed).isEmpty());
    QVERIFY(!closedCase.isEmpty() && !steppedUp.isEmpty());

    MyWorkQueries queries(*m_fixture.store);
    Result<QList<MyWorkItem>> items = queries.familiesWithoutPlan(m_today);
    EARLYHELP_VERIFY_OK(items);
    QCOMPARE(items->size(), 2);
    QCOMPARE(items->at(0).familyId, withoutPlan);
    QCOMPARE(items->at(1).familyId, closedPlanOnly);

    // A plan that starts after today does not count yet.
    Result<QList<MyWorkItem>> before = queries.familiesWithoutPlan(QDate(2026, 8, 31));
    EARLYHELP_VERIFY_OK(before);
    QCOMPARE(before->size(), 3);
}

QTEST_GUILESS_MAIN(TestMyWorkQueries)
#include "tst_myworkqueries.moc"
