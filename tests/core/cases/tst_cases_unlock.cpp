// Unlocking a real store through casestore: by passphrase and through the OS
// keychain, each giving the Actor of the slot that opened. Needs a Secret
// Service, so CTest runs it inside scripts/with-keyring.

#include "access/role.h"
#include "cases/casestore.h"
#include "common/secretbytes.h"
#include "keys/keyfile.h"
#include "keys/keyfileformat.h"
#include "keys/keyslot.h"
#include "keys/oskeychain.h"
#include "keys/slotcrypto.h"
#include "store/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;

Q_DECLARE_METATYPE(earlyhelp::ErrorCode)

namespace {

const QString lead = QStringLiteral("Sam Patel");
const QString reader = QStringLiteral("Robin Reed");
const QString leadPassphrase = QStringLiteral("wren close safeguarding 2026");
const QString readerPassphrase = QStringLiteral("tuesday rain over the allotment");

SecretBytes secretFrom(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return SecretBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size()));
}

template <typename T> QByteArray errorText(const std::expected<T, Error>& result) {
    return result ? QByteArray() : result.error().message.toUtf8();
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeJson(const QString& path, const QJsonObject& object) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(object).toJson()) > 0;
}

} // namespace

class TestCasesUnlock : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void passphraseGivesSlotActor();
    void passphraseOfSecondUserGivesTheirRole();
    void keychainGivesCreatorAsLead();
    void keychainSlotUserEdited_data();
    void keychainSlotUserEdited();
    void olderKeychainSlotRejected();
    void keychainSetUpForOtherUser();

private:
    [[nodiscard]] QString keyFilePath() const { return keys::KeyFile::pathForStore(m_storePath); }
    // Replaces one field of the keychain slot in the key file.
    void editKeychainSlot(const QString& field, const QJsonValue& value);

    std::unique_ptr<QTemporaryDir> m_folder;
    QString m_storePath;
};

void TestCasesUnlock::initTestCase() {
    // scripts/with-keyring names its throwaway folder. Without it, this test
    // would write to the user's own keyring.
    if (qEnvironmentVariableIsEmpty("WITH_KEYRING_FOLDER"))
        QSKIP("needs the private keyring of scripts/with-keyring");
}

void TestCasesUnlock::init() {
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    m_storePath = m_folder->filePath(QStringLiteral("wren.ehstore"));

    NewStoreRequest request;
    request.path = m_storePath;
    request.organisation.name = QStringLiteral("Wren Close Primary School");
    request.organisation.dfeUrn = QStringLiteral("199992");
    request.userName = lead;
    request.passphrase = secretFrom(leadPassphrase);
    request.useKeychain = true;
    Result<NewStore> created = setUpStore(std::move(request));
    QVERIFY2(created, errorText(created).constData());
    QVERIFY2(created->keychainProblem.isEmpty(), qPrintable(created->keychainProblem));
}

void TestCasesUnlock::cleanup() {
    // Removes the keychain entry, so that runs leave nothing behind.
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(m_storePath);
    if (keyFile)
        (void)keys::OsKeychain().deleteSecret(keys::keychainKeyForStore(keyFile->storeId()));
    m_folder.reset();
}

void TestCasesUnlock::editKeychainSlot(const QString& field, const QJsonValue& value) {
    QJsonObject root = readJson(keyFilePath());
    QJsonArray keySlots = root.value(QStringLiteral("slots")).toArray();
    for (qsizetype index = 0; index < keySlots.size(); ++index) {
        QJsonObject slot = keySlots.at(index).toObject();
        if (slot.value(QStringLiteral("type")).toString() != u"keychain")
            continue;
        if (value.isUndefined())
            slot.remove(field);
        else
            slot.insert(field, value);
        keySlots.replace(index, slot);
    }
    root.insert(QStringLiteral("slots"), keySlots);
    QVERIFY(writeJson(keyFilePath(), root));
}

void TestCasesUnlock::passphraseGivesSlotActor() {
    // A different spelling of the name finds the slot, and the slot's
    // spelling becomes the Actor's.
    Result<UnlockedStore> unlocked =
        unlockWithPassphrase(m_storePath, lead.toUpper(), secretFrom(leadPassphrase));
    QVERIFY2(unlocked, errorText(unlocked).constData());
    QVERIFY(unlocked->store);
    QCOMPARE(unlocked->actor.user, lead);
    QCOMPARE(unlocked->actor.roleCode, access::roleCode(access::Role::Lead));
}

void TestCasesUnlock::passphraseOfSecondUserGivesTheirRole() {
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(m_storePath);
    QVERIFY(keyFile);
    Result<SecretBytes> storeKey = keyFile->unlockWithPassphrase(lead, secretFrom(leadPassphrase));
    QVERIFY(storeKey);
    QVERIFY(keyFile->addPassphraseSlot(*storeKey, reader, access::roleCode(access::Role::ReadOnly),
                                       secretFrom(readerPassphrase)));

    Result<UnlockedStore> unlocked = unlockWithPassphrase(m_storePath, reader, secretFrom(readerPassphrase));
    QVERIFY2(unlocked, errorText(unlocked).constData());
    QCOMPARE(unlocked->actor.user, reader);
    QCOMPARE(unlocked->actor.roleCode, access::roleCode(access::Role::ReadOnly));

    // The lead's passphrase does not open the reader's slot.
    Result<UnlockedStore> crossed = unlockWithPassphrase(m_storePath, reader, secretFrom(leadPassphrase));
    QVERIFY(!crossed);
    QCOMPARE(crossed.error().code, ErrorCode::WrongPassphrase);
}

