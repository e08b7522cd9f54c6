#include "planeditors.h"

#include <algorithm>
#include <iterator>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFontMetrics>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "formfields.h"
#include "cases/casedirectory.h"
#include "casesession.h"
#include "casework/planrepository.h"
#include "displaytext.h"
#include "formundo.h"

namespace earlyhelp::ui {

namespace {

QPlainTextEdit* newTextEdit(QWidget* parent, const QString& objectName, const QString& accessibleName,
                            int lines) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true);
    const int lineHeight = QFontMetrics(edit->font()).lineSpacing();
    edit->setFixedHeight(lineHeight * lines + 2 * edit->frameWidth() + 8);
    return edit;
}

// Enables dateEdit only while checkBox is ticked and the form is editable.
void linkOptionalDate(QCheckBox* checkBox, QDateEdit* dateEdit) {
    const auto update = [checkBox, dateEdit] {
        dateEdit->setEnabled(checkBox->isEnabled() && checkBox->isChecked());
    };
    QObject::connect(checkBox, &QCheckBox::toggled, dateEdit, update);
    update();
}

// Returns labels with a number appended to repeats. Form undo finds a combo
// box item by its text, so each item needs its own.
QStringList distinctLabels(const QStringList& labels) {
    QStringList result;
    for (const QString& label : labels) {
        QString candidate = label;
        for (int copy = 2; result.contains(candidate); ++copy)
            candidate = QStringLiteral("%1 (%2)").arg(label).arg(copy);
        result += candidate;
    }
    return result;
}

// A label for one of several fields of the same kind, numbered so that the
// first nine get the digit as their mnemonic.
QString numberedLabel(int index, const QString& text) {
    const int number = index + 1;
    if (number <= 9)
        return QStringLiteral("&%1. %2").arg(number).arg(text);
    return QStringLiteral("%1. %2").arg(number).arg(text);
}

QString assessmentLabel(const Assessment& assessment) {
    return PlanRecordEditor::tr("Assessment of %1 by %2")
        .arg(displayDate(assessment.date), assessment.assessor);
}

bool assessesHeading(const Assessment& assessment, SupportingFamiliesHeading heading) {
    return std::ranges::any_of(assessment.needs,
                               [heading](const AssessmentNeed& need) { return need.heading == heading; });
}

QString actionStatusLabel(ActionStatus status) {
    switch (status) {
    case ActionStatus::Open:
        return PlanRecordEditor::tr("Open");
    case ActionStatus::Done:
        return PlanRecordEditor::tr("Done");
    case ActionStatus::Cancelled:
        return PlanRecordEditor::tr("Cancelled");
    }
    return PlanRecordEditor::tr("Open");
}

} // namespace

// PlanRecordEditor

PlanRecordEditor::PlanRecordEditor(CaseSession* session, QString familyId, QWidget* parent)
    : EditorDialog(session, parent)
    , m_familyId(std::move(familyId))
    , m_fields(new QFormLayout) {
    setMinimumWidth(520);
    m_fields->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    formLayout()->addLayout(m_fields);
}

void PlanRecordEditor::finishSave(const QString& id) {
    emit recordSaved(id);
    session()->notifyFamilyChanged(m_familyId);
}

// PlanEditor

PlanEditor::PlanEditor(CaseSession* session, const TafPlan& plan, QWidget* parent)
    : PlanRecordEditor(session, plan.familyId, parent)
    , m_plan(plan) {
    setObjectName(QStringLiteral("planEditorDialog"));
    setWindowTitle(plan.meta.id.isEmpty() ? tr("Start a Plan[*]") : tr("Edit Plan[*]"));

    m_startDateEdit = makeDateEdit(this, QStringLiteral("planStartDateEdit"), tr("Start date"));
    fields()->addRow(tr("&Start date:"), m_startDateEdit);
    trackField(m_startDateEdit);

    formUndo()->withoutRecording(
        [&] { m_startDateEdit->setDate(plan.startDate.isValid() ? plan.startDate : session->today()); });
}

Status PlanEditor::save() {
    TafPlan plan = m_plan;
    plan.startDate = m_startDateEdit->date();
    PlanRepository& plans = session()->plans();
    Result<TafPlan> saved = plan.meta.id.isEmpty() ? plans.createPlan(session()->actor(), plan)
                                                   : plans.updatePlan(session()->actor(), plan);
    if (!saved)
        return std::unexpected(saved.error());
    m_plan = *saved;
    finishSave(saved->meta.id);
    return {};
}

// GoalEditor

