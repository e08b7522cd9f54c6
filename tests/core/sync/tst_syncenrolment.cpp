// Enrolling a real encrypted store with the real earlyhelp-server on
// 127.0.0.1: the credential goes to the OS keychain, the enrolment to the
// store, and the certificate, code and keychain failures give their
// messages. Needs a Secret Service, so CTest runs it inside
// scripts/with-keyring.

#include "../../server/servertestsupport.h"

#include "access/access.h"
#include "cases/casestore.h"
#include "common/secretbytes.h"
#include "keys/oskeychain.h"
#include "store/store.h"
#include "sync/syncconnection.h"
#include "sync/syncenrolment.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

namespace {

const QString leadName = QStringLiteral("Sam Patel");
const QByteArray leadPassphrase = QByteArrayLiteral("wren close safeguarding 2026");
const QString schoolName = QStringLiteral("Wren Close Primary School");

template <typename T> QByteArray errorText(const std::expected<T, Error>& result) {
    return result ? QByteArray() : result.error().message.toUtf8();
}

// A keychain whose service does not respond, as on a computer without one.
class UnavailableKeychain final : public keys::Keychain {
public:
    Status writeSecret(const QString&, const SecretBytes&) override {
        ++writes;
        return makeError(ErrorCode::KeychainUnavailable,
                         QStringLiteral("No OS keychain is available (no keychain service is running)."));
    }
    Result<SecretBytes> readSecret(const QString&) override {
        return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("no keychain service is running"));
    }
    Status deleteSecret(const QString&) override { return {}; }

    int writes = 0;
};

} // namespace

class TestSyncEnrolment : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void enrolKeepsCredentialAndRow();
    void statusAndAgreementWithCredential();
    void untrustedCertificateNamesIt();
    void usedCodeGivesServerMessage();
    void insecureUrlRejected_data();
    void insecureUrlRejected();
    void unavailableKeychainStoresNothing();
    void readOnlyRoleMayNotEnrol();
    void enrollingAgainReplaces();
    void otherServerRemovesOldEntry();
    void revokedDeviceGivesServerMessage();
    void notEnrolledIsNotFound();
    void silentServerTimesOut();

private:
    [[nodiscard]] QString issueCode();
    [[nodiscard]] QString serverUrl() const;
    [[nodiscard]] sync::EnrolmentRequest request(const QString& code, bool withCa = true) const;
    [[nodiscard]] int enrolmentRows();
    [[nodiscard]] Result<sync::SyncEnrolment> enrol(const sync::EnrolmentRequest& enrolmentRequest);
    [[nodiscard]] QString entryKey() const;
    [[nodiscard]] access::Actor lead() const { return {leadName, QStringLiteral("lead")}; }

    QTemporaryDir m_serverDir;
    TestCertificates m_certificates;
    QString m_databasePath;
    QString m_organisationId;
    std::unique_ptr<ServerProcess> m_server;

    std::unique_ptr<QTemporaryDir> m_storeDir;
    QString m_storePath;
    QUuid m_storeId;
    std::unique_ptr<Store> m_store;
    keys::OsKeychain m_keychain;
};

void TestSyncEnrolment::initTestCase() {
    // scripts/with-keyring names its throwaway folder. Without it, this test
    // would write to the user's own keyring.
    if (qEnvironmentVariableIsEmpty("WITH_KEYRING_FOLDER"))
        QSKIP("needs the private keyring of scripts/with-keyring");

    QVERIFY(m_serverDir.isValid());
    QString error;
    QVERIFY2(makeTestCertificates(m_serverDir.path(), QStringLiteral("sync"), m_certificates, error),
             qPrintable(error));
    m_databasePath = m_serverDir.filePath(QStringLiteral("server.db"));
    const CommandResult added =
        runServerCommand({QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("add"),
                          QStringLiteral("--name"), schoolName, QStringLiteral("--party-type"),
                          QStringLiteral("school"), QStringLiteral("--urn"), QStringLiteral("199992")},
                         m_databasePath);
    QVERIFY2(added.exitCode == 0, qPrintable(added.standardError));
    m_organisationId = added.standardOutput.trimmed();

    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(m_databasePath, m_certificates, error), qPrintable(error));
}

