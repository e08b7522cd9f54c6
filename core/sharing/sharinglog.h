#pragma once

// The sharing log of one person: who holds which of their information,
// since when, under which clauses and which consent or sharing decision, and
// what was removed when. It answers a parent's "who have you shared my
// child's information with?".
//
// The log lists only what the audit trail and the store show. Shares come
// from audit Share events, which sync appends once the server has accepted
// a push. Safeguarding files sent to or imported from another school come
// from the safeguarding_transfer table and the transfer audit events. What
// this store holds from other organisations comes from the
// records they own here, and removals from audit Purge and Erase events and
// the rows of sync_purge. Nothing is inferred from the agreement alone.

#include "access/access.h"
#include "casework/records.h"
#include "common/result.h"
#include "domain/fieldcatalogue.h"
#include "sharing/agreementstate.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace earlyhelp {
class Store;
}

namespace earlyhelp::sharing {

// The fields of one data category that went to a recipient.
struct SharedFieldGroup {
    DataCategory category = DataCategory::Personal;
    QStringList fieldIds;    // field catalogue ids, in catalogue order
    QStringList fieldLabels; // translated, in the order of fieldIds
};

// A clause that a share relied on.
struct SharingClause {
    QString clauseId;
    QString lawfulBasis; // UK GDPR Art. 6 basis code as the Share event recorded it
    // The clause in plain words from the agreement in force, or empty when
    // that agreement has no clause with this id.
    QString text;
};

// A consent that a Share event names. found is false when the store no
// longer has the consent, and then only consent.meta.id is set.
struct SharingConsent {
    Consent consent;
    bool found = false;
    QString givenByName; // "Jo Okafor", or empty when the person is not in the store
    // The name of the person the consent is about, such as a sibling whose
    // consent covered family-level records; empty when the person is not in
    // the store.
    QString subjectName;
};

// A sharing decision that a Share event names, as SharingConsent.
struct SharingDecisionUse {
    SharingDecision decision;
    bool found = false;
};

// The person's information that one recipient received. The recipient is
// a party type, or one organisation of that type.
struct RecipientShare {
    QString partyType;        // party type code such as "childrens_trust"
    QString organisationId;   // empty when the share named the party type only
    QString organisationName; // as the Share event recorded it
    QStringList purposes;     // purpose codes, in order of first share
    QList<SharedFieldGroup> fieldGroups; // personal, then special category, then criminal offence
    QDateTime firstShared; // UTC, the earliest Share event
    QDateTime lastShared;  // UTC, the latest Share event
    QList<SharingClause> clauses;
    QList<SharingConsent> consents;
    QList<SharingDecisionUse> decisions;
    // The latest withdrawal date when every consent behind the shares is
    // withdrawn and no sharing decision is behind them, because the server
    // then stops passing the information on and the recipient must delete
    // it. Invalid while sharing goes on.
    QDate endedOn;
    int events = 0; // Share events counted
};

// A record about the person that was removed from this store.
struct SharingRemoval {
    QDateTime at;       // UTC
    QString actionCode; // "purge" (sync reported that this store may no longer hold it) or "erase"
    QString recordType; // store table name such as "person" or "case_note"
    QString recordId;
    QString reason; // the server's reason for a purge, when sync_purge has it
};

// An organisation whose records about the person this store holds.
struct HeldFromOrganisation {
    QString organisationId;
    QString organisationName;
    QString partyType;
    QDateTime since; // UTC, when the first of its records was written here
    int records = 0;
};

// A safeguarding file about the person that this store sent to another
// school or imported from one.
struct SchoolTransfer {
    QString packageId;
    // The other school's name. For a sent file it is empty until the
    // receipt is recorded, because only the receipt names the school.
    QString schoolName;
    QString schoolUrn;       // the other school's DfE URN
    QDateTime transferredAt; // UTC, when this store sent or imported the file
    // The package contents as the transfer's audit event records them: the
    // records per store table (empty for events of earlier versions) and the
    // total (-1 when the event is missing or was erased).
    QMap<QString, int> recordCounts;
    int recordTotal = -1;
    QDateTime receiptAt;   // sent files: the import time the receipt states; invalid until recorded
    QDateTime confirmedAt; // sent files: when this store recorded the receipt; invalid until then
};

struct SharingLog {
    QString personId;
    // "Amara Fenwick", or empty when the store no longer holds the person.
    QString personName;
    QList<RecipientShare> recipients; // in order of first share
    QList<SharingRemoval> removals;   // oldest first
    QList<HeldFromOrganisation> heldFrom;
    QList<SchoolTransfer> sentFiles;     // oldest first
    QList<SchoolTransfer> receivedFiles; // oldest first
};

// Builds the sharing log of personId. The shares are those of Share events
// about the person, and of family-level Share events of any family the
// person is or was a member of in this store. A Share event whose details an
// erasure blanked is left out. The person need not be in the store any more,
// so that a purge or erasure still shows. state gives the clauses' text.
// Fails with PermissionDenied unless actor may view cases, and with the
// store's error when a read fails.
[[nodiscard]] Result<SharingLog> buildSharingLog(Store& store, const access::Actor& actor,
                                                 const AgreementState& state, const QString& personId);

// Appends the audit View event of opening personId's sharing log, with
// details.view "sharing-log".
[[nodiscard]] Status recordSharingLogView(Store& store, const QString& personId);

// Returns the log in plain words for the top of the screen, one sentence per
// recipient, one per organisation the store holds records from and one each
// for the safeguarding files sent and received, such as
// "Shared with Birmingham Children's Trust since 03/12/2026 for
// safeguarding, with consent given by Jo Okafor on 01/12/2026." Returns a
// sentence saying nothing was shared when the log is empty. Translated.
[[nodiscard]] QString sharingSummary(const SharingLog& log);

// Returns the recipient's name for users: the organisation's name, or the
// party type's label, translated.
[[nodiscard]] QString recipientName(const RecipientShare& recipient);

} // namespace earlyhelp::sharing
