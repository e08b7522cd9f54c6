#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <span>

class QSqlDatabase;

namespace earlyhelp {

// One step of the store's schema: the statements that take a store from
// version - 1 to version, the value of PRAGMA user_version afterwards.
struct Migration {
    int version = 0;
    QString script;
    // When set, returns further statements that run after script in the
    // same transaction, for SQL that depends on the schema script made,
    // such as triggers written from a table's columns.
    std::function<Result<QString>(const QSqlDatabase&)> generatedScript = {};
};

// Returns the migrations of this build in order. Version n is
// schema_vn.sql; version 7 also writes the audit triggers.
[[nodiscard]] const QList<Migration>& storeMigrations();

// Brings the store open on database, which must use the EARLYHELP_SQLCIPHER
// driver, from its user_version up to the last version in migrations. Each
// migration runs in its own transaction, which also sets user_version, so a
// failing migration is rolled back and leaves the store at the version before
// it. Migrations that the same call ran earlier stay committed. Returns the
// schema version afterwards. SchemaTooNew when the store is newer than the
// last migration; InvalidInput when the migrations are not numbered 1, 2, 3…
// or a script is empty.
[[nodiscard]] Result<int> migrateStore(QSqlDatabase& database, std::span<const Migration> migrations);

// Returns the SchemaTooNew error for a store at path whose schema version is
// storeVersion when this build reads up to latestVersion.
[[nodiscard]] Error schemaTooNewError(const QString& path, int storeVersion, int latestVersion);

} // namespace earlyhelp
