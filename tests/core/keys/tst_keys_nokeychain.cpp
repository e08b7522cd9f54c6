// The OS keychain with no D-Bus session at all: every keychain call must fail
// quickly with KeychainUnavailable, and nothing may fall back to writing the
// key to disk.

#include "keys/keyfile.h"
#include "keys/oskeychain.h"

#include "keystestsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::keys;
using namespace keystest;
using namespace std::chrono_literals;

namespace {

const QString alice = QStringLiteral("alice.jones");
const QString alicePassphrase = QStringLiteral("correct horse battery staple");

// Far below OsKeychain's timeout in these tests, so a pass shows that the
// failure was detected, not waited out.
constexpr qint64 maximumFailureMilliseconds = 5'000;
constexpr auto keychainTimeout = 20s;

void verifyUnavailable(const Error& error)
{
    QCOMPARE(error.code, ErrorCode::KeychainUnavailable);
    QVERIFY2(error.message.startsWith(QStringLiteral("No OS keychain is available (")), qPrintable(error.message));
    QVERIFY2(error.message.endsWith(QStringLiteral("Use the passphrase to unlock.")), qPrintable(error.message));
}

} // namespace

class TestNoKeychain : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;

private slots:
    // Runs before the first keychain call, which is when GLib looks up the
    // session bus. HOME and the XDG folders point into a temporary folder so
    // that any file written by a plaintext fallback would be found there.
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        const QByteArray home = QFile::encodeName(m_home.path());
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home + "/no-such-bus");
        qputenv("HOME", home);
        qputenv("XDG_CONFIG_HOME", home + "/config");
        qputenv("XDG_DATA_HOME", home + "/data");
        qputenv("XDG_CACHE_HOME", home + "/cache");
        qputenv("XDG_RUNTIME_DIR", home + "/runtime");
        qunsetenv("DISPLAY");
    }

    void keychainCallsFailQuickly()
    {
        OsKeychain keychain(keychainTimeout);
        const QString entryKey = keychainKeyForStore(QUuid::createUuid());
        const SecretBytes secret = SecretBytes::random(32);

        QElapsedTimer timer;
        timer.start();
        Status written = keychain.writeSecret(entryKey, secret);
        QVERIFY(!written);
        verifyUnavailable(written.error());
        QVERIFY2(timer.elapsed() < maximumFailureMilliseconds, qPrintable(QString::number(timer.elapsed())));

        timer.restart();
        Result<SecretBytes> read = keychain.readSecret(entryKey);
        QVERIFY(!read);
        verifyUnavailable(read.error());
        QVERIFY(timer.elapsed() < maximumFailureMilliseconds);

        timer.restart();
        Status deleted = keychain.deleteSecret(entryKey);
        QVERIFY(!deleted);
        verifyUnavailable(deleted.error());
        QVERIFY(timer.elapsed() < maximumFailureMilliseconds);

        QCOMPARE(filesContaining(m_home.path(), bytesOf(secret)), QStringList());
    }

    void createFallsBackToPassphrase()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString storePath = folder.filePath(QStringLiteral("school.db"));
        KeyFileOptions options;
        options.passphraseCost = PassphraseCost::minimum();
        options.keychain = std::make_shared<OsKeychain>(keychainTimeout);

        QElapsedTimer timer;
        timer.start();
        Result<NewKeyFile> created =
            KeyFile::create(storePath, alice, QStringLiteral("lead"), secretFrom(alicePassphrase), true, options);
        QVERIFY2(created, errorText(created).constData());
        QVERIFY(timer.elapsed() < maximumFailureMilliseconds);
        QVERIFY(created->keychainError);
        verifyUnavailable(*created->keychainError);
        QVERIFY(!created->keyFile.hasKeychainSlot());

        Result<KeyFile> opened = KeyFile::open(storePath, options);
        QVERIFY(opened);
        QVERIFY(!opened->hasKeychainSlot());
        Result<SecretBytes> viaKeychain = opened->unlockWithKeychain();
        QVERIFY(!viaKeychain);
        QCOMPARE(viaKeychain.error().code, ErrorCode::NotFound);
        Result<SecretBytes> viaPassphrase = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY(viaPassphrase);
        QVERIFY(viaPassphrase->equals(created->storeKey));

        Status added = opened->addKeychainSlot(created->storeKey, alice, QStringLiteral("lead"));
        QVERIFY(!added);
        verifyUnavailable(added.error());

        // Only the key file and nothing else: no plaintext store of QtKeychain.
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList{QStringLiteral("school.db.keys")});
        QCOMPARE(filesContaining(folder.path(), bytesOf(created->storeKey)), QStringList());
        QCOMPARE(filesContaining(m_home.path(), bytesOf(created->storeKey)), QStringList());
        QCOMPARE(QDir(m_home.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestNoKeychain)
#include "tst_keys_nokeychain.moc"
