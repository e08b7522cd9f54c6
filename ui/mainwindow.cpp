#include "mainwindow.h"

#include "access/idlelock.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QJsonObject>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "addpersondialog.h"
#include "agreementcontroller.h"
#include "audit/auditlog.h"
#include "auditviewer.h"
#include "cases/casedirectory.h"
#include "casesession.h"
#include "ctfimport.h"
#include "deleteditemsdialog.h"
#include "erasepersondialog.h"
#include "familylistmodel.h"
#include "familyview.h"
#include "importsummarydialog.h"
#include "mergepeopledialog.h"
#include "myworkview.h"
#include "peoplemodel.h"
#include "retentiondialog.h"
#include "sessionlockwatcher.h"
#include "settingsdialog.h"
#include "sharedialog.h"
#include "sharinglogdialog.h"
#include "subjectaccessdialog.h"
#include "transferdialogs.h"
#include "synccontroller.h"
#include "syncsettingssection.h"
#include "usersdialog.h"
#include "store/store.h"

Q_LOGGING_CATEGORY(lcMainWindow, "earlyhelp.ui.mainwindow", QtInfoMsg)

namespace earlyhelp::ui {

namespace {

constexpr int searchDelayMs = 150;
// The pause in typing after which a search is recorded in the audit trail.
constexpr int searchAuditDelayMs = 1500;

enum StackPage { LockedPage, WorkspacePage };
enum Tab { FamiliesTab, PeopleTab, MyWorkTab };

QIcon resourceIcon(const QString& name)
{
    return QIcon(u":/earlyhelp/icons/" + name + u".svg");
}

QLineEdit* makeSearchEdit(QWidget* parent, const QString& objectName, const QString& placeholder,
                          const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(accessibleName);
    edit->setClearButtonEnabled(true);
    edit->addAction(resourceIcon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    return edit;
}

QTreeView* makeListView(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* view = new QTreeView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setAllColumnsShowFocus(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(false);
    return view;
}

} // namespace

MainWindow::MainWindow(FileChooser fileChooser, QWidget* parent)
    : QMainWindow(parent)
    , m_fileChooser(std::move(fileChooser))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(resourceIcon(QStringLiteral("earlyhelp")));

    m_familiesModel = new FamilyListModel(this);
    m_peopleModel = new PeopleModel(this);
    m_sync = new SyncController(m_fileChooser, this);
    connect(m_sync, &SyncController::caseDataDialogOpened, this, [this](QWidget* dialog) { m_caseDataDialogs += dialog; });
    connect(m_sync, &SyncController::syncEnded, this, [this] {
        if (!m_lockAfterSync)
            return;
        m_lockAfterSync = false;
        // Not from inside the engine's signal: locking destroys the engine.
        QTimer::singleShot(0, this, &MainWindow::lock);
    });

    createActions();
    createMenus();

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(LockedPage, createLockedPage());
    m_workspace = createWorkspace();
    auto* workspacePage = new QWidget(this);
    m_workspaceLayout = new QVBoxLayout(workspacePage);
    m_workspaceLayout->setContentsMargins(0, 0, 0, 0);
    m_workspaceLayout->addWidget(m_workspace, 1);
    m_stack->insertWidget(WorkspacePage, workspacePage);
    setAgreementSource(AgreementSource::builtIn());
    setCentralWidget(m_stack);

    m_organisationLabel = new QLabel(this);
    m_organisationLabel->setObjectName(QStringLiteral("organisationLabel"));
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_statusSeparator = new QFrame(this);
    m_statusSeparator->setFrameShape(QFrame::VLine);
    m_statusSeparator->setFrameShadow(QFrame::Sunken);
    statusBar()->addPermanentWidget(m_sync->statusWidget());
    statusBar()->addPermanentWidget(m_organisationLabel);
    statusBar()->addPermanentWidget(m_statusSeparator);
    statusBar()->addPermanentWidget(m_countsLabel);

    m_idleLock = new access::IdleLock(this);
    connect(m_idleLock, &access::IdleLock::lockRequested, this, [this] {
        qCInfo(lcMainWindow) << "locking after the idle time";
        lock();
    });
    // IdleLock::sessionLocked() requests the lock only while unlocked.
    auto* sessionLockWatcher = new SessionLockWatcher(this);
    connect(sessionLockWatcher, &SessionLockWatcher::sessionLocked, m_idleLock, &access::IdleLock::sessionLocked);
    qApp->installEventFilter(this);

    resize(1200, 760);
    restoreSettings();
    closeSession();
}

MainWindow::~MainWindow()
{
    qApp->removeEventFilter(this);
    closeSession();
}

void MainWindow::createActions()
{
    m_importAction = new QAction(resourceIcon(QStringLiteral("import")), tr("&Import Common Transfer File…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Import pupils, contacts and families from a Common Transfer File (Ctrl+I)"));
    m_importAction->setIconText(tr("Import"));
    connect(m_importAction, &QAction::triggered, this, &MainWindow::chooseAndImportCtf);

    m_importSampleAction = new QAction(tr("Import the &Sample School"), this);
    m_importSampleAction->setObjectName(QStringLiteral("importSampleAction"));
    m_importSampleAction->setToolTip(tr("Import a fictional school's pupils and families to try the app"));
    connect(m_importSampleAction, &QAction::triggered, this, &MainWindow::importSampleSchool);

    m_lockAction = new QAction(resourceIcon(QStringLiteral("lock")), tr("&Lock Now"), this);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setToolTip(tr("Close the store and hide all case data until it is unlocked again (Ctrl+L)"));
    m_lockAction->setIconText(tr("Lock"));
    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lock);

