#pragma once

#include <QChar>
#include <QString>
#include <QStringView>

#include <optional>

namespace earlyhelp {

// The outcome of checking a Unique Pupil Number. A UPN has 13 characters: a
// check letter, the three-digit local authority number, the four-digit
// establishment number, two digits of the year of allocation and a
// three-character serial. In a permanent UPN the serial is three digits; in a
// temporary UPN its last character is a letter.
//
// Where a child's UPN is not known, the DfE children looked after and children
// in need collections take a reason code, UN1 to UN5, in the UPN's place. Such
// a code is not a UPN: it gives NotKnown, and isValid() is false, so a caller
// that needs a real UPN (such as the CTF import) still rejects it.
enum class UpnStatus {
    Permanent,
    Temporary,
    NotKnown,
    Missing,
    WrongLength,
    InvalidCharacter,
    WrongCheckLetter,
    InvalidNotKnownCode,
};

struct UpnCheck {
    UpnStatus status = UpnStatus::Missing;
    // The UPN with surrounding white space removed and letters in upper case.
    // For NotKnown it is the reason code, such as "UN2".
    QString upn;
    // The check letter computed from characters 2–13. It is null when they
    // are not all valid, so no check letter can be computed.
    QChar expectedCheckLetter;
    // A sentence for the user that names the UPN, the fault and what to do.
    // It is empty when the UPN is valid. For NotKnown it tells a caller that
    // needs a real UPN that the code is used in place of one.
    QString message;

    // Returns true for a permanent or temporary UPN.
    [[nodiscard]] bool isValid() const {
        return status == UpnStatus::Permanent || status == UpnStatus::Temporary;
    }

    // Returns true for a reason code UN1 to UN5 in place of a UPN.
    [[nodiscard]] bool isNotKnown() const { return status == UpnStatus::NotKnown; }
};

// Computes the check letter for body, the 12 characters that follow it
// (characters 2–13 of a UPN). Each character's value is multiplied by its
// weight, 2 for the first up to 13 for the last, and the sum modulo 23
// indexes the alphabet ABCDEFGHJKLMNPQRTUVWXYZ. A digit's value is the digit
// itself. The final letter of a temporary UPN is worth its 0-based index in
// that same alphabet (A = 0, Z = 22). Returns nothing when body is not 11
// digits followed by a digit or a letter of that alphabet.
[[nodiscard]] std::optional<QChar> upnCheckLetter(QStringView body);

// Checks a UPN as written in a pupil record. White space around it is
// ignored and lower-case letters are read as upper case. Everything else must
// be exact. An empty text gives Missing, UN1 to UN5 give NotKnown, and any
// other text that starts with UN and is not 13 characters long gives
// InvalidNotKnownCode. (No UPN has N as its second character.)
[[nodiscard]] UpnCheck checkUpn(QStringView text);

} // namespace earlyhelp
