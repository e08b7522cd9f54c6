// The store side of sync on real encrypted stores: the outbox the triggers
// write, the batches built under the bundled agreement, the server's responses
// recorded, and pulled pages applied to a second store. The server's part is
// played by the test, which turns pushed changes into feed entries.

#include "../casework/caseworktesthelpers.h"

#include "audit/auditlog.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "policy/signature.h"
#include "sync/synclocal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;
using namespace Qt::StringLiterals;

namespace {

const QDate today(2026, 12, 4);
const QString schoolServerId = u"5b0f4a52-1c1e-4d55-9a57-0a1f2e3d4c5b"_s;
const QString trustServerId = u"7c2e5b63-2d2f-4e66-8b68-1b2f3e4d5c6d"_s;

bool exec(Store& store, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery query(store.database());
    query.prepare(sql);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qWarning("%s failed: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
        return false;
    }
    return true;
}

// Returns the first column of the first row, or an invalid QVariant.
QVariant scalar(Store& store, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery query(store.database());
    query.prepare(sql);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

int outboxRows(Store& store, const QString& recordType, const QString& recordId) {
    return scalar(store, u"SELECT count(*) FROM sync_outbox WHERE record_type = ? AND record_id = ?"_s,
                  {recordType, recordId})
        .toInt();
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

sharing::AgreementState signedUpState() {
    sharing::AgreementState state;
    Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    if (!agreement) {
        qWarning("The bundled agreement did not load: %s", qUtf8Printable(agreement.error().message));
        return state;
    }
    state.inForce = *agreement;
    state.acceptance = sharing::Acceptance{agreement->version, u"Sam Patel"_s, u"Designated safeguarding lead"_s,
                                           QDate(2026, 11, 1), u"s.patel"_s, u"2026-11-01T09:00:00Z"_s};
    return state;
}

// Returns the audit Share events about personId, oldest first.
QList<audit::Event> shareEventsOf(Store& store, const QString& personId) {
    audit::Filter filter;
    filter.personId = personId;
    filter.actions = {audit::Action::Share};
    filter.newestFirst = false;
    Result<QList<audit::Event>> events = audit::AuditLog(store).query(filter);
    if (!events) {
        qWarning("Reading the audit trail failed: %s", qUtf8Printable(events.error().message));
        return {};
    }
    return *events;
}

QStringList stringsOf(const QJsonValue& value) {
    QStringList strings;
    for (const QJsonValue& item : value.toArray())
        strings += item.toString();
    return strings;
}

const sync::OutgoingChange* findChange(const QList<sync::OutgoingChange>& changes, const QString& recordId) {
    for (const sync::OutgoingChange& change : changes) {
        if (change.recordId == recordId)
            return &change;
    }
    return nullptr;
}

QList<sync::PushResult> acceptAll(const QList<sync::OutgoingChange>& changes, qint64 revision) {
    QList<sync::PushResult> results;
    for (const sync::OutgoingChange& change : changes) {
        sync::PushResult result;
        result.changeId = change.changeId;
        result.status = sync::PushResult::Status::Accepted;
        result.revision = revision;
        results += result;
    }
    return results;
}

// Returns the feed entry the server would give another organisation for a
// change it accepted from the school.
QJsonObject recordEntry(const sync::OutgoingChange& change, qint64 sequence, qint64 revision) {
    return QJsonObject{
        {u"sequence"_s, sequence},
        {u"kind"_s, u"record"_s},
        {u"recordType"_s, change.recordType},
        {u"recordId"_s, change.recordId},
        {u"revision"_s, revision},
        {u"owner"_s, QJsonObject{{u"id"_s, schoolServerId},
                                 {u"name"_s, u"Test Primary School"_s},
                                 {u"partyType"_s, u"school"_s}}},
        {u"fields"_s, change.fields},
        {u"deleted"_s, false},
        {u"subject"_s, QJsonObject{{u"familyId"_s, change.familyId}, {u"personId"_s, change.personId}}},
        {u"links"_s, change.links},
        {u"purgeFields"_s, QJsonArray()},
    };
}

} // namespace

class TestSyncLocal : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void outboxWrittenInEditTransaction();
    void batchSendsOnlyShareableFields();
    void familyWithoutConsentSkipped();
    void lostAnswerResendsSameChange();
    void acceptedChangeBecomesBase();
    void rejectedChangeKeptWithMessage();
    void pushConflictKeptOpen();
    void localDeleteSent();
    void acceptedPushAppendsShareEvents();
    void rejectedChangeNotShared();
    void rejectionWithoutMessageRecorded();
    void conflictingFieldNotShared();
    void answerRecordedTwiceSharesOnce();
    void organisationConsentNamesOrganisation();
    void pullCreatesFamilyWithOwner();
    void localEditSurvivesPull();
    void purgeRemovesRowsAndLogs();
    void conflictUpsertedAndResolved();
    void stateRecordsAttempt();
    void pushResultParsed_data();
    void pushResultParsed();
    void malformedFeedEntryRejected();

private:
    // Consents to share the child's personal data with the children's trust
    // for safeguarding.
    void addConsent();
    // Pushes everything, accepted at revision 1, and applies it to a second
    // store owned by a children's trust.
    void pullIntoTrustStore();

    CaseworkFixture m_school;
    CaseworkFixture m_trust;
    QString m_familyId;
    QString m_childId;
    QString m_parentId;
    QString m_memberChildId;
    QString m_memberParentId;
    QString m_addressId;
    QString m_noteId;
    QString m_otherFamilyId;
    QString m_otherPersonId;
};

void TestSyncLocal::init() {
    const QString failure = m_school.setUp();
    QVERIFY2(failure.isEmpty(), qUtf8Printable(failure));
    Store& store = *m_school.store;

    m_familyId = m_school.insertFamily(u"Fenwick family"_s);
    m_childId = m_school.insertPerson(u"Amara"_s, u"Fenwick"_s);
    m_parentId = m_school.insertPerson(u"Joanna"_s, u"Fenwick"_s);
    QVERIFY(!m_familyId.isEmpty() && !m_childId.isEmpty() && !m_parentId.isEmpty());
    QVERIFY(exec(store,
                 u"UPDATE person SET date_of_birth = '2016-04-12', ethnicity = 'WBRI', is_pupil = 1 WHERE id = ?"_s,
                 {m_childId}));

    const QString stamp = u"2026-01-05T09:00:00.000Z"_s;
    m_memberChildId = newId();
    m_memberParentId = newId();
    const QString memberSql = u"INSERT INTO family_member (id, org_id, family_id, person_id, role, relationship, "
                              "parental_responsibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    QVERIFY(exec(store, memberSql,
                 {m_memberChildId, m_school.orgId, m_familyId, m_childId, u"child"_s, u""_s, 0, stamp, stamp}));
    QVERIFY(exec(store, memberSql,
                 {m_memberParentId, m_school.orgId, m_familyId, m_parentId, u"adult"_s, u"parent"_s, 1, stamp,
                  stamp}));
    m_addressId = newId();
    QVERIFY(exec(store,
                 u"INSERT INTO address (id, org_id, person_id, paon, street, postcode, created_at, updated_at) "
                 "VALUES (?, ?, ?, '14', 'Larch Road', 'B14 7QD', ?, ?)"_s,
                 {m_addressId, m_school.orgId, m_childId, stamp, stamp}));

    CaseNoteRepository notes(store, m_school.options());
    CaseNote note;
    note.familyId = m_familyId;
    note.personId = m_childId;
    note.date = QDate(2026, 11, 3);
    note.author = u"Sam Patel"_s;
    note.type = u"home_visit"_s;
    note.text = u"Amara said she enjoys the breakfast club."_s;
    Result<CaseNote> created = notes.create(caseworker, note);
    EARLYHELP_VERIFY_OK(created);
    m_noteId = created->meta.id;

    m_otherFamilyId = m_school.insertFamily(u"Okafor family"_s);
    m_otherPersonId = m_school.insertPerson(u"Tobi"_s, u"Okafor"_s);
    QVERIFY(exec(store, memberSql,
                 {newId(), m_school.orgId, m_otherFamilyId, m_otherPersonId, u"child"_s, u""_s, 0, stamp, stamp}));
}

