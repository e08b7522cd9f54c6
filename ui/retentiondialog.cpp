#include "retentiondialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "casesession.h"
#include "erasepersondialog.h"
#include "formfields.h"

namespace earlyhelp::ui {

namespace {

enum Column { DueColumn, NameColumn, ActionColumn, ClauseColumn, ReceivedColumn, KeptColumn, ColumnCount };

constexpr int ItemIndexRole = Qt::UserRole;

// Days ahead the list looks by default: a term, so that a review can be
// prepared before the date.
constexpr int defaultDaysAhead = 90;

QString dateText(QDate date) {
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

} // namespace

RetentionDialog::RetentionDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("retentionDialog"));
    setWindowTitle(tr("Retention"));

    auto* introLabel = new QLabel(tr("Records whose retention period under the agreement has ended, or ends "
                                     "within the days chosen. Review one to keep it longer, or erase it."),
                                  this);
    introLabel->setWordWrap(true);

    m_daysSpinBox = new QSpinBox(this);
    m_daysSpinBox->setObjectName(QStringLiteral("daysAheadSpinBox"));
    m_daysSpinBox->setRange(0, 3650);
    m_daysSpinBox->setValue(defaultDaysAhead);
    m_daysSpinBox->setSuffix(tr(" days"));
    auto* daysLabel = new QLabel(tr("&Due within:"), this);
    daysLabel->setBuddy(m_daysSpinBox);
    auto* daysRow = new QHBoxLayout;
    daysRow->addWidget(daysLabel);
    daysRow->addWidget(m_daysSpinBox);
    daysRow->addStretch(1);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("retentionTreeWidget"));
    m_tree->setAccessibleName(tr("Records due for review or deletion"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels(
        {tr("Due"), tr("Name"), tr("What is due"), tr("Clause"), tr("Received from"), tr("Kept until")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("retentionEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("retentionStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_reviewButton = buttons->addButton(tr("&Review…"), QDialogButtonBox::ActionRole);
    m_reviewButton->setObjectName(QStringLiteral("reviewButton"));
    m_eraseButton = buttons->addButton(tr("&Erase…"), QDialogButtonBox::ActionRole);
    m_eraseButton->setObjectName(QStringLiteral("eraseButton"));
    m_eraseButton->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reviewButton, &QPushButton::clicked, this, &RetentionDialog::reviewCurrent);
    connect(m_eraseButton, &QPushButton::clicked, this, &RetentionDialog::eraseCurrent);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &RetentionDialog::updateButtons);
    connect(m_daysSpinBox, &QSpinBox::valueChanged, this, &RetentionDialog::reload);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addLayout(daysRow);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);
    resize(760, 420);
    reload();
}

void RetentionDialog::reload() {
    m_tree->clear();
    m_items.clear();
    const sharing::AgreementState& state = m_session->agreementState();
    if (!state.inForce) {
        m_emptyLabel->setText(state.unavailableReason);
        m_emptyLabel->show();
        m_tree->hide();
        updateButtons();
        return;
    }

    retention::RetentionList list(m_session->store(), *state.inForce);
    Result<QList<retention::DueItem>> items = list.due(m_daysSpinBox->value());
    if (!items) {
        m_emptyLabel->setText(items.error().message);
        m_emptyLabel->show();
        m_tree->hide();
        updateButtons();
        return;
    }
    m_items = std::move(*items);
    for (qsizetype index = 0; index < m_items.size(); ++index) {
        const retention::DueItem& item = m_items.at(index);
        auto* row = new QTreeWidgetItem(m_tree);
        row->setText(DueColumn, dateText(item.dueDate));
        row->setText(NameColumn, item.displayName.isEmpty() ? tr("(no name)") : item.displayName);
        const bool review = item.action == policy::RetentionAction::Review;
        if (item.subjectType == retention::SubjectType::Person)
            row->setText(ActionColumn, review ? tr("Review child's file") : tr("Delete child's file"));
        else
            row->setText(ActionColumn, review ? tr("Review family's records") : tr("Delete family's records"));
        row->setText(ClauseColumn, item.clauseIds.join(QStringLiteral(", ")));
        row->setText(ReceivedColumn, item.receivedFrom);
        row->setText(KeptColumn, dateText(item.keptUntil));
        row->setData(DueColumn, ItemIndexRole, static_cast<int>(index));
    }
    const bool empty = m_items.isEmpty();
    m_emptyLabel->setText(tr("Nothing is due within %n day(s).", nullptr, m_daysSpinBox->value()));
    m_emptyLabel->setVisible(empty);
    m_tree->setVisible(!empty);
    if (!empty)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateButtons();
}

const retention::DueItem* RetentionDialog::currentItem() const {
    const QTreeWidgetItem* row = m_tree->currentItem();
    if (row == nullptr)
        return nullptr;
    const int index = row->data(DueColumn, ItemIndexRole).toInt();
    return index >= 0 && index < m_items.size() ? &m_items.at(index) : nullptr;
}

void RetentionDialog::updateButtons() {
    const retention::DueItem* item = currentItem();
    m_reviewButton->setEnabled(item != nullptr && m_session->may(access::Action::DeleteRestore));
    // NOTE: a family's records are erased by erasing each member; the family
    // goes with its last member. Erase… works on a child's file only.
    m_eraseButton->setEnabled(item != nullptr && item->subjectType == retention::SubjectType::Person &&
                              m_session->actor().role() == access::Role::Lead);
}

void RetentionDialog::reviewCurrent() {
    const retention::DueItem* item = currentItem();
    if (item == nullptr || !m_session->agreementState().inForce)
        return;
    const retention::DueItem chosen = *item;

    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("retentionReviewDialog"));
    dialog.setWindowTitle(tr("Review Retention"));
    auto* keepEdit = makeDateEdit(&dialog, QStringLiteral("keepUntilDateEdit"), tr("Keep until"));
    keepEdit->setDate(m_session->today().addYears(1));
    auto* reasonEdit = new QLineEdit(&dialog);
    reasonEdit->setObjectName(QStringLiteral("reviewReasonLineEdit"));
    auto* errorLabel = new QLabel(&dialog);
    errorLabel->setObjectName(QStringLiteral("reviewErrorLabel"));
    errorLabel->setWordWrap(true);
    errorLabel->setTextFormat(Qt::PlainText);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    auto* form = new QFormLayout(&dialog);
    form->addRow(new QLabel(tr("%1: due on %2.").arg(chosen.displayName, dateText(chosen.dueDate)), &dialog));
    form->addRow(tr("&Keep until:"), keepEdit);
    form->addRow(tr("&Reason:"), reasonEdit);
    form->addRow(errorLabel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        retention::RetentionList list(m_session->store(), *m_session->agreementState().inForce);
        Result<QString> review = list.recordReview(m_session->actor(), chosen.subjectType, chosen.subjectId,
                                                   keepEdit->date(), reasonEdit->text());
        if (!review) {
            errorLabel->setText(review.error().message);
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_statusLabel->setText(tr("Kept %1 until %2.").arg(chosen.displayName, dateText(keepEdit->date())));
    reload();
}

void RetentionDialog::eraseCurrent() {
    const retention::DueItem* item = currentItem();
    if (item == nullptr || item->subjectType != retention::SubjectType::Person)
        return;
    ErasePersonDialog dialog(m_session, item->subjectId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_statusLabel->setText(tr("Erased %1.").arg(dialog.outcome()->plan.confirmationName));
    reload();
}

} // namespace earlyhelp::ui
