#include "deleteditems.h"

#include "casework/assessmentrepository.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "casework/planrepository.h"
#include "recordtable.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>

#include <algorithm>
#include <functional>

namespace earlyhelp {

using namespace casework;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::DeletedItems", text);
}

// The maximum length, in characters, of the text a description takes from a
// free-text field.
constexpr qsizetype maxExcerptLength = 80;

// Returns the first line of text, cut at a word boundary to at most
// maxExcerptLength characters with an ellipsis when it was longer.
QString excerpt(const QString& text) {
    QString line = text.section(u'\n', 0, 0).simplified();
    if (line.size() <= maxExcerptLength)
        return line;
    line.truncate(maxExcerptLength - 1);
    const qsizetype space = line.lastIndexOf(u' ');
    if (space > maxExcerptLength / 2)
        line.truncate(space);
    return line + u'…';
}

// Returns the person's name as lists show it: the preferred forename and
// surname where the record has them, else the legal ones.
QString personName(const QSqlQuery& query, int firstColumn) {
    const QString legalForename = query.value(firstColumn).toString();
    const QString legalSurname = query.value(firstColumn + 1).toString();
    const QString preferredForename = query.value(firstColumn + 2).toString();
    const QString preferredSurname = query.value(firstColumn + 3).toString();
    const QString forename = preferredForename.isEmpty() ? legalForename : preferredForename;
    const QString surname = preferredSurname.isEmpty() ? legalSurname : preferredSurname;
    return QStringList{forename, surname}.join(u' ').trimmed();
}

// The query of one case-work table. Its SQL returns the record id, the
// family id, deleted_at and then the columns that describe() reads, and has
// one placeholder for the earliest deleted_at still restorable.
struct DeletedQuery {
    CaseworkRecord kind;
    QString sql;
    std::function<QString(const QSqlQuery&)> describe;
};

QString dateText(const QVariant& value) {
    return dateForScreen(dateFromValue(value));
}

// The family of a consent or sharing decision: its own, else the first
// family of the person it names.
QString familyOfRecordOrPerson(const QString& familyColumn, const QString& personColumn) {
    return QString(u"coalesce(" + familyColumn +
                   u", (SELECT m.family_id FROM family_member m WHERE m.person_id = " + personColumn +
                   u" AND m.deleted = 0 ORDER BY m.created_at LIMIT 1))");
}

