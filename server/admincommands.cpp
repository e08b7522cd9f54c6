#include "admincommands.h"

#include "credentials.h"
#include "registry.h"
#include "serveraudit.h"
#include "serverdatabase.h"
#include "syncstore.h"

#include "policy/signature.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

constexpr int defaultValidHours = 72;
constexpr int maxValidHours = 24 * 30;

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

int usage(const QString& problem) {
    err() << "earlyhelp-server: " << problem << Qt::endl
          << Text::tr("Run \"earlyhelp-server --help\" for the commands and options.") << Qt::endl;
    return ExitUsage;
}

int reject(const QString& message) {
    err() << "earlyhelp-server: " << message << Qt::endl;
    return ExitRejected;
}

// Options of one command: "--name value" pairs and "--flag" switches, in any
// order after the command words.
struct Options {
    QHash<QString, QString> values;
    QSet<QString> flags;
    QStringList positional;
    QString problem; // set when the arguments cannot be parsed
};

Options parseOptions(const QStringList& arguments, const QSet<QString>& valueNames,
                     const QSet<QString>& flagNames) {
    Options options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (!argument.startsWith(QStringLiteral("--"))) {
            options.positional.append(argument);
        } else if (flagNames.contains(argument)) {
            options.flags.insert(argument);
        } else if (valueNames.contains(argument)) {
            if (i + 1 >= arguments.size()) {
                options.problem = Text::tr("%1 needs a value").arg(argument);
                return options;
            }
            options.values.insert(argument, arguments.at(++i));
        } else {
            options.problem = Text::tr("unknown option %1").arg(argument);
            return options;
        }
    }
    return options;
}

QString describeIdentifiers(const Organisation& organisation) {
    QStringList parts;
    if (!organisation.dfeUrn.isEmpty())
        parts << QStringLiteral("URN ") % organisation.dfeUrn;
    if (!organisation.odsCode.isEmpty())
        parts << QStringLiteral("ODS ") % organisation.odsCode;
    if (!organisation.laCode.isEmpty())
        parts << QStringLiteral("LA ") % organisation.laCode;
    return parts.join(QStringLiteral(", "));
}

QJsonValue optionalTime(const std::optional<qint64>& time) {
    return time ? QJsonValue(isoTime(*time)) : QJsonValue();
}

int orgAdd(Registry& registry, const QStringList& arguments) {
    const Options options =
        parseOptions(arguments,
                     {QStringLiteral("--name"), QStringLiteral("--party-type"), QStringLiteral("--urn"),
                      QStringLiteral("--ods"), QStringLiteral("--la-code")},
                     {});
    if (!options.problem.isEmpty())
        return usage(options.problem);
    if (!options.positional.isEmpty())
        return usage(Text::tr("org add takes no argument \"%1\"").arg(options.positional.constFirst()));
    if (!options.values.contains(QStringLiteral("--name")))
        return usage(Text::tr("org add needs --name NAME"));
    if (!options.values.contains(QStringLiteral("--party-type")))
        return usage(Text::tr("org add needs --party-type TYPE"));

    Organisation organisation;
    organisation.name = options.values.value(QStringLiteral("--name")).trimmed();
    organisation.partyType = options.values.value(QStringLiteral("--party-type")).trimmed();
    organisation.dfeUrn = options.values.value(QStringLiteral("--urn")).trimmed();
    organisation.odsCode = options.values.value(QStringLiteral("--ods")).trimmed().toUpper();
    organisation.laCode = options.values.value(QStringLiteral("--la-code")).trimmed();

    if (organisation.name.isEmpty() || organisation.name.size() > 200)
        return reject(Text::tr("the organisation name must be 1 to 200 characters"));

    auto agreement = policy::loadBundledAgreement();
    if (!agreement)
        return reject(agreement.error().message);
    if (!agreement->hasPartyType(organisation.partyType)) {
        QStringList codes;
        for (const policy::PartyType& partyType : agreement->partyTypes)
            codes << partyType.code;
        return reject(Text::tr("the party type \"%1\" is not in the data sharing agreement: use one of %2")
                          .arg(organisation.partyType, codes.join(QStringLiteral(", "))));
    }
    static const QRegularExpression urn(QStringLiteral("^[0-9]{6}$"));
    static const QRegularExpression ods(QStringLiteral("^[A-Z0-9]{3,10}$"));
    static const QRegularExpression laCode(QStringLiteral("^[0-9]{3}$"));
    if (!organisation.dfeUrn.isEmpty() && !urn.match(organisation.dfeUrn).hasMatch())
        return reject(Text::tr("the URN \"%1\" is invalid: a DfE URN is 6 digits").arg(organisation.dfeUrn));
    if (!organisation.odsCode.isEmpty() && !ods.match(organisation.odsCode).hasMatch()) {
        return reject(Text::tr("the ODS code \"%1\" is invalid: give 3 to 10 letters and digits")
                          .arg(organisation.odsCode));
    }
    if (!organisation.laCode.isEmpty() && !laCode.match(organisation.laCode).hasMatch()) {
        return reject(Text::tr("the local authority code \"%1\" is invalid: it is 3 digits, such as 330")
                          .arg(organisation.laCode));
    }

    auto added = registry.addOrganisation(organisation);
    if (!added)
        return reject(added.error().message);
    out() << added->id << Qt::endl;
    return ExitSuccess;
}

