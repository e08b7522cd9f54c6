#pragma once

#include <QCoreApplication>
#include <QString>

#include "common/secretbytes.h"

class QLineEdit;

namespace earlyhelp::ui {

// Moves the line edit's text, as UTF-8, into key memory: the line edit is
// emptied (which also clears its undo history) and the characters it held are
// overwritten with zeros.
// NOTE: copies that Qt made earlier, such as freed undo steps or input method
// buffers, are released without being overwritten; nothing here can reach them.
[[nodiscard]] SecretBytes takePassphrase(QLineEdit* lineEdit);

// A rough strength rating for the hint under a new passphrase. It counts
// length in code points and kinds of character; it does not check word lists.
// Shorter than keys::minimumPassphraseLength rates TooShort, which core rejects.
struct PassphraseStrength {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::ui::PassphraseStrength)

public:
    enum Level { TooShort, Weak, Fair, Strong };

    Level level = TooShort;
    int score = 0; // 0 to 100, for a bar
    QString hint;  // one sentence for the user

    [[nodiscard]] static PassphraseStrength rate(const QString& passphrase);
};

} // namespace earlyhelp::ui
