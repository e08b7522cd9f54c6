#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDate>
#include <QSqlDatabase>
#include <QString>

namespace earlyhelp::server {

// Takes the next change sequence. The UPDATE locks the counter row until the
// caller's transaction ends, so sequences become visible in increasing order.
// Call it inside a transaction.
[[nodiscard]] Result<qint64> takeSequence(QSqlDatabase& database);

// Works out what each organisation may hold of another organisation's
// records and writes it to the delivery table. For each record of a family
// and each candidate recipient (an organisation that a consent or sharing
// decision of the family names by id or party type, unless deleted, and
// every organisation that holds something of the family), it unites
// policy::buildPayload() over every purpose of the newest published
// agreement, verified with trustPublicKey. No agreement, or one that fails
// verification, delivers nothing. A delivery that changes takes a new
// sequence, and a record the recipient may no longer hold at all becomes a
// purge. Runs on the caller's connection and transaction.
class SharingFeed {
public:
    SharingFeed(QSqlDatabase database, QByteArray trustPublicKey)
        : m_database(std::move(database))
        , m_trustPublicKey(std::move(trustPublicKey)) {}

    // Recomputes the deliveries of familyId's records as of today (UTC).
    [[nodiscard]] Status recomputeFamily(const QString& familyId, QDate today);
    // Recomputes every family that has a record or a delivery.
    [[nodiscard]] Status recomputeAll(QDate today);

private:
    QSqlDatabase m_database;
    QByteArray m_trustPublicKey;
};

} // namespace earlyhelp::server
