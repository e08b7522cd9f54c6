#include "planpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace earlyhelp::ui {

PlanPage::PlanPage(QWidget* parent)
    : FamilyPage(parent)
    , m_label(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addStretch();
}

void PlanPage::showFamily(CaseSession* session, const QString& familyId)
{
    m_session = session;
    m_familyId = familyId;
}

void PlanPage::clearFamily()
{
    m_session = nullptr;
    m_familyId.clear();
}

} // namespace earlyhelp::ui
