#pragma once

// Sending a child's safeguarding file to the school the child moves to, and
// importing one sent to this school.
//
// The sending school packs the file (see safeguardingfile.h) for the
// receiving school's DfE URN into an encrypted package (packageformat.h)
// and gets a one-time code to pass on by another route than the file. The
// receiving school imports the package with the code, which creates the
// records as its own, and sends back the receipt the import writes. The
// sending school records the receipt with confirmReceipt(). Both stores
// keep a row per package in safeguarding_transfer.
//
// Sending, importing and confirming need the Export permission (the
// designated safeguarding lead and deputies). A SafeguardingTransfer uses
// the store's connection, so it lives on the store's thread and must not
// outlive the store.

#include "access/access.h"
#include "common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::transfer {

struct TransferOptions {
    // Returns the current time; the system clock when unset.
    std::function<QDateTime()> clock;
    // Checks the actor's permission; access::authorise() when unset.
    access::AccessGuard guard;
};

// A package written by sendFile().
struct SentPackage {
    QString packageId;
    // The one-time code in display form. It is not stored anywhere, so show
    // it to the user once.
    QString code;
    QMap<QString, int> counts; // records per store table
};

// The outcome of importFile().
struct ImportedPackage {
    QString packageId;
    QString personId; // the child's id in this store
    QString childName;
    // This store already had a pupil with the child's UPN, and the records
    // were joined to that pupil.
    bool joinedExistingPerson = false;
    QString sendingSchoolName;
    QString sendingSchoolUrn;
    QDateTime createdAt;  // when the sending school packed the file, UTC
    QDateTime receivedAt; // UTC
    QMap<QString, int> counts; // records per store table
    // The receipt for the sending school, as receipt() returns it.
    QByteArray receipt;
};

enum class TransferDirection {
    Sent,
    Received,
};

// One package this store sent or received.
struct TransferEntry {
    QString packageId;
    TransferDirection direction = TransferDirection::Sent;
    QString personId;
    QString childName; // empty when the child's record is no longer in the store
    QString otherSchoolName; // empty for a sent package until its receipt is recorded
    QString otherSchoolUrn;
    QDateTime createdAt;     // packed by the sending school, UTC
    QDateTime transferredAt; // sent or imported by this store, UTC
    QDateTime receiptAt;     // the import time the receipt states; invalid until known
    QDateTime confirmedAt;   // sent packages: when the receipt was recorded; else invalid
    QString recordedBy;
};

class SafeguardingTransfer {
public:
    explicit SafeguardingTransfer(Store& store, TransferOptions options = {});

    // Writes the safeguarding file of the child personId, for the school with
    // DfE URN receivingUrn, to packagePath (replaced if it exists, readable
    // and writable by its owner only) and records the send. The plaintext
    // never reaches the disk. Errors: InvalidInput for a URN that is not six
    // digits or is this school's own, and for a person who is not a child.
    // NotFound for an unknown person. PermissionDenied without the Export
    // permission. Io when the file cannot be written, and then nothing is
    // recorded.
    [[nodiscard]] Result<SentPackage> sendFile(const access::Actor& actor, const QString& personId,
                                               const QString& receivingUrn, const QString& packagePath);

    // Imports the package at packagePath with its code, in one transaction,
    // and returns what it created with the receipt for the sending school.
    // Nothing is imported when it fails. InvalidInput for a malformed code.
    // WrongKey when the code does not open the package or any byte of it was
    // changed. ImportRejected for a file that is not a package, is
    // incomplete, or is addressed to another school's URN. AlreadyExists
    // when this store imported the package before. PermissionDenied without
    // the Export permission.
    [[nodiscard]] Result<ImportedPackage> importFile(const access::Actor& actor, const QString& packagePath,
                                                     const QString& code);

    // Returns the receipt of a package this store imported: a small JSON
    // file with no case data, authenticated by a MAC under a key derived
    // from the package's code. NotFound when this store imported no package
    // with that id.
    [[nodiscard]] Result<QByteArray> receipt(const QString& packageId) const;

    // Records the receiving school's receipt for a package this store sent,
    // and returns the updated entry. ImportRejected when the file is not a
    // receipt or its MAC does not match (a receipt made without the code),
    // NotFound when this store sent no package with its id, AlreadyExists
    // when the receipt was recorded before.
    [[nodiscard]] Result<TransferEntry> confirmReceipt(const access::Actor& actor, const QByteArray& receipt);

    // Returns every package sent or received, newest first.
    [[nodiscard]] Result<QList<TransferEntry>> transfers() const;

private:
    [[nodiscard]] Status authorise(const access::Actor& actor) const;
    [[nodiscard]] QDateTime now() const;

    Store& m_store;
    TransferOptions m_options;
};

// Writes bytes to path with QSaveFile, readable and writable by the owner
// only. Io names the path when it fails.
[[nodiscard]] Status writePrivateFile(const QString& path, const QByteArray& bytes);

} // namespace earlyhelp::transfer
