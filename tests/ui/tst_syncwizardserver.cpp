// Enrolling from the set-up wizard's sync page against the real
// earlyhelp-server on 127.0.0.1 over TLS, with the device credential in the
// throwaway keyring of scripts/with-keyring.

#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QAction>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "store/store.h"
#include "sync/syncenrolment.h"
#include "sync/synclocal.h"
#include "../server/servertestsupport.h"
#include "keys/oskeychain.h"
#include "ui/casesession.h"
#include "ui/mainwindow.h"
#include "ui/setupwizard.h"
#include "ui/synccontroller.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace earlyhelp::servertest;
using namespace Qt::StringLiterals;

namespace {

const QString passphrase = u"larkspur lane early help 2026"_s;
const QString schoolName = u"Larkspur Lane Primary School"_s;

} // namespace

class TestSyncWizardServer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void wizardEnrolsWithServer();
    void usedCodeShowsServerError();
    void windowSyncsWithServer();

private:
    [[nodiscard]] QString issueCode() const;
    [[nodiscard]] QString serverUrl() const { return u"https://127.0.0.1:%1"_s.arg(m_server.port()); }
    // Runs a new wizard to its sync page; nullptr on failure.
    [[nodiscard]] std::unique_ptr<SetupWizard> wizardOnSyncPage();
    // Fills in the sync page with code and the test CA, and clicks Next.
    void submit(SetupWizard* wizard, const QString& code);

    QTemporaryDir m_dir;
    int m_storeNumber = 0;
    TestCertificates m_certificates;
    QString m_databasePath;
    QString m_organisationId;
    ServerProcess m_server;
};

void TestSyncWizardServer::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("WITH_KEYRING_FOLDER"))
        QSKIP("needs the private keyring of scripts/with-keyring");
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());

    QString error;
    QVERIFY2(makeTestCertificates(m_dir.path(), u"wizard"_s, m_certificates, error), qPrintable(error));
    m_databasePath = m_dir.filePath(u"server.db"_s);
    const CommandResult added = runServerCommand(
        {u"admin"_s, u"org"_s, u"add"_s, u"--name"_s, schoolName, u"--party-type"_s, u"school"_s}, m_databasePath);
    QVERIFY2(added.exitCode == 0, qPrintable(added.standardError));
    m_organisationId = added.standardOutput.trimmed();
    QVERIFY2(m_server.start(m_databasePath, m_certificates, error), qPrintable(error));
}

QString TestSyncWizardServer::issueCode() const
{
    const CommandResult issued =
        runServerCommand({u"admin"_s, u"enrol-code"_s, u"--org"_s, m_organisationId}, m_databasePath);
    return issued.exitCode == 0 ? issued.standardOutput.trimmed() : QString();
}

std::unique_ptr<SetupWizard> TestSyncWizardServer::wizardOnSyncPage()
{
    const QString path = m_dir.filePath(u"wizard-%1.ehstore"_s.arg(++m_storeNumber));
    FileChooser chooser;
    chooser.openFile = [this](QWidget*, const QString&, const QString&, const QString&) {
        return m_certificates.caCertificate;
    };
    chooser.saveFile = chooser.openFile;
    auto wizard = std::make_unique<SetupWizard>(path, chooser);
    wizard->show();
    if (!QTest::qWaitForWindowExposed(wizard.get()))
        return nullptr;

    wizard->next();
    child<QLineEdit>(wizard.get(), u"schoolNameLineEdit"_s)->setText(schoolName);
    child<QLineEdit>(wizard.get(), u"urnLineEdit"_s)->setText(u"199990"_s);
    wizard->next();
    child<QLineEdit>(wizard.get(), u"userNameLineEdit"_s)->setText(u"Sam Patel"_s);
    child<QLineEdit>(wizard.get(), u"passphraseLineEdit"_s)->setText(passphrase);
    child<QLineEdit>(wizard.get(), u"repeatPassphraseLineEdit"_s)->setText(passphrase);
    wizard->button(QWizard::CommitButton)->click();
    if (!QTest::qWaitFor([&wizard] { return wizard->currentId() == SetupWizard::SyncServerPageId; }, 30000))
        return nullptr;
    return wizard;
}

void TestSyncWizardServer::submit(SetupWizard* wizard, const QString& code)
{
    QTest::keyClicks(child<QLineEdit>(wizard, u"syncServerLineEdit"_s), serverUrl());
    QTest::keyClicks(child<QLineEdit>(wizard, u"enrolmentCodeLineEdit"_s), code);
    // The file chooser returns the test CA.
    QTest::mouseClick(child<QAbstractButton>(wizard, u"caCertificateBrowsePushButton"_s), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(wizard, u"caCertificateLineEdit"_s)->text(),
             QDir::toNativeSeparators(m_certificates.caCertificate));
    QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
}

