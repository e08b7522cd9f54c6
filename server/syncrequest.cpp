#include "syncrequest.h"

#include "registry.h"

#include "domain/fieldcatalogue.h"
#include "policy/basisjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QUuid>

#include <cmath>
#include <limits>
#include <optional>

namespace earlyhelp::server {

namespace {

// The translation context of this file's messages.
class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::server)
};

// The largest integer a JSON number (an IEEE double) carries exactly.
constexpr double maxExactInteger = 9007199254740992.0; // 2^53

RequestRejection invalidField(const QString& path, const QString& requirement) {
    return RequestRejection{400, QStringLiteral("invalid_field"),
                            Text::tr("the field \"%1\" %2").arg(path, requirement)};
}

RequestRejection missingField(const QString& path, const QString& expected) {
    return RequestRejection{400, QStringLiteral("missing_field"),
                            Text::tr("the field \"%1\" is missing: send it as %2").arg(path, expected)};
}

// The record type names of the field catalogue (the part of each field id
// before the dot, such as "person" and "familyMember"), and the two basis
// record types "consent" and "sharingDecision".
const QSet<QString>& knownRecordTypes() {
    static const QSet<QString> types = [] {
        QSet<QString> names;
        for (const FieldDefinition& field : fieldCatalogue())
            names.insert(field.id.left(field.id.indexOf(u'.')).toString());
        names.insert(QStringLiteral("consent"));
        names.insert(QStringLiteral("sharingDecision"));
        return names;
    }();
    return types;
}

// Returns the UUID in lower case without braces, or nothing when text is not
// one in the form 8-4-4-4-12 hexadecimal digits.
std::optional<QString> canonicalUuid(const QString& text) {
    if (text.size() != 36)
        return std::nullopt;
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull())
        return std::nullopt;
    return uuid.toString(QUuid::WithoutBraces);
}

std::optional<RequestRejection> readUuid(const QJsonObject& object, const QString& key, const QString& path,
                                         QString& value) {
    const QJsonValue found = object.value(key);
    if (found.isUndefined() || found.isNull())
        return missingField(path, Text::tr("a UUID string"));
    if (!found.isString())
        return invalidField(path, Text::tr("must be a UUID string"));
    const std::optional<QString> uuid = canonicalUuid(found.toString());
    if (!uuid) {
        return invalidField(path, Text::tr("is \"%1\", which is not a UUID such as "
                                           "\"5bd189e9-2c87-46c8-9f25-14dae432b346\"")
                                      .arg(found.toString().left(60)));
    }
    value = *uuid;
    return std::nullopt;
}

// Reads an optional subject id: absent or null leaves value empty.
std::optional<RequestRejection> readOptionalUuid(const QJsonObject& object, const QString& key,
                                                 const QString& path, QString& value) {
    const QJsonValue found = object.value(key);
    if (found.isUndefined() || found.isNull()) {
        value.clear();
        return std::nullopt;
    }
    return readUuid(object, key, path, value);
}

std::optional<RequestRejection> readRecordType(const QJsonObject& object, const QString& path,
                                               QString& recordType) {
    const QJsonValue type = object.value(QStringLiteral("recordType"));
    if (type.isUndefined() || type.isNull())
        return missingField(path, Text::tr("a string such as \"person\""));
    if (!type.isString())
        return invalidField(path, Text::tr("must be a string such as \"person\""));
    recordType = type.toString();
    if (!knownRecordTypes().contains(recordType)) {
        QStringList names = knownRecordTypes().values();
        names.sort();
        return RequestRejection{400, QStringLiteral("unknown_record_type"),
                                Text::tr("the field \"%1\" is \"%2\", which is not a record type this server "
                                         "knows: use one of %3")
                                    .arg(path, recordType.left(60), names.join(u", "))};
    }
    return std::nullopt;
}

