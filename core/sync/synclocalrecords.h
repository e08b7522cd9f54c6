#pragma once

// Internal to core/sync: how the records that sync carries map to store
// tables and columns, and how their field values read and write as JSON.
// A field's JSON value follows sharing::collectFamilyRecords(): text is a
// string and is absent when empty, a date is "yyyy-MM-dd", and a yes/no
// column is true or false.

#include "common/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::sync {

// Returns the store table of a sync record type ("caseNote" → "case_note"),
// or an empty string for an unknown type.
[[nodiscard]] QString tableOfRecordType(const QString& recordType);
// Returns the sync record type of a store table, or an empty string.
[[nodiscard]] QString recordTypeOfTable(const QString& table);
// The nine record types the outbox triggers cover.
[[nodiscard]] const QStringList& syncRecordTypes();
// True for the seven record types of the field catalogue.
[[nodiscard]] bool isCatalogueRecordType(const QString& recordType);

// A record as it is in the store now.
struct LocalRecord {
    QJsonObject fields; // catalogue fields with a value
    bool deleted = false;
    QString familyId;
    QString personId;
    QJsonObject links;
};

// Reads one record of a catalogue record type; nothing when the store has no
// row with that id.
[[nodiscard]] Result<std::optional<LocalRecord>> readLocalRecord(Store& store, const QString& recordType,
                                                                 const QString& recordId);

// The values one pulled record gives a row.
struct IncomingRecord {
    QString recordType;
    QString recordId;
    QString localOrgId; // organisation.id of the owner in this store
    QJsonObject fields; // the fields to write; a null value clears the field
    bool deleted = false;
    QString familyId;
    QString personId;
    QJsonObject links;
};

// Inserts the row, or updates the columns of the fields given, with the
// subject and links. A person or family the row refers to and the store
// lacks is inserted empty, owned by the same organisation, so the row
// satisfies its foreign keys until the feed brings the person or family.
[[nodiscard]] Status writeIncomingRecord(Store& store, const IncomingRecord& record);

// Writes one field of a catalogue record, as a local edit: the revision grows
// and the outbox triggers fire.
[[nodiscard]] Status writeLocalField(Store& store, const QString& recordType, const QString& recordId,
                                     const QString& fieldId, const QJsonValue& value);

// Deletes the row and, following foreign keys, every row that refers to it,
// with their sync_record and sync_outbox rows. Returns the number of rows
// deleted.
[[nodiscard]] Result<int> deleteRecordTree(Store& store, const QString& table, const QString& recordId);

} // namespace earlyhelp::sync
