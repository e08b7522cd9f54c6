// Enrolling a store with a sync server from the set-up wizard's sync page
// and from the settings dialog's "Sync" group, on real widgets and real
// stores. The input checks run before anything reaches the network or the
// keychain, so these cases need neither.

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "store/store.h"
#include "sync/syncenrolment.h"
#include "ui/casesession.h"
#include "ui/setupwizard.h"
#include "ui/syncenrolmentform.h"
#include "ui/syncsettingssection.h"
#include "ui/translations.h"
#include "keys/oskeychain.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

namespace {

const QString passphrase = u"larkspur lane early help 2026"_s;

FileChooser noFiles()
{
    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    return chooser;
}

void clickWizardButton(QWizard* wizard, QWizard::WizardButton buttonType)
{
    QAbstractButton* button = wizard->button(buttonType);
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

// Types text into edit, replacing what it holds.
void retype(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestSyncEnrolment : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void wizardPageRejectsBadInput_data();
    void wizardPageRejectsBadInput();
    void wizardPageSkipsWhenBlank();
    void settingsShowNotEnrolled();
    void settingsReadOnlyForOtherRoles();
    void settingsRejectHttpAddress();

private:
    // Runs the wizard to its sync page with a new store; nullptr on failure.
    [[nodiscard]] std::unique_ptr<SetupWizard> wizardOnSyncPage();
    [[nodiscard]] std::unique_ptr<CaseSession> newSession(const access::Actor& actor);

    QTemporaryDir m_dir;
    int m_storeNumber = 0;
};

void TestSyncEnrolment::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
}

std::unique_ptr<SetupWizard> TestSyncEnrolment::wizardOnSyncPage()
{
    const QString path = m_dir.filePath(u"wizard-%1.ehstore"_s.arg(++m_storeNumber));
    auto wizard = std::make_unique<SetupWizard>(path, noFiles());
    wizard->show();
    if (!QTest::qWaitForWindowExposed(wizard.get()))
        return nullptr;

    wizard->next();
    child<QLineEdit>(wizard.get(), u"schoolNameLineEdit"_s)->setText(u"Larkspur Lane Primary School"_s);
    child<QLineEdit>(wizard.get(), u"urnLineEdit"_s)->setText(u"199990"_s);
    wizard->next();
    if (wizard->currentId() != SetupWizard::FirstUserPageId)
        return nullptr;

    child<QLineEdit>(wizard.get(), u"userNameLineEdit"_s)->setText(u"Sam Patel"_s);
    child<QLineEdit>(wizard.get(), u"passphraseLineEdit"_s)->setText(passphrase);
    child<QLineEdit>(wizard.get(), u"repeatPassphraseLineEdit"_s)->setText(passphrase);
    wizard->button(QWizard::CommitButton)->click();
    if (!QTest::qWaitFor([&wizard] { return wizard->currentId() == SetupWizard::SyncServerPageId; }, 30000))
        return nullptr;
    return wizard;
}

std::unique_ptr<CaseSession> TestSyncEnrolment::newSession(const access::Actor& actor)
{
    const QString path = m_dir.filePath(u"settings-%1.ehstore"_s.arg(++m_storeNumber));
    Result<std::unique_ptr<Store>> store = makeCaseStore(path);
    if (!store) {
        qWarning("The test store could not be set up: %s", qUtf8Printable(store.error().message));
        return nullptr;
    }
    return std::make_unique<CaseSession>(std::move(*store), actor);
}

void TestSyncEnrolment::wizardPageRejectsBadInput_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("deviceName");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty code") << u"https://127.0.0.1:8443"_s << QString() << u"Office PC"_s
                                << u"The enrolment code is empty"_s;
    QTest::newRow("http address") << u"http://127.0.0.1:8443"_s << u"ABCD-EFGH"_s << u"Office PC"_s
                                  << u"uses http, which is not encrypted"_s;
    QTest::newRow("address without scheme") << u"127.0.0.1:8443"_s << u"ABCD-EFGH"_s << u"Office PC"_s
                                            << u"https://"_s;
    QTest::newRow("empty device name") << u"https://127.0.0.1:8443"_s << u"ABCD-EFGH"_s << QString()
                                       << u"The device name"_s;
}

