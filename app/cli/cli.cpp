#include "cli.h"

#include "agreementcommands.h"
#include "subjectaccesscommands.h"
#include "synccommands.h"
#include "transfercommands.h"

#include "audit/auditlog.h"
#include "audit/unlockaudit.h"
#include "cases/casedirectory.h"
#include "cases/casestore.h"
#include "common/secretbytes.h"
#include "import/ctfimporter.h"
#include "cases/storeverify.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace earlyhelp::cli {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::cli)
};

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString& message)
{
    err() << "earlyhelp-cli: " << message << Qt::endl;
    return Failure;
}

int usage(const QString& message)
{
    err() << "earlyhelp-cli: " << message << Qt::endl
          << Text::tr("Run \"earlyhelp-cli --help\" for the commands and options.") << Qt::endl;
    return UsageError;
}

// Reads one line from standard input into key memory, without echo when it is
// a terminal. The line ending is not part of the passphrase.
Result<SecretBytes> readPassphrase(const QString& prompt, bool fromStdin)
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    if (!fromStdin && !terminal)
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("no passphrase given: standard input is not a terminal, so pass "
                            "--passphrase-stdin and write the passphrase to standard input"));

    termios saved{};
    const bool hideEcho = terminal && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        err() << prompt << Qt::flush;
        if (hideEcho) {
            termios silent = saved;
            silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
        }
    }

    constexpr std::size_t maxLength = 1024;
    SecretBytes line(maxLength);
    std::size_t length = 0;
    bool tooLong = false;
    for (;;) {
        const int c = std::fgetc(stdin);
        if (c == EOF || c == '\n')
            break;
        if (length == maxLength) {
            tooLong = true;
            continue;
        }
        line.data()[length++] = static_cast<unsigned char>(c);
    }
    if (length > 0 && line.data()[length - 1] == '\r')
        --length;

    if (hideEcho) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << Qt::endl;
    }
    if (tooLong)
        return makeError(ErrorCode::InvalidInput, Text::tr("the passphrase is longer than 1024 bytes"));
    if (length == 0)
        return makeError(ErrorCode::InvalidInput, Text::tr("the passphrase is empty"));
    return SecretBytes::copyOf(line.data(), length);
}

struct Options {
    QString storePath;
    QString user;
    bool passphraseFromStdin = false;
    bool json = false;
};

// Sets the audit actor of a store just unlocked and appends its unlock event
// with method. As in the desktop app, a failure to record the event is
// reported but does not stop the command.
Result<UnlockedStore> recordUnlock(UnlockedStore unlocked, const QString& method)
{
    unlocked.store->setAuditActor(unlocked.actor.user, unlocked.actor.roleCode);
    if (Status recorded = audit::recordUnlock(*unlocked.store, method, unlocked.failureSecretKey); !recorded)
        err() << "earlyhelp-cli: " << Text::tr("the unlock was not recorded in the audit trail: %1")
                                          .arg(recorded.error().message)
              << Qt::endl;
    return unlocked;
}

// Unlocks the store for a command, as the user whose passphrase or keychain
// slot opened it. When record is false, the unlock is not recorded in the
// audit trail and unlockMethod, when given, receives the method for the
// caller to record. Read commands ignore the Actor, and import checks it.
Result<UnlockedStore> unlock(const Options& options, bool record = true, QString* unlockMethod = nullptr)
{
    if (!storeExists(options.storePath))
        return makeError(ErrorCode::NotFound,
                         Text::tr("no case store at %1: create one with \"earlyhelp-cli init\" or name it with --store")
                             .arg(options.storePath));

    if (!options.passphraseFromStdin && hasKeychainSlot(options.storePath)) {
        auto store = unlockWithKeychain(options.storePath);
        if (store && !record) {
            if (unlockMethod)
                *unlockMethod = QStringLiteral("keychain");
            return store;
        }
        if (store)
            return recordUnlock(std::move(*store), QStringLiteral("keychain"));
        err() << "earlyhelp-cli: " << store.error().message << Qt::endl;
    }
    auto passphrase = readPassphrase(Text::tr("Passphrase for %1: ").arg(options.storePath), options.passphraseFromStdin);
    if (!passphrase)
        return std::unexpected(passphrase.error());
    // A wrong passphrase is appended to the failed-unlock journal beside the
    // key file, and the next successful unlock records it in the audit trail.
    auto store = unlockWithPassphrase(options.storePath, options.user, *passphrase);
    if (unlockMethod)
        *unlockMethod = QStringLiteral("passphrase");
    if (!store || !record)
        return store;
    return recordUnlock(std::move(*store), QStringLiteral("passphrase"));
}

