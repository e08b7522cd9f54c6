#include "ctffixture.h"

#include "import/ctfparser.h"

#include <QBuffer>
#include <QJsonArray>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::test;

namespace {

const QDate parseDay(2025, 11, 20);

CtfParseOptions fixedDay() {
    CtfParseOptions options;
    options.today = parseDay;
    return options;
}

// Three pupils with contacts; tests change one thing in it.
CtfFixture threePupils() {
    CtfFixture fixture;
    FixturePupil first = fixturePupil(1, QStringLiteral("Elowen"), QStringLiteral("Tregarthen"));
    first.contacts += fixtureParent(QStringLiteral("Morwenna"), QStringLiteral("Tregarthen"),
                                    QStringLiteral("07700 900801"));
    FixturePupil second = fixturePupil(2, QStringLiteral("Caspian"), QStringLiteral("Ashdown"));
    second.sex = QStringLiteral("M");
    FixturePupil third = fixturePupil(3, QStringLiteral("Wren"), QStringLiteral("Fairbairn"));
    fixture.pupils = {first, second, third};
    return fixture;
}

Result<CtfDocument> parse(const QByteArray& bytes, const QString& fileName = QStringLiteral("fixture.xml")) {
    return parseCtf(bytes, fileName, fixedDay());
}

} // namespace

class TestCtfParser : public QObject {
    Q_OBJECT

private slots:
    void readsSexOrGender_data();
    void readsSexOrGender();
    void decodesEncodings_data();
    void decodesEncodings();
    void rejectsBadEncoding_data();
    void rejectsBadEncoding();
    void rejectsBytesNotMatchingDeclaredUtf8();
    void rejectsTruncatedFile_data();
    void rejectsTruncatedFile();
    void rejectsWrongRootElement();
    void rejectsDocumentTypeDeclaration();
    void rejectsFileWithoutHeader();
    void rejectsEmptyFile();
    void skipsInvalidPupil_data();
    void skipsInvalidPupil();
    void skipsPupilsWithRepeatedUpn();
    void acceptsTemporaryUpn();
    void readsHeader();
    void readsPupilDetails();
    void keepsNamesAsGiven();
    void readsContacts();
    void ignoresUnknownBlocks();
    void treatsEmptyLeavingDateAsAbsent();
    void readsFreeSchoolMeals_data();
    void readsFreeSchoolMeals();
    void warnsAboutInvalidOptionalDate();
    void toleratesAnyElementOrder();
    void readsFromDevice();
};

void TestCtfParser::readsSexOrGender_data() {
    QTest::addColumn<SexElement>("element");
    QTest::newRow("Sex") << SexElement::Sex;
    QTest::newRow("Gender") << SexElement::Gender;
}

void TestCtfParser::readsSexOrGender() {
    QFETCH(SexElement, element);
    CtfFixture fixture = threePupils();
    fixture.sexElement = element;

    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY2(document, qPrintable(document ? QString() : document.error().message));
    QCOMPARE(document->pupils.size(), 3);
    QCOMPARE(document->pupils.at(0).sex, QStringLiteral("F"));
    QCOMPARE(document->pupils.at(1).sex, QStringLiteral("M"));
    QCOMPARE(document->pupils.at(0).contacts.at(0).sex, QStringLiteral("F"));
}

void TestCtfParser::decodesEncodings_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");

    CtfFixture fixture = threePupils();
    fixture.pupils[0].surname = QStringLiteral("Lef\u00E8vre-\u00C5str\u00F6m");
    fixture.pupils[0].forename = QStringLiteral("Ma\u00EBlle");
    fixture.pupils[1].preferredForename = QStringLiteral("\u064A\u0648\u0633\u0641");
    fixture.pupils[2].forename = QStringLiteral("\u0218tefan \U0001F600");

    QTest::newRow("UTF-8 without byte order mark") << fixture.toUtf8(false) << QStringLiteral("UTF-8");
    QTest::newRow("UTF-8 with byte order mark") << fixture.toUtf8(true) << QStringLiteral("UTF-8");
    QTest::newRow("UTF-16LE with byte order mark")
        << fixture.toUtf16(true, true) << QStringLiteral("UTF-16LE");
    QTest::newRow("UTF-16BE with byte order mark")
        << fixture.toUtf16(false, true) << QStringLiteral("UTF-16BE");
    QTest::newRow("UTF-16LE declared, no byte order mark")
        << fixture.toUtf16(true, false) << QStringLiteral("UTF-16LE");
    QTest::newRow("no declaration is UTF-8") << fixture.toXml(QString()).toUtf8() << QStringLiteral("UTF-8");
}