void TestSyncLocal::cleanup() {
    m_school.tearDown();
    m_trust.tearDown();
}

void TestSyncLocal::addConsent() {
    ConsentRepository consents(*m_school.store, m_school.options());
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = m_parentId;
    consent.purposes = {u"safeguarding"_s};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, u"childrens_trust"_s}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate(2026, 11, 3);
    EARLYHELP_VERIFY_OK(consents.createConsent(caseworker, consent));
}

void TestSyncLocal::pullIntoTrustStore() {
    addConsent();
    sync::SyncLocal school(*m_school.store);
    Result<QList<sync::OutgoingChange>> batch = school.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    QVERIFY(!batch->isEmpty());
    EARLYHELP_VERIFY_OK(school.recordResults(*batch, acceptAll(*batch, 1), signedUpState(), today));

    m_trust.folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_trust.folder->isValid());
    Result<std::unique_ptr<Store>> created =
        Store::create(m_trust.folder->filePath(u"trust.store"_s), SecretBytes::random(32));
    EARLYHELP_VERIFY_OK(created);
    m_trust.store = std::move(*created);
    OrganisationRecord organisation;
    organisation.name = u"Test Children's Trust"_s;
    organisation.dfeUrn = u"103457"_s;
    Result<OrganisationRecord> local = createLocalOrganisation(*m_trust.store, organisation);
    EARLYHELP_VERIFY_OK(local);
    m_trust.orgId = local->id;
    // createLocalOrganisation() records schools only.
    QVERIFY(exec(*m_trust.store, u"UPDATE organisation SET party_type = 'childrens_trust', dfe_urn = NULL WHERE id = ?"_s,
                 {m_trust.orgId}));

    // The server never sends consents and decisions to another organisation.
    QJsonArray entries;
    qint64 sequence = 0;
    for (const sync::OutgoingChange& change : std::as_const(*batch)) {
        if (change.recordType != u"consent" && change.recordType != u"sharingDecision")
            entries.append(recordEntry(change, ++sequence, 1));
    }
    sync::SyncLocal trust(*m_trust.store);
    Result<sync::ApplySummary> applied = trust.applyPull(entries, sequence, trustServerId);
    EARLYHELP_VERIFY_OK(applied);
    QCOMPARE(applied->records, int(entries.size()));
}

