#include "myworkview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "casesession.h"
#include "displaytext.h"

namespace earlyhelp::ui {

namespace {

enum Column { FamilyColumn, DueColumn, WhatColumn, ColumnCount };

enum Role {
    FamilyIdRole = Qt::UserRole,
    RecordIdRole,
    GroupRole,
};

// How far ahead reviews and consent reviews count as due.
constexpr int daysAhead = 7;

} // namespace

MyWorkView::MyWorkView(CaseSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session) {
    m_todayLabel = new QLabel(this);
    m_todayLabel->setObjectName(QStringLiteral("myWorkTodayLabel"));
    m_todayLabel->setTextFormat(Qt::PlainText);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("myWorkTreeWidget"));
    m_tree->setAccessibleName(tr("My work"));
    m_tree->setAccessibleDescription(tr("Reviews, actions and consent due, and families without a plan. "
                                        "Press Enter to open a line's family."));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Family"), tr("Due"), tr("What is due")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setRootIsDecorated(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(FamilyColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(DueColumn, QHeaderView::ResizeToContents);
    connect(m_tree, &QTreeWidget::itemActivated, this, &MyWorkView::onItemActivated);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_todayLabel);
    layout->addWidget(m_tree, 1);
    setFocusProxy(m_tree);

    refresh();
}

void MyWorkView::setSession(CaseSession* session) {
    m_session = session;
    refresh();
}

void MyWorkView::refresh() {
    QString currentRecord;
    int currentGroup = -1;
    if (const QTreeWidgetItem* current = m_tree->currentItem()) {
        currentRecord = current->data(FamilyColumn, RecordIdRole).toString();
        currentGroup = current->data(FamilyColumn, GroupRole).toInt();
    }

    m_tree->clear();
    if (!m_session) {
        m_todayLabel->setText(tr("Unlock a store to see the work due."));
        return;
    }

    const QDate today = m_session->today();
    m_todayLabel->setText(tr("Work due as of %1").arg(displayDate(today)));
    const MyWorkQueries& queries = m_session->myWork();
    addGroup(Group::ReviewsDue, queries.reviewsDue(today, daysAhead));
    addGroup(Group::OverdueActions, queries.overdueActions(today));
    addGroup(Group::ConsentsDue, queries.consentsDueForReview(today, daysAhead));
    addGroup(Group::FamiliesWithoutPlan, queries.familiesWithoutPlan(today));
    m_familiesRead.clear();
    m_everyone.clear();
    m_everyoneRead = false;
    m_tree->expandAll();

    // Keep the line that was current, else the first line of its group, else
    // the first line of all.
    QTreeWidgetItem* fallback = nullptr;
    for (int groupIndex = 0; groupIndex < m_tree->topLevelItemCount(); ++groupIndex) {
        QTreeWidgetItem* groupItem = m_tree->topLevelItem(groupIndex);
        for (int line = 0; line < groupItem->childCount(); ++line) {
            QTreeWidgetItem* item = groupItem->child(line);
            if (item->data(FamilyColumn, RecordIdRole).toString().isEmpty())
                continue;
            if (!currentRecord.isEmpty() &&
                item->data(FamilyColumn, RecordIdRole).toString() == currentRecord &&
                item->data(FamilyColumn, GroupRole).toInt() == currentGroup) {
                m_tree->setCurrentItem(item);
                return;
            }
            if (!fallback || (groupIndex == currentGroup && fallback->parent() != groupItem))
                fallback = item;
        }
    }
    if (fallback)
        m_tree->setCurrentItem(fallback);
}

void MyWorkView::addGroup(Group group, const Result<QList<MyWorkItem>>& items) {
    auto* groupItem = new QTreeWidgetItem(m_tree);
    groupItem->setFlags(Qt::ItemIsEnabled);
    groupItem->setFirstColumnSpanned(true);
    groupItem->setData(FamilyColumn, GroupRole, int(group));
    QFont bold = groupItem->font(FamilyColumn);
    bold.setBold(true);
    groupItem->setFont(FamilyColumn, bold);

    const auto addNote = [&](const QString& text) {
        auto* note = new QTreeWidgetItem(groupItem, QStringList{text});
        note->setFlags(Qt::ItemIsEnabled);
        note->setFirstColumnSpanned(true);
        note->setForeground(FamilyColumn, palette().brush(QPalette::PlaceholderText));
        note->setData(FamilyColumn, GroupRole, int(group));
    };

    if (!items) {
        groupItem->setText(FamilyColumn, groupTitle(group, 0));
        addNote(tr("This list could not be read: %1").arg(items.error().message));
        return;
    }
    groupItem->setText(FamilyColumn, groupTitle(group, int(items->size())));
    if (items->isEmpty()) {
        addNote(emptyGroupText(group));
        return;
    }
    for (const MyWorkItem& item : *items)
        addLine(groupItem, group, item);
}

