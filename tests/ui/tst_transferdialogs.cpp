// The safeguarding file transfer on real widgets and real stores. A lead
// sends a pupil's file from the people list. The receiving school imports it
// with the code and saves the receipt, which the sending school records in
// Safeguarding File Transfers.

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "cases/casedirectory.h"
#include "common/secretbytes.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/mainwindow.h"
#include "ui/transferdialogs.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

class TestTransferDialogs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void toolsMenuListsTransfers();
    void sendShowsCodeOnce();
    void importShowsSummaryAndReceipt();
    void confirmReceiptRecordsTimes();
    void readOnlyUserCannotTransfer();

private:
    [[nodiscard]] FileChooser chooser();

    QTemporaryDir m_dir;
    QString m_openPath; // what the file chooser returns for an existing file
    QString m_savePath; // what it returns for a file to create
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<CaseSession> m_receiving;
    QString m_code;
};

FileChooser TestTransferDialogs::chooser() {
    FileChooser files;
    files.openFile = [this](QWidget*, const QString&, const QString&, const QString&) { return m_openPath; };
    files.saveFile = [this](QWidget*, const QString&, const QString&, const QString&) { return m_savePath; };
    return files;
}

void TestTransferDialogs::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());

    Result<std::unique_ptr<Store>> sending = makeCaseStore(m_dir.filePath(u"sending.ehstore"_s));
    QVERIFY2(sending.has_value(), sending ? "" : qPrintable(sending.error().message));
    QSqlQuery urn((*sending)->database());
    QVERIFY(urn.exec(u"UPDATE organisation SET dfe_urn = '103456' WHERE is_local = 1"_s));
    m_window = std::make_unique<MainWindow>(chooser());
    m_window->openSession(std::move(*sending), leadActor());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    Result<std::unique_ptr<Store>> receiving =
        Store::create(m_dir.filePath(u"receiving.ehstore"_s), SecretBytes::random(32));
    QVERIFY2(receiving.has_value(), receiving ? "" : qPrintable(receiving.error().message));
    OrganisationRecord school;
    school.name = u"Hillcrest Academy"_s;
    school.dfeUrn = u"104789"_s;
    QVERIFY(createLocalOrganisation(**receiving, school).has_value());
    m_receiving = std::make_unique<CaseSession>(std::move(*receiving),
                                                access::Actor{u"m.byrne"_s, u"deputy"_s});
}

void TestTransferDialogs::cleanupTestCase() {
    m_window.reset();
    m_receiving.reset();
}

void TestTransferDialogs::toolsMenuListsTransfers() {
    auto* tools = child<QMenu>(m_window.get(), u"toolsMenu"_s);
    QVERIFY(tools);
    QStringList texts;
    for (QAction* action : tools->actions())
        texts << action->text();
    QVERIFY2(texts.contains(u"Import &Safeguarding File…"_s), qPrintable(texts.join(u", ")));
    QVERIFY2(texts.contains(u"Safeguarding File &Transfers…"_s), qPrintable(texts.join(u", ")));
    QVERIFY(child<QAction>(m_window.get(), u"importTransferAction"_s)->isEnabled());
    QVERIFY(child<QAction>(m_window.get(), u"transfersAction"_s)->isEnabled());
}

void TestTransferDialogs::sendShowsCodeOnce() {
    auto* action = child<QAction>(m_window.get(), u"transferPersonAction"_s);
    QVERIFY(action);
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    auto* peopleSearch = child<QLineEdit>(m_window.get(), u"peopleSearchLineEdit"_s);
    auto* peopleView = child<QTreeView>(m_window.get(), u"peopleTreeView"_s);
    QVERIFY(peopleSearch && peopleView);
    QTest::keyClicks(peopleSearch, u"Amara"_s);
    QTRY_COMPARE(peopleView->model()->rowCount(), 1);
    peopleView->setCurrentIndex(peopleView->model()->index(0, 0));
    QTRY_VERIFY(action->isEnabled());
    action->trigger();

    SendTransferDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SendTransferDialog*>(u"sendTransferDialog"_s)) != nullptr);
    auto* urnEdit = child<QLineEdit>(dialog, u"receivingUrnLineEdit"_s);
    auto* pathEdit = child<QLineEdit>(dialog, u"packagePathLineEdit"_s);
    auto* codeEdit = child<QLineEdit>(dialog, u"transferCodeLineEdit"_s);
    auto* createButton = child<QPushButton>(dialog, u"createPackageButton"_s);
    QVERIFY(urnEdit && pathEdit && codeEdit && createButton);
    QVERIFY(!codeEdit->isVisible());

    QTest::keyClicks(urnEdit, u"104789"_s);
    m_savePath = m_dir.filePath(u"amara.ehsg"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"choosePackageButton"_s), Qt::LeftButton);
    QCOMPARE(QDir::fromNativeSeparators(pathEdit->text()), m_savePath);
    QTest::mouseClick(createButton, Qt::LeftButton);

    QTRY_VERIFY(codeEdit->isVisible());
    m_code = codeEdit->text();
    static const QRegularExpression form(u"^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$"_s);
    QVERIFY2(form.match(m_code).hasMatch(), qPrintable(m_code));
    QVERIFY(codeEdit->isReadOnly());
    QVERIFY(!createButton->isEnabled());
    QVERIFY(QFile::exists(m_savePath));
    auto* route = child<QLabel>(dialog, u"transferRouteLabel"_s);
    QVERIFY(route && route->text().contains(u"different route than the file"_s));

    // The code is shown only once, so all of it and all of the advice must
    // fit without scrolling or clipping.
    QTRY_VERIFY(codeEdit->width() > 0);
    QVERIFY2(codeEdit->fontMetrics().horizontalAdvance(m_code) < codeEdit->width(),
             qPrintable(u"%1 px wide code in a %2 px field"_s.arg(codeEdit->fontMetrics().horizontalAdvance(m_code))
                            .arg(codeEdit->width())));
    QVERIFY2(route->height() >= route->heightForWidth(route->width()),
             qPrintable(u"advice %1 px high, needs %2"_s.arg(route->height()).arg(route->heightForWidth(route->width()))));

    QTest::mouseClick(child<QPushButton>(dialog, u"copyCodeButton"_s), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), m_code);
    dialog->close();
}

