#pragma once

#include <QWidget>

namespace earlyhelp::ui {

class CaseSession;

// The "My work" list: reviews due in the next 7 days, overdue actions,
// consent due for review and families without a plan. Activating a line
// emits familyActivated() with its family.
class MyWorkView : public QWidget {
    Q_OBJECT

public:
    explicit MyWorkView(CaseSession* session, QWidget* parent = nullptr);

    // Sets the session to read from; nullptr empties the list.
    void setSession(CaseSession* session);

public slots:
    // Reads the lists again.
    void refresh();

signals:
    void familyActivated(const QString& familyId);

private:
    CaseSession* m_session = nullptr;
};

} // namespace earlyhelp::ui
