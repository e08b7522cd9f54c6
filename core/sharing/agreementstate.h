#pragma once

// The agreement that sharing in one store runs under. Every sharing function
// of core (the share preview, the sync client) takes an AgreementState and
// shares nothing while inForce is empty.

#include "policy/agreement.h"

#include <QDate>
#include <QString>

#include <optional>

namespace earlyhelp::sharing {

// The organisation's record that it signed up to one agreement version.
struct Acceptance {
    int version = 0;
    QString signatoryName;
    QString signatoryRole;
    QDate signedDate;
    QString recordedBy; // user id of who recorded it in the app
    QString recordedAt; // UTC, ISO 8601
};

struct AgreementState {
    // The newest agreement the organisation accepted, with its signature
    // checked against the Trust's key when the store was opened. Empty when
    // none is accepted or its signature fails.
    std::optional<policy::Agreement> inForce;
    std::optional<Acceptance> acceptance;
    // The translated reason nothing can be shared, naming what to do. Set
    // exactly when inForce is empty.
    QString unavailableReason;
};

// Returns the state of a store whose organisation has accepted no agreement
// yet. Its reason states that nothing can be shared until the designated
// safeguarding lead signs up, and where.
[[nodiscard]] AgreementState notSignedUpState();

} // namespace earlyhelp::sharing
