#pragma once

// A share of one family's or one person's records with a recipient for a
// purpose: the records as field maps, the payload of each from
// policy::buildPayload(), and the JSON document that sync sends. The "Share
// With…" preview and the sync client both build the share here, so the
// preview shows exactly what is sent.

#include "common/result.h"
#include "domain/fieldcatalogue.h"
#include "policy/payload.h"
#include "sharing/agreementstate.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::sharing {

// One record of a share as buildPayload() takes it.
struct ShareRecord {
    RecordType recordType = RecordType::Person;
    QString recordId;
    // Whose information the record is. An address, contact detail or case
    // note about a person is that person's, and a relationship is the
    // adult's. The family record is the family's alone, with no person.
    policy::SharingSubject subject;
    // The record's name on screen, translated: "Amara Fenwick", "Address",
    // "Case note 03/11/2026".
    QString label;
    // The name of the person or family the record is about, for a screen that
    // lists records of several people ("Amara Fenwick", "Fenwick family").
    QString subjectLabel;
    // Field catalogue id → value. Text is a QString, a date a QDate, a yes/no
    // column a bool. A field the record has no value for (NULL or empty text)
    // has no key.
    QMap<QString, QVariant> fields;
};

// Collects the records of family familyId: the family record, then for each
// current member (children first, then by name) their person record,
// family-member row, current addresses, contact details and relationships,
// then the family's case notes, newest first. Deleted rows, deleted or
// merged people and addresses that are not current are left out. NotFound
// when no family with that id is in the store, or it is deleted.
[[nodiscard]] Result<QList<ShareRecord>> collectFamilyRecords(Store& store, const QString& familyId);

// Collects the records of person personId: their person record, current
// addresses, contact details, relationships and the case notes about them,
// newest first. NotFound when no such person is in the store, or they are
// deleted or merged into another record.
[[nodiscard]] Result<QList<ShareRecord>> collectPersonRecords(Store& store, const QString& personId);

// One record of a share with the fields that go and those withheld.
struct RecordShare {
    ShareRecord record;
    policy::Payload payload;
};

// The records of one share with one recipient for one purpose, each with
// its payload.
struct Share {
    // The version of the agreement in force, or 0 when none is in force, in
    // which case every field is withheld.
    int agreementVersion = 0;
    QString senderOrganisationId;
    QString senderPartyType;
    policy::SharingRecipient recipient;
    QString purpose;
    QList<RecordShare> records;

    [[nodiscard]] int sharedFieldCount() const;
    [[nodiscard]] int fieldCount() const;
};

// Builds the share of records with recipient for purpose on date today. The
// sender is the store's local organisation (organisation.is_local = 1). Each
// record's payload comes from buildPayload() with the consents and sharing
// decisions about the record's subject, read through ConsentRepository. While
// state has no agreement in force, every field is withheld with the state's
// unavailableReason and no clause. NotFound when the store has no local
// organisation; the store's error when a read fails.
[[nodiscard]] Result<Share> buildShare(Store& store, const QList<ShareRecord>& records,
                                       const AgreementState& state, const policy::SharingRecipient& recipient,
                                       const QString& purpose, QDate today);

// Renders share as the JSON body that sync sends:
//   {"agreementVersion": 1,
//    "sender": {"organisationId": "…", "partyType": "school"},
//    "recipient": {"partyType": "childrens_trust", "organisationId": "…"},
//    "purpose": "safeguarding",
//    "records": [{"type": "person", "id": "…", "values": {"person.legalForename": "Amara", …}}, …]}
// A record carries only its shared values, so a withheld field's id and value
// never appear. A record with no shared field is left out, because even its id
// would tell the recipient that such a record exists. The recipient's
// organisationId is left out when empty.
[[nodiscard]] QJsonObject wireDocument(const Share& share);

// Returns the type name a wire document gives recordType: "person",
// "address", "contact", "relationship", "family", "familyMember" or
// "caseNote", the prefix of its fields' catalogue ids.
[[nodiscard]] QString recordTypeName(RecordType recordType);

} // namespace earlyhelp::sharing
