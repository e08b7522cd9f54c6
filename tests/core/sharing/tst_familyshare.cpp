// The records a share collects from a real store, the payloads it builds
// with the bundled agreement, and the wire document that sync sends.

#include "../casework/caseworktesthelpers.h"

#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "policy/signature.h"
#include "sharing/familyshare.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;
using namespace Qt::StringLiterals;

namespace {

const QDate today(2026, 12, 4);

// Runs one INSERT or UPDATE. Returns false, with a warning that contains the
// driver's error, when it fails.
bool exec(Store& store, const QString& sql, const QVariantList& binds) {
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

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const sharing::RecordShare* findRecord(const sharing::Share& share, const QString& recordId) {
    for (const sharing::RecordShare& record : share.records) {
        if (record.record.recordId == recordId)
            return &record;
    }
    return nullptr;
}

const policy::WithheldField* findWithheld(const sharing::RecordShare& record, const QString& fieldId) {
    for (const policy::WithheldField& field : record.payload.withheld) {
        if (field.fieldId == fieldId)
            return &field;
    }
    return nullptr;
}

bool isShared(const sharing::RecordShare& record, const QString& fieldId) {
    for (const policy::SharedField& field : record.payload.shared) {
        if (field.fieldId == fieldId)
            return true;
    }
    return false;
}

} // namespace

class TestFamilyShare : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void familyRecordsCollected();
    void personRecordsCollected();
    void deletedRowsNotCollected();
    void unknownFamilyNotFound();
    void everyFieldSharedOrWithheld();
    void consentedFieldsShared();
    void deniedFieldNotInWire();
    void notSignedUpWithholdsAll();

private:
    [[nodiscard]] sharing::AgreementState signedUpState() const;
    [[nodiscard]] Result<sharing::Share> shareFamily(const sharing::AgreementState& state,
                                                     const QString& recipient, const QString& purpose);

    CaseworkFixture m_fixture;
    QString m_familyId;
    QString m_childId;
    QString m_parentId;
    QString m_currentAddressId;
    QString m_oldAddressId;
    QString m_deletedAddressId;
    QString m_phoneId;
    QString m_emailId;
    QString m_relationshipId;
    QString m_memberChildId;
    QString m_memberParentId;
    QString m_personalNoteId;
    QString m_criminalNoteId;
    QString m_deletedNoteId;
};

