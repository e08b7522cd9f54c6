#pragma once

#include <QDialog>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>

#include "sync/synclocal.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace earlyhelp::ui {

class CaseSession;

// Tools › Conflicts…: the fields that this store and another organisation
// changed to different values, and the records sync removed because this
// organisation may no longer hold them.
//
// The first tab lists open conflicts: the record, the field, the value this
// store holds, the other side's organisation and value, and when the server
// found the conflict. "Keep This Value" and "Keep Theirs" settle the selected
// conflict through SyncLocal::resolveConflict(), which writes the chosen
// value and queues the change for the next push, and then emit
// conflictResolved() so that the window syncs. The second tab lists
// SyncLocal::purges().
class ConflictsDialog : public QDialog {
    Q_OBJECT

public:
    // session must outlive the dialog. ownServerOrganisationId is the sync
    // server's id of this store's organisation: a conflict whose other side
    // is this organisation itself (its pushed value lost) shows the server's
    // value as the other side instead.
    ConflictsDialog(CaseSession* session, QString ownServerOrganisationId, QWidget* parent = nullptr);

    // Reads the conflicts and purges again.
    void reload();

    // The text shown for a field value: dates as dd/MM/yyyy, true and false
    // as Yes and No, and "(empty)" for null.
    [[nodiscard]] static QString displayValue(const QJsonValue& value);

signals:
    // A conflict was settled; its change waits in the outbox.
    void conflictResolved(const QString& conflictId);

private:
    // The value and organisation name of the side that is not this store's.
    struct OtherSide {
        QJsonValue value;
        QString organisationName;
    };
    [[nodiscard]] OtherSide otherSide(const sync::SyncConflict& conflict) const;
    // The value this organisation holds or sent: what "Keep This Value" keeps.
    [[nodiscard]] QJsonValue thisSideValue(const sync::SyncConflict& conflict) const;
    [[nodiscard]] int selectedConflict() const;
    void resolveSelected(bool keepThisValue);
    void updateButtons();

    CaseSession* m_session = nullptr;
    QString m_ownServerOrganisationId;
    QList<sync::SyncConflict> m_conflicts;
    // Conflicts settled here whose change waits in the outbox. SyncLocal
    // keeps them open until the server confirms, so the list hides them.
    // NOTE: a new dialog lists them again until the next sync, because
    // SyncConflict does not say whether a choice is queued.
    QSet<QString> m_queuedConflictIds;

    QTabWidget* m_tabs = nullptr;
    QStackedWidget* m_conflictsStack = nullptr;
    QTreeWidget* m_conflictsTree = nullptr;
    QLabel* m_conflictsEmptyLabel = nullptr;
    QStackedWidget* m_purgesStack = nullptr;
    QTreeWidget* m_purgesTree = nullptr;
    QLabel* m_purgesEmptyLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QPushButton* m_keepThisButton = nullptr;
    QPushButton* m_keepTheirsButton = nullptr;
};

} // namespace earlyhelp::ui
