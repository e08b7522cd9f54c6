#include "storeverify.h"

#include "store/store.h"
#include "store/storeerror.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace earlyhelp {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::StoreVerify)
};

// integrity_check stops after this many problems unless its argument sets
// another maximum.
constexpr qsizetype integrityCheckLimit = 100;

// Runs a check whose every result row is a problem, except a single "ok" row,
// and adds one line for it to problems. A damaged page makes integrity_check
// list a problem for every tree that reaches it, so only the first problem is
// quoted, with the count. A row may hold several problems, one per line, after
// a "*** in database main ***" heading.
Status collectProblems(QSqlQuery& query, const QString& sql, const QString& label, QStringList& problems)
{
    if (!query.exec(sql)) {
        // A damaged page can stop a check part way. That is a problem of the
        // store, reported with the others, not a failure of verify.
        const Error error = storeErrorFromSqlError(query.lastError(), QString());
        if (error.code == ErrorCode::StoreDamaged) {
            problems += Text::tr("%1: the check stopped at a damaged page (%2)")
                            .arg(label, query.lastError().databaseText());
            return {};
        }
        return makeError(ErrorCode::Database,
                         Text::tr("The check \"%1\" could not run: %2").arg(label, query.lastError().text()));
    }
    QStringList found;
    while (query.next()) {
        QStringList columns;
        for (int i = 0; i < query.record().count(); ++i)
            columns += query.value(i).toString();
        const QString row = columns.join(u' ');
        if (row == u"ok")
            continue;
        for (const QString& line : row.split(u'\n', Qt::SkipEmptyParts)) {
            if (!line.startsWith(u"*** in database"))
                found += line.trimmed();
        }
    }
    if (found.size() == 1)
        problems += label + u": " + found.first();
    else if (found.size() >= integrityCheckLimit)
        problems += Text::tr("%1: %n problems or more, the first \"%2\"", nullptr, int(found.size()))
                        .arg(label, found.first());
    else if (found.size() > 1)
        problems += Text::tr("%1: %n problems, the first \"%2\"", nullptr, int(found.size()))
                        .arg(label, found.first());
    return {};
}

} // namespace

Result<VerifyReport> verifyStore(Store& store)
{
    QSqlQuery query(store.database());
    QStringList problems;

    const struct {
        const char* sql;
        const char* label;
    } checks[] = {
        {"PRAGMA cipher_integrity_check", QT_TRANSLATE_NOOP("earlyhelp::StoreVerify", "page authentication")},
        {"PRAGMA integrity_check", QT_TRANSLATE_NOOP("earlyhelp::StoreVerify", "database structure")},
        {"PRAGMA foreign_key_check", QT_TRANSLATE_NOOP("earlyhelp::StoreVerify", "foreign keys")},
        {"SELECT 'person ' || p.id FROM person p LEFT JOIN person_search s ON s.rowid = p.local_id "
         "WHERE s.rowid IS NULL OR s.names IS NOT earlyhelp_search_terms(p.legal_forename, p.middle_names, "
         "p.legal_surname, p.preferred_forename, p.preferred_surname, p.former_surname) "
         "OR s.identifiers IS NOT earlyhelp_search_terms(p.upn, p.nhs_number)",
         QT_TRANSLATE_NOOP("earlyhelp::StoreVerify", "search index out of date")},
        {"SELECT 'index row ' || s.rowid FROM person_search s LEFT JOIN person p ON p.local_id = s.rowid "
         "WHERE p.local_id IS NULL",
         QT_TRANSLATE_NOOP("earlyhelp::StoreVerify", "search index row without a person")},
    };
    for (const auto& check : checks) {
        if (auto status = collectProblems(query, QString::fromLatin1(check.sql), Text::tr(check.label), problems);
            !status)
            return std::unexpected(status.error());
    }
    if (!query.exec(QStringLiteral("INSERT INTO person_search(person_search) VALUES ('integrity-check')")))
        problems += Text::tr("search index: %1").arg(query.lastError().text());

    if (!problems.isEmpty())
        return makeError(ErrorCode::StoreDamaged,
                         Text::tr("%1 failed verification: %2. Restore the store from a backup, or ask your IT "
                            "support to examine it.")
                             .arg(store.path(), problems.join(QStringLiteral("; "))));
    VerifyReport report;
    report.summary = Text::tr("%1 verified: encryption, structure, foreign keys and search index are sound.")
                         .arg(store.path());
    return report;
}

} // namespace earlyhelp
