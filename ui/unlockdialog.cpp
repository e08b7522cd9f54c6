#include "unlockdialog.h"

#include <chrono>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "audit/unlockaudit.h"
#include "busycursor.h"
#include "cases/casestore.h"
#include "formfields.h"
#include "keys/keyfile.h"
#include "keys/unlockthrottle.h"
#include "passphrase.h"
#include "setupwizardpages.h"

Q_LOGGING_CATEGORY(lcUnlock, "earlyhelp.ui.unlock", QtInfoMsg)

namespace earlyhelp::ui {

namespace {

std::chrono::milliseconds remainingWait(const QString& storePath)
{
    return keys::UnlockThrottle::processWide().remainingDelay(keys::KeyFile::pathForStore(storePath));
}

} // namespace

QString describeUnlockError(const Error& error)
{
    switch (error.code) {
    case ErrorCode::WrongPassphrase:
    case ErrorCode::WrongKey:
        return UnlockDialog::tr("That passphrase does not unlock this store. Check that Caps Lock is off and "
                                "try again.");
    case ErrorCode::StoreDamaged:
        return UnlockDialog::tr("The store is damaged and cannot be opened. Restore it from the school's "
                                "backup, or ask your IT support to run \"earlyhelp-cli verify\". Details: %1")
            .arg(error.message);
    case ErrorCode::NotAStore:
        return UnlockDialog::tr("This file is not a case store. Choose Open Another Store… to pick the right "
                                "file. Details: %1")
            .arg(error.message);
    case ErrorCode::SchemaTooNew:
        return UnlockDialog::tr("A newer version of Early Help Case Manager wrote this store, so this version "
                                "cannot open it. Install the newer version. Details: %1")
            .arg(error.message);
    case ErrorCode::NotFound:
        return UnlockDialog::tr("The store could not be found. %1").arg(error.message);
    case ErrorCode::KeychainUnavailable:
    case ErrorCode::Keychain:
        return UnlockDialog::tr("The keychain could not unlock the store; enter your passphrase instead. %1")
            .arg(error.message);
    default:
        return error.message;
    }
}

UnlockDialog::UnlockDialog(const QString& storePath, FileChooser fileChooser, QWidget* parent)
    : QDialog(parent)
    , m_fileChooser(std::move(fileChooser))
{
    setObjectName(QStringLiteral("unlockDialog"));
    setWindowTitle(tr("Unlock the Case Store"));
    setMinimumWidth(480);

    auto* iconLabel = new QLabel(this);
    iconLabel->setPixmap(QIcon(QStringLiteral(":/earlyhelp/icons/lock.svg")).pixmap(48, 48));
    iconLabel->setAlignment(Qt::AlignTop);

    auto* headingLabel = new QLabel(tr("Enter your passphrase to open the case store."), this);
    QFont headingFont = headingLabel->font();
    headingFont.setBold(true);
    headingLabel->setFont(headingFont);
    headingLabel->setWordWrap(true);

    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("storePathLabel"));
    m_pathLabel->setTextFormat(Qt::PlainText);
    m_pathLabel->setWordWrap(true);
    m_pathLabel->setForegroundRole(QPalette::PlaceholderText);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_userComboBox = new QComboBox(this);
    m_userComboBox->setObjectName(QStringLiteral("userComboBox"));
    m_userComboBox->setAccessibleName(tr("User"));
    m_userLabel = new QLabel(tr("U&ser:"), this);
    m_userLabel->setBuddy(m_userComboBox);

    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("passphraseLineEdit"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseEdit->setAccessibleName(tr("Passphrase"));
    auto* passphraseLabel = new QLabel(tr("&Passphrase:"), this);
    passphraseLabel->setBuddy(m_passphraseEdit);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("unlockErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(inlineErrorStyleSheet());
    m_errorLabel->hide();

    auto* buttons = new QDialogButtonBox(this);
    m_unlockButton = buttons->addButton(tr("&Unlock"), QDialogButtonBox::AcceptRole);
    m_unlockButton->setObjectName(QStringLiteral("unlockPushButton"));
    m_unlockButton->setDefault(true);
    auto* cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    cancelButton->setObjectName(QStringLiteral("cancelPushButton"));
    m_keychainButton = new QPushButton(QIcon(QStringLiteral(":/earlyhelp/icons/unlock.svg")),
                                       tr("Unlock with &Keychain"), this);
    m_keychainButton->setObjectName(QStringLiteral("unlockWithKeychainPushButton"));
    m_keychainButton->setAutoDefault(false);
    auto* anotherStoreButton = new QPushButton(tr("&Open Another Store…"), this);
    anotherStoreButton->setObjectName(QStringLiteral("openAnotherStorePushButton"));
    anotherStoreButton->setAutoDefault(false);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_userLabel, m_userComboBox);
    form->addRow(passphraseLabel, m_passphraseEdit);

    auto* text = new QVBoxLayout;
    text->addWidget(headingLabel);
    text->addWidget(m_pathLabel);
    text->addSpacing(8);
    text->addLayout(form);
    text->addWidget(m_errorLabel);

    auto* top = new QHBoxLayout;
    top->addWidget(iconLabel);
    top->addSpacing(8);
    top->addLayout(text, 1);

    auto* secondary = new QHBoxLayout;
    secondary->addWidget(m_keychainButton);
    secondary->addWidget(anotherStoreButton);
    secondary->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addStretch();
    layout->addSpacing(8);
    layout->addLayout(secondary);
    layout->addWidget(buttons);

    m_waitTimer = new QTimer(this);
    m_waitTimer->setInterval(250);
    connect(m_waitTimer, &QTimer::timeout, this, &UnlockDialog::updateWaitCountdown);

    connect(m_unlockButton, &QPushButton::clicked, this, &UnlockDialog::unlockWithPassphrase);
    connect(cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_keychainButton, &QPushButton::clicked, this, &UnlockDialog::tryKeychain);
    connect(anotherStoreButton, &QPushButton::clicked, this, &UnlockDialog::chooseAnotherStore);

    setTabOrder(m_userComboBox, m_passphraseEdit);
    setTabOrder(m_passphraseEdit, m_unlockButton);
    setTabOrder(m_unlockButton, cancelButton);
    setTabOrder(cancelButton, m_keychainButton);
    setTabOrder(m_keychainButton, anotherStoreButton);

    setStorePath(storePath);
    m_passphraseEdit->setFocus();
}

UnlockDialog::~UnlockDialog() = default;

std::unique_ptr<Store> UnlockDialog::takeStore()
{
    return std::move(m_store);
}

void UnlockDialog::setStorePath(const QString& path)
{
    m_storePath = path;
    m_pathLabel->setText(QDir::toNativeSeparators(path));
    m_keychainButton->setVisible(hasKeychainSlot(path));
    showMessage(QString());

    // With one user the choice is not shown; core takes an empty user to
    // mean the only one.
    m_userComboBox->clear();
    Result<QStringList> users = passphraseUsers(path);
    if (users)
        m_userComboBox->addItems(*users);
    else
        showError(users.error());
    const bool choose = m_userComboBox->count() > 1;
    m_userComboBox->setVisible(choose);
    m_userLabel->setVisible(choose);
    updateWaitCountdown();
}

void UnlockDialog::tryKeychain()
{
    if (!hasKeychainSlot(m_storePath))
        return;
    qCInfo(lcUnlock) << "unlocking with the keychain";
    Result<UnlockedStore> unlocked = [this] {
        const BusyCursor busy;
        return unlockWithKeychain(m_storePath);
    }();
    if (!unlocked) {
        qCInfo(lcUnlock) << "keychain unlock failed, error code" << static_cast<int>(unlocked.error().code);
        showError(unlocked.error());
        return;
    }
    finishUnlock(std::move(*unlocked), QStringLiteral("keychain"));
}

void UnlockDialog::unlockWithPassphrase()
{
    if (remainingWait(m_storePath).count() > 0) {
        updateWaitCountdown();
        return;
    }
    if (m_passphraseEdit->text().isEmpty()) {
        showMessage(tr("Enter your passphrase."));
        m_passphraseEdit->setFocus();
        return;
    }
    if (!storeExists(m_storePath)) {
        showMessage(tr("There is no case store at %1 any more. Choose Open Another Store… to find it.")
                        .arg(QDir::toNativeSeparators(m_storePath)));
        return;
    }

    showMessage(tr("Unlocking…"));
    m_unlockButton->setEnabled(false);
    const SecretBytes passphrase = takePassphrase(m_passphraseEdit);
    // NOTE: the Argon2 derivation runs on the GUI thread, because a Store
    // belongs to the thread that opened it. The window does not repaint for
    // the second or so that the derivation takes.
    Result<UnlockedStore> unlocked = [this, &passphrase] {
        const BusyCursor busy;
        return earlyhelp::unlockWithPassphrase(m_storePath, m_userComboBox->currentText(), passphrase);
    }();
    m_unlockButton->setEnabled(true);
    if (!unlocked) {
        qCInfo(lcUnlock) << "passphrase unlock failed, error code" << static_cast<int>(unlocked.error().code);
        showError(unlocked.error());
        m_passphraseEdit->setFocus();
        updateWaitCountdown();
        return;
    }
    finishUnlock(std::move(*unlocked), QStringLiteral("passphrase"));
}

void UnlockDialog::finishUnlock(UnlockedStore unlocked, const QString& method)
{
    qCInfo(lcUnlock) << "store unlocked as" << unlocked.actor.user << "with role" << unlocked.actor.roleCode;
    // KeyFile journaled each wrong passphrase, and the journal's records are
    // appended here, now that the store is open. A failure to record them
    // does not keep the user out.
    unlocked.store->setAuditActor(unlocked.actor.user, unlocked.actor.roleCode);
    if (Status recorded = audit::recordUnlock(*unlocked.store, method, unlocked.failureSecretKey); !recorded)
        qCWarning(lcUnlock) << "the unlock was not recorded in the audit trail:" << recorded.error().message;
    m_store = std::move(unlocked.store);
    m_actor = std::move(unlocked.actor);
    showMessage(QString());
    QDialog::accept();
}

void UnlockDialog::chooseAnotherStore()
{
    const QString chosen = m_fileChooser.openFile(this, tr("Open a Case Store"), QFileInfo(m_storePath).absolutePath(),
                                                  tr("Case stores (*.ehstore);;All files (*)"));
    if (chosen.isEmpty())
        return;
    // storeExists() is true for any file at the path, so the key file beside
    // it is read too before the dialog switches to it.
    Result<QStringList> users = passphraseUsers(chosen);
    if (!storeExists(chosen) || !users) {
        m_errorLabel->setProperty("errorCode", users ? QVariant() : QVariant(static_cast<int>(users.error().code)));
        showMessage(tr("%1 cannot be opened as a case store. %2")
                        .arg(QDir::toNativeSeparators(chosen), users ? QString() : users.error().message));
        return;
    }
    setStorePath(QFileInfo(chosen).absoluteFilePath());
    m_passphraseEdit->setFocus();
}

void UnlockDialog::showError(const Error& error)
{
    m_errorLabel->setProperty("errorCode", static_cast<int>(error.code));
    showMessage(describeUnlockError(error));
}

void UnlockDialog::showMessage(const QString& message)
{
    if (message.isEmpty())
        m_errorLabel->setProperty("errorCode", QVariant());
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());

    // A wrapped message needs more height than the dialog had when shown.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void UnlockDialog::updateWaitCountdown()
{
    using namespace std::chrono;
    const milliseconds remaining = remainingWait(m_storePath);
    if (remaining.count() <= 0) {
        m_waitTimer->stop();
        m_unlockButton->setEnabled(true);
        m_unlockButton->setText(tr("&Unlock"));
        return;
    }
    const int seconds = static_cast<int>(ceil<std::chrono::seconds>(remaining).count());
    m_unlockButton->setEnabled(false);
    m_unlockButton->setText(tr("Wait %n s", nullptr, seconds));
    m_unlockButton->setAccessibleDescription(
        tr("After several wrong passphrases, the next try waits %n second(s).", nullptr, seconds));
    if (!m_waitTimer->isActive())
        m_waitTimer->start();
}

} // namespace earlyhelp::ui
