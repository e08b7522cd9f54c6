// Drives the desktop app through first run, the sample import, a family with
// a right-to-left name, locking and a wrong passphrase, and saves a PNG of
// the screen at each step. It is a tool for looking at the app, not a test:
// run it under Xvfb, e.g.
//   xvfb-run -s "-screen 0 1440x900x24" ./earlyhelp_screenshot_tour OUTPUT_DIR

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QWizard>

#include "uitestsupport.h"
#include "ui/appcontroller.h"
#include "ui/importsummarydialog.h"
#include "ui/mainwindow.h"
#include "ui/setupwizard.h"
#include "ui/translations.h"
#include "ui/unlockdialog.h"

using namespace earlyhelp::ui;

namespace {

QDir outputDir;
int shotNumber = 0;

void settle()
{
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(30);
    }
}

void shoot(const QString& name)
{
    settle();
    const QString path = outputDir.filePath(QStringLiteral("%1-%2.png").arg(++shotNumber, 2, 10, QLatin1Char('0')).arg(name));
    QGuiApplication::primaryScreen()->grabWindow(0).save(path);
    qInfo("saved %s", qPrintable(path));
}

template <typename T>
T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QString::fromLatin1(name));
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelpTour"));
    QCoreApplication::setApplicationName(QStringLiteral("screenshot tour"));
    installTranslations(application);
    if (argc < 2) {
        qCritical("usage: earlyhelp_screenshot_tour OUTPUT_DIR");
        return 2;
    }
    outputDir = QDir(QString::fromLocal8Bit(argv[1]));
    outputDir.mkpath(QStringLiteral("."));

    QTemporaryDir dir;
    const QString ctfPath = dir.filePath(QStringLiteral("kestrel-lane.xml"));
    if (!earlyhelp::uitest::writeCtf(ctfPath, earlyhelp::uitest::testPupils()))
        return 1;

    FileChooser chooser;
    chooser.openFile = [&](QWidget*, const QString&, const QString&, const QString&) { return ctfPath; };
    chooser.saveFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };

    AppController controller(dir.filePath(QStringLiteral("cases.ehstore")), chooser);
    controller.start();
    SetupWizard* wizard = controller.setupWizard();
    shoot(QStringLiteral("wizard-location"));

    wizard->activateWindow();
    if (!QTest::qWaitForWindowActive(wizard))
        qWarning("the wizard did not become active; inline messages need focus changes");
    wizard->next();
    QLineEdit* urn = child<QLineEdit>(wizard, "urnLineEdit");
    child<QLineEdit>(wizard, "schoolNameLineEdit")->setText(QStringLiteral("Larkspur Lane Primary School"));
    urn->setFocus();
    QTest::keyClicks(urn, QStringLiteral("1999"));
    child<QLineEdit>(wizard, "laNumberLineEdit")->setFocus();
    shoot(QStringLiteral("wizard-organisation-error"));
    urn->setText(QStringLiteral("199990"));
    wizard->next();

    child<QLineEdit>(wizard, "userNameLineEdit")->setText(QStringLiteral("Sam Patel"));
    QTest::keyClicks(child<QLineEdit>(wizard, "passphraseLineEdit"), QStringLiteral("larkspur lane 2026"));
    QTest::keyClicks(child<QLineEdit>(wizard, "repeatPassphraseLineEdit"), QStringLiteral("larkspur lane 20"));
    shoot(QStringLiteral("wizard-user"));
    QTest::keyClicks(child<QLineEdit>(wizard, "repeatPassphraseLineEdit"), QStringLiteral("26"));
    wizard->button(QWizard::CommitButton)->click();
    settle();
    shoot(QStringLiteral("wizard-sync"));
    wizard->next();
    settle();
    child<QCheckBox>(wizard, "importSampleCheckBox")->setChecked(true);
    shoot(QStringLiteral("wizard-ready"));
    wizard->button(QWizard::FinishButton)->click();

    MainWindow* window = controller.mainWindow();
    if (!window || !QTest::qWaitFor([window] { return window->findChild<ImportSummaryDialog*>() != nullptr; }, 60000)) {
        qCritical("the sample import did not finish");
        return 1;
    }
    shoot(QStringLiteral("sample-imported"));
    window->findChild<ImportSummaryDialog*>()->close();

    window->importCtfFile(ctfPath);
    settle();
    shoot(QStringLiteral("second-import"));
    window->findChild<ImportSummaryDialog*>()->close();
    window->activateWindow();

    auto* familiesView = child<QTreeView>(window, "familiesTreeView");
    familiesView->setFocus();
    familiesView->setCurrentIndex(familiesView->model()->index(2, 0));
    shoot(QStringLiteral("families"));

    auto* tabs = child<QTabWidget>(window, "listsTabWidget");
    tabs->setCurrentIndex(1);
    QLineEdit* search = child<QLineEdit>(window, "peopleSearchLineEdit");
    QTest::keyClicks(search, QStringLiteral("Haddad"));
    QTest::qWait(400);
    QTest::keyClick(search, Qt::Key_Down);
    shoot(QStringLiteral("people-right-to-left"));

    search->setText(QString());
    QTest::qWait(400);
    tabs->setCurrentIndex(0);
    QLineEdit* familySearch = child<QLineEdit>(window, "familySearchLineEdit");
    QTest::keyClicks(familySearch, QStringLiteral("Evans"));
    QTest::qWait(400);
    QTest::keyClick(familySearch, Qt::Key_Down);
    shoot(QStringLiteral("looked-after"));

    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    shoot(QStringLiteral("locked"));

    UnlockDialog* unlock = controller.unlockDialog();
    QTest::keyClicks(child<QLineEdit>(unlock, "passphraseLineEdit"), QStringLiteral("not the passphrase"));
    child<QPushButton>(unlock, "unlockPushButton")->click();
    shoot(QStringLiteral("unlock-wrong-passphrase"));
    return 0;
}
