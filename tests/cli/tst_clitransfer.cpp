// Runs the real earlyhelp-cli binary to move a pupil's safeguarding file
// from one school's store to another's.

#include "support/ctfgenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray passphrase = QByteArrayLiteral("a long test passphrase\n");

} // namespace

class TestCliTransfer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void exportPrintsCodeOnce();
    void wrongCodeImportsNothing();
    void importWritesReceipt();
    void secondImportFails();
    void confirmRecordsReceipt();
    void forgedReceiptFails();

private:
    CliRun runCli(const QString& store, const QStringList& arguments) const;
    [[nodiscard]] QString sendingStore() const { return m_dir.filePath(QStringLiteral("sending.ehstore")); }
    [[nodiscard]] QString receivingStore() const { return m_dir.filePath(QStringLiteral("receiving.ehstore")); }
    [[nodiscard]] QString packagePath() const { return m_dir.filePath(QStringLiteral("pupil.ehsg")); }
    [[nodiscard]] QString receiptPath() const { return m_dir.filePath(QStringLiteral("receipt.json")); }
    [[nodiscard]] QJsonArray listTransfers(const QString& store) const;

    QTemporaryDir m_dir;
    QJsonObject m_pupil;
    QString m_code;
};

CliRun TestCliTransfer::runCli(const QString& store, const QStringList& arguments) const {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(EARLYHELP_CLI_PATH),
                  QStringList{QStringLiteral("--store"), store, QStringLiteral("--passphrase-stdin")} + arguments);
    if (!process.waitForStarted())
        return {};
    process.write(passphrase);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonArray TestCliTransfer::listTransfers(const QString& store) const {
    const CliRun list = runCli(store, {QStringLiteral("transfer"), QStringLiteral("list"), QStringLiteral("--json")});
    if (list.exitCode != 0)
        qWarning("transfer list failed: %s", qUtf8Printable(list.err));
    return QJsonDocument::fromJson(list.out.toUtf8()).array();
}

void TestCliTransfer::initTestCase() {
    QVERIFY(m_dir.isValid());
    const CliRun sendingInit = runCli(sendingStore(), {QStringLiteral("init"), QStringLiteral("--school"),
                                                       QStringLiteral("Sending Primary School"), QStringLiteral("--urn"),
                                                       QStringLiteral("199990"), QStringLiteral("--user"),
                                                       QStringLiteral("Sending Lead")});
    QVERIFY2(sendingInit.exitCode == 0, qPrintable(sendingInit.err));
    const CliRun receivingInit = runCli(receivingStore(), {QStringLiteral("init"), QStringLiteral("--school"),
                                                           QStringLiteral("Receiving Academy"), QStringLiteral("--urn"),
                                                           QStringLiteral("199991"), QStringLiteral("--user"),
                                                           QStringLiteral("Receiving Lead")});
    QVERIFY2(receivingInit.exitCode == 0, qPrintable(receivingInit.err));

    earlyhelp::testsupport::GeneratedCtfOptions options;
    options.pupils = 3;
    options.seed = 11;
    const QString ctfPath = m_dir.filePath(QStringLiteral("pupils.xml"));
    QFile ctf(ctfPath);
    QVERIFY(ctf.open(QIODevice::WriteOnly));
    ctf.write(earlyhelp::testsupport::generateCtf(options));
    ctf.close();
    const CliRun import = runCli(sendingStore(), {QStringLiteral("import"), ctfPath});
    QVERIFY2(import.exitCode == 0, qPrintable(import.err));

    const CliRun people = runCli(sendingStore(), {QStringLiteral("list"), QStringLiteral("people"),
                                                  QStringLiteral("--json")});
    QVERIFY2(people.exitCode == 0, qPrintable(people.err));
    for (const QJsonValue& person : QJsonDocument::fromJson(people.out.toUtf8()).array())
        if (person.toObject().value(QStringLiteral("pupil")).toBool()) {
            m_pupil = person.toObject();
            break;
        }
    QVERIFY(!m_pupil.isEmpty());
}

void TestCliTransfer::usageErrorsExitTwo_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no subcommand") << QStringList{QStringLiteral("transfer")};
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("transfer"), QStringLiteral("send")};
    QTest::newRow("export without URN")
        << QStringList{QStringLiteral("transfer"), QStringLiteral("export"), QStringLiteral("some-id"),
                       QStringLiteral("--out"), QStringLiteral("x.ehsg")};
    QTest::newRow("import without code")
        << QStringList{QStringLiteral("transfer"), QStringLiteral("import"), QStringLiteral("x.ehsg")};
    QTest::newRow("confirm without receipt") << QStringList{QStringLiteral("transfer"), QStringLiteral("confirm")};
}

void TestCliTransfer::usageErrorsExitTwo() {
    QFETCH(QStringList, arguments);
    const CliRun run = runCli(sendingStore(), arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QStringLiteral("earlyhelp-cli: ")), qPrintable(run.err));
}

