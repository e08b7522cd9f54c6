#include "ctfparser.h"

#include "domain/upn.h"
#include "import/importlog.h"
#include "import/xmldecoding.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <limits>
#include <variant>

namespace earlyhelp {

namespace {

// ---------------------------------------------------------------------------
// A small element tree. Each Pupil and the Header are read into one and then
// interpreted, so the order of elements inside them never matters.

// Elements nested deeper than this below the root reject the file; no CTF
// comes close, and the limit bounds the recursion of readNode().
constexpr int maximumDepth = 32;

struct XmlNode {
    QString name;
    QString text; // the element's own character data, white space around it removed
    qint64 lineNumber = 0;
    QList<XmlNode> children;

    [[nodiscard]] const XmlNode* child(QStringView childName) const {
        for (const XmlNode& c : children) {
            if (c.name == childName)
                return &c;
        }
        return nullptr;
    }

    [[nodiscard]] QString childText(QStringView childName) const {
        const XmlNode* c = child(childName);
        return c ? c->text : QString();
    }

    [[nodiscard]] QList<const XmlNode*> childrenNamed(QStringView childName) const {
        QList<const XmlNode*> found;
        for (const XmlNode& c : children) {
            if (c.name == childName)
                found += &c;
        }
        return found;
    }
};

enum class TreeReadResult { Complete, XmlError, TooDeep };

// Reads the element at the reader's position, with everything inside it.
TreeReadResult readNode(QXmlStreamReader& reader, XmlNode& node, int depth) {
    node.name = reader.name().toString();
    node.lineNumber = reader.lineNumber();
    QString text;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            if (depth >= maximumDepth)
                return TreeReadResult::TooDeep;
            node.children.append(XmlNode{});
            const TreeReadResult childResult = readNode(reader, node.children.last(), depth + 1);
            if (childResult != TreeReadResult::Complete)
                return childResult;
        } else if (reader.isCharacters()) {
            text += reader.text();
        } else if (reader.isEndElement()) {
            node.text = text.trimmed();
            return TreeReadResult::Complete;
        }
    }
    return TreeReadResult::XmlError;
}

// Elements that are lists in the CTF, kept as JSON arrays even when a
// record contains only one.
bool isListElement(QStringView name) {
    static const QStringList names = {QStringLiteral("FSMinstance"), QStringLiteral("SEN"),
                                      QStringLiteral("SENneed"), QStringLiteral("School"),
                                      QStringLiteral("YearData")};
    return names.contains(name);
}

QJsonValue toJson(const XmlNode& node) {
    if (node.children.isEmpty())
        return node.text;

    QJsonObject object;
    QStringList order;
    for (const XmlNode& c : node.children) {
        if (!order.contains(c.name))
            order += c.name;
    }
    for (const QString& name : order) {
        QJsonArray values;
        for (const XmlNode* c : node.childrenNamed(name)) {
            if (c->children.isEmpty() && c->text.isEmpty())
                continue; // an empty element is an absent value
            values.append(toJson(*c));
        }
        if (values.isEmpty())
            continue;
        if (values.size() == 1 && !isListElement(name))
            object.insert(name, values.first());
        else
            object.insert(name, values);
    }
    return object;
}

// ---------------------------------------------------------------------------
// Values

std::optional<QDate> parseIsoDate(QStringView text) {
    static const QRegularExpression isoDate(QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})$)"));
    const QRegularExpressionMatch match = isoDate.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date(match.capturedView(1).toInt(), match.capturedView(2).toInt(),
                     match.capturedView(3).toInt());
    if (!date.isValid())
        return std::nullopt;
    return date;
}

std::optional<bool> parseBoolean(QStringView text) {
    if (text.compare(u"true", Qt::CaseInsensitive) == 0 || text == u"1")
        return true;
    if (text.compare(u"false", Qt::CaseInsensitive) == 0 || text == u"0")
        return false;
    return std::nullopt;
}

// The earliest year accepted in a date of birth; anything before it is taken
// for a two-digit year padded with zeros.
constexpr int earliestBirthYear = 1900;

