#include "retention/erasure.h"

#include "audit/auditlog.h"

#include "retentiontesthelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::retention;
using namespace earlyhelp::testing;

namespace {

const Actor deputy{QStringLiteral("r.singh"), QStringLiteral("deputy")};

// Values of the child to erase that no other row of the store contains.
const QString childForename = QStringLiteral("Zephyrine");
const QString childDateOfBirth = QStringLiteral("2015-03-02");
const QString childUpn = QStringLiteral("K801200001002");
const QString childTelephone = QStringLiteral("07700 900461");
const QString childNote = QStringLiteral("Spoke about the blue kite by the canal");
const QString childPostcode = QStringLiteral("B15 9QZ");

} // namespace

class TestErasure : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void planListsRowsAboutPerson();
    void erasureLeavesNoTrace();
    void erasureKeepsOtherPeople();
    void erasureLeavesTombstones();
    void lastMemberErasesFamily();
    void erasureRedactsAuditDetails();
    void erasureKeepsAuditChainIntact();
    void erasureNeedsLead();
    void erasureNeedsReason();
    void unknownPersonNotFound();

private:
    // Returns the store decrypted into a plaintext SQLite file, as bytes.
    [[nodiscard]] QByteArray decryptedStore();

    CaseworkFixture m_fixture;
    QString m_family;
    QString m_child;
    QString m_mother;
    QString m_childNote;
    QString m_familyNote;
};

void TestErasure::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    Store& store = *m_fixture.store;
    const QString org = m_fixture.orgId;
    const QString stamp = QStringLiteral("2026-01-05T09:00:00.000Z");

    m_family = insertFamilyRow(store, org, QStringLiteral("Quillfeather family"));
    m_child = insertPersonRow(store, org, childForename, QStringLiteral("Quillfeather"), childDateOfBirth, childUpn);
    m_mother = insertPersonRow(store, org, QStringLiteral("Henrietta"), QStringLiteral("Quillfeather"),
                               QStringLiteral("1984-08-19"));
    QVERIFY(!m_family.isEmpty() && !m_child.isEmpty() && !m_mother.isEmpty());
    QVERIFY(!insertMember(store, org, m_family, m_child, QStringLiteral("child")).isEmpty());
    QVERIFY(!insertMember(store, org, m_family, m_mother, QStringLiteral("adult")).isEmpty());

    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO address (id, org_id, person_id, paon, street, postcode, created_at, "
                                "updated_at) VALUES (?, ?, ?, '14', 'Harborne Road', ?, ?, ?)"),
                 {newId(), org, m_child, childPostcode, stamp, stamp}));
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO contact (id, org_id, person_id, kind, type_code, value, created_at, "
                                "updated_at) VALUES (?, ?, ?, 'phone', 'M', ?, ?, ?)"),
                 {newId(), org, m_child, childTelephone, stamp, stamp}));
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO contact (id, org_id, person_id, kind, type_code, value, created_at, "
                                "updated_at) VALUES (?, ?, ?, 'phone', 'H', '0121 496 0555', ?, ?)"),
                 {newId(), org, m_mother, stamp, stamp}));
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO relationship (id, org_id, child_id, adult_id, relationship, "
                                "parental_responsibility, created_at, updated_at) VALUES (?, ?, ?, ?, 'mother', 1, "
                                "?, ?)"),
                 {newId(), org, m_child, m_mother, stamp, stamp}));

    m_childNote = newId();
    m_familyNote = newId();
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO case_note (id, org_id, family_id, person_id, note_date, author, "
                                "note_type, body, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-11-02', "
                                "'a.okafor', 'direct_work', ?, ?, ?)"),
                 {m_childNote, org, m_family, m_child, childNote, stamp, stamp}));
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO case_note (id, org_id, family_id, person_id, note_date, author, "
                                "note_type, body, created_at, updated_at) VALUES (?, ?, ?, NULL, '2026-11-03', "
                                "'a.okafor', 'home_visit', 'Henrietta asked about housing support', ?, ?)"),
                 {m_familyNote, org, m_family, stamp, stamp}));

    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO consent (id, org_id, family_id, subject_person_id, given_by_person_id, "
                                "giver_capacity, purposes, recipients, data_categories, method, given_date, "
                                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'parental_responsibility', "
                                "'[\"safeguarding\"]', '[\"childrens_trust\"]', '[\"personal\"]', 'written', "
                                "'2026-10-01', ?, ?)"),
                 {newId(), org, m_family, m_child, m_mother, stamp, stamp}));
    const QString decision = newId();
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO sharing_decision (id, org_id, family_id, person_id, lawful_basis, "
                                "justification, decided_by, decision_date, created_at, updated_at) VALUES (?, ?, "
                                "?, ?, 'art6_1_e', 'Risk to Zephyrine at the canal', 'a.okafor', '2026-11-05', ?, "
                                "?)"),
                 {decision, org, m_family, m_child, stamp, stamp}));
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO override_use (id, org_id, decision_id, family_id, person_id, "
                                "recipient_party_type, purpose, field_ids, agreement_version, reason, used_by, "
                                "used_at) VALUES (?, ?, ?, ?, ?, 'childrens_trust', 'safeguarding', "
                                "'[\"person.legalForename\"]', 1, 'Referral', 'a.okafor', ?)"),
                 {newId(), org, decision, m_family, m_child, stamp}));

    // What sync keeps of the child: the agreed base values, a change on its
    // way with the values as JSON, and a conflict over the forename.
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO sync_record (record_type, record_id, revision, base_fields) VALUES "
                                "('person', ?, 2, ?)"),
                 {m_child, QStringLiteral("{\"person.legalForename\": \"%1\"}").arg(childForename)}));
    QVERIFY(exec(store,
                 QStringLiteral("UPDATE sync_outbox SET change_id = ?, body = ? WHERE record_type = 'person' AND "
                                "record_id = ?"),
                 {newId(), QStringLiteral("{\"fields\": {\"person.upn\": \"%1\"}}").arg(childUpn), m_child}));
    QVERIFY(exec(store,
                 QStringLiteral("INSERT INTO sync_conflict (conflict_id, record_type, record_id, field_id, "
                                "server_value, other_value, status, created_at) VALUES (?, 'contact', ?, "
                                "'contact.value', ?, '[\"0\"]', 'open', ?)"),
                 {newId(), newId(), QStringLiteral("[\"%1\"]").arg(childTelephone), stamp}));
    QVERIFY(exec(store,
                 QStringLiteral("UPDATE sync_conflict SET record_id = (SELECT id FROM contact WHERE person_id = ?)"),
                 {m_child}));

    // A search for the child's forename, which names no record.
    audit::NewEvent search;
    search.action = audit::Action::Search;
    search.details = QJsonObject{{QStringLiteral("query"), childForename}, {QStringLiteral("results"), 1}};
    EARLYHELP_VERIFY_OK(audit::AuditLog(store).append(search));
    // A search for the family's surname, which the mother keeps.
    search.details = QJsonObject{{QStringLiteral("query"), QStringLiteral("Quillfeather")}};
    EARLYHELP_VERIFY_OK(audit::AuditLog(store).append(search));
}

