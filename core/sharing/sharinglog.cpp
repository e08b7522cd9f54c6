#include "sharing/sharinglog.h"

#include "audit/auditlog.h"
#include "casework/consentrepository.h"
#include "casework/datacategorycode.h"
#include "casework/sharingterms.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace earlyhelp::sharing {

namespace {

Q_LOGGING_CATEGORY(lcSharingLog, "earlyhelp.core.sharing.sharinglog", QtInfoMsg)

struct Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sharing::SharingLog)
};

Result<QSqlQuery> run(Store& store, const QString& sql, const QVariantList& binds) {
    QSqlQuery query(store.database());
    if (!query.prepare(sql))
        return std::unexpected(store.errorFromSql(query.lastError()));
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return std::unexpected(store.errorFromSql(query.lastError()));
    return query;
}

QString displayDate(const QDate& date) {
    return date.toString(u"dd/MM/yyyy"_s);
}

QStringList stringsOf(const QJsonValue& value) {
    QStringList strings;
    for (const QJsonValue& item : value.toArray()) {
        if (!item.toString().isEmpty())
            strings += item.toString();
    }
    return strings;
}

// Returns "Amara Fenwick", or an empty string when the person is not in the
// store or has no name.
Result<QString> personName(Store& store, const QString& personId) {
    Result<QSqlQuery> query =
        run(store, u"SELECT legal_forename, legal_surname FROM person WHERE id = ?"_s, {personId});
    if (!query)
        return std::unexpected(query.error());
    if (!query->next())
        return QString();
    return QStringList{query->value(0).toString(), query->value(1).toString()}.join(u' ').trimmed();
}

// Returns the families the person is or was a member of in this store.
Result<QStringList> familiesOf(Store& store, const QString& personId) {
    Result<QSqlQuery> query =
        run(store, u"SELECT DISTINCT family_id FROM family_member WHERE person_id = ? ORDER BY family_id"_s,
            {personId});
    if (!query)
        return std::unexpected(query.error());
    QStringList families;
    while (query->next())
        families += query->value(0).toString();
    return families;
}

// Returns the Share events about the person and the family-level ones of
// their families, oldest first, leaving out those an erasure blanked.
Result<QList<audit::Event>> shareEvents(Store& store, const QString& personId, const QStringList& families) {
    audit::AuditLog log(store);
    audit::Filter filter;
    filter.actions = {audit::Action::Share};
    filter.newestFirst = false;

    filter.personId = personId;
    Result<QList<audit::Event>> events = log.query(filter);
    if (!events)
        return std::unexpected(events.error());
    QList<audit::Event> found = *events;

    filter.personId.clear();
    for (const QString& familyId : families) {
        filter.familyId = familyId;
        Result<QList<audit::Event>> familyEvents = log.query(filter);
        if (!familyEvents)
            return std::unexpected(familyEvents.error());
        for (const audit::Event& event : std::as_const(*familyEvents)) {
            if (event.personId.isEmpty())
                found += event;
        }
    }

    found.removeIf([](const audit::Event& event) { return event.erasedBySequence != 0 || event.details.isEmpty(); });
    std::sort(found.begin(), found.end(),
              [](const audit::Event& a, const audit::Event& b) { return a.sequence < b.sequence; });
    return found;
}

// Returns the index in recipients of the recipient with partyType and
// organisationId, adding it when it is not there yet.
qsizetype recipientIndex(QList<RecipientShare>& recipients, const QString& partyType,
                         const QString& organisationId) {
    for (qsizetype index = 0; index < recipients.size(); ++index) {
        if (recipients.at(index).partyType == partyType && recipients.at(index).organisationId == organisationId)
            return index;
    }
    RecipientShare added;
    added.partyType = partyType;
    added.organisationId = organisationId;
    recipients += added;
    return recipients.size() - 1;
}

// Groups field ids by data category, in catalogue order. For a field whose
// category each record states (a case note's text), categoriesOf gives the
// categories it was shared under. Such a field with none is left out,
// because its category is unknown.
QList<SharedFieldGroup> groupFields(const QSet<QString>& fieldIds,
                                    const QHash<QString, QSet<DataCategory>>& categoriesOf) {
    QList<SharedFieldGroup> groups;
    for (const DataCategory category :
         {DataCategory::Personal, DataCategory::SpecialCategory, DataCategory::CriminalOffence}) {
        SharedFieldGroup group;
        group.category = category;
        for (const FieldDefinition& field : fieldCatalogue()) {
            const QString id = field.id.toString();
            if (!fieldIds.contains(id))
                continue;
            const bool inCategory = field.category.has_value() ? *field.category == category
                                                               : categoriesOf.value(id).contains(category);
            if (inCategory) {
                group.fieldIds += id;
                group.fieldLabels += fieldLabel(field);
            }
        }
        if (!group.fieldIds.isEmpty())
            groups += group;
    }
    return groups;
}