GoalEditor::GoalEditor(CaseSession* session, const QString& familyId, const PlanGoal& goal,
                       const QList<Assessment>& assessments, QWidget* parent)
    : PlanRecordEditor(session, familyId, parent)
    , m_goal(goal)
    , m_assessments(assessments) {
    setObjectName(QStringLiteral("goalEditorDialog"));
    setWindowTitle(goal.meta.id.isEmpty() ? tr("Add Goal[*]") : tr("Edit Goal[*]"));

    m_headingComboBox = new QComboBox(this);
    m_headingComboBox->setObjectName(QStringLiteral("goalHeadingComboBox"));
    m_headingComboBox->setAccessibleName(tr("Heading"));
    for (const SupportingFamiliesHeading heading : supportingFamiliesHeadings())
        m_headingComboBox->addItem(headingLabel(heading), static_cast<int>(heading));
    fields()->addRow(tr("&Heading:"), m_headingComboBox);

    m_descriptionEdit = newTextEdit(this, QStringLiteral("goalDescriptionEdit"), tr("Goal description"), 3);
    m_descriptionEdit->setPlaceholderText(
        tr("What the goal should achieve, in the family's words where possible"));
    fields()->addRow(tr("&Description:"), m_descriptionEdit);

    m_assessmentComboBox = new QComboBox(this);
    m_assessmentComboBox->setObjectName(QStringLiteral("goalAssessmentComboBox"));
    m_assessmentComboBox->setAccessibleName(tr("Linked assessment"));
    QStringList labels{tr("No linked assessment")};
    for (const Assessment& assessment : assessments)
        labels += assessmentLabel(assessment);
    m_assessmentComboBox->addItems(distinctLabels(labels));
    fields()->addRow(tr("&Linked assessment:"), m_assessmentComboBox);

    m_assessmentHintLabel = new QLabel(this);
    m_assessmentHintLabel->setObjectName(QStringLiteral("goalAssessmentHintLabel"));
    m_assessmentHintLabel->setWordWrap(true);
    m_assessmentHintLabel->setTextFormat(Qt::PlainText);
    fields()->addRow(QString(), m_assessmentHintLabel);

    trackField(m_headingComboBox);
    trackField(m_descriptionEdit);
    trackField(m_assessmentComboBox);

    formUndo()->withoutRecording([&] {
        m_headingComboBox->setCurrentIndex(m_headingComboBox->findData(static_cast<int>(goal.heading)));
        m_descriptionEdit->setPlainText(goal.description);
        const auto linked = std::ranges::find_if(assessments, [&](const Assessment& assessment) {
            return assessment.meta.id == goal.assessmentId;
        });
        m_linkedAssessmentMissing = !goal.assessmentId.isEmpty() && linked == assessments.end();
        m_assessmentComboBox->setCurrentIndex(
            linked == assessments.end() ? 0
                                        : 1 + static_cast<int>(std::distance(assessments.begin(), linked)));
    });

    connect(m_headingComboBox, &QComboBox::currentIndexChanged, this, &GoalEditor::updateAssessmentChoices);
    connect(m_assessmentComboBox, &QComboBox::currentIndexChanged, this,
            &GoalEditor::updateAssessmentChoices);
    updateAssessmentChoices();
}

// Greys out the assessments that record no need under the chosen heading.
// Item texts stay as they are, because form undo restores the choice by text.
void GoalEditor::updateAssessmentChoices() {
    const auto heading = static_cast<SupportingFamiliesHeading>(m_headingComboBox->currentData().toInt());
    auto* model = qobject_cast<QStandardItemModel*>(m_assessmentComboBox->model());
    for (qsizetype i = 0; i < m_assessments.size(); ++i) {
        if (QStandardItem* item = model ? model->item(static_cast<int>(i) + 1) : nullptr)
            item->setEnabled(assessesHeading(m_assessments.at(i), heading));
    }

    QString hint;
    const int chosen = m_assessmentComboBox->currentIndex() - 1;
    if (chosen >= 0 && chosen < m_assessments.size() && !assessesHeading(m_assessments.at(chosen), heading)) {
        const Assessment& assessment = m_assessments.at(chosen);
        hint = tr("The assessment of %1 by %2 records no need under “%3”. Choose another assessment or none.")
                   .arg(displayDate(assessment.date), assessment.assessor, headingLabel(heading));
    } else if (chosen < 0 && m_linkedAssessmentMissing) {
        hint =
            tr("The assessment this goal was linked to has been deleted, so saving removes the link. To keep "
               "it, cancel and restore the assessment from Case › Deleted Items.");
    } else if (m_assessments.isEmpty()) {
        hint = tr("This family has no assessment to link the goal to.");
    }
    m_assessmentHintLabel->setText(hint);
    m_assessmentHintLabel->setVisible(!hint.isEmpty());
}

