// The "Share With…" dialog on real widgets and a real store: which fields it
// shows as shareable or greyed out for a recipient and purpose, checked
// against core's share, and the preview against core's wire document.

#include <QAction>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include "cases/casedirectory.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "policy/signature.h"
#include "sharing/familyshare.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/consenteditors.h"
#include "ui/familyview.h"
#include "ui/mainwindow.h"
#include "ui/sharedialog.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

namespace {

enum Column { FieldColumn, ValueColumn, StatusColumn };

// Returns the tree item of field fieldId under the record whose id is
// recordId. The tree lists records in the order of the dialog's share.
QTreeWidgetItem* fieldItem(ShareDialog* dialog, const QString& recordId, const QString& fieldId) {
    auto* tree = dialog->findChild<QTreeWidget*>(u"shareFieldsTreeWidget"_s);
    const QList<sharing::RecordShare>& records = dialog->share().records;
    for (int row = 0; row < records.size(); ++row) {
        if (records.at(row).record.recordId != recordId)
            continue;
        QTreeWidgetItem* record = tree->topLevelItem(row);
        for (int child = 0; child < record->childCount(); ++child) {
            if (record->child(child)->data(FieldColumn, Qt::UserRole).toString() == fieldId)
                return record->child(child);
        }
    }
    return nullptr;
}

bool chooseCode(QComboBox* combo, const QString& code) {
    const int index = combo->findData(code);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

} // namespace

class TestShareDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void consentedFieldsShareable();
    void criminalNoteGreyedForHealth();
    void treeMatchesCore();
    void previewEqualsWireDocument();
    void notSignedUpGreysEverything();
    void escapeCloses();
    void personShareFromCaseMenu();

private:
    [[nodiscard]] static sharing::AgreementState signedUpState();
    // Opens the dialog from the family view's Share With… button.
    [[nodiscard]] ShareDialog* openFromFamilyView();
    [[nodiscard]] Result<sharing::Share> coreShare(const QString& recipient, const QString& purpose) const;
    void recordConsent(const QString& recipient, const QString& purpose,
                       const QList<DataCategory>& categories);
    void addCriminalNote();

    QTemporaryDir m_dir;
    int m_storeNumber = 0;
    std::unique_ptr<CaseSession> m_session;
    std::unique_ptr<FamilyView> m_view;
    QString m_familyId;
    QString m_amaraId;
    QString m_joannaId;
    QString m_criminalNoteId;
};

void TestShareDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
}

