#include "keys/failedunlockjournal.h"

#include "keys/logging.h"

#include <sodium.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutex>
#include <QMutexLocker>
#include <QSaveFile>

namespace earlyhelp::keys {

namespace {

// crypto_kdf contexts are exactly 8 bytes.
constexpr char failureKeyContext[crypto_kdf_CONTEXTBYTES + 1] = "EHfailun";
constexpr std::uint64_t failureKeySubkeyId = 1;

// Largest journal read, in bytes. A record is about 200 bytes and each wrong
// passphrase costs at least one Argon2 derivation, so a journal this large
// means tens of thousands of attempts since the last unlock.
constexpr qint64 maximumJournalSize = 16 * 1024 * 1024;

// The sealed details are padded to a multiple of this many bytes, so a
// typed name of up to about 60 bytes does not change a record's length.
constexpr qsizetype sealedDetailsBlock = 128;

// How long an append or a removal waits for another process that holds the
// key file's lock. Both take milliseconds.
constexpr int lockTimeoutMilliseconds = 2'000;

const QString attemptedAtField = QStringLiteral("attemptedAt");
const QString unlockedAtField = QStringLiteral("unlockedAt");
const QString sealedField = QStringLiteral("sealed");
const QString typedUserField = QStringLiteral("typedUser");
const QString viaField = QStringLiteral("via");

QMutex clientMutex;
QString& clientName() {
    static QString name = QStringLiteral("app");
    return name;
}

QString isoTime(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Derives the seed of the failure key pair. Empty when storeKey has the wrong size.
SecretBytes failureSeed(const SecretBytes& storeKey) {
    if (!ensureSodiumInitialised() || storeKey.size() != crypto_kdf_KEYBYTES)
        return {};
    SecretBytes seed(crypto_box_SEEDBYTES);
    if (crypto_kdf_derive_from_key(seed.data(), seed.size(), failureKeySubkeyId, failureKeyContext,
                                   storeKey.data()) != 0)
        return {};
    return seed;
}

Error writeError(const QString& path, const QString& detail) {
    return Error{ErrorCode::Io, QCoreApplication::translate(
                                    "earlyhelp::Keys", "The failed-unlock journal %1 could not be written "
                                                       "(%2). Check that your account may write to the "
                                                       "folder %3.")
                                    .arg(QDir::toNativeSeparators(path), detail,
                                         QDir::toNativeSeparators(QFileInfo(path).absolutePath()))};
}

JournalEntry unreadable(const QString& problem) {
    JournalEntry entry;
    entry.kind = JournalEntry::Kind::Unreadable;
    entry.problem = problem;
    return entry;
}

JournalEntry parseLine(const QByteArray& line) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return unreadable(
            QStringLiteral("the line is not a complete JSON object, so it was cut short or edited"));
    const QJsonObject object = document.object();

    JournalEntry entry;
    if (object.contains(unlockedAtField)) {
        entry.kind = JournalEntry::Kind::Success;
        entry.at = QDateTime::fromString(object.value(unlockedAtField).toString(), Qt::ISODateWithMs);
        if (!entry.at.isValid())
            return unreadable(QStringLiteral("the unlock marker has no valid time"));
        return entry;
    }

    entry.kind = JournalEntry::Kind::Failure;
    entry.at = QDateTime::fromString(object.value(attemptedAtField).toString(), Qt::ISODateWithMs);
    if (!entry.at.isValid())
        return unreadable(QStringLiteral("the record has no valid attempt time"));
    if (object.contains(sealedField)) {
        const QByteArray::FromBase64Result sealed = QByteArray::fromBase64Encoding(
            object.value(sealedField).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!sealed || sealed.decoded.size() <= qsizetype(crypto_box_SEALBYTES)) {
            JournalEntry broken =
                unreadable(QStringLiteral("the sealed part of the record is not valid Base64"));
            broken.at = entry.at;
            return broken;
        }
        entry.sealed = sealed.decoded;
    }
    return entry;
}

// Appends line to the file at path in one write, with O_APPEND semantics. A
// line ending goes first when the file ends in a partial line, so that the
// new record does not join it.
Status appendLine(const QString& path, const QString& keyFilePath, QByteArray line) {
    QLockFile lock(keyFilePath + QStringLiteral(".lock"));
    // Appending without the lock is better than losing the record, although
    // a removal running at the same time may then drop it.
    const bool locked = lock.tryLock(lockTimeoutMilliseconds);
    if (!locked)
        qCWarning(lcKeys) << "Appending to" << path << "without the key file lock:" << lock.error();

    {
        QFile existing(path);
        if (existing.size() > 0 && existing.open(QIODevice::ReadOnly) && existing.seek(existing.size() - 1) &&
            existing.read(1) != "\n") {
            line.prepend('\n');
        }
    }

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return std::unexpected(writeError(path, file.errorString()));
    }
    if (file.write(line) != line.size())
        return std::unexpected(writeError(path, file.errorString()));
    if (!file.flush())
        return std::unexpected(writeError(path, file.errorString()));
    return {};
}

} // namespace

