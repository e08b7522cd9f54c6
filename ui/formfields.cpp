#include "formfields.h"

#include <QDateEdit>

namespace earlyhelp::ui {

QDateEdit* makeDateEdit(QWidget* parent, const QString& objectName, const QString& accessibleName) {
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace earlyhelp::ui
