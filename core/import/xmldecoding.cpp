#include "xmldecoding.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringDecoder>

#include <array>
#include <optional>

namespace earlyhelp {

namespace {

enum class Encoding { Utf8, Utf16, Utf16LE, Utf16BE, Latin1, Windows1252, Ascii };

// Source of the encoding, which decides how an error message explains it.
enum class EncodingSource { ByteOrderMark, FirstBytes, Declaration, Default };

// The byte pattern at the start of the document.
enum class Signature { Utf8Bom, Utf16LEBom, Utf16BEBom, Utf16LEWithoutBom, Utf16BEWithoutBom, EightBit };

struct InvalidSequence {
    qsizetype offset = -1; // offset of the first byte of the sequence from the start of the text
    qsizetype length = 0;
};

QString canonicalName(Encoding encoding) {
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf16:
        return QStringLiteral("UTF-16");
    case Encoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case Encoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case Encoding::Latin1:
        return QStringLiteral("ISO-8859-1");
    case Encoding::Windows1252:
        return QStringLiteral("windows-1252");
    case Encoding::Ascii:
        return QStringLiteral("US-ASCII");
    }
    return {};
}

std::optional<Encoding> encodingForName(const QString& name) {
    const QString upper = name.toUpper();
    if (upper == u"UTF-8" || upper == u"UTF8")
        return Encoding::Utf8;
    if (upper == u"UTF-16" || upper == u"UTF16")
        return Encoding::Utf16;
    if (upper == u"UTF-16LE")
        return Encoding::Utf16LE;
    if (upper == u"UTF-16BE")
        return Encoding::Utf16BE;
    if (upper == u"ISO-8859-1" || upper == u"ISO8859-1" || upper == u"ISO_8859-1" || upper == u"LATIN1" ||
        upper == u"LATIN-1")
        return Encoding::Latin1;
    if (upper == u"WINDOWS-1252" || upper == u"CP1252")
        return Encoding::Windows1252;
    if (upper == u"US-ASCII" || upper == u"ASCII")
        return Encoding::Ascii;
    return std::nullopt;
}

Signature signatureOf(QByteArrayView bytes) {
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return Signature::Utf8Bom;
    if (bytes.startsWith("\xFF\xFE"))
        return Signature::Utf16LEBom;
    if (bytes.startsWith("\xFE\xFF"))
        return Signature::Utf16BEBom;
    if (bytes.startsWith(QByteArrayView("<\0?\0", 4)))
        return Signature::Utf16LEWithoutBom;
    if (bytes.startsWith(QByteArrayView("\0<\0?", 4)))
        return Signature::Utf16BEWithoutBom;
    return Signature::EightBit;
}

qsizetype byteOrderMarkLength(Signature signature) {
    switch (signature) {
    case Signature::Utf8Bom:
        return 3;
    case Signature::Utf16LEBom:
    case Signature::Utf16BEBom:
        return 2;
    default:
        return 0;
    }
}

// Returns the value of the encoding pseudo-attribute of the XML declaration,
// or an empty string when the document has no declaration or it names no
// encoding.
QString declaredEncodingName(QByteArrayView body, Signature signature) {
    constexpr qsizetype declarationScanLength = 1024;
    const QByteArrayView head = body.first(std::min(body.size(), declarationScanLength));

    QString headText;
    if (signature == Signature::Utf16LEBom || signature == Signature::Utf16LEWithoutBom)
        headText = QStringDecoder(QStringDecoder::Utf16LE).decode(head.first(head.size() & ~qsizetype(1)));
    else if (signature == Signature::Utf16BEBom || signature == Signature::Utf16BEWithoutBom)
        headText = QStringDecoder(QStringDecoder::Utf16BE).decode(head.first(head.size() & ~qsizetype(1)));
    else
        headText = QString::fromLatin1(head);

    if (!headText.startsWith(u"<?xml"))
        return {};
    const qsizetype end = headText.indexOf(u"?>");
    if (end < 0)
        return {};

    static const QRegularExpression encodingAttribute(
        QStringLiteral(R"(\sencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._\-]*)\1)"));
    const QRegularExpressionMatch match = encodingAttribute.match(QStringView(headText).first(end));
    return match.hasMatch() ? match.captured(2) : QString();
}

// Finds the first byte sequence that is not well-formed UTF-8 under the
// Unicode Standard's rules: no overlong forms, no surrogates, nothing above
// U+10FFFF, no sequence cut short.
InvalidSequence findInvalidUtf8(QByteArrayView bytes) {
    const auto byteAt = [&bytes](qsizetype i) { return static_cast<unsigned char>(bytes.at(i)); };
    const auto isContinuation = [](unsigned char b) { return b >= 0x80 && b <= 0xBF; };

    qsizetype i = 0;
    while (i < bytes.size()) {
        const unsigned char lead = byteAt(i);
        if (lead < 0x80) {
            ++i;
            continue;
        }

        qsizetype length = 0;
        unsigned char secondMin = 0x80;
        unsigned char secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                secondMin = 0xA0;
            else if (lead == 0xED)
                secondMax = 0x9F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                secondMin = 0x90;
            else if (lead == 0xF4)
                secondMax = 0x8F;
        } else {
            return {i, 1};
        }

        if (i + length > bytes.size())
            return {i, bytes.size() - i};
        const unsigned char second = byteAt(i + 1);
        if (second < secondMin || second > secondMax)
            return {i, 1};
        for (qsizetype k = 2; k < length; ++k) {
            if (!isContinuation(byteAt(i + k)))
                return {i, k};
        }
        i += length;
    }
    return {};
}

