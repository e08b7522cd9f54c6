#include "syncenrolmentform.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

#include "busycursor.h"
#include "formfields.h"

Q_LOGGING_CATEGORY(lcSyncEnrolment, "earlyhelp.ui.sync", QtInfoMsg)

namespace earlyhelp::ui {

SyncEnrolmentForm::SyncEnrolmentForm(FileChooser fileChooser, QWidget* parent)
    : QWidget(parent)
    , m_fileChooser(std::move(fileChooser))
{
    setObjectName(QStringLiteral("syncEnrolmentForm"));

    m_serverEdit = new QLineEdit(this);
    m_serverEdit->setObjectName(QStringLiteral("syncServerLineEdit"));
    m_serverEdit->setPlaceholderText(tr("https://sync.example.org:8443"));
    m_serverEdit->setAccessibleName(tr("Sync server address"));
    auto* serverLabel = new QLabel(tr("Server &address:"), this);
    serverLabel->setBuddy(m_serverEdit);

    m_codeEdit = new QLineEdit(this);
    m_codeEdit->setObjectName(QStringLiteral("enrolmentCodeLineEdit"));
    m_codeEdit->setAccessibleName(tr("Enrolment code"));
    auto* codeLabel = new QLabel(tr("Enrolment &code:"), this);
    codeLabel->setBuddy(m_codeEdit);

    m_deviceNameEdit = new QLineEdit(QSysInfo::machineHostName(), this);
    m_deviceNameEdit->setObjectName(QStringLiteral("deviceNameLineEdit"));
    m_deviceNameEdit->setAccessibleName(tr("Device name"));
    auto* deviceLabel = new QLabel(tr("&Device name:"), this);
    deviceLabel->setBuddy(m_deviceNameEdit);

    m_caCertificateEdit = new QLineEdit(this);
    m_caCertificateEdit->setObjectName(QStringLiteral("caCertificateLineEdit"));
    m_caCertificateEdit->setPlaceholderText(tr("Optional: only for a server with its own CA"));
    m_caCertificateEdit->setAccessibleName(tr("CA certificate file"));
    auto* caLabel = new QLabel(tr("CA c&ertificate file:"), this);
    caLabel->setBuddy(m_caCertificateEdit);
    auto* browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setObjectName(QStringLiteral("caCertificateBrowsePushButton"));
    browseButton->setAccessibleName(tr("Choose the CA certificate file"));
    connect(browseButton, &QPushButton::clicked, this, &SyncEnrolmentForm::browseCaCertificate);
    auto* caRow = new QHBoxLayout;
    caRow->addWidget(m_caCertificateEdit, 1);
    caRow->addWidget(browseButton);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("syncEnrolmentErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(inlineErrorStyleSheet());
    m_errorLabel->hide();

    auto* form = new QFormLayout;
    form->addRow(serverLabel, m_serverEdit);
    form->addRow(codeLabel, m_codeEdit);
    form->addRow(deviceLabel, m_deviceNameEdit);
    form->addRow(caLabel, caRow);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);

    // A stale error would describe a value that is no longer there.
    for (QLineEdit* edit : {m_serverEdit, m_codeEdit, m_deviceNameEdit, m_caCertificateEdit})
        connect(edit, &QLineEdit::textEdited, this, [this] { showError(QString()); });
}

bool SyncEnrolmentForm::isBlank() const
{
    return m_serverEdit->text().trimmed().isEmpty() && m_codeEdit->text().trimmed().isEmpty();
}

sync::EnrolmentRequest SyncEnrolmentForm::request() const
{
    sync::EnrolmentRequest request;
    request.serverUrl = m_serverEdit->text().trimmed();
    request.code = m_codeEdit->text().trimmed();
    request.deviceName = m_deviceNameEdit->text().trimmed();
    const QString caPath = m_caCertificateEdit->text().trimmed();
    if (!caPath.isEmpty())
        request.caCertificatePath = QDir::fromNativeSeparators(caPath);
    return request;
}

void SyncEnrolmentForm::setServerAddress(const QString& address)
{
    m_serverEdit->setText(address);
}

void SyncEnrolmentForm::setDeviceName(const QString& name)
{
    m_deviceNameEdit->setText(name);
}

void SyncEnrolmentForm::setCaCertificatePath(const QString& path)
{
    m_caCertificateEdit->setText(QDir::toNativeSeparators(path));
}

Result<sync::SyncEnrolment> SyncEnrolmentForm::enrol(Store& store, const QUuid& storeId, const access::Actor& actor,
                                                     keys::Keychain& keychain)
{
    showError(QString());
    Result<sync::SyncEnrolment> enrolled = [&] {
        const BusyCursor busy;
        return sync::enrolStore(store, storeId, actor, keychain, request());
    }();
    if (!enrolled) {
        qCInfo(lcSyncEnrolment) << "enrolment refused, error code" << static_cast<int>(enrolled.error().code);
        showError(enrolled.error().message);
        return enrolled;
    }
    // The code is used up, so leaving it in the field would invite a second try.
    m_codeEdit->clear();
    return enrolled;
}

void SyncEnrolmentForm::showError(const QString& message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

QString SyncEnrolmentForm::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void SyncEnrolmentForm::browseCaCertificate()
{
    const QString current = request().caCertificatePath;
    const QString folder = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString path = m_fileChooser.openFile(this, tr("Choose the CA Certificate File"), folder,
                                                tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty())
        setCaCertificatePath(path);
}

} // namespace earlyhelp::ui
