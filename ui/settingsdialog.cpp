#include "settingsdialog.h"

#include <chrono>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "access/idlelock.h"
#include "access/role.h"
#include "casesession.h"

Q_LOGGING_CATEGORY(lcSettings, "earlyhelp.ui.settings", QtInfoMsg)

namespace earlyhelp::ui {

QString SettingsDialog::idleLockMinutesKey() {
    return QStringLiteral("security/idleLockMinutes");
}

int SettingsDialog::storedIdleLockMinutes() {
    const int stored =
        QSettings()
            .value(idleLockMinutesKey(), static_cast<int>(access::IdleLock::defaultIdleTime.count()))
            .toInt();
    return static_cast<int>(access::IdleLock::boundedIdleTime(std::chrono::minutes(stored)).count());
}

SettingsDialog::SettingsDialog(CaseSession* session, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(460);

    m_idleLockSpinBox = new QSpinBox(this);
    m_idleLockSpinBox->setObjectName(QStringLiteral("idleLockSpinBox"));
    m_idleLockSpinBox->setRange(static_cast<int>(access::IdleLock::minimumIdleTime.count()),
                                static_cast<int>(access::IdleLock::maximumIdleTime.count()));
    m_idleLockSpinBox->setSuffix(tr(" min"));
    m_idleLockSpinBox->setAccessibleName(tr("Lock after this many minutes without input"));
    m_idleLockSpinBox->setValue(storedIdleLockMinutes());
    auto* idleLockLabel = new QLabel(tr("&Lock after:"), this);
    idleLockLabel->setBuddy(m_idleLockSpinBox);

    m_idleLockHint = new QLabel(this);
    m_idleLockHint->setObjectName(QStringLiteral("idleLockHintLabel"));
    m_idleLockHint->setWordWrap(true);
    m_idleLockHint->setForegroundRole(QPalette::PlaceholderText);
    connect(m_idleLockSpinBox, &QSpinBox::valueChanged, this, &SettingsDialog::updateIdleLockHint);
    updateIdleLockHint(m_idleLockSpinBox->value());

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(idleLockLabel, m_idleLockSpinBox);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton* saveButton = buttons->button(QDialogButtonBox::Save);
    saveButton->setObjectName(QStringLiteral("savePushButton"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelPushButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_idleLockHint);

    // Core's role table decides, and the line explains why the fields are disabled.
    const bool allowed = m_session && m_session->may(access::Action::ChangeSettings);
    if (!allowed) {
        auto* readOnly =
            new QLabel(tr("Only a designated safeguarding lead can change these settings."), this);
        readOnly->setObjectName(QStringLiteral("readOnlyReasonLabel"));
        readOnly->setWordWrap(true);
        layout->addWidget(readOnly);
        m_idleLockSpinBox->setEnabled(false);
        saveButton->setEnabled(false);
    }
    m_sectionsLayout = new QVBoxLayout;
    layout->addLayout(m_sectionsLayout);
    layout->addStretch();
    layout->addWidget(buttons);
    m_idleLockSpinBox->setFocus();
}

void SettingsDialog::addSection(QWidget* section) {
    m_sectionsLayout->addWidget(section);
}

void SettingsDialog::updateIdleLockHint(int minutes) {
    m_idleLockHint->setText(
        tr("The window locks after %n minute(s) without keyboard or mouse input, and at once "
           "when this computer's session locks.",
           nullptr, minutes));
}

void SettingsDialog::save() {
    const int minutes = m_idleLockSpinBox->value();
    QSettings().setValue(idleLockMinutesKey(), minutes);
    qCInfo(lcSettings) << "idle lock time set to" << minutes << "minutes";
    emit idleLockMinutesChanged(minutes);
    accept();
}

} // namespace earlyhelp::ui
