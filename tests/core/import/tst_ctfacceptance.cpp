#include "common/secretbytes.h"
#include "import/ctfimporter.h"
#include "store/personsearch.h"
#include "store/store.h"

#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Imports each file of a folder of sample CTFs into a new store and checks
// the outcome the samples were written to produce. The folder is named by
// the EARLYHELP_ACCEPTANCE_DATA environment variable; without it, or without
// a file, the test is skipped.

using namespace earlyhelp;

namespace {

struct Expected {
    int pupils = 0;
    int adults = 0;
    int families = 0;
    int multiChildFamilies = 0;
    int pupilsInMultiChildFamilies = 0;
    int lookedAfterFamilies = 0;
    int pupilsWithoutFamily = 0;
    int skippedPosition = 0; // 0: no pupil skipped
    CtfPupilFault fault = CtfPupilFault::UpnMissing;
    QString errorText; // a whole-file rejection contains it; empty when the file imports
};

} // namespace

Q_DECLARE_METATYPE(Expected)

class TestCtfAcceptance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void importsSampleFile_data();
    void importsSampleFile();
    void storesSampleDetails_data();
    void storesSampleDetails();
    void findsSampleNames_data();
    void findsSampleNames();

private:
    [[nodiscard]] qint64 count(const QString& sql) const;
    [[nodiscard]] QStringList upnsFound(const QString& typed) const;

    QDir m_data;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Store> m_store;
};

void TestCtfAcceptance::initTestCase() {
    const QString folder = qEnvironmentVariable("EARLYHELP_ACCEPTANCE_DATA");
    if (folder.isEmpty())
        QSKIP("EARLYHELP_ACCEPTANCE_DATA is not set");
    m_data = QDir(folder);
    QVERIFY2(m_data.exists(), qPrintable(folder));
}

void TestCtfAcceptance::init() {
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    Result<std::unique_ptr<Store>> store =
        Store::create(m_directory->filePath(QStringLiteral("cases.ehstore")), SecretBytes::random(32));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);

    QSqlQuery insert(m_store->database());
    QVERIFY(insert.exec(
        QStringLiteral("INSERT INTO organisation (id, name, party_type, is_local, created_at, updated_at) "
                       "VALUES ('6a0d6f3e-8f0b-4e57-b3c1-0d1e2f3a4b5c', 'Acceptance School', 'school', 1, "
                       "'2025-09-01T08:00:00.000Z', '2025-09-01T08:00:00.000Z')")));
}

void TestCtfAcceptance::cleanup() {
    m_store.reset();
    m_directory.reset();
}

