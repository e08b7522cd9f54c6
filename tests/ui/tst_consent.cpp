// The Consent tab on real widgets over a real encrypted store: recording a
// consent, withdrawing it, recording a decision to share without consent,
// undo in the consent editor, deleting, and what a read-only user may do.

#include <algorithm>
#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUuid>

#include "cases/casedirectory.h"
#include "casework/consentrepository.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/consenteditors.h"
#include "ui/consentpage.h"
#include "ui/displaytext.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

QPushButton* saveButton(QWidget* editor) {
    auto* buttons = child<QDialogButtonBox>(editor, QStringLiteral("editorButtonBox"));
    return buttons ? buttons->button(QDialogButtonBox::Save) : nullptr;
}

// Ticks or clears a check box from the keyboard, as a user tabbing through
// the form would.
void toggle(QWidget* editor, const QString& objectName) {
    auto* box = child<QCheckBox>(editor, objectName);
    QVERIFY(box);
    QTest::keyClick(box, Qt::Key_Space);
}

void chooseData(QComboBox* comboBox, const QString& value) {
    const int index = comboBox->findData(value);
    QVERIFY2(index >= 0, qPrintable(value));
    comboBox->setCurrentIndex(index);
}

// Returns the text of row's cell in the column headed header.
QString cellText(const QTreeWidget* tree, int row, const QString& header) {
    const QTreeWidgetItem* item = tree->topLevelItem(row);
    const QTreeWidgetItem* headers = tree->headerItem();
    for (int column = 0; item && column < tree->columnCount(); ++column) {
        if (headers->text(column) == header)
            return item->text(column);
    }
    qWarning("no row %d or no column %s", row, qPrintable(header));
    return {};
}

// Returns the tooltip of row's cell in the column headed header.
QString cellToolTip(const QTreeWidget* tree, int row, const QString& header) {
    const QTreeWidgetItem* item = tree->topLevelItem(row);
    const QTreeWidgetItem* headers = tree->headerItem();
    for (int column = 0; item && column < tree->columnCount(); ++column) {
        if (headers->text(column) == header)
            return item->toolTip(column);
    }
    qWarning("no row %d or no column %s", row, qPrintable(header));
    return {};
}

void clickRow(QTreeWidget* tree, int row) {
    QTreeWidgetItem* item = tree->topLevelItem(row);
    QVERIFY(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
    QVERIFY(item->isSelected());
}

} // namespace

class TestConsent : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void consentGivenThenWithdrawn();
    void sharingDecisionRecorded();
    void sharingDecisionNeedsRecipientAndPurpose();
    void sharingDecisionUndoRecipient();
    void oldDecisionCoversNothing();
    void undoRestoresLoadedConsent();
    void consentWithoutPurposeStaysOpen();
    void youngPersonConsentsForThemself();
    void reviewDueShown();
    void deleteAsksThenRemoves();
    void readOnlyUserCannotChange();

private:
    void openPage(const access::Actor& actor);
    [[nodiscard]] Consent sampleConsent() const;
    [[nodiscard]] QTreeWidget* consentTree() const;
    [[nodiscard]] QString consentState(int row) const;

    QTemporaryDir m_dir;
    int m_storeNumber = 0;
    std::unique_ptr<CaseSession> m_session;
    std::unique_ptr<ConsentPage> m_page;
    QString m_familyId;
    QString m_amaraId;
    QString m_theoId;
    QString m_joannaId;
    QDate m_today;
};

void TestConsent::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
}

void TestConsent::init() {
    openPage(leadActor());
}

void TestConsent::cleanup() {
    if (m_page)
        m_page->clearFamily();
    m_page.reset();
    m_session.reset();
}

// Sets up a new store with the test pupils, opens it as actor, and shows the
// Fenwick family's Consent tab. Every write the session reports reloads the
// tab, as the family view does in the app.
void TestConsent::openPage(const access::Actor& actor) {
    cleanup();
    const QString path = m_dir.filePath(QStringLiteral("consent-%1.ehstore").arg(++m_storeNumber));
    Result<std::unique_ptr<Store>> store = makeCaseStore(path);
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), actor);
    m_today = m_session->today();

    Result<QList<FamilySummary>> families = m_session->directory().families(QStringLiteral("Fenwick"));
    QVERIFY(families.has_value());
    QCOMPARE(families->size(), 1);
    m_familyId = families->first().id;
    Result<FamilyDetail> family = m_session->directory().family(m_familyId);
    QVERIFY(family.has_value());
    for (const FamilyMember& member : family->members) {
        const QString name = member.person.displayName();
        if (name == u"Amara Fenwick")
            m_amaraId = member.person.id;
        else if (name == u"Theo Fenwick")
            m_theoId = member.person.id;
        else if (name == u"Joanna Fenwick")
            m_joannaId = member.person.id;
    }
    QVERIFY(!m_amaraId.isEmpty());
    QVERIFY(!m_theoId.isEmpty());
    QVERIFY(!m_joannaId.isEmpty());

    m_page = std::make_unique<ConsentPage>();
    m_page->resize(1100, 600);
    connect(m_session.get(), &CaseSession::familyChanged, m_page.get(),
            [this](const QString& familyId) { m_page->showFamily(m_session.get(), familyId); });
    m_page->showFamily(m_session.get(), m_familyId);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