    m_unlockAction = new QAction(resourceIcon(QStringLiteral("unlock")), tr("&Unlock…"), this);
    m_unlockAction->setObjectName(QStringLiteral("unlockAction"));
    connect(m_unlockAction, &QAction::triggered, this, &MainWindow::unlockRequested);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findAction = new QAction(tr("&Search"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusSearch);

    m_showFamiliesAction = new QAction(tr("&Families"), this);
    m_showFamiliesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_showFamiliesAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(FamiliesTab);
        focusSearch();
    });

    m_showPeopleAction = new QAction(tr("&People"), this);
    m_showPeopleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_showPeopleAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(PeopleTab);
        focusSearch();
    });

    m_showMyWorkAction = new QAction(tr("&My Work"), this);
    m_showMyWorkAction->setObjectName(QStringLiteral("showMyWorkAction"));
    m_showMyWorkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_showMyWorkAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(MyWorkTab);
        m_myWorkView->setFocus(Qt::ShortcutFocusReason);
    });

    m_addPersonAction = new QAction(tr("&Add Person…"), this);
    m_addPersonAction->setObjectName(QStringLiteral("addPersonAction"));
    m_addPersonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(m_addPersonAction, &QAction::triggered, this, [this] {
        openCaseDataDialog(new AddPersonDialog(m_session.get(), m_familyView->familyId(), this));
    });

    m_mergePersonAction = new QAction(tr("&Merge With…"), this);
    m_mergePersonAction->setObjectName(QStringLiteral("mergePersonAction"));
    m_mergePersonAction->setStatusTip(tr("Merge the selected person with another record of the same person"));
    connect(m_mergePersonAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_peopleView->currentIndex();
        if (!current.isValid() || !m_session)
            return;
        openCaseDataDialog(new MergePeopleDialog(m_session.get(), m_peopleModel->person(current.row()).id, this));
    });

    m_sharePersonAction = new QAction(tr("&Share With…"), this);
    m_sharePersonAction->setObjectName(QStringLiteral("sharePersonAction"));
    m_sharePersonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_sharePersonAction->setStatusTip(
        tr("See which of the selected person's information can be shared with a recipient, and why the rest "
           "cannot"));
    connect(m_sharePersonAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_peopleView->currentIndex();
        if (!current.isValid() || !m_session || m_tabs->currentIndex() != PeopleTab)
            return;
        auto* dialog = new ShareDialog(m_session.get(), ShareDialog::Scope::Person,
                                       m_peopleModel->person(current.row()).id, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // closeSession() deletes the dialog before the session it reads.
        m_caseDataDialogs += dialog;
        dialog->open();
    });

    m_subjectAccessAction = new QAction(tr("Subject &Access Request…"), this);
    m_subjectAccessAction->setObjectName(QStringLiteral("subjectAccessAction"));
    m_subjectAccessAction->setStatusTip(
        tr("Export everything held about the selected person, after withholding what must not be disclosed "
           "(designated safeguarding lead only)"));
    // Opens for the same person as the Sharing Log action: the one selected
    // in People, or the member selected in the family shown.
    connect(m_subjectAccessAction, &QAction::triggered, this, [this] {
        const QString personId = sharingLogPersonId();
        if (personId.isEmpty() || !m_session)
            return;
        openCaseDataDialog(new SubjectAccessDialog(m_session.get(), personId, m_fileChooser, this));
    });

    m_transferPersonAction = new QAction(tr("&Transfer Safeguarding File…"), this);
    m_transferPersonAction->setObjectName(QStringLiteral("transferPersonAction"));
    m_transferPersonAction->setStatusTip(
        tr("Send the selected child's safeguarding file to the school they are moving to"));
    connect(m_transferPersonAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_peopleView->currentIndex();
        if (!current.isValid() || !m_session || m_tabs->currentIndex() != PeopleTab)
            return;
        const PersonSummary& person = m_peopleModel->person(current.row());
        openCaseDataDialog(new SendTransferDialog(m_session.get(), person.id, person.displayName(), m_fileChooser,
                                                  this));
    });

    m_importTransferAction = new QAction(tr("Import &Safeguarding File…"), this);
    m_importTransferAction->setObjectName(QStringLiteral("importTransferAction"));
    m_importTransferAction->setStatusTip(tr("Import a safeguarding file that another school sent with its code"));
    connect(m_importTransferAction, &QAction::triggered, this, [this] {
        auto* dialog = new ImportTransferDialog(m_session.get(), m_fileChooser, this);
        // The new people and families show in the lists at once.
        connect(dialog, &ImportTransferDialog::imported, m_session.get(), &CaseSession::notifyPeopleChanged);
        openCaseDataDialog(dialog);
    });

    m_transfersAction = new QAction(tr("Safeguarding File &Transfers…"), this);
    m_transfersAction->setObjectName(QStringLiteral("transfersAction"));
    m_transfersAction->setStatusTip(tr("List the safeguarding files sent and received, and record receipts"));
    connect(m_transfersAction, &QAction::triggered, this, [this] {
        openCaseDataDialog(new TransfersDialog(m_session.get(), m_fileChooser, this));
    });

    m_sharingLogAction = new QAction(tr("Sharing &Log…"), this);
    m_sharingLogAction->setObjectName(QStringLiteral("sharingLogAction"));
    m_sharingLogAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_sharingLogAction->setStatusTip(
        tr("See who holds the selected person's information, since when, and under which consent"));
    connect(m_sharingLogAction, &QAction::triggered, this, [this] {
        const QString personId = sharingLogPersonId();
        if (personId.isEmpty() || !m_session)
            return;
        auto* dialog = new SharingLogDialog(m_session.get(), personId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // closeSession() deletes the dialog before the session it reads.
        m_caseDataDialogs += dialog;
        dialog->open();
    });

    m_deletedItemsAction = new QAction(tr("&Deleted Items…"), this);
    m_deletedItemsAction->setObjectName(QStringLiteral("deletedItemsAction"));
    connect(m_deletedItemsAction, &QAction::triggered, this, [this] {
        openCaseDataDialog(new DeletedItemsDialog(m_session.get(), this));
    });

    m_erasePersonAction = new QAction(tr("&Erase Person…"), this);
    m_erasePersonAction->setObjectName(QStringLiteral("erasePersonAction"));
    m_erasePersonAction->setStatusTip(tr("Erase the selected person's data from this store for good"));
    connect(m_erasePersonAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_peopleView->currentIndex();
        if (!current.isValid() || !m_session || m_tabs->currentIndex() != PeopleTab)
            return;
        openCaseDataDialog(new ErasePersonDialog(m_session.get(), m_peopleModel->person(current.row()).id, this));
    });

    m_retentionAction = new QAction(tr("&Retention…"), this);
    m_retentionAction->setObjectName(QStringLiteral("retentionAction"));
    m_retentionAction->setStatusTip(tr("List the records due for review or deletion under the agreement"));
    connect(m_retentionAction, &QAction::triggered, this, [this] {
        openCaseDataDialog(new RetentionDialog(m_session.get(), this));
    });

    m_usersAction = new QAction(tr("&Users…"), this);
    m_usersAction->setObjectName(QStringLiteral("usersAction"));
    connect(m_usersAction, &QAction::triggered, this, [this] {
        openCaseDataDialog(new UsersDialog(m_session.get(), this));
    });

    m_auditTrailAction = new QAction(tr("&Audit Trail…"), this);
    m_auditTrailAction->setObjectName(QStringLiteral("auditTrailAction"));
    m_auditTrailAction->setStatusTip(tr("See who viewed, searched, changed, shared and exported what"));
    connect(m_auditTrailAction, &QAction::triggered, this, &MainWindow::openAuditTrail);

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, [this] {
        auto* dialog = new SettingsDialog(m_session.get(), this);
        connect(dialog, &SettingsDialog::idleLockMinutesChanged, this, &MainWindow::setIdleLockMinutes);
        dialog->addSection(m_sync->createSettingsSection(dialog));
        openCaseDataDialog(dialog);
    });

    m_agreementAction = new QAction(tr("&Policy and Agreement…"), this);
    m_agreementAction->setObjectName(QStringLiteral("agreementAction"));
    m_agreementAction->setStatusTip(tr("Show the signed Data Sharing Agreement and its sharing rules"));
    connect(m_agreementAction, &QAction::triggered, this, [this] {
        m_agreements->openViewer();
    });

    m_aboutAction = new QAction(tr("&About Early Help Case Manager"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_importAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_lockAction);
    fileMenu->addAction(m_unlockAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_findAction);
    viewMenu->addSeparator();
    viewMenu->addAction(m_showFamiliesAction);
    viewMenu->addAction(m_showPeopleAction);
    viewMenu->addAction(m_showMyWorkAction);

    QMenu* caseMenu = menuBar()->addMenu(tr("&Case"));
    caseMenu->setObjectName(QStringLiteral("caseMenu"));
    caseMenu->addAction(m_addPersonAction);
    caseMenu->addAction(m_mergePersonAction);
    caseMenu->addAction(m_sharePersonAction);
    caseMenu->addAction(m_subjectAccessAction);
    caseMenu->addAction(m_transferPersonAction);
    caseMenu->addAction(m_sharingLogAction);
    caseMenu->addSeparator();
    caseMenu->addAction(m_deletedItemsAction);
    caseMenu->addAction(m_erasePersonAction);

    QMenu* toolsMenu = menuBar()->addMenu(tr("&Tools"));
    toolsMenu->setObjectName(QStringLiteral("toolsMenu"));
    toolsMenu->addAction(m_sync->syncNowAction());
    toolsMenu->addAction(m_sync->conflictsAction());
    toolsMenu->addSeparator();
    toolsMenu->addAction(m_importTransferAction);
    toolsMenu->addAction(m_transfersAction);
    toolsMenu->addSeparator();
    toolsMenu->addAction(m_retentionAction);
    toolsMenu->addAction(m_usersAction);
    toolsMenu->addAction(m_auditTrailAction);
    toolsMenu->addAction(m_settingsAction);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_importSampleAction);
    helpMenu->addAction(m_agreementAction);
    helpMenu->addSeparator();
    helpMenu->addAction(m_aboutAction);

    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_importAction);
    toolBar->addAction(m_lockAction);
}

