#pragma once

#include "casework/caseworkoptions.h"
#include "casework/records.h"
#include "common/result.h"

#include <QList>
#include <QString>

namespace earlyhelp {

class Store;

// Consent to share and decisions to share without consent. Every write checks
// its record first (InvalidInput names the value at fault), runs in one
// transaction and raises the revision only when a value changed. Lives on the
// store's thread and must not outlive the store.
class ConsentRepository {
public:
    explicit ConsentRepository(Store& store, CaseworkOptions options = {});

    // A consent names its subject and the person who gave it (the subject
    // when a competent young person consents), at least one purpose, recipient
    // and data category, and the date given, not after today. A review date is
    // after the date given. A withdrawal is not before the date given and
    // names who withdrew the consent.
    [[nodiscard]] Result<Consent> createConsent(const Actor& actor, const Consent& consent);
    [[nodiscard]] Result<Consent> updateConsent(const Actor& actor, const Consent& consent);
    // Records that consent was withdrawn on date by withdrawnBy.
    // InvalidInput when it is withdrawn already or date is before the date
    // given or after today.
    [[nodiscard]] Result<Consent> withdrawConsent(const Actor& actor, const QString& id, QDate date,
                                                  const QString& withdrawnBy);
    [[nodiscard]] Result<Consent> consent(const QString& id) const;
    // Returns the consents given for person, newest first.
    [[nodiscard]] Result<QList<Consent>> consentsForPerson(const QString& personId) const;
    [[nodiscard]] Status removeConsent(const Actor& actor, const QString& id);
    [[nodiscard]] Status restoreConsent(const Actor& actor, const QString& id);

    // A decision names a family or a person, the recipient party type and
    // the purpose it covers (codes of sharingterms.h), the lawful basis, the
    // justification, who decided, and a date not after today. A decision
    // stored before schema version 4 reads back with an empty recipient and
    // purpose, and saving it again needs both.
    [[nodiscard]] Result<SharingDecision> createSharingDecision(const Actor& actor,
                                                                const SharingDecision& decision);
    [[nodiscard]] Result<SharingDecision> updateSharingDecision(const Actor& actor,
                                                                const SharingDecision& decision);
    [[nodiscard]] Result<SharingDecision> sharingDecision(const QString& id) const;
    // Returns the decisions that name the family, newest first.
    [[nodiscard]] Result<QList<SharingDecision>> sharingDecisionsForFamily(const QString& familyId) const;
    [[nodiscard]] Status removeSharingDecision(const Actor& actor, const QString& id);
    [[nodiscard]] Status restoreSharingDecision(const Actor& actor, const QString& id);

private:
    Store& m_store;
    CaseworkOptions m_options;
};

} // namespace earlyhelp
