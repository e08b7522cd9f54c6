#pragma once

// Helpers of the people suites: valid identifiers built with the domain's
// own check-digit functions, and a caseworker and lead to act as.

#include "access/access.h"
#include "domain/upn.h"
#include "domain/validators.h"

#include <QString>

namespace earlyhelp::testing {

// Returns a permanent UPN of the fictional school (LA 330, establishment
// 2991, allocated in 2016) with serial, and its check letter.
[[nodiscard]] inline QString pupilUpn(int serial) {
    const QString body = QStringLiteral("33029911%1").arg(serial, 4, 10, QLatin1Char('0'));
    const std::optional<QChar> letter = upnCheckLetter(body);
    return letter ? QString(*letter + body) : QString();
}

// Returns a valid NHS number that starts with the nine digits of first nine,
// or an empty string when those digits give the check value 10.
[[nodiscard]] inline QString nhsNumber(const QString& firstNine) {
    const std::optional<int> check = nhsNumberCheckDigit(firstNine);
    return check ? QString(firstNine + QString::number(*check)) : QString();
}

inline const access::Actor peopleCaseworker{QStringLiteral("j.patel"), QStringLiteral("caseworker")};
inline const access::Actor peopleLead{QStringLiteral("a.okafor"), QStringLiteral("lead")};
inline const access::Actor peopleReader{QStringLiteral("r.reed"), QStringLiteral("readonly")};

} // namespace earlyhelp::testing
