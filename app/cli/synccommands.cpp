#include "synccommands.h"

#include "audit/auditanchor.h"
#include "cli.h"
#include "keys/oskeychain.h"
#include "sync/syncengine.h"
#include "sync/syncenrolment.h"
#include "sync/synclocal.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSysInfo>
#include <QTextStream>

namespace earlyhelp::cli {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::cli)
};

// A difference between the server's clock and this computer's larger than
// this is reported, because records carry the time they were changed.
constexpr qint64 clockWarningSeconds = 5 * 60;

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

QString utcTime(const QDateTime& time) {
    return time.toUTC().toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")) + u" UTC";
}

QString defaultDeviceName() {
    const QString host = QSysInfo::machineHostName().trimmed();
    return host.isEmpty() ? Text::tr("Early Help device") : host;
}

// Writes a warning when the two clocks differ by more than clockWarningSeconds.
void warnAboutClock(const QDateTime& serverTime, const QDateTime& localTime) {
    const qint64 seconds = serverTime.secsTo(localTime);
    if (std::abs(seconds) <= clockWarningSeconds)
        return;
    const int minutes = static_cast<int>(std::abs(seconds) / 60);
    const QString warning = seconds > 0 ? Text::tr("this computer's clock is %n minute(s) ahead of the sync "
                                                   "server's. Correct the clock or its time zone setting.",
                                                   nullptr, minutes)
                                        : Text::tr("this computer's clock is %n minute(s) behind the sync "
                                                   "server's. Correct the clock or its time zone setting.",
                                                   nullptr, minutes);
    err() << "earlyhelp-cli: " << Text::tr("warning: %1").arg(warning) << Qt::endl;
}

// Returns the value as JSON text for a person to read, such as "Ashby" or 3,
// and "(empty)" for null.
QString valueText(const QJsonValue& value) {
    if (value.isNull() || value.isUndefined())
        return Text::tr("(empty)");
    const QJsonArray wrapper{value};
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QJsonObject conflictToJson(const sync::SyncConflict& conflict) {
    const QJsonObject organisation{{QStringLiteral("id"), conflict.otherOrganisation.id},
                                   {QStringLiteral("name"), conflict.otherOrganisation.name},
                                   {QStringLiteral("partyType"), conflict.otherOrganisation.partyType}};
    return {{QStringLiteral("conflictId"), conflict.conflictId},
            {QStringLiteral("recordType"), conflict.recordType},
            {QStringLiteral("recordId"), conflict.recordId},
            {QStringLiteral("record"), conflict.recordLabel},
            {QStringLiteral("fieldId"), conflict.fieldId},
            {QStringLiteral("field"), conflict.fieldLabel},
            {QStringLiteral("localValue"), conflict.localValue},
            {QStringLiteral("serverValue"), conflict.serverValue},
            {QStringLiteral("otherValue"), conflict.otherValue},
            {QStringLiteral("otherOrganisation"), organisation},
            {QStringLiteral("createdAt"), conflict.createdAt.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("status"), conflict.open ? QStringLiteral("open") : QStringLiteral("resolved")}};
}

void printConflict(const sync::SyncConflict& conflict) {
    out() << Text::tr("Conflict %1: %2 (%3 %4), field %5 (%6)")
                 .arg(conflict.conflictId, conflict.recordLabel, conflict.recordType, conflict.recordId,
                      conflict.fieldLabel, conflict.fieldId)
          << Qt::endl
          << Text::tr("  server keeps:     %1").arg(valueText(conflict.serverValue)) << Qt::endl
          << Text::tr("  other value:      %1 (from %2, %3)")
                 .arg(valueText(conflict.otherValue), conflict.otherOrganisation.name,
                      conflict.otherOrganisation.partyType)
          << Qt::endl
          << Text::tr("  this store holds: %1").arg(valueText(conflict.localValue)) << Qt::endl
          << Text::tr("  raised:           %1").arg(utcTime(conflict.createdAt)) << Qt::endl;
}

// Reads every audit anchor the server recorded from the store's pushes, page
// by page. An anchor recorded meanwhile makes a page repeat the last anchor
// of the page before, so repeats of a sequence and hash are dropped.
Result<QList<audit::AuditAnchor>> readAllAuditAnchors(const Store& store, const QUuid& storeId,
                                                      keys::Keychain& keychain,
                                                      const QString& caCertificatePath) {
    auto connection = sync::connectEnrolledStore(store, storeId, keychain, caCertificatePath);
    if (!connection)
        return std::unexpected(connection.error());
    QList<audit::AuditAnchor> anchors;
    QSet<std::pair<qint64, QByteArray>> seen;
    qint64 offset = 0;
    while (true) {
        auto page = (*connection)->auditAnchors(sync::SyncConnection::maxAnchorLimit, offset);
        if (!page)
            return std::unexpected(page.error());
        for (const audit::AuditAnchor& anchor : std::as_const(*page)) {
            if (!seen.contains({anchor.sequence, anchor.hash})) {
                seen.insert({anchor.sequence, anchor.hash});
                anchors.append(anchor);
            }
        }
        offset += page->size();
        if (page->size() < sync::SyncConnection::maxAnchorLimit)
            return anchors;
    }
}

} // namespace