QWidget* MainWindow::createWorkspace()
{
    auto* workspace = new QWidget(this);

    m_familySearchEdit =
        makeSearchEdit(workspace, QStringLiteral("familySearchLineEdit"),
                       tr("Search by a member's name or UPN…"), tr("Search families"));
    m_familiesView = makeListView(workspace, QStringLiteral("familiesTreeView"), tr("Families"));
    m_familiesView->setModel(m_familiesModel);
    m_familiesView->header()->setSectionResizeMode(FamilyListModel::NameColumn, QHeaderView::Stretch);
    for (int column = FamilyListModel::ChildrenColumn; column < FamilyListModel::ColumnCount; ++column)
        m_familiesView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_peopleSearchEdit = makeSearchEdit(workspace, QStringLiteral("peopleSearchLineEdit"),
                                        tr("Search by name or UPN…"), tr("Search people"));
    m_peopleView = makeListView(workspace, QStringLiteral("peopleTreeView"), tr("People"));
    m_peopleView->setModel(m_peopleModel);
    m_peopleView->header()->setSectionResizeMode(PeopleModel::NameColumn, QHeaderView::Stretch);
    for (int column = PeopleModel::DateOfBirthColumn; column < PeopleModel::FamilyColumn; ++column)
        m_peopleView->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // A family name can be as long as a person's; a fixed share keeps the
    // Name column readable and the family elided instead.
    m_peopleView->header()->setSectionResizeMode(PeopleModel::FamilyColumn, QHeaderView::Interactive);
    m_peopleView->header()->resizeSection(PeopleModel::FamilyColumn, 130);

    auto makeTab = [workspace](QLineEdit* search, QTreeView* view) {
        auto* page = new QWidget(workspace);
        auto* layout = new QVBoxLayout(page);
        layout->setContentsMargins(6, 6, 6, 6);
        layout->addWidget(search);
        layout->addWidget(view, 1);
        return page;
    };
    m_tabs = new QTabWidget(workspace);
    m_tabs->setObjectName(QStringLiteral("listsTabWidget"));
    m_tabs->addTab(makeTab(m_familySearchEdit, m_familiesView), tr("Families"));
    m_tabs->addTab(makeTab(m_peopleSearchEdit, m_peopleView), tr("People"));
    m_myWorkView = new MyWorkView(nullptr, workspace);
    m_myWorkView->setObjectName(QStringLiteral("myWorkView"));
    m_tabs->addTab(m_myWorkView, tr("My Work"));
    m_tabs->setTabToolTip(FamiliesTab, tr("Families (Ctrl+1)"));
    m_tabs->setTabToolTip(PeopleTab, tr("People (Ctrl+2)"));
    m_tabs->setTabToolTip(MyWorkTab, tr("Reviews, actions and consent due, and families without a plan (Ctrl+3)"));
    connect(m_myWorkView, &MyWorkView::familyActivated, this, [this](const QString& familyId) {
        showFamily(familyId);
    });

    m_familyView = new FamilyView(workspace);
    m_familyView->setObjectName(QStringLiteral("familyView"));

    m_splitter = new QSplitter(Qt::Horizontal, workspace);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_familyView);
    // The family view's tabs and editors need the room more than the lists.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({440, 760});

    auto* layout = new QVBoxLayout(workspace);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);

    m_familySearchTimer = new QTimer(this);
    m_familySearchTimer->setSingleShot(true);
    m_familySearchTimer->setInterval(searchDelayMs);
    connect(m_familySearchTimer, &QTimer::timeout, this, &MainWindow::refreshFamilies);
    connect(m_familySearchEdit, &QLineEdit::textChanged, m_familySearchTimer, qOverload<>(&QTimer::start));

    m_peopleSearchTimer = new QTimer(this);
    m_peopleSearchTimer->setSingleShot(true);
    m_peopleSearchTimer->setInterval(searchDelayMs);
    connect(m_peopleSearchTimer, &QTimer::timeout, this, &MainWindow::refreshPeople);
    connect(m_peopleSearchEdit, &QLineEdit::textChanged, m_peopleSearchTimer, qOverload<>(&QTimer::start));

    m_familySearchAuditTimer = new QTimer(this);
    m_familySearchAuditTimer->setSingleShot(true);
    m_familySearchAuditTimer->setInterval(searchAuditDelayMs);
    connect(m_familySearchAuditTimer, &QTimer::timeout, this, [this] {
        recordSearch(QStringLiteral("families"), m_familySearchEdit, m_familiesModel->rowCount());
    });
    connect(m_familySearchEdit, &QLineEdit::textChanged, m_familySearchAuditTimer, qOverload<>(&QTimer::start));

    m_peopleSearchAuditTimer = new QTimer(this);
    m_peopleSearchAuditTimer->setSingleShot(true);
    m_peopleSearchAuditTimer->setInterval(searchAuditDelayMs);
    connect(m_peopleSearchAuditTimer, &QTimer::timeout, this, [this] {
        recordSearch(QStringLiteral("people"), m_peopleSearchEdit, m_peopleModel->rowCount());
    });
    connect(m_peopleSearchEdit, &QLineEdit::textChanged, m_peopleSearchAuditTimer, qOverload<>(&QTimer::start));

    connect(m_familiesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelectedFamily);
    connect(m_peopleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showSelectedPerson);
    connect(m_familiesView, &QTreeView::activated, this, &MainWindow::openCurrent);
    connect(m_peopleView, &QTreeView::activated, this, &MainWindow::openCurrent);
    connect(m_peopleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateActions);
    m_peopleView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_peopleView->addAction(m_mergePersonAction);
    m_peopleView->addAction(m_sharePersonAction);
    m_peopleView->addAction(m_subjectAccessAction);
    m_peopleView->addAction(m_erasePersonAction);
    m_peopleView->addAction(m_transferPersonAction);
    m_peopleView->addAction(m_sharingLogAction);
    m_familyView->membersTree()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_familyView->membersTree()->addAction(m_sharingLogAction);
    m_familyView->membersTree()->addAction(m_subjectAccessAction);
    connect(m_familyView->membersTree(), &QTreeWidget::currentItemChanged, this, &MainWindow::updateActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == FamiliesTab)
            showSelectedFamily();
        else if (tab == PeopleTab)
            showSelectedPerson();
        else
            m_myWorkView->refresh();
    });

    setTabOrder(m_familySearchEdit, m_familiesView);
    setTabOrder(m_familiesView, m_peopleSearchEdit);
    setTabOrder(m_peopleSearchEdit, m_peopleView);
    setTabOrder(m_peopleView, m_familyView->membersTree());
    return workspace;
}

