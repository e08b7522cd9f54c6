// The audit events the main window appends as a user works: one view event
// per family or person selected, and one search event per query typed.

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "audit/auditlog.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/familyview.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

class TestAuditEvents : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void selectingFamilyRecordsOneView();
    void selectingPersonRecordsPersonView();
    void typedQueryRecordsOneSearch();
    void pulledChangeReloadsFamilyView();

private:
    [[nodiscard]] QList<audit::Event> events(audit::Action action) const;

    FileChooser m_chooser;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestAuditEvents::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelpTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_auditevents"));
    installTranslations(*QCoreApplication::instance());
    m_chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    m_chooser.saveFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
}

void TestAuditEvents::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir->filePath(QStringLiteral("larkspur.ehstore")));
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_window = std::make_unique<MainWindow>(m_chooser);
    m_window->openSession(std::move(*store), leadActor());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestAuditEvents::cleanup() {
    m_window.reset();
    m_dir.reset();
}

QList<audit::Event> TestAuditEvents::events(audit::Action action) const {
    audit::Filter filter;
    filter.actions = {action};
    filter.newestFirst = false;
    Result<QList<audit::Event>> found = audit::AuditLog(m_window->session()->store()).query(filter);
    if (!found) {
        qWarning("Reading events failed: %s", qUtf8Printable(found.error().message));
        return {};
    }
    return *found;
}

void TestAuditEvents::selectingFamilyRecordsOneView() {
    auto* tabs = child<QTabWidget>(m_window.get(), QStringLiteral("listsTabWidget"));
    auto* families = child<QTreeView>(m_window.get(), QStringLiteral("familiesTreeView"));
    QVERIFY(tabs && families);
    tabs->setCurrentIndex(0);
    QVERIFY(families->model()->rowCount() >= 2);

    const qsizetype before = events(audit::Action::View).size();
    families->setCurrentIndex(families->model()->index(1, 0));
    QList<audit::Event> views = events(audit::Action::View);
    QCOMPARE(views.size(), before + 1);
    const audit::Event& view = views.last();
    QCOMPARE(view.recordType, QStringLiteral("family"));
    QVERIFY(!view.recordId.isEmpty());
    QCOMPARE(view.familyId, view.recordId);
    QCOMPARE(view.user, leadActor().user);
    QCOMPARE(view.roleCode, leadActor().roleCode);

    // A write to the family reloads the view and the list, which selects
    // the family again: no new view.
    emit m_window->session()->familyChanged(view.familyId);
    QCOMPARE(events(audit::Action::View).size(), before + 1);

    families->setCurrentIndex(families->model()->index(0, 0));
    QCOMPARE(events(audit::Action::View).size(), before + 2);
}

void TestAuditEvents::selectingPersonRecordsPersonView() {
    auto* tabs = child<QTabWidget>(m_window.get(), QStringLiteral("listsTabWidget"));
    auto* people = child<QTreeView>(m_window.get(), QStringLiteral("peopleTreeView"));
    QVERIFY(tabs && people);
    tabs->setCurrentIndex(1);
    QVERIFY(people->model()->rowCount() >= 2);

    const qsizetype before = events(audit::Action::View).size();
    people->setCurrentIndex(people->model()->index(1, 0));
    const QList<audit::Event> views = events(audit::Action::View);
    QVERIFY(views.size() > before);
    const audit::Event& view = views.last();
    QCOMPARE(view.recordType, QStringLiteral("person"));
    QCOMPARE(view.personId, view.recordId);
    // The person's family opens with them, and is not recorded apart.
    for (qsizetype i = before; i < views.size(); ++i)
        QCOMPARE(views.at(i).recordType, QStringLiteral("person"));
}

void TestAuditEvents::typedQueryRecordsOneSearch() {
    auto* search = child<QLineEdit>(m_window.get(), QStringLiteral("peopleSearchLineEdit"));
    QVERIFY(search);
    const qsizetype before = events(audit::Action::Search).size();

    QTest::keyClicks(search, QStringLiteral("fenwick"));
    QTRY_COMPARE_WITH_TIMEOUT(events(audit::Action::Search).size(), before + 1, 10000);
    const audit::Event& event = events(audit::Action::Search).last();
    QCOMPARE(event.details.value(QStringLiteral("query")).toString(), QStringLiteral("fenwick"));
    QCOMPARE(event.details.value(QStringLiteral("list")).toString(), QStringLiteral("people"));
    auto* people = child<QTreeView>(m_window.get(), QStringLiteral("peopleTreeView"));
    QVERIFY(people);
    QVERIFY(people->model()->rowCount() > 0);
    QCOMPARE(event.details.value(QStringLiteral("results")).toInt(), people->model()->rowCount());
    QCOMPARE(event.user, leadActor().user);

    // The same query again is no new search; a changed one is. The wait is
    // longer than the window's pause before it records a search.
    search->setText(QStringLiteral("fenwick "));
    QTest::qWait(2500);
    QCOMPARE(events(audit::Action::Search).size(), before + 1);
    search->setText(QStringLiteral("ashby"));
    QTRY_COMPARE_WITH_TIMEOUT(events(audit::Action::Search).size(), before + 2, 10000);
}

void TestAuditEvents::pulledChangeReloadsFamilyView() {
    auto* tabs = child<QTabWidget>(m_window.get(), QStringLiteral("listsTabWidget"));
    auto* families = child<QTreeView>(m_window.get(), QStringLiteral("familiesTreeView"));
    auto* title = child<QLabel>(m_window.get(), QStringLiteral("familyNameLabel"));
    QVERIFY(tabs && families && title);
    tabs->setCurrentIndex(0);
    families->setCurrentIndex(families->model()->index(0, 0));
    const qsizetype viewsBefore = events(audit::Action::View).size();
    const QString familyId = events(audit::Action::View).last().familyId;
    QVERIFY(!familyId.isEmpty());

    // A sync writes the store behind the window, then reports that people
    // and families changed, as SyncController does after a pull.
    QSqlQuery rename(m_window->session()->store().database());
    rename.prepare(QStringLiteral("UPDATE family SET name = 'Renamed by sync family' WHERE id = ?"));
    rename.addBindValue(familyId);
    QVERIFY2(rename.exec(), qPrintable(rename.lastError().text()));
    m_window->session()->notifyPeopleChanged();

    QCOMPARE(title->text(), QStringLiteral("Renamed by sync family"));
    // Reading the family again for the user is not a new view by the user.
    QCOMPARE(events(audit::Action::View).size(), viewsBefore);

    // A family removed behind the view leaves it empty, not showing an error.
    auto* view = m_window->findChild<FamilyView*>();
    QVERIFY(view);
    QSqlQuery remove(m_window->session()->store().database());
    QVERIFY(remove.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    remove.prepare(QStringLiteral("DELETE FROM family WHERE id = ?"));
    remove.addBindValue(familyId);
    QVERIFY2(remove.exec(), qPrintable(remove.lastError().text()));
    QVERIFY(remove.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
    view->reload();
    QCOMPARE(view->familyId(), QString());
    QCOMPARE(title->text(), QString());
    auto* placeholder = child<QLabel>(view, QStringLiteral("familyPlaceholderLabel"));
    QVERIFY(placeholder);
    QVERIFY2(placeholder->text().startsWith(QStringLiteral("Choose a family")), qPrintable(placeholder->text()));
}

QTEST_MAIN(TestAuditEvents)
#include "tst_auditevents.moc"
