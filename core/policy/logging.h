#pragma once

#include <QLoggingCategory>

namespace earlyhelp::policy {

// Diagnostics of core/policy, "earlyhelp.core.policy", info and above by
// default. Messages name agreement versions and clause ids, never case data.
Q_DECLARE_LOGGING_CATEGORY(lcPolicy)

} // namespace earlyhelp::policy
