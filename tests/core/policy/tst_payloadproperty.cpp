#include "policy/payload.h"
#include "policy/signature.h"
#include "randompolicy.h"

#include <QTest>

#include <algorithm>

using namespace earlyhelp;
using namespace earlyhelp::policy;
using namespace earlyhelp::policy::testing;

// Builds random records and requests, against the bundled agreement and
// random agreements, and checks that buildPayload() shares exactly the fields
// decide() allows and lists every other field as withheld. The seed is printed
// with every failure. Set EARLYHELP_POLICY_SEED to replay one.
class TestPayloadProperty : public QObject {
    Q_OBJECT

private slots:
    void sharesOnlyWhatDecideAllows();
};

namespace {

// Ids that look like catalogue ids but are not in it.
const QStringList unknownFieldIds = {QStringLiteral("person.shoeSize"), QStringLiteral("caseNote.Text"),
                                     QStringLiteral("family.statusdate"), QStringLiteral(" person.ethnicity"),
                                     QString()};
// Values a record may state in caseNote.category, valid or not.
const QList<QVariant> categoryValues = {QStringLiteral("personal"),
                                        QStringLiteral("special_category"),
                                        QStringLiteral("criminal_offence"),
                                        QStringLiteral("Special_Category"),
                                        QString(),
                                        QVariant(),
                                        QVariant(1)};

QStringList catalogueIds() {
    QStringList ids;
    for (const FieldDefinition& field : fieldCatalogue())
        ids.append(field.id.toString());
    return ids;
}

QVariant randomValue(Generator& generator) {
    switch (generator.number(0, 5)) {
    case 0:
        return QStringLiteral("text %1").arg(generator.number(0, 1'000'000));
    case 1:
        return generator.number(-1000, 1000);
    case 2:
        return generator.chance(50);
    case 3:
        return generator.dateNear();
    case 4:
        return QVariant();
    default:
        return QString();
    }
}

QMap<QString, QVariant> randomRecord(Generator& generator, const QStringList& knownIds) {
    QMap<QString, QVariant> fields;
    const int fieldCount = generator.number(0, 12);
    for (int i = 0; i < fieldCount; ++i) {
        const QString& fieldId =
            generator.chance(85) ? generator.pick(knownIds) : generator.pick(unknownFieldIds);
        fields.insert(fieldId, randomValue(generator));
    }
    // Give most case-note text a category, and leave some without one or
    // with an invalid one, which buildPayload() must withhold.
    if (fields.contains(QStringLiteral("caseNote.text")) && generator.chance(80))
        fields.insert(QStringLiteral("caseNote.category"), generator.pick(categoryValues));
    return fields;
}

// The category a record states for a field whose category is set per record,
// written apart from buildPayload().
std::optional<DataCategory> statedCategory(const QString& fieldId, const QMap<QString, QVariant>& fields) {
    if (fieldId != QLatin1String("caseNote.text"))
        return std::nullopt;
    const QVariant stated = fields.value(QStringLiteral("caseNote.category"));
    if (stated == QVariant(QStringLiteral("personal")))
        return DataCategory::Personal;
    if (stated == QVariant(QStringLiteral("special_category")))
        return DataCategory::SpecialCategory;
    if (stated == QVariant(QStringLiteral("criminal_offence")))
        return DataCategory::CriminalOffence;
    return std::nullopt;
}

} // namespace

void TestPayloadProperty::sharesOnlyWhatDecideAllows() {
    const Result<Agreement> bundled = loadBundledAgreement();
    QVERIFY2(bundled.has_value(), qPrintable(bundled ? QString() : bundled.error().message));

    const QByteArray seedText = qgetenv("EARLYHELP_POLICY_SEED");
    const quint32 seed = seedText.isEmpty() ? QRandomGenerator::global()->generate() : seedText.toUInt();
    Generator generator(seed);
    const QStringList knownIds = catalogueIds();
    constexpr int recordCount = 20000;
    int sharedCount = 0;
    int withheldCount = 0;

    for (int r = 0; r < recordCount; ++r) {
        const bool useBundled = generator.chance(50);
        const Agreement agreement = useBundled ? *bundled : generator.agreement();
        const bool verified = generator.chance(90);
        // The request supplies the subject, parties, purpose and date. Its
        // field id is unused because the record supplies the fields.
        const SharingRequest context = generator.request();
        QList<Consent> consents;
        QList<SharingDecision> decisions;
        for (int i = generator.number(0, 5); i > 0; --i)
            consents.append(generator.consent());
        for (int i = generator.number(0, 2); i > 0; --i)
            decisions.append(generator.decision(context));
        const QMap<QString, QVariant> fields = randomRecord(generator, knownIds);

        const Payload payload =
            buildPayload(agreement, verified, fields, context.subject, context.senderPartyType,
                         context.recipient, context.purpose, context.today, consents, decisions);

        const QByteArray where =
            QStringLiteral("seed %1, record %2 (%3 agreement, %4 → %5, %6)")
                .arg(seed)
                .arg(r)
                .arg(useBundled ? QStringLiteral("bundled") : QStringLiteral("random"),
                     context.senderPartyType, context.recipient.partyType, context.purpose)
                .toUtf8();
        QVERIFY2(payload.shared.size() + payload.withheld.size() == fields.size(), where.constData());
        QVERIFY2(payload.values.size() == payload.shared.size(), where.constData());

        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            const QByteArray fieldWhere = where + ", field \"" + it.key().toUtf8() + '"';
            SharingRequest request = context;
            request.fieldId = it.key();
            request.recordCategory = statedCategory(it.key(), fields);
            const SharingOutcome outcome = decide(agreement, verified, request, consents, decisions);

            const auto shared = std::ranges::find(payload.shared, it.key(), &SharedField::fieldId);
            const auto withheld = std::ranges::find(payload.withheld, it.key(), &WithheldField::fieldId);

            if (const auto* allowed = std::get_if<Allowed>(&outcome)) {
                ++sharedCount;
                QVERIFY2(payload.values.contains(it.key()), fieldWhere.constData());
                QVERIFY2(payload.values.value(it.key()) == QJsonValue::fromVariant(it.value()),
                         fieldWhere.constData());
                QVERIFY2(shared != payload.shared.end(), fieldWhere.constData());
                QVERIFY2(shared->outcome.clauseId == allowed->clauseId, fieldWhere.constData());
                QVERIFY2(shared->outcome.overrideDecisionId == allowed->overrideDecisionId,
                         fieldWhere.constData());
                QVERIFY2(withheld == payload.withheld.end(), fieldWhere.constData());
                continue;
            }

            ++withheldCount;
            const Denied& denied = std::get<Denied>(outcome);
            QVERIFY2(!payload.values.contains(it.key()), fieldWhere.constData());
            QVERIFY2(shared == payload.shared.end(), fieldWhere.constData());
            QVERIFY2(withheld != payload.withheld.end(), fieldWhere.constData());
            QVERIFY2(withheld->reason == denied.reason, fieldWhere.constData());
            QVERIFY2(withheld->clauseId == denied.clauseId, fieldWhere.constData());
        }
    }

    // Both branches must be reached often enough for the checks to mean
    // something.
    QVERIFY2(sharedCount > 500,
             qPrintable(QStringLiteral("seed %1: only %2 fields shared").arg(seed).arg(sharedCount)));
    QVERIFY2(withheldCount > 500,
             qPrintable(QStringLiteral("seed %1: only %2 fields withheld").arg(seed).arg(withheldCount)));
}

QTEST_GUILESS_MAIN(TestPayloadProperty)
#include "tst_payloadproperty.moc"
