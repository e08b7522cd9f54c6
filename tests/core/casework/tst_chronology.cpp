// The chronology of a family whose case runs from the first concern through
// assessment, consent, plan, TAF meeting, two reviews and closure, read
// through core against a real store.

#include "caseworktesthelpers.h"

#include "casework/assessmentrepository.h"
#include "casework/casenoterepository.h"
#include "casework/chronology.h"
#include "casework/consentrepository.h"
#include "casework/familycaserepository.h"
#include "casework/planrepository.h"
#include "sharing/overridelog.h"

#include <QTest>

#include <algorithm>

using namespace earlyhelp;
using namespace earlyhelp::testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(earlyhelp::ChronologySource)

namespace {

// The ids of the records the scenario writes.
struct CaseRecords {
    QString concernNote;
    QString visitNote;
    QString assessment;
    QString consent;
    QString plan;
    QString meeting;
    QString firstReview;
    QString secondReview;
    QString sharingDecision;
    QString statusChange;
};

QList<ChronologyEntry> entriesFrom(const QList<ChronologyEntry>& entries, ChronologySource source) {
    QList<ChronologyEntry> found;
    std::copy_if(entries.cbegin(), entries.cend(), std::back_inserter(found),
                 [source](const ChronologyEntry& entry) { return entry.source == source; });
    return found;
}

} // namespace

class TestChronology : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void everyStepAppearsOnce_data();
    void everyStepAppearsOnce();
    void newestFirst();
    void filterByType();
    void filterSignificantOnly();
    void filterTypeAndSignificant();
    void typesPresent();
    void deletedRecordsExcluded();
    void deletedPlanHidesMeetingsAndReviews();
    void deletedOrUnknownFamilyIsEmpty();
    void consentWithoutFamilyCountsForMember();
    void otherFamiliesExcluded();
    void typeLabels();
    void decisionBeforeSchema4CoversNothing();
    void overrideUseEntries();
    void overrideUseOfMemberWithoutFamily();

private:
    [[nodiscard]] QString insertMember(const QString& familyId, const QString& personId, const QString& role);
    void writeCase();
    [[nodiscard]] QList<ChronologyEntry> readAll(const ChronologyFilter& filter = {});

    CaseworkFixture m_fixture;
    QString m_familyId;
    QString m_childId;
    QString m_motherId;
    CaseRecords m_records;
};

void TestChronology::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_familyId = m_fixture.insertFamily(QStringLiteral("Fenwick family"));
    m_childId = m_fixture.insertPerson(QStringLiteral("Amara"), QStringLiteral("Fenwick"));
    m_motherId = m_fixture.insertPerson(QStringLiteral("Joanna"), QStringLiteral("Fenwick"));
    QVERIFY(!m_familyId.isEmpty() && !m_childId.isEmpty() && !m_motherId.isEmpty());
    QVERIFY(!insertMember(m_familyId, m_childId, QStringLiteral("child")).isEmpty());
    QVERIFY(!insertMember(m_familyId, m_motherId, QStringLiteral("adult")).isEmpty());
    writeCase();
}

void TestChronology::cleanup() {
    m_fixture.tearDown();
}

QString TestChronology::insertMember(const QString& familyId, const QString& personId, const QString& role) {
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery query(m_fixture.store->database());
    query.prepare(
        QStringLiteral("INSERT INTO family_member (id, org_id, family_id, person_id, role, created_at, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, '2026-01-05T09:00:00.000Z', "
                       "'2026-01-05T09:00:00.000Z')"));
    query.addBindValue(id);
    query.addBindValue(m_fixture.orgId);
    query.addBindValue(familyId);
    query.addBindValue(personId);
    query.addBindValue(role);
    if (!query.exec()) {
        qWarning("Inserting the family member failed: %s", qUtf8Printable(query.lastError().text()));
        return {};
    }
    return id;
}

