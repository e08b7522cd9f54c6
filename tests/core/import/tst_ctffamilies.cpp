#include "import/ctffamilies.h"

#include <QTest>

using namespace earlyhelp;

namespace {

CtfContact guardian(const QString& forename, const QString& surname, const QStringList& phones,
                    const QStringList& emails = {}, bool responsibility = true) {
    CtfContact contact;
    contact.forename = forename;
    contact.surname = surname;
    contact.relationship = QStringLiteral("PAM");
    contact.parentalResponsibility = responsibility;
    contact.addressAsPupil = true;
    for (const QString& number : phones)
        contact.phones += CtfPhone{QStringLiteral("M"), number};
    contact.emails = emails;
    return contact;
}

CtfContact relative(const QString& forename, const QString& surname, const QStringList& phones) {
    CtfContact contact = guardian(forename, surname, phones, {}, false);
    contact.relationship = QStringLiteral("REL");
    return contact;
}

CtfAddress address(const QString& saon, const QString& paon, const QString& street) {
    CtfAddress result;
    result.saon = saon;
    result.paon = paon;
    result.street = street;
    result.town = QStringLiteral("Anytown");
    result.postcode = QStringLiteral("ZZ9 9ZZ");
    return result;
}

CtfPupil pupil(const QString& forename, const QString& surname, const QList<CtfContact>& contacts,
               const CtfAddress& home = address(QString(), QStringLiteral("1"),
                                                QStringLiteral("Mill Lane"))) {
    CtfPupil result;
    result.forename = forename;
    result.surname = surname;
    result.contacts = contacts;
    result.address = home;
    return result;
}

// Numbers the pupils 1, 2, … in list order.
QList<CtfPupil> numbered(QList<CtfPupil> pupils) {
    for (qsizetype i = 0; i < pupils.size(); ++i)
        pupils[i].position = static_cast<int>(i + 1);
    return pupils;
}

// The families as lists of pupil positions.
QList<QList<int>> familyPositions(const CtfFamilyPlan& plan, const QList<CtfPupil>& pupils) {
    QList<QList<int>> families;
    for (const CtfFamily& family : plan.families) {
        QList<int> positions;
        for (qsizetype index : family.pupils)
            positions += pupils.at(index).position;
        families += positions;
    }
    return families;
}

using Families = QList<QList<int>>;

} // namespace

class TestCtfFamilies : public QObject {
    Q_OBJECT

private slots:
    void phoneMatchKeyOfNumber_data();
    void phoneMatchKeyOfNumber();
    void contactNameKeyFoldsSpellings_data();
    void contactNameKeyFoldsSpellings();
    void groupsPupilsIntoFamilies_data();
    void groupsPupilsIntoFamilies();
    void mergesRepeatedContacts();
    void keepsNonParentalRelativeOutOfJoins();
    void givesLookedAfterPupilOwnFamily();
    void namesFamiliesAfterChildren();
};

void TestCtfFamilies::phoneMatchKeyOfNumber_data() {
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("key");

    QTest::newRow("spaces") << QStringLiteral("07700 900142") << QStringLiteral("07700900142");
    QTest::newRow("hyphens") << QStringLiteral("07700-900-142") << QStringLiteral("07700900142");
    QTest::newRow("+44") << QStringLiteral("+44 7700 900142") << QStringLiteral("07700900142");
    QTest::newRow("+44 with (0)") << QStringLiteral("+44 (0)7700 900142") << QStringLiteral("07700900142");
    QTest::newRow("0044") << QStringLiteral("0044 7700 900142") << QStringLiteral("07700900142");
    QTest::newRow("landline in brackets")
        << QStringLiteral("(0121) 496 0142") << QStringLiteral("01214960142");
    QTest::newRow("other country keeps its code")
        << QStringLiteral("+48 601 234 567") << QStringLiteral("0048601234567");
    QTest::newRow("extension text") << QStringLiteral(" 0121 496 0142 ext ") << QStringLiteral("01214960142");
    QTest::newRow("too short") << QStringLiteral("999") << QString();
    QTest::newRow("no digits") << QStringLiteral("unknown") << QString();
}

