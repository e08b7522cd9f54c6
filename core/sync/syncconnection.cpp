#include "sync/syncconnection.h"

#include "keys/passphrase.h"
#include "sync/logging.h"
#include "sync/synclocal.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

namespace earlyhelp::sync {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sync)
};

// Sends each request through the proxy that the system's settings name for
// it, without changing the application-wide proxy factory.
class SystemProxyFactory final : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override {
        return systemProxyForQuery(query);
    }
};

ErrorCode codeForHttpStatus(int status) {
    switch (status) {
    case 400:
    case 410:
    case 413:
        return ErrorCode::InvalidInput;
    case 401:
    case 403:
        return ErrorCode::PermissionDenied;
    case 404:
        return ErrorCode::NotFound;
    default:
        return ErrorCode::Network;
    }
}

// Lists the certificate problems, each certificate's problems followed by
// its subject and issuer.
QString describeSslErrors(const QList<QSslError>& errors) {
    QList<QSslCertificate> certificates;
    QList<QStringList> problems;
    QStringList withoutCertificate;
    for (const QSslError& error : errors) {
        const QSslCertificate certificate = error.certificate();
        if (certificate.isNull()) {
            withoutCertificate.append(error.errorString());
            continue;
        }
        qsizetype index = certificates.indexOf(certificate);
        if (index < 0) {
            certificates.append(certificate);
            problems.append(QStringList());
            index = certificates.size() - 1;
        }
        problems[index].append(error.errorString());
    }

    QStringList parts = withoutCertificate;
    for (qsizetype i = 0; i < certificates.size(); ++i) {
        parts.append(Text::tr("%1 (certificate subject \"%2\", issuer \"%3\")")
                         .arg(problems.at(i).join(QStringLiteral("; ")),
                              certificates.at(i).subjectDisplayName(),
                              certificates.at(i).issuerDisplayName()));
    }
    return parts.join(QStringLiteral("; "));
}

// Returns the system's CA certificates, read on the first call. Qt 6.4.2
// reads and parses every certificate file on each systemCaCertificates()
// call, about 160 ms per call in bench_sync (Release build, 2-core VM). A CA
// certificate added to the system later is seen after the program restarts.
const QList<QSslCertificate>& systemCaCertificates() {
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

QDateTime parseUtc(const QJsonValue& value) {
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

std::optional<ServerOrganisation> parseOrganisation(const QJsonValue& value) {
    const QJsonObject object = value.toObject();
    ServerOrganisation organisation{object.value(u"id").toString(), object.value(u"name").toString(),
                                    object.value(u"partyType").toString()};
    if (organisation.id.isEmpty() || organisation.name.isEmpty() || organisation.partyType.isEmpty())
        return std::nullopt;
    return organisation;
}

} // namespace

Result<QUrl> parseServerUrl(const QString& text) {
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    if (trimmed.isEmpty() || !url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("\"%1\" is not a valid sync server address. Enter it as "
                                  "https://HOST or https://HOST:PORT, as your administrator gave it.")
                             .arg(trimmed));
    }
    if (url.scheme() == u"http") {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("The sync server address %1 uses http, which is not encrypted, so the device "
                     "credential and case records could be read on the way. Use the server's "
                     "https address.")
                .arg(trimmed));
    }
    if (url.scheme() != u"https") {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The sync server address %1 must start with https://.").arg(trimmed));
    }
    if (!url.userInfo().isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The sync server address %1 contains a user name or password. Remove it: "
                                  "the device authenticates with its enrolment credential.")
                             .arg(url.toString(QUrl::RemoveUserInfo)));
    }
    QUrl server;
    server.setScheme(url.scheme());
    server.setHost(url.host());
    server.setPort(url.port());
    return server;
}

Result<QList<QSslCertificate>> readCaCertificates(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            ErrorCode::Io,
            Text::tr("The CA certificate file %1 cannot be read: %2.").arg(path, file.errorString()));
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The file %1 contains no PEM certificate. Choose the CA certificate file "
                                  "(\"-----BEGIN CERTIFICATE-----\") that your administrator gave you.")
                             .arg(path));
    }
    return certificates;
}

