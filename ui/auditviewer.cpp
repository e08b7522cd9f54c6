#include "auditviewer.h"

#include <algorithm>

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

#include "access/access.h"
#include "access/role.h"
#include "busycursor.h"
#include "cases/casedirectory.h"
#include "casesession.h"
#include "displaytext.h"
#include "keys/keyfile.h"
#include "store/store.h"

namespace earlyhelp::ui {

namespace {

// Events read per page of a CSV export.
constexpr int exportPageSize = 1000;
// People the person filter suggests for what is typed.
constexpr int personSuggestionLimit = 20;
// Days before today that the date filter starts at when the dialog opens.
constexpr int defaultRangeDays = 30;

// A date filter that Tab leaves, instead of moving to its next section, so
// that Tab goes from filter to filter. Arrow keys and typing still move
// between day, month and year.
class DateFilterEdit : public QDateEdit {
public:
    DateFilterEdit(QDate date, QWidget* parent)
        : QDateEdit(date, parent) {}

protected:
    bool focusNextPrevChild(bool next) override { return QWidget::focusNextPrevChild(next); }
};

// A CSV cell: quoted when it contains a comma, quote or line break, and with
// a leading apostrophe when a spreadsheet would read it as a formula.
QString csvCell(QString text) {
    if (!text.isEmpty() && QStringView(u"=+-@").contains(text.at(0)))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + text + u'"';
    }
    return text;
}

QByteArray csvLine(const QStringList& cells) {
    QStringList quoted;
    quoted.reserve(cells.size());
    for (const QString& cell : cells)
        quoted += csvCell(cell);
    return (quoted.join(u',') + QStringLiteral("\r\n")).toUtf8();
}

// A person as the person filter suggests them: the list name and the date
// of birth, which distinguishes two people of the same name.
QString personChoiceText(const PersonSummary& person) {
    if (!person.dateOfBirth.isValid())
        return listName(person);
    return AuditViewerDialog::tr("%1 (born %2)").arg(listName(person), displayDate(person.dateOfBirth));
}

} // namespace

// ---------------------------------------------------------------------------
// AuditEventModel

AuditEventModel::AuditEventModel(Store& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_text(store) {}

Status AuditEventModel::setFilter(const audit::Filter& filter) {
    beginResetModel();
    m_filter = filter;
    m_filter.afterSequence = 0;
    m_filter.beforeSequence = 0;
    m_filter.limit = pageSize;
    m_events.clear();
    m_rows.clear();
    m_matchingCount = 0;
    m_complete = true;
    endResetModel();

    audit::Filter counted = m_filter;
    counted.limit = 0;
    Result<qint64> count = audit::AuditLog(m_store).count(counted);
    if (!count)
        return std::unexpected(count.error());
    m_matchingCount = *count;

    Result<QList<audit::Event>> page = readPage();
    if (!page)
        return std::unexpected(page.error());
    appendPage(*page);
    return {};
}

int AuditEventModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditEventModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditEventModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return m_rows.at(index.row()).at(index.column());
    return {};
}

QVariant AuditEventModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case UserColumn:
        return tr("User");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("Action");
    case RecordColumn:
        return tr("Record");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

bool AuditEventModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_complete;
}

void AuditEventModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid() || m_complete)
        return;
    Result<QList<audit::Event>> page = readPage();
    if (!page) {
        m_complete = true;
        emit fetchFailed(page.error().message);
        return;
    }
    appendPage(*page);
}

