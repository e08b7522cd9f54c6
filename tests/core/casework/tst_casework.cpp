#include "cases/casedirectory.h"
#include "casework/assessmentrepository.h"
#include "casework/familycaserepository.h"
#include "common/secretbytes.h"
#include "store/migrations.h"
#include "store/searchfunction.h"
#include "store/store.h"

#include <sqlcipher/sqlite3.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace earlyhelp;

namespace {

const Actor caseworker{QStringLiteral("j.patel"), QStringLiteral("caseworker")};
const Actor lead{QStringLiteral("a.okafor"), QStringLiteral("lead")};

QString keyLiteral(const SecretBytes& key) {
    const QByteArray hex =
        QByteArray(reinterpret_cast<const char*>(key.data()), qsizetype(key.size())).toHex();
    return QString(u"PRAGMA key = \"x'" + QString::fromLatin1(hex) + u"'\";");
}

// Returns every row of table as text, ordered by rowid, for comparing a table
// before and after a migration.
QStringList tableRows(const QSqlDatabase& database, const QString& table, const QString& columns) {
    QSqlQuery query(database);
    if (!query.exec(QString(u"SELECT " + columns + u" FROM " + table + u" ORDER BY rowid")))
        return {QStringLiteral("query failed")};
    QStringList rows;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values += query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString();
        rows += values.join(u'|');
    }
    return rows;
}

} // namespace

class TestCasework : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void migrationFromVersionOneKeepsRows();
    void statusChangeRecordsHistory();
    void invalidStatusChangeIsRejected();
    void leadPractitionerBumpsRevisionOnce();
    void assessmentRoundTrip();
    void assessmentRevisionOnlyOnChange();
    void assessmentScoreValidation_data();
    void assessmentScoreValidation();
    void deletedAssessmentRestoresWithinWindow();
    void deletedAssessmentRestoreRejectedAfterWindow();
    void writeGuardRejects();

private:
    [[nodiscard]] QString insertFamily(const QString& status = QStringLiteral("open"));
    [[nodiscard]] CaseworkOptions options() {
        return CaseworkOptions{[this] { return m_now; }, {}};
    }
    [[nodiscard]] Assessment sampleAssessment(const QString& familyId) const;

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Store> m_store;
    QString m_orgId;
    QDateTime m_now;
};

void TestCasework::init() {
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
    Result<std::unique_ptr<Store>> created =
        Store::create(m_folder->filePath(QStringLiteral("case.store")), SecretBytes::random(32));
    QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
    m_store = std::move(*created);

    OrganisationRecord organisation;
    organisation.name = QStringLiteral("Test Primary School");
    organisation.dfeUrn = QStringLiteral("103456");
    Result<OrganisationRecord> local = createLocalOrganisation(*m_store, organisation);
    QVERIFY(local);
    m_orgId = local->id;
    // Local time, because dates typed in are checked against the local date.
    m_now = QDateTime(QDate(2026, 12, 4), QTime(12, 0));
}

void TestCasework::cleanup() {
    m_store.reset();
    m_folder.reset();
}

QString TestCasework::insertFamily(const QString& status) {
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("INSERT INTO family (id, org_id, name, status, created_at, updated_at) "
                                 "VALUES (?, ?, 'Khan family', ?, '2026-01-05T09:00:00.000Z', "
                                 "'2026-01-05T09:00:00.000Z')"));
    query.addBindValue(id);
    query.addBindValue(m_orgId);
    query.addBindValue(status);
    if (!query.exec())
        return {};
    return id;
}

Assessment TestCasework::sampleAssessment(const QString& familyId) const {
    Assessment assessment;
    assessment.familyId = familyId;
    assessment.assessor = QStringLiteral("J. Patel");
    assessment.date = QDate(2026, 11, 20);
    assessment.childVoice = QStringLiteral("Wants to see dad more.");
    assessment.familyVoice = QStringLiteral("Mum is worried about rent arrears.");
    assessment.needs = {
        AssessmentNeed{SupportingFamiliesHeading::Education, QStringLiteral("Likes maths"),
                       QStringLiteral("Attendance 82%"), 3},
        AssessmentNeed{SupportingFamiliesHeading::Housing, QString(), QStringLiteral("Arrears"), 4},
    };
    return assessment;
}

