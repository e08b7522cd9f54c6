#include "keys/keyfile.h"

#include "keys/failedunlockjournal.h"
#include "keys/logging.h"
#include "keys/oskeychain.h"
#include "keys/slotcrypto.h"
#include "keys/unlockthrottle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>

#include <algorithm>

namespace earlyhelp::keys {

namespace {

// How long a change waits for another process to finish changing the same
// key file. Changes take well under a second apart from Argon2, which runs
// before the lock is taken.
constexpr int lockTimeoutMilliseconds = 10'000;

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

Status lockKeyFile(QLockFile& lock, const QString& keyFilePath)
{
    if (lock.tryLock(lockTimeoutMilliseconds))
        return {};

    if (lock.error() == QLockFile::LockFailedError) {
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 is being changed by another copy of Early Help Case Manager. "
                "Wait a moment and try again.")
                .arg(nativePath(keyFilePath)));
    }
    return makeError(lock.error() == QLockFile::PermissionError ? ErrorCode::PermissionDenied : ErrorCode::Io,
        QCoreApplication::translate("earlyhelp::Keys",
            "The key file %1 could not be locked for changing because the lock file %2 could not be created. "
            "Check that your account may write to that folder.")
            .arg(nativePath(keyFilePath), nativePath(keyFilePath + QStringLiteral(".lock"))));
}

Status validateUserAndRole(const QString& user, const QString& role)
{
    if (user.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
            QCoreApplication::translate("earlyhelp::Keys", "The user name is empty. Enter the name the user signs in with."));
    }
    if (role.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
            QCoreApplication::translate("earlyhelp::Keys", "The role of %1 is empty. Choose a role, for example \"lead\".")
                .arg(user.trimmed()));
    }
    return {};
}

bool sameUser(const QString& first, const QString& second)
{
    return first.trimmed().compare(second.trimmed(), Qt::CaseInsensitive) == 0;
}

const KeySlot* findPassphraseSlot(const QList<KeySlot>& keySlots, const QString& user)
{
    for (const KeySlot& slot : keySlots) {
        if (slot.type == SlotType::Passphrase && sameUser(slot.user, user))
            return &slot;
    }
    return nullptr;
}

const KeySlot* findKeychainSlot(const QList<KeySlot>& keySlots)
{
    for (const KeySlot& slot : keySlots) {
        if (slot.type == SlotType::Keychain)
            return &slot;
    }
    return nullptr;
}

} // namespace

KeyFile::KeyFile(QString path, KeyFileContents contents, KeyFileOptions options)
    : m_path(std::move(path))
    , m_contents(std::move(contents))
    , m_options(std::move(options))
{
}

KeyFile::KeyFile(KeyFile&&) noexcept = default;
KeyFile& KeyFile::operator=(KeyFile&&) noexcept = default;
KeyFile::~KeyFile() = default;

QString KeyFile::pathForStore(const QString& storePath)
{
    return storePath + QStringLiteral(".keys");
}

