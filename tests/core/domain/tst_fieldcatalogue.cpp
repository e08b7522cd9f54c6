#include "domain/fieldcatalogue.h"

#include <QSet>
#include <QTest>

using namespace earlyhelp;

class TestFieldCatalogue : public QObject {
    Q_OBJECT

private slots:
    void idsAreUnique();
    void idsNameTheirRecordType();
    void everyFieldHasCategoryAndLabel();
    void storeColumnsAreUnique();
    void coversPersonColumns();
    void findsField_data();
    void findsField();
    void unknownIdGivesNothing_data();
    void unknownIdGivesNothing();
    void specialCategoryFieldsAreAsDocumented();
    void caseNoteTextTakesNoteCategory();
};

void TestFieldCatalogue::idsAreUnique() {
    QSet<QString> ids;
    for (const FieldDefinition& field : fieldCatalogue()) {
        const QString id = field.id.toString();
        QVERIFY2(!ids.contains(id), qPrintable(id));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), static_cast<qsizetype>(fieldCatalogue().size()));
}

void TestFieldCatalogue::idsNameTheirRecordType() {
    const QHash<RecordType, QString> prefixes = {
        {RecordType::Person, QStringLiteral("person.")},
        {RecordType::Address, QStringLiteral("address.")},
        {RecordType::Contact, QStringLiteral("contact.")},
        {RecordType::Relationship, QStringLiteral("relationship.")},
        {RecordType::Family, QStringLiteral("family.")},
        {RecordType::FamilyMember, QStringLiteral("familyMember.")},
        {RecordType::CaseNote, QStringLiteral("caseNote.")},
    };
    for (const FieldDefinition& field : fieldCatalogue()) {
        QVERIFY2(field.id.startsWith(prefixes.value(field.recordType)), qPrintable(field.id.toString()));
        QVERIFY2(field.id.size() > prefixes.value(field.recordType).size(), qPrintable(field.id.toString()));
    }
}

void TestFieldCatalogue::everyFieldHasCategoryAndLabel() {
    for (const FieldDefinition& field : fieldCatalogue()) {
        const QByteArray id = field.id.toUtf8();
        // Exactly one of a fixed category and a per-record category field.
        QVERIFY2(field.category.has_value() != !field.categoryFieldId.isEmpty(), id.constData());
        if (!field.categoryFieldId.isEmpty()) {
            const std::optional<FieldDefinition> categoryField = findField(field.categoryFieldId);
            QVERIFY2(categoryField.has_value(), id.constData());
            QCOMPARE(categoryField->recordType, field.recordType);
            QVERIFY2(categoryField->category.has_value(), id.constData());
        }
        QVERIFY2(qstrlen(field.labelSource) > 0, id.constData());
        QVERIFY2(!fieldLabel(field).isEmpty(), id.constData());
        if (!field.storeColumn.isEmpty())
            QVERIFY2(!storeTable(field.recordType).isEmpty(), id.constData());
    }
}

void TestFieldCatalogue::storeColumnsAreUnique() {
    // Telephone numbers and e-mail addresses share contact.value, and
    // contact.kind distinguishes them. Every other column belongs to one field.
    QSet<QString> columns;
    for (const FieldDefinition& field : fieldCatalogue()) {
        if (field.storeColumn.isEmpty())
            continue;
        const QString column = storeTable(field.recordType) + u'.' + field.storeColumn;
        if (column == u"contact.value")
            continue;
        QVERIFY2(!columns.contains(column), qPrintable(column));
        columns.insert(column);
    }
}

void TestFieldCatalogue::coversPersonColumns() {
    // The columns of the person table in schema version 1 that hold data
    // about the person, as opposed to record keeping (ids, revision, dates
    // and the deleted flag).
    const QStringList personColumns = {
        QStringLiteral("legal_forename"),
        QStringLiteral("middle_names"),
        QStringLiteral("legal_surname"),
        QStringLiteral("preferred_forename"),
        QStringLiteral("preferred_surname"),
        QStringLiteral("former_surname"),
        QStringLiteral("title"),
        QStringLiteral("date_of_birth"),
        QStringLiteral("sex"),
        QStringLiteral("ethnicity"),
        QStringLiteral("language"),
        QStringLiteral("religion"),
        QStringLiteral("upn"),
        QStringLiteral("nhs_number"),
        QStringLiteral("is_pupil"),
        QStringLiteral("looked_after"),
        QStringLiteral("care_authority"),
        QStringLiteral("fsm_eligible"),
        QStringLiteral("sen_provision"),
        QStringLiteral("entry_date"),
        QStringLiteral("source_ctf"),
    };

    for (const QString& column : personColumns) {
        bool found = false;
        for (const FieldDefinition& field : fieldCatalogue())
            found = found || (field.recordType == RecordType::Person && field.storeColumn == column);
        QVERIFY2(found, qPrintable(column));
    }
}

