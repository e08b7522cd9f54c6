#include "domain/searchfold.h"

#include <QTest>

using namespace earlyhelp;

class TestSearchFold : public QObject {
    Q_OBJECT

private slots:
    void foldsLikeSpellingsAlike_data();
    void foldsLikeSpellingsAlike();
    void joinsHyphenatedNames();
    void matchExpressionForTypedText_data();
    void matchExpressionForTypedText();
};

void TestSearchFold::foldsLikeSpellingsAlike_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("folded");

    QTest::newRow("Zoë as NFC") << QStringLiteral("Zo\u00EB") << QStringLiteral("zoe");
    QTest::newRow("Zoë as NFD") << QStringLiteral("Zoe\u0308") << QStringLiteral("zoe");
    QTest::newRow("O'Brien with ASCII apostrophe") << QStringLiteral("O'Brien") << QStringLiteral("obrien");
    QTest::newRow("O’Brien with right single quote") << QStringLiteral("O\u2019Brien") << QStringLiteral("obrien");
    QTest::newRow("upper case with fada") << QStringLiteral("SIOBH\u00C1N") << QStringLiteral("siobhan");
    QTest::newRow("Polish ś and ł") << QStringLiteral("Wi\u015Bniewska \u0141ukasz")
                                   << QStringLiteral("wisniewska lukasz");
    QTest::newRow("Romanian comma-below Ș") << QStringLiteral("\u0218tefan") << QStringLiteral("stefan");
    QTest::newRow("German sharp s") << QStringLiteral("Stra\u00DFe") << QStringLiteral("strasse");
    QTest::newRow("Arabic script kept") << QStringLiteral("\u064A\u0648\u0633\u0641")
                                        << QStringLiteral("\u064A\u0648\u0633\u0641");
}

void TestSearchFold::foldsLikeSpellingsAlike()
{
    QFETCH(QString, typed);
    QFETCH(QString, folded);
    QCOMPARE(foldForSearch(typed), folded);
}

void TestSearchFold::joinsHyphenatedNames()
{
    const QStringList terms = searchTerms(u"Smith-Jones");
    QCOMPARE(terms, (QStringList{QStringLiteral("smith"), QStringLiteral("jones"), QStringLiteral("smithjones")}));
    QCOMPARE(searchTerms(u"Abdul Ahad").last(), QStringLiteral("abdulahad"));
    QCOMPARE(searchTerms(u"Hao"), QStringList{QStringLiteral("hao")});
}

void TestSearchFold::matchExpressionForTypedText_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expression");

    QTest::newRow("one word") << QStringLiteral("obri") << QStringLiteral("\"obri\"*");
    QTest::newRow("two words") << QStringLiteral("Smith Jones")
                               << QStringLiteral("(\"smith\"* AND \"jones\"*) OR \"smithjones\"*");
    QTest::newRow("quotes cannot escape the expression") << QStringLiteral("\"x\" OR y")
                                                         << QStringLiteral("(\"x\"* AND \"or\"* AND \"y\"*) OR \"xory\"*");
    QTest::newRow("punctuation only") << QStringLiteral("'-- ") << QString();
}

void TestSearchFold::matchExpressionForTypedText()
{
    QFETCH(QString, typed);
    QFETCH(QString, expression);
    QCOMPARE(ftsMatchExpression(typed), expression);
}

QTEST_GUILESS_MAIN(TestSearchFold)
#include "tst_searchfold.moc"
