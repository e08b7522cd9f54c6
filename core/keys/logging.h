#pragma once

#include <QLoggingCategory>

namespace earlyhelp::keys {

// Diagnostics of core/keys, "earlyhelp.core.keys", info and above by default.
// Messages name key files, slot ids and user names, never a key, a
// passphrase or wrapped key bytes.
Q_DECLARE_LOGGING_CATEGORY(lcKeys)

} // namespace earlyhelp::keys
