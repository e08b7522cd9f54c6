#pragma once

#include "auditanchors.h"
#include "syncstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <expected>
#include <optional>

namespace earlyhelp::server {

// Why a whole request was rejected before any of it was applied: the HTTP
// status, the error code of the JSON error body and its message.
struct RequestRejection {
    int status = 400;
    QString error;
    QString message;
};

// A parsed push body.
struct PushRequest {
    QList<RecordChange> changes;
    // The head of the device's own audit trail when the push was sent.
    // Clients older than audit anchoring send none.
    std::optional<AuditHead> auditHead;
};

// Parses and checks a push body {"changes": [...], "auditHead": {...}}:
// every member's type, the ids as UUIDs, record types and field ids against
// the field catalogue, at most maxChanges changes (413 otherwise), and the
// optional auditHead as {"seq": whole number of 1 or more, "hash": Base64 of
// 32 bytes}. The message of a rejection names the member at fault, such as
// "changes[3].recordType" or "auditHead.hash".
[[nodiscard]] std::expected<PushRequest, RequestRejection> parsePushRequest(const QByteArray& body,
                                                                            int maxChanges);

// The cursor and page size of a pull.
struct PullRequest {
    qint64 after = 0;
    int limit = 0;
};

// Reads `after` (default 0) and `limit` (default and maximum maxLimit) from
// a pull's query string.
[[nodiscard]] std::expected<PullRequest, RequestRejection> parsePullRequest(const QUrlQuery& query,
                                                                            int maxLimit);

// The page of GET /api/v1/audit-anchors: at most limit anchors, newest
// first, after skipping offset newer ones.
struct AnchorListRequest {
    int limit = 0;
    qint64 offset = 0;
};

// Reads `limit` (default and maximum maxLimit) and `offset` (default 0) from
// the query string of GET /api/v1/audit-anchors.
[[nodiscard]] std::expected<AnchorListRequest, RequestRejection>
parseAnchorListRequest(const QUrlQuery& query, int maxLimit);

// The JSON of one pushed change's result, in the shape of the push response.
[[nodiscard]] QJsonObject changeResultJson(const RecordChange& change, const ChangeOutcome& outcome);

// The JSON of one pull page.
[[nodiscard]] QJsonObject feedPageJson(const FeedPage& page);

} // namespace earlyhelp::server
