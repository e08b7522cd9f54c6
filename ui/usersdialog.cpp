#include "usersdialog.h"

namespace earlyhelp::ui {

UsersDialog::UsersDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
}

} // namespace earlyhelp::ui
