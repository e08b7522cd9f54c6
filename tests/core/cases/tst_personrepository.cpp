// PersonRepository against a real store: checking a typed person, adding and
// linking people into families, the role rules, and merging two records of
// one person without losing any row.

#include "../casework/caseworktesthelpers.h"
#include "peopletesthelpers.h"

#include "cases/casedirectory.h"
#include "cases/personrepository.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"

#include <QMap>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;
using namespace Qt::StringLiterals;

namespace {

const QDate today(2026, 12, 4);

// The tables whose rows refer to a person, with the referring columns.
const QList<QPair<QString, QString>> personReferences{
    {u"family_member"_s, u"person_id"_s},    {u"relationship"_s, u"child_id"_s},
    {u"relationship"_s, u"adult_id"_s},      {u"address"_s, u"person_id"_s},
    {u"contact"_s, u"person_id"_s},          {u"case_note"_s, u"person_id"_s},
    {u"consent"_s, u"subject_person_id"_s},  {u"consent"_s, u"given_by_person_id"_s},
    {u"sharing_decision"_s, u"person_id"_s},
};

int countRows(Store& store, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery query(store.database());
    query.prepare(sql);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next()) {
        qWarning("Counting failed: %s", qUtf8Printable(query.lastError().text()));
        return -1;
    }
    return query.value(0).toInt();
}

// Returns, for each referring column, how many rows refer to personId
// (deleted rows included), keyed "table.column".
QMap<QString, int> referencesTo(Store& store, const QString& personId) {
    QMap<QString, int> counts;
    for (const auto& [table, column] : personReferences) {
        counts[table + u'.' + column] =
            countRows(store, u"SELECT count(*) FROM " + table + u" WHERE " + column + u" = ?", {personId});
    }
    return counts;
}

QMap<QString, int> tableSizes(Store& store) {
    QMap<QString, int> sizes;
    for (const auto& reference : personReferences)
        sizes[reference.first] = countRows(store, u"SELECT count(*) FROM " + reference.first);
    sizes[u"person"_s] = countRows(store, u"SELECT count(*) FROM person"_s);
    return sizes;
}

NewPerson child(const QString& forename, const QString& surname, const QString& dateOfBirth) {
    NewPerson person;
    person.forename = forename;
    person.surname = surname;
    person.dateOfBirth = dateOfBirth;
    return person;
}

} // namespace

class TestPersonRepository : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void checkPersonRejects_data();
    void checkPersonRejects();
    void checkPersonNormalises();
    void addPersonIntoFamily();
    void addPersonRejectsTakenUpn();
    void addPersonReportsFirstError();
    void linkExistingPerson();
    void linkTwiceIsAlreadyExists();
    void readOnlyActorChangesNothing();
    void caseworkerMayNotMerge();
    void mergeKeepsEveryRecord();
    void mergeCombinesSharedFamily();
    void mergeRejectsSamePerson();
    void profileCountsRecords();

private:
    [[nodiscard]] PersonRepositoryOptions options();
    [[nodiscard]] int personCount();

    CaseworkFixture m_fixture;
};

void TestPersonRepository::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
}

void TestPersonRepository::cleanup() {
    m_fixture.tearDown();
}

PersonRepositoryOptions TestPersonRepository::options() {
    return PersonRepositoryOptions{[this] { return m_fixture.now; }, {}};
}

int TestPersonRepository::personCount() {
    return countRows(*m_fixture.store, u"SELECT count(*) FROM person"_s);
}

