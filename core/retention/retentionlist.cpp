#include "retention/retentionlist.h"

#include "audit/auditlog.h"
#include "casework/recordtable.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace earlyhelp::retention {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::retention::RetentionList", text);
}

Result<QSqlQuery> run(Store& store, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery query(store.database());
    if (!query.prepare(sql))
        return std::unexpected(store.errorFromSql(query.lastError()));
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(store.errorFromSql(query.lastError()));
    return query;
}

QString personName(const QString& legalForename, const QString& preferredForename, const QString& legalSurname,
                   const QString& preferredSurname) {
    const QString forename = preferredForename.isEmpty() ? legalForename : preferredForename;
    const QString surname = preferredSurname.isEmpty() ? legalSurname : preferredSurname;
    return QStringList{forename, surname}.join(u' ').trimmed();
}

struct Organisation {
    QString name;
    QString partyType;
};

struct Child {
    QString id;
    QString orgId;
    QString name;
    QDate dateOfBirth;
    QStringList familyIds;
};

struct Family {
    QString id;
    QString orgId;
    QString name;
    QDate closedOn; // null while the case is open
    QStringList childIds;
};

// The rows of the store the schedule needs, read once per call.
struct Snapshot {
    QString localOrgId;
    QString localPartyType;
    QHash<QString, Organisation> organisations;
    QHash<QString, Child> children;
    QHash<QString, Family> families;
    QList<QString> childOrder;
    QList<QString> familyOrder;
    // The latest keep-until date per "type/id".
    QHash<QString, QDate> keptUntil;
};

Result<Snapshot> readSnapshot(Store& store) {
    Snapshot snapshot;

    Result<QSqlQuery> organisations =
        run(store, u"SELECT id, name, party_type, is_local FROM organisation WHERE deleted = 0"_s);
    if (!organisations)
        return std::unexpected(organisations.error());
    while (organisations->next()) {
        const QString id = organisations->value(0).toString();
        snapshot.organisations.insert(id, {organisations->value(1).toString(), organisations->value(2).toString()});
        if (organisations->value(3).toInt() == 1 && snapshot.localOrgId.isEmpty()) {
            snapshot.localOrgId = id;
            snapshot.localPartyType = organisations->value(2).toString();
        }
    }
    if (snapshot.localOrgId.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("The store %1 records no organisation of its own, so no retention schedule applies "
                            "to it. Set up the organisation in Tools › Settings.")
                             .arg(store.path()));

    // A family's closure is the date of its latest change to "closed". A
    // family closed without a recorded change (by an import or sync) counts
    // from its last update.
    Result<QSqlQuery> families = run(
        store,
        u"SELECT f.id, f.org_id, f.name, f.status, date(f.updated_at), "
        "(SELECT max(c.change_date) FROM family_status_change c WHERE c.family_id = f.id "
        "AND c.to_status = 'closed' AND c.deleted = 0) FROM family f WHERE f.deleted = 0 ORDER BY f.name, f.id"_s);
    if (!families)
        return std::unexpected(families.error());
    while (families->next()) {
        Family family;
        family.id = families->value(0).toString();
        family.orgId = families->value(1).toString();
        family.name = families->value(2).toString();
        if (families->value(3).toString() == u"closed") {
            const QString changed = families->value(5).toString();
            family.closedOn = QDate::fromString(changed.isEmpty() ? families->value(4).toString() : changed.left(10),
                                                Qt::ISODate);
        }
        snapshot.familyOrder.append(family.id);
        snapshot.families.insert(family.id, family);
    }

    Result<QSqlQuery> children = run(
        store,
        u"SELECT p.id, p.org_id, p.legal_forename, p.preferred_forename, p.legal_surname, p.preferred_surname, "
        "p.date_of_birth FROM person p WHERE p.deleted = 0 AND (p.is_pupil = 1 OR EXISTS (SELECT 1 FROM "
        "family_member m WHERE m.person_id = p.id AND m.role = 'child' AND m.deleted = 0)) "
        "ORDER BY p.legal_surname, p.legal_forename, p.id"_s);
    if (!children)
        return std::unexpected(children.error());
    while (children->next()) {
        Child child;
        child.id = children->value(0).toString();
        child.orgId = children->value(1).toString();
        child.name = personName(children->value(2).toString(), children->value(3).toString(),
                                children->value(4).toString(), children->value(5).toString());
        child.dateOfBirth = QDate::fromString(children->value(6).toString(), Qt::ISODate);
        snapshot.childOrder.append(child.id);
        snapshot.children.insert(child.id, child);
    }

    Result<QSqlQuery> members =
        run(store, u"SELECT person_id, family_id FROM family_member WHERE role = 'child' AND deleted = 0"_s);
    if (!members)
        return std::unexpected(members.error());
    while (members->next()) {
        const QString personId = members->value(0).toString();
        const QString familyId = members->value(1).toString();
        if (!snapshot.children.contains(personId) || !snapshot.families.contains(familyId))
            continue;
        snapshot.children[personId].familyIds.append(familyId);
        snapshot.families[familyId].childIds.append(personId);
    }

    Result<QSqlQuery> reviews = run(
        store, u"SELECT subject_type, subject_id, max(keep_until) FROM retention_review GROUP BY 1, 2"_s);
    if (!reviews)
        return std::unexpected(reviews.error());
    while (reviews->next())
        snapshot.keptUntil.insert(reviews->value(0).toString() + u'/' + reviews->value(1).toString(),
                                  QDate::fromString(reviews->value(2).toString(), Qt::ISODate));
    return snapshot;
}

