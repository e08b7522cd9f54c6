#pragma once

#include <memory>

#include <QObject>
#include <QPointer>
#include <QString>

#include "agreementcontroller.h"
#include "filechooser.h"

namespace earlyhelp::ui {

class MainWindow;
class SetupWizard;
class UnlockDialog;

// Decides what the desktop app shows: the set-up wizard when no store exists
// at the store path, otherwise the main window in its locked state with the
// unlock dialog over it. After "Lock now" it shows the unlock dialog again,
// without trying the keychain, which would undo the lock at once.
class AppController : public QObject {
    Q_OBJECT

public:
    AppController(QString storePath, FileChooser fileChooser, QObject* parent = nullptr);
    // As above, with the Data Sharing Agreement taken from agreementSource.
    AppController(QString storePath, FileChooser fileChooser, AgreementSource agreementSource,
                  QObject* parent = nullptr);
    ~AppController() override;

    // Shows the wizard or the unlock dialog. When the offered agreement is
    // rejected, a message box ("agreementRefusedMessageBox") reports it. The
    // app still opens and shares nothing under that agreement.
    void start();

    [[nodiscard]] MainWindow* mainWindow() const;
    // The wizard or the unlock dialog while it is open, else nullptr.
    [[nodiscard]] SetupWizard* setupWizard() const;
    [[nodiscard]] UnlockDialog* unlockDialog() const;

signals:
    // The user cancelled the set-up wizard before a store existed.
    void setupCancelled();

private:
    enum class KeychainAttempt { Automatic, OnRequest };

    void showWizard();
    void showUnlockDialog(KeychainAttempt attempt);
    void ensureMainWindow();

    QString m_storePath;
    FileChooser m_fileChooser;
    AgreementSource m_agreementSource;
    std::unique_ptr<MainWindow> m_mainWindow;
    QPointer<SetupWizard> m_wizard;
    QPointer<UnlockDialog> m_unlockDialog;
};

} // namespace earlyhelp::ui
