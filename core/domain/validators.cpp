#include "validators.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace earlyhelp {

namespace {

constexpr qsizetype nhsNumberLength = 10;

bool isAsciiDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

QChar upperCaseAscii(QChar c) {
    return (c >= u'a' && c <= u'z') ? QChar(c.unicode() - u'a' + u'A') : c;
}

QString codePointText(char32_t codePoint) {
    return QStringLiteral("U+%1").arg(static_cast<uint>(codePoint), 4, 16, QLatin1Char('0')).toUpper();
}

// The 1-based position of the character at UTF-16 index in text, counting a
// surrogate pair as one character, as a user counts.
qsizetype characterPosition(QStringView text, qsizetype index) {
    qsizetype position = 1;
    for (qsizetype i = 0; i < index; ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()))
            ++position;
    }
    return position;
}

// NHS number

// Returns true when text is ten digits, or 3, 3 and 4 digits with one space
// or hyphen between the groups.
bool hasNhsNumberGrouping(QStringView text) {
    if (text.size() == nhsNumberLength)
        return true;
    if (text.size() != nhsNumberLength + 2)
        return false;
    const auto isSeparator = [](QChar c) { return c == u' ' || c == u'-'; };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool separatorHere = i == 3 || i == 7;
        if (separatorHere != isSeparator(text.at(i)))
            return false;
    }
    return true;
}

// Date of birth

QString dateForScreen(QDate date) {
    return date.toString(u"dd/MM/yyyy");
}

std::optional<QDate> dateFromParts(QStringView year, QStringView month, QStringView day) {
    // QDate rejects a day or month out of range rather than rolling it over,
    // so 31/02/2015 gives an invalid date, not 3 March.
    const QDate date(year.toInt(), month.toInt(), day.toInt());
    if (!date.isValid())
        return std::nullopt;
    return date;
}

} // namespace

std::optional<int> nhsNumberCheckDigit(QStringView firstNineDigits) {
    if (firstNineDigits.size() != nhsNumberLength - 1)
        return std::nullopt;

    int sum = 0;
    for (qsizetype i = 0; i < firstNineDigits.size(); ++i) {
        const QChar c = firstNineDigits.at(i);
        if (!isAsciiDigit(c))
            return std::nullopt;
        const int weight = 10 - static_cast<int>(i);
        sum += (c.unicode() - u'0') * weight;
    }

    const int check = 11 - sum % 11;
    if (check == 11)
        return 0;
    if (check == 10)
        return std::nullopt;
    return check;
}

Result<QString> normaliseNhsNumber(QStringView text) {
    const QStringView value = text.trimmed();
    if (value.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "The NHS number is missing. Enter the 10-digit NHS "
                                                     "number."));
    }

    QString digits;
    digits.reserve(nhsNumberLength);
    for (const QChar c : value) {
        if (isAsciiDigit(c)) {
            digits.append(c);
        } else if (c != u' ' && c != u'-') {
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("earlyhelp::Validation",
                                                         "NHS number %1: %2 is not a digit. Enter the "
                                                         "10 digits of the NHS number only.")
                                 .arg(value.toString(), QString(c)));
        }
    }

    if (digits.size() != nhsNumberLength) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "NHS number %1 has %2 digits, but an NHS number has "
                                                     "10. Check the number and enter all 10 digits.")
                             .arg(value.toString(), QString::number(digits.size())));
    }

    if (!hasNhsNumberGrouping(value)) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "NHS number %1: write the 10 digits together, or "
                                                     "as 3, 3 and 4 digits with a space or hyphen "
                                                     "between the groups.")
                             .arg(value.toString()));
    }

    const std::optional<int> check = nhsNumberCheckDigit(QStringView(digits).first(nhsNumberLength - 1));
    if (!check.has_value()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "NHS number %1 is not valid: its first nine digits "
                                                     "give a check value of 10, which no NHS number has. "
                                                     "Check the number for a mistyped digit.")
                             .arg(value.toString()));
    }

    if (digits.back().unicode() - u'0' != *check) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "NHS number %1 failed the check digit test, so a "
                                                     "digit is mistyped or two digits are swapped. Check "
                                                     "the number and enter it again.")
                             .arg(value.toString()));
    }

    return digits;
}

