#pragma once

#include "access/access.h"
#include "common/result.h"

#include <QString>

#include <functional>

namespace earlyhelp {

// The user on whose behalf a case-work write runs: the name and role code of
// the key slot that unlocked the store.
using Actor = access::Actor;

// The kind of change a write makes.
enum class WriteKind {
    Create,
    Update,
    Delete,
    Restore,
};

// The kind of case-work record a write changes.
enum class CaseworkRecord {
    Family,
    Assessment,
    Plan,
    Goal,
    Action,
    Meeting,
    Review,
    Consent,
    SharingDecision,
    CaseNote,
};

struct WriteAction {
    WriteKind kind = WriteKind::Create;
    CaseworkRecord record = CaseworkRecord::Family;
};

// Decides whether actor may make a write. Every write of the case-work
// repositories calls it once, before its transaction starts, and returns its
// error unchanged (PermissionDenied is the expected code). The role rules plug
// in here.
using WriteGuard = std::function<Status(const Actor& actor, const WriteAction& action)>;

// Returns the guard of the role rules (access::authorise): creating and
// updating need EditCases, deleting and restoring DeleteRestore, so a
// read-only user changes nothing and an unknown role nothing at all.
[[nodiscard]] inline WriteGuard roleWriteGuard() {
    return [](const Actor& actor, const WriteAction& action) -> Status {
        const bool deleting = action.kind == WriteKind::Delete || action.kind == WriteKind::Restore;
        return access::authorise(actor, deleting ? access::Action::DeleteRestore : access::Action::EditCases);
    };
}

} // namespace earlyhelp