QWidget* MainWindow::createLockedPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("lockedPage"));

    auto* icon = new QLabel(page);
    icon->setPixmap(resourceIcon(QStringLiteral("lock")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignCenter);

    auto* label = new QLabel(tr("The case store is locked."), page);
    label->setObjectName(QStringLiteral("lockedLabel"));
    label->setAlignment(Qt::AlignCenter);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    label->setFont(font);

    auto* unlockButton = new QPushButton(resourceIcon(QStringLiteral("unlock")), tr("&Unlock…"), page);
    unlockButton->setObjectName(QStringLiteral("unlockPushButton"));
    connect(unlockButton, &QPushButton::clicked, this, &MainWindow::unlockRequested);

    auto* buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(unlockButton);
    buttonRow->addStretch();

    // The content sits in the upper part of the window, above where the
    // window-modal unlock dialog is centred.
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addWidget(label);
    layout->addSpacing(12);
    layout->addLayout(buttonRow);
    layout->addStretch(8);
    return page;
}

void MainWindow::setAgreementSource(AgreementSource source)
{
    delete m_agreements;
    m_agreements = new AgreementController(std::move(source), this);
    m_workspaceLayout->insertWidget(0, m_agreements->banner());
    connect(m_agreements, &AgreementController::caseDataDialogOpened, this,
            [this](QWidget* dialog) { m_caseDataDialogs += dialog; });
    if (m_session)
        m_agreements->setSession(m_session.get());
}

