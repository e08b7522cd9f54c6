#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace earlyhelp {

class Store;

// The record behind a chronology entry. Case notes are written in the
// chronology itself; every other kind is edited where its record lives.
enum class ChronologySource {
    CaseNote,
    Assessment,
    ConsentGiven,
    ConsentWithdrawn,
    PlanStarted,
    PlanClosed,
    TafMeeting,
    PlanReview,
    SharingDecision,
    StatusChange,
    OverrideUse, // information sent on the strength of a sharing decision
};

// The type codes of entries that are not case notes. A case note's entry
// takes the note's own type code instead (see caseNoteTypeCodes()).
namespace chronologytype {
inline constexpr char16_t assessment[] = u"assessment";
inline constexpr char16_t consentGiven[] = u"consent_given";
inline constexpr char16_t consentWithdrawn[] = u"consent_withdrawn";
inline constexpr char16_t planStarted[] = u"plan_started";
inline constexpr char16_t planClosed[] = u"plan_closed";
inline constexpr char16_t tafMeeting[] = u"taf_meeting";
inline constexpr char16_t planReview[] = u"plan_review";
// A decision to share without consent, and a use of one (override_use).
inline constexpr char16_t sharingWithoutConsent[] = u"sharing_without_consent";
inline constexpr char16_t sharedWithoutConsent[] = u"shared_without_consent";
inline constexpr char16_t statusChange[] = u"status_change";
} // namespace chronologytype

// One line of a family's chronology.
struct ChronologyEntry {
    ChronologySource source = ChronologySource::CaseNote;
    // The id of the note, assessment, consent, plan, meeting, review, sharing
    // decision, status change or override use. Both entries of one consent (given and
    // withdrawn), and of one plan (started and closed), carry its id.
    QString recordId;
    QDate date;
    // The case note's type code, or one of the codes in chronologytype.
    QString type;
    // The person who wrote or did it: the note's author, the assessor, the
    // giver or withdrawer of consent, the decider, the user who changed the
    // status or sent information without consent. Empty for plans, meetings
    // and reviews, which record no one.
    QString author;
    // The note's text, or a translated line built from the record, such as
    // "Early help assessment by Sam Patel".
    QString text;
    // As recorded for a case note. Status changes, plan closures and consent
    // withdrawals are always significant, every other entry never.
    bool significant = false;
};

// The selection of entries a chronology query returns.
struct ChronologyFilter {
    // Type codes to keep; an empty list keeps every type.
    QStringList types;
    bool significantOnly = false;
};

// The read-only chronology of a family: its case notes and one entry for each
// assessment, consent given, consent withdrawn, plan started, plan closed,
// TAF meeting, review, decision to share without consent, status change and
// use of a decision to send information without consent.
//
// Deleted records never appear, nor do meetings and reviews of a deleted
// plan. Consents, sharing decisions and their uses count for the family when
// they name it, or name no family and concern one of its members. A use stays
// when its decision is deleted. An unknown or
// deleted family has an empty chronology. Lives on the store's thread and
// must not outlive the store.
class Chronology {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::Chronology)

public:
    explicit Chronology(Store& store);

    // Returns the family's entries that pass filter, newest date first; on
    // one date, the record entered last comes first. Runs one query.
    [[nodiscard]] Result<QList<ChronologyEntry>> entries(const QString& familyId,
                                                         const ChronologyFilter& filter = {}) const;

    // Returns the type codes that the family's chronology contains, sorted,
    // for a filter's choices.
    [[nodiscard]] Result<QStringList> typesPresent(const QString& familyId) const;

    // Returns the type codes a new case note can take, in the order a form
    // offers them: contact, home_visit, school_meeting, concern, phone_call,
    // other.
    [[nodiscard]] static QStringList caseNoteTypeCodes();

    // Returns the translated name of a type code, case note or other, such
    // as "Home visit". An unknown code is returned as given, so a type
    // written by another version of the app still shows.
    [[nodiscard]] static QString typeLabel(const QString& code);

private:
    Store& m_store;
};

} // namespace earlyhelp
