#include "ctffixture.h"

#include "common/secretbytes.h"
#include "import/ctfimporter.h"
#include "store/personsearch.h"
#include "store/store.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace earlyhelp;
using namespace earlyhelp::test;

namespace {

const QStringList recordTables = {QStringLiteral("person"),  QStringLiteral("address"),
                                  QStringLiteral("contact"), QStringLiteral("relationship"),
                                  QStringLiteral("family"),  QStringLiteral("family_member")};

const QDateTime firstImportTime(QDate(2025, 11, 20), QTime(9, 30, 0, 125), Qt::UTC);
const QDateTime laterImportTime(QDate(2026, 1, 12), QTime(14, 5, 7, 9), Qt::UTC);

CtfImportOptions optionsAt(const QDateTime& now) {
    CtfImportOptions options;
    options.parse.today = QDate(2025, 11, 20);
    options.now = now;
    return options;
}

// A school's worth of families in miniature, one pupil a line:
//  1 Lena Marsh and 2 Ivo Quill are siblings with different surnames. Their
//    mother is Petra Marsh and their father Oskar Quill. Lena's aunt Greta
//    Holm, without parental responsibility, is also listed for pupil 4.
//  3 Dylan Vaughan is looked after by foster carers without parental
//    responsibility.
//  4 Astrid Lind lives at Flat 2 of the building where pupil 5 lives.
//  5 Nia O’Rees lives at Flat 1. Her mother's number is written with +44.
//  6 Sol Vey has no contacts.
CtfFixture schoolFixture() {
    CtfFixture fixture;

    FixtureContact petra =
        fixtureParent(QStringLiteral("Petra"), QStringLiteral("Marsh"), QStringLiteral("07700 900811"));
    petra.emails = QStringList{QStringLiteral("petra.marsh@example.org")};
    FixtureContact oskar =
        fixtureParent(QStringLiteral("Oskar"), QStringLiteral("Quill"), QStringLiteral("07700-900-812"));
    oskar.title = QStringLiteral("Mr");
    oskar.relationship = QStringLiteral("PAF");
    oskar.addressAsPupil = false;
    oskar.address.paon = QStringLiteral("3");
    oskar.address.street = QStringLiteral("Ferry Steps");
    FixtureContact aunt =
        fixtureParent(QStringLiteral("Greta"), QStringLiteral("Holm"), QStringLiteral("07700 900813"));
    aunt.relationship = QStringLiteral("REL");
    aunt.responsibility = false;
    aunt.addressAsPupil = false;
    aunt.address.paon = QStringLiteral("8");
    aunt.address.street = QStringLiteral("Quarry Lane");

    FixturePupil lena = fixturePupil(101, QStringLiteral("Lena"), QStringLiteral("Marsh"));
    lena.contacts = {petra, oskar, aunt};
    FixturePupil ivo = fixturePupil(102, QStringLiteral("Ivo"), QStringLiteral("Quill"));
    ivo.sex = QStringLiteral("M");
    ivo.dob = QStringLiteral("2019-08-31");
    oskar.phones = QStringList{QStringLiteral("+44 7700 900812")};
    ivo.contacts = {petra, oskar};

    FixtureContact karen =
        fixtureParent(QStringLiteral("Eira"), QStringLiteral("Prosser"), QStringLiteral("07700 900821"));
    karen.relationship = QStringLiteral("FOM");
    karen.responsibility = false;
    FixtureContact hywel =
        fixtureParent(QStringLiteral("Hywel"), QStringLiteral("Prosser"), QStringLiteral("07700 900822"));
    hywel.title = QStringLiteral("Mr");
    hywel.relationship = QStringLiteral("FOF");
    hywel.responsibility = false;
    FixturePupil dylan = fixturePupil(103, QStringLiteral("Dylan"), QStringLiteral("Vaughan"));
    dylan.sex = QStringLiteral("M");
    dylan.lookedAfter = true;
    dylan.careAuthority = QStringLiteral("999");
    dylan.contacts = {karen, hywel};

    FixturePupil astrid = fixturePupil(104, QStringLiteral("Astrid"), QStringLiteral("Lind"));
    astrid.address->saon = QStringLiteral("Flat 2");
    astrid.address->paon = QStringLiteral("10");
    astrid.address->street = QStringLiteral("Tannery Row");
    astrid.contacts = {
        fixtureParent(QStringLiteral("Karin"), QStringLiteral("Lind"), QStringLiteral("07700 900831")), aunt};

    FixturePupil nia = fixturePupil(105, QStringLiteral("Nia"), QStringLiteral("O\u2019Rees"));
    nia.address = astrid.address;
    nia.address->saon = QStringLiteral("Flat 1");
    nia.contacts = {fixtureParent(QStringLiteral("Cerys"), QStringLiteral("O\u2019Rees"),
                                  QStringLiteral("+44 7700 900841"))};

    FixturePupil sol = fixturePupil(106, QStringLiteral("Sol"), QStringLiteral("Vey"));

    fixture.pupils = {lena, ivo, dylan, astrid, nia, sol};
    return fixture;
}

} // namespace

