#include "usersdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "access/access.h"
#include "access/usermanagement.h"
#include "audit/auditlog.h"
#include "busycursor.h"
#include "casesession.h"
#include "displaytext.h"
#include "formfields.h"
#include "keys/passphrase.h"
#include "passphrase.h"
#include "setupwizardpages.h"
#include "store/store.h"

Q_LOGGING_CATEGORY(lcUsers, "earlyhelp.ui.users", QtInfoMsg)

namespace earlyhelp::ui {

namespace {

enum Page { ConfirmPage, UsersPage };
enum Column { UserColumn, RoleColumn, CreatedColumn, ColumnCount };

// The role's label, or the unknown code as the key file records it.
QString roleText(const QString& code) {
    const std::optional<access::Role> role = access::roleFromCode(code);
    return role ? access::roleLabel(*role) : UsersDialog::tr("Unknown role \"%1\"").arg(code);
}

QLabel* makeErrorLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(inlineErrorStyleSheet());
    label->hide();
    return label;
}

} // namespace

UsersDialog::UsersDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("usersDialog"));
    setWindowTitle(tr("Users"));
    setMinimumSize(560, 360);

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(ConfirmPage, createConfirmPage());
    m_stack->insertWidget(UsersPage, createUsersPage());

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);

    m_stack->setCurrentIndex(ConfirmPage);
    m_confirmPassphraseEdit->setFocus();
}

UsersDialog::~UsersDialog() {
    wipeKey();
}

QWidget* UsersDialog::createConfirmPage() {
    auto* page = new QWidget(this);

    auto* heading = new QLabel(tr("Confirm your passphrase to manage users"), page);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto* explanation =
        new QLabel(tr("Adding, removing and changing users rewrites the store's key file, which "
                      "needs the key that your passphrase unlocks. The key is forgotten when this "
                      "window closes."),
                   page);
    explanation->setWordWrap(true);

    m_confirmPassphraseEdit = new QLineEdit(page);
    m_confirmPassphraseEdit->setObjectName(QStringLiteral("confirmPassphraseLineEdit"));
    m_confirmPassphraseEdit->setEchoMode(QLineEdit::Password);
    m_confirmPassphraseEdit->setAccessibleName(tr("Your passphrase"));
    auto* passphraseLabel = new QLabel(tr("Your &passphrase:"), page);
    passphraseLabel->setBuddy(m_confirmPassphraseEdit);

    m_confirmButton = new QPushButton(tr("C&onfirm"), page);
    m_confirmButton->setObjectName(QStringLiteral("confirmPushButton"));
    m_confirmButton->setDefault(true);
    connect(m_confirmButton, &QPushButton::clicked, this, &UsersDialog::confirmPassphrase);

    m_confirmErrorLabel = makeErrorLabel(page, QStringLiteral("confirmErrorLabel"));

    auto* row = new QHBoxLayout;
    row->addWidget(passphraseLabel);
    row->addWidget(m_confirmPassphraseEdit, 1);
    row->addWidget(m_confirmButton);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addSpacing(8);
    layout->addLayout(row);
    layout->addWidget(m_confirmErrorLabel);
    layout->addStretch();
    return page;
}

