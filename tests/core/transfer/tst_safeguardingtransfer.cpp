#include "../casework/caseworktesthelpers.h"

#include "audit/auditlog.h"
#include "sharing/sharinglog.h"
#include "transfer/packageformat.h"
#include "transfer/safeguardingfile.h"
#include "transfer/safeguardingtransfer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::testing;
using namespace earlyhelp::transfer;

namespace {

const QString sendingUrn = QStringLiteral("103456");
const QString receivingUrn = QStringLiteral("104789");
const QString receivingName = QStringLiteral("Hillcrest Academy");
const Actor sendingLead{QStringLiteral("a.okafor"), QStringLiteral("lead")};
const Actor receivingDeputy{QStringLiteral("m.byrne"), QStringLiteral("deputy")};

// Values that appear nowhere but in the child's file, so that finding one in
// the package shows a leak.
const QStringList distinctiveValues = {
    QStringLiteral("Zephyrine"),       QStringLiteral("Quillfeather"), QStringLiteral("A123456789012"),
    QStringLiteral("943 476 5919"),    QStringLiteral("B29 7QX"),      QStringLiteral("07700 900461"),
    QStringLiteral("Ottoline"),        QStringLiteral("Wrenfield Lane"),
    QStringLiteral("Disclosed worry about a neighbour's dog"),
};

// Columns that take the receiving store's values rather than the sender's.
const QStringList ownColumns = {QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("local_id"),
                                QStringLiteral("revision")};

QString insertRow(Store& store, const QString& table, QVariantMap values) {
    values.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!values.contains(QStringLiteral("created_at")))
        values.insert(QStringLiteral("created_at"), QStringLiteral("2025-09-03T08:15:00.000Z"));
    if (!values.contains(QStringLiteral("updated_at")))
        values.insert(QStringLiteral("updated_at"), QStringLiteral("2026-02-11T14:40:12.345Z"));
    QStringList marks;
    for (qsizetype index = 0; index < values.size(); ++index)
        marks << QStringLiteral("?");
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(table, values.keys().join(u", "), marks.join(u", ")));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning("Inserting into %s failed: %s", qUtf8Printable(table), qUtf8Printable(query.lastError().text()));
        return {};
    }
    return values.value(QStringLiteral("id")).toString();
}

// Returns the row count of every table of the store, FTS shadow tables
// included, so that any write shows.
QMap<QString, qint64> tableCounts(Store& store) {
    QMap<QString, qint64> counts;
    QSqlQuery tables(store.database());
    if (!tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
        return counts;
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString& name : names) {
        QSqlQuery count(store.database());
        if (count.exec(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(name)) && count.next())
            counts.insert(name, count.value(0).toLongLong());
    }
    return counts;
}

QList<QSqlRecord> rowsOf(Store& store, const QString& table, const QString& where = QStringLiteral("1")) {
    QList<QSqlRecord> rows;
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral("SELECT * FROM %1 WHERE %2 ORDER BY rowid").arg(table, where)))
        return rows;
    while (query.next())
        rows << query.record();
    return rows;
}

} // namespace

class TestSafeguardingTransfer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void roundTripImportsEveryRecord();
    void siblingRecordsStayBehind();
    void packageHoldsNoClearValues();
    void packageFileIsOwnerOnly();
    void wrongCodeImportsNothing();
    void changedByteImportsNothing_data();
    void changedByteImportsNothing();
    void truncatedPackageImportsNothing_data();
    void truncatedPackageImportsNothing();
    void wrongReceivingUrnImportsNothing();
    void secondImportRejected();
    void receiptRecordedOnBothSides();
    void forgedReceiptRejected_data();
    void forgedReceiptRejected();
    void receiptRecordedOnce();
    void existingPupilJoined();
    void caseworkerCannotTransfer();
    void invalidSendRejected_data();
    void invalidSendRejected();
    void unwritablePackageRecordsNothing();
    void auditEventsRecordedOnce();
    void failedImportAuditsNothing();
    void sharingLogShowsSentFile();
    void sharingLogShowsImportedFile();
    void sharingLogReadsOlderSendEvent();

private:
    void populateSender();
    [[nodiscard]] QString packagePath() const { return m_sender.folder->filePath(QStringLiteral("child.ehsg")); }
    // Sends the child's file to the receiving school and returns the code.
    [[nodiscard]] QString sendChild();
    [[nodiscard]] QByteArray readPackage() const;
    // Returns the records of the child's file, as m_expected lists them.
    [[nodiscard]] int expectedRecordTotal() const;
    void writePackage(const QByteArray& bytes) const;

    CaseworkFixture m_sender;
    CaseworkFixture m_receiver;
    QString m_childId;
    // Sender ids of the records the child's file must carry, per table, in
    // the order they were inserted.
    QMap<QString, QStringList> m_expected;
    QStringList m_adultIds;
    QDateTime m_now = QDateTime(QDate(2026, 12, 5), QTime(9, 30), Qt::UTC);
};

void TestSafeguardingTransfer::init() {
    QString problem = m_sender.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    problem = m_receiver.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    QSqlQuery rename(m_receiver.store->database());
    rename.prepare(QStringLiteral("UPDATE organisation SET name = ?, dfe_urn = ? WHERE is_local = 1"));
    rename.addBindValue(receivingName);
    rename.addBindValue(receivingUrn);
    QVERIFY2(rename.exec(), qUtf8Printable(rename.lastError().text()));
    m_expected.clear();
    m_adultIds.clear();
    populateSender();
    QVERIFY(!QTest::currentTestFailed());
}

void TestSafeguardingTransfer::cleanup() {
    m_sender.tearDown();
    m_receiver.tearDown();
}

