// The "My work" list and the Deleted Items dialog on a real store: records
// written through the repositories show in their groups with names and
// dates, a line opens its family, and a deleted case note comes back.

#include <algorithm>

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "cases/casedirectory.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "casework/planrepository.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/deleteditemsdialog.h"
#include "ui/myworkview.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

enum Group { ReviewsDue, OverdueActions, ConsentsDue, FamiliesWithoutPlan };

QString screenDate(QDate date) {
    return date.toString(u"dd/MM/yyyy");
}

// Returns the line of group whose family column is familyName, or nullptr.
QTreeWidgetItem* lineFor(QTreeWidget* tree, Group group, const QString& familyName) {
    QTreeWidgetItem* groupItem = tree->topLevelItem(group);
    if (!groupItem)
        return nullptr;
    for (int i = 0; i < groupItem->childCount(); ++i) {
        if (groupItem->child(i)->text(0) == familyName)
            return groupItem->child(i);
    }
    return nullptr;
}

} // namespace

class TestMyWork : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void groupsShowNamesAndDates();
    void activatingLineEmitsFamily();
    void emptyGroupsSaySo();
    void deletedNoteListedAndRestored();
    void readOnlyRoleCannotRestore();

private:
    [[nodiscard]] QString familyNamed(const QString& name) const;
    [[nodiscard]] QString personNamed(const QString& familyId, const QString& forename) const;
    // Writes an overdue action for the Fenwicks, a review due in 3 days for
    // the Ashbys and a consent for Amara Fenwick whose review date passed.
    void writeCaseWork();

    QTemporaryDir m_dir;
    std::unique_ptr<CaseSession> m_session;
    QString m_fenwicks;
    QString m_ashbys;
    QString m_haddads;
    QString m_actionId;
};

void TestMyWork::initTestCase() {
    installTranslations(*QCoreApplication::instance());
}

void TestMyWork::init() {
    QVERIFY(m_dir.isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(
        m_dir.filePath(QStringLiteral("%1.ehstore").arg(QLatin1String(QTest::currentTestFunction()))));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());
    m_fenwicks = familyNamed(QStringLiteral("Fenwick family"));
    m_ashbys = familyNamed(QStringLiteral("Ashby family"));
    m_haddads = familyNamed(QStringLiteral("Haddad family"));
    QVERIFY(!m_fenwicks.isEmpty() && !m_ashbys.isEmpty() && !m_haddads.isEmpty());
}

void TestMyWork::cleanup() {
    m_session.reset();
}

QString TestMyWork::familyNamed(const QString& name) const {
    const Result<QList<FamilySummary>> families = m_session->directory().families();
    if (!families)
        return {};
    const auto found = std::ranges::find(*families, name, &FamilySummary::name);
    return found == families->end() ? QString() : found->id;
}

QString TestMyWork::personNamed(const QString& familyId, const QString& forename) const {
    const Result<FamilyDetail> detail = m_session->directory().family(familyId);
    if (!detail)
        return {};
    for (const FamilyMember& member : detail->members) {
        if (member.person.legalForename == forename)
            return member.person.id;
    }
    return {};
}

