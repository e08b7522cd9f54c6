#include "keys/unlockthrottle.h"

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
    : UnlockThrottle([] { return std::chrono::steady_clock::now(); },
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

std::chrono::milliseconds UnlockThrottle::remainingDelay(const QString& keyFilePath) const
{
    QMutexLocker locker(&m_mutex);
    const auto found = m_entries.constFind(keyFilePath);
    if (found == m_entries.cend())
        return std::chrono::milliseconds(0);

    const std::chrono::milliseconds delay = delayAfterFailures(found->failures);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(m_clock() - found->lastFailure);
    if (elapsed >= delay)
        return std::chrono::milliseconds(0);
    return delay - elapsed;
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
    QMutexLocker locker(&m_mutex);
    return m_entries.value(keyFilePath).failures;
}

} // namespace earlyhelp::keys
