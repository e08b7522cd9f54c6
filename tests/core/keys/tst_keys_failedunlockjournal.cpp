// The failed-unlock journal against real files in a temporary folder, and
// KeyFile writing to it: sealing, damaged and partly written lines, removal
// after an unlock, and the failure key of older key files.

#include "keys/failedunlockjournal.h"
#include "keys/keyfile.h"
#include "keys/unlockthrottle.h"

#include "keystestsupport.h"

#include <sys/stat.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace earlyhelp;
using namespace earlyhelp::keys;
using namespace keystest;
using namespace std::chrono_literals;

namespace {

const QString alice = QStringLiteral("alice.jones");
const QString alicePassphrase = QStringLiteral("correct horse battery staple");
// A user name as someone might type it by mistake: a passphrase in the user field.
const QString typedUser = QStringLiteral("tuesday rain over the allotment");

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool appendBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    return file.write(bytes) == bytes.size();
}

bool writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

const QDateTime firstAttempt = QDateTime(QDate(2026, 3, 2), QTime(9, 15), Qt::UTC);

} // namespace

class TestFailedUnlockJournal : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_folder;
    SecretBytes m_storeKey;

    QString keyFilePath() const { return m_folder->filePath(QStringLiteral("school.db.keys")); }

    // Appends count failures by typedUser, a minute apart from firstAttempt.
    void appendFailures(const FailedUnlockJournal& journal, int count) {
        for (int i = 0; i < count; ++i) {
            Status appended =
                journal.appendFailure(failurePublicKey(m_storeKey), typedUser, firstAttempt.addSecs(60 * i));
            QVERIFY2(appended, errorText(appended).constData());
        }
    }

    QList<FailedUnlockRecord> openAll(const FailedUnlockJournal& journal) {
        Result<JournalSnapshot> snapshot = journal.read();
        if (!snapshot)
            return {};
        return FailedUnlockJournal::openFailures(*snapshot, failureSecretKey(m_storeKey));
    }

