#pragma once

#include "casework/caseworkoptions.h"
#include "casework/records.h"
#include "common/result.h"

#include <QList>
#include <QString>

namespace earlyhelp {

class Store;

// Case notes, the family's chronology. Every write checks the note first
// (family, date not after today, author, type and text are required), runs
// in one transaction and raises the revision only when a value changed.
// Lives on the store's thread and must not outlive the store.
class CaseNoteRepository {
public:
    explicit CaseNoteRepository(Store& store, CaseworkOptions options = {});

    [[nodiscard]] Result<CaseNote> create(const Actor& actor, const CaseNote& note);
    [[nodiscard]] Result<CaseNote> update(const Actor& actor, const CaseNote& note);
    [[nodiscard]] Result<CaseNote> get(const QString& id) const;
    // Returns the family's chronology, newest first. With significantOnly,
    // only the notes flagged as significant events.
    [[nodiscard]] Result<QList<CaseNote>> chronology(const QString& familyId,
                                                     bool significantOnly = false) const;
    [[nodiscard]] Status remove(const Actor& actor, const QString& id);
    [[nodiscard]] Status restore(const Actor& actor, const QString& id);

private:
    Store& m_store;
    CaseworkOptions m_options;
};

} // namespace earlyhelp