// Writes the Fenwick case: a concern, a home visit, assessment, consent,
// plan, TAF meeting, two reviews, a decision to share without consent,
// withdrawal of consent, closure of the plan and of the case.
void TestChronology::writeCase() {
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    AssessmentRepository assessments(*m_fixture.store, m_fixture.options());
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    FamilyCaseRepository families(*m_fixture.store, m_fixture.options());

    CaseNote concern;
    concern.familyId = m_familyId;
    concern.personId = m_childId;
    concern.date = QDate(2026, 9, 1);
    concern.author = QStringLiteral("Sam Patel");
    concern.type = QStringLiteral("concern");
    concern.text = QStringLiteral("Amara arrived hungry three days running.");
    concern.significant = true;
    Result<CaseNote> concernNote = notes.create(caseworker, concern);
    EARLYHELP_VERIFY_OK(concernNote);
    m_records.concernNote = concernNote->meta.id;

    CaseNote visit = concern;
    visit.date = QDate(2026, 9, 3);
    visit.type = QStringLiteral("home_visit");
    visit.text = QStringLiteral("Home visit with Joanna.");
    visit.significant = false;
    Result<CaseNote> visitNote = notes.create(caseworker, visit);
    EARLYHELP_VERIFY_OK(visitNote);
    m_records.visitNote = visitNote->meta.id;

    Assessment assessment;
    assessment.familyId = m_familyId;
    assessment.assessor = QStringLiteral("Sam Patel");
    assessment.date = QDate(2026, 9, 5);
    Result<Assessment> assessed = assessments.create(caseworker, assessment);
    EARLYHELP_VERIFY_OK(assessed);
    m_records.assessment = assessed->meta.id;

    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = m_motherId;
    consent.purposes = {QStringLiteral("safeguarding")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate(2026, 9, 6);
    Result<Consent> given = consents.createConsent(caseworker, consent);
    EARLYHELP_VERIFY_OK(given);
    m_records.consent = given->meta.id;

    TafPlan plan;
    plan.familyId = m_familyId;
    plan.startDate = QDate(2026, 9, 10);
    Result<TafPlan> started = plans.createPlan(caseworker, plan);
    EARLYHELP_VERIFY_OK(started);
    m_records.plan = started->meta.id;

    // The meeting is entered a minute after the plan, on the plan's first day.
    m_fixture.now = m_fixture.now.addSecs(60);
    TafMeeting meeting;
    meeting.planId = m_records.plan;
    meeting.date = QDate(2026, 9, 10);
    meeting.attendees = QStringLiteral("Joanna Fenwick, Sam Patel, school nurse");
    Result<TafMeeting> met = plans.createMeeting(caseworker, meeting);
    EARLYHELP_VERIFY_OK(met);
    m_records.meeting = met->meta.id;

    PlanReview review;
    review.planId = m_records.plan;
    review.date = QDate(2026, 10, 10);
    review.nextReviewDate = QDate(2026, 11, 10);
    Result<PlanReview> firstReview = plans.createReview(caseworker, review);
    EARLYHELP_VERIFY_OK(firstReview);
    m_records.firstReview = firstReview->meta.id;
    review.date = QDate(2026, 11, 10);
    review.nextReviewDate = QDate();
    Result<PlanReview> secondReview = plans.createReview(caseworker, review);
    EARLYHELP_VERIFY_OK(secondReview);
    m_records.secondReview = secondReview->meta.id;

    SharingDecision decision;
    decision.familyId = m_familyId;
    decision.recipientPartyType = QStringLiteral("health");
    decision.purpose = QStringLiteral("safeguarding");
    decision.lawfulBasis = QStringLiteral("Article 6(1)(e) public task");
    decision.justification = QStringLiteral("Risk of harm to Amara");
    decision.decidedBy = QStringLiteral("Sam Patel");
    decision.date = QDate(2026, 10, 1);
    Result<SharingDecision> decided = consents.createSharingDecision(caseworker, decision);
    EARLYHELP_VERIFY_OK(decided);
    m_records.sharingDecision = decided->meta.id;

    EARLYHELP_VERIFY_OK(consents.withdrawConsent(caseworker, m_records.consent, QDate(2026, 11, 1),
                                                 QStringLiteral("Joanna Fenwick")));

    Result<TafPlan> toClose = plans.plan(m_records.plan);
    EARLYHELP_VERIFY_OK(toClose);
    TafPlan closing = *toClose;
    closing.status = PlanStatus::Closed;
    closing.endDate = QDate(2026, 11, 20);
    EARLYHELP_VERIFY_OK(plans.updatePlan(caseworker, closing));

    Result<FamilyStatusChangeRecord> closed = families.changeStatus(
        caseworker, m_familyId, FamilyStatus::Closed, QDate(2026, 11, 21), QStringLiteral("Plan goals met"));
    EARLYHELP_VERIFY_OK(closed);
    m_records.statusChange = closed->meta.id;
}

QList<ChronologyEntry> TestChronology::readAll(const ChronologyFilter& filter) {
    Chronology chronology(*m_fixture.store);
    Result<QList<ChronologyEntry>> entries = chronology.entries(m_familyId, filter);
    if (!entries) {
        qWarning("Reading the chronology failed: %s", qUtf8Printable(entries.error().message));
        return {};
    }
    return *entries;
}

void TestChronology::everyStepAppearsOnce_data() {
    QTest::addColumn<ChronologySource>("source");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("author");
    QTest::addColumn<bool>("significant");
    QTest::addColumn<QString>("text");

    const QString sam = QStringLiteral("Sam Patel");
    QTest::newRow("significant note") << ChronologySource::CaseNote << QDate(2026, 9, 1) << u"concern"_s
                                      << sam << true << u"Amara arrived hungry three days running."_s;
    QTest::newRow("ordinary note") << ChronologySource::CaseNote << QDate(2026, 9, 3) << u"home_visit"_s
                                   << sam << false << u"Home visit with Joanna."_s;
    QTest::newRow("assessment") << ChronologySource::Assessment << QDate(2026, 9, 5) << u"assessment"_s << sam
                                << false << u"Early help assessment by Sam Patel"_s;
    QTest::newRow("consent given") << ChronologySource::ConsentGiven << QDate(2026, 9, 6)
                                   << u"consent_given"_s << u"Joanna Fenwick"_s << false
                                   << u"Consent given by Joanna Fenwick for Amara Fenwick"_s;
    QTest::newRow("consent withdrawn")
        << ChronologySource::ConsentWithdrawn << QDate(2026, 11, 1) << u"consent_withdrawn"_s
        << u"Joanna Fenwick"_s << true << u"Consent withdrawn by Joanna Fenwick for Amara Fenwick"_s;
    QTest::newRow("plan started") << ChronologySource::PlanStarted << QDate(2026, 9, 10) << u"plan_started"_s
                                  << QString() << false << u"Team Around the Family plan started"_s;
    QTest::newRow("plan closed") << ChronologySource::PlanClosed << QDate(2026, 11, 20) << u"plan_closed"_s
                                 << QString() << true << u"Team Around the Family plan closed"_s;
    QTest::newRow("TAF meeting") << ChronologySource::TafMeeting << QDate(2026, 9, 10) << u"taf_meeting"_s
                                 << QString() << false
                                 << u"TAF meeting with Joanna Fenwick, Sam Patel, school nurse"_s;
    QTest::newRow("first review") << ChronologySource::PlanReview << QDate(2026, 10, 10) << u"plan_review"_s
                                  << QString() << false << u"Plan review; next review due 10/11/2026"_s;
    QTest::newRow("second review") << ChronologySource::PlanReview << QDate(2026, 11, 10) << u"plan_review"_s
                                   << QString() << false << u"Plan review"_s;
    QTest::newRow("sharing without consent")
        << ChronologySource::SharingDecision << QDate(2026, 10, 1) << u"sharing_without_consent"_s << sam
        << false
        << u"Decision by Sam Patel to share without consent with Health services for safeguarding (Article "
           "6(1)(e) public task): Risk of harm to Amara"_s;
    QTest::newRow("status change") << ChronologySource::StatusChange << QDate(2026, 11, 21)
                                   << u"status_change"_s << u"j.patel"_s << true
                                   << u"Case status changed from Open to Closed: Plan goals met"_s;
}

void TestChronology::everyStepAppearsOnce() {
    QFETCH(ChronologySource, source);
    QFETCH(QDate, date);
    QFETCH(QString, type);
    QFETCH(QString, author);
    QFETCH(bool, significant);
    QFETCH(QString, text);

    const QList<ChronologyEntry> all = readAll();
    QCOMPARE(all.size(), 12);

    QList<ChronologyEntry> matching = entriesFrom(all, source);
    matching.removeIf([date](const ChronologyEntry& entry) { return entry.date != date; });
    QCOMPARE(matching.size(), 1);
    const ChronologyEntry& entry = matching.first();
    QCOMPARE(entry.type, type);
    QCOMPARE(entry.author, author);
    QCOMPARE(entry.significant, significant);
    QCOMPARE(entry.text, text);
    QVERIFY(!entry.recordId.isEmpty());
}

void TestChronology::newestFirst() {
    const QList<ChronologyEntry> all = readAll();
    QCOMPARE(all.size(), 12);
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY2(all.at(i - 1).date >= all.at(i).date, qPrintable(all.at(i).text));
    QCOMPARE(all.first().source, ChronologySource::StatusChange);
    QCOMPARE(all.first().recordId, m_records.statusChange);
    QCOMPARE(all.last().recordId, m_records.concernNote);

    // The plan and its first meeting share a date. The meeting was entered
    // later, so it comes first.
    const auto indexOf = [&all](ChronologySource source) {
        return std::find_if(all.cbegin(), all.cend(),
                            [source](const ChronologyEntry& entry) { return entry.source == source; }) -
               all.cbegin();
    };
    QVERIFY(indexOf(ChronologySource::TafMeeting) < indexOf(ChronologySource::PlanStarted));
}

void TestChronology::filterByType() {
    ChronologyFilter filter;
    filter.types = {QStringLiteral("plan_review")};
    const QList<ChronologyEntry> reviews = readAll(filter);
    QCOMPARE(reviews.size(), 2);
    QCOMPARE(reviews.at(0).recordId, m_records.secondReview);
    QCOMPARE(reviews.at(1).recordId, m_records.firstReview);

    filter.types = {QStringLiteral("concern"), QStringLiteral("assessment")};
    const QList<ChronologyEntry> two = readAll(filter);
    QCOMPARE(two.size(), 2);
    QCOMPARE(two.at(0).recordId, m_records.assessment);
    QCOMPARE(two.at(1).recordId, m_records.concernNote);

    filter.types = {QStringLiteral("no_such_type")};
    QVERIFY(readAll(filter).isEmpty());
}

void TestChronology::filterSignificantOnly() {
    ChronologyFilter filter;
    filter.significantOnly = true;
    const QList<ChronologyEntry> significant = readAll(filter);
    QStringList ids;
    for (const ChronologyEntry& entry : significant) {
        QVERIFY(entry.significant);
        ids += entry.recordId;
    }
    QCOMPARE(ids,
             (QStringList{m_records.statusChange, m_records.plan, m_records.consent, m_records.concernNote}));
}

void TestChronology::filterTypeAndSignificant() {
    ChronologyFilter filter;
    filter.types = {QStringLiteral("concern"), QStringLiteral("home_visit")};
    filter.significantOnly = true;
    const QList<ChronologyEntry> entries = readAll(filter);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().recordId, m_records.concernNote);
}

