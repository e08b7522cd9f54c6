#pragma once

// Random agreements, consents, sharing decisions and requests for the
// property tests of core/policy. A Generator built from the same seed returns
// the same sequence, so a failing seed replays.

#include "policy/policy.h"

#include <QRandomGenerator>
#include <QStringList>

namespace earlyhelp::policy::testing {

inline const QStringList partyTypeCodes = {QStringLiteral("school"), QStringLiteral("childrens_trust"),
                                           QStringLiteral("health"), QStringLiteral("local_authority"),
                                           QStringLiteral("police"), QStringLiteral("voluntary_sector")};
inline const QStringList purposeCodes = {QStringLiteral("safeguarding"), QStringLiteral("social_care"),
                                         QStringLiteral("health_services")};
inline const QList<DataCategory> allCategories = {DataCategory::Personal, DataCategory::SpecialCategory,
                                                  DataCategory::CriminalOffence};
// Fields of each category, plus ids the catalogue does not contain.
inline const QStringList fieldIds = {QStringLiteral("person.legalSurname"),
                                     QStringLiteral("person.ethnicity"),
                                     QStringLiteral("person.healthNotes"),
                                     QStringLiteral("caseNote.text"),
                                     QStringLiteral("family.statusDate"),
                                     QStringLiteral("person.shoeSize"),
                                     QString()};
inline const QStringList conditionCodes = {
    QString(), QStringLiteral("art9_2_g_sch1_para18"), QStringLiteral("art9_2_h_sch1_para2"),
    QStringLiteral("s10_5_sch1_para18"), QStringLiteral("s10_5_sch1_para2")};
inline const QStringList people = {QStringLiteral("p1"), QStringLiteral("p2"), QString()};
inline const QStringList families = {QStringLiteral("f1"), QStringLiteral("f2"), QString()};
inline const QStringList organisations = {QStringLiteral("o1"), QStringLiteral("o2"), QString()};
inline const QDate today(2026, 6, 1);

class Generator {
public:
    explicit Generator(quint32 seed)
        : m_random(seed) {}

    template <typename T> const T& pick(const QList<T>& items) {
        return items.at(m_random.bounded(static_cast<int>(items.size())));
    }
    bool chance(int percent) { return m_random.bounded(100) < percent; }
    int number(int lowest, int highest) { return m_random.bounded(lowest, highest + 1); }
    QDate dateNear() { return today.addDays(m_random.bounded(-40, 41)); }
    QDate maybeDate(int percent) { return chance(percent) ? dateNear() : QDate(); }

    Agreement agreement() {
        Agreement agreement;
        agreement.version = 1;
        for (const QString& code : partyTypeCodes) {
            if (chance(85))
                agreement.partyTypes.append(PartyType{code, code, {}});
        }
        for (const QString& code : purposeCodes) {
            if (chance(85))
                agreement.purposes.append(Purpose{code, code});
        }
        for (const DataCategory category : allCategories) {
            if (chance(90))
                agreement.categories.append(Category{{}, category, QStringLiteral("category")});
        }
        int clause = 0;
        for (const Purpose& purpose : std::as_const(agreement.purposes)) {
            for (const PartyType& partyType : std::as_const(agreement.partyTypes)) {
                for (const Category& category : std::as_const(agreement.categories)) {
                    if (!chance(60))
                        continue;
                    Rule rule;
                    rule.clauseId = QStringLiteral("R-%1").arg(++clause);
                    rule.purpose = purpose.code;
                    rule.recipientPartyType = partyType.code;
                    rule.category = category.category;
                    rule.basis = static_cast<ConsentBasis>(m_random.bounded(4));
                    rule.lawfulBasis = QStringLiteral("art6_1_e");
                    if (category.category != DataCategory::Personal)
                        rule.condition = pick(conditionCodes.mid(1));
                    agreement.rules.append(rule);
                }
            }
        }
        return agreement;
    }

    Consent consent() {
        Consent consent;
        consent.meta.id = QStringLiteral("c%1").arg(m_random.generate());
        consent.meta.deleted = chance(10);
        consent.familyId = pick(families);
        consent.subjectPersonId = pick(people);
        for (const QString& code : purposeCodes) {
            if (chance(50))
                consent.purposes.append(code);
        }
        const int recipientCount = m_random.bounded(3);
        for (int i = 0; i < recipientCount; ++i) {
            if (chance(70))
                consent.recipients.append({ConsentRecipient::Kind::PartyType, pick(partyTypeCodes)});
            else
                consent.recipients.append({ConsentRecipient::Kind::Organisation, pick(organisations)});
        }
        for (const DataCategory category : allCategories) {
            if (chance(50))
                consent.dataCategories.append(category);
        }
        consent.givenDate = maybeDate(95);
        consent.reviewDate = maybeDate(60);
        consent.withdrawnDate = maybeDate(20);
        return consent;
    }

    // A decision whose recipient party type and purpose are often those of
    // request, so that matching decisions are common, and otherwise random
    // codes or empty, as in a decision stored before schema version 4.
    SharingDecision decision(const SharingRequest& request) {
        SharingDecision decision;
        decision.meta.id = QStringLiteral("d%1").arg(m_random.generate());
        decision.meta.deleted = chance(10);
        decision.familyId = pick(families);
        decision.personId = pick(people);
        if (chance(50))
            decision.recipientPartyType = request.recipient.partyType;
        else if (chance(85))
            decision.recipientPartyType = pick(partyTypeCodes);
        if (chance(50))
            decision.purpose = request.purpose;
        else if (chance(85))
            decision.purpose = pick(purposeCodes);
        decision.lawfulBasis = QStringLiteral("art6_1_e");
        decision.condition = pick(conditionCodes);
        decision.date = maybeDate(95);
        return decision;
    }

    SharingRequest request() {
        SharingRequest request;
        request.fieldId = pick(fieldIds);
        if (chance(80))
            request.recordCategory = pick(allCategories);
        request.subject = SharingSubject{pick(families), pick(people)};
        request.senderPartyType = chance(95) ? pick(partyTypeCodes) : QStringLiteral("unknown");
        request.recipient = SharingRecipient{chance(95) ? pick(partyTypeCodes) : QStringLiteral("unknown"),
                                             pick(organisations)};
        request.purpose = chance(95) ? pick(purposeCodes) : QStringLiteral("unknown");
        request.today = today;
        return request;
    }

private:
    QRandomGenerator m_random;
};

} // namespace earlyhelp::policy::testing
