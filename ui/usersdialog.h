#pragma once

#include <functional>
#include <optional>

#include <QDialog>

#include "access/role.h"
#include "common/result.h"
#include "common/secretbytes.h"
#include "keys/keyfile.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace earlyhelp::ui {

class CaseSession;

// Lets a designated safeguarding lead list, add and remove the store's users
// and change their roles. Each user is a passphrase slot of the store's key
// file, and changing the slots needs the store key, so the dialog first asks
// the lead to confirm their own passphrase and unlocks the key file with it
// through core. The key is wiped when the dialog closes or is destroyed, for
// example when the window locks.
//
// Core decides every change and its refusals (the last lead, the lead's own
// account, a weak passphrase, a user who exists); the dialog shows core's
// message for each.
class UsersDialog : public QDialog {
    Q_OBJECT

public:
    // session must outlive the dialog. MainWindow closes the dialog before
    // it closes the session.
    explicit UsersDialog(CaseSession* session, QWidget* parent = nullptr);
    ~UsersDialog() override;

    // True once the lead's passphrase has unlocked the key file.
    [[nodiscard]] bool isConfirmed() const { return m_storeKey.size() > 0; }

public slots:
    void done(int result) override;

private:
    QWidget* createConfirmPage();
    QWidget* createUsersPage();
    void confirmPassphrase();
    void reloadUsers();
    void updateButtons();
    [[nodiscard]] QString selectedUser() const;
    [[nodiscard]] std::optional<access::Role> selectedRole() const;
    void openAddUser();
    void askToRemoveSelected();
    void openChangeRole();
    // Appends a "role-change" event. An empty old role is an added user, an
    // empty new role a removed one.
    void recordRoleChange(const QString& user, const QString& oldRoleCode, const QString& newRoleCode);
    void showError(QLabel* label, const QString& message);
    void wipeKey();

    CaseSession* m_session = nullptr;
    std::optional<keys::KeyFile> m_keyFile;
    SecretBytes m_storeKey;

    QStackedWidget* m_stack = nullptr;
    QLineEdit* m_confirmPassphraseEdit = nullptr;
    QPushButton* m_confirmButton = nullptr;
    QLabel* m_confirmErrorLabel = nullptr;
    QTreeWidget* m_usersTree = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QPushButton* m_changeRoleButton = nullptr;
    QLabel* m_usersErrorLabel = nullptr;
};

// Asks for a user's name (or shows it, when changing a role), a role and a
// temporary passphrase typed twice, then passes them to a submit function.
// The dialog stays open with the function's error shown until it succeeds.
class UserEditorDialog : public QDialog {
    Q_OBJECT

public:
    using Submit =
        std::function<Status(const QString& user, access::Role role, const SecretBytes& passphrase)>;

    // With an empty fixedUser the user name is typed (adding a user).
    // Otherwise it is shown with currentRoleText, and only the role and
    // passphrase change.
    UserEditorDialog(const QString& fixedUser, const QString& currentRoleText, access::Role initialRole,
                     Submit submit, QWidget* parent = nullptr);

private:
    void submit();
    void showError(const QString& message);

    Submit m_submit;
    QString m_fixedUser;
    QLineEdit* m_userEdit = nullptr;
    QComboBox* m_roleComboBox = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    QLineEdit* m_repeatEdit = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPushButton* m_okButton = nullptr;
};

} // namespace earlyhelp::ui