class TestCtfImporter : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void importsPupilsContactsAndFamilies();
    void storesPupilAsGiven();
    void writesTimestampsAndIds();
    void reimportChangesNothing();
    void laterFileUpdatesByUpn();
    void partialFileKeepsValuesItOmits();
    void siblingInLaterFileJoinsFamily();
    void skipsInvalidPupilsImportsOthers();
    void wholeFileErrorImportsNothing_data();
    void wholeFileErrorImportsNothing();
    void cancelRollsBack_data();
    void cancelRollsBack();
    void reportsProgress();
    void failsWithoutLocalOrganisation();
    void findsImportedNamesBySearch_data();
    void findsImportedNamesBySearch();
    void previewWritesNothing();

private:
    [[nodiscard]] QString writeFile(const QString& name, const QByteArray& bytes) const;
    [[nodiscard]] qint64 count(const QString& sql) const;
    [[nodiscard]] QMap<QString, QString> snapshot() const;
    [[nodiscard]] QString pupilId(const QString& upn) const;

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Store> m_store;
    QString m_organisationId;
};

void TestCtfImporter::init() {
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    Result<std::unique_ptr<Store>> store =
        Store::create(m_directory->filePath(QStringLiteral("cases.ehstore")), SecretBytes::random(32));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_store = std::move(*store);

    m_organisationId = QStringLiteral("0f6c1a52-3b7e-4d55-9a1e-2f3c4d5e6f70");
    QSqlQuery insert(m_store->database());
    QVERIFY(insert.prepare(QStringLiteral(
        "INSERT INTO organisation (id, name, party_type, dfe_urn, la_code, estab_number, is_local, "
        "created_at, "
        "updated_at) VALUES (?, 'Larkspur Vale Primary School', 'school', '999123', '999', '1234', 1, "
        "'2025-09-01T08:00:00.000Z', '2025-09-01T08:00:00.000Z')")));
    insert.addBindValue(m_organisationId);
    QVERIFY(insert.exec());
}

void TestCtfImporter::cleanup() {
    m_store.reset();
    m_directory.reset();
}

