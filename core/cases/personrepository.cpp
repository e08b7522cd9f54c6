#include "personrepository.h"

#include "cases/personcolumns.h"
#include "domain/upn.h"
#include "domain/validators.h"
#include "store/store.h"

#include <algorithm>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>

Q_LOGGING_CATEGORY(lcPeople, "earlyhelp.core.cases.people", QtInfoMsg)

namespace earlyhelp {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::PersonRepository)
};

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString timestamp(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QVariant optionalText(const QString& text) {
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// Returns value ready to bind. The driver binds a null QString as SQL NULL,
// which the NOT NULL text columns reject, so it becomes an empty string. An
// untyped QVariant() stays NULL.
QVariant bindable(const QVariant& value) {
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QStringLiteral("");
    return value;
}

// Runs sql with binds on the store's connection. The query stays open for
// reading its rows.
class Sql {
public:
    explicit Sql(Store& store)
        : m_store(store) {}

    [[nodiscard]] Result<QSqlQuery> run(const QString& sql, const QVariantList& binds = {}) const {
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            qCWarning(lcPeople, "Preparing a query failed: %s", qUtf8Printable(query.lastError().text()));
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        }
        for (const QVariant& bind : binds)
            query.addBindValue(bindable(bind));
        if (!query.exec()) {
            qCWarning(lcPeople, "A query failed: %s", qUtf8Printable(query.lastError().text()));
            return std::unexpected(m_store.errorFromSql(query.lastError()));
        }
        return query;
    }

    // Returns the number of rows the statement changed.
    [[nodiscard]] Result<int> change(const QString& sql, const QVariantList& binds = {}) const {
        Result<QSqlQuery> query = run(sql, binds);
        if (!query)
            return std::unexpected(query.error());
        return query->numRowsAffected();
    }

    [[nodiscard]] Result<int> count(const QString& sql, const QVariantList& binds = {}) const {
        Result<QSqlQuery> query = run(sql, binds);
        if (!query)
            return std::unexpected(query.error());
        return query->next() ? query->value(0).toInt() : 0;
    }

private:
    Store& m_store;
};

// A transaction on the store's connection that rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Store& store)
        : m_store(store) {}
    ~Transaction() {
        if (m_open && !m_store.database().rollback())
            qCWarning(lcPeople, "Rolling back a transaction on people failed");
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] Status begin() {
        QSqlDatabase database = m_store.database();
        if (!database.transaction())
            return std::unexpected(m_store.errorFromSql(database.lastError()));
        m_open = true;
        return {};
    }

    [[nodiscard]] Status commit() {
        QSqlDatabase database = m_store.database();
        if (!database.commit())
            return std::unexpected(m_store.errorFromSql(database.lastError()));
        m_open = false;
        return {};
    }

private:
    Store& m_store;
    bool m_open = false;
};

// The summary's columns, then the NHS number, the UPN-not-known code and the
// person's postcodes joined by '|'.
QString summaryColumns() {
    return personSummaryColumns() +
           u", p.nhs_number, p.upn_not_known, "
           u"(SELECT group_concat(a.postcode, '|') FROM address a WHERE a.person_id = p.id AND a.deleted = 0)";
}

struct SummaryRow {
    PersonSummary person;
    QString nhsNumber;
    QString upnNotKnown;
    QStringList postcodes;
};

SummaryRow readSummary(const QSqlQuery& query) {
    SummaryRow row;
    row.person = readPersonSummary(query);
    row.nhsNumber = query.value(14).toString();
    row.upnNotKnown = query.value(15).toString();
    // Postcodes from imports may be written in any case and spacing.
    const QStringList given = query.value(16).toString().split(u'|', Qt::SkipEmptyParts);
    for (const QString& postcode : given) {
        Result<QString> normalised = normalisePostcode(postcode);
        row.postcodes += normalised ? *normalised : postcode.trimmed().toUpper();
    }
    return row;
}

