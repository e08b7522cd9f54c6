#include "policy/agreement.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::policy;

class TestAgreement : public QObject {
    Q_OBJECT

private slots:
    void readsMinimalAgreement();
    void readsBundledAgreement();
    void bundledRulesMatchModelTable();
    void bundledRetentionSchedule();
    void readsRetentionSchedule();
    void agreementWithoutRetention();
    void readerErrors_data();
    void readerErrors();
    void retentionErrors_data();
    void retentionErrors();
};

namespace {

QJsonObject party(const char* code, const char* label) {
    return QJsonObject{{QStringLiteral("code"), QLatin1StringView(code)},
                       {QStringLiteral("label"), QLatin1StringView(label)}};
}

QJsonObject rule(const char* clause, const char* category, const char* basis, const char* condition) {
    QJsonObject object{
        {QStringLiteral("clause"), QLatin1StringView(clause)},
        {QStringLiteral("purpose"), QStringLiteral("safeguarding")},
        {QStringLiteral("recipient"), QStringLiteral("health")},
        {QStringLiteral("category"), QLatin1StringView(category)},
        {QStringLiteral("basis"), QLatin1StringView(basis)},
        {QStringLiteral("lawfulBasis"), QStringLiteral("art6_1_e")},
        {QStringLiteral("retention"), QStringLiteral("As the recipient's own schedule.")},
        {QStringLiteral("text"), QStringLiteral("Shared with health services for safeguarding.")},
    };
    if (*condition != '\0')
        object.insert(QStringLiteral("condition"), QLatin1StringView(condition));
    return object;
}

// A small valid agreement: two party types, one purpose, all three
// categories, and one rule per category.
QJsonObject minimalAgreement() {
    return QJsonObject{
        {QStringLiteral("formatVersion"), 1},
        {QStringLiteral("agreementVersion"), 3},
        {QStringLiteral("title"), QStringLiteral("Test agreement")},
        {QStringLiteral("notice"), QStringLiteral("A model for review, not legal text.")},
        {QStringLiteral("partyTypes"), QJsonArray{party("school", "Schools"), party("health", "Health")}},
        {QStringLiteral("purposes"), QJsonArray{party("safeguarding", "Safeguarding")}},
        {QStringLiteral("categories"),
         QJsonArray{party("personal", "Personal data"), party("special_category", "Special category data"),
                    party("criminal_offence", "Criminal offence data")}},
        {QStringLiteral("rules"),
         QJsonArray{
             rule("S-health-personal", "personal", "consent_or_override", ""),
             rule("S-health-special", "special_category", "consent_or_override", "art9_2_g_sch1_para18"),
             rule("S-health-criminal", "criminal_offence", "override_only", "s10_5_sch1_para18")}},
    };
}

QByteArray serialised(const QJsonObject& object) {
    return QJsonDocument(object).toJson();
}

// Returns the minimal agreement with key of its top level set to value, or
// removed when value is undefined.
QByteArray withTopLevel(const QString& key, const QJsonValue& value) {
    QJsonObject root = minimalAgreement();
    if (value.isUndefined())
        root.remove(key);
    else
        root.insert(key, value);
    return serialised(root);
}

// Returns the minimal agreement with key of the entry at index of list set
// to value, or removed when value is undefined.
QByteArray withEntry(const QString& list, qsizetype index, const QString& key, const QJsonValue& value) {
    QJsonObject root = minimalAgreement();
    QJsonArray entries = root.value(list).toArray();
    QJsonObject entry = entries.at(index).toObject();
    if (value.isUndefined())
        entry.remove(key);
    else
        entry.insert(key, value);
    entries.replace(index, entry);
    root.insert(list, entries);
    return serialised(root);
}

QJsonObject retentionEntry(const char* clause, const char* holder, const char* keepKey, int years,
                           const char* then) {
    return QJsonObject{
        {QStringLiteral("clause"), QLatin1StringView(clause)},
        {QStringLiteral("holder"), QLatin1StringView(holder)},
        {QStringLiteral("records"), QStringLiteral("Case records")},
        {QStringLiteral("keep"), QJsonObject{{QLatin1StringView(keepKey), years}}},
        {QStringLiteral("then"), QLatin1StringView(then)},
        {QStringLiteral("text"), QStringLiteral("Kept for the period, then reviewed or deleted.")},
    };
}

// The minimal agreement with a retention schedule of two entries.
QJsonObject agreementWithRetention() {
    QJsonObject root = minimalAgreement();
    root.insert(QStringLiteral("retention"),
                QJsonObject{
                    {QStringLiteral("schedule"),
                     QJsonArray{retentionEntry("R-school", "school", "untilAge", 25, "review"),
                                retentionEntry("R-health", "health", "yearsAfterClosure", 8, "delete")}},
                    {QStringLiteral("receivedRecords"),
                     QJsonObject{{QStringLiteral("clause"), QStringLiteral("R-received")},
                                 {QStringLiteral("text"), QStringLiteral("Never longer than the sender.")}}},
                });
    return root;
}

// Returns agreementWithRetention() with key of schedule entry index set to
// value, or removed when value is undefined.
QByteArray withRetentionEntry(qsizetype index, const QString& key, const QJsonValue& value) {
    QJsonObject root = agreementWithRetention();
    QJsonObject retention = root.value(QStringLiteral("retention")).toObject();
    QJsonArray schedule = retention.value(QStringLiteral("schedule")).toArray();
    QJsonObject entry = schedule.at(index).toObject();
    if (value.isUndefined())
        entry.remove(key);
    else
        entry.insert(key, value);
    schedule.replace(index, entry);
    retention.insert(QStringLiteral("schedule"), schedule);
    root.insert(QStringLiteral("retention"), retention);
    return serialised(root);
}

// Returns agreementWithRetention() with key of the retention object set to
// value, or removed when value is undefined.
QByteArray withRetentionKey(const QString& key, const QJsonValue& value) {
    QJsonObject root = agreementWithRetention();
    QJsonObject retention = root.value(QStringLiteral("retention")).toObject();
    if (value.isUndefined())
        retention.remove(key);
    else
        retention.insert(key, value);
    root.insert(QStringLiteral("retention"), retention);
    return serialised(root);
}

QByteArray readResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

void TestAgreement::readsMinimalAgreement() {
    const Result<Agreement> agreement = parseAgreement(serialised(minimalAgreement()));
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));

    QCOMPARE(agreement->version, 3);
    QCOMPARE(agreement->partyTypes.size(), 2);
    QCOMPARE(agreement->rules.size(), 3);
    const Rule* special = agreement->findRule(QStringLiteral("safeguarding"), QStringLiteral("health"),
                                              DataCategory::SpecialCategory);
    QVERIFY(special != nullptr);
    QCOMPARE(special->clauseId, QStringLiteral("S-health-special"));
    QCOMPARE(special->basis, ConsentBasis::ConsentOrOverride);
    QCOMPARE(special->condition, QStringLiteral("art9_2_g_sch1_para18"));
    QCOMPARE(
        agreement->findRule(QStringLiteral("safeguarding"), QStringLiteral("school"), DataCategory::Personal),
        nullptr);
}