void TestSyncLocal::outboxWrittenInEditTransaction() {
    Store& store = *m_school.store;
    QCOMPARE(outboxRows(store, u"caseNote"_s, m_noteId), 1);
    QCOMPARE(outboxRows(store, u"person"_s, m_childId), 1);

    QVERIFY(exec(store, u"DELETE FROM sync_outbox"_s));
    QSqlDatabase database = store.database();
    QVERIFY(database.transaction());
    QVERIFY(exec(store, u"UPDATE person SET title = 'Ms' WHERE id = ?"_s, {m_parentId}));
    QCOMPARE(outboxRows(store, u"person"_s, m_parentId), 1);
    QVERIFY(database.rollback());
    QCOMPARE(outboxRows(store, u"person"_s, m_parentId), 0);

    CaseNoteRepository notes(store, m_school.options());
    Result<CaseNote> note = notes.get(m_noteId);
    EARLYHELP_VERIFY_OK(note);
    note->text = u"Amara said she enjoys the breakfast club and the choir."_s;
    EARLYHELP_VERIFY_OK(notes.update(caseworker, *note));
    QCOMPARE(outboxRows(store, u"caseNote"_s, m_noteId), 1);
}

void TestSyncLocal::batchSendsOnlyShareableFields() {
    addConsent();
    sync::SyncLocal local(*m_school.store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);

    const sync::OutgoingChange* child = findChange(*batch, m_childId);
    QVERIFY(child);
    QCOMPARE(child->recordType, u"person"_s);
    QCOMPARE(child->baseRevision, 0);
    QCOMPARE(child->fields.value(u"person.legalForename"_s).toString(), u"Amara"_s);
    QCOMPARE(child->fields.value(u"person.dateOfBirth"_s).toString(), u"2016-04-12"_s);
    QVERIFY2(!child->fields.contains(u"person.ethnicity"_s), "special category data needs its own consent");
    QCOMPARE(child->familyId, m_familyId);
    QCOMPARE(child->personId, m_childId);

    const sync::OutgoingChange* member = findChange(*batch, m_memberChildId);
    QVERIFY(member);
    QCOMPARE(member->links.value(u"familyId"_s).toString(), m_familyId);
    QCOMPARE(member->links.value(u"personId"_s).toString(), m_childId);

    QVERIFY2(!findChange(*batch, m_parentId), "the consent is the child's, so no field of the parent may go");

    bool consentSent = false;
    for (const sync::OutgoingChange& change : std::as_const(*batch)) {
        if (change.recordType != u"consent")
            continue;
        consentSent = true;
        QCOMPARE(change.fields.keys(), QStringList{u"basis"_s});
        QCOMPARE(change.fields.value(u"basis"_s).toObject().value(u"subjectPersonId"_s).toString(), m_childId);
    }
    QVERIFY(consentSent);

    const QByteArray wire = QJsonDocument(child->toJson()).toJson(QJsonDocument::Compact);
    QVERIFY2(!wire.contains("WBRI"), wire.constData());
}

void TestSyncLocal::familyWithoutConsentSkipped() {
    addConsent();
    Store& store = *m_school.store;
    QCOMPARE(outboxRows(store, u"person"_s, m_otherPersonId), 1);

    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    QVERIFY(findChange(*batch, m_childId));
    QVERIFY(!findChange(*batch, m_otherFamilyId));
    QVERIFY(!findChange(*batch, m_otherPersonId));
    QCOMPARE(outboxRows(store, u"person"_s, m_otherPersonId), 0);
    QCOMPARE(outboxRows(store, u"family"_s, m_otherFamilyId), 0);
}

void TestSyncLocal::lostAnswerResendsSameChange() {
    addConsent();
    sync::SyncLocal local(*m_school.store);
    Result<QList<sync::OutgoingChange>> first = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(first);
    QVERIFY(!first->isEmpty());

    Result<QList<sync::OutgoingChange>> again = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(again);
    QCOMPARE(again->size(), first->size());
    for (const sync::OutgoingChange& change : std::as_const(*first)) {
        const sync::OutgoingChange* resent = findChange(*again, change.recordId);
        QVERIFY(resent);
        QCOMPARE(resent->changeId, change.changeId);
        QCOMPARE(resent->toJson(), change.toJson());
    }

    Result<QList<sync::OutgoingChange>> limited = local.nextBatch(signedUpState(), today, 2);
    EARLYHELP_VERIFY_OK(limited);
    QCOMPARE(limited->size(), 2);
}

void TestSyncLocal::acceptedChangeBecomesBase() {
    addConsent();
    Store& store = *m_school.store;
    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, acceptAll(*batch, 1), signedUpState(), today));

    Result<int> pending = local.pendingCount();
    EARLYHELP_VERIFY_OK(pending);
    QCOMPARE(*pending, 0);
    QCOMPARE(scalar(store, u"SELECT revision FROM sync_record WHERE record_type = 'person' AND record_id = ?"_s,
                    {m_childId})
                 .toInt(),
             1);

    QVERIFY(exec(store, u"UPDATE person SET legal_surname = 'Fenwick-Ashby' WHERE id = ?"_s, {m_childId}));
    Result<QList<sync::OutgoingChange>> next = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(next);
    QCOMPARE(next->size(), 1);
    const sync::OutgoingChange& change = next->first();
    QCOMPARE(change.recordId, m_childId);
    QCOMPARE(change.baseRevision, 1);
    QCOMPARE(change.fields, (QJsonObject{{u"person.legalSurname"_s, u"Fenwick-Ashby"_s}}));

    // A record that changes while its change is on the way goes again.
    QVERIFY(exec(store, u"UPDATE person SET legal_forename = 'Amarachi' WHERE id = ?"_s, {m_childId}));
    EARLYHELP_VERIFY_OK(local.recordResults(*next, acceptAll(*next, 2), signedUpState(), today));
    Result<QList<sync::OutgoingChange>> third = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(third);
    QCOMPARE(third->size(), 1);
    QCOMPARE(third->first().baseRevision, 2);
    QCOMPARE(third->first().fields, (QJsonObject{{u"person.legalForename"_s, u"Amarachi"_s}}));
}