// ---------------------------------------------------------------------------
// One pupil record

class PupilInterpreter {
public:
    PupilInterpreter(const XmlNode& pupil, int position, const QString& fileName, const CtfHeader& header,
                     const CtfParseOptions& options, QStringList& warnings)
        : m_pupil(pupil)
        , m_basicDetails(pupil.child(u"BasicDetails"))
        , m_fileName(fileName)
        , m_header(header)
        , m_options(options)
        , m_warnings(warnings) {
        m_result.position = position;
        m_result.lineNumber = pupil.lineNumber;
        m_givenUpn = field(u"UPN");
    }

    // Returns the pupil, or the problems that keep it out of the import.
    std::variant<CtfPupil, CtfSkippedPupil> interpret();

private:
    const XmlNode* block(QStringView name) const;
    QString field(QStringView name) const;
    QString label() const;
    void warn(const QString& message);
    std::optional<QDate> optionalDate(const XmlNode* parent, QStringView name);
    CtfAddress readAddress(const XmlNode& addressNode, const QString& owner);
    QList<CtfPhone> readPhones(const XmlNode* phonesNode) const;
    QStringList readEmails(const XmlNode& parent) const;
    CtfContact readContact(const XmlNode& contactNode, int index);

    void readNames();
    void readLanguage();
    void readFreeSchoolMeals();
    void readSpecialNeeds();
    void readLookedAfter();
    void readEntryDate();
    void keepSourceBlocks();
    QList<CtfPupilProblem> validate();

    const XmlNode& m_pupil;
    const XmlNode* m_basicDetails = nullptr;
    const QString& m_fileName;
    const CtfHeader& m_header;
    const CtfParseOptions& m_options;
    QStringList& m_warnings;
    QString m_givenUpn;
    CtfPupil m_result;
};

// Finds a child of Pupil, or of its BasicDetails, since files differ in where
// they put the fields that BasicDetails groups.
const XmlNode* PupilInterpreter::block(QStringView name) const {
    if (const XmlNode* node = m_pupil.child(name))
        return node;
    return m_basicDetails ? m_basicDetails->child(name) : nullptr;
}

QString PupilInterpreter::field(QStringView name) const {
    const XmlNode* node = block(name);
    return node ? node->text : QString();
}

QString PupilInterpreter::label() const {
    if (m_givenUpn.isEmpty())
        return QCoreApplication::translate("earlyhelp::CtfImport", "pupil %1 (no UPN)")
            .arg(m_result.position);
    return QCoreApplication::translate("earlyhelp::CtfImport", "pupil %1 (UPN %2)")
        .arg(QString::number(m_result.position), m_givenUpn);
}

void PupilInterpreter::warn(const QString& message) {
    m_warnings += message;
}

std::optional<QDate> PupilInterpreter::optionalDate(const XmlNode* parent, QStringView name) {
    const QString text = parent ? parent->childText(name) : QString();
    if (text.isEmpty())
        return std::nullopt;
    const std::optional<QDate> date = parseIsoDate(text);
    if (!date) {
        warn(QCoreApplication::translate("earlyhelp::CtfImport",
                                         "%1, %2: %3 %4 is not a date in the form YYYY-MM-DD, so it was left "
                                         "empty. Correct it in the school's "
                                         "MIS if it matters.")
                 .arg(m_fileName, label(), name.toString(), text));
    }
    return date;
}

