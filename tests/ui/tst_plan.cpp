// The Plan tab of a family on real widgets and a real encrypted store. The
// suite works a Team Around the Family plan through from start to closure,
// and checks undo in an editor, a read-only user, deleting after a question,
// and a review that core rejects.

#include <functional>
#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include "cases/casedirectory.h"
#include "casework/assessmentrepository.h"
#include "casework/planrepository.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/displaytext.h"
#include "ui/planeditors.h"
#include "ui/planpage.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

// The object names of the page's buttons that change records.
const QStringList changeButtonNames{
    QStringLiteral("startPlanEmptyPushButton"), QStringLiteral("startPlanPushButton"),
    QStringLiteral("addGoalPushButton"),        QStringLiteral("addActionPushButton"),
    QStringLiteral("recordMeetingPushButton"),  QStringLiteral("recordReviewPushButton"),
    QStringLiteral("editPlanRecordPushButton"), QStringLiteral("deletePlanRecordPushButton"),
    QStringLiteral("closePlanPushButton"),
};

// A store with the test pupils, a session over it, and the Plan tab showing
// the Fenwick family. The page reloads when the session reports a change, as
// the family view does in the app.
struct PlanFixture {
    QTemporaryDir dir;
    std::unique_ptr<CaseSession> session;
    QString fenwickId;
    QString ashbyId;
    std::unique_ptr<PlanPage> page;

    // Sets up the store and runs prepare on it, which writes as the lead.
    // Then a session for actor takes the store over.
    bool setUp(const access::Actor& actor, const std::function<void(Store&, const QString&)>& prepare = {}) {
        if (!dir.isValid())
            return false;
        Result<std::unique_ptr<Store>> store = makeCaseStore(dir.filePath(QStringLiteral("plan.ehstore")));
        if (!store) {
            qWarning("makeCaseStore failed: %s", qPrintable(store.error().message));
            return false;
        }
        CaseDirectory directory(**store);
        Result<QList<FamilySummary>> fenwicks = directory.families(QStringLiteral("Fenwick"));
        Result<QList<FamilySummary>> ashbys = directory.families(QStringLiteral("Ashby"));
        if (!fenwicks || fenwicks->size() != 1 || !ashbys || ashbys->size() != 1)
            return false;
        fenwickId = fenwicks->first().id;
        ashbyId = ashbys->first().id;
        if (prepare)
            prepare(**store, fenwickId);

        session = std::make_unique<CaseSession>(std::move(*store), actor);
        page = std::make_unique<PlanPage>();
        page->setObjectName(QStringLiteral("planPage"));
        page->resize(1000, 640);
        QObject::connect(session.get(), &CaseSession::familyChanged, page.get(),
                         [this](const QString& familyId) { page->showFamily(session.get(), familyId); });
        page->showFamily(session.get(), fenwickId);
        page->show();
        return QTest::qWaitForWindowExposed(page.get());
    }

    ~PlanFixture() {
        page.reset();
        session.reset();
    }

    [[nodiscard]] PlanRepository& plans() const { return session->plans(); }
    [[nodiscard]] QTreeWidget* tree() const {
        return page->findChild<QTreeWidget*>(QStringLiteral("planTreeWidget"));
    }
    [[nodiscard]] QPushButton* button(const QString& objectName) const {
        return page->findChild<QPushButton*>(objectName);
    }
};

// Returns the visible editor of type T, waiting for it to open.
template <typename T> T* openedEditor(QWidget* page, const QString& objectName) {
    T* found = nullptr;
    const bool opened = QTest::qWaitFor([&] {
        found = page->findChild<T*>(objectName);
        return found && found->isVisible();
    });
    return opened ? found : nullptr;
}

template <typename T> T* field(QWidget* editor, const QString& objectName) {
    T* found = editor->findChild<T*>(objectName);
    if (!found)
        qWarning("no field named %s", qPrintable(objectName));
    return found;
}

void clickSave(EditorDialog* editor) {
    auto* buttons = editor->findChild<QDialogButtonBox*>(QStringLiteral("editorButtonBox"));
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
}

// Clicks Save and waits for the editor to close and be deleted. A rejected
// save fails the test with the message the editor shows.
void saveAndWait(EditorDialog* editor) {
    QPointer<EditorDialog> guard(editor);
    clickSave(editor);
    auto* error = editor->findChild<QLabel*>(QStringLiteral("editorErrorLabel"));
    const QString message = guard && error ? error->text() : QString();
    QTRY_VERIFY2(!guard, qPrintable(message));
}

// Returns the first row of the tree whose first column contains text.
QTreeWidgetItem* rowContaining(QTreeWidget* tree, const QString& text) {
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->text(0).contains(text))
            return *it;
    }
    qWarning("no row contains %s", qPrintable(text));
    return nullptr;
}

