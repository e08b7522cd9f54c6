#include "sync/logging.h"

namespace earlyhelp::sync {

Q_LOGGING_CATEGORY(lcSync, "earlyhelp.core.sync", QtInfoMsg)

} // namespace earlyhelp::sync
