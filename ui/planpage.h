#pragma once

#include <QHash>
#include <QList>

#include "casework/records.h"
#include "familypage.h"

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace earlyhelp::ui {

class PlanRecordEditor;

// The family's Team Around the Family plan: its dates and status, goals with
// their actions, TAF meetings, reviews with progress per goal, and the
// outcomes recorded at closure. Shows the active plan, else the latest, and
// lets the user choose an earlier one. Opens the plan editors, and deletes
// records after asking. Buttons that change records are enabled by the
// user's role and by what is selected; core checks every write again.
class PlanPage : public FamilyPage {
    Q_OBJECT

public:
    // The kind of record a row of the plan tree shows.
    enum class RowKind { Section, Plan, Outcome, Goal, Action, Meeting, MeetingNotes, Review, Progress };
    Q_ENUM(RowKind)

    explicit PlanPage(QWidget* parent = nullptr);

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

    // The id of the plan shown, or an empty string when there is none.
    [[nodiscard]] QString shownPlanId() const { return m_planId; }

private:
    void choosePlan(int comboIndex);
    void loadPlan();
    void showPlanSummary(const TafPlan& plan);
    void addPlanRows(const TafPlan& plan);
    void addGoalRows();
    void addMeetingRows();
    void addReviewRows();
    QTreeWidgetItem* addSection(const QString& title);
    QTreeWidgetItem* addRow(QTreeWidgetItem* parent, RowKind kind, const QString& id,
                            const QStringList& texts);
    void restoreSelection();
    void updateButtons();

    [[nodiscard]] const TafPlan* shownPlan() const;
    [[nodiscard]] RowKind selectedKind() const;
    [[nodiscard]] QString selectedId() const;
    // The goal that Add Action adds to: the selected goal, or the goal of the
    // selected action.
    [[nodiscard]] QString selectedGoalId() const;
    // Returns the goal's heading and description, as the goal's row shows them.
    [[nodiscard]] QString goalText(const QString& goalId) const;
    [[nodiscard]] bool isOverdue(const PlanAction& action) const;

    void startPlan();
    void addGoal();
    void addAction();
    void recordMeeting();
    void recordReview();
    void editSelected();
    void deleteSelected();
    void closePlan();
    void openEditor(PlanRecordEditor* editor, RowKind savedKind);
    [[nodiscard]] QString recordName(RowKind kind, const QString& id) const;
    void removeRecord(RowKind kind, const QString& id);

    CaseSession* m_session = nullptr;
    QString m_familyId;
    QString m_planId;

    QList<TafPlan> m_plans;
    QList<PlanGoal> m_goals;
    QHash<QString, QList<PlanAction>> m_actions; // by goal id
    QList<TafMeeting> m_meetings;
    QList<PlanReview> m_reviews;
    QList<Assessment> m_assessments;

    // The row to select after the next reload.
    RowKind m_pendingSelectionKind = RowKind::Plan;
    QString m_pendingSelectionId;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QPushButton* m_startPlanEmptyButton = nullptr;
    QComboBox* m_planComboBox = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QTreeWidget* m_tree = nullptr;

    QPushButton* m_startPlanButton = nullptr;
    QPushButton* m_addGoalButton = nullptr;
    QPushButton* m_addActionButton = nullptr;
    QPushButton* m_recordMeetingButton = nullptr;
    QPushButton* m_recordReviewButton = nullptr;
    QPushButton* m_editButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QPushButton* m_closePlanButton = nullptr;
};

} // namespace earlyhelp::ui