void TestChronology::typesPresent() {
    Chronology chronology(*m_fixture.store);
    Result<QStringList> types = chronology.typesPresent(m_familyId);
    EARLYHELP_VERIFY_OK(types);
    QCOMPARE(*types, (QStringList{u"assessment"_s, u"concern"_s, u"consent_given"_s, u"consent_withdrawn"_s,
                                  u"home_visit"_s, u"plan_closed"_s, u"plan_review"_s, u"plan_started"_s,
                                  u"sharing_without_consent"_s, u"status_change"_s, u"taf_meeting"_s}));
}

void TestChronology::deletedRecordsExcluded() {
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    AssessmentRepository assessments(*m_fixture.store, m_fixture.options());
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    EARLYHELP_VERIFY_OK(notes.remove(lead, m_records.visitNote));
    EARLYHELP_VERIFY_OK(assessments.remove(lead, m_records.assessment));
    EARLYHELP_VERIFY_OK(consents.removeConsent(lead, m_records.consent));
    EARLYHELP_VERIFY_OK(consents.removeSharingDecision(lead, m_records.sharingDecision));
    EARLYHELP_VERIFY_OK(plans.removeMeeting(lead, m_records.meeting));
    EARLYHELP_VERIFY_OK(plans.removeReview(lead, m_records.firstReview));
    // Core has no delete for status changes, so the test writes the
    // tombstone that a sync would.
    QSqlQuery tombstone(m_fixture.store->database());
    QVERIFY(tombstone.exec(u"UPDATE family_status_change SET deleted = 1 WHERE id = '"_s %
                           m_records.statusChange % u"'"_s));

    const QList<ChronologyEntry> all = readAll();
    QStringList ids;
    for (const ChronologyEntry& entry : all)
        ids += entry.recordId;
    QCOMPARE(ids,
             (QStringList{m_records.plan, m_records.secondReview, m_records.plan, m_records.concernNote}));

    EARLYHELP_VERIFY_OK(notes.restore(lead, m_records.visitNote));
    QCOMPARE(entriesFrom(readAll(), ChronologySource::CaseNote).size(), 2);
}

