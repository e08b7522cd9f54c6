#include "store/migrations.h"
#include "store/sqlcipherdriver.h"
#include "store/store.h"

#include "storetesthelpers.h"

#include <cstdio>

#include <fcntl.h>
#include <sqlcipher/sqlite3.h>
#include <unistd.h>

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;

Q_DECLARE_METATYPE(earlyhelp::ErrorCode)

namespace {

QStringList collectedMessages;

void collectMessage(QtMsgType, const QMessageLogContext&, const QString& message) {
    collectedMessages.append(message);
}

QLoggingCategory::CategoryFilter previousCategoryFilter = nullptr;

// Turns on every level of earlyhelp.core.store, whatever QT_LOGGING_RULES
// sets, so that the test receives everything the store could log.
void enableStoreLogging(QLoggingCategory* category) {
    if (previousCategoryFilter)
        previousCategoryFilter(category);
    if (qstrcmp(category->categoryName(), "earlyhelp.core.store") == 0) {
        for (QtMsgType type : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg})
            category->setEnabled(type, true);
    }
}

// Redirects file descriptor 2 into a temporary file until finish() returns
// what was written, so a test sees what SQLCipher prints to stderr.
class StderrCapture {
public:
    StderrCapture() {
        std::fflush(stderr);
        if (!m_file.open())
            return;
        m_saved = dup(STDERR_FILENO);
        dup2(m_file.handle(), STDERR_FILENO);
    }
    ~StderrCapture() { restore(); }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    QByteArray finish() {
        restore();
        m_file.seek(0);
        return m_file.readAll();
    }

private:
    void restore() {
        if (m_saved < 0)
            return;
        std::fflush(stderr);
        dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
        m_saved = -1;
    }

    QTemporaryFile m_file;
    int m_saved = -1;
};

// Runs sql on a new connection to path through the raw C API, keyed with
// keySql unless it is null. Creates the file when it is missing.
bool runRawSql(const QString& path, const char* sql, const char* keySql = nullptr) {
    sqlite3* connection = nullptr;
    int code = sqlite3_open_v2(QFile::encodeName(path).constData(), &connection,
                               SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (code == SQLITE_OK && keySql)
        code = sqlite3_exec(connection, keySql, nullptr, nullptr, nullptr);
    if (code == SQLITE_OK)
        code = sqlite3_exec(connection, sql, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        qWarning("Raw SQL on %s failed: %s", qUtf8Printable(path), sqlite3_errmsg(connection));
    sqlite3_close(connection);
    return code == SQLITE_OK;
}

QByteArray randomBytes(qsizetype size) {
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

QVariant pragmaValue(const QSqlDatabase& database, const QString& pragma) {
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("PRAGMA ") + pragma) || !query.next())
        return {};
    return query.value(0);
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void createThenOpenReadsDataBack();
    void createdFileIsOwnerOnly();
    void storeFileHasNoPlainHeader();
    void connectionSettingsAreApplied();
    void searchFunctionFoldsArguments();
    void createRejectsExistingFile();
    void createRejectsLeftoverCompanionFile();
    void createRejectsMissingFolder();
    void keyOfWrongSizeIsRejected();
    void openMissingFileIsNotFound();
    void wrongKeyChangesNothing_data();
    void wrongKeyChangesNothing();
    void wrongKeyPrintsNothing();
    void notAStoreChangesNothing_data();
    void notAStoreChangesNothing();
    void newerSchemaIsRefused();
    void newerSchemaInWalIsRefused();
    void failedMigrationRollsBack();
    void laterMigrationIsApplied();
    void diskFullIsReported();
    void damagedStoreIsReported();
    void logNeverHoldsKey();

private:
    QString storePath(const QString& name = QStringLiteral("case.store")) const {
        return m_folder->filePath(name);
    }

    std::unique_ptr<QTemporaryDir> m_folder;
};

void TestStore::initTestCase() {
    qInstallMessageHandler(collectMessage);
    previousCategoryFilter = QLoggingCategory::installFilter(enableStoreLogging);
}

void TestStore::init() {
    collectedMessages.clear();
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
}

void TestStore::createThenOpenReadsDataBack() {
    const QString arabicName = QStringLiteral("\u064A\u0648\u0633\u0641");
    const QByteArray blob("\x00\x01\xFEstore\x00", 9);
    const qint64 largeNumber = Q_INT64_C(1) << 40;
    {
        Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
        QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
        QCOMPARE((*created)->schemaVersion(), Store::latestSchemaVersion());
        QCOMPARE((*created)->path(), storePath());

        QSqlQuery query((*created)->database());
        QVERIFY(query.exec(
            QStringLiteral("CREATE TABLE sample (label TEXT, missing TEXT, data BLOB, amount INTEGER)")));
        QVERIFY(query.prepare(QStringLiteral("INSERT INTO sample VALUES (?, ?, ?, ?)")));
        query.addBindValue(arabicName);
        query.addBindValue(QVariant(QMetaType::fromType<QString>()));
        query.addBindValue(blob);
        query.addBindValue(largeNumber);
        QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));
    }

    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(1));
    QVERIFY2(opened, qUtf8Printable(opened ? QString() : opened.error().message));
    QCOMPARE((*opened)->schemaVersion(), Store::latestSchemaVersion());

    QSqlQuery query((*opened)->database());
    QVERIFY(query.exec(QStringLiteral("SELECT label, missing, data, amount FROM sample")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), arabicName);
    QVERIFY(query.isNull(1));
    QCOMPARE(query.value(2).toByteArray(), blob);
    QCOMPARE(query.value(3).typeId(), QMetaType::LongLong);
    QCOMPARE(query.value(3).toLongLong(), largeNumber);
    QVERIFY(!query.next());
}