CtfAddress PupilInterpreter::readAddress(const XmlNode& addressNode, const QString& owner) {
    CtfAddress address;
    const XmlNode* bs7666 = addressNode.child(u"BS7666Address");
    if (bs7666) {
        address.saon = bs7666->childText(u"SAON");
        address.paon = bs7666->childText(u"PAON");
        address.street = bs7666->childText(u"Street");
        address.locality = bs7666->childText(u"Locality");
        address.town = bs7666->childText(u"Town");
        address.administrativeArea = bs7666->childText(u"AdministrativeArea");
        address.postTown = bs7666->childText(u"PostTown");
    }
    for (const XmlNode* level : {&addressNode, bs7666}) {
        if (!level)
            continue;
        if (address.county.isEmpty())
            address.county = level->childText(u"County");
        if (address.postcode.isEmpty())
            address.postcode = level->childText(u"PostCode");
        if (address.postcode.isEmpty())
            address.postcode = level->childText(u"Postcode");
    }

    // NOTE: only BS7666Address is read. An address given in another form,
    // such as free address lines, is reported, not guessed at.
    const bool hasOtherForm =
        std::any_of(addressNode.children.cbegin(), addressNode.children.cend(), [](const XmlNode& c) {
            return c.name != u"BS7666Address" && c.name != u"County" && c.name != u"PostCode" &&
                   c.name != u"Postcode" && c.name != u"AddressAsPupil" && !c.children.isEmpty();
        });
    if (!bs7666 && hasOtherForm) {
        warn(QCoreApplication::translate(
                 "earlyhelp::CtfImport",
                 "%1, %2: %3 is not in BS7666 form, so it was not imported. Enter it by hand.")
                 .arg(m_fileName, label(), owner));
    }
    return address;
}

QList<CtfPhone> PupilInterpreter::readPhones(const XmlNode* phonesNode) const {
    QList<CtfPhone> phones;
    if (!phonesNode)
        return phones;
    for (const XmlNode* phone : phonesNode->childrenNamed(u"Phone")) {
        CtfPhone entry{phone->childText(u"TelephoneType"), phone->childText(u"PhoneNo")};
        if (!entry.number.isEmpty())
            phones += entry;
    }
    return phones;
}

QStringList PupilInterpreter::readEmails(const XmlNode& parent) const {
    QStringList emails;
    QList<const XmlNode*> nodes = parent.childrenNamed(u"Email");
    if (const XmlNode* list = parent.child(u"Emails"))
        nodes += list->childrenNamed(u"Email");
    for (const XmlNode* node : nodes) {
        if (!node->text.isEmpty() && !emails.contains(node->text))
            emails += node->text;
    }
    return emails;
}

CtfContact PupilInterpreter::readContact(const XmlNode& contactNode, int index) {
    CtfContact contact;
    bool orderIsNumber = false;
    const QString orderText = contactNode.childText(u"Order");
    const int order = orderText.toInt(&orderIsNumber);
    if (orderIsNumber)
        contact.order = order;

    contact.title = contactNode.childText(u"Title");
    contact.surname = contactNode.childText(u"Surname");
    contact.forename = contactNode.childText(u"Forename");
    contact.middleNames = contactNode.childText(u"MiddleNames");
    contact.sex = contactNode.childText(u"Sex");
    if (contact.sex.isEmpty())
        contact.sex = contactNode.childText(u"Gender");
    contact.relationship = contactNode.childText(u"Relationship");

    const QString contactLabel = QCoreApplication::translate("earlyhelp::CtfImport", "contact %1").arg(index);
    const QString responsibility = contactNode.childText(u"Responsibility");
    contact.parentalResponsibility = parseBoolean(responsibility);
    if (!responsibility.isEmpty() && !contact.parentalResponsibility) {
        warn(QCoreApplication::translate(
                 "earlyhelp::CtfImport",
                 "%1, %2, %3: Responsibility %4 is not true or false, so parental responsibility is unknown.")
                 .arg(m_fileName, label(), contactLabel, responsibility));
    }

    const XmlNode* addressNode = contactNode.child(u"Address");
    const QString asPupil = addressNode && addressNode->child(u"AddressAsPupil")
                                ? addressNode->childText(u"AddressAsPupil")
                                : contactNode.childText(u"AddressAsPupil");
    contact.addressAsPupil = parseBoolean(asPupil).value_or(false);
    if (addressNode && !contact.addressAsPupil)
        contact.address = readAddress(
            *addressNode,
            QCoreApplication::translate("earlyhelp::CtfImport", "the address of %1").arg(contactLabel));

    contact.phones = readPhones(contactNode.child(u"Phones"));
    contact.emails = readEmails(contactNode);
    return contact;
}

