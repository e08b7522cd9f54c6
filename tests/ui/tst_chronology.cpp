// The Chronology and Case tabs of the Fenwick family on real widgets over a
// real store: notes written through the editor, the filters, a status change
// that shows as a significant entry, printing to PDF, and a read-only user.

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QTextDocument>

#include "cases/casedirectory.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "casework/familycaserepository.h"
#include "sharing/overridelog.h"
#include "store/store.h"
#include "ui/casenoteeditor.h"
#include "ui/casesession.h"
#include "ui/chronologypage.h"
#include "ui/displaytext.h"
#include "ui/familycasepage.h"
#include "ui/familyview.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

const QString visitText = QStringLiteral("Visited Joanna at home. The children were settled.");
const QString concernText = QStringLiteral("Amara told her teacher she is worried about money at home.");
const QString closureReason = QStringLiteral("Plan goals met; family agrees to close.");

// Returns the texts of one column of table, top to bottom.
QStringList columnTexts(const QTableWidget* table, int column) {
    QStringList texts;
    for (int row = 0; row < table->rowCount(); ++row)
        texts += table->item(row, column) ? table->item(row, column)->text() : QString();
    return texts;
}

enum ChronologyColumn { DateColumn, TypeColumn, AuthorColumn, SignificantColumn, TextColumn };

} // namespace

class TestChronologyPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void addNotesThroughEditor();
    void significantOnlyFilter();
    void typeFilter();
    void nonNoteEntryNamesItsTab();
    void statusChangeShowsAsSignificant();
    void leadPractitionerSavedWithEnter();
    void printedPdfFollowsFilter();
    void deleteNoteAsksFirst();
    void overrideUseShownAsEntry();
    void readOnlyUserCannotAddNotes();

private:
    // Opens the note editor with the page's shortcut, fills it in and saves.
    void writeNote(const QString& typeCode, const QString& text, bool significant);
    void setFilter(const QString& typeCode, bool significantOnly);
    [[nodiscard]] QList<CaseNote> storedNotes() const;

    QTemporaryDir m_dir;
    std::unique_ptr<CaseSession> m_session;
    std::unique_ptr<FamilyView> m_view;
    QString m_familyId;
    ChronologyPage* m_page = nullptr;
    FamilyCasePage* m_casePage = nullptr;
};

void TestChronologyPage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir.filePath(QStringLiteral("case.ehstore")));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());

    Result<QList<FamilySummary>> families = m_session->directory().families(QStringLiteral("Fenwick"));
    QVERIFY(families);
    QCOMPARE(families->size(), 1);
    m_familyId = families->first().id;

    m_view = std::make_unique<FamilyView>();
    m_view->setSession(m_session.get());
    connect(m_session.get(), &CaseSession::familyChanged, m_view.get(), [this] { m_view->reload(); });
    Result<FamilyDetail> detail = m_session->directory().family(m_familyId);
    QVERIFY(detail);
    m_view->showFamily(*detail);
    m_view->resize(900, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));

    m_page = child<ChronologyPage>(m_view.get(), QStringLiteral("chronologyPage"));
    m_casePage = child<FamilyCasePage>(m_view.get(), QStringLiteral("familyCasePage"));
    QVERIFY(m_page && m_casePage);
    m_view->tabs()->setCurrentWidget(m_page);
    QVERIFY(m_page->isVisible());
}

void TestChronologyPage::cleanupTestCase() {
    m_view.reset();
    m_session.reset();
}

QList<CaseNote> TestChronologyPage::storedNotes() const {
    Result<QList<CaseNote>> notes = m_session->notes().chronology(m_familyId);
    if (!notes) {
        qWarning("Reading the notes failed: %s", qPrintable(notes.error().message));
        return {};
    }
    return *notes;
}

