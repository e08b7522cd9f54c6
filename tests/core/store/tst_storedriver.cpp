#include "store/sqlcipherdriver.h"
#include "store/store.h"

#include "storetesthelpers.h"

#include <sqlcipher/sqlite3.h>

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QSqlRecord>
#include <QSqlResult>
#include <QSqlTableModel>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace earlyhelp;
using namespace earlyhelp::testing;

Q_DECLARE_METATYPE(QSqlDriver::DriverFeature)

class TestSqlCipherDriver : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void featuresAreTruthful_data();
    void featuresAreTruthful();
    void positionalPlaceholdersBind();
    void namedPlaceholdersBindEveryUse();
    void nullAndEmptyStringDiffer();
    void valuesKeepTheirTypes_data();
    void valuesKeepTheirTypes();
    void datesAndUuidsBindAsText();
    void recordHasNamesAndTypes();
    void lastInsertIdAndRowsAffected();
    void transactionCommitsAndRollsBack();
    void forwardOnlyQueryReadsOnce();
    void scrollableQuerySeeksBothWays();
    void queryModelShowsEveryRow();
    void tableModelEditsRows();
    void tablesAndPrimaryIndex();
    void errorsCarrySqliteMessage();
    void secondStatementIsRejected();
    void parameterCountMustMatch();
    void handleIsSqliteConnection();
    void registeredDriverOpensStore();
    void registeredDriverWithoutKeyFails();
    void closingDriverEndsQueries();
    void finishedStatementIsReused();
    void reusedStatementKeepsNoBindings();
    void concurrentQueriesGetOwnStatements();
    void reusedStatementFollowsSchemaChange();
    void reusedStatementHoldsNoSnapshot();

private:
    QSqlDatabase database() const { return m_store->database(); }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Store> m_store;
};

void TestSqlCipherDriver::init() {
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    Result<std::unique_ptr<Store>> created =
        Store::create(m_folder->filePath(QStringLiteral("driver.store")), makeKey(7));
    QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
    m_store = std::move(*created);

    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral(
        "CREATE TABLE sample (id INTEGER PRIMARY KEY, label TEXT NOT NULL DEFAULT 'none', data BLOB,"
        " amount INTEGER, ratio REAL, loose)")));
}

void TestSqlCipherDriver::cleanup() {
    m_store.reset();
    m_folder.reset();
}

void TestSqlCipherDriver::featuresAreTruthful_data() {
    QTest::addColumn<QSqlDriver::DriverFeature>("feature");
    QTest::addColumn<bool>("supported");

    QTest::newRow("Transactions") << QSqlDriver::Transactions << true;
    QTest::newRow("QuerySize") << QSqlDriver::QuerySize << false;
    QTest::newRow("BLOB") << QSqlDriver::BLOB << true;
    QTest::newRow("Unicode") << QSqlDriver::Unicode << true;
    QTest::newRow("PreparedQueries") << QSqlDriver::PreparedQueries << true;
    QTest::newRow("NamedPlaceholders emulated by QSqlResult") << QSqlDriver::NamedPlaceholders << false;
    QTest::newRow("PositionalPlaceholders") << QSqlDriver::PositionalPlaceholders << true;
    QTest::newRow("LastInsertId") << QSqlDriver::LastInsertId << true;
    QTest::newRow("BatchOperations emulated by QSqlResult") << QSqlDriver::BatchOperations << false;
    QTest::newRow("SimpleLocking") << QSqlDriver::SimpleLocking << true;
    QTest::newRow("LowPrecisionNumbers") << QSqlDriver::LowPrecisionNumbers << true;
    QTest::newRow("EventNotifications") << QSqlDriver::EventNotifications << false;
    QTest::newRow("FinishQuery") << QSqlDriver::FinishQuery << true;
    QTest::newRow("MultipleResultSets") << QSqlDriver::MultipleResultSets << false;
    QTest::newRow("CancelQuery") << QSqlDriver::CancelQuery << true;
}