std::optional<RequestRejection> readBaseRevision(const QJsonObject& object, const QString& path,
                                                 qint64& baseRevision) {
    const QJsonValue revision = object.value(QStringLiteral("baseRevision"));
    if (revision.isUndefined() || revision.isNull())
        return missingField(path, Text::tr("a whole number, 0 for a new record"));
    const double number = revision.toDouble(-1);
    if (!revision.isDouble() || number < 0 || number > maxExactInteger || number != std::floor(number))
        return invalidField(path, Text::tr("must be a whole number of 0 or more, 0 for a new record"));
    baseRevision = static_cast<qint64>(number);
    return std::nullopt;
}

// Checks the fields of a consent or sharingDecision record: exactly
// {"basis": object}, the object in the form of policy/basisjson.h.
std::optional<RequestRejection> readBasis(const QJsonObject& fields, const QString& path,
                                          const QString& recordType) {
    const QString basisPath = path % u".basis";
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() != u"basis") {
            return RequestRejection{400, QStringLiteral("unknown_field"),
                                    Text::tr("the field \"%1\" is not a field of a %2 record: send only "
                                             "\"basis\"")
                                        .arg(QString(path % u'.' % it.key()).left(200), recordType)};
        }
    }
    const QJsonValue basis = fields.value(QStringLiteral("basis"));
    if (basis.isUndefined() || basis.isNull())
        return missingField(basisPath, Text::tr("an object"));
    if (!basis.isObject())
        return invalidField(basisPath, Text::tr("must be an object"));
    std::optional<Error> error;
    if (recordType == u"consent") {
        if (auto consent = policy::consentFromJson(basis.toObject()); !consent)
            error = consent.error();
    } else if (auto decision = policy::decisionFromJson(basis.toObject()); !decision) {
        error = decision.error();
    }
    if (error) {
        // The basis message starts with the member at fault, so it reads on
        // from the basis path.
        return RequestRejection{400, QStringLiteral("invalid_field"),
                                Text::tr("the field \"%1\" is invalid: %2").arg(basisPath, error->message)};
    }
    return std::nullopt;
}

// The members links may have for each record type, each a UUID except a
// contact's "kind". A record type without an entry takes no links.
const QMap<QString, QStringList>& linkMembers() {
    static const QMap<QString, QStringList> members{
        {QStringLiteral("relationship"), {QStringLiteral("childId"), QStringLiteral("adultId")}},
        {QStringLiteral("familyMember"), {QStringLiteral("familyId"), QStringLiteral("personId")}},
        {QStringLiteral("contact"), {QStringLiteral("kind")}},
    };
    return members;
}

std::optional<RequestRejection> readLinks(const QJsonObject& object, const QString& path, RecordChange& change) {
    const QJsonValue value = object.value(QStringLiteral("links"));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject())
        return invalidField(path, Text::tr("must be an object"));
    const QJsonObject links = value.toObject();
    const QStringList allowed = linkMembers().value(change.recordType);
    for (auto it = links.begin(); it != links.end(); ++it) {
        if (!allowed.contains(it.key())) {
            return invalidField(path % u'.' % it.key().left(60),
                                allowed.isEmpty()
                                    ? Text::tr("is not a link of a %1 record, which takes none: leave links out")
                                          .arg(change.recordType)
                                    : Text::tr("is not a link of a %1 record: use only %2")
                                          .arg(change.recordType, allowed.join(u", ")));
        }
    }
    QJsonObject read;
    for (const QString& member : allowed) {
        const QString memberPath = path % u'.' % member;
        if (member == u"kind") {
            const QJsonValue kind = links.value(member);
            if (kind.isUndefined() || kind.isNull())
                return missingField(memberPath, Text::tr("\"phone\" or \"email\""));
            if (kind != QJsonValue(QStringLiteral("phone")) && kind != QJsonValue(QStringLiteral("email")))
                return invalidField(memberPath, Text::tr("must be \"phone\" or \"email\""));
            read.insert(member, kind);
            continue;
        }
        QString id;
        if (auto rejected = readUuid(links, member, memberPath, id))
            return rejected;
        read.insert(member, id);
    }
    change.links = read;
    return std::nullopt;
}