void selectRow(QTreeWidget* tree, const QString& text) {
    QTreeWidgetItem* row = rowContaining(tree, text);
    QVERIFY(row);
    tree->setCurrentItem(row);
    QCOMPARE(tree->currentItem(), row);
}

void typeInto(QWidget* widget, const QString& text) {
    widget->setFocus();
    QTest::keyClicks(widget, text);
}

} // namespace

class TestPlan : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void planFromStartToClosure();
    void undoRestoresLoadedAction();
    void readOnlyUserChangesNothing();
    void deleteAsksThenTombstones();
    void reviewBeforeMeetingRejected();
};

void TestPlan::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
}

void TestPlan::planFromStartToClosure() {
    PlanFixture fixture;
    QVERIFY(fixture.setUp(leadActor()));
    CaseSession& session = *fixture.session;
    PlanRepository& plans = fixture.plans();
    const QDate today = session.today();

    Assessment assessment;
    assessment.familyId = fixture.fenwickId;
    assessment.assessor = QStringLiteral("Sam Patel");
    assessment.date = today.addDays(-100);
    assessment.needs = {{SupportingFamiliesHeading::Education, QStringLiteral("Likes reading"),
                         QStringLiteral("Attendance 82%"), 4}};
    Result<Assessment> assessed = session.assessments().create(leadActor(), assessment);
    QVERIFY2(assessed, qPrintable(assessed ? QString() : assessed.error().message));
    session.notifyFamilyChanged(fixture.fenwickId);

    // No plan yet: the empty state offers to start one.
    auto* emptyLabel = fixture.page->findChild<QLabel*>(QStringLiteral("planEmptyLabel"));
    QVERIFY(emptyLabel && emptyLabel->isVisible());
    QVERIFY(!fixture.button(QStringLiteral("addGoalPushButton"))->isEnabled());
    QPushButton* startEmpty = fixture.button(QStringLiteral("startPlanEmptyPushButton"));
    QVERIFY(startEmpty->isVisible() && startEmpty->isEnabled());

    // Start the plan.
    QTest::mouseClick(startEmpty, Qt::LeftButton);
    auto* planEditor = openedEditor<PlanEditor>(fixture.page.get(), QStringLiteral("planEditorDialog"));
    QVERIFY(planEditor);
    const QDate startDate = today.addDays(-90);
    field<QDateEdit>(planEditor, QStringLiteral("planStartDateEdit"))->setDate(startDate);
    saveAndWait(planEditor);
    if (QTest::currentTestFailed())
        return;
    Result<QList<TafPlan>> stored = plans.plansForFamily(fixture.fenwickId);
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    const QString planId = stored->first().meta.id;
    QCOMPARE(stored->first().startDate, startDate);
    QCOMPARE(stored->first().status, PlanStatus::Active);
    QVERIFY(!stored->first().endDate.isValid());
    QCOMPARE(fixture.page->shownPlanId(), planId);
    QVERIFY(!emptyLabel->isVisible());
    auto* summary = fixture.page->findChild<QLabel*>(QStringLiteral("planSummaryLabel"));
    QVERIFY2(summary->text().contains(displayDate(startDate)), qPrintable(summary->text()));
    QVERIFY(!fixture.button(QStringLiteral("startPlanPushButton"))->isEnabled());

    // Two goals: the first linked to the assessment's education need.
    QTest::mouseClick(fixture.button(QStringLiteral("addGoalPushButton")), Qt::LeftButton);
    auto* goalEditor = openedEditor<GoalEditor>(fixture.page.get(), QStringLiteral("goalEditorDialog"));
    QVERIFY(goalEditor);
    auto* heading = field<QComboBox>(goalEditor, QStringLiteral("goalHeadingComboBox"));
    heading->setCurrentIndex(heading->findText(headingLabel(SupportingFamiliesHeading::Education)));
    typeInto(field<QPlainTextEdit>(goalEditor, QStringLiteral("goalDescriptionEdit")),
             QStringLiteral("Amara attends school every day"));
    auto* linked = field<QComboBox>(goalEditor, QStringLiteral("goalAssessmentComboBox"));
    QCOMPARE(linked->count(), 2);
    linked->setCurrentIndex(1);
    saveAndWait(goalEditor);
    if (QTest::currentTestFailed())
        return;

    QTest::mouseClick(fixture.button(QStringLiteral("addGoalPushButton")), Qt::LeftButton);
    goalEditor = openedEditor<GoalEditor>(fixture.page.get(), QStringLiteral("goalEditorDialog"));
    QVERIFY(goalEditor);
    heading = field<QComboBox>(goalEditor, QStringLiteral("goalHeadingComboBox"));
    heading->setCurrentIndex(heading->findText(headingLabel(SupportingFamiliesHeading::FamilyRelationships)));
    typeInto(field<QPlainTextEdit>(goalEditor, QStringLiteral("goalDescriptionEdit")),
             QStringLiteral("Calmer mornings at home"));
    // The assessment recorded no need under this heading, so it is greyed
    // out, and choosing it anyway explains why it does not fit.
    linked = field<QComboBox>(goalEditor, QStringLiteral("goalAssessmentComboBox"));
    auto* linkModel = qobject_cast<QStandardItemModel*>(linked->model());
    QVERIFY(linkModel);
    QVERIFY(!linkModel->item(1)->isEnabled());
    auto* hint = field<QLabel>(goalEditor, QStringLiteral("goalAssessmentHintLabel"));
    QVERIFY(!hint->isVisible());
    linked->setCurrentIndex(1);
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(headingLabel(SupportingFamiliesHeading::FamilyRelationships)),
             qPrintable(hint->text()));
    QVERIFY2(hint->text().contains(QStringLiteral("Sam Patel")), qPrintable(hint->text()));
    linked->setCurrentIndex(0);
    QVERIFY(!hint->isVisible());
    saveAndWait(goalEditor);
    if (QTest::currentTestFailed())
        return;

    Result<QList<PlanGoal>> goals = plans.goalsForPlan(planId);
    QVERIFY(goals);
    QCOMPARE(goals->size(), 2);
    const PlanGoal education = goals->at(0);
    const PlanGoal relationships = goals->at(1);
    QCOMPARE(education.heading, SupportingFamiliesHeading::Education);
    QCOMPARE(education.description, QStringLiteral("Amara attends school every day"));
    QCOMPARE(education.assessmentId, assessed->meta.id);
    QCOMPARE(relationships.heading, SupportingFamiliesHeading::FamilyRelationships);
    QCOMPARE(relationships.description, QStringLiteral("Calmer mornings at home"));
    QVERIFY(relationships.assessmentId.isEmpty());
    QTreeWidgetItem* educationRow =
        rowContaining(fixture.tree(), QStringLiteral("Amara attends school every day"));
    QVERIFY(educationRow);
    QVERIFY2(educationRow->text(0).contains(displayDate(assessed->date)), qPrintable(educationRow->text(0)));

    // Actions with owners and due dates. The first is already overdue.
    selectRow(fixture.tree(), QStringLiteral("Amara attends school every day"));
    QVERIFY(fixture.button(QStringLiteral("addActionPushButton"))->isEnabled());
    QTest::mouseClick(fixture.button(QStringLiteral("addActionPushButton")), Qt::LeftButton);
    auto* actionEditor = openedEditor<ActionEditor>(fixture.page.get(), QStringLiteral("actionEditorDialog"));
    QVERIFY(actionEditor);
    typeInto(field<QLineEdit>(actionEditor, QStringLiteral("actionDescriptionLineEdit")),
             QStringLiteral("Daily check-in at the gate"));
    auto* organisation = field<QComboBox>(actionEditor, QStringLiteral("actionOwnerOrganisationComboBox"));
    organisation->setCurrentIndex(organisation->findText(QStringLiteral("Larkspur Lane Primary School")));
    QVERIFY(organisation->currentIndex() > 0);
    typeInto(field<QLineEdit>(actionEditor, QStringLiteral("actionOwnerPersonLineEdit")),
             QStringLiteral("Sam Patel"));
    auto* dueBox = field<QCheckBox>(actionEditor, QStringLiteral("actionDueDateCheckBox"));
    auto* dueEdit = field<QDateEdit>(actionEditor, QStringLiteral("actionDueDateEdit"));
    QVERIFY(!dueEdit->isEnabled());
    QTest::mouseClick(dueBox, Qt::LeftButton);
    QVERIFY(dueEdit->isEnabled());
    const QDate firstDue = today.addDays(-10);
    dueEdit->setDate(firstDue);
    saveAndWait(actionEditor);
    if (QTest::currentTestFailed())
        return;

    selectRow(fixture.tree(), QStringLiteral("Calmer mornings at home"));
    QTest::mouseClick(fixture.button(QStringLiteral("addActionPushButton")), Qt::LeftButton);
    actionEditor = openedEditor<ActionEditor>(fixture.page.get(), QStringLiteral("actionEditorDialog"));
    QVERIFY(actionEditor);
    typeInto(field<QLineEdit>(actionEditor, QStringLiteral("actionDescriptionLineEdit")),
             QStringLiteral("Book a parenting course place"));
    typeInto(field<QLineEdit>(actionEditor, QStringLiteral("actionOwnerPersonLineEdit")),
             QStringLiteral("Joanna Fenwick"));
    QTest::mouseClick(field<QCheckBox>(actionEditor, QStringLiteral("actionDueDateCheckBox")),
                      Qt::LeftButton);
    const QDate secondDue = today.addDays(30);
    field<QDateEdit>(actionEditor, QStringLiteral("actionDueDateEdit"))->setDate(secondDue);
    saveAndWait(actionEditor);
    if (QTest::currentTestFailed())
        return;

    Result<QList<PlanAction>> educationActions = plans.actionsForGoal(education.meta.id);
    QVERIFY(educationActions);
    QCOMPARE(educationActions->size(), 1);
    const PlanAction checkIn = educationActions->first();
    QCOMPARE(checkIn.description, QStringLiteral("Daily check-in at the gate"));
    QCOMPARE(checkIn.ownerPerson, QStringLiteral("Sam Patel"));
    QCOMPARE(checkIn.ownerOrgId, session.directory().localOrganisation()->id);
    QCOMPARE(checkIn.dueDate, firstDue);
    QCOMPARE(checkIn.status, ActionStatus::Open);
    Result<QList<PlanAction>> relationshipActions = plans.actionsForGoal(relationships.meta.id);
    QVERIFY(relationshipActions);
    QCOMPARE(relationshipActions->size(), 1);
    QCOMPARE(relationshipActions->first().ownerPerson, QStringLiteral("Joanna Fenwick"));
    QVERIFY(relationshipActions->first().ownerOrgId.isEmpty());
    QCOMPARE(relationshipActions->first().dueDate, secondDue);

    // The overdue action is marked in text, not only in colour.
    QTreeWidgetItem* checkInRow = rowContaining(fixture.tree(), QStringLiteral("Daily check-in at the gate"));
    QVERIFY(checkInRow);
    QCOMPARE(checkInRow->text(2), displayDate(firstDue));
    QCOMPARE(checkInRow->text(3), QStringLiteral("Open, overdue"));
    QVERIFY(checkInRow->text(1).contains(QStringLiteral("Larkspur Lane Primary School")));
    QTreeWidgetItem* courseRow =
        rowContaining(fixture.tree(), QStringLiteral("Book a parenting course place"));
    QVERIFY(courseRow);
    QCOMPARE(courseRow->text(3), QStringLiteral("Open"));
    QVERIFY2(summary->text().contains(QStringLiteral("1 overdue")), qPrintable(summary->text()));

    // A TAF meeting.
    QTest::mouseClick(fixture.button(QStringLiteral("recordMeetingPushButton")), Qt::LeftButton);
    auto* meetingEditor =
        openedEditor<MeetingEditor>(fixture.page.get(), QStringLiteral("meetingEditorDialog"));
    QVERIFY(meetingEditor);
    const QDate meetingDate = today.addDays(-60);
    field<QDateEdit>(meetingEditor, QStringLiteral("meetingDateEdit"))->setDate(meetingDate);
    typeInto(field<QLineEdit>(meetingEditor, QStringLiteral("meetingAttendeesLineEdit")),
             QStringLiteral("Joanna Fenwick, Sam Patel, school nurse"));
    typeInto(field<QPlainTextEdit>(meetingEditor, QStringLiteral("meetingNotesEdit")),
             QStringLiteral("Agreed the plan with Joanna."));
    saveAndWait(meetingEditor);
    if (QTest::currentTestFailed())
        return;
    Result<QList<TafMeeting>> meetings = plans.meetingsForPlan(planId);
    QVERIFY(meetings);
    QCOMPARE(meetings->size(), 1);
    QCOMPARE(meetings->first().date, meetingDate);
    QCOMPARE(meetings->first().attendees, QStringLiteral("Joanna Fenwick, Sam Patel, school nurse"));
    QCOMPARE(meetings->first().notes, QStringLiteral("Agreed the plan with Joanna."));

    // Two reviews with progress per goal and the next review dates. The first
    // was held at the meeting.
    struct ReviewInput {
        QDate date;
        bool atMeeting;
        QString educationProgress;
        QString relationshipsProgress;
        QDate next;
    };
    const QList<ReviewInput> reviewInputs{
        {meetingDate, true, QStringLiteral("Attendance up to 91%"),
         QStringLiteral("Calmer two days in three"), today.addDays(-30)},
        {today.addDays(-30), false, QStringLiteral("Attendance 96%"), QString(), today.addDays(30)},
    };
    for (const ReviewInput& input : reviewInputs) {
        QTest::mouseClick(fixture.button(QStringLiteral("recordReviewPushButton")), Qt::LeftButton);
        auto* reviewEditor =
            openedEditor<ReviewEditor>(fixture.page.get(), QStringLiteral("reviewEditorDialog"));
        QVERIFY(reviewEditor);
        field<QDateEdit>(reviewEditor, QStringLiteral("reviewDateEdit"))->setDate(input.date);
        field<QComboBox>(reviewEditor, QStringLiteral("reviewMeetingComboBox"))
            ->setCurrentIndex(input.atMeeting ? 1 : 0);
        typeInto(field<QPlainTextEdit>(reviewEditor, QStringLiteral("reviewProgressEdit_0")),
                 input.educationProgress);
        typeInto(field<QPlainTextEdit>(reviewEditor, QStringLiteral("reviewProgressEdit_1")),
                 input.relationshipsProgress);
        QTest::mouseClick(field<QCheckBox>(reviewEditor, QStringLiteral("reviewNextReviewCheckBox")),
                          Qt::LeftButton);
        field<QDateEdit>(reviewEditor, QStringLiteral("reviewNextReviewDateEdit"))->setDate(input.next);
        saveAndWait(reviewEditor);
        if (QTest::currentTestFailed())
            return;
    }
    Result<QList<PlanReview>> reviews = plans.reviewsForPlan(planId);
    QVERIFY(reviews);
    QCOMPARE(reviews->size(), 2);
    QCOMPARE(reviews->at(0).date, meetingDate);
    QCOMPARE(reviews->at(0).meetingId, meetings->first().meta.id);
    QCOMPARE(reviews->at(0).nextReviewDate, today.addDays(-30));
    const QMap<QString, QString> firstProgress{
        {education.meta.id, QStringLiteral("Attendance up to 91%")},
        {relationships.meta.id, QStringLiteral("Calmer two days in three")}};
    QCOMPARE(reviews->at(0).progress, firstProgress);
    QCOMPARE(reviews->at(1).date, today.addDays(-30));
    QVERIFY(reviews->at(1).meetingId.isEmpty());
    QCOMPARE(reviews->at(1).nextReviewDate, today.addDays(30));
    const QMap<QString, QString> secondProgress{{education.meta.id, QStringLiteral("Attendance 96%")}};
    QCOMPARE(reviews->at(1).progress, secondProgress);
    QVERIFY(rowContaining(fixture.tree(), QStringLiteral("Attendance up to 91%")));
    QVERIFY2(summary->text().contains(displayDate(today.addDays(30))), qPrintable(summary->text()));

    // Mark the check-in done: Enter on its row opens the editor.
    selectRow(fixture.tree(), QStringLiteral("Daily check-in at the gate"));
    fixture.tree()->setFocus();
    QTest::keyClick(fixture.tree(), Qt::Key_Return);
    actionEditor = openedEditor<ActionEditor>(fixture.page.get(), QStringLiteral("actionEditorDialog"));
    QVERIFY(actionEditor);
    auto* status = field<QComboBox>(actionEditor, QStringLiteral("actionStatusComboBox"));
    QCOMPARE(status->currentText(), QStringLiteral("Open"));
    status->setCurrentIndex(status->findText(QStringLiteral("Done")));
    saveAndWait(actionEditor);
    if (QTest::currentTestFailed())
        return;
    Result<PlanAction> done = plans.action(checkIn.meta.id);
    QVERIFY(done);
    QCOMPARE(done->status, ActionStatus::Done);
    QCOMPARE(done->dueDate, firstDue);
    QCOMPARE(done->ownerPerson, QStringLiteral("Sam Patel"));
    QCOMPARE(done->meta.revision, checkIn.meta.revision + 1);
    checkInRow = rowContaining(fixture.tree(), QStringLiteral("Daily check-in at the gate"));
    QVERIFY(checkInRow);
    QCOMPARE(checkInRow->text(3), QStringLiteral("Done"));
    QCOMPARE(fixture.tree()->currentItem(), checkInRow);
    QVERIFY2(!summary->text().contains(QStringLiteral("overdue")), qPrintable(summary->text()));

    // Close the plan with an outcome for each heading its goals worked on.
    QTest::mouseClick(fixture.button(QStringLiteral("closePlanPushButton")), Qt::LeftButton);
    auto* closure =
        openedEditor<PlanClosureEditor>(fixture.page.get(), QStringLiteral("planClosureEditorDialog"));
    QVERIFY(closure);
    QCOMPARE(field<QDateEdit>(closure, QStringLiteral("planEndDateEdit"))->date(), today);
    typeInto(field<QPlainTextEdit>(closure, QStringLiteral("outcomeEdit_education")),
             QStringLiteral("Attendance 96% over the last term"));
    typeInto(field<QPlainTextEdit>(closure, QStringLiteral("outcomeEdit_family_relationships")),
             QStringLiteral("Mornings settled"));
    QVERIFY(!closure->findChild<QPlainTextEdit*>(QStringLiteral("outcomeEdit_housing")));
    saveAndWait(closure);
    if (QTest::currentTestFailed())
        return;
    Result<TafPlan> closed = plans.plan(planId);
    QVERIFY(closed);
    QCOMPARE(closed->status, PlanStatus::Closed);
    QCOMPARE(closed->endDate, today);
    QCOMPARE(closed->startDate, startDate);
    const QMap<SupportingFamiliesHeading, QString> outcomes{
        {SupportingFamiliesHeading::Education, QStringLiteral("Attendance 96% over the last term")},
        {SupportingFamiliesHeading::FamilyRelationships, QStringLiteral("Mornings settled")}};
    QCOMPARE(closed->outcomes, outcomes);

    // A closed plan takes no new records, and a new plan can start.
    QCOMPARE(fixture.page->shownPlanId(), planId);
    QVERIFY2(summary->text().contains(displayDate(today)), qPrintable(summary->text()));
    QVERIFY(rowContaining(fixture.tree(), QStringLiteral("Mornings settled")));
    QVERIFY(!fixture.button(QStringLiteral("addGoalPushButton"))->isEnabled());
    QVERIFY(!fixture.button(QStringLiteral("recordReviewPushButton"))->isEnabled());
    QVERIFY(!fixture.button(QStringLiteral("closePlanPushButton"))->isEnabled());
    QVERIFY(fixture.button(QStringLiteral("startPlanPushButton"))->isEnabled());
}

