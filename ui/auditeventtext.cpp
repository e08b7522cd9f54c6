#include "auditeventtext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include "access/role.h"
#include "cases/casedirectory.h"
#include "cases/personrepository.h"
#include "consenteditors.h"
#include "displaytext.h"
#include "domain/fieldcatalogue.h"
#include "store/store.h"

namespace earlyhelp::ui {

namespace {

// A stored value as people read it: text as it is, true and false as Yes and
// No, and null or missing as "(empty)".
QString valueText(const QJsonValue& value, const QString& recordType, const QString& column) {
    if (value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty()))
        return AuditEventText::tr("(empty)");
    if (value.isBool())
        return value.toBool() ? AuditEventText::tr("Yes") : AuditEventText::tr("No");
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (!value.isString())
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    if (recordType == u"family" && column == u"status")
        return CodeLabels::familyStatus(value.toString());
    return value.toString();
}

// "Label: old → new" for each changed column, in column order. A column
// without an old value (a create) shows its new value only.
QString fieldChanges(const QJsonObject& fields, const QString& recordType) {
    QStringList parts;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QJsonObject change = it.value().toObject();
        const QString label = AuditEventText::columnLabel(recordType, it.key());
        const QString newValue = valueText(change.value(QStringLiteral("new")), recordType, it.key());
        if (!change.contains(QStringLiteral("old"))) {
            parts += AuditEventText::tr("%1: %2").arg(label, newValue);
            continue;
        }
        const QString oldValue = valueText(change.value(QStringLiteral("old")), recordType, it.key());
        parts += AuditEventText::tr("%1: %2 → %3").arg(label, oldValue, newValue);
    }
    return parts.join(QStringLiteral("; "));
}

QString joinedStrings(const QJsonValue& value) {
    QStringList items;
    for (const QJsonValue& item : value.toArray())
        items += item.toString();
    return items.join(QStringLiteral(", "));
}

// Counts the sequences an erase event lists, each a number or a
// [first, last] range.
qint64 sequenceCount(const QJsonArray& sequences) {
    qint64 count = 0;
    for (const QJsonValue& entry : sequences) {
        if (entry.isArray()) {
            const QJsonArray range = entry.toArray();
            count += qint64(range.at(1).toDouble()) - qint64(range.at(0).toDouble()) + 1;
        } else {
            ++count;
        }
    }
    return count;
}

QString exportKindLabel(const QString& kind) {
    if (kind == u"audit-csv")
        return AuditEventText::tr("Audit trail as CSV");
    if (kind == u"subject-access-pdf")
        return AuditEventText::tr("Subject access export as PDF");
    if (kind == u"subject-access-json")
        return AuditEventText::tr("Subject access export as JSON");
    return kind;
}

} // namespace

AuditEventText::AuditEventText(Store& store)
    : m_store(store) {}

QString AuditEventText::record(const audit::Event& event) {
    if (event.recordType.isEmpty())
        return {};
    const QString type = recordTypeLabel(event.recordType);

    if (event.recordType == u"person") {
        const QString name = personName(event.recordId);
        return name.isEmpty() ? type : tr("%1: %2").arg(type, name);
    }
    if (event.recordType == u"family") {
        const QString name = familyName(event.recordId);
        return name.isEmpty() ? type : tr("%1: %2").arg(type, name);
    }
    // Any other record names the person or family it is about.
    const QString person = event.personId.isEmpty() ? QString() : personName(event.personId);
    if (!person.isEmpty())
        return tr("%1 (%2)").arg(type, person);
    const QString family = event.familyId.isEmpty() ? QString() : familyName(event.familyId);
    if (!family.isEmpty())
        return tr("%1 (%2)").arg(type, family);
    return type;
}

