#pragma once

#include "familypage.h"

class QLabel;

namespace earlyhelp::ui {

// The family's chronology of case notes, filterable by type and significant events, and printable.
class ChronologyPage : public FamilyPage {
    Q_OBJECT

public:
    explicit ChronologyPage(QWidget* parent = nullptr);

    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

private:
    CaseSession* m_session = nullptr;
    QString m_familyId;
    QLabel* m_label = nullptr;
};

} // namespace earlyhelp::ui
