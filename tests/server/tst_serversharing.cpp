// Sharing between organisations through earlyhelp-server, run as a real
// process on 127.0.0.1 over TLS with the bundled agreement published. A
// school pushes a family with a consent. The children's trust pulls only
// what the consent and the agreement allow, edits the fields it holds, sees
// conflicts, and must purge everything when the consent is withdrawn.

#include "servertestsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace earlyhelp;
using namespace earlyhelp::servertest;

namespace {

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject subjectOf(const QString& familyId, const QString& personId) {
    return QJsonObject{{QStringLiteral("familyId"), familyId},
                       {QStringLiteral("personId"), personId.isEmpty() ? QJsonValue() : QJsonValue(personId)}};
}

QJsonObject makeChange(const QString& recordType, const QString& recordId, qint64 baseRevision,
                       const QJsonObject& fields, const QJsonObject& subject) {
    return QJsonObject{{QStringLiteral("changeId"), newUuid()},
                       {QStringLiteral("recordType"), recordType},
                       {QStringLiteral("recordId"), recordId},
                       {QStringLiteral("baseRevision"), baseRevision},
                       {QStringLiteral("fields"), fields},
                       {QStringLiteral("subject"), subject}};
}

QString today(int daysFromToday = 0) {
    return QDateTime::currentDateTimeUtc().date().addDays(daysFromToday).toString(Qt::ISODate);
}

// A consent of the parent for the child, for the children's trust and
// safeguarding, covering personal data only.
QJsonObject consentBasis(const QString& id, const QString& familyId, const QString& childId,
                         const QString& parentId) {
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("familyId"), familyId},
        {QStringLiteral("subjectPersonId"), childId},
        {QStringLiteral("givenByPersonId"), parentId},
        {QStringLiteral("capacity"), QStringLiteral("parental_responsibility")},
        {QStringLiteral("purposes"), QJsonArray{QStringLiteral("safeguarding")}},
        {QStringLiteral("recipients"), QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("partyType")},
                                                              {QStringLiteral("value"),
                                                               QStringLiteral("childrens_trust")}}}},
        {QStringLiteral("dataCategories"), QJsonArray{QStringLiteral("personal")}},
        {QStringLiteral("method"), QStringLiteral("written")},
        {QStringLiteral("givenDate"), today(-10)},
        {QStringLiteral("reviewDate"), QJsonValue()},
        {QStringLiteral("withdrawnDate"), QJsonValue()},
        {QStringLiteral("withdrawnBy"), QString()},
        {QStringLiteral("deleted"), false},
    };
}

QJsonObject findEntry(const QJsonArray& feed, const QString& kind, const QString& recordId) {
    for (const QJsonValue& value : feed) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("kind")).toString() == kind &&
            entry.value(QStringLiteral("recordId")).toString() == recordId)
            return entry;
    }
    return {};
}

} // namespace

class TestServerSharing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void trustPullsConsentedFieldsOnly();
    void unnamedOrganisationGetsNothing();
    void holderEditsHeldField();
    void holderCannotEditWithheldField();
    void sameFieldEditConflictsOnBothFeeds();
    void resolvedConflictReachesBothFeeds();
    void withdrawnConsentPurgesFamily();
    void erasureLeavesTombstoneAndPurges();
    void holderCannotErase();
    void erasureWithFieldsRejected();
    void narrowedConsentListsPurgeFields();
    void sharingDecisionAloneShares();
    void agreementPublishRecomputesFamilies();
    void feedPagesAcrossKinds();
    void linksReturnInPull();
    void malformedPushChangesNothing_data();
    void malformedPushChangesNothing();

private:
    CommandResult admin(const QStringList& arguments);
    QString addOrganisation(const QString& name, const QString& partyType);
    QByteArray enrolDevice(const QString& organisationId);
    HttpResult push(const QByteArray& bearer, const QJsonArray& changes);
    QJsonObject pushOne(const QByteArray& bearer, const QJsonObject& change);
    QJsonArray feedOf(const QByteArray& bearer);
    QSqlDatabase database();
    qint64 countRows(const QString& sql);
    void pushFamily();

    QTemporaryDir m_certificateDir;
    TestCertificates m_certificates;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<PostgresCluster> m_postgres;
    QString m_database;
    QString m_school;
    QString m_trust;
    QString m_health;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_client;
    QByteArray m_schoolDevice;
    QByteArray m_trustDevice;
    QByteArray m_healthDevice;
    int m_connections = 0;

    QString m_family;
    QString m_child;
    QString m_parent;
    QString m_consent;
};