Result<NewKeyFile> KeyFile::create(const QString& storePath, const QString& user, const QString& role,
    const SecretBytes& passphrase, bool addKeychainSlot, KeyFileOptions options)
{
    if (!options.passphraseCost.isAccepted()) {
        return makeError(ErrorCode::InvalidInput,
            QCoreApplication::translate("earlyhelp::Keys",
                "The Argon2 cost for new passphrases (%1 passes over %2 bytes) is outside the accepted range.")
                .arg(options.passphraseCost.opsLimit)
                .arg(options.passphraseCost.memLimit));
    }
    if (Status valid = validateUserAndRole(user, role); !valid)
        return std::unexpected(valid.error());
    if (Status valid = validateNewPassphrase(user.trimmed(), passphrase); !valid)
        return std::unexpected(valid.error());

    const QString path = QFileInfo(pathForStore(storePath)).absoluteFilePath();
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("earlyhelp::Keys",
                "The folder %1 does not exist, so the key file cannot be created there. Choose an existing folder "
                "for the case store.")
                .arg(nativePath(folder)));
    }

    SecretBytes storeKey = SecretBytes::random(storeKeyBytes);
    KeyFileContents contents;
    contents.storeId = QUuid::createUuid();
    contents.keyCheck = computeKeyCheck(storeKey, contents.storeId);
    contents.failureKey = failurePublicKey(storeKey);
    KeyFile keyFile(path, contents, std::move(options));

    Result<KeySlot> slot = keyFile.makePassphraseSlot(storeKey, user.trimmed(), role.trimmed(), passphrase);
    if (!slot)
        return std::unexpected(slot.error());
    contents.keySlots.append(*slot);

    {
        QLockFile lock(path + QStringLiteral(".lock"));
        if (Status locked = lockKeyFile(lock, path); !locked)
            return std::unexpected(locked.error());
        if (QFileInfo::exists(path)) {
            return makeError(ErrorCode::AlreadyExists,
                QCoreApplication::translate("earlyhelp::Keys",
                    "The key file %1 already exists, so a new store cannot be set up there. Choose another file name "
                    "for the case store, or open the existing one.")
                    .arg(nativePath(path)));
        }
        if (Status written = writeKeyFile(path, contents); !written)
            return std::unexpected(written.error());
    }
    keyFile.m_contents = std::move(contents);
    qCInfo(lcKeys) << "Created key file" << path << "for store" << keyFile.storeId()
                   << "with a passphrase slot for" << user.trimmed();

    std::optional<Error> keychainError;
    if (addKeychainSlot) {
        if (Status added = keyFile.addKeychainSlot(storeKey, user.trimmed(), role.trimmed()); !added)
            keychainError = added.error();
    }
    return NewKeyFile{std::move(keyFile), std::move(storeKey), std::move(keychainError)};
}

Result<KeyFile> KeyFile::open(const QString& storePath, KeyFileOptions options)
{
    const QString path = QFileInfo(pathForStore(storePath)).absoluteFilePath();
    Result<KeyFileContents> contents = readKeyFile(path);
    if (!contents) {
        qCWarning(lcKeys) << "Could not open key file" << path << ":" << contents.error().message;
        return std::unexpected(contents.error());
    }
    return KeyFile(path, std::move(*contents), std::move(options));
}

QList<SlotInfo> KeyFile::listSlots() const
{
    QList<SlotInfo> infos;
    infos.reserve(m_contents.keySlots.size());
    for (const KeySlot& slot : m_contents.keySlots)
        infos.append(SlotInfo{slot.id, slot.type, slot.user, slot.role, slot.created});
    return infos;
}

bool KeyFile::hasKeychainSlot() const
{
    return findKeychainSlot(m_contents.keySlots) != nullptr;
}

bool KeyFile::hasPassphraseSlot(const QString& user) const
{
    return findPassphraseSlot(m_contents.keySlots, user) != nullptr;
}