PersonIdentity identityOf(const SummaryRow& row) {
    PersonIdentity identity;
    identity.forename = row.person.legalForename;
    identity.surname = row.person.legalSurname;
    identity.preferredForename = row.person.preferredForename;
    identity.preferredSurname = row.person.preferredSurname;
    identity.dateOfBirth = row.person.dateOfBirth;
    identity.upn = row.person.upn.trimmed().toUpper();
    Result<QString> nhsNumber = normaliseNhsNumber(row.nhsNumber);
    identity.nhsNumber = nhsNumber ? *nhsNumber : QString();
    identity.postcodes = row.postcodes;
    return identity;
}

// Returns the candidate's identity from the fields that pass their checks;
// a field that does not is left empty, so it matches nothing.
PersonIdentity lenientIdentity(const NewPerson& person, QDate today) {
    PersonIdentity identity;
    identity.forename = person.forename.trimmed();
    identity.surname = person.surname.trimmed();
    identity.preferredForename = person.preferredForename.trimmed();
    if (Result<QDate> date = parseDateOfBirth(person.dateOfBirth, today, QDate()); date)
        identity.dateOfBirth = *date;
    if (const UpnCheck upn = checkUpn(person.upn); upn.isValid())
        identity.upn = upn.upn;
    if (!person.nhsNumber.trimmed().isEmpty()) {
        if (Result<QString> nhsNumber = normaliseNhsNumber(person.nhsNumber); nhsNumber)
            identity.nhsNumber = *nhsNumber;
    }
    if (!person.postcode.trimmed().isEmpty()) {
        if (Result<QString> postcode = normalisePostcode(person.postcode); postcode)
            identity.postcodes = {*postcode};
    }
    return identity;
}

int reasonWeight(DuplicateReasons reasons) {
    int weight = 0;
    if (reasons.testFlag(DuplicateReason::SameUpn))
        weight += 8;
    if (reasons.testFlag(DuplicateReason::SameNhsNumber))
        weight += 4;
    if (reasons.testFlag(DuplicateReason::SameNameAndDateOfBirth))
        weight += 2;
    if (reasons.testFlag(DuplicateReason::SameNameAndPostcode))
        weight += 1;
    return weight;
}

Error personNotFound(const QString& id) {
    return Error{ErrorCode::NotFound,
                 Text::tr("No person with id %1 is in this store. They may have been merged into another "
                          "person or deleted; search for them again.")
                     .arg(id)};
}

Error familyNotFound(const QString& id) {
    return Error{ErrorCode::NotFound,
                 Text::tr("No family with id %1 is in this store. It may have been deleted; choose another "
                          "family.")
                     .arg(id)};
}

