#include "ctfgenerator.h"

#include <QDate>
#include <QRandomGenerator>
#include <QXmlStreamWriter>

namespace earlyhelp::testsupport {

namespace {

const QStringList forenameList = {
    QStringLiteral("Aisha"),   QStringLiteral("Oliver"), QStringLiteral("Zoë"),    QStringLiteral("Mohammed"),
    QStringLiteral("Amelia"),  QStringLiteral("Jakub"),  QStringLiteral("Niamh"),  QStringLiteral("Ibrahim"),
    QStringLiteral("Isla"),    QStringLiteral("Kwame"),  QStringLiteral("Maya"),   QStringLiteral("Ștefan"),
    QStringLiteral("Hodan"),   QStringLiteral("Arjun"),  QStringLiteral("Freya"),  QStringLiteral("Yusuf"),
    QStringLiteral("Chidi"),   QStringLiteral("Lena"),   QStringLiteral("Rahima"), QStringLiteral("Tyler"),
    QStringLiteral("Sofia"),   QStringLiteral("Deniz"),  QStringLiteral("Ruby"),   QStringLiteral("Abdul Ahad"),
    QStringLiteral("Eilidh"),  QStringLiteral("Krish"),  QStringLiteral("Poppy"),  QStringLiteral("Semhar"),
    QStringLiteral("De'Andre"), QStringLiteral("Hao"),   QStringLiteral("Róisín"), QStringLiteral("Liam"),
};

const QStringList surnameList = {
    QStringLiteral("Khan"),      QStringLiteral("Smith"),     QStringLiteral("O'Brien"),  QStringLiteral("Wiśniewska"),
    QStringLiteral("Patel"),     QStringLiteral("Okafor"),    QStringLiteral("Begum"),    QStringLiteral("Campbell-Brown"),
    QStringLiteral("Jones"),     QStringLiteral("Nguyen"),    QStringLiteral("Popescu"),  QStringLiteral("Ali"),
    QStringLiteral("Williams"),  QStringLiteral("Al-Hashimi"), QStringLiteral("McDonagh"), QStringLiteral("Kaur"),
    QStringLiteral("Hussain"),   QStringLiteral("Taylor"),    QStringLiteral("Rahman"),   QStringLiteral("Evans"),
    QStringLiteral("D'Souza"),   QStringLiteral("Yılmaz"),    QStringLiteral("Mensah"),   QStringLiteral("Warsame"),
};

const QString upnAlphabet = QStringLiteral("ABCDEFGHJKLMNPQRTUVWXYZ");

void writeText(QXmlStreamWriter& xml, const char* name, const QString& value)
{
    xml.writeTextElement(QString::fromLatin1(name), value);
}

// Returns one of the 2,000 numbers Ofcom keeps for drama, by index modulo 2,000:
// 07700 900000–900999, then 0121 496 0000–0999.
QString dramaPhoneNumber(int index)
{
    index %= 2000;
    if (index < 1000)
        return QStringLiteral("07700 900%1").arg(index, 3, 10, QLatin1Char('0'));
    return QStringLiteral("0121 496 0%1").arg(index - 1000, 3, 10, QLatin1Char('0'));
}

} // namespace

const QStringList& sampleForenames()
{
    return forenameList;
}

const QStringList& sampleSurnames()
{
    return surnameList;
}

QChar upnCheckLetter(QStringView lastTwelve)
{
    int sum = 0;
    for (int i = 0; i < lastTwelve.size(); ++i) {
        const QChar c = lastTwelve.at(i);
        const int value = c.isDigit() ? c.digitValue() : static_cast<int>(upnAlphabet.indexOf(c));
        sum += value * (i + 2);
    }
    return upnAlphabet.at(sum % 23);
}

QByteArray generateCtf(const GeneratedCtfOptions& options)
{
    QRandomGenerator random(options.seed);
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("CTfile"));
    xml.writeStartElement(QStringLiteral("Header"));
    writeText(xml, "DocumentName", QStringLiteral("Common Transfer File"));
    writeText(xml, "CTFversion", QStringLiteral("25.0"));
    writeText(xml, "DateTime", QStringLiteral("2026-09-15T08:30:00"));
    writeText(xml, "DocumentQualifier", QStringLiteral("full"));
    writeText(xml, "DataDescriptor", QStringLiteral("CTF"));
    xml.writeStartElement(QStringLiteral("SourceSchool"));
    writeText(xml, "LEA", QString::number(options.la));
    writeText(xml, "Estab", QString::number(options.estab));
    writeText(xml, "SchoolName", options.schoolName);
    writeText(xml, "AcademicYear", QStringLiteral("2026"));
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("CTFpupilData"));
    int serial = 0;
    int family = 0;
    while (serial < options.pupils) {
        ++family;
        const QString surname = surnameList.at(random.bounded(surnameList.size()));
        const int children = std::min(1 + static_cast<int>(random.bounded(3)), options.pupils - serial);
        const int adults = 1 + static_cast<int>(random.bounded(2));
        const QString street = QStringLiteral("%1 Generated Road").arg(family);
        for (int child = 0; child < children; ++child) {
            ++serial;
            const QDate dob = QDate(2014, 1, 1).addDays(random.bounded(8 * 365));
            // The last five digits are a serial number here, so UPNs stay unique
            // up to 99,999 pupils. Real ones are an allocation year and a serial.
            const QString lastTwelve = QStringLiteral("%1%2%3")
                                           .arg(options.la, 3, 10, QLatin1Char('0'))
                                           .arg(options.estab, 4, 10, QLatin1Char('0'))
                                           .arg(serial, 5, 10, QLatin1Char('0'));
            xml.writeStartElement(QStringLiteral("Pupil"));
            writeText(xml, "UPN", upnCheckLetter(lastTwelve) + lastTwelve);
            writeText(xml, "Surname", surname);
            writeText(xml, "Forename", forenameList.at(random.bounded(forenameList.size())));
            writeText(xml, "DOB", dob.toString(Qt::ISODate));
            writeText(xml, "Sex", random.bounded(2) ? QStringLiteral("F") : QStringLiteral("M"));
            xml.writeStartElement(QStringLiteral("Address"));
            xml.writeStartElement(QStringLiteral("BS7666Address"));
            writeText(xml, "PAON", QString::number(1 + random.bounded(200)));
            writeText(xml, "Street", street);
            writeText(xml, "Town", QStringLiteral("Birmingham"));
            xml.writeEndElement();
            writeText(xml, "PostCode", QStringLiteral("B%1 %2XX").arg(1 + family % 40).arg(family % 10));
            xml.writeEndElement();
            xml.writeStartElement(QStringLiteral("Contacts"));
            for (int adult = 0; adult < adults; ++adult) {
                xml.writeStartElement(QStringLiteral("Contact"));
                writeText(xml, "Order", QString::number(adult + 1));
                writeText(xml, "Surname", surname);
                writeText(xml, "Forename", adult == 0 ? QStringLiteral("Parent%1").arg(family)
                                                      : QStringLiteral("Carer%1").arg(family));
                writeText(xml, "Relationship", adult == 0 ? QStringLiteral("PAM") : QStringLiteral("PAF"));
                writeText(xml, "Responsibility", QStringLiteral("true"));
                xml.writeStartElement(QStringLiteral("Phones"));
                xml.writeStartElement(QStringLiteral("Phone"));
                writeText(xml, "TelephoneType", QStringLiteral("M"));
                writeText(xml, "PhoneNo", dramaPhoneNumber(family * 2 + adult));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

} // namespace earlyhelp::testsupport
