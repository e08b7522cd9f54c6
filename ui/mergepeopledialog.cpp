#include "mergepeopledialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "cases/casedirectory.h"
#include "casesession.h"
#include "displaytext.h"
#include "formfields.h"

Q_LOGGING_CATEGORY(lcMergePeople, "earlyhelp.ui.mergepeople", QtInfoMsg)

namespace earlyhelp::ui {

namespace {

constexpr int searchDelayMs = 150;
constexpr int searchLimit = 50;
constexpr int personIdRole = Qt::UserRole;

enum CandidateColumn { NameColumn, DateOfBirthColumn, UpnColumn, FamilyColumn, ReasonColumn };

// Returns the person's names and identifiers as a search for duplicates
// takes them.
NewPerson asCandidate(const PersonProfile& profile) {
    NewPerson person;
    person.forename = profile.person.legalForename;
    person.surname = profile.person.legalSurname;
    person.preferredForename = profile.person.preferredForename;
    if (profile.person.dateOfBirth.isValid())
        person.dateOfBirth = profile.person.dateOfBirth.toString(Qt::ISODate);
    person.upn = profile.person.upn;
    person.nhsNumber = profile.nhsNumber;
    if (!profile.postcodes.isEmpty())
        person.postcode = profile.postcodes.first();
    return person;
}

QTreeWidgetItem* addCandidate(QTreeWidget* tree, const PersonSummary& person, const QString& reason) {
    auto* item = new QTreeWidgetItem(tree);
    item->setText(NameColumn, listName(person));
    item->setToolTip(NameColumn, fullNameDescription(person));
    item->setText(DateOfBirthColumn, displayDate(person.dateOfBirth));
    item->setText(UpnColumn, person.upn);
    item->setText(FamilyColumn,
                  person.familyName.isEmpty() ? MergePeopleDialog::tr("No family") : person.familyName);
    item->setText(ReasonColumn, reason);
    item->setData(NameColumn, personIdRole, person.id);
    return item;
}

} // namespace

MergePeopleDialog::MergePeopleDialog(CaseSession* session, const QString& personId, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("mergePeopleDialog"));
    setWindowTitle(tr("Merge People"));
    if (m_session)
        m_people = std::make_unique<PersonRepository>(m_session->store());
    createWidgets();
    loadFirstPerson(personId);
    resize(780, 720);
}

MergePeopleDialog::~MergePeopleDialog() = default;

void MergePeopleDialog::createWidgets() {
    m_introLabel = new QLabel(this);
    m_introLabel->setObjectName(QStringLiteral("mergeIntroLabel"));
    m_introLabel->setWordWrap(true);

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("mergeSearchLineEdit"));
    m_searchEdit->setAccessibleName(tr("Search for the other person"));
    m_searchEdit->setPlaceholderText(tr("Search by name or UPN…"));
    m_searchEdit->setClearButtonEnabled(true);
    auto* searchLabel = new QLabel(tr("&Other person:"), this);
    searchLabel->setBuddy(m_searchEdit);

    m_candidatesTree = new QTreeWidget(this);
    m_candidatesTree->setObjectName(QStringLiteral("mergeCandidatesTreeWidget"));
    m_candidatesTree->setAccessibleName(tr("People to merge with"));
    m_candidatesTree->setRootIsDecorated(false);
    m_candidatesTree->setAllColumnsShowFocus(true);
    m_candidatesTree->setHeaderLabels(
        {tr("Name"), tr("Date of birth"), tr("UPN"), tr("Family"), tr("Why listed")});
    m_candidatesTree->setMinimumHeight(80);
    m_candidatesTree->setMaximumHeight(140);

    m_comparisonTable = new QTableWidget(this);
    m_comparisonTable->setObjectName(QStringLiteral("mergeComparisonTableWidget"));
    m_comparisonTable->setAccessibleName(tr("The two people side by side"));
    m_comparisonTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparisonTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_comparisonTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparisonTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_comparisonTable->setWordWrap(true);

    auto* keepBox = new QGroupBox(tr("Record to keep"), this);
    m_keepFirstRadio = new QRadioButton(keepBox);
    m_keepFirstRadio->setObjectName(QStringLiteral("keepFirstRadioButton"));
    m_keepFirstRadio->setChecked(true);
    m_keepSecondRadio = new QRadioButton(keepBox);
    m_keepSecondRadio->setObjectName(QStringLiteral("keepSecondRadioButton"));
    auto* keepLayout = new QHBoxLayout(keepBox);
    keepLayout->addWidget(m_keepFirstRadio);
    keepLayout->addWidget(m_keepSecondRadio);
    keepLayout->addStretch();

    m_permissionLabel = new QLabel(this);
    m_permissionLabel->setObjectName(QStringLiteral("mergePermissionLabel"));
    m_permissionLabel->setWordWrap(true);
    m_permissionLabel->hide();

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("mergeErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setStyleSheet(inlineErrorStyleSheet());
    m_errorLabel->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("mergeButtonBox"));
    m_mergeButton = buttons->addButton(tr("&Merge…"), QDialogButtonBox::AcceptRole);
    m_mergeButton->setObjectName(QStringLiteral("mergePushButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &MergePeopleDialog::confirmMerge);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_introLabel);
    layout->addWidget(searchLabel);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_candidatesTree);
    layout->addWidget(m_comparisonTable, 1);
    layout->addWidget(keepBox);
    layout->addWidget(m_permissionLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &MergePeopleDialog::listCandidates);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_candidatesTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            setOtherPerson(item->data(NameColumn, personIdRole).toString());
    });

    if (m_session && !m_session->may(access::Action::DeleteRestore)) {
        const std::optional<access::Role> role = m_session->actor().role();
        m_permissionLabel->setText(
            tr("You can compare these records but not merge them: the role %1 does not "
               "allow deleting records, and a merge removes one of them.")
                .arg(role ? access::roleLabel(*role) : tr("(unknown)")));
        m_permissionLabel->show();
    }
}

