// A day's first use of the desktop app, end to end on real widgets: set up a
// store with the wizard, import a Common Transfer File, find a pupil, open
// the family, lock, and unlock again.

#include <algorithm>
#include <functional>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QWizard>

#include "cases/casestore.h"
#include "uitestsupport.h"
#include "ui/appcontroller.h"
#include "ui/familyview.h"
#include "ui/importsummarydialog.h"
#include "ui/mainwindow.h"
#include "ui/setupwizard.h"
#include "ui/translations.h"
#include "ui/unlockdialog.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

const QString passphrase = QStringLiteral("kestrel lane early help 2026");
const QString schoolName = QStringLiteral("Kestrel Lane Primary School");

void clickWizardButton(QWizard* wizard, QWizard::WizardButton which)
{
    QAbstractButton* button = wizard->button(which);
    QVERIFY(button);
    QVERIFY2(button->isVisible() && button->isEnabled(), qPrintable(button->text()));
    QTest::mouseClick(button, Qt::LeftButton);
}

// Returns the texts of the family tree's items, depth first.
QStringList treeTexts(const QTreeWidget* tree)
{
    QStringList texts;
    std::function<void(QTreeWidgetItem*)> visit = [&](QTreeWidgetItem* item) {
        texts += item->text(0);
        for (int i = 0; i < item->childCount(); ++i)
            visit(item->child(i));
    };
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        visit(tree->topLevelItem(i));
    return texts;
}

bool anyContains(const QStringList& texts, const QString& needle)
{
    return std::any_of(texts.cbegin(), texts.cend(), [&](const QString& text) { return text.contains(needle); });
}

} // namespace

class TestDesktopScenario : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void setUpImportFindAndLock();
    void importShowsSkippedAndRejected();

private:
    QTemporaryDir m_dir;
    QString m_nextOpenFile;
};

void TestDesktopScenario::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelpTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desktopscenario"));
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
}

