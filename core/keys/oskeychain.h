#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QString>
#include <QUuid>

#include <chrono>

namespace earlyhelp::keys {

// Storage for the secret of a store's keychain slot. KeyFile reaches the OS
// keychain through this interface so that tests can substitute it.
//
// Errors: KeychainUnavailable when there is no keychain service, it is
// locked, access was refused or it did not respond in time; NotFound when
// readSecret() finds no entry under key; Keychain for any other fault.
class Keychain {
public:
    virtual ~Keychain() = default;

    [[nodiscard]] virtual Status writeSecret(const QString& key, const SecretBytes& secret) = 0;
    [[nodiscard]] virtual Result<SecretBytes> readSecret(const QString& key) = 0;
    // Succeeds when no entry exists under key.
    [[nodiscard]] virtual Status deleteSecret(const QString& key) = 0;
};

// The OS keychain through QtKeychain (on Linux the Secret Service over
// D-Bus, on Windows the Credential Manager, on macOS the Keychain), under
// the service name "Early Help Case Manager", with binary entries. Jobs never
// use QtKeychain's plaintext fallback (setInsecureFallback(false)).
//
// QtKeychain is asynchronous, so each call here starts a job and runs a
// nested QEventLoop until the job finishes or the timeout passes. The loop
// excludes user input events but delivers the thread's other events.
// Contract: call only from the thread of QCoreApplication (the GUI thread or
// a CLI's main thread) while a QCoreApplication exists. Any other call
// fails with Keychain and starts nothing.
//
// NOTE: on Linux QtKeychain talks to the Secret Service through libsecret,
// whose replies arrive through the GLib main loop. Qt's event loop runs it
// only with the GLib event dispatcher, Qt's default on Linux; with
// QT_NO_GLIB=1 set every call times out.
class OsKeychain final : public Keychain {
public:
    // Long enough for the user to answer an OS prompt to unlock the keyring;
    // a missing D-Bus session or keyring daemon fails at once.
    static constexpr std::chrono::milliseconds defaultTimeout = std::chrono::seconds(30);

    explicit OsKeychain(std::chrono::milliseconds timeout = defaultTimeout);

    [[nodiscard]] static QString serviceName();

    [[nodiscard]] Status writeSecret(const QString& key, const SecretBytes& secret) override;
    // Copies the entry into SecretBytes and overwrites the QByteArray that
    // QtKeychain returned with zeros.
    [[nodiscard]] Result<SecretBytes> readSecret(const QString& key) override;
    [[nodiscard]] Status deleteSecret(const QString& key) override;

private:
    std::chrono::milliseconds m_timeout;
};

// The keychain entry key of a store: "store-<store id without braces>".
[[nodiscard]] QString keychainKeyForStore(const QUuid& storeId);

} // namespace earlyhelp::keys
