#include "policy/payload.h"
#include "policy/signature.h"

#include <QTest>

#include <algorithm>

using namespace earlyhelp;
using namespace earlyhelp::policy;

// Checks buildPayload() against the bundled agreement: which fields of each
// category reach the payload when the subject's consent is given, withdrawn
// or missing, and that every withheld field carries a reason and its clause.
class TestPayload : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void consentStates_data();
    void consentStates();
    void wholeRecordSplitsIntoSharedAndWithheld();
    void unverifiedAgreementWithholdsAll();
    void valuesKeepTheirJsonType();

private:
    Agreement m_agreement;
};

namespace {

const QDate today(2026, 3, 16);
const SharingSubject subject{QStringLiteral("family-1"), QStringLiteral("person-amara")};
const QString senderPartyType = QStringLiteral("school");
const QString purpose = QStringLiteral("safeguarding");
// Consent is the only basis in this cell of the bundled agreement for every
// category except criminal offence data, which it never shares.
const SharingRecipient recipient{QStringLiteral("voluntary_sector"), {}};

enum class ConsentState { Given, Withdrawn, None };

// A consent for the subject that names the recipient and purpose and covers
// personal and special category data.
QList<Consent> consentsFor(ConsentState state) {
    if (state == ConsentState::None)
        return {};
    Consent consent;
    consent.meta.id = QStringLiteral("consent-1");
    consent.familyId = subject.familyId;
    consent.subjectPersonId = subject.personId;
    consent.purposes = {purpose};
    consent.recipients = {{ConsentRecipient::Kind::PartyType, recipient.partyType}};
    consent.dataCategories = {DataCategory::Personal, DataCategory::SpecialCategory};
    consent.givenDate = today.addDays(-30);
    if (state == ConsentState::Withdrawn)
        consent.withdrawnDate = today.addDays(-2);
    return {consent};
}

const WithheldField* findWithheld(const Payload& payload, const QString& fieldId) {
    const auto it = std::ranges::find(payload.withheld, fieldId, &WithheldField::fieldId);
    return it == payload.withheld.end() ? nullptr : &*it;
}

const SharedField* findShared(const Payload& payload, const QString& fieldId) {
    const auto it = std::ranges::find(payload.shared, fieldId, &SharedField::fieldId);
    return it == payload.shared.end() ? nullptr : &*it;
}

} // namespace

void TestPayload::initTestCase() {
    const Result<Agreement> agreement = loadBundledAgreement();
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));
    m_agreement = *agreement;

    // The rows below assume this cell of the bundled agreement.
    const Rule* personal = m_agreement.findRule(purpose, recipient.partyType, DataCategory::Personal);
    const Rule* special = m_agreement.findRule(purpose, recipient.partyType, DataCategory::SpecialCategory);
    const Rule* criminal = m_agreement.findRule(purpose, recipient.partyType, DataCategory::CriminalOffence);
    QVERIFY(personal && special && criminal);
    QCOMPARE(personal->basis, ConsentBasis::Consent);
    QCOMPARE(special->basis, ConsentBasis::Consent);
    QCOMPARE(criminal->basis, ConsentBasis::Never);
}

void TestPayload::consentStates_data() {
    QTest::addColumn<QString>("fieldId");
    QTest::addColumn<QString>("categoryCode"); // the record's caseNote.category, or null for none
    QTest::addColumn<ConsentState>("consentState");
    QTest::addColumn<bool>("expectShared");
    QTest::addColumn<bool>("expectClause"); // whether a withheld field names a clause

    struct FieldCase {
        const char* name;
        QString fieldId;
        QString categoryCode;
        bool sharedWithConsent; // consent covers personal and special category data only
        bool ruled;             // whether a rule of the agreement applies
    };
    const FieldCase fieldCases[] = {
        {"surname (personal)", QStringLiteral("person.legalSurname"), {}, true, true},
        {"postcode (personal)", QStringLiteral("address.postcode"), {}, true, true},
        {"telephone (personal)", QStringLiteral("contact.telephone"), {}, true, true},
        {"ethnicity (special)", QStringLiteral("person.ethnicity"), {}, true, true},
        {"health notes (special)", QStringLiteral("person.healthNotes"), {}, true, true},
        {"note text (personal)", QStringLiteral("caseNote.text"), QStringLiteral("personal"), true, true},
        {"note text (special)", QStringLiteral("caseNote.text"), QStringLiteral("special_category"), true,
         true},
        {"note text (criminal)", QStringLiteral("caseNote.text"), QStringLiteral("criminal_offence"), false,
         true},
        {"note text (no category)", QStringLiteral("caseNote.text"), {}, false, false},
        {"note text (unknown category)", QStringLiteral("caseNote.text"), QStringLiteral("secret"), false,
         false},
        {"unknown field", QStringLiteral("person.shoeSize"), {}, false, false},
    };
    const std::pair<const char*, ConsentState> states[] = {
        {"consent given", ConsentState::Given},
        {"consent withdrawn", ConsentState::Withdrawn},
        {"no consent", ConsentState::None},
    };

    for (const FieldCase& field : fieldCases) {
        for (const auto& [stateName, state] : states) {
            const bool shared = field.sharedWithConsent && state == ConsentState::Given;
            QTest::addRow("%s, %s", field.name, stateName)
                << field.fieldId << field.categoryCode << state << shared << field.ruled;
        }
    }
}

