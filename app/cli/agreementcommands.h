#pragma once

#include "cases/casestore.h"
#include "common/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace earlyhelp::cli {

// The options of the agreement commands besides their arguments.
struct AgreementOptions {
    QString publicKeyPath; // empty: the Trust public key built into the app
    QString secretKeyPath; // sign only
    bool json = false;     // diff and status: write JSON
    // accept only, as typed: the version, the signatory's name and role, and
    // the date signed (YYYY-MM-DD, empty for today).
    QString version;
    QString signatoryName;
    QString signatoryRole;
    QString signedDate;
    // Unlocks the case store (install, status and accept), asking for the
    // passphrase as the other store commands do.
    std::function<Result<UnlockedStore>()> unlockStore;
};

// Runs "earlyhelp-cli agreement keygen|sign|verify|show|diff|install|status|
// accept …" with the words after "agreement" and returns the exit status
// (see cli.h).
[[nodiscard]] int runAgreement(const QStringList& arguments, const AgreementOptions& options);

} // namespace earlyhelp::cli
