#pragma once

#include "casework/records.h"
#include "editordialog.h"

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;

namespace earlyhelp::ui {

// The editor of one case note of the chronology: its date (today or
// earlier), type, the family member it is about, text, significant-event
// flag and data category. Saves through the session's CaseNoteRepository as
// the session's user, who becomes the author of a new note.
class CaseNoteEditor : public EditorDialog {
    Q_OBJECT

public:
    // Edits the note with noteId, or a new note of familyId when noteId is
    // empty. When the note cannot be read, the dialog shows why and every
    // save fails with that error.
    CaseNoteEditor(CaseSession* session, const QString& familyId, const QString& noteId = {},
                   QWidget* parent = nullptr);

    // The note as last saved, or nothing before the first save of a new note.
    [[nodiscard]] std::optional<CaseNote> savedNote() const { return m_note; }

protected:
    [[nodiscard]] Status save() override;

private:
    void buildForm();
    void loadMembers();
    void loadNote(const CaseNote& note);
    [[nodiscard]] CaseNote noteFromForm() const;

    QString m_familyId;
    std::optional<CaseNote> m_note;
    std::optional<Error> m_loadError;
    QDateEdit* m_dateEdit = nullptr;
    QComboBox* m_typeCombo = nullptr;
    QComboBox* m_personCombo = nullptr;
    QPlainTextEdit* m_textEdit = nullptr;
    QCheckBox* m_significantCheck = nullptr;
    QComboBox* m_categoryCombo = nullptr;
    QLabel* m_authorLabel = nullptr;
};

} // namespace earlyhelp::ui
