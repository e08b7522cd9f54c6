// Signing up to the Data Sharing Agreement, confirming a new version and
// refusing a badly signed file, on real widgets and a real store. Every
// agreement is signed in the test with a key pair it generates, and each
// outcome is read back through the store's AgreementRegister.

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "access/role.h"
#include "cases/casedirectory.h"
#include "casework/consentrepository.h"
#include "domain/fieldcatalogue.h"
#include "policy/signature.h"
#include "sharing/agreementregister.h"
#include "store/store.h"
#include "ui/agreementcontroller.h"
#include "ui/agreementsignupdialog.h"
#include "ui/appcontroller.h"
#include "ui/casesession.h"
#include "ui/mainwindow.h"
#include "ui/sharedialog.h"
#include "ui/translations.h"
#include "ui/unlockdialog.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

namespace {

// The columns of the changes tree and of the share dialog's fields tree.
enum ChangeColumn {
    ChangeFieldColumn,
    ChangeCategoryColumn,
    ChangeKindColumn,
    ChangeBeforeColumn,
    ChangeAfterColumn
};
enum ShareColumn { ShareFieldColumn, ShareValueColumn, ShareStatusColumn };

const QString newRetention = u"Kept for 2 years after the case closes, then deleted by the recipient."_s;

// A signed agreement document and its detached signature in text form.
struct SignedDocument {
    QByteArray document;
    QByteArray signature;
};

QByteArray bundledDocument() {
    QFile file(u":/agreement/agreement-v1.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

SignedDocument sign(const QByteArray& document, const SecretBytes& secretKey) {
    const Result<QByteArray> signature = policy::signDetached(document, secretKey);
    if (!signature)
        return {document, {}};
    return {document, policy::encodeKeyOrSignature(*signature)};
}

// Returns version 2 of the bundled agreement, with three rules changed.
// Personal data stops being shareable with the children's trust for
// safeguarding. Criminal offence data becomes shareable with the voluntary
// sector for safeguarding with consent. Special category data for health
// services keeps its rule with a shorter retention.
QByteArray versionTwoDocument() {
    QJsonObject root = QJsonDocument::fromJson(bundledDocument()).object();
    root[u"agreementVersion"_s] = 2;
    root[u"title"_s] =
        u"Birmingham collaborative Data Sharing Agreement: model rules for early help, version 2"_s;
    QJsonArray rules = root[u"rules"_s].toArray();
    for (qsizetype index = 0; index < rules.size(); ++index) {
        QJsonObject rule = rules.at(index).toObject();
        const QString clause = rule[u"clause"_s].toString();
        if (clause == u"S-childrens-trust-personal") {
            rule[u"basis"_s] = u"never"_s;
            rule.remove(u"lawfulBasis"_s);
            rule.remove(u"retention"_s);
            rule[u"text"_s] = u"Personal data is never shared with the children's trust for safeguarding."_s;
        } else if (clause == u"S-voluntary-sector-criminal") {
            rule[u"basis"_s] = u"consent"_s;
            rule[u"lawfulBasis"_s] = u"art6_1_f"_s;
            rule[u"condition"_s] = u"s10_5_sch1_para18"_s;
            rule[u"retention"_s] = u"As the recipient's own retention schedule."_s;
            rule[u"text"_s] = u"Criminal offence data may be shared with voluntary sector organisations for "
                              u"safeguarding only with the family's recorded consent."_s;
        } else if (clause == u"H-health-special") {
            rule[u"retention"_s] = newRetention;
        }
        rules[index] = rule;
    }
    root[u"rules"_s] = rules;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// One cell of the rule table that version 2 changes, and how.
struct ChangedCell {
    QString recipient;
    QString purpose;
    DataCategory category;
    QString kindText;
};

// Returns "recipient|purpose|fieldId|kind" for every field of the field
// catalogue in a changed cell, sorted. A field whose category is set per
// record belongs to every category.
QStringList expectedChangeRows(const QList<ChangedCell>& cells) {
    QStringList rows;
    for (const ChangedCell& cell : cells) {
        for (const FieldDefinition& field : fieldCatalogue()) {
            if (field.category && *field.category != cell.category)
                continue;
            rows += cell.recipient % u'|' % cell.purpose % u'|' % field.id.toString() % u'|' % cell.kindText;
        }
    }
    rows.sort();
    return rows;
}

// Returns the same rows as expectedChangeRows() read from the changes tree,
// whose groups carry "recipient\npurpose" and whose children carry field ids.
QStringList treeChangeRows(QTreeWidget* tree) {
    QStringList rows;
    for (int groupIndex = 0; groupIndex < tree->topLevelItemCount(); ++groupIndex) {
        QTreeWidgetItem* group = tree->topLevelItem(groupIndex);
        const QStringList key = group->data(ChangeFieldColumn, Qt::UserRole).toString().split(u'\n');
        if (key.size() != 2)
            return {u"malformed group key "_s + group->text(ChangeFieldColumn)};
        for (int index = 0; index < group->childCount(); ++index) {
            QTreeWidgetItem* item = group->child(index);
            rows += key.at(0) % u'|' % key.at(1) % u'|' %
                    item->data(ChangeFieldColumn, Qt::UserRole).toString() % u'|' %
                    item->text(ChangeKindColumn);
        }
    }
    rows.sort();
    return rows;
}

QTreeWidgetItem* findChangeRow(QTreeWidget* tree, const QString& groupKey, const QString& fieldId) {
    for (int groupIndex = 0; groupIndex < tree->topLevelItemCount(); ++groupIndex) {
        QTreeWidgetItem* group = tree->topLevelItem(groupIndex);
        if (group->data(ChangeFieldColumn, Qt::UserRole).toString() != groupKey)
            continue;
        for (int index = 0; index < group->childCount(); ++index) {
            if (group->child(index)->data(ChangeFieldColumn, Qt::UserRole).toString() == fieldId)
                return group->child(index);
        }
    }
    return nullptr;
}

// Returns the share dialog's row of fieldId under the record recordId.
QTreeWidgetItem* shareFieldItem(ShareDialog* dialog, const QString& recordId, const QString& fieldId) {
    auto* tree = dialog->findChild<QTreeWidget*>(u"shareFieldsTreeWidget"_s);
    const QList<sharing::RecordShare>& records = dialog->share().records;
    for (int row = 0; row < records.size() && row < tree->topLevelItemCount(); ++row) {
        if (records.at(row).record.recordId != recordId)
            continue;
        QTreeWidgetItem* record = tree->topLevelItem(row);
        for (int index = 0; index < record->childCount(); ++index) {
            if (record->child(index)->data(ShareFieldColumn, Qt::UserRole).toString() == fieldId)
                return record->child(index);
        }
    }
    return nullptr;
}

bool chooseCode(QComboBox* combo, const QString& code) {
    const int index = combo ? combo->findData(code) : -1;
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

// Returns the mnemonic letters that more than one visible button or label
// of dialog uses, so Alt+letter reaches one control only.
QStringList mnemonicClashes(QWidget* dialog) {
    QStringList texts;
    for (QAbstractButton* button : dialog->findChildren<QAbstractButton*>()) {
        if (button->isVisibleTo(dialog))
            texts += button->text();
    }
    for (QLabel* label : dialog->findChildren<QLabel*>()) {
        if (label->isVisibleTo(dialog) && label->buddy())
            texts += label->text();
    }
    QStringList seen;
    QStringList clashes;
    for (const QString& text : std::as_const(texts)) {
        const qsizetype at = text.indexOf(u'&');
        if (at < 0 || at + 1 >= text.size())
            continue;
        const QString letter = text.at(at + 1).toLower();
        if (seen.contains(letter))
            clashes += letter + u" in "_s + text;
        seen += letter;
    }
    return clashes;
}

access::Actor caseworkerActor() {
    return access::Actor{u"Casey Morgan"_s, access::roleCode(access::Role::Caseworker)};
}

template <typename T> T* findTopLevel(const QString& objectName) {
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (auto* found = qobject_cast<T*>(widget); found && found->objectName() == objectName)
            return found;
    }
    return nullptr;
}

#define VERIFY_OK(expression)                                                                                \
    do {                                                                                                     \
        const auto& checked = (expression);                                                                  \
        QVERIFY2(bool(checked), qUtf8Printable(bool(checked) ? QString() : checked.error().message));        \
    } while (false)

} // namespace

class TestAgreementSignUp : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void leadSignsUp();
    void otherRolesCannotSignUp_data();
    void otherRolesCannotSignUp();
    void newVersionWaitsForConfirmation();
    void refusedFileAtStart_data();
    void refusedFileAtStart();

private:
    // Sets up a store with the fictional school's pupils at a new path.
    [[nodiscard]] std::unique_ptr<Store> newStore();
    void installAndAccept(Store& store, const SignedDocument& signedDocument, int version);
    // Opens store in a new main window as actor, offering the agreement offered.
    void openWindow(std::unique_ptr<Store> store, const access::Actor& actor, const SignedDocument& offered);
    [[nodiscard]] sharing::AgreementRegister storeRegister() const {
        return sharing::AgreementRegister(m_window->session()->store(), m_keys.publicKey);
    }
    [[nodiscard]] AgreementSignUpDialog* clickBannerButton();
    // Fills in the sign-up dialog with a valid acceptance and confirms it.
    void signUp(AgreementSignUpDialog* dialog, const QString& name, const QString& role, QDate signedDate);

    QTemporaryDir m_dir;
    int m_storeNumber = 0;
    QString m_storePath;
    policy::SigningKeyPair m_keys;
    SignedDocument m_versionOne;
    SignedDocument m_versionTwo;
    std::unique_ptr<MainWindow> m_window;
};

void TestAgreementSignUp::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
    QVERIFY(!bundledDocument().isEmpty());

    Result<policy::SigningKeyPair> keys = policy::generateSigningKeyPair();
    VERIFY_OK(keys);
    m_keys = std::move(*keys);
    m_versionOne = sign(bundledDocument(), m_keys.secretKey);
    m_versionTwo = sign(versionTwoDocument(), m_keys.secretKey);

    const Result<policy::Agreement> two =
        policy::verifyAgreement(m_versionTwo.document, m_versionTwo.signature, m_keys.publicKey);
    VERIFY_OK(two);
    QCOMPARE(two->version, 2);
}

void TestAgreementSignUp::cleanup() {
    m_window.reset();
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (widget->objectName() == u"agreementRefusedMessageBox")
            delete widget;
    }
}

