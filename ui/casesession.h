#pragma once

#include <memory>

#include <QDate>
#include <QObject>
#include <QString>

#include "access/access.h"
#include "access/role.h"
#include "common/result.h"
#include "sharing/agreementstate.h"

namespace earlyhelp {
class AssessmentRepository;
class CaseDirectory;
class CaseNoteRepository;
class ConsentRepository;
class FamilyCaseRepository;
class MyWorkQueries;
class PlanRepository;
class Store;
} // namespace earlyhelp

namespace earlyhelp::ui {

// One unlocked store, the user who unlocked it, and the repositories the
// window's pages read and write through. Every write passes actor() and is
// checked by core's role rules; may() only decides which buttons to enable.
//
// Pages call notifyFamilyChanged() after a write so that every view of that
// family reads it again. Destroying the session closes the store and wipes
// its key; no page may keep a pointer to it after sessionClosing().
class CaseSession : public QObject {
    Q_OBJECT

public:
    CaseSession(std::unique_ptr<Store> store, access::Actor actor, QObject* parent = nullptr);
    ~CaseSession() override;

    [[nodiscard]] Store& store() const { return *m_store; }
    [[nodiscard]] const access::Actor& actor() const { return m_actor; }
    // True when the actor's role allows action.
    [[nodiscard]] bool may(access::Action action) const;
    // The local date that case-work rules count from.
    [[nodiscard]] QDate today() const;

    [[nodiscard]] CaseDirectory& directory() const { return *m_directory; }
    [[nodiscard]] FamilyCaseRepository& familyCases() const { return *m_familyCases; }
    [[nodiscard]] AssessmentRepository& assessments() const { return *m_assessments; }
    [[nodiscard]] PlanRepository& plans() const { return *m_plans; }
    [[nodiscard]] ConsentRepository& consents() const { return *m_consents; }
    [[nodiscard]] CaseNoteRepository& notes() const { return *m_notes; }
    [[nodiscard]] MyWorkQueries& myWork() const { return *m_myWork; }

    // The agreement that sharing runs under. A new session has
    // sharing::notSignedUpState() until its owner sets the state read from
    // the store.
    [[nodiscard]] const sharing::AgreementState& agreementState() const { return m_agreementState; }
    void setAgreementState(sharing::AgreementState state);

    // Emits familyChanged(familyId).
    void notifyFamilyChanged(const QString& familyId);
    // Emits peopleChanged().
    void notifyPeopleChanged();

signals:
    // A case-work record of the family was written.
    void familyChanged(const QString& familyId);
    // People or families were added, changed or merged.
    void peopleChanged();

private:
    std::unique_ptr<Store> m_store;
    access::Actor m_actor;
    std::unique_ptr<CaseDirectory> m_directory;
    std::unique_ptr<FamilyCaseRepository> m_familyCases;
    std::unique_ptr<AssessmentRepository> m_assessments;
    std::unique_ptr<PlanRepository> m_plans;
    std::unique_ptr<ConsentRepository> m_consents;
    std::unique_ptr<CaseNoteRepository> m_notes;
    std::unique_ptr<MyWorkQueries> m_myWork;
    sharing::AgreementState m_agreementState;
};

} // namespace earlyhelp::ui
