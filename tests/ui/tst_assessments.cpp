// The Assessments tab of the family view and the assessment editor, driven
// as a caseworker would on real widgets over a real encrypted store. The
// tests record an assessment, undo edits, leave with unsaved changes, meet
// core's rejections, delete, and read as a user who may not edit.

#include <functional>
#include <memory>

#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include "cases/casedirectory.h"
#include "casework/assessmentrepository.h"
#include "casework/headings.h"
#include "store/store.h"
#include "ui/assessmenteditor.h"
#include "ui/assessmentspage.h"
#include "ui/casesession.h"
#include "ui/familyview.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

// A date in the previous month, on the 15th, so that stepping its day down
// or up by one keeps it in the past whatever today is.
QDate lastMonthOnThe15th() {
    const QDate today = QDate::currentDate();
    return QDate(today.year(), today.month(), 15).addMonths(-1);
}

// The Fenwick family's id in store.
QString fenwickFamilyId(Store& store) {
    Result<QList<FamilySummary>> families = CaseDirectory(store).families(QStringLiteral("Fenwick"));
    if (!families || families->size() != 1)
        return {};
    return families->first().id;
}

Assessment sampleAssessment(const QString& familyId) {
    Assessment assessment;
    assessment.familyId = familyId;
    assessment.assessor = QStringLiteral("Sam Patel");
    assessment.date = lastMonthOnThe15th();
    assessment.childVoice = QStringLiteral("Amara says mornings are rushed.");
    assessment.familyVoice = QStringLiteral("Joanna would like help with the rent arrears.");
    assessment.needs = {
        {SupportingFamiliesHeading::Education, QStringLiteral("Reads at home."),
         QStringLiteral("Late twice a week."), 2},
        {SupportingFamiliesHeading::Housing, QStringLiteral("Settled tenancy."),
         QStringLiteral("Rent arrears."), 3},
    };
    return assessment;
}

// The value of every field of the editor, by object name.
QVariantMap fieldValues(const QWidget* editor) {
    QVariantMap values;
    for (QWidget* widget : editor->findChildren<QWidget*>()) {
        // Qt's own parts, such as a spin box's line edit, are not fields.
        if (widget->objectName().isEmpty() || widget->objectName().startsWith(u"qt_"))
            continue;
        if (auto* line = qobject_cast<QLineEdit*>(widget))
            values.insert(line->objectName(), line->text());
        else if (auto* date = qobject_cast<QDateEdit*>(widget))
            values.insert(date->objectName(), date->date());
        else if (auto* spin = qobject_cast<QSpinBox*>(widget))
            values.insert(spin->objectName(), spin->value());
        else if (auto* text = qobject_cast<QPlainTextEdit*>(widget))
            values.insert(text->objectName(), text->toPlainText());
        else if (auto* box = qobject_cast<QCheckBox*>(widget))
            values.insert(box->objectName(), box->isChecked());
    }
    return values;
}

// Lists the names of the fields whose values differ between two snapshots.
QStringList differingFields(const QVariantMap& expected, const QVariantMap& actual) {
    QStringList names;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (actual.value(it.key()) != it.value())
            names += it.key();
    }
    return names;
}

// Answers the next unsaved-changes question with button, once it is shown.
// EditorDialog shows the question with exec(), so the answer comes from a timer that runs
// inside that event loop. seen is set when the question was answered.
void answerUnsavedChanges(QMessageBox::StandardButton button, bool* seen, int attemptsLeft = 200) {
    QTimer::singleShot(10, qApp, [=] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != u"unsavedChangesMessageBox") {
            if (attemptsLeft > 0)
                answerUnsavedChanges(button, seen, attemptsLeft - 1);
            return;
        }
        *seen = true;
        box->button(button)->click();
    });
}

// Replaces the text of a line edit or spin box the way a user would: select
// everything, then type.
void retype(QWidget* field, const QString& text) {
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(field, Qt::Key_Backspace);
    else
        QTest::keyClicks(field, text);
}