void TestSqlCipherDriver::featuresAreTruthful() {
    QFETCH(QSqlDriver::DriverFeature, feature);
    QFETCH(bool, supported);
    QCOMPARE(database().driver()->hasFeature(feature), supported);
}

void TestSqlCipherDriver::positionalPlaceholdersBind() {
    QSqlQuery query(database());
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO sample (label, amount) VALUES (?, ?)")));
    query.addBindValue(QStringLiteral("first"));
    query.addBindValue(1);
    QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));
    query.bindValue(0, QStringLiteral("second"));
    query.bindValue(1, 2);
    QVERIFY(query.exec());

    QVERIFY(query.exec(QStringLiteral("SELECT label, amount FROM sample ORDER BY amount")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("first"));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("second"));
    QCOMPARE(query.value(1).toLongLong(), 2);
}

void TestSqlCipherDriver::namedPlaceholdersBindEveryUse() {
    QSqlQuery query(database());
    QVERIFY(query.prepare(
        QStringLiteral("INSERT INTO sample (label, amount, ratio) VALUES (:label, :n, :n * 2)")));
    query.bindValue(QStringLiteral(":label"), QStringLiteral("it's 10:30"));
    query.bindValue(QStringLiteral(":n"), 21);
    QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));

    QVERIFY(
        query.prepare(QStringLiteral("SELECT label, ratio FROM sample WHERE amount = :n AND label <> ':n'")));
    query.bindValue(QStringLiteral(":n"), 21);
    QVERIFY(query.exec());
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("it's 10:30"));
    QCOMPARE(query.value(1).toDouble(), 42.0);
}

void TestSqlCipherDriver::nullAndEmptyStringDiffer() {
    QSqlQuery query(database());
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO sample (id, label, data, loose) VALUES (?, ?, ?, ?)")));
    query.addBindValue(1);
    query.addBindValue(QStringLiteral(""));
    query.addBindValue(QByteArray(""));
    query.addBindValue(QVariant(QMetaType::fromType<QString>()));
    QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));

    query.addBindValue(2);
    query.addBindValue(QStringLiteral("x"));
    query.addBindValue(QByteArray());
    query.addBindValue(QString());
    QVERIFY(query.exec());

    QVERIFY(query.exec(QStringLiteral("SELECT label, data, loose, typeof(label), typeof(data), typeof(loose)"
                                      " FROM sample ORDER BY id")));
    QVERIFY(query.next());
    QVERIFY(!query.isNull(0));
    QCOMPARE(query.value(0).typeId(), QMetaType::QString);
    QVERIFY(query.value(0).toString().isEmpty());
    QVERIFY(!query.value(0).toString().isNull());
    QVERIFY(!query.isNull(1));
    QCOMPARE(query.value(1).typeId(), QMetaType::QByteArray);
    QVERIFY(!query.value(1).toByteArray().isNull());
    QVERIFY(query.isNull(2));
    QVERIFY(query.value(2).isNull());
    QCOMPARE(query.value(3).toString(), QStringLiteral("text"));
    QCOMPARE(query.value(4).toString(), QStringLiteral("blob"));
    QCOMPARE(query.value(5).toString(), QStringLiteral("null"));

    QVERIFY(query.next());
    QCOMPARE(query.value(4).toString(), QStringLiteral("null"));
    QCOMPARE(query.value(5).toString(), QStringLiteral("null"));
}

