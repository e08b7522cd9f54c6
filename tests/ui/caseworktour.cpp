// Drives the desktop app through one family's early help case, from the
// first concern to closure, and saves a numbered PNG of the screen at each
// step and of each editor while it is open and filled in. The user guide's
// screenshots come from it. A second part then signs the same school up to
// the Data Sharing Agreement in a new store, records consent for the
// children's trust and safeguarding only, and shows Share With… for that
// recipient and for health services. It checks what Share With… shows against
// the consent and stops with a message when they disagree. It is a tool for
// looking at the app, not a test: run it under Xvfb, e.g.
//   xvfb-run -a -s "-screen 0 1440x900x24" ./earlyhelp_casework_tour CTF_FILE OUTPUT_DIR
// CTF_FILE must contain the Warsame family (Hodan and Abdullahi Warsame,
// whose mother Faduma Ali has parental responsibility). Without it the tour
// stops at the first step with a message.

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <QTreeWidget>

#include <cstdlib>

#include "access/role.h"
#include "cases/casestore.h"
#include "casework/headings.h"
#include "import/ctfimporter.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/editordialog.h"
#include "ui/filechooser.h"
#include "ui/mainwindow.h"
#include "ui/sharedialog.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;

namespace {

QDir outputDir;
int shotNumber = 0;
QDate tourToday;

void settle() {
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(30);
    }
}

void shoot(const QString& name) {
    settle();
    const QString path = outputDir.filePath(
        QStringLiteral("%1-%2.png").arg(shotNumber + 1, 2, 10, QLatin1Char('0')).arg(name));
    ++shotNumber;
    if (!QGuiApplication::primaryScreen()->grabWindow(0).save(path))
        qWarning("could not save %s", qPrintable(path));
    else
        qInfo("saved %s", qPrintable(path));
}

// Stops the tour with a message naming the step that failed.
[[noreturn]] void fail(const QString& message) {
    qCritical("casework tour failed: %s", qPrintable(message));
    std::exit(1);
}

template <typename T> T* child(QObject* parent, const QString& objectName) {
    T* found = parent->findChild<T*>(objectName);
    if (!found)
        fail(QStringLiteral("no widget named %1").arg(objectName));
    return found;
}

// Returns the visible editor with objectName, waiting for it to open.
EditorDialog* openedEditor(QWidget* window, const QString& objectName) {
    EditorDialog* found = nullptr;
    const bool opened = QTest::qWaitFor([&] {
        found = window->findChild<EditorDialog*>(objectName);
        return found && found->isVisible();
    });
    if (!opened)
        fail(QStringLiteral("the editor %1 did not open").arg(objectName));
    found->activateWindow();
    settle();
    return found;
}

// Clicks Save and waits for the editor to close. A rejected save stops the
// tour with the message the editor shows.
void saveEditor(EditorDialog* editor) {
    QPointer<EditorDialog> guard(editor);
    auto* buttons = child<QDialogButtonBox>(editor, QStringLiteral("editorButtonBox"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return guard.isNull(); })) {
        const auto* error = editor->findChild<QLabel*>(QStringLiteral("editorErrorLabel"));
        fail(QStringLiteral("%1 was not saved: %2")
                 .arg(editor->objectName(), error ? error->text() : QStringLiteral("no message")));
    }
    settle();
}

void click(QWidget* parent, const QString& buttonName) {
    auto* button = child<QAbstractButton>(parent, buttonName);
    if (!button->isEnabled())
        fail(QStringLiteral("the button %1 is disabled").arg(buttonName));
    QTest::mouseClick(button, Qt::LeftButton);
}

// Types text into field key by key. QTest::keyClicks() maps only ASCII
// characters to keys, so other characters, such as typographic quotes, arrive as key events
// that carry the character as their text.
void typeInto(QWidget* field, const QString& text) {
    field->setFocus();
    for (const QChar character : text) {
        if (character.unicode() < 128)
            QTest::keyClick(field, character.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, field, Qt::Key_unknown, QString(character), Qt::NoModifier);
    }
}

void typeInto(QWidget* parent, const QString& fieldName, const QString& text) {
    typeInto(child<QWidget>(parent, fieldName), text);
}

void chooseText(QWidget* parent, const QString& comboName, const QString& text) {
    auto* combo = child<QComboBox>(parent, comboName);
    const int index = combo->findText(text, Qt::MatchStartsWith);
    if (index < 0)
        fail(QStringLiteral("%1 offers no “%2”").arg(comboName, text));
    combo->setCurrentIndex(index);
}

