#include "sqlcipherconnection.h"

#include <cstring>

#include <sodium.h>
// sqlite3_key() is declared only with SQLITE_HAS_CODEC.
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include "auditfunctions.h"
#include "searchfunction.h"
#include "storeerror.h"
#include "storelogging.h"

namespace earlyhelp {

namespace {

// How long a statement waits for another connection's lock before it fails
// with SQLITE_BUSY.
constexpr int busyTimeoutMilliseconds = 5000;

QByteArray encodedPath(const QString& path) {
#ifdef Q_OS_WIN
    return path.toUtf8();
#else
    return QFile::encodeName(path);
#endif
}

// reason is marked with QT_TRANSLATE_NOOP() and has %1 for the path.
Error notAStore(const char* reason, const QString& path) {
    return Error{ErrorCode::NotAStore,
                 QCoreApplication::translate("earlyhelp::Store", reason).arg(displayPath(path))};
}

Error sqliteError(sqlite3* connection, int code, const QString& path) {
    return storeErrorFromSqlite(code, path, QString::fromUtf8(sqlite3_errmsg(connection)));
}

// Keys connection with sqlite3_key(), which hands SQLCipher the raw key
// literal "x'<hex>'" without passing it through the SQL parser, so the only
// copies are this SecretBytes buffer, which wipes itself, and SQLCipher's own,
// which SQLCipher wipes whatever cipher_memory_security says.
//
// cipher_memory_security stays at SQLCipher's default (off since 4.5.0). On,
// it locks and wipes every allocation SQLite makes: measured here, inserting
// 50,000 people took about 53 s instead of 1.3 s. What it adds is the wiping
// of freed page buffers, while the same case data also sits in Qt's strings
// and models, which nothing wipes.
int applyKey(sqlite3* connection, const SecretBytes& key) {
    static constexpr char prefix[] = "x'";
    static constexpr char suffix[] = "'";
    constexpr std::size_t prefixSize = sizeof(prefix) - 1;
    constexpr std::size_t hexSize = storeKeySize * 2;
    constexpr std::size_t suffixSize = sizeof(suffix) - 1;
    constexpr std::size_t literalSize = prefixSize + hexSize + suffixSize;

    SecretBytes literal(literalSize + 1);
    char* text = reinterpret_cast<char*>(literal.data());
    std::memcpy(text, prefix, prefixSize);
    sodium_bin2hex(text + prefixSize, hexSize + 1, key.data(), key.size());
    std::memcpy(text + prefixSize + hexSize, suffix, suffixSize + 1);

    return sqlite3_key(connection, text, static_cast<int>(literalSize));
}

// Keys connection and reads the schema, the first read of the file. Between
// the two it silences SQLCipher's own log, which would otherwise print lines
// such as "hmac check failed for pgno=1" to stderr on a wrong key. The level
// is set after the key because SQLCipher 4.6.1 resets it when the first key of
// the process activates it. The store's own errors go to lcStore instead.
int keyAndReadSchema(sqlite3* connection, const SecretBytes& key) {
    int code = applyKey(connection, key);
    if (code == SQLITE_OK)
        code = sqlite3_exec(connection, "PRAGMA cipher_log_level = NONE;", nullptr, nullptr, nullptr);
    if (code == SQLITE_OK)
        code = sqlite3_exec(connection, "PRAGMA cipher_compatibility = 4;", nullptr, nullptr, nullptr);
    if (code == SQLITE_OK)
        code = sqlite3_exec(connection, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr);
    return code;
}

Error errorForKeyCheck(sqlite3* connection, int code, const QString& path) {
    if ((code & 0xff) == SQLITE_NOTADB) {
        qCInfo(lcStore, "The key does not unlock %s", qUtf8Printable(displayPath(path)));
        return Error{
            ErrorCode::WrongKey,
            QCoreApplication::translate("earlyhelp::Store",
                                        "The key does not unlock %1. Check that this is the case store you "
                                        "meant to open and that you chose its key.")
                .arg(displayPath(path))};
    }
    return sqliteError(connection, code, path);
}

Result<SqliteConnection> openConnection(const QByteArray& name, int flags, const QString& path) {
    sqlite3* handle = nullptr;
    const int code = sqlite3_open_v2(name.constData(), &handle, flags | SQLITE_OPEN_EXRESCODE, nullptr);
    SqliteConnection connection(handle);
    if (code != SQLITE_OK) {
        if ((code & 0xff) == SQLITE_CANTOPEN && !QFileInfo::exists(path)) {
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate(
                                 "earlyhelp::Store",
                                 "No case store was found at %1. Check the location, or create a new store.")
                                 .arg(displayPath(path)));
        }
        return std::unexpected(sqliteError(connection.get(), code, path));
    }
    return connection;
}

} // namespace

void SqliteConnectionCloser::operator()(sqlite3* connection) const {
    // sqlite3_close_v2() defers the close until the last statement is
    // finalised, where sqlite3_close() would fail and leak the connection.
    sqlite3_close_v2(connection);
}

Status checkStoreKey(const SecretBytes& key) {
    if (key.size() == storeKeySize)
        return {};
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "earlyhelp::Store", "The store key must be %1 bytes long, but %2 bytes were given.")
                         .arg(storeKeySize)
                         .arg(key.size()));
}

