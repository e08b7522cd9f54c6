#include "access/role.h"

#include <QCoreApplication>

namespace earlyhelp::access {

QList<Role> allRoles() {
    return {Role::Lead, Role::Deputy, Role::Caseworker, Role::ReadOnly};
}

QList<Action> allActions() {
    return {Action::ViewCases,      Action::EditCases, Action::DeleteRestore, Action::ManageUsers,
            Action::ChangeSettings, Action::Export,    Action::SignAgreement, Action::ViewAuditTrail};
}

QString roleCode(Role role) {
    switch (role) {
    case Role::Lead:
        return QStringLiteral("lead");
    case Role::Deputy:
        return QStringLiteral("deputy");
    case Role::Caseworker:
        return QStringLiteral("caseworker");
    case Role::ReadOnly:
        return QStringLiteral("readonly");
    }
    return {};
}

std::optional<Role> roleFromCode(const QString& code) {
    for (Role role : allRoles()) {
        if (roleCode(role) == code)
            return role;
    }
    return std::nullopt;
}

QString roleLabel(Role role) {
    switch (role) {
    case Role::Lead:
        return QCoreApplication::translate("earlyhelp::access::Role", "Designated safeguarding lead");
    case Role::Deputy:
        return QCoreApplication::translate("earlyhelp::access::Role", "Deputy designated safeguarding lead");
    case Role::Caseworker:
        return QCoreApplication::translate("earlyhelp::access::Role", "Caseworker");
    case Role::ReadOnly:
        return QCoreApplication::translate("earlyhelp::access::Role", "Read-only");
    }
    return {};
}

QString actionCode(Action action) {
    switch (action) {
    case Action::ViewCases:
        return QStringLiteral("view-cases");
    case Action::EditCases:
        return QStringLiteral("edit-cases");
    case Action::DeleteRestore:
        return QStringLiteral("delete-restore");
    case Action::ManageUsers:
        return QStringLiteral("manage-users");
    case Action::ChangeSettings:
        return QStringLiteral("change-settings");
    case Action::Export:
        return QStringLiteral("export");
    case Action::SignAgreement:
        return QStringLiteral("sign-agreement");
    case Action::ViewAuditTrail:
        return QStringLiteral("view-audit-trail");
    }
    return {};
}

bool roleAllows(Role role, Action action) {
    switch (role) {
    case Role::Lead:
        return true;
    case Role::Deputy:
        return action != Action::ManageUsers && action != Action::ChangeSettings &&
               action != Action::SignAgreement && action != Action::ViewAuditTrail;
    case Role::Caseworker:
        return action == Action::ViewCases || action == Action::EditCases;
    case Role::ReadOnly:
        return action == Action::ViewCases;
    }
    return false;
}

} // namespace earlyhelp::access