qint64 TestCtfAcceptance::count(const QString& sql) const {
    QSqlQuery query(m_store->database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QStringList TestCtfAcceptance::upnsFound(const QString& typed) const {
    QStringList upns;
    const Result<QList<PersonMatch>> matches = findPeople(m_store->database(), typed);
    if (!matches)
        return upns;
    for (const PersonMatch& match : *matches) {
        QSqlQuery query(m_store->database());
        query.prepare(QStringLiteral("SELECT upn FROM person WHERE id = ?"));
        query.addBindValue(match.personId);
        if (query.exec() && query.next() && !query.value(0).isNull())
            upns += query.value(0).toString();
    }
    return upns;
}

void TestCtfAcceptance::importsSampleFile_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<Expected>("expected");

    QTest::newRow("primary CTF 25, full")
        << QStringLiteral("birmingham-primary-ctf25.xml") << Expected{40, 46, 27, 12, 25, 1, 0, 0, {}, {}};
    QTest::newRow("secondary CTF 19, Gender")
        << QStringLiteral("secondary-ctf19-gender.xml") << Expected{15, 6, 5, 2, 4, 0, 8, 0, {}, {}};
    QTest::newRow("UTF-16LE with byte order mark")
        << QStringLiteral("utf16-bom-valid.xml") << Expected{3, 0, 0, 0, 0, 0, 3, 0, {}, {}};
    QTest::newRow("truncated") << QStringLiteral("bad/truncated.xml")
                               << Expected{0, 0, 0, 0,  0,
                                           0, 0, 0, {}, QStringLiteral("not well-formed XML at line 41")};
    QTest::newRow("wrong root element")
        << QStringLiteral("bad/wrong-root-element.xml")
        << Expected{0, 0, 0, 0, 0, 0, 0, 0, {}, QStringLiteral("root element is ATfile, expected CTfile")};
    QTest::newRow("missing surname") << QStringLiteral("bad/missing-surname.xml")
                                     << Expected{2, 0, 0, 0, 0, 0, 2, 2, CtfPupilFault::SurnameMissing, {}};
    QTest::newRow("impossible DOB") << QStringLiteral("bad/impossible-dob.xml")
                                    << Expected{2, 0, 0, 0, 0, 0, 2, 3, CtfPupilFault::DateOfBirthInvalid,
                                                {}};
    QTest::newRow("wrong UPN check letter")
        << QStringLiteral("bad/bad-upn-check-letter.xml")
        << Expected{2, 0, 0, 0, 0, 0, 2, 1, CtfPupilFault::UpnInvalid, {}};
    QTest::newRow("windows-1252 bytes declared UTF-8")
        << QStringLiteral("bad/declared-utf8-but-cp1252.xml")
        << Expected{0, 0, 0, 0, 0, 0, 0, 0, {}, QStringLiteral("at line 26, column 19 (0xE9)")};
}

void TestCtfAcceptance::importsSampleFile() {
    QFETCH(QString, file);
    QFETCH(Expected, expected);

    const QString path = m_data.filePath(file);
    if (!QFile::exists(path))
        QSKIP(qPrintable(u"not in the acceptance folder: " + file));

    const Result<ImportSummary> summary = importCtf(*m_store, path);
    if (!expected.errorText.isEmpty()) {
        QVERIFY(!summary);
        QCOMPARE(summary.error().code, ErrorCode::ImportRejected);
        QVERIFY2(summary.error().message.contains(expected.errorText), qPrintable(summary.error().message));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person")), 0);
        qInfo("%s: %s", qPrintable(file), qPrintable(summary.error().message));
        return;
    }

    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    QCOMPARE(summary->pupilsAdded, expected.pupils);
    QCOMPARE(summary->contactsAdded, expected.adults);
    QCOMPARE(summary->familiesAdded, expected.families);
    QCOMPARE(summary->pupilsWithoutFamily, expected.pupilsWithoutFamily);
    QVERIFY2(summary->warnings.isEmpty(), qPrintable(summary->warnings.join(u'\n')));
    if (expected.skippedPosition == 0) {
        QVERIFY(summary->skipped.isEmpty());
    } else {
        QCOMPARE(summary->skipped.size(), 1);
        QCOMPARE(summary->skipped.first().position, expected.skippedPosition);
        QVERIFY(summary->skipped.first().hasFault(expected.fault));
        qInfo("%s: %s", qPrintable(file), qPrintable(summary->skipped.first().message()));
    }

    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE is_pupil = 1")), expected.pupils);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE is_pupil = 0")), expected.adults);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM family")), expected.families);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM family WHERE looked_after = 1")),
             expected.lookedAfterFamilies);
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM (SELECT family_id FROM family_member WHERE role = 'child' "
                             "GROUP BY family_id HAVING COUNT(*) > 1)")),
        expected.multiChildFamilies);
    QCOMPARE(count(QStringLiteral("SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM family_member "
                                  "WHERE role = 'child' GROUP BY family_id HAVING COUNT(*) > 1)")),
             expected.pupilsInMultiChildFamilies);
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM person WHERE legal_forename LIKE '%' || char(65533) || '%' "
                 "OR legal_surname LIKE '%' || char(65533) || '%'")),
             0);

    // A second import of the same file changes nothing.
    const qint64 revisions = count(QStringLiteral("SELECT SUM(revision) FROM person"));
    const Result<ImportSummary> again = importCtf(*m_store, path);
    QVERIFY(again);
    QCOMPARE(again->pupilsUnchanged, expected.pupils);
    QCOMPARE(again->contactsUnchanged, expected.adults);
    QCOMPARE(again->familiesUnchanged, expected.families);
    QCOMPARE(count(QStringLiteral("SELECT SUM(revision) FROM person")), revisions);

    qInfo("%s: %d pupils, %d contacts, %d families (%d with several children holding %d pupils), %d pupils "
          "without "
          "a family, %lld skipped",
          qPrintable(file), summary->pupilsAdded, summary->contactsAdded, summary->familiesAdded,
          expected.multiChildFamilies, expected.pupilsInMultiChildFamilies, summary->pupilsWithoutFamily,
          static_cast<long long>(summary->skipped.size()));
}

