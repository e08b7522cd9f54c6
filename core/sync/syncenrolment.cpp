#include "sync/syncenrolment.h"

#include "keys/keyfile.h"
#include "sync/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace earlyhelp::sync {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sync)
};

constexpr qsizetype maxDeviceNameLength = 200;

// The length of the random value written to check the keychain before the
// code is sent. The server's credentials are Base64 of 32 bytes, 44 characters.
constexpr std::size_t keychainCheckBytes = 44;

// Writes secret under key and reads it back. KeychainUnavailable when the
// value read differs from the one written; the keychain's own errors
// otherwise. The entry is removed when the check fails.
Status writeAndCompare(keys::Keychain& keychain, const QString& key, const SecretBytes& secret) {
    if (Status written = keychain.writeSecret(key, secret); !written)
        return written;
    Result<SecretBytes> readBack = keychain.readSecret(key);
    if (readBack && readBack->equals(secret))
        return {};

    qCWarning(lcSync) << "Reading back the keychain entry" << key << "did not return what was written";
    (void)keychain.deleteSecret(key);
    if (!readBack && readBack.error().code != ErrorCode::NotFound)
        return std::unexpected(readBack.error());
    return makeError(
        ErrorCode::KeychainUnavailable,
        Text::tr("No OS keychain is available: the entry \"%1\" could not be read back as written.")
            .arg(key));
}

QString enrolmentFailure(const QString& reason) {
    return Text::tr("Enrolment failed because the OS keychain, which keeps the device credential, cannot be "
                    "used (%1). Nothing was sent to the server and the enrolment code can still be used. "
                    "Unlock or start the keychain (on Linux, GNOME Keyring or another Secret Service), then "
                    "try again.")
        .arg(reason);
}

Status validate(const EnrolmentRequest& request) {
    if (request.code.trimmed().isEmpty()) {
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("The enrolment code is empty. Enter the code your administrator gave you."));
    }
    const QString name = request.deviceName.trimmed();
    if (name.isEmpty() || name.size() > maxDeviceNameLength) {
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("The device name \"%1\" must have 1 to %2 characters.")
                             .arg(name)
                             .arg(maxDeviceNameLength));
    }
    return {};
}

