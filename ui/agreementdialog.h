#pragma once

#include <QDialog>

#include "common/result.h"
#include "policy/agreement.h"

class QLabel;
class QPushButton;
class QTextBrowser;

namespace earlyhelp::ui {

// Shows a Data Sharing Agreement read-only (by default the bundled one). It shows
// whether the signature verified, the title, version and notice, the purposes
// and data categories, and every rule as text grouped by purpose. When the
// agreement fails to load or verify, it shows core's error and nothing else.
class AgreementDialog : public QDialog {
    Q_OBJECT

public:
    // Loads the bundled agreement with policy::loadBundledAgreement().
    explicit AgreementDialog(QWidget* parent = nullptr);
    // Shows loaded, the result of loading and verifying an agreement.
    explicit AgreementDialog(const Result<policy::Agreement>& loaded, QWidget* parent = nullptr);

    // Shows status (whether the organisation signed up, and when) above the
    // agreement, and a button that emits signUpRequested() when buttonText is
    // not empty.
    void setSignUpStatus(const QString& status, const QString& buttonText);

signals:
    void signUpRequested();

private:
    [[nodiscard]] static QString agreementHtml(const policy::Agreement& agreement);
    [[nodiscard]] static QString ruleHtml(const policy::Agreement& agreement, const policy::Rule& rule);
    [[nodiscard]] static QString basisText(policy::ConsentBasis basis);

    QLabel* m_statusLabel = nullptr;
    QPushButton* m_signUpButton = nullptr;
    QTextBrowser* m_browser = nullptr;
};

} // namespace earlyhelp::ui