void TestSqlCipherDriver::valuesKeepTheirTypes_data() {
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("2^40") << QVariant(Q_INT64_C(1) << 40) << QVariant(Q_INT64_C(1) << 40);
    QTest::newRow("int becomes qint64") << QVariant(-7) << QVariant(qint64(-7));
    QTest::newRow("largest qint64") << QVariant(std::numeric_limits<qint64>::max())
                                    << QVariant(std::numeric_limits<qint64>::max());
    QTest::newRow("bool") << QVariant(true) << QVariant(qint64(1));
    QTest::newRow("double") << QVariant(2.5) << QVariant(2.5);
    QTest::newRow("Arabic text") << QVariant(QStringLiteral("\u064A\u0648\u0633\u0641"))
                                 << QVariant(QStringLiteral("\u064A\u0648\u0633\u0641"));
    QTest::newRow("text outside the BMP")
        << QVariant(QStringLiteral("Ava \U0001F600")) << QVariant(QStringLiteral("Ava \U0001F600"));
    QTest::newRow("NFD text stays NFD")
        << QVariant(QStringLiteral("Zoe\u0308")) << QVariant(QStringLiteral("Zoe\u0308"));
    QTest::newRow("blob with zero bytes")
        << QVariant(QByteArray("\x00\xFF\x00", 3)) << QVariant(QByteArray("\x00\xFF\x00", 3));
}

void TestSqlCipherDriver::valuesKeepTheirTypes() {
    QFETCH(QVariant, value);
    QFETCH(QVariant, expected);

    QSqlQuery query(database());
    QVERIFY(query.prepare(QStringLiteral("INSERT INTO sample (loose) VALUES (?)")));
    query.addBindValue(value);
    QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));

    QVERIFY(query.exec(QStringLiteral("SELECT loose FROM sample")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).metaType(), expected.metaType());
    QCOMPARE(query.value(0), expected);
}

void TestSqlCipherDriver::datesAndUuidsBindAsText() {
    const QUuid uuid = QUuid::fromString(QStringLiteral("{1B4E28BA-2FA1-11D2-883F-0016D3CCA427}"));
    const QDateTime moment(QDate(2026, 12, 4), QTime(20, 51, 50, 123), Qt::OffsetFromUTC, 3600);

    QSqlQuery query(database());
    QVERIFY(query.prepare(QStringLiteral("SELECT ?, ?, ?, ?")));
    query.addBindValue(uuid);
    query.addBindValue(moment);
    query.addBindValue(QDate(2015, 9, 1));
    query.addBindValue(QTime(8, 45, 0, 5));
    QVERIFY2(query.exec(), qUtf8Printable(query.lastError().text()));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
    QCOMPARE(query.value(1).toString(), QStringLiteral("2026-12-04T19:51:50.123Z"));
    QCOMPARE(query.value(2).toString(), QStringLiteral("2015-09-01"));
    QCOMPARE(query.value(3).toString(), QStringLiteral("08:45:00.005"));
}

void TestSqlCipherDriver::recordHasNamesAndTypes() {
    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sample (label, data, amount, ratio, loose)"
                                      " VALUES ('a', x'00', 1, 0.5, 'text')")));
    QVERIFY(query.exec(QStringLiteral("SELECT id, label, data, amount, ratio, loose, amount * 2 AS doubled"
                                      " FROM sample")));
    const QSqlRecord record = query.record();
    QCOMPARE(record.count(), 7);
    QCOMPARE(record.fieldName(1), QStringLiteral("label"));
    QCOMPARE(record.fieldName(6), QStringLiteral("doubled"));
    QCOMPARE(record.field(0).metaType(), QMetaType::fromType<qint64>());
    QCOMPARE(record.field(1).metaType(), QMetaType::fromType<QString>());
    QCOMPARE(record.field(2).metaType(), QMetaType::fromType<QByteArray>());
    QCOMPARE(record.field(3).metaType(), QMetaType::fromType<qint64>());
    QCOMPARE(record.field(4).metaType(), QMetaType::fromType<double>());
    QCOMPARE(record.field(5).metaType(), QMetaType::fromType<QString>());
    QCOMPARE(record.field(6).metaType(), QMetaType::fromType<qint64>());
    QCOMPARE(record.field(1).tableName(), QStringLiteral("sample"));

    QVERIFY(query.next());
    const QSqlRecord withValues = query.record();
    QCOMPARE(withValues.value(QStringLiteral("label")).toString(), QStringLiteral("a"));
}

