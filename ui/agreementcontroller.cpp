#include "agreementcontroller.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "access/role.h"
#include "agreementdialog.h"
#include "agreementsignupdialog.h"
#include "casesession.h"
#include "displaytext.h"
#include "sharing/agreementregister.h"

namespace earlyhelp::ui {

AgreementSource AgreementSource::builtIn() {
    return AgreementSource{policy::builtInTrustPublicKey(), policy::bundledSignedAgreement()};
}

AgreementSource AgreementSource::fromFile(const QString& path) {
    return AgreementSource{policy::builtInTrustPublicKey(), policy::readSignedAgreementFile(path)};
}

Result<policy::Agreement> AgreementSource::verified() const {
    if (!offered)
        return std::unexpected(offered.error());
    Result<policy::Agreement> agreement =
        policy::verifyAgreement(offered->document, offered->signatureText, trustPublicKey);
    if (agreement)
        return agreement;
    return makeError(agreement.error().code,
                     AgreementController::tr("The Data Sharing Agreement in %1 was refused and will not be "
                                             "used. %2")
                         .arg(offered->source, agreement.error().message));
}

AgreementController::AgreementController(AgreementSource source, QWidget* window)
    : QObject(window)
    , m_source(std::move(source))
    , m_window(window) {
    if (Result<policy::Agreement> verified = m_source.verified())
        m_offeredAgreement = std::move(*verified);
    else
        m_offeredRefusal = verified.error().message;

    m_banner = new QFrame(window);
    m_banner->setObjectName(QStringLiteral("agreementBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(
        QStringLiteral("#agreementBanner { background: #fff4ce; border: 1px solid #c8a600; }"
                       "#agreementBanner QLabel { color: #3b2f00; }"));
    m_bannerLabel = new QLabel(m_banner);
    m_bannerLabel->setObjectName(QStringLiteral("agreementBannerLabel"));
    m_bannerLabel->setWordWrap(true);
    m_bannerLabel->setTextFormat(Qt::PlainText);
    m_bannerButton = new QPushButton(m_banner);
    m_bannerButton->setObjectName(QStringLiteral("agreementBannerButton"));
    connect(m_bannerButton, &QPushButton::clicked, this, &AgreementController::openSignUp);
    auto* layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_bannerLabel, 1);
    layout->addWidget(m_bannerButton);
    m_banner->hide();
}

AgreementController::~AgreementController() {
    delete m_banner.data();
}

QString AgreementController::offeredRefusal() const {
    return m_offeredRefusal;
}

QWidget* AgreementController::banner() const {
    return m_banner;
}

void AgreementController::setSession(CaseSession* session) {
    m_session = session;
    m_pending.reset();
    m_registerError.clear();
    if (!session) {
        updateBanner();
        return;
    }
    if (m_offeredAgreement) {
        sharing::AgreementRegister agreementRegister(session->store(), m_source.trustPublicKey);
        const Result<sharing::InstalledAgreement> installed = agreementRegister.install(
            session->actor(), m_source.offered->document, m_source.offered->signatureText);
        if (!installed)
            m_registerError = installed.error().message;
    }
    refresh();
}

void AgreementController::refresh() {
    if (!m_session)
        return;
    sharing::AgreementRegister agreementRegister(m_session->store(), m_source.trustPublicKey);
    Result<std::optional<policy::Agreement>> pending = agreementRegister.pending();
    if (pending)
        m_pending = std::move(*pending);
    else
        m_registerError = pending.error().message;
    m_session->setAgreementState(agreementRegister.state());
    updateBanner();
}

void AgreementController::updateBanner() {
    if (!m_session) {
        m_banner->hide();
        return;
    }
    const sharing::AgreementState& state = m_session->agreementState();
    QStringList lines;
    if (!m_offeredRefusal.isEmpty())
        lines += m_offeredRefusal;
    if (!m_registerError.isEmpty())
        lines += m_registerError;
    if (state.inForce && m_pending)
        lines +=
            tr("Version %1 of the Data Sharing Agreement is waiting for the designated safeguarding lead "
               "to review what it changes and confirm it. Version %2 stays in force until then.")
                .arg(QString::number(m_pending->version), QString::number(state.inForce->version));
    else if (!state.inForce && (m_pending || lines.isEmpty()))
        lines += state.unavailableReason;
    else if (!state.inForce)
        lines += tr("Nothing can be shared until a correctly signed agreement is installed.");

    const QString buttonText = signUpButtonText();
    m_bannerButton->setVisible(!buttonText.isEmpty());
    m_bannerButton->setText(buttonText);
    m_bannerLabel->setText(lines.join(u'\n'));
    m_banner->setVisible(!lines.isEmpty());
}

QString AgreementController::signUpButtonText() const {
    if (!m_session || !m_pending || !m_session->may(access::Action::SignAgreement))
        return {};
    if (m_session->agreementState().inForce)
        return tr("&Review Changes\u2026");
    // Alt+S belongs to the family view's Case tab, which shows beside the
    // banner, so Sign Up takes Alt+I.
    return tr("S&ign Up\u2026");
}

void AgreementController::openSignUp() {
    if (signUpButtonText().isEmpty())
        return;
    if (auto* open = m_window->findChild<AgreementSignUpDialog*>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new AgreementSignUpDialog(m_session, m_source.trustPublicKey, *m_pending,
                                             m_session->agreementState().inForce, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AgreementSignUpDialog::signedUp, this, &AgreementController::refresh);
    const policy::Agreement pending = *m_pending;
    connect(dialog, &AgreementSignUpDialog::readAgreementRequested, dialog, [dialog, pending] {
        auto* viewer = new AgreementDialog(pending, dialog);
        viewer->setAttribute(Qt::WA_DeleteOnClose);
        viewer->open();
    });
    emit caseDataDialogOpened(dialog);
    dialog->open();
}

QWidget* AgreementController::openViewer() {
    AgreementDialog* dialog = nullptr;
    if (m_session && m_session->agreementState().inForce) {
        dialog = new AgreementDialog(*m_session->agreementState().inForce, m_window);
    } else if (m_pending) {
        dialog = new AgreementDialog(*m_pending, m_window);
    } else if (m_offeredAgreement) {
        dialog = new AgreementDialog(*m_offeredAgreement, m_window);
    } else {
        dialog = new AgreementDialog(
            Result<policy::Agreement>(makeError(ErrorCode::Crypto, m_offeredRefusal)), m_window);
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);

    if (m_session) {
        const sharing::AgreementState& state = m_session->agreementState();
        QString status;
        if (state.inForce && state.acceptance)
            status = tr("In force for your organisation: signed up on %1 by %2, %3.")
                         .arg(displayDate(state.acceptance->signedDate), state.acceptance->signatoryName,
                              state.acceptance->signatoryRole);
        else
            status = state.unavailableReason;
        if (m_pending && state.inForce)
            status += u' ' + tr("Version %1 is waiting to be confirmed.").arg(m_pending->version);
        dialog->setSignUpStatus(status, signUpButtonText());
        connect(dialog, &AgreementDialog::signUpRequested, this, &AgreementController::openSignUp);
    }
    emit caseDataDialogOpened(dialog);
    dialog->show();
    return dialog;
}

} // namespace earlyhelp::ui