void TestFieldCatalogue::findsField_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<RecordType>("recordType");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("label");

    QTest::newRow("legal surname") << QStringLiteral("person.legalSurname") << RecordType::Person
                                   << QStringLiteral("legal_surname") << QStringLiteral("Legal surname");
    QTest::newRow("ethnicity") << QStringLiteral("person.ethnicity") << RecordType::Person
                               << QStringLiteral("ethnicity") << QStringLiteral("Ethnicity");
    QTest::newRow("NHS number") << QStringLiteral("person.nhsNumber") << RecordType::Person
                                << QStringLiteral("nhs_number") << QStringLiteral("NHS number");
    QTest::newRow("free school meals")
        << QStringLiteral("person.freeSchoolMeals") << RecordType::Person << QStringLiteral("fsm_eligible")
        << QStringLiteral("Free school meals");
    QTest::newRow("health notes, no column") << QStringLiteral("person.healthNotes") << RecordType::Person
                                             << QString() << QStringLiteral("Health notes");
    QTest::newRow("postcode") << QStringLiteral("address.postcode") << RecordType::Address
                              << QStringLiteral("postcode") << QStringLiteral("Postcode");
    QTest::newRow("e-mail") << QStringLiteral("contact.email") << RecordType::Contact
                            << QStringLiteral("value") << QStringLiteral("E-mail");
    QTest::newRow("family status") << QStringLiteral("family.status") << RecordType::Family
                                   << QStringLiteral("status") << QStringLiteral("Status");
    QTest::newRow("case note text") << QStringLiteral("caseNote.text") << RecordType::CaseNote << QString()
                                    << QStringLiteral("Text");
}

void TestFieldCatalogue::findsField() {
    QFETCH(QString, id);
    QFETCH(RecordType, recordType);
    QFETCH(QString, column);
    QFETCH(QString, label);

    const std::optional<FieldDefinition> field = findField(id);
    QVERIFY(field.has_value());
    QCOMPARE(field->id.toString(), id);
    QCOMPARE(field->recordType, recordType);
    QCOMPARE(field->storeColumn.toString(), column);
    QCOMPARE(fieldLabel(*field), label);
}

void TestFieldCatalogue::unknownIdGivesNothing_data() {
    QTest::addColumn<QString>("id");

    QTest::newRow("empty") << QString();
    QTest::newRow("made-up field") << QStringLiteral("person.shoeSize");
    QTest::newRow("store column instead of id") << QStringLiteral("ethnicity");
    QTest::newRow("id in another case") << QStringLiteral("Person.Ethnicity");
    QTest::newRow("id with trailing space") << QStringLiteral("person.ethnicity ");
    QTest::newRow("record type only") << QStringLiteral("person");
}

void TestFieldCatalogue::unknownIdGivesNothing() {
    QFETCH(QString, id);

    QVERIFY(!findField(id).has_value());
}

void TestFieldCatalogue::specialCategoryFieldsAreAsDocumented() {
    const QSet<QString> expected = {
        QStringLiteral("person.ethnicity"),    QStringLiteral("person.religion"),
        QStringLiteral("person.senProvision"), QStringLiteral("person.ctfRecord"),
        QStringLiteral("person.healthNotes"),  QStringLiteral("person.sendNotes"),
    };

    QSet<QString> special;
    for (const FieldDefinition& field : fieldCatalogue()) {
        if (field.category == DataCategory::SpecialCategory)
            special.insert(field.id.toString());
    }
    QCOMPARE(special, expected);

    // Judgements recorded beside these fields.
    for (const QStringView id : {u"person.freeSchoolMeals", u"person.nhsNumber", u"person.sex",
                                 u"person.language", u"person.lookedAfter"}) {
        const std::optional<FieldDefinition> field = findField(id);
        QVERIFY(field.has_value());
        QCOMPARE(field->category, std::optional(DataCategory::Personal));
    }
}

void TestFieldCatalogue::caseNoteTextTakesNoteCategory() {
    const std::optional<FieldDefinition> text = findField(u"caseNote.text");
    QVERIFY(text.has_value());
    QVERIFY(!text->category.has_value());
    QCOMPARE(text->categoryFieldId.toString(), QStringLiteral("caseNote.category"));

    int fieldsWithoutCategory = 0;
    for (const FieldDefinition& field : fieldCatalogue()) {
        if (!field.category.has_value())
            ++fieldsWithoutCategory;
    }
    QCOMPARE(fieldsWithoutCategory, 1);
}

QTEST_GUILESS_MAIN(TestFieldCatalogue)
#include "tst_fieldcatalogue.moc"
