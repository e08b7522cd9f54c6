#include "keys/unlockthrottle.h"

#include <QTest>

#include <chrono>
#include <vector>

using earlyhelp::keys::UnlockThrottle;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand and a sleeper that records each request
// and moves the clock, so the throttle observes the time passing.
struct FakeTime {
    std::chrono::system_clock::time_point now{std::chrono::hours(1)};
    std::vector<std::chrono::milliseconds> sleeps;

    UnlockThrottle makeThrottle()
    {
        return UnlockThrottle([this] { return now; },
            [this](std::chrono::milliseconds delay) {
                sleeps.push_back(delay);
                now += delay;
            });
    }
};

const QString keyFile = QStringLiteral("/stores/school.db.keys");

} // namespace

class TestUnlockThrottle : public QObject {
    Q_OBJECT

private slots:
    void delayAfterFailures_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("milliseconds");
        QTest::newRow("none") << 0 << qint64(0);
        QTest::newRow("first") << 1 << qint64(0);
        QTest::newRow("third") << 3 << qint64(0);
        QTest::newRow("fourth") << 4 << qint64(1000);
        QTest::newRow("fifth") << 5 << qint64(2000);
        QTest::newRow("sixth") << 6 << qint64(4000);
        QTest::newRow("seventh") << 7 << qint64(8000);
        QTest::newRow("eighth") << 8 << qint64(16000);
        QTest::newRow("ninth reaches the cap") << 9 << qint64(30000);
        QTest::newRow("twentieth") << 20 << qint64(30000);
        QTest::newRow("very many") << 1'000'000 << qint64(30000);
    }

    void delayAfterFailures()
    {
        QFETCH(int, failures);
        QFETCH(qint64, milliseconds);
        QCOMPARE(UnlockThrottle::delayAfterFailures(failures).count(), milliseconds);
    }

    void firstThreeFailuresDoNotWait()
    {
        FakeTime time;
        UnlockThrottle throttle = time.makeThrottle();
        for (int i = 0; i < 3; ++i) {
            throttle.waitBeforeAttempt(keyFile);
            throttle.recordFailure(keyFile);
        }
        throttle.waitBeforeAttempt(keyFile);
        QVERIFY(time.sleeps.empty());
        QCOMPARE(throttle.consecutiveFailures(keyFile), 3);
    }

    void scheduleGrowsWithFailures()
    {
        FakeTime time;
        UnlockThrottle throttle = time.makeThrottle();
        for (int i = 0; i < 10; ++i) {
            throttle.waitBeforeAttempt(keyFile);
            throttle.recordFailure(keyFile);
        }
        throttle.waitBeforeAttempt(keyFile);
        const std::vector<std::chrono::milliseconds> expected{1s, 2s, 4s, 8s, 16s, 30s, 30s};
        QCOMPARE(time.sleeps, expected);
    }

    void waitCountsFromLastFailure()
    {
        FakeTime time;
        UnlockThrottle throttle = time.makeThrottle();
        for (int i = 0; i < 4; ++i)
            throttle.recordFailure(keyFile);
        QCOMPARE(throttle.remainingDelay(keyFile), 1000ms);

        time.now += 300ms;
        QCOMPARE(throttle.remainingDelay(keyFile), 700ms);
        throttle.waitBeforeAttempt(keyFile);
        QCOMPARE(time.sleeps, std::vector<std::chrono::milliseconds>{700ms});

        time.now += 5s;
        QCOMPARE(throttle.remainingDelay(keyFile), 0ms);
    }

    void successResetsCount()
    {
        FakeTime time;
        UnlockThrottle throttle = time.makeThrottle();
        for (int i = 0; i < 6; ++i)
            throttle.recordFailure(keyFile);
        throttle.recordSuccess(keyFile);
        QCOMPARE(throttle.consecutiveFailures(keyFile), 0);
        throttle.waitBeforeAttempt(keyFile);
        QVERIFY(time.sleeps.empty());
    }

    void countsArePerKeyFile()
    {
        FakeTime time;
        UnlockThrottle throttle = time.makeThrottle();
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(keyFile);
        const QString otherKeyFile = QStringLiteral("/stores/other.db.keys");
        QCOMPARE(throttle.consecutiveFailures(otherKeyFile), 0);
        QCOMPARE(throttle.remainingDelay(otherKeyFile), 0ms);
        QCOMPARE(throttle.remainingDelay(keyFile), 2000ms);
    }
};

QTEST_GUILESS_MAIN(TestUnlockThrottle)
#include "tst_keys_unlockthrottle.moc"
