#include "consentrepository.h"

#include "datacategorycode.h"
#include "recordmapping.h"
#include "sharingterms.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace earlyhelp {

using namespace casework;

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::Casework", text);
}

Status invalid(const QString& message) {
    return makeError(ErrorCode::InvalidInput, message);
}

QString jsonText(const QJsonArray& array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray jsonArray(const QVariant& value) {
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

QStringView capacityCode(ConsentCapacity capacity) {
    return capacity == ConsentCapacity::CompetentYoungPerson ? u"competent_young_person"
                                                             : u"parental_responsibility";
}

QStringView methodCode(ConsentMethod method) {
    switch (method) {
    case ConsentMethod::Written:
        return u"written";
    case ConsentMethod::Verbal:
        return u"verbal";
    case ConsentMethod::Electronic:
        return u"electronic";
    }
    return u"written";
}

ConsentMethod methodFromCode(QStringView code) {
    if (code == u"verbal")
        return ConsentMethod::Verbal;
    if (code == u"electronic")
        return ConsentMethod::Electronic;
    return ConsentMethod::Written;
}

const RecordMapping<Consent>& consentMapping() {
    static const RecordMapping<Consent> mapping{
        QStringLiteral("consent"),
        {QStringLiteral("family_id"), QStringLiteral("subject_person_id"),
         QStringLiteral("given_by_person_id"), QStringLiteral("giver_capacity"), QStringLiteral("purposes"),
         QStringLiteral("recipients"), QStringLiteral("data_categories"), QStringLiteral("method"),
         QStringLiteral("given_date"), QStringLiteral("review_date"), QStringLiteral("withdrawn_date"),
         QStringLiteral("withdrawn_by")},
        tr("consent"),
        CaseworkRecord::Consent,
        [](const Consent& consent) -> QVariantList {
            QJsonArray recipients;
            for (const ConsentRecipient& recipient : consent.recipients) {
                const QString kind = recipient.kind == ConsentRecipient::Kind::PartyType
                                         ? QStringLiteral("party_type")
                                         : QStringLiteral("organisation");
                recipients.append(
                    QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("value"), recipient.value}});
            }
            QJsonArray categories;
            for (const DataCategory category : consent.dataCategories)
                categories.append(dataCategoryCode(category).toString());
            return {optionalText(consent.familyId),
                    consent.subjectPersonId,
                    consent.givenByPersonId,
                    capacityCode(consent.capacity).toString(),
                    jsonText(QJsonArray::fromStringList(consent.purposes)),
                    jsonText(recipients),
                    jsonText(categories),
                    methodCode(consent.method).toString(),
                    dateValue(consent.givenDate),
                    dateValue(consent.reviewDate),
                    dateValue(consent.withdrawnDate),
                    consent.withdrawnBy.trimmed()};
        },
        [](const Row& row) {
            Consent consent;
            consent.meta = row.meta;
            consent.familyId = row.values.at(0).toString();
            consent.subjectPersonId = row.values.at(1).toString();
            consent.givenByPersonId = row.values.at(2).toString();
            consent.capacity = row.values.at(3).toString() == u"competent_young_person"
                                   ? ConsentCapacity::CompetentYoungPerson
                                   : ConsentCapacity::ParentalResponsibility;
            for (const QJsonValue& purpose : jsonArray(row.values.at(4)))
                consent.purposes += purpose.toString();
            for (const QJsonValue& value : jsonArray(row.values.at(5))) {
                const QJsonObject object = value.toObject();
                const bool partyType = object.value(QStringLiteral("kind")).toString() == u"party_type";
                consent.recipients += ConsentRecipient{partyType ? ConsentRecipient::Kind::PartyType
                                                                 : ConsentRecipient::Kind::Organisation,
                                                       object.value(QStringLiteral("value")).toString()};
            }
            for (const QJsonValue& value : jsonArray(row.values.at(6))) {
                if (const auto category = dataCategoryFromCode(value.toString()))
                    consent.dataCategories += *category;
            }
            consent.method = methodFromCode(row.values.at(7).toString());
            consent.givenDate = dateFromValue(row.values.at(8));
            consent.reviewDate = dateFromValue(row.values.at(9));
            consent.withdrawnDate = dateFromValue(row.values.at(10));
            consent.withdrawnBy = row.values.at(11).toString();
            return consent;
        },
        [](Store&, const Consent& consent, QDate today) -> Status {
            if (consent.subjectPersonId.isEmpty())
                return invalid(tr("The consent names nobody it is for. Choose the person it covers."));
            if (consent.givenByPersonId.isEmpty())
                return invalid(tr("The consent names nobody who gave it. Choose the person who consented."));
            if (consent.capacity == ConsentCapacity::CompetentYoungPerson &&
                consent.givenByPersonId != consent.subjectPersonId) {
                return invalid(tr("A competent young person consents only for themselves, but the consent "
                                  "was given by %1 for %2. Choose a person with parental responsibility, or "
                                  "record the young person as giving it.")
                                   .arg(consent.givenByPersonId, consent.subjectPersonId));
            }
            const bool purposeGiven = std::ranges::any_of(
                consent.purposes, [](const QString& purpose) { return !purpose.trimmed().isEmpty(); });
            if (!purposeGiven)
                return invalid(
                    tr("The consent has no purpose. Enter what the information may be shared for."));
            if (consent.recipients.isEmpty())
                return invalid(tr("The consent has no recipient. Choose the organisations or kinds of "
                                  "organisation it may be shared with."));
            for (const ConsentRecipient& recipient : consent.recipients) {
                if (recipient.value.trimmed().isEmpty())
                    return invalid(tr("A recipient of the consent is blank. Choose an organisation or a kind "
                                      "of organisation."));
            }
            if (consent.dataCategories.isEmpty())
                return invalid(
                    tr("The consent covers no data category. Choose the kinds of data it covers."));
            if (!consent.givenDate.isValid())
                return invalid(tr("The date the consent was given is missing. Enter that date."));
            if (consent.givenDate > today) {
                return invalid(tr("The date the consent was given, %1, is in the future. Enter today's date "
                                  "or an earlier one.")
                                   .arg(dateForScreen(consent.givenDate)));
            }
            if (consent.reviewDate.isValid() && consent.reviewDate <= consent.givenDate) {
                return invalid(
                    tr("The review date of the consent, %1, is not after the date it was given, %2. "
                       "Enter a later review date.")
                        .arg(dateForScreen(consent.reviewDate), dateForScreen(consent.givenDate)));
            }
            if (consent.withdrawnDate.isValid()) {
                if (consent.withdrawnDate < consent.givenDate) {
                    return invalid(
                        tr("The consent is withdrawn on %1, before it was given on %2. Enter %2 or "
                           "a later date.")
                            .arg(dateForScreen(consent.withdrawnDate), dateForScreen(consent.givenDate)));
                }
                if (consent.withdrawnDate > today) {
                    return invalid(
                        tr("The date the consent was withdrawn, %1, is in the future. Enter today's "
                           "date or an earlier one.")
                            .arg(dateForScreen(consent.withdrawnDate)));
                }
                if (consent.withdrawnBy.trimmed().isEmpty())
                    return invalid(tr("Who withdrew the consent is missing. Enter their name."));
            }
            return {};
        },
    };
    return mapping;
}

