// The case-work records of a subject access collection: the assessments,
// plans, sharing decisions and case notes of the person's families, and the
// consents given for the person or by them.

#include "casework/assessmentrepository.h"
#include "casework/casenoterepository.h"
#include "casework/chronology.h"
#include "casework/consentrepository.h"
#include "casework/headings.h"
#include "casework/planrepository.h"
#include "casework/sharingterms.h"
#include "collectparts.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>

namespace earlyhelp::subjectaccess {

using namespace Qt::StringLiterals;

namespace {

// Repository options that also read soft-deleted records, because the store
// still contains them.
CaseworkOptions withDeletedRecords() {
    CaseworkOptions options;
    options.includeDeleted = true;
    return options;
}

QString familyNameOf(const CollectContext& context, const QString& familyId) {
    for (const PersonFamily& family : context.families) {
        if (family.familyId == familyId)
            return family.familyName;
    }
    return {};
}

QString categoryLabel(DataCategory category) {
    switch (category) {
    case DataCategory::Personal:
        return CollectText::tr("Personal data");
    case DataCategory::SpecialCategory:
        return CollectText::tr("Special category data");
    case DataCategory::CriminalOffence:
        return CollectText::tr("Criminal offence data");
    }
    return {};
}

QString planStatusLabel(PlanStatus status) {
    return status == PlanStatus::Active ? CollectText::tr("Active") : CollectText::tr("Closed");
}

QString actionStatusLabel(ActionStatus status) {
    switch (status) {
    case ActionStatus::Open:
        return CollectText::tr("Open");
    case ActionStatus::Done:
        return CollectText::tr("Done");
    case ActionStatus::Cancelled:
        return CollectText::tr("Cancelled");
    }
    return {};
}

QString recipientText(const CollectContext& context, const ConsentRecipient& recipient) {
    if (recipient.kind == ConsentRecipient::Kind::Organisation)
        return context.organisationName(recipient.value);
    return CollectText::tr("any %1").arg(sharingPartyTypeLabel(recipient.value));
}

QString joinedLabels(const QStringList& codes, QString (*label)(const QString&)) {
    QStringList labels;
    for (const QString& code : codes)
        labels += label(code);
    return labels.join(u", "_s);
}

Item assessmentItem(const CollectContext& context, const Assessment& assessment) {
    ItemText text;
    text.line(u"family.name"_s, familyNameOf(context, assessment.familyId))
        .line(CollectText::tr("Assessor"), assessment.assessor)
        .date(CollectText::tr("Date"), assessment.date)
        .line(CollectText::tr("Child's voice"), assessment.childVoice)
        .line(CollectText::tr("Family's voice"), assessment.familyVoice);
    for (const AssessmentNeed& need : assessment.needs) {
        const QString heading = headingLabel(need.heading);
        text.line(CollectText::tr("%1, score").arg(heading), QString::number(need.score))
            .line(CollectText::tr("%1, strengths").arg(heading), need.strengths)
            .line(CollectText::tr("%1, needs").arg(heading), need.needs);
    }
    Item item;
    item.id = u"assessment/"_s % assessment.meta.id;
    item.section = Section::Assessments;
    item.date = assessment.date;
    item.title = CollectText::tr("Early help assessment by %1").arg(assessment.assessor);
    item.text = text.text();
    markDeleted(item, assessment.meta);
    return item;
}

} // namespace

Status collectAssessments(CollectContext& context) {
    AssessmentRepository assessments(context.store, withDeletedRecords());
    for (const QString& familyId : context.familyIds()) {
        const Result<QList<Assessment>> listed = assessments.listForFamily(familyId);
        if (!listed)
            return std::unexpected(listed.error());
        for (const Assessment& assessment : *listed) {
            Item item = assessmentItem(context, assessment);
            context.flagNamedMembers(item);
            context.add(std::move(item));
        }
    }
    return {};
}

namespace {

Status collectPlanParts(CollectContext& context, PlanRepository& plans, const TafPlan& plan) {
    const Result<QList<PlanGoal>> goals = plans.goalsForPlan(plan.meta.id);
    if (!goals)
        return std::unexpected(goals.error());
    QHash<QString, QString> goalDescriptions;
    for (const PlanGoal& goal : *goals) {
        goalDescriptions.insert(goal.meta.id, goal.description);
        Item item;
        item.id = u"plan_goal/"_s % goal.meta.id;
        item.section = Section::Plans;
        item.date = plan.startDate;
        item.title = CollectText::tr("Goal: %1").arg(headingLabel(goal.heading));
        item.text = ItemText()
                        .line(CollectText::tr("Heading"), headingLabel(goal.heading))
                        .line(CollectText::tr("Description"), goal.description)
                        .text();
        markDeleted(item, goal.meta);
        context.flagNamedMembers(item);
        context.add(std::move(item));

        const Result<QList<PlanAction>> actions = plans.actionsForGoal(goal.meta.id);
        if (!actions)
            return std::unexpected(actions.error());
        for (const PlanAction& action : *actions) {
            Item actionItem;
            actionItem.id = u"plan_action/"_s % action.meta.id;
            actionItem.section = Section::Plans;
            actionItem.date = action.dueDate.isValid() ? action.dueDate : plan.startDate;
            actionItem.title = CollectText::tr("Action: %1").arg(action.description.left(80));
            actionItem.text = ItemText()
                                  .line(CollectText::tr("Goal"), goal.description)
                                  .line(CollectText::tr("Description"), action.description)
                                  .line(CollectText::tr("Owner"), action.ownerPerson)
                                  .line(CollectText::tr("Owning organisation"),
                                        context.organisationName(action.ownerOrgId))
                                  .date(CollectText::tr("Due"), action.dueDate)
                                  .line(CollectText::tr("Status"), actionStatusLabel(action.status))
                                  .text();
            markDeleted(actionItem, action.meta);
            context.flagNamedMembers(actionItem);
            context.add(std::move(actionItem));
        }
    }

    const Result<QList<TafMeeting>> meetings = plans.meetingsForPlan(plan.meta.id);
    if (!meetings)
        return std::unexpected(meetings.error());
    for (const TafMeeting& meeting : *meetings) {
        Item item;
        item.id = u"taf_meeting/"_s % meeting.meta.id;
        item.section = Section::Plans;
        item.date = meeting.date;
        item.title = CollectText::tr("Team Around the Family meeting");
        item.text = ItemText()
                        .date(CollectText::tr("Date"), meeting.date)
                        .line(CollectText::tr("Attendees"), meeting.attendees)
                        .line(CollectText::tr("Notes"), meeting.notes)
                        .text();
        if (!meeting.attendees.trimmed().isEmpty()) {
            item.mayContainThirdParty = true;
            item.thirdPartyHint = CollectText::tr("Lists the people who attended");
        }
        markDeleted(item, meeting.meta);
        context.flagNamedMembers(item);
        context.add(std::move(item));
    }

    const Result<QList<PlanReview>> reviews = plans.reviewsForPlan(plan.meta.id);
    if (!reviews)
        return std::unexpected(reviews.error());
    for (const PlanReview& review : *reviews) {
        ItemText text;
        text.date(CollectText::tr("Date"), review.date);
        for (auto progress = review.progress.cbegin(); progress != review.progress.cend(); ++progress)
            text.line(CollectText::tr("Progress on \"%1\"").arg(goalDescriptions.value(progress.key(), progress.key())),
                      progress.value());
        text.date(CollectText::tr("Next review"), review.nextReviewDate);
        Item item;
        item.id = u"plan_review/"_s % review.meta.id;
        item.section = Section::Plans;
        item.date = review.date;
        item.title = CollectText::tr("Plan review");
        item.text = text.text();
        markDeleted(item, review.meta);
        context.flagNamedMembers(item);
        context.add(std::move(item));
    }
    return {};
}

} // namespace

Status collectPlans(CollectContext& context) {
    PlanRepository plans(context.store, withDeletedRecords());
    for (const QString& familyId : context.familyIds()) {
        const Result<QList<TafPlan>> listed = plans.plansForFamily(familyId);
        if (!listed)
            return std::unexpected(listed.error());
        for (const TafPlan& plan : *listed) {
            ItemText text;
            text.line(u"family.name"_s, familyNameOf(context, familyId))
                .date(CollectText::tr("Start date"), plan.startDate)
                .date(CollectText::tr("End date"), plan.endDate)
                .line(CollectText::tr("Status"), planStatusLabel(plan.status));
            for (auto outcome = plan.outcomes.cbegin(); outcome != plan.outcomes.cend(); ++outcome)
                text.line(CollectText::tr("Outcome, %1").arg(headingLabel(outcome.key())), outcome.value());
            Item item;
            item.id = u"taf_plan/"_s % plan.meta.id;
            item.section = Section::Plans;
            item.date = plan.startDate;
            item.title = CollectText::tr("Team Around the Family plan from %1").arg(ukDate(plan.startDate));
            item.text = text.text();
            markDeleted(item, plan.meta);
            context.flagNamedMembers(item);
            context.add(std::move(item));
            if (Status parts = collectPlanParts(context, plans, plan); !parts)
                return parts;
        }
    }
    return {};
}

namespace {

Item consentItem(const CollectContext& context, const Consent& consent) {
    QStringList recipients;
    for (const ConsentRecipient& recipient : consent.recipients)
        recipients += recipientText(context, recipient);
    QStringList categories;
    for (DataCategory category : consent.dataCategories)
        categories += categoryLabel(category);
    const QString capacity = consent.capacity == ConsentCapacity::ParentalResponsibility
                                 ? CollectText::tr("Parental responsibility")
                                 : CollectText::tr("Competent young person");
    QString method;
    switch (consent.method) {
    case ConsentMethod::Written:
        method = CollectText::tr("Written");
        break;
    case ConsentMethod::Verbal:
        method = CollectText::tr("Verbal");
        break;
    case ConsentMethod::Electronic:
        method = CollectText::tr("Electronic");
        break;
    }

    Item item;
    item.id = u"consent/"_s % consent.meta.id;
    item.section = Section::Consent;
    item.date = consent.givenDate;
    item.title = consent.withdrawnDate.isValid()
                     ? CollectText::tr("Consent given %1, withdrawn %2")
                           .arg(ukDate(consent.givenDate), ukDate(consent.withdrawnDate))
                     : CollectText::tr("Consent given %1").arg(ukDate(consent.givenDate));
    item.text = ItemText()
                    .line(CollectText::tr("About"), context.personName(consent.subjectPersonId))
                    .line(CollectText::tr("Given by"), context.personName(consent.givenByPersonId))
                    .line(CollectText::tr("Capacity"), capacity)
                    .line(CollectText::tr("Purposes"), joinedLabels(consent.purposes, sharingPurposeLabel))
                    .line(CollectText::tr("Recipients"), recipients.join(u", "_s))
                    .line(CollectText::tr("Data categories"), categories.join(u", "_s))
                    .line(CollectText::tr("Method"), method)
                    .date(CollectText::tr("Given"), consent.givenDate)
                    .date(CollectText::tr("Review"), consent.reviewDate)
                    .date(CollectText::tr("Withdrawn"), consent.withdrawnDate)
                    .line(CollectText::tr("Withdrawn by"), consent.withdrawnBy)
                    .text();
    if (consent.subjectPersonId != context.personId) {
        item.mayContainThirdParty = true;
        item.thirdPartyHint = CollectText::tr("Consent about %1, given by this person")
                                  .arg(context.personName(consent.subjectPersonId));
    } else if (consent.givenByPersonId != context.personId) {
        item.mayContainThirdParty = true;
        item.thirdPartyHint =
            CollectText::tr("Given by %1, another person").arg(context.personName(consent.givenByPersonId));
    }
    markDeleted(item, consent.meta);
    return item;
}

} // namespace

Status collectConsents(CollectContext& context) {
    ConsentRepository consents(context.store, withDeletedRecords());
    const Result<QList<Consent>> own = consents.consentsForPerson(context.personId);
    if (!own)
        return std::unexpected(own.error());
    for (const Consent& consent : *own)
        context.add(consentItem(context, consent));

    // Consents this person gave for other members, such as a parent's
    // consent for a child.
    for (const OtherMember& member : std::as_const(context.otherMembers)) {
        const Result<QList<Consent>> theirs = consents.consentsForPerson(member.personId);
        if (!theirs)
            return std::unexpected(theirs.error());
        for (const Consent& consent : *theirs) {
            if (consent.givenByPersonId == context.personId)
                context.add(consentItem(context, consent));
        }
    }
    return {};
}

namespace {

Item decisionItem(const CollectContext& context, const SharingDecision& decision) {
    Item item;
    item.id = u"sharing_decision/"_s % decision.meta.id;
    item.section = Section::SharingDecisions;
    item.date = decision.date;
    item.title = CollectText::tr("Decision to share without consent with %1")
                     .arg(sharingPartyTypeLabel(decision.recipientPartyType));
    item.text = ItemText()
                    .line(CollectText::tr("Family"), familyNameOf(context, decision.familyId))
                    .line(CollectText::tr("About"), context.personName(decision.personId))
                    .line(CollectText::tr("Recipient"), sharingPartyTypeLabel(decision.recipientPartyType))
                    .line(CollectText::tr("Purpose"), sharingPurposeLabel(decision.purpose))
                    .line(CollectText::tr("Lawful basis"), decision.lawfulBasis)
                    .line(CollectText::tr("Condition"), decision.condition)
                    .line(CollectText::tr("Justification"), decision.justification)
                    .line(CollectText::tr("Decided by"), decision.decidedBy)
                    .date(CollectText::tr("Date"), decision.date)
                    .text();
    if (!decision.personId.isEmpty() && decision.personId != context.personId) {
        item.mayContainThirdParty = true;
        item.thirdPartyHint =
            CollectText::tr("About %1, another person").arg(context.personName(decision.personId));
    }
    markDeleted(item, decision.meta);
    return item;
}

} // namespace

Status collectSharingDecisions(CollectContext& context) {
    ConsentRepository consents(context.store, withDeletedRecords());
    for (const QString& familyId : context.familyIds()) {
        const Result<QList<SharingDecision>> listed = consents.sharingDecisionsForFamily(familyId);
        if (!listed)
            return std::unexpected(listed.error());
        for (const SharingDecision& decision : *listed) {
            Item item = decisionItem(context, decision);
            context.flagNamedMembers(item);
            context.add(std::move(item));
        }
    }

    // Decisions about the person that name no family.
    QSqlQuery query(context.store.database());
    query.prepare(
        QStringLiteral("SELECT id FROM sharing_decision WHERE person_id = ? AND family_id IS NULL"));
    query.addBindValue(context.personId);
    if (!query.exec())
        return std::unexpected(
            sqlError(context.store, QStringLiteral("sharing decisions"), query.lastError().text()));
    QStringList ids;
    while (query.next())
        ids += query.value(0).toString();
    for (const QString& id : std::as_const(ids)) {
        const Result<SharingDecision> decision = consents.sharingDecision(id);
        if (!decision)
            return std::unexpected(decision.error());
        context.add(decisionItem(context, *decision));
    }
    return {};
}

namespace {

Item noteItem(const CollectContext& context, const CaseNote& note) {
    Item item;
    item.id = u"case_note/"_s % note.meta.id;
    item.section = Section::CaseNotes;
    item.date = note.date;
    item.title = CollectText::tr("%1 by %2").arg(Chronology::typeLabel(note.type), note.author);
    item.text = ItemText()
                    .date(u"caseNote.date"_s, note.date)
                    .line(u"caseNote.author"_s, note.author)
                    .line(u"caseNote.type"_s, Chronology::typeLabel(note.type))
                    .line(CollectText::tr("About"), context.personName(note.personId))
                    .flag(u"caseNote.significantEvent"_s, note.significant)
                    .line(u"caseNote.category"_s, categoryLabel(note.category))
                    .line(u"caseNote.text"_s, note.text)
                    .text();
    if (!note.personId.isEmpty() && note.personId != context.personId) {
        item.mayContainThirdParty = true;
        item.thirdPartyHint = CollectText::tr("About %1, another person").arg(context.personName(note.personId));
    }
    markDeleted(item, note.meta);
    return item;
}

} // namespace

Status collectCaseNotes(CollectContext& context) {
    CaseNoteRepository notes(context.store, withDeletedRecords());
    for (const QString& familyId : context.familyIds()) {
        const Result<QList<CaseNote>> chronology = notes.chronology(familyId);
        if (!chronology)
            return std::unexpected(chronology.error());
        for (const CaseNote& note : *chronology) {
            Item item = noteItem(context, note);
            context.flagNamedMembers(item);
            context.add(std::move(item));
        }
    }

    // Notes about the person in a family they no longer belong to.
    QSqlQuery query(context.store.database());
    query.prepare(QStringLiteral("SELECT id FROM case_note WHERE person_id = ?"));
    query.addBindValue(context.personId);
    if (!query.exec())
        return std::unexpected(sqlError(context.store, QStringLiteral("case notes"), query.lastError().text()));
    QStringList ids;
    while (query.next()) {
        const QString id = query.value(0).toString();
        if (!context.itemIds.contains(u"case_note/"_s % id))
            ids += id;
    }
    for (const QString& id : std::as_const(ids)) {
        const Result<CaseNote> note = notes.get(id);
        if (!note)
            return std::unexpected(note.error());
        Item item = noteItem(context, *note);
        context.flagNamedMembers(item);
        context.add(std::move(item));
    }
    return {};
}

} // namespace earlyhelp::subjectaccess
