#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "keys/passphrase.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

#include <cstddef>
#include <optional>

namespace earlyhelp::keys {

// The libsodium primitives behind a key slot. Internal to core/keys; the
// tests use them to check the key file format from outside.

// Size of the store key and of every wrapping key, in bytes.
inline constexpr std::size_t storeKeyBytes = 32;
// Sizes of a slot's salt (crypto_pwhash_SALTBYTES), nonce
// (crypto_aead_xchacha20poly1305_ietf_NPUBBYTES), sealed key (key plus the
// 16-byte Poly1305 tag) and of a BLAKE2b digest, in bytes.
inline constexpr std::size_t saltBytes = 16;
inline constexpr std::size_t nonceBytes = 24;
inline constexpr std::size_t wrappedKeyBytes = storeKeyBytes + 16;
inline constexpr std::size_t digestBytes = 32;

// A store key sealed with XChaCha20-Poly1305 (IETF).
struct SealedKey {
    QByteArray nonce;
    QByteArray ciphertext;
};

// Returns size bytes from the operating system's CSPRNG, for salts and nonces.
[[nodiscard]] QByteArray randomBytes(std::size_t size);

// Derives a 32-byte wrapping key from a passphrase with Argon2id at the given
// cost. Fails with Crypto when Argon2 cannot allocate memLimit bytes.
[[nodiscard]] Result<SecretBytes> deriveWrappingKey(
    const SecretBytes& passphrase, QByteArrayView salt, const PassphraseCost& cost);

// Seals key with wrappingKey under a fresh random nonce, binding
// associatedData, which is authenticated but not encrypted.
[[nodiscard]] SealedKey sealKey(const SecretBytes& key, const SecretBytes& wrappingKey, QByteArrayView associatedData);

// Opens a sealed key. Returns nothing when the tag does not verify: the
// wrapping key, the nonce, the ciphertext or the associated data differs
// from what was sealed, and those cases cannot be distinguished.
[[nodiscard]] std::optional<SecretBytes> openSealedKey(
    const SealedKey& sealed, const SecretBytes& wrappingKey, QByteArrayView associatedData);

// BLAKE2b-256 keyed with the store key over "earlyhelp.keycheck" and the
// store id. The key file records it so that a key can be checked without
// opening the store, and it reveals nothing about the key. Returns an empty
// array when storeKey is not 32 bytes long.
[[nodiscard]] QByteArray computeKeyCheck(const SecretBytes& storeKey, const QUuid& storeId);

// Unkeyed BLAKE2b-256 of data.
[[nodiscard]] QByteArray computeDigest(QByteArrayView data);

// Compares two digests in constant time. Empty digests are never equal.
[[nodiscard]] bool digestsEqual(QByteArrayView first, QByteArrayView second);

// Appends a field to a length-prefixed encoding: the size as four bytes,
// big-endian, then the bytes. Distinct field lists never encode alike.
void appendField(QByteArray& encoding, QByteArrayView field);

} // namespace earlyhelp::keys
