#include "agreementcommands.h"

#include "casework/datacategorycode.h"
#include "cli.h"
#include "common/secretbytes.h"
#include "policy/agreement.h"
#include "policy/agreementdiff.h"
#include "policy/signature.h"
#include "sharing/agreementregister.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QTextStream>

namespace earlyhelp::cli {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::cli)
};

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString& message) {
    err() << "earlyhelp-cli: " << message << Qt::endl;
    return Failure;
}

int usage(const QString& message) {
    err() << "earlyhelp-cli: " << message << Qt::endl
          << Text::tr("Run \"earlyhelp-cli --help\" for the commands and options.") << Qt::endl;
    return UsageError;
}

Result<QByteArray> readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, Text::tr("cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

// Writes a new file and never replaces an existing one. With ownerOnly, only
// the owner may read or write it.
Status writeNewFile(const QString& path, const char* data, qint64 size, bool ownerOnly) {
    QFile file(path);
    const QFileDevice::Permissions permissions = ownerOnly
                                                     ? QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                     : QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                           QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
        return makeError(ErrorCode::Io,
                         Text::tr("cannot create %1: %2. Choose a file that does not exist yet.")
                             .arg(path, file.errorString()));
    if (file.write(data, size) != size || !file.flush())
        return makeError(ErrorCode::Io, Text::tr("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

Result<QByteArray> trustPublicKey(const AgreementOptions& options) {
    if (options.publicKeyPath.isEmpty()) {
        const QByteArray key = policy::builtInTrustPublicKey();
        if (key.isEmpty())
            return makeError(ErrorCode::Crypto,
                             Text::tr("this build has no valid Trust public key; pass --public-key"));
        return key;
    }
    const Result<QByteArray> text = readFile(options.publicKeyPath);
    if (!text)
        return std::unexpected(text.error());
    return policy::decodePublicKey(*text);
}

int runKeygen(const QStringList& files) {
    if (files.size() != 2)
        return usage(
            Text::tr("agreement keygen takes the public key file and the secret key file to create"));
    const Result<policy::SigningKeyPair> pair = policy::generateSigningKeyPair();
    if (!pair)
        return fail(pair.error().message);
    const SecretBytes secretText = policy::encodeSecretKey(pair->secretKey);
    if (Status written = writeNewFile(files.at(1), reinterpret_cast<const char*>(secretText.data()),
                                      static_cast<qint64>(secretText.size()), true);
        !written)
        return fail(written.error().message);
    const QByteArray publicText = policy::encodeKeyOrSignature(pair->publicKey) + '\n';
    if (Status written = writeNewFile(files.at(0), publicText.constData(), publicText.size(), false);
        !written)
        return fail(written.error().message);
    out() << Text::tr("Created the public key %1 and the secret key %2. Keep the secret key offline; anyone "
                      "who has it can sign agreements.")
                 .arg(files.at(0), files.at(1))
          << Qt::endl;
    return Success;
}

int runSign(const QStringList& files, const AgreementOptions& options) {
    if (files.size() != 1)
        return usage(Text::tr("agreement sign takes one agreement file"));
    if (options.secretKeyPath.isEmpty())
        return usage(Text::tr("agreement sign needs --secret-key naming the Trust's secret key file"));
    const QString& documentPath = files.first();
    const Result<QByteArray> document = readFile(documentPath);
    if (!document)
        return fail(document.error().message);

    if (const Result<policy::Agreement> parsed = policy::parseAgreement(*document); !parsed)
        return fail(Text::tr("%1 is not a valid agreement, so it was not signed: %2")
                        .arg(documentPath, parsed.error().message));
    Result<SecretBytes> secretKey = [&]() -> Result<SecretBytes> {
        Result<QByteArray> text = readFile(options.secretKeyPath);
        if (!text)
            return std::unexpected(text.error());
        Result<SecretBytes> key = policy::decodeSecretKey(*text);
        text->fill('\0');
        return key;
    }();
    if (!secretKey)
        return fail(secretKey.error().message);

    const Result<QByteArray> signature = policy::signDetached(*document, *secretKey);
    if (!signature)
        return fail(signature.error().message);
    const QString signaturePath = documentPath + u".sig";
    const QByteArray signatureText = policy::encodeKeyOrSignature(*signature) + '\n';
    if (Status written = writeNewFile(signaturePath, signatureText.constData(), signatureText.size(), false);
        !written)
        return fail(written.error().message);
    out() << Text::tr("Signed %1; the signature is in %2.").arg(documentPath, signaturePath) << Qt::endl;
    return Success;
}

Result<policy::Agreement> readVerified(const QString& documentPath, const AgreementOptions& options) {
    const Result<QByteArray> document = readFile(documentPath);
    if (!document)
        return std::unexpected(document.error());
    const Result<QByteArray> signature = readFile(documentPath + u".sig");
    if (!signature)
        return std::unexpected(signature.error());
    const Result<QByteArray> key = trustPublicKey(options);
    if (!key)
        return std::unexpected(key.error());
    return policy::verifyAgreement(*document, *signature, *key);
}

int runVerify(const QStringList& files, const AgreementOptions& options) {
    if (files.size() != 1)
        return usage(Text::tr("agreement verify takes one agreement file"));
    const Result<policy::Agreement> agreement = readVerified(files.first(), options);
    if (!agreement)
        return fail(agreement.error().message);
    // The CLI loads no translations, so a %n plural would print "rule(s)".
    out() << Text::tr("%1: signature verified; agreement version %2, number of rules: %3.")
                 .arg(files.first(), QString::number(agreement->version),
                      QString::number(agreement->rules.size()))
          << Qt::endl;
    return Success;
}

int runShow(const QStringList& files, const AgreementOptions& options) {
    if (files.size() != 1)
        return usage(Text::tr("agreement show takes one agreement file"));
    const Result<policy::Agreement> agreement = readVerified(files.first(), options);
    if (!agreement)
        return fail(agreement.error().message);
    out() << agreement->title << Qt::endl
          << Text::tr("Version %1, signature verified.").arg(agreement->version) << Qt::endl
          << agreement->notice << Qt::endl
          << Qt::endl;
    for (const policy::Rule& rule : agreement->rules) {
        out() << rule.clauseId << '\t' << policy::consentBasisCode(rule.basis) << '\t' << rule.lawfulBasis
              << '\t' << rule.condition << Qt::endl
              << "    " << rule.text << Qt::endl;
        if (!rule.retention.isEmpty())
            out() << "    " << Text::tr("Retention: %1").arg(rule.retention) << Qt::endl;
    }
    return Success;
}

// Describes a rule in one line: clause, basis and codes, and the retention
// only when asked, since it is a sentence of its own.
QString describeRule(const std::optional<policy::Rule>& rule, bool withRetention) {
    if (!rule)
        return Text::tr("no rule");
    QStringList parts{rule->clauseId, policy::consentBasisCode(rule->basis)};
    for (const QString& code : {rule->lawfulBasis, rule->condition}) {
        if (!code.isEmpty())
            parts.append(code);
    }
    if (withRetention && !rule->retention.isEmpty())
        parts.append(Text::tr("retention: %1").arg(rule->retention));
    return parts.join(u", ");
}

QString describeKind(policy::AgreementChangeKind kind) {
    switch (kind) {
    case policy::AgreementChangeKind::BecomesShareable:
        return Text::tr("becomes shareable");
    case policy::AgreementChangeKind::StopsBeingShareable:
        return Text::tr("stops being shareable");
    case policy::AgreementChangeKind::TermsChanged:
        return Text::tr("terms changed");
    }
    return {};
}

QJsonValue ruleJson(const std::optional<policy::Rule>& rule) {
    if (!rule)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("clauseId"), rule->clauseId},
                       {QStringLiteral("basis"), policy::consentBasisCode(rule->basis)},
                       {QStringLiteral("lawfulBasis"), rule->lawfulBasis},
                       {QStringLiteral("condition"), rule->condition},
                       {QStringLiteral("retention"), rule->retention}};
}

int runDiff(const QStringList& files, const AgreementOptions& options) {
    if (files.size() != 2)
        return usage(Text::tr("agreement diff takes the older and the newer agreement file"));
    const Result<policy::Agreement> older = readVerified(files.at(0), options);
    if (!older)
        return fail(older.error().message);
    const Result<policy::Agreement> newer = readVerified(files.at(1), options);
    if (!newer)
        return fail(newer.error().message);
    const QList<policy::AgreementChange> changes = policy::diffAgreements(*older, *newer);

    if (options.json) {
        QJsonArray array;
        for (const policy::AgreementChange& change : changes) {
            array.append(
                QJsonObject{{QStringLiteral("fieldId"), change.fieldId},
                            {QStringLiteral("category"), dataCategoryCode(change.category).toString()},
                            {QStringLiteral("recipientPartyType"), change.recipientPartyType},
                            {QStringLiteral("purpose"), change.purpose},
                            {QStringLiteral("kind"), policy::agreementChangeKindCode(change.kind)},
                            {QStringLiteral("before"), ruleJson(change.before)},
                            {QStringLiteral("after"), ruleJson(change.after)}});
        }
        const QJsonObject document{{QStringLiteral("fromVersion"), older->version},
                                   {QStringLiteral("toVersion"), newer->version},
                                   {QStringLiteral("changes"), array}};
        out() << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Success;
    }

    if (changes.isEmpty()) {
        out() << Text::tr("No field changes between agreement version %1 and version %2.")
                     .arg(older->version)
                     .arg(newer->version)
              << Qt::endl;
        return Success;
    }
    // One change per line: recipient party type, purpose, field and category,
    // then the kind and the rule before and after.
    for (const policy::AgreementChange& change : changes) {
        const bool retentionChanged =
            change.before && change.after && change.before->retention != change.after->retention;
        out() << Text::tr("%1, %2: %3 (%4) %5; before: %6; after: %7")
                     .arg(change.recipientPartyType, change.purpose, change.fieldId,
                          dataCategoryCode(change.category).toString(), describeKind(change.kind),
                          describeRule(change.before, retentionChanged),
                          describeRule(change.after, retentionChanged))
              << Qt::endl;
    }
    return Success;
}

// The Trust key and the unlocked store that a register command works on.
struct RegisterSession {
    QByteArray trustKey;
    UnlockedStore unlocked;
};

Result<RegisterSession> openRegister(const AgreementOptions& options) {
    Result<QByteArray> key = trustPublicKey(options);
    if (!key)
        return std::unexpected(key.error());
    if (!options.unlockStore)
        return makeError(ErrorCode::NotFound, Text::tr("no case store was given to open"));
    Result<UnlockedStore> unlocked = options.unlockStore();
    if (!unlocked)
        return std::unexpected(unlocked.error());
    return RegisterSession{std::move(*key), std::move(*unlocked)};
}

int runInstall(const QStringList& files, const AgreementOptions& options) {
    if (files.size() != 1)
        return usage(Text::tr("agreement install takes one agreement file, with its signature beside it"));
    const QString& documentPath = files.first();
    const Result<QByteArray> document = readFile(documentPath);
    if (!document)
        return fail(document.error().message);
    const Result<QByteArray> signature = readFile(documentPath + u".sig");
    if (!signature)
        return fail(signature.error().message);
    // Check the file before asking for the passphrase.
    if (const Result<policy::Agreement> verified = readVerified(documentPath, options); !verified)
        return fail(verified.error().message);

    Result<RegisterSession> session = openRegister(options);
    if (!session)
        return fail(session.error().message);
    sharing::AgreementRegister agreements(*session->unlocked.store, session->trustKey);
    const Result<sharing::InstalledAgreement> installed =
        agreements.install(session->unlocked.actor, *document, *signature);
    if (!installed)
        return fail(installed.error().message);

    const int version = installed->agreement.version;
    if (!installed->newlyInstalled) {
        out() << Text::tr("Agreement version %1 is already installed with the same content; nothing changed.")
                     .arg(version)
              << Qt::endl;
        return Success;
    }
    out() << Text::tr("Installed agreement version %1 from %2. It applies once the designated safeguarding "
                      "lead accepts it with \"earlyhelp-cli agreement accept --version %1\".")
                 .arg(QString::number(version), documentPath)
          << Qt::endl;
    return Success;
}

QJsonValue acceptanceJson(const std::optional<sharing::Acceptance>& acceptance) {
    if (!acceptance)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("version"), acceptance->version},
                       {QStringLiteral("signatoryName"), acceptance->signatoryName},
                       {QStringLiteral("signatoryRole"), acceptance->signatoryRole},
                       {QStringLiteral("signedDate"), acceptance->signedDate.toString(Qt::ISODate)},
                       {QStringLiteral("recordedBy"), acceptance->recordedBy},
                       {QStringLiteral("recordedAt"), acceptance->recordedAt}};
}

