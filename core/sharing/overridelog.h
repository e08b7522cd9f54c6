#pragma once

// The record of every use of a decision to share without consent. Each time
// a sharing decision, not consent, allows fields to go to a recipient, one
// override_use row per decision names the fields, the recipient, the purpose,
// the agreement version, the reason, who sent them and when. buildPayload()
// stays pure, and the sync client calls recordUses() for each payload it
// sends.

#include "access/access.h"
#include "common/result.h"
#include "policy/payload.h"
#include "policy/policy.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::sharing {

// One row of override_use.
struct OverrideUse {
    QString id;
    QString orgId;
    QString decisionId;
    QString familyId; // may be empty
    QString personId; // may be empty
    QString recipientPartyType;
    QString recipientOrganisationId; // may be empty
    QString purpose;
    QStringList fieldIds; // field catalogue ids, in payload order
    int agreementVersion = 0;
    QString reason;
    QString usedBy;   // the actor's user name
    QDateTime usedAt; // UTC
};

// Writes and reads override_use. Lives on the store's thread and must not
// outlive the store.
class OverrideLog {
public:
    // clock returns the current time and defaults to the system clock in UTC.
    explicit OverrideLog(Store& store, std::function<QDateTime()> clock = {});

    // Records one use per distinct overrideDecisionId among payload's shared
    // fields, with the ids of the fields that decision allowed, all in one
    // transaction, and returns the rows written, in order of decision id.
    // Writes nothing and returns an empty list when no shared field relied on
    // a decision. Fails with PermissionDenied unless actor may edit cases.
    // When a use would be recorded, fails with InvalidInput if reason is
    // blank or agreementVersion is not positive. Fails with the store's error
    // when a decision id, family or person is not in the store, and then
    // writes nothing.
    [[nodiscard]] Result<QList<OverrideUse>>
    recordUses(const access::Actor& actor, const policy::Payload& payload,
               const policy::SharingSubject& subject, const policy::SharingRecipient& recipient,
               const QString& purpose, int agreementVersion, const QString& reason);

    // Returns the uses for a family, newest first: those recorded with its id,
    // and those recorded for one of its members without a family.
    [[nodiscard]] Result<QList<OverrideUse>> usesForFamily(const QString& familyId) const;
    // Returns the uses recorded for a person, newest first, including those
    // recorded for anyone merged into them (directly or through a chain of
    // merges). A merge leaves the log as it was written: each use keeps the
    // id it was recorded with.
    [[nodiscard]] Result<QList<OverrideUse>> usesForPerson(const QString& personId) const;
    // Returns the uses that relied on a decision, newest first.
    [[nodiscard]] Result<QList<OverrideUse>> usesForDecision(const QString& decisionId) const;

private:
    [[nodiscard]] Result<QList<OverrideUse>> select(const QString& where, const QVariantList& binds) const;

    Store& m_store;
    std::function<QDateTime()> m_clock;
};

} // namespace earlyhelp::sharing
