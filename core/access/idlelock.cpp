#include "access/idlelock.h"

#include "access/logging.h"

#include <QCoreApplication>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <time.h>
#endif

namespace earlyhelp::access {

namespace {

// Time since boot including sleep where the system offers it. Only
// differences between two readings are used, so the epoch does not matter.
std::chrono::steady_clock::time_point systemClock() {
#ifdef Q_OS_LINUX
    timespec now{};
    if (clock_gettime(CLOCK_BOOTTIME, &now) == 0) {
        const auto sinceBoot = std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
        return std::chrono::steady_clock::time_point(
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(sinceBoot));
    }
#endif
    // NOTE: std::chrono::steady_clock may stop while the computer sleeps (it
    // does on macOS), so there the idle time excludes sleep and the lock
    // relies on sessionLocked() being called at sleep.
    return std::chrono::steady_clock::now();
}

} // namespace

IdleLock::IdleLock(QObject* parent)
    : IdleLock(systemClock, parent) {}

IdleLock::IdleLock(Clock clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock)) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::checkIdle);
}

Status IdleLock::setIdleTime(std::chrono::minutes idleTime) {
    if (idleTime < minimumIdleTime || idleTime > maximumIdleTime) {
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "earlyhelp::access::IdleLock",
                "The idle time of %1 minutes is outside the allowed range. Choose from %2 to %3 minutes.")
                .arg(idleTime.count())
                .arg(minimumIdleTime.count())
                .arg(maximumIdleTime.count()));
    }
    m_idleTime = idleTime;
    qCInfo(lcAccess) << "Idle lock time set to" << idleTime.count() << "minutes";
    if (m_watching)
        checkIdle();
    return {};
}

std::chrono::minutes IdleLock::boundedIdleTime(std::chrono::minutes idleTime) {
    return std::clamp(idleTime, minimumIdleTime, maximumIdleTime);
}

void IdleLock::start() {
    m_watching = true;
    m_lastActivity = m_clock();
    scheduleCheck();
}

void IdleLock::stop() {
    m_watching = false;
    m_timer.stop();
}

std::chrono::milliseconds IdleLock::remainingTime() const {
    if (!m_watching)
        return std::chrono::milliseconds::zero();
    const auto idleFor = m_clock() - m_lastActivity;
    const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(m_idleTime - idleFor);
    return std::max(remaining, std::chrono::milliseconds::zero());
}

void IdleLock::noteActivity() {
    if (!m_watching)
        return;
    if (remainingTime() == std::chrono::milliseconds::zero()) {
        requestLock("the idle time passed before this activity");
        return;
    }
    // The timer is not restarted here, because activity arrives with every
    // key press and mouse move; checkIdle() re-arms it for the time left.
    m_lastActivity = m_clock();
}

void IdleLock::sessionLocked() {
    if (m_watching)
        requestLock("the operating system session locked");
}

void IdleLock::checkIdle() {
    if (!m_watching)
        return;
    if (remainingTime() == std::chrono::milliseconds::zero())
        requestLock("the idle time passed");
    else
        scheduleCheck();
}

void IdleLock::requestLock(const char* reason) {
    stop();
    qCInfo(lcAccess).nospace() << "Lock requested because " << reason << " (idle time " << m_idleTime.count()
                               << " minutes)";
    emit lockRequested();
}

void IdleLock::scheduleCheck() {
    m_timer.start(remainingTime());
}

} // namespace earlyhelp::access
