#pragma once

#include <QDialog>
#include <QString>

#include "sharing/sharinglog.h"

class QLabel;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace earlyhelp::ui {

class CaseSession;

// The "Sharing Log" of one person: a plain-language summary of who holds
// their information, then a tab per question. "Shared" has a row per
// recipient with the fields by data category, the dates, the clauses and
// the consent or sharing decision behind the sharing, and a row per
// safeguarding file sent to another school with its contents and receipt.
// "Received" lists the organisations whose records about the person this
// store holds and the safeguarding files imported from another school, and
// "Removed" what was purged or erased. Opening the dialog appends an audit
// View event. Readable by every role that may view cases; the session must
// outlive the dialog.
class SharingLogDialog : public QDialog {
    Q_OBJECT

public:
    SharingLogDialog(CaseSession* session, const QString& personId, QWidget* parent = nullptr);

    // The log on show. Empty when reading it failed.
    [[nodiscard]] const sharing::SharingLog& log() const { return m_log; }

private:
    void showShares();
    void showReceived();
    void showRemovals();
    void addRecipient(const sharing::RecipientShare& recipient);
    void addSentFile(const sharing::SchoolTransfer& transfer);
    static void addDetail(QTreeWidgetItem* parent, const QString& heading, const QString& text);

    CaseSession* m_session = nullptr;
    sharing::SharingLog m_log;

    QLabel* m_summaryLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_sharedTree = nullptr;
    QTreeWidget* m_receivedTree = nullptr;
    QTreeWidget* m_removedTree = nullptr;
};

} // namespace earlyhelp::ui
