// SyncEngine on a real encrypted store against the real earlyhelp-server on
// 127.0.0.1: who may sync, a sync's progress and outcome, and background
// sync retrying after the server stopped. The device credential is in the
// OS keychain, so CTest runs the suite inside scripts/with-keyring.

#include "../../server/servertestsupport.h"

#include "access/access.h"
#include "cases/casestore.h"
#include "casework/consentrepository.h"
#include "common/secretbytes.h"
#include "import/ctfimporter.h"
#include "keys/oskeychain.h"
#include "policy/signature.h"
#include "sharing/agreementregister.h"
#include "store/store.h"
#include "support/ctfgenerator.h"
#include "sync/syncengine.h"
#include "sync/syncenrolment.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

namespace {

const QString leadName = QStringLiteral("Sam Patel");
const QByteArray leadPassphrase = QByteArrayLiteral("wren close safeguarding 2026");
const QString schoolName = QStringLiteral("Wren Close Primary School");

template <typename T>
QByteArray errorText(const std::expected<T, Error>& result) {
    return result ? QByteArray() : result.error().message.toUtf8();
}

} // namespace

Q_DECLARE_METATYPE(earlyhelp::sync::SyncProgress)
Q_DECLARE_METATYPE(earlyhelp::sync::SyncOutcome)

class TestSyncEngine : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void readOnlyRoleMayNotSync();
    void unenrolledStoreIsNotEnrolled();
    void syncReportsProgressAndOutcome();
    void secondSyncExchangesNothing();
    void stoppedServerSchedulesRetry();

private:
    [[nodiscard]] access::Actor lead() const { return {leadName, QStringLiteral("lead")}; }
    [[nodiscard]] QString storeFile(const QString& name) const { return m_dir.filePath(name); }
    // Creates a school store with families imported from a generated CTF
    // file and the bundled agreement accepted. Returns an error message or
    // an empty string.
    [[nodiscard]] QString createStore(const QString& path, std::unique_ptr<Store>& store);

    QTemporaryDir m_dir;
    TestCertificates m_certificates;
    QString m_databasePath;
    QString m_organisationId;
    ServerProcess m_server;
    std::unique_ptr<Store> m_store;
    QUuid m_storeId;
    keys::OsKeychain m_keychain;
};