void TestSafeguardingTransfer::populateSender() {
    Store& store = *m_sender.store;
    const QString org = m_sender.orgId;
    QStringList failedTables;
    auto add = [&](const QString& table, QVariantMap values, bool expected = true) {
        values.insert(QStringLiteral("org_id"), org);
        const QString id = insertRow(store, table, values);
        if (id.isEmpty())
            failedTables << table;
        if (expected)
            m_expected[table] << id;
        return id;
    };
    using V = QVariantMap;
    const QVariant null(QMetaType::fromType<QString>());

    m_childId = add(QStringLiteral("person"),
                    V{{QStringLiteral("legal_forename"), QStringLiteral("Zephyrine")},
                      {QStringLiteral("middle_names"), QStringLiteral("Maud")},
                      {QStringLiteral("legal_surname"), QStringLiteral("Quillfeather")},
                      {QStringLiteral("preferred_forename"), QStringLiteral("Zeph")},
                      {QStringLiteral("former_surname"), QStringLiteral("Ashdown")},
                      {QStringLiteral("date_of_birth"), QStringLiteral("2016-03-14")},
                      {QStringLiteral("sex"), QStringLiteral("F")},
                      {QStringLiteral("ethnicity"), QStringLiteral("WBRI")},
                      {QStringLiteral("language"), QStringLiteral("ENG")},
                      {QStringLiteral("religion"), QStringLiteral("Quaker")},
                      {QStringLiteral("upn"), QStringLiteral("A123456789012")},
                      {QStringLiteral("nhs_number"), QStringLiteral("943 476 5919")},
                      {QStringLiteral("is_pupil"), 1},
                      {QStringLiteral("looked_after"), 1},
                      {QStringLiteral("care_authority"), QStringLiteral("330")},
                      {QStringLiteral("fsm_eligible"), 1},
                      {QStringLiteral("sen_provision"), QStringLiteral("K")},
                      {QStringLiteral("entry_date"), QStringLiteral("2020-09-02")},
                      {QStringLiteral("source_ctf"), QStringLiteral("{\"fsm\":[{\"start\":\"2021-01-04\"}]}")}});
    const QString sibling = add(QStringLiteral("person"),
                                V{{QStringLiteral("legal_forename"), QStringLiteral("Barnaby")},
                                  {QStringLiteral("legal_surname"), QStringLiteral("Quillfeather-Sibling")},
                                  {QStringLiteral("is_pupil"), 1}},
                                false);
    const QString mother = add(QStringLiteral("person"),
                               V{{QStringLiteral("title"), QStringLiteral("Ms")},
                                 {QStringLiteral("legal_forename"), QStringLiteral("Ottoline")},
                                 {QStringLiteral("legal_surname"), QStringLiteral("Quillfeather")},
                                 {QStringLiteral("date_of_birth"), QStringLiteral("1988-07-01")},
                                 {QStringLiteral("sex"), QStringLiteral("F")},
                                 {QStringLiteral("language"), QStringLiteral("ENG")},
                                 {QStringLiteral("religion"), QStringLiteral("Mother's religion")},
                                 {QStringLiteral("nhs_number"), QStringLiteral("485 777 3456")}});
    const QString father = add(QStringLiteral("person"),
                               V{{QStringLiteral("title"), QStringLiteral("Mr")},
                                 {QStringLiteral("legal_forename"), QStringLiteral("Crispin")},
                                 {QStringLiteral("legal_surname"), QStringLiteral("Ashdown")}});
    // Added after the adults, so that person rows arrive child first, then
    // the adults in the order they were created.
    m_adultIds = {mother, father};

    add(QStringLiteral("address"), V{{QStringLiteral("person_id"), m_childId},
                                     {QStringLiteral("paon"), QStringLiteral("14")},
                                     {QStringLiteral("street"), QStringLiteral("Wrenfield Lane")},
                                     {QStringLiteral("post_town"), QStringLiteral("Birmingham")},
                                     {QStringLiteral("postcode"), QStringLiteral("B29 7QX")}});
    add(QStringLiteral("address"), V{{QStringLiteral("person_id"), m_childId},
                                     {QStringLiteral("street"), QStringLiteral("Old Road")},
                                     {QStringLiteral("is_current"), 0}});
    add(QStringLiteral("address"), V{{QStringLiteral("person_id"), mother},
                                     {QStringLiteral("saon"), QStringLiteral("Flat 2")},
                                     {QStringLiteral("street"), QStringLiteral("Wrenfield Lane")},
                                     {QStringLiteral("postcode"), QStringLiteral("B29 7QX")}});
    add(QStringLiteral("address"), V{{QStringLiteral("person_id"), mother},
                                     {QStringLiteral("street"), QStringLiteral("Mother's former street")},
                                     {QStringLiteral("is_current"), 0}},
        false);
    add(QStringLiteral("contact"), V{{QStringLiteral("person_id"), mother},
                                     {QStringLiteral("kind"), QStringLiteral("phone")},
                                     {QStringLiteral("type_code"), QStringLiteral("M")},
                                     {QStringLiteral("value"), QStringLiteral("07700 900461")}});
    add(QStringLiteral("contact"), V{{QStringLiteral("person_id"), m_childId},
                                     {QStringLiteral("kind"), QStringLiteral("email")},
                                     {QStringLiteral("value"), QStringLiteral("zeph@example.org")}});
    add(QStringLiteral("relationship"), V{{QStringLiteral("child_id"), m_childId},
                                          {QStringLiteral("adult_id"), mother},
                                          {QStringLiteral("relationship"), QStringLiteral("PAM")},
                                          {QStringLiteral("parental_responsibility"), 1},
                                          {QStringLiteral("contact_order"), 1}});
    add(QStringLiteral("relationship"), V{{QStringLiteral("child_id"), m_childId},
                                          {QStringLiteral("adult_id"), father},
                                          {QStringLiteral("relationship"), QStringLiteral("PAF")},
                                          {QStringLiteral("contact_order"), 2}});
    add(QStringLiteral("relationship"), V{{QStringLiteral("child_id"), sibling},
                                          {QStringLiteral("adult_id"), mother},
                                          {QStringLiteral("relationship"), QStringLiteral("PAM")}},
        false);

    const QString family = add(QStringLiteral("family"), V{{QStringLiteral("name"), QStringLiteral("Quillfeather family")},
                                                           {QStringLiteral("status"), QStringLiteral("stepped_down")},
                                                           {QStringLiteral("lead_practitioner"), QStringLiteral("J. Patel")}});
    add(QStringLiteral("family_member"), V{{QStringLiteral("family_id"), family},
                                           {QStringLiteral("person_id"), m_childId},
                                           {QStringLiteral("role"), QStringLiteral("child")}});
    add(QStringLiteral("family_member"), V{{QStringLiteral("family_id"), family},
                                           {QStringLiteral("person_id"), sibling},
                                           {QStringLiteral("role"), QStringLiteral("child")}},
        false);
    add(QStringLiteral("family_member"), V{{QStringLiteral("family_id"), family},
                                           {QStringLiteral("person_id"), mother},
                                           {QStringLiteral("role"), QStringLiteral("adult")},
                                           {QStringLiteral("relationship"), QStringLiteral("parent")},
                                           {QStringLiteral("parental_responsibility"), 1}});
    add(QStringLiteral("family_status_change"), V{{QStringLiteral("family_id"), family},
                                                  {QStringLiteral("from_status"), QStringLiteral("open")},
                                                  {QStringLiteral("to_status"), QStringLiteral("stepped_down")},
                                                  {QStringLiteral("change_date"), QStringLiteral("2026-06-30")},
                                                  {QStringLiteral("reason"), QStringLiteral("Plan goals met")},
                                                  {QStringLiteral("changed_by"), QStringLiteral("j.patel")}});

    const QString assessment = add(QStringLiteral("assessment"),
                                   V{{QStringLiteral("family_id"), family},
                                     {QStringLiteral("assessor"), QStringLiteral("J. Patel")},
                                     {QStringLiteral("assessment_date"), QStringLiteral("2026-01-20")},
                                     {QStringLiteral("child_voice"), QStringLiteral("Zeph says school is calm")},
                                     {QStringLiteral("family_voice"), QStringLiteral("Mum wants help with mornings")}});
    add(QStringLiteral("assessment_need"), V{{QStringLiteral("assessment_id"), assessment},
                                             {QStringLiteral("heading"), QStringLiteral("education")},
                                             {QStringLiteral("strengths"), QStringLiteral("Reads well")},
                                             {QStringLiteral("needs"), QStringLiteral("Late most days")},
                                             {QStringLiteral("score"), 3}});
    add(QStringLiteral("assessment_need"), V{{QStringLiteral("assessment_id"), assessment},
                                             {QStringLiteral("heading"), QStringLiteral("housing")},
                                             {QStringLiteral("score"), 2}});
    const QString plan = add(QStringLiteral("taf_plan"),
                             V{{QStringLiteral("family_id"), family},
                               {QStringLiteral("start_date"), QStringLiteral("2026-02-01")},
                               {QStringLiteral("end_date"), QStringLiteral("2026-06-30")},
                               {QStringLiteral("status"), QStringLiteral("closed")},
                               {QStringLiteral("outcomes"), QStringLiteral("{\"education\":\"Attendance 97%\"}")}});
    const QString goal = add(QStringLiteral("plan_goal"), V{{QStringLiteral("plan_id"), plan},
                                                            {QStringLiteral("assessment_id"), assessment},
                                                            {QStringLiteral("heading"), QStringLiteral("education")},
                                                            {QStringLiteral("description"), QStringLiteral("On time every day")}});
    add(QStringLiteral("plan_action"), V{{QStringLiteral("goal_id"), goal},
                                         {QStringLiteral("description"), QStringLiteral("Breakfast club place")},
                                         {QStringLiteral("owner_org_id"), org},
                                         {QStringLiteral("owner_person"), QStringLiteral("Mrs Lowe")},
                                         {QStringLiteral("due_date"), QStringLiteral("2026-02-15")},
                                         {QStringLiteral("status"), QStringLiteral("done")}});
    const QString meeting = add(QStringLiteral("taf_meeting"),
                                V{{QStringLiteral("plan_id"), plan},
                                  {QStringLiteral("meeting_date"), QStringLiteral("2026-03-10")},
                                  {QStringLiteral("attendees"), QStringLiteral("Mum, J. Patel, Mrs Lowe")},
                                  {QStringLiteral("notes"), QStringLiteral("Mornings better")}});
    add(QStringLiteral("plan_review"),
        V{{QStringLiteral("plan_id"), plan},
          {QStringLiteral("meeting_id"), meeting},
          {QStringLiteral("review_date"), QStringLiteral("2026-03-10")},
          {QStringLiteral("progress"), QStringLiteral("{\"%1\":\"Late twice in four weeks\"}").arg(goal)},
          {QStringLiteral("next_review_date"), QStringLiteral("2026-05-12")}});

    add(QStringLiteral("consent"),
        V{{QStringLiteral("family_id"), family},
          {QStringLiteral("subject_person_id"), m_childId},
          {QStringLiteral("given_by_person_id"), mother},
          {QStringLiteral("giver_capacity"), QStringLiteral("parental_responsibility")},
          {QStringLiteral("purposes"), QStringLiteral("[\"safeguarding\"]")},
          {QStringLiteral("recipients"), QStringLiteral("[{\"kind\":\"party_type\",\"value\":\"health\"}]")},
          {QStringLiteral("data_categories"), QStringLiteral("[\"personal\"]")},
          {QStringLiteral("method"), QStringLiteral("written")},
          {QStringLiteral("given_date"), QStringLiteral("2026-01-20")},
          {QStringLiteral("review_date"), QStringLiteral("2027-01-20")}});
    add(QStringLiteral("sharing_decision"),
        V{{QStringLiteral("person_id"), m_childId},
          {QStringLiteral("lawful_basis"), QStringLiteral("6(1)(e)")},
          {QStringLiteral("condition"), QStringLiteral("DPA 2018 Sch 1 para 18")},
          {QStringLiteral("justification"), QStringLiteral("Risk of harm")},
          {QStringLiteral("decided_by"), QStringLiteral("a.okafor")},
          {QStringLiteral("decision_date"), QStringLiteral("2026-04-02")},
          {QStringLiteral("recipient_party_type"), QStringLiteral("health")},
          {QStringLiteral("purpose"), QStringLiteral("safeguarding")}});
    add(QStringLiteral("sharing_decision"),
        V{{QStringLiteral("family_id"), family},
          {QStringLiteral("lawful_basis"), QStringLiteral("6(1)(e)")},
          {QStringLiteral("justification"), QStringLiteral("Whole family decision")},
          {QStringLiteral("decided_by"), QStringLiteral("a.okafor")},
          {QStringLiteral("decision_date"), QStringLiteral("2026-04-03")}});
    add(QStringLiteral("sharing_decision"),
        V{{QStringLiteral("family_id"), family},
          {QStringLiteral("person_id"), sibling},
          {QStringLiteral("lawful_basis"), QStringLiteral("6(1)(e)")},
          {QStringLiteral("justification"), QStringLiteral("About the sibling only")},
          {QStringLiteral("decided_by"), QStringLiteral("a.okafor")},
          {QStringLiteral("decision_date"), QStringLiteral("2026-04-04")}},
        false);

    add(QStringLiteral("case_note"), V{{QStringLiteral("family_id"), family},
                                       {QStringLiteral("person_id"), m_childId},
                                       {QStringLiteral("note_date"), QStringLiteral("2026-05-06")},
                                       {QStringLiteral("author"), QStringLiteral("j.patel")},
                                       {QStringLiteral("note_type"), QStringLiteral("disclosure")},
                                       {QStringLiteral("body"), QStringLiteral("Disclosed worry about a neighbour's dog")},
                                       {QStringLiteral("significant"), 1},
                                       {QStringLiteral("data_category"), QStringLiteral("special_category")}});
    add(QStringLiteral("case_note"), V{{QStringLiteral("family_id"), family},
                                       {QStringLiteral("person_id"), null},
                                       {QStringLiteral("note_date"), QStringLiteral("2026-05-07")},
                                       {QStringLiteral("author"), QStringLiteral("a.okafor")},
                                       {QStringLiteral("note_type"), QStringLiteral("home_visit")},
                                       {QStringLiteral("body"), QStringLiteral("Home visit with the family")}});
    add(QStringLiteral("case_note"), V{{QStringLiteral("family_id"), family},
                                       {QStringLiteral("person_id"), sibling},
                                       {QStringLiteral("note_date"), QStringLiteral("2026-05-08")},
                                       {QStringLiteral("author"), QStringLiteral("j.patel")},
                                       {QStringLiteral("note_type"), QStringLiteral("phone_call")},
                                       {QStringLiteral("body"), QStringLiteral("About the sibling only")}},
        false);
    add(QStringLiteral("case_note"), V{{QStringLiteral("family_id"), family},
                                       {QStringLiteral("person_id"), m_childId},
                                       {QStringLiteral("note_date"), QStringLiteral("2026-05-09")},
                                       {QStringLiteral("author"), QStringLiteral("j.patel")},
                                       {QStringLiteral("note_type"), QStringLiteral("phone_call")},
                                       {QStringLiteral("body"), QStringLiteral("Deleted note")},
                                       {QStringLiteral("deleted"), 1},
                                       {QStringLiteral("deleted_at"), QStringLiteral("2026-05-10T10:00:00.000Z")}},
        false);
    QVERIFY2(failedTables.isEmpty(), qUtf8Printable(failedTables.join(u", ")));
}

