#pragma once

#include "serverconfig.h"

#include <QStringList>

namespace earlyhelp::server {

// Exit statuses of earlyhelp-server commands.
enum ExitStatus : int { ExitSuccess = 0, ExitRejected = 1, ExitUsage = 2 };

// Runs "earlyhelp-server admin ARGS…" (arguments after "admin") against the
// configured database, migrating it first. Writes results to stdout and
// error messages to stderr, and returns an ExitStatus.
[[nodiscard]] int runAdminCommand(const QStringList& arguments, const ServerConfig& config);

// The usage text of every command, for --help and usage errors.
[[nodiscard]] QString usageText();

} // namespace earlyhelp::server
