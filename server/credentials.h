#pragma once

// One-time enrolment codes and device credentials. Only their hashes are
// stored, as unsalted BLAKE2b (libsodium crypto_generichash). Both are
// random values (about 99 bits for a code, 256 for a credential), so a fast
// hash is enough. A slow password hash such as Argon2 only helps against
// guessable secrets, and it would cost its full time on every request.

#include <QByteArray>
#include <QString>

namespace earlyhelp::server {

// The characters of an enrolment code: capital letters and digits without
// 0, 1, I, L and O, which are easy to confuse when read aloud or copied.
inline constexpr char enrolmentCodeAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
inline constexpr int enrolmentCodeLength = 20;

// Returns a new code of 20 random characters, grouped for reading as
// "ABCDE-FGHJK-MNPQR-STUVW".
[[nodiscard]] QString generateEnrolmentCode();

// Returns the code without spaces and hyphens, in capitals, or an empty
// string when it is not 20 characters of the alphabet.
[[nodiscard]] QString normaliseEnrolmentCode(const QString& code);

// Returns the 32 random bytes of a new device credential, Base64 encoded.
[[nodiscard]] QByteArray generateDeviceCredential();

// Returns the hex BLAKE2b-256 hash of a secret, as stored.
[[nodiscard]] QString hashSecret(const QByteArray& secret);

// Compares two stored hashes in constant time.
[[nodiscard]] bool hashesEqual(const QString& left, const QString& right);

} // namespace earlyhelp::server