void TestCtfParser::decodesEncodings() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);

    const Result<CtfDocument> document = parse(bytes);
    QVERIFY2(document, qPrintable(document ? QString() : document.error().message));
    QCOMPARE(document->encoding, encoding);
    QCOMPARE(document->pupils.size(), 3);
    QCOMPARE(document->pupils.at(0).surname, QStringLiteral("Lef\u00E8vre-\u00C5str\u00F6m"));
    QCOMPARE(document->pupils.at(0).forename, QStringLiteral("Ma\u00EBlle"));
    QCOMPARE(document->pupils.at(1).preferredForename, QStringLiteral("\u064A\u0648\u0633\u0641"));
    QCOMPARE(document->pupils.at(2).forename, QStringLiteral("\u0218tefan \U0001F600"));
}

void TestCtfParser::rejectsBadEncoding_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    const CtfFixture fixture = threePupils();
    const QByteArray utf8 = fixture.toUtf8();
    const QByteArray surname = QByteArrayLiteral("<Surname>Ashdown");

    QByteArray overlong = utf8;
    overlong.replace(surname, QByteArrayLiteral("<Surname>Ash\xC0\xAF"));
    QTest::newRow("overlong UTF-8") << overlong << QStringLiteral("0xC0");

    QByteArray surrogate = utf8;
    surrogate.replace(surname, QByteArrayLiteral("<Surname>Ash\xED\xA0\x80"));
    QTest::newRow("UTF-8 encoded surrogate") << surrogate << QStringLiteral("0xED");

    QByteArray cut = utf8;
    cut.replace(surname, QByteArrayLiteral("<Surname>Ash\xE2\x82"));
    QTest::newRow("UTF-8 sequence cut short") << cut << QStringLiteral("0xE2");

    QByteArray undeclared = fixture.toXml(QString()).toUtf8();
    undeclared.replace(surname, QByteArrayLiteral("<Surname>Ash\xE9"));
    QTest::newRow("no declaration and a windows-1252 byte")
        << undeclared << QStringLiteral("no encoding declaration");

    QByteArray replacement = utf8;
    replacement.replace(surname, QByteArrayLiteral("<Surname>Ash\xEF\xBF\xBD"));
    QTest::newRow("replacement character U+FFFD") << replacement << QStringLiteral("U+FFFD");

    QByteArray ascii = fixture.toXml(QStringLiteral("US-ASCII")).toUtf8();
    ascii.replace(surname, QByteArrayLiteral("<Surname>Ash\xE9"));
    QTest::newRow("US-ASCII with a byte above 0x7F") << ascii << QStringLiteral("not valid US-ASCII");

    QByteArray windows1252 = fixture.toXml(QStringLiteral("windows-1252")).toLatin1();
    windows1252.replace(surname, QByteArrayLiteral("<Surname>Ash\x81"));
    QTest::newRow("windows-1252 undefined byte") << windows1252 << QStringLiteral("0x81");

    QByteArray loneSurrogate = fixture.toUtf16(true, true);
    const qsizetype at = loneSurrogate.indexOf(QByteArrayView("A\0s\0h\0", 6));
    loneSurrogate[at] = '\x00';
    loneSurrogate[at + 1] = '\xD8';
    QTest::newRow("UTF-16 lone high surrogate") << loneSurrogate << QStringLiteral("not valid UTF-16LE");

    QTest::newRow("UTF-16 with an odd number of bytes")
        << QByteArray(fixture.toUtf16(true, true) + 'x') << QStringLiteral("0x78");

    QTest::newRow("encoding that cannot be read") << fixture.toXml(QStringLiteral("EBCDIC-US")).toUtf8()
                                                  << QStringLiteral("EBCDIC-US, which this app cannot read");

    QByteArray conflicting = fixture.toUtf16(true, true);
    conflicting.replace(QByteArrayView("U\0T\0F\0-\0\x31\0\x36\0", 12),
                        QByteArrayView("U\0T\0F\0-\0\x38\0", 10));
    QTest::newRow("UTF-16 byte order mark, declared UTF-8")
        << conflicting << QStringLiteral("first bytes show UTF-16LE");

    QTest::newRow("declared UTF-16, bytes are 8-bit")
        << fixture.toXml(QStringLiteral("UTF-16")).toUtf8() << QStringLiteral("first bytes are not UTF-16");
}