void TestStore::createdFileIsOwnerOnly() {
    Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
    QVERIFY(created);
    const QFile::Permissions permissions = QFileInfo(storePath()).permissions();
    QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
    QVERIFY(permissions.testFlag(QFileDevice::WriteOwner));
    QVERIFY(!permissions.testFlag(QFileDevice::ReadGroup));
    QVERIFY(!permissions.testFlag(QFileDevice::ReadOther));
}

void TestStore::storeFileHasNoPlainHeader() {
    {
        Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
        QVERIFY(created);
    }
    const QByteArray bytes = readFile(storePath());
    QVERIFY(bytes.size() >= 4096);
    QVERIFY(!bytes.startsWith(QByteArrayView("SQLite format 3")));
    QVERIFY(!bytes.contains(QByteArrayView("CREATE TABLE")));
}

void TestStore::connectionSettingsAreApplied() {
    Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
    QVERIFY(created);
    const QSqlDatabase database = (*created)->database();

    QCOMPARE(pragmaValue(database, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(pragmaValue(database, QStringLiteral("foreign_keys")).toInt(), 1);
    QCOMPARE(pragmaValue(database, QStringLiteral("secure_delete")).toInt(), 1);
    QCOMPARE(pragmaValue(database, QStringLiteral("temp_store")).toInt(), 2);
    QCOMPARE(pragmaValue(database, QStringLiteral("user_version")).toInt(), Store::latestSchemaVersion());
}

void TestStore::searchFunctionFoldsArguments() {
    Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
    QVERIFY(created);

    QSqlQuery query((*created)->database());
    QVERIFY(query.prepare(QStringLiteral("SELECT earlyhelp_search_terms(?, NULL, ?, ?)")));
    query.addBindValue(QStringLiteral("Smith-Jones"));
    query.addBindValue(QStringLiteral("Zo\u00EB"));
    query.addBindValue(QStringLiteral("Smith"));
    QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("smith jones smithjones zoe"));

    QVERIFY(query.exec(QStringLiteral("SELECT earlyhelp_search_terms(NULL, '')")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QString());
    QVERIFY(!query.isNull(0));
}

void TestStore::createRejectsExistingFile() {
    QVERIFY(writeFile(storePath(), "not empty"));
    const QMap<QString, QByteArray> before = snapshotFolder(m_folder->path());

    Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::AlreadyExists);
    QVERIFY(created.error().message.contains(storePath()));
    QCOMPARE(snapshotFolder(m_folder->path()), before);
}

void TestStore::createRejectsLeftoverCompanionFile() {
    QVERIFY(writeFile(storePath() + u"-wal", "left over"));

    Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::AlreadyExists);
    QVERIFY(created.error().message.contains(storePath() + u"-wal"));
    QVERIFY(!QFileInfo::exists(storePath()));
}

