#include "recordtable.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace earlyhelp {

Q_LOGGING_CATEGORY(lcCasework, "earlyhelp.core.casework", QtInfoMsg)

namespace casework {

namespace {

bool sameValue(const QVariant& stored, const QVariant& given) {
    if (stored.isNull() || given.isNull())
        return stored.isNull() == given.isNull();
    return stored.toString() == given.toString();
}

// Returns value ready to bind. The driver binds a null QString as SQL NULL,
// which the NOT NULL text columns reject, so it becomes an empty string. An
// untyped QVariant() stays NULL.
QVariant bindable(const QVariant& value) {
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QStringLiteral("");
    return value;
}

} // namespace

QVariant dateValue(QDate date) {
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

QDate dateFromValue(const QVariant& value) {
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

QVariant optionalText(const QString& text) {
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString timestampValue(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString dateForScreen(QDate date) {
    return date.toString(u"dd/MM/yyyy");
}

QDate localDate(const QDateTime& time) {
    return time.toLocalTime().date();
}

CaseworkOptions withDefaults(CaseworkOptions options) {
    if (!options.clock)
        options.clock = [] { return QDateTime::currentDateTimeUtc(); };
    if (!options.authorise)
        options.authorise = roleWriteGuard();
    return options;
}

Transaction::Transaction(Store& store)
    : m_store(store) {}

Transaction::~Transaction() {
    if (m_open && !m_store.database().rollback())
        qCWarning(lcCasework, "Rolling back a case-work transaction failed");
}

Status Transaction::begin() {
    QSqlDatabase database = m_store.database();
    if (!database.transaction())
        return std::unexpected(m_store.errorFromSql(database.lastError()));
    m_open = true;
    return {};
}

Status Transaction::commit() {
    QSqlDatabase database = m_store.database();
    if (!database.commit())
        return std::unexpected(m_store.errorFromSql(database.lastError()));
    m_open = false;
    return {};
}

RecordTable::RecordTable(Store& store, QString table, QStringList columns, QString label)
    : m_store(store)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_label(std::move(label)) {}

QString RecordTable::selectList() const {
    return QString(u"SELECT id, org_id, revision, created_at, updated_at, deleted, deleted_at, " +
                   m_columns.join(u", ") + u" FROM " + m_table);
}

Row RecordTable::readRow(const QSqlQuery& query) const {
    Row row;
    row.meta.id = query.value(0).toString();
    row.meta.orgId = query.value(1).toString();
    row.meta.revision = query.value(2).toInt();
    row.meta.createdAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs);
    row.meta.updatedAt = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs);
    row.meta.deleted = query.value(5).toInt() != 0;
    if (!query.value(6).isNull())
        row.meta.deletedAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        row.values += query.value(int(7 + i));
    return row;
}

Error RecordTable::queryError(const QSqlQuery& query) const {
    qCWarning(lcCasework, "A query on %s failed: %s", qUtf8Printable(m_table),
              qUtf8Printable(query.lastError().text()));
    return m_store.errorFromSql(query.lastError());
}

Error RecordTable::notFound(const QString& id) const {
    return Error{ErrorCode::NotFound, QCoreApplication::translate("earlyhelp::Casework",
                                                                  "No %1 with id %2 is in this store. It may "
                                                                  "have been deleted.")
                                          .arg(m_label, id)};
}

Result<Row> RecordTable::get(const QString& id, bool includeDeleted) const {
    QSqlQuery query(m_store.database());
    query.prepare(selectList() + (includeDeleted ? u" WHERE id = ?" : u" WHERE id = ? AND deleted = 0"));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query));
    if (!query.next())
        return std::unexpected(notFound(id));
    return readRow(query);
}

Result<QList<Row>> RecordTable::list(const QString& where, const QVariantList& binds, const QString& order,
                                     bool includeDeleted) const {
    QSqlQuery query(m_store.database());
    query.prepare(selectList() + (includeDeleted ? u" WHERE (" : u" WHERE deleted = 0 AND (") + where +
                  u") ORDER BY " + order);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(queryError(query));
    QList<Row> rows;
    while (query.next())
        rows += readRow(query);
    return rows;
}

Result<QString> RecordTable::insert(const QVariantList& values, const QDateTime& now) {
    Q_ASSERT(values.size() == m_columns.size());
    QSqlQuery query(m_store.database());
    QStringList placeholders(m_columns.size(), QStringLiteral("?"));
    query.prepare(QString(u"INSERT INTO " + m_table + u" (id, org_id, revision, created_at, updated_at, " +
                          m_columns.join(u", ") + u") SELECT ?, id, 1, ?, ?, " + placeholders.join(u", ") +
                          u" FROM organisation WHERE is_local = 1 AND deleted = 0 LIMIT 1"));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString stamp = timestampValue(now);
    query.addBindValue(id);
    query.addBindValue(stamp);
    query.addBindValue(stamp);
    for (const QVariant& value : values)
        query.addBindValue(bindable(value));
    if (!query.exec())
        return std::unexpected(queryError(query));
    if (query.numRowsAffected() != 1) {
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("earlyhelp::Casework",
                                                     "This store has no organisation of its own yet. Run "
                                                     "the set-up again or \"earlyhelp-cli init\"."));
    }
    return id;
}