QString TestSyncEngine::createStore(const QString& path, std::unique_ptr<Store>& store) {
    NewStoreRequest request;
    request.path = path;
    request.organisation.name = schoolName;
    request.organisation.dfeUrn = QStringLiteral("199992");
    request.userName = leadName;
    request.passphrase = SecretBytes::copyOf(leadPassphrase.constData(), std::size_t(leadPassphrase.size()));
    Result<NewStore> created = setUpStore(std::move(request));
    if (!created)
        return created.error().message;
    store = std::move(created->store);

    const QString ctfPath = path + QStringLiteral(".ctf.xml");
    QFile ctf(ctfPath);
    testsupport::GeneratedCtfOptions options;
    options.pupils = 4;
    options.schoolName = schoolName;
    if (!ctf.open(QIODevice::WriteOnly) || ctf.write(testsupport::generateCtf(options)) < 0)
        return QStringLiteral("writing %1 failed").arg(ctfPath);
    ctf.close();
    if (auto imported = importCtf(*store, ctfPath); !imported)
        return imported.error().message;

    QFile document(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json"));
    QFile signature(QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json.sig"));
    if (!document.open(QIODevice::ReadOnly) || !signature.open(QIODevice::ReadOnly))
        return QStringLiteral("the bundled agreement cannot be read");
    sharing::AgreementRegister agreements(*store, policy::builtInTrustPublicKey());
    if (auto installed = agreements.install(lead(), document.readAll(), signature.readAll()); !installed)
        return installed.error().message;
    if (auto accepted = agreements.accept(lead(), 1, QStringLiteral("Jo Whitfield"), QStringLiteral("Headteacher"),
                                          QDate::currentDate(), QDate::currentDate());
        !accepted)
        return accepted.error().message;
    return {};
}

void TestSyncEngine::initTestCase() {
    if (qEnvironmentVariableIsEmpty("WITH_KEYRING_FOLDER"))
        QSKIP("needs the private keyring of scripts/with-keyring");
    QVERIFY(m_dir.isValid());
    qRegisterMetaType<sync::SyncProgress>();
    qRegisterMetaType<sync::SyncOutcome>();

    QString error;
    QVERIFY2(makeTestCertificates(m_dir.path(), QStringLiteral("engine"), m_certificates, error), qPrintable(error));
    m_databasePath = m_dir.filePath(QStringLiteral("server.db"));
    const CommandResult added = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"), schoolName,
         QStringLiteral("--party-type"), QStringLiteral("school")},
        m_databasePath);
    QVERIFY2(added.exitCode == 0, qPrintable(added.standardError));
    m_organisationId = added.standardOutput.trimmed();
    const CommandResult published = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("agreement"), QStringLiteral("publish"),
         QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")},
        m_databasePath);
    QVERIFY2(published.exitCode == 0, qPrintable(published.standardError));
    QVERIFY2(m_server.start(m_databasePath, m_certificates, error), qPrintable(error));

    const QString path = storeFile(QStringLiteral("wren.ehstore"));
    const QString created = createStore(path, m_store);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    auto storeId = sync::storeIdFor(path);
    QVERIFY2(storeId, errorText(storeId).constData());
    m_storeId = *storeId;

    // One family consents to sharing with the Children's Trust, so it is sent.
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral(
        "SELECT c.family_id, c.person_id, a.person_id FROM family_member c JOIN family_member a "
        "ON a.family_id = c.family_id AND a.role = 'adult' AND a.parental_responsibility = 1 "
        "WHERE c.role = 'child' ORDER BY c.family_id LIMIT 1")));
    QVERIFY(query.next());
    Consent consent;
    consent.familyId = query.value(0).toString();
    consent.subjectPersonId = query.value(1).toString();
    consent.givenByPersonId = query.value(2).toString();
    query.finish();
    consent.purposes = {QStringLiteral("safeguarding")};
    consent.recipients = {{ConsentRecipient::Kind::PartyType, QStringLiteral("childrens_trust")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.givenDate = QDate::currentDate();
    auto given = ConsentRepository(*m_store).createConsent(lead(), consent);
    QVERIFY2(given, errorText(given).constData());

    const CommandResult code = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("enrol-code"), QStringLiteral("--org"), m_organisationId},
        m_databasePath);
    QVERIFY2(code.exitCode == 0, qPrintable(code.standardError));
    sync::EnrolmentRequest enrolment;
    enrolment.serverUrl = QStringLiteral("https://127.0.0.1:%1").arg(m_server.port());
    enrolment.code = code.standardOutput.trimmed();
    enrolment.deviceName = QStringLiteral("DSL office laptop");
    enrolment.caCertificatePath = m_certificates.caCertificate;
    auto enrolled = sync::enrolStore(*m_store, m_storeId, lead(), m_keychain, enrolment);
    QVERIFY2(enrolled, errorText(enrolled).constData());
}

void TestSyncEngine::readOnlyRoleMayNotSync() {
    sync::SyncEngine engine(*m_store, m_storeId, m_keychain);
    QSignalSpy finished(&engine, &sync::SyncEngine::syncFinished);
    auto outcome = engine.syncNow(access::Actor{QStringLiteral("Reader"), QStringLiteral("readonly")});
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(engine.status(), sync::SyncEngine::Status::Idle);
}

void TestSyncEngine::unenrolledStoreIsNotEnrolled() {
    std::unique_ptr<Store> other;
    const QString path = storeFile(QStringLiteral("unenrolled.ehstore"));
    const QString created = createStore(path, other);
    QVERIFY2(created.isEmpty(), qPrintable(created));
    auto storeId = sync::storeIdFor(path);
    QVERIFY(storeId);

    sync::SyncEngine engine(*other, *storeId, m_keychain);
    QSignalSpy statuses(&engine, &sync::SyncEngine::statusChanged);
    auto outcome = engine.syncNow(lead());
    QVERIFY(!outcome);
    QCOMPARE(outcome.error().code, ErrorCode::NotFound);
    QCOMPARE(engine.status(), sync::SyncEngine::Status::NotEnrolled);
    QCOMPARE(statuses.count(), 1);
}

