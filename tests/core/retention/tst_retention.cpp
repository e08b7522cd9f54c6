#include "retention/retentionlist.h"

#include "retentiontesthelpers.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::retention;
using namespace earlyhelp::testing;

class TestRetention : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void schoolFileDueAtTwentyFifthBirthday();
    void trustCaseDueSixYearsAfterClosure();
    void openCaseHasNoDate();
    void receivedRecordsCappedBySender();
    void receivedRecordsKeepOwnEarlierDate();
    void reviewHidesItemUntilDate();
    void reviewRejectsBadInput();
    void reviewNeedsRetentionDate();

private:
    [[nodiscard]] RetentionList makeList() { return RetentionList(*m_fixture.store, *m_agreement, m_fixture.options()); }
    [[nodiscard]] QList<DueItem> dueWithin(int days);

    CaseworkFixture m_fixture;
    std::optional<policy::Agreement> m_agreement;
};

void TestRetention::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_agreement = bundledAgreement();
    QVERIFY(m_agreement.has_value());
}

void TestRetention::cleanup() {
    m_fixture.tearDown();
}

QList<DueItem> TestRetention::dueWithin(int days) {
    Result<QList<DueItem>> items = makeList().due(days);
    if (!items) {
        qWarning("due() failed: %s", qUtf8Printable(items.error().message));
        return {};
    }
    return *items;
}

// The fixture's today is 04/12/2026. A school keeps a child's file until the
// child's 25th birthday, then reviews it.
void TestRetention::schoolFileDueAtTwentyFifthBirthday() {
    Store& store = *m_fixture.store;
    QVERIFY(setLocalPartyType(store, QStringLiteral("school")));
    const QString family = insertFamilyRow(store, m_fixture.orgId, QStringLiteral("Ashby family"));
    const QString soon = insertPersonRow(store, m_fixture.orgId, QStringLiteral("Kit"), QStringLiteral("Ashby"),
                                         QStringLiteral("2001-12-20"));
    const QString later = insertPersonRow(store, m_fixture.orgId, QStringLiteral("Rae"), QStringLiteral("Ashby"),
                                          QStringLiteral("2010-04-01"));
    const QString adult = insertPersonRow(store, m_fixture.orgId, QStringLiteral("Jo"), QStringLiteral("Ashby"),
                                          QStringLiteral("1980-01-01"));
    QVERIFY(!insertMember(store, m_fixture.orgId, family, soon, QStringLiteral("child")).isEmpty());
    QVERIFY(!insertMember(store, m_fixture.orgId, family, later, QStringLiteral("child")).isEmpty());
    QVERIFY(!insertMember(store, m_fixture.orgId, family, adult, QStringLiteral("adult")).isEmpty());

    QVERIFY(dueWithin(15).isEmpty());

    const QList<DueItem> items = dueWithin(16);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().subjectType, SubjectType::Person);
    QCOMPARE(items.first().subjectId, soon);
    QCOMPARE(items.first().displayName, QStringLiteral("Kit Ashby"));
    QCOMPARE(items.first().dueDate, QDate(2026, 12, 20));
    QCOMPARE(items.first().action, policy::RetentionAction::Review);
    QCOMPARE(items.first().clauseIds, QStringList{QStringLiteral("R-school-safeguarding-file")});
    QVERIFY(items.first().receivedFrom.isEmpty());

    const Result<std::optional<DueItem>> laterItem = makeList().itemFor(SubjectType::Person, later);
    EARLYHELP_VERIFY_OK(laterItem);
    QVERIFY(laterItem->has_value());
    QCOMPARE((*laterItem)->dueDate, QDate(2035, 4, 1));
}

// The children's trust keeps a closed case's records for 6 years after the
// case closes, then deletes them.
void TestRetention::trustCaseDueSixYearsAfterClosure() {
    Store& store = *m_fixture.store;
    QVERIFY(setLocalPartyType(store, QStringLiteral("childrens_trust")));
    const QString past = insertFamilyRow(store, m_fixture.orgId, QStringLiteral("Bell family"));
    const QString future = insertFamilyRow(store, m_fixture.orgId, QStringLiteral("Cole family"));
    QVERIFY(closeFamily(store, m_fixture.orgId, past, QStringLiteral("2020-11-30")));
    QVERIFY(closeFamily(store, m_fixture.orgId, future, QStringLiteral("2021-06-01")));

    const QList<DueItem> items = dueWithin(0);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().subjectType, SubjectType::Family);
    QCOMPARE(items.first().subjectId, past);
    QCOMPARE(items.first().displayName, QStringLiteral("Bell family"));
    QCOMPARE(items.first().dueDate, QDate(2026, 11, 30));
    QCOMPARE(items.first().action, policy::RetentionAction::Delete);
    QCOMPARE(items.first().clauseIds, QStringList{QStringLiteral("R-childrens-trust-case")});

    const QList<DueItem> ahead = dueWithin(365);
    QCOMPARE(ahead.size(), 2);
    QCOMPARE(ahead.at(1).subjectId, future);
    QCOMPARE(ahead.at(1).dueDate, QDate(2027, 6, 1));
}