SubjectType subjectTypeOf(const policy::RetentionEntry& entry) {
    return entry.anchor == policy::RetentionAnchor::ChildAge ? SubjectType::Person : SubjectType::Family;
}

// Returns the end of entry's period for a child, or a null date when it
// has none yet. Counted from closure, a child's period starts when the
// last of their families' cases closes.
QDate dateForChild(const policy::RetentionEntry& entry, const Child& child, const Snapshot& snapshot) {
    if (entry.anchor == policy::RetentionAnchor::ChildAge)
        return child.dateOfBirth.isValid() ? child.dateOfBirth.addYears(entry.years) : QDate();
    if (child.familyIds.isEmpty())
        return {};
    QDate latest;
    for (const QString& familyId : child.familyIds) {
        const QDate closed = snapshot.families.value(familyId).closedOn;
        if (!closed.isValid())
            return {};
        latest = std::max(latest, closed);
    }
    return latest.addYears(entry.years);
}

// Returns the end of entry's period for a family, or a null date when it
// has none yet. Counted from age, a family's records are kept until the
// youngest of its children reaches the age.
QDate dateForFamily(const policy::RetentionEntry& entry, const Family& family, const Snapshot& snapshot) {
    if (entry.anchor == policy::RetentionAnchor::CaseClosure)
        return family.closedOn.isValid() ? family.closedOn.addYears(entry.years) : QDate();
    if (family.childIds.isEmpty())
        return {};
    QDate latest;
    for (const QString& childId : family.childIds) {
        const QDate born = snapshot.children.value(childId).dateOfBirth;
        if (!born.isValid())
            return {};
        latest = std::max(latest, born.addYears(entry.years));
    }
    return latest;
}