InvalidSequence findInvalidUtf16(QByteArrayView bytes, bool littleEndian) {
    const auto unitAt = [&bytes, littleEndian](qsizetype i) -> char16_t {
        const auto first = static_cast<unsigned char>(bytes.at(i));
        const auto second = static_cast<unsigned char>(bytes.at(i + 1));
        return littleEndian ? char16_t(first | (second << 8)) : char16_t((first << 8) | second);
    };

    const qsizetype evenSize = bytes.size() & ~qsizetype(1);
    qsizetype i = 0;
    while (i < evenSize) {
        const char16_t unit = unitAt(i);
        if (QChar::isLowSurrogate(unit))
            return {i, 2};
        if (QChar::isHighSurrogate(unit)) {
            if (i + 2 >= evenSize || !QChar::isLowSurrogate(unitAt(i + 2)))
                return {i, 2};
            i += 4;
            continue;
        }
        i += 2;
    }
    if (evenSize != bytes.size())
        return {evenSize, 1};
    return {};
}

// Characters of windows-1252 for the bytes 0x80–0x9F. A 0 marks the five bytes
// it leaves undefined. Every other byte is the ISO-8859-1 character of that
// value.
constexpr std::array<char16_t, 32> windows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

InvalidSequence findInvalidSingleByte(QByteArrayView bytes, Encoding encoding) {
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes.at(i));
        if (encoding == Encoding::Ascii && b >= 0x80)
            return {i, 1};
        if (encoding == Encoding::Windows1252 && b >= 0x80 && b <= 0x9F && windows1252High[b - 0x80] == 0)
            return {i, 1};
    }
    return {};
}

InvalidSequence findInvalidSequence(QByteArrayView bytes, Encoding encoding) {
    switch (encoding) {
    case Encoding::Utf8:
        return findInvalidUtf8(bytes);
    case Encoding::Utf16LE:
        return findInvalidUtf16(bytes, true);
    case Encoding::Utf16BE:
        return findInvalidUtf16(bytes, false);
    case Encoding::Latin1:
        return {};
    case Encoding::Windows1252:
    case Encoding::Ascii:
        return findInvalidSingleByte(bytes, encoding);
    case Encoding::Utf16:
        break;
    }
    Q_UNREACHABLE();
    return {};
}