void TestChronologyPage::writeNote(const QString& typeCode, const QString& text, bool significant) {
    auto* table = child<QTableWidget>(m_page, QStringLiteral("chronologyTableWidget"));
    QVERIFY(table);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    CaseNoteEditor* editor = nullptr;
    QTRY_VERIFY((editor = m_page->findChild<CaseNoteEditor*>()) != nullptr);
    QTRY_VERIFY(editor->isVisible());

    auto* date = child<QDateEdit>(editor, QStringLiteral("noteDateEdit"));
    auto* type = child<QComboBox>(editor, QStringLiteral("noteTypeComboBox"));
    auto* about = child<QComboBox>(editor, QStringLiteral("notePersonComboBox"));
    auto* body = child<QPlainTextEdit>(editor, QStringLiteral("noteTextEdit"));
    auto* flag = child<QCheckBox>(editor, QStringLiteral("significantCheckBox"));
    auto* buttons = child<QDialogButtonBox>(editor, QStringLiteral("editorButtonBox"));
    QVERIFY(date && type && about && body && flag && buttons);
    QCOMPARE(date->date(), m_session->today());
    // The whole family, then each member.
    Result<FamilyDetail> family = m_session->directory().family(m_familyId);
    QVERIFY(family);
    QCOMPARE(about->count(), family->members.size() + 1);
    QCOMPARE(about->itemData(0).toString(), QString());
    // Filling the form before the user types is not an edit.
    QVERIFY(!editor->undoStack()->canUndo());
    QVERIFY(!editor->isModified());

    type->setCurrentIndex(type->findData(typeCode));
    QCOMPARE(type->currentData().toString(), typeCode);
    body->setFocus();
    QTest::keyClicks(body, text);
    if (significant)
        QTest::mouseClick(flag, Qt::LeftButton, {}, QPoint(4, flag->height() / 2));
    QCOMPARE(flag->isChecked(), significant);
    QVERIFY(editor->isModified());

    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<CaseNoteEditor*>());
    // The offscreen platform has no window manager to give the window back
    // its activation when the dialog closes, and shortcuts need it.
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
}

void TestChronologyPage::setFilter(const QString& typeCode, bool significantOnly) {
    auto* types = child<QComboBox>(m_page, QStringLiteral("typeFilterComboBox"));
    auto* significant = child<QCheckBox>(m_page, QStringLiteral("significantOnlyCheckBox"));
    QVERIFY(types && significant);
    const int index = types->findData(typeCode);
    QVERIFY2(index >= 0, qPrintable(typeCode));
    types->setCurrentIndex(index);
    if (significant->isChecked() != significantOnly)
        QTest::mouseClick(significant, Qt::LeftButton, {}, QPoint(4, significant->height() / 2));
    QCOMPARE(significant->isChecked(), significantOnly);
}

void TestChronologyPage::addNotesThroughEditor() {
    auto* table = child<QTableWidget>(m_page, QStringLiteral("chronologyTableWidget"));
    auto* add = child<QPushButton>(m_page, QStringLiteral("addNotePushButton"));
    QVERIFY(table && add);
    QVERIFY(add->isEnabled());
    QCOMPARE(table->rowCount(), 0);

    writeNote(QStringLiteral("home_visit"), visitText, false);
    writeNote(QStringLiteral("concern"), concernText, true);

    // Read back through core.
    const QList<CaseNote> notes = storedNotes();
    QCOMPARE(notes.size(), 2);
    for (const CaseNote& note : notes) {
        QCOMPARE(note.author, leadActor().user);
        QCOMPARE(note.date, m_session->today());
        QCOMPARE(note.category, DataCategory::Personal);
    }
    const auto visit = std::find_if(notes.cbegin(), notes.cend(),
                                    [](const CaseNote& note) { return note.text == visitText; });
    const auto concern = std::find_if(notes.cbegin(), notes.cend(),
                                      [](const CaseNote& note) { return note.text == concernText; });
    QVERIFY(visit != notes.cend() && concern != notes.cend());
    QCOMPARE(visit->type, QStringLiteral("home_visit"));
    QVERIFY(!visit->significant);
    QCOMPARE(concern->type, QStringLiteral("concern"));
    QVERIFY(concern->significant);

    // The page reloaded after each save. The later note is on top.
    QTRY_COMPARE(table->rowCount(), 2);
    QCOMPARE(columnTexts(table, TextColumn), (QStringList{concernText, visitText}));
    QCOMPARE(columnTexts(table, TypeColumn),
             (QStringList{QStringLiteral("Concern"), QStringLiteral("Home visit")}));
    QCOMPARE(columnTexts(table, SignificantColumn), (QStringList{QStringLiteral("Significant"), QString()}));
    QVERIFY(!table->item(0, SignificantColumn)->icon().isNull());
    QCOMPARE(columnTexts(table, DateColumn), (QStringList(2, displayDate(m_session->today()))));
    QCOMPARE(columnTexts(table, AuthorColumn), (QStringList(2, leadActor().user)));
}

