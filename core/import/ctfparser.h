#pragma once

#include "common/result.h"
#include "import/ctfdocument.h"

#include <QByteArray>
#include <QDate>
#include <QString>

class QIODevice;

namespace earlyhelp {

struct CtfParseOptions {
    // The date against which a date of birth counts as "in the future".
    QDate today = QDate::currentDate();
};

// Parses a Common Transfer File. Nothing is written anywhere; the result is
// what an import would store.
//
// Whole-file faults fail with ImportRejected. They are bytes that are not
// valid in the declared encoding, XML that is not well-formed or cut short, a
// document type declaration, a root element other than CTfile, and a missing
// Header. The message names fileName and, where there is one, the line and
// column. Lines count from 1. A column is the number of characters before the
// position on its line, so it counts from 0.
//
// Record faults do not fail the parse. A pupil whose UPN is missing, invalid
// or repeated in the file, whose Surname is missing, or whose DOB is missing,
// not a YYYY-MM-DD date or in the future goes to CtfDocument::skipped with its
// position and UPN. Every other pupil is kept. Elements the parser does not
// know are read past, wherever they are.
[[nodiscard]] Result<CtfDocument> parseCtf(const QByteArray& bytes, const QString& fileName,
                                           const CtfParseOptions& options = {});

// Reads the device to its end and parses what it read. Fails with Io when
// the device cannot be read.
[[nodiscard]] Result<CtfDocument> parseCtf(QIODevice& device, const QString& fileName,
                                           const CtfParseOptions& options = {});

// Reads and parses the file at filePath; messages name the file by its name
// without the folder. Fails with Io when the file cannot be opened or read.
[[nodiscard]] Result<CtfDocument> readCtfFile(const QString& filePath, const CtfParseOptions& options = {});

} // namespace earlyhelp
