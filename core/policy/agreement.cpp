#include "policy/agreement.h"

#include "casework/datacategorycode.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace earlyhelp::policy {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::policy::Agreement", text);
}

std::unexpected<Error> invalid(const QString& message) {
    return makeError(ErrorCode::InvalidInput, message);
}

// Returns value as it appears in the document, shortened for a message.
QString shown(const QJsonValue& value) {
    QString text;
    switch (value.type()) {
    case QJsonValue::String:
        text = u'"' + value.toString() + u'"';
        break;
    case QJsonValue::Undefined:
        return tr("(missing)");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    }
    constexpr qsizetype maxShown = 60;
    if (text.size() > maxShown)
        text = text.left(maxShown) + u'…';
    return text;
}

QString joined(const QStringList& items) {
    return items.join(QStringLiteral(", "));
}

Status rejectUnknownKeys(const QJsonObject& object, const QString& path, const QStringList& allowed) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            const QString keyPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
            return invalid(tr("%1: unknown key. Remove it; the keys allowed here are %2.")
                               .arg(keyPath, joined(allowed)));
        }
    }
    return {};
}

QString childPath(const QString& path, const QString& key) {
    return path.isEmpty() ? key : path + u'.' + key;
}

// Reads a required, non-blank string.
Result<QString> requiredString(const QJsonObject& object, const QString& path, const QString& key) {
    const QJsonValue value = object.value(key);
    const QString valuePath = childPath(path, key);
    if (value.isUndefined())
        return invalid(tr("%1 is missing. Add it as a text value.").arg(valuePath));
    if (!value.isString())
        return invalid(tr("%1 is %2, not text. Write it as a quoted string.").arg(valuePath, shown(value)));
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return invalid(tr("%1 is blank. Enter the text.").arg(valuePath));
    return text;
}

// Reads a string that may be absent. Absent and blank both read as empty.
Result<QString> optionalString(const QJsonObject& object, const QString& path, const QString& key) {
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return QString();
    if (!value.isString())
        return invalid(
            tr("%1 is %2, not text. Write it as a quoted string.").arg(childPath(path, key), shown(value)));
    return value.toString().trimmed();
}

Result<int> requiredInteger(const QJsonObject& object, const QString& key, int minimum) {
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return invalid(tr("%1 is missing. Add it as a whole number.").arg(key));
    const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!value.isDouble() || std::trunc(number) != number || number < minimum ||
        number > std::numeric_limits<int>::max())
        return invalid(tr("%1 is %2, not a whole number of at least %3.")
                           .arg(key, shown(value), QString::number(minimum)));
    return static_cast<int>(number);
}

Result<QJsonArray> requiredArray(const QJsonObject& object, const QString& key) {
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return invalid(tr("%1 is missing. Add it as a list.").arg(key));
    if (!value.isArray())
        return invalid(tr("%1 is %2, not a list. Write it in square brackets.").arg(key, shown(value)));
    if (value.toArray().isEmpty())
        return invalid(tr("%1 is an empty list. Add at least one entry.").arg(key));
    return value.toArray();
}

Result<QJsonObject> objectAt(const QJsonArray& array, qsizetype index, const QString& path) {
    const QJsonValue value = array.at(index);
    if (!value.isObject())
        return invalid(tr("%1 is %2, not an object. Write it in braces.").arg(path, shown(value)));
    return value.toObject();
}

QString indexedPath(const QString& key, qsizetype index) {
    return key + u'[' + QString::number(index) + u']';
}

// Checks that code is lower case letters, digits and underscores.
Status checkCode(const QString& code, const QString& path) {
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!pattern.match(code).hasMatch())
        return invalid(tr("%1 is \"%2\", not a code. Use lower case letters, digits and underscores, "
                          "starting with a letter.")
                           .arg(path, code));
    return {};
}

// Finds a key that appears twice in one object. QJsonDocument keeps the last
// value of a repeated key without a word, so a reviewer reading the first
// value and the app using the last could disagree about a signed document.
// The scanner runs only on bytes QJsonDocument has accepted, so it skips
// values without validating them.
class DuplicateKeyScanner {
public:
    explicit DuplicateKeyScanner(const QByteArray& json)
        : m_json(json) {}