void TestCtfParser::rejectsBadEncoding() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);

    const Result<CtfDocument> document = parse(bytes);
    QVERIFY(!document);
    QCOMPARE(document.error().code, ErrorCode::ImportRejected);
    QVERIFY2(document.error().message.contains(expected), qPrintable(document.error().message));
    QVERIFY2(document.error().message.contains(QStringLiteral("fixture.xml")),
             qPrintable(document.error().message));
    QVERIFY2(document.error().message.contains(QStringLiteral("Nothing was imported")),
             qPrintable(document.error().message));
}

void TestCtfParser::rejectsBytesNotMatchingDeclaredUtf8() {
    CtfFixture fixture = threePupils();
    fixture.pupils[0].forename = QStringLiteral("Ren\u00E9e");
    fixture.pupils[2].surname = QStringLiteral("Fairbairn-Mu\u00F1oz");
    const QString text = fixture.toXml();

    // Windows-1252 bytes under a UTF-8 declaration.
    const QByteArray bytes = text.toLatin1();
    const auto [line, column] = lineAndColumn(text, text.indexOf(u'\u00E9'));

    const Result<CtfDocument> document = parse(bytes, QStringLiteral("mis-export.xml"));
    QVERIFY(!document);
    QCOMPARE(document.error().code, ErrorCode::ImportRejected);
    const QString& message = document.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("mis-export.xml declares the encoding UTF-8")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("line %1, column %2 (0xE9)").arg(line).arg(column)),
             qPrintable(message));
    QVERIFY2(!message.contains(QChar::ReplacementCharacter), qPrintable(message));
}

void TestCtfParser::rejectsTruncatedFile_data() {
    QTest::addColumn<QString>("cutBefore");

    QTest::newRow("inside the second pupil's DOB") << QStringLiteral("-04-12</DOB>\n      <Sex>M");
    QTest::newRow("inside a start tag") << QStringLiteral("urname>Fairbairn");
    QTest::newRow("before the closing root tag") << QStringLiteral("</CTfile>");
}

void TestCtfParser::rejectsTruncatedFile() {
    QFETCH(QString, cutBefore);

    const QString text = threePupils().toXml();
    const qsizetype cut = text.indexOf(cutBefore);
    QVERIFY(cut > 0);
    const QString kept = text.first(cut);
    const auto [line, column] = lineAndColumn(kept, kept.size());

    const Result<CtfDocument> document = parse(kept.toUtf8(), QStringLiteral("cut.xml"));
    QVERIFY(!document);
    QCOMPARE(document.error().code, ErrorCode::ImportRejected);
    const QString& message = document.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("cut.xml is not well-formed XML")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("line %1, column %2").arg(line).arg(column)),
             qPrintable(message));
}

void TestCtfParser::rejectsWrongRootElement() {
    CtfFixture fixture = threePupils();
    fixture.rootElement = QStringLiteral("ATfile");

    const Result<CtfDocument> document = parse(fixture.toUtf8(), QStringLiteral("admissions.xml"));
    QVERIFY(!document);
    QCOMPARE(document.error().code, ErrorCode::ImportRejected);
    QVERIFY2(document.error().message.contains(QStringLiteral("root element is ATfile, expected CTfile")),
             qPrintable(document.error().message));
}

void TestCtfParser::rejectsDocumentTypeDeclaration() {
    QString text = threePupils().toXml();
    text.insert(text.indexOf(u"<CTfile>"), QStringLiteral("<!DOCTYPE CTfile [<!ENTITY name \"Entity\">]>\n"));

    const Result<CtfDocument> document = parse(text.toUtf8());
    QVERIFY(!document);
    QVERIFY2(document.error().message.contains(QStringLiteral("DOCTYPE")),
             qPrintable(document.error().message));
}

void TestCtfParser::rejectsFileWithoutHeader() {
    QString text = threePupils().toXml();
    const qsizetype start = text.indexOf(u"  <Header>");
    const qsizetype end = text.indexOf(u"</Header>\n") + 10;
    text.remove(start, end - start);

    const Result<CtfDocument> document = parse(text.toUtf8());
    QVERIFY(!document);
    QVERIFY2(document.error().message.contains(QStringLiteral("no Header")),
             qPrintable(document.error().message));
}

void TestCtfParser::rejectsEmptyFile() {
    const Result<CtfDocument> document = parse(QByteArray(), QStringLiteral("empty.xml"));
    QVERIFY(!document);
    QCOMPARE(document.error().code, ErrorCode::ImportRejected);
    QVERIFY(document.error().message.startsWith(QStringLiteral("empty.xml is empty")));
}

