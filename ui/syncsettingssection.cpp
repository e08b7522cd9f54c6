#include "syncsettingssection.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "casesession.h"
#include "displaytext.h"
#include "store/store.h"
#include "sync/syncenrolment.h"
#include "syncenrolmentform.h"

namespace earlyhelp::ui {

SyncSettingsSection::SyncSettingsSection(CaseSession* session, keys::Keychain& keychain, FileChooser fileChooser,
                                         QWidget* parent)
    : QGroupBox(tr("Sync"), parent)
    , m_session(session)
    , m_keychain(keychain)
{
    setObjectName(QStringLiteral("syncSettingsGroupBox"));

    m_enrolmentLabel = new QLabel(this);
    m_enrolmentLabel->setObjectName(QStringLiteral("syncEnrolmentLabel"));
    m_enrolmentLabel->setWordWrap(true);
    m_enrolmentLabel->setTextFormat(Qt::PlainText);

    m_form = new SyncEnrolmentForm(std::move(fileChooser), this);

    m_enrolButton = new QPushButton(tr("&Enrol"), this);
    m_enrolButton->setObjectName(QStringLiteral("enrolPushButton"));
    m_enrolButton->setToolTip(tr("Exchange the enrolment code for this device's credential with the server"));
    connect(m_enrolButton, &QPushButton::clicked, this, &SyncSettingsSection::enrol);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(m_enrolButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_enrolmentLabel);
    layout->addWidget(m_form);
    layout->addLayout(buttonRow);

    const bool allowed = m_session && m_session->may(access::Action::ChangeSettings);
    m_form->setEnabled(allowed);
    m_enrolButton->setEnabled(allowed);
    showEnrolment();
}

void SyncSettingsSection::showEnrolment()
{
    if (!m_session) {
        m_enrolmentLabel->clear();
        return;
    }
    const Result<std::optional<sync::SyncEnrolment>> enrolment = sync::readEnrolment(m_session->store());
    if (!enrolment) {
        m_enrolmentLabel->setText(enrolment.error().message);
        return;
    }
    if (!*enrolment) {
        m_enrolmentLabel->setText(tr("This store is not enrolled with a sync server. Enter the server address "
                                     "and the enrolment code your administrator gave you."));
        return;
    }
    const sync::SyncEnrolment& current = **enrolment;
    const QDateTime enrolledAt = current.enrolledAt.toLocalTime();
    m_enrolmentLabel->setText(
        tr("Enrolled with %1 as the device \"%2\" of %3 since %4. Enrol again to change the server, the CA "
           "certificate file or the device.")
            .arg(current.serverUrl.toString(), isolated(current.deviceName), isolated(current.organisation.name),
                 displayDate(enrolledAt.date())));
    m_form->setServerAddress(current.serverUrl.toString());
    m_form->setDeviceName(current.deviceName);
}

void SyncSettingsSection::enrol()
{
    if (!m_session)
        return;
    const Result<QUuid> storeId = sync::storeIdFor(m_session->store().path());
    if (!storeId) {
        m_form->showError(storeId.error().message);
        return;
    }
    const Result<sync::SyncEnrolment> enrolled =
        m_form->enrol(m_session->store(), *storeId, m_session->actor(), m_keychain);
    if (!enrolled)
        return;
    showEnrolment();
    emit this->enrolled();
}

} // namespace earlyhelp::ui
