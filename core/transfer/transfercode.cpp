#include "transfer/transfercode.h"

#include "common/secretbytes.h"

#include <QCoreApplication>

#include <sodium.h>

#include <array>

namespace earlyhelp::transfer {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::transfer::TransferCode", text);
}

constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// 13 random bytes give 104 bits, of which the code uses the first 100.
constexpr int randomBytes = 13;

} // namespace

QString generateTransferCode() {
    if (!ensureSodiumInitialised())
        qFatal("libsodium could not be initialised, so no transfer code can be generated");
    std::array<unsigned char, randomBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());

    QString canonical;
    canonical.reserve(transferCodeLength);
    for (int index = 0; index < transferCodeLength; ++index) {
        const int bit = index * 5;
        // The five bits starting at bit, read across a byte boundary.
        const unsigned pair = (unsigned(bytes[bit / 8]) << 8) | unsigned(bytes[bit / 8 + 1]);
        const unsigned value = (pair >> (11 - bit % 8)) & 0x1fU;
        canonical += QLatin1Char(alphabet[value]);
    }
    sodium_memzero(bytes.data(), bytes.size());
    return displayTransferCode(canonical);
}

Result<QString> canonicalTransferCode(const QString& typed) {
    QString canonical;
    canonical.reserve(transferCodeLength);
    for (QChar character : typed) {
        if (character == u'-' || character.isSpace())
            continue;
        QChar upper = character.toUpper();
        if (upper == u'I' || upper == u'L')
            upper = u'1';
        else if (upper == u'O')
            upper = u'0';
        if (upper.unicode() > 127 || !QByteArrayView(alphabet).contains(char(upper.unicode())))
            return makeError(ErrorCode::InvalidInput,
                             tr("The code contains \"%1\", which is not one of its characters. A code has "
                                "digits and the letters A to Z without I, L, O and U; check it with the "
                                "sending school.")
                                 .arg(character));
        canonical += upper;
    }
    if (canonical.size() != transferCodeLength)
        return makeError(ErrorCode::InvalidInput,
                         tr("The code has %1 characters, but a transfer code has %2 (without hyphens). "
                            "Check it with the sending school.")
                             .arg(canonical.size())
                             .arg(transferCodeLength));
    return canonical;
}

QString displayTransferCode(const QString& canonical) {
    QString display;
    for (qsizetype start = 0; start < canonical.size(); start += 4) {
        if (start > 0)
            display += u'-';
        display += canonical.mid(start, 4);
    }
    return display;
}

} // namespace earlyhelp::transfer
