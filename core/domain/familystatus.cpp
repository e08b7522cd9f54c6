#include "familystatus.h"

#include <QCoreApplication>

namespace earlyhelp {

namespace {

QString dateForScreen(QDate date) {
    return date.toString(u"dd/MM/yyyy");
}

} // namespace

QStringView familyStatusCode(FamilyStatus status) {
    switch (status) {
    case FamilyStatus::Open:
        return u"open";
    case FamilyStatus::SteppedUp:
        return u"stepped_up";
    case FamilyStatus::SteppedDown:
        return u"stepped_down";
    case FamilyStatus::Closed:
        return u"closed";
    }
    return u"open";
}

std::optional<FamilyStatus> familyStatusFromCode(QStringView code) {
    for (const FamilyStatus status :
         {FamilyStatus::Open, FamilyStatus::SteppedUp, FamilyStatus::SteppedDown, FamilyStatus::Closed}) {
        if (familyStatusCode(status) == code)
            return status;
    }
    return std::nullopt;
}

QString familyStatusLabel(FamilyStatus status) {
    switch (status) {
    case FamilyStatus::Open:
        return QCoreApplication::translate("earlyhelp::Validation", "Open");
    case FamilyStatus::SteppedUp:
        return QCoreApplication::translate("earlyhelp::Validation", "Stepped up to social care");
    case FamilyStatus::SteppedDown:
        return QCoreApplication::translate("earlyhelp::Validation", "Stepped down from social care");
    case FamilyStatus::Closed:
        return QCoreApplication::translate("earlyhelp::Validation", "Closed");
    }
    return QString();
}

TransitionRule familyStatusTransitionRule(FamilyStatus from, FamilyStatus to) {
    using enum FamilyStatus;
    using enum TransitionRule;

    switch (from) {
    case Open:
        return (to == SteppedUp || to == Closed) ? AllowedWithReason : Rejected;
    case SteppedUp:
        if (to == SteppedDown)
            return Allowed;
        return to == Closed ? AllowedWithReason : Rejected;
    case SteppedDown:
        return (to == SteppedUp || to == Closed) ? AllowedWithReason : Rejected;
    case Closed:
        return (to == Open || to == SteppedDown) ? AllowedWithReason : Rejected;
    }
    return Rejected;
}

Status checkFamilyStatusChange(const FamilyStatusChange& change, QDate today) {
    Q_ASSERT(today.isValid());

    const QString fromLabel = familyStatusLabel(change.from);
    const QString toLabel = familyStatusLabel(change.to);

    if (change.from == change.to) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "The family's status is already %1. Choose a "
                                                     "different status.")
                             .arg(fromLabel));
    }

    const TransitionRule rule = familyStatusTransitionRule(change.from, change.to);
    if (rule == TransitionRule::Rejected) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "A family's status cannot change from %1 to %2. "
                                                     "Choose a status that can follow %1.")
                             .arg(fromLabel, toLabel));
    }

    if (!change.date.isValid()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "The date of the change to %1 is missing. Enter "
                                                     "the date the status changed.")
                             .arg(toLabel));
    }

    if (change.date > today) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "The date of the change to %1, %2, is in the "
                                                     "future. Enter today's date or an earlier one.")
                             .arg(toLabel, dateForScreen(change.date)));
    }

    if (change.previousChangeDate.isValid() && change.date < change.previousChangeDate) {
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("earlyhelp::Validation",
                                        "The date of the change to %1, %2, is before the "
                                        "previous status change on %3. Enter %3 or a "
                                        "later date.")
                .arg(toLabel, dateForScreen(change.date), dateForScreen(change.previousChangeDate)));
    }

    if (rule == TransitionRule::AllowedWithReason && change.reason.trimmed().isEmpty()) {
        if (change.to == FamilyStatus::Closed) {
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("earlyhelp::Validation",
                                                         "The reason for closing the case is missing. "
                                                         "Enter why the case is closing."));
        }
        if (change.from == FamilyStatus::Closed) {
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("earlyhelp::Validation",
                                                         "The reason for reopening the case as %1 is "
                                                         "missing. Enter why the case is reopening.")
                                 .arg(toLabel));
        }
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "The reason for the change from %1 to %2 is "
                                                     "missing. Enter why the status is changing.")
                             .arg(fromLabel, toLabel));
    }

    return {};
}

} // namespace earlyhelp
