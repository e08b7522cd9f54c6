#pragma once

#include <QDateTime>
#include <QString>
#include <QWidget>

#include <optional>

#include "sync/syncengine.h"

class QLabel;
class QToolButton;

namespace earlyhelp::ui {

// The state of sync for the status bar, gathered from the engine and the
// store's sync state.
struct SyncStatusSnapshot {
    sync::SyncEngine::Status status = sync::SyncEngine::Status::NotEnrolled;
    std::optional<sync::SyncProgress> progress; // while Syncing
    QDateTime lastCompleteAt;                   // UTC; invalid before the first complete sync
    QString lastError;                          // empty after a sync that exchanged everything
    QDateTime nextAttemptAt;                    // UTC; invalid when no sync is scheduled
    int openConflicts = 0;
    qint64 clockSkewSeconds = 0; // this device's clock minus the server's
};

// The status bar's sync area: a line for the state of sync ("Synced
// 05/12/2026 10:32", "Syncing… 40 of 200", "Offline: retrying at 10:40"),
// with the last error in its tooltip, a button for open conflicts that emits
// conflictsRequested(), and a warning when this computer's clock is more
// than SyncEngine::clockSkewWarning away from the server's. Times are shown
// in local time.
class SyncStatusWidget : public QWidget {
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget* parent = nullptr);

    void setSnapshot(const SyncStatusSnapshot& snapshot);

    // The status line's text and tooltip for snapshot.
    [[nodiscard]] static QString statusText(const SyncStatusSnapshot& snapshot);
    [[nodiscard]] static QString statusToolTip(const SyncStatusSnapshot& snapshot);
    // The clock warning for a skew in seconds, or an empty string when the
    // skew is within SyncEngine::clockSkewWarning.
    [[nodiscard]] static QString clockSkewWarning(qint64 clockSkewSeconds);

signals:
    void conflictsRequested();

private:
    QLabel* m_statusLabel = nullptr;
    QToolButton* m_conflictsButton = nullptr;
    QLabel* m_clockLabel = nullptr;
};

} // namespace earlyhelp::ui
