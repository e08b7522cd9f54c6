#include "ctfimporter.h"

#include "import/ctfstorewriter.h"
#include "import/importlog.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>

namespace earlyhelp {

namespace {

ImportSummary summaryOf(const CtfDocument& document) {
    ImportSummary summary;
    summary.fileName = document.fileName;
    summary.schoolName = document.header.sourceSchoolName;
    summary.ctfVersion = document.header.ctfVersion;
    summary.documentQualifier = document.header.documentQualifier;
    summary.encoding = document.encoding;
    summary.skipped = document.skipped;
    summary.warnings = document.warnings;
    return summary;
}

Error transactionError(const Store& store, const QSqlDatabase& database, const QString& fileName) {
    Error error = store.errorFromSql(database.lastError());
    error.message =
        QCoreApplication::translate("earlyhelp::CtfImport",
                                    "Writing %1 to the case store failed, so nothing was imported. %2")
            .arg(fileName, error.message);
    return error;
}

} // namespace

Result<CtfPreview> previewCtf(const QString& filePath, const CtfParseOptions& options) {
    Result<CtfDocument> document = readCtfFile(filePath, options);
    if (!document)
        return std::unexpected(document.error());
    CtfPreview preview;
    preview.families = planFamilies(document->pupils);
    preview.document = std::move(*document);
    return preview;
}

Result<ImportSummary> importCtf(Store& store, const QString& filePath, const ProgressCallback& progress,
                                const CtfImportOptions& options) {
    Result<CtfDocument> document = readCtfFile(filePath, options.parse);
    if (!document)
        return std::unexpected(document.error());
    return importCtfDocument(store, *document, progress, options);
}

Result<ImportSummary> importCtfDocument(Store& store, const CtfDocument& document,
                                        const ProgressCallback& progress, const CtfImportOptions& options) {
    ImportSummary summary = summaryOf(document);
    const CtfFamilyPlan plan = planFamilies(document.pupils);
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();

    QSqlDatabase database = store.database();
    if (!database.transaction()) {
        qCWarning(lcImport, "Could not start the transaction for %s", qUtf8Printable(document.fileName));
        return std::unexpected(transactionError(store, database, document.fileName));
    }

    {
        CtfStoreWriter writer(store, document, plan, now.toUTC().toString(Qt::ISODateWithMs));
        const Status written = writer.write(progress, summary);
        if (!written) {
            database.rollback();
            if (written.error().code == ErrorCode::Cancelled)
                qCInfo(lcImport, "Import of %s cancelled and rolled back", qUtf8Printable(document.fileName));
            else
                qCWarning(lcImport, "Import of %s failed and was rolled back",
                          qUtf8Printable(document.fileName));
            return std::unexpected(written.error());
        }
    }

    if (!database.commit()) {
        const Error error = transactionError(store, database, document.fileName);
        database.rollback();
        qCWarning(lcImport, "Could not commit the import of %s", qUtf8Printable(document.fileName));
        return std::unexpected(error);
    }

    qCInfo(lcImport,
           "Imported %s: pupils %d added, %d updated, %d unchanged, %lld skipped; contacts %d added, %d "
           "updated, "
           "%d unchanged; families %d added, %d updated, %d unchanged",
           qUtf8Printable(document.fileName), summary.pupilsAdded, summary.pupilsUpdated,
           summary.pupilsUnchanged, static_cast<long long>(summary.skipped.size()), summary.contactsAdded,
           summary.contactsUpdated, summary.contactsUnchanged, summary.familiesAdded, summary.familiesUpdated,
           summary.familiesUnchanged);
    return summary;
}

} // namespace earlyhelp
