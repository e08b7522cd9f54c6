// diffAgreements() against the bundled agreement and copies of it with
// known cells changed. Expected lists come from the field catalogue itself,
// walked here apart from the function under test.

#include "policy/agreementdiff.h"
#include "policy/signature.h"

#include <QTest>

#include <algorithm>

using namespace earlyhelp;
using namespace earlyhelp::policy;

namespace {

// The fields whose values can be of category: fields of that category and
// fields whose category each record states.
QList<QString> fieldsOfCategory(DataCategory category) {
    QList<QString> ids;
    for (const FieldDefinition& field : fieldCatalogue()) {
        if (!field.category || *field.category == category)
            ids.append(field.id.toString());
    }
    return ids;
}

Rule* ruleOf(Agreement& agreement, const QString& purpose, const QString& recipient, DataCategory category) {
    for (Rule& rule : agreement.rules) {
        if (rule.purpose == purpose && rule.recipientPartyType == recipient && rule.category == category)
            return &rule;
    }
    return nullptr;
}

QList<QString> fieldIdsOf(const QList<AgreementChange>& changes) {
    QList<QString> ids;
    for (const AgreementChange& change : changes)
        ids.append(change.fieldId);
    return ids;
}

} // namespace

class TestAgreementDiff : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void identicalAgreementsListNothing();
    void changedCellsListTheirFields();
    void ruleTextAloneIsNoChange();
    void neverAndMissingRuleAreEqual();
    void termsChanged();
    void purposeAdded();
    void partyTypeRemoved();
    void kindCodes();

private:
    Agreement m_base;
};

void TestAgreementDiff::initTestCase() {
    const Result<Agreement> bundled = loadBundledAgreement();
    QVERIFY2(bundled.has_value(), qPrintable(bundled ? QString() : bundled.error().message));
    m_base = *bundled;
}

void TestAgreementDiff::identicalAgreementsListNothing() {
    QVERIFY(diffAgreements(m_base, m_base).isEmpty());
}

void TestAgreementDiff::changedCellsListTheirFields() {
    Agreement next = m_base;
    next.version = 2;
    // Voluntary sector, safeguarding, criminal offence data: never → consent.
    Rule* opened = ruleOf(next, QStringLiteral("safeguarding"), QStringLiteral("voluntary_sector"),
                          DataCategory::CriminalOffence);
    QVERIFY(opened);
    QCOMPARE(opened->basis, ConsentBasis::Never);
    opened->basis = ConsentBasis::Consent;
    opened->lawfulBasis = QStringLiteral("art6_1_e");
    opened->retention = QStringLiteral("Until the case closes");
    // Children's trust, safeguarding, personal data: shareable → never.
    Rule* closed = ruleOf(next, QStringLiteral("safeguarding"), QStringLiteral("childrens_trust"),
                          DataCategory::Personal);
    QVERIFY(closed);
    QVERIFY(closed->basis != ConsentBasis::Never);
    closed->basis = ConsentBasis::Never;

    const QList<AgreementChange> changes = diffAgreements(m_base, next);

    // The party types are listed with the children's trust before the
    // voluntary sector, so its changes come first.
    const QList<QString> closedFields = fieldsOfCategory(DataCategory::Personal);
    const QList<QString> openedFields = fieldsOfCategory(DataCategory::CriminalOffence);
    QCOMPARE(fieldIdsOf(changes), closedFields + openedFields);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const AgreementChange& change = changes.at(i);
        QCOMPARE(change.purpose, QStringLiteral("safeguarding"));
        if (i < closedFields.size()) {
            QCOMPARE(change.recipientPartyType, QStringLiteral("childrens_trust"));
            QCOMPARE(change.category, DataCategory::Personal);
            QCOMPARE(change.kind, AgreementChangeKind::StopsBeingShareable);
            QVERIFY(change.before && change.after);
            QCOMPARE(change.after->basis, ConsentBasis::Never);
        } else {
            QCOMPARE(change.recipientPartyType, QStringLiteral("voluntary_sector"));
            QCOMPARE(change.category, DataCategory::CriminalOffence);
            QCOMPARE(change.kind, AgreementChangeKind::BecomesShareable);
            QVERIFY(change.before && change.after);
            QCOMPARE(change.before->basis, ConsentBasis::Never);
            QCOMPARE(change.after->clauseId, opened->clauseId);
        }
    }
    QVERIFY(closedFields.contains(QStringLiteral("caseNote.text")));
    QVERIFY(openedFields.contains(QStringLiteral("caseNote.text")));
}

void TestAgreementDiff::ruleTextAloneIsNoChange() {
    Agreement next = m_base;
    Rule* rule =
        ruleOf(next, QStringLiteral("safeguarding"), QStringLiteral("school"), DataCategory::Personal);
    QVERIFY(rule);
    rule->text = QStringLiteral("The same rule in other words.");
    rule->clauseId = QStringLiteral("S-renumbered");

    QVERIFY(diffAgreements(m_base, next).isEmpty());
}

void TestAgreementDiff::neverAndMissingRuleAreEqual() {
    Agreement next = m_base;
    const qsizetype before = next.rules.size();
    next.rules.removeIf([](const Rule& rule) { return rule.basis == ConsentBasis::Never; });
    QVERIFY(next.rules.size() < before);

    QVERIFY(diffAgreements(m_base, next).isEmpty());
}