void TestChronologyPage::significantOnlyFilter() {
    auto* table = child<QTableWidget>(m_page, QStringLiteral("chronologyTableWidget"));
    setFilter(QString(), true);
    QCOMPARE(columnTexts(table, TextColumn), QStringList{concernText});
    QCOMPARE(m_page->entries().size(), 1);
    QVERIFY(m_page->entries().first().significant);

    setFilter(QString(), false);
    QCOMPARE(table->rowCount(), 2);
}

void TestChronologyPage::typeFilter() {
    auto* table = child<QTableWidget>(m_page, QStringLiteral("chronologyTableWidget"));
    auto* types = child<QComboBox>(m_page, QStringLiteral("typeFilterComboBox"));
    QStringList offered;
    for (int index = 0; index < types->count(); ++index)
        offered += types->itemText(index);
    QCOMPARE(offered, (QStringList{QStringLiteral("All types"), QStringLiteral("Concern"),
                                   QStringLiteral("Home visit")}));

    setFilter(QStringLiteral("home_visit"), false);
    QCOMPARE(columnTexts(table, TextColumn), QStringList{visitText});
    // Significant and home visit together: nothing.
    setFilter(QStringLiteral("home_visit"), true);
    QCOMPARE(table->rowCount(), 0);
    auto* status = child<QLabel>(m_page, QStringLiteral("chronologyStatusLabel"));
    QCOMPARE(status->text(), QStringLiteral("No entries match the filter."));

    setFilter(QString(), false);
    QCOMPARE(table->rowCount(), 2);
}

void TestChronologyPage::nonNoteEntryNamesItsTab() {
    // A status change is not a note: the page names the tab that edits it and
    // offers no delete.
    Result<FamilyStatusChangeRecord> steppedUp = m_session->familyCases().changeStatus(
        m_session->actor(), m_familyId, FamilyStatus::SteppedUp, m_session->today(),
        QStringLiteral("Referred to children's social care after a home visit."));
    QVERIFY2(steppedUp, qPrintable(steppedUp ? QString() : steppedUp.error().message));
    m_session->notifyFamilyChanged(m_familyId);

    auto* table = child<QTableWidget>(m_page, QStringLiteral("chronologyTableWidget"));
    QTRY_COMPARE(table->rowCount(), 3);
    QCOMPARE(m_page->entries().first().source, ChronologySource::StatusChange);
    table->setFocus();
    table->selectRow(0);
    QVERIFY(!child<QPushButton>(m_page, QStringLiteral("deleteNotePushButton"))->isEnabled());
    QTest::keyClick(table, Qt::Key_Return);
    QMessageBox* message = nullptr;
    QTRY_VERIFY((message = m_page->findChild<QMessageBox*>(QStringLiteral("chronologyEntryMessageBox"))) !=
                nullptr);
    QVERIFY2(message->informativeText().contains(QStringLiteral("Case tab")),
             qPrintable(message->informativeText()));
    message->accept();
    QVERIFY(!m_page->findChild<CaseNoteEditor*>());
}

