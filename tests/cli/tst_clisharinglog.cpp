// The sharing log against the real earlyhelp-server on 127.0.0.1 over TLS.
// A school and the Children's Trust each have an encrypted store enrolled
// as a device of their organisation, and sync with "earlyhelp-cli sync" as
// processes. The school records a parent's consent to share a child's
// personal data with the Children's Trust for safeguarding. The suite checks
// the audit Share events that sync appends, the sharing log on both sides,
// and both again after the consent is withdrawn. The slots run in order.
// The device credentials go to the OS keychain, so CTest runs the suite
// inside scripts/with-keyring. With EARLYHELP_TEST_POSTGRES_BIN set, the
// server runs on a private PostgreSQL server instead of SQLite.

#include "../server/servertestsupport.h"

#include "audit/auditlog.h"
#include "cases/casestore.h"
#include "casework/consentrepository.h"
#include "common/secretbytes.h"
#include "policy/signature.h"
#include "sharing/agreementregister.h"
#include "sharing/sharinglog.h"
#include "support/ctfgenerator.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

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

SecretBytes passphraseSecret() {
    const QByteArray text = passphrase.trimmed();
    return SecretBytes::copyOf(text.constData(), std::size_t(text.size()));
}

QStringList stringsOf(const QJsonValue& value) {
    QStringList strings;
    for (const QJsonValue& item : value.toArray())
        strings += item.toString();
    return strings;
}

QString displayDate(const QDate& date) {
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

} // namespace

class TestCliSharingLog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void shareEventsOncePerRecipientAndPurpose();
    void unchangedSyncAddsNoShareEvent();
    void schoolLogListsTrust();
    void trustLogListsSchool();
    void withdrawalEndsSchoolSharing();
    void withdrawalShowsTrustPurge();

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
    // Reads the Share events of the store about subjectId (a person, or a
    // family for family-level events) into events.
    [[nodiscard]] QString shareEvents(const QString& storePath, const QString& user, const QString& subjectId,
                                      bool family, QList<audit::Event>& events) const;
    // Builds the sharing log of the child in the store into log.
    [[nodiscard]] QString childLog(const QString& storePath, const QString& user, sharing::SharingLog& log) const;

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
    QString m_adultName;
    QString m_consentId;
    QDate m_withdrawnOn;
};

