#include "keys/passphrase.h"

#include <sodium.h>

#include <QCoreApplication>

namespace earlyhelp::keys {

PassphraseCost PassphraseCost::moderate()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

PassphraseCost PassphraseCost::minimum()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

PassphraseCost PassphraseCost::maximumAccepted()
{
    return {2 * crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE, crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE};
}

bool PassphraseCost::isAccepted() const
{
    const PassphraseCost low = minimum();
    const PassphraseCost high = maximumAccepted();
    return opsLimit >= low.opsLimit && opsLimit <= high.opsLimit
        && memLimit >= low.memLimit && memLimit <= high.memLimit;
}

qsizetype passphraseLength(const SecretBytes& utf8)
{
    qsizetype length = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((utf8.data()[i] & 0xC0) != 0x80)
            ++length;
    }
    return length;
}

Status validateNewPassphrase(const QString& user, const SecretBytes& utf8)
{
    const qsizetype length = passphraseLength(utf8);
    if (length < minimumPassphraseLength) {
        return makeError(ErrorCode::InvalidInput,
            QCoreApplication::translate("earlyhelp::Keys",
                "The passphrase for %1 has %2 characters, but at least %3 are needed. "
                "Choose a longer passphrase, for example three or four unrelated words.")
                .arg(user, QString::number(length), QString::number(minimumPassphraseLength)));
    }
    return {};
}

SecretBytes takeBytes(QByteArray& bytes)
{
    SecretBytes secret = SecretBytes::copyOf(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
    return secret;
}

SecretBytes takePassphrase(QString& text)
{
    QByteArray utf8 = text.toUtf8();
    SecretBytes secret = takeBytes(utf8);
    if (!text.isEmpty())
        sodium_memzero(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
    return secret;
}

} // namespace earlyhelp::keys
