#include "synccontroller.h"

#include <QAction>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QTimer>
#include <QWidget>

#include "casesession.h"
#include "conflictsdialog.h"
#include "store/store.h"
#include "sync/syncenrolment.h"
#include "sync/synclocal.h"
#include "syncsettingssection.h"

Q_LOGGING_CATEGORY(lcSyncController, "earlyhelp.ui.sync", QtInfoMsg)

namespace earlyhelp::ui {

SyncController::SyncController(FileChooser fileChooser, QWidget* window)
    : QObject(window)
    , m_fileChooser(std::move(fileChooser))
    , m_window(window)
{
    m_syncNowAction = new QAction(tr("S&ync Now"), this);
    m_syncNowAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNowAction->setShortcut(QKeySequence(Qt::Key_F9));
    m_syncNowAction->setStatusTip(
        tr("Send this store's changes to the sync server and receive the partners' changes (F9)"));
    connect(m_syncNowAction, &QAction::triggered, this, &SyncController::syncNow);

    m_conflictsAction = new QAction(tr("&Conflicts…"), this);
    m_conflictsAction->setObjectName(QStringLiteral("conflictsAction"));
    m_conflictsAction->setStatusTip(
        tr("Choose between this store's values and a partner's, and see what sync removed"));
    connect(m_conflictsAction, &QAction::triggered, this, &SyncController::openConflicts);

    m_statusWidget = new SyncStatusWidget(window);
    connect(m_statusWidget, &SyncStatusWidget::conflictsRequested, this, &SyncController::openConflicts);

    updateActions();
    refreshStatus();
}

SyncController::~SyncController()
{
    stopEngine();
}

bool SyncController::isSyncing() const
{
    return m_manualSyncRunning || (m_engine && m_engine->status() == sync::SyncEngine::Status::Syncing);
}

void SyncController::setSession(CaseSession* session)
{
    stopEngine();
    delete m_conflictsDialog.data();
    m_session = session;
    m_snapshot = {};
    if (m_session)
        startEngine();
    refreshStatus();
    updateActions();
}

void SyncController::startEngine()
{
    Store& store = m_session->store();
    const Result<std::optional<sync::SyncEnrolment>> enrolment = sync::readEnrolment(store);
    if (!enrolment) {
        qCWarning(lcSyncController) << "sync not started, the enrolment could not be read:"
                                    << enrolment.error().message;
        return;
    }
    if (!*enrolment) {
        qCInfo(lcSyncController) << "sync off: the store is not enrolled";
        return;
    }
    const Result<QUuid> storeId = sync::storeIdFor(store.path());
    if (!storeId) {
        qCWarning(lcSyncController) << "sync not started, the store id could not be read:"
                                    << storeId.error().message;
        return;
    }

    m_ownServerOrganisationId = (*enrolment)->organisation.id;
    m_engine = std::make_unique<sync::SyncEngine>(store, *storeId, m_keychain);
    connect(m_engine.get(), &sync::SyncEngine::progressChanged, this,
            [this](const sync::SyncProgress& progress) {
                m_snapshot.progress = progress;
                m_snapshot.status = sync::SyncEngine::Status::Syncing;
                m_statusWidget->setSnapshot(m_snapshot);
            });
    connect(m_engine.get(), &sync::SyncEngine::statusChanged, this, &SyncController::onStatusChanged);
    connect(m_engine.get(), &sync::SyncEngine::syncFinished, this, &SyncController::onSyncFinished);
    qCInfo(lcSyncController) << "sync engine created for device" << (*enrolment)->deviceId << "of"
                             << (*enrolment)->serverUrl.toString();

    startBackgroundSync();
}

void SyncController::startBackgroundSync()
{
    if (!m_engine || !m_session)
        return;
    if (!m_session->may(access::Action::EditCases)) {
        qCInfo(lcSyncController) << "no background sync: the user may not edit cases";
        return;
    }
    // Started from the event loop, so that opening the session does not wait
    // for the first sync.
    sync::SyncEngine* engine = m_engine.get();
    const access::Actor actor = m_session->actor();
    QTimer::singleShot(0, engine, [engine, actor] { engine->start(actor); });
}

void SyncController::pauseBackgroundSync()
{
    if (m_engine)
        m_engine->stop();
}

void SyncController::resumeBackgroundSync()
{
    startBackgroundSync();
}

void SyncController::stopEngine()
{
    if (!m_engine)
        return;
    m_engine->stop();
    m_engine.reset();
    m_ownServerOrganisationId.clear();
    qCInfo(lcSyncController) << "sync engine stopped";
}

void SyncController::syncNow()
{
    if (!m_engine || !m_session || isSyncing())
        return;
    m_manualSyncRunning = true;
    updateActions();
    const Result<sync::SyncOutcome> outcome = m_engine->syncNow(m_session->actor());
    m_manualSyncRunning = false;
    updateActions();
    refreshStatus();
    if (!outcome) {
        qCWarning(lcSyncController) << "sync did not start, error code" << static_cast<int>(outcome.error().code);
        auto* message = new QMessageBox(QMessageBox::Warning, tr("Sync Did Not Start"), outcome.error().message,
                                        QMessageBox::Ok, m_window);
        message->setObjectName(QStringLiteral("syncErrorMessageBox"));
        message->setAttribute(Qt::WA_DeleteOnClose);
        message->open();
    }
    emit syncEnded();
}

void SyncController::onStatusChanged(sync::SyncEngine::Status status)
{
    const bool ended = m_snapshot.status == sync::SyncEngine::Status::Syncing
                       && status != sync::SyncEngine::Status::Syncing;
    if (status != sync::SyncEngine::Status::Syncing)
        m_snapshot.progress.reset();
    if (status == sync::SyncEngine::Status::Syncing) {
        m_snapshot.status = status;
        m_statusWidget->setSnapshot(m_snapshot);
    } else {
        refreshStatus();
    }
    updateActions();
    if (ended && !m_manualSyncRunning)
        emit syncEnded();
}

void SyncController::onSyncFinished(const sync::SyncOutcome& outcome)
{
    if (outcome.error)
        qCInfo(lcSyncController) << "sync stopped early:" << outcome.error->message;
    if (m_session && (outcome.pulled > 0 || outcome.purged > 0)) {
        // The lists and the family view read the store again once the engine
        // is done with it.
        QTimer::singleShot(0, m_session.data(), [session = m_session] {
            if (session)
                session->notifyPeopleChanged();
        });
    }
    if (m_conflictsDialog)
        QTimer::singleShot(0, m_conflictsDialog.data(), &ConflictsDialog::reload);
}

void SyncController::refreshStatus()
{
    m_snapshot.status = m_engine ? m_engine->status() : sync::SyncEngine::Status::NotEnrolled;
    if (m_snapshot.status != sync::SyncEngine::Status::Syncing)
        m_snapshot.progress.reset();
    m_snapshot.nextAttemptAt = m_engine ? m_engine->nextAttemptAt() : QDateTime();

    if (m_session && m_engine) {
        sync::SyncLocal local(m_session->store());
        if (const Result<sync::SyncState> state = local.state(); state) {
            m_snapshot.lastCompleteAt = state->lastCompleteAt;
            m_snapshot.lastError = state->lastError;
            m_snapshot.clockSkewSeconds = state->clockSkewSeconds;
        } else {
            m_snapshot.lastError = state.error().message;
        }
        if (const std::optional<sync::SyncOutcome> last = m_engine->lastOutcome(); last) {
            m_snapshot.clockSkewSeconds = last->clockSkewSeconds;
            if (last->error)
                m_snapshot.lastError = last->error->message;
        }
        if (const Result<QList<sync::SyncConflict>> conflicts = local.conflicts(true); conflicts)
            m_snapshot.openConflicts = static_cast<int>(conflicts->size());
    }
    m_statusWidget->setSnapshot(m_snapshot);
    m_statusWidget->setVisible(m_session != nullptr);
}

void SyncController::updateActions()
{
    const bool mayEdit = m_session && m_session->may(access::Action::EditCases);
    m_syncNowAction->setEnabled(m_engine && mayEdit && !isSyncing());
    m_conflictsAction->setEnabled(m_session != nullptr);
}

ConflictsDialog* SyncController::openConflicts()
{
    if (!m_session)
        return nullptr;
    if (m_conflictsDialog) {
        m_conflictsDialog->reload();
        m_conflictsDialog->raise();
        m_conflictsDialog->activateWindow();
        return m_conflictsDialog;
    }
    m_conflictsDialog = new ConflictsDialog(m_session, m_ownServerOrganisationId, m_window);
    m_conflictsDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_conflictsDialog, &ConflictsDialog::conflictResolved, this, [this] {
        refreshStatus();
        // The chosen value goes to the server at once, after the click returns.
        QTimer::singleShot(0, this, &SyncController::syncNow);
    });
    emit caseDataDialogOpened(m_conflictsDialog);
    m_conflictsDialog->show();
    return m_conflictsDialog;
}

SyncSettingsSection* SyncController::createSettingsSection(QWidget* parent)
{
    auto* section = new SyncSettingsSection(m_session, m_keychain, m_fileChooser, parent);
    connect(section, &SyncSettingsSection::enrolled, this, [this] {
        if (!m_session)
            return;
        stopEngine();
        startEngine();
        refreshStatus();
        updateActions();
    });
    return section;
}

} // namespace earlyhelp::ui
