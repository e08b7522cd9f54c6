#include "casedirectory.h"
#include "personcolumns.h"

#include "domain/searchfold.h"
#include "store/store.h"

#include <algorithm>

#include <QCollator>
#include <QCoreApplication>
#include <QLocale>
#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

Q_LOGGING_CATEGORY(lcCases, "earlyhelp.core.cases", QtInfoMsg)

namespace earlyhelp {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::CaseDirectory)
};

std::unexpected<Error> queryError(const QSqlQuery& query)
{
    qCWarning(lcCases) << "query failed:" << query.lastError().text();
    return makeError(ErrorCode::Database,
                     Text::tr("Reading the case store failed: %1. Close and reopen the store; if this happens "
                        "again, run \"earlyhelp-cli verify\".")
                         .arg(query.lastError().text()));
}

// Compares names as a British reader orders them: case and accents matter only
// to break ties, so "Ó Murchú" sorts among the Ms and before "Wiśniewski".
const QCollator& nameCollator()
{
    static const QCollator collator = [] {
        QCollator c(QLocale(QLocale::English, QLocale::UnitedKingdom));
        c.setCaseSensitivity(Qt::CaseInsensitive);
        c.setNumericMode(true);
        return c;
    }();
    return collator;
}

QString utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

const QString& personSummaryColumns()
{
    static const QString columns = QStringLiteral(
        "p.id, p.upn, p.legal_forename, p.middle_names, p.legal_surname, p.preferred_forename, "
        "p.preferred_surname, p.former_surname, p.date_of_birth, p.sex, p.is_pupil, p.looked_after, "
        "(SELECT fm.family_id FROM family_member fm JOIN family f ON f.id = fm.family_id "
        "  WHERE fm.person_id = p.id AND fm.deleted = 0 AND f.deleted = 0 ORDER BY f.created_at LIMIT 1), "
        "(SELECT f.name FROM family_member fm JOIN family f ON f.id = fm.family_id "
        "  WHERE fm.person_id = p.id AND fm.deleted = 0 AND f.deleted = 0 ORDER BY f.created_at LIMIT 1)");
    return columns;
}

PersonSummary readPersonSummary(const QSqlQuery& query, int first)
{
    PersonSummary person;
    person.id = query.value(first + 0).toString();
    person.upn = query.value(first + 1).toString();
    person.legalForename = query.value(first + 2).toString();
    person.middleNames = query.value(first + 3).toString();
    person.legalSurname = query.value(first + 4).toString();
    person.preferredForename = query.value(first + 5).toString();
    person.preferredSurname = query.value(first + 6).toString();
    person.formerSurname = query.value(first + 7).toString();
    person.dateOfBirth = QDate::fromString(query.value(first + 8).toString(), Qt::ISODate);
    person.sex = query.value(first + 9).toString();
    person.isPupil = query.value(first + 10).toInt() != 0;
    person.lookedAfter = query.value(first + 11).toInt() != 0;
    person.familyId = query.value(first + 12).toString();
    person.familyName = query.value(first + 13).toString();
    return person;
}

QString PersonSummary::displayName() const
{
    const QString forename = preferredForename.isEmpty() ? legalForename : preferredForename;
    const QString surname = preferredSurname.isEmpty() ? legalSurname : preferredSurname;
    return QStringList{forename, surname}.join(u' ').trimmed();
}

QString AddressRecord::singleLine() const
{
    QStringList parts;
    const QString firstLine = QStringList{paon, street}.join(u' ').trimmed();
    for (const QString& part : {saon, firstLine, locality, town, postTown, county, postcode}) {
        if (!part.trimmed().isEmpty() && !parts.contains(part))
            parts += part;
    }
    return parts.join(QStringLiteral(", "));
}

CaseDirectory::CaseDirectory(Store& store)
    : m_store(store)
{
}