void TestSyncLocal::rejectedChangeKeptWithMessage() {
    addConsent();
    sync::SyncLocal local(*m_school.store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    const sync::OutgoingChange* child = findChange(*batch, m_childId);
    QVERIFY(child);

    QList<sync::PushResult> results = acceptAll(*batch, 1);
    for (sync::PushResult& result : results) {
        if (result.changeId == child->changeId) {
            result.status = sync::PushResult::Status::Rejected;
            result.error = u"forbidden"_s;
            result.message = u"your organisation does not hold this record"_s;
        }
    }
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, results, signedUpState(), today));

    Result<QList<sync::OutgoingChange>> rejected = local.rejected();
    EARLYHELP_VERIFY_OK(rejected);
    QCOMPARE(rejected->size(), 1);
    QCOMPARE(rejected->first().recordId, m_childId);
    QCOMPARE(rejected->first().error, u"forbidden"_s);
    QCOMPARE(rejected->first().message, u"your organisation does not hold this record"_s);

    Result<QList<sync::OutgoingChange>> next = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(next);
    QVERIFY2(next->isEmpty(), "a rejected change is not sent again until the record changes");
}

void TestSyncLocal::acceptedPushAppendsShareEvents() {
    addConsent();
    Store& store = *m_school.store;
    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, acceptAll(*batch, 1), signedUpState(), today));

    const QList<audit::Event> events = shareEventsOf(store, m_childId);
    QCOMPARE(events.size(), 1);
    const QJsonObject& details = events.first().details;
    QCOMPARE(events.first().recordType, u"person"_s);
    QCOMPARE(events.first().familyId, m_familyId);
    QCOMPARE(details.value(u"recipient"_s).toString(), u"childrens_trust"_s);
    QCOMPARE(details.value(u"purpose"_s).toString(), u"safeguarding"_s);
    QVERIFY(!details.contains(u"recipientOrganisation"_s));
    QCOMPARE(stringsOf(details.value(u"clauses"_s)), QStringList{u"S-childrens-trust-personal"_s});
    QCOMPARE(stringsOf(details.value(u"consentIds"_s)).size(), 1);
    QCOMPARE(stringsOf(details.value(u"decisionIds"_s)), QStringList());

    const QStringList fields = stringsOf(details.value(u"fields"_s));
    for (const QString& shared : {u"person.legalForename"_s, u"person.dateOfBirth"_s, u"address.postcode"_s,
                                  u"caseNote.text"_s})
        QVERIFY2(fields.contains(shared), qPrintable(shared + u" missing from "_s + fields.join(u' ')));
    QVERIFY2(!fields.contains(u"person.ethnicity"_s), qPrintable(fields.join(u' ')));
    // A case note's text has the category its note states.
    QCOMPARE(stringsOf(details.value(u"fieldCategories"_s).toObject().value(u"caseNote.text"_s)),
             QStringList{u"personal"_s});

    // The parent gave the consent but is not its subject; the other family
    // has no consent and is not sent at all.
    QCOMPARE(shareEventsOf(store, m_parentId).size(), 0);
    QCOMPARE(shareEventsOf(store, m_otherPersonId).size(), 0);
}

void TestSyncLocal::rejectedChangeNotShared() {
    addConsent();
    Store& store = *m_school.store;
    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    const sync::OutgoingChange* child = findChange(*batch, m_childId);
    QVERIFY(child);
    QList<sync::PushResult> results = acceptAll(*batch, 1);
    for (sync::PushResult& result : results) {
        if (result.changeId == child->changeId) {
            result.status = sync::PushResult::Status::Rejected;
            result.error = u"forbidden"_s;
            result.message = u"your organisation does not hold this record"_s;
        }
    }
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, results, signedUpState(), today));

    const QList<audit::Event> events = shareEventsOf(store, m_childId);
    QCOMPARE(events.size(), 1);
    const QStringList fields = stringsOf(events.first().details.value(u"fields"_s));
    QVERIFY2(fields.contains(u"address.postcode"_s), qPrintable(fields.join(u' ')));
    for (const QString& fieldId : fields)
        QVERIFY2(!fieldId.startsWith(u"person."_s), qPrintable(fieldId + u" of the rejected change"_s));
}

