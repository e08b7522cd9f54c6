#pragma once

#include "casework/caseworkoptions.h"
#include "casework/records.h"
#include "common/result.h"

#include <QList>
#include <QString>

namespace earlyhelp {

class Store;

// Early help assessments and their needs by Supporting Families heading.
// Lives on the store's thread and must not outlive the store.
class AssessmentRepository {
public:
    explicit AssessmentRepository(Store& store, CaseworkOptions options = {});

    // Validates and stores a new assessment with its needs, in one
    // transaction, and returns it as stored.
    [[nodiscard]] Result<Assessment> create(const Actor& actor, const Assessment& assessment);

    // Writes assessment over the stored one with the same id. The revision
    // grows by one when a field or a need changed and stays when nothing did.
    // A heading missing from needs is deleted.
    [[nodiscard]] Result<Assessment> update(const Actor& actor, const Assessment& assessment);

    [[nodiscard]] Result<Assessment> get(const QString& id) const;
    // Returns the family's assessments, newest first.
    [[nodiscard]] Result<QList<Assessment>> listForFamily(const QString& familyId) const;

    // Marks the assessment deleted; restore() brings it back within
    // restoreWindowDays.
    [[nodiscard]] Status remove(const Actor& actor, const QString& id);
    [[nodiscard]] Status restore(const Actor& actor, const QString& id);

    // Checks an assessment's fields: family, assessor and a valid date not
    // after today, each score from 1 to 5, and each heading known and used at
    // most once.
    [[nodiscard]] static Status validate(const Assessment& assessment, QDate today);

private:
    [[nodiscard]] Result<bool> writeNeeds(const QString& assessmentId, const QList<AssessmentNeed>& needs,
                                          const QDateTime& now);

    Store& m_store;
    CaseworkOptions m_options;
};

} // namespace earlyhelp
