#include "policy/policy.h"

#include <QCoreApplication>

#include <algorithm>

namespace earlyhelp::policy {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::policy::Policy", text);
}

QString displayDate(const QDate& date) {
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

// The labels a denial reason uses, from the agreement.
QString partyTypeLabel(const Agreement& agreement, const QString& code) {
    for (const PartyType& partyType : agreement.partyTypes) {
        if (partyType.code == code)
            return partyType.label;
    }
    return code;
}

QString purposeLabel(const Agreement& agreement, const QString& code) {
    for (const Purpose& purpose : agreement.purposes) {
        if (purpose.code == code)
            return purpose.label;
    }
    return code;
}

QString categoryLabel(const Agreement& agreement, DataCategory category) {
    for (const Category& entry : agreement.categories) {
        if (entry.category == category)
            return entry.label;
    }
    return {};
}

// The reason the subject's consents do not allow the request. The order puts
// the reason nearest to allowing it first.
enum class ConsentGap {
    None,           // a current consent covers it
    Withdrawn,      // a covering consent was withdrawn
    Expired,        // a covering consent is past its review date
    NotYetGiven,    // a covering consent is dated after today
    WrongRecipient, // no consent names the recipient
    WrongPurpose,
    WrongCategory,
    NoConsent, // the subject has no consent at all
};

struct ConsentFinding {
    ConsentGap gap = ConsentGap::NoConsent;
    const Consent* consent = nullptr;
};

bool isSubjectsConsent(const Consent& consent, const SharingSubject& subject) {
    if (consent.meta.deleted)
        return false;
    if (!subject.personId.isEmpty())
        return consent.subjectPersonId == subject.personId;
    return !subject.familyId.isEmpty() && consent.familyId == subject.familyId;
}

bool namesRecipient(const Consent& consent, const SharingRecipient& recipient) {
    return std::ranges::any_of(consent.recipients, [&](const ConsentRecipient& named) {
        if (named.kind == ConsentRecipient::Kind::PartyType)
            return named.value == recipient.partyType;
        return !recipient.organisationId.isEmpty() && named.value == recipient.organisationId;
    });
}

ConsentGap gapOf(const Consent& consent, const SharingRequest& request, DataCategory category) {
    if (!namesRecipient(consent, request.recipient))
        return ConsentGap::WrongRecipient;
    if (!consent.purposes.contains(request.purpose))
        return ConsentGap::WrongPurpose;
    if (!consent.dataCategories.contains(category))
        return ConsentGap::WrongCategory;
    if (consent.withdrawnDate.isValid())
        return ConsentGap::Withdrawn;
    if (!consent.givenDate.isValid() || consent.givenDate > request.today)
        return ConsentGap::NotYetGiven;
    if (consent.reviewDate.isValid() && consent.reviewDate < request.today)
        return ConsentGap::Expired;
    return ConsentGap::None;
}

ConsentFinding findConsent(const QList<Consent>& consents, const SharingRequest& request,
                           DataCategory category) {
    ConsentFinding best;
    for (const Consent& consent : consents) {
        if (!isSubjectsConsent(consent, request.subject))
            continue;
        const ConsentGap gap = gapOf(consent, request, category);
        if (gap < best.gap)
            best = ConsentFinding{gap, &consent};
    }
    return best;
}

// True when decision was made for the request's recipient party type and
// purpose. A decision with either empty, as stored before schema version 4,
// covers nothing.
bool coversRecipientAndPurpose(const SharingDecision& decision, const SharingRequest& request) {
    if (decision.recipientPartyType.isEmpty() || decision.purpose.isEmpty())
        return false;
    return decision.recipientPartyType == request.recipient.partyType && decision.purpose == request.purpose;
}

// Returns the subject's sharing decision that may replace consent under rule,
// or nullptr.
const SharingDecision* findDecision(const QList<SharingDecision>& decisions, const SharingRequest& request,
                                    const Rule& rule) {
    for (const SharingDecision& decision : decisions) {
        if (decision.meta.deleted || !decision.date.isValid() || decision.date > request.today)
            continue;
        if (!coversRecipientAndPurpose(decision, request))
            continue;
        const bool aboutSubject =
            decision.personId.isEmpty()
                ? !decision.familyId.isEmpty() && decision.familyId == request.subject.familyId
                : decision.personId == request.subject.personId;
        if (!aboutSubject)
            continue;
        if (rule.category != DataCategory::Personal && decision.condition != rule.condition)
            continue;
        return &decision;
    }
    return nullptr;
}

QString consentGapReason(const Agreement& agreement, const ConsentFinding& finding,
                         const SharingRequest& request, DataCategory category) {
    switch (finding.gap) {
    case ConsentGap::None:
        return {};
    case ConsentGap::Withdrawn:
        return tr("The consent was withdrawn on %1.").arg(displayDate(finding.consent->withdrawnDate));
    case ConsentGap::Expired:
        return tr("The consent's review date, %1, has passed. Review the consent with the family.")
            .arg(displayDate(finding.consent->reviewDate));
    case ConsentGap::NotYetGiven:
        return tr("The consent is dated %1, which is after today.")
            .arg(displayDate(finding.consent->givenDate));
    case ConsentGap::WrongRecipient:
        return tr("The consent does not name %1 as a recipient.")
            .arg(partyTypeLabel(agreement, request.recipient.partyType));
    case ConsentGap::WrongPurpose:
        return tr("The consent does not cover the purpose %1.").arg(purposeLabel(agreement, request.purpose));
    case ConsentGap::WrongCategory:
        return tr("The consent does not cover %1.").arg(categoryLabel(agreement, category));
    case ConsentGap::NoConsent:
        return tr("No consent to share is recorded for this person.");
    }
    return {};
}

Denied deniedByRule(const Rule& rule, const QString& reason) {
    return Denied{tr("Clause %1: %2").arg(rule.clauseId, reason), rule.clauseId};
}

} // namespace