void TestSyncLocal::rejectionWithoutMessageRecorded() {
    addConsent();
    Store& store = *m_school.store;
    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    const sync::OutgoingChange* child = findChange(*batch, m_childId);
    QVERIFY(child);
    QList<sync::PushResult> results = acceptAll(*batch, 1);
    for (sync::PushResult& result : results) {
        if (result.changeId == child->changeId) {
            result.status = sync::PushResult::Status::Rejected;
            result.error = u"forbidden"_s;
            result.message = QString();
        }
    }
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, results, signedUpState(), today));

    QSqlQuery query(store.database());
    QVERIFY(query.prepare(u"SELECT error, message FROM sync_outbox WHERE record_id = ?"_s));
    query.addBindValue(m_childId);
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), u"forbidden"_s);
    QVERIFY(!query.value(1).isNull());
    QCOMPARE(query.value(1).toString(), QString());
}

void TestSyncLocal::conflictingFieldNotShared() {
    addConsent();
    Store& store = *m_school.store;
    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> first = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(first);
    EARLYHELP_VERIFY_OK(local.recordResults(*first, acceptAll(*first, 1), signedUpState(), today));
    QCOMPARE(shareEventsOf(store, m_childId).size(), 1);

    QVERIFY(exec(store, u"UPDATE person SET preferred_forename = 'Mara', former_surname = 'Ashby' WHERE id = ?"_s,
                 {m_childId}));
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    const sync::OutgoingChange* child = findChange(*batch, m_childId);
    QVERIFY(child);
    QList<sync::PushResult> results = acceptAll(*batch, 2);
    for (sync::PushResult& result : results) {
        if (result.changeId != child->changeId)
            continue;
        result.status = sync::PushResult::Status::Conflict;
        result.conflicts = QJsonArray{QJsonObject{{u"conflictId"_s, newId()},
                                                  {u"fieldId"_s, u"person.preferredForename"_s},
                                                  {u"serverValue"_s, u"Mo"_s},
                                                  {u"yourValue"_s, u"Mara"_s}}};
    }
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, results, signedUpState(), today));

    const QList<audit::Event> events = shareEventsOf(store, m_childId);
    QCOMPARE(events.size(), 2);
    QCOMPARE(stringsOf(events.last().details.value(u"fields"_s)), QStringList{u"person.formerSurname"_s});
}

void TestSyncLocal::answerRecordedTwiceSharesOnce() {
    addConsent();
    Store& store = *m_school.store;
    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    const QList<sync::PushResult> results = acceptAll(*batch, 1);
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, results, signedUpState(), today));
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, results, signedUpState(), today));
    QCOMPARE(shareEventsOf(store, m_childId).size(), 1);
}

void TestSyncLocal::organisationConsentNamesOrganisation() {
    Store& store = *m_school.store;
    QVERIFY(exec(store,
                 u"INSERT INTO organisation (id, name, party_type, is_local, created_at, updated_at) "
                 "VALUES (?, 'Larkspur Children''s Trust', 'childrens_trust', 0, ?, ?)"_s,
                 {trustServerId, u"2026-11-01T09:00:00.000Z"_s, u"2026-11-01T09:00:00.000Z"_s}));
    // A consent naming a health organisation this store has no row for
    // gives no event, because its party type is unknown.
    ConsentRepository consents(store, m_school.options());
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = m_parentId;
    consent.purposes = {u"safeguarding"_s};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::Organisation, trustServerId},
                          ConsentRecipient{ConsentRecipient::Kind::Organisation, newId()}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate(2026, 11, 3);
    EARLYHELP_VERIFY_OK(consents.createConsent(caseworker, consent));

    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, acceptAll(*batch, 1), signedUpState(), today));

    const QList<audit::Event> events = shareEventsOf(store, m_childId);
    QCOMPARE(events.size(), 1);
    const QJsonObject& details = events.first().details;
    QCOMPARE(details.value(u"recipient"_s).toString(), u"childrens_trust"_s);
    QCOMPARE(details.value(u"recipientOrganisation"_s).toString(), trustServerId);
    QCOMPARE(details.value(u"recipientOrganisationName"_s).toString(), u"Larkspur Children's Trust"_s);
    QVERIFY(stringsOf(details.value(u"fields"_s)).contains(u"person.legalSurname"_s));
}

void TestSyncLocal::pushConflictKeptOpen() {
    addConsent();
    Store& store = *m_school.store;
    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    const sync::OutgoingChange* family = findChange(*batch, m_familyId);
    QVERIFY(family);

    const QString conflictId = newId();
    QList<sync::PushResult> results = acceptAll(*batch, 1);
    for (sync::PushResult& result : results) {
        if (result.changeId != family->changeId)
            continue;
        result.status = sync::PushResult::Status::Conflict;
        result.revision = 3;
        result.conflicts = QJsonArray{QJsonObject{{u"conflictId"_s, conflictId},
                                                  {u"fieldId"_s, u"family.name"_s},
                                                  {u"serverValue"_s, u"Ashby family"_s},
                                                  {u"yourValue"_s, u"Fenwick family"_s}}};
    }
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, results, signedUpState(), today));

    Result<QList<sync::SyncConflict>> open = local.conflicts();
    EARLYHELP_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().conflictId, conflictId);
    QCOMPARE(open->first().serverValue, QJsonValue(u"Ashby family"_s));
    QCOMPARE(open->first().localValue, QJsonValue(u"Fenwick family"_s));
    QCOMPARE(scalar(store, u"SELECT revision FROM sync_record WHERE record_type = 'family' AND record_id = ?"_s,
                    {m_familyId})
                 .toInt(),
             3);

    Result<QList<sync::OutgoingChange>> next = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(next);
    QVERIFY2(next->isEmpty(), "the value the server did not take is not pushed again until a person chooses");
}

