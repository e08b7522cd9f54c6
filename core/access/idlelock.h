#pragma once

#include "common/result.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace earlyhelp::access {

// Decides when the app locks: after a set idle time without user activity,
// and at once when the operating system locks the session. It only emits
// lockRequested(), and the app then closes the store, wipes the key and hides
// case data.
//
// The UI calls noteActivity() on user input and connects the OS session
// lock to sessionLocked(). On Linux the D-Bus signals for that are
// ActiveChanged(true) of org.freedesktop.ScreenSaver, Lock of
// org.freedesktop.login1.Session and PrepareForSleep(true) of
// org.freedesktop.login1.Manager. The app connects them, not this class.
//
// Time comes from an injectable clock. A single-shot QTimer calls
// checkIdle() when the idle time should have passed, and checkIdle() reads
// the clock, so tests move a fake clock and call checkIdle() instead of
// waiting. The default clock on Linux is CLOCK_BOOTTIME, which keeps counting
// while the computer sleeps, so the first activity after a resume locks
// when the idle time passed during sleep.
//
// Lives in one thread, normally the GUI thread. The caller stores the idle
// time between runs and passes it to setIdleTime().
class IdleLock : public QObject {
    Q_OBJECT

public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    static constexpr std::chrono::minutes defaultIdleTime{5};
    static constexpr std::chrono::minutes minimumIdleTime{1};
    static constexpr std::chrono::minutes maximumIdleTime{60};

    // Uses the default clock.
    explicit IdleLock(QObject* parent = nullptr);
    // Uses clock, so tests can pass a fake one.
    explicit IdleLock(Clock clock, QObject* parent = nullptr);

    // Sets the idle time after which the lock is requested. InvalidInput
    // outside minimumIdleTime to maximumIdleTime, and the old time stays.
    // While watching, the new time counts from the last activity.
    [[nodiscard]] Status setIdleTime(std::chrono::minutes idleTime);
    [[nodiscard]] std::chrono::minutes idleTime() const { return m_idleTime; }

    // Clamps a stored idle time to the accepted range, for settings written
    // by hand or by an older version.
    [[nodiscard]] static std::chrono::minutes boundedIdleTime(std::chrono::minutes idleTime);

    // Starts watching, counting from now: call it after each unlock.
    void start();
    // Stops watching without requesting a lock, for example when the user
    // locks the app by hand.
    void stop();
    // True between start() and stop() or the lock request.
    [[nodiscard]] bool isWatching() const { return m_watching; }

    // Time left before the lock is requested, or zero when not watching.
    [[nodiscard]] std::chrono::milliseconds remainingTime() const;

public slots:
    // Records user activity. When the idle time had already passed (the
    // timer was late, or the computer slept), requests the lock instead.
    void noteActivity();
    // Requests the lock at once, for an OS session lock or sleep.
    void sessionLocked();
    // Requests the lock when the idle time has passed. Otherwise it sets the
    // timer for the time left.
    void checkIdle();

signals:
    // Emitted once per start(): watching stops until start() is called again.
    void lockRequested();

private:
    void requestLock(const char* reason);
    void scheduleCheck();

    Clock m_clock;
    QTimer m_timer;
    std::chrono::minutes m_idleTime = defaultIdleTime;
    std::chrono::steady_clock::time_point m_lastActivity;
    bool m_watching = false;
};

} // namespace earlyhelp::access
