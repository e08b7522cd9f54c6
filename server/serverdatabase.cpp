#include "serverdatabase.h"

#include "logging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QThread>

#include <vector>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

// One schema version: statements that run in one transaction. The SQL must
// run on both SQLite and PostgreSQL: TEXT ids, BIGINT times in milliseconds
// since the epoch (UTC), no SQLite-only syntax.
struct Migration {
    int version;
    QStringList statements;
};

const QList<Migration>& migrations() {
    static const QList<Migration> list = {
        {1,
         {
             QStringLiteral("CREATE TABLE organisation ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL,"
                            " party_type TEXT NOT NULL,"
                            " dfe_urn TEXT,"
                            " ods_code TEXT,"
                            " la_code TEXT,"
                            " created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE device ("
                            " id TEXT PRIMARY KEY,"
                            " organisation_id TEXT NOT NULL REFERENCES organisation (id),"
                            " name TEXT NOT NULL,"
                            " credential_hash TEXT NOT NULL,"
                            " enrolled_at BIGINT NOT NULL,"
                            " revoked_at BIGINT,"
                            " last_seen_at BIGINT)"),
             QStringLiteral("CREATE INDEX device_organisation ON device (organisation_id)"),
             // used_by_device_id is checked at commit, because enrolment marks
             // the code used before it inserts the device.
             QStringLiteral("CREATE TABLE enrolment_code ("
                            " code_hash TEXT PRIMARY KEY,"
                            " organisation_id TEXT NOT NULL REFERENCES organisation (id),"
                            " created_at BIGINT NOT NULL,"
                            " expires_at BIGINT NOT NULL,"
                            " used_at BIGINT,"
                            " used_by_device_id TEXT REFERENCES device (id) DEFERRABLE INITIALLY DEFERRED)"),
             // The document is Base64 of the signed file's exact bytes, so
             // one TEXT column serves both databases.
             QStringLiteral("CREATE TABLE agreement_version ("
                            " version INTEGER PRIMARY KEY,"
                            " document_base64 TEXT NOT NULL,"
                            " signature TEXT NOT NULL,"
                            " published_at BIGINT NOT NULL)"),
         }},
        {2,
         {
             // One row contains the last change sequence handed out. A push
             // increments it first in each change's transaction, so the row
             // lock orders writers and sequences become visible in increasing
             // order, which a pull cursor relies on. An identity column would
             // let a later number commit before an earlier one.
             QStringLiteral("CREATE TABLE change_sequence ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            " last_sequence BIGINT NOT NULL)"),
             QStringLiteral("INSERT INTO change_sequence (id, last_sequence) VALUES (1, 0)"),
             // The current state of every synced record. fields is a JSON
             // object of catalogue field ids and values, and deleted is 0 or 1.
             QStringLiteral("CREATE TABLE record ("
                            " record_type TEXT NOT NULL,"
                            " record_id TEXT NOT NULL,"
                            " organisation_id TEXT NOT NULL REFERENCES organisation (id),"
                            " revision BIGINT NOT NULL,"
                            " fields TEXT NOT NULL,"
                            " deleted INTEGER NOT NULL DEFAULT 0,"
                            " family_id TEXT,"
                            " person_id TEXT,"
                            " updated_at BIGINT NOT NULL,"
                            " change_sequence BIGINT NOT NULL,"
                            " PRIMARY KEY (record_type, record_id))"),
             QStringLiteral("CREATE INDEX record_feed ON record (organisation_id, change_sequence)"),
             // Every accepted change, kept so that a change id sent again gets
             // its first result.
             QStringLiteral("CREATE TABLE change ("
                            " sequence BIGINT PRIMARY KEY,"
                            " change_id TEXT NOT NULL UNIQUE,"
                            " device_id TEXT NOT NULL REFERENCES device (id),"
                            " organisation_id TEXT NOT NULL REFERENCES organisation (id),"
                            " record_type TEXT NOT NULL,"
                            " record_id TEXT NOT NULL,"
                            " base_revision BIGINT NOT NULL,"
                            " new_revision BIGINT NOT NULL,"
                            " fields TEXT NOT NULL,"
                            " deleted INTEGER NOT NULL,"
                            " received_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX change_record ON change (record_type, record_id)"),
         }},
        {3,
         {
             // links is a JSON object of the record's structural references
             // (a relationship's child and adult, say), NULL when it has none.
             QStringLiteral("ALTER TABLE record ADD COLUMN links TEXT"),
             QStringLiteral("CREATE INDEX record_family ON record (family_id)"),
             // The JSON result the push returned for the change, so that the
             // same change id sent again gets the same result.
             QStringLiteral("ALTER TABLE change ADD COLUMN answer TEXT"),
             // What each organisation holds of other organisations' records.
             // fields is the JSON object of values it may hold, purge_fields
             // a JSON array of fields it held before and may no longer hold,
             // and purged 1 once it must delete the whole record, for reason.
             QStringLiteral("CREATE TABLE delivery ("
                            " organisation_id TEXT NOT NULL REFERENCES organisation (id),"
                            " record_type TEXT NOT NULL,"
                            " record_id TEXT NOT NULL,"
                            " family_id TEXT,"
                            " fields TEXT NOT NULL,"
                            " purge_fields TEXT NOT NULL,"
                            " sequence BIGINT NOT NULL,"
                            " purged INTEGER NOT NULL DEFAULT 0,"
                            " reason TEXT,"
                            " PRIMARY KEY (organisation_id, record_type, record_id))"),
             QStringLiteral("CREATE INDEX delivery_feed ON delivery (organisation_id, sequence)"),
             QStringLiteral("CREATE INDEX delivery_family ON delivery (family_id)"),
             // Fields that two organisations changed from the same base
             // revision to different values. The record keeps server_value,
             // and other_value is what other_org_id's device pushed. status
             // is 'open' or 'resolved'. sequence orders it in the feeds.
             QStringLiteral("CREATE TABLE sync_conflict ("
                            " id TEXT PRIMARY KEY,"
                            " record_type TEXT NOT NULL,"
                            " record_id TEXT NOT NULL,"
                            " field_id TEXT NOT NULL,"
                            " server_value TEXT NOT NULL,"
                            " other_value TEXT NOT NULL,"
                            " other_org_id TEXT NOT NULL REFERENCES organisation (id),"
                            " device_id TEXT NOT NULL REFERENCES device (id),"
                            " created_at BIGINT NOT NULL,"
                            " status TEXT NOT NULL,"
                            " resolved_value TEXT,"
                            " resolved_at BIGINT,"
                            " sequence BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX sync_conflict_feed ON sync_conflict (sequence)"),
             QStringLiteral("CREATE INDEX sync_conflict_record ON sync_conflict (record_type, record_id)"),
         }},
        {4,
         {
             // Families whose deliveries wait to be recomputed. A change
             // queues its family in its own transaction; the push that
             // carried it, or the next pull of any device, recomputes the
             // family once and removes the row.
             QStringLiteral("CREATE TABLE family_recompute ("
                            " family_id TEXT PRIMARY KEY,"
                            " queued_at BIGINT NOT NULL)"),
         }},
        {5,
         {
             // The server's audit trail (serveraudit.h gives the hash's
             // encoding). details is a JSON object of counts and ids, and
             // prev_hash and hash are SHA-256 in lower-case hex.
             QStringLiteral("CREATE TABLE audit_event ("
                            " seq BIGINT PRIMARY KEY,"
                            " at BIGINT NOT NULL,"
                            " device_id TEXT,"
                            " org_id TEXT,"
                            " action TEXT NOT NULL,"
                            " details TEXT NOT NULL,"
                            " prev_hash TEXT NOT NULL,"
                            " hash TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX audit_event_device ON audit_event (device_id, seq)"),
             // One row contains the newest event's sequence and hash. An
             // append updates it first, so the row lock orders appends
             // across server processes, and a removed last event shows.
             QStringLiteral("CREATE TABLE audit_head ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            " last_seq BIGINT NOT NULL,"
                            " last_hash TEXT NOT NULL)"),
             QStringLiteral("INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, "
                            "'0000000000000000000000000000000000000000000000000000000000000000')"),
         }},
        {6,
         {
             // Audit anchors (auditanchors.h): the head of each device's own
             // audit trail as a push carried it, one row per device, sequence
             // and hash. hash is SHA-256 in lower-case hex. A second hash
             // for a sequence already anchored gets its own row with
             // conflict = 1, because it shows that the device's trail was
             // rewritten.
             QStringLiteral("CREATE TABLE audit_anchor ("
                            " device_id TEXT NOT NULL REFERENCES device (id),"
                            " seq BIGINT NOT NULL CHECK (seq > 0),"
                            " hash TEXT NOT NULL,"
                            " received_at BIGINT NOT NULL,"
                            " conflict INTEGER NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (device_id, seq, hash))"),
             QStringLiteral("CREATE INDEX audit_anchor_received ON audit_anchor (device_id, received_at)"),
         }},
    };
    return list;
}

