#include "store/personsearch.h"
#include "store/store.h"

#include "storetesthelpers.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;

namespace {

// The people every test starts with, by id.
const QList<PersonRow>& samplePeople() {
    static const QList<PersonRow> people{
        {QStringLiteral("zoe-nfc"), QStringLiteral("Zo\u00EB"), QStringLiteral("Adams")},
        {QStringLiteral("zoe-nfd"), QStringLiteral("Zoe\u0308"), QStringLiteral("Baker")},
        {QStringLiteral("obrien-curly"), QStringLiteral("Liam"), QStringLiteral("O\u2019Brien")},
        {QStringLiteral("obrien-straight"), QStringLiteral("Aoife"), QStringLiteral("O'Brien")},
        {QStringLiteral("smith-jones"), QStringLiteral("Ella"), QStringLiteral("Smith-Jones")},
        {QStringLiteral("yusuf"), QStringLiteral("\u064A\u0648\u0633\u0641"), QStringLiteral("Ahmed")},
        {QStringLiteral("siobhan"), QStringLiteral("SIOBH\u00C1N"), QStringLiteral("MURPHY")},
        {QStringLiteral("abdul-ahad"), QStringLiteral("Abdul Ahad"), QStringLiteral("Rahman")},
        // Priya and Prachi in Devanagari: the vowel signs ि and ा tell them apart.
        {QStringLiteral("priya"), QStringLiteral("\u092A\u094D\u0930\u093F\u092F\u093E"),
         QStringLiteral("Shah")},
        {QStringLiteral("prachi"), QStringLiteral("\u092A\u094D\u0930\u093E\u091A\u0940"),
         QStringLiteral("Shah")},
        {QStringLiteral("with-upn"),
         QStringLiteral("Tom"),
         QStringLiteral("Hughes"),
         {},
         {},
         QStringLiteral("A123456789012")},
        {QStringLiteral("zoe-deleted"),
         QStringLiteral("Zo\u00EB"),
         QStringLiteral("Deletedperson"),
         {},
         {},
         {},
         true},
    };
    return people;
}

QStringList idsOf(const QList<PersonMatch>& matches) {
    QStringList ids;
    for (const PersonMatch& match : matches)
        ids += match.personId;
    return ids;
}

} // namespace

class TestPersonSearch : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void findsFoldedSpellings_data();
    void findsFoldedSpellings();
    void namesReadBackAsStored();
    void ordersBySurnameThenForename();
    void limitCapsMatches();
    void invalidLimitIsRejected();
    void countsMatchesAndPeople();
    void renamedPersonIsFoundByNewName();
    void deletedFlagHidesAndRestores();
    void wholeWordsComeFirst();
    void removedPersonLeavesIndex();
    void searchSurvivesVacuum();
    void searchSurvivesExport();
    void matchCarriesLocalId();

private:
    QSqlDatabase database() const { return m_store->database(); }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Store> m_store;
    QHash<QString, qint64> m_localIds;
};

void TestPersonSearch::init() {
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    Result<std::unique_ptr<Store>> created =
        Store::create(m_folder->filePath(QStringLiteral("search.store")), makeKey(3));
    QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
    m_store = std::move(*created);

    QVERIFY(insertOrganisation(database()));
    m_localIds.clear();
    for (const PersonRow& person : samplePeople()) {
        const qint64 localId = insertPerson(database(), person);
        QVERIFY(localId > 0);
        m_localIds.insert(person.id, localId);
    }
}

void TestPersonSearch::cleanup() {
    m_store.reset();
    m_folder.reset();
}

