#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace earlyhelp::uitest {

// Returns the check letter of a UPN for its characters 2 to 13: each
// character's value times its weight (2 for the first up to 13 for the
// last), summed modulo 23, indexes ABCDEFGHJKLMNPQRTUVWXYZ. A digit is worth
// itself; a letter (the last character of a temporary UPN) its index in
// that alphabet.
[[nodiscard]] QChar upnCheckLetter(const QString& lastTwelve);

struct TestContact {
    QString forename;
    QString surname;
    QString relationship; // CTF code, e.g. PAM
    bool parentalResponsibility = false;
    QString mobile;
};

struct TestPupil {
    QString upn;
    QString forename;
    QString surname;
    QString preferredForename; // empty for none
    QString dateOfBirth;       // YYYY-MM-DD
    QString sex;
    QList<TestContact> contacts;
};

// Returns the fictional pupils that the GUI suites import. Amara and Theo
// Fenwick are siblings, and their mother Joanna Fenwick has parental
// responsibility. Rowan Ashby is an only child. Youssef Haddad's preferred
// forename, يوسف, is in Arabic script.
[[nodiscard]] QList<TestPupil> testPupils();

// Writes a minimal CTF 25 file of pupils from the fictional school with LEA
// 330, Estab 2991. Returns false when the file cannot be written.
[[nodiscard]] bool writeCtf(const QString& path, const QList<TestPupil>& pupils);

enum class WidgetScope { VisibleOnly, IncludingHidden };

// Returns the text of a widget and its children: window titles, tool tips,
// labels, line edits, buttons, tab titles, and every cell, tool tip and
// accessible text of item views' models. With VisibleOnly, hidden widgets are
// left out.
[[nodiscard]] QStringList widgetTexts(QWidget* root, WidgetScope scope);

} // namespace earlyhelp::uitest
