#pragma once

#include "access/access.h"
#include "access/role.h"
#include "common/result.h"
#include "common/secretbytes.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace earlyhelp::keys {
class KeyFile;
}

namespace earlyhelp::access {

// One user of a store: a passphrase slot of its key file.
struct UserAccount {
    QString user;
    QString roleCode;         // as recorded in the slot
    std::optional<Role> role; // nothing when roleCode is unknown
    QDateTime created;
};

// User management for designated safeguarding leads. A user is a passphrase
// slot in the store's key file, with the user name and role code that the
// slot's seal binds. Every function here first requires that actor passes
// authorise(actor, Action::ManageUsers) and that the key file still records
// actor's user with that role. Otherwise it fails with PermissionDenied and
// changes nothing. User names match ignoring case, as in the key file.
//
// Two rules keep a store administrable: the last designated safeguarding
// lead cannot be removed or given another role, and a lead cannot remove or
// change their own account, so another lead does it.
//
// NOTE: the last-lead rule counts the slots that keyFile read. A change made
// by another process after that is not counted, because KeyFile offers no
// check inside its locked update.

// Lists every passphrase slot with its role, in key file order.
[[nodiscard]] Result<QList<UserAccount>> listUsers(const Actor& actor, const keys::KeyFile& keyFile);

// Adds user with role and passphrase as a new passphrase slot. InvalidInput
// for an empty user name or a passphrase shorter than
// keys::minimumPassphraseLength. AlreadyExists when user has a slot.
[[nodiscard]] Status addUser(const Actor& actor, keys::KeyFile& keyFile, const SecretBytes& storeKey,
                             const QString& user, Role role, const SecretBytes& passphrase);

// Removes user's passphrase slot. NotFound when user has none. InvalidInput
// for the last lead, for actor's own account and for the last passphrase
// slot.
[[nodiscard]] Status removeUser(const Actor& actor, keys::KeyFile& keyFile, const SecretBytes& storeKey,
                                const QString& user);

// Gives user a new role. The slot's seal binds the role, so the slot is
// replaced: the old one is removed and a new one is sealed with passphrase.
// That is either user's own passphrase, typed by them, or a temporary one
// that the lead chooses and passes on. An unchanged role changes nothing.
// The same refusals as removeUser() apply, and InvalidInput for a passphrase
// shorter than keys::minimumPassphraseLength, all before the key file
// changes.
//
// The removal and the addition are two writes. If the second fails, user
// has no slot and the error message tells the lead to add them again.
//
// NOTE: a slot has no "must change passphrase" mark, so nothing makes a user
// replace a temporary passphrase.
[[nodiscard]] Status changeRole(const Actor& actor, keys::KeyFile& keyFile, const SecretBytes& storeKey,
                                const QString& user, Role newRole, const SecretBytes& passphrase);

} // namespace earlyhelp::access
