#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include "common/result.h"
#include "policy/agreement.h"
#include "policy/signature.h"

#include <optional>

class QFrame;
class QLabel;
class QPushButton;
class QWidget;

namespace earlyhelp::ui {

class CaseSession;

// The source of the app's Data Sharing Agreement: the signed file offered to
// every store the app opens (the bundled one, or a file named on the command
// line), and the Trust key that verifies it and every stored version.
struct AgreementSource {
    QByteArray trustPublicKey;
    Result<policy::SignedAgreementFile> offered;

    // The bundled agreement and the key compiled into this build.
    [[nodiscard]] static AgreementSource builtIn();
    // The agreement at path (its signature beside it) and the built-in key.
    [[nodiscard]] static AgreementSource fromFile(const QString& path);

    // The offered agreement verified against the key, or why it is refused,
    // naming the file, for the message shown at start.
    [[nodiscard]] Result<policy::Agreement> verified() const;
};

// Keeps the open session's agreement state in step with the store's
// agreement register. On each session it installs the offered agreement
// (when it verifies), reads the agreement in force into the session and
// shows a banner while nothing can be shared or a newer version waits for
// the designated safeguarding lead. The lead signs up, or confirms a new
// version after seeing what it changes, from the banner or the agreement
// viewer.
class AgreementController : public QObject {
    Q_OBJECT

public:
    AgreementController(AgreementSource source, QWidget* window);
    // Deletes the banner.
    ~AgreementController() override;

    // Why the offered agreement cannot be used, or empty when it verified.
    [[nodiscard]] QString offeredRefusal() const;
    // The banner to place above the workspace; hidden while nothing needs
    // saying.
    [[nodiscard]] QWidget* banner() const;

    // Starts following session, or stops when it is nullptr.
    void setSession(CaseSession* session);

    // Opens the sign-up dialog for the pending version (lead only).
    void openSignUp();
    // Opens the viewer on the agreement in force, else the pending one, else
    // the offered one. Returns the dialog, which deletes itself on close.
    QWidget* openViewer();

signals:
    // A dialog showing case data opened; the window closes it on lock.
    void caseDataDialogOpened(QWidget* dialog);

private:
    void refresh();
    void updateBanner();
    // The text of the button that opens the sign-up dialog, or empty when
    // nothing waits or the session's user may not sign up.
    [[nodiscard]] QString signUpButtonText() const;

    AgreementSource m_source;
    std::optional<policy::Agreement> m_offeredAgreement;
    QString m_offeredRefusal;
    QPointer<QWidget> m_window;
    QPointer<CaseSession> m_session;
    // The version waiting for the lead, and the error reading it.
    std::optional<policy::Agreement> m_pending;
    QString m_registerError;

    QPointer<QFrame> m_banner;
    QLabel* m_bannerLabel = nullptr;
    QPushButton* m_bannerButton = nullptr;
};

} // namespace earlyhelp::ui
