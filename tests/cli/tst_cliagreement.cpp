// Runs "earlyhelp-cli agreement …" as a Trust administrator would: make a key
// pair, sign an agreement, verify and show it.

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(EARLYHELP_CLI_PATH), QStringList{QStringLiteral("agreement")} + arguments);
    if (!process.waitForStarted())
        return {};
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

const QString bundledAgreement = QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json");

} // namespace

class TestCliAgreement : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void bundledAgreementVerifies();
    void keygenWritesPrivateSecretKey();
    void keygenKeepsExistingFiles();
    void signThenVerifyWithOwnKey();
    void changedAgreementIsRejected();
    void invalidAgreementIsNotSigned();
    void showListsClauses();
    void unknownActionIsUsageError();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestCliAgreement::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::copy(bundledAgreement, path(QStringLiteral("agreement.json"))));
    const CliRun keygen = runCli(
        {QStringLiteral("keygen"), path(QStringLiteral("trust.pub")), path(QStringLiteral("trust.secret"))});
    QVERIFY2(keygen.exitCode == 0, qPrintable(keygen.err));
}

void TestCliAgreement::bundledAgreementVerifies() {
    const CliRun run = runCli({QStringLiteral("verify"), bundledAgreement});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("signature verified; agreement version 1, number of rules: 27.")),
             qPrintable(run.out));
}

void TestCliAgreement::keygenWritesPrivateSecretKey() {
    const QFileInfo secret(path(QStringLiteral("trust.secret")));
    QVERIFY(secret.exists());
    QCOMPARE(secret.size(), 88);
    QCOMPARE(secret.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    const QFileInfo publicKey(path(QStringLiteral("trust.pub")));
    QCOMPARE(publicKey.size(), 45); // 44 Base64 characters and a newline
}

void TestCliAgreement::keygenKeepsExistingFiles() {
    QFile secret(path(QStringLiteral("trust.secret")));
    QVERIFY(secret.open(QIODevice::ReadOnly));
    const QByteArray before = secret.readAll();
    secret.close();

    const CliRun run = runCli(
        {QStringLiteral("keygen"), path(QStringLiteral("other.pub")), path(QStringLiteral("trust.secret"))});

    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Choose a file that does not exist yet")), qPrintable(run.err));
    QVERIFY(secret.open(QIODevice::ReadOnly));
    QCOMPARE(secret.readAll(), before);
}

void TestCliAgreement::signThenVerifyWithOwnKey() {
    const QString document = path(QStringLiteral("agreement.json"));
    const CliRun sign = runCli({QStringLiteral("sign"), document, QStringLiteral("--secret-key"),
                                path(QStringLiteral("trust.secret"))});
    QVERIFY2(sign.exitCode == 0, qPrintable(sign.err));
    QVERIFY(QFileInfo::exists(document + u".sig"));

    const CliRun ownKey = runCli({QStringLiteral("verify"), document, QStringLiteral("--public-key"),
                                  path(QStringLiteral("trust.pub"))});
    QVERIFY2(ownKey.exitCode == 0, qPrintable(ownKey.err));

    // The built-in development key did not sign this copy.
    const CliRun builtInKey = runCli({QStringLiteral("verify"), document});
    QCOMPARE(builtInKey.exitCode, 1);
    QVERIFY2(builtInKey.err.contains(QStringLiteral("another key signed it")), qPrintable(builtInKey.err));
}

void TestCliAgreement::changedAgreementIsRejected() {
    const QString changed = path(QStringLiteral("changed.json"));
    QFile source(bundledAgreement);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray bytes = source.readAll();
    bytes.replace("\"basis\": \"never\"", "\"basis\": \"consent\"");
    QFile target(changed);
    QVERIFY(target.open(QIODevice::WriteOnly));
    target.write(bytes);
    target.close();
    QVERIFY(QFile::copy(bundledAgreement + u".sig", changed + u".sig"));

    const CliRun run = runCli({QStringLiteral("verify"), changed});

    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("changed after signing")), qPrintable(run.err));
}

void TestCliAgreement::invalidAgreementIsNotSigned() {
    const QString invalid = path(QStringLiteral("invalid.json"));
    QFile file(invalid);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"formatVersion\": 1, \"extra\": true}");
    file.close();

    const CliRun run = runCli({QStringLiteral("sign"), invalid, QStringLiteral("--secret-key"),
                               path(QStringLiteral("trust.secret"))});

    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("is not a valid agreement, so it was not signed")),
             qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(invalid + u".sig"));
}

void TestCliAgreement::showListsClauses() {
    const CliRun run = runCli({QStringLiteral("show"), bundledAgreement});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("not legal text")));
    QVERIFY(run.out.contains(
        QStringLiteral("S-health-special\tconsent_or_override\tart6_1_e\tart9_2_g_sch1_para18")));
    QVERIFY(run.out.contains(QStringLiteral("H-health-criminal\tnever")));
}

void TestCliAgreement::unknownActionIsUsageError() {
    const CliRun run = runCli({QStringLiteral("publish")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("unknown agreement command \"publish\"")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliAgreement)
#include "tst_cliagreement.moc"
