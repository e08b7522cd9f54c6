#include "chronologypage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTableWidget>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QVBoxLayout>

#include "casenoteeditor.h"
#include "casesession.h"
#include "casework/casenoterepository.h"
#include "casework/caseworkoptions.h"
#include "casework/familycaserepository.h"
#include "displaytext.h"

namespace earlyhelp::ui {

namespace {

enum Column { DateColumn, TypeColumn, AuthorColumn, SignificantColumn, TextColumn, ColumnCount };

// The tab that edits the record behind an entry that is not a case note.
QString editingTab(ChronologySource source) {
    switch (source) {
    case ChronologySource::CaseNote:
        return ChronologyPage::tr("Chronology");
    case ChronologySource::Assessment:
        return ChronologyPage::tr("Assessments");
    case ChronologySource::ConsentGiven:
    case ChronologySource::ConsentWithdrawn:
    case ChronologySource::SharingDecision:
    case ChronologySource::OverrideUse:
        return ChronologyPage::tr("Consent");
    case ChronologySource::PlanStarted:
    case ChronologySource::PlanClosed:
    case ChronologySource::TafMeeting:
    case ChronologySource::PlanReview:
        return ChronologyPage::tr("Plan");
    case ChronologySource::StatusChange:
        return ChronologyPage::tr("Case");
    }
    return {};
}

QTableWidgetItem* readOnlyItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

void insertCell(QTextTable* table, int row, int column, const QString& text, const QTextCharFormat& format) {
    QTextCursor cell = table->cellAt(row, column).firstCursorPosition();
    cell.insertText(text, format);
}

} // namespace

std::unique_ptr<QTextDocument> chronologyDocument(const ChronologyPrintout& printout) {
    auto document = std::make_unique<QTextDocument>();
    document->setDocumentMargin(0);
    QTextCursor cursor(document.get());

    QTextCharFormat titleFormat;
    titleFormat.setFontPointSize(16);
    titleFormat.setFontWeight(QFont::Bold);
    cursor.insertText(ChronologyPage::tr("Chronology: %1").arg(printout.familyName), titleFormat);

    QTextCharFormat plain;
    plain.setFontPointSize(10);
    QTextBlockFormat spaced;
    spaced.setTopMargin(4);
    cursor.insertBlock(spaced);
    cursor.insertText(ChronologyPage::tr("Showing: %1").arg(printout.filterDescription), plain);
    cursor.insertBlock(spaced);
    cursor.insertText(ChronologyPage::tr("Printed on %1 by %2 · %n entry(ies)", nullptr,
                                         static_cast<int>(printout.entries.size()))
                          .arg(displayDate(printout.printedOn), printout.printedBy),
                      plain);
    QTextBlockFormat beforeTable;
    beforeTable.setBottomMargin(8);
    cursor.insertBlock(beforeTable);

    if (printout.entries.isEmpty()) {
        cursor.insertText(ChronologyPage::tr("No entries match the filter."), plain);
        return document;
    }

    QTextTableFormat tableFormat;
    tableFormat.setHeaderRowCount(1);
    tableFormat.setCellPadding(4);
    tableFormat.setCellSpacing(0);
    tableFormat.setBorder(0.5);
    tableFormat.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tableFormat.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    tableFormat.setColumnWidthConstraints(
        {QTextLength(QTextLength::PercentageLength, 16), QTextLength(QTextLength::PercentageLength, 20),
         QTextLength(QTextLength::PercentageLength, 16), QTextLength(QTextLength::PercentageLength, 48)});
    const int rows = static_cast<int>(printout.entries.size()) + 1;
    QTextTable* table = cursor.insertTable(rows, 4, tableFormat);

    QTextCharFormat header = plain;
    header.setFontWeight(QFont::Bold);
    const QStringList headings{ChronologyPage::tr("Date"), ChronologyPage::tr("Type"),
                               ChronologyPage::tr("By"), ChronologyPage::tr("Text")};
    for (int column = 0; column < headings.size(); ++column)
        insertCell(table, 0, column, headings.at(column), header);

    QTextCharFormat significant = plain;
    significant.setFontWeight(QFont::Bold);
    for (int index = 0; index < printout.entries.size(); ++index) {
        const ChronologyEntry& entry = printout.entries.at(index);
        const int row = index + 1;
        const QString type =
            entry.significant ? ChronologyPage::tr("%1 (significant)").arg(Chronology::typeLabel(entry.type))
                              : Chronology::typeLabel(entry.type);
        insertCell(table, row, 0, displayDate(entry.date), plain);
        insertCell(table, row, 1, type, entry.significant ? significant : plain);
        insertCell(table, row, 2, entry.author, plain);
        insertCell(table, row, 3, entry.text, plain);
    }
    return document;
}

ChronologyPage::ChronologyPage(QWidget* parent)
    : FamilyPage(parent) {
    m_typeCombo = new QComboBox(this);
    m_typeCombo->setObjectName(QStringLiteral("typeFilterComboBox"));
    m_typeCombo->setAccessibleName(tr("Show entries of type"));
    m_typeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* typeLabel = new QLabel(tr("T&ype:"), this);
    typeLabel->setBuddy(m_typeCombo);

    m_significantCheck = new QCheckBox(tr("Si&gnificant events only"), this);
    m_significantCheck->setObjectName(QStringLiteral("significantOnlyCheckBox"));

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("chronologyTableWidget"));
    m_table->setAccessibleName(tr("Chronology"));
    m_table->setHorizontalHeaderLabels({tr("Date"), tr("Type"), tr("By"), tr("Significant"), tr("Text")});
    // Only a case note has an author; for other records the column names who
    // acted: who gave or withdrew consent, who decided, who changed the status.
    m_table->horizontalHeaderItem(2)->setToolTip(
        tr("The note's author, or the person who gave or withdrew consent, decided to share, or changed the "
           "status. Plans, meetings and reviews record no one."));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column = DateColumn; column < TextColumn; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("chronologyStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setWordWrap(true);

    m_addButton = new QPushButton(tr("Add &Note…"), this);
    m_addButton->setObjectName(QStringLiteral("addNotePushButton"));
    m_addButton->setToolTip(tr("Add a case note to the chronology (Ctrl+Shift+N)"));
    m_openButton = new QPushButton(tr("Op&en…"), this);
    m_openButton->setObjectName(QStringLiteral("openEntryPushButton"));
    m_deleteButton = new QPushButton(tr("&Delete…"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteNotePushButton"));
    m_printButton = new QPushButton(tr("P&rint…"), this);
    m_printButton->setObjectName(QStringLiteral("printChronologyPushButton"));

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(typeLabel);
    filterRow->addWidget(m_typeCombo);
    filterRow->addSpacing(12);
    filterRow->addWidget(m_significantCheck);
    filterRow->addStretch();

    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_addButton);
    buttonRow->addWidget(m_openButton);
    buttonRow->addWidget(m_deleteButton);
    buttonRow->addStretch();
    buttonRow->addWidget(m_printButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_statusLabel);
    layout->addLayout(buttonRow);

    setTabOrder(m_typeCombo, m_significantCheck);
    setTabOrder(m_significantCheck, m_table);
    setTabOrder(m_table, m_addButton);
    setTabOrder(m_addButton, m_openButton);
    setTabOrder(m_openButton, m_deleteButton);
    setTabOrder(m_deleteButton, m_printButton);

    // The shortcut works while the tab is on show, wherever the focus is in
    // the window.
    auto* addShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this);
    addShortcut->setObjectName(QStringLiteral("addNoteShortcut"));
    connect(addShortcut, &QShortcut::activated, this, [this] {
        if (m_addButton->isEnabled())
            addNote();
    });
    auto* deleteShortcut = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, [this] {
        if (m_deleteButton->isEnabled())
            deleteSelected();
    });

