#include "sharing/agreementstate.h"

#include <QCoreApplication>

namespace earlyhelp::sharing {

AgreementState notSignedUpState() {
    AgreementState state;
    state.unavailableReason = QCoreApplication::translate(
        "earlyhelp::sharing",
        "Your organisation has not signed up to the Data Sharing Agreement, so nothing can be shared. "
        "The designated safeguarding lead signs up under Help \u203a Policy and Agreement.");
    return state;
}

} // namespace earlyhelp::sharing