QString displayDate(QDate date) {
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

int runStatus(const QStringList& files, const AgreementOptions& options) {
    if (!files.isEmpty())
        return usage(Text::tr("agreement status takes no arguments"));
    Result<RegisterSession> session = openRegister(options);
    if (!session)
        return fail(session.error().message);
    const sharing::AgreementRegister agreements(*session->unlocked.store, session->trustKey);
    const sharing::AgreementState state = agreements.state();
    const Result<std::optional<policy::Agreement>> pending = agreements.pending();

    if (options.json) {
        QJsonObject document{
            {QStringLiteral("inForceVersion"),
             state.inForce ? QJsonValue(state.inForce->version) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("acceptance"), acceptanceJson(state.acceptance)},
            {QStringLiteral("unavailableReason"), state.unavailableReason},
            {QStringLiteral("pendingVersion"),
             pending && *pending ? QJsonValue((*pending)->version) : QJsonValue(QJsonValue::Null)}};
        out() << QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)) << Qt::flush;
    } else {
        if (state.inForce && state.acceptance) {
            out() << Text::tr("In force: agreement version %1, signed by %2 (%3) on %4, recorded by %5.")
                         .arg(QString::number(state.inForce->version), state.acceptance->signatoryName,
                              state.acceptance->signatoryRole, displayDate(state.acceptance->signedDate),
                              state.acceptance->recordedBy)
                  << Qt::endl;
        } else {
            out() << Text::tr("In force: none. %1").arg(state.unavailableReason) << Qt::endl;
        }
        if (pending && *pending) {
            out() << Text::tr(
                         "Pending: agreement version %1 is installed and not yet accepted. Review it with "
                         "\"earlyhelp-cli agreement diff\" and accept it with \"earlyhelp-cli agreement "
                         "accept --version %1\".")
                         .arg((*pending)->version)
                  << Qt::endl;
        } else if (pending) {
            out() << Text::tr("Pending: none.") << Qt::endl;
        }
    }
    if (!pending)
        return fail(pending.error().message);
    return Success;
}

