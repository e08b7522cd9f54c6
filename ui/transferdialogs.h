#pragma once

#include "ui/filechooser.h"

#include <QByteArray>
#include <QDialog>
#include <QString>

#include "transfer/safeguardingtransfer.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace earlyhelp::ui {

class CaseSession;

// "Transfer Safeguarding File…": packs one child's safeguarding file for the
// school the child moves to (core/transfer). It then shows the one-time code
// once, with a button that copies it and the advice to send the code by a
// different route than the file. session must outlive the dialog.
class SendTransferDialog : public QDialog {
    Q_OBJECT

public:
    SendTransferDialog(CaseSession* session, QString personId, const QString& childName, FileChooser fileChooser,
                       QWidget* parent = nullptr);

private:
    void choosePackagePath();
    void createPackage();

    CaseSession* m_session = nullptr;
    QString m_personId;
    FileChooser m_fileChooser;
    QLineEdit* m_urnEdit = nullptr;
    QLineEdit* m_pathEdit = nullptr;
    QPushButton* m_createButton = nullptr;
    QLabel* m_errorLabel = nullptr;
    QWidget* m_codePanel = nullptr;
    QLineEdit* m_codeEdit = nullptr;
};

// Tools › Import Safeguarding File…: imports a package sent to this school
// with its code, then shows what was imported and offers the receipt to
// send back. Emits imported() after a successful import.
class ImportTransferDialog : public QDialog {
    Q_OBJECT

public:
    ImportTransferDialog(CaseSession* session, FileChooser fileChooser, QWidget* parent = nullptr);

signals:
    void imported(const QString& personId);

private:
    void choosePackagePath();
    void importPackage();
    void saveReceipt();

    CaseSession* m_session = nullptr;
    FileChooser m_fileChooser;
    QLineEdit* m_pathEdit = nullptr;
    QLineEdit* m_codeEdit = nullptr;
    QPushButton* m_importButton = nullptr;
    QLabel* m_errorLabel = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QPushButton* m_saveReceiptButton = nullptr;
    QByteArray m_receipt;
};

// Tools › Safeguarding File Transfers…: every package sent or received with
// its times, Confirm Receipt… for a receipt a receiving school sent back, and
// Save Receipt… for a package this school imported.
class TransfersDialog : public QDialog {
    Q_OBJECT

public:
    TransfersDialog(CaseSession* session, FileChooser fileChooser, QWidget* parent = nullptr);

    // Reads the transfers again.
    void reload();

private:
    void confirmReceipt();
    void saveReceipt();
    void updateButtons();

    CaseSession* m_session = nullptr;
    FileChooser m_fileChooser;
    QList<transfer::TransferEntry> m_entries;
    QTableWidget* m_table = nullptr;
    QLabel* m_messageLabel = nullptr;
    QPushButton* m_confirmButton = nullptr;
    QPushButton* m_saveReceiptButton = nullptr;
};

} // namespace earlyhelp::ui
