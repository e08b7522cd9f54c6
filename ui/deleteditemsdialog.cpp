#include "deleteditemsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "casesession.h"
#include "displaytext.h"
#include "store/store.h"

namespace earlyhelp::ui {

namespace {

enum Column { KindColumn, FamilyColumn, DescriptionColumn, DeletedColumn, DaysLeftColumn, ColumnCount };

// The row's index in m_items.
constexpr int ItemIndexRole = Qt::UserRole;

} // namespace

DeletedItemsDialog::DeletedItemsDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("deletedItemsDialog"));
    setWindowTitle(tr("Deleted Items"));

    auto* introLabel = new QLabel(
        tr("Case records deleted in the last %n day(s) can be restored. Choose one from the &list and press "
           "Restore.",
           nullptr, restoreWindowDays),
        this);
    introLabel->setObjectName(QStringLiteral("deletedItemsIntroLabel"));
    introLabel->setWordWrap(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("deletedItemsTreeWidget"));
    m_tree->setAccessibleName(tr("Deleted records"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Kind"), tr("Family"), tr("Description"), tr("Deleted on"), tr("Days left")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    for (int column = 0; column < ColumnCount; ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    introLabel->setBuddy(m_tree);

    m_emptyLabel = new QLabel(
        tr("No case records were deleted in the last %n day(s).", nullptr, restoreWindowDays), this);
    m_emptyLabel->setObjectName(QStringLiteral("deletedItemsEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("deletedItemsStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restoreButton = buttons->addButton(tr("&Restore"), QDialogButtonBox::ActionRole);
    m_restoreButton->setObjectName(QStringLiteral("restoreButton"));
    m_restoreButton->setDefault(true);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restoreButton, &QPushButton::clicked, this, &DeletedItemsDialog::restoreCurrent);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &DeletedItemsDialog::updateButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);

    if (m_session && !m_session->may(access::Action::DeleteRestore))
        m_statusLabel->setText(tr("Your role may see deleted records but not restore them."));

    resize(860, 420);
    reload();
}

void DeletedItemsDialog::reload() {
    const QString currentId = [this] {
        const QTreeWidgetItem* current = m_tree->currentItem();
        if (!current)
            return QString();
        return m_items.value(current->data(KindColumn, ItemIndexRole).toInt()).id;
    }();
    const int currentRow = m_tree->currentItem() ? m_tree->indexOfTopLevelItem(m_tree->currentItem()) : 0;

    m_tree->clear();
    m_items.clear();
    if (m_session) {
        Result<QList<DeletedItem>> items = DeletedItems(m_session->store()).list();
        if (items)
            m_items = *items;
        else
            m_statusLabel->setText(items.error().message);
    }

    for (qsizetype index = 0; index < m_items.size(); ++index) {
        const DeletedItem& item = m_items.at(index);
        const QDateTime deletedAt = item.deletedAt.toLocalTime();
        const QDateTime until = item.restorableUntil.toLocalTime();

        auto* row = new QTreeWidgetItem(m_tree);
        row->setData(KindColumn, ItemIndexRole, int(index));
        row->setText(KindColumn, kindLabel(item.kind));
        row->setText(FamilyColumn, item.familyName.isEmpty() ? tr("No family") : item.familyName);
        row->setText(DescriptionColumn, item.description);
        row->setToolTip(DescriptionColumn, item.description);
        row->setText(DeletedColumn, displayDate(deletedAt.date()));
        row->setToolTip(
            DeletedColumn,
            tr("Deleted at %1 on %2").arg(deletedAt.toString(u"HH:mm"), displayDate(deletedAt.date())));
        if (item.daysLeft == 0)
            row->setText(DaysLeftColumn, tr("Until %1 today").arg(until.toString(u"HH:mm")));
        else
            row->setText(DaysLeftColumn, tr("%n day(s)", nullptr, item.daysLeft));
        row->setToolTip(
            DaysLeftColumn,
            tr("Can be restored until %1 on %2").arg(until.toString(u"HH:mm"), displayDate(until.date())));
        row->setTextAlignment(DaysLeftColumn, Qt::AlignRight | Qt::AlignVCenter);
    }

    m_emptyLabel->setVisible(m_items.isEmpty());
    m_tree->setVisible(!m_items.isEmpty());

    QTreeWidgetItem* current = nullptr;
    for (int row = 0; row < m_tree->topLevelItemCount() && !currentId.isEmpty(); ++row) {
        QTreeWidgetItem* item = m_tree->topLevelItem(row);
        if (m_items.at(item->data(KindColumn, ItemIndexRole).toInt()).id == currentId)
            current = item;
    }
    if (!current && m_tree->topLevelItemCount() > 0)
        current = m_tree->topLevelItem(std::min(currentRow, m_tree->topLevelItemCount() - 1));
    m_tree->setCurrentItem(current);
    updateButtons();
}

void DeletedItemsDialog::restoreCurrent() {
    const QTreeWidgetItem* current = m_tree->currentItem();
    if (!m_session || !current)
        return;
    const DeletedItem item = m_items.value(current->data(KindColumn, ItemIndexRole).toInt());

    const Status restored = DeletedItems(m_session->store()).restore(m_session->actor(), item.kind, item.id);
    if (!restored) {
        m_statusLabel->setText(restored.error().message);
        return;
    }

    if (item.familyName.isEmpty())
        m_statusLabel->setText(tr("Restored: %1").arg(item.description));
    else
        m_statusLabel->setText(tr("Restored to %1: %2").arg(isolated(item.familyName), item.description));
    reload();
    if (!item.familyId.isEmpty())
        m_session->notifyFamilyChanged(item.familyId);
}

void DeletedItemsDialog::updateButtons() {
    const bool allowed = m_session && m_session->may(access::Action::DeleteRestore);
    m_restoreButton->setEnabled(allowed && m_tree->currentItem() != nullptr);
}

QString DeletedItemsDialog::kindLabel(CaseworkRecord kind) {
    switch (kind) {
    case CaseworkRecord::Family:
        return tr("Family");
    case CaseworkRecord::Assessment:
        return tr("Assessment");
    case CaseworkRecord::Plan:
        return tr("Plan");
    case CaseworkRecord::Goal:
        return tr("Goal");
    case CaseworkRecord::Action:
        return tr("Action");
    case CaseworkRecord::Meeting:
        return tr("TAF meeting");
    case CaseworkRecord::Review:
        return tr("Plan review");
    case CaseworkRecord::Consent:
        return tr("Consent");
    case CaseworkRecord::SharingDecision:
        return tr("Sharing decision");
    case CaseworkRecord::CaseNote:
        return tr("Case note");
    }
    return {};
}

} // namespace earlyhelp::ui