int runEnrol(const QStringList& arguments, const SyncOptions& options) {
    if (arguments.size() != 2)
        return usage(Text::tr("enrol takes the server address and the enrolment code, such as "
                              "\"earlyhelp-cli enrol https://sync.example.org K7MPQ-3RTXW-9HJNA-4CEFB\""));
    sync::EnrolmentRequest request;
    request.serverUrl = arguments.at(0);
    request.code = arguments.at(1);
    request.deviceName = options.deviceName.isEmpty() ? defaultDeviceName() : options.deviceName;
    request.caCertificatePath = options.caCertificatePath;

    // The address is checked before the passphrase is asked for.
    if (auto url = sync::parseServerUrl(request.serverUrl); !url)
        return fail(url.error().message);

    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    auto storeId = sync::storeIdFor(options.storePath);
    if (!storeId)
        return fail(storeId.error().message);

    keys::OsKeychain keychain;
    auto enrolment = sync::enrolStore(*unlocked->store, *storeId, unlocked->actor, keychain, request);
    if (!enrolment)
        return fail(enrolment.error().message);
    out() << Text::tr("Enrolled %1 with %2 as device %3 (\"%4\") of %5. The device credential is in the OS "
                      "keychain.")
                 .arg(options.storePath, enrolment->serverUrl.toString(), enrolment->deviceId,
                      enrolment->deviceName, enrolment->organisation.name)
          << Qt::endl;
    return Success;
}

int runSyncStatus(const QStringList& arguments, const SyncOptions& options) {
    if (!arguments.isEmpty())
        return usage(Text::tr("sync-status takes no arguments"));
    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    auto storeId = sync::storeIdFor(options.storePath);
    if (!storeId)
        return fail(storeId.error().message);

    auto enrolment = sync::readEnrolment(*unlocked->store);
    if (!enrolment)
        return fail(enrolment.error().message);
    if (!*enrolment)
        return fail(
            Text::tr("%1 is not enrolled with a sync server: run \"earlyhelp-cli enrol URL CODE\" with "
                     "the address and code your administrator gave you")
                .arg(options.storePath));
    const sync::SyncEnrolment& recorded = **enrolment;
    out() << Text::tr("Server: %1").arg(recorded.serverUrl.toString()) << Qt::endl
          << Text::tr("Device: %1 (\"%2\"), enrolled %3")
                 .arg(recorded.deviceId, recorded.deviceName, utcTime(recorded.enrolledAt))
          << Qt::endl
          << Text::tr("Organisation: %1 (%2, %3)")
                 .arg(recorded.organisation.name, recorded.organisation.partyType, recorded.organisation.id)
          << Qt::endl;

    keys::OsKeychain keychain;
    auto connection =
        sync::connectEnrolledStore(*unlocked->store, *storeId, keychain, options.caCertificatePath);
    if (!connection)
        return fail(connection.error().message);
    auto status = (*connection)->status();
    const QDateTime localTime = QDateTime::currentDateTimeUtc();
    if (!status)
        return fail(status.error().message);

    out() << Text::tr("Server status: available, API version %1").arg(status->apiVersion) << Qt::endl
          << Text::tr("Server time: %1").arg(utcTime(status->serverTime)) << Qt::endl;
    if (status->deviceId != recorded.deviceId)
        return fail(Text::tr("the server knows this device as %1, not %2 as the store records. Enrol again.")
                        .arg(status->deviceId, recorded.deviceId));
    warnAboutClock(status->serverTime, localTime);
    return Success;
}