void TestCasesUnlock::keychainGivesCreatorAsLead() {
    QVERIFY(hasKeychainSlot(m_storePath));
    Result<UnlockedStore> unlocked = unlockWithKeychain(m_storePath);
    QVERIFY2(unlocked, errorText(unlocked).constData());
    QVERIFY(unlocked->store);
    QCOMPARE(unlocked->actor.user, lead);
    QCOMPARE(unlocked->actor.roleCode, access::roleCode(access::Role::Lead));
}

void TestCasesUnlock::keychainSlotUserEdited_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("user renamed") << QStringLiteral("user") << reader;
    QTest::newRow("role lowered") << QStringLiteral("role") << QStringLiteral("readonly");
    QTest::newRow("role unknown") << QStringLiteral("role") << QStringLiteral("admin");
}

void TestCasesUnlock::keychainSlotUserEdited() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    editKeychainSlot(field, value);

    Result<UnlockedStore> unlocked = unlockWithKeychain(m_storePath);
    QVERIFY(!unlocked);
    QCOMPARE(unlocked.error().code, ErrorCode::StoreDamaged);

    // The lead's passphrase still opens the store.
    Result<UnlockedStore> byPassphrase = unlockWithPassphrase(m_storePath, lead, secretFrom(leadPassphrase));
    QVERIFY2(byPassphrase, errorText(byPassphrase).constData());
    QCOMPARE(byPassphrase->actor.roleCode, access::roleCode(access::Role::Lead));
}

void TestCasesUnlock::olderKeychainSlotRejected() {
    // A keychain slot as older versions wrote it: no user or role, sealed
    // with them empty under the wrapping key in the keychain, so that only
    // the missing user stops it.
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(m_storePath);
    QVERIFY(keyFile);
    Result<SecretBytes> storeKey = keyFile->unlockWithPassphrase(lead, secretFrom(leadPassphrase));
    QVERIFY(storeKey);
    Result<SecretBytes> wrappingKey =
        keys::OsKeychain().readSecret(keys::keychainKeyForStore(keyFile->storeId()));
    QVERIFY2(wrappingKey, errorText(wrappingKey).constData());

    QJsonObject root = readJson(keyFilePath());
    QJsonArray keySlots = root.value(QStringLiteral("slots")).toArray();
    QCOMPARE(keySlots.size(), 2);
    std::expected<keys::KeySlot, QString> slot = keys::slotFromJson(keySlots.at(1).toObject());
    QVERIFY(slot.has_value());
    QCOMPARE(slot->type, keys::SlotType::Keychain);
    slot->user.clear();
    slot->role.clear();
    const keys::SealedKey sealed =
        keys::sealKey(*storeKey, *wrappingKey,
                      keys::slotAssociatedData(keys::keyFileFormatVersion, keyFile->storeId(), *slot));
    slot->nonce = sealed.nonce;
    slot->wrappedKey = sealed.ciphertext;
    slot->checksum = keys::computeSlotChecksum(keys::keyFileFormatVersion, keyFile->storeId(), *slot);
    keySlots.replace(1, keys::slotToJson(*slot));
    root.insert(QStringLiteral("slots"), keySlots);
    QVERIFY(writeJson(keyFilePath(), root));

    Result<UnlockedStore> unlocked = unlockWithKeychain(m_storePath);
    QVERIFY(!unlocked);
    QCOMPARE(unlocked.error().code, ErrorCode::Keychain);
    QVERIFY2(unlocked.error().message.contains(QStringLiteral("older version")),
             errorText(unlocked).constData());
    QVERIFY(unlocked.error().message.contains(QStringLiteral("Unlock with your passphrase")));

    // Setting the keychain up again, as the lead, opens the store as the lead.
    Status set = setUpKeychain(m_storePath, lead, secretFrom(leadPassphrase));
    QVERIFY2(set, set ? "" : set.error().message.toUtf8().constData());
    Result<UnlockedStore> again = unlockWithKeychain(m_storePath);
    QVERIFY2(again, errorText(again).constData());
    QCOMPARE(again->actor.user, lead);
    QCOMPARE(again->actor.roleCode, access::roleCode(access::Role::Lead));
}

void TestCasesUnlock::keychainSetUpForOtherUser()
{
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(m_storePath);
    QVERIFY(keyFile);
    Result<SecretBytes> storeKey = keyFile->unlockWithPassphrase(lead, secretFrom(leadPassphrase));
    QVERIFY(storeKey);
    QVERIFY(keyFile->addPassphraseSlot(*storeKey, reader, access::roleCode(access::Role::ReadOnly),
                                       secretFrom(readerPassphrase)));

    // A wrong passphrase sets nothing up, and the lead's slot stays.
    Status wrong = setUpKeychain(m_storePath, reader, secretFrom(leadPassphrase));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::WrongPassphrase);
    Result<UnlockedStore> asLead = unlockWithKeychain(m_storePath);
    QVERIFY2(asLead, errorText(asLead).constData());
    QCOMPARE(asLead->actor.user, lead);
    asLead->store.reset();

    Status set = setUpKeychain(m_storePath, reader, secretFrom(readerPassphrase));
    QVERIFY2(set, set ? "" : set.error().message.toUtf8().constData());
    Result<UnlockedStore> asReader = unlockWithKeychain(m_storePath);
    QVERIFY2(asReader, errorText(asReader).constData());
    QCOMPARE(asReader->actor.user, reader);
    QCOMPARE(asReader->actor.roleCode, access::roleCode(access::Role::ReadOnly));
}

QTEST_GUILESS_MAIN(TestCasesUnlock)
#include "tst_cases_unlock.moc"
