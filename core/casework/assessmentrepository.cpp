#include "assessmentrepository.h"

#include "recordtable.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace earlyhelp {

using namespace casework;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::Casework", text);
}

RecordTable assessmentTable(Store& store) {
    return RecordTable(store, QStringLiteral("assessment"),
                       {QStringLiteral("family_id"), QStringLiteral("assessor"),
                        QStringLiteral("assessment_date"), QStringLiteral("child_voice"),
                        QStringLiteral("family_voice")},
                       tr("assessment"));
}

RecordTable needTable(Store& store) {
    return RecordTable(store, QStringLiteral("assessment_need"),
                       {QStringLiteral("assessment_id"), QStringLiteral("heading"),
                        QStringLiteral("strengths"), QStringLiteral("needs"), QStringLiteral("score")},
                       tr("assessment need"));
}

QVariantList assessmentValues(const Assessment& assessment) {
    return {assessment.familyId, assessment.assessor.trimmed(), dateValue(assessment.date),
            assessment.childVoice, assessment.familyVoice};
}

QVariantList needValues(const QString& assessmentId, const AssessmentNeed& need) {
    return {assessmentId, headingCode(need.heading).toString(), need.strengths, need.needs, need.score};
}

} // namespace

AssessmentRepository::AssessmentRepository(Store& store, CaseworkOptions options)
    : m_store(store)
    , m_options(withDefaults(std::move(options))) {}

Status AssessmentRepository::validate(const Assessment& assessment, QDate today) {
    if (assessment.familyId.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The assessment has no family. Choose the family it "
                                                     "assesses."));
    if (assessment.assessor.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The assessor is missing. Enter who carried out the "
                                                     "assessment."));
    if (!assessment.date.isValid())
        return makeError(ErrorCode::InvalidInput, tr("The date of the assessment is missing. Enter the "
                                                     "date it was carried out."));
    if (assessment.date > today) {
        return makeError(ErrorCode::InvalidInput,
                         tr("The date of the assessment, %1, is in the future. Enter today's date or an "
                            "earlier one.")
                             .arg(dateForScreen(assessment.date)));
    }

    QSet<SupportingFamiliesHeading> seen;
    for (const AssessmentNeed& need : assessment.needs) {
        if (std::ranges::find(supportingFamiliesHeadings(), need.heading) ==
            supportingFamiliesHeadings().end()) {
            return makeError(ErrorCode::InvalidInput,
                             tr("The assessment names an unknown heading (number %1). Choose one of the "
                                "Supporting Families headings.")
                                 .arg(int(need.heading)));
        }
        if (need.score < 1 || need.score > 5) {
            return makeError(ErrorCode::InvalidInput,
                             tr("The score %1 for \"%2\" is out of range. Enter a score from 1 (no concern) "
                                "to 5 (greatest need).")
                                 .arg(need.score)
                                 .arg(headingLabel(need.heading)));
        }
        if (seen.contains(need.heading)) {
            return makeError(ErrorCode::InvalidInput,
                             tr("The heading \"%1\" appears more than once. Record each heading once.")
                                 .arg(headingLabel(need.heading)));
        }
        seen.insert(need.heading);
    }
    return {};
}

Result<bool> AssessmentRepository::writeNeeds(const QString& assessmentId, const QList<AssessmentNeed>& needs,
                                              const QDateTime& now) {
    RecordTable table = needTable(m_store);
    Result<QList<Row>> stored =
        table.list(QStringLiteral("assessment_id = ?"), {assessmentId}, QStringLiteral("id"));
    if (!stored)
        return std::unexpected(stored.error());

    bool changed = false;
    QSet<QString> kept;
    for (const AssessmentNeed& need : needs) {
        const QString code = headingCode(need.heading).toString();
        const auto match = std::find_if(stored->cbegin(), stored->cend(), [&code](const Row& row) {
            return row.values.at(1).toString() == code;
        });
        if (match == stored->cend()) {
            Result<QString> id = table.insert(needValues(assessmentId, need), now);
            if (!id)
                return std::unexpected(id.error());
            changed = true;
            continue;
        }
        kept.insert(match->meta.id);
        Result<bool> updated = table.update(match->meta.id, needValues(assessmentId, need), now);
        if (!updated)
            return std::unexpected(updated.error());
        changed = changed || *updated;
    }
    for (const Row& row : *stored) {
        if (kept.contains(row.meta.id))
            continue;
        if (Status removed = table.softDelete(row.meta.id, now); !removed)
            return std::unexpected(removed.error());
        changed = true;
    }
    return changed;
}

