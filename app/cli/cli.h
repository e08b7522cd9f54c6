#pragma once

#include <QStringList>

namespace earlyhelp::cli {

// Exit statuses of earlyhelp-cli.
enum ExitStatus {
    Success = 0,
    Failure = 1, // the command ran and failed; one line on stderr gives the reason
    UsageError = 2,
};

// Runs earlyhelp-cli with its arguments (the first is the program name) and
// returns the exit status.
[[nodiscard]] int run(const QStringList& arguments);

} // namespace earlyhelp::cli