// Returns the display name of a person who is not deleted, or NotFound.
Result<QString> personName(const Sql& sql, const QString& personId) {
    Result<QSqlQuery> query =
        sql.run(QStringLiteral("SELECT legal_forename, legal_surname, preferred_forename, preferred_surname "
                               "FROM person WHERE id = ? AND deleted = 0"),
                {personId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(personNotFound(personId));
    PersonSummary person;
    person.legalForename = query->value(0).toString();
    person.legalSurname = query->value(1).toString();
    person.preferredForename = query->value(2).toString();
    person.preferredSurname = query->value(3).toString();
    return person.displayName();
}

// Adds personId to the family described by link, or brings back a membership
// that was deleted. An adult is linked to each child of the family.
Status insertMembership(const Sql& sql, const QString& orgId, const QString& personId, const FamilyLink& link,
                        const QString& now) {
    Result<QSqlQuery> family =
        sql.run(QStringLiteral("SELECT name FROM family WHERE id = ? AND deleted = 0"), {link.familyId});
    if (!family)
        return std::unexpected(family.error());
    if (!family->next())
        return std::unexpected(familyNotFound(link.familyId));
    const QString familyName = family->value(0).toString();

    if (link.role != u"child" && link.role != u"adult") {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("The family role \"%1\" is not known. Choose child or adult.").arg(link.role));
    }

    Result<QSqlQuery> existing =
        sql.run(QStringLiteral("SELECT id, deleted FROM family_member WHERE family_id = ? AND person_id = ?"),
                {link.familyId, personId});
    if (!existing)
        return std::unexpected(existing.error());
    const int pr = link.parentalResponsibility ? 1 : 0;
    if (existing->next()) {
        const QString memberId = existing->value(0).toString();
        if (existing->value(1).toInt() == 0) {
            return makeError(ErrorCode::AlreadyExists,
                             Text::tr("This person is already a member of %1. Choose another family, or "
                                      "close the form.")
                                 .arg(familyName));
        }
        Result<int> restored = sql.change(
            QStringLiteral(
                "UPDATE family_member SET deleted = 0, role = ?, relationship = ?, "
                "parental_responsibility = ?, revision = revision + 1, updated_at = ? WHERE id = ?"),
            {link.role, link.relationship, pr, now, memberId});
        if (!restored)
            return std::unexpected(restored.error());
    } else {
        Result<int> inserted = sql.change(
            QStringLiteral("INSERT INTO family_member (id, org_id, family_id, person_id, role, relationship, "
                           "parental_responsibility, revision, created_at, updated_at, deleted) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)"),
            {newId(), orgId, link.familyId, personId, link.role, link.relationship, pr, now, now});
        if (!inserted)
            return std::unexpected(inserted.error());
    }

    if (link.role != u"adult")
        return {};

    // The family view shows how each adult stands to each child from these
    // links. A link that exists already, deleted or not, is left as it is.
    Result<QSqlQuery> children =
        sql.run(QStringLiteral("SELECT person_id FROM family_member WHERE family_id = ? AND role = 'child' "
                               "AND deleted = 0 AND person_id <> ?"),
                {link.familyId, personId});
    if (!children)
        return std::unexpected(children.error());
    QStringList childIds;
    while (children->next())
        childIds += children->value(0).toString();
    for (const QString& childId : std::as_const(childIds)) {
        Result<int> inserted = sql.change(
            QStringLiteral(
                "INSERT OR IGNORE INTO relationship (id, org_id, child_id, adult_id, relationship, "
                "parental_responsibility, revision, created_at, updated_at, deleted) "
                "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0)"),
            {newId(), orgId, childId, personId, link.relationship, pr, now, now});
        if (!inserted)
            return std::unexpected(inserted.error());
    }
    return {};
}

Result<QString> localOrganisationId(const Sql& sql) {
    Result<QSqlQuery> query =
        sql.run(QStringLiteral("SELECT id FROM organisation WHERE is_local = 1 AND deleted = 0 LIMIT 1"));
    if (!query)
        return std::unexpected(query.error());
    if (!query->next()) {
        return makeError(ErrorCode::NotFound,
                         Text::tr("This store has no organisation of its own. Set the store up again with "
                                  "the setup wizard."));
    }
    return query->value(0).toString();
}

} // namespace

PersonIdentity CheckedPerson::identity() const {
    PersonIdentity identity;
    identity.forename = forename;
    identity.surname = surname;
    identity.preferredForename = preferredForename;
    identity.dateOfBirth = dateOfBirth;
    identity.upn = upn;
    identity.nhsNumber = nhsNumber;
    if (!postcode.isEmpty())
        identity.postcodes = {postcode};
    return identity;
}

PersonRepository::PersonRepository(Store& store, PersonRepositoryOptions options)
    : m_store(store)
    , m_options(std::move(options)) {
    if (!m_options.clock)
        m_options.clock = [] { return QDateTime::currentDateTimeUtc(); };
    if (!m_options.authorise)
        m_options.authorise = access::authorise;
}

QDateTime PersonRepository::now() const {
    return m_options.clock();
}

