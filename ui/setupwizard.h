#pragma once

#include <memory>

#include <QWizard>

#include "access/access.h"
#include "cases/casedirectory.h"
#include "filechooser.h"
#include "keys/oskeychain.h"
#include "store/store.h"

namespace earlyhelp::ui {

class FirstUserPage;
class OrganisationPage;
class ReadyPage;
class StoreLocationPage;
class SyncEnrolmentForm;
class SyncServerPage;

// The first-run wizard: where the store lives, the school that owns it, the
// first user's name and passphrase, and whether the OS keychain may unlock
// it too. Leaving the user page creates the store. That page is the commit
// page, so there is no way back. The optional sync page then enrols the new
// store with a sync server. The last page reports a keychain problem, if
// any, and offers to import the fictional sample school.
//
// Once the store exists the wizard keeps it open, whatever the dialog's
// result: the caller takes it with takeStore() after finished().
class SetupWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { StoreLocationPageId, OrganisationPageId, FirstUserPageId, SyncServerPageId, ReadyPageId };

    SetupWizard(const QString& defaultStorePath, FileChooser fileChooser, QWidget* parent = nullptr);
    ~SetupWizard() override;

    // The store created by the wizard, or nullptr when none was created.
    [[nodiscard]] std::unique_ptr<Store> takeStore();
    // The user who set up the store, as its designated safeguarding lead.
    [[nodiscard]] access::Actor actor() const { return m_actor; }
    [[nodiscard]] bool hasStore() const { return m_store != nullptr; }
    [[nodiscard]] QString storePath() const;
    [[nodiscard]] bool importSampleRequested() const;

    // Creates the store from what the pages hold and the passphrase (UTF-8).
    // Returns false after showing the error on the user page.
    bool createStore(SecretBytes passphrase);
    // Enrols the created store with the server that form names, as the
    // store's lead, with the device credential in the OS keychain. Returns
    // false after showing the error in form.
    bool enrolStore(SyncEnrolmentForm& form);
    // Notes on the last page that sync was not set up.
    void skipSyncEnrolment();

private:
    StoreLocationPage* m_locationPage = nullptr;
    OrganisationPage* m_organisationPage = nullptr;
    FirstUserPage* m_userPage = nullptr;
    SyncServerPage* m_syncPage = nullptr;
    ReadyPage* m_readyPage = nullptr;
    std::unique_ptr<Store> m_store;
    access::Actor m_actor;
    keys::OsKeychain m_keychain;
};

} // namespace earlyhelp::ui
