// The subject access PDF, rendered from a family written through the
// repositories and read back with pdftotext: every disclosed item is in it,
// no withheld item's text is, and the withheld items are listed by reason.

#include "../core/subjectaccess/subjectaccesstesthelpers.h"

#include "documents/subjectaccesspdf.h"
#include "subjectaccess/collector.h"
#include "subjectaccess/subjectaccessexport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::subjectaccess;
using namespace earlyhelp::testing;
using namespace Qt::StringLiterals;

namespace {

// Returns text with every run of white space made one space, so that a
// line that the PDF wraps still matches.
QString collapsed(const QString& text) {
    static const QRegularExpression whiteSpace(u"\\s+"_s);
    return QString(text).replace(whiteSpace, u" "_s).trimmed();
}

} // namespace

class TestSubjectAccessPdf : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void containsEveryDisclosedItem();
    void leavesOutWithheldText();
    void listsWithheldItemsByReason();
    void coverNamesPersonAndDate();
    void numbersPages();
    void exportIsAudited();
    void marksDeletedItems();
    void leavesOutWithheldDeletedText();

private:
    // Soft-deletes the child's own note and the assessment at m_fixture.now
    // and collects the child's records again.
    void deleteNoteAndAssessment();

    // Renders the child's export with m_review, writes it through
    // writeExport() and returns pdftotext's output, or an empty string.
    [[nodiscard]] QString exportedText();

    CaseworkFixture m_fixture;
    SubjectAccessCase m_case;
    Collection m_collection;
    Review m_review;
    QString m_pdfToText;
};

void TestSubjectAccessPdf::initTestCase() {
    m_pdfToText = QStandardPaths::findExecutable(u"pdftotext"_s);
    QVERIFY2(!m_pdfToText.isEmpty(), "pdftotext is missing. Run scripts/setup, which installs poppler-utils.");
}

void TestSubjectAccessPdf::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_case = SubjectAccessCase{};
    const QString written = writeSubjectAccessCase(m_fixture, m_case);
    QVERIFY2(written.isEmpty(), qUtf8Printable(written));
    Result<Collection> collected = Collector(*m_fixture.store).collect(lead, m_case.childId);
    QVERIFY2(collected, qUtf8Printable(collected ? QString() : collected.error().message));
    m_collection = *collected;

    m_review.clear();
    m_review.insert(u"case_note/"_s + m_case.motherNoteId, ItemReview{true, WithholdReason::ThirdParty, {}});
    m_review.insert(u"case_note/"_s + m_case.brotherNoteId, ItemReview{true, WithholdReason::ThirdParty, {}});
    m_review.insert(u"sharing_decision/"_s + m_case.decisionId,
                    ItemReview{true, WithholdReason::SeriousHarm, u"Risk to the child if disclosed"_s});
}

void TestSubjectAccessPdf::cleanup() {
    m_fixture.tearDown();
}