    // Returns the JSON path of the first repeated key, or nothing.
    std::optional<QString> find() {
        scanValue(QString());
        return m_duplicatePath;
    }

private:
    void skipWhitespace() {
        while (m_position < m_json.size() && QByteArrayView(" \t\r\n").contains(m_json.at(m_position)))
            ++m_position;
    }

    // Reads the string token at the current position and returns its value.
    QString readString() {
        const qsizetype start = m_position++;
        while (m_position < m_json.size() && m_json.at(m_position) != '"') {
            if (m_json.at(m_position) == '\\')
                ++m_position;
            ++m_position;
        }
        ++m_position;
        const QByteArray token = m_json.mid(start, m_position - start);
        return QJsonDocument::fromJson('[' + token + ']').array().at(0).toString();
    }

    void scanValue(const QString& path) {
        skipWhitespace();
        if (m_position >= m_json.size())
            return;
        const char first = m_json.at(m_position);
        if (first == '{') {
            scanObject(path);
        } else if (first == '[') {
            scanArray(path);
        } else if (first == '"') {
            readString();
        } else {
            while (m_position < m_json.size() &&
                   !QByteArrayView(",]} \t\r\n").contains(m_json.at(m_position)))
                ++m_position;
        }
    }

    void scanObject(const QString& path) {
        ++m_position;
        QSet<QString> keys;
        for (;;) {
            skipWhitespace();
            if (m_position >= m_json.size() || m_json.at(m_position) == '}') {
                ++m_position;
                return;
            }
            if (m_json.at(m_position) == ',') {
                ++m_position;
                continue;
            }
            const QString key = readString();
            const QString keyPath = path.isEmpty() ? key : path + u'.' + key;
            if (keys.contains(key) && !m_duplicatePath) {
                m_duplicatePath = keyPath;
                return;
            }
            keys.insert(key);
            skipWhitespace();
            ++m_position; // the colon
            scanValue(keyPath);
            if (m_duplicatePath)
                return;
        }
    }

    void scanArray(const QString& path) {
        ++m_position;
        qsizetype index = 0;
        for (;;) {
            skipWhitespace();
            if (m_position >= m_json.size() || m_json.at(m_position) == ']') {
                ++m_position;
                return;
            }
            if (m_json.at(m_position) == ',') {
                ++m_position;
                ++index;
                continue;
            }
            scanValue(path + u'[' + QString::number(index) + u']');
            if (m_duplicatePath)
                return;
        }
    }

    const QByteArray& m_json;
    qsizetype m_position = 0;
    std::optional<QString> m_duplicatePath;
};

Result<QList<PartyType>> readPartyTypes(const QJsonObject& root) {
    const Result<QJsonArray> array = requiredArray(root, QStringLiteral("partyTypes"));
    if (!array)
        return std::unexpected(array.error());
    QList<PartyType> partyTypes;
    QSet<QString> seen;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = indexedPath(QStringLiteral("partyTypes"), i);
        const Result<QJsonObject> object = objectAt(*array, i, path);
        if (!object)
            return std::unexpected(object.error());
        if (Status keys = rejectUnknownKeys(
                *object, path,
                {QStringLiteral("code"), QStringLiteral("label"), QStringLiteral("identifierKind")});
            !keys)
            return std::unexpected(keys.error());
        PartyType partyType;
        const Result<QString> code = requiredString(*object, path, QStringLiteral("code"));
        if (!code)
            return std::unexpected(code.error());
        if (Status valid = checkCode(*code, path + u".code"); !valid)
            return std::unexpected(valid.error());
        if (seen.contains(*code))
            return invalid(tr("%1.code is \"%2\", which an earlier party type already uses. Give each "
                              "party type its own code.")
                               .arg(path, *code));
        seen.insert(*code);
        const Result<QString> label = requiredString(*object, path, QStringLiteral("label"));
        if (!label)
            return std::unexpected(label.error());
        const Result<QString> identifierKind =
            optionalString(*object, path, QStringLiteral("identifierKind"));
        if (!identifierKind)
            return std::unexpected(identifierKind.error());
        partyTypes.append(PartyType{*code, *label, *identifierKind});
    }
    return partyTypes;
}