Result<SecretBytes> KeyFile::unlockWithPassphrase(const QString& user, const SecretBytes& passphrase)
{
    const KeySlot* found = findPassphraseSlot(m_contents.keySlots, user);
    if (!found) {
        // Guessing user names is a failed unlock too, and waits like one.
        throttle().waitBeforeAttempt(m_path);
        const FailedUnlockJournal journal(m_path);
        if (Status journaled = journal.appendFailure(m_contents.failureKey, user, throttle().now()); !journaled)
            qCWarning(lcKeys) << "A failed unlock of" << m_path << "was not journaled:" << journaled.error().message;
        throttle().recordFailure(m_path);
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("earlyhelp::Keys",
                "No passphrase is set up for %1 in the key file %2. Check the user name, or ask your Early Help lead "
                "to add you.")
                .arg(user.trimmed(), nativePath(m_path)));
    }
    const KeySlot slot = *found;
    if (Status intact = verifySlot(slot); !intact)
        return std::unexpected(intact.error());

    throttle().waitBeforeAttempt(m_path);

    Result<SecretBytes> wrappingKey = deriveWrappingKey(passphrase, slot.salt, slot.cost);
    if (!wrappingKey)
        return std::unexpected(wrappingKey.error());

    std::optional<SecretBytes> storeKey = openSealedKey(SealedKey{slot.nonce, slot.wrappedKey}, *wrappingKey,
        slotAssociatedData(keyFileFormatVersion, m_contents.storeId, slot));
    if (!storeKey) {
        const FailedUnlockJournal journal(m_path);
        if (Status journaled = journal.appendFailure(m_contents.failureKey, user, throttle().now()); !journaled)
            qCWarning(lcKeys) << "A failed unlock of" << m_path << "was not journaled:" << journaled.error().message;
        throttle().recordFailure(m_path);
        const int failures = throttle().consecutiveFailures(m_path);
        qCWarning(lcKeys) << "Unlock failed: wrong passphrase for" << slot.user << "on" << m_path << "-" << failures
                          << "consecutive failures";
        QString message = QCoreApplication::translate("earlyhelp::Keys",
            "The passphrase for %1 is not correct. Check that Caps Lock is off and try again.")
                              .arg(slot.user);
        if (UnlockThrottle::delayAfterFailures(failures) > std::chrono::milliseconds(0)) {
            message += QLatin1Char(' ')
                + QCoreApplication::translate("earlyhelp::Keys",
                    "After several wrong passphrases, each new attempt waits longer, up to 30 seconds.");
        }
        return makeError(ErrorCode::WrongPassphrase, message);
    }

    Result<SecretBytes> accepted = acceptKey(std::move(*storeKey), slot);
    if (!accepted)
        return accepted;
    throttle().recordSuccess(m_path);
    if (Status marked = FailedUnlockJournal(m_path).appendSuccess(throttle().now()); !marked)
        qCWarning(lcKeys) << "The unlock of" << m_path << "was not marked in its journal:" << marked.error().message;
    qCInfo(lcKeys) << "Unlock succeeded:" << m_path << "with the passphrase slot" << slot.id << "of" << slot.user;
    updateFailureKey(*accepted);
    return accepted;
}

Result<SecretBytes> KeyFile::unlockWithKeychain()
{
    const KeySlot* found = findKeychainSlot(m_contents.keySlots);
    if (!found) {
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 has no OS keychain slot. Use the passphrase to unlock.")
                .arg(nativePath(m_path)));
    }
    const KeySlot slot = *found;
    if (Status intact = verifySlot(slot); !intact)
        return std::unexpected(intact.error());
    if (Status current = checkKeychainSlotUser(slot); !current)
        return std::unexpected(current.error());

    const QString entryKey = keychainKeyForStore(m_contents.storeId);
    Result<SecretBytes> wrappingKey = keychain().readSecret(entryKey);
    if (!wrappingKey) {
        // NOTE: QtKeychain's libsecret backend reports a locked collection as
        // a missing entry, because a lookup in it finds nothing; hence the
        // message names both causes.
        if (wrappingKey.error().code == ErrorCode::NotFound) {
            qCWarning(lcKeys) << "Unlock failed:" << m_path << "- the OS keychain has no entry" << entryKey;
            return makeError(ErrorCode::Keychain,
                QCoreApplication::translate("earlyhelp::Keys",
                    "The OS keychain has no entry \"%1\" for this store, or the keychain is locked. The entry may "
                    "have been removed, or the keychain slot set up on another computer. Use the passphrase to "
                    "unlock, then set up the keychain again.")
                    .arg(entryKey));
        }
        if (wrappingKey.error().code == ErrorCode::KeychainUnavailable)
            qCWarning(lcKeys) << "Keychain unavailable while unlocking" << m_path;
        else
            qCWarning(lcKeys) << "Unlock failed:" << m_path << "- OS keychain error";
        return std::unexpected(wrappingKey.error());
    }

    std::optional<SecretBytes> storeKey;
    if (wrappingKey->size() == storeKeyBytes) {
        storeKey = openSealedKey(SealedKey{slot.nonce, slot.wrappedKey}, *wrappingKey,
            slotAssociatedData(keyFileFormatVersion, m_contents.storeId, slot));
    }
    if (!storeKey) {
        qCWarning(lcKeys) << "Unlock failed:" << m_path << "- the OS keychain entry" << entryKey
                          << "does not open the keychain slot";
        return makeError(ErrorCode::Keychain,
            QCoreApplication::translate("earlyhelp::Keys",
                "The OS keychain entry \"%1\" does not open the keychain slot in %2. The slot was set up again on "
                "another computer, or the entry was changed. Use the passphrase to unlock, then set up the keychain "
                "again.")
                .arg(entryKey, nativePath(m_path)));
    }

    Result<SecretBytes> accepted = acceptKey(std::move(*storeKey), slot);
    if (accepted) {
        qCInfo(lcKeys) << "Unlock succeeded:" << m_path << "with the OS keychain slot" << slot.id;
        updateFailureKey(*accepted);
    }
    return accepted;
}

