#pragma once

#include <QString>
#include <QStringList>

namespace earlyhelp::cli {

// The files the agreement commands read besides their arguments.
struct AgreementOptions {
    QString publicKeyPath; // empty: the Trust public key built into the app
    QString secretKeyPath; // sign only
};

// Runs "earlyhelp-cli agreement keygen|sign|verify|show …" with the words
// after "agreement" and returns the exit status (see cli.h).
[[nodiscard]] int runAgreement(const QStringList& arguments, const AgreementOptions& options);

} // namespace earlyhelp::cli