QString TestSafeguardingTransfer::sendChild() {
    SafeguardingTransfer sender(*m_sender.store, TransferOptions{[this] { return m_now; }, {}});
    Result<SentPackage> sent = sender.sendFile(sendingLead, m_childId, receivingUrn, packagePath());
    if (!sent) {
        qWarning("Sending failed: %s", qUtf8Printable(sent.error().message));
        return {};
    }
    return sent->code;
}

int TestSafeguardingTransfer::expectedRecordTotal() const {
    int total = 0;
    for (const QStringList& ids : m_expected)
        total += int(ids.size());
    return total;
}

QByteArray TestSafeguardingTransfer::readPackage() const {
    QFile file(packagePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestSafeguardingTransfer::writePackage(const QByteArray& bytes) const {
    QFile file(packagePath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

void TestSafeguardingTransfer::roundTripImportsEveryRecord() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    SafeguardingTransfer receiver(*m_receiver.store, TransferOptions{[this] { return m_now.addDays(1); }, {}});
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(imported);
    QCOMPARE(imported->childName, QStringLiteral("Zeph Quillfeather"));
    QCOMPARE(imported->sendingSchoolName, QStringLiteral("Test Primary School"));
    QCOMPARE(imported->sendingSchoolUrn, sendingUrn);
    QCOMPARE(imported->createdAt, m_now);
    QCOMPARE(imported->receivedAt, m_now.addDays(1));
    QVERIFY(!imported->joinedExistingPerson);

    // The receiving store held nothing but its organisation, so every row
    // of these tables came from the package, in the order of the sender's.
    const QStringList adultColumns = {
        QStringLiteral("title"), QStringLiteral("legal_forename"), QStringLiteral("middle_names"),
        QStringLiteral("legal_surname"), QStringLiteral("preferred_forename"), QStringLiteral("preferred_surname"),
        QStringLiteral("former_surname"), QStringLiteral("date_of_birth"), QStringLiteral("sex"),
        QStringLiteral("language"), QStringLiteral("created_at"), QStringLiteral("updated_at")};
    QHash<QString, QString> newIds;
    for (const QString& table : safeguardingFileTables()) {
        const QStringList expected = m_expected.value(table);
        const QList<QSqlRecord> received =
            rowsOf(*m_receiver.store, table, QStringLiteral("org_id = '%1'").arg(m_receiver.orgId));
        QVERIFY2(received.size() == expected.size(),
                 qUtf8Printable(QStringLiteral("%1: %2 rows imported, %3 expected")
                                    .arg(table)
                                    .arg(received.size())
                                    .arg(expected.size())));
        QCOMPARE(imported->counts.value(table), int(expected.size()));

        for (qsizetype index = 0; index < expected.size(); ++index) {
            const QList<QSqlRecord> sentRows =
                rowsOf(*m_sender.store, table, QStringLiteral("id = '%1'").arg(expected.at(index)));
            QCOMPARE(sentRows.size(), 1);
            const QSqlRecord& sent = sentRows.first();
            const QSqlRecord& got = received.at(index);
            newIds.insert(sent.value(QStringLiteral("id")).toString(), got.value(QStringLiteral("id")).toString());
            QCOMPARE(got.value(QStringLiteral("revision")).toInt(), 1);
            const bool adult = table == u"person" && m_adultIds.contains(sent.value(QStringLiteral("id")).toString());

            for (int column = 0; column < sent.count(); ++column) {
                const QString name = sent.fieldName(column);
                if (ownColumns.contains(name) || (adult && !adultColumns.contains(name)))
                    continue;
                QVariant want = sent.value(column);
                if (want.typeId() == QMetaType::QString && newIds.contains(want.toString()))
                    want = newIds.value(want.toString());
                if (table == u"plan_action" && name == u"owner_org_id")
                    want = QVariant(QMetaType::fromType<QString>());
                if (table == u"plan_review" && name == u"progress") {
                    QString progress = want.toString();
                    for (auto id = newIds.cbegin(); id != newIds.cend(); ++id)
                        progress.replace(id.key(), id.value());
                    want = progress;
                }
                QVERIFY2(got.value(name) == want,
                         qUtf8Printable(QStringLiteral("%1.%2: imported %3, expected %4")
                                            .arg(table, name, got.value(name).toString(), want.toString())));
            }
            if (adult) {
                QCOMPARE(got.value(QStringLiteral("religion")).toString(), QString());
                QVERIFY(got.value(QStringLiteral("nhs_number")).isNull());
            }
        }
    }
    QCOMPARE(imported->personId, newIds.value(m_childId));
}

void TestSafeguardingTransfer::siblingRecordsStayBehind() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    SafeguardingTransfer receiver(*m_receiver.store);
    EARLYHELP_VERIFY_OK(receiver.importFile(receivingDeputy, packagePath(), code));

    QCOMPARE(rowsOf(*m_receiver.store, QStringLiteral("person"), QStringLiteral("legal_forename = 'Barnaby'")).size(), 0);
    QCOMPARE(rowsOf(*m_receiver.store, QStringLiteral("case_note"),
                    QStringLiteral("body IN ('About the sibling only', 'Deleted note')"))
                 .size(),
             0);
    QCOMPARE(rowsOf(*m_receiver.store, QStringLiteral("sharing_decision"),
                    QStringLiteral("justification = 'About the sibling only'"))
                 .size(),
             0);
    QCOMPARE(rowsOf(*m_receiver.store, QStringLiteral("address"),
                    QStringLiteral("street = 'Mother''s former street'"))
                 .size(),
             0);
    QCOMPARE(rowsOf(*m_receiver.store, QStringLiteral("person"), QStringLiteral("nhs_number = '485 777 3456'")).size(),
             0);
}

void TestSafeguardingTransfer::packageHoldsNoClearValues() {
    QVERIFY(!sendChild().isEmpty());
    const QByteArray package = readPackage();
    QVERIFY(package.size() > packageHeaderSize);
    for (const QString& value : distinctiveValues) {
        QVERIFY2(!package.contains(value.toUtf8()), qUtf8Printable(value));
        const QByteArray utf16(reinterpret_cast<const char*>(value.utf16()), value.size() * 2);
        QVERIFY2(!package.contains(utf16), qUtf8Printable(value));
    }
    // No plaintext copy was left beside the package or the store.
    const QStringList entries = QDir(m_sender.folder->path()).entryList(QDir::Files | QDir::Hidden);
    for (const QString& entry : entries)
        QVERIFY2(entry.startsWith(u"case.store") || entry == u"child.ehsg", qUtf8Printable(entry));
}

void TestSafeguardingTransfer::packageFileIsOwnerOnly() {
    // A file already there with wider permissions is replaced, not reused.
    {
        QFile existing(packagePath());
        QVERIFY(existing.open(QIODevice::WriteOnly));
        QVERIFY(existing.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                        | QFileDevice::ReadOther));
    }
    QVERIFY(!sendChild().isEmpty());
    const QFileDevice::Permissions permissions = QFile::permissions(packagePath());
    QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
    QVERIFY(permissions.testFlag(QFileDevice::WriteOwner));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                            | QFileDevice::ReadOther | QFileDevice::WriteOther
                                            | QFileDevice::ExeOther | QFileDevice::ExeOwner;
    QCOMPARE(permissions & others, QFileDevice::Permissions());
}

void TestSafeguardingTransfer::wrongCodeImportsNothing() {
    QVERIFY(!sendChild().isEmpty());
    const QMap<QString, qint64> before = tableCounts(*m_receiver.store);
    SafeguardingTransfer receiver(*m_receiver.store);
    Result<ImportedPackage> imported =
        receiver.importFile(receivingDeputy, packagePath(), QStringLiteral("7KQ2-MX9D-4TPV-0H3C-W8RB"));
    QVERIFY(!imported);
    QCOMPARE(imported.error().code, ErrorCode::WrongKey);
    QCOMPARE(imported.error().message,
             QStringLiteral("The code does not open this package, or the file was changed or damaged after it was "
                            "made. Check the code with the sending school; if it is right, ask them to send the "
                            "file again."));
    QCOMPARE(tableCounts(*m_receiver.store), before);
}

void TestSafeguardingTransfer::changedByteImportsNothing_data() {
    QTest::addColumn<int>("offset"); // negative counts from the end
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("magic") << 0 << ErrorCode::ImportRejected;
    QTest::newRow("format version") << 9 << ErrorCode::ImportRejected;
    QTest::newRow("package id") << 12 << ErrorCode::WrongKey;
    QTest::newRow("key derivation algorithm") << 26 << ErrorCode::ImportRejected;
    QTest::newRow("Argon2id passes") << 27 << ErrorCode::ImportRejected;
    QTest::newRow("Argon2id memory, low byte") << 34 << ErrorCode::WrongKey;
    QTest::newRow("salt") << 40 << ErrorCode::WrongKey;
    QTest::newRow("nonce") << 60 << ErrorCode::WrongKey;
    QTest::newRow("first ciphertext byte") << packageHeaderSize << ErrorCode::WrongKey;
    QTest::newRow("middle of the ciphertext") << -500 << ErrorCode::WrongKey;
    QTest::newRow("last byte of the tag") << -1 << ErrorCode::WrongKey;
}

void TestSafeguardingTransfer::changedByteImportsNothing() {
    QFETCH(int, offset);
    QFETCH(ErrorCode, code);
    const QString transferCode = sendChild();
    QVERIFY(!transferCode.isEmpty());
    QByteArray package = readPackage();
    const qsizetype at = offset >= 0 ? offset : package.size() + offset;
    package[at] = char(package.at(at) ^ 0x80);
    writePackage(package);

    const QMap<QString, qint64> before = tableCounts(*m_receiver.store);
    SafeguardingTransfer receiver(*m_receiver.store);
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), transferCode);
    QVERIFY(!imported);
    QVERIFY2(imported.error().code == code, qUtf8Printable(imported.error().message));
    QCOMPARE(tableCounts(*m_receiver.store), before);
}