Status checkStoreFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate(
                             "earlyhelp::Store",
                             "No case store was found at %1. Check the location, or create a new store.")
                             .arg(displayPath(path)));
    }
    if (!info.isFile()) {
        return std::unexpected(notAStore(
            QT_TRANSLATE_NOOP("earlyhelp::Store",
                              "%1 is a folder, not an Early Help case store. Choose the case store file."),
            path));
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!info.isReadable()) {
            return makeError(ErrorCode::PermissionDenied,
                             QCoreApplication::translate(
                                 "earlyhelp::Store",
                                 "You do not have permission to read %1. Ask your IT support to give "
                                 "your account access to it.")
                                 .arg(displayPath(path)));
        }
        return makeError(ErrorCode::Io, QCoreApplication::translate(
                                            "earlyhelp::Store",
                                            "%1 could not be read (%2). Check that the disk that holds it is "
                                            "available, then try again.")
                                            .arg(displayPath(path), file.errorString()));
    }

    const qint64 size = file.size();
    if (size == 0)
        return std::unexpected(notAStore(
            QT_TRANSLATE_NOOP("earlyhelp::Store", "%1 is an empty file, not an Early Help case store. "
                                                  "Choose the case store file, or restore it from a "
                                                  "backup."),
            path));

    static constexpr QByteArrayView plainSqliteHeader("SQLite format 3\0", 16);
    if (file.read(plainSqliteHeader.size()) == plainSqliteHeader) {
        return std::unexpected(notAStore(
            QT_TRANSLATE_NOOP("earlyhelp::Store", "%1 is an unencrypted SQLite database, not an Early "
                                                  "Help case store. Choose the case store file."),
            path));
    }
    if (size < storePageSize || size % storePageSize != 0) {
        return std::unexpected(notAStore(
            QT_TRANSLATE_NOOP("earlyhelp::Store", "%1 is not an Early Help case store, because its size "
                                                  "does not fit the store format. Choose the case store "
                                                  "file, or restore it from a backup."),
            path));
    }
    return {};
}

Result<int> probeStore(const QString& path, const SecretBytes& key) {
    if (Status valid = checkStoreKey(key); !valid)
        return std::unexpected(valid.error());
    if (Status checked = checkStoreFile(path); !checked)
        return std::unexpected(checked.error());

    // immutable=1 makes SQLite read the main file only: it takes no locks,
    // ignores any -wal file and creates no -shm file, so nothing on disk can
    // change whatever the key.
    // NOTE: another process that checkpoints the store while the probe reads
    // its first page could make a right key look wrong. A retry would fix it.
    QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    uri.setQuery(QStringLiteral("mode=ro&immutable=1"));
    Result<SqliteConnection> connection =
        openConnection(uri.toEncoded(), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, path);
    if (!connection)
        return std::unexpected(connection.error());

    if (const int code = keyAndReadSchema(connection->get(), key); code != SQLITE_OK)
        return std::unexpected(errorForKeyCheck(connection->get(), code, path));
    return readSchemaVersion(connection->get(), path);
}

Result<SqliteConnection> openKeyedConnection(const QString& path, const SecretBytes& key) {
    if (Status valid = checkStoreKey(key); !valid)
        return std::unexpected(valid.error());

    Result<SqliteConnection> connection = openConnection(encodedPath(path), SQLITE_OPEN_READWRITE, path);
    if (!connection)
        return connection;

    if (const int code = keyAndReadSchema(connection->get(), key); code != SQLITE_OK)
        return std::unexpected(errorForKeyCheck(connection->get(), code, path));

    if (sqlite3_db_readonly(connection->get(), "main") == 1) {
        return makeError(
            ErrorCode::PermissionDenied,
            QCoreApplication::translate("earlyhelp::Store",
                                        "You do not have permission to change the case store %1. Ask your IT "
                                        "support to give your account write access to it and its folder.")
                .arg(displayPath(path)));
    }
    return connection;
}

Status configureConnection(sqlite3* connection, const QString& path) {
    sqlite3_busy_timeout(connection, busyTimeoutMilliseconds);

    // journal_mode returns the mode in force, which stays "delete" when the
    // file system cannot hold the -shm file that WAL needs.
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(connection, "PRAGMA journal_mode = WAL;", -1, &statement, nullptr);
    if (code == SQLITE_OK)
        code = sqlite3_step(statement);
    const bool isWal = code == SQLITE_ROW &&
                       qstrcmp(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal") == 0;
    sqlite3_finalize(statement);
    if (code != SQLITE_ROW)
        return std::unexpected(sqliteError(connection, code, path));
    if (!isWal) {
        qCWarning(lcStore, "The file system of %s does not support WAL mode",
                  qUtf8Printable(displayPath(path)));
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "earlyhelp::Store",
                             "The case store %1 is on a drive that cannot hold it safely. Move it to "
                             "a local disk, then open it again.")
                             .arg(displayPath(path)));
    }

    // A page that is not in the cache must be read, decrypted and checked
    // against its HMAC. With SQLite's default cache of 2 MiB, a search in a
    // test store of 300,000 made-up people took about three times as long as
    // with 32 MiB.
    code = sqlite3_exec(connection,
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA secure_delete = ON;"
                        "PRAGMA temp_store = MEMORY;"
                        "PRAGMA cache_size = -32768;",
                        nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        return std::unexpected(sqliteError(connection, code, path));

    code = registerSearchFunction(connection);
    if (code == SQLITE_OK)
        code = registerAuditFunctions(connection);
    if (code != SQLITE_OK)
        return std::unexpected(sqliteError(connection, code, path));
    return {};
}

Result<int> readSchemaVersion(sqlite3* connection, const QString& path) {
    sqlite3_stmt* statement = nullptr;
    int code = sqlite3_prepare_v2(connection, "PRAGMA user_version;", -1, &statement, nullptr);
    if (code == SQLITE_OK)
        code = sqlite3_step(statement);
    const int version = code == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
    sqlite3_finalize(statement);
    if (code != SQLITE_ROW)
        return std::unexpected(sqliteError(connection, code, path));
    return version;
}

} // namespace earlyhelp