void TestShareDialog::init() {
    const QString path = m_dir.filePath(u"share-%1.ehstore"_s.arg(++m_storeNumber));
    Result<std::unique_ptr<Store>> store = makeCaseStore(path);
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());
    m_session->setAgreementState(signedUpState());
    QVERIFY(m_session->agreementState().inForce.has_value());

    Result<QList<FamilySummary>> families = m_session->directory().families(u"Fenwick"_s);
    QVERIFY(families.has_value());
    QCOMPARE(families->size(), 1);
    m_familyId = families->first().id;
    Result<FamilyDetail> family = m_session->directory().family(m_familyId);
    QVERIFY(family.has_value());
    for (const FamilyMember& member : family->members) {
        if (member.person.displayName() == u"Amara Fenwick")
            m_amaraId = member.person.id;
        else if (member.person.displayName() == u"Joanna Fenwick")
            m_joannaId = member.person.id;
    }
    QVERIFY(!m_amaraId.isEmpty());
    QVERIFY(!m_joannaId.isEmpty());

    m_view = std::make_unique<FamilyView>();
    m_view->setSession(m_session.get());
    m_view->showFamily(*family);
    m_view->resize(1000, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestShareDialog::cleanup() {
    m_view.reset();
    m_session.reset();
    m_criminalNoteId.clear();
}

sharing::AgreementState TestShareDialog::signedUpState() {
    sharing::AgreementState state;
    Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    if (!agreement) {
        qWarning("The bundled agreement did not load: %s", qUtf8Printable(agreement.error().message));
        return sharing::notSignedUpState();
    }
    state.inForce = *agreement;
    state.acceptance =
        sharing::Acceptance{agreement->version, u"Sam Patel"_s,   u"Designated safeguarding lead"_s,
                            QDate(2026, 11, 1), leadActor().user, u"2026-11-01T09:00:00Z"_s};
    return state;
}

ShareDialog* TestShareDialog::openFromFamilyView() {
    QPushButton* button = m_view->shareButton();
    if (!button || !button->isVisible() || !button->isEnabled()) {
        qWarning("The Share With button is not there to click.");
        return nullptr;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    auto* dialog = m_view->findChild<ShareDialog*>(u"shareDialog"_s);
    if (dialog && !dialog->isVisible())
        qWarning("The share dialog is not shown.");
    return dialog;
}

Result<sharing::Share> TestShareDialog::coreShare(const QString& recipient, const QString& purpose) const {
    Result<QList<sharing::ShareRecord>> records =
        sharing::collectFamilyRecords(m_session->store(), m_familyId);
    if (!records)
        return std::unexpected(records.error());
    return sharing::buildShare(m_session->store(), *records, m_session->agreementState(),
                               policy::SharingRecipient{recipient, {}}, purpose, m_session->today());
}

void TestShareDialog::recordConsent(const QString& recipient, const QString& purpose,
                                    const QList<DataCategory>& categories) {
    Consent consent;
    consent.familyId = m_familyId;
    consent.subjectPersonId = m_amaraId;
    consent.givenByPersonId = m_joannaId;
    consent.capacity = ConsentCapacity::ParentalResponsibility;
    consent.purposes = {purpose};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, recipient}};
    consent.dataCategories = categories;
    consent.method = ConsentMethod::Written;
    consent.givenDate = m_session->today().addDays(-7);
    Result<Consent> created = m_session->consents().createConsent(leadActor(), consent);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
}

void TestShareDialog::addCriminalNote() {
    CaseNote note;
    note.familyId = m_familyId;
    note.personId = m_amaraId;
    note.date = m_session->today().addDays(-2);
    note.author = u"Sam Patel"_s;
    note.type = u"other"_s;
    note.text = u"Amara's older cousin was cautioned for shoplifting with her present."_s;
    note.category = DataCategory::CriminalOffence;
    Result<CaseNote> created = m_session->notes().create(leadActor(), note);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    m_criminalNoteId = created->meta.id;
}

void TestShareDialog::consentedFieldsShareable() {
    recordConsent(u"childrens_trust"_s, u"safeguarding"_s, {DataCategory::Personal});

    ShareDialog* dialog = openFromFamilyView();
    QVERIFY(dialog);
    auto* recipient = child<QComboBox>(dialog, u"shareRecipientComboBox"_s);
    auto* purpose = child<QComboBox>(dialog, u"sharePurposeComboBox"_s);
    QVERIFY(recipient && purpose);
    QVERIFY(chooseCode(recipient, u"childrens_trust"_s));
    QVERIFY(chooseCode(purpose, u"safeguarding"_s));
    QCOMPARE(recipient->currentText(), u"Children's trust"_s);
    QCOMPARE(dialog->share().recipient.partyType, u"childrens_trust"_s);
    QCOMPARE(dialog->share().purpose, u"safeguarding"_s);

    Result<sharing::Share> expected = coreShare(u"childrens_trust"_s, u"safeguarding"_s);
    QVERIFY2(expected, expected ? "" : qPrintable(expected.error().message));
    QVERIFY(expected->sharedFieldCount() > 0);
    QCOMPARE(dialog->share().sharedFieldCount(), expected->sharedFieldCount());

    for (const QString& fieldId :
         {u"person.legalForename"_s, u"person.legalSurname"_s, u"person.dateOfBirth"_s}) {
        QTreeWidgetItem* item = fieldItem(dialog, m_amaraId, fieldId);
        QVERIFY2(item, qPrintable(fieldId));
        QCOMPARE(item->text(StatusColumn), u"Shared"_s);
        QVERIFY2(item->toolTip(FieldColumn).contains(u"S-childrens-trust-personal"_s),
                 qPrintable(item->toolTip(FieldColumn)));
        QVERIFY(item->toolTip(FieldColumn).contains(u"Lawful basis"_s));
        QCOMPARE(
            item->foreground(FieldColumn).color(),
            dialog->findChild<QTreeWidget*>(u"shareFieldsTreeWidget"_s)->palette().color(QPalette::Text));
    }
    QTreeWidgetItem* birth = fieldItem(dialog, m_amaraId, u"person.dateOfBirth"_s);
    QVERIFY(QDate::fromString(birth->text(ValueColumn), u"dd/MM/yyyy").isValid());

    // Joanna gave consent for Amara, so her own record stays withheld.
    QTreeWidgetItem* joanna = fieldItem(dialog, m_joannaId, u"person.legalForename"_s);
    QVERIFY(joanna);
    QCOMPARE(joanna->text(StatusColumn), u"Withheld"_s);

    auto* count = child<QLabel>(dialog, u"shareCountLabel"_s);
    // Through tr(), because the numerus form comes from the translation.
    QCOMPARE(count->text(),
             ShareDialog::tr("%1 of %n field(s) can be shared", nullptr, expected->fieldCount())
                 .arg(expected->sharedFieldCount()));
}

