#include "domain/upn.h"

#include <QTest>

using namespace earlyhelp;

class TestUpn : public QObject {
    Q_OBJECT

private slots:
    void acceptsValidUpn_data();
    void acceptsValidUpn();
    void rejectsInvalidUpn_data();
    void rejectsInvalidUpn();
    void checkLetterOfBody_data();
    void checkLetterOfBody();
    void messageNamesExpectedLetter();
};

void TestUpn::acceptsValidUpn_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("upn");
    QTest::addColumn<UpnStatus>("status");

    QTest::newRow("permanent, check letter A")
        << QStringLiteral("A999123424016") << QStringLiteral("A999123424016") << UpnStatus::Permanent;
    QTest::newRow("permanent, check letter N")
        << QStringLiteral("N999123424026") << QStringLiteral("N999123424026") << UpnStatus::Permanent;
    QTest::newRow("permanent, check letter Y")
        << QStringLiteral("Y999123424005") << QStringLiteral("Y999123424005") << UpnStatus::Permanent;
    QTest::newRow("permanent, check letter Z")
        << QStringLiteral("Z999123424025") << QStringLiteral("Z999123424025") << UpnStatus::Permanent;
    QTest::newRow("temporary ending A")
        << QStringLiteral("N99912342500A") << QStringLiteral("N99912342500A") << UpnStatus::Temporary;
    QTest::newRow("temporary ending B")
        << QStringLiteral("C99912342500B") << QStringLiteral("C99912342500B") << UpnStatus::Temporary;
    QTest::newRow("temporary ending Z, check letter Z")
        << QStringLiteral("Z99912342500Z") << QStringLiteral("Z99912342500Z") << UpnStatus::Temporary;
    QTest::newRow("white space around")
        << QStringLiteral("  Y999123424005\n") << QStringLiteral("Y999123424005") << UpnStatus::Permanent;
    QTest::newRow("lower case") << QStringLiteral("n99912342500a") << QStringLiteral("N99912342500A")
                                << UpnStatus::Temporary;
}

void TestUpn::acceptsValidUpn() {
    QFETCH(QString, text);
    QFETCH(QString, upn);
    QFETCH(UpnStatus, status);

    const UpnCheck check = checkUpn(text);
    QVERIFY2(check.isValid(), qPrintable(check.message));
    QCOMPARE(check.status, status);
    QCOMPARE(check.upn, upn);
    QCOMPARE(check.expectedCheckLetter, upn.at(0));
    QVERIFY(check.message.isEmpty());
}

void TestUpn::rejectsInvalidUpn_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<UpnStatus>("status");
    QTest::addColumn<QChar>("expectedLetter");

    QTest::newRow("empty") << QString() << UpnStatus::Missing << QChar();
    QTest::newRow("spaces only") << QStringLiteral("   ") << UpnStatus::Missing << QChar();
    QTest::newRow("12 characters") << QStringLiteral("Y99912342400") << UpnStatus::WrongLength << QChar();
    QTest::newRow("14 characters") << QStringLiteral("Y9991234240050") << UpnStatus::WrongLength << QChar();
    QTest::newRow("letter inside the digits")
        << QStringLiteral("Y999123A24005") << UpnStatus::InvalidCharacter << QChar();
    QTest::newRow("final letter I is not in the alphabet")
        << QStringLiteral("A99912342500I") << UpnStatus::InvalidCharacter << QChar();
    QTest::newRow("final letter O is not in the alphabet")
        << QStringLiteral("A99912342500O") << UpnStatus::InvalidCharacter << QChar();
    QTest::newRow("final letter S is not in the alphabet")
        << QStringLiteral("A99912342500S") << UpnStatus::InvalidCharacter << QChar();
    QTest::newRow("wrong check letter")
        << QStringLiteral("P999123424026") << UpnStatus::WrongCheckLetter << QChar(u'N');
    QTest::newRow("Y expected, X given")
        << QStringLiteral("X999123424005") << UpnStatus::WrongCheckLetter << QChar(u'Y');
    QTest::newRow("Z expected, Y given")
        << QStringLiteral("Y999123424025") << UpnStatus::WrongCheckLetter << QChar(u'Z');
    QTest::newRow("check letter I is never valid")
        << QStringLiteral("I999123424026") << UpnStatus::WrongCheckLetter << QChar(u'N');
    QTest::newRow("digit where the check letter goes")
        << QStringLiteral("9999123424026") << UpnStatus::WrongCheckLetter << QChar(u'N');
    QTest::newRow("temporary letter counted from 1")
        << QStringLiteral("C99912342500A") << UpnStatus::WrongCheckLetter << QChar(u'N');
}

void TestUpn::rejectsInvalidUpn() {
    QFETCH(QString, text);
    QFETCH(UpnStatus, status);
    QFETCH(QChar, expectedLetter);

    const UpnCheck check = checkUpn(text);
    QVERIFY(!check.isValid());
    QCOMPARE(check.status, status);
    QCOMPARE(check.expectedCheckLetter, expectedLetter);
    QVERIFY(!check.message.isEmpty());
    if (status != UpnStatus::Missing)
        QVERIFY2(check.message.contains(check.upn), qPrintable(check.message));
    if (!expectedLetter.isNull())
        QVERIFY2(check.message.contains(QString(u"should be " + QString(expectedLetter))),
                 qPrintable(check.message));
}

void TestUpn::checkLetterOfBody_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("letter");

    QTest::newRow("all zeros") << QStringLiteral("000000000000") << QStringLiteral("A");
    QTest::newRow("sum 2 gives C") << QStringLiteral("100000000000") << QStringLiteral("C");
    QTest::newRow("sum 22 gives Z") << QStringLiteral("000000000200") << QStringLiteral("Z");
    QTest::newRow("sum 21 gives Y") << QStringLiteral("000003000000") << QStringLiteral("Y");
    QTest::newRow("temporary letter B counts 1") << QStringLiteral("00000000000B") << QStringLiteral("P");
    QTest::newRow("too short") << QStringLiteral("00000000000") << QString();
    QTest::newRow("letter before the end") << QStringLiteral("0000A0000000") << QString();
}

void TestUpn::checkLetterOfBody() {
    QFETCH(QString, body);
    QFETCH(QString, letter);

    const std::optional<QChar> computed = upnCheckLetter(body);
    if (letter.isEmpty()) {
        QVERIFY(!computed.has_value());
    } else {
        QVERIFY(computed.has_value());
        QCOMPARE(QString(*computed), letter);
    }
}

void TestUpn::messageNamesExpectedLetter() {
    const UpnCheck check = checkUpn(u"P999123424026");
    QCOMPARE(
        check.message,
        QStringLiteral(
            "UPN P999123424026: the check letter should be N, not P. Check the UPN in the school's MIS."));
}

QTEST_GUILESS_MAIN(TestUpn)
#include "tst_upn.moc"
