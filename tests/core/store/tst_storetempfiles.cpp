#include "store/store.h"

#include "storetesthelpers.h"

#include <sqlcipher/sqlite3.h>

#include <QDirIterator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;

namespace {

// A string that appears nowhere but in the names this suite stores.
constexpr QByteArrayView marker("Qzxmarkerfornames");

constexpr int personCount = 50000;

// A forename long enough that 50,000 of them outgrow SQLite's in-memory sort
// buffer, which is what makes SQLite write a sort to temporary files.
QString forenameFor(int index)
{
    return QString::fromLatin1(marker) + QString::number(index) + QString(150, u'y');
}

// Returns the names of files in folder, and below it, that contain marker.
QStringList filesContainingMarker(const QString& folder)
{
    QStringList found;
    QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (readFile(path).contains(marker))
            found += path;
    }
    return found;
}

// Returns the files this process holds open under folder, deleted or not,
// and whether each holds marker. SQLite unlinks its temporary files as soon as
// it opens them, so they can only be seen through /proc/self/fd.
QStringList openFilesContainingMarker(const QString& folder, int* openUnderFolder)
{
    QStringList found;
    *openUnderFolder = 0;
    const QDir descriptors(QStringLiteral("/proc/self/fd"));
    for (const QString& descriptor : descriptors.entryList(QDir::Files | QDir::System)) {
        const QString link = QFile::symLinkTarget(descriptors.filePath(descriptor));
        if (!link.startsWith(folder + u'/'))
            continue;
        ++*openUnderFolder;
        if (readFile(descriptors.filePath(descriptor)).contains(marker))
            found += link;
    }
    return found;
}

bool execRaw(sqlite3* connection, const char* sql)
{
    char* message = nullptr;
    const int code = sqlite3_exec(connection, sql, nullptr, nullptr, &message);
    if (code != SQLITE_OK)
        qWarning("%s failed: %s", sql, message);
    sqlite3_free(message);
    return code == SQLITE_OK;
}

// Fills a person-like table in an unencrypted database through the raw API.
bool fillPlainDatabase(sqlite3* connection)
{
    if (!execRaw(connection, "CREATE TABLE person (legal_forename TEXT, legal_surname TEXT); BEGIN;"))
        return false;
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(connection, "INSERT INTO person VALUES (?, 'Smith')", -1, &insert, nullptr);
    for (int i = 0; i < personCount; ++i) {
        const QByteArray forename = forenameFor(i).toUtf8();
        sqlite3_bind_text(insert, 1, forename.constData(), int(forename.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(insert) != SQLITE_DONE)
            break;
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    return execRaw(connection, "COMMIT;");
}

} // namespace

// Checks that no name written to a store reaches the disk unencrypted: not in
// the store's own files, and not in temporary files of a large sort. Each
// check has a control run on an unencrypted database that must see the
// marker, so that a check that cannot see anything would fail.
class TestStoreTempFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void controlSeesMarkerInPlainDatabase();
    void controlSeesMarkerInSpilledSort();
    void storeLeavesNoPlainNames();

private:
    QTemporaryDir m_root;
    QString m_tempFolder;
    QString m_storeFolder;
};

void TestStoreTempFiles::initTestCase()
{
    QVERIFY(m_root.isValid());
    QVERIFY(QDir(m_root.path()).mkdir(QStringLiteral("tmp")));
    QVERIFY(QDir(m_root.path()).mkdir(QStringLiteral("store")));
    m_tempFolder = QDir(m_root.filePath(QStringLiteral("tmp"))).canonicalPath();
    m_storeFolder = QDir(m_root.filePath(QStringLiteral("store"))).canonicalPath();

    // SQLite reads these once, when it first initialises; nothing in this
    // process has used SQLite yet.
    qunsetenv("SQLITE_TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(m_tempFolder));
    QCOMPARE(QDir(QDir::tempPath()).canonicalPath(), m_tempFolder);
}

void TestStoreTempFiles::controlSeesMarkerInPlainDatabase()
{
    const QString path = m_root.filePath(QStringLiteral("plain-control.db"));
    sqlite3* connection = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &connection), SQLITE_OK);
    const bool filled = fillPlainDatabase(connection);
    sqlite3_close(connection);
    QVERIFY(filled);

    QCOMPARE(filesContainingMarker(m_root.path()), QStringList{path});
    QVERIFY(QFile::remove(path));
}

void TestStoreTempFiles::controlSeesMarkerInSpilledSort()
{
    sqlite3* connection = nullptr;
    QCOMPARE(sqlite3_open(":memory:", &connection), SQLITE_OK);
    QVERIFY(fillPlainDatabase(connection));
    QVERIFY(execRaw(connection, "PRAGMA temp_store = FILE; PRAGMA cache_size = -1024;"));

    sqlite3_stmt* sort = nullptr;
    QCOMPARE(sqlite3_prepare_v2(connection,
                                "SELECT legal_forename || legal_surname AS name FROM person ORDER BY name DESC",
                                -1, &sort, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_step(sort), SQLITE_ROW);
    int openUnderTemp = 0;
    const QStringList spilled = openFilesContainingMarker(m_tempFolder, &openUnderTemp);
    sqlite3_finalize(sort);
    sqlite3_close(connection);

    QVERIFY2(openUnderTemp > 0, "SQLite wrote no temporary file, so the check below could not fail");
    QVERIFY(!spilled.isEmpty());
}

void TestStoreTempFiles::storeLeavesNoPlainNames()
{
    const QString path = QDir(m_storeFolder).filePath(QStringLiteral("case.store"));
    Result<std::unique_ptr<Store>> created = Store::create(path, makeKey(5));
    QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
    std::unique_ptr<Store> store = std::move(*created);
    {
    QSqlDatabase database = store->database();
    QVERIFY(insertOrganisation(database));
    QVERIFY(database.transaction());
    for (int i = 0; i < personCount; ++i) {
        const PersonRow person{QStringLiteral("person-%1").arg(i), forenameFor(i), QStringLiteral("Smith")};
        QVERIFY(insertPerson(database, person) > 0);
    }
    QVERIFY(database.commit());

    {
        QSqlQuery sort(database);
        sort.setForwardOnly(true);
        QVERIFY(sort.exec(QStringLiteral(
            "SELECT legal_forename || legal_surname AS name FROM person ORDER BY name DESC")));
        QVERIFY(sort.next());
        QVERIFY(sort.value(0).toString().startsWith(QString::fromLatin1(marker)));

        // The sort is done and its temporary storage, if any, is still open.
        int openUnderTemp = 0;
        QCOMPARE(openFilesContainingMarker(m_tempFolder, &openUnderTemp), QStringList());
        QCOMPARE(openUnderTemp, 0);
        QCOMPARE(filesContainingMarker(m_tempFolder), QStringList());
        QCOMPARE(filesContainingMarker(m_storeFolder), QStringList());
    }
    }

    // The -wal and -shm files exist while the store is open.
    QVERIFY(QFileInfo::exists(path + u"-wal"));
    QVERIFY(QFileInfo::exists(path + u"-shm"));
    QCOMPARE(filesContainingMarker(m_storeFolder), QStringList());

    store.reset();
    QCOMPARE(filesContainingMarker(m_storeFolder), QStringList());
    QCOMPARE(filesContainingMarker(m_tempFolder), QStringList());
}

QTEST_GUILESS_MAIN(TestStoreTempFiles)
#include "tst_storetempfiles.moc"
