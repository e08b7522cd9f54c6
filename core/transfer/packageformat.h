#pragma once

// The byte format of a safeguarding file package (docs/transfer-package.md
// describes it for other implementations). A package is a 75-byte header in
// the clear followed by the XChaCha20-Poly1305 (IETF) ciphertext of the
// file's JSON, with the whole header as additional data, so a change to any
// byte of the file makes opening fail. The key comes from the one-time code
// through Argon2id (libsodium's crypto_pwhash) with the header's salt and
// limits.

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace earlyhelp::transfer {

inline constexpr int packageHeaderSize = 75;
inline constexpr quint16 packageFormatVersion = 1;

// The clear header. Every field is authenticated, none is secret.
struct PackageHeader {
    quint16 formatVersion = packageFormatVersion;
    QUuid packageId;
    quint32 opsLimit = 0;    // Argon2id passes
    quint32 memLimitKiB = 0; // Argon2id memory, in KiB
    QByteArray salt;         // 16 bytes
    QByteArray nonce;        // 24 bytes

    [[nodiscard]] QByteArray encode() const;
};

// Returns a header for a new package: a new package id, a random salt and
// nonce, and the Argon2id limits libsodium calls "interactive" (2 passes,
// 64 MiB). A 100-bit random code needs no costlier derivation, because an
// attacker cannot search its space whatever the cost per guess.
[[nodiscard]] PackageHeader newPackageHeader();

// Reads the header at the start of a package file. ImportRejected when the
// file is shorter than a header plus an authentication tag, does not start
// with the package magic, or has a format version this build does not read.
// Also ImportRejected for Argon2id limits above 16 passes or 1 GiB, so that a
// crafted file cannot exhaust the importing computer.
[[nodiscard]] Result<PackageHeader> decodePackageHeader(QByteArrayView file);

// The two keys one code gives: packageKey encrypts the package, receiptKey
// authenticates the receiving school's receipt. Neither reveals the other.
struct TransferKeys {
    SecretBytes packageKey;
    SecretBytes receiptKey;
};

// Derives the keys from a code in canonical form. Crypto when libsodium
// fails, for example when the memory for Argon2id cannot be allocated.
[[nodiscard]] Result<TransferKeys> deriveTransferKeys(const QString& canonicalCode, const PackageHeader& header);

// Returns the whole package file: header and ciphertext.
[[nodiscard]] Result<QByteArray> sealPackage(const PackageHeader& header, const SecretBytes& packageKey,
                                             QByteArrayView plaintext);

// Returns the plaintext of a package file whose header is header. WrongKey
// when the key does not open it, which is also what any changed byte of the
// file gives. The caller wipes the plaintext with wipeBytes() when done.
[[nodiscard]] Result<QByteArray> openPackage(QByteArrayView file, const PackageHeader& header,
                                             const SecretBytes& packageKey);

// Returns the HMAC-SHA-512-256 (crypto_auth) of message under receiptKey.
[[nodiscard]] QByteArray receiptMac(const SecretBytes& receiptKey, QByteArrayView message);
// Checks mac against message in constant time.
[[nodiscard]] bool receiptMacMatches(const SecretBytes& receiptKey, QByteArrayView message, QByteArrayView mac);

// Zeroes the bytes of this array and empties it. Copies that share its data
// are detached from it first and keep the bytes, so hold one copy only.
void wipeBytes(QByteArray& bytes);

} // namespace earlyhelp::transfer
