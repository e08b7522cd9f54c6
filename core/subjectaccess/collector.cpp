#include "collector.h"

#include "casework/caseworkoptions.h"
#include "casework/familycaserepository.h"
#include "collectparts.h"
#include "domain/familystatus.h"
#include "domain/fieldcatalogue.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace earlyhelp::subjectaccess {

Q_LOGGING_CATEGORY(lcSubjectAccess, "earlyhelp.core.subjectaccess", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace {

// The name a person goes by, preferred forms first, as
// PersonSummary::displayName() builds it.
constexpr auto personNameColumns =
    "trim(coalesce(nullif(preferred_forename, ''), legal_forename) || ' ' || "
    "coalesce(nullif(preferred_surname, ''), legal_surname))";

} // namespace

// ---- The context -------------------------------------------------------

void CollectContext::add(Item item) {
    if (itemIds.contains(item.id))
        return;
    itemIds.insert(item.id);
    items.append(std::move(item));
}

void CollectContext::flagNamedMembers(Item& item) const {
    if (!otherNames.isValid() || otherNames.pattern().isEmpty())
        return;
    const QRegularExpressionMatch match = otherNames.match(item.text);
    if (!match.hasMatch())
        return;
    item.mayContainThirdParty = true;
    if (item.thirdPartyHint.isEmpty())
        item.thirdPartyHint = CollectText::tr("Names another member of the family: %1").arg(match.captured(1));
}

QString CollectContext::personName(const QString& id) const {
    if (id.isEmpty())
        return {};
    return personNames.value(id, id);
}

QString CollectContext::organisationName(const QString& id) const {
    if (id.isEmpty())
        return {};
    return organisationNames.value(id, id);
}

QStringList CollectContext::familyIds() const {
    QStringList ids;
    for (const PersonFamily& family : families)
        ids += family.familyId;
    return ids;
}

void markDeleted(Item& item, const RecordMeta& meta) {
    if (!meta.deleted)
        return;
    item.deleted = true;
    if (!meta.deletedAt.isValid())
        return;
    item.deletedOn = meta.deletedAt.toLocalTime().date();
    item.restorableUntil = meta.deletedAt.addDays(restoreWindowDays).toLocalTime().date();
}

ItemText& ItemText::line(const QString& label, const QString& value) {
    if (value.trimmed().isEmpty())
        return *this;
    const QString shownLabel = label.contains(u'.') ? fieldText(label) : label;
    m_lines += shownLabel % u": "_s % value;
    return *this;
}

ItemText& ItemText::date(const QString& label, QDate value) {
    if (!value.isValid())
        return *this;
    return line(label, ukDate(value));
}

ItemText& ItemText::flag(const QString& label, bool value) {
    return line(label, value ? CollectText::tr("Yes") : CollectText::tr("No"));
}

QString fieldText(QStringView fieldId) {
    const std::optional<FieldDefinition> field = findField(fieldId);
    return field ? fieldLabel(*field) : fieldId.toString();
}

QString ukDate(QDate date) {
    return date.isValid() ? date.toString(u"dd/MM/yyyy") : QString();
}

QString ukDateTime(const QDateTime& time) {
    return time.isValid() ? time.toLocalTime().toString(u"dd/MM/yyyy HH:mm") : QString();
}

QDate dateOfTimestamp(const QString& timestamp) {
    const QDateTime time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().date() : QDate();
}

Error sqlError(const Store& store, const QString& what, const QString& lastError) {
    qCWarning(lcSubjectAccess, "Reading %s failed: %s", qUtf8Printable(what), qUtf8Printable(lastError));
    return Error{ErrorCode::Database,
                 CollectText::tr("Reading %1 from the store %2 failed: %3. Check the store with "
                                 "\"earlyhelp-cli verify\" and try again.")
                     .arg(what, store.path(), lastError)};
}

// ---- Person, addresses, contacts, relationships -----------------------

namespace {

Status readOrganisations(CollectContext& context) {
    QSqlQuery query(context.store.database());
    if (!query.exec(QStringLiteral("SELECT id, name FROM organisation")))
        return std::unexpected(sqlError(context.store, QStringLiteral("organisations"), query.lastError().text()));
    while (query.next())
        context.organisationNames.insert(query.value(0).toString(), query.value(1).toString());
    return {};
}

// The person's own details, from a row of personColumns.
constexpr auto personColumns =
    "id, legal_forename, middle_names, legal_surname, preferred_forename, preferred_surname, "
    "former_surname, title, date_of_birth, sex, ethnicity, language, religion, upn, upn_not_known, "
    "nhs_number, is_pupil, entry_date, looked_after, care_authority, fsm_eligible, sen_provision, "
    "source_ctf, created_at, org_id";

QString personDetailsText(const CollectContext& context, const QSqlQuery& query) {
    ItemText text;
    text.line(u"person.title"_s, query.value(7).toString())
        .line(u"person.legalForename"_s, query.value(1).toString())
        .line(u"person.middleNames"_s, query.value(2).toString())
        .line(u"person.legalSurname"_s, query.value(3).toString())
        .line(u"person.preferredForename"_s, query.value(4).toString())
        .line(u"person.preferredSurname"_s, query.value(5).toString())
        .line(u"person.formerSurname"_s, query.value(6).toString())
        .date(u"person.dateOfBirth"_s, QDate::fromString(query.value(8).toString(), Qt::ISODate))
        .line(u"person.sex"_s, query.value(9).toString())
        .line(u"person.ethnicity"_s, query.value(10).toString())
        .line(u"person.language"_s, query.value(11).toString())
        .line(u"person.religion"_s, query.value(12).toString())
        .line(u"person.upn"_s, query.value(13).toString())
        .line(CollectText::tr("UPN not known, reason"), query.value(14).toString())
        .line(u"person.nhsNumber"_s, query.value(15).toString())
        .flag(u"person.isPupil"_s, query.value(16).toInt() != 0)
        .date(u"person.entryDate"_s, QDate::fromString(query.value(17).toString(), Qt::ISODate))
        .flag(u"person.lookedAfter"_s, query.value(18).toInt() != 0)
        .line(u"person.careAuthority"_s, query.value(19).toString())
        .flag(u"person.freeSchoolMeals"_s, query.value(20).toInt() != 0)
        .line(u"person.senProvision"_s, query.value(21).toString())
        .line(CollectText::tr("Record held by"), context.organisationName(query.value(24).toString()));
    return text.text();
}

// Adds the CTF blocks kept as received, when the record has any.
void addCtfRecord(CollectContext& context, const QString& personId, const QString& sourceCtf, QDate date) {
    if (sourceCtf.trimmed().isEmpty() || sourceCtf.trimmed() == u"{}"_s)
        return;
    const QJsonDocument document = QJsonDocument::fromJson(sourceCtf.toUtf8());
    Item item;
    item.id = u"person/"_s % personId % u"/ctf"_s;
    item.section = Section::PersonalDetails;
    item.date = date;
    item.title = fieldText(u"person.ctfRecord");
    item.text = document.isNull() ? sourceCtf : QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    context.add(std::move(item));
}

Status readPersonRecords(CollectContext& context) {
    QSqlQuery query(context.store.database());
    // The person, and any record merged into them: a merge keeps the merged
    // record's names and identifiers as a tombstone.
    query.prepare(u"SELECT "_s % QLatin1StringView(personColumns) %
                  u" FROM person WHERE id = ? OR merged_into = ? ORDER BY id = ? DESC, created_at"_s);
    query.addBindValue(context.personId);
    query.addBindValue(context.personId);
    query.addBindValue(context.personId);
    if (!query.exec())
        return std::unexpected(sqlError(context.store, QStringLiteral("the person"), query.lastError().text()));
    while (query.next()) {
        const QString id = query.value(0).toString();
        const QDate created = dateOfTimestamp(query.value(23).toString());
        Item item;
        item.id = u"person/"_s % id;
        item.section = Section::PersonalDetails;
        item.date = created;
        item.title = id == context.personId ? CollectText::tr("Personal details")
                                            : CollectText::tr("Record merged into this one");
        item.text = personDetailsText(context, query);
        context.add(std::move(item));
        addCtfRecord(context, id, query.value(22).toString(), created);
    }
    return {};
}

Status readAddresses(CollectContext& context) {
    QSqlQuery query(context.store.database());
    query.prepare(QStringLiteral(
        "SELECT id, saon, paon, street, locality, town, administrative_area, post_town, county, postcode, "
        "is_current, created_at FROM address WHERE person_id = ? AND deleted = 0 "
        "ORDER BY is_current DESC, created_at DESC"));
    query.addBindValue(context.personId);
    if (!query.exec())
        return std::unexpected(sqlError(context.store, QStringLiteral("addresses"), query.lastError().text()));
    while (query.next()) {
        const bool current = query.value(10).toInt() != 0;
        Item item;
        item.id = u"address/"_s % query.value(0).toString();
        item.section = Section::Addresses;
        item.date = dateOfTimestamp(query.value(11).toString());
        item.title = current ? CollectText::tr("Current address") : CollectText::tr("Previous address");
        item.text = ItemText()
                        .line(u"address.subBuilding"_s, query.value(1).toString())
                        .line(u"address.building"_s, query.value(2).toString())
                        .line(u"address.street"_s, query.value(3).toString())
                        .line(u"address.locality"_s, query.value(4).toString())
                        .line(u"address.town"_s, query.value(5).toString())
                        .line(u"address.administrativeArea"_s, query.value(6).toString())
                        .line(u"address.postTown"_s, query.value(7).toString())
                        .line(u"address.county"_s, query.value(8).toString())
                        .line(u"address.postcode"_s, query.value(9).toString())
                        .flag(u"address.isCurrent"_s, current)
                        .text();
        context.add(std::move(item));
    }
    return {};
}

Status readContacts(CollectContext& context) {
    QSqlQuery query(context.store.database());
    query.prepare(QStringLiteral("SELECT id, kind, type_code, value, created_at FROM contact "
                                 "WHERE person_id = ? AND deleted = 0 ORDER BY kind, created_at"));
    query.addBindValue(context.personId);
    if (!query.exec())
        return std::unexpected(sqlError(context.store, QStringLiteral("contact details"), query.lastError().text()));
    while (query.next()) {
        const bool phone = query.value(1).toString() == u"phone"_s;
        Item item;
        item.id = u"contact/"_s % query.value(0).toString();
        item.section = Section::Contacts;
        item.date = dateOfTimestamp(query.value(4).toString());
        item.title = phone ? fieldText(u"contact.telephone") : fieldText(u"contact.email");
        ItemText text;
        text.line(phone ? u"contact.telephone"_s : u"contact.email"_s, query.value(3).toString());
        if (phone)
            text.line(u"contact.telephoneType"_s, query.value(2).toString());
        item.text = text.text();
        context.add(std::move(item));
    }
    return {};
}

Status readRelationships(CollectContext& context) {
    QSqlQuery query(context.store.database());
    query.prepare(QStringLiteral(
        "SELECT r.id, r.child_id, r.adult_id, r.relationship, r.parental_responsibility, r.contact_order, "
        "r.created_at FROM relationship r WHERE (r.child_id = ? OR r.adult_id = ?) AND r.deleted = 0 "
        "ORDER BY r.created_at"));
    query.addBindValue(context.personId);
    query.addBindValue(context.personId);
    if (!query.exec())
        return std::unexpected(sqlError(context.store, QStringLiteral("relationships"), query.lastError().text()));
    while (query.next()) {
        const QString childId = query.value(1).toString();
        const QString adultId = query.value(2).toString();
        const bool personIsChild = childId == context.personId;
        const QString otherName = context.personName(personIsChild ? adultId : childId);
        Item item;
        item.id = u"relationship/"_s % query.value(0).toString();
        item.section = Section::Relationships;
        item.date = dateOfTimestamp(query.value(6).toString());
        item.title = CollectText::tr("Relationship with %1").arg(otherName);
        ItemText text;
        text.line(CollectText::tr("Child"), context.personName(childId))
            .line(CollectText::tr("Adult"), context.personName(adultId))
            .line(u"relationship.relationship"_s, query.value(3).toString())
            .flag(u"relationship.parentalResponsibility"_s, query.value(4).toInt() != 0);
        if (!query.value(5).isNull())
            text.line(u"relationship.contactOrder"_s, query.value(5).toString());
        item.text = text.text();
        item.mayContainThirdParty = true;
        item.thirdPartyHint = CollectText::tr("Names %1, another person").arg(otherName);
        context.add(std::move(item));
    }
    return {};
}

// Reads the person's families, the other members and the names of everyone
// a record may name, and builds the pattern that finds other members' names.
Status readFamiliesAndNames(CollectContext& context) {
    QSqlQuery names(context.store.database());
    if (!names.exec(u"SELECT id, "_s % QLatin1StringView(personNameColumns) % u" FROM person"_s))
        return std::unexpected(sqlError(context.store, QStringLiteral("names"), names.lastError().text()));
    while (names.next())
        context.personNames.insert(names.value(0).toString(), names.value(1).toString());

    QSqlQuery families(context.store.database());
    families.prepare(QStringLiteral(
        "SELECT f.id, f.name FROM family_member m JOIN family f ON f.id = m.family_id "
        "WHERE m.person_id = ? AND m.deleted = 0 AND f.deleted = 0 ORDER BY f.name, f.id"));
    families.addBindValue(context.personId);
    if (!families.exec())
        return std::unexpected(sqlError(context.store, QStringLiteral("families"), families.lastError().text()));
    while (families.next())
        context.families += PersonFamily{families.value(0).toString(), families.value(1).toString()};

    QSet<QString> ownNames;
    QSet<QString> otherNames;
    const auto nameParts = [](const QSqlQuery& query) {
        QStringList parts;
        for (int column = 1; column <= 4; ++column) {
            const QString part = query.value(column).toString().trimmed();
            if (part.size() >= 2)
                parts += part;
        }
        return parts;
    };
    QSqlQuery own(context.store.database());
    own.prepare(QStringLiteral("SELECT id, legal_forename, legal_surname, preferred_forename, preferred_surname "
                               "FROM person WHERE id = ?"));
    own.addBindValue(context.personId);
    if (!own.exec())
        return std::unexpected(sqlError(context.store, QStringLiteral("the person"), own.lastError().text()));
    if (own.next()) {
        for (const QString& part : nameParts(own))
            ownNames.insert(part.toCaseFolded());
    }

    const QStringList familyIds = context.familyIds();
    for (const QString& familyId : familyIds) {
        QSqlQuery members(context.store.database());
        members.prepare(QStringLiteral(
            "SELECT p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname "
            "FROM family_member m JOIN person p ON p.id = m.person_id "
            "WHERE m.family_id = ? AND m.deleted = 0 AND p.id <> ?"));
        members.addBindValue(familyId);
        members.addBindValue(context.personId);
        if (!members.exec())
            return std::unexpected(
                sqlError(context.store, QStringLiteral("family members"), members.lastError().text()));
        while (members.next()) {
            const QString memberId = members.value(0).toString();
            const bool known = std::ranges::any_of(
                context.otherMembers, [&memberId](const OtherMember& member) { return member.personId == memberId; });
            if (!known)
                context.otherMembers += OtherMember{memberId, context.personName(memberId)};
            for (const QString& part : nameParts(members)) {
                if (!ownNames.contains(part.toCaseFolded()))
                    otherNames.insert(part);
            }
        }
    }

    if (!otherNames.isEmpty()) {
        QStringList alternatives;
        for (const QString& name : std::as_const(otherNames))
            alternatives += QRegularExpression::escape(name);
        // Longer names first, so that "Jo" does not match where "Joanna" is written.
        std::ranges::sort(alternatives, [](const QString& a, const QString& b) { return a.size() > b.size(); });
        context.otherNames = QRegularExpression(u"(?<!\\w)("_s % alternatives.join(u'|') % u")(?!\\w)"_s,
                                                QRegularExpression::CaseInsensitiveOption |
                                                    QRegularExpression::UseUnicodePropertiesOption);
    }
    return {};
}

} // namespace

Status collectPerson(CollectContext& context) {
    if (Status read = readOrganisations(context); !read)
        return read;
    if (Status read = readFamiliesAndNames(context); !read)
        return read;
    if (Status read = readPersonRecords(context); !read)
        return read;
    if (Status read = readAddresses(context); !read)
        return read;
    if (Status read = readContacts(context); !read)
        return read;
    return readRelationships(context);
}

// ---- Families, other members and status history -----------------------

Status collectFamilies(CollectContext& context) {
    FamilyCaseRepository familyCases(context.store);
    for (const PersonFamily& family : std::as_const(context.families)) {
        QSqlQuery members(context.store.database());
        members.prepare(QStringLiteral("SELECT id, person_id, role, relationship, parental_responsibility, "
                                       "created_at FROM family_member WHERE family_id = ? AND deleted = 0 "
                                       "ORDER BY person_id <> ? , role = 'adult', created_at"));
        members.addBindValue(family.familyId);
        members.addBindValue(context.personId);
        if (!members.exec())
            return std::unexpected(
                sqlError(context.store, QStringLiteral("family members"), members.lastError().text()));

        const Result<FamilyCase> familyCase = familyCases.family(family.familyId);
        if (!familyCase)
            return std::unexpected(familyCase.error());

        while (members.next()) {
            const QString memberId = members.value(1).toString();
            const bool self = memberId == context.personId;
            Item item;
            item.id = u"family_member/"_s % members.value(0).toString();
            item.section = Section::Families;
            item.date = dateOfTimestamp(members.value(5).toString());
            ItemText text;
            text.line(u"family.name"_s, family.familyName);
            if (self) {
                item.title = CollectText::tr("Member of %1").arg(family.familyName);
                text.line(u"family.status"_s, familyStatusLabel(familyCase->status))
                    .line(u"family.leadPractitioner"_s, familyCase->leadPractitioner);
            } else {
                item.title = CollectText::tr("Other member of %1: %2").arg(family.familyName,
                                                                           context.personName(memberId));
                text.line(CollectText::tr("Name"), context.personName(memberId));
                item.mayContainThirdParty = true;
                item.thirdPartyHint = CollectText::tr("Details of %1, another member of the family")
                                          .arg(context.personName(memberId));
            }
            text.line(u"familyMember.role"_s, members.value(2).toString())
                .line(u"familyMember.relationship"_s, members.value(3).toString())
                .flag(u"familyMember.parentalResponsibility"_s, members.value(4).toInt() != 0);
            item.text = text.text();
            context.add(std::move(item));
        }

        const Result<QList<FamilyStatusChangeRecord>> history = familyCases.statusHistory(family.familyId);
        if (!history)
            return std::unexpected(history.error());
        for (const FamilyStatusChangeRecord& change : *history) {
            Item item;
            item.id = u"family_status_change/"_s % change.meta.id;
            item.section = Section::Families;
            item.date = change.date;
            item.title = CollectText::tr("%1: status changed to %2").arg(family.familyName,
                                                                         familyStatusLabel(change.to));
            item.text = ItemText()
                            .line(CollectText::tr("From"), familyStatusLabel(change.from))
                            .line(CollectText::tr("To"), familyStatusLabel(change.to))
                            .date(CollectText::tr("Date"), change.date)
                            .line(CollectText::tr("Reason"), change.reason)
                            .line(CollectText::tr("Changed by"), change.changedBy)
                            .text();
            context.flagNamedMembers(item);
            context.add(std::move(item));
        }
    }
    return {};
}

// ---- The collection ----------------------------------------------------

Collector::Collector(Store& store) : m_store(store) {}

Result<Collection> Collector::collect(const access::Actor& actor, const QString& personId,
                                      const std::function<void(int, int)>& progress) const {
    if (Status allowed = authoriseSubjectAccess(actor); !allowed)
        return std::unexpected(allowed.error());

    QSqlQuery person(m_store.database());
    person.prepare(u"SELECT id, "_s % QLatin1StringView(personNameColumns) %
                   u", date_of_birth, deleted FROM person WHERE id = ?"_s);
    person.addBindValue(personId);
    if (!person.exec())
        return std::unexpected(sqlError(m_store, QStringLiteral("the person"), person.lastError().text()));
    if (!person.next() || person.value(3).toInt() != 0)
        return makeError(ErrorCode::NotFound,
                         CollectText::tr("No person with id %1 is in this store, or the record was deleted or "
                                         "merged into another. Choose the person from the People list.")
                             .arg(personId));

    CollectContext context(m_store, personId);
    Collection collection;
    collection.personId = personId;
    collection.personName = person.value(1).toString();
    collection.dateOfBirth = QDate::fromString(person.value(2).toString(), Qt::ISODate);
    person.finish();

    using Step = Status (*)(CollectContext&);
    const std::array<Step, 9> steps{collectPerson,       collectFamilies,    collectAssessments,
                                    collectPlans,        collectConsents,    collectSharingDecisions,
                                    collectCaseNotes,    collectSharingWithOthers, collectAccessAudit};
    for (std::size_t done = 0; done < steps.size(); ++done) {
        if (progress)
            progress(int(done), int(steps.size()));
        if (Status read = steps[done](context); !read)
            return std::unexpected(read.error());
    }
    if (progress)
        progress(int(steps.size()), int(steps.size()));

    const QString localOrganisation = [this] {
        QSqlQuery query(m_store.database());
        if (query.exec(QStringLiteral("SELECT id FROM organisation WHERE is_local = 1 AND deleted = 0 LIMIT 1")) &&
            query.next())
            return query.value(0).toString();
        return QString();
    }();
    collection.organisationId = localOrganisation;
    collection.organisationName = context.organisationName(localOrganisation);

    // By section, then newest first; undated items last within a section.
    collection.items = std::move(context.items);
    std::ranges::stable_sort(collection.items, [](const Item& a, const Item& b) {
        if (a.section != b.section)
            return a.section < b.section;
        if (a.date.isValid() != b.date.isValid())
            return a.date.isValid();
        return a.date > b.date;
    });
    qCInfo(lcSubjectAccess, "Collected %lld items about person %s for %s", qlonglong(collection.items.size()),
           qUtf8Printable(personId), qUtf8Printable(actor.user));
    return collection;
}

} // namespace earlyhelp::subjectaccess
