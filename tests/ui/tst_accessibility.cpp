// Every field of every record editor and dialog that shows case data can be
// found by a screen reader (an accessible name) and reached by keyboard
// (focusable, and in the dialog's tab chain).

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

#include <functional>
#include <memory>

#include "cases/casedirectory.h"
#include "casework/planrepository.h"
#include "store/store.h"
#include "ui/addpersondialog.h"
#include "ui/assessmenteditor.h"
#include "ui/casenoteeditor.h"
#include "ui/casesession.h"
#include "ui/consenteditors.h"
#include "ui/familycasepage.h"
#include "ui/planeditors.h"
#include "ui/settingsdialog.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

bool isField(const QWidget* widget)
{
    return qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QPlainTextEdit*>(widget)
           || qobject_cast<const QTextEdit*>(widget) || qobject_cast<const QComboBox*>(widget)
           || qobject_cast<const QAbstractSpinBox*>(widget) || qobject_cast<const QAbstractItemView*>(widget);
}

// The widgets Tab reaches from the dialog's first focusable child.
QSet<QWidget*> tabChain(QWidget* dialog)
{
    QSet<QWidget*> reached;
    QWidget* first = dialog->nextInFocusChain();
    for (QWidget* widget = first; widget && widget != dialog; widget = widget->nextInFocusChain()) {
        reached.insert(widget);
        if (widget->nextInFocusChain() == first)
            break;
    }
    return reached;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void editorFieldsAreNamedAndReachable_data();
    void editorFieldsAreNamedAndReachable();
    void datesTypedAsWritten_data();
    void datesTypedAsWritten();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CaseSession> m_session;
    FamilyDetail m_family;
};

void TestAccessibility::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir.filePath(QStringLiteral("a11y.ehstore")));
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());
    Result<QList<FamilySummary>> families = m_session->directory().families(QStringLiteral("Fenwick"));
    QVERIFY(families && !families->isEmpty());
    Result<FamilyDetail> family = m_session->directory().family(families->first().id);
    QVERIFY(family);
    m_family = *family;
}

void TestAccessibility::cleanupTestCase()
{
    m_session.reset();
}

using DialogFactory = std::function<QWidget*(CaseSession*, const FamilyDetail&)>;
Q_DECLARE_METATYPE(DialogFactory)

void TestAccessibility::editorFieldsAreNamedAndReachable_data()
{
    QTest::addColumn<DialogFactory>("make");
    QTest::newRow("case note") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        return new CaseNoteEditor(s, f.family.id);
    });
    QTest::newRow("assessment") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        return new AssessmentEditor(s, f.family.id);
    });
    QTest::newRow("consent") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        return new ConsentEditor(s, f);
    });
    QTest::newRow("sharing decision") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        return new SharingDecisionEditor(s, f);
    });
    QTest::newRow("plan") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        TafPlan plan;
        plan.familyId = f.family.id;
        plan.startDate = s->today();
        return new PlanEditor(s, plan);
    });
    QTest::newRow("goal") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        return new GoalEditor(s, f.family.id, PlanGoal{}, {});
    });
    QTest::newRow("action") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        return new ActionEditor(s, f.family.id, PlanAction{}, QStringLiteral("Calmer mornings"));
    });
    QTest::newRow("meeting") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        return new MeetingEditor(s, f.family.id, TafMeeting{});
    });
    QTest::newRow("change status") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        FamilyCase family;
        family.id = f.family.id;
        family.name = f.family.name;
        return new ChangeStatusDialog(s, family);
    });
    QTest::newRow("add person") << DialogFactory([](CaseSession* s, const FamilyDetail& f) -> QWidget* {
        return new AddPersonDialog(s, f.family.id);
    });
    QTest::newRow("settings") << DialogFactory([](CaseSession* s, const FamilyDetail&) -> QWidget* {
        return new SettingsDialog(s);
    });
}

void TestAccessibility::editorFieldsAreNamedAndReachable()
{
    QFETCH(DialogFactory, make);
    std::unique_ptr<QWidget> dialog(make(m_session.get(), m_family));
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));

    const QSet<QWidget*> reachable = tabChain(dialog.get());
    int fields = 0;
    for (QWidget* widget : dialog->findChildren<QWidget*>()) {
        if (!widget->isVisibleTo(dialog.get()))
            continue;
        // The line edit inside a combo box or spin box belongs to it.
        if (qobject_cast<QComboBox*>(widget->parentWidget()) || qobject_cast<QAbstractSpinBox*>(widget->parentWidget()))
            continue;
        if (isField(widget)) {
            ++fields;
            QVERIFY2(!widget->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1 has no accessible name").arg(widget->objectName())));
            QVERIFY2(widget->focusPolicy() & Qt::TabFocus,
                     qPrintable(QStringLiteral("%1 cannot take focus by Tab").arg(widget->objectName())));
            QVERIFY2(reachable.contains(widget),
                     qPrintable(QStringLiteral("%1 is not in the tab chain").arg(widget->objectName())));
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget); button && button->isCheckable()) {
            ++fields;
            QVERIFY2(!button->text().isEmpty() || !button->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1 has no text or accessible name").arg(button->objectName())));
        }
    }
    QVERIFY2(fields > 0, "the dialog shows no fields");

    // A label that names a field points at it, so its mnemonic moves there.
    for (QLabel* label : dialog->findChildren<QLabel*>()) {
        if (label->isVisibleTo(dialog.get()) && label->text().contains(u'&') && !label->text().contains(u"&&"))
            QVERIFY2(label->buddy(), qPrintable(QStringLiteral("label \"%1\" has a mnemonic but no buddy")
                                                    .arg(label->text())));
    }
}

void TestAccessibility::datesTypedAsWritten_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("with slashes") << QStringLiteral("25/10/2026") << QDate(2026, 10, 25);
    QTest::newRow("single digits") << QStringLiteral("5/3/2026") << QDate(2026, 3, 5);
    QTest::newRow("leading zeros") << QStringLiteral("05/03/2026") << QDate(2026, 3, 5);
    QTest::newRow("digits only") << QStringLiteral("25102026") << QDate(2026, 10, 25);
}

void TestAccessibility::datesTypedAsWritten()
{
    QFETCH(QString, typed);
    QFETCH(QDate, expected);
    std::unique_ptr<CaseNoteEditor> editor = std::make_unique<CaseNoteEditor>(m_session.get(), m_family.family.id);
    editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(editor.get()));
    auto* date = child<QDateEdit>(editor.get(), QStringLiteral("noteDateEdit"));
    QVERIFY(date);
    date->setDate(QDate(2026, 12, 4));
    date->setFocus();
    date->setSelectedSection(QDateTimeEdit::DaySection);
    QTest::keyClicks(date, typed);
    QCOMPARE(date->date(), expected);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
