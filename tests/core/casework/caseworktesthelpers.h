#pragma once

// A real store in a temporary folder with a local organisation, a clock the
// test sets, and inserts of the version 1 rows that case work refers to.

#include "cases/casedirectory.h"
#include "casework/caseworkoptions.h"
#include "common/secretbytes.h"
#include "store/store.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace earlyhelp::testing {

struct CaseworkFixture {
    std::unique_ptr<QTemporaryDir> folder;
    std::unique_ptr<Store> store;
    QString orgId;
    // Local time, because dates typed in are checked against the local date.
    QDateTime now = QDateTime(QDate(2026, 12, 4), QTime(12, 0));

    // Returns an empty string when the store could not be set up.
    [[nodiscard]] QString setUp() {
        folder = std::make_unique<QTemporaryDir>();
        if (!folder->isValid())
            return QStringLiteral("The temporary folder could not be created.");
        Result<std::unique_ptr<Store>> created =
            Store::create(folder->filePath(QStringLiteral("case.store")), SecretBytes::random(32));
        if (!created)
            return created.error().message;
        store = std::move(*created);
        OrganisationRecord organisation;
        organisation.name = QStringLiteral("Test Primary School");
        organisation.dfeUrn = QStringLiteral("103456");
        Result<OrganisationRecord> local = createLocalOrganisation(*store, organisation);
        if (!local)
            return local.error().message;
        orgId = local->id;
        return {};
    }

    void tearDown() {
        store.reset();
        folder.reset();
    }

    [[nodiscard]] CaseworkOptions options() {
        return CaseworkOptions{[this] { return now; }, {}};
    }

    // Inserts a family and returns its id, or an empty string on failure.
    [[nodiscard]] QString insertFamily(const QString& name, const QString& status = QStringLiteral("open")) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlQuery query(store->database());
        query.prepare(
            QStringLiteral("INSERT INTO family (id, org_id, name, status, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z')"));
        query.addBindValue(id);
        query.addBindValue(orgId);
        query.addBindValue(name);
        query.addBindValue(status);
        if (!query.exec()) {
            qWarning("Inserting the family failed: %s", qUtf8Printable(query.lastError().text()));
            return {};
        }
        return id;
    }

    // Inserts a person and returns their id, or an empty string on failure.
    [[nodiscard]] QString insertPerson(const QString& forename, const QString& surname) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlQuery query(store->database());
        query.prepare(
            QStringLiteral("INSERT INTO person (id, org_id, legal_forename, legal_surname, created_at, "
                           "updated_at) VALUES (?, ?, ?, ?, '2026-01-05T09:00:00.000Z', "
                           "'2026-01-05T09:00:00.000Z')"));
        query.addBindValue(id);
        query.addBindValue(orgId);
        query.addBindValue(forename);
        query.addBindValue(surname);
        if (!query.exec()) {
            qWarning("Inserting the person failed: %s", qUtf8Printable(query.lastError().text()));
            return {};
        }
        return id;
    }
};

inline const Actor caseworker{QStringLiteral("j.patel"), QStringLiteral("caseworker")};
// Deleting and restoring need a role that caseworkers do not have.
inline const Actor lead{QStringLiteral("a.okafor"), QStringLiteral("lead")};

} // namespace earlyhelp::testing

// Checks that a Result or Status contains no error, and prints the error's
// message when it does. Evaluates expression once.
#define EARLYHELP_VERIFY_OK(expression)                                                                      \
    do {                                                                                                     \
        const auto& checked = (expression);                                                                  \
        QVERIFY2(bool(checked), qUtf8Printable(bool(checked) ? QString() : checked.error().message));        \
    } while (false)
