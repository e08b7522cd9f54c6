// "earlyhelp-cli subject-access" run as a process against a store made by
// init and import: listing the items, exporting JSON and PDF with items
// withheld, rejecting bad input and other roles, and marking a deleted case
// note written through the repository.

#include "access/usermanagement.h"
#include "cases/casestore.h"
#include "casework/casenoterepository.h"
#include "common/secretbytes.h"
#include "keys/keyfile.h"
#include "support/ctfgenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

const QByteArray passphrase = QByteArrayLiteral("a long test passphrase\n");

} // namespace

class TestCliSubjectAccess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsItemsWithIds();
    void exportsJsonAndPdf();
    void badWithholdIsUsageError_data();
    void badWithholdIsUsageError();
    void unknownItemFails();
    void unknownPersonFails();
    void readOnlyUserRejected();
    void deletedNoteMarkedDeleted();

private:
    [[nodiscard]] CliRun runCli(const QStringList& arguments, const QByteArray& input = passphrase) const;
    [[nodiscard]] QStringList storeArguments() const;

    QTemporaryDir m_dir;
    QString m_personId;
    QStringList m_itemIds;
    QString m_thirdPartyItemId; // an item marked with *
};

CliRun TestCliSubjectAccess::runCli(const QStringList& arguments, const QByteArray& input) const {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_dir.path());
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
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

QStringList TestCliSubjectAccess::storeArguments() const {
    return {u"--store"_s, m_dir.filePath(u"school.ehstore"_s), u"--passphrase-stdin"_s};
}

void TestCliSubjectAccess::initTestCase() {
    QVERIFY(m_dir.isValid());
    earlyhelp::testsupport::GeneratedCtfOptions options;
    options.pupils = 4;
    options.seed = 11;
    const QString ctfPath = m_dir.filePath(u"pupils.xml"_s);
    QFile ctf(ctfPath);
    QVERIFY(ctf.open(QIODevice::WriteOnly));
    ctf.write(earlyhelp::testsupport::generateCtf(options));
    ctf.close();

    const CliRun init = runCli(storeArguments() << u"init"_s << u"--school"_s << u"Generated Primary School"_s
                                                << u"--urn"_s << u"199990"_s << u"--user"_s << u"Test Lead"_s);
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    const CliRun import = runCli(storeArguments() << u"import"_s << ctfPath);
    QVERIFY2(import.exitCode == 0, qPrintable(import.err));

    const CliRun list = runCli(storeArguments() << u"list"_s << u"people"_s << u"--json"_s);
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    const QJsonDocument people = QJsonDocument::fromJson(list.out.toUtf8());
    const QJsonArray array = people.isArray() ? people.array() : people.object().value(u"people"_s).toArray();
    // A pupil, who has relationships with the adults of the family.
    for (const QJsonValue& person : array) {
        if (person.toObject().value(u"pupil"_s).toBool() || m_personId.isEmpty())
            m_personId = person.toObject().value(u"id"_s).toString();
        if (person.toObject().value(u"pupil"_s).toBool())
            break;
    }
    QVERIFY(!m_personId.isEmpty());
}

void TestCliSubjectAccess::listsItemsWithIds() {
    const CliRun run = runCli(storeArguments() << u"subject-access"_s << m_personId);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 1);
    for (const QString& line : lines.mid(1)) {
        const QStringList columns = line.mid(2).split(u'\t');
        QCOMPARE(columns.size(), 4);
        m_itemIds += columns.first();
        if (line.startsWith(u'*') && m_thirdPartyItemId.isEmpty())
            m_thirdPartyItemId = columns.first();
    }
    QVERIFY(m_itemIds.contains(u"person/"_s + m_personId));
    QVERIFY2(!m_thirdPartyItemId.isEmpty(), qPrintable(run.out));
    QVERIFY2(lines.first().startsWith(QString::number(m_itemIds.size())), qPrintable(lines.first()));
}