void TestSqlCipherDriver::lastInsertIdAndRowsAffected() {
    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sample (id, label) VALUES (41, 'a')")));
    QCOMPARE(query.lastInsertId(), QVariant(qint64(41)));
    QCOMPARE(query.numRowsAffected(), 1);
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sample (label) VALUES ('b')")));
    QCOMPARE(query.lastInsertId(), QVariant(qint64(42)));

    QVERIFY(query.exec(QStringLiteral("UPDATE sample SET amount = 3")));
    QCOMPARE(query.numRowsAffected(), 2);
    QVERIFY(!query.lastInsertId().isValid());

    QVERIFY(query.exec(QStringLiteral("DELETE FROM sample WHERE id = 99")));
    QCOMPARE(query.numRowsAffected(), 0);
}

void TestSqlCipherDriver::transactionCommitsAndRollsBack() {
    QSqlDatabase db = database();
    QVERIFY(db.transaction());
    QSqlQuery query(db);
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sample (label) VALUES ('kept')")));
    QVERIFY(db.commit());

    QVERIFY(db.transaction());
    QTest::ignoreMessage(QtWarningMsg, "BEGIN IMMEDIATE failed: SQLite error 1 (SQL logic error)");
    QVERIFY(!db.transaction());
    QVERIFY(db.lastError().isValid());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sample (label) VALUES ('dropped')")));
    QVERIFY(db.rollback());

    QVERIFY(query.exec(QStringLiteral("SELECT group_concat(label) FROM sample")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("kept"));
    QTest::ignoreMessage(QtWarningMsg, "COMMIT failed: SQLite error 1 (SQL logic error)");
    QVERIFY(!db.commit());
}

void TestSqlCipherDriver::forwardOnlyQueryReadsOnce() {
    QSqlQuery insert(database());
    QVERIFY(insert.exec(
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)"
                       " INSERT INTO sample (amount) SELECT i FROM n")));

    QSqlQuery query(database());
    query.setForwardOnly(true);
    QVERIFY(query.exec(QStringLiteral("SELECT amount FROM sample ORDER BY amount")));
    QCOMPARE(query.size(), -1);
    qint64 sum = 0;
    int rows = 0;
    while (query.next()) {
        sum += query.value(0).toLongLong();
        ++rows;
    }
    QCOMPARE(rows, 10);
    QCOMPARE(sum, 55);
    QVERIFY(!query.lastError().isValid());

    QVERIFY(query.exec());
    QVERIFY(query.seek(4));
    QCOMPARE(query.value(0).toLongLong(), 5);
    QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::seek: cannot seek backwards in a forward only query");
    QVERIFY(!query.seek(2));
    QVERIFY(query.last());
    QCOMPARE(query.at(), 9);
    QCOMPARE(query.value(0).toLongLong(), 10);
}

void TestSqlCipherDriver::scrollableQuerySeeksBothWays() {
    QSqlQuery insert(database());
    QVERIFY(insert.exec(
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)"
                       " INSERT INTO sample (amount) SELECT i FROM n")));

    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("SELECT amount FROM sample ORDER BY amount")));
    QVERIFY(query.seek(6));
    QCOMPARE(query.value(0).toLongLong(), 7);
    QVERIFY(query.previous());
    QCOMPARE(query.value(0).toLongLong(), 6);
    QVERIFY(query.first());
    QCOMPARE(query.value(0).toLongLong(), 1);
    QVERIFY(query.last());
    QCOMPARE(query.at(), 9);
    QVERIFY(query.seek(3));
    QCOMPARE(query.value(0).toLongLong(), 4);
    QVERIFY(!query.seek(10));
}

