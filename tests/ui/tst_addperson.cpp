// Adding a person by hand, on real widgets over a real store with the
// fictional school imported. The suite covers field errors beside their
// fields, the list of possible duplicates, linking an existing person
// instead of adding one, and merging two records of one person.

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include "cases/casedirectory.h"
#include "cases/personrepository.h"
#include "store/store.h"
#include "ui/addpersondialog.h"
#include "ui/casesession.h"
#include "ui/familyview.h"
#include "ui/mainwindow.h"
#include "ui/mergepeopledialog.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

namespace {

// Saves a picture of widget when EARLYHELP_SCREENSHOT_DIR names a folder, so
// a reviewer can look at the dialogs in the states the tests reach.
void saveScreenshot(QWidget* widget, const QString& name) {
    const QString folder = qEnvironmentVariable("EARLYHELP_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    if (!widget->grab().save(QDir(folder).filePath(name + u".png")))
        qWarning("saving the screenshot %s failed", qPrintable(name));
}

} // namespace

class TestAddPerson : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void duplicateShownThenLinked();
    void duplicateConfirmedAddsPerson();
    void fieldErrorsBesideFields();
    void readOnlyRoleCannotAdd();
    void mergeDialogMergesDuplicate();
    void mainWindowOffersBothDialogs();

private:
    [[nodiscard]] int peopleCount() const;
    [[nodiscard]] QString familyIdOf(const QString& forename) const;
    [[nodiscard]] QStringList memberIds(const QString& familyId) const;
    // Opens the dialog from familyId and types Amara Fenwick's name and date
    // of birth, without a UPN.
    AddPersonDialog* openWithAmara(const QString& familyId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseSession> m_session;
};

void TestAddPerson::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestAddPerson::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir->filePath(u"people.ehstore"_s));
    QVERIFY2(store, qUtf8Printable(store ? QString() : store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());
}

void TestAddPerson::cleanup() {
    m_session.reset();
    m_dir.reset();
}

int TestAddPerson::peopleCount() const {
    Result<QList<PersonSummary>> people = m_session->directory().people();
    return people ? int(people->size()) : -1;
}

QString TestAddPerson::familyIdOf(const QString& forename) const {
    Result<QList<PersonSummary>> people = m_session->directory().people(forename);
    return people && !people->isEmpty() ? people->first().familyId : QString();
}

QStringList TestAddPerson::memberIds(const QString& familyId) const {
    QStringList ids;
    Result<FamilyDetail> family = m_session->directory().family(familyId);
    if (family) {
        for (const FamilyMember& member : std::as_const(family->members))
            ids += member.person.id;
    }
    return ids;
}

AddPersonDialog* TestAddPerson::openWithAmara(const QString& familyId) {
    auto* dialog = new AddPersonDialog(m_session.get(), familyId);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog))
        qWarning("the Add Person dialog was not shown");
    QTest::keyClicks(child<QLineEdit>(dialog, u"forenameLineEdit"_s), u"Amara"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"surnameLineEdit"_s), u"Fenwick"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"dateOfBirthLineEdit"_s), u"14/03/2016"_s);
    return dialog;
}

