// Runs "earlyhelp-cli verify" on stores whose audit trail was altered with the
// raw SQLCipher library, and checks the unlock events the CLI records.

#include "audit/auditlog.h"
#include "keys/keyfile.h"
#include "store/store.h"

#include <sqlcipher/sqlite3.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray passphrase = QByteArrayLiteral("a long test passphrase");
const QString leadUser = QStringLiteral("Test Lead");

} // namespace

class TestCliAudit : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void verifyReportsIntactChain();
    void tamperingFailsVerify_data();
    void tamperingFailsVerify();
    void unlockIsRecorded();

private:
    [[nodiscard]] CliRun runCli(const QStringList& arguments) const;
    [[nodiscard]] QString storePath() const;
    [[nodiscard]] Result<SecretBytes> storeKey() const;
    // Runs sql on the store file through the raw C API.
    [[nodiscard]] bool runRawSql(const QByteArray& sql) const;
    // Returns the events of the store, newest first.
    [[nodiscard]] QList<audit::Event> events() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

CliRun TestCliAudit::runCli(const QStringList& arguments) const {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir->path());
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(EARLYHELP_CLI_PATH),
                  QStringList{QStringLiteral("--store"), storePath(), QStringLiteral("--passphrase-stdin")} +
                      arguments);
    if (!process.waitForStarted())
        return {};
    process.write(passphrase + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString TestCliAudit::storePath() const {
    return m_dir->filePath(QStringLiteral("school.ehstore"));
}

Result<SecretBytes> TestCliAudit::storeKey() const {
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(storePath());
    if (!keyFile)
        return std::unexpected(keyFile.error());
    return keyFile->unlockWithPassphrase(
        leadUser, SecretBytes::copyOf(passphrase.constData(), static_cast<std::size_t>(passphrase.size())));
}

bool TestCliAudit::runRawSql(const QByteArray& sql) const {
    Result<SecretBytes> key = storeKey();
    if (!key)
        return false;
    const QByteArray keySql =
        "PRAGMA key = \"x'" +
        QByteArray(reinterpret_cast<const char*>(key->data()), qsizetype(key->size())).toHex() + "'\";";

    sqlite3* connection = nullptr;
    int code = sqlite3_open_v2(QFile::encodeName(storePath()).constData(), &connection, SQLITE_OPEN_READWRITE,
                               nullptr);
    if (code == SQLITE_OK)
        code = sqlite3_exec(connection, keySql.constData(), nullptr, nullptr, nullptr);
    if (code == SQLITE_OK)
        code = sqlite3_exec(connection, sql.constData(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        qWarning("Raw SQL failed: %s", sqlite3_errmsg(connection));
    sqlite3_close(connection);
    return code == SQLITE_OK;
}

QList<audit::Event> TestCliAudit::events() const {
    Result<SecretBytes> key = storeKey();
    if (!key)
        return {};
    Result<std::unique_ptr<Store>> store = Store::open(storePath(), *key);
    if (!store)
        return {};
    Result<QList<audit::Event>> found = audit::AuditLog(**store).query({});
    return found ? *found : QList<audit::Event>();
}

void TestCliAudit::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const CliRun created = runCli({QStringLiteral("init"), QStringLiteral("--school"),
                                   QStringLiteral("Generated Primary School"), QStringLiteral("--urn"),
                                   QStringLiteral("199990"), QStringLiteral("--user"), leadUser});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    // Each command unlocks the store and so appends an unlock event.
    for (int i = 0; i < 4; ++i) {
        const CliRun listed = runCli({QStringLiteral("list"), QStringLiteral("people")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    }
    QVERIFY(events().size() >= 5);
}

void TestCliAudit::cleanup() {
    m_dir.reset();
}

void TestCliAudit::verifyReportsIntactChain() {
    const qsizetype before = events().size();
    const CliRun run = runCli({QStringLiteral("verify")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Audit trail: %1 events verified.").arg(before)), qPrintable(run.out));
    QCOMPARE(events().size(), before + 1);
}

void TestCliAudit::tamperingFailsVerify_data() {
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("message");

    QTest::newRow("middle event deleted")
        << QByteArray("DELETE FROM audit_event WHERE seq = 4;")
        << QStringLiteral("earlyhelp-cli: Audit trail: event 4 is missing.");
    QTest::newRow("middle events deleted")
        << QByteArray("DELETE FROM audit_event WHERE seq IN (2, 3, 4);")
        << QStringLiteral("earlyhelp-cli: Audit trail: events 2 to 4 are missing.");
    QTest::newRow("newest events deleted")
        << QByteArray("DELETE FROM audit_event WHERE seq > 4;")
        << QStringLiteral("earlyhelp-cli: Audit trail: the newest events after 4 are missing.");
    QTest::newRow("details altered")
        << QByteArray("UPDATE audit_event SET details = '{\"method\":\"keychain\"}' WHERE seq = 5;")
        << QStringLiteral("earlyhelp-cli: Audit trail: event 5 was altered.");
    QTest::newRow("user altered")
        << QByteArray("UPDATE audit_event SET user_name = 'Someone Else' WHERE seq = 3;")
        << QStringLiteral("earlyhelp-cli: Audit trail: event 3 was altered.");
}

void TestCliAudit::tamperingFailsVerify() {
    QFETCH(QByteArray, sql);
    QFETCH(QString, message);

    QVERIFY(runRawSql(sql));
    const CliRun run = runCli({QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.startsWith(message), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("restore the store from a backup")), qPrintable(run.err));
}

void TestCliAudit::unlockIsRecorded() {
    const QList<audit::Event> found = events();
    QVERIFY(!found.isEmpty());
    const audit::Event& newest = found.first();
    QCOMPARE(newest.actionCode, QStringLiteral("unlock"));
    QCOMPARE(newest.user, leadUser);
    QCOMPARE(newest.roleCode, QStringLiteral("lead"));
    QCOMPARE(newest.details.value(QStringLiteral("method")).toString(), QStringLiteral("passphrase"));

    qsizetype unlocks = 0;
    for (const audit::Event& event : found) {
        if (event.actionCode == u"unlock")
            ++unlocks;
    }
    QCOMPARE(unlocks, 4);
}

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cliaudit.moc"