Result<QList<Purpose>> readPurposes(const QJsonObject& root) {
    const Result<QJsonArray> array = requiredArray(root, QStringLiteral("purposes"));
    if (!array)
        return std::unexpected(array.error());
    QList<Purpose> purposes;
    QSet<QString> seen;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = indexedPath(QStringLiteral("purposes"), i);
        const Result<QJsonObject> object = objectAt(*array, i, path);
        if (!object)
            return std::unexpected(object.error());
        if (Status keys = rejectUnknownKeys(*object, path, {QStringLiteral("code"), QStringLiteral("label")});
            !keys)
            return std::unexpected(keys.error());
        const Result<QString> code = requiredString(*object, path, QStringLiteral("code"));
        if (!code)
            return std::unexpected(code.error());
        if (Status valid = checkCode(*code, path + u".code"); !valid)
            return std::unexpected(valid.error());
        if (seen.contains(*code))
            return invalid(tr("%1.code is \"%2\", which an earlier purpose already uses. Give each "
                              "purpose its own code.")
                               .arg(path, *code));
        seen.insert(*code);
        const Result<QString> label = requiredString(*object, path, QStringLiteral("label"));
        if (!label)
            return std::unexpected(label.error());
        purposes.append(Purpose{*code, *label});
    }
    return purposes;
}

Result<QList<Category>> readCategories(const QJsonObject& root) {
    const Result<QJsonArray> array = requiredArray(root, QStringLiteral("categories"));
    if (!array)
        return std::unexpected(array.error());
    QList<Category> categories;
    QSet<QString> seen;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = indexedPath(QStringLiteral("categories"), i);
        const Result<QJsonObject> object = objectAt(*array, i, path);
        if (!object)
            return std::unexpected(object.error());
        if (Status keys = rejectUnknownKeys(*object, path, {QStringLiteral("code"), QStringLiteral("label")});
            !keys)
            return std::unexpected(keys.error());
        const Result<QString> code = requiredString(*object, path, QStringLiteral("code"));
        if (!code)
            return std::unexpected(code.error());
        const std::optional<DataCategory> category = dataCategoryFromCode(*code);
        if (!category)
            return invalid(tr("%1.code is \"%2\", not a data category. Use personal, special_category or "
                              "criminal_offence.")
                               .arg(path, *code));
        if (seen.contains(*code))
            return invalid(tr("%1.code is \"%2\", which an earlier category already uses. List each "
                              "category once.")
                               .arg(path, *code));
        seen.insert(*code);
        const Result<QString> label = requiredString(*object, path, QStringLiteral("label"));
        if (!label)
            return std::unexpected(label.error());
        categories.append(Category{*code, *category, *label});
    }
    return categories;
}

std::optional<ConsentBasis> consentBasisFromCode(const QString& code) {
    for (const ConsentBasis basis : {ConsentBasis::Consent, ConsentBasis::ConsentOrOverride,
                                     ConsentBasis::OverrideOnly, ConsentBasis::Never}) {
        if (consentBasisCode(basis) == code)
            return basis;
    }
    return std::nullopt;
}

