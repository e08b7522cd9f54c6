// A school and the Children's Trust sharing one family through the real
// earlyhelp-server on 127.0.0.1: two encrypted stores, each enrolled as a
// device of its organisation, synced with "earlyhelp-cli sync" as processes.
// The scenario runs in slot order: share, merge, conflict, resolve, consent
// withdrawn, a server killed during a large push, a server that is down.
// The device credentials go to the OS keychain, so CTest runs the suite
// inside scripts/with-keyring. With EARLYHELP_TEST_POSTGRES_BIN set, the
// server runs on a private PostgreSQL server instead of SQLite.

#include "../server/servertestsupport.h"

#include "cases/casestore.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "common/secretbytes.h"
#include "retention/erasure.h"
#include "support/ctfgenerator.h"
#include "sync/synclocal.h"

#include <QDate>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray passphrase = QByteArrayLiteral("a long test passphrase\n");
const QString schoolName = QStringLiteral("Larkspur Lane Primary School");
const QString trustName = QStringLiteral("Larkspur Children's Trust");
const QString schoolUser = QStringLiteral("School Lead");
const QString trustUser = QStringLiteral("Trust Lead");

// Case notes the school writes before the server is killed: enough batches
// of SyncEngine::pushBatchSize that the push is still running when the test
// sees the first of them arrive.
constexpr int largePushNotes = 3000;

SecretBytes passphraseSecret() {
    const QByteArray text = passphrase.trimmed();
    return SecretBytes::copyOf(text.constData(), std::size_t(text.size()));
}

} // namespace

class TestCliSyncShare : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void schoolShareHoldsAllowedFields();
    void editsOfTwoFieldsMerge();
    void editsOfOneFieldConflict();
    void resolvedConflictCloses();
    void withdrawnConsentPurgesTrust();
    void killedServerResumesPush();
    void erasedChildPurgedAtTrust();
    void syncFailsWithServerDown();

private:
    [[nodiscard]] CliRun runCli(const QString& storePath, const QString& user, const QStringList& arguments) const;
    [[nodiscard]] CliRun sync(const QString& storePath, const QString& user) const {
        return runCli(storePath, user, {QStringLiteral("sync")});
    }
    [[nodiscard]] QString issueCode(const QString& organisationId) const;
    [[nodiscard]] QString addOrganisation(const QString& name, const QString& partyType) const;
    // Opens the store in this process, runs work on it and closes it again,
    // so the CLI processes find it unlocked. Returns work's message, or the
    // unlock error.
    QString withStore(const QString& storePath, const QString& user,
                      const std::function<QString(UnlockedStore&)>& work) const;
    // Returns one column of a row of the store as text, "(no row)" when the
    // row is missing and "(error …)" when the query fails.
    [[nodiscard]] QString storeValue(const QString& storePath, const QString& user, const QString& sql,
                                     const QString& id) const;
    // Changes one column of a row, as an edit in the app would, so the
    // store's triggers queue it for sync.
    [[nodiscard]] QString editStore(const QString& storePath, const QString& user, const QString& sql,
                                    const QVariant& value, const QString& id) const;
    [[nodiscard]] QJsonArray openConflicts(const QString& storePath, const QString& user) const;
    // The value of a field of the server's copy of a record, or undefined.
    [[nodiscard]] QJsonValue serverField(const QString& recordType, const QString& recordId,
                                         const QString& fieldId) const;

    QTemporaryDir m_dir;
    TestCertificates m_certificates;
    std::unique_ptr<PostgresCluster> m_postgres;
    QString m_databaseLocation;
    QString m_schoolOrganisationId;
    QString m_trustOrganisationId;
    ServerProcess m_server;
    QString m_schoolStore;
    QString m_trustStore;
    QString m_familyId;
    QString m_childId;
    QString m_adultId;
    QString m_consentId;
    QString m_conflictId;
};

