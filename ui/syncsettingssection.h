#pragma once

#include <QGroupBox>

#include "filechooser.h"

class QLabel;
class QPushButton;

namespace earlyhelp::keys {
class Keychain;
}

namespace earlyhelp::ui {

class CaseSession;
class SyncEnrolmentForm;

// The settings dialog's "Sync" group: the server, organisation and device
// the store is enrolled as, and the enrolment form to enrol it again (with
// another server, a new code or a CA certificate file). Enrolling emits
// enrolled(). The form is disabled when the session's role may not change
// settings.
class SyncSettingsSection : public QGroupBox {
    Q_OBJECT

public:
    // session and keychain must outlive the section.
    SyncSettingsSection(CaseSession* session, keys::Keychain& keychain, FileChooser fileChooser,
                        QWidget* parent = nullptr);

    [[nodiscard]] SyncEnrolmentForm* form() const { return m_form; }

signals:
    void enrolled();

private:
    void showEnrolment();
    void enrol();

    CaseSession* m_session = nullptr;
    keys::Keychain& m_keychain;
    QLabel* m_enrolmentLabel = nullptr;
    SyncEnrolmentForm* m_form = nullptr;
    QPushButton* m_enrolButton = nullptr;
};

} // namespace earlyhelp::ui