void TestSafeguardingTransfer::truncatedPackageImportsNothing_data() {
    QTest::addColumn<int>("keep"); // bytes kept; -1 all but the last, -2 half
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("empty") << 0 << ErrorCode::ImportRejected;
    QTest::newRow("magic only") << 8 << ErrorCode::ImportRejected;
    QTest::newRow("header less a byte") << packageHeaderSize - 1 << ErrorCode::ImportRejected;
    QTest::newRow("header and part of the tag") << packageHeaderSize + 10 << ErrorCode::ImportRejected;
    QTest::newRow("half") << -2 << ErrorCode::WrongKey;
    QTest::newRow("all but the last byte") << -1 << ErrorCode::WrongKey;
}

void TestSafeguardingTransfer::truncatedPackageImportsNothing() {
    QFETCH(int, keep);
    QFETCH(ErrorCode, code);
    const QString transferCode = sendChild();
    QVERIFY(!transferCode.isEmpty());
    const QByteArray package = readPackage();
    qsizetype kept = keep;
    if (keep == -1)
        kept = package.size() - 1;
    else if (keep == -2)
        kept = package.size() / 2;
    writePackage(package.first(kept));

    const QMap<QString, qint64> before = tableCounts(*m_receiver.store);
    SafeguardingTransfer receiver(*m_receiver.store);
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), transferCode);
    QVERIFY(!imported);
    QVERIFY2(imported.error().code == code, qUtf8Printable(imported.error().message));
    QCOMPARE(tableCounts(*m_receiver.store), before);
}

