#pragma once

// The retention schedule applied to one store: which children's files and
// families' case records have reached, or are about to reach, the end of
// the period the agreement sets, and the reviews that keep a record longer.
//
// The schedule entry of the store's own organisation's party type decides.
// An entry that keeps records until the child reaches an age lists each
// child (a child member of a family, or a pupil) by date of birth. An entry
// that keeps records for years after the case closes lists each closed
// family by the date of its latest closure. Records another organisation
// owns (received through sharing) also get the date the sender's entry
// sets for them, and the earlier of the two dates applies, so that nothing
// is kept longer than the sender keeps it.

#include "access/access.h"
#include "casework/caseworkoptions.h"
#include "common/result.h"
#include "policy/agreement.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::retention {

// The kind of record a retention date belongs to.
enum class SubjectType {
    Person, // a child's file, kept until an age
    Family, // a family's case records, kept for years after the case closes
};

// The stored code of type: "person" or "family".
[[nodiscard]] QString subjectTypeCode(SubjectType type);

// One child or family whose retention period has ended or ends soon.
struct DueItem {
    SubjectType subjectType = SubjectType::Person;
    QString subjectId;
    // The person's name or the family's name. It is case data, so it is
    // never logged.
    QString displayName;
    QDate dueDate; // the day the retention period ends
    policy::RetentionAction action = policy::RetentionAction::Review;
    // The schedule entry's clause and, for received records, the
    // received-records clause after it.
    QStringList clauseIds;
    // For received records: the owner organisation's name; empty for the
    // store's own records.
    QString receivedFrom;
    // The latest review's keep-until date when a review kept the item past
    // dueDate; null otherwise. The item is due again on that date.
    QDate keptUntil;

    // The date the item is due: keptUntil when set, otherwise dueDate.
    [[nodiscard]] QDate effectiveDate() const { return keptUntil.isValid() ? keptUntil : dueDate; }
};

// A recorded retention review.
struct Review {
    QString id;
    SubjectType subjectType = SubjectType::Person;
    QString subjectId;
    QDate dueDate;
    QDate keepUntil;
    QString reason;
    QString reviewedBy;
    QDateTime reviewedAt; // UTC
};

// Computes the due list of one store under one agreement and records
// reviews. Lives on the store's thread and must not outlive the store.
class RetentionList {
public:
    // agreement is the one in force (sharing::AgreementState::inForce).
    // options.clock sets today; options.authorise is not used.
    RetentionList(Store& store, policy::Agreement agreement, CaseworkOptions options = {});

    // Returns every item whose effective date falls on or before today plus
    // withinDays, earliest first. Soft-deleted people and families are left
    // out. InvalidInput when withinDays is negative; NotFound when the store
    // has no local organisation.
    [[nodiscard]] Result<QList<DueItem>> due(int withinDays) const;

    // Returns the item of one subject whatever its date, or nothing when the
    // schedule gives it no date (an open case, a child without a date of
    // birth, or no entry for the party types involved).
    [[nodiscard]] Result<std::optional<DueItem>> itemFor(SubjectType type, const QString& subjectId) const;

    // Records that the subject is kept until keepUntil, for reason, and
    // returns the review's id. The review hides the item from due() until
    // keepUntil comes within its window. PermissionDenied unless actor may
    // delete and restore case records (lead or deputy); InvalidInput when
    // reason is blank or keepUntil is not after both today and the due date;
    // NotFound when the subject has no retention date. Audited as a
    // retention event.
    [[nodiscard]] Result<QString> recordReview(const access::Actor& actor, SubjectType type,
                                               const QString& subjectId, QDate keepUntil,
                                               const QString& reason);

    // Returns the reviews of one subject, latest first.
    [[nodiscard]] Result<QList<Review>> reviews(SubjectType type, const QString& subjectId) const;

private:
    Store& m_store;
    policy::Agreement m_agreement;
    CaseworkOptions m_options;
};

} // namespace earlyhelp::retention