int orgList(Registry& registry, const QStringList& arguments) {
    const Options options = parseOptions(arguments, {}, {QStringLiteral("--json")});
    if (!options.problem.isEmpty())
        return usage(options.problem);
    if (!options.positional.isEmpty())
        return usage(Text::tr("org list takes no argument \"%1\"").arg(options.positional.constFirst()));

    auto organisations = registry.organisations();
    if (!organisations)
        return reject(organisations.error().message);

    if (options.flags.contains(QStringLiteral("--json"))) {
        QJsonArray list;
        for (const Organisation& organisation : *organisations) {
            list.append(QJsonObject{{QStringLiteral("id"), organisation.id},
                                    {QStringLiteral("name"), organisation.name},
                                    {QStringLiteral("partyType"), organisation.partyType},
                                    {QStringLiteral("dfeUrn"), organisation.dfeUrn},
                                    {QStringLiteral("odsCode"), organisation.odsCode},
                                    {QStringLiteral("laCode"), organisation.laCode},
                                    {QStringLiteral("createdAt"), isoTime(organisation.createdAt)}});
        }
        out() << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented));
        out().flush();
        return ExitSuccess;
    }
    for (const Organisation& organisation : *organisations) {
        out() << organisation.id << '\t' << organisation.partyType << '\t' << organisation.name << '\t'
              << describeIdentifiers(organisation) << Qt::endl;
    }
    return ExitSuccess;
}

int enrolCode(Registry& registry, const QStringList& arguments) {
    const Options options =
        parseOptions(arguments, {QStringLiteral("--org"), QStringLiteral("--valid-hours")}, {});
    if (!options.problem.isEmpty())
        return usage(options.problem);
    if (!options.positional.isEmpty())
        return usage(Text::tr("enrol-code takes no argument \"%1\"").arg(options.positional.constFirst()));
    if (!options.values.contains(QStringLiteral("--org")))
        return usage(Text::tr("enrol-code needs --org ID, an id from \"earlyhelp-server admin org list\""));

    int validHours = defaultValidHours;
    if (options.values.contains(QStringLiteral("--valid-hours"))) {
        bool ok = false;
        validHours = options.values.value(QStringLiteral("--valid-hours")).toInt(&ok);
        if (!ok || validHours < 1 || validHours > maxValidHours) {
            return reject(Text::tr("--valid-hours is \"%1\": give a whole number of hours from 1 to %2")
                              .arg(options.values.value(QStringLiteral("--valid-hours")))
                              .arg(maxValidHours));
        }
    }

    auto issued = registry.issueEnrolmentCode(options.values.value(QStringLiteral("--org")), validHours);
    if (!issued)
        return reject(issued.error().message);
    out() << issued->code << Qt::endl;
    err() << Text::tr("The code enrols one device and expires at %1 (UTC). It is shown only now.")
                 .arg(isoTime(issued->expiresAt))
          << Qt::endl;
    return ExitSuccess;
}

