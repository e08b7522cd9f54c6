#pragma once

#include <QString>

#include "common/result.h"
#include "import/ctfimporter.h"

class QWidget;

namespace earlyhelp {
class Store;
}

namespace earlyhelp::ui {

// Returns the resource path of the fictional sample school's Common Transfer
// File embedded in the app, or an empty string when the build has none.
[[nodiscard]] QString sampleCtfResource();

// Imports the Common Transfer File at filePath into store, showing a
// window-modal progress dialog over parent with a Cancel button.
//
// The import runs on the calling thread, which must be the store's thread
// (the GUI thread): the progress callback lets the event loop paint and
// deliver the Cancel click between steps. Input to other windows is blocked
// by the modal dialog, but timers still fire, so the caller must not use the
// store from a timer until this returns.
[[nodiscard]] Result<ImportSummary> importCtfWithProgress(QWidget* parent, Store& store, const QString& filePath);

// Imports the embedded sample school the same way. NotFound when the build
// has no sample.
[[nodiscard]] Result<ImportSummary> importSampleWithProgress(QWidget* parent, Store& store);

} // namespace earlyhelp::ui
