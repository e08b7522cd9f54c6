#include "sync/syncengine.h"

#include "audit/auditanchor.h"
#include "policy/signature.h"
#include "sharing/agreementregister.h"
#include "sync/logging.h"
#include "sync/syncenrolment.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace earlyhelp::sync {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sync)
};

// Entries asked for per pull page. Each page is applied in one store
// transaction, so a smaller page commits progress more often.
constexpr int pullPageSize = 500;

using ProgressReport = std::function<void(const SyncProgress&)>;

// Sends the outbox in batches until it contains no change that this sync
// has not sent yet, each batch with the store's audit head. Returns false
// with outcome.error set when it stops early. The server's results for the
// batches sent before that stay recorded.
bool pushOutbox(Store& store, SyncConnection& connection, SyncLocal& local, SyncProgress& progress,
                const ProgressReport& report, SyncOutcome& outcome, qint64& anchoredSequence) {
    const sharing::AgreementState agreement =
        sharing::AgreementRegister(store, policy::builtInTrustPublicKey()).state();

    // A change the server rejected stays in the outbox and comes back in the
    // next batch with the same id, so the loop ends once a batch contains
    // only changes sent before.
    QSet<QString> sent;
    while (true) {
        const QDate today = QDate::currentDate();
        auto batch = local.nextBatch(agreement, today, SyncEngine::pushBatchSize);
        if (!batch) {
            outcome.error = batch.error();
            return false;
        }
        const bool anyNew = std::any_of(batch->cbegin(), batch->cend(), [&sent](const OutgoingChange& change) {
            return !sent.contains(change.changeId);
        });
        if (!anyNew)
            return true;

        // The head goes with every push, so the server keeps an anchor of
        // the trail as it stood, which a later rewrite cannot match. An
        // empty trail has nothing to anchor.
        auto head = audit::readAuditHead(store);
        if (!head) {
            outcome.error = head.error();
            return false;
        }
        const std::optional<audit::AuditHead> anchor =
            head->sequence > 0 ? std::optional<audit::AuditHead>(*head) : std::nullopt;
        auto results = connection.push(*batch, anchor);
        if (!results) {
            outcome.error = results.error();
            return false;
        }
        if (anchor)
            anchoredSequence = anchor->sequence;
        if (Status recorded = local.recordResults(*batch, *results, agreement, today); !recorded) {
            outcome.error = recorded.error();
            return false;
        }
        for (qsizetype i = 0; i < batch->size(); ++i) {
            const bool first = !sent.contains(batch->at(i).changeId);
            sent.insert(batch->at(i).changeId);
            if (first && results->at(i).status != PushResult::Status::Rejected)
                ++outcome.pushed;
        }
        progress.pushed = outcome.pushed;
        report(progress);
    }
}

// Reads the feed from the stored cursor to its end, applying and committing
// each page. Returns false with outcome.error set when it stops early.
bool pullFeed(SyncConnection& connection, SyncLocal& local, const QString& ownOrganisationId,
              SyncProgress& progress, const ProgressReport& report, SyncOutcome& outcome) {
    auto state = local.state();
    if (!state) {
        outcome.error = state.error();
        return false;
    }
    qint64 cursor = state->cursor;
    while (true) {
        auto page = connection.pull(cursor, pullPageSize);
        if (!page) {
            outcome.error = page.error();
            return false;
        }
        auto applied = local.applyPull(page->entries, page->next, ownOrganisationId);
        if (!applied) {
            outcome.error = applied.error();
            return false;
        }
        outcome.pulled += static_cast<int>(page->entries.size());
        outcome.purged += applied->purged;
        cursor = page->next;

        progress.pulled = outcome.pulled;
        progress.morePull = page->more;
        report(progress);
        if (!page->more)
            return true;
    }
}

// Sends the audit head alone, in a push of no changes, when it has moved
// past anchoredSequence: views, searches and pulled records add events
// without adding to the outbox. Returns false with outcome.error set when
// the push fails.
bool anchorAuditHead(Store& store, SyncConnection& connection, SyncOutcome& outcome, qint64& anchoredSequence) {
    auto head = audit::readAuditHead(store);
    if (!head) {
        outcome.error = head.error();
        return false;
    }
    if (head->sequence <= anchoredSequence)
        return true;
    auto results = connection.push({}, *head);
    if (!results) {
        outcome.error = results.error();
        return false;
    }
    anchoredSequence = head->sequence;
    return true;
}

