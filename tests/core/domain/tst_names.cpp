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

class TestNames : public QObject {
    Q_OBJECT

private slots:
    void keepsNameAsGiven_data();
    void keepsNameAsGiven();
    void rejectsMissingRequiredName_data();
    void rejectsMissingRequiredName();
    void acceptsMissingOptionalName();
    void rejectsBadCharacter_data();
    void rejectsBadCharacter();
    void detectsDirection_data();
    void detectsDirection();

private:
    const QString m_label = QStringLiteral("Legal surname");
};

void TestNames::keepsNameAsGiven_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");

    QTest::newRow("Latin with diacritics")
        << QStringLiteral("Zo\u00EB Wi\u015Bniewska") << QStringLiteral("Zo\u00EB Wi\u015Bniewska");
    QTest::newRow("decomposed diacritic kept") << QStringLiteral("Zoe\u0308") << QStringLiteral("Zoe\u0308");
    QTest::newRow("upper case kept") << QStringLiteral("O\u2019BRIEN") << QStringLiteral("O\u2019BRIEN");
    QTest::newRow("lower case kept") << QStringLiteral("van der Berg") << QStringLiteral("van der Berg");
    QTest::newRow("double space inside kept") << QStringLiteral("Mary  Ann") << QStringLiteral("Mary  Ann");
    QTest::newRow("hyphenated") << QStringLiteral("Smith-Jones") << QStringLiteral("Smith-Jones");
    QTest::newRow("Arabic") << QStringLiteral("\u0645\u062D\u0645\u062F")
                            << QStringLiteral("\u0645\u062D\u0645\u062F");
    QTest::newRow("Devanagari") << QStringLiteral("\u092A\u094D\u0930\u093F\u092F\u093E")
                                << QStringLiteral("\u092A\u094D\u0930\u093F\u092F\u093E");
    QTest::newRow("Chinese") << QStringLiteral("\u674E\u534E") << QStringLiteral("\u674E\u534E");
    QTest::newRow("Cyrillic") << QStringLiteral("\u041E\u043B\u0435\u043D\u0430")
                              << QStringLiteral("\u041E\u043B\u0435\u043D\u0430");
    QTest::newRow("Persian with zero-width non-joiner")
        << QStringLiteral("\u0645\u06CC\u200C\u0631\u0636\u0627")
        << QStringLiteral("\u0645\u06CC\u200C\u0631\u0636\u0627");
    QTest::newRow("supplementary-plane character")
        << QStringLiteral("\U00020BB7\u5409") << QStringLiteral("\U00020BB7\u5409");
    QTest::newRow("white space around removed") << QStringLiteral("  Khan\u00A0") << QStringLiteral("Khan");
}

void TestNames::keepsNameAsGiven() {
    QFETCH(QString, text);
    QFETCH(QString, name);

    const Result<QString> checked = normaliseName(text, m_label, NameRequirement::Required);
    QVERIFY2(checked.has_value(), failureText(checked).constData());
    QCOMPARE(*checked, name);
}

void TestNames::rejectsMissingRequiredName_data() {
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("no-break space") << QStringLiteral("\u00A0");
}

void TestNames::rejectsMissingRequiredName() {
    QFETCH(QString, text);

    const Result<QString> checked = normaliseName(text, m_label, NameRequirement::Required);
    QVERIFY(!checked.has_value());
    QCOMPARE(checked.error().code, ErrorCode::InvalidInput);
    QCOMPARE(checked.error().message,
             QStringLiteral("Legal surname is missing. Enter the name as the person writes it."));
}

void TestNames::acceptsMissingOptionalName() {
    const Result<QString> checked = normaliseName(u"  ", m_label, NameRequirement::Optional);
    QVERIFY(checked.has_value());
    QVERIFY(checked->isEmpty());
}

void TestNames::rejectsBadCharacter_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("tab inside") << QStringLiteral("Ali\tKhan")
                                << QStringLiteral("contains a control character (U+0009) at position 4");
    QTest::newRow("line feed inside")
        << QStringLiteral("Ali\nKhan")
        << QStringLiteral("contains a control character (U+000A) at position 4");
    QTest::newRow("null character") << QString(QStringLiteral("Ali") + QChar(u'\0') + QStringLiteral("Khan"))
                                    << QStringLiteral("(U+0000) at position 4");
    QTest::newRow("C1 control") << QStringLiteral("Ali\u0085Khan") << QStringLiteral("(U+0085)");
    QTest::newRow("line separator") << QStringLiteral("Ali\u2028Khan") << QStringLiteral("(U+2028)");
    QTest::newRow("paragraph separator") << QStringLiteral("Ali\u2029Khan") << QStringLiteral("(U+2029)");
    QTest::newRow("lone high surrogate")
        << QString(QStringLiteral("Li") + QChar(0xD842)) << QStringLiteral("damaged character (U+D842");
    QTest::newRow("lone low surrogate")
        << QString(QChar(0xDFB7) + QStringLiteral("Li")) << QStringLiteral("(U+DFB7, half of a");
    QTest::newRow("position counts a surrogate pair as one")
        << QString(QStringLiteral("\U00020BB7") + QChar(u'\t') + QStringLiteral("x"))
        << QStringLiteral("(U+0009) at position 2");
    QTest::newRow("surrogates reversed")
        << QString(QChar(0xDFB7) + QChar(0xD842)) << QStringLiteral("(U+DFB7, half of a");
}

void TestNames::rejectsBadCharacter() {
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const Result<QString> checked = normaliseName(text, m_label, NameRequirement::Optional);
    QVERIFY(!checked.has_value());
    QCOMPARE(checked.error().code, ErrorCode::InvalidInput);
    QVERIFY2(checked.error().message.startsWith(m_label), failureText(checked).constData());
    QVERIFY2(checked.error().message.contains(expected), failureText(checked).constData());
}

void TestNames::detectsDirection_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("rightToLeft");

    QTest::newRow("Arabic") << QStringLiteral("\u0645\u062D\u0645\u062F") << true;
    QTest::newRow("Hebrew") << QStringLiteral("\u05D3\u05D5\u05D3") << true;
    QTest::newRow("Urdu") << QStringLiteral("\u0639\u0627\u0626\u0634\u06C1") << true;
    QTest::newRow("Latin") << QStringLiteral("Smith") << false;
    QTest::newRow("Latin with diacritics") << QStringLiteral("\u00C9lodie") << false;
    QTest::newRow("Cyrillic") << QStringLiteral("\u041E\u043B\u0435\u043D\u0430") << false;
    QTest::newRow("Arabic after digits and spaces") << QStringLiteral("2 \u0645\u062D\u0645\u062F") << true;
    QTest::newRow("Latin first, then Arabic") << QStringLiteral("Ali \u0639\u0644\u064A") << false;
    QTest::newRow("Arabic first, then Latin") << QStringLiteral("\u0639\u0644\u064A Ali") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("digits only") << QStringLiteral("123") << false;
}

void TestNames::detectsDirection() {
    QFETCH(QString, name);
    QFETCH(bool, rightToLeft);

    QCOMPARE(isRightToLeftName(name), rightToLeft);
}

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