std::optional<RequestRejection> readResolves(const QJsonObject& object, const QString& path,
                                             RecordChange& change) {
    const QJsonValue value = object.value(QStringLiteral("resolves"));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isArray())
        return invalidField(path, Text::tr("must be an array of conflict ids"));
    const QJsonArray ids = value.toArray();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString itemPath = path % u'[' % QString::number(i) % u']';
        if (!ids.at(i).isString())
            return invalidField(itemPath, Text::tr("must be a UUID string"));
        const std::optional<QString> uuid = canonicalUuid(ids.at(i).toString());
        if (!uuid)
            return invalidField(itemPath, Text::tr("is \"%1\", which is not a UUID").arg(ids.at(i).toString().left(60)));
        change.resolves.append(*uuid);
    }
    return std::nullopt;
}

// Reads the fields object: catalogue field ids of recordType with scalar or
// null values.
std::optional<RequestRejection> readFields(const QJsonObject& object, const QString& path,
                                           const QString& recordType, QJsonObject& fields) {
    const QJsonValue value = object.value(QStringLiteral("fields"));
    if (value.isUndefined() || value.isNull())
        return missingField(path, Text::tr("an object of field ids and values"));
    if (!value.isObject())
        return invalidField(path, Text::tr("must be an object of field ids and values"));
    fields = value.toObject();
    if (recordType == u"consent" || recordType == u"sharingDecision")
        return readBasis(fields, path, recordType);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString fieldPath = path % u'.' % it.key();
        const std::optional<FieldDefinition> definition = findField(it.key());
        if (!definition || !it.key().startsWith(recordType % u'.')) {
            return RequestRejection{
                400, QStringLiteral("unknown_field"),
                Text::tr("the field \"%1\" is not a field of the record type \"%2\" in the field catalogue: "
                         "send only catalogue field ids that start with \"%2.\"")
                    .arg(fieldPath.left(200), recordType)};
        }
        if (it.value().isArray() || it.value().isObject())
            return invalidField(fieldPath, Text::tr("must be a string, number, true, false or null"));
    }
    return std::nullopt;
}

std::optional<RequestRejection> readSubject(const QJsonObject& object, const QString& path,
                                            RecordChange& change) {
    const QJsonValue subject = object.value(QStringLiteral("subject"));
    change.hasSubject = !subject.isUndefined() && !subject.isNull();
    if (!change.hasSubject)
        return std::nullopt;
    if (!subject.isObject())
        return invalidField(path, Text::tr("must be an object with \"familyId\" and \"personId\""));
    const QJsonObject ids = subject.toObject();
    if (auto rejected =
            readOptionalUuid(ids, QStringLiteral("familyId"), path % u".familyId", change.familyId))
        return rejected;
    return readOptionalUuid(ids, QStringLiteral("personId"), path % u".personId", change.personId);
}

std::optional<RequestRejection> readChange(const QJsonValue& item, const QString& path,
                                           RecordChange& change) {
    if (!item.isObject())
        return invalidField(path, Text::tr("must be an object"));
    const QJsonObject object = item.toObject();

    if (auto rejected = readUuid(object, QStringLiteral("changeId"), path % u".changeId", change.changeId))
        return rejected;
    if (auto rejected = readRecordType(object, path % u".recordType", change.recordType))
        return rejected;
    if (auto rejected = readUuid(object, QStringLiteral("recordId"), path % u".recordId", change.recordId))
        return rejected;
    if (auto rejected = readBaseRevision(object, path % u".baseRevision", change.baseRevision))
        return rejected;

    // An erasure carries nothing of the record: the server needs only its
    // type and id, so the fields a record type requires are not read.
    const QJsonValue erased = object.value(QStringLiteral("erased"));
    if (!erased.isUndefined() && !erased.isNull() && !erased.isBool())
        return invalidField(path % u".erased", Text::tr("must be true or false"));
    if (erased.toBool()) {
        const QJsonValue fields = object.value(QStringLiteral("fields"));
        if (!fields.isObject() || !fields.toObject().isEmpty())
            return invalidField(path % u".fields", Text::tr("must be an empty object when \"erased\" is true"));
        if (object.value(QStringLiteral("deleted")) != QJsonValue(true))
            return invalidField(path % u".deleted", Text::tr("must be true when \"erased\" is true"));
        change.deleted = true;
        change.erased = true;
        return std::nullopt;
    }

    if (auto rejected = readFields(object, path % u".fields", change.recordType, change.fields))
        return rejected;

    const QJsonValue deleted = object.value(QStringLiteral("deleted"));
    if (!deleted.isUndefined() && !deleted.isNull() && !deleted.isBool())
        return invalidField(path % u".deleted", Text::tr("must be true or false"));
    if (deleted.isBool())
        change.deleted = deleted.toBool();

    if (auto rejected = readSubject(object, path % u".subject", change))
        return rejected;
    const bool basisRecord = change.recordType == u"consent" || change.recordType == u"sharingDecision";
    if (basisRecord && !change.hasSubject)
        return missingField(path % u".subject", Text::tr("an object with \"familyId\" and \"personId\""));
    if (basisRecord) {
        const QString basisId = change.fields.value(QStringLiteral("basis")).toObject().value(u"id").toString();
        if (canonicalUuid(basisId) != change.recordId)
            return invalidField(path % u".fields.basis.id", Text::tr("must be the change's recordId, %1")
                                                                 .arg(change.recordId));
    }
    if (auto rejected = readLinks(object, path % u".links", change))
        return rejected;
    return readResolves(object, path % u".resolves", change);
}

