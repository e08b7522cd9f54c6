#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace earlyhelp {

// The ten headings of the national Supporting Families outcome framework, by
// which an early help assessment records needs and a plan its outcomes.
enum class SupportingFamiliesHeading {
    Education,
    EarlyYears,
    Health,
    SubstanceUse,
    FamilyRelationships,
    AbuseAndExploitation,
    Crime,
    DomesticAbuse,
    Housing,
    FinancialStability,
};

// Returns every heading in the framework's order.
[[nodiscard]] const std::array<SupportingFamiliesHeading, 10>& supportingFamiliesHeadings();

// Returns the code the store keeps, such as "early_years".
[[nodiscard]] QStringView headingCode(SupportingFamiliesHeading heading);

// Returns the heading with code, or nothing for any other text.
[[nodiscard]] std::optional<SupportingFamiliesHeading> headingFromCode(QStringView code);

// Returns the translated name of heading, such as "Secure housing".
[[nodiscard]] QString headingLabel(SupportingFamiliesHeading heading);

} // namespace earlyhelp
