#include "migrations.h"

#include <sqlcipher/sqlite3.h>

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

#include "audittriggers.h"
#include "sqlcipherdriver.h"
#include "storeerror.h"
#include "storelogging.h"

namespace earlyhelp {

namespace {

QString readScript(const QString& resourcePath) {
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly)) {
        qCCritical(lcStore, "The schema script %s is missing from this build", qUtf8Printable(resourcePath));
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

Status checkMigrations(std::span<const Migration> migrations) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const Migration& migration = migrations[i];
        if (migration.version != int(i) + 1 || migration.script.trimmed().isEmpty()) {
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("earlyhelp::Store",
                                                         "Schema migration %1 of this build is invalid. "
                                                         "Report this to your IT support.")
                                 .arg(i + 1));
        }
    }
    return {};
}

Error migrationError(const QSqlError& sqlError, const QString& path, int version) {
    Error error = storeErrorFromSqlError(sqlError, path);
    if (error.code == ErrorCode::Database) {
        error.message = QCoreApplication::translate(
                            "earlyhelp::Store", "The case store %1 could not be upgraded to schema version "
                                                "%2 (%3). The store is unchanged. Report this to your IT "
                                                "support.")
                            .arg(displayPath(path))
                            .arg(version)
                            .arg(sqlError.databaseText());
    }
    return error;
}

void rollBack(QSqlDatabase& database, int version) {
    // Some errors, SQLITE_FULL among them, roll the transaction back already.
    sqlite3* connection = sqliteConnection(database);
    if (!connection || sqlite3_get_autocommit(connection) != 0)
        return;
    if (!database.rollback())
        qCWarning(lcStore, "Rolling back schema migration %d failed", version);
}

Status runMigration(QSqlDatabase& database, SqlCipherDriver& driver, const Migration& migration) {
    const QString path = database.databaseName();
    if (!database.transaction())
        return std::unexpected(migrationError(driver.lastError(), path, migration.version));

    // PRAGMA user_version is part of the transaction: ROLLBACK restores it.
    bool applied = driver.executeScript(migration.script);
    if (applied && migration.generatedScript) {
        Result<QString> generated = migration.generatedScript(database);
        if (!generated) {
            rollBack(database, migration.version);
            return std::unexpected(generated.error());
        }
        applied = driver.executeScript(*generated);
    }
    if (applied)
        applied = driver.executeScript(QStringLiteral("PRAGMA user_version = %1;").arg(migration.version));
    if (!applied) {
        const QSqlError failure = driver.lastError();
        rollBack(database, migration.version);
        return std::unexpected(migrationError(failure, path, migration.version));
    }

    if (!database.commit()) {
        const QSqlError failure = driver.lastError();
        rollBack(database, migration.version);
        return std::unexpected(migrationError(failure, path, migration.version));
    }
    return {};
}

} // namespace

const QList<Migration>& storeMigrations() {
    static const QList<Migration> migrations{
        Migration{1, readScript(QStringLiteral(":/earlyhelp/store/schema_v1.sql"))},
        Migration{2, readScript(QStringLiteral(":/earlyhelp/store/schema_v2.sql"))},
        Migration{3, readScript(QStringLiteral(":/earlyhelp/store/schema_v3.sql"))},
        Migration{4, readScript(QStringLiteral(":/earlyhelp/store/schema_v4.sql"))},
        Migration{5, readScript(QStringLiteral(":/earlyhelp/store/schema_v5.sql"))},
        Migration{6, readScript(QStringLiteral(":/earlyhelp/store/schema_v6.sql"))},
        Migration{7, readScript(QStringLiteral(":/earlyhelp/store/schema_v7.sql")), &auditTriggerScript},
    };
    return migrations;
}

Error schemaTooNewError(const QString& path, int storeVersion, int latestVersion) {
    qCWarning(lcStore, "%s has schema %d; this build reads up to %d", qUtf8Printable(displayPath(path)),
              storeVersion, latestVersion);
    return Error{ErrorCode::SchemaTooNew,
                 QCoreApplication::translate("earlyhelp::Store",
                                             "This case store was written by a newer version of Early Help "
                                             "Case Manager (schema %1; this version reads up to %2). Install "
                                             "the newer version to open it.")
                     .arg(storeVersion)
                     .arg(latestVersion)};
}

Result<int> migrateStore(QSqlDatabase& database, std::span<const Migration> migrations) {
    if (Status valid = checkMigrations(migrations); !valid)
        return std::unexpected(valid.error());

    const QString path = database.databaseName();
    auto* driver = qobject_cast<SqlCipherDriver*>(database.driver());
    if (!driver || !driver->isOpen()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Store", "The case store %1 is not open.")
                             .arg(displayPath(path)));
    }

    QSqlQuery versionQuery(database);
    if (!versionQuery.exec(QStringLiteral("PRAGMA user_version")) || !versionQuery.next())
        return std::unexpected(storeErrorFromSqlError(versionQuery.lastError(), path));
    int version = versionQuery.value(0).toInt();
    versionQuery.finish();

    const int latestVersion = int(migrations.size());
    if (version > latestVersion)
        return std::unexpected(schemaTooNewError(path, version, latestVersion));

    for (const Migration& migration : migrations.subspan(std::size_t(version))) {
        qCInfo(lcStore, "Migrating %s from schema %d to %d", qUtf8Printable(displayPath(path)), version,
               migration.version);
        if (Status migrated = runMigration(database, *driver, migration); !migrated) {
            qCWarning(lcStore, "Schema migration %d of %s failed; the store stays at schema %d",
                      migration.version, qUtf8Printable(displayPath(path)), version);
            return std::unexpected(migrated.error());
        }
        version = migration.version;
    }
    return version;
}

} // namespace earlyhelp