std::optional<RequestRejection> readQueryNumber(const QUrlQuery& query, const QString& name, qint64 minimum,
                                                qint64 maximum, qint64& value) {
    if (!query.hasQueryItem(name))
        return std::nullopt;
    const QString text = query.queryItemValue(name, QUrl::FullyDecoded);
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum) {
        return RequestRejection{400, QStringLiteral("invalid_parameter"),
                                Text::tr("the query parameter \"%1\" is \"%2\": give a whole number from %3 "
                                         "to %4")
                                    .arg(name, text.left(60))
                                    .arg(minimum)
                                    .arg(maximum)};
    }
    value = number;
    return std::nullopt;
}

// Reads the optional "auditHead" member of a push body.
std::expected<std::optional<AuditHead>, RequestRejection> readAuditHead(const QJsonObject& body) {
    const QJsonValue value = body.value(QStringLiteral("auditHead"));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isObject()) {
        return std::unexpected(invalidField(QStringLiteral("auditHead"),
                                            Text::tr("must be an object with \"seq\" and \"hash\"")));
    }
    const QJsonObject object = value.toObject();

    const QJsonValue sequence = object.value(QStringLiteral("seq"));
    if (sequence.isUndefined() || sequence.isNull())
        return std::unexpected(
            missingField(QStringLiteral("auditHead.seq"), Text::tr("a whole number of 1 or more")));
    const double number = sequence.toDouble(-1);
    if (!sequence.isDouble() || number < 1 || number > maxExactInteger || number != std::floor(number)) {
        return std::unexpected(
            invalidField(QStringLiteral("auditHead.seq"), Text::tr("must be a whole number of 1 or more")));
    }

    const QJsonValue hash = object.value(QStringLiteral("hash"));
    if (hash.isUndefined() || hash.isNull()) {
        return std::unexpected(missingField(QStringLiteral("auditHead.hash"),
                                            Text::tr("the Base64 text of a 32-byte SHA-256 hash")));
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(hash.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!hash.isString() || !decoded || decoded.decoded.size() != 32) {
        return std::unexpected(invalidField(QStringLiteral("auditHead.hash"),
                                            Text::tr("must be the Base64 text of a 32-byte SHA-256 hash")));
    }
    return AuditHead{static_cast<qint64>(number), decoded.decoded};
}

QJsonObject subjectJson(const QString& familyId, const QString& personId) {
    return QJsonObject{
        {QStringLiteral("familyId"), familyId.isEmpty() ? QJsonValue() : QJsonValue(familyId)},
        {QStringLiteral("personId"), personId.isEmpty() ? QJsonValue() : QJsonValue(personId)}};
}

} // namespace