// Decodes bytes that findInvalidSequence() accepted.
QString decodeValid(QByteArrayView bytes, Encoding encoding) {
    switch (encoding) {
    case Encoding::Utf8:
        return QStringDecoder(QStringDecoder::Utf8).decode(bytes);
    case Encoding::Utf16LE:
        return QStringDecoder(QStringDecoder::Utf16LE).decode(bytes);
    case Encoding::Utf16BE:
        return QStringDecoder(QStringDecoder::Utf16BE).decode(bytes);
    case Encoding::Latin1:
    case Encoding::Ascii:
        return QString::fromLatin1(bytes);
    case Encoding::Windows1252: {
        QString text;
        text.reserve(bytes.size());
        for (const char byte : bytes) {
            const auto b = static_cast<unsigned char>(byte);
            text += (b >= 0x80 && b <= 0x9F) ? QChar(windows1252High[b - 0x80]) : QChar(char16_t(b));
        }
        return text;
    }
    case Encoding::Utf16:
        break;
    }
    Q_UNREACHABLE();
    return {};
}

struct TextPosition {
    qsizetype line = 1;
    qsizetype column = 0;
};

// Counts lines and columns as QXmlStreamReader (Qt 6.4) does. CR LF, LF and a
// lone CR each end a line, and the column is the number of characters before
// the position on its line.
TextPosition positionAfter(QStringView text) {
    TextPosition position;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n' || (c == u'\r' && (i + 1 == text.size() || text.at(i + 1) != u'\n'))) {
            ++position.line;
            position.column = 0;
        } else if (c != u'\r') {
            ++position.column;
        }
    }
    return position;
}

QString hexBytes(QByteArrayView bytes) {
    QStringList parts;
    for (const char byte : bytes) {
        const QString digits =
            QString::number(static_cast<unsigned char>(byte), 16).toUpper().rightJustified(2, u'0');
        parts += QString(u"0x" + digits);
    }
    return parts.join(u' ');
}

QString invalidBytesMessage(const QString& fileName, Encoding encoding, EncodingSource source,
                            TextPosition position, const QString& bytes) {
    const QString name = canonicalName(encoding);
    const QString line = QString::number(position.line);
    const QString column = QString::number(position.column);
    switch (source) {
    case EncodingSource::Declaration:
        return QCoreApplication::translate(
                   "earlyhelp::CtfImport",
                   "%1 declares the encoding %2, but the bytes at line %3, column %4 (%5) are "
                   "not valid %2. Nothing was imported. Export the CTF again from the school's "
                   "MIS, saved as UTF-8.")
            .arg(fileName, name, line, column, bytes);
    case EncodingSource::ByteOrderMark:
    case EncodingSource::FirstBytes:
        return QCoreApplication::translate(
                   "earlyhelp::CtfImport",
                   "%1 starts as %2 text, but the bytes at line %3, column %4 (%5) are not valid "
                   "%2. Nothing was imported. Export the CTF again from the school's MIS, saved "
                   "as UTF-8.")
            .arg(fileName, name, line, column, bytes);
    case EncodingSource::Default:
        break;
    }
    return QCoreApplication::translate(
               "earlyhelp::CtfImport",
               "%1 has no encoding declaration, so it must be UTF-8, but the bytes at line %2, "
               "column %3 (%4) are not valid UTF-8. Nothing was imported. Export the CTF again "
               "from the school's MIS, saved as UTF-8.")
        .arg(fileName, line, column, bytes);
}

struct ResolvedEncoding {
    Encoding encoding = Encoding::Utf8;
    EncodingSource source = EncodingSource::Default;
};

