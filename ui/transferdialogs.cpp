#include "ui/transferdialogs.h"

#include "ui/casesession.h"
#include "ui/formfields.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace earlyhelp::ui {

namespace {

QString localTime(const QDateTime& time) {
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) : QString();
}

int recordTotal(const QMap<QString, int>& counts) {
    int total = 0;
    for (int count : counts)
        total += count;
    return total;
}

QLabel* errorLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("transferErrorLabel"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(inlineErrorStyleSheet());
    label->hide();
    return label;
}

void growToFit(QDialog* dialog);

void showError(QLabel* label, const QString& message) {
    label->setText(message);
    label->setVisible(!message.isEmpty());
    if (auto* dialog = qobject_cast<QDialog*>(label->window()); dialog && !message.isEmpty())
        growToFit(dialog);
}

// A line edit for a file path with a Choose… button beside it.
QWidget* pathRow(QWidget* parent, QLineEdit* edit, QPushButton* button) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

QString documentsFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

// The path a receipt's save dialog suggests: a file in the documents folder.
QString suggestedReceiptPath() {
    return QDir(documentsFolder()).filePath(QStringLiteral("safeguarding-file-receipt.json"));
}

// Wide enough for the introductions to wrap into a few lines.
void setReadableWidth(QDialog* dialog) {
    dialog->setMinimumWidth(dialog->fontMetrics().averageCharWidth() * 72);
}

// Grows dialog to the height its wrapped labels need at its current width,
// after a panel or message appeared.
void growToFit(QDialog* dialog) {
    QLayout* layout = dialog->layout();
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(dialog->width())
                                                   : layout->totalSizeHint().height();
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}

} // namespace

SendTransferDialog::SendTransferDialog(CaseSession* session, QString personId, const QString& childName,
                                       FileChooser fileChooser, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_personId(std::move(personId))
    , m_fileChooser(std::move(fileChooser)) {
    setObjectName(QStringLiteral("sendTransferDialog"));
    setWindowTitle(tr("Transfer Safeguarding File"));

    auto* intro = new QLabel(tr("Pack the safeguarding file of %1 for the school the child is moving to. The file "
                                "is encrypted; the receiving school opens it with a one-time code that you give "
                                "them separately.")
                                 .arg(childName),
                             this);
    intro->setWordWrap(true);

    m_urnEdit = new QLineEdit(this);
    m_urnEdit->setObjectName(QStringLiteral("receivingUrnLineEdit"));
    m_urnEdit->setMaxLength(6);
    m_urnEdit->setPlaceholderText(tr("six digits, e.g. 104789"));
    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("packagePathLineEdit"));
    auto* chooseButton = new QPushButton(tr("Choose…"), this);
    chooseButton->setObjectName(QStringLiteral("choosePackageButton"));
    connect(chooseButton, &QPushButton::clicked, this, &SendTransferDialog::choosePackagePath);

    auto* form = new QFormLayout;
    form->addRow(tr("Receiving school's &URN:"), m_urnEdit);
    form->addRow(tr("Save the &package as:"), pathRow(this, m_pathEdit, chooseButton));

    m_errorLabel = errorLabel(this);

    m_codePanel = new QWidget(this);
    m_codePanel->setObjectName(QStringLiteral("transferCodePanel"));
    auto* codeLayout = new QVBoxLayout(m_codePanel);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    auto* codeIntro = new QLabel(tr("The package is saved. This is its one-time code. It is shown only this once "
                                    "and is not stored anywhere."),
                                 m_codePanel);
    codeIntro->setWordWrap(true);
    m_codeEdit = new QLineEdit(m_codePanel);
    m_codeEdit->setObjectName(QStringLiteral("transferCodeLineEdit"));
    m_codeEdit->setReadOnly(true);
    m_codeEdit->setAccessibleName(tr("One-time code"));
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.5);
    m_codeEdit->setFont(codeFont);
    m_codeEdit->setMinimumWidth(QFontMetrics(codeFont).horizontalAdvance(QStringLiteral("MMMM-MMMM-MMMM-MMMM-MMMM")) +
                                4 * m_codeEdit->fontMetrics().averageCharWidth());
    auto* copyButton = new QPushButton(tr("&Copy Code"), m_codePanel);
    copyButton->setObjectName(QStringLiteral("copyCodeButton"));
    connect(copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_codeEdit->text()); });
    auto* routeLabel = new QLabel(tr("Give the code to the receiving school by a different route than the file, "
                                     "for example read it to their designated safeguarding lead by telephone. "
                                     "Anyone with both the file and the code can read the child's file."),
                                  m_codePanel);
    routeLabel->setObjectName(QStringLiteral("transferRouteLabel"));
    routeLabel->setWordWrap(true);
    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(m_codeEdit, 1);
    codeRow->addWidget(copyButton);
    codeLayout->addWidget(codeIntro);
    codeLayout->addLayout(codeRow);
    codeLayout->addWidget(routeLabel);
    m_codePanel->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_createButton = buttons->addButton(tr("Create &Package"), QDialogButtonBox::ActionRole);
    m_createButton->setObjectName(QStringLiteral("createPackageButton"));
    m_createButton->setDefault(true);
    connect(m_createButton, &QPushButton::clicked, this, &SendTransferDialog::createPackage);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_codePanel);
    layout->addWidget(buttons);
    setReadableWidth(this);
}

