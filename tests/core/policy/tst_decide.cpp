#include "policy/policy.h"
#include "policy/signature.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::policy;

Q_DECLARE_METATYPE(earlyhelp::DataCategory)

class TestDecide : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void ruleTable_data();
    void ruleTable();
    void denyByDefault_data();
    void denyByDefault();
    void consentReasons_data();
    void consentReasons();
    void organisationRecipient();
    void reviewDateIsInclusive();
    void familyFieldUsesFamilyConsent();
    void decisionMatchingRequestIsUsed();

private:
    Agreement m_agreement;
};

namespace {

const QDate today(2026, 3, 16);
const QString familyId = QStringLiteral("family-1");
const QString personId = QStringLiteral("person-amara");

enum class ConsentState {
    Given,
    Withdrawn,
    Expired,
    WrongRecipient,
    NoneWithDecision,
    NoneWithoutDecision,
    DecisionForOtherRecipient,
    DecisionForOtherPurpose,
    DecisionCoveringNothing,
};

enum class Expected { Denied, AllowedByConsent, AllowedByOverride };

// The model table, written out apart from the JSON file: for each purpose
// and recipient, the basis of personal, special category and criminal
// offence data. Pairs not listed have no rule.
struct TableRow {
    const char* purpose;
    const char* recipient;
    ConsentBasis bases[3];
};

constexpr ConsentBasis consent = ConsentBasis::Consent;
constexpr ConsentBasis either = ConsentBasis::ConsentOrOverride;
constexpr ConsentBasis overrideOnly = ConsentBasis::OverrideOnly;
constexpr ConsentBasis never = ConsentBasis::Never;

const TableRow modelTable[] = {
    {"safeguarding", "childrens_trust", {either, either, either}},
    {"safeguarding", "school", {either, either, overrideOnly}},
    {"safeguarding", "local_authority", {either, either, overrideOnly}},
    {"safeguarding", "health", {either, either, overrideOnly}},
    {"safeguarding", "police", {overrideOnly, overrideOnly, overrideOnly}},
    {"safeguarding", "voluntary_sector", {consent, consent, never}},
    {"social_care", "childrens_trust", {consent, consent, consent}},
    {"social_care", "local_authority", {consent, consent, never}},
    {"health_services", "health", {consent, consent, never}},
};

const char* const purposes[] = {"safeguarding", "social_care", "health_services"};
const char* const partyTypes[] = {"school", "childrens_trust", "local_authority",
                                  "health", "police",          "voluntary_sector"};
const DataCategory categories[] = {DataCategory::Personal, DataCategory::SpecialCategory,
                                   DataCategory::CriminalOffence};

ConsentBasis modelBasis(const QString& purpose, const QString& recipient, DataCategory category) {
    for (const TableRow& row : modelTable) {
        if (purpose == QLatin1StringView(row.purpose) && recipient == QLatin1StringView(row.recipient))
            return row.bases[static_cast<int>(category)];
    }
    return never;
}

QString modelCondition(const QString& purpose, DataCategory category) {
    const bool safeguarding = purpose == u"safeguarding";
    switch (category) {
    case DataCategory::Personal:
        return {};
    case DataCategory::SpecialCategory:
        return safeguarding ? QStringLiteral("art9_2_g_sch1_para18") : QStringLiteral("art9_2_h_sch1_para2");
    case DataCategory::CriminalOffence:
        return safeguarding ? QStringLiteral("s10_5_sch1_para18") : QStringLiteral("s10_5_sch1_para2");
    }
    return {};
}

Expected expectedOutcome(ConsentBasis basis, ConsentState state) {
    switch (basis) {
    case ConsentBasis::Never:
        return Expected::Denied;
    case ConsentBasis::Consent:
        return state == ConsentState::Given ? Expected::AllowedByConsent : Expected::Denied;
    case ConsentBasis::ConsentOrOverride:
        if (state == ConsentState::Given)
            return Expected::AllowedByConsent;
        return state == ConsentState::NoneWithDecision ? Expected::AllowedByOverride : Expected::Denied;
    case ConsentBasis::OverrideOnly:
        return state == ConsentState::NoneWithDecision ? Expected::AllowedByOverride : Expected::Denied;
    }
    return Expected::Denied;
}

// A field of each category. Criminal offence data exists only as a case note
// whose category is criminal_offence.
QString fieldOf(DataCategory category) {
    switch (category) {
    case DataCategory::Personal:
        return QStringLiteral("person.legalSurname");
    case DataCategory::SpecialCategory:
        return QStringLiteral("person.ethnicity");
    case DataCategory::CriminalOffence:
        return QStringLiteral("caseNote.text");
    }
    return {};
}

Consent consentFor(const QString& recipient, const QString& purpose, DataCategory category) {
    Consent consent;
    consent.meta.id = QStringLiteral("consent-1");
    consent.familyId = familyId;
    consent.subjectPersonId = personId;
    consent.givenByPersonId = QStringLiteral("person-joanna");
    consent.purposes = {purpose};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, recipient}};
    consent.dataCategories = {category};
    consent.givenDate = today.addMonths(-6);
    consent.reviewDate = today.addMonths(6);
    return consent;
}