std::unique_ptr<Store> TestAgreementSignUp::newStore() {
    m_storePath = m_dir.filePath(u"signup-%1.ehstore"_s.arg(++m_storeNumber));
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_storePath);
    if (!store) {
        qWarning("The test store could not be set up: %s", qUtf8Printable(store.error().message));
        return nullptr;
    }
    return std::move(*store);
}

void TestAgreementSignUp::installAndAccept(Store& store, const SignedDocument& signedDocument, int version) {
    sharing::AgreementRegister agreementRegister(store, m_keys.publicKey);
    VERIFY_OK(agreementRegister.install(leadActor(), signedDocument.document, signedDocument.signature));
    VERIFY_OK(agreementRegister.accept(leadActor(), version, u"Sam Patel"_s, u"Headteacher"_s,
                                       QDate::currentDate().addDays(-10), QDate::currentDate()));
}

void TestAgreementSignUp::openWindow(std::unique_ptr<Store> store, const access::Actor& actor,
                                     const SignedDocument& offered) {
    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    m_window = std::make_unique<MainWindow>(chooser);
    m_window->setAgreementSource(
        AgreementSource{m_keys.publicKey,
                        policy::SignedAgreementFile{u"offered.json"_s, offered.document, offered.signature}});
    m_window->openSession(std::move(store), actor);
    m_window->resize(1100, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

AgreementSignUpDialog* TestAgreementSignUp::clickBannerButton() {
    auto* button = m_window->findChild<QPushButton*>(u"agreementBannerButton"_s);
    if (!button || !button->isVisible()) {
        qWarning("The banner has no sign-up button to click.");
        return nullptr;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    auto* dialog = m_window->findChild<AgreementSignUpDialog*>(u"agreementSignUpDialog"_s);
    if (dialog && !dialog->isVisible())
        qWarning("The sign-up dialog is not shown.");
    return dialog;
}

void TestAgreementSignUp::signUp(AgreementSignUpDialog* dialog, const QString& name, const QString& role,
                                 QDate signedDate) {
    auto* nameEdit = child<QLineEdit>(dialog, u"signatoryNameEdit"_s);
    auto* roleEdit = child<QLineEdit>(dialog, u"signatoryRoleEdit"_s);
    auto* dateEdit = child<QDateEdit>(dialog, u"signedDateEdit"_s);
    auto* acceptBox = child<QCheckBox>(dialog, u"acceptAgreementCheckBox"_s);
    auto* buttons = child<QDialogButtonBox>(dialog, u"agreementSignUpButtons"_s);
    QVERIFY(nameEdit && roleEdit && dateEdit && acceptBox && buttons);
    nameEdit->clear();
    QTest::keyClicks(nameEdit, name);
    roleEdit->clear();
    QTest::keyClicks(roleEdit, role);
    dateEdit->setDate(signedDate);
    acceptBox->setChecked(true);
    QPushButton* confirm = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
}

void TestAgreementSignUp::leadSignsUp() {
    std::unique_ptr<Store> store = newStore();
    QVERIFY(store);
    openWindow(std::move(store), leadActor(), m_versionOne);
    CaseSession* session = m_window->session();
    QVERIFY(session);

    // Nothing is accepted, so the banner shows why nothing can be shared.
    auto* banner = child<QWidget>(m_window.get(), u"agreementBanner"_s);
    auto* bannerLabel = child<QLabel>(m_window.get(), u"agreementBannerLabel"_s);
    auto* bannerButton = child<QPushButton>(m_window.get(), u"agreementBannerButton"_s);
    QVERIFY(banner && bannerLabel && bannerButton);
    QVERIFY(banner->isVisible());
    QVERIFY2(bannerLabel->text().contains(sharing::notSignedUpState().unavailableReason),
             qUtf8Printable(bannerLabel->text()));
    QVERIFY(bannerButton->isVisible());
    QCOMPARE(bannerButton->text(), AgreementController::tr("S&ign Up\u2026"));
    QVERIFY(!session->agreementState().inForce);

    sharing::AgreementRegister agreementRegister = storeRegister();
    QVERIFY(!agreementRegister.state().inForce);
    const Result<std::optional<policy::Agreement>> pending = agreementRegister.pending();
    VERIFY_OK(pending);
    QVERIFY(pending->has_value());
    QCOMPARE((*pending)->version, 1);

    // The viewer offers the lead the same sign-up.
    QWidget* viewer = m_window->agreements()->openViewer();
    QVERIFY(viewer);
    auto* viewerButton = child<QPushButton>(viewer, u"agreementSignUpButton"_s);
    QVERIFY(viewerButton);
    QVERIFY(viewerButton->isVisible());
    QCOMPARE(child<QLabel>(viewer, u"agreementStatusLabel"_s)->text(),
             sharing::notSignedUpState().unavailableReason);
    delete viewer;

    AgreementSignUpDialog* dialog = clickBannerButton();
    QVERIFY(dialog);
    QCOMPARE(dialog->changeCount(), 0);
    QCOMPARE(mnemonicClashes(dialog), QStringList());
    QVERIFY(!dialog->findChild<QTreeWidget*>(u"agreementChangesTree"_s));

    // Sign Up stays disabled until name, role and the confirmation are given.
    auto* nameEdit = child<QLineEdit>(dialog, u"signatoryNameEdit"_s);
    auto* roleEdit = child<QLineEdit>(dialog, u"signatoryRoleEdit"_s);
    auto* dateEdit = child<QDateEdit>(dialog, u"signedDateEdit"_s);
    auto* acceptBox = child<QCheckBox>(dialog, u"acceptAgreementCheckBox"_s);
    auto* buttons = child<QDialogButtonBox>(dialog, u"agreementSignUpButtons"_s);
    auto* errorLabel = child<QLabel>(dialog, u"agreementSignUpError"_s);
    QVERIFY(nameEdit && roleEdit && dateEdit && acceptBox && buttons && errorLabel);
    QPushButton* confirm = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(nameEdit, u"Priya Shah"_s);
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(roleEdit, u"   "_s);
    acceptBox->setChecked(true);
    QVERIFY2(!confirm->isEnabled(), "A role of spaces only is not a role.");
    QTest::keyClicks(roleEdit, u"Headteacher"_s);
    QVERIFY(confirm->isEnabled());
    acceptBox->setChecked(false);
    QVERIFY(!confirm->isEnabled());
    acceptBox->setChecked(true);
    QVERIFY(confirm->isEnabled());

    // A date after today is rejected by core, whose message the dialog shows.
    const QDate today = session->today();
    const QDate tomorrow = today.addDays(1);
    dateEdit->setDate(tomorrow);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(errorLabel->isVisible());
    const Result<sharing::Acceptance> rejected =
        agreementRegister.accept(leadActor(), 1, u"Priya Shah"_s, u"Headteacher"_s, tomorrow, today);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::InvalidInput);
    QCOMPARE(errorLabel->text(), rejected.error().message);
    QVERIFY2(errorLabel->text().contains(tomorrow.toString(u"dd/MM/yyyy")),
             qUtf8Printable(errorLabel->text()));
    const Result<QList<sharing::Acceptance>> none = agreementRegister.acceptances();
    VERIFY_OK(none);
    QVERIFY(none->isEmpty());
    QVERIFY(!session->agreementState().inForce);

    // A valid sign-up is stored and takes effect at once.
    const QDate signedDate = today.addDays(-3);
    dateEdit->setDate(signedDate);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<AgreementSignUpDialog*>(u"agreementSignUpDialog"_s));

    const Result<QList<sharing::Acceptance>> stored = agreementRegister.acceptances();
    VERIFY_OK(stored);
    QCOMPARE(stored->size(), 1);
    const sharing::Acceptance& acceptance = stored->first();
    QCOMPARE(acceptance.version, 1);
    QCOMPARE(acceptance.signatoryName, u"Priya Shah"_s);
    QCOMPARE(acceptance.signatoryRole, u"Headteacher"_s);
    QCOMPARE(acceptance.signedDate, signedDate);
    QCOMPARE(acceptance.recordedBy, leadActor().user);
    const sharing::AgreementState coreState = agreementRegister.state();
    QVERIFY(coreState.inForce);
    QCOMPARE(coreState.inForce->version, 1);

    QVERIFY(session->agreementState().inForce);
    QCOMPARE(session->agreementState().inForce->version, 1);
    QVERIFY(session->agreementState().acceptance);
    QCOMPARE(session->agreementState().acceptance->signatoryName, u"Priya Shah"_s);
    QVERIFY(session->agreementState().unavailableReason.isEmpty());
    QVERIFY(banner->isHidden());

    // The viewer now shows who signed up and when, and offers nothing to sign.
    viewer = m_window->agreements()->openViewer();
    QVERIFY(viewer);
    const QString status = child<QLabel>(viewer, u"agreementStatusLabel"_s)->text();
    QVERIFY2(status.contains(u"Priya Shah"_s), qUtf8Printable(status));
    QVERIFY2(status.contains(signedDate.toString(u"dd/MM/yyyy")), qUtf8Printable(status));
    QVERIFY(child<QPushButton>(viewer, u"agreementSignUpButton"_s)->isHidden());
    delete viewer;
}

void TestAgreementSignUp::otherRolesCannotSignUp_data() {
    QTest::addColumn<access::Actor>("actor");
    QTest::newRow("read-only") << readOnlyActor();
    QTest::newRow("caseworker") << caseworkerActor();
}

void TestAgreementSignUp::otherRolesCannotSignUp() {
    QFETCH(access::Actor, actor);
    std::unique_ptr<Store> store = newStore();
    QVERIFY(store);
    openWindow(std::move(store), actor, m_versionOne);

    auto* banner = child<QWidget>(m_window.get(), u"agreementBanner"_s);
    auto* bannerLabel = child<QLabel>(m_window.get(), u"agreementBannerLabel"_s);
    auto* bannerButton = child<QPushButton>(m_window.get(), u"agreementBannerButton"_s);
    QVERIFY(banner && bannerLabel && bannerButton);
    QVERIFY(banner->isVisible());
    QVERIFY2(bannerLabel->text().contains(sharing::notSignedUpState().unavailableReason),
             qUtf8Printable(bannerLabel->text()));
    QVERIFY(bannerButton->isHidden());

    QWidget* viewer = m_window->agreements()->openViewer();
    QVERIFY(viewer);
    QVERIFY(child<QPushButton>(viewer, u"agreementSignUpButton"_s)->isHidden());
    QCOMPARE(child<QLabel>(viewer, u"agreementStatusLabel"_s)->text(),
             sharing::notSignedUpState().unavailableReason);
    delete viewer;

    // Asking directly opens nothing, and core rejects the role as well.
    m_window->agreements()->openSignUp();
    QVERIFY(!m_window->findChild<AgreementSignUpDialog*>());
    sharing::AgreementRegister agreementRegister = storeRegister();
    const QDate today = m_window->session()->today();
    const Result<sharing::Acceptance> rejected =
        agreementRegister.accept(actor, 1, u"Robin Reed"_s, u"Teacher"_s, today, today);
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().code, ErrorCode::PermissionDenied);
    QVERIFY(!agreementRegister.state().inForce);
    QVERIFY(!m_window->session()->agreementState().inForce);
}

