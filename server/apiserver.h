#pragma once

#include "auditanchors.h"
#include "common/result.h"
#include "ratelimiter.h"
#include "registry.h"
#include "serveraudit.h"
#include "serverconfig.h"
#include "syncstore.h"

#include <QByteArray>
#include <QHttpServer>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <optional>

class QHttpServerRequest;

namespace earlyhelp::server {

// The parts of an HTTP request that handlers use, copied out of
// QHttpServerRequest, which cannot be copied or outlive its connection.
struct ApiRequest {
    QString method; // "GET", "POST", …
    QString path;
    QUrlQuery query;
    QByteArray authorization;            // the Authorization header's value
    std::optional<qint64> contentLength; // nothing when absent
    bool contentLengthInvalid = false;
    QByteArray body;
    QString remoteAddress;
};

// A handler's response: a JSON object and its status, the device the request
// came from (for the log), and the Retry-After and Allow headers when set.
struct ApiResponse {
    int status = 200;
    QJsonObject body;
    QString deviceId;
    int retryAfterSeconds = 0;
    QByteArray allow; // the Allow header of a 405
};

// The HTTPS API, version 1 (docs/sync-protocol.md). Nothing is kept between
// requests except the rate limiter's buckets, so several instances can serve
// one PostgreSQL database. Writes one JSON line per request to stderr.
// Enrolments, pushed changes, pulls and new audit anchors are recorded in
// the server's audit trail (serveraudit.h).
class ApiServer {
public:
    ApiServer(ServerDatabase& database, const ServerConfig& config);
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    // Starts listening with TLS on address and returns the port in use.
    [[nodiscard]] Result<quint16> listen(const ListenAddress& address, const QSslConfiguration& tls);

private:
    enum class Access { Public, Device };
    using Handler = ApiResponse (ApiServer::*)(const ApiRequest&, const Authentication&);

    void addRoute(const QString& path, const QString& method, Access access, Handler handler);
    [[nodiscard]] ApiResponse dispatch(const ApiRequest& request, const QString& allowedMethod, Access access,
                                       Handler handler);

    ApiResponse enrol(const ApiRequest& request, const Authentication& unused);
    ApiResponse agreement(const ApiRequest& request, const Authentication& caller);
    ApiResponse status(const ApiRequest& request, const Authentication& caller);
    ApiResponse push(const ApiRequest& request, const Authentication& caller);
    ApiResponse pull(const ApiRequest& request, const Authentication& caller);
    ApiResponse auditAnchors(const ApiRequest& request, const Authentication& caller);

    Registry m_registry;
    SyncStore m_syncStore;
    ServerAuditTrail m_audit;
    AuditAnchorStore m_anchors;
    RateLimiter m_deviceLimiter;
    RateLimiter m_enrolLimiter;
    qint64 m_maxBodyBytes;
    int m_pushMaxChanges;
    QHttpServer m_http;
};

} // namespace earlyhelp::server
