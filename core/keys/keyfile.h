#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "keys/keyfileformat.h"
#include "keys/keyslot.h"
#include "keys/passphrase.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace earlyhelp::keys {

class Keychain;
class UnlockThrottle;

// A slot as shown to users: who it is for, without any secret.
struct SlotInfo {
    QUuid id;
    SlotType type = SlotType::Passphrase;
    // The user and role code the slot unlocks as. Both are empty in a keychain
    // slot written before keychain slots recorded a user.
    QString user;
    QString role;
    QDateTime created;
};

struct KeyFileOptions {
    // Argon2id cost of new passphrase slots. Existing slots keep the cost
    // they record. Must satisfy PassphraseCost::isAccepted().
    PassphraseCost passphraseCost = PassphraseCost::moderate();
    // Counts failed passphrase unlocks; nullptr means
    // UnlockThrottle::processWide(). Not owned; must outlive the KeyFile.
    UnlockThrottle* throttle = nullptr;
    // The keychain that keeps the keychain slot's secret; nullptr means an
    // OsKeychain with its default timeout.
    std::shared_ptr<Keychain> keychain;
};

// The result of KeyFile::create().
struct NewKeyFile;

// The key file of one store, "<store path>.keys", and the key slots in it.
// The store key (32 random bytes) is sealed once per slot: with a wrapping
// key derived from a user's passphrase (Argon2id), or with a random wrapping
// key kept in the OS keychain. keyfileformat.h shows the file format.
//
// Every change to the slots takes the unlocked store key, which is checked
// against the key file's key check first. The change is written under a
// QLockFile ("<key file>.lock") after the file is read again, so changes
// made by another process in the meantime are kept.
//
// A KeyFile belongs to one thread at a time. The keychain functions follow
// the thread contract of OsKeychain when the default keychain is used.
// Unlocking with a passphrase takes about a second at the default cost and
// may wait first; see UnlockThrottle.
class KeyFile {
public:
    KeyFile(KeyFile&&) noexcept;
    KeyFile& operator=(KeyFile&&) noexcept;
    KeyFile(const KeyFile&) = delete;
    KeyFile& operator=(const KeyFile&) = delete;
    ~KeyFile();

    // The key file path for a store: storePath followed by ".keys".
    [[nodiscard]] static QString pathForStore(const QString& storePath);

    // Sets up keys for a new store: generates a store id and a random store
    // key, and writes a key file with one passphrase slot for user. With
    // addKeychainSlot, then adds the keychain slot for user. When that fails, the key
    // file is still created and keychainError contains the error, which the
    // caller shows before carrying on with the passphrase. Fails with AlreadyExists when the
    // key file exists, InvalidInput for an empty user or role or a
    // passphrase shorter than minimumPassphraseLength.
    [[nodiscard]] static Result<NewKeyFile> create(const QString& storePath, const QString& user, const QString& role,
        const SecretBytes& passphrase, bool addKeychainSlot, KeyFileOptions options = {});

    // Reads the key file of the store at storePath. NotFound names the key
    // file path when it is missing, StoreDamaged describes a malformed file,
    // SchemaTooNew a file from a newer app.
    [[nodiscard]] static Result<KeyFile> open(const QString& storePath, KeyFileOptions options = {});

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QUuid storeId() const { return m_contents.storeId; }
    [[nodiscard]] QList<SlotInfo> listSlots() const;
    [[nodiscard]] bool hasKeychainSlot() const;
    [[nodiscard]] bool hasPassphraseSlot(const QString& user) const;

    // Unlocks with the passphrase of user (matched ignoring case). First
    // waits as the throttle requires. WrongPassphrase when the passphrase
    // does not open the slot; the throttle counts it and a record of user as
    // given is appended to the failed-unlock journal (failedunlockjournal.h).
    // A right passphrase appends a success marker to a journal that has
    // records. NotFound when user
    // has no slot. StoreDamaged when the slot's checksum, cost or key check
    // shows damage or editing: the slot was changed, or copied from another
    // key file.
    [[nodiscard]] Result<SecretBytes> unlockWithPassphrase(const QString& user, const SecretBytes& passphrase);