QWidget* UsersDialog::createUsersPage() {
    auto* page = new QWidget(this);

    auto* explanation =
        new QLabel(tr("Each user unlocks this store with their own passphrase. Their role decides "
                      "what they may do."),
                   page);
    explanation->setWordWrap(true);

    m_usersTree = new QTreeWidget(page);
    m_usersTree->setObjectName(QStringLiteral("usersTreeWidget"));
    m_usersTree->setAccessibleName(tr("Users"));
    m_usersTree->setColumnCount(ColumnCount);
    m_usersTree->setHeaderLabels({tr("User"), tr("Role"), tr("Created")});
    m_usersTree->setRootIsDecorated(false);
    m_usersTree->setUniformRowHeights(true);
    m_usersTree->setAllColumnsShowFocus(true);
    m_usersTree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_usersTree->header()->setSectionResizeMode(UserColumn, QHeaderView::Stretch);
    m_usersTree->header()->setSectionResizeMode(RoleColumn, QHeaderView::ResizeToContents);
    m_usersTree->header()->setSectionResizeMode(CreatedColumn, QHeaderView::ResizeToContents);
    m_usersTree->header()->setStretchLastSection(false);
    auto* usersLabel = new QLabel(tr("U&sers of this store:"), page);
    usersLabel->setBuddy(m_usersTree);
    connect(m_usersTree, &QTreeWidget::currentItemChanged, this, &UsersDialog::updateButtons);

    m_addButton = new QPushButton(tr("&Add User…"), page);
    m_addButton->setObjectName(QStringLiteral("addUserPushButton"));
    m_removeButton = new QPushButton(tr("&Remove User…"), page);
    m_removeButton->setObjectName(QStringLiteral("removeUserPushButton"));
    m_changeRoleButton = new QPushButton(tr("Change Ro&le…"), page);
    m_changeRoleButton->setObjectName(QStringLiteral("changeRolePushButton"));
    for (QPushButton* button : {m_addButton, m_removeButton, m_changeRoleButton})
        button->setAutoDefault(false);
    connect(m_addButton, &QPushButton::clicked, this, &UsersDialog::openAddUser);
    connect(m_removeButton, &QPushButton::clicked, this, &UsersDialog::askToRemoveSelected);
    connect(m_changeRoleButton, &QPushButton::clicked, this, &UsersDialog::openChangeRole);

    m_usersErrorLabel = makeErrorLabel(page, QStringLiteral("usersErrorLabel"));

    auto* buttonColumn = new QVBoxLayout;
    buttonColumn->addWidget(m_addButton);
    buttonColumn->addWidget(m_removeButton);
    buttonColumn->addWidget(m_changeRoleButton);
    buttonColumn->addStretch();

    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_usersTree, 1);
    listRow->addLayout(buttonColumn);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(explanation);
    layout->addWidget(usersLabel);
    layout->addLayout(listRow, 1);
    layout->addWidget(m_usersErrorLabel);

    setTabOrder(m_usersTree, m_addButton);
    setTabOrder(m_addButton, m_removeButton);
    setTabOrder(m_removeButton, m_changeRoleButton);
    return page;
}

void UsersDialog::confirmPassphrase() {
    if (m_confirmPassphraseEdit->text().isEmpty()) {
        showError(m_confirmErrorLabel, tr("Enter your passphrase."));
        return;
    }
    const access::Actor& actor = m_session->actor();
    Result<keys::KeyFile> keyFile = keys::KeyFile::open(m_session->store().path());
    if (!keyFile) {
        showError(m_confirmErrorLabel, keyFile.error().message);
        return;
    }

    const SecretBytes passphrase = takePassphrase(m_confirmPassphraseEdit);
    Result<access::UnlockedSession> unlocked = [&] {
        const BusyCursor busy;
        return access::unlockAsUser(*keyFile, actor.user, passphrase);
    }();
    if (!unlocked) {
        qCInfo(lcUsers) << "passphrase not confirmed, error code" << static_cast<int>(unlocked.error().code);
        showError(m_confirmErrorLabel, unlocked.error().message);
        m_confirmPassphraseEdit->setFocus();
        return;
    }
    // The passphrase opened the slot of the same user, but a role changed
    // since the store was unlocked means the window's Actor is out of date.
    if (unlocked->actor.roleCode != actor.roleCode) {
        unlocked->storeKey.clear();
        showError(m_confirmErrorLabel,
                  tr("Your role has changed since you unlocked the store. Lock the store and "
                     "unlock it again."));
        return;
    }

    m_keyFile = std::move(*keyFile);
    m_storeKey = std::move(unlocked->storeKey);
    showError(m_confirmErrorLabel, QString());
    m_stack->setCurrentIndex(UsersPage);
    reloadUsers();
    m_usersTree->setFocus();
}