Status GoalEditor::save() {
    PlanGoal goal = m_goal;
    goal.heading = static_cast<SupportingFamiliesHeading>(m_headingComboBox->currentData().toInt());
    goal.description = m_descriptionEdit->toPlainText();
    const int chosen = m_assessmentComboBox->currentIndex() - 1;
    goal.assessmentId =
        chosen >= 0 && chosen < m_assessments.size() ? m_assessments.at(chosen).meta.id : QString();

    PlanRepository& plans = session()->plans();
    Result<PlanGoal> saved = goal.meta.id.isEmpty() ? plans.createGoal(session()->actor(), goal)
                                                    : plans.updateGoal(session()->actor(), goal);
    if (!saved)
        return std::unexpected(saved.error());
    m_goal = *saved;
    finishSave(saved->meta.id);
    return {};
}

// ActionEditor

ActionEditor::ActionEditor(CaseSession* session, const QString& familyId, const PlanAction& action,
                           const QString& goalText, QWidget* parent)
    : PlanRecordEditor(session, familyId, parent)
    , m_action(action) {
    setObjectName(QStringLiteral("actionEditorDialog"));
    setWindowTitle(action.meta.id.isEmpty() ? tr("Add Action[*]") : tr("Edit Action[*]"));

    // Elided rather than wrapped: a wrapped label in a form layout is not
    // given its full height when the dialog first opens.
    auto* goalLabel = new QLabel(this);
    goalLabel->setObjectName(QStringLiteral("actionGoalLabel"));
    goalLabel->setTextFormat(Qt::PlainText);
    goalLabel->setText(goalLabel->fontMetrics().elidedText(goalText, Qt::ElideRight, 380));
    goalLabel->setToolTip(goalText);
    goalLabel->setAccessibleName(tr("Goal: %1").arg(goalText));
    fields()->addRow(tr("Goal:"), goalLabel);

    m_descriptionEdit = new QLineEdit(this);
    m_descriptionEdit->setObjectName(QStringLiteral("actionDescriptionLineEdit"));
    m_descriptionEdit->setAccessibleName(tr("Action description"));
    m_descriptionEdit->setPlaceholderText(tr("What is to be done"));
    fields()->addRow(tr("&Description:"), m_descriptionEdit);

    // NOTE: core lists no organisation but the store's own, so another
    // organisation appears here only when the action already names it.
    m_ownerOrganisationComboBox = new QComboBox(this);
    m_ownerOrganisationComboBox->setObjectName(QStringLiteral("actionOwnerOrganisationComboBox"));
    m_ownerOrganisationComboBox->setAccessibleName(tr("Owner organisation"));
    m_ownerOrganisationComboBox->addItem(tr("No organisation"), QString());
    if (Result<OrganisationRecord> local = session->directory().localOrganisation())
        m_ownerOrganisationComboBox->addItem(local->name, local->id);
    if (!action.ownerOrgId.isEmpty() && m_ownerOrganisationComboBox->findData(action.ownerOrgId) < 0)
        m_ownerOrganisationComboBox->addItem(tr("Organisation %1").arg(action.ownerOrgId), action.ownerOrgId);
    fields()->addRow(tr("Owner &organisation:"), m_ownerOrganisationComboBox);

    m_ownerPersonEdit = new QLineEdit(this);
    m_ownerPersonEdit->setObjectName(QStringLiteral("actionOwnerPersonLineEdit"));
    m_ownerPersonEdit->setAccessibleName(tr("Owner person"));
    m_ownerPersonEdit->setPlaceholderText(tr("Name or role, such as “class teacher”"));
    fields()->addRow(tr("Owner &person:"), m_ownerPersonEdit);

    m_dueDateCheckBox = new QCheckBox(tr("Due &by"), this);
    m_dueDateCheckBox->setObjectName(QStringLiteral("actionDueDateCheckBox"));
    m_dueDateCheckBox->setAccessibleName(tr("Has a due date"));
    m_dueDateEdit = makeDateEdit(this, QStringLiteral("actionDueDateEdit"), tr("Due date"));
    fields()->addRow(m_dueDateCheckBox, m_dueDateEdit);

    m_statusComboBox = new QComboBox(this);
    m_statusComboBox->setObjectName(QStringLiteral("actionStatusComboBox"));
    m_statusComboBox->setAccessibleName(tr("Status"));
    for (const ActionStatus status : {ActionStatus::Open, ActionStatus::Done, ActionStatus::Cancelled})
        m_statusComboBox->addItem(actionStatusLabel(status), static_cast<int>(status));
    fields()->addRow(tr("S&tatus:"), m_statusComboBox);

    trackField(m_descriptionEdit);
    trackField(m_ownerOrganisationComboBox);
    trackField(m_ownerPersonEdit);
    trackField(m_dueDateCheckBox);
    trackField(m_dueDateEdit);
    trackField(m_statusComboBox);

    formUndo()->withoutRecording([&] {
        m_descriptionEdit->setText(action.description);
        m_ownerOrganisationComboBox->setCurrentIndex(
            std::max(0, m_ownerOrganisationComboBox->findData(action.ownerOrgId)));
        m_ownerPersonEdit->setText(action.ownerPerson);
        m_dueDateCheckBox->setChecked(action.dueDate.isValid());
        m_dueDateEdit->setDate(action.dueDate.isValid() ? action.dueDate : session->today().addDays(14));
        m_statusComboBox->setCurrentIndex(m_statusComboBox->findData(static_cast<int>(action.status)));
    });
    linkOptionalDate(m_dueDateCheckBox, m_dueDateEdit);
}