Status KeyFile::addPassphraseSlot(
    const SecretBytes& storeKey, const QString& user, const QString& role, const SecretBytes& passphrase)
{
    if (Status valid = checkStoreKey(storeKey); !valid)
        return valid;
    if (Status valid = validateUserAndRole(user, role); !valid)
        return valid;
    if (Status valid = validateNewPassphrase(user.trimmed(), passphrase); !valid)
        return valid;

    const auto alreadyExists = [&] {
        return makeError(ErrorCode::AlreadyExists,
            QCoreApplication::translate("earlyhelp::Keys",
                "%1 already has a passphrase in the key file %2. To change it, remove that passphrase first.")
                .arg(user.trimmed(), nativePath(m_path)));
    };
    if (hasPassphraseSlot(user))
        return alreadyExists();

    // Argon2 runs before the lock is taken, so other processes do not wait for it.
    Result<KeySlot> slot = makePassphraseSlot(storeKey, user.trimmed(), role.trimmed(), passphrase);
    if (!slot)
        return std::unexpected(slot.error());

    Status updated = updateFile([&](KeyFileContents& contents) -> Status {
        if (findPassphraseSlot(contents.keySlots, user))
            return alreadyExists();
        contents.keySlots.append(*slot);
        return {};
    });
    if (updated) {
        qCInfo(lcKeys) << "Slot added: passphrase slot" << slot->id << "for" << slot->user << "with role" << slot->role
                       << "to" << m_path;
    }
    return updated;
}

Status KeyFile::removePassphraseSlot(const SecretBytes& storeKey, const QString& user)
{
    if (Status valid = checkStoreKey(storeKey); !valid)
        return valid;

    QUuid removedId;
    Status updated = updateFile([&](KeyFileContents& contents) -> Status {
        const KeySlot* slot = findPassphraseSlot(contents.keySlots, user);
        if (!slot) {
            return makeError(ErrorCode::NotFound,
                QCoreApplication::translate("earlyhelp::Keys", "%1 has no passphrase in the key file %2, so there is "
                                                               "nothing to remove. Check the user name.")
                    .arg(user.trimmed(), nativePath(m_path)));
        }
        const auto passphraseSlots = std::count_if(contents.keySlots.cbegin(), contents.keySlots.cend(),
            [](const KeySlot& each) { return each.type == SlotType::Passphrase; });
        if (passphraseSlots <= 1) {
            return makeError(ErrorCode::InvalidInput,
                QCoreApplication::translate("earlyhelp::Keys",
                    "The passphrase of %1 is the only one for this store and cannot be removed. Add another user's "
                    "passphrase first.")
                    .arg(slot->user));
        }
        removedId = slot->id;
        contents.keySlots.removeIf([&](const KeySlot& each) { return each.id == removedId; });
        return {};
    });
    if (updated)
        qCInfo(lcKeys) << "Slot removed: passphrase slot" << removedId << "of" << user.trimmed() << "from" << m_path;
    return updated;
}

