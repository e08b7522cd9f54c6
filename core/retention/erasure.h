#pragma once

// Erasure of a person's data from one store, for a request under UK GDPR
// Art. 17 or at the end of a retention period. Unlike a delete, erasure
// cannot be undone: the rows are removed, not marked.
//
// What erasing a person removes:
// - the person row and every row that refers to it by foreign key, at any
//   depth. These are addresses, contacts, relationships either way, family
//   memberships and case notes about the person alone (case_note.person_id).
//   They include consents whose subject they are or which they gave,
//   sharing decisions about them with the override uses of those decisions,
//   and duplicate person rows merged into them;
// - each family they belonged to that has no other member left, with all
//   of its case work (status history, assessments, plans, meetings,
//   reviews, family-level notes, consents and decisions);
// - their retention reviews, and the sync rows of every removed record
//   (base values, queued changes, conflicts);
// - their entries in the person search index, merged away so no old index
//   segment keeps their names;
// - the details of audit events about them. The digests stay, so the audit
//   chain still verifies.
//
// Records of safeguarding file transfers stay. They contain the person's id
// and the other school only, and show where the child's file went.
//
// Family-level records of a family that keeps other members (family notes,
// assessments, plans) are about the whole family and stay. They may still
// name the person in free text, which erasure cannot find reliably.
//
// Each removed row leaves a tombstone in erasure_tombstone: the table, the
// id, when, by whom and why. After the transaction commits, the WAL is
// checkpointed and truncated so no copy of a removed page stays in it. The
// store runs with secure_delete, so freed pages are zeroed.

#include "access/access.h"
#include "casework/caseworkoptions.h"
#include "common/result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::retention {

// A record removed by erasure.
struct ErasedRecord {
    QString table; // store table name: "person", "case_note", …
    QString id;
};

// The rows that erasing one person removes, before or after the fact.
struct ErasurePlan {
    QString personId;
    // The person's name as the user must type it to confirm: the legal
    // forename and surname, separated by a space. Case data, never logged.
    QString confirmationName;
    QList<ErasedRecord> records;   // every row to remove, the person first
    QStringList familiesErased;    // families left without members
    QStringList familiesKept;      // families that keep other members

    // Returns how many rows of each table the plan removes.
    [[nodiscard]] QMap<QString, int> countsByTable() const;
};

// The outcome of an erasure.
struct ErasureOutcome {
    ErasurePlan plan;
    qint64 auditSequence = 0;    // the erase event's sequence
    QList<qint64> redactedEvents; // audit events whose details were blanked
};

// Erases people from one store. Lives on the store's thread and must not
// outlive the store.
class Erasure {
public:
    // options.clock sets the time recorded in tombstones; options.authorise
    // is not used, because only the designated safeguarding lead may erase.
    explicit Erasure(Store& store, CaseworkOptions options = {});

    // Returns what erasing the person would remove, without changing
    // anything. NotFound when no person has that id.
    [[nodiscard]] Result<ErasurePlan> plan(const QString& personId) const;

    // Erases the person as plan() describes, in one transaction, and
    // returns what was removed. PermissionDenied unless actor is the
    // designated safeguarding lead: a deputy may delete and restore, but
    // erasure cannot be undone; InvalidInput when reason is blank; NotFound
    // when no person has that id. reason is stored in the tombstones and the
    // audit trail, so it must not contain personal data.
    [[nodiscard]] Result<ErasureOutcome> erasePerson(const access::Actor& actor, const QString& personId,
                                                     const QString& reason);

private:
    Store& m_store;
    CaseworkOptions m_options;
};

} // namespace earlyhelp::retention