int deviceList(Registry& registry, const QStringList& arguments) {
    const Options options = parseOptions(arguments, {QStringLiteral("--org")}, {QStringLiteral("--json")});
    if (!options.problem.isEmpty())
        return usage(options.problem);
    if (!options.positional.isEmpty())
        return usage(Text::tr("device list takes no argument \"%1\"").arg(options.positional.constFirst()));

    const QString organisationId = options.values.value(QStringLiteral("--org"));
    if (!organisationId.isEmpty()) {
        auto owner = registry.organisation(organisationId);
        if (!owner)
            return reject(owner.error().message);
    }
    auto devices = registry.devices(organisationId);
    if (!devices)
        return reject(devices.error().message);

    if (options.flags.contains(QStringLiteral("--json"))) {
        QJsonArray list;
        for (const Device& device : *devices) {
            list.append(QJsonObject{{QStringLiteral("id"), device.id},
                                    {QStringLiteral("organisationId"), device.organisationId},
                                    {QStringLiteral("name"), device.name},
                                    {QStringLiteral("enrolledAt"), isoTime(device.enrolledAt)},
                                    {QStringLiteral("revokedAt"), optionalTime(device.revokedAt)},
                                    {QStringLiteral("lastSeenAt"), optionalTime(device.lastSeenAt)}});
        }
        out() << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented));
        out().flush();
        return ExitSuccess;
    }
    for (const Device& device : *devices) {
        const QString state =
            device.revokedAt ? Text::tr("revoked %1").arg(isoTime(*device.revokedAt)) : Text::tr("active");
        out() << device.id << '\t' << device.organisationId << '\t' << device.name << '\t' << state
              << Qt::endl;
    }
    return ExitSuccess;
}

int deviceRevoke(Registry& registry, const QStringList& arguments) {
    const Options options = parseOptions(arguments, {}, {});
    if (!options.problem.isEmpty())
        return usage(options.problem);
    if (options.positional.size() != 1)
        return usage(Text::tr("device revoke needs one DEVICE_ID"));
    auto revoked = registry.revokeDevice(options.positional.constFirst());
    if (!revoked)
        return reject(revoked.error().message);
    out() << Text::tr("Revoked device %1 (%2).").arg(revoked->id, revoked->name) << Qt::endl;
    return ExitSuccess;
}

int agreementPublish(Registry& registry, const QStringList& arguments) {
    const Options options = parseOptions(arguments, {QStringLiteral("--public-key")}, {});
    if (!options.problem.isEmpty())
        return usage(options.problem);
    if (options.positional.size() != 1)
        return usage(Text::tr("agreement publish needs one FILE (with its signature in FILE.sig)"));

    QByteArray trustKey = policy::builtInTrustPublicKey();
    if (options.values.contains(QStringLiteral("--public-key"))) {
        const QString keyPath = options.values.value(QStringLiteral("--public-key"));
        QFile keyFile(keyPath);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            return reject(Text::tr("cannot read the public key file %1: %2")
                              .arg(QFileInfo(keyPath).absoluteFilePath(), keyFile.errorString()));
        }
        auto decoded = policy::decodePublicKey(keyFile.readAll());
        if (!decoded)
            return reject(
                Text::tr("%1: %2").arg(QFileInfo(keyPath).absoluteFilePath(), decoded.error().message));
        trustKey = *decoded;
    }

    auto file = policy::readSignedAgreementFile(options.positional.constFirst());
    if (!file)
        return reject(file.error().message);
    auto agreement = policy::verifyAgreement(file->document, file->signatureText, trustKey);
    if (!agreement)
        return reject(agreement.error().message);

    auto published = registry.publishAgreement(agreement->version, file->document,
                                               QString::fromLatin1(file->signatureText.trimmed()));
    if (!published)
        return reject(published.error().message);
    // NOTE: the running server verifies the agreement with the Trust key
    // built into it, so one published with another --public-key shares
    // nothing until the server is built with that key.
    SyncStore syncStore(registry.database());
    if (Status recomputed = syncStore.recomputeAllFamilies(); !recomputed)
        return reject(recomputed.error().message);
    if (*published == PublishOutcome::AlreadyPublished) {
        out() << Text::tr("Agreement version %1 is already published with the same content.")
                     .arg(agreement->version)
              << Qt::endl;
    } else {
        out() << Text::tr("Published agreement version %1.").arg(agreement->version) << Qt::endl;
    }
    return ExitSuccess;
}

