// Benchmarks of the sharing decision under the bundled agreement. The family
// has six members (two adults with parental responsibility, four children),
// every field of the field catalogue filled for each of them, a relationship
// record for each adult and child, and six case notes, two of each data
// category. Its consents are current, withdrawn, expired, for another
// recipient, naming an organisation, and deleted. Its sharing decisions are
// for special category data about one child, for criminal offence data about
// another, and one dated after today.

#include "casework/datacategorycode.h"
#include "policy/payload.h"
#include "policy/policy.h"
#include "policy/signature.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QRandomGenerator>
#include <QVariant>

#include <algorithm>
#include <variant>

using namespace earlyhelp;
using namespace earlyhelp::policy;

namespace {

// A fixed date keeps every run deciding the same outcomes.
const QDate today(2026, 3, 16);
const QString familyId = QStringLiteral("family-fenwick");
const QString senderPartyType = QStringLiteral("school");
const QString childrensTrustOrganisation = QStringLiteral("org-birmingham-childrens-trust");

const QStringList purposes = {QStringLiteral("safeguarding"), QStringLiteral("social_care"),
                              QStringLiteral("health_services")};
const QStringList partyTypes = {QStringLiteral("school"),          QStringLiteral("childrens_trust"),
                                QStringLiteral("local_authority"), QStringLiteral("health"),
                                QStringLiteral("police"),          QStringLiteral("voluntary_sector")};

// Stops the program when result is an error, because a benchmark without the
// bundled agreement would measure only the first denial.
template <typename T> T require(Result<T> result, const char* what) {
    if (!result)
        qFatal("%s failed: %s", what, qPrintable(result.error().message));
    return std::move(*result);
}

// One record of the family as a share view would hand it to the policy:
// whose it is and its field values by field id.
struct FamilyRecord {
    SharingSubject subject;
    QMap<QString, QVariant> fields;
};

// A value of the field's usual type, so buildPayload() converts dates,
// flags and text as it would for a stored record.
QVariant sampleValue(const FieldDefinition& field, int index) {
    static const QStringList flags = {
        QStringLiteral("person.isPupil"),
        QStringLiteral("person.lookedAfter"),
        QStringLiteral("person.freeSchoolMeals"),
        QStringLiteral("address.isCurrent"),
        QStringLiteral("relationship.parentalResponsibility"),
        QStringLiteral("relationship.contactOrder"),
        QStringLiteral("family.lookedAfter"),
        QStringLiteral("familyMember.parentalResponsibility"),
        QStringLiteral("caseNote.significantEvent"),
    };
    const QString id = field.id.toString();
    if (flags.contains(id))
        return index % 2 == 0;
    if (id.endsWith(u"Date") || id.endsWith(u"date") || id == u"person.dateOfBirth")
        return today.addDays(-365 * (index + 1));
    return QStringLiteral("Value %1 of %2").arg(index).arg(id);
}

FamilyRecord recordOf(RecordType type, const SharingSubject& subject, int index) {
    FamilyRecord record{subject, {}};
    for (const FieldDefinition& field : fieldCatalogue()) {
        if (field.recordType == type)
            record.fields.insert(field.id.toString(), sampleValue(field, index));
    }
    return record;
}

Consent consentOf(const QString& id, const QString& subjectPersonId, const QStringList& consentPurposes,
                  const QList<ConsentRecipient>& recipients, const QList<DataCategory>& categories) {
    Consent consent;
    consent.meta.id = id;
    consent.familyId = familyId;
    consent.subjectPersonId = subjectPersonId;
    consent.givenByPersonId = QStringLiteral("person-joanna");
    consent.purposes = consentPurposes;
    consent.recipients = recipients;
    consent.dataCategories = categories;
    consent.givenDate = today.addMonths(-6);
    consent.reviewDate = today.addMonths(6);
    return consent;
}

ConsentRecipient partyType(const QString& code) {
    return ConsentRecipient{ConsentRecipient::Kind::PartyType, code};
}

SharingDecision decisionOf(const QString& id, const QString& personId, const QString& condition, QDate date) {
    SharingDecision decision;
    decision.meta.id = id;
    decision.familyId = familyId;
    decision.personId = personId;
    // Each decision covers health for safeguarding, the pair the family
    // benchmark decides.
    decision.recipientPartyType = QStringLiteral("health");
    decision.purpose = QStringLiteral("safeguarding");
    decision.lawfulBasis = QStringLiteral("art6_1_e");
    decision.condition = condition;
    decision.justification = QStringLiteral("Asking the family would place the child at risk of harm.");
    decision.decidedBy = QStringLiteral("Benchmark Lead");
    decision.date = date;
    return decision;
}

// The family, its consents and sharing decisions, and the bundled agreement,
// built once and shared by every benchmark.
struct FamilyFixture {
    Agreement agreement;
    QList<FamilyRecord> records;
    QList<Consent> consents;
    QList<SharingDecision> decisions;

