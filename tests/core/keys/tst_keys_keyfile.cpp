#include "keys/keyfile.h"
#include "keys/keyslot.h"
#include "keys/oskeychain.h"
#include "keys/slotcrypto.h"
#include "keys/unlockthrottle.h"

#include "keystestsupport.h"

#include <sodium.h>
#include <sys/stat.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <chrono>
#include <memory>
#include <vector>

using namespace earlyhelp;
using namespace earlyhelp::keys;
using namespace keystest;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(earlyhelp::ErrorCode)

namespace {

const QString alice = QStringLiteral("alice.jones");
const QString bob = QStringLiteral("bob.smith");
const QString alicePassphrase = QStringLiteral("correct horse battery staple");
const QString bobPassphrase = QStringLiteral("tuesday rain over the allotment");

QByteArray flipByte(const QByteArray& bytes, qsizetype index)
{
    QByteArray changed = bytes;
    changed[index] = static_cast<char>(changed[index] ^ 0x01);
    return changed;
}

QString flipBase64Byte(const QJsonValue& value, qsizetype index)
{
    const QByteArray decoded = QByteArray::fromBase64(value.toString().toLatin1());
    return QString::fromLatin1(flipByte(decoded, index).toBase64());
}

// Applies one named edit to a passphrase slot's JSON.
void applyChange(QJsonObject& slot, const QString& change)
{
    QJsonObject kdf = slot.value(QStringLiteral("kdf")).toObject();
    QJsonObject cipher = slot.value(QStringLiteral("cipher")).toObject();
    if (change == QLatin1StringView("wrapped key byte flipped"))
        cipher.insert(QStringLiteral("wrappedKey"), flipBase64Byte(cipher.value(QStringLiteral("wrappedKey")), 5));
    else if (change == QLatin1StringView("tag byte flipped"))
        cipher.insert(QStringLiteral("wrappedKey"), flipBase64Byte(cipher.value(QStringLiteral("wrappedKey")), 47));
    else if (change == QLatin1StringView("salt changed"))
        kdf.insert(QStringLiteral("salt"), flipBase64Byte(kdf.value(QStringLiteral("salt")), 0));
    else if (change == QLatin1StringView("nonce changed"))
        cipher.insert(QStringLiteral("nonce"), flipBase64Byte(cipher.value(QStringLiteral("nonce")), 3));
    else if (change == QLatin1StringView("role raised"))
        slot.insert(QStringLiteral("role"), QStringLiteral("lead"));
    else if (change == QLatin1StringView("cost lowered"))
        kdf.insert(QStringLiteral("memLimit"), qint64(crypto_pwhash_argon2id_MEMLIMIT_MIN));
    else if (change == QLatin1StringView("checksum changed"))
        slot.insert(QStringLiteral("checksum"), flipBase64Byte(slot.value(QStringLiteral("checksum")), 0));
    else
        qFatal("unknown change");
    slot.insert(QStringLiteral("kdf"), kdf);
    slot.insert(QStringLiteral("cipher"), cipher);
}

// Recomputes a slot's checksum as someone who edits the key file on purpose
// would.
void recomputeChecksum(QJsonObject& slotObject, const QUuid& storeId)
{
    std::expected<KeySlot, QString> slot = slotFromJson(slotObject);
    QVERIFY2(slot.has_value(), slot ? "" : qPrintable(slot.error()));
    slot->checksum = computeSlotChecksum(keyFileFormatVersion, storeId, *slot);
    slotObject = slotToJson(*slot);
}

QJsonObject slotAt(const QJsonObject& root, qsizetype index)
{
    return root.value(QStringLiteral("slots")).toArray().at(index).toObject();
}

void replaceSlot(QJsonObject& root, qsizetype index, const QJsonObject& slot)
{
    QJsonArray keySlots = root.value(QStringLiteral("slots")).toArray();
    keySlots.replace(index, slot);
    root.insert(QStringLiteral("slots"), keySlots);
}

void appendLengthPrefixed(QByteArray& encoding, QByteArrayView field)
{
    char size[4];
    qToBigEndian(static_cast<quint32>(field.size()), size);
    encoding.append(size, 4);
    encoding.append(field);
}

} // namespace

class TestKeyFile : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<UnlockThrottle> m_throttle;
    std::shared_ptr<FakeKeychain> m_keychain;
    std::chrono::system_clock::time_point m_now{std::chrono::hours(1)};
    std::vector<std::chrono::milliseconds> m_sleeps;

    QString storePath(const QString& name = QStringLiteral("school.db")) const
    {
        return m_folder->filePath(name);
    }

    KeyFileOptions options(PassphraseCost cost = PassphraseCost::minimum()) const
    {
        KeyFileOptions result;
        result.passphraseCost = cost;
        result.throttle = m_throttle.get();
        result.keychain = m_keychain;
        return result;
    }

    Result<NewKeyFile> createForAlice(const QString& name = QStringLiteral("school.db"), bool withKeychain = false)
    {
        return KeyFile::create(storePath(name), alice, QStringLiteral("lead"), secretFrom(alicePassphrase),
            withKeychain, options());
    }

