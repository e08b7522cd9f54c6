#pragma once

#include <QAbstractTableModel>
#include <QDialog>
#include <QHash>
#include <QList>

#include "audit/auditlog.h"
#include "auditeventtext.h"
#include "common/result.h"
#include "filechooser.h"

class QComboBox;
class QDateEdit;
class QIODevice;
class QLabel;
class QLineEdit;
class QPushButton;
class QStringListModel;
class QTableView;

namespace earlyhelp {
class Store;
}

namespace earlyhelp::ui {

class CaseSession;

// The events of the audit trail that a filter matches, in the filter's
// order, read one page at a time as the view scrolls (canFetchMore() and
// fetchMore()), so opening never reads the whole trail. Each row's text is
// rendered once, when its page is read.
class AuditEventModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        WhenColumn,
        UserColumn,
        RoleColumn,
        ActionColumn,
        RecordColumn,
        DetailsColumn,
        ColumnCount
    };

    // Events read per page.
    static constexpr int pageSize = 200;

    // The store must outlive the model.
    explicit AuditEventModel(Store& store, QObject* parent = nullptr);

    // Replaces the rows with the first page of the events filter matches, in
    // its order. Its limit and sequence bounds are the model's own. Returns
    // the store's error, and then the model is empty.
    [[nodiscard]] Status setFilter(const audit::Filter& filter);
    [[nodiscard]] const audit::Filter& filter() const { return m_filter; }
    // Every event the filter matches, counted when the filter was set.
    [[nodiscard]] qint64 matchingCount() const { return m_matchingCount; }
    [[nodiscard]] const audit::Event& event(int row) const { return m_events.at(row); }

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    // Reading a further page failed with message.
    void fetchFailed(const QString& message);

private:
    // Reads the page of events after the last row.
    [[nodiscard]] Result<QList<audit::Event>> readPage() const;
    // Renders and appends page's rows. A short page is the last.
    void appendPage(const QList<audit::Event>& page);

    Store& m_store;
    AuditEventText m_text;
    audit::Filter m_filter;
    QList<audit::Event> m_events;
    QList<QStringList> m_rows; // the text of each column, per event
    qint64 m_matchingCount = 0;
    bool m_complete = true; // no page is left to read
};

// Writes the events filter matches as CSV to device: a header row, then one
// row per event, in the filter's order, in UTF-8 after a byte order mark (so Excel
// reads it as UTF-8), with times in ISO 8601 UTC. A cell that starts with
// "=", "+", "-" or "@" gets a leading apostrophe, so that a spreadsheet does
// not run it as a formula. Returns the number of events written.
[[nodiscard]] Result<qint64> writeAuditCsv(Store& store, audit::Filter filter, QIODevice& device);

// Tools › Audit Trail…: the store's audit trail for the designated
// safeguarding lead, filtered by person, family, user, action and dates, and
// exported to CSV. Only create() makes one, and only for a role that may view
// the audit trail. The session must outlive the dialog.
class AuditViewerDialog : public QDialog {
    Q_OBJECT

public:
    // Returns a new dialog, not yet shown, or PermissionDenied with a message
    // for the user when session is null or its actor may not view the audit
    // trail.
    [[nodiscard]] static Result<AuditViewerDialog*> create(CaseSession* session, FileChooser fileChooser,
                                                           QWidget* parent = nullptr);

    // Reads the events the filters match. Shows an invalid filter's problem
    // and reads nothing.
    void applyFilters();
    // Asks for a file and writes the events the applied filters match to it
    // as CSV, then records the export in the audit trail.
    void exportCsv();

    [[nodiscard]] AuditEventModel* model() const { return m_model; }

private:
    AuditViewerDialog(CaseSession* session, FileChooser fileChooser, QWidget* parent);

    void createFilters();
    void loadFilterChoices();
    void suggestPeople(const QString& typed);
    // Sets personId to the chosen person's id, or an empty string for all.
    // Returns false with the problem shown when the typed text names no one
    // person.
    [[nodiscard]] bool resolvePerson(QString& personId);
    void updateCountLabel();

    CaseSession* m_session = nullptr;
    FileChooser m_fileChooser;
    AuditEventModel* m_model = nullptr;

    QLineEdit* m_personEdit = nullptr;
    QStringListModel* m_personSuggestions = nullptr;
    QHash<QString, QString> m_personIds; // suggestion text → person id
    QComboBox* m_familyCombo = nullptr;
    QComboBox* m_userCombo = nullptr;
    QComboBox* m_actionCombo = nullptr;
    QComboBox* m_orderCombo = nullptr;
    QDateEdit* m_fromEdit = nullptr;
    QDateEdit* m_toEdit = nullptr;
    QPushButton* m_applyButton = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_exportButton = nullptr;
};

} // namespace earlyhelp::ui
