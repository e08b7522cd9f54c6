#include "policy/basisjson.h"

#include "casework/datacategorycode.h"
#include "casework/sharingterms.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

namespace earlyhelp::policy {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::policy::BasisJson", text);
}

std::unexpected<Error> invalid(const QString& message) {
    return makeError(ErrorCode::InvalidInput, message);
}

const QString dateFormat = QStringLiteral("yyyy-MM-dd");

// Returns value as it appears in the JSON, shortened for a message.
QString shown(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::String: {
        constexpr qsizetype maxShown = 60;
        const QString text = value.toString();
        return u'"' + (text.size() > maxShown ? text.left(maxShown) + u'…' : text) + u'"';
    }
    case QJsonValue::Undefined:
        return tr("(missing)");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    }
    return {};
}

QString indexedPath(const QString& key, qsizetype index) {
    return key + u'[' + QString::number(index) + u']';
}

Status rejectUnknownMembers(const QJsonObject& object, const QString& path, const QStringList& allowed) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            const QString memberPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
            return invalid(tr("%1 is not a member of this record. Remove it; the members allowed are %2.")
                               .arg(memberPath, allowed.join(QStringLiteral(", "))));
        }
    }
    return {};
}

Result<QString> requiredText(const QJsonValue& value, const QString& path) {
    if (value.isUndefined())
        return invalid(tr("%1 is missing. Add it as text.").arg(path));
    if (!value.isString())
        return invalid(tr("%1 is %2, not text. Write it as a quoted string.").arg(path, shown(value)));
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return invalid(tr("%1 is blank. Enter the text.").arg(path));
    return text;
}

// Reads text that may be missing or null, both of which read as empty.
Result<QString> optionalText(const QJsonValue& value, const QString& path) {
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return invalid(tr("%1 is %2, not text. Write it as a quoted string.").arg(path, shown(value)));
    return value.toString().trimmed();
}

// Reads a date in yyyy-MM-dd form that may be missing or null; both read as
// an invalid QDate.
Result<QDate> optionalDate(const QJsonValue& value, const QString& path) {
    if (value.isUndefined() || value.isNull())
        return QDate();
    const QDate date = value.isString() ? QDate::fromString(value.toString(), dateFormat) : QDate();
    if (!date.isValid())
        return invalid(tr("%1 is %2, not a date. Write it as \"yyyy-MM-dd\", or null when there is none.")
                           .arg(path, shown(value)));
    return date;
}

Result<bool> optionalBool(const QJsonValue& value, const QString& path) {
    if (value.isUndefined())
        return false;
    if (!value.isBool())
        return invalid(tr("%1 is %2, not true or false.").arg(path, shown(value)));
    return value.toBool();
}

Result<QJsonArray> requiredArray(const QJsonValue& value, const QString& path) {
    if (value.isUndefined())
        return invalid(tr("%1 is missing. Add it as a list.").arg(path));
    if (!value.isArray())
        return invalid(tr("%1 is %2, not a list. Write it in square brackets.").arg(path, shown(value)));
    return value.toArray();
}

// Reads a code that must be one of codes.
Result<QString> requiredCode(const QJsonValue& value, const QString& path, const QStringList& codes) {
    const Result<QString> text = requiredText(value, path);
    if (!text)
        return std::unexpected(text.error());
    if (!codes.contains(*text))
        return invalid(tr("%1 is %2, not a known code. Use one of: %3.")
                           .arg(path, shown(value), codes.join(QStringLiteral(", "))));
    return *text;
}

// Reads a code that may be missing, null or empty, and otherwise must be one
// of codes.
Result<QString> optionalCode(const QJsonValue& value, const QString& path, const QStringList& codes) {
    const Result<QString> text = optionalText(value, path);
    if (!text)
        return std::unexpected(text.error());
    if (!text->isEmpty() && !codes.contains(*text))
        return invalid(tr("%1 is %2, not a known code. Use one of: %3, or leave it empty.")
                           .arg(path, shown(value), codes.join(QStringLiteral(", "))));
    return *text;
}

QJsonValue dateJson(const QDate& date) {
    return date.isValid() ? QJsonValue(date.toString(dateFormat)) : QJsonValue(QJsonValue::Null);
}

QString capacityCode(ConsentCapacity capacity) {
    return capacity == ConsentCapacity::CompetentYoungPerson ? QStringLiteral("competent_young_person")
                                                             : QStringLiteral("parental_responsibility");
}

