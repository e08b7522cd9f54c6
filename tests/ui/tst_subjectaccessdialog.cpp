// The Subject Access Request dialog driven offscreen with the keyboard and
// mouse, on a family written through the repositories: the review, its
// checks, the export of both forms and the refusal of other roles.

#include "../core/subjectaccess/subjectaccesstesthelpers.h"

#include "ui/casesession.h"
#include "ui/mainwindow.h"
#include "ui/subjectaccessdialog.h"
#include "uitestsupport.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <memory>

using namespace earlyhelp;
using namespace earlyhelp::testing;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

class TestSubjectAccessDialog : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listsItemsBySection();
    void deletedItemShowsStatus();
    void withholdNeedsReason();
    void exportsJsonWithoutWithheldItem();
    void exportsPdf();
    void thirdPartyFilter();
    void cancelledFileChoiceExportsNothing();
    void readOnlyUserRejected();
    void menuActionForLeadOnly();
    void menuActionOpensDialog();

private:
    // Opens the dialog for the child as actor; the store moves into a session.
    void openDialog(const access::Actor& actor);
    // Makes the row of itemId current, or fails.
    [[nodiscard]] QTreeWidgetItem* selectRow(const QString& itemId);
    [[nodiscard]] qint64 exportEvents();

    CaseworkFixture m_fixture;
    SubjectAccessCase m_case;
    std::unique_ptr<CaseSession> m_session;
    std::unique_ptr<SubjectAccessDialog> m_dialog;
    QString m_chosenPath; // what the file chooser returns
};

void TestSubjectAccessDialog::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_case = SubjectAccessCase{};
    const QString written = writeSubjectAccessCase(m_fixture, m_case);
    QVERIFY2(written.isEmpty(), qUtf8Printable(written));
    m_chosenPath = m_fixture.folder->filePath(u"export.json"_s);
}

void TestSubjectAccessDialog::cleanup() {
    m_dialog.reset();
    m_session.reset();
    m_fixture.tearDown();
}

void TestSubjectAccessDialog::openDialog(const access::Actor& actor) {
    m_session = std::make_unique<CaseSession>(std::move(m_fixture.store), actor);
    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = [this](QWidget*, const QString&, const QString&, const QString&) { return m_chosenPath; };
    m_dialog = std::make_unique<SubjectAccessDialog>(m_session.get(), m_case.childId, chooser);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

QTreeWidgetItem* TestSubjectAccessDialog::selectRow(const QString& itemId) {
    auto* tree = child<QTreeWidget>(m_dialog.get(), u"subjectAccessTreeWidget"_s);
    if (tree == nullptr)
        return nullptr;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == itemId) {
            tree->setFocus();
            tree->setCurrentItem(*it);
            return *it;
        }
    }
    qWarning("No row for %s", qUtf8Printable(itemId));
    return nullptr;
}

qint64 TestSubjectAccessDialog::exportEvents() {
    audit::Filter filter;
    filter.personId = m_case.childId;
    filter.actions = {audit::Action::Export};
    const Result<qint64> counted = audit::AuditLog(m_session->store()).count(filter);
    return counted ? *counted : -1;
}

void TestSubjectAccessDialog::listsItemsBySection() {
    openDialog(lead);
    auto* tree = child<QTreeWidget>(m_dialog.get(), u"subjectAccessTreeWidget"_s);
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), subjectaccess::allSections().size());
    int rows = 0;
    for (int section = 0; section < tree->topLevelItemCount(); ++section)
        rows += tree->topLevelItem(section)->childCount();
    QCOMPARE(rows, m_dialog->collection().items.size());
    QVERIFY(m_dialog->windowTitle().contains(u"Amara Fenwick"_s));

    auto* counts = child<QLabel>(m_dialog.get(), u"subjectAccessCountLabel"_s);
    QVERIFY(counts);
    QVERIFY2(counts->text().startsWith(QString::number(rows)), qUtf8Printable(counts->text()));
    QVERIFY2(counts->text().contains(u"0 withheld"_s), qUtf8Printable(counts->text()));

    // The current row's content shows beside the tree.
    QVERIFY(selectRow(u"case_note/"_s + m_case.childNoteId));
    auto* text = child<QPlainTextEdit>(m_dialog.get(), u"itemTextEdit"_s);
    QVERIFY(text);
    QVERIFY(text->toPlainText().contains(marker::childNote));
}

