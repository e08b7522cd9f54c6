#include "retention/logging.h"

namespace earlyhelp::retention {

Q_LOGGING_CATEGORY(lcRetention, "earlyhelp.core.retention", QtInfoMsg)

} // namespace earlyhelp::retention
