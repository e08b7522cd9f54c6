// FormUndo on real widgets: each kind of field, typing merged into one
// step, loading without recording, and Ctrl+Z routed to the form's stack.

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWidget>

#include "ui/formundo.h"

using namespace earlyhelp::ui;

class TestFormUndo : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void undoRestoresEveryKindOfField();
    void typingInOneFieldIsOneStep();
    void loadingIsNotRecorded();
    void ctrlZInAFieldUndoesTheForm();

private:
    QWidget* m_form = nullptr;
    QUndoStack* m_stack = nullptr;
    FormUndo* m_undo = nullptr;
    QLineEdit* m_line = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QComboBox* m_combo = nullptr;
    QSpinBox* m_spin = nullptr;
    QDateEdit* m_date = nullptr;
    QCheckBox* m_check = nullptr;
};

void TestFormUndo::init()
{
    m_form = new QWidget;
    auto* layout = new QVBoxLayout(m_form);
    m_line = new QLineEdit(QStringLiteral("Sam Patel"), m_form);
    m_text = new QPlainTextEdit(QStringLiteral("Amara says school is fine."), m_form);
    m_combo = new QComboBox(m_form);
    m_combo->addItems({QStringLiteral("Written"), QStringLiteral("Verbal"), QStringLiteral("Electronic")});
    m_spin = new QSpinBox(m_form);
    m_spin->setRange(1, 5);
    m_spin->setValue(2);
    m_date = new QDateEdit(QDate(2026, 11, 3), m_form);
    m_check = new QCheckBox(QStringLiteral("Significant"), m_form);
    for (QWidget* field : {static_cast<QWidget*>(m_line), static_cast<QWidget*>(m_text),
                           static_cast<QWidget*>(m_combo), static_cast<QWidget*>(m_spin),
                           static_cast<QWidget*>(m_date), static_cast<QWidget*>(m_check)})
        layout->addWidget(field);
    m_stack = new QUndoStack(m_form);
    m_undo = new FormUndo(m_stack, m_form);
    for (QWidget* field : m_form->findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
        m_undo->track(field);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form));
}

void TestFormUndo::cleanup()
{
    delete m_form;
}

void TestFormUndo::undoRestoresEveryKindOfField()
{
    m_line->setFocus();
    m_line->selectAll();
    QTest::keyClicks(m_line, QStringLiteral("Alex Morgan"));
    QCOMPARE(m_stack->count(), 1);
    m_text->setPlainText(QStringLiteral("Amara is worried about her brother."));
    QCOMPARE(m_stack->count(), 2);
    m_combo->setCurrentIndex(1);
    QCOMPARE(m_stack->count(), 3);
    m_spin->setValue(4);
    QCOMPARE(m_stack->count(), 4);
    m_date->setDate(QDate(2026, 11, 28));
    QCOMPARE(m_stack->count(), 5);
    m_check->setFocus();
    QTest::keyClick(m_check, Qt::Key_Space);
    QCOMPARE(m_stack->count(), 6);

    while (m_stack->canUndo())
        m_stack->undo();
    QCOMPARE(m_line->text(), QStringLiteral("Sam Patel"));
    QCOMPARE(m_text->toPlainText(), QStringLiteral("Amara says school is fine."));
    QCOMPARE(m_combo->currentIndex(), 0);
    QCOMPARE(m_spin->value(), 2);
    QCOMPARE(m_date->date(), QDate(2026, 11, 3));
    QVERIFY(!m_check->isChecked());
    QVERIFY(m_stack->isClean());

    while (m_stack->canRedo())
        m_stack->redo();
    QCOMPARE(m_line->text(), QStringLiteral("Alex Morgan"));
    QCOMPARE(m_text->toPlainText(), QStringLiteral("Amara is worried about her brother."));
    QCOMPARE(m_combo->currentIndex(), 1);
    QCOMPARE(m_spin->value(), 4);
    QCOMPARE(m_date->date(), QDate(2026, 11, 28));
    QVERIFY(m_check->isChecked());
}

void TestFormUndo::typingInOneFieldIsOneStep()
{
    m_line->setFocus();
    m_line->end(false);
    QTest::keyClicks(m_line, QStringLiteral(" (DSL)"));
    QCOMPARE(m_stack->count(), 1);
    m_spin->setValue(3);
    m_spin->setValue(4);
    QCOMPARE(m_stack->count(), 2);
    // A tick and an untick stay two steps, so undo shows each.
    m_check->setChecked(true);
    m_check->setChecked(false);
    QCOMPARE(m_stack->count(), 4);

    m_stack->undo();
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(m_spin->value(), 2);
    m_stack->undo();
    QCOMPARE(m_line->text(), QStringLiteral("Sam Patel"));
}

void TestFormUndo::loadingIsNotRecorded()
{
    m_undo->withoutRecording([this] {
        m_line->setText(QStringLiteral("Joanna Fenwick"));
        m_text->setPlainText(QStringLiteral("Loaded note"));
        m_spin->setValue(5);
    });
    QCOMPARE(m_stack->count(), 0);

    m_spin->setValue(1);
    m_stack->undo();
    // Undo goes back to the loaded value, not the one before loading.
    QCOMPARE(m_spin->value(), 5);
    QCOMPARE(m_line->text(), QStringLiteral("Joanna Fenwick"));
}

void TestFormUndo::ctrlZInAFieldUndoesTheForm()
{
    m_spin->setValue(5);
    m_line->setFocus();
    QTest::keyClicks(m_line, QStringLiteral("x"));
    QCOMPARE(m_stack->count(), 2);

    QTest::keySequence(m_line, QKeySequence::Undo);
    QCOMPARE(m_line->text(), QStringLiteral("Sam Patel"));
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::Undo);
    QCOMPARE(m_spin->value(), 2);
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::Redo);
    QCOMPARE(m_spin->value(), 5);
}

QTEST_MAIN(TestFormUndo)
#include "tst_formundo.moc"
