#include "familycasepage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include "casesession.h"
#include "casework/familycaserepository.h"
#include "displaytext.h"
#include "formfields.h"
#include "formundo.h"

namespace earlyhelp::ui {

namespace {

enum HistoryColumn { DateColumn, FromColumn, ToColumn, ReasonColumn, ChangedByColumn, ColumnCount };

QTableWidgetItem* readOnlyItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

const QList<FamilyStatus> allStatuses{FamilyStatus::Open, FamilyStatus::SteppedUp, FamilyStatus::SteppedDown,
                                      FamilyStatus::Closed};

} // namespace

FamilyCasePage::FamilyCasePage(QWidget* parent)
    : FamilyPage(parent) {
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("caseStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    QFont statusFont = m_statusLabel->font();
    statusFont.setBold(true);
    m_statusLabel->setFont(statusFont);

    m_changeButton = new QPushButton(tr("Chan&ge Status…"), this);
    m_changeButton->setObjectName(QStringLiteral("changeStatusPushButton"));

    m_leadEdit = new QLineEdit(this);
    m_leadEdit->setObjectName(QStringLiteral("leadPractitionerLineEdit"));
    m_leadEdit->setAccessibleName(tr("Lead practitioner"));
    m_leadEdit->setPlaceholderText(tr("No lead practitioner assigned"));
    m_leadButton = new QPushButton(tr("&Update"), this);
    m_leadButton->setObjectName(QStringLiteral("updateLeadPushButton"));
    m_leadButton->setToolTip(tr("Save the lead practitioner as typed."));

    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel);
    statusRow->addWidget(m_changeButton);
    statusRow->addStretch();
    auto* leadRow = new QHBoxLayout;
    leadRow->addWidget(m_leadEdit, 1);
    leadRow->addWidget(m_leadButton);

    auto* form = new QFormLayout;
    form->addRow(tr("Status:"), statusRow);
    auto* leadLabel = new QLabel(tr("Lead &practitioner:"), this);
    leadLabel->setBuddy(m_leadEdit);
    form->addRow(leadLabel, leadRow);

    m_historyTable = new QTableWidget(0, ColumnCount, this);
    m_historyTable->setObjectName(QStringLiteral("statusHistoryTableWidget"));
    m_historyTable->setAccessibleName(tr("Status history"));
    m_historyTable->setHorizontalHeaderLabels(
        {tr("Date"), tr("From"), tr("To"), tr("Reason"), tr("Changed by")});
    m_historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyTable->setAlternatingRowColors(true);
    m_historyTable->setTabKeyNavigation(false);
    m_historyTable->verticalHeader()->hide();
    m_historyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyTable->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    auto* historyLabel = new QLabel(tr("Status &history:"), this);
    historyLabel->setBuddy(m_historyTable);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("caseErrorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(inlineErrorStyleSheet());
    m_errorLabel->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(historyLabel);
    layout->addWidget(m_historyTable, 1);
    layout->addWidget(m_errorLabel);

    setTabOrder(m_changeButton, m_leadEdit);
    setTabOrder(m_leadEdit, m_leadButton);
    setTabOrder(m_leadButton, m_historyTable);

    connect(m_changeButton, &QPushButton::clicked, this, &FamilyCasePage::changeStatus);
    connect(m_leadButton, &QPushButton::clicked, this, &FamilyCasePage::saveLeadPractitioner);
    connect(m_leadEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_leadButton->isEnabled())
            saveLeadPractitioner();
    });
    connect(m_leadEdit, &QLineEdit::textChanged, this, &FamilyCasePage::updateButtons);
    updateButtons();
}