void TestMyWork::writeCaseWork() {
    const QDate today = m_session->today();
    PlanRepository& plans = m_session->plans();

    TafPlan fenwickPlan;
    fenwickPlan.familyId = m_fenwicks;
    fenwickPlan.startDate = today.addDays(-40);
    const Result<TafPlan> plan = plans.createPlan(leadActor(), fenwickPlan);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    const Result<PlanGoal> goal =
        plans.createGoal(leadActor(), PlanGoal{{},
                                               plan->meta.id,
                                               {},
                                               SupportingFamiliesHeading::Education,
                                               QStringLiteral("Amara attends every day")});
    QVERIFY2(goal, qPrintable(goal ? QString() : goal.error().message));
    const Result<PlanAction> action =
        plans.createAction(leadActor(), PlanAction{{},
                                                   goal->meta.id,
                                                   QStringLiteral("Meet the attendance officer"),
                                                   {},
                                                   QStringLiteral("Sam Patel"),
                                                   today.addDays(-3),
                                                   ActionStatus::Open});
    QVERIFY2(action, qPrintable(action ? QString() : action.error().message));
    m_actionId = action->meta.id;

    TafPlan ashbyPlan;
    ashbyPlan.familyId = m_ashbys;
    ashbyPlan.startDate = today.addDays(-60);
    const Result<TafPlan> secondPlan = plans.createPlan(leadActor(), ashbyPlan);
    QVERIFY2(secondPlan, qPrintable(secondPlan ? QString() : secondPlan.error().message));
    PlanReview review;
    review.planId = secondPlan->meta.id;
    review.date = today.addDays(-25);
    review.nextReviewDate = today.addDays(3);
    const Result<PlanReview> storedReview = plans.createReview(leadActor(), review);
    QVERIFY2(storedReview, qPrintable(storedReview ? QString() : storedReview.error().message));

    Consent consent;
    consent.familyId = m_fenwicks;
    consent.subjectPersonId = personNamed(m_fenwicks, QStringLiteral("Amara"));
    consent.givenByPersonId = personNamed(m_fenwicks, QStringLiteral("Joanna"));
    QVERIFY(!consent.subjectPersonId.isEmpty() && !consent.givenByPersonId.isEmpty());
    consent.purposes = {QStringLiteral("TAF plan")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = today.addDays(-200);
    consent.reviewDate = today.addDays(-2);
    const Result<Consent> storedConsent = m_session->consents().createConsent(leadActor(), consent);
    QVERIFY2(storedConsent, qPrintable(storedConsent ? QString() : storedConsent.error().message));
}

void TestMyWork::groupsShowNamesAndDates() {
    writeCaseWork();
    const QDate today = m_session->today();

    MyWorkView view(m_session.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("myWorkTreeWidget"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 4);
    QCOMPARE(tree->topLevelItem(ReviewsDue)->text(0), QStringLiteral("Reviews overdue or due in the next 7 days (1)"));
    QCOMPARE(tree->topLevelItem(OverdueActions)->text(0), QStringLiteral("Overdue actions (1)"));
    QCOMPARE(tree->topLevelItem(ConsentsDue)->text(0), QStringLiteral("Consent due for review (1)"));

    QTreeWidgetItem* review = lineFor(tree, ReviewsDue, QStringLiteral("Ashby family"));
    QVERIFY(review);
    QCOMPARE(review->text(1), screenDate(today.addDays(3)));
    // The plural forms come from the translation file, so "day" is checked
    // without its ending.
    QVERIFY2(review->toolTip(1).startsWith(QStringLiteral("Due in 3 day")), qPrintable(review->toolTip(1)));

    QTreeWidgetItem* action = lineFor(tree, OverdueActions, QStringLiteral("Fenwick family"));
    QVERIFY(action);
    QCOMPARE(action->text(1), screenDate(today.addDays(-3)));
    QCOMPARE(action->text(2), QStringLiteral("Meet the attendance officer"));
    QVERIFY2(action->toolTip(1).startsWith(QStringLiteral("3 day")), qPrintable(action->toolTip(1)));
    QVERIFY2(action->toolTip(1).endsWith(QStringLiteral("overdue")), qPrintable(action->toolTip(1)));

    QTreeWidgetItem* consent = lineFor(tree, ConsentsDue, QStringLiteral("Fenwick family"));
    QVERIFY(consent);
    QCOMPARE(consent->text(1), screenDate(today.addDays(-2)));
    QVERIFY2(consent->text(2).contains(QStringLiteral("Amara Fenwick")), qPrintable(consent->text(2)));
    const QString amaraId = personNamed(m_fenwicks, QStringLiteral("Amara"));
    QVERIFY2(!consent->text(2).contains(amaraId), qPrintable(consent->text(2)));

    // The Haddads have no plan, and both families with a plan are left out.
    QVERIFY(lineFor(tree, FamiliesWithoutPlan, QStringLiteral("Haddad family")));
    QVERIFY(!lineFor(tree, FamiliesWithoutPlan, QStringLiteral("Fenwick family")));
    QVERIFY(!lineFor(tree, FamiliesWithoutPlan, QStringLiteral("Ashby family")));

    // Completing the action takes it off the list at the next refresh.
    Result<PlanAction> done = m_session->plans().action(m_actionId);
    QVERIFY(done);
    done->status = ActionStatus::Done;
    QVERIFY(m_session->plans().updateAction(leadActor(), *done));
    view.refresh();
    QCOMPARE(tree->topLevelItem(OverdueActions)->text(0), QStringLiteral("Overdue actions (0)"));
    QVERIFY(!lineFor(tree, OverdueActions, QStringLiteral("Fenwick family")));
}

void TestMyWork::activatingLineEmitsFamily() {
    writeCaseWork();
    MyWorkView view(m_session.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("myWorkTreeWidget"));
    QVERIFY(tree);
    QSignalSpy activated(&view, &MyWorkView::familyActivated);

    // The first line is current from the start, so the keyboard alone
    // reaches it: Enter opens the Ashbys' review.
    view.setFocus();
    QTRY_VERIFY(tree->hasFocus());
    QVERIFY(tree->currentItem());
    QCOMPARE(tree->currentItem()->text(0), QStringLiteral("Ashby family"));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), m_ashbys);

    // Down moves over the next group's title to the overdue action.
    QTest::keyClick(tree, Qt::Key_Down);
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(tree->currentItem(), lineFor(tree, OverdueActions, QStringLiteral("Fenwick family")));
    QTest::keyClick(tree, Qt::Key_Enter);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(0).toString(), m_fenwicks);

    QTreeWidgetItem* haddads = lineFor(tree, FamiliesWithoutPlan, QStringLiteral("Haddad family"));
    QVERIFY(haddads);
    tree->scrollToItem(haddads);
    const QPoint centre = tree->visualItemRect(haddads).center();
    // A double-click is a press and release followed by the double-click.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(activated.size(), 3);
    QCOMPARE(activated.at(2).at(0).toString(), m_haddads);

    // A group's title opens nothing.
    tree->setCurrentItem(tree->topLevelItem(ReviewsDue));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(activated.size(), 3);

    // A refresh keeps the current line.
    tree->setCurrentItem(haddads);
    view.refresh();
    QVERIFY(tree->currentItem());
    QCOMPARE(tree->currentItem()->text(0), QStringLiteral("Haddad family"));
}