// Types lines into a text edit with Return between them.
void typeLines(QWidget* edit, const QStringList& lines) {
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, lines.at(i));
    }
}

// Types date into a date edit whose maximum is today. QDateEdit rejects a
// keystroke that takes the date past its maximum, even for a moment, so
// typing "28/11" over 04/12 fails at the "8". Typing the year, then the
// month, then the day keeps every step in the past.
void typeDate(QDateEdit* edit, const QDate& date) {
    edit->setFocus();
    edit->setSelectedSection(QDateTimeEdit::YearSection);
    QTest::keyClicks(edit, date.toString(QStringLiteral("yyyy")));
    edit->setSelectedSection(QDateTimeEdit::MonthSection);
    QTest::keyClicks(edit, date.toString(QStringLiteral("MM")));
    edit->setSelectedSection(QDateTimeEdit::DaySection);
    QTest::keyClicks(edit, date.toString(QStringLiteral("dd")));
}

// Selects heading in the editor's list with the keyboard.
void chooseHeading(QWidget* editor, SupportingFamiliesHeading heading) {
    auto* list = child<QListWidget>(editor, QStringLiteral("headingsListWidget"));
    QVERIFY(list);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home);
    const int row = static_cast<int>(heading);
    for (int i = 0; i < row; ++i)
        QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentRow(), row);
}

// The family view of one test: a real store with the imported pupils, a
// session for actor, and the Fenwick family shown on the Assessments tab.
// The session's change reports reach the view as MainWindow passes them on.
struct FamilyHarness {
    QTemporaryDir dir;
    std::unique_ptr<CaseSession> session;
    std::unique_ptr<FamilyView> view;
    QString familyId;
    AssessmentsPage* page = nullptr;
    QTreeWidget* list = nullptr;

    [[nodiscard]] QList<Assessment> stored() const {
        Result<QList<Assessment>> assessments = session->assessments().listForFamily(familyId);
        return assessments ? *assessments : QList<Assessment>{};
    }
};

// Sets up harness for actor. seed, when given, writes to the store before
// the family is shown.
void openFenwickFamily(FamilyHarness& harness, const access::Actor& actor,
                       const std::function<void(Store&, const QString&)>& seed = {}) {
    QVERIFY(harness.dir.isValid());
    Result<std::unique_ptr<Store>> store =
        makeCaseStore(harness.dir.filePath(QStringLiteral("case.ehstore")));
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    harness.familyId = fenwickFamilyId(**store);
    QVERIFY(!harness.familyId.isEmpty());
    if (seed)
        seed(**store, harness.familyId);

    harness.session = std::make_unique<CaseSession>(std::move(*store), actor);
    harness.view = std::make_unique<FamilyView>();
    harness.view->setSession(harness.session.get());
    QObject::connect(harness.session.get(), &CaseSession::familyChanged, harness.view.get(),
                     [view = harness.view.get()](const QString& familyId) {
                         if (familyId == view->familyId())
                             view->reload();
                     });
    Result<FamilyDetail> detail = harness.session->directory().family(harness.familyId);
    QVERIFY2(detail, detail ? "" : qPrintable(detail.error().message));
    harness.view->showFamily(*detail);

    harness.page = child<AssessmentsPage>(harness.view.get(), QStringLiteral("assessmentsPage"));
    QVERIFY(harness.page);
    child<QTabWidget>(harness.view.get(), QStringLiteral("familyTabWidget"))->setCurrentWidget(harness.page);
    harness.list = child<QTreeWidget>(harness.page, QStringLiteral("assessmentsTreeWidget"));
    QVERIFY(harness.list);
    harness.view->resize(1200, 760);
    harness.view->show();
    QVERIFY(QTest::qWaitForWindowExposed(harness.view.get()));
}

void seedSample(Store& store, const QString& familyId) {
    Result<Assessment> created = AssessmentRepository(store).create(leadActor(), sampleAssessment(familyId));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
}