void FamilyCasePage::showFamily(CaseSession* session, const QString& familyId) {
    m_session = session;
    m_familyId = familyId;
    m_family.reset();
    m_lastChangeDate = QDate();
    m_historyTable->setRowCount(0);
    showError(QString());

    Result<FamilyCase> family = session->familyCases().family(familyId);
    if (!family) {
        m_statusLabel->clear();
        showError(family.error().message);
        updateButtons();
        return;
    }
    m_family = *family;
    // setText() rather than clear() keeps a reload out of the field's undo
    // history.
    const bool keepTyped =
        m_typedLeadFamilyId == familyId && m_typedLead.trimmed() != family->leadPractitioner;
    m_leadEdit->setText(keepTyped ? m_typedLead : family->leadPractitioner);
    m_leadEdit->setModified(keepTyped);
    m_typedLeadFamilyId.clear();

    Result<QList<FamilyStatusChangeRecord>> history = session->familyCases().statusHistory(familyId);
    if (!history) {
        showError(history.error().message);
    } else {
        // Core returns the history oldest first, and the table shows the
        // newest change at the top.
        const QList<FamilyStatusChangeRecord>& changes = *history;
        m_historyTable->setRowCount(static_cast<int>(changes.size()));
        for (int index = 0; index < changes.size(); ++index) {
            const FamilyStatusChangeRecord& change = changes.at(changes.size() - 1 - index);
            m_historyTable->setItem(index, DateColumn, readOnlyItem(displayDate(change.date)));
            m_historyTable->setItem(index, FromColumn, readOnlyItem(familyStatusLabel(change.from)));
            m_historyTable->setItem(index, ToColumn, readOnlyItem(familyStatusLabel(change.to)));
            QTableWidgetItem* reason = readOnlyItem(change.reason);
            reason->setToolTip(change.reason);
            m_historyTable->setItem(index, ReasonColumn, reason);
            m_historyTable->setItem(index, ChangedByColumn, readOnlyItem(change.changedBy));
        }
        if (!changes.isEmpty())
            m_lastChangeDate = changes.last().date;
    }

    const QString status = familyStatusLabel(m_family->status);
    m_statusLabel->setText(m_lastChangeDate.isValid()
                               ? tr("%1 since %2").arg(status, displayDate(m_lastChangeDate))
                               : tr("%1 (no status change recorded)").arg(status));
    updateButtons();
}

void FamilyCasePage::clearFamily() {
    m_session = nullptr;
    if (m_leadEdit->isModified()) {
        m_typedLead = m_leadEdit->text();
        m_typedLeadFamilyId = m_familyId;
    }
    m_familyId.clear();
    m_family.reset();
    m_statusLabel->clear();
    m_leadEdit->setText(QString());
    m_historyTable->setRowCount(0);
    showError(QString());
    updateButtons();
}

void FamilyCasePage::updateButtons() {
    const bool editable = m_session && m_family && m_session->may(access::Action::EditCases);
    m_changeButton->setEnabled(editable);
    m_leadEdit->setReadOnly(!editable);
    m_leadButton->setEnabled(editable && m_leadEdit->text().trimmed() != m_family->leadPractitioner);
    const QString readOnlyReason =
        m_session && !editable ? tr("Your role does not allow changes to case records.") : QString();
    m_changeButton->setToolTip(readOnlyReason.isEmpty() ? tr("Change the family's case status.")
                                                        : readOnlyReason);
    m_leadEdit->setToolTip(readOnlyReason);
}