void TestSyncWizardServer::wizardEnrolsWithServer()
{
    std::unique_ptr<SetupWizard> wizard = wizardOnSyncPage();
    QVERIFY(wizard);
    const QString code = issueCode();
    QVERIFY(!code.isEmpty());
    submit(wizard.get(), code);

    auto* errorLabel = child<QLabel>(wizard.get(), u"syncEnrolmentErrorLabel"_s);
    QVERIFY2(!errorLabel->isVisible(), qUtf8Printable(errorLabel->text()));
    QCOMPARE(wizard->currentId(), int(SetupWizard::ReadyPageId));
    auto* syncLabel = child<QLabel>(wizard.get(), u"readySyncLabel"_s);
    QVERIFY2(syncLabel->text().contains(serverUrl()), qUtf8Printable(syncLabel->text()));

    std::unique_ptr<Store> store = wizard->takeStore();
    QVERIFY(store);
    const Result<std::optional<sync::SyncEnrolment>> enrolment = sync::readEnrolment(*store);
    QVERIFY2(enrolment, enrolment ? "" : qUtf8Printable(enrolment.error().message));
    QVERIFY(enrolment->has_value());
    QCOMPARE((*enrolment)->organisation.id, m_organisationId);
    QCOMPARE((*enrolment)->serverUrl.port(), int(m_server.port()));
    QVERIFY(!(*enrolment)->extraCaCertificates.isEmpty());
}

void TestSyncWizardServer::usedCodeShowsServerError()
{
    const QString code = issueCode();
    QVERIFY(!code.isEmpty());
    {
        std::unique_ptr<SetupWizard> first = wizardOnSyncPage();
        QVERIFY(first);
        submit(first.get(), code);
        QCOMPARE(first->currentId(), int(SetupWizard::ReadyPageId));
    }

    std::unique_ptr<SetupWizard> wizard = wizardOnSyncPage();
    QVERIFY(wizard);
    submit(wizard.get(), code);
    QCOMPARE(wizard->currentId(), int(SetupWizard::SyncServerPageId));
    auto* errorLabel = child<QLabel>(wizard.get(), u"syncEnrolmentErrorLabel"_s);
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(u"already used"_s), qUtf8Printable(errorLabel->text()));

    std::unique_ptr<Store> store = wizard->takeStore();
    const Result<std::optional<sync::SyncEnrolment>> enrolment = sync::readEnrolment(*store);
    QVERIFY(enrolment);
    QVERIFY(!enrolment->has_value());
}

void TestSyncWizardServer::windowSyncsWithServer()
{
    const QString path = m_dir.filePath(u"window.ehstore"_s);
    Result<std::unique_ptr<Store>> store = makeCaseStore(path);
    QVERIFY2(store, store ? "" : qUtf8Printable(store.error().message));
    const Result<QUuid> storeId = sync::storeIdFor(path);
    QVERIFY(storeId);
    keys::OsKeychain keychain;
    sync::EnrolmentRequest request;
    request.serverUrl = serverUrl();
    request.code = issueCode();
    request.deviceName = u"Office PC"_s;
    request.caCertificatePath = m_certificates.caCertificate;
    const Result<sync::SyncEnrolment> enrolled = sync::enrolStore(**store, *storeId, leadActor(), keychain, request);
    QVERIFY2(enrolled, enrolled ? "" : qUtf8Printable(enrolled.error().message));

    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    MainWindow window(chooser);
    window.openSession(std::move(*store), leadActor());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    SyncController* sync = window.syncController();
    QVERIFY(sync->engine());
    auto* statusLabel = child<QLabel>(&window, u"syncStatusLabel"_s);
    QVERIFY(statusLabel);
    // The background sync starts at once; F9 runs another after it.
    QTRY_VERIFY_WITH_TIMEOUT(statusLabel->text() != u"Not synced yet"_s && !sync->isSyncing(), 60000);
    QVERIFY(sync->syncNowAction()->isEnabled());
    QSignalSpy finished(sync->engine(), &sync::SyncEngine::syncFinished);
    QTest::keyClick(&window, Qt::Key_F9);
    QTRY_VERIFY_WITH_TIMEOUT(!sync->isSyncing(), 60000);
    QCOMPARE(finished.count(), 1);
    const auto outcome = finished.first().first().value<sync::SyncOutcome>();
    QVERIFY2(!outcome.error, outcome.error ? qUtf8Printable(outcome.error->message) : "");

    // The status line follows the store's record of the sync: "Synced" after
    // a sync that exchanged everything, otherwise the reason in the tooltip.
    const Result<sync::SyncState> state = sync::SyncLocal(window.session()->store()).state();
    QVERIFY(state);
    QVERIFY(state->lastAttemptAt.isValid());
    if (state->lastError.isEmpty()) {
        QVERIFY2(statusLabel->text().startsWith(u"Synced "_s), qUtf8Printable(statusLabel->text()));
    } else {
        QVERIFY2(statusLabel->text().startsWith(u"Sync incomplete"_s), qUtf8Printable(statusLabel->text()));
        QVERIFY2(statusLabel->toolTip().contains(state->lastError), qUtf8Printable(statusLabel->toolTip()));
    }

    // Locking stops sync and destroys the engine.
    window.lock();
    QVERIFY(!window.isUnlocked());
    QVERIFY(!sync->engine());
    QVERIFY(!sync->syncNowAction()->isEnabled());
}

QTEST_MAIN(TestSyncWizardServer)
#include "tst_syncwizardserver.moc"
