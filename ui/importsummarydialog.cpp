#include "importsummarydialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace earlyhelp::ui {

namespace {

QLabel* countLabel(int value, QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(QString::number(value), parent);
    label->setObjectName(objectName);
    return label;
}

} // namespace

void ImportSummaryDialog::buildFrame(const QString& heading)
{
    setObjectName(QStringLiteral("importSummaryDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setMinimumWidth(520);

    m_headingLabel = new QLabel(heading, this);
    m_headingLabel->setObjectName(QStringLiteral("importHeadingLabel"));
    m_headingLabel->setWordWrap(true);
    m_headingLabel->setTextFormat(Qt::PlainText);
    QFont font = m_headingLabel->font();
    font.setBold(true);
    m_headingLabel->setFont(font);

    m_body = new QWidget(this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headingLabel);
    layout->addWidget(m_body, 1);
    layout->addWidget(buttons);
}

ImportSummaryDialog::ImportSummaryDialog(const QString& sourceName, const ImportSummary& summary, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import Finished"));
    const qsizetype skipped = summary.skipped.size();
    buildFrame(skipped == 0
                   ? tr("Imported %1.").arg(sourceName)
                   : tr("Imported %1, but skipped %n pupil(s).", nullptr, static_cast<int>(skipped)).arg(sourceName));

    auto* counts = new QFormLayout;
    counts->addRow(tr("Pupils added:"), countLabel(summary.pupilsAdded, m_body, QStringLiteral("pupilsAddedLabel")));
    counts->addRow(tr("Pupils updated:"),
                   countLabel(summary.pupilsUpdated, m_body, QStringLiteral("pupilsUpdatedLabel")));
    counts->addRow(tr("Pupils unchanged:"),
                   countLabel(summary.pupilsUnchanged, m_body, QStringLiteral("pupilsUnchangedLabel")));
    counts->addRow(tr("Contacts added:"),
                   countLabel(summary.contactsAdded, m_body, QStringLiteral("contactsAddedLabel")));
    counts->addRow(tr("Contacts updated:"),
                   countLabel(summary.contactsUpdated, m_body, QStringLiteral("contactsUpdatedLabel")));
    counts->addRow(tr("Families added:"),
                   countLabel(summary.familiesAdded, m_body, QStringLiteral("familiesAddedLabel")));
    counts->addRow(tr("Families updated:"),
                   countLabel(summary.familiesUpdated, m_body, QStringLiteral("familiesUpdatedLabel")));
    if (summary.pupilsWithoutFamily > 0)
        counts->addRow(tr("Pupils in no family:"),
                       countLabel(summary.pupilsWithoutFamily, m_body, QStringLiteral("pupilsWithoutFamilyLabel")));

    auto* layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(counts);

    auto addList = [this, layout](const QString& explanation, const QString& objectName, const QStringList& lines,
                                  QStyle::StandardPixmap icon) {
        auto* label = new QLabel(explanation, m_body);
        label->setWordWrap(true);
        auto* list = new QListWidget(m_body);
        list->setObjectName(objectName);
        list->setAccessibleName(explanation);
        list->setWordWrap(true);
        list->setAlternatingRowColors(true);
        const QIcon itemIcon = style()->standardIcon(icon);
        for (const QString& line : lines)
            new QListWidgetItem(itemIcon, line, list);
        label->setBuddy(list);
        layout->addSpacing(8);
        layout->addWidget(label);
        layout->addWidget(list, 1);
    };

    if (skipped > 0) {
        QStringList messages;
        for (const CtfSkippedPupil& pupil : summary.skipped)
            messages += pupil.message();
        addList(tr("Skipped pupils. Correct these records in the school's MIS and import a new file; pupils "
                   "already imported are matched by UPN, not added twice."),
                QStringLiteral("skippedListWidget"), messages, QStyle::SP_MessageBoxWarning);
    }
    if (!summary.warnings.isEmpty()) {
        addList(tr("Values left empty. These pupils were imported without the values named."),
                QStringLiteral("warningsListWidget"), summary.warnings, QStyle::SP_MessageBoxInformation);
    }
    if (skipped > 0 || !summary.warnings.isEmpty())
        resize(680, 480);
}

ImportSummaryDialog::ImportSummaryDialog(const QString& sourceName, const Error& error, QWidget* parent)
    : QDialog(parent)
{
    const bool cancelled = error.code == ErrorCode::Cancelled;
    setWindowTitle(cancelled ? tr("Import Cancelled") : tr("Import Failed"));
    buildFrame(cancelled ? tr("The import of %1 was cancelled. Nothing was imported.").arg(sourceName)
                         : tr("Nothing was imported from %1.").arg(sourceName));

    auto* icon = new QLabel(m_body);
    icon->setPixmap(style()
                        ->standardIcon(cancelled ? QStyle::SP_MessageBoxInformation : QStyle::SP_MessageBoxCritical)
                        .pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);

    auto* message = new QLabel(error.message, m_body);
    message->setObjectName(QStringLiteral("importErrorLabel"));
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto* layout = new QHBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(icon);
    layout->addWidget(message, 1);
}

} // namespace earlyhelp::ui
