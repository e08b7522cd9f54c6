#include "subjectaccess.h"

#include "access/role.h"

#include <QCoreApplication>
#include <QSet>

namespace earlyhelp::subjectaccess {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::subjectaccess::SubjectAccess)
};

} // namespace

QList<Section> allSections() {
    return {Section::PersonalDetails, Section::Addresses,        Section::Contacts,
            Section::Relationships,   Section::Families,         Section::Assessments,
            Section::Plans,           Section::Consent,          Section::SharingDecisions,
            Section::CaseNotes,       Section::SharingWithOthers, Section::AccessAudit};
}

QString sectionCode(Section section) {
    switch (section) {
    case Section::PersonalDetails:
        return QStringLiteral("personal-details");
    case Section::Addresses:
        return QStringLiteral("addresses");
    case Section::Contacts:
        return QStringLiteral("contacts");
    case Section::Relationships:
        return QStringLiteral("relationships");
    case Section::Families:
        return QStringLiteral("families");
    case Section::Assessments:
        return QStringLiteral("assessments");
    case Section::Plans:
        return QStringLiteral("plans");
    case Section::Consent:
        return QStringLiteral("consent");
    case Section::SharingDecisions:
        return QStringLiteral("sharing-decisions");
    case Section::CaseNotes:
        return QStringLiteral("case-notes");
    case Section::SharingWithOthers:
        return QStringLiteral("sharing-with-other-organisations");
    case Section::AccessAudit:
        return QStringLiteral("audit-of-access");
    }
    return {};
}

QString sectionLabel(Section section) {
    switch (section) {
    case Section::PersonalDetails:
        return Text::tr("Personal details");
    case Section::Addresses:
        return Text::tr("Addresses");
    case Section::Contacts:
        return Text::tr("Contacts");
    case Section::Relationships:
        return Text::tr("Relationships");
    case Section::Families:
        return Text::tr("Families and status history");
    case Section::Assessments:
        return Text::tr("Assessments");
    case Section::Plans:
        return Text::tr("Plans");
    case Section::Consent:
        return Text::tr("Consent");
    case Section::SharingDecisions:
        return Text::tr("Sharing decisions");
    case Section::CaseNotes:
        return Text::tr("Case notes");
    case Section::SharingWithOthers:
        return Text::tr("Sharing with other organisations");
    case Section::AccessAudit:
        return Text::tr("Audit of access");
    }
    return {};
}

QList<WithholdReason> allWithholdReasons() {
    return {WithholdReason::ThirdParty, WithholdReason::SeriousHarm, WithholdReason::CrimeAndTaxation,
            WithholdReason::LegalPrivilege, WithholdReason::Other};
}

QString withholdReasonCode(WithholdReason reason) {
    switch (reason) {
    case WithholdReason::ThirdParty:
        return QStringLiteral("third-party");
    case WithholdReason::SeriousHarm:
        return QStringLiteral("serious-harm");
    case WithholdReason::CrimeAndTaxation:
        return QStringLiteral("crime-and-taxation");
    case WithholdReason::LegalPrivilege:
        return QStringLiteral("legal-professional-privilege");
    case WithholdReason::Other:
        return QStringLiteral("other");
    }
    return {};
}

std::optional<WithholdReason> withholdReasonFromCode(const QString& code) {
    for (WithholdReason reason : allWithholdReasons()) {
        if (withholdReasonCode(reason) == code)
            return reason;
    }
    return std::nullopt;
}

QString withholdReasonLabel(WithholdReason reason) {
    switch (reason) {
    case WithholdReason::ThirdParty:
        return Text::tr("Third-party information");
    case WithholdReason::SeriousHarm:
        return Text::tr("Serious harm, social work data (DPA 2018 Sch. 3 Part 3)");
    case WithholdReason::CrimeAndTaxation:
        return Text::tr("Crime and taxation (DPA 2018 Sch. 2 para 2)");
    case WithholdReason::LegalPrivilege:
        return Text::tr("Legal professional privilege");
    case WithholdReason::Other:
        return Text::tr("Other");
    }
    return {};
}

Status authoriseSubjectAccess(const access::Actor& actor) {
    if (actor.role() == access::Role::Lead)
        return {};
    return makeError(ErrorCode::PermissionDenied,
                     Text::tr("Only the designated safeguarding lead may answer a subject access request, and "
                              "%1 is not the lead. Ask the lead to export it.")
                         .arg(actor.user));
}

Status checkReview(const Collection& collection, const Review& review) {
    QHash<QString, const Item*> itemsById;
    for (const Item& item : collection.items)
        itemsById.insert(item.id, &item);

    // Sorted, so that the item named in an error is the same on every run.
    QStringList reviewedIds = review.keys();
    reviewedIds.sort();
    for (const QString& id : std::as_const(reviewedIds)) {
        const ItemReview& decision = review.value(id);
        const Item* item = itemsById.value(id);
        if (item == nullptr)
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("The review names item %1, which is not among the items collected for "
                                      "this person. Collect the items again and review them afresh.")
                                 .arg(id));
        if (!decision.withhold)
            continue;
        if (!decision.reason)
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("Item \"%1\" (%2) is withheld without a reason. Choose the reason for "
                                      "withholding it, or disclose it.")
                                 .arg(item->title, id));
        if (*decision.reason == WithholdReason::Other && decision.note.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("Item \"%1\" (%2) is withheld for another reason, which is not given. "
                                      "Write the reason in the item's note.")
                                 .arg(item->title, id));
    }
    return {};
}

QString deletedStatusText(const Item& item) {
    if (!item.deleted)
        return {};
    if (!item.deletedOn.isValid())
        return Text::tr("Deleted; the store has no date for the deletion. The record is still held.");
    return Text::tr("Deleted on %1, restorable until %2. The record is still held.")
        .arg(item.deletedOn.toString(u"dd/MM/yyyy"), item.restorableUntil.toString(u"dd/MM/yyyy"));
}

bool isWithheld(const Review& review, const QString& itemId) {
    const auto found = review.constFind(itemId);
    return found != review.constEnd() && found->withhold;
}

} // namespace earlyhelp::subjectaccess