CliRun TestCliSharingLog::runCli(const QString& storePath, const QString& user, const QStringList& arguments) const {
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

QString TestCliSharingLog::issueCode(const QString& organisationId) const {
    const CommandResult issued = runServerCommand(
        {QStringLiteral("admin"), QStringLiteral("enrol-code"), QStringLiteral("--org"), organisationId},
        m_databaseLocation);
    return issued.exitCode == 0 ? issued.standardOutput.trimmed() : QString();
}

QString TestCliSharingLog::addOrganisation(const QString& name, const QString& partyType) const {
    const CommandResult added = runServerCommand({QStringLiteral("admin"), QStringLiteral("org"),
                                                  QStringLiteral("add"), QStringLiteral("--name"), name,
                                                  QStringLiteral("--party-type"), partyType},
                                                 m_databaseLocation);
    return added.exitCode == 0 ? added.standardOutput.trimmed() : QString();
}

QString TestCliSharingLog::withStore(const QString& storePath, const QString& user,
                                    const std::function<QString(UnlockedStore&)>& work) const {
    auto unlocked = unlockWithPassphrase(storePath, user, passphraseSecret());
    if (!unlocked)
        return QStringLiteral("unlock failed: ") + unlocked.error().message;
    return work(*unlocked);
}

QString TestCliSharingLog::shareEvents(const QString& storePath, const QString& user, const QString& subjectId,
                                       bool family, QList<audit::Event>& events) const {
    return withStore(storePath, user, [&](UnlockedStore& unlocked) -> QString {
        audit::Filter filter;
        filter.actions = {audit::Action::Share};
        filter.newestFirst = false;
        if (family)
            filter.familyId = subjectId;
        else
            filter.personId = subjectId;
        auto found = audit::AuditLog(*unlocked.store).query(filter);
        if (!found)
            return found.error().message;
        events.clear();
        for (const audit::Event& event : *found) {
            if (!family || event.personId.isEmpty())
                events += event;
        }
        return QString();
    });
}

QString TestCliSharingLog::childLog(const QString& storePath, const QString& user, sharing::SharingLog& log) const {
    return withStore(storePath, user, [&](UnlockedStore& unlocked) -> QString {
        const sharing::AgreementState state =
            sharing::AgreementRegister(*unlocked.store, policy::builtInTrustPublicKey()).state();
        auto built = sharing::buildSharingLog(*unlocked.store, unlocked.actor, state, m_childId);
        if (!built)
            return built.error().message;
        log = *built;
        return QString();
    });
}

void TestCliSharingLog::initTestCase() {
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

    // Both sign up to the bundled agreement and enrol.
    for (const auto& [store, user, organisationId] :
         {std::tuple{m_schoolStore, schoolUser, m_schoolOrganisationId},
          std::tuple{m_trustStore, trustUser, m_trustOrganisationId}}) {
        const CliRun install = runCli(store, user,
                                      {QStringLiteral("agreement"), QStringLiteral("install"),
                                       QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")});
        QVERIFY2(install.exitCode == 0, qPrintable(install.err));
        const CliRun accept = runCli(store, user,
                                     {QStringLiteral("agreement"), QStringLiteral("accept"),
                                      QStringLiteral("--version"), QStringLiteral("1"), QStringLiteral("--name"),
                                      QStringLiteral("Jo Whitfield"), QStringLiteral("--role"),
                                      QStringLiteral("Headteacher")});
        QVERIFY2(accept.exitCode == 0, qPrintable(accept.err));
        const CliRun enrol =
            runCli(store, user,
                   {QStringLiteral("enrol"), QStringLiteral("https://127.0.0.1:%1").arg(m_server.port()),
                    issueCode(organisationId), QStringLiteral("--ca-cert"), m_certificates.caCertificate});
        QVERIFY2(enrol.exitCode == 0, qPrintable(enrol.err));
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
        query.finish();
        query.prepare(QStringLiteral("SELECT legal_forename || ' ' || legal_surname FROM person WHERE id = ?"));
        query.addBindValue(m_adultId);
        if (!query.exec() || !query.next())
            return QStringLiteral("the adult has no name: ") + query.lastError().text();
        m_adultName = query.value(0).toString();

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
    // A special category value the consent does not cover.
    const QString edited = withStore(m_schoolStore, schoolUser, [this](UnlockedStore& unlocked) -> QString {
        QSqlQuery query(unlocked.store->database());
        query.prepare(QStringLiteral("UPDATE person SET ethnicity = 'WBRI' WHERE id = ?"));
        query.addBindValue(m_childId);
        if (!query.exec())
            return query.lastError().text();
        return query.numRowsAffected() == 1 ? QString() : QStringLiteral("the edit changed no row");
    });
    QVERIFY2(edited.isEmpty(), qPrintable(edited));
}

void TestCliSharingLog::shareEventsOncePerRecipientAndPurpose() {
    const CliRun school = sync(m_schoolStore, schoolUser);
    QVERIFY2(school.exitCode == 0, qPrintable(school.err));

    Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    QVERIFY2(agreement, agreement ? "" : qPrintable(agreement.error().message));
    const policy::Rule* rule =
        agreement->findRule(QStringLiteral("safeguarding"), QStringLiteral("childrens_trust"), DataCategory::Personal);
    QVERIFY(rule);

    QList<audit::Event> events;
    const QString read = shareEvents(m_schoolStore, schoolUser, m_childId, false, events);
    QVERIFY2(read.isEmpty(), qPrintable(read));
    QCOMPARE(events.size(), 1);
    const audit::Event& event = events.first();
    QCOMPARE(event.actionCode, QStringLiteral("share"));
    QCOMPARE(event.recordType, QStringLiteral("person"));
    QCOMPARE(event.recordId, m_childId);
    QCOMPARE(event.familyId, m_familyId);
    QCOMPARE(event.details.value(QStringLiteral("recipient")).toString(), QStringLiteral("childrens_trust"));
    QCOMPARE(event.details.value(QStringLiteral("purpose")).toString(), QStringLiteral("safeguarding"));
    QCOMPARE(stringsOf(event.details.value(QStringLiteral("clauses"))), QStringList{rule->clauseId});
    QCOMPARE(stringsOf(event.details.value(QStringLiteral("lawfulBases"))), QStringList{rule->lawfulBasis});
    QCOMPARE(stringsOf(event.details.value(QStringLiteral("consentIds"))), QStringList{m_consentId});
    QCOMPARE(stringsOf(event.details.value(QStringLiteral("decisionIds"))), QStringList());
    QCOMPARE(event.details.value(QStringLiteral("agreementVersion")).toInt(), agreement->version);

    const QStringList fields = stringsOf(event.details.value(QStringLiteral("fields")));
    QVERIFY2(fields.contains(QStringLiteral("person.legalForename")), qPrintable(fields.join(u' ')));
    QVERIFY2(fields.contains(QStringLiteral("person.legalSurname")), qPrintable(fields.join(u' ')));
    // Special category data is withheld, so the event does not name it.
    QVERIFY2(!fields.contains(QStringLiteral("person.ethnicity")), qPrintable(fields.join(u' ')));

    // The family record goes under the same consent, as a family-level event.
    QList<audit::Event> familyEvents;
    const QString readFamily = shareEvents(m_schoolStore, schoolUser, m_familyId, true, familyEvents);
    QVERIFY2(readFamily.isEmpty(), qPrintable(readFamily));
    QCOMPARE(familyEvents.size(), 1);
    QCOMPARE(familyEvents.first().recordType, QStringLiteral("family"));
    QVERIFY(stringsOf(familyEvents.first().details.value(QStringLiteral("fields")))
                .contains(QStringLiteral("family.name")));

    // The adult gave the consent but is not its subject, so nothing of theirs
    // was shared.
    QList<audit::Event> adultEvents;
    const QString readAdult = shareEvents(m_schoolStore, schoolUser, m_adultId, false, adultEvents);
    QVERIFY2(readAdult.isEmpty(), qPrintable(readAdult));
    QCOMPARE(adultEvents.size(), 0);
}

void TestCliSharingLog::unchangedSyncAddsNoShareEvent() {
    const CliRun school = sync(m_schoolStore, schoolUser);
    QVERIFY2(school.exitCode == 0, qPrintable(school.err));
    QList<audit::Event> events;
    const QString read = shareEvents(m_schoolStore, schoolUser, m_childId, false, events);
    QVERIFY2(read.isEmpty(), qPrintable(read));
    QCOMPARE(events.size(), 1);
}

void TestCliSharingLog::schoolLogListsTrust() {
    sharing::SharingLog log;
    const QString built = childLog(m_schoolStore, schoolUser, log);
    QVERIFY2(built.isEmpty(), qPrintable(built));

    QVERIFY(!log.personName.isEmpty());
    QCOMPARE(log.recipients.size(), 1);
    const sharing::RecipientShare& trust = log.recipients.first();
    QCOMPARE(trust.partyType, QStringLiteral("childrens_trust"));
    QCOMPARE(trust.purposes, QStringList{QStringLiteral("safeguarding")});
    QVERIFY(trust.firstShared.isValid());
    QCOMPARE(trust.firstShared.toLocalTime().date(), QDate::currentDate());
    QVERIFY(!trust.endedOn.isValid());

    QVERIFY(!trust.fieldGroups.isEmpty());
    QCOMPARE(trust.fieldGroups.first().category, DataCategory::Personal);
    for (const sharing::SharedFieldGroup& group : trust.fieldGroups)
        QVERIFY2(group.category == DataCategory::Personal, "only personal data was shared");
    QVERIFY2(trust.fieldGroups.first().fieldIds.contains(QStringLiteral("person.legalSurname")),
             qPrintable(trust.fieldGroups.first().fieldIds.join(u' ')));
    QVERIFY(trust.fieldGroups.first().fieldLabels.contains(QStringLiteral("Legal surname")));
    // The family's name is family-level information of the child's family.
    QVERIFY(trust.fieldGroups.first().fieldIds.contains(QStringLiteral("family.name")));

    QCOMPARE(trust.clauses.size(), 1);
    QVERIFY(!trust.clauses.first().text.isEmpty());
    QCOMPARE(trust.consents.size(), 1);
    QVERIFY(trust.consents.first().found);
    QCOMPARE(trust.consents.first().consent.meta.id, m_consentId);
    QCOMPARE(trust.consents.first().givenByName, m_adultName);
    QVERIFY(trust.decisions.isEmpty());

    const QString summary = sharing::sharingSummary(log);
    QVERIFY2(summary.contains(QStringLiteral("since %1").arg(displayDate(QDate::currentDate()))), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("for safeguarding")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("consent given by %1 on %2")
                                  .arg(m_adultName, displayDate(QDate::currentDate()))),
             qPrintable(summary));
    QVERIFY(log.heldFrom.isEmpty());
    QVERIFY(log.removals.isEmpty());
}

void TestCliSharingLog::trustLogListsSchool() {
    const CliRun trust = sync(m_trustStore, trustUser);
    QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));

    sharing::SharingLog log;
    const QString built = childLog(m_trustStore, trustUser, log);
    QVERIFY2(built.isEmpty(), qPrintable(built));
    QVERIFY(!log.personName.isEmpty());
    QVERIFY(log.recipients.isEmpty());
    QCOMPARE(log.heldFrom.size(), 1);
    QCOMPARE(log.heldFrom.first().organisationName, schoolName);
    QCOMPARE(log.heldFrom.first().partyType, QStringLiteral("school"));
    QVERIFY(log.heldFrom.first().records >= 1);
    QCOMPARE(log.heldFrom.first().since.toLocalTime().date(), QDate::currentDate());
    QVERIFY2(sharing::sharingSummary(log).contains(schoolName), qPrintable(sharing::sharingSummary(log)));
}

void TestCliSharingLog::withdrawalEndsSchoolSharing() {
    m_withdrawnOn = QDate::currentDate();
    const QString failure = withStore(m_schoolStore, schoolUser, [this](UnlockedStore& unlocked) -> QString {
        ConsentRepository consents(*unlocked.store);
        auto withdrawn = consents.withdrawConsent(unlocked.actor, m_consentId, m_withdrawnOn,
                                                  QStringLiteral("The parent, by telephone"));
        return withdrawn ? QString() : withdrawn.error().message;
    });
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const CliRun school = sync(m_schoolStore, schoolUser);
    QVERIFY2(school.exitCode == 0, qPrintable(school.err));

    // The withdrawn consent allows nothing, so the push shares nothing more.
    QList<audit::Event> events;
    const QString read = shareEvents(m_schoolStore, schoolUser, m_childId, false, events);
    QVERIFY2(read.isEmpty(), qPrintable(read));
    QCOMPARE(events.size(), 1);

    sharing::SharingLog log;
    const QString built = childLog(m_schoolStore, schoolUser, log);
    QVERIFY2(built.isEmpty(), qPrintable(built));
    QCOMPARE(log.recipients.size(), 1);
    const sharing::RecipientShare& trust = log.recipients.first();
    QCOMPARE(trust.endedOn, m_withdrawnOn);
    QCOMPARE(trust.consents.first().consent.withdrawnDate, m_withdrawnOn);
    QCOMPARE(trust.consents.first().consent.withdrawnBy, QStringLiteral("The parent, by telephone"));
    const QString summary = sharing::sharingSummary(log);
    QVERIFY2(summary.contains(QStringLiteral("to %1").arg(displayDate(m_withdrawnOn))), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("withdrawn on %1").arg(displayDate(m_withdrawnOn))),
             qPrintable(summary));
}

