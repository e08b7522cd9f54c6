#pragma once

// The audit trail of one store: who viewed, searched, created, changed,
// deleted, shared, exported and erased what, and who unlocked the store or
// failed to. Events live in the encrypted store (audit_event, schema 7) and
// are chained by hash, so that an event altered or removed outside the app
// shows in verifyAuditChain().
//
// Writes to case records are audited by triggers in the same transaction as
// the write: create, update (each changed column's old and new value),
// delete, restore and hard deletes. The triggers name the user set with
// Store::setAuditActor() and the cause set by a ScopedAuditCause. Events that
// no row change shows (view, search, share, export, unlock, failed unlock,
// role change, transfer) are appended with AuditLog::append().

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::audit {

// The kind of an audit event. The comment of each gives its stored code.
enum class Action {
    View,           // "view": a family or person opened on screen
    Search,         // "search": details.query, details.results
    Create,         // "create"
    Update,         // "update": details.fields = {column: {"old": v, "new": v}}
    Delete,         // "delete": a soft delete
    Restore,        // "restore"
    Purge,          // "purge": a hard delete, because the sync feed reports that this store may no longer hold it
    Erase,          // "erase": erasure of a person's data; details.redactedEvents
    Share,          // "share": details.recipient, .purpose, .clauses, .fields, .consentIds, .decisionIds
    Export,         // "export": details.kind, details.items, details.withheld
    Unlock,         // "unlock": details.method ("passphrase" or "keychain")
    FailedUnlock,   // "failed-unlock": details.user (as typed), details.attemptedAt
    RoleChange,     // "role-change": details.user, details.oldRole, details.newRole
    PolicyOverride, // "policy-override": a sharing decision used without consent
    TransferSend,   // "transfer-send": a safeguarding file packed for another school
    TransferReceive, // "transfer-receive": a safeguarding file imported from another school
    TransferReceipt, // "transfer-receipt": the receiving school's confirmation imported
    Retention,      // "retention": a retention review recorded
};

[[nodiscard]] QList<Action> allActions();
[[nodiscard]] QString actionCode(Action action);
// Exact match on the stored code; anything else returns nothing.
[[nodiscard]] std::optional<Action> actionFromCode(const QString& code);
// The action's name for users, translated, for example "Failed unlock".
[[nodiscard]] QString actionLabel(Action action);

// An event to append. user and roleCode default to the store's audit actor
// (Store::setAuditActor()).
struct NewEvent {
    Action action = Action::View;
    QString recordType; // store table name: "family", "person", "case_note", …
    QString recordId;
    QString familyId;
    QString personId;
    QJsonObject details;
    std::optional<QString> user;
    std::optional<QString> roleCode;
};

// One stored event.
struct Event {
    qint64 sequence = 0;
    QDateTime at; // UTC
    QString user;
    QString roleCode;
    QString actionCode; // kept as stored, so an unknown code still shows
    QString recordType;
    QString recordId;
    QString familyId;
    QString personId;
    QJsonObject details;   // empty when erased
    qint64 erasedBySequence = 0; // the erasure event's sequence, or 0
};

// The criteria of query() and count(). Empty strings and unset dates match all.
struct Filter {
    QString personId;
    // With personId: also the events about no one person of a family the
    // person is or was a member of, such as a view of that family.
    bool includePersonsFamilies = false;
    QString familyId;
    QString user;
    QList<Action> actions; // empty matches every action
    QDate from;            // inclusive, local date
    QDate to;              // inclusive, local date
    qint64 afterSequence = 0;  // only events after it, 0 for no lower bound
    qint64 beforeSequence = 0; // only events before it, 0 for no upper bound
    int limit = 0;             // 0 for no limit
    bool newestFirst = true;
};

// Appends and reads the events of one store. Lives on the store's thread and
// must not outlive the store.
class AuditLog {
public:
    // clock returns the current time and defaults to the system clock in UTC.
    explicit AuditLog(Store& store, std::function<QDateTime()> clock = {});

    // Appends one event and returns its sequence. When a transaction is open
    // on the store's connection, the event joins it, so it commits or rolls
    // back with the change it records. Otherwise it runs in a transaction of
    // its own.
    [[nodiscard]] Result<qint64> append(const NewEvent& event);

    [[nodiscard]] Result<QList<Event>> query(const Filter& filter) const;
    [[nodiscard]] Result<qint64> count(const Filter& filter) const;

private:
    Store& m_store;
    std::function<QDateTime()> m_clock;
};

// A cause for the writes the audit triggers record while it lives, on one
// store's connection: "sync" for a pulled page (details.from = the server's
// organisation id), "erasure", "transfer-import", "import" for a CTF import.
// Hard deletes under "sync" are recorded as Purge, under "erasure" as Erase.
// Causes do not nest; the destructor restores the previous one.
class ScopedAuditCause {
public:
    ScopedAuditCause(Store& store, const QString& cause, const QJsonObject& details = {});
    ~ScopedAuditCause();
    ScopedAuditCause(const ScopedAuditCause&) = delete;
    ScopedAuditCause& operator=(const ScopedAuditCause&) = delete;

private:
    Store& m_store;
    QString m_previousCause;
    QJsonObject m_previousDetails;
};

// The result of checking the chain.
struct ChainReport {
    qint64 events = 0;          // events checked
    qint64 erasedDetails = 0;   // events whose details an erasure blanked
    bool intact = true;
    // When not intact: the first event found altered, or the sequence where
    // one or more events are missing, and what is wrong, for the user.
    qint64 firstBadSequence = 0;
    QString problem;
};

// Recomputes every event's digest and hash from the first event on, and
// checks that sequences run without gaps up to the head recorded beside the
// chain. progress, when set, is called now and then with events checked and
// the total. Returns Database when the check could not run.
[[nodiscard]] Result<ChainReport> verifyAuditChain(Store& store,
                                                   const std::function<void(qint64, qint64)>& progress = {});

} // namespace earlyhelp::audit