QString ukDate(const QDate& date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

int runInit(const QCommandLineParser& parser, const Options& options)
{
    NewStoreRequest request;
    request.path = options.storePath;
    request.organisation.name = parser.value(QStringLiteral("school"));
    request.organisation.dfeUrn = parser.value(QStringLiteral("urn"));
    request.organisation.laCode = parser.value(QStringLiteral("la"));
    request.organisation.estabNumber = parser.value(QStringLiteral("estab"));
    request.userName = options.user;
    request.useKeychain = parser.isSet(QStringLiteral("keychain"));
    if (request.organisation.name.isEmpty())
        return usage(Text::tr("init needs --school NAME"));
    if (request.userName.isEmpty())
        return usage(Text::tr("init needs --user NAME, the name of the designated safeguarding lead"));

    auto passphrase = readPassphrase(Text::tr("New passphrase: "), options.passphraseFromStdin);
    if (!passphrase)
        return fail(passphrase.error().message);
    if (!options.passphraseFromStdin) {
        auto again = readPassphrase(Text::tr("Repeat the passphrase: "), false);
        if (!again)
            return fail(again.error().message);
        if (!again->equals(*passphrase))
            return fail(Text::tr("the two passphrases differ; nothing was created"));
    }
    request.passphrase = std::move(*passphrase);

    auto created = setUpStore(std::move(request));
    if (!created)
        return fail(created.error().message);
    if (!created->keychainProblem.isEmpty())
        err() << "earlyhelp-cli: " << created->keychainProblem << Qt::endl;
    out() << Text::tr("Created the case store %1 for %2.").arg(options.storePath, created->organisation.name) << Qt::endl;
    return Success;
}

int runImport(const QStringList& files, const Options& options)
{
    if (files.isEmpty())
        return usage(Text::tr("import needs at least one Common Transfer File"));
    auto unlocked = unlock(options);
    if (!unlocked)
        return fail(unlocked.error().message);
    if (Status allowed = access::authorise(unlocked->actor, access::Action::EditCases); !allowed)
        return fail(allowed.error().message);
    Store& store = *unlocked->store;

    int status = Success;
    for (const QString& file : files) {
        const bool terminal = isatty(STDERR_FILENO) != 0;
        auto progress = [&](qint64 done, qint64 total) {
            if (terminal && total > 0)
                err() << "\r" << Text::tr("Importing %1: %2%").arg(QFileInfo(file).fileName()).arg(done * 100 / total)
                      << Qt::flush;
            return true;
        };
        auto summary = importCtf(store, file, progress);
        if (terminal)
            err() << "\r\033[K" << Qt::flush;
        if (!summary) {
            err() << "earlyhelp-cli: " << summary.error().message << Qt::endl;
            status = Failure;
            continue;
        }
        out() << Text::tr("%1: pupils added %2, updated %3, unchanged %4, skipped %5; families added %6, updated %7.")
                     .arg(file)
                     .arg(summary->pupilsAdded)
                     .arg(summary->pupilsUpdated)
                     .arg(summary->pupilsUnchanged)
                     .arg(summary->skipped.size())
                     .arg(summary->familiesAdded)
                     .arg(summary->familiesUpdated)
              << Qt::endl;
        for (const auto& skipped : summary->skipped)
            err() << "earlyhelp-cli: " << skipped.message() << Qt::endl;
    }
    return status;
}

QJsonObject personJson(const PersonSummary& person)
{
    QJsonObject object{
        {QStringLiteral("id"), person.id},
        {QStringLiteral("forename"), person.legalForename},
        {QStringLiteral("surname"), person.legalSurname},
        {QStringLiteral("dateOfBirth"), person.dateOfBirth.isValid() ? person.dateOfBirth.toString(Qt::ISODate)
                                                                      : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("pupil"), person.isPupil},
    };
    auto addIfSet = [&object](const QString& key, const QString& value) {
        if (!value.isEmpty())
            object.insert(key, value);
    };
    addIfSet(QStringLiteral("upn"), person.upn);
    addIfSet(QStringLiteral("middleNames"), person.middleNames);
    addIfSet(QStringLiteral("preferredForename"), person.preferredForename);
    addIfSet(QStringLiteral("preferredSurname"), person.preferredSurname);
    addIfSet(QStringLiteral("formerSurname"), person.formerSurname);
    addIfSet(QStringLiteral("sex"), person.sex);
    addIfSet(QStringLiteral("familyId"), person.familyId);
    addIfSet(QStringLiteral("family"), person.familyName);
    return object;
}

int runList(const QString& what, const QString& search, const Options& options)
{
    if (what != u"people" && what != u"families")
        return usage(Text::tr("list takes \"people\" or \"families\", not \"%1\"").arg(what));
    auto unlocked = unlock(options);
    if (!unlocked)
        return fail(unlocked.error().message);
    CaseDirectory directory(*unlocked->store);

    if (what == u"people") {
        auto people = directory.people(search, std::numeric_limits<int>::max());
        if (!people)
            return fail(people.error().message);
        if (options.json) {
            QJsonArray array;
            for (const PersonSummary& person : *people)
                array.append(personJson(person));
            out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
            return Success;
        }
        for (const PersonSummary& person : *people)
            out() << qSetFieldWidth(15) << Qt::left << person.upn << qSetFieldWidth(12) << ukDate(person.dateOfBirth)
                  << qSetFieldWidth(0) << person.legalSurname << ", " << person.legalForename
                  << (person.familyName.isEmpty() ? QString() : u"  (" + person.familyName + u')') << Qt::endl;
        return Success;
    }

    auto families = directory.families(search, std::numeric_limits<int>::max());
    if (!families)
        return fail(families.error().message);
    if (options.json) {
        QJsonArray array;
        for (const FamilySummary& family : *families) {
            auto detail = directory.family(family.id);
            if (!detail)
                return fail(detail.error().message);
            QJsonArray members;
            for (const FamilyMember& member : detail->members) {
                QJsonObject object = personJson(member.person);
                object.insert(QStringLiteral("role"), member.role);
                object.insert(QStringLiteral("parentalResponsibility"), member.parentalResponsibility);
                members.append(object);
            }
            array.append(QJsonObject{{QStringLiteral("id"), family.id},
                                     {QStringLiteral("name"), family.name},
                                     {QStringLiteral("status"), family.status},
                                     {QStringLiteral("lookedAfter"), family.lookedAfter},
                                     {QStringLiteral("members"), members}});
        }
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Success;
    }
    out() << Text::tr("Family\tChildren\tAdults\tStatus") << Qt::endl;
    for (const FamilySummary& family : *families)
        out() << family.name << '\t' << family.childCount << '\t' << family.adultCount << '\t' << family.status
              << (family.lookedAfter ? Text::tr(", looked after") : QString()) << Qt::endl;
    return Success;
}

int runKeychain(const Options& options)
{
    if (!storeExists(options.storePath))
        return fail(Text::tr("no case store at %1: name it with --store").arg(options.storePath));
    if (options.user.isEmpty())
        return usage(Text::tr("keychain needs --user NAME, the user the keychain will unlock as"));
    auto passphrase =
        readPassphrase(Text::tr("Passphrase of %1: ").arg(options.user), options.passphraseFromStdin);
    if (!passphrase)
        return fail(passphrase.error().message);
    if (Status set = setUpKeychain(options.storePath, options.user, *passphrase); !set)
        return fail(set.error().message);
    out() << Text::tr("The OS keychain on this computer now unlocks %1 as %2.").arg(options.storePath, options.user)
          << Qt::endl;
    return Success;
}

// Returns the line that verify prints about the audit trail.
QString auditChainSummary(const audit::ChainReport& report)
{
    if (!report.intact)
        return Text::tr("Audit trail: %1. Keep this copy of the store for investigation, report it to your data "
                        "protection officer, and restore the store from a backup made before the change.")
            .arg(report.problem);
    if (report.erasedDetails > 0)
        return Text::tr("Audit trail: %1 events verified. The details of %2 of them were erased with a person's data.")
            .arg(report.events)
            .arg(report.erasedDetails);
    return Text::tr("Audit trail: %1 events verified.").arg(report.events);
}

int runVerify(const Options& options, const QString& caCertificatePath)
{
    // The chain is checked as found, before this unlock adds an event to it.
    QString method;
    auto unlocked = unlock(options, false, &method);
    if (!unlocked)
        return fail(unlocked.error().message);
    unlocked->store->setAuditActor(unlocked->actor.user, unlocked->actor.roleCode);
    auto report = verifyStore(*unlocked->store);
    if (!report)
        return fail(report.error().message);
    out() << report->summary << Qt::endl;

    auto chain = audit::verifyAuditChain(*unlocked->store);
    if (!chain)
        return fail(chain.error().message);
    if (!chain->intact)
        return fail(auditChainSummary(*chain));
    out() << auditChainSummary(*chain) << Qt::endl;
    if (int anchored = checkAuditAnchors(*unlocked->store, options.storePath, caCertificatePath);
        anchored != Success)
        return anchored;

    if (Status recorded = audit::recordUnlock(*unlocked->store, method, unlocked->failureSecretKey); !recorded)
        err() << "earlyhelp-cli: " << Text::tr("the unlock was not recorded in the audit trail: %1")
                                          .arg(recorded.error().message)
              << Qt::endl;
    return Success;
}

// True for "agreement accept", where --version takes the agreement version
// to accept instead of printing the program's version. The two words must
// be next to each other.
bool isAgreementAccept(const QStringList& arguments)
{
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) == u"agreement" && arguments.at(i + 1) == u"accept")
            return true;
    }
    return false;
}

} // namespace

