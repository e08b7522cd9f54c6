#pragma once

#include <QHash>
#include <QWidget>

#include "cases/casedirectory.h"
#include "casework/myworkqueries.h"

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace earlyhelp::ui {

class CaseSession;

// The "My work" list: reviews due in the next 7 days, overdue actions,
// consent due for review and families without a plan, each a group whose
// title counts its lines. Every date counts from the session's today().
// Enter or a double-click on a line emits familyActivated() with its family.
class MyWorkView : public QWidget {
    Q_OBJECT

public:
    explicit MyWorkView(CaseSession* session, QWidget* parent = nullptr);

    // Sets the session to read from; nullptr empties the list.
    void setSession(CaseSession* session);

public slots:
    // Reads the lists again, keeping the current line where it still exists.
    void refresh();

signals:
    void familyActivated(const QString& familyId);

private:
    enum class Group { ReviewsDue, OverdueActions, ConsentsDue, FamiliesWithoutPlan };

    void addGroup(Group group, const Result<QList<MyWorkItem>>& items);
    void addLine(QTreeWidgetItem* groupItem, Group group, const MyWorkItem& item);
    [[nodiscard]] QString groupTitle(Group group, int count) const;
    [[nodiscard]] QString emptyGroupText(Group group) const;
    // Returns personId's display name from the directory: from familyId's
    // members, else from everyone. Fills an empty familyId and familyName
    // with the person's own family.
    [[nodiscard]] QString personName(const QString& personId, QString& familyId, QString& familyName);
    void onItemActivated(QTreeWidgetItem* item);

    CaseSession* m_session = nullptr;
    QLabel* m_todayLabel = nullptr;
    QTreeWidget* m_tree = nullptr;
    // Read during one refresh(), then dropped, so that names are read once
    // per family and the whole people list at most once.
    QHash<QString, FamilyDetail> m_familiesRead;
    QList<PersonSummary> m_everyone;
    bool m_everyoneRead = false;
};

} // namespace earlyhelp::ui
