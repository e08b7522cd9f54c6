#pragma once

#include <QLoggingCategory>

namespace earlyhelp::transfer {

// Diagnostics of core/transfer, "earlyhelp.core.transfer", info and above by
// default. Messages name package ids and record counts, never case data or
// a package's code.
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

} // namespace earlyhelp::transfer
