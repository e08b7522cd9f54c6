#pragma once

#include <QList>

#include "casework/records.h"
#include "familypage.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTreeWidget;

namespace earlyhelp::ui {

// The family's early help assessments, newest first, with a read-only view
// of the selected one: each assessed Supporting Families heading with its
// score, strengths and needs, and the child's and the family's voice.
// "New Assessment…" and "Open…" (Enter on the list) open an
// AssessmentEditor. "Delete…" (the Delete key) asks for confirmation, then
// marks the assessment deleted, so that it can be restored for
// restoreWindowDays.
class AssessmentsPage : public FamilyPage {
    Q_OBJECT

public:
    explicit AssessmentsPage(QWidget* parent = nullptr);

    // Keeps the selected assessment selected when it is still listed.
    void showFamily(CaseSession* session, const QString& familyId) override;
    void clearFamily() override;

    void newAssessment();
    // Opens the selected assessment in an editor, or does nothing when none is
    // selected.
    void openSelected();
    // Asks for confirmation to delete the selected assessment, or does nothing
    // when none is selected.
    void deleteSelected();

private:
    void reload(const QString& selectId);
    void showAssessments(const QList<Assessment>& assessments, const QString& selectId);
    void showDetail();
    void showListError(const QString& message);
    void updateButtons();
    void deleteAssessment(const QString& id);
    [[nodiscard]] const Assessment* selectedAssessment() const;

    CaseSession* m_session = nullptr;
    QString m_familyId;
    QList<Assessment> m_assessments;
    // The family last shown and its selected assessment, kept through
    // clearFamily() so that showing the family again keeps the selection.
    QString m_lastFamilyId;
    QString m_lastSelectedId;

    QPushButton* m_newButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QTreeWidget* m_list = nullptr;
    QTextBrowser* m_detail = nullptr;
};

} // namespace earlyhelp::ui
