// Benchmarks of sync against the real earlyhelp-server binary on 127.0.0.1
// over TLS:
// - BM_IncrementalSyncNothingNew: SyncEngine::syncNow() of an enrolled
//   school store whose changes the server already has (status, an empty
//   outbox, one empty pull page). The device credential is in the OS
//   keychain, so run the benchmark inside scripts/with-keyring.
// - BM_ConcurrentDevices: 50 devices, each with its own HTTPS connection,
//   pushing 10 changes and pulling their feed at the same time. The counter
//   requests_per_second is the rate of completed requests.
// The server runs on SQLite in a temporary directory and, when
// EARLYHELP_TEST_POSTGRES_BIN names PostgreSQL's programs, also on a private
// PostgreSQL server (the benchmarks with argument 1).

#include "servertestsupport.h"
#include "support/ctfgenerator.h"

#include "cases/casestore.h"
#include "casework/consentrepository.h"
#include "import/ctfimporter.h"
#include "keys/oskeychain.h"
#include "policy/signature.h"
#include "sharing/agreementregister.h"
#include "sync/syncengine.h"
#include "sync/syncenrolment.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <array>
#include <memory>
#include <vector>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

namespace {

constexpr std::size_t deviceCount = 50;
constexpr int changesPerPush = 10;

// One server on one database, with the bundled agreement published.
struct ServerFixture {
    QTemporaryDir dir;
    TestCertificates certificates;
    std::unique_ptr<PostgresCluster> postgres;
    QString database;
    ServerProcess server;

    QString addOrganisation(const QString& name) const {
        const CommandResult added = runServerCommand(
            {QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"), name,
             QStringLiteral("--party-type"), QStringLiteral("school")},
            database);
        if (added.exitCode != 0)
            qFatal("org add failed: %s", qPrintable(added.standardError));
        return added.standardOutput.trimmed();
    }

