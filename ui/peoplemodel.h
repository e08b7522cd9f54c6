#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "cases/casedirectory.h"

namespace earlyhelp::ui {

// A table of people for the people list: name, date of birth, UPN and family.
// It contains a copy of the rows it was given and never reads the store.
class PeopleModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, DateOfBirthColumn, UpnColumn, FamilyColumn, ColumnCount };
    enum Role { PersonIdRole = Qt::UserRole + 1, FamilyIdRole };

    explicit PeopleModel(QObject* parent = nullptr);

    void setPeople(QList<PersonSummary> people);
    void clear();

    // Returns the person on a row; the row must be valid.
    [[nodiscard]] const PersonSummary& person(int row) const { return m_people.at(row); }
    // Returns the row of the person with that id, or -1.
    [[nodiscard]] int rowOf(const QString& personId) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<PersonSummary> m_people;
};

} // namespace earlyhelp::ui
