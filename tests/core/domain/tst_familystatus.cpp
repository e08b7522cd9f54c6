#include "domain/familystatus.h"

#include <QTest>

using namespace earlyhelp;

namespace {

// The error message of result, or nothing when result has a value. QVERIFY2
// evaluates its message even when the check passes, so it must not call
// error() on a value.
template <typename T> QByteArray failureText(const Result<T>& result) {
    return result.has_value() ? QByteArray() : result.error().message.toUtf8();
}

} // namespace

class TestFamilyStatus : public QObject {
    Q_OBJECT

private slots:
    void transitionTable_data();
    void transitionTable();
    void rejectsFutureDate();
    void acceptsToday();
    void rejectsDateBeforePreviousChange();
    void acceptsSameDayAsPreviousChange();
    void acceptsFirstChangeWithoutPreviousDate();
    void rejectsMissingDate();
    void rejectsWhiteSpaceReason();
    void namesReasonForClosing();
    void namesReasonForReopening();
    void codesRoundTrip_data();
    void codesRoundTrip();
    void unknownCodeGivesNothing();

private:
    FamilyStatusChange change(FamilyStatus from, FamilyStatus to, const QString& reason) const;

    const QDate m_today{2026, 12, 4};
};

FamilyStatusChange TestFamilyStatus::change(FamilyStatus from, FamilyStatus to, const QString& reason) const {
    return FamilyStatusChange{from, to, m_today.addDays(-1), reason, m_today.addDays(-30)};
}

void TestFamilyStatus::transitionTable_data() {
    QTest::addColumn<FamilyStatus>("from");
    QTest::addColumn<FamilyStatus>("to");
    QTest::addColumn<TransitionRule>("rule");

    using enum FamilyStatus;
    using enum TransitionRule;

    QTest::newRow("open to open") << Open << Open << Rejected;
    QTest::newRow("open to stepped up") << Open << SteppedUp << AllowedWithReason;
    QTest::newRow("open to stepped down") << Open << SteppedDown << Rejected;
    QTest::newRow("open to closed") << Open << Closed << AllowedWithReason;

    QTest::newRow("stepped up to open") << SteppedUp << Open << Rejected;
    QTest::newRow("stepped up to stepped up") << SteppedUp << SteppedUp << Rejected;
    QTest::newRow("stepped up to stepped down") << SteppedUp << SteppedDown << Allowed;
    QTest::newRow("stepped up to closed") << SteppedUp << Closed << AllowedWithReason;

    QTest::newRow("stepped down to open") << SteppedDown << Open << Rejected;
    QTest::newRow("stepped down to stepped up") << SteppedDown << SteppedUp << AllowedWithReason;
    QTest::newRow("stepped down to stepped down") << SteppedDown << SteppedDown << Rejected;
    QTest::newRow("stepped down to closed") << SteppedDown << Closed << AllowedWithReason;

    QTest::newRow("closed to open") << Closed << Open << AllowedWithReason;
    QTest::newRow("closed to stepped up") << Closed << SteppedUp << Rejected;
    QTest::newRow("closed to stepped down") << Closed << SteppedDown << AllowedWithReason;
    QTest::newRow("closed to closed") << Closed << Closed << Rejected;
}

void TestFamilyStatus::transitionTable() {
    QFETCH(FamilyStatus, from);
    QFETCH(FamilyStatus, to);
    QFETCH(TransitionRule, rule);

    QCOMPARE(familyStatusTransitionRule(from, to), rule);

    const Status withReason = checkFamilyStatusChange(change(from, to, QStringLiteral("Needs met")), m_today);
    const Status withoutReason = checkFamilyStatusChange(change(from, to, QString()), m_today);

    switch (rule) {
    case TransitionRule::Rejected:
        QVERIFY(!withReason.has_value());
        QVERIFY(!withoutReason.has_value());
        QVERIFY2(withReason.error().message.contains(familyStatusLabel(from)),
                 failureText(withReason).constData());
        if (from == to)
            QVERIFY2(withReason.error().message.contains(u"already"), failureText(withReason).constData());
        else
            QVERIFY2(withReason.error().message.contains(familyStatusLabel(to)),
                     failureText(withReason).constData());
        break;
    case TransitionRule::Allowed:
        QVERIFY2(withReason.has_value(), failureText(withReason).constData());
        QVERIFY2(withoutReason.has_value(), failureText(withoutReason).constData());
        break;
    case TransitionRule::AllowedWithReason:
        QVERIFY2(withReason.has_value(), failureText(withReason).constData());
        QVERIFY(!withoutReason.has_value());
        QVERIFY2(withoutReason.error().message.contains(u"reason"), failureText(withoutReason).constData());
        break;
    }
}

void TestFamilyStatus::rejectsFutureDate() {
    FamilyStatusChange closing =
        change(FamilyStatus::Open, FamilyStatus::Closed, QStringLiteral("Needs met"));
    closing.date = m_today.addDays(1);

    const Status status = checkFamilyStatusChange(closing, m_today);
    QVERIFY(!status.has_value());
    QCOMPARE(status.error().code, ErrorCode::InvalidInput);
    QVERIFY2(status.error().message.contains(u"05/12/2026, is in the future"),
             failureText(status).constData());
}