void TestPlan::undoRestoresLoadedAction() {
    QString actionId;
    const QDate due = QDate::currentDate().addDays(12);
    PlanFixture fixture;
    QVERIFY(fixture.setUp(leadActor(), [&](Store& store, const QString& familyId) {
        PlanRepository plans(store);
        TafPlan plan;
        plan.familyId = familyId;
        plan.startDate = QDate::currentDate().addDays(-20);
        const Result<TafPlan> started = plans.createPlan(leadActor(), plan);
        PlanGoal goal;
        goal.planId = started ? started->meta.id : QString();
        goal.heading = SupportingFamiliesHeading::Health;
        goal.description = QStringLiteral("Theo sees the dentist");
        const Result<PlanGoal> created = plans.createGoal(leadActor(), goal);
        PlanAction action;
        action.goalId = created ? created->meta.id : QString();
        action.description = QStringLiteral("Register with a dentist");
        action.ownerPerson = QStringLiteral("Joanna Fenwick");
        action.dueDate = due;
        const Result<PlanAction> added = plans.createAction(leadActor(), action);
        actionId = added ? added->meta.id : QString();
    }));
    QVERIFY(!actionId.isEmpty());

    selectRow(fixture.tree(), QStringLiteral("Register with a dentist"));
    QTest::mouseClick(fixture.button(QStringLiteral("editPlanRecordPushButton")), Qt::LeftButton);
    auto* editor = openedEditor<ActionEditor>(fixture.page.get(), QStringLiteral("actionEditorDialog"));
    QVERIFY(editor);
    auto* description = field<QLineEdit>(editor, QStringLiteral("actionDescriptionLineEdit"));
    auto* organisation = field<QComboBox>(editor, QStringLiteral("actionOwnerOrganisationComboBox"));
    auto* person = field<QLineEdit>(editor, QStringLiteral("actionOwnerPersonLineEdit"));
    auto* dueBox = field<QCheckBox>(editor, QStringLiteral("actionDueDateCheckBox"));
    auto* dueEdit = field<QDateEdit>(editor, QStringLiteral("actionDueDateEdit"));
    auto* status = field<QComboBox>(editor, QStringLiteral("actionStatusComboBox"));
    QCOMPARE(description->text(), QStringLiteral("Register with a dentist"));
    QCOMPARE(organisation->currentIndex(), 0);
    QCOMPARE(person->text(), QStringLiteral("Joanna Fenwick"));
    QVERIFY(dueBox->isChecked());
    QCOMPARE(dueEdit->date(), due);
    QCOMPARE(status->currentText(), QStringLiteral("Open"));
    QVERIFY(!editor->isModified());

    typeInto(description, QStringLiteral(" near home"));
    organisation->setCurrentIndex(1);
    person->selectAll();
    typeInto(person, QStringLiteral("Sam Patel"));
    dueEdit->setDate(due.addDays(7));
    QTest::mouseClick(dueBox, Qt::LeftButton);
    QVERIFY(!dueEdit->isEnabled());
    status->setCurrentIndex(2);
    QVERIFY(editor->isModified());
    QCOMPARE(editor->undoStack()->count(), 6);

    for (int step = 0; step < 6; ++step)
        QTest::keyClick(description, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!editor->undoStack()->canUndo());
    QCOMPARE(description->text(), QStringLiteral("Register with a dentist"));
    QCOMPARE(organisation->currentIndex(), 0);
    QCOMPARE(person->text(), QStringLiteral("Joanna Fenwick"));
    QVERIFY(dueBox->isChecked());
    QVERIFY(dueEdit->isEnabled());
    QCOMPARE(dueEdit->date(), due);
    QCOMPARE(status->currentText(), QStringLiteral("Open"));
    QVERIFY(!editor->isModified());

    // Saving the restored form changes nothing in the store.
    saveAndWait(editor);
    if (QTest::currentTestFailed())
        return;
    Result<PlanAction> stored = fixture.plans().action(actionId);
    QVERIFY(stored);
    QCOMPARE(stored->meta.revision, 1);
    QCOMPARE(stored->description, QStringLiteral("Register with a dentist"));
}

