// Benchmarks of a subject access export for a child with 500 case notes of
// 300 to 1,500 characters: collecting the items, the JSON form and the PDF
// form, and all three as the dialog's two exports run them.

#include "casework/casenoterepository.h"
#include "cases/casedirectory.h"
#include "cases/personrepository.h"
#include "common/secretbytes.h"
#include "documents/subjectaccesspdf.h"
#include "store/store.h"
#include "subjectaccess/collector.h"
#include "subjectaccess/subjectaccessexport.h"

#include <benchmark/benchmark.h>

#include <QGuiApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

using namespace earlyhelp;
using namespace earlyhelp::subjectaccess;

namespace {

constexpr int noteCount = 500;
constexpr int shortestNote = 300;
constexpr int longestNote = 1500;

const access::Actor lead{QStringLiteral("Benchmark Lead"), QStringLiteral("lead")};

template <typename T> T require(Result<T> result, const char* what) {
    if (!result)
        qFatal("%s failed: %s", what, qPrintable(result.error().message));
    return std::move(*result);
}

// Returns prose of about length characters from a fixed word list, so that
// the PDF lays out words and lines as it would for real notes.
QString noteText(QRandomGenerator& random, int length) {
    static const QStringList words{
        QStringLiteral("Amara"),    QStringLiteral("attended"), QStringLiteral("school"),   QStringLiteral("today"),
        QStringLiteral("and"),      QStringLiteral("spoke"),    QStringLiteral("with"),     QStringLiteral("her"),
        QStringLiteral("teacher"),  QStringLiteral("about"),    QStringLiteral("reading"),  QStringLiteral("at"),
        QStringLiteral("home."),    QStringLiteral("Mum"),      QStringLiteral("reported"), QStringLiteral("that"),
        QStringLiteral("sleep"),    QStringLiteral("has"),      QStringLiteral("improved"), QStringLiteral("since"),
        QStringLiteral("the"),      QStringLiteral("last"),     QStringLiteral("visit;"),   QStringLiteral("agreed"),
        QStringLiteral("to"),       QStringLiteral("review"),   QStringLiteral("next"),     QStringLiteral("week."),
    };
    QString text;
    while (text.size() < length) {
        text += words.at(int(random.bounded(qsizetype(words.size()))));
        text += u' ';
    }
    return text.left(length).trimmed();
}

// One child in one family with 500 case notes, written through the
// repositories, so that the audit trail contains an event for each note.
struct SubjectAccessStore {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    QString childId;

    SubjectAccessStore() {
        store = require(Store::create(dir.filePath(QStringLiteral("school.ehstore")), SecretBytes::random(32)),
                        "creating the store");
        store->setAuditActor(lead.user, lead.roleCode);
        OrganisationRecord organisation;
        organisation.name = QStringLiteral("Benchmark Primary School");
        organisation.dfeUrn = QStringLiteral("199990");
        require(createLocalOrganisation(*store, organisation), "creating the organisation");

        const QString familyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlQuery family(store->database());
        family.prepare(QStringLiteral("INSERT INTO family (id, org_id, name, created_at, updated_at) "
                                      "SELECT ?, id, 'Fenwick family', '2026-01-05T09:00:00.000Z', "
                                      "'2026-01-05T09:00:00.000Z' FROM organisation WHERE is_local = 1"));
        family.addBindValue(familyId);
        if (!family.exec())
            qFatal("Inserting the family failed");

        PersonRepository people(*store);
        NewPerson child;
        child.forename = QStringLiteral("Amara");
        child.surname = QStringLiteral("Fenwick");
        child.dateOfBirth = QStringLiteral("12/03/2015");
        child.postcode = QStringLiteral("LS6 2AB");
        childId = require(people.addPerson(lead, child, FamilyLink{familyId, QStringLiteral("child"), {}, false}),
                          "adding the child");
        NewPerson mother;
        mother.forename = QStringLiteral("Joanna");
        mother.surname = QStringLiteral("Fenwick");
        require(people.addPerson(lead, mother, FamilyLink{familyId, QStringLiteral("adult"), QStringLiteral("parent"), true}),
                "adding the mother");

        CaseNoteRepository notes(*store);
        QRandomGenerator random(42);
        const QDate first(2024, 1, 8);
        for (int index = 0; index < noteCount; ++index) {
            CaseNote note;
            note.familyId = familyId;
            note.personId = index % 3 == 0 ? QString() : childId;
            note.date = first.addDays(index);
            note.author = QStringLiteral("Sam Patel");
            note.type = QStringLiteral("contact");
            note.text = noteText(random, shortestNote + int(random.bounded(longestNote - shortestNote + 1)));
            require(notes.create(lead, note), "writing a case note");
        }
    }
};

SubjectAccessStore& subjectAccessStore() {
    static SubjectAccessStore fixture;
    return fixture;
}

ExportInfo exportInfo() {
    return ExportInfo{QDateTime::currentDateTimeUtc(), lead.user};
}

void BM_Collect(benchmark::State& state) {
    SubjectAccessStore& fixture = subjectAccessStore();
    qsizetype items = 0;
    for (auto _ : state)
        items = require(Collector(*fixture.store).collect(lead, fixture.childId), "collecting").items.size();
    state.counters["items"] = double(items);
}
BENCHMARK(BM_Collect)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Json(benchmark::State& state) {
    SubjectAccessStore& fixture = subjectAccessStore();
    const Collection collection = require(Collector(*fixture.store).collect(lead, fixture.childId), "collecting");
    qsizetype bytes = 0;
    for (auto _ : state)
        bytes = QJsonDocument(exportJson(collection, {}, exportInfo())).toJson().size();
    state.counters["bytes"] = double(bytes);
}
BENCHMARK(BM_Json)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Pdf(benchmark::State& state) {
    SubjectAccessStore& fixture = subjectAccessStore();
    const Collection collection = require(Collector(*fixture.store).collect(lead, fixture.childId), "collecting");
    qsizetype bytes = 0;
    for (auto _ : state)
        bytes = require(documents::subjectAccessPdf(collection, {}, exportInfo()), "rendering").size();
    state.counters["bytes"] = double(bytes);
}
BENCHMARK(BM_Pdf)->Unit(benchmark::kMillisecond)->UseRealTime();

// Collect, then both exports written to files with their audit events.
void BM_CollectAndExportBoth(benchmark::State& state) {
    SubjectAccessStore& fixture = subjectAccessStore();
    const QString jsonPath = fixture.dir.filePath(QStringLiteral("export.json"));
    const QString pdfPath = fixture.dir.filePath(QStringLiteral("export.pdf"));
    qsizetype items = 0;
    for (auto _ : state) {
        const Collection collection = require(Collector(*fixture.store).collect(lead, fixture.childId), "collecting");
        const QByteArray json = QJsonDocument(exportJson(collection, {}, exportInfo())).toJson();
        require(writeExport(*fixture.store, lead, collection, {}, ExportKind::Json, jsonPath, json), "writing JSON");
        const QByteArray pdf = require(documents::subjectAccessPdf(collection, {}, exportInfo()), "rendering");
        require(writeExport(*fixture.store, lead, collection, {}, ExportKind::Pdf, pdfPath, pdf), "writing the PDF");
        items = collection.items.size();
    }
    state.counters["items"] = double(items);
}
BENCHMARK(BM_CollectAndExportBoth)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("earlyhelp.*.info=false"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
