#pragma once

// Internal to core/subjectaccess: the state one collection shares between
// the functions that read each kind of record. Not for use outside this
// folder.

#include "audit/auditlog.h"
#include "casework/records.h"
#include "common/result.h"
#include "subjectaccess/subjectaccess.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::subjectaccess {

Q_DECLARE_LOGGING_CATEGORY(lcSubjectAccess)

// The translation context of every text the collection writes.
class CollectText {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::subjectaccess::Collector)
};

// A family the person belongs to.
struct PersonFamily {
    QString familyId;
    QString familyName;
};

// Another member of one of the person's families.
struct OtherMember {
    QString personId;
    QString name;
};

struct CollectContext {
    CollectContext(Store& contextStore, QString subjectId) : store(contextStore), personId(std::move(subjectId)) {}

    Store& store;
    QString personId;
    QList<PersonFamily> families;
    QList<OtherMember> otherMembers;
    QHash<QString, QString> organisationNames; // by organisation id
    QHash<QString, QString> personNames;       // by person id, for anyone a record names
    // Matches a whole word that is the forename or surname of another
    // member, but not a name the person shares (such as the family's
    // surname). Invalid when no other member has such a name.
    QRegularExpression otherNames;
    QList<Item> items;
    QSet<QString> itemIds; // to add a record once when two families show it
    // The audit events about the person or their families, newest first,
    // read once for the two sections that use them.
    std::optional<QList<audit::Event>> events;

    // Appends item unless an item with its id is there already.
    void add(Item item);
    // Flags item when its text names another member, with that name in the hint.
    void flagNamedMembers(Item& item) const;
    [[nodiscard]] QString personName(const QString& id) const;
    [[nodiscard]] QString organisationName(const QString& id) const;
    [[nodiscard]] QStringList familyIds() const;
};

// Marks item as deleted with the dates from meta when meta is of a deleted
// record, and leaves it unchanged otherwise.
void markDeleted(Item& item, const RecordMeta& meta);

// Builds the "Label: value" lines of an item's text, skipping empty values.
class ItemText {
public:
    // label is a field catalogue id such as "person.legalForename" when it
    // contains a dot and the catalogue has it, or translated text otherwise.
    ItemText& line(const QString& label, const QString& value);
    ItemText& date(const QString& label, QDate value);
    ItemText& flag(const QString& label, bool value);
    [[nodiscard]] QString text() const { return m_lines.join(u'\n'); }

private:
    QStringList m_lines;
};

// Returns the label of a field catalogue id, or the id itself when the
// catalogue lacks it.
[[nodiscard]] QString fieldText(QStringView fieldId);
[[nodiscard]] QString ukDate(QDate date);
[[nodiscard]] QString ukDateTime(const QDateTime& time);
// Returns the calendar date of a stored UTC timestamp in local time.
[[nodiscard]] QDate dateOfTimestamp(const QString& timestamp);
[[nodiscard]] Error sqlError(const Store& store, const QString& what, const QString& lastError);

// Each reads one group of records into context.items.
[[nodiscard]] Status collectPerson(CollectContext& context);
[[nodiscard]] Status collectFamilies(CollectContext& context);
[[nodiscard]] Status collectAssessments(CollectContext& context);
[[nodiscard]] Status collectPlans(CollectContext& context);
[[nodiscard]] Status collectConsents(CollectContext& context);
[[nodiscard]] Status collectSharingDecisions(CollectContext& context);
[[nodiscard]] Status collectCaseNotes(CollectContext& context);
[[nodiscard]] Status collectSharingWithOthers(CollectContext& context);
[[nodiscard]] Status collectAccessAudit(CollectContext& context);

} // namespace earlyhelp::subjectaccess
