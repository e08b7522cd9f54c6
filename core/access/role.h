#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace earlyhelp::access {

// The role of a user of one store. Each passphrase slot of the key file
// records its user's role as a code (roleCode()), and the slot's seal binds
// that code, so editing it in the key file makes the slot fail to open.
enum class Role {
    // Designated safeguarding lead: everything, including managing users.
    Lead,
    // Deputy designated safeguarding lead: all case work, no users or settings.
    Deputy,
    // Creates and edits case records, but cannot delete, export or administer.
    Caseworker,
    // Views case data and changes nothing.
    ReadOnly,
};

// An operation that authorise() checks against a role.
enum class Action {
    ViewCases,
    EditCases,     // create and edit case records
    DeleteRestore, // delete case records and restore deleted ones
    ManageUsers,
    ChangeSettings,
    Export,
    // Sign the organisation up to a version of the Data Sharing Agreement.
    SignAgreement,
    // Read the store's audit trail and export it.
    ViewAuditTrail,
};

// Every role and every action, in declaration order, for tables and tests.
[[nodiscard]] QList<Role> allRoles();
[[nodiscard]] QList<Action> allActions();

// The code stored in key slots: "lead", "deputy", "caseworker", "readonly".
[[nodiscard]] QString roleCode(Role role);

// The role for a code from a key slot. Matching is exact, so an unknown,
// misspelt or differently cased code returns nothing and grants nothing.
[[nodiscard]] std::optional<Role> roleFromCode(const QString& code);

// The role's name for users, translated, for example "Read-only".
[[nodiscard]] QString roleLabel(Role role);

// The action's name for logs, for example "edit-cases". Not translated.
[[nodiscard]] QString actionCode(Action action);

// Whether role allows action, by the permission table of the app:
//
//                    view  edit  delete/restore  users  settings  export  sign agreement  audit trail
//   lead              yes   yes   yes             yes    yes       yes     yes             yes
//   deputy            yes   yes   yes             no     no        yes     no              no
//   caseworker        yes   yes   no              no     no        no      no              no
//   readonly          yes   no    no              no     no        no      no              no
[[nodiscard]] bool roleAllows(Role role, Action action);

} // namespace earlyhelp::access
