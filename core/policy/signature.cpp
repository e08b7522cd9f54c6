#include "policy/signature.h"

#include "policy/logging.h"

#include <QCoreApplication>
#include <QFile>

#include <sodium.h>

namespace earlyhelp::policy {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::policy::Signature", text);
}

constexpr int base64Variant = sodium_base64_VARIANT_ORIGINAL;

std::unexpected<Error> sodiumUnavailable() {
    return makeError(ErrorCode::Crypto,
                     tr("The cryptography library libsodium could not start. Reinstall the app."));
}

// Decodes Base64 text into exactly expectedSize bytes at output. valueName
// names the value in the error.
Status decodeBase64(const QByteArray& text, unsigned char* output, std::size_t expectedSize,
                    const QString& valueName) {
    if (!ensureSodiumInitialised())
        return sodiumUnavailable();
    const QByteArray trimmed = text.trimmed();
    std::size_t decodedSize = 0;
    const char* end = nullptr;
    const int status =
        sodium_base642bin(output, expectedSize, trimmed.constData(), static_cast<std::size_t>(trimmed.size()),
                          nullptr, &decodedSize, &end, base64Variant);
    const bool consumedAll = end == trimmed.constData() + trimmed.size();
    if (status != 0 || !consumedAll || decodedSize != expectedSize)
        return makeError(ErrorCode::InvalidInput,
                         tr("The %1 is not %2 bytes in Base64. Check that the file is the one you meant and "
                            "has not been cut short.")
                             .arg(valueName, QString::number(expectedSize)));
    return {};
}

Result<QByteArray> decodeFixedSize(const QByteArray& text, std::size_t size, const QString& valueName) {
    QByteArray bytes(static_cast<qsizetype>(size), '\0');
    if (Status decoded = decodeBase64(text, reinterpret_cast<unsigned char*>(bytes.data()), size, valueName);
        !decoded)
        return std::unexpected(decoded.error());
    return bytes;
}

Result<QByteArray> readResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::NotFound,
            tr("The bundled file %1 is missing: %2. Reinstall the app.").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

Result<SigningKeyPair> generateSigningKeyPair() {
    if (!ensureSodiumInitialised())
        return sodiumUnavailable();
    SigningKeyPair pair;
    pair.publicKey = QByteArray(crypto_sign_PUBLICKEYBYTES, '\0');
    pair.secretKey = SecretBytes(crypto_sign_SECRETKEYBYTES);
    if (crypto_sign_keypair(reinterpret_cast<unsigned char*>(pair.publicKey.data()), pair.secretKey.data()) !=
        0)
        return makeError(ErrorCode::Crypto, tr("Generating a signing key failed. Try again."));
    return pair;
}

Result<QByteArray> signDetached(const QByteArray& message, const SecretBytes& secretKey) {
    if (!ensureSodiumInitialised())
        return sodiumUnavailable();
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return makeError(
            ErrorCode::InvalidInput,
            tr("The secret key is %1 bytes long, not %2. Use a key made by the agreement keygen "
               "command.")
                .arg(QString::number(secretKey.size()), QString::number(crypto_sign_SECRETKEYBYTES)));
    QByteArray signature(crypto_sign_BYTES, '\0');
    if (crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                             reinterpret_cast<const unsigned char*>(message.constData()),
                             static_cast<unsigned long long>(message.size()), secretKey.data()) != 0)
        return makeError(ErrorCode::Crypto, tr("Signing failed. Check the secret key and try again."));
    return signature;
}

Status verifyDetached(const QByteArray& message, const QByteArray& signature, const QByteArray& publicKey) {
    if (!ensureSodiumInitialised())
        return sodiumUnavailable();
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return makeError(ErrorCode::InvalidInput, tr("The public key is %1 bytes long, not %2.")
                                                      .arg(QString::number(publicKey.size()),
                                                           QString::number(crypto_sign_PUBLICKEYBYTES)));
    if (signature.size() != crypto_sign_BYTES)
        return makeError(ErrorCode::InvalidInput,
                         tr("The signature is %1 bytes long, not %2.")
                             .arg(QString::number(signature.size()), QString::number(crypto_sign_BYTES)));
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
                                    reinterpret_cast<const unsigned char*>(message.constData()),
                                    static_cast<unsigned long long>(message.size()),
                                    reinterpret_cast<const unsigned char*>(publicKey.constData())) != 0)
        return makeError(
            ErrorCode::Crypto,
            tr("The signature does not match: the document was changed after signing, or another "
               "key signed it."));
    return {};
}

