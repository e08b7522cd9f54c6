// Tools › Users… on real widgets and a real store: the lead confirms their
// passphrase, adds, removes and changes users, and core's refusals appear in
// the dialog. A read-only user created there unlocks the store, finds the
// changing actions disabled, and core refuses their writes.

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "access/role.h"
#include "access/usermanagement.h"
#include "audit/auditlog.h"
#include "cases/casedirectory.h"
#include "cases/casestore.h"
#include "casework/casenoterepository.h"
#include "keys/keyfile.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/displaytext.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"
#include "ui/unlockdialog.h"
#include "ui/usersdialog.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

const QString robin = readOnlyActor().user;
const QString robinPassphrase = QStringLiteral("robin reads the chronology");
const QString changedPassphrase = QStringLiteral("seven swans by the canal lock");

SecretBytes secretFrom(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return SecretBytes::copyOf(utf8.constData(), static_cast<std::size_t>(utf8.size()));
}

// The users of the store's key file as "name=role code", read through core.
QStringList storedUsers(const QString& storePath) {
    QStringList users;
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(storePath);
    if (!keyFile)
        return {keyFile.error().message};
    for (const keys::SlotInfo& slot : keyFile->listSlots()) {
        if (slot.type == keys::SlotType::Passphrase)
            users += slot.user + u'=' + slot.role;
    }
    return users;
}

QStringList treeColumn(const QTreeWidget* tree, int column) {
    QStringList texts;
    for (int row = 0; row < tree->topLevelItemCount(); ++row)
        texts += tree->topLevelItem(row)->text(column);
    return texts;
}

void selectUser(QTreeWidget* tree, const QString& user) {
    const QList<QTreeWidgetItem*> found = tree->findItems(user, Qt::MatchExactly);
    QVERIFY2(!found.isEmpty(), qPrintable(user));
    tree->setCurrentItem(found.first());
}

// The open editor of that name; a closed one may wait for deletion.
QDialog* openEditor(QObject* parent, const QString& objectName) {
    for (QDialog* editor : parent->findChildren<QDialog*>(objectName)) {
        if (editor->isVisible())
            return editor;
    }
    return nullptr;
}

bool anyEditorOpen(QObject* parent) {
    return openEditor(parent, QStringLiteral("addUserDialog")) ||
           openEditor(parent, QStringLiteral("changeRoleDialog"));
}

void selectRole(QComboBox* comboBox, access::Role role) {
    const int index = comboBox->findData(access::roleCode(role));
    QVERIFY(index >= 0);
    comboBox->setCurrentIndex(index);
}

} // namespace

class TestUsers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void usersNeedsConfirmedPassphrase();
    void addUserChecksPassphrases();
    void coreRejectionsShown();
    void removeUserAsksFirst();
    void changeRoleSealsNewPassphrase();
    void roleChangesAreRecorded();
    void closingOrLockingWipesKey();
    void readOnlyUserWritesRejected();

private:
    // Opens Tools › Users… and confirms the lead's passphrase.
    UsersDialog* openConfirmedUsersDialog();
    // Fills in the open add-user or change-role dialog and submits it.
    void submitEditor(QDialog* editor, const QString& name, access::Role role, const QString& passphrase,
                      const QString& repeat);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_storePath;
    FileChooser m_chooser;
    std::unique_ptr<MainWindow> m_window;
};

void TestUsers::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelpTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_users"));
    installTranslations(*QCoreApplication::instance());
    m_chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    m_chooser.saveFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
}

void TestUsers::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_storePath = m_dir->filePath(QStringLiteral("larkspur.ehstore"));
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_storePath);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));

    m_window = std::make_unique<MainWindow>(m_chooser);
    m_window->openSession(std::move(*store), leadActor());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestUsers::cleanup() {
    m_window.reset();
    m_dir.reset();
}

