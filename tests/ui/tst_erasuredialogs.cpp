// The Erase Person and Retention dialogs on real widgets and a real store:
// erasing needs a reason and the name typed exactly, only the lead may
// erase, and the retention list shows a school child at their 25th
// birthday.

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "cases/casedirectory.h"
#include "policy/signature.h"
#include "store/store.h"
#include "ui/casesession.h"
#include "ui/erasepersondialog.h"
#include "ui/retentiondialog.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;
using namespace Qt::StringLiterals;

class TestErasureDialogs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void eraseNeedsReasonAndName();
    void eraseRemovesPerson();
    void deputyCannotErase();
    void retentionListsTwentyFifthBirthday();
    void retentionNeedsAgreement();

private:
    [[nodiscard]] int personCount(const QString& personId) const;

    QTemporaryDir m_dir;
    int m_storeNumber = 0;
    std::unique_ptr<CaseSession> m_session;
    QString m_amaraId;
};

void TestErasureDialogs::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
}

void TestErasureDialogs::init() {
    const QString path = m_dir.filePath(u"erasure-%1.ehstore"_s.arg(++m_storeNumber));
    Result<std::unique_ptr<Store>> store = makeCaseStore(path);
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());
    Result<policy::Agreement> agreement = policy::loadBundledAgreement();
    QVERIFY(agreement.has_value());
    sharing::AgreementState state;
    state.inForce = *agreement;
    m_session->setAgreementState(state);

    QSqlQuery query(m_session->store().database());
    QVERIFY(query.exec(u"SELECT id FROM person WHERE legal_forename = 'Amara' AND legal_surname = 'Fenwick'"_s));
    QVERIFY(query.next());
    m_amaraId = query.value(0).toString();
}

void TestErasureDialogs::cleanup() {
    m_session.reset();
}

int TestErasureDialogs::personCount(const QString& personId) const {
    QSqlQuery query(m_session->store().database());
    query.prepare(u"SELECT count(*) FROM person WHERE id = ?"_s);
    query.addBindValue(personId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

void TestErasureDialogs::eraseNeedsReasonAndName() {
    ErasePersonDialog dialog(m_session.get(), m_amaraId);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* reason = child<QLineEdit>(&dialog, u"eraseReasonLineEdit"_s);
    auto* confirm = child<QLineEdit>(&dialog, u"eraseConfirmLineEdit"_s);
    auto* erase = child<QPushButton>(&dialog, u"eraseButton"_s);
    QVERIFY(reason && confirm && erase);
    QVERIFY(child<QLabel>(&dialog, u"eraseSummaryLabel"_s)->text().contains(u"cannot be undone"_s));

    QVERIFY(!erase->isEnabled());
    QTest::keyClicks(reason, u"Erasure request ER-2026-14"_s);
    QVERIFY(!erase->isEnabled());
    QTest::keyClicks(confirm, u"amara fenwick"_s);
    QVERIFY(!erase->isEnabled());
    confirm->clear();
    QTest::keyClicks(confirm, u"Amara Fenwick"_s);
    QVERIFY(erase->isEnabled());
    reason->clear();
    QVERIFY(!erase->isEnabled());
    QCOMPARE(personCount(m_amaraId), 1);
}

void TestErasureDialogs::eraseRemovesPerson() {
    ErasePersonDialog dialog(m_session.get(), m_amaraId);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, u"eraseReasonLineEdit"_s), u"Erasure request ER-2026-14"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"eraseConfirmLineEdit"_s), u"Amara Fenwick"_s);

    QTest::mouseClick(child<QPushButton>(&dialog, u"eraseButton"_s), Qt::LeftButton);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.outcome().has_value());
    QCOMPARE(personCount(m_amaraId), 0);
}

void TestErasureDialogs::deputyCannotErase() {
    // The same store, opened by a deputy, who may delete and restore.
    Result<std::unique_ptr<Store>> store =
        makeCaseStore(m_dir.filePath(u"erasure-deputy-%1.ehstore"_s.arg(++m_storeNumber)));
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), access::Actor{u"Ray Deputy"_s, u"deputy"_s});
    QSqlQuery query(m_session->store().database());
    QVERIFY(query.exec(u"SELECT id FROM person WHERE legal_forename = 'Amara'"_s));
    QVERIFY(query.next());
    const QString amara = query.value(0).toString();
    query.finish();

    ErasePersonDialog dialog(m_session.get(), amara);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, u"eraseReasonLineEdit"_s), u"Erasure request ER-2026-14"_s);
    QTest::keyClicks(child<QLineEdit>(&dialog, u"eraseConfirmLineEdit"_s), u"Amara Fenwick"_s);

    QVERIFY(!child<QPushButton>(&dialog, u"eraseButton"_s)->isEnabled());
    QCOMPARE(personCount(amara), 1);
}

void TestErasureDialogs::retentionListsTwentyFifthBirthday() {
    // Amara turns 25 in 45 days' time.
    const QDate birthday = m_session->today().addDays(45).addYears(-25);
    QSqlQuery query(m_session->store().database());
    query.prepare(u"UPDATE person SET date_of_birth = ? WHERE id = ?"_s);
    query.addBindValue(birthday.toString(Qt::ISODate));
    query.addBindValue(m_amaraId);
    QVERIFY(query.exec());

    RetentionDialog dialog(m_session.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* tree = child<QTreeWidget>(&dialog, u"retentionTreeWidget"_s);
    auto* days = child<QSpinBox>(&dialog, u"daysAheadSpinBox"_s);
    QVERIFY(tree && days);

    days->setValue(44);
    for (int row = 0; row < tree->topLevelItemCount(); ++row)
        QVERIFY(tree->topLevelItem(row)->text(1) != u"Amara Fenwick");

    days->setValue(45);
    QList<QTreeWidgetItem*> found = tree->findItems(u"Amara Fenwick"_s, Qt::MatchExactly, 1);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->text(0), m_session->today().addDays(45).toString(u"dd/MM/yyyy"));
    QCOMPARE(found.first()->text(3), u"R-school-safeguarding-file"_s);
    tree->setCurrentItem(found.first());
    QVERIFY(child<QPushButton>(&dialog, u"reviewButton"_s)->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, u"eraseButton"_s)->isEnabled());
}

void TestErasureDialogs::retentionNeedsAgreement() {
    m_session->setAgreementState(sharing::notSignedUpState());
    RetentionDialog dialog(m_session.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* empty = child<QLabel>(&dialog, u"retentionEmptyLabel"_s);
    QVERIFY(empty && empty->isVisible());
    QCOMPARE(empty->text(), sharing::notSignedUpState().unavailableReason);
    QVERIFY(!child<QPushButton>(&dialog, u"reviewButton"_s)->isEnabled());
}

QTEST_MAIN(TestErasureDialogs)
#include "tst_erasuredialogs.moc"
