#pragma once

#include "common/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace earlyhelp {

class Store;

struct OrganisationRecord {
    QString id;
    QString name;
    QString partyType;
    QString dfeUrn;
    QString laCode;
    QString estabNumber;
};

struct PersonSummary {
    QString id;
    QString upn;
    QString legalForename;
    QString middleNames;
    QString legalSurname;
    QString preferredForename;
    QString preferredSurname;
    QString formerSurname;
    QDate dateOfBirth;
    QString sex;
    bool isPupil = false;
    bool lookedAfter = false;
    // The person's family in this store; empty when they belong to none.
    QString familyId;
    QString familyName;

    // Forename and surname as a person would write them, preferring the
    // preferred forms where the record has them.
    [[nodiscard]] QString displayName() const;
};

struct FamilySummary {
    QString id;
    QString name;
    QString status;
    bool lookedAfter = false;
    int childCount = 0;
    int adultCount = 0;
};

struct AddressRecord {
    QString saon;
    QString paon;
    QString street;
    QString locality;
    QString town;
    QString postTown;
    QString county;
    QString postcode;

    // Returns the address as one line, parts separated by commas.
    [[nodiscard]] QString singleLine() const;
};

struct ContactPoint {
    QString kind;     // "phone" or "email"
    QString typeCode; // telephone type: H, M, W
    QString value;
};

// The relationship of an adult to one child of the family.
struct ChildLink {
    QString childId;
    QString childName;
    QString relationship;
    bool parentalResponsibility = false;
};

struct FamilyMember {
    PersonSummary person;
    QString role; // "child" or "adult"
    QString relationship;
    bool parentalResponsibility = false;
    QList<AddressRecord> addresses;
    QList<ContactPoint> contacts;
    QList<ChildLink> links; // adults only: one entry per child they are linked to
};

struct FamilyDetail {
    FamilySummary family;
    QList<FamilyMember> members; // children first, then adults, each by name
};

struct StoreCounts {
    int pupils = 0;
    int adults = 0;
    int families = 0;
};

// Read-only queries over people and families that the app and the command
// line show. Deleted records are never returned. Uses the store's connection,
// so a CaseDirectory lives on the store's thread and must not outlive it.
class CaseDirectory {
public:
    explicit CaseDirectory(Store& store);

    // Returns people matching typed text (folded as search folds names and
    // identifiers), or everyone when the text is blank. Pupils come first,
    // then by surname and forename. At most limit rows are returned. When more
    // people match typed text, the rows returned are not the first by name,
    // so a caller that receives limit rows shows that the list is cut short.
    [[nodiscard]] Result<QList<PersonSummary>> people(const QString& typed = {}, int limit = 5000) const;

    // Returns families with a member matching typed text, or all families
    // when the text is blank, by name.
    [[nodiscard]] Result<QList<FamilySummary>> families(const QString& typed = {}, int limit = 5000) const;

    // NotFound when no family has that id.
    [[nodiscard]] Result<FamilyDetail> family(const QString& familyId) const;

    [[nodiscard]] Result<OrganisationRecord> localOrganisation() const;
    [[nodiscard]] Result<StoreCounts> counts() const;

private:
    Store& m_store;
};

// Trims the fields of a new organisation and checks them. InvalidInput names
// the field at fault. A name is required. A DfE URN has six digits, a local
// authority number three and an establishment number four, and a school needs
// its URN or both numbers.
[[nodiscard]] Status normaliseOrganisation(OrganisationRecord& organisation);

// Records the organisation that owns a new store, checked as by
// normaliseOrganisation(). AlreadyExists when the store has one already.
[[nodiscard]] Result<OrganisationRecord> createLocalOrganisation(Store& store, OrganisationRecord organisation);

} // namespace earlyhelp