UsersDialog* TestUsers::openConfirmedUsersDialog() {
    auto* usersAction = child<QAction>(m_window.get(), QStringLiteral("usersAction"));
    if (!usersAction || !usersAction->isEnabled())
        return nullptr;
    usersAction->trigger();
    auto* dialog = m_window->findChild<UsersDialog*>(QStringLiteral("usersDialog"));
    if (!dialog)
        return nullptr;
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphraseLineEdit")),
                     QString::fromUtf16(testPassphrase));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("confirmPushButton")), Qt::LeftButton);
    return dialog->isConfirmed() ? dialog : nullptr;
}

void TestUsers::submitEditor(QDialog* editor, const QString& name, access::Role role,
                             const QString& passphrase, const QString& repeat) {
    if (auto* nameEdit = editor->findChild<QLineEdit*>(QStringLiteral("userNameLineEdit"))) {
        nameEdit->clear();
        QTest::keyClicks(nameEdit, name);
    }
    selectRole(child<QComboBox>(editor, QStringLiteral("roleComboBox")), role);
    auto* passphraseEdit = child<QLineEdit>(editor, QStringLiteral("temporaryPassphraseLineEdit"));
    auto* repeatEdit = child<QLineEdit>(editor, QStringLiteral("repeatPassphraseLineEdit"));
    passphraseEdit->clear();
    repeatEdit->clear();
    QTest::keyClicks(passphraseEdit, passphrase);
    QTest::keyClicks(repeatEdit, repeat);
    QTest::mouseClick(child<QPushButton>(editor, QStringLiteral("savePushButton")), Qt::LeftButton);
}

void TestUsers::usersNeedsConfirmedPassphrase() {
    auto* usersAction = child<QAction>(m_window.get(), QStringLiteral("usersAction"));
    QVERIFY(usersAction->isEnabled());
    usersAction->trigger();
    auto* dialog = m_window->findChild<UsersDialog*>(QStringLiteral("usersDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* tree = child<QTreeWidget>(dialog, QStringLiteral("usersTreeWidget"));
    QVERIFY(!tree->isVisible());
    QCOMPARE(tree->topLevelItemCount(), 0);

    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphraseLineEdit")),
                     QStringLiteral("not the passphrase at all"));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("confirmPushButton")), Qt::LeftButton);
    auto* error = child<QLabel>(dialog, QStringLiteral("confirmErrorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("not correct")), qPrintable(error->text()));
    QVERIFY(!dialog->isConfirmed());
    QVERIFY(!tree->isVisible());

    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphraseLineEdit")),
                     QString::fromUtf16(testPassphrase));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("confirmPushButton")), Qt::LeftButton);
    QVERIFY(dialog->isConfirmed());
    QVERIFY(tree->isVisible());
    QCOMPARE(treeColumn(tree, 0), QStringList{leadActor().user});
    QCOMPARE(treeColumn(tree, 1), QStringList{access::roleLabel(access::Role::Lead)});
    QCOMPARE(treeColumn(tree, 2), QStringList{displayDate(QDate::currentDate())});
}

void TestUsers::addUserChecksPassphrases() {
    UsersDialog* dialog = openConfirmedUsersDialog();
    QVERIFY(dialog);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("addUserPushButton")), Qt::LeftButton);
    auto* editor = openEditor(dialog, QStringLiteral("addUserDialog"));
    QVERIFY(editor);
    auto* error = child<QLabel>(editor, QStringLiteral("userEditorErrorLabel"));
    QVERIFY(child<QLabel>(editor, QStringLiteral("passphraseHintLabel"))
                ->text()
                .contains(QString::number(keys::minimumPassphraseLength)));

    // Two different passphrases: rejected before core is called.
    submitEditor(editor, robin, access::Role::ReadOnly, robinPassphrase, robinPassphrase + u'x');
    QVERIFY(editor->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("differ")), qPrintable(error->text()));
    QCOMPARE(storedUsers(m_storePath).size(), 1);

    // Too short: core's message.
    submitEditor(editor, robin, access::Role::ReadOnly, QStringLiteral("short"), QStringLiteral("short"));
    QVERIFY(editor->isVisible());
    QVERIFY2(error->text().contains(QString::number(keys::minimumPassphraseLength)),
             qPrintable(error->text()));
    QCOMPARE(storedUsers(m_storePath).size(), 1);

    submitEditor(editor, robin, access::Role::ReadOnly, robinPassphrase, robinPassphrase);
    QTRY_VERIFY(!anyEditorOpen(dialog));
    QCOMPARE(storedUsers(m_storePath), (QStringList{leadActor().user + u"=lead", robin + u"=readonly"}));
    auto* tree = child<QTreeWidget>(dialog, QStringLiteral("usersTreeWidget"));
    QCOMPARE(treeColumn(tree, 0), (QStringList{leadActor().user, robin}));
    QCOMPARE(tree->currentItem()->text(0), robin);
    QCOMPARE(tree->currentItem()->text(1), access::roleLabel(access::Role::ReadOnly));
}

