#pragma once

#include "import/ctfdocument.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace earlyhelp {

// Grouping of the pupils of one CTF into families, and of their Contact
// elements into distinct adults. Pure functions: no store, no I/O.
//
// Two Contact elements are the same adult when their forenames and surnames
// fold alike (see contactNameKey()) and they share at least one phone number
// (see phoneMatchKey()) or e-mail address (see emailMatchKey()). Matching is
// transitive: A and B sharing a phone and B and C sharing an e-mail make one
// adult. Contacts with matching names but no shared number or address stay
// apart.
//
// Pupils belong to one family when one adult has parental responsibility for
// each of them, again transitively. A shared address or surname never joins
// pupils, and neither does an adult without parental responsibility.
// A looked-after pupil (InCare true) whose contacts have no parental
// responsibility gets a one-child family flagged looked-after, with those
// contacts as its adults. Any other pupil without a contact who has parental
// responsibility gets no family.

// Folds a contact's name for comparison: each name through foldForSearch()
// (NFC and NFD alike, case, accents and apostrophes ' and ’ dropped), then
// its words joined by single spaces, so hyphens and runs of spaces compare
// alike. Returns an empty string when either name has no letter or digit.
[[nodiscard]] QString contactNameKey(QStringView forename, QStringView surname);

// The digits of a phone number, with the UK country code +44 or 0044 turned
// into the trunk prefix 0 and a "(0)" after it dropped, so "+44 (0)7700
// 900152", "+44 7700 900152", "07700-900-152" and "07700 900152" give the same
// key. Returns an empty string for fewer than 7 digits, which is too short to
// identify anyone.
[[nodiscard]] QString phoneMatchKey(QStringView number);

// An e-mail address trimmed and case-folded. Local parts are compared
// case-insensitively too, as providers treat them.
[[nodiscard]] QString emailMatchKey(QStringView email);

// One Contact element: the pupil's index in the pupil list and the contact's
// index in that pupil's contacts.
struct CtfContactLink {
    qsizetype pupil = 0;
    qsizetype contact = 0;
};

// One adult, found in one or more Contact elements.
struct CtfAdult {
    // Names, title and sex come from the first link in file order, with empty
    // fields filled from later links. Phones and e-mails are the union of all
    // links, compared by their match keys. The address is resolved, so
    // AddressAsPupil gives the pupil's address and addressAsPupil is false.
    CtfContact details;
    QString nameKey;
    QList<CtfContactLink> links;

    // Returns true when any link gives the adult parental responsibility.
    [[nodiscard]] bool hasParentalResponsibility(const QList<CtfPupil>& pupils) const;
};

struct CtfFamily {
    QList<qsizetype> pupils;  // indices into the pupil list, in file order
    QList<qsizetype> adults;  // indices into CtfFamilyPlan::adults: every contact of those pupils
    bool lookedAfter = false; // a looked-after pupil whose contacts have no parental responsibility
    QString displayName;
};

struct CtfFamilyPlan {
    QList<CtfAdult> adults;
    QList<CtfFamily> families; // ordered by their first pupil
    QList<qsizetype> pupilsWithoutFamily;
};

// Groups pupils into families and contacts into adults by the rules above.
// A family is named after the distinct surnames of its children in file
// order, compared after folding: "Khan family", "Begum / Miah family".
[[nodiscard]] CtfFamilyPlan planFamilies(const QList<CtfPupil>& pupils);

} // namespace earlyhelp