void TestCtfParser::skipsInvalidPupil_data() {
    QTest::addColumn<FixturePupil>("pupil");
    QTest::addColumn<CtfPupilFault>("fault");
    QTest::addColumn<QString>("expected");

    const FixturePupil valid = fixturePupil(2, QStringLiteral("Caspian"), QStringLiteral("Ashdown"));
    const QString upn = *valid.upn;

    FixturePupil noSurname = valid;
    noSurname.surname.reset();
    QTest::newRow("missing surname")
        << noSurname << CtfPupilFault::SurnameMissing
        << QStringLiteral("pupil 2 (UPN %1), was not imported: Surname missing").arg(upn);

    FixturePupil blankSurname = valid;
    blankSurname.surname = QStringLiteral("   ");
    QTest::newRow("blank surname") << blankSurname << CtfPupilFault::SurnameMissing
                                   << QStringLiteral("Surname missing");

    FixturePupil noUpn = valid;
    noUpn.upn.reset();
    QTest::newRow("missing UPN") << noUpn << CtfPupilFault::UpnMissing
                                 << QStringLiteral("pupil 2 (no UPN), was not imported: UPN missing");

    FixturePupil wrongLetter = valid;
    const QChar wrong = upn.at(0) == u'A' ? u'B' : u'A';
    wrongLetter.upn = QString(wrong + upn.mid(1));
    QTest::newRow("wrong check letter")
        << wrongLetter << CtfPupilFault::UpnInvalid
        << QStringLiteral("pupil 2, was not imported: UPN %1: the check letter should be %2, not %3")
               .arg(*wrongLetter.upn, upn.first(1), QString(wrong));

    FixturePupil impossible = valid;
    impossible.dob = QStringLiteral("2031-02-30");
    QTest::newRow("impossible DOB 2031-02-30") << impossible << CtfPupilFault::DateOfBirthInvalid
                                               << QStringLiteral("DOB 2031-02-30 is not a valid date");

    FixturePupil future = valid;
    future.dob = parseDay.addDays(1).toString(Qt::ISODate);
    QTest::newRow("DOB in the future") << future << CtfPupilFault::DateOfBirthInFuture
                                       << QStringLiteral("DOB %1 is in the future").arg(*future.dob);

    FixturePupil twoDigitYear = valid;
    twoDigitYear.dob = QStringLiteral("16-04-12");
    QTest::newRow("DOB with a two-digit year") << twoDigitYear << CtfPupilFault::DateOfBirthInvalid
                                               << QStringLiteral("DOB 16-04-12 is not a valid date");

    FixturePupil paddedYear = valid;
    paddedYear.dob = QStringLiteral("0016-04-12");
    QTest::newRow("DOB with a zero-padded two-digit year")
        << paddedYear << CtfPupilFault::DateOfBirthInvalid
        << QStringLiteral("DOB 0016-04-12 is not a valid date");

    FixturePupil britishOrder = valid;
    britishOrder.dob = QStringLiteral("12/04/2016");
    QTest::newRow("DOB as day/month/year") << britishOrder << CtfPupilFault::DateOfBirthInvalid
                                           << QStringLiteral("DOB 12/04/2016 is not a valid date");

    FixturePupil noDob = valid;
    noDob.dob.reset();
    QTest::newRow("missing DOB") << noDob << CtfPupilFault::DateOfBirthMissing
                                 << QStringLiteral("DOB (date of birth) missing");
}

void TestCtfParser::skipsInvalidPupil() {
    QFETCH(FixturePupil, pupil);
    QFETCH(CtfPupilFault, fault);
    QFETCH(QString, expected);

    CtfFixture fixture = threePupils();
    fixture.pupils[1] = pupil;

    const Result<CtfDocument> document = parse(fixture.toUtf8(), QStringLiteral("autumn.xml"));
    QVERIFY2(document, qPrintable(document ? QString() : document.error().message));
    QCOMPARE(document->pupils.size(), 2);
    QCOMPARE(document->pupils.at(0).position, 1);
    QCOMPARE(document->pupils.at(1).position, 3);
    QCOMPARE(document->pupilRecordCount(), 3);

    QCOMPARE(document->skipped.size(), 1);
    const CtfSkippedPupil& skipped = document->skipped.first();
    QCOMPARE(skipped.position, 2);
    QCOMPARE(skipped.upn, pupil.upn.value_or(QString()));
    QVERIFY(skipped.hasFault(fault));
    QVERIFY2(skipped.message().startsWith(QStringLiteral("autumn.xml, pupil 2")),
             qPrintable(skipped.message()));
    QVERIFY2(skipped.message().contains(expected), qPrintable(skipped.message()));
    QVERIFY2(!skipped.message().contains(QStringLiteral("Caspian")), "messages name no pupil");
}