// Waits for the page's editor to open, activates it and returns it, or
// returns nullptr.
AssessmentEditor* waitForEditor(AssessmentsPage* page) {
    AssessmentEditor* editor = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        editor = page->findChild<AssessmentEditor*>(QStringLiteral("assessmentEditor"));
        return editor && editor->isVisible();
    });
    if (!shown)
        return nullptr;
    // The offscreen platform has no window manager to activate a new window.
    editor->activateWindow();
    return QTest::qWaitForWindowActive(editor) ? editor : nullptr;
}

QPushButton* saveButton(QWidget* editor) {
    return child<QDialogButtonBox>(editor, QStringLiteral("editorButtonBox"))->button(QDialogButtonBox::Save);
}

} // namespace

class TestAssessments : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void newAssessmentIsStoredAsTyped();
    void undoRestoresLoadedValues();
    void unsavedChangesPrompt();
    void coreRejectionIsShown();
    void deleteAsksAndTombstones();
    void readOnlyUserCannotChange();
    void lockingClosesModifiedEditor();
    void lockingWhileAskingAboutUnsavedChanges();
};

void TestAssessments::initTestCase() {
    // The plural forms ("%n day(s)") come from the translation file.
    installTranslations(*QCoreApplication::instance());
}

void TestAssessments::newAssessmentIsStoredAsTyped() {
    FamilyHarness harness;
    openFenwickFamily(harness, leadActor());
    if (QTest::currentTestFailed())
        return;

    auto* emptyLabel = child<QLabel>(harness.page, QStringLiteral("assessmentsEmptyLabel"));
    QVERIFY(emptyLabel->isVisible());
    QVERIFY2(emptyLabel->text().contains(QStringLiteral("No assessment")), qPrintable(emptyLabel->text()));
    QVERIFY(!harness.list->isVisible());

    QTest::mouseClick(child<QPushButton>(harness.page, QStringLiteral("newAssessmentPushButton")),
                      Qt::LeftButton);
    QPointer<AssessmentEditor> editor = waitForEditor(harness.page);
    QVERIFY(editor);

    // A new assessment starts with the user's name and today's date.
    auto* assessor = child<QLineEdit>(editor, QStringLiteral("assessorLineEdit"));
    auto* date = child<QDateEdit>(editor, QStringLiteral("assessmentDateEdit"));
    QCOMPARE(assessor->text(), leadActor().user);
    QCOMPARE(date->date(), harness.session->today());
    QCOMPARE(date->displayFormat(), QStringLiteral("dd/MM/yyyy"));
    QVERIFY(date->calendarPopup());
    // A date typed day first is taken as typed, whatever today is.
    const QDate typed = harness.session->today().addDays(-40);
    date->setFocus();
    date->setSelectedSection(QDateTimeEdit::DaySection);
    QTest::keyClicks(date, typed.toString(QStringLiteral("ddMMyyyy")));
    QCOMPARE(date->date(), typed);
    date->setDate(harness.session->today());

    retype(assessor, QStringLiteral("Priya Shah"));
    const QDate assessedOn = lastMonthOnThe15th();
    typeDate(date, assessedOn);
    QCOMPARE(date->date(), assessedOn);

    chooseHeading(editor, SupportingFamiliesHeading::Housing);
    auto* housingAssessed = child<QCheckBox>(editor, QStringLiteral("housingAssessedCheckBox"));
    auto* housingScore = child<QSpinBox>(editor, QStringLiteral("housingScoreSpinBox"));
    QVERIFY(housingAssessed->isVisible());
    QVERIFY(!housingScore->isEnabled());
    housingAssessed->setFocus();
    QTest::keyClick(housingAssessed, Qt::Key_Space);
    QVERIFY(housingAssessed->isChecked());
    QVERIFY(housingScore->isEnabled());
    retype(housingScore, QStringLiteral("5"));
    QTest::keyClicks(child<QPlainTextEdit>(editor, QStringLiteral("housingStrengthsPlainTextEdit")),
                     QStringLiteral("Joanna keeps in touch with the landlord."));
    typeLines(child<QPlainTextEdit>(editor, QStringLiteral("housingNeedsPlainTextEdit")),
              {QStringLiteral("Notice to quit served."), QStringLiteral("Bedroom damp.")});

    chooseHeading(editor, SupportingFamiliesHeading::Education);
    auto* educationAssessed = child<QCheckBox>(editor, QStringLiteral("educationAssessedCheckBox"));
    educationAssessed->setFocus();
    QTest::keyClick(educationAssessed, Qt::Key_Space);
    retype(child<QSpinBox>(editor, QStringLiteral("educationScoreSpinBox")), QStringLiteral("2"));
    QTest::keyClicks(child<QPlainTextEdit>(editor, QStringLiteral("educationStrengthsPlainTextEdit")),
                     QStringLiteral("Amara enjoys reading."));

    QTest::keyClicks(child<QPlainTextEdit>(editor, QStringLiteral("childVoicePlainTextEdit")),
                     QStringLiteral("I worry we will have to move."));
    QTest::keyClicks(child<QPlainTextEdit>(editor, QStringLiteral("familyVoicePlainTextEdit")),
                     QStringLiteral("We need help talking to the council."));
    QVERIFY(editor->isModified());

    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY(editor.isNull());

    // Core reads back exactly what was typed.
    const QList<Assessment> stored = harness.stored();
    QCOMPARE(stored.size(), 1);
    const Assessment& assessment = stored.first();
    QCOMPARE(assessment.assessor, QStringLiteral("Priya Shah"));
    QCOMPARE(assessment.date, assessedOn);
    QCOMPARE(assessment.childVoice, QStringLiteral("I worry we will have to move."));
    QCOMPARE(assessment.familyVoice, QStringLiteral("We need help talking to the council."));
    const QList<AssessmentNeed> expectedNeeds{
        {SupportingFamiliesHeading::Education, QStringLiteral("Amara enjoys reading."), QString(), 2},
        {SupportingFamiliesHeading::Housing, QStringLiteral("Joanna keeps in touch with the landlord."),
         QStringLiteral("Notice to quit served.\nBedroom damp."), 5},
    };
    QCOMPARE(assessment.needs, expectedNeeds);

    // The page lists it with the heading scored 5, and shows its detail.
    QTRY_COMPARE(harness.list->topLevelItemCount(), 1);
    QVERIFY(harness.list->isVisible());
    QVERIFY(!emptyLabel->isVisible());
    const QTreeWidgetItem* row = harness.list->topLevelItem(0);
    QCOMPARE(row->text(0), assessedOn.toString(QStringLiteral("dd/MM/yyyy")));
    QCOMPARE(row->text(1), QStringLiteral("Priya Shah"));
    QCOMPARE(row->text(2), QStringLiteral("Secure housing (5)"));
    const QString detail =
        child<QTextBrowser>(harness.page, QStringLiteral("assessmentDetailTextBrowser"))->toPlainText();
    QVERIFY2(detail.contains(QStringLiteral("Bedroom damp.")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("I worry we will have to move.")), qPrintable(detail));

    // Enter on the list opens it again with the stored values.
    harness.list->setFocus();
    QTest::keyClick(harness.list, Qt::Key_Return);
    editor = waitForEditor(harness.page);
    QVERIFY(editor);
    QCOMPARE(child<QLineEdit>(editor, QStringLiteral("assessorLineEdit"))->text(),
             QStringLiteral("Priya Shah"));
    QCOMPARE(child<QSpinBox>(editor, QStringLiteral("housingScoreSpinBox"))->value(), 5);
    QCOMPARE(child<QPlainTextEdit>(editor, QStringLiteral("housingNeedsPlainTextEdit"))->toPlainText(),
             QStringLiteral("Notice to quit served.\nBedroom damp."));
    QVERIFY(!child<QCheckBox>(editor, QStringLiteral("crimeAssessedCheckBox"))->isChecked());
    QVERIFY(!editor->isModified());
    editor->reject();
    QTRY_VERIFY(editor.isNull());
}