void TestCtfFamilies::phoneMatchKeyOfNumber() {
    QFETCH(QString, number);
    QFETCH(QString, key);
    QCOMPARE(phoneMatchKey(number), key);
}

void TestCtfFamilies::contactNameKeyFoldsSpellings_data() {
    QTest::addColumn<QString>("forename");
    QTest::addColumn<QString>("surname");
    QTest::addColumn<QString>("otherForename");
    QTest::addColumn<QString>("otherSurname");
    QTest::addColumn<bool>("same");

    QTest::newRow("apostrophe ' and ’") << QStringLiteral("Maeve") << QStringLiteral("O'Rourke")
                                        << QStringLiteral("Maeve") << QStringLiteral("O\u2019Rourke") << true;
    QTest::newRow("NFC and NFD") << QStringLiteral("Zo\u00EB") << QStringLiteral("Penhale")
                                 << QStringLiteral("Zoe\u0308") << QStringLiteral("Penhale") << true;
    QTest::newRow("capitals") << QStringLiteral("SIOBH\u00C1N") << QStringLiteral("O'DRISCOLL")
                              << QStringLiteral("Siobh\u00E1n") << QStringLiteral("O'Driscoll") << true;
    QTest::newRow("hyphen and space") << QStringLiteral("Mary-Kate") << QStringLiteral("Treloar")
                                      << QStringLiteral("Mary  Kate") << QStringLiteral("Treloar") << true;
    QTest::newRow("different forename") << QStringLiteral("Lowenna") << QStringLiteral("Treloar")
                                        << QStringLiteral("Loveday") << QStringLiteral("Treloar") << false;
    QTest::newRow("gendered surname forms") << QStringLiteral("Alina") << QStringLiteral("Kowalska")
                                            << QStringLiteral("Alina") << QStringLiteral("Kowalski") << false;
}

void TestCtfFamilies::contactNameKeyFoldsSpellings() {
    QFETCH(QString, forename);
    QFETCH(QString, surname);
    QFETCH(QString, otherForename);
    QFETCH(QString, otherSurname);
    QFETCH(bool, same);

    const QString key = contactNameKey(forename, surname);
    QVERIFY(!key.isEmpty());
    QCOMPARE(key == contactNameKey(otherForename, otherSurname), same);
}

