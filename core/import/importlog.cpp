#include "importlog.h"

namespace earlyhelp {

Q_LOGGING_CATEGORY(lcImport, "earlyhelp.core.import", QtInfoMsg)

} // namespace earlyhelp