void TestCliSubjectAccess::exportsJsonAndPdf() {
    QVERIFY(!m_thirdPartyItemId.isEmpty());
    const QString jsonPath = m_dir.filePath(u"request.json"_s);
    const QString pdfPath = m_dir.filePath(u"request.pdf"_s);
    const CliRun run = runCli(storeArguments() << u"subject-access"_s << m_personId << u"--json-file"_s << jsonPath
                                               << u"--pdf"_s << pdfPath << u"--withhold"_s
                                               << m_thirdPartyItemId + u"=third-party"_s);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(u"audit event"_s), qPrintable(run.out));

    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject object = QJsonDocument::fromJson(json.readAll()).object();
    const QJsonArray items = object.value(u"items"_s).toArray();
    QCOMPARE(items.size(), m_itemIds.size() - 1);
    for (const QJsonValue& item : items)
        QVERIFY(item.toObject().value(u"id"_s).toString() != m_thirdPartyItemId);
    const QJsonArray withheld = object.value(u"withheld"_s).toArray();
    QCOMPARE(withheld.size(), 1);
    QCOMPARE(withheld.first().toObject().value(u"reason"_s).toString(), u"third-party"_s);
    QCOMPARE(object.value(u"generatedBy"_s).toString(), u"Test Lead"_s);
    QCOMPARE(QFile::permissions(jsonPath) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QCOMPARE(pdf.read(5), QByteArrayLiteral("%PDF-"));
    const QString pdfToText = QStandardPaths::findExecutable(u"pdftotext"_s);
    QVERIFY2(!pdfToText.isEmpty(), "pdftotext is missing. Run scripts/setup, which installs poppler-utils.");
    QProcess text;
    text.start(pdfToText, {pdfPath, u"-"_s});
    QVERIFY(text.waitForFinished(60000));
    QVERIFY(QString::fromUtf8(text.readAllStandardOutput()).contains(u"Information withheld"_s));
}

void TestCliSubjectAccess::badWithholdIsUsageError_data() {
    QTest::addColumn<QStringList>("arguments");
    const QString path = m_dir.filePath(u"bad.json"_s);
    QTest::newRow("no reason") << QStringList{u"--json-file"_s, path, u"--withhold"_s, u"person/x"_s};
    QTest::newRow("unknown reason") << QStringList{u"--json-file"_s, path, u"--withhold"_s, u"person/x=secret"_s};
    QTest::newRow("withhold without export") << QStringList{u"--withhold"_s, u"person/x=third-party"_s};
}

void TestCliSubjectAccess::badWithholdIsUsageError() {
    QFETCH(QStringList, arguments);
    const CliRun run = runCli(storeArguments() << u"subject-access"_s << m_personId << arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(u"--withhold"_s), qPrintable(run.err));
    QVERIFY(!QFile::exists(m_dir.filePath(u"bad.json"_s)));
}

void TestCliSubjectAccess::unknownItemFails() {
    const QString path = m_dir.filePath(u"unknown-item.json"_s);
    const CliRun run = runCli(storeArguments() << u"subject-access"_s << m_personId << u"--json-file"_s << path
                                               << u"--withhold"_s << u"case_note/not-held=third-party"_s);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"case_note/not-held"_s), qPrintable(run.err));
    QVERIFY(!QFile::exists(path));
}

void TestCliSubjectAccess::unknownPersonFails() {
    const CliRun run = runCli(storeArguments() << u"subject-access"_s << u"no-such-person"_s);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"no-such-person"_s), qPrintable(run.err));
}