void TestSafeguardingTransfer::wrongReceivingUrnImportsNothing() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    QSqlQuery move(m_receiver.store->database());
    QVERIFY(move.exec(QStringLiteral("UPDATE organisation SET dfe_urn = '105000' WHERE is_local = 1")));

    const QMap<QString, qint64> before = tableCounts(*m_receiver.store);
    SafeguardingTransfer receiver(*m_receiver.store);
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    QVERIFY(!imported);
    QCOMPARE(imported.error().code, ErrorCode::ImportRejected);
    QCOMPARE(imported.error().message,
             QStringLiteral("The package is addressed to the school with URN 104789, but this store belongs to "
                            "Hillcrest Academy with URN 105000. Nothing was imported; ask the sending school to "
                            "check the URN and send the file again."));
    QCOMPARE(tableCounts(*m_receiver.store), before);
}

void TestSafeguardingTransfer::secondImportRejected() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    SafeguardingTransfer receiver(*m_receiver.store, TransferOptions{[this] { return m_now; }, {}});
    Result<ImportedPackage> first = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(first);

    const QMap<QString, qint64> before = tableCounts(*m_receiver.store);
    Result<ImportedPackage> second = receiver.importFile(receivingDeputy, packagePath(), code);
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::AlreadyExists);
    QVERIFY2(second.error().message.startsWith(
                 QStringLiteral("This package (%1) was imported on %2 by m.byrne")
                     .arg(first->packageId, m_now.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")))),
             qUtf8Printable(second.error().message));
    QCOMPARE(tableCounts(*m_receiver.store), before);
}

void TestSafeguardingTransfer::receiptRecordedOnBothSides() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    const QDateTime received = m_now.addDays(1);
    const QDateTime confirmed = m_now.addDays(2);
    SafeguardingTransfer receiver(*m_receiver.store, TransferOptions{[&] { return received; }, {}});
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(imported);
    Result<QByteArray> receiptAgain = receiver.receipt(imported->packageId);
    EARLYHELP_VERIFY_OK(receiptAgain);
    QCOMPARE(*receiptAgain, imported->receipt);

    SafeguardingTransfer sender(*m_sender.store, TransferOptions{[&] { return confirmed; }, {}});
    Result<TransferEntry> entry = sender.confirmReceipt(sendingLead, imported->receipt);
    EARLYHELP_VERIFY_OK(entry);
    QCOMPARE(entry->packageId, imported->packageId);
    QCOMPARE(entry->direction, TransferDirection::Sent);
    QCOMPARE(entry->personId, m_childId);
    QCOMPARE(entry->childName, QStringLiteral("Zeph Quillfeather"));
    QCOMPARE(entry->otherSchoolName, receivingName);
    QCOMPARE(entry->otherSchoolUrn, receivingUrn);
    QCOMPARE(entry->createdAt, m_now);
    QCOMPARE(entry->transferredAt, m_now);
    QCOMPARE(entry->receiptAt, received);
    QCOMPARE(entry->confirmedAt, confirmed);
    QCOMPARE(entry->recordedBy, sendingLead.user);

    Result<QList<TransferEntry>> receivedList = receiver.transfers();
    EARLYHELP_VERIFY_OK(receivedList);
    QCOMPARE(receivedList->size(), 1);
    const TransferEntry& incoming = receivedList->first();
    QCOMPARE(incoming.direction, TransferDirection::Received);
    QCOMPARE(incoming.personId, imported->personId);
    QCOMPARE(incoming.childName, QStringLiteral("Zeph Quillfeather"));
    QCOMPARE(incoming.otherSchoolName, QStringLiteral("Test Primary School"));
    QCOMPARE(incoming.otherSchoolUrn, sendingUrn);
    QCOMPARE(incoming.createdAt, m_now);
    QCOMPARE(incoming.transferredAt, received);
    QCOMPARE(incoming.receiptAt, received);
    QVERIFY(!incoming.confirmedAt.isValid());
    QCOMPARE(incoming.recordedBy, receivingDeputy.user);
}

