#include "consentpage.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "casesession.h"
#include "casework/consentrepository.h"
#include "consenteditors.h"
#include "displaytext.h"

namespace earlyhelp::ui {

namespace {

QString joined(const QStringList& parts) {
    return parts.join(QStringLiteral(", "));
}

QString selectedId(const QTreeWidget* tree) {
    const QList<QTreeWidgetItem*> selected = tree->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(0, Qt::UserRole).toString();
}

void selectById(QTreeWidget* tree, const QString& id) {
    for (int row = 0; row < tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = tree->topLevelItem(row);
        if (item->data(0, Qt::UserRole).toString() == id) {
            tree->setCurrentItem(item);
            return;
        }
    }
}

} // namespace

ConsentPage::ConsentPage(QWidget* parent)
    : FamilyPage(parent) {
    m_consentTree = makeTree(QStringLiteral("consentTreeWidget"), tr("Consent given"),
                             {tr("For"), tr("State"), tr("Given"), tr("Review"), tr("Given by"),
                              tr("Purposes"), tr("Shared with"), tr("Data"), tr("Method")});
    m_decisionTree =
        makeTree(QStringLiteral("sharingDecisionTreeWidget"), tr("Decisions to share without consent"),
                 {tr("Date"), tr("About"), tr("Covers"), tr("Lawful basis"), tr("Condition"),
                  tr("Justification"), tr("Decided by")});
    m_decisionTree->header()->setSectionResizeMode(JustificationColumn, QHeaderView::Stretch);

    auto* consentLabel = new QLabel(tr("Consent &given"), this);
    consentLabel->setObjectName(QStringLiteral("consentHeadingLabel"));
    consentLabel->setBuddy(m_consentTree);
    auto* decisionLabel = new QLabel(tr("Dec&isions to share without consent"), this);
    decisionLabel->setObjectName(QStringLiteral("sharingDecisionHeadingLabel"));
    decisionLabel->setBuddy(m_decisionTree);
    for (QLabel* heading : {consentLabel, decisionLabel}) {
        QFont font = heading->font();
        font.setBold(true);
        heading->setFont(font);
    }

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("consentProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->hide();

    const auto makeButton = [this](const QString& text, const QString& objectName, const QString& toolTip) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(objectName);
        button->setToolTip(toolTip);
        return button;
    };
    m_recordConsentButton = makeButton(tr("&Record Consent…"), QStringLiteral("recordConsentButton"),
                                       tr("Record a family member's consent to share information"));
    m_withdrawButton = makeButton(tr("&Withdraw…"), QStringLiteral("withdrawConsentButton"),
                                  tr("Record that the selected consent was withdrawn"));
    m_recordDecisionButton = makeButton(tr("Record Decisio&n to Share Without Consent…"),
                                        QStringLiteral("recordSharingDecisionButton"),
                                        tr("Record a decision to share information without consent, with "
                                           "its lawful basis and justification"));
    m_openButton = makeButton(tr("Op&en…"), QStringLiteral("openConsentRecordButton"),
                              tr("Open the selected record (Enter)"));
    m_deleteButton = makeButton(tr("&Delete…"), QStringLiteral("deleteConsentRecordButton"),
                                tr("Delete the selected record (Delete)"));

    connect(m_recordConsentButton, &QPushButton::clicked, this, &ConsentPage::recordConsent);
    connect(m_withdrawButton, &QPushButton::clicked, this, &ConsentPage::withdrawConsent);
    connect(m_recordDecisionButton, &QPushButton::clicked, this, &ConsentPage::recordDecision);
    connect(m_openButton, &QPushButton::clicked, this, &ConsentPage::openSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConsentPage::deleteSelected);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_recordConsentButton);
    buttons->addWidget(m_withdrawButton);
    buttons->addWidget(m_recordDecisionButton);
    buttons->addStretch();
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_deleteButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_problemLabel);
    layout->addWidget(consentLabel);
    layout->addWidget(m_consentTree, 3);
    layout->addWidget(decisionLabel);
    layout->addWidget(m_decisionTree, 2);
    layout->addLayout(buttons);

    setTabOrder(m_consentTree, m_decisionTree);
    setTabOrder(m_decisionTree, m_recordConsentButton);
    updateButtons();
}

