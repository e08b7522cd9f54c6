#include "apiserver.h"

#include "logging.h"
#include "syncrequest.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QTcpServer>

#include <cstdio>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

constexpr int apiVersion = 1;
constexpr qsizetype maxDeviceNameLength = 200;
// The maximum number of records one pull returns, and the page size when the
// request gives no limit.
constexpr int maxPullLimit = 1000;
// The maximum number of anchors one GET /api/v1/audit-anchors returns, and
// the number when the request gives no limit.
constexpr int maxAnchorLimit = 1000;

ApiResponse errorResponse(int status, const QString& code, const QString& message) {
    ApiResponse response;
    response.status = status;
    response.body = QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}};
    return response;
}

QString methodName(QHttpServerRequest::Method method) {
    using Method = QHttpServerRequest::Method;
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Options:
        return QStringLiteral("OPTIONS");
    case Method::Patch:
        return QStringLiteral("PATCH");
    case Method::Connect:
        return QStringLiteral("CONNECT");
    case Method::Trace:
        return QStringLiteral("TRACE");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

ApiRequest snapshot(const QHttpServerRequest& request) {
    ApiRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path();
    copy.query = QUrlQuery(request.url());
    copy.remoteAddress = request.remoteAddress().toString();
    for (const auto& [name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0) {
            copy.authorization = value;
        } else if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = value.trimmed().toLongLong(&ok);
            copy.contentLength = ok && length >= 0 ? length : 0;
            copy.contentLengthInvalid = !ok || length < 0;
        }
    }
    copy.body = request.body();
    return copy;
}

QHttpServerResponse toHttpResponse(const ApiResponse& response) {
    QHttpServerResponse http(QByteArrayLiteral("application/json"),
                             QJsonDocument(response.body).toJson(QJsonDocument::Compact),
                             static_cast<QHttpServerResponse::StatusCode>(response.status));
    if (response.retryAfterSeconds > 0)
        http.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(response.retryAfterSeconds));
    if (!response.allow.isEmpty())
        http.setHeader(QByteArrayLiteral("Allow"), response.allow);
    return http;
}

// Writes the request's log line. It contains the method, the path without
// its query, the status, the device id, the duration and sizes, and never a
// body, code, credential or header value.
void logRequest(const ApiRequest& request, int status, const QString& deviceId, qint64 durationMs,
                qint64 responseBytes) {
    const QJsonObject line{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), request.method},
        {QStringLiteral("path"), request.path},
        {QStringLiteral("status"), status},
        {QStringLiteral("device"), deviceId.isEmpty() ? QJsonValue() : QJsonValue(deviceId)},
        {QStringLiteral("durationMs"), durationMs},
        {QStringLiteral("requestBytes"), qint64(request.body.size())},
        {QStringLiteral("responseBytes"), responseBytes},
    };
    static QMutex mutex;
    const QByteArray text = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    const QMutexLocker locker(&mutex);
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    std::fflush(stderr);
}

// Reads a required string field of a JSON object, or the 400 that names it.
std::optional<ApiResponse> requireString(const QJsonObject& object, const QString& field, QString& value) {
    const QJsonValue found = object.value(field);
    if (found.isUndefined() || found.isNull()) {
        return errorResponse(400, QStringLiteral("missing_field"),
                             Text::tr("the field \"%1\" is missing: send it as a string").arg(field));
    }
    if (!found.isString()) {
        return errorResponse(400, QStringLiteral("invalid_field"),
                             Text::tr("the field \"%1\" must be a string").arg(field));
    }
    value = found.toString();
    return std::nullopt;
}

QJsonObject organisationJson(const Organisation& organisation) {
    return QJsonObject{{QStringLiteral("id"), organisation.id},
                       {QStringLiteral("name"), organisation.name},
                       {QStringLiteral("partyType"), organisation.partyType}};
}

ApiResponse serverError(const Error& error) {
    // The detail goes to the diagnostic log only; the client learns nothing
    // about the database.
    qCWarning(lcServer).noquote() << "request failed:" << error.message;
    return errorResponse(500, QStringLiteral("server_error"),
                         Text::tr("the server could not complete the request: try again later, and tell the "
                                  "server's administrator if it keeps failing"));
}

QString displayUtc(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

} // namespace

