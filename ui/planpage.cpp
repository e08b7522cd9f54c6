#include "planpage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "cases/casedirectory.h"
#include "casesession.h"
#include "casework/assessmentrepository.h"
#include "casework/caseworkoptions.h"
#include "casework/planrepository.h"
#include "displaytext.h"
#include "planeditors.h"

namespace earlyhelp::ui {

namespace {

enum Column { RecordColumn, WhoColumn, DateColumn, StatusColumn, ColumnCount };
enum StackPage { EmptyStackPage, PlanStackPage };

constexpr int kindRole = Qt::UserRole;
constexpr int idRole = Qt::UserRole + 1;

const QColor overdueColour(0xa4, 0x26, 0x2c);

QPushButton* newButton(const QString& text, const QString& objectName, QWidget* parent) {
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    return button;
}

QString planDates(const TafPlan& plan) {
    if (plan.endDate.isValid())
        return PlanPage::tr("%1 to %2").arg(displayDate(plan.startDate), displayDate(plan.endDate));
    return PlanPage::tr("From %1").arg(displayDate(plan.startDate));
}

QString planStatusLabel(PlanStatus status) {
    return status == PlanStatus::Closed ? PlanPage::tr("Closed") : PlanPage::tr("Active");
}

QString planChoiceLabel(const TafPlan& plan) {
    if (plan.status == PlanStatus::Closed)
        return PlanPage::tr("%1 to %2, closed").arg(displayDate(plan.startDate), displayDate(plan.endDate));
    return PlanPage::tr("Started %1, active").arg(displayDate(plan.startDate));
}

} // namespace

PlanPage::PlanPage(QWidget* parent)
    : FamilyPage(parent) {
    // The page shown when the family has no plan.
    auto* emptyPage = new QWidget(this);
    m_emptyLabel = new QLabel(tr("This family has no Team Around the Family plan yet."), emptyPage);
    m_emptyLabel->setObjectName(QStringLiteral("planEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_startPlanEmptyButton =
        newButton(tr("Start a &Plan…"), QStringLiteral("startPlanEmptyPushButton"), emptyPage);
    auto* emptyLayout = new QVBoxLayout(emptyPage);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addWidget(m_startPlanEmptyButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch();

    // The page that shows a plan.
    auto* planPage = new QWidget(this);
    m_planComboBox = new QComboBox(planPage);
    m_planComboBox->setObjectName(QStringLiteral("planComboBox"));
    m_planComboBox->setAccessibleName(tr("Plan shown"));
    auto* planLabel = new QLabel(tr("Plan &by start date:"), planPage);
    planLabel->setBuddy(m_planComboBox);

    m_summaryLabel = new QLabel(planPage);
    m_summaryLabel->setObjectName(QStringLiteral("planSummaryLabel"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree = new QTreeWidget(planPage);
    m_tree->setObjectName(QStringLiteral("planTreeWidget"));
    m_tree->setAccessibleName(tr("Plan goals, actions, meetings and reviews"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Record"), tr("Who"), tr("Date"), tr("Status")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setWordWrap(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(RecordColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(WhoColumn, QHeaderView::Interactive);
    m_tree->header()->resizeSection(WhoColumn, 220);
    m_tree->header()->setSectionResizeMode(DateColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);

    auto* choiceRow = new QHBoxLayout;
    choiceRow->addWidget(planLabel);
    choiceRow->addWidget(m_planComboBox);
    choiceRow->addStretch();
    auto* planLayout = new QVBoxLayout(planPage);
    planLayout->setContentsMargins(0, 0, 0, 0);
    planLayout->addLayout(choiceRow);
    planLayout->addWidget(m_summaryLabel);
    planLayout->addWidget(m_tree, 1);

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(EmptyStackPage, emptyPage);
    m_stack->insertWidget(PlanStackPage, planPage);

    // The buttons, in the order a plan is worked through.
    m_startPlanButton = newButton(tr("Start &Plan…"), QStringLiteral("startPlanPushButton"), this);
    m_addGoalButton = newButton(tr("Add &Goal…"), QStringLiteral("addGoalPushButton"), this);
    m_addActionButton = newButton(tr("Add Act&ion…"), QStringLiteral("addActionPushButton"), this);
    m_recordMeetingButton =
        newButton(tr("&Record Meeting…"), QStringLiteral("recordMeetingPushButton"), this);
    m_recordReviewButton = newButton(tr("Record Revie&w…"), QStringLiteral("recordReviewPushButton"), this);
    m_editButton = newButton(tr("&Edit…"), QStringLiteral("editPlanRecordPushButton"), this);
    m_editButton->setToolTip(tr("Edit the selected record (Enter)"));
    m_deleteButton = newButton(tr("&Delete…"), QStringLiteral("deletePlanRecordPushButton"), this);
    m_deleteButton->setToolTip(tr("Delete the selected record (Delete)"));
    m_closePlanButton = newButton(tr("Close Pla&n…"), QStringLiteral("closePlanPushButton"), this);

    auto* buttonRow = new QHBoxLayout;
    for (QPushButton* button : {m_startPlanButton, m_addGoalButton, m_addActionButton, m_recordMeetingButton,
                                m_recordReviewButton, m_editButton, m_deleteButton})
        buttonRow->addWidget(button);
    buttonRow->addStretch();
    buttonRow->addWidget(m_closePlanButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttonRow);

    connect(m_planComboBox, &QComboBox::currentIndexChanged, this, &PlanPage::choosePlan);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &PlanPage::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] {
        if (m_editButton->isEnabled())
            editSelected();
    });
    auto* deleteShortcut = new QShortcut(QKeySequence::Delete, m_tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, [this] {
        if (m_deleteButton->isEnabled())
            deleteSelected();
    });

    connect(m_startPlanEmptyButton, &QPushButton::clicked, this, &PlanPage::startPlan);
    connect(m_startPlanButton, &QPushButton::clicked, this, &PlanPage::startPlan);
    connect(m_addGoalButton, &QPushButton::clicked, this, &PlanPage::addGoal);
    connect(m_addActionButton, &QPushButton::clicked, this, &PlanPage::addAction);
    connect(m_recordMeetingButton, &QPushButton::clicked, this, &PlanPage::recordMeeting);
    connect(m_recordReviewButton, &QPushButton::clicked, this, &PlanPage::recordReview);
    connect(m_editButton, &QPushButton::clicked, this, &PlanPage::editSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &PlanPage::deleteSelected);
    connect(m_closePlanButton, &QPushButton::clicked, this, &PlanPage::closePlan);

    clearFamily();
}

void PlanPage::showFamily(CaseSession* session, const QString& familyId) {
    if (familyId != m_familyId) {
        m_planId.clear();
        m_pendingSelectionKind = RowKind::Plan;
        m_pendingSelectionId.clear();
    }
    m_session = session;
    m_familyId = familyId;

    Result<QList<TafPlan>> plans = session->plans().plansForFamily(familyId);
    Result<QList<Assessment>> assessments = session->assessments().listForFamily(familyId);
    m_plans = plans ? *plans : QList<TafPlan>();
    m_assessments = assessments ? *assessments : QList<Assessment>();
    if (!plans || !assessments) {
        m_emptyLabel->setText(tr("The plan could not be read: %1")
                                  .arg(plans ? assessments.error().message : plans.error().message));
        m_plans.clear();
    } else {
        m_emptyLabel->setText(tr("This family has no Team Around the Family plan yet."));
    }

    // A reload keeps the plan shown. Otherwise the page shows the active
    // plan, else the latest, which plansForFamily() returns first.
    const auto hasId = [](const QString& id) {
        return [&id](const TafPlan& plan) { return plan.meta.id == id; };
    };
    if (m_planId.isEmpty() || std::ranges::none_of(m_plans, hasId(m_planId))) {
        const auto active = std::ranges::find_if(
            m_plans, [](const TafPlan& plan) { return plan.status == PlanStatus::Active; });
        m_planId = active != m_plans.end() ? active->meta.id
                   : m_plans.isEmpty()     ? QString()
                                           : m_plans.first().meta.id;
    }

    {
        const QSignalBlocker blocker(m_planComboBox);
        m_planComboBox->clear();
        for (const TafPlan& plan : std::as_const(m_plans))
            m_planComboBox->addItem(planChoiceLabel(plan), plan.meta.id);
        m_planComboBox->setCurrentIndex(m_planComboBox->findData(m_planId));
    }
    loadPlan();
}

void PlanPage::clearFamily() {
    m_session = nullptr;
    m_familyId.clear();
    m_planId.clear();
    m_plans.clear();
    m_goals.clear();
    m_actions.clear();
    m_meetings.clear();
    m_reviews.clear();
    m_assessments.clear();
    m_planComboBox->clear();
    m_tree->clear();
    m_summaryLabel->clear();
    m_stack->setCurrentIndex(EmptyStackPage);
    updateButtons();
}

void PlanPage::choosePlan(int comboIndex) {
    m_planId = m_planComboBox->itemData(comboIndex).toString();
    m_pendingSelectionKind = RowKind::Plan;
    m_pendingSelectionId = m_planId;
    loadPlan();
}

void PlanPage::loadPlan() {
    m_goals.clear();
    m_actions.clear();
    m_meetings.clear();
    m_reviews.clear();
    m_tree->clear();

    const TafPlan* plan = shownPlan();
    m_stack->setCurrentIndex(plan ? PlanStackPage : EmptyStackPage);
    if (!plan || !m_session) {
        updateButtons();
        return;
    }

    PlanRepository& plans = m_session->plans();
    QStringList errors;
    if (Result<QList<PlanGoal>> goals = plans.goalsForPlan(plan->meta.id))
        m_goals = *goals;
    else
        errors += goals.error().message;
    for (const PlanGoal& goal : std::as_const(m_goals)) {
        if (Result<QList<PlanAction>> actions = plans.actionsForGoal(goal.meta.id))
            m_actions.insert(goal.meta.id, *actions);
        else
            errors += actions.error().message;
    }
    if (Result<QList<TafMeeting>> meetings = plans.meetingsForPlan(plan->meta.id))
        m_meetings = *meetings;
    else
        errors += meetings.error().message;
    if (Result<QList<PlanReview>> reviews = plans.reviewsForPlan(plan->meta.id))
        m_reviews = *reviews;
    else
        errors += reviews.error().message;

    showPlanSummary(*plan);
    if (!errors.isEmpty())
        m_summaryLabel->setText(tr("Part of the plan could not be read: %1").arg(errors.join(u' ')));

    addPlanRows(*plan);
    addGoalRows();
    addMeetingRows();
    addReviewRows();
    m_tree->expandAll();
    restoreSelection();
    updateButtons();
}

void PlanPage::showPlanSummary(const TafPlan& plan) {
    int open = 0;
    int overdue = 0;
    for (const QList<PlanAction>& actions : std::as_const(m_actions)) {
        for (const PlanAction& action : actions) {
            open += action.status == ActionStatus::Open ? 1 : 0;
            overdue += isOverdue(action) ? 1 : 0;
        }
    }

    QStringList parts;
    if (plan.status == PlanStatus::Closed)
        parts += tr("Started %1, closed %2").arg(displayDate(plan.startDate), displayDate(plan.endDate));
    else
        parts += tr("Started %1, active").arg(displayDate(plan.startDate));
    parts += tr("%n open action(s)", nullptr, open);
    if (overdue > 0)
        parts += tr("%n overdue", nullptr, overdue);
    if (!m_reviews.isEmpty() && m_reviews.last().nextReviewDate.isValid() &&
        plan.status == PlanStatus::Active)
        parts += tr("next review due %1").arg(displayDate(m_reviews.last().nextReviewDate));
    m_summaryLabel->setText(parts.join(QStringLiteral(" · ")));
}

void PlanPage::addPlanRows(const TafPlan& plan) {
    QTreeWidgetItem* planItem =
        addRow(nullptr, RowKind::Plan, plan.meta.id,
               {tr("Team Around the Family plan"), QString(), planDates(plan), planStatusLabel(plan.status)});
    QFont bold = planItem->font(RecordColumn);
    bold.setBold(true);
    planItem->setFont(RecordColumn, bold);
    for (auto it = plan.outcomes.cbegin(); it != plan.outcomes.cend(); ++it) {
        QTreeWidgetItem* outcome = addRow(planItem, RowKind::Outcome, plan.meta.id,
                                          {tr("Outcome, %1: %2").arg(headingLabel(it.key()), it.value())});
        outcome->setFirstColumnSpanned(true);
    }
}

void PlanPage::addGoalRows() {
    QTreeWidgetItem* section =
        addSection(tr("Goals and actions (%n)", nullptr, static_cast<int>(m_goals.size())));
    for (const PlanGoal& goal : std::as_const(m_goals)) {
        QString text = tr("%1: %2").arg(headingLabel(goal.heading), goal.description);
        if (!goal.assessmentId.isEmpty()) {
            const auto assessment = std::ranges::find_if(m_assessments, [&](const Assessment& candidate) {
                return candidate.meta.id == goal.assessmentId;
            });
            text = assessment == m_assessments.end()
                       ? tr("%1 (the linked assessment was deleted)").arg(text)
                       : tr("%1 (from the assessment of %2)").arg(text, displayDate(assessment->date));
        }
        QTreeWidgetItem* goalItem = addRow(section, RowKind::Goal, goal.meta.id, {text});
        goalItem->setFirstColumnSpanned(true);

        for (const PlanAction& action : m_actions.value(goal.meta.id)) {
            QString owner = action.ownerPerson;
            if (!action.ownerOrgId.isEmpty()) {
                QString organisation = action.ownerOrgId;
                if (Result<OrganisationRecord> local = m_session->directory().localOrganisation();
                    local && local->id == action.ownerOrgId)
                    organisation = local->name;
                owner = owner.isEmpty() ? organisation : tr("%1, %2").arg(owner, organisation);
            }
            QString status;
            switch (action.status) {
            case ActionStatus::Open:
                status = isOverdue(action) ? tr("Open, overdue") : tr("Open");
                break;
            case ActionStatus::Done:
                status = tr("Done");
                break;
            case ActionStatus::Cancelled:
                status = tr("Cancelled");
                break;
            }
            QTreeWidgetItem* actionItem =
                addRow(goalItem, RowKind::Action, action.meta.id,
                       {action.description, owner, displayDate(action.dueDate), status});
            actionItem->setToolTip(WhoColumn, owner);
            if (isOverdue(action)) {
                actionItem->setForeground(StatusColumn, overdueColour);
                actionItem->setForeground(DateColumn, overdueColour);
                actionItem->setToolTip(StatusColumn,
                                       tr("Due %1 and not done").arg(displayDate(action.dueDate)));
            }
            if (action.dueDate.isValid())
                actionItem->setData(DateColumn, Qt::AccessibleTextRole,
                                    tr("Due %1").arg(displayDate(action.dueDate)));
        }
    }
}

void PlanPage::addMeetingRows() {
    QTreeWidgetItem* section =
        addSection(tr("TAF meetings (%n)", nullptr, static_cast<int>(m_meetings.size())));
    for (const TafMeeting& meeting : std::as_const(m_meetings)) {
        QTreeWidgetItem* item = addRow(section, RowKind::Meeting, meeting.meta.id,
                                       {tr("TAF meeting"), meeting.attendees, displayDate(meeting.date)});
        item->setToolTip(WhoColumn, meeting.attendees);
        if (!meeting.notes.trimmed().isEmpty()) {
            QTreeWidgetItem* notes = addRow(item, RowKind::MeetingNotes, meeting.meta.id,
                                            {tr("Notes: %1").arg(meeting.notes.trimmed())});
            notes->setFirstColumnSpanned(true);
        }
    }
}

void PlanPage::addReviewRows() {
    QTreeWidgetItem* section = addSection(tr("Reviews (%n)", nullptr, static_cast<int>(m_reviews.size())));
    for (const PlanReview& review : std::as_const(m_reviews)) {
        QString title = tr("Review");
        const auto meeting = std::ranges::find_if(
            m_meetings, [&](const TafMeeting& candidate) { return candidate.meta.id == review.meetingId; });
        if (meeting != m_meetings.end())
            title = tr("Review at the TAF meeting of %1").arg(displayDate(meeting->date));
        const QString next = review.nextReviewDate.isValid()
                                 ? tr("Next review %1").arg(displayDate(review.nextReviewDate))
                                 : tr("No next review set");
        QTreeWidgetItem* item = addRow(section, RowKind::Review, review.meta.id,
                                       {title, QString(), displayDate(review.date), next});
        for (const PlanGoal& goal : std::as_const(m_goals)) {
            const QString progress = review.progress.value(goal.meta.id);
            if (progress.isEmpty())
                continue;
            QTreeWidgetItem* row = addRow(
                item, RowKind::Progress, review.meta.id,
                {tr("Progress, %1 (%2): %3").arg(headingLabel(goal.heading), goal.description, progress)});
            row->setFirstColumnSpanned(true);
        }
    }
}

QTreeWidgetItem* PlanPage::addSection(const QString& title) {
    auto* section = new QTreeWidgetItem(m_tree, QStringList{title});
    section->setFirstColumnSpanned(true);
    section->setFlags(Qt::ItemIsEnabled);
    section->setData(RecordColumn, kindRole, static_cast<int>(RowKind::Section));
    QFont font = section->font(RecordColumn);
    font.setBold(true);
    section->setFont(RecordColumn, font);
    return section;
}

QTreeWidgetItem* PlanPage::addRow(QTreeWidgetItem* parent, RowKind kind, const QString& id,
                                  const QStringList& texts) {
    auto* item = parent ? new QTreeWidgetItem(parent, texts) : new QTreeWidgetItem(m_tree, texts);
    item->setData(RecordColumn, kindRole, static_cast<int>(kind));
    item->setData(RecordColumn, idRole, id);
    item->setToolTip(RecordColumn, texts.value(RecordColumn));
    return item;
}

void PlanPage::restoreSelection() {
    QTreeWidgetItem* match = nullptr;
    for (QTreeWidgetItemIterator it(m_tree); *it && !match; ++it) {
        if ((*it)->data(RecordColumn, kindRole).toInt() == static_cast<int>(m_pendingSelectionKind) &&
            (*it)->data(RecordColumn, idRole).toString() == m_pendingSelectionId)
            match = *it;
    }
    m_tree->setCurrentItem(match ? match : m_tree->topLevelItem(0));
}

void PlanPage::updateButtons() {
    const bool mayEdit = m_session && m_session->may(access::Action::EditCases);
    const bool mayDelete = m_session && m_session->may(access::Action::DeleteRestore);
    const TafPlan* plan = shownPlan();
    const bool active = plan && plan->status == PlanStatus::Active;
    const bool anyActive = std::ranges::any_of(
        m_plans, [](const TafPlan& candidate) { return candidate.status == PlanStatus::Active; });
    const RowKind kind = selectedKind();

    m_startPlanEmptyButton->setEnabled(m_session && mayEdit && !anyActive);
    m_startPlanButton->setVisible(plan != nullptr);
    m_startPlanButton->setEnabled(m_session && mayEdit && !anyActive);
    m_addGoalButton->setEnabled(mayEdit && active);
    m_addActionButton->setEnabled(mayEdit && active && !selectedGoalId().isEmpty());
    m_recordMeetingButton->setEnabled(mayEdit && active);
    m_recordReviewButton->setEnabled(mayEdit && active);
    m_editButton->setEnabled(mayEdit && plan && kind != RowKind::Section && m_tree->currentItem());
    m_deleteButton->setEnabled(mayDelete && plan && m_tree->currentItem() &&
                               (kind == RowKind::Plan || kind == RowKind::Goal || kind == RowKind::Action ||
                                kind == RowKind::Meeting || kind == RowKind::Review));
    m_closePlanButton->setEnabled(mayEdit && active);
}

const TafPlan* PlanPage::shownPlan() const {
    for (const TafPlan& plan : m_plans) {
        if (plan.meta.id == m_planId)
            return &plan;
    }
    return nullptr;
}

PlanPage::RowKind PlanPage::selectedKind() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? static_cast<RowKind>(item->data(RecordColumn, kindRole).toInt()) : RowKind::Section;
}

QString PlanPage::selectedId() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    return item ? item->data(RecordColumn, idRole).toString() : QString();
}

QString PlanPage::selectedGoalId() const {
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return {};
    if (selectedKind() == RowKind::Goal)
        return selectedId();
    if (selectedKind() == RowKind::Action && item->parent())
        return item->parent()->data(RecordColumn, idRole).toString();
    return {};
}

QString PlanPage::goalText(const QString& goalId) const {
    for (const PlanGoal& goal : m_goals) {
        if (goal.meta.id == goalId)
            return tr("%1: %2").arg(headingLabel(goal.heading), goal.description);
    }
    return {};
}

bool PlanPage::isOverdue(const PlanAction& action) const {
    return m_session && action.status == ActionStatus::Open && action.dueDate.isValid() &&
           action.dueDate < m_session->today();
}

void PlanPage::startPlan() {
    TafPlan plan;
    plan.familyId = m_familyId;
    auto* editor = new PlanEditor(m_session, plan, this);
    connect(editor, &PlanRecordEditor::recordSaved, this, [this](const QString& id) { m_planId = id; });
    openEditor(editor, RowKind::Plan);
}

void PlanPage::addGoal() {
    PlanGoal goal;
    goal.planId = m_planId;
    openEditor(new GoalEditor(m_session, m_familyId, goal, m_assessments, this), RowKind::Goal);
}

void PlanPage::addAction() {
    PlanAction action;
    action.goalId = selectedGoalId();
    openEditor(new ActionEditor(m_session, m_familyId, action, goalText(action.goalId), this),
               RowKind::Action);
}

void PlanPage::recordMeeting() {
    TafMeeting meeting;
    meeting.planId = m_planId;
    openEditor(new MeetingEditor(m_session, m_familyId, meeting, this), RowKind::Meeting);
}

void PlanPage::recordReview() {
    PlanReview review;
    review.planId = m_planId;
    openEditor(new ReviewEditor(m_session, m_familyId, review, m_goals, m_meetings, this), RowKind::Review);
}

void PlanPage::closePlan() {
    if (const TafPlan* plan = shownPlan())
        openEditor(new PlanClosureEditor(m_session, *plan, m_goals, this), RowKind::Plan);
}

void PlanPage::editSelected() {
    const QString id = selectedId();
    PlanRepository& plans = m_session->plans();
    switch (selectedKind()) {
    case RowKind::Section:
        return;
    case RowKind::Plan:
        if (const TafPlan* plan = shownPlan())
            openEditor(new PlanEditor(m_session, *plan, this), RowKind::Plan);
        return;
    case RowKind::Outcome:
        if (const TafPlan* plan = shownPlan())
            openEditor(new PlanClosureEditor(m_session, *plan, m_goals, this), RowKind::Plan);
        return;
    case RowKind::Goal:
        if (Result<PlanGoal> goal = plans.goal(id))
            openEditor(new GoalEditor(m_session, m_familyId, *goal, m_assessments, this), RowKind::Goal);
        return;
    case RowKind::Action:
        if (Result<PlanAction> action = plans.action(id))
            openEditor(new ActionEditor(m_session, m_familyId, *action, goalText(action->goalId), this),
                       RowKind::Action);
        return;
    case RowKind::Meeting:
    case RowKind::MeetingNotes:
        if (Result<TafMeeting> meeting = plans.meeting(id))
            openEditor(new MeetingEditor(m_session, m_familyId, *meeting, this), RowKind::Meeting);
        return;
    case RowKind::Review:
    case RowKind::Progress:
        if (Result<PlanReview> review = plans.review(id))
            openEditor(new ReviewEditor(m_session, m_familyId, *review, m_goals, m_meetings, this),
                       RowKind::Review);
        return;
    }
}

void PlanPage::openEditor(PlanRecordEditor* editor, RowKind savedKind) {
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &PlanRecordEditor::recordSaved, this, [this, savedKind](const QString& id) {
        m_pendingSelectionKind = savedKind;
        m_pendingSelectionId = id;
    });
    editor->open();
}

QString PlanPage::recordName(RowKind kind, const QString& id) const {
    switch (kind) {
    case RowKind::Plan:
        if (const TafPlan* plan = shownPlan())
            return tr("the plan started on %1").arg(displayDate(plan->startDate));
        break;
    case RowKind::Goal:
        for (const PlanGoal& goal : m_goals) {
            if (goal.meta.id == id)
                return tr("the goal “%1”").arg(goal.description);
        }
        break;
    case RowKind::Action:
        for (const QList<PlanAction>& actions : m_actions) {
            for (const PlanAction& action : actions) {
                if (action.meta.id == id)
                    return tr("the action “%1”").arg(action.description);
            }
        }
        break;
    case RowKind::Meeting:
        for (const TafMeeting& meeting : m_meetings) {
            if (meeting.meta.id == id)
                return tr("the TAF meeting of %1").arg(displayDate(meeting.date));
        }
        break;
    case RowKind::Review:
        for (const PlanReview& review : m_reviews) {
            if (review.meta.id == id)
                return tr("the review of %1").arg(displayDate(review.date));
        }
        break;
    default:
        break;
    }
    return tr("the selected record");
}

void PlanPage::deleteSelected() {
    const RowKind kind = selectedKind();
    const QString id = selectedId();
    auto* question = new QMessageBox(QMessageBox::Question, tr("Delete Record"),
                                     tr("Delete %1?").arg(recordName(kind, id)), QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("deletePlanRecordMessageBox"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QString detail =
        tr("You can restore it from Case › Deleted Items for %n day(s).", nullptr, restoreWindowDays);
    if (kind == RowKind::Plan)
        detail = tr("Its goals, actions, meetings and reviews are kept with it. %1").arg(detail);
    question->setInformativeText(detail);
    question->setStandardButtons(QMessageBox::Yes | QMessageBox::Cancel);
    question->button(QMessageBox::Yes)->setText(tr("&Delete"));
    question->setDefaultButton(QMessageBox::Cancel);
    connect(question, &QMessageBox::finished, this, [this, question, kind, id] {
        if (question->clickedButton() == question->button(QMessageBox::Yes))
            removeRecord(kind, id);
    });
    question->open();
}

void PlanPage::removeRecord(RowKind kind, const QString& id) {
    if (!m_session)
        return;
    PlanRepository& plans = m_session->plans();
    const access::Actor& actor = m_session->actor();
    Status removed;
    switch (kind) {
    case RowKind::Plan:
        removed = plans.removePlan(actor, id);
        break;
    case RowKind::Goal:
        removed = plans.removeGoal(actor, id);
        break;
    case RowKind::Action:
        removed = plans.removeAction(actor, id);
        break;
    case RowKind::Meeting:
        removed = plans.removeMeeting(actor, id);
        break;
    case RowKind::Review:
        removed = plans.removeReview(actor, id);
        break;
    default:
        return;
    }
    if (!removed) {
        auto* failure = new QMessageBox(QMessageBox::Warning, tr("Delete Record"), removed.error().message,
                                        QMessageBox::Ok, this);
        failure->setObjectName(QStringLiteral("deletePlanRecordFailedMessageBox"));
        failure->setAttribute(Qt::WA_DeleteOnClose);
        failure->open();
        return;
    }
    m_pendingSelectionKind = RowKind::Plan;
    m_pendingSelectionId = kind == RowKind::Plan ? QString() : m_planId;
    m_session->notifyFamilyChanged(m_familyId);
}

} // namespace earlyhelp::ui
