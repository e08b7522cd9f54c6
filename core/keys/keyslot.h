#pragma once

#include "keys/passphrase.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <expected>

namespace earlyhelp::keys {

enum class SlotType {
    // The wrapping key is derived from a user's passphrase with Argon2id.
    Passphrase,
    // The wrapping key is a random secret kept in the OS keychain.
    Keychain,
};

// One key slot of a key file: the store key sealed with a wrapping key, and
// what is needed to obtain that wrapping key again. Internal to core/keys.
//
// The associated data of the seal binds the format version, slot type, store
// id, slot id, user and role, so a slot copied into another key file, or
// given another user or role, no longer opens. The checksum is an unkeyed
// BLAKE2b-256 over the same fields plus the cost, salt, nonce and sealed key.
// It distinguishes a damaged slot from a wrong passphrase. It does not stop someone
// who edits a slot and recomputes it, but the seal then fails to open, so no
// wrong key is ever returned.
struct KeySlot {
    QUuid id;
    SlotType type = SlotType::Passphrase;
    // The user and role code that the slot unlocks as. Empty in a keychain
    // slot written before keychain slots recorded them.
    QString user;
    QString role;
    QDateTime created;
    PassphraseCost cost; // passphrase slots only
    QByteArray salt; // passphrase slots only
    QByteArray nonce;
    QByteArray wrappedKey;
    QByteArray checksum;
};

// "passphrase" or "keychain", as written in the key file.
[[nodiscard]] QString slotTypeName(SlotType type);

// Length-prefixed fields: "earlyhelp.keyslot", the format version in
// decimal, the slot type name, the store id and slot id (UUIDs without
// braces) and the UTF-8 user and role (empty in an older keychain slot).
[[nodiscard]] QByteArray slotAssociatedData(int formatVersion, const QUuid& storeId, const KeySlot& slot);

// BLAKE2b-256 of the length-prefixed fields "earlyhelp.keyslot.checksum",
// the associated data, opsLimit and memLimit in decimal, salt, nonce and
// sealed key.
[[nodiscard]] QByteArray computeSlotChecksum(int formatVersion, const QUuid& storeId, const KeySlot& slot);

[[nodiscard]] QJsonObject slotToJson(const KeySlot& slot);

// Reads a slot and checks each field's presence, type and size. The error
// is a short description of the first fault, for a message to the user.
// Does not verify the checksum.
[[nodiscard]] std::expected<KeySlot, QString> slotFromJson(const QJsonObject& object);

} // namespace earlyhelp::keys
