#pragma once

#include "access/role.h"
#include "common/result.h"
#include "common/secretbytes.h"

#include <QString>

#include <functional>

namespace earlyhelp::keys {
class KeyFile;
}

namespace earlyhelp::access {

// The user who unlocked the store, and the role code their key slot records.
// unlockAsUser() makes one. A default Actor has no role and may do nothing.
//
// authorise() guards against mistakes in the UI and keeps each role to its
// own work. It is no barrier against code in the same process, which has
// the store key and could write to the store directly.
struct Actor {
    QString user;
    QString roleCode; // as recorded in the key slot, possibly unknown

    // The role for roleCode, or nothing when the code is unknown.
    [[nodiscard]] std::optional<Role> role() const { return roleFromCode(roleCode); }
};

// Checks that actor's role allows action. PermissionDenied with a message for
// the user when it does not, including when the role code is unknown.
// Denials are logged with the user name and the action.
[[nodiscard]] Status authorise(const Actor& actor, Action action);

// A check that a repository calls before each change. authorise() fits it,
// and tests may pass one that allows or rejects everything.
using AccessGuard = std::function<Status(const Actor&, Action)>;

// The result of unlockAsUser(): who unlocked, and the store key to open the
// store with.
struct UnlockedSession {
    Actor actor;
    SecretBytes storeKey;
};

// Unlocks keyFile with user's passphrase and returns the store key together
// with the Actor for that user's slot. Errors are those of
// KeyFile::unlockWithPassphrase(). The role comes from the slot that opened,
// whose seal binds the role code, so an edited role cannot be returned.
[[nodiscard]] Result<UnlockedSession> unlockAsUser(keys::KeyFile& keyFile, const QString& user,
                                                   const SecretBytes& passphrase);

// Unlocks keyFile with its OS keychain slot and returns the store key
// together with the Actor that the slot records. Errors are those of
// KeyFile::unlockWithKeychain(), which refuses an older keychain slot that
// records no user. The slot's seal binds its user and role code.
[[nodiscard]] Result<UnlockedSession> unlockWithKeychainAsUser(keys::KeyFile& keyFile);

} // namespace earlyhelp::access