QList<DeletedQuery> deletedQueries() {
    const QString personColumns = QStringLiteral("p.legal_forename, p.legal_surname, p.preferred_forename, "
                                                 "p.preferred_surname");
    return {
        {CaseworkRecord::Assessment,
         QStringLiteral("SELECT a.id, a.family_id, a.deleted_at, a.assessment_date, a.assessor "
                        "FROM assessment a WHERE a.deleted = 1 AND a.deleted_at >= ?"),
         [](const QSqlQuery& query) {
             return tr("Assessment of %1 by %2").arg(dateText(query.value(3)), query.value(4).toString());
         }},
        {CaseworkRecord::Plan,
         QStringLiteral("SELECT p.id, p.family_id, p.deleted_at, p.start_date, p.end_date "
                        "FROM taf_plan p WHERE p.deleted = 1 AND p.deleted_at >= ?"),
         [](const QSqlQuery& query) {
             if (query.value(4).isNull())
                 return tr("Plan started on %1").arg(dateText(query.value(3)));
             return tr("Plan from %1 to %2").arg(dateText(query.value(3)), dateText(query.value(4)));
         }},
        {CaseworkRecord::Goal,
         QStringLiteral("SELECT g.id, p.family_id, g.deleted_at, g.heading, g.description "
                        "FROM plan_goal g JOIN taf_plan p ON p.id = g.plan_id "
                        "WHERE g.deleted = 1 AND g.deleted_at >= ?"),
         [](const QSqlQuery& query) {
             const std::optional<SupportingFamiliesHeading> heading =
                 headingFromCode(query.value(3).toString());
             const QString headingText = heading ? headingLabel(*heading) : query.value(3).toString();
             return tr("Goal under %1: %2").arg(headingText, excerpt(query.value(4).toString()));
         }},
        {CaseworkRecord::Action,
         QStringLiteral("SELECT a.id, p.family_id, a.deleted_at, a.description, a.due_date "
                        "FROM plan_action a JOIN plan_goal g ON g.id = a.goal_id "
                        "JOIN taf_plan p ON p.id = g.plan_id WHERE a.deleted = 1 AND a.deleted_at >= ?"),
         [](const QSqlQuery& query) {
             const QString text = excerpt(query.value(3).toString());
             if (query.value(4).isNull())
                 return tr("Action: %1").arg(text);
             return tr("Action due %1: %2").arg(dateText(query.value(4)), text);
         }},
        {CaseworkRecord::Meeting,
         QStringLiteral("SELECT m.id, p.family_id, m.deleted_at, m.meeting_date "
                        "FROM taf_meeting m JOIN taf_plan p ON p.id = m.plan_id "
                        "WHERE m.deleted = 1 AND m.deleted_at >= ?"),
         [](const QSqlQuery& query) { return tr("TAF meeting on %1").arg(dateText(query.value(3))); }},
        {CaseworkRecord::Review,
         QStringLiteral("SELECT r.id, p.family_id, r.deleted_at, r.review_date "
                        "FROM plan_review r JOIN taf_plan p ON p.id = r.plan_id "
                        "WHERE r.deleted = 1 AND r.deleted_at >= ?"),
         [](const QSqlQuery& query) { return tr("Plan review on %1").arg(dateText(query.value(3))); }},
        {CaseworkRecord::Consent,
         QString(
             u"SELECT c.id, " +
             familyOfRecordOrPerson(QStringLiteral("c.family_id"), QStringLiteral("c.subject_person_id")) +
             u", c.deleted_at, c.given_date, " + personColumns +
             u" FROM consent c LEFT JOIN person p ON p.id = c.subject_person_id "
             u"WHERE c.deleted = 1 AND c.deleted_at >= ?"),
         [](const QSqlQuery& query) {
             return tr("Consent for %1 given on %2").arg(personName(query, 4), dateText(query.value(3)));
         }},
        {CaseworkRecord::SharingDecision,
         QString(u"SELECT s.id, " +
                 familyOfRecordOrPerson(QStringLiteral("s.family_id"), QStringLiteral("s.person_id")) +
                 u", s.deleted_at, s.decision_date, s.lawful_basis, " + personColumns +
                 u" FROM sharing_decision s LEFT JOIN person p ON p.id = s.person_id "
                 u"WHERE s.deleted = 1 AND s.deleted_at >= ?"),
         [](const QSqlQuery& query) {
             const QString person = personName(query, 5);
             if (person.isEmpty()) {
                 return tr("Sharing without consent on %1 (%2)")
                     .arg(dateText(query.value(3)), excerpt(query.value(4).toString()));
             }
             return tr("Sharing without consent about %1 on %2 (%3)")
                 .arg(person, dateText(query.value(3)), excerpt(query.value(4).toString()));
         }},
        {CaseworkRecord::CaseNote,
         QStringLiteral("SELECT n.id, n.family_id, n.deleted_at, n.note_date, n.note_type, n.body "
                        "FROM case_note n WHERE n.deleted = 1 AND n.deleted_at >= ?"),
         [](const QSqlQuery& query) {
             return tr("Case note of %1 (%2): %3")
                 .arg(dateText(query.value(3)), query.value(4).toString(),
                      excerpt(query.value(5).toString()));
         }},
    };
}

} // namespace

DeletedItems::DeletedItems(Store& store, CaseworkOptions options)
    : m_store(store)
    , m_options(withDefaults(std::move(options))) {}

