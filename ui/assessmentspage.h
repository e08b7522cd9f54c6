#pragma once

#include "familypage.h"

class QLabel;

namespace earlyhelp::ui {

// The family's early help assessments, newest first, with the ten Supporting Families headings and their scores.
class AssessmentsPage : public FamilyPage {
    Q_OBJECT

public:
    explicit AssessmentsPage(QWidget* parent = nullptr);

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

private:
    CaseSession* m_session = nullptr;
    QString m_familyId;
    QLabel* m_label = nullptr;
};

} // namespace earlyhelp::ui