QTreeWidget* ConsentPage::makeTree(const QString& objectName, const QString& accessibleName,
                                   const QStringList& headers) {
    auto* tree = new QTreeWidget(this);
    tree->setObjectName(objectName);
    tree->setAccessibleName(accessibleName);
    tree->setColumnCount(int(headers.size()));
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setAllColumnsShowFocus(true);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    connect(tree, &QTreeWidget::itemSelectionChanged, this, [this, tree] { onSelectionChanged(tree); });
    connect(tree, &QTreeWidget::itemActivated, this, &ConsentPage::openSelected);
    auto* deleteShortcut = new QShortcut(QKeySequence::Delete, tree, nullptr, nullptr, Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, &ConsentPage::deleteSelected);
    return tree;
}

void ConsentPage::showFamily(CaseSession* session, const QString& familyId) {
    const QString keptConsent = selectedId(m_consentTree);
    const QString keptDecision = selectedId(m_decisionTree);
    const bool sameFamily = familyId == m_familyId;

    if (!session) {
        clearFamily();
        return;
    }
    m_session = session;
    m_familyId = familyId;
    m_consentTree->clear();
    m_decisionTree->clear();
    m_consents.clear();
    m_decisions.clear();
    m_problemLabel->hide();

    Result<FamilyDetail> family = session->directory().family(familyId);
    if (!family) {
        m_family = {};
        showProblem(family.error().message);
        return;
    }
    m_family = std::move(*family);

    for (const FamilyMember& member : std::as_const(m_family.members)) {
        Result<QList<Consent>> consents = session->consents().consentsForPerson(member.person.id);
        if (!consents) {
            showProblem(consents.error().message);
            continue;
        }
        m_consents += *consents;
    }
    // Newest first across the family, as each person's list already is.
    std::ranges::stable_sort(m_consents,
                             [](const Consent& a, const Consent& b) { return a.givenDate > b.givenDate; });
    for (const Consent& consent : std::as_const(m_consents))
        addConsentItem(consent);

    Result<QList<SharingDecision>> decisions = session->consents().sharingDecisionsForFamily(familyId);
    if (decisions) {
        m_decisions = *decisions;
        for (const SharingDecision& decision : std::as_const(m_decisions))
            addDecisionItem(decision);
    } else {
        showProblem(decisions.error().message);
    }

    if (sameFamily && !keptConsent.isEmpty())
        selectById(m_consentTree, keptConsent);
    else if (sameFamily && !keptDecision.isEmpty())
        selectById(m_decisionTree, keptDecision);
    updateButtons();
}

void ConsentPage::clearFamily() {
    m_session = nullptr;
    m_familyId.clear();
    m_family = {};
    m_consents.clear();
    m_decisions.clear();
    m_consentTree->clear();
    m_decisionTree->clear();
    m_problemLabel->hide();
    updateButtons();
}

void ConsentPage::addConsentItem(const Consent& consent) {
    QStringList purposes;
    QStringList purposesInFull;
    for (const QString& purpose : consent.purposes) {
        purposes += ConsentVocabulary::purposeListLabel(purpose);
        purposesInFull += ConsentVocabulary::purposeLabel(purpose);
    }
    QStringList recipients;
    for (const ConsentRecipient& recipient : consent.recipients)
        recipients += ConsentVocabulary::recipientLabel(recipient);
    QStringList categories;
    for (const DataCategory category : consent.dataCategories)
        categories += ConsentVocabulary::dataCategoryLabel(category);

    const QString subject = familyMemberName(m_family, consent.subjectPersonId);
    const QString giver = consent.capacity == ConsentCapacity::CompetentYoungPerson
                              ? tr("%1 (competent young person)")
                                    .arg(isolated(familyMemberName(m_family, consent.givenByPersonId)))
                              : tr("%1 (parental responsibility)")
                                    .arg(isolated(familyMemberName(m_family, consent.givenByPersonId)));

    auto* item = new QTreeWidgetItem(m_consentTree);
    item->setData(0, Qt::UserRole, consent.meta.id);
    item->setText(SubjectColumn, subject);
    item->setText(GivenByColumn, giver);
    item->setText(PurposesColumn, joined(purposes));
    item->setText(RecipientsColumn, joined(recipients));
    item->setText(CategoriesColumn, joined(categories));
    item->setText(MethodColumn, ConsentVocabulary::methodLabel(consent.method));
    item->setText(GivenDateColumn, displayDate(consent.givenDate));
    item->setText(ReviewDateColumn, displayDate(consent.reviewDate));
    item->setText(StateColumn, consentState(consent));

    // The list scrolls sideways on a narrow window, so every cell's tooltip
    // gives the whole consent.
    const QString details =
        tr("Consent for %1: %2\nGiven by %3 on %4 (%5)\nPurposes: %6\nShared with: %7\nData: %8")
            .arg(isolated(subject), consentState(consent), giver, displayDate(consent.givenDate),
                 ConsentVocabulary::methodLabel(consent.method), purposesInFull.join(QStringLiteral("; ")),
                 joined(recipients), joined(categories));
    for (int column = 0; column < ConsentColumnCount; ++column)
        item->setToolTip(column, details);

    if (consent.withdrawnDate.isValid()) {
        QFont font = item->font(StateColumn);
        font.setItalic(true);
        for (int column = 0; column < ConsentColumnCount; ++column)
            item->setFont(column, font);
    }
}

