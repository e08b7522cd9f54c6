#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QString>
#include <QtGlobal>

#include <memory>

struct sqlite3;

namespace earlyhelp {

// The steps that turn a store file and a raw key into an open SQLCipher
// connection, on the SQLite C API. The Store and the EARLYHELP_SQLCIPHER
// driver call them in this order: checkStoreFile(), probeStore(),
// openKeyedConnection(), configureConnection(). Every function returns an
// Error whose message names the path; none logs or keeps the key.

struct SqliteConnectionCloser {
    void operator()(sqlite3* connection) const;
};

// An open SQLite connection, closed when the pointer is destroyed.
using SqliteConnection = std::unique_ptr<sqlite3, SqliteConnectionCloser>;

// Bytes in a key: SQLCipher takes a raw 256-bit key as 64 hex digits.
inline constexpr std::size_t storeKeySize = 32;

// Bytes in a page of a SQLCipher 4 file. Every connection pins the SQLCipher 4
// format with PRAGMA cipher_compatibility = 4, so a store is always a whole
// number of such pages.
inline constexpr qint64 storePageSize = 4096;

// InvalidInput unless key is storeKeySize bytes.
[[nodiscard]] Status checkStoreKey(const SecretBytes& key);

// Checks, without a key and without writing, whether the file at path can be a
// store. NotFound when nothing is there. NotAStore when it is a folder, is
// empty, starts with the plain "SQLite format 3" header or is not a whole
// number of pages. PermissionDenied or Io when it cannot be read.
[[nodiscard]] Status checkStoreFile(const QString& path);

// Proves key against the store at path without writing to it or creating its
// -wal and -shm files, through a read-only connection opened with
// immutable=1. Returns the schema version (PRAGMA user_version) that the main
// file holds; a version committed only to the -wal file is not seen.
// WrongKey when the key does not decrypt the first page, which is also what a
// store with a damaged first page, or a file of random bytes that happens to
// be a whole number of pages, looks like. InvalidInput when key is not
// storeKeySize bytes.
[[nodiscard]] Result<int> probeStore(const QString& path, const SecretBytes& key);

// Opens the existing file at path for reading and writing (it never creates a
// file), applies key and proves it by reading the schema. PermissionDenied
// when SQLite could only open the file read-only.
[[nodiscard]] Result<SqliteConnection> openKeyedConnection(const QString& path, const SecretBytes& key);

// Applies the settings every store connection uses: a busy timeout,
// journal_mode = WAL, foreign_keys, secure_delete, temp_store = MEMORY, and
// registers earlyhelp_search_terms() and the audit functions
// (auditfunctions.h).
[[nodiscard]] Status configureConnection(sqlite3* connection, const QString& path);

// Reads PRAGMA user_version.
[[nodiscard]] Result<int> readSchemaVersion(sqlite3* connection, const QString& path);

} // namespace earlyhelp
