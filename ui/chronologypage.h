#pragma once

#include "casework/chronology.h"
#include "familypage.h"

#include <QDate>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPrinter;
class QPushButton;
class QTableWidget;
class QTextDocument;

namespace earlyhelp::ui {

// The content of a printed chronology.
struct ChronologyPrintout {
    QString familyName;
    QString filterDescription; // such as "All types, all events"
    QString printedBy;
    QDate printedOn;
    QList<ChronologyEntry> entries;
};

// Builds the printable document of a chronology: the family's name, the
// filter, who printed it and when, then each entry with its date, type,
// significant marker, author and text. QPrintDialog prints it, and tests
// render it to a PDF file.
[[nodiscard]] std::unique_ptr<QTextDocument> chronologyDocument(const ChronologyPrintout& printout);

// The "Chronology" tab of a family: every step of the case, newest first,
// filtered by type and to significant events. Case notes are added, opened
// and deleted here. Other entries name the tab that edits their record.
// Print… prints the chronology as filtered.
class ChronologyPage : public FamilyPage {
    Q_OBJECT

public:
    explicit ChronologyPage(QWidget* parent = nullptr);
    ~ChronologyPage() override;

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

    // The entries on show, in table order.
    [[nodiscard]] const QList<ChronologyEntry>& entries() const { return m_entries; }
    // The printout of the entries on show.
    [[nodiscard]] ChronologyPrintout printout() const;

    // Opens the editor of a new case note.
    void addNote();
    // Opens the selected entry: a note in its editor, any other entry with a
    // message that names where it is edited.
    void openSelected();
    // Asks whether to delete the selected note, then deletes it.
    void deleteSelected();
    // Asks for a printer, then prints the chronology as filtered.
    void print();

private:
    void reloadTypes();
    void reloadEntries();
    void updateButtons();
    void showMessage(const QString& objectName, const QString& text, const QString& informative = {});
    [[nodiscard]] QString filterDescription() const;
    [[nodiscard]] std::optional<ChronologyEntry> selectedEntry() const;
    // Deletes dialog when the session ends, since it uses the session.
    void closeWithSession(QWidget* dialog);

    CaseSession* m_session = nullptr;
    QString m_familyId;
    // The family and the record last selected, kept through clearFamily()
    // so that a reload of the same family keeps the selection and filter.
    QString m_shownFamilyId;
    QString m_selectedRecordId;
    ChronologySource m_selectedSource = ChronologySource::CaseNote;
    QList<ChronologyEntry> m_entries;
    std::unique_ptr<QPrinter> m_printer;

    QComboBox* m_typeCombo = nullptr;
    QCheckBox* m_significantCheck = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QPushButton* m_printButton = nullptr;
};

} // namespace earlyhelp::ui
