// Benchmarks of the audit trail: what the audit triggers add to a typical
// edit, and how long verifyAuditChain() takes over a million events.

#include "audit/auditlog.h"
#include "caseaudittriggers.h"
#include "cases/casedirectory.h"
#include "casework/casenoterepository.h"
#include "common/secretbytes.h"
#include "store/store.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QUuid>

#include <functional>
#include <memory>

using namespace earlyhelp;

namespace {

constexpr int personCount = 200;
constexpr qint64 chainEvents = 1000000;
// Events appended per transaction while the chain is built.
constexpr qint64 eventsPerTransaction = 100000;
// Edits made, before the timed loop, to count the WAL frames of one edit.
constexpr int walCountEdits = 50;

const Actor caseworker{QStringLiteral("Benchmark Caseworker"), QStringLiteral("caseworker")};

// Stops the program when result is an error, because a benchmark on a store
// not built as described would measure something else.
template <typename T> T require(Result<T> result, const char* what) {
    if (!result)
        qFatal("%s failed: %s", what, qPrintable(result.error().message));
    return std::move(*result);
}

void require(bool done, const QSqlQuery& query, const char* what) {
    if (!done)
        qFatal("%s failed: %s", what, qPrintable(query.lastError().text()));
}

void execute(Store& store, const QString& sql) {
    QSqlQuery query(store.database());
    require(query.exec(sql), query, "a setup statement");
}

// A store with people, one family and a case note, with the audit triggers
// or, when audited is false, with the case tables' audit triggers dropped.
struct EditStore {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    QStringList personIds;
    QString noteId;

    explicit EditStore(bool audited) {
        store = require(Store::create(dir.filePath(QStringLiteral("edit.ehstore")), SecretBytes::random(32)),
                        "creating the store");
        store->setAuditActor(caseworker.user, caseworker.roleCode);
        OrganisationRecord organisation;
        organisation.name = QStringLiteral("Benchmark Primary School");
        organisation.dfeUrn = QStringLiteral("199990");
        const QString orgId = require(createLocalOrganisation(*store, organisation), "creating the organisation").id;

        const QString familyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        execute(*store, QStringLiteral("INSERT INTO family (id, org_id, name, created_at, updated_at) VALUES "
                                       "('%1', '%2', 'Khan family', '2026-01-05T09:00:00.000Z', "
                                       "'2026-01-05T09:00:00.000Z')")
                            .arg(familyId, orgId));
        for (int i = 0; i < personCount; ++i) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            execute(*store, QStringLiteral("INSERT INTO person (id, org_id, legal_forename, legal_surname, "
                                           "created_at, updated_at) VALUES ('%1', '%2', 'Aisha', 'Khan', "
                                           "'2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z')")
                                .arg(id, orgId));
            personIds.append(id);
        }

        CaseNote note;
        note.familyId = familyId;
        note.date = QDate(2026, 12, 1);
        note.author = QStringLiteral("J. Patel");
        note.type = QStringLiteral("phone call");
        note.text = QStringLiteral("Called mum.");
        noteId = require(CaseNoteRepository(*store).create(caseworker, note), "creating the note").meta.id;

        if (!audited)
            bench::dropCaseAuditTriggers(*store);
    }
};

int queryInt(const QSqlDatabase& database, const QString& sql, int column = 0) {
    QSqlQuery query(database);
    require(query.exec(sql) && query.next(), query, "a PRAGMA");
    return query.value(column).toInt();
}