void TestPersonRepository::checkPersonRejects_data() {
    QTest::addColumn<NewPerson>("person");
    QTest::addColumn<PersonField>("field");
    QTest::addColumn<QString>("named"); // text the message must contain

    const NewPerson valid = child(u"Amara"_s, u"Fenwick"_s, u"14/03/2016"_s);
    const auto changed = [&valid](const std::function<void(NewPerson&)>& change) {
        NewPerson person = valid;
        change(person);
        return person;
    };
    QString wrongLetterUpn = pupilUpn(17);
    wrongLetterUpn[0] = wrongLetterUpn[0] == u'A' ? u'B' : u'A';

    QTest::newRow("missing forename")
        << changed([](NewPerson& p) { p.forename = u"  "_s; }) << PersonField::Forename << u"Forename"_s;
    QTest::newRow("missing surname") << changed([](NewPerson& p) { p.surname.clear(); })
                                     << PersonField::Surname << u"Surname"_s;
    QTest::newRow("tab in surname") << changed([](NewPerson& p) { p.surname = u"Fen\twick"_s; })
                                    << PersonField::Surname << u"Surname"_s;
    QTest::newRow("two-digit year") << changed([](NewPerson& p) { p.dateOfBirth = u"14/03/16"_s; })
                                    << PersonField::DateOfBirth << u"14/03/16"_s;
    QTest::newRow("future date") << changed([](NewPerson& p) { p.dateOfBirth = u"01/01/2031"_s; })
                                 << PersonField::DateOfBirth << u"01/01/2031"_s;
    QTest::newRow("no such date") << changed([](NewPerson& p) { p.dateOfBirth = u"31/02/2016"_s; })
                                  << PersonField::DateOfBirth << u"31/02/2016"_s;
    QTest::newRow("wrong UPN check letter")
        << changed([&](NewPerson& p) { p.upn = wrongLetterUpn; }) << PersonField::Upn << wrongLetterUpn;
    QTest::newRow("unknown UN code") << changed([](NewPerson& p) { p.upn = u"UN7"_s; }) << PersonField::Upn
                                     << u"UN7"_s;
    QTest::newRow("NHS check digit") << changed([](NewPerson& p) { p.nhsNumber = u"9434765918"_s; })
                                     << PersonField::NhsNumber << u"9434765918"_s;
    QTest::newRow("short postcode") << changed([](NewPerson& p) { p.postcode = u"B1 1Q"_s; })
                                    << PersonField::Postcode << u"B1 1Q"_s;
    QTest::newRow("unknown sex") << changed([](NewPerson& p) { p.sex = u"X"_s; }) << PersonField::Sex
                                 << u"X"_s;
}

void TestPersonRepository::checkPersonRejects() {
    QFETCH(NewPerson, person);
    QFETCH(PersonField, field);
    QFETCH(QString, named);

    auto checked = PersonRepository::checkPerson(person, today);
    QVERIFY(!checked);
    QCOMPARE(checked.error().size(), 1);
    QCOMPARE(checked.error().first().field, field);
    QVERIFY2(checked.error().first().message.contains(named),
             qUtf8Printable(checked.error().first().message));
}

void TestPersonRepository::checkPersonNormalises() {
    NewPerson person = child(u" \u0632\u06CC\u0646\u0628 "_s, u"Hosseini"_s, u"2016-3-4"_s);
    person.dateOfBirth = u"4/3/2016"_s;
    person.upn = u" un2 "_s;
    person.nhsNumber = u"943 476 5919"_s;
    person.postcode = u"b111qt"_s;
    person.sex = u"f"_s;

    auto checked = PersonRepository::checkPerson(person, today);
    QVERIFY(checked);
    QCOMPARE(checked->forename, u"\u0632\u06CC\u0646\u0628"_s);
    QCOMPARE(checked->dateOfBirth, QDate(2016, 3, 4));
    QCOMPARE(checked->upn, QString());
    QCOMPARE(checked->upnNotKnown, u"UN2"_s);
    QCOMPARE(checked->nhsNumber, u"9434765919"_s);
    QCOMPARE(checked->postcode, u"B11 1QT"_s);
    QCOMPARE(checked->sex, u"F"_s);
}