void TestChronology::deletedPlanHidesMeetingsAndReviews() {
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    EARLYHELP_VERIFY_OK(plans.removePlan(lead, m_records.plan));
    const QList<ChronologyEntry> all = readAll();
    QCOMPARE(all.size(), 7);
    for (ChronologySource source : {ChronologySource::PlanStarted, ChronologySource::PlanClosed,
                                    ChronologySource::TafMeeting, ChronologySource::PlanReview})
        QVERIFY(entriesFrom(all, source).isEmpty());
}

void TestChronology::deletedOrUnknownFamilyIsEmpty() {
    Chronology chronology(*m_fixture.store);
    Result<QList<ChronologyEntry>> unknown = chronology.entries(QStringLiteral("no-such-family"));
    EARLYHELP_VERIFY_OK(unknown);
    QVERIFY(unknown->isEmpty());

    QSqlQuery tombstone(m_fixture.store->database());
    tombstone.prepare(QStringLiteral("UPDATE family SET deleted = 1 WHERE id = ?"));
    tombstone.addBindValue(m_familyId);
    QVERIFY(tombstone.exec());
    Result<QList<ChronologyEntry>> deleted = chronology.entries(m_familyId);
    EARLYHELP_VERIFY_OK(deleted);
    QVERIFY(deleted->isEmpty());
    Result<QStringList> types = chronology.typesPresent(m_familyId);
    EARLYHELP_VERIFY_OK(types);
    QVERIFY(types->isEmpty());
}