void TestPlan::readOnlyUserChangesNothing() {
    QString planId;
    PlanFixture fixture;
    QVERIFY(fixture.setUp(readOnlyActor(), [&](Store& store, const QString& familyId) {
        PlanRepository plans(store);
        TafPlan plan;
        plan.familyId = familyId;
        plan.startDate = QDate::currentDate().addDays(-40);
        const Result<TafPlan> started = plans.createPlan(leadActor(), plan);
        planId = started ? started->meta.id : QString();
        PlanGoal goal;
        goal.planId = planId;
        goal.description = QStringLiteral("Amara reads every evening");
        const Result<PlanGoal> created = plans.createGoal(leadActor(), goal);
        PlanAction action;
        action.goalId = created ? created->meta.id : QString();
        action.description = QStringLiteral("Library card");
        (void)plans.createAction(leadActor(), action);
        TafMeeting meeting;
        meeting.planId = planId;
        meeting.date = QDate::currentDate().addDays(-30);
        meeting.attendees = QStringLiteral("Joanna Fenwick");
        meeting.notes = QStringLiteral("First meeting");
        (void)plans.createMeeting(leadActor(), meeting);
        PlanReview review;
        review.planId = planId;
        review.date = QDate::currentDate().addDays(-10);
        review.progress.insert(created ? created->meta.id : QString(),
                               QStringLiteral("Reading most evenings"));
        (void)plans.createReview(leadActor(), review);
    }));
    QVERIFY(!planId.isEmpty());
    QCOMPARE(fixture.page->shownPlanId(), planId);

    // Every row, and no change button enabled on any of them.
    QTreeWidget* tree = fixture.tree();
    int rows = 0;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        tree->setCurrentItem(*it);
        ++rows;
        for (const QString& name : changeButtonNames) {
            QPushButton* button = fixture.button(name);
            QVERIFY2(button, qPrintable(name));
            QVERIFY2(!button->isEnabled(), qPrintable(name + u" on row " + (*it)->text(0)));
        }
    }
    QCOMPARE(rows, 10);

    // The keys do nothing either.
    selectRow(tree, QStringLiteral("Amara reads every evening"));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Delete);
    QTest::keyClick(tree, Qt::Key_Return);
    QTest::qWait(50);
    QVERIFY(!fixture.page->findChild<QMessageBox*>());
    QVERIFY(!fixture.page->findChild<EditorDialog*>());

    // A family without a plan: Start a Plan is disabled too.
    fixture.page->showFamily(fixture.session.get(), fixture.ashbyId);
    QVERIFY(fixture.page->findChild<QLabel*>(QStringLiteral("planEmptyLabel"))->isVisible());
    QVERIFY(!fixture.button(QStringLiteral("startPlanEmptyPushButton"))->isEnabled());

    // Core rejects the read-only user's writes whatever the UI shows.
    PlanGoal goal;
    goal.planId = planId;
    goal.description = QStringLiteral("Written around the UI");
    const Result<PlanGoal> rejected = fixture.plans().createGoal(readOnlyActor(), goal);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::PermissionDenied);
    const Status removal = fixture.plans().removePlan(readOnlyActor(), planId);
    QVERIFY(!removal);
    QCOMPARE(removal.error().code, ErrorCode::PermissionDenied);
    Result<QList<PlanGoal>> goals = fixture.plans().goalsForPlan(planId);
    QVERIFY(goals);
    QCOMPARE(goals->size(), 1);
}

