// "earlyhelp-cli verify" against the audit anchors of the real
// earlyhelp-server on 127.0.0.1: a school's store is enrolled and synced,
// so the push carries its audit head. Then the store's audit trail is
// rewritten with the raw SQLCipher library so consistently that the local
// chain check passes, and verify must still name the event that differs
// from the server's anchor. The slots run in order on one store. The device
// credential goes to the OS keychain, so CTest runs the suite inside
// scripts/with-keyring. With EARLYHELP_TEST_POSTGRES_BIN set, the server
// runs on a private PostgreSQL server instead of SQLite.

#include "../server/servertestsupport.h"

#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "cases/casestore.h"
#include "casework/consentrepository.h"
#include "common/secretbytes.h"
#include "keys/keyfile.h"
#include "retention/erasure.h"
#include "store/store.h"
#include "support/ctfgenerator.h"

#include <sqlcipher/sqlite3.h>

#include <QDate>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// An anchor as the server's audit_anchor table stores it.
struct ServerAnchor {
    qint64 sequence = 0;
    QByteArray hash;
    qint64 receivedAt = 0; // ms since the epoch
};

const QByteArray passphrase = QByteArrayLiteral("a long test passphrase");
const QString schoolName = QStringLiteral("Larkspur Lane Primary School");
const QString schoolUser = QStringLiteral("School Lead");

SecretBytes passphraseSecret() {
    return SecretBytes::copyOf(passphrase.constData(), std::size_t(passphrase.size()));
}

// One row of audit_event with the columns its hash covers.
struct RawEvent {
    qint64 sequence = 0;
    QByteArray at, user, roleCode, action, recordType, recordId, familyId, personId;
    QByteArray details, salt, digest;
};

QByteArray columnBytes(sqlite3_stmt* statement, int column) {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(statement, column));
    return data ? QByteArray(data, sqlite3_column_bytes(statement, column)) : QByteArray();
}

} // namespace

class TestCliAuditAnchor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void verifyWithoutEnrolmentSkipsAnchors();
    void syncSendsAuditHead();
    void verifyCountsMatchingAnchors();
    void syncWithNothingToPushAnchorsHead();
    void erasureKeepsAnchorsMatching();
    void rewrittenTrailFailsVerify();
    void truncatedTrailFailsVerify();
    void unreachableServerSkipsAnchors();

private:
    [[nodiscard]] CliRun runCli(const QString& storePath, const QStringList& arguments) const;
    [[nodiscard]] QString issueCode() const;
    [[nodiscard]] QList<ServerAnchor> serverAnchors() const;
    // Returns the stored hash of the event sequence of the school's store.
    [[nodiscard]] QByteArray localHash(qint64 sequence) const;
    // Returns the sequence of the newest event of the school's store, or -1.
    [[nodiscard]] qint64 localHeadSequence() const;
    // Runs verifyAuditChain() on the school's store and returns its problem,
    // or an empty string when the chain is intact.
    [[nodiscard]] QString localChainProblem() const;
    // Opens the school's store with the raw SQLCipher library.
    [[nodiscard]] sqlite3* openRaw() const;
    // Replaces the details of event sequence and recomputes its digest, the
    // hash of it and of every later event, and the head, as someone with the
    // store key and this code could. Returns an error message, or an empty
    // string.
    [[nodiscard]] QString rewriteEvent(qint64 sequence, const QByteArray& details) const;
    // Deletes the events after sequence and sets the head to it. Returns an
    // error message, or an empty string.
    [[nodiscard]] QString truncateTrail(qint64 sequence) const;

    QTemporaryDir m_dir;
    TestCertificates m_certificates;
    std::unique_ptr<PostgresCluster> m_postgres;
    QString m_databaseLocation;
    QString m_organisationId;
    ServerProcess m_server;
    QString m_store;
    QString m_childId;
};

CliRun TestCliAuditAnchor::runCli(const QString& storePath, const QStringList& arguments) const {
    QProcess process;
    process.start(QStringLiteral(EARLYHELP_CLI_PATH),
                  QStringList{QStringLiteral("--store"), storePath, QStringLiteral("--user"), schoolUser,
                              QStringLiteral("--passphrase-stdin")} +
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

QString TestCliAuditAnchor::issueCode() const {
    const CommandResult issued = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("enrol-code"), QStringLiteral("--org"), m_organisationId},
        m_databaseLocation);
    return issued.exitCode == 0 ? issued.standardOutput.trimmed() : QString();
}

