#pragma once

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>
#include <functional>

namespace earlyhelp::keys {

// Slows down passphrase guessing: counts consecutive wrong passphrases per
// key file and makes the next attempt wait.
//
// Schedule: no wait after the first three failures, then 1 s after the
// fourth, 2 s after the fifth, 4 s, 8 s, 16 s and 30 s from the ninth on.
// The wait counts from the last failure, so time the user spends typing
// counts towards it. A correct passphrase resets the count.
//
// The count is the larger of this object's own count and the failures in the
// key file's failed-unlock journal (failedunlockjournal.h) since its last
// success marker, so the wait survives restarts of the app and runs of
// earlyhelp-cli. The journal dates failures in UTC, so the clock is the wall
// clock; a failure dated in the future waits the scheduled delay, no longer.
// An attacker with a copy of the key file is slowed by the Argon2 cost alone.
//
// Thread-safe. waitBeforeAttempt() blocks the calling thread, so a GUI
// should show remainingDelay() and unlock with a passphrase from a worker
// thread, or accept a frozen window for up to 30 s.
class UnlockThrottle {
public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;
    using Sleeper = std::function<void(std::chrono::milliseconds)>;

    // Uses std::chrono::system_clock and std::this_thread::sleep_for.
    UnlockThrottle();
    // Uses the given clock and sleeper; tests pass fakes so they never sleep.
    UnlockThrottle(Clock clock, Sleeper sleeper);

    UnlockThrottle(const UnlockThrottle&) = delete;
    UnlockThrottle& operator=(const UnlockThrottle&) = delete;

    // The throttle that key files use unless their options name another.
    [[nodiscard]] static UnlockThrottle& processWide();

    // Wait before the next attempt after the given number of consecutive
    // failures.
    [[nodiscard]] static std::chrono::milliseconds delayAfterFailures(int consecutiveFailures);

    // Time left before the next attempt on the key file at keyFilePath may
    // start; zero when it may start now.
    [[nodiscard]] std::chrono::milliseconds remainingDelay(const QString& keyFilePath) const;

    // Sleeps for remainingDelay(keyFilePath), if any.
    void waitBeforeAttempt(const QString& keyFilePath);

    // The current time by this throttle's clock, in UTC. KeyFile dates its
    // journal records with it, so that a test clock moves both.
    [[nodiscard]] QDateTime now() const;

    // Count a failure or a success in memory. KeyFile writes the journal
    // record itself, because the record is sealed to the key file's failure key.
    void recordFailure(const QString& keyFilePath);
    void recordSuccess(const QString& keyFilePath);
    [[nodiscard]] int consecutiveFailures(const QString& keyFilePath) const;

private:
    struct Entry {
        int failures = 0;
        std::chrono::system_clock::time_point lastFailure;
    };

    // The in-memory entry combined with the journal's failures since its
    // last success marker.
    [[nodiscard]] Entry combinedEntry(const QString& keyFilePath) const;

    Clock m_clock;
    Sleeper m_sleeper;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace earlyhelp::keys
