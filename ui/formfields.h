#pragma once

#include <QString>

class QDateEdit;
class QWidget;

namespace earlyhelp::ui {

// Returns a date field for a case record: dd/MM/yyyy with a calendar
// popup, and no minimum or maximum. QDateEdit refuses a typed digit that
// would take the date past a limit even for a moment, so "28/11" typed
// over a December date would stop at the "8"; core checks the date on save
// instead and names what is wrong with it.
[[nodiscard]] QDateEdit* makeDateEdit(QWidget* parent, const QString& objectName,
                                      const QString& accessibleName);

} // namespace earlyhelp::ui
