#include "keys/unlockthrottle.h"

#include "keys/failedunlockjournal.h"

#include <QMutexLocker>

#include <algorithm>
#include <cstdint>
#include <thread>

namespace earlyhelp::keys {

namespace {

constexpr int failuresWithoutDelay = 3;
constexpr std::chrono::milliseconds firstDelay = std::chrono::seconds(1);
constexpr std::chrono::milliseconds maximumDelay = std::chrono::seconds(30);

} // namespace

UnlockThrottle::UnlockThrottle()
    : UnlockThrottle([] { return std::chrono::system_clock::now(); },
          [](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); })
{
}

UnlockThrottle::UnlockThrottle(Clock clock, Sleeper sleeper)
    : m_clock(std::move(clock))
    , m_sleeper(std::move(sleeper))
{
}

UnlockThrottle& UnlockThrottle::processWide()
{
    static UnlockThrottle throttle;
    return throttle;
}

std::chrono::milliseconds UnlockThrottle::delayAfterFailures(int consecutiveFailures)
{
    if (consecutiveFailures <= failuresWithoutDelay)
        return std::chrono::milliseconds(0);
    // Doubling from 1 s; the shift stops growing long before it could
    // overflow because the result is capped at 30 s.
    const int doublings = std::min(consecutiveFailures - failuresWithoutDelay - 1, 16);
    const std::chrono::milliseconds delay = firstDelay * (std::int64_t(1) << doublings);
    return std::min(delay, maximumDelay);
}

UnlockThrottle::Entry UnlockThrottle::combinedEntry(const QString& keyFilePath) const
{
    Entry combined;
    {
        QMutexLocker locker(&m_mutex);
        combined = m_entries.value(keyFilePath);
    }

    // An unreadable journal leaves the in-memory count; the unlock that
    // follows reports the journal's error when it moves the records.
    const Result<JournalSnapshot> journal = FailedUnlockJournal(keyFilePath).read();
    if (!journal)
        return combined;
    const RecentFailures recent = FailedUnlockJournal::recentFailures(*journal);
    if (recent.count > combined.failures)
        combined.failures = recent.count;
    if (recent.last.isValid()) {
        const std::chrono::system_clock::time_point last{std::chrono::milliseconds(recent.last.toMSecsSinceEpoch())};
        if (last > combined.lastFailure)
            combined.lastFailure = last;
    }
    return combined;
}

std::chrono::milliseconds UnlockThrottle::remainingDelay(const QString& keyFilePath) const
{
    const Entry entry = combinedEntry(keyFilePath);
    if (entry.failures == 0)
        return std::chrono::milliseconds(0);

    const std::chrono::milliseconds delay = delayAfterFailures(entry.failures);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock() - entry.lastFailure);
    if (elapsed >= delay)
        return std::chrono::milliseconds(0);
    // A failure dated after now (the wall clock was set back) waits the
    // scheduled delay, not more.
    if (elapsed < std::chrono::milliseconds(0))
        return delay;
    return delay - elapsed;
}

QDateTime UnlockThrottle::now() const
{
    const auto sinceEpoch = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock().time_since_epoch());
    return QDateTime::fromMSecsSinceEpoch(sinceEpoch.count(), Qt::UTC);
}

void UnlockThrottle::waitBeforeAttempt(const QString& keyFilePath)
{
    const std::chrono::milliseconds remaining = remainingDelay(keyFilePath);
    if (remaining > std::chrono::milliseconds(0))
        m_sleeper(remaining);
}

void UnlockThrottle::recordFailure(const QString& keyFilePath)
{
    QMutexLocker locker(&m_mutex);
    Entry& entry = m_entries[keyFilePath];
    ++entry.failures;
    entry.lastFailure = m_clock();
}

void UnlockThrottle::recordSuccess(const QString& keyFilePath)
{
    QMutexLocker locker(&m_mutex);
    m_entries.remove(keyFilePath);
}

int UnlockThrottle::consecutiveFailures(const QString& keyFilePath) const
{
    return combinedEntry(keyFilePath).failures;
}

} // namespace earlyhelp::keys
