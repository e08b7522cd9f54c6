#pragma once

#include "common/result.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace earlyhelp {

// Validators of the values a person's record holds. Each takes text as a user
// typed or a file gave it and returns the value in the form the store keeps,
// or an Error with code InvalidInput whose message names the value at fault
// and what to fix. They are pure functions and safe to call from any
// thread. UPNs are checked by checkUpn() in upn.h.

// NHS number

// Computes the check digit of an NHS number from its first nine digits: each
// digit times its weight (10 for the first down to 2 for the ninth), and
// 11 minus the sum modulo 11, where 11 gives 0. Returns nothing when
// firstNineDigits is not nine ASCII digits or when the result is 10, because
// no NHS number is issued with that check value.
[[nodiscard]] std::optional<int> nhsNumberCheckDigit(QStringView firstNineDigits);

// Checks an NHS number and returns its ten digits without separators. White
// space around it is ignored. The digits may be written together
// ("9434765919") or in the 3-3-4 grouping with one space or hyphen between
// the groups ("943 476 5919", "943-476-5919"). Only ASCII digits count. An
// empty text is an error; a caller for which the number is optional checks for
// empty text first.
[[nodiscard]] Result<QString> normaliseNhsNumber(QStringView text);

// Date of birth

// The earliest date of birth parseDateOfBirth() accepts by default:
// 1 January 1900. An earlier date is almost certainly a typing mistake.
[[nodiscard]] inline QDate earliestPlausibleDateOfBirth() {
    return QDate(1900, 1, 1);
}

// Parses a date of birth written as ISO 8601 (yyyy-MM-dd, "2015-02-01") or as
// shown on screen in the UK (dd/MM/yyyy, "01/02/2015"). In the UK form the day
// and month may have one digit. White space around the date is ignored.
// Rejects:
//  - a two-digit year ("01/02/15", "15-02-01"), asking for four digits;
//  - a date that does not exist ("31/02/2015"), without rolling it over into
//    the next month;
//  - a date after today, the caller's current date (so tests can fix it);
//  - a date before earliest; pass an invalid QDate() to accept any past date.
// today must be a valid date.
[[nodiscard]] Result<QDate> parseDateOfBirth(QStringView text, QDate today,
                                             QDate earliest = earliestPlausibleDateOfBirth());

// Postcode

// Checks a UK postcode and returns it in upper case with one space before the
// three-character inward code ("b111qt" gives "B11 1QT"). Case does not
// matter and spaces are optional on input. Accepted outward codes are A9,
// A99, A9A, AA9, AA99 and AA9A (A a letter, 9 a digit), followed by an inward
// code 9AA, and the special postcode GIR 0AA. An empty text is an error.
// NOTE: Only the shape is checked. Royal Mail also rules out some letters in
// some positions, such as C, I, K, M, O and V in the inward code. A postcode
// with such a letter passes here although it cannot exist.
[[nodiscard]] Result<QString> normalisePostcode(QStringView text);

// Names

// Whether a name must be given.
enum class NameRequirement {
    Required,
    Optional,
};

// Checks a name and returns it with white space around it removed. The name
// is otherwise kept exactly as given: any script is accepted, and case and
// spaces inside it are never changed. fieldLabel is the translated name of
// the field ("Legal surname") and is used in the message.
// Rejects:
//  - an empty or white-space-only name when requirement is Required (when it
//    is Optional, such a name gives an empty string);
//  - control characters (Unicode category Cc, such as tab and line feed) and
//    line or paragraph separators (U+2028, U+2029);
//  - a UTF-16 surrogate without its partner.
// Format characters such as the zero-width joiner (U+200D), which Indic and
// Persian spellings need, are accepted.
[[nodiscard]] Result<QString> normaliseName(QStringView name, const QString& fieldLabel,
                                            NameRequirement requirement);

// Returns true when the first strong directional character of name is
// right-to-left (Arabic, Hebrew, Syriac, Thaana …), so a view can lay the name
// out right to left. A name without a strong character (digits, punctuation or
// empty) gives false.
[[nodiscard]] bool isRightToLeftName(QStringView name);

} // namespace earlyhelp
