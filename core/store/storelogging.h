#pragma once

#include <QLoggingCategory>

namespace earlyhelp {

// Diagnostics of core/store: opens, closes, migrations and every SQLite error
// the store reports. Never a key, a statement's bound values or case data.
Q_DECLARE_LOGGING_CATEGORY(lcStore)

} // namespace earlyhelp
