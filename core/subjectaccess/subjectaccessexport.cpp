#include "subjectaccessexport.h"

#include "audit/auditlog.h"
#include "collectparts.h"
#include "store/store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>
#include <QSqlError>

namespace earlyhelp::subjectaccess {

using namespace Qt::StringLiterals;

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::subjectaccess::Export)
};

QJsonValue isoDate(QDate date) {
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString exportKindCode(ExportKind kind) {
    return kind == ExportKind::Json ? u"subject-access-json"_s : u"subject-access-pdf"_s;
}

QList<Item> disclosedItems(const Collection& collection, const Review& review) {
    QList<Item> disclosed;
    for (const Item& item : collection.items) {
        if (!isWithheld(review, item.id))
            disclosed += item;
    }
    return disclosed;
}

QList<WithheldGroup> withheldGroups(const Collection& collection, const Review& review) {
    QList<WithheldGroup> groups;
    for (WithholdReason reason : allWithholdReasons()) {
        // Groups of this reason, in order of their first item.
        QList<WithheldGroup> ofReason;
        for (const Item& item : collection.items) {
            const auto decision = review.constFind(item.id);
            if (decision == review.constEnd() || !decision->withhold || decision->reason != reason)
                continue;
            const QString explanation = reason == WithholdReason::Other ? decision->note.trimmed() : QString();
            auto group = std::ranges::find_if(
                ofReason, [&explanation](const WithheldGroup& each) { return each.explanation == explanation; });
            if (group == ofReason.end()) {
                ofReason += WithheldGroup{reason, explanation, {}};
                group = ofReason.end() - 1;
            }
            group->items += item;
        }
        groups += ofReason;
    }
    return groups;
}

QJsonObject exportJson(const Collection& collection, const Review& review, const ExportInfo& info) {
    QJsonArray items;
    for (const Item& item : disclosedItems(collection, review)) {
        QJsonObject entry{
            {u"id"_s, item.id},
            {u"section"_s, sectionCode(item.section)},
            {u"sectionTitle"_s, sectionLabel(item.section)},
            {u"date"_s, isoDate(item.date)},
            {u"title"_s, item.title},
            {u"text"_s, item.text},
        };
        if (item.deleted) {
            entry.insert(u"deleted"_s, true);
            entry.insert(u"deletedOn"_s, isoDate(item.deletedOn));
            entry.insert(u"restorableUntil"_s, isoDate(item.restorableUntil));
        }
        items.append(entry);
    }

    QJsonArray withheld;
    for (const WithheldGroup& group : withheldGroups(collection, review)) {
        QJsonArray groupItems;
        for (const Item& item : group.items) {
            groupItems.append(QJsonObject{
                {u"section"_s, sectionCode(item.section)},
                {u"title"_s, item.title},
                {u"date"_s, isoDate(item.date)},
            });
        }
        QJsonObject entry{
            {u"reason"_s, withholdReasonCode(group.reason)},
            {u"reasonTitle"_s, withholdReasonLabel(group.reason)},
            {u"count"_s, groupItems.size()},
            {u"items"_s, groupItems},
        };
        if (!group.explanation.isEmpty())
            entry.insert(u"explanation"_s, group.explanation);
        withheld.append(entry);
    }

    return QJsonObject{
        {u"person"_s,
         QJsonObject{
             {u"id"_s, collection.personId},
             {u"name"_s, collection.personName},
             {u"dateOfBirth"_s, isoDate(collection.dateOfBirth)},
         }},
        {u"generatedAt"_s, info.generatedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"generatedBy"_s, info.generatedBy},
        {u"organisation"_s,
         QJsonObject{
             {u"id"_s, collection.organisationId},
             {u"name"_s, collection.organisationName},
         }},
        {u"items"_s, items},
        {u"withheld"_s, withheld},
    };
}

namespace {

// Writes content to path with mode 0600, replacing any file there only
// once the whole content is written.
Status saveFile(const QString& path, const QByteArray& content) {
    const QString nativePath = QDir::toNativeSeparators(path);
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return makeError(ErrorCode::Io, Text::tr("The export file %1 could not be created (%2). Check that the "
                                                 "folder %3 exists and that your account may write to it.")
                                            .arg(nativePath, file.errorString(), folder));
    }
    if (file.write(content) != content.size() || !file.commit()) {
        const bool full = file.error() == QFileDevice::ResourceError;
        return makeError(full ? ErrorCode::DiskFull : ErrorCode::Io,
                         Text::tr("The export file %1 could not be written (%2). Free some disk space or "
                                  "choose another folder, then export again.")
                             .arg(nativePath, file.errorString()));
    }
    return {};
}

QJsonObject auditDetails(const Collection& collection, const Review& review, ExportKind kind) {
    QJsonObject withheld;
    for (const WithheldGroup& group : withheldGroups(collection, review)) {
        const QString code = withholdReasonCode(group.reason);
        withheld.insert(code, withheld.value(code).toInt() + int(group.items.size()));
    }
    return QJsonObject{
        {u"kind"_s, exportKindCode(kind)},
        {u"items"_s, int(disclosedItems(collection, review).size())},
        {u"withheld"_s, withheld},
    };
}

} // namespace

Result<qint64> writeExport(Store& store, const access::Actor& actor, const Collection& collection,
                           const Review& review, ExportKind kind, const QString& path, const QByteArray& content) {
    if (Status allowed = authoriseSubjectAccess(actor); !allowed)
        return std::unexpected(allowed.error());
    if (Status checked = checkReview(collection, review); !checked)
        return std::unexpected(checked.error());

    QSqlDatabase database = store.database();
    if (!database.transaction())
        return std::unexpected(store.errorFromSql(database.lastError()));

    audit::NewEvent event;
    event.action = audit::Action::Export;
    event.recordType = u"person"_s;
    event.recordId = collection.personId;
    event.personId = collection.personId;
    event.details = auditDetails(collection, review, kind);
    event.user = actor.user;
    event.roleCode = actor.roleCode;
    const Result<qint64> sequence = audit::AuditLog(store).append(event);
    if (!sequence) {
        database.rollback();
        return std::unexpected(sequence.error());
    }

    if (Status saved = saveFile(path, content); !saved) {
        database.rollback();
        qCWarning(lcSubjectAccess, "Export %s of person %s failed: %s", qUtf8Printable(exportKindCode(kind)),
                  qUtf8Printable(collection.personId), qUtf8Printable(saved.error().message));
        return std::unexpected(saved.error());
    }
    if (!database.commit()) {
        const Error error = store.errorFromSql(database.lastError());
        database.rollback();
        // The file is written but the event is not: remove the file, so that
        // no export exists that the audit trail does not show.
        QFile::remove(path);
        return std::unexpected(error);
    }
    qCInfo(lcSubjectAccess, "Exported %s of person %s for %s, audit event %lld", qUtf8Printable(exportKindCode(kind)),
           qUtf8Printable(collection.personId), qUtf8Printable(actor.user), qlonglong(*sequence));
    return *sequence;
}

} // namespace earlyhelp::subjectaccess
