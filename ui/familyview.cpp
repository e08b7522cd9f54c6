#include "familyview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "assessmentspage.h"
#include "cases/casedirectory.h"
#include "casesession.h"
#include "chronologypage.h"
#include "consentpage.h"
#include "displaytext.h"
#include "familycasepage.h"
#include "planpage.h"
#include "sharedialog.h"

namespace earlyhelp::ui {

namespace {

enum Column { NameColumn, RelationshipColumn, ResponsibilityColumn, DateOfBirthColumn, UpnColumn, ColumnCount };

// Adds a one-line detail (an address, a phone number, a link to a child)
// spanning every column under a member.
void addDetail(QTreeWidgetItem* member, const QString& text)
{
    auto* item = new QTreeWidgetItem(member, QStringList{text});
    item->setFirstColumnSpanned(true);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
}

} // namespace

FamilyView::FamilyView(QWidget* parent)
    : QWidget(parent)
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("familyNameLabel"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_lookedAfterLabel = new QLabel(tr("Looked after"), this);
    m_lookedAfterLabel->setObjectName(QStringLiteral("lookedAfterLabel"));
    m_lookedAfterLabel->setToolTip(tr("A child in this family is looked after by a local authority."));
    m_lookedAfterLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e0c060; border-radius: 3px; "
        "padding: 1px 6px; }"));

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("familySummaryLabel"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);

    m_membersTree = new QTreeWidget(this);
    m_membersTree->setObjectName(QStringLiteral("membersTreeWidget"));
    m_membersTree->setAccessibleName(tr("Family members"));
    m_membersTree->setColumnCount(ColumnCount);
    m_membersTree->setHeaderLabels(
        {tr("Name"), tr("Relationship"), tr("Parental responsibility"), tr("Date of birth"), tr("UPN")});
    m_membersTree->setAlternatingRowColors(true);
    m_membersTree->setUniformRowHeights(true);
    m_membersTree->setAllColumnsShowFocus(true);
    m_membersTree->header()->setStretchLastSection(false);
    m_membersTree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column = RelationshipColumn; column < ColumnCount; ++column)
        m_membersTree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_placeholderLabel = new QLabel(tr("Choose a family or a person from the list to see the family here."), this);
    m_placeholderLabel->setObjectName(QStringLiteral("familyPlaceholderLabel"));
    m_placeholderLabel->setAlignment(Qt::AlignCenter);
    m_placeholderLabel->setWordWrap(true);
    m_placeholderLabel->setForegroundRole(QPalette::PlaceholderText);

    m_shareButton = new QPushButton(tr("Share &With\u2026"), this);
    m_shareButton->setObjectName(QStringLiteral("shareFamilyPushButton"));
    m_shareButton->setToolTip(
        tr("See which of this family's information can be shared with a recipient, and why the rest cannot "
           "(Ctrl+Shift+S)"));
    connect(m_shareButton, &QPushButton::clicked, this, &FamilyView::openShareDialog);
    // A shortcut of its own, because QAbstractButton::setShortcut() would
    // replace the Alt+W mnemonic.
    auto* shareShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this);
    connect(shareShortcut, &QShortcut::activated, this, &FamilyView::openShareDialog);

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_titleLabel);
    titleRow->addWidget(m_lookedAfterLabel);
    titleRow->addStretch();
    titleRow->addWidget(m_shareButton);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(m_summaryLabel);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("familyTabWidget"));
    m_tabs->setAccessibleName(tr("Family records"));
    m_tabs->addTab(m_membersTree, tr("&Members"));
    const auto addPage = [this](FamilyPage* page, const QString& objectName, const QString& title) {
        page->setObjectName(objectName);
        m_pages += page;
        m_tabs->addTab(page, title);
    };
    addPage(new FamilyCasePage(this), QStringLiteral("familyCasePage"), tr("Ca&se"));
    addPage(new AssessmentsPage(this), QStringLiteral("assessmentsPage"), tr("&Assessments"));
    addPage(new PlanPage(this), QStringLiteral("planPage"), tr("P&lan"));
    addPage(new ConsentPage(this), QStringLiteral("consentPage"), tr("C&onsent"));
    addPage(new ChronologyPage(this), QStringLiteral("chronologyPage"), tr("C&hronology"));

    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_placeholderLabel, 1);

    clear();
}

void FamilyView::showFamily(const FamilyDetail& detail)
{
    clear();
    m_familyId = detail.family.id;
    m_titleLabel->setText(detail.family.name);
    m_lookedAfterLabel->setVisible(detail.family.lookedAfter);

    QList<const FamilyMember*> children;
    QList<const FamilyMember*> adults;
    for (const FamilyMember& member : detail.members)
        (member.role == u"adult" ? adults : children) += &member;

    m_summaryLabel->setText(tr("%1 · %2 · %3")
                                .arg(CodeLabels::familyStatus(detail.family.status),
                                     tr("%n child(ren)", nullptr, static_cast<int>(children.size())),
                                     tr("%n adult(s)", nullptr, static_cast<int>(adults.size()))));

    if (!children.isEmpty()) {
        QTreeWidgetItem* section = addSection(tr("Children"));
        for (const FamilyMember* member : std::as_const(children))
            addMember(section, *member);
    }
    if (!adults.isEmpty()) {
        QTreeWidgetItem* section = addSection(tr("Adults"));
        for (const FamilyMember* member : std::as_const(adults))
            addMember(section, *member);
    }
    m_membersTree->expandAll();
    for (int tab = 1; tab < m_tabs->count(); ++tab)
        m_tabs->setTabEnabled(tab, true);
    showContent(true);
    m_shareButton->setVisible(m_session != nullptr);
    if (QTreeWidgetItem* first = m_membersTree->topLevelItem(0); first && first->childCount() > 0)
        m_membersTree->setCurrentItem(first->child(0));
    for (FamilyPage* page : std::as_const(m_pages)) {
        if (m_session)
            page->showFamily(m_session, m_familyId);
    }
}

