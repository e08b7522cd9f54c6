#include "transfer/safeguardingtransfer.h"

#include "audit/auditlog.h"
#include "cases/casedirectory.h"
#include "casework/recordtable.h"
#include "store/store.h"
#include "transfer/logging.h"
#include "transfer/packageformat.h"
#include "transfer/safeguardingfile.h"
#include "transfer/transfercode.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

namespace earlyhelp::transfer {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("earlyhelp::transfer::SafeguardingTransfer", text);
}

const QString packageFormatName = QStringLiteral("earlyhelp-safeguarding-file");
const QString receiptFormatName = QStringLiteral("earlyhelp-safeguarding-receipt");
constexpr int documentVersion = 1;
// A package of one child's file is a few megabytes at most; the cap stops a
// wrong file from being read whole into memory.
constexpr qint64 maxPackageBytes = 256LL * 1024 * 1024;
constexpr qint64 maxReceiptBytes = 64 * 1024;

QString timestamp(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFromStored(const QVariant& value) {
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.toUTC();
}

QString timeForScreen(const QDateTime& time) {
    return time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

QString childDisplayName(const QJsonObject& person) {
    QString forename = person.value(QStringLiteral("preferred_forename")).toString();
    if (forename.isEmpty())
        forename = person.value(QStringLiteral("legal_forename")).toString();
    QString surname = person.value(QStringLiteral("preferred_surname")).toString();
    if (surname.isEmpty())
        surname = person.value(QStringLiteral("legal_surname")).toString();
    return QString(forename + u' ' + surname).trimmed();
}

// Returns the local organisation, which must have a DfE URN.
Result<OrganisationRecord> localSchool(Store& store) {
    Result<OrganisationRecord> local = CaseDirectory(store).localOrganisation();
    if (!local)
        return local;
    if (local->dfeUrn.isEmpty())
        return makeError(ErrorCode::InvalidInput,
                         tr("This store's organisation, %1, has no DfE URN, and a safeguarding file transfer "
                            "names each school by its URN. Record the school's URN first.")
                             .arg(local->name));
    return local;
}

// The bytes the receipt's MAC covers: each field as a 4-byte big-endian
// length followed by its UTF-8 bytes, so that no field can run into the next.
QByteArray receiptMessage(const QJsonObject& receipt) {
    QByteArray message;
    const QJsonObject school = receipt.value(QStringLiteral("receivingSchool")).toObject();
    for (const QString& field : {receiptFormatName, QString::number(documentVersion),
                                 receipt.value(QStringLiteral("packageId")).toString(),
                                 receipt.value(QStringLiteral("receivedAt")).toString(),
                                 school.value(QStringLiteral("name")).toString(),
                                 school.value(QStringLiteral("urn")).toString(),
                                 receipt.value(QStringLiteral("sendingUrn")).toString()}) {
        const QByteArray bytes = field.toUtf8();
        char length[4];
        qToBigEndian<quint32>(quint32(bytes.size()), length);
        message.append(length, 4);
        message.append(bytes);
    }
    return message;
}

TransferEntry readEntry(const QSqlQuery& query) {
    TransferEntry entry;
    entry.packageId = query.value(0).toString();
    entry.direction =
        query.value(1).toString() == u"sent" ? TransferDirection::Sent : TransferDirection::Received;
    entry.personId = query.value(2).toString();
    entry.otherSchoolName = query.value(3).toString();
    entry.otherSchoolUrn = query.value(4).toString();
    entry.createdAt = timeFromStored(query.value(5));
    entry.transferredAt = timeFromStored(query.value(6));
    entry.receiptAt = timeFromStored(query.value(7));
    entry.confirmedAt = timeFromStored(query.value(8));
    entry.recordedBy = query.value(9).toString();
    const QString preferred = query.value(10).toString();
    entry.childName =
        QString((preferred.isEmpty() ? query.value(11).toString() : preferred) + u' ' + query.value(12).toString())
            .trimmed();
    return entry;
}

int recordTotal(const QMap<QString, int>& counts) {
    int total = 0;
    for (int count : counts)
        total += count;
    return total;
}

// Returns counts as a JSON object of store table name to record count, for
// the recordCounts of a transfer event, which the sharing log shows.
QJsonObject recordCountsJson(const QMap<QString, int>& counts) {
    QJsonObject json;
    for (auto table = counts.cbegin(); table != counts.cend(); ++table)
        json.insert(table.key(), table.value());
    return json;
}

// A package file opened with its code.
struct OpenedPackage {
    QString packageId;
    QJsonObject document;
    TransferKeys keys;
};

// Reads the package at path, decrypts it with the code in canonical form and
// checks that the document is a safeguarding file of this format.
Result<OpenedPackage> openPackageFile(const QString& path, const QString& canonicalCode) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         tr("%1 could not be read: %2. Check the file's name and folder.")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.size() > maxPackageBytes)
        return makeError(ErrorCode::ImportRejected,
                         tr("%1 has %2 bytes, more than any safeguarding file package. Check that you chose "
                            "the file the sending school sent.")
                             .arg(QDir::toNativeSeparators(path))
                             .arg(file.size()));
    const QByteArray bytes = file.readAll();

    Result<PackageHeader> header = decodePackageHeader(bytes);
    if (!header)
        return std::unexpected(header.error());
    Result<TransferKeys> keys = deriveTransferKeys(canonicalCode, *header);
    if (!keys)
        return std::unexpected(keys.error());
    Result<QByteArray> plaintext = openPackage(bytes, *header, keys->packageKey);
    if (!plaintext)
        return std::unexpected(plaintext.error());
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(*plaintext, &parseError);
    wipeBytes(*plaintext);

    const QJsonObject document = parsed.object();
    const QString packageId = header->packageId.toString(QUuid::WithoutBraces);
    if (parseError.error != QJsonParseError::NoError || document.value(QStringLiteral("format")) != packageFormatName
        || document.value(QStringLiteral("formatVersion")).toInt() != documentVersion
        || document.value(QStringLiteral("packageId")).toString() != packageId
        || !document.value(QStringLiteral("records")).isObject())
        return makeError(ErrorCode::ImportRejected,
                         tr("The package opened, but its contents are not a safeguarding file this version of "
                            "the app reads. Update the app, or ask the sending school to send the file again."));

    return OpenedPackage{packageId, document, std::move(*keys)};
}

