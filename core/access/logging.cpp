#include "access/logging.h"

namespace earlyhelp::access {

Q_LOGGING_CATEGORY(lcAccess, "earlyhelp.core.access", QtInfoMsg)

} // namespace earlyhelp::access
