#pragma once

#include <QDate>
#include <QFlags>
#include <QString>
#include <QStringList>

namespace earlyhelp {

// The reason a person in the store may be the same person as one being added.
enum class DuplicateReason {
    SameUpn = 0x1,
    SameNhsNumber = 0x2,
    SameNameAndDateOfBirth = 0x4,
    SameNameAndPostcode = 0x8,
};
Q_DECLARE_FLAGS(DuplicateReasons, DuplicateReason)
Q_DECLARE_OPERATORS_FOR_FLAGS(DuplicateReasons)

// The names and identifiers of one person that duplicate detection compares.
// Identifiers are compared as stored: a UPN in upper case, an NHS number as
// ten digits, postcodes in the form normalisePostcode() returns. Empty values
// and an invalid date never match.
struct PersonIdentity {
    QString forename;
    QString surname;
    QString preferredForename;
    QString preferredSurname;
    QDate dateOfBirth;
    QString upn;
    QString nhsNumber;
    QStringList postcodes;
};

// Returns the keys under which a full name is compared: the folded words of
// the forename joined without spaces, a space, and the same for the surname.
// Folding (foldForSearch) makes NFC and NFD spellings equal, drops case,
// accents and apostrophes (' and ’ alike), and joining makes "Smith-Jones",
// "Smith Jones" and "SmithJones" equal. Returns an empty string when either
// part has no letter or digit.
[[nodiscard]] QString duplicateNameKey(const QString& forename, const QString& surname);

// Returns the name keys of a person: the legal name, and the name with the
// preferred forename or surname where the person has one.
[[nodiscard]] QStringList duplicateNameKeys(const PersonIdentity& person);

// Returns why existing may be the same person as candidate: the same UPN, the
// same NHS number, or the same full name (any key of duplicateNameKeys) with
// the same date of birth or a shared postcode. Returns no reason when nothing
// matches.
[[nodiscard]] DuplicateReasons duplicateReasons(const PersonIdentity& candidate,
                                                const PersonIdentity& existing);

// Returns the reasons as a translated phrase for the user, such as
// "same name and date of birth, same NHS number".
[[nodiscard]] QString describeDuplicateReasons(DuplicateReasons reasons);

} // namespace earlyhelp
