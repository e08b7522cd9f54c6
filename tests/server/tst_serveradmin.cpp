// The admin commands of earlyhelp-server against a real SQLite database (or
// PostgreSQL, see m_postgres): organisations, enrolment codes, devices and
// agreement publishing, with their rejections and exit statuses.

#include "servertestsupport.h"

#include "policy/signature.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

class TestServerAdmin : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void orgAddPrintsId();
    void orgAddRejections_data();
    void orgAddRejections();
    void orgListJson();
    void enrolCodeFormatAndStorage();
    void enrolCodeRejections();
    void deviceRevokeUnknownDevice();
    void usageErrors_data();
    void usageErrors();
    void agreementPublish();
    void agreementPublishRejections();
    void configFileAndEnvironment();

private:
    CommandResult admin(const QStringList& arguments);
    QString addSchool(const QString& name);
    bool writeSignedAgreement(const QByteArray& document, const policy::SigningKeyPair& keys,
                              const QString& fileName);

    std::unique_ptr<QTemporaryDir> m_dir;
    // Set when EARLYHELP_TEST_POSTGRES_BIN names PostgreSQL's programs: each
    // test then gets a new database in this cluster instead of a SQLite file.
    std::unique_ptr<PostgresCluster> m_postgres;
    QString m_database;
};

void TestServerAdmin::initTestCase() {
    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (!postgresBin.isEmpty()) {
        m_postgres = std::make_unique<PostgresCluster>(postgresBin);
        QString error;
        QVERIFY2(m_postgres->start(error), qPrintable(error));
    }
}

void TestServerAdmin::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (m_postgres) {
        QString error;
        m_database = m_postgres->createDatabase(error);
        QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    } else {
        m_database = m_dir->filePath(QStringLiteral("server.db"));
    }
}

CommandResult TestServerAdmin::admin(const QStringList& arguments) {
    return runServerCommand(QStringList{QStringLiteral("admin")} + arguments, m_database);
}

QString TestServerAdmin::addSchool(const QString& name) {
    const CommandResult result =
        admin({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"), name,
               QStringLiteral("--party-type"), QStringLiteral("school"), QStringLiteral("--urn"),
               QStringLiteral("103456")});
    if (result.exitCode != 0)
        qWarning().noquote() << result.standardError;
    return result.standardOutput.trimmed();
}

bool TestServerAdmin::writeSignedAgreement(const QByteArray& document, const policy::SigningKeyPair& keys,
                                           const QString& fileName) {
    auto signature = policy::signDetached(document, keys.secretKey);
    if (!signature)
        return false;
    QFile file(m_dir->filePath(fileName));
    QFile signatureFile(m_dir->filePath(fileName + QStringLiteral(".sig")));
    return file.open(QIODevice::WriteOnly) && file.write(document) == document.size() &&
           signatureFile.open(QIODevice::WriteOnly) &&
           signatureFile.write(policy::encodeKeyOrSignature(*signature) + '\n') > 0;
}

