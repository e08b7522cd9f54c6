#pragma once

// The register of Data Sharing Agreement versions in one store: the signed
// versions it was given, and the organisation's sign-up to them. A version
// applies only once the designated safeguarding lead accepts it, and the
// newest accepted version is the one in force. Every read checks the stored
// signature again, so a row changed in the store is never used.

#include "access/access.h"
#include "common/result.h"
#include "policy/agreement.h"
#include "sharing/agreementstate.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::sharing {

// The outcome of AgreementRegister::install().
struct InstalledAgreement {
    policy::Agreement agreement; // verified
    // False when the store already had this version with the same bytes, so
    // nothing was written.
    bool newlyInstalled = true;
};

class AgreementRegister {
public:
    // Returns the current time. Tests pass their own.
    using Clock = std::function<QDateTime()>;

    // trustPublicKey is the 32-byte Ed25519 key that every stored version is
    // verified against, normally policy::builtInTrustPublicKey(). An empty
    // clock means the system clock.
    AgreementRegister(Store& store, QByteArray trustPublicKey, Clock clock = {});

    // Verifies document against its detached signature (text form) and stores
    // both, as actor. Any of the four roles may install, because an installed
    // version applies only once accepted. An unknown role gets
    // PermissionDenied. Installing a version again with the same bytes writes
    // nothing. Fails with Crypto (policy::verifyAgreement()'s message) when
    // the signature does not verify, and with InvalidInput when the store has
    // the version with other bytes, since a changed document needs a new
    // version number. A stored copy that no longer verifies is replaced by a
    // verifying one, which is how a damaged row is repaired.
    [[nodiscard]] Result<InstalledAgreement> install(const access::Actor& actor, const QByteArray& document,
                                                     const QByteArray& signatureText);

    // Returns the agreement in force: the newest accepted version, verified
    // against the key now, with its acceptance. When its stored copy fails
    // verification, inForce is empty, acceptance is still set and
    // unavailableReason names the version and the fix, which is to install
    // it again. With nothing accepted it is notSignedUpState().
    [[nodiscard]] AgreementState state() const;

    // Returns the newest installed version that is newer than every accepted
    // one, verified, or nothing when there is none. Versions older than the
    // one in force are never pending. Fails with Crypto when that version's
    // stored copy does not verify.
    [[nodiscard]] Result<std::optional<policy::Agreement>> pending() const;

    // Records that the local organisation signed up to version. Needs the
    // SignAgreement permission (PermissionDenied). Fails with InvalidInput
    // when a name is empty after trimming or signedDate is invalid or after
    // today. It fails with InvalidInput too when version is not installed,
    // is older than the newest accepted version or was accepted already, and
    // with Crypto when its stored copy does not verify.
    [[nodiscard]] Result<Acceptance> accept(const access::Actor& actor, int version,
                                            const QString& signatoryName, const QString& signatoryRole,
                                            QDate signedDate, QDate today);

    // Returns the local organisation's acceptances, newest version first.
    [[nodiscard]] Result<QList<Acceptance>> acceptances() const;

private:
    struct StoredVersion {
        int version = 0;
        QByteArray document;
        QByteArray signature;
    };

    [[nodiscard]] Result<std::optional<StoredVersion>> storedVersion(int version) const;
    [[nodiscard]] Result<policy::Agreement> verifyStored(const StoredVersion& stored) const;
    [[nodiscard]] Result<QString> localOrganisationId() const;

    Store& m_store;
    QByteArray m_trustPublicKey;
    Clock m_clock;
};

} // namespace earlyhelp::sharing