private slots:
    void init()
    {
        m_folder = std::make_unique<QTemporaryDir>();
        QVERIFY(m_folder->isValid());
        m_sleeps.clear();
        m_throttle = std::make_unique<UnlockThrottle>([this] { return m_now; },
            [this](std::chrono::milliseconds delay) {
                m_sleeps.push_back(delay);
                m_now += delay;
            });
        m_keychain = std::make_shared<FakeKeychain>();
    }

    void cleanup()
    {
        m_folder.reset();
    }

    void passphraseRoundTrip()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY2(created, errorText(created).constData());
        QCOMPARE(created->storeKey.size(), storeKeyBytes);
        QVERIFY(!created->keychainError);
        QCOMPARE(created->keyFile.path(), storePath() + QStringLiteral(".keys"));
        QVERIFY(QFileInfo::exists(KeyFile::pathForStore(storePath())));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY2(opened, errorText(opened).constData());
        QCOMPARE(opened->storeId(), created->keyFile.storeId());
        QVERIFY(!opened->storeId().isNull());

        Result<SecretBytes> key = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY2(key, errorText(key).constData());
        QVERIFY(key->equals(created->storeKey));
    }

    void userNameMatchesIgnoringCase()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        Result<SecretBytes> key = created->keyFile.unlockWithPassphrase(alice.toUpper(), secretFrom(alicePassphrase));
        QVERIFY(key);
        QVERIFY(key->equals(created->storeKey));
    }

    void wrongPassphraseIsRejected()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        Result<SecretBytes> key =
            created->keyFile.unlockWithPassphrase(alice, secretFrom(QStringLiteral("correct horse battery stapler")));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::WrongPassphrase);
        QVERIFY2(key.error().message.contains(alice), errorText(key).constData());
        QVERIFY(key.error().message.contains(QStringLiteral("not correct")));
    }

    void unknownUserIsNotFound()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        Result<SecretBytes> key = created->keyFile.unlockWithPassphrase(bob, secretFrom(alicePassphrase));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::NotFound);
        QVERIFY(key.error().message.contains(bob));
    }

    void missingKeyFileIsNotFound()
    {
        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QVERIFY2(opened.error().message.contains(QDir::toNativeSeparators(KeyFile::pathForStore(storePath()))),
            errorText(opened).constData());
    }

    void createRejectsExistingKeyFile()
    {
        QVERIFY(createForAlice());
        const QByteArray before = [&] {
            QFile file(KeyFile::pathForStore(storePath()));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();

        Result<NewKeyFile> again = createForAlice();
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::AlreadyExists);

        QFile file(KeyFile::pathForStore(storePath()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void createRejectsMissingFolder()
    {
        Result<NewKeyFile> created = KeyFile::create(m_folder->filePath(QStringLiteral("no-such-folder/school.db")),
            alice, QStringLiteral("lead"), secretFrom(alicePassphrase), false, options());
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::NotFound);
        QVERIFY(created.error().message.contains(QStringLiteral("no-such-folder")));
    }

    void createRejectsEmptyUserOrRole_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("role");
        QTest::newRow("empty user") << QString() << QStringLiteral("lead");
        QTest::newRow("blank user") << QStringLiteral("   ") << QStringLiteral("lead");
        QTest::newRow("empty role") << alice << QString();
    }

    void createRejectsEmptyUserOrRole()
    {
        QFETCH(QString, user);
        QFETCH(QString, role);
        Result<NewKeyFile> created =
            KeyFile::create(storePath(), user, role, secretFrom(alicePassphrase), false, options());
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::InvalidInput);
        QVERIFY(!QFileInfo::exists(KeyFile::pathForStore(storePath())));
    }

    void shortPassphraseIsRejected_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("nine ASCII characters") << QStringLiteral("abcdefghi") << false;
        QTest::newRow("nine characters in eighteen bytes") << QStringLiteral("ééééééééé") << false;
        QTest::newRow("ten characters") << QStringLiteral("abcdefghij") << true;
        QTest::newRow("ten non-ASCII characters") << QStringLiteral("ßßßßßßßßßß") << true;
    }

    void shortPassphraseIsRejected()
    {
        QFETCH(QString, passphrase);
        QFETCH(bool, accepted);

        Result<NewKeyFile> created =
            KeyFile::create(storePath(), alice, QStringLiteral("lead"), secretFrom(passphrase), false, options());
        QCOMPARE(created.has_value(), accepted);
        if (!accepted) {
            QCOMPARE(created.error().code, ErrorCode::InvalidInput);
            QVERIFY2(created.error().message.contains(QStringLiteral("at least 10")), errorText(created).constData());
            QVERIFY(!QFileInfo::exists(KeyFile::pathForStore(storePath())));
            return;
        }

        Status added = created->keyFile.addPassphraseSlot(
            created->storeKey, bob, QStringLiteral("caseworker"), secretFrom(passphrase.left(passphrase.size() - 1)));
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::InvalidInput);
        QVERIFY(!created->keyFile.hasPassphraseSlot(bob));
    }

    void keyFileContainsNoSecrets()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        QVERIFY(!created->keychainError);
        QVERIFY(created->keyFile.addPassphraseSlot(
            created->storeKey, bob, QStringLiteral("caseworker"), secretFrom(bobPassphrase)));

        const QString folder = m_folder->path();
        QCOMPARE(filesContaining(folder, bytesOf(created->storeKey)), QStringList());
        QCOMPARE(filesContaining(folder, alicePassphrase.toUtf8()), QStringList());
        QCOMPARE(filesContaining(folder, bobPassphrase.toUtf8()), QStringList());
        QCOMPARE(m_keychain->entries.size(), 1);
        QCOMPARE(filesContaining(folder, m_keychain->entries.cbegin().value()), QStringList());
    }

    void keyFileIsOwnerOnly()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        struct stat status {};
        QCOMPARE(::stat(QFile::encodeName(created->keyFile.path()).constData(), &status), 0);
        QCOMPARE(status.st_mode & 0777, 0600u);

        QVERIFY(created->keyFile.addPassphraseSlot(
            created->storeKey, bob, QStringLiteral("caseworker"), secretFrom(bobPassphrase)));
        QCOMPARE(::stat(QFile::encodeName(created->keyFile.path()).constData(), &status), 0);
        QCOMPARE(status.st_mode & 0777, 0600u);
    }

    void recordedCostIsWritten()
    {
        const PassphraseCost cost{2, 16 * 1024};
        Result<NewKeyFile> created = KeyFile::create(
            storePath(), alice, QStringLiteral("lead"), secretFrom(alicePassphrase), false, options(cost));
        QVERIFY(created);

        const QJsonObject kdf = slotAt(readJson(created->keyFile.path()), 0).value(QStringLiteral("kdf")).toObject();
        QCOMPARE(kdf.value(QStringLiteral("algorithm")).toString(), QStringLiteral("argon2id13"));
        QCOMPARE(kdf.value(QStringLiteral("opsLimit")).toInteger(), 2);
        QCOMPARE(kdf.value(QStringLiteral("memLimit")).toInteger(), 16 * 1024);
    }

    // Derives and opens the slot with libsodium directly, from the recorded
    // salt and cost and the documented associated data, so the format is
    // checked independently of the code that wrote it.
    void recordedCostIsUsed()
    {
        const PassphraseCost cost{2, 16 * 1024};
        Result<NewKeyFile> created = KeyFile::create(
            storePath(), alice, QStringLiteral("lead"), secretFrom(alicePassphrase), false, options(cost));
        QVERIFY(created);

        const QJsonObject root = readJson(created->keyFile.path());
        const QJsonObject slot = slotAt(root, 0);
        const QJsonObject kdf = slot.value(QStringLiteral("kdf")).toObject();
        const QJsonObject cipher = slot.value(QStringLiteral("cipher")).toObject();
        const QByteArray salt = QByteArray::fromBase64(kdf.value(QStringLiteral("salt")).toString().toLatin1());
        const QByteArray nonce = QByteArray::fromBase64(cipher.value(QStringLiteral("nonce")).toString().toLatin1());
        const QByteArray wrapped =
            QByteArray::fromBase64(cipher.value(QStringLiteral("wrappedKey")).toString().toLatin1());
        QCOMPARE(salt.size(), 16);
        QCOMPARE(nonce.size(), 24);
        QCOMPARE(wrapped.size(), 48);

        unsigned char wrappingKey[32];
        const QByteArray passphrase = alicePassphrase.toUtf8();
        QCOMPARE(crypto_pwhash(wrappingKey, sizeof wrappingKey, passphrase.constData(),
                     static_cast<unsigned long long>(passphrase.size()),
                     reinterpret_cast<const unsigned char*>(salt.constData()),
                     static_cast<unsigned long long>(kdf.value(QStringLiteral("opsLimit")).toInteger()),
                     static_cast<std::size_t>(kdf.value(QStringLiteral("memLimit")).toInteger()),
                     crypto_pwhash_ALG_ARGON2ID13),
            0);

        QByteArray associatedData;
        appendLengthPrefixed(associatedData, "earlyhelp.keyslot");
        appendLengthPrefixed(associatedData, "1");
        appendLengthPrefixed(associatedData, "passphrase");
        appendLengthPrefixed(associatedData, root.value(QStringLiteral("storeId")).toString().toUtf8());
        appendLengthPrefixed(associatedData, slot.value(QStringLiteral("id")).toString().toUtf8());
        appendLengthPrefixed(associatedData, alice.toUtf8());
        appendLengthPrefixed(associatedData, "lead");

        unsigned char key[32];
        unsigned long long keySize = 0;
        QCOMPARE(crypto_aead_xchacha20poly1305_ietf_decrypt(key, &keySize, nullptr,
                     reinterpret_cast<const unsigned char*>(wrapped.constData()),
                     static_cast<unsigned long long>(wrapped.size()),
                     reinterpret_cast<const unsigned char*>(associatedData.constData()),
                     static_cast<unsigned long long>(associatedData.size()),
                     reinterpret_cast<const unsigned char*>(nonce.constData()), wrappingKey),
            0);
        QCOMPARE(keySize, 32ull);
        QVERIFY(SecretBytes::copyOf(key, sizeof key).equals(created->storeKey));
        sodium_memzero(key, sizeof key);
        sodium_memzero(wrappingKey, sizeof wrappingKey);

        // A key file opened with another default cost still uses the slot's.
        Result<KeyFile> opened = KeyFile::open(storePath(), options(PassphraseCost::moderate()));
        QVERIFY(opened);
        Result<SecretBytes> unlocked = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY(unlocked);
        QVERIFY(unlocked->equals(created->storeKey));
    }

    void defaultCostIsModerate()
    {
        const KeyFileOptions defaults;
        QCOMPARE(defaults.passphraseCost.opsLimit, quint64(crypto_pwhash_argon2id_OPSLIMIT_MODERATE));
        QCOMPARE(defaults.passphraseCost.memLimit, quint64(crypto_pwhash_argon2id_MEMLIMIT_MODERATE));
        QVERIFY(defaults.passphraseCost.isAccepted());
        QVERIFY(PassphraseCost::minimum().isAccepted());
    }

    void tamperedSlotIsDamaged_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("wrapped key byte flipped") << QStringLiteral("wrapped key byte flipped");
        QTest::newRow("tag byte flipped") << QStringLiteral("tag byte flipped");
        QTest::newRow("salt changed") << QStringLiteral("salt changed");
        QTest::newRow("nonce changed") << QStringLiteral("nonce changed");
        QTest::newRow("role raised") << QStringLiteral("role raised");
        QTest::newRow("cost lowered") << QStringLiteral("cost lowered");
        QTest::newRow("checksum changed") << QStringLiteral("checksum changed");
    }

    void tamperedSlotIsDamaged()
    {
        QFETCH(QString, change);
        Result<NewKeyFile> created = KeyFile::create(storePath(), alice, QStringLiteral("caseworker"),
            secretFrom(alicePassphrase), false, options(PassphraseCost{1, 16 * 1024}));
        QVERIFY(created);

        const QString path = created->keyFile.path();
        QJsonObject root = readJson(path);
        QJsonObject slot = slotAt(root, 0);
        applyChange(slot, change);
        replaceSlot(root, 0, slot);
        QVERIFY(writeJson(path, root));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY2(opened, errorText(opened).constData());
        Result<SecretBytes> key = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::StoreDamaged);
        QVERIFY2(key.error().message.contains(alice), errorText(key).constData());
        QVERIFY(key.error().message.contains(QDir::toNativeSeparators(path)));
        QCOMPARE(m_throttle->consecutiveFailures(opened->path()), 0);
    }

    // Someone who edits a slot and recomputes its checksum gets a failed
    // seal, never a key.
    void editedSlotWithChecksumNeverOpens_data()
    {
        tamperedSlotIsDamaged_data();
    }

    void editedSlotWithChecksumNeverOpens()
    {
        QFETCH(QString, change);
        if (change == QLatin1StringView("checksum changed"))
            QSKIP("Recomputing the checksum undoes this change.");
        Result<NewKeyFile> created = KeyFile::create(storePath(), alice, QStringLiteral("caseworker"),
            secretFrom(alicePassphrase), false, options(PassphraseCost{1, 16 * 1024}));
        QVERIFY(created);

        const QString path = created->keyFile.path();
        QJsonObject root = readJson(path);
        QJsonObject slot = slotAt(root, 0);
        applyChange(slot, change);
        recomputeChecksum(slot, created->keyFile.storeId());
        replaceSlot(root, 0, slot);
        QVERIFY(writeJson(path, root));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY2(opened, errorText(opened).constData());
        Result<SecretBytes> key = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::WrongPassphrase);
    }

    void slotMovedToAnotherKeyFileIsRejected_data()
    {
        QTest::addColumn<bool>("checksumRecomputed");
        QTest::addColumn<ErrorCode>("expected");
        QTest::newRow("as copied") << false << ErrorCode::StoreDamaged;
        QTest::newRow("checksum recomputed") << true << ErrorCode::WrongPassphrase;
    }

    void slotMovedToAnotherKeyFileIsRejected()
    {
        QFETCH(bool, checksumRecomputed);
        QFETCH(ErrorCode, expected);

        Result<NewKeyFile> first = createForAlice(QStringLiteral("first.db"));
        Result<NewKeyFile> second = KeyFile::create(storePath(QStringLiteral("second.db")), alice,
            QStringLiteral("lead"), secretFrom(bobPassphrase), false, options());
        QVERIFY(first);
        QVERIFY(second);

        QJsonObject movedSlot = slotAt(readJson(first->keyFile.path()), 0);
        if (checksumRecomputed)
            recomputeChecksum(movedSlot, second->keyFile.storeId());
        QJsonObject root = readJson(second->keyFile.path());
        replaceSlot(root, 0, movedSlot);
        QVERIFY(writeJson(second->keyFile.path(), root));

        Result<KeyFile> opened = KeyFile::open(storePath(QStringLiteral("second.db")), options());
        QVERIFY(opened);
        Result<SecretBytes> key = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY(!key);
        QCOMPARE(key.error().code, expected);
    }

    // A slot that someone sealed with a key of their own, with a correct
    // checksum, opens, but its key fails the key file's key check.
    void slotWithForeignKeyIsRejected()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);

        const QString mallory = QStringLiteral("mallory");
        const SecretBytes foreignKey = SecretBytes::random(storeKeyBytes);
        KeySlot slot;
        slot.id = QUuid::createUuid();
        slot.user = mallory;
        slot.role = QStringLiteral("lead");
        slot.created = QDateTime::currentDateTimeUtc();
        slot.cost = PassphraseCost::minimum();
        slot.salt = randomBytes(saltBytes);
        Result<SecretBytes> wrappingKey = deriveWrappingKey(secretFrom(bobPassphrase), slot.salt, slot.cost);
        QVERIFY(wrappingKey);
        const SealedKey sealed = sealKey(foreignKey, *wrappingKey,
            slotAssociatedData(keyFileFormatVersion, created->keyFile.storeId(), slot));
        slot.nonce = sealed.nonce;
        slot.wrappedKey = sealed.ciphertext;
        slot.checksum = computeSlotChecksum(keyFileFormatVersion, created->keyFile.storeId(), slot);

        QJsonObject root = readJson(created->keyFile.path());
        QJsonArray keySlots = root.value(QStringLiteral("slots")).toArray();
        keySlots.append(slotToJson(slot));
        root.insert(QStringLiteral("slots"), keySlots);
        QVERIFY(writeJson(created->keyFile.path(), root));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        Result<SecretBytes> key = opened->unlockWithPassphrase(mallory, secretFrom(bobPassphrase));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::StoreDamaged);

        // The slot cannot be used to change the key file either.
        Status added = opened->addPassphraseSlot(foreignKey, bob, QStringLiteral("lead"), secretFrom(bobPassphrase));
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::WrongKey);
    }

    void malformedKeyFileIsRejected_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<ErrorCode>("expected");
        QTest::newRow("not JSON") << QStringLiteral("not JSON") << ErrorCode::StoreDamaged;
        QTest::newRow("JSON array") << QStringLiteral("JSON array") << ErrorCode::StoreDamaged;
        QTest::newRow("other format") << QStringLiteral("other format") << ErrorCode::StoreDamaged;
        QTest::newRow("version missing") << QStringLiteral("version missing") << ErrorCode::StoreDamaged;
        QTest::newRow("newer version") << QStringLiteral("newer version") << ErrorCode::SchemaTooNew;
        QTest::newRow("store id not a UUID") << QStringLiteral("store id not a UUID") << ErrorCode::StoreDamaged;
        QTest::newRow("key check missing") << QStringLiteral("key check missing") << ErrorCode::StoreDamaged;
        QTest::newRow("salt too short") << QStringLiteral("salt too short") << ErrorCode::StoreDamaged;
        QTest::newRow("unknown slot type") << QStringLiteral("unknown slot type") << ErrorCode::StoreDamaged;
        QTest::newRow("cost too high") << QStringLiteral("cost too high") << ErrorCode::StoreDamaged;
        QTest::newRow("cost not whole") << QStringLiteral("cost not whole") << ErrorCode::StoreDamaged;
        QTest::newRow("same user twice") << QStringLiteral("same user twice") << ErrorCode::StoreDamaged;
    }

    void malformedKeyFileIsRejected()
    {
        QFETCH(QString, edit);
        QFETCH(ErrorCode, expected);
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        const QString path = created->keyFile.path();

        QJsonObject root = readJson(path);
        QJsonObject slot = slotAt(root, 0);
        QJsonObject kdf = slot.value(QStringLiteral("kdf")).toObject();
        QByteArray raw;
        if (edit == QLatin1StringView("not JSON")) {
            raw = "{\"format\": \"earlyhelp.keyfile\", ";
        } else if (edit == QLatin1StringView("JSON array")) {
            raw = "[]";
        } else if (edit == QLatin1StringView("other format")) {
            root.insert(QStringLiteral("format"), QStringLiteral("keepass"));
        } else if (edit == QLatin1StringView("version missing")) {
            root.remove(QStringLiteral("version"));
        } else if (edit == QLatin1StringView("newer version")) {
            root.insert(QStringLiteral("version"), 2);
        } else if (edit == QLatin1StringView("store id not a UUID")) {
            root.insert(QStringLiteral("storeId"), QStringLiteral("school"));
        } else if (edit == QLatin1StringView("key check missing")) {
            root.remove(QStringLiteral("keyCheck"));
        } else if (edit == QLatin1StringView("salt too short")) {
            kdf.insert(QStringLiteral("salt"), QString::fromLatin1(QByteArray(8, 'x').toBase64()));
        } else if (edit == QLatin1StringView("unknown slot type")) {
            slot.insert(QStringLiteral("type"), QStringLiteral("fingerprint"));
        } else if (edit == QLatin1StringView("cost too high")) {
            kdf.insert(QStringLiteral("memLimit"), qint64(64) * 1024 * 1024 * 1024);
        } else if (edit == QLatin1StringView("cost not whole")) {
            kdf.insert(QStringLiteral("opsLimit"), 2.5);
        } else if (edit == QLatin1StringView("same user twice")) {
            QJsonObject copy = slot;
            copy.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            copy.insert(QStringLiteral("user"), alice.toUpper());
            QJsonArray keySlots = root.value(QStringLiteral("slots")).toArray();
            keySlots.append(copy);
            root.insert(QStringLiteral("slots"), keySlots);
        }
        if (raw.isEmpty()) {
            slot.insert(QStringLiteral("kdf"), kdf);
            if (edit != QLatin1StringView("same user twice"))
                replaceSlot(root, 0, slot);
            QVERIFY(writeJson(path, root));
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(raw);
        }

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, expected);
        QVERIFY2(opened.error().message.contains(QDir::toNativeSeparators(path)), errorText(opened).constData());
    }

    void twoUsersUnlockSameKey()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        Status added = created->keyFile.addPassphraseSlot(
            created->storeKey, bob, QStringLiteral("caseworker"), secretFrom(bobPassphrase));
        QVERIFY2(added, errorText(added).constData());

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        Result<SecretBytes> aliceKey = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        Result<SecretBytes> bobKey = opened->unlockWithPassphrase(bob, secretFrom(bobPassphrase));
        QVERIFY(aliceKey);
        QVERIFY(bobKey);
        QVERIFY(aliceKey->equals(created->storeKey));
        QVERIFY(bobKey->equals(created->storeKey));

        Result<SecretBytes> crossed = opened->unlockWithPassphrase(bob, secretFrom(alicePassphrase));
        QVERIFY(!crossed);
        QCOMPARE(crossed.error().code, ErrorCode::WrongPassphrase);
    }

    void slotsListUsersAndRoles()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        QVERIFY(created->keyFile.addPassphraseSlot(
            created->storeKey, bob, QStringLiteral("caseworker"), secretFrom(bobPassphrase)));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        const QList<SlotInfo> keySlots = opened->listSlots();
        QCOMPARE(keySlots.size(), 3);
        QCOMPARE(keySlots.at(0).type, SlotType::Passphrase);
        QCOMPARE(keySlots.at(0).user, alice);
        QCOMPARE(keySlots.at(0).role, QStringLiteral("lead"));
        QCOMPARE(keySlots.at(1).type, SlotType::Keychain);
        QCOMPARE(keySlots.at(1).user, alice);
        QCOMPARE(keySlots.at(1).role, QStringLiteral("lead"));
        QCOMPARE(keySlots.at(2).user, bob);
        QCOMPARE(keySlots.at(2).role, QStringLiteral("caseworker"));
        for (const SlotInfo& slot : keySlots) {
            QVERIFY(!slot.id.isNull());
            QVERIFY(slot.created.isValid());
        }
    }

    void addSlotForExistingUserIsRejected()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        Status added = created->keyFile.addPassphraseSlot(
            created->storeKey, alice.toUpper(), QStringLiteral("caseworker"), secretFrom(bobPassphrase));
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(created->keyFile.listSlots().size(), 1);
    }

    void changesNeedStoreKey()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        const SecretBytes otherKey = SecretBytes::random(storeKeyBytes);

        Status added = created->keyFile.addPassphraseSlot(otherKey, bob, QStringLiteral("lead"), secretFrom(bobPassphrase));
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::WrongKey);
        Status removed = created->keyFile.removePassphraseSlot(SecretBytes(), alice);
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, ErrorCode::WrongKey);
        Status keychainAdded = created->keyFile.addKeychainSlot(otherKey, alice, QStringLiteral("lead"));
        QVERIFY(!keychainAdded);
        QCOMPARE(keychainAdded.error().code, ErrorCode::WrongKey);
        QVERIFY(m_keychain->entries.isEmpty());
    }

    void removedSlotNoLongerUnlocks()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        QVERIFY(created->keyFile.addPassphraseSlot(
            created->storeKey, bob, QStringLiteral("caseworker"), secretFrom(bobPassphrase)));

        Status removed = created->keyFile.removePassphraseSlot(created->storeKey, bob);
        QVERIFY2(removed, errorText(removed).constData());
        QVERIFY(!created->keyFile.hasPassphraseSlot(bob));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        QCOMPARE(opened->listSlots().size(), 1);
        Result<SecretBytes> bobKey = opened->unlockWithPassphrase(bob, secretFrom(bobPassphrase));
        QVERIFY(!bobKey);
        QCOMPARE(bobKey.error().code, ErrorCode::NotFound);
        QVERIFY(opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase)));

        Status again = opened->removePassphraseSlot(created->storeKey, bob);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::NotFound);
    }

    void lastPassphraseSlotIsKept()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        Status removed = created->keyFile.removePassphraseSlot(created->storeKey, alice);
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, ErrorCode::InvalidInput);
        QVERIFY(created->keyFile.hasPassphraseSlot(alice));
    }

    void changesFromTwoObjectsAreBothKept()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        Result<KeyFile> other = KeyFile::open(storePath(), options());
        QVERIFY(other);

        QVERIFY(created->keyFile.addPassphraseSlot(
            created->storeKey, bob, QStringLiteral("caseworker"), secretFrom(bobPassphrase)));
        const QString carol = QStringLiteral("carol.white");
        QVERIFY(other->addPassphraseSlot(
            created->storeKey, carol, QStringLiteral("caseworker"), secretFrom(QStringLiteral("a lantern by the canal"))));

        Result<KeyFile> reopened = KeyFile::open(storePath(), options());
        QVERIFY(reopened);
        QVERIFY(reopened->hasPassphraseSlot(alice));
        QVERIFY(reopened->hasPassphraseSlot(bob));
        QVERIFY(reopened->hasPassphraseSlot(carol));
    }

    void failedUnlocksWaitLonger()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        KeyFile& keyFile = created->keyFile;
        const SecretBytes wrong = secretFrom(QStringLiteral("not the passphrase at all"));

        for (int i = 1; i <= 3; ++i) {
            Result<SecretBytes> key = keyFile.unlockWithPassphrase(alice, wrong);
            QVERIFY(!key);
            QCOMPARE(key.error().code, ErrorCode::WrongPassphrase);
        }
        QVERIFY(m_sleeps.empty());
        QCOMPARE(m_throttle->consecutiveFailures(keyFile.path()), 3);

        Result<SecretBytes> fourth = keyFile.unlockWithPassphrase(alice, wrong);
        QVERIFY(!fourth);
        QVERIFY(m_sleeps.empty());
        QVERIFY2(fourth.error().message.contains(QStringLiteral("wait")), errorText(fourth).constData());

        QCOMPARE(keyFile.remainingUnlockDelay(), 1000ms);
        m_now += 400ms;
        QCOMPARE(keyFile.remainingUnlockDelay(), 600ms);
        QVERIFY(!keyFile.unlockWithPassphrase(alice, wrong));
        QCOMPARE(m_sleeps, std::vector<std::chrono::milliseconds>{600ms});

        Result<SecretBytes> key = keyFile.unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY(key);
        QCOMPARE(m_sleeps, (std::vector<std::chrono::milliseconds>{600ms, 2s}));
        QCOMPARE(m_throttle->consecutiveFailures(keyFile.path()), 0);

        QVERIFY(keyFile.unlockWithPassphrase(alice, secretFrom(alicePassphrase)));
        QCOMPARE(m_sleeps.size(), std::size_t(2));
    }

    void keychainSlotRoundTrip()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        QVERIFY(!created->keychainError);
        QVERIFY(created->keyFile.hasKeychainSlot());
        const QString entryKey = QStringLiteral("store-") + created->keyFile.storeId().toString(QUuid::WithoutBraces);
        QCOMPARE(m_keychain->entries.keys(), QStringList{entryKey});
        QCOMPARE(m_keychain->entries.value(entryKey).size(), 32);

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        QVERIFY(opened->hasKeychainSlot());
        Result<SecretBytes> key = opened->unlockWithKeychain();
        QVERIFY2(key, errorText(key).constData());
        QVERIFY(key->equals(created->storeKey));

        Status removed = opened->removeKeychainSlot(created->storeKey);
        QVERIFY(removed);
        QVERIFY(!opened->hasKeychainSlot());
        QVERIFY(m_keychain->entries.isEmpty());
        Result<SecretBytes> afterRemoval = opened->unlockWithKeychain();
        QVERIFY(!afterRemoval);
        QCOMPARE(afterRemoval.error().code, ErrorCode::NotFound);
    }

    void keychainSlotIsReplaced()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        const QByteArray firstEntry = m_keychain->entries.cbegin().value();
        QVERIFY(created->keyFile.addKeychainSlot(created->storeKey, alice, QStringLiteral("lead")));
        QCOMPARE(m_keychain->entries.size(), 1);
        QVERIFY(m_keychain->entries.cbegin().value() != firstEntry);
        QCOMPARE(created->keyFile.listSlots().size(), 2);
        Result<SecretBytes> key = created->keyFile.unlockWithKeychain();
        QVERIFY(key);
        QVERIFY(key->equals(created->storeKey));
    }

    void unavailableKeychainLeavesPassphrase()
    {
        m_keychain->unavailable = true;
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        QVERIFY(created->keychainError);
        QCOMPARE(created->keychainError->code, ErrorCode::KeychainUnavailable);
        QVERIFY(!created->keyFile.hasKeychainSlot());

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        QVERIFY(!opened->hasKeychainSlot());
        Result<SecretBytes> key = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY(key);
        QVERIFY(key->equals(created->storeKey));
    }

    void keychainReadBackMismatchIsUnavailable()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        m_keychain->readBackDiffers = true;

        Status added = created->keyFile.addKeychainSlot(created->storeKey, alice, QStringLiteral("lead"));
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::KeychainUnavailable);
        QVERIFY(added.error().message.startsWith(QStringLiteral("No OS keychain is available")));
        QVERIFY(added.error().message.contains(QStringLiteral("Use the passphrase to unlock")));
        QVERIFY(!created->keyFile.hasKeychainSlot());
        QVERIFY(m_keychain->entries.isEmpty());
        QVERIFY(!readJson(created->keyFile.path()).value(QStringLiteral("slots")).toArray().isEmpty());
        QCOMPARE(readJson(created->keyFile.path()).value(QStringLiteral("slots")).toArray().size(), 1);
    }

    void keychainEntryProblems_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::newRow("entry missing") << QStringLiteral("entry missing");
        QTest::newRow("entry replaced") << QStringLiteral("entry replaced");
        QTest::newRow("entry too short") << QStringLiteral("entry too short");
    }

    void keychainEntryProblems()
    {
        QFETCH(QString, problem);
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        const QString entryKey = m_keychain->entries.cbegin().key();
        if (problem == QLatin1StringView("entry missing"))
            m_keychain->entries.remove(entryKey);
        else if (problem == QLatin1StringView("entry replaced"))
            m_keychain->entries.insert(entryKey, bytesOf(SecretBytes::random(32)));
        else
            m_keychain->entries.insert(entryKey, QByteArray(16, 'k'));

        Result<SecretBytes> key = created->keyFile.unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::Keychain);
        QVERIFY2(key.error().message.contains(entryKey), errorText(key).constData());
        QVERIFY(key.error().message.contains(QStringLiteral("Use the passphrase")));
    }

    void keychainUnavailableAtUnlock()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        m_keychain->unavailable = true;
        Result<SecretBytes> key = created->keyFile.unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::KeychainUnavailable);
    }

    void tamperedKeychainSlotIsDamaged()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        QJsonObject root = readJson(created->keyFile.path());
        QJsonObject slot = slotAt(root, 1);
        QCOMPARE(slot.value(QStringLiteral("type")).toString(), QStringLiteral("keychain"));
        QJsonObject cipher = slot.value(QStringLiteral("cipher")).toObject();
        cipher.insert(QStringLiteral("wrappedKey"), flipBase64Byte(cipher.value(QStringLiteral("wrappedKey")), 0));
        slot.insert(QStringLiteral("cipher"), cipher);
        replaceSlot(root, 1, slot);
        QVERIFY(writeJson(created->keyFile.path(), root));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        Result<SecretBytes> key = opened->unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::StoreDamaged);
    }

    void keychainSlotRecordsUserAndRole()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        const QJsonObject slot = slotAt(readJson(created->keyFile.path()), 1);
        QCOMPARE(slot.value(QStringLiteral("type")).toString(), QStringLiteral("keychain"));
        QCOMPARE(slot.value(QStringLiteral("user")).toString(), alice);
        QCOMPARE(slot.value(QStringLiteral("role")).toString(), QStringLiteral("lead"));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        const SlotInfo info = opened->listSlots().at(1);
        QCOMPARE(info.type, SlotType::Keychain);
        QCOMPARE(info.user, alice);
        QCOMPARE(info.role, QStringLiteral("lead"));
    }

    void keychainSlotUserEdited_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("role");
        QTest::addColumn<ErrorCode>("expected");
        // bob is a read-only user. With both fields his, only the seal stops it.
        QTest::newRow("user and role of another user") << bob << QStringLiteral("readonly") << ErrorCode::Keychain;
        QTest::newRow("role lowered") << alice << QStringLiteral("readonly") << ErrorCode::Keychain;
    }

    void keychainSlotUserEdited()
    {
        QFETCH(QString, user);
        QFETCH(QString, role);
        QFETCH(ErrorCode, expected);
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        QVERIFY(created->keyFile.addPassphraseSlot(created->storeKey, bob, QStringLiteral("readonly"),
            secretFrom(bobPassphrase)));

        // Unchanged checksum: the slot reads as damaged.
        QJsonObject root = readJson(created->keyFile.path());
        QJsonObject slot = slotAt(root, 1);
        QCOMPARE(slot.value(QStringLiteral("type")).toString(), QStringLiteral("keychain"));
        slot.insert(QStringLiteral("user"), user);
        slot.insert(QStringLiteral("role"), role);
        replaceSlot(root, 1, slot);
        QVERIFY(writeJson(created->keyFile.path(), root));
        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        Result<SecretBytes> key = opened->unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::StoreDamaged);

        // Checksum recomputed: the seal or the role check rejects it.
        recomputeChecksum(slot, created->keyFile.storeId());
        replaceSlot(root, 1, slot);
        QVERIFY(writeJson(created->keyFile.path(), root));
        opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        key = opened->unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, expected);
        QVERIFY2(key.error().message.contains(QStringLiteral("Unlock with your passphrase"))
                || key.error().message.contains(QStringLiteral("Use the passphrase")),
            errorText(key).constData());
    }

    void olderKeychainSlotRejected()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);

        // A keychain slot as older versions wrote it: no user or role, and a
        // seal that binds them empty, so that it would open.
        QJsonObject root = readJson(created->keyFile.path());
        std::expected<KeySlot, QString> slot = slotFromJson(slotAt(root, 1));
        QVERIFY(slot.has_value());
        slot->user.clear();
        slot->role.clear();
        const QByteArray wrappingBytes = m_keychain->entries.cbegin().value();
        const SecretBytes wrappingKey =
            SecretBytes::copyOf(wrappingBytes.constData(), static_cast<std::size_t>(wrappingBytes.size()));
        const SealedKey sealed = sealKey(created->storeKey, wrappingKey,
            slotAssociatedData(keyFileFormatVersion, created->keyFile.storeId(), *slot));
        slot->nonce = sealed.nonce;
        slot->wrappedKey = sealed.ciphertext;
        slot->checksum = computeSlotChecksum(keyFileFormatVersion, created->keyFile.storeId(), *slot);
        const QJsonObject oldSlot = slotToJson(*slot);
        QVERIFY(!oldSlot.contains(QStringLiteral("user")));
        replaceSlot(root, 1, oldSlot);
        QVERIFY(writeJson(created->keyFile.path(), root));

        Result<KeyFile> opened = KeyFile::open(storePath(), options());
        QVERIFY(opened);
        QVERIFY(opened->hasKeychainSlot());
        Result<SecretBytes> key = opened->unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::Keychain);
        QVERIFY2(key.error().message.contains(QStringLiteral("older version")), errorText(key).constData());
        QVERIFY(key.error().message.contains(QStringLiteral("Unlock with your passphrase, then set up the keychain "
                                                            "again")));

        // Setting the keychain up again for alice makes it work.
        QVERIFY(opened->addKeychainSlot(created->storeKey, alice, QStringLiteral("lead")));
        key = opened->unlockWithKeychain();
        QVERIFY2(key, errorText(key).constData());
        QVERIFY(key->equals(created->storeKey));
    }

    void removedUsersKeychainSlotRejected()
    {
        Result<NewKeyFile> created = createForAlice(QStringLiteral("school.db"), true);
        QVERIFY(created);
        QVERIFY(created->keyFile.addPassphraseSlot(created->storeKey, bob, QStringLiteral("caseworker"),
            secretFrom(bobPassphrase)));
        QVERIFY(created->keyFile.addKeychainSlot(created->storeKey, bob, QStringLiteral("caseworker")));
        QCOMPARE(created->keyFile.listSlots().at(2).user, bob);
        QVERIFY(created->keyFile.unlockWithKeychain());

        QVERIFY(created->keyFile.removePassphraseSlot(created->storeKey, bob));
        Result<SecretBytes> key = created->keyFile.unlockWithKeychain();
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::Keychain);
        QVERIFY2(key.error().message.contains(bob), errorText(key).constData());
    }

    void addKeychainSlotChecksUser()
    {
        Result<NewKeyFile> created = createForAlice();
        QVERIFY(created);
        Status unknown = created->keyFile.addKeychainSlot(created->storeKey, bob, QStringLiteral("lead"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        Status otherRole = created->keyFile.addKeychainSlot(created->storeKey, alice, QStringLiteral("deputy"));
        QVERIFY(!otherRole);
        QCOMPARE(otherRole.error().code, ErrorCode::InvalidInput);
        QVERIFY(!created->keyFile.hasKeychainSlot());
        QVERIFY(m_keychain->entries.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeyFile)
#include "tst_keys_keyfile.moc"