// A decision covers one recipient party type and one purpose, each one of
// the codes of sharingterms.h.
Status checkDecisionCoverage(const SharingDecision& decision) {
    const QString partyType = decision.recipientPartyType.trimmed();
    if (partyType.isEmpty())
        return invalid(tr("The sharing decision names no recipient. Choose the kind of organisation it "
                          "allows sharing with, one of: %1.")
                           .arg(sharingPartyTypeCodes().join(u", ")));
    if (!sharingPartyTypeCodes().contains(partyType))
        return invalid(tr("The recipient \"%1\" of the sharing decision is not a party type of the "
                          "agreement. Choose one of: %2.")
                           .arg(partyType, sharingPartyTypeCodes().join(u", ")));
    const QString purpose = decision.purpose.trimmed();
    if (purpose.isEmpty())
        return invalid(tr("The sharing decision names no purpose. Choose what the information is shared "
                          "for, one of: %1.")
                           .arg(sharingPurposeCodes().join(u", ")));
    if (!sharingPurposeCodes().contains(purpose))
        return invalid(tr("The purpose \"%1\" of the sharing decision is not a purpose of the agreement. "
                          "Choose one of: %2.")
                           .arg(purpose, sharingPurposeCodes().join(u", ")));
    return {};
}

const RecordMapping<SharingDecision>& decisionMapping() {
    static const RecordMapping<SharingDecision> mapping{
        QStringLiteral("sharing_decision"),
        {QStringLiteral("family_id"), QStringLiteral("person_id"), QStringLiteral("lawful_basis"),
         QStringLiteral("condition"), QStringLiteral("justification"), QStringLiteral("decided_by"),
         QStringLiteral("decision_date"), QStringLiteral("recipient_party_type"), QStringLiteral("purpose")},
        tr("sharing decision"),
        CaseworkRecord::SharingDecision,
        [](const SharingDecision& decision) -> QVariantList {
            return {optionalText(decision.familyId),  optionalText(decision.personId),
                    decision.lawfulBasis.trimmed(),   decision.condition.trimmed(),
                    decision.justification.trimmed(), decision.decidedBy.trimmed(),
                    dateValue(decision.date),         decision.recipientPartyType.trimmed(),
                    decision.purpose.trimmed()};
        },
        [](const Row& row) {
            SharingDecision decision;
            decision.meta = row.meta;
            decision.familyId = row.values.at(0).toString();
            decision.personId = row.values.at(1).toString();
            decision.lawfulBasis = row.values.at(2).toString();
            decision.condition = row.values.at(3).toString();
            decision.justification = row.values.at(4).toString();
            decision.decidedBy = row.values.at(5).toString();
            decision.date = dateFromValue(row.values.at(6));
            decision.recipientPartyType = row.values.at(7).toString();
            decision.purpose = row.values.at(8).toString();
            return decision;
        },
        [](Store&, const SharingDecision& decision, QDate today) -> Status {
            if (decision.familyId.isEmpty() && decision.personId.isEmpty())
                return invalid(tr("The sharing decision names no family or person. Choose whose information "
                                  "is shared."));
            if (const Status coverage = checkDecisionCoverage(decision); !coverage)
                return coverage;
            if (decision.lawfulBasis.trimmed().isEmpty())
                return invalid(
                    tr("The lawful basis for sharing is missing. Enter the UK GDPR Article 6 basis."));
            if (decision.justification.trimmed().isEmpty())
                return invalid(tr("The justification for sharing without consent is missing. Enter why "
                                  "sharing is necessary and proportionate."));
            if (decision.decidedBy.trimmed().isEmpty())
                return invalid(tr("Who decided to share is missing. Enter their name."));
            if (!decision.date.isValid())
                return invalid(
                    tr("The date of the sharing decision is missing. Enter the date it was made."));
            if (decision.date > today) {
                return invalid(
                    tr("The date of the sharing decision, %1, is in the future. Enter today's date "
                       "or an earlier one.")
                        .arg(dateForScreen(decision.date)));
            }
            return {};
        },
    };
    return mapping;
}

} // namespace