void TestShareDialog::criminalNoteGreyedForHealth() {
    recordConsent(u"health"_s, u"health_services"_s,
                  {DataCategory::Personal, DataCategory::SpecialCategory, DataCategory::CriminalOffence});
    addCriminalNote();

    ShareDialog* dialog = openFromFamilyView();
    QVERIFY(dialog);
    QVERIFY(chooseCode(child<QComboBox>(dialog, u"shareRecipientComboBox"_s), u"health"_s));
    QVERIFY(chooseCode(child<QComboBox>(dialog, u"sharePurposeComboBox"_s), u"health_services"_s));

    // Core withholds the note's text under the clause that never allows it.
    Result<sharing::Share> expected = coreShare(u"health"_s, u"health_services"_s);
    QVERIFY2(expected, expected ? "" : qPrintable(expected.error().message));
    QString clause;
    for (const sharing::RecordShare& record : std::as_const(expected->records)) {
        if (record.record.recordId != m_criminalNoteId)
            continue;
        for (const policy::WithheldField& field : record.payload.withheld) {
            if (field.fieldId == u"caseNote.text")
                clause = field.clauseId;
        }
    }
    QCOMPARE(clause, u"H-health-criminal"_s);

    QTreeWidgetItem* text = fieldItem(dialog, m_criminalNoteId, u"caseNote.text"_s);
    QVERIFY(text);
    QCOMPARE(text->text(StatusColumn), u"Withheld"_s);
    QVERIFY2(text->toolTip(FieldColumn).contains(clause), qPrintable(text->toolTip(FieldColumn)));
    QCOMPARE(text->data(FieldColumn, Qt::AccessibleDescriptionRole).toString(), text->toolTip(FieldColumn));
    const QColor normal =
        dialog->findChild<QTreeWidget*>(u"shareFieldsTreeWidget"_s)->palette().color(QPalette::Text);
    QVERIFY(text->foreground(FieldColumn).color() != normal);
    QVERIFY(text->foreground(ValueColumn).color() != normal);

    // The tree shows the category's label, where the preview sends its code.
    QTreeWidgetItem* category = fieldItem(dialog, m_criminalNoteId, u"caseNote.category"_s);
    QVERIFY(category);
    QCOMPARE(category->text(ValueColumn),
             ConsentVocabulary::dataCategoryLabel(DataCategory::CriminalOffence));
    QVERIFY(category->text(ValueColumn) != u"criminal_offence"_s);

    // Amara's name is personal data with her consent, so it goes.
    QTreeWidgetItem* name = fieldItem(dialog, m_amaraId, u"person.legalForename"_s);
    QVERIFY(name);
    QCOMPARE(name->text(StatusColumn), u"Shared"_s);
}

