#pragma once

#include <QObject>
#include <QString>

namespace earlyhelp::ui {

// Emits sessionLocked() when the operating system locks the user's session
// or goes to sleep, as D-Bus reports it on Linux:
// - Lock of systemd-logind's org.freedesktop.login1.Session for this
//   process's session, and PrepareForSleep(true) of
//   org.freedesktop.login1.Manager, both on the system bus;
// - ActiveChanged(true) of org.freedesktop.ScreenSaver (KDE and others) and
//   org.gnome.ScreenSaver (GNOME) on the session bus, from any sender and
//   object path.
// A bus that is not there (Windows, macOS, a session without logind) is
// skipped, and the watcher then emits nothing for it. Finding this process's
// logind session is an asynchronous call, so the Lock signal is watched
// shortly after construction rather than at once.
//
// Lives on the GUI thread.
class SessionLockWatcher : public QObject {
    Q_OBJECT

public:
    explicit SessionLockWatcher(QObject* parent = nullptr);

    // The logind session whose Lock signal is watched, or empty while unknown.
    [[nodiscard]] QString logindSessionPath() const { return m_logindSessionPath; }

signals:
    void sessionLocked();

private slots:
    // Called through D-Bus by name, so these are slots.
    void onScreenSaverActiveChanged(bool active);
    void onLogindLock();
    void onPrepareForSleep(bool sleeping);

private:
    void watchScreenSavers();
    void watchLogind();
    void watchLogindSession(const QString& sessionPath);

    QString m_logindSessionPath;
};

} // namespace earlyhelp::ui
