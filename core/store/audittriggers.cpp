#include "audittriggers.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringBuilder>

#include "storeerror.h"

namespace earlyhelp {

namespace {

// Columns whose change alone makes no event: RecordTable::touch() writes
// only these when a child record changes, and the child's own event covers it.
const QStringList bookkeepingColumns{QStringLiteral("revision"), QStringLiteral("updated_at")};

// Tables that hold no case data, or that the audit trail must not record.
// safeguarding_transfer contains receipt keys, and core/transfer appends its
// own transfer events for every write to it. Retention reviews and erasure
// tombstones are recorded by the one event their writer appends (retention,
// erase) rather than a row event each.
bool isExcludedTable(const QString& name) {
    return name.startsWith(u"sqlite_") || name.startsWith(u"sync_") || name.startsWith(u"audit_") ||
           name.startsWith(u"person_search") || name == u"agreement_version" ||
           name == u"safeguarding_transfer" || name == u"retention_review" || name == u"erasure_tombstone";
}

struct ColumnInfo {
    QString name;
    bool isBlob = false;
};

struct TableInfo {
    QString name;
    QList<ColumnInfo> columns;

    [[nodiscard]] bool has(const QString& column) const {
        for (const ColumnInfo& info : columns) {
            if (info.name == column)
                return true;
        }
        return false;
    }
};

Error sqlError(const QSqlDatabase& database, const QSqlQuery& query) {
    return storeErrorFromSqlError(query.lastError(), database.databaseName());
}

// Table and column names go into the script unquoted inside JSON keys, so
// only plain identifiers are accepted.
Status checkIdentifier(const QString& name) {
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (identifier.match(name).hasMatch())
        return {};
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate("earlyhelp::Store",
                                                 "The store table or column name \"%1\" cannot be audited "
                                                 "because it is not a plain SQL identifier. Report this to "
                                                 "your IT support.")
                         .arg(name));
}

Result<TableInfo> readTable(const QSqlDatabase& database, const QString& table) {
    TableInfo info{table, {}};
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid"));
    query.addBindValue(table);
    if (!query.exec())
        return std::unexpected(sqlError(database, query));
    while (query.next()) {
        const QString name = query.value(0).toString();
        if (Status valid = checkIdentifier(name); !valid)
            return std::unexpected(valid.error());
        info.columns.append(ColumnInfo{name, query.value(1).toString().contains(u"BLOB")});
    }
    return info;
}

// The value of column in row ("new" or "old") as JSON can hold it: BLOBs as
// hex, because json_object() rejects them.
QString jsonValue(const QString& row, const ColumnInfo& column) {
    const QString value = row % u".\"" % column.name % u'"';
    if (column.isBlob)
        return u"hex(" % value % u')';
    return value;
}

QString recordIdExpression(const TableInfo& table, const QString& row) {
    if (table.has(QStringLiteral("id")))
        return row % u".id";
    return u"CAST(" % row % u".rowid AS TEXT)";
}

QString familyIdExpression(const TableInfo& table, const QString& row) {
    if (table.name == u"family")
        return row % u".id";
    if (table.has(QStringLiteral("family_id")))
        return u"coalesce(" % row % u".family_id, '')";
    return QStringLiteral("''");
}

QString personIdExpression(const TableInfo& table, const QString& row) {
    if (table.name == u"person")
        return row % u".id";
    for (const char* column : {"person_id", "subject_person_id", "child_id"}) {
        if (table.has(QString::fromLatin1(column)))
            return u"coalesce(" % row % u'.' % QString::fromLatin1(column) % u", '')";
    }
    return QStringLiteral("''");
}

// One INSERT INTO audit_event whose chain columns the chain trigger fills.
QString eventInsert(const TableInfo& table, const QString& row, const QString& action,
                    const QString& baseDetails) {
    return u"    INSERT INTO audit_event (seq, at, user_name, role_code, action, record_type, record_id,\n"
           u"        family_id, person_id, details, details_salt, details_digest, prev_hash, hash)\n"
           u"    SELECT h.seq + 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),\n"
           u"        earlyhelp_audit_user(a.applying), earlyhelp_audit_role(a.applying),\n"
           u"        " % action % u", '" % table.name % u"', " % recordIdExpression(table, row) % u",\n"
           u"        " % familyIdExpression(table, row) % u", " % personIdExpression(table, row) % u",\n"
           u"        json_patch(" % baseDetails % u", earlyhelp_audit_context(a.applying)),\n"
           u"        earlyhelp_audit_salt(), x'', x'', x''\n"
           u"    FROM audit_head AS h,\n"
           u"        (SELECT coalesce((SELECT applying FROM sync_state WHERE id = 1), 0) AS applying) AS a\n"
           u"    WHERE h.id = 1;\n";
}

QString triggerName(const TableInfo& table, const char* operation) {
    return u"audit_" % table.name % u'_' % QString::fromLatin1(operation);
}

QString insertTrigger(const TableInfo& table) {
    const QString action = table.name == u"override_use" ? QStringLiteral("'policy-override'")
                                                          : QStringLiteral("'create'");
    return u"CREATE TRIGGER " % triggerName(table, "insert") % u" AFTER INSERT ON \"" % table.name %
           u"\"\nBEGIN\n" % eventInsert(table, QStringLiteral("new"), action, QStringLiteral("'{}'")) %
           u"END;\n";
}

QString updateTrigger(const TableInfo& table) {
    QStringList changed;
    QStringList fields;
    for (const ColumnInfo& column : table.columns) {
        if (bookkeepingColumns.contains(column.name))
            continue;
        const QString differs = u"old.\"" % column.name % u"\" IS NOT new.\"" % column.name % u'"';
        changed.append(differs);
        fields.append(u"        CASE WHEN " % differs % u" THEN ',\"" % column.name %
                      u"\":' || json_object('old', " % jsonValue(QStringLiteral("old"), column) %
                      u", 'new', " % jsonValue(QStringLiteral("new"), column) % u") ELSE '' END");
    }
    if (changed.isEmpty())
        return {};

    const QString action =
        table.has(QStringLiteral("deleted"))
            ? QStringLiteral("CASE WHEN old.deleted = 0 AND new.deleted <> 0 THEN 'delete' "
                             "WHEN old.deleted <> 0 AND new.deleted = 0 THEN 'restore' ELSE 'update' END")
            : QStringLiteral("'update'");
    // The changed fields are joined as ',"name":{…}' pieces; substr() drops
    // the first comma.
    const QString details = u"json_object('fields', json('{' || substr(\n" % fields.join(u" ||\n") %
                            u", 2) || '}'))";
    return u"CREATE TRIGGER " % triggerName(table, "update") % u" AFTER UPDATE ON \"" % table.name %
           u"\"\nWHEN " % changed.join(u"\n    OR ") % u"\nBEGIN\n" %
           eventInsert(table, QStringLiteral("new"), action, details) % u"END;\n";
}

QString deleteTrigger(const TableInfo& table) {
    const QString action = QStringLiteral("CASE earlyhelp_audit_cause(a.applying) WHEN 'sync' THEN 'purge' "
                                          "WHEN 'erasure' THEN 'erase' ELSE 'delete' END");
    const QString details = QStringLiteral("CASE earlyhelp_audit_cause(a.applying) WHEN 'sync' THEN '{}' "
                                           "WHEN 'erasure' THEN '{}' ELSE '{\"hard\":true}' END");
    return u"CREATE TRIGGER " % triggerName(table, "delete") % u" AFTER DELETE ON \"" % table.name %
           u"\"\nBEGIN\n" % eventInsert(table, QStringLiteral("old"), action, details) % u"END;\n";
}

} // namespace

Result<QStringList> auditedTables(const QSqlDatabase& database) {
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("SELECT name FROM pragma_table_list WHERE schema = 'main' "
                                   "AND type = 'table' ORDER BY name")))
        return std::unexpected(sqlError(database, query));
    QStringList tables;
    while (query.next()) {
        const QString name = query.value(0).toString();
        if (!isExcludedTable(name))
            tables.append(name);
    }
    return tables;
}

Result<QString> auditTriggerScript(const QSqlDatabase& database) {
    Result<QStringList> tables = auditedTables(database);
    if (!tables)
        return std::unexpected(tables.error());

    QString script;
    for (const QString& name : *tables) {
        if (Status valid = checkIdentifier(name); !valid)
            return std::unexpected(valid.error());
        Result<TableInfo> table = readTable(database, name);
        if (!table)
            return std::unexpected(table.error());
        for (const char* operation : {"insert", "update", "delete"})
            script += u"DROP TRIGGER IF EXISTS " % triggerName(*table, operation) % u";\n";
        script += insertTrigger(*table);
        script += updateTrigger(*table);
        script += deleteTrigger(*table);
    }
    return script;
}

} // namespace earlyhelp