void TestErasure::cleanup() {
    m_fixture.tearDown();
}

QByteArray TestErasure::decryptedStore() {
    const QString plainPath = m_fixture.folder->filePath(QStringLiteral("plain.sqlite"));
    QFile::remove(plainPath);
    QFile plain(plainPath);
    if (!plain.open(QIODevice::WriteOnly))
        return {};
    plain.close();

    Store& store = *m_fixture.store;
    if (!exec(store, QStringLiteral("ATTACH DATABASE ? AS plain KEY ''"), {plainPath}))
        return {};
    const bool exported = exec(store, QStringLiteral("SELECT sqlcipher_export('plain')"));
    const bool detached = exec(store, QStringLiteral("DETACH DATABASE plain"));
    if (!exported || !detached)
        return {};
    QFile file(plainPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestErasure::planListsRowsAboutPerson() {
    const Result<ErasurePlan> plan = Erasure(*m_fixture.store, m_fixture.options()).plan(m_child);
    EARLYHELP_VERIFY_OK(plan);

    QCOMPARE(plan->confirmationName, QStringLiteral("Zephyrine Quillfeather"));
    QCOMPARE(plan->records.first().table, QStringLiteral("person"));
    QCOMPARE(plan->records.first().id, m_child);
    const QMap<QString, int> counts = plan->countsByTable();
    QCOMPARE(counts.value(QStringLiteral("person")), 1);
    QCOMPARE(counts.value(QStringLiteral("address")), 1);
    QCOMPARE(counts.value(QStringLiteral("contact")), 1);
    QCOMPARE(counts.value(QStringLiteral("relationship")), 1);
    QCOMPARE(counts.value(QStringLiteral("family_member")), 1);
    QCOMPARE(counts.value(QStringLiteral("case_note")), 1);
    QCOMPARE(counts.value(QStringLiteral("consent")), 1);
    QCOMPARE(counts.value(QStringLiteral("sharing_decision")), 1);
    QCOMPARE(counts.value(QStringLiteral("override_use")), 1);
    QCOMPARE(counts.value(QStringLiteral("family")), 0);
    QCOMPARE(plan->familiesKept, QStringList{m_family});
    QVERIFY(plan->familiesErased.isEmpty());

    // Planning changes nothing.
    QCOMPARE(scalar(*m_fixture.store, QStringLiteral("SELECT count(*) FROM person WHERE id = ?"), {m_child}).toInt(),
             1);
}

void TestErasure::erasureLeavesNoTrace() {
    const QByteArray before = decryptedStore();
    QVERIFY(before.contains(childForename.toUtf8()));
    QVERIFY(before.contains(childNote.toUtf8()));

    const Result<ErasureOutcome> outcome = Erasure(*m_fixture.store, m_fixture.options())
                                               .erasePerson(lead, m_child, QStringLiteral("Erasure request ER-2026-14"));
    EARLYHELP_VERIFY_OK(outcome);

    const QByteArray after = decryptedStore();
    QVERIFY(!after.isEmpty());
    for (const QString& value : {childForename, childForename.toLower(), childDateOfBirth, childUpn,
                                 childUpn.toLower(), childTelephone, childNote, childPostcode}) {
        QVERIFY2(!after.contains(value.toUtf8()), qUtf8Printable(value));
    }

    // A truncated WAL contains no page written before the erasure.
    const QFileInfo wal(m_fixture.store->path() + QStringLiteral("-wal"));
    QVERIFY(!wal.exists() || wal.size() == 0);
}

void TestErasure::erasureKeepsOtherPeople() {
    const Result<ErasureOutcome> outcome = Erasure(*m_fixture.store, m_fixture.options())
                                               .erasePerson(lead, m_child, QStringLiteral("Erasure request ER-2026-14"));
    EARLYHELP_VERIFY_OK(outcome);
    Store& store = *m_fixture.store;

    const QByteArray after = decryptedStore();
    QVERIFY(after.contains("Henrietta"));
    QVERIFY(after.contains("0121 496 0555"));
    QVERIFY(after.contains("Henrietta asked about housing support"));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM person WHERE id = ?"), {m_mother}).toInt(), 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM family WHERE id = ?"), {m_family}).toInt(), 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM case_note WHERE id = ?"), {m_familyNote}).toInt(), 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM family_member WHERE family_id = ?"), {m_family})
                 .toInt(),
             1);
    // The mother is still found by name.
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM person_search WHERE person_search MATCH 'henrietta'"))
                 .toInt(),
             1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM person_search WHERE person_search MATCH 'zephyrine'"))
                 .toInt(),
             0);
    QCOMPARE(outcome->plan.familiesKept, QStringList{m_family});
}

