#pragma once

#include <QWidget>

#include "cases/casedirectory.h"

class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace earlyhelp::ui {

class CaseSession;
class FamilyPage;

// Shows one family: its name and status above tabs. The Members tab lists
// the members, children before adults. Under each member are their addresses
// (one line each), phone numbers and e-mail addresses, and for an adult how
// they stand to each child and whether they have parental responsibility.
// The other tabs are the family's case records: case status, assessments,
// plan, consent and chronology. The header's "Share With…" button opens the
// ShareDialog for the family on show.
class FamilyView : public QWidget {
    Q_OBJECT

public:
    explicit FamilyView(QWidget* parent = nullptr);

    // Sets the session whose records the case tabs read; nullptr before the
    // session closes.
    void setSession(CaseSession* session);
    // Reads the family on show again, keeping the current tab.
    void reload();

    void showFamily(const FamilyDetail& detail);
    // Shows a person whom no family includes.
    void showPersonWithoutFamily(const PersonSummary& person);
    // Shows why a family could not be read, in place of its members.
    void showError(const QString& message);
    // Removes everything shown and returns to the "choose a family" prompt.
    void clear();

    // The id of the family on show, or empty.
    [[nodiscard]] QString familyId() const { return m_familyId; }
    [[nodiscard]] QTreeWidget* membersTree() const { return m_membersTree; }
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] QPushButton* shareButton() const { return m_shareButton; }
    // The id of the member whose row, or a row under it, is current in the
    // members tree, or empty.
    [[nodiscard]] QString selectedPersonId() const;

private:
    void addMember(QTreeWidgetItem* section, const FamilyMember& member);
    QTreeWidgetItem* addSection(const QString& title);
    void showContent(bool visible);
    void openShareDialog();

    QLabel* m_titleLabel = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QLabel* m_lookedAfterLabel = nullptr;
    QLabel* m_placeholderLabel = nullptr;
    QPushButton* m_shareButton = nullptr;
    QTreeWidget* m_membersTree = nullptr;
    QTabWidget* m_tabs = nullptr;
    QList<FamilyPage*> m_pages;
    CaseSession* m_session = nullptr;
    QString m_familyId;
};

} // namespace earlyhelp::ui
