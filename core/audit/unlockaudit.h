#pragma once

// Unlock and failed-unlock events. A store that failed to unlock is not open,
// so KeyFile appends each wrong passphrase to the failed-unlock journal beside
// the key file (keys/failedunlockjournal.h), and the next successful unlock of
// the store, by any process, moves the journal's records into the audit
// trail here. Attempts therefore survive the end of the process that made
// them.

#include "common/result.h"
#include "common/secretbytes.h"

#include <QString>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::audit {

// Returns how many failed unlocks of the store file at storePath wait in its
// journal, counting unreadable lines, or 0 when the journal cannot be read.
[[nodiscard]] int pendingFailedUnlocks(const QString& storePath);

// Appends, in one transaction, a "failed-unlock" event for each failure in
// the journal of store's key file and then an "unlock" event with
// details.method ("passphrase" or "keychain") as the store's audit actor. Set
// the actor first. failureSecretKey (keys::failureSecretKey of the store key)
// opens the records; with an empty key the journal is left as it is.
//
// A failed-unlock event has no user; its details are user (as typed),
// attemptedAt and via ("app" or "cli"). A record that does not open, or a
// line that is not a record, gives an event with details.unreadable true,
// details.problem and, when known, details.attemptedAt. A journal that cannot
// be read gives one such event and is left for the next unlock. The records
// are removed from the journal only after the transaction commits. If that
// removal fails, the error is returned and the next unlock records them again.
[[nodiscard]] Status recordUnlock(Store& store, const QString& method, const SecretBytes& failureSecretKey);

} // namespace earlyhelp::audit
