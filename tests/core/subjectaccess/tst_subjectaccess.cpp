// Subject access: what the collection finds about a child whose family's
// records were written through the repositories, the review's checks, the
// JSON export and the audit event of each export, against a real store.

#include "subjectaccesstesthelpers.h"

#include "subjectaccess/collector.h"
#include "subjectaccess/subjectaccess.h"
#include "subjectaccess/subjectaccessexport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace earlyhelp;
using namespace earlyhelp::subjectaccess;
using namespace earlyhelp::testing;
using namespace Qt::StringLiterals;

namespace {

const Item* findItem(const Collection& collection, const QString& id) {
    for (const Item& item : collection.items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

qsizetype countInSection(const Collection& collection, Section section) {
    return std::ranges::count_if(collection.items, [section](const Item& item) { return item.section == section; });
}

} // namespace

class TestSubjectAccess : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void collectsEveryRecordKind_data();
    void collectsEveryRecordKind();
    void itemTextUsesFieldLabelsAndUkDates();
    void sectionsInOrder();
    void suggestsThirdPartyItems_data();
    void suggestsThirdPartyItems();
    void accessAuditListsRecordChanges();
    void otherMembersEventsFlagged();
    void deletedRecordsMarkedDeleted();
    void deletedRecordOfOtherFamilyLeftOut();
    void jsonMarksDeletedItems();
    void withheldDeletedItemLeftOut();
    void unknownPersonNotFound();
    void nonLeadRejected_data();
    void nonLeadRejected();
    void reviewWithoutReasonNamesItem();
    void reviewOtherNeedsNote();
    void reviewUnknownItemRejected();
    void reviewDisclosingEverythingPasses();
    void jsonListsDisclosedItemsOnly();
    void jsonGroupsWithheldByReason();
    void exportLeavesOneAuditEvent();
    void exportFileOwnerOnly();
    void failedExportLeavesNoEvent();
    void nonLeadExportRejected();

private:
    [[nodiscard]] Collection collectChild();
    // Returns "<table>/<key>" with the key replaced by the id of that
    // record of m_case, which _data() functions cannot read because init()
    // writes the case after they run.
    [[nodiscard]] QString resolvedItemId(const QString& itemKey) const;
    [[nodiscard]] qint64 exportEventCount();
    // Soft-deletes the child's own note and the assessment at m_fixture.now.
    void deleteNoteAndAssessment();

    CaseworkFixture m_fixture;
    SubjectAccessCase m_case;
};

void TestSubjectAccess::init() {
    const QString problem = m_fixture.setUp();
    QVERIFY2(problem.isEmpty(), qUtf8Printable(problem));
    m_case = SubjectAccessCase{};
    const QString written = writeSubjectAccessCase(m_fixture, m_case);
    QVERIFY2(written.isEmpty(), qUtf8Printable(written));
}

void TestSubjectAccess::cleanup() {
    m_fixture.tearDown();
}

Collection TestSubjectAccess::collectChild() {
    Result<Collection> collected = Collector(*m_fixture.store).collect(lead, m_case.childId);
    if (!collected) {
        qWarning("Collecting failed: %s", qUtf8Printable(collected.error().message));
        return {};
    }
    return *collected;
}

QString TestSubjectAccess::resolvedItemId(const QString& itemKey) const {
    const QHash<QString, QString> ids{
        {u"child"_s, m_case.childId},
        {u"contact"_s, m_case.contactId},
        {u"assessment"_s, m_case.assessmentId},
        {u"plan"_s, m_case.planId},
        {u"goal"_s, m_case.goalId},
        {u"action"_s, m_case.actionId},
        {u"meeting"_s, m_case.meetingId},
        {u"review"_s, m_case.reviewId},
        {u"consent"_s, m_case.consentId},
        {u"decision"_s, m_case.decisionId},
        {u"statusChange"_s, m_case.statusChangeId},
        {u"childNote"_s, m_case.childNoteId},
        {u"motherNote"_s, m_case.motherNoteId},
        {u"brotherNote"_s, m_case.brotherNoteId},
        {u"overrideUse"_s, m_case.overrideUseId},
        {u"shareEvent"_s, QString::number(m_case.shareEventSequence)},
        {u"viewEvent"_s, QString::number(m_case.viewEventSequence)},
    };
    QStringList parts = itemKey.split(u'/');
    parts[1] = ids.value(parts[1]);
    return parts.join(u'/');
}

qint64 TestSubjectAccess::exportEventCount() {
    audit::Filter filter;
    filter.personId = m_case.childId;
    filter.actions = {audit::Action::Export};
    const Result<qint64> counted = audit::AuditLog(*m_fixture.store).count(filter);
    return counted ? *counted : -1;
}

void TestSubjectAccess::collectsEveryRecordKind_data() {
    QTest::addColumn<QString>("itemKey");
    QTest::addColumn<Section>("section");
    QTest::addColumn<QString>("expectedText");

    QTest::newRow("person") << u"person/child"_s << Section::PersonalDetails << u"Amara"_s;
    QTest::newRow("contact") << u"contact/contact"_s << Section::Contacts << marker::contact;
    QTest::newRow("assessment") << u"assessment/assessment"_s << Section::Assessments
                                << marker::assessment;
    QTest::newRow("plan") << u"taf_plan/plan"_s << Section::Plans << u"01/04/2026"_s;
    QTest::newRow("goal") << u"plan_goal/goal"_s << Section::Plans << marker::goal;
    QTest::newRow("action") << u"plan_action/action"_s << Section::Plans << marker::action;
    QTest::newRow("meeting") << u"taf_meeting/meeting"_s << Section::Plans << marker::meeting;
    QTest::newRow("review") << u"plan_review/review"_s << Section::Plans << marker::review;
    QTest::newRow("consent") << u"consent/consent"_s << Section::Consent << u"Joanna Fenwick"_s;
    QTest::newRow("sharing decision") << u"sharing_decision/decision"_s << Section::SharingDecisions
                                      << marker::decision;
    QTest::newRow("status change") << u"family_status_change/statusChange"_s << Section::Families
                                   << marker::statusChange;
    QTest::newRow("note about the child") << u"case_note/childNote"_s << Section::CaseNotes
                                          << marker::childNote;
    QTest::newRow("family note") << u"case_note/motherNote"_s << Section::CaseNotes
                                 << marker::motherNote;
    QTest::newRow("note about the brother") << u"case_note/brotherNote"_s << Section::CaseNotes
                                            << marker::brotherNote;
    QTest::newRow("consent recipients") << u"consent/consent/recipients"_s
                                        << Section::SharingWithOthers << u"Safeguarding"_s;
    QTest::newRow("use of a sharing decision") << u"override_use/overrideUse"_s
                                               << Section::SharingWithOthers << u"Referral to the school nurse"_s;
    QTest::newRow("share event") << u"audit_event/shareEvent"_s
                                 << Section::SharingWithOthers << u"Leeds Community Health"_s;
    QTest::newRow("view event") << u"audit_event/viewEvent"_s
                                << Section::AccessAudit << u"j.patel"_s;
}

void TestSubjectAccess::collectsEveryRecordKind() {
    QFETCH(QString, itemKey);
    QFETCH(Section, section);
    const QString itemId = resolvedItemId(itemKey);
    QFETCH(QString, expectedText);

    const Collection collection = collectChild();
    const Item* item = findItem(collection, itemId);
    QVERIFY2(item != nullptr, qUtf8Printable(itemId));
    QCOMPARE(item->section, section);
    QVERIFY2(item->text.contains(expectedText) || item->title.contains(expectedText), qUtf8Printable(item->text));
}

void TestSubjectAccess::itemTextUsesFieldLabelsAndUkDates() {
    const Collection collection = collectChild();
    QCOMPARE(collection.personName, u"Amara Fenwick"_s);
    QCOMPARE(collection.dateOfBirth, QDate(2015, 3, 12));
    QCOMPARE(collection.organisationName, u"Test Primary School"_s);

    const Item* person = findItem(collection, u"person/"_s + m_case.childId);
    QVERIFY(person != nullptr);
    QVERIFY2(person->text.contains(u"Legal forename: Amara"_s), qUtf8Printable(person->text));
    QVERIFY2(person->text.contains(u"Date of birth: 12/03/2015"_s), qUtf8Printable(person->text));

    QCOMPARE(countInSection(collection, Section::Addresses), 1);
    const auto address = std::ranges::find_if(
        collection.items, [](const Item& item) { return item.section == Section::Addresses; });
    QVERIFY2(address->text.contains(u"Postcode: LS6 2AB"_s), qUtf8Printable(address->text));

    const Item* note = findItem(collection, u"case_note/"_s + m_case.childNoteId);
    QVERIFY(note != nullptr);
    QCOMPARE(note->date, QDate(2026, 9, 1));
    QVERIFY2(note->text.contains(u"Date: 01/09/2026"_s), qUtf8Printable(note->text));
}

void TestSubjectAccess::sectionsInOrder() {
    const Collection collection = collectChild();
    QVERIFY(!collection.items.isEmpty());
    for (qsizetype index = 1; index < collection.items.size(); ++index)
        QVERIFY2(collection.items[index - 1].section <= collection.items[index].section,
                 qUtf8Printable(collection.items[index].id));
    for (Section section : allSections()) {
        QVERIFY2(countInSection(collection, section) > 0, qUtf8Printable(sectionCode(section)));
    }
}

void TestSubjectAccess::suggestsThirdPartyItems_data() {
    QTest::addColumn<QString>("itemKey");
    QTest::addColumn<bool>("flagged");

    QTest::newRow("own details") << u"person/child"_s << false;
    QTest::newRow("note about the child only") << u"case_note/childNote"_s << false;
    QTest::newRow("note naming the mother") << u"case_note/motherNote"_s << true;
    QTest::newRow("note about the brother") << u"case_note/brotherNote"_s << true;
    QTest::newRow("consent given by the mother") << u"consent/consent"_s << true;
    QTest::newRow("meeting with attendees") << u"taf_meeting/meeting"_s << true;
    QTest::newRow("plan goal") << u"plan_goal/goal"_s << false;
}

void TestSubjectAccess::suggestsThirdPartyItems() {
    QFETCH(QString, itemKey);
    QFETCH(bool, flagged);
    const QString itemId = resolvedItemId(itemKey);

    const Collection collection = collectChild();
    const Item* item = findItem(collection, itemId);
    QVERIFY2(item != nullptr, qUtf8Printable(itemId));
    QCOMPARE(item->mayContainThirdParty, flagged);
    QCOMPARE(item->thirdPartyHint.isEmpty(), !flagged);

    // The other members' own details are third-party information too.
    const qsizetype otherMembers = std::ranges::count_if(collection.items, [](const Item& each) {
        return each.section == Section::Families && each.mayContainThirdParty;
    });
    QCOMPARE(otherMembers, 2);
}

void TestSubjectAccess::accessAuditListsRecordChanges() {
    // The audit triggers recorded the creation of each case record, and the
    // note about the child names her.
    const Collection collection = collectChild();
    const auto noteCreated = std::ranges::find_if(collection.items, [this](const Item& item) {
        return item.section == Section::AccessAudit && item.text.contains(u"case note"_s) &&
               item.id != u"audit_event/"_s + QString::number(m_case.viewEventSequence);
    });
    QVERIFY2(noteCreated != collection.items.cend(), "No audit item records a change to a case note.");

    // The share is listed under sharing with other organisations, not twice.
    const QString shareId = u"audit_event/"_s + QString::number(m_case.shareEventSequence);
    const qsizetype shareItems =
        std::ranges::count_if(collection.items, [&shareId](const Item& item) { return item.id == shareId; });
    QCOMPARE(shareItems, 1);

    // The brother's share is his information, so neither section lists it.
    const QString brotherShareId = u"audit_event/"_s + QString::number(m_case.brotherShareEventSequence);
    QVERIFY(findItem(collection, brotherShareId) == nullptr);
}

void TestSubjectAccess::otherMembersEventsFlagged() {
    // The triggers recorded the note about the brother with his id.
    const Collection collection = collectChild();
    const qsizetype aboutBrother = std::ranges::count_if(collection.items, [](const Item& item) {
        return item.section == Section::AccessAudit && item.mayContainThirdParty &&
               item.thirdPartyHint.contains(u"Theo Fenwick"_s);
    });
    QVERIFY(aboutBrother > 0);
    const Item* view = findItem(collection, u"audit_event/"_s + QString::number(m_case.viewEventSequence));
    QVERIFY(view != nullptr);
    QVERIFY(!view->mayContainThirdParty);
}

void TestSubjectAccess::deleteNoteAndAssessment() {
    EARLYHELP_VERIFY_OK(
        CaseNoteRepository(*m_fixture.store, m_fixture.options()).remove(lead, m_case.childNoteId));
    EARLYHELP_VERIFY_OK(
        AssessmentRepository(*m_fixture.store, m_fixture.options()).remove(lead, m_case.assessmentId));
}

void TestSubjectAccess::deletedRecordsMarkedDeleted() {
    deleteNoteAndAssessment();
    const Collection collection = collectChild();

    // The fixture's clock deletes both records on 04/12/2026, so a restore is
    // possible until 30 days later.
    for (const QString& id :
         QStringList{u"case_note/"_s + m_case.childNoteId, u"assessment/"_s + m_case.assessmentId}) {
        const Item* item = findItem(collection, id);
        QVERIFY2(item != nullptr, qUtf8Printable(id));
        QVERIFY2(item->deleted, qUtf8Printable(id));
        QCOMPARE(item->deletedOn, QDate(2026, 12, 4));
        QCOMPARE(item->restorableUntil, QDate(2027, 1, 3));
    }
    QVERIFY(findItem(collection, u"case_note/"_s + m_case.childNoteId)->text.contains(marker::childNote));
    QCOMPARE(findItem(collection, u"case_note/"_s + m_case.childNoteId)->section, Section::CaseNotes);
    QVERIFY(findItem(collection, u"assessment/"_s + m_case.assessmentId)->text.contains(marker::assessment));
    QCOMPARE(findItem(collection, u"assessment/"_s + m_case.assessmentId)->section, Section::Assessments);

    const Item* liveNote = findItem(collection, u"case_note/"_s + m_case.motherNoteId);
    QVERIFY(liveNote != nullptr);
    QVERIFY(!liveNote->deleted);
    QVERIFY(!liveNote->deletedOn.isValid());
    QVERIFY(deletedStatusText(*liveNote).isEmpty());

    const QString status = deletedStatusText(*findItem(collection, u"case_note/"_s + m_case.childNoteId));
    QVERIFY2(status.contains(u"04/12/2026"_s), qUtf8Printable(status));
    QVERIFY2(status.contains(u"03/01/2027"_s), qUtf8Printable(status));
}

void TestSubjectAccess::deletedRecordOfOtherFamilyLeftOut() {
    const QString otherFamilyId = m_fixture.insertFamily(u"Okoro family"_s);
    QVERIFY(!otherFamilyId.isEmpty());
    const QString otherMarker = u"OtherfamilyMarkerD4"_s;
    CaseNote note;
    note.familyId = otherFamilyId;
    note.date = QDate(2026, 10, 5);
    note.author = u"Sam Patel"_s;
    note.type = u"contact"_s;
    note.text = u"Home visit. "_s + otherMarker;
    CaseNoteRepository notes(*m_fixture.store, m_fixture.options());
    const Result<CaseNote> written = notes.create(lead, note);
    EARLYHELP_VERIFY_OK(written);
    EARLYHELP_VERIFY_OK(notes.remove(lead, written->meta.id));

    const Collection collection = collectChild();
    QVERIFY(!collection.items.isEmpty());
    QVERIFY(findItem(collection, u"case_note/"_s + written->meta.id) == nullptr);
    for (const Item& item : collection.items)
        QVERIFY2(!item.text.contains(otherMarker), qUtf8Printable(item.id));
}

void TestSubjectAccess::jsonMarksDeletedItems() {
    deleteNoteAndAssessment();
    const Collection collection = collectChild();
    const QJsonObject json = exportJson(collection, {}, ExportInfo{m_fixture.now.toUTC(), lead.user});

    QHash<QString, QJsonObject> byId;
    for (const QJsonValue& value : json.value(u"items"_s).toArray())
        byId.insert(value.toObject().value(u"id"_s).toString(), value.toObject());
    for (const QString& id :
         QStringList{u"case_note/"_s + m_case.childNoteId, u"assessment/"_s + m_case.assessmentId}) {
        QVERIFY2(byId.contains(id), qUtf8Printable(id));
        const QJsonObject item = byId.value(id);
        QCOMPARE(item.value(u"deleted"_s).toBool(), true);
        QCOMPARE(item.value(u"deletedOn"_s).toString(), u"2026-12-04"_s);
        QCOMPARE(item.value(u"restorableUntil"_s).toString(), u"2027-01-03"_s);
    }
    QVERIFY(byId.value(u"case_note/"_s + m_case.childNoteId)
                .value(u"text"_s)
                .toString()
                .contains(marker::childNote));

    const QJsonObject live = byId.value(u"case_note/"_s + m_case.motherNoteId);
    QVERIFY(!live.isEmpty());
    QVERIFY(!live.contains(u"deleted"_s));
    QVERIFY(!live.contains(u"deletedOn"_s));
}

void TestSubjectAccess::withheldDeletedItemLeftOut() {
    deleteNoteAndAssessment();
    const Collection collection = collectChild();
    const QString withheldId = u"case_note/"_s + m_case.childNoteId;
    Review review;
    review.insert(withheldId, ItemReview{true, WithholdReason::SeriousHarm, {}});
    EARLYHELP_VERIFY_OK(checkReview(collection, review));
    const QJsonObject json = exportJson(collection, review, ExportInfo{m_fixture.now.toUTC(), lead.user});

    QCOMPARE(json.value(u"items"_s).toArray().size(), collection.items.size() - 1);
    const QString document = QString::fromUtf8(QJsonDocument(json).toJson());
    QVERIFY2(!document.contains(marker::childNote), "The withheld deleted note's text is in the export.");
    QVERIFY(document.contains(marker::assessment));
    const QJsonArray withheld = json.value(u"withheld"_s).toArray();
    QCOMPARE(withheld.size(), 1);
    QCOMPARE(withheld.at(0).toObject().value(u"reason"_s).toString(), u"serious-harm"_s);
    QCOMPARE(withheld.at(0).toObject().value(u"count"_s).toInt(), 1);
}

void TestSubjectAccess::unknownPersonNotFound() {
    const Result<Collection> collected =
        Collector(*m_fixture.store).collect(lead, u"00000000-0000-0000-0000-000000000000"_s);
    QVERIFY(!collected);
    QCOMPARE(collected.error().code, ErrorCode::NotFound);
    QVERIFY2(collected.error().message.contains(u"00000000-0000-0000-0000-000000000000"_s),
             qUtf8Printable(collected.error().message));
}

void TestSubjectAccess::nonLeadRejected_data() {
    QTest::addColumn<QString>("roleCode");
    QTest::newRow("deputy") << u"deputy"_s;
    QTest::newRow("caseworker") << u"caseworker"_s;
    QTest::newRow("read-only") << u"readonly"_s;
    QTest::newRow("unknown role") << u"Lead"_s;
}

void TestSubjectAccess::nonLeadRejected() {
    QFETCH(QString, roleCode);
    const access::Actor actor{u"k.ward"_s, roleCode};
    const Result<Collection> collected = Collector(*m_fixture.store).collect(actor, m_case.childId);
    QVERIFY(!collected);
    QCOMPARE(collected.error().code, ErrorCode::PermissionDenied);
    QVERIFY2(collected.error().message.contains(u"k.ward"_s), qUtf8Printable(collected.error().message));
}

void TestSubjectAccess::reviewWithoutReasonNamesItem() {
    const Collection collection = collectChild();
    const QString itemId = u"case_note/"_s + m_case.motherNoteId;
    Review review;
    review.insert(itemId, ItemReview{true, std::nullopt, {}});
    const Status checked = checkReview(collection, review);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, ErrorCode::InvalidInput);
    QVERIFY2(checked.error().message.contains(itemId), qUtf8Printable(checked.error().message));
}

