#include "appcontroller.h"

#include <QMessageBox>
#include <QTimer>

#include "cases/casestore.h"
#include "mainwindow.h"
#include "setupwizard.h"
#include "unlockdialog.h"

namespace earlyhelp::ui {

AppController::AppController(QString storePath, FileChooser fileChooser, QObject* parent)
    : AppController(std::move(storePath), std::move(fileChooser), AgreementSource::builtIn(), parent)
{
}

AppController::AppController(QString storePath, FileChooser fileChooser, AgreementSource agreementSource,
                             QObject* parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_fileChooser(std::move(fileChooser))
    , m_agreementSource(std::move(agreementSource))
{
}

AppController::~AppController()
{
    delete m_wizard.data();
}

MainWindow* AppController::mainWindow() const
{
    return m_mainWindow.get();
}

SetupWizard* AppController::setupWizard() const
{
    return m_wizard.data();
}

UnlockDialog* AppController::unlockDialog() const
{
    return m_unlockDialog.data();
}

void AppController::start()
{
    if (storeExists(m_storePath)) {
        ensureMainWindow();
        m_mainWindow->show();
        showUnlockDialog(KeychainAttempt::Automatic);
    } else {
        showWizard();
    }
    // Shown after the first window, so that the window does not cover the message.
    if (const Result<policy::Agreement> agreement = m_agreementSource.verified(); !agreement) {
        auto* message = new QMessageBox(QMessageBox::Critical, tr("Data Sharing Agreement Refused"),
                                        agreement.error().message, QMessageBox::Ok);
        message->setObjectName(QStringLiteral("agreementRefusedMessageBox"));
        message->setInformativeText(tr("Case work goes on as usual. Nothing is shared under this file."));
        message->setAttribute(Qt::WA_DeleteOnClose);
        message->show();
    }
}

void AppController::ensureMainWindow()
{
    if (m_mainWindow)
        return;
    m_mainWindow = std::make_unique<MainWindow>(m_fileChooser);
    m_mainWindow->setAgreementSource(m_agreementSource);
    connect(m_mainWindow.get(), &MainWindow::locked, this, [this] { showUnlockDialog(KeychainAttempt::OnRequest); });
    connect(m_mainWindow.get(), &MainWindow::unlockRequested, this,
            [this] { showUnlockDialog(KeychainAttempt::OnRequest); });
}

void AppController::showWizard()
{
    m_wizard = new SetupWizard(m_storePath, m_fileChooser);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &QDialog::finished, this, [this] {
        SetupWizard* wizard = m_wizard;
        // The store exists once the user page is done, so closing the wizard
        // on its last page still opens it.
        if (!wizard->hasStore()) {
            emit setupCancelled();
            return;
        }
        const bool importSample = wizard->importSampleRequested();
        m_storePath = wizard->storePath();
        earlyhelp::rememberStorePath(m_storePath);
        ensureMainWindow();
        m_mainWindow->openSession(wizard->takeStore(), wizard->actor());
        m_mainWindow->show();
        if (importSample)
            QTimer::singleShot(0, m_mainWindow.get(), &MainWindow::importSampleSchool);
    });
    m_wizard->show();
}

void AppController::showUnlockDialog(KeychainAttempt attempt)
{
    if (m_unlockDialog) {
        m_unlockDialog->raise();
        m_unlockDialog->activateWindow();
        return;
    }
    const QString path = m_mainWindow->storePath().isEmpty() ? m_storePath : m_mainWindow->storePath();
    m_unlockDialog = new UnlockDialog(path, m_fileChooser, m_mainWindow.get());
    m_unlockDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_unlockDialog->setWindowModality(Qt::WindowModal);
    connect(m_unlockDialog, &QDialog::accepted, this, [this] {
        UnlockDialog* dialog = m_unlockDialog;
        m_storePath = dialog->storePath();
        earlyhelp::rememberStorePath(m_storePath);
        m_mainWindow->openSession(dialog->takeStore(), dialog->actor());
    });
    m_unlockDialog->show();
    if (attempt == KeychainAttempt::Automatic)
        QTimer::singleShot(0, m_unlockDialog.data(), &UnlockDialog::tryKeychain);
}


} // namespace earlyhelp::ui