void TestPayload::consentStates() {
    QFETCH(QString, fieldId);
    QFETCH(QString, categoryCode);
    QFETCH(ConsentState, consentState);
    QFETCH(bool, expectShared);
    QFETCH(bool, expectClause);

    QMap<QString, QVariant> fields{{fieldId, QStringLiteral("value of %1").arg(fieldId)}};
    if (!categoryCode.isNull())
        fields.insert(QStringLiteral("caseNote.category"), categoryCode);

    const Payload payload = buildPayload(m_agreement, true, fields, subject, senderPartyType, recipient,
                                         purpose, today, consentsFor(consentState), {});

    const WithheldField* withheld = findWithheld(payload, fieldId);
    const SharedField* shared = findShared(payload, fieldId);
    if (expectShared) {
        QCOMPARE(payload.values.value(fieldId).toString(), fields.value(fieldId).toString());
        QVERIFY(shared);
        QVERIFY(shared->outcome.overrideDecisionId.isEmpty());
        QVERIFY(!withheld);
        return;
    }

    QVERIFY(!payload.values.contains(fieldId));
    QVERIFY(!shared);
    QVERIFY(withheld);
    QVERIFY(!withheld->reason.isEmpty());
    QCOMPARE(!withheld->clauseId.isEmpty(), expectClause);
}

void TestPayload::wholeRecordSplitsIntoSharedAndWithheld() {
    const QMap<QString, QVariant> fields{
        {QStringLiteral("person.legalSurname"), QStringLiteral("Fenwick")},
        {QStringLiteral("person.dateOfBirth"), QDate(2015, 9, 4)},
        {QStringLiteral("person.religion"), QStringLiteral("Quaker")},
        {QStringLiteral("caseNote.category"), QStringLiteral("criminal_offence")},
        {QStringLiteral("caseNote.text"), QStringLiteral("Older brother cautioned.")},
        {QStringLiteral("person.shoeSize"), 4},
    };

    const Payload payload = buildPayload(m_agreement, true, fields, subject, senderPartyType, recipient,
                                         purpose, today, consentsFor(ConsentState::Given), {});

    const QStringList expectedShared = {
        QStringLiteral("caseNote.category"), QStringLiteral("person.dateOfBirth"),
        QStringLiteral("person.legalSurname"), QStringLiteral("person.religion")};
    QStringList sharedIds;
    for (const SharedField& field : payload.shared)
        sharedIds.append(field.fieldId);
    QStringList withheldIds;
    for (const WithheldField& field : payload.withheld)
        withheldIds.append(field.fieldId);

    QCOMPARE(payload.values.keys(), expectedShared);
    QCOMPARE(sharedIds, expectedShared);
    QCOMPARE(withheldIds, (QStringList{QStringLiteral("caseNote.text"), QStringLiteral("person.shoeSize")}));
    QCOMPARE(payload.values.value(QStringLiteral("person.dateOfBirth")).toString(),
             QStringLiteral("2015-09-04"));

    const Rule* criminal = m_agreement.findRule(purpose, recipient.partyType, DataCategory::CriminalOffence);
    QVERIFY(criminal);
    QCOMPARE(payload.withheld.first().clauseId, criminal->clauseId);
    QVERIFY(payload.withheld.last().clauseId.isEmpty());
}

void TestPayload::unverifiedAgreementWithholdsAll() {
    const QMap<QString, QVariant> fields{{QStringLiteral("person.legalSurname"), QStringLiteral("Fenwick")},
                                         {QStringLiteral("address.postcode"), QStringLiteral("B15 2TT")}};

    const Payload payload = buildPayload(m_agreement, false, fields, subject, senderPartyType, recipient,
                                         purpose, today, consentsFor(ConsentState::Given), {});

    QVERIFY(payload.values.isEmpty());
    QVERIFY(payload.shared.isEmpty());
    QCOMPARE(payload.withheld.size(), 2);
    for (const WithheldField& field : payload.withheld)
        QVERIFY(!field.reason.isEmpty());
}

void TestPayload::valuesKeepTheirJsonType() {
    const QMap<QString, QVariant> fields{{QStringLiteral("person.isPupil"), true},
                                         {QStringLiteral("person.middleNames"), QVariant()},
                                         {QStringLiteral("person.upn"), QStringLiteral("A123456789012")}};

    const Payload payload = buildPayload(m_agreement, true, fields, subject, senderPartyType, recipient,
                                         purpose, today, consentsFor(ConsentState::Given), {});

    QCOMPARE(payload.values.size(), 3);
    QCOMPARE(payload.values.value(QStringLiteral("person.isPupil")), QJsonValue(true));
    // A shared field whose value is null is sent as null, unlike a withheld
    // field, which has no key.
    QVERIFY(payload.values.contains(QStringLiteral("person.middleNames")));
    QVERIFY(payload.values.value(QStringLiteral("person.middleNames")).isNull());
    QCOMPARE(payload.values.value(QStringLiteral("person.upn")).toString(), QStringLiteral("A123456789012"));
}

QTEST_GUILESS_MAIN(TestPayload)
#include "tst_payload.moc"
