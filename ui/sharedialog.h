#pragma once

#include <QDialog>
#include <QList>
#include <QString>

#include "sharing/familyshare.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace earlyhelp::ui {

class CaseSession;

// The "Share With…" dialog. For the recipient and purpose that the
// designated safeguarding lead chooses, it lists every field of a family's or
// a person's records as shareable or withheld, each withheld field with its
// reason and clause. It previews the document that sync would send, and
// sends nothing.
// Fields and preview both come from sharing::buildShare(), so the preview is
// exactly what sync sends for the same choice.
class ShareDialog : public QDialog {
    Q_OBJECT

public:
    enum class Scope { Family, Person };

    // Shares the records of the family or the person with id under the
    // session's agreement state, as of session->today().
    ShareDialog(CaseSession* session, Scope scope, const QString& id, QWidget* parent = nullptr);

    // The share on show. Its records are empty when reading the store failed.
    [[nodiscard]] const sharing::Share& share() const { return m_share; }
    // The recipient party type and purpose codes chosen, empty when no
    // agreement is in force.
    [[nodiscard]] QString recipientPartyType() const;
    [[nodiscard]] QString purpose() const;

private:
    void rebuild();
    void showFields();
    [[nodiscard]] QTreeWidgetItem* addRecord(const sharing::RecordShare& record);
    [[nodiscard]] QString sharedToolTip(const policy::Allowed& allowed) const;

    CaseSession* m_session = nullptr;
    QList<sharing::ShareRecord> m_records;
    sharing::Share m_share;
    QString m_senderPartyType;

    QLabel* m_unavailableLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QComboBox* m_recipientCombo = nullptr;
    QComboBox* m_purposeCombo = nullptr;
    QLabel* m_countLabel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_fieldsTree = nullptr;
    QPlainTextEdit* m_previewEdit = nullptr;
};

} // namespace earlyhelp::ui
