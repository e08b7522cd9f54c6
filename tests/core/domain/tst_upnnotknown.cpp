#include "domain/upn.h"

#include <QTest>

using namespace earlyhelp;

// The reason codes UN1 to UN5 that stand in for a UPN that is not known. The
// check letter itself is tested in tests/core/import/tst_upn.cpp.
class TestUpnNotKnown : public QObject {
    Q_OBJECT

private slots:
    void acceptsReasonCode_data();
    void acceptsReasonCode();
    void rejectsOtherCode_data();
    void rejectsOtherCode();
    void keepsUpnsValid_data();
    void keepsUpnsValid();
};

void TestUpnNotKnown::acceptsReasonCode_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");

    QTest::newRow("UN1") << QStringLiteral("UN1") << QStringLiteral("UN1");
    QTest::newRow("UN2") << QStringLiteral("UN2") << QStringLiteral("UN2");
    QTest::newRow("UN3") << QStringLiteral("UN3") << QStringLiteral("UN3");
    QTest::newRow("UN4") << QStringLiteral("UN4") << QStringLiteral("UN4");
    QTest::newRow("UN5") << QStringLiteral("UN5") << QStringLiteral("UN5");
    QTest::newRow("lower case") << QStringLiteral("un4") << QStringLiteral("UN4");
    QTest::newRow("white space around") << QStringLiteral(" UN2\t") << QStringLiteral("UN2");
}

void TestUpnNotKnown::acceptsReasonCode() {
    QFETCH(QString, text);
    QFETCH(QString, code);

    const UpnCheck check = checkUpn(text);
    QCOMPARE(check.status, UpnStatus::NotKnown);
    QVERIFY(check.isNotKnown());
    QVERIFY(!check.isValid());
    QCOMPARE(check.upn, code);
    QVERIFY(check.expectedCheckLetter.isNull());
    QVERIFY2(check.message.contains(code), qPrintable(check.message));
}

void TestUpnNotKnown::rejectsOtherCode_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<UpnStatus>("status");

    QTest::newRow("UN alone") << QStringLiteral("UN") << UpnStatus::InvalidNotKnownCode;
    QTest::newRow("UN0") << QStringLiteral("UN0") << UpnStatus::InvalidNotKnownCode;
    QTest::newRow("UN6") << QStringLiteral("UN6") << UpnStatus::InvalidNotKnownCode;
    QTest::newRow("UN10") << QStringLiteral("UN10") << UpnStatus::InvalidNotKnownCode;
    QTest::newRow("UNK") << QStringLiteral("UNK") << UpnStatus::InvalidNotKnownCode;
    QTest::newRow("UN1 with space inside") << QStringLiteral("UN 1") << UpnStatus::InvalidNotKnownCode;
    QTest::newRow("UNO, letter O for zero") << QStringLiteral("UNO") << UpnStatus::InvalidNotKnownCode;
    QTest::newRow("13 characters starting UN")
        << QStringLiteral("UN9912342400A") << UpnStatus::InvalidCharacter;
    QTest::newRow("U1 without N") << QStringLiteral("U1") << UpnStatus::WrongLength;
    QTest::newRow("NU1, letters swapped") << QStringLiteral("NU1") << UpnStatus::WrongLength;
}

void TestUpnNotKnown::rejectsOtherCode() {
    QFETCH(QString, text);
    QFETCH(UpnStatus, status);

    const UpnCheck check = checkUpn(text);
    QCOMPARE(check.status, status);
    QVERIFY(!check.isValid());
    QVERIFY(!check.isNotKnown());
    QVERIFY2(check.message.contains(check.upn), qPrintable(check.message));
    if (status == UpnStatus::InvalidNotKnownCode)
        QVERIFY2(check.message.contains(u"UN1 to UN5"), qPrintable(check.message));
}

void TestUpnNotKnown::keepsUpnsValid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<UpnStatus>("status");

    QTest::newRow("permanent") << QStringLiteral("A999123424016") << UpnStatus::Permanent;
    QTest::newRow("temporary") << QStringLiteral("N99912342500A") << UpnStatus::Temporary;
    QTest::newRow("temporary, lower case") << QStringLiteral("z99912342500z") << UpnStatus::Temporary;
}

void TestUpnNotKnown::keepsUpnsValid() {
    QFETCH(QString, text);
    QFETCH(UpnStatus, status);

    const UpnCheck check = checkUpn(text);
    QCOMPARE(check.status, status);
    QVERIFY(check.isValid());
    QVERIFY(!check.isNotKnown());
    QVERIFY(check.message.isEmpty());
}

QTEST_GUILESS_MAIN(TestUpnNotKnown)
#include "tst_upnnotknown.moc"
