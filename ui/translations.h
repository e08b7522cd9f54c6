#pragma once

class QCoreApplication;

namespace earlyhelp::ui {

// Installs the app's translations on the application: the British English
// plural forms, then the user's locale where a translation exists, and Qt's
// own strings for that locale. Call once, after the application object exists.
void installTranslations(QCoreApplication& application);

} // namespace earlyhelp::ui
