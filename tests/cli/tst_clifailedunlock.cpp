// Wrong passphrases given to separate earlyhelp-cli processes: the journal
// beside the key file keeps them, the next unlock records them in the audit
// trail, and the throttle counts them.

#include "audit/auditlog.h"
#include "keys/failedunlockjournal.h"
#include "keys/keyfile.h"
#include "keys/unlockthrottle.h"
#include "store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace earlyhelp;
using namespace std::chrono_literals;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray passphrase = QByteArrayLiteral("a long test passphrase");
const QByteArray wrongPassphrase = QByteArrayLiteral("a wrong guess at it");
const QString leadUser = QStringLiteral("Test Lead");
// The user name as typed: it matches the slot ignoring case, and the audit
// trail keeps the typed spelling.
const QString typedUser = QStringLiteral("test LEAD");

SecretBytes secret(const QByteArray& bytes) {
    return SecretBytes::copyOf(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace

class TestCliFailedUnlock : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void failuresRecordedAtNextUnlock();
    void unknownUserRecordedAtNextUnlock();
    void journalHidesUserAndPassphrase();
    void damagedRecordsRecordedUnreadable();
    void throttleCountsOtherProcesses();

private:
    [[nodiscard]] CliRun runCli(const QByteArray& stdinPassphrase, const QStringList& arguments) const;
    [[nodiscard]] CliRun listPeople(const QByteArray& stdinPassphrase) const;
    [[nodiscard]] QString storePath() const;
    [[nodiscard]] QString keyFilePath() const;
    [[nodiscard]] QString journalPath() const;
    // Returns the failed-unlock and unlock events, oldest first.
    [[nodiscard]] QList<audit::Event> unlockEvents() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

CliRun TestCliFailedUnlock::runCli(const QByteArray& stdinPassphrase, const QStringList& arguments) const {
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
    process.write(stdinPassphrase + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

CliRun TestCliFailedUnlock::listPeople(const QByteArray& stdinPassphrase) const {
    return runCli(stdinPassphrase,
                  {QStringLiteral("--user"), typedUser, QStringLiteral("list"), QStringLiteral("people")});
}

QString TestCliFailedUnlock::storePath() const {
    return m_dir->filePath(QStringLiteral("school.ehstore"));
}

QString TestCliFailedUnlock::keyFilePath() const {
    return QFileInfo(keys::KeyFile::pathForStore(storePath())).absoluteFilePath();
}

QString TestCliFailedUnlock::journalPath() const {
    return keys::FailedUnlockJournal::pathForKeyFile(keyFilePath());
}

QList<audit::Event> TestCliFailedUnlock::unlockEvents() const {
    // Opened with the key alone, so that reading records nothing.
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(storePath());
    if (!keyFile)
        return {};
    Result<SecretBytes> key = keyFile->unlockWithPassphrase(leadUser, secret(passphrase));
    if (!key)
        return {};
    Result<std::unique_ptr<Store>> store = Store::open(storePath(), *key);
    if (!store)
        return {};
    audit::Filter filter;
    filter.actions = {audit::Action::FailedUnlock, audit::Action::Unlock};
    filter.newestFirst = false;
    Result<QList<audit::Event>> found = audit::AuditLog(**store).query(filter);
    return found ? *found : QList<audit::Event>();
}

void TestCliFailedUnlock::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const CliRun created =
        runCli(passphrase, {QStringLiteral("init"), QStringLiteral("--school"),
                            QStringLiteral("Generated Primary School"), QStringLiteral("--urn"),
                            QStringLiteral("199990"), QStringLiteral("--user"), leadUser});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    QVERIFY(!QFile::exists(journalPath()));
}

void TestCliFailedUnlock::cleanup() {
    m_dir.reset();
}

void TestCliFailedUnlock::failuresRecordedAtNextUnlock() {
    const qsizetype before = unlockEvents().size();
    for (int i = 0; i < 2; ++i) {
        const CliRun wrong = listPeople(wrongPassphrase);
        QVERIFY2(wrong.exitCode != 0, qPrintable(wrong.out));
        QVERIFY2(wrong.err.contains(QStringLiteral("not correct")), qPrintable(wrong.err));
    }
    QVERIFY(QFile::exists(journalPath()));

    const CliRun right = listPeople(passphrase);
    QVERIFY2(right.exitCode == 0, qPrintable(right.err));
    QVERIFY2(!right.err.contains(QStringLiteral("not recorded")), qPrintable(right.err));

    const QList<audit::Event> events = unlockEvents().mid(before);
    QCOMPARE(events.size(), 3);
    for (int i = 0; i < 2; ++i) {
        const audit::Event& failed = events.at(i);
        QCOMPARE(failed.actionCode, QStringLiteral("failed-unlock"));
        QCOMPARE(failed.user, QString());
        QCOMPARE(failed.details.value(QStringLiteral("user")).toString(), typedUser);
        QCOMPARE(failed.details.value(QStringLiteral("via")).toString(), QStringLiteral("cli"));
        QVERIFY(!failed.details.contains(QStringLiteral("unreadable")));
        const QDateTime attemptedAt = QDateTime::fromString(
            failed.details.value(QStringLiteral("attemptedAt")).toString(), Qt::ISODateWithMs);
        QVERIFY(attemptedAt.isValid());
        QVERIFY(attemptedAt <= events.at(2).at);
    }
    QCOMPARE(events.at(2).actionCode, QStringLiteral("unlock"));
    QCOMPARE(events.at(2).user, leadUser);
    QCOMPARE(events.at(2).details.value(QStringLiteral("method")).toString(), QStringLiteral("passphrase"));

    QVERIFY2(!QFile::exists(journalPath()) || QFileInfo(journalPath()).size() == 0,
             qPrintable(journalPath()));

    // The next unlock records no failure again.
    const CliRun again = listPeople(passphrase);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    const QList<audit::Event> later = unlockEvents().mid(before + 3);
    QCOMPARE(later.size(), 1);
    QCOMPARE(later.first().actionCode, QStringLiteral("unlock"));
}

void TestCliFailedUnlock::unknownUserRecordedAtNextUnlock() {
    const qsizetype before = unlockEvents().size();
    const QString guessed = QStringLiteral("Guessed Name");
    const CliRun wrong =
        runCli(wrongPassphrase, {QStringLiteral("--user"), guessed, QStringLiteral("list"), QStringLiteral("people")});
    QVERIFY2(wrong.exitCode != 0, qPrintable(wrong.out));
    QVERIFY2(wrong.err.contains(QStringLiteral("No passphrase is set up for Guessed Name")), qPrintable(wrong.err));
    QVERIFY(QFile::exists(journalPath()));

    const CliRun right = listPeople(passphrase);
    QVERIFY2(right.exitCode == 0, qPrintable(right.err));
    const QList<audit::Event> events = unlockEvents().mid(before);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).actionCode, QStringLiteral("failed-unlock"));
    QCOMPARE(events.at(0).details.value(QStringLiteral("user")).toString(), guessed);
    QCOMPARE(events.at(1).actionCode, QStringLiteral("unlock"));
}

void TestCliFailedUnlock::journalHidesUserAndPassphrase() {
    const CliRun wrong = listPeople(wrongPassphrase);
    QVERIFY2(wrong.exitCode != 0, qPrintable(wrong.out));

    QFile journal(journalPath());
    QVERIFY(journal.open(QIODevice::ReadOnly));
    const QByteArray bytes = journal.readAll();
    QVERIFY(!bytes.isEmpty());
    QVERIFY2(!bytes.contains(typedUser.toUtf8()), bytes.constData());
    QVERIFY2(!bytes.toLower().contains("test lead"), bytes.constData());
    QVERIFY2(!bytes.contains(wrongPassphrase), bytes.constData());
    QVERIFY2(!bytes.contains(wrongPassphrase.toBase64()), bytes.constData());
    QVERIFY2(!bytes.contains(passphrase), bytes.constData());
    QCOMPARE(journal.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
}

void TestCliFailedUnlock::damagedRecordsRecordedUnreadable() {
    // Counted before the journal exists: unlockEvents() unlocks the key file,
    // which would add a success marker to a journal that has records.
    const qsizetype before = unlockEvents().size();
    for (int i = 0; i < 3; ++i) {
        const CliRun wrong = listPeople(wrongPassphrase);
        QVERIFY2(wrong.exitCode != 0, qPrintable(wrong.out));
    }

    QFile journal(journalPath());
    QVERIFY(journal.open(QIODevice::ReadOnly));
    QByteArray bytes = journal.readAll();
    journal.close();
    QList<QByteArray> lines = bytes.split('\n');
    QCOMPARE(lines.size(), 4); // three records and the empty rest after the last line ending
    // Flip one byte inside the first record's sealed part.
    QByteArray& first = lines[0];
    const qsizetype index = first.indexOf("\"sealed\":\"") + 30;
    first[index] = first.at(index) == 'A' ? 'B' : 'A';
    // Cut the third record short, without its line ending.
    lines[2] = lines.at(2).left(lines.at(2).size() / 2);
    lines.removeLast();
    bytes = lines.join('\n');
    QVERIFY(journal.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(journal.write(bytes), bytes.size());
    journal.close();

    const CliRun right = listPeople(passphrase);
    QVERIFY2(right.exitCode == 0, qPrintable(right.err));

    const QList<audit::Event> events = unlockEvents().mid(before);
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.at(0).actionCode, QStringLiteral("failed-unlock"));
    QVERIFY(events.at(0).details.value(QStringLiteral("unreadable")).toBool());
    QVERIFY(!events.at(0).details.value(QStringLiteral("problem")).toString().isEmpty());
    QVERIFY(!events.at(0).details.contains(QStringLiteral("user")));

    QCOMPARE(events.at(1).actionCode, QStringLiteral("failed-unlock"));
    QCOMPARE(events.at(1).details.value(QStringLiteral("user")).toString(), typedUser);
    QVERIFY(!events.at(1).details.contains(QStringLiteral("unreadable")));

    // The success marker of the right passphrase ends the cut line, so the
    // line reads as cut short rather than as the last, partly written one.
    QCOMPARE(events.at(2).actionCode, QStringLiteral("failed-unlock"));
    QVERIFY(events.at(2).details.value(QStringLiteral("unreadable")).toBool());
    QVERIFY2(events.at(2)
                 .details.value(QStringLiteral("problem"))
                 .toString()
                 .contains(QStringLiteral("cut short")),
             qPrintable(events.at(2).details.value(QStringLiteral("problem")).toString()));

    QCOMPARE(events.at(3).actionCode, QStringLiteral("unlock"));
    QVERIFY(!QFile::exists(journalPath()));
}

void TestCliFailedUnlock::throttleCountsOtherProcesses() {
    for (int i = 0; i < 4; ++i) {
        const CliRun wrong = listPeople(wrongPassphrase);
        QVERIFY2(wrong.exitCode != 0, qPrintable(wrong.out));
    }

    // A throttle of this process has seen none of the failures itself. Its
    // clock starts at the time of the last failure in the journal.
    Result<keys::JournalSnapshot> snapshot = keys::FailedUnlockJournal(keyFilePath()).read();
    QVERIFY2(snapshot, snapshot ? "" : qPrintable(snapshot.error().message));
    const keys::RecentFailures recent = keys::FailedUnlockJournal::recentFailures(*snapshot);
    QCOMPARE(recent.count, 4);
    QVERIFY(recent.last.isValid());
    std::chrono::system_clock::time_point now{std::chrono::milliseconds(recent.last.toMSecsSinceEpoch())};
    keys::UnlockThrottle throttle([&now] { return now; }, [](std::chrono::milliseconds) {});

    QCOMPARE(throttle.consecutiveFailures(keyFilePath()), 4);
    QCOMPARE(throttle.remainingDelay(keyFilePath()), 1000ms);
    now += 250ms;
    QCOMPARE(throttle.remainingDelay(keyFilePath()), 750ms);
    now += 750ms;
    QCOMPARE(throttle.remainingDelay(keyFilePath()), 0ms);

    // The right passphrase resets the count for every process.
    const CliRun right = listPeople(passphrase);
    QVERIFY2(right.exitCode == 0, qPrintable(right.err));
    QCOMPARE(throttle.consecutiveFailures(keyFilePath()), 0);
}

QTEST_GUILESS_MAIN(TestCliFailedUnlock)
#include "tst_clifailedunlock.moc"