void TestChronology::consentWithoutFamilyCountsForMember() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Consent consent;
    consent.subjectPersonId = m_motherId;
    consent.givenByPersonId = m_motherId;
    consent.capacity = ConsentCapacity::CompetentYoungPerson;
    consent.purposes = {QStringLiteral("health")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate(2026, 12, 1);
    Result<Consent> given = consents.createConsent(caseworker, consent);
    EARLYHELP_VERIFY_OK(given);

    SharingDecision decision;
    decision.personId = m_childId;
    decision.recipientPartyType = QStringLiteral("health");
    decision.purpose = QStringLiteral("health_services");
    decision.lawfulBasis = QStringLiteral("Article 6(1)(e) public task");
    decision.justification = QStringLiteral("School nurse needs the plan");
    decision.decidedBy = QStringLiteral("Sam Patel");
    decision.date = QDate(2026, 12, 2);
    Result<SharingDecision> decided = consents.createSharingDecision(caseworker, decision);
    EARLYHELP_VERIFY_OK(decided);

    const QList<ChronologyEntry> all = readAll();
    QCOMPARE(all.size(), 14);
    QCOMPARE(all.at(0).recordId, decided->meta.id);
    QCOMPARE(all.at(1).recordId, given->meta.id);
    QCOMPARE(all.at(1).text, QStringLiteral("Consent given by Joanna Fenwick"));
}