Result<QList<DeletedItem>> DeletedItems::list() const {
    // Timestamps are stored as UTC ISO 8601 with milliseconds, so comparing
    // them as text orders them in time.
    const QDateTime now = m_options.clock().toUTC();
    const QString earliest = timestampValue(now.addDays(-restoreWindowDays));
    const QDate today = localDate(now);

    QList<DeletedItem> items;
    for (const DeletedQuery& deleted : deletedQueries()) {
        QSqlQuery query(m_store.database());
        query.prepare(deleted.sql);
        query.addBindValue(earliest);
        if (!query.exec()) {
            qCWarning(lcCasework, "Listing the deleted records failed: %s",
                      qUtf8Printable(query.lastError().text()));
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        }
        while (query.next()) {
            DeletedItem item;
            item.kind = deleted.kind;
            item.id = query.value(0).toString();
            item.familyId = query.value(1).toString();
            item.deletedAt = QDateTime::fromString(query.value(2).toString(), Qt::ISODateWithMs).toUTC();
            item.restorableUntil = item.deletedAt.addDays(restoreWindowDays);
            // The repositories reject a restore when now is after the
            // deadline, so a record is listed up to and including it.
            if (!item.deletedAt.isValid() || now > item.restorableUntil)
                continue;
            item.daysLeft = int(today.daysTo(localDate(item.restorableUntil)));
            item.description = deleted.describe(query);
            items += item;
        }
    }

    // Family names, read once per family. Deleted families keep their name
    // here, because their records can still be restored.
    QHash<QString, QString> familyNames;
    QSqlQuery nameQuery(m_store.database());
    nameQuery.prepare(QStringLiteral("SELECT name FROM family WHERE id = ?"));
    for (DeletedItem& item : items) {
        if (item.familyId.isEmpty())
            continue;
        if (!familyNames.contains(item.familyId)) {
            nameQuery.addBindValue(item.familyId);
            if (!nameQuery.exec()) {
                qCWarning(lcCasework, "Reading the name of family %s failed: %s",
                          qUtf8Printable(item.familyId), qUtf8Printable(nameQuery.lastError().text()));
                return std::unexpected(m_store.errorFromSql(nameQuery.lastError()));
            }
            familyNames.insert(item.familyId, nameQuery.next() ? nameQuery.value(0).toString() : QString());
        }
        item.familyName = familyNames.value(item.familyId);
    }

    std::ranges::stable_sort(items, [](const DeletedItem& left, const DeletedItem& right) {
        return left.deletedAt > right.deletedAt;
    });
    return items;
}

Status DeletedItems::restore(const Actor& actor, CaseworkRecord kind, const QString& id) {
    switch (kind) {
    case CaseworkRecord::Assessment:
        return AssessmentRepository(m_store, m_options).restore(actor, id);
    case CaseworkRecord::Plan:
        return PlanRepository(m_store, m_options).restorePlan(actor, id);
    case CaseworkRecord::Goal:
        return PlanRepository(m_store, m_options).restoreGoal(actor, id);
    case CaseworkRecord::Action:
        return PlanRepository(m_store, m_options).restoreAction(actor, id);
    case CaseworkRecord::Meeting:
        return PlanRepository(m_store, m_options).restoreMeeting(actor, id);
    case CaseworkRecord::Review:
        return PlanRepository(m_store, m_options).restoreReview(actor, id);
    case CaseworkRecord::Consent:
        return ConsentRepository(m_store, m_options).restoreConsent(actor, id);
    case CaseworkRecord::SharingDecision:
        return ConsentRepository(m_store, m_options).restoreSharingDecision(actor, id);
    case CaseworkRecord::CaseNote:
        return CaseNoteRepository(m_store, m_options).restore(actor, id);
    case CaseworkRecord::Family:
        break;
    }
    return makeError(ErrorCode::InvalidInput,
                     tr("Family %1 cannot be restored from the deleted items. Only the records of a family's "
                        "case work can.")
                         .arg(id));
}

} // namespace earlyhelp
