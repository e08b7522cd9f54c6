#include "duplicates.h"

#include "domain/searchfold.h"

#include <QCoreApplication>

namespace earlyhelp {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::Duplicates", text);
}

bool sameNonEmpty(const QString& a, const QString& b) {
    return !a.isEmpty() && a == b;
}

bool sharePostcode(const QStringList& a, const QStringList& b) {
    for (const QString& postcode : a) {
        if (!postcode.isEmpty() && b.contains(postcode))
            return true;
    }
    return false;
}

bool shareNameKey(const PersonIdentity& a, const PersonIdentity& b) {
    const QStringList keys = duplicateNameKeys(b);
    for (const QString& key : duplicateNameKeys(a)) {
        if (keys.contains(key))
            return true;
    }
    return false;
}

} // namespace

QString duplicateNameKey(const QString& forename, const QString& surname) {
    const QString folded = foldedWords(forename).join(QString());
    const QString foldedSurname = foldedWords(surname).join(QString());
    if (folded.isEmpty() || foldedSurname.isEmpty())
        return {};
    return folded + u' ' + foldedSurname;
}

QStringList duplicateNameKeys(const PersonIdentity& person) {
    QStringList keys;
    const QString forenames[] = {person.forename, person.preferredForename};
    const QString surnames[] = {person.surname, person.preferredSurname};
    for (const QString& forename : forenames) {
        for (const QString& surname : surnames) {
            const QString key = duplicateNameKey(forename, surname);
            if (!key.isEmpty() && !keys.contains(key))
                keys += key;
        }
    }
    return keys;
}

DuplicateReasons duplicateReasons(const PersonIdentity& candidate, const PersonIdentity& existing) {
    DuplicateReasons reasons;
    if (sameNonEmpty(candidate.upn, existing.upn))
        reasons |= DuplicateReason::SameUpn;
    if (sameNonEmpty(candidate.nhsNumber, existing.nhsNumber))
        reasons |= DuplicateReason::SameNhsNumber;

    const bool sameDateOfBirth =
        candidate.dateOfBirth.isValid() && candidate.dateOfBirth == existing.dateOfBirth;
    const bool samePostcode = sharePostcode(candidate.postcodes, existing.postcodes);
    if ((sameDateOfBirth || samePostcode) && shareNameKey(candidate, existing)) {
        if (sameDateOfBirth)
            reasons |= DuplicateReason::SameNameAndDateOfBirth;
        if (samePostcode)
            reasons |= DuplicateReason::SameNameAndPostcode;
    }
    return reasons;
}

QString describeDuplicateReasons(DuplicateReasons reasons) {
    QStringList parts;
    if (reasons.testFlag(DuplicateReason::SameUpn))
        parts += tr("same UPN");
    if (reasons.testFlag(DuplicateReason::SameNhsNumber))
        parts += tr("same NHS number");
    if (reasons.testFlag(DuplicateReason::SameNameAndDateOfBirth))
        parts += tr("same name and date of birth");
    if (reasons.testFlag(DuplicateReason::SameNameAndPostcode))
        parts += tr("same name and postcode");
    return parts.join(QStringLiteral(", "));
}

} // namespace earlyhelp