QString TestCtfImporter::writeFile(const QString& name, const QByteArray& bytes) const {
    const QString path = m_directory->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

qint64 TestCtfImporter::count(const QString& sql) const {
    QSqlQuery query(m_store->database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// Returns every record's id with its revision and updated_at, so that
// comparing two snapshots shows any row added, changed or removed.
QMap<QString, QString> TestCtfImporter::snapshot() const {
    QMap<QString, QString> rows;
    for (const QString& table : recordTables) {
        QSqlQuery query(m_store->database());
        if (!query.exec(u"SELECT id, revision, updated_at FROM " + table))
            return {};
        while (query.next()) {
            rows.insert(table + u'/' + query.value(0).toString(),
                        query.value(1).toString() + u' ' + query.value(2).toString());
        }
    }
    return rows;
}

QString TestCtfImporter::pupilId(const QString& upn) const {
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("SELECT id FROM person WHERE upn = ? AND deleted = 0"));
    query.addBindValue(upn);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

void TestCtfImporter::importsPupilsContactsAndFamilies() {
    const CtfFixture fixture = schoolFixture();
    const QString path = writeFile(QStringLiteral("autumn.xml"), fixture.toUtf8());

    const Result<ImportSummary> summary = importCtf(*m_store, path, {}, optionsAt(firstImportTime));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    QCOMPARE(summary->fileName, QStringLiteral("autumn.xml"));
    QCOMPARE(summary->schoolName, QStringLiteral("Larkspur Vale Primary School"));
    QCOMPARE(summary->ctfVersion, QStringLiteral("25.0"));
    QCOMPARE(summary->documentQualifier, QStringLiteral("full"));
    QCOMPARE(summary->pupilsAdded, 6);
    QCOMPARE(summary->pupilsImported(), 6);
    QVERIFY(summary->skipped.isEmpty());

    // Petra, Oskar (his two spellings of one number), Greta (one adult for
    // two pupils), Eira, Hywel, Karin, Cerys.
    QCOMPARE(summary->contactsAdded, 7);
    // Marsh / Quill, Vaughan (looked after), Lind, O’Rees; Sol has no family.
    QCOMPARE(summary->familiesAdded, 4);
    QCOMPARE(summary->pupilsWithoutFamily, 1);

    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE is_pupil = 1")), 6);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE is_pupil = 0")), 7);
    QCOMPARE(count(u"SELECT COUNT(*) FROM person WHERE org_id <> '" + m_organisationId + u"'"), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM relationship")), 10);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM family")), 4);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM family WHERE looked_after = 1")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM family WHERE name = 'Marsh / Quill family'")), 1);

    // The aunt is an adult without parental responsibility in two families.
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM family_member fm JOIN person p ON p.id = fm.person_id "
                             "WHERE p.legal_forename = 'Greta' AND fm.role = 'adult' "
                             "AND fm.parental_responsibility = 0 AND fm.relationship = 'REL'")),
        2);
    // The looked-after pupil's family: the child and both carers, neither with
    // parental responsibility.
    QCOMPARE(count(QStringLiteral(
                 "SELECT COUNT(*) FROM family_member fm JOIN family f ON f.id = fm.family_id "
                 "WHERE f.looked_after = 1 AND fm.role = 'adult' AND fm.parental_responsibility = 0")),
             2);
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM family_member fm JOIN family f ON f.id = fm.family_id "
                             "WHERE f.looked_after = 1 AND fm.role = 'child'")),
        1);
    // The flats of one building stay two families.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(DISTINCT fm.family_id) FROM family_member fm "
                                  "JOIN address a ON a.person_id = fm.person_id "
                                  "WHERE a.street = 'Tannery Row' AND fm.role = 'child'")),
             2);

    // Oskar's one number, written two ways, is stored once, as first given.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM contact c JOIN person p ON p.id = c.person_id "
                                  "WHERE p.legal_forename = 'Oskar' AND c.kind = 'phone'")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM contact WHERE value = '07700-900-812'")), 1);
    // Oskar has his own address; Petra lives at the pupil's.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM address a JOIN person p ON p.id = a.person_id "
                                  "WHERE p.legal_forename = 'Oskar' AND a.street = 'Ferry Steps'")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM address a JOIN person p ON p.id = a.person_id "
                                  "WHERE p.legal_forename = 'Petra' AND a.street = 'Larkspur Way'")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM relationship r JOIN person a ON a.id = r.adult_id "
                                  "WHERE a.legal_forename = 'Oskar' AND r.relationship = 'PAF' "
                                  "AND r.parental_responsibility = 1 AND r.contact_order = 2")),
             2);
}