ApiServer::ApiServer(ServerDatabase& database, const ServerConfig& config)
    : m_registry(database)
    , m_syncStore(database)
    , m_audit(database)
    , m_anchors(database)
    , m_deviceLimiter(config.ratePerSecond, config.rateBurst)
    , m_enrolLimiter(config.ratePerSecond, config.rateBurst)
    , m_maxBodyBytes(config.maxBodyBytes)
    , m_pushMaxChanges(config.pushMaxChanges) {
    addRoute(QStringLiteral("/api/v1/enrol"), QStringLiteral("POST"), Access::Public, &ApiServer::enrol);
    addRoute(QStringLiteral("/api/v1/agreement"), QStringLiteral("GET"), Access::Device,
             &ApiServer::agreement);
    addRoute(QStringLiteral("/api/v1/status"), QStringLiteral("GET"), Access::Device, &ApiServer::status);
    addRoute(QStringLiteral("/api/v1/push"), QStringLiteral("POST"), Access::Device, &ApiServer::push);
    addRoute(QStringLiteral("/api/v1/pull"), QStringLiteral("GET"), Access::Device, &ApiServer::pull);
    addRoute(QStringLiteral("/api/v1/audit-anchors"), QStringLiteral("GET"), Access::Device,
             &ApiServer::auditAnchors);

    m_http.setMissingHandler([](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        QElapsedTimer timer;
        timer.start();
        const ApiRequest copy = snapshot(request);
        const ApiResponse response =
            errorResponse(404, QStringLiteral("not_found"),
                          Text::tr("there is no endpoint %1: check the path against the API version 1 "
                                   "documentation")
                              .arg(copy.path));
        const QByteArray body = QJsonDocument(response.body).toJson(QJsonDocument::Compact);
        responder.write(body, QByteArrayLiteral("application/json"),
                        QHttpServerResponder::StatusCode::NotFound);
        logRequest(copy, response.status, {}, timer.elapsed(), body.size());
    });
}

ApiServer::~ApiServer() = default;

Result<quint16> ApiServer::listen(const ListenAddress& address, const QSslConfiguration& tls) {
    QHostAddress host;
    if (address.host == QLatin1String("localhost"))
        host = QHostAddress::LocalHost;
    else if (!host.setAddress(address.host)) {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("the listen host \"%1\" is not an IP address: give one such as 127.0.0.1 or ::1")
                .arg(address.host));
    }
    m_http.sslSetup(tls);
    const quint16 port = m_http.listen(host, address.port);
    if (port == 0) {
        const QList<QTcpServer*> servers = m_http.servers();
        const QString reason = servers.isEmpty() ? QString() : servers.constLast()->errorString();
        return makeError(ErrorCode::Io, Text::tr("cannot listen on %1 port %2: %3; choose a free port or 0")
                                            .arg(address.host)
                                            .arg(address.port)
                                            .arg(reason));
    }
    return port;
}

void ApiServer::addRoute(const QString& path, const QString& method, Access access, Handler handler) {
    // NOTE: handlers run on the event-loop thread, one request at a time.
    // Qt HttpServer 6.4.2 (Debian 12) also accepts handlers that return
    // QFuture<QHttpServerResponse>, but this server crashed with them. With a
    // QPromise it crashed in QFutureInterfaceBase::reportStarted within a few
    // requests. With QtConcurrent::run it crashed when clients disconnected
    // before their response. Registry and ServerDatabase are thread-safe, so
    // dispatch() can move to a thread pool on a Qt without those crashes.
    m_http.route(path, [this, method, access, handler](const QHttpServerRequest& request) {
        QElapsedTimer timer;
        timer.start();
        const ApiRequest copy = snapshot(request);
        const ApiResponse response = dispatch(copy, method, access, handler);
        QHttpServerResponse http = toHttpResponse(response);
        logRequest(copy, response.status, response.deviceId, timer.elapsed(), http.data().size());
        return http;
    });
}

