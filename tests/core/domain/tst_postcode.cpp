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

class TestPostcode : public QObject {
    Q_OBJECT

private slots:
    void acceptsPostcode_data();
    void acceptsPostcode();
    void rejectsPostcode_data();
    void rejectsPostcode();
};

void TestPostcode::acceptsPostcode_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("postcode");

    QTest::newRow("AA99 9AA B11 4QT") << QStringLiteral("B11 4QT") << QStringLiteral("B11 4QT");
    QTest::newRow("A99 9AA B10 0XJ") << QStringLiteral("B10 0XJ") << QStringLiteral("B10 0XJ");
    QTest::newRow("AA9A 9AA EC1A 1BB") << QStringLiteral("EC1A 1BB") << QStringLiteral("EC1A 1BB");
    QTest::newRow("A9A 9AA W1A 0AX") << QStringLiteral("W1A 0AX") << QStringLiteral("W1A 0AX");
    QTest::newRow("A9 9AA M1 1AE") << QStringLiteral("M1 1AE") << QStringLiteral("M1 1AE");
    QTest::newRow("AA9 9AA CR2 6XH") << QStringLiteral("CR2 6XH") << QStringLiteral("CR2 6XH");
    QTest::newRow("AA99 9AA DN55 1PT") << QStringLiteral("DN55 1PT") << QStringLiteral("DN55 1PT");
    QTest::newRow("GIR 0AA") << QStringLiteral("GIR 0AA") << QStringLiteral("GIR 0AA");
    QTest::newRow("lower case without space") << QStringLiteral("b111qt") << QStringLiteral("B11 1QT");
    QTest::newRow("gir0aa") << QStringLiteral("gir0aa") << QStringLiteral("GIR 0AA");
    QTest::newRow("mixed case") << QStringLiteral("Ec1a 1Bb") << QStringLiteral("EC1A 1BB");
    QTest::newRow("several spaces") << QStringLiteral("  DN55   1PT ") << QStringLiteral("DN55 1PT");
    QTest::newRow("space in the wrong place") << QStringLiteral("B114 QT") << QStringLiteral("B11 4QT");
}

void TestPostcode::acceptsPostcode() {
    QFETCH(QString, text);
    QFETCH(QString, postcode);

    const Result<QString> normalised = normalisePostcode(text);
    QVERIFY2(normalised.has_value(), failureText(normalised).constData());
    QCOMPARE(*normalised, postcode);
}

void TestPostcode::rejectsPostcode_data() {
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("outward code only") << QStringLiteral("B11");
    QTest::newRow("inward code only") << QStringLiteral("4QT");
    QTest::newRow("inward code with two digits") << QStringLiteral("B11 44T");
    QTest::newRow("inward code starting with a letter") << QStringLiteral("B11 Q4T");
    QTest::newRow("outward code of three letters") << QStringLiteral("ABC 1AA");
    QTest::newRow("outward code of three digits") << QStringLiteral("B111 1QT");
    QTest::newRow("outward code starting with a digit") << QStringLiteral("1B1 1QT");
    QTest::newRow("AA9AA is too long") << QStringLiteral("EC1AB 1BB");
    QTest::newRow("hyphen") << QStringLiteral("B11-4QT");
    QTest::newRow("letter O for zero in inward code") << QStringLiteral("B10 OXJ");
    QTest::newRow("full-width letters") << QStringLiteral("\uFF22\uFF11\uFF11 4QT");
    QTest::newRow("GIR with other inward code") << QStringLiteral("GIR 1AA");
    QTest::newRow("overseas territory ASCN 1ZZ") << QStringLiteral("ASCN 1ZZ");
}

void TestPostcode::rejectsPostcode() {
    QFETCH(QString, text);

    const Result<QString> normalised = normalisePostcode(text);
    QVERIFY(!normalised.has_value());
    QCOMPARE(normalised.error().code, ErrorCode::InvalidInput);
    QVERIFY(!normalised.error().message.isEmpty());
    if (text.isEmpty())
        QVERIFY2(normalised.error().message.contains(u"missing"), failureText(normalised).constData());
    else
        QVERIFY2(normalised.error().message.contains(text), failureText(normalised).constData());
}

QTEST_GUILESS_MAIN(TestPostcode)
#include "tst_postcode.moc"