CliRun TestCliSyncShare::runCli(const QString& storePath, const QString& user, const QStringList& arguments) const {
    QProcess process;
    process.start(QStringLiteral(EARLYHELP_CLI_PATH),
                  QStringList{QStringLiteral("--store"), storePath, QStringLiteral("--user"), user,
                              QStringLiteral("--passphrase-stdin")} +
                      arguments);
    if (!process.waitForStarted())
        return {};
    process.write(passphrase);
    process.closeWriteChannel();
    if (!process.waitForFinished(300000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString TestCliSyncShare::issueCode(const QString& organisationId) const {
    const CommandResult issued = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("enrol-code"), QStringLiteral("--org"), organisationId},
        m_databaseLocation);
    return issued.exitCode == 0 ? issued.standardOutput.trimmed() : QString();
}

QString TestCliSyncShare::addOrganisation(const QString& name, const QString& partyType) const {
    const CommandResult added = runServerCommand({QStringLiteral("admin"), QStringLiteral("org"),
                                                  QStringLiteral("add"), QStringLiteral("--name"), name,
                                                  QStringLiteral("--party-type"), partyType},
                                                 m_databaseLocation);
    return added.exitCode == 0 ? added.standardOutput.trimmed() : QString();
}

QString TestCliSyncShare::withStore(const QString& storePath, const QString& user,
                                    const std::function<QString(UnlockedStore&)>& work) const {
    auto unlocked = unlockWithPassphrase(storePath, user, passphraseSecret());
    if (!unlocked)
        return QStringLiteral("unlock failed: ") + unlocked.error().message;
    return work(*unlocked);
}

QString TestCliSyncShare::storeValue(const QString& storePath, const QString& user, const QString& sql,
                                     const QString& id) const {
    QString value;
    const QString failure = withStore(storePath, user, [&](UnlockedStore& unlocked) -> QString {
        QSqlQuery query(unlocked.store->database());
        query.prepare(sql);
        query.addBindValue(id);
        if (!query.exec())
            return QStringLiteral("(error %1)").arg(query.lastError().text());
        value = query.next() ? query.value(0).toString() : QStringLiteral("(no row)");
        return QString();
    });
    return failure.isEmpty() ? value : failure;
}

QString TestCliSyncShare::editStore(const QString& storePath, const QString& user, const QString& sql,
                                    const QVariant& value, const QString& id) const {
    return withStore(storePath, user, [&](UnlockedStore& unlocked) -> QString {
        QSqlQuery query(unlocked.store->database());
        query.prepare(sql);
        query.addBindValue(value);
        query.addBindValue(id);
        if (!query.exec())
            return query.lastError().text();
        return query.numRowsAffected() == 1 ? QString() : QStringLiteral("the edit changed no row");
    });
}

QJsonArray TestCliSyncShare::openConflicts(const QString& storePath, const QString& user) const {
    const CliRun run = runCli(storePath, user, {QStringLiteral("conflicts"), QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("conflicts --json failed: %s", qPrintable(run.err));
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

QJsonValue TestCliSyncShare::serverField(const QString& recordType, const QString& recordId,
                                         const QString& fieldId) const {
    QJsonValue value = QJsonValue::Undefined;
    {
        QSqlDatabase database = openTestDatabase(m_databaseLocation, QStringLiteral("server-field"));
        QSqlQuery query(database);
        query.prepare(QStringLiteral("SELECT fields FROM record WHERE record_type = ? AND record_id = ?"));
        query.addBindValue(recordType);
        query.addBindValue(recordId);
        if (query.exec() && query.next())
            value = QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object().value(fieldId);
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("server-field"));
    return value;
}

void TestCliSyncShare::initTestCase() {
    if (qEnvironmentVariableIsEmpty("WITH_KEYRING_FOLDER"))
        QSKIP("needs the private keyring of scripts/with-keyring");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(makeTestCertificates(m_dir.path(), QStringLiteral("share"), m_certificates, error),
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

    m_schoolOrganisationId = addOrganisation(schoolName, QStringLiteral("school"));
    QVERIFY(!m_schoolOrganisationId.isEmpty());
    m_trustOrganisationId = addOrganisation(trustName, QStringLiteral("childrens_trust"));
    QVERIFY(!m_trustOrganisationId.isEmpty());
    const CommandResult published = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("agreement"), QStringLiteral("publish"),
         QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")},
        m_databaseLocation);
    QVERIFY2(published.exitCode == 0, qPrintable(published.standardError));
    QVERIFY2(m_server.start(m_databaseLocation, m_certificates, error), qPrintable(error));

    // The school: a store with families imported from a generated CTF file.
    m_schoolStore = m_dir.filePath(QStringLiteral("school.ehstore"));
    const CliRun init = runCli(m_schoolStore, schoolUser,
                               {QStringLiteral("init"), QStringLiteral("--school"), schoolName,
                                QStringLiteral("--urn"), QStringLiteral("199990")});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    const QString ctfPath = m_dir.filePath(QStringLiteral("pupils.xml"));
    {
        QFile ctf(ctfPath);
        QVERIFY(ctf.open(QIODevice::WriteOnly));
        testsupport::GeneratedCtfOptions options;
        options.pupils = 6;
        options.schoolName = schoolName;
        ctf.write(testsupport::generateCtf(options));
    }
    const CliRun imported = runCli(m_schoolStore, schoolUser, {QStringLiteral("import"), ctfPath});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));

    // The Trust: an empty store of its own organisation.
    m_trustStore = m_dir.filePath(QStringLiteral("trust.ehstore"));
    {
        NewStoreRequest request;
        request.path = m_trustStore;
        request.organisation.name = trustName;
        request.organisation.partyType = QStringLiteral("childrens_trust");
        // NOTE: a store's own organisation needs a school identifier whatever
        // its party type, so the Trust's store carries a made-up URN.
        request.organisation.dfeUrn = QStringLiteral("199991");
        request.userName = trustUser;
        request.passphrase = passphraseSecret();
        auto created = setUpStore(std::move(request));
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    }

    // Both enrol and sign up to the bundled agreement.
    for (const auto& [store, user, organisationId] :
         {std::tuple{m_schoolStore, schoolUser, m_schoolOrganisationId},
          std::tuple{m_trustStore, trustUser, m_trustOrganisationId}}) {
        const CliRun install = runCli(store, user,
                                      {QStringLiteral("agreement"), QStringLiteral("install"),
                                       QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")});
        QVERIFY2(install.exitCode == 0, qPrintable(install.err));
        const CliRun enrol =
            runCli(store, user,
                   {QStringLiteral("enrol"), QStringLiteral("https://127.0.0.1:%1").arg(m_server.port()),
                    issueCode(organisationId), QStringLiteral("--ca-cert"), m_certificates.caCertificate});
        QVERIFY2(enrol.exitCode == 0, qPrintable(enrol.err));

        // Before the sign-up nothing may be shared, and sync prints why
        // rather than asking for another sync.
        if (store == m_schoolStore) {
            const CliRun early = sync(store, user);
            QCOMPARE(early.exitCode, 1);
            QVERIFY2(early.err.contains(QStringLiteral("has not signed up to the Data Sharing Agreement")),
                     qPrintable(early.err));
            QVERIFY2(!early.err.contains(QStringLiteral("run \"earlyhelp-cli sync\" again")),
                     qPrintable(early.err));
        }

        const CliRun accept = runCli(store, user,
                                     {QStringLiteral("agreement"), QStringLiteral("accept"),
                                      QStringLiteral("--version"), QStringLiteral("1"), QStringLiteral("--name"),
                                      QStringLiteral("Jo Whitfield"), QStringLiteral("--role"),
                                      QStringLiteral("Headteacher")});
        QVERIFY2(accept.exitCode == 0, qPrintable(accept.err));
    }

    // One family of the school: a child, an adult with parental
    // responsibility, and the adult's consent to share the child's personal
    // data (not special category data) with the Children's Trust for
    // safeguarding.
    const QString failure = withStore(m_schoolStore, schoolUser, [this](UnlockedStore& unlocked) -> QString {
        QSqlQuery query(unlocked.store->database());
        if (!query.exec(QStringLiteral(
                "SELECT c.family_id, c.person_id, a.person_id FROM family_member c JOIN family_member a "
                "ON a.family_id = c.family_id AND a.role = 'adult' AND a.parental_responsibility = 1 "
                "WHERE c.role = 'child' ORDER BY c.family_id LIMIT 1")) ||
            !query.next())
            return QStringLiteral("no family with a child and an adult: ") + query.lastError().text();
        m_familyId = query.value(0).toString();
        m_childId = query.value(1).toString();
        m_adultId = query.value(2).toString();

        Consent consent;
        consent.familyId = m_familyId;
        consent.subjectPersonId = m_childId;
        consent.givenByPersonId = m_adultId;
        consent.purposes = {QStringLiteral("safeguarding")};
        consent.recipients = {{ConsentRecipient::Kind::PartyType, QStringLiteral("childrens_trust")}};
        consent.dataCategories = {DataCategory::Personal};
        consent.givenDate = QDate::currentDate();
        ConsentRepository consents(*unlocked.store);
        auto created = consents.createConsent(unlocked.actor, consent);
        if (!created)
            return created.error().message;
        m_consentId = created->meta.id;
        return QString();
    });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    // Values the later edits change, and a special category value the
    // consent does not cover.
    const QList<std::pair<QString, QString>> values = {{QStringLiteral("preferred_forename"), QStringLiteral("Sam")},
                                                       {QStringLiteral("preferred_surname"), QStringLiteral("Okafor")},
                                                       {QStringLiteral("former_surname"), QStringLiteral("Smith")},
                                                       {QStringLiteral("ethnicity"), QStringLiteral("WBRI")}};
    for (const auto& [column, value] : values) {
        const QString edited = editStore(m_schoolStore, schoolUser,
                                         QStringLiteral("UPDATE person SET %1 = ? WHERE id = ?").arg(column), value,
                                         m_childId);
        QVERIFY2(edited.isEmpty(), qPrintable(edited));
    }
}

void TestCliSyncShare::schoolShareHoldsAllowedFields() {
    const CliRun school = sync(m_schoolStore, schoolUser);
    QVERIFY2(school.exitCode == 0, qPrintable(school.err));
    QVERIFY2(school.out.contains(QStringLiteral("Conflicts waiting for a person: 0")), qPrintable(school.out));
    QVERIFY2(!school.out.contains(QStringLiteral("Pushed: 0\n")), qPrintable(school.out));

    const CliRun trust = sync(m_trustStore, trustUser);
    QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));
    QVERIFY2(!trust.out.contains(QStringLiteral("Pulled: 0\n")), qPrintable(trust.out));

    const QString surname = storeValue(m_schoolStore, schoolUser,
                                       QStringLiteral("SELECT legal_surname FROM person WHERE id = ?"), m_childId);
    QVERIFY(!surname.isEmpty());
    QCOMPARE(storeValue(m_trustStore, trustUser, QStringLiteral("SELECT legal_surname FROM person WHERE id = ?"),
                        m_childId),
             surname);
    QCOMPARE(storeValue(m_trustStore, trustUser, QStringLiteral("SELECT name FROM family WHERE id = ?"), m_familyId),
             storeValue(m_schoolStore, schoolUser, QStringLiteral("SELECT name FROM family WHERE id = ?"), m_familyId));
    // Special category data stays at the school, and so does the consent.
    QCOMPARE(storeValue(m_trustStore, trustUser, QStringLiteral("SELECT COALESCE(ethnicity, '') FROM person WHERE id = ?"),
                        m_childId),
             QString());
    QCOMPARE(storeValue(m_trustStore, trustUser, QStringLiteral("SELECT id FROM consent WHERE id = ?"), m_consentId),
             QStringLiteral("(no row)"));
    QVERIFY(serverField(QStringLiteral("person"), m_childId, QStringLiteral("person.ethnicity")).isUndefined());
}

void TestCliSyncShare::editsOfTwoFieldsMerge() {
    const QString trustEdit = editStore(m_trustStore, trustUser,
                                        QStringLiteral("UPDATE person SET preferred_forename = ? WHERE id = ?"),
                                        QStringLiteral("Mo"), m_childId);
    QVERIFY2(trustEdit.isEmpty(), qPrintable(trustEdit));
    const QString schoolEdit = editStore(m_schoolStore, schoolUser,
                                         QStringLiteral("UPDATE person SET former_surname = ? WHERE id = ?"),
                                         QStringLiteral("Ashby"), m_childId);
    QVERIFY2(schoolEdit.isEmpty(), qPrintable(schoolEdit));

    for (int round = 0; round < 2; ++round) {
        const CliRun school = sync(m_schoolStore, schoolUser);
        QVERIFY2(school.exitCode == 0, qPrintable(school.err));
        const CliRun trust = sync(m_trustStore, trustUser);
        QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));
    }

    for (const auto& [store, user] : {std::pair{m_schoolStore, schoolUser}, std::pair{m_trustStore, trustUser}}) {
        QCOMPARE(storeValue(store, user, QStringLiteral("SELECT preferred_forename FROM person WHERE id = ?"),
                            m_childId),
                 QStringLiteral("Mo"));
        QCOMPARE(storeValue(store, user, QStringLiteral("SELECT former_surname FROM person WHERE id = ?"),
                            m_childId),
                 QStringLiteral("Ashby"));
    }
    QCOMPARE(serverField(QStringLiteral("person"), m_childId, QStringLiteral("person.preferredForename")),
             QJsonValue(QStringLiteral("Mo")));
    QCOMPARE(serverField(QStringLiteral("person"), m_childId, QStringLiteral("person.formerSurname")),
             QJsonValue(QStringLiteral("Ashby")));
}

