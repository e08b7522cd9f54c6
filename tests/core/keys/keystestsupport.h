#pragma once

#include "common/result.h"
#include "common/secretbytes.h"
#include "keys/oskeychain.h"

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstring>
#include <expected>
#include <optional>

namespace keystest {

using earlyhelp::ErrorCode;
using earlyhelp::Result;
using earlyhelp::SecretBytes;
using earlyhelp::Status;

// The error message of a failed result, or nothing, for QVERIFY2, which
// evaluates its message even when the check passes.
template <typename T>
QByteArray errorText(const std::expected<T, earlyhelp::Error>& result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

inline QByteArray errorText(const std::optional<earlyhelp::Error>& error)
{
    return error ? error->message.toUtf8() : QByteArray();
}

// UTF-8 bytes of text as SecretBytes, the way a passphrase reaches core.
inline SecretBytes secretFrom(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return SecretBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size()));
}

inline QByteArray bytesOf(const SecretBytes& secret)
{
    return QByteArray(reinterpret_cast<const char*>(secret.data()), static_cast<qsizetype>(secret.size()));
}

// The forms in which secret bytes could end up in a file by mistake: raw,
// hexadecimal in either case, Base64 and Base64url.
inline QList<QByteArray> encodingsOf(const QByteArray& secret)
{
    return {secret, secret.toHex(), secret.toHex().toUpper(), secret.toBase64(),
        secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)};
}

// Paths of the files under folder whose bytes contain secret in any of the
// forms of encodingsOf().
inline QStringList filesContaining(const QString& folder, const QByteArray& secret)
{
    QStringList found;
    QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray contents = file.readAll();
        for (const QByteArray& form : encodingsOf(secret)) {
            if (contents.contains(form)) {
                found.append(path);
                break;
            }
        }
    }
    return found;
}

inline QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline bool writeJson(const QString& path, const QJsonObject& object)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(object).toJson()) > 0;
}

// A keychain in memory, with switches for the failures of a real one.
class FakeKeychain final : public earlyhelp::keys::Keychain {
public:
    QHash<QString, QByteArray> entries;
    bool unavailable = false;
    bool readBackDiffers = false;

    Status writeSecret(const QString& key, const SecretBytes& secret) override
    {
        if (unavailable)
            return unavailableError();
        entries.insert(key, bytesOf(secret));
        return {};
    }

    Result<SecretBytes> readSecret(const QString& key) override
    {
        if (unavailable)
            return unavailableError();
        if (!entries.contains(key))
            return earlyhelp::makeError(ErrorCode::NotFound, QStringLiteral("no entry"));
        QByteArray value = entries.value(key);
        if (readBackDiffers && !value.isEmpty())
            value[0] = static_cast<char>(value[0] ^ 1);
        return SecretBytes::copyOf(value.constData(), static_cast<std::size_t>(value.size()));
    }

    Status deleteSecret(const QString& key) override
    {
        if (unavailable)
            return unavailableError();
        entries.remove(key);
        return {};
    }

private:
    static std::unexpected<earlyhelp::Error> unavailableError()
    {
        return earlyhelp::makeError(ErrorCode::KeychainUnavailable,
            QStringLiteral("No OS keychain is available (fake). Use the passphrase to unlock."));
    }
};

} // namespace keystest
