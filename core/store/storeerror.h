#pragma once

#include "common/result.h"

#include <QString>

class QSqlError;

namespace earlyhelp {

// Maps an SQLite result code (primary or extended) to an Error whose message
// names the store at path and tells the user what to do. SQLITE_FULL is
// DiskFull, SQLITE_CORRUPT and SQLITE_NOTADB on an unlocked store are
// StoreDamaged, SQLITE_READONLY, SQLITE_PERM and SQLITE_AUTH are
// PermissionDenied,
// SQLITE_IOERR and SQLITE_CANTOPEN are Io, SQLITE_INTERRUPT is Cancelled and
// the rest are Database. detail is SQLite's message; only Database errors show
// it. Logs the code to lcStore, never detail.
[[nodiscard]] Error storeErrorFromSqlite(int sqliteCode, const QString& path, const QString& detail = {});

// Maps a QSqlError from the EARLYHELP_SQLCIPHER driver, whose
// nativeErrorCode() is the extended SQLite result code, as above. An error
// from another driver, or one with no code, is Database.
[[nodiscard]] Error storeErrorFromSqlError(const QSqlError& error, const QString& path);

// Returns the path as the user's platform writes it, for messages.
[[nodiscard]] QString displayPath(const QString& path);

} // namespace earlyhelp