// Checks that a condition code fits the category: Art. 9 conditions for
// special category data, DPA 2018 s.10(5) ones for criminal offence data.
Status checkCondition(const Rule& rule, const QString& path) {
    const QString conditionPath = path + u".condition";
    if (rule.basis == ConsentBasis::Never || rule.category == DataCategory::Personal) {
        if (!rule.condition.isEmpty())
            return invalid(tr("%1 is \"%2\", but this rule needs no condition because it %3. Remove "
                              "the condition.")
                               .arg(conditionPath, rule.condition,
                                    rule.basis == ConsentBasis::Never ? tr("never allows sharing")
                                                                      : tr("covers personal data only")));
        return {};
    }
    if (rule.condition.isEmpty())
        return invalid(tr("%1 is missing. Special category and criminal offence data need a condition: "
                          "one of %2.")
                           .arg(conditionPath, joined(knownConditionCodes())));
    if (!knownConditionCodes().contains(rule.condition))
        return invalid(tr("%1 is \"%2\", not a known condition. Use one of %3.")
                           .arg(conditionPath, rule.condition, joined(knownConditionCodes())));
    const bool criminalCondition = rule.condition.startsWith(u"s10_5_");
    if (rule.category == DataCategory::CriminalOffence && !criminalCondition)
        return invalid(tr("%1 is \"%2\", an Art. 9 condition, but criminal offence data needs a DPA 2018 "
                          "s.10(5) condition such as s10_5_sch1_para18.")
                           .arg(conditionPath, rule.condition));
    if (rule.category == DataCategory::SpecialCategory && criminalCondition)
        return invalid(tr("%1 is \"%2\", a criminal offence condition, but special category data needs an "
                          "Art. 9 condition such as art9_2_g_sch1_para18.")
                           .arg(conditionPath, rule.condition));
    return {};
}

Result<Rule> readRule(const QJsonObject& object, const QString& path, const Agreement& agreement) {
    if (Status keys = rejectUnknownKeys(
            object, path,
            {QStringLiteral("clause"), QStringLiteral("purpose"), QStringLiteral("recipient"),
             QStringLiteral("category"), QStringLiteral("basis"), QStringLiteral("lawfulBasis"),
             QStringLiteral("condition"), QStringLiteral("retention"), QStringLiteral("text")});
        !keys)
        return std::unexpected(keys.error());

    Rule rule;
    const Result<QString> clause = requiredString(object, path, QStringLiteral("clause"));
    if (!clause)
        return std::unexpected(clause.error());
    rule.clauseId = *clause;

    const Result<QString> purpose = requiredString(object, path, QStringLiteral("purpose"));
    if (!purpose)
        return std::unexpected(purpose.error());
    if (!agreement.hasPurpose(*purpose))
        return invalid(tr("%1.purpose is \"%2\", which the agreement does not declare under purposes. "
                          "Declare it or use a declared purpose.")
                           .arg(path, *purpose));
    rule.purpose = *purpose;

    const Result<QString> recipient = requiredString(object, path, QStringLiteral("recipient"));
    if (!recipient)
        return std::unexpected(recipient.error());
    if (!agreement.hasPartyType(*recipient))
        return invalid(tr("%1.recipient is \"%2\", which the agreement does not declare under partyTypes. "
                          "Declare it or use a declared party type.")
                           .arg(path, *recipient));
    rule.recipientPartyType = *recipient;

    const Result<QString> categoryCode = requiredString(object, path, QStringLiteral("category"));
    if (!categoryCode)
        return std::unexpected(categoryCode.error());
    const std::optional<DataCategory> category = dataCategoryFromCode(*categoryCode);
    if (!category || !agreement.hasCategory(*category))
        return invalid(tr("%1.category is \"%2\", which the agreement does not declare under categories. "
                          "Declare it or use a declared category.")
                           .arg(path, *categoryCode));
    rule.category = *category;

    const Result<QString> basisCode = requiredString(object, path, QStringLiteral("basis"));
    if (!basisCode)
        return std::unexpected(basisCode.error());
    const std::optional<ConsentBasis> basis = consentBasisFromCode(*basisCode);
    if (!basis)
        return invalid(tr("%1.basis is \"%2\", not a basis. Use consent, consent_or_override, "
                          "override_only or never.")
                           .arg(path, *basisCode));
    rule.basis = *basis;

    const Result<QString> lawfulBasis = optionalString(object, path, QStringLiteral("lawfulBasis"));
    if (!lawfulBasis)
        return std::unexpected(lawfulBasis.error());
    rule.lawfulBasis = *lawfulBasis;
    if (rule.basis == ConsentBasis::Never) {
        if (!rule.lawfulBasis.isEmpty())
            return invalid(tr("%1.lawfulBasis is \"%2\", but a rule that never allows sharing has no "
                              "lawful basis. Remove it.")
                               .arg(path, rule.lawfulBasis));
    } else if (rule.lawfulBasis.isEmpty()) {
        return invalid(tr("%1.lawfulBasis is missing. Enter the UK GDPR Art. 6 basis: one of %2.")
                           .arg(path, joined(knownLawfulBasisCodes())));
    } else if (!knownLawfulBasisCodes().contains(rule.lawfulBasis)) {
        return invalid(tr("%1.lawfulBasis is \"%2\", not a known lawful basis. Use one of %3.")
                           .arg(path, rule.lawfulBasis, joined(knownLawfulBasisCodes())));
    }

    const Result<QString> condition = optionalString(object, path, QStringLiteral("condition"));
    if (!condition)
        return std::unexpected(condition.error());
    rule.condition = *condition;
    if (Status fits = checkCondition(rule, path); !fits)
        return std::unexpected(fits.error());

    const Result<QString> retention = optionalString(object, path, QStringLiteral("retention"));
    if (!retention)
        return std::unexpected(retention.error());
    rule.retention = *retention;
    if (rule.basis != ConsentBasis::Never && rule.retention.isEmpty())
        return invalid(
            tr("%1.retention is missing. Say how long the recipient keeps what it receives.").arg(path));

    const Result<QString> text = requiredString(object, path, QStringLiteral("text"));
    if (!text)
        return std::unexpected(text.error());
    rule.text = *text;
    return rule;
}