void TestFamilyShare::init() {
    const QString failure = m_fixture.setUp();
    QVERIFY2(failure.isEmpty(), qUtf8Printable(failure));
    Store& store = *m_fixture.store;

    m_familyId = m_fixture.insertFamily(u"Fenwick family"_s);
    m_childId = m_fixture.insertPerson(u"Amara"_s, u"Fenwick"_s);
    m_parentId = m_fixture.insertPerson(u"Joanna"_s, u"Fenwick"_s);
    QVERIFY(!m_familyId.isEmpty() && !m_childId.isEmpty() && !m_parentId.isEmpty());

    const QString stamp = u"2026-01-05T09:00:00.000Z"_s;
    QVERIFY(exec(store,
                 u"UPDATE person SET date_of_birth = '2016-04-12', ethnicity = 'WBRI', is_pupil = 1, "
                 "upn = 'A123456789012' WHERE id = ?"_s,
                 {m_childId}));

    m_memberChildId = newId();
    m_memberParentId = newId();
    const QString memberSql = u"INSERT INTO family_member (id, org_id, family_id, person_id, role, "
                              u"relationship, parental_responsibility, "
                              "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    QVERIFY(exec(store, memberSql,
                 {m_memberChildId, m_fixture.orgId, m_familyId, m_childId, u"child"_s, u"sibling"_s, 0, stamp,
                  stamp}));
    QVERIFY(exec(store, memberSql,
                 {m_memberParentId, m_fixture.orgId, m_familyId, m_parentId, u"adult"_s, u"parent"_s, 1,
                  stamp, stamp}));

    const QString addressSql =
        u"INSERT INTO address (id, org_id, person_id, paon, street, town, postcode, is_current, deleted, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'Birmingham', ?, ?, ?, ?, ?)"_s;
    m_currentAddressId = newId();
    m_oldAddressId = newId();
    m_deletedAddressId = newId();
    QVERIFY(exec(store, addressSql,
                 {m_currentAddressId, m_fixture.orgId, m_childId, u"14"_s, u"Larch Road"_s, u"B14 7QD"_s, 1,
                  0, stamp, stamp}));
    QVERIFY(exec(store, addressSql,
                 {m_oldAddressId, m_fixture.orgId, m_childId, u"2"_s, u"Old Lane"_s, u"B13 9AA"_s, 0, 0,
                  stamp, stamp}));
    QVERIFY(exec(store, addressSql,
                 {m_deletedAddressId, m_fixture.orgId, m_childId, u"99"_s, u"Deleted Street"_s, u"B12 0ZZ"_s,
                  1, 1, stamp, stamp}));

    const QString contactSql =
        u"INSERT INTO contact (id, org_id, person_id, kind, type_code, value, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s;
    m_phoneId = newId();
    m_emailId = newId();
    QVERIFY(
        exec(store, contactSql,
             {m_phoneId, m_fixture.orgId, m_parentId, u"phone"_s, u"M"_s, u"07700 900123"_s, stamp, stamp}));
    QVERIFY(exec(
        store, contactSql,
        {m_emailId, m_fixture.orgId, m_parentId, u"email"_s, u"W"_s, u"joanna@example.org"_s, stamp, stamp}));

    m_relationshipId = newId();
    QVERIFY(exec(
        store,
        u"INSERT INTO relationship (id, org_id, child_id, adult_id, relationship, parental_responsibility, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, 'PAM', 1, ?, ?)"_s,
        {m_relationshipId, m_fixture.orgId, m_childId, m_parentId, stamp, stamp}));

    CaseNoteRepository notes(store, m_fixture.options());
    CaseNote note;
    note.familyId = m_familyId;
    note.personId = m_childId;
    note.date = QDate(2026, 11, 3);
    note.author = u"Sam Patel"_s;
    note.type = u"home_visit"_s;
    note.text = u"Amara said she enjoys the breakfast club."_s;
    Result<CaseNote> personal = notes.create(caseworker, note);
    EARLYHELP_VERIFY_OK(personal);
    m_personalNoteId = personal->meta.id;

    note.date = QDate(2026, 11, 20);
    note.text = u"Police attended after a caution for shoplifting."_s;
    note.category = DataCategory::CriminalOffence;
    Result<CaseNote> criminal = notes.create(caseworker, note);
    EARLYHELP_VERIFY_OK(criminal);
    m_criminalNoteId = criminal->meta.id;

    note.date = QDate(2026, 11, 25);
    note.category = DataCategory::Personal;
    note.text = u"Entered in error."_s;
    Result<CaseNote> deleted = notes.create(caseworker, note);
    EARLYHELP_VERIFY_OK(deleted);
    m_deletedNoteId = deleted->meta.id;
    EARLYHELP_VERIFY_OK(notes.remove(lead, m_deletedNoteId));
}

void TestFamilyShare::cleanup() {
    m_fixture.tearDown();
}

sharing::AgreementState TestFamilyShare::signedUpState() const {
    sharing::AgreementState state;
    Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    if (!agreement) {
        qWarning("The bundled agreement did not load: %s", qUtf8Printable(agreement.error().message));
        return state;
    }
    state.inForce = *agreement;
    state.acceptance =
        sharing::Acceptance{agreement->version, u"Sam Patel"_s, u"Designated safeguarding lead"_s,
                            QDate(2026, 11, 1), u"s.patel"_s,   u"2026-11-01T09:00:00Z"_s};
    return state;
}

Result<sharing::Share> TestFamilyShare::shareFamily(const sharing::AgreementState& state,
                                                    const QString& recipient, const QString& purpose) {
    Result<QList<sharing::ShareRecord>> records = sharing::collectFamilyRecords(*m_fixture.store, m_familyId);
    if (!records)
        return std::unexpected(records.error());
    return sharing::buildShare(*m_fixture.store, *records, state, policy::SharingRecipient{recipient, {}},
                               purpose, today);
}

