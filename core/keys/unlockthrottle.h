#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>
#include <functional>

namespace earlyhelp::keys {

// Slows down passphrase guessing: counts consecutive wrong passphrases per
// key file, in memory only, and makes the next attempt wait.
//
// Schedule: no wait after the first three failures, then 1 s after the
// fourth, 2 s after the fifth, 4 s, 8 s, 16 s and 30 s from the ninth on.
// The wait counts from the last failure, so time the user spends typing
// counts towards it. A correct passphrase resets the count. The counts live
// as long as the process, so restarting the app resets them. An attacker
// with a copy of the key file is slowed by the Argon2 cost alone.
//
// Thread-safe. waitBeforeAttempt() blocks the calling thread, so a GUI
// should show remainingDelay() and unlock with a passphrase from a worker
// thread, or accept a frozen window for up to 30 s.
class UnlockThrottle {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using Sleeper = std::function<void(std::chrono::milliseconds)>;

    // Uses std::chrono::steady_clock and std::this_thread::sleep_for.
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

    void recordFailure(const QString& keyFilePath);
    void recordSuccess(const QString& keyFilePath);
    [[nodiscard]] int consecutiveFailures(const QString& keyFilePath) const;

private:
    struct Entry {
        int failures = 0;
        std::chrono::steady_clock::time_point lastFailure;
    };

    Clock m_clock;
    Sleeper m_sleeper;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace earlyhelp::keys
