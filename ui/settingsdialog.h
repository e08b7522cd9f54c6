#pragma once

#include <QDialog>

class QLabel;
class QSpinBox;
class QVBoxLayout;

namespace earlyhelp::ui {

class CaseSession;

// The app's settings for this computer, kept in QSettings: the minutes
// without keyboard or mouse input before the window locks itself. Saving
// writes them and emits idleLockMinutesChanged(), which MainWindow applies
// at once. Fields are disabled when the session's role may not change
// settings.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    // session must outlive the dialog.
    explicit SettingsDialog(CaseSession* session, QWidget* parent = nullptr);

    // The QSettings key of the idle lock time, in minutes.
    [[nodiscard]] static QString idleLockMinutesKey();
    // The stored idle lock time, clamped to the 1 to 60 minutes that
    // access::IdleLock accepts, or 5 when none is stored.
    [[nodiscard]] static int storedIdleLockMinutes();

    // Adds a group of settings kept elsewhere (such as the store's sync
    // enrolment) below the dialog's own fields. The group applies its
    // changes itself; Save and Cancel do not affect it.
    void addSection(QWidget* section);

signals:
    void idleLockMinutesChanged(int minutes);

private:
    void save();
    void updateIdleLockHint(int minutes);

    CaseSession* m_session = nullptr;
    QSpinBox* m_idleLockSpinBox = nullptr;
    QLabel* m_idleLockHint = nullptr;
    QVBoxLayout* m_sectionsLayout = nullptr;
};

} // namespace earlyhelp::ui
