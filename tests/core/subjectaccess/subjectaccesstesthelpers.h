#pragma once

// A family written through the repositories for subject access tests: a
// child, her mother and her brother in one family, with a record of every
// kind about the child. Each record that has free text carries a marker
// string found nowhere else, so a test can look for it in an export.

#include "../casework/caseworktesthelpers.h"

#include "audit/auditlog.h"
#include "cases/personrepository.h"
#include "casework/assessmentrepository.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "casework/familycaserepository.h"
#include "casework/planrepository.h"
#include "sharing/overridelog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

namespace earlyhelp::testing {

// The ids of the family and of the records about the child, and the marker
// of each record with text.
struct SubjectAccessCase {
    QString familyId;
    QString childId;
    QString motherId;
    QString brotherId;
    QString contactId;
    QString assessmentId;
    QString planId;
    QString goalId;
    QString actionId;
    QString meetingId;
    QString reviewId;
    QString consentId;
    QString decisionId;
    QString statusChangeId;
    QString childNoteId;      // names only the child
    QString motherNoteId;     // names the mother
    QString brotherNoteId;    // a note about the brother
    qint64 viewEventSequence = 0;
    qint64 shareEventSequence = 0;
    qint64 brotherShareEventSequence = 0; // a share of the brother's information
    QString overrideUseId;
};

namespace marker {
inline const QString contact = QStringLiteral("07700 900123");
inline const QString assessment = QStringLiteral("AssessMarkerQ7");
inline const QString goal = QStringLiteral("GoalMarkerK2");
inline const QString action = QStringLiteral("ActionMarkerP4");
inline const QString meeting = QStringLiteral("MeetingMarkerZ1");
inline const QString review = QStringLiteral("ReviewMarkerW5");
inline const QString decision = QStringLiteral("DecisionMarkerH3");
inline const QString statusChange = QStringLiteral("StatusMarkerV6");
inline const QString childNote = QStringLiteral("ChildnoteMarkerA9");
inline const QString motherNote = QStringLiteral("MothernoteMarkerB8");
inline const QString brotherNote = QStringLiteral("BrothernoteMarkerC7");
} // namespace marker

// Writes the case into fixture's store as actor lead. Returns an empty
// string, or what failed.
[[nodiscard]] inline QString writeSubjectAccessCase(CaseworkFixture& fixture, SubjectAccessCase& ids) {
    using namespace Qt::StringLiterals;
    Store& store = *fixture.store;
    const CaseworkOptions options = fixture.options();
    ids.familyId = fixture.insertFamily(QStringLiteral("Fenwick family"));
    if (ids.familyId.isEmpty())
        return QStringLiteral("The family could not be inserted.");

    PersonRepository people(store, PersonRepositoryOptions{[&fixture] { return fixture.now; }, {}});
    NewPerson child;
    child.forename = QStringLiteral("Amara");
    child.surname = QStringLiteral("Fenwick");
    child.dateOfBirth = QStringLiteral("12/03/2015");
    child.sex = QStringLiteral("F");
    child.postcode = QStringLiteral("LS6 2AB");
    Result<QString> childId = people.addPerson(lead, child, FamilyLink{ids.familyId, QStringLiteral("child"), {}, false});
    if (!childId)
        return childId.error().message;
    ids.childId = *childId;

    NewPerson mother;
    mother.forename = QStringLiteral("Joanna");
    mother.surname = QStringLiteral("Fenwick");
    Result<QString> motherId = people.addPerson(
        lead, mother, FamilyLink{ids.familyId, QStringLiteral("adult"), QStringLiteral("parent"), true});
    if (!motherId)
        return motherId.error().message;
    ids.motherId = *motherId;

    NewPerson brother;
    brother.forename = QStringLiteral("Theo");
    brother.surname = QStringLiteral("Fenwick");
    Result<QString> brotherId =
        people.addPerson(lead, brother, FamilyLink{ids.familyId, QStringLiteral("child"), {}, false});
    if (!brotherId)
        return brotherId.error().message;
    ids.brotherId = *brotherId;

    // Contact details have no repository yet, so the row goes in directly.
    ids.contactId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery contact(store.database());
    contact.prepare(QStringLiteral("INSERT INTO contact (id, org_id, person_id, kind, type_code, value, created_at, "
                                   "updated_at) VALUES (?, ?, ?, 'phone', 'M', ?, '2026-02-01T09:00:00.000Z', "
                                   "'2026-02-01T09:00:00.000Z')"));
    contact.addBindValue(ids.contactId);
    contact.addBindValue(fixture.orgId);
    contact.addBindValue(ids.childId);
    contact.addBindValue(marker::contact);
    if (!contact.exec())
        return contact.lastError().text();

    FamilyCaseRepository families(store, options);
    Result<FamilyStatusChangeRecord> stepped = families.changeStatus(
        lead, ids.familyId, FamilyStatus::SteppedUp, QDate(2026, 11, 2), u"Referral "_s + marker::statusChange);
    if (!stepped)
        return stepped.error().message;
    ids.statusChangeId = stepped->meta.id;

    AssessmentRepository assessments(store, options);
    Assessment assessment;
    assessment.familyId = ids.familyId;
    assessment.assessor = QStringLiteral("Sam Patel");
    assessment.date = QDate(2026, 3, 10);
    assessment.childVoice = u"Amara likes drawing. "_s + marker::assessment;
    assessment.needs = {AssessmentNeed{SupportingFamiliesHeading::Education, QStringLiteral("Attends daily"),
                                       QStringLiteral("Reading support"), 3}};
    Result<Assessment> assessed = assessments.create(lead, assessment);
    if (!assessed)
        return assessed.error().message;
    ids.assessmentId = assessed->meta.id;

    PlanRepository plans(store, options);
    TafPlan plan;
    plan.familyId = ids.familyId;
    plan.startDate = QDate(2026, 4, 1);
    Result<TafPlan> planned = plans.createPlan(lead, plan);
    if (!planned)
        return planned.error().message;
    ids.planId = planned->meta.id;
    PlanGoal goal;
    goal.planId = ids.planId;
    goal.heading = SupportingFamiliesHeading::Education;
    goal.description = u"Read every evening "_s + marker::goal;
    Result<PlanGoal> goalMade = plans.createGoal(lead, goal);
    if (!goalMade)
        return goalMade.error().message;
    ids.goalId = goalMade->meta.id;
    PlanAction action;
    action.goalId = ids.goalId;
    action.description = u"Library visit "_s + marker::action;
    action.dueDate = QDate(2026, 5, 1);
    Result<PlanAction> actionMade = plans.createAction(lead, action);
    if (!actionMade)
        return actionMade.error().message;
    ids.actionId = actionMade->meta.id;
    TafMeeting meeting;
    meeting.planId = ids.planId;
    meeting.date = QDate(2026, 4, 20);
    meeting.attendees = QStringLiteral("Sam Patel, class teacher");
    meeting.notes = u"Plan agreed. "_s + marker::meeting;
    Result<TafMeeting> met = plans.createMeeting(lead, meeting);
    if (!met)
        return met.error().message;
    ids.meetingId = met->meta.id;
    PlanReview review;
    review.planId = ids.planId;
    review.date = QDate(2026, 6, 1);
    review.progress = {{ids.goalId, u"Reading most evenings "_s + marker::review}};
    Result<PlanReview> reviewed = plans.createReview(lead, review);
    if (!reviewed)
        return reviewed.error().message;
    ids.reviewId = reviewed->meta.id;

    ConsentRepository consents(store, options);
    Consent consent;
    consent.familyId = ids.familyId;
    consent.subjectPersonId = ids.childId;
    consent.givenByPersonId = ids.motherId;
    consent.purposes = {QStringLiteral("safeguarding")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate(2026, 3, 1);
    Result<Consent> consented = consents.createConsent(lead, consent);
    if (!consented)
        return consented.error().message;
    ids.consentId = consented->meta.id;
    SharingDecision decision;
    decision.familyId = ids.familyId;
    decision.personId = ids.childId;
    decision.recipientPartyType = QStringLiteral("health");
    decision.purpose = QStringLiteral("safeguarding");
    decision.lawfulBasis = QStringLiteral("art6_1_e");
    decision.justification = u"Risk of harm "_s + marker::decision;
    decision.decidedBy = QStringLiteral("Sam Patel");
    decision.date = QDate(2026, 7, 1);
    Result<SharingDecision> decided = consents.createSharingDecision(lead, decision);
    if (!decided)
        return decided.error().message;
    ids.decisionId = decided->meta.id;

    CaseNoteRepository notes(store, options);
    const auto writeNote = [&](const QString& personId, const QString& text, QDate date) -> Result<CaseNote> {
        CaseNote note;
        note.familyId = ids.familyId;
        note.personId = personId;
        note.date = date;
        note.author = QStringLiteral("Sam Patel");
        note.type = QStringLiteral("contact");
        note.text = text;
        return notes.create(lead, note);
    };
    Result<CaseNote> childNote = writeNote(ids.childId, u"Amara settled well. "_s + marker::childNote,
                                           QDate(2026, 9, 1));
    if (!childNote)
        return childNote.error().message;
    ids.childNoteId = childNote->meta.id;
    Result<CaseNote> motherNote =
        writeNote({}, u"Joanna called about the school trip. "_s + marker::motherNote, QDate(2026, 9, 2));
    if (!motherNote)
        return motherNote.error().message;
    ids.motherNoteId = motherNote->meta.id;
    Result<CaseNote> brotherNote =
        writeNote(ids.brotherId, u"Dentist appointment. "_s + marker::brotherNote, QDate(2026, 9, 3));
    if (!brotherNote)
        return brotherNote.error().message;
    ids.brotherNoteId = brotherNote->meta.id;

    sharing::OverrideLog overrides(store, [&fixture] { return fixture.now; });
    policy::Payload payload;
    payload.shared = {policy::SharedField{QStringLiteral("person.legalSurname"),
                                          policy::Allowed{QStringLiteral("S-health-personal"),
                                                          QStringLiteral("art6_1_e"), QString(), ids.decisionId}}};
    Result<QList<sharing::OverrideUse>> used = overrides.recordUses(
        lead, payload, {ids.familyId, ids.childId}, {QStringLiteral("health"), QString()},
        QStringLiteral("safeguarding"), 1, QStringLiteral("Referral to the school nurse"));
    if (!used || used->size() != 1)
        return used ? QStringLiteral("No override use was recorded.") : used.error().message;
    ids.overrideUseId = used->first().id;

    audit::AuditLog log(store, [&fixture] { return fixture.now.toUTC(); });
    audit::NewEvent view;
    view.action = audit::Action::View;
    view.recordType = QStringLiteral("person");
    view.recordId = ids.childId;
    view.personId = ids.childId;
    view.user = QStringLiteral("j.patel");
    view.roleCode = QStringLiteral("caseworker");
    Result<qint64> viewed = log.append(view);
    if (!viewed)
        return viewed.error().message;
    ids.viewEventSequence = *viewed;
    audit::NewEvent share;
    share.action = audit::Action::Share;
    share.recordType = QStringLiteral("person");
    share.recordId = ids.childId;
    share.personId = ids.childId;
    share.familyId = ids.familyId;
    share.user = QStringLiteral("a.okafor");
    share.roleCode = QStringLiteral("lead");
    share.details = QJsonObject{{QStringLiteral("recipient"), QStringLiteral("health")},
                                {QStringLiteral("recipientOrganisation"), QStringLiteral("org-leeds-health")},
                                {QStringLiteral("recipientOrganisationName"), QStringLiteral("Leeds Community Health")},
                                {QStringLiteral("purpose"), QStringLiteral("safeguarding")},
                                {QStringLiteral("clauses"), QJsonArray{QStringLiteral("S-health-personal")}},
                                {QStringLiteral("fields"), QJsonArray{QStringLiteral("person.dateOfBirth")}}};
    Result<qint64> shared = log.append(share);
    if (!shared)
        return shared.error().message;
    ids.shareEventSequence = *shared;

    audit::NewEvent brotherShare = share;
    brotherShare.recordId = ids.brotherId;
    brotherShare.personId = ids.brotherId;
    Result<qint64> brotherShared = log.append(brotherShare);
    if (!brotherShared)
        return brotherShared.error().message;
    ids.brotherShareEventSequence = *brotherShared;
    return {};
}

} // namespace earlyhelp::testing