void TestServerAdmin::orgAddPrintsId() {
    const QString id = addSchool(QStringLiteral("Hillcrest Primary"));
    QVERIFY(!QUuid::fromString(id).isNull());

    const CommandResult list = admin({QStringLiteral("org"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.standardOutput.contains(id), qPrintable(list.standardOutput));
    QVERIFY(list.standardOutput.contains(QStringLiteral("Hillcrest Primary")));
    QVERIFY(list.standardOutput.contains(QStringLiteral("URN 103456")));
}

void TestServerAdmin::orgAddRejections_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("messagePart");

    const QString name = QStringLiteral("--name");
    const QString type = QStringLiteral("--party-type");
    QTest::newRow("unknown party type")
        << QStringList{name, QStringLiteral("A"), type, QStringLiteral("alien")} << 1
        << QStringLiteral("\"alien\" is not in the data sharing agreement: use one of school");
    QTest::newRow("urn not 6 digits") << QStringList{name,
                                                     QStringLiteral("A"),
                                                     type,
                                                     QStringLiteral("school"),
                                                     QStringLiteral("--urn"),
                                                     QStringLiteral("12AB")}
                                      << 1 << QStringLiteral("URN \"12AB\" is invalid");
    QTest::newRow("la code not 3 digits") << QStringList{name,
                                                         QStringLiteral("A"),
                                                         type,
                                                         QStringLiteral("local_authority"),
                                                         QStringLiteral("--la-code"),
                                                         QStringLiteral("3301")}
                                          << 1 << QStringLiteral("\"3301\" is invalid");
    QTest::newRow("empty name") << QStringList{name, QStringLiteral("  "), type, QStringLiteral("school")}
                                << 1 << QStringLiteral("name must be 1 to 200 characters");
    QTest::newRow("missing name") << QStringList{type, QStringLiteral("school")} << 2
                                  << QStringLiteral("org add needs --name NAME");
    QTest::newRow("missing party type")
        << QStringList{name, QStringLiteral("A")} << 2 << QStringLiteral("org add needs --party-type TYPE");
    QTest::newRow("unknown option") << QStringList{name, QStringLiteral("A"), QStringLiteral("--colour")} << 2
                                    << QStringLiteral("unknown option --colour");
}

void TestServerAdmin::orgAddRejections() {
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, messagePart);

    const CommandResult result = admin(QStringList{QStringLiteral("org"), QStringLiteral("add")} + options);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.standardError.contains(messagePart), qPrintable(result.standardError));
    QVERIFY(result.standardOutput.isEmpty());
}

void TestServerAdmin::orgListJson() {
    const QString school = addSchool(QStringLiteral("Hillcrest Primary"));
    const CommandResult trust =
        admin({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"),
               QStringLiteral("Birmingham Children's Trust"), QStringLiteral("--party-type"),
               QStringLiteral("childrens_trust"), QStringLiteral("--la-code"), QStringLiteral("330")});
    QCOMPARE(trust.exitCode, 0);

    const CommandResult duplicate = admin({QStringLiteral("org"), QStringLiteral("add"),
                                           QStringLiteral("--name"), QStringLiteral("Hillcrest Primary"),
                                           QStringLiteral("--party-type"), QStringLiteral("school")});
    QCOMPARE(duplicate.exitCode, 1);
    QVERIFY2(duplicate.standardError.contains(school), qPrintable(duplicate.standardError));

    const CommandResult list =
        admin({QStringLiteral("org"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray organisations = QJsonDocument::fromJson(list.standardOutput.toUtf8()).array();
    QCOMPARE(organisations.size(), 2);
    const QJsonObject first = organisations.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Birmingham Children's Trust"));
    QCOMPARE(first.value(QStringLiteral("partyType")).toString(), QStringLiteral("childrens_trust"));
    QCOMPARE(first.value(QStringLiteral("laCode")).toString(), QStringLiteral("330"));
    const QJsonObject second = organisations.at(1).toObject();
    QCOMPARE(second.value(QStringLiteral("id")).toString(), school);
    QCOMPARE(second.value(QStringLiteral("dfeUrn")).toString(), QStringLiteral("103456"));
}

void TestServerAdmin::enrolCodeFormatAndStorage() {
    const QString school = addSchool(QStringLiteral("Hillcrest Primary"));
    const CommandResult result = admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), school,
                                        QStringLiteral("--valid-hours"), QStringLiteral("2")});
    QCOMPARE(result.exitCode, 0);
    const QString code = result.standardOutput.trimmed();
    static const QRegularExpression format(
        QStringLiteral("^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}(-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{5}){3}$"));
    QVERIFY2(format.match(code).hasMatch(), qPrintable(code));
    QVERIFY(result.standardError.contains(QStringLiteral("expires at")));

    const CommandResult second = admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), school});
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.standardOutput.trimmed() != code);

    // Only a hash of each code is stored.
    {
        QSqlDatabase database = openTestDatabase(m_database, QStringLiteral("read"));
        QVERIFY(database.open());
        QSqlQuery query(database);
        QVERIFY(query.exec(QStringLiteral("SELECT code_hash, organisation_id, expires_at - created_at "
                                          "FROM enrolment_code ORDER BY created_at")));
        QVERIFY(query.next());
        QCOMPARE(query.value(1).toString(), school);
        QCOMPARE(query.value(2).toLongLong(), 2LL * 3600 * 1000);
        const QString stored = query.value(0).toString();
        QCOMPARE(stored.size(), 64);
        QVERIFY(!stored.contains(QString(code).remove(QLatin1Char('-')), Qt::CaseInsensitive));
        QVERIFY(query.next());
        QVERIFY(!query.next());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("read"));
}

