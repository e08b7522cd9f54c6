// Runs the store commands of "earlyhelp-cli agreement" (diff, install,
// status, accept) as a school's lead would, with agreements signed by a key
// pair made for the test, and reads the outcome back through core.

#include "access/usermanagement.h"
#include "cases/casestore.h"
#include "domain/fieldcatalogue.h"
#include "keys/keyfile.h"
#include "policy/signature.h"
#include "sharing/agreementregister.h"

#include <QDate>
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

const QString leadUser = QStringLiteral("Test Lead");
const QByteArray leadPassphrase = QByteArrayLiteral("a long test passphrase");
const QString deputyUser = QStringLiteral("Dana Deputy");
const QByteArray deputyPassphrase = QByteArrayLiteral("dana keeps the plans moving");

earlyhelp::SecretBytes secretOf(const QByteArray& text) {
    return earlyhelp::SecretBytes::copyOf(text.constData(), static_cast<std::size_t>(text.size()));
}

// The fields a rule for personal data covers: personal fields and fields
// whose category each record states.
QStringList personalFieldIds() {
    QStringList ids;
    for (const earlyhelp::FieldDefinition& field : earlyhelp::fieldCatalogue()) {
        if (!field.category || *field.category == earlyhelp::DataCategory::Personal)
            ids.append(field.id.toString());
    }
    return ids;
}

} // namespace

class TestCliAgreementStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void diffListsChangedFields();
    void diffAsJson();
    void diffOfIdenticalAgreements();
    void diffRejectsBadInput();
    void statusBeforeSignUp();
    void installRejectsForeignSignature();
    void installThenPending();
    void acceptUsageErrors_data();
    void acceptUsageErrors();
    void acceptRejectsInvalidInput_data();
    void acceptRejectsInvalidInput();
    void deputyCannotAccept();
    void leadAccepts();
    void newerVersionReplacesOlder();

private:
    [[nodiscard]] CliRun runCli(const QStringList& arguments, const QByteArray& input = {}) const;
    // Runs "agreement …" on the store as user, with the test's public key.
    [[nodiscard]] CliRun runOnStore(const QStringList& arguments, const QString& user = leadUser,
                                    const QByteArray& passphrase = leadPassphrase) const;
    [[nodiscard]] QString path(const QString& name) const { return m_dir.filePath(name); }
    [[nodiscard]] earlyhelp::sharing::AgreementState stateThroughCore() const;

    QTemporaryDir m_dir;
    QString m_storePath;
    QByteArray m_publicKey;
};