Result<bool> RecordTable::update(const QString& id, const QVariantList& values, const QDateTime& now) {
    Q_ASSERT(values.size() == m_columns.size());
    Result<Row> current = get(id);
    if (!current)
        return std::unexpected(current.error());

    bool changed = false;
    for (qsizetype i = 0; i < values.size() && !changed; ++i)
        changed = !sameValue(current->values.at(i), bindable(values.at(i)));
    if (!changed)
        return false;

    QStringList assignments;
    for (const QString& column : m_columns)
        assignments += column + u" = ?";
    QSqlQuery query(m_store.database());
    query.prepare(QString(u"UPDATE " + m_table + u" SET " + assignments.join(u", ") +
                          u", revision = revision + 1, updated_at = ? WHERE id = ? AND deleted = 0"));
    for (const QVariant& value : values)
        query.addBindValue(bindable(value));
    query.addBindValue(timestampValue(now));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query));
    return true;
}

Status RecordTable::touch(const QString& id, const QDateTime& now) {
    QSqlQuery query(m_store.database());
    query.prepare(QString(u"UPDATE " + m_table +
                          u" SET revision = revision + 1, updated_at = ? WHERE id = ? AND deleted = 0"));
    query.addBindValue(timestampValue(now));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query));
    if (query.numRowsAffected() != 1)
        return std::unexpected(notFound(id));
    return {};
}

Status RecordTable::softDelete(const QString& id, const QDateTime& now) {
    QSqlQuery query(m_store.database());
    query.prepare(QString(u"UPDATE " + m_table +
                          u" SET deleted = 1, deleted_at = ?, revision = revision + 1, updated_at = ?"
                          u" WHERE id = ? AND deleted = 0"));
    const QString stamp = timestampValue(now);
    query.addBindValue(stamp);
    query.addBindValue(stamp);
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query));
    if (query.numRowsAffected() != 1)
        return std::unexpected(notFound(id));
    return {};
}

Status RecordTable::restore(const QString& id, const QDateTime& now) {
    Result<Row> row = get(id, true);
    if (!row)
        return std::unexpected(row.error());
    if (!row->meta.deleted) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Casework",
                                                     "The %1 %2 is not deleted, so there is nothing to "
                                                     "restore.")
                             .arg(m_label, id));
    }
    const QDateTime deadline = row->meta.deletedAt.addDays(restoreWindowDays);
    if (!row->meta.deletedAt.isValid() || now > deadline) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Casework",
                                                     "The %1 %2 was deleted on %3, more than %4 days ago, "
                                                     "and can no longer be restored. Enter it again if it "
                                                     "is still needed.")
                             .arg(m_label, id, dateForScreen(localDate(row->meta.deletedAt)))
                             .arg(restoreWindowDays));
    }

    QSqlQuery query(m_store.database());
    query.prepare(QString(u"UPDATE " + m_table +
                          u" SET deleted = 0, deleted_at = NULL, revision = revision + 1, updated_at = ?"
                          u" WHERE id = ? AND deleted = 1"));
    query.addBindValue(timestampValue(now));
    query.addBindValue(id);
    if (!query.exec())
        return std::unexpected(queryError(query));
    return {};
}

} // namespace casework
} // namespace earlyhelp