Status KeyFile::addKeychainSlot(const SecretBytes& storeKey, const QString& user, const QString& role)
{
    if (Status valid = checkStoreKey(storeKey); !valid)
        return valid;
    if (Status valid = validateUserAndRole(user, role); !valid)
        return valid;
    const KeySlot* owner = findPassphraseSlot(m_contents.keySlots, user);
    if (!owner) {
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("earlyhelp::Keys",
                "%1 has no passphrase in the key file %2, so the OS keychain cannot be set up to unlock as them. "
                "Check the user name.")
                .arg(user.trimmed(), nativePath(m_path)));
    }
    if (owner->role != role.trimmed()) {
        return makeError(ErrorCode::InvalidInput,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 gives %2 the role \"%3\", not \"%4\", so the OS keychain was not set up. Lock "
                "the store, unlock it with your passphrase and try again.")
                .arg(nativePath(m_path), owner->user, owner->role, role.trimmed()));
    }

    const QString entryKey = keychainKeyForStore(m_contents.storeId);
    const SecretBytes wrappingKey = SecretBytes::random(storeKeyBytes);
    if (Status written = keychain().writeSecret(entryKey, wrappingKey); !written) {
        if (written.error().code == ErrorCode::KeychainUnavailable)
            qCWarning(lcKeys) << "Keychain unavailable: could not write" << entryKey << "for" << m_path;
        else
            qCWarning(lcKeys) << "Could not write OS keychain entry" << entryKey << "for" << m_path;
        return written;
    }

    Result<SecretBytes> readBack = keychain().readSecret(entryKey);
    if (!readBack || !readBack->equals(wrappingKey)) {
        qCWarning(lcKeys) << "Keychain unavailable: reading back" << entryKey << "did not return what was written";
        (void)keychain().deleteSecret(entryKey);
        return makeError(ErrorCode::KeychainUnavailable,
            QCoreApplication::translate("earlyhelp::Keys",
                "No OS keychain is available (the entry \"%1\" could not be read back as written). "
                "Use the passphrase to unlock.")
                .arg(entryKey));
    }

    KeySlot slot;
    slot.id = QUuid::createUuid();
    slot.type = SlotType::Keychain;
    slot.user = owner->user;
    slot.role = owner->role;
    slot.created = QDateTime::currentDateTimeUtc();
    const SealedKey sealed =
        sealKey(storeKey, wrappingKey, slotAssociatedData(keyFileFormatVersion, m_contents.storeId, slot));
    slot.nonce = sealed.nonce;
    slot.wrappedKey = sealed.ciphertext;
    slot.checksum = computeSlotChecksum(keyFileFormatVersion, m_contents.storeId, slot);

    Status updated = updateFile([&](KeyFileContents& contents) -> Status {
        contents.keySlots.removeIf([](const KeySlot& each) { return each.type == SlotType::Keychain; });
        contents.keySlots.append(slot);
        return {};
    });
    if (!updated) {
        // The entry would open nothing without the slot.
        (void)keychain().deleteSecret(entryKey);
        return updated;
    }
    qCInfo(lcKeys) << "Slot added: OS keychain slot" << slot.id << "for" << slot.user << "with role" << slot.role
                   << "and entry" << entryKey << "to" << m_path;
    return {};
}