std::expected<CheckedPerson, QList<PersonFieldError>> PersonRepository::checkPerson(const NewPerson& person,
                                                                                    QDate today) {
    QList<PersonFieldError> errors;
    CheckedPerson checked;

    const auto checkName = [&errors](PersonField field, const QString& name, const QString& label,
                                     NameRequirement requirement, QString& stored) {
        Result<QString> normalised = normaliseName(name, label, requirement);
        if (normalised)
            stored = *normalised;
        else
            errors += PersonFieldError{field, normalised.error().message};
    };
    checkName(PersonField::Forename, person.forename, Text::tr("Forename"), NameRequirement::Required,
              checked.forename);
    checkName(PersonField::MiddleNames, person.middleNames, Text::tr("Middle names"),
              NameRequirement::Optional, checked.middleNames);
    checkName(PersonField::Surname, person.surname, Text::tr("Surname"), NameRequirement::Required,
              checked.surname);
    checkName(PersonField::PreferredForename, person.preferredForename, Text::tr("Preferred name"),
              NameRequirement::Optional, checked.preferredForename);

    if (!person.dateOfBirth.trimmed().isEmpty()) {
        Result<QDate> date = parseDateOfBirth(person.dateOfBirth, today);
        if (date)
            checked.dateOfBirth = *date;
        else
            errors += PersonFieldError{PersonField::DateOfBirth, date.error().message};
    }

    const QString sex = person.sex.trimmed().toUpper();
    if (sex.isEmpty() || sex == u"F" || sex == u"M") {
        checked.sex = sex;
    } else {
        errors +=
            PersonFieldError{PersonField::Sex, Text::tr("The sex code \"%1\" is not known. Choose female or "
                                                        "male, or leave it blank.")
                                                   .arg(person.sex)};
    }

    if (!person.upn.trimmed().isEmpty()) {
        const UpnCheck upn = checkUpn(person.upn);
        if (upn.isValid())
            checked.upn = upn.upn;
        else if (upn.isNotKnown())
            checked.upnNotKnown = upn.upn;
        else
            errors += PersonFieldError{PersonField::Upn, upn.message};
    }

    if (!person.nhsNumber.trimmed().isEmpty()) {
        Result<QString> nhsNumber = normaliseNhsNumber(person.nhsNumber);
        if (nhsNumber)
            checked.nhsNumber = *nhsNumber;
        else
            errors += PersonFieldError{PersonField::NhsNumber, nhsNumber.error().message};
    }

    if (!person.postcode.trimmed().isEmpty()) {
        Result<QString> postcode = normalisePostcode(person.postcode);
        if (postcode)
            checked.postcode = *postcode;
        else
            errors += PersonFieldError{PersonField::Postcode, postcode.error().message};
    }

    if (!errors.isEmpty())
        return std::unexpected(errors);
    return checked;
}

Result<QList<DuplicateMatch>> PersonRepository::findDuplicates(const NewPerson& candidate,
                                                               const QString& excludedPersonId) const {
    const PersonIdentity wanted = lenientIdentity(candidate, now().toLocalTime().date());
    const QString postcode = wanted.postcodes.isEmpty() ? QString() : wanted.postcodes.first();

    // The query narrows the store to people who share an identifier, the
    // date of birth or the postcode; the names are compared after folding,
    // which SQL cannot do.
    const Sql sql(m_store);
    Result<QSqlQuery> query = sql.run(
        u"SELECT " + summaryColumns() +
            u" FROM person p WHERE p.deleted = 0 AND p.id <> ? AND ("
            u" (? <> '' AND upper(p.upn) = ?)"
            u" OR (? <> '' AND replace(replace(p.nhs_number, ' ', ''), '-', '') = ?)"
            u" OR p.date_of_birth = ?"
            u" OR (? <> '' AND p.id IN (SELECT a.person_id FROM address a WHERE a.deleted = 0"
            u"     AND replace(upper(a.postcode), ' ', '') = replace(?, ' ', ''))))",
        {excludedPersonId, wanted.upn, wanted.upn, wanted.nhsNumber, wanted.nhsNumber,
         wanted.dateOfBirth.isValid() ? QVariant(wanted.dateOfBirth.toString(Qt::ISODate)) : QVariant(),
         postcode, postcode});
    if (!query)
        return std::unexpected(query.error());

    QList<DuplicateMatch> matches;
    while (query->next()) {
        const SummaryRow row = readSummary(*query);
        const DuplicateReasons reasons = duplicateReasons(wanted, identityOf(row));
        if (reasons)
            matches += DuplicateMatch{row.person, row.nhsNumber, reasons};
    }
    std::stable_sort(matches.begin(), matches.end(), [](const DuplicateMatch& a, const DuplicateMatch& b) {
        return reasonWeight(a.reasons) > reasonWeight(b.reasons);
    });
    return matches;
}