Status writeEnrolmentRow(Store& store, const SyncEnrolment& enrolment) {
    QSqlDatabase database = store.database();
    if (!database.transaction())
        return std::unexpected(store.errorFromSql(database.lastError()));

    QSqlQuery query(database);
    bool written = query.exec(QStringLiteral("DELETE FROM sync_enrolment"));
    if (written) {
        query.prepare(QStringLiteral(
            "INSERT INTO sync_enrolment (id, server_url, device_id, device_name, server_org_id, "
            "server_org_name, "
            "server_org_party_type, extra_ca_certificates, enrolled_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(enrolment.serverUrl.toString());
        query.addBindValue(enrolment.deviceId);
        query.addBindValue(enrolment.deviceName);
        query.addBindValue(enrolment.organisation.id);
        query.addBindValue(enrolment.organisation.name);
        query.addBindValue(enrolment.organisation.partyType);
        query.addBindValue(QString::fromUtf8(enrolment.extraCaCertificates));
        query.addBindValue(enrolment.enrolledAt.toString(Qt::ISODateWithMs));
        written = query.exec();
    }
    if (!written) {
        const Error error = store.errorFromSql(query.lastError());
        query.finish();
        database.rollback();
        return std::unexpected(error);
    }
    query.finish();
    if (!database.commit()) {
        const Error error = store.errorFromSql(database.lastError());
        database.rollback();
        return std::unexpected(error);
    }
    return {};
}

Status removeEnrolmentRow(Store& store) {
    QSqlQuery query(store.database());
    if (!query.exec(QStringLiteral("DELETE FROM sync_enrolment")))
        return std::unexpected(store.errorFromSql(query.lastError()));
    return {};
}

QByteArray toPem(const QList<QSslCertificate>& certificates) {
    QByteArray pem;
    for (const QSslCertificate& certificate : certificates)
        pem += certificate.toPem();
    return pem;
}

} // namespace

Result<QUuid> storeIdFor(const QString& storePath) {
    auto keyFile = keys::KeyFile::open(storePath);
    if (!keyFile)
        return std::unexpected(keyFile.error());
    return keyFile->storeId();
}

QString credentialKeychainKey(const QUuid& storeId, const QUrl& serverUrl) {
    return QStringLiteral("sync-%1-%2:%3")
        .arg(storeId.toString(QUuid::WithoutBraces), serverUrl.host())
        .arg(serverUrl.port(443));
}

Result<std::optional<SyncEnrolment>> readEnrolment(const Store& store) {
    QSqlQuery query(store.database());
    if (!query.exec(
            QStringLiteral("SELECT server_url, device_id, device_name, server_org_id, server_org_name, "
                           "server_org_party_type, extra_ca_certificates, enrolled_at "
                           "FROM sync_enrolment WHERE id = 1"))) {
        return std::unexpected(store.errorFromSql(query.lastError()));
    }
    if (!query.next())
        return std::optional<SyncEnrolment>();

    SyncEnrolment enrolment;
    enrolment.serverUrl = QUrl(query.value(0).toString());
    enrolment.deviceId = query.value(1).toString();
    enrolment.deviceName = query.value(2).toString();
    enrolment.organisation = {query.value(3).toString(), query.value(4).toString(),
                              query.value(5).toString()};
    enrolment.extraCaCertificates = query.value(6).toString().toUtf8();
    enrolment.enrolledAt = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs).toUTC();
    return std::optional<SyncEnrolment>(std::move(enrolment));
}

Result<SyncEnrolment> enrolStore(Store& store, const QUuid& storeId, const access::Actor& actor,
                                 keys::Keychain& keychain, const EnrolmentRequest& request) {
    if (Status allowed = access::authorise(actor, access::Action::ChangeSettings); !allowed)
        return std::unexpected(allowed.error());
    auto serverUrl = parseServerUrl(request.serverUrl);
    if (!serverUrl)
        return std::unexpected(serverUrl.error());
    if (Status valid = validate(request); !valid)
        return std::unexpected(valid.error());

    QList<QSslCertificate> extraCaCertificates;
    if (!request.caCertificatePath.isEmpty()) {
        auto read = readCaCertificates(request.caCertificatePath);
        if (!read)
            return std::unexpected(read.error());
        extraCaCertificates = *read;
    }

    auto previous = readEnrolment(store);
    if (!previous)
        return std::unexpected(previous.error());

    // The check uses its own entry, so that a failed enrolment leaves the
    // credential of the current enrolment in place.
    const QString entryKey = credentialKeychainKey(storeId, *serverUrl);
    const QString checkKey = entryKey + u"-check";
    if (Status usable = writeAndCompare(keychain, checkKey, SecretBytes::random(keychainCheckBytes));
        !usable) {
        qCWarning(lcSync) << "Enrolment with" << serverUrl->toString()
                          << "stopped: the keychain is not usable";
        return makeError(usable.error().code, enrolmentFailure(usable.error().message));
    }
    if (Status removed = keychain.deleteSecret(checkKey); !removed)
        qCWarning(lcSync) << "The keychain entry" << checkKey
                          << "could not be removed:" << removed.error().message;

    SyncConnection connection(*serverUrl, extraCaCertificates, request.timeout);
    auto grant = connection.enrol(request.code.trimmed(), request.deviceName.trimmed());
    if (!grant)
        return std::unexpected(grant.error());

    if (Status kept = writeAndCompare(keychain, entryKey, grant->credential); !kept) {
        qCWarning(lcSync) << "Device" << grant->deviceId
                          << "was enrolled, but its credential could not be kept in" << entryKey;
        // The write replaced the credential of an earlier enrolment with the
        // same server, so that enrolment no longer works either.
        if (*previous && credentialKeychainKey(storeId, (*previous)->serverUrl) == entryKey) {
            if (Status removed = removeEnrolmentRow(store); !removed)
                qCWarning(lcSync) << "The enrolment row could not be removed:" << removed.error().message;
        }
        return makeError(
            kept.error().code,
            Text::tr("The server enrolled this device, but the OS keychain could not keep its "
                     "credential (%1), so nothing was stored and the code is used up. Unlock the "
                     "keychain, ask your administrator for a new code and to revoke device %2, "
                     "then enrol again.")
                .arg(kept.error().message, grant->deviceId));
    }

    SyncEnrolment enrolment;
    enrolment.serverUrl = *serverUrl;
    enrolment.deviceId = grant->deviceId;
    enrolment.deviceName = request.deviceName.trimmed();
    enrolment.organisation = grant->organisation;
    enrolment.extraCaCertificates = toPem(extraCaCertificates);
    enrolment.enrolledAt = QDateTime::currentDateTimeUtc();
    if (Status recorded = writeEnrolmentRow(store, enrolment); !recorded) {
        (void)keychain.deleteSecret(entryKey);
        qCWarning(lcSync) << "Device" << grant->deviceId
                          << "was enrolled, but the store could not record it:" << recorded.error().message;
        return std::unexpected(recorded.error());
    }

    if (*previous) {
        const QString previousKey = credentialKeychainKey(storeId, (*previous)->serverUrl);
        if (previousKey != entryKey) {
            if (Status removed = keychain.deleteSecret(previousKey); !removed)
                qCWarning(lcSync) << "The old keychain entry" << previousKey
                                  << "could not be removed:" << removed.error().message;
        }
        qCInfo(lcSync) << "Device" << (*previous)->deviceId << "of" << (*previous)->serverUrl.toString()
                       << "replaced by device" << enrolment.deviceId;
    }
    qCInfo(lcSync) << "Store" << store.path() << "enrolled with" << serverUrl->toString() << "as device"
                   << enrolment.deviceId << "with its credential in the keychain entry" << entryKey;
    return enrolment;
}