// Counts what is left after the exchange: open conflicts, rejected changes
// and the outbox, which decide whether the sync was complete.
void summarise(const SyncLocal& local, SyncOutcome& outcome) {
    auto conflicts = local.conflicts(true);
    if (!conflicts) {
        outcome.error = conflicts.error();
        return;
    }
    auto rejected = local.rejected();
    if (!rejected) {
        outcome.error = rejected.error();
        return;
    }
    auto pending = local.pendingCount();
    if (!pending) {
        outcome.error = pending.error();
        return;
    }
    outcome.conflictsOpen = static_cast<int>(conflicts->size());
    outcome.rejected = static_cast<int>(rejected->size());
    outcome.complete = outcome.rejected == 0 && *pending == 0;
}

// Runs one sync over connection: status, push, pull, then the audit head
// when it has moved.
SyncOutcome exchange(Store& store, SyncConnection& connection, SyncLocal& local, const ProgressReport& report,
                     qint64& anchoredSequence) {
    SyncOutcome outcome;
    SyncProgress progress;
    report(progress);

    auto serverStatus = connection.status();
    const QDateTime localTime = QDateTime::currentDateTimeUtc();
    if (!serverStatus) {
        outcome.error = serverStatus.error();
        return outcome;
    }
    outcome.serverTime = serverStatus->serverTime;
    outcome.clockSkewSeconds = serverStatus->serverTime.secsTo(localTime);

    if (auto pending = local.pendingCount(); pending)
        progress.toPush = *pending;
    progress.phase = SyncProgress::Phase::Pushing;
    report(progress);
    if (!pushOutbox(store, connection, local, progress, report, outcome, anchoredSequence))
        return outcome;

    progress.phase = SyncProgress::Phase::Pulling;
    report(progress);
    if (!pullFeed(connection, local, serverStatus->organisation.id, progress, report, outcome))
        return outcome;
    if (!anchorAuditHead(store, connection, outcome, anchoredSequence))
        return outcome;

    summarise(local, outcome);
    progress.phase = SyncProgress::Phase::Done;
    report(progress);
    return outcome;
}

// The text sync_state keeps for a sync that ended without an error but did
// not exchange everything.
QString incompleteReason(Store& store, const SyncOutcome& outcome) {
    if (!sharing::AgreementRegister(store, policy::builtInTrustPublicKey()).state().inForce) {
        return Text::tr("Changes wait on this computer because your organisation has not signed up to the Data "
                        "Sharing Agreement: nothing may be shared until it does. The designated safeguarding lead "
                        "signs up in Help › Policy and Agreement.");
    }
    if (outcome.rejected > 0) {
        return Text::tr("The sync server rejected %n change(s). They stay on this computer until they are "
                        "corrected.",
                        nullptr, outcome.rejected);
    }
    return Text::tr("Changes are still waiting to be sent. Sync again.");
}

} // namespace

SyncEngine::SyncEngine(Store& store, QUuid storeId, keys::Keychain& keychain, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_storeId(storeId)
    , m_keychain(keychain) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::runBackgroundSync);
}

SyncEngine::~SyncEngine() = default;

QDateTime SyncEngine::nextAttemptAt() const {
    if (!m_timer.isActive())
        return {};
    return QDateTime::currentDateTimeUtc().addMSecs(m_timer.remainingTime());
}

void SyncEngine::setStatus(Status status) {
    if (m_status == status)
        return;
    m_status = status;
    emit statusChanged(status);
}