QString ConsentPage::consentState(const Consent& consent) const {
    if (consent.withdrawnDate.isValid()) {
        return tr("Withdrawn on %1 by %2")
            .arg(displayDate(consent.withdrawnDate), isolated(consent.withdrawnBy));
    }
    if (consent.reviewDate.isValid() && m_session && consent.reviewDate <= m_session->today())
        return tr("Review due");
    return tr("Active");
}

void ConsentPage::addDecisionItem(const SharingDecision& decision) {
    auto* item = new QTreeWidgetItem(m_decisionTree);
    item->setData(0, Qt::UserRole, decision.meta.id);
    item->setText(DecisionDateColumn, displayDate(decision.date));
    item->setText(AboutColumn, decision.personId.isEmpty() ? tr("The whole family")
                                                           : familyMemberName(m_family, decision.personId));
    if (decision.recipientPartyType.isEmpty() || decision.purpose.isEmpty()) {
        item->setText(CoversColumn, tr("Nothing until edited"));
        item->setToolTip(CoversColumn,
                         tr("This decision names no recipient or purpose, because it was recorded before "
                            "decisions named them. It allows no sharing until you open it and choose both."));
        QFont font = item->font(CoversColumn);
        font.setItalic(true);
        item->setFont(CoversColumn, font);
    } else {
        item->setText(CoversColumn,
                      tr("%1 for %2")
                          .arg(ConsentVocabulary::partyTypeLabel(decision.recipientPartyType),
                               ConsentVocabulary::purposeListLabel(decision.purpose).toLower()));
        item->setToolTip(CoversColumn,
                         tr("Allows sharing with %1 for %2 only.")
                             .arg(ConsentVocabulary::partyTypeLabel(decision.recipientPartyType),
                                  ConsentVocabulary::purposeLabel(decision.purpose)));
    }
    item->setText(LawfulBasisColumn, ConsentVocabulary::lawfulBasisLabel(decision.lawfulBasis));
    item->setText(ConditionColumn, ConsentVocabulary::conditionListLabel(decision.condition));
    item->setToolTip(ConditionColumn, ConsentVocabulary::conditionLabel(decision.condition));
    // A justification can run to paragraphs, so the cell shows its first
    // line and the tooltip all of it.
    item->setText(JustificationColumn, decision.justification.section(u'\n', 0, 0));
    item->setToolTip(JustificationColumn, decision.justification);
    item->setText(DecidedByColumn, decision.decidedBy);
}

void ConsentPage::showProblem(const QString& message) {
    m_problemLabel->setText(message);
    m_problemLabel->show();
}

void ConsentPage::onSelectionChanged(QTreeWidget* changed) {
    QTreeWidget* other = changed == m_consentTree ? m_decisionTree : m_consentTree;
    if (!changed->selectedItems().isEmpty())
        other->clearSelection();
    updateButtons();
}

