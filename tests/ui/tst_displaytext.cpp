// Formatting helpers of the ui library: dates, isolates, code labels,
// passphrase strength and unlock error messages.

#include <QGuiApplication>
#include <QTest>

#include "common/result.h"
#include "ui/displaytext.h"
#include "ui/passphrase.h"
#include "ui/translations.h"
#include "ui/unlockdialog.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;

class TestDisplayText : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void displayDateIsDayMonthYear();
    void isolatedWrapsInLayoutDirectionIsolate();
    void relationshipCodes_data();
    void relationshipCodes();
    void passphraseStrength_data();
    void passphraseStrength();
    void unlockErrorsDiffer();
};

void TestDisplayText::initTestCase()
{
    installTranslations(*QCoreApplication::instance());
}

void TestDisplayText::displayDateIsDayMonthYear()
{
    QCOMPARE(displayDate(QDate(2016, 3, 4)), QStringLiteral("04/03/2016"));
    QCOMPARE(displayDate(QDate()), QString());
}

void TestDisplayText::isolatedWrapsInLayoutDirectionIsolate()
{
    const QString name = QStringLiteral("يوسف Haddad");
    QCOMPARE(isolated(name), QChar(0x2066) + name + QChar(0x2069));
    QCOMPARE(isolated(QString()), QString());

    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    QCOMPARE(isolated(name), QChar(0x2067) + name + QChar(0x2069));
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
}

void TestDisplayText::relationshipCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("label");
    QTest::newRow("mother") << QStringLiteral("PAM") << QStringLiteral("Mother");
    QTest::newRow("father") << QStringLiteral("PAF") << QStringLiteral("Father");
    QTest::newRow("foster mother") << QStringLiteral("FOM") << QStringLiteral("Foster mother");
    QTest::newRow("relative") << QStringLiteral("REL") << QStringLiteral("Relative");
    QTest::newRow("unknown code kept") << QStringLiteral("XYZ") << QStringLiteral("XYZ");
}

void TestDisplayText::relationshipCodes()
{
    QFETCH(QString, code);
    QFETCH(QString, label);
    QCOMPARE(CodeLabels::relationship(code), label);
}

void TestDisplayText::passphraseStrength_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<int>("level");
    QTest::newRow("empty") << QString() << int(PassphraseStrength::TooShort);
    QTest::newRow("nine characters") << QStringLiteral("abcdefghi") << int(PassphraseStrength::TooShort);
    QTest::newRow("repeated character") << QStringLiteral("aaaaaaaaaaaa") << int(PassphraseStrength::Weak);
    QTest::newRow("ten lower-case letters") << QStringLiteral("kestrelwen") << int(PassphraseStrength::Weak);
    QTest::newRow("four words") << QStringLiteral("kestrel lane early help") << int(PassphraseStrength::Strong);
    QTest::newRow("arabic counts code points") << QStringLiteral("يوسف يوسف") << int(PassphraseStrength::TooShort);
}

void TestDisplayText::passphraseStrength()
{
    QFETCH(QString, passphrase);
    QFETCH(int, level);
    const PassphraseStrength strength = PassphraseStrength::rate(passphrase);
    QCOMPARE(int(strength.level), level);
    QVERIFY(!strength.hint.isEmpty());
    QVERIFY(!strength.hint.contains(QStringLiteral("(s)")));
}

void TestDisplayText::unlockErrorsDiffer()
{
    const QString detail = QStringLiteral("detail from core");
    const QString wrong = describeUnlockError({ErrorCode::WrongPassphrase, detail});
    const QString damaged = describeUnlockError({ErrorCode::StoreDamaged, detail});
    const QString notStore = describeUnlockError({ErrorCode::NotAStore, detail});
    const QString newer = describeUnlockError({ErrorCode::SchemaTooNew, detail});
    QVERIFY(wrong.contains(QStringLiteral("passphrase does not unlock")));
    QVERIFY(damaged.contains(QStringLiteral("damaged")));
    QVERIFY(notStore.contains(QStringLiteral("not a case store")));
    QVERIFY(newer.contains(QStringLiteral("newer version")));
    for (const QString& message : {damaged, notStore, newer})
        QVERIFY2(message.contains(detail), qPrintable(message));
    QVERIFY(!wrong.contains(detail));
}

QTEST_MAIN(TestDisplayText)
#include "tst_displaytext.moc"
