#include "syncstatuswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include <cmath>

#include "displaytext.h"
#include "formfields.h"

namespace earlyhelp::ui {

namespace {

QString localTime(const QDateTime& utc)
{
    return utc.toLocalTime().toString(QStringLiteral("HH:mm"));
}

QString localDateTime(const QDateTime& utc)
{
    const QDateTime local = utc.toLocalTime();
    return displayDate(local.date()) + u' ' + local.toString(QStringLiteral("HH:mm"));
}

} // namespace

SyncStatusWidget::SyncStatusWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("syncStatusWidget"));

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("syncStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);

    m_conflictsButton = new QToolButton(this);
    m_conflictsButton->setObjectName(QStringLiteral("syncConflictsToolButton"));
    m_conflictsButton->setAutoRaise(true);
    m_conflictsButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_conflictsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_conflictsButton->setToolTip(tr("Show the conflicts that wait for your choice (Tools › Conflicts…)"));
    m_conflictsButton->hide();
    connect(m_conflictsButton, &QToolButton::clicked, this, &SyncStatusWidget::conflictsRequested);

    m_clockLabel = new QLabel(this);
    m_clockLabel->setObjectName(QStringLiteral("syncClockSkewLabel"));
    m_clockLabel->setTextFormat(Qt::PlainText);
    m_clockLabel->setStyleSheet(inlineErrorStyleSheet());
    m_clockLabel->hide();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_clockLabel);
    layout->addWidget(m_conflictsButton);
    layout->addWidget(m_statusLabel);

    setSnapshot({});
}

void SyncStatusWidget::setSnapshot(const SyncStatusSnapshot& snapshot)
{
    m_statusLabel->setText(statusText(snapshot));
    m_statusLabel->setToolTip(statusToolTip(snapshot));
    m_statusLabel->setAccessibleName(tr("Sync status"));
    m_statusLabel->setAccessibleDescription(m_statusLabel->text());

    m_conflictsButton->setText(tr("%n conflict(s)", nullptr, snapshot.openConflicts));
    m_conflictsButton->setAccessibleName(m_conflictsButton->text());
    m_conflictsButton->setVisible(snapshot.openConflicts > 0);

    const QString clock = clockSkewWarning(snapshot.clockSkewSeconds);
    m_clockLabel->setText(clock);
    m_clockLabel->setVisible(!clock.isEmpty() && snapshot.status != sync::SyncEngine::Status::NotEnrolled);
}

QString SyncStatusWidget::statusText(const SyncStatusSnapshot& snapshot)
{
    using Status = sync::SyncEngine::Status;
    switch (snapshot.status) {
    case Status::NotEnrolled:
        return tr("Sync off");
    case Status::Syncing:
        if (snapshot.progress && snapshot.progress->phase == sync::SyncProgress::Phase::Pushing
            && snapshot.progress->toPush > 0)
            return tr("Syncing… %1 of %2").arg(snapshot.progress->pushed).arg(snapshot.progress->toPush);
        if (snapshot.progress && snapshot.progress->phase == sync::SyncProgress::Phase::Pulling)
            return tr("Syncing… %1 received").arg(snapshot.progress->pulled);
        return tr("Syncing…");
    case Status::WaitingToRetry:
        if (snapshot.nextAttemptAt.isValid())
            return tr("Offline: retrying at %1").arg(localTime(snapshot.nextAttemptAt));
        return tr("Offline");
    case Status::Failed:
        return tr("Sync failed");
    case Status::Idle:
        break;
    }
    if (!snapshot.lastCompleteAt.isValid())
        return snapshot.lastError.isEmpty() ? tr("Not synced yet") : tr("Sync incomplete");
    if (!snapshot.lastError.isEmpty())
        return tr("Sync incomplete, last complete %1").arg(localDateTime(snapshot.lastCompleteAt));
    return tr("Synced %1").arg(localDateTime(snapshot.lastCompleteAt));
}

QString SyncStatusWidget::statusToolTip(const SyncStatusSnapshot& snapshot)
{
    using Status = sync::SyncEngine::Status;
    switch (snapshot.status) {
    case Status::NotEnrolled:
        return tr("This store is not enrolled with a sync server. A designated safeguarding lead can enrol it in "
                  "Tools › Settings.");
    case Status::Syncing:
        return tr("Sending this store's changes to the sync server and receiving the partners' changes.");
    case Status::WaitingToRetry:
    case Status::Failed:
    case Status::Idle:
        break;
    }
    if (snapshot.lastError.isEmpty())
        return tr("Choose Tools › Sync Now (F9) to sync at once.");
    return tr("%1\n\nChoose Tools › Sync Now (F9) to try again.").arg(snapshot.lastError);
}

QString SyncStatusWidget::clockSkewWarning(qint64 clockSkewSeconds)
{
    const qint64 distance = clockSkewSeconds < 0 ? -clockSkewSeconds : clockSkewSeconds;
    if (distance <= sync::SyncEngine::clockSkewWarning.count())
        return {};
    const int minutes = static_cast<int>(std::lround(static_cast<double>(distance) / 60.0));
    if (clockSkewSeconds < 0)
        return tr("This computer's clock is %n minute(s) behind the server's. Check the date and time settings.",
                  nullptr, minutes);
    return tr("This computer's clock is %n minute(s) ahead of the server's. Check the date and time settings.",
              nullptr, minutes);
}

} // namespace earlyhelp::ui
