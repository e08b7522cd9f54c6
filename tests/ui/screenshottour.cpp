// Drives the desktop app through first run, the sample import, a family with
// a right-to-left name, locking and a wrong passphrase, and saves a PNG of
// the screen at each step. It is a tool for looking at the app, not a test:
// run it under Xvfb, e.g.
//   xvfb-run -s "-screen 0 1440x900x24" ./earlyhelp_screenshot_tour OUTPUT_DIR

#include <QAbstractButton>
#include <QAction>
#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>
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
#include "cases/casedirectory.h"
#include "store/store.h"
#include "sync/synclocal.h"
#include "ui/casesession.h"
#include "ui/conflictsdialog.h"
#include "ui/synccontroller.h"
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
    // An http address is refused on the sync page; clearing the fields skips it.
    QLineEdit* syncServer = child<QLineEdit>(wizard, "syncServerLineEdit");
    QTest::keyClicks(syncServer, QStringLiteral("http://127.0.0.1:8443"));
    QTest::keyClicks(child<QLineEdit>(wizard, "enrolmentCodeLineEdit"), QStringLiteral("7KQ2-M9XD"));
    wizard->next();
    shoot(QStringLiteral("wizard-sync-refused"));
    syncServer->clear();
    child<QLineEdit>(wizard, "enrolmentCodeLineEdit")->clear();
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

    // A conflict and a purge as the server's feed delivers them, shown in
    // Tools › Conflicts….
    {
        familySearch->setText(QString());
        QTest::qWait(400);
        const auto people = window->session()->directory().people(QStringLiteral("Fenwick"));
        if (people && people->size() >= 2) {
            const QJsonObject hub{{QStringLiteral("id"), QStringLiteral("a6f0e2d4-8c3b-4e71-b1a2-6d5f9c0e3b47")},
                                  {QStringLiteral("name"), QStringLiteral("Northfield Family Hub")},
                                  {QStringLiteral("partyType"), QStringLiteral("voluntarySector")}};
            const QJsonArray entries{
                QJsonObject{{QStringLiteral("sequence"), 1}, {QStringLiteral("kind"), QStringLiteral("conflict")},
                            {QStringLiteral("conflictId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                            {QStringLiteral("recordType"), QStringLiteral("person")},
                            {QStringLiteral("recordId"), people->at(0).id},
                            {QStringLiteral("fieldId"), QStringLiteral("person.legalSurname")},
                            {QStringLiteral("serverValue"), people->at(0).legalSurname},
                            {QStringLiteral("otherValue"), QString(people->at(0).legalSurname + QStringLiteral("-Okafor"))},
                            {QStringLiteral("otherOrganisation"), hub}, {QStringLiteral("status"), QStringLiteral("open")},
                            {QStringLiteral("createdAt"), QStringLiteral("2026-12-05T10:32:00.000Z")}},
                QJsonObject{{QStringLiteral("sequence"), 2}, {QStringLiteral("kind"), QStringLiteral("purge")},
                            {QStringLiteral("recordType"), QStringLiteral("person")},
                            {QStringLiteral("recordId"), people->at(1).id},
                            {QStringLiteral("familyId"), people->at(1).familyId},
                            {QStringLiteral("reason"),
                             QStringLiteral("Consent to share with Northfield Family Hub was withdrawn.")}}};
            earlyhelp::sync::SyncLocal local(window->session()->store());
            if (!local.applyPull(entries, 2, QStringLiteral("5b0c1f64-3d1e-4a43-9a57-1f0c2b7a9e10")))
                qWarning("the conflict could not be written");
        }
        window->syncController()->conflictsAction()->trigger();
        auto* conflicts = window->findChild<ConflictsDialog*>();
        if (conflicts) {
            conflicts->activateWindow();
            shoot(QStringLiteral("sync-conflicts"));
            child<QTabWidget>(conflicts, "conflictsTabWidget")->setCurrentIndex(1);
            shoot(QStringLiteral("sync-removed"));
            conflicts->close();
        }
        child<QAction>(window, "settingsAction")->trigger();
        shoot(QStringLiteral("settings-sync"));
        if (auto* settings = window->findChild<QDialog*>(QStringLiteral("settingsDialog")))
            settings->close();
        window->activateWindow();
    }

    QTest::keyClick(window, Qt::Key_L, Qt::ControlModifier);
    shoot(QStringLiteral("locked"));

    UnlockDialog* unlock = controller.unlockDialog();
    QTest::keyClicks(child<QLineEdit>(unlock, "passphraseLineEdit"), QStringLiteral("not the passphrase"));
    child<QPushButton>(unlock, "unlockPushButton")->click();
    shoot(QStringLiteral("unlock-wrong-passphrase"));
    return 0;
}