void TestCtfImporter::storesPupilAsGiven() {
    CtfFixture fixture = schoolFixture();
    FixturePupil& pupil = fixture.pupils[0];
    pupil.surname = QStringLiteral("O'DRISCOLL");
    pupil.forename = QStringLiteral("Mary  Kate");
    pupil.middleNames = QStringLiteral("Zoe\u0308");
    pupil.preferredForename = QStringLiteral("\u064A\u0648\u0633\u0641");
    pupil.extraXml = QStringLiteral(
        "      <FSMhistory><FSMinstance><FSMstartDate>2024-01-08</FSMstartDate></FSMinstance></FSMhistory>\n"
        "      "
        "<SENhistory><SEN><StartDate>2024-05-01</StartDate><SENprovision>E</SENprovision></SEN></"
        "SENhistory>\n"
        "      <SchoolHistory><School><LEA>999</LEA><Estab>1234</Estab><EntryDate>2021-09-02</EntryDate>"
        "<LeavingDate></LeavingDate></School></SchoolHistory>\n");
    const QString path = writeFile(QStringLiteral("names.xml"), fixture.toUtf16(true, true));

    const Result<ImportSummary> summary = importCtf(*m_store, path, {}, optionsAt(firstImportTime));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));

    QSqlQuery query(m_store->database());
    QVERIFY(query.prepare(QStringLiteral(
        "SELECT legal_surname, legal_forename, middle_names, preferred_forename, date_of_birth, sex, upn, "
        "is_pupil, "
        "fsm_eligible, sen_provision, entry_date, source_ctf, looked_after FROM person WHERE upn = ?")));
    query.addBindValue(*pupil.upn);
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("O'DRISCOLL"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("Mary  Kate"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("Zoe\u0308"));
    QCOMPARE(query.value(3).toString(), QStringLiteral("\u064A\u0648\u0633\u0641"));
    QCOMPARE(query.value(4).toString(), QStringLiteral("2016-04-12"));
    QCOMPARE(query.value(5).toString(), QStringLiteral("F"));
    QCOMPARE(query.value(6).toString(), *pupil.upn);
    QCOMPARE(query.value(7).toLongLong(), 1);
    QCOMPARE(query.value(8).toLongLong(), 1);
    QCOMPARE(query.value(9).toString(), QStringLiteral("E"));
    QCOMPARE(query.value(10).toString(), QStringLiteral("2021-09-02"));
    const QString sourceCtf = query.value(11).toString();
    QVERIFY2(sourceCtf.contains(QStringLiteral("\"SchoolHistory\"")), qPrintable(sourceCtf));
    QVERIFY2(!sourceCtf.contains(QStringLiteral("LeavingDate")), qPrintable(sourceCtf));
    QCOMPARE(query.value(12).toLongLong(), 0);

    QVERIFY(query.exec(
        QStringLiteral("SELECT looked_after, care_authority FROM person WHERE legal_forename = 'Dylan'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), 1);
    QCOMPARE(query.value(1).toString(), QStringLiteral("999"));
}

void TestCtfImporter::writesTimestampsAndIds() {
    const QString path = writeFile(QStringLiteral("autumn.xml"), schoolFixture().toUtf8());
    QVERIFY(importCtf(*m_store, path, {}, optionsAt(firstImportTime)));

    // Without a time set, the import stamps the current time in the same form.
    CtfFixture other;
    other.pupils = {fixturePupil(301, QStringLiteral("Kerra"), QStringLiteral("Rowe"))};
    QVERIFY(importCtf(*m_store, writeFile(QStringLiteral("now.xml"), other.toUtf8())));

    const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    const QRegularExpression timestamp(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
    for (const QString& table : recordTables) {
        QSqlQuery query(m_store->database());
        QVERIFY(query.exec(u"SELECT id, created_at, updated_at, revision, org_id, deleted FROM " + table));
        int rows = 0;
        while (query.next()) {
            ++rows;
            QVERIFY2(uuid.match(query.value(0).toString()).hasMatch(), qPrintable(query.value(0).toString()));
            QVERIFY2(timestamp.match(query.value(1).toString()).hasMatch(),
                     qPrintable(query.value(1).toString()));
            QCOMPARE(query.value(2).toString(), query.value(1).toString());
            QCOMPARE(query.value(3).toLongLong(), 1);
            QCOMPARE(query.value(4).toString(), m_organisationId);
            QCOMPARE(query.value(5).toLongLong(), 0);
        }
        QVERIFY2(rows > 0, qPrintable(table));
    }
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM person WHERE created_at = '2025-11-20T09:30:00.125Z'")),
        13);
}

void TestCtfImporter::reimportChangesNothing() {
    const QString path = writeFile(QStringLiteral("autumn.xml"), schoolFixture().toUtf8());
    QVERIFY(importCtf(*m_store, path, {}, optionsAt(firstImportTime)));
    const QMap<QString, QString> before = snapshot();
    QVERIFY(!before.isEmpty());

    const Result<ImportSummary> again = importCtf(*m_store, path, {}, optionsAt(laterImportTime));
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QCOMPARE(snapshot(), before);
    QCOMPARE(again->pupilsAdded, 0);
    QCOMPARE(again->pupilsUpdated, 0);
    QCOMPARE(again->pupilsUnchanged, 6);
    QCOMPARE(again->contactsAdded, 0);
    QCOMPARE(again->contactsUpdated, 0);
    QCOMPARE(again->contactsUnchanged, 7);
    QCOMPARE(again->familiesAdded, 0);
    QCOMPARE(again->familiesUpdated, 0);
    QCOMPARE(again->familiesUnchanged, 4);

    // The same pupils in UTF-16 with a byte order mark are the same records.
    const QString utf16 = writeFile(QStringLiteral("autumn-utf16.xml"), schoolFixture().toUtf16(true, true));
    QVERIFY(importCtf(*m_store, utf16, {}, optionsAt(laterImportTime)));
    QCOMPARE(snapshot(), before);
}

void TestCtfImporter::laterFileUpdatesByUpn() {
    CtfFixture fixture = schoolFixture();
    QVERIFY(importCtf(*m_store, writeFile(QStringLiteral("autumn.xml"), fixture.toUtf8()), {},
                      optionsAt(firstImportTime)));
    const qint64 people = count(QStringLiteral("SELECT COUNT(*) FROM person"));
    const QString lenaUpn = *fixture.pupils[0].upn;
    const QString ivoUpn = *fixture.pupils[1].upn;

    // Lena moves house and gains a middle name; Petra gets a new mobile.
    fixture.pupils[0].middleNames = QStringLiteral("Rose");
    fixture.pupils[0].address->paon = QStringLiteral("44");
    fixture.pupils[0].address->street = QStringLiteral("Orchard Walk");
    fixture.pupils[0].contacts[0].phones += QStringLiteral("07700 900819");
    const Result<ImportSummary> summary = importCtf(
        *m_store, writeFile(QStringLiteral("spring.xml"), fixture.toUtf8()), {}, optionsAt(laterImportTime));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));

    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person")), people);
    QCOMPARE(summary->pupilsAdded, 0);
    QCOMPARE(summary->pupilsUpdated, 1);
    QCOMPARE(summary->pupilsUnchanged, 5);
    QCOMPARE(summary->contactsAdded, 0);
    QCOMPARE(summary->contactsUpdated, 1);
    QCOMPARE(summary->familiesAdded, 0);

    QSqlQuery query(m_store->database());
    QVERIFY(query.prepare(
        QStringLiteral("SELECT revision, updated_at, created_at, middle_names FROM person WHERE upn = ?")));
    query.addBindValue(lenaUpn);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toLongLong(), 2);
    QCOMPARE(query.value(1).toString(), QStringLiteral("2026-01-12T14:05:07.009Z"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("2025-11-20T09:30:00.125Z"));
    QCOMPARE(query.value(3).toString(), QStringLiteral("Rose"));

    query.bindValue(0, ivoUpn);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toLongLong(), 1);

    // The old address is kept as not current; the new one is current.
    QCOMPARE(count(u"SELECT COUNT(*) FROM address WHERE person_id = '" + pupilId(lenaUpn) + u"'"), 2);
    QCOMPARE(count(u"SELECT COUNT(*) FROM address WHERE is_current = 1 AND street = 'Orchard Walk' AND "
                   u"person_id = '" +
                   pupilId(lenaUpn) + u"'"),
             1);
    QCOMPARE(count(u"SELECT COUNT(*) FROM address WHERE is_current = 0 AND revision = 2 AND person_id = '" +
                   pupilId(lenaUpn) + u"'"),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM contact WHERE value = '07700 900819'")), 1);
}

void TestCtfImporter::partialFileKeepsValuesItOmits() {
    CtfFixture fixture = schoolFixture();
    fixture.pupils[0].middleNames = QStringLiteral("Rose");
    fixture.pupils[0].extraXml = QStringLiteral(
        "      "
        "<SchoolHistory><School><LEA>999</LEA><Estab>1234</Estab><EntryDate>2021-09-02</EntryDate></School>"
        "</SchoolHistory>\n");
    QVERIFY(importCtf(*m_store, writeFile(QStringLiteral("full.xml"), fixture.toUtf8()), {},
                      optionsAt(firstImportTime)));
    const QMap<QString, QString> before = snapshot();

    // A partial file with the same pupil, fewer fields and no contacts.
    CtfFixture partial;
    partial.documentQualifier = QStringLiteral("partial");
    FixturePupil lena = fixturePupil(101, QStringLiteral("Lena"), QStringLiteral("Marsh"));
    lena.address.reset();
    partial.pupils = {lena};
    const Result<ImportSummary> summary = importCtf(
        *m_store, writeFile(QStringLiteral("partial.xml"), partial.toUtf8()), {}, optionsAt(laterImportTime));
    QVERIFY(summary);
    QCOMPARE(summary->pupilsUnchanged, 1);
    QCOMPARE(summary->pupilsWithoutFamily, 1);
    QCOMPARE(snapshot(), before);
}

void TestCtfImporter::siblingInLaterFileJoinsFamily() {
    CtfFixture autumn = schoolFixture();
    QVERIFY(importCtf(*m_store, writeFile(QStringLiteral("autumn.xml"), autumn.toUtf8()), {},
                      optionsAt(firstImportTime)));
    const qint64 adults = count(QStringLiteral("SELECT COUNT(*) FROM person WHERE is_pupil = 0"));

    // A new starter whose mother is Petra, with her number written another way.
    CtfFixture spring;
    FixturePupil rowan = fixturePupil(107, QStringLiteral("Rowan"), QStringLiteral("Marsh"));
    rowan.dob = QStringLiteral("2021-02-01");
    FixtureContact petra =
        fixtureParent(QStringLiteral("PETRA"), QStringLiteral("MARSH"), QStringLiteral("+44 (0)7700 900811"));
    rowan.contacts = {petra};
    spring.pupils = {rowan};
    const Result<ImportSummary> summary = importCtf(
        *m_store, writeFile(QStringLiteral("spring.xml"), spring.toUtf8()), {}, optionsAt(laterImportTime));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));

    QCOMPARE(summary->pupilsAdded, 1);
    QCOMPARE(summary->contactsAdded, 0);
    QCOMPARE(summary->familiesAdded, 0);
    QCOMPARE(summary->familiesUpdated, 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE is_pupil = 0")), adults);
    QCOMPARE(
        count(QStringLiteral("SELECT COUNT(*) FROM family_member fm JOIN family f ON f.id = fm.family_id "
                             "WHERE f.name = 'Marsh / Quill family' AND fm.role = 'child'")),
        3);
    QCOMPARE(count(QStringLiteral("SELECT revision FROM family WHERE name = 'Marsh / Quill family'")), 2);
    // The stored name is kept as first written.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE legal_forename = 'Petra'")), 1);
}