SyncConnection::SyncConnection(QUrl serverUrl, QList<QSslCertificate> extraCaCertificates,
                               std::chrono::milliseconds timeout)
    : m_serverUrl(std::move(serverUrl))
    , m_caCertificates(systemCaCertificates() + extraCaCertificates)
    , m_timeout(timeout)
    , m_manager(std::make_unique<QNetworkAccessManager>()) {
    m_manager->setProxyFactory(new SystemProxyFactory);
}

SyncConnection::~SyncConnection() = default;

void SyncConnection::setDeviceCredential(const QString& deviceId, SecretBytes credential) {
    m_deviceId = deviceId;
    m_credential = std::move(credential);
}

QString SyncConnection::serverName() const {
    return m_serverUrl.port() < 0 ? m_serverUrl.host()
                                  : m_serverUrl.host() + u':' + QString::number(m_serverUrl.port());
}

Result<SyncConnection::Response> SyncConnection::send(const QByteArray& method, const QString& path,
                                                      const QByteArray& body, bool authenticate) {
    QUrl url = m_serverUrl;
    const qsizetype queryStart = path.indexOf(u'?');
    url.setPath(path.left(queryStart));
    if (queryStart >= 0)
        url.setQuery(path.mid(queryStart + 1), QUrl::StrictMode);
    QNetworkRequest request(url);

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(m_caCertificates);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);
    // A redirect could lead to http or to another host, so none is followed.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    if (authenticate) {
        QByteArray authorization = QByteArrayLiteral("Bearer ") + m_deviceId.toUtf8() + '.' +
                                   QByteArray(reinterpret_cast<const char*>(m_credential.data()),
                                              static_cast<qsizetype>(m_credential.size()));
        request.setRawHeader(QByteArrayLiteral("Authorization"), authorization);
        // NOTE: QNetworkRequest and the reply keep their own copies of the
        // header, which Qt frees without overwriting.
        (void)keys::takeBytes(authorization);
    }

    std::unique_ptr<QNetworkReply> reply(m_manager->sendCustomRequest(request, method, body));
    QList<QSslError> sslErrors;
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(),
                     [&sslErrors](const QList<QSslError>& errors) { sslErrors += errors; });

    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(m_timeout);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    if (!reply->isFinished()) {
        QObject::disconnect(reply.get(), nullptr, &loop, nullptr);
        reply->abort();
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
        qCWarning(lcSync) << method << url.toString() << "timed out after" << seconds << "s";
        return makeError(ErrorCode::Network,
                         Text::tr("The request to the sync server %1 timed out after %n second(s). Check "
                                  "this computer's network "
                                  "connection and that the server is running, then try again.",
                                  nullptr, static_cast<int>(seconds))
                             .arg(serverName()));
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const Error error = replyError(*reply, describeSslErrors(sslErrors));
        qCWarning(lcSync) << method << url.toString() << "failed:" << reply->error() << reply->errorString();
        return std::unexpected(error);
    }

    const QByteArray bytes = reply->readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (status >= 400) {
        const QString message = document.object().value(u"message").toString();
        const QString code = document.object().value(u"error").toString();
        qCWarning(lcSync) << method << url.toString() << "returned" << status << code;
        if (message.isEmpty()) {
            return makeError(codeForHttpStatus(status),
                             Text::tr("The sync server %1 failed the request with HTTP status %2. Try again "
                                      "later, and tell your administrator if it goes on.")
                                 .arg(serverName())
                                 .arg(status));
        }
        return makeError(codeForHttpStatus(status),
                         Text::tr("The sync server %1 rejected the request: %2").arg(serverName(), message));
    }
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcSync) << method << url.toString() << "returned" << status
                          << "with a body that is not JSON";
        return makeError(
            ErrorCode::Network,
            Text::tr("The sync server %1 sent a response that is not a JSON object (HTTP status %2). "
                     "Check that the address names an Early Help sync server.")
                .arg(serverName())
                .arg(status));
    }
    return Response{status, document.object()};
}