// Another party type of the table than partyType, and another purpose than
// purpose, so that a decision made for them must not count.
QString otherPartyType(const QString& partyType) {
    return partyType == u"school" ? QStringLiteral("health") : QStringLiteral("school");
}

QString otherPurpose(const QString& purpose) {
    return purpose == u"safeguarding" ? QStringLiteral("social_care") : QStringLiteral("safeguarding");
}

SharingDecision decisionFor(const QString& condition, const QString& recipient, const QString& purpose) {
    SharingDecision decision;
    decision.meta.id = QStringLiteral("decision-1");
    decision.familyId = familyId;
    decision.personId = personId;
    decision.recipientPartyType = recipient;
    decision.purpose = purpose;
    decision.lawfulBasis = QStringLiteral("art6_1_e");
    decision.condition = condition;
    decision.justification = QStringLiteral("Asking would place Amara at risk of harm.");
    decision.decidedBy = QStringLiteral("dsl");
    decision.date = today.addDays(-1);
    return decision;
}

SharingRequest requestFor(const QString& recipient, const QString& purpose, DataCategory category) {
    SharingRequest request;
    request.fieldId = fieldOf(category);
    request.recordCategory = category;
    request.subject = SharingSubject{familyId, personId};
    request.senderPartyType = QStringLiteral("school");
    request.recipient = SharingRecipient{recipient, QStringLiteral("org-recipient")};
    request.purpose = purpose;
    request.today = today;
    return request;
}

QString reasonOf(const SharingOutcome& outcome) {
    if (const auto* denied = std::get_if<Denied>(&outcome))
        return denied->reason;
    return QStringLiteral("(allowed)");
}

} // namespace

void TestDecide::initTestCase() {
    const Result<Agreement> agreement = loadBundledAgreement();
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));
    m_agreement = *agreement;
}

void TestDecide::ruleTable_data() {
    QTest::addColumn<QString>("purpose");
    QTest::addColumn<QString>("recipient");
    QTest::addColumn<DataCategory>("category");
    QTest::addColumn<int>("state");

    const QList<std::pair<ConsentState, const char*>> states = {
        {ConsentState::Given, "consent given"},
        {ConsentState::Withdrawn, "consent withdrawn"},
        {ConsentState::Expired, "consent expired"},
        {ConsentState::WrongRecipient, "consent for another recipient"},
        {ConsentState::NoneWithDecision, "no consent, decision for this recipient and purpose"},
        {ConsentState::NoneWithoutDecision, "no consent, no decision"},
        {ConsentState::DecisionForOtherRecipient, "no consent, decision for another recipient"},
        {ConsentState::DecisionForOtherPurpose, "no consent, decision for another purpose"},
        {ConsentState::DecisionCoveringNothing, "no consent, decision naming no recipient or purpose"},
    };
    const char* const categoryNames[] = {"personal", "special", "criminal"};
    for (const char* purpose : purposes) {
        for (const char* recipient : partyTypes) {
            for (const DataCategory category : categories) {
                for (const auto& [state, stateName] : states) {
                    QTest::addRow("%s %s %s, %s", purpose, recipient,
                                  categoryNames[static_cast<int>(category)], stateName)
                        << QString::fromLatin1(purpose) << QString::fromLatin1(recipient) << category
                        << static_cast<int>(state);
                }
            }
        }
    }
}

