#pragma once

#include "familypage.h"

class QLabel;

namespace earlyhelp::ui {

// The family's Team Around the Family plan: goals, actions, meetings, reviews and the outcome at closure.
class PlanPage : public FamilyPage {
    Q_OBJECT

public:
    explicit PlanPage(QWidget* parent = nullptr);

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

private:
    CaseSession* m_session = nullptr;
    QString m_familyId;
    QLabel* m_label = nullptr;
};

} // namespace earlyhelp::ui
