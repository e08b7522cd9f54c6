#pragma once

#include <QWidget>

namespace earlyhelp::ui {

class CaseSession;

// A tab of the family view that shows one kind of case record of a family
// (assessments, the plan, consent, the chronology) and opens its editors.
// The family view calls showFamily() when a family is chosen and again after
// the session reports a change to it, and clearFamily() before the session
// ends.
class FamilyPage : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Reads familyId's records through session and shows them. session stays
    // valid until clearFamily().
    virtual void showFamily(CaseSession* session, const QString& familyId) = 0;
    // Forgets the session and removes everything shown.
    virtual void clearFamily() = 0;
};

} // namespace earlyhelp::ui