void PupilInterpreter::readNames() {
    m_result.surname = field(u"Surname");
    m_result.forename = field(u"Forename");
    m_result.middleNames = field(u"MiddleNames");
    m_result.preferredSurname = field(u"PreferredSurname");
    m_result.preferredForename = field(u"PreferredForename");
    m_result.formerSurname = field(u"FormerSurname");
    m_result.sex = field(u"Sex");
    if (m_result.sex.isEmpty())
        m_result.sex = field(u"Gender");
    m_result.ethnicity = field(u"Ethnicity");
}

void PupilInterpreter::readLanguage() {
    m_result.language = field(u"Language");
    if (!m_result.language.isEmpty())
        return;
    const XmlNode* languages = block(u"Languages");
    if (!languages)
        return;
    for (const XmlNode* type : languages->childrenNamed(u"Type")) {
        const QString language = type->childText(u"Language");
        if (language.isEmpty())
            continue;
        if (type->childText(u"LanguageType") == u"F") {
            m_result.language = language;
            return;
        }
        if (m_result.language.isEmpty())
            m_result.language = language;
    }
}

// A pupil is eligible now when an FSM period has no end date or ends today or
// later.
void PupilInterpreter::readFreeSchoolMeals() {
    const XmlNode* history = block(u"FSMhistory");
    if (!history)
        return;
    bool eligible = false;
    for (const XmlNode* period : history->childrenNamed(u"FSMinstance")) {
        optionalDate(period, u"FSMstartDate");
        if (period->childText(u"FSMendDate").isEmpty()) {
            eligible = true;
            continue;
        }
        const std::optional<QDate> end = optionalDate(period, u"FSMendDate");
        if (end && *end >= m_options.today)
            eligible = true;
    }
    m_result.fsmEligible = eligible;
}

// The SEN entry with the latest StartDate gives the current provision. An
// entry without a valid date counts as the oldest, and among equal dates the
// later entry wins.
void PupilInterpreter::readSpecialNeeds() {
    const XmlNode* history = block(u"SENhistory");
    if (!history)
        return;
    const auto rank = [](const std::optional<QDate>& date) {
        return date ? date->toJulianDay() : std::numeric_limits<qint64>::min();
    };
    QString provision;
    qint64 latestRank = std::numeric_limits<qint64>::min();
    for (const XmlNode* entry : history->childrenNamed(u"SEN")) {
        const qint64 entryRank = rank(optionalDate(entry, u"StartDate"));
        if (entryRank >= latestRank) {
            provision = entry->childText(u"SENprovision");
            latestRank = entryRank;
        }
    }
    m_result.senProvision = provision;
}

void PupilInterpreter::readLookedAfter() {
    const XmlNode* lookedAfter = block(u"LookedAfter");
    if (!lookedAfter)
        return;
    const QString inCare = lookedAfter->childText(u"InCare");
    m_result.lookedAfter = parseBoolean(inCare);
    if (!inCare.isEmpty() && !m_result.lookedAfter) {
        warn(QCoreApplication::translate("earlyhelp::CtfImport",
                                         "%1, %2: InCare %3 is not true or false, so whether the pupil is "
                                         "looked after was not changed.")
                 .arg(m_fileName, label(), inCare));
    }
    m_result.careAuthority = lookedAfter->childText(u"CareAuthority");
}