void TestShareDialog::treeMatchesCore() {
    recordConsent(u"childrens_trust"_s, u"safeguarding"_s, {DataCategory::Personal});
    addCriminalNote();

    ShareDialog* dialog = openFromFamilyView();
    QVERIFY(dialog);
    QVERIFY(chooseCode(child<QComboBox>(dialog, u"shareRecipientComboBox"_s), u"childrens_trust"_s));
    QVERIFY(chooseCode(child<QComboBox>(dialog, u"sharePurposeComboBox"_s), u"safeguarding"_s));
    Result<sharing::Share> expected = coreShare(u"childrens_trust"_s, u"safeguarding"_s);
    QVERIFY2(expected, expected ? "" : qPrintable(expected.error().message));

    auto* tree = child<QTreeWidget>(dialog, u"shareFieldsTreeWidget"_s);
    QCOMPARE(tree->topLevelItemCount(), expected->records.size());
    for (const sharing::RecordShare& record : std::as_const(expected->records)) {
        for (const policy::SharedField& field : record.payload.shared) {
            QTreeWidgetItem* item = fieldItem(dialog, record.record.recordId, field.fieldId);
            QVERIFY2(item, qPrintable(field.fieldId));
            QCOMPARE(item->text(StatusColumn), u"Shared"_s);
        }
        for (const policy::WithheldField& field : record.payload.withheld) {
            QTreeWidgetItem* item = fieldItem(dialog, record.record.recordId, field.fieldId);
            QVERIFY2(item, qPrintable(field.fieldId));
            QCOMPARE(item->text(StatusColumn), u"Withheld"_s);
            QVERIFY2(item->toolTip(FieldColumn).startsWith(field.reason),
                     qPrintable(item->toolTip(FieldColumn)));
        }
        QTreeWidgetItem* recordItem =
            fieldItem(dialog, record.record.recordId, record.record.fields.firstKey());
        QVERIFY(recordItem);
        QCOMPARE(recordItem->parent()->childCount(), record.record.fields.size());
    }
}

void TestShareDialog::previewEqualsWireDocument() {
    recordConsent(u"childrens_trust"_s, u"safeguarding"_s, {DataCategory::Personal});
    addCriminalNote();

    ShareDialog* dialog = openFromFamilyView();
    QVERIFY(dialog);
    QVERIFY(chooseCode(child<QComboBox>(dialog, u"shareRecipientComboBox"_s), u"childrens_trust"_s));
    QVERIFY(chooseCode(child<QComboBox>(dialog, u"sharePurposeComboBox"_s), u"safeguarding"_s));
    Result<sharing::Share> expected = coreShare(u"childrens_trust"_s, u"safeguarding"_s);
    QVERIFY2(expected, expected ? "" : qPrintable(expected.error().message));

    auto* preview = child<QPlainTextEdit>(dialog, u"sharePreviewPlainTextEdit"_s);
    QVERIFY(preview);
    QVERIFY(preview->isReadOnly());
    const QByteArray wire = QJsonDocument(sharing::wireDocument(*expected)).toJson(QJsonDocument::Indented);
    QCOMPARE(preview->toPlainText(), QString::fromUtf8(wire));
    QVERIFY(preview->toPlainText().contains(u"\"person.legalForename\": \"Amara\""_s));
    // The criminal offence note needs a decision to share without consent,
    // which there is none of, so its text is withheld and never previewed.
    // Its date, author and type are personal data that Amara's consent
    // covers, so the record itself is sent.
    QVERIFY(!preview->toPlainText().contains(u"shoplifting"_s));
    const QJsonArray records =
        QJsonDocument::fromJson(preview->toPlainText().toUtf8()).object().value(u"records"_s).toArray();
    bool noteSent = false;
    for (const QJsonValue& record : records) {
        if (record.toObject().value(u"id"_s).toString() != m_criminalNoteId)
            continue;
        noteSent = true;
        const QJsonObject values = record.toObject().value(u"values"_s).toObject();
        QVERIFY(values.contains(u"caseNote.date"_s));
        QVERIFY(!values.contains(u"caseNote.text"_s));
    }
    QVERIFY(noteSent);
}