CliRun TestCliAgreementStore::runCli(const QStringList& arguments, const QByteArray& input) const {
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

CliRun TestCliAgreementStore::runOnStore(const QStringList& arguments, const QString& user,
                                         const QByteArray& passphrase) const {
    const QStringList options{QStringLiteral("--store"),
                              m_storePath,
                              QStringLiteral("--passphrase-stdin"),
                              QStringLiteral("--user"),
                              user,
                              QStringLiteral("--public-key"),
                              path(QStringLiteral("trust.pub")),
                              QStringLiteral("agreement")};
    return runCli(options + arguments, passphrase + '\n');
}

earlyhelp::sharing::AgreementState TestCliAgreementStore::stateThroughCore() const {
    earlyhelp::Result<earlyhelp::UnlockedStore> unlocked =
        earlyhelp::unlockWithPassphrase(m_storePath, leadUser, secretOf(leadPassphrase));
    if (!unlocked) {
        earlyhelp::sharing::AgreementState failed;
        failed.unavailableReason = unlocked.error().message;
        return failed;
    }
    return earlyhelp::sharing::AgreementRegister(*unlocked->store, m_publicKey).state();
}

void TestCliAgreementStore::initTestCase() {
    QVERIFY(m_dir.isValid());
    const CliRun keygen = runCli({QStringLiteral("agreement"), QStringLiteral("keygen"),
                                  path(QStringLiteral("trust.pub")), path(QStringLiteral("trust.secret"))});
    QVERIFY2(keygen.exitCode == 0, qPrintable(keygen.err));
    QFile publicKey(path(QStringLiteral("trust.pub")));
    QVERIFY(publicKey.open(QIODevice::ReadOnly));
    const earlyhelp::Result<QByteArray> decoded = earlyhelp::policy::decodePublicKey(publicKey.readAll());
    QVERIFY(decoded);
    m_publicKey = *decoded;

    // Version 1 is the bundled agreement. Version 2 shares personal data with
    // the children's trust on consent alone, and drops the voluntary sector's
    // personal data rule for safeguarding.
    QFile bundled(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json"));
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    const QByteArray first = bundled.readAll();
    QJsonObject second = QJsonDocument::fromJson(first).object();
    second.insert(QStringLiteral("agreementVersion"), 2);
    QJsonArray rules = second.value(QStringLiteral("rules")).toArray();
    bool changed = false;
    bool dropped = false;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        QJsonObject rule = rules.at(i).toObject();
        const bool safeguardingPersonal =
            rule.value(QStringLiteral("purpose")).toString() == u"safeguarding" &&
            rule.value(QStringLiteral("category")).toString() == u"personal";
        if (safeguardingPersonal &&
            rule.value(QStringLiteral("recipient")).toString() == u"childrens_trust") {
            QCOMPARE(rule.value(QStringLiteral("basis")).toString(), QStringLiteral("consent_or_override"));
            rule.insert(QStringLiteral("basis"), QStringLiteral("consent"));
            rules.replace(i, rule);
            changed = true;
        } else if (safeguardingPersonal &&
                   rule.value(QStringLiteral("recipient")).toString() == u"voluntary_sector") {
            QVERIFY(rule.value(QStringLiteral("basis")).toString() != u"never");
            rules.removeAt(i--);
            dropped = true;
        }
    }
    QVERIFY(changed && dropped);
    second.insert(QStringLiteral("rules"), rules);

    const QList<QPair<QString, QByteArray>> documents{
        {QStringLiteral("agreement-v1.json"), first},
        {QStringLiteral("agreement-v2.json"), QJsonDocument(second).toJson()}};
    for (const auto& [name, bytes] : documents) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        const CliRun sign = runCli({QStringLiteral("agreement"), QStringLiteral("sign"), path(name),
                                    QStringLiteral("--secret-key"), path(QStringLiteral("trust.secret"))});
        QVERIFY2(sign.exitCode == 0, qPrintable(sign.err));
    }

    m_storePath = path(QStringLiteral("school.ehstore"));
    const CliRun init = runCli({QStringLiteral("--store"), m_storePath, QStringLiteral("--passphrase-stdin"),
                                QStringLiteral("init"), QStringLiteral("--school"),
                                QStringLiteral("Generated Primary School"), QStringLiteral("--urn"),
                                QStringLiteral("199990"), QStringLiteral("--user"), leadUser},
                               leadPassphrase + '\n');
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));

    using namespace earlyhelp;
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(m_storePath);
    QVERIFY(keyFile);
    Result<SecretBytes> storeKey = keyFile->unlockWithPassphrase(leadUser, secretOf(leadPassphrase));
    QVERIFY(storeKey);
    const Status added = access::addUser(access::Actor{leadUser, QStringLiteral("lead")}, *keyFile, *storeKey,
                                         deputyUser, access::Role::Deputy, secretOf(deputyPassphrase));
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));
}

void TestCliAgreementStore::diffListsChangedFields() {
    const CliRun run =
        runCli({QStringLiteral("agreement"), QStringLiteral("diff"),
                path(QStringLiteral("agreement-v1.json")), path(QStringLiteral("agreement-v2.json")),
                QStringLiteral("--public-key"), path(QStringLiteral("trust.pub"))});

    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    const QStringList fields = personalFieldIds();
    QCOMPARE(lines.size(), 2 * fields.size());
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const QString& terms = lines.at(i);
        QVERIFY2(terms.startsWith(u"childrens_trust, safeguarding: " + fields.at(i) +
                                  u" (personal) terms changed;"),
                 qPrintable(terms));
        QVERIFY2(terms.contains(u"before: S-childrens-trust-personal, consent_or_override,"),
                 qPrintable(terms));
        QVERIFY2(terms.contains(u"after: S-childrens-trust-personal, consent,"), qPrintable(terms));

        const QString& stops = lines.at(fields.size() + i);
        QVERIFY2(stops.startsWith(u"voluntary_sector, safeguarding: " + fields.at(i) +
                                  u" (personal) stops being shareable;"),
                 qPrintable(stops));
        QVERIFY2(stops.endsWith(u"after: no rule"), qPrintable(stops));
    }
}

