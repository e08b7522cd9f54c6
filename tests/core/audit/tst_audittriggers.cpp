#include "caseworktesthelpers.h"

#include "audit/auditlog.h"
#include "casework/assessmentrepository.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "casework/familycaserepository.h"
#include "store/audittriggers.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::audit;
using namespace earlyhelp::testing;

class TestAuditTriggers : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createFamilyMakesOneEvent();
    void updatePersonRecordsOldAndNew();
    void bookkeepingOnlyUpdateMakesNone();
    void touchMakesNoEvent();
    void caseNoteCreateUpdateDeleteRestore();
    void consentCreateNamesSubject();
    void statusChangeMakesTwoEvents();
    void hardDeleteWithoutCause();
    void syncCausePurges();
    void applyingPageHidesUser();
    void erasureCauseErases();
    void overrideUseIsPolicyOverride();
    void auditedTablesCoverCaseData();

private:
    // Returns the events appended since mark, oldest first.
    [[nodiscard]] QList<Event> eventsSince(qint64 mark) const;
    // Returns the sequence of the newest event.
    [[nodiscard]] qint64 mark() const;
    [[nodiscard]] bool execute(const QString& sql) const;
    [[nodiscard]] QString insertNote(const QString& body);

    CaseworkFixture m_fixture;
    QString m_familyId;
    QString m_childId;
    QString m_parentId;
};

void TestAuditTriggers::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_fixture.store->setAuditActor(caseworker.user, caseworker.roleCode);
    m_familyId = m_fixture.insertFamily(QStringLiteral("Khan family"));
    m_childId = m_fixture.insertPerson(QStringLiteral("Aisha"), QStringLiteral("Khan"));
    m_parentId = m_fixture.insertPerson(QStringLiteral("Sadia"), QStringLiteral("Khan"));
    QVERIFY(!m_familyId.isEmpty() && !m_childId.isEmpty() && !m_parentId.isEmpty());
}

void TestAuditTriggers::cleanup() {
    m_fixture.tearDown();
}

QList<Event> TestAuditTriggers::eventsSince(qint64 mark) const {
    Filter filter;
    filter.afterSequence = mark;
    filter.newestFirst = false;
    Result<QList<Event>> events = AuditLog(*m_fixture.store).query(filter);
    if (!events) {
        qWarning("Reading events failed: %s", qUtf8Printable(events.error().message));
        return {};
    }
    return *events;
}