void MainWindow::setIdleLockMinutes(int minutes)
{
    const std::chrono::minutes idleTime = access::IdleLock::boundedIdleTime(std::chrono::minutes(minutes));
    if (Status set = m_idleLock->setIdleTime(idleTime); !set)
        qCWarning(lcMainWindow) << "idle time not changed:" << set.error().message;
}

void MainWindow::openSession(std::unique_ptr<Store> store, access::Actor actor)
{
    if (!store)
        return;
    closeSession();
    m_storePath = store->path();
    m_session = std::make_unique<CaseSession>(std::move(store), std::move(actor));
    m_directory = &m_session->directory();
    connect(m_session.get(), &CaseSession::familyChanged, this, &MainWindow::onFamilyChanged);
    connect(m_session.get(), &CaseSession::peopleChanged, this, &MainWindow::refreshAll);
    m_familyView->setSession(m_session.get());
    m_myWorkView->setSession(m_session.get());
    m_agreements->setSession(m_session.get());
    m_sync->setSession(m_session.get());
    qCInfo(lcMainWindow) << "session opened";

    m_stack->setCurrentIndex(WorkspacePage);
    refreshAll();
    updateActions();
    m_idleLock->start();
    focusSearch();
}

void MainWindow::closeSession()
{
    m_familySearchTimer->stop();
    m_peopleSearchTimer->stop();
    m_idleLock->stop();

    for (const QPointer<QWidget>& dialog : std::as_const(m_caseDataDialogs)) {
        if (dialog)
            delete dialog.data();
    }
    m_caseDataDialogs.clear();

    // setText() rather than clear(): clear() is an undoable edit, so the
    // typed search would stay in the line edit's undo history.
    m_familySearchEdit->setText(QString());
    m_peopleSearchEdit->setText(QString());
    m_familySearchTimer->stop();
    m_peopleSearchTimer->stop();
    m_familySearchAuditTimer->stop();
    m_peopleSearchAuditTimer->stop();
    m_lastViewRecorded.clear();
    m_lastSearchRecorded.clear();
    m_familiesModel->clear();
    m_peopleModel->clear();
    m_familyView->clear();
    m_familyView->setSession(nullptr);
    m_myWorkView->setSession(nullptr);
    m_agreements->setSession(nullptr);
    m_sync->setSession(nullptr);
    statusBar()->clearMessage();

    const bool wasOpen = m_session != nullptr;
    m_directory = nullptr;
    m_session.reset();
    if (wasOpen)
        qCInfo(lcMainWindow) << "session closed";

    m_stack->setCurrentIndex(LockedPage);
    updateTitleAndStatus();
    updateActions();
}

