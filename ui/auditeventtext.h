#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include "audit/auditlog.h"

namespace earlyhelp {
class CaseDirectory;
class Store;
} // namespace earlyhelp

namespace earlyhelp::ui {

// Text of audit events for people: the record an event is about and its
// details, for the audit viewer's table and its CSV export.
class AuditEventText {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::ui::AuditEventText)

public:
    // Names of people and families are read from store and kept, so a page
    // of events about one family reads its name once. The store must
    // outlive this object.
    explicit AuditEventText(Store& store);

    // The record's type label with the name of the person or family it is
    // about where that record still exists, for example
    // "Person: Amara Fenwick" or "Case note (Fenwick family)".
    [[nodiscard]] QString record(const audit::Event& event);

    // The event's details in a sentence, for example "Status: Open → Closed"
    // or "Searched for “Fenwick” (3 results)". Empty when the action has no
    // details to show.
    [[nodiscard]] QString details(const audit::Event& event) const;

    // The label of an action code, or the code itself when it is unknown.
    [[nodiscard]] static QString actionLabel(const QString& code);
    // The label of a role code, or the code itself when it is unknown.
    [[nodiscard]] static QString roleLabel(const QString& code);
    // The label of a store table, such as "Case note" for "case_note".
    [[nodiscard]] static QString recordTypeLabel(const QString& recordType);
    // The label of a column of a store table: the field catalogue's label
    // where the column maps to a field, otherwise the column in words.
    [[nodiscard]] static QString columnLabel(const QString& recordType, const QString& column);

private:
    [[nodiscard]] QString personName(const QString& personId);
    [[nodiscard]] QString familyName(const QString& familyId);

    Store& m_store;
    QHash<QString, QString> m_personNames; // empty when the person no longer exists
    QHash<QString, QString> m_familyNames;
};

} // namespace earlyhelp::ui
