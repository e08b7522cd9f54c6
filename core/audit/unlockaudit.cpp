#include "unlockaudit.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>

#include "audit/auditlog.h"
#include "keys/failedunlockjournal.h"
#include "keys/keyfile.h"
#include "store/store.h"

namespace earlyhelp::audit {

namespace {

keys::FailedUnlockJournal journalForStore(const QString& storePath) {
    return keys::FailedUnlockJournal(QFileInfo(keys::KeyFile::pathForStore(storePath)).absoluteFilePath());
}

NewEvent failedUnlockEvent(const keys::FailedUnlockRecord& record) {
    NewEvent event;
    event.action = Action::FailedUnlock;
    event.user = QString();
    event.roleCode = QString();
    if (record.problem.isEmpty()) {
        event.details =
            QJsonObject{{QStringLiteral("user"), record.typedUser},
                        {QStringLiteral("attemptedAt"), record.attemptedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("via"), record.via}};
        return event;
    }
    event.details =
        QJsonObject{{QStringLiteral("unreadable"), true}, {QStringLiteral("problem"), record.problem}};
    if (record.attemptedAt.isValid())
        event.details.insert(QStringLiteral("attemptedAt"), record.attemptedAt.toString(Qt::ISODateWithMs));
    return event;
}

} // namespace

int pendingFailedUnlocks(const QString& storePath) {
    const Result<keys::JournalSnapshot> journal = journalForStore(storePath).read();
    if (!journal)
        return 0;
    int failures = 0;
    for (const keys::JournalEntry& entry : journal->entries) {
        if (entry.kind != keys::JournalEntry::Kind::Success)
            ++failures;
    }
    return failures;
}

Status recordUnlock(Store& store, const QString& method, const SecretBytes& failureSecretKey) {
    const keys::FailedUnlockJournal journal = journalForStore(store.path());
    // Without the key the records could not be opened, so they wait for an
    // unlock that has it.
    Result<keys::JournalSnapshot> snapshot =
        failureSecretKey.size() > 0 ? journal.read() : Result<keys::JournalSnapshot>(keys::JournalSnapshot{});
    QList<keys::FailedUnlockRecord> failures;
    if (snapshot) {
        failures = keys::FailedUnlockJournal::openFailures(*snapshot, failureSecretKey);
    } else {
        keys::FailedUnlockRecord unread;
        unread.problem = snapshot.error().message;
        failures.append(unread);
    }

    QSqlDatabase database = store.database();
    if (!database.transaction())
        return std::unexpected(store.errorFromSql(database.lastError()));
    AuditLog log(store);
    for (const keys::FailedUnlockRecord& failure : failures) {
        if (Result<qint64> appended = log.append(failedUnlockEvent(failure)); !appended) {
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

    // Records appended while this ran stay for the next unlock.
    if (snapshot)
        return journal.removeSnapshot(*snapshot);
    return {};
}

} // namespace earlyhelp::audit
