// Runs verifyStore() on a real encrypted store, sound and then damaged.

#include "cases/casedirectory.h"
#include "cases/storeverify.h"
#include "common/secretbytes.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
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
    void damagedPageIsSummarised();
    void everyDamagedPageIsReported();

private:
    void insertPerson(const QString& id, const QString& surname);

    std::unique_ptr<QTemporaryDir> m_folder;
    SecretBytes m_key = SecretBytes::random(32);
    std::unique_ptr<Store> m_store;
    QString m_organisationId;
};

void TestStoreVerify::init()
{
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    auto store = Store::create(m_folder->filePath(QStringLiteral("verify.ehstore")), m_key);
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

void TestStoreVerify::damagedPageIsSummarised()
{
    // Enough people that the person table spans pages other than its root.
    for (int i = 2; i <= 400; ++i)
        insertPerson(QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')),
                     QStringLiteral("Okafor"));
    const QString path = m_store->path();
    m_store.reset();

    // Flips one byte in the middle of the file's last page, which the
    // checkpoint at close wrote there.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 offset = file.size() - 2048;
    QVERIFY(file.seek(offset));
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(offset));
    QVERIFY(file.putChar(char(byte ^ 0x5a)));
    file.close();

    auto reopened = Store::open(path, m_key);
    QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
    m_store = std::move(*reopened);

    const auto report = verifyStore(*m_store);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::StoreDamaged);
    const QString message = report.error().message;
    QVERIFY2(message.contains(QStringLiteral("page authentication: HMAC verification failed for page")),
             qPrintable(message));
    QVERIFY2(!message.contains(u'\n'), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("*** in database")), qPrintable(message));
    QVERIFY2(message.size() < 600, qPrintable(message));
}

void TestStoreVerify::everyDamagedPageIsReported()
{
    for (int i = 2; i <= 100; ++i)
        insertPerson(QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')),
                     QStringLiteral("Okafor"));
    const QString path = m_store->path();
    m_store.reset();
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray pristine = original.readAll();
    original.close();
    constexpr qint64 pageSize = 4096;
    const qint64 pages = pristine.size() / pageSize;
    QVERIFY(pages > 10);

    // Each page in turn gets one byte flipped in its middle. Whatever check
    // meets the damage, verify reports the store as damaged with advice,
    // never as a check that could not run.
    int reported = 0;
    for (qint64 page = 1; page < pages; ++page) {
        QByteArray damaged = pristine;
        const qint64 offset = page * pageSize + pageSize / 2;
        damaged[offset] = char(damaged.at(offset) ^ 0x5a);
        const QString copy = m_folder->filePath(QStringLiteral("damaged.ehstore"));
        QFile::remove(copy);
        QFile out(copy);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(damaged), damaged.size());
        out.close();

        auto opened = Store::open(copy, m_key);
        if (!opened)
            continue; // a page the open itself reads, reported by the open
        const auto report = verifyStore(**opened);
        QVERIFY2(!report, qPrintable(QStringLiteral("page %1 passed").arg(page + 1)));
        QCOMPARE(report.error().code, ErrorCode::StoreDamaged);
        QVERIFY2(!report.error().message.contains(QStringLiteral("could not run")),
                 qPrintable(report.error().message));
        QVERIFY2(report.error().message.contains(QStringLiteral("Restore the store from a backup")),
                 qPrintable(report.error().message));
        ++reported;
    }
    QVERIFY(reported > 0);
}

QTEST_GUILESS_MAIN(TestStoreVerify)
#include "tst_storeverify.moc"
