#pragma once

// The codes that consent and sharing decisions use for the recipient party
// types and purposes of the Data Sharing Agreement, with the labels core
// writes into chronology text. ui/consenteditors.h maps the same codes to the
// labels of its forms.

#include <QString>
#include <QStringList>

namespace earlyhelp {

// school, childrens_trust, health, local_authority, police, voluntary_sector.
[[nodiscard]] QStringList sharingPartyTypeCodes();
// safeguarding, social_care, health_services.
[[nodiscard]] QStringList sharingPurposeCodes();

// Returns the translated label of a party type code, such as "Health
// services", or the code itself when it is not one of sharingPartyTypeCodes().
[[nodiscard]] QString sharingPartyTypeLabel(const QString& code);
// Returns the translated short label of a purpose code, such as "Social
// care", or the code itself when it is not one of sharingPurposeCodes().
[[nodiscard]] QString sharingPurposeLabel(const QString& code);

} // namespace earlyhelp