Result<QList<Rule>> readRules(const QJsonObject& root, const Agreement& agreement) {
    const Result<QJsonArray> array = requiredArray(root, QStringLiteral("rules"));
    if (!array)
        return std::unexpected(array.error());
    QList<Rule> rules;
    QSet<QString> clauses;
    QSet<QString> cells;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = indexedPath(QStringLiteral("rules"), i);
        const Result<QJsonObject> object = objectAt(*array, i, path);
        if (!object)
            return std::unexpected(object.error());
        const Result<Rule> rule = readRule(*object, path, agreement);
        if (!rule)
            return std::unexpected(rule.error());
        if (clauses.contains(rule->clauseId))
            return invalid(tr("%1.clause is \"%2\", which an earlier rule already uses. Give each rule its "
                              "own clause id.")
                               .arg(path, rule->clauseId));
        clauses.insert(rule->clauseId);
        const QString cell = rule->purpose + u'/' + rule->recipientPartyType + u'/' +
                             dataCategoryCode(rule->category).toString();
        if (cells.contains(cell))
            return invalid(tr("%1 rules purpose \"%2\", recipient \"%3\" and category \"%4\" again. Keep "
                              "one rule for each purpose, recipient and category.")
                               .arg(path, rule->purpose, rule->recipientPartyType,
                                    dataCategoryCode(rule->category).toString()));
        cells.insert(cell);
        rules.append(*rule);
    }
    return rules;
}

std::optional<RetentionAction> retentionActionFromCode(const QString& code) {
    for (const RetentionAction action : {RetentionAction::Review, RetentionAction::Delete}) {
        if (retentionActionCode(action) == code)
            return action;
    }
    return std::nullopt;
}