Consent TestConsent::sampleConsent() const {
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_amaraId;
    consent.givenByPersonId = m_joannaId;
    consent.capacity = ConsentCapacity::ParentalResponsibility;
    consent.purposes = {QStringLiteral("safeguarding")};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("school")}};
    consent.dataCategories = {DataCategory::Personal};
    consent.method = ConsentMethod::Written;
    consent.givenDate = m_today.addDays(-30);
    return consent;
}

QTreeWidget* TestConsent::consentTree() const {
    return m_page->findChild<QTreeWidget*>(QStringLiteral("consentTreeWidget"));
}

QString TestConsent::consentState(int row) const {
    return cellText(consentTree(), row, QStringLiteral("State"));
}

void TestConsent::consentGivenThenWithdrawn() {
    QTreeWidget* tree = consentTree();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 0);

    // Joanna Fenwick consents for Amara.
    auto* recordButton = child<QPushButton>(m_page.get(), QStringLiteral("recordConsentButton"));
    QVERIFY(recordButton && recordButton->isEnabled());
    QTest::mouseClick(recordButton, Qt::LeftButton);
    QPointer<ConsentEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<ConsentEditor*>(QStringLiteral("consentEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());

    auto* subject = child<QComboBox>(editor, QStringLiteral("subjectComboBox"));
    auto* givenBy = child<QComboBox>(editor, QStringLiteral("givenByComboBox"));
    auto* capacity = child<QLabel>(editor, QStringLiteral("capacityLabel"));
    QVERIFY(subject && givenBy && capacity);
    chooseData(subject, m_amaraId);
    chooseData(givenBy, m_joannaId);
    QCOMPARE(capacity->text(), QStringLiteral("Capacity: parental responsibility for %1.")
                                   .arg(isolated(QStringLiteral("Amara Fenwick"))));

    toggle(editor, QStringLiteral("safeguardingPurposeCheckBox"));
    toggle(editor, QStringLiteral("healthServicesPurposeCheckBox"));
    toggle(editor, QStringLiteral("healthRecipientCheckBox"));
    toggle(editor, QStringLiteral("childrensTrustRecipientCheckBox"));
    toggle(editor, QStringLiteral("personalDataCheckBox"));
    toggle(editor, QStringLiteral("specialCategoryDataCheckBox"));
    auto* givenDate = child<QDateEdit>(editor, QStringLiteral("givenDateEdit"));
    QVERIFY(givenDate);
    QCOMPARE(givenDate->date(), m_today);
    QCOMPARE(givenDate->displayFormat(), QStringLiteral("dd/MM/yyyy"));
    givenDate->setDate(m_today.addDays(-14));
    toggle(editor, QStringLiteral("reviewCheckBox"));
    auto* reviewDate = child<QDateEdit>(editor, QStringLiteral("reviewDateEdit"));
    QVERIFY(reviewDate && reviewDate->isEnabled());
    reviewDate->setDate(m_today.addMonths(6));

    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY(editor.isNull());

    Result<QList<Consent>> stored = m_session->consents().consentsForPerson(m_amaraId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 1);
    const Consent given = stored->first();
    QCOMPARE(given.familyId, m_familyId);
    QCOMPARE(given.givenByPersonId, m_joannaId);
    QCOMPARE(given.capacity, ConsentCapacity::ParentalResponsibility);
    QCOMPARE(given.purposes,
             QStringList({QStringLiteral("safeguarding"), QStringLiteral("health_services")}));
    const QList<ConsentRecipient> recipients = {
        ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("childrens_trust")},
        ConsentRecipient{ConsentRecipient::Kind::PartyType, QStringLiteral("health")}};
    QCOMPARE(given.recipients, recipients);
    QCOMPARE(given.dataCategories,
             QList<DataCategory>({DataCategory::Personal, DataCategory::SpecialCategory}));
    QCOMPARE(given.method, ConsentMethod::Written);
    QCOMPARE(given.givenDate, m_today.addDays(-14));
    QCOMPARE(given.reviewDate, m_today.addMonths(6));
    QVERIFY(!given.withdrawnDate.isValid());

    // The tab lists it as active.
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(cellText(tree, 0, QStringLiteral("For")), QStringLiteral("Amara Fenwick"));
    const QString givenByText = cellText(tree, 0, QStringLiteral("Given by"));
    QVERIFY2(givenByText.contains(u"Joanna Fenwick"), qPrintable(givenByText));
    QVERIFY2(givenByText.contains(u"parental responsibility"), qPrintable(givenByText));
    QCOMPARE(cellText(tree, 0, QStringLiteral("Given")), m_today.addDays(-14).toString(u"dd/MM/yyyy"));
    QCOMPARE(consentState(0), QStringLiteral("Active"));

    // Withdrawn through the Withdraw dialog.
    clickRow(tree, 0);
    auto* withdrawButton = child<QPushButton>(m_page.get(), QStringLiteral("withdrawConsentButton"));
    QVERIFY(withdrawButton && withdrawButton->isEnabled());
    QTest::mouseClick(withdrawButton, Qt::LeftButton);
    QPointer<WithdrawConsentDialog> withdraw;
    QTRY_VERIFY((withdraw = m_page->findChild<WithdrawConsentDialog*>(
                     QStringLiteral("withdrawConsentDialog"))) != nullptr);
    QTRY_VERIFY(withdraw->isVisible());
    auto* withdrawnBy = child<QComboBox>(withdraw, QStringLiteral("withdrawnByComboBox"));
    auto* withdrawnDate = child<QDateEdit>(withdraw, QStringLiteral("withdrawnDateEdit"));
    QVERIFY(withdrawnBy && withdrawnDate);
    QCOMPARE(withdrawnBy->currentText(), QStringLiteral("Joanna Fenwick"));
    QCOMPARE(withdrawnDate->date(), m_today);
    QTest::mouseClick(saveButton(withdraw), Qt::LeftButton);
    QTRY_VERIFY(withdraw.isNull());

    Result<Consent> withdrawn = m_session->consents().consent(given.meta.id);
    QVERIFY(withdrawn.has_value());
    QCOMPARE(withdrawn->withdrawnDate, m_today);
    QCOMPARE(withdrawn->withdrawnBy, QStringLiteral("Joanna Fenwick"));

    // It stays listed, says when and by whom, and cannot be withdrawn again.
    QTRY_COMPARE(consentState(0),
                 QStringLiteral("Withdrawn on %1 by %2")
                     .arg(m_today.toString(u"dd/MM/yyyy"), isolated(QStringLiteral("Joanna Fenwick"))));
    QCOMPARE(tree->topLevelItemCount(), 1);
    QVERIFY(tree->topLevelItem(0)->isSelected());
    QVERIFY(!withdrawButton->isEnabled());
}