void TestServerSharing::initTestCase() {
    QVERIFY(m_certificateDir.isValid());
    QString error;
    QVERIFY2(makeTestCertificates(m_certificateDir.path(), QStringLiteral("sharing"), m_certificates, error),
             qPrintable(error));

    const QString postgresBin = qEnvironmentVariable("EARLYHELP_TEST_POSTGRES_BIN");
    if (!postgresBin.isEmpty()) {
        m_postgres = std::make_unique<PostgresCluster>(postgresBin);
        QVERIFY2(m_postgres->start(error), qPrintable(error));
    }
}

void TestServerSharing::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (m_postgres) {
        QString error;
        m_database = m_postgres->createDatabase(error);
        QVERIFY2(!m_database.isEmpty(), qPrintable(error));
    } else {
        m_database = m_dir->filePath(QStringLiteral("server.db"));
    }

    m_school = addOrganisation(QStringLiteral("Hillcrest Primary"), QStringLiteral("school"));
    m_trust = addOrganisation(QStringLiteral("Birmingham Children's Trust"), QStringLiteral("childrens_trust"));
    m_health = addOrganisation(QStringLiteral("Heartlands Health Visiting"), QStringLiteral("health"));
    QVERIFY(!m_school.isEmpty());
    QVERIFY(!m_trust.isEmpty());
    QVERIFY(!m_health.isEmpty());

    // The bundled agreement, signed with the Trust key built into the server.
    const CommandResult published =
        admin({QStringLiteral("agreement"), QStringLiteral("publish"),
               QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")});
    QVERIFY2(published.exitCode == 0, qPrintable(published.standardError));

    QProcessEnvironment settings;
    settings.insert(QStringLiteral("EARLYHELP_SERVER_RATE_BURST"), QStringLiteral("1000"));
    m_server = std::make_unique<ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(m_database, m_certificates, error, settings), qPrintable(error));
    m_client = std::make_unique<HttpClient>(m_certificates.caCertificate);

    m_schoolDevice = enrolDevice(m_school);
    m_trustDevice = enrolDevice(m_trust);
    m_healthDevice = enrolDevice(m_health);
    QVERIFY(!m_schoolDevice.isEmpty());
    QVERIFY(!m_trustDevice.isEmpty());
    QVERIFY(!m_healthDevice.isEmpty());

    m_family = newUuid();
    m_child = newUuid();
    m_parent = newUuid();
    m_consent = newUuid();
}

void TestServerSharing::cleanup() {
    m_client.reset();
    m_server.reset(); // kills the process

    const QString name = QStringLiteral("sharing-test-%1").arg(m_connections);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    ++m_connections;
}

CommandResult TestServerSharing::admin(const QStringList& arguments) {
    return runServerCommand(QStringList{QStringLiteral("admin")} + arguments, m_database);
}

QString TestServerSharing::addOrganisation(const QString& name, const QString& partyType) {
    const CommandResult added = admin({QStringLiteral("org"), QStringLiteral("add"), QStringLiteral("--name"),
                                       name, QStringLiteral("--party-type"), partyType});
    if (added.exitCode != 0)
        qWarning().noquote() << "org add failed:" << added.standardError;
    return added.exitCode == 0 ? added.standardOutput.trimmed() : QString();
}

QByteArray TestServerSharing::enrolDevice(const QString& organisationId) {
    const CommandResult issued = admin({QStringLiteral("enrol-code"), QStringLiteral("--org"), organisationId});
    if (issued.exitCode != 0)
        return {};
    const HttpResult enrolled =
        m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/enrol"),
                       QJsonDocument(QJsonObject{{QStringLiteral("code"), issued.standardOutput.trimmed()},
                                                 {QStringLiteral("deviceName"), QStringLiteral("Laptop")}})
                           .toJson());
    if (enrolled.status != 201) {
        qWarning().noquote() << "enrolment failed:" << enrolled.status << enrolled.body;
        return {};
    }
    return bearerOf(enrolled.json);
}

HttpResult TestServerSharing::push(const QByteArray& bearer, const QJsonArray& changes) {
    return m_client->send("POST", m_server->port(), QStringLiteral("/api/v1/push"),
                          QJsonDocument(QJsonObject{{QStringLiteral("changes"), changes}}).toJson(), bearer);
}