void TestSubjectAccess::reviewOtherNeedsNote() {
    const Collection collection = collectChild();
    const QString itemId = u"case_note/"_s + m_case.brotherNoteId;
    Review review;
    review.insert(itemId, ItemReview{true, WithholdReason::Other, u"  "_s});
    const Status blank = checkReview(collection, review);
    QVERIFY(!blank);
    QCOMPARE(blank.error().code, ErrorCode::InvalidInput);
    QVERIFY2(blank.error().message.contains(itemId), qUtf8Printable(blank.error().message));

    review[itemId].note = u"Court order prevents disclosure"_s;
    EARLYHELP_VERIFY_OK(checkReview(collection, review));
}

void TestSubjectAccess::reviewUnknownItemRejected() {
    const Collection collection = collectChild();
    Review review;
    review.insert(u"case_note/not-collected"_s, ItemReview{false, std::nullopt, {}});
    const Status checked = checkReview(collection, review);
    QVERIFY(!checked);
    QCOMPARE(checked.error().code, ErrorCode::InvalidInput);
    QVERIFY2(checked.error().message.contains(u"case_note/not-collected"_s), qUtf8Printable(checked.error().message));
}

void TestSubjectAccess::reviewDisclosingEverythingPasses() {
    const Collection collection = collectChild();
    Review review;
    // A disclosed item needs no reason, even with a note.
    review.insert(u"case_note/"_s + m_case.childNoteId, ItemReview{false, std::nullopt, u"Checked"_s});
    EARLYHELP_VERIFY_OK(checkReview(collection, review));
    EARLYHELP_VERIFY_OK(checkReview(collection, Review{}));
}