// Closes and removes, when a thread ends, the connections it opened.
struct ThreadConnections {
    std::vector<QString> names;
    ~ThreadConnections() {
        for (const QString& name : names) {
            {
                QSqlDatabase database = QSqlDatabase::database(name, false);
                database.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
    }
};

thread_local ThreadConnections threadConnections;

QAtomicInteger<quint64> nextInstance = 0;
QAtomicInteger<quint64> nextThreadKey = 0;

// A key for the calling thread that no later thread reuses, unlike the
// system's thread id, which a new thread may get once an old one has ended.
const QString& threadKey() {
    thread_local const QString key = QString::number(nextThreadKey.fetchAndAddOrdered(1));
    return key;
}

} // namespace

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

Error databaseError(const QString& action, const QSqlError& error) {
    return Error{ErrorCode::Database, Text::tr("%1 failed: %2").arg(action, error.text())};
}

ServerDatabase::ServerDatabase(DatabaseConfig config)
    : m_config(std::move(config))
    , m_connectionPrefix(QStringLiteral("earlyhelp-server-%1-").arg(nextInstance.fetchAndAddOrdered(1))) {}

ServerDatabase::~ServerDatabase() = default;

int ServerDatabase::latestSchemaVersion() {
    return migrations().constLast().version;
}

Result<QSqlDatabase> ServerDatabase::connection() {
    const QString name = m_connectionPrefix % threadKey();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase existing = QSqlDatabase::database(name, false);
        if (existing.isOpen())
            return existing;
    }