    FamilyFixture() {
        agreement = require(loadBundledAgreement(), "loading the bundled agreement");

        const QStringList adults = {QStringLiteral("person-joanna"), QStringLiteral("person-mark")};
        const QStringList children = {QStringLiteral("person-amara"), QStringLiteral("person-theo"),
                                      QStringLiteral("person-lily"), QStringLiteral("person-noah")};
        int index = 0;
        for (const QString& personId : adults + children) {
            const SharingSubject subject{familyId, personId};
            records.append(recordOf(RecordType::Person, subject, index));
            records.append(recordOf(RecordType::Address, subject, index));
            records.append(recordOf(RecordType::Contact, subject, index));
            records.append(recordOf(RecordType::FamilyMember, subject, index));
            ++index;
        }
        // A relationship is the child's information: who the adult is to
        // them. Each of the two adults has one with each child.
        for (qsizetype pair = 0; pair < adults.size() * children.size(); ++pair) {
            const SharingSubject child{familyId, children.at(pair % children.size())};
            records.append(recordOf(RecordType::Relationship, child, index++));
        }
        records.append(recordOf(RecordType::Family, SharingSubject{familyId, {}}, index++));

        // Two case notes of each category: one about a child, one about the
        // whole family.
        for (const DataCategory category :
             {DataCategory::Personal, DataCategory::SpecialCategory, DataCategory::CriminalOffence}) {
            for (const QString& personId : {children.at(index % children.size()), QString()}) {
                FamilyRecord note =
                    recordOf(RecordType::CaseNote, SharingSubject{familyId, personId}, index++);
                note.fields.insert(QStringLiteral("caseNote.category"),
                                   dataCategoryCode(category).toString());
                records.append(note);
            }
        }

        const QList<DataCategory> personalAndSpecial = {DataCategory::Personal,
                                                        DataCategory::SpecialCategory};
        // Amara: current, for health and the children's trust.
        consents.append(
            consentOf(QStringLiteral("consent-amara"), children.at(0),
                      {QStringLiteral("safeguarding"), QStringLiteral("health_services")},
                      {partyType(QStringLiteral("health")), partyType(QStringLiteral("childrens_trust"))},
                      personalAndSpecial));
        // Theo: withdrawn.
        Consent withdrawn = consentOf(QStringLiteral("consent-theo"), children.at(1), purposes,
                                      {partyType(QStringLiteral("health"))}, personalAndSpecial);
        withdrawn.withdrawnDate = today.addMonths(-1);
        withdrawn.withdrawnBy = adults.at(0);
        consents.append(withdrawn);
        // Lily: past its review date.
        Consent expired =
            consentOf(QStringLiteral("consent-lily"), children.at(2), purposes,
                      {partyType(QStringLiteral("health")), partyType(QStringLiteral("local_authority"))},
                      personalAndSpecial);
        expired.givenDate = today.addYears(-2);
        expired.reviewDate = today.addYears(-1);
        consents.append(expired);
        // Noah: current, naming one organisation rather than a party type.
        consents.append(consentOf(
            QStringLiteral("consent-noah"), children.at(3), {QStringLiteral("social_care")},
            {ConsentRecipient{ConsentRecipient::Kind::Organisation, childrensTrustOrganisation}},
            {DataCategory::Personal, DataCategory::SpecialCategory, DataCategory::CriminalOffence}));
        // Joanna: current, for another recipient (the voluntary sector only).
        consents.append(consentOf(QStringLiteral("consent-joanna"), adults.at(0),
                                  {QStringLiteral("safeguarding")},
                                  {partyType(QStringLiteral("voluntary_sector"))}, {DataCategory::Personal}));
        // Mark: deleted, so it never counts.
        Consent deleted = consentOf(QStringLiteral("consent-mark"), adults.at(1), purposes,
                                    {partyType(QStringLiteral("health"))}, personalAndSpecial);
        deleted.meta.deleted = true;
        consents.append(deleted);

        // Theo: for special category data, which also covers his personal data.
        decisions.append(decisionOf(QStringLiteral("decision-theo"), children.at(1),
                                    QStringLiteral("art9_2_g_sch1_para18"), today.addDays(-3)));
        // Noah: for criminal offence data, which also covers his personal data.
        decisions.append(decisionOf(QStringLiteral("decision-noah"), children.at(3),
                                    QStringLiteral("s10_5_sch1_para18"), today.addDays(-10)));
        // Lily: dated after today, so it does not count yet.
        decisions.append(decisionOf(QStringLiteral("decision-lily"), children.at(2), {}, today.addDays(5)));
    }