void TestCasework::migrationFromVersionOneKeepsRows() {
    const QString path = m_folder->filePath(QStringLiteral("old.store"));
    const SecretBytes key = SecretBytes::random(32);

    // Writes a version 1 store with the raw SQLCipher API, as the previous
    // release left it.
    sqlite3* connection = nullptr;
    QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &connection,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_exec(connection, keyLiteral(key).toUtf8().constData(), nullptr, nullptr, nullptr),
             SQLITE_OK);
    QCOMPARE(registerSearchFunction(connection), SQLITE_OK);
    const QString script =
        storeMigrations().at(0).script +
        u"PRAGMA user_version = 1;"
        u"INSERT INTO organisation (id, name, party_type, is_local, created_at, updated_at) VALUES "
        u"('org-1', 'Test Primary School', 'school', 1, '2026-01-05T09:00:00.000Z', "
        u"'2026-01-05T09:00:00.000Z');"
        u"INSERT INTO person (id, org_id, legal_forename, legal_surname, upn, is_pupil, created_at, "
        u"updated_at) "
        u"VALUES ('p-1', 'org-1', 'Aisha', 'Khan', 'A123456789012', 1, '2026-01-05T09:00:00.000Z', "
        u"'2026-01-05T09:00:00.000Z'), ('p-2', 'org-1', 'Sadia', 'Khan', NULL, 0, "
        u"'2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z');"
        u"INSERT INTO family (id, org_id, name, status, created_at, updated_at) VALUES "
        u"('f-1', 'org-1', 'Khan family', 'stepped_up', '2026-01-05T09:00:00.000Z', "
        u"'2026-01-06T09:00:00.000Z');"
        u"INSERT INTO family_member (id, org_id, family_id, person_id, role, relationship, "
        u"parental_responsibility, created_at, updated_at) VALUES "
        u"('m-1', 'org-1', 'f-1', 'p-1', 'child', '', 0, '2026-01-05T09:00:00.000Z', "
        u"'2026-01-05T09:00:00.000Z'),"
        u"('m-2', 'org-1', 'f-1', 'p-2', 'adult', 'PAM', 1, '2026-01-05T09:00:00.000Z', "
        u"'2026-01-05T09:00:00.000Z');"
        u"INSERT INTO relationship (id, org_id, child_id, adult_id, relationship, parental_responsibility, "
        u"created_at, updated_at) VALUES ('r-1', 'org-1', 'p-1', 'p-2', 'PAM', 1, "
        u"'2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z');"
        u"INSERT INTO address (id, org_id, person_id, paon, street, postcode, created_at, updated_at) VALUES "
        u"('a-1', 'org-1', 'p-2', '12', 'High Street', 'B11 1QT', '2026-01-05T09:00:00.000Z', "
        u"'2026-01-05T09:00:00.000Z');"
        u"INSERT INTO contact (id, org_id, person_id, kind, type_code, value, created_at, updated_at) VALUES "
        u"('c-1', 'org-1', 'p-2', 'phone', 'M', '07700 900123', '2026-01-05T09:00:00.000Z', "
        u"'2026-01-05T09:00:00.000Z');";
    char* message = nullptr;
    const int written = sqlite3_exec(connection, script.toUtf8().constData(), nullptr, nullptr, &message);
    const QString failure = QString::fromUtf8(message ? message : "");
    sqlite3_free(message);
    sqlite3_close(connection);
    QVERIFY2(written == SQLITE_OK, qUtf8Printable(failure));

    Result<std::unique_ptr<Store>> opened = Store::open(path, key);
    QVERIFY2(opened, qUtf8Printable(opened ? QString() : opened.error().message));
    QCOMPARE((*opened)->schemaVersion(), Store::latestSchemaVersion());
    QCOMPARE((*opened)->schemaVersion(), 7);

    const QSqlDatabase database = (*opened)->database();
    QCOMPARE(tableRows(database, QStringLiteral("organisation"), QStringLiteral("id, name, is_local")),
             QStringList{QStringLiteral("org-1|Test Primary School|1")});
    QCOMPARE(
        tableRows(database, QStringLiteral("person"), QStringLiteral("id, legal_forename, upn, revision")),
        (QStringList{QStringLiteral("p-1|Aisha|A123456789012|1"), QStringLiteral("p-2|Sadia|NULL|1")}));
    QCOMPARE(tableRows(database, QStringLiteral("family"),
                       QStringLiteral("id, status, revision, updated_at, lead_practitioner, deleted_at")),
             QStringList{QStringLiteral("f-1|stepped_up|1|2026-01-06T09:00:00.000Z||NULL")});
    QCOMPARE(tableRows(database, QStringLiteral("family_member"),
                       QStringLiteral("id, role, parental_responsibility")),
             (QStringList{QStringLiteral("m-1|child|0"), QStringLiteral("m-2|adult|1")}));
    QCOMPARE(tableRows(database, QStringLiteral("relationship"), QStringLiteral("id, relationship")),
             QStringList{QStringLiteral("r-1|PAM")});
    QCOMPARE(tableRows(database, QStringLiteral("address"), QStringLiteral("id, paon, street, postcode")),
             QStringList{QStringLiteral("a-1|12|High Street|B11 1QT")});
    QCOMPARE(tableRows(database, QStringLiteral("contact"), QStringLiteral("id, value")),
             QStringList{QStringLiteral("c-1|07700 900123")});
    QCOMPARE(tableRows(database, QStringLiteral("person_search"), QStringLiteral("rowid")).size(), 2);
    // Schema 6 queues every family written before it for the first push.
    QCOMPARE(tableRows(database, QStringLiteral("sync_outbox"), QStringLiteral("record_type, record_id")),
             QStringList{QStringLiteral("family|f-1")});
}