constexpr int defaultAuditListLimit = 100;
constexpr int maxAuditListLimit = 1000000;

int auditList(Registry& registry, const QStringList& arguments) {
    const Options options = parseOptions(arguments, {QStringLiteral("--device"), QStringLiteral("--limit")},
                                         {QStringLiteral("--json")});
    if (!options.problem.isEmpty())
        return usage(options.problem);
    if (!options.positional.isEmpty())
        return usage(Text::tr("audit list takes no argument \"%1\"").arg(options.positional.constFirst()));

    int limit = defaultAuditListLimit;
    if (options.values.contains(QStringLiteral("--limit"))) {
        bool ok = false;
        limit = options.values.value(QStringLiteral("--limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > maxAuditListLimit) {
            return reject(Text::tr("--limit is \"%1\": give a whole number of events from 1 to %2")
                              .arg(options.values.value(QStringLiteral("--limit")))
                              .arg(maxAuditListLimit));
        }
    }

    ServerAuditTrail trail(registry.database());
    auto events = trail.list(options.values.value(QStringLiteral("--device")), limit);
    if (!events)
        return reject(events.error().message);

    if (options.flags.contains(QStringLiteral("--json"))) {
        QJsonArray list;
        for (const ServerAuditEvent& event : *events) {
            list.append(QJsonObject{
                {QStringLiteral("sequence"), event.sequence},
                {QStringLiteral("at"), isoTime(event.at)},
                {QStringLiteral("action"), event.actionCode},
                {QStringLiteral("deviceId"),
                 event.deviceId.isEmpty() ? QJsonValue() : QJsonValue(event.deviceId)},
                {QStringLiteral("organisationId"),
                 event.organisationId.isEmpty() ? QJsonValue() : QJsonValue(event.organisationId)},
                {QStringLiteral("details"), QJsonDocument::fromJson(event.details.toUtf8()).object()}});
        }
        out() << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented));
        out().flush();
        return ExitSuccess;
    }
    const QString none = QStringLiteral("-");
    for (const ServerAuditEvent& event : *events) {
        out() << event.sequence << '\t' << isoTime(event.at) << '\t' << event.actionCode << '\t'
              << (event.deviceId.isEmpty() ? none : event.deviceId) << '\t'
              << (event.organisationId.isEmpty() ? none : event.organisationId) << '\t' << event.details
              << Qt::endl;
    }
    return ExitSuccess;
}

int auditVerify(Registry& registry, const QStringList& arguments) {
    const Options options = parseOptions(arguments, {}, {});
    if (!options.problem.isEmpty())
        return usage(options.problem);
    if (!options.positional.isEmpty())
        return usage(Text::tr("audit verify takes no argument \"%1\"").arg(options.positional.constFirst()));

    ServerAuditTrail trail(registry.database());
    auto report = trail.verify();
    if (!report)
        return reject(report.error().message);
    if (!report->intact) {
        return reject(Text::tr("the audit trail is broken at event %1: %2. Events before it are intact; "
                               "restore the database from a backup taken before the change, or keep it "
                               "as evidence.")
                          .arg(report->firstBadSequence)
                          .arg(report->problem));
    }
    out() << Text::tr("The audit trail is intact: events checked: %1.").arg(report->events) << Qt::endl;
    return ExitSuccess;
}

} // namespace