void TestMyWork::emptyGroupsSaySo() {
    MyWorkView view(m_session.get());
    auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("myWorkTreeWidget"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItem(ReviewsDue)->text(0), QStringLiteral("Reviews overdue or due in the next 7 days (0)"));
    QCOMPARE(tree->topLevelItem(ReviewsDue)->childCount(), 1);
    QCOMPARE(tree->topLevelItem(ReviewsDue)->child(0)->text(0),
             QStringLiteral("No plan reviews are overdue or due in the next 7 days."));
    QCOMPARE(tree->topLevelItem(OverdueActions)->child(0)->text(0),
             QStringLiteral("No actions are overdue."));
    QCOMPARE(tree->topLevelItem(ConsentsDue)->child(0)->text(0),
             QStringLiteral("No consent is due for review in the next 7 days."));
    // Every imported family is open and has no plan yet.
    const Result<QList<FamilySummary>> families = m_session->directory().families();
    QVERIFY(families);
    QCOMPARE(tree->topLevelItem(FamiliesWithoutPlan)->childCount(), families->size());

    view.setSession(nullptr);
    QCOMPARE(tree->topLevelItemCount(), 0);
}

void TestMyWork::deletedNoteListedAndRestored() {
    CaseNote note;
    note.familyId = m_fenwicks;
    note.date = m_session->today();
    note.author = QStringLiteral("Sam Patel");
    note.type = QStringLiteral("home visit");
    note.text = QStringLiteral("Joanna says the morning routine is easier.");
    const Result<CaseNote> created = m_session->notes().create(leadActor(), note);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(m_session->notes().remove(leadActor(), created->meta.id));
    QVERIFY(!m_session->notes().get(created->meta.id));

    DeletedItemsDialog dialog(m_session.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("deletedItemsTreeWidget"));
    auto* restore = dialog.findChild<QPushButton*>(QStringLiteral("restoreButton"));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("deletedItemsStatusLabel"));
    auto* empty = dialog.findChild<QLabel*>(QStringLiteral("deletedItemsEmptyLabel"));
    QVERIFY(tree && restore && status && empty);

    QCOMPARE(tree->topLevelItemCount(), 1);
    QTreeWidgetItem* row = tree->topLevelItem(0);
    QCOMPARE(row->text(0), QStringLiteral("Case note"));
    QCOMPARE(row->text(1), QStringLiteral("Fenwick family"));
    QVERIFY2(row->text(2).contains(QStringLiteral("Joanna says the morning routine is easier.")),
             qPrintable(row->text(2)));
    QCOMPARE(row->text(3), screenDate(QDate::currentDate()));
    QVERIFY2(row->text(4).startsWith(QStringLiteral("30 day")), qPrintable(row->text(4)));
    QCOMPARE(tree->currentItem(), row);
    QVERIFY(restore->isEnabled());

    QSignalSpy changed(m_session.get(), &CaseSession::familyChanged);
    QTest::mouseClick(restore, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), m_fenwicks);
    QVERIFY2(status->text().startsWith(QStringLiteral("Restored to")), qPrintable(status->text()));

    const Result<CaseNote> restored = m_session->notes().get(created->meta.id);
    QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message));
    QCOMPARE(restored->text, note.text);
    const Result<QList<CaseNote>> chronology = m_session->notes().chronology(m_fenwicks);
    QVERIFY(chronology);
    QCOMPARE(chronology->size(), 1);

    QCOMPARE(tree->topLevelItemCount(), 0);
    QVERIFY(empty->isVisible());
    QVERIFY(!restore->isEnabled());
}

