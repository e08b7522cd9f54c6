#include "keys/logging.h"

namespace earlyhelp::keys {

Q_LOGGING_CATEGORY(lcKeys, "earlyhelp.core.keys", QtInfoMsg)

} // namespace earlyhelp::keys
