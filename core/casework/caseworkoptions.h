#pragma once

#include "casework/writeguard.h"

#include <QDateTime>

#include <functional>

namespace earlyhelp {

// Returns the current time in UTC. Tests set their own.
using Clock = std::function<QDateTime()>;

// Settings of a case-work repository besides its store. Empty members take
// the defaults: the system clock and roleWriteGuard().
struct CaseworkOptions {
    Clock clock;
    WriteGuard authorise;
    // When set, the repositories' reads (get and the lists) also return
    // soft-deleted records, with meta.deleted and meta.deletedAt set. A
    // subject access request sets it, because a deleted record is still held.
    bool includeDeleted = false;
};

// How long a soft-deleted record can be restored, counted from its deletion.
inline constexpr int restoreWindowDays = 30;

} // namespace earlyhelp