void TestUsers::coreRejectionsShown() {
    UsersDialog* dialog = openConfirmedUsersDialog();
    QVERIFY(dialog);

    // A user who exists, in another spelling.
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("addUserPushButton")), Qt::LeftButton);
    auto* editor = openEditor(dialog, QStringLiteral("addUserDialog"));
    QVERIFY(editor);
    submitEditor(editor, leadActor().user.toLower(), access::Role::Deputy, robinPassphrase, robinPassphrase);
    QVERIFY(editor->isVisible());
    const QString exists = child<QLabel>(editor, QStringLiteral("userEditorErrorLabel"))->text();
    QVERIFY2(exists.contains(QStringLiteral("already has a passphrase")), qPrintable(exists));
    editor->reject();

    // The only lead cannot be given another role.
    auto* tree = child<QTreeWidget>(dialog, QStringLiteral("usersTreeWidget"));
    selectUser(tree, leadActor().user);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("changeRolePushButton")), Qt::LeftButton);
    editor = openEditor(dialog, QStringLiteral("changeRoleDialog"));
    QVERIFY(editor);
    QCOMPARE(child<QLabel>(editor, QStringLiteral("userNameLabel"))->text(), leadActor().user);
    submitEditor(editor, QString(), access::Role::Deputy, changedPassphrase, changedPassphrase);
    QVERIFY(editor->isVisible());
    const QString lastLead = child<QLabel>(editor, QStringLiteral("userEditorErrorLabel"))->text();
    QVERIFY2(lastLead.contains(QStringLiteral("only designated safeguarding lead")), qPrintable(lastLead));
    editor->reject();
    QCOMPARE(storedUsers(m_storePath), QStringList{leadActor().user + u"=lead"});

    // With a second lead, the lead still cannot remove their own account.
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("addUserPushButton")), Qt::LeftButton);
    editor = openEditor(dialog, QStringLiteral("addUserDialog"));
    QVERIFY(editor);
    submitEditor(editor, QStringLiteral("Alex Morgan"), access::Role::Lead, changedPassphrase,
                 changedPassphrase);
    QTRY_VERIFY(!anyEditorOpen(dialog));
    selectUser(tree, leadActor().user);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("removeUserPushButton")), Qt::LeftButton);
    auto* question = dialog->findChild<QMessageBox*>(QStringLiteral("removeUserMessageBox"));
    QVERIFY(question);
    QTest::mouseClick(child<QPushButton>(question, QStringLiteral("confirmRemovePushButton")),
                      Qt::LeftButton);
    auto* error = child<QLabel>(dialog, QStringLiteral("usersErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("your own account")), qPrintable(error->text()));
    QCOMPARE(storedUsers(m_storePath).size(), 2);
}

void TestUsers::removeUserAsksFirst() {
    UsersDialog* dialog = openConfirmedUsersDialog();
    QVERIFY(dialog);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("addUserPushButton")), Qt::LeftButton);
    auto* editor = openEditor(dialog, QStringLiteral("addUserDialog"));
    QVERIFY(editor);
    submitEditor(editor, robin, access::Role::Caseworker, robinPassphrase, robinPassphrase);
    QTRY_VERIFY(!anyEditorOpen(dialog));
    QCOMPARE(storedUsers(m_storePath).size(), 2);

    auto* tree = child<QTreeWidget>(dialog, QStringLiteral("usersTreeWidget"));
    selectUser(tree, robin);

    // Cancel keeps the user.
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("removeUserPushButton")), Qt::LeftButton);
    QPointer<QMessageBox> question = dialog->findChild<QMessageBox*>(QStringLiteral("removeUserMessageBox"));
    QVERIFY(question);
    QVERIFY(question->text().contains(robin));
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!question);
    QCOMPARE(storedUsers(m_storePath).size(), 2);

    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("removeUserPushButton")), Qt::LeftButton);
    question = dialog->findChild<QMessageBox*>(QStringLiteral("removeUserMessageBox"));
    QVERIFY(question);
    QTest::mouseClick(child<QPushButton>(question, QStringLiteral("confirmRemovePushButton")),
                      Qt::LeftButton);
    QCOMPARE(storedUsers(m_storePath), QStringList{leadActor().user + u"=lead"});
    QCOMPARE(treeColumn(tree, 0), QStringList{leadActor().user});
}