void TestChronologyPage::statusChangeShowsAsSignificant() {
    m_view->tabs()->setCurrentWidget(m_casePage);
    auto* statusLabel = child<QLabel>(m_casePage, QStringLiteral("caseStatusLabel"));
    auto* history = child<QTableWidget>(m_casePage, QStringLiteral("statusHistoryTableWidget"));
    auto* change = child<QPushButton>(m_casePage, QStringLiteral("changeStatusPushButton"));
    QVERIFY(statusLabel && history && change);
    QCOMPARE(statusLabel->text(),
             QStringLiteral("Stepped up to social care since %1").arg(displayDate(m_session->today())));
    QCOMPARE(history->rowCount(), 1);

    QTest::mouseClick(change, Qt::LeftButton);
    ChangeStatusDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_casePage->findChild<ChangeStatusDialog*>()) != nullptr);
    auto* statuses = child<QComboBox>(dialog, QStringLiteral("newStatusComboBox"));
    auto* reason = child<QPlainTextEdit>(dialog, QStringLiteral("statusReasonTextEdit"));
    auto* error = child<QLabel>(dialog, QStringLiteral("editorErrorLabel"));
    auto* buttons = child<QDialogButtonBox>(dialog, QStringLiteral("editorButtonBox"));
    QVERIFY(statuses && reason && error && buttons);

    // From stepped up, core allows stepping down and closing only.
    QStringList offered;
    for (int index = 0; index < statuses->count(); ++index)
        offered += statuses->itemData(index).toString();
    QCOMPARE(offered, (QStringList{QStringLiteral("stepped_down"), QStringLiteral("closed")}));
    statuses->setCurrentIndex(statuses->findData(QStringLiteral("closed")));

    // Without a reason the dialog stays open and shows what is missing.
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("reason")), qPrintable(error->text()));
    Result<FamilyCase> unchanged = m_session->familyCases().family(m_familyId);
    QVERIFY(unchanged);
    QCOMPARE(unchanged->status, FamilyStatus::SteppedUp);

    reason->setFocus();
    QTest::keyClicks(reason, closureReason);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY(!m_casePage->findChild<ChangeStatusDialog*>());

    Result<FamilyCase> closed = m_session->familyCases().family(m_familyId);
    QVERIFY(closed);
    QCOMPARE(closed->status, FamilyStatus::Closed);
    QTRY_COMPARE(history->rowCount(), 2);
    QCOMPARE(history->item(0, 2)->text(), QStringLiteral("Closed"));
    QCOMPARE(history->item(0, 3)->text(), closureReason);
    QCOMPARE(history->item(0, 4)->text(), leadActor().user);

    m_view->tabs()->setCurrentWidget(m_page);
    setFilter(QString(), true);
    auto* table = child<QTableWidget>(m_page, QStringLiteral("chronologyTableWidget"));
    QTRY_COMPARE(table->rowCount(), 3);
    const ChronologyEntry latest = m_page->entries().first();
    QCOMPARE(latest.source, ChronologySource::StatusChange);
    QCOMPARE(latest.type, QStringLiteral("status_change"));
    QVERIFY(latest.significant);
    QCOMPARE(latest.author, leadActor().user);
    QCOMPARE(table->item(0, TextColumn)->text(),
             QStringLiteral("Case status changed from Stepped up to social care to Closed: %1")
                 .arg(closureReason));
    QCOMPARE(table->item(0, SignificantColumn)->text(), QStringLiteral("Significant"));
}

void TestChronologyPage::leadPractitionerSavedWithEnter() {
    m_view->tabs()->setCurrentWidget(m_casePage);
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    auto* lead = child<QLineEdit>(m_casePage, QStringLiteral("leadPractitionerLineEdit"));
    auto* update = child<QPushButton>(m_casePage, QStringLiteral("updateLeadPushButton"));
    QVERIFY(lead && update);
    QVERIFY(!lead->isReadOnly());
    QVERIFY(!update->isEnabled());

    lead->setFocus();
    QTest::keyClicks(lead, QStringLiteral("Priya Shah"));
    QVERIFY(update->isEnabled());

    // A write elsewhere reloads the tab but keeps the name being typed.
    m_session->notifyFamilyChanged(m_familyId);
    QCOMPARE(lead->text(), QStringLiteral("Priya Shah"));
    QCOMPARE(m_session->familyCases().family(m_familyId)->leadPractitioner, QString());

    QTest::keyClick(lead, Qt::Key_Return);
    QTRY_COMPARE(m_session->familyCases().family(m_familyId)->leadPractitioner, QStringLiteral("Priya Shah"));
    QCOMPARE(lead->text(), QStringLiteral("Priya Shah"));
    QVERIFY(!update->isEnabled());
    m_view->tabs()->setCurrentWidget(m_page);
}

