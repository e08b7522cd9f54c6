#pragma once

#include "common/result.h"

#include <QList>
#include <QString>
#include <QStringView>

class QSqlDatabase;

namespace earlyhelp {

// A person found by a search.
struct PersonMatch {
    // person.local_id, which is also the rowid of the person's person_search row.
    qint64 localId = 0;
    // person.id, the UUID that identifies the person in every store.
    QString personId;

    friend bool operator==(const PersonMatch&, const PersonMatch&) = default;
};

// Matches returned when the caller gives no limit.
inline constexpr int defaultPersonSearchLimit = 50;

// Person search on a store opened by Store. What the user typed is folded as
// foldForSearch() describes. It is matched against the folded names (legal,
// preferred, middle and former) and identifiers (UPN, NHS number) in the
// person_search table, every typed word as a word prefix or all typed words
// joined as one. So "obri" finds "O'Brien" and "Smith Jones" finds
// "Smith-Jones". Deleted people are never found.
//
// The functions run on database's thread, the thread that opened the Store.
// Errors carry the store's path: StoreDamaged, DiskFull, Io or Database.

// Returns at most limit matches, best first. People in whom every typed word
// is a whole word (or all typed words joined are one) come before people in
// whom they are only prefixes. Within each group the order is legal surname,
// then legal forename (ignoring ASCII case), then localId. Returns an empty
// list when typed has no letter or digit, and InvalidInput when limit is less
// than 1.
[[nodiscard]] Result<QList<PersonMatch>> findPeople(const QSqlDatabase& database, QStringView typed,
                                                    int limit = defaultPersonSearchLimit);

// Counts every person that findPeople() would find for typed, without a limit.
[[nodiscard]] Result<qint64> countPeopleMatching(const QSqlDatabase& database, QStringView typed);

// Counts the people in the store that are not deleted.
[[nodiscard]] Result<qint64> countPeople(const QSqlDatabase& database);

} // namespace earlyhelp