Result<QList<PersonSummary>> CaseDirectory::people(const QString& typed, int limit) const
{
    // The inner query picks at most limit people and the outer one reads and
    // sorts just those, so the family columns, a lookup each, are computed
    // for them alone. A search takes the first matches in index order rather
    // than sorting every match by name: sorting 25,000 matches of "kha" among
    // 300,000 people cost about 140 ms, too slow to run on each key press.
    // NOTE: findPeople() in store/personsearch.h matches the same index but
    // sorts every match; the two should become one query when it stops doing so.
    const QString order = QStringLiteral(
        " ORDER BY p.is_pupil DESC, p.legal_surname COLLATE NOCASE, p.legal_forename COLLATE NOCASE, p.local_id");
    const QString match = ftsMatchExpression(typed);
    const QString chosen = match.isEmpty()
        ? QString(u"SELECT p.local_id FROM person p WHERE p.deleted = 0" + order + u" LIMIT ?")
        : QStringLiteral("SELECT p.local_id FROM person_search s JOIN person p ON p.local_id = s.rowid"
                         " WHERE person_search MATCH ? AND p.deleted = 0 LIMIT ?");

    QSqlQuery query(m_store.database());
    query.prepare(u"SELECT " + personSummaryColumns() + u" FROM person p WHERE p.local_id IN (" + chosen + u")" + order);
    if (!match.isEmpty())
        query.addBindValue(match);
    query.addBindValue(limit);
    if (!query.exec())
        return queryError(query);

    QList<PersonSummary> people;
    while (query.next())
        people += readPersonSummary(query);

    // SQLite's NOCASE folds ASCII letters only, so the final order is by name
    // as a British reader expects it.
    const QCollator& collator = nameCollator();
    std::stable_sort(people.begin(), people.end(), [&collator](const PersonSummary& a, const PersonSummary& b) {
        if (a.isPupil != b.isPupil)
            return a.isPupil;
        if (const int bySurname = collator.compare(a.legalSurname, b.legalSurname); bySurname != 0)
            return bySurname < 0;
        return collator.compare(a.legalForename, b.legalForename) < 0;
    });
    return people;
}

Result<QList<FamilySummary>> CaseDirectory::families(const QString& typed, int limit) const
{
    const QString counts = QStringLiteral(
        "SELECT f.id, f.name, f.status, f.looked_after, "
        " (SELECT count(*) FROM family_member m WHERE m.family_id = f.id AND m.deleted = 0 AND m.role = 'child'), "
        " (SELECT count(*) FROM family_member m WHERE m.family_id = f.id AND m.deleted = 0 AND m.role = 'adult') "
        "FROM family f WHERE f.deleted = 0");
    const QString order = QStringLiteral(" ORDER BY f.name COLLATE NOCASE, f.created_at LIMIT ?");

    QSqlQuery query(m_store.database());
    const QString match = ftsMatchExpression(typed);
    if (match.isEmpty()) {
        query.prepare(counts + order);
    } else {
        query.prepare(counts
                      + u" AND f.id IN (SELECT m.family_id FROM family_member m"
                        u" JOIN person p ON p.id = m.person_id"
                        u" JOIN person_search s ON s.rowid = p.local_id"
                        u" WHERE person_search MATCH ? AND m.deleted = 0 AND p.deleted = 0)"
                      + order);
        query.addBindValue(match);
    }
    query.addBindValue(limit);
    if (!query.exec())
        return queryError(query);

    QList<FamilySummary> families;
    while (query.next()) {
        FamilySummary family;
        family.id = query.value(0).toString();
        family.name = query.value(1).toString();
        family.status = query.value(2).toString();
        family.lookedAfter = query.value(3).toInt() != 0;
        family.childCount = query.value(4).toInt();
        family.adultCount = query.value(5).toInt();
        families += family;
    }

    const QCollator& collator = nameCollator();
    std::stable_sort(families.begin(), families.end(), [&collator](const FamilySummary& a, const FamilySummary& b) {
        return collator.compare(a.name, b.name) < 0;
    });
    return families;
}

