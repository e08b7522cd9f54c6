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

// A string that appears nowhere but in the names this suite stores. It is
// lower case, so the folded search terms of those names hold it too.
constexpr QByteArrayView marker("qzxmarkerfornames");

constexpr int personCount = 50000;

// Sorting 50,000 rows of a name and this much padding needs about 8 MB, more
// than SQLite sorts in memory before it writes to temporary files.
constexpr int paddingSize = 150;

// Returns the names of files in folder, and below it, that contain marker.
QStringList filesContainingMarker(const QString& folder) {
    QStringList found;
    QDirIterator files(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (readFile(path).contains(marker))
            found += path;
    }
    return found;
}

// Returns the files under folder that this process has open, deleted or not,
// and that contain marker, and sets *openUnderFolder to how many it has open
// there. SQLite unlinks its temporary files as soon as it opens them, so only
// /proc/self/fd still reaches them.
QStringList openFilesContainingMarker(const QString& folder, int* openUnderFolder) {
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

bool execRaw(sqlite3* connection, const char* sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(connection, sql, nullptr, nullptr, &message);
    if (code != SQLITE_OK)
        qWarning("%s failed: %s", sql, message);
    sqlite3_free(message);
    return code == SQLITE_OK;
}

// Returns an INSERT that adds personCount people, numbered from 1, whose
// forenames contain the marker and whose source_ctf is the padding.
QByteArray insertPeopleStatement() {
    return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
           QByteArray::number(personCount) +
           ")"
           " INSERT INTO person (id, org_id, legal_forename, legal_surname, source_ctf, created_at, "
           "updated_at)"
           " SELECT 'person-' || i, 'org-1', '" +
           marker.toByteArray() + "' || i, 'Smith', printf('%." + QByteArray::number(paddingSize) +
           "c', 'y'), 't', 't' FROM n";
}

// The statement that sorts every person by name and padding, with no index
// to help, so SQLite must sort all rows itself.
constexpr const char* sortStatement =
    "SELECT legal_forename || source_ctf AS name FROM person ORDER BY name DESC";

// Fills a person-like table in an unencrypted database through the raw API.
bool fillPlainDatabase(sqlite3* connection) {
    return execRaw(connection,
                   "CREATE TABLE person (id TEXT, org_id TEXT, legal_forename TEXT, legal_surname TEXT,"
                   " source_ctf TEXT, created_at TEXT, updated_at TEXT);") &&
           execRaw(connection, insertPeopleStatement().constData());
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

    void controlSeesMarkerInPlainCopy();
    void controlSeesMarkerInSpilledSort();
    void storeLeavesNoPlainNames();

private:
    QTemporaryDir m_root;
    QString m_tempFolder;
    QString m_storeFolder;
};

void TestStoreTempFiles::initTestCase() {
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

void TestStoreTempFiles::controlSeesMarkerInPlainCopy() {
    const QString folder = m_root.filePath(QStringLiteral("control"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("case.store"));
    const QString plainPath = QDir(folder).filePath(QStringLiteral("plain-copy.db"));
    {
        Result<std::unique_ptr<Store>> created = Store::create(path, makeKey(6));
        QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
        QVERIFY(insertOrganisation((*created)->database()));
        const PersonRow person{QStringLiteral("person-1"), QString::fromLatin1(marker),
                               QStringLiteral("Smith")};
        QVERIFY(insertPerson((*created)->database(), person) > 0);
        QCOMPARE(filesContainingMarker(folder), QStringList());

        // sqlcipher_export() with an empty key writes an unencrypted copy. The
        // store's connection cannot create files, so the copy starts empty.
        QVERIFY(writeFile(plainPath, QByteArray()));
        QSqlQuery query((*created)->database());
        QVERIFY(query.prepare(QStringLiteral("ATTACH DATABASE ? AS plain KEY ''")));
        query.addBindValue(plainPath);
        QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));
        QVERIFY2(query.exec(QStringLiteral("SELECT sqlcipher_export('plain')")),
                 qUtf8Printable(query.lastError().text()));
        QVERIFY(query.exec(QStringLiteral("DETACH DATABASE plain")));
    }

    QCOMPARE(filesContainingMarker(folder), QStringList{plainPath});
}

void TestStoreTempFiles::controlSeesMarkerInSpilledSort() {
    sqlite3* connection = nullptr;
    QCOMPARE(sqlite3_open(":memory:", &connection), SQLITE_OK);
    QVERIFY(fillPlainDatabase(connection));
    QVERIFY(execRaw(connection, "PRAGMA temp_store = FILE; PRAGMA cache_size = -1024;"));

    sqlite3_stmt* sort = nullptr;
    QCOMPARE(sqlite3_prepare_v2(connection, sortStatement, -1, &sort, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(sort), SQLITE_ROW);
    int openUnderTemp = 0;
    const QStringList spilled = openFilesContainingMarker(m_tempFolder, &openUnderTemp);
    sqlite3_finalize(sort);
    sqlite3_close(connection);

    QVERIFY2(openUnderTemp > 0, "SQLite wrote no temporary file, so the check below could not fail");
    QVERIFY(!spilled.isEmpty());
}

void TestStoreTempFiles::storeLeavesNoPlainNames() {
    const QString path = QDir(m_storeFolder).filePath(QStringLiteral("case.store"));
    Result<std::unique_ptr<Store>> created = Store::create(path, makeKey(5));
    QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
    std::unique_ptr<Store> store = std::move(*created);

    QVERIFY(insertOrganisation(store->database()));
    QSqlQuery insert(store->database());
    QVERIFY2(insert.exec(QString::fromLatin1(insertPeopleStatement())),
             qUtf8Printable(insert.lastError().text()));
    QCOMPARE(insert.numRowsAffected(), personCount);

    // SQLite sorts in memory up to the larger of the page cache and about
    // 1 MB. A 1 MiB cache makes this 8 MB sort spill to temporary files unless
    // the store's temp_store = MEMORY keeps it in memory.
    QVERIFY(insert.exec(QStringLiteral("PRAGMA cache_size = -1024")));
    QSqlQuery sort(store->database());
    sort.setForwardOnly(true);
    QVERIFY(sort.exec(QString::fromLatin1(sortStatement)));
    QVERIFY(sort.next());
    QVERIFY(sort.value(0).toString().startsWith(QString::fromLatin1(marker)));

    // The sort is done and its temporary storage, if it had any, is still open.
    int openUnderTemp = 0;
    QCOMPARE(openFilesContainingMarker(m_tempFolder, &openUnderTemp), QStringList());
    QCOMPARE(openUnderTemp, 0);
    QCOMPARE(filesContainingMarker(m_tempFolder), QStringList());

    // The -wal and -shm files exist while the store is open.
    QVERIFY(QFileInfo::exists(path + u"-wal"));
    QVERIFY(QFileInfo::exists(path + u"-shm"));
    QCOMPARE(filesContainingMarker(m_storeFolder), QStringList());

    sort.finish();
    insert.finish();
    store.reset();
    QCOMPARE(filesContainingMarker(m_storeFolder), QStringList());
    QCOMPARE(filesContainingMarker(m_tempFolder), QStringList());
}

QTEST_GUILESS_MAIN(TestStoreTempFiles)
#include "tst_storetempfiles.moc"
