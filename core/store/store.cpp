#include "store.h"

#include <atomic>
#include <utility>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QStringList>

#include "auditfunctions.h"
#include "migrations.h"
#include "sqlcipherconnection.h"
#include "sqlcipherdriver.h"
#include "storeerror.h"
#include "storelogging.h"

namespace earlyhelp {

Q_LOGGING_CATEGORY(lcStore, "earlyhelp.core.store", QtInfoMsg)

namespace {

QString newConnectionName() {
    static std::atomic<quint64> counter{0};
    return QStringLiteral("earlyhelp-store-%1").arg(++counter);
}

// The files SQLite keeps beside a database while it is open or after a crash.
QStringList companionFiles(const QString& path) {
    return {path + u"-wal", path + u"-shm", path + u"-journal"};
}

// Creates an empty file at path that only its owner may read and write. The
// exclusive create fails if anything appears at path in the meantime.
Status createEmptyFile(const QString& path) {
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink()) {
        return makeError(ErrorCode::AlreadyExists,
                         QCoreApplication::translate(
                             "earlyhelp::Store", "A file already exists at %1. Choose another name for the "
                                                 "new case store, or open the existing one.")
                             .arg(displayPath(path)));
    }
    for (const QString& companion : companionFiles(path)) {
        if (QFileInfo::exists(companion)) {
            return makeError(ErrorCode::AlreadyExists,
                             QCoreApplication::translate(
                                 "earlyhelp::Store", "%1 is left over from an earlier case store of the same "
                                                     "name. Move it away, or choose another name for the new "
                                                     "case store.")
                                 .arg(displayPath(companion)));
        }
    }

    const QDir folder = info.absoluteDir();
    if (!folder.exists()) {
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("earlyhelp::Store",
                                        "The folder %1 does not exist. Choose an existing folder for "
                                        "the new case store.")
                .arg(displayPath(folder.absolutePath())));
    }

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (QFileInfo::exists(path)) {
            return makeError(ErrorCode::AlreadyExists,
                             QCoreApplication::translate(
                                 "earlyhelp::Store", "A file already exists at %1. Choose another name for "
                                                     "the new case store, or open the existing one.")
                                 .arg(displayPath(path)));
        }
        if (!QFileInfo(folder.absolutePath()).isWritable()) {
            return makeError(ErrorCode::PermissionDenied,
                             QCoreApplication::translate("earlyhelp::Store",
                                                         "You do not have permission to create files in %1. "
                                                         "Choose another folder for the new case store.")
                                 .arg(displayPath(folder.absolutePath())));
        }
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "earlyhelp::Store", "The case store %1 could not be created (%2). Check that "
                                                 "the disk is available and has free space, then try again.")
                             .arg(displayPath(path), file.errorString()));
    }
    return {};
}

void removeCreatedFiles(const QString& path) {
    QFile::remove(path);
    for (const QString& companion : companionFiles(path))
        QFile::remove(companion);
}

} // namespace

Store::Store(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName)) {}

Store::~Store() {
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
        database.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    qCInfo(lcStore, "Closed %s", qUtf8Printable(displayPath(m_path)));
}

int Store::latestSchemaVersion() {
    return int(storeMigrations().size());
}

QSqlDatabase Store::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

void Store::setAuditActor(const QString& user, const QString& roleCode) {
    earlyhelp::setAuditActor(sqliteConnection(database()), user, roleCode);
}

QString Store::auditUser() const {
    return earlyhelp::auditUser(sqliteConnection(database()));
}

QString Store::auditRoleCode() const {
    return earlyhelp::auditRoleCode(sqliteConnection(database()));
}

void Store::setAuditCause(const QString& cause, const QJsonObject& details) {
    earlyhelp::setAuditCause(sqliteConnection(database()), cause, details);
}

QString Store::auditCause() const {
    return earlyhelp::auditCause(sqliteConnection(database()));
}

QJsonObject Store::auditCauseDetails() const {
    return earlyhelp::auditCauseDetails(sqliteConnection(database()));
}

Error Store::errorFromSql(const QSqlError& error) const {
    return storeErrorFromSqlError(error, m_path);
}

Result<std::unique_ptr<Store>> Store::create(const QString& path, const SecretBytes& key) {
    if (Status valid = checkStoreKey(key); !valid)
        return std::unexpected(valid.error());
    if (Status created = createEmptyFile(path); !created)
        return std::unexpected(created.error());
    auto removeOnFailure = qScopeGuard([&path] { removeCreatedFiles(path); });

    // SQLite treats the empty file as a new database; no flag here lets it
    // create a file.
    Result<SqliteConnection> connection = openKeyedConnection(path, key);
    if (!connection)
        return std::unexpected(connection.error());
    if (Status configured = configureConnection(connection->get(), path); !configured)
        return std::unexpected(configured.error());

    std::unique_ptr<Store> store = adopt(path, connection->release());
    QSqlDatabase database = store->database();
    Result<int> version = migrateStore(database, storeMigrations());
    if (!version)
        return std::unexpected(version.error());
    store->m_schemaVersion = *version;

    removeOnFailure.dismiss();
    qCInfo(lcStore, "Created %s (schema %d)", qUtf8Printable(displayPath(path)), *version);
    return store;
}

Result<std::unique_ptr<Store>> Store::open(const QString& path, const SecretBytes& key) {
    const int latestVersion = latestSchemaVersion();

    // The probe proves the key and reads the schema version without writing;
    // only a store this build can read is then opened for writing.
    Result<int> probedVersion = probeStore(path, key);
    if (!probedVersion)
        return std::unexpected(probedVersion.error());
    if (*probedVersion > latestVersion)
        return std::unexpected(schemaTooNewError(path, *probedVersion, latestVersion));

    Result<SqliteConnection> connection = openKeyedConnection(path, key);
    if (!connection)
        return std::unexpected(connection.error());
    // A newer version committed only to the -wal file shows here.
    Result<int> version = readSchemaVersion(connection->get(), path);
    if (!version)
        return std::unexpected(version.error());
    if (*version > latestVersion)
        return std::unexpected(schemaTooNewError(path, *version, latestVersion));
    if (Status configured = configureConnection(connection->get(), path); !configured)
        return std::unexpected(configured.error());

    std::unique_ptr<Store> store = adopt(path, connection->release());
    QSqlDatabase database = store->database();
    Result<int> migratedVersion = migrateStore(database, storeMigrations());
    if (!migratedVersion)
        return std::unexpected(migratedVersion.error());
    store->m_schemaVersion = *migratedVersion;

    qCInfo(lcStore, "Opened %s (schema %d)", qUtf8Printable(displayPath(path)), *migratedVersion);
    return store;
}

std::unique_ptr<Store> Store::adopt(const QString& path, sqlite3* connection) {
    registerSqlCipherDriver();
    const QString connectionName = newConnectionName();
    QSqlDatabase database = QSqlDatabase::addDatabase(new SqlCipherDriver(connection), connectionName);
    database.setDatabaseName(path);
    return std::unique_ptr<Store>(new Store(path, connectionName));
}

} // namespace earlyhelp
