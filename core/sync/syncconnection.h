#pragma once

#include "audit/auditanchor.h"
#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace earlyhelp::sync {

struct OutgoingChange; // synclocal.h
struct PushResult;     // synclocal.h

// An organisation as the sync server records it.
struct ServerOrganisation {
    QString id;
    QString name;
    QString partyType;
};

// The device id and credential from POST /api/v1/enrol that authenticate
// this device from now on, and its organisation.
struct DeviceGrant {
    QString deviceId;
    SecretBytes credential; // the Base64 text as the server sent it
    ServerOrganisation organisation;
};

// The server's status from GET /api/v1/status.
struct ServerStatus {
    QDateTime serverTime; // UTC
    int apiVersion = 0;
    QString deviceId;
    ServerOrganisation organisation;
};

// The newest agreement the server publishes, from GET /api/v1/agreement.
// document is the signed file's exact bytes and signature the detached
// signature's Base64 text, for policy::verifyAgreement().
struct PublishedAgreement {
    int version = 0;
    QByteArray document;
    QByteArray signature;
    QDateTime publishedAt; // UTC
};

// One page of GET /api/v1/pull: the entries of its "changes" array in
// sequence order, the cursor to send as after next time, and whether more
// entries follow.
struct PullPage {
    QJsonArray entries;
    qint64 next = 0;
    bool more = false;
};

// Checks that text is an https URL with a host, and returns it without a
// path, query or fragment. An http URL is rejected because the credential
// and case records would cross the network unencrypted.
[[nodiscard]] Result<QUrl> parseServerUrl(const QString& text);

// Reads PEM CA certificates from path. InvalidInput when the file contains no
// certificate, Io when it cannot be read.
[[nodiscard]] Result<QList<QSslCertificate>> readCaCertificates(const QString& path);

// A client of one earlyhelp-server over HTTPS (docs/sync-protocol.md).
//
// TLS: certificate checks are always on. The server's certificate must chain
// to one of the system's CA certificates or to an extra CA certificate that
// an administrator added, and must name the host. There is no way to ignore
// a certificate error. Requests go through the system's proxy settings.
//
// Each call sends one request and runs a nested QEventLoop until the reply
// arrives or the timeout passes; the loop excludes user input events.
// Contract: use a SyncConnection only from the thread that created it, which
// needs a running QCoreApplication.
//
// Errors: InvalidInput, NotFound or PermissionDenied with the server's own
// message when it rejects a request (400, 404, 410 and 413; 401 and 403),
// Network when it cannot be reached, the TLS handshake fails, it does not
// respond in time, or it fails (429, 5xx, a body that is not the expected JSON).
class SyncConnection {
public:
    static constexpr std::chrono::milliseconds defaultTimeout = std::chrono::seconds(30);
    // The server returns at most this many entries per pull page.
    static constexpr int maxPullLimit = 1000;
    // The server returns at most this many audit anchors per request.
    static constexpr int maxAnchorLimit = 1000;

    // serverUrl must come from parseServerUrl().
    SyncConnection(QUrl serverUrl, QList<QSslCertificate> extraCaCertificates,
                   std::chrono::milliseconds timeout = defaultTimeout);
    ~SyncConnection();
    SyncConnection(const SyncConnection&) = delete;
    SyncConnection& operator=(const SyncConnection&) = delete;

    [[nodiscard]] QUrl serverUrl() const { return m_serverUrl; }

    // Sets the device id and credential that authenticate status(),
    // fetchAgreement(), push() and pull().
    void setDeviceCredential(const QString& deviceId, SecretBytes credential);

    // Exchanges a one-time enrolment code for a device credential. The code
    // is used up on the server once this returns a grant.
    [[nodiscard]] Result<DeviceGrant> enrol(const QString& code, const QString& deviceName);
    [[nodiscard]] Result<ServerStatus> status();
    [[nodiscard]] Result<PublishedAgreement> fetchAgreement();

    // Sends changes in one POST /api/v1/push, with auditHead as the push's
    // "auditHead" when it is set, and returns the server's result for each
    // change, in the order sent. Besides the errors above, Network when the
    // response does not contain exactly one well-formed result per change,
    // in order.
    [[nodiscard]] Result<QList<PushResult>> push(const QList<OutgoingChange>& changes,
                                                 const std::optional<audit::AuditHead>& auditHead = {});

    // Reads one page of the organisation's feed after the sequence after, at
    // most limit entries (1 to maxPullLimit).
    [[nodiscard]] Result<PullPage> pull(qint64 after, int limit = maxPullLimit);

    // Returns up to limit (1 to maxAnchorLimit) of the audit anchors the
    // server recorded from this device's pushes, newest first, after
    // skipping the offset newest. Besides the errors above, Network when an
    // anchor is not well formed.
    [[nodiscard]] Result<QList<audit::AuditAnchor>> auditAnchors(int limit = maxAnchorLimit,
                                                                 qint64 offset = 0);

private:
    struct Response {
        int status = 0;
        QJsonObject body;
    };

    [[nodiscard]] Result<Response> send(const QByteArray& method, const QString& path, const QByteArray& body,
                                        bool authenticate);
    [[nodiscard]] Error replyError(QNetworkReply& reply, const QString& sslProblems) const;
    [[nodiscard]] QString serverName() const;

    QUrl m_serverUrl;
    // The system's CA certificates and the extra ones.
    QList<QSslCertificate> m_caCertificates;
    std::chrono::milliseconds m_timeout;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    QString m_deviceId;
    SecretBytes m_credential;
};

} // namespace earlyhelp::sync
