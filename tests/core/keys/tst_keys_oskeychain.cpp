// Runs against a real Secret Service. CTest starts it through
// scripts/with-keyring, which gives it a private D-Bus session and a
// throwaway GNOME Keyring.

#include "keys/keyfile.h"
#include "keys/oskeychain.h"

#include "keystestsupport.h"

#include <signal.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::keys;
using namespace keystest;
using namespace std::chrono_literals;

namespace {

const QString alice = QStringLiteral("alice.jones");
const QString alicePassphrase = QStringLiteral("correct horse battery staple");

// Looks the entry up with secret-tool, outside QtKeychain, by the attributes
// that QtKeychain's libsecret backend stores: user (the entry key), server
// (the service) and type ("base64" for binary data). Returns the stored text.
QByteArray lookUpWithSecretTool(const QString& entryKey)
{
    QProcess process;
    process.start(QStringLiteral("secret-tool"),
        {QStringLiteral("lookup"), QStringLiteral("user"), entryKey, QStringLiteral("server"), OsKeychain::serviceName(),
            QStringLiteral("type"), QStringLiteral("base64")});
    if (!process.waitForFinished(10'000))
        return {};
    return process.readAllStandardOutput();
}

// Calls a method of the Secret Service or the bus with dbus-send and returns
// its reply as printed with --print-reply=literal.
QByteArray callOnBus(const QString& destination, const QString& object, const QString& method, const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral("dbus-send"),
        QStringList{QStringLiteral("--session"), QStringLiteral("--print-reply=literal"),
            QStringLiteral("--dest=") + destination, object, method}
            + arguments);
    if (!process.waitForFinished(10'000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput().trimmed();
}

// The process id of the Secret Service daemon, from the bus.
pid_t secretServiceProcess()
{
    const QByteArray reply = callOnBus(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"), {QStringLiteral("string:org.freedesktop.secrets")});
    // The reply reads "uint32 <pid>".
    return static_cast<pid_t>(reply.split(' ').value(1).toLongLong());
}

} // namespace

class TestOsKeychain : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_folder;

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("WITH_KEYRING_FOLDER")) {
            QSKIP("This test writes to the Secret Service. Run it through scripts/with-keyring, which gives it a "
                  "throwaway keyring, or through CTest.");
        }
    }

    void init()
    {
        m_folder = std::make_unique<QTemporaryDir>();
        QVERIFY(m_folder->isValid());
    }

    void writeReadDeleteRoundTrip()
    {
        OsKeychain keychain;
        const QString entryKey = keychainKeyForStore(QUuid::createUuid());
        // Bytes that are not valid text, including zero bytes.
        const unsigned char raw[] = {0x00, 0xFF, 0x10, 0x00, 0x80, 0x7F, 0xC3, 0x28};
        const SecretBytes secret = SecretBytes::copyOf(raw, sizeof raw);

        Status written = keychain.writeSecret(entryKey, secret);
        QVERIFY2(written, errorText(written).constData());

        Result<SecretBytes> read = keychain.readSecret(entryKey);
        QVERIFY2(read, errorText(read).constData());
        QVERIFY(read->equals(secret));
        QCOMPARE(QByteArray::fromBase64(lookUpWithSecretTool(entryKey).trimmed()), bytesOf(secret));

        QVERIFY(keychain.deleteSecret(entryKey));
        Result<SecretBytes> afterDelete = keychain.readSecret(entryKey);
        QVERIFY(!afterDelete);
        QCOMPARE(afterDelete.error().code, ErrorCode::NotFound);
        QVERIFY(lookUpWithSecretTool(entryKey).isEmpty());
    }

    void deletingMissingEntrySucceeds()
    {
        OsKeychain keychain;
        QVERIFY(keychain.deleteSecret(keychainKeyForStore(QUuid::createUuid())));
    }

    void keyFileKeychainSlotRoundTrip()
    {
        const QString storePath = m_folder->filePath(QStringLiteral("school.db"));
        KeyFileOptions options;
        options.passphraseCost = PassphraseCost::minimum();

        Result<NewKeyFile> created =
            KeyFile::create(storePath, alice, QStringLiteral("lead"), secretFrom(alicePassphrase), true, options);
        QVERIFY2(created, errorText(created).constData());
        QVERIFY2(!created->keychainError, errorText(created->keychainError).constData());
        QVERIFY(created->keyFile.hasKeychainSlot());
        const QString entryKey = keychainKeyForStore(created->keyFile.storeId());
        QCOMPARE(QByteArray::fromBase64(lookUpWithSecretTool(entryKey).trimmed()).size(), 32);

        Result<KeyFile> opened = KeyFile::open(storePath, options);
        QVERIFY(opened);
        Result<SecretBytes> key = opened->unlockWithKeychain();
        QVERIFY2(key, errorText(key).constData());
        QVERIFY(key->equals(created->storeKey));

        QCOMPARE(filesContaining(m_folder->path(), bytesOf(created->storeKey)), QStringList());

        Status removed = opened->removeKeychainSlot(*key);
        QVERIFY2(removed, errorText(removed).constData());
        QVERIFY(!opened->hasKeychainSlot());
        QVERIFY(lookUpWithSecretTool(entryKey).isEmpty());
        Result<SecretBytes> entry = OsKeychain().readSecret(entryKey);
        QVERIFY(!entry);
        QCOMPARE(entry.error().code, ErrorCode::NotFound);

        Result<SecretBytes> afterRemoval = opened->unlockWithKeychain();
        QVERIFY(!afterRemoval);
        QCOMPARE(afterRemoval.error().code, ErrorCode::NotFound);
        QVERIFY(opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase)));
    }

    void entryDeletedBehindSlotIsReported()
    {
        const QString storePath = m_folder->filePath(QStringLiteral("school.db"));
        KeyFileOptions options;
        options.passphraseCost = PassphraseCost::minimum();
        Result<NewKeyFile> created =
            KeyFile::create(storePath, alice, QStringLiteral("lead"), secretFrom(alicePassphrase), true, options);
        QVERIFY(created);
        QVERIFY(!created->keychainError);

        QVERIFY(OsKeychain().deleteSecret(keychainKeyForStore(created->keyFile.storeId())));
        Result<SecretBytes> key = created->keyFile.unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::Keychain);
    }

    // Stops the keyring daemon so that a call waits until its timeout, then
    // lets it run again: the abandoned job must finish and delete itself
    // without harm, and later calls must work.
    void silentKeychainTimesOut()
    {
        const pid_t daemon = secretServiceProcess();
        QVERIFY(daemon > 0);
        QCOMPARE(::kill(daemon, SIGSTOP), 0);
        auto resume = qScopeGuard([daemon] { ::kill(daemon, SIGCONT); });

        OsKeychain keychain(1s);
        const QString entryKey = keychainKeyForStore(QUuid::createUuid());
        QElapsedTimer timer;
        timer.start();
        Result<SecretBytes> read = keychain.readSecret(entryKey);
        const qint64 elapsed = timer.elapsed();
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::KeychainUnavailable);
        QVERIFY2(read.error().message.contains(QStringLiteral("did not respond in time")), errorText(read).constData());
        QVERIFY2(elapsed >= 900 && elapsed < 5'000, qPrintable(QString::number(elapsed)));

        resume.dismiss();
        QCOMPARE(::kill(daemon, SIGCONT), 0);

        const SecretBytes secret = SecretBytes::random(32);
        OsKeychain patientKeychain;
        QVERIFY(patientKeychain.writeSecret(entryKey, secret));
        Result<SecretBytes> readAgain = patientKeychain.readSecret(entryKey);
        QVERIFY2(readAgain, errorText(readAgain).constData());
        QVERIFY(readAgain->equals(secret));
        QVERIFY(patientKeychain.deleteSecret(entryKey));
    }

    // Runs last: a locked collection cannot be unlocked again without a
    // prompt, which needs a display.
    void lockedKeychainIsUnavailable()
    {
        const QString storePath = m_folder->filePath(QStringLiteral("school.db"));
        KeyFileOptions options;
        options.passphraseCost = PassphraseCost::minimum();
        Result<NewKeyFile> created =
            KeyFile::create(storePath, alice, QStringLiteral("lead"), secretFrom(alicePassphrase), true, options);
        QVERIFY(created);
        QVERIFY(!created->keychainError);

        const QByteArray locked = callOnBus(QStringLiteral("org.freedesktop.secrets"),
            QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service.Lock"),
            {QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
        QVERIFY2(locked.contains("/org/freedesktop/secrets/collection/login"), locked.constData());

        Status written = OsKeychain().writeSecret(keychainKeyForStore(QUuid::createUuid()), SecretBytes::random(32));
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::KeychainUnavailable);

        Result<SecretBytes> key = created->keyFile.unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::Keychain);
        QVERIFY2(key.error().message.contains(QStringLiteral("locked")), errorText(key).constData());
        QVERIFY(created->keyFile.unlockWithPassphrase(alice, secretFrom(alicePassphrase)));
    }
};

QTEST_GUILESS_MAIN(TestOsKeychain)
#include "tst_keys_oskeychain.moc"
