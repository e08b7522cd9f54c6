#include "access/usermanagement.h"

#include "access/logging.h"
#include "keys/keyfile.h"
#include "keys/passphrase.h"

#include <QCoreApplication>

#include <algorithm>

namespace earlyhelp::access {

namespace {

const char* const context = "earlyhelp::access::UserManagement";

bool sameUser(const QString& first, const QString& second) {
    return first.trimmed().compare(second.trimmed(), Qt::CaseInsensitive) == 0;
}

QList<keys::SlotInfo> passphraseSlots(const keys::KeyFile& keyFile) {
    QList<keys::SlotInfo> userSlots = keyFile.listSlots();
    userSlots.removeIf([](const keys::SlotInfo& slot) { return slot.type != keys::SlotType::Passphrase; });
    return userSlots;
}

std::optional<keys::SlotInfo> findUser(const keys::KeyFile& keyFile, const QString& user) {
    for (const keys::SlotInfo& slot : passphraseSlots(keyFile)) {
        if (sameUser(slot.user, user))
            return slot;
    }
    return std::nullopt;
}

// Requires that actor may manage users and that the key file still gives
// actor that role, so an Actor from before a role change is refused.
Status checkManager(const Actor& actor, const keys::KeyFile& keyFile) {
    if (Status allowed = authorise(actor, Action::ManageUsers); !allowed)
        return allowed;
    const std::optional<keys::SlotInfo> own = findUser(keyFile, actor.user);
    if (!own || own->role != actor.roleCode) {
        qCInfo(lcAccess) << "Access denied: manage-users for" << actor.user << "whose slot no longer has role"
                         << actor.roleCode;
        return makeError(ErrorCode::PermissionDenied,
                         QCoreApplication::translate(context,
                                                     "Your account %1 has been changed or removed since you "
                                                     "unlocked the store. Lock the store and "
                                                     "unlock it again.")
                             .arg(actor.user));
    }
    return {};
}

Result<keys::SlotInfo> findTarget(const keys::KeyFile& keyFile, const QString& user) {
    std::optional<keys::SlotInfo> target = findUser(keyFile, user);
    if (!target) {
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate(context, "There is no user %1 in this store. Check the user name.")
                .arg(user.trimmed()));
    }
    return *target;
}

// Refuses to take the lead role away from target when it is the last lead,
// then refuses any change to actor's own account.
Status checkChangeAllowed(const Actor& actor, const keys::KeyFile& keyFile, const keys::SlotInfo& target) {
    if (target.role == roleCode(Role::Lead)) {
        const QList<keys::SlotInfo> userSlots = passphraseSlots(keyFile);
        const auto leads =
            std::count_if(userSlots.cbegin(), userSlots.cend(),
                          [](const keys::SlotInfo& slot) { return slot.role == roleCode(Role::Lead); });
        if (leads <= 1) {
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate(context,
                                                         "%1 is the only designated safeguarding lead, so "
                                                         "their account cannot be removed or given "
                                                         "another role. Add another lead first.")
                                 .arg(target.user));
        }
    }
    if (sameUser(target.user, actor.user)) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate(context,
                                                     "You cannot remove or change your own account %1. Ask "
                                                     "another designated safeguarding lead to "
                                                     "do it.")
                             .arg(target.user));
    }
    return {};
}

} // namespace

Result<QList<UserAccount>> listUsers(const Actor& actor, const keys::KeyFile& keyFile) {
    if (Status allowed = checkManager(actor, keyFile); !allowed)
        return std::unexpected(allowed.error());

    QList<UserAccount> users;
    for (const keys::SlotInfo& slot : passphraseSlots(keyFile))
        users.append(UserAccount{slot.user, slot.role, roleFromCode(slot.role), slot.created});
    return users;
}

Status addUser(const Actor& actor, keys::KeyFile& keyFile, const SecretBytes& storeKey, const QString& user,
               Role role, const SecretBytes& passphrase) {
    if (Status allowed = checkManager(actor, keyFile); !allowed)
        return allowed;

    Status added = keyFile.addPassphraseSlot(storeKey, user, roleCode(role), passphrase);
    if (added)
        qCInfo(lcAccess) << actor.user << "added user" << user.trimmed() << "with role" << roleCode(role);
    return added;
}

Status removeUser(const Actor& actor, keys::KeyFile& keyFile, const SecretBytes& storeKey,
                  const QString& user) {
    if (Status allowed = checkManager(actor, keyFile); !allowed)
        return allowed;
    Result<keys::SlotInfo> target = findTarget(keyFile, user);
    if (!target)
        return std::unexpected(target.error());
    if (Status allowed = checkChangeAllowed(actor, keyFile, *target); !allowed)
        return allowed;

    Status removed = keyFile.removePassphraseSlot(storeKey, target->user);
    if (removed)
        qCInfo(lcAccess) << actor.user << "removed user" << target->user;
    return removed;
}

Status changeRole(const Actor& actor, keys::KeyFile& keyFile, const SecretBytes& storeKey,
                  const QString& user, Role newRole, const SecretBytes& passphrase) {
    if (Status allowed = checkManager(actor, keyFile); !allowed)
        return allowed;
    Result<keys::SlotInfo> target = findTarget(keyFile, user);
    if (!target)
        return std::unexpected(target.error());
    if (target->role == roleCode(newRole))
        return {};
    if (Status allowed = checkChangeAllowed(actor, keyFile, *target); !allowed)
        return allowed;
    if (Status valid = keys::validateNewPassphrase(target->user, passphrase); !valid)
        return valid;

    if (Status removed = keyFile.removePassphraseSlot(storeKey, target->user); !removed)
        return removed;
    Status added = keyFile.addPassphraseSlot(storeKey, target->user, roleCode(newRole), passphrase);
    if (!added) {
        qCWarning(lcAccess) << "Changing the role of" << target->user
                            << "removed the old slot, but adding the new"
                            << "one failed:" << added.error().message;
        return makeError(added.error().code,
                         QCoreApplication::translate(context,
                                                     "The old passphrase of %1 was removed, but the new one "
                                                     "could not be saved: %2 %1 cannot unlock the "
                                                     "store now. Add %1 again as a user with the role %3.")
                             .arg(target->user, added.error().message, roleLabel(newRole)));
    }
    qCInfo(lcAccess) << actor.user << "changed the role of" << target->user << "from" << target->role << "to"
                     << roleCode(newRole);
    return {};
}

} // namespace earlyhelp::access