// Builds the item of one subject owned by ownerOrgId, or nothing when no
// entry gives it a date.
std::optional<DueItem> makeItem(const policy::Agreement& agreement, const Snapshot& snapshot, SubjectType type,
                                const QString& subjectId, const QString& ownerOrgId) {
    const policy::RetentionSchedule& schedule = agreement.retention;
    const bool received = !ownerOrgId.isEmpty() && ownerOrgId != snapshot.localOrgId;
    const policy::RetentionEntry* own = schedule.entryFor(snapshot.localPartyType);
    const policy::RetentionEntry* sender =
        received ? schedule.entryFor(snapshot.organisations.value(ownerOrgId).partyType) : nullptr;

    auto dateOf = [&](const policy::RetentionEntry* entry) -> QDate {
        if (entry == nullptr)
            return {};
        if (type == SubjectType::Person)
            return dateForChild(*entry, snapshot.children.value(subjectId), snapshot);
        return dateForFamily(*entry, snapshot.families.value(subjectId), snapshot);
    };
    const QDate ownDate = dateOf(own);
    const QDate senderDate = dateOf(sender);

    // The earlier date decides, and on the same day deletion outranks review.
    const policy::RetentionEntry* decisive = nullptr;
    if (ownDate.isValid() && (!senderDate.isValid() || ownDate < senderDate))
        decisive = own;
    else if (senderDate.isValid() && (!ownDate.isValid() || senderDate < ownDate))
        decisive = sender;
    else if (ownDate.isValid())
        decisive = sender->then == policy::RetentionAction::Delete ? sender : own;
    if (decisive == nullptr)
        return std::nullopt;

    DueItem item;
    item.subjectType = type;
    item.subjectId = subjectId;
    item.displayName = type == SubjectType::Person ? snapshot.children.value(subjectId).name
                                                   : snapshot.families.value(subjectId).name;
    item.dueDate = decisive == own ? ownDate : senderDate;
    item.action = decisive->then;
    item.clauseIds.append(decisive->clauseId);
    if (received) {
        if (schedule.received)
            item.clauseIds.append(schedule.received->clauseId);
        item.receivedFrom = snapshot.organisations.value(ownerOrgId).name;
    }
    const QDate kept = snapshot.keptUntil.value(subjectTypeCode(type) + u'/' + subjectId);
    if (kept.isValid() && kept > item.dueDate)
        item.keptUntil = kept;
    return item;
}

// Returns the kind of subject the schedule lists for records of owner.
std::optional<SubjectType> listedType(const policy::Agreement& agreement, const Snapshot& snapshot,
                                      const QString& ownerOrgId) {
    if (const policy::RetentionEntry* own = agreement.retention.entryFor(snapshot.localPartyType))
        return subjectTypeOf(*own);
    if (ownerOrgId == snapshot.localOrgId)
        return std::nullopt;
    const policy::RetentionEntry* sender =
        agreement.retention.entryFor(snapshot.organisations.value(ownerOrgId).partyType);
    if (sender == nullptr)
        return std::nullopt;
    return subjectTypeOf(*sender);
}

QList<DueItem> allItems(const policy::Agreement& agreement, const Snapshot& snapshot) {
    QList<DueItem> items;
    for (const QString& id : snapshot.childOrder) {
        const QString owner = snapshot.children.value(id).orgId;
        if (listedType(agreement, snapshot, owner) != SubjectType::Person)
            continue;
        if (std::optional<DueItem> item = makeItem(agreement, snapshot, SubjectType::Person, id, owner))
            items.append(*item);
    }
    for (const QString& id : snapshot.familyOrder) {
        const QString owner = snapshot.families.value(id).orgId;
        if (listedType(agreement, snapshot, owner) != SubjectType::Family)
            continue;
        if (std::optional<DueItem> item = makeItem(agreement, snapshot, SubjectType::Family, id, owner))
            items.append(*item);
    }
    return items;
}

} // namespace

QString subjectTypeCode(SubjectType type) {
    return type == SubjectType::Person ? u"person"_s : u"family"_s;
}

RetentionList::RetentionList(Store& store, policy::Agreement agreement, CaseworkOptions options)
    : m_store(store)
    , m_agreement(std::move(agreement))
    , m_options(casework::withDefaults(std::move(options))) {}

Result<QList<DueItem>> RetentionList::due(int withinDays) const {
    if (withinDays < 0)
        return makeError(ErrorCode::InvalidInput,
                         tr("The number of days ahead is %1. Enter 0 or more.").arg(withinDays));
    Result<Snapshot> snapshot = readSnapshot(m_store);
    if (!snapshot)
        return std::unexpected(snapshot.error());

    const QDate horizon = casework::localDate(m_options.clock()).addDays(withinDays);
    QList<DueItem> items = allItems(m_agreement, *snapshot);
    items.removeIf([&](const DueItem& item) { return item.effectiveDate() > horizon; });
    std::ranges::stable_sort(items, {}, &DueItem::effectiveDate);
    return items;
}

