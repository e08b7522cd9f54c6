#include "../casework/caseworktesthelpers.h"

#include "cases/personrepository.h"
#include "casework/consentrepository.h"
#include "policy/payload.h"
#include "policy/signature.h"
#include "sharing/overridelog.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::sharing;
using namespace earlyhelp::testing;

class TestOverrideLog : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void consentOnlyPayloadWritesNothing();
    void oneRowPerDecision();
    void payloadFromBuildPayload();
    void newestFirst();
    void blankReasonRejected();
    void invalidAgreementVersionRejected();
    void readOnlyRoleRejected();
    void unknownDecisionWritesNothing();
    void usesFollowAMergedPerson();

private:
    [[nodiscard]] QString createDecision(const QString& recipient, const QString& purpose);
    [[nodiscard]] int rowCount() const;
    [[nodiscard]] OverrideLog log();

    CaseworkFixture m_fixture;
    QString m_familyId;
    QString m_childId;
};

namespace {

const QString reason =
    QStringLiteral("Referral to the school nursing team after the disclosure on 3 December");

policy::SharedField sharedBy(const QString& fieldId, const QString& decisionId) {
    return policy::SharedField{fieldId, policy::Allowed{QStringLiteral("S-health-personal"),
                                                        QStringLiteral("art6_1_e"), QString(), decisionId}};
}

const policy::SharingRecipient health{QStringLiteral("health"), QStringLiteral("org-nursing")};

} // namespace

void TestOverrideLog::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_familyId = m_fixture.insertFamily(QStringLiteral("Khan family"));
    m_childId = m_fixture.insertPerson(QStringLiteral("Aisha"), QStringLiteral("Khan"));
    QVERIFY(!m_familyId.isEmpty() && !m_childId.isEmpty());
}

void TestOverrideLog::cleanup() {
    m_fixture.tearDown();
}

QString TestOverrideLog::createDecision(const QString& recipient, const QString& purpose) {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    SharingDecision decision;
    decision.familyId = m_familyId;
    decision.personId = m_childId;
    decision.recipientPartyType = recipient;
    decision.purpose = purpose;
    decision.lawfulBasis = QStringLiteral("art6_1_e");
    decision.condition = QStringLiteral("art9_2_g_sch1_para18");
    decision.justification = QStringLiteral("Asking would place Aisha at risk of harm.");
    decision.decidedBy = QStringLiteral("A. Okafor");
    decision.date = QDate(2026, 12, 3);
    const Result<SharingDecision> created = consents.createSharingDecision(caseworker, decision);
    if (!created) {
        qWarning("Creating the decision failed: %s", qUtf8Printable(created.error().message));
        return {};
    }
    return created->meta.id;
}

