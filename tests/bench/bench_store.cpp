// Benchmarks of the encrypted store at the sizes the app is built for: a
// school of 2,000 pupils, and a city-wide store of 300,000 people.

#include "cases/casedirectory.h"
#include "common/secretbytes.h"
#include "support/ctfgenerator.h"
#include "import/ctfimporter.h"
#include "keys/keyfile.h"
#include "store/store.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <map>

using namespace earlyhelp;

namespace {

QString newOrganisation(Store& store)
{
    OrganisationRecord organisation;
    organisation.name = QStringLiteral("Benchmark Primary School");
    organisation.dfeUrn = QStringLiteral("199990");
    auto created = createLocalOrganisation(store, organisation);
    if (!created)
        qFatal("creating the organisation failed: %s", qPrintable(created.error().message));
    return created->id;
}

std::unique_ptr<Store> newStore(const QString& path)
{
    auto store = Store::create(path, SecretBytes::random(32));
    if (!store)
        qFatal("creating the store failed: %s", qPrintable(store.error().message));
    return std::move(*store);
}

void BM_ImportCtf(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString ctfPath = dir.filePath(QStringLiteral("school.xml"));
    testsupport::GeneratedCtfOptions options;
    options.pupils = static_cast<int>(state.range(0));
    QFile ctf(ctfPath);
    if (!ctf.open(QIODevice::WriteOnly) || ctf.write(testsupport::generateCtf(options)) < 0)
        qFatal("writing the CTF failed");
    ctf.close();

    int run = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto store = newStore(dir.filePath(QStringLiteral("store%1.ehstore").arg(++run)));
        newOrganisation(*store);
        state.ResumeTiming();

        auto summary = importCtf(*store, ctfPath, {});
        if (!summary || summary->pupilsAdded != options.pupils)
            state.SkipWithError("the import did not add every pupil");
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ImportCtf)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Unlocks a store as the app does at start: read the key file, derive the
// wrapping key from the passphrase at the default Argon2id cost, unseal the
// store key, open the store and check the key by reading its schema.
void BM_UnlockAndOpen(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("unlock.ehstore"));
    const QByteArray text = QByteArrayLiteral("correct horse battery staple");
    const SecretBytes passphrase = SecretBytes::copyOf(text.constData(), static_cast<std::size_t>(text.size()));
    auto keyFile = keys::KeyFile::create(path, QStringLiteral("Benchmark Lead"), QStringLiteral("lead"), passphrase,
                                         false);
    if (!keyFile)
        qFatal("creating the key file failed: %s", qPrintable(keyFile.error().message));
    if (auto store = Store::create(path, keyFile->storeKey); !store)
        qFatal("creating the store failed: %s", qPrintable(store.error().message));

    for (auto _ : state) {
        auto opened = keys::KeyFile::open(path);
        auto key = opened ? opened->unlockWithPassphrase(QStringLiteral("Benchmark Lead"), passphrase)
                          : Result<SecretBytes>(std::unexpected(opened.error()));
        if (!key) {
            state.SkipWithError("unlocking failed");
            break;
        }
        auto store = Store::open(path, *key);
        benchmark::DoNotOptimize(store);
    }
}
BENCHMARK(BM_UnlockAndOpen)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

// A store of count people with the generators' sample names, most with a
// numbered surname suffix, so prefixes match realistic fractions.
struct PopulatedStore {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;

    explicit PopulatedStore(int count)
    {
        store = newStore(dir.filePath(QStringLiteral("people.ehstore")));
        const QString organisation = newOrganisation(*store);
        QSqlDatabase db = store->database();
        QRandomGenerator random(42);
        const QStringList& forenames = testsupport::sampleForenames();
        const QStringList& surnames = testsupport::sampleSurnames();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        db.transaction();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO person (id, org_id, legal_forename, legal_surname, date_of_birth, "
                                      "upn, is_pupil, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"));
        for (int i = 0; i < count; ++i) {
            const QString surname = surnames.at(random.bounded(surnames.size()));
            insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            insert.addBindValue(organisation);
            insert.addBindValue(forenames.at(random.bounded(forenames.size())));
            insert.addBindValue(i % 4 == 0 ? surname : surname + QString::number(i));
            insert.addBindValue(QDate(2008, 1, 1).addDays(random.bounded(6000)).toString(Qt::ISODate));
            insert.addBindValue(QStringLiteral("X%1").arg(i, 12, 10, QLatin1Char('0')));
            insert.addBindValue(now);
            insert.addBindValue(now);
            if (!insert.exec())
                qFatal("inserting a person failed");
        }
        db.commit();
    }
};

PopulatedStore& populatedStore(int count)
{
    static std::map<int, std::unique_ptr<PopulatedStore>> stores;
    auto& store = stores[count];
    if (!store)
        store = std::make_unique<PopulatedStore>(count);
    return *store;
}

// Search as the people list does while the user types: each query is a
// typed prefix, the first 200 matches are read.
void BM_SearchPeople(benchmark::State& state)
{
    PopulatedStore& populated = populatedStore(static_cast<int>(state.range(0)));
    CaseDirectory directory(*populated.store);
    const QStringList typed = {QStringLiteral("kha"), QStringLiteral("O’Brien"), QStringLiteral("campbell brown"),
                               QStringLiteral("zoe"), QStringLiteral("wisniewska"), QStringLiteral("stef")};
    qsizetype next = 0;
    for (auto _ : state) {
        auto people = directory.people(typed.at(next++ % typed.size()), 200);
        if (!people || people->isEmpty()) {
            state.SkipWithError("search found nobody");
            break;
        }
        benchmark::DoNotOptimize(people);
    }
}
BENCHMARK(BM_SearchPeople)->Arg(2000)->Arg(300000)->Unit(benchmark::kMillisecond)->UseRealTime();

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
