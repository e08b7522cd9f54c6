// Benchmarks of push and pull against the real earlyhelp-server binary on
// 127.0.0.1 over TLS, with its default SQLite database in a temporary
// directory. The client is the suites' HTTPS client (tests/server), which
// sends one request at a time and waits for its response, as a device does.

#include "servertestsupport.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

using namespace earlyhelp::servertest;

namespace {

constexpr int pushBatchSize = 500;
constexpr int recordCount = 10'000;

// A server with one enrolled device per organisation, started once for every
// benchmark of the run.
struct ServerFixture {
    QTemporaryDir dir;
    TestCertificates certificates;
    QString database;
    ServerProcess server;
    std::unique_ptr<HttpClient> client;

    QByteArray enrolNewOrganisation(const QString& name) {
        const CommandResult added = runServerCommand(
            {QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"),
             name, QStringLiteral("--party-type"), QStringLiteral("school")},
            database);
        if (added.exitCode != 0)
            qFatal("org add failed: %s", qPrintable(added.standardError));
        const CommandResult code = runServerCommand({QStringLiteral("admin"), QStringLiteral("enrol-code"),
                                                     QStringLiteral("--org"), added.standardOutput.trimmed()},
                                                    database);
        if (code.exitCode != 0)
            qFatal("enrol-code failed: %s", qPrintable(code.standardError));
        const HttpResult enrolled = client->send(
            "POST", server.port(), QStringLiteral("/api/v1/enrol"),
            QJsonDocument(QJsonObject{{QStringLiteral("code"), code.standardOutput.trimmed()},
                                      {QStringLiteral("deviceName"), QStringLiteral("Benchmark")}})
                .toJson());
        if (enrolled.status != 201)
            qFatal("enrolment failed: %d %s", enrolled.status, enrolled.body.constData());
        return bearerOf(enrolled.json);
    }
};

ServerFixture& fixture() {
    static ServerFixture* instance = [] {
        auto* created = new ServerFixture;
        QString error;
        if (!created->dir.isValid() ||
            !makeTestCertificates(created->dir.path(), QStringLiteral("bench"), created->certificates, error))
            qFatal("making the certificates failed: %s", qPrintable(error));
        created->database = created->dir.filePath(QStringLiteral("server.db"));
        // The rate limit is raised so that it never makes a request wait.
        QProcessEnvironment settings;
        settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_BURST"), QStringLiteral("1000000"));
        settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_PER_SECOND"), QStringLiteral("1000000"));
        if (!created->server.start(created->database, created->certificates, error, settings))
            qFatal("starting the server failed: %s", qPrintable(error));
        created->client = std::make_unique<HttpClient>(created->certificates.caCertificate);
        return created;
    }();
    return *instance;
}

// Request bodies that create count new person records with four fields
// each, in batches of pushBatchSize.
QList<QByteArray> newPeopleBatches(int count) {
    QList<QByteArray> bodies;
    QJsonArray changes;
    for (int i = 0; i < count; ++i) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        changes.append(QJsonObject{
            {QStringLiteral("changeId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("recordType"), QStringLiteral("person")},
            {QStringLiteral("recordId"), id},
            {QStringLiteral("baseRevision"), 0},
            {QStringLiteral("fields"),
             QJsonObject{{QStringLiteral("person.legalForename"), QStringLiteral("Amara")},
                         {QStringLiteral("person.legalSurname"), QStringLiteral("Fenwick %1").arg(i)},
                         {QStringLiteral("person.dateOfBirth"), QStringLiteral("2015-04-12")},
                         {QStringLiteral("person.upn"), QStringLiteral("A123456789012")}}},
            {QStringLiteral("deleted"), false},
            {QStringLiteral("subject"),
             QJsonObject{{QStringLiteral("familyId"), QJsonValue()}, {QStringLiteral("personId"), id}}}});
        if (changes.size() == pushBatchSize || i == count - 1) {
            bodies.append(QJsonDocument(QJsonObject{{QStringLiteral("changes"), changes}})
                              .toJson(QJsonDocument::Compact));
            changes = QJsonArray();
        }
    }
    return bodies;
}

// Pushes the batches and returns the number of accepted changes.
qsizetype pushAll(ServerFixture& server, const QByteArray& device, const QList<QByteArray>& bodies) {
    qsizetype accepted = 0;
    for (const QByteArray& body : bodies) {
        const HttpResult pushed =
            server.client->send("POST", server.server.port(), QStringLiteral("/api/v1/push"), body, device);
        if (pushed.status != 200)
            qFatal("push failed: %d %s", pushed.status, pushed.body.left(300).constData());
        for (const QJsonValue& result : pushed.json.value(QStringLiteral("results")).toArray())
            accepted +=
                result.toObject().value(QStringLiteral("status")).toString() == QLatin1String("accepted");
    }
    return accepted;
}

// 10,000 new records in 20 pushes of 500 changes. Each iteration enrols a new
// organisation so that every push creates records.
void BM_Push10000(benchmark::State& state) {
    ServerFixture& server = fixture();
    // Organisation names are unique, and Google Benchmark calls this function
    // again for each repetition.
    static int organisation = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const QByteArray device =
            server.enrolNewOrganisation(QStringLiteral("Push school %1").arg(++organisation));
        const QList<QByteArray> bodies = newPeopleBatches(recordCount);
        state.ResumeTiming();

        if (pushAll(server, device, bodies) != recordCount)
            state.SkipWithError("not every change was accepted");
    }
    state.SetItemsProcessed(state.iterations() * recordCount);
}
BENCHMARK(BM_Push10000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// Pulls an organisation's 10,000 records from cursor 0 in pages of
// state.range(0).
void BM_Pull10000(benchmark::State& state) {
    ServerFixture& server = fixture();
    static const QByteArray device = [&] {
        const QByteArray enrolled = server.enrolNewOrganisation(QStringLiteral("Pull school"));
        if (pushAll(server, enrolled, newPeopleBatches(recordCount)) != recordCount)
            qFatal("filling the pull organisation failed");
        return enrolled;
    }();
    const int limit = static_cast<int>(state.range(0));

    for (auto _ : state) {
        qint64 cursor = 0;
        qsizetype pulled = 0;
        bool more = true;
        while (more) {
            const HttpResult page = server.client->send(
                "GET", server.server.port(),
                QStringLiteral("/api/v1/pull?after=%1&limit=%2").arg(cursor).arg(limit), {}, device);
            if (page.status != 200)
                qFatal("pull failed: %d %s", page.status, page.body.left(300).constData());
            pulled += page.json.value(QStringLiteral("changes")).toArray().size();
            cursor = page.json.value(QStringLiteral("next")).toInteger();
            more = page.json.value(QStringLiteral("more")).toBool();
        }
        if (pulled != recordCount)
            state.SkipWithError("the pull did not return every record");
    }
    state.SetItemsProcessed(state.iterations() * recordCount);
}
BENCHMARK(BM_Pull10000)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
