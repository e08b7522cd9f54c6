#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace earlyhelp {

// The content of a Common Transfer File as the parser reads it. Text is kept
// as the file gives it, with white space around each element's text removed.
// An element that is missing or empty gives an empty string or an empty
// optional. Codes (sex, ethnicity, language, relationship, telephone type,
// SEN provision) are kept verbatim, whether or not they are on a DfE list.

struct CtfHeader {
    QString documentName;
    QString ctfVersion;
    QString dateTimeText;
    QDateTime dateTime;        // invalid when DateTime is missing or not ISO 8601
    QString documentQualifier; // "full" or "partial" in files seen so far; kept as given
    QString dataDescriptor;
    QString supplierId;
    // LEA and Estab are text: "MMM" and "MMMM" stand for an unknown
    // destination, so they are never read as numbers.
    QString sourceLea;
    QString sourceEstab;
    QString sourceUrn;
    QString sourceSchoolName;
    QString academicYear; // the calendar year in which the academic year starts
    QString destLea;
    QString destEstab;
};

// A BS7666 address with the CTF's County and PostCode.
struct CtfAddress {
    QString saon;
    QString paon;
    QString street;
    QString locality;
    QString town;
    QString administrativeArea;
    QString postTown;
    QString county;
    QString postcode;

    [[nodiscard]] bool isEmpty() const;
    friend bool operator==(const CtfAddress&, const CtfAddress&) = default;
};

struct CtfPhone {
    QString typeCode; // H home, M mobile, W work, or as given
    QString number;   // as written in the file
};

struct CtfContact {
    std::optional<int> order;
    QString title;
    QString surname;
    QString forename;
    QString middleNames;
    QString sex;          // Sex or Gender
    QString relationship; // CTF code, e.g. PAM, PAF, REL, FOM
    // Responsibility: true or false as given, nullopt when missing or
    // neither. Family grouping reads nullopt as no parental responsibility.
    std::optional<bool> parentalResponsibility;
    // The contact lives at the pupil's address (AddressAsPupil true); address
    // is then empty.
    bool addressAsPupil = false;
    CtfAddress address;
    QList<CtfPhone> phones;
    QStringList emails;
};

struct CtfPupil {
    // 1-based order of the Pupil element in the file, counting every pupil,
    // including those the parser rejected.
    int position = 0;
    qint64 lineNumber = 0;

    QString upn; // upper case, white space removed
    bool temporaryUpn = false;
    QString surname;
    QString forename;
    QString middleNames;
    QString preferredSurname;
    QString preferredForename;
    QString formerSurname;
    QDate dateOfBirth;
    QString sex; // Sex or Gender
    QString ethnicity;
    QString language; // first language (LanguageType F) when given, else the first one listed
    std::optional<QDate> entryDate;

    // Set from the blocks when they are present. nullopt means the file gives
    // no value, which an importer reads as "leave as it is".
    std::optional<bool> fsmEligible;     // an FSM period that has not ended
    std::optional<QString> senProvision; // K SEN support, E EHC plan: the latest SEN entry
    std::optional<bool> lookedAfter;
    QString careAuthority;

    CtfAddress address;
    QList<CtfPhone> phones;
    QStringList emails;
    QList<CtfContact> contacts;

    // FSMhistory, SENhistory, LookedAfter, SchoolHistory and Attendance as
    // given, one key per block present, converted from XML: an element with
    // children becomes an object, a repeated element an array, a leaf its
    // text. Other blocks, such as StageAssessments and NAWdetails, are read
    // past and not kept.
    QJsonObject sourceBlocks;
};

// Reason a pupil record was left out of an import.
enum class CtfPupilFault {
    UpnMissing,
    UpnInvalid,
    UpnRepeated,
    SurnameMissing,
    DateOfBirthMissing,
    DateOfBirthInvalid,
    DateOfBirthInFuture,
};

struct CtfPupilProblem {
    CtfPupilFault fault = CtfPupilFault::SurnameMissing;
    QString message; // names the file, the pupil, the value and what to do
};

struct CtfSkippedPupil {
    int position = 0;
    QString upn; // as given; empty when the record has none
    QList<CtfPupilProblem> problems;

    [[nodiscard]] bool hasFault(CtfPupilFault fault) const;
    // All problems' messages, one per line.
    [[nodiscard]] QString message() const;
};

struct CtfDocument {
    QString fileName;
    QString encoding; // the encoding the bytes were decoded from, e.g. "UTF-8"
    CtfHeader header;
    QList<CtfPupil> pupils;         // the valid pupils, in file order
    QList<CtfSkippedPupil> skipped; // the rejected pupils, in file order
    // Problems that left a value empty but kept the pupil, such as an entry
    // date that is not a date. Each names the file, pupil and value.
    QStringList warnings;

    [[nodiscard]] int pupilRecordCount() const { return static_cast<int>(pupils.size() + skipped.size()); }
};

} // namespace earlyhelp