qint64 TestAuditTriggers::mark() const {
    QSqlQuery query(m_fixture.store->database());
    if (!query.exec(QStringLiteral("SELECT seq FROM audit_head")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool TestAuditTriggers::execute(const QString& sql) const {
    QSqlQuery query(m_fixture.store->database());
    if (!query.exec(sql)) {
        qWarning("%s failed: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
        return false;
    }
    return true;
}

QString TestAuditTriggers::insertNote(const QString& body) {
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    CaseNote note;
    note.familyId = m_familyId;
    note.personId = m_childId;
    note.date = QDate(2026, 12, 2);
    note.author = QStringLiteral("J. Patel");
    note.type = QStringLiteral("home visit");
    note.text = body;
    Result<CaseNote> created = notes.create(caseworker, note);
    return created ? created->meta.id : QString();
}

void TestAuditTriggers::createFamilyMakesOneEvent() {
    const qint64 before = mark();
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Patel family"));
    QVERIFY(!familyId.isEmpty());

    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    const Event& event = events.first();
    QCOMPARE(event.actionCode, QStringLiteral("create"));
    QCOMPARE(event.recordType, QStringLiteral("family"));
    QCOMPARE(event.recordId, familyId);
    QCOMPARE(event.familyId, familyId);
    QCOMPARE(event.personId, QString());
    QCOMPARE(event.user, caseworker.user);
    QCOMPARE(event.roleCode, caseworker.roleCode);
    QCOMPARE(event.details, QJsonObject());
    QVERIFY(qAbs(event.at.secsTo(QDateTime::currentDateTimeUtc())) < 600);
}

void TestAuditTriggers::updatePersonRecordsOldAndNew() {
    const qint64 before = mark();
    QVERIFY(execute(QStringLiteral("UPDATE person SET legal_surname = 'Khan-Ali', date_of_birth = "
                                   "'2015-09-01', revision = revision + 1, updated_at = "
                                   "'2026-12-04T10:00:00.000Z' WHERE id = '%1'")
                        .arg(m_childId)));

    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    const Event& event = events.first();
    QCOMPARE(event.actionCode, QStringLiteral("update"));
    QCOMPARE(event.recordType, QStringLiteral("person"));
    QCOMPARE(event.recordId, m_childId);
    QCOMPARE(event.personId, m_childId);
    const QJsonObject fields = event.details.value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.keys(), (QStringList{QStringLiteral("date_of_birth"), QStringLiteral("legal_surname")}));
    const QJsonObject surname = fields.value(QStringLiteral("legal_surname")).toObject();
    QCOMPARE(surname.value(QStringLiteral("old")).toString(), QStringLiteral("Khan"));
    QCOMPARE(surname.value(QStringLiteral("new")).toString(), QStringLiteral("Khan-Ali"));
    const QJsonObject birth = fields.value(QStringLiteral("date_of_birth")).toObject();
    QVERIFY(birth.contains(QStringLiteral("old")));
    QVERIFY(birth.value(QStringLiteral("old")).isNull());
    QCOMPARE(birth.value(QStringLiteral("new")).toString(), QStringLiteral("2015-09-01"));
}

void TestAuditTriggers::bookkeepingOnlyUpdateMakesNone() {
    const qint64 before = mark();
    QVERIFY(execute(QStringLiteral("UPDATE person SET revision = revision + 1, updated_at = "
                                   "'2026-12-04T10:00:00.000Z' WHERE id = '%1'")
                        .arg(m_childId)));
    QVERIFY(execute(QStringLiteral("UPDATE person SET legal_surname = legal_surname WHERE id = '%1'")
                        .arg(m_childId)));
    QCOMPARE(eventsSince(before).size(), 0);
}

void TestAuditTriggers::touchMakesNoEvent() {
    AssessmentRepository assessments(*m_fixture.store, m_fixture.options());
    Assessment assessment;
    assessment.familyId = m_familyId;
    assessment.assessor = QStringLiteral("J. Patel");
    assessment.date = QDate(2026, 11, 20);
    assessment.needs = {AssessmentNeed{SupportingFamiliesHeading::Housing, QString(), QStringLiteral("Arrears"), 3}};
    Result<Assessment> created = assessments.create(caseworker, assessment);
    EARLYHELP_VERIFY_OK(created);

    // Only a need changes, so the repository touches the assessment row.
    const qint64 before = mark();
    Assessment edited = *created;
    edited.needs.first().score = 4;
    Result<Assessment> updated = assessments.update(caseworker, edited);
    EARLYHELP_VERIFY_OK(updated);
    QCOMPARE(updated->meta.revision, created->meta.revision + 1);

    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().recordType, QStringLiteral("assessment_need"));
    QCOMPARE(events.first().actionCode, QStringLiteral("update"));
    const QJsonObject score =
        events.first().details.value(QStringLiteral("fields")).toObject().value(QStringLiteral("score")).toObject();
    QCOMPARE(score.value(QStringLiteral("old")).toInt(), 3);
    QCOMPARE(score.value(QStringLiteral("new")).toInt(), 4);
}

void TestAuditTriggers::caseNoteCreateUpdateDeleteRestore() {
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    qint64 before = mark();
    const QString noteId = insertNote(QStringLiteral("Called mum."));
    QVERIFY(!noteId.isEmpty());
    QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actionCode, QStringLiteral("create"));
    QCOMPARE(events.first().recordType, QStringLiteral("case_note"));
    QCOMPARE(events.first().recordId, noteId);
    QCOMPARE(events.first().familyId, m_familyId);
    QCOMPARE(events.first().personId, m_childId);

    before = mark();
    Result<CaseNote> note = notes.get(noteId);
    EARLYHELP_VERIFY_OK(note);
    note->text = QStringLiteral("Called mum and dad.");
    EARLYHELP_VERIFY_OK(notes.update(caseworker, *note));
    events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actionCode, QStringLiteral("update"));
    const QJsonObject fields = events.first().details.value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.keys(), QStringList{QStringLiteral("body")});
    QCOMPARE(fields.value(QStringLiteral("body")).toObject().value(QStringLiteral("old")).toString(),
             QStringLiteral("Called mum."));
    QCOMPARE(fields.value(QStringLiteral("body")).toObject().value(QStringLiteral("new")).toString(),
             QStringLiteral("Called mum and dad."));

    m_fixture.store->setAuditActor(lead.user, lead.roleCode);
    before = mark();
    EARLYHELP_VERIFY_OK(notes.remove(lead, noteId));
    events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actionCode, QStringLiteral("delete"));
    QCOMPARE(events.first().user, lead.user);
    QVERIFY(!events.first().details.contains(QStringLiteral("hard")));

    before = mark();
    EARLYHELP_VERIFY_OK(notes.restore(lead, noteId));
    events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actionCode, QStringLiteral("restore"));
    QCOMPARE(events.first().recordId, noteId);
}

