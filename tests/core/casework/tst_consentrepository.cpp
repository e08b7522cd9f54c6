#include "caseworktesthelpers.h"

#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;

class TestConsentRepository : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void consentRoundTrip();
    void consentGivenThenWithdrawn();
    void consentValidation_data();
    void consentValidation();
    void sharingDecisionRoundTrip();
    void sharingDecisionNeedsFamilyOrPerson();
    void sharingDecisionCoverage_data();
    void sharingDecisionCoverage();
    void decisionBeforeSchema4LoadsEmpty();
    void caseNoteRoundTrip();
    void caseNoteRevisionOnlyOnChange();
    void deletedCaseNoteRestoresWithinWindow();

private:
    [[nodiscard]] Consent sampleConsent() const;

    CaseworkFixture m_fixture;
    QString m_familyId;
    QString m_childId;
    QString m_parentId;
};

void TestConsentRepository::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_familyId = m_fixture.insertFamily(QStringLiteral("Khan family"));
    m_childId = m_fixture.insertPerson(QStringLiteral("Aisha"), QStringLiteral("Khan"));
    m_parentId = m_fixture.insertPerson(QStringLiteral("Sadia"), QStringLiteral("Khan"));
    QVERIFY(!m_familyId.isEmpty() && !m_childId.isEmpty() && !m_parentId.isEmpty());
}

void TestConsentRepository::cleanup() {
    m_fixture.tearDown();
}

Consent TestConsentRepository::sampleConsent() const {
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = m_parentId;
    consent.capacity = ConsentCapacity::ParentalResponsibility;
    consent.purposes = {QStringLiteral("Early help assessment"), QStringLiteral("TAF plan")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::Organisation, m_fixture.orgId},
                          ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    consent.dataCategories = {DataCategory::Personal, DataCategory::SpecialCategory};
    consent.method = ConsentMethod::Written;
    consent.givenDate = QDate(2026, 11, 3);
    consent.reviewDate = QDate(2027, 5, 3);
    return consent;
}

void TestConsentRepository::consentRoundTrip() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    const Consent given = sampleConsent();
    Result<Consent> created = consents.createConsent(caseworker, given);
    EARLYHELP_VERIFY_OK(created);
    QCOMPARE(created->meta.revision, 1);
    QCOMPARE(created->familyId, given.familyId);
    QCOMPARE(created->subjectPersonId, given.subjectPersonId);
    QCOMPARE(created->givenByPersonId, given.givenByPersonId);
    QCOMPARE(created->capacity, given.capacity);
    QCOMPARE(created->purposes, given.purposes);
    QCOMPARE(created->recipients, given.recipients);
    QCOMPARE(created->dataCategories, given.dataCategories);
    QCOMPARE(created->method, given.method);
    QCOMPARE(created->givenDate, given.givenDate);
    QCOMPARE(created->reviewDate, given.reviewDate);
    QVERIFY(!created->withdrawnDate.isValid());

    Result<QList<Consent>> listed = consents.consentsForPerson(m_childId);
    EARLYHELP_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);

    QSqlQuery stored(m_fixture.store->database());
    QVERIFY(stored.exec(QStringLiteral("SELECT recipients, data_categories FROM consent")));
    QVERIFY(stored.next());
    QCOMPARE(stored.value(0).toString(),
             QString(u"[{\"kind\":\"organisation\",\"value\":\"" + m_fixture.orgId +
                     u"\"},{\"kind\":\"party_type\",\"value\":\"health\"}]"));
    QCOMPARE(stored.value(1).toString(), QStringLiteral("[\"personal\",\"special_category\"]"));
}

void TestConsentRepository::consentGivenThenWithdrawn() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Result<Consent> created = consents.createConsent(caseworker, sampleConsent());
    EARLYHELP_VERIFY_OK(created);

    Result<Consent> early = consents.withdrawConsent(caseworker, created->meta.id, QDate(2026, 11, 2),
                                                     QStringLiteral("Sadia Khan"));
    QVERIFY(!early);
    QCOMPARE(
        early.error().message,
        QStringLiteral("The consent is withdrawn on 02/11/2026, before it was given on 03/11/2026. Enter "
                       "03/11/2026 or a later date."));

    Result<Consent> withdrawn = consents.withdrawConsent(caseworker, created->meta.id, QDate(2026, 12, 1),
                                                         QStringLiteral("Sadia Khan"));
    EARLYHELP_VERIFY_OK(withdrawn);
    QCOMPARE(withdrawn->withdrawnDate, QDate(2026, 12, 1));
    QCOMPARE(withdrawn->withdrawnBy, QStringLiteral("Sadia Khan"));
    QCOMPARE(withdrawn->meta.revision, 2);

    Result<Consent> again = consents.withdrawConsent(caseworker, created->meta.id, QDate(2026, 12, 2),
                                                     QStringLiteral("Sadia Khan"));
    QVERIFY(!again);
    QCOMPARE(
        again.error().message,
        QStringLiteral("This consent was already withdrawn on 01/12/2026, so there is nothing to withdraw. "
                       "Close the form to see the consent as it is now."));
}