void TestDecide::ruleTable() {
    QFETCH(QString, purpose);
    QFETCH(QString, recipient);
    QFETCH(DataCategory, category);
    QFETCH(int, state);
    const auto consentState = static_cast<ConsentState>(state);

    QList<Consent> consents;
    QList<SharingDecision> decisions;
    Consent consent = consentFor(recipient, purpose, category);
    switch (consentState) {
    case ConsentState::Given:
        consents.append(consent);
        break;
    case ConsentState::Withdrawn:
        consent.withdrawnDate = today.addDays(-3);
        consent.withdrawnBy = QStringLiteral("person-joanna");
        consents.append(consent);
        break;
    case ConsentState::Expired:
        consent.reviewDate = today.addDays(-1);
        consents.append(consent);
        break;
    case ConsentState::WrongRecipient:
        consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, otherPartyType(recipient)}};
        consents.append(consent);
        break;
    case ConsentState::NoneWithDecision:
        decisions.append(decisionFor(modelCondition(purpose, category), recipient, purpose));
        break;
    case ConsentState::NoneWithoutDecision:
        break;
    case ConsentState::DecisionForOtherRecipient:
        decisions.append(decisionFor(modelCondition(purpose, category), otherPartyType(recipient), purpose));
        break;
    case ConsentState::DecisionForOtherPurpose:
        decisions.append(decisionFor(modelCondition(purpose, category), recipient, otherPurpose(purpose)));
        break;
    case ConsentState::DecisionCoveringNothing:
        decisions.append(decisionFor(modelCondition(purpose, category), QString(), QString()));
        break;
    }

    const SharingOutcome outcome =
        decide(m_agreement, true, requestFor(recipient, purpose, category), consents, decisions);

    const ConsentBasis basis = modelBasis(purpose, recipient, category);
    const Expected expected = expectedOutcome(basis, consentState);
    if (expected == Expected::Denied) {
        QVERIFY2(std::holds_alternative<Denied>(outcome), "allowed, but the model table denies it");
        const Denied& denied = std::get<Denied>(outcome);
        QVERIFY(!denied.reason.isEmpty());
        const Rule* rule = m_agreement.findRule(purpose, recipient, category);
        QCOMPARE(denied.clauseId, rule ? rule->clauseId : QString());
        return;
    }

    QVERIFY2(std::holds_alternative<Allowed>(outcome), qPrintable(reasonOf(outcome)));
    const Allowed& allowed = std::get<Allowed>(outcome);
    const Rule* rule = m_agreement.findRule(purpose, recipient, category);
    QVERIFY(rule != nullptr);
    QCOMPARE(allowed.clauseId, rule->clauseId);
    QCOMPARE(allowed.lawfulBasis,
             recipient == u"voluntary_sector" ? QStringLiteral("art6_1_f") : QStringLiteral("art6_1_e"));
    QCOMPARE(allowed.condition, modelCondition(purpose, category));
    QCOMPARE(allowed.overrideDecisionId,
             expected == Expected::AllowedByOverride ? QStringLiteral("decision-1") : QString());
}

