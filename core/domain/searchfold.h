#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace earlyhelp {

// Folds text for search so that what a user types matches how a name was
// written: NFC and NFD spellings of one name fold alike, case and accents are
// dropped, ' and ’ are the same (and both vanish), and hyphens and spaces
// separate words. Stored names are never folded; only the index and the query
// are.
[[nodiscard]] QString foldForSearch(QStringView text);

// Returns the folded words of text: runs of letters and digits after folding.
[[nodiscard]] QStringList foldedWords(QStringView text);

// Returns the index terms of one name or identifier: each folded word, and
// when there are several, all of them joined, so "Smith-Jones" is found by
// "smith", "jones", "smithjones" and "Smith Jones".
[[nodiscard]] QStringList searchTerms(QStringView text);

// Builds an FTS5 MATCH expression for what a user typed: every typed word as a
// prefix, or all typed words joined as one prefix. Returns an empty string when
// the text contains no letter or digit.
[[nodiscard]] QString ftsMatchExpression(QStringView typed);

} // namespace earlyhelp