void TestSqlCipherDriver::queryModelShowsEveryRow() {
    QSqlQuery insert(database());
    QVERIFY(insert.exec(
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                       " INSERT INTO sample (label, amount) SELECT 'row ' || i, i FROM n")));

    QSqlQueryModel model;
    model.setQuery(QStringLiteral("SELECT label, amount FROM sample ORDER BY amount"), database());
    QVERIFY2(!model.lastError().isValid(), qUtf8Printable(model.lastError().text()));
    while (model.canFetchMore())
        model.fetchMore();
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("label"));
    QCOMPARE(model.data(model.index(999, 1)).toLongLong(), 1000);
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("row 1"));
    QCOMPARE(model.data(model.index(500, 0)).toString(), QStringLiteral("row 501"));
}

void TestSqlCipherDriver::tableModelEditsRows() {
    QSqlQuery insert(database());
    QVERIFY(insert.exec(
        QStringLiteral("INSERT INTO sample (id, label, amount) VALUES (1, 'one', 1), (2, 'two', 2)")));

    QSqlTableModel model(nullptr, database());
    model.setTable(QStringLiteral("sample"));
    model.setEditStrategy(QSqlTableModel::OnManualSubmit);
    model.setSort(0, Qt::AscendingOrder);
    QVERIFY2(model.select(), qUtf8Printable(model.lastError().text()));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.setData(model.index(1, 1), QStringLiteral("deux")));
    QVERIFY2(model.submitAll(), qUtf8Printable(model.lastError().text()));

    QSqlQuery check(database());
    QVERIFY(check.exec(QStringLiteral("SELECT label FROM sample WHERE id = 2")));
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("deux"));
}

void TestSqlCipherDriver::tablesAndPrimaryIndex() {
    const QStringList tables = database().tables();
    QVERIFY(tables.contains(QStringLiteral("sample")));
    QVERIFY(tables.contains(QStringLiteral("person")));
    QVERIFY(!tables.contains(QStringLiteral("sqlite_schema")));
    QVERIFY(database().tables(QSql::SystemTables).contains(QStringLiteral("sqlite_schema")));

    const QSqlIndex index = database().primaryIndex(QStringLiteral("sample"));
    QCOMPARE(index.count(), 1);
    QCOMPARE(index.fieldName(0), QStringLiteral("id"));
    QVERIFY(index.field(0).isAutoValue());

    const QSqlRecord record = database().record(QStringLiteral("sample"));
    QCOMPARE(record.count(), 6);
    QCOMPARE(record.field(QStringLiteral("label")).requiredStatus(), QSqlField::Required);
    QCOMPARE(record.field(QStringLiteral("label")).defaultValue().toString(), QStringLiteral("'none'"));
    QCOMPARE(record.field(QStringLiteral("ratio")).metaType(), QMetaType::fromType<double>());

    const QSqlIndex personKey = database().primaryIndex(QStringLiteral("\"person\""));
    QCOMPARE(personKey.count(), 1);
    QCOMPARE(personKey.fieldName(0), QStringLiteral("local_id"));
}

void TestSqlCipherDriver::errorsCarrySqliteMessage() {
    QSqlQuery query(database());
    QVERIFY(!query.exec(QStringLiteral("SELEC 1")));
    QCOMPARE(query.lastError().type(), QSqlError::StatementError);
    QVERIFY(query.lastError().databaseText().contains(QStringLiteral("syntax error")));
    QCOMPARE(query.lastError().nativeErrorCode(), QString::number(SQLITE_ERROR));

    QVERIFY(query.exec(QStringLiteral("INSERT INTO sample (id) VALUES (1)")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO sample (id) VALUES (1)")));
    QCOMPARE(query.lastError().nativeErrorCode(), QString::number(SQLITE_CONSTRAINT_PRIMARYKEY));
    QVERIFY(query.lastError().databaseText().contains(QStringLiteral("UNIQUE constraint failed")));
}

void TestSqlCipherDriver::secondStatementIsRejected() {
    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("SELECT 1; -- a comment after the statement is fine\n")));
    QVERIFY(!query.exec(QStringLiteral("SELECT 1; DELETE FROM sample")));
    QVERIFY(query.lastError().databaseText().contains(QStringLiteral("only one statement")));
}

