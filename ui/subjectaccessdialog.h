#pragma once

#include <QDialog>
#include <QHash>

#include "filechooser.h"
#include "subjectaccess/subjectaccess.h"
#include "subjectaccess/subjectaccessexport.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace earlyhelp::ui {

class CaseSession;

// Responds to a subject access request for one person: collects everything
// the store contains about them, lets the designated safeguarding lead withhold
// items with a reason and a note, and exports the rest as PDF or JSON. Each
// export is one audit event. Other roles see why they cannot, and nothing
// is collected. The session must outlive the dialog.
class SubjectAccessDialog : public QDialog {
    Q_OBJECT

public:
    SubjectAccessDialog(CaseSession* session, const QString& personId, FileChooser fileChooser,
                        QWidget* parent = nullptr);

    // The lead's decisions so far, by item id.
    [[nodiscard]] const subjectaccess::Review& review() const { return m_review; }
    [[nodiscard]] const subjectaccess::Collection& collection() const { return m_collection; }

private:
    void buildTree();
    void showCurrent();
    void storeCurrentDecision();
    void applyFilter();
    void updateCounts();
    void exportAs(subjectaccess::ExportKind kind);
    void selectItem(const QString& itemId);
    [[nodiscard]] QTreeWidgetItem* currentItemRow() const;
    void refreshRow(QTreeWidgetItem* row);

    CaseSession* m_session = nullptr;
    FileChooser m_fileChooser;
    subjectaccess::Collection m_collection;
    subjectaccess::Review m_review;
    bool m_showingCurrent = false; // set while showCurrent() fills the editors

    QLabel* m_countLabel = nullptr;
    QCheckBox* m_thirdPartyOnlyCheckBox = nullptr;
    QTreeWidget* m_tree = nullptr;
    QPlainTextEdit* m_textEdit = nullptr;
    QCheckBox* m_withholdCheckBox = nullptr;
    QComboBox* m_reasonComboBox = nullptr;
    QLineEdit* m_noteLineEdit = nullptr;
    QLabel* m_hintLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_exportPdfButton = nullptr;
    QPushButton* m_exportJsonButton = nullptr;
};

} // namespace earlyhelp::ui
