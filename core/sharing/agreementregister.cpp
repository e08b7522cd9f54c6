#include "sharing/agreementregister.h"

#include "casework/recordtable.h"
#include "policy/signature.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace earlyhelp::sharing {

namespace {

Q_LOGGING_CATEGORY(lcRegister, "earlyhelp.core.sharing", QtInfoMsg)

class Text {
    Q_DECLARE_TR_FUNCTIONS(earlyhelp::sharing::AgreementRegister)
};

QString displayDate(QDate date) {
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

QString utcTimestamp(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

using casework::Transaction;

const QString acceptanceColumns =
    QStringLiteral("version, signatory_name, signatory_role, signed_date, recorded_by, recorded_at");

Acceptance acceptanceFromQuery(const QSqlQuery& query) {
    Acceptance acceptance;
    acceptance.version = query.value(0).toInt();
    acceptance.signatoryName = query.value(1).toString();
    acceptance.signatoryRole = query.value(2).toString();
    acceptance.signedDate = QDate::fromString(query.value(3).toString(), Qt::ISODate);
    acceptance.recordedBy = query.value(4).toString();
    acceptance.recordedAt = query.value(5).toString();
    return acceptance;
}

} // namespace

AgreementRegister::AgreementRegister(Store& store, QByteArray trustPublicKey, Clock clock)
    : m_store(store)
    , m_trustPublicKey(std::move(trustPublicKey))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); })) {}

Result<InstalledAgreement> AgreementRegister::install(const access::Actor& actor, const QByteArray& document,
                                                      const QByteArray& signatureText) {
    // Every known role may view cases, so this rejects only an unknown role.
    if (Status allowed = access::authorise(actor, access::Action::ViewCases); !allowed)
        return std::unexpected(allowed.error());

    Result<policy::Agreement> agreement = policy::verifyAgreement(document, signatureText, m_trustPublicKey);
    if (!agreement)
        return std::unexpected(agreement.error());
    const int version = agreement->version;

    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());

    const Result<std::optional<StoredVersion>> existing = storedVersion(version);
    if (!existing)
        return std::unexpected(existing.error());

    QSqlQuery query(m_store.database());
    if (*existing) {
        if (verifyStored(**existing)) {
            if ((*existing)->document == document)
                return InstalledAgreement{std::move(*agreement), false};
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("Agreement version %1 is already installed with different content. A "
                                      "changed agreement needs a new version number: ask the Trust for the "
                                      "document under a new version.")
                                 .arg(version));
        }
        qCWarning(lcRegister) << "Replacing the stored copy of agreement version" << version
                              << "because it fails its signature check; installed by" << actor.user;
        query.prepare(
            QStringLiteral("UPDATE agreement_version SET document = ?, signature = ?, installed_at = ?, "
                           "installed_by = ? WHERE version = ?"));
    } else {
        query.prepare(QStringLiteral("INSERT INTO agreement_version (document, signature, installed_at, "
                                     "installed_by, version) VALUES (?, ?, ?, ?, ?)"));
    }
    query.addBindValue(document);
    query.addBindValue(QString::fromLatin1(signatureText.trimmed()));
    query.addBindValue(utcTimestamp(m_clock()));
    query.addBindValue(actor.user);
    query.addBindValue(version);
    if (!query.exec())
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());

    qCInfo(lcRegister) << "Installed agreement version" << version << "by" << actor.user;
    return InstalledAgreement{std::move(*agreement), true};
}