void TestPersonRepository::addPersonIntoFamily() {
    PersonRepository people(*m_fixture.store, options());
    const QString familyId = m_fixture.insertFamily(u"Fenwick family"_s);
    NewPerson amara = child(u"Amara"_s, u"Fenwick"_s, u"14/03/2016"_s);
    amara.upn = pupilUpn(1);
    amara.postcode = u"b11 1qt"_s;
    Result<QString> childId =
        people.addPerson(peopleCaseworker, amara, FamilyLink{familyId, u"child"_s, {}, false});
    EARLYHELP_VERIFY_OK(childId);

    NewPerson joanna = child(u"Joanna"_s, u"Fenwick"_s, {});
    Result<QString> adultId =
        people.addPerson(peopleCaseworker, joanna, FamilyLink{familyId, u"adult"_s, u"PAM"_s, true});
    EARLYHELP_VERIFY_OK(adultId);

    CaseDirectory directory(*m_fixture.store);
    Result<FamilyDetail> family = directory.family(familyId);
    EARLYHELP_VERIFY_OK(family);
    QCOMPARE(family->members.size(), 2);
    const FamilyMember& first = family->members.at(0);
    QCOMPARE(first.person.id, *childId);
    QCOMPARE(first.role, u"child"_s);
    QCOMPARE(first.person.upn, pupilUpn(1));
    QVERIFY(first.person.isPupil);
    QCOMPARE(first.person.dateOfBirth, QDate(2016, 3, 14));
    QCOMPARE(first.addresses.size(), 1);
    QCOMPARE(first.addresses.first().postcode, u"B11 1QT"_s);
    const FamilyMember& second = family->members.at(1);
    QCOMPARE(second.person.id, *adultId);
    QVERIFY(second.parentalResponsibility);
    QCOMPARE(second.links.size(), 1);
    QCOMPARE(second.links.first().childId, *childId);
    QCOMPARE(second.links.first().relationship, u"PAM"_s);
    QVERIFY(second.links.first().parentalResponsibility);

    // The search index follows the new rows.
    Result<QList<PersonSummary>> found = directory.people(u"fenw"_s);
    EARLYHELP_VERIFY_OK(found);
    QCOMPARE(found->size(), 2);
    Result<QList<PersonSummary>> byUpn = directory.people(pupilUpn(1));
    EARLYHELP_VERIFY_OK(byUpn);
    QCOMPARE(byUpn->size(), 1);
}

void TestPersonRepository::addPersonRejectsTakenUpn() {
    PersonRepository people(*m_fixture.store, options());
    NewPerson amara = child(u"Amara"_s, u"Fenwick"_s, u"14/03/2016"_s);
    amara.upn = pupilUpn(1);
    EARLYHELP_VERIFY_OK(people.addPerson(peopleCaseworker, amara));

    NewPerson other = child(u"Ava"_s, u"Fenton"_s, u"01/05/2016"_s);
    other.upn = pupilUpn(1).toLower();
    Result<QString> rejected = people.addPerson(peopleCaseworker, other);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::AlreadyExists);
    QVERIFY(rejected.error().message.contains(pupilUpn(1)));
    QVERIFY(rejected.error().message.contains(u"Amara Fenwick"_s));
    QCOMPARE(personCount(), 1);
}

void TestPersonRepository::addPersonReportsFirstError() {
    PersonRepository people(*m_fixture.store, options());
    Result<QString> rejected = people.addPerson(peopleCaseworker, child(u"Amara"_s, {}, u"14/03/16"_s));
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    QVERIFY2(rejected.error().message.contains(u"Surname"_s), qUtf8Printable(rejected.error().message));
    QCOMPARE(personCount(), 0);
}

void TestPersonRepository::linkExistingPerson() {
    PersonRepository people(*m_fixture.store, options());
    const QString familyId = m_fixture.insertFamily(u"Ashby family"_s);
    Result<QString> rowan = people.addPerson(peopleCaseworker, child(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s),
                                             FamilyLink{familyId, u"child"_s, {}, false});
    EARLYHELP_VERIFY_OK(rowan);
    Result<QString> uncle = people.addPerson(peopleCaseworker, child(u"Marcus"_s, u"Ashby"_s, {}));
    EARLYHELP_VERIFY_OK(uncle);

    EARLYHELP_VERIFY_OK(
        people.linkToFamily(peopleCaseworker, *uncle, FamilyLink{familyId, u"adult"_s, u"REL"_s, false}));

    Result<FamilyDetail> family = CaseDirectory(*m_fixture.store).family(familyId);
    EARLYHELP_VERIFY_OK(family);
    QCOMPARE(family->members.size(), 2);
    QCOMPARE(family->members.at(1).person.id, *uncle);
    QCOMPARE(family->members.at(1).relationship, u"REL"_s);
    QCOMPARE(family->members.at(1).links.size(), 1);
    QCOMPARE(personCount(), 2);
}

