#include "assessmentspage.h"

#include <algorithm>
#include <functional>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "assessmenteditor.h"
#include "casesession.h"
#include "casework/assessmentrepository.h"
#include "casework/caseworkoptions.h"
#include "casework/headings.h"
#include "displaytext.h"

namespace earlyhelp::ui {

namespace {

enum Column { DateColumn, AssessorColumn, ConcernsColumn, ColumnCount };
enum StackPage { EmptyPage, ListPage };

constexpr int highConcernScore = 4;

// The headings scored 4 or 5, highest score first and otherwise in the
// framework's order, such as "Secure housing (5); Financial stability (4)".
QString concernsSummary(const Assessment& assessment) {
    QList<AssessmentNeed> concerns;
    for (const AssessmentNeed& need : assessment.needs) {
        if (need.score >= highConcernScore)
            concerns += need;
    }
    std::ranges::stable_sort(concerns, std::greater{}, &AssessmentNeed::score);
    QStringList parts;
    for (const AssessmentNeed& need : std::as_const(concerns))
        parts += AssessmentsPage::tr("%1 (%2)").arg(headingLabel(need.heading)).arg(need.score);
    return parts.join(AssessmentsPage::tr("; "));
}

// Escapes text for the detail pane's HTML and keeps its line breaks.
QString htmlText(const QString& text) {
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

// A labelled paragraph of the detail pane, or "Not recorded" for empty text.
QString detailParagraph(const QString& label, const QString& text) {
    const QString value = text.trimmed().isEmpty()
                              ? u"<i>" + AssessmentsPage::tr("Not recorded").toHtmlEscaped() + u"</i>"
                              : htmlText(text.trimmed());
    return u"<p><b>" + label.toHtmlEscaped() + u"</b><br>" + value + u"</p>";
}

QString detailHtml(const Assessment& assessment) {
    QString html = u"<h2>" +
                   AssessmentsPage::tr("Assessment of %1 by %2")
                       .arg(displayDate(assessment.date), isolated(assessment.assessor))
                       .toHtmlEscaped() +
                   u"</h2>";
    html += detailParagraph(AssessmentsPage::tr("Child's voice"), assessment.childVoice);
    html += detailParagraph(AssessmentsPage::tr("Family's voice"), assessment.familyVoice);

    if (assessment.needs.isEmpty()) {
        html += u"<p><i>" + AssessmentsPage::tr("No heading was assessed.").toHtmlEscaped() + u"</i></p>";
        return html;
    }
    QStringList notAssessed;
    for (const SupportingFamiliesHeading heading : supportingFamiliesHeadings()) {
        const auto need = std::ranges::find(assessment.needs, heading, &AssessmentNeed::heading);
        if (need == assessment.needs.cend()) {
            notAssessed += headingLabel(heading);
            continue;
        }
        html += u"<h3>" + headingLabel(heading).toHtmlEscaped() + u"</h3>";
        html += u"<p>" +
                AssessmentsPage::tr("Score %1 of 5 (1 is no concern, 5 the greatest need)")
                    .arg(need->score)
                    .toHtmlEscaped() +
                u"</p>";
        html += detailParagraph(AssessmentsPage::tr("Strengths"), need->strengths);
        html += detailParagraph(AssessmentsPage::tr("Needs"), need->needs);
    }
    if (!notAssessed.isEmpty())
        html += detailParagraph(AssessmentsPage::tr("Not assessed"), notAssessed.join(u'\n'));
    return html;
}

} // namespace

AssessmentsPage::AssessmentsPage(QWidget* parent)
    : FamilyPage(parent) {
    m_newButton = new QPushButton(tr("&New Assessment…"), this);
    m_newButton->setObjectName(QStringLiteral("newAssessmentPushButton"));
    connect(m_newButton, &QPushButton::clicked, this, &AssessmentsPage::newAssessment);
    m_openButton = new QPushButton(tr("O&pen…"), this);
    m_openButton->setObjectName(QStringLiteral("openAssessmentPushButton"));
    connect(m_openButton, &QPushButton::clicked, this, &AssessmentsPage::openSelected);
    m_deleteButton = new QPushButton(tr("&Delete…"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteAssessmentPushButton"));
    connect(m_deleteButton, &QPushButton::clicked, this, &AssessmentsPage::deleteSelected);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("assessmentsEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("assessmentsTreeWidget"));
    m_list->setAccessibleName(tr("Assessments"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Date"), tr("Assessor"), tr("Headings scored 4 or 5")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(DateColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(AssessorColumn, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        showDetail();
        updateButtons();
    });
    // Enter and a double click open a row, and the Delete key deletes it.
    connect(m_list, &QTreeWidget::itemActivated, this, &AssessmentsPage::openSelected);
    auto* deleteShortcut = new QShortcut(QKeySequence::Delete, m_list);
    deleteShortcut->setContext(Qt::WidgetShortcut);
    connect(deleteShortcut, &QShortcut::activated, this, &AssessmentsPage::deleteSelected);

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("assessmentDetailTextBrowser"));
    m_detail->setAccessibleName(tr("Selected assessment"));
    m_detail->setOpenLinks(false);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("assessmentsSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(EmptyPage, m_emptyLabel);
    m_stack->insertWidget(ListPage, splitter);

    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_newButton);
    buttonRow->addWidget(m_openButton);
    buttonRow->addWidget(m_deleteButton);
    buttonRow->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttonRow);
    layout->addWidget(m_stack, 1);

    setTabOrder(m_newButton, m_openButton);
    setTabOrder(m_openButton, m_deleteButton);
    setTabOrder(m_deleteButton, m_list);
    setTabOrder(m_list, m_detail);

    clearFamily();
}

void AssessmentsPage::showFamily(CaseSession* session, const QString& familyId) {
    // The family view clears every page before it shows a family again, so
    // the selection to keep is remembered across clearFamily().
    const QString selectId = familyId == m_lastFamilyId ? m_lastSelectedId : QString();
    m_session = session;
    m_familyId = familyId;
    m_lastFamilyId = familyId;
    reload(selectId);
}

void AssessmentsPage::clearFamily() {
    if (const Assessment* selected = selectedAssessment())
        m_lastSelectedId = selected->meta.id;
    m_session = nullptr;
    m_familyId.clear();
    m_assessments.clear();
    m_list->clear();
    m_detail->clear();
    m_emptyLabel->clear();
    m_stack->setCurrentIndex(EmptyPage);
    updateButtons();
}

void AssessmentsPage::reload(const QString& selectId) {
    Result<QList<Assessment>> assessments = m_session->assessments().listForFamily(m_familyId);
    if (!assessments) {
        showListError(assessments.error().message);
        return;
    }
    showAssessments(*assessments, selectId);
}

void AssessmentsPage::showAssessments(const QList<Assessment>& assessments, const QString& selectId) {
    m_assessments = assessments;
    m_list->clear();
    QTreeWidgetItem* toSelect = nullptr;
    for (const Assessment& assessment : assessments) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setData(DateColumn, Qt::UserRole, assessment.meta.id);
        item->setText(DateColumn, displayDate(assessment.date));
        item->setText(AssessorColumn, assessment.assessor);
        const QString concerns = concernsSummary(assessment);
        item->setText(ConcernsColumn, concerns.isEmpty() ? tr("None") : concerns);
        item->setToolTip(ConcernsColumn, concerns);
        if (assessment.meta.id == selectId)
            toSelect = item;
    }

    if (assessments.isEmpty()) {
        m_emptyLabel->setText(m_session->may(access::Action::EditCases)
                                  ? tr("No assessment has been recorded for this family. Choose New "
                                       "Assessment to record one.")
                                  : tr("No assessment has been recorded for this family."));
        m_stack->setCurrentIndex(EmptyPage);
    } else {
        m_stack->setCurrentIndex(ListPage);
        m_list->setCurrentItem(toSelect ? toSelect : m_list->topLevelItem(0));
    }
    showDetail();
    updateButtons();
}

void AssessmentsPage::showListError(const QString& message) {
    m_assessments.clear();
    m_list->clear();
    m_detail->clear();
    m_emptyLabel->setText(tr("The assessments could not be read. %1").arg(message));
    m_stack->setCurrentIndex(EmptyPage);
    updateButtons();
}

void AssessmentsPage::showDetail() {
    const Assessment* assessment = selectedAssessment();
    if (!assessment) {
        m_detail->clear();
        return;
    }
    m_detail->setHtml(detailHtml(*assessment));
}

void AssessmentsPage::updateButtons() {
    const bool hasFamily = m_session && !m_familyId.isEmpty();
    const bool hasSelection = selectedAssessment() != nullptr;
    m_newButton->setEnabled(hasFamily && m_session->may(access::Action::EditCases));
    m_openButton->setEnabled(hasFamily && hasSelection);
    m_deleteButton->setEnabled(hasFamily && hasSelection && m_session->may(access::Action::DeleteRestore));
}

const Assessment* AssessmentsPage::selectedAssessment() const {
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item)
        return nullptr;
    const QString id = item->data(DateColumn, Qt::UserRole).toString();
    const auto found = std::ranges::find(m_assessments, id, [](const Assessment& a) { return a.meta.id; });
    return found == m_assessments.cend() ? nullptr : &*found;
}

void AssessmentsPage::newAssessment() {
    if (!m_newButton->isEnabled())
        return;
    auto* editor = new AssessmentEditor(m_session, m_familyId, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->open();
}

void AssessmentsPage::openSelected() {
    const Assessment* assessment = selectedAssessment();
    if (!m_session || !assessment)
        return;
    auto* editor = new AssessmentEditor(m_session, *assessment, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->open();
}

void AssessmentsPage::deleteSelected() {
    const Assessment* assessment = selectedAssessment();
    if (!m_deleteButton->isEnabled() || !assessment)
        return;

    auto* question = new QMessageBox(QMessageBox::Question, tr("Delete Assessment"),
                                     tr("Delete the assessment of %1 by %2?")
                                         .arg(displayDate(assessment->date), isolated(assessment->assessor)),
                                     QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("deleteAssessmentMessageBox"));
    question->setInformativeText(
        tr("You can restore it from Case › Deleted Items for %n day(s).", nullptr, restoreWindowDays));
    QPushButton* deleteButton = question->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    deleteButton->setObjectName(QStringLiteral("confirmDeletePushButton"));
    QPushButton* cancelButton = question->addButton(QMessageBox::Cancel);
    question->setDefaultButton(cancelButton);
    question->setEscapeButton(cancelButton);
    question->setAttribute(Qt::WA_DeleteOnClose);

    // The question names the assessor, so it goes when the session ends.
    connect(m_session, &QObject::destroyed, question, [question] { delete question; });

    const QString id = assessment->meta.id;
    connect(question, &QMessageBox::finished, this, [this, question, deleteButton, id] {
        if (question->clickedButton() == deleteButton)
            deleteAssessment(id);
    });
    question->open();
}

void AssessmentsPage::deleteAssessment(const QString& id) {
    if (!m_session)
        return;
    if (Status removed = m_session->assessments().remove(m_session->actor(), id); !removed) {
        auto* failed = new QMessageBox(QMessageBox::Warning, tr("Delete Assessment"),
                                       tr("The assessment was not deleted. %1").arg(removed.error().message),
                                       QMessageBox::Ok, this);
        failed->setObjectName(QStringLiteral("deleteAssessmentErrorMessageBox"));
        failed->setAttribute(Qt::WA_DeleteOnClose);
        failed->open();
        return;
    }
    m_session->notifyFamilyChanged(m_familyId);
}

} // namespace earlyhelp::ui