void TestFamilyShare::familyRecordsCollected() {
    Result<QList<sharing::ShareRecord>> records = sharing::collectFamilyRecords(*m_fixture.store, m_familyId);
    EARLYHELP_VERIFY_OK(records);

    QStringList ids;
    for (const sharing::ShareRecord& record : std::as_const(*records))
        ids += record.recordId;
    const QStringList expected{m_familyId,       m_childId,        m_memberChildId, m_currentAddressId,
                               m_parentId,       m_memberParentId, m_phoneId,       m_emailId,
                               m_relationshipId, m_criminalNoteId, m_personalNoteId};
    QCOMPARE(ids, expected);

    const sharing::ShareRecord& family = records->at(0);
    QCOMPARE(family.recordType, RecordType::Family);
    QCOMPARE(family.label, u"Fenwick family"_s);
    QCOMPARE(family.subject.familyId, m_familyId);
    QVERIFY(family.subject.personId.isEmpty());
    QCOMPARE(family.fields.value(u"family.name"_s), QVariant(u"Fenwick family"_s));

    const sharing::ShareRecord& child = records->at(1);
    QCOMPARE(child.label, u"Amara Fenwick"_s);
    QCOMPARE(child.subject.personId, m_childId);
    QCOMPARE(child.fields.value(u"person.dateOfBirth"_s), QVariant(QDate(2016, 4, 12)));
    QCOMPARE(child.fields.value(u"person.isPupil"_s), QVariant(true));
    QVERIFY2(!child.fields.contains(u"person.middleNames"_s), "an empty column has no field");

    const sharing::ShareRecord& phone = records->at(6);
    QCOMPARE(phone.fields.value(u"contact.telephone"_s), QVariant(u"07700 900123"_s));
    QCOMPARE(phone.fields.value(u"contact.telephoneType"_s), QVariant(u"M"_s));
    QVERIFY(!phone.fields.contains(u"contact.email"_s));
    const sharing::ShareRecord& email = records->at(7);
    QCOMPARE(email.fields.value(u"contact.email"_s), QVariant(u"joanna@example.org"_s));
    QVERIFY(!email.fields.contains(u"contact.telephone"_s));

    const sharing::ShareRecord& relationship = records->at(8);
    QCOMPARE(relationship.subject.personId, m_parentId);
    QCOMPARE(relationship.label, u"Relationship to Amara Fenwick"_s);

    const sharing::ShareRecord& note = records->at(9);
    QCOMPARE(note.label, u"Case note 20/11/2026"_s);
    QCOMPARE(note.subject.personId, m_childId);
    QCOMPARE(note.fields.value(u"caseNote.category"_s), QVariant(u"criminal_offence"_s));
    QCOMPARE(note.fields.value(u"caseNote.date"_s), QVariant(QDate(2026, 11, 20)));

    // Every field id is in the catalogue, of the record's type.
    for (const sharing::ShareRecord& record : std::as_const(*records)) {
        for (auto it = record.fields.cbegin(); it != record.fields.cend(); ++it) {
            const std::optional<FieldDefinition> field = findField(it.key());
            QVERIFY2(field.has_value(), qUtf8Printable(it.key()));
            QCOMPARE(field->recordType, record.recordType);
        }
    }
}

void TestFamilyShare::personRecordsCollected() {
    Result<QList<sharing::ShareRecord>> records = sharing::collectPersonRecords(*m_fixture.store, m_childId);
    EARLYHELP_VERIFY_OK(records);

    QStringList ids;
    for (const sharing::ShareRecord& record : std::as_const(*records))
        ids += record.recordId;
    const QStringList expected{m_childId, m_currentAddressId, m_relationshipId, m_criminalNoteId,
                               m_personalNoteId};
    QCOMPARE(ids, expected);
    QCOMPARE(records->first().subject.familyId, m_familyId);
}

