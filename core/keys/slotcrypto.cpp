#include "keys/slotcrypto.h"

#include <sodium.h>

#include <QCoreApplication>
#include <QtEndian>

namespace earlyhelp::keys {

static_assert(saltBytes == crypto_pwhash_SALTBYTES);
static_assert(nonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(wrappedKeyBytes == storeKeyBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(storeKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(digestBytes >= crypto_generichash_BYTES_MIN && digestBytes <= crypto_generichash_BYTES_MAX);

namespace {

const unsigned char* bytesOf(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char*>(view.data());
}

} // namespace

QByteArray randomBytes(std::size_t size)
{
    QByteArray bytes(static_cast<qsizetype>(size), Qt::Uninitialized);
    if (ensureSodiumInitialised() && size > 0)
        randombytes_buf(bytes.data(), size);
    return bytes;
}

Result<SecretBytes> deriveWrappingKey(const SecretBytes& passphrase, QByteArrayView salt, const PassphraseCost& cost)
{
    if (!ensureSodiumInitialised()) {
        return makeError(ErrorCode::Crypto,
            QCoreApplication::translate("earlyhelp::Keys",
                "The encryption library libsodium could not start, so the passphrase cannot be checked. "
                "Restart the app."));
    }
    if (static_cast<std::size_t>(salt.size()) != saltBytes || !cost.isAccepted()) {
        return makeError(ErrorCode::Crypto,
            QCoreApplication::translate("earlyhelp::Keys",
                "The key slot has an invalid salt or Argon2 cost, so the passphrase cannot be checked. "
                "Restore the key file from a backup."));
    }

    SecretBytes wrappingKey(storeKeyBytes);
    const char* password = passphrase.isEmpty() ? "" : reinterpret_cast<const char*>(passphrase.data());
    const int rc = crypto_pwhash(wrappingKey.data(), wrappingKey.size(), password, passphrase.size(),
        bytesOf(salt), cost.opsLimit, static_cast<std::size_t>(cost.memLimit), crypto_pwhash_ALG_ARGON2ID13);
    if (rc != 0) {
        return makeError(ErrorCode::Crypto,
            QCoreApplication::translate("earlyhelp::Keys",
                "Checking the passphrase needs %1 MiB of memory, which is not available. "
                "Close other programs and try again.")
                .arg(cost.memLimit / (1024 * 1024)));
    }
    return wrappingKey;
}

SealedKey sealKey(const SecretBytes& key, const SecretBytes& wrappingKey, QByteArrayView associatedData)
{
    Q_ASSERT(wrappingKey.size() == storeKeyBytes);
    SealedKey sealed;
    sealed.nonce = randomBytes(nonceBytes);
    sealed.ciphertext = QByteArray(static_cast<qsizetype>(key.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES),
        Qt::Uninitialized);

    unsigned long long ciphertextSize = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(sealed.ciphertext.data()),
        &ciphertextSize, key.data(), key.size(), bytesOf(associatedData),
        static_cast<unsigned long long>(associatedData.size()), nullptr, bytesOf(sealed.nonce), wrappingKey.data());
    Q_ASSERT(ciphertextSize == static_cast<unsigned long long>(sealed.ciphertext.size()));
    return sealed;
}

std::optional<SecretBytes> openSealedKey(
    const SealedKey& sealed, const SecretBytes& wrappingKey, QByteArrayView associatedData)
{
    if (wrappingKey.size() != storeKeyBytes || static_cast<std::size_t>(sealed.nonce.size()) != nonceBytes
        || static_cast<std::size_t>(sealed.ciphertext.size()) < crypto_aead_xchacha20poly1305_ietf_ABYTES) {
        return std::nullopt;
    }

    SecretBytes key(static_cast<std::size_t>(sealed.ciphertext.size()) - crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long keySize = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(key.data(), &keySize, nullptr,
        bytesOf(sealed.ciphertext), static_cast<unsigned long long>(sealed.ciphertext.size()),
        bytesOf(associatedData), static_cast<unsigned long long>(associatedData.size()), bytesOf(sealed.nonce),
        wrappingKey.data());
    if (rc != 0 || keySize != key.size())
        return std::nullopt;
    return key;
}

QByteArray computeKeyCheck(const SecretBytes& storeKey, const QUuid& storeId)
{
    QByteArray message;
    appendField(message, "earlyhelp.keycheck");
    appendField(message, storeId.toByteArray(QUuid::WithoutBraces));

    if (storeKey.size() != storeKeyBytes || !ensureSodiumInitialised())
        return {};
    QByteArray check(static_cast<qsizetype>(digestBytes), Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(check.data()), digestBytes, bytesOf(message),
        static_cast<unsigned long long>(message.size()), storeKey.data(), storeKey.size());
    return check;
}

bool digestsEqual(QByteArrayView first, QByteArrayView second)
{
    return first.size() == second.size() && !first.isEmpty()
        && sodium_memcmp(first.data(), second.data(), static_cast<std::size_t>(first.size())) == 0;
}

QByteArray computeDigest(QByteArrayView data)
{
    if (!ensureSodiumInitialised())
        return {};
    QByteArray digest(static_cast<qsizetype>(digestBytes), Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), digestBytes, bytesOf(data),
        static_cast<unsigned long long>(data.size()), nullptr, 0);
    return digest;
}

void appendField(QByteArray& encoding, QByteArrayView field)
{
    char size[4];
    qToBigEndian(static_cast<quint32>(field.size()), size);
    encoding.append(size, 4);
    encoding.append(field);
}

} // namespace earlyhelp::keys
