#include "policy/policy.h"
#include "randompolicy.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::policy;
using namespace earlyhelp::policy::testing;

// Builds random agreements, consents, decisions and requests and checks that
// decide() never allows what the rule table denies. The seed is printed with
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

    for (int a = 0; a < agreementCount; ++a) {
        const Agreement agreement = generator.agreement();
        for (int r = 0; r < requestsPerAgreement; ++r) {
            const SharingRequest request = generator.request();
            QList<Consent> consents;
            QList<SharingDecision> decisions;
            for (int i = generator.chance(50) ? 3 : 1; i > 0; --i) {
                consents.append(generator.consent());
                decisions.append(generator.decision());
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
            if (!allowed)
                continue;
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
            QVERIFY2(rule->basis != ConsentBasis::Consent, context.constData());
            const auto decision = std::ranges::find(decisions, allowed->overrideDecisionId,
                                                    [](const SharingDecision& d) { return d.meta.id; });
            QVERIFY2(decision != decisions.end(), context.constData());
            QVERIFY2(!decision->meta.deleted, context.constData());
            QVERIFY2(decision->date.isValid() && decision->date <= request.today, context.constData());
            QVERIFY2(decisionIsAboutSubject(*decision, request.subject), context.constData());
            if (*category != DataCategory::Personal)
                QVERIFY2(decision->condition == rule->condition, context.constData());
        }
    }
    // The generator must reach the allowed branch often enough for the
    // checks above to mean something.
    QVERIFY2(allowedCount > 100,
             qPrintable(QStringLiteral("seed %1: only %2 requests allowed").arg(seed).arg(allowedCount)));
}

QTEST_GUILESS_MAIN(TestDecideProperty)
#include "tst_decideproperty.moc"