Status addConsentsAndDecisions(Store& store, RecipientShare& recipient, const QStringList& consentIds,
                               const QStringList& decisionIds) {
    ConsentRepository repository(store);
    for (const QString& id : consentIds) {
        SharingConsent entry;
        Result<Consent> consent = repository.consent(id);
        if (consent) {
            entry.consent = *consent;
            entry.found = true;
            Result<QString> name = personName(store, consent->givenByPersonId);
            if (!name)
                return std::unexpected(name.error());
            entry.givenByName = *name;
            Result<QString> subject = personName(store, consent->subjectPersonId);
            if (!subject)
                return std::unexpected(subject.error());
            entry.subjectName = *subject;
        } else if (consent.error().code == ErrorCode::NotFound) {
            entry.consent.meta.id = id;
        } else {
            return std::unexpected(consent.error());
        }
        recipient.consents += entry;
    }
    for (const QString& id : decisionIds) {
        SharingDecisionUse entry;
        Result<SharingDecision> decision = repository.sharingDecision(id);
        if (decision) {
            entry.decision = *decision;
            entry.found = true;
        } else if (decision.error().code == ErrorCode::NotFound) {
            entry.decision.meta.id = id;
        } else {
            return std::unexpected(decision.error());
        }
        recipient.decisions += entry;
    }
    return {};
}

// Sets endedOn when every consent behind the shares is withdrawn and no
// sharing decision is behind them.
void setEnd(RecipientShare& recipient) {
    if (recipient.consents.isEmpty() || !recipient.decisions.isEmpty())
        return;
    QDate latest;
    for (const SharingConsent& consent : std::as_const(recipient.consents)) {
        if (!consent.found || !consent.consent.withdrawnDate.isValid())
            return;
        latest = std::max(latest, consent.consent.withdrawnDate);
    }
    recipient.endedOn = latest;
}

Result<QList<RecipientShare>> recipientsOf(Store& store, const AgreementState& state,
                                           const QList<audit::Event>& events) {
    QList<RecipientShare> recipients;
    // Keyed by index in recipients.
    QHash<qsizetype, QSet<QString>> fieldsOf;
    QHash<qsizetype, QHash<QString, QSet<DataCategory>>> categoriesOf;
    QHash<qsizetype, QStringList> consentIdsOf;
    QHash<qsizetype, QStringList> decisionIdsOf;

    for (const audit::Event& event : events) {
        const QString partyType = event.details.value(u"recipient"_s).toString();
        if (partyType.isEmpty())
            continue;
        const qsizetype index =
            recipientIndex(recipients, partyType, event.details.value(u"recipientOrganisation"_s).toString());
        RecipientShare& recipient = recipients[index];
        const QString organisationName = event.details.value(u"recipientOrganisationName"_s).toString();
        if (!organisationName.isEmpty())
            recipient.organisationName = organisationName;

        const QString purpose = event.details.value(u"purpose"_s).toString();
        if (!purpose.isEmpty() && !recipient.purposes.contains(purpose))
            recipient.purposes += purpose;
        if (!recipient.firstShared.isValid() || event.at < recipient.firstShared)
            recipient.firstShared = event.at;
        if (!recipient.lastShared.isValid() || event.at > recipient.lastShared)
            recipient.lastShared = event.at;
        ++recipient.events;

        for (const QString& fieldId : stringsOf(event.details.value(u"fields"_s)))
            fieldsOf[index].insert(fieldId);
        const QJsonObject fieldCategories = event.details.value(u"fieldCategories"_s).toObject();
        for (auto it = fieldCategories.constBegin(); it != fieldCategories.constEnd(); ++it) {
            for (const QString& code : stringsOf(it.value())) {
                if (const std::optional<DataCategory> category = dataCategoryFromCode(code))
                    categoriesOf[index][it.key()].insert(*category);
            }
        }

        const QStringList clauseIds = stringsOf(event.details.value(u"clauses"_s));
        const QStringList lawfulBases = stringsOf(event.details.value(u"lawfulBases"_s));
        for (const QString& clauseId : clauseIds) {
            const bool known = std::any_of(recipient.clauses.cbegin(), recipient.clauses.cend(),
                                           [&](const SharingClause& clause) { return clause.clauseId == clauseId; });
            if (known)
                continue;
            SharingClause clause{clauseId, QString(), QString()};
            if (state.inForce) {
                for (const policy::Rule& rule : state.inForce->rules) {
                    if (rule.clauseId == clauseId) {
                        clause.lawfulBasis = rule.lawfulBasis;
                        clause.text = rule.text;
                    }
                }
            }
            // Without the rule, the event's one basis is the clause's when
            // the event names one clause.
            if (clause.lawfulBasis.isEmpty() && clauseIds.size() == 1 && lawfulBases.size() == 1)
                clause.lawfulBasis = lawfulBases.first();
            recipient.clauses += clause;
        }

        for (const QString& id : stringsOf(event.details.value(u"consentIds"_s))) {
            if (!consentIdsOf[index].contains(id))
                consentIdsOf[index] += id;
        }
        for (const QString& id : stringsOf(event.details.value(u"decisionIds"_s))) {
            if (!decisionIdsOf[index].contains(id))
                decisionIdsOf[index] += id;
        }
    }

    for (qsizetype index = 0; index < recipients.size(); ++index) {
        RecipientShare& recipient = recipients[index];
        recipient.fieldGroups = groupFields(fieldsOf.value(index), categoriesOf.value(index));
        if (Status added = addConsentsAndDecisions(store, recipient, consentIdsOf.value(index),
                                                   decisionIdsOf.value(index));
            !added)
            return std::unexpected(added.error());
        setEnd(recipient);
    }
    return recipients;
}