void TestCasework::statusChangeRecordsHistory() {
    const QString familyId = insertFamily();
    QVERIFY(!familyId.isEmpty());
    FamilyCaseRepository families(*m_store, options());

    Result<FamilyStatusChangeRecord> up =
        families.changeStatus(caseworker, familyId, FamilyStatus::SteppedUp, QDate(2026, 11, 2),
                              QStringLiteral("Referral to social care"));
    QVERIFY2(up, qUtf8Printable(up ? QString() : up.error().message));
    QCOMPARE(up->from, FamilyStatus::Open);
    QCOMPARE(up->to, FamilyStatus::SteppedUp);
    QCOMPARE(up->changedBy, caseworker.user);
    QCOMPARE(up->meta.revision, 1);
    QCOMPARE(up->meta.orgId, m_orgId);
    QCOMPARE(up->meta.createdAt, m_now);

    Result<FamilyStatusChangeRecord> down = families.changeStatus(
        caseworker, familyId, FamilyStatus::SteppedDown, QDate(2026, 11, 30), QString());
    QVERIFY2(down, qUtf8Printable(down ? QString() : down.error().message));

    Result<FamilyCase> family = families.family(familyId);
    QVERIFY(family);
    QCOMPARE(family->status, FamilyStatus::SteppedDown);
    QCOMPARE(family->revision, 3);

    Result<QList<FamilyStatusChangeRecord>> history = families.statusHistory(familyId);
    QVERIFY(history);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).reason, QStringLiteral("Referral to social care"));
    QCOMPARE(history->at(0).date, QDate(2026, 11, 2));
    QCOMPARE(history->at(1).from, FamilyStatus::SteppedUp);
    QCOMPARE(history->at(1).to, FamilyStatus::SteppedDown);
}

void TestCasework::invalidStatusChangeIsRejected() {
    const QString familyId = insertFamily();
    FamilyCaseRepository families(*m_store, options());

    Result<FamilyStatusChangeRecord> rejected =
        families.changeStatus(caseworker, familyId, FamilyStatus::SteppedDown, QDate(2026, 11, 2), QString());
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    QCOMPARE(rejected.error().message,
             QStringLiteral("A family's status cannot change from Open to Stepped down from social care. "
                            "Choose a status that can follow Open."));

    Result<FamilyStatusChangeRecord> closed = families.changeStatus(
        caseworker, familyId, FamilyStatus::Closed, QDate(2026, 11, 2), QStringLiteral("  "));
    QVERIFY(!closed);
    QCOMPARE(closed.error().message,
             QStringLiteral("The reason for closing the case is missing. Enter why the case is closing."));

    Result<FamilyStatusChangeRecord> ahead = families.changeStatus(
        caseworker, familyId, FamilyStatus::Closed, QDate(2026, 12, 5), QStringLiteral("Done"));
    QVERIFY(!ahead);
    QVERIFY(ahead.error().message.contains(QStringLiteral("05/12/2026")));

    Result<FamilyCase> family = families.family(familyId);
    QVERIFY(family);
    QCOMPARE(family->status, FamilyStatus::Open);
    QCOMPARE(family->revision, 1);
    Result<QList<FamilyStatusChangeRecord>> history = families.statusHistory(familyId);
    QVERIFY(history);
    QVERIFY(history->isEmpty());
}