// EntryDate given on the pupil wins. Otherwise it is the entry date at the
// source school in SchoolHistory, or, when that school is not listed, the
// latest entry date of a school the pupil has not left.
void PupilInterpreter::readEntryDate() {
    if (!field(u"EntryDate").isEmpty()) {
        m_result.entryDate =
            optionalDate(m_pupil.child(u"EntryDate") ? &m_pupil : m_basicDetails, u"EntryDate");
        return;
    }
    const XmlNode* history = block(u"SchoolHistory");
    if (!history)
        return;

    std::optional<QDate> atSourceSchool;
    std::optional<QDate> latestOpen;
    for (const XmlNode* school : history->childrenNamed(u"School")) {
        const std::optional<QDate> entry = optionalDate(school, u"EntryDate");
        const std::optional<QDate> leaving = optionalDate(school, u"LeavingDate");
        if (!entry || leaving)
            continue;
        const bool isSourceSchool = !m_header.sourceLea.isEmpty() &&
                                    school->childText(u"LEA") == m_header.sourceLea &&
                                    school->childText(u"Estab") == m_header.sourceEstab;
        if (isSourceSchool)
            atSourceSchool = entry;
        if (!latestOpen || *entry > *latestOpen)
            latestOpen = entry;
    }
    m_result.entryDate = atSourceSchool ? atSourceSchool : latestOpen;
}

void PupilInterpreter::keepSourceBlocks() {
    static const QStringList keptBlocks = {QStringLiteral("FSMhistory"), QStringLiteral("SENhistory"),
                                           QStringLiteral("LookedAfter"), QStringLiteral("SchoolHistory"),
                                           QStringLiteral("Attendance")};
    for (const QString& name : keptBlocks) {
        if (const XmlNode* node = block(name)) {
            const QJsonValue value = toJson(*node);
            if (!(value.isString() && value.toString().isEmpty()))
                m_result.sourceBlocks.insert(name, value);
        }
    }
}

QList<CtfPupilProblem> PupilInterpreter::validate() {
    QList<CtfPupilProblem> problems;

    const UpnCheck upn = checkUpn(m_givenUpn);
    if (upn.status == UpnStatus::Missing) {
        problems.append(CtfPupilProblem{
            CtfPupilFault::UpnMissing,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1, %2, was not imported: UPN missing. Enter the pupil's UPN in the school's MIS and export "
                "the CTF again.")
                .arg(m_fileName, label())});
    } else if (!upn.isValid()) {
        problems.append(CtfPupilProblem{
            CtfPupilFault::UpnInvalid,
            QCoreApplication::translate("earlyhelp::CtfImport", "%1, pupil %2, was not imported: %3")
                .arg(m_fileName, QString::number(m_result.position), upn.message)});
    } else {
        m_result.upn = upn.upn;
        m_result.temporaryUpn = upn.status == UpnStatus::Temporary;
    }

    if (m_result.surname.isEmpty()) {
        problems.append(
            CtfPupilProblem{CtfPupilFault::SurnameMissing,
                            QCoreApplication::translate("earlyhelp::CtfImport",
                                                        "%1, %2, was not imported: Surname missing. Enter "
                                                        "the pupil's surname in the school's MIS and "
                                                        "export the CTF again.")
                                .arg(m_fileName, label())});
    }

    const QString dob = field(u"DOB");
    const std::optional<QDate> dateOfBirth = parseIsoDate(dob);
    if (dob.isEmpty()) {
        problems.append(CtfPupilProblem{
            CtfPupilFault::DateOfBirthMissing,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1, %2, was not imported: DOB (date of birth) missing. Enter the pupil's date of birth in "
                "the school's MIS and export the CTF again.")
                .arg(m_fileName, label())});
    } else if (!dateOfBirth || dateOfBirth->year() < earliestBirthYear) {
        problems.append(CtfPupilProblem{
            CtfPupilFault::DateOfBirthInvalid,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1, %2, was not imported: DOB %3 is not a valid date in the form YYYY-MM-DD. Correct the "
                "pupil's date of birth in the school's MIS and export the CTF again.")
                .arg(m_fileName, label(), dob)});
    } else if (*dateOfBirth > m_options.today) {
        problems.append(CtfPupilProblem{
            CtfPupilFault::DateOfBirthInFuture,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1, %2, was not imported: DOB %3 is in the future. Correct the pupil's date of birth in the "
                "school's MIS and export the CTF again.")
                .arg(m_fileName, label(), dob)});
    } else {
        m_result.dateOfBirth = *dateOfBirth;
    }
    return problems;
}