void TestAgreementSignUp::newVersionWaitsForConfirmation() {
    std::unique_ptr<Store> store = newStore();
    QVERIFY(store);
    installAndAccept(*store, m_versionOne, 1);
    openWindow(std::move(store), leadActor(), m_versionTwo);
    CaseSession* session = m_window->session();
    QVERIFY(session);

    // Amara's records go to the children's trust for safeguarding under
    // version 1 with her mother's consent.
    Result<QList<FamilySummary>> families = session->directory().families(u"Fenwick"_s);
    VERIFY_OK(families);
    QCOMPARE(families->size(), 1);
    const QString familyId = families->first().id;
    Result<FamilyDetail> family = session->directory().family(familyId);
    VERIFY_OK(family);
    QString amaraId;
    QString joannaId;
    for (const FamilyMember& member : family->members) {
        if (member.person.displayName() == u"Amara Fenwick")
            amaraId = member.person.id;
        else if (member.person.displayName() == u"Joanna Fenwick")
            joannaId = member.person.id;
    }
    QVERIFY(!amaraId.isEmpty() && !joannaId.isEmpty());
    Consent consent;
    consent.familyId = familyId;
    consent.subjectPersonId = amaraId;
    consent.givenByPersonId = joannaId;
    consent.capacity = ConsentCapacity::ParentalResponsibility;
    consent.purposes = {u"safeguarding"_s};
    consent.recipients = {ConsentRecipient{ConsentRecipient::Kind::PartyType, u"childrens_trust"_s}};
    consent.dataCategories = {DataCategory::Personal};
    consent.method = ConsentMethod::Written;
    consent.givenDate = session->today().addDays(-7);
    VERIFY_OK(session->consents().createConsent(leadActor(), consent));

    const auto forenameStatus = [&]() -> QString {
        ShareDialog dialog(session, ShareDialog::Scope::Person, amaraId, m_window.get());
        if (!chooseCode(dialog.findChild<QComboBox*>(u"shareRecipientComboBox"_s), u"childrens_trust"_s) ||
            !chooseCode(dialog.findChild<QComboBox*>(u"sharePurposeComboBox"_s), u"safeguarding"_s))
            return u"no such recipient or purpose"_s;
        QTreeWidgetItem* item = shareFieldItem(&dialog, amaraId, u"person.legalForename"_s);
        return item ? item->text(ShareStatusColumn) + u' ' + item->toolTip(ShareFieldColumn) : u"no row"_s;
    };

    // Version 2 waits, and version 1 stays in force.
    auto* banner = child<QWidget>(m_window.get(), u"agreementBanner"_s);
    auto* bannerLabel = child<QLabel>(m_window.get(), u"agreementBannerLabel"_s);
    auto* bannerButton = child<QPushButton>(m_window.get(), u"agreementBannerButton"_s);
    QVERIFY(banner && bannerLabel && bannerButton);
    QVERIFY(banner->isVisible());
    QVERIFY2(bannerLabel->text().contains(u"Version 2"_s), qUtf8Printable(bannerLabel->text()));
    QVERIFY2(bannerLabel->text().contains(u"Version 1 stays in force"_s),
             qUtf8Printable(bannerLabel->text()));
    QVERIFY(bannerButton->isVisible());
    QCOMPARE(bannerButton->text(), AgreementController::tr("&Review Changes\u2026"));

    sharing::AgreementRegister agreementRegister = storeRegister();
    QCOMPARE(agreementRegister.state().inForce->version, 1);
    const Result<std::optional<policy::Agreement>> pending = agreementRegister.pending();
    VERIFY_OK(pending);
    QVERIFY(pending->has_value());
    QCOMPARE((*pending)->version, 2);
    QVERIFY(session->agreementState().inForce);
    QCOMPARE(session->agreementState().inForce->version, 1);
    QVERIFY2(forenameStatus().startsWith(u"Shared"_s), qUtf8Printable(forenameStatus()));

    // The changes tree lists every field of the three changed cells.
    AgreementSignUpDialog* dialog = clickBannerButton();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), AgreementSignUpDialog::tr("Confirm Agreement Version %1").arg(2));
    auto* tree = child<QTreeWidget>(dialog, u"agreementChangesTree"_s);
    QVERIFY(tree);
    const QStringList expected = expectedChangeRows({
        {u"childrens_trust"_s, u"safeguarding"_s, DataCategory::Personal,
         AgreementSignUpDialog::tr("Stops being shareable")},
        {u"voluntary_sector"_s, u"safeguarding"_s, DataCategory::CriminalOffence,
         AgreementSignUpDialog::tr("Becomes shareable")},
        {u"health"_s, u"health_services"_s, DataCategory::SpecialCategory,
         AgreementSignUpDialog::tr("Terms change")},
    });
    QVERIFY(expected.size() > 3);
    QCOMPARE(treeChangeRows(tree), expected);
    QCOMPARE(dialog->changeCount(), expected.size());
    QCOMPARE(tree->topLevelItemCount(), 3);

    QTreeWidgetItem* retention = findChangeRow(tree, u"health\nhealth_services"_s, u"person.ethnicity"_s);
    QVERIFY(retention);
    QVERIFY2(retention->text(ChangeAfterColumn).contains(newRetention),
             qUtf8Printable(retention->text(ChangeAfterColumn)));
    QVERIFY(!retention->text(ChangeBeforeColumn).contains(newRetention));
    tree->setCurrentItem(retention);
    const QString details = child<QLabel>(dialog, u"agreementChangeDetails"_s)->text();
    QVERIFY2(details.contains(newRetention), qUtf8Printable(details));
    QVERIFY2(details.contains(retention->text(ChangeBeforeColumn)), qUtf8Printable(details));
    QCOMPARE(mnemonicClashes(dialog), QStringList());

    // Until confirmed, version 1 stays in force.
    QCOMPARE(session->agreementState().inForce->version, 1);
    QCOMPARE(agreementRegister.state().inForce->version, 1);

    signUp(dialog, u"Priya Shah"_s, u"Headteacher"_s, session->today());
    QTRY_VERIFY(!m_window->findChild<AgreementSignUpDialog*>(u"agreementSignUpDialog"_s));

    const sharing::AgreementState coreState = agreementRegister.state();
    QVERIFY(coreState.inForce);
    QCOMPARE(coreState.inForce->version, 2);
    QCOMPARE(coreState.acceptance->signatoryName, u"Priya Shah"_s);
    QCOMPARE(coreState.acceptance->recordedBy, leadActor().user);
    const Result<QList<sharing::Acceptance>> acceptances = agreementRegister.acceptances();
    VERIFY_OK(acceptances);
    QCOMPARE(acceptances->size(), 2);
    const Result<std::optional<policy::Agreement>> nothingPending = agreementRegister.pending();
    VERIFY_OK(nothingPending);
    QVERIFY(!nothingPending->has_value());

    QCOMPARE(session->agreementState().inForce->version, 2);
    QVERIFY(banner->isHidden());

    // The Share With… dialog now withholds the name under the changed clause.
    const QString status = forenameStatus();
    QVERIFY2(status.startsWith(u"Withheld"_s), qUtf8Printable(status));
    QVERIFY2(status.contains(u"S-childrens-trust-personal"_s), qUtf8Printable(status));
}