    QString issueCode(const QString& organisationId) const {
        const CommandResult code = runServerCommand(
            {QStringLiteral("admin"), QStringLiteral("enrol-code"), QStringLiteral("--org"), organisationId},
            database);
        if (code.exitCode != 0)
            qFatal("enrol-code failed: %s", qPrintable(code.standardError));
        return code.standardOutput.trimmed();
    }
};

// Returns the server for the database kind: 0 SQLite, 1 PostgreSQL (nullptr
// when EARLYHELP_TEST_POSTGRES_BIN is not set). The fixtures live until the
// process ends, because they own Qt objects that must not be destroyed after
// QCoreApplication.
ServerFixture* fixture(int databaseKind) {
    static auto& fixtures = *new std::array<std::unique_ptr<ServerFixture>, 2>;
    static std::array<bool, 2> made{false, false};
    if (made.at(databaseKind))
        return fixtures.at(databaseKind).get();
    made.at(databaseKind) = true;

    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (databaseKind == 1 && postgresBin.isEmpty())
        return nullptr;
    auto created = std::make_unique<ServerFixture>();
    QString error;
    if (!created->dir.isValid() ||
        !makeTestCertificates(created->dir.path(), QStringLiteral("bench"), created->certificates, error))
        qFatal("making the certificates failed: %s", qPrintable(error));
    if (databaseKind == 0) {
        created->database = created->dir.filePath(QStringLiteral("server.db"));
    } else {
        created->postgres = std::make_unique<PostgresCluster>(postgresBin);
        if (!created->postgres->start(error))
            qFatal("starting PostgreSQL failed: %s", qPrintable(error));
        created->database = created->postgres->createDatabase(error);
        if (created->database.isEmpty())
            qFatal("creating the PostgreSQL database failed: %s", qPrintable(error));
    }
    const CommandResult published =
        runServerCommand({QStringLiteral("admin"), QStringLiteral("agreement"), QStringLiteral("publish"),
                          QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")},
                         created->database);
    if (published.exitCode != 0)
        qFatal("publishing the agreement failed: %s", qPrintable(published.standardError));
    // The rate limit is raised so that it never makes a request wait.
    QProcessEnvironment settings;
    settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_BURST"), QStringLiteral("1000000"));
    settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_PER_SECOND"), QStringLiteral("1000000"));
    if (!created->server.start(created->database, created->certificates, error, settings))
        qFatal("starting the server failed: %s", qPrintable(error));
    fixtures.at(databaseKind) = std::move(created);
    return fixtures.at(databaseKind).get();
}

template <typename T>
T valueOrDie(Result<T> result, const char* step) {
    if (!result)
        qFatal("%s failed: %s", step, qPrintable(result.error().message));
    return std::move(*result);
}

// An enrolled school store with 60 pupils from a generated CTF file, one
// family consenting to share with the Children's Trust, and one sync done.
struct StoreFixture {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    access::Actor actor;
    QUuid storeId;
    keys::OsKeychain keychain;
    std::unique_ptr<sync::SyncEngine> engine;

    explicit StoreFixture(ServerFixture& server) {
        const QString path = dir.filePath(QStringLiteral("school.ehstore"));
        NewStoreRequest request;
        request.path = path;
        request.organisation.name = QStringLiteral("Benchmark Primary School");
        request.organisation.dfeUrn = QStringLiteral("199990");
        request.userName = QStringLiteral("Bench Lead");
        const QByteArray passphrase = QByteArrayLiteral("a long benchmark passphrase");
        request.passphrase = SecretBytes::copyOf(passphrase.constData(), std::size_t(passphrase.size()));
        store = valueOrDie(setUpStore(std::move(request)), "setting up the store").store;
        actor = access::Actor{QStringLiteral("Bench Lead"), access::roleCode(access::Role::Lead)};
        storeId = valueOrDie(sync::storeIdFor(path), "reading the store id");

        const QString ctfPath = dir.filePath(QStringLiteral("pupils.xml"));
        QFile ctf(ctfPath);
        testsupport::GeneratedCtfOptions options;
        options.pupils = 60;
        if (!ctf.open(QIODevice::WriteOnly) || ctf.write(testsupport::generateCtf(options)) < 0)
            qFatal("writing the CTF file failed");
        ctf.close();
        (void)valueOrDie(importCtf(*store, ctfPath), "importing the CTF file");

        QFile document(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json"));
        QFile signature(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json.sig"));
        if (!document.open(QIODevice::ReadOnly) || !signature.open(QIODevice::ReadOnly))
            qFatal("reading the bundled agreement failed");
        sharing::AgreementRegister agreements(*store, policy::builtInTrustPublicKey());
        (void)valueOrDie(agreements.install(actor, document.readAll(), signature.readAll()), "installing");
        (void)valueOrDie(agreements.accept(actor, 1, QStringLiteral("Jo Whitfield"), QStringLiteral("Headteacher"),
                                           QDate::currentDate(), QDate::currentDate()),
                         "accepting the agreement");

        // One family consents to sharing with the Children's Trust, so the
        // first sync sends it.
        QSqlQuery query(store->database());
        if (!query.exec(QStringLiteral(
                "SELECT c.family_id, c.person_id, a.person_id FROM family_member c JOIN family_member a "
                "ON a.family_id = c.family_id AND a.role = 'adult' AND a.parental_responsibility = 1 "
                "WHERE c.role = 'child' ORDER BY c.family_id LIMIT 1")) ||
            !query.next())
            qFatal("the generated CTF file has no family with a child and an adult");
        Consent consent;
        consent.familyId = query.value(0).toString();
        consent.subjectPersonId = query.value(1).toString();
        consent.givenByPersonId = query.value(2).toString();
        query.finish();
        consent.purposes = {QStringLiteral("safeguarding")};
        consent.recipients = {{ConsentRecipient::Kind::PartyType, QStringLiteral("childrens_trust")}};
        consent.dataCategories = {DataCategory::Personal};
        consent.givenDate = QDate::currentDate();
        (void)valueOrDie(ConsentRepository(*store).createConsent(actor, consent), "recording the consent");

        sync::EnrolmentRequest enrolment;
        enrolment.serverUrl = QStringLiteral("https://127.0.0.1:%1").arg(server.server.port());
        enrolment.code = server.issueCode(server.addOrganisation(QStringLiteral("Benchmark Primary School")));
        enrolment.deviceName = QStringLiteral("Benchmark");
        enrolment.caCertificatePath = server.certificates.caCertificate;
        (void)valueOrDie(sync::enrolStore(*store, storeId, actor, keychain, enrolment), "enrolling");

        engine = std::make_unique<sync::SyncEngine>(*store, storeId, keychain);
        const sync::SyncOutcome first = valueOrDie(engine->syncNow(actor), "the first sync");
        if (!first.complete || first.pushed == 0)
            qFatal("the first sync was not complete or sent nothing: %s",
                   first.error ? qPrintable(first.error->message) : "no error");
    }
};

void BM_IncrementalSyncNothingNew(benchmark::State& state) {
    ServerFixture* server = fixture(static_cast<int>(state.range(0)));
    if (!server) {
        state.SkipWithError("EARLYHELP_TEST_POSTGRES_BIN is not set");
        return;
    }
    static auto& stores = *new std::array<std::unique_ptr<StoreFixture>, 2>;
    auto& store = stores.at(static_cast<std::size_t>(state.range(0)));
    if (!store)
        store = std::make_unique<StoreFixture>(*server);

    for (auto _ : state) {
        auto outcome = store->engine->syncNow(store->actor);
        if (!outcome || !outcome->complete || outcome->pushed != 0 || outcome->pulled != 0) {
            state.SkipWithError("the sync failed or exchanged something");
            break;
        }
    }
}
BENCHMARK(BM_IncrementalSyncNothingNew)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// A device of the concurrency benchmark: its own HTTPS client, so its own
// connection, and its feed cursor.
struct Device {
    std::unique_ptr<HttpClient> client;
    QByteArray bearer;
    qint64 cursor = 0;
};

QByteArray newPeopleBody(int count) {
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
                         {QStringLiteral("person.legalSurname"), QStringLiteral("Fenwick %1").arg(i)}}},
            {QStringLiteral("subject"),
             QJsonObject{{QStringLiteral("familyId"), QJsonValue()}, {QStringLiteral("personId"), id}}}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("changes"), changes}}).toJson(QJsonDocument::Compact);
}