void TestPlan::deleteAsksThenTombstones() {
    QString planId;
    QString goalId;
    PlanFixture fixture;
    QVERIFY(fixture.setUp(leadActor(), [&](Store& store, const QString& familyId) {
        PlanRepository plans(store);
        TafPlan plan;
        plan.familyId = familyId;
        plan.startDate = QDate::currentDate().addDays(-40);
        const Result<TafPlan> started = plans.createPlan(leadActor(), plan);
        planId = started ? started->meta.id : QString();
        for (const QString& description :
             {QStringLiteral("Keep this goal"), QStringLiteral("Remove this goal")}) {
            PlanGoal goal;
            goal.planId = planId;
            goal.description = description;
            const Result<PlanGoal> created = plans.createGoal(leadActor(), goal);
            goalId = created ? created->meta.id : QString();
        }
    }));
    QVERIFY(!goalId.isEmpty());

    // Cancel first: nothing is deleted.
    selectRow(fixture.tree(), QStringLiteral("Remove this goal"));
    fixture.tree()->setFocus();
    QTest::keyClick(fixture.tree(), Qt::Key_Delete);
    QMessageBox* question = nullptr;
    QTRY_VERIFY(
        (question = fixture.page->findChild<QMessageBox*>(QStringLiteral("deletePlanRecordMessageBox"))) &&
        question->isVisible());
    QVERIFY2(question->text().contains(QStringLiteral("“Remove this goal”")), qPrintable(question->text()));
    QVERIFY2(question->informativeText().contains(QStringLiteral("Case › Deleted Items for 30")),
             qPrintable(question->informativeText()));
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!fixture.page->findChild<QMessageBox*>(QStringLiteral("deletePlanRecordMessageBox")));
    QCOMPARE(fixture.plans().goalsForPlan(planId)->size(), 2);

    // Then delete.
    QTest::mouseClick(fixture.button(QStringLiteral("deletePlanRecordPushButton")), Qt::LeftButton);
    QTRY_VERIFY(
        (question = fixture.page->findChild<QMessageBox*>(QStringLiteral("deletePlanRecordMessageBox"))) &&
        question->isVisible());
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(fixture.plans().goalsForPlan(planId)->size(), 1);
    QTRY_VERIFY(!rowContaining(fixture.tree(), QStringLiteral("Remove this goal")));
    QVERIFY(rowContaining(fixture.tree(), QStringLiteral("Keep this goal")));

    // A tombstone, so it comes back.
    QVERIFY(fixture.plans().restoreGoal(leadActor(), goalId));
    QCOMPARE(fixture.plans().goalsForPlan(planId)->size(), 2);
}

