#pragma once

// The payload builder: the one place that turns a record's field values into
// what may be sent to a recipient. Every field goes through decide(), so a
// payload never contains a field the sharing policy denies, and a preview can
// show what is sent next to what is withheld and why.

#include "policy/policy.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

namespace earlyhelp::policy {

// A field that goes into the payload, with the rule that allows it.
struct SharedField {
    QString fieldId;
    Allowed outcome;
};

// A field left out of the payload, with decide()'s reason and clause.
struct WithheldField {
    QString fieldId;
    QString reason;   // translated, in plain words
    QString clauseId; // empty when no rule of the agreement applies
};

// The values that may be sent for one record, and the fields withheld. Every
// input field is in exactly one of shared and withheld, each ordered by id.
struct Payload {
    // Field id → value, containing the shared fields only. A withheld field has
    // no key, not even a null one.
    QJsonObject values;
    QList<SharedField> shared;
    QList<WithheldField> withheld;
};

// Builds the payload of one record's fields (field id → value) for sending
// from a party of type senderPartyType to recipient for purpose, by asking
// decide() about each field with the other arguments unchanged. A field whose
// category is set per record (a case note's text) takes its category from the
// value of its category field in the same map, which must be a QString holding
// a stored category code such as "special_category". When that value is
// missing or not a code, decide() denies the field. Values become JSON with
// QJsonValue::fromVariant(), so a QDate becomes an ISO 8601 string.
[[nodiscard]] Payload buildPayload(const Agreement& agreement, bool agreementVerified,
                                   const QMap<QString, QVariant>& fields, const SharingSubject& subject,
                                   const QString& senderPartyType, const SharingRecipient& recipient,
                                   const QString& purpose, const QDate& today, const QList<Consent>& consents,
                                   const QList<SharingDecision>& decisions);

} // namespace earlyhelp::policy