void TestCtfImporter::skipsInvalidPupilsImportsOthers() {
    CtfFixture fixture = schoolFixture();
    fixture.pupils[1].dob = QStringLiteral("2031-02-30");
    fixture.pupils[3].surname.reset();

    const Result<ImportSummary> summary = importCtf(
        *m_store, writeFile(QStringLiteral("faults.xml"), fixture.toUtf8()), {}, optionsAt(firstImportTime));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().message));
    QCOMPARE(summary->pupilsAdded, 4);
    QCOMPARE(summary->skipped.size(), 2);
    QCOMPARE(summary->skipped.at(0).position, 2);
    QCOMPARE(summary->skipped.at(0).upn, *fixture.pupils[1].upn);
    QVERIFY(summary->skipped.at(0).hasFault(CtfPupilFault::DateOfBirthInvalid));
    QCOMPARE(summary->skipped.at(1).position, 4);
    QVERIFY(summary->skipped.at(1).hasFault(CtfPupilFault::SurnameMissing));

    QVERIFY(pupilId(*fixture.pupils[1].upn).isEmpty());
    QVERIFY(pupilId(*fixture.pupils[3].upn).isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE is_pupil = 1")), 4);
    // Karin Lind was a contact of the skipped pupil only.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE legal_forename = 'Karin'")), 0);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM person WHERE date_of_birth LIKE '2031%'")), 0);
}

