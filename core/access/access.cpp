#include "access/access.h"

#include "access/logging.h"
#include "keys/keyfile.h"

#include <QCoreApplication>

namespace earlyhelp::access {

namespace {

const char* const context = "earlyhelp::access::Access";

// The users of a role as a group, as the subject of a refusal.
QString roleGroup(Role role) {
    switch (role) {
    case Role::Lead:
        return QCoreApplication::translate(context, "Designated safeguarding leads");
    case Role::Deputy:
        return QCoreApplication::translate(context, "Deputy designated safeguarding leads");
    case Role::Caseworker:
        return QCoreApplication::translate(context, "Caseworkers");
    case Role::ReadOnly:
        return QCoreApplication::translate(context, "Read-only users");
    }
    return {};
}

QString deniedMessage(Role role, Action action) {
    const QString group = roleGroup(role);
    switch (action) {
    case Action::ViewCases:
        return QCoreApplication::translate(
                   context, "%1 cannot view case records. Ask your designated safeguarding lead for access.")
            .arg(group);
    case Action::EditCases:
        return QCoreApplication::translate(context, "%1 cannot change case records. Ask your designated "
                                                    "safeguarding lead to make the change, or to give "
                                                    "you a role that allows it.")
            .arg(group);
    case Action::DeleteRestore:
        return QCoreApplication::translate(context, "%1 cannot delete or restore case records. Ask your "
                                                    "designated safeguarding lead or a deputy to do it.")
            .arg(group);
    case Action::ManageUsers:
        return QCoreApplication::translate(
                   context,
                   "%1 cannot add, remove or change users. Ask your designated safeguarding lead to do it.")
            .arg(group);
    case Action::ChangeSettings:
        return QCoreApplication::translate(
                   context,
                   "%1 cannot change settings. Ask your designated safeguarding lead to change them.")
            .arg(group);
    case Action::Export:
        return QCoreApplication::translate(context, "%1 cannot export case data. Ask your designated "
                                                    "safeguarding lead or a deputy to export it.")
            .arg(group);
    case Action::SignAgreement:
        return QCoreApplication::translate(context, "%1 cannot sign the organisation up to the Data Sharing "
                                                    "Agreement. Ask your designated safeguarding lead to "
                                                    "sign up.")
            .arg(group);
    case Action::ViewAuditTrail:
        return QCoreApplication::translate(context, "%1 cannot view the audit trail. Ask your designated "
                                                    "safeguarding lead to look at it.")
            .arg(group);
    }
    return {};
}

QString unknownRoleMessage(const Actor& actor) {
    if (actor.roleCode.isEmpty()) {
        return QCoreApplication::translate(context, "No user has unlocked the store with a passphrase, so "
                                                    "nothing can be done yet. Unlock it with your own "
                                                    "passphrase and try again.");
    }
    return QCoreApplication::translate(context, "The role \"%1\" of %2 is not one this app recognises, so %2 "
                                                "can do nothing in this store. Ask your "
                                                "designated safeguarding lead to set the role again.")
        .arg(actor.roleCode, actor.user);
}

} // namespace

Status authorise(const Actor& actor, Action action) {
    const std::optional<Role> role = actor.role();
    if (!role) {
        qCInfo(lcAccess) << "Access denied:" << actionCode(action) << "for" << actor.user
                         << "with unknown role" << actor.roleCode;
        return makeError(ErrorCode::PermissionDenied, unknownRoleMessage(actor));
    }
    if (!roleAllows(*role, action)) {
        qCInfo(lcAccess) << "Access denied:" << actionCode(action) << "for" << actor.user << "with role"
                         << actor.roleCode;
        return makeError(ErrorCode::PermissionDenied, deniedMessage(*role, action));
    }
    return {};
}

Result<UnlockedSession> unlockAsUser(keys::KeyFile& keyFile, const QString& user,
                                     const SecretBytes& passphrase) {
    Result<SecretBytes> storeKey = keyFile.unlockWithPassphrase(user, passphrase);
    if (!storeKey)
        return std::unexpected(storeKey.error());

    // The key file matches user names ignoring case; the slot's own spelling
    // becomes the Actor's name.
    for (const keys::SlotInfo& slot : keyFile.listSlots()) {
        if (slot.type == keys::SlotType::Passphrase &&
            slot.user.compare(user.trimmed(), Qt::CaseInsensitive) == 0) {
            qCInfo(lcAccess) << "Session started for" << slot.user << "with role" << slot.role;
            return UnlockedSession{Actor{slot.user, slot.role}, std::move(*storeKey)};
        }
    }
    return makeError(
        ErrorCode::NotFound,
        QCoreApplication::translate(context, "%1 has no passphrase in the key file %2. Check the user name.")
            .arg(user.trimmed(), keyFile.path()));
}

Result<UnlockedSession> unlockWithKeychainAsUser(keys::KeyFile& keyFile) {
    Result<SecretBytes> storeKey = keyFile.unlockWithKeychain();
    if (!storeKey)
        return std::unexpected(storeKey.error());

    for (const keys::SlotInfo& slot : keyFile.listSlots()) {
        if (slot.type == keys::SlotType::Keychain) {
            qCInfo(lcAccess) << "Session started through the OS keychain for" << slot.user << "with role"
                             << slot.role;
            return UnlockedSession{Actor{slot.user, slot.role}, std::move(*storeKey)};
        }
    }
    // Not reached: KeyFile::unlockWithKeychain() succeeds only with a keychain slot.
    return makeError(ErrorCode::NotFound,
                     QCoreApplication::translate(context, "The key file %1 has no OS keychain slot. Use the "
                                                          "passphrase to unlock.")
                         .arg(keyFile.path()));
}

} // namespace earlyhelp::access
