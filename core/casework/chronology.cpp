#include "chronology.h"

#include "domain/familystatus.h"
#include "recordtable.h"
#include "sharingterms.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>

namespace earlyhelp {

using namespace casework;
using namespace Qt::StringLiterals;

namespace {

// The name a person goes by, preferred forms first, as
// PersonSummary::displayName() builds it. alias is the person table's alias.
QString personNameSql(const QString& alias) {
    return u"trim(coalesce(nullif("_s % alias % u".preferred_forename, ''), "_s % alias %
           u".legal_forename) || ' ' || coalesce(nullif("_s % alias % u".preferred_surname, ''), "_s % alias %
           u".legal_surname))"_s;
}

// One SELECT of the union. Every SELECT returns the same columns, in the
// order of the "entry" table below: source, type, then the columns listed in
// `columns`, which are record id, date, author, five text parts, the
// significant flag, created_at and a sequence. readEntry() builds the entry's
// text from the parts. The sequence puts a consent's withdrawal after its
// giving, and a plan's closure after its start, when both fall on one day.
struct UnionPart {
    ChronologySource source;
    QString type; // an SQL expression: the note's type column or a quoted code
    QString columns;
    QString from;        // the FROM and WHERE clauses
    int familyBinds = 1; // the number of "?" in `from`, each the family id
};

QString quoted(const char16_t* typeCode) {
    return u"'"_s % QStringView(typeCode) % u"'"_s;
}

QList<UnionPart> unionParts() {
    const QString memberOfFamily = QStringLiteral(
        "(SELECT fm.person_id FROM family_member fm WHERE fm.family_id = ? AND fm.deleted = 0)");
    const QString consentOfFamily = u"FROM consent c "
                                    "LEFT JOIN person g ON g.id = c.given_by_person_id AND g.deleted = 0 "
                                    "LEFT JOIN person s ON s.id = c.subject_person_id AND s.deleted = 0 "
                                    "WHERE c.deleted = 0 AND (c.family_id = ? OR (c.family_id IS NULL AND "
                                    "c.subject_person_id IN "_s %
                                    memberOfFamily % u"))"_s;
    const QString givenBy = personNameSql(QStringLiteral("g"));
    const QString subject = personNameSql(QStringLiteral("s"));
    const QString planOfFamily = QStringLiteral("JOIN taf_plan p ON p.id = %1.plan_id "
                                                "WHERE p.family_id = ? AND p.deleted = 0 AND %1.deleted = 0");

    return {
        {ChronologySource::CaseNote, QStringLiteral("n.note_type"),
         QStringLiteral(
             "n.id, n.note_date, n.author, n.body, '', '', '', '', n.significant, n.created_at, 0"),
         QStringLiteral("FROM case_note n WHERE n.family_id = ? AND n.deleted = 0")},
        {ChronologySource::Assessment, quoted(chronologytype::assessment),
         QStringLiteral("a.id, a.assessment_date, a.assessor, '', '', '', '', '', 0, a.created_at, 0"),
         QStringLiteral("FROM assessment a WHERE a.family_id = ? AND a.deleted = 0")},
        {ChronologySource::ConsentGiven, quoted(chronologytype::consentGiven),
         u"c.id, c.given_date, coalesce("_s % givenBy % u", ''), coalesce("_s % subject %
             u", ''), c.given_by_person_id = c.subject_person_id, '', '', '', 0, c.created_at, 0"_s,
         consentOfFamily, 2},
        {ChronologySource::ConsentWithdrawn, quoted(chronologytype::consentWithdrawn),
         u"c.id, c.withdrawn_date, c.withdrawn_by, coalesce("_s % subject %
             u", ''), '', '', '', '', 1, c.created_at, 1"_s,
         consentOfFamily % u" AND c.withdrawn_date IS NOT NULL"_s, 2},
        {ChronologySource::PlanStarted, quoted(chronologytype::planStarted),
         QStringLiteral("p.id, p.start_date, '', '', '', '', '', '', 0, p.created_at, 0"),
         QStringLiteral("FROM taf_plan p WHERE p.family_id = ? AND p.deleted = 0")},
        {ChronologySource::PlanClosed, quoted(chronologytype::planClosed),
         QStringLiteral("p.id, p.end_date, '', '', '', '', '', '', 1, p.created_at, 1"),
         QStringLiteral("FROM taf_plan p WHERE p.family_id = ? AND p.deleted = 0 AND p.status = 'closed' "
                        "AND p.end_date IS NOT NULL")},
        {ChronologySource::TafMeeting, quoted(chronologytype::tafMeeting),
         QStringLiteral("m.id, m.meeting_date, '', m.attendees, '', '', '', '', 0, m.created_at, 0"),
         u"FROM taf_meeting m "_s % planOfFamily.arg(u"m")},
        {ChronologySource::PlanReview, quoted(chronologytype::planReview),
         QStringLiteral(
             "r.id, r.review_date, '', coalesce(r.next_review_date, ''), '', '', '', '', 0, r.created_at, 0"),
         u"FROM plan_review r "_s % planOfFamily.arg(u"r")},
        {ChronologySource::SharingDecision, quoted(chronologytype::sharingWithoutConsent),
         QStringLiteral(
             "d.id, d.decision_date, d.decided_by, d.lawful_basis, d.justification, d.recipient_party_type, "
             "d.purpose, '', 0, d.created_at, 0"),
         u"FROM sharing_decision d WHERE d.deleted = 0 AND (d.family_id = ? OR (d.family_id IS NULL AND "
         "d.person_id IN "_s %
             memberOfFamily % u"))"_s,
         2},
        {ChronologySource::StatusChange, quoted(chronologytype::statusChange),
         QStringLiteral("s.id, s.change_date, s.changed_by, s.from_status, s.to_status, s.reason, '', '', 1, "
                        "s.created_at, 0"),
         QStringLiteral("FROM family_status_change s WHERE s.family_id = ? AND s.deleted = 0")},
        // A use stays in the chronology when its decision is later deleted,
        // because the information went out all the same. Its date is the
        // local calendar date of used_at.
        {ChronologySource::OverrideUse, quoted(chronologytype::sharedWithoutConsent),
         QStringLiteral("o.id, date(o.used_at, 'localtime'), o.used_by, o.recipient_party_type, o.purpose, "
                        "json_array_length(o.field_ids), coalesce(d.decided_by, ''), "
                        "coalesce(d.decision_date, ''), 0, o.used_at, 0"),
         u"FROM override_use o LEFT JOIN sharing_decision d ON d.id = o.decision_id "
         "WHERE o.family_id = ? OR (o.family_id IS NULL AND o.person_id IN "_s %
             memberOfFamily % u")"_s,
         2},
    };
}

// The common table expression "entry": the union of every kind of entry for
// one family, with the number of family id binds it takes.
struct ChronologySql {
    QString with;
    int familyBinds = 0;
};

const ChronologySql& chronologySql() {
    static const ChronologySql built = [] {
        ChronologySql result;
        QStringList selects;
        for (const UnionPart& part : unionParts()) {
            selects += u"SELECT "_s % QString::number(int(part.source)) % u", "_s % part.type % u", "_s %
                       part.columns % u" "_s % part.from;
            result.familyBinds += part.familyBinds;
        }
        result.with = u"WITH entry (source, type, record_id, entry_date, author, part1, part2, part3, "
                      "part4, part5, significant, created_at, sequence) AS ("_s %
                      selects.join(u" UNION ALL "_s) % u") "_s;
        return result;
    }();
    return built;
}

// The condition that keeps a deleted family's records out. It binds the
// family id once more.
const QString liveFamily = QStringLiteral("EXISTS (SELECT 1 FROM family f WHERE f.id = ? AND f.deleted = 0)");

// Builds an entry from a row of the chronology query: its text is built
// here, so that it follows the user's language.
ChronologyEntry readEntry(const QSqlQuery& query) {
    ChronologyEntry entry;
    entry.source = ChronologySource(query.value(0).toInt());
    entry.recordId = query.value(1).toString();
    entry.date = dateFromValue(query.value(2));
    entry.type = query.value(3).toString();
    entry.author = query.value(4).toString();
    entry.significant = query.value(10).toInt() != 0;
    const QString part1 = query.value(5).toString();
    const QString part2 = query.value(6).toString();
    const QString part3 = query.value(7).toString();
    const QString part4 = query.value(8).toString();
    const QString part5 = query.value(9).toString();

    switch (entry.source) {
    case ChronologySource::CaseNote:
        entry.text = part1;
        break;
    case ChronologySource::Assessment:
        entry.text = Chronology::tr("Early help assessment by %1").arg(entry.author);
        break;
    case ChronologySource::ConsentGiven:
        // The author is the person who gave consent, part1 the subject's name,
        // and part2 is 1 when the subject consented for themselves.
        entry.text = part2.toInt() != 0 || part1.isEmpty()
                         ? Chronology::tr("Consent given by %1").arg(entry.author)
                         : Chronology::tr("Consent given by %1 for %2").arg(entry.author, part1);
        break;
    case ChronologySource::ConsentWithdrawn:
        entry.text = part1.isEmpty()
                         ? Chronology::tr("Consent withdrawn by %1").arg(entry.author)
                         : Chronology::tr("Consent withdrawn by %1 for %2").arg(entry.author, part1);
        break;
    case ChronologySource::PlanStarted:
        entry.text = Chronology::tr("Team Around the Family plan started");
        break;
    case ChronologySource::PlanClosed:
        entry.text = Chronology::tr("Team Around the Family plan closed");
        break;
    case ChronologySource::TafMeeting:
        entry.text = part1.trimmed().isEmpty() ? Chronology::tr("TAF meeting")
                                               : Chronology::tr("TAF meeting with %1").arg(part1.trimmed());
        break;
    case ChronologySource::PlanReview: {
        const QDate next = dateFromValue(part1);
        entry.text = next.isValid()
                         ? Chronology::tr("Plan review; next review due %1").arg(dateForScreen(next))
                         : Chronology::tr("Plan review");
        break;
    }
    case ChronologySource::SharingDecision:
        // part1 is the lawful basis, part2 the justification, part3 and part4
        // the recipient party type and purpose, empty for a decision stored
        // before schema version 4.
        entry.text =
            part3.isEmpty() || part4.isEmpty()
                ? Chronology::tr("Decision by %1 to share without consent (%2), covering no recipient "
                                 "or purpose until it is edited: %3")
                      .arg(entry.author, part1, part2)
                : Chronology::tr("Decision by %1 to share without consent with %2 for %3 (%4): %5")
                      .arg(entry.author, sharingPartyTypeLabel(part3), sharingPurposeLabel(part4).toLower(),
                           part1, part2);
        break;
    case ChronologySource::OverrideUse: {
        // part1 and part2 are the recipient party type and purpose, part3 the
        // number of fields, part4 and part5 who made the decision and when.
        const QString sent =
            Chronology::tr("Shared without consent: %n field(s) sent to %1 for %2", nullptr, part3.toInt())
                .arg(sharingPartyTypeLabel(part1), sharingPurposeLabel(part2).toLower());
        const QDate decided = dateFromValue(part5);
        entry.text = part4.isEmpty() || !decided.isValid()
                         ? Chronology::tr("%1, relying on a decision to share without consent that is no "
                                          "longer in this store")
                               .arg(sent)
                         : Chronology::tr("%1, relying on the decision by %2 of %3")
                               .arg(sent, part4, dateForScreen(decided));
        break;
    }
    case ChronologySource::StatusChange: {
        const auto label = [](const QString& code) {
            const std::optional<FamilyStatus> status = familyStatusFromCode(code);
            return status ? familyStatusLabel(*status) : code;
        };
        entry.text = part3.isEmpty()
                         ? Chronology::tr("Case status changed from %1 to %2").arg(label(part1), label(part2))
                         : Chronology::tr("Case status changed from %1 to %2: %3")
                               .arg(label(part1), label(part2), part3);
        break;
    }
    }
    return entry;
}

} // namespace

Chronology::Chronology(Store& store)
    : m_store(store) {}

Result<QList<ChronologyEntry>> Chronology::entries(const QString& familyId,
                                                   const ChronologyFilter& filter) const {
    const ChronologySql& chronology = chronologySql();
    QString sql = chronology.with %
                  u"SELECT source, record_id, entry_date, type, author, part1, part2, part3, part4, part5, "
                  "significant FROM entry WHERE "_s %
                  liveFamily;
    if (!filter.types.isEmpty()) {
        QStringList placeholders;
        placeholders.fill(QStringLiteral("?"), filter.types.size());
        sql += u" AND type IN ("_s % placeholders.join(u", "_s) % u")"_s;
    }
    if (filter.significantOnly)
        sql += u" AND significant = 1"_s;
    sql += u" ORDER BY entry_date DESC, created_at DESC, sequence DESC, record_id DESC"_s;

    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (int bind = 0; bind < chronology.familyBinds + 1; ++bind)
        query.addBindValue(familyId);
    for (const QString& type : filter.types)
        query.addBindValue(type);
    if (!query.exec()) {
        qCWarning(lcCasework, "Reading the chronology of family %s failed: %s", qUtf8Printable(familyId),
                  qUtf8Printable(query.lastError().text()));
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    }

    QList<ChronologyEntry> result;
    while (query.next())
        result += readEntry(query);
    return result;
}

Result<QStringList> Chronology::typesPresent(const QString& familyId) const {
    const ChronologySql& chronology = chronologySql();
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(chronology.with % u"SELECT DISTINCT type FROM entry WHERE "_s % liveFamily %
                  u" ORDER BY type"_s);
    for (int bind = 0; bind < chronology.familyBinds + 1; ++bind)
        query.addBindValue(familyId);
    if (!query.exec()) {
        qCWarning(lcCasework, "Reading the chronology types of family %s failed: %s",
                  qUtf8Printable(familyId), qUtf8Printable(query.lastError().text()));
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    }
    QStringList types;
    while (query.next())
        types += query.value(0).toString();
    return types;
}

QStringList Chronology::caseNoteTypeCodes() {
    return {QStringLiteral("contact"), QStringLiteral("home_visit"), QStringLiteral("school_meeting"),
            QStringLiteral("concern"), QStringLiteral("phone_call"), QStringLiteral("other")};
}

QString Chronology::typeLabel(const QString& code) {
    static const QList<std::pair<QStringView, const char*>> labels{
        {u"contact", QT_TR_NOOP("Contact")},
        {u"home_visit", QT_TR_NOOP("Home visit")},
        {u"school_meeting", QT_TR_NOOP("School meeting")},
        {u"concern", QT_TR_NOOP("Concern")},
        {u"phone_call", QT_TR_NOOP("Phone call")},
        {u"other", QT_TR_NOOP("Other")},
        {chronologytype::assessment, QT_TR_NOOP("Assessment")},
        {chronologytype::consentGiven, QT_TR_NOOP("Consent given")},
        {chronologytype::consentWithdrawn, QT_TR_NOOP("Consent withdrawn")},
        {chronologytype::planStarted, QT_TR_NOOP("Plan started")},
        {chronologytype::planClosed, QT_TR_NOOP("Plan closed")},
        {chronologytype::tafMeeting, QT_TR_NOOP("TAF meeting")},
        {chronologytype::planReview, QT_TR_NOOP("Plan review")},
        {chronologytype::sharingWithoutConsent, QT_TR_NOOP("Decision to share without consent")},
        {chronologytype::sharedWithoutConsent, QT_TR_NOOP("Shared without consent")},
        {chronologytype::statusChange, QT_TR_NOOP("Status change")},
    };
    for (const auto& [known, label] : labels) {
        if (known == code)
            return tr(label);
    }
    return code;
}

} // namespace earlyhelp