// Returns the removals of records about the person: audit Purge and Erase
// events, then the purges of sync_purge of the person's own record or of
// one of their families that no event covers. The reason comes from
// sync_purge.
Result<QList<SharingRemoval>> removalsOf(Store& store, const QString& personId, const QStringList& families) {
    QHash<QString, std::pair<QString, QDateTime>> purgeRows; // record id → reason, time
    {
        QString sql = u"SELECT record_id, reason, purged_at FROM sync_purge WHERE record_id = ?"_s;
        QVariantList binds{personId};
        for (const QString& familyId : families) {
            sql += u" OR family_id = ?"_s;
            binds += familyId;
        }
        Result<QSqlQuery> query = run(store, sql % u" ORDER BY id"_s, binds);
        if (!query)
            return std::unexpected(query.error());
        while (query->next()) {
            purgeRows.insert(query->value(0).toString(),
                             {query->value(1).toString(),
                              QDateTime::fromString(query->value(2).toString(), Qt::ISODateWithMs)});
        }
    }

    audit::Filter filter;
    filter.personId = personId;
    filter.actions = {audit::Action::Purge, audit::Action::Erase};
    filter.newestFirst = false;
    Result<QList<audit::Event>> events = audit::AuditLog(store).query(filter);
    if (!events)
        return std::unexpected(events.error());

    QList<SharingRemoval> removals;
    QSet<QString> covered;
    for (const audit::Event& event : std::as_const(*events)) {
        SharingRemoval removal{event.at, event.actionCode, event.recordType, event.recordId, QString()};
        removal.reason = purgeRows.value(event.recordId).first;
        covered.insert(event.recordId);
        removals += removal;
    }

    Result<QSqlQuery> rows = run(store,
                                 u"SELECT record_type, record_id, reason, purged_at FROM sync_purge "
                                 "WHERE record_id = ? OR (record_type = 'family' AND record_id IN "
                                 "(SELECT value FROM json_each(?))) ORDER BY id"_s,
                                 {personId, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(families))
                                                                  .toJson(QJsonDocument::Compact))});
    if (!rows)
        return std::unexpected(rows.error());
    while (rows->next()) {
        const QString recordId = rows->value(1).toString();
        if (covered.contains(recordId))
            continue;
        covered.insert(recordId);
        removals += SharingRemoval{QDateTime::fromString(rows->value(3).toString(), Qt::ISODateWithMs),
                                   audit::actionCode(audit::Action::Purge), rows->value(0).toString(), recordId,
                                   rows->value(2).toString()};
    }
    std::stable_sort(removals.begin(), removals.end(),
                     [](const SharingRemoval& a, const SharingRemoval& b) { return a.at < b.at; });
    return removals;
}

