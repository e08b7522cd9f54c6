#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

#include "filechooser.h"
#include "keys/oskeychain.h"
#include "sync/syncengine.h"
#include "syncstatuswidget.h"

class QAction;
class QWidget;

namespace earlyhelp::ui {

class CaseSession;
class ConflictsDialog;
class SyncSettingsSection;

// Runs sync for the window's open session. While a session is open and its
// store is enrolled with a sync server, it owns a sync::SyncEngine for the
// store and runs background sync as the session's user (when that user may
// edit cases). Closing the session stops and destroys the engine.
//
// It provides Tools › Sync Now (F9) and Tools › Conflicts…, the status bar's
// SyncStatusWidget, the conflicts dialog, and the settings dialog's "Sync"
// group. Enrolling there replaces the engine.
//
// SyncEngine::syncNow() runs a nested event loop that excludes user input,
// so timers can fire during a sync. The window must not close the session
// while isSyncing() is true; syncEnded() tells it when it may.
class SyncController : public QObject {
    Q_OBJECT

public:
    SyncController(FileChooser fileChooser, QWidget* window);
    ~SyncController() override;

    [[nodiscard]] QAction* syncNowAction() const { return m_syncNowAction; }
    [[nodiscard]] QAction* conflictsAction() const { return m_conflictsAction; }
    [[nodiscard]] SyncStatusWidget* statusWidget() const { return m_statusWidget; }
    // The engine of the open session, or nullptr while locked or not enrolled.
    [[nodiscard]] sync::SyncEngine* engine() const { return m_engine.get(); }
    [[nodiscard]] bool isSyncing() const;

    // Starts following session: reads its enrolment and starts background
    // sync. nullptr stops sync and destroys the engine.
    void setSession(CaseSession* session);

    // Stops background sync while other work writes to the store (an
    // import), and starts it again, with a sync at once.
    void pauseBackgroundSync();
    void resumeBackgroundSync();

    // Runs one sync now. An error that kept it from starting is shown in a
    // message box ("syncErrorMessageBox"); a failure during the sync in the
    // status bar.
    void syncNow();
    // Opens the conflicts dialog, which deletes itself on close.
    ConflictsDialog* openConflicts();
    // Returns a new "Sync" group for the settings dialog.
    [[nodiscard]] SyncSettingsSection* createSettingsSection(QWidget* parent);

signals:
    // A dialog showing case data opened; the window closes it on lock.
    void caseDataDialogOpened(QWidget* dialog);
    // A sync ended, started by the user or in the background.
    void syncEnded();

private:
    void startEngine();
    void startBackgroundSync();
    void stopEngine();
    void onStatusChanged(sync::SyncEngine::Status status);
    void onSyncFinished(const sync::SyncOutcome& outcome);
    // Reads the store's sync state and conflicts, then shows them.
    void refreshStatus();
    void updateActions();

    FileChooser m_fileChooser;
    QPointer<QWidget> m_window;
    QPointer<CaseSession> m_session;
    keys::OsKeychain m_keychain;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QString m_ownServerOrganisationId;
    bool m_manualSyncRunning = false;
    SyncStatusSnapshot m_snapshot;

    QAction* m_syncNowAction = nullptr;
    QAction* m_conflictsAction = nullptr;
    SyncStatusWidget* m_statusWidget = nullptr;
    QPointer<ConflictsDialog> m_conflictsDialog;
};

} // namespace earlyhelp::ui