Result<FamilyDetail> CaseDirectory::family(const QString& familyId) const
{
    QSqlDatabase db = m_store.database();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, name, status, looked_after FROM family WHERE id = ? AND deleted = 0"));
    query.addBindValue(familyId);
    if (!query.exec())
        return queryError(query);
    if (!query.next())
        return makeError(ErrorCode::NotFound,
                         Text::tr("No family with id %1 is in this store. It may have been deleted.").arg(familyId));

    FamilyDetail detail;
    detail.family.id = query.value(0).toString();
    detail.family.name = query.value(1).toString();
    detail.family.status = query.value(2).toString();
    detail.family.lookedAfter = query.value(3).toInt() != 0;

    query.prepare(u"SELECT m.role, m.relationship, m.parental_responsibility, " + personSummaryColumns()
                  + u" FROM family_member m JOIN person p ON p.id = m.person_id"
                    u" WHERE m.family_id = ? AND m.deleted = 0 AND p.deleted = 0"
                    u" ORDER BY m.role = 'adult', p.date_of_birth DESC, p.legal_surname, p.legal_forename");
    query.addBindValue(familyId);
    if (!query.exec())
        return queryError(query);
    while (query.next()) {
        FamilyMember member;
        member.role = query.value(0).toString();
        member.relationship = query.value(1).toString();
        member.parentalResponsibility = query.value(2).toInt() != 0;
        member.person = readPersonSummary(query, 3);
        member.person.familyId = detail.family.id;
        member.person.familyName = detail.family.name;
        detail.members += member;
    }

    QSqlQuery addresses(db);
    addresses.prepare(QStringLiteral(
        "SELECT saon, paon, street, locality, town, post_town, county, postcode FROM address "
        "WHERE person_id = ? AND deleted = 0 ORDER BY is_current DESC, created_at"));
    QSqlQuery contacts(db);
    contacts.prepare(QStringLiteral(
        "SELECT kind, type_code, value FROM contact WHERE person_id = ? AND deleted = 0 ORDER BY kind DESC, created_at"));
    QSqlQuery links(db);
    links.prepare(QStringLiteral(
        "SELECT r.child_id, c.legal_forename, c.preferred_forename, c.legal_surname, r.relationship, "
        "r.parental_responsibility FROM relationship r JOIN person c ON c.id = r.child_id "
        "WHERE r.adult_id = ? AND r.deleted = 0 AND c.deleted = 0 ORDER BY c.date_of_birth DESC"));

    for (FamilyMember& member : detail.members) {
        addresses.addBindValue(member.person.id);
        if (!addresses.exec())
            return queryError(addresses);
        while (addresses.next()) {
            AddressRecord address;
            address.saon = addresses.value(0).toString();
            address.paon = addresses.value(1).toString();
            address.street = addresses.value(2).toString();
            address.locality = addresses.value(3).toString();
            address.town = addresses.value(4).toString();
            address.postTown = addresses.value(5).toString();
            address.county = addresses.value(6).toString();
            address.postcode = addresses.value(7).toString();
            member.addresses += address;
        }

        contacts.addBindValue(member.person.id);
        if (!contacts.exec())
            return queryError(contacts);
        while (contacts.next())
            member.contacts += ContactPoint{contacts.value(0).toString(), contacts.value(1).toString(),
                                            contacts.value(2).toString()};

        if (member.role != u"adult")
            continue;
        links.addBindValue(member.person.id);
        if (!links.exec())
            return queryError(links);
        while (links.next()) {
            ChildLink link;
            link.childId = links.value(0).toString();
            const QString preferred = links.value(2).toString();
            link.childName = (preferred.isEmpty() ? links.value(1).toString() : preferred) + u' '
                             + links.value(3).toString();
            link.relationship = links.value(4).toString();
            link.parentalResponsibility = links.value(5).toInt() != 0;
            member.links += link;
        }
    }
    return detail;
}