void TestServerAdmin::enrolCodeRejections() {
    const QString school = addSchool(QStringLiteral("Hillcrest Primary"));

    const CommandResult unknown =
        admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), QStringLiteral("no-such-org")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.standardError.contains(QStringLiteral("no organisation has the id no-such-org")));

    const CommandResult zeroHours = admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), school,
                                           QStringLiteral("--valid-hours"), QStringLiteral("0")});
    QCOMPARE(zeroHours.exitCode, 1);
    QVERIFY(zeroHours.standardError.contains(QStringLiteral("--valid-hours is \"0\"")));

    const CommandResult missing = admin({QStringLiteral("enrol-code")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.standardError.contains(QStringLiteral("needs --org ID")));
}

void TestServerAdmin::deviceRevokeUnknownDevice() {
    const CommandResult revoke =
        admin({QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("no-such-device")});
    QCOMPARE(revoke.exitCode, 1);
    QVERIFY(revoke.standardError.contains(QStringLiteral("no device has the id no-such-device")));

    const CommandResult list =
        admin({QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(list.standardOutput.toUtf8()).array().size(), 0);

    const CommandResult filtered = admin({QStringLiteral("device"), QStringLiteral("list"),
                                          QStringLiteral("--org"), QStringLiteral("no-such-org")});
    QCOMPARE(filtered.exitCode, 1);
}

void TestServerAdmin::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("no command") << QStringList{} << QStringLiteral("no command given");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("launch")}
                                     << QStringLiteral("unknown command \"launch\"");
    QTest::newRow("admin alone") << QStringList{QStringLiteral("admin")}
                                 << QStringLiteral("admin needs a command");
    QTest::newRow("unknown admin command")
        << QStringList{QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("delete")}
        << QStringLiteral("unknown admin command \"org delete\"");
    QTest::newRow("revoke without id")
        << QStringList{QStringLiteral("admin"), QStringLiteral("device"), QStringLiteral("revoke")}
        << QStringLiteral("needs one DEVICE_ID");
    QTest::newRow("missing config file")
        << QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent/x.ini"),
                       QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("list")}
        << QStringLiteral("cannot read the config file /nonexistent/x.ini");
}

void TestServerAdmin::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);

    const CommandResult result = runServerCommand(arguments, m_database);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.standardError.contains(messagePart), qPrintable(result.standardError));
}

