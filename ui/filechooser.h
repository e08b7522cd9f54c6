#pragma once

#include <functional>

#include <QString>

class QWidget;

namespace earlyhelp::ui {

// The file dialogs the app opens, as replaceable functions: the app uses the
// platform's dialogs, and GUI tests return a path without showing a dialog.
// Each function returns an empty string when the user cancels.
struct FileChooser {
    using Function = std::function<QString(QWidget* parent, const QString& caption, const QString& directory,
                                           const QString& filter)>;

    Function openFile; // an existing file to read
    Function saveFile; // a file to create; it may not exist yet

    // Returns a chooser that shows QFileDialog's static dialogs.
    [[nodiscard]] static FileChooser platformDialogs();
};

} // namespace earlyhelp::ui
