#pragma once

#include <QApplication>
#include <QCursor>
#include <QEventLoop>

namespace earlyhelp::ui {

// Shows the wait cursor for the lifetime of the object, for work that blocks
// the GUI thread (key derivation, opening a store). Pending paint events run
// first, so a label that describes the work is on screen before the event
// loop stops.
class BusyCursor {
public:
    BusyCursor()
    {
        QApplication::setOverrideCursor(QCursor(Qt::WaitCursor));
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
    ~BusyCursor() { QApplication::restoreOverrideCursor(); }

    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;
};

} // namespace earlyhelp::ui