void SendTransferDialog::choosePackagePath() {
    const QString path = m_fileChooser.saveFile(this, tr("Save Safeguarding File Package"), documentsFolder(),
                                                tr("Safeguarding file packages (*.ehsg)"));
    if (!path.isEmpty())
        m_pathEdit->setText(QDir::toNativeSeparators(path));
}

void SendTransferDialog::createPackage() {
    if (m_pathEdit->text().trimmed().isEmpty()) {
        showError(m_errorLabel, tr("Choose where to save the package."));
        return;
    }
    transfer::SafeguardingTransfer transfers(m_session->store());
    Result<transfer::SentPackage> sent =
        transfers.sendFile(m_session->actor(), m_personId, m_urnEdit->text(),
                           QDir::fromNativeSeparators(m_pathEdit->text().trimmed()));
    if (!sent) {
        showError(m_errorLabel, sent.error().message);
        return;
    }
    showError(m_errorLabel, QString());
    m_codeEdit->setText(sent->code);
    m_codePanel->show();
    growToFit(this);
    m_urnEdit->setReadOnly(true);
    m_pathEdit->setReadOnly(true);
    m_createButton->setEnabled(false);
    m_codeEdit->setFocus();
    m_codeEdit->selectAll();
}

ImportTransferDialog::ImportTransferDialog(CaseSession* session, FileChooser fileChooser, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_fileChooser(std::move(fileChooser)) {
    setObjectName(QStringLiteral("importTransferDialog"));
    setWindowTitle(tr("Import Safeguarding File"));

    auto* intro = new QLabel(tr("Import the safeguarding file another school sent for a child who joins this "
                                "school, with the code that school gave you."),
                             this);
    intro->setWordWrap(true);
    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(QStringLiteral("importPackagePathLineEdit"));
    auto* chooseButton = new QPushButton(tr("Choose…"), this);
    chooseButton->setObjectName(QStringLiteral("chooseImportPackageButton"));
    connect(chooseButton, &QPushButton::clicked, this, &ImportTransferDialog::choosePackagePath);
    m_codeEdit = new QLineEdit(this);
    m_codeEdit->setObjectName(QStringLiteral("importCodeLineEdit"));
    m_codeEdit->setPlaceholderText(tr("e.g. 7KQ2-MX9D-4TPV-0H3C-W8RB"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Package:"), pathRow(this, m_pathEdit, chooseButton));
    form->addRow(tr("&Code:"), m_codeEdit);

    m_errorLabel = errorLabel(this);
    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("importSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryLabel->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole);
    m_importButton->setObjectName(QStringLiteral("importPackageButton"));
    m_importButton->setDefault(true);
    connect(m_importButton, &QPushButton::clicked, this, &ImportTransferDialog::importPackage);
    m_saveReceiptButton = buttons->addButton(tr("Save &Receipt…"), QDialogButtonBox::ActionRole);
    m_saveReceiptButton->setObjectName(QStringLiteral("saveReceiptButton"));
    m_saveReceiptButton->hide();
    connect(m_saveReceiptButton, &QPushButton::clicked, this, &ImportTransferDialog::saveReceipt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(buttons);
    setReadableWidth(this);
}

void ImportTransferDialog::choosePackagePath() {
    const QString path = m_fileChooser.openFile(this, tr("Open Safeguarding File Package"), documentsFolder(),
                                                tr("Safeguarding file packages (*.ehsg);;All files (*)"));
    if (!path.isEmpty())
        m_pathEdit->setText(QDir::toNativeSeparators(path));
}

void ImportTransferDialog::importPackage() {
    transfer::SafeguardingTransfer transfers(m_session->store());
    Result<transfer::ImportedPackage> package = transfers.importFile(
        m_session->actor(), QDir::fromNativeSeparators(m_pathEdit->text().trimmed()), m_codeEdit->text());
    if (!package) {
        showError(m_errorLabel, package.error().message);
        return;
    }
    showError(m_errorLabel, QString());
    m_receipt = package->receipt;

    QString summary = tr("Imported the safeguarding file of %1 from %2 (URN %3), packed on %4: %n record(s).",
                         nullptr, recordTotal(package->counts))
                          .arg(package->childName, package->sendingSchoolName, package->sendingSchoolUrn,
                               localTime(package->createdAt));
    if (package->joinedExistingPerson)
        summary += u' ' + tr("This school already had a pupil with the child's UPN, so the records were added "
                             "to that pupil.");
    summary += u"\n\n" + tr("Save the receipt and send it back to the sending school, so that they can record "
                            "that the file arrived.");
    m_summaryLabel->setText(summary);
    m_summaryLabel->show();
    m_saveReceiptButton->show();
    growToFit(this);
    m_importButton->setEnabled(false);
    m_pathEdit->setReadOnly(true);
    m_codeEdit->setReadOnly(true);
    emit imported(package->personId);
}

void ImportTransferDialog::saveReceipt() {
    const QString path = m_fileChooser.saveFile(this, tr("Save Receipt"), suggestedReceiptPath(),
                                                tr("Safeguarding file receipts (*.json)"));
    if (path.isEmpty())
        return;
    if (Status written = transfer::writePrivateFile(path, m_receipt); !written) {
        showError(m_errorLabel, written.error().message);
        return;
    }
    showError(m_errorLabel, QString());
    m_summaryLabel->setText(m_summaryLabel->text() + u"\n\n"
                            + tr("Receipt saved to %1.").arg(QDir::toNativeSeparators(path)));
}

namespace {

enum TransferColumn {
    DirectionColumn,
    ChildColumn,
    SchoolColumn,
    PackedColumn,
    TransferredColumn,
    ReceivedColumn,
    ConfirmedColumn,
    PackageColumn,
    ColumnCount,
};

} // namespace

TransfersDialog::TransfersDialog(CaseSession* session, FileChooser fileChooser, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_fileChooser(std::move(fileChooser)) {
    setObjectName(QStringLiteral("transfersDialog"));
    setWindowTitle(tr("Safeguarding File Transfers"));
    resize(900, 400);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("transfersTable"));
    m_table->setHorizontalHeaderLabels({tr("Direction"), tr("Child"), tr("Other school"), tr("Packed"),
                                        tr("Sent or imported"), tr("Received"), tr("Receipt recorded"),
                                        tr("Package")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TransfersDialog::updateButtons);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("transfersMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_confirmButton = buttons->addButton(tr("&Confirm Receipt…"), QDialogButtonBox::ActionRole);
    m_confirmButton->setObjectName(QStringLiteral("confirmReceiptButton"));
    m_confirmButton->setToolTip(tr("Record the receipt a receiving school sent back"));
    connect(m_confirmButton, &QPushButton::clicked, this, &TransfersDialog::confirmReceipt);
    m_saveReceiptButton = buttons->addButton(tr("Save &Receipt…"), QDialogButtonBox::ActionRole);
    m_saveReceiptButton->setObjectName(QStringLiteral("saveTransferReceiptButton"));
    m_saveReceiptButton->setToolTip(tr("Save the receipt of the selected imported file again"));
    connect(m_saveReceiptButton, &QPushButton::clicked, this, &TransfersDialog::saveReceipt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_messageLabel);
    layout->addWidget(buttons);
    reload();
}

void TransfersDialog::reload() {
    transfer::SafeguardingTransfer transfers(m_session->store());
    Result<QList<transfer::TransferEntry>> entries = transfers.transfers();
    if (!entries) {
        m_messageLabel->setText(entries.error().message);
        return;
    }
    m_entries = *entries;
    m_table->setRowCount(int(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row) {
        const transfer::TransferEntry& entry = m_entries.at(row);
        const bool sent = entry.direction == transfer::TransferDirection::Sent;
        const QString school = entry.otherSchoolName.isEmpty()
                                   ? tr("URN %1").arg(entry.otherSchoolUrn)
                                   : tr("%1 (URN %2)").arg(entry.otherSchoolName, entry.otherSchoolUrn);
        QString confirmed = localTime(entry.confirmedAt);
        if (sent && confirmed.isEmpty())
            confirmed = tr("Waiting");
        const QStringList cells = {sent ? tr("Sent") : tr("Received"),
                                   entry.childName,
                                   school,
                                   localTime(entry.createdAt),
                                   localTime(entry.transferredAt),
                                   localTime(entry.receiptAt),
                                   sent ? confirmed : QString(),
                                   entry.packageId};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    m_table->resizeColumnsToContents();
    if (m_entries.isEmpty())
        m_messageLabel->setText(tr("No safeguarding files have been sent or received."));
    updateButtons();
}

void TransfersDialog::updateButtons() {
    const int row = m_table->currentRow();
    const bool receivedSelected = row >= 0 && row < m_entries.size()
                                  && m_entries.at(row).direction == transfer::TransferDirection::Received;
    m_saveReceiptButton->setEnabled(receivedSelected);
    m_confirmButton->setEnabled(m_session->may(access::Action::Export));
}

void TransfersDialog::confirmReceipt() {
    const QString path = m_fileChooser.openFile(this, tr("Open Receipt"), documentsFolder(),
                                                tr("Safeguarding file receipts (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_messageLabel->setText(tr("%1 could not be read: %2. Check the file's name and folder.")
                                    .arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    transfer::SafeguardingTransfer transfers(m_session->store());
    Result<transfer::TransferEntry> entry = transfers.confirmReceipt(m_session->actor(), file.read(1024 * 1024));
    if (!entry) {
        m_messageLabel->setText(entry.error().message);
        return;
    }
    reload();
    m_messageLabel->setText(tr("Receipt recorded: %1 (URN %2) imported the safeguarding file of %3 on %4.")
                                .arg(entry->otherSchoolName, entry->otherSchoolUrn, entry->childName,
                                     localTime(entry->receiptAt)));
}

void TransfersDialog::saveReceipt() {
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_entries.size())
        return;
    const QString path = m_fileChooser.saveFile(this, tr("Save Receipt"), suggestedReceiptPath(),
                                                tr("Safeguarding file receipts (*.json)"));
    if (path.isEmpty())
        return;
    transfer::SafeguardingTransfer transfers(m_session->store());
    Result<QByteArray> receipt = transfers.receipt(m_entries.at(row).packageId);
    if (!receipt) {
        m_messageLabel->setText(receipt.error().message);
        return;
    }
    if (Status written = transfer::writePrivateFile(path, *receipt); !written) {
        m_messageLabel->setText(written.error().message);
        return;
    }
    m_messageLabel->setText(tr("Receipt saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace earlyhelp::ui