// Pushes one change and returns its result, or an empty object when the
// push as a whole failed.
QJsonObject TestServerSharing::pushOne(const QByteArray& bearer, const QJsonObject& change) {
    const HttpResult pushed = push(bearer, {change});
    if (pushed.status != 200) {
        qWarning().noquote() << "push failed:" << pushed.status << pushed.body;
        return {};
    }
    return pushed.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

QJsonArray TestServerSharing::feedOf(const QByteArray& bearer) {
    const HttpResult pulled =
        m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/pull?after=0&limit=1000"), {}, bearer);
    if (pulled.status != 200)
        qWarning().noquote() << "pull failed:" << pulled.status << pulled.body;
    return pulled.json.value(QStringLiteral("changes")).toArray();
}

QSqlDatabase TestServerSharing::database() {
    // One connection per test, because PostgreSQL limits connections.
    const QString name = QStringLiteral("sharing-test-%1").arg(m_connections);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    return openTestDatabase(m_database, name);
}

qint64 TestServerSharing::countRows(const QString& sql) {
    QSqlQuery query(database());
    if (!query.exec(sql) || !query.next()) {
        qWarning().noquote() << sql << "failed:" << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

// The school pushes a family, the child with a personal and a special
// category field, and the parent's consent for the children's trust.
void TestServerSharing::pushFamily() {
    const HttpResult pushed = push(
        m_schoolDevice,
        {makeChange(QStringLiteral("family"), m_family, 0,
                    {{QStringLiteral("family.name"), QStringLiteral("Okafor family")}}, subjectOf(m_family, {})),
         makeChange(QStringLiteral("person"), m_child, 0,
                    {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor")},
                     {QStringLiteral("person.ethnicity"), QStringLiteral("BAFR")}},
                    subjectOf(m_family, m_child)),
         makeChange(QStringLiteral("consent"), m_consent, 0,
                    {{QStringLiteral("basis"), consentBasis(m_consent, m_family, m_child, m_parent)}},
                    subjectOf(m_family, m_child))});
    QCOMPARE(pushed.status, 200);
    const QJsonArray results = pushed.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    for (const QJsonValue& result : results)
        QCOMPARE(result.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
}

void TestServerSharing::trustPullsConsentedFieldsOnly() {
    pushFamily();

    const QJsonArray feed = feedOf(m_trustDevice);
    QCOMPARE(feed.size(), 2);
    const QJsonObject child = findEntry(feed, QStringLiteral("record"), m_child);
    QVERIFY(!child.isEmpty());
    const QJsonObject fields = child.value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.value(QStringLiteral("person.legalSurname")).toString(), QStringLiteral("Okafor"));
    // Ethnicity is special category data, which the consent does not cover.
    QVERIFY(!fields.contains(QStringLiteral("person.ethnicity")));
    QCOMPARE(child.value(QStringLiteral("owner")).toObject().value(QStringLiteral("id")).toString(), m_school);
    QCOMPARE(child.value(QStringLiteral("revision")).toInteger(), 1);
    QCOMPARE(child.value(QStringLiteral("purgeFields")).toArray(), QJsonArray());
    QVERIFY(!findEntry(feed, QStringLiteral("record"), m_family).isEmpty());
    // The consent itself never leaves its owner.
    QVERIFY(findEntry(feed, QStringLiteral("record"), m_consent).isEmpty());

    const QJsonArray schoolFeed = feedOf(m_schoolDevice);
    QCOMPARE(schoolFeed.size(), 3);
    const QJsonObject ownChild = findEntry(schoolFeed, QStringLiteral("record"), m_child);
    QVERIFY(ownChild.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("person.ethnicity")));
    QVERIFY(!findEntry(schoolFeed, QStringLiteral("record"), m_consent).isEmpty());
}

void TestServerSharing::unnamedOrganisationGetsNothing() {
    pushFamily();

    QCOMPARE(feedOf(m_healthDevice), QJsonArray());
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM delivery WHERE organisation_id = '%1'").arg(m_health)),
             0);
}

void TestServerSharing::holderEditsHeldField() {
    pushFamily();

    // A holder's change carries no subject, which only the owner may set.
    QJsonObject change = makeChange(QStringLiteral("person"), m_child, 1,
                                    {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Bell")}}, {});
    change.remove(QStringLiteral("subject"));
    const QJsonObject result = pushOne(m_trustDevice, change);
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(result.value(QStringLiteral("revision")).toInteger(), 2);

    // A subject and deleted flag equal to the stored ones are no change.
    QJsonObject same = makeChange(QStringLiteral("person"), m_child, 2,
                                  {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Bell")}},
                                  subjectOf(m_family, m_child));
    same.insert(QStringLiteral("deleted"), false);
    const QJsonObject sameResult = pushOne(m_trustDevice, same);
    QCOMPARE(sameResult.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(sameResult.value(QStringLiteral("revision")).toInteger(), 3);

    const QJsonObject ownChild = findEntry(feedOf(m_schoolDevice), QStringLiteral("record"), m_child);
    const QJsonObject fields = ownChild.value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.value(QStringLiteral("person.legalSurname")).toString(), QStringLiteral("Okafor-Bell"));
    QCOMPARE(fields.value(QStringLiteral("person.ethnicity")).toString(), QStringLiteral("BAFR"));
    QCOMPARE(ownChild.value(QStringLiteral("revision")).toInteger(), 3);
    // The record stays the school's.
    QCOMPARE(ownChild.value(QStringLiteral("owner")).toObject().value(QStringLiteral("id")).toString(), m_school);
}

void TestServerSharing::holderCannotEditWithheldField() {
    pushFamily();

    QJsonObject change = makeChange(QStringLiteral("person"), m_child, 1,
                                    {{QStringLiteral("person.ethnicity"), QStringLiteral("WBRI")}}, {});
    change.remove(QStringLiteral("subject"));
    const QJsonObject result = pushOne(m_trustDevice, change);
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(result.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));

    // Changing the record's subject is the owner's alone too.
    const QJsonObject moved = pushOne(
        m_trustDevice, makeChange(QStringLiteral("person"), m_child, 1,
                                  {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor")}},
                                  subjectOf(newUuid(), m_child)));
    QCOMPARE(moved.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
    QJsonObject deleting = makeChange(QStringLiteral("person"), m_child, 1, {}, subjectOf(m_family, m_child));
    deleting.insert(QStringLiteral("deleted"), true);
    QCOMPARE(pushOne(m_trustDevice, deleting).value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));

    const QJsonObject ownChild = findEntry(feedOf(m_schoolDevice), QStringLiteral("record"), m_child);
    QCOMPARE(ownChild.value(QStringLiteral("fields")).toObject().value(QStringLiteral("person.ethnicity")).toString(),
             QStringLiteral("BAFR"));
    QCOMPARE(ownChild.value(QStringLiteral("revision")).toInteger(), 1);
}

void TestServerSharing::sameFieldEditConflictsOnBothFeeds() {
    pushFamily();

    const QJsonObject schoolEdit = pushOne(
        m_schoolDevice, makeChange(QStringLiteral("person"), m_child, 1,
                                   {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Smith")}},
                                   subjectOf(m_family, m_child)));
    QCOMPARE(schoolEdit.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QJsonObject trustChange = makeChange(QStringLiteral("person"), m_child, 1,
                                         {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Jones")}},
                                         {});
    trustChange.remove(QStringLiteral("subject"));
    const QJsonObject trustEdit = pushOne(m_trustDevice, trustChange);
    QCOMPARE(trustEdit.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    QCOMPARE(trustEdit.value(QStringLiteral("revision")).toInteger(), 2);
    const QJsonArray conflicts = trustEdit.value(QStringLiteral("conflicts")).toArray();
    QCOMPARE(conflicts.size(), 1);
    const QString conflictId = conflicts.at(0).toObject().value(QStringLiteral("conflictId")).toString();

    for (const QByteArray& device : {m_schoolDevice, m_trustDevice}) {
        const QJsonArray feed = feedOf(device);
        const QJsonObject conflict = findEntry(feed, QStringLiteral("conflict"), m_child);
        QVERIFY(!conflict.isEmpty());
        QCOMPARE(conflict.value(QStringLiteral("conflictId")).toString(), conflictId);
        QCOMPARE(conflict.value(QStringLiteral("fieldId")).toString(), QStringLiteral("person.legalSurname"));
        QCOMPARE(conflict.value(QStringLiteral("serverValue")).toString(), QStringLiteral("Okafor-Smith"));
        QCOMPARE(conflict.value(QStringLiteral("otherValue")).toString(), QStringLiteral("Okafor-Jones"));
        QCOMPARE(conflict.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QCOMPARE(conflict.value(QStringLiteral("otherOrganisation")).toObject().value(QStringLiteral("id")).toString(),
                 m_trust);
    }
    QVERIFY(findEntry(feedOf(m_healthDevice), QStringLiteral("conflict"), m_child).isEmpty());
}

void TestServerSharing::resolvedConflictReachesBothFeeds() {
    pushFamily();
    pushOne(m_schoolDevice, makeChange(QStringLiteral("person"), m_child, 1,
                                       {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Smith")}},
                                       subjectOf(m_family, m_child)));
    QJsonObject trustChange = makeChange(QStringLiteral("person"), m_child, 1,
                                         {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Jones")}},
                                         {});
    trustChange.remove(QStringLiteral("subject"));
    const QString conflictId = pushOne(m_trustDevice, trustChange)
                                   .value(QStringLiteral("conflicts"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("conflictId"))
                                   .toString();
    QVERIFY(!conflictId.isEmpty());

    QJsonObject resolving = makeChange(QStringLiteral("person"), m_child, 2,
                                       {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Jones")}},
                                       subjectOf(m_family, m_child));
    resolving.insert(QStringLiteral("resolves"), QJsonArray{conflictId});
    const QJsonObject resolved = pushOne(m_schoolDevice, resolving);
    QCOMPARE(resolved.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(resolved.value(QStringLiteral("revision")).toInteger(), 3);

    for (const QByteArray& device : {m_schoolDevice, m_trustDevice}) {
        const QJsonArray feed = feedOf(device);
        const QJsonObject conflict = findEntry(feed, QStringLiteral("conflict"), m_child);
        QCOMPARE(conflict.value(QStringLiteral("status")).toString(), QStringLiteral("resolved"));
        QCOMPARE(conflict.value(QStringLiteral("resolvedValue")).toString(), QStringLiteral("Okafor-Jones"));
        QVERIFY(!conflict.value(QStringLiteral("resolvedAt")).toString().isEmpty());
        const QJsonObject child = findEntry(feed, QStringLiteral("record"), m_child);
        QCOMPARE(child.value(QStringLiteral("fields")).toObject().value(QStringLiteral("person.legalSurname")).toString(),
                 QStringLiteral("Okafor-Jones"));
    }

    // Settling it again is no error and changes nothing of the conflict.
    QJsonObject again = makeChange(QStringLiteral("person"), m_child, 3,
                                   {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor")}},
                                   subjectOf(m_family, m_child));
    again.insert(QStringLiteral("resolves"), QJsonArray{conflictId});
    QCOMPARE(pushOne(m_schoolDevice, again).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM sync_conflict WHERE status = 'resolved' "
                                      "AND resolved_value LIKE '%Okafor-Jones%'")),
             1);
}

void TestServerSharing::withdrawnConsentPurgesFamily() {
    pushFamily();
    QCOMPARE(feedOf(m_trustDevice).size(), 2);

    QJsonObject withdrawn = consentBasis(m_consent, m_family, m_child, m_parent);
    withdrawn.insert(QStringLiteral("withdrawnDate"), today());
    withdrawn.insert(QStringLiteral("withdrawnBy"), QStringLiteral("Parent"));
    const QJsonObject result =
        pushOne(m_schoolDevice, makeChange(QStringLiteral("consent"), m_consent, 1,
                                           {{QStringLiteral("basis"), withdrawn}}, subjectOf(m_family, m_child)));
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    const QJsonArray feed = feedOf(m_trustDevice);
    QCOMPARE(feed.size(), 2);
    for (const QString& recordId : {m_family, m_child}) {
        const QJsonObject purge = findEntry(feed, QStringLiteral("purge"), recordId);
        QVERIFY2(!purge.isEmpty(), qPrintable(recordId));
        QCOMPARE(purge.value(QStringLiteral("familyId")).toString(), m_family);
        QVERIFY(!purge.value(QStringLiteral("reason")).toString().isEmpty());
    }
    QVERIFY(findEntry(feed, QStringLiteral("record"), m_child).isEmpty());

    // Once purged, the Trust may no longer change the record.
    QJsonObject change = makeChange(QStringLiteral("person"), m_child, 1,
                                    {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor")}}, {});
    change.remove(QStringLiteral("subject"));
    QCOMPARE(pushOne(m_trustDevice, change).value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
}

namespace {

QJsonObject erasure(const QString& recordType, const QString& recordId, qint64 baseRevision) {
    return QJsonObject{{QStringLiteral("changeId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                       {QStringLiteral("recordType"), recordType},
                       {QStringLiteral("recordId"), recordId},
                       {QStringLiteral("baseRevision"), baseRevision},
                       {QStringLiteral("fields"), QJsonObject()},
                       {QStringLiteral("deleted"), true},
                       {QStringLiteral("erased"), true}};
}

} // namespace

void TestServerSharing::erasureLeavesTombstoneAndPurges() {
    pushFamily();
    QVERIFY(!findEntry(feedOf(m_trustDevice), QStringLiteral("record"), m_child).isEmpty());

    const QJsonObject result = pushOne(m_schoolDevice, erasure(QStringLiteral("person"), m_child, 1));
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(result.value(QStringLiteral("revision")).toInteger(), 2);

    // The trust, which held the child, gets a purge of it as erased.
    const QJsonArray feed = feedOf(m_trustDevice);
    const QJsonObject purge = findEntry(feed, QStringLiteral("purge"), m_child);
    QVERIFY(!purge.isEmpty());
    QCOMPARE(purge.value(QStringLiteral("reason")).toString(), QStringLiteral("erased"));
    QVERIFY(findEntry(feed, QStringLiteral("record"), m_child).isEmpty());
    QVERIFY(!findEntry(feed, QStringLiteral("record"), m_family).isEmpty());

    // The server keeps a tombstone of the record and no value of it.
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record WHERE record_id = '%1' AND fields = '{}' AND "
                                      "deleted = 1")
                           .arg(m_child)),
             1);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change WHERE record_id = '%1' AND fields <> '{}'")
                           .arg(m_child)),
             0);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change WHERE fields LIKE '%BAFR%'")), 0);

    // A consent, whose changes otherwise need their basis, is erased by id.
    const QJsonObject consent = pushOne(m_schoolDevice, erasure(QStringLiteral("consent"), m_consent, 1));
    QCOMPARE(consent.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record WHERE record_id = '%1' AND fields = '{}'")
                           .arg(m_consent)),
             1);
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM delivery WHERE record_id = '%1' AND "
                                      "(fields <> '{}' OR purged = 0)")
                           .arg(m_child)),
             0);
}

void TestServerSharing::holderCannotErase() {
    pushFamily();

    const QJsonObject result = pushOne(m_trustDevice, erasure(QStringLiteral("person"), m_child, 1));
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record WHERE record_id = '%1' AND deleted = 0")
                           .arg(m_child)),
             1);
}

void TestServerSharing::erasureWithFieldsRejected() {
    pushFamily();
    QJsonObject change = erasure(QStringLiteral("person"), m_child, 1);
    change.insert(QStringLiteral("fields"), QJsonObject{{QStringLiteral("person.legalSurname"), QString()}});

    const HttpResult pushed = push(m_schoolDevice, {change});
    QCOMPARE(pushed.status, 400);
    QCOMPARE(pushed.json.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_field"));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM record WHERE record_id = '%1' AND deleted = 0")
                           .arg(m_child)),
             1);
}

void TestServerSharing::narrowedConsentListsPurgeFields() {
    QJsonObject wide = consentBasis(m_consent, m_family, m_child, m_parent);
    wide.insert(QStringLiteral("dataCategories"),
                QJsonArray{QStringLiteral("personal"), QStringLiteral("special_category")});
    const HttpResult pushed = push(
        m_schoolDevice,
        {makeChange(QStringLiteral("person"), m_child, 0,
                    {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor")},
                     {QStringLiteral("person.ethnicity"), QStringLiteral("BAFR")}},
                    subjectOf(m_family, m_child)),
         makeChange(QStringLiteral("consent"), m_consent, 0, {{QStringLiteral("basis"), wide}},
                    subjectOf(m_family, m_child))});
    QCOMPARE(pushed.status, 200);
    const QJsonObject before = findEntry(feedOf(m_trustDevice), QStringLiteral("record"), m_child);
    QVERIFY(before.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("person.ethnicity")));

    const QJsonObject narrowed =
        pushOne(m_schoolDevice, makeChange(QStringLiteral("consent"), m_consent, 1,
                                           {{QStringLiteral("basis"),
                                             consentBasis(m_consent, m_family, m_child, m_parent)}},
                                           subjectOf(m_family, m_child)));
    QCOMPARE(narrowed.value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    const QJsonObject after = findEntry(feedOf(m_trustDevice), QStringLiteral("record"), m_child);
    QVERIFY(!after.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("person.ethnicity")));
    QCOMPARE(after.value(QStringLiteral("fields")).toObject().value(QStringLiteral("person.legalSurname")).toString(),
             QStringLiteral("Okafor"));
    QCOMPARE(after.value(QStringLiteral("purgeFields")).toArray(), QJsonArray{QStringLiteral("person.ethnicity")});
    QVERIFY(after.value(QStringLiteral("sequence")).toInteger() > before.value(QStringLiteral("sequence")).toInteger());
}

void TestServerSharing::sharingDecisionAloneShares() {
    const QString decision = newUuid();
    const QJsonObject basis{{QStringLiteral("id"), decision},
                            {QStringLiteral("familyId"), m_family},
                            {QStringLiteral("personId"), QString()},
                            {QStringLiteral("recipientPartyType"), QStringLiteral("childrens_trust")},
                            {QStringLiteral("purpose"), QStringLiteral("safeguarding")},
                            {QStringLiteral("lawfulBasis"), QStringLiteral("art6_1_e")},
                            {QStringLiteral("condition"), QString()},
                            {QStringLiteral("justification"), QStringLiteral("Risk of significant harm")},
                            {QStringLiteral("decidedBy"), QStringLiteral("Designated safeguarding lead")},
                            {QStringLiteral("date"), today(-1)},
                            {QStringLiteral("deleted"), false}};
    const HttpResult pushed = push(
        m_schoolDevice,
        {makeChange(QStringLiteral("person"), m_child, 0,
                    {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor")},
                     {QStringLiteral("person.ethnicity"), QStringLiteral("BAFR")}},
                    subjectOf(m_family, m_child)),
         makeChange(QStringLiteral("sharingDecision"), decision, 0, {{QStringLiteral("basis"), basis}},
                    subjectOf(m_family, {}))});
    QCOMPARE(pushed.status, 200);

    const QJsonArray feed = feedOf(m_trustDevice);
    QCOMPARE(feed.size(), 1);
    const QJsonObject fields = findEntry(feed, QStringLiteral("record"), m_child).value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.value(QStringLiteral("person.legalSurname")).toString(), QStringLiteral("Okafor"));
    // Special category data needs the rule's condition, which the decision
    // does not give.
    QVERIFY(!fields.contains(QStringLiteral("person.ethnicity")));
    QCOMPARE(feedOf(m_healthDevice), QJsonArray());
}

void TestServerSharing::agreementPublishRecomputesFamilies() {
    pushFamily();
    QSqlQuery query(database());
    QVERIFY2(query.exec(QStringLiteral("DELETE FROM delivery")), qPrintable(query.lastError().text()));
    QCOMPARE(feedOf(m_trustDevice), QJsonArray());

    // Publishing the same version again changes no agreement, but still
    // recomputes what each organisation holds.
    const CommandResult published =
        admin({QStringLiteral("agreement"), QStringLiteral("publish"),
               QStringLiteral(EARLYHELP_AGREEMENT_DIR "/agreement-v1.json")});
    QVERIFY2(published.exitCode == 0, qPrintable(published.standardError));

    const QJsonArray feed = feedOf(m_trustDevice);
    QCOMPARE(feed.size(), 2);
    QVERIFY(!findEntry(feed, QStringLiteral("record"), m_child).isEmpty());
}

void TestServerSharing::feedPagesAcrossKinds() {
    pushFamily();
    pushOne(m_schoolDevice, makeChange(QStringLiteral("person"), m_child, 1,
                                       {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Smith")}},
                                       subjectOf(m_family, m_child)));
    QJsonObject trustChange = makeChange(QStringLiteral("person"), m_child, 1,
                                         {{QStringLiteral("person.legalSurname"), QStringLiteral("Okafor-Jones")}},
                                         {});
    trustChange.remove(QStringLiteral("subject"));
    QCOMPARE(pushOne(m_trustDevice, trustChange).value(QStringLiteral("status")).toString(),
             QStringLiteral("conflict"));
    const QJsonArray whole = feedOf(m_trustDevice);
    QCOMPARE(whole.size(), 3);

    // One entry a page gives the same entries in the same order.
    QJsonArray paged;
    qint64 after = 0;
    for (int page = 0; page < 10; ++page) {
        const HttpResult pulled =
            m_client->send("GET", m_server->port(), QStringLiteral("/api/v1/pull?after=%1&limit=1").arg(after), {},
                           m_trustDevice);
        QCOMPARE(pulled.status, 200);
        for (const QJsonValue& entry : pulled.json.value(QStringLiteral("changes")).toArray())
            paged.append(entry);
        after = pulled.json.value(QStringLiteral("next")).toInteger();
        if (!pulled.json.value(QStringLiteral("more")).toBool())
            break;
    }
    QCOMPARE(paged, whole);
    qint64 previous = 0;
    for (const QJsonValue& entry : whole) {
        const qint64 sequence = entry.toObject().value(QStringLiteral("sequence")).toInteger();
        QVERIFY(sequence > previous);
        previous = sequence;
    }
}

void TestServerSharing::linksReturnInPull() {
    pushFamily();
    const QString relationship = newUuid();
    QJsonObject change = makeChange(QStringLiteral("relationship"), relationship, 0, {}, subjectOf(m_family, m_child));
    const QJsonObject links{{QStringLiteral("childId"), m_child}, {QStringLiteral("adultId"), m_parent}};
    change.insert(QStringLiteral("links"), links);
    QCOMPARE(pushOne(m_schoolDevice, change).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));

    const QJsonObject own = findEntry(feedOf(m_schoolDevice), QStringLiteral("record"), relationship);
    QCOMPARE(own.value(QStringLiteral("links")).toObject(), links);
}

void TestServerSharing::malformedPushChangesNothing_data() {
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QString>("member");

    const QString family = newUuid();
    const QString child = newUuid();
    const QString consent = newUuid();
    const QJsonObject relationship = makeChange(QStringLiteral("relationship"), newUuid(), 0, {}, subjectOf(family, child));

    QJsonObject badLink = relationship;
    badLink.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("childId"), QStringLiteral("child-1")},
                                                        {QStringLiteral("adultId"), newUuid()}});
    QTest::newRow("link not a UUID") << badLink << QStringLiteral("changes[1].links.childId");

    QJsonObject missingLink = relationship;
    missingLink.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("childId"), newUuid()}});
    QTest::newRow("link missing") << missingLink << QStringLiteral("changes[1].links.adultId");

    QJsonObject unknownLink = relationship;
    unknownLink.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("siblingId"), newUuid()}});
    QTest::newRow("link unknown") << unknownLink << QStringLiteral("changes[1].links.siblingId");

    QJsonObject contact = makeChange(QStringLiteral("contact"), newUuid(), 0, {}, subjectOf(family, child));
    contact.insert(QStringLiteral("links"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("fax")}});
    QTest::newRow("contact kind unknown") << contact << QStringLiteral("changes[1].links.kind");

    QJsonObject resolvesText = relationship;
    resolvesText.insert(QStringLiteral("resolves"), QStringLiteral("all"));
    QTest::newRow("resolves not a list") << resolvesText << QStringLiteral("changes[1].resolves");

    QJsonObject resolvesBad = relationship;
    resolvesBad.insert(QStringLiteral("resolves"), QJsonArray{newUuid(), 4});
    QTest::newRow("resolves entry a number") << resolvesBad << QStringLiteral("changes[1].resolves[1]");

    QJsonObject basis = consentBasis(consent, family, child, newUuid());
    basis.insert(QStringLiteral("capacity"), QStringLiteral("guardian"));
    QTest::newRow("basis capacity unknown")
        << makeChange(QStringLiteral("consent"), consent, 0, {{QStringLiteral("basis"), basis}},
                      subjectOf(family, child))
        << QStringLiteral("changes[1].fields.basis\" is invalid: capacity");

    QTest::newRow("basis missing")
        << makeChange(QStringLiteral("consent"), consent, 0, {}, subjectOf(family, child))
        << QStringLiteral("changes[1].fields.basis");

    QTest::newRow("basis beside a field")
        << makeChange(QStringLiteral("consent"), consent, 0,
                      {{QStringLiteral("basis"), consentBasis(consent, family, child, newUuid())},
                       {QStringLiteral("person.legalSurname"), QStringLiteral("Okafor")}},
                      subjectOf(family, child))
        << QStringLiteral("changes[1].fields.person.legalSurname");

    QTest::newRow("basis id not the record")
        << makeChange(QStringLiteral("consent"), newUuid(), 0,
                      {{QStringLiteral("basis"), consentBasis(consent, family, child, newUuid())}},
                      subjectOf(family, child))
        << QStringLiteral("changes[1].fields.basis.id");

    QJsonObject noSubject = makeChange(QStringLiteral("sharingDecision"), consent, 0,
                                       {{QStringLiteral("basis"), QJsonObject{{QStringLiteral("id"), consent},
                                                                              {QStringLiteral("familyId"), family}}}},
                                       {});
    noSubject.remove(QStringLiteral("subject"));
    QTest::newRow("basis without subject") << noSubject << QStringLiteral("changes[1].subject");
}

void TestServerSharing::malformedPushChangesNothing() {
    QFETCH(QJsonObject, change);
    QFETCH(QString, member);
    pushFamily();
    const qint64 changesBefore = countRows(QStringLiteral("SELECT COUNT(*) FROM change"));
    const qint64 deliveriesBefore = countRows(QStringLiteral("SELECT MAX(sequence) FROM delivery"));

    // A valid change first, to show the whole batch is rejected.
    const HttpResult pushed =
        push(m_schoolDevice, {makeChange(QStringLiteral("family"), newUuid(), 0,
                                         {{QStringLiteral("family.name"), QStringLiteral("Other family")}}, {}),
                              change});

    QCOMPARE(pushed.status, 400);
    const QString message = pushed.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(member), qPrintable(message));
    QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM change")), changesBefore);
    QCOMPARE(countRows(QStringLiteral("SELECT MAX(sequence) FROM delivery")), deliveriesBefore);
}

QTEST_GUILESS_MAIN(TestServerSharing)
#include "tst_serversharing.moc"
