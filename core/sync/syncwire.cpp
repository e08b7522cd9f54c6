// The JSON of one pushed change and of the server's answer to it, as
// docs/sync-protocol.md describes POST /api/v1/push.

#include "sync/synclocal.h"

#include <QCoreApplication>

namespace earlyhelp::sync {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sync)
};

QJsonValue idOrNull(const QString& id) {
    return id.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(id);
}

} // namespace

QJsonObject OutgoingChange::toJson() const {
    QJsonObject object{{QStringLiteral("changeId"), changeId},
                       {QStringLiteral("recordType"), recordType},
                       {QStringLiteral("recordId"), recordId},
                       {QStringLiteral("baseRevision"), baseRevision},
                       {QStringLiteral("fields"), fields}};
    if (deleted)
        object.insert(QStringLiteral("deleted"), *deleted);
    // Left out, the server keeps the subject it has.
    if (!familyId.isEmpty() || !personId.isEmpty()) {
        object.insert(QStringLiteral("subject"), QJsonObject{{QStringLiteral("familyId"), idOrNull(familyId)},
                                                             {QStringLiteral("personId"), idOrNull(personId)}});
    }
    if (!links.isEmpty())
        object.insert(QStringLiteral("links"), links);
    if (!resolves.isEmpty())
        object.insert(QStringLiteral("resolves"), QJsonArray::fromStringList(resolves));
    return object;
}

Result<PushResult> PushResult::fromJson(const QJsonObject& object) {
    const auto invalid = [](const QString& member) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("the push result's member \"%1\" is missing or invalid").arg(member));
    };

    PushResult result;
    result.changeId = object.value(u"changeId").toString();
    if (result.changeId.isEmpty())
        return invalid(QStringLiteral("changeId"));

    const QString status = object.value(u"status").toString();
    if (status == u"accepted")
        result.status = Status::Accepted;
    else if (status == u"conflict")
        result.status = Status::Conflict;
    else if (status == u"rejected")
        result.status = Status::Rejected;
    else
        return invalid(QStringLiteral("status"));

    if (result.status != Status::Rejected) {
        const QJsonValue revision = object.value(u"revision");
        if (!revision.isDouble() || revision.toInteger(-1) < 0)
            return invalid(QStringLiteral("revision"));
        result.revision = revision.toInteger();
    }
    if (result.status == Status::Conflict) {
        const QJsonValue conflicts = object.value(u"conflicts");
        if (!conflicts.isArray())
            return invalid(QStringLiteral("conflicts"));
        result.conflicts = conflicts.toArray();
    }
    if (result.status == Status::Rejected) {
        result.error = object.value(u"error").toString();
        if (result.error.isEmpty())
            return invalid(QStringLiteral("error"));
    }
    result.message = object.value(u"message").toString();
    return result;
}

} // namespace earlyhelp::sync
