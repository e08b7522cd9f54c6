#include "subjectaccessdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include "busycursor.h"
#include "casesession.h"
#include "documents/subjectaccesspdf.h"
#include "subjectaccess/collector.h"

namespace earlyhelp::ui {

using namespace subjectaccess;

namespace {

enum Column { TitleColumn, DateColumn, SuggestionColumn, WithheldColumn, ColumnCount };

constexpr int ItemIdRole = Qt::UserRole;

QString rowDate(QDate date) {
    return date.isValid() ? date.toString(u"dd/MM/yyyy") : QString();
}

} // namespace

SubjectAccessDialog::SubjectAccessDialog(CaseSession* session, const QString& personId, FileChooser fileChooser,
                                         QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_fileChooser(std::move(fileChooser)) {
    setObjectName(QStringLiteral("subjectAccessDialog"));
    setWindowTitle(tr("Subject Access Request"));
    // The item titles need most of the width, so the window starts large,
    // within the screen it opens on.
    QSize size(1280, 760);
    if (const QScreen* screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() * 9 / 10);
    resize(size);

    auto* introLabel = new QLabel(
        tr("Everything this store holds about the person. Review each &item: withhold what must not be "
           "disclosed, with the reason, then export the rest. Withheld items are listed in the export by "
           "reason, title and date, without their content."),
        this);
    introLabel->setObjectName(QStringLiteral("subjectAccessIntroLabel"));
    introLabel->setWordWrap(true);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("subjectAccessCountLabel"));

    m_thirdPartyOnlyCheckBox = new QCheckBox(tr("Show only items that may contain &third-party information"), this);
    m_thirdPartyOnlyCheckBox->setObjectName(QStringLiteral("thirdPartyOnlyCheckBox"));

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("subjectAccessTreeWidget"));
    m_tree->setAccessibleName(tr("Items held about the person"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Item (checked: withheld)"), tr("Date"), tr("Suggestion"), tr("Withheld because")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    for (int column = DateColumn; column < ColumnCount; ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    introLabel->setBuddy(m_tree);

    m_textEdit = new QPlainTextEdit(this);
    m_textEdit->setObjectName(QStringLiteral("itemTextEdit"));
    m_textEdit->setReadOnly(true);
    m_textEdit->setAccessibleName(tr("Content of the item"));

    m_hintLabel = new QLabel(this);
    m_hintLabel->setObjectName(QStringLiteral("thirdPartyHintLabel"));
    m_hintLabel->setWordWrap(true);
    m_hintLabel->setTextFormat(Qt::PlainText);

    m_withholdCheckBox = new QCheckBox(tr("&Withhold this item"), this);
    m_withholdCheckBox->setObjectName(QStringLiteral("withholdCheckBox"));
    m_reasonComboBox = new QComboBox(this);
    m_reasonComboBox->setObjectName(QStringLiteral("reasonComboBox"));
    m_reasonComboBox->addItem(tr("Choose a reason"), QString());
    for (WithholdReason reason : allWithholdReasons())
        m_reasonComboBox->addItem(withholdReasonLabel(reason), withholdReasonCode(reason));
    m_noteLineEdit = new QLineEdit(this);
    m_noteLineEdit->setObjectName(QStringLiteral("noteLineEdit"));
    m_noteLineEdit->setPlaceholderText(tr("Required for \"Other\", where it is shown to the requester"));

    auto* decision = new QWidget(this);
    auto* decisionLayout = new QFormLayout(decision);
    decisionLayout->setContentsMargins(0, 0, 0, 0);
    decisionLayout->addRow(m_withholdCheckBox);
    decisionLayout->addRow(tr("&Reason:"), m_reasonComboBox);
    decisionLayout->addRow(tr("&Note:"), m_noteLineEdit);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_textEdit, 1);
    detailLayout->addWidget(m_hintLabel);
    detailLayout->addWidget(decision);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({size.width() * 3 / 5, size.width() * 2 / 5});

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("subjectAccessStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exportPdfButton = buttons->addButton(tr("Export &PDF…"), QDialogButtonBox::ActionRole);
    m_exportPdfButton->setObjectName(QStringLiteral("exportPdfButton"));
    m_exportJsonButton = buttons->addButton(tr("Export &JSON…"), QDialogButtonBox::ActionRole);
    m_exportJsonButton->setObjectName(QStringLiteral("exportJsonButton"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exportPdfButton, &QPushButton::clicked, this, [this] { exportAs(ExportKind::Pdf); });
    connect(m_exportJsonButton, &QPushButton::clicked, this, [this] { exportAs(ExportKind::Json); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_thirdPartyOnlyCheckBox);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);

    Result<Collection> collected = [&] {
        BusyCursor busy;
        return Collector(m_session->store()).collect(m_session->actor(), personId);
    }();
    if (!collected) {
        m_statusLabel->setText(collected.error().message);
        for (QWidget* widget : std::initializer_list<QWidget*>{m_tree, m_thirdPartyOnlyCheckBox, decision,
                                                                m_exportPdfButton, m_exportJsonButton})
            widget->setEnabled(false);
        updateCounts();
        return;
    }
    m_collection = std::move(*collected);
    setWindowTitle(tr("Subject Access Request: %1").arg(m_collection.personName));
    buildTree();

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &SubjectAccessDialog::showCurrent);
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* row, int column) {
        const QString itemId = row->data(TitleColumn, ItemIdRole).toString();
        if (column != TitleColumn || itemId.isEmpty() || m_showingCurrent)
            return;
        m_review[itemId].withhold = row->checkState(TitleColumn) == Qt::Checked;
        refreshRow(row);
        if (row == m_tree->currentItem())
            showCurrent();
        updateCounts();
    });
    connect(m_withholdCheckBox, &QCheckBox::toggled, this, &SubjectAccessDialog::storeCurrentDecision);
    connect(m_reasonComboBox, &QComboBox::currentIndexChanged, this, &SubjectAccessDialog::storeCurrentDecision);
    connect(m_noteLineEdit, &QLineEdit::textEdited, this, &SubjectAccessDialog::storeCurrentDecision);
    connect(m_thirdPartyOnlyCheckBox, &QCheckBox::toggled, this, &SubjectAccessDialog::applyFilter);