void TestTransferDialogs::importShowsSummaryAndReceipt() {
    QVERIFY(!m_code.isEmpty());
    ImportTransferDialog dialog(m_receiving.get(), chooser());
    QSignalSpy importedSpy(&dialog, &ImportTransferDialog::imported);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* codeEdit = child<QLineEdit>(&dialog, u"importCodeLineEdit"_s);
    auto* importButton = child<QPushButton>(&dialog, u"importPackageButton"_s);
    auto* summary = child<QLabel>(&dialog, u"importSummaryLabel"_s);
    auto* saveReceipt = child<QPushButton>(&dialog, u"saveReceiptButton"_s);
    QVERIFY(codeEdit && importButton && summary && saveReceipt);
    QVERIFY(!saveReceipt->isVisible());

    m_openPath = m_dir.filePath(u"amara.ehsg"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"chooseImportPackageButton"_s), Qt::LeftButton);

    // A wrong code shows the error and imports nothing.
    QTest::keyClicks(codeEdit, u"0000-0000-0000-0000-0000"_s);
    QTest::mouseClick(importButton, Qt::LeftButton);
    auto* error = child<QLabel>(&dialog, u"transferErrorLabel"_s);
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().startsWith(u"The code does not open this package"_s));
    QCOMPARE(importedSpy.count(), 0);

    codeEdit->clear();
    QTest::keyClicks(codeEdit, m_code.toLower());
    QTest::mouseClick(importButton, Qt::LeftButton);
    QTRY_VERIFY(summary->isVisible());
    QVERIFY(!error->isVisible());
    QCOMPARE(importedSpy.count(), 1);
    QVERIFY2(summary->text().contains(u"Amara Fenwick"_s), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(u"(URN 103456)"_s), qPrintable(summary->text()));

    Result<QList<PersonSummary>> people = m_receiving->directory().people(u"Amara"_s);
    QVERIFY(people.has_value());
    QCOMPARE(people->size(), 1);
    QCOMPARE(people->first().id, importedSpy.first().first().toString());

    m_savePath = m_dir.filePath(u"receipt.json"_s);
    QVERIFY(saveReceipt->isVisible());
    QTest::mouseClick(saveReceipt, Qt::LeftButton);
    QVERIFY(QFile::exists(m_savePath));
    QVERIFY(summary->text().contains(u"Receipt saved to"_s));
}

void TestTransferDialogs::confirmReceiptRecordsTimes() {
    QVERIFY(QFile::exists(m_dir.filePath(u"receipt.json"_s)));
    child<QAction>(m_window.get(), u"transfersAction"_s)->trigger();
    TransfersDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<TransfersDialog*>(u"transfersDialog"_s)) != nullptr);
    auto* table = child<QTableWidget>(dialog, u"transfersTable"_s);
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), u"Sent"_s);
    QCOMPARE(table->item(0, 1)->text(), u"Amara Fenwick"_s);
    QCOMPARE(table->item(0, 2)->text(), u"URN 104789"_s);
    QCOMPARE(table->item(0, 5)->text(), QString());
    QCOMPARE(table->item(0, 6)->text(), u"Waiting"_s);

    m_openPath = m_dir.filePath(u"receipt.json"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"confirmReceiptButton"_s), Qt::LeftButton);
    QTRY_COMPARE(table->item(0, 2)->text(), u"Hillcrest Academy (URN 104789)"_s);
    QVERIFY(!table->item(0, 5)->text().isEmpty());
    QVERIFY(table->item(0, 6)->text() != u"Waiting"_s);
    auto* message = child<QLabel>(dialog, u"transfersMessageLabel"_s);
    QVERIFY2(message->text().startsWith(u"Receipt recorded: Hillcrest Academy"_s), qPrintable(message->text()));

    // The receiving school lists the same package as received.
    TransfersDialog received(m_receiving.get(), chooser());
    auto* receivedTable = child<QTableWidget>(&received, u"transfersTable"_s);
    QCOMPARE(receivedTable->rowCount(), 1);
    QCOMPARE(receivedTable->item(0, 0)->text(), u"Received"_s);
    QCOMPARE(receivedTable->item(0, 7)->text(), table->item(0, 7)->text());
    dialog->close();
}

void TestTransferDialogs::readOnlyUserCannotTransfer() {
    MainWindow window(chooser());
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir.filePath(u"readonly.ehstore"_s));
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    window.openSession(std::move(*store), readOnlyActor());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto* peopleView = child<QTreeView>(&window, u"peopleTreeView"_s);
    QTRY_VERIFY(peopleView->model()->rowCount() > 0);
    peopleView->setCurrentIndex(peopleView->model()->index(0, 0));

    for (const QString& name : {u"transferPersonAction"_s, u"importTransferAction"_s, u"transfersAction"_s}) {
        auto* action = child<QAction>(&window, name);
        QVERIFY(action);
        QVERIFY2(!action->isEnabled(), qPrintable(name));
    }
}

QTEST_MAIN(TestTransferDialogs)
#include "tst_transferdialogs.moc"