void TestChronology::otherFamiliesExcluded() {
    const QString otherFamily = m_fixture.insertFamily(QStringLiteral("Ashby family"));
    const QString rowan = m_fixture.insertPerson(QStringLiteral("Rowan"), QStringLiteral("Ashby"));
    QVERIFY(!insertMember(otherFamily, rowan, QStringLiteral("child")).isEmpty());
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    CaseNote note;
    note.familyId = otherFamily;
    note.date = QDate(2026, 12, 1);
    note.author = QStringLiteral("Sam Patel");
    note.type = QStringLiteral("contact");
    note.text = QStringLiteral("Rowan's father called.");
    EARLYHELP_VERIFY_OK(notes.create(caseworker, note));

    QCOMPARE(readAll().size(), 12);
    Chronology chronology(*m_fixture.store);
    Result<QList<ChronologyEntry>> other = chronology.entries(otherFamily);
    EARLYHELP_VERIFY_OK(other);
    QCOMPARE(other->size(), 1);
    QCOMPARE(other->first().text, note.text);
}

void TestChronology::typeLabels() {
    QCOMPARE(Chronology::typeLabel(QStringLiteral("home_visit")), QStringLiteral("Home visit"));
    QCOMPARE(Chronology::typeLabel(QStringLiteral("status_change")), QStringLiteral("Status change"));
    QCOMPARE(Chronology::typeLabel(QStringLiteral("court_hearing")), QStringLiteral("court_hearing"));
    for (const QString& code : Chronology::caseNoteTypeCodes())
        QVERIFY2(Chronology::typeLabel(code) != code, qPrintable(code));
}

void TestChronology::decisionBeforeSchema4CoversNothing() {
    QSqlQuery clear(m_fixture.store->database());
    clear.prepare(
        QStringLiteral("UPDATE sharing_decision SET recipient_party_type = '', purpose = '' WHERE id = ?"));
    clear.addBindValue(m_records.sharingDecision);
    QVERIFY(clear.exec());

    const QList<ChronologyEntry> decisions = entriesFrom(readAll(), ChronologySource::SharingDecision);
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions.first().text,
             u"Decision by Sam Patel to share without consent (Article 6(1)(e) public task), covering no "
             "recipient or purpose until it is edited: Risk of harm to Amara"_s);
}

