#include "erasepersondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "casesession.h"

namespace earlyhelp::ui {

ErasePersonDialog::ErasePersonDialog(CaseSession* session, const QString& personId, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_personId(personId) {
    setObjectName(QStringLiteral("erasePersonDialog"));
    setWindowTitle(tr("Erase Person"));

    Result<retention::ErasurePlan> plan = retention::Erasure(m_session->store()).plan(personId);

    auto* summaryLabel = new QLabel(this);
    summaryLabel->setObjectName(QStringLiteral("eraseSummaryLabel"));
    summaryLabel->setWordWrap(true);
    summaryLabel->setTextFormat(Qt::PlainText);

    m_reasonEdit = new QLineEdit(this);
    m_reasonEdit->setObjectName(QStringLiteral("eraseReasonLineEdit"));
    m_reasonEdit->setPlaceholderText(tr("For example: erasure request ER-2026-14"));
    m_confirmEdit = new QLineEdit(this);
    m_confirmEdit->setObjectName(QStringLiteral("eraseConfirmLineEdit"));

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("eraseStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_eraseButton = buttons->addButton(tr("&Erase"), QDialogButtonBox::DestructiveRole);
    m_eraseButton->setObjectName(QStringLiteral("eraseButton"));
    m_eraseButton->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_eraseButton, &QPushButton::clicked, this, &ErasePersonDialog::erase);
    connect(m_reasonEdit, &QLineEdit::textChanged, this, &ErasePersonDialog::updateButtons);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &ErasePersonDialog::updateButtons);

    auto* form = new QFormLayout;
    form->addRow(tr("&Reason (no personal data):"), m_reasonEdit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summaryLabel);
    layout->addLayout(form);

    if (!plan) {
        summaryLabel->setText(plan.error().message);
        m_reasonEdit->setEnabled(false);
        m_confirmEdit->setEnabled(false);
    } else {
        m_plan = std::move(*plan);
        QStringList lines;
        const QMap<QString, int> counts = m_plan->countsByTable();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            lines.append(QStringLiteral("• ") + tableLabel(it.key(), it.value()));
        QString summary =
            tr("Erasing %1 removes these records from this store for good, with their history in the audit "
               "trail and the search index:")
                .arg(m_plan->confirmationName) +
            u'\n' + lines.join(u'\n');
        if (!m_plan->familiesKept.isEmpty())
            summary += QStringLiteral("\n\n") + tr("Notes, assessments and plans about the whole family stay, because other "
                                       "members remain. Check them for this person's details.");
        summary += QStringLiteral("\n\n") + tr("Erasure cannot be undone: there is no restore and no backup in the app. "
                                   "Organisations this store shared the records with are told to erase them at "
                                   "the next sync.");
        summaryLabel->setText(summary);
        auto* confirmLabel = new QLabel(tr("Type the name %1 to confirm:").arg(m_plan->confirmationName), this);
        confirmLabel->setObjectName(QStringLiteral("eraseConfirmLabel"));
        confirmLabel->setTextFormat(Qt::PlainText);
        confirmLabel->setBuddy(m_confirmEdit);
        form->addRow(confirmLabel, m_confirmEdit);
    }

    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);
    updateButtons();
}

QString ErasePersonDialog::tableLabel(const QString& table, int count) {
    if (table == u"person")
        return tr("%n person record(s)", nullptr, count);
    if (table == u"address")
        return tr("%n address(es)", nullptr, count);
    if (table == u"contact")
        return tr("%n telephone number(s) or email address(es)", nullptr, count);
    if (table == u"relationship")
        return tr("%n relationship(s)", nullptr, count);
    if (table == u"family_member")
        return tr("%n family membership(s)", nullptr, count);
    if (table == u"family")
        return tr("%n family record(s) left without members", nullptr, count);
    if (table == u"case_note")
        return tr("%n case note(s)", nullptr, count);
    if (table == u"consent")
        return tr("%n consent record(s)", nullptr, count);
    if (table == u"sharing_decision")
        return tr("%n decision(s) to share without consent", nullptr, count);
    if (table == u"override_use")
        return tr("%n record(s) of sharing without consent", nullptr, count);
    return tr("%n other record(s) (%1)", nullptr, count).arg(table);
}

void ErasePersonDialog::updateButtons() {
    const bool confirmed = m_plan && !m_reasonEdit->text().trimmed().isEmpty() &&
                           m_confirmEdit->text().trimmed() == m_plan->confirmationName;
    m_eraseButton->setEnabled(confirmed && m_session->actor().role() == access::Role::Lead);
}

void ErasePersonDialog::erase() {
    if (!m_eraseButton->isEnabled())
        return;
    Result<retention::ErasureOutcome> outcome =
        retention::Erasure(m_session->store()).erasePerson(m_session->actor(), m_personId, m_reasonEdit->text());
    if (!outcome) {
        m_statusLabel->setText(outcome.error().message);
        return;
    }
    m_outcome = std::move(*outcome);
    m_session->notifyPeopleChanged();
    for (const QString& familyId : std::as_const(m_outcome->plan.familiesKept))
        m_session->notifyFamilyChanged(familyId);
    for (const QString& familyId : std::as_const(m_outcome->plan.familiesErased))
        m_session->notifyFamilyChanged(familyId);
    accept();
}

} // namespace earlyhelp::ui
