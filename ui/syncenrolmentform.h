#pragma once

#include <QUuid>
#include <QWidget>

#include "common/result.h"
#include "filechooser.h"
#include "sync/syncenrolment.h"

class QLabel;
class QLineEdit;

namespace earlyhelp {
class Store;
namespace access {
struct Actor;
}
namespace keys {
class Keychain;
}
} // namespace earlyhelp

namespace earlyhelp::ui {

// The fields that enrol a store with a sync server: the server's https
// address, the one-time enrolment code, this device's name (by default the
// machine's host name) and an optional PEM file of CA certificates to trust
// besides the system's. The set-up wizard and the settings dialog both show
// it. The server's or core's error appears inline below the fields.
class SyncEnrolmentForm : public QWidget {
    Q_OBJECT

public:
    SyncEnrolmentForm(FileChooser fileChooser, QWidget* parent = nullptr);

    // True when neither a server address nor a code has been typed.
    [[nodiscard]] bool isBlank() const;
    [[nodiscard]] sync::EnrolmentRequest request() const;
    void setServerAddress(const QString& address);
    void setDeviceName(const QString& name);
    void setCaCertificatePath(const QString& path);

    // Enrols store through sync::enrolStore() with what the fields hold,
    // showing the wait cursor until the server responds. On failure the
    // error's message is shown below the fields and returned.
    [[nodiscard]] Result<sync::SyncEnrolment> enrol(Store& store, const QUuid& storeId, const access::Actor& actor,
                                                    keys::Keychain& keychain);

    // Shows message below the fields, or hides the error line when it is empty.
    void showError(const QString& message);
    [[nodiscard]] QString errorText() const;

private:
    void browseCaCertificate();

    FileChooser m_fileChooser;
    QLineEdit* m_serverEdit = nullptr;
    QLineEdit* m_codeEdit = nullptr;
    QLineEdit* m_deviceNameEdit = nullptr;
    QLineEdit* m_caCertificateEdit = nullptr;
    QLabel* m_errorLabel = nullptr;
};

} // namespace earlyhelp::ui