void TestAddPerson::duplicateShownThenLinked() {
    const QString ashbyFamily = familyIdOf(u"Rowan"_s);
    QVERIFY(!ashbyFamily.isEmpty());
    Result<QList<PersonSummary>> amara = m_session->directory().people(u"Amara"_s);
    QVERIFY(amara && amara->size() == 1);
    const QString amaraId = amara->first().id;
    const int before = peopleCount();

    QPointer<AddPersonDialog> dialog = openWithAmara(ashbyFamily);
    QCOMPARE(child<QComboBox>(dialog, u"familyComboBox"_s)->currentData().toString(), ashbyFamily);
    QTest::mouseClick(child<QPushButton>(dialog, u"addPushButton"_s), Qt::LeftButton);

    auto* duplicates = child<QGroupBox>(dialog, u"duplicatesGroupBox"_s);
    QTRY_VERIFY(duplicates->isVisible());
    auto* tree = child<QTreeWidget>(dialog, u"duplicatesTreeWidget"_s);
    QCOMPARE(tree->topLevelItemCount(), 1);
    const QTreeWidgetItem* row = tree->topLevelItem(0);
    QCOMPARE(row->text(0), u"Amara Fenwick"_s);
    QCOMPARE(row->text(1), u"14/03/2016"_s);
    QVERIFY(!row->text(2).isEmpty()); // her UPN from the import
    QVERIFY(row->text(3).contains(u"Fenwick"_s));
    QCOMPARE(row->text(4), u"same name and date of birth"_s);
    QVERIFY(dialog->isVisible());
    QCOMPARE(peopleCount(), before);
    saveScreenshot(dialog, u"add-person-duplicate"_s);

    QTest::mouseClick(child<QPushButton>(dialog, u"linkDuplicatePushButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(peopleCount(), before);
    QVERIFY(memberIds(ashbyFamily).contains(amaraId));
}

void TestAddPerson::duplicateConfirmedAddsPerson() {
    const QString fenwickFamily = familyIdOf(u"Amara"_s);
    QVERIFY(!fenwickFamily.isEmpty());
    const int before = peopleCount();
    const qsizetype membersBefore = memberIds(fenwickFamily).size();

    QPointer<AddPersonDialog> dialog = openWithAmara(fenwickFamily);
    QTest::mouseClick(child<QPushButton>(dialog, u"addPushButton"_s), Qt::LeftButton);
    QTRY_VERIFY(child<QGroupBox>(dialog, u"duplicatesGroupBox"_s)->isVisible());
    QCOMPARE(peopleCount(), before);

    QTest::mouseClick(child<QPushButton>(dialog, u"addAsNewPushButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(peopleCount(), before + 1);
    QCOMPARE(memberIds(fenwickFamily).size(), membersBefore + 1);
}

void TestAddPerson::fieldErrorsBesideFields() {
    const int before = peopleCount();
    auto* dialog = new AddPersonDialog(m_session.get(), QString());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClicks(child<QLineEdit>(dialog, u"forenameLineEdit"_s), u"Zara"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"dateOfBirthLineEdit"_s), u"14/03/16"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"nhsNumberLineEdit"_s), u"9434765918"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"addPushButton"_s), Qt::LeftButton);

    auto* surnameError = child<QLabel>(dialog, u"surnameErrorLabel"_s);
    auto* dateError = child<QLabel>(dialog, u"dateOfBirthErrorLabel"_s);
    auto* nhsError = child<QLabel>(dialog, u"nhsNumberErrorLabel"_s);
    QVERIFY(surnameError->isVisible());
    QVERIFY(dateError->isVisible());
    QVERIFY2(dateError->text().contains(u"14/03/16"_s), qUtf8Printable(dateError->text()));
    QVERIFY(nhsError->isVisible());
    QVERIFY(nhsError->text().contains(u"9434765918"_s));
    QVERIFY(!child<QLabel>(dialog, u"forenameErrorLabel"_s)->isVisible());
    QVERIFY(child<QLineEdit>(dialog, u"surnameLineEdit"_s)->hasFocus());
    QVERIFY(dialog->isVisible());
    QCOMPARE(peopleCount(), before);

    // Undo takes back the last edit, as in every editor.
    auto* nhsEdit = child<QLineEdit>(dialog, u"nhsNumberLineEdit"_s);
    nhsEdit->setFocus();
    QTest::keyClick(nhsEdit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(nhsEdit->text(), QString());
    delete dialog;
}

void TestAddPerson::readOnlyRoleCannotAdd() {
    // The same store, opened by a user whose role only reads.
    QTemporaryDir readOnlyDir;
    QVERIFY(readOnlyDir.isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(readOnlyDir.filePath(u"read-only.ehstore"_s));
    QVERIFY2(store, qUtf8Printable(store ? QString() : store.error().message));
    CaseSession session(std::move(*store), readOnlyActor());
    Result<QList<PersonSummary>> before = session.directory().people();
    QVERIFY(before);

    auto* dialog = new AddPersonDialog(&session, QString());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!child<QPushButton>(dialog, u"addPushButton"_s)->isEnabled());
    QVERIFY(!child<QLineEdit>(dialog, u"forenameLineEdit"_s)->isEnabled());
    QVERIFY(child<QLabel>(dialog, u"readOnlyLabel"_s)->isVisible());
    dialog->close();

    // Core rejects the write whatever the window allows.
    PersonRepository people(session.store());
    NewPerson person;
    person.forename = u"Robin"_s;
    person.surname = u"Reed"_s;
    Result<QString> added = people.addPerson(session.actor(), person);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::PermissionDenied);
    Result<QList<PersonSummary>> after = session.directory().people();
    QVERIFY(after);
    QCOMPARE(after->size(), before->size());
}

void TestAddPerson::mergeDialogMergesDuplicate() {
    // A second record of Amara, as a referral without her UPN would add it.
    PersonRepository people(m_session->store());
    NewPerson referral;
    referral.forename = u"Amara"_s;
    referral.surname = u"Fenwick"_s;
    referral.dateOfBirth = u"14/03/2016"_s;
    referral.nhsNumber = u"9434765919"_s;
    Result<QString> second = people.addPerson(leadActor(), referral);
    QVERIFY(second);
    Result<QList<PersonSummary>> amara = m_session->directory().people(u"Amara"_s);
    QVERIFY(amara && amara->size() == 2);
    const QString schoolRecord = amara->at(0).id == *second ? amara->at(1).id : amara->at(0).id;
    const int before = peopleCount();

    QPointer<MergePeopleDialog> dialog = new MergePeopleDialog(m_session.get(), schoolRecord);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    auto* candidates = child<QTreeWidget>(dialog, u"mergeCandidatesTreeWidget"_s);
    QCOMPARE(candidates->topLevelItemCount(), 1);
    QCOMPARE(candidates->topLevelItem(0)->data(0, Qt::UserRole).toString(), *second);
    candidates->setCurrentItem(candidates->topLevelItem(0));

    auto* table = child<QTableWidget>(dialog, u"mergeComparisonTableWidget"_s);
    QCOMPARE(table->columnCount(), 2);
    QStringList rowTexts;
    for (int row = 0; row < table->rowCount(); ++row)
        rowTexts += table->verticalHeaderItem(row)->text();
    const int nhsRow = int(rowTexts.indexOf(u"NHS number"_s));
    QVERIFY(nhsRow >= 0);
    QCOMPARE(table->item(nhsRow, 0)->text(), QString());
    QCOMPARE(table->item(nhsRow, 1)->text(), u"9434765919"_s);
    QVERIFY(child<QRadioButton>(dialog, u"keepFirstRadioButton"_s)->isChecked());
    auto* keepSecond = child<QRadioButton>(dialog, u"keepSecondRadioButton"_s);
    QVERIFY(keepSecond->text().contains(u"Amara Fenwick"_s));
    QTRY_VERIFY(keepSecond->width() >= keepSecond->sizeHint().width());
    saveScreenshot(dialog, u"merge-people"_s);

    auto* mergeButton = child<QPushButton>(dialog, u"mergePushButton"_s);
    QVERIFY(mergeButton->isEnabled());
    QTest::mouseClick(mergeButton, Qt::LeftButton);
    QMessageBox* question = nullptr;
    QTRY_VERIFY((question = dialog->findChild<QMessageBox*>(u"mergeConfirmMessageBox"_s)));
    QVERIFY(question->text().contains(u"record 2"_s));
    saveScreenshot(question, u"merge-people-confirm"_s);
    QCOMPARE(peopleCount(), before);
    QTest::mouseClick(child<QPushButton>(question, u"confirmMergePushButton"_s), Qt::LeftButton);

    QTRY_VERIFY(!dialog);
    QCOMPARE(peopleCount(), before - 1);
    Result<QList<PersonSummary>> found = m_session->directory().people(u"9434765919"_s);
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().id, schoolRecord);
}