void TestSyncLocal::localDeleteSent() {
    addConsent();
    Store& store = *m_school.store;
    sync::SyncLocal local(store);
    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    EARLYHELP_VERIFY_OK(local.recordResults(*batch, acceptAll(*batch, 1), signedUpState(), today));

    CaseNoteRepository notes(store, m_school.options());
    EARLYHELP_VERIFY_OK(notes.remove(lead, m_noteId));
    Result<QList<sync::OutgoingChange>> next = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(next);
    QCOMPARE(next->size(), 1);
    QCOMPARE(next->first().recordId, m_noteId);
    QCOMPARE(next->first().deleted, std::optional<bool>(true));
    QCOMPARE(next->first().baseRevision, 1);
    QVERIFY(next->first().fields.isEmpty());
}

void TestSyncLocal::pullCreatesFamilyWithOwner() {
    pullIntoTrustStore();
    if (QTest::currentTestFailed())
        return;
    Store& trust = *m_trust.store;

    QCOMPARE(scalar(trust, u"SELECT org_id FROM family WHERE id = ?"_s, {m_familyId}).toString(), schoolServerId);
    QCOMPARE(scalar(trust, u"SELECT name FROM family WHERE id = ?"_s, {m_familyId}).toString(), u"Fenwick family"_s);
    QCOMPARE(scalar(trust, u"SELECT name || '|' || party_type || '|' || is_local FROM organisation WHERE id = ?"_s,
                    {schoolServerId})
                 .toString(),
             u"Test Primary School|school|0"_s);
    QCOMPARE(scalar(trust, u"SELECT legal_forename FROM person WHERE id = ?"_s, {m_childId}).toString(), u"Amara"_s);
    QVERIFY2(scalar(trust, u"SELECT ethnicity FROM person WHERE id = ?"_s, {m_childId}).toString().isEmpty(),
             "a withheld field never reaches the other store");
    QCOMPARE(scalar(trust, u"SELECT person_id FROM family_member WHERE id = ?"_s, {m_memberChildId}).toString(),
             m_childId);
    QCOMPARE(scalar(trust, u"SELECT body FROM case_note WHERE id = ?"_s, {m_noteId}).toString(),
             u"Amara said she enjoys the breakfast club."_s);
    QCOMPARE(scalar(trust, u"SELECT count(*) FROM person_search WHERE person_search MATCH 'amara'"_s).toInt(), 1);

    sync::SyncLocal local(trust);
    Result<int> pending = local.pendingCount();
    EARLYHELP_VERIFY_OK(pending);
    QCOMPARE(*pending, 0);
    Result<sync::SyncState> state = local.state();
    EARLYHELP_VERIFY_OK(state);
    QVERIFY(state->cursor > 0);
}

void TestSyncLocal::localEditSurvivesPull() {
    pullIntoTrustStore();
    if (QTest::currentTestFailed())
        return;
    Store& trust = *m_trust.store;
    QVERIFY(exec(trust, u"UPDATE person SET legal_surname = 'Fenwick-Ashby' WHERE id = ?"_s, {m_childId}));
    QCOMPARE(outboxRows(trust, u"person"_s, m_childId), 1);

    sync::OutgoingChange change;
    change.recordType = u"person"_s;
    change.recordId = m_childId;
    change.familyId = m_familyId;
    change.personId = m_childId;
    change.fields = QJsonObject{{u"person.legalForename"_s, u"Amarachi"_s},
                                {u"person.legalSurname"_s, u"Fenwick"_s},
                                {u"person.dateOfBirth"_s, u"2016-04-12"_s},
                                {u"person.isPupil"_s, true}};
    sync::SyncLocal local(trust);
    Result<sync::ApplySummary> applied = local.applyPull(QJsonArray{recordEntry(change, 50, 2)}, 50, trustServerId);
    EARLYHELP_VERIFY_OK(applied);

    QCOMPARE(scalar(trust, u"SELECT legal_forename FROM person WHERE id = ?"_s, {m_childId}).toString(),
             u"Amarachi"_s);
    QCOMPARE(scalar(trust, u"SELECT legal_surname FROM person WHERE id = ?"_s, {m_childId}).toString(),
             u"Fenwick-Ashby"_s);
    QCOMPARE(outboxRows(trust, u"person"_s, m_childId), 1);

    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    const sync::OutgoingChange* pushed = findChange(*batch, m_childId);
    QVERIFY(pushed);
    QCOMPARE(pushed->baseRevision, 2);
    QCOMPARE(pushed->fields, (QJsonObject{{u"person.legalSurname"_s, u"Fenwick-Ashby"_s}}));
}