void TestUsers::changeRoleSealsNewPassphrase() {
    UsersDialog* dialog = openConfirmedUsersDialog();
    QVERIFY(dialog);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("addUserPushButton")), Qt::LeftButton);
    auto* editor = openEditor(dialog, QStringLiteral("addUserDialog"));
    QVERIFY(editor);
    submitEditor(editor, robin, access::Role::ReadOnly, robinPassphrase, robinPassphrase);
    QTRY_VERIFY(!anyEditorOpen(dialog));

    auto* tree = child<QTreeWidget>(dialog, QStringLiteral("usersTreeWidget"));
    selectUser(tree, robin);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("changeRolePushButton")), Qt::LeftButton);
    editor = openEditor(dialog, QStringLiteral("changeRoleDialog"));
    QVERIFY(editor);
    QCOMPARE(child<QComboBox>(editor, QStringLiteral("roleComboBox"))->currentData().toString(),
             access::roleCode(access::Role::ReadOnly));
    submitEditor(editor, QString(), access::Role::Caseworker, changedPassphrase, changedPassphrase);
    QTRY_VERIFY(!anyEditorOpen(dialog));
    QCOMPARE(storedUsers(m_storePath), (QStringList{leadActor().user + u"=lead", robin + u"=caseworker"}));

    Result<UnlockedStore> unlocked = unlockWithPassphrase(m_storePath, robin, secretFrom(changedPassphrase));
    QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message));
    QCOMPARE(unlocked->actor.roleCode, access::roleCode(access::Role::Caseworker));
}

void TestUsers::roleChangesAreRecorded() {
    UsersDialog* dialog = openConfirmedUsersDialog();
    QVERIFY(dialog);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("addUserPushButton")), Qt::LeftButton);
    auto* editor = openEditor(dialog, QStringLiteral("addUserDialog"));
    QVERIFY(editor);
    submitEditor(editor, robin, access::Role::ReadOnly, robinPassphrase, robinPassphrase);
    QTRY_VERIFY(!anyEditorOpen(dialog));

    auto* tree = child<QTreeWidget>(dialog, QStringLiteral("usersTreeWidget"));
    selectUser(tree, robin);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("changeRolePushButton")), Qt::LeftButton);
    editor = openEditor(dialog, QStringLiteral("changeRoleDialog"));
    QVERIFY(editor);
    submitEditor(editor, QString(), access::Role::Caseworker, changedPassphrase, changedPassphrase);
    QTRY_VERIFY(!anyEditorOpen(dialog));

    selectUser(tree, robin);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("removeUserPushButton")), Qt::LeftButton);
    auto* question = dialog->findChild<QMessageBox*>(QStringLiteral("removeUserMessageBox"));
    QVERIFY(question);
    QTest::mouseClick(child<QPushButton>(question, QStringLiteral("confirmRemovePushButton")), Qt::LeftButton);
    QCOMPARE(storedUsers(m_storePath), QStringList{leadActor().user + u"=lead"});

    audit::Filter filter;
    filter.actions = {audit::Action::RoleChange};
    filter.newestFirst = false;
    Result<QList<audit::Event>> events = audit::AuditLog(m_window->session()->store()).query(filter);
    QVERIFY2(events, events ? "" : qPrintable(events.error().message));
    QCOMPARE(events->size(), 3);
    const QList<std::pair<QString, QString>> roles{
        {QString(), QStringLiteral("readonly")},
        {QStringLiteral("readonly"), QStringLiteral("caseworker")},
        {QStringLiteral("caseworker"), QString()},
    };
    for (qsizetype i = 0; i < events->size(); ++i) {
        const audit::Event& event = events->at(i);
        QCOMPARE(event.user, leadActor().user);
        QCOMPARE(event.details.value(QStringLiteral("user")).toString(), robin);
        QCOMPARE(event.details.value(QStringLiteral("oldRole")).toString(), roles.at(i).first);
        QCOMPARE(event.details.value(QStringLiteral("newRole")).toString(), roles.at(i).second);
    }
}

