#include "transfer/packageformat.h"

#include <QCoreApplication>
#include <QtEndian>

#include <sodium.h>

namespace earlyhelp::transfer {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::transfer::PackageFormat", text);
}

// Header layout, big-endian integers:
//   0  8  magic "EHSGFILE"
//   8  2  format version
//  10 16  package id (UUID, RFC 4122 byte order)
//  26  1  KDF algorithm, 2 = Argon2id v1.3 (crypto_pwhash_ALG_ARGON2ID13)
//  27  4  Argon2id passes
//  31  4  Argon2id memory in KiB
//  35 16  salt
//  51 24  nonce
constexpr char magic[] = "EHSGFILE";
constexpr int magicSize = 8;
constexpr int saltSize = crypto_pwhash_SALTBYTES;
constexpr int nonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr unsigned char kdfArgon2id = crypto_pwhash_ALG_ARGON2ID13;
constexpr quint32 maxOpsLimit = 16;
constexpr quint32 maxMemLimitKiB = 1024U * 1024U; // 1 GiB
constexpr int keySize = 32;

// crypto_kdf contexts are exactly eight bytes.
constexpr char kdfContext[] = "EHSGFILE";
constexpr std::uint64_t packageKeyId = 1;
constexpr std::uint64_t receiptKeyId = 2;

static_assert(magicSize + 2 + 16 + 1 + 4 + 4 + saltSize + nonceSize == packageHeaderSize);
static_assert(crypto_auth_KEYBYTES == keySize);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == keySize);

Error rejected(const QString& message) {
    return Error{ErrorCode::ImportRejected, message};
}

} // namespace

QByteArray PackageHeader::encode() const {
    QByteArray bytes;
    bytes.reserve(packageHeaderSize);
    bytes.append(magic, magicSize);
    char word[4];
    qToBigEndian<quint16>(formatVersion, word);
    bytes.append(word, 2);
    bytes.append(packageId.toRfc4122());
    bytes.append(char(kdfArgon2id));
    qToBigEndian<quint32>(opsLimit, word);
    bytes.append(word, 4);
    qToBigEndian<quint32>(memLimitKiB, word);
    bytes.append(word, 4);
    bytes.append(salt);
    bytes.append(nonce);
    return bytes;
}

PackageHeader newPackageHeader() {
    if (!ensureSodiumInitialised())
        qFatal("libsodium could not be initialised, so no package can be made");
    PackageHeader header;
    header.packageId = QUuid::createUuid();
    header.opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    header.memLimitKiB = quint32(crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024);
    header.salt.resize(saltSize);
    randombytes_buf(header.salt.data(), size_t(header.salt.size()));
    header.nonce.resize(nonceSize);
    randombytes_buf(header.nonce.data(), size_t(header.nonce.size()));
    return header;
}

Result<PackageHeader> decodePackageHeader(QByteArrayView file) {
    if (!file.startsWith(QByteArrayView(magic, magicSize)))
        return std::unexpected(
            rejected(tr("The file is not a safeguarding file package: it does not start as one does. Check "
                        "that you chose the file the sending school sent.")));
    if (file.size() < packageHeaderSize + qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES))
        return std::unexpected(rejected(tr("The package is incomplete: it has %1 bytes, fewer than any package "
                                           "has. Ask the sending school to send the file again.")
                                            .arg(file.size())));

    const char* bytes = file.data();
    PackageHeader header;
    header.formatVersion = qFromBigEndian<quint16>(bytes + 8);
    if (header.formatVersion != packageFormatVersion)
        return std::unexpected(rejected(tr("The package has format version %1, but this version of the app "
                                           "reads version %2. Update the app, or ask the sending school to "
                                           "send the file again.")
                                            .arg(header.formatVersion)
                                            .arg(packageFormatVersion)));
    header.packageId = QUuid::fromRfc4122(file.sliced(10, 16));
    if (static_cast<unsigned char>(bytes[26]) != kdfArgon2id)
        return std::unexpected(rejected(tr("The package names key derivation %1, which this app does not "
                                           "know. Ask the sending school to send the file again.")
                                            .arg(static_cast<unsigned char>(bytes[26]))));
    header.opsLimit = qFromBigEndian<quint32>(bytes + 27);
    header.memLimitKiB = qFromBigEndian<quint32>(bytes + 31);
    if (header.opsLimit < crypto_pwhash_OPSLIMIT_MIN || header.opsLimit > maxOpsLimit
        || quint64(header.memLimitKiB) * 1024 < crypto_pwhash_MEMLIMIT_MIN || header.memLimitKiB > maxMemLimitKiB)
        return std::unexpected(rejected(tr("The package asks for key derivation with %1 passes over %2 KiB, "
                                           "outside what this app accepts (at most %3 passes and %4 KiB). "
                                           "The file may have been changed; ask the sending school to send "
                                           "it again.")
                                            .arg(header.opsLimit)
                                            .arg(header.memLimitKiB)
                                            .arg(maxOpsLimit)
                                            .arg(maxMemLimitKiB)));
    header.salt = file.sliced(35, saltSize).toByteArray();
    header.nonce = file.sliced(35 + saltSize, nonceSize).toByteArray();
    return header;
}