void TestCliSharingLog::withdrawalShowsTrustPurge() {
    const CliRun trust = sync(m_trustStore, trustUser);
    QVERIFY2(trust.exitCode == 0, qPrintable(trust.err));

    sharing::SharingLog log;
    const QString built = childLog(m_trustStore, trustUser, log);
    QVERIFY2(built.isEmpty(), qPrintable(built));
    // The Trust no longer holds the child, and the log still shows the purge.
    QVERIFY(log.personName.isEmpty());
    QVERIFY(log.heldFrom.isEmpty());
    QVERIFY(!log.removals.isEmpty());
    const auto purge = std::find_if(log.removals.cbegin(), log.removals.cend(), [this](const sharing::SharingRemoval& removal) {
        return removal.recordId == m_childId;
    });
    QVERIFY(purge != log.removals.cend());
    QCOMPARE(purge->actionCode, QStringLiteral("purge"));
    QCOMPARE(purge->at.toLocalTime().date(), QDate::currentDate());
    QVERIFY2(purge->reason.contains(displayDate(m_withdrawnOn)), qPrintable(purge->reason));
    QVERIFY2(sharing::sharingSummary(log).contains(QStringLiteral("removed")),
             qPrintable(sharing::sharingSummary(log)));
}

QTEST_MAIN(TestCliSharingLog)
#include "tst_clisharinglog.moc"
