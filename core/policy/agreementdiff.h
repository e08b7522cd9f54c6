#pragma once

// What changes for sharing when one Data Sharing Agreement version replaces
// another: the fields that become shareable, stop being shareable or are
// shared on different terms, per recipient party type and purpose. The lead
// reviews this list before accepting a new version.

#include "domain/fieldcatalogue.h"
#include "policy/agreement.h"

#include <QList>
#include <QString>

#include <optional>

namespace earlyhelp::policy {

enum class AgreementChangeKind {
    BecomesShareable,
    StopsBeingShareable,
    // Shareable under both versions, but the consent basis, lawful basis,
    // condition or retention differs.
    TermsChanged,
};

// One field whose sharing to one recipient party type for one purpose
// differs between two agreements. A cell is shareable when its agreement
// has a rule for it whose basis is not Never.
struct AgreementChange {
    QString fieldId; // field catalogue id, such as "person.ethnicity"
    // The field's category. A field whose category is set per record
    // ("caseNote.text") is listed once per category that changes.
    DataCategory category = DataCategory::Personal;
    QString recipientPartyType; // party type code
    QString purpose;            // purpose code
    AgreementChangeKind kind = AgreementChangeKind::BecomesShareable;
    // The cell's rule in the older and the newer agreement, Never rules
    // included, or nothing where that agreement has no rule for the cell.
    std::optional<Rule> before;
    std::optional<Rule> after;
};

// Compares every field of the field catalogue for every recipient party
// type and purpose that either agreement names, and returns the changed
// cells. The order is stable: recipient party types in the order of `to`
// and then those only `from` names, purposes likewise, then fields in
// catalogue order and categories in declaration order.
[[nodiscard]] QList<AgreementChange> diffAgreements(const Agreement& from, const Agreement& to);

// Returns the kind's code for scripts and logs: "becomes-shareable",
// "stops-being-shareable" or "terms-changed". Not translated.
[[nodiscard]] QString agreementChangeKindCode(AgreementChangeKind kind);

} // namespace earlyhelp::policy
