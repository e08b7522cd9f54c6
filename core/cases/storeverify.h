#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace earlyhelp {

class Store;

struct VerifyReport {
    QString summary; // one line for the user
};

// Checks an unlocked store: every page's SQLCipher authentication code, the
// SQLite structure, foreign keys, and that the search index agrees with the
// names it indexes. Changes no data. Returns Database when a check could not
// run, and StoreDamaged listing every problem found when there are any.
[[nodiscard]] Result<VerifyReport> verifyStore(Store& store);

} // namespace earlyhelp
