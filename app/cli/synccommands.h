#pragma once

#include "cases/casestore.h"
#include "common/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace earlyhelp::cli {

// The options of enrol and sync-status besides their arguments.
struct SyncOptions {
    QString storePath;
    // enrol: the device name sent to the server; empty for this computer's host name.
    QString deviceName;
    // A PEM file of CA certificates to trust besides the system's, or empty.
    // enrol records it in the store; sync-status and sync use it instead of the recorded one.
    QString caCertificatePath;
    // conflicts: write JSON instead of text.
    bool json = false;
    // conflicts resolve: "server" or "other", the value to keep.
    QString keep;
    // Unlocks the case store, asking for the passphrase as the other store
    // commands do.
    std::function<Result<UnlockedStore>()> unlockStore;
};

// Runs "earlyhelp-cli enrol URL CODE" with the words after "enrol" and
// returns the exit status (see cli.h).
[[nodiscard]] int runEnrol(const QStringList& arguments, const SyncOptions& options);

// Runs "earlyhelp-cli sync-status" and returns the exit status.
[[nodiscard]] int runSyncStatus(const QStringList& arguments, const SyncOptions& options);

// Runs "earlyhelp-cli sync": one sync now. Exit status 0 only when the sync
// exchanged everything.
[[nodiscard]] int runSync(const QStringList& arguments, const SyncOptions& options);

// Checks the store's audit trail against the anchors that the sync server
// recorded from the store's pushes, for "earlyhelp-cli verify", and prints
// one line with the outcome. caCertificatePath, when not empty, names CA
// certificates to trust instead of those recorded at enrolment. Returns
// Failure when an anchor does not match or the store cannot be read. A store
// that is not enrolled, or anchors that cannot be fetched, give a line
// saying that the check did not run, and Success.
[[nodiscard]] int checkAuditAnchors(Store& store, const QString& storePath, const QString& caCertificatePath);

// Runs "earlyhelp-cli conflicts" (list the open conflicts) and
// "earlyhelp-cli conflicts resolve ID --keep server|other".
[[nodiscard]] int runConflicts(const QStringList& arguments, const SyncOptions& options);

} // namespace earlyhelp::cli
