#pragma once

#include "common/result.h"

#include <QString>

namespace earlyhelp::transfer {

// The one-time code that opens one safeguarding file package: 100 random
// bits written as 20 characters of Crockford's base32 alphabet
// (0-9 and A-Z without I, L, O and U), shown in groups of four, for
// example "7KQ2-MX9D-4TPV-0H3C-W8RB".
inline constexpr int transferCodeLength = 20;

// Returns a new code in display form, from libsodium's randombytes_buf().
[[nodiscard]] QString generateTransferCode();

// Returns the code as typed in canonical form: 20 upper-case characters
// without separators. Case, hyphens and spaces do not matter, and I and L
// read as 1 and O as 0, as Crockford's base32 defines. InvalidInput names
// the first character that is not in the alphabet or states how many
// characters are missing or extra.
[[nodiscard]] Result<QString> canonicalTransferCode(const QString& typed);

// Returns a canonical code in groups of four joined by hyphens.
[[nodiscard]] QString displayTransferCode(const QString& canonical);

} // namespace earlyhelp::transfer
