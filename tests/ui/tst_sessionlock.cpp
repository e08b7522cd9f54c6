// The window locks when the operating system session locks, and after the
// idle time chosen in Tools › Settings…. The screen saver signal is sent on
// a private D-Bus session bus (CTest runs this suite inside
// dbus-run-session) from a second connection of this process, as the
// desktop's screen saver would send it.

#include <algorithm>
#include <chrono>

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "access/idlelock.h"
#include "store/store.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

const QString emitterName = QStringLiteral("tst_sessionlock_emitter");

bool anyContains(const QStringList& texts, const QString& needle) {
    return std::any_of(texts.cbegin(), texts.cend(),
                       [&](const QString& text) { return text.contains(needle); });
}

} // namespace

class TestSessionLock : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void screenSaverActiveLocks_data();
    void screenSaverActiveLocks();
    void settingsApplyIdleTime();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    FileChooser m_chooser;
    std::unique_ptr<MainWindow> m_window;
};

void TestSessionLock::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelpTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sessionlock"));
    installTranslations(*QCoreApplication::instance());
    QSettings().clear();
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("needs a D-Bus session bus; CTest runs this suite inside dbus-run-session");
    m_chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    m_chooser.saveFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
}

void TestSessionLock::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir->filePath(QStringLiteral("larkspur.ehstore")));
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));

    m_window = std::make_unique<MainWindow>(m_chooser);
    m_window->openSession(std::move(*store), leadActor());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSessionLock::cleanup() {
    m_window.reset();
    m_dir.reset();
}

void TestSessionLock::cleanupTestCase() {
    QDBusConnection::disconnectFromBus(emitterName);
    QSettings().clear();
}

void TestSessionLock::screenSaverActiveLocks_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("interface");
    QTest::newRow("GNOME") << QStringLiteral("/org/gnome/ScreenSaver")
                           << QStringLiteral("org.gnome.ScreenSaver");
    QTest::newRow("freedesktop") << QStringLiteral("/org/freedesktop/ScreenSaver")
                                 << QStringLiteral("org.freedesktop.ScreenSaver");
}

void TestSessionLock::screenSaverActiveLocks() {
    QFETCH(QString, path);
    QFETCH(QString, interface);
    QVERIFY(m_window->isUnlocked());
    QVERIFY(
        anyContains(widgetTexts(m_window.get(), WidgetScope::IncludingHidden), QStringLiteral("Fenwick")));
    QSignalSpy locked(m_window.get(), &MainWindow::locked);

    QDBusConnection emitter = QDBusConnection::connectToBus(QDBusConnection::SessionBus, emitterName);
    QVERIFY2(emitter.isConnected(), qPrintable(emitter.lastError().message()));

    // The screen saver ending does not lock, but its start does. The false
    // signal is sent first, so by the time the true one has locked the
    // window, the false one has been handled too.
    QDBusMessage ended = QDBusMessage::createSignal(path, interface, QStringLiteral("ActiveChanged"));
    ended << false;
    QVERIFY(emitter.send(ended));
    QDBusMessage started = QDBusMessage::createSignal(path, interface, QStringLiteral("ActiveChanged"));
    started << true;
    QVERIFY(emitter.send(started));

    QTRY_COMPARE(locked.count(), 1);
    QVERIFY(!m_window->isUnlocked());
    QCOMPARE(m_window->session(), nullptr);
    const QStringList texts = widgetTexts(m_window.get(), WidgetScope::IncludingHidden);
    for (const QString& caseData :
         {QStringLiteral("Fenwick"), QStringLiteral("Amara"), QStringLiteral("Ashby")})
        QVERIFY2(!anyContains(texts, caseData), qPrintable(caseData));
}

void TestSessionLock::settingsApplyIdleTime() {
    auto* idleLock = m_window->findChild<access::IdleLock*>();
    QVERIFY(idleLock);
    QCOMPARE(idleLock->idleTime(), access::IdleLock::defaultIdleTime);

    auto* settingsAction = m_window->findChild<QAction*>(QStringLiteral("settingsAction"));
    QVERIFY(settingsAction && settingsAction->isEnabled());
    settingsAction->trigger();
    auto* dialog = m_window->findChild<SettingsDialog*>(QStringLiteral("settingsDialog"));
    QVERIFY(dialog);
    auto* spinBox = dialog->findChild<QSpinBox*>(QStringLiteral("idleLockSpinBox"));
    QVERIFY(spinBox && spinBox->isEnabled());
    QCOMPARE(spinBox->value(), 5);
    QCOMPARE(spinBox->minimum(), 1);
    QCOMPARE(spinBox->maximum(), 60);

    spinBox->selectAll();
    QTest::keyClicks(spinBox, QStringLiteral("12"));
    QCOMPARE(spinBox->value(), 12);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("savePushButton")), Qt::LeftButton);

    QCOMPARE(idleLock->idleTime(), std::chrono::minutes(12));
    QCOMPARE(QSettings().value(SettingsDialog::idleLockMinutesKey()).toInt(), 12);

    // A new window reads the stored time at start-up.
    MainWindow restarted(m_chooser);
    auto* restartedIdleLock = restarted.findChild<access::IdleLock*>();
    QVERIFY(restartedIdleLock);
    QCOMPARE(restartedIdleLock->idleTime(), std::chrono::minutes(12));

    // A stored time outside 1 to 60 minutes is clamped.
    QSettings().setValue(SettingsDialog::idleLockMinutesKey(), 600);
    QCOMPARE(SettingsDialog::storedIdleLockMinutes(), 60);
    QSettings().remove(SettingsDialog::idleLockMinutesKey());
}

QTEST_MAIN(TestSessionLock)
#include "tst_sessionlock.moc"
