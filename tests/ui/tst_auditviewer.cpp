// Tools › Audit Trail… on real widgets over a real store. Its events come
// from repository writes, which the store's audit triggers record, and from
// AuditLog::append. Covers each filter, paging through more events than one
// page, the CSV export and the Export event it records, the keyboard, and
// the refusal for every role but the designated safeguarding lead.

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFontMetrics>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "access/role.h"
#include "audit/auditlog.h"
#include "cases/casedirectory.h"
#include "casework/casenoterepository.h"
#include "casework/familycaserepository.h"
#include "store/store.h"
#include "ui/auditeventtext.h"
#include "ui/auditviewer.h"
#include "ui/casesession.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"
#include "uitestsupport.h"

using namespace earlyhelp;
using namespace earlyhelp::ui;
using namespace earlyhelp::uitest;

namespace {

const access::Actor caseworker{QStringLiteral("Ann Lee"), QStringLiteral("caseworker")};

// The events the model shows, as the column texts of each row.
QStringList columnTexts(const AuditEventModel* model, int column) {
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts += model->data(model->index(row, column)).toString();
    return texts;
}

} // namespace

class TestAuditViewer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void otherRolesRefused_data();
    void otherRolesRefused();
    void menuActionLeadOnly();
    void filterByPerson();
    void filterByFamily();
    void filterByUser();
    void filterByAction();
    void filterByDateRange();
    void detailsForPeople();
    void failedUnlockShowsAttemptTime();
    void exportKindsInWords();
    void pagesFetchedOnScroll();
    void csvExportContents();
    void csvExportRecorded();
    void csvExportCancelled();
    void keyboardFiltersAndClose();

private:
    [[nodiscard]] AuditViewerDialog* openViewer();
    void apply();
    [[nodiscard]] QList<audit::Event> shownEvents() const;
    [[nodiscard]] QList<audit::Event> storedEvents(const audit::Filter& filter) const;

    QTemporaryDir m_dir;
    std::unique_ptr<CaseSession> m_session;
    QString m_familyId;
    QString m_amaraId;
    QString m_rowanId;
    QString m_exportPath;
    QString m_saveCaption;
    AuditViewerDialog* m_viewer = nullptr;
};

void TestAuditViewer::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    installTranslations(*QCoreApplication::instance());
    QVERIFY(m_dir.isValid());
    Result<std::unique_ptr<Store>> store = makeCaseStore(m_dir.filePath(QStringLiteral("case.ehstore")));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    m_session = std::make_unique<CaseSession>(std::move(*store), leadActor());
    Store& stored = m_session->store();

    Result<QList<FamilySummary>> families = m_session->directory().families(QStringLiteral("Fenwick"));
    QVERIFY(families);
    QCOMPARE(families->size(), 1);
    m_familyId = families->first().id;
    Result<QList<PersonSummary>> amara = m_session->directory().people(QStringLiteral("Amara"));
    QVERIFY(amara);
    QCOMPARE(amara->size(), 1);
    m_amaraId = amara->first().id;
    Result<QList<PersonSummary>> rowan = m_session->directory().people(QStringLiteral("Rowan"));
    QVERIFY(rowan);
    QCOMPARE(rowan->size(), 1);
    m_rowanId = rowan->first().id;

    // A caseworker writes two notes, and the lead closes the Fenwick family.
    stored.setAuditActor(caseworker.user, caseworker.roleCode);
    CaseNote concern;
    concern.familyId = m_familyId;
    concern.personId = m_amaraId;
    concern.date = QDate::currentDate();
    concern.author = caseworker.user;
    concern.type = QStringLiteral("concern");
    concern.text = QStringLiteral("Amara arrived hungry three days running.");
    QVERIFY(m_session->notes().create(caseworker, concern));
    CaseNote visit = concern;
    visit.personId.clear();
    visit.type = QStringLiteral("home_visit");
    visit.text = QStringLiteral("Home visit with Joanna.");
    QVERIFY(m_session->notes().create(caseworker, visit));

    stored.setAuditActor(leadActor().user, leadActor().roleCode);
    Result<FamilyStatusChangeRecord> closed =
        m_session->familyCases().changeStatus(leadActor(), m_familyId, FamilyStatus::Closed,
                                              QDate::currentDate(), QStringLiteral("Plan complete."));
    QVERIFY2(closed, qPrintable(closed ? QString() : closed.error().message));

    // Events that no row change shows: a search, and a view of Rowan ten
    // days ago.
    audit::AuditLog log(stored);
    audit::NewEvent search;
    search.action = audit::Action::Search;
    search.details =
        QJsonObject{{QStringLiteral("query"), QStringLiteral("Fenwick")}, {QStringLiteral("results"), 3}};
    QVERIFY(log.append(search));
    const QDateTime tenDaysAgo = QDateTime::currentDateTimeUtc().addDays(-10);
    audit::AuditLog earlierLog(stored, [tenDaysAgo] { return tenDaysAgo; });
    audit::NewEvent view;
    view.action = audit::Action::View;
    view.recordType = QStringLiteral("person");
    view.recordId = m_rowanId;
    view.personId = m_rowanId;
    QVERIFY(earlierLog.append(view));
}