// Reads "keep": an object with exactly one of untilAge (the child's age in
// whole years) or yearsAfterClosure (whole years after the case closes).
Status readRetentionKeep(const QJsonObject& object, const QString& path, RetentionEntry& entry) {
    const QString keepPath = path + u".keep";
    const QJsonValue value = object.value(QStringLiteral("keep"));
    if (value.isUndefined())
        return invalid(tr("%1 is missing. Add {\"untilAge\": N} or {\"yearsAfterClosure\": N}.").arg(keepPath));
    if (!value.isObject())
        return invalid(tr("%1 is %2, not an object. Write {\"untilAge\": N} or {\"yearsAfterClosure\": N}.")
                           .arg(keepPath, shown(value)));
    const QJsonObject keep = value.toObject();
    if (Status keys = rejectUnknownKeys(keep, keepPath,
                                        {QStringLiteral("untilAge"), QStringLiteral("yearsAfterClosure")});
        !keys)
        return keys;
    if (keep.size() != 1)
        return invalid(tr("%1 has %2 keys. Give exactly one: untilAge or yearsAfterClosure.")
                           .arg(keepPath, QString::number(keep.size())));

    const QString key = keep.begin().key();
    const QJsonValue years = keep.begin().value();
    const bool untilAge = key == u"untilAge";
    // Ages from 1 to 120 and periods from 0 to 100 years cover every real
    // schedule and keep the date arithmetic far from QDate's limits.
    const int minimum = untilAge ? 1 : 0;
    const int maximum = untilAge ? 120 : 100;
    const double number = years.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!years.isDouble() || std::trunc(number) != number || number < minimum || number > maximum)
        return invalid(tr("%1.%2 is %3, not a whole number from %4 to %5.")
                           .arg(keepPath, key, shown(years), QString::number(minimum), QString::number(maximum)));
    entry.anchor = untilAge ? RetentionAnchor::ChildAge : RetentionAnchor::CaseClosure;
    entry.years = static_cast<int>(number);
    return {};
}

Result<RetentionEntry> readRetentionEntry(const QJsonObject& object, const QString& path,
                                          const Agreement& agreement) {
    if (Status keys = rejectUnknownKeys(object, path,
                                        {QStringLiteral("clause"), QStringLiteral("holder"),
                                         QStringLiteral("records"), QStringLiteral("keep"),
                                         QStringLiteral("then"), QStringLiteral("text")});
        !keys)
        return std::unexpected(keys.error());

    RetentionEntry entry;
    const Result<QString> clause = requiredString(object, path, QStringLiteral("clause"));
    if (!clause)
        return std::unexpected(clause.error());
    entry.clauseId = *clause;

    const Result<QString> holder = requiredString(object, path, QStringLiteral("holder"));
    if (!holder)
        return std::unexpected(holder.error());
    if (!agreement.hasPartyType(*holder))
        return invalid(tr("%1.holder is \"%2\", which the agreement does not declare under partyTypes. "
                          "Declare it or use a declared party type.")
                           .arg(path, *holder));
    entry.holderPartyType = *holder;

    const Result<QString> records = requiredString(object, path, QStringLiteral("records"));
    if (!records)
        return std::unexpected(records.error());
    entry.records = *records;

    if (Status keep = readRetentionKeep(object, path, entry); !keep)
        return std::unexpected(keep.error());

    const Result<QString> thenCode = requiredString(object, path, QStringLiteral("then"));
    if (!thenCode)
        return std::unexpected(thenCode.error());
    const std::optional<RetentionAction> then = retentionActionFromCode(*thenCode);
    if (!then)
        return invalid(tr("%1.then is \"%2\", not a retention action. Use review or delete.").arg(path, *thenCode));
    entry.then = *then;

    const Result<QString> text = requiredString(object, path, QStringLiteral("text"));
    if (!text)
        return std::unexpected(text.error());
    entry.text = *text;
    return entry;
}