void TestCtfImporter::wholeFileErrorImportsNothing_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    const CtfFixture fixture = schoolFixture();
    QString accented = fixture.toXml();
    accented.replace(QStringLiteral("<Forename>Ivo"), QStringLiteral("<Forename>Ren\u00E9e"));
    QTest::newRow("bytes not matching declared UTF-8")
        << accented.toLatin1() << QStringLiteral("not valid UTF-8");

    const QByteArray utf8 = fixture.toUtf8();
    const qsizetype cut = utf8.indexOf("<DOB>", utf8.indexOf("<Forename>Ivo")) + 9;
    QTest::newRow("truncated inside the second pupil")
        << utf8.first(cut) << QStringLiteral("not well-formed XML");

    CtfFixture admissions = fixture;
    admissions.rootElement = QStringLiteral("ATfile");
    QTest::newRow("wrong root element")
        << admissions.toUtf8() << QStringLiteral("root element is ATfile, expected CTfile");
}

void TestCtfImporter::wholeFileErrorImportsNothing() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);

    const Result<ImportSummary> summary =
        importCtf(*m_store, writeFile(QStringLiteral("broken.xml"), bytes), {}, optionsAt(firstImportTime));
    QVERIFY(!summary);
    QCOMPARE(summary.error().code, ErrorCode::ImportRejected);
    QVERIFY2(summary.error().message.contains(expected), qPrintable(summary.error().message));
    QVERIFY2(summary.error().message.contains(QStringLiteral("broken.xml")),
             qPrintable(summary.error().message));
    QVERIFY(snapshot().isEmpty());
}

