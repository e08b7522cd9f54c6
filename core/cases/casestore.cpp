#include "casestore.h"

#include "keys/failedunlockjournal.h"
#include "keys/keyfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcCaseStore, "earlyhelp.core.casestore", QtInfoMsg)

namespace earlyhelp {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::CaseStore)
};

const QString leadRole = QStringLiteral("lead");
const QString lastStoreKey = QStringLiteral("store/lastPath");

// Removes what a failed set-up left at path: the store, its WAL and shared
// memory files, and the key file.
void removeStoreFiles(const QString& path)
{
    const QStringList files = {path, path + u"-wal", path + u"-shm", keys::KeyFile::pathForStore(path)};
    for (const QString& file : files)
        QFile::remove(file);
}

QStringList usersWithPassphrase(const keys::KeyFile& keyFile)
{
    QStringList users;
    for (const keys::SlotInfo& slot : keyFile.listSlots()) {
        if (slot.type == keys::SlotType::Passphrase)
            users += slot.user;
    }
    return users;
}

// Opens the store at path with the session's key, which is wiped afterwards.
Result<UnlockedStore> openUnlocked(const QString& path, access::UnlockedSession session)
{
    Result<std::unique_ptr<Store>> store = Store::open(path, session.storeKey);
    SecretBytes failureSecretKey = keys::failureSecretKey(session.storeKey);
    session.storeKey.clear();
    if (!store)
        return std::unexpected(store.error());
    return UnlockedStore{std::move(*store), std::move(session.actor), std::move(failureSecretKey)};
}

} // namespace

QString defaultStorePath()
{
    const QString fromEnvironment = qEnvironmentVariable("EARLYHELP_STORE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString last = QSettings().value(lastStoreKey).toString();
    if (!last.isEmpty() && storeExists(last))
        return last;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/cases.ehstore";
}

void rememberStorePath(const QString& path)
{
    QSettings().setValue(lastStoreKey, QFileInfo(path).absoluteFilePath());
}

bool storeExists(const QString& path)
{
    return QFileInfo::exists(path) || QFileInfo::exists(keys::KeyFile::pathForStore(path));
}

Result<NewStore> setUpStore(NewStoreRequest request)
{
    if (request.path.isEmpty())
        return makeError(ErrorCode::InvalidInput, Text::tr("Choose where the case store is kept."));
    if (storeExists(request.path))
        return makeError(ErrorCode::AlreadyExists,
                         Text::tr("A case store already exists at %1. Open it, or choose another file.").arg(request.path));
    if (auto valid = normaliseOrganisation(request.organisation); !valid)
        return std::unexpected(valid.error());

    const QString folder = QFileInfo(request.path).absolutePath();
    if (!QDir().mkpath(folder))
        return makeError(ErrorCode::Io,
                         Text::tr("The folder %1 could not be created. Choose a folder you can write to.").arg(folder));

    auto keyFile = keys::KeyFile::create(request.path, request.userName, leadRole, request.passphrase,
                                         request.useKeychain);
    request.passphrase.clear();
    if (!keyFile)
        return std::unexpected(keyFile.error());

    // Undoes the set-up so far: the keychain entry, the store and key files.
    auto discard = [&](std::unique_ptr<Store> store) {
        store.reset();
        if (keyFile->keyFile.hasKeychainSlot()) {
            if (auto removed = keyFile->keyFile.removeKeychainSlot(keyFile->storeKey); !removed)
                qCWarning(lcCaseStore) << "removing the keychain entry of a failed set-up failed:"
                                       << removed.error().message;
        }
        keyFile->storeKey.clear();
        removeStoreFiles(request.path);
    };

    auto store = Store::create(request.path, keyFile->storeKey);
    if (!store) {
        discard(nullptr);
        return std::unexpected(store.error());
    }

    // The first user is the designated safeguarding lead, who creates the
    // organisation record.
    (*store)->setAuditActor(request.userName, access::roleCode(access::Role::Lead));
    auto organisation = createLocalOrganisation(**store, request.organisation);
    if (!organisation) {
        discard(std::move(*store));
        return std::unexpected(organisation.error());
    }
    keyFile->storeKey.clear();

    qCInfo(lcCaseStore) << "set up a new case store, keychain slot:"
                        << (request.useKeychain && !keyFile->keychainError);
    NewStore created;
    created.store = std::move(*store);
    created.organisation = std::move(*organisation);
    if (keyFile->keychainError)
        created.keychainProblem = keyFile->keychainError->message;
    return created;
}

Result<QStringList> passphraseUsers(const QString& path)
{
    auto keyFile = keys::KeyFile::open(path);
    if (!keyFile)
        return std::unexpected(keyFile.error());
    return usersWithPassphrase(*keyFile);
}

Result<UnlockedStore> unlockWithPassphrase(const QString& path, const QString& user,
                                           const SecretBytes& passphrase)
{
    auto keyFile = keys::KeyFile::open(path);
    if (!keyFile)
        return std::unexpected(keyFile.error());

    QString slotUser = user;
    if (slotUser.isEmpty()) {
        const QStringList users = usersWithPassphrase(*keyFile);
        if (users.size() != 1)
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("The store %1 has %n users; name the one whose passphrase this is.", nullptr,
                                      static_cast<int>(users.size()))
                                 .arg(path));
        slotUser = users.first();
    }

    Result<access::UnlockedSession> session = access::unlockAsUser(*keyFile, slotUser, passphrase);
    if (!session)
        return std::unexpected(session.error());
    return openUnlocked(path, std::move(*session));
}

Result<UnlockedStore> unlockWithKeychain(const QString& path)
{
    auto keyFile = keys::KeyFile::open(path);
    if (!keyFile)
        return std::unexpected(keyFile.error());
    Result<access::UnlockedSession> session = access::unlockWithKeychainAsUser(*keyFile);
    if (!session)
        return std::unexpected(session.error());
    return openUnlocked(path, std::move(*session));
}

Status setUpKeychain(const QString& path, const QString& user, const SecretBytes& passphrase)
{
    auto keyFile = keys::KeyFile::open(path);
    if (!keyFile)
        return std::unexpected(keyFile.error());
    Result<access::UnlockedSession> session = access::unlockAsUser(*keyFile, user, passphrase);
    if (!session)
        return std::unexpected(session.error());
    Status added = keyFile->addKeychainSlot(session->storeKey, session->actor.user, session->actor.roleCode);
    session->storeKey.clear();
    return added;
}

bool hasKeychainSlot(const QString& path)
{
    auto keyFile = keys::KeyFile::open(path);
    return keyFile && keyFile->hasKeychainSlot();
}

} // namespace earlyhelp