void TestChronologyPage::printedPdfFollowsFilter() {
    setFilter(QString(), true);
    const ChronologyPrintout printout = m_page->printout();
    QCOMPARE(printout.familyName, m_session->familyCases().family(m_familyId)->name);
    QCOMPARE(printout.filterDescription, QStringLiteral("All types, significant events only"));
    QCOMPARE(printout.printedBy, leadActor().user);

    const QString pdfPath = m_dir.filePath(QStringLiteral("chronology.pdf"));
    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdfPath);
        std::unique_ptr<QTextDocument> document = chronologyDocument(printout);
        document->print(&printer);
    }
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    pdf.close();

    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext is not installed, so the PDF's text is not checked.");
    QProcess process;
    process.start(pdftotext, {pdfPath, QStringLiteral("-")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    // A long text wraps inside its table cell, so the checks use the start
    // of each text, with line breaks turned into spaces.
    // NFKC turns the "fi" ligature that the PDF's font uses back into two
    // letters.
    const QString text = QString::fromUtf8(process.readAllStandardOutput())
                             .normalized(QString::NormalizationForm_KC)
                             .simplified();
    QVERIFY2(text.contains(printout.familyName), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("All types, significant events only")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Amara told her teacher")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Concern (significant)")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Visited Joanna")), qPrintable(text));
    QVERIFY2(text.contains(displayDate(m_session->today())), qPrintable(text));
}

void TestChronologyPage::deleteNoteAsksFirst() {
    setFilter(QStringLiteral("home_visit"), false);
    auto* table = child<QTableWidget>(m_page, QStringLiteral("chronologyTableWidget"));
    auto* remove = child<QPushButton>(m_page, QStringLiteral("deleteNotePushButton"));
    QCOMPARE(table->rowCount(), 1);
    m_view->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    table->setFocus();
    table->selectRow(0);
    QVERIFY(remove->isEnabled());

    // Cancel keeps the note.
    QTest::keyClick(table, Qt::Key_Delete);
    QMessageBox* question = nullptr;
    QTRY_VERIFY((question = m_page->findChild<QMessageBox*>(QStringLiteral("deleteNoteMessageBox"))) !=
                nullptr);
    QVERIFY2(question->informativeText().contains(QStringLiteral("Deleted Items")),
             qPrintable(question->informativeText()));
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_page->findChild<QMessageBox*>(QStringLiteral("deleteNoteMessageBox")));
    QCOMPARE(storedNotes().size(), 2);

    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY((question = m_page->findChild<QMessageBox*>(QStringLiteral("deleteNoteMessageBox"))) !=
                nullptr);
    QTest::mouseClick(child<QPushButton>(question, QStringLiteral("confirmDeletePushButton")),
                      Qt::LeftButton);
    QTRY_COMPARE(storedNotes().size(), 1);
    QCOMPARE(storedNotes().first().text, concernText);
    // The filtered type is gone, so the filter falls back to all types.
    QTRY_COMPARE(child<QComboBox>(m_page, QStringLiteral("typeFilterComboBox"))->currentIndex(), 0);
    QVERIFY(!columnTexts(table, TextColumn).contains(visitText));
}

