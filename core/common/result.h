#pragma once

#include <QString>

#include <expected>

namespace earlyhelp {

// What went wrong, in terms a caller can branch on. The message is for the
// user: it names the value at fault and what to do next.
enum class ErrorCode {
    InvalidInput,
    NotFound,
    AlreadyExists,
    WrongKey,
    WrongPassphrase,
    NotAStore,
    StoreDamaged,
    SchemaTooNew,
    Io,
    DiskFull,
    Database,
    KeychainUnavailable,
    Keychain,
    Crypto,
    ImportRejected,
    Cancelled,
    PermissionDenied,
    // A server could not be reached, did not respond in time, or failed.
    Network,
};

struct Error {
    ErrorCode code = ErrorCode::InvalidInput;
    QString message;
};

// The one error contract of core: a value or an Error, never an exception.
template <typename T>
using Result = std::expected<T, Error>;

using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> makeError(ErrorCode code, QString message)
{
    return std::unexpected<Error>(Error{code, std::move(message)});
}

} // namespace earlyhelp
