#include "casenoterepository.h"

#include "datacategorycode.h"
#include "recordmapping.h"

#include <QCoreApplication>

namespace earlyhelp {

using namespace casework;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::Casework", text);
}

Status invalid(const QString& message) {
    return makeError(ErrorCode::InvalidInput, message);
}

const RecordMapping<CaseNote>& noteMapping() {
    static const RecordMapping<CaseNote> mapping{
        QStringLiteral("case_note"),
        {QStringLiteral("family_id"), QStringLiteral("person_id"), QStringLiteral("note_date"),
         QStringLiteral("author"), QStringLiteral("note_type"), QStringLiteral("body"),
         QStringLiteral("significant"), QStringLiteral("data_category")},
        tr("case note"),
        CaseworkRecord::CaseNote,
        [](const CaseNote& note) -> QVariantList {
            return {note.familyId,
                    optionalText(note.personId),
                    dateValue(note.date),
                    note.author.trimmed(),
                    note.type.trimmed(),
                    note.text,
                    note.significant ? 1 : 0,
                    dataCategoryCode(note.category).toString()};
        },
        [](const Row& row) {
            CaseNote note;
            note.meta = row.meta;
            note.familyId = row.values.at(0).toString();
            note.personId = row.values.at(1).toString();
            note.date = dateFromValue(row.values.at(2));
            note.author = row.values.at(3).toString();
            note.type = row.values.at(4).toString();
            note.text = row.values.at(5).toString();
            note.significant = row.values.at(6).toInt() != 0;
            note.category =
                dataCategoryFromCode(row.values.at(7).toString()).value_or(DataCategory::Personal);
            return note;
        },
        [](Store&, const CaseNote& note, QDate today) -> Status {
            if (note.familyId.isEmpty())
                return invalid(tr("The case note has no family. Choose the family it belongs to."));
            if (!note.date.isValid())
                return invalid(tr("The date of the case note is missing. Enter the date of the event."));
            if (note.date > today) {
                return invalid(tr("The date of the case note, %1, is in the future. Enter today's date or an "
                                  "earlier one.")
                                   .arg(dateForScreen(note.date)));
            }
            if (note.author.trimmed().isEmpty())
                return invalid(tr("The author of the case note is missing. Enter who wrote it."));
            if (note.type.trimmed().isEmpty())
                return invalid(
                    tr("The type of the case note is missing. Choose a type, such as home visit."));
            if (note.text.trimmed().isEmpty())
                return invalid(tr("The case note is empty. Enter what happened."));
            const bool knownCategory = note.category == DataCategory::Personal ||
                                       note.category == DataCategory::SpecialCategory ||
                                       note.category == DataCategory::CriminalOffence;
            if (!knownCategory) {
                return invalid(tr("The data category number %1 of the case note is unknown. Choose personal, "
                                  "special category or criminal offence data.")
                                   .arg(int(note.category)));
            }
            return {};
        },
    };
    return mapping;
}

} // namespace

CaseNoteRepository::CaseNoteRepository(Store& store, CaseworkOptions options)
    : m_store(store)
    , m_options(withDefaults(std::move(options))) {}

Result<CaseNote> CaseNoteRepository::create(const Actor& actor, const CaseNote& note) {
    return createRecord(m_store, m_options, noteMapping(), actor, note);
}

Result<CaseNote> CaseNoteRepository::update(const Actor& actor, const CaseNote& note) {
    return updateRecord(m_store, m_options, noteMapping(), actor, note);
}

Result<CaseNote> CaseNoteRepository::get(const QString& id) const {
    return getRecord(m_store, noteMapping(), id, m_options.includeDeleted);
}

Result<QList<CaseNote>> CaseNoteRepository::chronology(const QString& familyId, bool significantOnly) const {
    return listRecords(m_store, noteMapping(),
                       significantOnly ? QStringLiteral("family_id = ? AND significant = 1")
                                       : QStringLiteral("family_id = ?"),
                       {familyId}, QStringLiteral("note_date DESC, created_at DESC"),
                       m_options.includeDeleted);
}

Status CaseNoteRepository::remove(const Actor& actor, const QString& id) {
    return removeRecord(m_store, m_options, noteMapping(), actor, id);
}

Status CaseNoteRepository::restore(const Actor& actor, const QString& id) {
    return restoreRecord(m_store, m_options, noteMapping(), actor, id);
}

} // namespace earlyhelp
