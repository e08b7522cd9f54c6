#include "unlockaudit.h"

#include <mutex>

#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>

#include "audit/auditlog.h"
#include "store/store.h"

namespace earlyhelp::audit {

namespace {

struct FailedUnlock {
    QString user;
    QDateTime attemptedAt;
};

std::mutex failuresMutex;

// Failed unlocks by the store file's canonical path.
QHash<QString, QList<FailedUnlock>>& failures() {
    static QHash<QString, QList<FailedUnlock>> byPath;
    return byPath;
}

QString fileKey(const QString& storePath) {
    const QFileInfo info(storePath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

} // namespace

void noteFailedUnlock(const QString& storePath, const QString& typedUser, const QDateTime& attemptedAt) {
    const std::lock_guard lock(failuresMutex);
    failures()[fileKey(storePath)].append(FailedUnlock{typedUser, attemptedAt.toUTC()});
}

int pendingFailedUnlocks(const QString& storePath) {
    const std::lock_guard lock(failuresMutex);
    return int(failures().value(fileKey(storePath)).size());
}

Status recordUnlock(Store& store, const QString& method) {
    const QString key = fileKey(store.path());
    QList<FailedUnlock> pending;
    {
        const std::lock_guard lock(failuresMutex);
        pending = failures().value(key);
    }

    QSqlDatabase database = store.database();
    if (!database.transaction())
        return std::unexpected(store.errorFromSql(database.lastError()));
    AuditLog log(store);
    for (const FailedUnlock& failure : pending) {
        NewEvent event;
        event.action = Action::FailedUnlock;
        event.user = QString();
        event.roleCode = QString();
        event.details = QJsonObject{{QStringLiteral("user"), failure.user},
                                    {QStringLiteral("attemptedAt"), failure.attemptedAt.toString(Qt::ISODateWithMs)}};
        if (Result<qint64> appended = log.append(event); !appended) {
            database.rollback();
            return std::unexpected(appended.error());
        }
    }
    NewEvent unlock;
    unlock.action = Action::Unlock;
    unlock.details = QJsonObject{{QStringLiteral("method"), method}};
    if (Result<qint64> appended = log.append(unlock); !appended) {
        database.rollback();
        return std::unexpected(appended.error());
    }
    if (!database.commit()) {
        const Error error = store.errorFromSql(database.lastError());
        database.rollback();
        return std::unexpected(error);
    }

    // Failures noted while this ran stay for the next unlock.
    const std::lock_guard lock(failuresMutex);
    QList<FailedUnlock>& waiting = failures()[key];
    waiting.remove(0, qMin(waiting.size(), pending.size()));
    if (waiting.isEmpty())
        failures().remove(key);
    return {};
}

} // namespace earlyhelp::audit