Result<TransferKeys> deriveTransferKeys(const QString& canonicalCode, const PackageHeader& header) {
    if (!ensureSodiumInitialised())
        return makeError(ErrorCode::Crypto, tr("libsodium could not be initialised. Restart the app."));
    QByteArray password = canonicalCode.toLatin1();
    SecretBytes master(keySize);
    const int derived = crypto_pwhash(master.data(), master.size(), password.constData(),
                                      static_cast<unsigned long long>(password.size()),
                                      reinterpret_cast<const unsigned char*>(header.salt.constData()),
                                      header.opsLimit, std::size_t(header.memLimitKiB) * 1024,
                                      crypto_pwhash_ALG_ARGON2ID13);
    wipeBytes(password);
    if (derived != 0)
        return makeError(ErrorCode::Crypto,
                         tr("Deriving the package key needs %1 MiB of memory, which could not be allocated. "
                            "Close other programs and try again.")
                             .arg(header.memLimitKiB / 1024));

    TransferKeys keys{SecretBytes(keySize), SecretBytes(keySize)};
    crypto_kdf_derive_from_key(keys.packageKey.data(), keys.packageKey.size(), packageKeyId, kdfContext,
                               master.data());
    crypto_kdf_derive_from_key(keys.receiptKey.data(), keys.receiptKey.size(), receiptKeyId, kdfContext,
                               master.data());
    return keys;
}

Result<QByteArray> sealPackage(const PackageHeader& header, const SecretBytes& packageKey,
                               QByteArrayView plaintext) {
    if (packageKey.size() != keySize || header.nonce.size() != nonceSize)
        return makeError(ErrorCode::Crypto, tr("The package key or nonce has the wrong size."));
    QByteArray file = header.encode();
    const qsizetype headerSize = file.size();
    file.resize(headerSize + plaintext.size() + qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES));
    unsigned long long cipherSize = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char*>(file.data() + headerSize), &cipherSize,
        reinterpret_cast<const unsigned char*>(plaintext.data()), static_cast<unsigned long long>(plaintext.size()),
        reinterpret_cast<const unsigned char*>(file.constData()), static_cast<unsigned long long>(headerSize),
        nullptr, reinterpret_cast<const unsigned char*>(header.nonce.constData()), packageKey.data());
    file.resize(headerSize + qsizetype(cipherSize));
    return file;
}

Result<QByteArray> openPackage(QByteArrayView file, const PackageHeader& header, const SecretBytes& packageKey) {
    const QByteArrayView additional = file.first(packageHeaderSize);
    const QByteArrayView cipher = file.sliced(packageHeaderSize);
    QByteArray plaintext(cipher.size() - qsizetype(crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
    unsigned long long plainSize = 0;
    const int opened = crypto_aead_xchacha20poly1305_ietf_decrypt(
        reinterpret_cast<unsigned char*>(plaintext.data()), &plainSize, nullptr,
        reinterpret_cast<const unsigned char*>(cipher.data()), static_cast<unsigned long long>(cipher.size()),
        reinterpret_cast<const unsigned char*>(additional.data()), static_cast<unsigned long long>(additional.size()),
        reinterpret_cast<const unsigned char*>(header.nonce.constData()), packageKey.data());
    if (opened != 0) {
        wipeBytes(plaintext);
        return makeError(ErrorCode::WrongKey,
                         tr("The code does not open this package, or the file was changed or damaged after "
                            "it was made. Check the code with the sending school; if it is right, ask them "
                            "to send the file again."));
    }
    plaintext.resize(qsizetype(plainSize));
    return plaintext;
}

QByteArray receiptMac(const SecretBytes& receiptKey, QByteArrayView message) {
    QByteArray mac(crypto_auth_BYTES, Qt::Uninitialized);
    crypto_auth(reinterpret_cast<unsigned char*>(mac.data()), reinterpret_cast<const unsigned char*>(message.data()),
                static_cast<unsigned long long>(message.size()), receiptKey.data());
    return mac;
}

bool receiptMacMatches(const SecretBytes& receiptKey, QByteArrayView message, QByteArrayView mac) {
    if (mac.size() != crypto_auth_BYTES || receiptKey.size() != crypto_auth_KEYBYTES)
        return false;
    return crypto_auth_verify(reinterpret_cast<const unsigned char*>(mac.data()),
                              reinterpret_cast<const unsigned char*>(message.data()),
                              static_cast<unsigned long long>(message.size()), receiptKey.data())
           == 0;
}

void wipeBytes(QByteArray& bytes) {
    if (bytes.isEmpty())
        return;
    bytes.detach();
    sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

} // namespace earlyhelp::transfer
