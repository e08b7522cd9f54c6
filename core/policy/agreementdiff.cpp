#include "policy/agreementdiff.h"

namespace earlyhelp::policy {

namespace {

// Returns the codes of `to` in order, then those only `from` has.
template <typename Entry> QList<QString> unionOfCodes(const QList<Entry>& from, const QList<Entry>& to) {
    QList<QString> codes;
    for (const Entry& entry : to)
        codes.append(entry.code);
    for (const Entry& entry : from) {
        if (!codes.contains(entry.code))
            codes.append(entry.code);
    }
    return codes;
}

bool isShareable(const Rule* rule) {
    return rule != nullptr && rule->basis != ConsentBasis::Never;
}

bool sameTerms(const Rule& before, const Rule& after) {
    return before.basis == after.basis && before.lawfulBasis == after.lawfulBasis &&
           before.condition == after.condition && before.retention == after.retention;
}

std::optional<Rule> copyOf(const Rule* rule) {
    if (rule == nullptr)
        return std::nullopt;
    return *rule;
}

// The categories a field's values can have: its own, or every category
// when each record states one.
QList<DataCategory> categoriesOf(const FieldDefinition& field) {
    if (field.category)
        return {*field.category};
    return {DataCategory::Personal, DataCategory::SpecialCategory, DataCategory::CriminalOffence};
}

} // namespace

QList<AgreementChange> diffAgreements(const Agreement& from, const Agreement& to) {
    const QList<QString> recipients = unionOfCodes(from.partyTypes, to.partyTypes);
    const QList<QString> purposes = unionOfCodes(from.purposes, to.purposes);

    QList<AgreementChange> changes;
    for (const QString& recipient : recipients) {
        for (const QString& purpose : purposes) {
            for (const FieldDefinition& field : fieldCatalogue()) {
                for (DataCategory category : categoriesOf(field)) {
                    const Rule* before = from.findRule(purpose, recipient, category);
                    const Rule* after = to.findRule(purpose, recipient, category);
                    const bool wasShareable = isShareable(before);
                    const bool isNowShareable = isShareable(after);

                    AgreementChangeKind kind = AgreementChangeKind::TermsChanged;
                    if (!wasShareable && isNowShareable)
                        kind = AgreementChangeKind::BecomesShareable;
                    else if (wasShareable && !isNowShareable)
                        kind = AgreementChangeKind::StopsBeingShareable;
                    else if (!wasShareable || sameTerms(*before, *after))
                        continue;

                    changes.append(AgreementChange{field.id.toString(), category, recipient, purpose, kind,
                                                   copyOf(before), copyOf(after)});
                }
            }
        }
    }
    return changes;
}

QString agreementChangeKindCode(AgreementChangeKind kind) {
    switch (kind) {
    case AgreementChangeKind::BecomesShareable:
        return QStringLiteral("becomes-shareable");
    case AgreementChangeKind::StopsBeingShareable:
        return QStringLiteral("stops-being-shareable");
    case AgreementChangeKind::TermsChanged:
        return QStringLiteral("terms-changed");
    }
    return {};
}

} // namespace earlyhelp::policy
