#pragma once

#include <QList>
#include <QMap>

#include "casework/records.h"
#include "editordialog.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace earlyhelp::ui {

// The common part of the Team Around the Family plan editors: a form layout
// for the fields and the recordSaved() signal. After a save, an editor emits
// recordSaved() and then calls CaseSession::notifyFamilyChanged(), so the plan
// page can select that record when it reloads.
class PlanRecordEditor : public EditorDialog {
    Q_OBJECT

public:
    PlanRecordEditor(CaseSession* session, QString familyId, QWidget* parent = nullptr);

signals:
    // The record with id was created or updated.
    void recordSaved(const QString& id);

protected:
    [[nodiscard]] QFormLayout* fields() const { return m_fields; }
    [[nodiscard]] const QString& familyId() const { return m_familyId; }
    // Emits recordSaved(id), then calls CaseSession::notifyFamilyChanged().
    void finishSave(const QString& id);

private:
    QString m_familyId;
    QFormLayout* m_fields = nullptr;
};

// Starts a plan, or changes the start date of one.
class PlanEditor : public PlanRecordEditor {
    Q_OBJECT

public:
    // A plan with an empty id is created on save.
    PlanEditor(CaseSession* session, const TafPlan& plan, QWidget* parent = nullptr);

protected:
    [[nodiscard]] Status save() override;

private:
    TafPlan m_plan;
    QDateEdit* m_startDateEdit = nullptr;
};

// A goal of a plan: its Supporting Families heading, what it should achieve,
// and optionally the assessment of the family that recorded the need.
class GoalEditor : public PlanRecordEditor {
    Q_OBJECT

public:
    // A goal with an empty id is created on save. assessments are the
    // family's, and only those with a need under the chosen heading can be
    // picked.
    GoalEditor(CaseSession* session, const QString& familyId, const PlanGoal& goal,
               const QList<Assessment>& assessments, QWidget* parent = nullptr);

protected:
    [[nodiscard]] Status save() override;

private:
    void updateAssessmentChoices();

    PlanGoal m_goal;
    QList<Assessment> m_assessments;
    QComboBox* m_headingComboBox = nullptr;
    QPlainTextEdit* m_descriptionEdit = nullptr;
    QComboBox* m_assessmentComboBox = nullptr;
    QLabel* m_assessmentHintLabel = nullptr;
    // The goal names an assessment that is no longer in the family's list.
    bool m_linkedAssessmentMissing = false;
};

// An action towards a goal: what is to be done, who owns it, when it is due
// and whether it is done.
class ActionEditor : public PlanRecordEditor {
    Q_OBJECT

public:
    // An action with an empty id is created on save, under action.goalId.
    // goalText names that goal at the top of the form.
    ActionEditor(CaseSession* session, const QString& familyId, const PlanAction& action,
                 const QString& goalText, QWidget* parent = nullptr);

protected:
    [[nodiscard]] Status save() override;

private:
    PlanAction m_action;
    QLineEdit* m_descriptionEdit = nullptr;
    QComboBox* m_ownerOrganisationComboBox = nullptr;
    QLineEdit* m_ownerPersonEdit = nullptr;
    QCheckBox* m_dueDateCheckBox = nullptr;
    QDateEdit* m_dueDateEdit = nullptr;
    QComboBox* m_statusComboBox = nullptr;
};

// A Team Around the Family meeting: when it was held, who came, and notes.
class MeetingEditor : public PlanRecordEditor {
    Q_OBJECT

public:
    MeetingEditor(CaseSession* session, const QString& familyId, const TafMeeting& meeting,
                  QWidget* parent = nullptr);

protected:
    [[nodiscard]] Status save() override;

private:
    TafMeeting m_meeting;
    QDateEdit* m_dateEdit = nullptr;
    QLineEdit* m_attendeesEdit = nullptr;
    QPlainTextEdit* m_notesEdit = nullptr;
};

// A review of a plan: its date, the meeting that held it, the progress made
// towards each goal, and when the next review is due.
class ReviewEditor : public PlanRecordEditor {
    Q_OBJECT

public:
    // goals and meetings are those of the review's plan.
    ReviewEditor(CaseSession* session, const QString& familyId, const PlanReview& review,
                 const QList<PlanGoal>& goals, const QList<TafMeeting>& meetings, QWidget* parent = nullptr);

protected:
    [[nodiscard]] Status save() override;

private:
    PlanReview m_review;
    QDateEdit* m_dateEdit = nullptr;
    QComboBox* m_meetingComboBox = nullptr;
    // Meeting ids by combo box index, with an empty first entry for "no meeting".
    QStringList m_meetingIds;
    QMap<QString, QPlainTextEdit*> m_progressEdits; // by goal id
    QCheckBox* m_nextReviewCheckBox = nullptr;
    QDateEdit* m_nextReviewDateEdit = nullptr;
};

// Closes a plan: the end date and the outcome for each heading the plan's
// goals worked on. Saving sets the plan's status to closed.
class PlanClosureEditor : public PlanRecordEditor {
    Q_OBJECT

public:
    PlanClosureEditor(CaseSession* session, const TafPlan& plan, const QList<PlanGoal>& goals,
                      QWidget* parent = nullptr);

protected:
    [[nodiscard]] Status save() override;

private:
    TafPlan m_plan;
    QDateEdit* m_endDateEdit = nullptr;
    QMap<SupportingFamiliesHeading, QPlainTextEdit*> m_outcomeEdits;
};

} // namespace earlyhelp::ui
