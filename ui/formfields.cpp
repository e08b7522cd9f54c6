#include "formfields.h"

#include <QDateEdit>
#include <QKeyEvent>
#include <QLineEdit>

namespace earlyhelp::ui {

namespace {

// QDateEdit moves to the next section by itself once a section is full, so
// the "/" a user types after "25" would skip the month as well. This drops a
// separator typed right after a separator, and "25/10/2026" and "5/3/2026"
// both arrive as typed.
class SeparatorFilter : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::KeyPress)
            return false;
        const QString typed = static_cast<QKeyEvent*>(event)->text();
        if (typed != u"/" && typed != u"." && typed != u"-")
            return false;
        const auto* lineEdit = watched->findChild<QLineEdit*>();
        if (!lineEdit)
            return false;
        const int position = lineEdit->cursorPosition();
        const QString text = lineEdit->text();
        return position > 0 && position <= text.size() && text.at(position - 1) == u'/';
    }
};

} // namespace

QDateEdit* makeDateEdit(QWidget* parent, const QString& objectName, const QString& accessibleName) {
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    edit->setCalendarPopup(true);
    edit->installEventFilter(new SeparatorFilter(edit));
    return edit;
}

QString inlineErrorStyleSheet() {
    return QStringLiteral("QLabel { color: #a4262c; }");
}

} // namespace earlyhelp::ui
