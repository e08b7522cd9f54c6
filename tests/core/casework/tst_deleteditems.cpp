#include "caseworktesthelpers.h"

#include "casework/assessmentrepository.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "casework/deleteditems.h"
#include "casework/planrepository.h"

#include <QTest>

#include <algorithm>

using namespace earlyhelp;
using namespace earlyhelp::testing;

namespace {

const Actor readOnly{QStringLiteral("r.reed"), QStringLiteral("readonly")};

struct CreatedRecord {
    CaseworkRecord kind;
    QString id;
};

const DeletedItem* findItem(const QList<DeletedItem>& items, const QString& id) {
    const auto found = std::ranges::find(items, id, &DeletedItem::id);
    return found == items.end() ? nullptr : &*found;
}

} // namespace

class TestDeletedItems : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsEveryKindOfRecord();
    void restoresEveryKindThroughItsRepository();
    void restoreWindow_data();
    void restoreWindow();
    void readOnlyActorCannotRestore();
    void familyKindRejected();
    void consentWithoutFamilyTakesPersonsFamily();

private:
    // Creates one record of every kind for familyId, parents before children.
    [[nodiscard]] QList<CreatedRecord> createOneOfEach(const QString& familyId);
    [[nodiscard]] Status removeRecord(const CreatedRecord& record);
    // Returns true when the record's repository reads it as not deleted.
    [[nodiscard]] bool readable(const CreatedRecord& record) const;
    // Creates a case note dated today and deletes it daysAgo days before the
    // fixture's base time, leaving the clock at that base time.
    [[nodiscard]] QString noteDeletedDaysAgo(const QString& familyId, int daysAgo);

    CaseworkFixture m_fixture;
    QDateTime m_base;
    QString m_personId;
    QString m_parentId;
};

void TestDeletedItems::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_base = m_fixture.now.toUTC();
    m_fixture.now = m_base;
    m_personId = m_fixture.insertPerson(QStringLiteral("Omar"), QStringLiteral("Ahmed"));
    m_parentId = m_fixture.insertPerson(QStringLiteral("Amina"), QStringLiteral("Ahmed"));
    QVERIFY(!m_personId.isEmpty() && !m_parentId.isEmpty());
}

void TestDeletedItems::cleanup() {
    m_fixture.tearDown();
}