void TestCtfFamilies::groupsPupilsIntoFamilies_data() {
    QTest::addColumn<QList<CtfPupil>>("pupils");
    QTest::addColumn<Families>("families");
    QTest::addColumn<int>("adults");

    const CtfContact petra =
        guardian(QStringLiteral("Petra"), QStringLiteral("Marsh"), {QStringLiteral("07700 900811")});
    const CtfContact oskar =
        guardian(QStringLiteral("Oskar"), QStringLiteral("Quill"), {QStringLiteral("07700 900812")});
    QTest::newRow("siblings with different surnames")
        << numbered({pupil(QStringLiteral("Lena"), QStringLiteral("Marsh"), {petra, oskar}),
                     pupil(QStringLiteral("Ivo"), QStringLiteral("Quill"), {petra, oskar})})
        << Families{{1, 2}} << 2;

    const CtfAddress flatOne =
        address(QStringLiteral("Flat 1"), QStringLiteral("10"), QStringLiteral("Tannery Row"));
    const CtfAddress flatTwo =
        address(QStringLiteral("Flat 2"), QStringLiteral("10"), QStringLiteral("Tannery Row"));
    QTest::newRow("flats in one building stay apart")
        << numbered({pupil(QStringLiteral("Nia"), QStringLiteral("Rees"),
                           {guardian(QStringLiteral("Cerys"), QStringLiteral("Rees"),
                                     {QStringLiteral("07700 900821")})},
                           flatOne),
                     pupil(QStringLiteral("Tomos"), QStringLiteral("Rees"),
                           {guardian(QStringLiteral("Bethan"), QStringLiteral("Rees"),
                                     {QStringLiteral("07700 900822")})},
                           flatTwo)})
        << Families{{1}, {2}} << 2;

    QTest::newRow("shared surname alone does not join")
        << numbered({pupil(QStringLiteral("Arlo"), QStringLiteral("Brook"),
                           {guardian(QStringLiteral("Anna"), QStringLiteral("Brook"),
                                     {QStringLiteral("07700 900831")})}),
                     pupil(QStringLiteral("Ruby"), QStringLiteral("Brook"),
                           {guardian(QStringLiteral("Anna"), QStringLiteral("Brook"),
                                     {QStringLiteral("07700 900832")})})})
        << Families{{1}, {2}} << 2;

    QTest::newRow("phone with hyphens and +44 is one contact")
        << numbered({pupil(QStringLiteral("Kit"), QStringLiteral("Hale"),
                           {guardian(QStringLiteral("Jenna"), QStringLiteral("Hale"),
                                     {QStringLiteral("07700-900-841")})}),
                     pupil(QStringLiteral("Max"), QStringLiteral("Hale"),
                           {guardian(QStringLiteral("Jenna"), QStringLiteral("Hale"),
                                     {QStringLiteral("+44 7700 900841")})})})
        << Families{{1, 2}} << 1;

    QTest::newRow("e-mail in other case is one contact")
        << numbered({pupil(QStringLiteral("Edie"), QStringLiteral("Vane"),
                           {guardian(QStringLiteral("Sara"), QStringLiteral("Vane"), {},
                                     {QStringLiteral("Sara.Vane@Example.org")})}),
                     pupil(QStringLiteral("Finn"), QStringLiteral("Vane"),
                           {guardian(QStringLiteral("Sara"), QStringLiteral("Vane"), {},
                                     {QStringLiteral("sara.vane@example.org")})})})
        << Families{{1, 2}} << 1;

    QTest::newRow("apostrophe ' and ’ in contact name")
        << numbered({pupil(QStringLiteral("Cian"), QStringLiteral("O'Rourke"),
                           {guardian(QStringLiteral("Maeve"), QStringLiteral("O'Rourke"),
                                     {QStringLiteral("07700 900851")})}),
                     pupil(QStringLiteral("Orla"), QStringLiteral("O\u2019Rourke"),
                           {guardian(QStringLiteral("Maeve"), QStringLiteral("O\u2019Rourke"),
                                     {QStringLiteral("07700 900851")})})})
        << Families{{1, 2}} << 1;

    QTest::newRow("NFD and NFC contact names")
        << numbered({pupil(QStringLiteral("Ana"), QStringLiteral("Penhale"),
                           {guardian(QStringLiteral("Zo\u00EB"), QStringLiteral("Penhale"),
                                     {QStringLiteral("07700 900861")})}),
                     pupil(QStringLiteral("Jago"), QStringLiteral("Penhale"),
                           {guardian(QStringLiteral("Zoe\u0308"), QStringLiteral("Penhale"),
                                     {QStringLiteral("07700 900861")})})})
        << Families{{1, 2}} << 1;

    QTest::newRow("same name, different phone stays apart")
        << numbered({pupil(QStringLiteral("Ivy"), QStringLiteral("Cole"),
                           {guardian(QStringLiteral("Jo"), QStringLiteral("Cole"),
                                     {QStringLiteral("07700 900871")})}),
                     pupil(QStringLiteral("Reuben"), QStringLiteral("Cole"),
                           {guardian(QStringLiteral("Jo"), QStringLiteral("Cole"),
                                     {QStringLiteral("07700 900872")})})})
        << Families{{1}, {2}} << 2;

    QTest::newRow("shared phone, different name stays apart")
        << numbered({pupil(QStringLiteral("Ivy"), QStringLiteral("Cole"),
                           {guardian(QStringLiteral("Jo"), QStringLiteral("Cole"),
                                     {QStringLiteral("07700 900873")})}),
                     pupil(QStringLiteral("Reuben"), QStringLiteral("Cole"),
                           {guardian(QStringLiteral("Jon"), QStringLiteral("Cole"),
                                     {QStringLiteral("07700 900873")})})})
        << Families{{1}, {2}} << 2;

    const CtfContact mum =
        guardian(QStringLiteral("Gwen"), QStringLiteral("Pascoe"), {QStringLiteral("07700 900881")});
    const CtfContact dad =
        guardian(QStringLiteral("Alan"), QStringLiteral("Nance"), {QStringLiteral("07700 900882")});
    QTest::newRow("joins are transitive")
        << numbered({pupil(QStringLiteral("Demelza"), QStringLiteral("Pascoe"), {mum}),
                     pupil(QStringLiteral("Kenver"), QStringLiteral("Nance"), {mum, dad}),
                     pupil(QStringLiteral("Wenna"), QStringLiteral("Nance"), {dad})})
        << Families{{1, 2, 3}} << 2;

    QTest::newRow("pupil without contacts gets no family")
        << numbered({pupil(QStringLiteral("Sol"), QStringLiteral("Vey"), {}),
                     pupil(QStringLiteral("Tam"), QStringLiteral("Vey"), {mum})})
        << Families{{2}} << 1;

    QTest::newRow("pupil with only non-parental contacts gets no family")
        << numbered({pupil(
               QStringLiteral("Sol"), QStringLiteral("Vey"),
               {relative(QStringLiteral("Ros"), QStringLiteral("Vey"), {QStringLiteral("07700 900891")})})})
        << Families{} << 1;
}