QList<ServerAnchor> TestCliAuditAnchor::serverAnchors() const {
    QList<ServerAnchor> anchors;
    {
        QSqlDatabase database = openTestDatabase(m_databaseLocation, QStringLiteral("server-anchors"));
        QSqlQuery query(database);
        if (!query.exec(QStringLiteral("SELECT seq, hash, received_at FROM audit_anchor ORDER BY seq")))
            qWarning("Reading the server's anchors failed: %s", qPrintable(query.lastError().text()));
        while (query.next()) {
            anchors.append(ServerAnchor{query.value(0).toLongLong(),
                                        QByteArray::fromHex(query.value(1).toString().toLatin1()),
                                        query.value(2).toLongLong()});
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("server-anchors"));
    return anchors;
}

QByteArray TestCliAuditAnchor::localHash(qint64 sequence) const {
    auto unlocked = unlockWithPassphrase(m_store, schoolUser, passphraseSecret());
    if (!unlocked)
        return {};
    QSqlQuery query(unlocked->store->database());
    query.prepare(QStringLiteral("SELECT hash FROM audit_event WHERE seq = ?"));
    query.addBindValue(sequence);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toByteArray();
}

qint64 TestCliAuditAnchor::localHeadSequence() const {
    auto unlocked = unlockWithPassphrase(m_store, schoolUser, passphraseSecret());
    if (!unlocked)
        return -1;
    QSqlQuery query(unlocked->store->database());
    if (!query.exec(QStringLiteral("SELECT seq FROM audit_head WHERE id = 1")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QString TestCliAuditAnchor::localChainProblem() const {
    auto unlocked = unlockWithPassphrase(m_store, schoolUser, passphraseSecret());
    if (!unlocked)
        return QStringLiteral("unlock failed: ") + unlocked.error().message;
    auto report = audit::verifyAuditChain(*unlocked->store);
    if (!report)
        return QStringLiteral("the check failed: ") + report.error().message;
    return report->intact ? QString() : report->problem;
}

sqlite3* TestCliAuditAnchor::openRaw() const {
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(m_store);
    if (!keyFile)
        return nullptr;
    Result<SecretBytes> key = keyFile->unlockWithPassphrase(schoolUser, passphraseSecret());
    if (!key)
        return nullptr;
    const QByteArray keySql =
        "PRAGMA key = \"x'" +
        QByteArray(reinterpret_cast<const char*>(key->data()), qsizetype(key->size())).toHex() + "'\";";
    sqlite3* connection = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(m_store).constData(), &connection, SQLITE_OPEN_READWRITE,
                        nullptr) != SQLITE_OK ||
        sqlite3_exec(connection, keySql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_close(connection);
        return nullptr;
    }
    return connection;
}

QString TestCliAuditAnchor::rewriteEvent(qint64 sequence, const QByteArray& details) const {
    sqlite3* connection = openRaw();
    if (!connection)
        return QStringLiteral("the store could not be opened with the raw library");
    auto failed = [connection](const char* step) {
        const QString message = QStringLiteral("%1 failed: %2")
                                    .arg(QLatin1String(step), QString::fromUtf8(sqlite3_errmsg(connection)));
        sqlite3_exec(connection, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(connection);
        return message;
    };
    if (sqlite3_exec(connection, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return failed("BEGIN");

    QByteArray previousHash(audit::chainHashSize, '\0');
    sqlite3_stmt* statement = nullptr;
    if (sequence > 1) {
        sqlite3_prepare_v2(connection, "SELECT hash FROM audit_event WHERE seq = ?", -1, &statement, nullptr);
        sqlite3_bind_int64(statement, 1, sequence - 1);
        if (sqlite3_step(statement) != SQLITE_ROW) {
            sqlite3_finalize(statement);
            return failed("reading the previous hash");
        }
        previousHash = columnBytes(statement, 0);
        sqlite3_finalize(statement);
    }

    QList<RawEvent> events;
    sqlite3_prepare_v2(
        connection,
        "SELECT seq, at, user_name, role_code, action, record_type, record_id, family_id, person_id, "
        "details, details_salt, details_digest FROM audit_event WHERE seq >= ? ORDER BY seq",
        -1, &statement, nullptr);
    sqlite3_bind_int64(statement, 1, sequence);
    while (sqlite3_step(statement) == SQLITE_ROW) {
        RawEvent event;
        event.sequence = sqlite3_column_int64(statement, 0);
        event.at = columnBytes(statement, 1);
        event.user = columnBytes(statement, 2);
        event.roleCode = columnBytes(statement, 3);
        event.action = columnBytes(statement, 4);
        event.recordType = columnBytes(statement, 5);
        event.recordId = columnBytes(statement, 6);
        event.familyId = columnBytes(statement, 7);
        event.personId = columnBytes(statement, 8);
        event.details = columnBytes(statement, 9);
        event.salt = columnBytes(statement, 10);
        event.digest = columnBytes(statement, 11);
        events.append(event);
    }
    sqlite3_finalize(statement);
    if (events.isEmpty() || events.first().sequence != sequence)
        return failed("reading the events to rewrite");

    events.first().details = details;
    events.first().digest = audit::detailsDigest(events.first().salt, details);

    sqlite3_prepare_v2(
        connection,
        "UPDATE audit_event SET details = ?, details_digest = ?, prev_hash = ?, hash = ? WHERE seq = ?", -1,
        &statement, nullptr);
    for (const RawEvent& event : std::as_const(events)) {
        audit::ChainFields fields;
        fields.sequence = event.sequence;
        fields.at = event.at;
        fields.user = event.user;
        fields.roleCode = event.roleCode;
        fields.action = event.action;
        fields.recordType = event.recordType;
        fields.recordId = event.recordId;
        fields.familyId = event.familyId;
        fields.personId = event.personId;
        fields.detailsDigest = event.digest;
        const QByteArray hash = audit::chainHash(previousHash, fields);

        sqlite3_reset(statement);
        sqlite3_bind_text(statement, 1, event.details.constData(), int(event.details.size()),
                          SQLITE_TRANSIENT);
        sqlite3_bind_blob(statement, 2, event.digest.constData(), int(event.digest.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(statement, 3, previousHash.constData(), int(previousHash.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(statement, 4, hash.constData(), int(hash.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(statement, 5, event.sequence);
        if (sqlite3_step(statement) != SQLITE_DONE) {
            sqlite3_finalize(statement);
            return failed("rewriting an event");
        }
        previousHash = hash;
    }
    sqlite3_finalize(statement);

    sqlite3_prepare_v2(connection, "UPDATE audit_head SET hash = ? WHERE id = 1", -1, &statement, nullptr);
    sqlite3_bind_blob(statement, 1, previousHash.constData(), int(previousHash.size()), SQLITE_TRANSIENT);
    const int headCode = sqlite3_step(statement);
    sqlite3_finalize(statement);
    if (headCode != SQLITE_DONE)
        return failed("rewriting the head");
    if (sqlite3_exec(connection, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        return failed("COMMIT");
    sqlite3_close(connection);
    return QString();
}

QString TestCliAuditAnchor::truncateTrail(qint64 sequence) const {
    sqlite3* connection = openRaw();
    if (!connection)
        return QStringLiteral("the store could not be opened with the raw library");
    const QByteArray sql =
        "BEGIN IMMEDIATE; DELETE FROM audit_event WHERE seq > " + QByteArray::number(sequence) +
        "; UPDATE audit_head SET seq = " + QByteArray::number(sequence) +
        ", hash = (SELECT hash FROM audit_event WHERE seq = " + QByteArray::number(sequence) +
        ") WHERE id = 1; COMMIT;";
    QString error;
    if (sqlite3_exec(connection, sql.constData(), nullptr, nullptr, nullptr) != SQLITE_OK)
        error = QString::fromUtf8(sqlite3_errmsg(connection));
    sqlite3_close(connection);
    return error;
}

void TestCliAuditAnchor::initTestCase() {
    if (qEnvironmentVariableIsEmpty("WITH_KEYRING_FOLDER"))
        QSKIP("needs the private keyring of scripts/with-keyring");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(makeTestCertificates(m_dir.path(), QStringLiteral("anchor"), m_certificates, error),
             qPrintable(error));

    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (postgresBin.isEmpty()) {
        m_databaseLocation = m_dir.filePath(QStringLiteral("server.db"));
    } else {
        m_postgres = std::make_unique<PostgresCluster>(postgresBin);
        QVERIFY2(m_postgres->start(error), qPrintable(error));
        m_databaseLocation = m_postgres->createDatabase(error);
        QVERIFY2(!m_databaseLocation.isEmpty(), qPrintable(error));
    }

    const CommandResult added = runServerCommand({QStringLiteral("admin"), QStringLiteral("org"),
                                                  QStringLiteral("add"), QStringLiteral("--name"), schoolName,
                                                  QStringLiteral("--party-type"), QStringLiteral("school")},
                                                 m_databaseLocation);
    QVERIFY2(added.exitCode == 0, qPrintable(added.standardError));
    m_organisationId = added.standardOutput.trimmed();
    const CommandResult published =
        runServerCommand({QStringLiteral("admin"), QStringLiteral("agreement"), QStringLiteral("publish"),
                          QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")},
                         m_databaseLocation);
    QVERIFY2(published.exitCode == 0, qPrintable(published.standardError));
    QVERIFY2(m_server.start(m_databaseLocation, m_certificates, error), qPrintable(error));

    // A store with families imported from a generated CTF file, signed up to
    // the bundled agreement so that sync pushes its records.
    m_store = m_dir.filePath(QStringLiteral("school.ehstore"));
    const CliRun init = runCli(m_store, {QStringLiteral("init"), QStringLiteral("--school"), schoolName,
                                         QStringLiteral("--urn"), QStringLiteral("199990")});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    const QString ctfPath = m_dir.filePath(QStringLiteral("pupils.xml"));
    {
        QFile ctf(ctfPath);
        QVERIFY(ctf.open(QIODevice::WriteOnly));
        testsupport::GeneratedCtfOptions options;
        options.pupils = 3;
        options.schoolName = schoolName;
        ctf.write(testsupport::generateCtf(options));
    }
    const CliRun imported = runCli(m_store, {QStringLiteral("import"), ctfPath});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const CliRun install = runCli(m_store, {QStringLiteral("agreement"), QStringLiteral("install"),
                                            QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")});
    QVERIFY2(install.exitCode == 0, qPrintable(install.err));
    const CliRun accept =
        runCli(m_store, {QStringLiteral("agreement"), QStringLiteral("accept"), QStringLiteral("--version"),
                         QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("Jo Whitfield"),
                         QStringLiteral("--role"), QStringLiteral("Headteacher")});
    QVERIFY2(accept.exitCode == 0, qPrintable(accept.err));

    // Sync sends only families with a basis for sharing: here a parent's
    // consent to share the child's personal data with the Children's Trust.
    auto unlocked = unlockWithPassphrase(m_store, schoolUser, passphraseSecret());
    QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message));
    QSqlQuery query(unlocked->store->database());
    QVERIFY2(query.exec(QStringLiteral(
                 "SELECT c.family_id, c.person_id, a.person_id FROM family_member c JOIN family_member a "
                 "ON a.family_id = c.family_id AND a.role = 'adult' AND a.parental_responsibility = 1 "
                 "WHERE c.role = 'child' ORDER BY c.family_id LIMIT 1")),
             qPrintable(query.lastError().text()));
    QVERIFY(query.next());
    m_childId = query.value(1).toString();
    Consent consent;
    consent.familyId = query.value(0).toString();
    consent.subjectPersonId = m_childId;
    consent.givenByPersonId = query.value(2).toString();
    consent.purposes = {QStringLiteral("safeguarding")};
    consent.recipients = {{ConsentRecipient::Kind::PartyType, QStringLiteral("childrens_trust")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate::currentDate();
    query.finish();
    auto created = ConsentRepository(*unlocked->store).createConsent(unlocked->actor, consent);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
}

void TestCliAuditAnchor::verifyWithoutEnrolmentSkipsAnchors() {
    const CliRun verified = runCli(m_store, {QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
    QVERIFY2(verified.out.contains(QStringLiteral("events verified")), qPrintable(verified.out));
    QVERIFY2(
        verified.out.contains(QStringLiteral("Audit trail anchors: not checked, because %1 is not enrolled "
                                             "with a sync server.")
                                  .arg(m_store)),
        qPrintable(verified.out));

    const CliRun enrol =
        runCli(m_store, {QStringLiteral("enrol"), QStringLiteral("https://127.0.0.1:%1").arg(m_server.port()),
                         issueCode(), QStringLiteral("--ca-cert"), m_certificates.caCertificate});
    QVERIFY2(enrol.exitCode == 0, qPrintable(enrol.err));
    QVERIFY(serverAnchors().isEmpty());
}

void TestCliAuditAnchor::syncSendsAuditHead() {
    const CliRun synced = runCli(m_store, {QStringLiteral("sync")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QVERIFY2(!synced.out.contains(QStringLiteral("Pushed: 0\n")), qPrintable(synced.out));

    // Every batch of one sync carries the same head, because pushing writes
    // no audit event. Applying the pulled records adds events, and the head
    // after them follows in a push of its own, so the whole trail as it
    // stood at the end of the sync is anchored.
    const QList<ServerAnchor> anchors = serverAnchors();
    QVERIFY(!anchors.isEmpty());
    QVERIFY(anchors.size() <= 2);
    QVERIFY(anchors.first().sequence > 2);
    QCOMPARE(anchors.last().sequence, localHeadSequence());
    for (const ServerAnchor& anchor : anchors) {
        QCOMPARE(anchor.hash.size(), 32);
        QCOMPARE(localHash(anchor.sequence).toHex(), anchor.hash.toHex());
    }
}

void TestCliAuditAnchor::verifyCountsMatchingAnchors() {
    // A second sync after an edit anchors a later head.
    auto unlocked = unlockWithPassphrase(m_store, schoolUser, passphraseSecret());
    QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message));
    {
        QSqlQuery edit(unlocked->store->database());
        edit.prepare(QStringLiteral("UPDATE person SET preferred_forename = 'Sam' WHERE id = ?"));
        edit.addBindValue(m_childId);
        QVERIFY2(edit.exec(), qPrintable(edit.lastError().text()));
        QCOMPARE(edit.numRowsAffected(), 1);
    }
    unlocked->store.reset();
    const qsizetype before = serverAnchors().size();
    const CliRun synced = runCli(m_store, {QStringLiteral("sync")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QVERIFY2(synced.out.contains(QStringLiteral("Pushed: 1\n")), qPrintable(synced.out));
    const QList<ServerAnchor> anchors = serverAnchors();
    QVERIFY(anchors.size() > before);
    QVERIFY(anchors.last().sequence > anchors.at(before - 1).sequence);

    const CliRun verified = runCli(m_store, {QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
    QVERIFY2(verified.out.contains(
                 QStringLiteral("Audit trail anchored: %1 of the server's anchors match.").arg(anchors.size())),
             qPrintable(verified.out));
}

void TestCliAuditAnchor::syncWithNothingToPushAnchorsHead() {
    // The command's own unlock event moves the head, and nothing waits in
    // the outbox, so the head goes to the server in a push of no changes.
    const qsizetype before = serverAnchors().size();
    const CliRun synced = runCli(m_store, {QStringLiteral("sync")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QVERIFY2(synced.out.contains(QStringLiteral("Pushed: 0\n")), qPrintable(synced.out));
    const QList<ServerAnchor> anchors = serverAnchors();
    QCOMPARE(anchors.size(), before + 1);
    QCOMPARE(anchors.last().sequence, localHeadSequence());
    QCOMPARE(localHash(anchors.last().sequence).toHex(), anchors.last().hash.toHex());
}

void TestCliAuditAnchor::erasureKeepsAnchorsMatching() {
    const QList<ServerAnchor> anchors = serverAnchors();
    QVERIFY(anchors.size() >= 2);

    // Erasing the child blanks the details of the anchored events about
    // them, but not their hashes.
    qint64 erasedBeforeAnchor = 0;
    {
        auto unlocked = unlockWithPassphrase(m_store, schoolUser, passphraseSecret());
        QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message));
        auto outcome =
            retention::Erasure(*unlocked->store)
                .erasePerson(unlocked->actor, m_childId, QStringLiteral("Erasure request ER-2026-21"));
        QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
        QSqlQuery query(unlocked->store->database());
        query.prepare(
            QStringLiteral("SELECT COUNT(*) FROM audit_event WHERE erased_by_seq IS NOT NULL AND seq <= ?"));
        query.addBindValue(anchors.first().sequence);
        QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
        erasedBeforeAnchor = query.value(0).toLongLong();
    }
    QVERIFY(erasedBeforeAnchor > 0);
    QCOMPARE(localHash(anchors.first().sequence).toHex(), anchors.first().hash.toHex());

    const CliRun verified = runCli(m_store, {QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
    QVERIFY2(verified.out.contains(QStringLiteral("were erased with a person's data")),
             qPrintable(verified.out));
    QVERIFY2(verified.out.contains(
                 QStringLiteral("Audit trail anchored: %1 of the server's anchors match.").arg(anchors.size())),
             qPrintable(verified.out));
}

void TestCliAuditAnchor::rewrittenTrailFailsVerify() {
    const QList<ServerAnchor> anchors = serverAnchors();
    QVERIFY(anchors.size() >= 2);
    const ServerAnchor first = anchors.first();

    // Event 2 comes before every anchor, so they all differ from now on, and
    // verify names the oldest.
    QCOMPARE(rewriteEvent(2, QByteArrayLiteral("{\"method\":\"keychain\"}")), QString());
    QCOMPARE(localChainProblem(), QString());
    QVERIFY(localHash(first.sequence) != first.hash);

    const CliRun verified = runCli(m_store, {QStringLiteral("verify")});
    QCOMPARE(verified.exitCode, 1);
    const QString date = QDateTime::fromMSecsSinceEpoch(first.receivedAt, Qt::UTC)
                             .toLocalTime()
                             .toString(QStringLiteral("dd/MM/yyyy"));
    const QString expected =
        QStringLiteral("event %1 does not match the hash the sync server recorded on %2: the "
                       "audit trail was rewritten after that date")
            .arg(first.sequence)
            .arg(date);
    QVERIFY2(verified.err.contains(expected), qPrintable(verified.err));
    // The local check itself passed.
    QVERIFY2(verified.out.contains(QStringLiteral("events verified")), qPrintable(verified.out));
}

void TestCliAuditAnchor::truncatedTrailFailsVerify() {
    const QList<ServerAnchor> anchors = serverAnchors();
    QVERIFY(!anchors.isEmpty());
    const ServerAnchor first = anchors.first();

    // Cutting the trail back to event 1 removes the rewritten events too,
    // and the local check passes again.
    QCOMPARE(truncateTrail(1), QString());
    QCOMPARE(localChainProblem(), QString());

    const CliRun verified = runCli(m_store, {QStringLiteral("verify")});
    QCOMPARE(verified.exitCode, 1);
    const QString date = QDateTime::fromMSecsSinceEpoch(first.receivedAt, Qt::UTC)
                             .toLocalTime()
                             .toString(QStringLiteral("dd/MM/yyyy"));
    const QString expected =
        QStringLiteral("the audit trail ends at event 1, but the sync server recorded event %1 on %2")
            .arg(first.sequence)
            .arg(date);
    QVERIFY2(verified.err.contains(expected), qPrintable(verified.err));
}

void TestCliAuditAnchor::unreachableServerSkipsAnchors() {
    QVERIFY(m_server.stop());

    // The local check passes on the cut trail, so verify exits 0 and prints
    // that the anchors were not checked.
    const CliRun verified = runCli(m_store, {QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
    QVERIFY2(verified.out.contains(QStringLiteral("Audit trail: 1 events verified.")),
             qPrintable(verified.out));
    QVERIFY2(
        verified.out.contains(QStringLiteral("Audit trail anchors: not checked, because the sync server's "
                                             "anchors could not be read.")),
        qPrintable(verified.out));
    QCOMPARE(verified.out.count(QStringLiteral("Audit trail anchors")), 1);
}

QTEST_MAIN(TestCliAuditAnchor)
#include "tst_cliauditanchor.moc"
