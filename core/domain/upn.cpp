#include "upn.h"

#include <QCoreApplication>

namespace earlyhelp {

namespace {

constexpr QStringView checkAlphabet = u"ABCDEFGHJKLMNPQRTUVWXYZ";
constexpr qsizetype upnLength = 13;

bool isAsciiDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

QString upperCaseAscii(QStringView text) {
    QString result = text.toString();
    for (QChar& c : result) {
        if (c >= u'a' && c <= u'z')
            c = QChar(c.unicode() - u'a' + u'A');
    }
    return result;
}

bool isNotKnownCode(QStringView upn) {
    return upn.size() == 3 && upn.startsWith(u"UN") && upn.at(2) >= u'1' && upn.at(2) <= u'5';
}

QString invalidCharacterMessage(const QString& upn, qsizetype position) {
    const QString character = upn.at(position - 1);
    if (position == upnLength) {
        return QCoreApplication::translate("earlyhelp::Upn",
                                           "UPN %1: the last character, %2, must be a digit, or in a "
                                           "temporary UPN a letter other than I, O "
                                           "and S. Check the UPN in the school's MIS.")
            .arg(upn, character);
    }
    return QCoreApplication::translate(
               "earlyhelp::Upn",
               "UPN %1: character %2 is %3, but characters 2 to 12 must be digits. Check the UPN in "
               "the school's MIS.")
        .arg(upn, QString::number(position), character);
}

} // namespace

std::optional<QChar> upnCheckLetter(QStringView body) {
    if (body.size() != upnLength - 1)
        return std::nullopt;

    int sum = 0;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        const int weight = static_cast<int>(i) + 2;
        int value = 0;
        if (isAsciiDigit(c)) {
            value = c.unicode() - u'0';
        } else if (i == body.size() - 1 && checkAlphabet.contains(c)) {
            value = static_cast<int>(checkAlphabet.indexOf(c));
        } else {
            return std::nullopt;
        }
        sum += value * weight;
    }
    return checkAlphabet.at(sum % checkAlphabet.size());
}

UpnCheck checkUpn(QStringView text) {
    UpnCheck check;
    check.upn = upperCaseAscii(text.trimmed());

    if (check.upn.isEmpty()) {
        check.status = UpnStatus::Missing;
        check.message = QCoreApplication::translate(
            "earlyhelp::Upn", "The UPN is missing. Enter the pupil's UPN in the school's MIS.");
        return check;
    }

    if (isNotKnownCode(check.upn)) {
        check.status = UpnStatus::NotKnown;
        check.message =
            QCoreApplication::translate("earlyhelp::Upn",
                                        "UPN %1: this is the code for a UPN that is not known, not a UPN. "
                                        "Enter the pupil's UPN in the school's MIS.")
                .arg(check.upn);
        return check;
    }

    if (check.upn.startsWith(u"UN") && check.upn.size() != upnLength) {
        check.status = UpnStatus::InvalidNotKnownCode;
        check.message = QCoreApplication::translate(
                            "earlyhelp::Upn", "UPN %1: the codes for a UPN that is not known are UN1 to UN5. "
                                              "Enter the 13-character UPN, or one of those codes.")
                            .arg(check.upn);
        return check;
    }

    if (check.upn.size() != upnLength) {
        check.status = UpnStatus::WrongLength;
        check.message =
            QCoreApplication::translate("earlyhelp::Upn",
                                        "UPN %1: a UPN has 13 characters, but this one has %2. Check the "
                                        "UPN in the school's MIS.")
                .arg(check.upn, QString::number(check.upn.size()));
        return check;
    }

    for (qsizetype position = 2; position <= upnLength; ++position) {
        const QChar c = check.upn.at(position - 1);
        const bool allowed = isAsciiDigit(c) || (position == upnLength && checkAlphabet.contains(c));
        if (!allowed) {
            check.status = UpnStatus::InvalidCharacter;
            check.message = invalidCharacterMessage(check.upn, position);
            return check;
        }
    }

    const QStringView body = QStringView(check.upn).mid(1);
    const std::optional<QChar> expected = upnCheckLetter(body);
    Q_ASSERT(expected.has_value());
    check.expectedCheckLetter = *expected;

    const QChar givenLetter = check.upn.at(0);
    if (givenLetter != check.expectedCheckLetter) {
        check.status = UpnStatus::WrongCheckLetter;
        check.message =
            QCoreApplication::translate("earlyhelp::Upn",
                                        "UPN %1: the check letter should be %2, not %3. Check the UPN in "
                                        "the school's MIS.")
                .arg(check.upn, QString(check.expectedCheckLetter), QString(givenLetter));
        return check;
    }

    check.status = isAsciiDigit(check.upn.back()) ? UpnStatus::Permanent : UpnStatus::Temporary;
    return check;
}

} // namespace earlyhelp