void TestCtfFamilies::groupsPupilsIntoFamilies() {
    QFETCH(QList<CtfPupil>, pupils);
    QFETCH(Families, families);
    QFETCH(int, adults);

    const CtfFamilyPlan plan = planFamilies(pupils);
    QCOMPARE(familyPositions(plan, pupils), families);
    QCOMPARE(plan.adults.size(), adults);

    qsizetype inFamilies = 0;
    for (const QList<int>& family : families)
        inFamilies += family.size();
    QCOMPARE(plan.pupilsWithoutFamily.size(), pupils.size() - inFamilies);
}

void TestCtfFamilies::mergesRepeatedContacts() {
    CtfContact first =
        guardian(QStringLiteral("Jenna"), QStringLiteral("Hale"), {QStringLiteral("07700-900-841")});
    CtfContact second = guardian(QStringLiteral("JENNA"), QStringLiteral("HALE"),
                                 {QStringLiteral("+44 7700 900841"), QStringLiteral("0121 496 0841")},
                                 {QStringLiteral("jenna.hale@example.net")});
    second.title = QStringLiteral("Mrs");
    second.middleNames = QStringLiteral("Rose");
    const QList<CtfPupil> pupils = numbered({pupil(QStringLiteral("Kit"), QStringLiteral("Hale"), {first}),
                                             pupil(QStringLiteral("Max"), QStringLiteral("Hale"), {second})});

    const CtfFamilyPlan plan = planFamilies(pupils);
    QCOMPARE(plan.adults.size(), 1);
    const CtfAdult& adult = plan.adults.first();
    QCOMPARE(adult.links.size(), 2);
    QCOMPARE(adult.details.forename, QStringLiteral("Jenna"));
    QCOMPARE(adult.details.title, QStringLiteral("Mrs"));
    QCOMPARE(adult.details.middleNames, QStringLiteral("Rose"));
    QCOMPARE(adult.details.phones.size(), 2);
    QCOMPARE(adult.details.phones.at(0).number, QStringLiteral("07700-900-841"));
    QCOMPARE(adult.details.emails, QStringList{QStringLiteral("jenna.hale@example.net")});
    QVERIFY(!adult.details.addressAsPupil);
    QCOMPARE(adult.details.address.street, QStringLiteral("Mill Lane"));
}

