#pragma once

#include <QLoggingCategory>

namespace earlyhelp::access {

// Diagnostics of core/access, "earlyhelp.core.access", info and above by
// default. Messages name users, roles and actions, never a key or passphrase.
Q_DECLARE_LOGGING_CATEGORY(lcAccess)

} // namespace earlyhelp::access
