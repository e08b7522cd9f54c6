#include "policy/policy.h"
#include "randompolicy.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::policy;
using namespace earlyhelp::policy::testing;

// Builds random agreements, consents, decisions and requests and checks that
// decide() never allows what the rule table denies, and never denies what a
// current consent or a decision for the request's recipient and purpose
// allows under the rule. The seed is printed with
// every failure. Set EARLYHELP_POLICY_SEED to replay one.
class TestDecideProperty : public QObject {
    Q_OBJECT

private slots:
    void neverAllowsWhatTableDenies();
};

namespace {

// The category decide() must use, written apart from decide().
std::optional<DataCategory> categoryOf(const SharingRequest& request) {
    const std::optional<FieldDefinition> field = findField(request.fieldId);
    if (!field)
        return std::nullopt;
    return field->category ? field->category : request.recordCategory;
}

// A consent is about the subject person, or about the family for a
// family-level field.
bool consentIsAboutSubject(const Consent& consent, const SharingSubject& subject) {
    if (!subject.personId.isEmpty())
        return consent.subjectPersonId == subject.personId;
    return !subject.familyId.isEmpty() && consent.familyId == subject.familyId;
}

// A decision names the subject person, or names no person and is about the
// subject's family.
bool decisionIsAboutSubject(const SharingDecision& decision, const SharingSubject& subject) {
    if (!decision.personId.isEmpty())
        return decision.personId == subject.personId;
    return !decision.familyId.isEmpty() && decision.familyId == subject.familyId;
}

// A decision counts for the request when it is live, dated on or before
// today, about the subject, made for the request's recipient party type and
// purpose (both named), and, outside personal data, records the rule's
// condition.
bool decisionCounts(const SharingDecision& decision, const SharingRequest& request, const Rule& rule) {
    const bool namesCoverage = !decision.recipientPartyType.isEmpty() && !decision.purpose.isEmpty();
    const bool coversRequest =
        decision.recipientPartyType == request.recipient.partyType && decision.purpose == request.purpose;
    const bool conditionFits =
        rule.category == DataCategory::Personal || decision.condition == rule.condition;
    return !decision.meta.deleted && decision.date.isValid() && decision.date <= request.today &&
           decisionIsAboutSubject(decision, request.subject) && namesCoverage && coversRequest &&
           conditionFits;
}

// True when a current consent of the subject covers the request.
bool consentCovers(const QList<Consent>& consents, const SharingRequest& request, DataCategory category) {
    return std::ranges::any_of(consents, [&](const Consent& consent) {
        const bool namesRecipient =
            std::ranges::any_of(consent.recipients, [&](const ConsentRecipient& named) {
                return named.kind == ConsentRecipient::Kind::PartyType
                           ? named.value == request.recipient.partyType
                           : !named.value.isEmpty() && named.value == request.recipient.organisationId;
            });
        return !consent.meta.deleted && consentIsAboutSubject(consent, request.subject) && namesRecipient &&
               consent.purposes.contains(request.purpose) && consent.dataCategories.contains(category) &&
               !consent.withdrawnDate.isValid() && consent.givenDate.isValid() &&
               consent.givenDate <= request.today &&
               (!consent.reviewDate.isValid() || consent.reviewDate >= request.today);
    });
}

} // namespace