void TestCliSyncShare::editsOfOneFieldConflict() {
    const QString schoolEdit = editStore(m_schoolStore, schoolUser,
                                         QStringLiteral("UPDATE person SET preferred_surname = ? WHERE id = ?"),
                                         QStringLiteral("Okafor-Smith"), m_childId);
    QVERIFY2(schoolEdit.isEmpty(), qPrintable(schoolEdit));
    const QString trustEdit = editStore(m_trustStore, trustUser,
                                        QStringLiteral("UPDATE person SET preferred_surname = ? WHERE id = ?"),
                                        QStringLiteral("Okafor-Reid"), m_childId);
    QVERIFY2(trustEdit.isEmpty(), qPrintable(trustEdit));

    const CliRun school = sync(m_schoolStore, schoolUser);
    QVERIFY2(school.exitCode == 0, qPrintable(school.err));
    const CliRun trust = sync(m_trustStore, trustUser);
    QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));
    QVERIFY2(trust.out.contains(QStringLiteral("Conflicts waiting for a person: 1")), qPrintable(trust.out));
    // The school's feed carries the conflict on its next sync.
    const CliRun schoolAgain = sync(m_schoolStore, schoolUser);
    QVERIFY2(schoolAgain.exitCode == 0, qPrintable(schoolAgain.err));
    QVERIFY2(schoolAgain.out.contains(QStringLiteral("Conflicts waiting for a person: 1")),
             qPrintable(schoolAgain.out));

    const QJsonArray trustConflicts = openConflicts(m_trustStore, trustUser);
    QCOMPARE(trustConflicts.size(), 1);
    const QJsonObject conflict = trustConflicts.first().toObject();
    QCOMPARE(conflict.value(u"recordId").toString(), m_childId);
    QCOMPARE(conflict.value(u"fieldId").toString(), QStringLiteral("person.preferredSurname"));
    QCOMPARE(conflict.value(u"serverValue").toString(), QStringLiteral("Okafor-Smith"));
    QCOMPARE(conflict.value(u"otherValue").toString(), QStringLiteral("Okafor-Reid"));
    QCOMPARE(conflict.value(u"otherOrganisation").toObject().value(u"name").toString(), trustName);
    QVERIFY(QDateTime::fromString(conflict.value(u"createdAt").toString(), Qt::ISODate).isValid());
    m_conflictId = conflict.value(u"conflictId").toString();

    const QJsonArray schoolConflicts = openConflicts(m_schoolStore, schoolUser);
    QCOMPARE(schoolConflicts.size(), 1);
    QCOMPARE(schoolConflicts.first().toObject().value(u"conflictId").toString(), m_conflictId);
    QCOMPARE(schoolConflicts.first().toObject().value(u"otherValue").toString(), QStringLiteral("Okafor-Reid"));

    const CliRun listed = runCli(m_trustStore, trustUser, {QStringLiteral("conflicts")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains(m_conflictId), qPrintable(listed.out));
    QVERIFY2(listed.out.contains(QStringLiteral("\"Okafor-Reid\"")), qPrintable(listed.out));
}

