#include "casenoteeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QUndoStack>
#include <QVBoxLayout>

#include "formfields.h"
#include "cases/casedirectory.h"
#include "casesession.h"
#include "casework/casenoterepository.h"
#include "casework/chronology.h"
#include "displaytext.h"
#include "formundo.h"

namespace earlyhelp::ui {

CaseNoteEditor::CaseNoteEditor(CaseSession* session, const QString& familyId, const QString& noteId,
                               QWidget* parent)
    : EditorDialog(session, parent)
    , m_familyId(familyId) {
    setObjectName(QStringLiteral("caseNoteEditor"));
    buildForm();
    // Adding the first member selects it, which is not an edit of the user's.
    formUndo()->withoutRecording([this] { loadMembers(); });

    if (noteId.isEmpty()) {
        setWindowTitle(tr("New Case Note[*]"));
        m_authorLabel->setText(session->actor().user);
        formUndo()->withoutRecording([this] { m_dateEdit->setDate(this->session()->today()); });
        return;
    }

    setWindowTitle(tr("Case Note[*]"));
    Result<CaseNote> note = session->notes().get(noteId);
    if (!note) {
        m_loadError = note.error();
        showError(note.error().message);
        return;
    }
    m_note = *note;
    loadNote(*note);
}

void CaseNoteEditor::buildForm() {
    m_dateEdit = makeDateEdit(this, QStringLiteral("noteDateEdit"), tr("Date of the event"));

    m_typeCombo = new QComboBox(this);
    m_typeCombo->setObjectName(QStringLiteral("noteTypeComboBox"));
    m_typeCombo->setAccessibleName(tr("Type of note"));
    for (const QString& code : Chronology::caseNoteTypeCodes())
        m_typeCombo->addItem(Chronology::typeLabel(code), code);

    m_personCombo = new QComboBox(this);
    m_personCombo->setObjectName(QStringLiteral("notePersonComboBox"));
    m_personCombo->setAccessibleName(tr("Family member the note is about"));

    m_textEdit = new QPlainTextEdit(this);
    m_textEdit->setObjectName(QStringLiteral("noteTextEdit"));
    m_textEdit->setAccessibleName(tr("Note"));
    m_textEdit->setTabChangesFocus(true);
    m_textEdit->setPlaceholderText(tr("What happened, who was there, and what was agreed."));

    m_significantCheck = new QCheckBox(tr("Significant &event"), this);
    m_significantCheck->setObjectName(QStringLiteral("significantCheckBox"));
    m_significantCheck->setAccessibleName(tr("Significant event"));
    m_significantCheck->setToolTip(tr("Mark events that change the picture of the family's situation, so "
                                      "they stand out in the chronology."));

    m_categoryCombo = new QComboBox(this);
    m_categoryCombo->setObjectName(QStringLiteral("dataCategoryComboBox"));
    m_categoryCombo->setAccessibleName(tr("Data category of the note"));
    m_categoryCombo->addItem(tr("Personal data"), int(DataCategory::Personal));
    m_categoryCombo->addItem(tr("Special category data (health, ethnicity, religion …)"),
                             int(DataCategory::SpecialCategory));
    m_categoryCombo->addItem(tr("Criminal offence data"), int(DataCategory::CriminalOffence));
    m_categoryCombo->setToolTip(tr("The UK GDPR category of what the note says. It decides with whom the "
                                   "note may be shared."));

    m_authorLabel = new QLabel(this);
    m_authorLabel->setObjectName(QStringLiteral("noteAuthorLabel"));
    m_authorLabel->setTextFormat(Qt::PlainText);

    auto* form = new QFormLayout;
    const auto addRow = [form, this](const QString& label, QWidget* field) {
        auto* rowLabel = new QLabel(label, this);
        rowLabel->setBuddy(field);
        form->addRow(rowLabel, field);
    };
    addRow(tr("&Date:"), m_dateEdit);
    addRow(tr("T&ype:"), m_typeCombo);
    addRow(tr("&About:"), m_personCombo);
    addRow(tr("&Note:"), m_textEdit);
    form->addRow(QString(), m_significantCheck);
    addRow(tr("Data catego&ry:"), m_categoryCombo);
    form->addRow(tr("Author:"), m_authorLabel);
    formLayout()->addLayout(form);

    for (QWidget* field : {static_cast<QWidget*>(m_dateEdit), static_cast<QWidget*>(m_typeCombo),
                           static_cast<QWidget*>(m_personCombo), static_cast<QWidget*>(m_textEdit),
                           static_cast<QWidget*>(m_significantCheck), static_cast<QWidget*>(m_categoryCombo)})
        trackField(field);
    resize(560, 480);
}

void CaseNoteEditor::loadMembers() {
    m_personCombo->addItem(tr("The whole family"), QString());
    Result<FamilyDetail> family = session()->directory().family(m_familyId);
    if (!family) {
        showError(family.error().message);
        return;
    }
    for (const FamilyMember& member : family->members)
        m_personCombo->addItem(listName(member.person), member.person.id);
}

void CaseNoteEditor::loadNote(const CaseNote& note) {
    formUndo()->withoutRecording([&] {
        m_dateEdit->setDate(note.date);
        int typeIndex = m_typeCombo->findData(note.type);
        if (typeIndex < 0) {
            // A type this version does not offer, kept so that saving does
            // not change it.
            m_typeCombo->addItem(Chronology::typeLabel(note.type), note.type);
            typeIndex = m_typeCombo->count() - 1;
        }
        m_typeCombo->setCurrentIndex(typeIndex);
        int personIndex = m_personCombo->findData(note.personId);
        if (personIndex < 0) {
            m_personCombo->addItem(tr("A person no longer in this family"), note.personId);
            personIndex = m_personCombo->count() - 1;
        }
        m_personCombo->setCurrentIndex(personIndex);
        m_textEdit->setPlainText(note.text);
        m_significantCheck->setChecked(note.significant);
        m_categoryCombo->setCurrentIndex(m_categoryCombo->findData(int(note.category)));
    });
    m_authorLabel->setText(note.author);
    setWindowTitle(tr("Case Note of %1[*]").arg(displayDate(note.date)));
}

CaseNote CaseNoteEditor::noteFromForm() const {
    CaseNote note = m_note.value_or(CaseNote{});
    note.familyId = m_familyId;
    if (!m_note)
        note.author = session()->actor().user;
    note.date = m_dateEdit->date();
    note.type = m_typeCombo->currentData().toString();
    note.personId = m_personCombo->currentData().toString();
    note.text = m_textEdit->toPlainText();
    note.significant = m_significantCheck->isChecked();
    note.category = DataCategory(m_categoryCombo->currentData().toInt());
    return note;
}

Status CaseNoteEditor::save() {
    // Saving a form that never held the note would write a new one.
    if (m_loadError)
        return std::unexpected(*m_loadError);
    const CaseNote note = noteFromForm();
    CaseNoteRepository& notes = session()->notes();
    Result<CaseNote> saved =
        m_note ? notes.update(session()->actor(), note) : notes.create(session()->actor(), note);
    if (!saved)
        return std::unexpected(saved.error());
    m_note = *saved;
    session()->notifyFamilyChanged(m_familyId);
    return {};
}

} // namespace earlyhelp::ui