// Returns the organisations other than this store's own whose records about
// the person this store holds, deleted ones included.
Result<QList<HeldFromOrganisation>> heldFromOthers(Store& store, const QString& personId) {
    Result<QSqlQuery> query =
        run(store,
            u"SELECT o.id, o.name, o.party_type, MIN(held.created_at), COUNT(*) FROM ("
            "SELECT org_id, created_at FROM person WHERE id = ?1 "
            "UNION ALL SELECT org_id, created_at FROM address WHERE person_id = ?1 "
            "UNION ALL SELECT org_id, created_at FROM contact WHERE person_id = ?1 "
            "UNION ALL SELECT org_id, created_at FROM relationship WHERE child_id = ?1 OR adult_id = ?1 "
            "UNION ALL SELECT org_id, created_at FROM case_note WHERE person_id = ?1) AS held "
            "JOIN organisation o ON o.id = held.org_id WHERE o.is_local = 0 "
            "GROUP BY o.id ORDER BY MIN(held.created_at), o.name"_s,
            {personId});
    if (!query)
        return std::unexpected(query.error());
    QList<HeldFromOrganisation> held;
    while (query->next()) {
        held += HeldFromOrganisation{query->value(0).toString(), query->value(1).toString(),
                                     query->value(2).toString(),
                                     QDateTime::fromString(query->value(3).toString(), Qt::ISODateWithMs),
                                     query->value(4).toInt()};
    }
    return held;
}

