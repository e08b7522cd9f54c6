#include "transfer/transfercode.h"

#include <QRegularExpression>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::transfer;

class TestTransferCode : public QObject {
    Q_OBJECT

private slots:
    void generatedCodeHasFiveGroups();
    void generatedCodesDiffer();
    void canonicalForm_data();
    void canonicalForm();
    void invalidCodeRejected_data();
    void invalidCodeRejected();
};

void TestTransferCode::generatedCodeHasFiveGroups() {
    const QString code = generateTransferCode();
    static const QRegularExpression form(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$"));
    QVERIFY2(form.match(code).hasMatch(), qUtf8Printable(code));
    Result<QString> canonical = canonicalTransferCode(code);
    QVERIFY(canonical.has_value());
    QCOMPARE(canonical->size(), transferCodeLength);
    QCOMPARE(displayTransferCode(*canonical), code);
}

void TestTransferCode::generatedCodesDiffer() {
    // 100 random bits each: a repeat among 50 codes means the generator is
    // not random.
    QSet<QString> codes;
    for (int index = 0; index < 50; ++index)
        codes.insert(generateTransferCode());
    QCOMPARE(codes.size(), 50);
}

void TestTransferCode::canonicalForm_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("display form") << QStringLiteral("7KQ2-MX9D-4TPV-0H3C-W8RB")
                                  << QStringLiteral("7KQ2MX9D4TPV0H3CW8RB");
    QTest::newRow("lower case") << QStringLiteral("7kq2-mx9d-4tpv-0h3c-w8rb") << QStringLiteral("7KQ2MX9D4TPV0H3CW8RB");
    QTest::newRow("spaces, no hyphens") << QStringLiteral(" 7KQ2 MX9D 4TPV 0H3C W8RB ")
                                        << QStringLiteral("7KQ2MX9D4TPV0H3CW8RB");
    QTest::newRow("I, L and O read as digits") << QStringLiteral("7KQ2-MX9D-4TPV-OH3C-WIRL")
                                               << QStringLiteral("7KQ2MX9D4TPV0H3CW1R1");
}

void TestTransferCode::canonicalForm() {
    QFETCH(QString, typed);
    QFETCH(QString, canonical);
    Result<QString> result = canonicalTransferCode(typed);
    QVERIFY2(result.has_value(), qUtf8Printable(result ? QString() : result.error().message));
    QCOMPARE(*result, canonical);
}

void TestTransferCode::invalidCodeRejected_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString()
                           << QStringLiteral("The code has 0 characters, but a transfer code has 20 (without "
                                             "hyphens). Check it with the sending school.");
    QTest::newRow("one short") << QStringLiteral("7KQ2-MX9D-4TPV-0H3C-W8R")
                               << QStringLiteral("The code has 19 characters, but a transfer code has 20 "
                                                 "(without hyphens). Check it with the sending school.");
    QTest::newRow("letter U") << QStringLiteral("7KQ2-MX9D-4TPV-0H3C-W8RU")
                              << QStringLiteral("The code contains \"U\", which is not one of its characters. A "
                                                "code has digits and the letters A to Z without I, L, O and U; "
                                                "check it with the sending school.");
    QTest::newRow("accented letter") << QStringLiteral("7KQ2-MX9D-4TPV-0H3C-W8RÉ")
                                     << QStringLiteral("The code contains \"É\", which is not one of its "
                                                       "characters. A code has digits and the letters A to Z "
                                                       "without I, L, O and U; check it with the sending school.");
}

void TestTransferCode::invalidCodeRejected() {
    QFETCH(QString, typed);
    QFETCH(QString, message);
    Result<QString> result = canonicalTransferCode(typed);
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QCOMPARE(result.error().message, message);
}

QTEST_GUILESS_MAIN(TestTransferCode)
#include "tst_transfercode.moc"
