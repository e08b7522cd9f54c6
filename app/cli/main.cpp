#include "cli.h"

#include "common/appidentity.h"
#include "keys/failedunlockjournal.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {

// True when the command renders a PDF, which needs Qt Gui for its fonts.
bool rendersPdf(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pdf") == 0 || std::strncmp(argv[i], "--pdf=", 6) == 0)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    // The command line runs without a display, so a PDF is rendered on the
    // offscreen platform unless QT_QPA_PLATFORM names another.
    std::unique_ptr<QCoreApplication> app;
    if (rendersPdf(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    earlyhelp::setApplicationIdentity();
    earlyhelp::keys::setFailedUnlockClient(QStringLiteral("cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EARLYHELP_VERSION));
    return earlyhelp::cli::run(QCoreApplication::arguments());
}