void TestCtfAcceptance::storesSampleDetails_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<qint64>("expected");

    const QString primary = QStringLiteral("birmingham-primary-ctf25.xml");
    const auto row = [](const char* name, const QString& file, const char* sql, qint64 expected) {
        QTest::newRow(name) << file << QString::fromUtf8(sql) << expected;
    };
    row("temporary UPNs", primary, "SELECT COUNT(*) FROM person WHERE upn GLOB '*[A-Z]' AND is_pupil = 1", 2);
    row("FSM history kept", primary, "SELECT COUNT(*) FROM person WHERE source_ctf LIKE '%\"FSMhistory\"%'",
        9);
    row("FSM eligible now", primary, "SELECT COUNT(*) FROM person WHERE fsm_eligible = 1", 8);
    row("SEN support", primary, "SELECT COUNT(*) FROM person WHERE sen_provision = 'K'", 1);
    row("EHC plans", primary, "SELECT COUNT(*) FROM person WHERE sen_provision = 'E'", 2);
    row("looked after", primary,
        "SELECT COUNT(*) FROM person WHERE looked_after = 1 AND care_authority = '330'", 1);
    row("attendance kept", primary, "SELECT COUNT(*) FROM person WHERE source_ctf LIKE '%\"Attendance\"%'",
        2);
    row("preferred forenames", primary, "SELECT COUNT(*) FROM person WHERE preferred_forename <> ''", 2);
    row("preferred and former surnames", primary,
        "SELECT COUNT(*) FROM person WHERE preferred_surname <> '' AND former_surname <> ''", 1);
    row("looked-after family with carers without PR", primary,
        "SELECT COUNT(*) FROM family_member fm JOIN family f ON f.id = fm.family_id WHERE f.name = 'Jones "
        "family' "
        "AND f.looked_after = 1 AND fm.role = 'adult' AND fm.parental_responsibility = 0",
        2);
    row("siblings with different surnames", primary,
        "SELECT COUNT(*) FROM family WHERE name IN ('Begum / Miah family', 'Sandhu / Kaur family', "
        "'Wi\u015Bniewska / Wi\u015Bniewski family')",
        3);
    row("names kept in capitals", primary, "SELECT COUNT(*) FROM person WHERE legal_surname = 'O''BRIEN'", 4);
    row("empty LeavingDate not kept", primary,
        "SELECT COUNT(*) FROM person WHERE source_ctf LIKE '%LeavingDate\":\"\"%'", 0);

    const QString secondary = QStringLiteral("secondary-ctf19-gender.xml");
    row("Gender read as sex", secondary,
        "SELECT COUNT(*) FROM person WHERE is_pupil = 1 AND sex IN ('M', 'F')", 15);
    row("contacts' Gender read as sex", secondary,
        "SELECT COUNT(*) FROM person WHERE is_pupil = 0 AND sex <> ''", 6);
    row("families of the secondary file", secondary,
        "SELECT COUNT(*) FROM family WHERE name IN ('WALSH family', 'O''NEILL family', 'AHMED family', "
        "'IQBAL family', 'NOWAK family')",
        5);

    const QString utf16 = QStringLiteral("utf16-bom-valid.xml");
    row("UTF-16 names as in UTF-8", utf16,
        "SELECT COUNT(*) FROM person WHERE (legal_forename = 'Ma\u00EBlle' AND legal_surname = "
        "'Lef\u00E8vre') "
        "OR (legal_forename = 'Aoife' AND legal_surname = 'O''Connell') "
        "OR (legal_forename = 'Bogdan' AND legal_surname = 'Ionescu')",
        3);
}

void TestCtfAcceptance::storesSampleDetails() {
    QFETCH(QString, file);
    QFETCH(QString, sql);
    QFETCH(qint64, expected);

    const QString path = m_data.filePath(file);
    if (!QFile::exists(path))
        QSKIP(qPrintable(u"not in the acceptance folder: " + file));
    QVERIFY(importCtf(*m_store, path));
    QCOMPARE(count(sql), expected);
}

void TestCtfAcceptance::findsSampleNames_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("upns");

    const QString primary = QStringLiteral("birmingham-primary-ctf25.xml");
    const QStringList obrien = {QStringLiteral("E330298719001"), QStringLiteral("C330298721001")};
    QTest::newRow("obrien") << primary << QStringLiteral("obrien") << obrien;
    QTest::newRow("O’Brien") << primary << QStringLiteral("O\u2019Brien") << obrien;
    QTest::newRow("wisniewska") << primary << QStringLiteral("wisniewska")
                                << QStringList{QStringLiteral("R330298721002")};
    QTest::newRow("whitfield") << primary << QStringLiteral("whitfield")
                               << QStringList{QStringLiteral("F330298722004")};
    QTest::newRow("hughes") << primary << QStringLiteral("hughes")
                            << QStringList{QStringLiteral("F330298722004")};
    QTest::newRow("whitfield-hughes")
        << primary << QStringLiteral("whitfield-hughes") << QStringList{QStringLiteral("F330298722004")};
    QTest::newRow("Maëlle") << QStringLiteral("utf16-bom-valid.xml")
                            << QStringLiteral("ma\u00EBlle lef\u00E8vre")
                            << QStringList{QStringLiteral("A330298725081")};
}

void TestCtfAcceptance::findsSampleNames() {
    QFETCH(QString, file);
    QFETCH(QString, typed);
    QFETCH(QStringList, upns);

    const QString path = m_data.filePath(file);
    if (!QFile::exists(path))
        QSKIP(qPrintable(u"not in the acceptance folder: " + file));
    QVERIFY(importCtf(*m_store, path));

    const QStringList found = upnsFound(typed);
    for (const QString& upn : upns)
        QVERIFY2(found.contains(upn), qPrintable(typed + u": " + found.join(u", ")));
}

QTEST_GUILESS_MAIN(TestCtfAcceptance)
#include "tst_ctfacceptance.moc"
