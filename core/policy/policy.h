#pragma once

// The sharing decision: whether one field of one person's or family's record
// may go from a sender to a recipient for a purpose, under the agreement.
// decide() is pure (no store, no clock, no globals), so the "share with"
// view, the sync client and the server all reach the same outcome from the
// same inputs.

#include "casework/records.h"
#include "domain/fieldcatalogue.h"
#include "policy/agreement.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace earlyhelp::policy {

// Whose information the field is. personId is empty for family-level fields
// (such as "family.statusDate"); familyId may be empty for a person outside
// any family.
struct SharingSubject {
    QString familyId;
    QString personId;
};

// The recipient of the information. organisationId may be empty when the
// request names only a party type.
struct SharingRecipient {
    QString partyType;
    QString organisationId;
};

struct SharingRequest {
    QString fieldId; // a field catalogue id such as "person.ethnicity"
    // The category of this record's value, read only for a field whose
    // category is set per record (a case note's text); ignored otherwise.
    std::optional<DataCategory> recordCategory;
    SharingSubject subject;
    QString senderPartyType;
    SharingRecipient recipient;
    QString purpose; // purpose code such as "safeguarding"
    QDate today;
};

struct Allowed {
    QString clauseId;
    QString lawfulBasis;
    QString condition; // empty for personal data
    // Id of the sharing decision that replaced consent; empty when the
    // family's consent allowed it.
    QString overrideDecisionId;
};

struct Denied {
    QString reason;   // translated, in plain words, for a tooltip or a log
    QString clauseId; // the rule that denies it; empty when no rule applies
};

using SharingOutcome = std::variant<Allowed, Denied>;

// Decides whether request may go ahead under agreement. Denies by default: an
// unverified agreement, an invalid today, an unknown field, a field whose
// category is unknown, an unknown sender or recipient party type or purpose,
// or a cell without a rule is denied. Otherwise the rule's basis decides:
// - consent: a current consent of the subject must cover the recipient (its
//   party type or the organisation), the purpose and the category. A consent
//   is current when it was given on or before today, is not withdrawn (any
//   withdrawal date counts) and its review date, if any, is not before today.
// - consent_or_override: as consent, or else a sharing decision about the
//   subject, dated on or before today, made for the request's recipient
//   party type and purpose, replaces it.
// - override_only: only such a sharing decision allows it.
// - never: denied.
// A consent is the subject's when its subjectPersonId is the subject's
// person, or, for a family-level field, when it belongs to the subject's
// family. A sharing decision is the subject's when it names that person, or
// names no person and belongs to the subject's family. For special category
// and criminal offence data, a decision counts only when its condition is
// the rule's condition. A decision counts only when its recipientPartyType
// is the request's recipient party type and its purpose is the request's
// purpose, so a decision with either empty (stored before schema version 4)
// never counts. Deleted consents and decisions never count.
[[nodiscard]] SharingOutcome decide(const Agreement& agreement, bool agreementVerified,
                                    const SharingRequest& request, const QList<Consent>& consents,
                                    const QList<SharingDecision>& decisions);

} // namespace earlyhelp::policy
