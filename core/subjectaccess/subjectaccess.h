#pragma once

// A subject access request (UK GDPR Art. 15) from one store: everything
// the store contains about one person as a list of items, the
// review in which the designated safeguarding lead withholds items with a
// reason, and the checks both must pass before anything is exported.

#include "access/access.h"
#include "common/result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace earlyhelp::subjectaccess {

// The sections of an export, in the order the export lists them.
enum class Section {
    PersonalDetails,
    Addresses,
    Contacts,
    Relationships,
    Families, // family memberships, other members and status history
    Assessments,
    Plans,
    Consent,
    SharingDecisions,
    CaseNotes,
    SharingWithOthers, // who received what: shares, consents in force, uses of sharing decisions
    AccessAudit,       // who viewed or changed the person's or their families' records
};

[[nodiscard]] QList<Section> allSections();
// The stable code of a section in the JSON export, such as "case-notes".
[[nodiscard]] QString sectionCode(Section section);
// The translated heading of a section, such as "Case notes".
[[nodiscard]] QString sectionLabel(Section section);

// One record, or part of one, that the store contains about the person.
struct Item {
    // "<table>/<record id>", or "<table>/<record id>/<part>" where one record
    // gives more than one item. The same record gives the same id in every
    // collection from the same store, so a review can be kept and reapplied.
    QString id;
    Section section = Section::PersonalDetails;
    QDate date; // the record's own date, or the day it was created; may be invalid
    QString title;
    // One "Label: value" line per field, dates as dd/MM/yyyy, joined by "\n".
    QString text;
    // A suggestion for the reviewer, never a decision: the item is about
    // someone else, was given by someone else, or names another member of
    // the person's families.
    bool mayContainThirdParty = false;
    QString thirdPartyHint; // why the item was flagged, for the reviewer; empty when not flagged
    // Set when the record is soft-deleted. The store still contains such a
    // record, which can be restored from Deleted Items until restorableUntil
    // and stays in the store after that, so it is disclosed like any other item.
    bool deleted = false;
    QDate deletedOn;       // the local date of the deletion; invalid when the store has no time for it
    QDate restorableUntil; // the last day a restore is possible; invalid when deletedOn is
};

// Returns the translated sentence that states that item is deleted but
// still held, with its dates as dd/MM/yyyy, or an empty string when item is
// not deleted.
[[nodiscard]] QString deletedStatusText(const Item& item);

// Everything collected for one request.
struct Collection {
    QString personId;
    QString personName; // as the person goes by, preferred forms first
    QDate dateOfBirth;  // may be invalid
    QString organisationId;
    QString organisationName;
    QList<Item> items; // by section in allSections() order, then newest first
};

// The reason for withholding an item. The labels name the exemption in the Data
// Protection Act 2018 where there is one.
enum class WithholdReason {
    ThirdParty,        // information about another person who has not consented
    SeriousHarm,       // Sch. 3 Part 3: serious harm test for social work data
    CrimeAndTaxation,  // Sch. 2 para 2
    LegalPrivilege,    // legal professional privilege
    Other,             // needs an explanation in ItemReview::note
};

[[nodiscard]] QList<WithholdReason> allWithholdReasons();
// The stable code in the JSON export, such as "third-party".
[[nodiscard]] QString withholdReasonCode(WithholdReason reason);
// Exact match on the code; anything else returns nothing.
[[nodiscard]] std::optional<WithholdReason> withholdReasonFromCode(const QString& code);
// The translated label, such as "Third-party information".
[[nodiscard]] QString withholdReasonLabel(WithholdReason reason);

// The lead's decision on one item.
struct ItemReview {
    bool withhold = false;
    std::optional<WithholdReason> reason; // required when withhold is set
    // The reviewer's note. For WithholdReason::Other it is the reason and is
    // shown to the requester, so it is required; otherwise it stays internal.
    QString note;
};

// Decisions by item id. An item without an entry is disclosed.
using Review = QHash<QString, ItemReview>;

// Checks that actor may respond to a subject access request: only the
// designated safeguarding lead may. PermissionDenied otherwise, including for
// an unknown role code.
[[nodiscard]] Status authoriseSubjectAccess(const access::Actor& actor);

// Checks review against collection. InvalidInput, naming the item, when a
// decision names an item the collection lacks, when a withheld item has no
// reason, or when an item withheld for WithholdReason::Other has a blank note.
[[nodiscard]] Status checkReview(const Collection& collection, const Review& review);

// Returns whether review withholds item.
[[nodiscard]] bool isWithheld(const Review& review, const QString& itemId);

} // namespace earlyhelp::subjectaccess
