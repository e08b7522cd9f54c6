#pragma once

struct sqlite3;

namespace earlyhelp {

// Registers earlyhelp_search_terms(...) on connection, a variadic,
// deterministic and innocuous SQL function. It returns the searchTerms() of
// each non-NULL argument without repeats, joined by single spaces, or an empty
// string when no argument has a term. The person_search triggers call
// it, so every connection that writes person rows needs it. Returns SQLite's
// result code.
[[nodiscard]] int registerSearchFunction(sqlite3* connection);

} // namespace earlyhelp