SharingOutcome decide(const Agreement& agreement, bool agreementVerified, const SharingRequest& request,
                      const QList<Consent>& consents, const QList<SharingDecision>& decisions) {
    if (!agreementVerified)
        return Denied{tr("The data sharing agreement's signature is not verified, so nothing is shared."),
                      {}};

    if (!request.today.isValid())
        return Denied{tr("The date of the request is missing, so consent and decisions cannot be checked."),
                      {}};

    const std::optional<FieldDefinition> field = findField(request.fieldId);
    if (!field)
        return Denied{tr("\"%1\" is not a field the app knows, so it is not shared.").arg(request.fieldId),
                      {}};
    const std::optional<DataCategory> category = field->category ? field->category : request.recordCategory;
    if (!category)
        return Denied{tr("The data category of this %1 is not recorded, so it is not shared.")
                          .arg(fieldLabel(*field).toLower()),
                      {}};
    if (!agreement.hasCategory(*category))
        return Denied{tr("The agreement does not cover this kind of data."), {}};
    if (!agreement.hasPurpose(request.purpose))
        return Denied{tr("The agreement has no purpose \"%1\".").arg(request.purpose), {}};
    if (!agreement.hasPartyType(request.senderPartyType))
        return Denied{
            tr("The agreement does not name \"%1\" as a party that may share.").arg(request.senderPartyType),
            {}};
    if (!agreement.hasPartyType(request.recipient.partyType))
        return Denied{tr("The agreement does not name \"%1\" as a party that may receive.")
                          .arg(request.recipient.partyType),
                      {}};

    const Rule* rule = agreement.findRule(request.purpose, request.recipient.partyType, *category);
    if (!rule)
        return Denied{tr("The agreement has no rule for sharing %1 with %2 for %3.")
                          .arg(categoryLabel(agreement, *category).toLower(),
                               partyTypeLabel(agreement, request.recipient.partyType),
                               purposeLabel(agreement, request.purpose).toLower()),
                      {}};

    const Allowed byConsent{rule->clauseId, rule->lawfulBasis, rule->condition, {}};
    switch (rule->basis) {
    case ConsentBasis::Never:
        return deniedByRule(*rule, tr("%1 is never shared with %2 for this purpose.")
                                       .arg(categoryLabel(agreement, *category),
                                            partyTypeLabel(agreement, request.recipient.partyType)));
    case ConsentBasis::OverrideOnly:
        if (const SharingDecision* decision = findDecision(decisions, request, *rule))
            return Allowed{rule->clauseId, rule->lawfulBasis, rule->condition, decision->meta.id};
        return deniedByRule(*rule, tr("sharing needs a recorded decision to share without consent, and none "
                                      "applies to this person, recipient and purpose."));
    case ConsentBasis::Consent:
    case ConsentBasis::ConsentOrOverride:
        break;
    }

    const ConsentFinding finding = findConsent(consents, request, *category);
    if (finding.gap == ConsentGap::None)
        return byConsent;
    const QString gapReason = consentGapReason(agreement, finding, request, *category);
    if (rule->basis == ConsentBasis::Consent)
        return deniedByRule(*rule, gapReason);
    if (const SharingDecision* decision = findDecision(decisions, request, *rule))
        return Allowed{rule->clauseId, rule->lawfulBasis, rule->condition, decision->meta.id};
    return deniedByRule(*rule, gapReason + u' ' + tr("No decision to share without consent applies either."));
}

} // namespace earlyhelp::policy