void TestCliSyncShare::resolvedConflictCloses() {
    const CliRun badSide = runCli(m_trustStore, trustUser,
                                  {QStringLiteral("conflicts"), QStringLiteral("resolve"), m_conflictId,
                                   QStringLiteral("--keep"), QStringLiteral("mine")});
    QCOMPARE(badSide.exitCode, 2);
    QVERIFY2(badSide.err.contains(QStringLiteral("--keep server")), qPrintable(badSide.err));

    const CliRun resolved = runCli(m_trustStore, trustUser,
                                   {QStringLiteral("conflicts"), QStringLiteral("resolve"), m_conflictId,
                                    QStringLiteral("--keep"), QStringLiteral("other")});
    QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.err));

    const CliRun trust = sync(m_trustStore, trustUser);
    QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));
    const CliRun school = sync(m_schoolStore, schoolUser);
    QVERIFY2(school.exitCode == 0, qPrintable(school.err));
    QVERIFY2(school.out.contains(QStringLiteral("Conflicts waiting for a person: 0")), qPrintable(school.out));

    QCOMPARE(openConflicts(m_trustStore, trustUser).size(), 0);
    QCOMPARE(openConflicts(m_schoolStore, schoolUser).size(), 0);
    const QString sql = QStringLiteral("SELECT preferred_surname FROM person WHERE id = ?");
    QCOMPARE(storeValue(m_trustStore, trustUser, sql, m_childId), QStringLiteral("Okafor-Reid"));
    QCOMPARE(storeValue(m_schoolStore, schoolUser, sql, m_childId), QStringLiteral("Okafor-Reid"));
    QCOMPARE(serverField(QStringLiteral("person"), m_childId, QStringLiteral("person.preferredSurname")),
             QJsonValue(QStringLiteral("Okafor-Reid")));

    const CliRun again = runCli(m_trustStore, trustUser,
                                {QStringLiteral("conflicts"), QStringLiteral("resolve"), m_conflictId,
                                 QStringLiteral("--keep"), QStringLiteral("server")});
    QCOMPARE(again.exitCode, 1);
}