void TestRetention::openCaseHasNoDate() {
    Store& store = *m_fixture.store;
    QVERIFY(setLocalPartyType(store, QStringLiteral("local_authority")));
    const QString open = insertFamilyRow(store, m_fixture.orgId, QStringLiteral("Dunn family"));

    QVERIFY(dueWithin(100000).isEmpty());
    const Result<std::optional<DueItem>> item = makeList().itemFor(SubjectType::Family, open);
    EARLYHELP_VERIFY_OK(item);
    QVERIFY(!item->has_value());
}

// A school holding a child's records received from the children's trust:
// its own date is the 25th birthday in 2035, but the trust keeps them only
// 6 years after the case closed in 2019, so the trust's date applies.
void TestRetention::receivedRecordsCappedBySender() {
    Store& store = *m_fixture.store;
    QVERIFY(setLocalPartyType(store, QStringLiteral("school")));
    const QString trust = insertOrganisation(store, QStringLiteral("Birmingham Children's Trust"),
                                             QStringLiteral("childrens_trust"));
    QVERIFY(!trust.isEmpty());
    const QString family = insertFamilyRow(store, trust, QStringLiteral("Evans family"));
    const QString child = insertPersonRow(store, trust, QStringLiteral("Lou"), QStringLiteral("Evans"),
                                          QStringLiteral("2010-02-14"));
    QVERIFY(!insertMember(store, trust, family, child, QStringLiteral("child")).isEmpty());
    QVERIFY(closeFamily(store, trust, family, QStringLiteral("2019-05-01")));

    const QList<DueItem> items = dueWithin(0);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().subjectId, child);
    QCOMPARE(items.first().dueDate, QDate(2025, 5, 1));
    QCOMPARE(items.first().action, policy::RetentionAction::Delete);
    QCOMPARE(items.first().clauseIds,
             (QStringList{QStringLiteral("R-childrens-trust-case"), QStringLiteral("R-received-records")}));
    QCOMPARE(items.first().receivedFrom, QStringLiteral("Birmingham Children's Trust"));
}

// The children's trust holding a family received from a school: 6 years
// after closure comes before the youngest child's 25th birthday, so the
// trust's own date applies, citing the received-records clause too.
void TestRetention::receivedRecordsKeepOwnEarlierDate() {
    Store& store = *m_fixture.store;
    QVERIFY(setLocalPartyType(store, QStringLiteral("childrens_trust")));
    const QString school =
        insertOrganisation(store, QStringLiteral("Larkspur Lane Primary School"), QStringLiteral("school"));
    const QString family = insertFamilyRow(store, school, QStringLiteral("Ford family"));
    const QString child = insertPersonRow(store, school, QStringLiteral("Ash"), QStringLiteral("Ford"),
                                          QStringLiteral("2012-07-07"));
    QVERIFY(!insertMember(store, school, family, child, QStringLiteral("child")).isEmpty());
    QVERIFY(closeFamily(store, school, family, QStringLiteral("2020-01-10")));

    const QList<DueItem> items = dueWithin(0);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().subjectType, SubjectType::Family);
    QCOMPARE(items.first().dueDate, QDate(2026, 1, 10));
    QCOMPARE(items.first().action, policy::RetentionAction::Delete);
    QCOMPARE(items.first().clauseIds,
             (QStringList{QStringLiteral("R-childrens-trust-case"), QStringLiteral("R-received-records")}));
    QCOMPARE(items.first().receivedFrom, QStringLiteral("Larkspur Lane Primary School"));

    // With the child's 25th birthday before the closure date plus 6 years,
    // the school's date and its review apply instead.
    QVERIFY(exec(store, QStringLiteral("UPDATE person SET date_of_birth = '2000-03-03' WHERE id = ?"), {child}));
    const QList<DueItem> capped = dueWithin(0);
    QCOMPARE(capped.size(), 1);
    QCOMPARE(capped.first().dueDate, QDate(2025, 3, 3));
    QCOMPARE(capped.first().action, policy::RetentionAction::Review);
    QCOMPARE(capped.first().clauseIds,
             (QStringList{QStringLiteral("R-school-safeguarding-file"), QStringLiteral("R-received-records")}));
}