void TestSyncEnrolment::wizardPageRejectsBadInput()
{
    QFETCH(QString, server);
    QFETCH(QString, code);
    QFETCH(QString, deviceName);
    QFETCH(QString, expected);

    std::unique_ptr<SetupWizard> wizard = wizardOnSyncPage();
    QVERIFY(wizard);
    auto* serverEdit = child<QLineEdit>(wizard.get(), u"syncServerLineEdit"_s);
    auto* codeEdit = child<QLineEdit>(wizard.get(), u"enrolmentCodeLineEdit"_s);
    auto* deviceEdit = child<QLineEdit>(wizard.get(), u"deviceNameLineEdit"_s);
    auto* errorLabel = child<QLabel>(wizard.get(), u"syncEnrolmentErrorLabel"_s);
    QVERIFY(serverEdit && codeEdit && deviceEdit && errorLabel);
    QVERIFY(!deviceEdit->text().isEmpty());
    QVERIFY(!errorLabel->isVisible());

    QTest::keyClicks(serverEdit, server);
    QTest::keyClicks(codeEdit, code);
    retype(deviceEdit, deviceName);
    clickWizardButton(wizard.get(), QWizard::NextButton);

    QCOMPARE(wizard->currentId(), int(SetupWizard::SyncServerPageId));
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(expected), qUtf8Printable(errorLabel->text()));

    // Nothing was recorded in the store.
    std::unique_ptr<Store> store = wizard->takeStore();
    QVERIFY(store);
    const Result<std::optional<sync::SyncEnrolment>> enrolment = sync::readEnrolment(*store);
    QVERIFY2(enrolment, enrolment ? "" : qUtf8Printable(enrolment.error().message));
    QVERIFY(!enrolment->has_value());
}

void TestSyncEnrolment::wizardPageSkipsWhenBlank()
{
    std::unique_ptr<SetupWizard> wizard = wizardOnSyncPage();
    QVERIFY(wizard);
    auto* errorLabel = child<QLabel>(wizard.get(), u"syncEnrolmentErrorLabel"_s);
    QVERIFY(errorLabel);

    // A typed error goes away when the user edits the fields.
    auto* serverEdit = child<QLineEdit>(wizard.get(), u"syncServerLineEdit"_s);
    QTest::keyClicks(serverEdit, u"http://127.0.0.1"_s);
    clickWizardButton(wizard.get(), QWizard::NextButton);
    QVERIFY(errorLabel->isVisible());
    retype(serverEdit, QString());
    QVERIFY(!errorLabel->isVisible());

    clickWizardButton(wizard.get(), QWizard::NextButton);
    QCOMPARE(wizard->currentId(), int(SetupWizard::ReadyPageId));
    auto* syncLabel = child<QLabel>(wizard.get(), u"readySyncLabel"_s);
    QVERIFY(syncLabel);
    QVERIFY(syncLabel->isVisible());
    QVERIFY2(syncLabel->text().contains(u"Sync is not set up"_s), qUtf8Printable(syncLabel->text()));
    QVERIFY(wizard->hasStore());
}

void TestSyncEnrolment::settingsShowNotEnrolled()
{
    std::unique_ptr<CaseSession> session = newSession(leadActor());
    QVERIFY(session);
    keys::OsKeychain keychain;
    SyncSettingsSection section(session.get(), keychain, noFiles());
    section.show();

    auto* label = child<QLabel>(&section, u"syncEnrolmentLabel"_s);
    QVERIFY(label);
    QVERIFY2(label->text().contains(u"not enrolled"_s), qUtf8Printable(label->text()));
    QVERIFY(child<QPushButton>(&section, u"enrolPushButton"_s)->isEnabled());
    QVERIFY(section.form()->isEnabled());
}

void TestSyncEnrolment::settingsReadOnlyForOtherRoles()
{
    std::unique_ptr<CaseSession> session = newSession(readOnlyActor());
    QVERIFY(session);
    keys::OsKeychain keychain;
    SyncSettingsSection section(session.get(), keychain, noFiles());

    QVERIFY(!child<QPushButton>(&section, u"enrolPushButton"_s)->isEnabled());
    QVERIFY(!section.form()->isEnabled());
}

void TestSyncEnrolment::settingsRejectHttpAddress()
{
    std::unique_ptr<CaseSession> session = newSession(leadActor());
    QVERIFY(session);
    keys::OsKeychain keychain;
    SyncSettingsSection section(session.get(), keychain, noFiles());
    section.show();
    QVERIFY(QTest::qWaitForWindowExposed(&section));

    QSignalSpy enrolled(&section, &SyncSettingsSection::enrolled);
    QTest::keyClicks(child<QLineEdit>(&section, u"syncServerLineEdit"_s), u"http://127.0.0.1:8443"_s);
    QTest::keyClicks(child<QLineEdit>(&section, u"enrolmentCodeLineEdit"_s), u"ABCD-EFGH"_s);
    QTest::mouseClick(child<QPushButton>(&section, u"enrolPushButton"_s), Qt::LeftButton);

    auto* errorLabel = child<QLabel>(&section, u"syncEnrolmentErrorLabel"_s);
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(u"http://127.0.0.1:8443"_s), qUtf8Printable(errorLabel->text()));
    QCOMPARE(enrolled.count(), 0);
    const Result<std::optional<sync::SyncEnrolment>> enrolment = sync::readEnrolment(session->store());
    QVERIFY(enrolment);
    QVERIFY(!enrolment->has_value());
}

QTEST_MAIN(TestSyncEnrolment)
#include "tst_syncenrolment.moc"