Result<QDate> parseDateOfBirth(QStringView text, QDate today, QDate earliest) {
    Q_ASSERT(today.isValid());

    static const QRegularExpression isoPattern(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));
    static const QRegularExpression ukPattern(QStringLiteral("^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$"));
    static const QRegularExpression twoDigitYearPattern(
        QStringLiteral("^(?:[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}|[0-9]{2}-[0-9]{2}-[0-9]{2})$"));

    const QStringView value = text.trimmed();
    const QString valueText = value.toString();
    if (value.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "The date of birth is missing. Enter it as "
                                                     "dd/mm/yyyy, such as 01/02/2015."));
    }

    if (twoDigitYearPattern.match(value).hasMatch()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "Date of birth %1 has a two-digit year. Enter the "
                                                     "year in four digits, such as 01/02/2015.")
                             .arg(valueText));
    }

    std::optional<QDate> date;
    bool recognised = false;
    if (const QRegularExpressionMatch iso = isoPattern.match(value); iso.hasMatch()) {
        recognised = true;
        date = dateFromParts(iso.capturedView(1), iso.capturedView(2), iso.capturedView(3));
    } else if (const QRegularExpressionMatch uk = ukPattern.match(value); uk.hasMatch()) {
        recognised = true;
        date = dateFromParts(uk.capturedView(3), uk.capturedView(2), uk.capturedView(1));
    }

    if (!recognised) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "Date of birth %1 is not in a form this app reads. "
                                                     "Enter it as dd/mm/yyyy, such as 01/02/2015.")
                             .arg(valueText));
    }

    if (!date.has_value()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "Date of birth %1 does not exist. Check the day "
                                                     "and the month.")
                             .arg(valueText));
    }

    if (*date > today) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "Date of birth %1 is in the future. Check the "
                                                     "year.")
                             .arg(valueText));
    }

    if (earliest.isValid() && *date < earliest) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "Date of birth %1 is before %2. Check the year.")
                             .arg(valueText, dateForScreen(earliest)));
    }

    return *date;
}

Result<QString> normalisePostcode(QStringView text) {
    // The outward code (A9, A99, A9A, AA9, AA99 or AA9A) and the inward code
    // (9AA) of a postcode written without its space.
    static const QRegularExpression postcodePattern(QStringLiteral(
        "^([A-Z][0-9]{1,2}|[A-Z][0-9][A-Z]|[A-Z]{2}[0-9]{1,2}|[A-Z]{2}[0-9][A-Z])([0-9][A-Z]{2})$"));

    const QStringView value = text.trimmed();
    if (value.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "The postcode is missing. Enter the postcode of "
                                                     "the address, such as B11 4QT."));
    }

    const auto invalid = [&value] {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "Postcode %1 is not a valid UK postcode. Check it "
                                                     "against the address. A postcode looks like "
                                                     "B11 4QT or EC1A 1BB.")
                             .arg(value.toString()));
    };

    QString compact;
    compact.reserve(value.size());
    for (const QChar c : value) {
        if (c == u' ')
            continue;
        if (!isAsciiDigit(c) && !isAsciiLetter(c))
            return invalid();
        compact.append(upperCaseAscii(c));
    }

    if (compact == u"GIR0AA")
        return QStringLiteral("GIR 0AA");

    const QRegularExpressionMatch match = postcodePattern.match(compact);
    if (!match.hasMatch())
        return invalid();

    const QString postcode = match.captured(1) + u' ' + match.captured(2);
    return postcode;
}

Result<QString> normaliseName(QStringView name, const QString& fieldLabel, NameRequirement requirement) {
    const QStringView trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        if (requirement == NameRequirement::Optional)
            return QString();
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("earlyhelp::Validation",
                                                     "%1 is missing. Enter the name as the person "
                                                     "writes it.")
                             .arg(fieldLabel));
    }

    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);

        if (c.isHighSurrogate() && i + 1 < trimmed.size() && trimmed.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }

        if (c.isSurrogate()) {
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("earlyhelp::Validation",
                                                         "%1 contains a damaged character (%2, half of a "
                                                         "UTF-16 surrogate pair) at position %3. Retype "
                                                         "the name.")
                                 .arg(fieldLabel, codePointText(c.unicode()),
                                      QString::number(characterPosition(trimmed, i))));
        }

        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph) {
            return makeError(ErrorCode::InvalidInput,
                             QCoreApplication::translate("earlyhelp::Validation",
                                                         "%1 contains a control character (%2) at "
                                                         "position %3. Retype the name without it.")
                                 .arg(fieldLabel, codePointText(c.unicode()),
                                      QString::number(characterPosition(trimmed, i))));
        }
    }

    return trimmed.toString();
}

bool isRightToLeftName(QStringView name) {
    return name.isRightToLeft();
}

} // namespace earlyhelp