private slots:
    void init() {
        m_folder = std::make_unique<QTemporaryDir>();
        QVERIFY(m_folder->isValid());
        m_storeKey = SecretBytes::random(32);
        setFailedUnlockClient(QStringLiteral("app"));
    }

    void failureKeysComeFromStoreKey() {
        QCOMPARE(failurePublicKey(m_storeKey).size(), qsizetype(failureKeyBytes));
        QCOMPARE(failurePublicKey(m_storeKey), failurePublicKey(m_storeKey));
        QVERIFY(failureSecretKey(m_storeKey).equals(failureSecretKey(m_storeKey)));
        QVERIFY(failurePublicKey(SecretBytes::random(32)) != failurePublicKey(m_storeKey));
        QVERIFY(failurePublicKey(SecretBytes::random(16)).isEmpty());
    }

    void recordsOpenWithStoreKey() {
        const FailedUnlockJournal journal(keyFilePath());
        setFailedUnlockClient(QStringLiteral("cli"));
        appendFailures(journal, 2);

        const QList<FailedUnlockRecord> records = openAll(journal);
        QCOMPARE(records.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(records.at(i).problem, QString());
            QCOMPARE(records.at(i).typedUser, typedUser);
            QCOMPARE(records.at(i).via, QStringLiteral("cli"));
            QCOMPARE(records.at(i).attemptedAt, firstAttempt.addSecs(60 * i));
        }
    }

    void journalHidesTypedUser() {
        const FailedUnlockJournal journal(keyFilePath());
        appendFailures(journal, 1);
        QCOMPARE(journal.path(), keyFilePath() + QStringLiteral(".failed-unlocks"));

        const QByteArray bytes = fileBytes(journal.path());
        QVERIFY(!bytes.isEmpty());
        for (const QByteArray& form : encodingsOf(typedUser.toUtf8()))
            QVERIFY2(!bytes.contains(form), bytes.constData());
        QVERIFY(!bytes.contains("tuesday"));
        // The time the throttle needs stays readable.
        QVERIFY2(bytes.contains("2026-03-02T09:15:00.000Z"), bytes.constData());
    }

    void recordLengthHidesNameLength()
    {
        const FailedUnlockJournal journal(keyFilePath());
        const QByteArray publicKey = failurePublicKey(m_storeKey);
        Status appended = journal.appendFailure(publicKey, QStringLiteral("sam"), firstAttempt);
        QVERIFY2(appended, errorText(appended).constData());
        appended = journal.appendFailure(publicKey, QStringLiteral("samantha.patel-okonkwo"), firstAttempt);
        QVERIFY2(appended, errorText(appended).constData());

        const QList<QByteArray> lines = fileBytes(journal.path()).split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).size(), lines.at(1).size());
        const QList<FailedUnlockRecord> records = openAll(journal);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).typedUser, QStringLiteral("sam"));
        QCOMPARE(records.at(1).typedUser, QStringLiteral("samantha.patel-okonkwo"));
    }

    void journalIsOwnerOnly() {
        const FailedUnlockJournal journal(keyFilePath());
        appendFailures(journal, 1);
        struct stat status {};
        QCOMPARE(::stat(QFile::encodeName(journal.path()).constData(), &status), 0);
        QCOMPARE(status.st_mode & 0777, mode_t(0600));
    }

    void otherStoreKeyDoesNotOpen() {
        const FailedUnlockJournal journal(keyFilePath());
        appendFailures(journal, 1);
        Result<JournalSnapshot> snapshot = journal.read();
        QVERIFY2(snapshot, errorText(snapshot).constData());
        const QList<FailedUnlockRecord> records =
            FailedUnlockJournal::openFailures(*snapshot, failureSecretKey(SecretBytes::random(32)));
        QCOMPARE(records.size(), 1);
        QVERIFY(!records.first().problem.isEmpty());
        QCOMPARE(records.first().typedUser, QString());
        QCOMPARE(records.first().attemptedAt, firstAttempt);
    }

    void flippedByteIsUnreadable() {
        const FailedUnlockJournal journal(keyFilePath());
        appendFailures(journal, 2);
        QByteArray bytes = fileBytes(journal.path());
        // A byte in the middle of the first record's sealed Base64.
        const qsizetype sealedAt = bytes.indexOf("\"sealed\":\"") + 10;
        const qsizetype index = sealedAt + 20;
        bytes[index] = bytes.at(index) == 'A' ? 'B' : 'A';
        QVERIFY(writeBytes(journal.path(), bytes));

        const QList<FailedUnlockRecord> records = openAll(journal);
        QCOMPARE(records.size(), 2);
        QVERIFY(!records.at(0).problem.isEmpty());
        QCOMPARE(records.at(0).typedUser, QString());
        QCOMPARE(records.at(1).problem, QString());
        QCOMPARE(records.at(1).typedUser, typedUser);
    }

    void partialLastLineIsUnreadable() {
        const FailedUnlockJournal journal(keyFilePath());
        appendFailures(journal, 2);
        const QByteArray bytes = fileBytes(journal.path());
        // Cut the second record short, as a crash during the write would.
        QVERIFY(writeBytes(journal.path(), bytes.left(bytes.size() - 30)));

        Result<JournalSnapshot> snapshot = journal.read();
        QVERIFY2(snapshot, errorText(snapshot).constData());
        QCOMPARE(snapshot->entries.size(), 2);
        QCOMPARE(snapshot->entries.at(0).kind, JournalEntry::Kind::Failure);
        QCOMPARE(snapshot->entries.at(1).kind, JournalEntry::Kind::Unreadable);

        const QList<FailedUnlockRecord> records = openAll(journal);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).typedUser, typedUser);
        QVERIFY(records.at(1).problem.contains(QStringLiteral("partly written")));
    }

    void appendAfterPartialLineStartsNewLine() {
        const FailedUnlockJournal journal(keyFilePath());
        QVERIFY(appendBytes(journal.path(), "{\"attemptedAt\":\"2026-03-0"));
        appendFailures(journal, 1);

        const QList<FailedUnlockRecord> records = openAll(journal);
        QCOMPARE(records.size(), 2);
        QVERIFY(!records.at(0).problem.isEmpty());
        QCOMPARE(records.at(1).problem, QString());
        QCOMPARE(records.at(1).typedUser, typedUser);
    }

    void recordWithoutFailureKeyKeepsTime() {
        const FailedUnlockJournal journal(keyFilePath());
        Status appended = journal.appendFailure(QByteArray(), typedUser, firstAttempt);
        QVERIFY2(appended, errorText(appended).constData());
        QVERIFY(!fileBytes(journal.path()).contains("tuesday"));

        const QList<FailedUnlockRecord> records = openAll(journal);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().attemptedAt, firstAttempt);
        QVERIFY(records.first().problem.contains(QStringLiteral("no failure key")));
    }

    void successMarkerResetsRecentFailures() {
        const FailedUnlockJournal journal(keyFilePath());
        Status marked = journal.appendSuccess(firstAttempt);
        QVERIFY2(marked, errorText(marked).constData());
        // No journal yet, so no marker is written.
        QVERIFY(!QFile::exists(journal.path()));

        appendFailures(journal, 3);
        marked = journal.appendSuccess(firstAttempt.addSecs(600));
        QVERIFY2(marked, errorText(marked).constData());
        Status appended =
            journal.appendFailure(failurePublicKey(m_storeKey), typedUser, firstAttempt.addSecs(900));
        QVERIFY2(appended, errorText(appended).constData());

        Result<JournalSnapshot> snapshot = journal.read();
        QVERIFY2(snapshot, errorText(snapshot).constData());
        const RecentFailures recent = FailedUnlockJournal::recentFailures(*snapshot);
        QCOMPARE(recent.count, 1);
        QCOMPARE(recent.last, firstAttempt.addSecs(900));
        // All four failures are still there for the audit trail.
        QCOMPARE(openAll(journal).size(), 4);
    }

    void removeSnapshotKeepsLaterLines() {
        const FailedUnlockJournal journal(keyFilePath());
        appendFailures(journal, 2);
        Result<JournalSnapshot> snapshot = journal.read();
        QVERIFY2(snapshot, errorText(snapshot).constData());

        Status appended =
            journal.appendFailure(failurePublicKey(m_storeKey), QStringLiteral("late"), firstAttempt);
        QVERIFY2(appended, errorText(appended).constData());
        Status removed = journal.removeSnapshot(*snapshot);
        QVERIFY2(removed, errorText(removed).constData());

        const QList<FailedUnlockRecord> records = openAll(journal);
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().typedUser, QStringLiteral("late"));

        Result<JournalSnapshot> rest = journal.read();
        QVERIFY2(rest, errorText(rest).constData());
        removed = journal.removeSnapshot(*rest);
        QVERIFY2(removed, errorText(removed).constData());
        QVERIFY(!QFile::exists(journal.path()));
    }

    void throttleCountsJournal() {
        const FailedUnlockJournal journal(keyFilePath());
        appendFailures(journal, 4);
        const QDateTime lastAttempt = firstAttempt.addSecs(180);
        std::chrono::system_clock::time_point now{std::chrono::milliseconds(lastAttempt.toMSecsSinceEpoch())};
        UnlockThrottle throttle([&now] { return now; }, [](std::chrono::milliseconds) {});

        QCOMPARE(throttle.consecutiveFailures(keyFilePath()), 4);
        QCOMPARE(throttle.remainingDelay(keyFilePath()), 1000ms);
        now += 400ms;
        QCOMPARE(throttle.remainingDelay(keyFilePath()), 600ms);
        now += 600ms;
        QCOMPARE(throttle.remainingDelay(keyFilePath()), 0ms);

        Status marked = journal.appendSuccess(throttle.now());
        QVERIFY2(marked, errorText(marked).constData());
        QCOMPARE(throttle.consecutiveFailures(keyFilePath()), 0);
    }

    void keyFileJournalsWrongPassphrase() {
        KeyFileOptions options;
        options.passphraseCost = PassphraseCost::minimum();
        UnlockThrottle throttle;
        options.throttle = &throttle;
        const QString storePath = m_folder->filePath(QStringLiteral("school.db"));
        Result<NewKeyFile> created = KeyFile::create(storePath, alice, QStringLiteral("lead"),
                                                     secretFrom(alicePassphrase), false, options);
        QVERIFY2(created, errorText(created).constData());
        QCOMPARE(readJson(created->keyFile.path()).value(QStringLiteral("failureKey")).toString(),
                 QString::fromLatin1(failurePublicKey(created->storeKey).toBase64()));

        Result<SecretBytes> wrong = created->keyFile.unlockWithPassphrase(
            alice.toUpper(), secretFrom(QStringLiteral("not the passphrase")));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassphrase);

        const FailedUnlockJournal journal(created->keyFile.path());
        Result<JournalSnapshot> snapshot = journal.read();
        QVERIFY2(snapshot, errorText(snapshot).constData());
        const QList<FailedUnlockRecord> records =
            FailedUnlockJournal::openFailures(*snapshot, failureSecretKey(created->storeKey));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.first().problem, QString());
        QCOMPARE(records.first().typedUser, alice.toUpper());
        QCOMPARE(records.first().via, QStringLiteral("app"));
        QVERIFY(!fileBytes(journal.path()).contains("not the passphrase"));

        Result<SecretBytes> right = created->keyFile.unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY2(right, errorText(right).constData());
        QCOMPARE(throttle.consecutiveFailures(created->keyFile.path()), 0);
        Result<JournalSnapshot> marked = journal.read();
        QVERIFY2(marked, errorText(marked).constData());
        QCOMPARE(marked->entries.size(), 2);
        QCOMPARE(marked->entries.at(1).kind, JournalEntry::Kind::Success);
    }

    void unlockAddsMissingFailureKey() {
        KeyFileOptions options;
        options.passphraseCost = PassphraseCost::minimum();
        UnlockThrottle throttle;
        options.throttle = &throttle;
        const QString storePath = m_folder->filePath(QStringLiteral("school.db"));
        Result<NewKeyFile> created = KeyFile::create(storePath, alice, QStringLiteral("lead"),
                                                     secretFrom(alicePassphrase), false, options);
        QVERIFY2(created, errorText(created).constData());
        const QString path = created->keyFile.path();

        // A key file written before failure keys existed.
        QJsonObject root = readJson(path);
        QVERIFY(root.contains(QStringLiteral("failureKey")));
        root.remove(QStringLiteral("failureKey"));
        QVERIFY(writeJson(path, root));

        Result<KeyFile> opened = KeyFile::open(storePath, options);
        QVERIFY2(opened, errorText(opened).constData());
        Result<SecretBytes> wrong =
            opened->unlockWithPassphrase(alice, secretFrom(QStringLiteral("not it at all")));
        QVERIFY(!wrong);
        QVERIFY(!readJson(path).contains(QStringLiteral("failureKey")));

        Result<SecretBytes> right = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY2(right, errorText(right).constData());
        QCOMPARE(readJson(path).value(QStringLiteral("failureKey")).toString(),
                 QString::fromLatin1(failurePublicKey(*right).toBase64()));

        // The failure made before the key existed is kept, with its time only.
        Result<JournalSnapshot> snapshot = FailedUnlockJournal(path).read();
        QVERIFY2(snapshot, errorText(snapshot).constData());
        const QList<FailedUnlockRecord> records =
            FailedUnlockJournal::openFailures(*snapshot, failureSecretKey(*right));
        QCOMPARE(records.size(), 1);
        QVERIFY(records.first().attemptedAt.isValid());
        QVERIFY(records.first().problem.contains(QStringLiteral("no failure key")));
    }

    void badFailureKeyIsReplaced() {
        KeyFileOptions options;
        options.passphraseCost = PassphraseCost::minimum();
        UnlockThrottle throttle;
        options.throttle = &throttle;
        const QString storePath = m_folder->filePath(QStringLiteral("school.db"));
        Result<NewKeyFile> created = KeyFile::create(storePath, alice, QStringLiteral("lead"),
                                                     secretFrom(alicePassphrase), false, options);
        QVERIFY2(created, errorText(created).constData());
        const QString path = created->keyFile.path();

        QJsonObject root = readJson(path);
        root.insert(QStringLiteral("failureKey"), QStringLiteral("dG9vIHNob3J0"));
        QVERIFY(writeJson(path, root));

        Result<KeyFile> opened = KeyFile::open(storePath, options);
        QVERIFY2(opened, errorText(opened).constData());
        Result<SecretBytes> right = opened->unlockWithPassphrase(alice, secretFrom(alicePassphrase));
        QVERIFY2(right, errorText(right).constData());
        QCOMPARE(readJson(path).value(QStringLiteral("failureKey")).toString(),
                 QString::fromLatin1(failurePublicKey(*right).toBase64()));
    }
};

QTEST_GUILESS_MAIN(TestFailedUnlockJournal)
#include "tst_keys_failedunlockjournal.moc"