void check(QWidget* parent, const QString& checkBoxName) {
    auto* box = child<QCheckBox>(parent, checkBoxName);
    if (box->isChecked())
        return;
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Space);
    if (!box->isChecked())
        fail(QStringLiteral("%1 is still not checked after pressing Space").arg(checkBoxName));
}

// Returns the working day daysAgo days before today, moved back from a
// weekend to the Friday, so that school events fall on school days.
QDate workingDaysAgo(int daysAgo) {
    QDate date = tourToday.addDays(-daysAgo);
    while (date.dayOfWeek() > 5)
        date = date.addDays(-1);
    return date;
}

void setDate(QWidget* parent, const QString& dateEditName, QDate date) {
    child<QDateEdit>(parent, dateEditName)->setDate(date);
}

void showTab(QWidget* window, const QString& pageName) {
    auto* tabs = child<QTabWidget>(window, QStringLiteral("familyTabWidget"));
    tabs->setCurrentWidget(child<QWidget>(window, pageName));
    settle();
}

void selectPlanRow(QWidget* window, const QString& text) {
    auto* tree = child<QTreeWidget>(window, QStringLiteral("planTreeWidget"));
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->text(0).contains(text)) {
            tree->setCurrentItem(*it);
            return;
        }
    }
    fail(QStringLiteral("no plan row contains “%1”").arg(text));
}

// Sets up an encrypted store for the school that sent ctfPath, with Sam
// Patel as its designated safeguarding lead, and imports the file into it.
std::unique_ptr<Store> makeStore(const QString& storePath, const QString& ctfPath) {
    Result<CtfPreview> preview = previewCtf(ctfPath);
    if (!preview)
        fail(QStringLiteral("cannot read %1: %2").arg(ctfPath, preview.error().message));

    NewStoreRequest request;
    request.path = storePath;
    request.organisation.name = preview->document.header.sourceSchoolName;
    request.organisation.laCode = preview->document.header.sourceLea;
    request.organisation.estabNumber = preview->document.header.sourceEstab;
    request.organisation.dfeUrn = preview->document.header.sourceUrn;
    request.userName = uitest::leadActor().user;
    const QByteArray utf8 = QString::fromUtf16(uitest::testPassphrase).toUtf8();
    request.passphrase = SecretBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    Result<NewStore> created = setUpStore(std::move(request));
    if (!created)
        fail(QStringLiteral("cannot set up the store: %1").arg(created.error().message));

    Result<ImportSummary> imported = importCtf(*created->store, ctfPath);
    if (!imported)
        fail(QStringLiteral("cannot import %1: %2").arg(ctfPath, imported.error().message));
    qInfo("imported %d pupils from %s", imported->pupilsImported(), qPrintable(ctfPath));
    return std::move(created->store);
}

void openWarsameFamily(MainWindow* window) {
    child<QTabWidget>(window, QStringLiteral("listsTabWidget"))->setCurrentIndex(0);
    auto* search = child<QLineEdit>(window, QStringLiteral("familySearchLineEdit"));
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("Warsame"));
    QTest::qWait(400);
    QTest::keyClick(search, Qt::Key_Down);
    settle();
    if (!child<QLabel>(window, QStringLiteral("familyNameLabel"))->text().contains(QStringLiteral("Warsame")))
        fail(QStringLiteral("the Warsame family is not in the CTF file"));
}

void recordFirstConcern(MainWindow* window) {
    showTab(window, QStringLiteral("chronologyPage"));
    click(window, QStringLiteral("addNotePushButton"));
    EditorDialog* note = openedEditor(window, QStringLiteral("caseNoteEditor"));
    setDate(note, QStringLiteral("noteDateEdit"), workingDaysAgo(84));
    chooseText(note, QStringLiteral("noteTypeComboBox"), QStringLiteral("Concern"));
    chooseText(note, QStringLiteral("notePersonComboBox"), QStringLiteral("Hodan"));
    typeInto(
        note, QStringLiteral("noteTextEdit"),
        QStringLiteral("Class teacher Mrs Okonkwo reports that Hodan (Year 4) has been late on 6 of the "
                       "last 10 days, comes in tired and without breakfast, and cried when asked about "
                       "home. Her mother Faduma told the office last week that the family has moved into "
                       "temporary accommodation in Small Heath. Spoke to Hodan with her teacher: she "
                       "says the room is noisy and she looks after Abdullahi in the mornings."));
    check(note, QStringLiteral("significantCheckBox"));
    shoot(QStringLiteral("first-concern-note"));
    saveEditor(note);

    click(window, QStringLiteral("addNotePushButton"));
    note = openedEditor(window, QStringLiteral("caseNoteEditor"));
    setDate(note, QStringLiteral("noteDateEdit"), workingDaysAgo(80));
    chooseText(note, QStringLiteral("noteTypeComboBox"), QStringLiteral("Phone call"));
    chooseText(note, QStringLiteral("notePersonComboBox"), QStringLiteral("Faduma"));
    typeInto(note, QStringLiteral("noteTextEdit"),
             QStringLiteral("Phoned Faduma. She agreed to come into school on Thursday to talk about an "
                            "early help assessment and what support would help the family."));
    saveEditor(note);
}

