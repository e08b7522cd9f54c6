#pragma once

#include "common/result.h"

#include <QByteArrayView>
#include <QString>

namespace earlyhelp {

struct DecodedXml {
    QString text;     // without the byte order mark
    QString encoding; // canonical name of the encoding the bytes were decoded from, e.g. "UTF-16LE"
};

// Decodes the bytes of an XML document to text, strictly. The encoding comes
// from the byte order mark (UTF-8, UTF-16LE or UTF-16BE), else from the first
// bytes of a UTF-16 document without one, else from the encoding declaration.
// A document with none of these is UTF-8, as XML 1.0 specifies. UTF-8,
// UTF-16, UTF-16LE, UTF-16BE, ISO-8859-1, windows-1252 and US-ASCII can be
// read.
//
// Fails with ImportRejected when the declared encoding cannot be read, when
// it contradicts the byte order mark, when a byte sequence is not valid in
// the encoding, or when the text holds U+FFFD, the mark of an earlier lossy
// conversion. Nothing is ever guessed or replaced. The message names
// fileName and, for a bad sequence or U+FFFD, its line and column. Lines
// start at 1; a column is the number of characters (UTF-16 code units) before
// the position on its line, so it starts at 0, as QXmlStreamReader counts.
[[nodiscard]] Result<DecodedXml> decodeXmlDocument(QByteArrayView bytes, const QString& fileName);

} // namespace earlyhelp
