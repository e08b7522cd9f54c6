#include "setupwizard.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLoggingCategory>

#include "busycursor.h"
#include "cases/casestore.h"
#include "setupwizardpages.h"
#include "syncenrolmentform.h"

Q_LOGGING_CATEGORY(lcSetup, "earlyhelp.ui.setup", QtInfoMsg)

namespace earlyhelp::ui {

SetupWizard::SetupWizard(const QString& defaultStorePath, FileChooser fileChooser, QWidget* parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set Up Early Help Case Manager"));
    setWindowIcon(QIcon(QStringLiteral(":/earlyhelp/icons/earlyhelp.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/earlyhelp/icons/earlyhelp.svg")).pixmap(48, 48));
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setMinimumSize(640, 480);

    m_locationPage = new StoreLocationPage(defaultStorePath, fileChooser, this);
    m_organisationPage = new OrganisationPage(this);
    m_userPage = new FirstUserPage(this);
    m_syncPage = new SyncServerPage(this, std::move(fileChooser));
    m_readyPage = new ReadyPage(this);
    setPage(StoreLocationPageId, m_locationPage);
    setPage(OrganisationPageId, m_organisationPage);
    setPage(FirstUserPageId, m_userPage);
    setPage(SyncServerPageId, m_syncPage);
    setPage(ReadyPageId, m_readyPage);
    setStartId(StoreLocationPageId);
}

SetupWizard::~SetupWizard() = default;

std::unique_ptr<Store> SetupWizard::takeStore()
{
    return std::move(m_store);
}

QString SetupWizard::storePath() const
{
    return m_locationPage->storePath();
}

bool SetupWizard::importSampleRequested() const
{
    return m_readyPage->importSampleRequested();
}

bool SetupWizard::createStore(SecretBytes passphrase)
{
    const QString path = storePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        m_userPage->showError(tr("The folder %1 could not be created. Go back and choose another place for the "
                                 "store.")
                                  .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
        return false;
    }

    NewStoreRequest request;
    request.path = path;
    request.organisation = m_organisationPage->organisation();
    request.userName = m_userPage->userName();
    request.passphrase = std::move(passphrase);
    request.useKeychain = m_userPage->useKeychain();

    m_userPage->showProgress(tr("Creating the store. Protecting the key with your passphrase takes a few "
                                "seconds…"));
    // NOTE: set-up runs on the GUI thread, because a Store may only be used on
    // the thread that opened it. The window does not repaint during the Argon2
    // key derivation, and the wait cursor and the message above explain why.
    Result<NewStore> created = [&request] {
        const BusyCursor busy;
        return setUpStore(std::move(request));
    }();
    if (!created) {
        qCWarning(lcSetup) << "store set-up failed, error code" << static_cast<int>(created.error().code);
        m_userPage->showError(tr("The store could not be created. %1").arg(created.error().message));
        return false;
    }

    qCInfo(lcSetup) << "store set up, organisation" << created->organisation.id;
    if (!created->keychainProblem.isEmpty())
        qCInfo(lcSetup) << "store set up without a keychain slot";
    m_userPage->showProgress(QString());
    m_store = std::move(created->store);
    m_actor = access::Actor{m_userPage->userName(), access::roleCode(access::Role::Lead)};
    m_readyPage->showResult(path, created->organisation.name, created->keychainProblem);
    return true;
}

bool SetupWizard::enrolStore(SyncEnrolmentForm& form)
{
    if (!m_store) {
        form.showError(tr("There is no store to enrol yet. Go back and create the store first."));
        return false;
    }
    const Result<QUuid> storeId = sync::storeIdFor(m_store->path());
    if (!storeId) {
        form.showError(storeId.error().message);
        return false;
    }
    const Result<sync::SyncEnrolment> enrolled = form.enrol(*m_store, *storeId, m_actor, m_keychain);
    if (!enrolled)
        return false;
    qCInfo(lcSetup) << "store enrolled with" << enrolled->serverUrl.toString() << "as device"
                    << enrolled->deviceId;
    m_readyPage->showSyncEnrolment(enrolled->serverUrl.toString(), enrolled->organisation.name);
    return true;
}

void SetupWizard::skipSyncEnrolment()
{
    m_readyPage->showSyncEnrolment(QString(), QString());
}

} // namespace earlyhelp::ui