void TestAgreement::readsBundledAgreement() {
    const QByteArray document = readResource(QStringLiteral(":/agreement/agreement-v1.json"));
    const Result<Agreement> agreement = parseAgreement(document);
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));

    QCOMPARE(agreement->formatVersion, 1);
    QCOMPARE(agreement->version, 1);
    QCOMPARE(agreement->partyTypes.size(), 6);
    QCOMPARE(agreement->purposes.size(), 3);
    QCOMPARE(agreement->categories.size(), 3);
    QCOMPARE(agreement->rules.size(), 27);
    for (const Rule& rule : agreement->rules) {
        QVERIFY2(!rule.text.isEmpty(), qPrintable(rule.clauseId));
        if (rule.basis != ConsentBasis::Never)
            QVERIFY2(!rule.retention.isEmpty(), qPrintable(rule.clauseId));
    }
}

// Every cell of the model table, written out independently of the JSON file.
void TestAgreement::bundledRulesMatchModelTable() {
    const Result<Agreement> agreement =
        parseAgreement(readResource(QStringLiteral(":/agreement/agreement-v1.json")));
    QVERIFY(agreement.has_value());

    struct Cell {
        const char* clause;
        const char* basis;
        const char* lawfulBasis;
        const char* condition;
    };
    const QList<Cell> cells = {
        {"S-childrens-trust-personal", "consent_or_override", "art6_1_e", ""},
        {"S-childrens-trust-special", "consent_or_override", "art6_1_e", "art9_2_g_sch1_para18"},
        {"S-childrens-trust-criminal", "consent_or_override", "art6_1_e", "s10_5_sch1_para18"},
        {"S-school-personal", "consent_or_override", "art6_1_e", ""},
        {"S-school-special", "consent_or_override", "art6_1_e", "art9_2_g_sch1_para18"},
        {"S-school-criminal", "override_only", "art6_1_e", "s10_5_sch1_para18"},
        {"S-local-authority-personal", "consent_or_override", "art6_1_e", ""},
        {"S-local-authority-special", "consent_or_override", "art6_1_e", "art9_2_g_sch1_para18"},
        {"S-local-authority-criminal", "override_only", "art6_1_e", "s10_5_sch1_para18"},
        {"S-health-personal", "consent_or_override", "art6_1_e", ""},
        {"S-health-special", "consent_or_override", "art6_1_e", "art9_2_g_sch1_para18"},
        {"S-health-criminal", "override_only", "art6_1_e", "s10_5_sch1_para18"},
        {"S-police-personal", "override_only", "art6_1_e", ""},
        {"S-police-special", "override_only", "art6_1_e", "art9_2_g_sch1_para18"},
        {"S-police-criminal", "override_only", "art6_1_e", "s10_5_sch1_para18"},
        {"S-voluntary-sector-personal", "consent", "art6_1_f", ""},
        {"S-voluntary-sector-special", "consent", "art6_1_f", "art9_2_g_sch1_para18"},
        {"S-voluntary-sector-criminal", "never", "", ""},
        {"C-childrens-trust-personal", "consent", "art6_1_e", ""},
        {"C-childrens-trust-special", "consent", "art6_1_e", "art9_2_h_sch1_para2"},
        {"C-childrens-trust-criminal", "consent", "art6_1_e", "s10_5_sch1_para2"},
        {"C-local-authority-personal", "consent", "art6_1_e", ""},
        {"C-local-authority-special", "consent", "art6_1_e", "art9_2_h_sch1_para2"},
        {"C-local-authority-criminal", "never", "", ""},
        {"H-health-personal", "consent", "art6_1_e", ""},
        {"H-health-special", "consent", "art6_1_e", "art9_2_h_sch1_para2"},
        {"H-health-criminal", "never", "", ""},
    };
    QCOMPARE(agreement->rules.size(), cells.size());
    for (const Cell& cell : cells) {
        const auto rule =
            std::ranges::find(agreement->rules, QLatin1StringView(cell.clause), &Rule::clauseId);
        QVERIFY2(rule != agreement->rules.end(), cell.clause);
        QCOMPARE(consentBasisCode(rule->basis), QLatin1StringView(cell.basis));
        QCOMPARE(rule->lawfulBasis, QLatin1StringView(cell.lawfulBasis));
        QCOMPARE(rule->condition, QLatin1StringView(cell.condition));
    }
}