void TestFamilyShare::deletedRowsNotCollected() {
    Store& store = *m_fixture.store;
    QVERIFY(exec(store, u"UPDATE contact SET deleted = 1 WHERE id = ?"_s, {m_emailId}));
    QVERIFY(exec(store, u"UPDATE relationship SET deleted = 1 WHERE id = ?"_s, {m_relationshipId}));
    QVERIFY(exec(store, u"UPDATE person SET deleted = 1 WHERE id = ?"_s, {m_parentId}));

    Result<QList<sharing::ShareRecord>> records = sharing::collectFamilyRecords(store, m_familyId);
    EARLYHELP_VERIFY_OK(records);
    QSet<QString> ids;
    for (const sharing::ShareRecord& record : std::as_const(*records))
        ids.insert(record.recordId);

    for (const QString& gone : {m_deletedAddressId, m_oldAddressId, m_deletedNoteId, m_emailId,
                                m_relationshipId, m_parentId, m_memberParentId, m_phoneId})
        QVERIFY2(!ids.contains(gone), qUtf8Printable(gone));
    QVERIFY(ids.contains(m_childId));
    QVERIFY(ids.contains(m_currentAddressId));

    QVERIFY(exec(store, u"UPDATE person SET deleted = 1 WHERE id = ?"_s, {m_childId}));
    Result<QList<sharing::ShareRecord>> person = sharing::collectPersonRecords(store, m_childId);
    QVERIFY(!person);
    QCOMPARE(person.error().code, ErrorCode::NotFound);
}

void TestFamilyShare::unknownFamilyNotFound() {
    Result<QList<sharing::ShareRecord>> records = sharing::collectFamilyRecords(*m_fixture.store, newId());
    QVERIFY(!records);
    QCOMPARE(records.error().code, ErrorCode::NotFound);
}

void TestFamilyShare::everyFieldSharedOrWithheld() {
    Result<sharing::Share> share = shareFamily(signedUpState(), u"childrens_trust"_s, u"safeguarding"_s);
    EARLYHELP_VERIFY_OK(share);
    QCOMPARE(share->senderPartyType, u"school"_s);
    QCOMPARE(share->senderOrganisationId, m_fixture.orgId);
    QCOMPARE(share->agreementVersion, 1);
    QCOMPARE(share->records.size(), 11);

    int fieldCount = 0;
    for (const sharing::RecordShare& record : std::as_const(share->records)) {
        QStringList placed;
        for (const policy::SharedField& field : record.payload.shared)
            placed += field.fieldId;
        for (const policy::WithheldField& field : record.payload.withheld)
            placed += field.fieldId;
        // Sorted, the ids equal the record's keys exactly when each field is
        // placed once.
        placed.sort();
        QCOMPARE(placed, record.record.fields.keys());
        fieldCount += static_cast<int>(record.record.fields.size());
    }
    QCOMPARE(share->fieldCount(), fieldCount);
}

void TestFamilyShare::consentedFieldsShared() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = m_parentId;
    consent.purposes = {u"safeguarding"_s};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, u"childrens_trust"_s}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate(2026, 11, 3);
    EARLYHELP_VERIFY_OK(consents.createConsent(caseworker, consent));

    Result<sharing::Share> share = shareFamily(signedUpState(), u"childrens_trust"_s, u"safeguarding"_s);
    EARLYHELP_VERIFY_OK(share);
    const sharing::RecordShare* child = findRecord(*share, m_childId);
    QVERIFY(child);
    QVERIFY(isShared(*child, u"person.legalForename"_s));
    QVERIFY(isShared(*child, u"person.dateOfBirth"_s));
    const policy::WithheldField* ethnicity = findWithheld(*child, u"person.ethnicity"_s);
    QVERIFY2(ethnicity, "special category data needs its own consent");
    QCOMPARE(ethnicity->clauseId, u"S-childrens-trust-special"_s);

    const sharing::RecordShare* parent = findRecord(*share, m_parentId);
    QVERIFY(parent);
    QVERIFY2(parent->payload.shared.isEmpty(), "the consent is the child's, not the parent's");

    QCOMPARE(child->payload.values.value(u"person.dateOfBirth"_s).toString(), u"2016-04-12"_s);
    QVERIFY(share->sharedFieldCount() > 0);
    QVERIFY(share->sharedFieldCount() < share->fieldCount());
}