ConsentRepository::ConsentRepository(Store& store, CaseworkOptions options)
    : m_store(store)
    , m_options(withDefaults(std::move(options))) {}

Result<Consent> ConsentRepository::createConsent(const Actor& actor, const Consent& consent) {
    return createRecord(m_store, m_options, consentMapping(), actor, consent);
}

Result<Consent> ConsentRepository::updateConsent(const Actor& actor, const Consent& consent) {
    return updateRecord(m_store, m_options, consentMapping(), actor, consent);
}

Result<Consent> ConsentRepository::withdrawConsent(const Actor& actor, const QString& id, QDate date,
                                                   const QString& withdrawnBy) {
    Result<Consent> current = consent(id);
    if (!current)
        return current;
    if (current->withdrawnDate.isValid()) {
        return makeError(
            ErrorCode::InvalidInput,
            tr("This consent was already withdrawn on %1, so there is nothing to withdraw. Close the form "
               "to see the consent as it is now.")
                .arg(dateForScreen(current->withdrawnDate)));
    }
    if (!date.isValid())
        return makeError(ErrorCode::InvalidInput,
                         tr("The date the consent was withdrawn is missing. Enter that date."));
    Consent withdrawn = *current;
    withdrawn.withdrawnDate = date;
    withdrawn.withdrawnBy = withdrawnBy;
    return updateConsent(actor, withdrawn);
}

Result<Consent> ConsentRepository::consent(const QString& id) const {
    return getRecord(m_store, consentMapping(), id, m_options.includeDeleted);
}

Result<QList<Consent>> ConsentRepository::consentsForPerson(const QString& personId) const {
    return listRecords(m_store, consentMapping(), QStringLiteral("subject_person_id = ?"), {personId},
                       QStringLiteral("given_date DESC, created_at DESC"), m_options.includeDeleted);
}

Status ConsentRepository::removeConsent(const Actor& actor, const QString& id) {
    return removeRecord(m_store, m_options, consentMapping(), actor, id);
}

Status ConsentRepository::restoreConsent(const Actor& actor, const QString& id) {
    return restoreRecord(m_store, m_options, consentMapping(), actor, id);
}

Result<SharingDecision> ConsentRepository::createSharingDecision(const Actor& actor,
                                                                 const SharingDecision& decision) {
    return createRecord(m_store, m_options, decisionMapping(), actor, decision);
}

Result<SharingDecision> ConsentRepository::updateSharingDecision(const Actor& actor,
                                                                 const SharingDecision& decision) {
    return updateRecord(m_store, m_options, decisionMapping(), actor, decision);
}

Result<SharingDecision> ConsentRepository::sharingDecision(const QString& id) const {
    return getRecord(m_store, decisionMapping(), id, m_options.includeDeleted);
}

Result<QList<SharingDecision>> ConsentRepository::sharingDecisionsForFamily(const QString& familyId) const {
    return listRecords(m_store, decisionMapping(), QStringLiteral("family_id = ?"), {familyId},
                       QStringLiteral("decision_date DESC, created_at DESC"), m_options.includeDeleted);
}

Status ConsentRepository::removeSharingDecision(const Actor& actor, const QString& id) {
    return removeRecord(m_store, m_options, decisionMapping(), actor, id);
}

Status ConsentRepository::restoreSharingDecision(const Actor& actor, const QString& id) {
    return restoreRecord(m_store, m_options, decisionMapping(), actor, id);
}

} // namespace earlyhelp