void FamilyCasePage::showError(const QString& message) {
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

void FamilyCasePage::saveLeadPractitioner() {
    if (!m_session || !m_family)
        return;
    Result<bool> saved =
        m_session->familyCases().setLeadPractitioner(m_session->actor(), m_familyId, m_leadEdit->text());
    if (!saved) {
        showError(saved.error().message);
        return;
    }
    showError(QString());
    m_leadEdit->setModified(false);
    m_session->notifyFamilyChanged(m_familyId);
}

void FamilyCasePage::changeStatus() {
    if (!m_session || !m_family)
        return;
    auto* dialog = new ChangeStatusDialog(m_session, *m_family, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_session, &QObject::destroyed, dialog, [dialog] { delete dialog; });
    dialog->open();
}

ChangeStatusDialog::ChangeStatusDialog(CaseSession* session, const FamilyCase& family, QWidget* parent)
    : EditorDialog(session, parent)
    , m_family(family) {
    setObjectName(QStringLiteral("changeStatusDialog"));
    setWindowTitle(tr("Change Status of %1[*]").arg(family.name));

    auto* currentLabel = new QLabel(familyStatusLabel(family.status), this);
    currentLabel->setObjectName(QStringLiteral("currentStatusLabel"));

    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(QStringLiteral("newStatusComboBox"));
    m_statusCombo->setAccessibleName(tr("New status"));
    for (FamilyStatus status : allStatuses) {
        if (familyStatusTransitionRule(family.status, status) != TransitionRule::Rejected)
            m_statusCombo->addItem(familyStatusLabel(status), QString(familyStatusCode(status).toString()));
    }

    m_dateEdit = makeDateEdit(this, QStringLiteral("statusDateEdit"), tr("Date the change took effect"));

    m_reasonEdit = new QPlainTextEdit(this);
    m_reasonEdit->setObjectName(QStringLiteral("statusReasonTextEdit"));
    m_reasonEdit->setAccessibleName(tr("Reason for the change"));
    m_reasonEdit->setTabChangesFocus(true);

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("statusHintLabel"));
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setForegroundRole(QPalette::PlaceholderText);

    auto* form = new QFormLayout;
    form->addRow(tr("Current status:"), currentLabel);
    auto* statusLabel = new QLabel(tr("&New status:"), this);
    statusLabel->setBuddy(m_statusCombo);
    form->addRow(statusLabel, m_statusCombo);
    auto* dateLabel = new QLabel(tr("&Date:"), this);
    dateLabel->setBuddy(m_dateEdit);
    form->addRow(dateLabel, m_dateEdit);
    auto* reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reasonEdit);
    form->addRow(reasonLabel, m_reasonEdit);
    form->addRow(QString(), m_hintLabel);
    formLayout()->addLayout(form);

    trackField(m_statusCombo);
    trackField(m_dateEdit);
    trackField(m_reasonEdit);
    formUndo()->withoutRecording([this, session] { m_dateEdit->setDate(session->today()); });
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, &ChangeStatusDialog::updateHint);
    updateHint();
    resize(560, 380);
}

void ChangeStatusDialog::updateHint() {
    const std::optional<FamilyStatus> to = familyStatusFromCode(m_statusCombo->currentData().toString());
    if (!to) {
        m_hintLabel->clear();
        return;
    }
    switch (*to) {
    case FamilyStatus::Closed:
        m_hintLabel->setText(tr("Give the reason for closing, such as the plan's goals being met."));
        break;
    case FamilyStatus::SteppedUp:
        m_hintLabel->setText(tr("Give the reason for the referral to children's social care."));
        break;
    case FamilyStatus::SteppedDown:
        m_hintLabel->setText(tr("Give the reason social care handed the family back to early help."));
        break;
    case FamilyStatus::Open:
        m_hintLabel->setText(tr("Give the reason for reopening the case."));
        break;
    }
}

Status ChangeStatusDialog::save() {
    const std::optional<FamilyStatus> to = familyStatusFromCode(m_statusCombo->currentData().toString());
    if (!to)
        return makeError(ErrorCode::InvalidInput, tr("The new status is missing. Choose one from the list."));
    const QString reason = m_reasonEdit->toPlainText().trimmed();
    if (reason.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
                         tr("The reason for the change is missing. Enter why the status changes to %1.")
                             .arg(familyStatusLabel(*to)));
    }
    Result<FamilyStatusChangeRecord> changed = session()->familyCases().changeStatus(
        session()->actor(), m_family.id, *to, m_dateEdit->date(), reason);
    if (!changed)
        return std::unexpected(changed.error());
    session()->notifyFamilyChanged(m_family.id);
    return {};
}

} // namespace earlyhelp::ui