void TestSyncEnrolment::init() {
    m_storeDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_storeDir->isValid());
    m_storePath = m_storeDir->filePath(QStringLiteral("wren.ehstore"));

    NewStoreRequest newStore;
    newStore.path = m_storePath;
    newStore.organisation.name = schoolName;
    newStore.organisation.dfeUrn = QStringLiteral("199992");
    newStore.userName = leadName;
    newStore.passphrase = SecretBytes::copyOf(leadPassphrase.constData(), std::size_t(leadPassphrase.size()));
    Result<NewStore> created = setUpStore(std::move(newStore));
    QVERIFY2(created, errorText(created).constData());
    m_store = std::move(created->store);
    auto storeId = sync::storeIdFor(m_storePath);
    QVERIFY2(storeId, errorText(storeId).constData());
    m_storeId = *storeId;
}

void TestSyncEnrolment::cleanup() {
    // Removes the credential, so that runs leave nothing in the keyring.
    (void)m_keychain.deleteSecret(entryKey());
    m_store.reset();
    m_storeDir.reset();
}

QString TestSyncEnrolment::issueCode() {
    const CommandResult issued = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("enrol-code"), QStringLiteral("--org"), m_organisationId},
        m_databasePath);
    if (issued.exitCode != 0)
        qWarning("enrol-code failed: %s", qPrintable(issued.standardError));
    return issued.standardOutput.trimmed();
}

QString TestSyncEnrolment::serverUrl() const {
    return QStringLiteral("https://127.0.0.1:%1").arg(m_server->port());
}

sync::EnrolmentRequest TestSyncEnrolment::request(const QString& code, bool withCa) const {
    sync::EnrolmentRequest enrolmentRequest;
    enrolmentRequest.serverUrl = serverUrl();
    enrolmentRequest.code = code;
    enrolmentRequest.deviceName = QStringLiteral("DSL office laptop");
    if (withCa)
        enrolmentRequest.caCertificatePath = m_certificates.caCertificate;
    return enrolmentRequest;
}

Result<sync::SyncEnrolment> TestSyncEnrolment::enrol(const sync::EnrolmentRequest& enrolmentRequest) {
    return sync::enrolStore(*m_store, m_storeId, lead(), m_keychain, enrolmentRequest);
}

int TestSyncEnrolment::enrolmentRows() {
    QSqlQuery query(m_store->database());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sync_enrolment")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString TestSyncEnrolment::entryKey() const {
    return sync::credentialKeychainKey(m_storeId,
                                       QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port())));
}

void TestSyncEnrolment::enrolKeepsCredentialAndRow() {
    auto enrolment = enrol(request(issueCode()));
    QVERIFY2(enrolment, errorText(enrolment).constData());

    auto credential = m_keychain.readSecret(entryKey());
    QVERIFY2(credential, errorText(credential).constData());
    const QByteArray credentialText(reinterpret_cast<const char*>(credential->data()),
                                    qsizetype(credential->size()));
    QCOMPARE(QByteArray::fromBase64(credentialText).size(), 32);

    auto stored = sync::readEnrolment(*m_store);
    QVERIFY2(stored, errorText(stored).constData());
    QVERIFY(stored->has_value());
    QCOMPARE((*stored)->serverUrl.toString(), serverUrl());
    QCOMPARE((*stored)->deviceId, enrolment->deviceId);
    QCOMPARE((*stored)->deviceName, QStringLiteral("DSL office laptop"));
    QCOMPARE((*stored)->organisation.id, m_organisationId);
    QCOMPARE((*stored)->organisation.name, schoolName);
    QCOMPARE((*stored)->organisation.partyType, QStringLiteral("school"));
    QVERIFY((*stored)->extraCaCertificates.contains("BEGIN CERTIFICATE"));
    QVERIFY(qAbs((*stored)->enrolledAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(enrolmentRows(), 1);

    // The credential is nowhere in the store's enrolment row.
    QSqlQuery row(m_store->database());
    QVERIFY(row.exec(QStringLiteral("SELECT * FROM sync_enrolment")) && row.next());
    for (int column = 0; column < row.record().count(); ++column)
        QVERIFY(!row.value(column).toString().contains(QString::fromLatin1(credentialText)));

    // The server lists the device under the organisation.
    const CommandResult devices = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("--json")},
        m_databasePath);
    QCOMPARE(devices.exitCode, 0);
    QVERIFY2(devices.standardOutput.contains(enrolment->deviceId), qPrintable(devices.standardOutput));
}

