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
// Records that are deleted are left out, as the repositories leave them
// out. NOTE: a soft-deleted record stays in the store for 30 days and can be
// restored, so it is still held, but it is not collected; collecting it needs
// reads of deleted rows that the repositories do not offer.
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