void TestConsent::sharingDecisionRecorded() {
    auto* recordButton = child<QPushButton>(m_page.get(), QStringLiteral("recordSharingDecisionButton"));
    QVERIFY(recordButton && recordButton->isEnabled());
    QTest::mouseClick(recordButton, Qt::LeftButton);
    QPointer<SharingDecisionEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<SharingDecisionEditor*>(
                     QStringLiteral("sharingDecisionEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());

    auto* about = child<QComboBox>(editor, QStringLiteral("aboutComboBox"));
    auto* recipient = child<QComboBox>(editor, QStringLiteral("recipientComboBox"));
    auto* purpose = child<QComboBox>(editor, QStringLiteral("purposeComboBox"));
    auto* basis = child<QComboBox>(editor, QStringLiteral("lawfulBasisComboBox"));
    auto* condition = child<QComboBox>(editor, QStringLiteral("conditionComboBox"));
    auto* justification = child<QPlainTextEdit>(editor, QStringLiteral("justificationPlainTextEdit"));
    auto* decidedBy = child<QLineEdit>(editor, QStringLiteral("decidedByLineEdit"));
    auto* date = child<QDateEdit>(editor, QStringLiteral("decisionDateEdit"));
    QVERIFY(about && recipient && purpose && basis && condition && justification && decidedBy && date);

    // A school shares under public task, and the decider is the user. The
    // recipient and purpose start unchosen, so the user has to pick them.
    QCOMPARE(basis->currentText(), ConsentVocabulary::lawfulBasisLabel(QStringLiteral("art6_1_e")));
    QCOMPARE(decidedBy->text(), leadActor().user);
    QCOMPARE(date->date(), m_today);
    QCOMPARE(recipient->currentData().toString(), QString());
    QCOMPARE(purpose->currentData().toString(), QString());

    // Each has a label with a mnemonic whose buddy it is.
    for (QComboBox* comboBox : {recipient, purpose}) {
        const QList<QLabel*> labels = editor->findChildren<QLabel*>();
        const auto label = std::ranges::find(labels, comboBox, [](const QLabel* l) { return l->buddy(); });
        QVERIFY2(label != labels.end(), qPrintable(comboBox->objectName()));
        QVERIFY2((*label)->text().contains(u'&'), qPrintable((*label)->text()));
        QVERIFY(!comboBox->accessibleName().isEmpty());
    }
    QCOMPARE(recipient->accessibleName(), QStringLiteral("Recipient"));
    QCOMPARE(purpose->accessibleName(), QStringLiteral("Purpose"));

    chooseData(about, m_theoId);
    chooseData(recipient, QStringLiteral("health"));
    chooseData(purpose, QStringLiteral("safeguarding"));
    chooseData(condition, QStringLiteral("art9_2_g_sch1_para18"));
    const QString reason = QStringLiteral("Asking the family would place Theo at risk of significant harm.");
    QTest::mouseClick(justification->viewport(), Qt::LeftButton);
    QTest::keyClicks(justification, reason);
    date->setDate(m_today.addDays(-1));

    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY(editor.isNull());

    Result<QList<SharingDecision>> stored = m_session->consents().sharingDecisionsForFamily(m_familyId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 1);
    const SharingDecision& decision = stored->first();
    QCOMPARE(decision.familyId, m_familyId);
    QCOMPARE(decision.personId, m_theoId);
    QCOMPARE(decision.recipientPartyType, QStringLiteral("health"));
    QCOMPARE(decision.purpose, QStringLiteral("safeguarding"));
    QCOMPARE(decision.lawfulBasis, QStringLiteral("art6_1_e"));
    QCOMPARE(decision.condition, QStringLiteral("art9_2_g_sch1_para18"));
    QCOMPARE(decision.justification, reason);
    QCOMPARE(decision.decidedBy, leadActor().user);
    QCOMPARE(decision.date, m_today.addDays(-1));

    auto* tree = child<QTreeWidget>(m_page.get(), QStringLiteral("sharingDecisionTreeWidget"));
    QVERIFY(tree);
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(cellText(tree, 0, QStringLiteral("Date")), m_today.addDays(-1).toString(u"dd/MM/yyyy"));
    QCOMPARE(cellText(tree, 0, QStringLiteral("About")), QStringLiteral("Theo Fenwick"));
    QCOMPARE(cellText(tree, 0, QStringLiteral("Covers")), QStringLiteral("Health services for safeguarding"));
    QCOMPARE(cellText(tree, 0, QStringLiteral("Lawful basis")),
             ConsentVocabulary::lawfulBasisLabel(QStringLiteral("art6_1_e")));
    QCOMPARE(cellText(tree, 0, QStringLiteral("Justification")), reason);
    QCOMPARE(cellText(tree, 0, QStringLiteral("Decided by")), leadActor().user);

    // Enter on the row opens the decision with its values.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualItemRect(tree->topLevelItem(0)).center());
    QTest::keyClick(tree, Qt::Key_Return);
    QTRY_VERIFY((editor = m_page->findChild<SharingDecisionEditor*>(
                     QStringLiteral("sharingDecisionEditor"))) != nullptr);
    QCOMPARE(child<QComboBox>(editor, QStringLiteral("aboutComboBox"))->currentData().toString(), m_theoId);
    QCOMPARE(child<QComboBox>(editor, QStringLiteral("recipientComboBox"))->currentData().toString(),
             QStringLiteral("health"));
    QCOMPARE(child<QComboBox>(editor, QStringLiteral("purposeComboBox"))->currentData().toString(),
             QStringLiteral("safeguarding"));
    QCOMPARE(child<QComboBox>(editor, QStringLiteral("conditionComboBox"))->currentText(),
             ConsentVocabulary::conditionLabel(QStringLiteral("art9_2_g_sch1_para18")));
    QCOMPARE(child<QPlainTextEdit>(editor, QStringLiteral("justificationPlainTextEdit"))->toPlainText(),
             reason);
    QVERIFY(!editor->isModified());
    editor->reject();
    QTRY_VERIFY(editor.isNull());
}

void TestConsent::sharingDecisionNeedsRecipientAndPurpose() {
    QTest::mouseClick(child<QPushButton>(m_page.get(), QStringLiteral("recordSharingDecisionButton")),
                      Qt::LeftButton);
    QPointer<SharingDecisionEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<SharingDecisionEditor*>(
                     QStringLiteral("sharingDecisionEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());
    auto* justification = child<QPlainTextEdit>(editor, QStringLiteral("justificationPlainTextEdit"));
    QVERIFY(justification);
    QTest::mouseClick(justification->viewport(), Qt::LeftButton);
    QTest::keyClicks(justification, QStringLiteral("Risk of harm"));

    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    auto* error = child<QLabel>(editor, QStringLiteral("editorErrorLabel"));
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(QStringLiteral("The sharing decision names no recipient.")),
             qPrintable(error->text()));
    QVERIFY(!editor.isNull());

    chooseData(child<QComboBox>(editor, QStringLiteral("recipientComboBox")), QStringLiteral("police"));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY2(error->text().startsWith(QStringLiteral("The sharing decision names no purpose.")),
                 qPrintable(error->text()));
    Result<QList<SharingDecision>> stored = m_session->consents().sharingDecisionsForFamily(m_familyId);
    QVERIFY(stored.has_value());
    QVERIFY(stored->isEmpty());

    chooseData(child<QComboBox>(editor, QStringLiteral("purposeComboBox")), QStringLiteral("social_care"));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY(editor.isNull());
    stored = m_session->consents().sharingDecisionsForFamily(m_familyId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().recipientPartyType, QStringLiteral("police"));
    QCOMPARE(stored->first().purpose, QStringLiteral("social_care"));
}

void TestConsent::sharingDecisionUndoRecipient() {
    QTest::mouseClick(child<QPushButton>(m_page.get(), QStringLiteral("recordSharingDecisionButton")),
                      Qt::LeftButton);
    QPointer<SharingDecisionEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<SharingDecisionEditor*>(
                     QStringLiteral("sharingDecisionEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());
    auto* recipient = child<QComboBox>(editor, QStringLiteral("recipientComboBox"));
    auto* purpose = child<QComboBox>(editor, QStringLiteral("purposeComboBox"));
    QVERIFY(recipient && purpose);
    QVERIFY(!editor->isModified());

    chooseData(recipient, QStringLiteral("school"));
    chooseData(purpose, QStringLiteral("health_services"));
    QCOMPARE(editor->undoStack()->count(), 2);
    QVERIFY(editor->isModified());

    QTest::keyClick(purpose, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(purpose->currentData().toString(), QString());
    QCOMPARE(recipient->currentData().toString(), QStringLiteral("school"));
    QTest::keyClick(purpose, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(recipient->currentData().toString(), QString());
    QVERIFY(!editor->isModified());

    QTest::keyClick(purpose, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(recipient->currentData().toString(), QStringLiteral("school"));
    QVERIFY(editor->isModified());

    bool unsavedChangesShown = false;
    QTimer::singleShot(0, editor, [&unsavedChangesShown, editor] {
        auto* question = editor->findChild<QMessageBox*>(QStringLiteral("unsavedChangesMessageBox"));
        unsavedChangesShown = question != nullptr;
        if (question)
            question->button(QMessageBox::Discard)->click();
    });
    editor->reject();
    QVERIFY(unsavedChangesShown);
    QTRY_VERIFY(editor.isNull());
}

void TestConsent::oldDecisionCoversNothing() {
    // A decision as schema version 3 wrote it: no recipient or purpose.
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlQuery insert(m_session->store().database());
        insert.prepare(QStringLiteral(
            "INSERT INTO sharing_decision (id, org_id, revision, created_at, updated_at, family_id, "
            "person_id, "
            "lawful_basis, condition, justification, decided_by, decision_date) SELECT ?, id, 1, "
            "'2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z', ?, ?, 'art6_1_e', '', 'Risk of harm', "
            "'DSL', ? FROM organisation WHERE is_local = 1"));
        insert.addBindValue(id);
        insert.addBindValue(m_familyId);
        insert.addBindValue(m_amaraId);
        insert.addBindValue(m_today.addDays(-10).toString(Qt::ISODate));
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        QCOMPARE(insert.numRowsAffected(), 1);
    }
    m_session->notifyFamilyChanged(m_familyId);

    auto* tree = child<QTreeWidget>(m_page.get(), QStringLiteral("sharingDecisionTreeWidget"));
    QVERIFY(tree);
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(cellText(tree, 0, QStringLiteral("Covers")), QStringLiteral("Nothing until edited"));
    QVERIFY2(cellToolTip(tree, 0, QStringLiteral("Covers")).contains(QStringLiteral("allows no sharing")),
             qPrintable(cellToolTip(tree, 0, QStringLiteral("Covers"))));

    clickRow(tree, 0);
    QTest::keyClick(tree, Qt::Key_Return);
    QPointer<SharingDecisionEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<SharingDecisionEditor*>(
                     QStringLiteral("sharingDecisionEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());
    auto* recipient = child<QComboBox>(editor, QStringLiteral("recipientComboBox"));
    auto* purpose = child<QComboBox>(editor, QStringLiteral("purposeComboBox"));
    QCOMPARE(recipient->currentData().toString(), QString());
    QCOMPARE(purpose->currentData().toString(), QString());
    QVERIFY(!editor->isModified());

    chooseData(recipient, QStringLiteral("childrens_trust"));
    chooseData(purpose, QStringLiteral("safeguarding"));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY(editor.isNull());

    Result<SharingDecision> stored = m_session->consents().sharingDecision(id);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->recipientPartyType, QStringLiteral("childrens_trust"));
    QCOMPARE(stored->purpose, QStringLiteral("safeguarding"));
    QCOMPARE(stored->personId, m_amaraId);
    QTRY_COMPARE(cellText(tree, 0, QStringLiteral("Covers")),
                 QStringLiteral("Children's trust for safeguarding"));
}

void TestConsent::undoRestoresLoadedConsent() {
    Result<Consent> created = m_session->consents().createConsent(m_session->actor(), sampleConsent());
    QVERIFY(created.has_value());
    m_session->notifyFamilyChanged(m_familyId);
    QTreeWidget* tree = consentTree();
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    clickRow(tree, 0);
    QTest::mouseClick(child<QPushButton>(m_page.get(), QStringLiteral("openConsentRecordButton")),
                      Qt::LeftButton);
    QPointer<ConsentEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<ConsentEditor*>(QStringLiteral("consentEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());

    auto* socialCare = child<QCheckBox>(editor, QStringLiteral("socialCarePurposeCheckBox"));
    auto* safeguarding = child<QCheckBox>(editor, QStringLiteral("safeguardingPurposeCheckBox"));
    auto* school = child<QCheckBox>(editor, QStringLiteral("schoolRecipientCheckBox"));
    auto* personal = child<QCheckBox>(editor, QStringLiteral("personalDataCheckBox"));
    auto* method = child<QComboBox>(editor, QStringLiteral("methodComboBox"));
    auto* givenDate = child<QDateEdit>(editor, QStringLiteral("givenDateEdit"));
    auto* givenBy = child<QComboBox>(editor, QStringLiteral("givenByComboBox"));
    QVERIFY(socialCare && safeguarding && school && personal && method && givenDate && givenBy);

    // The loaded values.
    const QString loadedMethod = method->currentText();
    QVERIFY(safeguarding->isChecked());
    QVERIFY(!socialCare->isChecked());
    QVERIFY(school->isChecked());
    QVERIFY(personal->isChecked());
    QCOMPARE(givenDate->date(), m_today.addDays(-30));
    QCOMPARE(givenBy->currentData().toString(), m_joannaId);
    QVERIFY(!editor->isModified());

    // Four edits, then four undos from the keyboard.
    QTest::keyClick(socialCare, Qt::Key_Space);
    QTest::keyClick(personal, Qt::Key_Space);
    method->setCurrentIndex(method->findData(int(ConsentMethod::Verbal)));
    givenDate->setDate(m_today.addDays(-2));
    QVERIFY(editor->isModified());
    QCOMPARE(editor->undoStack()->count(), 4);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(method, Qt::Key_Z, Qt::ControlModifier);

    QVERIFY(!socialCare->isChecked());
    QVERIFY(safeguarding->isChecked());
    QVERIFY(personal->isChecked());
    QCOMPARE(method->currentText(), loadedMethod);
    QCOMPARE(givenDate->date(), m_today.addDays(-30));
    QVERIFY(!editor->isModified());

    // Redo puts the first edit back.
    QTest::keyClick(method, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(socialCare->isChecked());
    QVERIFY(editor->isModified());

    // Discarding leaves the stored consent as it was.
    bool unsavedChangesShown = false;
    QTimer::singleShot(0, editor, [&unsavedChangesShown, editor] {
        auto* question = editor->findChild<QMessageBox*>(QStringLiteral("unsavedChangesMessageBox"));
        unsavedChangesShown = question != nullptr;
        if (question)
            question->button(QMessageBox::Discard)->click();
    });
    editor->reject();
    QVERIFY(unsavedChangesShown);
    QTRY_VERIFY(editor.isNull());
    Result<Consent> stored = m_session->consents().consent(created->meta.id);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->meta.revision, 1);
    QCOMPARE(stored->purposes, QStringList{QStringLiteral("safeguarding")});
}

void TestConsent::consentWithoutPurposeStaysOpen() {
    QTest::mouseClick(child<QPushButton>(m_page.get(), QStringLiteral("recordConsentButton")),
                      Qt::LeftButton);
    QPointer<ConsentEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<ConsentEditor*>(QStringLiteral("consentEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());

    chooseData(child<QComboBox>(editor, QStringLiteral("subjectComboBox")), m_amaraId);
    chooseData(child<QComboBox>(editor, QStringLiteral("givenByComboBox")), m_joannaId);
    toggle(editor, QStringLiteral("healthRecipientCheckBox"));
    toggle(editor, QStringLiteral("personalDataCheckBox"));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);

    auto* error = child<QLabel>(editor, QStringLiteral("editorErrorLabel"));
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(),
             QStringLiteral("The consent has no purpose. Enter what the information may be shared for."));
    QVERIFY(!editor.isNull());
    QVERIFY(editor->isVisible());
    Result<QList<Consent>> stored = m_session->consents().consentsForPerson(m_amaraId);
    QVERIFY(stored.has_value());
    QVERIFY(stored->isEmpty());

    // Ticking a purpose lets the same form save.
    toggle(editor, QStringLiteral("safeguardingPurposeCheckBox"));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY(editor.isNull());
    stored = m_session->consents().consentsForPerson(m_amaraId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 1);
}

void TestConsent::youngPersonConsentsForThemself() {
    QTest::mouseClick(child<QPushButton>(m_page.get(), QStringLiteral("recordConsentButton")),
                      Qt::LeftButton);
    QPointer<ConsentEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<ConsentEditor*>(QStringLiteral("consentEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());

    // Only adults with parental responsibility, then the young person, are
    // offered: Amara's grandfather Derek is not.
    auto* givenBy = child<QComboBox>(editor, QStringLiteral("givenByComboBox"));
    QVERIFY(givenBy);
    QCOMPARE(givenBy->count(), 2);
    QCOMPARE(givenBy->itemData(0).toString(), m_joannaId);
    QVERIFY(givenBy->findText(QStringLiteral("Derek Fenwick")) < 0);

    chooseData(child<QComboBox>(editor, QStringLiteral("subjectComboBox")), m_theoId);
    givenBy->setCurrentIndex(givenBy->count() - 1);
    auto* capacity = child<QLabel>(editor, QStringLiteral("capacityLabel"));
    QVERIFY(capacity);
    QVERIFY2(capacity->text().startsWith(u"Capacity: competent young person."), qPrintable(capacity->text()));
    toggle(editor, QStringLiteral("healthServicesPurposeCheckBox"));
    toggle(editor, QStringLiteral("healthRecipientCheckBox"));
    toggle(editor, QStringLiteral("specialCategoryDataCheckBox"));
    auto* method = child<QComboBox>(editor, QStringLiteral("methodComboBox"));
    QVERIFY(method);
    method->setCurrentIndex(method->findData(int(ConsentMethod::Verbal)));
    QTest::mouseClick(saveButton(editor), Qt::LeftButton);
    QTRY_VERIFY(editor.isNull());

    Result<QList<Consent>> stored = m_session->consents().consentsForPerson(m_theoId);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().givenByPersonId, m_theoId);
    QCOMPARE(stored->first().capacity, ConsentCapacity::CompetentYoungPerson);
    QCOMPARE(stored->first().method, ConsentMethod::Verbal);
    QCOMPARE(stored->first().purposes, QStringList{QStringLiteral("health_services")});
    QVERIFY(!stored->first().reviewDate.isValid());
}

void TestConsent::reviewDueShown() {
    Consent due = sampleConsent();
    due.reviewDate = m_today;
    QVERIFY(m_session->consents().createConsent(m_session->actor(), due).has_value());
    Consent ownConsent = sampleConsent();
    ownConsent.subjectPersonId = m_theoId;
    ownConsent.givenByPersonId = m_theoId;
    ownConsent.capacity = ConsentCapacity::CompetentYoungPerson;
    ownConsent.givenDate = m_today.addDays(-60);
    ownConsent.reviewDate = m_today.addDays(1);
    QVERIFY(m_session->consents().createConsent(m_session->actor(), ownConsent).has_value());
    m_session->notifyFamilyChanged(m_familyId);

    // Newest first: Amara's (review today, so due), then Theo's own.
    QTRY_COMPARE(consentTree()->topLevelItemCount(), 2);
    QCOMPARE(cellText(consentTree(), 0, QStringLiteral("For")), QStringLiteral("Amara Fenwick"));
    QCOMPARE(consentState(0), QStringLiteral("Review due"));
    QCOMPARE(cellText(consentTree(), 1, QStringLiteral("For")), QStringLiteral("Theo Fenwick"));
    const QString givenBy = cellText(consentTree(), 1, QStringLiteral("Given by"));
    QVERIFY2(givenBy.contains(u"competent young person"), qPrintable(givenBy));
    QCOMPARE(consentState(1), QStringLiteral("Active"));
}

void TestConsent::deleteAsksThenRemoves() {
    Result<Consent> created = m_session->consents().createConsent(m_session->actor(), sampleConsent());
    QVERIFY(created.has_value());
    m_session->notifyFamilyChanged(m_familyId);
    QTreeWidget* tree = consentTree();
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    clickRow(tree, 0);

    // The Delete key asks for confirmation first, and Cancel keeps the consent.
    QTest::keyClick(tree, Qt::Key_Delete);
    QPointer<QMessageBox> question;
    QTRY_VERIFY((question = m_page->findChild<QMessageBox*>(
                     QStringLiteral("deleteConsentRecordMessageBox"))) != nullptr);
    QTRY_VERIFY(question->isVisible());
    QVERIFY2(question->text().contains(u"Amara Fenwick"), qPrintable(question->text()));
    QCOMPARE(question->informativeText(),
             QStringLiteral("It can be restored from Case › Deleted Items for 30 days."));
    question->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(question.isNull());
    QVERIFY(m_session->consents().consent(created->meta.id).has_value());

    QTest::mouseClick(child<QPushButton>(m_page.get(), QStringLiteral("deleteConsentRecordButton")),
                      Qt::LeftButton);
    QTRY_VERIFY((question = m_page->findChild<QMessageBox*>(
                     QStringLiteral("deleteConsentRecordMessageBox"))) != nullptr);
    question->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(tree->topLevelItemCount(), 0);
    Result<Consent> removedConsent = m_session->consents().consent(created->meta.id);
    QVERIFY(!removedConsent.has_value());
    QCOMPARE(removedConsent.error().code, ErrorCode::NotFound);

    // The deleted consent can be restored.
    QVERIFY(m_session->consents().restoreConsent(m_session->actor(), created->meta.id).has_value());
    QVERIFY(m_session->consents().consent(created->meta.id).has_value());
}

void TestConsent::readOnlyUserCannotChange() {
    openPage(readOnlyActor());
    Result<Consent> created = m_session->consents().createConsent(leadActor(), sampleConsent());
    QVERIFY(created.has_value());
    m_session->notifyFamilyChanged(m_familyId);
    QTreeWidget* tree = consentTree();
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    clickRow(tree, 0);

    for (const QString& name :
         {QStringLiteral("recordConsentButton"), QStringLiteral("withdrawConsentButton"),
          QStringLiteral("recordSharingDecisionButton"), QStringLiteral("deleteConsentRecordButton")}) {
        auto* button = child<QPushButton>(m_page.get(), name);
        QVERIFY(button);
        QVERIFY2(!button->isEnabled(), qPrintable(name));
    }
    auto* openButton = child<QPushButton>(m_page.get(), QStringLiteral("openConsentRecordButton"));
    QVERIFY(openButton && openButton->isEnabled());

    // The consent opens for reading only.
    QTest::mouseClick(openButton, Qt::LeftButton);
    QPointer<ConsentEditor> editor;
    QTRY_VERIFY((editor = m_page->findChild<ConsentEditor*>(QStringLiteral("consentEditor"))) != nullptr);
    QTRY_VERIFY(editor->isVisible());
    QVERIFY(child<QLabel>(editor, QStringLiteral("readOnlyLabel"))->isVisible());
    QVERIFY(!child<QCheckBox>(editor, QStringLiteral("safeguardingPurposeCheckBox"))->isEnabled());
    QVERIFY(!child<QDateEdit>(editor, QStringLiteral("reviewDateEdit"))->isEnabled());
    QVERIFY(!saveButton(editor)->isEnabled());
    editor->reject();
    QTRY_VERIFY(editor.isNull());

    // Core refuses the same user's writes, whatever the screen allows.
    Result<Consent> written = m_session->consents().createConsent(readOnlyActor(), sampleConsent());
    QVERIFY(!written.has_value());
    QCOMPARE(written.error().code, ErrorCode::PermissionDenied);
    Result<Consent> withdrawn = m_session->consents().withdrawConsent(
        readOnlyActor(), created->meta.id, m_today, QStringLiteral("Joanna Fenwick"));
    QVERIFY(!withdrawn.has_value());
    QCOMPARE(withdrawn.error().code, ErrorCode::PermissionDenied);
    Result<Consent> unchanged = m_session->consents().consent(created->meta.id);
    QVERIFY(unchanged.has_value());
    QVERIFY(!unchanged->withdrawnDate.isValid());
}

QTEST_MAIN(TestConsent)
#include "tst_consent.moc"
