// Help › Policy and Agreement… on real widgets: the dialog shows the bundled
// agreement as core loads and verifies it, every rule by clause id, and in
// place of the content core's error when the signature does not verify.

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include "policy/signature.h"
#include "store/store.h"
#include "ui/agreementdialog.h"
#include "ui/consenteditors.h"
#include "ui/mainwindow.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

QByteArray readResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString browserText(const QWidget* dialog) {
    const auto* browser = dialog->findChild<QTextBrowser*>(QStringLiteral("agreementTextBrowser"));
    return browser ? browser->toPlainText() : QString();
}

} // namespace

class TestAgreementDialog : public QObject {
    Q_OBJECT

private slots:
    void showsVerifiedAgreement();
    void listsEveryRule();
    void showsOnlyErrorWhenSignatureFails();
    void escapeCloses();
    void menuOpensForReadOnlyRole();
};

void TestAgreementDialog::showsVerifiedAgreement() {
    const Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    QVERIFY2(agreement, agreement ? "" : qPrintable(agreement.error().message));

    AgreementDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* browser = dialog.findChild<QTextBrowser*>(QStringLiteral("agreementTextBrowser"));
    QVERIFY(browser);
    QVERIFY(browser->isReadOnly());
    QVERIFY(!browser->accessibleName().isEmpty());

    const QString text = browser->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("Signed by the Trust and verified")), qPrintable(text.left(400)));
    QVERIFY(text.contains(agreement->title));
    QVERIFY(text.contains(QStringLiteral("Version %1").arg(agreement->version)));
    QVERIFY(!agreement->notice.isEmpty());
    QVERIFY(text.contains(agreement->notice));
    QVERIFY(text.contains(QStringLiteral("data protection officers")));
    for (const policy::Purpose& purpose : agreement->purposes)
        QVERIFY2(text.contains(purpose.label), qPrintable(purpose.label));
    for (const policy::Category& category : agreement->categories)
        QVERIFY2(text.contains(category.label), qPrintable(category.label));
}

void TestAgreementDialog::listsEveryRule() {
    const Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    QVERIFY2(agreement, agreement ? "" : qPrintable(agreement.error().message));
    QVERIFY(!agreement->rules.isEmpty());

    AgreementDialog dialog(agreement);
    const QString text = browserText(&dialog);
    for (const policy::Rule& rule : agreement->rules) {
        QVERIFY2(text.contains(QStringLiteral("Clause ") + rule.clauseId), qPrintable(rule.clauseId));
        QVERIFY2(text.contains(rule.text), qPrintable(rule.clauseId));
        if (!rule.retention.isEmpty())
            QVERIFY2(text.contains(rule.retention), qPrintable(rule.clauseId));
        if (!rule.lawfulBasis.isEmpty())
            QVERIFY2(text.contains(ConsentVocabulary::lawfulBasisLabel(rule.lawfulBasis)),
                     qPrintable(rule.clauseId));
        if (!rule.condition.isEmpty())
            QVERIFY2(text.contains(ConsentVocabulary::conditionLabel(rule.condition)),
                     qPrintable(rule.clauseId));
    }

    // Each rule's clause sits between its purpose's heading and the next
    // purpose's heading, and the headings appear in the agreement's order.
    QList<qsizetype> headings;
    for (const policy::Purpose& purpose : agreement->purposes) {
        const qsizetype heading = text.indexOf(QStringLiteral("Rules for ") + purpose.label);
        QVERIFY2(heading >= 0, qPrintable(purpose.code));
        if (!headings.isEmpty())
            QVERIFY2(heading > headings.last(), qPrintable(purpose.code));
        headings += heading;
    }
    for (qsizetype index = 0; index < agreement->purposes.size(); ++index) {
        const qsizetype sectionStart = headings.at(index);
        const qsizetype sectionEnd = index + 1 < headings.size() ? headings.at(index + 1) : text.size();
        for (const policy::Rule& rule : agreement->rules) {
            if (rule.purpose != agreement->purposes.at(index).code)
                continue;
            const qsizetype clause =
                text.indexOf(QStringLiteral("Clause ") + rule.clauseId + u'\n', sectionStart);
            QVERIFY2(clause > sectionStart, qPrintable(rule.clauseId));
            QVERIFY2(clause < sectionEnd, qPrintable(rule.clauseId));
        }
    }
}

void TestAgreementDialog::showsOnlyErrorWhenSignatureFails() {
    QByteArray document = readResource(QStringLiteral(":/agreement/agreement-v1.json"));
    const QByteArray signature = readResource(QStringLiteral(":/agreement/agreement-v1.json.sig"));
    QVERIFY(!document.isEmpty());
    QVERIFY(!signature.isEmpty());
    document.replace("\"agreementVersion\": 1", "\"agreementVersion\": 2");

    const Result<policy::Agreement> tampered =
        policy::verifyAgreement(document, signature, policy::builtInTrustPublicKey());
    QVERIFY(!tampered);

    AgreementDialog dialog(tampered);
    const QString text = browserText(&dialog);
    QCOMPARE(text.trimmed(), tampered.error().message.trimmed());
    QVERIFY(!text.contains(QStringLiteral("verified")));
    QVERIFY(!text.contains(QStringLiteral("Clause ")));
}

void TestAgreementDialog::escapeCloses() {
    auto* dialog = new AgreementDialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<AgreementDialog> guard(dialog);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto* buttons = dialog->findChild<QDialogButtonBox*>(QStringLiteral("agreementButtonBox"));
    QVERIFY(buttons);
    QVERIFY(buttons->button(QDialogButtonBox::Close));

    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(guard.isNull());
}

void TestAgreementDialog::menuOpensForReadOnlyRole() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(dir.filePath(QStringLiteral("viewer.ehstore")));
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));

    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    MainWindow window(chooser);
    auto* action = window.findChild<QAction*>(QStringLiteral("agreementAction"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled());

    window.openSession(std::move(*store), readOnlyActor());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(action->isEnabled());

    action->trigger();
    QPointer<AgreementDialog> dialog = window.findChild<AgreementDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(browserText(dialog).contains(QStringLiteral("Signed by the Trust and verified")));

    window.lock();
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(!action->isEnabled());
}

QTEST_MAIN(TestAgreementDialog)
#include "tst_agreementdialog.moc"
