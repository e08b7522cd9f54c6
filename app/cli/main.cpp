#include "cli.h"

#include "common/appidentity.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    earlyhelp::setApplicationIdentity();
    QCoreApplication::setApplicationVersion(QStringLiteral(EARLYHELP_VERSION));
    return earlyhelp::cli::run(QCoreApplication::arguments());
}