void TestSyncLocal::purgeRemovesRowsAndLogs() {
    pullIntoTrustStore();
    if (QTest::currentTestFailed())
        return;
    Store& trust = *m_trust.store;
    QCOMPARE(scalar(trust, u"SELECT count(*) FROM address WHERE person_id = ?"_s, {m_childId}).toInt(), 1);

    const QJsonObject purge{{u"sequence"_s, 60},
                            {u"kind"_s, u"purge"_s},
                            {u"recordType"_s, u"person"_s},
                            {u"recordId"_s, m_childId},
                            {u"familyId"_s, m_familyId},
                            {u"reason"_s, u"The consent to share with children's trusts was withdrawn."_s}};
    sync::SyncLocal local(trust);
    Result<sync::ApplySummary> applied = local.applyPull(QJsonArray{purge}, 60, trustServerId);
    EARLYHELP_VERIFY_OK(applied);
    QCOMPARE(applied->purged, 1);

    QCOMPARE(scalar(trust, u"SELECT count(*) FROM person WHERE id = ?"_s, {m_childId}).toInt(), 0);
    QCOMPARE(scalar(trust, u"SELECT count(*) FROM address WHERE person_id = ?"_s, {m_childId}).toInt(), 0);
    QCOMPARE(scalar(trust, u"SELECT count(*) FROM family_member WHERE person_id = ?"_s, {m_childId}).toInt(), 0);
    QCOMPARE(scalar(trust, u"SELECT count(*) FROM case_note WHERE id = ?"_s, {m_noteId}).toInt(), 0);
    QCOMPARE(scalar(trust, u"SELECT count(*) FROM person_search WHERE person_search MATCH 'amara'"_s).toInt(), 0);
    QCOMPARE(scalar(trust, u"SELECT count(*) FROM sync_record WHERE record_id = ?"_s, {m_childId}).toInt(), 0);
    QCOMPARE(scalar(trust, u"SELECT count(*) FROM family WHERE id = ?"_s, {m_familyId}).toInt(), 1);

    Result<QList<sync::PurgeRecord>> purges = local.purges();
    EARLYHELP_VERIFY_OK(purges);
    QCOMPARE(purges->size(), 1);
    QCOMPARE(purges->first().recordId, m_childId);
    QCOMPARE(purges->first().familyId, m_familyId);
    QCOMPARE(purges->first().reason, u"The consent to share with children's trusts was withdrawn."_s);
    QVERIFY(purges->first().purgedAt.isValid());
}

void TestSyncLocal::conflictUpsertedAndResolved() {
    pullIntoTrustStore();
    if (QTest::currentTestFailed())
        return;
    Store& trust = *m_trust.store;
    const QString conflictId = newId();
    QJsonObject entry{{u"sequence"_s, 70},
                      {u"kind"_s, u"conflict"_s},
                      {u"conflictId"_s, conflictId},
                      {u"recordType"_s, u"family"_s},
                      {u"recordId"_s, m_familyId},
                      {u"fieldId"_s, u"family.name"_s},
                      {u"serverValue"_s, u"Fenwick family"_s},
                      {u"otherValue"_s, u"Fenwick-Ashby family"_s},
                      {u"otherOrganisation"_s, QJsonObject{{u"id"_s, trustServerId},
                                                           {u"name"_s, u"Test Children's Trust"_s},
                                                           {u"partyType"_s, u"childrens_trust"_s}}},
                      {u"status"_s, u"open"_s},
                      {u"resolvedValue"_s, QJsonValue()},
                      {u"createdAt"_s, u"2026-12-04T10:00:00.000Z"_s},
                      {u"resolvedAt"_s, QJsonValue()}};
    sync::SyncLocal local(trust);
    EARLYHELP_VERIFY_OK(local.applyPull(QJsonArray{entry}, 70, trustServerId));
    entry.insert(u"otherValue"_s, u"Ashby family"_s);
    Result<sync::ApplySummary> again = local.applyPull(QJsonArray{entry}, 71, trustServerId);
    EARLYHELP_VERIFY_OK(again);
    QCOMPARE(again->conflicts, 1);

    Result<QList<sync::SyncConflict>> open = local.conflicts();
    EARLYHELP_VERIFY_OK(open);
    QCOMPARE(open->size(), 1);
    const sync::SyncConflict& conflict = open->first();
    QCOMPARE(conflict.otherValue, QJsonValue(u"Ashby family"_s));
    QCOMPARE(conflict.localValue, QJsonValue(u"Fenwick family"_s));
    QCOMPARE(conflict.otherOrganisation.name, u"Test Children's Trust"_s);
    QCOMPARE(conflict.recordLabel, u"Fenwick family"_s);
    QCOMPARE(conflict.fieldLabel, u"Family name"_s);

    Status neither = local.resolveConflict(caseworker, conflictId, QJsonValue(u"Another name"_s));
    QVERIFY(!neither);
    QCOMPARE(neither.error().code, ErrorCode::InvalidInput);
    Status unknown = local.resolveConflict(caseworker, newId(), QJsonValue(u"Ashby family"_s));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    const Actor readOnly{u"r.jones"_s, u"readonly"_s};
    Status denied = local.resolveConflict(readOnly, conflictId, QJsonValue(u"Ashby family"_s));
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);

    EARLYHELP_VERIFY_OK(local.resolveConflict(caseworker, conflictId, QJsonValue(u"Ashby family"_s)));
    QCOMPARE(scalar(trust, u"SELECT name FROM family WHERE id = ?"_s, {m_familyId}).toString(), u"Ashby family"_s);

    Result<QList<sync::OutgoingChange>> batch = local.nextBatch(signedUpState(), today, 100);
    EARLYHELP_VERIFY_OK(batch);
    const sync::OutgoingChange* change = findChange(*batch, m_familyId);
    QVERIFY(change);
    QCOMPARE(change->resolves, QStringList{conflictId});
    QCOMPARE(change->baseRevision, 1);
    QCOMPARE(change->fields, (QJsonObject{{u"family.name"_s, u"Ashby family"_s}}));

    EARLYHELP_VERIFY_OK(local.recordResults(*batch, acceptAll(*batch, 2), signedUpState(), today));
    Result<QList<sync::SyncConflict>> remaining = local.conflicts();
    EARLYHELP_VERIFY_OK(remaining);
    QVERIFY(remaining->isEmpty());
    Result<QList<sync::SyncConflict>> all = local.conflicts(false);
    EARLYHELP_VERIFY_OK(all);
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->first().resolvedValue, QJsonValue(u"Ashby family"_s));
}