void TestSyncEnrolment::statusAndAgreementWithCredential() {
    auto enrolment = enrol(request(issueCode()));
    QVERIFY2(enrolment, errorText(enrolment).constData());

    auto connection = sync::connectEnrolledStore(*m_store, m_storeId, m_keychain);
    QVERIFY2(connection, errorText(connection).constData());
    auto status = (*connection)->status();
    QVERIFY2(status, errorText(status).constData());
    QCOMPARE(status->deviceId, enrolment->deviceId);
    QCOMPARE(status->organisation.id, m_organisationId);
    QCOMPARE(status->apiVersion, 1);
    QVERIFY(qAbs(status->serverTime.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    const QString agreementPath = QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json");
    const CommandResult published = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("agreement"), QStringLiteral("publish"), agreementPath},
        m_databasePath);
    QVERIFY2(published.exitCode == 0, qPrintable(published.standardError));
    auto agreement = (*connection)->fetchAgreement();
    QVERIFY2(agreement, errorText(agreement).constData());
    QFile document(agreementPath);
    QFile signature(agreementPath + u".sig");
    QVERIFY(document.open(QIODevice::ReadOnly) && signature.open(QIODevice::ReadOnly));
    QCOMPARE(agreement->document, document.readAll());
    QCOMPARE(agreement->signature, signature.readAll().trimmed());
    QVERIFY(agreement->version >= 1);
}

void TestSyncEnrolment::untrustedCertificateNamesIt() {
    const QString code = issueCode();
    auto refused = enrol(request(code, false));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Network);
    const QString message = refused.error().message;
    QVERIFY2(message.contains(QStringLiteral("subject \"127.0.0.1\"")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("issuer \"Early Help Test CA sync\"")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("127.0.0.1:%1").arg(m_server->port())), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("administrator")), qPrintable(message));
    QCOMPARE(enrolmentRows(), 0);
    QVERIFY(!m_keychain.readSecret(entryKey()));

    // The handshake failed before the code was sent, so with the CA
    // certificate added the same code enrols.
    auto enrolled = enrol(request(code, true));
    QVERIFY2(enrolled, errorText(enrolled).constData());
    QCOMPARE(enrolmentRows(), 1);

    // A status check without the recorded CA certificate fails the same way.
    auto connection = sync::connectEnrolledStore(*m_store, m_storeId, m_keychain);
    QVERIFY2(connection, errorText(connection).constData());
    QVERIFY((*connection)->status());
    sync::SyncConnection untrusting(QUrl(serverUrl()), {});
    auto status = untrusting.status();
    QVERIFY(!status);
    QVERIFY2(status.error().message.contains(QStringLiteral("issuer \"Early Help Test CA sync\"")),
             errorText(status).constData());
}

void TestSyncEnrolment::usedCodeGivesServerMessage() {
    const QString code = issueCode();
    auto first = enrol(request(code));
    QVERIFY2(first, errorText(first).constData());

    auto second = enrol(request(code));
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::InvalidInput);
    QVERIFY2(second.error().message.contains(QStringLiteral("already used")), errorText(second).constData());
    QVERIFY2(second.error().message.contains(QStringLiteral("ask your administrator for a new code")),
             errorText(second).constData());

    // The first enrolment still works.
    auto stored = sync::readEnrolment(*m_store);
    QVERIFY(stored && stored->has_value());
    QCOMPARE((*stored)->deviceId, first->deviceId);
    auto connection = sync::connectEnrolledStore(*m_store, m_storeId, m_keychain);
    QVERIFY2(connection, errorText(connection).constData());
    auto status = (*connection)->status();
    QVERIFY2(status, errorText(status).constData());
    QCOMPARE(status->deviceId, first->deviceId);
}

