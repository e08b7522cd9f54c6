#include "formundo.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QMetaMethod>
#include <QMetaProperty>
#include <QScopedValueRollback>
#include <QUndoCommand>
#include <QUndoStack>
#include <QWidget>

namespace earlyhelp::ui {

namespace {

constexpr int fieldEditId = 0x4548; // any value shared by every FieldEditCommand

QMetaProperty userProperty(const QWidget* field)
{
    return field->metaObject()->userProperty();
}

// The field's name for the undo history, such as "Undo Date of birth".
QString fieldName(const QWidget* field)
{
    if (!field->accessibleName().isEmpty())
        return field->accessibleName();
    return field->objectName();
}

} // namespace

// One edit of one field: the value before and the value after.
class FieldEditCommand : public QUndoCommand {
public:
    FieldEditCommand(FormUndo* owner, QWidget* field, QVariant before, QVariant after)
        : QUndoCommand(QCoreApplication::translate("earlyhelp::ui::FormUndo", "Edit %1").arg(fieldName(field)))
        , m_owner(owner)
        , m_field(field)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

    int id() const override { return fieldEditId; }

    // Typing in one field and stepping one spin box become one command each;
    // ticking a box twice stays two.
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const FieldEditCommand*>(other);
        if (next->m_field != m_field || qobject_cast<QAbstractButton*>(m_field.data()))
            return false;
        m_after = next->m_after;
        return true;
    }

    void undo() override
    {
        if (m_field)
            m_owner->apply(m_field, m_before);
    }

    void redo() override
    {
        // The first redo() runs when the command is pushed, after the user
        // already changed the field.
        if (m_pushed && m_field)
            m_owner->apply(m_field, m_after);
        m_pushed = true;
    }

private:
    FormUndo* m_owner;
    QPointer<QWidget> m_field;
    QVariant m_before;
    QVariant m_after;
    bool m_pushed = false;
};

FormUndo::FormUndo(QUndoStack* stack, QObject* parent)
    : QObject(parent)
    , m_stack(stack)
{
}

void FormUndo::track(QWidget* field)
{
    const QMetaProperty property = userProperty(field);
    Q_ASSERT_X(property.isValid() && property.hasNotifySignal(), "FormUndo::track",
               "the field needs a USER property with a NOTIFY signal");
    if (!property.isValid() || !property.hasNotifySignal() || m_values.contains(field))
        return;
    m_values.insert(field, property.read(field));

    // The slot takes no arguments and reads the value again, so it fits
    // every notify signal.
    const QMetaMethod notified = metaObject()->method(metaObject()->indexOfSlot("onFieldNotified()"));
    connect(field, property.notifySignal(), this, notified);
    connect(field, &QObject::destroyed, this, [this, field] { m_values.remove(field); });
    field->installEventFilter(this);
}

void FormUndo::withoutRecording(const std::function<void()>& load)
{
    {
        const QScopedValueRollback applying(m_applying, true);
        load();
    }
    for (auto it = m_values.begin(); it != m_values.end(); ++it)
        it.value() = userProperty(it.key()).read(it.key());
}

void FormUndo::onFieldNotified()
{
    if (auto* field = qobject_cast<QWidget*>(sender()))
        fieldChanged(field);
}

void FormUndo::fieldChanged(QWidget* field)
{
    if (m_applying || !m_values.contains(field))
        return;
    const QVariant after = userProperty(field).read(field);
    QVariant& before = m_values[field];
    if (after == before)
        return;
    const QVariant previous = std::exchange(before, after);
    m_stack->push(new FieldEditCommand(this, field, previous, after));
}

void FormUndo::apply(QWidget* field, const QVariant& value)
{
    const QScopedValueRollback applying(m_applying, true);
    userProperty(field).write(field, value);
    m_values[field] = value;
    field->setFocus(Qt::OtherFocusReason);
}

bool FormUndo::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool undo = key->matches(QKeySequence::Undo);
    const bool redo = key->matches(QKeySequence::Redo);
    if (!undo && !redo)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        // Keeps the key from the window's shortcuts; the field gets a
        // KeyPress, which arrives here next.
        event->accept();
        return true;
    }
    if (undo)
        m_stack->undo();
    else
        m_stack->redo();
    return true;
}

} // namespace earlyhelp::ui