QList<CreatedRecord> TestDeletedItems::createOneOfEach(const QString& familyId) {
    const QDate today = m_fixture.now.toLocalTime().date();
    AssessmentRepository assessments(*m_fixture.store, m_fixture.options());
    PlanRepository plans(*m_fixture.store, m_fixture.options());
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    QList<CreatedRecord> created;

    Assessment assessment;
    assessment.familyId = familyId;
    assessment.assessor = QStringLiteral("Jo Patel");
    assessment.date = today.addDays(-20);
    if (Result<Assessment> stored = assessments.create(caseworker, assessment))
        created += {CaseworkRecord::Assessment, stored->meta.id};

    TafPlan plan;
    plan.familyId = familyId;
    plan.startDate = today.addDays(-14);
    const Result<TafPlan> storedPlan = plans.createPlan(caseworker, plan);
    if (!storedPlan)
        return created;
    created += {CaseworkRecord::Plan, storedPlan->meta.id};

    const Result<PlanGoal> goal =
        plans.createGoal(caseworker, PlanGoal{{},
                                              storedPlan->meta.id,
                                              {},
                                              SupportingFamiliesHeading::Health,
                                              QStringLiteral("Omar sees a dentist")});
    if (!goal)
        return created;
    created += {CaseworkRecord::Goal, goal->meta.id};

    if (Result<PlanAction> action =
            plans.createAction(caseworker, PlanAction{{},
                                                      goal->meta.id,
                                                      QStringLiteral("Book the dental appointment"),
                                                      {},
                                                      {},
                                                      today.addDays(5),
                                                      ActionStatus::Open}))
        created += {CaseworkRecord::Action, action->meta.id};
    if (Result<TafMeeting> meeting =
            plans.createMeeting(caseworker, TafMeeting{{}, storedPlan->meta.id, today.addDays(-7), {}, {}}))
        created += {CaseworkRecord::Meeting, meeting->meta.id};
    if (Result<PlanReview> review = plans.createReview(
            caseworker, PlanReview{{}, storedPlan->meta.id, {}, today.addDays(-6), {}, today.addDays(30)}))
        created += {CaseworkRecord::Review, review->meta.id};

    Consent consent;
    consent.familyId = familyId;
    consent.subjectPersonId = m_personId;
    consent.givenByPersonId = m_parentId;
    consent.purposes = {QStringLiteral("TAF plan")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = today.addDays(-10);
    if (Result<Consent> stored = consents.createConsent(caseworker, consent))
        created += {CaseworkRecord::Consent, stored->meta.id};

    SharingDecision decision;
    decision.familyId = familyId;
    decision.recipientPartyType = QStringLiteral("childrens_trust");
    decision.purpose = QStringLiteral("safeguarding");
    decision.lawfulBasis = QStringLiteral("Art. 6(1)(e) public task");
    decision.justification = QStringLiteral("Risk of harm to Omar");
    decision.decidedBy = QStringLiteral("Sam Patel");
    decision.date = today.addDays(-3);
    if (Result<SharingDecision> stored = consents.createSharingDecision(caseworker, decision))
        created += {CaseworkRecord::SharingDecision, stored->meta.id};

    CaseNote note;
    note.familyId = familyId;
    note.date = today.addDays(-1);
    note.author = QStringLiteral("Jo Patel");
    note.type = QStringLiteral("home visit");
    note.text = QStringLiteral("Met Amina at home.\nOmar was at school.");
    if (Result<CaseNote> stored = notes.create(caseworker, note))
        created += {CaseworkRecord::CaseNote, stored->meta.id};
    return created;
}

Status TestDeletedItems::removeRecord(const CreatedRecord& record) {
    Store& store = *m_fixture.store;
    switch (record.kind) {
    case CaseworkRecord::Assessment:
        return AssessmentRepository(store, m_fixture.options()).remove(lead, record.id);
    case CaseworkRecord::Plan:
        return PlanRepository(store, m_fixture.options()).removePlan(lead, record.id);
    case CaseworkRecord::Goal:
        return PlanRepository(store, m_fixture.options()).removeGoal(lead, record.id);
    case CaseworkRecord::Action:
        return PlanRepository(store, m_fixture.options()).removeAction(lead, record.id);
    case CaseworkRecord::Meeting:
        return PlanRepository(store, m_fixture.options()).removeMeeting(lead, record.id);
    case CaseworkRecord::Review:
        return PlanRepository(store, m_fixture.options()).removeReview(lead, record.id);
    case CaseworkRecord::Consent:
        return ConsentRepository(store, m_fixture.options()).removeConsent(lead, record.id);
    case CaseworkRecord::SharingDecision:
        return ConsentRepository(store, m_fixture.options()).removeSharingDecision(lead, record.id);
    case CaseworkRecord::CaseNote:
        return CaseNoteRepository(store, m_fixture.options()).remove(lead, record.id);
    case CaseworkRecord::Family:
        break;
    }
    return makeError(ErrorCode::InvalidInput, QStringLiteral("The test removes no families."));
}

bool TestDeletedItems::readable(const CreatedRecord& record) const {
    Store& store = *m_fixture.store;
    switch (record.kind) {
    case CaseworkRecord::Assessment:
        return AssessmentRepository(store).get(record.id).has_value();
    case CaseworkRecord::Plan:
        return PlanRepository(store).plan(record.id).has_value();
    case CaseworkRecord::Goal:
        return PlanRepository(store).goal(record.id).has_value();
    case CaseworkRecord::Action:
        return PlanRepository(store).action(record.id).has_value();
    case CaseworkRecord::Meeting:
        return PlanRepository(store).meeting(record.id).has_value();
    case CaseworkRecord::Review:
        return PlanRepository(store).review(record.id).has_value();
    case CaseworkRecord::Consent:
        return ConsentRepository(store).consent(record.id).has_value();
    case CaseworkRecord::SharingDecision:
        return ConsentRepository(store).sharingDecision(record.id).has_value();
    case CaseworkRecord::CaseNote:
        return CaseNoteRepository(store).get(record.id).has_value();
    case CaseworkRecord::Family:
        break;
    }
    return false;
}

QString TestDeletedItems::noteDeletedDaysAgo(const QString& familyId, int daysAgo) {
    m_fixture.now = m_base.addDays(-daysAgo);
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    CaseNote note;
    note.familyId = familyId;
    note.date = m_fixture.now.toLocalTime().date();
    note.author = QStringLiteral("Jo Patel");
    note.type = QStringLiteral("phone call");
    note.text = QStringLiteral("Spoke to Amina about attendance.");
    const Result<CaseNote> created = notes.create(caseworker, note);
    const bool removed = created && notes.remove(lead, created->meta.id).has_value();
    m_fixture.now = m_base;
    return removed ? created->meta.id : QString();
}

void TestDeletedItems::listsEveryKindOfRecord() {
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    const QList<CreatedRecord> records = createOneOfEach(familyId);
    QCOMPARE(records.size(), 9);

    // Children are deleted before their parents, one minute apart, so the
    // list's order is known.
    for (qsizetype i = records.size() - 1; i >= 0; --i) {
        m_fixture.now = m_fixture.now.addSecs(60);
        EARLYHELP_VERIFY_OK(removeRecord(records.at(i)));
    }

    DeletedItems deleted(*m_fixture.store, m_fixture.options());
    const Result<QList<DeletedItem>> items = deleted.list();
    EARLYHELP_VERIFY_OK(items);
    QCOMPARE(items->size(), records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const DeletedItem& item = items->at(i);
        QCOMPARE(item.id, records.at(i).id);
        QCOMPARE(item.kind, records.at(i).kind);
        QCOMPARE(item.familyId, familyId);
        QCOMPARE(item.familyName, QStringLiteral("Ahmed family"));
        QVERIFY2(!item.description.isEmpty(), qUtf8Printable(item.id));
        QCOMPARE(item.restorableUntil, item.deletedAt.addDays(restoreWindowDays));
        QCOMPARE(item.daysLeft, restoreWindowDays);
    }

    const QDate today = m_fixture.now.toLocalTime().date();
    const auto descriptionOf = [&](CaseworkRecord kind) {
        const auto found = std::ranges::find(*items, kind, &DeletedItem::kind);
        return found == items->end() ? QString() : found->description;
    };
    QCOMPARE(descriptionOf(CaseworkRecord::CaseNote),
             QStringLiteral("Case note of %1 (home visit): Met Amina at home.")
                 .arg(today.addDays(-1).toString(u"dd/MM/yyyy")));
    QCOMPARE(
        descriptionOf(CaseworkRecord::Consent),
        QStringLiteral("Consent for Omar Ahmed given on %1").arg(today.addDays(-10).toString(u"dd/MM/yyyy")));
    QCOMPARE(descriptionOf(CaseworkRecord::Action),
             QStringLiteral("Action due %1: Book the dental appointment")
                 .arg(today.addDays(5).toString(u"dd/MM/yyyy")));
    QCOMPARE(descriptionOf(CaseworkRecord::Assessment),
             QStringLiteral("Assessment of %1 by Jo Patel").arg(today.addDays(-20).toString(u"dd/MM/yyyy")));
}

void TestDeletedItems::restoresEveryKindThroughItsRepository() {
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    const QList<CreatedRecord> records = createOneOfEach(familyId);
    QCOMPARE(records.size(), 9);
    for (qsizetype i = records.size() - 1; i >= 0; --i)
        EARLYHELP_VERIFY_OK(removeRecord(records.at(i)));
    for (const CreatedRecord& record : records)
        QVERIFY2(!readable(record), qUtf8Printable(record.id));

    m_fixture.now = m_fixture.now.addDays(3);
    DeletedItems deleted(*m_fixture.store, m_fixture.options());
    for (const CreatedRecord& record : records) {
        EARLYHELP_VERIFY_OK(deleted.restore(lead, record.kind, record.id));
        QVERIFY2(readable(record), qUtf8Printable(record.id));
    }

    const Result<QList<DeletedItem>> items = deleted.list();
    EARLYHELP_VERIFY_OK(items);
    QVERIFY(items->isEmpty());

    // The restore went through the repository, which raises the revision:
    // 1 when created, 2 when deleted, 3 when restored.
    const Result<CaseNote> note = CaseNoteRepository(*m_fixture.store).get(records.last().id);
    EARLYHELP_VERIFY_OK(note);
    QCOMPARE(note->meta.revision, 3);
    QVERIFY(!note->meta.deleted);
}

void TestDeletedItems::restoreWindow_data() {
    QTest::addColumn<int>("daysAgo");
    QTest::addColumn<bool>("restorable");

    QTest::newRow("deleted today") << 0 << true;
    QTest::newRow("29 days ago") << 29 << true;
    QTest::newRow("31 days ago") << 31 << false;
}

void TestDeletedItems::restoreWindow() {
    QFETCH(int, daysAgo);
    QFETCH(bool, restorable);

    const QString familyId = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    const QString noteId = noteDeletedDaysAgo(familyId, daysAgo);
    QVERIFY(!noteId.isEmpty());

    DeletedItems deleted(*m_fixture.store, m_fixture.options());
    const Result<QList<DeletedItem>> items = deleted.list();
    EARLYHELP_VERIFY_OK(items);
    const DeletedItem* item = findItem(*items, noteId);
    QCOMPARE(item != nullptr, restorable);
    if (item) {
        QCOMPARE(item->kind, CaseworkRecord::CaseNote);
        QCOMPARE(item->daysLeft, restoreWindowDays - daysAgo);
    }

    const Status restored = deleted.restore(lead, CaseworkRecord::CaseNote, noteId);
    QCOMPARE(restored.has_value(), restorable);
    if (!restorable)
        QCOMPARE(restored.error().code, ErrorCode::InvalidInput);

    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    const Result<QList<CaseNote>> chronology = notes.chronology(familyId);
    EARLYHELP_VERIFY_OK(chronology);
    const bool inChronology =
        std::ranges::any_of(*chronology, [&](const CaseNote& note) { return note.meta.id == noteId; });
    QCOMPARE(inChronology, restorable);
}

void TestDeletedItems::readOnlyActorCannotRestore() {
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    const QString noteId = noteDeletedDaysAgo(familyId, 2);
    QVERIFY(!noteId.isEmpty());

    DeletedItems deleted(*m_fixture.store, m_fixture.options());
    const Status refused = deleted.restore(readOnly, CaseworkRecord::CaseNote, noteId);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);

    // A caseworker edits records but does not restore them either.
    const Status caseworkerRefused = deleted.restore(caseworker, CaseworkRecord::CaseNote, noteId);
    QVERIFY(!caseworkerRefused);
    QCOMPARE(caseworkerRefused.error().code, ErrorCode::PermissionDenied);

    QVERIFY(!CaseNoteRepository(*m_fixture.store).get(noteId));
    const Result<QList<DeletedItem>> items = deleted.list();
    EARLYHELP_VERIFY_OK(items);
    QVERIFY(findItem(*items, noteId));
}