void TestPersonSearch::findsFoldedSpellings_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("expected");

    const QStringList zoes{QStringLiteral("zoe-nfc"), QStringLiteral("zoe-nfd")};
    const QStringList obriens{QStringLiteral("obrien-straight"), QStringLiteral("obrien-curly")};
    const QStringList smithJones{QStringLiteral("smith-jones")};

    QTest::newRow("Zoë typed as NFC") << QStringLiteral("Zo\u00EB") << zoes;
    QTest::newRow("Zoë typed as NFD") << QStringLiteral("Zoe\u0308") << zoes;
    QTest::newRow("zoe without the diaeresis") << QStringLiteral("zoe") << zoes;
    QTest::newRow("O'Brien with ASCII apostrophe") << QStringLiteral("O'Brien") << obriens;
    QTest::newRow("O’Brien with right single quote") << QStringLiteral("O\u2019Brien") << obriens;
    QTest::newRow("obrien run together") << QStringLiteral("obrien") << obriens;
    QTest::newRow("O Brien as two words") << QStringLiteral("O Brien") << obriens;
    QTest::newRow("obri as a prefix") << QStringLiteral("obri") << obriens;
    QTest::newRow("Smith Jones with a space") << QStringLiteral("Smith Jones") << smithJones;
    QTest::newRow("smithjones run together") << QStringLiteral("smithjones") << smithJones;
    QTest::newRow("jones alone") << QStringLiteral("jones") << smithJones;
    QTest::newRow("Arabic script") << QStringLiteral("\u064A\u0648\u0633\u0641")
                                   << QStringList{QStringLiteral("yusuf")};
    QTest::newRow("Arabic prefix") << QStringLiteral("\u064A\u0648") << QStringList{QStringLiteral("yusuf")};
    QTest::newRow("siobhan without the fada")
        << QStringLiteral("siobhan") << QStringList{QStringLiteral("siobhan")};
    QTest::newRow("abdulahad run together")
        << QStringLiteral("abdulahad") << QStringList{QStringLiteral("abdul-ahad")};
    QTest::newRow("Devanagari prefix with vowel sign i")
        << QStringLiteral("\u092A\u094D\u0930\u093F") << QStringList{QStringLiteral("priya")};
    QTest::newRow("Devanagari prefix with vowel sign aa")
        << QStringLiteral("\u092A\u094D\u0930\u093E") << QStringList{QStringLiteral("prachi")};
    QTest::newRow("forename and surname") << QStringLiteral("ella smith") << smithJones;
    QTest::newRow("UPN prefix in any case")
        << QStringLiteral("a1234") << QStringList{QStringLiteral("with-upn")};
    QTest::newRow("deleted person is not found") << QStringLiteral("Deletedperson") << QStringList{};
    QTest::newRow("no letters or digits") << QStringLiteral("'- \u2019") << QStringList{};
    QTest::newRow("FTS syntax is taken as text") << QStringLiteral("zoe OR NEAR(\"x\")") << QStringList{};
}

void TestPersonSearch::findsFoldedSpellings() {
    QFETCH(QString, typed);
    QFETCH(QStringList, expected);

    Result<QList<PersonMatch>> found = findPeople(database(), typed);
    QVERIFY2(found, qUtf8Printable(found ? QString() : found.error().message));
    QStringList ids = idsOf(*found);
    ids.sort();
    expected.sort();
    QCOMPARE(ids, expected);
}

void TestPersonSearch::namesReadBackAsStored() {
    QSqlQuery query(database());
    QVERIFY(query.prepare(QStringLiteral("SELECT legal_forename, legal_surname FROM person WHERE id = ?")));
    for (const PersonRow& person : samplePeople()) {
        query.addBindValue(person.id);
        QVERIFY(query.exec());
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), person.forename);
        QCOMPARE(query.value(1).toString(), person.surname);
    }
}

void TestPersonSearch::ordersBySurnameThenForename() {
    Result<QList<PersonMatch>> found = findPeople(database(), u"zoe");
    QVERIFY(found);
    QCOMPARE(idsOf(*found), (QStringList{QStringLiteral("zoe-nfc"), QStringLiteral("zoe-nfd")}));

    // Both are Shah; the forenames differ in Devanagari, where NOCASE compares
    // code points: प्रा (U+093E) before प्रि (U+093F).
    Result<QList<PersonMatch>> shah = findPeople(database(), u"shah");
    QVERIFY(shah);
    QCOMPARE(idsOf(*shah), (QStringList{QStringLiteral("prachi"), QStringLiteral("priya")}));
}

void TestPersonSearch::limitCapsMatches() {
    Result<QList<PersonMatch>> found = findPeople(database(), u"zoe", 1);
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
}

void TestPersonSearch::invalidLimitIsRejected() {
    Result<QList<PersonMatch>> found = findPeople(database(), u"zoe", 0);
    QVERIFY(!found);
    QCOMPARE(found.error().code, ErrorCode::InvalidInput);
}

void TestPersonSearch::countsMatchesAndPeople() {
    Result<qint64> zoes = countPeopleMatching(database(), u"zoe");
    QVERIFY(zoes);
    QCOMPARE(*zoes, 2);

    Result<qint64> nothing = countPeopleMatching(database(), u"--");
    QVERIFY(nothing);
    QCOMPARE(*nothing, 0);

    Result<qint64> people = countPeople(database());
    QVERIFY(people);
    QCOMPARE(*people, qint64(samplePeople().size() - 1));
}

void TestPersonSearch::renamedPersonIsFoundByNewName() {
    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("UPDATE person SET legal_surname = 'Okafor' WHERE id = 'zoe-nfc'")));

    Result<QList<PersonMatch>> byNewName = findPeople(database(), u"okafor");
    QVERIFY(byNewName);
    QCOMPARE(idsOf(*byNewName), QStringList{QStringLiteral("zoe-nfc")});

    Result<QList<PersonMatch>> byOldName = findPeople(database(), u"adams");
    QVERIFY(byOldName);
    QVERIFY(byOldName->isEmpty());
}