void TestConsentRepository::consentValidation_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("error");

    QTest::newRow("no purpose") << QStringLiteral("purposes")
                                << QStringLiteral("The consent has no purpose. Enter what the information "
                                                  "may be shared for.");
    QTest::newRow("no recipient") << QStringLiteral("recipients")
                                  << QStringLiteral(
                                         "The consent has no recipient. Choose the organisations or "
                                         "kinds of organisation it may be shared with.");
    QTest::newRow("no category") << QStringLiteral("categories")
                                 << QStringLiteral("The consent covers no data category. Choose the kinds of "
                                                   "data it covers.");
    QTest::newRow("given in future") << QStringLiteral("future")
                                     << QStringLiteral(
                                            "The date the consent was given, 05/12/2026, is in the "
                                            "future. Enter today's date or an earlier one.");
    QTest::newRow("review before given")
        << QStringLiteral("review")
        << QStringLiteral("The review date of the consent, 01/11/2026, is not after the date it was given, "
                          "03/11/2026. Enter a later review date.");
    QTest::newRow("young person for another") << QStringLiteral("young person") << QString();
}

void TestConsentRepository::consentValidation() {
    QFETCH(QString, change);
    QFETCH(QString, error);

    Consent consent = sampleConsent();
    if (change == u"purposes")
        consent.purposes = {QStringLiteral("  ")};
    else if (change == u"recipients")
        consent.recipients.clear();
    else if (change == u"categories")
        consent.dataCategories.clear();
    else if (change == u"future")
        consent.givenDate = QDate(2026, 12, 5);
    else if (change == u"review")
        consent.reviewDate = QDate(2026, 11, 1);
    else if (change == u"young person") {
        consent.capacity = ConsentCapacity::CompetentYoungPerson;
        error = QStringLiteral("A competent young person consents only for themselves, but the consent was "
                               "given by %1 for %2. Choose a person with parental responsibility, or record "
                               "the young person as giving it.")
                    .arg(m_parentId, m_childId);
    }

    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Result<Consent> rejected = consents.createConsent(caseworker, consent);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    QCOMPARE(rejected.error().message, error);
}

void TestConsentRepository::sharingDecisionRoundTrip() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    SharingDecision given;
    given.familyId = m_familyId;
    given.personId = m_childId;
    given.lawfulBasis = QStringLiteral("Article 6(1)(e) public task");
    given.condition = QStringLiteral("DPA 2018 Schedule 1 paragraph 18, safeguarding");
    given.justification = QStringLiteral("Risk of significant harm; asking would increase the risk.");
    given.decidedBy = QStringLiteral("DSL M. Jones");
    given.date = QDate(2026, 12, 3);
    given.recipientPartyType = QStringLiteral("health");
    given.purpose = QStringLiteral("safeguarding");
    Result<SharingDecision> created = consents.createSharingDecision(caseworker, given);
    EARLYHELP_VERIFY_OK(created);
    QCOMPARE(created->recipientPartyType, given.recipientPartyType);
    QCOMPARE(created->purpose, given.purpose);
    QCOMPARE(created->lawfulBasis, given.lawfulBasis);
    QCOMPARE(created->condition, given.condition);
    QCOMPARE(created->justification, given.justification);
    QCOMPARE(created->decidedBy, given.decidedBy);
    QCOMPARE(created->date, given.date);
    QCOMPARE(created->personId, given.personId);

    Result<QList<SharingDecision>> listed = consents.sharingDecisionsForFamily(m_familyId);
    EARLYHELP_VERIFY_OK(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().recipientPartyType, QStringLiteral("health"));
    QCOMPARE(listed->first().purpose, QStringLiteral("safeguarding"));

    SharingDecision changed = *created;
    changed.recipientPartyType = QStringLiteral("police");
    changed.purpose = QStringLiteral("social_care");
    Result<SharingDecision> updated = consents.updateSharingDecision(caseworker, changed);
    EARLYHELP_VERIFY_OK(updated);
    QCOMPARE(updated->meta.revision, 2);
    Result<SharingDecision> reread = consents.sharingDecision(created->meta.id);
    EARLYHELP_VERIFY_OK(reread);
    QCOMPARE(reread->recipientPartyType, QStringLiteral("police"));
    QCOMPARE(reread->purpose, QStringLiteral("social_care"));
}

