#include "assessmenteditor.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "formfields.h"
#include "casesession.h"
#include "casework/assessmentrepository.h"
#include "displaytext.h"
#include "formundo.h"

namespace earlyhelp::ui {

namespace {

// The spin box value shown as "Not scored". Core accepts only 1 to 5, so an
// assessed heading left unscored is rejected with core's message on saving.
constexpr int notScored = 0;

// Turns a heading code such as "early_years" into the start of an object
// name, "earlyYears".
QString objectNamePrefix(SupportingFamiliesHeading heading) {
    const QStringList words = headingCode(heading).toString().split(u'_');
    QString prefix = words.first();
    for (qsizetype i = 1; i < words.size(); ++i)
        prefix += words.at(i).left(1).toUpper() + words.at(i).mid(1);
    return prefix;
}

QPlainTextEdit* makeTextEdit(QWidget* parent, const QString& objectName, const QString& accessibleName) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setTabChangesFocus(true);
    return edit;
}

} // namespace

AssessmentEditor::AssessmentEditor(CaseSession* session, const QString& familyId, QWidget* parent)
    : EditorDialog(session, parent) {
    Assessment assessment;
    assessment.familyId = familyId;
    assessment.assessor = session->actor().user;
    assessment.date = session->today();
    m_assessment = assessment;
    buildForm();
    load(assessment);
}

AssessmentEditor::AssessmentEditor(CaseSession* session, const Assessment& assessment, QWidget* parent)
    : EditorDialog(session, parent)
    , m_assessment(assessment) {
    buildForm();
    load(assessment);
}

void AssessmentEditor::buildForm() {
    setObjectName(QStringLiteral("assessmentEditor"));
    // Locking the window ends the session. The form goes with it, because it
    // shows case data and refers to the session's repositories.
    connect(session(), &QObject::destroyed, this, [this] { delete this; });
    resize(1040, 700);

    m_assessorEdit = new QLineEdit(this);
    m_assessorEdit->setObjectName(QStringLiteral("assessorLineEdit"));
    m_assessorEdit->setAccessibleName(tr("Assessor"));
    auto* assessorLabel = new QLabel(tr("&Assessor:"), this);
    assessorLabel->setBuddy(m_assessorEdit);

    m_dateEdit = makeDateEdit(this, QStringLiteral("assessmentDateEdit"), tr("Date of the assessment"));
    auto* dateLabel = new QLabel(tr("&Date:"), this);
    dateLabel->setBuddy(m_dateEdit);

    auto* topRow = new QHBoxLayout;
    topRow->addWidget(assessorLabel);
    topRow->addWidget(m_assessorEdit, 1);
    topRow->addSpacing(24);
    topRow->addWidget(dateLabel);
    topRow->addWidget(m_dateEdit);
    topRow->addStretch(1);

    m_headingList = new QListWidget(this);
    m_headingList->setObjectName(QStringLiteral("headingsListWidget"));
    m_headingList->setAccessibleName(tr("Supporting Families headings"));
    m_headingList->setWordWrap(true);
    m_headingList->setMinimumWidth(320);
    m_headingList->setMaximumWidth(400);
    m_headingList->setSpacing(2);
    auto* headingListLabel = new QLabel(tr("&Headings:"), this);
    headingListLabel->setBuddy(m_headingList);
    auto* headingListHint = new QLabel(tr("Assessed headings are in bold, with their score."), this);
    headingListHint->setWordWrap(true);
    headingListHint->setForegroundRole(QPalette::PlaceholderText);

    m_headingStack = new QStackedWidget(this);
    m_headingStack->setObjectName(QStringLiteral("headingStackedWidget"));
    const auto& headings = supportingFamiliesHeadings();
    for (std::size_t i = 0; i < headings.size(); ++i) {
        HeadingFields& fields = m_headings.at(i);
        fields.heading = headings.at(i);
        m_headingStack->addWidget(buildHeadingPage(fields));
        auto* item = new QListWidgetItem(m_headingList);
        item->setData(Qt::UserRole, static_cast<int>(fields.heading));
    }
    connect(m_headingList, &QListWidget::currentRowChanged, m_headingStack, &QStackedWidget::setCurrentIndex);

    auto* headingListColumn = new QVBoxLayout;
    headingListColumn->addWidget(headingListLabel);
    headingListColumn->addWidget(m_headingList, 1);
    headingListColumn->addWidget(headingListHint);
    auto* headingsRow = new QHBoxLayout;
    headingsRow->addLayout(headingListColumn);
    headingsRow->addWidget(m_headingStack, 1);

    m_childVoiceEdit = makeTextEdit(this, QStringLiteral("childVoicePlainTextEdit"), tr("Child's voice"));
    m_childVoiceEdit->setPlaceholderText(tr("What the child says about their life and what would help"));
    auto* childVoiceLabel = new QLabel(tr("Chi&ld's voice:"), this);
    childVoiceLabel->setBuddy(m_childVoiceEdit);
    m_familyVoiceEdit = makeTextEdit(this, QStringLiteral("familyVoicePlainTextEdit"), tr("Family's voice"));
    m_familyVoiceEdit->setPlaceholderText(
        tr("What the parents or carers say about their needs and strengths"));
    auto* familyVoiceLabel = new QLabel(tr("&Family's voice:"), this);
    familyVoiceLabel->setBuddy(m_familyVoiceEdit);

    auto* voicesGrid = new QGridLayout;
    voicesGrid->addWidget(childVoiceLabel, 0, 0);
    voicesGrid->addWidget(m_childVoiceEdit, 1, 0);
    voicesGrid->addWidget(familyVoiceLabel, 0, 1);
    voicesGrid->addWidget(m_familyVoiceEdit, 1, 1);
    m_childVoiceEdit->setMaximumHeight(m_childVoiceEdit->fontMetrics().lineSpacing() * 6);
    m_familyVoiceEdit->setMaximumHeight(m_familyVoiceEdit->fontMetrics().lineSpacing() * 6);

    formLayout()->addLayout(topRow);
    formLayout()->addLayout(headingsRow, 1);
    formLayout()->addLayout(voicesGrid);

    trackField(m_assessorEdit);
    trackField(m_dateEdit);
    for (const HeadingFields& fields : m_headings) {
        trackField(fields.assessed);
        trackField(fields.score);
        trackField(fields.strengths);
        trackField(fields.needs);
    }
    trackField(m_childVoiceEdit);
    trackField(m_familyVoiceEdit);

    setTabOrder(m_assessorEdit, m_dateEdit);
    setTabOrder(m_dateEdit, m_headingList);
    QWidget* previous = m_headingList;
    for (const HeadingFields& fields : m_headings) {
        for (QWidget* field :
             {static_cast<QWidget*>(fields.assessed), static_cast<QWidget*>(fields.score),
              static_cast<QWidget*>(fields.strengths), static_cast<QWidget*>(fields.needs)}) {
            setTabOrder(previous, field);
            previous = field;
        }
    }
    setTabOrder(previous, m_childVoiceEdit);
    setTabOrder(m_childVoiceEdit, m_familyVoiceEdit);
}

