#pragma once

// Helpers shared by the core/store suites: keys, folder snapshots and rows of
// the schema's tables.

#include "common/secretbytes.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>
#include <QVariant>

namespace earlyhelp::testing {

// Returns a 32-byte key whose bytes are seed, seed + 1, …, so that tests can
// make the same key twice and different keys at will.
inline SecretBytes makeKey(unsigned char seed) {
    SecretBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<unsigned char>(seed + i);
    return key;
}

// Returns the key as the 64 lower-case hex digits that PRAGMA key is given.
inline QByteArray keyHex(const SecretBytes& key) {
    return QByteArray(reinterpret_cast<const char*>(key.data()), qsizetype(key.size())).toHex();
}

// Returns the SHA-256 of every file in folder by file name, so that a test
// sees both changed bytes and files that appeared or vanished.
inline QMap<QString, QByteArray> snapshotFolder(const QString& folder) {
    QMap<QString, QByteArray> hashes;
    const QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString& name : names) {
        QFile file(QDir(folder).filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            hashes.insert(name, QByteArrayLiteral("unreadable"));
            continue;
        }
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        hashes.insert(name, hash.result().toHex());
    }
    return hashes;
}

inline QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

inline QString timestamp() {
    return QStringLiteral("2026-12-04T19:51:50.123Z");
}

// Inserts the organisation every person row needs, with id "org-1".
inline bool insertOrganisation(const QSqlDatabase& database) {
    QSqlQuery query(database);
    query.prepare(
        QStringLiteral("INSERT INTO organisation (id, name, party_type, is_local, created_at, updated_at)"
                       " VALUES ('org-1', 'Test Primary School', 'school', 1, :now, :now)"));
    query.bindValue(QStringLiteral(":now"), timestamp());
    if (!query.exec()) {
        qWarning("Inserting the organisation failed: %s", qUtf8Printable(query.lastError().text()));
        return false;
    }
    return true;
}

struct PersonRow {
    QString id;
    QString forename;
    QString surname;
    QString middleNames = {};
    QString preferredForename = {};
    QVariant upn = {};
    bool deleted = false;
};

// Inserts person into the store's person table and returns its local_id, or 0.
inline qint64 insertPerson(const QSqlDatabase& database, const PersonRow& person) {
    QSqlQuery query(database);
    query.prepare(QStringLiteral(
        "INSERT INTO person (id, org_id, legal_forename, middle_names, legal_surname, preferred_forename,"
        " upn, deleted, created_at, updated_at)"
        " VALUES (:id, 'org-1', :forename, :middle, :surname, :preferred, :upn, :deleted, :now, :now)"));
    query.bindValue(QStringLiteral(":id"), person.id);
    query.bindValue(QStringLiteral(":forename"), person.forename);
    query.bindValue(QStringLiteral(":middle"),
                    person.middleNames.isNull() ? QStringLiteral("") : person.middleNames);
    query.bindValue(QStringLiteral(":surname"), person.surname);
    query.bindValue(QStringLiteral(":preferred"),
                    person.preferredForename.isNull() ? QStringLiteral("") : person.preferredForename);
    query.bindValue(QStringLiteral(":upn"), person.upn);
    query.bindValue(QStringLiteral(":deleted"), person.deleted ? 1 : 0);
    query.bindValue(QStringLiteral(":now"), timestamp());
    if (!query.exec()) {
        qWarning("Inserting person %s failed: %s", qUtf8Printable(person.id),
                 qUtf8Printable(query.lastError().text()));
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

} // namespace earlyhelp::testing
