// The unlock dialog against real stores: a wrong passphrase, the right one,
// a damaged key file and a file that is not a store.

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "audit/auditlog.h"
#include "audit/unlockaudit.h"
#include "cases/casestore.h"
#include "keys/keyfile.h"
#include "keys/unlockthrottle.h"
#include "ui/appcontroller.h"
#include "ui/casesession.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"
#include "ui/unlockdialog.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;

namespace {

const QByteArray passphrase = QByteArrayLiteral("wren close safeguarding 2026");

SecretBytes secret(const QByteArray& bytes)
{
    return SecretBytes::copyOf(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

void typeAndUnlock(UnlockDialog* dialog, const QString& text)
{
    auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit"));
    auto* button = dialog->findChild<QPushButton*>(QStringLiteral("unlockPushButton"));
    QVERIFY(edit && button);
    QTRY_VERIFY(button->isEnabled());
    QTest::keyClicks(edit, text);
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class TestUnlockDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPassphraseShowsItsOwnMessage();
    void rightPassphraseOpensMainWindow();
    void failedUnlockRecordedAfterUnlock();
    void failedUnlockSurvivesDialog();
    void damagedKeyFileSaysDamaged();
    void openAnotherStoreRejectsOtherFiles();

private:
    QTemporaryDir m_dir;
    QString m_storePath;
    FileChooser m_chooser;
    QString m_nextOpenFile;
};

void TestUnlockDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelpTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_unlockdialog"));
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());

    m_storePath = m_dir.filePath(QStringLiteral("wren.ehstore"));
    NewStoreRequest request;
    request.path = m_storePath;
    request.organisation.name = QStringLiteral("Wren Close Primary School");
    request.organisation.dfeUrn = QStringLiteral("199992");
    request.userName = QStringLiteral("Sam Patel");
    request.passphrase = secret(passphrase);
    Result<NewStore> created = setUpStore(std::move(request));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    created->store.reset();

    m_chooser.openFile = [this](QWidget*, const QString&, const QString&, const QString&) { return m_nextOpenFile; };
    m_chooser.saveFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
}

void TestUnlockDialog::wrongPassphraseShowsItsOwnMessage()
{
    UnlockDialog dialog(m_storePath, m_chooser);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("unlockErrorLabel"));
    QVERIFY(error);
    QVERIFY(!error->isVisible());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("unlockWithKeychainPushButton"))->isVisible());

    typeAndUnlock(&dialog, QStringLiteral("wren close safeguarding 2025"));
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->property("errorCode").toInt(), static_cast<int>(ErrorCode::WrongPassphrase));
    QVERIFY2(error->text().contains(QStringLiteral("does not unlock this store")), qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("passphraseLineEdit"))->text().isEmpty());
    QVERIFY(!dialog.takeStore());
}

void TestUnlockDialog::rightPassphraseOpensMainWindow()
{
    AppController controller(m_storePath, m_chooser);
    controller.start();
    QVERIFY(controller.mainWindow());
    QVERIFY(!controller.mainWindow()->isUnlocked());
    UnlockDialog* dialog = controller.unlockDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    typeAndUnlock(dialog, QString::fromUtf8(passphrase));
    QTRY_VERIFY_WITH_TIMEOUT(controller.mainWindow()->isUnlocked(), 30000);
    QVERIFY(controller.mainWindow()->isVisible());
    QCOMPARE(controller.mainWindow()->windowTitle(),
             QStringLiteral("Early Help Case Manager — Wren Close Primary School"));
    // The window works as the user of the slot that opened, with its role.
    QCOMPARE(controller.mainWindow()->session()->actor().user, QStringLiteral("Sam Patel"));
    QCOMPARE(controller.mainWindow()->session()->actor().roleCode, QStringLiteral("lead"));
    QVERIFY(controller.mainWindow()->session()->may(access::Action::EditCases));
    QTRY_VERIFY(!controller.unlockDialog());
}