QString methodCode(ConsentMethod method) {
    switch (method) {
    case ConsentMethod::Written:
        return QStringLiteral("written");
    case ConsentMethod::Verbal:
        return QStringLiteral("verbal");
    case ConsentMethod::Electronic:
        return QStringLiteral("electronic");
    }
    return QStringLiteral("written");
}

const QStringList& capacityCodes() {
    static const QStringList codes{QStringLiteral("parental_responsibility"),
                                   QStringLiteral("competent_young_person")};
    return codes;
}

const QStringList& methodCodes() {
    static const QStringList codes{QStringLiteral("written"), QStringLiteral("verbal"),
                                   QStringLiteral("electronic")};
    return codes;
}

const QStringList& recipientKindCodes() {
    static const QStringList codes{QStringLiteral("organisation"), QStringLiteral("partyType")};
    return codes;
}

const QStringList& dataCategoryCodes() {
    static const QStringList codes{dataCategoryCode(DataCategory::Personal).toString(),
                                   dataCategoryCode(DataCategory::SpecialCategory).toString(),
                                   dataCategoryCode(DataCategory::CriminalOffence).toString()};
    return codes;
}

Result<QStringList> readPurposes(const QJsonValue& value) {
    const QString key = QStringLiteral("purposes");
    const Result<QJsonArray> array = requiredArray(value, key);
    if (!array)
        return std::unexpected(array.error());
    QStringList purposes;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const Result<QString> purpose = requiredText(array->at(i), indexedPath(key, i));
        if (!purpose)
            return std::unexpected(purpose.error());
        purposes += *purpose;
    }
    return purposes;
}

Result<QList<ConsentRecipient>> readRecipients(const QJsonValue& value) {
    const QString key = QStringLiteral("recipients");
    const Result<QJsonArray> array = requiredArray(value, key);
    if (!array)
        return std::unexpected(array.error());
    QList<ConsentRecipient> recipients;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = indexedPath(key, i);
        const QJsonValue entry = array->at(i);
        if (!entry.isObject())
            return invalid(tr("%1 is %2, not an object. Write it as {\"kind\": …, \"value\": …}.")
                               .arg(path, shown(entry)));
        const QJsonObject object = entry.toObject();
        if (const Status members = rejectUnknownMembers(
                object, path, {QStringLiteral("kind"), QStringLiteral("value")});
            !members)
            return std::unexpected(members.error());

        const Result<QString> kind =
            requiredCode(object.value(QStringLiteral("kind")), path + QStringLiteral(".kind"), recipientKindCodes());
        if (!kind)
            return std::unexpected(kind.error());
        const Result<QString> recipientValue =
            requiredText(object.value(QStringLiteral("value")), path + QStringLiteral(".value"));
        if (!recipientValue)
            return std::unexpected(recipientValue.error());
        recipients += ConsentRecipient{*kind == u"partyType" ? ConsentRecipient::Kind::PartyType
                                                             : ConsentRecipient::Kind::Organisation,
                                       *recipientValue};
    }
    return recipients;
}

Result<QList<DataCategory>> readDataCategories(const QJsonValue& value) {
    const QString key = QStringLiteral("dataCategories");
    const Result<QJsonArray> array = requiredArray(value, key);
    if (!array)
        return std::unexpected(array.error());
    QList<DataCategory> categories;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const Result<QString> code = requiredCode(array->at(i), indexedPath(key, i), dataCategoryCodes());
        if (!code)
            return std::unexpected(code.error());
        categories += *dataCategoryFromCode(*code);
    }
    return categories;
}

} // namespace