void assignLeadPractitioner(MainWindow* window) {
    showTab(window, QStringLiteral("familyCasePage"));
    auto* lead = child<QLineEdit>(window, QStringLiteral("leadPractitionerLineEdit"));
    lead->selectAll();
    typeInto(lead, QStringLiteral("Sam Patel (DSL)"));
    click(window, QStringLiteral("updateLeadPushButton"));
    settle();
}

void recordAssessment(MainWindow* window) {
    showTab(window, QStringLiteral("assessmentsPage"));
    click(window, QStringLiteral("newAssessmentPushButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("assessmentEditor"));
    setDate(editor, QStringLiteral("assessmentDateEdit"), workingDaysAgo(73));

    struct HeadingInput {
        SupportingFamiliesHeading heading;
        int score;
        QString strengths;
        QString needs;
    };
    const QList<HeadingInput> inputs{
        {SupportingFamiliesHeading::Education, 3,
         QStringLiteral("Hodan is a keen reader and gets on well with her class."),
         QStringLiteral("Attendance 86% this term, late 6 of the last 10 days.")},
        {SupportingFamiliesHeading::FamilyRelationships, 2,
         QStringLiteral("Warm relationship between Faduma and both children."),
         QStringLiteral("Mornings are rushed; Hodan gets Abdullahi ready while Faduma works early "
                        "shifts.")},
        {SupportingFamiliesHeading::Housing, 4,
         QStringLiteral("Faduma is in touch with the housing officer."),
         QStringLiteral("One room in temporary accommodation, 40 minutes from school by bus.")},
    };
    auto* list = child<QListWidget>(editor, QStringLiteral("headingsListWidget"));
    for (const HeadingInput& input : inputs) {
        list->setCurrentRow(static_cast<int>(input.heading));
        const QString prefix = [&] {
            const QStringList words = headingCode(input.heading).toString().split(u'_');
            QString joined = words.first();
            for (qsizetype i = 1; i < words.size(); ++i)
                joined += words.at(i).left(1).toUpper() + words.at(i).mid(1);
            return joined;
        }();
        check(editor, prefix + u"AssessedCheckBox");
        child<QSpinBox>(editor, prefix + u"ScoreSpinBox")->setValue(input.score);
        typeInto(editor, prefix + u"StrengthsPlainTextEdit", input.strengths);
        typeInto(editor, prefix + u"NeedsPlainTextEdit", input.needs);
    }
    list->setCurrentRow(static_cast<int>(inputs.first().heading));
    typeInto(editor, QStringLiteral("childVoicePlainTextEdit"),
             QStringLiteral("Hodan: “I like school but I'm always late because the bus is slow.”"));
    typeInto(editor, QStringLiteral("familyVoicePlainTextEdit"),
             QStringLiteral("Faduma: “I want the children settled. I need help with the bus fares and the "
                            "housing list.”"));
    shoot(QStringLiteral("assessment-editor"));
    saveEditor(editor);
    shoot(QStringLiteral("assessments-tab"));
}

void recordConsent(MainWindow* window) {
    showTab(window, QStringLiteral("consentPage"));
    click(window, QStringLiteral("recordConsentButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("consentEditor"));
    chooseText(editor, QStringLiteral("subjectComboBox"), QStringLiteral("Hodan"));
    chooseText(editor, QStringLiteral("givenByComboBox"), QStringLiteral("Faduma"));
    for (const QString& name :
         {QStringLiteral("safeguardingPurposeCheckBox"), QStringLiteral("healthServicesPurposeCheckBox"),
          QStringLiteral("schoolRecipientCheckBox"), QStringLiteral("healthRecipientCheckBox"),
          QStringLiteral("localAuthorityRecipientCheckBox"), QStringLiteral("personalDataCheckBox")})
        check(editor, name);
    chooseText(editor, QStringLiteral("methodComboBox"), QStringLiteral("Written"));
    setDate(editor, QStringLiteral("givenDateEdit"), workingDaysAgo(73));
    check(editor, QStringLiteral("reviewCheckBox"));
    setDate(editor, QStringLiteral("reviewDateEdit"), workingDaysAgo(73).addYears(1));
    shoot(QStringLiteral("consent-editor"));
    saveEditor(editor);
    shoot(QStringLiteral("consent-tab"));
}

void addGoal(MainWindow* window, SupportingFamiliesHeading heading, const QString& description, bool shot) {
    click(window, QStringLiteral("addGoalPushButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("goalEditorDialog"));
    chooseText(editor, QStringLiteral("goalHeadingComboBox"), headingLabel(heading));
    typeInto(editor, QStringLiteral("goalDescriptionEdit"), description);
    child<QComboBox>(editor, QStringLiteral("goalAssessmentComboBox"))->setCurrentIndex(1);
    if (shot)
        shoot(QStringLiteral("goal-editor"));
    saveEditor(editor);
}

struct ActionInput {
    QString goal;
    QString description;
    bool schoolOwns;
    QString owner;
    int dueDaysAgo;
};

void addAction(MainWindow* window, const ActionInput& input, bool shot) {
    selectPlanRow(window, input.goal);
    click(window, QStringLiteral("addActionPushButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("actionEditorDialog"));
    typeInto(editor, QStringLiteral("actionDescriptionLineEdit"), input.description);
    child<QComboBox>(editor, QStringLiteral("actionOwnerOrganisationComboBox"))
        ->setCurrentIndex(input.schoolOwns ? 1 : 0);
    typeInto(editor, QStringLiteral("actionOwnerPersonLineEdit"), input.owner);
    check(editor, QStringLiteral("actionDueDateCheckBox"));
    setDate(editor, QStringLiteral("actionDueDateEdit"), workingDaysAgo(input.dueDaysAgo));
    if (shot)
        shoot(QStringLiteral("action-editor"));
    saveEditor(editor);
}

void markActionDone(MainWindow* window, const QString& description) {
    selectPlanRow(window, description);
    auto* tree = child<QTreeWidget>(window, QStringLiteral("planTreeWidget"));
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Return);
    EditorDialog* editor = openedEditor(window, QStringLiteral("actionEditorDialog"));
    chooseText(editor, QStringLiteral("actionStatusComboBox"), QStringLiteral("Done"));
    saveEditor(editor);
}

const QString attendanceGoal = QStringLiteral("Hodan arrives on time every day and attendance is above 95%");
const QString morningsGoal = QStringLiteral("Calm, shared mornings so Hodan is not caring for her brother");

void startPlan(MainWindow* window) {
    showTab(window, QStringLiteral("planPage"));
    click(window, QStringLiteral("startPlanEmptyPushButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("planEditorDialog"));
    setDate(editor, QStringLiteral("planStartDateEdit"), workingDaysAgo(66));
    saveEditor(editor);

    addGoal(window, SupportingFamiliesHeading::Education, attendanceGoal, true);
    addGoal(window, SupportingFamiliesHeading::FamilyRelationships, morningsGoal, false);

    const QList<ActionInput> actions{
        {attendanceGoal, QStringLiteral("Apply for a bus pass under the home to school travel scheme"), true,
         QStringLiteral("Sam Patel"), 52},
        {attendanceGoal, QStringLiteral("Place for Hodan and Abdullahi at breakfast club"), true,
         QStringLiteral("Mrs Okonkwo, class teacher"), 59},
        {morningsGoal, QStringLiteral("Refer Faduma to the Family Hub parenting group"), false,
         QStringLiteral("Family support worker, Family Hub"), 45},
        {morningsGoal, QStringLiteral("Ask employer about a later start on school days"), false,
         QStringLiteral("Faduma Ali"), 38},
    };
    for (qsizetype i = 0; i < actions.size(); ++i)
        addAction(window, actions.at(i), i == 0);
}

void recordMeeting(MainWindow* window) {
    click(window, QStringLiteral("recordMeetingPushButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("meetingEditorDialog"));
    setDate(editor, QStringLiteral("meetingDateEdit"), workingDaysAgo(66));
    typeInto(editor, QStringLiteral("meetingAttendeesLineEdit"),
             QStringLiteral("Faduma Ali, Sam Patel (DSL), Mrs Okonkwo (class teacher), school nurse, "
                            "Family Hub worker"));
    typeInto(editor, QStringLiteral("meetingNotesEdit"),
             QStringLiteral("First TAF meeting. Faduma agreed the plan and the two goals. School applies "
                            "for the bus pass and offers breakfast club; the Family Hub will contact Faduma "
                            "about the parenting group. Next review in four weeks."));
    shoot(QStringLiteral("taf-meeting-editor"));
    saveEditor(editor);
}

struct ReviewInput {
    int daysAgo;
    QString attendanceProgress;
    QString morningsProgress;
    int nextReviewDaysAgo; // 0 for no next review
};

void recordReview(MainWindow* window, const ReviewInput& input, bool shot) {
    click(window, QStringLiteral("recordReviewPushButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("reviewEditorDialog"));
    setDate(editor, QStringLiteral("reviewDateEdit"), workingDaysAgo(input.daysAgo));
    typeInto(editor, QStringLiteral("reviewProgressEdit_0"), input.attendanceProgress);
    typeInto(editor, QStringLiteral("reviewProgressEdit_1"), input.morningsProgress);
    if (input.nextReviewDaysAgo > 0) {
        check(editor, QStringLiteral("reviewNextReviewCheckBox"));
        setDate(editor, QStringLiteral("reviewNextReviewDateEdit"), workingDaysAgo(input.nextReviewDaysAgo));
    }
    if (shot)
        shoot(QStringLiteral("review-editor"));
    saveEditor(editor);
}

void showMyWork(MainWindow* window) {
    auto* lists = child<QTabWidget>(window, QStringLiteral("listsTabWidget"));
    lists->setCurrentWidget(child<QWidget>(window, QStringLiteral("myWorkView")));
    settle();
}

// Goes back from My Work to the families list, where the Warsame family is
// still the selected one.
void showFamilies(MainWindow* window) {
    child<QTabWidget>(window, QStringLiteral("listsTabWidget"))->setCurrentIndex(0);
    settle();
}

void closePlan(MainWindow* window) {
    click(window, QStringLiteral("closePlanPushButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("planClosureEditorDialog"));
    setDate(editor, QStringLiteral("planEndDateEdit"), workingDaysAgo(3));
    typeInto(editor, QStringLiteral("outcomeEdit_education"),
             QStringLiteral("Attendance 97% over the last six weeks, on time every day since the bus pass "
                            "arrived."));
    typeInto(editor, QStringLiteral("outcomeEdit_family_relationships"),
             QStringLiteral("Faduma finished the parenting group and starts work later on school days. "
                            "Hodan says mornings are “calmer now”."));
    shoot(QStringLiteral("close-plan-editor"));
    saveEditor(editor);
}

void closeCase(MainWindow* window) {
    showTab(window, QStringLiteral("familyCasePage"));
    click(window, QStringLiteral("changeStatusPushButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("changeStatusDialog"));
    chooseText(editor, QStringLiteral("newStatusComboBox"), QStringLiteral("Closed"));
    setDate(editor, QStringLiteral("statusDateEdit"), workingDaysAgo(2));
    typeInto(editor, QStringLiteral("statusReasonTextEdit"),
             QStringLiteral("Plan goals met and agreed with Faduma at the final review. The family knows to "
                            "come back to school if things change."));
    shoot(QStringLiteral("change-status-editor"));
    saveEditor(editor);
    shoot(QStringLiteral("case-closed"));
}

void showChronology(MainWindow* window) {
    showTab(window, QStringLiteral("chronologyPage"));
    shoot(QStringLiteral("chronology"));
    QTest::mouseClick(child<QCheckBox>(window, QStringLiteral("significantOnlyCheckBox")), Qt::LeftButton);
    shoot(QStringLiteral("chronology-significant"));
    QTest::mouseClick(child<QCheckBox>(window, QStringLiteral("significantOnlyCheckBox")), Qt::LeftButton);
}

// Returns the visible dialog with objectName, waiting for it to open.
QDialog* openedDialog(QWidget* window, const QString& objectName) {
    QDialog* found = nullptr;
    const bool opened = QTest::qWaitFor([&] {
        found = window->findChild<QDialog*>(objectName);
        return found && found->isVisible();
    });
    if (!opened)
        fail(QStringLiteral("the dialog %1 did not open").arg(objectName));
    found->activateWindow();
    settle();
    return found;
}

void closeDialog(QDialog* dialog) {
    QPointer<QDialog> guard(dialog);
    dialog->reject();
    if (!QTest::qWaitFor([&] { return guard.isNull() || !guard->isVisible(); }))
        fail(QStringLiteral("the dialog %1 did not close").arg(dialog->objectName()));
    settle();
}

// Signs the school up to the Data Sharing Agreement from the banner, with
// screenshots of the banner and of the filled-in dialog when shots is true.
void signUpToAgreement(MainWindow* window, bool shots) {
    auto* banner = child<QWidget>(window, QStringLiteral("agreementBanner"));
    if (!banner->isVisible())
        fail(QStringLiteral("a new store shows no banner asking the lead to sign up"));
    qInfo("banner before sign-up: %s",
          qPrintable(child<QLabel>(window, QStringLiteral("agreementBannerLabel"))->text()));
    if (shots)
        shoot(QStringLiteral("agreement-banner"));

    click(window, QStringLiteral("agreementBannerButton"));
    QDialog* dialog = openedDialog(window, QStringLiteral("agreementSignUpDialog"));
    typeInto(dialog, QStringLiteral("signatoryNameEdit"), QStringLiteral("Mrs Angela Price"));
    typeInto(dialog, QStringLiteral("signatoryRoleEdit"), QStringLiteral("Headteacher"));
    setDate(dialog, QStringLiteral("signedDateEdit"), workingDaysAgo(2));
    check(dialog, QStringLiteral("acceptAgreementCheckBox"));
    if (shots)
        shoot(QStringLiteral("agreement-sign-up"));

    QPointer<QDialog> guard(dialog);
    auto* buttons = child<QDialogButtonBox>(dialog, QStringLiteral("agreementSignUpButtons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return guard.isNull() || !guard->isVisible(); }))
        fail(QStringLiteral("the sign-up was not stored: %1")
                 .arg(child<QLabel>(dialog, QStringLiteral("agreementSignUpError"))->text()));
    settle();
    if (banner->isVisible())
        fail(QStringLiteral("the banner still shows after signing up"));
    if (!window->session()->agreementState().inForce)
        fail(QStringLiteral("no agreement is in force after signing up"));
}

void showAgreementViewer(MainWindow* window) {
    auto* action = child<QAction>(window, QStringLiteral("agreementAction"));
    if (!action->isEnabled())
        fail(QStringLiteral("Help › Policy and Agreement… is disabled"));
    action->trigger();
    QDialog* viewer = openedDialog(window, QStringLiteral("agreementDialog"));
    qInfo("agreement viewer status: %s",
          qPrintable(child<QLabel>(viewer, QStringLiteral("agreementStatusLabel"))->text()));
    shoot(QStringLiteral("agreement-viewer"));
    closeDialog(viewer);
}

void recordTrustConsent(MainWindow* window) {
    showTab(window, QStringLiteral("consentPage"));
    click(window, QStringLiteral("recordConsentButton"));
    EditorDialog* editor = openedEditor(window, QStringLiteral("consentEditor"));
    chooseText(editor, QStringLiteral("subjectComboBox"), QStringLiteral("Hodan"));
    chooseText(editor, QStringLiteral("givenByComboBox"), QStringLiteral("Faduma"));
    for (const QString& name :
         {QStringLiteral("safeguardingPurposeCheckBox"), QStringLiteral("childrensTrustRecipientCheckBox"),
          QStringLiteral("personalDataCheckBox"), QStringLiteral("specialCategoryDataCheckBox")})
        check(editor, name);
    chooseText(editor, QStringLiteral("methodComboBox"), QStringLiteral("Written"));
    setDate(editor, QStringLiteral("givenDateEdit"), workingDaysAgo(1));
    shoot(QStringLiteral("consent-trust-safeguarding"));
    saveEditor(editor);
}

void chooseData(QWidget* parent, const QString& comboName, const QString& code) {
    auto* combo = child<QComboBox>(parent, comboName);
    const int index = combo->findData(code);
    if (index < 0)
        fail(QStringLiteral("%1 offers no “%2”").arg(comboName, code));
    combo->setCurrentIndex(index);
    settle();
}

// Returns the field rows of the share tree whose record is about subject,
// such as "Hodan". A record names its subject in the value column, or in the
// first column when the record is the person's own.
QList<QTreeWidgetItem*> fieldRowsOf(QTreeWidget* tree, const QString& subject) {
    QList<QTreeWidgetItem*> rows;
    for (int top = 0; top < tree->topLevelItemCount(); ++top) {
        QTreeWidgetItem* record = tree->topLevelItem(top);
        const QString recordSubject = record->text(1).isEmpty() ? record->text(0) : record->text(1);
        if (!recordSubject.contains(subject))
            continue;
        for (int row = 0; row < record->childCount(); ++row)
            rows += record->child(row);
    }
    return rows;
}

// Stops the tour unless every field of Hodan's own records has status
// ("Shared" or "Withheld"), and every withheld one names a reason and a
// clause in its tooltip.
void checkHodanFields(QTreeWidget* tree, const QString& status) {
    const QList<QTreeWidgetItem*> rows = fieldRowsOf(tree, QStringLiteral("Hodan"));
    if (rows.isEmpty())
        fail(QStringLiteral("Share With… lists no field of Hodan's records"));
    for (const QTreeWidgetItem* row : rows) {
        if (row->text(2) != status)
            fail(QStringLiteral("Hodan's field “%1” is “%2”, expected “%3”")
                     .arg(row->text(0), row->text(2), status));
        if (status == u"Withheld" && !row->toolTip(0).contains(QStringLiteral("Clause:")))
            fail(
                QStringLiteral("withheld field “%1” names no clause: %2").arg(row->text(0), row->toolTip(0)));
    }
    qInfo("%lld fields of Hodan's records: %s", static_cast<long long>(rows.size()), qPrintable(status));
}

// Shows the tooltip of Hodan's first field, as hovering over it would.
void showFirstHodanToolTip(QTreeWidget* tree) {
    const QList<QTreeWidgetItem*> rows = fieldRowsOf(tree, QStringLiteral("Hodan"));
    if (rows.isEmpty())
        fail(QStringLiteral("Share With… lists no field of Hodan's records"));
    QTreeWidgetItem* row = rows.first();
    tree->scrollToItem(row, QAbstractItemView::PositionAtTop);
    tree->setCurrentItem(row);
    settle();
    const QRect rect = tree->visualItemRect(row);
    const QPoint tipPosition = tree->viewport()->mapToGlobal(QPoint(rect.left() + 120, rect.center().y()));
    QToolTip::showText(tipPosition, row->toolTip(0), tree->viewport());
    qInfo("tooltip of “%s”: %s", qPrintable(row->text(0)), qPrintable(row->toolTip(0)));
}

// Stops the tour unless the preview lists, for each record, exactly the
// fields the dialog shows as shared, with their values, and leaves out every
// record with none.
void checkPreview(ShareDialog* dialog, const QString& previewText) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(previewText.toUtf8(), &error);
    if (document.isNull())
        fail(QStringLiteral("the preview is not JSON: %1").arg(error.errorString()));
    QHash<QString, QJsonObject> sentValues;
    for (const QJsonValue& record : document.object().value(u"records").toArray())
        sentValues.insert(record[u"id"].toString(), record[u"values"].toObject());

    int sentFieldCount = 0;
    for (const sharing::RecordShare& record : dialog->share().records) {
        const QJsonObject sent = sentValues.value(record.record.recordId);
        if (sent != record.payload.values)
            fail(QStringLiteral("the preview of %1 (%2) differs from its shared fields")
                     .arg(record.record.label, record.record.subjectLabel));
        if (record.payload.shared.isEmpty() && sentValues.contains(record.record.recordId))
            fail(QStringLiteral("the preview names %1, which has no shared field").arg(record.record.label));
        sentFieldCount += static_cast<int>(sent.size());
    }
    if (sentFieldCount != dialog->share().sharedFieldCount())
        fail(QStringLiteral("the preview sends %1 fields, the dialog shows %2 as shared")
                 .arg(sentFieldCount)
                 .arg(dialog->share().sharedFieldCount()));
    qInfo("preview: %d fields in %lld records, as the dialog shows", sentFieldCount,
          static_cast<long long>(sentValues.size()));
}

void showShareWith(MainWindow* window) {
    showTab(window, QStringLiteral("membersTreeWidget"));
    click(window, QStringLiteral("shareFamilyPushButton"));
    QDialog* dialog = openedDialog(window, QStringLiteral("shareDialog"));
    auto* tree = child<QTreeWidget>(dialog, QStringLiteral("shareFieldsTreeWidget"));
    auto* count = child<QLabel>(dialog, QStringLiteral("shareCountLabel"));

    chooseData(dialog, QStringLiteral("shareRecipientComboBox"), QStringLiteral("childrens_trust"));
    chooseData(dialog, QStringLiteral("sharePurposeComboBox"), QStringLiteral("safeguarding"));
    qInfo("children's trust, safeguarding: %s", qPrintable(count->text()));
    checkHodanFields(tree, QStringLiteral("Shared"));
    // Hodan's shared fields at the top, Faduma's withheld ones below them.
    tree->scrollToItem(fieldRowsOf(tree, QStringLiteral("Hodan")).first()->parent(),
                       QAbstractItemView::PositionAtTop);
    shoot(QStringLiteral("share-trust-safeguarding"));

    auto* preview = child<QPlainTextEdit>(dialog, QStringLiteral("sharePreviewPlainTextEdit"));
    checkPreview(static_cast<ShareDialog*>(dialog), preview->toPlainText());
    child<QTabWidget>(dialog, QStringLiteral("shareTabWidget"))->setCurrentWidget(preview);
    qInfo("preview for the children's trust, safeguarding:\n%s", qPrintable(preview->toPlainText()));
    shoot(QStringLiteral("share-preview"));
    child<QTabWidget>(dialog, QStringLiteral("shareTabWidget"))->setCurrentWidget(tree);

    chooseData(dialog, QStringLiteral("shareRecipientComboBox"), QStringLiteral("health"));
    chooseData(dialog, QStringLiteral("sharePurposeComboBox"), QStringLiteral("health_services"));
    qInfo("health, health services: %s", qPrintable(count->text()));
    checkHodanFields(tree, QStringLiteral("Withheld"));
    showFirstHodanToolTip(tree);
    shoot(QStringLiteral("share-health-withheld"));
    QToolTip::hideText();
    checkPreview(static_cast<ShareDialog*>(dialog), preview->toPlainText());
    qInfo("preview for health, health services:\n%s", qPrintable(preview->toPlainText()));
    closeDialog(dialog);
}

// Opens the main window on store as the school's designated safeguarding
// lead, filling the screen, with the family view given the room a user would
// drag the divider to.
std::unique_ptr<MainWindow> openMainWindow(std::unique_ptr<Store> store) {
    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    auto window = std::make_unique<MainWindow>(chooser);
    window->openSession(std::move(store), uitest::leadActor());
    window->setGeometry(QGuiApplication::primaryScreen()->availableGeometry());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowExposed(window.get()))
        fail(QStringLiteral("the main window was not shown"));
    // The lists need less than the app's default share of the width.
    child<QSplitter>(window.get(), QStringLiteral("mainSplitter"))->setSizes({480, 960});
    return window;
}

void runCaseworkTour(const QString& storePath, const QString& ctfPath) {
    const std::unique_ptr<MainWindow> owner = openMainWindow(makeStore(storePath, ctfPath));
    MainWindow& window = *owner;
    tourToday = window.session()->today();
    // Signed up first, so that no banner covers the case work pictures.
    signUpToAgreement(&window, false);
    openWarsameFamily(&window);
    shoot(QStringLiteral("family-members"));
    recordFirstConcern(&window);
    shoot(QStringLiteral("chronology-first-concern"));
    assignLeadPractitioner(&window);
    recordAssessment(&window);
    recordConsent(&window);
    startPlan(&window);
    recordMeeting(&window);
    shoot(QStringLiteral("plan-tab"));

    recordReview(&window,
                 {38,
                  QStringLiteral("Bus pass arrived and breakfast club started. Attendance 94% since the "
                                 "meeting, late once."),
                  QStringLiteral("Faduma at week 3 of the parenting group; her employer agreed a 9:30 start "
                                 "on school days."),
                  9},
                 true);
    showMyWork(&window);
    shoot(QStringLiteral("my-work-overdue-actions"));
    showFamilies(&window);
    for (const QString& action : {QStringLiteral("Apply for a bus pass"), QStringLiteral("breakfast club"),
                                  QStringLiteral("parenting group"), QStringLiteral("later start")})
        markActionDone(&window, action);
    recordReview(&window,
                 {9, QStringLiteral("Attendance 97%, on time every day for six weeks."),
                  QStringLiteral("Parenting group finished. Mornings are calmer and Hodan no longer gets "
                                 "Abdullahi ready for school."),
                  0},
                 false);
    shoot(QStringLiteral("plan-reviewed"));
    closePlan(&window);
    closeCase(&window);
    showChronology(&window);

    showMyWork(&window);
    shoot(QStringLiteral("my-work"));
}

// Signs the school up to the agreement in a new store made from ctfPath, so
// the banner shows before sign-up, and shows what Share With… offers once
// Hodan's consent covers the children's trust for safeguarding only.
void runSharingTour(const QString& storePath, const QString& ctfPath) {
    const std::unique_ptr<MainWindow> owner = openMainWindow(makeStore(storePath, ctfPath));
    MainWindow& window = *owner;
    tourToday = window.session()->today();
    openWarsameFamily(&window);
    signUpToAgreement(&window, true);
    showAgreementViewer(&window);
    recordTrustConsent(&window);
    showShareWith(&window);
}

} // namespace

int main(int argc, char* argv[]) {
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelpTour"));
    QCoreApplication::setApplicationName(QStringLiteral("casework tour"));
    installTranslations(application);
    if (argc < 3) {
        qCritical("usage: earlyhelp_casework_tour CTF_FILE OUTPUT_DIR");
        return 2;
    }
    const QString ctfPath = QString::fromLocal8Bit(argv[1]);
    outputDir = QDir(QString::fromLocal8Bit(argv[2]));
    if (!outputDir.mkpath(QStringLiteral(".")))
        fail(QStringLiteral("cannot create %1").arg(outputDir.path()));

    QTemporaryDir dir;
    if (!dir.isValid())
        fail(QStringLiteral("cannot create a temporary directory"));
    runCaseworkTour(dir.filePath(QStringLiteral("casework.ehstore")), ctfPath);
    runSharingTour(dir.filePath(QStringLiteral("sharing.ehstore")), ctfPath);
    return 0;
}
