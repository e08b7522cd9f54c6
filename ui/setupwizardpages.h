#pragma once

#include <QWizardPage>

#include "cases/casedirectory.h"
#include "common/secretbytes.h"
#include "filechooser.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace earlyhelp::ui {

class SetupWizard;
class SyncEnrolmentForm;

// Wizard page for the path of the new store file. The page is complete when
// the path names a file in an existing or creatable folder and no store is
// there yet.
class StoreLocationPage : public QWizardPage {
    Q_OBJECT

public:
    StoreLocationPage(const QString& defaultPath, FileChooser fileChooser, QWidget* parent = nullptr);

    [[nodiscard]] QString storePath() const;
    [[nodiscard]] bool isComplete() const override;

private:
    // Returns why the path cannot take a new store, or an empty string.
    [[nodiscard]] QString problemWithPath() const;
    void browse();
    void updateMessage();

    FileChooser m_fileChooser;
    QLineEdit* m_pathEdit = nullptr;
    QLabel* m_errorLabel = nullptr;
};

// The school that owns the store: its name and either its DfE URN or its
// local authority and establishment numbers. Each field shows its own inline
// message once the user has left it with an invalid value.
class OrganisationPage : public QWizardPage {
    Q_OBJECT

public:
    explicit OrganisationPage(QWidget* parent = nullptr);

    [[nodiscard]] OrganisationRecord organisation() const;
    [[nodiscard]] bool isComplete() const override;
    bool validatePage() override;

private:
    struct Field {
        QLineEdit* edit = nullptr;
        QLabel* errorLabel = nullptr;
        bool touched = false;
    };

    // Returns the message for a field's current value, or an empty string.
    [[nodiscard]] QString nameProblem() const;
    [[nodiscard]] QString digitsProblem(const Field& field, int digits) const;
    [[nodiscard]] QString identifierProblem() const;
    void addField(Field& field, const QString& objectName, int maxDigits);
    void updateMessages();

    Field m_name;
    Field m_urn;
    Field m_laNumber;
    Field m_establishmentNumber;
    QLabel* m_identifierErrorLabel = nullptr;
};

// The first user's name and passphrase, and the keychain choice. This is the
// commit page: validatePage() creates the store through the wizard.
class FirstUserPage : public QWizardPage {
    Q_OBJECT

public:
    explicit FirstUserPage(SetupWizard* wizard);

    [[nodiscard]] QString userName() const;
    [[nodiscard]] bool useKeychain() const;
    [[nodiscard]] bool isComplete() const override;
    bool validatePage() override;

    void showProgress(const QString& text);
    void showError(const QString& message);

private:
    void updatePassphraseFeedback();

    SetupWizard* m_wizard = nullptr;
    QLineEdit* m_userNameEdit = nullptr;
    QLineEdit* m_passphraseEdit = nullptr;
    QLineEdit* m_repeatEdit = nullptr;
    QProgressBar* m_strengthBar = nullptr;
    QLabel* m_strengthLabel = nullptr;
    QLabel* m_matchLabel = nullptr;
    QCheckBox* m_keychainCheckBox = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QLabel* m_statusLabel = nullptr;
};

// Optional: enrols the new store with a sync server. Leaving the address and
// the code empty skips the page. Otherwise Next enrols through the wizard,
// and the page stays with the error below the fields until enrolment works.
class SyncServerPage : public QWizardPage {
    Q_OBJECT

public:
    SyncServerPage(SetupWizard* wizard, FileChooser fileChooser);

    [[nodiscard]] SyncEnrolmentForm* form() const { return m_form; }
    bool validatePage() override;

private:
    SetupWizard* m_wizard = nullptr;
    SyncEnrolmentForm* m_form = nullptr;
};

// The end of the wizard: where the store is, a keychain problem if there was
// one, and the offer to import the fictional sample school.
class ReadyPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ReadyPage(QWidget* parent = nullptr);

    void showResult(const QString& storePath, const QString& schoolName, const QString& keychainProblem);
    // Adds the sync server the store was enrolled with to the summary. An
    // empty serverName shows that sync can be set up later instead.
    void showSyncEnrolment(const QString& serverName, const QString& organisationName);
    [[nodiscard]] bool importSampleRequested() const;

private:
    QLabel* m_summaryLabel = nullptr;
    QLabel* m_keychainLabel = nullptr;
    QLabel* m_syncLabel = nullptr;
    QCheckBox* m_importSampleCheckBox = nullptr;
};

} // namespace earlyhelp::ui
