#pragma once

#include <QString>

class QDateEdit;
class QWidget;

namespace earlyhelp::ui {

// Returns a date field for a case record: dd/MM/yyyy with a calendar
// popup, typed with or without the slashes, and no minimum or maximum.
// QDateEdit rejects a typed digit that would take the date past a limit
// even for a moment, so "28/11" typed over a December date would stop at
// the "8". Core checks the date on save and names what is wrong with it.
[[nodiscard]] QDateEdit* makeDateEdit(QWidget* parent, const QString& objectName,
                                      const QString& accessibleName);

// Returns the style sheet for a label that carries an inline error, such as
// core's refusal of a save.
[[nodiscard]] QString inlineErrorStyleSheet();

} // namespace earlyhelp::ui