void TestShareDialog::notSignedUpGreysEverything() {
    m_session->setAgreementState(sharing::notSignedUpState());
    recordConsent(u"childrens_trust"_s, u"safeguarding"_s, {DataCategory::Personal});

    ShareDialog* dialog = openFromFamilyView();
    QVERIFY(dialog);
    const QString reason = m_session->agreementState().unavailableReason;
    QVERIFY(!reason.isEmpty());

    auto* message = child<QLabel>(dialog, u"shareUnavailableLabel"_s);
    QVERIFY(message);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), reason);
    QVERIFY(!child<QComboBox>(dialog, u"shareRecipientComboBox"_s)->isEnabled());
    QCOMPARE(dialog->share().sharedFieldCount(), 0);
    QVERIFY(dialog->share().fieldCount() > 0);

    auto* tree = child<QTreeWidget>(dialog, u"shareFieldsTreeWidget"_s);
    int fields = 0;
    for (int row = 0; row < tree->topLevelItemCount(); ++row) {
        QTreeWidgetItem* record = tree->topLevelItem(row);
        for (int field = 0; field < record->childCount(); ++field) {
            QTreeWidgetItem* item = record->child(field);
            QCOMPARE(item->text(StatusColumn), u"Withheld"_s);
            QCOMPARE(item->toolTip(FieldColumn), reason);
            QCOMPARE(item->data(FieldColumn, Qt::AccessibleDescriptionRole).toString(), reason);
            QVERIFY(item->foreground(FieldColumn).color() != tree->palette().color(QPalette::Text));
            ++fields;
        }
    }
    QCOMPARE(fields, dialog->share().fieldCount());
    QCOMPARE(child<QLabel>(dialog, u"shareCountLabel"_s)->text(),
             ShareDialog::tr("%1 of %n field(s) can be shared", nullptr, fields).arg(0));
    QVERIFY(
        !child<QPlainTextEdit>(dialog, u"sharePreviewPlainTextEdit"_s)->toPlainText().contains(u"Amara"_s));
}

void TestShareDialog::escapeCloses() {
    // Ctrl+Shift+S opens the family's share, as the button's tool tip states.
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QTest::keyClick(m_view.get(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<ShareDialog> dialog = m_view->findChild<ShareDialog*>(u"shareDialog"_s);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog.data()));
    QVERIFY(dialog->isModal());
    QTest::keyClick(dialog.data(), Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());
}

void TestShareDialog::personShareFromCaseMenu() {
    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    MainWindow window(chooser);
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir.filePath(u"share-window.ehstore"_s));
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    window.openSession(std::move(*store), leadActor());
    window.session()->setAgreementState(signedUpState());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* action = window.findChild<QAction*>(u"sharePersonAction"_s);
    QVERIFY(action);
    QVERIFY2(!action->isEnabled(), "no person is selected yet");

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto* peopleSearch = child<QLineEdit>(&window, u"peopleSearchLineEdit"_s);
    auto* peopleView = child<QTreeView>(&window, u"peopleTreeView"_s);
    QVERIFY(peopleSearch && peopleView);
    QTest::keyClicks(peopleSearch, u"Amara"_s);
    QTRY_COMPARE(peopleView->model()->rowCount(), 1);
    peopleView->setCurrentIndex(peopleView->model()->index(0, 0));
    QTRY_VERIFY(action->isEnabled());

    QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    ShareDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<ShareDialog*>(u"shareDialog"_s)) != nullptr);

    Result<QList<FamilySummary>> families = window.session()->directory().families(u"Fenwick"_s);
    QVERIFY(families && !families->isEmpty());
    Result<FamilyDetail> family = window.session()->directory().family(families->first().id);
    QVERIFY(family.has_value());
    QString amaraId;
    for (const FamilyMember& member : family->members) {
        if (member.person.displayName() == u"Amara Fenwick")
            amaraId = member.person.id;
    }
    Result<QList<sharing::ShareRecord>> records =
        sharing::collectPersonRecords(window.session()->store(), amaraId);
    QVERIFY(records.has_value());
    QCOMPARE(dialog->share().records.size(), records->size());
    QCOMPARE(dialog->share().records.first().record.recordId, amaraId);
    delete dialog;
}

QTEST_MAIN(TestShareDialog)
#include "tst_sharedialog.moc"
