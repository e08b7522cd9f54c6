#pragma once

// The JSON form of consents and sharing decisions that sync carries as the
// "basis" of consent and sharingDecision records, so that the server can run
// decide() on the same facts as the device that sent them. Dates are ISO
// 8601 (yyyy-MM-dd), an invalid date is null, times are UTC ISO 8601, and
// codes are the store's codes (casework/sharingterms.h, consent vocabulary).
//
//   consent: {"id", "familyId", "subjectPersonId", "givenByPersonId",
//             "capacity", "purposes": [..], "recipients": [{"kind": "organisation"|"partyType",
//             "value"}], "dataCategories": [..], "method",
//             "givenDate", "reviewDate", "withdrawnDate", "withdrawnBy",
//             "deleted"}
//   sharing decision: {"id", "familyId", "personId", "recipientPartyType",
//             "purpose", "lawfulBasis", "condition", "justification",
//             "decidedBy", "date", "deleted"}

#include "casework/records.h"
#include "common/result.h"

#include <QJsonObject>

namespace earlyhelp::policy {

[[nodiscard]] QJsonObject consentToJson(const Consent& consent);
// InvalidInput naming the member and its value when object is not a
// consent in the form above. Unknown members are rejected. Only id,
// subjectPersonId, givenByPersonId, capacity, purposes, recipients,
// dataCategories and method are required, and the others read as empty,
// invalid or false when missing.
[[nodiscard]] Result<Consent> consentFromJson(const QJsonObject& object);

[[nodiscard]] QJsonObject decisionToJson(const SharingDecision& decision);
// InvalidInput as consentFromJson(). Only id and one of familyId and
// personId are required. A non-empty recipientPartyType or purpose must be a
// code of casework/sharingterms.h.
[[nodiscard]] Result<SharingDecision> decisionFromJson(const QJsonObject& object);

} // namespace earlyhelp::policy