void UsersDialog::reloadUsers() {
    const QString previous = selectedUser();
    m_usersTree->clear();
    Result<QList<access::UserAccount>> users = access::listUsers(m_session->actor(), *m_keyFile);
    if (!users) {
        showError(m_usersErrorLabel, users.error().message);
        updateButtons();
        return;
    }
    for (const access::UserAccount& account : std::as_const(*users)) {
        auto* item = new QTreeWidgetItem(m_usersTree);
        item->setText(UserColumn, account.user);
        item->setText(RoleColumn, roleText(account.roleCode));
        item->setData(RoleColumn, Qt::UserRole, account.roleCode);
        item->setText(CreatedColumn, displayDate(account.created.toLocalTime().date()));
        if (account.user == previous)
            m_usersTree->setCurrentItem(item);
    }
    if (!m_usersTree->currentItem() && m_usersTree->topLevelItemCount() > 0)
        m_usersTree->setCurrentItem(m_usersTree->topLevelItem(0));
    updateButtons();
}

void UsersDialog::updateButtons() {
    const bool selected = m_usersTree->currentItem() != nullptr;
    m_addButton->setEnabled(isConfirmed());
    m_removeButton->setEnabled(isConfirmed() && selected);
    m_changeRoleButton->setEnabled(isConfirmed() && selected);
}

QString UsersDialog::selectedUser() const {
    const QTreeWidgetItem* item = m_usersTree->currentItem();
    return item ? item->text(UserColumn) : QString();
}

std::optional<access::Role> UsersDialog::selectedRole() const {
    const QTreeWidgetItem* item = m_usersTree->currentItem();
    return item ? access::roleFromCode(item->data(RoleColumn, Qt::UserRole).toString()) : std::nullopt;
}

void UsersDialog::openAddUser() {
    if (!isConfirmed())
        return;
    auto submit = [this](const QString& user, access::Role role, const SecretBytes& passphrase) -> Status {
        Status added = [&] {
            const BusyCursor busy;
            return access::addUser(m_session->actor(), *m_keyFile, m_storeKey, user, role, passphrase);
        }();
        if (added) {
            recordRoleChange(user.trimmed(), QString(), access::roleCode(role));
            showError(m_usersErrorLabel, QString());
            reloadUsers();
            if (const QList<QTreeWidgetItem*> found =
                    m_usersTree->findItems(user.trimmed(), Qt::MatchFixedString);
                !found.isEmpty())
                m_usersTree->setCurrentItem(found.first());
        }
        return added;
    };
    auto* editor = new UserEditorDialog(QString(), QString(), access::Role::Caseworker, submit, this);
    editor->setObjectName(QStringLiteral("addUserDialog"));
    editor->setWindowTitle(tr("Add User"));
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->open();
}