QDateTime storedTime(const QVariant& value) {
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

// Returns the details of the person's transfer events of action by package
// id, leaving out those an erasure blanked.
Result<QHash<QString, QJsonObject>> transferDetails(Store& store, const QString& personId,
                                                    audit::Action action) {
    audit::Filter filter;
    filter.personId = personId;
    filter.actions = {action};
    filter.newestFirst = false;
    Result<QList<audit::Event>> events = audit::AuditLog(store).query(filter);
    if (!events)
        return std::unexpected(events.error());
    QHash<QString, QJsonObject> details;
    for (const audit::Event& event : std::as_const(*events)) {
        const QString packageId = event.details.value(u"packageId"_s).toString();
        if (event.erasedBySequence == 0 && !packageId.isEmpty())
            details.insert(packageId, event.details);
    }
    return details;
}

// Returns the safeguarding files about the person that this store sent and
// received, from the safeguarding_transfer table, with the package contents
// their send or import event records. An event written before the events
// had recordCounts gives the total only.
Result<std::pair<QList<SchoolTransfer>, QList<SchoolTransfer>>> transfersOf(Store& store,
                                                                            const QString& personId) {
    Result<QHash<QString, QJsonObject>> sendDetails =
        transferDetails(store, personId, audit::Action::TransferSend);
    if (!sendDetails)
        return std::unexpected(sendDetails.error());
    Result<QHash<QString, QJsonObject>> importDetails =
        transferDetails(store, personId, audit::Action::TransferReceive);
    if (!importDetails)
        return std::unexpected(importDetails.error());

    Result<QSqlQuery> query = run(store,
                                  u"SELECT package_id, direction, other_school_name, other_school_urn, "
                                  "transferred_at, receipt_at, confirmed_at FROM safeguarding_transfer "
                                  "WHERE person_id = ? ORDER BY transferred_at, package_id"_s,
                                  {personId});
    if (!query)
        return std::unexpected(query.error());
    std::pair<QList<SchoolTransfer>, QList<SchoolTransfer>> transfers;
    while (query->next()) {
        SchoolTransfer transfer;
        transfer.packageId = query->value(0).toString();
        const bool sent = query->value(1).toString() == u"sent"_s;
        transfer.schoolName = query->value(2).toString();
        transfer.schoolUrn = query->value(3).toString();
        transfer.transferredAt = storedTime(query->value(4));
        transfer.receiptAt = storedTime(query->value(5));
        transfer.confirmedAt = storedTime(query->value(6));

        const QHash<QString, QJsonObject>& detailsByPackage = sent ? *sendDetails : *importDetails;
        const auto details = detailsByPackage.constFind(transfer.packageId);
        if (details != detailsByPackage.cend()) {
            transfer.recordTotal = details->value(u"records"_s).toInt(-1);
            const QJsonObject counts = details->value(u"recordCounts"_s).toObject();
            for (auto table = counts.constBegin(); table != counts.constEnd(); ++table)
                transfer.recordCounts.insert(table.key(), table.value().toInt());
        }
        if (sent) {
            // A sent file's row has no receipt time until its receipt is recorded.
            if (!transfer.confirmedAt.isValid())
                transfer.receiptAt = QDateTime();
            transfers.first += transfer;
        } else {
            // The receipt time of an imported file is its own import time.
            transfer.receiptAt = QDateTime();
            transfers.second += transfer;
        }
    }
    return transfers;
}

QString lowerFirst(const QString& text) {
    if (text.size() > 1 && text.at(1).isLower())
        return text.at(0).toLower() + text.mid(1);
    return text;
}

QString localDate(const QDateTime& utc) {
    return displayDate(utc.toLocalTime().date());
}

// "safeguarding and social care"
QString purposeList(const QStringList& purposes) {
    QStringList labels;
    for (const QString& purpose : purposes)
        labels += lowerFirst(sharingPurposeLabel(purpose));
    if (labels.size() <= 1)
        return labels.join(QString());
    const QString last = labels.takeLast();
    return Text::tr("%1 and %2").arg(labels.join(u", "_s), last);
}

QString basisSentence(const RecipientShare& recipient, const QString& personId) {
    QStringList parts;
    for (const SharingConsent& consent : recipient.consents) {
        if (!consent.found) {
            parts += Text::tr("with a consent no longer held in this store");
            continue;
        }
        const QString givenBy = consent.givenByName.isEmpty() ? Text::tr("a person no longer in this store")
                                                              : consent.givenByName;
        // A consent about another member, such as a sibling, covered only
        // what the family shares, and the log must not read as this
        // person's own consent.
        if (consent.consent.subjectPersonId != personId) {
            const QString subject =
                consent.subjectName.isEmpty() ? Text::tr("another family member") : consent.subjectName;
            parts += Text::tr("with consent about %1 given by %2 on %3")
                         .arg(subject, givenBy, displayDate(consent.consent.givenDate));
            continue;
        }
        parts += Text::tr("with consent given by %1 on %2").arg(givenBy, displayDate(consent.consent.givenDate));
    }
    for (const SharingDecisionUse& decision : recipient.decisions) {
        if (!decision.found) {
            parts += Text::tr("without consent, under a sharing decision no longer held in this store");
            continue;
        }
        parts += Text::tr("without consent, under the sharing decision of %1 by %2")
                     .arg(displayDate(decision.decision.date), decision.decision.decidedBy);
    }
    return parts.join(u", "_s);
}

// "Oak Primary School (URN 123456)", or "the school with URN 123456" before
// the school's name is known.
QString schoolText(const SchoolTransfer& transfer) {
    if (transfer.schoolName.isEmpty())
        return Text::tr("the school with URN %1").arg(transfer.schoolUrn);
    return Text::tr("%1 (URN %2)").arg(transfer.schoolName, transfer.schoolUrn);
}

QString transfersSentence(const SharingLog& log) {
    QStringList sent;
    for (const SchoolTransfer& transfer : log.sentFiles) {
        if (transfer.confirmedAt.isValid())
            sent += Text::tr("to %1 on %2, receipt confirmed on %3")
                        .arg(schoolText(transfer), localDate(transfer.transferredAt),
                             localDate(transfer.confirmedAt));
        else
            sent += Text::tr("to %1 on %2, receipt not yet confirmed")
                        .arg(schoolText(transfer), localDate(transfer.transferredAt));
    }
    QStringList received;
    for (const SchoolTransfer& transfer : log.receivedFiles)
        received += Text::tr("from %1 on %2").arg(schoolText(transfer), localDate(transfer.transferredAt));

    QStringList sentences;
    if (!sent.isEmpty())
        sentences += Text::tr("The safeguarding file was sent to another school %n time(s): %1.", nullptr,
                              int(sent.size()))
                         .arg(sent.join(u"; "_s));
    if (!received.isEmpty())
        sentences += Text::tr("%n safeguarding file(s) from another school were imported: %1.", nullptr,
                              int(received.size()))
                         .arg(received.join(u"; "_s));
    return sentences.join(u' ');
}

} // namespace

