#include "syncstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

// Rolls the transaction back when it goes out of scope uncommitted.
class Transaction {
public:
    explicit Transaction(QSqlDatabase& database)
        : m_database(database) {}
    ~Transaction() {
        if (m_open)
            m_database.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    [[nodiscard]] bool begin() {
        m_open = m_database.transaction();
        return m_open;
    }
    [[nodiscard]] bool commit() {
        const bool committed = m_database.commit();
        m_open = !committed;
        return committed;
    }

private:
    QSqlDatabase& m_database;
    bool m_open = false;
};

QString toJsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QString& text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QVariant nullableText(const QString& text) {
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// The server's values of the fields a change touches, null where it has none.
QJsonObject touchedValues(const QJsonObject& stored, const QJsonObject& changed) {
    QJsonObject values;
    for (auto it = changed.begin(); it != changed.end(); ++it)
        values.insert(it.key(), stored.value(it.key()).isUndefined() ? QJsonValue() : stored.value(it.key()));
    return values;
}

} // namespace

Result<ChangeOutcome> SyncStore::apply(const RecordChange& change, const QString& deviceId,
                                       const QString& organisationId) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());
    QSqlDatabase database = *connected;

    Transaction transaction(database);
    if (!transaction.begin())
        return std::unexpected(databaseError(Text::tr("starting a push transaction"), database.lastError()));

    // Taking the next sequence first locks the counter row until commit, so
    // changes are applied one at a time even across server instances.
    QSqlQuery query(database);
    if (!query.exec(
            QStringLiteral("UPDATE change_sequence SET last_sequence = last_sequence + 1 WHERE id = 1")))
        return std::unexpected(databaseError(Text::tr("taking a change sequence"), query.lastError()));
    if (!query.exec(QStringLiteral("SELECT last_sequence FROM change_sequence WHERE id = 1")) ||
        !query.next())
        return std::unexpected(databaseError(Text::tr("reading the change sequence"), query.lastError()));
    const qint64 sequence = query.value(0).toLongLong();
    query.finish();

    query.prepare(QStringLiteral("SELECT organisation_id, record_type, record_id, new_revision FROM change "
                                 "WHERE change_id = ?"));
    query.addBindValue(change.changeId);
    if (!query.exec())
        return std::unexpected(
            databaseError(Text::tr("looking up change %1").arg(change.changeId), query.lastError()));
    if (query.next()) {
        ChangeOutcome outcome;
        if (query.value(0).toString() == organisationId && query.value(1).toString() == change.recordType &&
            query.value(2).toString() == change.recordId) {
            outcome.status = ChangeOutcome::Status::Accepted;
            outcome.revision = query.value(3).toLongLong();
        } else {
            outcome.status = ChangeOutcome::Status::Rejected;
            outcome.rejection = ChangeOutcome::Rejection::ChangeIdReused;
        }
        return outcome;
    }
    query.finish();

    query.prepare(QStringLiteral("SELECT organisation_id, revision, fields, deleted, family_id, person_id "
                                 "FROM record WHERE record_type = ? AND record_id = ?"));
    query.addBindValue(change.recordType);
    query.addBindValue(change.recordId);
    if (!query.exec()) {
        return std::unexpected(
            databaseError(Text::tr("reading record %1").arg(change.recordId), query.lastError()));
    }
    const bool exists = query.next();
    const QString owner = exists ? query.value(0).toString() : QString();
    const qint64 revision = exists ? query.value(1).toLongLong() : 0;
    QJsonObject fields = exists ? fromJsonText(query.value(2).toString()) : QJsonObject();
    bool deleted = exists && query.value(3).toInt() != 0;
    QString familyId = exists ? query.value(4).toString() : QString();
    QString personId = exists ? query.value(5).toString() : QString();
    query.finish();

    if (exists && owner != organisationId) {
        ChangeOutcome outcome;
        outcome.status = ChangeOutcome::Status::Rejected;
        outcome.rejection = ChangeOutcome::Rejection::NotOwner;
        return outcome;
    }
    if (change.baseRevision != revision) {
        ChangeOutcome outcome;
        outcome.status = ChangeOutcome::Status::Conflict;
        outcome.revision = revision;
        outcome.serverFields = touchedValues(fields, change.fields);
        outcome.serverDeleted = deleted;
        return outcome;
    }

    for (auto it = change.fields.begin(); it != change.fields.end(); ++it)
        fields.insert(it.key(), it.value());
    deleted = change.deleted.value_or(deleted);
    if (change.hasSubject) {
        familyId = change.familyId;
        personId = change.personId;
    }
    const qint64 newRevision = revision + 1;
    const qint64 now = nowMs();
    const QString fieldsText = toJsonText(fields);

    if (exists) {
        query.prepare(
            QStringLiteral("UPDATE record SET revision = ?, fields = ?, deleted = ?, family_id = ?, "
                           "person_id = ?, updated_at = ?, change_sequence = ? "
                           "WHERE record_type = ? AND record_id = ?"));
        query.addBindValue(newRevision);
        query.addBindValue(fieldsText);
        query.addBindValue(deleted ? 1 : 0);
        query.addBindValue(nullableText(familyId));
        query.addBindValue(nullableText(personId));
        query.addBindValue(now);
        query.addBindValue(sequence);
        query.addBindValue(change.recordType);
        query.addBindValue(change.recordId);
    } else {
        query.prepare(QStringLiteral("INSERT INTO record (record_type, record_id, organisation_id, revision, "
                                     "fields, deleted, family_id, person_id, updated_at, change_sequence) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(change.recordType);
        query.addBindValue(change.recordId);
        query.addBindValue(organisationId);
        query.addBindValue(newRevision);
        query.addBindValue(fieldsText);
        query.addBindValue(deleted ? 1 : 0);
        query.addBindValue(nullableText(familyId));
        query.addBindValue(nullableText(personId));
        query.addBindValue(now);
        query.addBindValue(sequence);
    }
    if (!query.exec()) {
        return std::unexpected(
            databaseError(Text::tr("writing record %1").arg(change.recordId), query.lastError()));
    }

    query.prepare(QStringLiteral("INSERT INTO change (sequence, change_id, device_id, organisation_id, "
                                 "record_type, record_id, base_revision, new_revision, fields, deleted, "
                                 "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(sequence);
    query.addBindValue(change.changeId);
    query.addBindValue(deviceId);
    query.addBindValue(organisationId);
    query.addBindValue(change.recordType);
    query.addBindValue(change.recordId);
    query.addBindValue(change.baseRevision);
    query.addBindValue(newRevision);
    query.addBindValue(toJsonText(change.fields));
    query.addBindValue(deleted ? 1 : 0);
    query.addBindValue(now);
    if (!query.exec()) {
        return std::unexpected(
            databaseError(Text::tr("recording change %1").arg(change.changeId), query.lastError()));
    }
    if (!transaction.commit()) {
        return std::unexpected(
            databaseError(Text::tr("committing change %1").arg(change.changeId), database.lastError()));
    }

    ChangeOutcome outcome;
    outcome.status = ChangeOutcome::Status::Accepted;
    outcome.revision = newRevision;
    return outcome;
}

Result<FeedPage> SyncStore::pull(const QString& organisationId, qint64 after, int limit) {
    auto connected = m_database.connection();
    if (!connected)
        return std::unexpected(connected.error());

    // NOTE: the feed holds only the organisation's own records. Records other
    // organisations share with it, filtered by consent and the agreement,
    // are to be added to this query.
    // Reading one row more than the limit shows whether another page follows.
    QSqlQuery query(*connected);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT change_sequence, record_type, record_id, revision, fields, deleted, "
                                 "family_id, person_id FROM record "
                                 "WHERE organisation_id = ? AND change_sequence > ? "
                                 "ORDER BY change_sequence LIMIT ?"));
    query.addBindValue(organisationId);
    query.addBindValue(after);
    query.addBindValue(limit + 1);
    if (!query.exec())
        return std::unexpected(databaseError(Text::tr("reading the change feed"), query.lastError()));

    FeedPage page;
    page.next = after;
    while (query.next()) {
        if (page.entries.size() == limit) {
            page.more = true;
            break;
        }
        FeedEntry entry;
        entry.sequence = query.value(0).toLongLong();
        entry.recordType = query.value(1).toString();
        entry.recordId = query.value(2).toString();
        entry.revision = query.value(3).toLongLong();
        entry.fields = fromJsonText(query.value(4).toString());
        entry.deleted = query.value(5).toInt() != 0;
        entry.familyId = query.value(6).toString();
        entry.personId = query.value(7).toString();
        page.next = entry.sequence;
        page.entries.append(entry);
    }
    if (query.lastError().isValid())
        return std::unexpected(databaseError(Text::tr("reading the change feed"), query.lastError()));
    return page;
}

} // namespace earlyhelp::server
