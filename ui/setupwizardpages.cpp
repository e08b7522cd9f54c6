#include "setupwizardpages.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include "cases/casestore.h"
#include "ctfimport.h"
#include "displaytext.h"
#include "formfields.h"
#include "passphrase.h"
#include "setupwizard.h"
#include "syncenrolmentform.h"

namespace earlyhelp::ui {

namespace {

QLabel* makeErrorLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(inlineErrorStyleSheet());
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

void setMessage(QLabel* label, const QString& message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

} // namespace

// ---------------------------------------------------------------------------

StoreLocationPage::StoreLocationPage(const QString& defaultPath, FileChooser fileChooser, QWidget* parent)
    : QWizardPage(parent)
    , m_fileChooser(std::move(fileChooser))
{
    setTitle(tr("Where the case store lives"));
    setSubTitle(tr("The store is one encrypted file on this computer. Keep it on a drive that only you and "
                   "your deputies can reach, and include it in the school's backups."));

    m_pathEdit = new QLineEdit(QDir::toNativeSeparators(defaultPath), this);
    m_pathEdit->setObjectName(QStringLiteral("storePathLineEdit"));
    m_pathEdit->setAccessibleName(tr("Store file"));

    auto* browseButton = new QPushButton(tr("Browse…"), this);
    browseButton->setObjectName(QStringLiteral("browsePushButton"));
    browseButton->setAccessibleName(tr("Choose the store file"));

    auto* pathLabel = new QLabel(tr("&Store file:"), this);
    pathLabel->setBuddy(m_pathEdit);

    m_errorLabel = makeErrorLabel(this, QStringLiteral("storePathErrorLabel"));

    auto* keyFileLabel = new QLabel(tr("Its key file is kept beside it, with \".keys\" added to the name. Back up "
                                       "both files together: the store cannot be opened without its key file."),
                                    this);
    keyFileLabel->setWordWrap(true);
    keyFileLabel->setForegroundRole(QPalette::PlaceholderText);

    auto* row = new QHBoxLayout;
    row->addWidget(m_pathEdit, 1);
    row->addWidget(browseButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(pathLabel);
    layout->addLayout(row);
    layout->addWidget(m_errorLabel);
    layout->addSpacing(8);
    layout->addWidget(keyFileLabel);
    layout->addStretch();

    connect(browseButton, &QPushButton::clicked, this, &StoreLocationPage::browse);
    connect(m_pathEdit, &QLineEdit::textChanged, this, [this] {
        updateMessage();
        emit completeChanged();
    });
    updateMessage();
}

QString StoreLocationPage::storePath() const
{
    const QString typed = m_pathEdit->text().trimmed();
    if (typed.isEmpty())
        return {};
    return QDir::cleanPath(QFileInfo(QDir::fromNativeSeparators(typed)).absoluteFilePath());
}

bool StoreLocationPage::isComplete() const
{
    return problemWithPath().isEmpty();
}

QString StoreLocationPage::problemWithPath() const
{
    const QString path = storePath();
    if (path.isEmpty())
        return tr("Enter the path of the store file, or choose Browse….");
    const QFileInfo info(path);
    if (info.isDir())
        return tr("%1 is a folder. Add a file name, for example cases.ehstore.").arg(QDir::toNativeSeparators(path));
    if (storeExists(path))
        return tr("A case store already exists at %1. Choose another file name, or cancel and open that store.")
            .arg(QDir::toNativeSeparators(path));

    // The folder may not exist yet: set-up creates it. The nearest existing
    // folder above it must be writable.
    QFileInfo folder(info.absolutePath());
    while (!folder.exists() && !folder.isRoot() && folder.absoluteFilePath() != folder.absolutePath())
        folder = QFileInfo(folder.absolutePath());
    if (folder.exists() && (!folder.isDir() || !folder.isWritable()))
        return tr("You cannot create files in %1. Choose a folder that you can write to.")
            .arg(QDir::toNativeSeparators(folder.absoluteFilePath()));
    return {};
}

void StoreLocationPage::browse()
{
    const QString chosen = m_fileChooser.saveFile(this, tr("Choose Where to Keep the Case Store"), storePath(),
                                                  tr("Case stores (*.ehstore)"));
    if (chosen.isEmpty())
        return;
    QString path = chosen;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".ehstore");
    m_pathEdit->setText(QDir::toNativeSeparators(path));
}

void StoreLocationPage::updateMessage()
{
    // An empty field is explained by the disabled Next button and the label;
    // a message appears only for a path that is wrong.
    setMessage(m_errorLabel, m_pathEdit->text().trimmed().isEmpty() ? QString() : problemWithPath());
}

// ---------------------------------------------------------------------------

OrganisationPage::OrganisationPage(QWidget* parent)
    : QWizardPage(parent)
{
    setTitle(tr("Your school"));
    setSubTitle(tr("The school that owns this store. Enter its DfE URN, or its local authority and "
                   "establishment numbers (the LAESTAB, e.g. 330 and 2987), as on Get Information about "
                   "Schools."));

    addField(m_name, QStringLiteral("schoolNameLineEdit"), 0);
    m_name.edit->setAccessibleName(tr("School name"));
    m_name.edit->setMaxLength(200);
    addField(m_urn, QStringLiteral("urnLineEdit"), 6);
    m_urn.edit->setAccessibleName(tr("DfE URN"));
    m_urn.edit->setPlaceholderText(tr("six digits"));
    addField(m_laNumber, QStringLiteral("laNumberLineEdit"), 3);
    m_laNumber.edit->setAccessibleName(tr("Local authority number"));
    m_laNumber.edit->setPlaceholderText(tr("three digits"));
    addField(m_establishmentNumber, QStringLiteral("establishmentNumberLineEdit"), 4);
    m_establishmentNumber.edit->setAccessibleName(tr("Establishment number"));
    m_establishmentNumber.edit->setPlaceholderText(tr("four digits"));
    m_identifierErrorLabel = makeErrorLabel(this, QStringLiteral("identifierErrorLabel"));

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [this, form](const QString& label, const Field& field) {
        auto* labelWidget = new QLabel(label, this);
        labelWidget->setBuddy(field.edit);
        form->addRow(labelWidget, field.edit);
        form->addRow(QString(), field.errorLabel);
    };
    addRow(tr("School &name:"), m_name);
    addRow(tr("DfE &URN:"), m_urn);
    addRow(tr("&Local authority number:"), m_laNumber);
    addRow(tr("&Establishment number:"), m_establishmentNumber);
    form->addRow(QString(), m_identifierErrorLabel);

    setTabOrder(m_name.edit, m_urn.edit);
    setTabOrder(m_urn.edit, m_laNumber.edit);
    setTabOrder(m_laNumber.edit, m_establishmentNumber.edit);
}

void OrganisationPage::addField(Field& field, const QString& objectName, int maxDigits)
{
    field.edit = new QLineEdit(this);
    field.edit->setObjectName(objectName);
    if (maxDigits > 0) {
        // Only digits can be typed; the length is checked with a message, so
        // that a short number is explained rather than silently refused.
        field.edit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[0-9]{0,%1}").arg(maxDigits)), field.edit));
        field.edit->setMaxLength(maxDigits);
    }
    QString errorName = objectName;
    errorName.replace(QStringLiteral("LineEdit"), QStringLiteral("ErrorLabel"));
    field.errorLabel = makeErrorLabel(this, errorName);

    connect(field.edit, &QLineEdit::editingFinished, this, [this, &field] {
        field.touched = true;
        updateMessages();
    });
    connect(field.edit, &QLineEdit::textChanged, this, [this] {
        updateMessages();
        emit completeChanged();
    });
}

OrganisationRecord OrganisationPage::organisation() const
{
    OrganisationRecord organisation;
    organisation.name = m_name.edit->text().simplified();
    organisation.partyType = QStringLiteral("school");
    organisation.dfeUrn = m_urn.edit->text().trimmed();
    organisation.laCode = m_laNumber.edit->text().trimmed();
    organisation.estabNumber = m_establishmentNumber.edit->text().trimmed();
    return organisation;
}

QString OrganisationPage::nameProblem() const
{
    if (m_name.edit->text().trimmed().isEmpty())
        return tr("Enter the school's name.");
    return {};
}

QString OrganisationPage::digitsProblem(const Field& field, int digits) const
{
    const qsizetype typed = field.edit->text().trimmed().size();
    if (typed == 0 || typed == digits)
        return {};
    if (field.edit == m_urn.edit)
        return tr("A DfE URN has six digits, e.g. 103456; this one has %1.").arg(typed);
    if (field.edit == m_laNumber.edit)
        return tr("A local authority number has three digits, e.g. 330 for Birmingham; this one has %1.")
            .arg(typed);
    return tr("An establishment number has four digits, e.g. 2987; this one has %1.").arg(typed);
}

QString OrganisationPage::identifierProblem() const
{
    const OrganisationRecord organisation = this->organisation();
    if (!organisation.dfeUrn.isEmpty())
        return {};
    if (organisation.laCode.isEmpty() || organisation.estabNumber.isEmpty())
        return tr("Enter the DfE URN, or both the local authority and establishment numbers.");
    return {};
}

bool OrganisationPage::isComplete() const
{
    return nameProblem().isEmpty() && digitsProblem(m_urn, 6).isEmpty() && digitsProblem(m_laNumber, 3).isEmpty()
           && digitsProblem(m_establishmentNumber, 4).isEmpty() && identifierProblem().isEmpty();
}

bool OrganisationPage::validatePage()
{
    for (Field* field : {&m_name, &m_urn, &m_laNumber, &m_establishmentNumber})
        field->touched = true;
    updateMessages();
    return isComplete();
}

void OrganisationPage::updateMessages()
{
    setMessage(m_name.errorLabel, m_name.touched ? nameProblem() : QString());
    setMessage(m_urn.errorLabel, m_urn.touched ? digitsProblem(m_urn, 6) : QString());
    setMessage(m_laNumber.errorLabel, m_laNumber.touched ? digitsProblem(m_laNumber, 3) : QString());
    setMessage(m_establishmentNumber.errorLabel,
               m_establishmentNumber.touched ? digitsProblem(m_establishmentNumber, 4) : QString());
    const bool identifiersTouched = m_urn.touched && (m_laNumber.touched || m_establishmentNumber.touched);
    setMessage(m_identifierErrorLabel, identifiersTouched ? identifierProblem() : QString());
}

// ---------------------------------------------------------------------------

FirstUserPage::FirstUserPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("You and your passphrase"));
    setSubTitle(tr("The passphrase unlocks the store. Nobody can recover it: if it is forgotten and no "
                   "other user or keychain can unlock the store, its cases are lost."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Create Store"));

    m_userNameEdit = new QLineEdit(this);
    m_userNameEdit->setObjectName(QStringLiteral("userNameLineEdit"));
    m_userNameEdit->setAccessibleName(tr("Your name"));
    m_userNameEdit->setPlaceholderText(tr("e.g. Sam Patel"));
    m_userNameEdit->setMaxLength(120);

    m_passphraseEdit = new QLineEdit(this);
    m_passphraseEdit->setObjectName(QStringLiteral("passphraseLineEdit"));
    m_passphraseEdit->setAccessibleName(tr("Passphrase"));
    m_passphraseEdit->setEchoMode(QLineEdit::Password);

    m_repeatEdit = new QLineEdit(this);
    m_repeatEdit->setObjectName(QStringLiteral("repeatPassphraseLineEdit"));
    m_repeatEdit->setAccessibleName(tr("Passphrase again"));
    m_repeatEdit->setEchoMode(QLineEdit::Password);

    m_strengthBar = new QProgressBar(this);
    m_strengthBar->setObjectName(QStringLiteral("passphraseStrengthProgressBar"));
    m_strengthBar->setRange(0, 100);
    m_strengthBar->setTextVisible(false);
    m_strengthBar->setMaximumHeight(6);
    m_strengthBar->setAccessibleName(tr("Passphrase strength"));

    m_strengthLabel = new QLabel(this);
    m_strengthLabel->setObjectName(QStringLiteral("passphraseStrengthLabel"));
    m_strengthLabel->setWordWrap(true);
    // Room for a two-line hint from the start, so the fields below do not move
    // while the user types.
    m_strengthLabel->setMinimumHeight(2 * m_strengthLabel->fontMetrics().lineSpacing());

    m_matchLabel = makeErrorLabel(this, QStringLiteral("passphraseMatchLabel"));

    m_keychainCheckBox = new QCheckBox(tr("Also unlock with this computer's &keychain"), this);
    m_keychainCheckBox->setObjectName(QStringLiteral("keychainCheckBox"));
    m_keychainCheckBox->setToolTip(
        tr("Anyone who can sign in to this computer as you could then open the store without the passphrase."));

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("setupProgressBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->hide();

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("setupStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->hide();

    auto* strength = new QVBoxLayout;
    strength->setSpacing(2);
    strength->addWidget(m_strengthBar);
    strength->addWidget(m_strengthLabel);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* nameLabel = new QLabel(tr("Your &name:"), this);
    nameLabel->setBuddy(m_userNameEdit);
    auto* passphraseLabel = new QLabel(tr("&Passphrase:"), this);
    passphraseLabel->setBuddy(m_passphraseEdit);
    auto* repeatLabel = new QLabel(tr("&Repeat passphrase:"), this);
    repeatLabel->setBuddy(m_repeatEdit);
    form->addRow(nameLabel, m_userNameEdit);
    form->addRow(passphraseLabel, m_passphraseEdit);
    form->addRow(QString(), strength);
    form->addRow(repeatLabel, m_repeatEdit);
    form->addRow(QString(), m_matchLabel);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_keychainCheckBox);
    layout->addStretch();
    layout->addWidget(m_busyBar);
    layout->addWidget(m_statusLabel);

    setTabOrder(m_userNameEdit, m_passphraseEdit);
    setTabOrder(m_passphraseEdit, m_repeatEdit);
    setTabOrder(m_repeatEdit, m_keychainCheckBox);

    connect(m_userNameEdit, &QLineEdit::textChanged, this, &FirstUserPage::completeChanged);
    for (QLineEdit* edit : {m_passphraseEdit, m_repeatEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updatePassphraseFeedback();
            emit completeChanged();
        });
    }
    updatePassphraseFeedback();
}

QString FirstUserPage::userName() const
{
    return m_userNameEdit->text().simplified();
}

bool FirstUserPage::useKeychain() const
{
    return m_keychainCheckBox->isChecked();
}

bool FirstUserPage::isComplete() const
{
    const QString passphrase = m_passphraseEdit->text();
    return !userName().isEmpty()
           && PassphraseStrength::rate(passphrase).level != PassphraseStrength::TooShort
           && passphrase == m_repeatEdit->text();
}

void FirstUserPage::updatePassphraseFeedback()
{
    const QString passphrase = m_passphraseEdit->text();
    const PassphraseStrength strength = PassphraseStrength::rate(passphrase);
    m_strengthBar->setValue(passphrase.isEmpty() ? 0 : strength.score);
    m_strengthLabel->setText(strength.hint);
    m_strengthBar->setAccessibleDescription(strength.hint);

    // A repeat that is still being typed and matches so far is not an error.
    const QString repeat = m_repeatEdit->text();
    const bool mismatch = !repeat.isEmpty() && repeat != passphrase.left(repeat.size());
    setMessage(m_matchLabel, mismatch ? tr("The two passphrases are different.") : QString());
}

bool FirstUserPage::validatePage()
{
    if (!isComplete())
        return false;
    // Both fields hold the same text; the repeat is emptied and wiped too.
    SecretBytes repeat = takePassphrase(m_repeatEdit);
    repeat.clear();
    return m_wizard->createStore(takePassphrase(m_passphraseEdit));
}

void FirstUserPage::showProgress(const QString& text)
{
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(text);
    m_statusLabel->setVisible(!text.isEmpty());
    m_busyBar->setVisible(!text.isEmpty());
}

void FirstUserPage::showError(const QString& message)
{
    m_busyBar->hide();
    m_statusLabel->setStyleSheet(inlineErrorStyleSheet());
    m_statusLabel->setText(message);
    m_statusLabel->setVisible(!message.isEmpty());
}

// ---------------------------------------------------------------------------

SyncServerPage::SyncServerPage(SetupWizard* wizard, FileChooser fileChooser)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Connect to the sync server"));
    setSubTitle(tr("Optional. Leave the address and the code empty to skip this step. A designated "
                   "safeguarding lead can connect later in Tools › Settings."));

    m_form = new SyncEnrolmentForm(std::move(fileChooser), this);
    auto* hint = new QLabel(tr("Sync shares this store's cases with the partner organisations of the Data Sharing "
                               "Agreement through your local authority's server. Your administrator gives you the "
                               "server address, a one-time enrolment code and, for a server with its own "
                               "certificate authority, its CA certificate file."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addSpacing(8);
    layout->addWidget(hint);
    layout->addStretch();
}

bool SyncServerPage::validatePage()
{
    if (m_form->isBlank()) {
        m_wizard->skipSyncEnrolment();
        return true;
    }
    return m_wizard->enrolStore(*m_form);
}

// ---------------------------------------------------------------------------

ReadyPage::ReadyPage(QWidget* parent)
    : QWizardPage(parent)
{
    setTitle(tr("The store is ready"));
    setFinalPage(true);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("readySummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);

    m_keychainLabel = makeErrorLabel(this, QStringLiteral("keychainProblemLabel"));

    m_syncLabel = new QLabel(this);
    m_syncLabel->setObjectName(QStringLiteral("readySyncLabel"));
    m_syncLabel->setWordWrap(true);
    m_syncLabel->setTextFormat(Qt::PlainText);
    m_syncLabel->hide();

    m_importSampleCheckBox = new QCheckBox(tr("&Import the sample school"), this);
    m_importSampleCheckBox->setObjectName(QStringLiteral("importSampleCheckBox"));
    auto* sampleLabel = new QLabel(
        tr("The sample is a fictional primary school with its pupils and their families, for trying the app "
           "before you import your own Common Transfer File. Everyone in it is made up."),
        this);
    sampleLabel->setWordWrap(true);
    sampleLabel->setContentsMargins(24, 0, 0, 0);
    sampleLabel->setBuddy(m_importSampleCheckBox);

    const bool sampleAvailable = !sampleCtfResource().isEmpty();
    m_importSampleCheckBox->setVisible(sampleAvailable);
    sampleLabel->setVisible(sampleAvailable);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_keychainLabel);
    layout->addWidget(m_syncLabel);
    layout->addSpacing(12);
    layout->addWidget(m_importSampleCheckBox);
    layout->addWidget(sampleLabel);
    layout->addStretch();
}

void ReadyPage::showResult(const QString& storePath, const QString& schoolName, const QString& keychainProblem)
{
    m_summaryLabel->setText(tr("The case store for %1 is at %2. Keep your passphrase safe: it is the only way "
                               "into the store on another computer.")
                                .arg(isolated(schoolName), QDir::toNativeSeparators(storePath)));
    setMessage(m_keychainLabel,
               keychainProblem.isEmpty()
                   ? QString()
                   : tr("The keychain could not be set up, so the store opens with your passphrase only. %1")
                         .arg(keychainProblem));
}

void ReadyPage::showSyncEnrolment(const QString& serverName, const QString& organisationName)
{
    if (serverName.isEmpty()) {
        setMessage(m_syncLabel, tr("Sync is not set up. A designated safeguarding lead can connect to a sync "
                                   "server later in Tools › Settings."));
        return;
    }
    setMessage(m_syncLabel, tr("This computer is enrolled with the sync server %1 for %2 and syncs in the "
                               "background while the store is unlocked.")
                                .arg(serverName, isolated(organisationName)));
}

bool ReadyPage::importSampleRequested() const
{
    return !m_importSampleCheckBox->isHidden() && m_importSampleCheckBox->isChecked();
}

} // namespace earlyhelp::ui