ApiResponse ApiServer::dispatch(const ApiRequest& request, const QString& allowedMethod, Access access,
                                Handler handler) {
    if (request.method != allowedMethod) {
        ApiResponse response = errorResponse(
            405, QStringLiteral("method_not_allowed"),
            Text::tr("%1 does not accept %2: use %3").arg(request.path, request.method, allowedMethod));
        response.allow = allowedMethod.toLatin1();
        return response;
    }
    // Qt HttpServer 6.4 has read the whole body by now, so this check keeps
    // an oversized body from being parsed and stored, not from being received.
    if (request.contentLengthInvalid) {
        return errorResponse(400, QStringLiteral("invalid_content_length"),
                             Text::tr("the Content-Length header is not a whole number of bytes"));
    }
    if (request.contentLength.value_or(0) > m_maxBodyBytes || request.body.size() > m_maxBodyBytes) {
        return errorResponse(
            413, QStringLiteral("body_too_large"),
            Text::tr("the request body of %1 bytes is larger than this server's limit of %2 "
                     "bytes: send less in one request")
                .arg(std::max(request.contentLength.value_or(0), qint64(request.body.size())))
                .arg(m_maxBodyBytes));
    }

    Authentication caller;
    if (access == Access::Public) {
        if (const int wait = m_enrolLimiter.acquire(QStringLiteral("address:") % request.remoteAddress);
            wait > 0) {
            ApiResponse response =
                errorResponse(429, QStringLiteral("rate_limited"),
                              Text::tr("too many requests from this address: wait %n second(s) and try again",
                                       nullptr, wait));
            response.retryAfterSeconds = wait;
            return response;
        }
        return (this->*handler)(request, caller);
    }

    static const QByteArray scheme = QByteArrayLiteral("bearer ");
    const QByteArray authorization = request.authorization.trimmed();
    const QString token = authorization.size() > scheme.size() &&
                                  authorization.left(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0
                              ? QString::fromLatin1(authorization.mid(scheme.size()).trimmed())
                              : QString();
    const qsizetype dot = token.indexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == token.size() - 1) {
        return errorResponse(401, QStringLiteral("unauthenticated"),
                             Text::tr("the request has no device credential: send the header "
                                      "\"Authorization: Bearer DEVICE_ID.CREDENTIAL\" from enrolment"));
    }
    const QString deviceId = token.left(dot);
    auto checked = m_registry.authenticate(deviceId, token.mid(dot + 1).toLatin1());
    if (!checked)
        return serverError(checked.error());
    caller = *checked;

    switch (caller.status) {
    case Authentication::Status::Unknown:
        return errorResponse(401, QStringLiteral("unauthenticated"),
                             Text::tr("the device %1 is unknown or its credential is wrong: enrol the device "
                                      "with a new code")
                                 .arg(deviceId));
    case Authentication::Status::Revoked: {
        ApiResponse response =
            errorResponse(403, QStringLiteral("device_revoked"),
                          Text::tr("this device was revoked on %1 UTC; enrol it again with a new code")
                              .arg(displayUtc(caller.device.revokedAt.value_or(0))));
        response.deviceId = caller.device.id;
        return response;
    }
    case Authentication::Status::Authenticated:
        break;
    }

    if (const int wait = m_deviceLimiter.acquire(caller.device.id); wait > 0) {
        ApiResponse response = errorResponse(
            429, QStringLiteral("rate_limited"),
            Text::tr("too many requests from this device: wait %n second(s) and try again", nullptr, wait));
        response.retryAfterSeconds = wait;
        response.deviceId = caller.device.id;
        return response;
    }
    ApiResponse response = (this->*handler)(request, caller);
    response.deviceId = caller.device.id;
    return response;
}

ApiResponse ApiServer::enrol(const ApiRequest& request, const Authentication&) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return errorResponse(
            400, QStringLiteral("invalid_json"),
            Text::tr("the request body is not valid JSON (%1 at byte %2): send a JSON object")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return errorResponse(
            400, QStringLiteral("invalid_json"),
            Text::tr("the request body must be a JSON object with \"code\" and \"deviceName\""));
    }
    const QJsonObject object = document.object();
    QString code;
    QString deviceName;
    if (auto rejected = requireString(object, QStringLiteral("code"), code))
        return *rejected;
    if (auto rejected = requireString(object, QStringLiteral("deviceName"), deviceName))
        return *rejected;
    deviceName = deviceName.trimmed();
    if (deviceName.isEmpty() || deviceName.size() > maxDeviceNameLength) {
        return errorResponse(
            400, QStringLiteral("invalid_field"),
            Text::tr("the field \"deviceName\" must be 1 to %1 characters").arg(maxDeviceNameLength));
    }

    auto outcome = m_registry.enrol(code, deviceName);
    if (!outcome)
        return serverError(outcome.error());

    switch (outcome->rejection) {
    case EnrolmentRejection::UnknownCode:
        return errorResponse(
            400, QStringLiteral("unknown_code"),
            Text::tr("the enrolment code is not one this server issued: check it, or ask your "
                     "administrator for a new code"));
    case EnrolmentRejection::UsedCode:
        return errorResponse(410, QStringLiteral("code_used"),
                             Text::tr("the enrolment code was already used on %1 UTC: each code enrols one "
                                      "device, so ask your administrator for a new code")
                                 .arg(displayUtc(outcome->rejectionTime)));
    case EnrolmentRejection::ExpiredCode:
        return errorResponse(
            410, QStringLiteral("code_expired"),
            Text::tr("the enrolment code expired on %1 UTC: ask your administrator for a new code")
                .arg(displayUtc(outcome->rejectionTime)));
    case EnrolmentRejection::None:
        break;
    }

    const Enrolment& enrolment = *outcome->enrolment;
    qCInfo(lcServer).noquote() << "enrolled device" << enrolment.device.id << "for organisation"
                               << enrolment.organisation.id;
    ApiResponse response;
    response.status = 201;
    response.deviceId = enrolment.device.id;
    response.body = QJsonObject{{QStringLiteral("deviceId"), enrolment.device.id},
                                {QStringLiteral("credential"), QString::fromLatin1(enrolment.credential)},
                                {QStringLiteral("organisation"), organisationJson(enrolment.organisation)}};
    return response;
}

