#include "ratelimiter.h"

#include <QMutexLocker>

#include <algorithm>
#include <cmath>

namespace earlyhelp::server {

RateLimiter::RateLimiter(double ratePerSecond, int burst)
    : m_ratePerSecond(ratePerSecond)
    , m_burst(std::max(1, burst)) {}

int RateLimiter::acquire(const QString& key, Clock::time_point now) {
    const QMutexLocker locker(&m_mutex);
    auto found = m_buckets.find(key);
    if (found == m_buckets.end())
        found = m_buckets.insert(key, Bucket{double(m_burst), now});

    Bucket& bucket = found.value();
    const double elapsedSeconds = std::chrono::duration<double>(now - bucket.updated).count();
    if (elapsedSeconds > 0) {
        bucket.tokens = std::min(double(m_burst), bucket.tokens + elapsedSeconds * m_ratePerSecond);
        bucket.updated = now;
    }
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - bucket.tokens) / m_ratePerSecond)));
}

} // namespace earlyhelp::server