Result<SyncOutcome> SyncEngine::syncNow(const access::Actor& actor) {
    if (m_status == Status::Syncing) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("A sync of this store is already running. Wait for it to finish."));
    }
    if (earlyhelp::Status allowed = access::authorise(actor, access::Action::EditCases); !allowed)
        return std::unexpected(allowed.error());

    auto connection = connectEnrolledStore(m_store, m_storeId, m_keychain, m_caCertificatePath, m_timeout);
    if (!connection) {
        if (connection.error().code == ErrorCode::NotFound)
            setStatus(Status::NotEnrolled);
        return std::unexpected(connection.error());
    }

    setStatus(Status::Syncing);
    SyncLocal local(m_store);
    SyncOutcome outcome =
        exchange(m_store, **connection, local,
                 [this](const SyncProgress& progress) { emit progressChanged(progress); }, m_anchoredSequence);

    // The outcome is reported even when recording it fails, because the
    // changes it counts were committed batch by batch and page by page.
    const QString errorText = outcome.error ? outcome.error->message
                                            : (outcome.complete ? QString() : incompleteReason(m_store, outcome));
    if (earlyhelp::Status recorded = local.recordAttempt(outcome.serverTime, errorText); !recorded) {
        qCWarning(lcSync) << "Recording the sync attempt of store" << m_storeId.toString(QUuid::WithoutBraces)
                          << "failed:" << recorded.error().message;
        if (!outcome.error)
            outcome.error = recorded.error();
        outcome.complete = false;
    }

    if (outcome.error) {
        qCWarning(lcSync) << "Sync of store" << m_storeId.toString(QUuid::WithoutBraces)
                          << "stopped:" << outcome.error->message;
    } else {
        qCInfo(lcSync) << "Sync of store" << m_storeId.toString(QUuid::WithoutBraces) << "pushed"
                       << outcome.pushed << "pulled" << outcome.pulled << "purged" << outcome.purged
                       << "rejected" << outcome.rejected << "open conflicts" << outcome.conflictsOpen;
    }

    m_lastOutcome = outcome;
    // A background sync sets the status itself once it has scheduled the
    // next attempt.
    if (!m_running)
        setStatus(outcome.error ? Status::Failed : Status::Idle);
    emit syncFinished(outcome);
    return outcome;
}

void SyncEngine::start(const access::Actor& actor, std::chrono::seconds interval) {
    m_backgroundActor = actor;
    m_interval = std::max(interval, std::chrono::seconds(1));
    m_retryDelay = std::chrono::seconds(0);
    qCInfo(lcSync) << "Background sync of store" << m_storeId.toString(QUuid::WithoutBraces)
                   << "started, every" << m_interval.count() << "s";
    m_timer.start(0);
}

void SyncEngine::stop() {
    if (m_backgroundActor)
        qCInfo(lcSync) << "Background sync of store" << m_storeId.toString(QUuid::WithoutBraces) << "stopped";
    m_backgroundActor.reset();
    m_timer.stop();
    if (m_status == Status::WaitingToRetry)
        setStatus(Status::Idle);
}

void SyncEngine::runBackgroundSync() {
    if (!m_backgroundActor)
        return;
    // A sync started with syncNow() is running: try again after the interval.
    if (m_status == Status::Syncing) {
        m_timer.start(m_interval);
        return;
    }

    m_running = true;
    const Result<SyncOutcome> outcome = syncNow(*m_backgroundActor);
    m_running = false;
    // stop() may have run while the sync waited for the server.
    if (!m_backgroundActor)
        return;

    if (!outcome) {
        qCWarning(lcSync) << "Background sync of store" << m_storeId.toString(QUuid::WithoutBraces)
                          << "could not start:" << outcome.error().message;
        // An enrolment may still come, so the engine keeps checking. A
        // missing permission or credential needs a person, so it stops.
        if (outcome.error().code == ErrorCode::NotFound) {
            setStatus(Status::NotEnrolled);
            m_timer.start(m_interval);
        } else {
            setStatus(Status::Failed);
        }
        return;
    }
    if (outcome->error) {
        m_retryDelay = m_retryDelay.count() == 0 ? firstRetryDelay : std::min(m_retryDelay * 2, longestRetryDelay);
        qCInfo(lcSync) << "Background sync of store" << m_storeId.toString(QUuid::WithoutBraces)
                       << "retries in" << m_retryDelay.count() << "s";
        m_timer.start(m_retryDelay);
        setStatus(Status::WaitingToRetry);
        return;
    }
    m_retryDelay = std::chrono::seconds(0);
    m_timer.start(m_interval);
    setStatus(Status::Idle);
}

} // namespace earlyhelp::sync
