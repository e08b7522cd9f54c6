#include "agreementcommands.h"

#include "cli.h"
#include "common/secretbytes.h"
#include "policy/agreement.h"
#include "policy/signature.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
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

} // namespace

int runAgreement(const QStringList& arguments, const AgreementOptions& options) {
    if (arguments.isEmpty())
        return usage(Text::tr("agreement takes keygen, sign, verify or show"));
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
    return usage(Text::tr("unknown agreement command \"%1\"; use keygen, sign, verify or show").arg(action));
}

} // namespace earlyhelp::cli