void TestPersonRepository::linkTwiceIsAlreadyExists() {
    PersonRepository people(*m_fixture.store, options());
    const QString familyId = m_fixture.insertFamily(u"Ashby family"_s);
    const FamilyLink link{familyId, u"child"_s, {}, false};
    Result<QString> rowan =
        people.addPerson(peopleCaseworker, child(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s), link);
    EARLYHELP_VERIFY_OK(rowan);
    Status again = people.linkToFamily(peopleCaseworker, *rowan, link);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QVERIFY(again.error().message.contains(u"Ashby family"_s));
}

void TestPersonRepository::readOnlyActorChangesNothing() {
    PersonRepository people(*m_fixture.store, options());
    const QString familyId = m_fixture.insertFamily(u"Ashby family"_s);
    Result<QString> rowan =
        people.addPerson(peopleCaseworker, child(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s));
    EARLYHELP_VERIFY_OK(rowan);
    Result<QString> second =
        people.addPerson(peopleCaseworker, child(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s));
    EARLYHELP_VERIFY_OK(second);
    const QMap<QString, int> before = tableSizes(*m_fixture.store);

    Result<QString> added = people.addPerson(peopleReader, child(u"Robin"_s, u"Reed"_s, {}));
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::PermissionDenied);
    Status linked = people.linkToFamily(peopleReader, *rowan, FamilyLink{familyId, u"child"_s, {}, false});
    QVERIFY(!linked);
    QCOMPARE(linked.error().code, ErrorCode::PermissionDenied);
    Result<MergeOutcome> merged = people.merge(peopleReader, *rowan, *second);
    QVERIFY(!merged);
    QCOMPARE(merged.error().code, ErrorCode::PermissionDenied);

    QCOMPARE(tableSizes(*m_fixture.store), before);
    QCOMPARE(countRows(*m_fixture.store, u"SELECT count(*) FROM person WHERE deleted = 0"_s), 2);
}