std::expected<PushRequest, RequestRejection> parsePushRequest(const QByteArray& body, int maxChanges) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return std::unexpected(RequestRejection{
            400, QStringLiteral("invalid_json"),
            Text::tr("the request body is not valid JSON (%1 at byte %2): send a JSON object")
                .arg(parseError.errorString())
                .arg(parseError.offset)});
    }
    if (!document.isObject()) {
        return std::unexpected(RequestRejection{400, QStringLiteral("invalid_json"),
                                                Text::tr("the request body must be a JSON object with "
                                                         "\"changes\"")});
    }

    const QJsonValue changes = document.object().value(QStringLiteral("changes"));
    if (changes.isUndefined() || changes.isNull())
        return std::unexpected(missingField(QStringLiteral("changes"), Text::tr("an array of changes")));
    if (!changes.isArray())
        return std::unexpected(
            invalidField(QStringLiteral("changes"), Text::tr("must be an array of changes")));
    const QJsonArray items = changes.toArray();
    if (items.size() > maxChanges) {
        return std::unexpected(RequestRejection{
            413, QStringLiteral("too_many_changes"),
            Text::tr("the push carries %1 changes, more than this server's limit of %2: send them in "
                     "batches of at most %2")
                .arg(items.size())
                .arg(maxChanges)});
    }

    PushRequest parsed;
    parsed.changes.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        RecordChange change;
        if (auto rejected = readChange(items.at(i), QStringLiteral("changes[%1]").arg(i), change))
            return std::unexpected(*rejected);
        parsed.changes.append(change);
    }
    auto auditHead = readAuditHead(document.object());
    if (!auditHead)
        return std::unexpected(auditHead.error());
    parsed.auditHead = *auditHead;
    return parsed;
}

std::expected<PullRequest, RequestRejection> parsePullRequest(const QUrlQuery& query, int maxLimit) {
    qint64 after = 0;
    qint64 limit = maxLimit;
    if (auto rejected =
            readQueryNumber(query, QStringLiteral("after"), 0, std::numeric_limits<qint64>::max(), after))
        return std::unexpected(*rejected);
    if (auto rejected = readQueryNumber(query, QStringLiteral("limit"), 1, maxLimit, limit))
        return std::unexpected(*rejected);
    return PullRequest{after, static_cast<int>(limit)};
}

std::expected<AnchorListRequest, RequestRejection> parseAnchorListRequest(const QUrlQuery& query,
                                                                          int maxLimit) {
    qint64 limit = maxLimit;
    qint64 offset = 0;
    if (auto rejected = readQueryNumber(query, QStringLiteral("limit"), 1, maxLimit, limit))
        return std::unexpected(*rejected);
    if (auto rejected =
            readQueryNumber(query, QStringLiteral("offset"), 0, std::numeric_limits<qint64>::max(), offset))
        return std::unexpected(*rejected);
    return AnchorListRequest{static_cast<int>(limit), offset};
}

QJsonObject changeResultJson(const RecordChange& change, const ChangeOutcome& outcome) {
    if (!outcome.storedResult.isEmpty())
        return outcome.storedResult;
    QJsonObject result{{QStringLiteral("changeId"), change.changeId}};
    switch (outcome.status) {
    case ChangeOutcome::Status::Accepted:
        result.insert(QStringLiteral("status"), QStringLiteral("accepted"));
        result.insert(QStringLiteral("revision"), outcome.revision);
        break;
    case ChangeOutcome::Status::Conflict: {
        QJsonArray conflicts;
        for (const FieldConflict& conflict : outcome.conflicts) {
            conflicts.append(QJsonObject{{QStringLiteral("conflictId"), conflict.conflictId},
                                         {QStringLiteral("fieldId"), conflict.fieldId},
                                         {QStringLiteral("serverValue"), conflict.serverValue},
                                         {QStringLiteral("yourValue"), conflict.yourValue}});
        }
        result.insert(QStringLiteral("status"), QStringLiteral("conflict"));
        result.insert(QStringLiteral("revision"), outcome.revision);
        result.insert(QStringLiteral("conflicts"), conflicts);
        result.insert(QStringLiteral("message"),
                      Text::tr("%1 of the fields of record %2 changed on the server since revision %3: the "
                               "server kept its values of them and applied the others; settle each conflict "
                               "with a change that names it in \"resolves\"")
                          .arg(outcome.conflicts.size())
                          .arg(change.recordId)
                          .arg(change.baseRevision));
        break;
    }
    case ChangeOutcome::Status::Rejected:
        result.insert(QStringLiteral("status"), QStringLiteral("rejected"));
        if (outcome.rejection == ChangeOutcome::Rejection::NotOwner) {
            result.insert(QStringLiteral("error"), QStringLiteral("forbidden"));
            result.insert(QStringLiteral("message"),
                          Text::tr("your organisation does not own this record (%1 %2) and does not hold every "
                                   "field the change sets, so it cannot make this change")
                              .arg(change.recordType, change.recordId));
        } else if (outcome.rejection == ChangeOutcome::Rejection::InvalidBaseRevision) {
            result.insert(QStringLiteral("error"), QStringLiteral("invalid_base_revision"));
            result.insert(QStringLiteral("revision"), outcome.revision);
            result.insert(QStringLiteral("message"),
                          Text::tr("the base revision %1 of record %2 is above the server's revision %3: "
                                   "pull the record and send the change against revision %3")
                              .arg(change.baseRevision)
                              .arg(change.recordId)
                              .arg(outcome.revision));
        } else {
            result.insert(QStringLiteral("error"), QStringLiteral("change_id_reused"));
            result.insert(QStringLiteral("message"),
                          Text::tr("the change id %1 was already used for another record: give every change "
                                   "a new id")
                              .arg(change.changeId));
        }
        break;
    }
    return result;
}

