#pragma once

// Runs sync for one store: push the outbox in batches, then pull the feed
// page by page, on demand and in the background on an interval, retrying
// with backoff after a failure.

#include "access/access.h"
#include "common/result.h"
#include "keys/oskeychain.h"
#include "store/store.h"
#include "sync/synclocal.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <functional>
#include <optional>

namespace earlyhelp::sync {

// The progress of a sync, for a progress bar and a status line.
struct SyncProgress {
    enum class Phase { Connecting, Pushing, Pulling, Done };
    Phase phase = Phase::Connecting;
    int pushed = 0;   // changes answered so far
    int toPush = 0;   // changes in the outbox when the sync started
    int pulled = 0;   // feed entries applied so far
    bool morePull = false;
};

// The outcome of one sync.
struct SyncOutcome {
    // True when every change was exchanged: the outbox is empty, nothing was
    // rejected and the feed was read to its end.
    bool complete = false;
    int pushed = 0;
    int pulled = 0;
    int purged = 0;
    int conflictsOpen = 0; // conflicts waiting for a person, after this sync
    int rejected = 0;
    std::optional<Error> error; // why the sync stopped early
    QDateTime serverTime;       // UTC
    qint64 clockSkewSeconds = 0;
};

class SyncEngine : public QObject {
    Q_OBJECT
public:
    // Sync state for the window's status line.
    enum class Status { NotEnrolled, Idle, Syncing, WaitingToRetry, Failed };
    Q_ENUM(Status)

    static constexpr int pushBatchSize = 200;
    static constexpr std::chrono::seconds defaultInterval = std::chrono::minutes(5);
    // Retries after a failure wait 15 s, then twice as long each time, up to
    // 15 minutes.
    static constexpr std::chrono::seconds firstRetryDelay = std::chrono::seconds(15);
    static constexpr std::chrono::seconds longestRetryDelay = std::chrono::minutes(15);
    // A device clock further than this from the server's is reported.
    static constexpr std::chrono::seconds clockSkewWarning = std::chrono::minutes(5);

    // The store, its id and the keychain must outlive the engine. The agreement
    // state in force is read from the store's agreement register at each sync.
    SyncEngine(Store& store, QUuid storeId, keys::Keychain& keychain, QObject* parent = nullptr);
    ~SyncEngine() override;

    // Runs one sync now and returns when it ends. actor must be allowed to
    // edit cases (sync writes case records). An error is returned only when
    // the sync could not start (not enrolled, no credential, no permission).
    // A failure during the sync is in the outcome's error.
    [[nodiscard]] Result<SyncOutcome> syncNow(const access::Actor& actor);

    // Starts background sync as actor: at once, then every interval; after a
    // failure it retries with backoff. stop() ends it.
    void start(const access::Actor& actor, std::chrono::seconds interval = defaultInterval);
    void stop();

    [[nodiscard]] Status status() const { return m_status; }
    [[nodiscard]] std::optional<SyncOutcome> lastOutcome() const { return m_lastOutcome; }
    // When the next background sync runs, or an invalid time when none is
    // scheduled.
    [[nodiscard]] QDateTime nextAttemptAt() const;

    // Changes the CA file used instead of the one recorded at enrolment.
    void setCaCertificatePath(const QString& path) { m_caCertificatePath = path; }
    // Changes the request timeout (tests use short ones).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

signals:
    void progressChanged(const earlyhelp::sync::SyncProgress& progress);
    void statusChanged(earlyhelp::sync::SyncEngine::Status status);
    void syncFinished(const earlyhelp::sync::SyncOutcome& outcome);

private:
    void runBackgroundSync();
    void setStatus(Status status);

    Store& m_store;
    QUuid m_storeId;
    keys::Keychain& m_keychain;
    QString m_caCertificatePath;
    std::chrono::milliseconds m_timeout = SyncConnection::defaultTimeout;
    std::optional<access::Actor> m_backgroundActor;
    std::chrono::seconds m_interval = defaultInterval;
    std::chrono::seconds m_retryDelay{0};
    QTimer m_timer;
    Status m_status = Status::Idle;
    bool m_running = false;
    std::optional<SyncOutcome> m_lastOutcome;
    // The newest audit head this engine sent to the server, so that a sync
    // with nothing to push sends the head only when it has moved.
    qint64 m_anchoredSequence = 0;
};

} // namespace earlyhelp::sync