int TestOverrideLog::rowCount() const {
    QSqlQuery query(m_fixture.store->database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM override_use")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

OverrideLog TestOverrideLog::log() {
    return OverrideLog(*m_fixture.store, [this] { return m_fixture.now; });
}

void TestOverrideLog::consentOnlyPayloadWritesNothing() {
    policy::Payload payload;
    payload.shared = {sharedBy(QStringLiteral("person.legalSurname"), QString()),
                      sharedBy(QStringLiteral("person.dateOfBirth"), QString())};
    payload.withheld = {policy::WithheldField{QStringLiteral("person.ethnicity"),
                                              QStringLiteral("No consent"),
                                              QStringLiteral("S-health-special")}};

    OverrideLog overrides = log();
    const Result<QList<OverrideUse>> recorded = overrides.recordUses(
        caseworker, payload, {m_familyId, m_childId}, health, QStringLiteral("safeguarding"), 1, reason);
    EARLYHELP_VERIFY_OK(recorded);
    QVERIFY(recorded->isEmpty());
    QCOMPARE(rowCount(), 0);

    // A consent-only payload needs no reason, because nothing is recorded.
    EARLYHELP_VERIFY_OK(overrides.recordUses(caseworker, payload, {m_familyId, m_childId}, health,
                                             QStringLiteral("safeguarding"), 1, QString()));
    QCOMPARE(rowCount(), 0);

    EARLYHELP_VERIFY_OK(overrides.recordUses(caseworker, policy::Payload{}, {m_familyId, m_childId}, health,
                                             QStringLiteral("safeguarding"), 1, reason));
    QCOMPARE(rowCount(), 0);
}

void TestOverrideLog::oneRowPerDecision() {
    const QString first = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    const QString second = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    policy::Payload payload;
    payload.shared = {sharedBy(QStringLiteral("person.ethnicity"), first),
                      sharedBy(QStringLiteral("person.healthNotes"), second),
                      sharedBy(QStringLiteral("person.legalSurname"), QString()),
                      sharedBy(QStringLiteral("person.religion"), first)};

    OverrideLog overrides = log();
    const Result<QList<OverrideUse>> recorded =
        overrides.recordUses(caseworker, payload, {m_familyId, m_childId}, health,
                             QStringLiteral("safeguarding"), 3, QStringLiteral("  ") + reason);
    EARLYHELP_VERIFY_OK(recorded);
    QCOMPARE(recorded->size(), 2);
    QCOMPARE(rowCount(), 2);

    const Result<QList<OverrideUse>> firstUses = overrides.usesForDecision(first);
    EARLYHELP_VERIFY_OK(firstUses);
    QCOMPARE(firstUses->size(), 1);
    const OverrideUse& use = firstUses->first();
    QVERIFY(!use.id.isEmpty());
    QCOMPARE(use.orgId, m_fixture.orgId);
    QCOMPARE(use.decisionId, first);
    QCOMPARE(use.familyId, m_familyId);
    QCOMPARE(use.personId, m_childId);
    QCOMPARE(use.recipientPartyType, QStringLiteral("health"));
    QCOMPARE(use.recipientOrganisationId, QStringLiteral("org-nursing"));
    QCOMPARE(use.purpose, QStringLiteral("safeguarding"));
    QCOMPARE(use.fieldIds,
             QStringList({QStringLiteral("person.ethnicity"), QStringLiteral("person.religion")}));
    QCOMPARE(use.agreementVersion, 3);
    QCOMPARE(use.reason, reason);
    QCOMPARE(use.usedBy, caseworker.user);
    QCOMPARE(use.usedAt, m_fixture.now.toUTC());

    const Result<QList<OverrideUse>> secondUses = overrides.usesForDecision(second);
    EARLYHELP_VERIFY_OK(secondUses);
    QCOMPARE(secondUses->size(), 1);
    QCOMPARE(secondUses->first().fieldIds, QStringList{QStringLiteral("person.healthNotes")});

    // The stored text is the JSON array and the UTC ISO 8601 time.
    QSqlQuery stored(m_fixture.store->database());
    stored.prepare(QStringLiteral("SELECT field_ids, used_at FROM override_use WHERE decision_id = ?"));
    stored.addBindValue(first);
    QVERIFY(stored.exec() && stored.next());
    QCOMPARE(stored.value(0).toString(), QStringLiteral("[\"person.ethnicity\",\"person.religion\"]"));
    QCOMPARE(stored.value(1).toString(), m_fixture.now.toUTC().toString(Qt::ISODateWithMs));
    QVERIFY(stored.value(1).toString().endsWith(u'Z'));

    const Result<QList<OverrideUse>> forPerson = overrides.usesForPerson(m_childId);
    EARLYHELP_VERIFY_OK(forPerson);
    QCOMPARE(forPerson->size(), 2);
    const Result<QList<OverrideUse>> forFamily = overrides.usesForFamily(m_familyId);
    EARLYHELP_VERIFY_OK(forFamily);
    QCOMPARE(forFamily->size(), 2);
    const Result<QList<OverrideUse>> otherFamily = overrides.usesForFamily(QStringLiteral("family-unknown"));
    EARLYHELP_VERIFY_OK(otherFamily);
    QVERIFY(otherFamily->isEmpty());
}

void TestOverrideLog::payloadFromBuildPayload() {
    const QString forHealth = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    const QString forPolice = createDecision(QStringLiteral("police"), QStringLiteral("safeguarding"));
    QVERIFY(!forHealth.isEmpty() && !forPolice.isEmpty());
    const Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    const Result<QList<SharingDecision>> decisions = consents.sharingDecisionsForFamily(m_familyId);
    EARLYHELP_VERIFY_OK(decisions);

    const QMap<QString, QVariant> fields{{QStringLiteral("person.legalSurname"), QStringLiteral("Khan")},
                                         {QStringLiteral("person.ethnicity"), QStringLiteral("ABAN")}};
    const policy::SharingSubject subject{m_familyId, m_childId};
    const policy::Payload payload =
        policy::buildPayload(*agreement, true, fields, subject, QStringLiteral("school"), health,
                             QStringLiteral("safeguarding"), QDate(2026, 12, 4), {}, *decisions);
    QCOMPARE(payload.shared.size(), 2);

    OverrideLog overrides = log();
    const Result<QList<OverrideUse>> recorded = overrides.recordUses(
        caseworker, payload, subject, health, QStringLiteral("safeguarding"), agreement->version, reason);
    EARLYHELP_VERIFY_OK(recorded);
    QCOMPARE(recorded->size(), 1);
    QCOMPARE(recorded->first().decisionId, forHealth);
    QCOMPARE(recorded->first().fieldIds,
             QStringList({QStringLiteral("person.ethnicity"), QStringLiteral("person.legalSurname")}));

    const Result<QList<OverrideUse>> policeUses = overrides.usesForDecision(forPolice);
    EARLYHELP_VERIFY_OK(policeUses);
    QVERIFY(policeUses->isEmpty());
}

void TestOverrideLog::newestFirst() {
    const QString decision = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    QVERIFY(!decision.isEmpty());
    policy::Payload payload;
    payload.shared = {sharedBy(QStringLiteral("person.ethnicity"), decision)};

    OverrideLog overrides = log();
    EARLYHELP_VERIFY_OK(overrides.recordUses(caseworker, payload, {m_familyId, m_childId}, health,
                                             QStringLiteral("safeguarding"), 1, QStringLiteral("First")));
    m_fixture.now = m_fixture.now.addSecs(3600);
    EARLYHELP_VERIFY_OK(overrides.recordUses(caseworker, payload, {m_familyId, m_childId}, health,
                                             QStringLiteral("safeguarding"), 1, QStringLiteral("Second")));

    const Result<QList<OverrideUse>> uses = overrides.usesForDecision(decision);
    EARLYHELP_VERIFY_OK(uses);
    QCOMPARE(uses->size(), 2);
    QCOMPARE(uses->at(0).reason, QStringLiteral("Second"));
    QCOMPARE(uses->at(1).reason, QStringLiteral("First"));
}

void TestOverrideLog::blankReasonRejected() {
    const QString decision = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    QVERIFY(!decision.isEmpty());
    policy::Payload payload;
    payload.shared = {sharedBy(QStringLiteral("person.ethnicity"), decision)};

    OverrideLog overrides = log();
    for (const QString& blank : {QString(), QStringLiteral(" \n\t")}) {
        const Result<QList<OverrideUse>> rejected = overrides.recordUses(
            caseworker, payload, {m_familyId, m_childId}, health, QStringLiteral("safeguarding"), 1, blank);
        QVERIFY(!rejected);
        QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
        QCOMPARE(
            rejected.error().message,
            QStringLiteral("The reason for sharing without consent is missing. Enter why the information "
                           "is being sent now, such as the referral or request it answers."));
    }
    QCOMPARE(rowCount(), 0);
}

void TestOverrideLog::invalidAgreementVersionRejected() {
    const QString decision = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    QVERIFY(!decision.isEmpty());
    policy::Payload payload;
    payload.shared = {sharedBy(QStringLiteral("person.ethnicity"), decision)};

    OverrideLog overrides = log();
    const Result<QList<OverrideUse>> rejected = overrides.recordUses(
        caseworker, payload, {m_familyId, m_childId}, health, QStringLiteral("safeguarding"), 0, reason);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    QVERIFY2(rejected.error().message.contains(QStringLiteral("version 0")),
             qUtf8Printable(rejected.error().message));
    QCOMPARE(rowCount(), 0);
}

void TestOverrideLog::readOnlyRoleRejected() {
    const QString decision = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    QVERIFY(!decision.isEmpty());
    policy::Payload payload;
    payload.shared = {sharedBy(QStringLiteral("person.ethnicity"), decision)};

    OverrideLog overrides = log();
    for (const Actor& actor : {Actor{QStringLiteral("r.reed"), QStringLiteral("readonly")},
                               Actor{QStringLiteral("k.smith"), QStringLiteral("viewer")}}) {
        const Result<QList<OverrideUse>> rejected = overrides.recordUses(
            actor, payload, {m_familyId, m_childId}, health, QStringLiteral("safeguarding"), 1, reason);
        QVERIFY(!rejected);
        QCOMPARE(rejected.error().code, ErrorCode::PermissionDenied);
    }
    QCOMPARE(rowCount(), 0);
}

void TestOverrideLog::unknownDecisionWritesNothing() {
    const QString decision = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    QVERIFY(!decision.isEmpty());
    policy::Payload payload;
    // The known decision's id sorts first, so its row is inserted before the
    // unknown one fails, and the transaction must remove it again.
    payload.shared = {sharedBy(QStringLiteral("person.ethnicity"), decision),
                      sharedBy(QStringLiteral("person.religion"), QStringLiteral("zzzz-not-a-decision"))};

    OverrideLog overrides = log();
    const Result<QList<OverrideUse>> failed = overrides.recordUses(
        caseworker, payload, {m_familyId, m_childId}, health, QStringLiteral("safeguarding"), 1, reason);
    QVERIFY(!failed);
    QCOMPARE(rowCount(), 0);

    // The store still takes writes afterwards.
    payload.shared.removeLast();
    EARLYHELP_VERIFY_OK(overrides.recordUses(caseworker, payload, {m_familyId, m_childId}, health,
                                             QStringLiteral("safeguarding"), 1, reason));
    QCOMPARE(rowCount(), 1);
}

void TestOverrideLog::usesFollowAMergedPerson() {
    const QString decisionId = createDecision(QStringLiteral("health"), QStringLiteral("safeguarding"));
    QVERIFY(!decisionId.isEmpty());
    policy::Payload payload;
    payload.shared = {sharedBy(QStringLiteral("person.ethnicity"), decisionId)};
    OverrideLog overrides = log();
    EARLYHELP_VERIFY_OK(overrides.recordUses(caseworker, payload, {m_familyId, m_childId}, health,
                                             QStringLiteral("safeguarding"), 1, reason));

    // Aisha's record is merged into a duplicate, which is then merged into a
    // third person. Her use is listed under all three.
    const QString keptId = m_fixture.insertPerson(QStringLiteral("Aisha"), QStringLiteral("Khan-Begum"));
    const QString finalId = m_fixture.insertPerson(QStringLiteral("Ayesha"), QStringLiteral("Khan"));
    PersonRepository people(*m_fixture.store);
    EARLYHELP_VERIFY_OK(people.merge(lead, keptId, m_childId));
    EARLYHELP_VERIFY_OK(people.merge(lead, finalId, keptId));

    for (const QString& personId : {m_childId, keptId, finalId}) {
        const Result<QList<OverrideUse>> uses = overrides.usesForPerson(personId);
        EARLYHELP_VERIFY_OK(uses);
        QCOMPARE(uses->size(), 1);
        QCOMPARE(uses->first().personId, m_childId);
    }
    const QString stranger = m_fixture.insertPerson(QStringLiteral("Rowan"), QStringLiteral("Ashby"));
    const Result<QList<OverrideUse>> none = overrides.usesForPerson(stranger);
    EARLYHELP_VERIFY_OK(none);
    QVERIFY(none->isEmpty());
}

QTEST_GUILESS_MAIN(TestOverrideLog)
#include "tst_overridelog.moc"