Status ActionEditor::save() {
    PlanAction action = m_action;
    action.description = m_descriptionEdit->text();
    action.ownerOrgId = m_ownerOrganisationComboBox->currentData().toString();
    action.ownerPerson = m_ownerPersonEdit->text();
    action.dueDate = m_dueDateCheckBox->isChecked() ? m_dueDateEdit->date() : QDate();
    action.status = static_cast<ActionStatus>(m_statusComboBox->currentData().toInt());

    PlanRepository& plans = session()->plans();
    Result<PlanAction> saved = action.meta.id.isEmpty() ? plans.createAction(session()->actor(), action)
                                                        : plans.updateAction(session()->actor(), action);
    if (!saved)
        return std::unexpected(saved.error());
    m_action = *saved;
    finishSave(saved->meta.id);
    return {};
}

// MeetingEditor

MeetingEditor::MeetingEditor(CaseSession* session, const QString& familyId, const TafMeeting& meeting,
                             QWidget* parent)
    : PlanRecordEditor(session, familyId, parent)
    , m_meeting(meeting) {
    setObjectName(QStringLiteral("meetingEditorDialog"));
    setWindowTitle(meeting.meta.id.isEmpty() ? tr("Record TAF Meeting[*]") : tr("Edit TAF Meeting[*]"));

    m_dateEdit = makeDateEdit(this, QStringLiteral("meetingDateEdit"), tr("Meeting date"));
    fields()->addRow(tr("&Date:"), m_dateEdit);

    m_attendeesEdit = new QLineEdit(this);
    m_attendeesEdit->setObjectName(QStringLiteral("meetingAttendeesLineEdit"));
    m_attendeesEdit->setAccessibleName(tr("Attendees"));
    m_attendeesEdit->setPlaceholderText(tr("Names and organisations, separated by commas"));
    fields()->addRow(tr("&Attendees:"), m_attendeesEdit);

    m_notesEdit = newTextEdit(this, QStringLiteral("meetingNotesEdit"), tr("Meeting notes"), 5);
    fields()->addRow(tr("&Notes:"), m_notesEdit);

    trackField(m_dateEdit);
    trackField(m_attendeesEdit);
    trackField(m_notesEdit);

    formUndo()->withoutRecording([&] {
        m_dateEdit->setDate(meeting.date.isValid() ? meeting.date : session->today());
        m_attendeesEdit->setText(meeting.attendees);
        m_notesEdit->setPlainText(meeting.notes);
    });
}

Status MeetingEditor::save() {
    TafMeeting meeting = m_meeting;
    meeting.date = m_dateEdit->date();
    meeting.attendees = m_attendeesEdit->text().trimmed();
    meeting.notes = m_notesEdit->toPlainText();

    PlanRepository& plans = session()->plans();
    Result<TafMeeting> saved = meeting.meta.id.isEmpty() ? plans.createMeeting(session()->actor(), meeting)
                                                         : plans.updateMeeting(session()->actor(), meeting);
    if (!saved)
        return std::unexpected(saved.error());
    m_meeting = *saved;
    finishSave(saved->meta.id);
    return {};
}

