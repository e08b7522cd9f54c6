#include "familylistmodel.h"

#include "displaytext.h"

namespace earlyhelp::ui {

FamilyListModel::FamilyListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void FamilyListModel::setFamilies(QList<FamilySummary> families)
{
    beginResetModel();
    m_families = std::move(families);
    endResetModel();
}

void FamilyListModel::clear()
{
    setFamilies({});
}

int FamilyListModel::rowOf(const QString& familyId) const
{
    for (qsizetype row = 0; row < m_families.size(); ++row) {
        if (m_families.at(row).id == familyId)
            return static_cast<int>(row);
    }
    return -1;
}

int FamilyListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_families.size());
}

int FamilyListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FamilyListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FamilySummary& family = m_families.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return family.name;
        case ChildrenColumn:
            return family.childCount;
        case AdultsColumn:
            return family.adultCount;
        case StatusColumn:
            if (family.lookedAfter)
                return tr("%1, looked after").arg(CodeLabels::familyStatus(family.status));
            return CodeLabels::familyStatus(family.status);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == ChildrenColumn || index.column() == AdultsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == ChildrenColumn)
            return tr("%n child(ren)", nullptr, family.childCount);
        if (index.column() == AdultsColumn)
            return tr("%n adult(s)", nullptr, family.adultCount);
        return {};
    case FamilyIdRole:
        return family.id;
    default:
        return {};
    }
}

QVariant FamilyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Family");
    case ChildrenColumn:
        return tr("Children");
    case AdultsColumn:
        return tr("Adults");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace earlyhelp::ui