void TestAuditTriggers::consentCreateNamesSubject() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = m_parentId;
    consent.capacity = ConsentCapacity::ParentalResponsibility;
    consent.purposes = {QStringLiteral("Early help assessment")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.method = ConsentMethod::Written;
    consent.givenDate = QDate(2026, 11, 3);

    const qint64 before = mark();
    Result<Consent> created = consents.createConsent(caseworker, consent);
    EARLYHELP_VERIFY_OK(created);
    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actionCode, QStringLiteral("create"));
    QCOMPARE(events.first().recordType, QStringLiteral("consent"));
    QCOMPARE(events.first().recordId, created->meta.id);
    QCOMPARE(events.first().personId, m_childId);
    QCOMPARE(events.first().familyId, m_familyId);
}

void TestAuditTriggers::statusChangeMakesTwoEvents() {
    FamilyCaseRepository families(*m_fixture.store, m_fixture.options());
    const qint64 before = mark();
    Result<FamilyStatusChangeRecord> changed =
        families.changeStatus(caseworker, m_familyId, FamilyStatus::SteppedUp, QDate(2026, 12, 3),
                              QStringLiteral("Concerns about attendance"));
    EARLYHELP_VERIFY_OK(changed);

    // The history row and the family's status column each change once.
    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 2);
    QStringList kinds;
    for (const Event& event : events) {
        kinds.append(event.actionCode + u' ' + event.recordType);
        QCOMPARE(event.familyId, m_familyId);
    }
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("create family_status_change"), QStringLiteral("update family")}));
}

void TestAuditTriggers::hardDeleteWithoutCause() {
    const QString noteId = insertNote(QStringLiteral("Called school."));
    QVERIFY(!noteId.isEmpty());
    const qint64 before = mark();
    QVERIFY(execute(QStringLiteral("DELETE FROM case_note WHERE id = '%1'").arg(noteId)));
    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actionCode, QStringLiteral("delete"));
    QCOMPARE(events.first().recordId, noteId);
    QCOMPARE(events.first().personId, m_childId);
    QCOMPARE(events.first().details.value(QStringLiteral("hard")).toBool(), true);
    QCOMPARE(events.first().user, caseworker.user);
}

void TestAuditTriggers::syncCausePurges() {
    const QString noteId = insertNote(QStringLiteral("Called school."));
    QVERIFY(!noteId.isEmpty());
    const qint64 before = mark();
    {
        ScopedAuditCause cause(*m_fixture.store, QStringLiteral("sync"),
                               {{QStringLiteral("from"), QStringLiteral("org-server-7")}});
        QVERIFY(execute(QStringLiteral("DELETE FROM case_note WHERE id = '%1'").arg(noteId)));
    }
    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    const Event& event = events.first();
    QCOMPARE(event.actionCode, QStringLiteral("purge"));
    QCOMPARE(event.user, QString());
    QCOMPARE(event.roleCode, QString());
    QCOMPARE(event.details.value(QStringLiteral("via")).toString(), QStringLiteral("sync"));
    QCOMPARE(event.details.value(QStringLiteral("from")).toString(), QStringLiteral("org-server-7"));
    QVERIFY(!event.details.contains(QStringLiteral("hard")));
}

