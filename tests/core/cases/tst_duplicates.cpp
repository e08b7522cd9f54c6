// Duplicate detection: the name keys alone, and findDuplicates() against a
// real store holding the person a user is about to add again.

#include "../casework/caseworktesthelpers.h"
#include "peopletesthelpers.h"

#include "cases/duplicates.h"
#include "cases/personrepository.h"

#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;
using namespace Qt::StringLiterals;

namespace {

// "Zoë" with U+00EB, and with e followed by U+0308 COMBINING DIAERESIS.
const QString zoeComposed = QStringLiteral("Zo\u00EB");
const QString zoeDecomposed = QStringLiteral("Zoe\u0308");

NewPerson person(const QString& forename, const QString& surname, const QString& dateOfBirth = {}) {
    NewPerson given;
    given.forename = forename;
    given.surname = surname;
    given.dateOfBirth = dateOfBirth;
    return given;
}

} // namespace

class TestDuplicates : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void nameKeys_data();
    void nameKeys();
    void findDuplicates_data();
    void findDuplicates();
    void deletedPersonNotMatched();
    void excludedPersonNotMatched();

private:
    CaseworkFixture m_fixture;
};

void TestDuplicates::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
}

void TestDuplicates::cleanup() {
    m_fixture.tearDown();
}

void TestDuplicates::nameKeys_data() {
    QTest::addColumn<QString>("forenameA");
    QTest::addColumn<QString>("surnameA");
    QTest::addColumn<QString>("forenameB");
    QTest::addColumn<QString>("surnameB");
    QTest::addColumn<bool>("equal");

    QTest::newRow("NFC and NFD") << zoeComposed << "Adeyemi" << zoeDecomposed << "Adeyemi" << true;
    QTest::newRow("accent dropped") << zoeComposed << "Adeyemi"
                                    << "Zoe"
                                    << "ADEYEMI" << true;
    QTest::newRow("apostrophes") << "Ciara"
                                 << "O'Brien"
                                 << "Ciara"
                                 << "O\u2019Brien" << true;
    QTest::newRow("apostrophe left out") << "Ciara"
                                         << "O'Brien"
                                         << "Ciara"
                                         << "OBrien" << true;
    QTest::newRow("hyphen and space") << "Lily"
                                      << "Smith-Jones"
                                      << "Lily"
                                      << "Smith Jones" << true;
    QTest::newRow("double forename") << "Mary-Jane"
                                     << "Watson"
                                     << "Mary Jane"
                                     << "Watson" << true;
    QTest::newRow("Arabic script") << "\u064A\u0648\u0633\u0641"
                                   << "Haddad"
                                   << "\u064A\u0648\u0633\u0641"
                                   << "Haddad" << true;
    QTest::newRow("different forename") << "Lily"
                                        << "Smith"
                                        << "Lola"
                                        << "Smith" << false;
    QTest::newRow("names swapped") << "Thomas"
                                   << "James"
                                   << "James"
                                   << "Thomas" << false;
}

void TestDuplicates::nameKeys() {
    QFETCH(QString, forenameA);
    QFETCH(QString, surnameA);
    QFETCH(QString, forenameB);
    QFETCH(QString, surnameB);
    QFETCH(bool, equal);

    const QString keyA = duplicateNameKey(forenameA, surnameA);
    const QString keyB = duplicateNameKey(forenameB, surnameB);
    QVERIFY(!keyA.isEmpty());
    QVERIFY(!keyB.isEmpty());
    QCOMPARE(keyA == keyB, equal);
}