void TestStore::createRejectsMissingFolder() {
    const QString path = m_folder->filePath(QStringLiteral("missing/case.store"));
    Result<std::unique_ptr<Store>> created = Store::create(path, makeKey(1));
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::NotFound);
    QVERIFY(!QFileInfo::exists(path));
}

void TestStore::keyOfWrongSizeIsRejected() {
    Result<std::unique_ptr<Store>> created = Store::create(storePath(), SecretBytes::random(16));
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidInput);
    QVERIFY(!QFileInfo::exists(storePath()));

    {
        Result<std::unique_ptr<Store>> made = Store::create(storePath(), makeKey(1));
        QVERIFY(made);
    }
    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), SecretBytes());
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::InvalidInput);
}

void TestStore::openMissingFileIsNotFound() {
    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(1));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::NotFound);
    QVERIFY(opened.error().message.contains(storePath()));
    QVERIFY(snapshotFolder(m_folder->path()).isEmpty());
}

void TestStore::wrongKeyChangesNothing_data() {
    QTest::addColumn<bool>("openElsewhere");

    QTest::newRow("closed store") << false;
    QTest::newRow("store open on another connection") << true;
}

void TestStore::wrongKeyChangesNothing() {
    QFETCH(bool, openElsewhere);

    std::unique_ptr<Store> other;
    {
        Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
        QVERIFY(created);
        QSqlQuery query((*created)->database());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE sample (x)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO sample VALUES ('row')")));
        if (openElsewhere)
            other = std::move(*created);
    }
    if (openElsewhere) {
        QVERIFY(QFileInfo::exists(storePath() + u"-wal"));
        QVERIFY(QFileInfo::exists(storePath() + u"-shm"));
    }
    const QMap<QString, QByteArray> before = snapshotFolder(m_folder->path());

    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(2));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::WrongKey);
    QVERIFY(opened.error().message.startsWith(QStringLiteral("The key does not unlock ") + storePath()));
    QCOMPARE(snapshotFolder(m_folder->path()), before);
}

void TestStore::wrongKeyPrintsNothing() {
    {
        Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
        QVERIFY(created);
    }

    StderrCapture capture;
    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(2));
    const QByteArray printed = capture.finish();

    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::WrongKey);
    QCOMPARE(printed, QByteArray());
}

void TestStore::notAStoreChangesNothing_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<ErrorCode>("expected");

    QTest::newRow("random bytes") << QStringLiteral("random") << ErrorCode::NotAStore;
    QTest::newRow("plain SQLite database") << QStringLiteral("plain") << ErrorCode::NotAStore;
    QTest::newRow("plain SQLite database in WAL mode") << QStringLiteral("plain-wal") << ErrorCode::NotAStore;
    QTest::newRow("empty file") << QStringLiteral("empty") << ErrorCode::NotAStore;
    QTest::newRow("text file") << QStringLiteral("text") << ErrorCode::NotAStore;
    QTest::newRow("folder") << QStringLiteral("folder") << ErrorCode::NotAStore;
    // Without the key, whole pages of random bytes cannot be distinguished
    // from a store; see Store::open().
    QTest::newRow("random whole pages") << QStringLiteral("random-pages") << ErrorCode::WrongKey;
    QTest::newRow("SQLCipher file with a passphrase") << QStringLiteral("passphrase") << ErrorCode::WrongKey;
}

