#include "auditlog.h"

#include <algorithm>

#include <sqlcipher/sqlite3.h>

#include <QByteArrayView>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QLoggingCategory>
#include <QSet>

#include "audit/auditchain.h"
#include "store/sqlcipherdriver.h"
#include "store/store.h"
#include "store/storeerror.h"

namespace earlyhelp::audit {

Q_DECLARE_LOGGING_CATEGORY(lcAudit)

namespace {

constexpr char translationContext[] = "earlyhelp::audit::AuditLog";

// How many events pass between two calls of the progress callback.
constexpr qint64 progressInterval = 10000;

// A prepared statement, finalised when it goes out of scope.
class Statement {
public:
    Statement() = default;
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    int prepare(sqlite3* connection, const char* sql) {
        return sqlite3_prepare_v2(connection, sql, -1, &m_statement, nullptr);
    }
    [[nodiscard]] sqlite3_stmt* get() const { return m_statement; }

    [[nodiscard]] QByteArrayView bytes(int column) const {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
        const int size = sqlite3_column_bytes(m_statement, column);
        return data ? QByteArrayView(data, size) : QByteArrayView();
    }

private:
    sqlite3_stmt* m_statement = nullptr;
};

Error databaseError(sqlite3* connection, int code, const Store& store) {
    return storeErrorFromSqlite(code, store.path(), QString::fromUtf8(sqlite3_errmsg(connection)));
}

QString alteredProblem(qint64 sequence) {
    return QCoreApplication::translate(translationContext, "event %1 was altered").arg(sequence);
}

QString missingProblem(qint64 first, qint64 last) {
    if (first == last)
        return QCoreApplication::translate(translationContext, "event %1 is missing").arg(first);
    return QCoreApplication::translate(translationContext, "events %1 to %2 are missing").arg(first).arg(last);
}

void markBad(ChainReport& report, qint64 sequence, const QString& problem) {
    report.intact = false;
    report.firstBadSequence = sequence;
    report.problem = problem;
}

// Returns the sequences that the erasure event's details.redactedEvents
// names: each item is a sequence, or a [first, last] pair for a range.
QList<std::pair<qint64, qint64>> redactedRanges(const QJsonObject& details) {
    QList<std::pair<qint64, qint64>> ranges;
    const QJsonArray items = details.value(QStringLiteral("redactedEvents")).toArray();
    for (const QJsonValue& item : items) {
        if (item.isDouble()) {
            const auto sequence = qint64(item.toDouble());
            ranges.append({sequence, sequence});
        } else if (item.isArray() && item.toArray().size() == 2) {
            const QJsonArray pair = item.toArray();
            ranges.append({qint64(pair.at(0).toDouble()), qint64(pair.at(1).toDouble())});
        }
    }
    return ranges;
}

// An event whose details an erasure blanked, checked once the whole chain
// has been read.
struct ErasedEvent {
    qint64 sequence = 0;
    qint64 erasedBy = 0;
};

// Checks that each erased event is named by the erasure event it points to.
// erased is sorted by erasedBy. Returns the lowest sequence that is not
// named, or 0.
Result<qint64> firstUncoveredErasure(sqlite3* connection, const Store& store,
                                     const QList<ErasedEvent>& erased) {
    Statement statement;
    int code = statement.prepare(connection, "SELECT action, details FROM audit_event WHERE seq = ?");
    if (code != SQLITE_OK)
        return std::unexpected(databaseError(connection, code, store));

    qint64 loadedSequence = -1;
    qint64 firstUncovered = 0;
    QList<std::pair<qint64, qint64>> ranges;
    for (const ErasedEvent& event : erased) {
        if (event.erasedBy != loadedSequence) {
            loadedSequence = event.erasedBy;
            ranges.clear();
            sqlite3_reset(statement.get());
            sqlite3_bind_int64(statement.get(), 1, event.erasedBy);
            code = sqlite3_step(statement.get());
            if (code == SQLITE_ROW && statement.bytes(0) == QByteArrayView("erase")) {
                const QByteArray details = statement.bytes(1).toByteArray();
                ranges = redactedRanges(QJsonDocument::fromJson(details).object());
            } else if (code != SQLITE_ROW && code != SQLITE_DONE) {
                return std::unexpected(databaseError(connection, code, store));
            }
        }
        const bool covered = std::any_of(ranges.cbegin(), ranges.cend(), [&event](const auto& range) {
            return event.sequence >= range.first && event.sequence <= range.second;
        });
        if (!covered && (firstUncovered == 0 || event.sequence < firstUncovered))
            firstUncovered = event.sequence;
    }
    return firstUncovered;
}

} // namespace

Result<ChainReport> verifyAuditChain(Store& store, const std::function<void(qint64, qint64)>& progress) {
    sqlite3* connection = sqliteConnection(store.database());
    if (!connection) {
        return makeError(ErrorCode::Database, QCoreApplication::translate(translationContext,
                                                                          "The case store %1 is not open.")
                                                  .arg(displayPath(store.path())));
    }

    Statement head;
    int code = head.prepare(connection, "SELECT seq, hash, (SELECT count(*) FROM audit_event) "
                                        "FROM audit_head WHERE id = 1");
    if (code == SQLITE_OK)
        code = sqlite3_step(head.get());
    if (code != SQLITE_ROW && code != SQLITE_DONE)
        return std::unexpected(databaseError(connection, code, store));

    ChainReport report;
    if (code == SQLITE_DONE) {
        markBad(report, 1, QCoreApplication::translate(translationContext, "the head record is missing"));
        return report;
    }
    const qint64 headSequence = sqlite3_column_int64(head.get(), 0);
    const QByteArray headHash = head.bytes(1).toByteArray();
    const qint64 total = sqlite3_column_int64(head.get(), 2);

    Statement events;
    code = events.prepare(connection,
                          "SELECT seq, at, user_name, role_code, action, record_type, record_id, family_id, "
                          "person_id, details, details_salt, details_digest, prev_hash, hash, erased_by_seq "
                          "FROM audit_event ORDER BY seq");
    if (code != SQLITE_OK)
        return std::unexpected(databaseError(connection, code, store));

    QByteArray previousHash(chainHashSize, '\0');
    qint64 expectedSequence = 1;
    QList<ErasedEvent> erased;
    while ((code = sqlite3_step(events.get())) == SQLITE_ROW) {
        const qint64 sequence = sqlite3_column_int64(events.get(), 0);
        if (sequence != expectedSequence) {
            markBad(report, expectedSequence, missingProblem(expectedSequence, sequence - 1));
            return report;
        }

        ChainFields fields;
        fields.sequence = sequence;
        fields.at = events.bytes(1);
        fields.user = events.bytes(2);
        fields.roleCode = events.bytes(3);
        fields.action = events.bytes(4);
        fields.recordType = events.bytes(5);
        fields.recordId = events.bytes(6);
        fields.familyId = events.bytes(7);
        fields.personId = events.bytes(8);
        const QByteArrayView details = events.bytes(9);
        const bool hasSalt = sqlite3_column_type(events.get(), 10) != SQLITE_NULL;
        fields.detailsDigest = events.bytes(11);
        const qint64 erasedBy = sqlite3_column_int64(events.get(), 14);

        const bool isErased = erasedBy > 0 && details.isEmpty() && !hasSalt;
        if (isErased) {
            erased.append(ErasedEvent{sequence, erasedBy});
        } else if (detailsDigest(events.bytes(10), details) != fields.detailsDigest) {
            markBad(report, sequence, alteredProblem(sequence));
            return report;
        }
        if (events.bytes(12) != QByteArrayView(previousHash) ||
            chainHash(previousHash, fields) != events.bytes(13)) {
            markBad(report, sequence, alteredProblem(sequence));
            return report;
        }

        previousHash = events.bytes(13).toByteArray();
        ++expectedSequence;
        ++report.events;
        if (progress && report.events % progressInterval == 0)
            progress(report.events, total);
    }
    if (code != SQLITE_DONE)
        return std::unexpected(databaseError(connection, code, store));

    const qint64 lastSequence = expectedSequence - 1;
    if (lastSequence < headSequence) {
        const QString problem =
            QCoreApplication::translate(translationContext, "the newest events after %1 are missing")
                .arg(lastSequence);
        markBad(report, lastSequence + 1, problem);
        return report;
    }
    if (lastSequence > headSequence || previousHash != headHash) {
        // Events beyond the head, or a last event whose hash the head does
        // not record, were written without the chain trigger.
        const qint64 sequence = qMin(lastSequence, headSequence + 1);
        markBad(report, sequence, alteredProblem(sequence));
        return report;
    }

    std::sort(erased.begin(), erased.end(),
              [](const ErasedEvent& a, const ErasedEvent& b) { return a.erasedBy < b.erasedBy; });
    Result<qint64> uncovered = firstUncoveredErasure(connection, store, erased);
    if (!uncovered)
        return std::unexpected(uncovered.error());
    if (*uncovered > 0) {
        markBad(report, *uncovered, alteredProblem(*uncovered));
        return report;
    }
    report.erasedDetails = erased.size();
    if (progress)
        progress(report.events, total);
    qCInfo(lcAudit, "Verified %lld audit events of %s", report.events,
           qUtf8Printable(displayPath(store.path())));
    return report;
}

} // namespace earlyhelp::audit
