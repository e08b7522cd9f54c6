#pragma once

#include "cases/casestore.h"
#include "common/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace earlyhelp::cli {

// The options of the transfer commands besides their arguments.
struct TransferCommandOptions {
    QString toUrn;       // export: the receiving school's DfE URN
    QString outPath;     // export: the package file; receipt: the receipt file
    QString code;        // import: the one-time code
    QString receiptPath; // import: where to write the receipt, or empty
    bool json = false;   // list: write JSON instead of text
    // Unlocks the case store, asking for the passphrase as the other store
    // commands do.
    std::function<Result<UnlockedStore>()> unlockStore;
};

// Runs "earlyhelp-cli transfer export|import|receipt|confirm|list" with the
// words after "transfer" and returns the exit status (see cli.h).
[[nodiscard]] int runTransfer(const QStringList& arguments, const TransferCommandOptions& options);

} // namespace earlyhelp::cli
