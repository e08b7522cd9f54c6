#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QSqlError;
struct sqlite3;

namespace earlyhelp {

// An open, unlocked SQLCipher case store: one file, encrypted with a raw
// 256-bit key, reached through Qt Sql by the project's "EARLYHELP_SQLCIPHER"
// driver. Opening applies the key as the first statement, proves it by
// reading the schema, then sets WAL, foreign keys, secure_delete and
// temp_store = MEMORY and brings the schema up to date, each migration in
// one transaction.
//
// A Store belongs to the thread that opened it. Destroying it closes the
// connection; the key it was given is not kept. Destroy every QSqlQuery and
// QSqlDatabase copy made from database() first, as QSqlDatabase requires.
//
// The connection is opened without SQLITE_OPEN_CREATE, and attached databases
// inherit that, so ATTACH (for sqlcipher_export(), say) needs an existing
// file; an empty one will do.
class Store {
public:
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Creates a new store at path, which must not exist, and applies every
    // migration. Fails with AlreadyExists if a file is there, or if a -wal,
    // -shm or -journal file of that name is left over; NotFound when the
    // folder does not exist; InvalidInput when key is not 32 bytes. The file
    // is readable and writable by its owner only. When a later step fails,
    // the file it made and its -wal and -shm files are removed.
    [[nodiscard]] static Result<std::unique_ptr<Store>> create(const QString& path, const SecretBytes& key);

    // Opens an existing store. WrongKey when the key does not decrypt it,
    // NotAStore when the file is not a SQLCipher store (its bytes are left as
    // they were), SchemaTooNew when a newer app wrote it, NotFound when no
    // file is there. A wrong key, a file that is not a store and a schema
    // that is too new change no byte of the file and create no -wal or -shm
    // file. Random bytes that happen to be a whole number of 4096-byte pages
    // look like a store with a wrong key, so they are WrongKey.
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(const QString& path, const SecretBytes& key);

    // The schema version this build writes and reads.
    [[nodiscard]] static int latestSchemaVersion();

    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

    // Sets the user and role code that audit events of this connection name,
    // both those the triggers write and those AuditLog::append() writes.
    // Call it right after unlocking, because until then events name no user.
    void setAuditActor(const QString& user, const QString& roleCode);
    [[nodiscard]] QString auditUser() const;
    [[nodiscard]] QString auditRoleCode() const;

    // Sets the cause that the audit triggers record for the writes that
    // follow (details.via and details), or clears it with an empty cause.
    // ScopedAuditCause (core/audit/auditlog.h) is the usual way to set it.
    void setAuditCause(const QString& cause, const QJsonObject& details = {});
    [[nodiscard]] QString auditCause() const;
    [[nodiscard]] QJsonObject auditCauseDetails() const;

    // Maps an error of a query on database() to an Error whose message names
    // this store: DiskFull, StoreDamaged, PermissionDenied, Io, Cancelled or
    // Database.
    [[nodiscard]] Error errorFromSql(const QSqlError& error) const;

private:
    Store(QString path, QString connectionName);
    // Hands connection, open and configured, to a new QSqlDatabase connection.
    [[nodiscard]] static std::unique_ptr<Store> adopt(const QString& path, sqlite3* connection);

    QString m_path;
    QString m_connectionName;
    int m_schemaVersion = 0;
};

} // namespace earlyhelp