void MainWindow::lock()
{
    if (m_importing) {
        // The store is in use further up this call stack; the import is
        // cancelled and importCtfFile() locks when it returns.
        m_lockAfterImport = true;
        if (auto* progress = findChild<QProgressDialog*>(QStringLiteral("importProgressDialog")))
            progress->cancel();
        return;
    }
    if (!isUnlocked())
        return;
    if (m_sync->isSyncing()) {
        // The engine is using the store further up this call stack.
        m_lockAfterSync = true;
        return;
    }
    closeSession();
    emit locked();
}

void MainWindow::updateActions()
{
    const bool unlocked = isUnlocked();
    const auto allowed = [this](access::Action action) { return m_session && m_session->may(action); };
    m_importAction->setEnabled(allowed(access::Action::EditCases) && !m_importing);
    m_importSampleAction->setEnabled(allowed(access::Action::EditCases) && !m_importing
                                     && !sampleCtfResource().isEmpty());
    m_lockAction->setEnabled(unlocked);
    m_unlockAction->setVisible(!unlocked);
    m_findAction->setEnabled(unlocked);
    m_showFamiliesAction->setEnabled(unlocked);
    m_showPeopleAction->setEnabled(unlocked);
    m_showMyWorkAction->setEnabled(unlocked);
    m_addPersonAction->setEnabled(allowed(access::Action::EditCases) && !m_importing);
    m_mergePersonAction->setEnabled(allowed(access::Action::DeleteRestore) && !m_importing &&
                                    m_peopleView->currentIndex().isValid());
    m_sharePersonAction->setEnabled(allowed(access::Action::ViewCases) && !m_importing
                                    && m_tabs->currentIndex() == PeopleTab && m_peopleView->currentIndex().isValid());
    // Only the designated safeguarding lead responds to subject access
    // requests, and core's Collector rejects everyone else as well.
    m_subjectAccessAction->setEnabled(m_session && m_session->actor().role() == access::Role::Lead
                                      && !m_importing && !sharingLogPersonId().isEmpty());
    m_transferPersonAction->setEnabled(allowed(access::Action::Export) && !m_importing
                                       && m_tabs->currentIndex() == PeopleTab
                                       && m_peopleView->currentIndex().isValid());
    m_importTransferAction->setEnabled(allowed(access::Action::Export) && !m_importing);
    m_transfersAction->setEnabled(allowed(access::Action::Export) && !m_importing);
    m_sharingLogAction->setEnabled(allowed(access::Action::ViewCases) && !m_importing
                                   && !sharingLogPersonId().isEmpty());
    m_deletedItemsAction->setEnabled(allowed(access::Action::DeleteRestore) && !m_importing);
    // Erasure cannot be undone, so it is the designated safeguarding lead's
    // alone; a deputy may delete and restore but not erase.
    const bool lead = m_session && m_session->actor().role() == access::Role::Lead;
    m_erasePersonAction->setEnabled(lead && !m_importing && m_tabs->currentIndex() == PeopleTab &&
                                    m_peopleView->currentIndex().isValid());
    m_retentionAction->setEnabled(allowed(access::Action::DeleteRestore) && !m_importing);
    m_usersAction->setEnabled(allowed(access::Action::ManageUsers) && !m_importing);
    m_auditTrailAction->setEnabled(allowed(access::Action::ViewAuditTrail));
    m_settingsAction->setEnabled(allowed(access::Action::ChangeSettings));
    m_agreementAction->setEnabled(unlocked);
}

void MainWindow::openAuditTrail()
{
    Result<AuditViewerDialog*> dialog = AuditViewerDialog::create(m_session.get(), m_fileChooser, this);
    if (!dialog) {
        statusBar()->showMessage(dialog.error().message);
        return;
    }
    openCaseDataDialog(*dialog);
}

QString MainWindow::sharingLogPersonId() const
{
    if (m_tabs->currentIndex() == PeopleTab) {
        const QModelIndex current = m_peopleView->currentIndex();
        return current.isValid() ? m_peopleModel->person(current.row()).id : QString();
    }
    if (m_tabs->currentIndex() == FamiliesTab)
        return m_familyView->selectedPersonId();
    return {};
}

void MainWindow::openCaseDataDialog(QWidget* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_caseDataDialogs += dialog;
    dialog->show();
}

void MainWindow::onFamilyChanged(const QString& familyId)
{
    if (familyId == m_familyView->familyId())
        m_familyView->reload();
    refreshFamilies();
    if (m_tabs->currentIndex() == MyWorkTab)
        m_myWorkView->refresh();
}