void TestDecide::denyByDefault_data() {
    QTest::addColumn<SharingRequest>("request");
    QTest::addColumn<bool>("verified");
    QTest::addColumn<QList<Consent>>("consents");
    QTest::addColumn<QList<SharingDecision>>("decisions");
    QTest::addColumn<QString>("reason");

    const QString health = QStringLiteral("health");
    const QString safeguarding = QStringLiteral("safeguarding");
    const SharingRequest special = requestFor(health, safeguarding, DataCategory::SpecialCategory);
    const QList<Consent> consents = {consentFor(health, safeguarding, DataCategory::SpecialCategory)};
    const QList<SharingDecision> decisions = {
        decisionFor(QStringLiteral("art9_2_g_sch1_para18"), health, safeguarding)};

    QTest::newRow("agreement not verified")
        << special << false << consents << decisions << QStringLiteral("signature is not verified");

    SharingRequest noDate = special;
    noDate.today = QDate();
    QTest::newRow("request without a date")
        << noDate << true << consents << decisions << QStringLiteral("date of the request is missing");

    SharingRequest unknownField = special;
    unknownField.fieldId = QStringLiteral("person.shoeSize");
    QTest::newRow("unknown field") << unknownField << true << consents << decisions
                                   << QStringLiteral("\"person.shoeSize\" is not a field the app knows");

    SharingRequest noteWithoutCategory = requestFor(health, safeguarding, DataCategory::Personal);
    noteWithoutCategory.fieldId = QStringLiteral("caseNote.text");
    noteWithoutCategory.recordCategory.reset();
    QTest::newRow("case note without category")
        << noteWithoutCategory << true << consents << decisions << QStringLiteral("data category of this");

    SharingRequest unknownPurpose = special;
    unknownPurpose.purpose = QStringLiteral("marketing");
    QTest::newRow("unknown purpose") << unknownPurpose << true << consents << decisions
                                     << QStringLiteral("no purpose \"marketing\"");

    SharingRequest unknownRecipient = special;
    unknownRecipient.recipient.partyType = QStringLiteral("employer");
    QTest::newRow("unknown recipient party type")
        << unknownRecipient << true << consents << decisions
        << QStringLiteral("\"employer\" as a party that may receive");

    SharingRequest unknownSender = special;
    unknownSender.senderPartyType = QStringLiteral("newspaper");
    QTest::newRow("unknown sender party type") << unknownSender << true << consents << decisions
                                               << QStringLiteral("\"newspaper\" as a party that may share");

    const SharingRequest noRule =
        requestFor(QStringLiteral("school"), QStringLiteral("social_care"), DataCategory::Personal);
    QTest::newRow("no rule for the pairing")
        << noRule << true
        << QList<Consent>{consentFor(QStringLiteral("school"), QStringLiteral("social_care"),
                                     DataCategory::Personal)}
        << QList<SharingDecision>{decisionFor(QString(), QStringLiteral("school"),
                                              QStringLiteral("social_care"))}
        << QStringLiteral("has no rule for sharing");

    const SharingRequest criminalToVoluntary =
        requestFor(QStringLiteral("voluntary_sector"), safeguarding, DataCategory::CriminalOffence);
    QTest::newRow("never cell")
        << criminalToVoluntary << true
        << QList<Consent>{consentFor(QStringLiteral("voluntary_sector"), safeguarding,
                                     DataCategory::CriminalOffence)}
        << decisions
        << QStringLiteral("Clause S-voluntary-sector-criminal: Criminal offence data is never shared");

    SharingDecision futureDecision = decisions.first();
    futureDecision.date = today.addDays(1);
    QTest::newRow("decision dated after today")
        << special << true << QList<Consent>() << QList<SharingDecision>{futureDecision}
        << QStringLiteral("No decision to share without consent applies");

    SharingDecision otherPerson = decisions.first();
    otherPerson.personId = QStringLiteral("person-theo");
    QTest::newRow("decision about another person")
        << special << true << QList<Consent>() << QList<SharingDecision>{otherPerson}
        << QStringLiteral("No decision to share without consent applies");

    QTest::newRow("decision with the wrong condition")
        << special << true << QList<Consent>()
        << QList<SharingDecision>{decisionFor(QString(), health, safeguarding)}
        << QStringLiteral("No decision to share without consent applies");

    SharingDecision otherRecipient = decisions.first();
    otherRecipient.recipientPartyType = QStringLiteral("police");
    QTest::newRow("decision for another recipient")
        << special << true << QList<Consent>() << QList<SharingDecision>{otherRecipient}
        << QStringLiteral("No decision to share without consent applies");

    SharingDecision otherPurpose = decisions.first();
    otherPurpose.purpose = QStringLiteral("health_services");
    QTest::newRow("decision for another purpose")
        << special << true << QList<Consent>() << QList<SharingDecision>{otherPurpose}
        << QStringLiteral("No decision to share without consent applies");

    SharingDecision noRecipient = decisions.first();
    noRecipient.recipientPartyType.clear();
    QTest::newRow("decision without recipient")
        << special << true << QList<Consent>() << QList<SharingDecision>{noRecipient}
        << QStringLiteral("No decision to share without consent applies");

    SharingDecision noPurpose = decisions.first();
    noPurpose.purpose.clear();
    QTest::newRow("decision without purpose")
        << special << true << QList<Consent>() << QList<SharingDecision>{noPurpose}
        << QStringLiteral("No decision to share without consent applies");

    SharingDecision coversNothing = noRecipient;
    coversNothing.purpose.clear();
    QTest::newRow("decision from before schema 4")
        << special << true << QList<Consent>() << QList<SharingDecision>{coversNothing}
        << QStringLiteral("No decision to share without consent applies");

    const SharingRequest policeRequest =
        requestFor(QStringLiteral("police"), safeguarding, DataCategory::Personal);
    QTest::newRow("override only, decision for another recipient")
        << policeRequest << true << QList<Consent>()
        << QList<SharingDecision>{decisionFor(QString(), health, safeguarding)}
        << QStringLiteral("needs a recorded decision to share without consent");

    SharingDecision deletedDecision = decisions.first();
    deletedDecision.meta.deleted = true;
    QTest::newRow("deleted decision")
        << special << true << QList<Consent>() << QList<SharingDecision>{deletedDecision}
        << QStringLiteral("No decision to share without consent applies");

    Consent otherSubject = consents.first();
    otherSubject.subjectPersonId = QStringLiteral("person-theo");
    QTest::newRow("consent of another person")
        << special << true << QList<Consent>{otherSubject} << QList<SharingDecision>()
        << QStringLiteral("No consent to share is recorded");

    Consent deletedConsent = consents.first();
    deletedConsent.meta.deleted = true;
    QTest::newRow("deleted consent") << special << true << QList<Consent>{deletedConsent}
                                     << QList<SharingDecision>()
                                     << QStringLiteral("No consent to share is recorded");

    Consent futureConsent = consents.first();
    futureConsent.givenDate = today.addDays(2);
    QTest::newRow("consent given after today")
        << special << true << QList<Consent>{futureConsent} << QList<SharingDecision>()
        << QStringLiteral("which is after today");

    const SharingRequest police = requestFor(QStringLiteral("police"), safeguarding, DataCategory::Personal);
    QTest::newRow("override only ignores consent")
        << police << true
        << QList<Consent>{consentFor(QStringLiteral("police"), safeguarding, DataCategory::Personal)}
        << QList<SharingDecision>() << QStringLiteral("needs a recorded decision to share without consent");

    const SharingRequest voluntary =
        requestFor(QStringLiteral("voluntary_sector"), safeguarding, DataCategory::Personal);
    QTest::newRow("consent only ignores decisions")
        << voluntary << true << QList<Consent>()
        << QList<SharingDecision>{decisionFor(QString(), QStringLiteral("voluntary_sector"), safeguarding)}
        << QStringLiteral("Clause S-voluntary-sector-personal: No consent to share is recorded");
}