void TestSubjectAccess::jsonListsDisclosedItemsOnly() {
    const Collection collection = collectChild();
    const QString withheldId = u"case_note/"_s + m_case.motherNoteId;
    Review review;
    review.insert(withheldId, ItemReview{true, WithholdReason::ThirdParty, u"Mother's call"_s});
    const QJsonObject json = exportJson(collection, review, ExportInfo{m_fixture.now.toUTC(), lead.user});

    QCOMPARE(json.value(u"person"_s).toObject().value(u"name"_s).toString(), u"Amara Fenwick"_s);
    QCOMPARE(json.value(u"person"_s).toObject().value(u"dateOfBirth"_s).toString(), u"2015-03-12"_s);
    QCOMPARE(json.value(u"generatedBy"_s).toString(), lead.user);
    QCOMPARE(json.value(u"generatedAt"_s).toString(), m_fixture.now.toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(json.value(u"organisation"_s).toObject().value(u"name"_s).toString(), u"Test Primary School"_s);

    const QJsonArray items = json.value(u"items"_s).toArray();
    QCOMPARE(items.size(), collection.items.size() - 1);
    bool childNoteFound = false;
    for (const QJsonValue& value : items) {
        const QJsonObject item = value.toObject();
        QVERIFY(item.value(u"id"_s).toString() != withheldId);
        QVERIFY(!item.value(u"text"_s).toString().contains(marker::motherNote));
        if (item.value(u"id"_s).toString() == u"case_note/"_s + m_case.childNoteId) {
            childNoteFound = true;
            QCOMPARE(item.value(u"section"_s).toString(), u"case-notes"_s);
            QCOMPARE(item.value(u"date"_s).toString(), u"2026-09-01"_s);
            QVERIFY(item.value(u"text"_s).toString().contains(marker::childNote));
        }
    }
    QVERIFY(childNoteFound);

    const QString document = QString::fromUtf8(QJsonDocument(json).toJson());
    QVERIFY2(!document.contains(marker::motherNote), "The withheld note's text is in the export.");
    QVERIFY2(!document.contains(u"Mother's call"_s), "The reviewer's note is in the export.");
}

void TestSubjectAccess::jsonGroupsWithheldByReason() {
    const Collection collection = collectChild();
    Review review;
    review.insert(u"case_note/"_s + m_case.motherNoteId, ItemReview{true, WithholdReason::ThirdParty, {}});
    review.insert(u"case_note/"_s + m_case.brotherNoteId, ItemReview{true, WithholdReason::ThirdParty, {}});
    review.insert(u"sharing_decision/"_s + m_case.decisionId,
                  ItemReview{true, WithholdReason::Other, u"Subject to a court order"_s});
    EARLYHELP_VERIFY_OK(checkReview(collection, review));
    const QJsonObject json = exportJson(collection, review, ExportInfo{m_fixture.now.toUTC(), lead.user});

    const QJsonArray withheld = json.value(u"withheld"_s).toArray();
    QCOMPARE(withheld.size(), 2);
    const QJsonObject thirdParty = withheld.at(0).toObject();
    QCOMPARE(thirdParty.value(u"reason"_s).toString(), u"third-party"_s);
    QCOMPARE(thirdParty.value(u"count"_s).toInt(), 2);
    const QJsonArray thirdPartyItems = thirdParty.value(u"items"_s).toArray();
    QCOMPARE(thirdPartyItems.size(), 2);
    for (const QJsonValue& value : thirdPartyItems) {
        const QJsonObject item = value.toObject();
        QCOMPARE(item.keys(), (QStringList{u"date"_s, u"section"_s, u"title"_s}));
        QCOMPARE(item.value(u"section"_s).toString(), u"case-notes"_s);
    }

    const QJsonObject other = withheld.at(1).toObject();
    QCOMPARE(other.value(u"reason"_s).toString(), u"other"_s);
    QCOMPARE(other.value(u"explanation"_s).toString(), u"Subject to a court order"_s);
    QCOMPARE(other.value(u"count"_s).toInt(), 1);
    QCOMPARE(json.value(u"items"_s).toArray().size(), collection.items.size() - 3);
}

void TestSubjectAccess::exportLeavesOneAuditEvent() {
    const Collection collection = collectChild();
    Review review;
    review.insert(u"case_note/"_s + m_case.motherNoteId, ItemReview{true, WithholdReason::ThirdParty, {}});
    const QByteArray content =
        QJsonDocument(exportJson(collection, review, ExportInfo{m_fixture.now.toUTC(), lead.user})).toJson();
    const QString path = m_fixture.folder->filePath(u"amara.json"_s);

    const qint64 before = exportEventCount();
    QCOMPARE(before, 0);
    const Result<qint64> sequence =
        writeExport(*m_fixture.store, lead, collection, review, ExportKind::Json, path, content);
    EARLYHELP_VERIFY_OK(sequence);
    QCOMPARE(exportEventCount(), 1);

    audit::Filter filter;
    filter.personId = m_case.childId;
    filter.actions = {audit::Action::Export};
    const Result<QList<audit::Event>> events = audit::AuditLog(*m_fixture.store).query(filter);
    EARLYHELP_VERIFY_OK(events);
    QCOMPARE(events->size(), 1);
    const audit::Event& event = events->first();
    QCOMPARE(event.sequence, *sequence);
    QCOMPARE(event.user, lead.user);
    QCOMPARE(event.details.value(u"kind"_s).toString(), u"subject-access-json"_s);
    QCOMPARE(event.details.value(u"items"_s).toInt(), int(collection.items.size() - 1));
    QCOMPARE(event.details.value(u"withheld"_s).toObject().value(u"third-party"_s).toInt(), 1);
    // The event records counts, never content.
    const QString details = QString::fromUtf8(QJsonDocument(event.details).toJson());
    QVERIFY2(!details.contains(marker::childNote), qUtf8Printable(details));

    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), content);
}

