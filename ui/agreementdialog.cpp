#include "agreementdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "consenteditors.h"
#include "policy/signature.h"

namespace earlyhelp::ui {

namespace {

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

QString partyTypeLabel(const policy::Agreement& agreement, const QString& code) {
    for (const policy::PartyType& partyType : agreement.partyTypes) {
        if (partyType.code == code)
            return partyType.label;
    }
    return code;
}

QString categoryLabel(const policy::Agreement& agreement, DataCategory category) {
    for (const policy::Category& entry : agreement.categories) {
        if (entry.category == category)
            return entry.label;
    }
    return ConsentVocabulary::dataCategoryLabel(category);
}

// One "Name: value" line of a rule, both parts escaped.
QString fieldHtml(const QString& name, const QString& value) {
    return QStringLiteral("<p style=\"margin: 0 0 0 12px;\"><b>%1</b> %2</p>")
        .arg(escaped(name), escaped(value));
}

} // namespace

AgreementDialog::AgreementDialog(QWidget* parent)
    : AgreementDialog(policy::loadBundledAgreement(), parent) {}

AgreementDialog::AgreementDialog(const Result<policy::Agreement>& loaded, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("agreementDialog"));
    setWindowTitle(tr("Policy and Agreement"));
    resize(760, 620);

    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("agreementTextBrowser"));
    m_browser->setAccessibleName(tr("Data Sharing Agreement"));
    m_browser->setReadOnly(true);
    m_browser->setOpenLinks(false);
    if (loaded)
        m_browser->setHtml(agreementHtml(*loaded));
    else
        m_browser->setHtml(QStringLiteral("<p>%1</p>").arg(escaped(loaded.error().message)));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("agreementButtonBox"));
    buttons->button(QDialogButtonBox::Close)->setText(tr("&Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("agreementStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->hide();
    m_signUpButton = new QPushButton(this);
    m_signUpButton->setObjectName(QStringLiteral("agreementSignUpButton"));
    m_signUpButton->setAutoDefault(false);
    m_signUpButton->hide();
    connect(m_signUpButton, &QPushButton::clicked, this, [this] {
        emit signUpRequested();
        accept();
    });

    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_signUpButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(statusRow);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    m_browser->setFocus();
}

void AgreementDialog::setSignUpStatus(const QString& status, const QString& buttonText) {
    m_statusLabel->setText(status);
    m_statusLabel->setVisible(!status.isEmpty());
    m_signUpButton->setText(buttonText);
    m_signUpButton->setVisible(!buttonText.isEmpty());
}

QString AgreementDialog::agreementHtml(const policy::Agreement& agreement) {
    QString html = QStringLiteral("<h1>%1</h1>").arg(escaped(agreement.title));
    html += QStringLiteral("<p>%1<br><b>%2</b></p>")
                .arg(escaped(tr("Version %1").arg(agreement.version)),
                     escaped(tr("Signed by the Trust and verified")));
    html += QStringLiteral("<p><i>%1</i></p>").arg(escaped(agreement.notice));

    html += QStringLiteral("<h2>%1</h2><ul>").arg(escaped(tr("Purposes")));
    for (const policy::Purpose& purpose : agreement.purposes)
        html += QStringLiteral("<li>%1</li>").arg(escaped(purpose.label));
    html += QStringLiteral("</ul>");

    html += QStringLiteral("<h2>%1</h2><ul>").arg(escaped(tr("Data categories")));
    for (const policy::Category& category : agreement.categories)
        html += QStringLiteral("<li>%1</li>").arg(escaped(category.label));
    html += QStringLiteral("</ul>");

    for (const policy::Purpose& purpose : agreement.purposes) {
        html += QStringLiteral("<h2>%1</h2>").arg(escaped(tr("Rules for %1").arg(purpose.label)));
        for (const policy::Rule& rule : agreement.rules) {
            if (rule.purpose == purpose.code)
                html += ruleHtml(agreement, rule);
        }
    }
    return html;
}

QString AgreementDialog::ruleHtml(const policy::Agreement& agreement, const policy::Rule& rule) {
    QString html = QStringLiteral("<h3>%1</h3>").arg(escaped(tr("Clause %1").arg(rule.clauseId)));
    html += fieldHtml(tr("Recipient:"), partyTypeLabel(agreement, rule.recipientPartyType));
    html += fieldHtml(tr("Data category:"), categoryLabel(agreement, rule.category));
    html += fieldHtml(tr("Consent:"), basisText(rule.basis));
    // A Never rule has no lawful basis or retention, and personal data needs
    // no condition, so those lines are left out rather than shown empty.
    if (!rule.lawfulBasis.isEmpty())
        html += fieldHtml(tr("Lawful basis:"), ConsentVocabulary::lawfulBasisLabel(rule.lawfulBasis));
    if (!rule.condition.isEmpty())
        html += fieldHtml(tr("Condition:"), ConsentVocabulary::conditionLabel(rule.condition));
    if (!rule.retention.isEmpty())
        html += fieldHtml(tr("Retention:"), rule.retention);
    html += QStringLiteral("<p style=\"margin: 6px 0 0 12px;\">%1</p>").arg(escaped(rule.text));
    return html;
}

QString AgreementDialog::basisText(policy::ConsentBasis basis) {
    switch (basis) {
    case policy::ConsentBasis::Consent:
        return tr("Consent required: the family's current consent must cover it");
    case policy::ConsentBasis::ConsentOrOverride:
        return tr(
            "Consent required, or a recorded safeguarding decision to share without consent may stand in");
    case policy::ConsentBasis::OverrideOnly:
        return tr("Only on a recorded safeguarding decision to share without consent");
    case policy::ConsentBasis::Never:
        return tr("Never shared");
    }
    return {};
}

} // namespace earlyhelp::ui