int checkAuditAnchors(Store& store, const QString& storePath, const QString& caCertificatePath) {
    auto enrolment = sync::readEnrolment(store);
    if (!enrolment)
        return fail(enrolment.error().message);
    if (!*enrolment) {
        out() << Text::tr("Audit trail anchors: not checked, because %1 is not enrolled with a sync server.")
                     .arg(storePath)
              << Qt::endl;
        return Success;
    }
    auto storeId = sync::storeIdFor(storePath);
    if (!storeId)
        return fail(storeId.error().message);

    keys::OsKeychain keychain;
    auto anchors = readAllAuditAnchors(store, *storeId, keychain, caCertificatePath);
    if (!anchors) {
        out() << Text::tr("Audit trail anchors: not checked, because the sync server's anchors could not be "
                          "read. %1")
                     .arg(anchors.error().message)
              << Qt::endl;
        return Success;
    }

    auto report = audit::checkAuditAnchors(store, *anchors);
    if (!report)
        return fail(report.error().message);
    if (!report->intact)
        return fail(
            Text::tr("Audit trail: %1. Keep this copy of the store for investigation, and report it to "
                     "your data protection officer.")
                .arg(report->problem));
    out() << Text::tr("Audit trail anchored: %1 of the server's anchors match.").arg(report->matched)
          << Qt::endl;
    return Success;
}

int runSync(const QStringList& arguments, const SyncOptions& options) {
    if (!arguments.isEmpty())
        return usage(Text::tr("sync takes no arguments"));
    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    auto storeId = sync::storeIdFor(options.storePath);
    if (!storeId)
        return fail(storeId.error().message);

    keys::OsKeychain keychain;
    sync::SyncEngine engine(*unlocked->store, *storeId, keychain);
    if (!options.caCertificatePath.isEmpty())
        engine.setCaCertificatePath(options.caCertificatePath);
    auto outcome = engine.syncNow(unlocked->actor);
    if (!outcome) {
        if (outcome.error().code == ErrorCode::NotFound)
            return fail(Text::tr("%1 is not enrolled with a sync server: run \"earlyhelp-cli enrol URL CODE\" "
                                 "with the address and code your administrator gave you")
                            .arg(options.storePath));
        return fail(outcome.error().message);
    }

    out() << Text::tr("Pushed: %1").arg(outcome->pushed) << Qt::endl
          << Text::tr("Pulled: %1").arg(outcome->pulled) << Qt::endl
          << Text::tr("Purged: %1").arg(outcome->purged) << Qt::endl;
    if (outcome->rejected > 0)
        out() << Text::tr("Rejected: %1").arg(outcome->rejected) << Qt::endl;
    if (!outcome->error)
        out() << Text::tr("Conflicts waiting for a person: %1").arg(outcome->conflictsOpen) << Qt::endl;
    if (outcome->serverTime.isValid())
        warnAboutClock(outcome->serverTime, outcome->serverTime.addSecs(outcome->clockSkewSeconds));

    if (outcome->error)
        return fail(Text::tr("sync stopped: %1 What was exchanged before the failure is kept, and the next "
                             "sync continues from there.")
                        .arg(outcome->error->message));
    if (outcome->rejected > 0) {
        sync::SyncLocal local(*unlocked->store);
        if (auto rejected = local.rejected(); rejected) {
            for (const sync::OutgoingChange& change : *rejected)
                err() << "earlyhelp-cli: "
                      << Text::tr("the server rejected the change to %1 %2 (change %3, %4): %5")
                             .arg(change.recordType, change.recordId, change.changeId, change.error,
                                  change.message)
                      << Qt::endl;
        }
        return fail(Text::tr("the sync server rejected %n change(s); they stay in the outbox. Check the "
                             "server's messages above and correct the records.",
                             nullptr, outcome->rejected));
    }
    if (!outcome->complete) {
        // The engine recorded why, for example that no agreement is in force,
        // in which case syncing again would change nothing.
        const Result<sync::SyncState> state = sync::SyncLocal(*unlocked->store).state();
        if (state && !state->lastError.isEmpty())
            return fail(state->lastError);
        return fail(Text::tr("changes are still waiting to be sent: run \"earlyhelp-cli sync\" again"));
    }
    return Success;
}

