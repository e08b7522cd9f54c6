#include "passphrase.h"

#include <algorithm>

#include <QLineEdit>
#include <QSet>

#include "keys/passphrase.h"

namespace earlyhelp::ui {

SecretBytes takePassphrase(QLineEdit* lineEdit)
{
    QString text = lineEdit->text();
    // setText() drops the line edit's reference to the characters, so text is
    // their only owner and keys::takePassphrase() overwrites them in place.
    // It also clears the undo history, which clear() would extend.
    lineEdit->setText(QString());
    return keys::takePassphrase(text);
}

PassphraseStrength PassphraseStrength::rate(const QString& passphrase)
{
    PassphraseStrength strength;
    const QList<uint> codePoints = passphrase.toUcs4();
    const int length = static_cast<int>(codePoints.size());
    if (length < keys::minimumPassphraseLength) {
        strength.score = std::min(25, length * 2);
        strength.hint = tr("Use at least %n characters.", nullptr, static_cast<int>(keys::minimumPassphraseLength));
        return strength;
    }

    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    QSet<uint> distinct;
    for (const uint c : codePoints) {
        distinct.insert(c);
        if (QChar::isLower(c))
            lower = true;
        else if (QChar::isUpper(c))
            upper = true;
        else if (QChar::isDigit(c))
            digit = true;
        else
            other = true;
    }
    const int kinds = int(lower) + int(upper) + int(digit) + int(other);
    const bool repetitive = distinct.size() < length / 3;

    int points = length + kinds * 4;
    if (repetitive)
        points /= 2;

    if (points < 22) {
        strength.level = Weak;
        strength.score = 40;
        strength.hint = repetitive ? tr("Weak: it repeats the same few characters.")
                                   : tr("Weak: a longer phrase of several unrelated words is stronger.");
    } else if (points < 30) {
        strength.level = Fair;
        strength.score = 70;
        strength.hint = tr("Fair: add another word to make it stronger.");
    } else {
        strength.level = Strong;
        strength.score = 100;
        strength.hint = tr("Strong.");
    }
    return strength;
}

} // namespace earlyhelp::ui