void TestFamilyShare::deniedFieldNotInWire() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = m_parentId;
    consent.purposes = {u"health_services"_s};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, u"health"_s}};
    consent.dataCategories = {DataCategory::Personal, DataCategory::SpecialCategory,
                              DataCategory::CriminalOffence};
    consent.givenDate = QDate(2026, 11, 3);
    EARLYHELP_VERIFY_OK(consents.createConsent(caseworker, consent));

    Result<sharing::Share> share = shareFamily(signedUpState(), u"health"_s, u"health_services"_s);
    EARLYHELP_VERIFY_OK(share);

    const sharing::RecordShare* criminal = findRecord(*share, m_criminalNoteId);
    QVERIFY(criminal);
    const policy::WithheldField* text = findWithheld(*criminal, u"caseNote.text"_s);
    QVERIFY2(text, "criminal offence data never goes to health services");
    QCOMPARE(text->clauseId, u"H-health-criminal"_s);

    const sharing::RecordShare* personal = findRecord(*share, m_personalNoteId);
    QVERIFY(personal);
    QVERIFY(isShared(*personal, u"caseNote.text"_s));

    const QByteArray wire = QJsonDocument(sharing::wireDocument(*share)).toJson(QJsonDocument::Compact);
    QVERIFY(wire.contains("Amara said she enjoys the breakfast club."));
    QVERIFY2(!wire.contains("shoplifting"), wire.constData());

    // No withheld field's id appears in its record's part of the document.
    // Values are searched for only above, because a value such as a surname
    // can be shared in one record and withheld in another.
    const QJsonArray wireRecords = sharing::wireDocument(*share).value(u"records"_s).toArray();
    for (const sharing::RecordShare& record : std::as_const(share->records)) {
        QByteArray recordText;
        for (const QJsonValue& wireRecord : wireRecords) {
            if (wireRecord.toObject().value(u"id"_s).toString() == record.record.recordId)
                recordText = QJsonDocument(wireRecord.toObject()).toJson(QJsonDocument::Compact);
        }
        for (const policy::WithheldField& field : record.payload.withheld) {
            const QByteArray key = '"' + field.fieldId.toUtf8() + '"';
            QVERIFY2(!recordText.contains(key),
                     qUtf8Printable(record.record.label % u": "_s % field.fieldId));
        }
    }
}

void TestFamilyShare::notSignedUpWithholdsAll() {
    ConsentRepository consents(*m_fixture.store, m_fixture.options());
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = m_parentId;
    consent.purposes = {u"safeguarding"_s};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, u"childrens_trust"_s}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate(2026, 11, 3);
    EARLYHELP_VERIFY_OK(consents.createConsent(caseworker, consent));

    const sharing::AgreementState state = sharing::notSignedUpState();
    Result<sharing::Share> share = shareFamily(state, u"childrens_trust"_s, u"safeguarding"_s);
    EARLYHELP_VERIFY_OK(share);
    QCOMPARE(share->agreementVersion, 0);
    QCOMPARE(share->sharedFieldCount(), 0);
    QVERIFY(share->fieldCount() > 0);
    for (const sharing::RecordShare& record : std::as_const(share->records)) {
        QVERIFY(record.payload.values.isEmpty());
        QCOMPARE(record.payload.withheld.size(), record.record.fields.size());
        for (const policy::WithheldField& field : record.payload.withheld) {
            QCOMPARE(field.reason, state.unavailableReason);
            QVERIFY(field.clauseId.isEmpty());
        }
    }
    const QJsonObject wire = sharing::wireDocument(*share);
    QVERIFY(wire.value(u"records"_s).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestFamilyShare)
#include "tst_familyshare.moc"
