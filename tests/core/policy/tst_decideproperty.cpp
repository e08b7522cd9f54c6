#include "policy/policy.h"

#include <QRandomGenerator>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::policy;

// Builds random agreements, consents, decisions and requests and checks that
// decide() never allows what the rule table denies. The seed is printed with
// every failure. Set EARLYHELP_POLICY_SEED to replay one.
class TestDecideProperty : public QObject {
    Q_OBJECT

private slots:
    void neverAllowsWhatTableDenies();
};

namespace {

const QStringList partyTypeCodes = {QStringLiteral("school"), QStringLiteral("childrens_trust"),
                                    QStringLiteral("health"), QStringLiteral("local_authority"),
                                    QStringLiteral("police"), QStringLiteral("voluntary_sector")};
const QStringList purposeCodes = {QStringLiteral("safeguarding"), QStringLiteral("social_care"),
                                  QStringLiteral("health_services")};
const QList<DataCategory> allCategories = {DataCategory::Personal, DataCategory::SpecialCategory,
                                           DataCategory::CriminalOffence};
// Fields of each category, plus ids the catalogue does not contain.
const QStringList fieldIds = {QStringLiteral("person.legalSurname"),
                              QStringLiteral("person.ethnicity"),
                              QStringLiteral("person.healthNotes"),
                              QStringLiteral("caseNote.text"),
                              QStringLiteral("family.statusDate"),
                              QStringLiteral("person.shoeSize"),
                              QString()};
const QStringList conditionCodes = {QString(), QStringLiteral("art9_2_g_sch1_para18"),
                                    QStringLiteral("art9_2_h_sch1_para2"),
                                    QStringLiteral("s10_5_sch1_para18"), QStringLiteral("s10_5_sch1_para2")};
const QStringList people = {QStringLiteral("p1"), QStringLiteral("p2"), QString()};
const QStringList families = {QStringLiteral("f1"), QStringLiteral("f2"), QString()};
const QStringList organisations = {QStringLiteral("o1"), QStringLiteral("o2"), QString()};
const QDate today(2026, 6, 1);

class Generator {
public:
    explicit Generator(quint32 seed)
        : m_random(seed) {}

    template <typename T> const T& pick(const QList<T>& items) {
        return items.at(m_random.bounded(static_cast<int>(items.size())));
    }
    bool chance(int percent) { return m_random.bounded(100) < percent; }
    QDate dateNear() { return today.addDays(m_random.bounded(-40, 41)); }
    QDate maybeDate(int percent) { return chance(percent) ? dateNear() : QDate(); }

    Agreement agreement() {
        Agreement agreement;
        agreement.version = 1;
        for (const QString& code : partyTypeCodes) {
            if (chance(85))
                agreement.partyTypes.append(PartyType{code, code, {}});
        }
        for (const QString& code : purposeCodes) {
            if (chance(85))
                agreement.purposes.append(Purpose{code, code});
        }
        for (const DataCategory category : allCategories) {
            if (chance(90))
                agreement.categories.append(Category{{}, category, QStringLiteral("category")});
        }
        int clause = 0;
        for (const Purpose& purpose : std::as_const(agreement.purposes)) {
            for (const PartyType& partyType : std::as_const(agreement.partyTypes)) {
                for (const Category& category : std::as_const(agreement.categories)) {
                    if (!chance(60))
                        continue;
                    Rule rule;
                    rule.clauseId = QStringLiteral("R-%1").arg(++clause);
                    rule.purpose = purpose.code;
                    rule.recipientPartyType = partyType.code;
                    rule.category = category.category;
                    rule.basis = static_cast<ConsentBasis>(m_random.bounded(4));
                    rule.lawfulBasis = QStringLiteral("art6_1_e");
                    if (category.category != DataCategory::Personal)
                        rule.condition = pick(conditionCodes.mid(1));
                    agreement.rules.append(rule);
                }
            }
        }
        return agreement;
    }

    Consent consent() {
        Consent consent;
        consent.meta.id = QStringLiteral("c%1").arg(m_random.generate());
        consent.meta.deleted = chance(10);
        consent.familyId = pick(families);
        consent.subjectPersonId = pick(people);
        for (const QString& code : purposeCodes) {
            if (chance(50))
                consent.purposes.append(code);
        }
        const int recipientCount = m_random.bounded(3);
        for (int i = 0; i < recipientCount; ++i) {
            if (chance(70))
                consent.recipients.append({ConsentRecipient::Kind::PartyType, pick(partyTypeCodes)});
            else
                consent.recipients.append({ConsentRecipient::Kind::Organisation, pick(organisations)});
        }
        for (const DataCategory category : allCategories) {
            if (chance(50))
                consent.dataCategories.append(category);
        }
        consent.givenDate = maybeDate(95);
        consent.reviewDate = maybeDate(60);
        consent.withdrawnDate = maybeDate(20);
        return consent;
    }

    SharingDecision decision() {
        SharingDecision decision;
        decision.meta.id = QStringLiteral("d%1").arg(m_random.generate());
        decision.meta.deleted = chance(10);
        decision.familyId = pick(families);
        decision.personId = pick(people);
        decision.lawfulBasis = QStringLiteral("art6_1_e");
        decision.condition = pick(conditionCodes);
        decision.date = maybeDate(95);
        return decision;
    }

    SharingRequest request() {
        SharingRequest request;
        request.fieldId = pick(fieldIds);
        if (chance(80))
            request.recordCategory = pick(allCategories);
        request.subject = SharingSubject{pick(families), pick(people)};
        request.senderPartyType = chance(95) ? pick(partyTypeCodes) : QStringLiteral("unknown");
        request.recipient = SharingRecipient{chance(95) ? pick(partyTypeCodes) : QStringLiteral("unknown"),
                                             pick(organisations)};
        request.purpose = chance(95) ? pick(purposeCodes) : QStringLiteral("unknown");
        request.today = today;
        return request;
    }

private:
    QRandomGenerator m_random;
};

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