void TestCtfParser::skipsPupilsWithRepeatedUpn() {
    CtfFixture fixture = threePupils();
    fixture.pupils[2].upn = fixture.pupils[0].upn;

    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY(document);
    QCOMPARE(document->pupils.size(), 1);
    QCOMPARE(document->pupils.at(0).position, 2);
    QCOMPARE(document->skipped.size(), 2);
    QCOMPARE(document->skipped.at(0).position, 1);
    QCOMPARE(document->skipped.at(1).position, 3);
    QVERIFY(document->skipped.at(0).hasFault(CtfPupilFault::UpnRepeated));
    QVERIFY2(
        document->skipped.at(0).message().contains(QStringLiteral("pupil 3 in this file has the same UPN")),
        qPrintable(document->skipped.at(0).message()));
}

void TestCtfParser::acceptsTemporaryUpn() {
    CtfFixture fixture = threePupils();
    fixture.pupils[0].upn = temporaryFixtureUpn(7, u'K');

    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY(document);
    QCOMPARE(document->pupils.size(), 3);
    QVERIFY(document->pupils.at(0).temporaryUpn);
    QVERIFY(!document->pupils.at(1).temporaryUpn);
}

void TestCtfParser::readsHeader() {
    CtfFixture fixture = threePupils();
    fixture.ctfVersion = QStringLiteral("19.0");
    fixture.documentQualifier = QStringLiteral("partial");
    fixture.schoolName = QStringLiteral("St Aldhelm's Academy");
    fixture.sourceLea = QStringLiteral("099");

    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY(document);
    const CtfHeader& header = document->header;
    QCOMPARE(header.ctfVersion, QStringLiteral("19.0"));
    QCOMPARE(header.documentQualifier, QStringLiteral("partial"));
    QVERIFY(header.dataDescriptor.isEmpty());
    QCOMPARE(header.sourceSchoolName, QStringLiteral("St Aldhelm's Academy"));
    QCOMPARE(header.sourceLea, QStringLiteral("099"));
    QCOMPARE(header.sourceEstab, QStringLiteral("1234"));
    QCOMPARE(header.sourceUrn, QStringLiteral("999123"));
    QCOMPARE(header.academicYear, QStringLiteral("2025"));
    QCOMPARE(header.destLea, QStringLiteral("MMM"));
    QCOMPARE(header.destEstab, QStringLiteral("MMMM"));
    QCOMPARE(header.dateTime, QDateTime(QDate(2025, 11, 3), QTime(10, 15)));
}

void TestCtfParser::readsPupilDetails() {
    CtfFixture fixture = threePupils();
    FixturePupil& pupil = fixture.pupils[0];
    pupil.middleNames = QStringLiteral("Jory Kerensa");
    pupil.preferredForename = QStringLiteral("Ellie");
    pupil.preferredSurname = QStringLiteral("Trego");
    pupil.formerSurname = QStringLiteral("Penhallow");
    pupil.lookedAfter = true;
    pupil.careAuthority = QStringLiteral("999");
    pupil.address->saon = QStringLiteral("Flat 3");
    pupil.basicDetailsXml =
        QStringLiteral("<Ethnicity>WOTH</Ethnicity><Languages>"
                       "<Type><LanguageType>H</LanguageType><Language>ENG</Language></Type>"
                       "<Type><LanguageType>F</LanguageType><Language>COR</Language></Type></Languages>\n");
    pupil.extraXml = QStringLiteral(
        "      <SENhistory><SEN><StartDate>2022-01-10</StartDate><SENprovision>K</SENprovision></SEN>"
        "<SEN><StartDate>2024-05-01</StartDate><SENprovision>E</SENprovision></SEN></SENhistory>\n"
        "      <Phones><Phone><TelephoneType>H</TelephoneType><PhoneNo>0121 496 "
        "0801</PhoneNo></Phone></Phones>\n"
        "      "
        "<SchoolHistory><School><LEA>999</LEA><Estab>1234</Estab><EntryDate>2021-09-02</EntryDate></School>"
        "</SchoolHistory>\n");

    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY(document);
    const CtfPupil& read = document->pupils.at(0);
    QCOMPARE(read.upn, *pupil.upn);
    QCOMPARE(read.dateOfBirth, QDate(2016, 4, 12));
    QCOMPARE(read.middleNames, QStringLiteral("Jory Kerensa"));
    QCOMPARE(read.preferredForename, QStringLiteral("Ellie"));
    QCOMPARE(read.preferredSurname, QStringLiteral("Trego"));
    QCOMPARE(read.formerSurname, QStringLiteral("Penhallow"));
    QCOMPARE(read.ethnicity, QStringLiteral("WOTH"));
    QCOMPARE(read.language, QStringLiteral("COR"));
    QCOMPARE(read.lookedAfter, std::optional<bool>(true));
    QCOMPARE(read.careAuthority, QStringLiteral("999"));
    QCOMPARE(read.senProvision, std::optional<QString>(QStringLiteral("E")));
    QCOMPARE(read.entryDate, std::optional<QDate>(QDate(2021, 9, 2)));
    QCOMPARE(read.address.saon, QStringLiteral("Flat 3"));
    QCOMPARE(read.address.paon, QStringLiteral("12"));
    QCOMPARE(read.address.postcode, QStringLiteral("ZZ1 1ZZ"));
    QCOMPARE(read.phones.size(), 1);
    QCOMPARE(read.phones.at(0).typeCode, QStringLiteral("H"));
    QVERIFY(read.sourceBlocks.contains(QStringLiteral("LookedAfter")));
    QVERIFY(read.sourceBlocks.contains(QStringLiteral("SENhistory")));
    QCOMPARE(read.sourceBlocks.value(QStringLiteral("SENhistory"))
                 .toObject()
                 .value(QStringLiteral("SEN"))
                 .toArray()
                 .size(),
             2);

    const CtfPupil& plain = document->pupils.at(1);
    QVERIFY(!plain.lookedAfter.has_value());
    QVERIFY(!plain.fsmEligible.has_value());
    QVERIFY(!plain.senProvision.has_value());
    QVERIFY(!plain.entryDate.has_value());
    QVERIFY(plain.sourceBlocks.isEmpty());
    QVERIFY(document->warnings.isEmpty());
}