QString TestSubjectAccessPdf::exportedText() {
    const ExportInfo info{m_fixture.now.toUTC(), lead.user};
    const Result<QByteArray> pdf = documents::subjectAccessPdf(m_collection, m_review, info);
    if (!pdf) {
        qWarning("Rendering failed: %s", qUtf8Printable(pdf.error().message));
        return {};
    }
    const QString path = m_fixture.folder->filePath(u"amara.pdf"_s);
    const Result<qint64> written =
        writeExport(*m_fixture.store, lead, m_collection, m_review, ExportKind::Pdf, path, *pdf);
    if (!written) {
        qWarning("Writing failed: %s", qUtf8Printable(written.error().message));
        return {};
    }

    QProcess process;
    process.start(m_pdfToText, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("pdftotext failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestSubjectAccessPdf::containsEveryDisclosedItem() {
    const QString text = exportedText();
    QVERIFY(!text.isEmpty());
    const QString flat = collapsed(text);

    for (const QString& expected : {marker::contact, marker::assessment, marker::goal, marker::action,
                                    marker::meeting, marker::review, marker::statusChange, marker::childNote})
        QVERIFY2(text.contains(expected), qUtf8Printable(expected));
    const QList<Item> disclosed = disclosedItems(m_collection, m_review);
    QCOMPARE(disclosed.size(), m_collection.items.size() - 3);
    for (const Item& item : disclosed)
        QVERIFY2(flat.contains(collapsed(item.title)), qUtf8Printable(item.id + u": "_s + item.title));
    for (Section section : allSections())
        QVERIFY2(flat.contains(sectionLabel(section)), qUtf8Printable(sectionLabel(section)));
}

void TestSubjectAccessPdf::leavesOutWithheldText() {
    const QString text = exportedText();
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.contains(marker::motherNote), "The note naming the mother was withheld.");
    QVERIFY2(!text.contains(marker::brotherNote), "The note about the brother was withheld.");
    QVERIFY2(!text.contains(marker::decision), "The sharing decision was withheld.");
    // The reviewer's note for a reason other than "other" stays internal.
    QVERIFY(!collapsed(text).contains(u"Risk to the child if disclosed"_s));
}

void TestSubjectAccessPdf::listsWithheldItemsByReason() {
    const QString flat = collapsed(exportedText());
    QVERIFY(!flat.isEmpty());
    const qsizetype heading = flat.lastIndexOf(u"Information withheld"_s);
    QVERIFY(heading >= 0);
    const QString withheld = flat.mid(heading);
    const qsizetype thirdParty = withheld.indexOf(withholdReasonLabel(WithholdReason::ThirdParty));
    const qsizetype seriousHarm = withheld.indexOf(collapsed(withholdReasonLabel(WithholdReason::SeriousHarm)));
    QVERIFY(thirdParty >= 0);
    QVERIFY(seriousHarm > thirdParty);
    // Each withheld item by section, title and date, never its text.
    QVERIFY(withheld.contains(u"02/09/2026"_s));
    QVERIFY(withheld.contains(u"03/09/2026"_s));
    QVERIFY(withheld.contains(u"01/07/2026"_s));
}

void TestSubjectAccessPdf::coverNamesPersonAndDate() {
    const QString flat = collapsed(exportedText());
    QVERIFY(!flat.isEmpty());
    const QString cover = flat.left(flat.indexOf(sectionLabel(Section::PersonalDetails) + u" "_s));
    QVERIFY2(cover.contains(u"Amara Fenwick"_s), qUtf8Printable(cover));
    QVERIFY2(cover.contains(u"12/03/2015"_s), qUtf8Printable(cover));
    QVERIFY2(cover.contains(u"Test Primary School"_s), qUtf8Printable(cover));
    QVERIFY2(cover.contains(m_fixture.now.toUTC().toLocalTime().date().toString(u"dd/MM/yyyy")),
             qUtf8Printable(cover));
}

void TestSubjectAccessPdf::numbersPages() {
    const QString text = exportedText();
    QVERIFY(!text.isEmpty());
    // pdftotext ends each page with a form feed; the page's number is the
    // last line before it.
    const QStringList pages = text.split(u'\f', Qt::SkipEmptyParts);
    QVERIFY2(pages.size() >= allSections().size() + 2, qUtf8Printable(QString::number(pages.size())));
    for (qsizetype page = 0; page < pages.size(); ++page) {
        const QStringList lines = pages[page].trimmed().split(u'\n');
        QCOMPARE(lines.last().trimmed(), QString::number(page + 1));
    }
}

void TestSubjectAccessPdf::exportIsAudited() {
    QVERIFY(!exportedText().isEmpty());
    audit::Filter filter;
    filter.personId = m_case.childId;
    filter.actions = {audit::Action::Export};
    const Result<QList<audit::Event>> events = audit::AuditLog(*m_fixture.store).query(filter);
    EARLYHELP_VERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->first().details.value(u"kind"_s).toString(), u"subject-access-pdf"_s);
    const QJsonObject withheld = events->first().details.value(u"withheld"_s).toObject();
    QCOMPARE(withheld.value(u"third-party"_s).toInt(), 2);
    QCOMPARE(withheld.value(u"serious-harm"_s).toInt(), 1);
}

void TestSubjectAccessPdf::deleteNoteAndAssessment() {
    EARLYHELP_VERIFY_OK(
        CaseNoteRepository(*m_fixture.store, m_fixture.options()).remove(lead, m_case.childNoteId));
    EARLYHELP_VERIFY_OK(
        AssessmentRepository(*m_fixture.store, m_fixture.options()).remove(lead, m_case.assessmentId));
    Result<Collection> collected = Collector(*m_fixture.store).collect(lead, m_case.childId);
    QVERIFY2(collected, qUtf8Printable(collected ? QString() : collected.error().message));
    m_collection = *collected;
}

void TestSubjectAccessPdf::marksDeletedItems() {
    deleteNoteAndAssessment();
    const QString text = exportedText();
    QVERIFY(!text.isEmpty());
    const QString flat = collapsed(text);
    QVERIFY2(text.contains(marker::childNote), "The deleted note is held, so it is disclosed.");
    QVERIFY2(text.contains(marker::assessment), "The deleted assessment is held, so it is disclosed.");

    // Each deleted item states the deletion date and the last day of the
    // restore window, right after its own title and date.
    const QString status = u"Deleted on 04/12/2026, restorable until 03/01/2027."_s;
    QCOMPARE(flat.count(status), 2);
    for (const QString& id :
         QStringList{u"case_note/"_s + m_case.childNoteId, u"assessment/"_s + m_case.assessmentId}) {
        const auto item =
            std::ranges::find_if(m_collection.items, [&id](const Item& each) { return each.id == id; });
        QVERIFY2(item != m_collection.items.cend(), qUtf8Printable(id));
        const qsizetype title =
            flat.indexOf(collapsed(item->title) + u" "_s + item->date.toString(u"dd/MM/yyyy"));
        QVERIFY2(title >= 0, qUtf8Printable(item->title));
        QCOMPARE(flat.indexOf(status, title), title + collapsed(item->title).size() + 12);
    }
}

void TestSubjectAccessPdf::leavesOutWithheldDeletedText() {
    deleteNoteAndAssessment();
    m_review.insert(u"case_note/"_s + m_case.childNoteId, ItemReview{true, WithholdReason::SeriousHarm, {}});
    const QString text = exportedText();
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.contains(marker::childNote), "The withheld deleted note's text is in the PDF.");
    QVERIFY2(text.contains(marker::assessment), "The deleted assessment was not withheld.");
    QCOMPARE(collapsed(text).count(u"Deleted on 04/12/2026"_s), 1);
}

QTEST_MAIN(TestSubjectAccessPdf)
#include "tst_subjectaccesspdf.moc"