void TestAgreementSignUp::refusedFileAtStart_data() {
    QTest::addColumn<bool>("otherKey");
    QTest::addColumn<bool>("versionOneAccepted");
    QTest::newRow("one byte changed, nothing accepted") << false << false;
    QTest::newRow("one byte changed, version 1 in force") << false << true;
    QTest::newRow("other key, nothing accepted") << true << false;
    QTest::newRow("other key, version 1 in force") << true << true;
}

void TestAgreementSignUp::refusedFileAtStart() {
    QFETCH(bool, otherKey);
    QFETCH(bool, versionOneAccepted);

    {
        std::unique_ptr<Store> store = newStore();
        QVERIFY(store);
        if (versionOneAccepted)
            installAndAccept(*store, m_versionOne, 1);
    }

    // The offered file: version 2 with one byte changed after signing, or
    // signed by a key the app does not trust.
    SignedDocument offered = m_versionTwo;
    if (otherKey) {
        Result<policy::SigningKeyPair> otherKeys = policy::generateSigningKeyPair();
        VERIFY_OK(otherKeys);
        offered = sign(m_versionTwo.document, otherKeys->secretKey);
    } else {
        const qsizetype at = offered.document.indexOf("version 2");
        QVERIFY(at > 0);
        offered.document[at] = 'V';
    }
    const QString offeredPath = m_dir.filePath(u"offered-%1.json"_s.arg(m_storeNumber));
    const QList<std::pair<QString, QByteArray>> files{{offeredPath, offered.document},
                                                      {offeredPath + u".sig", offered.signature}};
    for (const auto& [path, bytes] : files) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    FileChooser chooser;
    chooser.openFile = [](QWidget*, const QString&, const QString&, const QString&) { return QString(); };
    chooser.saveFile = chooser.openFile;
    AppController controller(m_storePath, chooser,
                             AgreementSource{m_keys.publicKey, policy::readSignedAgreementFile(offeredPath)});
    controller.start();

    QMessageBox* message = nullptr;
    QTRY_VERIFY((message = findTopLevel<QMessageBox>(u"agreementRefusedMessageBox"_s)) != nullptr);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(offeredPath), qUtf8Printable(message->text()));
    QVERIFY2(message->text().contains(u"signature is not the Trust's"_s), qUtf8Printable(message->text()));
    message->close();

    // Unlock: the store's own agreement applies, and the file is not installed.
    QTRY_VERIFY(controller.unlockDialog() && controller.unlockDialog()->isVisible());
    UnlockDialog* unlock = controller.unlockDialog();
    QTest::keyClicks(child<QLineEdit>(unlock, u"passphraseLineEdit"_s), QString::fromUtf16(testPassphrase));
    QTest::mouseClick(child<QPushButton>(unlock, u"unlockPushButton"_s), Qt::LeftButton);
    MainWindow* window = controller.mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->isUnlocked(), 30000);
    CaseSession* session = window->session();

    sharing::AgreementRegister agreementRegister(session->store(), m_keys.publicKey);
    const Result<std::optional<policy::Agreement>> pending = agreementRegister.pending();
    VERIFY_OK(pending);
    QVERIFY(!pending->has_value());

    auto* banner = child<QWidget>(window, u"agreementBanner"_s);
    auto* bannerLabel = child<QLabel>(window, u"agreementBannerLabel"_s);
    QVERIFY(banner && bannerLabel);
    QVERIFY(banner->isVisible());
    QVERIFY2(bannerLabel->text().contains(offeredPath), qUtf8Printable(bannerLabel->text()));
    QVERIFY(child<QPushButton>(window, u"agreementBannerButton"_s)->isHidden());
    if (versionOneAccepted) {
        QCOMPARE(agreementRegister.state().inForce->version, 1);
        QVERIFY(session->agreementState().inForce);
        QCOMPARE(session->agreementState().inForce->version, 1);
    } else {
        QVERIFY(!agreementRegister.state().inForce);
        QVERIFY(!session->agreementState().inForce);
        QVERIFY2(bannerLabel->text().contains(u"Nothing can be shared"_s),
                 qUtf8Printable(bannerLabel->text()));
    }
}

QTEST_MAIN(TestAgreementSignUp)
#include "tst_agreementsignup.moc"
