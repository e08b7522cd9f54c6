// Benchmarks of case-work reads at the size of a school. The store has 2,000
// pupils imported from a generated CTF and 300 families with case work
// (assessment, plan with goals and actions, meeting, reviews, consent). They
// hold 20,000 case notes, 500 of them in one family.

#include "caseaudittriggers.h"
#include "cases/casedirectory.h"
#include "casework/assessmentrepository.h"
#include "casework/casenoterepository.h"
#include "casework/chronology.h"
#include "casework/consentrepository.h"
#include "casework/deleteditems.h"
#include "casework/familycaserepository.h"
#include "casework/myworkqueries.h"
#include "casework/planrepository.h"
#include "common/secretbytes.h"
#include "import/ctfimporter.h"
#include "store/store.h"
#include "support/ctfgenerator.h"
#include "ui/casenoteeditor.h"
#include "ui/casesession.h"
#include "ui/chronologypage.h"
#include "ui/familylistmodel.h"
#include "ui/familyview.h"
#include "ui/filechooser.h"
#include "ui/mainwindow.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QCheckBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeView>

#include <map>
#include <optional>
#include <string>

using namespace earlyhelp;

namespace {

constexpr int pupilCount = 2000;
constexpr int caseFamilyCount = 300;
constexpr int totalNotes = 20000;
constexpr int largestChronology = 500;
// Case notes deleted from other families, for the Deleted Items list.
constexpr int deletedNotes = 50;
// The chronology size of the family whose note BM_SaveCaseNoteInWindow edits.
// Every case-work family but the largest has 65 or 66 notes.
constexpr int typicalChronology = 66;

const Actor lead{QStringLiteral("Benchmark Lead"), QStringLiteral("lead")};

// Stops the program when result is an error, because a benchmark on a store
// not built as described would measure something else.
template <typename T> T require(Result<T> result, const char* what) {
    if (!result)
        qFatal("%s failed: %s", what, qPrintable(result.error().message));
    return std::move(*result);
}

void require(const Status& status, const char* what) {
    if (!status)
        qFatal("%s failed: %s", what, qPrintable(status.error().message));
}

// The school's store with its case work, built once and shared by every
// benchmark. Writes go through the repositories, as the app's do.
struct CaseworkStore {
    QTemporaryDir dir;
    SecretBytes key = SecretBytes::random(32);
    std::unique_ptr<Store> store;
    QString largestFamilyId;              // the family with 500 case notes
    std::map<int, QString> familyByNotes; // a family id for each chronology size

    CaseworkStore() {
        store =
            require(Store::create(dir.filePath(QStringLiteral("school.ehstore")), key),
                    "creating the store");
        OrganisationRecord organisation;
        organisation.name = QStringLiteral("Benchmark Primary School");
        organisation.dfeUrn = QStringLiteral("199990");
        require(createLocalOrganisation(*store, organisation), "creating the organisation");

        const QString ctfPath = dir.filePath(QStringLiteral("school.xml"));
        testsupport::GeneratedCtfOptions options;
        options.pupils = pupilCount;
        QFile ctf(ctfPath);
        if (!ctf.open(QIODevice::WriteOnly) || ctf.write(testsupport::generateCtf(options)) < 0)
            qFatal("writing the CTF failed");
        ctf.close();
        require(importCtf(*store, ctfPath, {}), "importing the CTF");

        CaseDirectory directory(*store);
        const QList<FamilySummary> families = require(directory.families({}, 5000), "listing the families");
        if (families.size() < caseFamilyCount)
            qFatal("the CTF gave only %d families", int(families.size()));

        QRandomGenerator random(20261204);
        const QDate today = QDate::currentDate();
        const int notesPerFamily = (totalNotes - largestChronology) / (caseFamilyCount - 1);
        int notesLeft = totalNotes - largestChronology - notesPerFamily * (caseFamilyCount - 1);
        for (int index = 0; index < caseFamilyCount; ++index) {
            const FamilyDetail family = require(directory.family(families.at(index).id), "reading a family");
            int notes = notesPerFamily;
            if (index == 0) {
                notes = largestChronology;
            } else if (notesLeft > 0) {
                ++notes;
                --notesLeft;
            }
            addCaseWork(family, notes, today, random);
            familyByNotes.emplace(notes, family.family.id);
            if (index == 0)
                largestFamilyId = family.family.id;
        }

        // Deleted case notes of families other than the ones measured.
        CaseNoteRepository noteRepository(*store);
        for (int index = caseFamilyCount - deletedNotes; index < caseFamilyCount; ++index) {
            const QList<CaseNote> chronology =
                require(noteRepository.chronology(families.at(index).id), "reading a chronology");
            require(noteRepository.remove(lead, chronology.first().meta.id), "deleting a case note");
        }
    }

