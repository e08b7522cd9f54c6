#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

#include "access/access.h"
#include "common/result.h"

class QWidget;

namespace earlyhelp {
class Store;
}

namespace earlyhelp::uitest {

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

// The passphrase of the stores that makeCaseStore() sets up.
inline constexpr char16_t testPassphrase[] = u"correct horse battery staple 42";

// Sets up a store at path for the fictional school, with "Sam Patel" as its
// designated safeguarding lead, imports testPupils() into it, and returns it
// unlocked.
[[nodiscard]] Result<std::unique_ptr<Store>> makeCaseStore(const QString& path);

// The store's designated safeguarding lead, and users of the other roles, as
// the unlock dialog would report them.
[[nodiscard]] access::Actor leadActor();
[[nodiscard]] access::Actor readOnlyActor();

// Returns parent's descendant of type T named objectName, or nullptr with a
// warning that names what is missing, so a renamed widget fails readably.
template <typename T>
[[nodiscard]] T* child(QObject* parent, const QString& objectName)
{
    T* found = parent->findChild<T*>(objectName);
    if (!found)
        qWarning("no child named %s", qPrintable(objectName));
    return found;
}

enum class WidgetScope { VisibleOnly, IncludingHidden };

// Returns the text of a widget and its children: window titles, tool tips,
// labels, line edits, buttons, tab titles, and every cell, tool tip and
// accessible text of item views' models. With VisibleOnly, hidden widgets are
// left out.
[[nodiscard]] QStringList widgetTexts(QWidget* root, WidgetScope scope);

} // namespace earlyhelp::uitest
