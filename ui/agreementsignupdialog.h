#pragma once

#include <QDialog>

#include "policy/agreement.h"

#include <optional>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace earlyhelp::ui {

class CaseSession;

// Records that the organisation signs up to a version of the Data Sharing
// Agreement: the signatory's name and role and the date they signed. When
// another version is in force it first lists, grouped by recipient and
// purpose, every field that becomes shareable, stops being shareable or
// changes terms, so the lead confirms knowing what changes. Accepted only
// through the store's agreement register, whose refusals show in the dialog.
class AgreementSignUpDialog : public QDialog {
    Q_OBJECT

public:
    AgreementSignUpDialog(CaseSession* session, QByteArray trustPublicKey, policy::Agreement pending,
                          std::optional<policy::Agreement> inForce, QWidget* parent = nullptr);

    // The number of field changes listed; 0 when no version is in force.
    [[nodiscard]] int changeCount() const { return m_changeCount; }

signals:
    // The organisation's acceptance was stored.
    void signedUp();
    // The user asked to read the pending agreement in full.
    void readAgreementRequested();

private:
    void fillChanges(const policy::Agreement& from);
    void showChangeDetails(QTreeWidgetItem* item);
    void updateConfirmButton();
    void confirm();

    CaseSession* m_session = nullptr;
    QByteArray m_trustPublicKey;
    policy::Agreement m_pending;
    int m_changeCount = 0;

    QTreeWidget* m_changesTree = nullptr;
    // The full terms before and after of the change selected in the tree.
    QLabel* m_changeDetails = nullptr;
    QLineEdit* m_nameEdit = nullptr;
    QLineEdit* m_roleEdit = nullptr;
    QDateEdit* m_dateEdit = nullptr;
    QCheckBox* m_confirmCheck = nullptr;
    QLabel* m_errorLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace earlyhelp::ui