Result<QString> PersonRepository::addPerson(const access::Actor& actor, const NewPerson& person,
                                            const std::optional<FamilyLink>& family) {
    if (Status allowed = m_options.authorise(actor, access::Action::EditCases); !allowed)
        return std::unexpected(allowed.error());

    const QDateTime time = now();
    auto checked = checkPerson(person, time.toLocalTime().date());
    if (!checked)
        return makeError(ErrorCode::InvalidInput, checked.error().first().message);

    const Sql sql(m_store);
    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());

    Result<QString> orgId = localOrganisationId(sql);
    if (!orgId)
        return std::unexpected(orgId.error());

    if (!checked->upn.isEmpty()) {
        Result<QSqlQuery> holder =
            sql.run(QStringLiteral("SELECT legal_forename || ' ' || legal_surname FROM person "
                                   "WHERE upn = ? AND deleted = 0"),
                    {checked->upn});
        if (!holder)
            return std::unexpected(holder.error());
        if (holder->next()) {
            return makeError(ErrorCode::AlreadyExists,
                             Text::tr("The UPN %1 belongs to %2 already. Check the UPN, or link %2 to the "
                                      "family instead of adding a new person.")
                                 .arg(checked->upn, holder->value(0).toString()));
        }
    }

    const QString personId = newId();
    const QString stamp = timestamp(time);
    Result<int> inserted = sql.change(
        QStringLiteral("INSERT INTO person (id, org_id, legal_forename, middle_names, legal_surname, "
                       "preferred_forename, date_of_birth, sex, upn, upn_not_known, nhs_number, is_pupil, "
                       "revision, created_at, updated_at, deleted) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0)"),
        {personId, *orgId, checked->forename, checked->middleNames, checked->surname,
         checked->preferredForename,
         checked->dateOfBirth.isValid() ? QVariant(checked->dateOfBirth.toString(Qt::ISODate)) : QVariant(),
         checked->sex, optionalText(checked->upn), checked->upnNotKnown, optionalText(checked->nhsNumber),
         checked->upn.isEmpty() ? 0 : 1, stamp, stamp});
    if (!inserted)
        return std::unexpected(inserted.error());

    if (!checked->postcode.isEmpty()) {
        Result<int> address = sql.change(
            QStringLiteral("INSERT INTO address (id, org_id, person_id, postcode, is_current, revision, "
                           "created_at, updated_at, deleted) VALUES (?, ?, ?, ?, 1, 1, ?, ?, 0)"),
            {newId(), *orgId, personId, checked->postcode, stamp, stamp});
        if (!address)
            return std::unexpected(address.error());
    }

    if (family) {
        if (Status linked = insertMembership(sql, *orgId, personId, *family, stamp); !linked)
            return std::unexpected(linked.error());
    }

    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcPeople, "Person %s added by %s", qUtf8Printable(personId), qUtf8Printable(actor.user));
    return personId;
}

Status PersonRepository::linkToFamily(const access::Actor& actor, const QString& personId,
                                      const FamilyLink& family) {
    if (Status allowed = m_options.authorise(actor, access::Action::EditCases); !allowed)
        return allowed;

    const Sql sql(m_store);
    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    Result<QString> orgId = localOrganisationId(sql);
    if (!orgId)
        return std::unexpected(orgId.error());
    if (Result<QString> name = personName(sql, personId); !name)
        return std::unexpected(name.error());
    if (Status linked = insertMembership(sql, *orgId, personId, family, timestamp(now())); !linked)
        return linked;
    if (Status committed = transaction.commit(); !committed)
        return committed;
    qCInfo(lcPeople, "Person %s linked to family %s by %s", qUtf8Printable(personId),
           qUtf8Printable(family.familyId), qUtf8Printable(actor.user));
    return {};
}

