#include "ctfimport.h"

#include <algorithm>
#include <functional>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProgressDialog>

#include "store/store.h"

Q_LOGGING_CATEGORY(lcUiImport, "earlyhelp.ui.import", QtInfoMsg)

namespace earlyhelp::ui {

namespace {

class ImportText {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::ui::ImportText)
};

// Runs import with a progress dialog; label names the file in the dialog.
Result<ImportSummary> runWithProgress(QWidget* parent, const QString& label,
                                      const std::function<Result<ImportSummary>(const ProgressCallback&)>& import)
{
    QProgressDialog progress(ImportText::tr("Importing %1…").arg(label), ImportText::tr("Cancel"), 0, 100, parent);
    progress.setObjectName(QStringLiteral("importProgressDialog"));
    progress.setWindowTitle(ImportText::tr("Import Common Transfer File"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);

    qCInfo(lcUiImport) << "import started";
    auto onProgress = [&progress](qint64 done, qint64 total) {
        if (total > 0) {
            const int percent = static_cast<int>(std::clamp<qint64>(done * 100 / total, 0, 100));
            // setValue() on a modal progress dialog also processes events, so
            // the window repaints and the Cancel button responds.
            progress.setValue(percent);
        }
        QCoreApplication::processEvents();
        return !progress.wasCanceled();
    };
    Result<ImportSummary> summary = import(onProgress);
    progress.close();

    if (summary)
        qCInfo(lcUiImport) << "import finished:" << summary->pupilsAdded << "added," << summary->pupilsUpdated
                           << "updated," << summary->skipped.size() << "skipped";
    else
        qCWarning(lcUiImport) << "import failed, error code" << static_cast<int>(summary.error().code);
    return summary;
}

} // namespace

QString sampleCtfResource()
{
    const QDir sampleDir(QStringLiteral(":/earlyhelp/sample"));
    const QStringList files = sampleDir.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return {};
    return sampleDir.filePath(files.constFirst());
}

Result<ImportSummary> importCtfWithProgress(QWidget* parent, Store& store, const QString& filePath)
{
    return runWithProgress(parent, QFileInfo(filePath).fileName(), [&store, &filePath](const ProgressCallback& progress) {
        return importCtf(store, filePath, progress);
    });
}

Result<ImportSummary> importSampleWithProgress(QWidget* parent, Store& store)
{
    const QString resource = sampleCtfResource();
    QFile sample(resource);
    if (resource.isEmpty() || !sample.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, ImportText::tr("This build of the app has no sample school."));

    Result<CtfDocument> document = parseCtf(sample.readAll(), QFileInfo(resource).fileName());
    if (!document)
        return std::unexpected(document.error());
    return runWithProgress(parent, ImportText::tr("the sample school"),
                           [&store, &document](const ProgressCallback& progress) {
                               return importCtfDocument(store, *document, progress);
                           });
}

} // namespace earlyhelp::ui
