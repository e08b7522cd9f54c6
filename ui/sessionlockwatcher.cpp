#include "sessionlockwatcher.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSessionLock, "earlyhelp.ui.sessionlock", QtInfoMsg)

namespace earlyhelp::ui {

namespace {

const QString logindService = QStringLiteral("org.freedesktop.login1");
const QString logindPath = QStringLiteral("/org/freedesktop/login1");
const QString logindManager = QStringLiteral("org.freedesktop.login1.Manager");
const QString logindSession = QStringLiteral("org.freedesktop.login1.Session");

} // namespace

SessionLockWatcher::SessionLockWatcher(QObject* parent)
    : QObject(parent) {
    watchScreenSavers();
    watchLogind();
}

void SessionLockWatcher::watchScreenSavers() {
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCInfo(lcSessionLock) << "no D-Bus session bus, so screen saver locks are not watched";
        return;
    }
    // An empty service and path match every sender and object: GNOME emits
    // on /org/gnome/ScreenSaver, KDE on /ScreenSaver and
    // /org/freedesktop/ScreenSaver.
    for (const QString& interface :
         {QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("org.gnome.ScreenSaver")}) {
        if (!bus.connect(QString(), QString(), interface, QStringLiteral("ActiveChanged"), this,
                         SLOT(onScreenSaverActiveChanged(bool))))
            qCWarning(lcSessionLock) << "could not watch" << interface << ":" << bus.lastError().message();
    }
}

void SessionLockWatcher::watchLogind() {
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected()) {
        qCInfo(lcSessionLock) << "no D-Bus system bus, so logind session locks are not watched";
        return;
    }
    if (!bus.connect(logindService, logindPath, logindManager, QStringLiteral("PrepareForSleep"), this,
                     SLOT(onPrepareForSleep(bool))))
        qCWarning(lcSessionLock) << "could not watch PrepareForSleep:" << bus.lastError().message();

    QDBusMessage call = QDBusMessage::createMethodCall(logindService, logindPath, logindManager,
                                                       QStringLiteral("GetSessionByPID"));
    call << static_cast<quint32>(QCoreApplication::applicationPid());
    auto* pending = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* finished) {
        finished->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> reply = *finished;
        if (reply.isError()) {
            // For example an app started outside a logind session, such as
            // over SSH or in a container.
            qCInfo(lcSessionLock) << "no logind session for this process:" << reply.error().message();
            return;
        }
        watchLogindSession(reply.value().path());
    });
}

void SessionLockWatcher::watchLogindSession(const QString& sessionPath) {
    if (!QDBusConnection::systemBus().connect(logindService, sessionPath, logindSession,
                                              QStringLiteral("Lock"), this, SLOT(onLogindLock()))) {
        qCWarning(lcSessionLock) << "could not watch Lock of" << sessionPath << ":"
                                 << QDBusConnection::systemBus().lastError().message();
        return;
    }
    m_logindSessionPath = sessionPath;
    qCInfo(lcSessionLock) << "watching logind session" << sessionPath;
}

void SessionLockWatcher::onScreenSaverActiveChanged(bool active) {
    if (!active)
        return;
    qCInfo(lcSessionLock) << "screen saver became active";
    emit sessionLocked();
}

void SessionLockWatcher::onLogindLock() {
    qCInfo(lcSessionLock) << "logind locked the session";
    emit sessionLocked();
}

void SessionLockWatcher::onPrepareForSleep(bool sleeping) {
    if (!sleeping)
        return;
    qCInfo(lcSessionLock) << "the computer is going to sleep";
    emit sessionLocked();
}

} // namespace earlyhelp::ui