void TestStore::notAStoreChangesNothing() {
    QFETCH(QString, kind);
    QFETCH(ErrorCode, expected);

    const QString path = storePath();
    if (kind == u"random") {
        QVERIFY(writeFile(path, randomBytes(10000)));
    } else if (kind == u"random-pages") {
        QVERIFY(writeFile(path, randomBytes(8192)));
    } else if (kind == u"plain") {
        QVERIFY(runRawSql(path, "CREATE TABLE t (x); INSERT INTO t VALUES ('plain');"));
    } else if (kind == u"plain-wal") {
        QVERIFY(runRawSql(path,
                          "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES ('plain');"));
    } else if (kind == u"empty") {
        QVERIFY(writeFile(path, QByteArray()));
    } else if (kind == u"text") {
        QVERIFY(writeFile(path, "Surname,Forename\nSmith,Ella\n"));
    } else if (kind == u"folder") {
        QVERIFY(QDir(m_folder->path()).mkdir(QStringLiteral("case.store")));
    } else if (kind == u"passphrase") {
        QVERIFY(runRawSql(path, "CREATE TABLE t (x); INSERT INTO t VALUES ('secret');",
                          "PRAGMA key = 'correct horse battery staple';"));
    }
    const QMap<QString, QByteArray> before = snapshotFolder(m_folder->path());

    StderrCapture capture;
    Result<std::unique_ptr<Store>> opened = Store::open(path, makeKey(1));
    const QByteArray printed = capture.finish();

    QVERIFY(!opened);
    QCOMPARE(opened.error().code, expected);
    QVERIFY(opened.error().message.contains(path));
    QCOMPARE(snapshotFolder(m_folder->path()), before);
    QCOMPARE(printed, QByteArray());
}

void TestStore::newerSchemaIsRefused() {
    {
        Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
        QVERIFY(created);
        QSqlQuery query((*created)->database());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Store::latestSchemaVersion() + 1)));
    }
    const QMap<QString, QByteArray> before = snapshotFolder(m_folder->path());
    QCOMPARE(before.size(), 1);

    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(1));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::SchemaTooNew);
    QCOMPARE(opened.error().message,
             QStringLiteral("This case store was written by a newer version of Early Help Case Manager "
                            "(schema %1; this version reads up to %2). Install the newer version to open it.")
                 .arg(Store::latestSchemaVersion() + 1)
                 .arg(Store::latestSchemaVersion()));
    QCOMPARE(snapshotFolder(m_folder->path()), before);
}

void TestStore::newerSchemaInWalIsRefused() {
    Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
    QVERIFY(created);
    QSqlQuery query((*created)->database());
    QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    // The new version is committed to the -wal file only. The main file still
    // contains the old one, which is what the probe reads.
    QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Store::latestSchemaVersion() + 1)));
    query.finish();

    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(1));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::SchemaTooNew);
    QCOMPARE(pragmaValue((*created)->database(), QStringLiteral("user_version")).toInt(),
             Store::latestSchemaVersion() + 1);
}

void TestStore::failedMigrationRollsBack() {
    Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
    QVERIFY(created);
    QSqlDatabase database = (*created)->database();

    const int latest = Store::latestSchemaVersion();
    QList<Migration> migrations = storeMigrations();
    migrations += Migration{latest + 1, QStringLiteral("CREATE TABLE added_next (x);"
                                                       "INSERT INTO no_such_table VALUES (1);")};
    Result<int> migrated = migrateStore(database, migrations);
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::Database);
    QVERIFY(migrated.error().message.contains(storePath()));
    QVERIFY(migrated.error().message.contains(QStringLiteral("no_such_table")));

    QCOMPARE(pragmaValue(database, QStringLiteral("user_version")).toInt(), latest);
    QVERIFY(!database.tables().contains(QStringLiteral("added_next")));
    QCOMPARE(sqlite3_get_autocommit(sqliteConnection(database)), 1);
}