QString recipientName(const RecipientShare& recipient) {
    if (!recipient.organisationName.isEmpty())
        return recipient.organisationName;
    return Text::tr("any %1 organisation").arg(lowerFirst(sharingPartyTypeLabel(recipient.partyType)));
}

Result<SharingLog> buildSharingLog(Store& store, const access::Actor& actor, const AgreementState& state,
                                   const QString& personId) {
    if (Status allowed = access::authorise(actor, access::Action::ViewCases); !allowed)
        return std::unexpected(allowed.error());

    SharingLog log;
    log.personId = personId;
    Result<QString> name = personName(store, personId);
    if (!name)
        return std::unexpected(name.error());
    log.personName = *name;

    Result<QStringList> families = familiesOf(store, personId);
    if (!families)
        return std::unexpected(families.error());
    Result<QList<audit::Event>> events = shareEvents(store, personId, *families);
    if (!events)
        return std::unexpected(events.error());
    Result<QList<RecipientShare>> recipients = recipientsOf(store, state, *events);
    if (!recipients)
        return std::unexpected(recipients.error());
    log.recipients = *recipients;

    Result<QList<SharingRemoval>> removals = removalsOf(store, personId, *families);
    if (!removals)
        return std::unexpected(removals.error());
    log.removals = *removals;

    Result<QList<HeldFromOrganisation>> held = heldFromOthers(store, personId);
    if (!held)
        return std::unexpected(held.error());
    log.heldFrom = *held;

    Result<std::pair<QList<SchoolTransfer>, QList<SchoolTransfer>>> transfers = transfersOf(store, personId);
    if (!transfers)
        return std::unexpected(transfers.error());
    log.sentFiles = transfers->first;
    log.receivedFiles = transfers->second;

    qCDebug(
        lcSharingLog,
        "Built the sharing log of person %s: %lld recipients, %lld removals, %lld files sent, %lld received",
        qUtf8Printable(personId), qlonglong(log.recipients.size()), qlonglong(log.removals.size()),
        qlonglong(log.sentFiles.size()), qlonglong(log.receivedFiles.size()));
    return log;
}

Status recordSharingLogView(Store& store, const QString& personId) {
    audit::NewEvent event;
    event.action = audit::Action::View;
    event.recordType = u"person"_s;
    event.recordId = personId;
    event.personId = personId;
    event.details = QJsonObject{{u"view"_s, u"sharing-log"_s}};
    Result<qint64> appended = audit::AuditLog(store).append(event);
    if (!appended)
        return std::unexpected(appended.error());
    return {};
}

QString sharingSummary(const SharingLog& log) {
    QStringList sentences;
    for (const RecipientShare& recipient : log.recipients) {
        QString sentence;
        if (recipient.endedOn.isValid()) {
            sentence = Text::tr("Shared with %1 from %2 to %3 for %4")
                           .arg(recipientName(recipient), localDate(recipient.firstShared),
                                displayDate(recipient.endedOn), purposeList(recipient.purposes));
        } else {
            sentence = Text::tr("Shared with %1 since %2 for %3")
                           .arg(recipientName(recipient), localDate(recipient.firstShared),
                                purposeList(recipient.purposes));
        }
        const QString basis = basisSentence(recipient, log.personId);
        if (!basis.isEmpty())
            sentence += u", "_s % basis;
        sentence += u'.';
        if (recipient.endedOn.isValid())
            sentence += u' ' % Text::tr("The consent was withdrawn on %1, so sharing ended and the recipient "
                                        "must delete the information.")
                                   .arg(displayDate(recipient.endedOn));
        sentences += sentence;
    }
    if (const QString transfers = transfersSentence(log); !transfers.isEmpty())
        sentences += transfers;
    for (const HeldFromOrganisation& held : log.heldFrom) {
        sentences += Text::tr("This store holds %n record(s) from %1 since %2.", nullptr, held.records)
                         .arg(held.organisationName, localDate(held.since));
    }
    if (!log.removals.isEmpty()) {
        sentences += Text::tr("%n record(s) about this person were removed from this store, the last on %1.",
                              nullptr, int(log.removals.size()))
                         .arg(localDate(log.removals.last().at));
    }
    if (sentences.isEmpty())
        return Text::tr("This store has no record of sharing this person's information with another "
                        "organisation, and holds none of it from another organisation.");
    return sentences.join(u' ');
}

} // namespace earlyhelp::sharing
