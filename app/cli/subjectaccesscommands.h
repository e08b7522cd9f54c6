#pragma once

#include "cases/casestore.h"
#include "common/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace earlyhelp::cli {

// The options of "earlyhelp-cli subject-access" besides its argument.
struct SubjectAccessOptions {
    QString jsonPath; // where to write the JSON export, or empty
    QString pdfPath;  // where to write the PDF export, or empty
    // ITEM_ID=REASON, or ITEM_ID=other:EXPLANATION, one per withheld item.
    QStringList withhold;
    // Unlocks the case store, asking for the passphrase as the other store
    // commands do.
    std::function<Result<UnlockedStore>()> unlockStore;
};

// Runs "earlyhelp-cli subject-access PERSON_ID". Without --json-file or
// --pdf it lists the items with their ids, so that --withhold can name
// them; otherwise it writes each export named, one audit event each. The
// PDF needs a QGuiApplication, which main() creates when --pdf is given.
[[nodiscard]] int runSubjectAccess(const QStringList& arguments, const SubjectAccessOptions& options);

} // namespace earlyhelp::cli