void TestPersonSearch::deletedFlagHidesAndRestores() {
    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("UPDATE person SET deleted = 1 WHERE id = 'smith-jones'")));
    Result<QList<PersonMatch>> afterDelete = findPeople(database(), u"smith jones");
    QVERIFY(afterDelete);
    QVERIFY(afterDelete->isEmpty());
    Result<qint64> counted = countPeopleMatching(database(), u"smith jones");
    QVERIFY(counted);
    QCOMPARE(*counted, 0);

    QVERIFY(query.exec(QStringLiteral("UPDATE person SET deleted = 0 WHERE id = 'zoe-deleted'")));
    Result<QList<PersonMatch>> restored = findPeople(database(), u"deletedperson");
    QVERIFY(restored);
    QCOMPARE(idsOf(*restored), QStringList{QStringLiteral("zoe-deleted")});
}

void TestPersonSearch::wholeWordsComeFirst() {
    // "Smith" before "Smithson" although Smithson sorts first by forename.
    QVERIFY(insertPerson(database(), {QStringLiteral("smithson"), QStringLiteral("Aaron"),
                                      QStringLiteral("Smithson")}) > 0);
    QVERIFY(insertPerson(database(),
                         {QStringLiteral("smith"), QStringLiteral("Zara"), QStringLiteral("Smith")}) > 0);

    Result<QList<PersonMatch>> found = findPeople(database(), u"smith");
    QVERIFY(found);
    QCOMPARE(idsOf(*found), (QStringList{QStringLiteral("smith"), QStringLiteral("smith-jones"),
                                         QStringLiteral("smithson")}));
}

void TestPersonSearch::removedPersonLeavesIndex() {
    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("DELETE FROM person WHERE id = 'yusuf'")));
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM person_search WHERE rowid = %1")
                           .arg(m_localIds.value(QStringLiteral("yusuf")))));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 0);
}

void TestPersonSearch::searchSurvivesVacuum() {
    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("DELETE FROM person WHERE id IN ('zoe-nfc', 'obrien-curly')")));
    QVERIFY2(query.exec(QStringLiteral("VACUUM")), qUtf8Printable(query.lastError().text()));

    Result<QList<PersonMatch>> found = findPeople(database(), u"smith jones");
    QVERIFY(found);
    QCOMPARE(idsOf(*found), QStringList{QStringLiteral("smith-jones")});
    QCOMPARE(found->first().localId, m_localIds.value(QStringLiteral("smith-jones")));

    QVERIFY(query.exec(
        QStringLiteral("INSERT INTO person_search(person_search, rank) VALUES ('integrity-check', 0)")));
}

void TestPersonSearch::searchSurvivesExport() {
    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("DELETE FROM person WHERE id IN ('zoe-nfc', 'obrien-curly')")));

    // SQLite promises to keep a rowid through VACUUM or a copy only when a
    // column such as person.local_id names it.
    const QString copyPath = m_folder->filePath(QStringLiteral("copy.store"));
    QVERIFY(writeFile(copyPath, QByteArray()));
    QVERIFY(query.prepare(QStringLiteral("ATTACH DATABASE ? AS copy KEY \"x'%1'\"")
                              .arg(QString::fromLatin1(keyHex(makeKey(4))))));
    query.addBindValue(copyPath);
    QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));
    QVERIFY2(query.exec(QStringLiteral("SELECT sqlcipher_export('copy')")),
             qUtf8Printable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("PRAGMA copy.user_version = %1").arg(Store::latestSchemaVersion())));
    QVERIFY(query.exec(QStringLiteral("DETACH DATABASE copy")));

    Result<std::unique_ptr<Store>> copy = Store::open(copyPath, makeKey(4));
    QVERIFY2(copy, qUtf8Printable(copy ? QString() : copy.error().message));
    Result<QList<PersonMatch>> found = findPeople((*copy)->database(), u"smith jones");
    QVERIFY(found);
    QCOMPARE(idsOf(*found), QStringList{QStringLiteral("smith-jones")});
    QCOMPARE(found->first().localId, m_localIds.value(QStringLiteral("smith-jones")));

    Result<QList<PersonMatch>> obrien = findPeople((*copy)->database(), u"obrien");
    QVERIFY(obrien);
    QCOMPARE(idsOf(*obrien), QStringList{QStringLiteral("obrien-straight")});

    QSqlQuery check((*copy)->database());
    QVERIFY2(check.exec(QStringLiteral(
                 "INSERT INTO person_search(person_search, rank) VALUES ('integrity-check', 1)")),
             qUtf8Printable(check.lastError().text()));
    QVERIFY(check.exec(QStringLiteral("SELECT count(*) FROM person_search")));
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toLongLong(), qint64(samplePeople().size() - 2));
}

void TestPersonSearch::matchCarriesLocalId() {
    Result<QList<PersonMatch>> found = findPeople(database(), u"siobhan");
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().localId, m_localIds.value(QStringLiteral("siobhan")));

    QSqlQuery query(database());
    QVERIFY(query.prepare(QStringLiteral("SELECT id FROM person WHERE local_id = ?")));
    query.addBindValue(found->first().localId);
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("siobhan"));
}

QTEST_GUILESS_MAIN(TestPersonSearch)
#include "tst_storepersonsearch.moc"
