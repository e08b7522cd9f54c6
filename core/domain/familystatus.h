#pragma once

#include "common/result.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace earlyhelp {

// The status of a family's early help case.
enum class FamilyStatus {
    Open,        // an early help case is open
    SteppedUp,   // referred to children's social care, which now leads
    SteppedDown, // handed back from social care to early help, and open
    Closed,
};

// Returns the code the store keeps in family.status: "open", "stepped_up",
// "stepped_down" or "closed".
[[nodiscard]] QStringView familyStatusCode(FamilyStatus status);

// Returns the status with code, or nothing for any other text.
[[nodiscard]] std::optional<FamilyStatus> familyStatusFromCode(QStringView code);

// Returns the translated name of status for the screen, such as "Stepped up to
// social care".
[[nodiscard]] QString familyStatusLabel(FamilyStatus status);

// A requested change of a family's status.
struct FamilyStatusChange {
    FamilyStatus from = FamilyStatus::Open;
    FamilyStatus to = FamilyStatus::Open;
    // The day the change took effect.
    QDate date;
    // Reason for the change. Surrounding white space does not count.
    QString reason;
    // The day of the family's previous status change, or an invalid QDate()
    // when the status has never changed.
    QDate previousChangeDate;
};

// Whether a change from one status to another is allowed, and whether it
// needs a reason.
enum class TransitionRule {
    Rejected,
    Allowed,
    AllowedWithReason,
};

// Returns the rule for changing from one status to another. The full table
// (rows from, columns to):
//
//                 Open          SteppedUp     SteppedDown   Closed
//   Open          Rejected      with reason   Rejected      with reason
//   SteppedUp     Rejected      Rejected      Allowed       with reason
//   SteppedDown   Rejected      with reason   Rejected      with reason
//   Closed        with reason   Rejected      with reason   Rejected
//
// - A status never changes to itself.
// - Closing always needs the closure reason, and a closed case reopens (as
//   open, or as stepped down when social care hands a family back) only with
//   a reason.
// - Stepping up needs the reason for the referral to social care.
// - Only a stepped-up case steps down, and a stepped-down case is already an
//   open early help case, so it does not change to open. A stepped-up case
//   returns to early help by stepping down.
// - A closed case is reopened before it is stepped up.
[[nodiscard]] TransitionRule familyStatusTransitionRule(FamilyStatus from, FamilyStatus to);

// Checks change against the table above and its dates. today is the caller's
// current date, so tests can fix it. Rejects, in this order:
//  - a transition the table rejects;
//  - a missing (invalid) date, a date after today, or a date before
//    previousChangeDate (the same day is allowed);
//  - a missing reason where the table needs one.
// The message names the statuses or the date at fault and what to do.
[[nodiscard]] Status checkFamilyStatusChange(const FamilyStatusChange& change, QDate today);

} // namespace earlyhelp
