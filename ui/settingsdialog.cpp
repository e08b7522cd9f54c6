#include "settingsdialog.h"

namespace earlyhelp::ui {

SettingsDialog::SettingsDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
}

} // namespace earlyhelp::ui
