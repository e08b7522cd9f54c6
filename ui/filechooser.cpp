#include "filechooser.h"

#include <QFileDialog>

namespace earlyhelp::ui {

FileChooser FileChooser::platformDialogs()
{
    FileChooser chooser;
    chooser.openFile = [](QWidget* parent, const QString& caption, const QString& directory, const QString& filter) {
        return QFileDialog::getOpenFileName(parent, caption, directory, filter);
    };
    // The store wizard checks for an existing store itself and explains what
    // to do, so the dialog's own overwrite question would only confuse.
    chooser.saveFile = [](QWidget* parent, const QString& caption, const QString& directory, const QString& filter) {
        return QFileDialog::getSaveFileName(parent, caption, directory, filter, nullptr,
                                            QFileDialog::DontConfirmOverwrite);
    };
    return chooser;
}

} // namespace earlyhelp::ui
