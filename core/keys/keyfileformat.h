#pragma once

#include "common/result.h"
#include "keys/keyslot.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUuid>

namespace earlyhelp::keys {

// The key file format, version 1. Internal to core/keys. A key file is a
// UTF-8 JSON object:
//
//   {
//     "format": "earlyhelp.keyfile",
//     "version": 1,
//     "storeId": "<UUID without braces>",
//     "keyCheck": "<Base64 of computeKeyCheck(store key, store id)>",
//     "failureKey": "<Base64, 32 bytes>",
//     "slots": [
//       { "id": "<UUID>", "type": "passphrase", "user": "…", "role": "…",
//         "created": "<ISO 8601, UTC>",
//         "kdf": { "algorithm": "argon2id13", "opsLimit": 3,
//                  "memLimit": 268435456, "salt": "<Base64, 16 bytes>" },
//         "cipher": { "algorithm": "xchacha20poly1305-ietf",
//                     "nonce": "<Base64, 24 bytes>",
//                     "wrappedKey": "<Base64, 48 bytes>" },
//         "checksum": "<Base64, 32 bytes>" },
//       { "id": "<UUID>", "type": "keychain", "user": "…", "role": "…",
//         "created": "…", "cipher": { … }, "checksum": "…" }
//     ]
//   }
//
// No field contains a key in the clear: each slot contains the store key sealed
// with a wrapping key that lives elsewhere (derived from a passphrase, or in
// the OS keychain). KeySlot describes the associated data and checksum. A
// keychain slot's "user" and "role" name the user it unlocks as; keychain
// slots written before they were recorded have neither.

inline constexpr int keyFileFormatVersion = 1;

// Largest key file accepted, in bytes. A file with a few hundred slots stays
// far below it; anything larger is not a key file written by this code.
inline constexpr qint64 maximumKeyFileSize = 1024 * 1024;

struct KeyFileContents {
    QUuid storeId;
    QByteArray keyCheck;
    // Empty when the key file has no "failureKey" yet.
    QByteArray failureKey;
    QList<KeySlot> keySlots;
};

// Parses a key file's bytes. StoreDamaged when they are not a well-formed
// key file (the message names path and the first fault), SchemaTooNew when a
// newer format version wrote them. Slot checksums are not verified here, so
// that one damaged slot leaves the others usable.
[[nodiscard]] Result<KeyFileContents> parseKeyFile(const QByteArray& json, const QString& path);

[[nodiscard]] QByteArray serializeKeyFile(const KeyFileContents& contents);

// Reads and parses the key file at path. NotFound names the path when no
// file is there; PermissionDenied and Io when it cannot be read.
[[nodiscard]] Result<KeyFileContents> readKeyFile(const QString& path);

// Writes the key file atomically: a QSaveFile in the same folder, set to
// owner read and write only (0600) before any byte is written, then renamed
// over path. On failure the previous file at path is left as it was.
[[nodiscard]] Status writeKeyFile(const QString& path, const KeyFileContents& contents);

} // namespace earlyhelp::keys