int run(const QStringList& arguments)
{
    const bool acceptingAgreement = isAgreementAccept(arguments);
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Early Help Case Manager on the command line, for school IT and scripts.\n\n"
        "Commands:\n"
        "  init --school NAME (--urn URN | --la NNN --estab NNNN) --user NAME [--keychain]\n"
        "                     create an encrypted case store and its first user\n"
        "  import FILE…       import pupils, contacts and families from Common Transfer Files\n"
        "  list people|families [SEARCH] [--json]\n"
        "                     list people or families, optionally those matching SEARCH\n"
        "  keychain --user NAME\n"
        "                     keep the key in the OS keychain, unlocking as NAME on this computer\n"
        "  verify [--ca-cert FILE]\n"
        "                     check the store's encryption, structure, search index and audit trail, and\n"
        "                     an enrolled store's audit trail against the sync server's anchors\n"
        "  agreement keygen PUBLIC SECRET\n"
        "                     create an Ed25519 key pair for signing data sharing agreements\n"
        "  agreement sign FILE --secret-key SECRET\n"
        "                     sign an agreement; the signature goes to FILE.sig\n"
        "  agreement verify|show FILE [--public-key PUBLIC]\n"
        "                     check FILE against FILE.sig (default key: the one built in); show lists its rules\n"
        "  agreement diff OLD NEW [--json] [--public-key PUBLIC]\n"
        "                     list the fields whose sharing changes from agreement OLD to NEW, both verified\n"
        "  agreement install FILE [--public-key PUBLIC]\n"
        "                     verify FILE against FILE.sig and store it; it applies once accepted\n"
        "  agreement status [--json]\n"
        "                     show the agreement in force, who signed it, and any version waiting for acceptance\n"
        "  agreement accept --version N --name NAME --role ROLE [--date YYYY-MM-DD]\n"
        "                     record that your organisation signed version N (designated safeguarding lead only;\n"
        "                     the date signed defaults to today)\n"
        "  enrol URL CODE [--device-name NAME] [--ca-cert FILE]\n"
        "                     enrol the store with the sync server at URL (https only) using a one-time code;\n"
        "                     the device credential is kept in the OS keychain\n"
        "  sync-status [--ca-cert FILE]\n"
        "                     show the sync server, device and organisation, and check the server and its clock\n"
        "  sync [--ca-cert FILE]\n"
        "                     send this store's changes to the sync server and apply what it sends back;\n"
        "                     exit status 0 only when everything was exchanged\n"
        "  conflicts [--json]\n"
        "                     list the fields changed here and at another organisation that wait for a person\n"
        "  conflicts resolve ID --keep server|other\n"
        "                     settle a conflict with the value the server kept or the other one; sync sends it\n"
        "  subject-access PERSON_ID [--json-file FILE] [--pdf FILE] [--withhold ITEM_ID=REASON …]\n"
        "                     answer a subject access request (designated safeguarding lead only): without a\n"
        "                     file, list the items held about the person with their ids; with one, export them\n"
        "                     less the withheld items. REASON is third-party, serious-harm, crime-and-taxation,\n"
        "                     legal-professional-privilege or other:EXPLANATION. Each export is audited.\n"
        "  transfer export PERSON_ID --to-urn URN --out FILE\n"
        "                     write a child's safeguarding file for the school with that DfE URN as an encrypted\n"
        "                     package, and print its one-time code once (lead and deputy only)\n"
        "  transfer import FILE --code CODE [--receipt FILE]\n"
        "                     import a safeguarding file sent to this school, and write the receipt to send back\n"
        "  transfer receipt PACKAGE_ID --out FILE\n"
        "                     write the receipt of an imported package again\n"
        "  transfer confirm RECEIPT\n"
        "                     record the receiving school's receipt for a safeguarding file this school sent\n"
        "  transfer list [--json]\n"
        "                     list the safeguarding files sent and received, with their times\n"
        "  The desktop app checks stored agreements against the built-in key, so --public-key with install,\n"
        "  status or accept is for testing a Trust's own key.\n\n"
        "Exit status: 0 on success, 1 when the command failed, 2 for a usage error."));
    parser.addHelpOption();
    if (acceptingAgreement)
        parser.addOption({QStringLiteral("version"), Text::tr("agreement accept: the agreement version to accept."),
                          Text::tr("number")});
    else
        parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("store"), Text::tr("The case store file (default: %1).").arg(defaultStorePath()), Text::tr("path")},
        {QStringLiteral("passphrase-stdin"), Text::tr("Read the passphrase from the first line of standard input.")},
        {QStringLiteral("json"), Text::tr("list, agreement diff, agreement status, conflicts and transfer list: write JSON "
                                           "instead of text.")},
        {QStringLiteral("verbose"), Text::tr("Write diagnostic messages (opening, unlocking, import counts) to "
                                       "standard error.")},
        {QStringLiteral("school"), Text::tr("init: the school's name."), Text::tr("name")},
        {QStringLiteral("urn"), Text::tr("init: the school's six-digit DfE URN."), Text::tr("urn")},
        {QStringLiteral("la"), Text::tr("init: the three-digit local authority number."), Text::tr("number")},
        {QStringLiteral("estab"), Text::tr("init: the four-digit establishment number."), Text::tr("number")},
        {QStringLiteral("user"), Text::tr("The user whose passphrase unlocks the store (needed when it has several); "
                                    "for init, the first user, the designated safeguarding lead."),
         Text::tr("name")},
        {QStringLiteral("keychain"), Text::tr("init: also keep the key in the OS keychain, so that no passphrase is "
                                        "needed on this computer.")},
        {QStringLiteral("public-key"), Text::tr("agreement verify, show, diff, install, status and accept: the Trust "
                                          "public key file (default: the key built into the app)."), Text::tr("file")},
        {QStringLiteral("name"), Text::tr("agreement accept: the name of the person who signed the agreement."),
         Text::tr("name")},
        {QStringLiteral("role"), Text::tr("agreement accept: that person's role, such as Headteacher."),
         Text::tr("role")},
        {QStringLiteral("date"), Text::tr("agreement accept: the date the agreement was signed, YYYY-MM-DD "
                                    "(default: today)."), Text::tr("date")},
        {QStringLiteral("secret-key"), Text::tr("agreement sign: the secret key file made by agreement keygen."),
         Text::tr("file")},
        {QStringLiteral("device-name"), Text::tr("enrol: the name the server lists this device under (default: "
                                           "this computer's host name)."), Text::tr("name")},
        {QStringLiteral("keep"), Text::tr("conflicts resolve: \"server\" keeps the value the server kept, \"other\" "
                                           "the value it did not take."), Text::tr("side")},
        {QStringLiteral("json-file"), Text::tr("subject-access: write the JSON export to this file."),
         Text::tr("file")},
        {QStringLiteral("pdf"), Text::tr("subject-access: write the PDF export to this file."), Text::tr("file")},
        {QStringLiteral("withhold"), Text::tr("subject-access: withhold an item from the export, with the reason; "
                                              "repeat for each item."),
         Text::tr("item=reason")},
        {QStringLiteral("to-urn"), Text::tr("transfer export: the receiving school's six-digit DfE URN."),
         Text::tr("urn")},
        {QStringLiteral("out"), Text::tr("transfer export: the package file to write; transfer receipt: the receipt "
                                         "file to write."),
         Text::tr("file")},
        {QStringLiteral("code"), Text::tr("transfer import: the one-time code the sending school gave."),
         Text::tr("code")},
        {QStringLiteral("receipt"), Text::tr("transfer import: the receipt file to write for the sending school."),
         Text::tr("file")},
        {QStringLiteral("ca-cert"), Text::tr("enrol, sync-status, sync and verify: a PEM file of CA certificates to "
                                       "trust for the sync server besides the system's; enrol records it in the store."),
         Text::tr("file")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), Text::tr("init, import, list, keychain, verify, agreement, enrol, sync-status, sync, "
                                                                    "conflicts, transfer or subject-access"));

    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << Qt::flush;
        return Success;
    }
    if (!acceptingAgreement && parser.isSet(QStringLiteral("version"))) {
        out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }

    // Without --verbose a failure prints one line. QT_LOGGING_RULES still
    // overrides these rules.
    if (!parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("earlyhelp.*.info=false\nearlyhelp.*.warning=false"));

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(Text::tr("no command given"));

    Options options;
    options.storePath = parser.isSet(QStringLiteral("store")) ? parser.value(QStringLiteral("store")) : defaultStorePath();
    options.user = parser.value(QStringLiteral("user"));
    options.passphraseFromStdin = parser.isSet(QStringLiteral("passphrase-stdin"));
    options.json = parser.isSet(QStringLiteral("json"));

    const QString command = positional.first();
    const QStringList rest = positional.mid(1);
    if (command == u"init") {
        if (!rest.isEmpty())
            return usage(Text::tr("init takes no arguments, only options"));
        return runInit(parser, options);
    }
    if (command == u"import")
        return runImport(rest, options);
    if (command == u"list") {
        if (rest.isEmpty() || rest.size() > 2)
            return usage(Text::tr("list takes \"people\" or \"families\" and an optional search text"));
        return runList(rest.first(), rest.value(1), options);
    }
    if (command == u"keychain") {
        if (!rest.isEmpty())
            return usage(Text::tr("keychain takes no arguments, only options"));
        return runKeychain(options);
    }
    if (command == u"verify") {
        if (!rest.isEmpty())
            return usage(Text::tr("verify takes no arguments"));
        return runVerify(options, parser.value(QStringLiteral("ca-cert")));
    }
    if (command == u"agreement") {
        AgreementOptions agreementOptions;
        agreementOptions.publicKeyPath = parser.value(QStringLiteral("public-key"));
        agreementOptions.secretKeyPath = parser.value(QStringLiteral("secret-key"));
        agreementOptions.json = options.json;
        if (acceptingAgreement)
            agreementOptions.version = parser.value(QStringLiteral("version"));
        agreementOptions.signatoryName = parser.value(QStringLiteral("name"));
        agreementOptions.signatoryRole = parser.value(QStringLiteral("role"));
        agreementOptions.signedDate = parser.value(QStringLiteral("date"));
        agreementOptions.unlockStore = [&options] { return unlock(options); };
        return runAgreement(rest, agreementOptions);
    }
    if (command == u"enrol" || command == u"sync-status" || command == u"sync" || command == u"conflicts") {
        SyncOptions syncOptions;
        syncOptions.storePath = options.storePath;
        syncOptions.deviceName = parser.value(QStringLiteral("device-name"));
        syncOptions.caCertificatePath = parser.value(QStringLiteral("ca-cert"));
        syncOptions.json = options.json;
        syncOptions.keep = parser.value(QStringLiteral("keep"));
        syncOptions.unlockStore = [&options] { return unlock(options); };
        if (command == u"enrol")
            return runEnrol(rest, syncOptions);
        if (command == u"sync-status")
            return runSyncStatus(rest, syncOptions);
        if (command == u"sync")
            return runSync(rest, syncOptions);
        return runConflicts(rest, syncOptions);
    }
    if (command == u"subject-access") {
        SubjectAccessOptions subjectAccessOptions;
        subjectAccessOptions.jsonPath = parser.value(QStringLiteral("json-file"));
        subjectAccessOptions.pdfPath = parser.value(QStringLiteral("pdf"));
        subjectAccessOptions.withhold = parser.values(QStringLiteral("withhold"));
        subjectAccessOptions.unlockStore = [&options] { return unlock(options); };
        return runSubjectAccess(rest, subjectAccessOptions);
    }
    if (command == u"transfer") {
        TransferCommandOptions transferOptions;
        transferOptions.toUrn = parser.value(QStringLiteral("to-urn"));
        transferOptions.outPath = parser.value(QStringLiteral("out"));
        transferOptions.code = parser.value(QStringLiteral("code"));
        transferOptions.receiptPath = parser.value(QStringLiteral("receipt"));
        transferOptions.json = options.json;
        transferOptions.unlockStore = [&options] { return unlock(options); };
        return runTransfer(rest, transferOptions);
    }
    return usage(Text::tr("unknown command \"%1\"").arg(command));
}

} // namespace earlyhelp::cli