void TestConsentRepository::sharingDecisionNeedsFamilyOrPerson() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    SharingDecision decision;
    decision.lawfulBasis = QStringLiteral("Article 6(1)(e) public task");
    decision.justification = QStringLiteral("Risk of harm");
    decision.decidedBy = QStringLiteral("DSL M. Jones");
    decision.date = QDate(2026, 12, 3);
    Result<SharingDecision> rejected = consents.createSharingDecision(caseworker, decision);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().message,
             QStringLiteral("The sharing decision names no family or person. Choose whose information is "
                            "shared."));
}

void TestConsentRepository::sharingDecisionCoverage_data() {
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("error");

    const QString partyTypes =
        QStringLiteral("school, childrens_trust, health, local_authority, police, voluntary_sector");
    const QString purposes = QStringLiteral("safeguarding, social_care, health_services");
    QTest::newRow("no recipient") << QString() << QStringLiteral("safeguarding")
                                  << QStringLiteral(
                                         "The sharing decision names no recipient. Choose the kind "
                                         "of organisation it allows sharing with, one of: ") +
                                         partyTypes + u'.';
    QTest::newRow("blank recipient")
        << QStringLiteral("  ") << QStringLiteral("safeguarding")
        << QStringLiteral("The sharing decision names no recipient. Choose the kind of organisation it "
                          "allows sharing with, one of: ") +
               partyTypes + u'.';
    QTest::newRow("unknown recipient")
        << QStringLiteral("newspaper") << QStringLiteral("safeguarding")
        << QStringLiteral("The recipient \"newspaper\" of the sharing decision is not a party type of the "
                          "agreement. Choose one of: ") +
               partyTypes + u'.';
    QTest::newRow("recipient label instead of code")
        << QStringLiteral("Health services") << QStringLiteral("safeguarding")
        << QStringLiteral("The recipient \"Health services\" of the sharing decision is not a party type of "
                          "the agreement. Choose one of: ") +
               partyTypes + u'.';
    QTest::newRow("no purpose") << QStringLiteral("health") << QString()
                                << QStringLiteral("The sharing decision names no purpose. Choose what the "
                                                  "information is shared for, one of: ") +
                                       purposes + u'.';
    QTest::newRow("unknown purpose")
        << QStringLiteral("health") << QStringLiteral("marketing")
        << QStringLiteral("The purpose \"marketing\" of the sharing decision is not a purpose of the "
                          "agreement. Choose one of: ") +
               purposes + u'.';
}

void TestConsentRepository::sharingDecisionCoverage() {
    QFETCH(QString, recipient);
    QFETCH(QString, purpose);
    QFETCH(QString, error);

    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    SharingDecision decision;
    decision.familyId = m_familyId;
    decision.recipientPartyType = recipient;
    decision.purpose = purpose;
    decision.lawfulBasis = QStringLiteral("art6_1_e");
    decision.justification = QStringLiteral("Risk of harm");
    decision.decidedBy = QStringLiteral("DSL M. Jones");
    decision.date = QDate(2026, 12, 3);

    Result<SharingDecision> rejected = consents.createSharingDecision(caseworker, decision);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    QCOMPARE(rejected.error().message, error);

    // An update is checked the same way.
    decision.recipientPartyType = QStringLiteral("health");
    decision.purpose = QStringLiteral("safeguarding");
    Result<SharingDecision> created = consents.createSharingDecision(caseworker, decision);
    EARLYHELP_VERIFY_OK(created);
    SharingDecision changed = *created;
    changed.recipientPartyType = recipient;
    changed.purpose = purpose;
    Result<SharingDecision> refused = consents.updateSharingDecision(caseworker, changed);
    QVERIFY(!refused);
    QCOMPARE(refused.error().message, error);
}

void TestConsentRepository::decisionBeforeSchema4LoadsEmpty() {
    // A row written by schema version 3 has no recipient or purpose columns,
    // so it takes their default.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery insert(m_fixture.store->database());
    insert.prepare(QStringLiteral(
        "INSERT INTO sharing_decision (id, org_id, revision, created_at, updated_at, family_id, person_id, "
        "lawful_basis, condition, justification, decided_by, decision_date) VALUES (?, ?, 1, "
        "'2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z', ?, ?, 'art6_1_e', '', 'Risk of harm', "
        "'DSL M. Jones', '2026-01-05')"));
    insert.addBindValue(id);
    insert.addBindValue(m_fixture.orgId);
    insert.addBindValue(m_familyId);
    insert.addBindValue(m_childId);
    QVERIFY2(insert.exec(), qUtf8Printable(insert.lastError().text()));

    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Result<SharingDecision> old = consents.sharingDecision(id);
    EARLYHELP_VERIFY_OK(old);
    QCOMPARE(old->recipientPartyType, QString());
    QCOMPARE(old->purpose, QString());
    QCOMPARE(old->justification, QStringLiteral("Risk of harm"));

    // Saving it again without naming what it covers is rejected.
    SharingDecision edited = *old;
    edited.justification = QStringLiteral("Risk of significant harm");
    Result<SharingDecision> refused = consents.updateSharingDecision(caseworker, edited);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY2(refused.error().message.startsWith(QStringLiteral("The sharing decision names no recipient.")),
             qUtf8Printable(refused.error().message));

    edited.recipientPartyType = QStringLiteral("childrens_trust");
    edited.purpose = QStringLiteral("social_care");
    EARLYHELP_VERIFY_OK(consents.updateSharingDecision(caseworker, edited));
    Result<SharingDecision> reread = consents.sharingDecision(id);
    EARLYHELP_VERIFY_OK(reread);
    QCOMPARE(reread->recipientPartyType, QStringLiteral("childrens_trust"));
    QCOMPARE(reread->purpose, QStringLiteral("social_care"));
}