void TestSyncEnrolment::insecureUrlRejected_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("http") << QStringLiteral("http://127.0.0.1:%1") << QStringLiteral("uses http");
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1:%1")
                         << QStringLiteral("must start with https://");
    QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:%1") << QStringLiteral("not a valid");
    QTest::newRow("user info") << QStringLiteral("https://admin:secret@127.0.0.1:%1")
                               << QStringLiteral("user name or password");
    QTest::newRow("empty") << QString() << QStringLiteral("not a valid");
}

void TestSyncEnrolment::insecureUrlRejected() {
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const QString code = issueCode();
    sync::EnrolmentRequest enrolmentRequest = request(code);
    enrolmentRequest.serverUrl = url.isEmpty() ? url : url.arg(m_server->port());

    auto refused = enrol(enrolmentRequest);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QVERIFY2(refused.error().message.contains(expected), errorText(refused).constData());
    QVERIFY(!refused.error().message.contains(QStringLiteral("secret")));
    QCOMPARE(enrolmentRows(), 0);

    // Nothing reached the server: the code still enrols.
    auto enrolled = enrol(request(code));
    QVERIFY2(enrolled, errorText(enrolled).constData());
}

void TestSyncEnrolment::unavailableKeychainStoresNothing() {
    const QString code = issueCode();
    UnavailableKeychain unavailable;
    auto refused = sync::enrolStore(*m_store, m_storeId, lead(), unavailable, request(code));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::KeychainUnavailable);
    QVERIFY2(refused.error().message.contains(QStringLiteral("no keychain service is running")),
             errorText(refused).constData());
    QVERIFY2(refused.error().message.contains(QStringLiteral("code can still be used")),
             errorText(refused).constData());
    QCOMPARE(unavailable.writes, 1);
    QCOMPARE(enrolmentRows(), 0);

    auto enrolled = enrol(request(code));
    QVERIFY2(enrolled, errorText(enrolled).constData());
}

void TestSyncEnrolment::readOnlyRoleMayNotEnrol() {
    const QString code = issueCode();
    auto refused =
        sync::enrolStore(*m_store, m_storeId, {QStringLiteral("Robin Reed"), QStringLiteral("readonly")},
                         m_keychain, request(code));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(enrolmentRows(), 0);
    QVERIFY(!m_keychain.readSecret(entryKey()));

    auto enrolled = enrol(request(code));
    QVERIFY2(enrolled, errorText(enrolled).constData());
}

void TestSyncEnrolment::enrollingAgainReplaces() {
    auto first = enrol(request(issueCode()));
    QVERIFY2(first, errorText(first).constData());
    auto firstCredential = m_keychain.readSecret(entryKey());
    QVERIFY(firstCredential);

    sync::EnrolmentRequest again = request(issueCode(), false);
    again.deviceName = QStringLiteral("Reception PC");
    again.caCertificatePath = m_certificates.caCertificate;
    auto second = enrol(again);
    QVERIFY2(second, errorText(second).constData());
    QVERIFY(second->deviceId != first->deviceId);

    QCOMPARE(enrolmentRows(), 1);
    auto stored = sync::readEnrolment(*m_store);
    QVERIFY(stored && stored->has_value());
    QCOMPARE((*stored)->deviceId, second->deviceId);
    QCOMPARE((*stored)->deviceName, QStringLiteral("Reception PC"));
    auto secondCredential = m_keychain.readSecret(entryKey());
    QVERIFY(secondCredential);
    QVERIFY(!secondCredential->equals(*firstCredential));

    auto connection = sync::connectEnrolledStore(*m_store, m_storeId, m_keychain);
    QVERIFY2(connection, errorText(connection).constData());
    auto status = (*connection)->status();
    QVERIFY2(status, errorText(status).constData());
    QCOMPARE(status->deviceId, second->deviceId);
}

