#pragma once

#include <memory>
#include <optional>

#include <QList>
#include <QMap>
#include <QString>

#include "cases/personrepository.h"
#include "editordialog.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace earlyhelp::ui {

// Adds a person, optionally into a family, after looking for people already
// in the store who may be the same person. When it finds some, it lists them
// with the reason each matched, and the user either links one of them to
// the family or confirms that the person is new. Each field's error is shown
// beside the field.
class AddPersonDialog : public EditorDialog {
    Q_OBJECT

public:
    // Preselects the family familyId, or no family for an empty id.
    AddPersonDialog(CaseSession* session, const QString& familyId, QWidget* parent = nullptr);
    ~AddPersonDialog() override;

    // The id of the person added or linked, or empty before that.
    [[nodiscard]] QString personId() const { return m_personId; }

protected:
    [[nodiscard]] Status save() override;

private:
    void createFields();
    QLineEdit* addLineEdit(PersonField field, const QString& labelText, const QString& objectName,
                           const QString& accessibleName);
    void addRow(const QString& labelText, QWidget* field, QLabel* errorLabel);
    void loadFamilies(const QString& familyId);
    void updateFamilyFields();
    [[nodiscard]] NewPerson typedPerson() const;
    [[nodiscard]] std::optional<FamilyLink> chosenFamily() const;
    void clearFieldErrors();
    void showFieldErrors(const QList<PersonFieldError>& errors);
    void showDuplicates(const QList<DuplicateMatch>& matches);
    void hideDuplicates();
    void updateDuplicateButtons();
    void linkSelectedDuplicate();
    void addAsNewPerson();
    void notifyWritten(const QString& familyId);

    std::unique_ptr<PersonRepository> m_people;
    QString m_personId;
    bool m_confirmedNew = false;

    QLineEdit* m_forenameEdit = nullptr;
    QLineEdit* m_middleNamesEdit = nullptr;
    QLineEdit* m_surnameEdit = nullptr;
    QLineEdit* m_preferredNameEdit = nullptr;
    QLineEdit* m_dateOfBirthEdit = nullptr;
    QComboBox* m_sexCombo = nullptr;
    QLineEdit* m_upnEdit = nullptr;
    QLineEdit* m_nhsNumberEdit = nullptr;
    QLineEdit* m_postcodeEdit = nullptr;
    QComboBox* m_familyCombo = nullptr;
    QComboBox* m_roleCombo = nullptr;
    QComboBox* m_relationshipCombo = nullptr;
    QCheckBox* m_parentalResponsibilityCheck = nullptr;
    QMap<PersonField, QLabel*> m_errorLabels;
    QMap<PersonField, QWidget*> m_fieldWidgets;

    QGroupBox* m_duplicatesBox = nullptr;
    QLabel* m_duplicatesLabel = nullptr;
    QTreeWidget* m_duplicatesTree = nullptr;
    QPushButton* m_linkButton = nullptr;
    QPushButton* m_addAsNewButton = nullptr;
};

} // namespace earlyhelp::ui