void TestCtfParser::keepsNamesAsGiven() {
    CtfFixture fixture = threePupils();
    fixture.pupils[0].surname = QStringLiteral("  O'DRISCOLL  ");
    fixture.pupils[0].forename = QStringLiteral("Mary  Kate");
    fixture.pupils[1].forename = QStringLiteral("Zoe\u0308");

    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY(document);
    QCOMPARE(document->pupils.at(0).surname, QStringLiteral("O'DRISCOLL"));
    QCOMPARE(document->pupils.at(0).forename, QStringLiteral("Mary  Kate"));
    QCOMPARE(document->pupils.at(1).forename, QStringLiteral("Zoe\u0308"));
}

void TestCtfParser::readsContacts() {
    CtfFixture fixture = threePupils();
    FixtureContact aunt;
    aunt.title = QStringLiteral("Miss");
    aunt.forename = QStringLiteral("Ysolde");
    aunt.surname = QStringLiteral("Penrose");
    aunt.relationship = QStringLiteral("REL");
    aunt.responsibility = false;
    aunt.addressAsPupil = false;
    aunt.address.paon = QStringLiteral("7");
    aunt.address.street = QStringLiteral("Quarry Lane");
    aunt.emails = QStringList{QStringLiteral("ysolde.penrose@example.org")};
    aunt.phones = QStringList{QStringLiteral("07700 900802"), QStringLiteral("0121 496 0802")};
    fixture.pupils[0].contacts += aunt;
    fixture.pupils[0].contacts += FixtureContact{};
    fixture.pupils[0].contacts.last().forename = QStringLiteral("Unsure");
    fixture.pupils[0].contacts.last().surname = QStringLiteral("Responsibility");
    fixture.pupils[0].contacts.last().responsibility.reset();

    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY(document);
    const QList<CtfContact>& contacts = document->pupils.at(0).contacts;
    QCOMPARE(contacts.size(), 3);

    QCOMPARE(contacts.at(0).order, std::optional<int>(1));
    QCOMPARE(contacts.at(0).relationship, QStringLiteral("PAM"));
    QCOMPARE(contacts.at(0).parentalResponsibility, std::optional<bool>(true));
    QVERIFY(contacts.at(0).addressAsPupil);
    QVERIFY(contacts.at(0).address.isEmpty());

    const CtfContact& readAunt = contacts.at(1);
    QCOMPARE(readAunt.order, std::optional<int>(2));
    QCOMPARE(readAunt.title, QStringLiteral("Miss"));
    QCOMPARE(readAunt.forename, QStringLiteral("Ysolde"));
    QCOMPARE(readAunt.relationship, QStringLiteral("REL"));
    QCOMPARE(readAunt.parentalResponsibility, std::optional<bool>(false));
    QVERIFY(!readAunt.addressAsPupil);
    QCOMPARE(readAunt.address.street, QStringLiteral("Quarry Lane"));
    QCOMPARE(readAunt.phones.size(), 2);
    QCOMPARE(readAunt.phones.at(1).number, QStringLiteral("0121 496 0802"));
    QCOMPARE(readAunt.emails, QStringList{QStringLiteral("ysolde.penrose@example.org")});

    QVERIFY(!contacts.at(2).parentalResponsibility.has_value());
}