// Reads the optional top-level "retention" object: {"schedule": [...],
// "receivedRecords": {"clause", "text"}}. Clause ids must differ from each
// other and from the rules' clause ids, so that a clause id names one thing.
Result<RetentionSchedule> readRetention(const QJsonObject& root, const Agreement& agreement) {
    RetentionSchedule schedule;
    const QJsonValue value = root.value(QStringLiteral("retention"));
    if (value.isUndefined())
        return schedule;
    if (!value.isObject())
        return invalid(tr("retention is %1, not an object. Write it in braces with schedule and "
                          "receivedRecords.")
                           .arg(shown(value)));
    const QJsonObject retention = value.toObject();
    if (Status keys = rejectUnknownKeys(retention, QStringLiteral("retention"),
                                        {QStringLiteral("schedule"), QStringLiteral("receivedRecords")});
        !keys)
        return std::unexpected(keys.error());

    QSet<QString> clauses;
    for (const Rule& rule : agreement.rules)
        clauses.insert(rule.clauseId);

    const Result<QJsonArray> array = requiredArray(retention, QStringLiteral("schedule"));
    if (!array) {
        Error error = array.error();
        error.message.prepend(QStringLiteral("retention."));
        return std::unexpected(error);
    }
    QSet<QString> holders;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString path = QStringLiteral("retention.") + indexedPath(QStringLiteral("schedule"), i);
        const Result<QJsonObject> object = objectAt(*array, i, path);
        if (!object)
            return std::unexpected(object.error());
        const Result<RetentionEntry> entry = readRetentionEntry(*object, path, agreement);
        if (!entry)
            return std::unexpected(entry.error());
        if (clauses.contains(entry->clauseId))
            return invalid(tr("%1.clause is \"%2\", which an earlier rule or schedule entry already uses. "
                              "Give each its own clause id.")
                               .arg(path, entry->clauseId));
        clauses.insert(entry->clauseId);
        if (holders.contains(entry->holderPartyType))
            return invalid(tr("%1.holder is \"%2\", which an earlier schedule entry already covers. Keep "
                              "one entry for each party type.")
                               .arg(path, entry->holderPartyType));
        holders.insert(entry->holderPartyType);
        schedule.entries.append(*entry);
    }

    const QString receivedPath = QStringLiteral("retention.receivedRecords");
    const QJsonValue receivedValue = retention.value(QStringLiteral("receivedRecords"));
    if (receivedValue.isUndefined())
        return invalid(tr("%1 is missing. Add {\"clause\": …, \"text\": …} for records received from "
                          "another party.")
                           .arg(receivedPath));
    if (!receivedValue.isObject())
        return invalid(tr("%1 is %2, not an object. Write it in braces with clause and text.")
                           .arg(receivedPath, shown(receivedValue)));
    const QJsonObject received = receivedValue.toObject();
    if (Status keys = rejectUnknownKeys(received, receivedPath, {QStringLiteral("clause"), QStringLiteral("text")});
        !keys)
        return std::unexpected(keys.error());
    const Result<QString> clause = requiredString(received, receivedPath, QStringLiteral("clause"));
    if (!clause)
        return std::unexpected(clause.error());
    if (clauses.contains(*clause))
        return invalid(tr("%1.clause is \"%2\", which a rule or schedule entry already uses. Give it its "
                          "own clause id.")
                           .arg(receivedPath, *clause));
    const Result<QString> text = requiredString(received, receivedPath, QStringLiteral("text"));
    if (!text)
        return std::unexpected(text.error());
    schedule.received = ReceivedRetention{*clause, *text};
    return schedule;
}

} // namespace

const RetentionEntry* RetentionSchedule::entryFor(const QString& holderPartyType) const {
    for (const RetentionEntry& entry : entries) {
        if (entry.holderPartyType == holderPartyType)
            return &entry;
    }
    return nullptr;
}

