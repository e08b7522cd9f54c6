#pragma once

#include "access/access.h"
#include "common/result.h"
#include "subjectaccess/subjectaccess.h"

#include <QString>

#include <functional>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::subjectaccess {

// Collects everything a store contains about one person for a subject access
// request: their personal details, addresses, contacts and relationships,
// their family memberships with the other members and each family's status
// history, and the family-level records of each of their families
// (assessments, plans with goals, actions, meetings and reviews, sharing
// decisions and case notes), their consents, what was shared with other
// organisations, and the audit events about them or their families.
//
// Soft-deleted case-work records are collected too and marked as deleted
// (Item::deleted), because the store still contains them. NOTE: an assessment
// need removed by an edit is soft-deleted as well but is not collected,
// because an assessment reads only its current needs.
// Lives on the store's thread and must not outlive the store.
class Collector {
public:
    explicit Collector(Store& store);

    // Returns the items about personId. PermissionDenied unless actor is
    // the designated safeguarding lead, NotFound when no person has that id
    // or the person's record is deleted (merged records included). progress, when set, is called with the steps done
    // and the step count as each kind of record is read.
    [[nodiscard]] Result<Collection> collect(const access::Actor& actor, const QString& personId,
                                             const std::function<void(int, int)>& progress = {}) const;

private:
    Store& m_store;
};

} // namespace earlyhelp::subjectaccess