// Each iteration: every device pushes changesPerPush new records, all at
// once, then every device pulls its feed from its cursor, all at once.
void BM_ConcurrentDevices(benchmark::State& state) {
    ServerFixture* server = fixture(static_cast<int>(state.range(0)));
    if (!server) {
        state.SkipWithError("EARLYHELP_TEST_POSTGRES_BIN is not set");
        return;
    }
    // Ten schools with five devices each, enrolled once per database.
    static auto& enrolled = *new std::array<std::vector<Device>, 2>;
    std::vector<Device>& devices = enrolled.at(static_cast<std::size_t>(state.range(0)));
    static int schools = 0;
    QString organisationId;
    while (devices.size() < deviceCount) {
        if (devices.size() % 5 == 0)
            organisationId = server->addOrganisation(QStringLiteral("Concurrent school %1").arg(++schools));
        Device device;
        device.client = std::make_unique<HttpClient>(server->certificates.caCertificate);
        const HttpResult answer = device.client->send(
            "POST", server->server.port(), QStringLiteral("/api/v1/enrol"),
            QJsonDocument(QJsonObject{{QStringLiteral("code"), server->issueCode(organisationId)},
                                      {QStringLiteral("deviceName"), QStringLiteral("Benchmark device")}})
                .toJson());
        if (answer.status != 201)
            qFatal("enrolment failed: %d %s", answer.status, answer.body.constData());
        device.bearer = bearerOf(answer.json);
        devices.push_back(std::move(device));
    }

    qint64 requests = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QList<QByteArray> bodies;
        for (std::size_t i = 0; i < deviceCount; ++i)
            bodies.append(newPeopleBody(changesPerPush));
        state.ResumeTiming();

        QList<QNetworkReply*> pushes;
        for (std::size_t i = 0; i < deviceCount; ++i) {
            pushes.append(devices.at(i).client->start("POST", server->server.port(), QStringLiteral("/api/v1/push"),
                                                   bodies.at(i), devices.at(i).bearer));
        }
        for (QNetworkReply* reply : std::as_const(pushes)) {
            if (const HttpResult result = HttpClient::wait(reply); result.status != 200)
                state.SkipWithError("a push failed");
        }

        QList<QNetworkReply*> pulls;
        for (std::size_t i = 0; i < deviceCount; ++i) {
            pulls.append(devices.at(i).client->start(
                "GET", server->server.port(),
                QStringLiteral("/api/v1/pull?after=%1&limit=1000").arg(devices.at(i).cursor), {},
                devices.at(i).bearer));
        }
        for (std::size_t i = 0; i < deviceCount; ++i) {
            const HttpResult result = HttpClient::wait(pulls.at(i));
            if (result.status != 200)
                state.SkipWithError("a pull failed");
            devices.at(i).cursor = result.json.value(QStringLiteral("next")).toInteger(devices.at(i).cursor);
        }
        requests += 2 * deviceCount;
    }
    state.counters[QStringLiteral("requests_per_second").toStdString()] =
        benchmark::Counter(static_cast<double>(requests), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ConcurrentDevices)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

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