std::variant<CtfPupil, CtfSkippedPupil> PupilInterpreter::interpret() {
    readNames();
    const QList<CtfPupilProblem> problems = validate();
    if (!problems.isEmpty())
        return CtfSkippedPupil{m_result.position, m_givenUpn, problems};

    readLanguage();
    readFreeSchoolMeals();
    readSpecialNeeds();
    readLookedAfter();
    readEntryDate();
    keepSourceBlocks();

    if (const XmlNode* address = block(u"Address"))
        m_result.address =
            readAddress(*address, QCoreApplication::translate("earlyhelp::CtfImport", "the pupil's address"));
    m_result.phones = readPhones(block(u"Phones"));
    m_result.emails = readEmails(m_pupil);
    if (m_basicDetails) {
        for (const QString& email : readEmails(*m_basicDetails)) {
            if (!m_result.emails.contains(email))
                m_result.emails += email;
        }
    }

    if (const XmlNode* contacts = block(u"Contacts")) {
        int index = 0;
        for (const XmlNode* contact : contacts->childrenNamed(u"Contact"))
            m_result.contacts += readContact(*contact, ++index);
    }
    return m_result;
}

// ---------------------------------------------------------------------------
// The document

CtfHeader interpretHeader(const XmlNode& node) {
    CtfHeader header;
    header.documentName = node.childText(u"DocumentName");
    header.ctfVersion = node.childText(u"CTFversion");
    header.dateTimeText = node.childText(u"DateTime");
    header.dateTime = QDateTime::fromString(header.dateTimeText, Qt::ISODate);
    header.documentQualifier = node.childText(u"DocumentQualifier");
    header.dataDescriptor = node.childText(u"DataDescriptor");
    header.supplierId = node.childText(u"SupplierID");
    if (const XmlNode* source = node.child(u"SourceSchool")) {
        header.sourceLea = source->childText(u"LEA");
        header.sourceEstab = source->childText(u"Estab");
        header.sourceUrn = source->childText(u"URN");
        header.sourceSchoolName = source->childText(u"SchoolName");
        header.academicYear = source->childText(u"AcademicYear");
    }
    if (const XmlNode* destination = node.child(u"DestSchool")) {
        header.destLea = destination->childText(u"LEA");
        header.destEstab = destination->childText(u"Estab");
    }
    return header;
}

// Moves every pupil whose UPN another pupil in the file also has to the
// skipped list, because nothing in the file shows which record is right.
void skipRepeatedUpns(CtfDocument& document) {
    QHash<QString, QList<int>> positionsByUpn;
    for (const CtfPupil& pupil : std::as_const(document.pupils))
        positionsByUpn[pupil.upn] += pupil.position;

    QList<CtfPupil> kept;
    for (const CtfPupil& pupil : std::as_const(document.pupils)) {
        const QList<int>& positions = positionsByUpn.value(pupil.upn);
        if (positions.size() == 1) {
            kept += pupil;
            continue;
        }
        QStringList others;
        for (int position : positions) {
            if (position != pupil.position)
                others += QString::number(position);
        }
        const QString label = QCoreApplication::translate("earlyhelp::CtfImport", "pupil %1 (UPN %2)")
                                  .arg(QString::number(pupil.position), pupil.upn);
        const QString message =
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1, %2, was not imported: pupil %3 in this file has the same UPN. Correct the "
                "UPN in the school's MIS and export the CTF again.")
                .arg(document.fileName, label, others.join(QStringLiteral(", ")));
        document.skipped +=
            CtfSkippedPupil{pupil.position, pupil.upn, {{CtfPupilFault::UpnRepeated, message}}};
    }
    document.pupils = kept;
    std::sort(document.skipped.begin(), document.skipped.end(),
              [](const CtfSkippedPupil& a, const CtfSkippedPupil& b) { return a.position < b.position; });
}

QString describeXmlError(const QXmlStreamReader& reader) {
    QString description = reader.errorString();
    if (description.endsWith(u'.'))
        description.chop(1);
    return description;
}

