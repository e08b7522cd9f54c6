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

class TestDateOfBirth : public QObject {
    Q_OBJECT

private slots:
    void acceptsDate_data();
    void acceptsDate();
    void rejectsDate_data();
    void rejectsDate();
    void acceptsAnyPastDateWithoutBound();
    void appliesGivenEarliestDate();

private:
    // A fixed current date, so the rows do not change meaning over time.
    const QDate m_today{2026, 12, 4};
};

void TestDateOfBirth::acceptsDate_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("date");

    QTest::newRow("ISO 8601") << QStringLiteral("2015-02-01") << QDate(2015, 2, 1);
    QTest::newRow("UK dd/MM/yyyy") << QStringLiteral("01/02/2015") << QDate(2015, 2, 1);
    QTest::newRow("UK one-digit day and month") << QStringLiteral("1/2/2015") << QDate(2015, 2, 1);
    QTest::newRow("29 Feb in leap year, UK") << QStringLiteral("29/02/2016") << QDate(2016, 2, 29);
    QTest::newRow("29 Feb in leap year, ISO") << QStringLiteral("2020-02-29") << QDate(2020, 2, 29);
    QTest::newRow("29 Feb 2000, century leap year") << QStringLiteral("29/02/2000") << QDate(2000, 2, 29);
    QTest::newRow("31 December") << QStringLiteral("31/12/2010") << QDate(2010, 12, 31);
    QTest::newRow("born today") << QStringLiteral("04/12/2026") << QDate(2026, 12, 4);
    QTest::newRow("earliest bound itself") << QStringLiteral("1900-01-01") << QDate(1900, 1, 1);
    QTest::newRow("white space around") << QStringLiteral(" 01/02/2015 ") << QDate(2015, 2, 1);
}

void TestDateOfBirth::acceptsDate() {
    QFETCH(QString, text);
    QFETCH(QDate, date);

    const Result<QDate> parsed = parseDateOfBirth(text, m_today);
    QVERIFY2(parsed.has_value(), failureText(parsed).constData());
    QCOMPARE(*parsed, date);
}

void TestDateOfBirth::rejectsDate_data() {
    QTest::addColumn<QString>("text");
    // A phrase that only the message for this fault contains.
    QTest::addColumn<QString>("fault");

    QTest::newRow("empty") << QString() << QStringLiteral("is missing");
    QTest::newRow("two-digit year, UK") << QStringLiteral("01/02/15") << QStringLiteral("four digits");
    QTest::newRow("two-digit year, one-digit day")
        << QStringLiteral("1/2/15") << QStringLiteral("four digits");
    QTest::newRow("two-digit year, hyphens") << QStringLiteral("15-02-01") << QStringLiteral("four digits");
    QTest::newRow("31 February") << QStringLiteral("31/02/2015") << QStringLiteral("does not exist");
    QTest::newRow("30 February, ISO") << QStringLiteral("2031-02-30") << QStringLiteral("does not exist");
    QTest::newRow("29 Feb in non-leap year")
        << QStringLiteral("29/02/2015") << QStringLiteral("does not exist");
    QTest::newRow("29 Feb 1900, not a leap year")
        << QStringLiteral("1900-02-29") << QStringLiteral("does not exist");
    QTest::newRow("31 April") << QStringLiteral("31/04/2015") << QStringLiteral("does not exist");
    QTest::newRow("month 13") << QStringLiteral("01/13/2015") << QStringLiteral("does not exist");
    QTest::newRow("day 0") << QStringLiteral("2015-02-00") << QStringLiteral("does not exist");
    QTest::newRow("US order month first") << QStringLiteral("02/30/2015") << QStringLiteral("does not exist");
    QTest::newRow("tomorrow") << QStringLiteral("05/12/2026") << QStringLiteral("in the future");
    QTest::newRow("future year, ISO") << QStringLiteral("2031-02-28") << QStringLiteral("in the future");
    QTest::newRow("before 1900") << QStringLiteral("31/12/1899") << QStringLiteral("before 01/01/1900");
    QTest::newRow("dd-MM-yyyy with hyphens")
        << QStringLiteral("01-02-2015") << QStringLiteral("not in a form");
    QTest::newRow("dots") << QStringLiteral("01.02.2015") << QStringLiteral("not in a form");
    QTest::newRow("three-digit year") << QStringLiteral("01/02/015") << QStringLiteral("not in a form");
    QTest::newRow("ISO one-digit month") << QStringLiteral("2015-2-01") << QStringLiteral("not in a form");
    QTest::newRow("words") << QStringLiteral("1 February 2015") << QStringLiteral("not in a form");
    QTest::newRow("date and time") << QStringLiteral("2015-02-01T00:00") << QStringLiteral("not in a form");
    QTest::newRow("Arabic-Indic digits")
        << QStringLiteral("\u0660\u0661/\u0660\u0662/\u0662\u0660\u0661\u0665")
        << QStringLiteral("not in a form");
}

void TestDateOfBirth::rejectsDate() {
    QFETCH(QString, text);
    QFETCH(QString, fault);

    const Result<QDate> parsed = parseDateOfBirth(text, m_today);
    QVERIFY(!parsed.has_value());
    QCOMPARE(parsed.error().code, ErrorCode::InvalidInput);
    QVERIFY2(parsed.error().message.contains(fault), failureText(parsed).constData());
    if (!text.isEmpty())
        QVERIFY2(parsed.error().message.contains(text), failureText(parsed).constData());
}

void TestDateOfBirth::acceptsAnyPastDateWithoutBound() {
    const Result<QDate> parsed = parseDateOfBirth(u"1850-06-15", m_today, QDate());
    QVERIFY2(parsed.has_value(), failureText(parsed).constData());
    QCOMPARE(*parsed, QDate(1850, 6, 15));
}

void TestDateOfBirth::appliesGivenEarliestDate() {
    const Result<QDate> tooEarly = parseDateOfBirth(u"01/01/2009", m_today, QDate(2010, 1, 1));
    QVERIFY(!tooEarly.has_value());
    QVERIFY2(tooEarly.error().message.contains(u"before 01/01/2010"), failureText(tooEarly).constData());

    const Result<QDate> onBound = parseDateOfBirth(u"01/01/2010", m_today, QDate(2010, 1, 1));
    QVERIFY(onBound.has_value());
}

QTEST_GUILESS_MAIN(TestDateOfBirth)
#include "tst_dateofbirth.moc"
