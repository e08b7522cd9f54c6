#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace earlyhelp::keys {

// Argon2id cost of deriving a wrapping key from a passphrase with libsodium's
// crypto_pwhash (crypto_pwhash_ALG_ARGON2ID13). A passphrase slot records the
// cost it was made with, and unlocking uses the recorded cost.
struct PassphraseCost {
    quint64 opsLimit = 0; // passes over the memory
    quint64 memLimit = 0; // bytes

    // OPSLIMIT_MODERATE (3 passes) and MEMLIMIT_MODERATE (256 MiB): the
    // default for new slots. One derivation took 0.7-0.8 s on one core of the
    // AMD EPYC build VM; a store is unlocked about once per session, so that
    // is affordable. INTERACTIVE (64 MiB) makes guessing four times cheaper,
    // and SENSITIVE (1 GiB) may not fit beside other programs on a laptop
    // with 4 GiB of memory.
    [[nodiscard]] static PassphraseCost moderate();
    // OPSLIMIT_MIN (1 pass) and MEMLIMIT_MIN (8 KiB). For tests only: it
    // offers almost no protection against guessing.
    [[nodiscard]] static PassphraseCost minimum();
    // The largest cost a key file may record: 8 passes over 1 GiB. The cost
    // is read before any check that needs the passphrase, so this bounds the
    // time and memory that an edited key file can make an unlock spend.
    [[nodiscard]] static PassphraseCost maximumAccepted();

    // Whether both limits lie between minimum() and maximumAccepted().
    [[nodiscard]] bool isAccepted() const;

    friend bool operator==(const PassphraseCost&, const PassphraseCost&) = default;
};

// Minimum length of a new passphrase, in Unicode code points.
inline constexpr qsizetype minimumPassphraseLength = 10;

// Counts the Unicode code points of UTF-8 bytes: every byte that is not a
// continuation byte (10xxxxxx) starts one.
[[nodiscard]] qsizetype passphraseLength(const SecretBytes& utf8);

// Rejects a new passphrase for user that is shorter than
// minimumPassphraseLength, with InvalidInput and a message for the user.
[[nodiscard]] Status validateNewPassphrase(const QString& user, const SecretBytes& utf8);

// Copies bytes into a SecretBytes and overwrites bytes with zeros; its size
// stays. When bytes shares its buffer with another QByteArray, only this
// copy is overwritten, because writing to a shared QByteArray detaches it
// first.
[[nodiscard]] SecretBytes takeBytes(QByteArray& bytes);

// Converts a passphrase typed into the UI to UTF-8 SecretBytes, overwrites
// the UTF-8 intermediate and text's characters with zeros, and leaves text
// empty. The same sharing caveat as takeBytes() applies to text.
[[nodiscard]] SecretBytes takePassphrase(QString& text);

} // namespace earlyhelp::keys