    connect(m_typeCombo, &QComboBox::currentIndexChanged, this, &ChronologyPage::reloadEntries);
    connect(m_significantCheck, &QCheckBox::toggled, this, &ChronologyPage::reloadEntries);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (std::optional<ChronologyEntry> entry = selectedEntry()) {
            m_selectedRecordId = entry->recordId;
            m_selectedSource = entry->source;
        }
        updateButtons();
    });
    // activated() comes with Enter and with a double click.
    connect(m_table, &QTableWidget::activated, this, &ChronologyPage::openSelected);
    connect(m_addButton, &QPushButton::clicked, this, &ChronologyPage::addNote);
    connect(m_openButton, &QPushButton::clicked, this, &ChronologyPage::openSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &ChronologyPage::deleteSelected);
    connect(m_printButton, &QPushButton::clicked, this, &ChronologyPage::print);

    updateButtons();
}

ChronologyPage::~ChronologyPage() = default;

void ChronologyPage::showFamily(CaseSession* session, const QString& familyId) {
    m_session = session;
    m_familyId = familyId;
    if (familyId != m_shownFamilyId) {
        m_shownFamilyId = familyId;
        m_selectedRecordId.clear();
        const QSignalBlocker typeBlocker(m_typeCombo);
        m_typeCombo->clear();
        const QSignalBlocker significantBlocker(m_significantCheck);
        m_significantCheck->setChecked(false);
    }
    reloadTypes();
    reloadEntries();
}