void TestAuditViewer::init() {
    m_exportPath =
        m_dir.filePath(QStringLiteral("audit-%1.csv").arg(QLatin1StringView(QTest::currentTestFunction())));
    m_saveCaption.clear();
    m_viewer = nullptr;
}

void TestAuditViewer::cleanup() {
    delete m_viewer;
    m_viewer = nullptr;
}

void TestAuditViewer::cleanupTestCase() {
    m_session.reset();
}

AuditViewerDialog* TestAuditViewer::openViewer() {
    FileChooser chooser;
    chooser.saveFile = [this](QWidget*, const QString& caption, const QString&, const QString&) {
        m_saveCaption = caption;
        return m_exportPath;
    };
    Result<AuditViewerDialog*> viewer = AuditViewerDialog::create(m_session.get(), chooser);
    if (!viewer) {
        qWarning("The audit viewer did not open: %s", qPrintable(viewer.error().message));
        return nullptr;
    }
    m_viewer = *viewer;
    m_viewer->show();
    return m_viewer;
}

void TestAuditViewer::apply() {
    auto* button = child<QPushButton>(m_viewer, QStringLiteral("applyButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
}

QList<audit::Event> TestAuditViewer::shownEvents() const {
    QList<audit::Event> events;
    for (int row = 0; row < m_viewer->model()->rowCount(); ++row)
        events += m_viewer->model()->event(row);
    return events;
}

QList<audit::Event> TestAuditViewer::storedEvents(const audit::Filter& filter) const {
    Result<QList<audit::Event>> events = audit::AuditLog(m_session->store()).query(filter);
    if (!events) {
        qWarning("Reading the audit trail failed: %s", qPrintable(events.error().message));
        return {};
    }
    return *events;
}

void TestAuditViewer::otherRolesRefused_data() {
    QTest::addColumn<QString>("roleCode");
    QTest::addColumn<QString>("messageStart");
    QTest::newRow("read-only") << QStringLiteral("readonly")
                               << QStringLiteral("Read-only users cannot view the audit trail.");
    QTest::newRow("caseworker") << QStringLiteral("caseworker")
                                << QStringLiteral("Caseworkers cannot view the audit trail.");
    QTest::newRow("deputy") << QStringLiteral("deputy")
                            << QStringLiteral(
                                   "Deputy designated safeguarding leads cannot view the audit trail.");
}

void TestAuditViewer::otherRolesRefused() {
    QFETCH(QString, roleCode);
    QFETCH(QString, messageStart);

    QTemporaryDir dir;
    Result<std::unique_ptr<Store>> store = makeCaseStore(dir.filePath(QStringLiteral("other.ehstore")));
    QVERIFY(store);
    CaseSession session(std::move(*store), access::Actor{QStringLiteral("Robin Reed"), roleCode});
    QWidget parent;

    Result<AuditViewerDialog*> viewer = AuditViewerDialog::create(&session, FileChooser{}, &parent);
    QVERIFY(!viewer);
    QCOMPARE(viewer.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(viewer.error().message.startsWith(messageStart), qPrintable(viewer.error().message));
    QVERIFY(parent.findChildren<AuditViewerDialog*>().isEmpty());

    Result<AuditViewerDialog*> noSession = AuditViewerDialog::create(nullptr, FileChooser{}, &parent);
    QVERIFY(!noSession);
    QCOMPARE(noSession.error().code, ErrorCode::PermissionDenied);
}

void TestAuditViewer::menuActionLeadOnly() {
    QTemporaryDir dir;
    for (const access::Actor& actor : {readOnlyActor(), leadActor()}) {
        Result<std::unique_ptr<Store>> store =
            makeCaseStore(dir.filePath(QStringLiteral("%1.ehstore").arg(actor.roleCode)));
        QVERIFY(store);
        MainWindow window(FileChooser{});
        window.openSession(std::move(*store), actor);
        auto* action = child<QAction>(&window, QStringLiteral("auditTrailAction"));
        QVERIFY(action);
        const bool lead = actor.roleCode == u"lead";
        QCOMPARE(action->isEnabled(), lead);

        // Triggered anyway, the action opens nothing for the read-only user.
        action->trigger();
        QCOMPARE(window.findChildren<AuditViewerDialog*>().size(), lead ? 1 : 0);
    }
}

void TestAuditViewer::filterByPerson() {
    QVERIFY(openViewer());
    auto* person = child<QLineEdit>(m_viewer, QStringLiteral("personLineEdit"));
    QVERIFY(person);
    person->setFocus();
    QTest::keyClicks(person, QStringLiteral("Amara"));
    apply();

    // Amara's own events and the events about her family as a whole, such
    // as opening it, but not her brother's.
    const QList<audit::Event> shown = shownEvents();
    QVERIFY(!shown.isEmpty());
    bool familyEventShown = false;
    for (const audit::Event& event : shown) {
        if (event.personId.isEmpty()) {
            QCOMPARE(event.familyId, m_familyId);
            familyEventShown = true;
        } else {
            QCOMPARE(event.personId, m_amaraId);
        }
    }
    QVERIFY(familyEventShown);
    audit::Filter expected;
    expected.personId = m_amaraId;
    expected.includePersonsFamilies = true;
    expected.from = QDate::currentDate().addDays(-30);
    expected.to = QDate::currentDate();
    QCOMPARE(shown.size(), storedEvents(expected).size());
    QVERIFY2(person->text().startsWith(QStringLiteral("Amara Fenwick")), qPrintable(person->text()));

    // A name that matches several people applies nothing and shows why.
    person->clear();
    QTest::keyClicks(person, QStringLiteral("Fenwick"));
    apply();
    auto* status = child<QLabel>(m_viewer, QStringLiteral("auditStatusLabel"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("More than one person matches “Fenwick”")),
             qPrintable(status->text()));
    QCOMPARE(m_viewer->model()->filter().personId, m_amaraId);
}

void TestAuditViewer::filterByFamily() {
    QVERIFY(openViewer());
    auto* family = child<QComboBox>(m_viewer, QStringLiteral("familyComboBox"));
    QVERIFY(family);
    const int index = family->findData(m_familyId);
    QVERIFY(index > 0);
    family->setCurrentIndex(index);
    apply();

    const QList<audit::Event> shown = shownEvents();
    QVERIFY(shown.size() >= 3);
    for (const audit::Event& event : shown)
        QCOMPARE(event.familyId, m_familyId);
    QVERIFY(columnTexts(m_viewer->model(), AuditEventModel::RecordColumn)
                .contains(QStringLiteral("Family: Fenwick family")));
}

void TestAuditViewer::filterByUser() {
    QVERIFY(openViewer());
    auto* user = child<QComboBox>(m_viewer, QStringLiteral("userComboBox"));
    QVERIFY(user);
    user->setEditText(caseworker.user);
    apply();

    const QList<audit::Event> shown = shownEvents();
    QVERIFY(shown.size() >= 2);
    for (const audit::Event& event : shown)
        QCOMPARE(event.user, caseworker.user);
    QVERIFY(
        columnTexts(m_viewer->model(), AuditEventModel::RoleColumn).contains(QStringLiteral("Caseworker")));
    QVERIFY(user->findText(leadActor().user) >= 0);
}

void TestAuditViewer::filterByAction() {
    QVERIFY(openViewer());
    auto* action = child<QComboBox>(m_viewer, QStringLiteral("actionComboBox"));
    QVERIFY(action);
    const int index = action->findData(audit::actionCode(audit::Action::Update));
    QVERIFY(index > 0);
    QCOMPARE(action->itemText(index), audit::actionLabel(audit::Action::Update));
    action->setCurrentIndex(index);
    apply();

    const QList<audit::Event> shown = shownEvents();
    QVERIFY(!shown.isEmpty());
    for (const audit::Event& event : shown)
        QCOMPARE(event.actionCode, QStringLiteral("update"));
    QVERIFY2(columnTexts(m_viewer->model(), AuditEventModel::DetailsColumn)
                 .join(u'\n')
                 .contains(QStringLiteral("Status: Open → Closed")),
             qPrintable(columnTexts(m_viewer->model(), AuditEventModel::DetailsColumn).join(u'\n')));
}

void TestAuditViewer::filterByDateRange() {
    QVERIFY(openViewer());
    auto* from = child<QDateEdit>(m_viewer, QStringLiteral("fromDateEdit"));
    auto* to = child<QDateEdit>(m_viewer, QStringLiteral("toDateEdit"));
    QVERIFY(from && to);
    QCOMPARE(from->displayFormat(), QStringLiteral("dd/MM/yyyy"));
    const QDate tenDaysAgo = QDateTime::currentDateTimeUtc().addDays(-10).toLocalTime().date();

    from->setDate(tenDaysAgo);
    to->setDate(tenDaysAgo);
    apply();
    const QList<audit::Event> thatDay = shownEvents();
    QCOMPARE(thatDay.size(), 1);
    QCOMPARE(thatDay.first().recordId, m_rowanId);
    QCOMPARE(m_viewer->model()->data(m_viewer->model()->index(0, AuditEventModel::RecordColumn)).toString(),
             QStringLiteral("Person: Rowan Ashby"));
    QVERIFY(m_viewer->model()
                ->data(m_viewer->model()->index(0, AuditEventModel::WhenColumn))
                .toString()
                .startsWith(tenDaysAgo.toString(u"dd/MM/yyyy")));

    from->setDate(tenDaysAgo.addDays(1));
    to->setDate(QDate::currentDate());
    apply();
    for (const audit::Event& event : shownEvents())
        QVERIFY(event.recordId != m_rowanId || event.actionCode != u"view");

    // A From date after the To date is rejected with the reason.
    from->setDate(QDate::currentDate());
    to->setDate(tenDaysAgo);
    const int rowsBefore = m_viewer->model()->rowCount();
    apply();
    auto* status = child<QLabel>(m_viewer, QStringLiteral("auditStatusLabel"));
    QVERIFY(status->text().contains(QStringLiteral("is after the To date")));
    QCOMPARE(m_viewer->model()->rowCount(), rowsBefore);
}

void TestAuditViewer::detailsForPeople() {
    QVERIFY(openViewer());
    auto* action = child<QComboBox>(m_viewer, QStringLiteral("actionComboBox"));
    action->setCurrentIndex(action->findData(audit::actionCode(audit::Action::Search)));
    apply();

    const QStringList details = columnTexts(m_viewer->model(), AuditEventModel::DetailsColumn);
    QVERIFY2(details.contains(QStringLiteral("Searched for “Fenwick” (3 results)")),
             qPrintable(details.join(u'\n')));
    const QStringList actions = columnTexts(m_viewer->model(), AuditEventModel::ActionColumn);
    QVERIFY(actions.contains(audit::actionLabel(audit::Action::Search)));
    const QStringList when = columnTexts(m_viewer->model(), AuditEventModel::WhenColumn);
    static const QRegularExpression ukTime(QStringLiteral("^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}$"));
    for (const QString& text : when)
        QVERIFY2(ukTime.match(text).hasMatch(), qPrintable(text));

    // The time and the longest role are shown whole.
    auto* table = child<QTableView>(m_viewer, QStringLiteral("auditTableView"));
    QVERIFY(table);
    const QFontMetrics metrics = table->fontMetrics();
    QVERIFY(table->columnWidth(AuditEventModel::WhenColumn) > metrics.horizontalAdvance(when.value(0)));
    QVERIFY(table->columnWidth(AuditEventModel::RoleColumn) >
            metrics.horizontalAdvance(access::roleLabel(access::Role::Lead)));
}

void TestAuditViewer::failedUnlockShowsAttemptTime() {
    // The event is written at the next successful unlock, so its own time is
    // not when the wrong passphrase was typed.
    const QDateTime attempted(QDate(2026, 12, 3), QTime(8, 15, 42));
    audit::Event event;
    event.actionCode = audit::actionCode(audit::Action::FailedUnlock);
    event.details = QJsonObject{{QStringLiteral("user"), QStringLiteral("jo whitfield")},
                                {QStringLiteral("attemptedAt"), attempted.toUTC().toString(Qt::ISODateWithMs)},
                                {QStringLiteral("via"), QStringLiteral("cli")}};
    const AuditEventText text(m_session->store());
    QCOMPARE(text.details(event),
             QStringLiteral("Failed unlock as “jo whitfield” at 03/12/2026 08:15:42, with earlyhelp-cli"));

    event.details.insert(QStringLiteral("via"), QStringLiteral("app"));
    QCOMPARE(text.details(event), QStringLiteral("Failed unlock as “jo whitfield” at 03/12/2026 08:15:42"));
}

void TestAuditViewer::exportKindsInWords() {
    const AuditEventText text(m_session->store());
    audit::Event event;
    event.actionCode = audit::actionCode(audit::Action::Export);
    event.details = QJsonObject{{QStringLiteral("kind"), QStringLiteral("subject-access-pdf")},
                                {QStringLiteral("items"), 27},
                                {QStringLiteral("withheld"), QJsonObject{{QStringLiteral("third-party"), 2}}}};
    QCOMPARE(text.details(event), QStringLiteral("Subject access export as PDF, items: 27, withheld: 2"));
    event.details.insert(QStringLiteral("kind"), QStringLiteral("subject-access-json"));
    event.details.insert(QStringLiteral("withheld"), QJsonObject());
    QCOMPARE(text.details(event), QStringLiteral("Subject access export as JSON, items: 27"));
}

void TestAuditViewer::pagesFetchedOnScroll() {
    // Enough view events of Rowan for three pages, in one transaction.
    constexpr int added = 2 * AuditEventModel::pageSize + 50;
    QSqlDatabase database = m_session->store().database();
    QVERIFY(database.transaction());
    audit::AuditLog log(m_session->store());
    for (int i = 0; i < added; ++i) {
        audit::NewEvent view;
        view.action = audit::Action::View;
        view.recordType = QStringLiteral("person");
        view.recordId = m_rowanId;
        view.personId = m_rowanId;
        QVERIFY(log.append(view));
    }
    QVERIFY(database.commit());

    QVERIFY(openViewer());
    auto* action = child<QComboBox>(m_viewer, QStringLiteral("actionComboBox"));
    action->setCurrentIndex(action->findData(audit::actionCode(audit::Action::View)));
    auto* order = child<QComboBox>(m_viewer, QStringLiteral("orderComboBox"));
    QVERIFY(order);
    // The newest events come first until the user chooses otherwise.
    QCOMPARE(order->currentData().toBool(), true);

    for (const bool newestFirst : {true, false}) {
        order->setCurrentIndex(order->findData(newestFirst));
        apply();
        AuditEventModel* model = m_viewer->model();
        QCOMPARE(model->filter().newestFirst, newestFirst);
        const qint64 matching = model->matchingCount();
        QVERIFY(matching >= added);
        QCOMPARE(model->rowCount(), AuditEventModel::pageSize);
        QVERIFY(model->canFetchMore({}));

        // Scrolling to the end makes the view fetch the next page.
        auto* table = child<QTableView>(m_viewer, QStringLiteral("auditTableView"));
        QVERIFY(table);
        table->scrollToBottom();
        QTRY_VERIFY(model->rowCount() > AuditEventModel::pageSize);
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), matching);

        // Sequences fall, or rise, without a repeat across the pages.
        for (int row = 1; row < model->rowCount(); ++row) {
            const qint64 previous = model->event(row - 1).sequence;
            const qint64 current = model->event(row).sequence;
            QVERIFY2(newestFirst ? current < previous : current > previous,
                     qPrintable(QStringLiteral("row %1: %2 after %3").arg(row).arg(current).arg(previous)));
        }
        auto* count = child<QLabel>(m_viewer, QStringLiteral("auditCountLabel"));
        QVERIFY2(count->text().contains(QLocale().toString(matching)), qPrintable(count->text()));
        QVERIFY2(count->text().contains(newestFirst ? QStringLiteral("newest first")
                                                    : QStringLiteral("oldest first")),
                 qPrintable(count->text()));
    }
}

void TestAuditViewer::csvExportContents() {
    QVERIFY(openViewer());
    auto* family = child<QComboBox>(m_viewer, QStringLiteral("familyComboBox"));
    family->setCurrentIndex(family->findData(m_familyId));
    apply();
    const QList<audit::Event> shown = shownEvents();
    QVERIFY(!shown.isEmpty());

    QTest::mouseClick(child<QPushButton>(m_viewer, QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY2(m_saveCaption.contains(QStringLiteral("not encrypted")), qPrintable(m_saveCaption));

    QFile file(m_exportPath);
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                                   QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines =
        QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), shown.size() + 1);
    QCOMPARE(lines.first(),
             QStringLiteral("Sequence,Time (UTC),User,Role,Action,Record type,Record ID,Record,Details"));

    static const QRegularExpression isoTime(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$"));
    for (int i = 0; i < shown.size(); ++i) {
        const QString& line = lines.at(i + 1);
        QVERIFY2(line.startsWith(QString::number(shown.at(i).sequence) + u','), qPrintable(line));
        const QString time = line.section(u',', 1, 1);
        QVERIFY2(isoTime.match(time).hasMatch(), qPrintable(time));
        QCOMPARE(time, shown.at(i).at.toUTC().toString(Qt::ISODate));
    }
    QVERIFY(lines.join(u'\n').contains(QStringLiteral("Status: Open → Closed")));
    QVERIFY(lines.join(u'\n').contains(QStringLiteral("Family: Fenwick family")));
}

void TestAuditViewer::csvExportRecorded() {
    audit::Filter exports;
    exports.actions = {audit::Action::Export};
    const qsizetype before = storedEvents(exports).size();

    QVERIFY(openViewer());
    auto* user = child<QComboBox>(m_viewer, QStringLiteral("userComboBox"));
    user->setEditText(caseworker.user);
    apply();
    const int shown = m_viewer->model()->rowCount();
    QVERIFY(shown > 0);
    QTest::mouseClick(child<QPushButton>(m_viewer, QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(QFile::exists(m_exportPath));

    const QList<audit::Event> after = storedEvents(exports);
    QCOMPARE(after.size(), before + 1);
    const audit::Event& recorded = after.first(); // newest first
    QCOMPARE(recorded.user, leadActor().user);
    QCOMPARE(recorded.roleCode, QStringLiteral("lead"));
    QCOMPARE(recorded.details.value(QStringLiteral("kind")).toString(), QStringLiteral("audit-csv"));
    QCOMPARE(recorded.details.value(QStringLiteral("items")).toInteger(), shown);

    auto* status = child<QLabel>(m_viewer, QStringLiteral("auditStatusLabel"));
    QVERIFY2(status->text().contains(QStringLiteral("not encrypted")), qPrintable(status->text()));
}

void TestAuditViewer::csvExportCancelled() {
    audit::Filter exports;
    exports.actions = {audit::Action::Export};
    const qsizetype before = storedEvents(exports).size();

    m_exportPath.clear(); // the chooser returns no path, as when the user cancels
    QVERIFY(openViewer());
    QTest::mouseClick(child<QPushButton>(m_viewer, QStringLiteral("exportButton")), Qt::LeftButton);
    QCOMPARE(storedEvents(exports).size(), before);
}

void TestAuditViewer::keyboardFiltersAndClose() {
    QVERIFY(openViewer());
    QVERIFY(QTest::qWaitForWindowActive(m_viewer));
    auto* person = child<QLineEdit>(m_viewer, QStringLiteral("personLineEdit"));
    QTRY_VERIFY(person->hasFocus());

    // Tab reaches every filter in order.
    const QStringList order = {QStringLiteral("familyComboBox"), QStringLiteral("userComboBox"),
                               QStringLiteral("actionComboBox"), QStringLiteral("fromDateEdit"),
                               QStringLiteral("toDateEdit"),     QStringLiteral("orderComboBox"),
                               QStringLiteral("applyButton")};
    for (const QString& name : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* focused = QApplication::focusWidget();
        QVERIFY(focused);
        const bool reached = focused->objectName() == name ||
                             (focused->parentWidget() && focused->parentWidget()->objectName() == name);
        QVERIFY2(reached, qPrintable(name + u" expected, focus on " + focused->objectName()));
    }

    // Enter in a filter applies the filters.
    auto* action = child<QComboBox>(m_viewer, QStringLiteral("actionComboBox"));
    action->setCurrentIndex(action->findData(audit::actionCode(audit::Action::Search)));
    auto* to = child<QDateEdit>(m_viewer, QStringLiteral("toDateEdit"));
    to->setFocus();
    QTest::keyClick(to, Qt::Key_Return);
    QCOMPARE(m_viewer->model()->filter().actions, QList<audit::Action>{audit::Action::Search});
    for (const audit::Event& event : shownEvents())
        QCOMPARE(event.actionCode, QStringLiteral("search"));

    // Escape closes the dialog.
    QTest::keyClick(to, Qt::Key_Escape);
    QTRY_VERIFY(!m_viewer->isVisible());
}

QTEST_MAIN(TestAuditViewer)
#include "tst_auditviewer.moc"
