#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Builds Common Transfer Files for tests, with fictional pupils and contacts
// that each test describes. Empty text fields and optional fields that a test
// resets are left out of the XML.

namespace earlyhelp::test {

struct FixtureAddress {
    QString saon;
    QString paon = QStringLiteral("12");
    QString street = QStringLiteral("Larkspur Way");
    QString locality = QStringLiteral("Eastfield");
    QString town = QStringLiteral("Anytown");
    QString postcode = QStringLiteral("ZZ1 1ZZ");
};

struct FixtureContact {
    QString title = QStringLiteral("Ms");
    QString forename;
    QString surname;
    QString relationship = QStringLiteral("PAM");
    std::optional<bool> responsibility = true;
    QStringList phones;
    QStringList emails;
    bool addressAsPupil = true;
    FixtureAddress address; // written when addressAsPupil is false
    int order = 0;          // 0: the contact's position in the pupil's list
};

struct FixturePupil {
    std::optional<QString> upn;
    std::optional<QString> surname;
    QString forename;
    std::optional<QString> dob = QStringLiteral("2016-04-12");
    QString sex = QStringLiteral("F");
    QString middleNames;
    QString preferredForename;
    QString preferredSurname;
    QString formerSurname;
    std::optional<FixtureAddress> address = FixtureAddress{};
    QList<FixtureContact> contacts;
    bool lookedAfter = false;
    QString careAuthority;
    QString basicDetailsXml; // raw XML placed inside BasicDetails
    QString extraXml;        // raw XML placed inside Pupil after the other elements
};

enum class SexElement { Sex, Gender };

class CtfFixture {
public:
    QString rootElement = QStringLiteral("CTfile");
    QString ctfVersion = QStringLiteral("25.0");
    QString documentQualifier = QStringLiteral("full");
    QString schoolName = QStringLiteral("Larkspur Vale Primary School");
    QString sourceLea = QStringLiteral("999");
    QString sourceEstab = QStringLiteral("1234");
    QString destLea = QStringLiteral("MMM");
    QString destEstab = QStringLiteral("MMMM");
    SexElement sexElement = SexElement::Sex;
    QString headerExtraXml;
    QList<FixturePupil> pupils;

    // The document, with an XML declaration naming declaredEncoding, or none
    // when declaredEncoding is empty.
    [[nodiscard]] QString toXml(const QString& declaredEncoding = QStringLiteral("UTF-8")) const;

    [[nodiscard]] QByteArray toUtf8(bool byteOrderMark = false) const;
    [[nodiscard]] QByteArray toUtf16(bool littleEndian, bool byteOrderMark = true) const;
};

// Returns a valid permanent UPN of the fictional school 999/1234, allocated in
// 2024, with the given serial (0–999).
[[nodiscard]] QString fixtureUpn(int serial);
// Returns a valid temporary UPN of that school, allocated in 2025, with a
// two-digit serial (0–99) followed by finalLetter.
[[nodiscard]] QString temporaryFixtureUpn(int serial, QChar finalLetter);

// A pupil with a valid UPN and the given names and no contacts.
[[nodiscard]] FixturePupil fixturePupil(int serial, const QString& forename, const QString& surname);

// A parent with parental responsibility reachable on the given mobile.
[[nodiscard]] FixtureContact fixtureParent(const QString& forename, const QString& surname,
                                           const QString& mobile);

// Returns the 1-based line and 0-based column of the character at offset in
// text, counting as the importer's messages do.
[[nodiscard]] std::pair<int, int> lineAndColumn(const QString& text, qsizetype offset);

} // namespace earlyhelp::test