// The model agreement's retention values: a school's safeguarding file to
// the child's 25th birthday then review; the trust's and local authority's
// case records 6 years after closure; received records capped by the sender.
void TestAgreement::bundledRetentionSchedule() {
    const Result<Agreement> agreement =
        parseAgreement(readResource(QStringLiteral(":/agreement/agreement-v1.json")));
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));
    const RetentionSchedule& schedule = agreement->retention;
    QCOMPARE(schedule.entries.size(), 3);

    const RetentionEntry* school = schedule.entryFor(QStringLiteral("school"));
    QVERIFY(school != nullptr);
    QCOMPARE(school->anchor, RetentionAnchor::ChildAge);
    QCOMPARE(school->years, 25);
    QCOMPARE(school->then, RetentionAction::Review);

    for (const char* holder : {"childrens_trust", "local_authority"}) {
        const RetentionEntry* entry = schedule.entryFor(QLatin1StringView(holder));
        QVERIFY2(entry != nullptr, holder);
        QCOMPARE(entry->anchor, RetentionAnchor::CaseClosure);
        QCOMPARE(entry->years, 6);
        QCOMPARE(entry->then, RetentionAction::Delete);
        QVERIFY2(!entry->text.isEmpty(), holder);
    }
    QCOMPARE(schedule.entryFor(QStringLiteral("health")), nullptr);
    QVERIFY(schedule.received.has_value());
    QCOMPARE(schedule.received->clauseId, QStringLiteral("R-received-records"));
}