void TestPlan::reviewBeforeMeetingRejected() {
    const QDate meetingDate = QDate::currentDate().addDays(-20);
    QString planId;
    PlanFixture fixture;
    QVERIFY(fixture.setUp(leadActor(), [&](Store& store, const QString& familyId) {
        PlanRepository plans(store);
        TafPlan plan;
        plan.familyId = familyId;
        plan.startDate = QDate::currentDate().addDays(-40);
        const Result<TafPlan> started = plans.createPlan(leadActor(), plan);
        planId = started ? started->meta.id : QString();
        TafMeeting meeting;
        meeting.planId = planId;
        meeting.date = meetingDate;
        (void)plans.createMeeting(leadActor(), meeting);
    }));
    QVERIFY(!planId.isEmpty());

    QTest::mouseClick(fixture.button(QStringLiteral("recordReviewPushButton")), Qt::LeftButton);
    auto* editor = openedEditor<ReviewEditor>(fixture.page.get(), QStringLiteral("reviewEditorDialog"));
    QVERIFY(editor);
    const QDate early = meetingDate.addDays(-3);
    field<QDateEdit>(editor, QStringLiteral("reviewDateEdit"))->setDate(early);
    field<QComboBox>(editor, QStringLiteral("reviewMeetingComboBox"))->setCurrentIndex(1);
    clickSave(editor);

    auto* error = field<QLabel>(editor, QStringLiteral("editorErrorLabel"));
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
    const QString expected = QStringLiteral("The review date, %1, is before the date of its meeting, %2.")
                                 .arg(displayDate(early), displayDate(meetingDate));
    QVERIFY2(error->text().startsWith(expected), qPrintable(error->text()));
    QVERIFY(editor->isVisible());
    QVERIFY(fixture.plans().reviewsForPlan(planId)->isEmpty());

    // Correcting the date saves it.
    field<QDateEdit>(editor, QStringLiteral("reviewDateEdit"))->setDate(meetingDate);
    saveAndWait(editor);
    if (QTest::currentTestFailed())
        return;
    Result<QList<PlanReview>> reviews = fixture.plans().reviewsForPlan(planId);
    QVERIFY(reviews);
    QCOMPARE(reviews->size(), 1);
    QCOMPARE(reviews->first().date, meetingDate);
}

QTEST_MAIN(TestPlan)
#include "tst_plan.moc"