void TestCliSyncShare::withdrawnConsentPurgesTrust() {
    const QString failure = withStore(m_schoolStore, schoolUser, [this](UnlockedStore& unlocked) -> QString {
        ConsentRepository consents(*unlocked.store);
        auto withdrawn = consents.withdrawConsent(unlocked.actor, m_consentId, QDate::currentDate(),
                                                  QStringLiteral("The parent, by telephone"));
        return withdrawn ? QString() : withdrawn.error().message;
    });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    const CliRun school = sync(m_schoolStore, schoolUser);
    QVERIFY2(school.exitCode == 0, qPrintable(school.err));
    const CliRun trust = sync(m_trustStore, trustUser);
    QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));
    QVERIFY2(!trust.out.contains(QStringLiteral("Purged: 0\n")), qPrintable(trust.out));

    QCOMPARE(storeValue(m_trustStore, trustUser, QStringLiteral("SELECT id FROM person WHERE id = ?"), m_childId),
             QStringLiteral("(no row)"));
    QCOMPARE(storeValue(m_trustStore, trustUser, QStringLiteral("SELECT id FROM family WHERE id = ?"), m_familyId),
             QStringLiteral("(no row)"));
    QCOMPARE(storeValue(m_trustStore, trustUser,
                        QStringLiteral("SELECT COUNT(*) FROM family_member WHERE family_id = ?"), m_familyId),
             QStringLiteral("0"));
    // The school keeps its own records.
    QCOMPARE(storeValue(m_schoolStore, schoolUser, QStringLiteral("SELECT id FROM person WHERE id = ?"), m_childId),
             m_childId);

    const QString listed = withStore(m_trustStore, trustUser, [this](UnlockedStore& unlocked) -> QString {
        auto purges = sync::SyncLocal(*unlocked.store).purges();
        if (!purges)
            return purges.error().message;
        QStringList ids;
        for (const sync::PurgeRecord& purge : *purges) {
            ids.append(purge.recordId);
            if (purge.reason.isEmpty())
                return QStringLiteral("the purge of %1 has no reason").arg(purge.recordId);
        }
        if (!ids.contains(m_childId) || !ids.contains(m_familyId))
            return QStringLiteral("the purges do not list the child and the family: ") + ids.join(u' ');
        return QString();
    });
    QVERIFY2(listed.isEmpty(), qPrintable(listed));
}