    // Time that the next unlockWithPassphrase() will wait before it checks
    // the passphrase, for a GUI to show; zero when it will not wait.
    [[nodiscard]] std::chrono::milliseconds remainingUnlockDelay() const;

    // Unlocks with the keychain slot. NotFound when there is no keychain
    // slot. KeychainUnavailable when no keychain service responds. Keychain
    // when the entry is missing or does not open the slot, when the slot
    // records no user (an older slot), and when the slot's user no longer
    // has a passphrase slot with the slot's role. The caller falls back to
    // the passphrase in all these cases. On success, the keychain slot in
    // listSlots() names the user and role that unlocked.
    [[nodiscard]] Result<SecretBytes> unlockWithKeychain();

    // Adds a passphrase slot for user with role. AlreadyExists when user
    // already has one (ignoring case); remove it first to change the
    // passphrase.
    [[nodiscard]] Status addPassphraseSlot(
        const SecretBytes& storeKey, const QString& user, const QString& role, const SecretBytes& passphrase);

    // Removes the passphrase slot of user. InvalidInput when it is the last
    // passphrase slot, because the keychain slot alone would be lost with
    // this computer.
    [[nodiscard]] Status removePassphraseSlot(const SecretBytes& storeKey, const QString& user);

    // Adds the keychain slot, or replaces it, so that it unlocks as user with
    // role, and its seal binds both. user must have a passphrase slot with that
    // role, else NotFound or InvalidInput. Writes a new random wrapping key to
    // the keychain entry "store-<store id>", reads it back and compares before
    // the slot is written. KeychainUnavailable when the keychain is missing or
    // returns other bytes; nothing is recorded then. One key file has one
    // keychain slot, so adding it on a second computer, or for another user,
    // makes the earlier entry stale.
    [[nodiscard]] Status addKeychainSlot(const SecretBytes& storeKey, const QString& user, const QString& role);

    // Removes the keychain slot from the key file, then deletes the keychain
    // entry. If only the deletion fails, the slot is gone (so the entry can
    // no longer unlock anything) and the error names the entry to delete by
    // hand.
    [[nodiscard]] Status removeKeychainSlot(const SecretBytes& storeKey);

private:
    KeyFile(QString path, KeyFileContents contents, KeyFileOptions options);

    [[nodiscard]] Status checkStoreKey(const SecretBytes& storeKey) const;
    // Writes the failure key of storeKey into the key file when it is
    // missing or differs (a key file from before failure keys, or an edited
    // one). A failure is logged and does not stop the unlock.
    void updateFailureKey(const SecretBytes& storeKey);
    // Refuses a keychain slot that records no user, or whose user no longer
    // has a passphrase slot with the same role.
    [[nodiscard]] Status checkKeychainSlotUser(const KeySlot& slot) const;
    [[nodiscard]] Status updateFile(const std::function<Status(KeyFileContents&)>& change);
    [[nodiscard]] Result<KeySlot> makePassphraseSlot(
        const SecretBytes& storeKey, const QString& user, const QString& role, const SecretBytes& passphrase) const;
    [[nodiscard]] Status verifySlot(const KeySlot& slot) const;
    [[nodiscard]] Result<SecretBytes> acceptKey(SecretBytes key, const KeySlot& slot) const;
    [[nodiscard]] Keychain& keychain();
    [[nodiscard]] UnlockThrottle& throttle() const;

    QString m_path;
    KeyFileContents m_contents;
    KeyFileOptions m_options;
};

struct NewKeyFile {
    KeyFile keyFile;
    // The new store key, for Store::create().
    SecretBytes storeKey;
    // The error that kept the requested keychain slot from being added;
    // empty when it was added, or when none was requested.
    std::optional<Error> keychainError;
};

} // namespace earlyhelp::keys
