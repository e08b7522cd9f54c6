#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>

namespace earlyhelp {
struct ContactPoint;
struct PersonSummary;
} // namespace earlyhelp

namespace earlyhelp::ui {

// Wraps a value (a name, an address) in a directional isolate for use inside
// a sentence, so that right-to-left text in it cannot reorder the words,
// digits and punctuation around it. The isolate takes the application's
// layout direction: LEFT-TO-RIGHT ISOLATE (U+2066) in a left-to-right UI,
// RIGHT-TO-LEFT ISOLATE (U+2067) otherwise, closed by POP DIRECTIONAL
// ISOLATE (U+2069). FIRST STRONG ISOLATE (U+2068) is not used: a name such as
// "يوسف Haddad" would take the direction of its Arabic forename and show
// the surname first, unlike the same name in a list cell.
[[nodiscard]] QString isolated(const QString& text);

// Formats a date as dd/MM/yyyy, or returns an empty string for a null date.
[[nodiscard]] QString displayDate(const QDate& date);

// Formats a time in the computer's time zone as dd/MM/yyyy HH:mm:ss, or
// returns an empty string for an invalid time.
[[nodiscard]] QString displayDateTime(const QDateTime& at);

// Text for the codes that core stores verbatim. An unknown code is returned
// as given, so nothing from an import is hidden.
class CodeLabels {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::ui::CodeLabels)

public:
    // A CTF contact relationship code (PAM, PAF, REL, FOM, FOF …) or one of
    // the family roles core writes (parent, carer, sibling, other adult).
    [[nodiscard]] static QString relationship(const QString& code);
    // A CTF telephone type: H, M or W.
    [[nodiscard]] static QString telephoneType(const QString& code);
    // The label of a phone number or e-mail address, e.g. "Mobile" or "E-mail".
    [[nodiscard]] static QString contactKind(const ContactPoint& contact);
    // A CTF sex or gender code: M or F.
    [[nodiscard]] static QString sex(const QString& code);
    // A family's case status: open, stepped_up, stepped_down or closed.
    [[nodiscard]] static QString familyStatus(const QString& status);
};

// The person's name as shown in lists: the display name, and the legal
// forename in brackets when a different preferred forename is shown.
[[nodiscard]] QString listName(const PersonSummary& person);

// Every name the person's record holds, for a tooltip: legal, preferred and
// former names.
[[nodiscard]] QString fullNameDescription(const PersonSummary& person);

} // namespace earlyhelp::ui