QJsonObject consentToJson(const Consent& consent) {
    QJsonArray recipients;
    for (const ConsentRecipient& recipient : consent.recipients) {
        const QString kind = recipient.kind == ConsentRecipient::Kind::PartyType ? QStringLiteral("partyType")
                                                                                 : QStringLiteral("organisation");
        recipients.append(QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("value"), recipient.value}});
    }
    QJsonArray categories;
    for (const DataCategory category : consent.dataCategories)
        categories.append(dataCategoryCode(category).toString());

    return QJsonObject{
        {QStringLiteral("id"), consent.meta.id},
        {QStringLiteral("familyId"), consent.familyId},
        {QStringLiteral("subjectPersonId"), consent.subjectPersonId},
        {QStringLiteral("givenByPersonId"), consent.givenByPersonId},
        {QStringLiteral("capacity"), capacityCode(consent.capacity)},
        {QStringLiteral("purposes"), QJsonArray::fromStringList(consent.purposes)},
        {QStringLiteral("recipients"), recipients},
        {QStringLiteral("dataCategories"), categories},
        {QStringLiteral("method"), methodCode(consent.method)},
        {QStringLiteral("givenDate"), dateJson(consent.givenDate)},
        {QStringLiteral("reviewDate"), dateJson(consent.reviewDate)},
        {QStringLiteral("withdrawnDate"), dateJson(consent.withdrawnDate)},
        {QStringLiteral("withdrawnBy"), consent.withdrawnBy},
        {QStringLiteral("deleted"), consent.meta.deleted},
    };
}

Result<Consent> consentFromJson(const QJsonObject& object) {
    if (const Status members = rejectUnknownMembers(
            object, {},
            {QStringLiteral("id"), QStringLiteral("familyId"), QStringLiteral("subjectPersonId"),
             QStringLiteral("givenByPersonId"), QStringLiteral("capacity"), QStringLiteral("purposes"),
             QStringLiteral("recipients"), QStringLiteral("dataCategories"), QStringLiteral("method"),
             QStringLiteral("givenDate"), QStringLiteral("reviewDate"), QStringLiteral("withdrawnDate"),
             QStringLiteral("withdrawnBy"), QStringLiteral("deleted")});
        !members)
        return std::unexpected(members.error());

    const auto member = [&object](const char* key) { return object.value(QLatin1StringView(key)); };
    const auto path = [](const char* key) { return QString::fromLatin1(key); };
    Consent consent;

    const Result<QString> id = requiredText(member("id"), path("id"));
    if (!id)
        return std::unexpected(id.error());
    consent.meta.id = *id;
    const Result<QString> familyId = optionalText(member("familyId"), path("familyId"));
    if (!familyId)
        return std::unexpected(familyId.error());
    consent.familyId = *familyId;
    const Result<QString> subject = requiredText(member("subjectPersonId"), path("subjectPersonId"));
    if (!subject)
        return std::unexpected(subject.error());
    consent.subjectPersonId = *subject;
    const Result<QString> givenBy = requiredText(member("givenByPersonId"), path("givenByPersonId"));
    if (!givenBy)
        return std::unexpected(givenBy.error());
    consent.givenByPersonId = *givenBy;

    const Result<QString> capacity = requiredCode(member("capacity"), path("capacity"), capacityCodes());
    if (!capacity)
        return std::unexpected(capacity.error());
    consent.capacity = *capacity == u"competent_young_person" ? ConsentCapacity::CompetentYoungPerson
                                                              : ConsentCapacity::ParentalResponsibility;

    const Result<QStringList> purposes = readPurposes(member("purposes"));
    if (!purposes)
        return std::unexpected(purposes.error());
    consent.purposes = *purposes;
    const Result<QList<ConsentRecipient>> recipients = readRecipients(member("recipients"));
    if (!recipients)
        return std::unexpected(recipients.error());
    consent.recipients = *recipients;
    const Result<QList<DataCategory>> categories = readDataCategories(member("dataCategories"));
    if (!categories)
        return std::unexpected(categories.error());
    consent.dataCategories = *categories;

    const Result<QString> method = requiredCode(member("method"), path("method"), methodCodes());
    if (!method)
        return std::unexpected(method.error());
    consent.method = *method == u"verbal"       ? ConsentMethod::Verbal
                     : *method == u"electronic" ? ConsentMethod::Electronic
                                                : ConsentMethod::Written;

    const Result<QDate> given = optionalDate(member("givenDate"), path("givenDate"));
    if (!given)
        return std::unexpected(given.error());
    consent.givenDate = *given;
    const Result<QDate> review = optionalDate(member("reviewDate"), path("reviewDate"));
    if (!review)
        return std::unexpected(review.error());
    consent.reviewDate = *review;
    const Result<QDate> withdrawn = optionalDate(member("withdrawnDate"), path("withdrawnDate"));
    if (!withdrawn)
        return std::unexpected(withdrawn.error());
    consent.withdrawnDate = *withdrawn;
    const Result<QString> withdrawnBy = optionalText(member("withdrawnBy"), path("withdrawnBy"));
    if (!withdrawnBy)
        return std::unexpected(withdrawnBy.error());
    consent.withdrawnBy = *withdrawnBy;

    const Result<bool> deleted = optionalBool(member("deleted"), path("deleted"));
    if (!deleted)
        return std::unexpected(deleted.error());
    consent.meta.deleted = *deleted;
    return consent;
}