void TestAssessments::undoRestoresLoadedValues() {
    FamilyHarness harness;
    openFenwickFamily(harness, leadActor(), seedSample);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(harness.list->topLevelItemCount(), 1);

    QTest::mouseClick(child<QPushButton>(harness.page, QStringLiteral("openAssessmentPushButton")),
                      Qt::LeftButton);
    QPointer<AssessmentEditor> editor = waitForEditor(harness.page);
    QVERIFY(editor);
    const QVariantMap loaded = fieldValues(editor);
    QCOMPARE(loaded.value(QStringLiteral("housingScoreSpinBox")), QVariant(3));
    QCOMPARE(loaded.value(QStringLiteral("assessmentDateEdit")), QVariant(lastMonthOnThe15th()));

    // Four edits: a text field, a score, the date and a tick.
    auto* childVoice = child<QPlainTextEdit>(editor, QStringLiteral("childVoicePlainTextEdit"));
    childVoice->setFocus();
    QTest::keyClick(childVoice, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(childVoice, QStringLiteral(" She likes breakfast club."));

    chooseHeading(editor, SupportingFamiliesHeading::Housing);
    retype(child<QSpinBox>(editor, QStringLiteral("housingScoreSpinBox")), QStringLiteral("4"));

    auto* date = child<QDateEdit>(editor, QStringLiteral("assessmentDateEdit"));
    date->setFocus();
    date->setSelectedSection(QDateTimeEdit::DaySection);
    QTest::keyClick(date, Qt::Key_Down);
    QCOMPARE(date->date(), lastMonthOnThe15th().addDays(-1));

    chooseHeading(editor, SupportingFamiliesHeading::Health);
    auto* healthAssessed = child<QCheckBox>(editor, QStringLiteral("healthAssessedCheckBox"));
    healthAssessed->setFocus();
    QTest::keyClick(healthAssessed, Qt::Key_Space);
    QVERIFY(healthAssessed->isChecked());

    const QVariantMap edited = fieldValues(editor);
    QCOMPARE(differingFields(loaded, edited).size(), 4);
    QCOMPARE(editor->undoStack()->count(), 4);

    // Ctrl+Z four times, each in the field that has the focus: undo moves
    // the focus to the field it restores.
    for (int step = 0; step < 4; ++step) {
        QWidget* focused = editor->focusWidget();
        QVERIFY(focused);
        QTest::keyClick(focused, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(differingFields(loaded, fieldValues(editor)).size(), 3 - step);
    }
    QVERIFY2(differingFields(loaded, fieldValues(editor)).isEmpty(),
             qPrintable(differingFields(loaded, fieldValues(editor)).join(u", ")));
    QVERIFY(!editor->isModified());
    // Undoing the tick disabled the heading's score again.
    QVERIFY(!child<QSpinBox>(editor, QStringLiteral("healthScoreSpinBox"))->isEnabled());

    // Ctrl+Shift+Z re-applies every edit.
    for (int step = 0; step < 4; ++step) {
        QWidget* focused = editor->focusWidget();
        QVERIFY(focused);
        QTest::keyClick(focused, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    }
    QVERIFY2(differingFields(edited, fieldValues(editor)).isEmpty(),
             qPrintable(differingFields(edited, fieldValues(editor)).join(u", ")));
    QVERIFY(editor->isModified());
    QVERIFY(child<QSpinBox>(editor, QStringLiteral("healthScoreSpinBox"))->isEnabled());

    // Nothing was written by editing alone.
    QCOMPARE(harness.stored().first().needs, sampleAssessment(harness.familyId).needs);
}

void TestAssessments::unsavedChangesPrompt() {
    FamilyHarness harness;
    openFenwickFamily(harness, leadActor());
    if (QTest::currentTestFailed())
        return;
    auto* newButton = child<QPushButton>(harness.page, QStringLiteral("newAssessmentPushButton"));

    // Discard closes without writing.
    QTest::mouseClick(newButton, Qt::LeftButton);
    QPointer<AssessmentEditor> editor = waitForEditor(harness.page);
    QVERIFY(editor);
    QTest::keyClicks(child<QPlainTextEdit>(editor, QStringLiteral("familyVoicePlainTextEdit")),
                     QStringLiteral("First draft"));
    bool answered = false;
    answerUnsavedChanges(QMessageBox::Discard, &answered);
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(answered);
    QTRY_VERIFY(editor.isNull());
    QVERIFY(harness.stored().isEmpty());

    // Cancel keeps the form open with its edits.
    QTest::mouseClick(newButton, Qt::LeftButton);
    editor = waitForEditor(harness.page);
    QVERIFY(editor);
    auto* familyVoice = child<QPlainTextEdit>(editor, QStringLiteral("familyVoicePlainTextEdit"));
    QTest::keyClicks(familyVoice, QStringLiteral("Second draft"));
    answered = false;
    answerUnsavedChanges(QMessageBox::Cancel, &answered);
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(answered);
    QVERIFY(!editor.isNull());
    QVERIFY(editor->isVisible());
    QCOMPARE(familyVoice->toPlainText(), QStringLiteral("Second draft"));
    QVERIFY(editor->isModified());
    QVERIFY(harness.stored().isEmpty());

    // Save writes, then closes.
    answered = false;
    answerUnsavedChanges(QMessageBox::Save, &answered);
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(answered);
    QTRY_VERIFY(editor.isNull());
    const QList<Assessment> stored = harness.stored();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().familyVoice, QStringLiteral("Second draft"));
    QTRY_COMPARE(harness.list->topLevelItemCount(), 1);
}

void TestAssessments::coreRejectionIsShown() {
    FamilyHarness harness;
    openFenwickFamily(harness, leadActor());
    if (QTest::currentTestFailed())
        return;

    QTest::mouseClick(child<QPushButton>(harness.page, QStringLiteral("newAssessmentPushButton")),
                      Qt::LeftButton);
    QPointer<AssessmentEditor> editor = waitForEditor(harness.page);
    QVERIFY(editor);
    auto* errorLabel = child<QLabel>(editor, QStringLiteral("editorErrorLabel"));
    QVERIFY(!errorLabel->isVisible());

    // No assessor.
    retype(child<QLineEdit>(editor, QStringLiteral("assessorLineEdit")), QString());
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    Assessment withoutAssessor;
    withoutAssessor.familyId = harness.familyId;
    withoutAssessor.date = harness.session->today();
    const Status assessorError = AssessmentRepository::validate(withoutAssessor, harness.session->today());
    QVERIFY(!assessorError);
    QVERIFY(editor->isVisible());
    QVERIFY(errorLabel->isVisible());
    QCOMPARE(errorLabel->text(), assessorError.error().message);
    QVERIFY(harness.stored().isEmpty());

    // An assessed heading left without a score.
    retype(child<QLineEdit>(editor, QStringLiteral("assessorLineEdit")), QStringLiteral("Sam Patel"));
    chooseHeading(editor, SupportingFamiliesHeading::Crime);
    auto* crimeAssessed = child<QCheckBox>(editor, QStringLiteral("crimeAssessedCheckBox"));
    crimeAssessed->setFocus();
    QTest::keyClick(crimeAssessed, Qt::Key_Space);
    QCOMPARE(child<QSpinBox>(editor, QStringLiteral("crimeScoreSpinBox"))->text(),
             QStringLiteral("Not scored"));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    Assessment unscored = withoutAssessor;
    unscored.assessor = QStringLiteral("Sam Patel");
    unscored.needs = {{SupportingFamiliesHeading::Crime, QString(), QString(), 0}};
    const Status scoreError = AssessmentRepository::validate(unscored, harness.session->today());
    QVERIFY(!scoreError);
    QVERIFY(editor->isVisible());
    QCOMPARE(errorLabel->text(), scoreError.error().message);
    QVERIFY(harness.stored().isEmpty());

    // With a score the same form saves.
    retype(child<QSpinBox>(editor, QStringLiteral("crimeScoreSpinBox")), QStringLiteral("1"));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY(editor.isNull());
    QCOMPARE(harness.stored().size(), 1);
}

void TestAssessments::deleteAsksAndTombstones() {
    FamilyHarness harness;
    openFenwickFamily(harness, leadActor(), [](Store& store, const QString& familyId) {
        Assessment older = sampleAssessment(familyId);
        older.date = older.date.addDays(-7);
        older.assessor = QStringLiteral("Alex Moore");
        QVERIFY(AssessmentRepository(store).create(leadActor(), older));
        QVERIFY(AssessmentRepository(store).create(leadActor(), sampleAssessment(familyId)));
    });
    if (QTest::currentTestFailed())
        return;

    // The list is newest first. Select the older one.
    QTRY_COMPARE(harness.list->topLevelItemCount(), 2);
    QCOMPARE(harness.list->topLevelItem(0)->text(1), QStringLiteral("Sam Patel"));
    QCOMPARE(harness.list->topLevelItem(1)->text(1), QStringLiteral("Alex Moore"));
    harness.list->setFocus();
    QTest::keyClick(harness.list, Qt::Key_Down);
    QCOMPARE(harness.list->currentItem(), harness.list->topLevelItem(1));
    const QString olderId = harness.stored().at(1).meta.id;

    // A reload keeps the selection.
    harness.session->notifyFamilyChanged(harness.familyId);
    QCOMPARE(harness.list->currentItem()->text(1), QStringLiteral("Alex Moore"));

    // The Delete key asks for confirmation first, and Cancel deletes nothing.
    harness.list->setFocus();
    QTest::keyClick(harness.list, Qt::Key_Delete);
    QMessageBox* question = nullptr;
    QTRY_VERIFY(
        (question = harness.page->findChild<QMessageBox*>(QStringLiteral("deleteAssessmentMessageBox"))));
    QVERIFY2(question->text().contains(QStringLiteral("Alex Moore")), qPrintable(question->text()));
    // "30 day(s)" reads "30 days" once the translation file lists the new
    // plural form.
    QVERIFY2(question->informativeText().contains(QStringLiteral("Case › Deleted Items for 30 day")),
             qPrintable(question->informativeText()));
    question->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!harness.page->findChild<QMessageBox*>(QStringLiteral("deleteAssessmentMessageBox")));
    QCOMPARE(harness.stored().size(), 2);

    // Confirming marks it deleted, and core can restore it.
    QTest::mouseClick(child<QPushButton>(harness.page, QStringLiteral("deleteAssessmentPushButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(
        (question = harness.page->findChild<QMessageBox*>(QStringLiteral("deleteAssessmentMessageBox"))));
    child<QPushButton>(question, QStringLiteral("confirmDeletePushButton"))->click();
    QTRY_COMPARE(harness.list->topLevelItemCount(), 1);
    QCOMPARE(harness.stored().size(), 1);
    const Result<Assessment> deleted = harness.session->assessments().get(olderId);
    QVERIFY(!deleted);
    QCOMPARE(deleted.error().code, ErrorCode::NotFound);
    QVERIFY(harness.session->assessments().restore(leadActor(), olderId));
    QCOMPARE(harness.stored().size(), 2);
}

void TestAssessments::readOnlyUserCannotChange() {
    FamilyHarness harness;
    openFenwickFamily(harness, readOnlyActor(), seedSample);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(harness.list->topLevelItemCount(), 1);

    QVERIFY(!child<QPushButton>(harness.page, QStringLiteral("newAssessmentPushButton"))->isEnabled());
    QVERIFY(!child<QPushButton>(harness.page, QStringLiteral("deleteAssessmentPushButton"))->isEnabled());
    QVERIFY(child<QPushButton>(harness.page, QStringLiteral("openAssessmentPushButton"))->isEnabled());

    // The Delete key shows no confirmation.
    harness.list->setFocus();
    QTest::keyClick(harness.list, Qt::Key_Delete);
    QVERIFY(!harness.page->findChild<QMessageBox*>(QStringLiteral("deleteAssessmentMessageBox")));

    // The editor shows the assessment read-only.
    QTest::keyClick(harness.list, Qt::Key_Return);
    QPointer<AssessmentEditor> editor = waitForEditor(harness.page);
    QVERIFY(editor);
    QCOMPARE(child<QSpinBox>(editor, QStringLiteral("housingScoreSpinBox"))->value(), 3);
    const QVariantMap fields = fieldValues(editor);
    QCOMPARE(fields.size(), 4 + 4 * 10);
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        QVERIFY2(!child<QWidget>(editor, it.key())->isEnabled(), qPrintable(it.key()));
    QVERIFY(!saveButton(editor)->isEnabled());
    QVERIFY(child<QLabel>(editor, QStringLiteral("readOnlyLabel"))->isVisible());
    editor->reject();
    QTRY_VERIFY(editor.isNull());

    // Core rejects a write by this user and stores nothing.
    Assessment attempt = sampleAssessment(harness.familyId);
    attempt.assessor = readOnlyActor().user;
    const Result<Assessment> created = harness.session->assessments().create(readOnlyActor(), attempt);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(harness.stored().size(), 1);
}

void TestAssessments::lockingClosesModifiedEditor() {
    FamilyHarness harness;
    openFenwickFamily(harness, leadActor());
    if (QTest::currentTestFailed())
        return;

    QTest::mouseClick(child<QPushButton>(harness.page, QStringLiteral("newAssessmentPushButton")),
                      Qt::LeftButton);
    QPointer<AssessmentEditor> editor = waitForEditor(harness.page);
    QVERIFY(editor);
    QTest::keyClicks(child<QPlainTextEdit>(editor, QStringLiteral("childVoicePlainTextEdit")),
                     QStringLiteral("Not saved"));
    QVERIFY(editor->isModified());

    // What MainWindow does when it locks: clear the view, then end the session.
    harness.view->clear();
    harness.view->setSession(nullptr);
    harness.session.reset();
    QVERIFY(editor.isNull());
    QCOMPARE(harness.list->topLevelItemCount(), 0);
}

// The idle lock can fire while the unsaved-changes question waits for an
// answer; the editor and the question go, and nothing touches them after.
void TestAssessments::lockingWhileAskingAboutUnsavedChanges() {
    FamilyHarness harness;
    openFenwickFamily(harness, leadActor());
    if (QTest::currentTestFailed())
        return;

    QTest::mouseClick(child<QPushButton>(harness.page, QStringLiteral("newAssessmentPushButton")),
                      Qt::LeftButton);
    QPointer<AssessmentEditor> editor = waitForEditor(harness.page);
    QVERIFY(editor);
    QTest::keyClicks(child<QPlainTextEdit>(editor, QStringLiteral("childVoicePlainTextEdit")),
                     QStringLiteral("Not saved"));

    bool lockedWhileAsking = false;
    std::function<void(int)> lockWhenAsked = [&](int attemptsLeft) {
        QTimer::singleShot(10, qApp, [&, attemptsLeft] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != u"unsavedChangesMessageBox") {
                if (attemptsLeft > 0)
                    lockWhenAsked(attemptsLeft - 1);
                return;
            }
            lockedWhileAsking = true;
            harness.view->clear();
            harness.view->setSession(nullptr);
            harness.session.reset();
        });
    };
    lockWhenAsked(200);
    QTest::keyClick(editor, Qt::Key_Escape);
    QVERIFY(lockedWhileAsking);
    QVERIFY(editor.isNull());
    QVERIFY(!QApplication::activeModalWidget());
}

QTEST_MAIN(TestAssessments)
#include "tst_assessments.moc"