void TestMyWork::readOnlyRoleCannotRestore() {
    // A second store whose session belongs to a read-only user. The lead
    // writes and deletes the note through the same repositories.
    m_session.reset();
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir.filePath(QStringLiteral("readonly.ehstore")));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), readOnlyActor());
    const QString ashbys = familyNamed(QStringLiteral("Ashby family"));
    QVERIFY(!ashbys.isEmpty());

    CaseNote note;
    note.familyId = ashbys;
    note.date = m_session->today();
    note.author = QStringLiteral("Sam Patel");
    note.type = QStringLiteral("phone call");
    note.text = QStringLiteral("Rowan's grandmother called.");
    const Result<CaseNote> created = m_session->notes().create(leadActor(), note);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(m_session->notes().remove(leadActor(), created->meta.id));

    DeletedItemsDialog dialog(m_session.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* tree = dialog.findChild<QTreeWidget*>(QStringLiteral("deletedItemsTreeWidget"));
    auto* restore = dialog.findChild<QPushButton*>(QStringLiteral("restoreButton"));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("deletedItemsStatusLabel"));
    QVERIFY(tree && restore && status);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QVERIFY(!restore->isEnabled());
    QCOMPARE(status->text(), QStringLiteral("Your role may see deleted records but not restore them."));

    // Enter, the default button's key, restores nothing either.
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Return);
    QVERIFY(!m_session->notes().get(created->meta.id));
}

QTEST_MAIN(TestMyWork)
#include "tst_mywork.moc"