void TestErasure::erasureLeavesTombstones() {
    const Result<ErasureOutcome> outcome = Erasure(*m_fixture.store, m_fixture.options())
                                               .erasePerson(lead, m_child, QStringLiteral("Erasure request ER-2026-14"));
    EARLYHELP_VERIFY_OK(outcome);
    Store& store = *m_fixture.store;

    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM erasure_tombstone")).toInt(),
             outcome->plan.records.size());
    QSqlQuery query(store.database());
    QVERIFY(query.exec(QStringLiteral("SELECT erased_at, erased_by, reason FROM erasure_tombstone WHERE "
                                      "record_type = 'person' AND record_id = '%1'")
                           .arg(m_child)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("2026-12-04T12:00:00.000Z"));
    QCOMPARE(query.value(1).toString(), lead.user);
    QCOMPARE(query.value(2).toString(), QStringLiteral("Erasure request ER-2026-14"));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM sync_record WHERE record_id = ?"), {m_child}).toInt(),
             0);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM sync_conflict")).toInt(), 0);
}

void TestErasure::lastMemberErasesFamily() {
    Erasure erasure(*m_fixture.store, m_fixture.options());
    EARLYHELP_VERIFY_OK(erasure.erasePerson(lead, m_child, QStringLiteral("Erasure request ER-2026-14")));

    const Result<ErasureOutcome> outcome =
        erasure.erasePerson(lead, m_mother, QStringLiteral("Erasure request ER-2026-15"));
    EARLYHELP_VERIFY_OK(outcome);
    Store& store = *m_fixture.store;

    QCOMPARE(outcome->plan.familiesErased, QStringList{m_family});
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM family")).toInt(), 0);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM case_note")).toInt(), 0);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM erasure_tombstone WHERE record_type = 'family' AND "
                                          "record_id = ?"),
                    {m_family})
                 .toInt(),
             1);
    const QByteArray after = decryptedStore();
    QVERIFY(!after.contains("Henrietta"));
    QVERIFY(!after.contains("Quillfeather"));
}