void TestAgreementDiff::termsChanged() {
    Agreement next = m_base;
    Rule* rule =
        ruleOf(next, QStringLiteral("safeguarding"), QStringLiteral("school"), DataCategory::SpecialCategory);
    QVERIFY(rule);
    QVERIFY(rule->basis != ConsentBasis::Never);
    const QString oldRetention = rule->retention;
    rule->retention = QStringLiteral("One year after the case closes");

    QList<AgreementChange> changes = diffAgreements(m_base, next);

    QCOMPARE(fieldIdsOf(changes), fieldsOfCategory(DataCategory::SpecialCategory));
    for (const AgreementChange& change : changes) {
        QCOMPARE(change.kind, AgreementChangeKind::TermsChanged);
        QCOMPARE(change.recipientPartyType, QStringLiteral("school"));
        QCOMPARE(change.category, DataCategory::SpecialCategory);
        QCOMPARE(change.before->retention, oldRetention);
        QCOMPARE(change.after->retention, QStringLiteral("One year after the case closes"));
    }

    // A different consent basis that is still shareable is a change of terms too.
    rule->retention = oldRetention;
    rule->basis =
        rule->basis == ConsentBasis::Consent ? ConsentBasis::ConsentOrOverride : ConsentBasis::Consent;
    changes = diffAgreements(m_base, next);
    QCOMPARE(fieldIdsOf(changes), fieldsOfCategory(DataCategory::SpecialCategory));
    QVERIFY(std::all_of(changes.cbegin(), changes.cend(), [](const AgreementChange& change) {
        return change.kind == AgreementChangeKind::TermsChanged;
    }));
}

void TestAgreementDiff::purposeAdded() {
    Agreement next = m_base;
    next.purposes.append(Purpose{QStringLiteral("education"), QStringLiteral("Education")});
    Rule rule;
    rule.clauseId = QStringLiteral("E-school-personal");
    rule.purpose = QStringLiteral("education");
    rule.recipientPartyType = QStringLiteral("school");
    rule.category = DataCategory::Personal;
    rule.basis = ConsentBasis::Consent;
    rule.lawfulBasis = QStringLiteral("art6_1_e");
    rule.retention = QStringLiteral("Until the pupil leaves");
    next.rules.append(rule);

    const QList<AgreementChange> added = diffAgreements(m_base, next);
    QCOMPARE(fieldIdsOf(added), fieldsOfCategory(DataCategory::Personal));
    for (const AgreementChange& change : added) {
        QCOMPARE(change.purpose, QStringLiteral("education"));
        QCOMPARE(change.recipientPartyType, QStringLiteral("school"));
        QCOMPARE(change.kind, AgreementChangeKind::BecomesShareable);
        QVERIFY(!change.before);
        QCOMPARE(change.after->clauseId, QStringLiteral("E-school-personal"));
    }

    // Going back removes the purpose, and the same fields stop being shareable.
    const QList<AgreementChange> removed = diffAgreements(next, m_base);
    QCOMPARE(fieldIdsOf(removed), fieldsOfCategory(DataCategory::Personal));
    for (const AgreementChange& change : removed) {
        QCOMPARE(change.kind, AgreementChangeKind::StopsBeingShareable);
        QVERIFY(!change.after);
    }
}

void TestAgreementDiff::partyTypeRemoved() {
    Agreement next = m_base;
    next.partyTypes.removeIf([](const PartyType& type) { return type.code == u"police"; });
    next.rules.removeIf([](const Rule& rule) { return rule.recipientPartyType == u"police"; });

    // Police may receive every category for safeguarding under the bundled
    // agreement, and nothing for the other purposes.
    QList<QString> expected;
    QList<DataCategory> expectedCategories;
    for (const FieldDefinition& field : fieldCatalogue()) {
        const QList<DataCategory> categories =
            field.category ? QList<DataCategory>{*field.category}
                           : QList<DataCategory>{DataCategory::Personal, DataCategory::SpecialCategory,
                                                 DataCategory::CriminalOffence};
        for (DataCategory category : categories) {
            expected.append(field.id.toString());
            expectedCategories.append(category);
        }
    }

    const QList<AgreementChange> changes = diffAgreements(m_base, next);

    QCOMPARE(fieldIdsOf(changes), expected);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        QCOMPARE(changes.at(i).recipientPartyType, QStringLiteral("police"));
        QCOMPARE(changes.at(i).purpose, QStringLiteral("safeguarding"));
        QCOMPARE(changes.at(i).category, expectedCategories.at(i));
        QCOMPARE(changes.at(i).kind, AgreementChangeKind::StopsBeingShareable);
    }
}

void TestAgreementDiff::kindCodes() {
    QCOMPARE(agreementChangeKindCode(AgreementChangeKind::BecomesShareable),
             QStringLiteral("becomes-shareable"));
    QCOMPARE(agreementChangeKindCode(AgreementChangeKind::StopsBeingShareable),
             QStringLiteral("stops-being-shareable"));
    QCOMPARE(agreementChangeKindCode(AgreementChangeKind::TermsChanged), QStringLiteral("terms-changed"));
}

QTEST_GUILESS_MAIN(TestAgreementDiff)
#include "tst_agreementdiff.moc"