QWidget* AssessmentEditor::buildHeadingPage(HeadingFields& fields) {
    const QString label = headingLabel(fields.heading);
    const QString prefix = objectNamePrefix(fields.heading);
    auto* page = new QWidget(m_headingStack);

    auto* title = new QLabel(label, page);
    title->setObjectName(prefix + u"HeadingLabel");
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);

    fields.assessed = new QCheckBox(tr("&Include this heading in the assessment"), page);
    fields.assessed->setObjectName(prefix + u"AssessedCheckBox");
    fields.assessed->setAccessibleName(tr("%1 assessed").arg(label));

    fields.score = new QSpinBox(page);
    fields.score->setObjectName(prefix + u"ScoreSpinBox");
    fields.score->setAccessibleName(tr("Score for %1").arg(label));
    fields.score->setAccessibleDescription(tr("1 is no concern, 5 the greatest need"));
    fields.score->setRange(notScored, 5);
    fields.score->setSpecialValueText(tr("Not scored"));
    auto* scoreHint = new QLabel(tr("1 is no concern, 5 the greatest need"), page);
    scoreHint->setForegroundRole(QPalette::PlaceholderText);
    auto* scoreRow = new QHBoxLayout;
    scoreRow->addWidget(fields.score);
    scoreRow->addWidget(scoreHint);
    scoreRow->addStretch();

    fields.strengths =
        makeTextEdit(page, prefix + u"StrengthsPlainTextEdit", tr("Strengths for %1").arg(label));
    fields.needs = makeTextEdit(page, prefix + u"NeedsPlainTextEdit", tr("Needs for %1").arg(label));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* scoreLabel = new QLabel(tr("Sc&ore:"), page);
    scoreLabel->setBuddy(fields.score);
    form->addRow(scoreLabel, scoreRow);
    auto* strengthsLabel = new QLabel(tr("S&trengths:"), page);
    strengthsLabel->setBuddy(fields.strengths);
    form->addRow(strengthsLabel, fields.strengths);
    auto* needsLabel = new QLabel(tr("&Needs:"), page);
    needsLabel->setBuddy(fields.needs);
    form->addRow(needsLabel, fields.needs);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(fields.assessed);
    layout->addLayout(form, 1);

    const int index = static_cast<int>(m_headingStack->count());
    connect(fields.assessed, &QCheckBox::toggled, this, [this, index] { onHeadingEdited(index); });
    connect(fields.score, &QSpinBox::valueChanged, this, [this, index] { onHeadingEdited(index); });
    connect(fields.strengths, &QPlainTextEdit::textChanged, this, [this, index] { onHeadingEdited(index); });
    connect(fields.needs, &QPlainTextEdit::textChanged, this, [this, index] { onHeadingEdited(index); });
    return page;
}

