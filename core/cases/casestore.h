#pragma once

#include "access/access.h"
#include "cases/casedirectory.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "store/store.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace earlyhelp {

// Returns the store file the app and earlyhelp-cli use when none is named.
// That is the EARLYHELP_STORE environment variable when set, else the store
// last opened while it exists, else "cases.ehstore" in the user's application
// data folder. Reads QSettings, so setApplicationIdentity() must have run.
[[nodiscard]] QString defaultStorePath();

// Records path as the store last opened, for defaultStorePath().
void rememberStorePath(const QString& path);

// True when a store file or its key file exists at path.
[[nodiscard]] bool storeExists(const QString& path);

struct NewStoreRequest {
    QString path;
    OrganisationRecord organisation;
    QString userName;
    SecretBytes passphrase; // UTF-8; wiped by setUpStore
    bool useKeychain = false;
};

struct NewStore {
    std::unique_ptr<Store> store;
    OrganisationRecord organisation;
    // The reason the requested keychain slot could not be added, or empty.
    // The store is then unlocked by passphrase alone.
    QString keychainProblem;
};

// Creates a key file with a passphrase slot (and a keychain slot when asked
// and available), the encrypted store, and the store's own organisation.
// Fails without leaving files behind: AlreadyExists when a store or key file
// is at path, InvalidInput for a weak passphrase or a bad organisation field.
[[nodiscard]] Result<NewStore> setUpStore(NewStoreRequest request);

// Returns the users who have a passphrase slot in the store at path.
[[nodiscard]] Result<QStringList> passphraseUsers(const QString& path);

// An unlocked store and the user who unlocked it, with the role their key
// slot records.
struct UnlockedStore {
    std::unique_ptr<Store> store;
    access::Actor actor;
    // Key that opens the records of the store's failed-unlock journal, for
    // audit::recordUnlock().
    SecretBytes failureSecretKey;
};

// Unlocks the store at path with user's passphrase (UTF-8). An empty user
// means the only user; InvalidInput when the store has several.
// WrongPassphrase when the passphrase does not open the user's slot.
[[nodiscard]] Result<UnlockedStore> unlockWithPassphrase(const QString& path, const QString& user,
                                                         const SecretBytes& passphrase);

// Unlocks the store at path with the key in the OS keychain, as the user the
// keychain slot records. NotFound when the store has no keychain slot, and
// KeychainUnavailable when no keychain service responds. Keychain when the
// entry does not open the slot, when the slot records no user (an older
// version set it up), or when its user's account has changed since.
[[nodiscard]] Result<UnlockedStore> unlockWithKeychain(const QString& path);

// Sets up the OS keychain slot of the store at path to unlock as user, with
// the role of user's passphrase slot, replacing any earlier keychain slot.
// The passphrase proves the request and unlocks the store key. Errors are
// those of unlockWithPassphrase(), and KeychainUnavailable when no keychain
// can keep the entry.
[[nodiscard]] Status setUpKeychain(const QString& path, const QString& user, const SecretBytes& passphrase);

// True when the store at path has a keychain slot to try.
[[nodiscard]] bool hasKeychainSlot(const QString& path);

} // namespace earlyhelp
