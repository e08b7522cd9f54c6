#include "appidentity.h"

#include <QCoreApplication>

namespace earlyhelp {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("EarlyHelp"));
    QCoreApplication::setApplicationName(QStringLiteral("Early Help Case Manager"));
}

} // namespace earlyhelp
