#pragma once

// The Data Sharing Agreement as data: the parties, purposes and data
// categories it names and, for each purpose, recipient party type and
// category, the rule that decides whether and how information may be shared.
//
// Canonical bytes. An agreement is signed over its file's bytes exactly as
// stored (UTF-8 JSON, whitespace and all), and the Ed25519 signature lives in
// a detached file beside it ("agreement-v1.json.sig"). Signing the stored
// bytes needs no JSON canonicalisation, whose rules for key order, number
// formatting and string escapes differ between libraries and invite
// mismatches. The cost is that any change to the file, even re-indenting it,
// needs a new signature, which is what a signed legal schedule should demand.
// A detached file keeps the signed document readable and lets a reviewer diff
// two versions without a signature envelope in the way.

#include "common/result.h"
#include "domain/fieldcatalogue.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace earlyhelp::policy {

// The format version this reader accepts in "formatVersion".
inline constexpr int agreementFormatVersion = 1;

// The consent requirement of a rule.
enum class ConsentBasis {
    Consent,           // the family's current consent must cover it
    ConsentOrOverride, // consent, or a recorded decision to share without it
    OverrideOnly,      // only a recorded decision to share without consent
    Never,             // never shared; the cell is written out so a reader sees the refusal
};

// A kind of organisation that takes part, such as "school".
struct PartyType {
    QString code;
    QString label;
    // The identifier organisations of this type carry, such as "DfE URN".
    // Empty when the agreement names none.
    QString identifierKind;
};

// A purpose information may be shared for, such as "safeguarding".
struct Purpose {
    QString code;
    QString label;
};

// A data category as the agreement labels it. code is "personal",
// "special_category" or "criminal_offence".
struct Category {
    QString code;
    DataCategory category = DataCategory::Personal;
    QString label;
};

// One cell of the rule table: purpose × recipient party type × category.
struct Rule {
    QString clauseId; // such as "S-health-special"
    QString purpose;  // purpose code
    QString recipientPartyType;
    DataCategory category = DataCategory::Personal;
    ConsentBasis basis = ConsentBasis::Never;
    // UK GDPR Art. 6 basis code ("art6_1_e"); empty only for Never.
    QString lawfulBasis;
    // Art. 9 or DPA 2018 s.10(5) condition code; set for special category and
    // criminal offence data unless the basis is Never, empty for personal data.
    QString condition;
    QString retention; // empty only for Never
    QString text;      // the clause in plain words
};

// The action due when a retention period ends.
enum class RetentionAction {
    Review, // the holder decides whether to keep the records longer
    Delete, // the holder erases the records
};

// The event a retention period counts from.
enum class RetentionAnchor {
    ChildAge,    // the child's date of birth: kept until the child is `years` old
    CaseClosure, // the date the family's case closed: kept `years` after it
};

// One entry of the retention schedule: how long organisations of one party
// type keep their own records.
struct RetentionEntry {
    QString clauseId;        // such as "R-school"
    QString holderPartyType; // a declared party type code, at most one entry each
    QString records;         // which records, in plain words
    RetentionAnchor anchor = RetentionAnchor::CaseClosure;
    int years = 0;
    RetentionAction then = RetentionAction::Review;
    QString text; // the clause in plain words
};

// The clause on records one party received from another. Its rule is fixed
// by the format: the recipient keeps them by its own schedule entry, but
// never past the date the sender's entry sets for the same records.
struct ReceivedRetention {
    QString clauseId;
    QString text;
};

// The machine-readable retention schedule. An agreement without one has an
// empty schedule and no received-records clause.
struct RetentionSchedule {
    QList<RetentionEntry> entries;
    std::optional<ReceivedRetention> received;

    // Returns the entry of holderPartyType, or nullptr when it has none.
    [[nodiscard]] const RetentionEntry* entryFor(const QString& holderPartyType) const;
};

struct Agreement {
    int formatVersion = agreementFormatVersion;
    int version = 0; // the agreement's own version, 1 for the first
    QString title;
    // The plain statement of what the document is, such as that it is a
    // model for the parties' data protection officers to review.
    QString notice;
    QList<PartyType> partyTypes;
    QList<Purpose> purposes;
    QList<Category> categories;
    QList<Rule> rules;
    RetentionSchedule retention;

    // Returns the rule of that cell, or nullptr when the agreement has none.
    [[nodiscard]] const Rule* findRule(const QString& purpose, const QString& recipientPartyType,
                                       DataCategory category) const;
    [[nodiscard]] bool hasPartyType(const QString& code) const;
    [[nodiscard]] bool hasPurpose(const QString& code) const;
    [[nodiscard]] bool hasCategory(DataCategory category) const;
};

// Parses an agreement document strictly. Every key must be known and every
// required value present with the right type. Every code a rule names must be
// declared, each cell ruled at most once, and lawful basis and condition codes
// known and fitting the category. The error (InvalidInput) names the
// JSON path and value and says what is wrong. Parsing checks no signature;
// see signature.h.
[[nodiscard]] Result<Agreement> parseAgreement(const QByteArray& json);

// Returns the stored code of action: "review" or "delete".
[[nodiscard]] QString retentionActionCode(RetentionAction action);

// Returns the stored code of basis: "consent", "consent_or_override",
// "override_only" or "never".
[[nodiscard]] QString consentBasisCode(ConsentBasis basis);

// The lawful basis and condition codes the agreement may use. They are the
// codes consent records and sharing decisions store.
[[nodiscard]] const QList<QString>& knownLawfulBasisCodes();
[[nodiscard]] const QList<QString>& knownConditionCodes();

} // namespace earlyhelp::policy