// ReviewEditor

ReviewEditor::ReviewEditor(CaseSession* session, const QString& familyId, const PlanReview& review,
                           const QList<PlanGoal>& goals, const QList<TafMeeting>& meetings, QWidget* parent)
    : PlanRecordEditor(session, familyId, parent)
    , m_review(review) {
    setObjectName(QStringLiteral("reviewEditorDialog"));
    setWindowTitle(review.meta.id.isEmpty() ? tr("Record Review[*]") : tr("Edit Review[*]"));

    m_dateEdit = makeDateEdit(this, QStringLiteral("reviewDateEdit"), tr("Review date"));
    fields()->addRow(tr("&Date:"), m_dateEdit);
    trackField(m_dateEdit);

    m_meetingComboBox = new QComboBox(this);
    m_meetingComboBox->setObjectName(QStringLiteral("reviewMeetingComboBox"));
    m_meetingComboBox->setAccessibleName(tr("Held at meeting"));
    QStringList meetingLabels{tr("Not held at a TAF meeting")};
    m_meetingIds += QString();
    for (const TafMeeting& meeting : meetings) {
        meetingLabels += tr("TAF meeting on %1").arg(displayDate(meeting.date));
        m_meetingIds += meeting.meta.id;
    }
    m_meetingComboBox->addItems(distinctLabels(meetingLabels));
    fields()->addRow(tr("Held at &meeting:"), m_meetingComboBox);
    trackField(m_meetingComboBox);

    if (goals.isEmpty()) {
        auto* noGoals = new QLabel(tr("The plan has no goals yet, so there is no progress to record."), this);
        noGoals->setObjectName(QStringLiteral("reviewNoGoalsLabel"));
        noGoals->setWordWrap(true);
        fields()->addRow(tr("Progress:"), noGoals);
    }
    for (qsizetype i = 0; i < goals.size(); ++i) {
        const PlanGoal& goal = goals.at(i);
        const QString goalText = tr("%1: %2").arg(headingLabel(goal.heading), goal.description);
        QPlainTextEdit* edit = newTextEdit(this, QStringLiteral("reviewProgressEdit_%1").arg(i),
                                           tr("Progress towards goal %1, %2").arg(i + 1).arg(goalText), 4);
        edit->setPlaceholderText(tr("Progress since the last review"));
        auto* label = new QLabel(numberedLabel(static_cast<int>(i), goalText), this);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setToolTip(goalText);
        label->setBuddy(edit);
        fields()->addRow(label, edit);
        trackField(edit);
        m_progressEdits.insert(goal.meta.id, edit);
    }

    qsizetype deletedGoals = 0;
    for (auto it = review.progress.cbegin(); it != review.progress.cend(); ++it)
        deletedGoals += m_progressEdits.contains(it.key()) ? 0 : 1;
    if (deletedGoals > 0) {
        auto* warning =
            new QLabel(tr("This review also records progress towards %n goal(s) that were deleted. "
                          "Saving removes that progress.",
                          nullptr, static_cast<int>(deletedGoals)),
                       this);
        warning->setObjectName(QStringLiteral("reviewDeletedGoalsLabel"));
        warning->setWordWrap(true);
        fields()->addRow(QString(), warning);
    }

    m_nextReviewCheckBox = new QCheckBox(tr("Ne&xt review by"), this);
    m_nextReviewCheckBox->setObjectName(QStringLiteral("reviewNextReviewCheckBox"));
    m_nextReviewCheckBox->setAccessibleName(tr("Has a next review date"));
    m_nextReviewDateEdit =
        makeDateEdit(this, QStringLiteral("reviewNextReviewDateEdit"), tr("Next review date"));
    fields()->addRow(m_nextReviewCheckBox, m_nextReviewDateEdit);
    trackField(m_nextReviewCheckBox);
    trackField(m_nextReviewDateEdit);

    formUndo()->withoutRecording([&] {
        const QDate date = review.date.isValid() ? review.date : session->today();
        m_dateEdit->setDate(date);
        m_meetingComboBox->setCurrentIndex(
            std::max<int>(0, static_cast<int>(m_meetingIds.indexOf(review.meetingId))));
        for (auto it = m_progressEdits.cbegin(); it != m_progressEdits.cend(); ++it)
            it.value()->setPlainText(review.progress.value(it.key()));
        m_nextReviewCheckBox->setChecked(review.nextReviewDate.isValid());
        m_nextReviewDateEdit->setDate(review.nextReviewDate.isValid() ? review.nextReviewDate
                                                                      : date.addDays(42));
    });
    linkOptionalDate(m_nextReviewCheckBox, m_nextReviewDateEdit);
}

