#pragma once

#include "domain/fieldcatalogue.h"

#include <QStringView>

#include <optional>

namespace earlyhelp {

// Returns the code the store keeps for category: "personal",
// "special_category" or "criminal_offence".
[[nodiscard]] QStringView dataCategoryCode(DataCategory category);
[[nodiscard]] std::optional<DataCategory> dataCategoryFromCode(QStringView code);

} // namespace earlyhelp