void TestCliTransfer::exportPrintsCodeOnce() {
    const CliRun exported = runCli(sendingStore(), {QStringLiteral("transfer"), QStringLiteral("export"),
                                                    m_pupil.value(QStringLiteral("id")).toString(),
                                                    QStringLiteral("--to-urn"), QStringLiteral("199991"),
                                                    QStringLiteral("--out"), packagePath()});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    static const QRegularExpression codeLine(QStringLiteral("^Code: ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})$"),
                                             QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = codeLine.match(exported.out);
    QVERIFY2(match.hasMatch(), qPrintable(exported.out));
    m_code = match.captured(1);
    QCOMPARE(exported.out.count(m_code), 1);
    QVERIFY(exported.out.contains(QStringLiteral("by a different route than the file")));

    QFile package(packagePath());
    QVERIFY(package.open(QIODevice::ReadOnly));
    const QByteArray bytes = package.readAll();
    for (const QString& key : {QStringLiteral("forename"), QStringLiteral("surname"), QStringLiteral("upn")}) {
        const QString value = m_pupil.value(key).toString();
        QVERIFY(!value.isEmpty());
        QVERIFY2(!bytes.contains(value.toUtf8()), qPrintable(key));
    }
}

void TestCliTransfer::wrongCodeImportsNothing() {
    QVERIFY(!m_code.isEmpty());
    const CliRun imported = runCli(receivingStore(), {QStringLiteral("transfer"), QStringLiteral("import"),
                                                      packagePath(), QStringLiteral("--code"),
                                                      QStringLiteral("0000-0000-0000-0000-0000")});
    QCOMPARE(imported.exitCode, 1);
    QVERIFY2(imported.err.startsWith(QStringLiteral("earlyhelp-cli: The code does not open this package")),
             qPrintable(imported.err));
    const CliRun people = runCli(receivingStore(), {QStringLiteral("list"), QStringLiteral("people"),
                                                    QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(people.out.toUtf8()).array().size(), 0);
    QCOMPARE(listTransfers(receivingStore()).size(), 0);
}

void TestCliTransfer::importWritesReceipt() {
    QVERIFY(!m_code.isEmpty());
    const CliRun imported = runCli(receivingStore(), {QStringLiteral("transfer"), QStringLiteral("import"),
                                                      packagePath(), QStringLiteral("--code"), m_code.toLower(),
                                                      QStringLiteral("--receipt"), receiptPath()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.contains(QStringLiteral("from Sending Primary School (URN 199990)")), qPrintable(imported.out));
    QVERIFY(QFile::exists(receiptPath()));

    const CliRun people = runCli(receivingStore(), {QStringLiteral("list"), QStringLiteral("people"),
                                                    QStringLiteral("--json")});
    bool found = false;
    for (const QJsonValue& person : QJsonDocument::fromJson(people.out.toUtf8()).array()) {
        const QJsonObject object = person.toObject();
        if (object.value(QStringLiteral("upn")) == m_pupil.value(QStringLiteral("upn"))) {
            found = true;
            QCOMPARE(object.value(QStringLiteral("forename")), m_pupil.value(QStringLiteral("forename")));
            QCOMPARE(object.value(QStringLiteral("surname")), m_pupil.value(QStringLiteral("surname")));
            QCOMPARE(object.value(QStringLiteral("dateOfBirth")), m_pupil.value(QStringLiteral("dateOfBirth")));
        }
    }
    QVERIFY(found);

    const QJsonArray received = listTransfers(receivingStore());
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.first().toObject().value(QStringLiteral("direction")).toString(), QStringLiteral("received"));
    QCOMPARE(received.first().toObject().value(QStringLiteral("otherSchoolUrn")).toString(), QStringLiteral("199990"));
}

void TestCliTransfer::secondImportFails() {
    QVERIFY(!m_code.isEmpty());
    const CliRun again = runCli(receivingStore(), {QStringLiteral("transfer"), QStringLiteral("import"),
                                                   packagePath(), QStringLiteral("--code"), m_code});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QStringLiteral("a package is imported only once")), qPrintable(again.err));
    QCOMPARE(listTransfers(receivingStore()).size(), 1);
}

void TestCliTransfer::confirmRecordsReceipt() {
    QVERIFY(QFile::exists(receiptPath()));
    const QJsonArray before = listTransfers(sendingStore());
    QCOMPARE(before.size(), 1);
    QVERIFY(before.first().toObject().value(QStringLiteral("confirmedAt")).isNull());

    const CliRun confirmed = runCli(sendingStore(), {QStringLiteral("transfer"), QStringLiteral("confirm"),
                                                     receiptPath()});
    QVERIFY2(confirmed.exitCode == 0, qPrintable(confirmed.err));
    QVERIFY2(confirmed.out.startsWith(QStringLiteral("Receipt recorded: Receiving Academy (URN 199991)")),
             qPrintable(confirmed.out));

    const QJsonObject after = listTransfers(sendingStore()).first().toObject();
    QVERIFY(after.value(QStringLiteral("confirmedAt")).isString());
    QVERIFY(after.value(QStringLiteral("receiptAt")).isString());
    QCOMPARE(after.value(QStringLiteral("otherSchool")).toString(), QStringLiteral("Receiving Academy"));

    const CliRun text = runCli(sendingStore(), {QStringLiteral("transfer"), QStringLiteral("list")});
    QVERIFY2(text.out.contains(QStringLiteral("receipt recorded")), qPrintable(text.out));
}

void TestCliTransfer::forgedReceiptFails() {
    QFile genuine(receiptPath());
    QVERIFY(genuine.open(QIODevice::ReadOnly));
    QJsonObject receipt = QJsonDocument::fromJson(genuine.readAll()).object();
    receipt.insert(QStringLiteral("receivedAt"), QStringLiteral("2020-01-01T00:00:00.000Z"));
    const QString forgedPath = m_dir.filePath(QStringLiteral("forged.json"));
    QFile forged(forgedPath);
    QVERIFY(forged.open(QIODevice::WriteOnly));
    forged.write(QJsonDocument(receipt).toJson());
    forged.close();

    const CliRun confirmed = runCli(sendingStore(), {QStringLiteral("transfer"), QStringLiteral("confirm"), forgedPath});
    QCOMPARE(confirmed.exitCode, 1);
    QVERIFY2(confirmed.err.contains(QStringLiteral("does not verify")), qPrintable(confirmed.err));
}

QTEST_GUILESS_MAIN(TestCliTransfer)
#include "tst_clitransfer.moc"