AgreementState AgreementRegister::state() const {
    const auto unavailable = [](const QString& reason) {
        AgreementState state;
        state.unavailableReason = reason;
        return state;
    };
    const auto readFailed = [&unavailable](const Error& error) {
        return unavailable(Text::tr("The agreement in force could not be read from the store, so nothing can "
                                    "be shared: %1")
                               .arg(error.message));
    };

    const Result<QString> orgId = localOrganisationId();
    if (!orgId)
        return readFailed(orgId.error());

    QSqlQuery query(m_store.database());
    query.prepare(u"SELECT " + acceptanceColumns +
                  u" FROM agreement_acceptance WHERE org_id = ? ORDER BY version DESC LIMIT 1");
    query.addBindValue(*orgId);
    if (!query.exec())
        return readFailed(m_store.errorFromSql(query.lastError()));
    if (!query.next())
        return notSignedUpState();
    const Acceptance acceptance = acceptanceFromQuery(query);

    const Result<std::optional<StoredVersion>> stored = storedVersion(acceptance.version);
    if (!stored)
        return readFailed(stored.error());
    if (!*stored) {
        // The foreign key keeps accepted versions, so only a store edited
        // with foreign keys off gets here.
        AgreementState state = unavailable(
            Text::tr("Agreement version %1 was accepted but is missing from the store, so nothing can be "
                     "shared. Install the Trust's signed file of version %1 again.")
                .arg(acceptance.version));
        state.acceptance = acceptance;
        return state;
    }

    Result<policy::Agreement> agreement = verifyStored(**stored);
    AgreementState state;
    state.acceptance = acceptance;
    if (!agreement) {
        qCWarning(lcRegister) << "Agreement version" << acceptance.version
                              << "in force fails its signature check in the store";
        state.unavailableReason = agreement.error().message;
        return state;
    }
    state.inForce = std::move(*agreement);
    return state;
}

Result<std::optional<policy::Agreement>> AgreementRegister::pending() const {
    const Result<QString> orgId = localOrganisationId();
    if (!orgId)
        return std::unexpected(orgId.error());

    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT version FROM agreement_version WHERE version > "
                       "(SELECT coalesce(max(version), 0) FROM agreement_acceptance WHERE org_id = ?) "
                       "ORDER BY version DESC LIMIT 1"));
    query.addBindValue(*orgId);
    if (!query.exec())
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    if (!query.next())
        return std::optional<policy::Agreement>();

    const Result<std::optional<StoredVersion>> stored = storedVersion(query.value(0).toInt());
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return std::optional<policy::Agreement>();
    Result<policy::Agreement> agreement = verifyStored(**stored);
    if (!agreement)
        return std::unexpected(agreement.error());
    return std::optional<policy::Agreement>(std::move(*agreement));
}

Result<Acceptance> AgreementRegister::accept(const access::Actor& actor, int version,
                                             const QString& signatoryName, const QString& signatoryRole,
                                             QDate signedDate, QDate today) {
    if (Status allowed = access::authorise(actor, access::Action::SignAgreement); !allowed)
        return std::unexpected(allowed.error());

    Acceptance acceptance;
    acceptance.version = version;
    acceptance.signatoryName = signatoryName.trimmed();
    acceptance.signatoryRole = signatoryRole.trimmed();
    acceptance.signedDate = signedDate;
    acceptance.recordedBy = actor.user;
    acceptance.recordedAt = utcTimestamp(m_clock());

    if (acceptance.signatoryName.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("The signatory's name is missing. Enter the name of the person who signed the "
                     "agreement for your organisation."));
    if (acceptance.signatoryRole.isEmpty())
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("The signatory's role is missing. Enter the role of %1 in your organisation, "
                     "such as Headteacher.")
                .arg(acceptance.signatoryName));
    if (!signedDate.isValid())
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("The date the agreement was signed is missing or not a valid date. Enter the "
                     "date on the signed agreement."));
    if (signedDate > today)
        return makeError(
            ErrorCode::InvalidInput,
            Text::tr("The signed date %1 is after today, %2. Enter the date on the signed agreement.")
                .arg(displayDate(signedDate), displayDate(today)));

    Transaction transaction(m_store);
    if (Status begun = transaction.begin(); !begun)
        return std::unexpected(begun.error());

    const Result<std::optional<StoredVersion>> stored = storedVersion(version);
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return makeError(ErrorCode::InvalidInput,
                         Text::tr("Agreement version %1 is not installed. Install the Trust's signed file of "
                                  "version %1 first, then accept it.")
                             .arg(version));
    if (Result<policy::Agreement> verified = verifyStored(**stored); !verified)
        return std::unexpected(verified.error());

    const Result<QString> orgId = localOrganisationId();
    if (!orgId)
        return std::unexpected(orgId.error());

    QSqlQuery existing(m_store.database());
    existing.prepare(u"SELECT " + acceptanceColumns +
                     u" FROM agreement_acceptance WHERE org_id = ? ORDER BY version DESC LIMIT 1");
    existing.addBindValue(*orgId);
    if (!existing.exec())
        return std::unexpected(m_store.errorFromSql(existing.lastError()));
    if (existing.next()) {
        const Acceptance newest = acceptanceFromQuery(existing);
        if (newest.version > version)
            return makeError(
                ErrorCode::InvalidInput,
                Text::tr("Agreement version %1 is older than version %2, which is in force. Only a "
                         "version newer than %2 can be accepted.")
                    .arg(version)
                    .arg(newest.version));
        if (newest.version == version)
            return makeError(ErrorCode::InvalidInput,
                             Text::tr("Agreement version %1 was already accepted: %2 (%3) signed it on %4. "
                                      "Nothing more is needed.")
                                 .arg(QString::number(version), newest.signatoryName, newest.signatoryRole,
                                      displayDate(newest.signedDate)));
    }

    QSqlQuery insert(m_store.database());
    insert.prepare(QStringLiteral("INSERT INTO agreement_acceptance (id, org_id, version, signatory_name, "
                                  "signatory_role, signed_date, recorded_by, recorded_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    insert.addBindValue(*orgId);
    insert.addBindValue(version);
    insert.addBindValue(acceptance.signatoryName);
    insert.addBindValue(acceptance.signatoryRole);
    insert.addBindValue(signedDate.toString(Qt::ISODate));
    insert.addBindValue(acceptance.recordedBy);
    insert.addBindValue(acceptance.recordedAt);
    if (!insert.exec())
        return std::unexpected(m_store.errorFromSql(insert.lastError()));
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());

    qCInfo(lcRegister) << "Agreement version" << version << "accepted; recorded by" << actor.user;
    return acceptance;
}

