#include "keys/oskeychain.h"

#include "keys/logging.h"
#include "keys/passphrase.h"

#include <sodium.h>

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

namespace earlyhelp::keys {

namespace {

struct JobOutcome {
    bool timedOut = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
};

std::unexpected<Error> unavailable(const QString& detail)
{
    return makeError(ErrorCode::KeychainUnavailable,
        QCoreApplication::translate("earlyhelp::Keys", "No OS keychain is available (%1). Use the passphrase to unlock.")
            .arg(detail));
}

// Checks the threading contract before any job starts.
Status checkCallingThread()
{
    const QCoreApplication* application = QCoreApplication::instance();
    if (!application || QThread::currentThread() != application->thread()) {
        return makeError(ErrorCode::Keychain,
            QCoreApplication::translate("earlyhelp::Keys",
                "The OS keychain can only be used from the application's main thread. Use the passphrase to unlock."));
    }
    return {};
}

void configure(QKeychain::Job& job, const QString& key)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
}

// Runs job to completion or until timeout. The caller deletes a finished
// job. A job that timed out is still pending inside QtKeychain, whose
// libsecret callback keeps a pointer to it, so it is switched to delete
// itself when it finishes instead.
JobOutcome runJob(QKeychain::Job* job, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);

    job->start();
    timer.start(timeout);
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        return {true, QKeychain::OtherError, {}};
    }
    return {false, job->error(), job->errorString()};
}

std::unexpected<Error> timedOut(std::chrono::milliseconds timeout)
{
    return unavailable(QCoreApplication::translate("earlyhelp::Keys", "it did not respond in time, %1 s")
                           .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()));
}

std::unexpected<Error> mapFailure(const JobOutcome& outcome)
{
    switch (outcome.error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailable(outcome.errorString.isEmpty()
                ? QCoreApplication::translate("earlyhelp::Keys", "no keychain service is running")
                : outcome.errorString);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return unavailable(QCoreApplication::translate("earlyhelp::Keys", "the keychain is locked or access was denied: %1")
                               .arg(outcome.errorString));
    case QKeychain::OtherError:
        // libsecret reports a missing D-Bus session or Secret Service this way.
        return unavailable(outcome.errorString);
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoError:
        break;
    }
    return makeError(ErrorCode::Keychain,
        QCoreApplication::translate("earlyhelp::Keys", "The OS keychain reported an error (%1). Use the passphrase to unlock.")
            .arg(outcome.errorString));
}

// Overwrites bytes once no other QByteArray shares its buffer. While a
// timed-out job still keeps a reference, writing would detach and overwrite
// only this copy, and the job's copy is freed without being overwritten.
void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

} // namespace

OsKeychain::OsKeychain(std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{
}

QString OsKeychain::serviceName()
{
    return QStringLiteral("Early Help Case Manager");
}

Status OsKeychain::writeSecret(const QString& key, const SecretBytes& secret)
{
    if (Status allowed = checkCallingThread(); !allowed)
        return allowed;

    // NOTE: QtKeychain and libsecret make further copies (a Base64 form, the
    // D-Bus message) that they free without overwriting.
    QByteArray payload(reinterpret_cast<const char*>(secret.data()), static_cast<qsizetype>(secret.size()));
    auto* job = new QKeychain::WritePasswordJob(serviceName());
    configure(*job, key);
    job->setBinaryData(payload);

    const JobOutcome outcome = runJob(job, m_timeout);
    if (!outcome.timedOut)
        delete job;
    wipe(payload);

    if (outcome.timedOut) {
        qCWarning(lcKeys) << "OS keychain write of" << key << "timed out";
        return timedOut(m_timeout);
    }
    if (outcome.error != QKeychain::NoError) {
        qCWarning(lcKeys) << "OS keychain write of" << key << "failed:" << outcome.error << outcome.errorString;
        return mapFailure(outcome);
    }
    return {};
}

Result<SecretBytes> OsKeychain::readSecret(const QString& key)
{
    if (Status allowed = checkCallingThread(); !allowed)
        return std::unexpected(allowed.error());

    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    configure(*job, key);

    const JobOutcome outcome = runJob(job, m_timeout);
    if (outcome.timedOut) {
        qCWarning(lcKeys) << "OS keychain read of" << key << "timed out";
        return timedOut(m_timeout);
    }

    QByteArray data = job->binaryData();
    delete job;
    SecretBytes secret = takeBytes(data);

    if (outcome.error == QKeychain::EntryNotFound) {
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("earlyhelp::Keys",
                "The OS keychain has no entry \"%1\" for the service \"%2\". Use the passphrase to unlock.")
                .arg(key, serviceName()));
    }
    if (outcome.error != QKeychain::NoError) {
        qCWarning(lcKeys) << "OS keychain read of" << key << "failed:" << outcome.error << outcome.errorString;
        return mapFailure(outcome);
    }
    return secret;
}

Status OsKeychain::deleteSecret(const QString& key)
{
    if (Status allowed = checkCallingThread(); !allowed)
        return allowed;

    auto* job = new QKeychain::DeletePasswordJob(serviceName());
    configure(*job, key);

    const JobOutcome outcome = runJob(job, m_timeout);
    if (!outcome.timedOut)
        delete job;

    if (outcome.timedOut) {
        qCWarning(lcKeys) << "OS keychain delete of" << key << "timed out";
        return timedOut(m_timeout);
    }
    if (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound)
        return {};
    qCWarning(lcKeys) << "OS keychain delete of" << key << "failed:" << outcome.error << outcome.errorString;
    return mapFailure(outcome);
}

QString keychainKeyForStore(const QUuid& storeId)
{
    return QStringLiteral("store-") + storeId.toString(QUuid::WithoutBraces);
}

} // namespace earlyhelp::keys
