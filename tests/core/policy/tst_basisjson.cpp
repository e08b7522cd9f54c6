#include "policy/basisjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::policy;

// Checks the JSON form of consents and sharing decisions: full and minimal
// records survive a round trip, and each malformed member is rejected with a
// message that names it.
class TestBasisJson : public QObject {
    Q_OBJECT

private slots:
    void consentFullRoundTrip();
    void consentMinimalRoundTrip();
    void consentWireForm();
    void consentMalformed_data();
    void consentMalformed();
    void decisionFullRoundTrip();
    void decisionMinimalRoundTrip();
    void decisionMalformed_data();
    void decisionMalformed();
};

namespace {

Consent fullConsent() {
    Consent consent;
    consent.meta.id = QStringLiteral("0b6c5f0e-5c3a-4a59-9d0e-4b1f7c2a9e11");
    consent.meta.deleted = true;
    consent.familyId = QStringLiteral("family-1");
    consent.subjectPersonId = QStringLiteral("person-child");
    consent.givenByPersonId = QStringLiteral("person-parent");
    consent.capacity = ConsentCapacity::CompetentYoungPerson;
    consent.purposes = {QStringLiteral("safeguarding"), QStringLiteral("health_services")};
    consent.recipients = {{ConsentRecipient::Kind::PartyType, QStringLiteral("childrens_trust")},
                          {ConsentRecipient::Kind::Organisation, QStringLiteral("org-health-1")}};
    consent.dataCategories = {DataCategory::Personal, DataCategory::SpecialCategory,
                              DataCategory::CriminalOffence};
    consent.method = ConsentMethod::Electronic;
    consent.givenDate = QDate(2026, 1, 5);
    consent.reviewDate = QDate(2026, 7, 5);
    consent.withdrawnDate = QDate(2026, 3, 1);
    consent.withdrawnBy = QStringLiteral("Parent");
    return consent;
}

Consent minimalConsent() {
    Consent consent;
    consent.meta.id = QStringLiteral("consent-min");
    consent.subjectPersonId = QStringLiteral("person-child");
    consent.givenByPersonId = QStringLiteral("person-parent");
    return consent;
}

void compareConsents(const Consent& actual, const Consent& expected) {
    QCOMPARE(actual.meta.id, expected.meta.id);
    QCOMPARE(actual.meta.deleted, expected.meta.deleted);
    QCOMPARE(actual.familyId, expected.familyId);
    QCOMPARE(actual.subjectPersonId, expected.subjectPersonId);
    QCOMPARE(actual.givenByPersonId, expected.givenByPersonId);
    QCOMPARE(actual.capacity, expected.capacity);
    QCOMPARE(actual.purposes, expected.purposes);
    QCOMPARE(actual.recipients, expected.recipients);
    QCOMPARE(actual.dataCategories, expected.dataCategories);
    QCOMPARE(actual.method, expected.method);
    QCOMPARE(actual.givenDate, expected.givenDate);
    QCOMPARE(actual.reviewDate, expected.reviewDate);
    QCOMPARE(actual.withdrawnDate, expected.withdrawnDate);
    QCOMPARE(actual.withdrawnBy, expected.withdrawnBy);
}

SharingDecision fullDecision() {
    SharingDecision decision;
    decision.meta.id = QStringLiteral("decision-1");
    decision.meta.deleted = true;
    decision.familyId = QStringLiteral("family-1");
    decision.personId = QStringLiteral("person-child");
    decision.recipientPartyType = QStringLiteral("health");
    decision.purpose = QStringLiteral("safeguarding");
    decision.lawfulBasis = QStringLiteral("Article 6(1)(e)");
    decision.condition = QStringLiteral("Schedule 1 paragraph 18");
    decision.justification = QStringLiteral("Risk of significant harm");
    decision.decidedBy = QStringLiteral("Designated safeguarding lead");
    decision.date = QDate(2026, 2, 14);
    return decision;
}

SharingDecision minimalDecision() {
    SharingDecision decision;
    decision.meta.id = QStringLiteral("decision-min");
    decision.personId = QStringLiteral("person-child");
    return decision;
}

void compareDecisions(const SharingDecision& actual, const SharingDecision& expected) {
    QCOMPARE(actual.meta.id, expected.meta.id);
    QCOMPARE(actual.meta.deleted, expected.meta.deleted);
    QCOMPARE(actual.familyId, expected.familyId);
    QCOMPARE(actual.personId, expected.personId);
    QCOMPARE(actual.recipientPartyType, expected.recipientPartyType);
    QCOMPARE(actual.purpose, expected.purpose);
    QCOMPARE(actual.lawfulBasis, expected.lawfulBasis);
    QCOMPARE(actual.condition, expected.condition);
    QCOMPARE(actual.justification, expected.justification);
    QCOMPARE(actual.decidedBy, expected.decidedBy);
    QCOMPARE(actual.date, expected.date);
}

QJsonObject withMember(QJsonObject object, const QString& key, const QJsonValue& value) {
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

QJsonValue missing() {
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace

void TestBasisJson::consentFullRoundTrip() {
    const Consent consent = fullConsent();

    // Through text, as the wire carries it.
    const QByteArray text = QJsonDocument(consentToJson(consent)).toJson(QJsonDocument::Compact);
    const Result<Consent> read = consentFromJson(QJsonDocument::fromJson(text).object());

    QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
    compareConsents(*read, consent);
}

void TestBasisJson::consentMinimalRoundTrip() {
    const Consent consent = minimalConsent();

    const Result<Consent> read = consentFromJson(consentToJson(consent));

    QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
    compareConsents(*read, consent);
    QVERIFY(!read->givenDate.isValid());
}

void TestBasisJson::consentWireForm() {
    const QJsonObject full = consentToJson(fullConsent());
    QCOMPARE(full.value(QStringLiteral("capacity")).toString(), QStringLiteral("competent_young_person"));
    QCOMPARE(full.value(QStringLiteral("method")).toString(), QStringLiteral("electronic"));
    QCOMPARE(full.value(QStringLiteral("givenDate")).toString(), QStringLiteral("2026-01-05"));
    const QJsonObject firstRecipient = full.value(QStringLiteral("recipients")).toArray().at(0).toObject();
    QCOMPARE(firstRecipient.value(QStringLiteral("kind")).toString(), QStringLiteral("partyType"));
    QCOMPARE(full.value(QStringLiteral("dataCategories")).toArray().at(1).toString(),
             QStringLiteral("special_category"));

    const QJsonObject minimal = consentToJson(minimalConsent());
    QVERIFY(minimal.value(QStringLiteral("givenDate")).isNull());
    QVERIFY(minimal.value(QStringLiteral("withdrawnDate")).isNull());
    QCOMPARE(minimal.value(QStringLiteral("deleted")).toBool(true), false);

    // Optional members may be left out altogether.
    QJsonObject sparse = minimal;
    for (const char* key : {"familyId", "givenDate", "reviewDate", "withdrawnDate", "withdrawnBy", "deleted"})
        sparse.remove(QLatin1StringView(key));
    const Result<Consent> read = consentFromJson(sparse);
    QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
    compareConsents(*read, minimalConsent());
}

void TestBasisJson::consentMalformed_data() {
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("member");

    const QJsonObject good = consentToJson(fullConsent());
    const auto row = [&good](const char* name, const QString& key, const QJsonValue& value, const QString& member) {
        QTest::newRow(name) << withMember(good, key, value) << member;
    };
    const QJsonObject goodRecipient{{QStringLiteral("kind"), QStringLiteral("partyType")},
                                    {QStringLiteral("value"), QStringLiteral("health")}};

    row("unknown member", QStringLiteral("colour"), QStringLiteral("red"), QStringLiteral("colour"));
    row("id missing", QStringLiteral("id"), missing(), QStringLiteral("id"));
    row("id blank", QStringLiteral("id"), QStringLiteral("  "), QStringLiteral("id"));
    row("id a number", QStringLiteral("id"), 7, QStringLiteral("id"));
    row("familyId a number", QStringLiteral("familyId"), 3, QStringLiteral("familyId"));
    row("subjectPersonId missing", QStringLiteral("subjectPersonId"), missing(),
        QStringLiteral("subjectPersonId"));
    row("givenByPersonId blank", QStringLiteral("givenByPersonId"), QString(), QStringLiteral("givenByPersonId"));
    row("capacity unknown", QStringLiteral("capacity"), QStringLiteral("guardian"), QStringLiteral("capacity"));
    row("capacity missing", QStringLiteral("capacity"), missing(), QStringLiteral("capacity"));
    row("purposes missing", QStringLiteral("purposes"), missing(), QStringLiteral("purposes"));
    row("purposes text", QStringLiteral("purposes"), QStringLiteral("safeguarding"), QStringLiteral("purposes"));
    row("purpose a number", QStringLiteral("purposes"), QJsonArray{QStringLiteral("safeguarding"), 2},
        QStringLiteral("purposes[1]"));
    row("recipients an object", QStringLiteral("recipients"), goodRecipient, QStringLiteral("recipients"));
    row("recipient text", QStringLiteral("recipients"), QJsonArray{QStringLiteral("health")},
        QStringLiteral("recipients[0]"));
    row("recipient kind unknown", QStringLiteral("recipients"),
        QJsonArray{goodRecipient, withMember(goodRecipient, QStringLiteral("kind"), QStringLiteral("party_type"))},
        QStringLiteral("recipients[1].kind"));
    row("recipient value blank", QStringLiteral("recipients"),
        QJsonArray{withMember(goodRecipient, QStringLiteral("value"), QString())},
        QStringLiteral("recipients[0].value"));
    row("recipient unknown member", QStringLiteral("recipients"),
        QJsonArray{withMember(goodRecipient, QStringLiteral("name"), QStringLiteral("x"))},
        QStringLiteral("recipients[0].name"));
    row("data category unknown", QStringLiteral("dataCategories"), QJsonArray{QStringLiteral("medical")},
        QStringLiteral("dataCategories[0]"));
    row("dataCategories missing", QStringLiteral("dataCategories"), missing(), QStringLiteral("dataCategories"));
    row("method unknown", QStringLiteral("method"), QStringLiteral("fax"), QStringLiteral("method"));
    row("givenDate UK form", QStringLiteral("givenDate"), QStringLiteral("05/01/2026"), QStringLiteral("givenDate"));
    row("reviewDate impossible", QStringLiteral("reviewDate"), QStringLiteral("2026-02-30"),
        QStringLiteral("reviewDate"));
    row("withdrawnDate a number", QStringLiteral("withdrawnDate"), 20260301, QStringLiteral("withdrawnDate"));
    row("withdrawnBy a list", QStringLiteral("withdrawnBy"), QJsonArray(), QStringLiteral("withdrawnBy"));
    row("deleted text", QStringLiteral("deleted"), QStringLiteral("yes"), QStringLiteral("deleted"));
}

void TestBasisJson::consentMalformed() {
    QFETCH(QJsonObject, object);
    QFETCH(QString, member);

    const Result<Consent> read = consentFromJson(object);

    QVERIFY(!read.has_value());
    QCOMPARE(read.error().code, ErrorCode::InvalidInput);
    QVERIFY2(read.error().message.startsWith(member + u' '), qPrintable(read.error().message));
}

void TestBasisJson::decisionFullRoundTrip() {
    const SharingDecision decision = fullDecision();

    const QByteArray text = QJsonDocument(decisionToJson(decision)).toJson(QJsonDocument::Compact);
    const Result<SharingDecision> read = decisionFromJson(QJsonDocument::fromJson(text).object());

    QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
    compareDecisions(*read, decision);
    QCOMPARE(decisionToJson(decision).value(QStringLiteral("date")).toString(), QStringLiteral("2026-02-14"));
}

void TestBasisJson::decisionMinimalRoundTrip() {
    const SharingDecision decision = minimalDecision();

    const Result<SharingDecision> read = decisionFromJson(decisionToJson(decision));

    QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
    compareDecisions(*read, decision);
    QVERIFY(decisionToJson(decision).value(QStringLiteral("date")).isNull());
}

void TestBasisJson::decisionMalformed_data() {
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("member");

    const QJsonObject good = decisionToJson(fullDecision());
    const auto row = [&good](const char* name, const QString& key, const QJsonValue& value, const QString& member) {
        QTest::newRow(name) << withMember(good, key, value) << member;
    };

    row("unknown member", QStringLiteral("recipient"), QStringLiteral("health"), QStringLiteral("recipient"));
    row("id missing", QStringLiteral("id"), missing(), QStringLiteral("id"));
    row("personId a number", QStringLiteral("personId"), 1, QStringLiteral("personId"));
    row("party type unknown", QStringLiteral("recipientPartyType"), QStringLiteral("bank"),
        QStringLiteral("recipientPartyType"));
    row("purpose unknown", QStringLiteral("purpose"), QStringLiteral("marketing"), QStringLiteral("purpose"));
    row("lawfulBasis an object", QStringLiteral("lawfulBasis"), QJsonObject(), QStringLiteral("lawfulBasis"));
    row("condition a number", QStringLiteral("condition"), 18, QStringLiteral("condition"));
    row("justification true", QStringLiteral("justification"), true, QStringLiteral("justification"));
    row("decidedBy a list", QStringLiteral("decidedBy"), QJsonArray(), QStringLiteral("decidedBy"));
    row("date wrong form", QStringLiteral("date"), QStringLiteral("2026-2-14"), QStringLiteral("date"));
    row("deleted a number", QStringLiteral("deleted"), 0, QStringLiteral("deleted"));

    QJsonObject nobody = good;
    nobody.remove(QStringLiteral("personId"));
    nobody.insert(QStringLiteral("familyId"), QString());
    QTest::newRow("no family or person") << nobody << QStringLiteral("familyId");
}

void TestBasisJson::decisionMalformed() {
    QFETCH(QJsonObject, object);
    QFETCH(QString, member);

    const Result<SharingDecision> read = decisionFromJson(object);

    QVERIFY(!read.has_value());
    QCOMPARE(read.error().code, ErrorCode::InvalidInput);
    QVERIFY2(read.error().message.startsWith(member + u' '), qPrintable(read.error().message));
}

QTEST_GUILESS_MAIN(TestBasisJson)
#include "tst_basisjson.moc"
