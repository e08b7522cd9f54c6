#pragma once

// Unlock and failed-unlock events. A store that failed to unlock is not open,
// so a failed attempt is kept in this process's memory and appended after the
// next successful unlock of the same store file. Attempts still in memory
// when the process ends are lost.

#include "common/result.h"

#include <QDateTime>
#include <QString>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::audit {

// Keeps a failed unlock of the store file at storePath by typedUser (the user
// name as chosen or typed) at attemptedAt. Thread-safe.
void noteFailedUnlock(const QString& storePath, const QString& typedUser,
                      const QDateTime& attemptedAt = QDateTime::currentDateTimeUtc());

// Returns how many failed unlocks of the store file at storePath wait.
[[nodiscard]] int pendingFailedUnlocks(const QString& storePath);

// Appends, in one transaction, a "failed-unlock" event for each failed unlock
// noted for store's file (with no user and details.user and
// details.attemptedAt) and then an "unlock" event with details.method
// ("passphrase" or "keychain") as the store's audit actor. Set the actor
// first. The noted failures are dropped once the transaction commits.
[[nodiscard]] Status recordUnlock(Store& store, const QString& method);

} // namespace earlyhelp::audit