void AssessmentEditor::load(const Assessment& assessment) {
    formUndo()->withoutRecording([&] {
        m_assessorEdit->setText(assessment.assessor);
        m_dateEdit->setDate(assessment.date);
        m_childVoiceEdit->setPlainText(assessment.childVoice);
        m_familyVoiceEdit->setPlainText(assessment.familyVoice);
        for (const HeadingFields& fields : m_headings) {
            const auto need = std::ranges::find(assessment.needs, fields.heading, &AssessmentNeed::heading);
            const bool assessed = need != assessment.needs.cend();
            fields.assessed->setChecked(assessed);
            fields.score->setValue(assessed ? need->score : notScored);
            fields.strengths->setPlainText(assessed ? need->strengths : QString());
            fields.needs->setPlainText(assessed ? need->needs : QString());
        }
    });
    for (int index = 0; index < static_cast<int>(m_headings.size()); ++index)
        updateHeading(index);
    m_headingList->setCurrentRow(0);
    updateTitle();
}

Assessment AssessmentEditor::formAssessment() const {
    Assessment assessment = m_assessment;
    assessment.assessor = m_assessorEdit->text();
    assessment.date = m_dateEdit->date();
    assessment.childVoice = m_childVoiceEdit->toPlainText();
    assessment.familyVoice = m_familyVoiceEdit->toPlainText();
    assessment.needs.clear();
    for (const HeadingFields& fields : m_headings) {
        if (!fields.assessed->isChecked())
            continue;
        assessment.needs += AssessmentNeed{fields.heading, fields.strengths->toPlainText(),
                                           fields.needs->toPlainText(), fields.score->value()};
    }
    return assessment;
}

Status AssessmentEditor::save() {
    const Assessment assessment = formAssessment();
    AssessmentRepository& repository = session()->assessments();
    Result<Assessment> saved = assessment.meta.id.isEmpty()
                                   ? repository.create(session()->actor(), assessment)
                                   : repository.update(session()->actor(), assessment);
    if (!saved)
        return std::unexpected(saved.error());
    m_assessment = *saved;
    updateTitle();
    session()->notifyFamilyChanged(m_assessment.familyId);
    return {};
}

void AssessmentEditor::showHeading(SupportingFamiliesHeading heading) {
    const auto& headings = supportingFamiliesHeadings();
    const auto found = std::ranges::find(headings, heading);
    if (found != headings.end())
        m_headingList->setCurrentRow(static_cast<int>(found - headings.begin()));
}

// Keeps the heading list's text current, and brings the heading into view
// when undo or redo changes one of its fields while another is shown.
void AssessmentEditor::onHeadingEdited(int index) {
    updateHeading(index);
    if (m_headingList->currentRow() != index)
        m_headingList->setCurrentRow(index);
}

void AssessmentEditor::updateHeading(int index) {
    const HeadingFields& fields = m_headings.at(static_cast<std::size_t>(index));
    const bool assessed = fields.assessed->isChecked();
    const int score = fields.score->value();
    const QString label = headingLabel(fields.heading);

    // An assessed heading is bold, with its score. The others are plain and
    // dimmed, and their accessible text reads "not assessed".
    QListWidgetItem* item = m_headingList->item(index);
    QString state;
    if (!assessed) {
        item->setText(label);
        state = tr("not assessed");
    } else if (score == notScored) {
        state = tr("not scored");
        item->setText(tr("%1 (%2)").arg(label, state));
    } else {
        state = tr("score %1").arg(score);
        item->setText(tr("%1 (%2)").arg(label).arg(score));
    }
    item->setData(Qt::AccessibleTextRole, tr("%1, %2").arg(label, state));
    item->setToolTip(tr("%1, %2").arg(label, state));
    QFont font = m_headingList->font();
    font.setBold(assessed);
    item->setFont(font);
    item->setForeground(
        m_headingList->palette().brush(assessed ? QPalette::Text : QPalette::PlaceholderText));

    // Score, strengths and needs take part only when the heading is
    // assessed. The check box itself is disabled when the role may not edit.
    const bool fieldsEnabled = fields.assessed->isEnabled() && assessed;
    fields.score->setEnabled(fieldsEnabled);
    fields.strengths->setEnabled(fieldsEnabled);
    fields.needs->setEnabled(fieldsEnabled);
}

void AssessmentEditor::updateTitle() {
    if (m_assessment.meta.id.isEmpty())
        setWindowTitle(tr("New Assessment[*]"));
    else
        setWindowTitle(tr("Assessment of %1[*]").arg(displayDate(m_assessment.date)));
}

} // namespace earlyhelp::ui