QByteArray encodeKeyOrSignature(const QByteArray& bytes) {
    return bytes.toBase64();
}

SecretBytes encodeSecretKey(const SecretBytes& secretKey) {
    if (!ensureSodiumInitialised() || secretKey.isEmpty())
        return {};
    const std::size_t textSize = sodium_base64_ENCODED_LEN(secretKey.size(), base64Variant);
    SecretBytes text(textSize);
    sodium_bin2base64(reinterpret_cast<char*>(text.data()), textSize, secretKey.data(), secretKey.size(),
                      base64Variant);
    // sodium_bin2base64 writes a terminating zero, which the text form does
    // not contain.
    SecretBytes trimmed = SecretBytes::copyOf(text.data(), textSize - 1);
    return trimmed;
}

Result<QByteArray> decodePublicKey(const QByteArray& text) {
    return decodeFixedSize(text, crypto_sign_PUBLICKEYBYTES, tr("public key"));
}

Result<QByteArray> decodeSignature(const QByteArray& text) {
    return decodeFixedSize(text, crypto_sign_BYTES, tr("signature"));
}

Result<SecretBytes> decodeSecretKey(const QByteArray& text) {
    SecretBytes secretKey(crypto_sign_SECRETKEYBYTES);
    if (Status decoded = decodeBase64(text, secretKey.data(), secretKey.size(), tr("secret key")); !decoded)
        return std::unexpected(decoded.error());
    return secretKey;
}

QByteArray builtInTrustPublicKey() {
    const Result<QByteArray> text = readResource(QStringLiteral(":/agreement/trust-public-key.txt"));
    if (!text)
        return {};
    const Result<QByteArray> key = decodePublicKey(*text);
    return key ? *key : QByteArray();
}

Result<Agreement> verifyAgreement(const QByteArray& document, const QByteArray& signatureText,
                                  const QByteArray& trustPublicKey) {
    const Result<QByteArray> signature = decodeSignature(signatureText);
    if (!signature)
        return std::unexpected(signature.error());
    if (Status verified = verifyDetached(document, *signature, trustPublicKey); !verified) {
        qCWarning(lcPolicy) << "Agreement signature rejected:" << verified.error().message;
        return makeError(verified.error().code,
                         tr("The data sharing agreement was rejected because its signature is not the "
                            "Trust's: %1 Do not use it; ask the Trust for a signed copy.")
                             .arg(verified.error().message));
    }
    return parseAgreement(document);
}

Result<SignedAgreementFile> readSignedAgreementFile(const QString& path) {
    const auto read = [](const QString& filePath) -> Result<QByteArray> {
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                             tr("The agreement file %1 could not be read: %2. Check the path; the signature "
                                "must be beside the document, named after it with \".sig\" added.")
                                 .arg(filePath, file.errorString()));
        return file.readAll();
    };
    const Result<QByteArray> document = read(path);
    if (!document)
        return std::unexpected(document.error());
    const Result<QByteArray> signature = read(path + u".sig");
    if (!signature)
        return std::unexpected(signature.error());
    return SignedAgreementFile{path, *document, *signature};
}

Result<SignedAgreementFile> bundledSignedAgreement() {
    const QString path = QStringLiteral(":/agreement/agreement-v1.json");
    const Result<QByteArray> document = readResource(path);
    if (!document)
        return std::unexpected(document.error());
    const Result<QByteArray> signature = readResource(path + u".sig");
    if (!signature)
        return std::unexpected(signature.error());
    return SignedAgreementFile{path, *document, *signature};
}

Result<Agreement> loadBundledAgreement() {
    const Result<SignedAgreementFile> bundled = bundledSignedAgreement();
    if (!bundled)
        return std::unexpected(bundled.error());
    const QByteArray trustKey = builtInTrustPublicKey();
    if (trustKey.isEmpty())
        return makeError(ErrorCode::Crypto,
                         tr("This build has no valid Trust public key, so no agreement can be verified. "
                            "Rebuild with EARLYHELP_TRUST_PUBLIC_KEY_FILE naming the Trust's key file."));
    return verifyAgreement(bundled->document, bundled->signatureText, trustKey);
}

} // namespace earlyhelp::policy