void TestSafeguardingTransfer::forgedReceiptRejected_data() {
    QTest::addColumn<QString>("change");
    QTest::newRow("later import time") << QStringLiteral("receivedAt");
    QTest::newRow("other school name") << QStringLiteral("name");
    QTest::newRow("another package's id") << QStringLiteral("packageId");
    QTest::newRow("MAC removed") << QStringLiteral("mac");
    QTest::newRow("MAC of random bytes") << QStringLiteral("randomMac");
    QTest::newRow("not JSON") << QStringLiteral("text");
}

void TestSafeguardingTransfer::forgedReceiptRejected() {
    QFETCH(QString, change);
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    SafeguardingTransfer receiver(*m_receiver.store);
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(imported);
    // A second package to the same school, whose id a forger could copy.
    SafeguardingTransfer sender(*m_sender.store);
    Result<SentPackage> other = sender.sendFile(sendingLead, m_childId, receivingUrn,
                                                m_sender.folder->filePath(QStringLiteral("other.ehsg")));
    EARLYHELP_VERIFY_OK(other);

    QJsonObject receipt = QJsonDocument::fromJson(imported->receipt).object();
    if (change == u"receivedAt") {
        receipt.insert(change, QStringLiteral("2027-01-01T00:00:00.000Z"));
    } else if (change == u"name") {
        QJsonObject school = receipt.value(QStringLiteral("receivingSchool")).toObject();
        school.insert(QStringLiteral("name"), QStringLiteral("Forged Academy"));
        receipt.insert(QStringLiteral("receivingSchool"), school);
    } else if (change == u"packageId") {
        receipt.insert(change, other->packageId);
    } else if (change == u"mac") {
        receipt.remove(change);
    } else if (change == u"randomMac") {
        const SecretBytes random = SecretBytes::random(32);
        receipt.insert(QStringLiteral("mac"), QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(random.data()), 32).toBase64()));
    }
    const QByteArray forged =
        change == u"text" ? QByteArrayLiteral("received, thanks") : QJsonDocument(receipt).toJson();

    Result<TransferEntry> confirmed = sender.confirmReceipt(sendingLead, forged);
    QVERIFY(!confirmed);
    QCOMPARE(confirmed.error().code, ErrorCode::ImportRejected);
    Result<QList<TransferEntry>> entries = sender.transfers();
    EARLYHELP_VERIFY_OK(entries);
    QCOMPARE(entries->size(), 2);
    for (const TransferEntry& entry : *entries) {
        QVERIFY(!entry.confirmedAt.isValid());
        QVERIFY(!entry.receiptAt.isValid());
        QCOMPARE(entry.otherSchoolName, QString());
    }
}

void TestSafeguardingTransfer::receiptRecordedOnce() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    SafeguardingTransfer receiver(*m_receiver.store);
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(imported);
    SafeguardingTransfer sender(*m_sender.store, TransferOptions{[this] { return m_now; }, {}});
    EARLYHELP_VERIFY_OK(sender.confirmReceipt(sendingLead, imported->receipt));

    Result<TransferEntry> again = sender.confirmReceipt(sendingLead, imported->receipt);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(again.error().message,
             QStringLiteral("The receipt for package %1 was recorded on %2 already.")
                 .arg(imported->packageId, m_now.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))));
}

void TestSafeguardingTransfer::existingPupilJoined() {
    const QString existing = insertRow(*m_receiver.store, QStringLiteral("person"),
                                       {{QStringLiteral("org_id"), m_receiver.orgId},
                                        {QStringLiteral("legal_forename"), QStringLiteral("Zeph")},
                                        {QStringLiteral("legal_surname"), QStringLiteral("Q")},
                                        {QStringLiteral("upn"), QStringLiteral("A123456789012")},
                                        {QStringLiteral("is_pupil"), 1}});
    QVERIFY(!existing.isEmpty());
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    SafeguardingTransfer receiver(*m_receiver.store);
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(imported);
    QVERIFY(imported->joinedExistingPerson);
    QCOMPARE(imported->personId, existing);
    QCOMPARE(imported->counts.value(QStringLiteral("person")), 2); // the two adults

    QCOMPARE(rowsOf(*m_receiver.store, QStringLiteral("person"), QStringLiteral("legal_forename = 'Zephyrine'")).size(), 0);
    const QList<QSqlRecord> notes = rowsOf(*m_receiver.store, QStringLiteral("case_note"),
                                           QStringLiteral("person_id = '%1'").arg(existing));
    QCOMPARE(notes.size(), 1);
    QCOMPARE(rowsOf(*m_receiver.store, QStringLiteral("family_member"),
                    QStringLiteral("person_id = '%1' AND role = 'child'").arg(existing))
                 .size(),
             1);
}

void TestSafeguardingTransfer::caseworkerCannotTransfer() {
    const Actor caseworkerActor{QStringLiteral("j.patel"), QStringLiteral("caseworker")};
    const Actor readOnly{QStringLiteral("r.singh"), QStringLiteral("readonly")};
    SafeguardingTransfer sender(*m_sender.store);
    for (const Actor& actor : {caseworkerActor, readOnly}) {
        Result<SentPackage> sent = sender.sendFile(actor, m_childId, receivingUrn, packagePath());
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!QFile::exists(packagePath()));
    }

    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    const QMap<QString, qint64> before = tableCounts(*m_receiver.store);
    SafeguardingTransfer receiver(*m_receiver.store);
    for (const Actor& actor : {caseworkerActor, readOnly}) {
        Result<ImportedPackage> imported = receiver.importFile(actor, packagePath(), code);
        QVERIFY(!imported);
        QCOMPARE(imported.error().code, ErrorCode::PermissionDenied);
    }
    QCOMPARE(tableCounts(*m_receiver.store), before);
}

