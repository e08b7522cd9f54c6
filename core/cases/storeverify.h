#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace earlyhelp {

class Store;

struct VerifyReport {
    QStringList problems; // one line a problem; empty when the store is sound
    QString summary;      // one line for the user
};

// Checks an unlocked store: every page's SQLCipher authentication code, the
// SQLite structure, foreign keys, and that the search index agrees with the
// names it indexes. Reads only. Returns an error when a check could not run;
// problems it finds are in the report, and StoreDamaged is returned with them
// listed when there are any.
[[nodiscard]] Result<VerifyReport> verifyStore(Store& store);

} // namespace earlyhelp