Error notWellFormed(const QString& fileName, const QXmlStreamReader& reader) {
    return {ErrorCode::ImportRejected,
            QCoreApplication::translate("earlyhelp::CtfImport",
                                        "%1 is not well-formed XML at line %2, column %3 (%4). The file may "
                                        "be cut short or damaged. Nothing "
                                        "was imported. Export the CTF again from the school's MIS.")
                .arg(fileName, QString::number(reader.lineNumber()), QString::number(reader.columnNumber()),
                     describeXmlError(reader))};
}

Error tooDeep(const QString& fileName, const QXmlStreamReader& reader) {
    return {ErrorCode::ImportRejected,
            QCoreApplication::translate("earlyhelp::CtfImport",
                                        "%1 has elements nested more than %2 levels deep at line %3, which "
                                        "no CTF has. Nothing was imported. "
                                        "Choose the CTF exported from the school's MIS.")
                .arg(fileName, QString::number(maximumDepth), QString::number(reader.lineNumber()))};
}

class DocumentReader {
public:
    DocumentReader(const QString& text, const QString& fileName, const CtfParseOptions& options)
        : m_reader(text)
        , m_options(options) {
        m_document.fileName = fileName;
    }

    Result<CtfDocument> read();

private:
    std::optional<Error> readRoot();
    std::optional<Error> readPupils();
    std::optional<Error> readTree(XmlNode& node);
    void interpretPupils();

    QXmlStreamReader m_reader;
    const CtfParseOptions& m_options;
    CtfDocument m_document;
    QList<XmlNode> m_pupilNodes;
    bool m_hasHeader = false;
};

std::optional<Error> DocumentReader::readTree(XmlNode& node) {
    switch (readNode(m_reader, node, 1)) {
    case TreeReadResult::Complete:
        return std::nullopt;
    case TreeReadResult::TooDeep:
        return tooDeep(m_document.fileName, m_reader);
    case TreeReadResult::XmlError:
        break;
    }
    return notWellFormed(m_document.fileName, m_reader);
}

// Reads up to the root element and checks that it is CTfile.
std::optional<Error> DocumentReader::readRoot() {
    const QString& fileName = m_document.fileName;
    while (!m_reader.atEnd()) {
        m_reader.readNext();
        if (m_reader.tokenType() == QXmlStreamReader::DTD) {
            return Error{
                ErrorCode::ImportRejected,
                QCoreApplication::translate(
                    "earlyhelp::CtfImport",
                    "%1 contains a document type declaration (DOCTYPE) at line %2, which a CTF never has. "
                    "Nothing was imported. Choose the CTF exported from the school's MIS.")
                    .arg(fileName, QString::number(m_reader.lineNumber()))};
        }
        if (m_reader.isStartElement())
            break;
    }
    if (m_reader.hasError() || !m_reader.isStartElement())
        return notWellFormed(fileName, m_reader);

    if (m_reader.name() != u"CTfile") {
        return Error{
            ErrorCode::ImportRejected,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1: the root element is %2, expected CTfile, so this is not a Common Transfer File. Nothing "
                "was imported. Choose the CTF exported from the school's MIS.")
                .arg(fileName, m_reader.name().toString())};
    }
    return std::nullopt;
}

std::optional<Error> DocumentReader::readPupils() {
    while (m_reader.readNextStartElement()) {
        if (m_reader.name() != u"Pupil") {
            m_reader.skipCurrentElement();
            continue;
        }
        m_pupilNodes.append(XmlNode{});
        if (std::optional<Error> error = readTree(m_pupilNodes.last()))
            return error;
    }
    return std::nullopt;
}

void DocumentReader::interpretPupils() {
    int position = 0;
    for (const XmlNode& node : std::as_const(m_pupilNodes)) {
        PupilInterpreter interpreter(node, ++position, m_document.fileName, m_document.header, m_options,
                                     m_document.warnings);
        std::variant<CtfPupil, CtfSkippedPupil> outcome = interpreter.interpret();
        if (auto* pupil = std::get_if<CtfPupil>(&outcome))
            m_document.pupils += std::move(*pupil);
        else
            m_document.skipped += std::move(std::get<CtfSkippedPupil>(outcome));
    }
}

