#include "logging.h"

namespace earlyhelp::server {

Q_LOGGING_CATEGORY(lcServer, "earlyhelp.server", QtInfoMsg)

} // namespace earlyhelp::server