QString AuditEventText::details(const audit::Event& event) const {
    if (event.erasedBySequence > 0)
        return tr("Details erased by event %1").arg(event.erasedBySequence);

    const QJsonObject& details = event.details;
    const std::optional<audit::Action> action = audit::actionFromCode(event.actionCode);
    if (!action)
        return details.isEmpty() ? QString()
                                 : QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));

    switch (*action) {
    case audit::Action::Create:
    case audit::Action::Update:
        return fieldChanges(details.value(QStringLiteral("fields")).toObject(), event.recordType);
    case audit::Action::Search: {
        const QString query = details.value(QStringLiteral("query")).toString();
        const int results = details.value(QStringLiteral("results")).toInt();
        if (results == 1)
            return tr("Searched for “%1” (1 result)").arg(query);
        return tr("Searched for “%1” (%2 results)").arg(query).arg(results);
    }
    case audit::Action::Share:
    {
        const QString organisation = details.value(QStringLiteral("recipientOrganisationName")).toString();
        const QString recipient =
            organisation.isEmpty()
                ? ConsentVocabulary::partyTypeLabel(details.value(QStringLiteral("recipient")).toString())
                : organisation;
        return tr("Shared with %1 for %2 under clauses %3")
            .arg(recipient, ConsentVocabulary::purposeLabel(details.value(QStringLiteral("purpose")).toString()),
                 joinedStrings(details.value(QStringLiteral("clauses"))));
    }
    case audit::Action::Export: {
        const QString kind = exportKindLabel(details.value(QStringLiteral("kind")).toString());
        const int items = details.value(QStringLiteral("items")).toInt();
        // A subject access export counts what it withheld per reason.
        const QJsonValue withheldValue = details.value(QStringLiteral("withheld"));
        int withheld = withheldValue.toInt();
        if (withheldValue.isObject()) {
            const QJsonObject reasons = withheldValue.toObject();
            for (auto reason = reasons.begin(); reason != reasons.end(); ++reason)
                withheld += reason.value().toInt();
        }
        const QString exported = tr("%1, items: %2").arg(kind).arg(items);
        return withheld > 0 ? tr("%1, withheld: %2").arg(exported).arg(withheld) : exported;
    }
    case audit::Action::Unlock:
        if (details.value(QStringLiteral("method")).toString() == u"keychain")
            return tr("Unlocked with the OS keychain");
        return tr("Unlocked with a passphrase");
    case audit::Action::FailedUnlock: {
        if (details.value(QStringLiteral("unreadable")).toBool())
            return tr("Failed unlock; its record could not be read: %1")
                .arg(details.value(QStringLiteral("problem")).toString());

        // The event is written at the next successful unlock, so the time of
        // the attempt is in the details.
        const QDateTime attemptedAt =
            QDateTime::fromString(details.value(QStringLiteral("attemptedAt")).toString(), Qt::ISODateWithMs);
        const QString user = details.value(QStringLiteral("user")).toString();
        const QString via = details.value(QStringLiteral("via")).toString();
        if (!attemptedAt.isValid())
            return tr("Failed unlock as “%1”").arg(user);
        const QString when = displayDateTime(attemptedAt);
        if (via == u"cli")
            return tr("Failed unlock as “%1” at %2, with earlyhelp-cli").arg(user, when);
        return tr("Failed unlock as “%1” at %2").arg(user, when);
    }
    case audit::Action::RoleChange: {
        const QString oldRole = roleLabel(details.value(QStringLiteral("oldRole")).toString());
        const QString newRole = roleLabel(details.value(QStringLiteral("newRole")).toString());
        return tr("%1: %2 → %3").arg(details.value(QStringLiteral("user")).toString(), oldRole, newRole);
    }
    case audit::Action::Erase:
        return tr("Erased the person's data because: %1. Events whose details were blanked: %2")
            .arg(details.value(QStringLiteral("reason")).toString())
            .arg(sequenceCount(details.value(QStringLiteral("redactedEvents")).toArray()));
    case audit::Action::View:
    case audit::Action::Delete:
    case audit::Action::Restore:
    case audit::Action::Purge:
    case audit::Action::PolicyOverride:
    case audit::Action::TransferSend:
    case audit::Action::TransferReceive:
    case audit::Action::TransferReceipt:
    case audit::Action::Retention:
        break;
    }
    return {};
}

QString AuditEventText::actionLabel(const QString& code) {
    const std::optional<audit::Action> action = audit::actionFromCode(code);
    return action ? audit::actionLabel(*action) : code;
}

QString AuditEventText::roleLabel(const QString& code) {
    const std::optional<access::Role> role = access::roleFromCode(code);
    return role ? access::roleLabel(*role) : code;
}

QString AuditEventText::recordTypeLabel(const QString& recordType) {
    static const QHash<QString, const char*> labels = {
        {QStringLiteral("person"), QT_TR_NOOP("Person")},
        {QStringLiteral("family"), QT_TR_NOOP("Family")},
        {QStringLiteral("family_member"), QT_TR_NOOP("Family member")},
        {QStringLiteral("address"), QT_TR_NOOP("Address")},
        {QStringLiteral("contact"), QT_TR_NOOP("Contact")},
        {QStringLiteral("relationship"), QT_TR_NOOP("Relationship")},
        {QStringLiteral("case_note"), QT_TR_NOOP("Case note")},
        {QStringLiteral("assessment"), QT_TR_NOOP("Assessment")},
        {QStringLiteral("family_status_change"), QT_TR_NOOP("Family status change")},
        {QStringLiteral("assessment_need"), QT_TR_NOOP("Assessment need")},
        {QStringLiteral("taf_plan"), QT_TR_NOOP("Plan")},
        {QStringLiteral("plan_goal"), QT_TR_NOOP("Goal")},
        {QStringLiteral("plan_action"), QT_TR_NOOP("Action")},
        {QStringLiteral("taf_meeting"), QT_TR_NOOP("TAF meeting")},
        {QStringLiteral("plan_review"), QT_TR_NOOP("Plan review")},
        {QStringLiteral("consent"), QT_TR_NOOP("Consent")},
        {QStringLiteral("sharing_decision"), QT_TR_NOOP("Sharing decision")},
        {QStringLiteral("override_use"), QT_TR_NOOP("Policy override")},
    };
    const auto found = labels.constFind(recordType);
    if (found != labels.cend())
        return tr(found.value());
    QString words = recordType;
    words.replace(u'_', u' ');
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

QString AuditEventText::columnLabel(const QString& recordType, const QString& column) {
    for (const FieldDefinition& field : fieldCatalogue()) {
        if (field.storeColumn == column && storeTable(field.recordType) == recordType)
            return fieldLabel(field);
    }
    QString words = column;
    words.replace(u'_', u' ');
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

QString AuditEventText::personName(const QString& personId) {
    const auto known = m_personNames.constFind(personId);
    if (known != m_personNames.cend())
        return known.value();
    Result<PersonProfile> profile = PersonRepository(m_store).profile(personId);
    const QString name = profile ? profile->person.displayName() : QString();
    m_personNames.insert(personId, name);
    return name;
}

QString AuditEventText::familyName(const QString& familyId) {
    const auto known = m_familyNames.constFind(familyId);
    if (known != m_familyNames.cend())
        return known.value();
    Result<FamilyDetail> family = CaseDirectory(m_store).family(familyId);
    const QString name = family ? family->family.name : QString();
    m_familyNames.insert(familyId, name);
    return name;
}

} // namespace earlyhelp::ui
