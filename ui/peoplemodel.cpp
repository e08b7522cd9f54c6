#include "peoplemodel.h"

#include <QGuiApplication>
#include <QPalette>

#include "displaytext.h"

namespace earlyhelp::ui {

PeopleModel::PeopleModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PeopleModel::setPeople(QList<PersonSummary> people)
{
    beginResetModel();
    m_people = std::move(people);
    endResetModel();
}

void PeopleModel::clear()
{
    setPeople({});
}

int PeopleModel::rowOf(const QString& personId) const
{
    for (qsizetype row = 0; row < m_people.size(); ++row) {
        if (m_people.at(row).id == personId)
            return static_cast<int>(row);
    }
    return -1;
}

int PeopleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_people.size());
}

int PeopleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeopleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PersonSummary& person = m_people.at(index.row());

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return listName(person);
        case DateOfBirthColumn:
            return displayDate(person.dateOfBirth);
        case UpnColumn:
            return person.upn;
        case FamilyColumn:
            return person.familyName.isEmpty() ? tr("Not in a family") : person.familyName;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return fullNameDescription(person);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == FamilyColumn && person.familyName.isEmpty())
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case PersonIdRole:
        return person.id;
    case FamilyIdRole:
        return person.familyId;
    default:
        return {};
    }
}

QVariant PeopleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DateOfBirthColumn:
        return tr("Date of birth");
    case UpnColumn:
        return tr("UPN");
    case FamilyColumn:
        return tr("Family");
    default:
        return {};
    }
}

} // namespace earlyhelp::ui
