#pragma once

#include "common/result.h"
#include "serverdatabase.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace earlyhelp::server {

struct Organisation {
    QString id;
    QString name;
    QString partyType; // a party type code of the agreement, such as "school"
    QString dfeUrn;    // empty when none
    QString odsCode;
    QString laCode;
    qint64 createdAt = 0;
};

struct Device {
    QString id;
    QString organisationId;
    QString name;
    qint64 enrolledAt = 0;
    std::optional<qint64> revokedAt;
    std::optional<qint64> lastSeenAt;
};

struct IssuedEnrolmentCode {
    QString code; // shown once, never stored
    qint64 expiresAt = 0;
};

struct Enrolment {
    Device device;
    QByteArray credential; // Base64, shown once, never stored
    Organisation organisation;
};

// The reason an enrolment code was rejected.
enum class EnrolmentRejection { None, UnknownCode, UsedCode, ExpiredCode };

struct EnrolmentOutcome {
    EnrolmentRejection rejection = EnrolmentRejection::None;
    qint64 rejectionTime = 0; // when the code was used or expired
    std::optional<Enrolment> enrolment;
};

// The result of checking a device's bearer credential.
struct Authentication {
    enum class Status { Authenticated, Unknown, Revoked };
    Status status = Status::Unknown;
    Device device;
    Organisation organisation;
};

struct PublishedAgreement {
    int version = 0;
    QByteArray document; // the signed file's exact bytes
    QString signature;   // the detached signature's text
    qint64 publishedAt = 0;
};

enum class PublishOutcome { Published, AlreadyPublished };

// The server's records of organisations, enrolment codes, devices and
// agreement versions. Every call uses the calling thread's connection of the
// ServerDatabase and keeps no state between calls, so handlers on several
// threads, and several server instances over one database, may use it.
// Each call that adds or changes a row appends its audit event (serveraudit.h)
// in the same transaction. Errors are Database errors unless stated.
class Registry {
public:
    explicit Registry(ServerDatabase& database)
        : m_database(database) {}

    // Adds an organisation with a new id. The caller has checked the party
    // type against the agreement. Fails with AlreadyExists when an
    // organisation of that name exists.
    [[nodiscard]] Result<Organisation> addOrganisation(const Organisation& organisation);
    [[nodiscard]] Result<QList<Organisation>> organisations();
    // Fails with NotFound when no organisation has that id.
    [[nodiscard]] Result<Organisation> organisation(const QString& id);

    // Issues a one-time code for the organisation, valid for validHours.
    // Fails with NotFound for an unknown organisation.
    [[nodiscard]] Result<IssuedEnrolmentCode> issueEnrolmentCode(const QString& organisationId,
                                                                 int validHours);

    // Exchanges a code for a new device and credential. Checking and marking
    // the code is one conditional UPDATE inside the transaction that inserts
    // the device, so a code enrols at most one device even when two requests
    // carry it at once.
    [[nodiscard]] Result<EnrolmentOutcome> enrol(const QString& code, const QString& deviceName);

    // Checks the device's credential and, for a device that is not revoked,
    // records the time as last_seen_at.
    [[nodiscard]] Result<Authentication> authenticate(const QString& deviceId, const QByteArray& credential);

    // Lists the devices, all or of one organisation, oldest enrolment first.
    [[nodiscard]] Result<QList<Device>> devices(const QString& organisationId = {});
    // Revokes the device. Fails with NotFound for an unknown device and with
    // AlreadyExists when it was already revoked.
    [[nodiscard]] Result<Device> revokeDevice(const QString& deviceId);

    // Stores a verified agreement version. The same version with the same
    // bytes is AlreadyPublished. Fails with AlreadyExists when the version
    // was published with other bytes, and with InvalidInput when a newer
    // version is already published.
    [[nodiscard]] Result<PublishOutcome> publishAgreement(int version, const QByteArray& document,
                                                          const QString& signature);
    // Returns the newest published version, or nothing when none is.
    [[nodiscard]] Result<std::optional<PublishedAgreement>> newestAgreement();

    [[nodiscard]] ServerDatabase& database() { return m_database; }

private:
    ServerDatabase& m_database;
};

// Formats milliseconds since the epoch as UTC ISO 8601 ("2026-12-05T09:30:00Z").
[[nodiscard]] QString isoTime(qint64 msSinceEpoch);

} // namespace earlyhelp::server