void TestSyncEnrolment::otherServerRemovesOldEntry() {
    auto first = enrol(request(issueCode()));
    QVERIFY2(first, errorText(first).constData());
    const QString firstKey = entryKey();
    QVERIFY(m_keychain.readSecret(firstKey));

    // A second server on another port of 127.0.0.1 with its own CA.
    QTemporaryDir otherDir;
    TestCertificates otherCertificates;
    QString error;
    QVERIFY2(makeTestCertificates(otherDir.path(), QStringLiteral("other"), otherCertificates, error),
             qPrintable(error));
    const QString otherDatabase = otherDir.filePath(QStringLiteral("other.db"));
    const CommandResult added =
        runServerCommand({QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("add"),
                          QStringLiteral("--name"), QStringLiteral("Birmingham Children's Trust"),
                          QStringLiteral("--party-type"), QStringLiteral("childrens_trust")},
                         otherDatabase);
    QVERIFY2(added.exitCode == 0, qPrintable(added.standardError));
    const CommandResult issued = runServerCommand({QStringLiteral("admin"), QStringLiteral("enrol-code"),
                                                   QStringLiteral("--org"), added.standardOutput.trimmed()},
                                                  otherDatabase);
    QVERIFY(issued.exitCode == 0);
    ServerProcess other;
    QVERIFY2(other.start(otherDatabase, otherCertificates, error), qPrintable(error));

    sync::EnrolmentRequest moved;
    moved.serverUrl = QStringLiteral("https://127.0.0.1:%1").arg(other.port());
    moved.code = issued.standardOutput.trimmed();
    moved.deviceName = QStringLiteral("DSL office laptop");
    moved.caCertificatePath = otherCertificates.caCertificate;
    auto second = enrol(moved);
    QVERIFY2(second, errorText(second).constData());
    QCOMPARE(second->organisation.partyType, QStringLiteral("childrens_trust"));

    auto oldEntry = m_keychain.readSecret(firstKey);
    QVERIFY(!oldEntry);
    QCOMPARE(oldEntry.error().code, ErrorCode::NotFound);
    const QString otherKey = sync::credentialKeychainKey(m_storeId, QUrl(moved.serverUrl));
    QVERIFY(m_keychain.readSecret(otherKey));
    auto connection = sync::connectEnrolledStore(*m_store, m_storeId, m_keychain);
    QVERIFY2(connection, errorText(connection).constData());
    QVERIFY2((*connection)->status(), "status with the second server's credential failed");
    (void)m_keychain.deleteSecret(otherKey);
}

void TestSyncEnrolment::revokedDeviceGivesServerMessage() {
    auto enrolment = enrol(request(issueCode()));
    QVERIFY2(enrolment, errorText(enrolment).constData());
    const CommandResult revoked = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("device"), QStringLiteral("revoke"), enrolment->deviceId},
        m_databasePath);
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.standardError));

    auto connection = sync::connectEnrolledStore(*m_store, m_storeId, m_keychain);
    QVERIFY2(connection, errorText(connection).constData());
    auto status = (*connection)->status();
    QVERIFY(!status);
    QCOMPARE(status.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(status.error().message.contains(QStringLiteral("revoked")), errorText(status).constData());
}

void TestSyncEnrolment::notEnrolledIsNotFound() {
    auto connection = sync::connectEnrolledStore(*m_store, m_storeId, m_keychain);
    QVERIFY(!connection);
    QCOMPARE(connection.error().code, ErrorCode::NotFound);
    QVERIFY2(connection.error().message.contains(m_storePath), errorText(connection).constData());
}

void TestSyncEnrolment::silentServerTimesOut() {
    // Accepts the connection and never responds, not even the TLS handshake.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    sync::SyncConnection connection(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort())), {},
                                    std::chrono::seconds(1));
    QElapsedTimer elapsed;
    elapsed.start();
    auto status = connection.status();
    QVERIFY(!status);
    QCOMPARE(status.error().code, ErrorCode::Network);
    QVERIFY2(status.error().message.contains(QStringLiteral("timed out after 1 second")),
             errorText(status).constData());
    QVERIFY(elapsed.elapsed() < 10'000);
}

QTEST_GUILESS_MAIN(TestSyncEnrolment)
#include "tst_syncenrolment.moc"
