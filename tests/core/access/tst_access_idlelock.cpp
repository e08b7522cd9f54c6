#include "access/idlelock.h"

#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <memory>

using namespace earlyhelp;
using namespace earlyhelp::access;
using namespace std::chrono_literals;

class TestIdleLock : public QObject {
    Q_OBJECT

private:
    // A clock the test moves by hand. The lock's QTimer is never waited
    // for; the test calls checkIdle() where the timer would.
    std::chrono::steady_clock::time_point m_now{std::chrono::hours(1)};
    std::unique_ptr<IdleLock> m_lock;

private slots:
    void init() {
        m_now = std::chrono::steady_clock::time_point{std::chrono::hours(1)};
        m_lock = std::make_unique<IdleLock>([this] { return m_now; });
    }

    void cleanup() { m_lock.reset(); }

    void locksAfterIdleTime_data() {
        QTest::addColumn<int>("minutes");
        QTest::newRow("default") << 0;
        QTest::newRow("minimum") << 1;
        QTest::newRow("ten minutes") << 10;
        QTest::newRow("maximum") << 60;
    }

    void locksAfterIdleTime() {
        QFETCH(int, minutes);
        if (minutes != 0)
            QVERIFY(m_lock->setIdleTime(std::chrono::minutes(minutes)));
        const auto idleTime = minutes == 0 ? IdleLock::defaultIdleTime : std::chrono::minutes(minutes);
        QSignalSpy locked(m_lock.get(), &IdleLock::lockRequested);
        m_lock->start();

        m_now += idleTime - 1s;
        m_lock->checkIdle();
        QCOMPARE(locked.count(), 0);
        QCOMPARE(m_lock->remainingTime(), std::chrono::milliseconds(1s));

        m_now += 1s;
        m_lock->checkIdle();
        QCOMPARE(locked.count(), 1);
        QVERIFY(!m_lock->isWatching());
    }

    void defaultIdleTimeIsFiveMinutes() { QCOMPARE(m_lock->idleTime(), 5min); }

    void locksOnlyOnce() {
        QSignalSpy locked(m_lock.get(), &IdleLock::lockRequested);
        m_lock->start();

        m_now += 10min;
        m_lock->checkIdle();
        m_lock->checkIdle();
        m_lock->noteActivity();
        m_lock->sessionLocked();
        QCOMPARE(locked.count(), 1);
    }

    void activityResetsIdleTime() {
        QSignalSpy locked(m_lock.get(), &IdleLock::lockRequested);
        m_lock->start();

        m_now += 4min;
        m_lock->noteActivity();
        m_now += 4min;
        m_lock->checkIdle();
        QCOMPARE(locked.count(), 0);
        QCOMPARE(m_lock->remainingTime(), std::chrono::milliseconds(1min));

        m_now += 1min;
        m_lock->checkIdle();
        QCOMPARE(locked.count(), 1);
    }

    void activityAfterIdleTimeLocks() {
        // As after the computer slept: the timer was late and the first
        // event is user input.
        QSignalSpy locked(m_lock.get(), &IdleLock::lockRequested);
        m_lock->start();

        m_now += 2h;
        m_lock->noteActivity();
        QCOMPARE(locked.count(), 1);
    }

    void sessionLockLocksAtOnce() {
        QSignalSpy locked(m_lock.get(), &IdleLock::lockRequested);
        m_lock->start();

        m_lock->sessionLocked();
        QCOMPARE(locked.count(), 1);
        QVERIFY(!m_lock->isWatching());
    }

    void stoppedLockNeverRequests() {
        QSignalSpy locked(m_lock.get(), &IdleLock::lockRequested);
        m_lock->start();
        m_lock->stop();

        m_now += 2h;
        m_lock->checkIdle();
        m_lock->noteActivity();
        m_lock->sessionLocked();
        QCOMPARE(locked.count(), 0);
        QCOMPARE(m_lock->remainingTime(), std::chrono::milliseconds::zero());
    }

    void restartAfterLockWatchesAgain() {
        QSignalSpy locked(m_lock.get(), &IdleLock::lockRequested);
        m_lock->start();
        m_lock->sessionLocked();
        m_lock->start();

        m_now += 5min;
        m_lock->checkIdle();
        QCOMPARE(locked.count(), 2);
    }

    void changedIdleTimeApplies_data() {
        QTest::addColumn<int>("newMinutes");
        QTest::addColumn<int>("minutesIdle");
        QTest::addColumn<bool>("lockExpected");
        QTest::newRow("shorter time passed") << 2 << 3 << true;
        QTest::newRow("shorter time not passed") << 2 << 1 << false;
        QTest::newRow("longer time not passed") << 15 << 10 << false;
    }

    void changedIdleTimeApplies() {
        QFETCH(int, newMinutes);
        QFETCH(int, minutesIdle);
        QFETCH(bool, lockExpected);
        QSignalSpy locked(m_lock.get(), &IdleLock::lockRequested);
        m_lock->start();

        m_now += std::chrono::minutes(minutesIdle);
        QVERIFY(m_lock->setIdleTime(std::chrono::minutes(newMinutes)));
        m_lock->checkIdle();
        QCOMPARE(locked.count(), lockExpected ? 1 : 0);
        if (!lockExpected)
            QCOMPARE(m_lock->remainingTime(),
                     std::chrono::milliseconds(std::chrono::minutes(newMinutes - minutesIdle)));
    }

    void idleTimeOutsideRangeRejected_data() {
        QTest::addColumn<int>("minutes");
        QTest::newRow("zero") << 0;
        QTest::newRow("negative") << -5;
        QTest::newRow("above maximum") << 61;
    }

    void idleTimeOutsideRangeRejected() {
        QFETCH(int, minutes);

        const Status set = m_lock->setIdleTime(std::chrono::minutes(minutes));
        QVERIFY(!set.has_value());
        QCOMPARE(set.error().code, ErrorCode::InvalidInput);
        QCOMPARE(m_lock->idleTime(), IdleLock::defaultIdleTime);
    }

    void storedIdleTimeBounded_data() {
        QTest::addColumn<int>("stored");
        QTest::addColumn<int>("bounded");
        QTest::newRow("zero") << 0 << 1;
        QTest::newRow("in range") << 20 << 20;
        QTest::newRow("too long") << 600 << 60;
    }

    void storedIdleTimeBounded() {
        QFETCH(int, stored);
        QFETCH(int, bounded);
        QCOMPARE(IdleLock::boundedIdleTime(std::chrono::minutes(stored)), std::chrono::minutes(bounded));
    }
};

QTEST_GUILESS_MAIN(TestIdleLock)
#include "tst_access_idlelock.moc"
