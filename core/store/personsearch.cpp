#include "personsearch.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include "domain/searchfold.h"
#include "storeerror.h"

namespace earlyhelp {

namespace {

Error queryError(const QSqlQuery& query, const QSqlDatabase& database) {
    return storeErrorFromSqlError(query.lastError(), database.databaseName());
}

Result<qint64> countRows(const QSqlDatabase& database, const QString& statement, const QString& expression) {
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.prepare(statement))
        return std::unexpected(queryError(query, database));
    if (!expression.isNull())
        query.bindValue(QStringLiteral(":expression"), expression);
    if (!query.exec() || !query.next())
        return std::unexpected(queryError(query, database));
    return query.value(0).toLongLong();
}

} // namespace

Result<QList<PersonMatch>> findPeople(const QSqlDatabase& database, QStringView typed, int limit) {
    if (limit < 1) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Store",
                                                     "The search limit must be at least 1, but %1 was given.")
                             .arg(limit));
    }
    const QString expression = ftsMatchExpression(typed);
    if (expression.isEmpty())
        return QList<PersonMatch>{};

    // The same expression without the prefix operators matches whole words
    // only; people with such a match come first. The folded words contain
    // only letters and digits, so every * in the expression is an operator.
    QString wholeWordExpression = expression;
    wholeWordExpression.remove(u'*');

    // FTS5's own rank, bm25, is not used: for names it mostly prefers people
    // with fewer name words, and ordering by it took about 115 ms more for
    // 40,000 matches in a test store of 300,000 made-up people.
    QSqlQuery query(database);
    query.setForwardOnly(true);
    const bool prepared = query.prepare(QStringLiteral(
        "SELECT person.local_id, person.id"
        " FROM person_search JOIN person ON person.local_id = person_search.rowid"
        " WHERE person_search MATCH :expression AND person.deleted = 0"
        " ORDER BY person_search.rowid NOT IN"
        "   (SELECT rowid FROM person_search WHERE person_search MATCH :wholeWords),"
        " person.legal_surname COLLATE NOCASE, person.legal_forename COLLATE NOCASE, person.local_id"
        " LIMIT :limit"));
    if (!prepared)
        return std::unexpected(queryError(query, database));
    query.bindValue(QStringLiteral(":expression"), expression);
    query.bindValue(QStringLiteral(":wholeWords"), wholeWordExpression);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return std::unexpected(queryError(query, database));

    QList<PersonMatch> matches;
    while (query.next())
        matches.append(PersonMatch{query.value(0).toLongLong(), query.value(1).toString()});
    if (query.lastError().isValid())
        return std::unexpected(queryError(query, database));
    return matches;
}

Result<qint64> countPeopleMatching(const QSqlDatabase& database, QStringView typed) {
    const QString expression = ftsMatchExpression(typed);
    if (expression.isEmpty())
        return 0;
    return countRows(database,
                     QStringLiteral("SELECT count(*)"
                                    " FROM person_search JOIN person ON person.local_id = person_search.rowid"
                                    " WHERE person_search MATCH :expression AND person.deleted = 0"),
                     expression);
}

Result<qint64> countPeople(const QSqlDatabase& database) {
    return countRows(database, QStringLiteral("SELECT count(*) FROM person WHERE deleted = 0"), QString());
}

} // namespace earlyhelp