void TestUnlockDialog::failedUnlockRecordedAfterUnlock()
{
    // A store of its own, so that the other tests' attempts do not count.
    const QString path = m_dir.filePath(QStringLiteral("audited.ehstore"));
    NewStoreRequest request;
    request.path = path;
    request.organisation.name = QStringLiteral("Wren Close Primary School");
    request.organisation.dfeUrn = QStringLiteral("199992");
    request.userName = QStringLiteral("Sam Patel");
    request.passphrase = secret(passphrase);
    Result<NewStore> created = setUpStore(std::move(request));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    created->store.reset();

    UnlockDialog dialog(path, m_chooser);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeAndUnlock(&dialog, QStringLiteral("wren close safeguarding 2025"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("unlockErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(audit::pendingFailedUnlocks(path), 1);

    typeAndUnlock(&dialog, QString::fromUtf8(passphrase));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
    QCOMPARE(audit::pendingFailedUnlocks(path), 0);
    std::unique_ptr<Store> store = dialog.takeStore();
    QVERIFY(store);

    audit::Filter filter;
    filter.actions = {audit::Action::FailedUnlock, audit::Action::Unlock};
    filter.newestFirst = false;
    Result<QList<audit::Event>> events = audit::AuditLog(*store).query(filter);
    QVERIFY2(events, events ? "" : qPrintable(events.error().message));
    QCOMPARE(events->size(), 2);
    const audit::Event& failed = events->at(0);
    QCOMPARE(failed.actionCode, QStringLiteral("failed-unlock"));
    QCOMPARE(failed.user, QString());
    QCOMPARE(failed.details.value(QStringLiteral("user")).toString(), QStringLiteral("Sam Patel"));
    const QDateTime attemptedAt =
        QDateTime::fromString(failed.details.value(QStringLiteral("attemptedAt")).toString(), Qt::ISODateWithMs);
    QVERIFY(attemptedAt.isValid());
    QVERIFY(attemptedAt <= events->at(1).at);
    const audit::Event& unlocked = events->at(1);
    QCOMPARE(unlocked.actionCode, QStringLiteral("unlock"));
    QCOMPARE(unlocked.user, QStringLiteral("Sam Patel"));
    QCOMPARE(unlocked.roleCode, QStringLiteral("lead"));
    QCOMPARE(unlocked.details.value(QStringLiteral("method")).toString(), QStringLiteral("passphrase"));
}

void TestUnlockDialog::failedUnlockSurvivesDialog()
{
    const QString path = m_dir.filePath(QStringLiteral("restarted.ehstore"));
    NewStoreRequest request;
    request.path = path;
    request.organisation.name = QStringLiteral("Wren Close Primary School");
    request.organisation.dfeUrn = QStringLiteral("199992");
    request.userName = QStringLiteral("Sam Patel");
    request.passphrase = secret(passphrase);
    Result<NewStore> created = setUpStore(std::move(request));
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    created->store.reset();

    {
        auto wrongDialog = std::make_unique<UnlockDialog>(path, m_chooser);
        wrongDialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(wrongDialog.get()));
        typeAndUnlock(wrongDialog.get(), QStringLiteral("wren close safeguarding 2024"));
        auto* error = wrongDialog->findChild<QLabel*>(QStringLiteral("unlockErrorLabel"));
        QTRY_VERIFY(error->isVisible());
    }
    QCOMPARE(audit::pendingFailedUnlocks(path), 1);

    // Forget this process's own count, as a restarted app would. The journal
    // still contains the failure.
    const QString keyFilePath = QFileInfo(keys::KeyFile::pathForStore(path)).absoluteFilePath();
    keys::UnlockThrottle::processWide().recordSuccess(keyFilePath);
    QCOMPARE(keys::UnlockThrottle::processWide().consecutiveFailures(keyFilePath), 1);

    UnlockDialog dialog(path, m_chooser);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeAndUnlock(&dialog, QString::fromUtf8(passphrase));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
    QCOMPARE(audit::pendingFailedUnlocks(path), 0);
    std::unique_ptr<Store> store = dialog.takeStore();
    QVERIFY(store);

    audit::Filter filter;
    filter.actions = {audit::Action::FailedUnlock, audit::Action::Unlock};
    filter.newestFirst = false;
    Result<QList<audit::Event>> events = audit::AuditLog(*store).query(filter);
    QVERIFY2(events, events ? "" : qPrintable(events.error().message));
    QCOMPARE(events->size(), 2);
    const audit::Event& failed = events->at(0);
    QCOMPARE(failed.actionCode, QStringLiteral("failed-unlock"));
    QCOMPARE(failed.details.value(QStringLiteral("user")).toString(), QStringLiteral("Sam Patel"));
    QCOMPARE(failed.details.value(QStringLiteral("via")).toString(), QStringLiteral("app"));
    QCOMPARE(events->at(1).actionCode, QStringLiteral("unlock"));
    QCOMPARE(events->at(1).user, QStringLiteral("Sam Patel"));
}

void TestUnlockDialog::damagedKeyFileSaysDamaged()
{
    const QString damagedPath = m_dir.filePath(QStringLiteral("damaged.ehstore"));
    QFile::remove(damagedPath + QStringLiteral(".keys"));
    QVERIFY(QFile::copy(m_storePath, damagedPath));
    QFile keys(damagedPath + QStringLiteral(".keys"));
    QVERIFY(keys.open(QIODevice::WriteOnly));
    keys.write("this is not a key file\n");
    keys.close();

    UnlockDialog dialog(damagedPath, m_chooser);
    dialog.show();
    typeAndUnlock(&dialog, QString::fromUtf8(passphrase));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("unlockErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->property("errorCode").toInt() != static_cast<int>(ErrorCode::WrongPassphrase),
             qPrintable(error->text()));
    QVERIFY2(!error->text().contains(QStringLiteral("does not unlock this store")), qPrintable(error->text()));
    QVERIFY(!dialog.takeStore());
}

void TestUnlockDialog::openAnotherStoreRejectsOtherFiles()
{
    const QString otherPath = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile other(otherPath);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("not a store");
    other.close();

    UnlockDialog dialog(m_storePath, m_chooser);
    dialog.show();
    m_nextOpenFile = otherPath;
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("openAnotherStorePushButton")), Qt::LeftButton);
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("unlockErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("cannot be opened as a case store")), qPrintable(error->text()));
    QCOMPARE(dialog.storePath(), m_storePath);
}

QTEST_MAIN(TestUnlockDialog)
#include "tst_unlockdialog.moc"
