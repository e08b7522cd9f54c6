#include "transfercommands.h"

#include "cli.h"
#include "transfer/safeguardingtransfer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace earlyhelp::cli {

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

QString localTime(const QDateTime& time) {
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) : QString();
}

int recordTotal(const QMap<QString, int>& counts) {
    int total = 0;
    for (int count : counts)
        total += count;
    return total;
}

QString countsText(const QMap<QString, int>& counts) {
    QStringList parts;
    for (auto count = counts.cbegin(); count != counts.cend(); ++count)
        if (count.value() > 0)
            parts << QStringLiteral("%1 %2").arg(count.key()).arg(count.value());
    return parts.join(u", ");
}

int writeReceipt(const QByteArray& receipt, const QString& path) {
    if (Status written = transfer::writePrivateFile(path, receipt); !written)
        return fail(written.error().message);
    out() << Text::tr("Receipt written to %1. Send it back to the sending school, which records it with "
                      "\"earlyhelp-cli transfer confirm\" or Confirm Receipt….")
                 .arg(QDir::toNativeSeparators(path))
          << Qt::endl;
    return Success;
}

int runExport(const QStringList& arguments, const TransferCommandOptions& options) {
    if (arguments.size() != 1 || options.toUrn.isEmpty() || options.outPath.isEmpty())
        return usage(Text::tr("transfer export takes one person id and --to-urn URN --out FILE, such as "
                              "\"earlyhelp-cli transfer export 8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f --to-urn "
                              "104789 --out child.ehsg\""));
    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    transfer::SafeguardingTransfer transfers(*unlocked->store);
    Result<transfer::SentPackage> sent =
        transfers.sendFile(unlocked->actor, arguments.first(), options.toUrn, options.outPath);
    if (!sent)
        return fail(sent.error().message);

    out() << Text::tr("Safeguarding file written to %1 for the school with URN %2: package %3, %4 records (%5).")
                 .arg(QDir::toNativeSeparators(options.outPath), options.toUrn.trimmed(), sent->packageId)
                 .arg(recordTotal(sent->counts))
                 .arg(countsText(sent->counts))
          << Qt::endl
          << Text::tr("Code: %1").arg(sent->code) << Qt::endl
          << Text::tr("The code is shown only this once. Give it to the receiving school by a different route "
                      "than the file, for example by telephone.")
          << Qt::endl;
    return Success;
}

int runImport(const QStringList& arguments, const TransferCommandOptions& options) {
    if (arguments.size() != 1 || options.code.isEmpty())
        return usage(Text::tr("transfer import takes one package file and --code CODE, such as \"earlyhelp-cli "
                              "transfer import child.ehsg --code 7KQ2-MX9D-4TPV-0H3C-W8RB --receipt "
                              "receipt.json\""));
    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    transfer::SafeguardingTransfer transfers(*unlocked->store);
    Result<transfer::ImportedPackage> imported =
        transfers.importFile(unlocked->actor, arguments.first(), options.code);
    if (!imported)
        return fail(imported.error().message);

    out() << Text::tr("Imported the safeguarding file of %1 from %2 (URN %3), packed on %4: %5 records (%6).")
                 .arg(imported->childName, imported->sendingSchoolName, imported->sendingSchoolUrn,
                      localTime(imported->createdAt))
                 .arg(recordTotal(imported->counts))
                 .arg(countsText(imported->counts))
          << Qt::endl;
    if (imported->joinedExistingPerson)
        out() << Text::tr("This store already had a pupil with the child's UPN, so the records were added to that "
                          "pupil (id %1).")
                     .arg(imported->personId)
              << Qt::endl;
    else
        out() << Text::tr("The child's id in this store is %1.").arg(imported->personId) << Qt::endl;
    if (options.receiptPath.isEmpty()) {
        out() << Text::tr("Write the receipt for the sending school with \"earlyhelp-cli transfer receipt %1 --out "
                          "FILE\".")
                     .arg(imported->packageId)
              << Qt::endl;
        return Success;
    }
    return writeReceipt(imported->receipt, options.receiptPath);
}

int runReceipt(const QStringList& arguments, const TransferCommandOptions& options) {
    if (arguments.size() != 1 || options.outPath.isEmpty())
        return usage(Text::tr("transfer receipt takes one package id and --out FILE"));
    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    transfer::SafeguardingTransfer transfers(*unlocked->store);
    Result<QByteArray> receipt = transfers.receipt(arguments.first());
    if (!receipt)
        return fail(receipt.error().message);
    return writeReceipt(*receipt, options.outPath);
}