void TestSafeguardingTransfer::invalidSendRejected_data() {
    QTest::addColumn<QString>("person"); // "child", "adult" or an id
    QTest::addColumn<QString>("urn");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("five-digit URN") << QStringLiteral("child") << QStringLiteral("10478") << ErrorCode::InvalidInput;
    QTest::newRow("own URN") << QStringLiteral("child") << sendingUrn << ErrorCode::InvalidInput;
    QTest::newRow("unknown person") << QStringLiteral("6b1f0c1e-0000-4000-8000-000000000000") << receivingUrn
                                    << ErrorCode::NotFound;
    QTest::newRow("an adult") << QStringLiteral("adult") << receivingUrn << ErrorCode::InvalidInput;
}

void TestSafeguardingTransfer::invalidSendRejected() {
    QFETCH(QString, person);
    QFETCH(QString, urn);
    QFETCH(ErrorCode, code);
    QString personId = person;
    if (person == u"child")
        personId = m_childId;
    else if (person == u"adult")
        personId = m_adultIds.first();
    const QMap<QString, qint64> before = tableCounts(*m_sender.store);
    SafeguardingTransfer sender(*m_sender.store);
    Result<SentPackage> sent = sender.sendFile(sendingLead, personId, urn, packagePath());
    QVERIFY(!sent);
    QVERIFY2(sent.error().code == code, qUtf8Printable(sent.error().message));
    QVERIFY(!QFile::exists(packagePath()));
    QCOMPARE(tableCounts(*m_sender.store), before);
}

void TestSafeguardingTransfer::unwritablePackageRecordsNothing() {
    const QString missingFolder = m_sender.folder->filePath(QStringLiteral("no-such-folder/child.ehsg"));
    const QMap<QString, qint64> before = tableCounts(*m_sender.store);
    SafeguardingTransfer sender(*m_sender.store);
    Result<SentPackage> sent = sender.sendFile(sendingLead, m_childId, receivingUrn, missingFolder);
    QVERIFY(!sent);
    QCOMPARE(sent.error().code, ErrorCode::Io);
    QVERIFY2(sent.error().message.contains(QDir::toNativeSeparators(missingFolder)),
             qUtf8Printable(sent.error().message));
    QCOMPARE(tableCounts(*m_sender.store), before);
}

void TestSafeguardingTransfer::auditEventsRecordedOnce() {
    using audit::Action;
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    audit::AuditLog senderLog(*m_sender.store);
    audit::AuditLog receiverLog(*m_receiver.store);
    audit::Filter sends;
    sends.actions = {Action::TransferSend};
    Result<QList<audit::Event>> sendEvents = senderLog.query(sends);
    EARLYHELP_VERIFY_OK(sendEvents);
    QCOMPARE(sendEvents->size(), 1);
    const audit::Event& send = sendEvents->first();
    QCOMPARE(send.user, sendingLead.user);
    QCOMPARE(send.roleCode, sendingLead.roleCode);
    QCOMPARE(send.personId, m_childId);
    QCOMPARE(send.details.value(QStringLiteral("receivingUrn")).toString(), receivingUrn);
    const QString packageId = send.details.value(QStringLiteral("packageId")).toString();
    QVERIFY(!packageId.isEmpty());

    SafeguardingTransfer receiver(*m_receiver.store);
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(imported);
    audit::Filter receives;
    receives.actions = {Action::TransferReceive};
    Result<QList<audit::Event>> receiveEvents = receiverLog.query(receives);
    EARLYHELP_VERIFY_OK(receiveEvents);
    QCOMPARE(receiveEvents->size(), 1);
    const audit::Event& receive = receiveEvents->first();
    QCOMPARE(receive.user, receivingDeputy.user);
    QCOMPARE(receive.personId, imported->personId);
    QCOMPARE(receive.details.value(QStringLiteral("packageId")).toString(), packageId);
    QCOMPARE(receive.details.value(QStringLiteral("sendingUrn")).toString(), sendingUrn);

    // Each imported record has its one create event, caused by the import.
    int imports = 0;
    for (int count : imported->counts)
        imports += count;
    audit::Filter creates;
    creates.actions = {Action::Create};
    Result<QList<audit::Event>> createEvents = receiverLog.query(creates);
    EARLYHELP_VERIFY_OK(createEvents);
    int causedByImport = 0;
    for (const audit::Event& event : *createEvents)
        if (event.details.value(QStringLiteral("via")).toString() == u"transfer-import")
            ++causedByImport;
    QCOMPARE(causedByImport, imports);

    EARLYHELP_VERIFY_OK(
        SafeguardingTransfer(*m_sender.store).confirmReceipt(sendingLead, imported->receipt));
    audit::Filter receipts;
    receipts.actions = {Action::TransferReceipt};
    Result<QList<audit::Event>> receiptEvents = senderLog.query(receipts);
    EARLYHELP_VERIFY_OK(receiptEvents);
    QCOMPARE(receiptEvents->size(), 1);
    QCOMPARE(receiptEvents->first().personId, m_childId);
    QCOMPARE(receiptEvents->first().details.value(QStringLiteral("packageId")).toString(), packageId);
    QCOMPARE(receiptEvents->first().details.value(QStringLiteral("receivingUrn")).toString(), receivingUrn);

    // The transfer table's receipt keys stay out of the audit trail.
    for (Store* store : {m_sender.store.get(), m_receiver.store.get()}) {
        QSqlQuery query(store->database());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_event WHERE record_type = "
                                          "'safeguarding_transfer'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }
    for (Store* store : {m_sender.store.get(), m_receiver.store.get()}) {
        Result<audit::ChainReport> chain = audit::verifyAuditChain(*store);
        EARLYHELP_VERIFY_OK(chain);
        QVERIFY2(chain->intact, qUtf8Printable(chain->problem));
    }
}

void TestSafeguardingTransfer::failedImportAuditsNothing() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    QSqlQuery move(m_receiver.store->database());
    QVERIFY(move.exec(QStringLiteral("UPDATE organisation SET dfe_urn = '105000' WHERE is_local = 1")));
    audit::AuditLog receiverLog(*m_receiver.store);
    Result<qint64> before = receiverLog.count(audit::Filter{});
    EARLYHELP_VERIFY_OK(before);

    SafeguardingTransfer receiver(*m_receiver.store);
    QVERIFY(!receiver.importFile(receivingDeputy, packagePath(), code));
    QVERIFY(!receiver.importFile(receivingDeputy, packagePath(), QStringLiteral("7KQ2-MX9D-4TPV-0H3C-W8RB")));
    Result<qint64> after = receiverLog.count(audit::Filter{});
    EARLYHELP_VERIFY_OK(after);
    QCOMPARE(*after, *before);
}