Result<PersonProfile> PersonRepository::profile(const QString& personId) const {
    const Sql sql(m_store);
    Result<QSqlQuery> query =
        sql.run(u"SELECT " + summaryColumns() + u" FROM person p WHERE p.id = ? AND p.deleted = 0", {personId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(personNotFound(personId));
    const SummaryRow row = readSummary(*query);

    PersonProfile profile;
    profile.person = row.person;
    profile.nhsNumber = row.nhsNumber;
    profile.upnNotKnown = row.upnNotKnown;
    profile.postcodes = row.postcodes;

    Result<QSqlQuery> families =
        sql.run(QStringLiteral("SELECT f.name FROM family_member fm JOIN family f ON f.id = fm.family_id "
                               "WHERE fm.person_id = ? AND fm.deleted = 0 AND f.deleted = 0 ORDER BY f.name"),
                {personId});
    if (!families)
        return std::unexpected(families.error());
    while (families->next())
        profile.familyNames += families->value(0).toString();

    struct Counted {
        int* target;
        QString sql;
    };
    PersonRecordCounts& counts = profile.counts;
    const Counted counted[] = {
        {&counts.familyMemberships,
         QStringLiteral("SELECT count(*) FROM family_member WHERE person_id = ? AND deleted = 0")},
        {&counts.addresses,
         QStringLiteral("SELECT count(*) FROM address WHERE person_id = ? AND deleted = 0")},
        {&counts.contacts,
         QStringLiteral("SELECT count(*) FROM contact WHERE person_id = ? AND deleted = 0")},
        {&counts.caseNotes,
         QStringLiteral("SELECT count(*) FROM case_note WHERE person_id = ? AND deleted = 0")},
        {&counts.consents,
         QStringLiteral("SELECT count(*) FROM consent WHERE deleted = 0 AND (subject_person_id = ? "
                        "OR given_by_person_id = ?)")},
        {&counts.sharingDecisions,
         QStringLiteral("SELECT count(*) FROM sharing_decision WHERE person_id = ? AND deleted = 0")},
    };
    for (const Counted& item : counted) {
        const QVariantList binds(item.sql.count(u'?'), personId);
        Result<int> value = sql.count(item.sql, binds);
        if (!value)
            return std::unexpected(value.error());
        *item.target = *value;
    }
    return profile;
}

namespace {

// Text columns of person that a merge fills from the merged person when the
// kept person's value is empty, and nullable columns filled when NULL.
const QStringList fillableTextColumns{
    QStringLiteral("middle_names"),
    QStringLiteral("preferred_forename"),
    QStringLiteral("preferred_surname"),
    QStringLiteral("former_surname"),
    QStringLiteral("title"),
    QStringLiteral("sex"),
    QStringLiteral("ethnicity"),
    QStringLiteral("language"),
    QStringLiteral("religion"),
    QStringLiteral("care_authority"),
    QStringLiteral("sen_provision"),
    QStringLiteral("source_ctf"),
};
const QStringList fillableNullColumns{
    QStringLiteral("date_of_birth"),
    QStringLiteral("upn"),
    QStringLiteral("nhs_number"),
    QStringLiteral("entry_date"),
};
// Flags that a merge sets on the kept person when either person has them.
const QStringList flagColumns{
    QStringLiteral("is_pupil"),
    QStringLiteral("looked_after"),
    QStringLiteral("fsm_eligible"),
};

// Moves the rows of a table with a unique pair (keyColumn, personColumn) from
// mergeId to keepId. A row whose key the kept person has already is combined
// into the kept row instead: the kept row comes back if it was deleted, takes
// parental responsibility when either row has it and the merged row's
// relationship when its own is empty, and the merged row is tombstoned.
// rowsToSkip names rows that would link the person to themself; they are
// tombstoned too. Counts moved and combined rows into outcome.
Status movePairedRows(const Sql& sql, const QString& table, const QString& keyColumn,
                      const QString& personColumn, const QString& keepId, const QString& mergeId,
                      const QString& now, MergeOutcome& outcome) {
    Result<QSqlQuery> rows =
        sql.run(u"SELECT id, " + keyColumn + u", relationship, parental_responsibility, deleted FROM " +
                    table + u" WHERE " + personColumn + u" = ?",
                {mergeId});
    if (!rows)
        return std::unexpected(rows.error());
    struct PairedRow {
        QString id;
        QString key;
        QString relationship;
        int parentalResponsibility = 0;
        bool deleted = false;
    };
    QList<PairedRow> merged;
    while (rows->next()) {
        merged += PairedRow{rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString(),
                            rows->value(3).toInt(), rows->value(4).toInt() != 0};
    }
    rows->finish();

    for (const PairedRow& row : std::as_const(merged)) {
        // A child-adult link between the two people would link the kept
        // person to themself.
        if (row.key == keepId) {
            Result<int> tombstoned =
                sql.change(u"UPDATE " + table +
                               u" SET deleted = 1, revision = revision + 1, updated_at = ? "
                               u"WHERE id = ? AND deleted = 0",
                           {now, row.id});
            if (!tombstoned)
                return std::unexpected(tombstoned.error());
            ++outcome.combinedRecords;
            continue;
        }

        Result<QSqlQuery> kept = sql.run(u"SELECT id, relationship, deleted FROM " + table + u" WHERE " +
                                             keyColumn + u" = ? AND " + personColumn + u" = ?",
                                         {row.key, keepId});
        if (!kept)
            return std::unexpected(kept.error());
        if (!kept->next()) {
            kept->finish();
            Result<int> moved = sql.change(u"UPDATE " + table + u" SET " + personColumn +
                                               u" = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
                                           {keepId, now, row.id});
            if (!moved)
                return std::unexpected(moved.error());
            ++outcome.movedRecords;
            continue;
        }
        const QString keptRowId = kept->value(0).toString();
        const bool keptDeleted = kept->value(2).toInt() != 0;
        kept->finish();
        if (row.deleted)
            continue; // the kept row remains; the deleted merged row stays as it was

        const QString combineSql =
            keptDeleted
                ? QString(u"UPDATE " + table +
                          u" SET deleted = 0, relationship = ?, parental_responsibility = ?, revision = "
                          u"revision + 1,"
                          u" updated_at = ? WHERE id = ?")
                : QString(u"UPDATE " + table +
                          u" SET relationship = CASE relationship WHEN '' THEN ? ELSE relationship END,"
                          u" parental_responsibility = max(parental_responsibility, ?),"
                          u" revision = revision + 1, updated_at = ? WHERE id = ?");
        Result<int> combined =
            sql.change(combineSql, {row.relationship, row.parentalResponsibility, now, keptRowId});
        if (!combined)
            return std::unexpected(combined.error());
        Result<int> tombstoned = sql.change(
            u"UPDATE " + table + u" SET deleted = 1, revision = revision + 1, updated_at = ? WHERE id = ?",
            {now, row.id});
        if (!tombstoned)
            return std::unexpected(tombstoned.error());
        ++outcome.combinedRecords;
    }
    return {};
}

// Fills the kept person's empty values from the merged person's row.
Status fillKeptPerson(const Sql& sql, const QString& keepId, const QSqlRecord& keep, const QSqlRecord& merge,
                      const QString& now, MergeOutcome& outcome) {
    QStringList assignments;
    QVariantList binds;
    for (const QString& column : fillableTextColumns) {
        if (keep.value(column).toString().isEmpty() && !merge.value(column).toString().isEmpty()) {
            assignments += column + u" = ?";
            binds += merge.value(column);
            outcome.filledColumns += column;
        }
    }
    for (const QString& column : fillableNullColumns) {
        if (keep.value(column).isNull() && !merge.value(column).isNull()) {
            assignments += column + u" = ?";
            binds += merge.value(column);
            outcome.filledColumns += column;
        }
    }
    // A UPN-not-known code is copied only when neither person has a UPN.
    const bool keptHasUpn =
        !keep.value(QStringLiteral("upn")).isNull() || !merge.value(QStringLiteral("upn")).isNull();
    if (!keptHasUpn && keep.value(QStringLiteral("upn_not_known")).toString().isEmpty() &&
        !merge.value(QStringLiteral("upn_not_known")).toString().isEmpty()) {
        assignments += QStringLiteral("upn_not_known = ?");
        binds += merge.value(QStringLiteral("upn_not_known"));
        outcome.filledColumns += QStringLiteral("upn_not_known");
    }
    if (keptHasUpn && !keep.value(QStringLiteral("upn_not_known")).toString().isEmpty())
        assignments += QStringLiteral("upn_not_known = ''");
    for (const QString& column : flagColumns) {
        if (keep.value(column).toInt() == 0 && merge.value(column).toInt() != 0) {
            assignments += column + u" = 1";
            outcome.filledColumns += column;
        }
    }

    assignments += QStringLiteral("revision = revision + 1");
    assignments += QStringLiteral("updated_at = ?");
    binds += now;
    binds += keepId;
    Result<int> updated =
        sql.change(u"UPDATE person SET " + assignments.join(u", ") + u" WHERE id = ?", binds);
    if (!updated)
        return std::unexpected(updated.error());
    return {};
}

Result<QSqlRecord> personRow(const Sql& sql, const QString& id) {
    Result<QSqlQuery> query =
        sql.run(QStringLiteral("SELECT * FROM person WHERE id = ? AND deleted = 0"), {id});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return std::unexpected(personNotFound(id));
    return query->record();
}

} // namespace

Result<MergeOutcome> PersonRepository::merge(const access::Actor& actor, const QString& keepId,
                                             const QString& mergeId) {
    if (Status allowed = m_options.authorise(actor, access::Action::DeleteRestore); !allowed)
        return std::unexpected(allowed.error());
    if (keepId == mergeId) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("A person cannot be merged with themself. Choose two different people."));
    }

    const Sql sql(m_store);
    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());

    Result<QSqlRecord> keep = personRow(sql, keepId);
    if (!keep)
        return std::unexpected(keep.error());
    Result<QSqlRecord> merged = personRow(sql, mergeId);
    if (!merged)
        return std::unexpected(merged.error());

    const QString now = timestamp(this->now());
    MergeOutcome outcome;
    outcome.keptId = keepId;

    // The merged person is tombstoned first, so that the person_upn index,
    // which covers people who are not deleted, lets the kept person take the
    // UPN. The tombstone keeps its names and identifiers.
    Result<int> tombstoned = sql.change(
        QStringLiteral(
            "UPDATE person SET deleted = 1, deleted_at = ?, merged_into = ?, revision = revision + 1, "
            "updated_at = ? WHERE id = ?"),
        {now, keepId, now, mergeId});
    if (!tombstoned)
        return std::unexpected(tombstoned.error());
    if (Status filled = fillKeptPerson(sql, keepId, *keep, *merged, now, outcome); !filled)
        return std::unexpected(filled.error());

    // Rows without a unique pair move as they are, deleted ones included, so
    // a later restore brings them back to the kept person.
    const QStringList movedColumns{
        QStringLiteral("address.person_id"),          QStringLiteral("contact.person_id"),
        QStringLiteral("case_note.person_id"),        QStringLiteral("consent.subject_person_id"),
        QStringLiteral("consent.given_by_person_id"), QStringLiteral("sharing_decision.person_id"),
    };
    for (const QString& qualified : movedColumns) {
        const QString table = qualified.section(u'.', 0, 0);
        const QString column = qualified.section(u'.', 1, 1);
        Result<int> moved = sql.change(u"UPDATE " + table + u" SET " + column +
                                           u" = ?, revision = revision + 1, "
                                           u"updated_at = ? WHERE " +
                                           column + u" = ?",
                                       {keepId, now, mergeId});
        if (!moved)
            return std::unexpected(moved.error());
        outcome.movedRecords += *moved;
    }

    const struct {
        QString table;
        QString keyColumn;
        QString personColumn;
    } pairedTables[] = {
        {QStringLiteral("family_member"), QStringLiteral("family_id"), QStringLiteral("person_id")},
        {QStringLiteral("relationship"), QStringLiteral("adult_id"), QStringLiteral("child_id")},
        {QStringLiteral("relationship"), QStringLiteral("child_id"), QStringLiteral("adult_id")},
    };
    for (const auto& paired : pairedTables) {
        if (Status moved = movePairedRows(sql, paired.table, paired.keyColumn, paired.personColumn, keepId,
                                          mergeId, now, outcome);
            !moved) {
            return std::unexpected(moved.error());
        }
    }

    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcPeople, "Person %s merged into %s by %s: %d records moved, %d combined", qUtf8Printable(mergeId),
           qUtf8Printable(keepId), qUtf8Printable(actor.user), outcome.movedRecords, outcome.combinedRecords);
    return outcome;
}

} // namespace earlyhelp