void TestUsers::closingOrLockingWipesKey() {
    UsersDialog* dialog = openConfirmedUsersDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isConfirmed());
    QPointer<UsersDialog> closed = dialog;
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("closePushButton")), Qt::LeftButton);
    QTRY_VERIFY(!closed);

    dialog = openConfirmedUsersDialog();
    QVERIFY(dialog);
    QPointer<UsersDialog> open = dialog;
    m_window->lock();
    QVERIFY(!open);
    QVERIFY(!m_window->isUnlocked());
}

void TestUsers::readOnlyUserWritesRejected() {
    UsersDialog* dialog = openConfirmedUsersDialog();
    QVERIFY(dialog);
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("addUserPushButton")), Qt::LeftButton);
    auto* editor = openEditor(dialog, QStringLiteral("addUserDialog"));
    QVERIFY(editor);
    submitEditor(editor, robin, access::Role::ReadOnly, robinPassphrase, robinPassphrase);
    QTRY_VERIFY(!anyEditorOpen(dialog));
    m_window->lock();

    // Robin unlocks through the unlock dialog, choosing their name.
    UnlockDialog unlock(m_storePath, m_chooser, m_window.get());
    unlock.show();
    auto* users = child<QComboBox>(&unlock, QStringLiteral("userComboBox"));
    QVERIFY(users->isVisible());
    users->setCurrentIndex(users->findText(robin));
    QTest::keyClicks(child<QLineEdit>(&unlock, QStringLiteral("passphraseLineEdit")), robinPassphrase);
    QTest::mouseClick(child<QPushButton>(&unlock, QStringLiteral("unlockPushButton")), Qt::LeftButton);
    QCOMPARE(unlock.result(), int(QDialog::Accepted));
    QCOMPARE(unlock.actor().user, robin);
    QCOMPARE(unlock.actor().roleCode, access::roleCode(access::Role::ReadOnly));
    m_window->openSession(unlock.takeStore(), unlock.actor());
    QVERIFY(m_window->isUnlocked());

    for (const QString& name :
         {QStringLiteral("addPersonAction"), QStringLiteral("deletedItemsAction"),
          QStringLiteral("usersAction"), QStringLiteral("settingsAction"), QStringLiteral("importAction")})
        QVERIFY2(!child<QAction>(m_window.get(), name)->isEnabled(), qPrintable(name));

    // A write past the disabled buttons, with the session's Actor.
    CaseSession* session = m_window->session();
    Result<QList<FamilySummary>> families = session->directory().families();
    QVERIFY(families && !families->isEmpty());
    const QString familyId = families->first().id;
    CaseNote note;
    note.familyId = familyId;
    note.date = session->today();
    note.author = robin;
    note.type = QStringLiteral("home-visit");
    note.text = QStringLiteral("Visited the family at home.");
    Result<CaseNote> written = session->notes().create(session->actor(), note);
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(written.error().message.contains(QStringLiteral("cannot change case records")),
             qPrintable(written.error().message));
    Result<QList<CaseNote>> chronology = session->notes().chronology(familyId);
    QVERIFY(chronology);
    QVERIFY(chronology->isEmpty());
}

QTEST_MAIN(TestUsers)
#include "tst_users.moc"