void TestDecideProperty::neverAllowsWhatTableDenies() {
    const QByteArray seedText = qgetenv("EARLYHELP_POLICY_SEED");
    const quint32 seed = seedText.isEmpty() ? QRandomGenerator::global()->generate() : seedText.toUInt();
    Generator generator(seed);
    constexpr int agreementCount = 600;
    constexpr int requestsPerAgreement = 40;
    int allowedCount = 0;
    int overrideCount = 0;

    for (int a = 0; a < agreementCount; ++a) {
        const Agreement agreement = generator.agreement();
        for (int r = 0; r < requestsPerAgreement; ++r) {
            const SharingRequest request = generator.request();
            QList<Consent> consents;
            QList<SharingDecision> decisions;
            for (int i = generator.chance(50) ? 3 : 1; i > 0; --i) {
                consents.append(generator.consent());
                decisions.append(generator.decision(request));
            }
            const QByteArray context =
                QStringLiteral("seed %1, agreement %2, request %3 (field %4, %5 → %6, %7)")
                    .arg(seed)
                    .arg(a)
                    .arg(r)
                    .arg(request.fieldId, request.senderPartyType, request.recipient.partyType,
                         request.purpose)
                    .toUtf8();

            const SharingOutcome unverified = decide(agreement, false, request, consents, decisions);
            QVERIFY2(std::holds_alternative<Denied>(unverified), context.constData());

            const SharingOutcome outcome = decide(agreement, true, request, consents, decisions);
            const auto* allowed = std::get_if<Allowed>(&outcome);
            if (!allowed) {
                // A denial is right only when neither consent nor a counting
                // decision could allow the request under its rule.
                const std::optional<DataCategory> category = categoryOf(request);
                if (!category || !agreement.hasPartyType(request.senderPartyType))
                    continue;
                const Rule* rule =
                    agreement.findRule(request.purpose, request.recipient.partyType, *category);
                if (!rule)
                    continue;
                const bool decisionFound = std::ranges::any_of(
                    decisions, [&](const SharingDecision& d) { return decisionCounts(d, request, *rule); });
                const bool consentFound = consentCovers(consents, request, *category);
                switch (rule->basis) {
                case ConsentBasis::Never:
                    break;
                case ConsentBasis::Consent:
                    QVERIFY2(!consentFound, context.constData());
                    break;
                case ConsentBasis::ConsentOrOverride:
                    QVERIFY2(!consentFound && !decisionFound, context.constData());
                    break;
                case ConsentBasis::OverrideOnly:
                    QVERIFY2(!decisionFound, context.constData());
                    break;
                }
                continue;
            }
            ++allowedCount;

            const std::optional<DataCategory> category = categoryOf(request);
            QVERIFY2(category.has_value(), context.constData());
            QVERIFY2(agreement.hasPartyType(request.senderPartyType), context.constData());
            const Rule* rule = agreement.findRule(request.purpose, request.recipient.partyType, *category);
            QVERIFY2(rule != nullptr, context.constData());
            QVERIFY2(rule->basis != ConsentBasis::Never, context.constData());
            QVERIFY2(allowed->clauseId == rule->clauseId, context.constData());
            QVERIFY2(allowed->condition == rule->condition, context.constData());

            if (allowed->overrideDecisionId.isEmpty()) {
                QVERIFY2(rule->basis != ConsentBasis::OverrideOnly, context.constData());
                QVERIFY2(consentCovers(consents, request, *category), context.constData());
                continue;
            }
            ++overrideCount;
            QVERIFY2(rule->basis != ConsentBasis::Consent, context.constData());
            if (rule->basis == ConsentBasis::ConsentOrOverride)
                QVERIFY2(!consentCovers(consents, request, *category), context.constData());
            const auto decision = std::ranges::find(decisions, allowed->overrideDecisionId,
                                                    [](const SharingDecision& d) { return d.meta.id; });
            QVERIFY2(decision != decisions.end(), context.constData());
            QVERIFY2(!decision->meta.deleted, context.constData());
            QVERIFY2(decision->date.isValid() && decision->date <= request.today, context.constData());
            QVERIFY2(decisionIsAboutSubject(*decision, request.subject), context.constData());
            QVERIFY2(!decision->recipientPartyType.isEmpty(), context.constData());
            QVERIFY2(decision->recipientPartyType == request.recipient.partyType, context.constData());
            QVERIFY2(!decision->purpose.isEmpty(), context.constData());
            QVERIFY2(decision->purpose == request.purpose, context.constData());
            if (*category != DataCategory::Personal)
                QVERIFY2(decision->condition == rule->condition, context.constData());
        }
    }
    // The generator must reach the allowed branch often enough for the
    // checks above to mean something.
    QVERIFY2(allowedCount > 100,
             qPrintable(QStringLiteral("seed %1: only %2 requests allowed").arg(seed).arg(allowedCount)));
    QVERIFY2(
        overrideCount > 50,
        qPrintable(
            QStringLiteral("seed %1: only %2 requests allowed by a decision").arg(seed).arg(overrideCount)));
}

QTEST_GUILESS_MAIN(TestDecideProperty)
#include "tst_decideproperty.moc"