Result<Assessment> AssessmentRepository::create(const Actor& actor, const Assessment& assessment) {
    if (Status allowed = m_options.authorise(actor, {WriteKind::Create, CaseworkRecord::Assessment});
        !allowed)
        return std::unexpected(allowed.error());
    const QDateTime now = m_options.clock();
    if (Status valid = validate(assessment, localDate(now)); !valid)
        return std::unexpected(valid.error());

    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    Result<QString> id = assessmentTable(m_store).insert(assessmentValues(assessment), now);
    if (!id)
        return std::unexpected(id.error());
    if (Result<bool> written = writeNeeds(*id, assessment.needs, now); !written)
        return std::unexpected(written.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcCasework, "Assessment %s created", qUtf8Printable(*id));
    return get(*id);
}

Result<Assessment> AssessmentRepository::update(const Actor& actor, const Assessment& assessment) {
    if (Status allowed = m_options.authorise(actor, {WriteKind::Update, CaseworkRecord::Assessment});
        !allowed)
        return std::unexpected(allowed.error());
    const QDateTime now = m_options.clock();
    if (Status valid = validate(assessment, localDate(now)); !valid)
        return std::unexpected(valid.error());

    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    RecordTable table = assessmentTable(m_store);
    Result<bool> fieldsChanged = table.update(assessment.meta.id, assessmentValues(assessment), now);
    if (!fieldsChanged)
        return std::unexpected(fieldsChanged.error());
    Result<bool> needsChanged = writeNeeds(assessment.meta.id, assessment.needs, now);
    if (!needsChanged)
        return std::unexpected(needsChanged.error());
    if (*needsChanged && !*fieldsChanged) {
        if (Status touched = table.touch(assessment.meta.id, now); !touched)
            return std::unexpected(touched.error());
    }
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return get(assessment.meta.id);
}

Result<Assessment> AssessmentRepository::get(const QString& id) const {
    Result<Row> row = assessmentTable(m_store).get(id, m_options.includeDeleted);
    if (!row)
        return std::unexpected(row.error());
    Assessment assessment;
    assessment.meta = row->meta;
    assessment.familyId = row->values.at(0).toString();
    assessment.assessor = row->values.at(1).toString();
    assessment.date = dateFromValue(row->values.at(2));
    assessment.childVoice = row->values.at(3).toString();
    assessment.familyVoice = row->values.at(4).toString();

    Result<QList<Row>> needs =
        needTable(m_store).list(QStringLiteral("assessment_id = ?"), {id}, QStringLiteral("id"));
    if (!needs)
        return std::unexpected(needs.error());
    for (const Row& needRow : *needs) {
        const std::optional<SupportingFamiliesHeading> heading =
            headingFromCode(needRow.values.at(1).toString());
        if (!heading)
            continue; // the schema's CHECK admits only known codes
        assessment.needs += AssessmentNeed{*heading, needRow.values.at(2).toString(),
                                           needRow.values.at(3).toString(), needRow.values.at(4).toInt()};
    }
    std::sort(assessment.needs.begin(), assessment.needs.end(),
              [](const AssessmentNeed& a, const AssessmentNeed& b) { return a.heading < b.heading; });
    return assessment;
}

Result<QList<Assessment>> AssessmentRepository::listForFamily(const QString& familyId) const {
    Result<QList<Row>> rows = assessmentTable(m_store).list(
        QStringLiteral("family_id = ?"), {familyId}, QStringLiteral("assessment_date DESC, created_at DESC"),
        m_options.includeDeleted);
    if (!rows)
        return std::unexpected(rows.error());
    QList<Assessment> assessments;
    for (const Row& row : *rows) {
        Result<Assessment> assessment = get(row.meta.id);
        if (!assessment)
            return std::unexpected(assessment.error());
        assessments += *assessment;
    }
    return assessments;
}

Status AssessmentRepository::remove(const Actor& actor, const QString& id) {
    if (Status allowed = m_options.authorise(actor, {WriteKind::Delete, CaseworkRecord::Assessment});
        !allowed)
        return allowed;
    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    if (Status removed = assessmentTable(m_store).softDelete(id, m_options.clock()); !removed)
        return removed;
    return transaction.commit();
}

Status AssessmentRepository::restore(const Actor& actor, const QString& id) {
    if (Status allowed = m_options.authorise(actor, {WriteKind::Restore, CaseworkRecord::Assessment});
        !allowed)
        return allowed;
    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    if (Status restored = assessmentTable(m_store).restore(id, m_options.clock()); !restored)
        return restored;
    return transaction.commit();
}

} // namespace earlyhelp
