#include "storeerror.h"

#include <sqlcipher/sqlite3.h>

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>

#include "storelogging.h"

namespace earlyhelp {

namespace {

ErrorCode errorCodeForSqlite(int primaryCode) {
    switch (primaryCode) {
    case SQLITE_FULL:
        return ErrorCode::DiskFull;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ErrorCode::StoreDamaged;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return ErrorCode::PermissionDenied;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return ErrorCode::Io;
    case SQLITE_INTERRUPT:
        return ErrorCode::Cancelled;
    default:
        return ErrorCode::Database;
    }
}

QString messageFor(int primaryCode, const QString& path, const QString& detail) {
    const QString shownPath = displayPath(path);
    switch (primaryCode) {
    case SQLITE_FULL:
        return QCoreApplication::translate(
                   "earlyhelp::Store",
                   "The disk that holds the case store %1 is full, so the change was not saved. "
                   "Free some space on that disk and try again.")
            .arg(shownPath);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QCoreApplication::translate("earlyhelp::Store",
                                           "The case store %1 is damaged and cannot be read. "
                                           "Restore it from a backup, or ask your IT support for help.")
            .arg(shownPath);
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return QCoreApplication::translate(
                   "earlyhelp::Store",
                   "You do not have permission to change the case store %1. "
                   "Ask your IT support to give your account write access to it and its folder.")
            .arg(shownPath);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return QCoreApplication::translate(
                   "earlyhelp::Store",
                   "The case store %1 could not be read or written. "
                   "Check that the disk or network drive that holds it is available, then try again.")
            .arg(shownPath);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QCoreApplication::translate("earlyhelp::Store",
                                           "The case store %1 is in use by another program. "
                                           "Close Early Help Case Manager there and try again.")
            .arg(shownPath);
    case SQLITE_INTERRUPT:
        return QCoreApplication::translate("earlyhelp::Store",
                                           "The operation on the case store %1 was cancelled.")
            .arg(shownPath);
    default:
        if (detail.isEmpty()) {
            return QCoreApplication::translate(
                       "earlyhelp::Store",
                       "The case store %1 could not complete the operation. "
                       "Try again; if this keeps happening, report it to your IT support.")
                .arg(shownPath);
        }
        return QCoreApplication::translate(
                   "earlyhelp::Store", "The case store %1 could not complete the operation (%2). "
                                       "Try again; if this keeps happening, report it to your IT support.")
            .arg(shownPath, detail);
    }
}

} // namespace

QString displayPath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

Error storeErrorFromSqlite(int sqliteCode, const QString& path, const QString& detail) {
    const int primaryCode = sqliteCode & 0xff;
    qCWarning(lcStore, "SQLite error %d (%s) on %s", sqliteCode, sqlite3_errstr(sqliteCode),
              qUtf8Printable(displayPath(path)));
    return Error{errorCodeForSqlite(primaryCode), messageFor(primaryCode, path, detail)};
}

Error storeErrorFromSqlError(const QSqlError& error, const QString& path) {
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber);
    if (!isNumber || code == SQLITE_OK)
        return storeErrorFromSqlite(SQLITE_ERROR, path, error.databaseText());
    return storeErrorFromSqlite(code, path, error.databaseText());
}

} // namespace earlyhelp
