// The status bar's sync area: the text and tooltip for each engine status,
// the conflicts button and the clock warning.

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include "ui/syncstatuswidget.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;
using EngineStatus = sync::SyncEngine::Status;
using Phase = sync::SyncProgress::Phase;

Q_DECLARE_METATYPE(earlyhelp::ui::SyncStatusSnapshot)

namespace {

// 05/12/2026 10:32 and 10:40 in local time, as UTC for the snapshot.
QDateTime localUtc(int hour, int minute)
{
    return QDateTime(QDate(2026, 12, 5), QTime(hour, minute)).toUTC();
}

sync::SyncProgress progress(Phase phase, int pushed, int toPush, int pulled)
{
    sync::SyncProgress value;
    value.phase = phase;
    value.pushed = pushed;
    value.toPush = toPush;
    value.pulled = pulled;
    return value;
}

} // namespace

class TestSyncStatus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void statusLine_data();
    void statusLine();
    void conflictsButton();
    void clockWarning_data();
    void clockWarning();
};

void TestSyncStatus::initTestCase()
{
    installTranslations(*QCoreApplication::instance());
}

void TestSyncStatus::statusLine_data()
{
    QTest::addColumn<SyncStatusSnapshot>("snapshot");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("toolTipPart");

    SyncStatusSnapshot notEnrolled;
    QTest::newRow("not enrolled") << notEnrolled << u"Sync off"_s << u"not enrolled"_s;

    SyncStatusSnapshot synced;
    synced.status = EngineStatus::Idle;
    synced.lastCompleteAt = localUtc(10, 32);
    QTest::newRow("idle after a complete sync") << synced << u"Synced 05/12/2026 10:32"_s << u"Sync Now (F9)"_s;

    SyncStatusSnapshot never;
    never.status = EngineStatus::Idle;
    QTest::newRow("idle, never synced") << never << u"Not synced yet"_s << u"Sync Now (F9)"_s;

    SyncStatusSnapshot incomplete = synced;
    incomplete.lastError = u"The server rejected 2 changes."_s;
    QTest::newRow("idle after an incomplete sync")
        << incomplete << u"Sync incomplete, last complete 05/12/2026 10:32"_s << u"rejected 2 changes"_s;

    SyncStatusSnapshot connecting;
    connecting.status = EngineStatus::Syncing;
    connecting.progress = progress(Phase::Connecting, 0, 0, 0);
    QTest::newRow("connecting") << connecting << u"Syncing…"_s << u"Sending"_s;

    SyncStatusSnapshot pushing = connecting;
    pushing.progress = progress(Phase::Pushing, 40, 200, 0);
    QTest::newRow("pushing") << pushing << u"Syncing… 40 of 200"_s << u"Sending"_s;

    SyncStatusSnapshot pulling = connecting;
    pulling.progress = progress(Phase::Pulling, 200, 200, 12);
    QTest::newRow("pulling") << pulling << u"Syncing… 12 received"_s << u"Sending"_s;

    SyncStatusSnapshot waiting;
    waiting.status = EngineStatus::WaitingToRetry;
    waiting.nextAttemptAt = localUtc(10, 40);
    waiting.lastError = u"The sync server 127.0.0.1:8443 could not be reached."_s;
    QTest::newRow("waiting to retry") << waiting << u"Offline: retrying at 10:40"_s
                                      << u"could not be reached"_s;

    SyncStatusSnapshot failed;
    failed.status = EngineStatus::Failed;
    failed.lastError = u"The OS keychain has no device credential."_s;
    QTest::newRow("failed") << failed << u"Sync failed"_s << u"no device credential"_s;
}

void TestSyncStatus::statusLine()
{
    QFETCH(SyncStatusSnapshot, snapshot);
    QFETCH(QString, text);
    QFETCH(QString, toolTipPart);

    SyncStatusWidget widget;
    widget.setSnapshot(snapshot);
    auto* label = child<QLabel>(&widget, u"syncStatusLabel"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), text);
    QVERIFY2(label->toolTip().contains(toolTipPart), qUtf8Printable(label->toolTip()));
    QVERIFY(child<QToolButton>(&widget, u"syncConflictsToolButton"_s)->isHidden());
}

void TestSyncStatus::conflictsButton()
{
    SyncStatusWidget widget;
    SyncStatusSnapshot snapshot;
    snapshot.status = EngineStatus::Idle;
    snapshot.lastCompleteAt = localUtc(10, 32);
    snapshot.openConflicts = 2;
    widget.setSnapshot(snapshot);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    auto* button = child<QToolButton>(&widget, u"syncConflictsToolButton"_s);
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), u"2 conflicts"_s);

    QSignalSpy requested(&widget, &SyncStatusWidget::conflictsRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);

    snapshot.openConflicts = 1;
    widget.setSnapshot(snapshot);
    QCOMPARE(button->text(), u"1 conflict"_s);

    snapshot.openConflicts = 0;
    widget.setSnapshot(snapshot);
    QVERIFY(!button->isVisible());
}

void TestSyncStatus::clockWarning_data()
{
    QTest::addColumn<qint64>("skewSeconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("in step") << qint64(0) << QString();
    QTest::newRow("exactly five minutes behind") << qint64(-300) << QString();
    QTest::newRow("twelve minutes behind")
        << qint64(-12 * 60) << u"This computer's clock is 12 minutes behind the server's. Check the date and "
                               u"time settings."_s;
    QTest::newRow("six minutes ahead")
        << qint64(6 * 60 + 10) << u"This computer's clock is 6 minutes ahead of the server's. Check the date "
                                  u"and time settings."_s;
}

void TestSyncStatus::clockWarning()
{
    QFETCH(qint64, skewSeconds);
    QFETCH(QString, expected);

    SyncStatusWidget widget;
    SyncStatusSnapshot snapshot;
    snapshot.status = EngineStatus::Idle;
    snapshot.clockSkewSeconds = skewSeconds;
    widget.setSnapshot(snapshot);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));

    auto* label = child<QLabel>(&widget, u"syncClockSkewLabel"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), expected);
    QCOMPARE(label->isVisible(), !expected.isEmpty());
}

QTEST_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"