void TestDecide::denyByDefault() {
    QFETCH(SharingRequest, request);
    QFETCH(bool, verified);
    QFETCH(QList<Consent>, consents);
    QFETCH(QList<SharingDecision>, decisions);
    QFETCH(QString, reason);

    const SharingOutcome outcome = decide(m_agreement, verified, request, consents, decisions);

    QVERIFY2(std::holds_alternative<Denied>(outcome), "allowed");
    QVERIFY2(std::get<Denied>(outcome).reason.contains(reason), qPrintable(std::get<Denied>(outcome).reason));
}

void TestDecide::consentReasons_data() {
    QTest::addColumn<Consent>("consent");
    QTest::addColumn<QString>("reason");

    const Consent given = consentFor(QStringLiteral("voluntary_sector"), QStringLiteral("safeguarding"),
                                     DataCategory::SpecialCategory);

    Consent withdrawn = given;
    withdrawn.withdrawnDate = QDate(2026, 3, 2);
    QTest::newRow("withdrawn") << withdrawn << QStringLiteral("The consent was withdrawn on 02/03/2026.");

    Consent expired = given;
    expired.reviewDate = QDate(2026, 3, 15);
    QTest::newRow("expired") << expired
                             << QStringLiteral(
                                    "The consent's review date, 15/03/2026, has passed. Review the "
                                    "consent with the family.");

    Consent wrongPurpose = given;
    wrongPurpose.purposes = {QStringLiteral("health_services")};
    QTest::newRow("wrong purpose") << wrongPurpose
                                   << QStringLiteral("The consent does not cover the purpose Safeguarding");

    Consent wrongCategory = given;
    wrongCategory.dataCategories = {DataCategory::Personal};
    QTest::newRow("wrong category") << wrongCategory
                                    << QStringLiteral("The consent does not cover Special category data.");

    Consent wrongRecipient = given;
    wrongRecipient.recipients = {
        ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("police")}};
    QTest::newRow("wrong recipient") << wrongRecipient
                                     << QStringLiteral(
                                            "The consent does not name Voluntary sector as a recipient.");
}

void TestDecide::consentReasons() {
    QFETCH(Consent, consent);
    QFETCH(QString, reason);

    const SharingOutcome outcome =
        decide(m_agreement, true,
               requestFor(QStringLiteral("voluntary_sector"), QStringLiteral("safeguarding"),
                          DataCategory::SpecialCategory),
               {consent}, {});

    QVERIFY2(std::holds_alternative<Denied>(outcome), "allowed");
    const Denied& denied = std::get<Denied>(outcome);
    QCOMPARE(denied.clauseId, QStringLiteral("S-voluntary-sector-special"));
    QVERIFY2(denied.reason.contains(reason), qPrintable(denied.reason));
}

