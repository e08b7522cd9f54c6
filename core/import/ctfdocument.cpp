#include "ctfdocument.h"

#include <algorithm>

namespace earlyhelp {

bool CtfAddress::isEmpty() const {
    return saon.isEmpty() && paon.isEmpty() && street.isEmpty() && locality.isEmpty() && town.isEmpty() &&
           administrativeArea.isEmpty() && postTown.isEmpty() && county.isEmpty() && postcode.isEmpty();
}

bool CtfSkippedPupil::hasFault(CtfPupilFault fault) const {
    return std::any_of(problems.cbegin(), problems.cend(),
                       [fault](const CtfPupilProblem& problem) { return problem.fault == fault; });
}

QString CtfSkippedPupil::message() const {
    QStringList messages;
    for (const CtfPupilProblem& problem : problems)
        messages += problem.message;
    return messages.join(u'\n');
}

} // namespace earlyhelp