QString retentionActionCode(RetentionAction action) {
    switch (action) {
    case RetentionAction::Review:
        return QStringLiteral("review");
    case RetentionAction::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

const Rule* Agreement::findRule(const QString& purpose, const QString& recipientPartyType,
                                DataCategory category) const {
    for (const Rule& rule : rules) {
        if (rule.purpose == purpose && rule.recipientPartyType == recipientPartyType &&
            rule.category == category)
            return &rule;
    }
    return nullptr;
}

bool Agreement::hasPartyType(const QString& code) const {
    return std::ranges::any_of(partyTypes,
                               [&](const PartyType& partyType) { return partyType.code == code; });
}

bool Agreement::hasPurpose(const QString& code) const {
    return std::ranges::any_of(purposes, [&](const Purpose& purpose) { return purpose.code == code; });
}

bool Agreement::hasCategory(DataCategory category) const {
    return std::ranges::any_of(categories, [&](const Category& entry) { return entry.category == category; });
}

QString consentBasisCode(ConsentBasis basis) {
    switch (basis) {
    case ConsentBasis::Consent:
        return QStringLiteral("consent");
    case ConsentBasis::ConsentOrOverride:
        return QStringLiteral("consent_or_override");
    case ConsentBasis::OverrideOnly:
        return QStringLiteral("override_only");
    case ConsentBasis::Never:
        return QStringLiteral("never");
    }
    return {};
}

const QList<QString>& knownLawfulBasisCodes() {
    static const QList<QString> codes = {QStringLiteral("art6_1_c"), QStringLiteral("art6_1_d"),
                                         QStringLiteral("art6_1_e"), QStringLiteral("art6_1_f")};
    return codes;
}

const QList<QString>& knownConditionCodes() {
    static const QList<QString> codes = {
        QStringLiteral("art9_2_g_sch1_para18"), QStringLiteral("art9_2_h_sch1_para2"),
        QStringLiteral("s10_5_sch1_para18"), QStringLiteral("s10_5_sch1_para2")};
    return codes;
}

Result<Agreement> parseAgreement(const QByteArray& json) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(tr("The agreement is not valid JSON: %1 at byte %2. Check the file or ask the Trust "
                          "for a new copy.")
                           .arg(parseError.errorString(), QString::number(parseError.offset)));
    if (!document.isObject())
        return invalid(tr("The agreement is a JSON %1, not an object. Its top level must be in braces.")
                           .arg(document.isArray() ? tr("array") : tr("value")));
    if (const std::optional<QString> duplicate = DuplicateKeyScanner(json).find())
        return invalid(tr("%1: the key appears twice in the same object. Keep one, so that every reader sees "
                          "the same value.")
                           .arg(*duplicate));
    const QJsonObject root = document.object();
    if (Status keys = rejectUnknownKeys(root, QString(),
                                        {QStringLiteral("formatVersion"), QStringLiteral("agreementVersion"),
                                         QStringLiteral("title"), QStringLiteral("notice"),
                                         QStringLiteral("partyTypes"), QStringLiteral("purposes"),
                                         QStringLiteral("categories"), QStringLiteral("rules"),
                                         QStringLiteral("retention")});
        !keys)
        return std::unexpected(keys.error());

    Agreement agreement;
    const Result<int> formatVersion = requiredInteger(root, QStringLiteral("formatVersion"), 1);
    if (!formatVersion)
        return std::unexpected(formatVersion.error());
    if (*formatVersion != agreementFormatVersion)
        return invalid(tr("formatVersion is %1, but this version of the app reads format %2 only. Install "
                          "the app version that came with this agreement.")
                           .arg(QString::number(*formatVersion), QString::number(agreementFormatVersion)));
    agreement.formatVersion = *formatVersion;

    const Result<int> version = requiredInteger(root, QStringLiteral("agreementVersion"), 1);
    if (!version)
        return std::unexpected(version.error());
    agreement.version = *version;

    const Result<QString> title = requiredString(root, QString(), QStringLiteral("title"));
    if (!title)
        return std::unexpected(title.error());
    agreement.title = *title;
    const Result<QString> notice = requiredString(root, QString(), QStringLiteral("notice"));
    if (!notice)
        return std::unexpected(notice.error());
    agreement.notice = *notice;

    Result<QList<PartyType>> partyTypes = readPartyTypes(root);
    if (!partyTypes)
        return std::unexpected(partyTypes.error());
    agreement.partyTypes = std::move(*partyTypes);
    Result<QList<Purpose>> purposes = readPurposes(root);
    if (!purposes)
        return std::unexpected(purposes.error());
    agreement.purposes = std::move(*purposes);
    Result<QList<Category>> categories = readCategories(root);
    if (!categories)
        return std::unexpected(categories.error());
    agreement.categories = std::move(*categories);
    Result<QList<Rule>> rules = readRules(root, agreement);
    if (!rules)
        return std::unexpected(rules.error());
    agreement.rules = std::move(*rules);
    Result<RetentionSchedule> retention = readRetention(root, agreement);
    if (!retention)
        return std::unexpected(retention.error());
    agreement.retention = std::move(*retention);
    return agreement;
}

} // namespace earlyhelp::policy
