#pragma once

#include "access/access.h"
#include "cases/casedirectory.h"
#include "cases/duplicates.h"
#include "common/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>
#include <functional>

namespace earlyhelp {

class Store;

// A person as typed into the Add Person form. Every value is text as the
// user wrote it, and checkPerson() turns it into the stored form.
struct NewPerson {
    QString forename; // legal forename, required
    QString middleNames;
    QString surname; // legal surname, required
    QString preferredForename;
    QString dateOfBirth; // dd/MM/yyyy or yyyy-MM-dd; may be empty
    QString sex;         // "", "F" or "M"
    QString upn;         // a UPN, a reason code UN1 to UN5, or empty
    QString nhsNumber;   // may be empty
    QString postcode;    // of the person's current address; may be empty
};

// The fields of NewPerson, so that a form can show each error beside its field.
enum class PersonField {
    Forename,
    MiddleNames,
    Surname,
    PreferredForename,
    DateOfBirth,
    Sex,
    Upn,
    NhsNumber,
    Postcode,
};

struct PersonFieldError {
    PersonField field = PersonField::Forename;
    QString message; // names the value at fault and what to do
};

// A NewPerson in the form the store keeps it.
struct CheckedPerson {
    QString forename;
    QString middleNames;
    QString surname;
    QString preferredForename;
    QDate dateOfBirth; // invalid when not given
    QString sex;
    QString upn;         // a permanent or temporary UPN in upper case, or empty
    QString upnNotKnown; // UN1 to UN5 when given in place of a UPN, or empty
    QString nhsNumber;   // ten digits, or empty
    QString postcode;    // as normalisePostcode() returns it, or empty

    [[nodiscard]] PersonIdentity identity() const;
};

// A person's membership of a family. For an adult, relationship is their
// relationship to the family's children: a CTF code such as PAM, or parent,
// carer or other adult. For a child it is usually empty or sibling.
struct FamilyLink {
    QString familyId;
    QString role = QStringLiteral("child"); // "child" or "adult"
    QString relationship;
    bool parentalResponsibility = false;
};

// A person in the store who may be the person being added.
struct DuplicateMatch {
    PersonSummary person; // familyId and familyName are the first family's
    QString nhsNumber;
    DuplicateReasons reasons;
};

// Counts of the records that refer to a person, deleted ones left out.
struct PersonRecordCounts {
    int familyMemberships = 0;
    int addresses = 0;
    int contacts = 0;
    int caseNotes = 0;
    int consents = 0; // as subject or as the one who gave it
    int sharingDecisions = 0;
};

// The details of one person that the merge dialog shows side by side.
struct PersonProfile {
    PersonSummary person;
    QString nhsNumber;
    QString upnNotKnown;
    QStringList familyNames;
    QStringList postcodes;
    PersonRecordCounts counts;
};

// The result of a merge.
struct MergeOutcome {
    QString keptId;
    // Rows that now refer to the kept person instead of the merged one.
    int movedRecords = 0;
    // Memberships and child-adult links that both people had: the kept
    // person's row takes the merged row's values where it lacked them, and
    // the merged row is tombstoned.
    int combinedRecords = 0;
    // Columns of the kept person that were empty and were filled from the
    // merged person, such as "upn" or "nhs_number".
    QStringList filledColumns;
};

// Settings of a PersonRepository besides its store. Empty members take the
// defaults: the system clock and access::authorise().
struct PersonRepositoryOptions {
    std::function<QDateTime()> clock;
    access::AccessGuard authorise;
};

// Adds people by hand, finds people who may already be in the store, links
// people into families and merges two records of one person. Every write
// checks the actor's role first (adding and linking need EditCases, merging
// DeleteRestore) and runs in one transaction. The person_search index follows
// through the triggers on person. Lives on the store's thread and must not
// outlive the store.
class PersonRepository {
public:
    explicit PersonRepository(Store& store, PersonRepositoryOptions options = {});

    // Checks every field of person against today and returns it in stored
    // form, or one error per field at fault. Names may be in any script. A
    // UPN needs its check letter, or may be a reason code UN1 to UN5. An NHS
    // number needs its check digit. A date of birth needs a four-digit year
    // and may not be after today.
    [[nodiscard]] static std::expected<CheckedPerson, QList<PersonFieldError>>
    checkPerson(const NewPerson& person, QDate today);

    // Returns the people who may be candidate, most likely first: same UPN,
    // same NHS number, or same full name with the same date of birth or
    // postcode. Fields that do not pass checkPerson() are not compared.
    // excludedPersonId is left out of the result.
    [[nodiscard]] Result<QList<DuplicateMatch>> findDuplicates(const NewPerson& candidate,
                                                               const QString& excludedPersonId = {}) const;

    // Adds person, checked by checkPerson(), with an address holding the
    // postcode when one is given, and links them into family when given.
    // Returns the new person's id. InvalidInput with the first field error,
    // and AlreadyExists when another person has the UPN.
    [[nodiscard]] Result<QString> addPerson(const access::Actor& actor, const NewPerson& person,
                                            const std::optional<FamilyLink>& family = std::nullopt);

    // Makes an existing person a member of a family. An adult is also linked
    // to each child of the family with the relationship and parental
    // responsibility given. AlreadyExists when the person is a member
    // already, and NotFound when the person or the family is missing.
    [[nodiscard]] Status linkToFamily(const access::Actor& actor, const QString& personId,
                                      const FamilyLink& family);

    // Returns what the merge dialog shows of a person. NotFound for a
    // missing or deleted person.
    [[nodiscard]] Result<PersonProfile> profile(const QString& personId) const;

    // Merges mergeId into keepId. Every record of the merged person, deleted
    // ones included, moves to the kept person: family memberships, child-adult
    // links, addresses, contacts, case notes, consents (as subject and as the
    // one who gave it) and sharing decisions. Where both had a membership of
    // one family or a link to one person, the kept person's row takes the
    // merged row's values and the merged row is tombstoned. Identifiers and
    // other values that the kept person lacks are copied from the merged one.
    // The merged person is tombstoned with merged_into set to keepId, so
    // searches stop finding them. Nothing is removed from the store.
    // Errors: PermissionDenied without DeleteRestore, InvalidInput when the
    // two ids are the same, NotFound when either person is missing or deleted.
    [[nodiscard]] Result<MergeOutcome> merge(const access::Actor& actor, const QString& keepId,
                                             const QString& mergeId);

private:
    [[nodiscard]] QDateTime now() const;

    Store& m_store;
    PersonRepositoryOptions m_options;
};

} // namespace earlyhelp