void TestChronologyPage::overrideUseShownAsEntry() {
    Result<FamilyDetail> detail = m_session->directory().family(m_familyId);
    QVERIFY(detail);
    const auto amara = std::ranges::find_if(
        detail->members, [](const FamilyMember& member) { return member.person.legalForename == u"Amara"; });
    QVERIFY(amara != detail->members.end());
    const QString amaraId = amara->person.id;

    SharingDecision decision;
    decision.familyId = m_familyId;
    decision.personId = amaraId;
    decision.recipientPartyType = QStringLiteral("police");
    decision.purpose = QStringLiteral("safeguarding");
    decision.lawfulBasis = QStringLiteral("art6_1_e");
    decision.justification = QStringLiteral("Police need the address to act on a risk to Amara.");
    decision.decidedBy = QStringLiteral("Sam Patel");
    decision.date = m_session->today().addDays(-1);
    Result<SharingDecision> decided =
        m_session->consents().createSharingDecision(m_session->actor(), decision);
    QVERIFY2(decided, qPrintable(decided ? QString() : decided.error().message));

    policy::Payload payload;
    const policy::Allowed byDecision{QStringLiteral("S-police-personal"), QStringLiteral("art6_1_e"),
                                     QString(), decided->meta.id};
    payload.shared = {policy::SharedField{QStringLiteral("person.legalSurname"), byDecision},
                      policy::SharedField{QStringLiteral("person.dateOfBirth"), byDecision}};
    sharing::OverrideLog overrides(m_session->store());
    Result<QList<sharing::OverrideUse>> recorded = overrides.recordUses(
        m_session->actor(), payload, {m_familyId, amaraId}, {QStringLiteral("police"), QString()},
        QStringLiteral("safeguarding"), 1, QStringLiteral("Request from the police safeguarding team"));
    QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().message));
    QCOMPARE(recorded->size(), 1);
    m_session->notifyFamilyChanged(m_familyId);
    setFilter(QString(), false);

    auto* table = child<QTableWidget>(m_page, QStringLiteral("chronologyTableWidget"));
    QVERIFY(table);
    const auto rowOf = [table](const QString& type) {
        const QStringList types = columnTexts(table, TypeColumn);
        return static_cast<int>(types.indexOf(type));
    };
    QTRY_VERIFY(rowOf(QStringLiteral("Shared without consent")) >= 0);
    const int useRow = rowOf(QStringLiteral("Shared without consent"));
    QCOMPARE(table->item(useRow, DateColumn)->text(), displayDate(QDate::currentDate()));
    QCOMPARE(table->item(useRow, AuthorColumn)->text(), m_session->actor().user);
    const QString useText = table->item(useRow, TextColumn)->text();
    // "field(s)" takes its plural form from the translation file once the
    // string is in it, so the check stops before the plural.
    QVERIFY2(useText.startsWith(QStringLiteral("Shared without consent: 2 field")), qPrintable(useText));
    QVERIFY2(useText.contains(QStringLiteral(" sent to Police for safeguarding")), qPrintable(useText));
    QVERIFY2(
        useText.contains(
            QStringLiteral("relying on the decision by Sam Patel of %1").arg(displayDate(decision.date))),
        qPrintable(useText));

    const int decisionRow = rowOf(QStringLiteral("Decision to share without consent"));
    QVERIFY(decisionRow >= 0);
    QVERIFY2(table->item(decisionRow, TextColumn)
                 ->text()
                 .startsWith(QStringLiteral("Decision by Sam Patel to share without consent with Police for "
                                            "safeguarding")),
             qPrintable(table->item(decisionRow, TextColumn)->text()));

    // The entry cannot be edited, and the page names the tab with its decision.
    table->setFocus();
    table->selectRow(useRow);
    QVERIFY(!child<QPushButton>(m_page, QStringLiteral("deleteNotePushButton"))->isEnabled());
    QTest::keyClick(table, Qt::Key_Return);
    QMessageBox* message = nullptr;
    QTRY_VERIFY((message = m_page->findChild<QMessageBox*>(QStringLiteral("chronologyEntryMessageBox"))) !=
                nullptr);
    QVERIFY2(message->text().contains(QStringLiteral("sent without consent")), qPrintable(message->text()));
    QVERIFY2(message->informativeText().contains(QStringLiteral("Consent tab")),
             qPrintable(message->informativeText()));
    message->accept();
    QTRY_VERIFY(!m_page->findChild<QMessageBox*>(QStringLiteral("chronologyEntryMessageBox")));
}

void TestChronologyPage::readOnlyUserCannotAddNotes() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(dir.filePath(QStringLiteral("read-only.ehstore")));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    CaseSession session(std::move(*store), readOnlyActor());
    Result<QList<FamilySummary>> families = session.directory().families(QStringLiteral("Fenwick"));
    QVERIFY(families && families->size() == 1);
    const QString familyId = families->first().id;

    ChronologyPage page;
    page.showFamily(&session, familyId);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(!child<QPushButton>(&page, QStringLiteral("addNotePushButton"))->isEnabled());
    QVERIFY(!child<QPushButton>(&page, QStringLiteral("printChronologyPushButton"))->isEnabled());
    QTest::keyClick(&page, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!page.findChild<CaseNoteEditor*>());

    FamilyCasePage casePage;
    casePage.showFamily(&session, familyId);
    QVERIFY(!child<QPushButton>(&casePage, QStringLiteral("changeStatusPushButton"))->isEnabled());
    QVERIFY(child<QLineEdit>(&casePage, QStringLiteral("leadPractitionerLineEdit"))->isReadOnly());

    // Core refuses the write whatever the window does.
    CaseNote note;
    note.familyId = familyId;
    note.date = session.today();
    note.author = readOnlyActor().user;
    note.type = QStringLiteral("contact");
    note.text = QStringLiteral("A note the read-only role may not write.");
    Result<CaseNote> created = session.notes().create(readOnlyActor(), note);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::PermissionDenied);
    Result<QList<CaseNote>> notes = session.notes().chronology(familyId);
    QVERIFY(notes);
    QVERIFY(notes->isEmpty());

    page.clearFamily();
    casePage.clearFamily();
}

QTEST_MAIN(TestChronologyPage)
#include "tst_chronology.moc"