ApiResponse ApiServer::agreement(const ApiRequest&, const Authentication&) {
    auto newest = m_registry.newestAgreement();
    if (!newest)
        return serverError(newest.error());
    if (!newest->has_value()) {
        return errorResponse(404, QStringLiteral("no_agreement"),
                             Text::tr("no data sharing agreement is published on this server yet: ask the "
                                      "server's administrator to publish one"));
    }
    const PublishedAgreement& published = **newest;
    ApiResponse response;
    response.body =
        QJsonObject{{QStringLiteral("version"), published.version},
                    {QStringLiteral("document"), QString::fromLatin1(published.document.toBase64())},
                    {QStringLiteral("signature"), published.signature},
                    {QStringLiteral("publishedAt"), isoTime(published.publishedAt)}};
    return response;
}

ApiResponse ApiServer::status(const ApiRequest&, const Authentication& caller) {
    ApiResponse response;
    response.body = QJsonObject{{QStringLiteral("serverTime"), isoTime(nowMs())},
                                {QStringLiteral("apiVersion"), apiVersion},
                                {QStringLiteral("deviceId"), caller.device.id},
                                {QStringLiteral("organisation"), organisationJson(caller.organisation)}};
    return response;
}

ApiResponse ApiServer::push(const ApiRequest& request, const Authentication& caller) {
    auto parsed = parsePushRequest(request.body, m_pushMaxChanges);
    if (!parsed) {
        const RequestRejection& rejection = parsed.error();
        return errorResponse(rejection.status, rejection.error, rejection.message);
    }

    // The anchor is recorded before the changes, so that it is kept even
    // when a change fails.
    if (parsed->auditHead) {
        auto anchored = m_anchors.record(caller.device.id, caller.organisation.id, *parsed->auditHead);
        if (!anchored)
            return serverError(anchored.error());
    }

    // Each change commits on its own, so after a failure part way the
    // changes before it stay applied. The device sends the batch again and
    // receives the same results for them.
    QJsonArray results;
    for (const RecordChange& change : std::as_const(parsed->changes)) {
        auto outcome = m_syncStore.apply(change, caller.device.id, caller.organisation.id);
        if (!outcome)
            return serverError(outcome.error());
        results.append(changeResultJson(change, *outcome));
    }
    if (Status recomputed = m_syncStore.recomputeQueuedFamilies(); !recomputed)
        return serverError(recomputed.error());
    ApiResponse response;
    response.body = QJsonObject{{QStringLiteral("results"), results}};
    return response;
}

ApiResponse ApiServer::pull(const ApiRequest& request, const Authentication& caller) {
    auto parsed = parsePullRequest(request.query, maxPullLimit);
    if (!parsed) {
        const RequestRejection& rejection = parsed.error();
        return errorResponse(rejection.status, rejection.error, rejection.message);
    }
    if (Status recomputed = m_syncStore.recomputeQueuedFamilies(); !recomputed)
        return serverError(recomputed.error());
    auto page = m_syncStore.pull(caller.organisation.id, parsed->after, parsed->limit);
    if (!page)
        return serverError(page.error());
    // The page is recorded before it is sent, so no page leaves unaudited.
    const QJsonObject details{{QStringLiteral("after"), parsed->after},
                              {QStringLiteral("limit"), parsed->limit},
                              {QStringLiteral("entries"), page->entries.size()},
                              {QStringLiteral("next"), page->next},
                              {QStringLiteral("more"), page->more}};
    auto audited = m_audit.append(
        ServerAuditEntry{ServerAuditAction::Pull, caller.device.id, caller.organisation.id, details});
    if (!audited)
        return serverError(audited.error());
    ApiResponse response;
    response.body = feedPageJson(*page);
    return response;
}

ApiResponse ApiServer::auditAnchors(const ApiRequest& request, const Authentication& caller) {
    auto parsed = parseAnchorListRequest(request.query, maxAnchorLimit);
    if (!parsed) {
        const RequestRejection& rejection = parsed.error();
        return errorResponse(rejection.status, rejection.error, rejection.message);
    }
    auto anchors = m_anchors.list(caller.device.id, parsed->limit, parsed->offset);
    if (!anchors)
        return serverError(anchors.error());
    QJsonArray items;
    for (const AuditAnchor& anchor : std::as_const(*anchors)) {
        items.append(QJsonObject{{QStringLiteral("seq"), anchor.sequence},
                                 {QStringLiteral("hash"), QString::fromLatin1(anchor.hash.toBase64())},
                                 {QStringLiteral("receivedAt"), isoTime(anchor.receivedAt)},
                                 {QStringLiteral("conflict"), anchor.conflict}});
    }
    ApiResponse response;
    response.body = QJsonObject{{QStringLiteral("anchors"), items}};
    return response;
}

} // namespace earlyhelp::server