int runAccept(const QStringList& files, const AgreementOptions& options) {
    if (!files.isEmpty())
        return usage(
            Text::tr("agreement accept takes no arguments, only --version, --name, --role and --date"));
    if (options.version.isEmpty() || options.signatoryName.isEmpty() || options.signatoryRole.isEmpty())
        return usage(
            Text::tr("agreement accept needs --version, --name and --role: the agreement version, and "
                     "the name and role of the person who signed it"));
    bool isNumber = false;
    const int version = options.version.toInt(&isNumber);
    if (!isNumber || version <= 0)
        return usage(
            Text::tr("the agreement version \"%1\" is not a whole number above 0").arg(options.version));

    QDate signedDate = QDate::currentDate();
    if (!options.signedDate.isEmpty()) {
        static const QRegularExpression isoDate(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
        signedDate = QDate::fromString(options.signedDate, Qt::ISODate);
        if (!isoDate.match(options.signedDate).hasMatch() || !signedDate.isValid())
            return usage(
                Text::tr("the date \"%1\" is not a valid date in the form YYYY-MM-DD, such as 2026-11-30")
                    .arg(options.signedDate));
    }

    Result<RegisterSession> session = openRegister(options);
    if (!session)
        return fail(session.error().message);
    sharing::AgreementRegister agreements(*session->unlocked.store, session->trustKey);
    const Result<sharing::Acceptance> accepted =
        agreements.accept(session->unlocked.actor, version, options.signatoryName, options.signatoryRole,
                          signedDate, QDate::currentDate());
    if (!accepted)
        return fail(accepted.error().message);
    out() << Text::tr(
                 "Accepted agreement version %1, signed by %2 (%3) on %4. It is now the agreement in force.")
                 .arg(QString::number(version), accepted->signatoryName, accepted->signatoryRole,
                      displayDate(accepted->signedDate))
          << Qt::endl;
    return Success;
}

} // namespace

int runAgreement(const QStringList& arguments, const AgreementOptions& options) {
    if (arguments.isEmpty())
        return usage(Text::tr("agreement takes keygen, sign, verify, show, diff, install, status or accept"));
    const QString& action = arguments.first();
    const QStringList files = arguments.mid(1);
    if (action == u"keygen")
        return runKeygen(files);
    if (action == u"sign")
        return runSign(files, options);
    if (action == u"verify")
        return runVerify(files, options);
    if (action == u"show")
        return runShow(files, options);
    if (action == u"diff")
        return runDiff(files, options);
    if (action == u"install")
        return runInstall(files, options);
    if (action == u"status")
        return runStatus(files, options);
    if (action == u"accept")
        return runAccept(files, options);
    return usage(Text::tr("unknown agreement command \"%1\"; use keygen, sign, verify, show, diff, install, "
                          "status or accept")
                     .arg(action));
}

} // namespace earlyhelp::cli
