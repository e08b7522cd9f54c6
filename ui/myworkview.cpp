#include "myworkview.h"

namespace earlyhelp::ui {

MyWorkView::MyWorkView(CaseSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
}

void MyWorkView::setSession(CaseSession* session)
{
    m_session = session;
    refresh();
}

void MyWorkView::refresh()
{
}

} // namespace earlyhelp::ui