// Returns the WAL frames, each one page of the store, that one call of edit
// writes, averaged over walCountEdits calls. The WAL is truncated first and
// automatic checkpoints are off until the count is read, so every frame the
// edits write is still in the WAL. The count is checked against the size of
// the -wal file.
double walFramesPerEdit(Store& store, const std::function<void()>& edit) {
    QSqlDatabase database = store.database();
    const int autoCheckpoint = queryInt(database, QStringLiteral("PRAGMA wal_autocheckpoint"));
    const int pageSize = queryInt(database, QStringLiteral("PRAGMA page_size"));
    execute(store, QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
    if (queryInt(database, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) != 0)
        qFatal("Truncating the WAL failed: a reader or writer kept it busy");
    const int framesBefore = queryInt(database, QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), 1);

    for (int i = 0; i < walCountEdits; ++i)
        edit();

    const int framesAfter = queryInt(database, QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"), 1);
    execute(store, QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(autoCheckpoint));

    // A WAL file is a 32-byte header and frames of a 24-byte header and one
    // page each.
    const qint64 walBytes = QFileInfo(store.path() + u"-wal").size();
    const qint64 framesInFile = (walBytes - 32) / (pageSize + 24);
    if (framesBefore != 0 || framesAfter != framesInFile)
        qFatal("The WAL frame counts do not agree: %d before the edits, %d after, %lld in the -wal file",
               framesBefore, framesAfter, framesInFile);
    return double(framesAfter) / walCountEdits;
}

// One edit as the repositories make it: two fields of a person, the revision
// and updated_at, in a transaction of its own. The "pages" counter is the WAL
// frames an edit writes, counted before the timed loop.
void BM_EditPerson(benchmark::State& state) {
    const bool audited = state.range(0) != 0;
    EditStore edit(audited);
    QSqlDatabase database = edit.store->database();
    QSqlQuery update(database);
    update.prepare(QStringLiteral("UPDATE person SET preferred_forename = ?, religion = ?, "
                                  "revision = revision + 1, updated_at = ? WHERE id = ?"));
    qint64 round = 0;
    const auto editPerson = [&] {
        const QString& id = edit.personIds.at(round % edit.personIds.size());
        if (!database.transaction())
            qFatal("Beginning a transaction failed");
        update.addBindValue(QStringLiteral("Ash %1").arg(round));
        update.addBindValue(round % 2 == 0 ? QStringLiteral("Christian") : QStringLiteral("Muslim"));
        update.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        update.addBindValue(id);
        require(update.exec(), update, "the edit");
        if (!database.commit())
            qFatal("Committing the edit failed");
        ++round;
    };
    const double pages = walFramesPerEdit(*edit.store, editPerson);

    for (auto _ : state)
        editPerson();
    state.counters["pages"] = pages;
    state.SetLabel(audited ? "audited" : "triggers dropped");
}
BENCHMARK(BM_EditPerson)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The same kind of edit through CaseNoteRepository::update(), which reads the
// note, compares, writes and reads it back: the text and the significant flag.
// The "pages" counter is as in BM_EditPerson.
void BM_EditCaseNote(benchmark::State& state) {
    const bool audited = state.range(0) != 0;
    EditStore edit(audited);
    CaseNoteRepository notes(*edit.store);
    CaseNote note = require(notes.get(edit.noteId), "reading the note");
    qint64 round = 0;
    const auto editNote = [&] {
        note.text = QStringLiteral("Called mum, round %1.").arg(round);
        note.significant = round % 2 == 0;
        note = require(notes.update(caseworker, note), "the edit");
        ++round;
    };
    const double pages = walFramesPerEdit(*edit.store, editNote);

    for (auto _ : state)
        editNote();
    state.counters["pages"] = pages;
    state.SetLabel(audited ? "audited" : "triggers dropped");
}
BENCHMARK(BM_EditCaseNote)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond)->UseRealTime();

// A store whose audit trail has chainEvents events, appended through
// AuditLog::append() in a few large transactions.
struct ChainStore {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;

    ChainStore() {
        store = require(Store::create(dir.filePath(QStringLiteral("chain.ehstore")), SecretBytes::random(32)),
                        "creating the store");
        store->setAuditActor(caseworker.user, caseworker.roleCode);
        audit::AuditLog log(*store);
        QSqlDatabase database = store->database();
        for (qint64 i = 0; i < chainEvents; ++i) {
            if (i % eventsPerTransaction == 0 && !database.transaction())
                qFatal("Beginning a transaction failed");
            audit::NewEvent event;
            event.action = i % 3 == 0 ? audit::Action::Search : audit::Action::View;
            event.recordType = QStringLiteral("family");
            event.recordId = QStringLiteral("family-%1").arg(i % 1000);
            event.familyId = event.recordId;
            event.details = QJsonObject{{QStringLiteral("query"), QStringLiteral("khan")},
                                        {QStringLiteral("results"), int(i % 40)}};
            require(log.append(event), "appending an event");
            if ((i + 1) % eventsPerTransaction == 0 && !database.commit())
                qFatal("Committing the events failed");
        }
    }
};

void BM_VerifyChain(benchmark::State& state) {
    static ChainStore chain;
    for (auto _ : state) {
        const audit::ChainReport report = require(audit::verifyAuditChain(*chain.store), "verifying the chain");
        if (!report.intact || report.events != chainEvents)
            qFatal("The chain did not verify: %s", qPrintable(report.problem));
        benchmark::DoNotOptimize(report.events);
    }
    state.SetItemsProcessed(state.iterations() * chainEvents);
}
BENCHMARK(BM_VerifyChain)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("earlyhelp.*.info=false"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