void TestServerAdmin::agreementPublish() {
    QFile bundled(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json"));
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    const QByteArray document = bundled.readAll();
    auto keys = policy::generateSigningKeyPair();
    QVERIFY(keys);
    QVERIFY(writeSignedAgreement(document, *keys, QStringLiteral("agreement.json")));
    QFile publicKey(m_dir->filePath(QStringLiteral("trust.pub")));
    QVERIFY(publicKey.open(QIODevice::WriteOnly));
    publicKey.write(policy::encodeKeyOrSignature(keys->publicKey) + '\n');
    publicKey.close();

    const QStringList publish = {QStringLiteral("agreement"), QStringLiteral("publish"),
                                 m_dir->filePath(QStringLiteral("agreement.json")),
                                 QStringLiteral("--public-key"), publicKey.fileName()};
    const CommandResult first = admin(publish);
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.standardOutput.contains(QStringLiteral("Published agreement version 1")),
             qPrintable(first.standardOutput + first.standardError));

    const CommandResult again = admin(publish);
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.standardOutput.contains(QStringLiteral("already published with the same content")));

    // The same version with other bytes, validly signed, is rejected.
    QVERIFY(writeSignedAgreement(document + "\n", *keys, QStringLiteral("changed.json")));
    const CommandResult changed = admin({QStringLiteral("agreement"), QStringLiteral("publish"),
                                         m_dir->filePath(QStringLiteral("changed.json")),
                                         QStringLiteral("--public-key"), publicKey.fileName()});
    QCOMPARE(changed.exitCode, 1);
    QVERIFY2(changed.standardError.contains(
                 QStringLiteral("version 1 is already published with different content")),
             qPrintable(changed.standardError));

    // The stored bytes are the file's exact bytes.
    {
        QSqlDatabase database = openTestDatabase(m_database, QStringLiteral("read"));
        QVERIFY(database.open());
        QSqlQuery query(database);
        QVERIFY(query.exec(QStringLiteral("SELECT version, document_base64 FROM agreement_version")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(QByteArray::fromBase64(query.value(1).toString().toLatin1()), document);
        QVERIFY(!query.next());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("read"));
}

void TestServerAdmin::agreementPublishRejections() {
    QFile bundled(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json"));
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    auto keys = policy::generateSigningKeyPair();
    QVERIFY(keys);
    QVERIFY(writeSignedAgreement(bundled.readAll(), *keys, QStringLiteral("agreement.json")));
    const QString path = m_dir->filePath(QStringLiteral("agreement.json"));

    // Signed by a key other than the built-in Trust key: core's message.
    const CommandResult otherKey = admin({QStringLiteral("agreement"), QStringLiteral("publish"), path});
    QCOMPARE(otherKey.exitCode, 1);
    QVERIFY2(otherKey.standardError.contains(QStringLiteral("signature is not the Trust's")),
             qPrintable(otherKey.standardError));

    const CommandResult missing = admin({QStringLiteral("agreement"), QStringLiteral("publish"),
                                         m_dir->filePath(QStringLiteral("absent.json"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.standardError.contains(QStringLiteral("absent.json")),
             qPrintable(missing.standardError));

    const CommandResult badKey =
        admin({QStringLiteral("agreement"), QStringLiteral("publish"), path, QStringLiteral("--public-key"),
               m_dir->filePath(QStringLiteral("absent.pub"))});
    QCOMPARE(badKey.exitCode, 1);
    QVERIFY(badKey.standardError.contains(QStringLiteral("cannot read the public key file")));

    const CommandResult noFile = admin({QStringLiteral("agreement"), QStringLiteral("publish")});
    QCOMPARE(noFile.exitCode, 2);
}

void TestServerAdmin::configFileAndEnvironment() {
    // The config file names one database; EARLYHELP_SERVER_DATABASE (set by
    // runServerCommand) overrides it.
    const QString fromFile = m_dir->filePath(QStringLiteral("from-file.db"));
    QFile config(m_dir->filePath(QStringLiteral("server.ini")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[database]\nlocation=" + fromFile.toUtf8() + "\n");
    config.close();

    const QString id = addSchool(QStringLiteral("Hillcrest Primary"));
    QVERIFY(!id.isEmpty());
    const CommandResult overridden =
        runServerCommand({QStringLiteral("--config"), config.fileName(), QStringLiteral("admin"),
                          QStringLiteral("org"), QStringLiteral("list")},
                         m_database);
    QCOMPARE(overridden.exitCode, 0);
    QVERIFY(overridden.standardOutput.contains(id));
    QVERIFY(!QFile::exists(fromFile));

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("EARLYHELP_SERVER_DATABASE"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(EARLYHELP_SERVER_PATH),
                  {QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("list"),
                   QStringLiteral("--config"), config.fileName()});
    QVERIFY(process.waitForFinished(20'000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(QFile::exists(fromFile));
    QVERIFY(process.readAllStandardOutput().trimmed().isEmpty());

    const CommandResult password =
        runServerCommand({QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("list")},
                         QStringLiteral("postgresql://lead:secret@127.0.0.1:5432/earlyhelp"));
    QCOMPARE(password.exitCode, 2);
    QVERIFY(password.standardError.contains(QStringLiteral("contains a password")));
    QVERIFY(!password.standardError.contains(QStringLiteral("secret")));
}

QTEST_GUILESS_MAIN(TestServerAdmin)
#include "tst_serveradmin.moc"