Error SyncConnection::replyError(QNetworkReply& reply, const QString& sslProblems) const {
    if (reply.error() == QNetworkReply::SslHandshakeFailedError && !sslProblems.isEmpty()) {
        return Error{ErrorCode::Network,
                     Text::tr("The sync server %1 presented a TLS certificate that this computer does not "
                              "trust: %2. If the address is right, ask your administrator to add the CA "
                              "certificate that issued the server's certificate in the sync settings "
                              "(earlyhelp-cli: --ca-cert FILE).")
                         .arg(serverName(), sslProblems)};
    }
    if (reply.error() == QNetworkReply::SslHandshakeFailedError) {
        return Error{ErrorCode::Network,
                     Text::tr("The TLS handshake with the sync server %1 failed: %2. Check that the address "
                              "names the server's https port.")
                         .arg(serverName(), reply.errorString())};
    }
    return Error{ErrorCode::Network,
                 Text::tr("Could not connect to the sync server %1: %2. Check the server address, and that "
                          "the server is running and this computer can reach it.")
                     .arg(serverName(), reply.errorString())};
}

Result<DeviceGrant> SyncConnection::enrol(const QString& code, const QString& deviceName) {
    const QJsonObject request{{QStringLiteral("code"), code}, {QStringLiteral("deviceName"), deviceName}};
    auto response = send(QByteArrayLiteral("POST"), QStringLiteral("/api/v1/enrol"),
                         QJsonDocument(request).toJson(QJsonDocument::Compact), false);
    if (!response)
        return std::unexpected(response.error());

    const QString deviceId = response->body.value(u"deviceId").toString();
    QByteArray credential = response->body.value(u"credential").toString().toUtf8();
    const auto organisation = parseOrganisation(response->body.value(u"organisation"));
    if (response->status != 201 || deviceId.isEmpty() || credential.isEmpty() || !organisation) {
        (void)keys::takeBytes(credential);
        return makeError(
            ErrorCode::Network,
            Text::tr("The sync server %1 sent an enrolment response without a device id, credential "
                     "and organisation (HTTP status %2). Tell your administrator.")
                .arg(serverName())
                .arg(response->status));
    }
    qCInfo(lcSync) << "Enrolled with" << serverName() << "as device" << deviceId << "of organisation"
                   << organisation->id;
    return DeviceGrant{deviceId, keys::takeBytes(credential), *organisation};
}