Status KeyFile::removeKeychainSlot(const SecretBytes& storeKey)
{
    if (Status valid = checkStoreKey(storeKey); !valid)
        return valid;

    Status updated = updateFile([&](KeyFileContents& contents) -> Status {
        if (!findKeychainSlot(contents.keySlots)) {
            return makeError(ErrorCode::NotFound,
                QCoreApplication::translate("earlyhelp::Keys",
                    "The key file %1 has no OS keychain slot, so there is nothing to remove.")
                    .arg(nativePath(m_path)));
        }
        contents.keySlots.removeIf([](const KeySlot& each) { return each.type == SlotType::Keychain; });
        return {};
    });
    if (!updated)
        return updated;
    qCInfo(lcKeys) << "Slot removed: OS keychain slot from" << m_path;

    const QString entryKey = keychainKeyForStore(m_contents.storeId);
    if (Status deleted = keychain().deleteSecret(entryKey); !deleted) {
        qCWarning(lcKeys) << "Could not delete OS keychain entry" << entryKey << "after removing its slot";
        return makeError(ErrorCode::Keychain,
            QCoreApplication::translate("earlyhelp::Keys",
                "The OS keychain slot was removed from %1, but its keychain entry could not be deleted (%2). "
                "Delete the entry \"%3\" of \"%4\" in your keychain manager.")
                .arg(nativePath(m_path), deleted.error().message, entryKey, OsKeychain::serviceName()));
    }
    return {};
}

Status KeyFile::checkKeychainSlotUser(const KeySlot& slot) const
{
    if (slot.user.isEmpty()) {
        qCWarning(lcKeys) << "Unlock refused:" << m_path << "- the OS keychain slot" << slot.id << "records no user";
        return makeError(ErrorCode::Keychain,
            QCoreApplication::translate("earlyhelp::Keys",
                "The OS keychain slot in %1 was set up by an older version of Early Help Case Manager and does not "
                "record who unlocks with it. Unlock with your passphrase, then set up the keychain again.")
                .arg(nativePath(m_path)));
    }
    const KeySlot* owner = findPassphraseSlot(m_contents.keySlots, slot.user);
    if (!owner || owner->role != slot.role) {
        qCWarning(lcKeys) << "Unlock refused:" << m_path << "- the OS keychain slot" << slot.id << "is for"
                          << slot.user << "with role" << slot.role << ", which the passphrase slots no longer match";
        return makeError(ErrorCode::Keychain,
            QCoreApplication::translate("earlyhelp::Keys",
                "The OS keychain slot in %1 unlocks as %2, whose account has been removed or given another role "
                "since. Unlock with your passphrase, then set up the keychain again.")
                .arg(nativePath(m_path), slot.user));
    }
    return {};
}

void KeyFile::updateFailureKey(const SecretBytes& storeKey)
{
    const QByteArray failureKey = failurePublicKey(storeKey);
    if (failureKey.isEmpty() || failureKey == m_contents.failureKey)
        return;
    Status updated = updateFile([&](KeyFileContents& contents) -> Status {
        contents.failureKey = failureKey;
        return {};
    });
    if (updated)
        qCInfo(lcKeys) << "Failure key written to" << m_path;
    else
        qCWarning(lcKeys) << "Could not write the failure key to" << m_path << ":" << updated.error().message;
}

Status KeyFile::checkStoreKey(const SecretBytes& storeKey) const
{
    if (storeKey.size() != storeKeyBytes
        || !digestsEqual(computeKeyCheck(storeKey, m_contents.storeId), m_contents.keyCheck)) {
        return makeError(ErrorCode::WrongKey,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key given is not the key of the store %1, so its key slots cannot be changed. "
                "Unlock the store again and retry.")
                .arg(m_contents.storeId.toString(QUuid::WithoutBraces)));
    }
    return {};
}

