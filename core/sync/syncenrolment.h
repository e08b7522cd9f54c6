#pragma once

#include "access/access.h"
#include "common/result.h"
#include "keys/oskeychain.h"
#include "store/store.h"
#include "sync/syncconnection.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <memory>
#include <optional>

namespace earlyhelp::sync {

// The store's enrolment with a sync server, as the store's sync_enrolment
// table records it. The device credential is kept in the OS keychain.
struct SyncEnrolment {
    QUrl serverUrl;
    QString deviceId;
    QString deviceName;
    ServerOrganisation organisation;
    // PEM CA certificates an administrator added to trust the server, or empty.
    QByteArray extraCaCertificates;
    QDateTime enrolledAt; // UTC
};

struct EnrolmentRequest {
    QString serverUrl;
    QString code;
    QString deviceName;
    // A PEM file of CA certificates to trust besides the system's, or empty.
    QString caCertificatePath;
    std::chrono::milliseconds timeout = SyncConnection::defaultTimeout;
};

// Returns the id of the store at storePath from its key file.
[[nodiscard]] Result<QUuid> storeIdFor(const QString& storePath);

// The keychain entry key of a store's device credential for a server:
// "sync-<store id without braces>-<host>:<port>", the port 443 when the URL
// names none.
[[nodiscard]] QString credentialKeychainKey(const QUuid& storeId, const QUrl& serverUrl);

// Returns the store's enrolment, or std::nullopt when it is not enrolled.
[[nodiscard]] Result<std::optional<SyncEnrolment>> readEnrolment(const Store& store);

// Enrols the store with the server named in request and returns the
// enrolment recorded. Any earlier enrolment of the store is replaced, and
// its keychain entry removed when the server differs.
//
// The keychain is checked before the code is sent: a random value is
// written to the entry "<credential key>-check", read back, compared and
// removed. When that fails the error is KeychainUnavailable or Keychain,
// nothing is stored, and the code stays unused. The credential itself is
// then written, read back and compared in the same way, and only then is
// the enrolment row written. When that second check fails the code is used
// up, and an earlier enrolment with the same server is removed too, because
// its credential was overwritten.
// InvalidInput for an http or invalid server URL, an empty code or device
// name, or a CA file without certificates. The errors of SyncConnection
// for the server's response.
// PermissionDenied, before anything else, when actor may not change settings.
// Contract: call from the thread of QCoreApplication, as OsKeychain needs.
[[nodiscard]] Result<SyncEnrolment> enrolStore(Store& store, const QUuid& storeId, const access::Actor& actor,
                                               keys::Keychain& keychain, const EnrolmentRequest& request);

// Returns a connection to the server the store is enrolled with, with the
// device credential from the keychain. caCertificatePath, when not empty,
// names CA certificates to trust instead of those recorded at enrolment.
// NotFound when the store is not enrolled; the keychain's errors when the
// credential cannot be read.
[[nodiscard]] Result<std::unique_ptr<SyncConnection>>
connectEnrolledStore(const Store& store, const QUuid& storeId, keys::Keychain& keychain,
                     const QString& caCertificatePath = {},
                     std::chrono::milliseconds timeout = SyncConnection::defaultTimeout);

} // namespace earlyhelp::sync