void MergePeopleDialog::loadFirstPerson(const QString& personId) {
    if (!m_people)
        return;
    Result<PersonProfile> first = m_people->profile(personId);
    if (!first) {
        showError(first.error().message);
        updateButtons();
        return;
    }
    m_first = *first;
    m_introLabel->setText(
        tr("Choose the record that is the same person as %1. Their records are shown side by "
           "side below; choose which record to keep.")
            .arg(isolated(m_first->person.displayName())));
    listCandidates();
    showComparison();
}

void MergePeopleDialog::listCandidates() {
    if (!m_first || !m_people)
        return;
    const QString previous = m_second ? m_second->person.id : QString();
    const QSignalBlocker blocker(m_candidatesTree);
    m_candidatesTree->clear();

    const QString typed = m_searchEdit->text().trimmed();
    if (typed.isEmpty()) {
        Result<QList<DuplicateMatch>> matches =
            m_people->findDuplicates(asCandidate(*m_first), m_first->person.id);
        if (!matches) {
            showError(matches.error().message);
            return;
        }
        for (const DuplicateMatch& match : std::as_const(*matches))
            addCandidate(m_candidatesTree, match.person, describeDuplicateReasons(match.reasons));
    } else {
        Result<QList<PersonSummary>> found = m_session->directory().people(typed, searchLimit);
        if (!found) {
            showError(found.error().message);
            return;
        }
        for (const PersonSummary& person : std::as_const(*found)) {
            if (person.id != m_first->person.id)
                addCandidate(m_candidatesTree, person, tr("matches the search"));
        }
    }
    for (int column = NameColumn; column < ReasonColumn; ++column)
        m_candidatesTree->resizeColumnToContents(column);
    for (int i = 0; i < m_candidatesTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_candidatesTree->topLevelItem(i);
        if (item->data(NameColumn, personIdRole).toString() == previous)
            m_candidatesTree->setCurrentItem(item);
    }
}

void MergePeopleDialog::setOtherPerson(const QString& personId) {
    if (!m_people)
        return;
    showError(QString());
    Result<PersonProfile> second = m_people->profile(personId);
    if (!second) {
        m_second.reset();
        showError(second.error().message);
    } else {
        m_second = *second;
    }
    showComparison();
}

