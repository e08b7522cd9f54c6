// Runs verifyStore() on a real encrypted store, sound and then damaged.

#include "cases/casedirectory.h"
#include "cases/storeverify.h"
#include "common/secretbytes.h"
#include "store/store.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;

class TestStoreVerify : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void soundStorePasses();
    void staleSearchIndexIsReported();
    void orphanedRowIsReported();

private:
    void insertPerson(const QString& id, const QString& surname);

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Store> m_store;
    QString m_organisationId;
};

void TestStoreVerify::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    auto store = Store::create(m_folder->filePath(QStringLiteral("verify.ehstore")), SecretBytes::random(32));
    QVERIFY(store);
    m_store = std::move(*store);

    OrganisationRecord organisation;
    organisation.name = QStringLiteral("Verify Primary School");
    organisation.dfeUrn = QStringLiteral("199990");
    auto created = createLocalOrganisation(*m_store, organisation);
    QVERIFY(created);
    m_organisationId = created->id;
    insertPerson(QStringLiteral("00000000-0000-4000-8000-000000000001"), QStringLiteral("Okafor"));
}

void TestStoreVerify::cleanup()
{
    m_store.reset();
    m_folder.reset();
}

void TestStoreVerify::insertPerson(const QString& id, const QString& surname)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery insert(m_store->database());
    insert.prepare(QStringLiteral("INSERT INTO person (id, org_id, legal_forename, legal_surname, created_at, "
                                  "updated_at) VALUES (?, ?, 'Chidi', ?, ?, ?)"));
    insert.addBindValue(id);
    insert.addBindValue(m_organisationId);
    insert.addBindValue(surname);
    insert.addBindValue(now);
    insert.addBindValue(now);
    QVERIFY(insert.exec());
}

void TestStoreVerify::soundStorePasses()
{
    const auto report = verifyStore(*m_store);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(report->summary.contains(QStringLiteral("verified")));
}

void TestStoreVerify::staleSearchIndexIsReported()
{
    // Rewrites the index row with terms that no longer match the name.
    QSqlQuery tamper(m_store->database());
    QVERIFY(tamper.exec(QStringLiteral("UPDATE person_search SET names = 'someoneelse'")));

    const auto report = verifyStore(*m_store);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::StoreDamaged);
    QVERIFY2(report.error().message.contains(QStringLiteral("search index out of date")),
             qPrintable(report.error().message));
    QVERIFY(report.error().message.contains(QStringLiteral("00000000-0000-4000-8000-000000000001")));
}

void TestStoreVerify::orphanedRowIsReported()
{
    // A contact whose person does not exist, written with foreign keys off.
    QSqlQuery tamper(m_store->database());
    QVERIFY(tamper.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    QVERIFY(tamper.exec(QStringLiteral(
        "INSERT INTO contact (id, org_id, person_id, kind, value, created_at, updated_at) VALUES "
        "('c1', '%1', 'no-such-person', 'phone', '07700 900001', '2026-01-01', '2026-01-01')")
                            .arg(m_organisationId)));
    QVERIFY(tamper.exec(QStringLiteral("PRAGMA foreign_keys = ON")));

    const auto report = verifyStore(*m_store);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::StoreDamaged);
    QVERIFY2(report.error().message.contains(QStringLiteral("foreign keys")), qPrintable(report.error().message));
}

QTEST_GUILESS_MAIN(TestStoreVerify)
#include "tst_storeverify.moc"