    void addCaseWork(const FamilyDetail& family, int notes, QDate today, QRandomGenerator& random) {
        const QString familyId = family.family.id;
        AssessmentRepository assessments(*store);
        PlanRepository plans(*store);
        ConsentRepository consents(*store);
        CaseNoteRepository noteRepository(*store);

        Assessment assessment;
        assessment.familyId = familyId;
        assessment.assessor = QStringLiteral("Benchmark Lead");
        assessment.date = today.addDays(-120);
        assessment.familyVoice = QStringLiteral("We want the mornings to be calmer.");
        const std::array<SupportingFamiliesHeading, 3> headings = {SupportingFamiliesHeading::Education,
                                                                   SupportingFamiliesHeading::Health,
                                                                   SupportingFamiliesHeading::Housing};
        for (SupportingFamiliesHeading heading : headings) {
            assessment.needs +=
                AssessmentNeed{heading, QStringLiteral("Supportive grandparents nearby."),
                               QStringLiteral("Needs help with routines."), 1 + int(random.bounded(5))};
        }
        const Assessment storedAssessment =
            require(assessments.create(lead, assessment), "creating an assessment");

        TafPlan plan;
        plan.familyId = familyId;
        plan.startDate = today.addDays(-100);
        const TafPlan storedPlan = require(plans.createPlan(lead, plan), "creating a plan");
        for (SupportingFamiliesHeading heading : headings) {
            const PlanGoal goal =
                require(plans.createGoal(lead, PlanGoal{{},
                                                        storedPlan.meta.id,
                                                        storedAssessment.meta.id,
                                                        heading,
                                                        QStringLiteral("Agreed goal for this heading")}),
                        "creating a goal");
            for (int action = 0; action < 2; ++action) {
                const QDate due = today.addDays(-30 + int(random.bounded(90)));
                const ActionStatus status = random.bounded(3) == 0 ? ActionStatus::Done : ActionStatus::Open;
                require(plans.createAction(lead, PlanAction{{},
                                                            goal.meta.id,
                                                            QStringLiteral("Agreed action"),
                                                            {},
                                                            QStringLiteral("Benchmark Lead"),
                                                            due,
                                                            status}),
                        "creating an action");
            }
        }
        const TafMeeting meeting =
            require(plans.createMeeting(lead, TafMeeting{{},
                                                         storedPlan.meta.id,
                                                         today.addDays(-90),
                                                         QStringLiteral("Family, school, health visitor"),
                                                         {}}),
                    "creating a meeting");
        require(plans.createReview(
                    lead,
                    PlanReview{
                        {}, storedPlan.meta.id, meeting.meta.id, today.addDays(-90), {}, today.addDays(-30)}),
                "creating a review");
        require(plans.createReview(lead, PlanReview{{},
                                                    storedPlan.meta.id,
                                                    {},
                                                    today.addDays(-30),
                                                    {},
                                                    today.addDays(-5 + int(random.bounded(45)))}),
                "creating a review");

        QString parentId;
        for (const FamilyMember& member : family.members) {
            if (member.role == u"adult" && member.parentalResponsibility) {
                parentId = member.person.id;
                break;
            }
        }
        for (const FamilyMember& member : family.members) {
            if (member.role != u"child" || parentId.isEmpty())
                continue;
            Consent consent;
            consent.familyId = familyId;
            consent.subjectPersonId = member.person.id;
            consent.givenByPersonId = parentId;
            consent.purposes = {QStringLiteral("TAF plan")};
            consent.recipients = {
                ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
            consent.dataCategories = {DataCategory::Personal, DataCategory::SpecialCategory};
            consent.givenDate = today.addDays(-150);
            consent.reviewDate = today.addDays(-20 + int(random.bounded(120)));
            require(consents.createConsent(lead, consent), "creating a consent");
        }

        for (int note = 0; note < notes; ++note) {
            CaseNote caseNote;
            caseNote.familyId = familyId;
            caseNote.date = today.addDays(-int(random.bounded(365)));
            caseNote.author = QStringLiteral("Benchmark Lead");
            caseNote.type = note % 3 == 0 ? QStringLiteral("home visit") : QStringLiteral("phone call");
            caseNote.text =
                QStringLiteral("Spoke with the family about attendance, routines and the next steps "
                               "agreed at the TAF meeting. Everyone agreed to meet again.");
            caseNote.significant = note % 10 == 0;
            require(noteRepository.create(lead, caseNote), "creating a case note");
        }
    }
};

CaseworkStore& caseworkStore() {
    static CaseworkStore store;
    return store;
}

// Reads a family as the family view does when it opens: the members, then
// each tab's records (case status and history, assessments, the plan with
// its goals, actions, meetings and reviews, consent of each member, sharing
// decisions, and the chronology). Returns the number of records read.
qsizetype openFamily(Store& store, const QString& familyId) {
    CaseDirectory directory(store);
    FamilyCaseRepository familyCases(store);
    AssessmentRepository assessments(store);
    PlanRepository plans(store);
    ConsentRepository consents(store);
    CaseNoteRepository notes(store);

    const FamilyDetail family = require(directory.family(familyId), "reading the family");
    qsizetype records = family.members.size();
    benchmark::DoNotOptimize(require(familyCases.family(familyId), "reading the case"));
    records += require(familyCases.statusHistory(familyId), "reading the status history").size();
    records += require(assessments.listForFamily(familyId), "reading the assessments").size();
    for (const TafPlan& plan : require(plans.plansForFamily(familyId), "reading the plans")) {
        ++records;
        for (const PlanGoal& goal : require(plans.goalsForPlan(plan.meta.id), "reading the goals")) {
            ++records;
            records += require(plans.actionsForGoal(goal.meta.id), "reading the actions").size();
        }
        records += require(plans.meetingsForPlan(plan.meta.id), "reading the meetings").size();
        records += require(plans.reviewsForPlan(plan.meta.id), "reading the reviews").size();
    }
    for (const FamilyMember& member : family.members)
        records += require(consents.consentsForPerson(member.person.id), "reading the consents").size();
    records += require(consents.sharingDecisionsForFamily(familyId), "reading the sharing decisions").size();
    records += require(notes.chronology(familyId), "reading the chronology").size();
    return records;
}

// Opens a family whose chronology has state.range(0) notes.
void BM_OpenFamily(benchmark::State& state) {
    CaseworkStore& fixture = caseworkStore();
    const auto family = fixture.familyByNotes.find(int(state.range(0)));
    if (family == fixture.familyByNotes.end()) {
        state.SkipWithError("no family has that many case notes");
        return;
    }
    qsizetype records = 0;
    for (auto _ : state)
        records = openFamily(*fixture.store, family->second);
    state.counters["records"] = double(records);
}
BENCHMARK(BM_OpenFamily)->Arg(66)->Arg(largestChronology)->Unit(benchmark::kMillisecond)->UseRealTime();

// Shows a family whose chronology has state.range(0) notes in the app's
// family view, as choosing it in the list does: its members and every tab
// (case, assessments, plan, consent, chronology) filled from the store
// through a second connection, on the offscreen platform.
void BM_ShowFamilyInView(benchmark::State& state) {
    CaseworkStore& fixture = caseworkStore();
    const auto family = fixture.familyByNotes.find(int(state.range(0)));
    if (family == fixture.familyByNotes.end()) {
        state.SkipWithError("no family has that many case notes");
        return;
    }
    ui::CaseSession session(require(Store::open(fixture.store->path(), fixture.key), "opening the store"),
                            access::Actor{QStringLiteral("Benchmark Lead"), QStringLiteral("lead")});
    ui::FamilyView view;
    view.resize(900, 700);
    view.setSession(&session);
    for (auto _ : state) {
        const FamilyDetail detail = require(session.directory().family(family->second), "reading the family");
        view.showFamily(detail);
    }
    view.setSession(nullptr);
}
BENCHMARK(BM_ShowFamilyInView)->Arg(66)->Arg(largestChronology)->Unit(benchmark::kMillisecond)->UseRealTime();

// Returns the child of parent named name. A missing child stops the program,
// because the benchmark would then no longer drive the window as the app
// builds it.
template <typename T> T* requireChild(QObject* parent, const QString& name) {
    T* found = parent->findChild<T*>(name);
    if (!found)
        qFatal("%s has no child named %s", qPrintable(parent->objectName()), qPrintable(name));
    return found;
}

// Returns the row of the chronology page's table that shows the case note
// noteId, or -1 when it shows none.
int chronologyRow(const ui::ChronologyPage& page, const QString& noteId) {
    const QList<ChronologyEntry>& entries = page.entries();
    for (qsizetype row = 0; row < entries.size(); ++row) {
        if (entries.at(row).source == ChronologySource::CaseNote && entries.at(row).recordId == noteId)
            return int(row);
    }
    return -1;
}

// Returns the number of audit events that record an update of recordId.
qint64 updateEventCount(Store& store, const QString& recordId) {
    QSqlQuery query(store.database());
    query.prepare(
        QStringLiteral("SELECT count(*) FROM audit_event WHERE action = 'update' AND record_id = ?"));
    query.addBindValue(recordId);
    if (!query.exec() || !query.next())
        qFatal("Counting the audit events failed: %s", qPrintable(query.lastError().text()));
    return query.value(0).toLongLong();
}

// Opens the editor of the case note noteId as a user does: selects its row
// in the chronology and clicks Open.
ui::CaseNoteEditor* openNoteEditor(ui::ChronologyPage& page, const QString& noteId) {
    const int row = chronologyRow(page, noteId);
    if (row < 0)
        qFatal("The chronology does not show the case note being edited");
    requireChild<QTableWidget>(&page, QStringLiteral("chronologyTableWidget"))->selectRow(row);
    requireChild<QPushButton>(&page, QStringLiteral("openEntryPushButton"))->click();
    auto* editor = page.findChild<ui::CaseNoteEditor*>();
    if (!editor || !editor->isVisible())
        qFatal("Clicking Open did not open the case note's editor");
    return editor;
}

// Saves an edited case note in the app's main window, on a second connection
// to the school's store. The window shows the family with typicalChronology
// notes, chosen in the family list, at its Chronology tab. Each iteration
// opens the editor of one of its notes from the chronology, changes the text
// and the significant flag and then clicks Save. Only the part from the click
// until the window has painted the change is timed. That part is the save
// through CaseNoteRepository::update() and MainWindow::onFamilyChanged(),
// which reloads every tab of the family view and the family list.
// Arg(0) drops the case tables' audit triggers for the run and restores them
// after it. The "auditEvents" counter is the update events written per save.
void BM_SaveCaseNoteInWindow(benchmark::State& state) {
    const bool audited = state.range(0) != 0;
    CaseworkStore& fixture = caseworkStore();
    const auto family = fixture.familyByNotes.find(typicalChronology);
    if (family == fixture.familyByNotes.end()) {
        state.SkipWithError("no family has that many case notes");
        return;
    }
    std::optional<bench::DroppedCaseAuditTriggers> droppedTriggers;
    if (!audited)
        droppedTriggers.emplace(*fixture.store);

    ui::FileChooser noFiles;
    noFiles.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    noFiles.saveFile = noFiles.openFile;
    {
        ui::MainWindow window(noFiles);
        window.resize(1280, 800);
        window.openSession(require(Store::open(fixture.store->path(), fixture.key), "opening the store"),
                           lead);
        window.show();

        auto* families = requireChild<QTreeView>(&window, QStringLiteral("familiesTreeView"));
        auto* familyModel = qobject_cast<ui::FamilyListModel*>(families->model());
        const int familyRow = familyModel ? familyModel->rowOf(family->second) : -1;
        if (familyRow < 0)
            qFatal("The family list does not show the family being edited");
        families->setCurrentIndex(familyModel->index(familyRow, 0));

        auto* view = window.findChild<ui::FamilyView*>();
        auto* page = requireChild<ui::ChronologyPage>(&window, QStringLiteral("chronologyPage"));
        if (!view || view->familyId() != family->second)
            qFatal("Choosing the family in the list did not show it");
        view->tabs()->setCurrentWidget(page);
        QString noteId;
        for (const ChronologyEntry& entry : page->entries()) {
            if (entry.source == ChronologySource::CaseNote) {
                noteId = entry.recordId;
                break;
            }
        }
        QCoreApplication::processEvents();
        const qint64 eventsBefore = updateEventCount(window.session()->store(), noteId);

        qint64 round = 0;
        for (auto _ : state) {
            state.PauseTiming();
            QPointer<ui::CaseNoteEditor> editor = openNoteEditor(*page, noteId);
            const QString text =
                QStringLiteral("Spoke with mum about the morning routine, visit %1.").arg(round);
            requireChild<QPlainTextEdit>(editor, QStringLiteral("noteTextEdit"))->setPlainText(text);
            auto* significant = requireChild<QCheckBox>(editor, QStringLiteral("significantCheckBox"));
            significant->click();
            const bool flagged = significant->isChecked();
            QAbstractButton* save = requireChild<QDialogButtonBox>(editor, QStringLiteral("editorButtonBox"))
                                        ->button(QDialogButtonBox::Save);
            QCoreApplication::processEvents();
            state.ResumeTiming();

            save->click();
            QCoreApplication::processEvents();

            state.PauseTiming();
            std::string failure;
            if (editor && editor->isVisible()) {
                failure =
                    "saving failed: " +
                    requireChild<QLabel>(editor, QStringLiteral("editorErrorLabel"))->text().toStdString();
            } else {
                const int row = chronologyRow(*page, noteId);
                if (row < 0 || page->entries().at(row).text != text ||
                    page->entries().at(row).significant != flagged)
                    failure = "the chronology does not show the saved note";
            }
            delete editor.data();
            ++round;
            state.ResumeTiming();
            if (!failure.empty()) {
                state.SkipWithError(failure.c_str());
                break;
            }
        }

        // Each save is one audit event, or none with the triggers dropped.
        const qint64 events = updateEventCount(window.session()->store(), noteId) - eventsBefore;
        state.counters["auditEvents"] = round > 0 ? double(events) / double(round) : 0.0;
        if (!state.error_occurred() && events != (audited ? round : 0))
            state.SkipWithError("the saves did not write the expected audit events");
    }
    state.SetLabel(audited ? "audited" : "triggers dropped");
}
BENCHMARK(BM_SaveCaseNoteInWindow)
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);

// The Chronology tab's query for the family with 500 notes: the notes and
// one entry for each of its other case records, newest first.
void BM_Chronology500(benchmark::State& state) {
    CaseworkStore& fixture = caseworkStore();
    Chronology chronology(*fixture.store);
    qsizetype entries = 0;
    for (auto _ : state) {
        const QList<ChronologyEntry> shown =
            require(chronology.entries(fixture.largestFamilyId, {}), "reading the chronology");
        if (shown.size() < largestChronology) {
            state.SkipWithError("the chronology has fewer than 500 entries");
            break;
        }
        entries = shown.size();
        benchmark::DoNotOptimize(shown);
    }
    state.counters["entries"] = double(entries);
}
BENCHMARK(BM_Chronology500)->Unit(benchmark::kMillisecond)->UseRealTime();

// The four queries of the "My work" list, as MyWorkView makes them.
void BM_MyWork(benchmark::State& state) {
    CaseworkStore& fixture = caseworkStore();
    MyWorkQueries queries(*fixture.store);
    const QDate today = QDate::currentDate();
    qsizetype reviews = 0;
    qsizetype actions = 0;
    qsizetype consents = 0;
    qsizetype families = 0;
    for (auto _ : state) {
        reviews = require(queries.reviewsDue(today, 7), "reading the reviews due").size();
        actions = require(queries.overdueActions(today), "reading the overdue actions").size();
        consents = require(queries.consentsDueForReview(today, 7), "reading the consents due").size();
        families = require(queries.familiesWithoutPlan(today), "reading the families without a plan").size();
    }
    state.counters["reviews"] = double(reviews);
    state.counters["actions"] = double(actions);
    state.counters["consents"] = double(consents);
    state.counters["families"] = double(families);
}
BENCHMARK(BM_MyWork)->Unit(benchmark::kMillisecond)->UseRealTime();

// The four queries and the reads MyWorkView adds to name the person of each
// consent due: CaseDirectory::family once for each family with one.
void BM_MyWorkWithNames(benchmark::State& state) {
    CaseworkStore& fixture = caseworkStore();
    MyWorkQueries queries(*fixture.store);
    CaseDirectory directory(*fixture.store);
    const QDate today = QDate::currentDate();
    qsizetype familiesRead = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(require(queries.reviewsDue(today, 7), "reading the reviews due"));
        benchmark::DoNotOptimize(require(queries.overdueActions(today), "reading the overdue actions"));
        benchmark::DoNotOptimize(
            require(queries.familiesWithoutPlan(today), "reading the families without a plan"));
        QSet<QString> familyIds;
        for (const MyWorkItem& item :
             require(queries.consentsDueForReview(today, 7), "reading the consents due"))
            familyIds.insert(item.familyId);
        for (const QString& familyId : std::as_const(familyIds))
            benchmark::DoNotOptimize(require(directory.family(familyId), "reading a family"));
        familiesRead = familyIds.size();
    }
    state.counters["familiesRead"] = double(familiesRead);
}
BENCHMARK(BM_MyWorkWithNames)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ListDeletedItems(benchmark::State& state) {
    CaseworkStore& fixture = caseworkStore();
    DeletedItems deleted(*fixture.store);
    qsizetype items = 0;
    for (auto _ : state)
        items = require(deleted.list(), "listing the deleted items").size();
    if (items != deletedNotes)
        state.SkipWithError("the list does not show every deleted case note");
    state.counters["items"] = double(items);
}
BENCHMARK(BM_ListDeletedItems)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The main window reads and writes QSettings, and test mode keeps them
    // apart from the user's own settings.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelpBenchmarks"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_casework"));
    QLoggingCategory::setFilterRules(QStringLiteral("earlyhelp.*.info=false"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