Result<ServerStatus> SyncConnection::status() {
    auto response = send(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/status"), {}, true);
    if (!response)
        return std::unexpected(response.error());

    ServerStatus status;
    status.serverTime = parseUtc(response->body.value(u"serverTime"));
    status.apiVersion = response->body.value(u"apiVersion").toInt();
    status.deviceId = response->body.value(u"deviceId").toString();
    const auto organisation = parseOrganisation(response->body.value(u"organisation"));
    if (!status.serverTime.isValid() || status.apiVersion <= 0 || !organisation) {
        return makeError(
            ErrorCode::Network,
            Text::tr("The sync server %1 sent a status response without a valid server time, API "
                     "version and organisation.")
                .arg(serverName()));
    }
    status.organisation = *organisation;
    return status;
}

Result<PublishedAgreement> SyncConnection::fetchAgreement() {
    auto response = send(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/agreement"), {}, true);
    if (!response)
        return std::unexpected(response.error());

    PublishedAgreement agreement;
    agreement.version = response->body.value(u"version").toInt();
    const auto decoded = QByteArray::fromBase64Encoding(
        response->body.value(u"document").toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    agreement.document = decoded.decoded;
    agreement.signature = response->body.value(u"signature").toString().toUtf8();
    agreement.publishedAt = parseUtc(response->body.value(u"publishedAt"));
    if (agreement.version <= 0 || !decoded || agreement.document.isEmpty() || agreement.signature.isEmpty()) {
        return makeError(ErrorCode::Network,
                         Text::tr("The sync server %1 sent an agreement without a version, a Base64 document "
                                  "and a signature.")
                             .arg(serverName()));
    }
    return agreement;
}

Result<QList<PushResult>> SyncConnection::push(const QList<OutgoingChange>& changes,
                                               const std::optional<audit::AuditHead>& auditHead) {
    QJsonArray array;
    for (const OutgoingChange& change : changes)
        array.append(change.toJson());
    QJsonObject request{{QStringLiteral("changes"), array}};
    if (auditHead) {
        request.insert(
            QStringLiteral("auditHead"),
            QJsonObject{{QStringLiteral("seq"), auditHead->sequence},
                        {QStringLiteral("hash"), QString::fromLatin1(auditHead->hash.toBase64())}});
    }
    auto response = send(QByteArrayLiteral("POST"), QStringLiteral("/api/v1/push"),
                         QJsonDocument(request).toJson(QJsonDocument::Compact), true);
    if (!response)
        return std::unexpected(response.error());

    const QJsonArray results = response->body.value(u"results").toArray();
    if (results.size() != changes.size()) {
        return makeError(ErrorCode::Network,
                         Text::tr("The sync server %1 answered a push of %2 changes with %3 results. Try "
                                  "again, and tell your administrator if it goes on.")
                             .arg(serverName())
                             .arg(changes.size())
                             .arg(results.size()));
    }
    QList<PushResult> answers;
    answers.reserve(changes.size());
    for (qsizetype i = 0; i < results.size(); ++i) {
        Result<PushResult> answer = PushResult::fromJson(results.at(i).toObject());
        if (!answer) {
            return makeError(ErrorCode::Network,
                             Text::tr("The sync server %1 sent an invalid push result %2: %3")
                                 .arg(serverName())
                                 .arg(i)
                                 .arg(answer.error().message));
        }
        if (answer->changeId != changes.at(i).changeId) {
            return makeError(ErrorCode::Network,
                             Text::tr("The sync server %1 answered change %2 with the result of change %3. "
                                      "Tell your administrator.")
                                 .arg(serverName(), changes.at(i).changeId, answer->changeId));
        }
        answers.append(*answer);
    }
    return answers;
}

Result<PullPage> SyncConnection::pull(qint64 after, int limit) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(after));
    query.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(limit, 1, maxPullLimit)));
    auto response = send(QByteArrayLiteral("GET"),
                         QStringLiteral("/api/v1/pull?") + query.toString(QUrl::FullyEncoded), {}, true);
    if (!response)
        return std::unexpected(response.error());

    const QJsonValue entries = response->body.value(u"changes");
    const QJsonValue next = response->body.value(u"next");
    const QJsonValue more = response->body.value(u"more");
    if (!entries.isArray() || !next.isDouble() || !more.isBool() || next.toInteger(-1) < after) {
        return makeError(ErrorCode::Network,
                         Text::tr("The sync server %1 sent a pull page without a changes array, a next "
                                  "sequence of at least %2 and a more flag. Check that the server runs "
                                  "the current version.")
                             .arg(serverName())
                             .arg(after));
    }
    return PullPage{entries.toArray(), next.toInteger(), more.toBool()};
}

Result<QList<audit::AuditAnchor>> SyncConnection::auditAnchors(int limit, qint64 offset) {
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(limit, 1, maxAnchorLimit)));
    query.addQueryItem(QStringLiteral("offset"), QString::number(std::max<qint64>(offset, 0)));
    const QString path = QStringLiteral("/api/v1/audit-anchors?") + query.toString(QUrl::FullyEncoded);
    auto response = send(QByteArrayLiteral("GET"), path, {}, true);
    if (!response)
        return std::unexpected(response.error());

    const QJsonValue items = response->body.value(u"anchors");
    if (!items.isArray()) {
        return makeError(
            ErrorCode::Network,
            Text::tr("The sync server %1 sent an audit anchor list without an anchors array. Check "
                     "that the server runs the current version.")
                .arg(serverName()));
    }
    QList<audit::AuditAnchor> anchors;
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject item = array.at(i).toObject();
        audit::AuditAnchor anchor;
        anchor.sequence = item.value(u"seq").toInteger(0);
        const auto hash = QByteArray::fromBase64Encoding(item.value(u"hash").toString().toLatin1(),
                                                         QByteArray::AbortOnBase64DecodingErrors);
        anchor.hash = hash.decoded;
        anchor.receivedAt = parseUtc(item.value(u"receivedAt"));
        if (anchor.sequence <= 0 || !hash || anchor.hash.size() != 32 || !anchor.receivedAt.isValid()) {
            return makeError(
                ErrorCode::Network,
                Text::tr("The sync server %1 sent audit anchor %2 without a sequence of 1 or more, a "
                         "Base64 32-byte hash and a receivedAt time. Tell your administrator.")
                    .arg(serverName())
                    .arg(i));
        }
        anchors.append(anchor);
    }
    return anchors;
}

} // namespace earlyhelp::sync
