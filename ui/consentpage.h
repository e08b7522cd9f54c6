#pragma once

#include "familypage.h"

class QLabel;

namespace earlyhelp::ui {

// Consent given for the family's members, its withdrawal, and decisions to share without consent.
class ConsentPage : public FamilyPage {
    Q_OBJECT

public:
    explicit ConsentPage(QWidget* parent = nullptr);

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

private:
    CaseSession* m_session = nullptr;
    QString m_familyId;
    QLabel* m_label = nullptr;
};

} // namespace earlyhelp::ui
