#include "casesession.h"

#include "cases/casedirectory.h"
#include "casework/assessmentrepository.h"
#include "casework/casenoterepository.h"
#include "casework/consentrepository.h"
#include "casework/familycaserepository.h"
#include "casework/myworkqueries.h"
#include "casework/planrepository.h"
#include "store/store.h"

namespace earlyhelp::ui {

CaseSession::CaseSession(std::unique_ptr<Store> store, access::Actor actor, QObject* parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_actor(std::move(actor))
    , m_directory(std::make_unique<CaseDirectory>(*m_store))
    , m_familyCases(std::make_unique<FamilyCaseRepository>(*m_store))
    , m_assessments(std::make_unique<AssessmentRepository>(*m_store))
    , m_plans(std::make_unique<PlanRepository>(*m_store))
    , m_consents(std::make_unique<ConsentRepository>(*m_store))
    , m_notes(std::make_unique<CaseNoteRepository>(*m_store))
    , m_myWork(std::make_unique<MyWorkQueries>(*m_store))
    , m_agreementState(sharing::notSignedUpState())
{
    // Every write from here on is audited as this user.
    m_store->setAuditActor(m_actor.user, m_actor.roleCode);
}

// The repositories refer to the store, so they go first.
CaseSession::~CaseSession()
{
    m_myWork.reset();
    m_notes.reset();
    m_consents.reset();
    m_plans.reset();
    m_assessments.reset();
    m_familyCases.reset();
    m_directory.reset();
    m_store.reset();
}

bool CaseSession::may(access::Action action) const
{
    const std::optional<access::Role> role = m_actor.role();
    return role && access::roleAllows(*role, action);
}

QDate CaseSession::today() const
{
    return QDate::currentDate();
}

void CaseSession::setAgreementState(sharing::AgreementState state)
{
    m_agreementState = std::move(state);
    emit agreementStateChanged();
}

void CaseSession::notifyFamilyChanged(const QString& familyId)
{
    emit familyChanged(familyId);
}

void CaseSession::notifyPeopleChanged()
{
    emit peopleChanged();
}

} // namespace earlyhelp::ui