void TestAddPerson::mainWindowOffersBothDialogs() {
    // The window takes its own store, set up like the session's.
    QTemporaryDir windowDir;
    QVERIFY(windowDir.isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(windowDir.filePath(u"window.ehstore"_s));
    QVERIFY2(store, qUtf8Printable(store ? QString() : store.error().message));
    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    MainWindow window(chooser);
    window.openSession(std::move(*store), leadActor());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* mergeAction = child<QAction>(&window, u"mergePersonAction"_s);
    QVERIFY(!mergeAction->isEnabled()); // no person chosen yet

    // Choosing Amara in the People list shows her family and allows a merge.
    auto* peopleView = child<QTreeView>(&window, u"peopleTreeView"_s);
    QTRY_VERIFY(peopleView->model()->rowCount() > 0);
    QModelIndex amara;
    for (int row = 0; row < peopleView->model()->rowCount(); ++row) {
        const QModelIndex index = peopleView->model()->index(row, 0);
        if (index.data().toString().startsWith(u"Amara"_s))
            amara = index;
    }
    QVERIFY(amara.isValid());
    peopleView->setCurrentIndex(amara);
    QTRY_VERIFY(mergeAction->isEnabled());
    QVERIFY(peopleView->actions().contains(mergeAction));
    const QString fenwickFamily = child<FamilyView>(&window, u"familyView"_s)->familyId();
    QVERIFY(!fenwickFamily.isEmpty());

    mergeAction->trigger();
    MergePeopleDialog* merge = nullptr;
    QTRY_VERIFY((merge = window.findChild<MergePeopleDialog*>(u"mergePeopleDialog"_s)));
    QVERIFY(child<QLabel>(merge, u"mergeIntroLabel"_s)->text().contains(u"Amara Fenwick"_s));
    merge->close();

    // Case › Add Person… preselects the family on show.
    auto* addAction = child<QAction>(&window, u"addPersonAction"_s);
    QCOMPARE(addAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    addAction->trigger();
    AddPersonDialog* add = nullptr;
    QTRY_VERIFY((add = window.findChild<AddPersonDialog*>(u"addPersonDialog"_s)));
    QCOMPARE(child<QComboBox>(add, u"familyComboBox"_s)->currentData().toString(), fenwickFamily);
    add->close();
}

QTEST_MAIN(TestAddPerson)
#include "tst_addperson.moc"
