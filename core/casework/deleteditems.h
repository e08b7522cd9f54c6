#pragma once

#include "casework/caseworkoptions.h"
#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace earlyhelp {

class Store;

// A case-work record deleted recently enough to be restored.
struct DeletedItem {
    CaseworkRecord kind = CaseworkRecord::CaseNote;
    QString id;
    // The family the record belongs to. A consent or sharing decision without
    // a family takes the family of the person it names; empty when that
    // person belongs to no family either.
    QString familyId;
    QString familyName;
    // A translated one-line summary, such as "Case note of 01/12/2026 (home
    // visit): Met Joanna at home." It contains case data, so it is never
    // logged.
    QString description;
    QDateTime deletedAt;       // UTC
    QDateTime restorableUntil; // UTC: deletedAt plus restoreWindowDays
    // Calendar days from today to the date of restorableUntil, both in the
    // computer's time zone: restoreWindowDays on the day of the deletion and
    // 0 on the last day.
    int daysLeft = 0;
};

// Lists the case-work records that can still be restored and restores them.
// It covers assessments, plans, goals, actions, meetings, reviews, consents,
// sharing decisions and case notes, but not families themselves. Restoring
// goes through the record's repository, so the role rules, the revision and
// the restore window apply exactly as there. Lives on the store's thread and
// must not outlive the store.
class DeletedItems {
public:
    // options.clock sets "now" for the restore window, and options.authorise
    // is handed to the repositories that restore.
    explicit DeletedItems(Store& store, CaseworkOptions options = {});

    // Returns the records deleted within restoreWindowDays before now, most
    // recently deleted first.
    [[nodiscard]] Result<QList<DeletedItem>> list() const;

    // Restores the record of kind with id through its repository's restore.
    // PermissionDenied when actor's role may not restore; InvalidInput when
    // the record is not deleted, was deleted more than restoreWindowDays ago,
    // or kind is CaseworkRecord::Family, which has no restore; NotFound when
    // no record of kind has id.
    [[nodiscard]] Status restore(const Actor& actor, CaseworkRecord kind, const QString& id);

private:
    Store& m_store;
    CaseworkOptions m_options;
};

} // namespace earlyhelp