void MyWorkView::addLine(QTreeWidgetItem* groupItem, Group group, const MyWorkItem& item) {
    QString familyId = item.familyId;
    QString familyName = item.familyName;
    QString whatIsDue;
    switch (group) {
    case Group::ReviewsDue:
        whatIsDue = tr("Plan review");
        break;
    case Group::OverdueActions:
        whatIsDue = item.text;
        break;
    case Group::ConsentsDue: {
        const QString name = personName(item.text, familyId, familyName);
        whatIsDue = name.isEmpty() ? tr("Consent for a person not found in this store")
                                   : tr("Consent for %1").arg(isolated(name));
        break;
    }
    case Group::FamiliesWithoutPlan:
        whatIsDue = tr("No active plan");
        break;
    }

    auto* line = new QTreeWidgetItem(groupItem);
    line->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    line->setData(FamilyColumn, FamilyIdRole, familyId);
    line->setData(FamilyColumn, RecordIdRole, item.recordId);
    line->setData(FamilyColumn, GroupRole, int(group));
    line->setText(FamilyColumn, familyName.isEmpty() ? tr("No family") : familyName);
    line->setText(WhatColumn, whatIsDue);
    line->setToolTip(WhatColumn, whatIsDue);

    if (item.date.isValid()) {
        const QDate today = m_session->today();
        const qint64 days = today.daysTo(item.date);
        QString when;
        if (days < 0)
            when = tr("%n day(s) overdue", nullptr, int(-days));
        else if (days == 0)
            when = tr("Due today");
        else
            when = tr("Due in %n day(s)", nullptr, int(days));
        line->setText(DueColumn, displayDate(item.date));
        if (days < 0) {
            QFont bold = line->font(DueColumn);
            bold.setBold(true);
            line->setFont(DueColumn, bold);
        }
        line->setToolTip(DueColumn, when);
        line->setData(DueColumn, Qt::AccessibleTextRole, tr("%1, %2").arg(displayDate(item.date), when));
    }
    if (familyId.isEmpty())
        line->setToolTip(FamilyColumn,
                         tr("This record belongs to no family, so there is no family to open."));
    else
        line->setToolTip(FamilyColumn,
                         tr("Press Enter or double-click to open %1.").arg(isolated(familyName)));
}

QString MyWorkView::groupTitle(Group group, int count) const {
    switch (group) {
    case Group::ReviewsDue:
        return tr("Reviews overdue or due in the next 7 days (%n)", nullptr, count);
    case Group::OverdueActions:
        return tr("Overdue actions (%n)", nullptr, count);
    case Group::ConsentsDue:
        return tr("Consent due for review (%n)", nullptr, count);
    case Group::FamiliesWithoutPlan:
        return tr("Families without a plan (%n)", nullptr, count);
    }
    return {};
}

QString MyWorkView::emptyGroupText(Group group) const {
    switch (group) {
    case Group::ReviewsDue:
        return tr("No plan reviews are overdue or due in the next 7 days.");
    case Group::OverdueActions:
        return tr("No actions are overdue.");
    case Group::ConsentsDue:
        return tr("No consent is due for review in the next 7 days.");
    case Group::FamiliesWithoutPlan:
        return tr("Every open family has an active plan.");
    }
    return {};
}

QString MyWorkView::personName(const QString& personId, QString& familyId, QString& familyName) {
    if (!familyId.isEmpty()) {
        auto family = m_familiesRead.find(familyId);
        if (family == m_familiesRead.end()) {
            Result<FamilyDetail> detail = m_session->directory().family(familyId);
            family = m_familiesRead.insert(familyId, detail ? *detail : FamilyDetail{});
        }
        for (const FamilyMember& member : std::as_const(family->members)) {
            if (member.person.id == personId)
                return member.person.displayName();
        }
    }

    // NOTE: CaseDirectory::people() returns at most 5,000 people, so a
    // person outside the consent's family in a larger store may be missed and
    // shown as not found.
    if (!m_everyoneRead) {
        Result<QList<PersonSummary>> everyone = m_session->directory().people();
        if (everyone)
            m_everyone = *everyone;
        m_everyoneRead = true;
    }
    for (const PersonSummary& person : std::as_const(m_everyone)) {
        if (person.id != personId)
            continue;
        if (familyId.isEmpty()) {
            familyId = person.familyId;
            familyName = person.familyName;
        }
        return person.displayName();
    }
    return {};
}

void MyWorkView::onItemActivated(QTreeWidgetItem* item) {
    const QString familyId = item ? item->data(FamilyColumn, FamilyIdRole).toString() : QString();
    if (!familyId.isEmpty())
        emit familyActivated(familyId);
}

} // namespace earlyhelp::ui