void TestRetention::reviewHidesItemUntilDate() {
    Store& store = *m_fixture.store;
    QVERIFY(setLocalPartyType(store, QStringLiteral("childrens_trust")));
    const QString family = insertFamilyRow(store, m_fixture.orgId, QStringLiteral("Gray family"));
    QVERIFY(closeFamily(store, m_fixture.orgId, family, QStringLiteral("2020-10-01")));
    QCOMPARE(dueWithin(0).size(), 1);

    RetentionList list = makeList();
    const Result<QString> review = list.recordReview(lead, SubjectType::Family, family, QDate(2027, 6, 30),
                                                     QStringLiteral("Sibling's case reopened"));
    EARLYHELP_VERIFY_OK(review);

    QVERIFY(dueWithin(0).isEmpty());
    QVERIFY(dueWithin(207).isEmpty());
    const QList<DueItem> again = dueWithin(208);
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.first().dueDate, QDate(2026, 10, 1));
    QCOMPARE(again.first().keptUntil, QDate(2027, 6, 30));

    m_fixture.now = QDateTime(QDate(2027, 6, 30), QTime(12, 0));
    QCOMPARE(dueWithin(0).size(), 1);

    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM audit_event WHERE action = 'retention' AND "
                                          "family_id = ? AND record_id = ? AND user_name = ?"),
                    {family, *review, lead.user})
                 .toInt(),
             1);

    const Result<QList<Review>> reviews = list.reviews(SubjectType::Family, family);
    EARLYHELP_VERIFY_OK(reviews);
    QCOMPARE(reviews->size(), 1);
    QCOMPARE(reviews->first().id, *review);
    QCOMPARE(reviews->first().reviewedBy, lead.user);
    QCOMPARE(reviews->first().reason, QStringLiteral("Sibling's case reopened"));
    QCOMPARE(reviews->first().dueDate, QDate(2026, 10, 1));
}

void TestRetention::reviewRejectsBadInput() {
    Store& store = *m_fixture.store;
    QVERIFY(setLocalPartyType(store, QStringLiteral("childrens_trust")));
    const QString family = insertFamilyRow(store, m_fixture.orgId, QStringLiteral("Hart family"));
    QVERIFY(closeFamily(store, m_fixture.orgId, family, QStringLiteral("2020-10-01")));
    RetentionList list = makeList();

    const Result<QString> byCaseworker =
        list.recordReview(caseworker, SubjectType::Family, family, QDate(2027, 1, 1), QStringLiteral("Open S47"));
    QVERIFY(!byCaseworker);
    QCOMPARE(byCaseworker.error().code, ErrorCode::PermissionDenied);

    const Result<QString> blank =
        list.recordReview(lead, SubjectType::Family, family, QDate(2027, 1, 1), QStringLiteral("  "));
    QVERIFY(!blank);
    QCOMPARE(blank.error().code, ErrorCode::InvalidInput);

    const Result<QString> today =
        list.recordReview(lead, SubjectType::Family, family, QDate(2026, 12, 4), QStringLiteral("Open S47"));
    QVERIFY(!today);
    QCOMPARE(today.error().code, ErrorCode::InvalidInput);
    QVERIFY2(today.error().message.contains(QStringLiteral("04/12/2026")), qUtf8Printable(today.error().message));

    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM retention_review")).toInt(), 0);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM audit_event WHERE action = 'retention'")).toInt(), 0);
}

void TestRetention::reviewNeedsRetentionDate() {
    Store& store = *m_fixture.store;
    QVERIFY(setLocalPartyType(store, QStringLiteral("childrens_trust")));
    const QString open = insertFamilyRow(store, m_fixture.orgId, QStringLiteral("Iles family"));

    const Result<QString> review =
        makeList().recordReview(lead, SubjectType::Family, open, QDate(2030, 1, 1), QStringLiteral("Open case"));
    QVERIFY(!review);
    QCOMPARE(review.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
