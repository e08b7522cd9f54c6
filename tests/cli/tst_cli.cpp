// Runs the real earlyhelp-cli binary as a school's IT script would.

#include "access/usermanagement.h"
#include "keys/keyfile.h"
#include "support/ctfgenerator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray passphrase = QByteArrayLiteral("a long test passphrase\n");

QByteArray sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void importedPupilsAreListedAsJson();
    void reimportChangesNothing();
    void wrongPassphraseFailsWithOneLine();
    void readOnlyUserListsButCannotImport();
    void keychainWithoutServiceFails();
    void fileThatIsNotCtfImportsNothing();
    void fileThatIsNotStoreIsLeftUnchanged();
    void verifyPasses();
    void defaultStoreIsInAppDataFolder();

private:
    CliRun runCli(const QStringList& arguments, const QByteArray& input = passphrase) const;
    QStringList storeArguments() const;

    QTemporaryDir m_dir;
    QString m_ctfPath;
};

CliRun TestCli::runCli(const QStringList& arguments, const QByteArray& input) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(EARLYHELP_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList TestCli::storeArguments() const
{
    return {QStringLiteral("--store"), m_dir.filePath(QStringLiteral("school.ehstore")),
            QStringLiteral("--passphrase-stdin")};
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    earlyhelp::testsupport::GeneratedCtfOptions options;
    options.pupils = 12;
    options.seed = 5;
    m_ctfPath = m_dir.filePath(QStringLiteral("pupils.xml"));
    QFile ctf(m_ctfPath);
    QVERIFY(ctf.open(QIODevice::WriteOnly));
    ctf.write(earlyhelp::testsupport::generateCtf(options));
    ctf.close();

    const CliRun init = runCli(storeArguments()
                               << QStringLiteral("init") << QStringLiteral("--school")
                               << QStringLiteral("Generated Primary School") << QStringLiteral("--urn")
                               << QStringLiteral("199990") << QStringLiteral("--user") << QStringLiteral("Test Lead"));
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("school.ehstore"))));

    const CliRun import = runCli(storeArguments() << QStringLiteral("import") << m_ctfPath);
    QVERIFY2(import.exitCode == 0, qPrintable(import.err));
    QVERIFY2(import.out.contains(QStringLiteral("pupils added 12,")), qPrintable(import.out));
}

void TestCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("list without what") << QStringList{QStringLiteral("list")};
    QTest::newRow("list of something else") << QStringList{QStringLiteral("list"), QStringLiteral("schools")};
    QTest::newRow("import without files") << QStringList{QStringLiteral("import")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour"), QStringLiteral("list")};
    QTest::newRow("keychain without user") << QStringList{QStringLiteral("keychain")};
    QTest::newRow("init without school") << QStringList{QStringLiteral("init"), QStringLiteral("--user"),
                                                        QStringLiteral("Someone")};
}

void TestCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    const CliRun run = runCli(storeArguments() + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QStringLiteral("earlyhelp-cli: ")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCli::importedPupilsAreListedAsJson()
{
    const CliRun list = runCli(storeArguments() << QStringLiteral("list") << QStringLiteral("people")
                                                << QStringLiteral("--json"));
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(list.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);

    const QByteArray ctf = [this] {
        QFile file(m_ctfPath);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    int pupils = 0;
    for (const QJsonValue& value : document.array()) {
        const QJsonObject person = value.toObject();
        if (!person.value(QStringLiteral("pupil")).toBool())
            continue;
        ++pupils;
        const QString upn = person.value(QStringLiteral("upn")).toString();
        QCOMPARE(upn.size(), 13);
        // Each listed pupil's UPN, surname and date of birth are those of the file.
        const qsizetype at = ctf.indexOf(QByteArray("<UPN>" + upn.toUtf8() + "</UPN>"));
        QVERIFY2(at >= 0, qPrintable(upn));
        const QByteArray record = ctf.mid(at, ctf.indexOf("</Pupil>", at) - at);
        auto element = [&person](const char* name, const char* key) {
            return QByteArray("<" + QByteArray(name) + ">"
                              + person.value(QLatin1StringView(key)).toString().toUtf8() + "</");
        };
        QVERIFY(record.contains(element("Surname", "surname")));
        QVERIFY(record.contains(element("Forename", "forename")));
        QVERIFY(record.contains(element("DOB", "dateOfBirth")));
    }
    QCOMPARE(pupils, 12);
}

void TestCli::reimportChangesNothing()
{
    const CliRun import = runCli(storeArguments() << QStringLiteral("import") << m_ctfPath);
    QVERIFY2(import.exitCode == 0, qPrintable(import.err));
    QVERIFY2(import.out.contains(QStringLiteral("pupils added 0, updated 0, unchanged 12,")), qPrintable(import.out));
}

void TestCli::wrongPassphraseFailsWithOneLine()
{
    const CliRun run = runCli(storeArguments() << QStringLiteral("list") << QStringLiteral("people"),
                              QByteArrayLiteral("not the passphrase\n"));
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err.count(u'\n'), 1);
    QVERIFY2(run.err.contains(QStringLiteral("passphrase"), Qt::CaseInsensitive), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCli::readOnlyUserListsButCannotImport()
{
    using namespace earlyhelp;
    const QString storePath = m_dir.filePath(QStringLiteral("school.ehstore"));
    const QByteArray leadPassphrase = passphrase.trimmed();
    const QByteArray readerPassphrase = QByteArrayLiteral("robin reads the chronology");
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(storePath);
    QVERIFY(keyFile);
    Result<SecretBytes> storeKey = keyFile->unlockWithPassphrase(
        QStringLiteral("Test Lead"),
        SecretBytes::copyOf(leadPassphrase.constData(), static_cast<std::size_t>(leadPassphrase.size())));
    QVERIFY(storeKey);
    const Status added = access::addUser(
        access::Actor{QStringLiteral("Test Lead"), QStringLiteral("lead")}, *keyFile, *storeKey,
        QStringLiteral("Robin Reed"), access::Role::ReadOnly,
        SecretBytes::copyOf(readerPassphrase.constData(), static_cast<std::size_t>(readerPassphrase.size())));
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));

    const QStringList asReader = storeArguments() << QStringLiteral("--user") << QStringLiteral("Robin Reed");
    const CliRun list = runCli(QStringList(asReader) << QStringLiteral("list") << QStringLiteral("people"),
                               readerPassphrase + '\n');
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    QVERIFY(!list.out.isEmpty());

    const CliRun import = runCli(QStringList(asReader) << QStringLiteral("import") << m_ctfPath,
                                 readerPassphrase + '\n');
    QCOMPARE(import.exitCode, 1);
    QVERIFY2(import.err.contains(QStringLiteral("cannot change case records")), qPrintable(import.err));
    QVERIFY(import.out.isEmpty());

    // Later tests unlock without --user, which needs a single user.
    QVERIFY(access::removeUser(access::Actor{QStringLiteral("Test Lead"), QStringLiteral("lead")}, *keyFile,
                               *storeKey, QStringLiteral("Robin Reed")));
}

void TestCli::keychainWithoutServiceFails()
{
    // runCli() removes the D-Bus session, so no Secret Service responds.
    const CliRun run = runCli(storeArguments() << QStringLiteral("--user") << QStringLiteral("Test Lead")
                                               << QStringLiteral("keychain"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("keychain"), Qt::CaseInsensitive), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

    const CliRun list = runCli(storeArguments() << QStringLiteral("list") << QStringLiteral("families"));
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
}

void TestCli::fileThatIsNotCtfImportsNothing()
{
    const QString notCtf = m_dir.filePath(QStringLiteral("admissions.xml"));
    QFile file(notCtf);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ATfile><Header/></ATfile>\n");
    file.close();
    const QStringList listPeople = storeArguments() << QStringLiteral("list") << QStringLiteral("people")
                                                    << QStringLiteral("--json");
    const CliRun before = runCli(listPeople);
    QCOMPARE(before.exitCode, 0);

    const CliRun run = runCli(storeArguments() << QStringLiteral("import") << notCtf);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("ATfile")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("Nothing was imported")), qPrintable(run.err));

    const CliRun after = runCli(listPeople);
    QCOMPARE(after.out, before.out);
}

void TestCli::fileThatIsNotStoreIsLeftUnchanged()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    const QByteArray before = sha256Of(path);

    const CliRun run = runCli({QStringLiteral("--store"), path, QStringLiteral("--passphrase-stdin"),
                               QStringLiteral("list"), QStringLiteral("people")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(path), qPrintable(run.err));
    QCOMPARE(sha256Of(path), before);
}

void TestCli::verifyPasses()
{
    const CliRun run = runCli(storeArguments() << QStringLiteral("verify"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("verified")));
}

void TestCli::defaultStoreIsInAppDataFolder()
{
    // The desktop app finds its store through the same core function, so a
    // store made here is the one the app opens.
    QTemporaryDir dataHome;
    QVERIFY(dataHome.isValid());
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), dataHome.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dataHome.filePath(QStringLiteral("config")));
    environment.remove(QStringLiteral("EARLYHELP_STORE"));
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(EARLYHELP_CLI_PATH),
                  {QStringLiteral("--passphrase-stdin"), QStringLiteral("init"), QStringLiteral("--school"),
                   QStringLiteral("Generated Primary School"), QStringLiteral("--urn"), QStringLiteral("199990"),
                   QStringLiteral("--user"), QStringLiteral("Test Lead")});
    QVERIFY(process.waitForStarted());
    process.write(passphrase);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QVERIFY(QFile::exists(dataHome.filePath(QStringLiteral("data/EarlyHelp/Early Help Case Manager/cases.ehstore"))));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