void TestCliAgreementStore::diffAsJson() {
    // From version 2 back to 1, the voluntary sector's fields become shareable.
    const CliRun run =
        runCli({QStringLiteral("agreement"), QStringLiteral("diff"),
                path(QStringLiteral("agreement-v2.json")), path(QStringLiteral("agreement-v1.json")),
                QStringLiteral("--public-key"), path(QStringLiteral("trust.pub")), QStringLiteral("--json")});

    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(document.value(QStringLiteral("fromVersion")).toInt(), 2);
    QCOMPARE(document.value(QStringLiteral("toVersion")).toInt(), 1);
    const QJsonArray changes = document.value(QStringLiteral("changes")).toArray();
    const QStringList fields = personalFieldIds();
    QCOMPARE(changes.size(), 2 * fields.size());
    const QJsonObject becomes = changes.at(fields.size()).toObject();
    QCOMPARE(becomes.value(QStringLiteral("fieldId")).toString(), fields.first());
    QCOMPARE(becomes.value(QStringLiteral("kind")).toString(), QStringLiteral("becomes-shareable"));
    QCOMPARE(becomes.value(QStringLiteral("recipientPartyType")).toString(),
             QStringLiteral("voluntary_sector"));
    QCOMPARE(becomes.value(QStringLiteral("purpose")).toString(), QStringLiteral("safeguarding"));
    QCOMPARE(becomes.value(QStringLiteral("category")).toString(), QStringLiteral("personal"));
    QVERIFY(becomes.value(QStringLiteral("before")).isNull());
    QCOMPARE(becomes.value(QStringLiteral("after")).toObject().value(QStringLiteral("clauseId")).toString(),
             QStringLiteral("S-voluntary-sector-personal"));
    const QJsonObject terms = changes.at(0).toObject();
    QCOMPARE(terms.value(QStringLiteral("kind")).toString(), QStringLiteral("terms-changed"));
    QCOMPARE(terms.value(QStringLiteral("before")).toObject().value(QStringLiteral("basis")).toString(),
             QStringLiteral("consent"));
}