Result<CtfDocument> DocumentReader::read() {
    if (std::optional<Error> error = readRoot())
        return std::unexpected(*error);

    while (m_reader.readNextStartElement()) {
        if (m_reader.name() == u"Header") {
            XmlNode header;
            if (std::optional<Error> error = readTree(header))
                return std::unexpected(*error);
            m_document.header = interpretHeader(header);
            m_hasHeader = true;
        } else if (m_reader.name() == u"CTFpupilData") {
            if (std::optional<Error> error = readPupils())
                return std::unexpected(*error);
        } else {
            m_reader.skipCurrentElement();
        }
    }
    // Read to the end so that anything after the root element is checked too.
    while (!m_reader.atEnd() && !m_reader.hasError())
        m_reader.readNext();
    if (m_reader.hasError())
        return std::unexpected(notWellFormed(m_document.fileName, m_reader));

    if (!m_hasHeader) {
        return makeError(
            ErrorCode::ImportRejected,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1 has no Header element, so it is not a complete CTF. Nothing was imported. Export the "
                "CTF again from the school's MIS.")
                .arg(m_document.fileName));
    }
    // Pupils are interpreted once the whole file is read, because finding the
    // entry date uses the Header's source school, wherever the Header is.
    interpretPupils();
    skipRepeatedUpns(m_document);
    return m_document;
}

} // namespace

Result<CtfDocument> parseCtf(const QByteArray& bytes, const QString& fileName,
                             const CtfParseOptions& options) {
    if (bytes.isEmpty()) {
        return makeError(
            ErrorCode::ImportRejected,
            QCoreApplication::translate(
                "earlyhelp::CtfImport",
                "%1 is empty. Nothing was imported. Choose the CTF exported from the school's MIS.")
                .arg(fileName));
    }

    Result<DecodedXml> decoded = decodeXmlDocument(bytes, fileName);
    if (!decoded) {
        qCWarning(lcImport, "Rejected %s: encoding error", qUtf8Printable(fileName));
        return std::unexpected(decoded.error());
    }

    // The reader gets text, not bytes, so it cannot apply the encoding
    // declaration a second time.
    DocumentReader reader(decoded->text, fileName, options);
    Result<CtfDocument> document = reader.read();
    if (!document) {
        qCWarning(lcImport, "Rejected %s: not a readable CTF", qUtf8Printable(fileName));
        return document;
    }
    document->encoding = decoded->encoding;
    qCInfo(lcImport, "Read %s: %lld valid pupils, %lld skipped, %lld warnings", qUtf8Printable(fileName),
           static_cast<long long>(document->pupils.size()), static_cast<long long>(document->skipped.size()),
           static_cast<long long>(document->warnings.size()));
    return document;
}

Result<CtfDocument> parseCtf(QIODevice& device, const QString& fileName, const CtfParseOptions& options) {
    if (!device.isOpen() || !device.isReadable()) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "earlyhelp::CtfImport",
                             "%1 could not be read: %2. Check that the file exists and that you may "
                             "read it.")
                             .arg(fileName, device.errorString()));
    }
    const QByteArray bytes = device.readAll();
    if (bytes.isEmpty() && !device.errorString().isEmpty() && !device.atEnd()) {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "earlyhelp::CtfImport",
                             "%1 could not be read: %2. Check that the file exists and that you may "
                             "read it.")
                             .arg(fileName, device.errorString()));
    }
    return parseCtf(bytes, fileName, options);
}

Result<CtfDocument> readCtfFile(const QString& filePath, const CtfParseOptions& options) {
    const QString fileName = QFileInfo(filePath).fileName();
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcImport, "Could not open %s: %s", qUtf8Printable(fileName),
                  qUtf8Printable(file.errorString()));
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate(
                             "earlyhelp::CtfImport",
                             "%1 could not be opened: %2. Check that the file exists and that you may "
                             "read it.")
                             .arg(fileName, file.errorString()));
    }
    return parseCtf(file, fileName, options);
}

} // namespace earlyhelp