void TestStore::laterMigrationIsApplied() {
    {
        Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
        QVERIFY(created);
        QSqlDatabase database = (*created)->database();

        const int next = Store::latestSchemaVersion() + 1;
        QList<Migration> migrations = storeMigrations();
        migrations += Migration{next, QStringLiteral("CREATE TABLE added_next (x);")};
        Result<int> migrated = migrateStore(database, migrations);
        QVERIFY2(migrated, qUtf8Printable(migrated ? QString() : migrated.error().message));
        QCOMPARE(*migrated, next);
        QVERIFY(database.tables().contains(QStringLiteral("added_next")));

        const QList<Migration> outOfOrder{Migration{next, QStringLiteral("SELECT 1;")}};
        Result<int> rejected = migrateStore(database, outOfOrder);
        QVERIFY(!rejected);
        QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    }

    // The store is now one version ahead of this build, so it is too new.
    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(1));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::SchemaTooNew);
}

void TestStore::diskFullIsReported() {
    Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
    QVERIFY(created);
    const QSqlDatabase database = (*created)->database();

    QSqlQuery query(database);
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE filler (data BLOB)")));

    // max_page_count makes SQLite fail with SQLITE_FULL as a full disk does.
    const int pages = pragmaValue(database, QStringLiteral("page_count")).toInt();
    QVERIFY(pages > 0);
    QVERIFY(query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 1)));
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO filler VALUES (?)")));
    query.addBindValue(QByteArray(64 * 1024, 'x'));
    QVERIFY(!query.exec());

    const Error error = (*created)->errorFromSql(query.lastError());
    QCOMPARE(error.code, ErrorCode::DiskFull);
    QVERIFY(error.message.contains(storePath()));
}

void TestStore::damagedStoreIsReported() {
    {
        Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
        QVERIFY(created);
        QSqlQuery query((*created)->database());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE filler (data BLOB)")));
        QVERIFY(query.prepare(QStringLiteral("INSERT INTO filler VALUES (?)")));
        for (int i = 0; i < 40; ++i) {
            query.addBindValue(QByteArray(3000, char('a' + i % 26)));
            QVERIFY(query.exec());
        }
    }

    // Damage the last page, which contains table data, not the schema.
    QByteArray bytes = readFile(storePath());
    QVERIFY(bytes.size() >= 8 * 4096);
    const qsizetype offset = bytes.size() - 4096 + 100;
    for (qsizetype i = 0; i < 16; ++i)
        bytes[offset + i] = char(~bytes.at(offset + i));
    QVERIFY(writeFile(storePath(), bytes));

    StderrCapture capture;
    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(1));
    QVERIFY2(opened, qUtf8Printable(opened ? QString() : opened.error().message));
    QSqlQuery query((*opened)->database());
    QVERIFY(!query.exec(QStringLiteral("SELECT sum(length(data)) FROM filler")));
    const QByteArray printed = capture.finish();

    const Error error = (*opened)->errorFromSql(query.lastError());
    QCOMPARE(error.code, ErrorCode::StoreDamaged);
    QVERIFY(error.message.contains(storePath()));
    QCOMPARE(printed, QByteArray());
}

void TestStore::logNeverHoldsKey() {
    {
        Result<std::unique_ptr<Store>> created = Store::create(storePath(), makeKey(1));
        QVERIFY(created);
    }
    Result<std::unique_ptr<Store>> wrong = Store::open(storePath(), makeKey(2));
    QVERIFY(!wrong);
    Result<std::unique_ptr<Store>> opened = Store::open(storePath(), makeKey(1));
    QVERIFY(opened);
    opened->reset();

    QVERIFY(!collectedMessages.isEmpty());
    const QString log = collectedMessages.join(u'\n');
    QVERIFY(log.contains(QStringLiteral("Opened")));
    QVERIFY(log.contains(QStringLiteral("Closed")));
    for (unsigned char seed : {1, 2}) {
        const QString hex = QString::fromLatin1(keyHex(makeKey(seed)));
        QVERIFY(!log.contains(hex, Qt::CaseInsensitive));
        QVERIFY(!log.contains(hex.left(16), Qt::CaseInsensitive));
    }
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
