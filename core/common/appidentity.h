#pragma once

namespace earlyhelp {

// Sets the organisation and application names that QSettings and
// QStandardPaths derive their locations from. The desktop app and
// earlyhelp-cli both call it first, so they find the same store and settings.
void setApplicationIdentity();

} // namespace earlyhelp