int runConfirm(const QStringList& arguments, const TransferCommandOptions& options) {
    if (arguments.size() != 1)
        return usage(Text::tr("transfer confirm takes one receipt file"));
    QFile file(arguments.first());
    if (!file.open(QIODevice::ReadOnly))
        return fail(Text::tr("%1 could not be read: %2. Check the file's name and folder.")
                        .arg(QDir::toNativeSeparators(arguments.first()), file.errorString()));
    const QByteArray receipt = file.read(1024 * 1024);

    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    transfer::SafeguardingTransfer transfers(*unlocked->store);
    Result<transfer::TransferEntry> entry = transfers.confirmReceipt(unlocked->actor, receipt);
    if (!entry)
        return fail(entry.error().message);
    out() << Text::tr("Receipt recorded: %1 (URN %2) imported package %3 on %4.")
                 .arg(entry->otherSchoolName, entry->otherSchoolUrn, entry->packageId, localTime(entry->receiptAt))
          << Qt::endl;
    return Success;
}

QJsonObject entryJson(const transfer::TransferEntry& entry) {
    auto time = [](const QDateTime& value) {
        return value.isValid() ? QJsonValue(value.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
    };
    return QJsonObject{
        {QStringLiteral("packageId"), entry.packageId},
        {QStringLiteral("direction"),
         entry.direction == transfer::TransferDirection::Sent ? QStringLiteral("sent") : QStringLiteral("received")},
        {QStringLiteral("personId"), entry.personId},
        {QStringLiteral("child"), entry.childName},
        {QStringLiteral("otherSchool"), entry.otherSchoolName},
        {QStringLiteral("otherSchoolUrn"), entry.otherSchoolUrn},
        {QStringLiteral("createdAt"), time(entry.createdAt)},
        {QStringLiteral("transferredAt"), time(entry.transferredAt)},
        {QStringLiteral("receiptAt"), time(entry.receiptAt)},
        {QStringLiteral("confirmedAt"), time(entry.confirmedAt)},
        {QStringLiteral("recordedBy"), entry.recordedBy},
    };
}

int runList(const QStringList& arguments, const TransferCommandOptions& options) {
    if (!arguments.isEmpty())
        return usage(Text::tr("transfer list takes no arguments"));
    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    transfer::SafeguardingTransfer transfers(*unlocked->store);
    Result<QList<transfer::TransferEntry>> entries = transfers.transfers();
    if (!entries)
        return fail(entries.error().message);

    if (options.json) {
        QJsonArray array;
        for (const transfer::TransferEntry& entry : *entries)
            array.append(entryJson(entry));
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
        return Success;
    }
    if (entries->isEmpty()) {
        out() << Text::tr("No safeguarding files have been sent or received.") << Qt::endl;
        return Success;
    }
    for (const transfer::TransferEntry& entry : *entries) {
        const QString school = entry.otherSchoolName.isEmpty()
                                   ? Text::tr("URN %1").arg(entry.otherSchoolUrn)
                                   : Text::tr("%1 (URN %2)").arg(entry.otherSchoolName, entry.otherSchoolUrn);
        if (entry.direction == transfer::TransferDirection::Sent) {
            const QString receipt = entry.confirmedAt.isValid()
                                        ? Text::tr("received %1, receipt recorded %2")
                                              .arg(localTime(entry.receiptAt), localTime(entry.confirmedAt))
                                        : Text::tr("no receipt yet");
            out() << Text::tr("sent      %1  %2 to %3, %4; %5")
                         .arg(entry.packageId, entry.childName, school, localTime(entry.transferredAt), receipt)
                  << Qt::endl;
        } else {
            out() << Text::tr("received  %1  %2 from %3, packed %4, imported %5")
                         .arg(entry.packageId, entry.childName, school, localTime(entry.createdAt),
                              localTime(entry.transferredAt))
                  << Qt::endl;
        }
    }
    return Success;
}

} // namespace

int runTransfer(const QStringList& arguments, const TransferCommandOptions& options) {
    const QString subcommand = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (subcommand == u"export")
        return runExport(rest, options);
    if (subcommand == u"import")
        return runImport(rest, options);
    if (subcommand == u"receipt")
        return runReceipt(rest, options);
    if (subcommand == u"confirm")
        return runConfirm(rest, options);
    if (subcommand == u"list")
        return runList(rest, options);
    return usage(Text::tr("transfer takes export, import, receipt, confirm or list, not \"%1\"").arg(subcommand));
}

} // namespace earlyhelp::cli