void TestSubjectAccessDialog::deletedItemShowsStatus() {
    EARLYHELP_VERIFY_OK(
        CaseNoteRepository(*m_fixture.store, m_fixture.options()).remove(lead, m_case.childNoteId));
    openDialog(lead);

    QTreeWidgetItem* row = selectRow(u"case_note/"_s + m_case.childNoteId);
    QVERIFY(row);
    QVERIFY2(row->text(0).endsWith(u" (deleted)"_s), qUtf8Printable(row->text(0)));
    auto* text = child<QPlainTextEdit>(m_dialog.get(), u"itemTextEdit"_s);
    QVERIFY(text);
    QVERIFY2(text->toPlainText().startsWith(u"Deleted on 04/12/2026, restorable until 03/01/2027."_s),
             qUtf8Printable(text->toPlainText()));
    QVERIFY(text->toPlainText().contains(marker::childNote));

    QTreeWidgetItem* liveRow = selectRow(u"case_note/"_s + m_case.motherNoteId);
    QVERIFY(liveRow);
    QVERIFY(!liveRow->text(0).contains(u"(deleted)"_s));
    QVERIFY(!text->toPlainText().contains(u"Deleted on"_s));
}

void TestSubjectAccessDialog::withholdNeedsReason() {
    openDialog(lead);
    const QString itemId = u"case_note/"_s + m_case.motherNoteId;
    QTreeWidgetItem* row = selectRow(itemId);
    QVERIFY(row);
    auto* tree = child<QTreeWidget>(m_dialog.get(), u"subjectAccessTreeWidget"_s);
    // Space toggles the current row's check box: withheld, no reason yet.
    QTest::keyClick(tree, Qt::Key_Space);
    QTRY_COMPARE(row->checkState(0), Qt::Checked);
    QVERIFY(m_dialog->review().value(itemId).withhold);
    auto* withhold = child<QCheckBox>(m_dialog.get(), u"withholdCheckBox"_s);
    QVERIFY(withhold && withhold->isChecked());

    auto* exportJson = child<QPushButton>(m_dialog.get(), u"exportJsonButton"_s);
    QVERIFY(exportJson);
    QTest::mouseClick(exportJson, Qt::LeftButton);
    auto* status = child<QLabel>(m_dialog.get(), u"subjectAccessStatusLabel"_s);
    QVERIFY(status);
    QVERIFY2(status->text().contains(itemId), qUtf8Printable(status->text()));
    QVERIFY(!QFile::exists(m_chosenPath));
    QCOMPARE(exportEvents(), 0);
}

void TestSubjectAccessDialog::exportsJsonWithoutWithheldItem() {
    openDialog(lead);
    const QString itemId = u"case_note/"_s + m_case.motherNoteId;
    QVERIFY(selectRow(itemId));
    auto* withhold = child<QCheckBox>(m_dialog.get(), u"withholdCheckBox"_s);
    auto* reason = child<QComboBox>(m_dialog.get(), u"reasonComboBox"_s);
    auto* note = child<QLineEdit>(m_dialog.get(), u"noteLineEdit"_s);
    QVERIFY(withhold && reason && note);
    withhold->setFocus();
    QTest::keyClick(withhold, Qt::Key_Space);
    QVERIFY(withhold->isChecked());
    QVERIFY(reason->isEnabled());
    reason->setFocus();
    QTest::keyClick(reason, Qt::Key_Down); // "Third-party information"
    QCOMPARE(reason->currentData().toString(), u"third-party"_s);
    QTest::keyClicks(note, u"The mother's call"_s);
    QCOMPARE(m_dialog->review().value(itemId).note, u"The mother's call"_s);

    auto* counts = child<QLabel>(m_dialog.get(), u"subjectAccessCountLabel"_s);
    QVERIFY2(counts->text().contains(u"1 withheld"_s), qUtf8Printable(counts->text()));

    QTest::mouseClick(child<QPushButton>(m_dialog.get(), u"exportJsonButton"_s), Qt::LeftButton);
    auto* status = child<QLabel>(m_dialog.get(), u"subjectAccessStatusLabel"_s);
    QTRY_VERIFY2(QFile::exists(m_chosenPath), qUtf8Printable(status->text()));
    QVERIFY2(status->text().contains(u"audit trail"_s), qUtf8Printable(status->text()));
    QCOMPARE(exportEvents(), 1);

    QFile file(m_chosenPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(!content.contains(marker::motherNote.toUtf8()));
    QVERIFY(content.contains(marker::childNote.toUtf8()));
    const QJsonObject json = QJsonDocument::fromJson(content).object();
    QCOMPARE(json.value(u"withheld"_s).toArray().size(), 1);
    QCOMPARE(json.value(u"items"_s).toArray().size(), m_dialog->collection().items.size() - 1);
}

void TestSubjectAccessDialog::exportsPdf() {
    m_chosenPath = m_fixture.folder->filePath(u"export.pdf"_s);
    openDialog(lead);
    QTest::mouseClick(child<QPushButton>(m_dialog.get(), u"exportPdfButton"_s), Qt::LeftButton);
    QTRY_VERIFY(QFile::exists(m_chosenPath));
    QFile file(m_chosenPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QCOMPARE(exportEvents(), 1);
}

void TestSubjectAccessDialog::thirdPartyFilter() {
    openDialog(lead);
    auto* tree = child<QTreeWidget>(m_dialog.get(), u"subjectAccessTreeWidget"_s);
    auto* filter = child<QCheckBox>(m_dialog.get(), u"thirdPartyOnlyCheckBox"_s);
    QVERIFY(tree && filter);
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Space);
    QVERIFY(filter->isChecked());

    int shown = 0;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        const QString itemId = (*it)->data(0, Qt::UserRole).toString();
        if (itemId.isEmpty() || (*it)->isHidden())
            continue;
        ++shown;
        const auto item = std::ranges::find_if(m_dialog->collection().items,
                                               [&itemId](const subjectaccess::Item& each) { return each.id == itemId; });
        QVERIFY(item->mayContainThirdParty);
    }
    const qsizetype suggested = std::ranges::count_if(
        m_dialog->collection().items, [](const subjectaccess::Item& item) { return item.mayContainThirdParty; });
    QCOMPARE(shown, suggested);
    QVERIFY(shown > 0);

    QTest::keyClick(filter, Qt::Key_Space);
    QVERIFY(!filter->isChecked());
    int visible = 0;
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        if (!(*it)->data(0, Qt::UserRole).toString().isEmpty() && !(*it)->isHidden())
            ++visible;
    }
    QCOMPARE(visible, m_dialog->collection().items.size());
}

