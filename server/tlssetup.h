#pragma once

#include "common/result.h"

#include <QSslConfiguration>
#include <QString>

namespace earlyhelp::server {

// Reads a PEM certificate (with any chain after it) and a PEM private key
// (RSA or EC, unencrypted) and checks that they belong together by running
// one TLS handshake with them over a private loopback connection. The error
// names the file that could not be read, or both files when they do not
// match. Needs a running event loop dispatcher (call it after creating the
// QCoreApplication).
[[nodiscard]] Result<QSslConfiguration> loadServerTlsConfiguration(const QString& certificatePath,
                                                                   const QString& keyPath);

} // namespace earlyhelp::server