void TestCasework::leadPractitionerBumpsRevisionOnce() {
    const QString familyId = insertFamily();
    FamilyCaseRepository families(*m_store, options());

    Result<bool> set = families.setLeadPractitioner(caseworker, familyId, QStringLiteral(" Jo Patel "));
    QVERIFY(set);
    QVERIFY(*set);
    Result<bool> again = families.setLeadPractitioner(caseworker, familyId, QStringLiteral("Jo Patel"));
    QVERIFY(again);
    QVERIFY(!*again);

    Result<FamilyCase> family = families.family(familyId);
    QVERIFY(family);
    QCOMPARE(family->leadPractitioner, QStringLiteral("Jo Patel"));
    QCOMPARE(family->revision, 2);
}

void TestCasework::assessmentRoundTrip() {
    const QString familyId = insertFamily();
    AssessmentRepository assessments(*m_store, options());

    const Assessment given = sampleAssessment(familyId);
    Result<Assessment> created = assessments.create(caseworker, given);
    QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
    QVERIFY(!created->meta.id.isEmpty());
    QCOMPARE(created->meta.revision, 1);
    QCOMPARE(created->meta.orgId, m_orgId);
    QCOMPARE(created->meta.createdAt, m_now);
    QCOMPARE(created->meta.updatedAt, m_now);
    QVERIFY(!created->meta.deleted);

    Result<Assessment> read = assessments.get(created->meta.id);
    QVERIFY(read);
    QCOMPARE(read->familyId, familyId);
    QCOMPARE(read->assessor, given.assessor);
    QCOMPARE(read->date, given.date);
    QCOMPARE(read->childVoice, given.childVoice);
    QCOMPARE(read->familyVoice, given.familyVoice);
    QCOMPARE(read->needs, given.needs);

    QSqlQuery stamp(m_store->database());
    QVERIFY(stamp.exec(QStringLiteral("SELECT created_at FROM assessment")));
    QVERIFY(stamp.next());
    QCOMPARE(stamp.value(0).toString(), m_now.toUTC().toString(Qt::ISODateWithMs));
    QVERIFY(stamp.value(0).toString().endsWith(QStringLiteral(":00.000Z")));

    Result<QList<Assessment>> listed = assessments.listForFamily(familyId);
    QVERIFY(listed);
    QCOMPARE(listed->size(), 1);
    QCOMPARE(listed->first().meta.id, created->meta.id);
}

void TestCasework::assessmentRevisionOnlyOnChange() {
    const QString familyId = insertFamily();
    AssessmentRepository assessments(*m_store, options());
    Result<Assessment> created = assessments.create(caseworker, sampleAssessment(familyId));
    QVERIFY(created);

    m_now = m_now.addSecs(60);
    Result<Assessment> unchanged = assessments.update(caseworker, *created);
    QVERIFY(unchanged);
    QCOMPARE(unchanged->meta.revision, 1);
    QCOMPARE(unchanged->meta.updatedAt, created->meta.updatedAt);

    Assessment edited = *unchanged;
    edited.needs[1].score = 5;
    Result<Assessment> scoreChanged = assessments.update(caseworker, edited);
    QVERIFY(scoreChanged);
    QCOMPARE(scoreChanged->meta.revision, 2);
    QCOMPARE(scoreChanged->meta.updatedAt, m_now);
    QCOMPARE(scoreChanged->needs.at(1).score, 5);

    edited = *scoreChanged;
    edited.familyVoice = QStringLiteral("Rent arrears are paid off.");
    edited.needs.removeAt(0);
    Result<Assessment> both = assessments.update(caseworker, edited);
    QVERIFY(both);
    QCOMPARE(both->meta.revision, 3);
    QCOMPARE(both->needs.size(), 1);
    QCOMPARE(both->needs.at(0).heading, SupportingFamiliesHeading::Housing);
}

void TestCasework::assessmentScoreValidation_data() {
    QTest::addColumn<int>("score");
    QTest::addColumn<QString>("error");

    const QString outOfRange = QStringLiteral(
        "The score %1 for \"Secure housing\" is out of range. Enter a score from 1 (no concern) to 5 "
        "(greatest need).");
    QTest::newRow("zero") << 0 << outOfRange.arg(0);
    QTest::newRow("one") << 1 << QString();
    QTest::newRow("five") << 5 << QString();
    QTest::newRow("six") << 6 << outOfRange.arg(6);
    QTest::newRow("negative") << -1 << outOfRange.arg(-1);
}

