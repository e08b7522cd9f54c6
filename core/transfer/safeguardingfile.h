#pragma once

// The records of one child's safeguarding file, read from the sending
// school's store and written into the receiving school's.
//
// The file contains the child's person record, addresses and contact details;
// the basic details (names, title, date of birth, sex, language), current
// addresses and contact details of the adults linked to the child by a
// relationship, an adult family membership or a consent they gave; the
// child's relationships; the families the child belongs to with the
// child's and those adults' memberships and the status history; the
// families' assessments and plans (goals, actions, meetings, reviews); the
// consents about the child; the sharing decisions about the child or the
// whole family; and the case notes about the child or the whole family.
// Records of the child's siblings are left out. Deleted records are left
// out. Each record keeps its dates, authors and created_at and updated_at.

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::transfer {

// The store tables a safeguarding file carries, in the order they are
// written, so that every record comes after the records it refers to.
[[nodiscard]] QStringList safeguardingFileTables();

// Reads the safeguarding file of the child personId. Returns a JSON object
// from table name to an array of rows. Each row is an object from column
// name to the stored value, with the record's id in this store under "id".
// NotFound when no person has that id. InvalidInput when the person is not
// a child, that is neither a pupil nor a child member of a family.
[[nodiscard]] Result<QJsonObject> readSafeguardingFile(Store& store, const QString& personId);

// The outcome of writeSafeguardingFile().
struct WrittenFile {
    QString personId;                // the child's id in the receiving store
    bool joinedExistingPerson = false; // the store already had a pupil with the child's UPN
    QMap<QString, int> counts;       // rows written per table
};

// Writes the records of a file read by readSafeguardingFile() as new records
// of the organisation localOrgId, with new ids and revision 1. childId is the
// child's id in the sending store. When the receiving store already has a
// pupil with the child's UPN, the file's records are joined to that pupil
// and the pupil's own record is left as it is. Runs on the store's
// connection inside the caller's transaction. ImportRejected when records
// contains an unknown table or column, a value of the wrong JSON type, or a
// record that refers to one the file does not contain. A store error when a
// row breaks a constraint of the schema.
[[nodiscard]] Result<WrittenFile> writeSafeguardingFile(Store& store, const QJsonObject& records,
                                                        const QString& childId, const QString& localOrgId);

} // namespace earlyhelp::transfer
