#pragma once

#include <QLoggingCategory>

namespace earlyhelp::sync {

// Diagnostics of core/sync, "earlyhelp.core.sync", info and above by default.
// Messages name servers, device ids and keychain entries, never a credential
// or an enrolment code.
Q_DECLARE_LOGGING_CATEGORY(lcSync)

} // namespace earlyhelp::sync