void ConsentPage::updateButtons() {
    const bool mayEdit = m_session && m_session->may(access::Action::EditCases);
    const bool mayDelete = m_session && m_session->may(access::Action::DeleteRestore);
    const bool hasChildren = std::ranges::any_of(
        m_family.members, [](const FamilyMember& member) { return member.role != u"adult"; });
    const std::optional<Consent> consent = selectedConsent();
    const bool anySelected = consent || selectedDecision();

    m_recordConsentButton->setEnabled(mayEdit && hasChildren);
    m_withdrawButton->setEnabled(mayEdit && consent && !consent->withdrawnDate.isValid());
    m_recordDecisionButton->setEnabled(mayEdit && !m_familyId.isEmpty());
    m_openButton->setEnabled(m_session && anySelected);
    m_deleteButton->setEnabled(mayDelete && anySelected);
}

std::optional<Consent> ConsentPage::selectedConsent() const {
    const QString id = selectedId(m_consentTree);
    for (const Consent& consent : m_consents) {
        if (!id.isEmpty() && consent.meta.id == id)
            return consent;
    }
    return std::nullopt;
}

std::optional<SharingDecision> ConsentPage::selectedDecision() const {
    const QString id = selectedId(m_decisionTree);
    for (const SharingDecision& decision : m_decisions) {
        if (!id.isEmpty() && decision.meta.id == id)
            return decision;
    }
    return std::nullopt;
}

void ConsentPage::recordConsent() {
    if (!m_session || !m_recordConsentButton->isEnabled())
        return;
    openDialog(new ConsentEditor(m_session, m_family, this));
}

void ConsentPage::withdrawConsent() {
    const std::optional<Consent> consent = selectedConsent();
    if (!m_session || !consent || !m_withdrawButton->isEnabled())
        return;
    openDialog(new WithdrawConsentDialog(m_session, m_family, *consent, this));
}

void ConsentPage::recordDecision() {
    if (!m_session || !m_recordDecisionButton->isEnabled())
        return;
    openDialog(new SharingDecisionEditor(m_session, m_family, this));
}

void ConsentPage::openSelected() {
    if (!m_session)
        return;
    if (const std::optional<Consent> consent = selectedConsent()) {
        auto* editor = new ConsentEditor(m_session, m_family, this);
        editor->loadConsent(*consent);
        openDialog(editor);
    } else if (const std::optional<SharingDecision> decision = selectedDecision()) {
        auto* editor = new SharingDecisionEditor(m_session, m_family, this);
        editor->loadDecision(*decision);
        openDialog(editor);
    }
}

void ConsentPage::deleteSelected() {
    if (!m_session || !m_deleteButton->isEnabled())
        return;
    const std::optional<Consent> consent = selectedConsent();
    const std::optional<SharingDecision> decision = selectedDecision();
    if (!consent && !decision)
        return;

    QString question;
    if (consent) {
        question = tr("Delete the consent given by %1 for %2 on %3?")
                       .arg(isolated(familyMemberName(m_family, consent->givenByPersonId)),
                            isolated(familyMemberName(m_family, consent->subjectPersonId)),
                            displayDate(consent->givenDate));
    } else {
        question = tr("Delete the decision by %1 on %2 to share without consent?")
                       .arg(isolated(decision->decidedBy), displayDate(decision->date));
    }
    auto* box = new QMessageBox(QMessageBox::Question, consent ? tr("Delete Consent") : tr("Delete Decision"),
                                question, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConsentRecordMessageBox"));
    box->setInformativeText(tr("It can be restored from Case › Deleted Items for 30 days."));
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setDefaultButton(QMessageBox::Cancel);

    const QPointer<CaseSession> session = m_session;
    const QString familyId = m_familyId;
    const QString consentId = consent ? consent->meta.id : QString();
    const QString decisionId = decision ? decision->meta.id : QString();
    connect(box, &QMessageBox::finished, this, [this, box, session, familyId, consentId, decisionId] {
        if (!session || box->standardButton(box->clickedButton()) != QMessageBox::Yes)
            return;
        const Status removed = consentId.isEmpty()
                                   ? session->consents().removeSharingDecision(session->actor(), decisionId)
                                   : session->consents().removeConsent(session->actor(), consentId);
        if (!removed) {
            showProblem(removed.error().message);
            return;
        }
        session->notifyFamilyChanged(familyId);
    });
    openDialog(box);
}

// Opens dialog without blocking. The dialog goes with the session, because
// it reads and writes through it.
void ConsentPage::openDialog(QDialog* dialog) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_session, &QObject::destroyed, dialog, [dialog] { delete dialog; });
    dialog->open();
}

} // namespace earlyhelp::ui
