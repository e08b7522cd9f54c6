#include "transfer/logging.h"

namespace earlyhelp::transfer {

Q_LOGGING_CATEGORY(lcTransfer, "earlyhelp.core.transfer", QtInfoMsg)

} // namespace earlyhelp::transfer