    [[nodiscard]] qsizetype fieldCount() const {
        qsizetype count = 0;
        for (const FamilyRecord& record : records)
            count += record.fields.size();
        return count;
    }
};

FamilyFixture& familyFixture() {
    static FamilyFixture fixture;
    return fixture;
}

SharingRecipient recipientOf(const QString& partyTypeCode) {
    if (partyTypeCode == u"childrens_trust")
        return SharingRecipient{partyTypeCode, childrensTrustOrganisation};
    return SharingRecipient{partyTypeCode, QStringLiteral("org-%1").arg(partyTypeCode)};
}

// The request for one field of record, with the category a case note's text
// takes from the note, as buildPayload() reads it.
SharingRequest requestOf(const FamilyRecord& record, const QString& fieldId,
                         const SharingRecipient& recipient, const QString& purpose) {
    SharingRequest request;
    request.fieldId = fieldId;
    if (fieldId == u"caseNote.text")
        request.recordCategory =
            dataCategoryFromCode(record.fields.value(QStringLiteral("caseNote.category")).toString());
    request.subject = record.subject;
    request.senderPartyType = senderPartyType;
    request.recipient = recipient;
    request.purpose = purpose;
    request.today = today;
    return request;
}

// Decides every field of the family for one recipient and purpose, as a
// share view does when either changes. Returns the number allowed.
qsizetype decideFamily(const FamilyFixture& fixture, const SharingRecipient& recipient,
                       const QString& purpose) {
    qsizetype allowed = 0;
    for (const FamilyRecord& record : fixture.records) {
        for (auto field = record.fields.cbegin(); field != record.fields.cend(); ++field) {
            const SharingOutcome outcome =
                decide(fixture.agreement, true, requestOf(record, field.key(), recipient, purpose),
                       fixture.consents, fixture.decisions);
            if (std::holds_alternative<Allowed>(outcome))
                ++allowed;
        }
    }
    return allowed;
}

// Every field of the family for health and safeguarding.
void BM_DecideFamily(benchmark::State& state) {
    const FamilyFixture& fixture = familyFixture();
    const SharingRecipient recipient = recipientOf(QStringLiteral("health"));
    const QString purpose = QStringLiteral("safeguarding");
    qsizetype allowed = 0;
    for (auto _ : state)
        allowed = decideFamily(fixture, recipient, purpose);
    const qsizetype fields = fixture.fieldCount();
    if (allowed == 0 || allowed == fields)
        state.SkipWithError("the family's fields are not a mix of allowed and denied");
    state.SetItemsProcessed(state.iterations() * fields);
    state.counters["fields"] = double(fields);
    state.counters["allowed"] = double(allowed);
}
BENCHMARK(BM_DecideFamily)->Unit(benchmark::kMicrosecond);

// decide() alone over every field of the family for every recipient
// party type and purpose, shuffled with a fixed seed so that consecutive
// requests differ in field, subject, recipient and purpose.
void BM_DecideThroughput(benchmark::State& state) {
    const FamilyFixture& fixture = familyFixture();
    QList<SharingRequest> requests;
    for (const QString& purpose : purposes) {
        for (const QString& partyTypeCode : partyTypes) {
            const SharingRecipient recipient = recipientOf(partyTypeCode);
            for (const FamilyRecord& record : fixture.records) {
                for (auto field = record.fields.cbegin(); field != record.fields.cend(); ++field)
                    requests.append(requestOf(record, field.key(), recipient, purpose));
            }
        }
    }
    QRandomGenerator random(20261205);
    std::shuffle(requests.begin(), requests.end(), random);

    qsizetype allowed = 0;
    for (auto _ : state) {
        allowed = 0;
        for (const SharingRequest& request : std::as_const(requests)) {
            const SharingOutcome outcome =
                decide(fixture.agreement, true, request, fixture.consents, fixture.decisions);
            if (std::holds_alternative<Allowed>(outcome))
                ++allowed;
        }
    }
    state.SetItemsProcessed(state.iterations() * requests.size());
    state.counters["requests"] = double(requests.size());
    state.counters["allowed"] = double(allowed);
}
BENCHMARK(BM_DecideThroughput)->Unit(benchmark::kMicrosecond);

// Builds the payload of every record of the family. Returns the number of
// fields shared.
qsizetype buildFamilyPayloads(const FamilyFixture& fixture, const SharingRecipient& recipient,
                              const QString& purpose) {
    qsizetype shared = 0;
    for (const FamilyRecord& record : fixture.records) {
        const Payload payload =
            buildPayload(fixture.agreement, true, record.fields, record.subject, senderPartyType, recipient,
                         purpose, today, fixture.consents, fixture.decisions);
        shared += payload.shared.size();
    }
    return shared;
}

// buildPayload() for every record of the family, for health and
// safeguarding.
void BM_BuildFamilyPayload(benchmark::State& state) {
    const FamilyFixture& fixture = familyFixture();
    const SharingRecipient recipient = recipientOf(QStringLiteral("health"));
    const QString purpose = QStringLiteral("safeguarding");
    qsizetype shared = 0;
    for (auto _ : state)
        shared = buildFamilyPayloads(fixture, recipient, purpose);
    if (shared == 0)
        state.SkipWithError("the payloads share no field");
    state.SetItemsProcessed(state.iterations() * fixture.fieldCount());
    state.counters["records"] = double(fixture.records.size());
    state.counters["shared"] = double(shared);
}
BENCHMARK(BM_BuildFamilyPayload)->Unit(benchmark::kMicrosecond);

// The share dialog's preview for every recipient party type and
// purpose in turn, as when a user steps through both lists: buildPayload()
// for every record of the family, 18 times.
void BM_PreviewAllRecipientsAndPurposes(benchmark::State& state) {
    const FamilyFixture& fixture = familyFixture();
    qsizetype shared = 0;
    for (auto _ : state) {
        shared = 0;
        for (const QString& purpose : purposes) {
            for (const QString& partyTypeCode : partyTypes)
                shared += buildFamilyPayloads(fixture, recipientOf(partyTypeCode), purpose);
        }
    }
    state.SetItemsProcessed(state.iterations() * fixture.fieldCount() * purposes.size() * partyTypes.size());
    state.counters["shared"] = double(shared);
}
BENCHMARK(BM_PreviewAllRecipientsAndPurposes)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
