#include "searchfold.h"

#include <QChar>

namespace earlyhelp {

namespace {

bool isApostrophe(char32_t c)
{
    return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'`' || c == U'\u00B4';
}

// Letters that carry no combining mark to drop, so decomposition leaves them as
// they are; their plain Latin spellings are what people type.
QStringView latinSpelling(char32_t c)
{
    switch (c) {
    case U'ß': return u"ss";
    case U'ø': return u"o";
    case U'ł': return u"l";
    case U'đ': return u"d";
    case U'ð': return u"d";
    case U'þ': return u"th";
    case U'æ': return u"ae";
    case U'œ': return u"oe";
    case U'ı': return u"i";
    default: return {};
    }
}

} // namespace

QString foldForSearch(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString folded;
    folded.reserve(decomposed.size());
    for (char32_t c : decomposed.toUcs4()) {
        if (QChar::category(c) == QChar::Mark_NonSpacing || isApostrophe(c))
            continue;
        if (const QStringView latin = latinSpelling(c); !latin.isEmpty()) {
            folded += latin;
            continue;
        }
        if (QChar::requiresSurrogates(c)) {
            folded += QChar(QChar::highSurrogate(c));
            folded += QChar(QChar::lowSurrogate(c));
        } else {
            folded += QChar(static_cast<char16_t>(c));
        }
    }
    return folded.normalized(QString::NormalizationForm_C);
}

QStringList foldedWords(QStringView text)
{
    const QString folded = foldForSearch(text);
    QStringList words;
    QString current;
    for (const QChar c : folded) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_SpacingCombining) {
            current += c;
        } else if (!current.isEmpty()) {
            words += current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        words += current;
    return words;
}

QStringList searchTerms(QStringView text)
{
    QStringList terms = foldedWords(text);
    if (terms.size() > 1)
        terms += terms.join(QString());
    return terms;
}

QString ftsMatchExpression(QStringView typed)
{
    const QStringList words = foldedWords(typed);
    if (words.isEmpty())
        return {};

    auto prefix = [](const QString& word) -> QString { return u'"' + word + u"\"*"; };
    if (words.size() == 1)
        return prefix(words.first());

    QStringList allWords;
    for (const QString& word : words)
        allWords += prefix(word);
    return QString(u'(' + allWords.join(u" AND ") + u") OR " + prefix(words.join(QString())));
}

} // namespace earlyhelp
