#pragma once

namespace earlyhelp::app {

// Sets the default logging rules (info and above for every category, debug
// off) and installs the message handler. QT_LOGGING_RULES still overrides the
// rules, e.g. QT_LOGGING_RULES="earlyhelp.*.debug=true".
void setUpLogging();

} // namespace earlyhelp::app
