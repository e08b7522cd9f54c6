#include "ctffixture.h"

#include "domain/upn.h"

#include <QStringEncoder>

namespace earlyhelp::test {

namespace {

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

// Appends <name>value</name> on its own line; nothing when value is empty.
void appendElement(QString& xml, int depth, const QString& name, const QString& value) {
    if (value.isEmpty())
        return;
    xml += QString(depth * 2, u' ') + u'<' + name + u'>' + escaped(value) + u"</" + name + u">\n";
}

void open(QString& xml, int depth, const QString& name) {
    xml += QString(depth * 2, u' ') + u'<' + name + u">\n";
}

void close(QString& xml, int depth, const QString& name) {
    xml += QString(depth * 2, u' ') + u"</" + name + u">\n";
}

void appendAddress(QString& xml, int depth, const FixtureAddress& address) {
    open(xml, depth, QStringLiteral("Address"));
    open(xml, depth + 1, QStringLiteral("BS7666Address"));
    appendElement(xml, depth + 2, QStringLiteral("SAON"), address.saon);
    appendElement(xml, depth + 2, QStringLiteral("PAON"), address.paon);
    appendElement(xml, depth + 2, QStringLiteral("Street"), address.street);
    appendElement(xml, depth + 2, QStringLiteral("Locality"), address.locality);
    appendElement(xml, depth + 2, QStringLiteral("Town"), address.town);
    close(xml, depth + 1, QStringLiteral("BS7666Address"));
    appendElement(xml, depth + 1, QStringLiteral("PostCode"), address.postcode);
    close(xml, depth, QStringLiteral("Address"));
}

void appendContact(QString& xml, int depth, const FixtureContact& contact, int position,
                   const QString& sexName) {
    open(xml, depth, QStringLiteral("Contact"));
    appendElement(xml, depth + 1, QStringLiteral("Order"),
                  QString::number(contact.order ? contact.order : position));
    appendElement(xml, depth + 1, QStringLiteral("Title"), contact.title);
    appendElement(xml, depth + 1, QStringLiteral("Surname"), contact.surname);
    appendElement(xml, depth + 1, QStringLiteral("Forename"), contact.forename);
    appendElement(xml, depth + 1, sexName,
                  contact.title == u"Mr" ? QStringLiteral("M") : QStringLiteral("F"));
    appendElement(xml, depth + 1, QStringLiteral("Relationship"), contact.relationship);
    if (contact.responsibility) {
        appendElement(xml, depth + 1, QStringLiteral("Responsibility"),
                      *contact.responsibility ? QStringLiteral("true") : QStringLiteral("false"));
    }
    if (contact.addressAsPupil) {
        open(xml, depth + 1, QStringLiteral("Address"));
        appendElement(xml, depth + 2, QStringLiteral("AddressAsPupil"), QStringLiteral("true"));
        close(xml, depth + 1, QStringLiteral("Address"));
    } else {
        appendAddress(xml, depth + 1, contact.address);
    }
    if (!contact.phones.isEmpty()) {
        open(xml, depth + 1, QStringLiteral("Phones"));
        for (const QString& phone : contact.phones) {
            open(xml, depth + 2, QStringLiteral("Phone"));
            appendElement(xml, depth + 3, QStringLiteral("TelephoneType"), QStringLiteral("M"));
            appendElement(xml, depth + 3, QStringLiteral("PhoneNo"), phone);
            close(xml, depth + 2, QStringLiteral("Phone"));
        }
        close(xml, depth + 1, QStringLiteral("Phones"));
    }
    for (const QString& email : contact.emails)
        appendElement(xml, depth + 1, QStringLiteral("Email"), email);
    close(xml, depth, QStringLiteral("Contact"));
}

void appendPupil(QString& xml, const FixturePupil& pupil, const QString& sexName) {
    constexpr int depth = 2;
    open(xml, depth, QStringLiteral("Pupil"));
    if (pupil.upn)
        xml += QString(u"      <UPN>" + escaped(*pupil.upn) + u"</UPN>\n");
    if (pupil.surname)
        xml += QString(u"      <Surname>" + escaped(*pupil.surname) + u"</Surname>\n");
    appendElement(xml, depth + 1, QStringLiteral("Forename"), pupil.forename);
    if (pupil.dob)
        xml += QString(u"      <DOB>" + escaped(*pupil.dob) + u"</DOB>\n");
    appendElement(xml, depth + 1, sexName, pupil.sex);

    open(xml, depth + 1, QStringLiteral("BasicDetails"));
    appendElement(xml, depth + 2, QStringLiteral("MiddleNames"), pupil.middleNames);
    appendElement(xml, depth + 2, QStringLiteral("PreferredForename"), pupil.preferredForename);
    appendElement(xml, depth + 2, QStringLiteral("PreferredSurname"), pupil.preferredSurname);
    appendElement(xml, depth + 2, QStringLiteral("FormerSurname"), pupil.formerSurname);
    appendElement(xml, depth + 2, QStringLiteral("NCyearActual"), QStringLiteral("4"));
    xml += pupil.basicDetailsXml;
    close(xml, depth + 1, QStringLiteral("BasicDetails"));

    if (pupil.lookedAfter) {
        open(xml, depth + 1, QStringLiteral("LookedAfter"));
        appendElement(xml, depth + 2, QStringLiteral("InCare"), QStringLiteral("true"));
        appendElement(xml, depth + 2, QStringLiteral("CareAuthority"), pupil.careAuthority);
        close(xml, depth + 1, QStringLiteral("LookedAfter"));
    }
    if (pupil.address)
        appendAddress(xml, depth + 1, *pupil.address);
    if (!pupil.contacts.isEmpty()) {
        open(xml, depth + 1, QStringLiteral("Contacts"));
        for (qsizetype i = 0; i < pupil.contacts.size(); ++i)
            appendContact(xml, depth + 2, pupil.contacts.at(i), static_cast<int>(i + 1), sexName);
        close(xml, depth + 1, QStringLiteral("Contacts"));
    }
    xml += pupil.extraXml;
    close(xml, depth, QStringLiteral("Pupil"));
}

} // namespace

QString CtfFixture::toXml(const QString& declaredEncoding) const {
    QString xml;
    if (!declaredEncoding.isEmpty())
        xml += QString(u"<?xml version=\"1.0\" encoding=\"" + declaredEncoding + u"\"?>\n");
    xml += QString(u'<' + rootElement + u">\n");

    open(xml, 1, QStringLiteral("Header"));
    appendElement(xml, 2, QStringLiteral("DocumentName"), QStringLiteral("Common Transfer File"));
    appendElement(xml, 2, QStringLiteral("CTFversion"), ctfVersion);
    appendElement(xml, 2, QStringLiteral("DateTime"), QStringLiteral("2025-11-03T10:15:00"));
    appendElement(xml, 2, QStringLiteral("DocumentQualifier"), documentQualifier);
    open(xml, 2, QStringLiteral("SourceSchool"));
    appendElement(xml, 3, QStringLiteral("LEA"), sourceLea);
    appendElement(xml, 3, QStringLiteral("Estab"), sourceEstab);
    appendElement(xml, 3, QStringLiteral("URN"), QStringLiteral("999123"));
    appendElement(xml, 3, QStringLiteral("SchoolName"), schoolName);
    appendElement(xml, 3, QStringLiteral("AcademicYear"), QStringLiteral("2025"));
    close(xml, 2, QStringLiteral("SourceSchool"));
    open(xml, 2, QStringLiteral("DestSchool"));
    appendElement(xml, 3, QStringLiteral("LEA"), destLea);
    appendElement(xml, 3, QStringLiteral("Estab"), destEstab);
    close(xml, 2, QStringLiteral("DestSchool"));
    xml += headerExtraXml;
    close(xml, 1, QStringLiteral("Header"));

    const QString sexName = sexElement == SexElement::Sex ? QStringLiteral("Sex") : QStringLiteral("Gender");
    open(xml, 1, QStringLiteral("CTFpupilData"));
    for (const FixturePupil& pupil : pupils)
        appendPupil(xml, pupil, sexName);
    close(xml, 1, QStringLiteral("CTFpupilData"));
    xml += QString(u"</" + rootElement + u">\n");
    return xml;
}

QByteArray CtfFixture::toUtf8(bool byteOrderMark) const {
    QByteArray bytes = byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    bytes += toXml(QStringLiteral("UTF-8")).toUtf8();
    return bytes;
}

QByteArray CtfFixture::toUtf16(bool littleEndian, bool byteOrderMark) const {
    QStringEncoder encoder(littleEndian ? QStringEncoder::Utf16LE : QStringEncoder::Utf16BE);
    QByteArray bytes;
    if (byteOrderMark)
        bytes = littleEndian ? QByteArray("\xFF\xFE") : QByteArray("\xFE\xFF");
    const QString declared = byteOrderMark
                                 ? QStringLiteral("UTF-16")
                                 : (littleEndian ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE"));
    bytes += QByteArray(encoder.encode(toXml(declared)));
    return bytes;
}

QString fixtureUpn(int serial) {
    const QString body = QStringLiteral("999123424%1").arg(serial, 3, 10, QChar(u'0'));
    return QString(*upnCheckLetter(body) + body);
}

QString temporaryFixtureUpn(int serial, QChar finalLetter) {
    const QString body = QStringLiteral("999123425%1").arg(serial, 2, 10, QChar(u'0')) + finalLetter;
    return QString(*upnCheckLetter(body) + body);
}

FixturePupil fixturePupil(int serial, const QString& forename, const QString& surname) {
    FixturePupil pupil;
    pupil.upn = fixtureUpn(serial);
    pupil.forename = forename;
    pupil.surname = surname;
    return pupil;
}

FixtureContact fixtureParent(const QString& forename, const QString& surname, const QString& mobile) {
    FixtureContact contact;
    contact.forename = forename;
    contact.surname = surname;
    contact.phones = QStringList{mobile};
    return contact;
}

std::pair<int, int> lineAndColumn(const QString& text, qsizetype offset) {
    int line = 1;
    int column = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (text.at(i) == u'\n') {
            ++line;
            column = 0;
        } else {
            ++column;
        }
    }
    return {line, column};
}

} // namespace earlyhelp::test