void TestAgreement::readsRetentionSchedule() {
    const Result<Agreement> agreement = parseAgreement(serialised(agreementWithRetention()));
    QVERIFY2(agreement.has_value(), qPrintable(agreement ? QString() : agreement.error().message));

    const RetentionEntry* health = agreement->retention.entryFor(QStringLiteral("health"));
    QVERIFY(health != nullptr);
    QCOMPARE(health->clauseId, QStringLiteral("R-health"));
    QCOMPARE(health->records, QStringLiteral("Case records"));
    QCOMPARE(health->anchor, RetentionAnchor::CaseClosure);
    QCOMPARE(health->years, 8);
    QCOMPARE(health->then, RetentionAction::Delete);
    QCOMPARE(agreement->retention.received->text, QStringLiteral("Never longer than the sender."));
}

void TestAgreement::agreementWithoutRetention() {
    const Result<Agreement> agreement = parseAgreement(serialised(minimalAgreement()));
    QVERIFY(agreement.has_value());
    QVERIFY(agreement->retention.entries.isEmpty());
    QVERIFY(!agreement->retention.received.has_value());
}

void TestAgreement::retentionErrors_data() {
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("message");

    QTest::newRow("retention not an object")
        << withTopLevel(QStringLiteral("retention"), QJsonArray{})
        << QStringLiteral("retention is an array, not an object");
    QTest::newRow("unknown key") << withRetentionKey(QStringLiteral("periods"), QJsonArray{})
                                 << QStringLiteral("retention.periods: unknown key");
    QTest::newRow("schedule missing") << withRetentionKey(QStringLiteral("schedule"), QJsonValue::Undefined)
                                      << QStringLiteral("retention.schedule is missing");
    QTest::newRow("received missing")
        << withRetentionKey(QStringLiteral("receivedRecords"), QJsonValue::Undefined)
        << QStringLiteral("retention.receivedRecords is missing");
    QTest::newRow("holder not declared")
        << withRetentionEntry(1, QStringLiteral("holder"), QStringLiteral("police"))
        << QStringLiteral("retention.schedule[1].holder is \"police\", which the agreement does not declare");
    QTest::newRow("holder twice") << withRetentionEntry(1, QStringLiteral("holder"), QStringLiteral("school"))
                                  << QStringLiteral("retention.schedule[1].holder is \"school\", which an "
                                                    "earlier schedule entry already covers");
    QTest::newRow("clause of a rule")
        << withRetentionEntry(0, QStringLiteral("clause"), QStringLiteral("S-health-special"))
        << QStringLiteral("retention.schedule[0].clause is \"S-health-special\", which an earlier rule");
    QTest::newRow("keep missing") << withRetentionEntry(0, QStringLiteral("keep"), QJsonValue::Undefined)
                                  << QStringLiteral("retention.schedule[0].keep is missing");
    QTest::newRow("keep two periods")
        << withRetentionEntry(0, QStringLiteral("keep"),
                              QJsonObject{{QStringLiteral("untilAge"), 25},
                                          {QStringLiteral("yearsAfterClosure"), 6}})
        << QStringLiteral("retention.schedule[0].keep has 2 keys");
    QTest::newRow("keep unknown period")
        << withRetentionEntry(0, QStringLiteral("keep"), QJsonObject{{QStringLiteral("months"), 6}})
        << QStringLiteral("retention.schedule[0].keep.months: unknown key");
    QTest::newRow("age not whole")
        << withRetentionEntry(0, QStringLiteral("keep"), QJsonObject{{QStringLiteral("untilAge"), 24.5}})
        << QStringLiteral("retention.schedule[0].keep.untilAge is 24.5, not a whole number from 1 to 120");
    QTest::newRow("age zero")
        << withRetentionEntry(0, QStringLiteral("keep"), QJsonObject{{QStringLiteral("untilAge"), 0}})
        << QStringLiteral("retention.schedule[0].keep.untilAge is 0, not a whole number from 1 to 120");
    QTest::newRow("years as text")
        << withRetentionEntry(1, QStringLiteral("keep"),
                              QJsonObject{{QStringLiteral("yearsAfterClosure"), QStringLiteral("6")}})
        << QStringLiteral("retention.schedule[1].keep.yearsAfterClosure is \"6\", not a whole number");
    QTest::newRow("then unknown") << withRetentionEntry(0, QStringLiteral("then"), QStringLiteral("archive"))
                                  << QStringLiteral("retention.schedule[0].then is \"archive\", not a "
                                                    "retention action");
    QTest::newRow("text blank") << withRetentionEntry(0, QStringLiteral("text"), QStringLiteral("  "))
                                << QStringLiteral("retention.schedule[0].text is blank");
}