void TestDesktopScenario::setUpImportFindAndLock()
{
    const QString storePath = m_dir.filePath(QStringLiteral("kestrel.ehstore"));
    const QString ctfPath = m_dir.filePath(QStringLiteral("kestrel-lane.xml"));
    QVERIFY(writeCtf(ctfPath, testPupils()));

    FileChooser chooser;
    chooser.openFile = [this](QWidget*, const QString&, const QString&, const QString&) { return m_nextOpenFile; };
    chooser.saveFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };

    AppController controller(storePath, chooser);
    controller.start();
    SetupWizard* wizard = controller.setupWizard();
    QVERIFY(wizard);
    QVERIFY(QTest::qWaitForWindowActive(wizard));

    // Where the store lives: the path given to the controller.
    QCOMPARE(wizard->currentId(), int(SetupWizard::StoreLocationPageId));
    auto* pathEdit = child<QLineEdit>(wizard, QStringLiteral("storePathLineEdit"));
    QVERIFY(pathEdit);
    QCOMPARE(QDir::fromNativeSeparators(pathEdit->text()), storePath);
    clickWizardButton(wizard, QWizard::NextButton);
    QTRY_COMPARE(wizard->currentId(), int(SetupWizard::OrganisationPageId));

    // The school: a five-digit URN is explained inline and blocks Next.
    auto* nameEdit = child<QLineEdit>(wizard, QStringLiteral("schoolNameLineEdit"));
    auto* urnEdit = child<QLineEdit>(wizard, QStringLiteral("urnLineEdit"));
    auto* urnError = child<QLabel>(wizard, QStringLiteral("urnErrorLabel"));
    QVERIFY(nameEdit && urnEdit && urnError);
    QTest::mouseClick(nameEdit, Qt::LeftButton);
    QTest::keyClicks(nameEdit, schoolName);
    QTest::mouseClick(urnEdit, Qt::LeftButton);
    QTRY_VERIFY(urnEdit->hasFocus());
    QTest::keyClicks(urnEdit, QStringLiteral("19999"));
    QTest::keyClick(urnEdit, Qt::Key_Tab);
    QTRY_VERIFY(urnError->isVisible());
    QVERIFY2(urnError->text().contains(QStringLiteral("six digits")), qPrintable(urnError->text()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QTest::keyClicks(urnEdit, QStringLiteral("1"));
    QTRY_VERIFY(!urnError->isVisible());
    clickWizardButton(wizard, QWizard::NextButton);
    QTRY_COMPARE(wizard->currentId(), int(SetupWizard::FirstUserPageId));

    // The first user, without the keychain: plain ctest has none.
    auto* userEdit = child<QLineEdit>(wizard, QStringLiteral("userNameLineEdit"));
    auto* passphraseEdit = child<QLineEdit>(wizard, QStringLiteral("passphraseLineEdit"));
    auto* repeatEdit = child<QLineEdit>(wizard, QStringLiteral("repeatPassphraseLineEdit"));
    auto* keychainBox = child<QCheckBox>(wizard, QStringLiteral("keychainCheckBox"));
    QVERIFY(userEdit && passphraseEdit && repeatEdit && keychainBox);
    QTest::keyClicks(userEdit, QStringLiteral("Sam Patel"));
    QTest::keyClicks(passphraseEdit, passphrase);
    QTest::keyClicks(repeatEdit, QStringLiteral("kestrel lane early help 2025"));
    QVERIFY(!wizard->button(QWizard::CommitButton)->isEnabled());
    repeatEdit->selectAll();
    QTest::keyClicks(repeatEdit, passphrase);
    QVERIFY(!keychainBox->isChecked());
    clickWizardButton(wizard, QWizard::CommitButton);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::SyncServerPageId), 30000);
    QVERIFY(passphraseEdit->text().isEmpty());
    QVERIFY(repeatEdit->text().isEmpty());

    // No sync server: an empty address and code skip the sync page.
    clickWizardButton(wizard, QWizard::NextButton);
    QTRY_COMPARE(wizard->currentId(), int(SetupWizard::ReadyPageId));
    QVERIFY(!child<QLabel>(wizard, QStringLiteral("keychainProblemLabel"))->isVisible());

    clickWizardButton(wizard, QWizard::FinishButton);
    QTRY_VERIFY(controller.mainWindow() && controller.mainWindow()->isUnlocked());
    MainWindow* window = controller.mainWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->windowTitle(), QStringLiteral("Early Help Case Manager — ") + schoolName);

    // Import through File › Import Common Transfer File…, with the file
    // chooser returning the generated file.
    m_nextOpenFile = ctfPath;
    auto* importAction = child<QAction>(window, QStringLiteral("importAction"));
    QVERIFY(importAction && importAction->isEnabled());
    importAction->trigger();
    ImportSummaryDialog* summary = nullptr;
    QTRY_VERIFY((summary = window->findChild<ImportSummaryDialog*>()) != nullptr);
    QTRY_VERIFY(summary->isVisible());
    QCOMPARE(child<QLabel>(summary, QStringLiteral("pupilsAddedLabel"))->text(), QStringLiteral("4"));
    QCOMPARE(child<QLabel>(summary, QStringLiteral("pupilsUpdatedLabel"))->text(), QStringLiteral("0"));
    QCOMPARE(child<QLabel>(summary, QStringLiteral("familiesAddedLabel"))->text(), QStringLiteral("3"));
    QVERIFY(!summary->findChild<QWidget*>(QStringLiteral("skippedListWidget")));
    summary->close();
    // The offscreen platform has no window manager to give the main window
    // back its activation when the dialog closes.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));

    // People tab (Ctrl+2) and search as you type.
    QTest::keyClick(window, Qt::Key_2, Qt::ControlModifier);
    auto* tabs = child<QTabWidget>(window, QStringLiteral("listsTabWidget"));
    QCOMPARE(tabs->currentIndex(), 1);
    auto* peopleSearch = child<QLineEdit>(window, QStringLiteral("peopleSearchLineEdit"));
    auto* peopleView = child<QTreeView>(window, QStringLiteral("peopleTreeView"));
    QVERIFY(peopleSearch && peopleView);
    QTRY_VERIFY(peopleSearch->hasFocus());
    QTest::keyClicks(peopleSearch, QStringLiteral("Amara"));
    QTRY_COMPARE(peopleView->model()->rowCount(), 1);
    QCOMPARE(peopleView->model()->index(0, 0).data().toString(), QStringLiteral("Amara Fenwick"));

    // Down moves into the list and selects Amara; Enter opens her family.
    QTest::keyClick(peopleSearch, Qt::Key_Down);
    QTRY_VERIFY(peopleView->hasFocus());
    QTest::keyClick(peopleView, Qt::Key_Return);
    auto* familyView = child<FamilyView>(window, QStringLiteral("familyView"));
    auto* membersTree = child<QTreeWidget>(window, QStringLiteral("membersTreeWidget"));
    QTRY_VERIFY(membersTree->isVisible());
    QTRY_VERIFY(membersTree->hasFocus());
    QVERIFY(!familyView->familyId().isEmpty());

    const QStringList members = treeTexts(membersTree);
    QVERIFY2(members.contains(QStringLiteral("Amara Fenwick")), qPrintable(members.join(u" | ")));
    QVERIFY2(members.contains(QStringLiteral("Theo Fenwick")), qPrintable(members.join(u" | ")));
    QVERIFY2(members.contains(QStringLiteral("Joanna Fenwick")), qPrintable(members.join(u" | ")));
    QVERIFY2(anyContains(members, QStringLiteral("Mother of \u2066Amara Fenwick\u2069 — has parental responsibility")),
             qPrintable(members.join(u" | ")));
    QVERIFY2(anyContains(members, QStringLiteral("Mother of \u2066Theo Fenwick\u2069 — has parental responsibility")),
             qPrintable(members.join(u" | ")));
    QVERIFY2(anyContains(members, QStringLiteral("Mobile: \u206607700 900321\u2069")), qPrintable(members.join(u" | ")));
    // Children come before adults.
    QVERIFY(members.indexOf(QStringLiteral("Theo Fenwick")) < members.indexOf(QStringLiteral("Joanna Fenwick")));
    QVERIFY(members.indexOf(QStringLiteral("Amara Fenwick")) < members.indexOf(QStringLiteral("Joanna Fenwick")));

    // The status bar names the school and counts what was imported.
    QCOMPARE(child<QLabel>(window, QStringLiteral("organisationLabel"))->text(),
             schoolName + QStringLiteral(" (URN 199991)"));
    QVERIFY2(child<QLabel>(window, QStringLiteral("countsLabel"))->text().startsWith(QStringLiteral("4 pupils")),
             qPrintable(child<QLabel>(window, QStringLiteral("countsLabel"))->text()));

    // Lock now (Ctrl+L): no case data anywhere, shown or hidden.
    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY(!window->isUnlocked());
    QTRY_VERIFY(controller.unlockDialog() && controller.unlockDialog()->isVisible());
    for (QWidget* topLevel : QApplication::topLevelWidgets()) {
        for (const QString& name : {QStringLiteral("Amara"), QStringLiteral("Fenwick"), QStringLiteral("Theo"),
                                    QStringLiteral("Joanna"), QStringLiteral("07700")}) {
            const QStringList shown = widgetTexts(topLevel, WidgetScope::VisibleOnly);
            QVERIFY2(!anyContains(shown, name), qPrintable(name + u" is still shown: " + shown.join(u" | ")));
            const QStringList held = widgetTexts(topLevel, WidgetScope::IncludingHidden);
            QVERIFY2(!anyContains(held, name), qPrintable(name + u" is still held: " + held.join(u" | ")));
        }
    }
    QCOMPARE(peopleView->model()->rowCount(), 0);
    QVERIFY(peopleSearch->text().isEmpty());
    QVERIFY(!peopleSearch->isUndoAvailable());
    QVERIFY(!membersTree->isVisible());
    QCOMPARE(membersTree->topLevelItemCount(), 0);

    // Unlock again with the passphrase: the people list comes back.
    UnlockDialog* unlock = controller.unlockDialog();
    QTest::keyClicks(child<QLineEdit>(unlock, QStringLiteral("passphraseLineEdit")), passphrase);
    QTest::mouseClick(child<QPushButton>(unlock, QStringLiteral("unlockPushButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window->isUnlocked(), 30000);
    QTRY_COMPARE(peopleView->model()->rowCount(), 4 + 4);
}

void TestDesktopScenario::importShowsSkippedAndRejected()
{
    const QString storePath = m_dir.filePath(QStringLiteral("faults.ehstore"));
    NewStoreRequest request;
    request.path = storePath;
    request.organisation.name = schoolName;
    request.organisation.laCode = QStringLiteral("330");
    request.organisation.estabNumber = QStringLiteral("2991");
    request.userName = QStringLiteral("Sam Patel");
    const QByteArray utf8 = passphrase.toUtf8();
    request.passphrase = SecretBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    Result<NewStore> created = setUpStore(std::move(request));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));

    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    MainWindow window(chooser);
    window.openSession(std::move(created->store), leadActor());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(child<QLabel>(&window, QStringLiteral("organisationLabel"))->text(),
             schoolName + QStringLiteral(" (LAESTAB 330/2991)"));

    // One pupil with a wrong check letter is skipped, and the others import.
    QList<TestPupil> pupils = testPupils();
    QString& badUpn = pupils[2].upn;
    badUpn[0] = badUpn.at(0) == u'A' ? u'B' : u'A';
    const QString skippedPath = m_dir.filePath(QStringLiteral("one-bad-upn.xml"));
    QVERIFY(writeCtf(skippedPath, pupils));
    window.importCtfFile(skippedPath);
    ImportSummaryDialog* summary = nullptr;
    QTRY_VERIFY((summary = window.findChild<ImportSummaryDialog*>()) != nullptr);
    QCOMPARE(child<QLabel>(summary, QStringLiteral("pupilsAddedLabel"))->text(), QStringLiteral("3"));
    QCOMPARE(child<QLabel>(summary, QStringLiteral("importHeadingLabel"))->text(),
             QStringLiteral("Imported one-bad-upn.xml, but skipped 1 pupil."));
    auto* skippedList = child<QListWidget>(summary, QStringLiteral("skippedListWidget"));
    QVERIFY(skippedList);
    QCOMPARE(skippedList->count(), 1);
    QVERIFY2(skippedList->item(0)->text().contains(badUpn), qPrintable(skippedList->item(0)->text()));
    delete summary;

    // A file cut short is rejected as a whole, with the position of the fault.
    QFile whole(skippedPath);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString truncatedPath = m_dir.filePath(QStringLiteral("truncated.xml"));
    QFile truncated(truncatedPath);
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(bytes.left(bytes.size() / 2));
    truncated.close();
    window.importCtfFile(truncatedPath);
    QTRY_VERIFY((summary = window.findChild<ImportSummaryDialog*>()) != nullptr);
    QCOMPARE(child<QLabel>(summary, QStringLiteral("importHeadingLabel"))->text(),
             QStringLiteral("Nothing was imported from truncated.xml."));
    const QString error = child<QLabel>(summary, QStringLiteral("importErrorLabel"))->text();
    QVERIFY2(error.contains(QStringLiteral("line")), qPrintable(error));
    QVERIFY(!summary->findChild<QLabel*>(QStringLiteral("pupilsAddedLabel")));
    QVERIFY2(child<QLabel>(&window, QStringLiteral("countsLabel"))->text().startsWith(QStringLiteral("3 pupils")),
             qPrintable(child<QLabel>(&window, QStringLiteral("countsLabel"))->text()));
}

QTEST_MAIN(TestDesktopScenario)
#include "tst_desktopscenario.moc"