void MergePeopleDialog::showComparison() {
    const auto rowsOf = [](const PersonProfile& profile) {
        const PersonSummary& person = profile.person;
        const PersonRecordCounts& counts = profile.counts;
        return QStringList{
            listName(person),
            fullNameDescription(person),
            displayDate(person.dateOfBirth),
            CodeLabels::sex(person.sex),
            person.upn.isEmpty() ? profile.upnNotKnown : person.upn,
            profile.nhsNumber,
            profile.familyNames.isEmpty() ? tr("No family") : profile.familyNames.join(QStringLiteral("\n")),
            profile.postcodes.join(QStringLiteral(", ")),
            QString::number(counts.familyMemberships),
            QString::number(counts.addresses),
            QString::number(counts.contacts),
            QString::number(counts.caseNotes),
            QString::number(counts.consents),
            QString::number(counts.sharingDecisions),
        };
    };
    const QStringList rowLabels{
        tr("Name"),
        tr("All names"),
        tr("Date of birth"),
        tr("Sex"),
        tr("UPN"),
        tr("NHS number"),
        tr("Families"),
        tr("Postcodes"),
        tr("Family memberships"),
        tr("Addresses"),
        tr("Phone numbers and e-mail addresses"),
        tr("Case notes"),
        tr("Consents"),
        tr("Sharing decisions"),
    };

    m_comparisonTable->clear();
    m_comparisonTable->setRowCount(int(rowLabels.size()));
    m_comparisonTable->setColumnCount(2);
    m_comparisonTable->setVerticalHeaderLabels(rowLabels);
    QStringList headers;
    const std::optional<PersonProfile>* people[] = {&m_first, &m_second};
    for (int column = 0; column < 2; ++column) {
        const std::optional<PersonProfile>& profile = *people[column];
        headers += profile ? tr("%1: %2").arg(column + 1).arg(profile->person.displayName())
                           : tr("%1: choose a person above").arg(column + 1);
        if (!profile)
            continue;
        const QStringList values = rowsOf(*profile);
        for (int row = 0; row < values.size(); ++row) {
            auto* item = new QTableWidgetItem(values.at(row));
            m_comparisonTable->setItem(row, column, item);
        }
    }
    m_comparisonTable->setHorizontalHeaderLabels(headers);
    // Rows whose values differ are marked, so the user sees what the merge
    // combines.
    if (m_first && m_second) {
        for (int row = 0; row < m_comparisonTable->rowCount(); ++row) {
            QTableWidgetItem* left = m_comparisonTable->item(row, 0);
            QTableWidgetItem* right = m_comparisonTable->item(row, 1);
            if (left && right && left->text() != right->text()) {
                QFont font = left->font();
                font.setBold(true);
                left->setFont(font);
                right->setFont(font);
            }
        }
    }
    m_comparisonTable->resizeRowsToContents();

    m_keepFirstRadio->setText(m_first ? tr("Keep %1 (column 1)").arg(isolated(m_first->person.displayName()))
                                      : tr("Keep the first record"));
    m_keepSecondRadio->setText(m_second
                                   ? tr("Keep %1 (column 2)").arg(isolated(m_second->person.displayName()))
                                   : tr("Keep the second record"));
    updateButtons();
}

void MergePeopleDialog::updateButtons() {
    const bool allowed = m_session && m_session->may(access::Action::DeleteRestore);
    const bool ready = m_first && m_second;
    m_mergeButton->setEnabled(allowed && ready);
    m_keepFirstRadio->setEnabled(ready);
    m_keepSecondRadio->setEnabled(ready);
}

void MergePeopleDialog::confirmMerge() {
    if (!m_first || !m_second)
        return;
    const bool keepFirst = m_keepFirstRadio->isChecked();
    const PersonProfile& keep = keepFirst ? *m_first : *m_second;
    const PersonProfile& merge = keepFirst ? *m_second : *m_first;
    // The two records often carry the same name, so the column numbers of
    // the comparison tell them apart.
    const int keepColumn = keepFirst ? 1 : 2;
    const int mergeColumn = keepFirst ? 2 : 1;
    const QString keepName = isolated(keep.person.displayName());
    const QString mergeName = isolated(merge.person.displayName());

    auto* question = new QMessageBox(
        QMessageBox::Warning, tr("Merge People"),
        tr("Merge record %1 (%2) into record %3 (%4)?")
            .arg(QString::number(mergeColumn), mergeName, QString::number(keepColumn), keepName),
        QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("mergeConfirmMessageBox"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setInformativeText(
        tr("Everything recorded for record %1 moves to record %2: family memberships, addresses, contacts, "
           "case "
           "notes, consents and sharing decisions, and identifiers that record %2 lacks. Record %1 then no "
           "longer "
           "appears in lists or searches. A merge cannot be undone from Case › Deleted Items.")
            .arg(mergeColumn)
            .arg(keepColumn));
    QPushButton* mergeButton = question->addButton(tr("&Merge"), QMessageBox::AcceptRole);
    mergeButton->setObjectName(QStringLiteral("confirmMergePushButton"));
    question->setDefaultButton(QMessageBox::Cancel);
    const QString keepId = keep.person.id;
    const QString mergeId = merge.person.id;
    connect(question, &QMessageBox::buttonClicked, this,
            [this, mergeButton, keepId, mergeId](QAbstractButton* button) {
                if (button == mergeButton)
                    runMerge(keepId, mergeId);
            });
    question->open();
}

void MergePeopleDialog::runMerge(const QString& keepId, const QString& mergeId) {
    const QStringList familyIds{m_first ? m_first->person.familyId : QString(),
                                m_second ? m_second->person.familyId : QString()};
    Result<MergeOutcome> merged = m_people->merge(m_session->actor(), keepId, mergeId);
    if (!merged) {
        showError(merged.error().message);
        return;
    }
    qCInfo(lcMergePeople) << "merged two people:" << merged->movedRecords << "records moved,"
                          << merged->combinedRecords << "combined";
    for (const QString& familyId : familyIds) {
        if (!familyId.isEmpty())
            m_session->notifyFamilyChanged(familyId);
    }
    m_session->notifyPeopleChanged();
    accept();
}

void MergePeopleDialog::showError(const QString& message) {
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

} // namespace earlyhelp::ui