QJsonObject decisionToJson(const SharingDecision& decision) {
    return QJsonObject{
        {QStringLiteral("id"), decision.meta.id},
        {QStringLiteral("familyId"), decision.familyId},
        {QStringLiteral("personId"), decision.personId},
        {QStringLiteral("recipientPartyType"), decision.recipientPartyType},
        {QStringLiteral("purpose"), decision.purpose},
        {QStringLiteral("lawfulBasis"), decision.lawfulBasis},
        {QStringLiteral("condition"), decision.condition},
        {QStringLiteral("justification"), decision.justification},
        {QStringLiteral("decidedBy"), decision.decidedBy},
        {QStringLiteral("date"), dateJson(decision.date)},
        {QStringLiteral("deleted"), decision.meta.deleted},
    };
}

Result<SharingDecision> decisionFromJson(const QJsonObject& object) {
    if (const Status members = rejectUnknownMembers(
            object, {},
            {QStringLiteral("id"), QStringLiteral("familyId"), QStringLiteral("personId"),
             QStringLiteral("recipientPartyType"), QStringLiteral("purpose"), QStringLiteral("lawfulBasis"),
             QStringLiteral("condition"), QStringLiteral("justification"), QStringLiteral("decidedBy"),
             QStringLiteral("date"), QStringLiteral("deleted")});
        !members)
        return std::unexpected(members.error());

    const auto member = [&object](const char* key) { return object.value(QLatin1StringView(key)); };
    const auto path = [](const char* key) { return QString::fromLatin1(key); };
    SharingDecision decision;

    const Result<QString> id = requiredText(member("id"), path("id"));
    if (!id)
        return std::unexpected(id.error());
    decision.meta.id = *id;
    const Result<QString> familyId = optionalText(member("familyId"), path("familyId"));
    if (!familyId)
        return std::unexpected(familyId.error());
    decision.familyId = *familyId;
    const Result<QString> personId = optionalText(member("personId"), path("personId"));
    if (!personId)
        return std::unexpected(personId.error());
    decision.personId = *personId;
    if (decision.familyId.isEmpty() && decision.personId.isEmpty())
        return invalid(tr("familyId and personId are both missing or blank. Give the family or the person "
                          "the decision covers."));

    // Empty party type and purpose are a decision stored before either
    // existed. It covers nothing.
    const Result<QString> partyType =
        optionalCode(member("recipientPartyType"), path("recipientPartyType"), sharingPartyTypeCodes());
    if (!partyType)
        return std::unexpected(partyType.error());
    decision.recipientPartyType = *partyType;
    const Result<QString> purpose = optionalCode(member("purpose"), path("purpose"), sharingPurposeCodes());
    if (!purpose)
        return std::unexpected(purpose.error());
    decision.purpose = *purpose;

    const Result<QString> lawfulBasis = optionalText(member("lawfulBasis"), path("lawfulBasis"));
    if (!lawfulBasis)
        return std::unexpected(lawfulBasis.error());
    decision.lawfulBasis = *lawfulBasis;
    const Result<QString> condition = optionalText(member("condition"), path("condition"));
    if (!condition)
        return std::unexpected(condition.error());
    decision.condition = *condition;
    const Result<QString> justification = optionalText(member("justification"), path("justification"));
    if (!justification)
        return std::unexpected(justification.error());
    decision.justification = *justification;
    const Result<QString> decidedBy = optionalText(member("decidedBy"), path("decidedBy"));
    if (!decidedBy)
        return std::unexpected(decidedBy.error());
    decision.decidedBy = *decidedBy;

    const Result<QDate> date = optionalDate(member("date"), path("date"));
    if (!date)
        return std::unexpected(date.error());
    decision.date = *date;
    const Result<bool> deleted = optionalBool(member("deleted"), path("deleted"));
    if (!deleted)
        return std::unexpected(deleted.error());
    decision.meta.deleted = *deleted;
    return decision;
}

} // namespace earlyhelp::policy