Status KeyFile::updateFile(const std::function<Status(KeyFileContents&)>& change)
{
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (Status locked = lockKeyFile(lock, m_path); !locked)
        return locked;

    Result<KeyFileContents> current = readKeyFile(m_path);
    if (!current)
        return std::unexpected(current.error());
    if (current->storeId != m_contents.storeId || !digestsEqual(current->keyCheck, m_contents.keyCheck)) {
        return makeError(ErrorCode::StoreDamaged,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 was replaced by the key file of another store while it was open. "
                "Close the store, check which key file belongs to it, and open it again.")
                .arg(nativePath(m_path)));
    }

    if (Status changed = change(*current); !changed)
        return changed;
    if (Status written = writeKeyFile(m_path, *current); !written)
        return written;
    m_contents = std::move(*current);
    return {};
}

Result<KeySlot> KeyFile::makePassphraseSlot(
    const SecretBytes& storeKey, const QString& user, const QString& role, const SecretBytes& passphrase) const
{
    KeySlot slot;
    slot.id = QUuid::createUuid();
    slot.type = SlotType::Passphrase;
    slot.user = user;
    slot.role = role;
    slot.created = QDateTime::currentDateTimeUtc();
    slot.cost = m_options.passphraseCost;
    slot.salt = randomBytes(saltBytes);

    Result<SecretBytes> wrappingKey = deriveWrappingKey(passphrase, slot.salt, slot.cost);
    if (!wrappingKey)
        return std::unexpected(wrappingKey.error());
    const SealedKey sealed =
        sealKey(storeKey, *wrappingKey, slotAssociatedData(keyFileFormatVersion, m_contents.storeId, slot));
    slot.nonce = sealed.nonce;
    slot.wrappedKey = sealed.ciphertext;
    slot.checksum = computeSlotChecksum(keyFileFormatVersion, m_contents.storeId, slot);
    return slot;
}

Status KeyFile::verifySlot(const KeySlot& slot) const
{
    if (digestsEqual(computeSlotChecksum(keyFileFormatVersion, m_contents.storeId, slot), slot.checksum))
        return {};

    qCWarning(lcKeys) << "Slot" << slot.id << "in" << m_path << "failed its checksum";
    if (slot.type == SlotType::Keychain) {
        return makeError(ErrorCode::StoreDamaged,
            QCoreApplication::translate("earlyhelp::Keys",
                "The OS keychain slot in the key file %1 is damaged, was changed, or was copied from another key "
                "file. Use the passphrase to unlock, then set up the keychain again.")
                .arg(nativePath(m_path)));
    }
    return makeError(ErrorCode::StoreDamaged,
        QCoreApplication::translate("earlyhelp::Keys",
            "The key slot of %1 in the key file %2 is damaged, was changed, or was copied from another key file. "
            "Unlock with another user's passphrase, or restore the key file from a backup.")
            .arg(slot.user, nativePath(m_path)));
}

Result<SecretBytes> KeyFile::acceptKey(SecretBytes key, const KeySlot& slot) const
{
    if (key.size() == storeKeyBytes && digestsEqual(computeKeyCheck(key, m_contents.storeId), m_contents.keyCheck))
        return key;

    qCWarning(lcKeys) << "Slot" << slot.id << "in" << m_path << "opened but holds a key that fails the key check";
    key.clear();
    return makeError(ErrorCode::StoreDamaged,
        QCoreApplication::translate("earlyhelp::Keys",
            "A key slot in the key file %1 opened, but the key in it does not belong to this store: the key file was "
            "changed. Restore the key file from a backup.")
            .arg(nativePath(m_path)));
}

Keychain& KeyFile::keychain()
{
    if (!m_options.keychain)
        m_options.keychain = std::make_shared<OsKeychain>();
    return *m_options.keychain;
}

std::chrono::milliseconds KeyFile::remainingUnlockDelay() const
{
    return throttle().remainingDelay(m_path);
}

UnlockThrottle& KeyFile::throttle() const
{
    return m_options.throttle ? *m_options.throttle : UnlockThrottle::processWide();
}

} // namespace earlyhelp::keys