void TestConsentRepository::caseNoteRoundTrip() {
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    CaseNote given;
    given.familyId = m_familyId;
    given.personId = m_childId;
    given.date = QDate(2026, 12, 2);
    given.author = QStringLiteral("J. Patel");
    given.type = QStringLiteral("home visit");
    given.text = QStringLiteral("Aisha said she feels safer at home.");
    given.significant = true;
    given.category = DataCategory::SpecialCategory;
    Result<CaseNote> created = notes.create(caseworker, given);
    EARLYHELP_VERIFY_OK(created);
    QCOMPARE(created->familyId, given.familyId);
    QCOMPARE(created->personId, given.personId);
    QCOMPARE(created->date, given.date);
    QCOMPARE(created->author, given.author);
    QCOMPARE(created->type, given.type);
    QCOMPARE(created->text, given.text);
    QCOMPARE(created->significant, true);
    QCOMPARE(created->category, DataCategory::SpecialCategory);

    CaseNote plain = given;
    plain.personId.clear();
    plain.significant = false;
    plain.category = DataCategory::Personal;
    EARLYHELP_VERIFY_OK(notes.create(caseworker, plain));

    Result<QList<CaseNote>> all = notes.chronology(m_familyId);
    EARLYHELP_VERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    Result<QList<CaseNote>> significant = notes.chronology(m_familyId, true);
    EARLYHELP_VERIFY_OK(significant);
    QCOMPARE(significant->size(), 1);
    QCOMPARE(significant->first().meta.id, created->meta.id);
}

void TestConsentRepository::caseNoteRevisionOnlyOnChange() {
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    Result<CaseNote> created = notes.create(caseworker, CaseNote{{},
                                                                 m_familyId,
                                                                 {},
                                                                 QDate(2026, 12, 2),
                                                                 QStringLiteral("J. Patel"),
                                                                 QStringLiteral("phone call"),
                                                                 QStringLiteral("Called mum."),
                                                                 false,
                                                                 DataCategory::Personal});
    EARLYHELP_VERIFY_OK(created);
    Result<CaseNote> same = notes.update(caseworker, *created);
    EARLYHELP_VERIFY_OK(same);
    QCOMPARE(same->meta.revision, 1);

    CaseNote flagged = *same;
    flagged.significant = true;
    Result<CaseNote> changed = notes.update(caseworker, flagged);
    EARLYHELP_VERIFY_OK(changed);
    QCOMPARE(changed->meta.revision, 2);
    QVERIFY(changed->significant);
}

void TestConsentRepository::deletedCaseNoteRestoresWithinWindow() {
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    Result<CaseNote> created = notes.create(caseworker, CaseNote{{},
                                                                 m_familyId,
                                                                 {},
                                                                 QDate(2026, 12, 2),
                                                                 QStringLiteral("J. Patel"),
                                                                 QStringLiteral("phone call"),
                                                                 QStringLiteral("Called mum."),
                                                                 false,
                                                                 DataCategory::Personal});
    EARLYHELP_VERIFY_OK(created);
    QVERIFY(notes.remove(lead, created->meta.id));
    Result<QList<CaseNote>> hidden = notes.chronology(m_familyId);
    EARLYHELP_VERIFY_OK(hidden);
    QVERIFY(hidden->isEmpty());

    m_fixture.now = m_fixture.now.addDays(10);
    EARLYHELP_VERIFY_OK(notes.restore(lead, created->meta.id));
    Result<CaseNote> back = notes.get(created->meta.id);
    EARLYHELP_VERIFY_OK(back);
    QCOMPARE(back->text, created->text);
    QCOMPARE(back->date, created->date);
}

QTEST_GUILESS_MAIN(TestConsentRepository)
#include "tst_consentrepository.moc"