void UsersDialog::askToRemoveSelected() {
    const QString user = selectedUser();
    if (!isConfirmed() || user.isEmpty())
        return;
    auto* question =
        new QMessageBox(QMessageBox::Question, tr("Remove User"),
                        tr("Remove %1 from this store? They will no longer be able to unlock it. "
                           "Case records they wrote are kept.")
                            .arg(isolated(user)),
                        QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("removeUserMessageBox"));
    QPushButton* remove = question->addButton(tr("&Remove User"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemovePushButton"));
    question->addButton(QMessageBox::Cancel);
    question->setDefaultButton(QMessageBox::Cancel);
    question->setAttribute(Qt::WA_DeleteOnClose);
    const QString oldRoleCode = m_usersTree->currentItem()->data(RoleColumn, Qt::UserRole).toString();
    connect(question, &QMessageBox::buttonClicked, this,
            [this, remove, user, oldRoleCode](QAbstractButton* clicked) {
        if (clicked != remove)
            return;
        Status removed = access::removeUser(m_session->actor(), *m_keyFile, m_storeKey, user);
        if (!removed) {
            showError(m_usersErrorLabel, removed.error().message);
            return;
        }
        recordRoleChange(user, oldRoleCode, QString());
        showError(m_usersErrorLabel, QString());
        reloadUsers();
    });
    question->open();
}

void UsersDialog::openChangeRole() {
    const QString user = selectedUser();
    if (!isConfirmed() || user.isEmpty())
        return;
    const QString oldRoleCode = m_usersTree->currentItem()->data(RoleColumn, Qt::UserRole).toString();
    auto submit = [this, oldRoleCode](const QString& target, access::Role role,
                                      const SecretBytes& passphrase) -> Status {
        Status changed = [&] {
            const BusyCursor busy;
            return access::changeRole(m_session->actor(), *m_keyFile, m_storeKey, target, role, passphrase);
        }();
        // A failed change may still have removed the old slot, so the list
        // is read again either way.
        reloadUsers();
        if (changed) {
            // changeRole() changes nothing for an unchanged role.
            if (access::roleCode(role) != oldRoleCode)
                recordRoleChange(target, oldRoleCode, access::roleCode(role));
            showError(m_usersErrorLabel, QString());
        }
        return changed;
    };
    const QString currentRole = m_usersTree->currentItem()->text(RoleColumn);
    auto* editor = new UserEditorDialog(user, currentRole, selectedRole().value_or(access::Role::ReadOnly),
                                        submit, this);
    editor->setObjectName(QStringLiteral("changeRoleDialog"));
    editor->setWindowTitle(tr("Change Role"));
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->open();
}

void UsersDialog::recordRoleChange(const QString& user, const QString& oldRoleCode, const QString& newRoleCode) {
    // NOTE: the key file and the store are separate files, so the role change
    // and its event are not one transaction. A change whose event fails to
    // append is logged here and shows nowhere else.
    audit::NewEvent event;
    event.action = audit::Action::RoleChange;
    event.details = QJsonObject{{QStringLiteral("user"), user},
                                {QStringLiteral("oldRole"), oldRoleCode},
                                {QStringLiteral("newRole"), newRoleCode}};
    if (Result<qint64> appended = audit::AuditLog(m_session->store()).append(event); !appended)
        qCWarning(lcUsers) << "the role change was not recorded in the audit trail:" << appended.error().message;
}

void UsersDialog::showError(QLabel* label, const QString& message) {
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void UsersDialog::done(int result) {
    wipeKey();
    QDialog::done(result);
}

void UsersDialog::wipeKey() {
    if (m_storeKey.size() > 0)
        qCInfo(lcUsers) << "store key of the users dialog wiped";
    m_storeKey.clear();
    m_keyFile.reset();
    if (m_usersTree) {
        m_usersTree->clear();
        updateButtons();
    }
}

UserEditorDialog::UserEditorDialog(const QString& fixedUser, const QString& currentRoleText,
                                   access::Role initialRole, Submit submit, QWidget* parent)
    : QDialog(parent)
    , m_submit(std::move(submit))
    , m_fixedUser(fixedUser) {
    setMinimumWidth(460);
    const bool adding = fixedUser.isEmpty();

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    if (adding) {
        m_userEdit = new QLineEdit(this);
        m_userEdit->setObjectName(QStringLiteral("userNameLineEdit"));
        m_userEdit->setAccessibleName(tr("User name"));
        m_userEdit->setPlaceholderText(tr("The name they will choose when unlocking"));
        auto* userLabel = new QLabel(tr("&Name:"), this);
        userLabel->setBuddy(m_userEdit);
        form->addRow(userLabel, m_userEdit);
    } else {
        auto* userValue = new QLabel(fixedUser, this);
        userValue->setObjectName(QStringLiteral("userNameLabel"));
        userValue->setTextFormat(Qt::PlainText);
        form->addRow(tr("User:"), userValue);
        auto* currentRole = new QLabel(currentRoleText, this);
        currentRole->setObjectName(QStringLiteral("currentRoleLabel"));
        form->addRow(tr("Current role:"), currentRole);
    }

    m_roleComboBox = new QComboBox(this);
    m_roleComboBox->setObjectName(QStringLiteral("roleComboBox"));
    m_roleComboBox->setAccessibleName(adding ? tr("Role") : tr("New role"));
    for (const access::Role role : access::allRoles())
        m_roleComboBox->addItem(access::roleLabel(role), access::roleCode(role));
    m_roleComboBox->setCurrentIndex(m_roleComboBox->findData(access::roleCode(initialRole)));
    auto* roleLabel = new QLabel(adding ? tr("&Role:") : tr("New &role:"), this);
    roleLabel->setBuddy(m_roleComboBox);
    form->addRow(roleLabel, m_roleComboBox);

    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("temporaryPassphraseLineEdit"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);
    m_passphraseEdit->setAccessibleName(tr("Temporary passphrase"));
    auto* passphraseLabel = new QLabel(tr("&Temporary passphrase:"), this);
    passphraseLabel->setBuddy(m_passphraseEdit);
    form->addRow(passphraseLabel, m_passphraseEdit);

    m_repeatEdit = new QLineEdit(this);
    m_repeatEdit->setObjectName(QStringLiteral("repeatPassphraseLineEdit"));
    m_repeatEdit->setEchoMode(QLineEdit::Password);
    m_repeatEdit->setAccessibleName(tr("Repeat the temporary passphrase"));
    auto* repeatLabel = new QLabel(tr("R&epeat it:"), this);
    repeatLabel->setBuddy(m_repeatEdit);
    form->addRow(repeatLabel, m_repeatEdit);

    // The role is sealed into the user's key slot, so changing it seals the
    // slot again under a passphrase that the lead types here.
    const QString purpose =
        adding ? tr("Give the new user this passphrase in person.")
               : tr("Changing the role replaces the user's passphrase with this one. Give it to "
                    "them in person.");
    auto* hint = new QLabel(
        tr("%1 It needs at least %n character(s).", nullptr, static_cast<int>(keys::minimumPassphraseLength))
            .arg(purpose),
        this);
    hint->setObjectName(QStringLiteral("passphraseHintLabel"));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_errorLabel = makeErrorLabel(this, QStringLiteral("userEditorErrorLabel"));

    auto* buttons = new QDialogButtonBox(this);
    m_okButton =
        buttons->addButton(adding ? tr("&Add User") : tr("Change &Role"), QDialogButtonBox::AcceptRole);
    m_okButton->setObjectName(QStringLiteral("savePushButton"));
    m_okButton->setDefault(true);
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelPushButton"));
    connect(m_okButton, &QPushButton::clicked, this, &UserEditorDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
    layout->addWidget(buttons);

    if (m_userEdit)
        m_userEdit->setFocus();
    else
        m_roleComboBox->setFocus();
}

void UserEditorDialog::submit() {
    const QString user = m_userEdit ? m_userEdit->text().trimmed() : m_fixedUser;
    if (m_userEdit && user.isEmpty()) {
        showError(tr("Enter the new user's name."));
        m_userEdit->setFocus();
        return;
    }
    if (m_passphraseEdit->text() != m_repeatEdit->text()) {
        showError(tr("The two passphrases differ. Type the same passphrase in both fields."));
        m_repeatEdit->setText(QString());
        m_repeatEdit->setFocus();
        return;
    }

    // Every item's data is the code of one of access::allRoles().
    const access::Role role = access::roleFromCode(m_roleComboBox->currentData().toString()).value();
    m_repeatEdit->setText(QString());
    const SecretBytes passphrase = takePassphrase(m_passphraseEdit);
    Status submitted = m_submit(user, role, passphrase);
    if (!submitted) {
        showError(submitted.error().message);
        m_passphraseEdit->setFocus();
        return;
    }
    accept();
}

void UserEditorDialog::showError(const QString& message) {
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

} // namespace earlyhelp::ui
