#pragma once

#include <functional>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVariant>

class QUndoStack;
class QWidget;

namespace earlyhelp::ui {

// Turns the user's edits of form fields into commands on a QUndoStack, so
// that undo puts back exactly the value a field had before. A field is any
// widget with a USER property that notifies changes: QLineEdit, QPlainTextEdit,
// QComboBox, QSpinBox, QDateEdit, QCheckBox, or a widget of the app that
// declares one. Consecutive edits of one field merge into one command.
//
// Ctrl+Z and Ctrl+Shift+Z in a tracked field go to the stack, not to the
// field's own undo history.
class FormUndo : public QObject {
    Q_OBJECT

public:
    explicit FormUndo(QUndoStack* stack, QObject* parent = nullptr);

    // Records the user's later edits of field. The value it has now is the
    // starting point.
    void track(QWidget* field);

    // Runs load, which sets field values, without recording those changes,
    // then takes every tracked field's value as its starting point.
    void withoutRecording(const std::function<void()>& load);

    [[nodiscard]] QUndoStack* stack() const { return m_stack; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private slots:
    void onFieldNotified();

private:
    friend class FieldEditCommand;

    void fieldChanged(QWidget* field);
    void apply(QWidget* field, const QVariant& value);

    QUndoStack* m_stack = nullptr;
    QHash<QWidget*, QVariant> m_values;
    bool m_applying = false;
};

} // namespace earlyhelp::ui
