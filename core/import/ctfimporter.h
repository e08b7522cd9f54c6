#pragma once

#include "common/result.h"
#include "import/ctfdocument.h"
#include "import/ctffamilies.h"
#include "import/ctfparser.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace earlyhelp {

class Store;

// Outcome of importing one CTF. Counts are of records in the file. A pupil is
// added, updated (some stored value changed) or unchanged, and so is each
// distinct contact and family.
struct ImportSummary {
    QString fileName;
    QString schoolName;
    QString ctfVersion;
    QString documentQualifier;
    QString encoding;

    int pupilsAdded = 0;
    int pupilsUpdated = 0;
    int pupilsUnchanged = 0;
    int contactsAdded = 0;
    int contactsUpdated = 0;
    int contactsUnchanged = 0;
    int familiesAdded = 0;
    int familiesUpdated = 0;
    int familiesUnchanged = 0;
    int pupilsWithoutFamily = 0;

    QList<CtfSkippedPupil> skipped; // pupils left out, with their position, UPN and reasons
    QStringList warnings;           // values left empty, each naming the file, pupil and value

    [[nodiscard]] int pupilsImported() const { return pupilsAdded + pupilsUpdated + pupilsUnchanged; }
};

// Receives the units of work done so far (pupils, then contacts, then
// families) and their total. Returning false cancels the import: everything
// it wrote is rolled back and it fails with Cancelled. Called on the
// importing thread, first with done = 0.
using ProgressCallback = std::function<bool(qint64 done, qint64 total)>;

struct CtfImportOptions {
    CtfParseOptions parse;
    // The time written to created_at and updated_at; the current time when
    // invalid.
    QDateTime now;
};

// A CTF read and grouped without touching any store: what the user confirms
// before importing.
struct CtfPreview {
    CtfDocument document;
    CtfFamilyPlan families;
};

// Reads the file at filePath and groups its pupils into families. Writes
// nothing. Fails as readCtfFile() does.
[[nodiscard]] Result<CtfPreview> previewCtf(const QString& filePath, const CtfParseOptions& options = {});

// Reads the file at filePath and imports it into store in one transaction.
// A whole-file fault (see parseCtf()) imports nothing. Pupils with record
// faults are left out and listed in ImportSummary::skipped.
//
// The records belong to the store's local organisation (organisation with
// is_local = 1). Without exactly one, the import fails with NotFound or
// Database. Pupils are matched by UPN within that organisation. A new UPN
// adds a person and a known one is updated when a value differs. An
// identical record changes nothing, so importing the same file again writes
// no row and bumps no revision.
//
// Values the file does not give (an empty element, a missing block) leave
// stored values as they are, and so does a name that differs from the stored
// one only in letter case. Phones and e-mail addresses are added, never
// removed. A changed address becomes the current one, and the old one is kept
// as not current.
//
// Contacts are matched to stored adults by folded name and a shared phone or
// e-mail, or by folded name among the adults already linked to the same
// child. A family is matched through its children. When no stored family
// contains any of them, it is matched through its adults with parental
// responsibility. The stored family that contains most of them gets any new
// members, so a re-import adds no family, and a sibling in a later file joins
// the family of the pupil imported before. Members are never removed.
//
// Must run on the thread that opened store, outside any open transaction.
// Errors: Io or ImportRejected for the file, NotFound without a local
// organisation, Cancelled when progress returns false, and the store's
// errors (Database, DiskFull, StoreDamaged…) from a failed write. After any
// error the store is as it was.
[[nodiscard]] Result<ImportSummary> importCtf(Store& store, const QString& filePath,
                                              const ProgressCallback& progress = {},
                                              const CtfImportOptions& options = {});

// Imports a document read earlier, for example the one a preview showed, as
// importCtf() does.
[[nodiscard]] Result<ImportSummary> importCtfDocument(Store& store, const CtfDocument& document,
                                                      const ProgressCallback& progress = {},
                                                      const CtfImportOptions& options = {});

} // namespace earlyhelp