void TestCasework::assessmentScoreValidation() {
    QFETCH(int, score);
    QFETCH(QString, error);

    AssessmentRepository assessments(*m_store, options());
    Assessment assessment = sampleAssessment(insertFamily());
    assessment.needs[1].score = score;
    Result<Assessment> created = assessments.create(caseworker, assessment);
    if (error.isEmpty()) {
        QVERIFY2(created, qUtf8Printable(created ? QString() : created.error().message));
        QCOMPARE(created->needs.at(1).score, score);
        return;
    }
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidInput);
    QCOMPARE(created.error().message, error);
    QSqlQuery count(m_store->database());
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM assessment")));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), 0);
}

void TestCasework::deletedAssessmentRestoresWithinWindow() {
    const QString familyId = insertFamily();
    AssessmentRepository assessments(*m_store, options());
    Result<Assessment> created = assessments.create(caseworker, sampleAssessment(familyId));
    QVERIFY(created);

    m_now = m_now.addDays(1);
    // The role rules apply by default: a caseworker may not delete.
    const Status refused = assessments.remove(caseworker, created->meta.id);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(assessments.get(created->meta.id));

    QVERIFY(assessments.remove(lead, created->meta.id));
    Result<Assessment> hidden = assessments.get(created->meta.id);
    QVERIFY(!hidden);
    QCOMPARE(hidden.error().code, ErrorCode::NotFound);
    Result<QList<Assessment>> listed = assessments.listForFamily(familyId);
    QVERIFY(listed);
    QVERIFY(listed->isEmpty());

    m_now = m_now.addDays(restoreWindowDays);
    Status restored = assessments.restore(lead, created->meta.id);
    QVERIFY2(restored, qUtf8Printable(restored ? QString() : restored.error().message));
    Result<Assessment> back = assessments.get(created->meta.id);
    QVERIFY(back);
    QCOMPARE(back->familyId, created->familyId);
    QCOMPARE(back->assessor, created->assessor);
    QCOMPARE(back->date, created->date);
    QCOMPARE(back->childVoice, created->childVoice);
    QCOMPARE(back->familyVoice, created->familyVoice);
    QCOMPARE(back->needs, created->needs);
    QCOMPARE(back->meta.createdAt, created->meta.createdAt);
    QCOMPARE(back->meta.revision, created->meta.revision + 2);
    QVERIFY(!back->meta.deleted);
    QVERIFY(!back->meta.deletedAt.isValid());
}

void TestCasework::deletedAssessmentRestoreRejectedAfterWindow() {
    AssessmentRepository assessments(*m_store, options());
    Result<Assessment> created = assessments.create(caseworker, sampleAssessment(insertFamily()));
    QVERIFY(created);
    QVERIFY(assessments.remove(lead, created->meta.id));

    m_now = m_now.addDays(restoreWindowDays).addSecs(1);
    Status restored = assessments.restore(lead, created->meta.id);
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, ErrorCode::InvalidInput);
    QCOMPARE(restored.error().message,
             QStringLiteral("The assessment %1 was deleted on 04/12/2026, more than 30 days ago, and can no "
                            "longer be restored. Enter it again if it is still needed.")
                 .arg(created->meta.id));
    QVERIFY(!assessments.get(created->meta.id));
}

void TestCasework::writeGuardRejects() {
    CaseworkOptions guarded = options();
    QList<WriteKind> asked;
    guarded.authorise = [&asked](const Actor& actor, const WriteAction& action) -> Status {
        asked += action.kind;
        if (actor.roleCode == u"viewer")
            return makeError(ErrorCode::PermissionDenied, QStringLiteral("Viewers cannot change case work."));
        return {};
    };
    AssessmentRepository assessments(*m_store, guarded);
    const Actor viewer{QStringLiteral("k.smith"), QStringLiteral("viewer")};

    Result<Assessment> refused = assessments.create(viewer, sampleAssessment(insertFamily()));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(asked, QList<WriteKind>{WriteKind::Create});
}

QTEST_GUILESS_MAIN(TestCasework)
#include "tst_casework.moc"
