#pragma once

#include <memory>
#include <optional>

#include <QDialog>
#include <QString>

#include "cases/personrepository.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;
class QTimer;
class QTreeWidget;

namespace earlyhelp::ui {

class CaseSession;

// Merges two records of one person. It starts from the person chosen in the
// People list and offers the people who may be the same person, or any
// other person found by a search. It shows both records side by side with
// the counts of their records, and the user chooses which record to keep.
// The merge asks for confirmation first and needs the DeleteRestore
// permission.
class MergePeopleDialog : public QDialog {
    Q_OBJECT

public:
    MergePeopleDialog(CaseSession* session, const QString& personId, QWidget* parent = nullptr);
    ~MergePeopleDialog() override;

    // Chooses the second person, as picking them from the list does.
    void setOtherPerson(const QString& personId);

private:
    void createWidgets();
    void loadFirstPerson(const QString& personId);
    void listCandidates();
    void showComparison();
    void updateButtons();
    void confirmMerge();
    void runMerge(const QString& keepId, const QString& mergeId);
    void showError(const QString& message);

    CaseSession* m_session = nullptr;
    std::unique_ptr<PersonRepository> m_people;
    std::optional<PersonProfile> m_first;
    std::optional<PersonProfile> m_second;

    QLabel* m_introLabel = nullptr;
    QLineEdit* m_searchEdit = nullptr;
    QTimer* m_searchTimer = nullptr;
    QTreeWidget* m_candidatesTree = nullptr;
    QTableWidget* m_comparisonTable = nullptr;
    QRadioButton* m_keepFirstRadio = nullptr;
    QRadioButton* m_keepSecondRadio = nullptr;
    QLabel* m_permissionLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPushButton* m_mergeButton = nullptr;
};

} // namespace earlyhelp::ui
