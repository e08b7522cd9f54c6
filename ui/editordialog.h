#pragma once

#include <QDialog>

#include "common/result.h"

class QDialogButtonBox;
class QLabel;
class QUndoStack;
class QVBoxLayout;

namespace earlyhelp::ui {

class CaseSession;
class FormUndo;

// The frame of every dialog that edits a case record: the form, Undo and
// Redo for the form's edits (Ctrl+Z, Ctrl+Shift+Z), Save and Cancel, and a
// line that shows why a save failed. Closing with unsaved changes asks
// whether to save them, discard them or go on editing.
//
// A subclass adds its fields to formLayout(), passes each to trackField(),
// loads the record inside formUndo()->withoutRecording() and implements
// save(). When the session's user may not edit case records, the form is
// read-only and says why.
class EditorDialog : public QDialog {
    Q_OBJECT

public:
    EditorDialog(CaseSession* session, QWidget* parent = nullptr);
    ~EditorDialog() override;

    // True when the form differs from what was loaded or last saved.
    [[nodiscard]] bool isModified() const;
    [[nodiscard]] QUndoStack* undoStack() const { return m_undoStack; }
    [[nodiscard]] FormUndo* formUndo() const { return m_formUndo; }

    // Saves and closes; stays open with the error shown when saving fails.
    void accept() override;
    // Closes, first asking about unsaved changes.
    void reject() override;

protected:
    [[nodiscard]] CaseSession* session() const { return m_session; }
    [[nodiscard]] QVBoxLayout* formLayout() const { return m_formLayout; }
    void trackField(QWidget* field);
    // Shows message above the buttons, or hides the line for an empty one.
    void showError(const QString& message);
    // Writes the form to the store through core. An error's message is shown
    // and the dialog stays open.
    [[nodiscard]] virtual Status save() = 0;
    // Disables every field and Save when editing is not allowed.
    void setEditable(bool editable);

private:
    void updateButtons();

    CaseSession* m_session = nullptr;
    QUndoStack* m_undoStack = nullptr;
    FormUndo* m_formUndo = nullptr;
    QVBoxLayout* m_formLayout = nullptr;
    QLabel* m_readOnlyLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QList<QWidget*> m_fields;
    bool m_editable = true;
};

} // namespace earlyhelp::ui