void TestPersonRepository::caseworkerMayNotMerge() {
    PersonRepository people(*m_fixture.store, options());
    Result<QString> first =
        people.addPerson(peopleCaseworker, child(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s));
    Result<QString> second =
        people.addPerson(peopleCaseworker, child(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s));
    EARLYHELP_VERIFY_OK(first);
    EARLYHELP_VERIFY_OK(second);
    Result<MergeOutcome> merged = people.merge(peopleCaseworker, *first, *second);
    QVERIFY(!merged);
    QCOMPARE(merged.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(countRows(*m_fixture.store, u"SELECT count(*) FROM person WHERE deleted = 0"_s), 2);
}

void TestPersonRepository::mergeKeepsEveryRecord() {
    Store& store = *m_fixture.store;
    PersonRepository people(store, options());
    CaseNoteRepository notes(store, m_fixture.options());
    ConsentRepository consents(store, m_fixture.options());

    // The school's record of Amara with her UPN, and a second record from a
    // health visitor's referral with her NHS number, in another family.
    const QString schoolFamily = m_fixture.insertFamily(u"Fenwick family"_s);
    const QString referralFamily = m_fixture.insertFamily(u"Fenwick (referral)"_s);
    NewPerson schoolRecord = child(u"Amara"_s, u"Fenwick"_s, u"14/03/2016"_s);
    schoolRecord.upn = pupilUpn(1);
    schoolRecord.postcode = u"B11 1QT"_s;
    Result<QString> keep =
        people.addPerson(peopleCaseworker, schoolRecord, FamilyLink{schoolFamily, u"child"_s, {}, false});
    EARLYHELP_VERIFY_OK(keep);
    NewPerson referral = child(u"Amara"_s, u"Fenwick"_s, u"14/03/2016"_s);
    referral.nhsNumber = u"9434765919"_s;
    referral.postcode = u"B12 9AB"_s;
    Result<QString> merge =
        people.addPerson(peopleCaseworker, referral, FamilyLink{referralFamily, u"child"_s, {}, false});
    EARLYHELP_VERIFY_OK(merge);
    Result<QString> mother = people.addPerson(peopleCaseworker, child(u"Joanna"_s, u"Fenwick"_s, {}),
                                              FamilyLink{referralFamily, u"adult"_s, u"PAM"_s, true});
    EARLYHELP_VERIFY_OK(mother);

    QSqlQuery contact(store.database());
    QVERIFY(
        contact.exec(u"INSERT INTO contact (id, org_id, person_id, kind, value, created_at, updated_at) "
                     u"VALUES ('c-1', '" +
                     m_fixture.orgId + u"', '" + *merge +
                     u"', 'phone', '07700 900123', '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z')"));

    for (const auto& [familyId, personId] :
         {std::pair{schoolFamily, *keep}, std::pair{referralFamily, *merge}}) {
        CaseNote note;
        note.familyId = familyId;
        note.personId = personId;
        note.date = QDate(2026, 12, 1);
        note.author = u"J. Patel"_s;
        note.type = u"home visit"_s;
        note.text = u"Amara talked about school."_s;
        EARLYHELP_VERIFY_OK(notes.create(caseworker, note));
    }
    Consent consent;
    consent.familyId = referralFamily;
    consent.subjectPersonId = *merge;
    consent.givenByPersonId = *mother;
    consent.purposes = {u"Early help assessment"_s};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, u"health"_s}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate(2026, 11, 3);
    EARLYHELP_VERIFY_OK(consents.createConsent(caseworker, consent));
    // Amara, at 10, gave consent for herself as a competent young person in
    // this made-up case, so she is also the one who gave it.
    consent.givenByPersonId = *merge;
    consent.capacity = ConsentCapacity::CompetentYoungPerson;
    EARLYHELP_VERIFY_OK(consents.createConsent(caseworker, consent));
    SharingDecision decision;
    decision.personId = *merge;
    decision.recipientPartyType = u"childrens_trust"_s;
    decision.purpose = u"safeguarding"_s;
    decision.lawfulBasis = u"Article 6(1)(e) public task"_s;
    decision.justification = u"Risk of harm"_s;
    decision.decidedBy = u"A. Okafor"_s;
    decision.date = QDate(2026, 12, 3);
    EARLYHELP_VERIFY_OK(consents.createSharingDecision(caseworker, decision));

    const QMap<QString, int> sizesBefore = tableSizes(store);
    const QMap<QString, int> keptBefore = referencesTo(store, *keep);
    const QMap<QString, int> mergedBefore = referencesTo(store, *merge);
    QCOMPARE(mergedBefore.value(u"consent.given_by_person_id"_s), 1);
    QCOMPARE(mergedBefore.value(u"relationship.child_id"_s), 1);

    Result<MergeOutcome> outcome = people.merge(peopleLead, *keep, *merge);
    EARLYHELP_VERIFY_OK(outcome);

    // No row left the store, and every reference moved to the kept person.
    QCOMPARE(tableSizes(store), sizesBefore);
    const QMap<QString, int> keptAfter = referencesTo(store, *keep);
    const QMap<QString, int> mergedAfter = referencesTo(store, *merge);
    for (auto it = keptAfter.cbegin(); it != keptAfter.cend(); ++it) {
        QVERIFY2(it.value() == keptBefore.value(it.key()) + mergedBefore.value(it.key()),
                 qUtf8Printable(it.key()));
        QVERIFY2(mergedAfter.value(it.key()) == 0, qUtf8Printable(it.key()));
    }
    QCOMPARE(outcome->combinedRecords, 0);
    QVERIFY(outcome->filledColumns.contains(u"nhs_number"_s));

    // The kept person has both identifiers and both families.
    Result<PersonProfile> kept = people.profile(*keep);
    EARLYHELP_VERIFY_OK(kept);
    QCOMPARE(kept->person.upn, pupilUpn(1));
    QCOMPARE(kept->nhsNumber, u"9434765919"_s);
    QCOMPARE(kept->familyNames.size(), 2);
    QCOMPARE(kept->counts.caseNotes, 2);
    QCOMPARE(kept->counts.consents, 2);
    QCOMPARE(kept->counts.sharingDecisions, 1);
    QCOMPARE(kept->counts.addresses, 2);
    QCOMPARE(kept->counts.contacts, 1);
    Result<QList<Consent>> keptConsents = consents.consentsForPerson(*keep);
    EARLYHELP_VERIFY_OK(keptConsents);
    QCOMPARE(keptConsents->size(), 2);

    // The merged person is a tombstone that points at the kept one.
    QCOMPARE(countRows(store,
                       u"SELECT count(*) FROM person WHERE id = ? AND deleted = 1 AND merged_into = ? "
                       u"AND deleted_at IS NOT NULL"_s,
                       {*merge, *keep}),
             1);
    Result<PersonProfile> gone = people.profile(*merge);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);

    // Search finds the kept person only, by name and by either identifier.
    CaseDirectory directory(store);
    for (const QString& typed : {u"amara"_s, pupilUpn(1), u"9434765919"_s}) {
        Result<QList<PersonSummary>> found = directory.people(typed);
        EARLYHELP_VERIFY_OK(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, *keep);
    }
}