void TestSubjectAccess::exportFileOwnerOnly() {
    const Collection collection = collectChild();
    const QString path = m_fixture.folder->filePath(u"amara.json"_s);
    // A file that was readable by everyone is replaced by one that is not.
    QFile existing(path);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("old");
    existing.close();
    QVERIFY(existing.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther |
                                    QFileDevice::ReadGroup));

    EARLYHELP_VERIFY_OK(writeExport(*m_fixture.store, lead, collection, {}, ExportKind::Json, path, "{}"));
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    QCOMPARE(permissions & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                            QFileDevice::WriteOther | QFileDevice::ExeOther | QFileDevice::ExeGroup),
             QFileDevice::Permissions());
    QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
    QVERIFY(permissions.testFlag(QFileDevice::WriteOwner));
}

void TestSubjectAccess::failedExportLeavesNoEvent() {
    const Collection collection = collectChild();
    const QString path = m_fixture.folder->filePath(u"missing-folder/amara.json"_s);
    const Result<qint64> sequence =
        writeExport(*m_fixture.store, lead, collection, {}, ExportKind::Json, path, "{}");
    QVERIFY(!sequence);
    QCOMPARE(sequence.error().code, ErrorCode::Io);
    QVERIFY2(sequence.error().message.contains(u"amara.json"_s), qUtf8Printable(sequence.error().message));
    QCOMPARE(exportEventCount(), 0);
    QVERIFY(!QFile::exists(path));

    // A review that fails its check writes nothing either.
    Review review;
    review.insert(u"case_note/"_s + m_case.motherNoteId, ItemReview{true, std::nullopt, {}});
    const QString goodPath = m_fixture.folder->filePath(u"amara.json"_s);
    const Result<qint64> unchecked =
        writeExport(*m_fixture.store, lead, collection, review, ExportKind::Pdf, goodPath, "%PDF");
    QVERIFY(!unchecked);
    QCOMPARE(unchecked.error().code, ErrorCode::InvalidInput);
    QCOMPARE(exportEventCount(), 0);
    QVERIFY(!QFile::exists(goodPath));
}

void TestSubjectAccess::nonLeadExportRejected() {
    const Collection collection = collectChild();
    const QString path = m_fixture.folder->filePath(u"amara.json"_s);
    const Result<qint64> sequence =
        writeExport(*m_fixture.store, caseworker, collection, {}, ExportKind::Json, path, "{}");
    QVERIFY(!sequence);
    QCOMPARE(sequence.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(exportEventCount(), 0);
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestSubjectAccess)
#include "tst_subjectaccess.moc"