void TestCliAgreementStore::diffOfIdenticalAgreements() {
    const CliRun run =
        runCli({QStringLiteral("agreement"), QStringLiteral("diff"),
                path(QStringLiteral("agreement-v1.json")), path(QStringLiteral("agreement-v1.json")),
                QStringLiteral("--public-key"), path(QStringLiteral("trust.pub"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("No field changes between agreement version 1 and version 1.\n"));
}

void TestCliAgreementStore::diffRejectsBadInput() {
    const CliRun oneFile = runCli(
        {QStringLiteral("agreement"), QStringLiteral("diff"), path(QStringLiteral("agreement-v1.json"))});
    QCOMPARE(oneFile.exitCode, 2);

    // The built-in development key did not sign the test's copies.
    const CliRun builtInKey =
        runCli({QStringLiteral("agreement"), QStringLiteral("diff"),
                path(QStringLiteral("agreement-v1.json")), path(QStringLiteral("agreement-v2.json"))});
    QCOMPARE(builtInKey.exitCode, 1);
    QVERIFY2(builtInKey.err.contains(u"another key signed it"), qPrintable(builtInKey.err));
    QVERIFY(builtInKey.out.isEmpty());
}

void TestCliAgreementStore::statusBeforeSignUp() {
    const CliRun run = runOnStore({QStringLiteral("status")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"In force: none. Your organisation has not signed up"), qPrintable(run.out));
    QVERIFY2(run.out.contains(u"Pending: none."), qPrintable(run.out));
}

void TestCliAgreementStore::installRejectsForeignSignature() {
    // Without --public-key the built-in key checks the file, and it did not sign it.
    const CliRun run = runCli({QStringLiteral("--store"), m_storePath, QStringLiteral("--passphrase-stdin"),
                               QStringLiteral("--user"), leadUser, QStringLiteral("agreement"),
                               QStringLiteral("install"), path(QStringLiteral("agreement-v1.json"))},
                              leadPassphrase + '\n');
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"another key signed it"), qPrintable(run.err));

    const CliRun status = runOnStore({QStringLiteral("status")});
    QVERIFY2(status.out.contains(u"Pending: none."), qPrintable(status.out));
}

void TestCliAgreementStore::installThenPending() {
    const CliRun install = runOnStore({QStringLiteral("install"), path(QStringLiteral("agreement-v1.json"))});
    QVERIFY2(install.exitCode == 0, qPrintable(install.err));
    QVERIFY2(install.out.startsWith(u"Installed agreement version 1 from"), qPrintable(install.out));

    const CliRun again = runOnStore({QStringLiteral("install"), path(QStringLiteral("agreement-v1.json"))});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(again.out.contains(u"already installed with the same content"), qPrintable(again.out));

    const CliRun status = runOnStore({QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    QVERIFY2(status.out.contains(u"In force: none."), qPrintable(status.out));
    QVERIFY2(status.out.contains(u"Pending: agreement version 1 is installed and not yet accepted."),
             qPrintable(status.out));
    QVERIFY(!stateThroughCore().inForce);
}

void TestCliAgreementStore::acceptUsageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    const QString version = QStringLiteral("--version");
    const QString name = QStringLiteral("--name");
    const QString role = QStringLiteral("--role");
    QTest::newRow("no name") << QStringList{version, QStringLiteral("1"), role,
                                            QStringLiteral("Headteacher")};
    QTest::newRow("no version") << QStringList{name, QStringLiteral("Helen Carter"), role,
                                               QStringLiteral("Headteacher")};
    QTest::newRow("version not a number")
        << QStringList{version, QStringLiteral("one"),        name, QStringLiteral("Helen Carter"),
                       role,    QStringLiteral("Headteacher")};
    QTest::newRow("date in UK form") << QStringList{version,
                                                    QStringLiteral("1"),
                                                    name,
                                                    QStringLiteral("Helen Carter"),
                                                    role,
                                                    QStringLiteral("Headteacher"),
                                                    QStringLiteral("--date"),
                                                    QStringLiteral("30/11/2026")};
    QTest::newRow("extra argument") << QStringList{
        QStringLiteral("now"),          version, QStringLiteral("1"),          name,
        QStringLiteral("Helen Carter"), role,    QStringLiteral("Headteacher")};
}

void TestCliAgreementStore::acceptUsageErrors() {
    QFETCH(QStringList, arguments);
    const CliRun run = runOnStore(QStringList{QStringLiteral("accept")} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
}

void TestCliAgreementStore::acceptRejectsInvalidInput_data() {
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("expected");
    const QDate tomorrow = QDate::currentDate().addDays(1);
    QTest::newRow("date after today")
        << QStringLiteral("1") << tomorrow.toString(Qt::ISODate)
        << u"The signed date " + tomorrow.toString(QStringLiteral("dd/MM/yyyy")) + u" is after today";
    QTest::newRow("not installed") << QStringLiteral("5") << QStringLiteral("2026-11-30")
                                   << QStringLiteral("Agreement version 5 is not installed.");
}

void TestCliAgreementStore::acceptRejectsInvalidInput() {
    QFETCH(QString, version);
    QFETCH(QString, date);
    QFETCH(QString, expected);

    const CliRun run =
        runOnStore({QStringLiteral("accept"), QStringLiteral("--version"), version, QStringLiteral("--name"),
                    QStringLiteral("Helen Carter"), QStringLiteral("--role"), QStringLiteral("Headteacher"),
                    QStringLiteral("--date"), date});

    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QVERIFY(!stateThroughCore().inForce);
}

void TestCliAgreementStore::deputyCannotAccept() {
    const CliRun run = runOnStore({QStringLiteral("accept"), QStringLiteral("--version"), QStringLiteral("1"),
                                   QStringLiteral("--name"), QStringLiteral("Helen Carter"),
                                   QStringLiteral("--role"), QStringLiteral("Headteacher")},
                                  deputyUser, deputyPassphrase);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"cannot sign the organisation up to the Data Sharing Agreement"),
             qPrintable(run.err));
    QVERIFY(!stateThroughCore().inForce);
}

void TestCliAgreementStore::leadAccepts() {
    const CliRun run =
        runOnStore({QStringLiteral("accept"), QStringLiteral("--version"), QStringLiteral("1"),
                    QStringLiteral("--name"), QStringLiteral("Helen Carter"), QStringLiteral("--role"),
                    QStringLiteral("Headteacher"), QStringLiteral("--date"), QStringLiteral("2026-11-30")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.startsWith(
                 u"Accepted agreement version 1, signed by Helen Carter (Headteacher) on 30/11/2026."),
             qPrintable(run.out));

    const earlyhelp::sharing::AgreementState state = stateThroughCore();
    QVERIFY2(state.inForce, qPrintable(state.unavailableReason));
    QCOMPARE(state.inForce->version, 1);
    QCOMPARE(state.acceptance->signatoryName, QStringLiteral("Helen Carter"));
    QCOMPARE(state.acceptance->signedDate, QDate(2026, 11, 30));
    QCOMPARE(state.acceptance->recordedBy, leadUser);

    const CliRun status = runOnStore({QStringLiteral("status")});
    QVERIFY2(status.out.contains(u"In force: agreement version 1, signed by Helen Carter (Headteacher) on "
                                 u"30/11/2026, recorded by Test Lead."),
             qPrintable(status.out));

    const CliRun again = runOnStore(
        {QStringLiteral("accept"), QStringLiteral("--version"), QStringLiteral("1"), QStringLiteral("--name"),
         QStringLiteral("Helen Carter"), QStringLiteral("--role"), QStringLiteral("Headteacher")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(u"Agreement version 1 was already accepted"), qPrintable(again.err));
}

void TestCliAgreementStore::newerVersionReplacesOlder() {
    const CliRun install = runOnStore({QStringLiteral("install"), path(QStringLiteral("agreement-v2.json"))});
    QVERIFY2(install.exitCode == 0, qPrintable(install.err));

    const CliRun pending = runOnStore({QStringLiteral("status"), QStringLiteral("--json")});
    QVERIFY2(pending.exitCode == 0, qPrintable(pending.err));
    const QJsonObject before = QJsonDocument::fromJson(pending.out.toUtf8()).object();
    QCOMPARE(before.value(QStringLiteral("inForceVersion")).toInt(), 1);
    QCOMPARE(before.value(QStringLiteral("pendingVersion")).toInt(), 2);
    QCOMPARE(before.value(QStringLiteral("acceptance"))
                 .toObject()
                 .value(QStringLiteral("signatoryRole"))
                 .toString(),
             QStringLiteral("Headteacher"));

    const CliRun accept = runOnStore(
        {QStringLiteral("accept"), QStringLiteral("--version"), QStringLiteral("2"), QStringLiteral("--name"),
         QStringLiteral("Helen Carter"), QStringLiteral("--role"), QStringLiteral("Headteacher")});
    QVERIFY2(accept.exitCode == 0, qPrintable(accept.err));
    QCOMPARE(stateThroughCore().inForce->version, 2);

    const CliRun older = runOnStore(
        {QStringLiteral("accept"), QStringLiteral("--version"), QStringLiteral("1"), QStringLiteral("--name"),
         QStringLiteral("Helen Carter"), QStringLiteral("--role"), QStringLiteral("Headteacher")});
    QCOMPARE(older.exitCode, 1);
    QVERIFY2(older.err.contains(u"Agreement version 1 is older than version 2"), qPrintable(older.err));

    const CliRun status = runOnStore({QStringLiteral("status"), QStringLiteral("--json")});
    const QJsonObject after = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(after.value(QStringLiteral("inForceVersion")).toInt(), 2);
    QVERIFY(after.value(QStringLiteral("pendingVersion")).isNull());
}

QTEST_GUILESS_MAIN(TestCliAgreementStore)
#include "tst_cliagreementstore.moc"