void TestCliSyncShare::killedServerResumesPush() {
    // Notes are sent only under a consent in force, so the family gives a
    // new one.
    const QString written = withStore(m_schoolStore, schoolUser, [this](UnlockedStore& unlocked) -> QString {
        ConsentRepository consents(*unlocked.store);
        auto previous = consents.consent(m_consentId);
        if (!previous)
            return previous.error().message;
        Consent consent = *previous;
        consent.meta = {};
        consent.withdrawnDate = {};
        consent.withdrawnBy.clear();
        auto given = consents.createConsent(unlocked.actor, consent);
        if (!given)
            return given.error().message;

        CaseNoteRepository notes(*unlocked.store);
        for (int i = 0; i < largePushNotes; ++i) {
            CaseNote note;
            note.familyId = m_familyId;
            note.date = QDate::currentDate();
            note.author = schoolUser;
            note.type = QStringLiteral("Telephone call");
            note.text = QStringLiteral("Check-in call number %1 with the family.").arg(i + 1);
            auto created = notes.create(unlocked.actor, note);
            if (!created)
                return created.error().message;
        }
        return QString();
    });
    QVERIFY2(written.isEmpty(), qPrintable(written));

    const auto countServerNotes = [this] {
        int count = -1;
        {
            QSqlDatabase database = openTestDatabase(m_databaseLocation, QStringLiteral("server-count"));
            QSqlQuery query(database);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM change WHERE record_type = 'caseNote'")) &&
                query.next())
                count = query.value(0).toInt();
            database.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("server-count"));
        return count;
    };

    const int before = countServerNotes();
    QVERIFY(before >= 0);
    QProcess cli;
    cli.start(QStringLiteral(EARLYHELP_CLI_PATH),
              {QStringLiteral("--store"), m_schoolStore, QStringLiteral("--user"), schoolUser,
               QStringLiteral("--passphrase-stdin"), QStringLiteral("sync")});
    QVERIFY(cli.waitForStarted());
    cli.write(passphrase);
    cli.closeWriteChannel();

    // Kill the server once the first batch is in and the push goes on.
    int countAtKill = -1;
    const QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired() && cli.state() != QProcess::NotRunning) {
        const int count = countServerNotes();
        if (count > before) {
            countAtKill = count;
            m_server.kill();
            break;
        }
        cli.waitForFinished(20);
    }
    QVERIFY2(countAtKill > before, "the push ended before the server could be killed");
    QVERIFY2(countAtKill < before + largePushNotes, qPrintable(QString::number(countAtKill)));
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 1);
    const QString stopped = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(stopped.contains(QStringLiteral("sync stopped")), qPrintable(stopped));

    QString error;
    const quint16 port = m_server.port();
    QVERIFY2(m_server.start(m_databaseLocation, m_certificates, error, {}, port), qPrintable(error));
    const CliRun resumed = sync(m_schoolStore, schoolUser);
    if (resumed.exitCode != 0) {
        // The server's request log shows how long each push took.
        QStringList pushes;
        for (const QString& line : m_server.standardError().split(u'\n')) {
            if (line.contains(QStringLiteral("/api/v1/push")))
                pushes.append(line);
        }
        QFAIL(qPrintable(resumed.err + pushes.join(u'\n')));
    }

    // Each change is in the server's change table once, and the server has
    // every note that the school has.
    {
        QSqlDatabase database = openTestDatabase(m_databaseLocation, QStringLiteral("server-check"));
        QSqlQuery duplicates(database);
        QVERIFY(duplicates.exec(QStringLiteral(
            "SELECT COUNT(*) FROM (SELECT change_id FROM change GROUP BY change_id HAVING COUNT(*) > 1) d")));
        QVERIFY(duplicates.next());
        QCOMPARE(duplicates.value(0).toInt(), 0);
        QSqlQuery records(database);
        records.prepare(QStringLiteral("SELECT COUNT(*) FROM record WHERE record_type = 'caseNote' AND family_id = ?"));
        records.addBindValue(m_familyId);
        QVERIFY(records.exec() && records.next());
        QCOMPARE(records.value(0).toString(),
                 storeValue(m_schoolStore, schoolUser,
                            QStringLiteral("SELECT COUNT(*) FROM case_note WHERE family_id = ?"), m_familyId));
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("server-check"));
    QCOMPARE(countServerNotes(), before + largePushNotes);

    const QString pending = withStore(m_schoolStore, schoolUser, [](UnlockedStore& unlocked) -> QString {
        auto count = sync::SyncLocal(*unlocked.store).pendingCount();
        if (!count)
            return count.error().message;
        return *count == 0 ? QString() : QStringLiteral("%1 records wait in the outbox").arg(*count);
    });
    QVERIFY2(pending.isEmpty(), qPrintable(pending));
}

