// The accountability records of a subject access collection: what went to
// other organisations (audited shares, consents in force and uses of
// decisions to share without consent) and the audit events about the person
// or their families.

#include "audit/auditlog.h"
#include "casework/consentrepository.h"
#include "casework/sharingterms.h"
#include "collectparts.h"
#include "sharing/overridelog.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

namespace earlyhelp::subjectaccess {

using namespace Qt::StringLiterals;

namespace {

// Returns a JSON value as one line of text: strings as they are, arrays
// joined by commas, objects by their "name" member or as "key: value" pairs.
QString jsonText(const QJsonValue& value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? CollectText::tr("Yes") : CollectText::tr("No");
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& element : value.toArray())
            parts += jsonText(element);
        return parts.join(u", "_s);
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.contains(u"name"_s))
            return jsonText(object.value(u"name"_s));
        QStringList parts;
        for (auto member = object.constBegin(); member != object.constEnd(); ++member)
            parts += member.key() % u": "_s % jsonText(member.value());
        return parts.join(u"; "_s);
    }
    return {};
}

// Returns field catalogue ids as their labels.
QString fieldLabels(const QStringList& fieldIds) {
    QStringList labels;
    for (const QString& id : fieldIds)
        labels += fieldText(id);
    return labels.join(u", "_s);
}

QStringList stringList(const QJsonValue& value) {
    QStringList strings;
    for (const QJsonValue& element : value.toArray())
        strings += element.toString();
    return strings;
}

QString recordTypeLabel(const QString& table) {
    static const QHash<QString, const char*> labels{
        {u"person"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "person")},
        {u"address"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "address")},
        {u"contact"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "contact details")},
        {u"relationship"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "relationship")},
        {u"family"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "family")},
        {u"family_member"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "family membership")},
        {u"family_status_change"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "status change")},
        {u"assessment"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "assessment")},
        {u"assessment_need"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "assessment need")},
        {u"taf_plan"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "plan")},
        {u"plan_goal"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "plan goal")},
        {u"plan_action"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "plan action")},
        {u"taf_meeting"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "meeting")},
        {u"plan_review"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "plan review")},
        {u"consent"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "consent")},
        {u"sharing_decision"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "sharing decision")},
        {u"case_note"_s, QT_TRANSLATE_NOOP("earlyhelp::subjectaccess::Collector", "case note")},
    };
    const auto found = labels.constFind(table);
    if (found == labels.constEnd())
        return table;
    return CollectText::tr(*found);
}

// Returns the events about the person or any of their families, each once,
// newest first, reading them on the first call.
Result<QList<audit::Event>> eventsAbout(CollectContext& context) {
    if (context.events)
        return *context.events;

    const audit::AuditLog log(context.store);
    QList<audit::Filter> filters;
    audit::Filter byPerson;
    byPerson.personId = context.personId;
    filters += byPerson;
    for (const QString& familyId : context.familyIds()) {
        audit::Filter byFamily;
        byFamily.familyId = familyId;
        filters += byFamily;
    }

    QList<audit::Event> events;
    QSet<qint64> seen;
    for (const audit::Filter& filter : std::as_const(filters)) {
        Result<QList<audit::Event>> found = log.query(filter);
        if (!found)
            return std::unexpected(found.error());
        for (audit::Event& event : *found) {
            if (seen.contains(event.sequence))
                continue;
            seen.insert(event.sequence);
            events += std::move(event);
        }
    }
    std::ranges::sort(events, [](const audit::Event& a, const audit::Event& b) { return a.sequence > b.sequence; });
    context.events = events;
    return events;
}

QString actionText(const audit::Event& event) {
    const std::optional<audit::Action> action = audit::actionFromCode(event.actionCode);
    return action ? audit::actionLabel(*action) : event.actionCode;
}

// Returns the recipient of a Share event: the organisation's name when the
// event names one, otherwise the recipient party type's label.
QString shareRecipient(const audit::Event& event) {
    const QString organisation = event.details.value(u"recipientOrganisationName"_s).toString();
    if (!organisation.isEmpty())
        return organisation;
    const QJsonValue recipient = event.details.value(u"recipient"_s);
    return recipient.isString() ? sharingPartyTypeLabel(recipient.toString()) : jsonText(recipient);
}

Item shareItem(const audit::Event& event) {
    const QString recipient = shareRecipient(event);
    Item item;
    item.id = u"audit_event/"_s % QString::number(event.sequence);
    item.section = Section::SharingWithOthers;
    item.date = event.at.toLocalTime().date();
    item.title = recipient.isEmpty() ? CollectText::tr("Shared with another organisation")
                                     : CollectText::tr("Shared with %1").arg(recipient);
    ItemText text;
    text.line(CollectText::tr("When"), ukDateTime(event.at))
        .line(CollectText::tr("Recipient"), recipient)
        .line(CollectText::tr("Purpose"), sharingPurposeLabel(jsonText(event.details.value(u"purpose"_s))))
        .line(CollectText::tr("Agreement clauses"), jsonText(event.details.value(u"clauses"_s)))
        .line(CollectText::tr("Information sent"), fieldLabels(stringList(event.details.value(u"fields"_s))))
        .line(CollectText::tr("Sent by"), event.user);
    if (event.erasedBySequence != 0)
        text.line(CollectText::tr("Details"), CollectText::tr("Erased with the person's data"));
    item.text = text.text();
    return item;
}