    updateCounts();
    showCurrent();
}

void SubjectAccessDialog::buildTree() {
    QHash<Section, QTreeWidgetItem*> sectionRows;
    for (Section section : allSections()) {
        auto* sectionRow = new QTreeWidgetItem(m_tree);
        sectionRow->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        sectionRows.insert(section, sectionRow);
    }
    for (const Item& item : std::as_const(m_collection.items)) {
        auto* row = new QTreeWidgetItem(sectionRows.value(item.section));
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        row->setData(TitleColumn, ItemIdRole, item.id);
        row->setText(TitleColumn, item.deleted ? tr("%1 (deleted)").arg(item.title) : item.title);
        if (item.deleted)
            row->setToolTip(TitleColumn, deletedStatusText(item));
        row->setText(DateColumn, rowDate(item.date));
        if (item.mayContainThirdParty) {
            row->setText(SuggestionColumn, tr("May contain third-party information"));
            row->setToolTip(SuggestionColumn, item.thirdPartyHint);
        }
        row->setCheckState(TitleColumn, Qt::Unchecked);
    }
    for (Section section : allSections()) {
        QTreeWidgetItem* sectionRow = sectionRows.value(section);
        sectionRow->setText(TitleColumn, tr("%1 (%n item(s))", nullptr, sectionRow->childCount())
                                             .arg(sectionLabel(section)));
        sectionRow->setExpanded(true);
    }
    if (QTreeWidgetItem* first = m_tree->topLevelItem(0))
        m_tree->setCurrentItem(first);
}

QTreeWidgetItem* SubjectAccessDialog::currentItemRow() const {
    QTreeWidgetItem* row = m_tree->currentItem();
    if (row == nullptr || row->data(TitleColumn, ItemIdRole).toString().isEmpty())
        return nullptr;
    return row;
}

void SubjectAccessDialog::showCurrent() {
    QTreeWidgetItem* row = currentItemRow();
    const bool isItem = row != nullptr;
    m_showingCurrent = true;
    const QString itemId = isItem ? row->data(TitleColumn, ItemIdRole).toString() : QString();
    const auto item = std::ranges::find_if(m_collection.items, [&itemId](const Item& each) { return each.id == itemId; });
    const ItemReview decision = m_review.value(itemId);

    QString content;
    if (isItem && item != m_collection.items.cend())
        content = item->deleted ? QString(deletedStatusText(*item) % u"\n\n" % item->text) : item->text;
    m_textEdit->setPlainText(content);
    m_hintLabel->setText(isItem && item != m_collection.items.cend() && item->mayContainThirdParty
                             ? tr("Suggestion: %1.").arg(item->thirdPartyHint)
                             : QString());
    m_withholdCheckBox->setChecked(decision.withhold);
    const int reasonIndex =
        decision.reason ? m_reasonComboBox->findData(withholdReasonCode(*decision.reason)) : 0;
    m_reasonComboBox->setCurrentIndex(std::max(reasonIndex, 0));
    m_noteLineEdit->setText(decision.note);

    m_withholdCheckBox->setEnabled(isItem);
    m_reasonComboBox->setEnabled(isItem && decision.withhold);
    m_noteLineEdit->setEnabled(isItem);
    m_showingCurrent = false;
}