// The school shares the child again, then erases them: the school's next
// sync erases the server's copy, and the Trust's purges its own.
void TestCliSyncShare::erasedChildPurgedAtTrust() {
    const QString consented = withStore(m_schoolStore, schoolUser, [this](UnlockedStore& unlocked) -> QString {
        Consent consent;
        consent.familyId = m_familyId;
        consent.subjectPersonId = m_childId;
        consent.givenByPersonId = m_adultId;
        consent.purposes = {QStringLiteral("safeguarding")};
        consent.recipients = {{ConsentRecipient::Kind::PartyType, QStringLiteral("childrens_trust")}};
        consent.dataCategories = {DataCategory::Personal};
        consent.givenDate = QDate::currentDate();
        auto created = ConsentRepository(*unlocked.store).createConsent(unlocked.actor, consent);
        return created ? QString() : created.error().message;
    });
    QVERIFY2(consented.isEmpty(), qPrintable(consented));
    const CliRun shared = sync(m_schoolStore, schoolUser);
    QVERIFY2(shared.exitCode == 0, qPrintable(shared.err));
    const CliRun received = sync(m_trustStore, trustUser);
    QVERIFY2(received.exitCode == 0, qPrintable(received.err));
    QCOMPARE(storeValue(m_trustStore, trustUser, QStringLiteral("SELECT id FROM person WHERE id = ?"), m_childId),
             m_childId);

    const QString erased = withStore(m_schoolStore, schoolUser, [this](UnlockedStore& unlocked) -> QString {
        auto outcome = retention::Erasure(*unlocked.store)
                           .erasePerson(unlocked.actor, m_childId, QStringLiteral("Erasure request ER-2026-14"));
        return outcome ? QString() : outcome.error().message;
    });
    QVERIFY2(erased.isEmpty(), qPrintable(erased));
    QCOMPARE(storeValue(m_schoolStore, schoolUser,
                        QStringLiteral("SELECT COUNT(*) FROM sync_outbox WHERE record_id = ? AND "
                                       "json_extract(body, '$.erased') = 1"),
                        m_childId),
             QStringLiteral("1"));

    const CliRun school = sync(m_schoolStore, schoolUser);
    QVERIFY2(school.exitCode == 0, qPrintable(school.err + school.out));
    QCOMPARE(storeValue(m_schoolStore, schoolUser, QStringLiteral("SELECT COUNT(*) FROM sync_outbox WHERE record_id = ?"),
                        m_childId),
             QStringLiteral("0"));
    // The school's own feed brings the erased record back as deleted; it
    // stays erased.
    QCOMPARE(storeValue(m_schoolStore, schoolUser, QStringLiteral("SELECT id FROM person WHERE id = ?"), m_childId),
             QStringLiteral("(no row)"));
    QVERIFY(serverField(QStringLiteral("person"), m_childId, QStringLiteral("person.legalSurname")).isUndefined());
    QVERIFY(serverField(QStringLiteral("person"), m_childId, QStringLiteral("person.preferredForename")).isUndefined());

    const CliRun trust = sync(m_trustStore, trustUser);
    QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));
    QCOMPARE(storeValue(m_trustStore, trustUser, QStringLiteral("SELECT id FROM person WHERE id = ?"), m_childId),
             QStringLiteral("(no row)"));
    QCOMPARE(storeValue(m_trustStore, trustUser,
                        QStringLiteral("SELECT reason FROM sync_purge WHERE record_id = ? ORDER BY id DESC LIMIT 1"),
                        m_childId),
             QStringLiteral("erased"));
}

void TestCliSyncShare::syncFailsWithServerDown() {
    QVERIFY(m_server.stop());
    const CliRun run = sync(m_trustStore, trustUser);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Could not connect to the sync server 127.0.0.1:%1").arg(m_server.port())),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("the next sync continues from there")), qPrintable(run.err));
    QVERIFY2(!run.out.contains(QStringLiteral("Conflicts waiting")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestCliSyncShare)
#include "tst_clisyncshare.moc"