Result<std::unique_ptr<SyncConnection>> connectEnrolledStore(const Store& store, const QUuid& storeId,
                                                             keys::Keychain& keychain,
                                                             const QString& caCertificatePath,
                                                             std::chrono::milliseconds timeout) {
    auto enrolment = readEnrolment(store);
    if (!enrolment)
        return std::unexpected(enrolment.error());
    if (!*enrolment) {
        return makeError(ErrorCode::NotFound,
                         Text::tr("The case store %1 is not enrolled with a sync server. Enrol it with the "
                                  "server address and the code your administrator gave you.")
                             .arg(store.path()));
    }

    QList<QSslCertificate> extraCaCertificates = QSslCertificate::fromData((*enrolment)->extraCaCertificates);
    if (!caCertificatePath.isEmpty()) {
        auto read = readCaCertificates(caCertificatePath);
        if (!read)
            return std::unexpected(read.error());
        extraCaCertificates = *read;
    }

    const QString entryKey = credentialKeychainKey(storeId, (*enrolment)->serverUrl);
    auto credential = keychain.readSecret(entryKey);
    if (!credential) {
        if (credential.error().code == ErrorCode::NotFound) {
            return makeError(
                ErrorCode::Keychain,
                Text::tr("The OS keychain has no device credential \"%1\" for this store, or the "
                         "keychain is locked. Unlock the keychain, or enrol the store again with a "
                         "new code.")
                    .arg(entryKey));
        }
        return std::unexpected(credential.error());
    }

    auto connection = std::make_unique<SyncConnection>((*enrolment)->serverUrl, extraCaCertificates, timeout);
    connection->setDeviceCredential((*enrolment)->deviceId, std::move(*credential));
    return connection;
}

} // namespace earlyhelp::sync
