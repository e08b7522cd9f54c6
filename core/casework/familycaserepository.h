#pragma once

#include "casework/caseworkoptions.h"
#include "casework/records.h"
#include "common/result.h"

#include <QList>
#include <QString>

namespace earlyhelp {

class Store;

// Changes a family's case status and lead practitioner and reads its status
// history. Lives on the store's thread and must not outlive the store.
class FamilyCaseRepository {
public:
    explicit FamilyCaseRepository(Store& store, CaseworkOptions options = {});

    // Returns the family's case fields. NotFound when the family is missing
    // or deleted.
    [[nodiscard]] Result<FamilyCase> family(const QString& familyId) const;

    // Changes the family's status to `to` from its current one and records
    // the change in the history, both in one transaction. The change is
    // checked by checkFamilyStatusChange() against the injected clock's local
    // date and the date of the previous change. InvalidInput carries that
    // function's message.
    [[nodiscard]] Result<FamilyStatusChangeRecord> changeStatus(const Actor& actor, const QString& familyId,
                                                                FamilyStatus to, QDate date,
                                                                const QString& reason);

    // Sets the lead practitioner; white space around the name is dropped.
    // Returns false when the name was already that.
    [[nodiscard]] Result<bool> setLeadPractitioner(const Actor& actor, const QString& familyId,
                                                   const QString& leadPractitioner);

    // Returns the family's status changes, oldest first.
    [[nodiscard]] Result<QList<FamilyStatusChangeRecord>> statusHistory(const QString& familyId) const;

private:
    Store& m_store;
    CaseworkOptions m_options;
};

} // namespace earlyhelp
