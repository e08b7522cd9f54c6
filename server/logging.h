#pragma once

#include <QLoggingCategory>

namespace earlyhelp::server {

// Diagnostics of earlyhelp-server: starts, stops and caught errors. The one
// JSON line per HTTP request is written by ApiServer, not through this.
Q_DECLARE_LOGGING_CATEGORY(lcServer)

} // namespace earlyhelp::server