void TestSqlCipherDriver::parameterCountMustMatch() {
    QSqlQuery query(database());
    QVERIFY(query.prepare(QStringLiteral("SELECT ?, ?")));
    query.addBindValue(1);
    QVERIFY(!query.exec());
    QVERIFY(query.lastError().databaseText().contains(QStringLiteral("2 parameters")));
}

void TestSqlCipherDriver::handleIsSqliteConnection() {
    const QVariant handle = database().driver()->handle();
    QCOMPARE(QByteArray(handle.typeName()), QByteArray("sqlite3*"));
    sqlite3* connection = handle.value<sqlite3*>();
    QVERIFY(connection);
    QCOMPARE(connection, sqliteConnection(database()));
    QCOMPARE(QString::fromUtf8(sqlite3_db_filename(connection, "main")),
             QFileInfo(m_store->path()).canonicalFilePath());

    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("SELECT 1")));
    QCOMPARE(QByteArray(query.result()->handle().typeName()), QByteArray("sqlite3_stmt*"));
}

void TestSqlCipherDriver::registeredDriverOpensStore() {
    const QString path = m_store->path();
    m_store.reset();

    registerSqlCipherDriver();
    QVERIFY(QSqlDatabase::isDriverAvailable(QString(sqlCipherDriverName)));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QString(sqlCipherDriverName), QStringLiteral("registered"));
        auto* driver = qobject_cast<SqlCipherDriver*>(db.driver());
        QVERIFY(driver);
        driver->setKey(makeKey(7));
        db.setDatabaseName(path);
        QVERIFY2(db.open(), qUtf8Printable(db.lastError().text()));

        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sample")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), 0);
        db.close();

        driver->setKey(makeKey(8));
        QVERIFY(!db.open());
        QVERIFY(!driver->openStatus());
        QCOMPARE(driver->openStatus().error().code, ErrorCode::WrongKey);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("registered"));
}

void TestSqlCipherDriver::registeredDriverWithoutKeyFails() {
    registerSqlCipherDriver();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QString(sqlCipherDriverName), QStringLiteral("keyless"));
        db.setDatabaseName(m_store->path());
        QVERIFY(!db.open());
        QVERIFY(db.lastError().isValid());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("keyless"));
}

void TestSqlCipherDriver::closingDriverEndsQueries() {
    QSqlQuery insert(database());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO sample (amount) VALUES (1), (2)")));

    QSqlQuery query(database());
    QVERIFY(query.exec(QStringLiteral("SELECT amount FROM sample")));
    QVERIFY(query.next());

    QSqlDatabase db = database();
    db.close();
    QVERIFY(!query.isActive());
    QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::exec: database not open");
    QVERIFY(!query.exec(QStringLiteral("SELECT 1")));
}

namespace {

sqlite3_stmt* statementOf(const QSqlQuery& query) {
    return query.result()->handle().value<sqlite3_stmt*>();
}

} // namespace

void TestSqlCipherDriver::finishedStatementIsReused() {
    const QString sql = QStringLiteral("SELECT count(*) FROM sample WHERE amount > ?");
    {
        QSqlQuery query(database());
        QVERIFY(query.prepare(sql));
        for (int run = 0; run < 2; ++run) {
            query.addBindValue(run);
            QVERIFY(query.exec());
        }
    }
    // SQLite counts the runs of a statement from its preparation, so a newly
    // prepared statement would report none.
    QSqlQuery again(database());
    QVERIFY(again.prepare(sql));
    QCOMPARE(sqlite3_stmt_status(statementOf(again), SQLITE_STMTSTATUS_RUN, 0), 2);

    QSqlQuery other(database());
    QVERIFY(other.prepare(QStringLiteral("SELECT count(*) FROM sample WHERE amount < ?")));
    QCOMPARE(sqlite3_stmt_status(statementOf(other), SQLITE_STMTSTATUS_RUN, 0), 0);
}

