#include "datacategorycode.h"

namespace earlyhelp {

QStringView dataCategoryCode(DataCategory category) {
    switch (category) {
    case DataCategory::Personal:
        return u"personal";
    case DataCategory::SpecialCategory:
        return u"special_category";
    case DataCategory::CriminalOffence:
        return u"criminal_offence";
    }
    return u"personal";
}

std::optional<DataCategory> dataCategoryFromCode(QStringView code) {
    for (const DataCategory category :
         {DataCategory::Personal, DataCategory::SpecialCategory, DataCategory::CriminalOffence}) {
        if (dataCategoryCode(category) == code)
            return category;
    }
    return std::nullopt;
}

} // namespace earlyhelp
