#include "sharingterms.h"

#include <QCoreApplication>

#include <utility>

namespace earlyhelp {

namespace {

using CodeAndLabel = std::pair<QStringView, const char*>;

const QList<CodeAndLabel>& partyTypes() {
    static const QList<CodeAndLabel> table{
        {u"school", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Schools")},
        {u"childrens_trust", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Children's trust")},
        {u"health", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Health services")},
        {u"local_authority", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Local authority")},
        {u"police", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Police")},
        {u"voluntary_sector", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Voluntary sector")},
    };
    return table;
}

const QList<CodeAndLabel>& purposes() {
    static const QList<CodeAndLabel> table{
        {u"safeguarding", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Safeguarding")},
        {u"social_care", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Social care")},
        {u"health_services", QT_TRANSLATE_NOOP("earlyhelp::SharingTerms", "Health services")},
    };
    return table;
}

QStringList codesOf(const QList<CodeAndLabel>& table) {
    QStringList codes;
    for (const auto& [code, label] : table)
        codes += code.toString();
    return codes;
}

QString labelIn(const QList<CodeAndLabel>& table, const QString& code) {
    for (const auto& [known, label] : table) {
        if (known == code)
            return QCoreApplication::translate("earlyhelp::SharingTerms", label);
    }
    return code;
}

} // namespace

QStringList sharingPartyTypeCodes() {
    return codesOf(partyTypes());
}

QStringList sharingPurposeCodes() {
    return codesOf(purposes());
}

QString sharingPartyTypeLabel(const QString& code) {
    return labelIn(partyTypes(), code);
}

QString sharingPurposeLabel(const QString& code) {
    return labelIn(purposes(), code);
}

} // namespace earlyhelp
