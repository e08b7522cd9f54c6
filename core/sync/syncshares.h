#pragma once

// Internal to core/sync: the consents and sharing decisions a family's
// records are shared under, and the audit Share events that record what an
// accepted push made available to which recipient, for which purpose and
// under which clauses.

#include "casework/records.h"
#include "common/result.h"
#include "sharing/agreementstate.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::sync {

// The current consents and sharing decisions of a family: those of the
// family and those about its members. Deleted ones are left out.
struct FamilyBasis {
    QList<Consent> consents;
    QList<SharingDecision> decisions;
};

[[nodiscard]] Result<FamilyBasis> readFamilyBasis(Store& store, const QString& familyId);

// A change of one of this organisation's records that the server accepted,
// with the fields it applied.
struct AcceptedChange {
    QString recordType; // wire name: "person", "caseNote", …
    QString recordId;
    QString familyId;
    QString personId;
    QJsonObject fields; // the values sent; a null clears a field and shares nothing
};

// Appends one audit Share event per subject, recipient and purpose for what
// the server may now pass on. The subject is the person, or the family for
// family-level records. It runs policy::buildPayload() on each accepted
// change for each recipient that a current consent or sharing decision of
// the family names, and for each purpose of the agreement in force. A
// family in basisChanged had a consent or sharing decision accepted, so the
// server recomputes its deliveries, and every record the server has of it
// is evaluated instead. Runs in the caller's open transaction. Does nothing
// while no agreement is in force.
[[nodiscard]] Status appendShareEvents(Store& store, const sharing::AgreementState& state, QDate today,
                                       const QList<AcceptedChange>& accepted, const QSet<QString>& basisChanged);

} // namespace earlyhelp::sync