void TestSafeguardingTransfer::sharingLogShowsSentFile() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    const sharing::AgreementState state = sharing::notSignedUpState();
    const QString sentOn = m_now.toLocalTime().date().toString(u"dd/MM/yyyy");

    Result<sharing::SharingLog> unconfirmed =
        sharing::buildSharingLog(*m_sender.store, sendingLead, state, m_childId);
    EARLYHELP_VERIFY_OK(unconfirmed);
    QVERIFY(unconfirmed->receivedFiles.isEmpty());
    QCOMPARE(unconfirmed->sentFiles.size(), 1);
    const sharing::SchoolTransfer& sent = unconfirmed->sentFiles.first();
    QCOMPARE(sent.schoolUrn, receivingUrn);
    QVERIFY(sent.schoolName.isEmpty());
    QCOMPARE(sent.transferredAt, m_now);
    QVERIFY(!sent.receiptAt.isValid());
    QVERIFY(!sent.confirmedAt.isValid());
    QCOMPARE(sent.recordTotal, expectedRecordTotal());
    for (auto table = m_expected.cbegin(); table != m_expected.cend(); ++table)
        QCOMPARE(sent.recordCounts.value(table.key()), int(table.value().size()));
    const QString unconfirmedSummary = sharing::sharingSummary(*unconfirmed);
    QVERIFY2(unconfirmedSummary.contains(u"sent to another school 1 time(s)") ||
                 unconfirmedSummary.contains(u"sent to another school 1 time"),
             qUtf8Printable(unconfirmedSummary));
    QVERIFY2(unconfirmedSummary.contains(u"to the school with URN " + receivingUrn + u" on " + sentOn +
                                         u", receipt not yet confirmed"),
             qUtf8Printable(unconfirmedSummary));

    const QDateTime received = m_now.addDays(1);
    const QDateTime confirmed = m_now.addDays(2);
    SafeguardingTransfer receiver(*m_receiver.store, TransferOptions{[&] { return received; }, {}});
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(imported);
    SafeguardingTransfer sender(*m_sender.store, TransferOptions{[&] { return confirmed; }, {}});
    EARLYHELP_VERIFY_OK(sender.confirmReceipt(sendingLead, imported->receipt));

    Result<sharing::SharingLog> afterReceipt =
        sharing::buildSharingLog(*m_sender.store, sendingLead, state, m_childId);
    EARLYHELP_VERIFY_OK(afterReceipt);
    QCOMPARE(afterReceipt->sentFiles.size(), 1);
    const sharing::SchoolTransfer& confirmedFile = afterReceipt->sentFiles.first();
    QCOMPARE(confirmedFile.packageId, sent.packageId);
    QCOMPARE(confirmedFile.schoolName, receivingName);
    QCOMPARE(confirmedFile.schoolUrn, receivingUrn);
    QCOMPARE(confirmedFile.transferredAt, m_now);
    QCOMPARE(confirmedFile.receiptAt, received);
    QCOMPARE(confirmedFile.confirmedAt, confirmed);
    QCOMPARE(confirmedFile.recordTotal, expectedRecordTotal());
    const QString confirmedSummary = sharing::sharingSummary(*afterReceipt);
    QVERIFY2(confirmedSummary.contains(u"to " + receivingName + u" (URN " + receivingUrn + u") on " + sentOn +
                                       u", receipt confirmed on " +
                                       confirmed.toLocalTime().date().toString(u"dd/MM/yyyy")),
             qUtf8Printable(confirmedSummary));
    QVERIFY(!confirmedSummary.contains(u"not yet confirmed"));
}

void TestSafeguardingTransfer::sharingLogShowsImportedFile() {
    const QString code = sendChild();
    QVERIFY(!code.isEmpty());
    const QDateTime received = m_now.addDays(1);
    SafeguardingTransfer receiver(*m_receiver.store, TransferOptions{[&] { return received; }, {}});
    Result<ImportedPackage> imported = receiver.importFile(receivingDeputy, packagePath(), code);
    EARLYHELP_VERIFY_OK(imported);

    Result<sharing::SharingLog> log = sharing::buildSharingLog(
        *m_receiver.store, receivingDeputy, sharing::notSignedUpState(), imported->personId);
    EARLYHELP_VERIFY_OK(log);
    QVERIFY(log->sentFiles.isEmpty());
    QCOMPARE(log->receivedFiles.size(), 1);
    const sharing::SchoolTransfer& file = log->receivedFiles.first();
    QCOMPARE(file.packageId, imported->packageId);
    QCOMPARE(file.schoolName, QStringLiteral("Test Primary School"));
    QCOMPARE(file.schoolUrn, sendingUrn);
    QCOMPARE(file.transferredAt, received);
    QVERIFY(!file.receiptAt.isValid());
    QVERIFY(!file.confirmedAt.isValid());
    QCOMPARE(file.recordTotal, expectedRecordTotal());
    QCOMPARE(file.recordCounts.value(QStringLiteral("person")),
             int(m_expected.value(QStringLiteral("person")).size()));

    const QString summary = sharing::sharingSummary(*log);
    QVERIFY2(summary.contains(u"from Test Primary School (URN " + sendingUrn + u") on " +
                              received.toLocalTime().date().toString(u"dd/MM/yyyy")),
             qUtf8Printable(summary));
    QVERIFY2(!summary.contains(u"no record of sharing"), qUtf8Printable(summary));

    // The sending store's log of the same child has no received file.
    Result<sharing::SharingLog> senderLog =
        sharing::buildSharingLog(*m_sender.store, sendingLead, sharing::notSignedUpState(), m_childId);
    EARLYHELP_VERIFY_OK(senderLog);
    QVERIFY(senderLog->receivedFiles.isEmpty());
}

// A send event of an earlier version records the total but not the records
// per table. The log still shows the file with the total.
void TestSafeguardingTransfer::sharingLogReadsOlderSendEvent() {
    const QString packageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery insert(m_sender.store->database());
    insert.prepare(QStringLiteral(
        "INSERT INTO safeguarding_transfer (package_id, direction, person_id, other_school_urn, created_at, "
        "transferred_at, receipt_key, recorded_by) VALUES (?, 'sent', ?, ?, ?, ?, zeroblob(32), ?)"));
    insert.addBindValue(packageId);
    insert.addBindValue(m_childId);
    insert.addBindValue(receivingUrn);
    insert.addBindValue(m_now.toString(Qt::ISODateWithMs));
    insert.addBindValue(m_now.toString(Qt::ISODateWithMs));
    insert.addBindValue(sendingLead.user);
    QVERIFY2(insert.exec(), qUtf8Printable(insert.lastError().text()));
    audit::NewEvent event;
    event.action = audit::Action::TransferSend;
    event.recordType = QStringLiteral("person");
    event.recordId = m_childId;
    event.personId = m_childId;
    event.user = sendingLead.user;
    event.roleCode = sendingLead.roleCode;
    event.details = QJsonObject{{QStringLiteral("packageId"), packageId},
                                {QStringLiteral("receivingUrn"), receivingUrn},
                                {QStringLiteral("records"), 17}};
    EARLYHELP_VERIFY_OK(audit::AuditLog(*m_sender.store).append(event));

    Result<sharing::SharingLog> log =
        sharing::buildSharingLog(*m_sender.store, sendingLead, sharing::notSignedUpState(), m_childId);
    EARLYHELP_VERIFY_OK(log);
    QCOMPARE(log->sentFiles.size(), 1);
    QCOMPARE(log->sentFiles.first().packageId, packageId);
    QCOMPARE(log->sentFiles.first().recordTotal, 17);
    QVERIFY(log->sentFiles.first().recordCounts.isEmpty());
    QVERIFY(!log->sentFiles.first().confirmedAt.isValid());
}

QTEST_GUILESS_MAIN(TestSafeguardingTransfer)
#include "tst_safeguardingtransfer.moc"