void TestDuplicates::findDuplicates_data() {
    QTest::addColumn<NewPerson>("existing");
    QTest::addColumn<NewPerson>("candidate");
    QTest::addColumn<int>("expectedReasons");

    const auto with = [](NewPerson given, const QString& upn, const QString& nhs, const QString& postcode) {
        given.upn = upn;
        given.nhsNumber = nhs;
        given.postcode = postcode;
        return given;
    };
    const QString upn = pupilUpn(17);
    const QString nhs = nhsNumber(QStringLiteral("943476591"));
    QVERIFY(!upn.isEmpty());
    QVERIFY(!nhs.isEmpty());

    QTest::newRow("NFC and NFD Zoe") << person(zoeComposed, u"Adeyemi"_s, u"2015-06-01"_s)
                                     << person(zoeDecomposed, u"Adeyemi"_s, u"01/06/2015"_s)
                                     << int(DuplicateReason::SameNameAndDateOfBirth);
    QTest::newRow("O'Brien and O’Brien") << person(u"Ciara"_s, u"O'Brien"_s, u"2014-02-11"_s)
                                         << person(u"Ciara"_s, u"O\u2019Brien"_s, u"11/02/2014"_s)
                                         << int(DuplicateReason::SameNameAndDateOfBirth);
    QTest::newRow("Smith-Jones and Smith Jones")
        << with(person(u"Lily"_s, u"Smith-Jones"_s), {}, {}, u"B11 1QT"_s)
        << with(person(u"lily"_s, u"Smith Jones"_s), {}, {}, u"b111qt"_s)
        << int(DuplicateReason::SameNameAndPostcode);
    QTest::newRow("child with and without UPN")
        << with(person(u"Amara"_s, u"Fenwick"_s, u"2016-03-14"_s), upn, {}, {})
        << person(u"Amara"_s, u"Fenwick"_s, u"14/03/2016"_s) << int(DuplicateReason::SameNameAndDateOfBirth);
    QTest::newRow("same UPN, other name")
        << with(person(u"Amara"_s, u"Fenwick"_s), upn, {}, {})
        << with(person(u"Amy"_s, u"Fenwick-Hale"_s), upn, {}, {}) << int(DuplicateReason::SameUpn);
    QTest::newRow("same NHS number") << with(person(u"Theo"_s, u"Fenwick"_s, u"2019-11-02"_s), {}, nhs, {})
                                     << with(person(u"Teddy"_s, u"Fenwick"_s, u"2019-11-03"_s), {}, nhs, {})
                                     << int(DuplicateReason::SameNhsNumber);
    QTest::newRow("NHS number with spaces")
        << with(person(u"Theo"_s, u"Fenwick"_s), {}, nhs, {})
        << with(person(u"Theo"_s, u"Fenwick"_s), {}, nhs.left(3) + u' ' + nhs.mid(3, 3) + u' ' + nhs.mid(6),
                {})
        << int(DuplicateReason::SameNhsNumber);
    QTest::newRow("name, date and postcode")
        << with(person(u"Rowan"_s, u"Ashby"_s, u"2017-09-30"_s), {}, {}, u"B12 9AB"_s)
        << with(person(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s), {}, {}, u"B12 9AB"_s)
        << int(DuplicateReason::SameNameAndDateOfBirth | DuplicateReason::SameNameAndPostcode);
    QTest::newRow("different date and postcode")
        << with(person(u"Rowan"_s, u"Ashby"_s, u"2017-09-30"_s), {}, {}, u"B12 9AB"_s)
        << with(person(u"Rowan"_s, u"Ashby"_s, u"30/09/2016"_s), {}, {}, u"B13 8QT"_s) << 0;
    QTest::newRow("name alone") << person(u"Rowan"_s, u"Ashby"_s) << person(u"Rowan"_s, u"Ashby"_s) << 0;
    QTest::newRow("same date, other name") << person(u"Rowan"_s, u"Ashby"_s, u"2017-09-30"_s)
                                           << person(u"Robin"_s, u"Ashby"_s, u"30/09/2017"_s) << 0;
    QTest::newRow("preferred name") <<
        [] {
            NewPerson given = person(u"Youssef"_s, u"Haddad"_s, u"2015-01-20"_s);
            given.preferredForename = QStringLiteral("\u064A\u0648\u0633\u0641");
            return given;
        }() << person(u"\u064A\u0648\u0633\u0641"_s, u"Haddad"_s, u"20/01/2015"_s)
                                    << int(DuplicateReason::SameNameAndDateOfBirth);
}

void TestDuplicates::findDuplicates() {
    QFETCH(NewPerson, existing);
    QFETCH(NewPerson, candidate);
    QFETCH(int, expectedReasons);

    PersonRepository people(*m_fixture.store);
    Result<QString> added = people.addPerson(peopleCaseworker, existing);
    EARLYHELP_VERIFY_OK(added);

    Result<QList<DuplicateMatch>> matches = people.findDuplicates(candidate);
    EARLYHELP_VERIFY_OK(matches);
    if (expectedReasons == 0) {
        const QString found =
            matches->isEmpty() ? QString() : describeDuplicateReasons(matches->first().reasons);
        QVERIFY2(matches->isEmpty(), qUtf8Printable(found));
        return;
    }
    QCOMPARE(matches->size(), 1);
    QCOMPARE(matches->first().person.id, *added);
    QCOMPARE(int(matches->first().reasons), expectedReasons);
    QVERIFY(!describeDuplicateReasons(matches->first().reasons).isEmpty());
}

void TestDuplicates::deletedPersonNotMatched() {
    PersonRepository people(*m_fixture.store);
    Result<QString> kept =
        people.addPerson(peopleCaseworker, person(u"Ciara"_s, u"O'Brien"_s, u"2014-02-11"_s));
    EARLYHELP_VERIFY_OK(kept);
    Result<QString> second =
        people.addPerson(peopleCaseworker, person(u"Ciara"_s, u"OBrien"_s, u"2014-02-11"_s));
    EARLYHELP_VERIFY_OK(second);
    EARLYHELP_VERIFY_OK(people.merge(peopleLead, *kept, *second));

    Result<QList<DuplicateMatch>> matches =
        people.findDuplicates(person(u"Ciara"_s, u"O\u2019Brien"_s, u"11/02/2014"_s));
    EARLYHELP_VERIFY_OK(matches);
    QCOMPARE(matches->size(), 1);
    QCOMPARE(matches->first().person.id, *kept);
}

void TestDuplicates::excludedPersonNotMatched() {
    PersonRepository people(*m_fixture.store);
    Result<QString> added =
        people.addPerson(peopleCaseworker, person(u"Rowan"_s, u"Ashby"_s, u"2017-09-30"_s));
    EARLYHELP_VERIFY_OK(added);
    Result<QList<DuplicateMatch>> matches =
        people.findDuplicates(person(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s), *added);
    EARLYHELP_VERIFY_OK(matches);
    QVERIFY(matches->isEmpty());
}

Q_DECLARE_METATYPE(earlyhelp::NewPerson)

QTEST_GUILESS_MAIN(TestDuplicates)
#include "tst_duplicates.moc"