Result<QList<Acceptance>> AgreementRegister::acceptances() const {
    const Result<QString> orgId = localOrganisationId();
    if (!orgId)
        return std::unexpected(orgId.error());

    QSqlQuery query(m_store.database());
    query.prepare(u"SELECT " + acceptanceColumns +
                  u" FROM agreement_acceptance WHERE org_id = ? ORDER BY version DESC");
    query.addBindValue(*orgId);
    if (!query.exec())
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    QList<Acceptance> history;
    while (query.next())
        history.append(acceptanceFromQuery(query));
    return history;
}

Result<std::optional<AgreementRegister::StoredVersion>> AgreementRegister::storedVersion(int version) const {
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT document, signature FROM agreement_version WHERE version = ?"));
    query.addBindValue(version);
    if (!query.exec())
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    if (!query.next())
        return std::optional<StoredVersion>();
    return std::optional<StoredVersion>(
        StoredVersion{version, query.value(0).toByteArray(), query.value(1).toString().toLatin1()});
}

Result<policy::Agreement> AgreementRegister::verifyStored(const StoredVersion& stored) const {
    Result<policy::Agreement> agreement =
        policy::verifyAgreement(stored.document, stored.signature, m_trustPublicKey);
    // The version column is not signed, so a row renumbered in the store
    // fails here too.
    if (agreement && agreement->version == stored.version)
        return agreement;
    return makeError(ErrorCode::Crypto,
                     Text::tr("The stored copy of agreement version %1 fails its signature check, so it was "
                              "changed in the store or signed with another key, and nothing can be shared "
                              "under it. Install the Trust's signed file of version %1 again.")
                         .arg(stored.version));
}

Result<QString> AgreementRegister::localOrganisationId() const {
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT id FROM organisation WHERE is_local = 1 AND deleted = 0 LIMIT 1")))
        return std::unexpected(m_store.errorFromSql(query.lastError()));
    if (!query.next())
        return makeError(ErrorCode::NotFound,
                         Text::tr("This store has no organisation of its own yet, so it cannot sign up to an "
                                  "agreement. Run the set-up again or \"earlyhelp-cli init\"."));
    return query.value(0).toString();
}

} // namespace earlyhelp::sharing
