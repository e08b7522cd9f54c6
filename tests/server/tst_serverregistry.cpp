// The server's Registry on a real database, called from several threads at
// once, as several server instances over one database would call it.

#include "servertestsupport.h"

#include "registry.h"
#include "serverconfig.h"
#include "serverdatabase.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace earlyhelp;
using namespace earlyhelp::server;
using namespace earlyhelp::servertest;

class TestServerRegistry : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void enrolSameCodeFromThreads();
    void authenticateFromThreads();

private:
    QTemporaryDir m_dir;
    // Set when EARLYHELP_TEST_POSTGRES_BIN names PostgreSQL's programs.
    std::unique_ptr<PostgresCluster> m_postgres;
    std::unique_ptr<ServerDatabase> m_database;
    QString m_organisationId;
    int m_databases = 0;
};

void TestServerRegistry::initTestCase() {
    QVERIFY(m_dir.isValid());
    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (!postgresBin.isEmpty()) {
        m_postgres = std::make_unique<PostgresCluster>(postgresBin);
        QString error;
        QVERIFY2(m_postgres->start(error), qPrintable(error));
    }
}

void TestServerRegistry::init() {
    QString location = m_dir.filePath(QStringLiteral("server-%1.db").arg(++m_databases));
    if (m_postgres) {
        QString error;
        location = m_postgres->createDatabase(error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
    }
    auto config = parseDatabaseLocation(location);
    QVERIFY(config);
    m_database = std::make_unique<ServerDatabase>(*config);
    auto migrated = m_database->migrate();
    QVERIFY2(migrated, migrated ? "" : qPrintable(migrated.error().message));

    Registry registry(*m_database);
    Organisation school;
    school.name = QStringLiteral("Hillcrest Primary");
    school.partyType = QStringLiteral("school");
    auto added = registry.addOrganisation(school);
    QVERIFY(added);
    m_organisationId = added->id;
}

void TestServerRegistry::enrolSameCodeFromThreads() {
    Registry registry(*m_database);
    auto issued = registry.issueEnrolmentCode(m_organisationId, 1);
    QVERIFY(issued);

    constexpr int threadCount = 8;
    std::atomic<int> enrolled = 0;
    std::atomic<int> used = 0;
    std::atomic<int> failed = 0;
    std::atomic<bool> go = false;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < threadCount; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            while (!go.load())
                QThread::yieldCurrentThread();
            auto outcome = registry.enrol(issued->code, QStringLiteral("Laptop %1").arg(i));
            if (!outcome)
                ++failed;
            else if (outcome->enrolment)
                ++enrolled;
            else if (outcome->rejection == EnrolmentRejection::UsedCode)
                ++used;
        }));
        threads.back()->start();
    }
    go = true;
    for (auto& thread : threads)
        QVERIFY(thread->wait(30'000));

    QCOMPARE(failed.load(), 0);
    QCOMPARE(enrolled.load(), 1);
    QCOMPARE(used.load(), threadCount - 1);
    auto devices = registry.devices();
    QVERIFY(devices);
    QCOMPARE(devices->size(), 1);
}

void TestServerRegistry::authenticateFromThreads() {
    Registry registry(*m_database);
    auto issued = registry.issueEnrolmentCode(m_organisationId, 1);
    QVERIFY(issued);
    auto outcome = registry.enrol(issued->code, QStringLiteral("Laptop"));
    QVERIFY(outcome && outcome->enrolment);
    const Enrolment enrolment = *outcome->enrolment;

    constexpr int threadCount = 4;
    std::atomic<int> authenticated = 0;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < threadCount; ++i) {
        threads.emplace_back(QThread::create([&] {
            for (int round = 0; round < 20; ++round) {
                auto checked = registry.authenticate(enrolment.device.id, enrolment.credential);
                if (checked && checked->status == Authentication::Status::Authenticated &&
                    checked->organisation.id == m_organisationId) {
                    ++authenticated;
                }
            }
        }));
        threads.back()->start();
    }
    for (auto& thread : threads)
        QVERIFY(thread->wait(30'000));
    QCOMPARE(authenticated.load(), threadCount * 20);

    auto wrong = registry.authenticate(enrolment.device.id, QByteArray(32, 'x').toBase64());
    QVERIFY(wrong);
    QCOMPARE(wrong->status, Authentication::Status::Unknown);
}

QTEST_GUILESS_MAIN(TestServerRegistry)
#include "tst_serverregistry.moc"