void AuditEventModel::appendPage(const QList<audit::Event>& page) {
    m_complete = page.size() < pageSize;
    if (page.isEmpty())
        return;

    QList<QStringList> rows;
    rows.reserve(page.size());
    for (const audit::Event& event : page) {
        rows += QStringList{displayDateTime(event.at),
                            event.user,
                            AuditEventText::roleLabel(event.roleCode),
                            AuditEventText::actionLabel(event.actionCode),
                            m_text.record(event),
                            m_text.details(event)};
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_events += page;
    m_rows += rows;
    endInsertRows();
}

Result<QList<audit::Event>> AuditEventModel::readPage() const {
    audit::Filter page = m_filter;
    const qint64 last = m_events.isEmpty() ? 0 : m_events.constLast().sequence;
    if (m_filter.newestFirst)
        page.beforeSequence = last;
    else
        page.afterSequence = last;
    return audit::AuditLog(m_store).query(page);
}

// ---------------------------------------------------------------------------
// CSV export

Result<qint64> writeAuditCsv(Store& store, audit::Filter filter, QIODevice& device) {
    filter.afterSequence = 0;
    filter.beforeSequence = 0;
    filter.limit = exportPageSize;

    const QByteArray byteOrderMark("\xEF\xBB\xBF");
    const QByteArray header = csvLine({AuditViewerDialog::tr("Sequence"), AuditViewerDialog::tr("Time (UTC)"),
                                       AuditViewerDialog::tr("User"), AuditViewerDialog::tr("Role"),
                                       AuditViewerDialog::tr("Action"), AuditViewerDialog::tr("Record type"),
                                       AuditViewerDialog::tr("Record ID"), AuditViewerDialog::tr("Record"),
                                       AuditViewerDialog::tr("Details")});
    if (device.write(byteOrderMark) != byteOrderMark.size() || device.write(header) != header.size())
        return makeError(ErrorCode::Io, AuditViewerDialog::tr("Could not write the CSV file: %1. Check the "
                                                              "disk has space and try again.")
                                            .arg(device.errorString()));

    audit::AuditLog log(store);
    AuditEventText text(store);
    qint64 written = 0;
    while (true) {
        Result<QList<audit::Event>> page = log.query(filter);
        if (!page)
            return std::unexpected(page.error());
        for (const audit::Event& event : std::as_const(*page)) {
            const QByteArray line = csvLine(
                {QString::number(event.sequence), event.at.toUTC().toString(Qt::ISODate), event.user,
                 AuditEventText::roleLabel(event.roleCode), AuditEventText::actionLabel(event.actionCode),
                 event.recordType.isEmpty() ? QString() : AuditEventText::recordTypeLabel(event.recordType),
                 event.recordId, text.record(event), text.details(event)});
            if (device.write(line) != line.size()) {
                return makeError(ErrorCode::Io,
                                 AuditViewerDialog::tr("Could not write the CSV file: %1. Check the disk has "
                                                       "space and try again.")
                                     .arg(device.errorString()));
            }
            ++written;
        }
        if (page->size() < exportPageSize)
            break;
        if (filter.newestFirst)
            filter.beforeSequence = page->constLast().sequence;
        else
            filter.afterSequence = page->constLast().sequence;
    }
    return written;
}

// ---------------------------------------------------------------------------
// AuditViewerDialog

Result<AuditViewerDialog*> AuditViewerDialog::create(CaseSession* session, FileChooser fileChooser,
                                                     QWidget* parent) {
    const Status allowed =
        access::authorise(session ? session->actor() : access::Actor{}, access::Action::ViewAuditTrail);
    if (!allowed)
        return std::unexpected(allowed.error());
    return new AuditViewerDialog(session, std::move(fileChooser), parent);
}

AuditViewerDialog::AuditViewerDialog(CaseSession* session, FileChooser fileChooser, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_fileChooser(std::move(fileChooser)) {
    setObjectName(QStringLiteral("auditViewerDialog"));
    setWindowTitle(tr("Audit Trail"));

    createFilters();

    m_model = new AuditEventModel(m_session->store(), this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTableView"));
    m_table->setAccessibleName(tr("Audit events"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep scrolling through many rows cheap.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The time and role columns fit their longest text in the table's font,
    // so that "Designated safeguarding lead" is not cut short.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int cellPadding = 2 * metrics.averageCharWidth() + 8;
    int roleWidth = metrics.horizontalAdvance(tr("Role"));
    for (const access::Role role : access::allRoles())
        roleWidth = std::max(roleWidth, metrics.horizontalAdvance(access::roleLabel(role)));
    m_table->setColumnWidth(AuditEventModel::WhenColumn,
                            metrics.horizontalAdvance(QStringLiteral("00/00/0000 00:00:00")) + cellPadding);
    m_table->setColumnWidth(AuditEventModel::UserColumn, 120);
    m_table->setColumnWidth(AuditEventModel::RoleColumn, roleWidth + cellPadding);
    m_table->setColumnWidth(AuditEventModel::ActionColumn, 110);
    m_table->setColumnWidth(AuditEventModel::RecordColumn, 200);
    connect(m_model, &AuditEventModel::fetchFailed, this,
            [this](const QString& message) { m_statusLabel->setText(message); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditViewerDialog::updateCountLabel);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditViewerDialog::updateCountLabel);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("auditCountLabel"));

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("auditStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exportButton = buttons->addButton(tr("&Export to CSV…"), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setAutoDefault(false);
    m_exportButton->setToolTip(tr("Save the events the filters show as a CSV file. The file is not "
                                  "encrypted."));
    QPushButton* closeButton = buttons->button(QDialogButtonBox::Close);
    closeButton->setObjectName(QStringLiteral("closeButton"));
    closeButton->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exportButton, &QPushButton::clicked, this, &AuditViewerDialog::exportCsv);

    auto* filterRow = new QHBoxLayout;
    auto* filterForm = new QFormLayout;
    filterForm->addRow(new QLabel(tr("&Person:"), this), m_personEdit);
    filterForm->addRow(new QLabel(tr("&Family:"), this), m_familyCombo);
    filterForm->addRow(new QLabel(tr("&User:"), this), m_userCombo);
    auto* secondForm = new QFormLayout;
    secondForm->addRow(new QLabel(tr("Ac&tion:"), this), m_actionCombo);
    secondForm->addRow(new QLabel(tr("Fro&m:"), this), m_fromEdit);
    secondForm->addRow(new QLabel(tr("T&o:"), this), m_toEdit);
    for (QFormLayout* form : {filterForm, secondForm}) {
        for (int row = 0; row < form->rowCount(); ++row) {
            auto* label = qobject_cast<QLabel*>(form->itemAt(row, QFormLayout::LabelRole)->widget());
            label->setBuddy(form->itemAt(row, QFormLayout::FieldRole)->widget());
        }
    }
    filterRow->addLayout(filterForm, 1);
    filterRow->addLayout(secondForm, 1);
    auto* applyColumn = new QFormLayout;
    auto* orderLabel = new QLabel(tr("O&rder:"), this);
    orderLabel->setBuddy(m_orderCombo);
    applyColumn->addRow(orderLabel, m_orderCombo);
    applyColumn->addRow(m_applyButton);
    filterRow->addLayout(applyColumn);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);

    setTabOrder(m_personEdit, m_familyCombo);
    setTabOrder(m_familyCombo, m_userCombo);
    setTabOrder(m_userCombo, m_actionCombo);
    setTabOrder(m_actionCombo, m_fromEdit);
    setTabOrder(m_fromEdit, m_toEdit);
    setTabOrder(m_toEdit, m_orderCombo);
    setTabOrder(m_orderCombo, m_applyButton);
    setTabOrder(m_applyButton, m_table);
    setTabOrder(m_table, m_exportButton);
    setTabOrder(m_exportButton, closeButton);

    resize(1100, 600);
    loadFilterChoices();
    applyFilters();
    m_personEdit->setFocus();
}

void AuditViewerDialog::createFilters() {
    m_personEdit = new QLineEdit(this);
    m_personEdit->setObjectName(QStringLiteral("personLineEdit"));
    m_personEdit->setPlaceholderText(tr("All people: type a name to choose one"));
    m_personEdit->setClearButtonEnabled(true);
    m_personSuggestions = new QStringListModel(this);
    auto* completer = new QCompleter(m_personSuggestions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    // The suggestions come from the store's person search, which already
    // matched what was typed, so the completer shows them unfiltered.
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_personEdit->setCompleter(completer);
    connect(m_personEdit, &QLineEdit::textEdited, this, &AuditViewerDialog::suggestPeople);

    m_familyCombo = new QComboBox(this);
    m_familyCombo->setObjectName(QStringLiteral("familyComboBox"));

    m_userCombo = new QComboBox(this);
    m_userCombo->setObjectName(QStringLiteral("userComboBox"));
    m_userCombo->setEditable(true);
    m_userCombo->setInsertPolicy(QComboBox::NoInsert);
    m_userCombo->lineEdit()->setPlaceholderText(tr("All users"));

    m_actionCombo = new QComboBox(this);
    m_actionCombo->setObjectName(QStringLiteral("actionComboBox"));
    m_actionCombo->addItem(tr("All actions"), QString());
    for (audit::Action action : audit::allActions())
        m_actionCombo->addItem(audit::actionLabel(action), audit::actionCode(action));

    // An audit is mostly about recent events, so the newest come first
    // unless the user asks otherwise.
    m_orderCombo = new QComboBox(this);
    m_orderCombo->setObjectName(QStringLiteral("orderComboBox"));
    m_orderCombo->addItem(tr("Newest first"), true);
    m_orderCombo->addItem(tr("Oldest first"), false);
    connect(m_orderCombo, &QComboBox::activated, this, &AuditViewerDialog::applyFilters);

    const QDate today = m_session->today();
    m_fromEdit = new DateFilterEdit(today.addDays(-defaultRangeDays), this);
    m_fromEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_toEdit = new DateFilterEdit(today, this);
    m_toEdit->setObjectName(QStringLiteral("toDateEdit"));
    for (QDateEdit* edit : {m_fromEdit, m_toEdit}) {
        edit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        edit->setCalendarPopup(true);
    }

    m_applyButton = new QPushButton(tr("&Apply Filters"), this);
    m_applyButton->setObjectName(QStringLiteral("applyButton"));
    // Enter in any filter applies them.
    m_applyButton->setDefault(true);
    connect(m_applyButton, &QPushButton::clicked, this, &AuditViewerDialog::applyFilters);
}

void AuditViewerDialog::loadFilterChoices() {
    m_familyCombo->addItem(tr("All families"), QString());
    Result<QList<FamilySummary>> families = m_session->directory().families();
    if (families) {
        for (const FamilySummary& family : std::as_const(*families))
            m_familyCombo->addItem(family.name, family.id);
    } else {
        m_statusLabel->setText(families.error().message);
    }

    // The users of the key file now. Users removed since are not listed, and
    // their names can be typed.
    QStringList users;
    if (Result<keys::KeyFile> keyFile = keys::KeyFile::open(m_session->store().path()); keyFile) {
        for (const keys::SlotInfo& slot : keyFile->listSlots()) {
            if (!slot.user.isEmpty() && !users.contains(slot.user))
                users += slot.user;
        }
    }
    if (!users.contains(m_session->actor().user))
        users += m_session->actor().user;
    users.sort(Qt::CaseInsensitive);
    m_userCombo->addItems(users);
    m_userCombo->setCurrentIndex(-1);
    m_userCombo->setEditText(QString());
}

void AuditViewerDialog::suggestPeople(const QString& typed) {
    m_personIds.clear();
    QStringList suggestions;
    if (!typed.trimmed().isEmpty()) {
        Result<QList<PersonSummary>> people = m_session->directory().people(typed, personSuggestionLimit);
        if (people) {
            for (const PersonSummary& person : std::as_const(*people)) {
                const QString text = personChoiceText(person);
                if (m_personIds.contains(text))
                    continue;
                m_personIds.insert(text, person.id);
                suggestions += text;
            }
        }
    }
    m_personSuggestions->setStringList(suggestions);
}

bool AuditViewerDialog::resolvePerson(QString& personId) {
    const QString typed = m_personEdit->text().trimmed();
    personId.clear();
    if (typed.isEmpty())
        return true;
    if (const auto chosen = m_personIds.constFind(typed); chosen != m_personIds.cend()) {
        personId = chosen.value();
        return true;
    }

    Result<QList<PersonSummary>> people = m_session->directory().people(typed, 2);
    if (!people) {
        m_statusLabel->setText(people.error().message);
        return false;
    }
    if (people->isEmpty()) {
        m_statusLabel->setText(
            tr("No person matches “%1”. Check the name, or clear the Person filter.").arg(typed));
        return false;
    }
    if (people->size() > 1) {
        m_statusLabel->setText(tr("More than one person matches “%1”. Choose one from the list that appears "
                                  "as you type.")
                                   .arg(typed));
        suggestPeople(typed);
        m_personEdit->completer()->complete();
        return false;
    }
    const PersonSummary& person = people->constFirst();
    const QString text = personChoiceText(person);
    m_personIds.insert(text, person.id);
    m_personEdit->setText(text);
    personId = person.id;
    return true;
}

void AuditViewerDialog::applyFilters() {
    m_statusLabel->clear();
    audit::Filter filter;
    filter.includePersonsFamilies = true;
    if (!resolvePerson(filter.personId))
        return;
    filter.familyId = m_familyCombo->currentData().toString();
    filter.user = m_userCombo->currentText().trimmed();
    const QString actionCode = m_actionCombo->currentData().toString();
    if (const std::optional<audit::Action> action = audit::actionFromCode(actionCode))
        filter.actions = {*action};
    filter.from = m_fromEdit->date();
    filter.to = m_toEdit->date();
    filter.newestFirst = m_orderCombo->currentData().toBool();
    if (filter.from > filter.to) {
        m_statusLabel->setText(tr("The From date %1 is after the To date %2. Choose a From date on or before "
                                  "the To date.")
                                   .arg(displayDate(filter.from), displayDate(filter.to)));
        return;
    }

    const BusyCursor busy;
    if (const Status loaded = m_model->setFilter(filter); !loaded)
        m_statusLabel->setText(loaded.error().message);
}

void AuditViewerDialog::updateCountLabel() {
    const QLocale locale;
    if (m_model->matchingCount() == 0) {
        m_countLabel->setText(tr("No events match these filters."));
        return;
    }
    if (m_model->matchingCount() == 1) {
        m_countLabel->setText(tr("1 event."));
        return;
    }
    const bool newestFirst = m_model->filter().newestFirst;
    if (m_model->rowCount() >= m_model->matchingCount()) {
        m_countLabel->setText((newestFirst ? tr("%1 events, newest first.") : tr("%1 events, oldest first."))
                                  .arg(locale.toString(m_model->matchingCount())));
        return;
    }
    m_countLabel->setText((newestFirst ? tr("Showing %1 of %2 events, newest first. Scroll down for more.")
                                       : tr("Showing %1 of %2 events, oldest first. Scroll down for more."))
                              .arg(locale.toString(m_model->rowCount()), locale.toString(m_model->matchingCount())));
}

void AuditViewerDialog::exportCsv() {
    if (const Status allowed = access::authorise(m_session->actor(), access::Action::ViewAuditTrail);
        !allowed) {
        m_statusLabel->setText(allowed.error().message);
        return;
    }
    const audit::Filter filter = m_model->filter();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(folder).filePath(tr("audit-trail-%1.csv").arg(m_session->today().toString(Qt::ISODate)));
    const QString path = m_fileChooser.saveFile(
        this,
        tr("Export Audit Trail: the CSV file is not encrypted and contains names of people and case "
           "details. Save it only where case data may be kept."),
        suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;

    // The file appears only once the export is written and recorded.
    // The temporary file is made readable by its owner only before any case
    // data goes in, and QSaveFile keeps that mode when it renames it.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        m_statusLabel->setText(
            tr("Could not create %1: %2. Choose another folder.").arg(path, file.errorString()));
        return;
    }
    const BusyCursor busy;
    Result<qint64> written = writeAuditCsv(m_session->store(), filter, file);
    if (!written) {
        file.cancelWriting();
        m_statusLabel->setText(written.error().message);
        return;
    }
    if (!file.commit()) {
        m_statusLabel->setText(
            tr("Could not save %1: %2. Choose another folder.").arg(path, file.errorString()));
        return;
    }

    audit::NewEvent event;
    event.action = audit::Action::Export;
    event.details = QJsonObject{{QStringLiteral("kind"), QStringLiteral("audit-csv")},
                                {QStringLiteral("items"), *written}};
    event.user = m_session->actor().user;
    event.roleCode = m_session->actor().roleCode;
    if (Result<qint64> recorded = audit::AuditLog(m_session->store()).append(event); !recorded) {
        // An export the audit trail does not show must not stay on disk.
        QFile::remove(path);
        m_statusLabel->setText(tr("The export was not saved, because it could not be recorded in the audit "
                                  "trail: %1")
                                   .arg(recorded.error().message));
        return;
    }

    applyFilters();
    m_statusLabel->setText(
        tr("Exported the events to %1 (events: %2). The file is not encrypted: keep it only "
           "where case data may be kept, and delete it when you no longer need it.")
            .arg(QDir::toNativeSeparators(path))
            .arg(*written));
}

} // namespace earlyhelp::ui