Result<OrganisationRecord> CaseDirectory::localOrganisation() const
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT id, name, party_type, dfe_urn, la_code, estab_number FROM organisation "
                                   "WHERE is_local = 1 AND deleted = 0 LIMIT 1")))
        return queryError(query);
    if (!query.next())
        return makeError(ErrorCode::NotFound,
                         Text::tr("This store has no organisation of its own yet. Run the set-up again or "
                            "\"earlyhelp-cli init\"."));
    OrganisationRecord organisation;
    organisation.id = query.value(0).toString();
    organisation.name = query.value(1).toString();
    organisation.partyType = query.value(2).toString();
    organisation.dfeUrn = query.value(3).toString();
    organisation.laCode = query.value(4).toString();
    organisation.estabNumber = query.value(5).toString();
    return organisation;
}

Result<StoreCounts> CaseDirectory::counts() const
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM person WHERE deleted = 0 AND is_pupil = 1), "
            "(SELECT count(*) FROM person WHERE deleted = 0 AND is_pupil = 0), "
            "(SELECT count(*) FROM family WHERE deleted = 0)")))
        return queryError(query);
    query.next();
    return StoreCounts{query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt()};
}

Status normaliseOrganisation(OrganisationRecord& organisation)
{
    organisation.name = organisation.name.trimmed();
    organisation.dfeUrn = organisation.dfeUrn.trimmed();
    organisation.laCode = organisation.laCode.trimmed();
    organisation.estabNumber = organisation.estabNumber.trimmed();
    if (organisation.partyType.isEmpty())
        organisation.partyType = QStringLiteral("school");

    if (organisation.name.isEmpty())
        return makeError(ErrorCode::InvalidInput, Text::tr("The organisation's name is missing. Enter the school's name."));
    auto checkDigits = [](const QString& value, int digits) {
        static const QRegularExpression allDigits(QStringLiteral("^[0-9]+$"));
        return value.isEmpty() || (value.size() == digits && allDigits.match(value).hasMatch());
    };
    if (!checkDigits(organisation.dfeUrn, 6))
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The DfE URN \"%1\" is not valid: a URN has six digits, e.g. 103456.")
                             .arg(organisation.dfeUrn));
    if (!checkDigits(organisation.laCode, 3))
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The local authority number \"%1\" is not valid: it has three digits, e.g. 330 "
                            "for Birmingham.")
                             .arg(organisation.laCode));
    if (!checkDigits(organisation.estabNumber, 4))
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The establishment number \"%1\" is not valid: it has four digits, e.g. 2987.")
                             .arg(organisation.estabNumber));
    if (organisation.dfeUrn.isEmpty() && (organisation.laCode.isEmpty() || organisation.estabNumber.isEmpty()))
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("Enter the school's DfE URN, or its local authority and establishment numbers."));

    return {};
}

Result<OrganisationRecord> createLocalOrganisation(Store& store, OrganisationRecord organisation)
{
    if (auto valid = normaliseOrganisation(organisation); !valid)
        return std::unexpected(valid.error());

    QSqlDatabase db = store.database();
    QSqlQuery existing(db);
    if (!existing.exec(QStringLiteral("SELECT count(*) FROM organisation WHERE is_local = 1 AND deleted = 0")))
        return queryError(existing);
    existing.next();
    if (existing.value(0).toInt() > 0)
        return makeError(ErrorCode::AlreadyExists, Text::tr("This store already has its own organisation."));

    organisation.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = utcNow();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO organisation (id, name, party_type, dfe_urn, la_code, estab_number, is_local, created_at, "
        "updated_at) VALUES (?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), 1, ?, ?)"));
    for (const QString& value : {organisation.id, organisation.name, organisation.partyType, organisation.dfeUrn,
                                 organisation.laCode, organisation.estabNumber, now, now})
        insert.addBindValue(value);
    if (!insert.exec())
        return queryError(insert);
    qCInfo(lcCases) << "local organisation recorded:" << organisation.id;
    return organisation;
}

} // namespace earlyhelp
