#include "fieldcatalogue.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace earlyhelp {

namespace {

constexpr DataCategory personal = DataCategory::Personal;
constexpr DataCategory special = DataCategory::SpecialCategory;

constexpr FieldDefinition field(QStringView id, RecordType recordType, QStringView storeColumn,
                                DataCategory category, const char* labelSource) {
    return FieldDefinition{id, recordType, storeColumn, category, {}, labelSource};
}

// Every field of the catalogue. A category that is a judgement rather than a
// direct reading of UK GDPR Art. 9 or 10 has its reason beside the field.
constexpr auto fields = std::to_array<FieldDefinition>({
    // Person: names and identity.
    field(u"person.legalForename", RecordType::Person, u"legal_forename", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Legal forename")),
    field(u"person.middleNames", RecordType::Person, u"middle_names", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Middle names")),
    field(u"person.legalSurname", RecordType::Person, u"legal_surname", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Legal surname")),
    field(u"person.preferredForename", RecordType::Person, u"preferred_forename", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Preferred forename")),
    field(u"person.preferredSurname", RecordType::Person, u"preferred_surname", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Preferred surname")),
    field(u"person.formerSurname", RecordType::Person, u"former_surname", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Former surname")),
    field(u"person.title", RecordType::Person, u"title", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Title")),
    field(u"person.dateOfBirth", RecordType::Person, u"date_of_birth", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Date of birth")),
    // Judgement: Art. 9 does not list sex or gender, and the field contains
    // the CTF code (M, F or as given). Sex life and sexual orientation, which
    // Art. 9 does list, belong in notes, not here.
    field(u"person.sex", RecordType::Person, u"sex", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Sex or gender")),
    // Racial or ethnic origin: Art. 9.
    field(u"person.ethnicity", RecordType::Person, u"ethnicity", special,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Ethnicity")),
    // Judgement: Art. 9 does not list language. A first language can hint at
    // ethnic origin but does not record it.
    field(u"person.language", RecordType::Person, u"language", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Language")),
    // Religious or philosophical beliefs: Art. 9.
    field(u"person.religion", RecordType::Person, u"religion", special,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Religion")),
    field(u"person.upn", RecordType::Person, u"upn", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "UPN")),
    // Judgement: an NHS number identifies a person but reveals nothing about
    // their health, so it is personal data, not health data.
    field(u"person.nhsNumber", RecordType::Person, u"nhs_number", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "NHS number")),

    // Person: school and care.
    field(u"person.isPupil", RecordType::Person, u"is_pupil", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Pupil")),
    // No column: org_id names the organisation that owns the record, which is
    // the school only in a school's own store.
    field(u"person.school", RecordType::Person, {}, personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "School")),
    field(u"person.entryDate", RecordType::Person, u"entry_date", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Date of entry to school")),
    // Judgement: being looked after is sensitive but is not in Art. 9 or 10.
    field(u"person.lookedAfter", RecordType::Person, u"looked_after", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Looked after")),
    field(u"person.careAuthority", RecordType::Person, u"care_authority", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Care authority")),
    // Judgement: free school meals eligibility reveals a household's income
    // and benefits, which Art. 9 does not list, so it is personal data.
    field(u"person.freeSchoolMeals", RecordType::Person, u"fsm_eligible", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Free school meals")),
    // Judgement: SEN provision (SEN support or an EHC plan) exists because of
    // a learning difficulty or disability, so it is treated as health data.
    field(u"person.senProvision", RecordType::Person, u"sen_provision", special,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "SEN provision")),
    // The CTF blocks kept as received include the SEN history, so the whole
    // record takes the strictest category among its parts.
    field(u"person.ctfRecord", RecordType::Person, u"source_ctf", special,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "CTF record as received")),
    // Health: Art. 9.
    field(u"person.healthNotes", RecordType::Person, {}, special,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Health notes")),
    // Judgement: SEND notes describe a disability or special educational
    // needs, so they are treated as health data.
    field(u"person.sendNotes", RecordType::Person, {}, special,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "SEND notes")),

    // Address of a person.
    field(u"address.subBuilding", RecordType::Address, u"saon", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Flat or unit")),
    field(u"address.building", RecordType::Address, u"paon", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "House number or name")),
    field(u"address.street", RecordType::Address, u"street", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Street")),
    field(u"address.locality", RecordType::Address, u"locality", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Locality")),
    field(u"address.town", RecordType::Address, u"town", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Town")),
    field(u"address.administrativeArea", RecordType::Address, u"administrative_area", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Administrative area")),
    field(u"address.postTown", RecordType::Address, u"post_town", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Post town")),
    field(u"address.county", RecordType::Address, u"county", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "County")),
    field(u"address.postcode", RecordType::Address, u"postcode", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Postcode")),
    field(u"address.isCurrent", RecordType::Address, u"is_current", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Current address")),

    // Contact details of a person. Telephone numbers and e-mail addresses
    // share the value column and differ in the kind column.
    field(u"contact.telephone", RecordType::Contact, u"value", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Telephone")),
    field(u"contact.telephoneType", RecordType::Contact, u"type_code", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Telephone type")),
    field(u"contact.email", RecordType::Contact, u"value", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "E-mail")),

    // Relationship of an adult to a child.
    field(u"relationship.relationship", RecordType::Relationship, u"relationship", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Relationship")),
    field(u"relationship.parentalResponsibility", RecordType::Relationship, u"parental_responsibility",
          personal, QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Parental responsibility")),
    field(u"relationship.contactOrder", RecordType::Relationship, u"contact_order", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Contact order")),

    // Family.
    field(u"family.name", RecordType::Family, u"name", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Family name")),
    field(u"family.status", RecordType::Family, u"status", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Status")),
    field(u"family.statusDate", RecordType::Family, {}, personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Status date")),
    field(u"family.lookedAfter", RecordType::Family, u"looked_after", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Looked-after child's family")),
    field(u"family.leadPractitioner", RecordType::Family, {}, personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Lead practitioner")),

    // Member of a family.
    field(u"familyMember.role", RecordType::FamilyMember, u"role", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Role in the family")),
    field(u"familyMember.relationship", RecordType::FamilyMember, u"relationship", personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Relationship to the children")),
    field(u"familyMember.parentalResponsibility", RecordType::FamilyMember, u"parental_responsibility",
          personal, QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Parental responsibility")),

    // Case note: an entry in a family's chronology.
    field(u"caseNote.date", RecordType::CaseNote, {}, personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Date")),
    field(u"caseNote.author", RecordType::CaseNote, {}, personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Author")),
    field(u"caseNote.type", RecordType::CaseNote, {}, personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Type")),
    field(u"caseNote.significantEvent", RecordType::CaseNote, {}, personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Significant event")),
    field(u"caseNote.category", RecordType::CaseNote, {}, personal,
          QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Data category")),
    // A note's text may hold data of any category, so each note records its
    // own in caseNote.category.
    FieldDefinition{u"caseNote.text",
                    RecordType::CaseNote,
                    {},
                    std::nullopt,
                    u"caseNote.category",
                    QT_TRANSLATE_NOOP("earlyhelp::FieldCatalogue", "Text")},
});

} // namespace

std::span<const FieldDefinition> fieldCatalogue() {
    return fields;
}

std::optional<FieldDefinition> findField(QStringView id) {
    const auto found =
        std::ranges::find_if(fields, [id](const FieldDefinition& field) { return field.id == id; });
    if (found == fields.end())
        return std::nullopt;
    return *found;
}

QString fieldLabel(const FieldDefinition& field) {
    return QCoreApplication::translate("earlyhelp::FieldCatalogue", field.labelSource);
}

QStringView storeTable(RecordType recordType) {
    switch (recordType) {
    case RecordType::Person:
        return u"person";
    case RecordType::Address:
        return u"address";
    case RecordType::Contact:
        return u"contact";
    case RecordType::Relationship:
        return u"relationship";
    case RecordType::Family:
        return u"family";
    case RecordType::FamilyMember:
        return u"family_member";
    case RecordType::CaseNote:
        return {};
    }
    return {};
}

} // namespace earlyhelp