void TestSyncLocal::stateRecordsAttempt() {
    sync::SyncLocal local(*m_school.store);
    const QDateTime serverTime = QDateTime::currentDateTimeUtc().addSecs(-600);
    EARLYHELP_VERIFY_OK(local.recordAttempt(serverTime, u"The server could not be reached."_s));
    Result<sync::SyncState> failed = local.state();
    EARLYHELP_VERIFY_OK(failed);
    QCOMPARE(failed->lastError, u"The server could not be reached."_s);
    QVERIFY(failed->lastAttemptAt.isValid());
    QVERIFY(!failed->lastCompleteAt.isValid());
    QVERIFY(failed->clockSkewSeconds >= 600);

    EARLYHELP_VERIFY_OK(local.recordAttempt(QDateTime(), QString()));
    Result<sync::SyncState> complete = local.state();
    EARLYHELP_VERIFY_OK(complete);
    QVERIFY(complete->lastError.isEmpty());
    QVERIFY(complete->lastCompleteAt.isValid());
    QCOMPARE(complete->lastServerTime.toString(Qt::ISODate), serverTime.toString(Qt::ISODate));
}

void TestSyncLocal::pushResultParsed_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("revision");

    const int accepted = int(sync::PushResult::Status::Accepted);
    const int conflict = int(sync::PushResult::Status::Conflict);
    const int rejected = int(sync::PushResult::Status::Rejected);
    QTest::newRow("accepted") << QByteArray(R"({"changeId": "c1", "status": "accepted", "revision": 4})") << true
                              << accepted << qint64(4);
    QTest::newRow("conflict") << QByteArray(R"({"changeId": "c1", "status": "conflict", "revision": 5,
                                              "conflicts": [{"conflictId": "k1", "fieldId": "family.name"}]})")
                              << true << conflict << qint64(5);
    QTest::newRow("rejected") << QByteArray(R"({"changeId": "c1", "status": "rejected", "error": "forbidden"})")
                              << true << rejected << qint64(0);
    QTest::newRow("unknown status") << QByteArray(R"({"changeId": "c1", "status": "maybe", "revision": 1})")
                                    << false << 0 << qint64(0);
    QTest::newRow("no change id") << QByteArray(R"({"status": "accepted", "revision": 1})") << false << 0
                                  << qint64(0);
    QTest::newRow("accepted without revision") << QByteArray(R"({"changeId": "c1", "status": "accepted"})")
                                               << false << 0 << qint64(0);
    QTest::newRow("negative revision") << QByteArray(R"({"changeId": "c1", "status": "accepted", "revision": -1})")
                                       << false << 0 << qint64(0);
    QTest::newRow("conflicts not an array")
        << QByteArray(R"({"changeId": "c1", "status": "conflict", "revision": 2, "conflicts": {}})") << false << 0
        << qint64(0);
}

void TestSyncLocal::pushResultParsed() {
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(int, status);
    QFETCH(qint64, revision);

    Result<sync::PushResult> result = sync::PushResult::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(bool(result), valid);
    if (!valid) {
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        return;
    }
    QCOMPARE(result->changeId, u"c1"_s);
    QCOMPARE(int(result->status), status);
    QCOMPARE(result->revision, revision);
}

void TestSyncLocal::malformedFeedEntryRejected() {
    sync::SyncLocal local(*m_school.store);
    const QJsonObject unknownType{{u"sequence"_s, 1},
                                  {u"kind"_s, u"record"_s},
                                  {u"recordType"_s, u"assessment"_s},
                                  {u"recordId"_s, newId()}};
    Result<sync::ApplySummary> applied = local.applyPull(QJsonArray{unknownType}, 1, schoolServerId);
    QVERIFY(!applied);
    QCOMPARE(applied.error().code, ErrorCode::InvalidInput);

    const QJsonObject noId{{u"sequence"_s, 2}, {u"kind"_s, u"record"_s}, {u"recordType"_s, u"person"_s}};
    applied = local.applyPull(QJsonArray{noId}, 2, schoolServerId);
    QVERIFY(!applied);
    QCOMPARE(applied.error().code, ErrorCode::InvalidInput);

    Result<sync::SyncState> state = local.state();
    EARLYHELP_VERIFY_OK(state);
    QCOMPARE(state->cursor, 0);

    // The failed page was rolled back, so local edits are queued again.
    Store& store = *m_school.store;
    QVERIFY(exec(store, u"DELETE FROM sync_outbox"_s));
    QVERIFY(exec(store, u"UPDATE person SET title = 'Ms' WHERE id = ?"_s, {m_parentId}));
    QCOMPARE(outboxRows(store, u"person"_s, m_parentId), 1);
}

QTEST_GUILESS_MAIN(TestSyncLocal)
#include "tst_sync_local.moc"