Status ReviewEditor::save() {
    PlanReview review = m_review;
    review.date = m_dateEdit->date();
    review.meetingId = m_meetingIds.value(m_meetingComboBox->currentIndex());
    review.progress.clear();
    for (auto it = m_progressEdits.cbegin(); it != m_progressEdits.cend(); ++it) {
        const QString progress = it.value()->toPlainText().trimmed();
        if (!progress.isEmpty())
            review.progress.insert(it.key(), progress);
    }
    review.nextReviewDate = m_nextReviewCheckBox->isChecked() ? m_nextReviewDateEdit->date() : QDate();

    PlanRepository& plans = session()->plans();
    Result<PlanReview> saved = review.meta.id.isEmpty() ? plans.createReview(session()->actor(), review)
                                                        : plans.updateReview(session()->actor(), review);
    if (!saved)
        return std::unexpected(saved.error());
    m_review = *saved;
    finishSave(saved->meta.id);
    return {};
}

// PlanClosureEditor

PlanClosureEditor::PlanClosureEditor(CaseSession* session, const TafPlan& plan, const QList<PlanGoal>& goals,
                                     QWidget* parent)
    : PlanRecordEditor(session, plan.familyId, parent)
    , m_plan(plan) {
    setObjectName(QStringLiteral("planClosureEditorDialog"));
    setWindowTitle(plan.status == PlanStatus::Closed ? tr("Edit Plan Closure[*]") : tr("Close Plan[*]"));

    m_endDateEdit = makeDateEdit(this, QStringLiteral("planEndDateEdit"), tr("End date"));
    fields()->addRow(tr("&End date:"), m_endDateEdit);
    trackField(m_endDateEdit);

    // One outcome per heading that a goal worked on, plus any heading that
    // already has an outcome, in the framework's order.
    QList<SupportingFamiliesHeading> headings;
    for (const SupportingFamiliesHeading heading : supportingFamiliesHeadings()) {
        const bool worked =
            std::ranges::any_of(goals, [heading](const PlanGoal& goal) { return goal.heading == heading; });
        if (worked || plan.outcomes.contains(heading))
            headings += heading;
    }
    if (headings.isEmpty()) {
        auto* noGoals = new QLabel(tr("The plan has no goals, so there are no outcomes to record."), this);
        noGoals->setObjectName(QStringLiteral("closureNoGoalsLabel"));
        noGoals->setWordWrap(true);
        fields()->addRow(tr("Outcomes:"), noGoals);
    }
    for (qsizetype i = 0; i < headings.size(); ++i) {
        const QString label = headingLabel(headings.at(i));
        QPlainTextEdit* edit =
            newTextEdit(this, QStringLiteral("outcomeEdit_%1").arg(headingCode(headings.at(i))),
                        tr("Outcome for %1").arg(label), 5);
        auto* fieldLabel = new QLabel(numberedLabel(static_cast<int>(i), tr("Outcome: %1").arg(label)), this);
        fieldLabel->setBuddy(edit);
        fields()->addRow(fieldLabel, edit);
        trackField(edit);
        m_outcomeEdits.insert(headings.at(i), edit);
    }

    formUndo()->withoutRecording([&] {
        m_endDateEdit->setDate(plan.endDate.isValid() ? plan.endDate : session->today());
        for (auto it = m_outcomeEdits.cbegin(); it != m_outcomeEdits.cend(); ++it)
            it.value()->setPlainText(plan.outcomes.value(it.key()));
    });
    // An outcome is a few sentences per heading; the form opens wide enough
    // to read them without scrolling.
    resize(qMax(width(), 720), height());
}

Status PlanClosureEditor::save() {
    TafPlan plan = m_plan;
    plan.status = PlanStatus::Closed;
    plan.endDate = m_endDateEdit->date();
    plan.outcomes.clear();
    for (auto it = m_outcomeEdits.cbegin(); it != m_outcomeEdits.cend(); ++it) {
        const QString outcome = it.value()->toPlainText().trimmed();
        if (!outcome.isEmpty())
            plan.outcomes.insert(it.key(), outcome);
    }

    Result<TafPlan> saved = session()->plans().updatePlan(session()->actor(), plan);
    if (!saved)
        return std::unexpected(saved.error());
    m_plan = *saved;
    finishSave(saved->meta.id);
    return {};
}

} // namespace earlyhelp::ui