QByteArray failurePublicKey(const SecretBytes& storeKey) {
    const SecretBytes seed = failureSeed(storeKey);
    if (seed.size() == 0)
        return {};
    QByteArray publicKey(qsizetype(crypto_box_PUBLICKEYBYTES), '\0');
    SecretBytes secretKey(crypto_box_SECRETKEYBYTES);
    crypto_box_seed_keypair(reinterpret_cast<unsigned char*>(publicKey.data()), secretKey.data(),
                            seed.data());
    return publicKey;
}

SecretBytes failureSecretKey(const SecretBytes& storeKey) {
    const SecretBytes seed = failureSeed(storeKey);
    if (seed.size() == 0)
        return {};
    unsigned char publicKey[crypto_box_PUBLICKEYBYTES];
    SecretBytes secretKey(crypto_box_SECRETKEYBYTES);
    crypto_box_seed_keypair(publicKey, secretKey.data(), seed.data());
    return secretKey;
}

void setFailedUnlockClient(const QString& via) {
    const QMutexLocker locker(&clientMutex);
    clientName() = via;
}

QString failedUnlockClient() {
    const QMutexLocker locker(&clientMutex);
    return clientName();
}

FailedUnlockJournal::FailedUnlockJournal(const QString& keyFilePath)
    : m_path(pathForKeyFile(keyFilePath))
    , m_keyFilePath(keyFilePath) {}

QString FailedUnlockJournal::pathForKeyFile(const QString& keyFilePath) {
    return keyFilePath + QStringLiteral(".failed-unlocks");
}

Status FailedUnlockJournal::appendFailure(const QByteArray& failureKey, const QString& typedUser,
                                          const QDateTime& attemptedAt) const {
    QJsonObject record{{attemptedAtField, isoTime(attemptedAt)}};
    if (failureKey.size() == qsizetype(failureKeyBytes) && ensureSodiumInitialised()) {
        QByteArray details = QJsonDocument(QJsonObject{{typedUserField, typedUser},
                                                       {attemptedAtField, isoTime(attemptedAt)},
                                                       {viaField, failedUnlockClient()}})
                                 .toJson(QJsonDocument::Compact);
        // Trailing spaces, which JSON ignores, hide the length of the typed
        // name up to the next multiple of sealedDetailsBlock bytes.
        const qsizetype padding = sealedDetailsBlock - details.size() % sealedDetailsBlock;
        details.append(QByteArray(padding, ' '));
        QByteArray sealed(details.size() + qsizetype(crypto_box_SEALBYTES), '\0');
        crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()),
                        reinterpret_cast<const unsigned char*>(details.constData()),
                        std::size_t(details.size()),
                        reinterpret_cast<const unsigned char*>(failureKey.constData()));
        record.insert(sealedField, QString::fromLatin1(sealed.toBase64()));
    }
    return appendLine(m_path, m_keyFilePath, QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n');
}

Status FailedUnlockJournal::appendSuccess(const QDateTime& unlockedAt) const {
    if (QFileInfo(m_path).size() <= 0)
        return {};
    const QJsonObject marker{{unlockedAtField, isoTime(unlockedAt)}};
    return appendLine(m_path, m_keyFilePath, QJsonDocument(marker).toJson(QJsonDocument::Compact) + '\n');
}

Result<JournalSnapshot> FailedUnlockJournal::read() const {
    const QString nativePath = QDir::toNativeSeparators(m_path);
    QFile file(m_path);
    if (!file.exists())
        return JournalSnapshot{};
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            file.error() == QFileDevice::PermissionsError ? ErrorCode::PermissionDenied : ErrorCode::Io,
            QCoreApplication::translate(
                "earlyhelp::Keys",
                "The failed-unlock journal %1 could not be read (%2). Check that your account may read it.")
                .arg(nativePath, file.errorString()));
    }
    if (file.size() > maximumJournalSize) {
        return makeError(
            ErrorCode::StoreDamaged,
            QCoreApplication::translate("earlyhelp::Keys",
                                        "The failed-unlock journal %1 is %2 bytes long, more than %3. Move "
                                        "it out of the folder, keep it "
                                        "for investigation, and report it to your data protection officer.")
                .arg(nativePath)
                .arg(file.size())
                .arg(maximumJournalSize));
    }

    JournalSnapshot snapshot;
    snapshot.modified = QFileInfo(file).lastModified().toUTC();
    snapshot.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return makeError(ErrorCode::Io, QCoreApplication::translate(
                                            "earlyhelp::Keys",
                                            "The failed-unlock journal %1 could not be read (%2). Try again.")
                                            .arg(nativePath, file.errorString()));
    }

    const QList<QByteArray> lines = snapshot.bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        const bool last = i == lines.size() - 1;
        if (line.trimmed().isEmpty())
            continue;
        if (last) {
            // The file does not end with a line ending, so the last write was cut short.
            snapshot.entries.append(unreadable(QStringLiteral("the last record was only partly written")));
            continue;
        }
        snapshot.entries.append(parseLine(line));
    }
    return snapshot;
}