QJsonObject feedPageJson(const FeedPage& page) {
    QJsonArray changes;
    for (const FeedEntry& entry : page.entries) {
        switch (entry.kind) {
        case FeedEntry::Kind::Record:
            changes.append(QJsonObject{{QStringLiteral("sequence"), entry.sequence},
                                       {QStringLiteral("kind"), QStringLiteral("record")},
                                       {QStringLiteral("recordType"), entry.recordType},
                                       {QStringLiteral("recordId"), entry.recordId},
                                       {QStringLiteral("revision"), entry.revision},
                                       {QStringLiteral("owner"), entry.owner},
                                       {QStringLiteral("fields"), entry.fields},
                                       {QStringLiteral("deleted"), entry.deleted},
                                       {QStringLiteral("subject"), subjectJson(entry.familyId, entry.personId)},
                                       {QStringLiteral("links"), entry.links},
                                       {QStringLiteral("purgeFields"), QJsonArray::fromStringList(entry.purgeFields)}});
            break;
        case FeedEntry::Kind::Purge:
            changes.append(QJsonObject{{QStringLiteral("sequence"), entry.sequence},
                                       {QStringLiteral("kind"), QStringLiteral("purge")},
                                       {QStringLiteral("recordType"), entry.recordType},
                                       {QStringLiteral("recordId"), entry.recordId},
                                       {QStringLiteral("familyId"), entry.familyId},
                                       {QStringLiteral("reason"), entry.reason}});
            break;
        case FeedEntry::Kind::Conflict:
            changes.append(QJsonObject{
                {QStringLiteral("sequence"), entry.sequence},
                {QStringLiteral("kind"), QStringLiteral("conflict")},
                {QStringLiteral("conflictId"), entry.conflictId},
                {QStringLiteral("recordType"), entry.recordType},
                {QStringLiteral("recordId"), entry.recordId},
                {QStringLiteral("fieldId"), entry.fieldId},
                {QStringLiteral("serverValue"), entry.serverValue},
                {QStringLiteral("otherValue"), entry.otherValue},
                {QStringLiteral("otherOrganisation"), entry.otherOrganisation},
                {QStringLiteral("status"), entry.status},
                {QStringLiteral("resolvedValue"), entry.resolvedValue},
                {QStringLiteral("createdAt"), isoTime(entry.createdAt)},
                {QStringLiteral("resolvedAt"), entry.resolvedAt == 0 ? QJsonValue() : QJsonValue(isoTime(entry.resolvedAt))}});
            break;
        }
    }
    return QJsonObject{{QStringLiteral("changes"), changes},
                       {QStringLiteral("next"), page.next},
                       {QStringLiteral("more"), page.more}};
}

} // namespace earlyhelp::server