QString usageText() {
    return Text::tr("Usage: earlyhelp-server [--config FILE] COMMAND …\n"
                    "\n"
                    "Commands:\n"
                    "  serve [--listen HOST:PORT] [--cert FILE] [--key FILE]\n"
                    "      Serve the HTTPS API. Port 0 picks a free port.\n"
                    "  admin org add --name NAME --party-type TYPE [--urn N] [--ods CODE] [--la-code N]\n"
                    "      Add an organisation and print its id.\n"
                    "  admin org list [--json]\n"
                    "  admin enrol-code --org ID [--valid-hours N]\n"
                    "      Print a one-time enrolment code, valid for N hours (default 72, at most 720).\n"
                    "  admin device list [--org ID] [--json]\n"
                    "  admin device revoke DEVICE_ID\n"
                    "  admin agreement publish FILE [--public-key FILE]\n"
                    "      Publish a signed agreement (FILE and FILE.sig), checked against the built-in\n"
                    "      Trust key or the Base64 Ed25519 key in --public-key.\n"
                    "  admin audit list [--device ID] [--limit N] [--json]\n"
                    "      List the newest N audit events (default 100), all or of one device.\n"
                    "  admin audit verify\n"
                    "      Check the audit trail's hash chain; exit status 1 names the first bad event.\n"
                    "\n"
                    "The database is EARLYHELP_SERVER_DATABASE, or [database] location in the config file:\n"
                    "a SQLite file path or postgresql://user@host:port/dbname (password in PGPASSWORD or\n"
                    "[database] password).\n"
                    "Exit status: 0 success, 1 rejected, 2 usage error.\n");
}

int runAdminCommand(const QStringList& arguments, const ServerConfig& config) {
    if (arguments.isEmpty())
        return usage(Text::tr("admin needs a command: org, enrol-code, device, agreement or audit"));

    using Command = int (*)(Registry&, const QStringList&);
    struct Entry {
        QStringList words;
        Command run;
    };
    const QList<Entry> commands = {
        {{QStringLiteral("org"), QStringLiteral("add")}, &orgAdd},
        {{QStringLiteral("org"), QStringLiteral("list")}, &orgList},
        {{QStringLiteral("enrol-code")}, &enrolCode},
        {{QStringLiteral("device"), QStringLiteral("list")}, &deviceList},
        {{QStringLiteral("device"), QStringLiteral("revoke")}, &deviceRevoke},
        {{QStringLiteral("agreement"), QStringLiteral("publish")}, &agreementPublish},
        {{QStringLiteral("audit"), QStringLiteral("list")}, &auditList},
        {{QStringLiteral("audit"), QStringLiteral("verify")}, &auditVerify},
    };
    const Entry* chosen = nullptr;
    for (const Entry& entry : commands) {
        if (arguments.mid(0, entry.words.size()) == entry.words) {
            chosen = &entry;
            break;
        }
    }
    if (chosen == nullptr)
        return usage(
            Text::tr("unknown admin command \"%1\"").arg(arguments.mid(0, 2).join(QLatin1Char(' '))));

    if (!config.hasDatabase) {
        return usage(
            Text::tr("no database is configured: set EARLYHELP_SERVER_DATABASE or [database] location in "
                     "the file given with --config"));
    }
    ServerDatabase database(config.database);
    auto migrated = database.migrate();
    if (!migrated)
        return reject(migrated.error().message);
    Registry registry(database);
    return chosen->run(registry, arguments.mid(chosen->words.size()));
}

} // namespace earlyhelp::server