void TestAgreement::retentionErrors() {
    QFETCH(QByteArray, document);
    QFETCH(QString, message);

    const Result<Agreement> agreement = parseAgreement(document);

    QVERIFY(!agreement.has_value());
    QCOMPARE(agreement.error().code, ErrorCode::InvalidInput);
    QVERIFY2(agreement.error().message.contains(message), qPrintable(agreement.error().message));
}

void TestAgreement::readerErrors_data() {
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("message");

    QTest::newRow("not JSON") << QByteArray("{\"formatVersion\": 1,") << QStringLiteral("not valid JSON");
    QTest::newRow("duplicate top-level key")
        << serialised(minimalAgreement()).replace("\"title\"", "\"title\": \"Earlier title\",\n    \"title\"")
        << QStringLiteral("title: the key appears twice in the same object");
    QTest::newRow("duplicate key in a rule")
        << serialised(minimalAgreement())
               .replace("\"basis\": \"override_only\"",
                        "\"basis\": \"consent\", \"basis\": \"override_only\"")
        << QStringLiteral("rules[2].basis: the key appears twice in the same object");
    QTest::newRow("escaped duplicate key")
        << serialised(minimalAgreement()).replace("\"notice\"", "\"not\\u0069ce\": \"x\", \"notice\"")
        << QStringLiteral("notice: the key appears twice in the same object");
    QTest::newRow("top level array") << QByteArray("[]") << QStringLiteral("JSON array, not an object");
    QTest::newRow("unknown top-level key") << withTopLevel(QStringLiteral("signature"), QStringLiteral("x"))
                                           << QStringLiteral("signature: unknown key. Remove it");
    QTest::newRow("format version too new")
        << withTopLevel(QStringLiteral("formatVersion"), 2)
        << QStringLiteral("formatVersion is 2, but this version of the app reads format 1 only");
    QTest::newRow("agreement version fraction")
        << withTopLevel(QStringLiteral("agreementVersion"), 1.5)
        << QStringLiteral("agreementVersion is 1.5, not a whole number of at least 1");
    QTest::newRow("agreement version text")
        << withTopLevel(QStringLiteral("agreementVersion"), QStringLiteral("1"))
        << QStringLiteral("agreementVersion is \"1\", not a whole number");
    QTest::newRow("agreement version zero")
        << withTopLevel(QStringLiteral("agreementVersion"), 0)
        << QStringLiteral("agreementVersion is 0, not a whole number of at least 1");
    QTest::newRow("title missing") << withTopLevel(QStringLiteral("title"), QJsonValue::Undefined)
                                   << QStringLiteral("title is missing");
    QTest::newRow("notice blank") << withTopLevel(QStringLiteral("notice"), QStringLiteral("  "))
                                  << QStringLiteral("notice is blank");
    QTest::newRow("party types empty") << withTopLevel(QStringLiteral("partyTypes"), QJsonArray())
                                       << QStringLiteral("partyTypes is an empty list");
    QTest::newRow("party type not an object")
        << withTopLevel(QStringLiteral("partyTypes"), QJsonArray{QStringLiteral("school")})
        << QStringLiteral("partyTypes[0] is \"school\", not an object");
    QTest::newRow("party type code upper case")
        << withEntry(QStringLiteral("partyTypes"), 0, QStringLiteral("code"), QStringLiteral("School"))
        << QStringLiteral("partyTypes[0].code is \"School\", not a code");
    QTest::newRow("party type duplicate")
        << withEntry(QStringLiteral("partyTypes"), 1, QStringLiteral("code"), QStringLiteral("school"))
        << QStringLiteral("partyTypes[1].code is \"school\", which an earlier party type already uses");
    QTest::newRow("party type unknown key")
        << withEntry(QStringLiteral("partyTypes"), 0, QStringLiteral("urn"), QStringLiteral("123456"))
        << QStringLiteral("partyTypes[0].urn: unknown key");
    QTest::newRow("category unknown")
        << withEntry(QStringLiteral("categories"), 1, QStringLiteral("code"), QStringLiteral("sensitive"))
        << QStringLiteral("categories[1].code is \"sensitive\", not a data category");
    QTest::newRow("rule unknown key")
        << withEntry(QStringLiteral("rules"), 0, QStringLiteral("recipients"), QStringLiteral("health"))
        << QStringLiteral("rules[0].recipients: unknown key");
    QTest::newRow("rule purpose undeclared")
        << withEntry(QStringLiteral("rules"), 0, QStringLiteral("purpose"), QStringLiteral("education"))
        << QStringLiteral("rules[0].purpose is \"education\", which the agreement does not declare");
    QTest::newRow("rule recipient undeclared")
        << withEntry(QStringLiteral("rules"), 2, QStringLiteral("recipient"), QStringLiteral("police"))
        << QStringLiteral("rules[2].recipient is \"police\", which the agreement does not declare");
    QTest::newRow("rule basis unknown")
        << withEntry(QStringLiteral("rules"), 0, QStringLiteral("basis"), QStringLiteral("maybe"))
        << QStringLiteral("rules[0].basis is \"maybe\", not a basis. Use consent, consent_or_override, "
                          "override_only or never.");
    QTest::newRow("rule lawful basis consent")
        << withEntry(QStringLiteral("rules"), 0, QStringLiteral("lawfulBasis"), QStringLiteral("art6_1_a"))
        << QStringLiteral("rules[0].lawfulBasis is \"art6_1_a\", not a known lawful basis");
    QTest::newRow("rule lawful basis missing")
        << withEntry(QStringLiteral("rules"), 0, QStringLiteral("lawfulBasis"), QJsonValue::Undefined)
        << QStringLiteral("rules[0].lawfulBasis is missing");
    QTest::newRow("special category without condition")
        << withEntry(QStringLiteral("rules"), 1, QStringLiteral("condition"), QJsonValue::Undefined)
        << QStringLiteral("rules[1].condition is missing");
    QTest::newRow("criminal offence with Art. 9 condition")
        << withEntry(QStringLiteral("rules"), 2, QStringLiteral("condition"),
                     QStringLiteral("art9_2_g_sch1_para18"))
        << QStringLiteral("rules[2].condition is \"art9_2_g_sch1_para18\", an Art. 9 condition, but criminal "
                          "offence data needs a DPA 2018 s.10(5) condition");
    QTest::newRow("special category with criminal condition")
        << withEntry(QStringLiteral("rules"), 1, QStringLiteral("condition"),
                     QStringLiteral("s10_5_sch1_para2"))
        << QStringLiteral("rules[1].condition is \"s10_5_sch1_para2\", a criminal offence condition");
    QTest::newRow("personal data with condition")
        << withEntry(QStringLiteral("rules"), 0, QStringLiteral("condition"),
                     QStringLiteral("art9_2_h_sch1_para2"))
        << QStringLiteral("rules[0].condition is \"art9_2_h_sch1_para2\", but this rule needs no condition "
                          "because it covers personal data only");
    QTest::newRow("condition not known")
        << withEntry(QStringLiteral("rules"), 1, QStringLiteral("condition"), QStringLiteral("art9_2_a"))
        << QStringLiteral("rules[1].condition is \"art9_2_a\", not a known condition");
    QTest::newRow("never with lawful basis")
        << withEntry(QStringLiteral("rules"), 0, QStringLiteral("basis"), QStringLiteral("never"))
        << QStringLiteral("rules[0].lawfulBasis is \"art6_1_e\", but a rule that never allows sharing");
    QTest::newRow("retention missing")
        << withEntry(QStringLiteral("rules"), 0, QStringLiteral("retention"), QJsonValue::Undefined)
        << QStringLiteral("rules[0].retention is missing");
    QTest::newRow("text not a string") << withEntry(QStringLiteral("rules"), 0, QStringLiteral("text"), 7)
                                       << QStringLiteral("rules[0].text is 7, not text");
    QTest::newRow("clause duplicate")
        << withEntry(QStringLiteral("rules"), 1, QStringLiteral("clause"),
                     QStringLiteral("S-health-personal"))
        << QStringLiteral("rules[1].clause is \"S-health-personal\", which an earlier rule already uses");
    QTest::newRow("cell ruled twice")
        << withTopLevel(QStringLiteral("rules"),
                        QJsonArray{rule("S-health-personal", "personal", "consent", ""),
                                   rule("S-health-personal-again", "personal", "override_only", "")})
        << QStringLiteral("rules[1] rules purpose \"safeguarding\", recipient \"health\" and category "
                          "\"personal\" again");
}

void TestAgreement::readerErrors() {
    QFETCH(QByteArray, document);
    QFETCH(QString, message);

    const Result<Agreement> agreement = parseAgreement(document);

    QVERIFY(!agreement.has_value());
    QCOMPARE(agreement.error().code, ErrorCode::InvalidInput);
    QVERIFY2(agreement.error().message.contains(message), qPrintable(agreement.error().message));
}

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