void TestDecide::organisationRecipient() {
    Consent consent = consentFor(QString(), QStringLiteral("safeguarding"), DataCategory::Personal);
    consent.recipients = {
        ConsentRecipient{ConsentRecipient::Kind::Organisation, QStringLiteral("org-family-hub")}};
    SharingRequest request = requestFor(QStringLiteral("voluntary_sector"), QStringLiteral("safeguarding"),
                                        DataCategory::Personal);

    request.recipient.organisationId = QStringLiteral("org-family-hub");
    const SharingOutcome named = decide(m_agreement, true, request, {consent}, {});
    QVERIFY2(std::holds_alternative<Allowed>(named), qPrintable(reasonOf(named)));

    request.recipient.organisationId = QStringLiteral("org-other-charity");
    const SharingOutcome other = decide(m_agreement, true, request, {consent}, {});
    QVERIFY(std::holds_alternative<Denied>(other));

    request.recipient.organisationId.clear();
    const SharingOutcome typeOnly = decide(m_agreement, true, request, {consent}, {});
    QVERIFY(std::holds_alternative<Denied>(typeOnly));
}

void TestDecide::reviewDateIsInclusive() {
    Consent consent =
        consentFor(QStringLiteral("health"), QStringLiteral("health_services"), DataCategory::Personal);
    consent.reviewDate = today;
    const SharingRequest request =
        requestFor(QStringLiteral("health"), QStringLiteral("health_services"), DataCategory::Personal);

    QVERIFY(std::holds_alternative<Allowed>(decide(m_agreement, true, request, {consent}, {})));

    SharingRequest nextDay = request;
    nextDay.today = today.addDays(1);
    QVERIFY(std::holds_alternative<Denied>(decide(m_agreement, true, nextDay, {consent}, {})));
}

void TestDecide::familyFieldUsesFamilyConsent() {
    SharingRequest request =
        requestFor(QStringLiteral("childrens_trust"), QStringLiteral("social_care"), DataCategory::Personal);
    request.fieldId = QStringLiteral("family.statusDate");
    request.recordCategory.reset();
    request.subject.personId.clear();
    const Consent consent =
        consentFor(QStringLiteral("childrens_trust"), QStringLiteral("social_care"), DataCategory::Personal);

    QVERIFY(std::holds_alternative<Allowed>(decide(m_agreement, true, request, {consent}, {})));

    request.subject.familyId = QStringLiteral("family-2");
    QVERIFY(std::holds_alternative<Denied>(decide(m_agreement, true, request, {consent}, {})));
}

void TestDecide::decisionMatchingRequestIsUsed() {
    // Three decisions about Amara, for other recipients or purposes first: the
    // one made for health and safeguarding is the one decide() relies on.
    const QString condition = QStringLiteral("art9_2_g_sch1_para18");
    SharingDecision forPolice =
        decisionFor(condition, QStringLiteral("police"), QStringLiteral("safeguarding"));
    forPolice.meta.id = QStringLiteral("decision-police");
    SharingDecision forSocialCare =
        decisionFor(condition, QStringLiteral("health"), QStringLiteral("social_care"));
    forSocialCare.meta.id = QStringLiteral("decision-social-care");
    SharingDecision forHealth =
        decisionFor(condition, QStringLiteral("health"), QStringLiteral("safeguarding"));
    forHealth.meta.id = QStringLiteral("decision-health");
    const SharingRequest request =
        requestFor(QStringLiteral("health"), QStringLiteral("safeguarding"), DataCategory::SpecialCategory);

    const SharingOutcome outcome =
        decide(m_agreement, true, request, {}, {forPolice, forSocialCare, forHealth});
    QVERIFY2(std::holds_alternative<Allowed>(outcome), qPrintable(reasonOf(outcome)));
    QCOMPARE(std::get<Allowed>(outcome).overrideDecisionId, QStringLiteral("decision-health"));

    const SharingOutcome withoutMatch = decide(m_agreement, true, request, {}, {forPolice, forSocialCare});
    QVERIFY(std::holds_alternative<Denied>(withoutMatch));
}

QTEST_GUILESS_MAIN(TestDecide)
#include "tst_decide.moc"