void TestAuditTriggers::applyingPageHidesUser() {
    QVERIFY(execute(QStringLiteral("UPDATE sync_state SET applying = 1 WHERE id = 1")));
    const qint64 before = mark();
    const QString familyId = m_fixture.insertFamily(QStringLiteral("Okafor family"));
    QVERIFY(!familyId.isEmpty());
    QVERIFY(execute(QStringLiteral("DELETE FROM family WHERE id = '%1'").arg(familyId)));
    QVERIFY(execute(QStringLiteral("UPDATE sync_state SET applying = 0 WHERE id = 1")));

    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).actionCode, QStringLiteral("create"));
    QCOMPARE(events.at(1).actionCode, QStringLiteral("purge"));
    for (const Event& event : events) {
        QCOMPARE(event.user, QString());
        QCOMPARE(event.details.value(QStringLiteral("via")).toString(), QStringLiteral("sync"));
        QCOMPARE(event.familyId, familyId);
    }
}

void TestAuditTriggers::erasureCauseErases() {
    const QString noteId = insertNote(QStringLiteral("Called school."));
    QVERIFY(!noteId.isEmpty());
    m_fixture.store->setAuditActor(lead.user, lead.roleCode);
    const qint64 before = mark();
    {
        ScopedAuditCause cause(*m_fixture.store, QStringLiteral("erasure"));
        QVERIFY(execute(QStringLiteral("DELETE FROM case_note WHERE id = '%1'").arg(noteId)));
    }
    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actionCode, QStringLiteral("erase"));
    QCOMPARE(events.first().user, lead.user);
    QCOMPARE(events.first().details.value(QStringLiteral("via")).toString(), QStringLiteral("erasure"));
}

void TestAuditTriggers::overrideUseIsPolicyOverride() {
    QVERIFY(execute(QStringLiteral(
        "INSERT INTO sharing_decision (id, org_id, family_id, person_id, lawful_basis, justification, "
        "decided_by, decision_date, created_at, updated_at) VALUES ('d-1', '%1', '%2', '%3', "
        "'public_task', 'Risk of harm', 'A. Okafor', '2026-12-01', '2026-12-01T09:00:00.000Z', "
        "'2026-12-01T09:00:00.000Z')")
                        .arg(m_fixture.orgId, m_familyId, m_childId)));
    const qint64 before = mark();
    QVERIFY(execute(QStringLiteral(
        "INSERT INTO override_use (id, org_id, decision_id, family_id, person_id, recipient_party_type, "
        "purpose, field_ids, agreement_version, reason, used_by, used_at) VALUES ('o-1', '%1', 'd-1', '%2', "
        "'%3', 'health', 'safeguarding', '[]', 1, 'Risk of harm', 'a.okafor', '2026-12-02T09:00:00.000Z')")
                        .arg(m_fixture.orgId, m_familyId, m_childId)));
    const QList<Event> events = eventsSince(before);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().actionCode, QStringLiteral("policy-override"));
    QCOMPARE(events.first().recordType, QStringLiteral("override_use"));
    QCOMPARE(events.first().personId, m_childId);
}

void TestAuditTriggers::auditedTablesCoverCaseData() {
    const Result<QStringList> tables = auditedTables(m_fixture.store->database());
    EARLYHELP_VERIFY_OK(tables);
    const QStringList caseTables{
        QStringLiteral("person"),          QStringLiteral("address"),
        QStringLiteral("contact"),         QStringLiteral("relationship"),
        QStringLiteral("family"),          QStringLiteral("family_member"),
        QStringLiteral("family_status_change"), QStringLiteral("assessment"),
        QStringLiteral("assessment_need"), QStringLiteral("taf_plan"),
        QStringLiteral("plan_goal"),       QStringLiteral("plan_action"),
        QStringLiteral("taf_meeting"),     QStringLiteral("plan_review"),
        QStringLiteral("consent"),         QStringLiteral("sharing_decision"),
        QStringLiteral("case_note"),       QStringLiteral("agreement_acceptance"),
        QStringLiteral("override_use"),    QStringLiteral("organisation"),
    };
    for (const QString& table : caseTables)
        QVERIFY2(tables->contains(table), qUtf8Printable(table));
    for (const QString& table : *tables) {
        QVERIFY2(!table.startsWith(u"sync_"), qUtf8Printable(table));
        QVERIFY2(!table.startsWith(u"audit_"), qUtf8Printable(table));
        QVERIFY2(!table.startsWith(u"person_search"), qUtf8Printable(table));
        QVERIFY2(table != u"agreement_version", qUtf8Printable(table));
    }
}

QTEST_GUILESS_MAIN(TestAuditTriggers)
#include "tst_audittriggers.moc"
