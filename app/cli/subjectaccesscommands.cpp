#include "subjectaccesscommands.h"

#include "cli.h"
#include "documents/subjectaccesspdf.h"
#include "subjectaccess/collector.h"
#include "subjectaccess/subjectaccessexport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QTextStream>

namespace earlyhelp::cli {

using namespace subjectaccess;

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::cli)
};

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString& message) {
    err() << "earlyhelp-cli: " << message << Qt::endl;
    return Failure;
}

int usage(const QString& message) {
    err() << "earlyhelp-cli: " << message << Qt::endl
          << Text::tr("Run \"earlyhelp-cli --help\" for the commands and options.") << Qt::endl;
    return UsageError;
}

// Parses the --withhold values into a review. InvalidInput names the value
// at fault; checkReview() checks the item ids afterwards.
Result<Review> parseWithhold(const QStringList& values) {
    QStringList codes;
    for (WithholdReason reason : allWithholdReasons())
        codes += withholdReasonCode(reason);

    Review review;
    for (const QString& value : values) {
        const qsizetype equals = value.indexOf(u'=');
        if (equals <= 0)
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("--withhold %1 is not ITEM_ID=REASON; write it as, for example, "
                                      "case_note/ID=third-party")
                                 .arg(value));
        const QString itemId = value.left(equals);
        QString reasonText = value.mid(equals + 1);
        QString note;
        if (const qsizetype colon = reasonText.indexOf(u':'); colon >= 0) {
            note = reasonText.mid(colon + 1);
            reasonText = reasonText.left(colon);
        }
        const std::optional<WithholdReason> reason = withholdReasonFromCode(reasonText);
        if (!reason)
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("--withhold %1 names the reason \"%2\", which is not one of %3")
                                 .arg(value, reasonText, codes.join(QStringLiteral(", "))));
        review.insert(itemId, ItemReview{true, reason, note});
    }
    return review;
}

void listItems(const Collection& collection) {
    out() << Text::tr("%1 items about %2. Third-party suggestions are marked with *.")
                 .arg(collection.items.size())
                 .arg(collection.personName)
          << Qt::endl;
    for (const Item& item : collection.items) {
        const QString title = item.deleted ? Text::tr("%1 (deleted)").arg(item.title) : item.title;
        out() << (item.mayContainThirdParty ? u'*' : u' ') << ' ' << item.id << '\t'
              << sectionCode(item.section) << '\t'
              << (item.date.isValid() ? item.date.toString(u"dd/MM/yyyy") : QString()) << '\t' << title
              << Qt::endl;
    }
}

int writeOne(UnlockedStore& unlocked, const Collection& collection, const Review& review, ExportKind kind,
             const QString& path) {
    const ExportInfo info{QDateTime::currentDateTimeUtc(), unlocked.actor.user};
    QByteArray content;
    if (kind == ExportKind::Pdf) {
        Result<QByteArray> rendered = documents::subjectAccessPdf(collection, review, info);
        if (!rendered)
            return fail(rendered.error().message);
        content = std::move(*rendered);
    } else {
        content = QJsonDocument(exportJson(collection, review, info)).toJson(QJsonDocument::Indented);
    }
    const Result<qint64> written =
        writeExport(*unlocked.store, unlocked.actor, collection, review, kind, path, content);
    if (!written)
        return fail(written.error().message);
    out() << Text::tr("Wrote %1 (audit event %2).").arg(QDir::toNativeSeparators(path)).arg(*written) << Qt::endl;
    return Success;
}

} // namespace

int runSubjectAccess(const QStringList& arguments, const SubjectAccessOptions& options) {
    if (arguments.size() != 1)
        return usage(Text::tr("subject-access takes one person id, as \"list people --json\" shows it"));
    const Result<Review> review = parseWithhold(options.withhold);
    if (!review)
        return usage(review.error().message);
    if (!options.withhold.isEmpty() && options.jsonPath.isEmpty() && options.pdfPath.isEmpty())
        return usage(Text::tr("--withhold needs --json-file or --pdf, the export to withhold the items from"));

    Result<UnlockedStore> unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    const Result<Collection> collection =
        Collector(*unlocked->store).collect(unlocked->actor, arguments.first());
    if (!collection)
        return fail(collection.error().message);

    if (options.jsonPath.isEmpty() && options.pdfPath.isEmpty()) {
        listItems(*collection);
        return Success;
    }
    if (Status checked = checkReview(*collection, *review); !checked)
        return fail(checked.error().message);
    if (!options.jsonPath.isEmpty()) {
        if (const int status = writeOne(*unlocked, *collection, *review, ExportKind::Json, options.jsonPath);
            status != Success)
            return status;
    }
    if (!options.pdfPath.isEmpty())
        return writeOne(*unlocked, *collection, *review, ExportKind::Pdf, options.pdfPath);
    return Success;
}

} // namespace earlyhelp::cli