void TestCtfParser::ignoresUnknownBlocks() {
    CtfFixture fixture = threePupils();
    fixture.headerExtraXml =
        QStringLiteral("    <FutureHeaderField><Nested>1</Nested></FutureHeaderField>\n");
    fixture.pupils[0].extraXml = QStringLiteral(
        "      <StageAssessments><KeyStage><Stage>KS2</Stage><StageAssessment><Subject>MAT</Subject>"
        "<Result>104</Result></StageAssessment></KeyStage></StageAssessments>\n"
        "      <NAWdetails><Something>x</Something></NAWdetails>\n"
        "      <BlockFromCtf30 "
        "version=\"3\"><Deep><Deeper><Deepest>text</Deepest></Deeper></Deep></BlockFromCtf30>\n"
        "      <!-- a comment -->\n"
        "      <?mis-hint keep?>\n");
    QString text = fixture.toXml();
    text.replace(QStringLiteral("</CTFpupilData>"),
                 QStringLiteral("</CTFpupilData>\n  <SchoolData><Anything/></SchoolData>"));

    const Result<CtfDocument> document = parse(text.toUtf8());
    QVERIFY2(document, qPrintable(document ? QString() : document.error().message));
    QCOMPARE(document->pupils.size(), 3);
    QVERIFY(document->skipped.isEmpty());
    QVERIFY(document->warnings.isEmpty());
    QCOMPARE(document->pupils.at(0).surname, QStringLiteral("Tregarthen"));
    QVERIFY(document->pupils.at(0).sourceBlocks.isEmpty());
}

void TestCtfParser::treatsEmptyLeavingDateAsAbsent() {
    CtfFixture fixture = threePupils();
    fixture.pupils[0].extraXml = QStringLiteral(
        "      <SchoolHistory><School><LEA>999</LEA><Estab>1234</Estab><SchoolName>Larkspur Vale</SchoolName>"
        "<EntryDate>2022-09-05</EntryDate><LeavingDate></LeavingDate><LeavingReason/></School></"
        "SchoolHistory>\n");

    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY(document);
    QVERIFY(document->skipped.isEmpty());
    QVERIFY2(document->warnings.isEmpty(), qPrintable(document->warnings.join(u'\n')));
    const CtfPupil& pupil = document->pupils.at(0);
    QCOMPARE(pupil.entryDate, std::optional<QDate>(QDate(2022, 9, 5)));
    const QJsonObject school = pupil.sourceBlocks.value(QStringLiteral("SchoolHistory"))
                                   .toObject()
                                   .value(QStringLiteral("School"))
                                   .toArray()
                                   .at(0)
                                   .toObject();
    QCOMPARE(school.value(QStringLiteral("EntryDate")).toString(), QStringLiteral("2022-09-05"));
    QVERIFY(!school.contains(QStringLiteral("LeavingDate")));
    QVERIFY(!school.contains(QStringLiteral("LeavingReason")));
}

void TestCtfParser::readsFreeSchoolMeals_data() {
    QTest::addColumn<QString>("history");
    QTest::addColumn<bool>("eligible");

    QTest::newRow("period without end date")
        << QStringLiteral("<FSMinstance><FSMstartDate>2024-01-08</FSMstartDate></FSMinstance>") << true;
    QTest::newRow("period with empty end date")
        << QStringLiteral("<FSMinstance><FSMstartDate>2024-01-08</FSMstartDate><FSMendDate/></FSMinstance>")
        << true;
    QTest::newRow("period that ended")
        << QStringLiteral("<FSMinstance><FSMstartDate>2020-02-03</FSMstartDate><FSMendDate>2023-07-21</"
                          "FSMendDate></FSMinstance>")
        << false;
    QTest::newRow("period ending after today")
        << QStringLiteral("<FSMinstance><FSMstartDate>2020-02-03</FSMstartDate><FSMendDate>2026-07-21</"
                          "FSMendDate></FSMinstance>")
        << true;
    QTest::newRow("ended, then open again")
        << QStringLiteral("<FSMinstance><FSMstartDate>2020-02-03</FSMstartDate><FSMendDate>2021-07-21</"
                          "FSMendDate></FSMinstance>"
                          "<FSMinstance><FSMstartDate>2024-02-03</FSMstartDate></FSMinstance>")
        << true;
    QTest::newRow("history without periods")
        << QStringLiteral("<FSMreviewDate>2025-09-30</FSMreviewDate>") << false;
}

