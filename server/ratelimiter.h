#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <chrono>

namespace earlyhelp::server {

// A token bucket per key (a device id, or a client address for enrolment).
// Each request takes one token, and tokens come back at ratePerSecond up to
// burst. Thread-safe.
//
// NOTE: the buckets live in this process, so several server instances behind
// one load balancer each allow the full rate. A shared limit needs the
// buckets in the database or a shared cache.
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double ratePerSecond, int burst);

    // Takes a token for key at time now. Returns 0 when the request may go
    // ahead, or else the whole seconds to wait before a token is back.
    [[nodiscard]] int acquire(const QString& key, Clock::time_point now = Clock::now());

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };

    double m_ratePerSecond;
    int m_burst;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace earlyhelp::server