void TestDeletedItems::familyKindRejected() {
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    DeletedItems deleted(*m_fixture.store, m_fixture.options());
    const Status refused = deleted.restore(lead, CaseworkRecord::Family, familyId);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY2(refused.error().message.contains(familyId), qUtf8Printable(refused.error().message));
}

void TestDeletedItems::consentWithoutFamilyTakesPersonsFamily() {
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Ahmed family"));
    QSqlQuery member(m_fixture.store->database());
    member.prepare(QStringLiteral(
        "INSERT INTO family_member (id, org_id, family_id, person_id, role, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, 'child', '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z')"));
    member.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    member.addBindValue(m_fixture.orgId);
    member.addBindValue(familyId);
    member.addBindValue(m_personId);
    QVERIFY2(member.exec(), qUtf8Printable(member.lastError().text()));

    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Consent consent;
    consent.subjectPersonId = m_personId;
    consent.givenByPersonId = m_parentId;
    consent.purposes = {QStringLiteral("TAF plan")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = m_fixture.now.toLocalTime().date();
    const Result<Consent> created = consents.createConsent(caseworker, consent);
    EARLYHELP_VERIFY_OK(created);
    QVERIFY(created->familyId.isEmpty());
    EARLYHELP_VERIFY_OK(consents.removeConsent(lead, created->meta.id));

    const Result<QList<DeletedItem>> items = DeletedItems(*m_fixture.store, m_fixture.options()).list();
    EARLYHELP_VERIFY_OK(items);
    QCOMPARE(items->size(), 1);
    QCOMPARE(items->first().familyId, familyId);
    QCOMPARE(items->first().familyName, QStringLiteral("Ahmed family"));
}

QTEST_GUILESS_MAIN(TestDeletedItems)
#include "tst_deleteditems.moc"
