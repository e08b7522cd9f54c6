#include "policy/payload.h"

#include "casework/datacategorycode.h"

#include <QJsonValue>

namespace earlyhelp::policy {

namespace {

// Returns the category a record states for fieldId in its own category field,
// or nothing when the field has a fixed category, the record states none or
// the stated value is not a category code.
std::optional<DataCategory> recordCategoryOf(const QString& fieldId, const QMap<QString, QVariant>& fields) {
    const std::optional<FieldDefinition> field = findField(fieldId);
    if (!field || field->categoryFieldId.isEmpty())
        return std::nullopt;

    const QVariant stated = fields.value(field->categoryFieldId.toString());
    if (stated.typeId() != QMetaType::QString)
        return std::nullopt;
    return dataCategoryFromCode(stated.toString());
}

} // namespace

Payload buildPayload(const Agreement& agreement, bool agreementVerified,
                     const QMap<QString, QVariant>& fields, const SharingSubject& subject,
                     const QString& senderPartyType, const SharingRecipient& recipient,
                     const QString& purpose, const QDate& today, const QList<Consent>& consents,
                     const QList<SharingDecision>& decisions) {
    Payload payload;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        SharingRequest request;
        request.fieldId = it.key();
        request.recordCategory = recordCategoryOf(it.key(), fields);
        request.subject = subject;
        request.senderPartyType = senderPartyType;
        request.recipient = recipient;
        request.purpose = purpose;
        request.today = today;

        const SharingOutcome outcome = decide(agreement, agreementVerified, request, consents, decisions);
        if (const auto* denied = std::get_if<Denied>(&outcome)) {
            payload.withheld.append(WithheldField{it.key(), denied->reason, denied->clauseId});
            continue;
        }
        payload.values.insert(it.key(), QJsonValue::fromVariant(it.value()));
        payload.shared.append(SharedField{it.key(), std::get<Allowed>(outcome)});
    }
    return payload;
}

} // namespace earlyhelp::policy
