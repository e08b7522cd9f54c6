#pragma once

#include <memory>

#include <QDialog>

#include "access/access.h"
#include "cases/casestore.h"
#include "common/result.h"
#include "filechooser.h"
#include "store/store.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace earlyhelp::ui {

// Asks for a user's passphrase for the store at a path and opens it. The user
// is chosen from the store's passphrase slots when there are several. When the
// store has a keychain slot, "Unlock with Keychain" opens it without one;
// "Open Another Store…" switches to another store file. The error message
// tells a wrong passphrase apart from a damaged store, a file that is not a
// store and a store written by a newer app. After a wrong passphrase the Unlock button waits as core's
// unlock throttle requires, with a countdown.
//
// On success the dialog is accepted and the caller takes the store with
// takeStore() and the user who unlocked it with actor(): the user of the
// passphrase slot, or the user the keychain slot records.
class UnlockDialog : public QDialog {
    Q_OBJECT

public:
    UnlockDialog(const QString& storePath, FileChooser fileChooser, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    [[nodiscard]] QString storePath() const { return m_storePath; }
    [[nodiscard]] std::unique_ptr<Store> takeStore();
    // The user who unlocked the store, with the role of their key slot.
    [[nodiscard]] access::Actor actor() const { return m_actor; }

    // Tries the keychain when the store has a keychain slot; on failure the
    // dialog stays open with the reason shown under the passphrase field.
    void tryKeychain();

private:
    void unlockWithPassphrase();
    void chooseAnotherStore();
    void setStorePath(const QString& path);
    void showError(const Error& error);
    void showMessage(const QString& message);
    void updateWaitCountdown();
    // method is "passphrase" or "keychain", as the unlock event records it.
    void finishUnlock(UnlockedStore unlocked, const QString& method);

    FileChooser m_fileChooser;
    QString m_storePath;
    std::unique_ptr<Store> m_store;
    access::Actor m_actor;

    QLabel* m_pathLabel = nullptr;
    QLabel* m_userLabel = nullptr;
    QComboBox* m_userComboBox = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPushButton* m_unlockButton = nullptr;
    QPushButton* m_keychainButton = nullptr;
    QTimer* m_waitTimer = nullptr;
};

// Returns the message the unlock dialog shows for an unlock error.
[[nodiscard]] QString describeUnlockError(const Error& error);

} // namespace earlyhelp::ui
