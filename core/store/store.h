#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace earlyhelp {

// An open, unlocked SQLCipher case store: one file, encrypted with a raw
// 256-bit key, reached through Qt Sql by the project's "EARLYHELP_SQLCIPHER"
// driver. Opening applies the key as the first statement, proves it by
// reading the schema, then sets WAL, foreign keys, secure_delete and
// temp_store = MEMORY and brings the schema up to date, each migration in
// one transaction.
//
// A Store belongs to the thread that opened it. Destroying it closes the
// connection; the key it was given is not kept.
class Store {
public:
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Creates a new store at path, which must not exist, and applies every
    // migration. Fails with AlreadyExists if a file is there.
    [[nodiscard]] static Result<std::unique_ptr<Store>> create(const QString& path, const SecretBytes& key);

    // Opens an existing store. WrongKey when the key does not decrypt it,
    // NotAStore when the file is not a SQLCipher store (its bytes are left as
    // they were), SchemaTooNew when a newer app wrote it, NotFound when no
    // file is there.
    [[nodiscard]] static Result<std::unique_ptr<Store>> open(const QString& path, const SecretBytes& key);

    // The schema version this build writes and reads.
    [[nodiscard]] static int latestSchemaVersion();

    [[nodiscard]] QSqlDatabase database() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

private:
    Store(QString path, QString connectionName);

    QString m_path;
    QString m_connectionName;
    int m_schemaVersion = 0;
};

} // namespace earlyhelp