// Combines the byte pattern at the start with the declared encoding name.
Result<ResolvedEncoding> resolveEncoding(Signature signature, const QString& declaredName,
                                         const QString& fileName) {
    std::optional<Encoding> declared;
    if (!declaredName.isEmpty()) {
        declared = encodingForName(declaredName);
        if (!declared) {
            return makeError(
                ErrorCode::ImportRejected,
                QCoreApplication::translate("earlyhelp::CtfImport",
                                            "%1 declares the encoding %2, which this app cannot read. "
                                            "Nothing was imported. Export the CTF again from the school's "
                                            "MIS, saved as UTF-8.")
                    .arg(fileName, declaredName));
        }
    }

    Encoding detected = Encoding::Utf8;
    EncodingSource source = EncodingSource::ByteOrderMark;
    switch (signature) {
    case Signature::Utf8Bom:
        detected = Encoding::Utf8;
        break;
    case Signature::Utf16LEBom:
        detected = Encoding::Utf16LE;
        break;
    case Signature::Utf16BEBom:
        detected = Encoding::Utf16BE;
        break;
    case Signature::Utf16LEWithoutBom:
        detected = Encoding::Utf16LE;
        source = EncodingSource::FirstBytes;
        break;
    case Signature::Utf16BEWithoutBom:
        detected = Encoding::Utf16BE;
        source = EncodingSource::FirstBytes;
        break;
    case Signature::EightBit:
        if (!declared)
            return ResolvedEncoding{Encoding::Utf8, EncodingSource::Default};
        if (*declared != Encoding::Utf16 && *declared != Encoding::Utf16LE && *declared != Encoding::Utf16BE)
            return ResolvedEncoding{*declared, EncodingSource::Declaration};
        return makeError(
            ErrorCode::ImportRejected,
            QCoreApplication::translate("earlyhelp::CtfImport",
                                        "%1 declares the encoding %2, but its first bytes are not UTF-16 "
                                        "text. Nothing was imported. Export the CTF again from the "
                                        "school's MIS, saved as UTF-8.")
                .arg(fileName, declaredName));
    }

    const bool isUtf16 = detected != Encoding::Utf8;
    const bool agrees = !declared || *declared == detected || (isUtf16 && *declared == Encoding::Utf16);
    if (!agrees) {
        return makeError(
            ErrorCode::ImportRejected,
            QCoreApplication::translate("earlyhelp::CtfImport",
                                        "%1 declares the encoding %2, but its first bytes show %3 text. "
                                        "Nothing was imported. Export the CTF again from the school's "
                                        "MIS, saved as UTF-8.")
                .arg(fileName, declaredName, canonicalName(detected)));
    }
    return ResolvedEncoding{detected, source};
}

} // namespace

Result<DecodedXml> decodeXmlDocument(QByteArrayView bytes, const QString& fileName) {
    const Signature signature = signatureOf(bytes);
    const QByteArrayView body = bytes.sliced(byteOrderMarkLength(signature));

    const Result<ResolvedEncoding> resolved =
        resolveEncoding(signature, declaredEncodingName(body, signature), fileName);
    if (!resolved)
        return std::unexpected(resolved.error());
    const Encoding encoding = resolved->encoding;

    const InvalidSequence invalid = findInvalidSequence(body, encoding);
    if (invalid.offset >= 0) {
        const QString before = decodeValid(body.first(invalid.offset), encoding);
        return makeError(ErrorCode::ImportRejected,
                         invalidBytesMessage(fileName, encoding, resolved->source, positionAfter(before),
                                             hexBytes(body.sliced(invalid.offset, invalid.length))));
    }

    DecodedXml decoded;
    decoded.text = decodeValid(body, encoding);
    decoded.encoding = canonicalName(encoding);

    const qsizetype replacement = decoded.text.indexOf(QChar::ReplacementCharacter);
    if (replacement >= 0) {
        const TextPosition position = positionAfter(QStringView(decoded.text).first(replacement));
        return makeError(
            ErrorCode::ImportRejected,
            QCoreApplication::translate("earlyhelp::CtfImport",
                                        "%1 contains the replacement character U+FFFD at line %2, column "
                                        "%3, so its text was damaged by an earlier conversion between "
                                        "encodings. Nothing was imported. Export the CTF again from the "
                                        "school's MIS.")
                .arg(fileName, QString::number(position.line), QString::number(position.column)));
    }
    return decoded;
}

} // namespace earlyhelp
