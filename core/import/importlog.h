#pragma once

#include <QLoggingCategory>

namespace earlyhelp {

// Diagnostics of CTF reading and import: file names and counts only, never a
// pupil's or contact's name, date of birth or UPN.
Q_DECLARE_LOGGING_CATEGORY(lcImport)

} // namespace earlyhelp
