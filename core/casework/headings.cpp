#include "headings.h"

#include <QCoreApplication>

namespace earlyhelp {

const std::array<SupportingFamiliesHeading, 10>& supportingFamiliesHeadings() {
    using enum SupportingFamiliesHeading;
    static constexpr std::array<SupportingFamiliesHeading, 10> headings{
        Education, EarlyYears,    Health,  SubstanceUse,       FamilyRelationships, AbuseAndExploitation,
        Crime,     DomesticAbuse, Housing, FinancialStability,
    };
    return headings;
}

QStringView headingCode(SupportingFamiliesHeading heading) {
    switch (heading) {
    case SupportingFamiliesHeading::Education:
        return u"education";
    case SupportingFamiliesHeading::EarlyYears:
        return u"early_years";
    case SupportingFamiliesHeading::Health:
        return u"health";
    case SupportingFamiliesHeading::SubstanceUse:
        return u"substance_use";
    case SupportingFamiliesHeading::FamilyRelationships:
        return u"family_relationships";
    case SupportingFamiliesHeading::AbuseAndExploitation:
        return u"abuse_exploitation";
    case SupportingFamiliesHeading::Crime:
        return u"crime";
    case SupportingFamiliesHeading::DomesticAbuse:
        return u"domestic_abuse";
    case SupportingFamiliesHeading::Housing:
        return u"housing";
    case SupportingFamiliesHeading::FinancialStability:
        return u"financial_stability";
    }
    return u"education";
}

std::optional<SupportingFamiliesHeading> headingFromCode(QStringView code) {
    for (const SupportingFamiliesHeading heading : supportingFamiliesHeadings()) {
        if (headingCode(heading) == code)
            return heading;
    }
    return std::nullopt;
}

QString headingLabel(SupportingFamiliesHeading heading) {
    switch (heading) {
    case SupportingFamiliesHeading::Education:
        return QCoreApplication::translate("earlyhelp::Casework", "Getting a good education");
    case SupportingFamiliesHeading::EarlyYears:
        return QCoreApplication::translate("earlyhelp::Casework", "Good early years development");
    case SupportingFamiliesHeading::Health:
        return QCoreApplication::translate("earlyhelp::Casework", "Improved mental and physical health");
    case SupportingFamiliesHeading::SubstanceUse:
        return QCoreApplication::translate("earlyhelp::Casework", "Promoting recovery and reducing harm from "
                                                                  "substance use");
    case SupportingFamiliesHeading::FamilyRelationships:
        return QCoreApplication::translate("earlyhelp::Casework", "Improved family relationships");
    case SupportingFamiliesHeading::AbuseAndExploitation:
        return QCoreApplication::translate("earlyhelp::Casework",
                                           "Children safe from abuse and exploitation");
    case SupportingFamiliesHeading::Crime:
        return QCoreApplication::translate("earlyhelp::Casework", "Crime prevention and tackling crime");
    case SupportingFamiliesHeading::DomesticAbuse:
        return QCoreApplication::translate("earlyhelp::Casework", "Safe from domestic abuse");
    case SupportingFamiliesHeading::Housing:
        return QCoreApplication::translate("earlyhelp::Casework", "Secure housing");
    case SupportingFamiliesHeading::FinancialStability:
        return QCoreApplication::translate("earlyhelp::Casework", "Financial stability");
    }
    return QString();
}

} // namespace earlyhelp
