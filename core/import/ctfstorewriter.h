#pragma once

#include "common/result.h"
#include "import/ctfdocument.h"
#include "import/ctffamilies.h"
#include "import/ctfimporter.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace earlyhelp {

class Store;

// Writes one parsed CTF and its family plan to the store's tables inside a
// transaction that the caller opens and ends. Used by importCtfDocument();
// see there for the matching rules.
class CtfStoreWriter {
public:
    CtfStoreWriter(Store& store, const CtfDocument& document, const CtfFamilyPlan& plan, QString timestamp);

    // Writes everything, reporting one unit per pupil, contact and family.
    // Returns Cancelled when progress returns false; the caller rolls back
    // after any error.
    [[nodiscard]] Status write(const ProgressCallback& progress, ImportSummary& summary);

private:
    struct ColumnValue {
        QString column;
        QVariant value;
    };

    enum class Change { Added, Updated, Unchanged };

    // Runs sql with values bound to its ? placeholders, preparing each SQL
    // text once per import. The returned query shares its result with the
    // cached statement, so it is valid until run() is called again with the
    // same sql.
    [[nodiscard]] Result<QSqlQuery> run(const QString& sql, const QVariantList& values);
    [[nodiscard]] Error storeError(const QSqlQuery& query) const;

    [[nodiscard]] Status loadOrganisation();
    [[nodiscard]] Status loadAdults();

    [[nodiscard]] Result<Change> writePupil(const CtfPupil& pupil, QString& personId);
    [[nodiscard]] Result<Change> writeAdult(const CtfAdult& adult, QString& personId);
    [[nodiscard]] Result<Change> writeFamily(const CtfFamily& family);

    [[nodiscard]] Result<QString> findAdult(const CtfAdult& adult, const QStringList& childIds);
    [[nodiscard]] Result<QString> insertPerson(const QList<ColumnValue>& values);
    [[nodiscard]] Result<bool> updatePerson(const QString& personId, const QList<ColumnValue>& values);
    [[nodiscard]] Result<bool> writeAddress(const QString& personId, const CtfAddress& address);
    [[nodiscard]] Result<bool> writeContactDetails(const QString& personId, const QList<CtfPhone>& phones,
                                                   const QStringList& emails);
    [[nodiscard]] Result<bool> writeRelationship(const QString& childId, const QString& adultId,
                                                 const CtfContact& contact);
    [[nodiscard]] Result<bool> writeFamilyMember(const QString& familyId, const QString& personId,
                                                 const QString& role, const QString& relationship,
                                                 bool parentalResponsibility);
    [[nodiscard]] Result<QString> findFamily(const QStringList& childIds, const QStringList& parentIds);

    Store& m_store;
    QSqlDatabase m_database;
    const CtfDocument& m_document;
    const CtfFamilyPlan& m_plan;
    QString m_timestamp;
    QString m_organisationId;

    QStringList m_pupilIds; // person id of each pupil in the document, by index
    QStringList m_adultIds; // person id of each adult in the plan, by index

    // Stored adults of the local organisation, kept current as adults are
    // written.
    QHash<QString, QStringList> m_adultsByName;        // match name → person ids
    QHash<QString, QSet<QString>> m_identitiesOfAdult; // person id → "phone:…" and "email:…" keys
    QHash<QString, QSet<QString>> m_adultsOfChild;     // child id → adult ids
    QSet<QString> m_claimedAdults;                     // stored adults already matched in this import

    QHash<QString, QSqlQuery> m_statements; // prepared statements by SQL text
};

} // namespace earlyhelp
