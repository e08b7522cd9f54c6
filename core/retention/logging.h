#pragma once

#include <QLoggingCategory>

namespace earlyhelp::retention {

// Diagnostics of core/retention, "earlyhelp.core.retention", info and above
// by default. Messages name record ids and counts, never case data.
Q_DECLARE_LOGGING_CATEGORY(lcRetention)

} // namespace earlyhelp::retention
