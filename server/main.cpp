// earlyhelp-server: the central sync server's command line. "serve" runs the
// HTTPS API; "admin …" manages organisations, enrolment codes, devices and
// agreement versions in the same database.

#include "admincommands.h"
#include "apiserver.h"
#include "logging.h"
#include "serverconfig.h"
#include "serverdatabase.h"
#include "tlssetup.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using namespace earlyhelp;
using namespace earlyhelp::server;

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

// A socket pair: the signal handler writes to [0], and a notifier on the main
// thread reads [1] and stops the event loop.
int signalSocket[2] = {-1, -1};

void handleStopSignal(int) {
    const char byte = 1;
    // write() is async-signal-safe. When the buffer is full, a stop is already queued.
    [[maybe_unused]] const ssize_t written = ::write(signalSocket[0], &byte, 1);
}

// Makes SIGINT and SIGTERM quit app's event loop, so the server logs its stop.
void quitOnStopSignals(QCoreApplication& app) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSocket) != 0) {
        qCWarning(lcServer) << "cannot watch for SIGINT and SIGTERM: socketpair failed";
        return;
    }
    auto* notifier = new QSocketNotifier(signalSocket[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(signalSocket[1], &byte, 1);
        qCInfo(lcServer) << "stopping on a signal";
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = handleStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int fail(int status, const QString& message) {
    QTextStream(stderr) << "earlyhelp-server: " << message << Qt::endl;
    return status;
}

int serve(QCoreApplication& app, const QStringList& arguments, ServerConfig config) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& option = arguments.at(i);
        QString* target = option == QLatin1String("--listen") ? &config.listen
                          : option == QLatin1String("--cert") ? &config.certificatePath
                          : option == QLatin1String("--key")  ? &config.keyPath
                                                              : nullptr;
        if (target == nullptr)
            return fail(ExitUsage, Text::tr("serve does not take \"%1\": see --help").arg(option));
        if (i + 1 >= arguments.size())
            return fail(ExitUsage, Text::tr("%1 needs a value").arg(option));
        *target = arguments.at(++i);
    }
    if (!config.hasDatabase) {
        return fail(ExitUsage,
                    Text::tr("no database is configured: set EARLYHELP_SERVER_DATABASE or [database] "
                             "location in the file given with --config"));
    }
    auto address = parseListenAddress(config.listen);
    if (!address)
        return fail(ExitUsage, address.error().message);

    auto tls = loadServerTlsConfiguration(config.certificatePath, config.keyPath);
    if (!tls)
        return fail(ExitRejected, tls.error().message);

    ServerDatabase database(config.database);
    auto migrated = database.migrate();
    if (!migrated)
        return fail(ExitRejected, migrated.error().message);

    ApiServer api(database, config);
    auto port = api.listen(*address, *tls);
    if (!port)
        return fail(ExitRejected, port.error().message);

    const QString host =
        address->host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(address->host) : address->host;
    qCInfo(lcServer).noquote() << "serving database" << database.config().displayName() << "at schema version"
                               << *migrated;
    quitOnStopSignals(app);
    QTextStream(stdout) << "listening on https://" << host << ':' << *port << Qt::endl;
    const int status = app.exec();
    qCInfo(lcServer) << "stopped";
    return status;
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("earlyhelp-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EARLYHELP_VERSION));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        QTextStream(stdout) << usageText();
        return ExitSuccess;
    }
    if (arguments.contains(QStringLiteral("--version"))) {
        QTextStream(stdout) << "earlyhelp-server " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitSuccess;
    }

    // --config may appear anywhere, so each command takes it the same way.
    QString configPath;
    const qsizetype configAt = arguments.indexOf(QStringLiteral("--config"));
    if (configAt >= 0) {
        if (configAt + 1 >= arguments.size())
            return fail(ExitUsage, Text::tr("--config needs a FILE"));
        configPath = arguments.at(configAt + 1);
        arguments.remove(configAt, 2);
    }
    auto config = loadServerConfig(configPath, QProcessEnvironment::systemEnvironment());
    if (!config)
        return fail(ExitUsage, config.error().message);

    if (arguments.isEmpty())
        return fail(ExitUsage, Text::tr("no command given: use serve or admin (see --help)"));
    const QString command = arguments.takeFirst();
    if (command == QLatin1String("serve"))
        return serve(app, arguments, *config);
    if (command == QLatin1String("admin"))
        return runAdminCommand(arguments, *config);
    return fail(ExitUsage, Text::tr("unknown command \"%1\": use serve or admin (see --help)").arg(command));
}