void TestPersonRepository::mergeCombinesSharedFamily() {
    Store& store = *m_fixture.store;
    PersonRepository people(store, options());
    const QString familyId = m_fixture.insertFamily(u"Fenwick family"_s);
    Result<QString> theo = people.addPerson(peopleCaseworker, child(u"Theo"_s, u"Fenwick"_s, u"02/11/2019"_s),
                                            FamilyLink{familyId, u"child"_s, {}, false});
    EARLYHELP_VERIFY_OK(theo);
    Result<QString> keep = people.addPerson(peopleCaseworker, child(u"Joanna"_s, u"Fenwick"_s, {}),
                                            FamilyLink{familyId, u"adult"_s, {}, false});
    EARLYHELP_VERIFY_OK(keep);
    Result<QString> merge = people.addPerson(peopleCaseworker, child(u"Jo"_s, u"Fenwick"_s, {}),
                                             FamilyLink{familyId, u"adult"_s, u"PAM"_s, true});
    EARLYHELP_VERIFY_OK(merge);
    const QMap<QString, int> sizesBefore = tableSizes(store);

    Result<MergeOutcome> outcome = people.merge(peopleLead, *keep, *merge);
    EARLYHELP_VERIFY_OK(outcome);
    QCOMPARE(outcome->combinedRecords, 2); // the membership and the link to Theo
    QCOMPARE(tableSizes(store), sizesBefore);

    Result<FamilyDetail> family = CaseDirectory(store).family(familyId);
    EARLYHELP_VERIFY_OK(family);
    QCOMPARE(family->members.size(), 2);
    const FamilyMember& adult = family->members.at(1);
    QCOMPARE(adult.person.id, *keep);
    QCOMPARE(adult.relationship, u"PAM"_s);
    QVERIFY(adult.parentalResponsibility);
    QCOMPARE(adult.links.size(), 1);
    QVERIFY(adult.links.first().parentalResponsibility);
}

void TestPersonRepository::mergeRejectsSamePerson() {
    PersonRepository people(*m_fixture.store, options());
    Result<QString> rowan =
        people.addPerson(peopleCaseworker, child(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s));
    EARLYHELP_VERIFY_OK(rowan);
    Result<MergeOutcome> merged = people.merge(peopleLead, *rowan, *rowan);
    QVERIFY(!merged);
    QCOMPARE(merged.error().code, ErrorCode::InvalidInput);
    Result<MergeOutcome> missing = people.merge(peopleLead, *rowan, u"no-such-person"_s);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(countRows(*m_fixture.store, u"SELECT count(*) FROM person WHERE deleted = 0"_s), 1);
}

void TestPersonRepository::profileCountsRecords() {
    PersonRepository people(*m_fixture.store, options());
    const QString familyId = m_fixture.insertFamily(u"Ashby family"_s);
    NewPerson rowan = child(u"Rowan"_s, u"Ashby"_s, u"30/09/2017"_s);
    rowan.postcode = u"B12 9AB"_s;
    Result<QString> id =
        people.addPerson(peopleCaseworker, rowan, FamilyLink{familyId, u"child"_s, {}, false});
    EARLYHELP_VERIFY_OK(id);
    Result<PersonProfile> profile = people.profile(*id);
    EARLYHELP_VERIFY_OK(profile);
    QCOMPARE(profile->familyNames, QStringList{u"Ashby family"_s});
    QCOMPARE(profile->postcodes, QStringList{u"B12 9AB"_s});
    QCOMPARE(profile->counts.familyMemberships, 1);
    QCOMPARE(profile->counts.addresses, 1);
    QCOMPARE(profile->counts.caseNotes, 0);
}

Q_DECLARE_METATYPE(earlyhelp::NewPerson)
Q_DECLARE_METATYPE(earlyhelp::PersonField)

QTEST_GUILESS_MAIN(TestPersonRepository)
#include "tst_personrepository.moc"
