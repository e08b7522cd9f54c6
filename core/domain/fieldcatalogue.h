#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <span>

namespace earlyhelp {

// The kind of record a field belongs to. Each kind except CaseNote has a store
// table of the same name (see storeTable()).
enum class RecordType {
    Person,
    Address,
    Contact,
    Relationship,
    Family,
    FamilyMember,
    CaseNote,
};

// The UK GDPR category of a piece of personal data. Sharing rules differ per
// category: special category data (Art. 9: racial or ethnic origin, political
// opinions, religious or philosophical beliefs, trade union membership,
// genetic and biometric data, health, sex life and sexual orientation) and
// criminal offence data (Art. 10) need a condition besides a lawful basis.
enum class DataCategory {
    Personal,
    SpecialCategory,
    CriminalOffence,
};

// One field of a record, as the sharing policy, forms and audit name it.
struct FieldDefinition {
    // Stable id, "<record>.<field>" in lowerCamelCase, such as
    // "person.ethnicity". Ids are kept across versions because agreements and
    // audit events refer to them.
    QStringView id;
    RecordType recordType = RecordType::Person;
    // Column in the record type's store table, or empty where the field has no
    // column yet.
    QStringView storeColumn;
    // The field's category. Empty only where each record states its own
    // category, in the field named by categoryFieldId.
    std::optional<DataCategory> category;
    // Id of the field that contains the category of this field's value for each
    // record ("caseNote.category" for a case note's text), or empty.
    QStringView categoryFieldId;
    // The label in English, to be translated in the context
    // "earlyhelp::FieldCatalogue"; fieldLabel() returns the translation.
    const char* labelSource = "";
};

// Returns every field, in a fixed order: person, address, contact,
// relationship, family, family member, case note.
[[nodiscard]] std::span<const FieldDefinition> fieldCatalogue();

// Returns the field with id, or nothing when no field has that id. Callers
// must treat an unknown field as unknown (the sharing policy denies it) and
// never assume a category for it.
[[nodiscard]] std::optional<FieldDefinition> findField(QStringView id);

// Returns the translated label of field, such as "Ethnicity".
[[nodiscard]] QString fieldLabel(const FieldDefinition& field);

// Returns the store table of recordType, or an empty view for CaseNote, which
// has no table yet.
[[nodiscard]] QStringView storeTable(RecordType recordType);

} // namespace earlyhelp
