#pragma once

#include "syncstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <expected>

namespace earlyhelp::server {

// Why a whole request was rejected before any of it was applied: the HTTP
// status, the error code of the JSON error body and its message.
struct RequestRejection {
    int status = 400;
    QString error;
    QString message;
};

// Parses and checks a push body {"changes": [...]}: every member's type, the
// ids as UUIDs, record types and field ids against the field catalogue, and
// at most maxChanges changes (413 otherwise). The message of a rejection
// names the member at fault, such as "changes[3].recordType".
[[nodiscard]] std::expected<QList<RecordChange>, RequestRejection> parsePushRequest(const QByteArray& body,
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

// The JSON of one pushed change's result, in the shape of the push response.
[[nodiscard]] QJsonObject changeResultJson(const RecordChange& change, const ChangeOutcome& outcome);

// The JSON of one pull page.
[[nodiscard]] QJsonObject feedPageJson(const FeedPage& page);

} // namespace earlyhelp::server
