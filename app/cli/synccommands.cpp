#include "synccommands.h"

#include "cli.h"
#include "keys/oskeychain.h"
#include "sync/syncenrolment.h"

#include <QCoreApplication>
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

} // namespace earlyhelp::cli