void TestCtfFamilies::keepsNonParentalRelativeOutOfJoins() {
    const CtfContact aunt =
        relative(QStringLiteral("Greta"), QStringLiteral("Holm"), {QStringLiteral("07700 900901")});
    const QList<CtfPupil> pupils = numbered(
        {pupil(QStringLiteral("Astrid"), QStringLiteral("Lind"),
               {guardian(QStringLiteral("Karin"), QStringLiteral("Lind"), {QStringLiteral("07700 900902")}),
                aunt}),
         pupil(QStringLiteral("Elias"), QStringLiteral("Berg"),
               {guardian(QStringLiteral("Sofia"), QStringLiteral("Berg"), {QStringLiteral("07700 900903")}),
                aunt})});

    const CtfFamilyPlan plan = planFamilies(pupils);
    QCOMPARE(familyPositions(plan, pupils), (Families{{1}, {2}}));
    QCOMPARE(plan.adults.size(), 3);

    // The aunt is one adult, an adult of both families, without parental
    // responsibility.
    const qsizetype auntIndex = 1;
    QCOMPARE(plan.adults.at(auntIndex).details.forename, QStringLiteral("Greta"));
    QCOMPARE(plan.adults.at(auntIndex).links.size(), 2);
    QVERIFY(!plan.adults.at(auntIndex).hasParentalResponsibility(pupils));
    QVERIFY(plan.families.at(0).adults.contains(auntIndex));
    QVERIFY(plan.families.at(1).adults.contains(auntIndex));
}

void TestCtfFamilies::givesLookedAfterPupilOwnFamily() {
    CtfContact carer = guardian(QStringLiteral("Hywel"), QStringLiteral("Prosser"),
                                {QStringLiteral("07700 900911")}, {}, false);
    carer.relationship = QStringLiteral("FOF");
    CtfContact otherCarer = guardian(QStringLiteral("Eira"), QStringLiteral("Prosser"),
                                     {QStringLiteral("07700 900912")}, {}, false);
    otherCarer.relationship = QStringLiteral("FOM");

    CtfPupil lookedAfter = pupil(QStringLiteral("Dylan"), QStringLiteral("Vaughan"), {carer, otherCarer});
    lookedAfter.lookedAfter = true;
    lookedAfter.careAuthority = QStringLiteral("999");
    CtfPupil lookedAfterWithoutContacts = pupil(QStringLiteral("Macsen"), QStringLiteral("Lloyd"), {});
    lookedAfterWithoutContacts.lookedAfter = true;
    const QList<CtfPupil> pupils = numbered({lookedAfter, lookedAfterWithoutContacts});

    const CtfFamilyPlan plan = planFamilies(pupils);
    QCOMPARE(familyPositions(plan, pupils), (Families{{1}}));
    const CtfFamily& family = plan.families.first();
    QVERIFY(family.lookedAfter);
    QCOMPARE(family.adults.size(), 2);
    for (qsizetype adult : family.adults)
        QVERIFY(!plan.adults.at(adult).hasParentalResponsibility(pupils));
    QCOMPARE(plan.pupilsWithoutFamily, QList<qsizetype>{1});
}

void TestCtfFamilies::namesFamiliesAfterChildren() {
    const CtfContact petra =
        guardian(QStringLiteral("Petra"), QStringLiteral("Marsh"), {QStringLiteral("07700 900811")});
    const CtfContact joan =
        guardian(QStringLiteral("Joan"), QStringLiteral("Tull"), {QStringLiteral("07700 900921")});
    const QList<CtfPupil> pupils =
        numbered({pupil(QStringLiteral("Lena"), QStringLiteral("Marsh"), {petra}),
                  pupil(QStringLiteral("Ivo"), QStringLiteral("Quill"), {petra}),
                  pupil(QStringLiteral("Bo"), QStringLiteral("MARSH"), {petra}),
                  pupil(QStringLiteral("Ned"), QStringLiteral("Tull-Byrne"), {joan})});

    const CtfFamilyPlan plan = planFamilies(pupils);
    QCOMPARE(plan.families.size(), 2);
    QCOMPARE(plan.families.at(0).displayName, QStringLiteral("Marsh / Quill family"));
    QCOMPARE(plan.families.at(1).displayName, QStringLiteral("Tull-Byrne family"));
}

QTEST_GUILESS_MAIN(TestCtfFamilies)
#include "tst_ctffamilies.moc"