void MainWindow::updateTitleAndStatus()
{
    m_statusSeparator->setVisible(m_directory != nullptr);
    if (!m_directory) {
        setWindowTitle(tr("Early Help Case Manager"));
        m_organisationLabel->clear();
        m_countsLabel->clear();
        return;
    }

    Result<OrganisationRecord> organisation = m_directory->localOrganisation();
    if (organisation) {
        setWindowTitle(tr("Early Help Case Manager — %1").arg(organisation->name));
        QString identifier;
        if (!organisation->dfeUrn.isEmpty())
            identifier = tr("URN %1").arg(organisation->dfeUrn);
        else if (!organisation->laCode.isEmpty())
            identifier = tr("LAESTAB %1/%2").arg(organisation->laCode, organisation->estabNumber);
        m_organisationLabel->setText(identifier.isEmpty() ? organisation->name
                                                          : tr("%1 (%2)").arg(organisation->name, identifier));
    } else {
        setWindowTitle(tr("Early Help Case Manager"));
        m_organisationLabel->setText(organisation.error().message);
    }

    Result<StoreCounts> counts = m_directory->counts();
    if (counts) {
        m_countsLabel->setText(tr("%1 · %2 · %3")
                                   .arg(tr("%n pupil(s)", nullptr, counts->pupils),
                                        tr("%n adult(s)", nullptr, counts->adults),
                                        tr("%n family(ies)", nullptr, counts->families)));
    } else {
        m_countsLabel->clear();
    }
}

void MainWindow::refreshAll()
{
    refreshFamilies();
    refreshPeople();
    updateTitleAndStatus();
    // Selecting the same row again does not reload the family view, and a
    // sync may have changed the family shown.
    if (!m_familyView->familyId().isEmpty())
        m_familyView->reload();
    if (m_familiesModel->rowCount() == 0 && m_peopleModel->rowCount() == 0 && m_familySearchEdit->text().isEmpty()
        && m_peopleSearchEdit->text().isEmpty())
        m_familyView->showError(tr("This store has no pupils yet. Choose File › Import Common Transfer File… "
                                   "(Ctrl+I) to add the school's pupils, their contacts and families."));
}

void MainWindow::refreshFamilies()
{
    if (!m_directory || m_importing)
        return;
    const QModelIndex current = m_familiesView->currentIndex();
    const QString currentId = current.isValid() ? m_familiesModel->family(current.row()).id : QString();

    Result<QList<FamilySummary>> families = m_directory->families(m_familySearchEdit->text());
    if (!families) {
        statusBar()->showMessage(families.error().message);
        return;
    }
    m_familiesModel->setFamilies(std::move(*families));
    if (const int row = m_familiesModel->rowOf(currentId); row >= 0)
        m_familiesView->setCurrentIndex(m_familiesModel->index(row, 0));
    else if (!currentId.isEmpty() && m_tabs->currentIndex() == FamiliesTab)
        m_familyView->clear(); // the search filtered out the family on show
}

void MainWindow::refreshPeople()
{
    if (!m_directory || m_importing)
        return;
    const QModelIndex current = m_peopleView->currentIndex();
    const QString currentId = current.isValid() ? m_peopleModel->person(current.row()).id : QString();

    // More people than this are never shown at once; a search narrows them.
    constexpr int peopleListLimit = 5000;
    Result<QList<PersonSummary>> people = m_directory->people(m_peopleSearchEdit->text(), peopleListLimit);
    if (!people) {
        statusBar()->showMessage(people.error().message);
        return;
    }
    if (people->size() == peopleListLimit)
        statusBar()->showMessage(tr("Showing %L1 people, not every match. Type more of a name or a UPN to narrow "
                                    "the list.")
                                     .arg(peopleListLimit));
    m_peopleModel->setPeople(std::move(*people));
    if (const int row = m_peopleModel->rowOf(currentId); row >= 0)
        m_peopleView->setCurrentIndex(m_peopleModel->index(row, 0));
}

void MainWindow::showSelectedFamily()
{
    const QModelIndex current = m_familiesView->currentIndex();
    if (!current.isValid() || !m_directory)
        return;
    showFamily(m_familiesModel->family(current.row()).id);
}

void MainWindow::showSelectedPerson()
{
    const QModelIndex current = m_peopleView->currentIndex();
    if (!current.isValid() || !m_directory)
        return;
    const PersonSummary& person = m_peopleModel->person(current.row());
    if (person.familyId.isEmpty())
        m_familyView->showPersonWithoutFamily(person);
    else
        showFamily(person.familyId);
    recordView(QStringLiteral("person"), person.id, person.familyId, person.id);
}

void MainWindow::showFamily(const QString& familyId)
{
    if (!m_directory || m_importing)
        return;
    if (familyId == m_familyView->familyId())
        return;
    Result<FamilyDetail> detail = m_directory->family(familyId);
    if (!detail) {
        m_familyView->showError(detail.error().message);
        return;
    }
    m_familyView->showFamily(*detail);
    // A family opened through a person is recorded as the person's view.
    if (m_tabs->currentIndex() != PeopleTab)
        recordView(QStringLiteral("family"), familyId, familyId, QString());
}

void MainWindow::recordView(const QString& recordType, const QString& recordId, const QString& familyId,
                            const QString& personId)
{
    if (!m_session || recordId.isEmpty())
        return;
    const QString key = recordType + u':' + recordId;
    if (key == m_lastViewRecorded)
        return;
    m_lastViewRecorded = key;
    audit::NewEvent event;
    event.action = audit::Action::View;
    event.recordType = recordType;
    event.recordId = recordId;
    event.familyId = familyId;
    event.personId = personId;
    if (Result<qint64> appended = audit::AuditLog(m_session->store()).append(event); !appended)
        qCWarning(lcMainWindow) << "a view was not recorded in the audit trail:" << appended.error().message;
}