void TestChronology::overrideUseEntries() {
    sharing::OverrideLog overrides(*m_fixture.store, [this] { return m_fixture.now; });
    policy::Payload payload;
    const policy::Allowed byDecision{QStringLiteral("S-health-personal"), QStringLiteral("art6_1_e"),
                                     QString(), m_records.sharingDecision};
    payload.shared = {policy::SharedField{QStringLiteral("person.legalSurname"), byDecision},
                      policy::SharedField{QStringLiteral("person.dateOfBirth"), byDecision},
                      policy::SharedField{QStringLiteral("person.gender"), policy::Allowed{}}};
    Result<QList<sharing::OverrideUse>> recorded = overrides.recordUses(
        caseworker, payload, {m_familyId, m_childId},
        {QStringLiteral("health"), QStringLiteral("org-nursing")}, QStringLiteral("safeguarding"), 1,
        QStringLiteral("Referral to the school nurse"));
    EARLYHELP_VERIFY_OK(recorded);
    QCOMPARE(recorded->size(), 1);

    const QList<ChronologyEntry> all = readAll();
    QCOMPARE(all.size(), 13);
    // Sent on 04/12/2026, after every other step of the case.
    QCOMPARE(all.first().source, ChronologySource::OverrideUse);
    const ChronologyEntry& entry = all.first();
    QCOMPARE(entry.recordId, recorded->first().id);
    QCOMPARE(entry.date, m_fixture.now.date());
    QCOMPARE(entry.type, u"shared_without_consent"_s);
    QCOMPARE(entry.author, caseworker.user);
    QCOMPARE(entry.significant, false);
    // The plural form of "field(s)" comes from the translation file, which
    // this test does not load.
    QVERIFY2(entry.text.startsWith(u"Shared without consent: 2 field"_s), qPrintable(entry.text));
    QVERIFY2(entry.text.endsWith(u" sent to Health services for safeguarding, relying on the decision by Sam "
                                 "Patel of 01/10/2026"_s),
             qPrintable(entry.text));
    QCOMPARE(Chronology::typeLabel(entry.type), u"Shared without consent"_s);
    QCOMPARE(Chronology::typeLabel(u"sharing_without_consent"_s), u"Decision to share without consent"_s);

    ChronologyFilter filter;
    filter.types = {u"shared_without_consent"_s};
    const QList<ChronologyEntry> uses = readAll(filter);
    QCOMPARE(uses.size(), 1);
    QCOMPARE(uses.first().recordId, entry.recordId);
    Chronology chronology(*m_fixture.store);
    Result<QStringList> types = chronology.typesPresent(m_familyId);
    EARLYHELP_VERIFY_OK(types);
    QVERIFY(types->contains(u"shared_without_consent"_s));

    // The information went out, so the entry stays when the decision is deleted.
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    EARLYHELP_VERIFY_OK(consents.removeSharingDecision(lead, m_records.sharingDecision));
    const QList<ChronologyEntry> afterDelete = entriesFrom(readAll(), ChronologySource::OverrideUse);
    QCOMPARE(afterDelete.size(), 1);
    QCOMPARE(afterDelete.first().text, entry.text);
}

void TestChronology::overrideUseOfMemberWithoutFamily() {
    sharing::OverrideLog overrides(*m_fixture.store, [this] { return m_fixture.now; });
    policy::Payload payload;
    payload.shared = {policy::SharedField{
        QStringLiteral("person.ethnicity"),
        policy::Allowed{QStringLiteral("S-health-special"), QStringLiteral("art6_1_e"),
                        QStringLiteral("art9_2_g_sch1_para18"), m_records.sharingDecision}}};
    EARLYHELP_VERIFY_OK(overrides.recordUses(
        caseworker, payload, {QString(), m_childId}, {QStringLiteral("police"), QString()},
        QStringLiteral("social_care"), 1, QStringLiteral("Police request")));

    const QList<ChronologyEntry> uses = entriesFrom(readAll(), ChronologySource::OverrideUse);
    QCOMPARE(uses.size(), 1);
    QVERIFY2(uses.first().text.startsWith(u"Shared without consent: 1 field"_s),
             qPrintable(uses.first().text));
    QVERIFY2(
        uses.first().text.endsWith(u" sent to Police for social care, relying on the decision by Sam Patel "
                                   "of 01/10/2026"_s),
        qPrintable(uses.first().text));

    const QString otherFamily = m_fixture.insertFamily(QStringLiteral("Ashby family"));
    Chronology chronology(*m_fixture.store);
    Result<QList<ChronologyEntry>> other = chronology.entries(otherFamily);
    EARLYHELP_VERIFY_OK(other);
    QVERIFY(other->isEmpty());
}

QTEST_GUILESS_MAIN(TestChronology)
#include "tst_chronology.moc"
