#include "policy/logging.h"

namespace earlyhelp::policy {

Q_LOGGING_CATEGORY(lcPolicy, "earlyhelp.core.policy", QtInfoMsg)

} // namespace earlyhelp::policy
