// AgreementRegister against a real store: installing signed versions,
// signing up, the agreement in force and what is pending, and what it rejects.

#include "cases/casedirectory.h"
#include "policy/signature.h"
#include "sharing/agreementregister.h"
#include "store/store.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace earlyhelp;
using namespace earlyhelp::sharing;

namespace {

const access::Actor lead{QStringLiteral("a.okafor"), QStringLiteral("lead")};
const QDate today(2026, 12, 4);
const QDateTime now(today, QTime(10, 30), Qt::UTC);

// A signed agreement document and its signature in text form.
struct SignedDocument {
    QByteArray document;
    QByteArray signature;
};

QByteArray bundledDocument() {
    QFile file(QStringLiteral(":/agreement/agreement-v1.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Returns the bundled agreement renumbered as version, with extra appended to
// its title so that two documents of one version can differ.
QByteArray documentOfVersion(int version, const QString& extra = {}) {
    QByteArray document = bundledDocument();
    const QByteArray versionLine = "\"agreementVersion\": " + QByteArray::number(version) + ',';
    document.replace("\"agreementVersion\": 1,", versionLine);
    if (!extra.isEmpty()) {
        const QByteArray titleEnd = "version 1" + extra.toUtf8() + "\",";
        document.replace("version 1\",", titleEnd);
    }
    return document;
}

SignedDocument sign(const QByteArray& document, const SecretBytes& secretKey) {
    const Result<QByteArray> signature = policy::signDetached(document, secretKey);
    if (!signature)
        return {document, {}};
    return {document, policy::encodeKeyOrSignature(*signature)};
}

#define VERIFY_OK(expression)                                                                                \
    do {                                                                                                     \
        const auto& checked = (expression);                                                                  \
        QVERIFY2(bool(checked), qUtf8Printable(bool(checked) ? QString() : checked.error().message));        \
    } while (false)

} // namespace

class TestAgreementRegister : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void nothingAcceptedIsNotSignedUp();
    void installAcceptRoundTrip();
    void installSameBytesIsNoOp();
    void installChangedBytesRejected();
    void foreignSignatureRejected();
    void changedStoredDocumentRejected();
    void changedStoredDocumentRepairedByInstall();
    void otherRolesMayNotAccept_data();
    void otherRolesMayNotAccept();
    void otherRolesMayInstall();
    void acceptRejectsInvalidInput_data();
    void acceptRejectsInvalidInput();
    void acceptTrimsNames();
    void pendingAfterNewerInstall();
    void olderVersionNeverPending();
    void olderVersionRejected();
    void acceptancesNewestFirst();

private:
    [[nodiscard]] AgreementRegister makeRegister() {
        return AgreementRegister(*m_store, m_keys.publicKey, [] { return now; });
    }
    [[nodiscard]] SignedDocument signedVersion(int version) {
        return sign(documentOfVersion(version), m_keys.secretKey);
    }
    void installVersion(int version);
    void acceptVersion(int version);

    policy::SigningKeyPair m_keys;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Store> m_store;
};

void TestAgreementRegister::initTestCase() {
    QVERIFY(!bundledDocument().isEmpty());
    Result<policy::SigningKeyPair> keys = policy::generateSigningKeyPair();
    VERIFY_OK(keys);
    m_keys = std::move(*keys);
}

void TestAgreementRegister::init() {
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    Result<std::unique_ptr<Store>> created =
        Store::create(m_folder->filePath(QStringLiteral("case.store")), SecretBytes::random(32));
    VERIFY_OK(created);
    m_store = std::move(*created);
    OrganisationRecord organisation;
    organisation.name = QStringLiteral("Test Primary School");
    organisation.dfeUrn = QStringLiteral("103456");
    VERIFY_OK(createLocalOrganisation(*m_store, organisation));
}

void TestAgreementRegister::cleanup() {
    m_store.reset();
    m_folder.reset();
}

void TestAgreementRegister::installVersion(int version) {
    const SignedDocument signedDocument = signedVersion(version);
    const Result<InstalledAgreement> installed =
        makeRegister().install(lead, signedDocument.document, signedDocument.signature);
    VERIFY_OK(installed);
    QCOMPARE(installed->agreement.version, version);
}

void TestAgreementRegister::acceptVersion(int version) {
    VERIFY_OK(makeRegister().accept(lead, version, QStringLiteral("Helen Carter"),
                                    QStringLiteral("Headteacher"), today.addDays(-1), today));
}

void TestAgreementRegister::nothingAcceptedIsNotSignedUp() {
    AgreementRegister agreements = makeRegister();
    QCOMPARE(agreements.state().unavailableReason, notSignedUpState().unavailableReason);
    QVERIFY(!agreements.state().inForce);
    QVERIFY(!agreements.state().acceptance);

    // Installed but not accepted still applies nothing.
    installVersion(1);
    QVERIFY(!agreements.state().inForce);
    QCOMPARE(agreements.state().unavailableReason, notSignedUpState().unavailableReason);
}

void TestAgreementRegister::installAcceptRoundTrip() {
    AgreementRegister agreements = makeRegister();
    const SignedDocument signedDocument = signedVersion(1);
    const Result<InstalledAgreement> installed =
        agreements.install(lead, signedDocument.document, signedDocument.signature);
    VERIFY_OK(installed);
    QVERIFY(installed->newlyInstalled);

    const Result<Acceptance> accepted = agreements.accept(
        lead, 1, QStringLiteral("Helen Carter"), QStringLiteral("Headteacher"), QDate(2026, 11, 30), today);
    VERIFY_OK(accepted);

    const AgreementState state = agreements.state();
    QVERIFY2(state.inForce.has_value(), qPrintable(state.unavailableReason));
    QVERIFY(state.unavailableReason.isEmpty());
    QCOMPARE(state.inForce->version, 1);
    QCOMPARE(state.inForce->rules.size(), installed->agreement.rules.size());
    QVERIFY(state.acceptance);
    QCOMPARE(state.acceptance->version, 1);
    QCOMPARE(state.acceptance->signatoryName, QStringLiteral("Helen Carter"));
    QCOMPARE(state.acceptance->signatoryRole, QStringLiteral("Headteacher"));
    QCOMPARE(state.acceptance->signedDate, QDate(2026, 11, 30));
    QCOMPARE(state.acceptance->recordedBy, lead.user);
    QCOMPARE(state.acceptance->recordedAt, QStringLiteral("2026-12-04T10:30:00.000Z"));

    // The rows as stored: bytes as signed, and the local organisation's id.
    QSqlQuery query(m_store->database());
    QVERIFY(
        query.exec(QStringLiteral("SELECT document, installed_by FROM agreement_version WHERE version = 1")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toByteArray(), signedDocument.document);
    QCOMPARE(query.value(1).toString(), lead.user);
    QVERIFY(query.exec(
        QStringLiteral("SELECT count(*) FROM agreement_acceptance a JOIN organisation o "
                       "ON o.id = a.org_id WHERE o.is_local = 1 AND a.signed_date = '2026-11-30'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);

    const Result<std::optional<policy::Agreement>> pending = agreements.pending();
    VERIFY_OK(pending);
    QVERIFY(!pending->has_value());
}

void TestAgreementRegister::installSameBytesIsNoOp() {
    installVersion(1);
    const SignedDocument again = signedVersion(1);
    const Result<InstalledAgreement> installed =
        makeRegister().install(lead, again.document, again.signature);
    VERIFY_OK(installed);
    QVERIFY(!installed->newlyInstalled);

    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM agreement_version")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestAgreementRegister::installChangedBytesRejected() {
    installVersion(1);
    const SignedDocument changed = sign(documentOfVersion(1, QStringLiteral(" (revised)")), m_keys.secretKey);
    QVERIFY(changed.document != documentOfVersion(1));

    const Result<InstalledAgreement> installed =
        makeRegister().install(lead, changed.document, changed.signature);

    QVERIFY(!installed);
    QCOMPARE(installed.error().code, ErrorCode::InvalidInput);
    QVERIFY2(installed.error().message.contains(u"Agreement version 1 "),
             qPrintable(installed.error().message));
    QVERIFY2(installed.error().message.contains(u"new version number"),
             qPrintable(installed.error().message));

    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT document FROM agreement_version WHERE version = 1")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toByteArray(), documentOfVersion(1));
}

void TestAgreementRegister::foreignSignatureRejected() {
    const Result<policy::SigningKeyPair> foreign = policy::generateSigningKeyPair();
    VERIFY_OK(foreign);
    const SignedDocument signedDocument = sign(documentOfVersion(1), foreign->secretKey);
    const QByteArray document = signedDocument.document;

    const Result<InstalledAgreement> installed =
        makeRegister().install(lead, document, signedDocument.signature);

    QVERIFY(!installed);
    QCOMPARE(installed.error().code, ErrorCode::Crypto);
    const Result<policy::Agreement> direct =
        policy::verifyAgreement(document, signedDocument.signature, m_keys.publicKey);
    QVERIFY(!direct);
    QCOMPARE(installed.error().message, direct.error().message);

    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM agreement_version")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 0);
}

void TestAgreementRegister::changedStoredDocumentRejected() {
    installVersion(1);
    acceptVersion(1);
    QVERIFY(makeRegister().state().inForce);

    // Change one byte of the stored document, as a tool writing to the
    // store directly could.
    QSqlQuery query(m_store->database());
    QVERIFY(query.exec(QStringLiteral("SELECT document FROM agreement_version WHERE version = 1")));
    QVERIFY(query.next());
    QByteArray document = query.value(0).toByteArray();
    query.finish();
    const qsizetype at = document.indexOf("\"never\"");
    QVERIFY(at > 0);
    document[at + 1] = 'N';
    QSqlQuery update(m_store->database());
    update.prepare(QStringLiteral("UPDATE agreement_version SET document = ? WHERE version = 1"));
    update.addBindValue(document);
    QVERIFY2(update.exec(), qPrintable(update.lastError().text()));

    const AgreementState state = makeRegister().state();

    QVERIFY(!state.inForce);
    QVERIFY(state.acceptance);
    QVERIFY2(state.unavailableReason.contains(u"agreement version 1 fails its signature check"),
             qPrintable(state.unavailableReason));
    QVERIFY2(state.unavailableReason.contains(u"Install the Trust's signed file of version 1 again"),
             qPrintable(state.unavailableReason));

    // The signature check comes before any other check of an acceptance.
    const Result<Acceptance> accepted = makeRegister().accept(lead, 1, QStringLiteral("Helen Carter"),
                                                              QStringLiteral("Headteacher"), today, today);
    QVERIFY(!accepted);
    QCOMPARE(accepted.error().code, ErrorCode::Crypto);
}

void TestAgreementRegister::changedStoredDocumentRepairedByInstall() {
    installVersion(1);
    acceptVersion(1);
    QSqlQuery update(m_store->database());
    QVERIFY(update.exec(QStringLiteral("UPDATE agreement_version SET signature = 'AAAA' WHERE version = 1")));
    QVERIFY(!makeRegister().state().inForce);

    const SignedDocument original = signedVersion(1);
    const Result<InstalledAgreement> installed =
        makeRegister().install(lead, original.document, original.signature);
    VERIFY_OK(installed);
    QVERIFY(installed->newlyInstalled);

    const AgreementState state = makeRegister().state();
    QVERIFY2(state.inForce, qPrintable(state.unavailableReason));
    QCOMPARE(state.inForce->version, 1);
}

void TestAgreementRegister::otherRolesMayNotAccept_data() {
    QTest::addColumn<QString>("roleCode");
    QTest::newRow("read-only") << QStringLiteral("readonly");
    QTest::newRow("caseworker") << QStringLiteral("caseworker");
    QTest::newRow("deputy") << QStringLiteral("deputy");
    QTest::newRow("unknown role") << QStringLiteral("superuser");
}

void TestAgreementRegister::otherRolesMayNotAccept() {
    QFETCH(QString, roleCode);
    installVersion(1);

    const access::Actor actor{QStringLiteral("j.patel"), roleCode};
    const Result<Acceptance> accepted = makeRegister().accept(actor, 1, QStringLiteral("Helen Carter"),
                                                              QStringLiteral("Headteacher"), today, today);

    QVERIFY(!accepted);
    QCOMPARE(accepted.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!makeRegister().state().inForce);
    const Result<QList<Acceptance>> history = makeRegister().acceptances();
    VERIFY_OK(history);
    QVERIFY(history->isEmpty());
}

void TestAgreementRegister::otherRolesMayInstall() {
    const access::Actor readOnly{QStringLiteral("c.reed"), QStringLiteral("readonly")};
    const SignedDocument signedDocument = signedVersion(1);
    VERIFY_OK(makeRegister().install(readOnly, signedDocument.document, signedDocument.signature));
    const Result<std::optional<policy::Agreement>> pending = makeRegister().pending();
    VERIFY_OK(pending);
    QVERIFY(pending->has_value());

    const access::Actor unknown{QStringLiteral("c.reed"), QStringLiteral("superuser")};
    const SignedDocument second = signedVersion(2);
    const Result<InstalledAgreement> rejected =
        makeRegister().install(unknown, second.document, second.signature);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::PermissionDenied);
}

void TestAgreementRegister::acceptRejectsInvalidInput_data() {
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QDate>("signedDate");
    QTest::addColumn<QString>("expected");

    const QString name = QStringLiteral("Helen Carter");
    const QString role = QStringLiteral("Headteacher");
    QTest::newRow("blank name") << 1 << QStringLiteral("  ") << role << today
                                << QStringLiteral("The signatory's name is missing.");
    QTest::newRow("empty role") << 1 << name << QString() << today
                                << QStringLiteral("The signatory's role is missing.");
    QTest::newRow("invalid date") << 1 << name << role << QDate() << QStringLiteral("not a valid date");
    QTest::newRow("date after today")
        << 1 << name << role << today.addDays(1)
        << QStringLiteral("The signed date 05/12/2026 is after today, 04/12/2026.");
    QTest::newRow("not installed") << 3 << name << role << today
                                   << QStringLiteral("Agreement version 3 is not installed.");
}

void TestAgreementRegister::acceptRejectsInvalidInput() {
    QFETCH(int, version);
    QFETCH(QString, name);
    QFETCH(QString, role);
    QFETCH(QDate, signedDate);
    QFETCH(QString, expected);
    installVersion(1);

    const Result<Acceptance> accepted = makeRegister().accept(lead, version, name, role, signedDate, today);

    QVERIFY(!accepted);
    QCOMPARE(accepted.error().code, ErrorCode::InvalidInput);
    QVERIFY2(accepted.error().message.contains(expected), qPrintable(accepted.error().message));
    QVERIFY(!makeRegister().state().inForce);
}

void TestAgreementRegister::acceptTrimsNames() {
    installVersion(1);
    const Result<Acceptance> accepted = makeRegister().accept(
        lead, 1, QStringLiteral("  Helen Carter "), QStringLiteral("\tHeadteacher\n"), today, today);
    VERIFY_OK(accepted);
    const AgreementState state = makeRegister().state();
    QVERIFY(state.acceptance);
    QCOMPARE(state.acceptance->signatoryName, QStringLiteral("Helen Carter"));
    QCOMPARE(state.acceptance->signatoryRole, QStringLiteral("Headteacher"));

    // Accepting the same version again is rejected, naming who signed it.
    const Result<Acceptance> again = makeRegister().accept(lead, 1, QStringLiteral("Helen Carter"),
                                                           QStringLiteral("Headteacher"), today, today);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::InvalidInput);
    QVERIFY2(again.error().message.contains(u"Agreement version 1 was already accepted: Helen Carter"),
             qPrintable(again.error().message));
}

void TestAgreementRegister::pendingAfterNewerInstall() {
    installVersion(1);
    acceptVersion(1);
    installVersion(2);

    AgreementRegister agreements = makeRegister();
    const Result<std::optional<policy::Agreement>> pending = agreements.pending();
    VERIFY_OK(pending);
    QVERIFY(pending->has_value());
    QCOMPARE((*pending)->version, 2);
    // Version 1 stays in force until version 2 is accepted.
    QCOMPARE(agreements.state().inForce->version, 1);

    acceptVersion(2);
    QCOMPARE(agreements.state().inForce->version, 2);
    const Result<std::optional<policy::Agreement>> afterwards = agreements.pending();
    VERIFY_OK(afterwards);
    QVERIFY(!afterwards->has_value());
}

void TestAgreementRegister::olderVersionNeverPending() {
    installVersion(2);
    acceptVersion(2);
    installVersion(1);

    const Result<std::optional<policy::Agreement>> pending = makeRegister().pending();
    VERIFY_OK(pending);
    QVERIFY(!pending->has_value());

    // Of several newer versions, the newest is pending.
    installVersion(4);
    installVersion(3);
    const Result<std::optional<policy::Agreement>> newest = makeRegister().pending();
    VERIFY_OK(newest);
    QVERIFY(newest->has_value());
    QCOMPARE((*newest)->version, 4);
}

void TestAgreementRegister::olderVersionRejected() {
    installVersion(1);
    installVersion(2);
    acceptVersion(2);

    const Result<Acceptance> accepted = makeRegister().accept(lead, 1, QStringLiteral("Helen Carter"),
                                                              QStringLiteral("Headteacher"), today, today);

    QVERIFY(!accepted);
    QCOMPARE(accepted.error().code, ErrorCode::InvalidInput);
    QVERIFY2(accepted.error().message.contains(u"Agreement version 1 is older than version 2"),
             qPrintable(accepted.error().message));
    QCOMPARE(makeRegister().state().inForce->version, 2);
}

void TestAgreementRegister::acceptancesNewestFirst() {
    installVersion(1);
    installVersion(2);
    acceptVersion(1);
    acceptVersion(2);

    const Result<QList<Acceptance>> history = makeRegister().acceptances();
    VERIFY_OK(history);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).version, 2);
    QCOMPARE(history->at(1).version, 1);
    QCOMPARE(history->at(1).signatoryName, QStringLiteral("Helen Carter"));
}

QTEST_GUILESS_MAIN(TestAgreementRegister)
#include "tst_agreementregister.moc"
