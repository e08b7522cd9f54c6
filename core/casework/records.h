#pragma once

#include "casework/headings.h"
#include "domain/familystatus.h"
#include "domain/fieldcatalogue.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace earlyhelp {

// The columns every case-work record has. The repositories set them and
// ignore what a caller puts here, except id, by which an update finds the
// record.
struct RecordMeta {
    QString id;    // UUID, lower case, without braces
    QString orgId; // the organisation that owns the record
    int revision = 0;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    bool deleted = false;
    QDateTime deletedAt; // UTC; invalid unless deleted
};

// A family's case status and lead practitioner, as case work changes them.
struct FamilyCase {
    QString id;
    QString name;
    FamilyStatus status = FamilyStatus::Open;
    QString leadPractitioner;
    int revision = 0;
};

// One entry of a family's status history.
struct FamilyStatusChangeRecord {
    RecordMeta meta;
    QString familyId;
    FamilyStatus from = FamilyStatus::Open;
    FamilyStatus to = FamilyStatus::Open;
    QDate date;
    QString reason;
    QString changedBy; // the actor's user name
};

// The assessment of one Supporting Families heading. score runs from 1 (no
// concern) to 5 (greatest need).
struct AssessmentNeed {
    SupportingFamiliesHeading heading = SupportingFamiliesHeading::Education;
    QString strengths;
    QString needs;
    int score = 1;

    friend bool operator==(const AssessmentNeed&, const AssessmentNeed&) = default;
};

struct Assessment {
    RecordMeta meta;
    QString familyId;
    QString assessor;
    QDate date;
    QString childVoice;
    QString familyVoice;
    // At most one entry per heading, in the framework's order once stored.
    QList<AssessmentNeed> needs;
};

enum class PlanStatus {
    Active,
    Closed,
};

// A Team Around the Family plan.
struct TafPlan {
    RecordMeta meta;
    QString familyId;
    QDate startDate;
    QDate endDate; // invalid while the plan runs
    PlanStatus status = PlanStatus::Active;
    // The outcome recorded at closure for each heading the plan worked on.
    QMap<SupportingFamiliesHeading, QString> outcomes;
};

// A goal of a plan that addresses the need an assessment recorded under
// heading.
struct PlanGoal {
    RecordMeta meta;
    QString planId;
    QString assessmentId; // may be empty
    SupportingFamiliesHeading heading = SupportingFamiliesHeading::Education;
    QString description;
};

enum class ActionStatus {
    Open,
    Done,
    Cancelled,
};

struct PlanAction {
    RecordMeta meta;
    QString goalId;
    QString description;
    QString ownerOrgId; // may be empty
    QString ownerPerson;
    QDate dueDate; // may be invalid
    ActionStatus status = ActionStatus::Open;
};

struct TafMeeting {
    RecordMeta meta;
    QString planId;
    QDate date;
    QString attendees;
    QString notes;
};

struct PlanReview {
    RecordMeta meta;
    QString planId;
    QString meetingId; // the meeting that held the review; may be empty
    QDate date;
    // Progress recorded against each goal of the plan, by goal id.
    QMap<QString, QString> progress;
    QDate nextReviewDate; // may be invalid
};

// Whose consent it is.
enum class ConsentCapacity {
    ParentalResponsibility, // a person with parental responsibility for the subject
    CompetentYoungPerson,   // the subject, judged competent to consent
};

enum class ConsentMethod {
    Written,
    Verbal,
    Electronic,
};

// A recipient of shared information: one organisation, or every organisation
// of a party type ("health", "school" …).
struct ConsentRecipient {
    enum class Kind { Organisation, PartyType };
    Kind kind = Kind::Organisation;
    QString value; // organisation id or party type code

    friend bool operator==(const ConsentRecipient&, const ConsentRecipient&) = default;
};

struct Consent {
    RecordMeta meta;
    QString familyId; // may be empty
    QString subjectPersonId;
    QString givenByPersonId;
    ConsentCapacity capacity = ConsentCapacity::ParentalResponsibility;
    QStringList purposes;
    QList<ConsentRecipient> recipients;
    QList<DataCategory> dataCategories;
    ConsentMethod method = ConsentMethod::Written;
    QDate givenDate;
    QDate reviewDate;    // may be invalid
    QDate withdrawnDate; // invalid unless withdrawn
    QString withdrawnBy;
};

// A decision to share information without consent. It covers one recipient
// party type and one purpose, by the codes of sharingterms.h. A decision
// stored before schema version 4 has both empty and covers nothing.
struct SharingDecision {
    RecordMeta meta;
    QString familyId; // at least one of familyId and personId is set
    QString personId;
    QString recipientPartyType; // such as "health"
    QString purpose;            // such as "safeguarding"
    QString lawfulBasis;
    QString condition; // needed for special category and criminal offence data; may be empty
    QString justification;
    QString decidedBy;
    QDate date;
};

struct CaseNote {
    RecordMeta meta;
    QString familyId;
    QString personId; // may be empty
    QDate date;
    QString author;
    QString type;
    QString text;
    bool significant = false;
    DataCategory category = DataCategory::Personal;
};

} // namespace earlyhelp