void TestCliSubjectAccess::readOnlyUserRejected() {
    using namespace earlyhelp;
    const QString storePath = m_dir.filePath(u"school.ehstore"_s);
    const QByteArray leadPassphrase = passphrase.trimmed();
    const QByteArray readerPassphrase = QByteArrayLiteral("robin reads the chronology");
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(storePath);
    QVERIFY(keyFile);
    Result<SecretBytes> storeKey = keyFile->unlockWithPassphrase(
        u"Test Lead"_s, SecretBytes::copyOf(leadPassphrase.constData(), std::size_t(leadPassphrase.size())));
    QVERIFY(storeKey);
    const Status added = access::addUser(
        access::Actor{u"Test Lead"_s, u"lead"_s}, *keyFile, *storeKey, u"Robin Reed"_s, access::Role::ReadOnly,
        SecretBytes::copyOf(readerPassphrase.constData(), std::size_t(readerPassphrase.size())));
    QVERIFY2(added, added ? "" : qPrintable(added.error().message));

    const QString path = m_dir.filePath(u"reader.json"_s);
    const CliRun run = runCli(storeArguments() << u"--user"_s << u"Robin Reed"_s << u"subject-access"_s << m_personId
                                               << u"--json-file"_s << path,
                              readerPassphrase + '\n');
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"designated safeguarding lead"_s), qPrintable(run.err));
    QVERIFY(!QFile::exists(path));
}

// Runs after readOnlyUserRejected(), so the store has two users and each
// unlock names the lead.
void TestCliSubjectAccess::deletedNoteMarkedDeleted() {
    QString noteId;
    {
        const QByteArray secret = passphrase.trimmed();
        earlyhelp::Result<earlyhelp::UnlockedStore> unlocked = earlyhelp::unlockWithPassphrase(
            m_dir.filePath(u"school.ehstore"_s), u"Test Lead"_s,
            earlyhelp::SecretBytes::copyOf(secret.constData(), std::size_t(secret.size())));
        QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message));
        QSqlQuery family(unlocked->store->database());
        family.prepare(u"SELECT family_id FROM family_member WHERE person_id = ? AND deleted = 0 LIMIT 1"_s);
        family.addBindValue(m_personId);
        QVERIFY(family.exec());
        QVERIFY2(family.next(), "The imported pupil belongs to no family.");

        earlyhelp::CaseNote note;
        note.familyId = family.value(0).toString();
        note.personId = m_personId;
        note.date = QDate::currentDate();
        note.author = u"Test Lead"_s;
        note.type = u"contact"_s;
        note.text = u"Spoke to the pupil at lunch. DeletednoteMarkerR3"_s;
        family.finish();
        earlyhelp::CaseNoteRepository notes(*unlocked->store);
        const earlyhelp::Result<earlyhelp::CaseNote> created = notes.create(unlocked->actor, note);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        const earlyhelp::Status removed = notes.remove(unlocked->actor, created->meta.id);
        QVERIFY2(removed, removed ? "" : qPrintable(removed.error().message));
        noteId = created->meta.id;
    }

    const CliRun list =
        runCli(storeArguments() << u"--user"_s << u"Test Lead"_s << u"subject-access"_s << m_personId);
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
    const auto line = std::ranges::find_if(
        lines, [&noteId](const QString& each) { return each.contains(u"case_note/"_s + noteId + u'\t'); });
    QVERIFY2(line != lines.cend(), qPrintable(list.out));
    QVERIFY2(line->endsWith(u" (deleted)"_s), qPrintable(*line));

    const QString jsonPath = m_dir.filePath(u"deleted.json"_s);
    const CliRun run = runCli(storeArguments() << u"--user"_s << u"Test Lead"_s << u"subject-access"_s
                                               << m_personId << u"--json-file"_s << jsonPath);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray items = QJsonDocument::fromJson(json.readAll()).object().value(u"items"_s).toArray();
    const auto item = std::ranges::find_if(items, [&noteId](const QJsonValue& each) {
        return each.toObject().value(u"id"_s).toString() == u"case_note/"_s + noteId;
    });
    QVERIFY(item != items.end());
    QCOMPARE((*item).toObject().value(u"deleted"_s).toBool(), true);
    QCOMPARE((*item).toObject().value(u"deletedOn"_s).toString(), QDate::currentDate().toString(Qt::ISODate));
    QVERIFY((*item).toObject().value(u"text"_s).toString().contains(u"DeletednoteMarkerR3"_s));
}

QTEST_GUILESS_MAIN(TestCliSubjectAccess)
#include "tst_clisubjectaccess.moc"