void TestErasure::erasureRedactsAuditDetails() {
    Store& store = *m_fixture.store;
    const qint64 eventsBefore = scalar(store, QStringLiteral("SELECT count(*) FROM audit_event")).toLongLong();
    const qint64 lastBefore = scalar(store, QStringLiteral("SELECT max(seq) FROM audit_event")).toLongLong();
    const qint64 aboutChild =
        scalar(store, QStringLiteral("SELECT count(*) FROM audit_event WHERE person_id = ?"), {m_child}).toLongLong();
    QVERIFY(aboutChild > 0);

    const Result<ErasureOutcome> outcome = Erasure(store, m_fixture.options())
                                               .erasePerson(lead, m_child, QStringLiteral("Erasure request ER-2026-14"));
    EARLYHELP_VERIFY_OK(outcome);

    // One event per removed row from the triggers, and the erase event.
    const qint64 rows = outcome->plan.records.size();
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM audit_event")).toLongLong(), eventsBefore + rows + 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM audit_event WHERE action = 'erase'")).toLongLong(),
             rows + 1);

    audit::Filter eraseFilter;
    eraseFilter.actions = {audit::Action::Erase};
    eraseFilter.afterSequence = outcome->auditSequence - 1;
    eraseFilter.limit = 1;
    eraseFilter.newestFirst = false;
    const Result<QList<audit::Event>> erase = audit::AuditLog(store).query(eraseFilter);
    EARLYHELP_VERIFY_OK(erase);
    QCOMPARE(erase->size(), 1);
    QCOMPARE(erase->first().sequence, outcome->auditSequence);
    QCOMPARE(erase->first().user, lead.user);
    QCOMPARE(erase->first().personId, m_child);
    QCOMPARE(erase->first().details.value(QStringLiteral("reason")).toString(),
             QStringLiteral("Erasure request ER-2026-14"));
    QCOMPARE(erase->first().details.value(QStringLiteral("counts")).toObject().value(QStringLiteral("person")).toInt(),
             1);
    QVERIFY(!erase->first().details.value(QStringLiteral("redactedEvents")).toArray().isEmpty());

    // Every event about the child from before the erasure, and the search
    // for the forename, keeps its place in the chain without its details.
    // The erasure's own events carry no values.
    QVERIFY(outcome->redactedEvents.size() >= aboutChild + 1);
    QCOMPARE(scalar(store,
                    QStringLiteral("SELECT count(*) FROM audit_event WHERE person_id = ? AND seq <= ? AND "
                                   "(details <> '' OR details_salt IS NOT NULL OR erased_by_seq IS NOT ?)"),
                    {m_child, lastBefore, outcome->auditSequence})
                 .toLongLong(),
             0);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM audit_event WHERE instr(details, ?) > 0"),
                    {childForename})
                 .toLongLong(),
             0);
    // The search for the surname the mother still has is kept.
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM audit_event WHERE action = 'search' AND "
                                          "instr(details, 'Quillfeather') > 0"))
                 .toLongLong(),
             1);
}

void TestErasure::erasureKeepsAuditChainIntact() {
    Store& store = *m_fixture.store;
    const Result<ErasureOutcome> outcome = Erasure(store, m_fixture.options())
                                               .erasePerson(lead, m_child, QStringLiteral("Erasure request ER-2026-14"));
    EARLYHELP_VERIFY_OK(outcome);

    const Result<audit::ChainReport> report = audit::verifyAuditChain(store);
    EARLYHELP_VERIFY_OK(report);
    QVERIFY2(report->intact, qUtf8Printable(report->problem));
    QCOMPARE(report->erasedDetails, static_cast<qint64>(outcome->redactedEvents.size()));
}

void TestErasure::erasureNeedsLead() {
    const Result<ErasureOutcome> outcome = Erasure(*m_fixture.store, m_fixture.options())
                                               .erasePerson(deputy, m_child, QStringLiteral("Erasure request"));
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(scalar(*m_fixture.store, QStringLiteral("SELECT count(*) FROM person WHERE id = ?"), {m_child}).toInt(),
             1);
}

void TestErasure::erasureNeedsReason() {
    const Result<ErasureOutcome> outcome =
        Erasure(*m_fixture.store, m_fixture.options()).erasePerson(lead, m_child, QStringLiteral(" "));
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::InvalidInput);
    QCOMPARE(scalar(*m_fixture.store, QStringLiteral("SELECT count(*) FROM person WHERE id = ?"), {m_child}).toInt(),
             1);
}

void TestErasure::unknownPersonNotFound() {
    const Result<ErasureOutcome> outcome = Erasure(*m_fixture.store, m_fixture.options())
                                               .erasePerson(lead, newId(), QStringLiteral("Erasure request"));
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestErasure)
#include "tst_erasure.moc"
