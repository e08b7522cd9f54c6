#include "editordialog.h"

#include <QAction>
#include <QHBoxLayout>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include "casesession.h"
#include "formfields.h"
#include "formundo.h"

namespace earlyhelp::ui {

EditorDialog::EditorDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_undoStack(new QUndoStack(this))
    , m_formUndo(new FormUndo(m_undoStack, this))
{
    // The buttons keep short labels; what they would undo or redo, such as
    // "Undo Edit Needs", is in their tool tips.
    auto* undoAction = new QAction(tr("Undo"), this);
    undoAction->setObjectName(QStringLiteral("undoAction"));
    undoAction->setShortcuts(QKeySequence::Undo);
    undoAction->setEnabled(false);
    connect(undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    connect(m_undoStack, &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::undoTextChanged, undoAction, [undoAction](const QString& text) {
        undoAction->setToolTip(tr("Undo %1 (Ctrl+Z)").arg(text));
    });
    auto* redoAction = new QAction(tr("Redo"), this);
    redoAction->setObjectName(QStringLiteral("redoAction"));
    redoAction->setShortcuts(QKeySequence::Redo);
    redoAction->setEnabled(false);
    connect(redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    connect(m_undoStack, &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
    connect(m_undoStack, &QUndoStack::redoTextChanged, redoAction, [redoAction](const QString& text) {
        redoAction->setToolTip(tr("Redo %1 (Ctrl+Shift+Z)").arg(text));
    });
    addAction(undoAction);
    addAction(redoAction);

    auto* undoButton = new QToolButton(this);
    undoButton->setObjectName(QStringLiteral("undoToolButton"));
    undoButton->setDefaultAction(undoAction);
    undoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* redoButton = new QToolButton(this);
    redoButton->setObjectName(QStringLiteral("redoToolButton"));
    redoButton->setDefaultAction(redoAction);
    redoButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_readOnlyLabel = new QLabel(this);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnlyLabel->setWordWrap(true);
    m_readOnlyLabel->hide();

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("editorErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(inlineErrorStyleSheet());
    m_errorLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("editorButtonBox"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EditorDialog::reject);

    auto* bottomRow = new QHBoxLayout;
    bottomRow->addWidget(undoButton);
    bottomRow->addWidget(redoButton);
    bottomRow->addStretch();
    bottomRow->addWidget(m_buttons);

    m_formLayout = new QVBoxLayout;
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnlyLabel);
    layout->addLayout(m_formLayout, 1);
    layout->addWidget(m_errorLabel);
    layout->addLayout(bottomRow);

    connect(m_undoStack, &QUndoStack::cleanChanged, this, &EditorDialog::updateButtons);
    setEditable(session && session->may(access::Action::EditCases));
}

// The undo stack is a child, so QObject deletes it after this destructor, and
// a stack that is not clean then emits cleanChanged(). Disconnecting first
// keeps that signal from reaching updateButtons() on a half-destroyed dialog.
EditorDialog::~EditorDialog()
{
    disconnect(m_undoStack, nullptr, this, nullptr);
}

bool EditorDialog::isModified() const
{
    return !m_undoStack->isClean();
}

void EditorDialog::trackField(QWidget* field)
{
    m_fields += field;
    m_formUndo->track(field);
    field->setEnabled(m_editable);
}

void EditorDialog::showError(const QString& message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
    m_errorLabel->setAccessibleDescription(message);
}

void EditorDialog::setEditable(bool editable)
{
    m_editable = editable;
    for (QWidget* field : std::as_const(m_fields))
        field->setEnabled(editable);
    if (!editable && m_session) {
        const std::optional<access::Role> role = m_session->actor().role();
        m_readOnlyLabel->setText(
            tr("You can read this record but not change it: the role %1 does not allow changes to case records.")
                .arg(role ? access::roleLabel(*role) : tr("(unknown)")));
    }
    m_readOnlyLabel->setVisible(!editable);
    updateButtons();
}

void EditorDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_editable);
    setWindowModified(isModified());
}

void EditorDialog::accept()
{
    if (!m_editable)
        return;
    showError(QString());
    if (Status saved = save(); !saved) {
        showError(saved.error().message);
        return;
    }
    m_undoStack->setClean();
    QDialog::accept();
}

void EditorDialog::reject()
{
    if (!isModified() || !m_editable) {
        QDialog::reject();
        return;
    }
    // On the heap and watched: locking the window deletes this dialog, and
    // the question with it, while exec() still runs.
    QPointer<QMessageBox> question =
        new QMessageBox(QMessageBox::Question, windowTitle().remove(QStringLiteral("[*]")),
                        tr("This form has changes that are not saved."), QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("unsavedChangesMessageBox"));
    question->setInformativeText(tr("Save the changes, discard them, or go back to the form?"));
    question->setStandardButtons(QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    question->setDefaultButton(QMessageBox::Save);
    const int answer = question->exec();
    if (!question)
        return;
    delete question.data();
    switch (answer) {
    case QMessageBox::Save:
        accept();
        break;
    case QMessageBox::Discard:
        QDialog::reject();
        break;
    default:
        break;
    }
}

} // namespace earlyhelp::ui