Item accessItem(const CollectContext& context, const audit::Event& event) {
    const QString action = actionText(event);
    const QString record = recordTypeLabel(event.recordType);
    Item item;
    item.id = u"audit_event/"_s % QString::number(event.sequence);
    item.section = Section::AccessAudit;
    item.date = event.at.toLocalTime().date();
    item.title = record.isEmpty() ? CollectText::tr("%1 by %2").arg(action, event.user)
                                  : CollectText::tr("%1 of %2 by %3").arg(action, record, event.user);

    ItemText text;
    text.line(CollectText::tr("When"), ukDateTime(event.at))
        .line(CollectText::tr("User"), event.user)
        .line(CollectText::tr("Role"), event.roleCode)
        .line(CollectText::tr("Action"), action)
        .line(CollectText::tr("Record"), record);
    // The names of the changed fields, never their values: the values are
    // in the records themselves, and an old value may be someone else's.
    const QJsonObject fields = event.details.value(u"fields"_s).toObject();
    if (!fields.isEmpty())
        text.line(CollectText::tr("Fields changed"), fields.keys().join(u", "_s));
    const QString kind = event.details.value(u"kind"_s).toString();
    text.line(CollectText::tr("Kind"), kind);
    if (event.erasedBySequence != 0)
        text.line(CollectText::tr("Details"), CollectText::tr("Erased with the person's data"));
    item.text = text.text();

    if (!event.personId.isEmpty() && event.personId != context.personId) {
        item.mayContainThirdParty = true;
        item.thirdPartyHint =
            CollectText::tr("About %1, another member of the family").arg(context.personName(event.personId));
    }
    return item;
}

} // namespace

Status collectSharingWithOthers(CollectContext& context) {
    const Result<QList<audit::Event>> events = eventsAbout(context);
    if (!events)
        return std::unexpected(events.error());
    for (const audit::Event& event : *events) {
        // A share of another member's information is theirs, not this person's.
        const bool aboutSomeoneElse = !event.personId.isEmpty() && event.personId != context.personId;
        if (event.actionCode == audit::actionCode(audit::Action::Share) && !aboutSomeoneElse)
            context.add(shareItem(event));
    }

    // What consent in force lets other organisations receive.
    ConsentRepository consents(context.store);
    const Result<QList<Consent>> own = consents.consentsForPerson(context.personId);
    if (!own)
        return std::unexpected(own.error());
    for (const Consent& consent : *own) {
        if (consent.withdrawnDate.isValid())
            continue;
        QStringList recipients;
        for (const ConsentRecipient& recipient : consent.recipients) {
            recipients += recipient.kind == ConsentRecipient::Kind::Organisation
                              ? context.organisationName(recipient.value)
                              : CollectText::tr("any %1").arg(sharingPartyTypeLabel(recipient.value));
        }
        QStringList purposes;
        for (const QString& purpose : consent.purposes)
            purposes += sharingPurposeLabel(purpose);
        Item item;
        item.id = u"consent/"_s % consent.meta.id % u"/recipients"_s;
        item.section = Section::SharingWithOthers;
        item.date = consent.givenDate;
        item.title = CollectText::tr("May receive under consent: %1").arg(recipients.join(u", "_s));
        item.text = ItemText()
                        .line(CollectText::tr("Recipients"), recipients.join(u", "_s))
                        .line(CollectText::tr("Purposes"), purposes.join(u", "_s))
                        .date(CollectText::tr("Since"), consent.givenDate)
                        .date(CollectText::tr("Review"), consent.reviewDate)
                        .text();
        context.add(std::move(item));
    }

    // Each time information went to a recipient on the strength of a
    // decision to share without consent.
    const sharing::OverrideLog overrides(context.store);
    QList<sharing::OverrideUse> uses;
    const Result<QList<sharing::OverrideUse>> personUses = overrides.usesForPerson(context.personId);
    if (!personUses)
        return std::unexpected(personUses.error());
    uses += *personUses;
    for (const QString& familyId : context.familyIds()) {
        const Result<QList<sharing::OverrideUse>> familyUses = overrides.usesForFamily(familyId);
        if (!familyUses)
            return std::unexpected(familyUses.error());
        uses += *familyUses;
    }
    for (const sharing::OverrideUse& use : std::as_const(uses)) {
        if (!use.personId.isEmpty() && use.personId != context.personId)
            continue; // another member's information
        const QString recipient = use.recipientOrganisationId.isEmpty()
                                      ? sharingPartyTypeLabel(use.recipientPartyType)
                                      : context.organisationName(use.recipientOrganisationId);
        Item item;
        item.id = u"override_use/"_s % use.id;
        item.section = Section::SharingWithOthers;
        item.date = use.usedAt.toLocalTime().date();
        item.title = CollectText::tr("Sent without consent to %1").arg(recipient);
        item.text = ItemText()
                        .line(CollectText::tr("When"), ukDateTime(use.usedAt))
                        .line(CollectText::tr("Recipient"), recipient)
                        .line(CollectText::tr("Purpose"), sharingPurposeLabel(use.purpose))
                        .line(CollectText::tr("Information sent"), fieldLabels(use.fieldIds))
                        .line(CollectText::tr("Reason"), use.reason)
                        .line(CollectText::tr("Agreement version"), QString::number(use.agreementVersion))
                        .line(CollectText::tr("Sent by"), use.usedBy)
                        .text();
        context.add(std::move(item));
    }
    return {};
}

Status collectAccessAudit(CollectContext& context) {
    const Result<QList<audit::Event>> events = eventsAbout(context);
    if (!events)
        return std::unexpected(events.error());
    for (const audit::Event& event : *events) {
        // Shares are listed under sharing with other organisations.
        if (event.actionCode == audit::actionCode(audit::Action::Share))
            continue;
        context.add(accessItem(context, event));
    }
    return {};
}

} // namespace earlyhelp::subjectaccess
