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
    const QCommandLineOption agreementOption(
        QStringLiteral("agreement"),
        QApplication::translate("main", "Offer the signed Data Sharing Agreement in <file>, with its signature "
                                        "in <file>.sig, instead of the one built in."),
        QApplication::translate("main", "file"));
    parser.addOption(agreementOption);
    parser.process(application);

    const QString storePath = parser.isSet(storeOption)
                                  ? QDir::cleanPath(QFileInfo(parser.value(storeOption)).absoluteFilePath())
                                  : earlyhelp::defaultStorePath();

    earlyhelp::ui::AgreementSource agreementSource =
        parser.isSet(agreementOption) ? earlyhelp::ui::AgreementSource::fromFile(parser.value(agreementOption))
                                      : earlyhelp::ui::AgreementSource::builtIn();
    earlyhelp::ui::AppController controller(storePath, earlyhelp::ui::FileChooser::platformDialogs(),
                                            std::move(agreementSource));
    QObject::connect(&controller, &earlyhelp::ui::AppController::setupCancelled, &application,
                     &QCoreApplication::quit);
    controller.start();
    return QApplication::exec();
}