Status FailedUnlockJournal::removeSnapshot(const JournalSnapshot& snapshot) const {
    if (snapshot.bytes.isEmpty())
        return {};

    QLockFile lock(m_keyFilePath + QStringLiteral(".lock"));
    if (!lock.tryLock(lockTimeoutMilliseconds)) {
        return std::unexpected(writeError(
            m_path,
            QCoreApplication::translate("earlyhelp::Keys",
                                        "the key file is locked by another process; try again in a moment")));
    }

    Result<JournalSnapshot> current = read();
    if (!current)
        return std::unexpected(current.error());
    if (!current->bytes.startsWith(snapshot.bytes)) {
        // Another file is there now, so its lines wait for the next unlock.
        return std::unexpected(
            writeError(m_path, QCoreApplication::translate(
                                   "earlyhelp::Keys", "it was replaced while its records were being read")));
    }

    const QByteArray rest = current->bytes.mid(snapshot.bytes.size());
    if (rest.isEmpty()) {
        QFile file(m_path);
        if (!file.remove())
            return std::unexpected(writeError(m_path, file.errorString()));
        return {};
    }

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(rest) != rest.size() || !file.commit()) {
        return std::unexpected(writeError(m_path, file.errorString()));
    }
    return {};
}

RecentFailures FailedUnlockJournal::recentFailures(const JournalSnapshot& snapshot) {
    RecentFailures recent;
    for (const JournalEntry& entry : snapshot.entries) {
        if (entry.kind == JournalEntry::Kind::Success) {
            recent = {};
            continue;
        }
        ++recent.count;
        const QDateTime at = entry.at.isValid() ? entry.at : snapshot.modified;
        if (at.isValid() && (!recent.last.isValid() || at > recent.last))
            recent.last = at;
    }
    return recent;
}

QList<FailedUnlockRecord> FailedUnlockJournal::openFailures(const JournalSnapshot& snapshot,
                                                            const SecretBytes& secretKey) {
    unsigned char publicKey[crypto_box_PUBLICKEYBYTES];
    const bool haveKey = secretKey.size() == crypto_box_SECRETKEYBYTES && ensureSodiumInitialised() &&
                         crypto_scalarmult_base(publicKey, secretKey.data()) == 0;

    QList<FailedUnlockRecord> records;
    for (const JournalEntry& entry : snapshot.entries) {
        if (entry.kind == JournalEntry::Kind::Success)
            continue;
        FailedUnlockRecord record;
        record.attemptedAt = entry.at;
        if (entry.kind == JournalEntry::Kind::Unreadable) {
            record.problem = entry.problem;
            records.append(record);
            continue;
        }
        if (entry.sealed.isEmpty()) {
            record.problem =
                QStringLiteral("the key file had no failure key when the attempt was recorded, so the "
                               "typed user name was not kept");
            records.append(record);
            continue;
        }

        SecretBytes opened(std::size_t(entry.sealed.size()) - crypto_box_SEALBYTES);
        if (!haveKey || crypto_box_seal_open(
                            opened.data(), reinterpret_cast<const unsigned char*>(entry.sealed.constData()),
                            std::size_t(entry.sealed.size()), publicKey, secretKey.data()) != 0) {
            record.problem =
                QStringLiteral("the sealed part of the record does not open with the store's key");
            records.append(record);
            continue;
        }
        const QJsonDocument document = QJsonDocument::fromJson(
            QByteArray(reinterpret_cast<const char*>(opened.data()), qsizetype(opened.size())));
        const QJsonObject details = document.object();
        const QDateTime sealedAt =
            QDateTime::fromString(details.value(attemptedAtField).toString(), Qt::ISODateWithMs);
        if (!document.isObject() || !details.value(typedUserField).isString() || !sealedAt.isValid()) {
            record.problem = QStringLiteral("the sealed part of the record is not a well-formed record");
            records.append(record);
            continue;
        }
        // The sealed time is the one the writer set, because the time in the
        // clear could have been edited.
        record.attemptedAt = sealedAt;
        record.typedUser = details.value(typedUserField).toString();
        record.via = details.value(viaField).toString();
        records.append(record);
    }
    return records;
}

} // namespace earlyhelp::keys
