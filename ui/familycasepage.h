#pragma once

#include "familypage.h"

class QLabel;

namespace earlyhelp::ui {

// The family's case status, lead practitioner and the history of status changes.
class FamilyCasePage : public FamilyPage {
    Q_OBJECT

public:
    explicit FamilyCasePage(QWidget* parent = nullptr);

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

private:
    CaseSession* m_session = nullptr;
    QString m_familyId;
    QLabel* m_label = nullptr;
};

} // namespace earlyhelp::ui
