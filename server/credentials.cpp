#include "credentials.h"

#include "common/secretbytes.h"

#include <sodium.h>

#include <cstring>

namespace earlyhelp::server {

namespace {

constexpr int alphabetSize = sizeof(enrolmentCodeAlphabet) - 1;

} // namespace

QString generateEnrolmentCode() {
    if (!ensureSodiumInitialised())
        qFatal("libsodium could not initialise");
    QString code;
    for (int i = 0; i < enrolmentCodeLength; ++i) {
        if (i > 0 && i % 5 == 0)
            code += QLatin1Char('-');
        // randombytes_uniform() is unbiased for any upper bound.
        code += QLatin1Char(enrolmentCodeAlphabet[randombytes_uniform(alphabetSize)]);
    }
    return code;
}

QString normaliseEnrolmentCode(const QString& code) {
    QString normalised;
    for (const QChar c : code) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        const QChar upper = c.toUpper();
        if (upper.unicode() > 127 || std::strchr(enrolmentCodeAlphabet, upper.toLatin1()) == nullptr ||
            upper.toLatin1() == '\0') {
            return {};
        }
        normalised += upper;
    }
    return normalised.size() == enrolmentCodeLength ? normalised : QString();
}

QByteArray generateDeviceCredential() {
    const SecretBytes bytes = SecretBytes::random(32);
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()))
        .toBase64();
}

QString hashSecret(const QByteArray& secret) {
    if (!ensureSodiumInitialised())
        qFatal("libsodium could not initialise");
    unsigned char hash[crypto_generichash_BYTES];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(secret.constData()),
                       static_cast<unsigned long long>(secret.size()), nullptr, 0);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(hash), sizeof hash).toHex());
}

bool hashesEqual(const QString& left, const QString& right) {
    const QByteArray a = left.toLatin1();
    const QByteArray b = right.toLatin1();
    return a.size() == b.size() &&
           sodium_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

} // namespace earlyhelp::server
