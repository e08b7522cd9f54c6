#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "cases/casedirectory.h"

namespace earlyhelp::ui {

// A table of families for the families list: name, children, adults and
// status. It contains a copy of the rows it was given and never reads the store.
class FamilyListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, ChildrenColumn, AdultsColumn, StatusColumn, ColumnCount };
    enum Role { FamilyIdRole = Qt::UserRole + 1 };

    explicit FamilyListModel(QObject* parent = nullptr);

    void setFamilies(QList<FamilySummary> families);
    void clear();

    [[nodiscard]] const FamilySummary& family(int row) const { return m_families.at(row); }
    // Returns the row of the family with that id, or -1.
    [[nodiscard]] int rowOf(const QString& familyId) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<FamilySummary> m_families;
};

} // namespace earlyhelp::ui
