#include "domain/validators.h"

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

// The valid numbers below were computed with the modulus 11 rule: weights 10
// down to 2 over the first nine digits, check digit 11 minus the sum modulo
// 11, where 11 gives 0.
class TestNhsNumber : public QObject {
    Q_OBJECT

private slots:
    void acceptsValidNumber_data();
    void acceptsValidNumber();
    void rejectsInvalidNumber_data();
    void rejectsInvalidNumber();
    void checkDigitOfFirstNine_data();
    void checkDigitOfFirstNine();
};

void TestNhsNumber::acceptsValidNumber_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("digits");

    QTest::newRow("digits together") << QStringLiteral("9434765919") << QStringLiteral("9434765919");
    QTest::newRow("3-3-4 with spaces") << QStringLiteral("943 476 5919") << QStringLiteral("9434765919");
    QTest::newRow("3-3-4 with hyphens") << QStringLiteral("401-023-2137") << QStringLiteral("4010232137");
    QTest::newRow("space and hyphen") << QStringLiteral("485 777-3457") << QStringLiteral("4857773457");
    QTest::newRow("check value 11 gives 0") << QStringLiteral("4857773090") << QStringLiteral("4857773090");
    QTest::newRow("check digit 6") << QStringLiteral("6000000006") << QStringLiteral("6000000006");
    QTest::newRow("check digit 3") << QStringLiteral("3111111113") << QStringLiteral("3111111113");
    QTest::newRow("white space around") << QStringLiteral("  943 476 5919\n") << QStringLiteral("9434765919");
}

void TestNhsNumber::acceptsValidNumber() {
    QFETCH(QString, text);
    QFETCH(QString, digits);

    const Result<QString> number = normaliseNhsNumber(text);
    QVERIFY2(number.has_value(), failureText(number).constData());
    QCOMPARE(*number, digits);
}

void TestNhsNumber::rejectsInvalidNumber_data() {
    QTest::addColumn<QString>("text");
    // A phrase that only the message for this fault contains.
    QTest::addColumn<QString>("fault");

    QTest::newRow("empty") << QString() << QStringLiteral("is missing");
    QTest::newRow("spaces only") << QStringLiteral("   ") << QStringLiteral("is missing");
    QTest::newRow("nine digits") << QStringLiteral("943476591") << QStringLiteral("has 9 digits");
    QTest::newRow("eleven digits") << QStringLiteral("94347659190") << QStringLiteral("has 11 digits");
    QTest::newRow("nine digits grouped") << QStringLiteral("943 476 591") << QStringLiteral("has 9 digits");
    QTest::newRow("letter") << QStringLiteral("943476591O") << QStringLiteral("O is not a digit");
    QTest::newRow("full stop") << QStringLiteral("943.476.5919") << QStringLiteral(". is not a digit");
    QTest::newRow("Arabic-Indic digits")
        << QStringLiteral("\u0669\u0664\u0663\u0664\u0667\u0666\u0665\u0669\u0661\u0669")
        << QStringLiteral("is not a digit");
    QTest::newRow("grouped 2-4-4") << QStringLiteral("94 3476 5919") << QStringLiteral("3, 3 and 4 digits");
    QTest::newRow("two spaces between groups")
        << QStringLiteral("943  476 5919") << QStringLiteral("3, 3 and 4 digits");
    QTest::newRow("check value 10") << QStringLiteral("1234567890") << QStringLiteral("check value of 10");
    QTest::newRow("check value 10, other digits")
        << QStringLiteral("485 777 3040") << QStringLiteral("check value of 10");
    QTest::newRow("last digit changed") << QStringLiteral("9434765918") << QStringLiteral("check digit test");
    QTest::newRow("two digits swapped") << QStringLiteral("9437465919") << QStringLiteral("check digit test");
    QTest::newRow("check value 0 given as 1")
        << QStringLiteral("4857773091") << QStringLiteral("check digit test");
}

void TestNhsNumber::rejectsInvalidNumber() {
    QFETCH(QString, text);
    QFETCH(QString, fault);

    const Result<QString> number = normaliseNhsNumber(text);
    QVERIFY(!number.has_value());
    QCOMPARE(number.error().code, ErrorCode::InvalidInput);
    QVERIFY2(number.error().message.contains(fault), failureText(number).constData());
    if (!text.trimmed().isEmpty())
        QVERIFY2(number.error().message.contains(text.trimmed()), failureText(number).constData());
}

void TestNhsNumber::checkDigitOfFirstNine_data() {
    QTest::addColumn<QString>("firstNine");
    QTest::addColumn<int>("checkDigit"); // -1 when there is none

    QTest::newRow("943476591 gives 9") << QStringLiteral("943476591") << 9;
    QTest::newRow("sum divisible by 11 gives 0") << QStringLiteral("485777309") << 0;
    QTest::newRow("all zeros give 0") << QStringLiteral("000000000") << 0;
    QTest::newRow("123456789 gives 10, none") << QStringLiteral("123456789") << -1;
    QTest::newRow("eight digits") << QStringLiteral("94347659") << -1;
    QTest::newRow("letter") << QStringLiteral("94347659A") << -1;
}

void TestNhsNumber::checkDigitOfFirstNine() {
    QFETCH(QString, firstNine);
    QFETCH(int, checkDigit);

    const std::optional<int> computed = nhsNumberCheckDigit(firstNine);
    if (checkDigit < 0) {
        QVERIFY(!computed.has_value());
    } else {
        QVERIFY(computed.has_value());
        QCOMPARE(*computed, checkDigit);
    }
}

QTEST_GUILESS_MAIN(TestNhsNumber)
#include "tst_nhsnumber.moc"