void MainWindow::recordSearch(const QString& list, const QLineEdit* edit, int results)
{
    const QString query = edit->text().trimmed();
    if (!m_session || query.isEmpty())
        return;
    const QString key = list + u':' + query;
    if (key == m_lastSearchRecorded)
        return;
    m_lastSearchRecorded = key;
    audit::NewEvent event;
    event.action = audit::Action::Search;
    event.details = QJsonObject{{QStringLiteral("query"), query},
                                {QStringLiteral("list"), list},
                                {QStringLiteral("results"), results}};
    if (Result<qint64> appended = audit::AuditLog(m_session->store()).append(event); !appended)
        qCWarning(lcMainWindow) << "a search was not recorded in the audit trail:" << appended.error().message;
}

void MainWindow::openCurrent()
{
    if (m_tabs->currentIndex() == FamiliesTab)
        showSelectedFamily();
    else
        showSelectedPerson();
    if (m_familyView->membersTree()->isVisible())
        m_familyView->membersTree()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::focusSearch()
{
    if (!isUnlocked())
        return;
    QLineEdit* edit = m_tabs->currentIndex() == FamiliesTab ? m_familySearchEdit : m_peopleSearchEdit;
    edit->setFocus(Qt::ShortcutFocusReason);
    edit->selectAll();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_idleLock->isWatching())
            m_idleLock->noteActivity();
        break;
    default:
        break;
    }

    // Down, Enter and Return in a search field move to the first result. The
    // filter is installed on the application (for the idle timer), so it receives
    // the search fields' key presses too.
    if (event->type() == QEvent::KeyPress && (watched == m_familySearchEdit || watched == m_peopleSearchEdit)) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) {
            const bool families = watched == m_familySearchEdit;
            QTreeView* view = families ? m_familiesView : m_peopleView;
            QTimer* timer = families ? m_familySearchTimer : m_peopleSearchTimer;
            if (timer->isActive()) {
                timer->stop();
                families ? refreshFamilies() : refreshPeople();
            }
            if (view->model()->rowCount() > 0) {
                if (!view->currentIndex().isValid())
                    view->setCurrentIndex(view->model()->index(0, 0));
                view->setFocus(Qt::TabFocusReason);
            }
            return true;
        }
        if (key == Qt::Key_Escape && !static_cast<QLineEdit*>(watched)->text().isEmpty()) {
            static_cast<QLineEdit*>(watched)->setText(QString());
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::chooseAndImportCtf()
{
    if (!isUnlocked() || m_importing)
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("import/lastFolder"), QDir::homePath()).toString();
    const QString path = m_fileChooser.openFile(this, tr("Import Common Transfer File"), folder,
                                                tr("Common Transfer Files (*.xml);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/lastFolder"), QFileInfo(path).absolutePath());
    importCtfFile(path);
}

void MainWindow::importCtfFile(const QString& filePath)
{
    if (!isUnlocked())
        return;
    runImport(QFileInfo(filePath).fileName(), [this, filePath] { return importCtfWithProgress(this, m_session->store(), filePath); });
}

void MainWindow::importSampleSchool()
{
    if (!isUnlocked())
        return;
    runImport(tr("the sample school"), [this] { return importSampleWithProgress(this, m_session->store()); });
}

void MainWindow::runImport(const QString& sourceName, const std::function<Result<ImportSummary>()>& import)
{
    if (m_importing)
        return;
    if (m_sync->isSyncing()) {
        // The engine is using the store further up this call stack, as when
        // the wizard's sample import is queued behind the first sync.
        connect(
            m_sync, &SyncController::syncEnded, this,
            [this, sourceName, import] {
                QTimer::singleShot(0, this, [this, sourceName, import] {
                    if (isUnlocked())
                        runImport(sourceName, import);
                });
            },
            Qt::SingleShotConnection);
        return;
    }
    m_importing = true;
    updateActions();
    // The import's progress dialog runs the event loop, where a background
    // sync could start on the same store.
    m_sync->pauseBackgroundSync();
    Result<ImportSummary> summary = import();
    m_importing = false;
    m_sync->resumeBackgroundSync();

    if (m_lockAfterImport) {
        m_lockAfterImport = false;
        lock();
        return;
    }

    updateActions();
    m_familyView->clear();
    refreshAll();
    statusBar()->showMessage(summary ? tr("Imported %1.").arg(sourceName)
                                     : tr("Nothing was imported from %1.").arg(sourceName),
                             10000);

    auto* dialog = summary ? new ImportSummaryDialog(sourceName, *summary, this)
                           : new ImportSummaryDialog(sourceName, summary.error(), this);
    m_caseDataDialogs += dialog;
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Early Help Case Manager"),
        tr("<h3>Early Help Case Manager %1</h3>"
           "<p>Early help case records for a school's designated safeguarding leads, kept in an encrypted store "
           "on this computer.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QStringLiteral(EARLYHELP_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_importing || m_sync->isSyncing()) {
        event->ignore();
        return;
    }
    saveSettings();
    closeSession();
    event->accept();
}

void MainWindow::saveSettings() const
{
    // Window layout only: no case data, search text or selection is stored.
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("mainWindow/tab"), m_tabs->currentIndex());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("mainWindow/tab"), FamiliesTab).toInt());
    setIdleLockMinutes(SettingsDialog::storedIdleLockMinutes());
}

} // namespace earlyhelp::ui