// Appends one transfer event in the transaction open on the store, naming
// actor and the child's id in this store.
Status appendTransferEvent(Store& store, const std::function<QDateTime()>& clock, const access::Actor& actor,
                           audit::Action action, const QString& personId, const QJsonObject& details) {
    audit::NewEvent event;
    event.action = action;
    event.recordType = QStringLiteral("person");
    event.recordId = personId;
    event.personId = personId;
    event.details = details;
    event.user = actor.user;
    event.roleCode = actor.roleCode;
    if (Result<qint64> audited = audit::AuditLog(store, clock).append(event); !audited)
        return std::unexpected(audited.error());
    return {};
}

const QString selectEntries = QStringLiteral(
    "SELECT t.package_id, t.direction, t.person_id, t.other_school_name, t.other_school_urn, t.created_at, "
    "t.transferred_at, t.receipt_at, t.confirmed_at, t.recorded_by, p.preferred_forename, p.legal_forename, "
    "p.legal_surname FROM safeguarding_transfer t LEFT JOIN person p ON p.id = t.person_id AND p.deleted = 0");

} // namespace

Status writePrivateFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, tr("%1 could not be written: %2. Choose a folder you can write to.")
                                            .arg(QDir::toNativeSeparators(path), file.errorString()));
    // The permissions go on the temporary file before any byte is written.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return makeError(ErrorCode::Io,
                         tr("The permissions of %1 could not be limited to its owner: %2. Choose another folder.")
                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return makeError(ErrorCode::Io, tr("%1 could not be written: %2. Check the free space and try again.")
                                            .arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

SafeguardingTransfer::SafeguardingTransfer(Store& store, TransferOptions options)
    : m_store(store)
    , m_options(std::move(options)) {}

Status SafeguardingTransfer::authorise(const access::Actor& actor) const {
    return m_options.guard ? m_options.guard(actor, access::Action::Export)
                           : access::authorise(actor, access::Action::Export);
}

QDateTime SafeguardingTransfer::now() const {
    return (m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc()).toUTC();
}

Result<SentPackage> SafeguardingTransfer::sendFile(const access::Actor& actor, const QString& personId,
                                                   const QString& receivingUrn, const QString& packagePath) {
    if (Status allowed = authorise(actor); !allowed)
        return std::unexpected(allowed.error());
    const QString urn = receivingUrn.trimmed();
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    if (!sixDigits.match(urn).hasMatch())
        return makeError(ErrorCode::InvalidInput,
                         tr("The receiving school's URN \"%1\" is not valid: a DfE URN has six digits, e.g. "
                            "103456.")
                             .arg(receivingUrn));
    Result<OrganisationRecord> school = localSchool(m_store);
    if (!school)
        return std::unexpected(school.error());
    if (urn == school->dfeUrn)
        return makeError(ErrorCode::InvalidInput,
                         tr("The receiving school's URN %1 is this school's own. Enter the URN of the school "
                            "the child is moving to.")
                             .arg(urn));

    Result<QJsonObject> records = readSafeguardingFile(m_store, personId);
    if (!records)
        return std::unexpected(records.error());

    const QDateTime createdAt = now();
    const PackageHeader header = newPackageHeader();
    const QString packageId = header.packageId.toString(QUuid::WithoutBraces);
    const QString code = generateTransferCode();
    Result<TransferKeys> keys = deriveTransferKeys(*canonicalTransferCode(code), header);
    if (!keys)
        return std::unexpected(keys.error());

    const QJsonObject document{
        {QStringLiteral("format"), packageFormatName},
        {QStringLiteral("formatVersion"), documentVersion},
        {QStringLiteral("packageId"), packageId},
        {QStringLiteral("createdAt"), timestamp(createdAt)},
        {QStringLiteral("sendingSchool"),
         QJsonObject{{QStringLiteral("name"), school->name}, {QStringLiteral("urn"), school->dfeUrn}}},
        {QStringLiteral("receivingUrn"), urn},
        {QStringLiteral("sentBy"), actor.user},
        {QStringLiteral("childId"), personId},
        {QStringLiteral("records"), *records},
    };
    QByteArray plaintext = QJsonDocument(document).toJson(QJsonDocument::Compact);
    Result<QByteArray> package = sealPackage(header, keys->packageKey, plaintext);
    wipeBytes(plaintext);
    if (!package)
        return std::unexpected(package.error());

    SentPackage sent;
    sent.packageId = packageId;
    sent.code = code;
    for (auto table = records->begin(); table != records->end(); ++table)
        sent.counts.insert(table.key(), int(table.value().toArray().size()));

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    QSqlQuery insert(m_store.database());
    insert.prepare(QStringLiteral(
        "INSERT INTO safeguarding_transfer (package_id, direction, person_id, other_school_urn, created_at, "
        "transferred_at, receipt_key, recorded_by) VALUES (?, 'sent', ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(packageId);
    insert.addBindValue(personId);
    insert.addBindValue(urn);
    insert.addBindValue(timestamp(createdAt));
    insert.addBindValue(timestamp(createdAt));
    insert.addBindValue(QByteArray(reinterpret_cast<const char*>(keys->receiptKey.data()),
                                   qsizetype(keys->receiptKey.size())));
    insert.addBindValue(actor.user);
    if (!insert.exec())
        return std::unexpected(m_store.errorFromSql(insert.lastError()));
    if (Status audited = appendTransferEvent(
            m_store, [this] { return now(); }, actor, audit::Action::TransferSend, personId,
            QJsonObject{{QStringLiteral("packageId"), packageId},
                        {QStringLiteral("receivingUrn"), urn},
                        {QStringLiteral("records"), recordTotal(sent.counts)},
                        {QStringLiteral("recordCounts"), recordCountsJson(sent.counts)}});
        !audited)
        return std::unexpected(audited.error());

    // The file is committed before the transaction, so a failed write
    // leaves no record of a send; a failed commit removes the file again.
    if (Status written = writePrivateFile(packagePath, *package); !written)
        return std::unexpected(written.error());
    if (Status committed = transaction.commit(); !committed) {
        QFile::remove(packagePath);
        return std::unexpected(committed.error());
    }
    qCInfo(lcTransfer) << "safeguarding file packed:" << packageId << "records:" << sent.counts;
    return sent;
}

Result<ImportedPackage> SafeguardingTransfer::importFile(const access::Actor& actor, const QString& packagePath,
                                                         const QString& code) {
    if (Status allowed = authorise(actor); !allowed)
        return std::unexpected(allowed.error());
    Result<QString> canonicalCode = canonicalTransferCode(code);
    if (!canonicalCode)
        return std::unexpected(canonicalCode.error());
    Result<OrganisationRecord> school = localSchool(m_store);
    if (!school)
        return std::unexpected(school.error());

    Result<OpenedPackage> opened = openPackageFile(packagePath, *canonicalCode);
    if (!opened)
        return std::unexpected(opened.error());
    const QJsonObject& document = opened->document;
    const QString& packageId = opened->packageId;
    const SecretBytes& receiptKey = opened->keys.receiptKey;

    const QString addressedTo = document.value(QStringLiteral("receivingUrn")).toString();
    if (addressedTo != school->dfeUrn)
        return makeError(ErrorCode::ImportRejected,
                         tr("The package is addressed to the school with URN %1, but this store belongs to %2 "
                            "with URN %3. Nothing was imported; ask the sending school to check the URN and "
                            "send the file again.")
                             .arg(addressedTo, school->name, school->dfeUrn));

    QSqlQuery earlier(m_store.database());
    earlier.prepare(QStringLiteral("SELECT transferred_at, recorded_by FROM safeguarding_transfer "
                                   "WHERE package_id = ? AND direction = 'received'"));
    earlier.addBindValue(packageId);
    if (!earlier.exec())
        return std::unexpected(m_store.errorFromSql(earlier.lastError()));
    if (earlier.next())
        return makeError(ErrorCode::AlreadyExists,
                         tr("This package (%1) was imported on %2 by %3, and a package is imported only once. "
                            "Find the child in the case list, or send the receipt again from Safeguarding File "
                            "Transfers.")
                             .arg(packageId, timeForScreen(timeFromStored(earlier.value(0))),
                                  earlier.value(1).toString()));

    const QJsonObject sending = document.value(QStringLiteral("sendingSchool")).toObject();
    const QString childId = document.value(QStringLiteral("childId")).toString();
    ImportedPackage imported;
    imported.packageId = packageId;
    imported.sendingSchoolName = sending.value(QStringLiteral("name")).toString();
    imported.sendingSchoolUrn = sending.value(QStringLiteral("urn")).toString();
    imported.createdAt = timeFromStored(document.value(QStringLiteral("createdAt")).toString());
    imported.receivedAt = now();
    const QJsonObject records = document.value(QStringLiteral("records")).toObject();
    for (const QJsonValue& person : records.value(QStringLiteral("person")).toArray())
        if (person.toObject().value(QStringLiteral("id")).toString() == childId)
            imported.childName = childDisplayName(person.toObject());
    if (imported.sendingSchoolUrn.isEmpty() || !imported.createdAt.isValid())
        return makeError(ErrorCode::ImportRejected,
                         tr("The package does not name the sending school's URN or when it was made. Ask the "
                            "sending school to send the file again."));

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    Result<WrittenFile> written = [&] {
        // The audit triggers record each created record under this cause.
        const audit::ScopedAuditCause cause(m_store, QStringLiteral("transfer-import"),
                                            QJsonObject{{QStringLiteral("packageId"), packageId},
                                                        {QStringLiteral("from"), imported.sendingSchoolUrn}});
        return writeSafeguardingFile(m_store, records, childId, school->id);
    }();
    if (!written)
        return std::unexpected(written.error());
    imported.personId = written->personId;
    imported.joinedExistingPerson = written->joinedExistingPerson;
    imported.counts = written->counts;

    QSqlQuery insert(m_store.database());
    insert.prepare(QStringLiteral(
        "INSERT INTO safeguarding_transfer (package_id, direction, person_id, other_school_name, "
        "other_school_urn, created_at, transferred_at, receipt_at, receipt_key, recorded_by) "
        "VALUES (?, 'received', ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(packageId);
    insert.addBindValue(imported.personId);
    insert.addBindValue(imported.sendingSchoolName);
    insert.addBindValue(imported.sendingSchoolUrn);
    insert.addBindValue(timestamp(imported.createdAt));
    insert.addBindValue(timestamp(imported.receivedAt));
    insert.addBindValue(timestamp(imported.receivedAt));
    insert.addBindValue(QByteArray(reinterpret_cast<const char*>(receiptKey.data()),
                                   qsizetype(receiptKey.size())));
    insert.addBindValue(actor.user);
    if (!insert.exec())
        return std::unexpected(m_store.errorFromSql(insert.lastError()));
    const QJsonObject received{
        {QStringLiteral("packageId"), packageId},
        {QStringLiteral("sendingSchool"), imported.sendingSchoolName},
        {QStringLiteral("sendingUrn"), imported.sendingSchoolUrn},
        {QStringLiteral("sentBy"), document.value(QStringLiteral("sentBy")).toString()},
        {QStringLiteral("createdAt"), timestamp(imported.createdAt)},
        {QStringLiteral("records"), recordTotal(imported.counts)},
        {QStringLiteral("recordCounts"), recordCountsJson(imported.counts)},
        {QStringLiteral("joinedExistingPerson"), imported.joinedExistingPerson}};
    if (Status audited = appendTransferEvent(m_store, [this] { return now(); }, actor,
                                             audit::Action::TransferReceive, imported.personId, received);
        !audited)
        return std::unexpected(audited.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());

    Result<QByteArray> receiptBytes = receipt(packageId);
    if (!receiptBytes)
        return std::unexpected(receiptBytes.error());
    imported.receipt = *receiptBytes;
    qCInfo(lcTransfer) << "safeguarding file imported:" << packageId << "records:" << imported.counts;
    return imported;
}

Result<QByteArray> SafeguardingTransfer::receipt(const QString& packageId) const {
    Result<OrganisationRecord> school = localSchool(m_store);
    if (!school)
        return std::unexpected(school.error());
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT other_school_urn, receipt_at, receipt_key FROM safeguarding_transfer "
                                 "WHERE package_id = ? AND direction = 'received'"));
    query.addBindValue(packageId);
    if (!query.exec())
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    if (!query.next())
        return makeError(ErrorCode::NotFound,
                         tr("This store has imported no package with id %1, so it has no receipt for it.")
                             .arg(packageId));
    QByteArray keyBytes = query.value(2).toByteArray();
    const SecretBytes receiptKey = SecretBytes::copyOf(keyBytes.constData(), std::size_t(keyBytes.size()));
    wipeBytes(keyBytes);

    QJsonObject receipt{
        {QStringLiteral("format"), receiptFormatName},
        {QStringLiteral("formatVersion"), documentVersion},
        {QStringLiteral("packageId"), packageId},
        {QStringLiteral("receivedAt"), query.value(1).toString()},
        {QStringLiteral("receivingSchool"),
         QJsonObject{{QStringLiteral("name"), school->name}, {QStringLiteral("urn"), school->dfeUrn}}},
        {QStringLiteral("sendingUrn"), query.value(0).toString()},
    };
    const QByteArray mac = receiptMac(receiptKey, receiptMessage(receipt));
    receipt.insert(QStringLiteral("mac"), QString::fromLatin1(mac.toBase64()));
    return QJsonDocument(receipt).toJson(QJsonDocument::Indented);
}

Result<TransferEntry> SafeguardingTransfer::confirmReceipt(const access::Actor& actor, const QByteArray& receipt) {
    if (Status allowed = authorise(actor); !allowed)
        return std::unexpected(allowed.error());
    const Error notAReceipt{ErrorCode::ImportRejected,
                            tr("The file is not a safeguarding file receipt. Check that you chose the receipt "
                               "the receiving school sent back.")};
    if (receipt.size() > maxReceiptBytes)
        return std::unexpected(notAReceipt);
    QJsonParseError parseError;
    const QJsonObject document = QJsonDocument::fromJson(receipt, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || document.value(QStringLiteral("format")) != receiptFormatName
        || document.value(QStringLiteral("formatVersion")).toInt() != documentVersion)
        return std::unexpected(notAReceipt);
    const QString packageId = document.value(QStringLiteral("packageId")).toString();
    const QDateTime receivedAt = timeFromStored(document.value(QStringLiteral("receivedAt")).toString());
    const QJsonObject receivingSchool = document.value(QStringLiteral("receivingSchool")).toObject();
    const QByteArray mac =
        QByteArray::fromBase64(document.value(QStringLiteral("mac")).toString().toLatin1());

    QSqlQuery sent(m_store.database());
    sent.prepare(QStringLiteral("SELECT other_school_urn, confirmed_at, receipt_key, person_id "
                                "FROM safeguarding_transfer "
                                "WHERE package_id = ? AND direction = 'sent'"));
    sent.addBindValue(packageId);
    if (!sent.exec())
        return std::unexpected(m_store.errorFromSql(sent.lastError()));
    if (!sent.next())
        return makeError(ErrorCode::NotFound,
                         tr("This store sent no package with id %1. Check that the receipt is for a "
                            "safeguarding file this school sent.")
                             .arg(packageId));
    QByteArray keyBytes = sent.value(2).toByteArray();
    const SecretBytes receiptKey = SecretBytes::copyOf(keyBytes.constData(), std::size_t(keyBytes.size()));
    wipeBytes(keyBytes);
    if (!receiptMacMatches(receiptKey, receiptMessage(document), mac) || !receivedAt.isValid())
        return makeError(ErrorCode::ImportRejected,
                         tr("The receipt for package %1 does not verify: it was not made by an import of that "
                            "package, or it was changed afterwards. Ask the receiving school to send the "
                            "receipt again.")
                             .arg(packageId));
    const QString addressedTo = sent.value(0).toString();
    const QString receivingUrn = receivingSchool.value(QStringLiteral("urn")).toString();
    if (receivingUrn != addressedTo)
        return makeError(ErrorCode::ImportRejected,
                         tr("The receipt for package %1 comes from the school with URN %2, but the package was "
                            "sent to URN %3. Ask the receiving school how it came to import it.")
                             .arg(packageId, receivingUrn, addressedTo));
    if (!sent.value(1).isNull())
        return makeError(ErrorCode::AlreadyExists,
                         tr("The receipt for package %1 was recorded on %2 already.")
                             .arg(packageId, timeForScreen(timeFromStored(sent.value(1)))));

    casework::Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());
    QSqlQuery update(m_store.database());
    update.prepare(QStringLiteral("UPDATE safeguarding_transfer SET other_school_name = ?, receipt_at = ?, "
                                  "confirmed_at = ? WHERE package_id = ? AND direction = 'sent'"));
    update.addBindValue(receivingSchool.value(QStringLiteral("name")).toString());
    update.addBindValue(timestamp(receivedAt));
    update.addBindValue(timestamp(now()));
    update.addBindValue(packageId);
    if (!update.exec())
        return std::unexpected(m_store.errorFromSql(update.lastError()));
    const QJsonObject confirmed{{QStringLiteral("packageId"), packageId},
                                {QStringLiteral("receivingSchool"), receivingSchool.value(QStringLiteral("name"))},
                                {QStringLiteral("receivingUrn"), receivingUrn},
                                {QStringLiteral("receivedAt"), timestamp(receivedAt)}};
    if (Status audited = appendTransferEvent(m_store, [this] { return now(); }, actor,
                                             audit::Action::TransferReceipt, sent.value(3).toString(), confirmed);
        !audited)
        return std::unexpected(audited.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCInfo(lcTransfer) << "safeguarding file receipt recorded:" << packageId;

    Result<QList<TransferEntry>> entries = transfers();
    if (!entries)
        return std::unexpected(entries.error());
    for (const TransferEntry& entry : *entries)
        if (entry.packageId == packageId && entry.direction == TransferDirection::Sent)
            return entry;
    return makeError(ErrorCode::Database, tr("The recorded receipt for package %1 could not be read back.")
                                              .arg(packageId));
}

Result<QList<TransferEntry>> SafeguardingTransfer::transfers() const {
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!query.exec(selectEntries + QStringLiteral(" ORDER BY t.transferred_at DESC, t.package_id")))
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    QList<TransferEntry> entries;
    while (query.next())
        entries << readEntry(query);
    return entries;
}

} // namespace earlyhelp::transfer
