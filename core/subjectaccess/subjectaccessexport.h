#pragma once

// The output of a subject access request: the items a review discloses, the
// withheld items grouped by reason, the JSON form, and the audited write of
// an export file. The PDF form is rendered outside core (it needs Qt Gui)
// and written through writeExport() like the JSON form.

#include "access/access.h"
#include "common/result.h"
#include "subjectaccess/subjectaccess.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::subjectaccess {

enum class ExportKind {
    Json,
    Pdf,
};

// The audit event's details.kind: "subject-access-json" or "subject-access-pdf".
[[nodiscard]] QString exportKindCode(ExportKind kind);

// The user who made an export, and the time.
struct ExportInfo {
    QDateTime generatedAt; // UTC
    QString generatedBy;   // user name
};

// The withheld items that share a reason. For WithholdReason::Other each
// distinct explanation (the review's note) is a group of its own.
struct WithheldGroup {
    WithholdReason reason = WithholdReason::ThirdParty;
    QString explanation; // the note, for WithholdReason::Other only
    QList<Item> items;   // in collection order
};

// Returns the items review does not withhold, in collection order.
[[nodiscard]] QList<Item> disclosedItems(const Collection& collection, const Review& review);

// Returns the withheld items by reason, in allWithholdReasons() order.
[[nodiscard]] QList<WithheldGroup> withheldGroups(const Collection& collection, const Review& review);

// Returns the export as JSON:
//   {"person": {"id", "name", "dateOfBirth"}, "generatedAt", "generatedBy",
//    "organisation": {"id", "name"},
//    "items": [{"id", "section", "sectionTitle", "date", "title", "text",
//               "deleted"?, "deletedOn"?, "restorableUntil"?}],
//    "withheld": [{"reason", "reasonTitle", "explanation"?, "count",
//                  "items": [{"section", "title", "date"}]}]}
// Dates are ISO 8601 ("2026-12-04"), generatedAt with time and "Z". The
// three deleted keys appear only on a soft-deleted item (Item::deleted), and
// its two dates are null when the store has no time for the deletion. A
// withheld item's id and text never appear. review must pass checkReview().
[[nodiscard]] QJsonObject exportJson(const Collection& collection, const Review& review, const ExportInfo& info);

// Writes content to path and records one Export audit event for the person,
// in one store transaction. The event's details are kind, items (the number
// disclosed) and withheld (the number withheld by reason code). The event is
// committed only once the file is saved, so a failed save leaves no event
// and no file. The file is readable and writable by its owner only (mode
// 0600). Returns the event's sequence.
// PermissionDenied unless actor is the lead, InvalidInput from checkReview(),
// Io when the file cannot be written, and the store's error when the event
// cannot be appended.
[[nodiscard]] Result<qint64> writeExport(Store& store, const access::Actor& actor, const Collection& collection,
                                         const Review& review, ExportKind kind, const QString& path,
                                         const QByteArray& content);

} // namespace earlyhelp::subjectaccess
