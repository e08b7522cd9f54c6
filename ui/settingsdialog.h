#pragma once

#include <QDialog>

namespace earlyhelp::ui {

class CaseSession;

// The app's settings, such as the minutes without input before the window locks itself.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(CaseSession* session, QWidget* parent = nullptr);

private:
    CaseSession* m_session = nullptr;
};

} // namespace earlyhelp::ui
