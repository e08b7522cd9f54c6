#include "deleteditemsdialog.h"

namespace earlyhelp::ui {

DeletedItemsDialog::DeletedItemsDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
}

} // namespace earlyhelp::ui