void TestCtfImporter::cancelRollsBack_data() {
    QTest::addColumn<qint64>("cancelAt");

    // 6 pupils, 7 contacts, 4 families: 17 units.
    QTest::newRow("before the first pupil") << qint64(0);
    QTest::newRow("after the first pupil") << qint64(1);
    QTest::newRow("among the contacts") << qint64(9);
    QTest::newRow("after the last family") << qint64(17);
}

void TestCtfImporter::cancelRollsBack() {
    QFETCH(qint64, cancelAt);

    const QString path = writeFile(QStringLiteral("autumn.xml"), schoolFixture().toUtf8());
    const auto cancelling = [cancelAt](qint64 done, qint64) { return done < cancelAt; };

    const Result<ImportSummary> summary = importCtf(*m_store, path, cancelling, optionsAt(firstImportTime));
    QVERIFY(!summary);
    QCOMPARE(summary.error().code, ErrorCode::Cancelled);
    QVERIFY2(summary.error().message.contains(QStringLiteral("autumn.xml")),
             qPrintable(summary.error().message));
    QVERIFY(snapshot().isEmpty());

    // A cancelled update leaves the first import as it was, and the store stays usable.
    QVERIFY(importCtf(*m_store, path, {}, optionsAt(firstImportTime)));
    const QMap<QString, QString> imported = snapshot();
    CtfFixture changed = schoolFixture();
    changed.pupils[0].middleNames = QStringLiteral("Rose");
    changed.pupils += fixturePupil(199, QStringLiteral("Tamsin"), QStringLiteral("Rowe"));
    const QString changedPath = writeFile(QStringLiteral("spring.xml"), changed.toUtf8());
    const Result<ImportSummary> update =
        importCtf(*m_store, changedPath, cancelling, optionsAt(laterImportTime));
    QVERIFY(!update);
    QCOMPARE(update.error().code, ErrorCode::Cancelled);
    QCOMPARE(snapshot(), imported);
}