Result<std::optional<DueItem>> RetentionList::itemFor(SubjectType type, const QString& subjectId) const {
    Result<Snapshot> snapshot = readSnapshot(m_store);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    QString owner;
    if (type == SubjectType::Person && snapshot->children.contains(subjectId))
        owner = snapshot->children.value(subjectId).orgId;
    else if (type == SubjectType::Family && snapshot->families.contains(subjectId))
        owner = snapshot->families.value(subjectId).orgId;
    else
        return std::optional<DueItem>();
    if (listedType(m_agreement, *snapshot, owner) != type)
        return std::optional<DueItem>();
    return makeItem(m_agreement, *snapshot, type, subjectId, owner);
}

Result<QString> RetentionList::recordReview(const access::Actor& actor, SubjectType type, const QString& subjectId,
                                            QDate keepUntil, const QString& reason) {
    if (Status allowed = access::authorise(actor, access::Action::DeleteRestore); !allowed)
        return std::unexpected(allowed.error());
    const QString trimmedReason = reason.trimmed();
    if (trimmedReason.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("The reason for keeping the records is blank. Say why they are kept longer."));

    Result<std::optional<DueItem>> item = itemFor(type, subjectId);
    if (!item)
        return std::unexpected(item.error());
    if (!item->has_value())
        return makeError(ErrorCode::NotFound,
                         tr("The records %1 have no retention date under the agreement in force, so there is "
                            "nothing to review. Check that the case is closed or the date of birth is recorded.")
                             .arg(subjectId));

    const QDateTime now = m_options.clock();
    const QDate today = casework::localDate(now);
    const QDate dueDate = (*item)->dueDate;
    if (!keepUntil.isValid() || keepUntil <= today || keepUntil <= dueDate)
        return makeError(ErrorCode::InvalidInput,
                         tr("Keep until %1 is not after both today (%2) and the retention date (%3). Choose a "
                            "later date.")
                             .arg(casework::dateForScreen(keepUntil), casework::dateForScreen(today),
                                  casework::dateForScreen(dueDate)));

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<QSqlQuery> inserted =
        run(m_store,
            u"INSERT INTO retention_review (id, subject_type, subject_id, due_date, keep_until, reason, "
            "reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {id, subjectTypeCode(type), subjectId, dueDate.toString(Qt::ISODate), keepUntil.toString(Qt::ISODate),
             trimmedReason, actor.user, casework::timestampValue(now)});
    if (!inserted)
        return std::unexpected(inserted.error());
    audit::NewEvent event;
    event.action = audit::Action::Retention;
    event.recordType = u"retention_review"_s;
    event.recordId = id;
    if (type == SubjectType::Person)
        event.personId = subjectId;
    else
        event.familyId = subjectId;
    event.details = QJsonObject{
        {u"subjectType"_s, subjectTypeCode(type)},
        {u"dueDate"_s, dueDate.toString(Qt::ISODate)},
        {u"keepUntil"_s, keepUntil.toString(Qt::ISODate)},
        {u"clauses"_s, QJsonArray::fromStringList((*item)->clauseIds)},
        {u"reason"_s, trimmedReason},
    };
    event.user = actor.user;
    event.roleCode = actor.roleCode;
    if (Result<qint64> appended = audit::AuditLog(m_store, m_options.clock).append(event); !appended)
        return std::unexpected(appended.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return id;
}

Result<QList<Review>> RetentionList::reviews(SubjectType type, const QString& subjectId) const {
    Result<QSqlQuery> query =
        run(m_store,
            u"SELECT id, due_date, keep_until, reason, reviewed_by, reviewed_at FROM retention_review "
            "WHERE subject_type = ? AND subject_id = ? ORDER BY reviewed_at DESC, keep_until DESC"_s,
            {subjectTypeCode(type), subjectId});
    if (!query)
        return std::unexpected(query.error());
    QList<Review> reviews;
    while (query->next()) {
        Review review;
        review.id = query->value(0).toString();
        review.subjectType = type;
        review.subjectId = subjectId;
        review.dueDate = QDate::fromString(query->value(1).toString(), Qt::ISODate);
        review.keepUntil = QDate::fromString(query->value(2).toString(), Qt::ISODate);
        review.reason = query->value(3).toString();
        review.reviewedBy = query->value(4).toString();
        review.reviewedAt = QDateTime::fromString(query->value(5).toString(), Qt::ISODateWithMs);
        reviews.append(review);
    }
    return reviews;
}

} // namespace earlyhelp::retention
