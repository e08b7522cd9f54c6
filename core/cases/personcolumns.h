#pragma once

#include "cases/casedirectory.h"

#include <QString>

class QSqlQuery;

namespace earlyhelp {

// The select list of a PersonSummary, over the person table aliased p: the
// person's names, date of birth, sex, pupil and looked-after flags, and the
// first family that includes them. Fourteen columns.
[[nodiscard]] const QString& personSummaryColumns();

// Reads the columns of personSummaryColumns() starting at column first.
[[nodiscard]] PersonSummary readPersonSummary(const QSqlQuery& query, int first = 0);

} // namespace earlyhelp
