#include "keys/keyfileformat.h"

#include "keys/failedunlockjournal.h"
#include "keys/logging.h"
#include "keys/slotcrypto.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSet>

namespace earlyhelp::keys {

namespace {

const QString formatName = QStringLiteral("earlyhelp.keyfile");

std::unexpected<Error> damaged(const QString& path, const QString& detail)
{
    return makeError(ErrorCode::StoreDamaged,
        QCoreApplication::translate("earlyhelp::Keys",
            "The key file %1 is damaged (%2). Restore it from a backup, or ask your Early Help lead to restore it.")
            .arg(QDir::toNativeSeparators(path), detail));
}

Result<QList<KeySlot>> parseSlots(const QJsonValue& value, const QString& path)
{
    if (!value.isArray()) {
        return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "the field \"%1\" is missing or not a list")
                                 .arg(QStringLiteral("slots")));
    }

    QList<KeySlot> keySlots;
    QSet<QUuid> ids;
    QSet<QString> users;
    bool hasKeychainSlot = false;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::expected<KeySlot, QString> slot = slotFromJson(array.at(i).toObject());
        if (!slot) {
            return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "slot %1: %2")
                                     .arg(QString::number(i + 1), slot.error()));
        }
        if (ids.contains(slot->id)) {
            return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "the slot id %1 appears twice")
                                     .arg(slot->id.toString(QUuid::WithoutBraces)));
        }
        ids.insert(slot->id);

        if (slot->type == SlotType::Keychain) {
            if (hasKeychainSlot)
                return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "there are two OS keychain slots"));
            hasKeychainSlot = true;
        } else {
            const QString userKey = slot->user.toCaseFolded();
            if (users.contains(userKey)) {
                return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "the user %1 has two passphrase slots")
                                         .arg(slot->user));
            }
            users.insert(userKey);
        }
        keySlots.append(*slot);
    }
    return keySlots;
}

} // namespace

Result<KeyFileContents> parseKeyFile(const QByteArray& json, const QString& path)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "it is not valid JSON: %1 at byte %2")
                                 .arg(parseError.errorString(), QString::number(parseError.offset)));
    }
    if (!document.isObject())
        return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "it is not a JSON object"));
    const QJsonObject root = document.object();

    if (root.value(QStringLiteral("format")).toString() != formatName) {
        return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "the field \"format\" is not \"%1\"")
                                 .arg(formatName));
    }

    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    const int version = versionValue.toInt(0);
    if (!versionValue.isDouble() || version < 1)
        return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "the field \"version\" is not a positive whole number"));
    if (version > keyFileFormatVersion) {
        return makeError(ErrorCode::SchemaTooNew,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 was written by a newer version of Early Help Case Manager (key file format %2; "
                "this version reads format %3). Install the newer version to unlock this store.")
                .arg(QDir::toNativeSeparators(path), QString::number(version),
                    QString::number(keyFileFormatVersion)));
    }

    KeyFileContents contents;
    contents.storeId = QUuid::fromString(root.value(QStringLiteral("storeId")).toString());
    if (contents.storeId.isNull())
        return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "the field \"storeId\" is not a UUID"));

    const QByteArray::FromBase64Result keyCheck = QByteArray::fromBase64Encoding(
        root.value(QStringLiteral("keyCheck")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!keyCheck || static_cast<std::size_t>(keyCheck.decoded.size()) != digestBytes)
        return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "the field \"keyCheck\" is missing or has the wrong length"));
    contents.keyCheck = keyCheck.decoded;

    if (root.contains(QStringLiteral("failureKey"))) {
        const QByteArray::FromBase64Result failureKey = QByteArray::fromBase64Encoding(
            root.value(QStringLiteral("failureKey")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        // A bad failure key does not keep the store locked: the next
        // successful unlock writes the right one.
        if (failureKey && static_cast<std::size_t>(failureKey.decoded.size()) == failureKeyBytes)
            contents.failureKey = failureKey.decoded;
        else
            qCWarning(lcKeys) << "Ignoring the field failureKey of" << path << "because it is not 32 bytes of Base64";
    }

    Result<QList<KeySlot>> keySlots = parseSlots(root.value(QStringLiteral("slots")), path);
    if (!keySlots)
        return std::unexpected(keySlots.error());
    contents.keySlots = std::move(*keySlots);
    return contents;
}

QByteArray serializeKeyFile(const KeyFileContents& contents)
{
    QJsonArray keySlots;
    for (const KeySlot& slot : contents.keySlots)
        keySlots.append(slotToJson(slot));

    QJsonObject root;
    root.insert(QStringLiteral("format"), formatName);
    root.insert(QStringLiteral("version"), keyFileFormatVersion);
    root.insert(QStringLiteral("storeId"), contents.storeId.toString(QUuid::WithoutBraces));
    root.insert(QStringLiteral("keyCheck"), QString::fromLatin1(contents.keyCheck.toBase64()));
    if (!contents.failureKey.isEmpty())
        root.insert(QStringLiteral("failureKey"), QString::fromLatin1(contents.failureKey.toBase64()));
    root.insert(QStringLiteral("slots"), keySlots);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<KeyFileContents> readKeyFile(const QString& path)
{
    const QString nativePath = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.exists()) {
        return makeError(ErrorCode::NotFound,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 was not found. It must be in the same folder as the case store; "
                "copy it there from where the store was set up or from a backup.")
                .arg(nativePath));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        const bool denied = file.error() == QFileDevice::PermissionsError;
        return makeError(denied ? ErrorCode::PermissionDenied : ErrorCode::Io,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 could not be read (%2). Check that your account may read it.")
                .arg(nativePath, file.errorString()));
    }
    if (file.size() > maximumKeyFileSize) {
        return damaged(path, QCoreApplication::translate("earlyhelp::Keys", "it is %1 bytes long, more than a key file can be")
                                 .arg(file.size()));
    }
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return makeError(ErrorCode::Io,
            QCoreApplication::translate("earlyhelp::Keys", "The key file %1 could not be read (%2). Try again.")
                .arg(nativePath, file.errorString()));
    }
    return parseKeyFile(json, path);
}

Status writeKeyFile(const QString& path, const KeyFileContents& contents)
{
    const QString nativePath = QDir::toNativeSeparators(path);
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const bool denied = file.error() == QFileDevice::PermissionsError || file.error() == QFileDevice::OpenError;
        return makeError(denied ? ErrorCode::PermissionDenied : ErrorCode::Io,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 could not be written (%2). Check that the folder %3 exists and that your account "
                "may write to it.")
                .arg(nativePath, file.errorString(), folder));
    }

    const QByteArray json = serializeKeyFile(contents);
    if (file.write(json) != json.size() || !file.commit()) {
        const bool full = file.error() == QFileDevice::ResourceError;
        return makeError(full ? ErrorCode::DiskFull : ErrorCode::Io,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key file %1 could not be written (%2); the previous version is unchanged. "
                "Free some disk space or check the folder %3, then try again.")
                .arg(nativePath, file.errorString(), folder));
    }
    return {};
}

} // namespace earlyhelp::keys