void ChronologyPage::clearFamily() {
    m_session = nullptr;
    m_familyId.clear();
    m_entries.clear();
    m_table->setRowCount(0);
    m_statusLabel->clear();
    updateButtons();
}

void ChronologyPage::reloadTypes() {
    const QString current = m_typeCombo->currentData().toString();
    const QSignalBlocker blocker(m_typeCombo);
    m_typeCombo->clear();
    m_typeCombo->addItem(tr("All types"), QString());
    if (!m_session)
        return;
    Result<QStringList> types = Chronology(m_session->store()).typesPresent(m_familyId);
    if (!types) {
        m_statusLabel->setText(types.error().message);
        return;
    }
    for (const QString& type : *types)
        m_typeCombo->addItem(Chronology::typeLabel(type), type);
    // A type that no entry has any more falls back to all types.
    m_typeCombo->setCurrentIndex(std::max(0, m_typeCombo->findData(current)));
}

void ChronologyPage::reloadEntries() {
    m_table->setRowCount(0);
    m_entries.clear();
    if (!m_session) {
        updateButtons();
        return;
    }

    ChronologyFilter filter;
    if (const QString type = m_typeCombo->currentData().toString(); !type.isEmpty())
        filter.types = {type};
    filter.significantOnly = m_significantCheck->isChecked();
    Result<QList<ChronologyEntry>> entries = Chronology(m_session->store()).entries(m_familyId, filter);
    if (!entries) {
        m_statusLabel->setText(entries.error().message);
        updateButtons();
        return;
    }
    m_entries = *entries;

    const QIcon significantIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QString keepSelection = m_selectedRecordId;
    const ChronologySource keepSource = m_selectedSource;
    int selectRow = -1;
    m_table->setRowCount(static_cast<int>(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row) {
        const ChronologyEntry& entry = m_entries.at(row);
        m_table->setItem(row, DateColumn, readOnlyItem(displayDate(entry.date)));
        m_table->setItem(row, TypeColumn, readOnlyItem(Chronology::typeLabel(entry.type)));
        m_table->setItem(row, AuthorColumn, readOnlyItem(entry.author));
        QTableWidgetItem* marker = readOnlyItem(entry.significant ? tr("Significant") : QString());
        if (entry.significant) {
            marker->setIcon(significantIcon);
            marker->setData(Qt::AccessibleTextRole, tr("Significant event"));
        }
        m_table->setItem(row, SignificantColumn, marker);
        // One line in the table. The tooltip and the editor show all of it.
        QString oneLine = entry.text;
        oneLine.replace(u'\n', u' ');
        QTableWidgetItem* text = readOnlyItem(oneLine);
        text->setToolTip(entry.text);
        m_table->setItem(row, TextColumn, text);
        if (entry.recordId == keepSelection && entry.source == keepSource)
            selectRow = row;
    }
    if (selectRow >= 0)
        m_table->selectRow(selectRow);

    if (m_entries.isEmpty()) {
        const bool filtered = m_typeCombo->currentIndex() > 0 || m_significantCheck->isChecked();
        m_statusLabel->setText(filtered ? tr("No entries match the filter.")
                                        : tr("This family's chronology has no entries yet. Add a note to "
                                             "start it."));
    } else {
        m_statusLabel->setText(
            tr("%n entry(ies) shown, newest first.", nullptr, static_cast<int>(m_entries.size())));
    }
    updateButtons();
}

void ChronologyPage::updateButtons() {
    const bool shown = m_session != nullptr;
    const std::optional<ChronologyEntry> entry = selectedEntry();
    const bool note = entry && entry->source == ChronologySource::CaseNote;
    m_typeCombo->setEnabled(shown);
    m_significantCheck->setEnabled(shown);
    m_addButton->setEnabled(shown && m_session->may(access::Action::EditCases));
    m_openButton->setEnabled(shown && entry.has_value());
    m_deleteButton->setEnabled(shown && note && m_session->may(access::Action::DeleteRestore));
    m_printButton->setEnabled(shown && m_session->may(access::Action::Export));
    if (shown && !m_session->may(access::Action::Export))
        m_printButton->setToolTip(tr("Your role does not allow printing or exporting case records."));
    else
        m_printButton->setToolTip(tr("Print the chronology as filtered."));
}

std::optional<ChronologyEntry> ChronologyPage::selectedEntry() const {
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return std::nullopt;
    const int row = selected.first()->row();
    if (row < 0 || row >= m_entries.size())
        return std::nullopt;
    return m_entries.at(row);
}

void ChronologyPage::closeWithSession(QWidget* dialog) {
    connect(m_session, &QObject::destroyed, dialog, [dialog] { delete dialog; });
}

void ChronologyPage::addNote() {
    if (!m_session)
        return;
    auto* editor = new CaseNoteEditor(m_session, m_familyId, QString(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    closeWithSession(editor);
    editor->open();
}

void ChronologyPage::openSelected() {
    const std::optional<ChronologyEntry> entry = selectedEntry();
    if (!m_session || !entry)
        return;
    if (entry->source == ChronologySource::CaseNote) {
        auto* editor = new CaseNoteEditor(m_session, m_familyId, entry->recordId, this);
        editor->setAttribute(Qt::WA_DeleteOnClose);
        closeWithSession(editor);
        editor->open();
        return;
    }
    if (entry->source == ChronologySource::OverrideUse) {
        showMessage(QStringLiteral("chronologyEntryMessageBox"),
                    tr("This entry records information that was sent without consent. It cannot be changed."),
                    tr("Open the %1 tab of this family to see the decision it relied on.")
                        .arg(editingTab(entry->source)));
        return;
    }
    showMessage(QStringLiteral("chronologyEntryMessageBox"),
                tr("This entry (%1) is not a case note, so it is not edited in the chronology.")
                    .arg(Chronology::typeLabel(entry->type)),
                tr("Open the %1 tab of this family to see or change the record behind it.")
                    .arg(editingTab(entry->source)));
}

void ChronologyPage::deleteSelected() {
    const std::optional<ChronologyEntry> entry = selectedEntry();
    if (!m_session || !entry || entry->source != ChronologySource::CaseNote)
        return;

    auto* question = new QMessageBox(QMessageBox::Question, tr("Delete Case Note"),
                                     tr("Delete the case note of %1 (%2)?")
                                         .arg(displayDate(entry->date), Chronology::typeLabel(entry->type)),
                                     QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("deleteNoteMessageBox"));
    question->setInformativeText(
        tr("It can be restored from Case › Deleted Items for %n day(s).", nullptr, restoreWindowDays));
    QPushButton* deleteButton = question->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(QStringLiteral("confirmDeletePushButton"));
    question->addButton(QMessageBox::Cancel);
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    closeWithSession(question);
    const QString noteId = entry->recordId;
    connect(question, &QMessageBox::finished, this, [this, question, deleteButton, noteId] {
        if (question->clickedButton() != deleteButton || !m_session)
            return;
        if (Status removed = m_session->notes().remove(m_session->actor(), noteId); !removed) {
            showMessage(QStringLiteral("chronologyErrorMessageBox"), tr("Deleting the case note failed."),
                        removed.error().message);
            return;
        }
        m_session->notifyFamilyChanged(m_familyId);
    });
    question->open();
}

void ChronologyPage::showMessage(const QString& objectName, const QString& text, const QString& informative) {
    auto* box = new QMessageBox(QMessageBox::Information, tr("Chronology"), text, QMessageBox::Ok, this);
    box->setObjectName(objectName);
    box->setInformativeText(informative);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString ChronologyPage::filterDescription() const {
    const QString types = m_typeCombo->currentIndex() > 0 ? m_typeCombo->currentText() : tr("All types");
    return m_significantCheck->isChecked() ? tr("%1, significant events only").arg(types)
                                           : tr("%1, all events").arg(types);
}

ChronologyPrintout ChronologyPage::printout() const {
    ChronologyPrintout printout;
    printout.filterDescription = filterDescription();
    printout.entries = m_entries;
    if (m_session) {
        printout.printedBy = m_session->actor().user;
        printout.printedOn = m_session->today();
        Result<FamilyCase> family = m_session->familyCases().family(m_familyId);
        printout.familyName = family ? family->name : tr("family");
    }
    return printout;
}

void ChronologyPage::print() {
    if (!m_session)
        return;
    if (!m_printer)
        m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    auto* dialog = new QPrintDialog(m_printer.get(), this);
    dialog->setObjectName(QStringLiteral("chronologyPrintDialog"));
    dialog->setWindowTitle(tr("Print Chronology"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    closeWithSession(dialog);
    // The printout is taken now, so it matches the table the user saw.
    const ChronologyPrintout printout = this->printout();
    connect(dialog, &QDialog::accepted, this, [this, printout] {
        std::unique_ptr<QTextDocument> document = chronologyDocument(printout);
        document->print(m_printer.get());
    });
    dialog->open();
}

} // namespace earlyhelp::ui
