#include "chronologypage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace earlyhelp::ui {

ChronologyPage::ChronologyPage(QWidget* parent)
    : FamilyPage(parent)
    , m_label(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addStretch();
}

void ChronologyPage::showFamily(CaseSession* session, const QString& familyId)
{
    m_session = session;
    m_familyId = familyId;
}

void ChronologyPage::clearFamily()
{
    m_session = nullptr;
    m_familyId.clear();
}

} // namespace earlyhelp::ui
