#pragma once

// Internal to core/casework: create, update, get, list, delete and restore of
// a record type that maps to one table row, shared by the repositories.

#include "casework/recordtable.h"
#include "store/store.h"

#include <functional>

namespace earlyhelp::casework {

// How a record type T maps to its table.
template <typename T> struct RecordMapping {
    QString table;
    QStringList columns;
    QString label; // translated name of one record, for messages
    CaseworkRecord record = CaseworkRecord::Family;
    // Returns the values of columns, in order, for T's fields.
    std::function<QVariantList(const T&)> toValues;
    // Returns T from a row read with columns.
    std::function<T(const Row&)> fromRow;
    // Checks T before a create or an update. today is the injected clock's
    // date in local time. May read the store, never write.
    std::function<Status(Store&, const T&, QDate today)> validate;

    [[nodiscard]] RecordTable tableIn(Store& store) const {
        return RecordTable(store, table, columns, label);
    }
};

template <typename T>
[[nodiscard]] Result<T> getRecord(Store& store, const RecordMapping<T>& mapping, const QString& id,
                                  bool includeDeleted = false) {
    Result<Row> row = mapping.tableIn(store).get(id, includeDeleted);
    if (!row)
        return std::unexpected(row.error());
    return mapping.fromRow(*row);
}

template <typename T>
[[nodiscard]] Result<QList<T>> listRecords(Store& store, const RecordMapping<T>& mapping,
                                           const QString& where, const QVariantList& binds,
                                           const QString& order, bool includeDeleted = false) {
    Result<QList<Row>> rows = mapping.tableIn(store).list(where, binds, order, includeDeleted);
    if (!rows)
        return std::unexpected(rows.error());
    QList<T> records;
    for (const Row& row : *rows)
        records += mapping.fromRow(row);
    return records;
}

template <typename T>
[[nodiscard]] Result<T> createRecord(Store& store, const CaseworkOptions& options,
                                     const RecordMapping<T>& mapping, const Actor& actor, const T& record) {
    if (Status allowed = options.authorise(actor, {WriteKind::Create, mapping.record}); !allowed)
        return std::unexpected(allowed.error());
    const QDateTime now = options.clock();
    if (Status valid = mapping.validate(store, record, localDate(now)); !valid)
        return std::unexpected(valid.error());

    Transaction transaction(store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    Result<QString> id = mapping.tableIn(store).insert(mapping.toValues(record), now);
    if (!id)
        return std::unexpected(id.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcCasework, "Created %s %s", qUtf8Printable(mapping.table), qUtf8Printable(*id));
    return getRecord(store, mapping, *id);
}

// Writes record over the stored row with record.meta.id. The revision grows
// only when a value changed.
template <typename T>
[[nodiscard]] Result<T> updateRecord(Store& store, const CaseworkOptions& options,
                                     const RecordMapping<T>& mapping, const Actor& actor, const T& record) {
    if (Status allowed = options.authorise(actor, {WriteKind::Update, mapping.record}); !allowed)
        return std::unexpected(allowed.error());
    const QDateTime now = options.clock();
    if (Status valid = mapping.validate(store, record, localDate(now)); !valid)
        return std::unexpected(valid.error());

    Transaction transaction(store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    Result<bool> changed = mapping.tableIn(store).update(record.meta.id, mapping.toValues(record), now);
    if (!changed)
        return std::unexpected(changed.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return getRecord(store, mapping, record.meta.id);
}

template <typename T>
[[nodiscard]] Status removeRecord(Store& store, const CaseworkOptions& options,
                                  const RecordMapping<T>& mapping, const Actor& actor, const QString& id) {
    if (Status allowed = options.authorise(actor, {WriteKind::Delete, mapping.record}); !allowed)
        return allowed;
    Transaction transaction(store);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    if (Status removed = mapping.tableIn(store).softDelete(id, options.clock()); !removed)
        return removed;
    return transaction.commit();
}

template <typename T>
[[nodiscard]] Status restoreRecord(Store& store, const CaseworkOptions& options,
                                   const RecordMapping<T>& mapping, const Actor& actor, const QString& id) {
    if (Status allowed = options.authorise(actor, {WriteKind::Restore, mapping.record}); !allowed)
        return allowed;
    Transaction transaction(store);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    if (Status restored = mapping.tableIn(store).restore(id, options.clock()); !restored)
        return restored;
    return transaction.commit();
}

} // namespace earlyhelp::casework