void FamilyView::setSession(CaseSession* session)
{
    if (!session)
        clear();
    m_session = session;
}

void FamilyView::reload()
{
    if (!m_session || m_familyId.isEmpty())
        return;
    Result<FamilyDetail> detail = m_session->directory().family(m_familyId);
    if (!detail && detail.error().code == ErrorCode::NotFound) {
        // Gone since it was shown: purged by a sync, merged or erased.
        clear();
        return;
    }
    if (!detail) {
        showError(detail.error().message);
        return;
    }
    showFamily(*detail);
}

void FamilyView::showPersonWithoutFamily(const PersonSummary& person)
{
    clear();
    m_titleLabel->setText(person.displayName());
    m_lookedAfterLabel->setVisible(person.lookedAfter);
    m_summaryLabel->setText(tr("No family in this store includes this person."));

    FamilyMember member;
    member.person = person;
    member.role = person.isPupil ? QStringLiteral("child") : QStringLiteral("adult");
    QTreeWidgetItem* section = addSection(person.isPupil ? tr("Pupil") : tr("Person"));
    addMember(section, member);
    m_membersTree->expandAll();
    showContent(true);
    // Case records belong to a family; a person without one has only the
    // Members tab.
    m_tabs->setCurrentIndex(0);
    for (int tab = 1; tab < m_tabs->count(); ++tab)
        m_tabs->setTabEnabled(tab, false);
}

void FamilyView::showError(const QString& message)
{
    clear();
    m_placeholderLabel->setText(message);
}

void FamilyView::clear()
{
    for (FamilyPage* page : std::as_const(m_pages))
        page->clearFamily();
    m_familyId.clear();
    m_membersTree->clear();
    m_titleLabel->clear();
    m_summaryLabel->clear();
    m_lookedAfterLabel->hide();
    m_placeholderLabel->setText(tr("Choose a family or a person from the list to see the family here."));
    showContent(false);
}

void FamilyView::showContent(bool visible)
{
    // Only a family has a share; showFamily() shows the button again.
    m_shareButton->setVisible(false);
    m_titleLabel->setVisible(visible);
    m_summaryLabel->setVisible(visible);
    m_tabs->setVisible(visible);
    m_placeholderLabel->setVisible(!visible);
}

QString FamilyView::selectedPersonId() const
{
    for (const QTreeWidgetItem* item = m_membersTree->currentItem(); item; item = item->parent()) {
        const QString personId = item->data(NameColumn, Qt::UserRole).toString();
        if (!personId.isEmpty())
            return personId;
    }
    return {};
}

void FamilyView::openShareDialog()
{
    if (!m_session || m_familyId.isEmpty())
        return;
    auto* dialog = new ShareDialog(m_session, ShareDialog::Scope::Family, m_familyId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog reads through the session, so it closes with it.
    connect(m_session, &QObject::destroyed, dialog, [dialog] { delete dialog; });
    dialog->open();
}

QTreeWidgetItem* FamilyView::addSection(const QString& title)
{
    auto* section = new QTreeWidgetItem(m_membersTree, QStringList{title});
    section->setFirstColumnSpanned(true);
    section->setFlags(Qt::ItemIsEnabled);
    QFont font = section->font(NameColumn);
    font.setBold(true);
    section->setFont(NameColumn, font);
    return section;
}

void FamilyView::addMember(QTreeWidgetItem* section, const FamilyMember& member)
{
    const PersonSummary& person = member.person;
    const bool adult = member.role == u"adult";

    auto* item = new QTreeWidgetItem(section);
    item->setText(NameColumn, listName(person));
    item->setToolTip(NameColumn, fullNameDescription(person));
    item->setData(NameColumn, Qt::UserRole, person.id);

    QString role = adult ? CodeLabels::relationship(member.relationship) : tr("Child");
    if (person.lookedAfter)
        role = tr("%1, looked after").arg(role);
    item->setText(RelationshipColumn, role);
    if (adult) {
        item->setText(ResponsibilityColumn, member.parentalResponsibility ? tr("Yes") : tr("No"));
        item->setData(ResponsibilityColumn, Qt::AccessibleTextRole,
                      member.parentalResponsibility ? tr("Has parental responsibility")
                                                    : tr("No parental responsibility"));
    }
    item->setText(DateOfBirthColumn, displayDate(person.dateOfBirth));
    item->setText(UpnColumn, person.upn);

    for (const ChildLink& link : member.links) {
        const QString responsibility =
            link.parentalResponsibility ? tr("has parental responsibility") : tr("no parental responsibility");
        const QString relationship = CodeLabels::relationship(link.relationship);
        if (relationship.isEmpty())
            addDetail(item, tr("Linked to %1 — %2").arg(isolated(link.childName), responsibility));
        else
            addDetail(item, tr("%1 of %2 — %3").arg(relationship, isolated(link.childName), responsibility));
    }
    for (const AddressRecord& address : member.addresses)
        addDetail(item, tr("Address: %1").arg(isolated(address.singleLine())));
    for (const ContactPoint& contact : member.contacts)
        addDetail(item, tr("%1: %2").arg(CodeLabels::contactKind(contact), isolated(contact.value)));
}

} // namespace earlyhelp::ui