void TestSqlCipherDriver::reusedStatementKeepsNoBindings() {
    const QString sql = QStringLiteral("SELECT count(*) FROM sample WHERE label = ?");
    {
        QSqlQuery query(database());
        QVERIFY(query.prepare(sql));
        query.addBindValue(QStringLiteral("Aisha Khan"));
        QVERIFY(query.exec());
    }
    QSqlQuery again(database());
    QVERIFY(again.prepare(sql));
    char* expanded = sqlite3_expanded_sql(statementOf(again));
    QVERIFY(expanded);
    const QByteArray text(expanded);
    sqlite3_free(expanded);
    QCOMPARE(text, QByteArray("SELECT count(*) FROM sample WHERE label = NULL"));
}

void TestSqlCipherDriver::concurrentQueriesGetOwnStatements() {
    QSqlQuery insert(database());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO sample (amount) VALUES (1), (2), (3)")));

    const QString sql = QStringLiteral("SELECT amount FROM sample ORDER BY amount");
    QSqlQuery outer(database());
    outer.setForwardOnly(true);
    QVERIFY(outer.exec(sql));
    QList<qint64> pairs;
    while (outer.next()) {
        QSqlQuery inner(database());
        inner.setForwardOnly(true);
        QVERIFY(inner.exec(sql));
        QVERIFY(statementOf(inner) != statementOf(outer));
        while (inner.next())
            pairs.append(outer.value(0).toLongLong() * 10 + inner.value(0).toLongLong());
    }
    QCOMPARE(pairs, (QList<qint64>{11, 12, 13, 21, 22, 23, 31, 32, 33}));
}

void TestSqlCipherDriver::reusedStatementFollowsSchemaChange() {
    const QString sql = QStringLiteral("SELECT * FROM sample");
    {
        QSqlQuery query(database());
        QVERIFY(query.exec(sql));
        QCOMPARE(query.record().count(), 6);
    }
    QSqlQuery alter(database());
    QVERIFY(alter.exec(QStringLiteral("ALTER TABLE sample ADD COLUMN note TEXT")));

    QSqlQuery again(database());
    QVERIFY(again.exec(sql));
    QCOMPARE(again.record().count(), 7);
    QCOMPARE(again.record().fieldName(6), QStringLiteral("note"));
}

void TestSqlCipherDriver::reusedStatementHoldsNoSnapshot() {
    QSqlQuery insert(database());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO sample (amount) VALUES (1), (2)")));

    Result<std::unique_ptr<Store>> second = Store::open(m_store->path(), makeKey(7));
    QVERIFY2(second, qUtf8Printable(second ? QString() : second.error().message));
    // Returns whether a checkpoint from the second connection found a reader
    // in its way, after that connection wrote a row.
    auto checkpointIsBlocked = [&second]() -> std::optional<bool> {
        QSqlQuery write((*second)->database());
        if (!write.exec(QStringLiteral("INSERT INTO sample (amount) VALUES (9)")))
            return std::nullopt;
        QSqlQuery checkpoint((*second)->database());
        if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !checkpoint.next())
            return std::nullopt;
        return checkpoint.value(0).toInt() != 0;
    };

    const QString sql = QStringLiteral("SELECT amount FROM sample ORDER BY amount");
    {
        QSqlQuery reader(database());
        reader.setForwardOnly(true);
        QVERIFY(reader.exec(sql));
        QVERIFY(reader.next());
        // The reader is between rows, so its read snapshot is still open.
        QCOMPARE(checkpointIsBlocked(), std::optional<bool>(true));
    }
    QCOMPARE(checkpointIsBlocked(), std::optional<bool>(false));
}

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "tst_storedriver.moc"