void TestCtfImporter::reportsProgress() {
    const QString path = writeFile(QStringLiteral("autumn.xml"), schoolFixture().toUtf8());
    QList<std::pair<qint64, qint64>> calls;
    const auto record = [&calls](qint64 done, qint64 total) {
        calls.append({done, total});
        return true;
    };

    QVERIFY(importCtf(*m_store, path, record, optionsAt(firstImportTime)));
    QCOMPARE(calls.size(), 18);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls.at(i).first, i);
        QCOMPARE(calls.at(i).second, 17);
    }
}

void TestCtfImporter::failsWithoutLocalOrganisation() {
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("UPDATE organisation SET is_local = 0")));

    const Result<ImportSummary> summary =
        importCtf(*m_store, writeFile(QStringLiteral("autumn.xml"), schoolFixture().toUtf8()), {},
                  optionsAt(firstImportTime));
    QVERIFY(!summary);
    QCOMPARE(summary.error().code, ErrorCode::NotFound);
    QVERIFY2(summary.error().message.contains(QStringLiteral("no local organisation")),
             qPrintable(summary.error().message));
    QVERIFY(snapshot().isEmpty());
}

void TestCtfImporter::findsImportedNamesBySearch_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("forename");

    QTest::newRow("folded apostrophe") << QStringLiteral("orees") << QStringLiteral("Nia");
    QTest::newRow("typographic apostrophe") << QStringLiteral("O\u2019Rees") << QStringLiteral("Nia");
    QTest::newRow("ASCII apostrophe") << QStringLiteral("o'rees nia") << QStringLiteral("Nia");
    QTest::newRow("UPN") << fixtureUpn(103) << QStringLiteral("Dylan");
}

void TestCtfImporter::findsImportedNamesBySearch() {
    QFETCH(QString, typed);
    QFETCH(QString, forename);

    QVERIFY(importCtf(*m_store, writeFile(QStringLiteral("autumn.xml"), schoolFixture().toUtf8()), {},
                      optionsAt(firstImportTime)));
    const Result<QList<PersonMatch>> matches = findPeople(m_store->database(), typed);
    QVERIFY2(matches, qPrintable(matches ? QString() : matches.error().message));
    QVERIFY(!matches->isEmpty());

    QStringList forenames;
    for (const PersonMatch& match : *matches) {
        QSqlQuery query(m_store->database());
        QVERIFY(query.prepare(QStringLiteral("SELECT legal_forename FROM person WHERE id = ?")));
        query.addBindValue(match.personId);
        QVERIFY(query.exec() && query.next());
        forenames += query.value(0).toString();
    }
    QVERIFY2(forenames.contains(forename), qPrintable(forenames.join(u", ")));
}

void TestCtfImporter::previewWritesNothing() {
    const QString path = writeFile(QStringLiteral("autumn.xml"), schoolFixture().toUtf8());
    const Result<CtfPreview> preview = previewCtf(path, optionsAt(firstImportTime).parse);
    QVERIFY(preview);
    QCOMPARE(preview->document.pupils.size(), 6);
    QCOMPARE(preview->families.adults.size(), 7);
    QCOMPARE(preview->families.families.size(), 4);
    QVERIFY(snapshot().isEmpty());

    // The previewed document imports as the file would.
    const Result<ImportSummary> summary =
        importCtfDocument(*m_store, preview->document, {}, optionsAt(firstImportTime));
    QVERIFY(summary);
    QCOMPARE(summary->pupilsAdded, 6);
}

QTEST_GUILESS_MAIN(TestCtfImporter)
#include "tst_ctfimporter.moc"
