#include "cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Early Help"));
    QCoreApplication::setApplicationName(QStringLiteral("Early Help Case Manager"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EARLYHELP_VERSION));
    return earlyhelp::cli::run(QCoreApplication::arguments());
}
