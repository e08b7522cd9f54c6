#pragma once

// Rows of one test store written with SQL, and the bundled agreement, for
// the retention and erasure suites.

#include "../casework/caseworktesthelpers.h"
#include "policy/agreement.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariantList>

#include <optional>

namespace earlyhelp::testing {

inline QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Runs one statement on the fixture's store; false, with a warning naming
// the SQL error, when it fails.
inline bool exec(Store& store, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery query(store.database());
    if (!query.prepare(sql)) {
        qWarning("Preparing %s failed: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
        return false;
    }
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        qWarning("Running %s failed: %s", qUtf8Printable(sql), qUtf8Printable(query.lastError().text()));
        return false;
    }
    return true;
}

// Returns the single value a query selects, or an invalid QVariant.
inline QVariant scalar(Store& store, const QString& sql, const QVariantList& binds = {}) {
    QSqlQuery query(store.database());
    query.prepare(sql);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

inline std::optional<policy::Agreement> bundledAgreement() {
    QFile file(QStringLiteral(":/agreement/agreement-v1.json"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    Result<policy::Agreement> agreement = policy::parseAgreement(file.readAll());
    if (!agreement)
        return std::nullopt;
    return *agreement;
}

// Inserts another organisation, as sync does for a record's owner, and
// returns its id.
inline QString insertOrganisation(Store& store, const QString& name, const QString& partyType) {
    const QString id = newId();
    if (!exec(store,
              QStringLiteral("INSERT INTO organisation (id, name, party_type, is_local, created_at, updated_at) "
                             "VALUES (?, ?, ?, 0, '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z')"),
              {id, name, partyType}))
        return {};
    return id;
}

inline bool setLocalPartyType(Store& store, const QString& partyType) {
    return exec(store, QStringLiteral("UPDATE organisation SET party_type = ? WHERE is_local = 1"), {partyType});
}

inline QString insertPersonRow(Store& store, const QString& orgId, const QString& forename, const QString& surname,
                               const QString& dateOfBirth, const QString& upn = {}) {
    const QString id = newId();
    if (!exec(store,
              QStringLiteral("INSERT INTO person (id, org_id, legal_forename, legal_surname, date_of_birth, upn, "
                             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '2026-01-05T09:00:00.000Z', "
                             "'2026-01-05T09:00:00.000Z')"),
              {id, orgId, forename, surname, dateOfBirth.isEmpty() ? QVariant() : QVariant(dateOfBirth),
               upn.isEmpty() ? QVariant() : QVariant(upn)}))
        return {};
    return id;
}

inline QString insertFamilyRow(Store& store, const QString& orgId, const QString& name,
                               const QString& status = QStringLiteral("open")) {
    const QString id = newId();
    if (!exec(store,
              QStringLiteral("INSERT INTO family (id, org_id, name, status, created_at, updated_at) VALUES "
                             "(?, ?, ?, ?, '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z')"),
              {id, orgId, name, status}))
        return {};
    return id;
}

inline QString insertMember(Store& store, const QString& orgId, const QString& familyId, const QString& personId,
                            const QString& role) {
    const QString id = newId();
    if (!exec(store,
              QStringLiteral("INSERT INTO family_member (id, org_id, family_id, person_id, role, created_at, "
                             "updated_at) VALUES (?, ?, ?, ?, ?, '2026-01-05T09:00:00.000Z', "
                             "'2026-01-05T09:00:00.000Z')"),
              {id, orgId, familyId, personId, role}))
        return {};
    return id;
}

// Records the family's case as closed on closedOn (ISO date).
inline bool closeFamily(Store& store, const QString& orgId, const QString& familyId, const QString& closedOn) {
    return exec(store, QStringLiteral("UPDATE family SET status = 'closed' WHERE id = ?"), {familyId}) &&
           exec(store,
                QStringLiteral("INSERT INTO family_status_change (id, org_id, family_id, from_status, to_status, "
                               "change_date, reason, changed_by, created_at, updated_at) VALUES (?, ?, ?, 'open', "
                               "'closed', ?, 'Support ended', 'a.okafor', '2026-01-05T09:00:00.000Z', "
                               "'2026-01-05T09:00:00.000Z')"),
                {newId(), orgId, familyId, closedOn});
}

} // namespace earlyhelp::testing