    const bool postgres = isPostgreSql();
    QSqlDatabase database =
        QSqlDatabase::contains(name)
            ? QSqlDatabase::database(name, false)
            : QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (!QSqlDatabase::contains(name) || !database.isValid()) {
        return makeError(ErrorCode::Database,
                         Text::tr("the Qt Sql driver for %1 is not installed").arg(m_config.displayName()));
    }
    if (std::find(threadConnections.names.begin(), threadConnections.names.end(), name) ==
        threadConnections.names.end()) {
        threadConnections.names.push_back(name);
    }

    if (postgres) {
        database.setHostName(m_config.host);
        database.setPort(m_config.port);
        database.setUserName(m_config.user);
        database.setDatabaseName(m_config.databaseName);
        database.setPassword(m_config.password);
        database.setConnectOptions(QStringLiteral("connect_timeout=10"));
    } else {
        database.setDatabaseName(m_config.sqlitePath);
        // Waits for another connection's write lock instead of failing at once.
        database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!database.open()) {
        return std::unexpected(databaseError(Text::tr("opening the database %1").arg(m_config.displayName()),
                                             database.lastError()));
    }

    if (!postgres) {
        QSqlQuery pragma(database);
        for (const QString& statement :
             {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA foreign_keys = ON"),
              QStringLiteral("PRAGMA synchronous = NORMAL")}) {
            if (!pragma.exec(statement)) {
                return std::unexpected(databaseError(
                    Text::tr("setting up the database %1").arg(m_config.displayName()), pragma.lastError()));
            }
        }
    }
    return database;
}

Result<int> ServerDatabase::migrate() {
    auto connected = connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migration ("
                                   " version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"))) {
        return std::unexpected(
            databaseError(Text::tr("creating the schema_migration table"), query.lastError()));
    }
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migration")) ||
        !query.next())
        return std::unexpected(databaseError(Text::tr("reading the schema version"), query.lastError()));
    int current = query.value(0).toInt();
    query.finish();

    if (current > latestSchemaVersion()) {
        return makeError(ErrorCode::SchemaTooNew,
                         Text::tr("the database %1 has schema version %2, newer than this server's %3: "
                                  "run a newer earlyhelp-server")
                             .arg(m_config.displayName())
                             .arg(current)
                             .arg(latestSchemaVersion()));
    }

    // NOTE: two instances that start at once on one PostgreSQL database both
    // apply a pending migration. The second fails on schema_migration's
    // primary key and stops, and it starts when run again.
    for (const Migration& migration : migrations()) {
        if (migration.version <= current)
            continue;
        if (!database.transaction())
            return std::unexpected(databaseError(Text::tr("starting a migration"), database.lastError()));
        for (const QString& statement : migration.statements) {
            QSqlQuery step(database);
            if (!step.exec(statement)) {
                const Error error = databaseError(
                    Text::tr("migration to schema version %1").arg(migration.version), step.lastError());
                database.rollback();
                return std::unexpected(error);
            }
        }
        QSqlQuery record(database);
        record.prepare(QStringLiteral("INSERT INTO schema_migration (version, applied_at) VALUES (?, ?)"));
        record.addBindValue(migration.version);
        record.addBindValue(nowMs());
        if (!record.exec() || !database.commit()) {
            const Error error =
                databaseError(Text::tr("recording schema version %1").arg(migration.version),
                              record.lastError().isValid() ? record.lastError() : database.lastError());
            database.rollback();
            return std::unexpected(error);
        }
        qCInfo(lcServer) << "migrated database" << m_config.displayName() << "to schema version"
                         << migration.version;
        current = migration.version;
    }
    return current;
}

} // namespace earlyhelp::server