int runConflicts(const QStringList& arguments, const SyncOptions& options) {
    const bool resolving = !arguments.isEmpty() && arguments.first() == u"resolve";
    if (!resolving && !arguments.isEmpty())
        return usage(Text::tr("conflicts takes no arguments, or \"resolve ID --keep server|other\""));
    if (resolving && arguments.size() != 2)
        return usage(Text::tr("conflicts resolve takes one conflict id, such as \"earlyhelp-cli conflicts "
                              "resolve 8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f --keep server\""));
    if (resolving && options.keep != u"server" && options.keep != u"other")
        return usage(Text::tr("conflicts resolve needs --keep server (the value the server kept) or --keep "
                              "other (the value the server did not take), not \"%1\"")
                         .arg(options.keep));
    if (!resolving && !options.keep.isEmpty())
        return usage(Text::tr("--keep goes with \"conflicts resolve ID\""));

    auto unlocked = options.unlockStore();
    if (!unlocked)
        return fail(unlocked.error().message);
    sync::SyncLocal local(*unlocked->store);

    if (!resolving) {
        auto conflicts = local.conflicts(true);
        if (!conflicts)
            return fail(conflicts.error().message);
        if (options.json) {
            QJsonArray array;
            for (const sync::SyncConflict& conflict : *conflicts)
                array.append(conflictToJson(conflict));
            out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)) << Qt::flush;
            return Success;
        }
        if (conflicts->isEmpty()) {
            out() << Text::tr("No conflicts are waiting for a person.") << Qt::endl;
            return Success;
        }
        for (const sync::SyncConflict& conflict : *conflicts)
            printConflict(conflict);
        out() << Text::tr("Settle each with \"earlyhelp-cli conflicts resolve ID --keep server|other\", then "
                          "run \"earlyhelp-cli sync\".")
              << Qt::endl;
        return Success;
    }

    const QString conflictId = arguments.at(1);
    auto conflicts = local.conflicts(false);
    if (!conflicts)
        return fail(conflicts.error().message);
    const auto found = std::find_if(conflicts->cbegin(), conflicts->cend(),
                                    [&conflictId](const sync::SyncConflict& conflict) {
                                        return conflict.conflictId.compare(conflictId, Qt::CaseInsensitive) == 0;
                                    });
    if (found == conflicts->cend())
        return fail(Text::tr("no conflict %1 in %2: run \"earlyhelp-cli conflicts\" for the open ones")
                        .arg(conflictId, options.storePath));
    const QJsonValue chosen = options.keep == u"server" ? found->serverValue : found->otherValue;
    if (auto resolved = local.resolveConflict(unlocked->actor, found->conflictId, chosen); !resolved)
        return fail(resolved.error().message);
    out() << Text::tr("Resolved conflict %1: %2 keeps %3. Run \"earlyhelp-cli sync\" to send the choice to the "
                      "server.")
                 .arg(found->conflictId, found->fieldLabel, valueText(chosen))
          << Qt::endl;
    return Success;
}

} // namespace earlyhelp::cli
