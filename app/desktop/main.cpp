#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>

#include "cases/casestore.h"
#include "common/appidentity.h"
#include "logging.h"
#include "ui/appcontroller.h"
#include "ui/filechooser.h"
#include "ui/translations.h"

int main(int argc, char* argv[])
{
    earlyhelp::app::setUpLogging();

    QApplication application(argc, argv);
    earlyhelp::setApplicationIdentity();
    QApplication::setApplicationVersion(QStringLiteral(EARLYHELP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("earlyhelp"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/earlyhelp/icons/earlyhelp.svg")));
    earlyhelp::ui::installTranslations(application);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Early help case records for a school's designated safeguarding leads."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        QApplication::translate("main", "Open the case store at <path> instead of the default one."),
        QApplication::translate("main", "path"));
    parser.addOption(storeOption);
    parser.process(application);

    const QString storePath = parser.isSet(storeOption)
                                  ? QDir::cleanPath(QFileInfo(parser.value(storeOption)).absoluteFilePath())
                                  : earlyhelp::defaultStorePath();

    earlyhelp::ui::AppController controller(storePath, earlyhelp::ui::FileChooser::platformDialogs());
    QObject::connect(&controller, &earlyhelp::ui::AppController::setupCancelled, &application,
                     &QCoreApplication::quit);
    controller.start();
    return QApplication::exec();
}