void SubjectAccessDialog::storeCurrentDecision() {
    QTreeWidgetItem* row = currentItemRow();
    if (m_showingCurrent || row == nullptr)
        return;
    const QString itemId = row->data(TitleColumn, ItemIdRole).toString();
    ItemReview& decision = m_review[itemId];
    decision.withhold = m_withholdCheckBox->isChecked();
    decision.reason = withholdReasonFromCode(m_reasonComboBox->currentData().toString());
    decision.note = m_noteLineEdit->text();
    m_reasonComboBox->setEnabled(decision.withhold);

    m_showingCurrent = true;
    row->setCheckState(TitleColumn, decision.withhold ? Qt::Checked : Qt::Unchecked);
    m_showingCurrent = false;
    refreshRow(row);
    updateCounts();
}

void SubjectAccessDialog::refreshRow(QTreeWidgetItem* row) {
    const ItemReview decision = m_review.value(row->data(TitleColumn, ItemIdRole).toString());
    QString withheldText;
    if (decision.withhold)
        withheldText = decision.reason ? withholdReasonLabel(*decision.reason) : tr("Reason needed");
    row->setText(WithheldColumn, withheldText);
}

void SubjectAccessDialog::applyFilter() {
    const bool thirdPartyOnly = m_thirdPartyOnlyCheckBox->isChecked();
    for (int section = 0; section < m_tree->topLevelItemCount(); ++section) {
        QTreeWidgetItem* sectionRow = m_tree->topLevelItem(section);
        int shown = 0;
        for (int index = 0; index < sectionRow->childCount(); ++index) {
            QTreeWidgetItem* row = sectionRow->child(index);
            const bool hidden = thirdPartyOnly && row->text(SuggestionColumn).isEmpty();
            row->setHidden(hidden);
            shown += hidden ? 0 : 1;
        }
        sectionRow->setHidden(thirdPartyOnly && shown == 0);
    }
}

void SubjectAccessDialog::updateCounts() {
    const qsizetype withheld = std::ranges::count_if(
        m_collection.items, [this](const Item& item) { return isWithheld(m_review, item.id); });
    const qsizetype suggested =
        std::ranges::count_if(m_collection.items, [](const Item& item) { return item.mayContainThirdParty; });
    m_countLabel->setText(tr("%n item(s), %1 withheld, %2 may contain third-party information", nullptr,
                             int(m_collection.items.size()))
                              .arg(withheld)
                              .arg(suggested));
}

void SubjectAccessDialog::selectItem(const QString& itemId) {
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(TitleColumn, ItemIdRole).toString() == itemId) {
            (*it)->setHidden(false);
            if ((*it)->parent())
                (*it)->parent()->setHidden(false);
            m_tree->setCurrentItem(*it);
            m_tree->scrollToItem(*it);
            return;
        }
    }
}

void SubjectAccessDialog::exportAs(ExportKind kind) {
    if (const Status checked = checkReview(m_collection, m_review); !checked) {
        m_statusLabel->setText(checked.error().message);
        // Show the first item the check names.
        for (const Item& item : std::as_const(m_collection.items)) {
            if (checked.error().message.contains(item.id)) {
                selectItem(item.id);
                break;
            }
        }
        m_reasonComboBox->setFocus();
        return;
    }

    const bool pdf = kind == ExportKind::Pdf;
    const QString suggestedName = QDir::home().filePath(
        tr("Subject access %1 %2").arg(m_collection.personName, QDate::currentDate().toString(u"yyyy-MM-dd")) +
        (pdf ? QStringLiteral(".pdf") : QStringLiteral(".json")));
    const QString path = m_fileChooser.saveFile(this, pdf ? tr("Export PDF") : tr("Export JSON"), suggestedName,
                                                pdf ? tr("PDF documents (*.pdf)") : tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;

    QProgressDialog progress(tr("Preparing the export…"), QString(), 0, 2, this);
    progress.setObjectName(QStringLiteral("subjectAccessProgressDialog"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    BusyCursor busy;

    const ExportInfo info{QDateTime::currentDateTimeUtc(), m_session->actor().user};
    QByteArray content;
    if (pdf) {
        Result<QByteArray> rendered = documents::subjectAccessPdf(m_collection, m_review, info);
        if (!rendered) {
            m_statusLabel->setText(rendered.error().message);
            return;
        }
        content = std::move(*rendered);
    } else {
        content = QJsonDocument(exportJson(m_collection, m_review, info)).toJson(QJsonDocument::Indented);
    }
    progress.setLabelText(tr("Saving the export…"));
    progress.setValue(1);

    const Result<qint64> written =
        writeExport(m_session->store(), m_session->actor(), m_collection, m_review, kind, path, content);
    progress.setValue(2);
    if (!written) {
        m_statusLabel->setText(written.error().message);
        return;
    }
    const qsizetype withheld = std::ranges::count_if(
        m_collection.items, [this](const Item& item) { return isWithheld(m_review, item.id); });
    m_statusLabel->setText(tr("Exported %n item(s) to %1, with %2 withheld. The export is recorded in the "
                              "audit trail.",
                              nullptr, int(m_collection.items.size() - withheld))
                               .arg(QDir::toNativeSeparators(path))
                               .arg(withheld));
}

} // namespace earlyhelp::ui