void TestSubjectAccessDialog::cancelledFileChoiceExportsNothing() {
    m_chosenPath.clear();
    openDialog(lead);
    QTest::mouseClick(child<QPushButton>(m_dialog.get(), u"exportJsonButton"_s), Qt::LeftButton);
    QCOMPARE(exportEvents(), 0);
}

void TestSubjectAccessDialog::readOnlyUserRejected() {
    openDialog(access::Actor{u"r.hughes"_s, u"readonly"_s});
    auto* status = child<QLabel>(m_dialog.get(), u"subjectAccessStatusLabel"_s);
    QVERIFY(status);
    QVERIFY2(status->text().contains(u"designated safeguarding lead"_s), qUtf8Printable(status->text()));
    QVERIFY(!child<QPushButton>(m_dialog.get(), u"exportPdfButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(m_dialog.get(), u"exportJsonButton"_s)->isEnabled());
    QVERIFY(m_dialog->collection().items.isEmpty());
}

void TestSubjectAccessDialog::menuActionForLeadOnly() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const auto actionEnabledFor = [&folder](const access::Actor& actor, const QString& name) -> std::optional<bool> {
        FileChooser chooser;
        chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
        chooser.saveFile = chooser.openFile;
        MainWindow window(chooser);
        Result<std::unique_ptr<Store>> store = makeCaseStore(folder.filePath(name));
        if (!store)
            return std::nullopt;
        window.openSession(std::move(*store), actor);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return std::nullopt;
        auto* action = window.findChild<QAction*>(u"subjectAccessAction"_s);
        auto* peopleView = window.findChild<QTreeView*>(u"peopleTreeView"_s);
        if (action == nullptr || peopleView == nullptr || action->isEnabled())
            return std::nullopt; // nothing is selected yet, so it must be disabled
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        if (!QTest::qWaitFor([peopleView] { return peopleView->model()->rowCount() > 0; }))
            return std::nullopt;
        peopleView->setCurrentIndex(peopleView->model()->index(0, 0));
        QCoreApplication::processEvents();
        return action->isEnabled();
    };
    const std::optional<bool> forLead = actionEnabledFor(leadActor(), u"lead.ehstore"_s);
    QVERIFY(forLead.has_value());
    QVERIFY(*forLead);
    const std::optional<bool> forReadOnly = actionEnabledFor(readOnlyActor(), u"readonly.ehstore"_s);
    QVERIFY(forReadOnly.has_value());
    QVERIFY(!*forReadOnly);
}

void TestSubjectAccessDialog::menuActionOpensDialog() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    MainWindow window(chooser);
    Result<std::unique_ptr<Store>> store = makeCaseStore(folder.filePath(u"open.ehstore"_s));
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    window.openSession(std::move(*store), leadActor());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto* peopleSearch = child<QLineEdit>(&window, u"peopleSearchLineEdit"_s);
    auto* peopleView = child<QTreeView>(&window, u"peopleTreeView"_s);
    auto* action = window.findChild<QAction*>(u"subjectAccessAction"_s);
    QVERIFY(peopleSearch && peopleView && action);
    QTest::keyClicks(peopleSearch, u"Amara"_s);
    QTRY_COMPARE(peopleView->model()->rowCount(), 1);
    peopleView->setCurrentIndex(peopleView->model()->index(0, 0));
    QTRY_VERIFY(action->isEnabled());

    action->trigger();
    SubjectAccessDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SubjectAccessDialog*>(u"subjectAccessDialog"_s)) != nullptr);
    QVERIFY2(dialog->windowTitle().contains(u"Amara Fenwick"_s), qUtf8Printable(dialog->windowTitle()));
    QVERIFY(!dialog->collection().items.isEmpty());
    delete dialog;
}

QTEST_MAIN(TestSubjectAccessDialog)
#include "tst_subjectaccessdialog.moc"
