#pragma once

#include <QDialog>

#include "common/result.h"
#include "import/ctfimporter.h"

class QLabel;
class QListWidget;

namespace earlyhelp::ui {

// Dialog with the result of an import: pupils added, updated and unchanged,
// contacts and families added and updated, each skipped pupil with the
// reason, and values left empty. For a file rejected as a whole it shows the
// error and that nothing was imported. It is window-modal when opened with
// open(), and deletes itself on close.
class ImportSummaryDialog : public QDialog {
    Q_OBJECT

public:
    ImportSummaryDialog(const QString& sourceName, const ImportSummary& summary, QWidget* parent = nullptr);
    ImportSummaryDialog(const QString& sourceName, const Error& error, QWidget* parent = nullptr);

private:
    void buildFrame(const QString& heading);

    QLabel* m_headingLabel = nullptr;
    QWidget* m_body = nullptr;
};

} // namespace earlyhelp::ui
