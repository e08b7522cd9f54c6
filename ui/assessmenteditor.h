#pragma once

#include <array>

#include "casework/headings.h"
#include "casework/records.h"
#include "editordialog.h"

class QCheckBox;
class QDateEdit;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;

namespace earlyhelp::ui {

// The editor of one early help assessment: assessor, date, and the child's
// and the family's voice. For each of the ten Supporting Families headings it
// records whether the heading was assessed, a score from 1 (no concern) to 5
// (greatest need), strengths and needs. The headings are listed on the left
// and the fields of the selected one are shown on the right.
//
// Saving creates or updates the assessment through AssessmentRepository as
// the session's actor, then reports the change to the session. The editor
// deletes itself when the session is destroyed, unsaved edits included, as
// the window's other case data dialogs are when it locks.
class AssessmentEditor : public EditorDialog {
    Q_OBJECT

public:
    // Edits a new assessment of familyId by the session's user, dated today.
    AssessmentEditor(CaseSession* session, const QString& familyId, QWidget* parent = nullptr);
    // Edits a stored assessment.
    AssessmentEditor(CaseSession* session, const Assessment& assessment, QWidget* parent = nullptr);

    // Shows the fields of heading on the right and selects it in the list.
    void showHeading(SupportingFamiliesHeading heading);

protected:
    [[nodiscard]] Status save() override;

private:
    // The fields of one heading, on its own page of the stack.
    struct HeadingFields {
        SupportingFamiliesHeading heading = SupportingFamiliesHeading::Education;
        QCheckBox* assessed = nullptr;
        QSpinBox* score = nullptr;
        QPlainTextEdit* strengths = nullptr;
        QPlainTextEdit* needs = nullptr;
    };

    void buildForm();
    [[nodiscard]] QWidget* buildHeadingPage(HeadingFields& fields);
    void load(const Assessment& assessment);
    [[nodiscard]] Assessment formAssessment() const;
    void onHeadingEdited(int index);
    // Updates the heading's list item and enables its fields when it is assessed.
    void updateHeading(int index);
    void updateTitle();

    Assessment m_assessment;
    QLineEdit* m_assessorEdit = nullptr;
    QDateEdit* m_dateEdit = nullptr;
    QPlainTextEdit* m_childVoiceEdit = nullptr;
    QPlainTextEdit* m_familyVoiceEdit = nullptr;
    QListWidget* m_headingList = nullptr;
    QStackedWidget* m_headingStack = nullptr;
    std::array<HeadingFields, 10> m_headings;
};

} // namespace earlyhelp::ui