void TestCtfParser::readsFreeSchoolMeals() {
    QFETCH(QString, history);
    QFETCH(bool, eligible);

    CtfFixture fixture = threePupils();
    fixture.pupils[0].extraXml = QString(u"      <FSMhistory>" + history + u"</FSMhistory>\n");
    const Result<CtfDocument> document = parse(fixture.toUtf8());
    QVERIFY(document);
    QCOMPARE(document->pupils.at(0).fsmEligible, std::optional<bool>(eligible));
    QVERIFY(document->pupils.at(0).sourceBlocks.contains(QStringLiteral("FSMhistory")));
}

void TestCtfParser::warnsAboutInvalidOptionalDate() {
    CtfFixture fixture = threePupils();
    fixture.pupils[1].extraXml = QStringLiteral(
        "      "
        "<SchoolHistory><School><LEA>999</LEA><Estab>1234</Estab><EntryDate>2022-13-05</EntryDate></School>"
        "</SchoolHistory>\n");

    const Result<CtfDocument> document = parse(fixture.toUtf8(), QStringLiteral("spring.xml"));
    QVERIFY(document);
    QCOMPARE(document->pupils.size(), 3);
    QVERIFY(!document->pupils.at(1).entryDate.has_value());
    QCOMPARE(document->warnings.size(), 1);
    QVERIFY2(
        document->warnings.first().startsWith(
            QStringLiteral("spring.xml, pupil 2 (UPN %1): EntryDate 2022-13-05").arg(*fixture.pupils[1].upn)),
        qPrintable(document->warnings.first()));
}

void TestCtfParser::toleratesAnyElementOrder() {
    const QString upn = fixtureUpn(9);
    const QString text =
        QStringLiteral("<?xml version=\"1.0\"?>\n"
                       "<CTfile>\n"
                       "  <CTFpupilData>\n"
                       "    <Pupil>\n"
                       "      <Contacts><Contact><Forename>Tamsin</Forename><Surname>Rowe</Surname>"
                       "<Responsibility>true</Responsibility></Contact></Contacts>\n"
                       "      <Gender>F</Gender>\n"
                       "      <DOB>2015-01-31</DOB>\n"
                       "      <Forename>Kerra</Forename>\n"
                       "      <SchoolHistory><School><LEA>999</LEA><Estab>1234</Estab>"
                       "<EntryDate>2019-09-04</EntryDate></School></SchoolHistory>\n"
                       "      <Surname>Rowe</Surname>\n"
                       "      <UPN>%1</UPN>\n"
                       "    </Pupil>\n"
                       "  </CTFpupilData>\n"
                       "  <Header><SourceSchool><Estab>1234</Estab><LEA>999</LEA></SourceSchool>"
                       "<CTFversion>25.0</CTFversion></Header>\n"
                       "</CTfile>\n")
            .arg(upn);

    const Result<CtfDocument> document = parse(text.toUtf8());
    QVERIFY2(document, qPrintable(document ? QString() : document.error().message));
    QCOMPARE(document->pupils.size(), 1);
    const CtfPupil& pupil = document->pupils.first();
    QCOMPARE(pupil.upn, upn);
    QCOMPARE(pupil.surname, QStringLiteral("Rowe"));
    QCOMPARE(pupil.sex, QStringLiteral("F"));
    QCOMPARE(pupil.entryDate, std::optional<QDate>(QDate(2019, 9, 4)));
    QCOMPARE(pupil.contacts.size(), 1);
    QCOMPARE(document->header.ctfVersion, QStringLiteral("25.0"));
}

void TestCtfParser::readsFromDevice() {
    QByteArray bytes = threePupils().toUtf16(true, true);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));

    const Result<CtfDocument> document = parseCtf(buffer, QStringLiteral("device.xml"), fixedDay());
    QVERIFY(document);
    QCOMPARE(document->fileName, QStringLiteral("device.xml"));
    QCOMPARE(document->pupils.size(), 3);

    QBuffer closed;
    const Result<CtfDocument> unreadable = parseCtf(closed, QStringLiteral("closed.xml"), fixedDay());
    QVERIFY(!unreadable);
    QCOMPARE(unreadable.error().code, ErrorCode::Io);
}

QTEST_GUILESS_MAIN(TestCtfParser)
#include "tst_ctfparser.moc"
