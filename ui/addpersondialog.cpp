#include "addpersondialog.h"

namespace earlyhelp::ui {

AddPersonDialog::AddPersonDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
}

} // namespace earlyhelp::ui
