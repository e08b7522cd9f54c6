#pragma once

#include <functional>
#include <memory>

#include <QMainWindow>
#include <QPointer>

#include "common/result.h"
#include "filechooser.h"

class QAction;
class QFrame;
class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeView;
class QVBoxLayout;

namespace earlyhelp {
class CaseDirectory;
class Store;
struct ImportSummary;
namespace access {
class IdleLock;
struct Actor;
} // namespace access
} // namespace earlyhelp

namespace earlyhelp::ui {

class AgreementController;
struct AgreementSource;
class CaseSession;
class FamilyListModel;
class FamilyView;
class MyWorkView;
class PeopleModel;
class SyncController;

// The main window: a families list and a people list, each with a search
// field that filters as the user types, and the selected family beside them.
// It owns the open store while unlocked. Locking destroys the store and
// everything read from it, closes dialogs that show case data and leaves a
// "locked" page in place of the lists.
//
// Lives on the GUI thread, which is the store's thread.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(FileChooser fileChooser, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Takes ownership of an unlocked store and shows its families and people.
    // Every change runs on behalf of actor, whose role core checks.
    void openSession(std::unique_ptr<Store> store, access::Actor actor);
    [[nodiscard]] bool isUnlocked() const { return m_session != nullptr; }
    // The open session, or nullptr while locked.
    [[nodiscard]] CaseSession* session() const { return m_session.get(); }
    // The store's path, also after locking; empty before the first session.
    [[nodiscard]] QString storePath() const { return m_storePath; }

    // Sets where the Data Sharing Agreement comes from (by default the
    // bundled one and the built-in Trust key). Takes effect from the next
    // session.
    void setAgreementSource(AgreementSource source);
    [[nodiscard]] AgreementController* agreements() const { return m_agreements; }
    [[nodiscard]] SyncController* syncController() const { return m_sync; }

    // Sets the minutes without keyboard or mouse input before the window
    // locks itself, clamped to the 1 to 60 minutes that IdleLock accepts.
    void setIdleLockMinutes(int minutes);

public slots:
    // Closes the store and removes all case data from the window, then emits
    // locked(). During an import the import is cancelled first; during a
    // sync the lock waits until the sync ends.
    void lock();
    // Asks for a Common Transfer File and imports it.
    void chooseAndImportCtf();
    // Imports the file at filePath, then shows what was imported.
    void importCtfFile(const QString& filePath);
    void importSampleSchool();

signals:
    void locked();
    // The user asked to unlock from the locked page.
    void unlockRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createMenus();
    QWidget* createWorkspace();
    QWidget* createLockedPage();
    void updateActions();
    void updateTitleAndStatus();
    void refreshFamilies();
    void refreshPeople();
    void refreshAll();
    void showSelectedFamily();
    void showSelectedPerson();
    void showFamily(const QString& familyId);
    // Appends a "view" event for a family or person the user selected,
    // unless it is the one whose view was recorded last, so that a list
    // refresh that selects it again records nothing.
    void recordView(const QString& recordType, const QString& recordId, const QString& familyId,
                    const QString& personId);
    // Appends a "search" event for the query typed in edit, which listed
    // results rows, unless it is empty or the query recorded last.
    void recordSearch(const QString& list, const QLineEdit* edit, int results);
    void openCurrent();
    void focusSearch();
    void showAbout();
    // Shows a dialog that displays case data; locking closes it.
    // Opens Tools › Audit Trail…, or shows why the user may not.
    void openAuditTrail();
    void openCaseDataDialog(QWidget* dialog);
    // The person whose sharing log the Sharing Log action opens: the one
    // selected in the People tab, or the family member selected in the
    // Families tab. Empty when none is selected.
    [[nodiscard]] QString sharingLogPersonId() const;
    // Reads the family view and the lists again after a write to familyId.
    void onFamilyChanged(const QString& familyId);
    // Runs import with the store marked busy, then shows its summary.
    void runImport(const QString& sourceName, const std::function<Result<ImportSummary>()>& import);
    void closeSession();
    void saveSettings() const;
    void restoreSettings();

    FileChooser m_fileChooser;
    QString m_storePath;
    std::unique_ptr<CaseSession> m_session;
    CaseDirectory* m_directory = nullptr; // the session's
    MyWorkView* m_myWorkView = nullptr;
    bool m_importing = false;
    bool m_lockAfterImport = false;
    bool m_lockAfterSync = false;
    SyncController* m_sync = nullptr;

    QStackedWidget* m_stack = nullptr;
    QWidget* m_workspace = nullptr;
    QVBoxLayout* m_workspaceLayout = nullptr;
    AgreementController* m_agreements = nullptr;
    QSplitter* m_splitter = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_familySearchEdit = nullptr;
    QLineEdit* m_peopleSearchEdit = nullptr;
    QTreeView* m_familiesView = nullptr;
    QTreeView* m_peopleView = nullptr;
    FamilyListModel* m_familiesModel = nullptr;
    PeopleModel* m_peopleModel = nullptr;
    FamilyView* m_familyView = nullptr;
    QTimer* m_familySearchTimer = nullptr;
    QTimer* m_peopleSearchTimer = nullptr;
    // Fire once typing in a search field pauses for longer than the list
    // refresh's delay, so that typing one query records one search event.
    QTimer* m_familySearchAuditTimer = nullptr;
    QTimer* m_peopleSearchAuditTimer = nullptr;
    QString m_lastViewRecorded;   // "type:id" of the last view event
    QString m_lastSearchRecorded; // "list:query" of the last search event
    access::IdleLock* m_idleLock = nullptr;
    QLabel* m_organisationLabel = nullptr;
    QLabel* m_countsLabel = nullptr;
    QFrame* m_statusSeparator = nullptr;
    QList<QPointer<QWidget>> m_caseDataDialogs;

    QAction* m_importAction = nullptr;
    QAction* m_importSampleAction = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_unlockAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_showFamiliesAction = nullptr;
    QAction* m_showPeopleAction = nullptr;
    QAction* m_showMyWorkAction = nullptr;
    QAction* m_addPersonAction = nullptr;
    QAction* m_mergePersonAction = nullptr;
    QAction* m_sharePersonAction = nullptr;
    QAction* m_subjectAccessAction = nullptr;
    QAction* m_sharingLogAction = nullptr;
    QAction* m_deletedItemsAction = nullptr;
    QAction* m_erasePersonAction = nullptr;
    QAction* m_retentionAction = nullptr;
    QAction* m_transferPersonAction = nullptr;
    QAction* m_importTransferAction = nullptr;
    QAction* m_transfersAction = nullptr;
    QAction* m_usersAction = nullptr;
    QAction* m_auditTrailAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_agreementAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

} // namespace earlyhelp::ui