void TestFamilyStatus::acceptsToday() {
    FamilyStatusChange closing =
        change(FamilyStatus::Open, FamilyStatus::Closed, QStringLiteral("Needs met"));
    closing.date = m_today;

    const Status status = checkFamilyStatusChange(closing, m_today);
    QVERIFY2(status.has_value(), failureText(status).constData());
}

void TestFamilyStatus::rejectsDateBeforePreviousChange() {
    FamilyStatusChange stepDown = change(FamilyStatus::SteppedUp, FamilyStatus::SteppedDown, QString());
    stepDown.previousChangeDate = QDate(2026, 11, 20);
    stepDown.date = QDate(2026, 11, 19);

    const Status status = checkFamilyStatusChange(stepDown, m_today);
    QVERIFY(!status.has_value());
    QVERIFY2(
        status.error().message.contains(u"19/11/2026, is before the previous status change on 20/11/2026"),
        failureText(status).constData());
}

void TestFamilyStatus::acceptsSameDayAsPreviousChange() {
    FamilyStatusChange stepDown = change(FamilyStatus::SteppedUp, FamilyStatus::SteppedDown, QString());
    stepDown.previousChangeDate = QDate(2026, 11, 20);
    stepDown.date = QDate(2026, 11, 20);

    const Status status = checkFamilyStatusChange(stepDown, m_today);
    QVERIFY2(status.has_value(), failureText(status).constData());
}

void TestFamilyStatus::acceptsFirstChangeWithoutPreviousDate() {
    FamilyStatusChange stepUp =
        change(FamilyStatus::Open, FamilyStatus::SteppedUp, QStringLiteral("Referral"));
    stepUp.previousChangeDate = QDate();
    stepUp.date = QDate(2001, 1, 1);

    const Status status = checkFamilyStatusChange(stepUp, m_today);
    QVERIFY2(status.has_value(), failureText(status).constData());
}

void TestFamilyStatus::rejectsMissingDate() {
    FamilyStatusChange closing =
        change(FamilyStatus::Open, FamilyStatus::Closed, QStringLiteral("Needs met"));
    closing.date = QDate();

    const Status status = checkFamilyStatusChange(closing, m_today);
    QVERIFY(!status.has_value());
    QVERIFY2(status.error().message.contains(u"date of the change to Closed is missing"),
             failureText(status).constData());
}

void TestFamilyStatus::rejectsWhiteSpaceReason() {
    const Status status = checkFamilyStatusChange(
        change(FamilyStatus::Open, FamilyStatus::SteppedUp, QStringLiteral(" \n ")), m_today);
    QVERIFY(!status.has_value());
    QCOMPARE(status.error().message,
             QStringLiteral(
                 "The reason for the change from Open to Stepped up to social care is missing. Enter why "
                 "the status is changing."));
}

void TestFamilyStatus::namesReasonForClosing() {
    const Status status =
        checkFamilyStatusChange(change(FamilyStatus::SteppedDown, FamilyStatus::Closed, QString()), m_today);
    QVERIFY(!status.has_value());
    QCOMPARE(status.error().message,
             QStringLiteral("The reason for closing the case is missing. Enter why the case is closing."));
}

void TestFamilyStatus::namesReasonForReopening() {
    const Status status =
        checkFamilyStatusChange(change(FamilyStatus::Closed, FamilyStatus::Open, QString()), m_today);
    QVERIFY(!status.has_value());
    QCOMPARE(status.error().message,
             QStringLiteral(
                 "The reason for reopening the case as Open is missing. Enter why the case is reopening."));
}

void TestFamilyStatus::codesRoundTrip_data() {
    QTest::addColumn<FamilyStatus>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("open") << FamilyStatus::Open << QStringLiteral("open");
    QTest::newRow("stepped up") << FamilyStatus::SteppedUp << QStringLiteral("stepped_up");
    QTest::newRow("stepped down") << FamilyStatus::SteppedDown << QStringLiteral("stepped_down");
    QTest::newRow("closed") << FamilyStatus::Closed << QStringLiteral("closed");
}

void TestFamilyStatus::codesRoundTrip() {
    QFETCH(FamilyStatus, status);
    QFETCH(QString, code);

    QCOMPARE(familyStatusCode(status).toString(), code);
    QCOMPARE(familyStatusFromCode(code), std::optional(status));
    QVERIFY(!familyStatusLabel(status).isEmpty());
}

void TestFamilyStatus::unknownCodeGivesNothing() {
    QVERIFY(!familyStatusFromCode(u"").has_value());
    QVERIFY(!familyStatusFromCode(u"Open").has_value());
    QVERIFY(!familyStatusFromCode(u"stepped up").has_value());
    QVERIFY(!familyStatusFromCode(u"reopened").has_value());
}

QTEST_GUILESS_MAIN(TestFamilyStatus)
#include "tst_familystatus.moc"