void TestSyncEngine::syncReportsProgressAndOutcome() {
    sync::SyncEngine engine(*m_store, m_storeId, m_keychain);
    QSignalSpy progress(&engine, &sync::SyncEngine::progressChanged);
    QSignalSpy finished(&engine, &sync::SyncEngine::syncFinished);
    QSignalSpy statuses(&engine, &sync::SyncEngine::statusChanged);

    auto outcome = engine.syncNow(lead());
    QVERIFY2(outcome, errorText(outcome).constData());
    QVERIFY2(!outcome->error, outcome->error ? qPrintable(outcome->error->message) : "");
    QVERIFY(outcome->complete);
    QVERIFY(outcome->pushed > 0);
    // The server's feed returns the organisation's own records.
    QVERIFY(outcome->pulled > 0);
    QCOMPARE(outcome->rejected, 0);
    QCOMPARE(outcome->conflictsOpen, 0);
    QVERIFY(outcome->serverTime.isValid());
    // Both clocks are this computer's.
    QVERIFY(std::abs(outcome->clockSkewSeconds) < 60);

    QCOMPARE(finished.count(), 1);
    QVERIFY(engine.lastOutcome().has_value());
    QCOMPARE(engine.lastOutcome()->pushed, outcome->pushed);
    QVERIFY(progress.count() >= 4);
    const auto first = progress.first().first().value<sync::SyncProgress>();
    QCOMPARE(first.phase, sync::SyncProgress::Phase::Connecting);
    const auto last = progress.last().first().value<sync::SyncProgress>();
    QCOMPARE(last.phase, sync::SyncProgress::Phase::Done);
    QCOMPARE(last.pushed, outcome->pushed);
    QCOMPARE(last.pulled, outcome->pulled);
    QVERIFY(last.toPush >= outcome->pushed);
    QCOMPARE(statuses.count(), 2);
    QCOMPARE(statuses.at(0).first().value<sync::SyncEngine::Status>(), sync::SyncEngine::Status::Syncing);
    QCOMPARE(statuses.at(1).first().value<sync::SyncEngine::Status>(), sync::SyncEngine::Status::Idle);

    auto state = sync::SyncLocal(*m_store).state();
    QVERIFY2(state, errorText(state).constData());
    QVERIFY(state->cursor > 0);
    QVERIFY(state->lastCompleteAt.isValid());
    QCOMPARE(state->lastError, QString());
}

void TestSyncEngine::secondSyncExchangesNothing() {
    sync::SyncEngine engine(*m_store, m_storeId, m_keychain);
    auto outcome = engine.syncNow(lead());
    QVERIFY2(outcome, errorText(outcome).constData());
    QVERIFY(outcome->complete);
    QCOMPARE(outcome->pushed, 0);
    QCOMPARE(outcome->pulled, 0);
}

void TestSyncEngine::stoppedServerSchedulesRetry() {
    QVERIFY(m_server.stop());
    sync::SyncEngine engine(*m_store, m_storeId, m_keychain);
    QSignalSpy finished(&engine, &sync::SyncEngine::syncFinished);

    const QDateTime started = QDateTime::currentDateTimeUtc();
    engine.start(lead(), std::chrono::hours(1));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(engine.status(), sync::SyncEngine::Status::WaitingToRetry);
    QVERIFY(engine.lastOutcome().has_value());
    QVERIFY(engine.lastOutcome()->error.has_value());
    QCOMPARE(engine.lastOutcome()->error->code, ErrorCode::Network);
    QVERIFY(!engine.lastOutcome()->complete);
    // The first retry waits firstRetryDelay (15 s), not the hour's interval.
    const QDateTime next = engine.nextAttemptAt();
    QVERIFY(next.isValid());
    QVERIFY2(next < QDateTime::currentDateTimeUtc().addSecs(60), qPrintable(next.toString(Qt::ISODate)));
    QVERIFY2(next > started.addSecs(10), qPrintable(next.toString(Qt::ISODate)));

    auto state = sync::SyncLocal(*m_store).state();
    QVERIFY2(state, errorText(state).constData());
    QVERIFY2(state->lastError.contains(QStringLiteral("127.0.0.1")), qPrintable(state->lastError));

    engine.stop();
    QCOMPARE(engine.status(), sync::SyncEngine::Status::Idle);
    QVERIFY(!engine.nextAttemptAt().isValid());
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
