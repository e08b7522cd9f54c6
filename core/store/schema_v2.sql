-- Schema version 2: case work. Family status history and lead practitioner,
-- early help assessments with one row per Supporting Families heading, Team
-- Around the Family (TAF) plans with goals, actions, meetings and reviews,
-- consent, sharing decisions made without consent, and case notes.
--
-- Every record follows the rules of version 1: UUID, org_id, revision from 1,
-- created_at and updated_at in UTC ISO 8601 with milliseconds, and the
-- deleted flag. It adds deleted_at, the UTC time of the soft delete. The app
-- restores a deleted record for 30 days after that time. Dates without a
-- time are ISO 8601 calendar dates. Supporting Families headings are stored
-- as codes: education, early_years, health, substance_use,
-- family_relationships, abuse_exploitation, crime, domestic_abuse, housing,
-- financial_stability.

-- The practitioner who leads the family's case, as a person's name or user
-- name, or empty while no practitioner is assigned.
ALTER TABLE family ADD COLUMN lead_practitioner TEXT NOT NULL DEFAULT '';
ALTER TABLE family ADD COLUMN deleted_at TEXT;

CREATE TABLE family_status_change (
    id          TEXT PRIMARY KEY NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    family_id   TEXT NOT NULL REFERENCES family(id),
    from_status TEXT NOT NULL CHECK (from_status IN ('open', 'stepped_up', 'stepped_down', 'closed')),
    to_status   TEXT NOT NULL CHECK (to_status IN ('open', 'stepped_up', 'stepped_down', 'closed')),
    change_date TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    changed_by  TEXT NOT NULL,
    revision    INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    deleted_at  TEXT
);

CREATE INDEX family_status_change_family ON family_status_change(family_id, change_date);

CREATE TABLE assessment (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    family_id       TEXT NOT NULL REFERENCES family(id),
    assessor        TEXT NOT NULL,
    assessment_date TEXT NOT NULL,
    child_voice     TEXT NOT NULL DEFAULT '',
    family_voice    TEXT NOT NULL DEFAULT '',
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    deleted_at      TEXT
);

CREATE INDEX assessment_family ON assessment(family_id, assessment_date);

-- One row per heading that the assessment covers. Score 1 means no concern
-- and 5 the greatest need.
CREATE TABLE assessment_need (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    assessment_id   TEXT NOT NULL REFERENCES assessment(id),
    heading         TEXT NOT NULL CHECK (heading IN ('education', 'early_years', 'health', 'substance_use',
                                                     'family_relationships', 'abuse_exploitation', 'crime',
                                                     'domestic_abuse', 'housing', 'financial_stability')),
    strengths       TEXT NOT NULL DEFAULT '',
    needs           TEXT NOT NULL DEFAULT '',
    score           INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    deleted_at      TEXT,
    UNIQUE (assessment_id, heading)
);

-- A Team Around the Family plan. outcomes is a JSON object from heading code
-- to the outcome recorded at closure.
CREATE TABLE taf_plan (
    id          TEXT PRIMARY KEY NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    family_id   TEXT NOT NULL REFERENCES family(id),
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
    outcomes    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(outcomes) AND json_type(outcomes) = 'object'),
    revision    INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    deleted_at  TEXT
);

CREATE INDEX taf_plan_family ON taf_plan(family_id);

-- A goal of a plan that addresses the need under one heading of an
-- assessment.
CREATE TABLE plan_goal (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    plan_id         TEXT NOT NULL REFERENCES taf_plan(id),
    assessment_id   TEXT REFERENCES assessment(id),
    heading         TEXT NOT NULL CHECK (heading IN ('education', 'early_years', 'health', 'substance_use',
                                                     'family_relationships', 'abuse_exploitation', 'crime',
                                                     'domestic_abuse', 'housing', 'financial_stability')),
    description     TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    deleted_at      TEXT
);

CREATE INDEX plan_goal_plan ON plan_goal(plan_id);

CREATE TABLE plan_action (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    goal_id         TEXT NOT NULL REFERENCES plan_goal(id),
    description     TEXT NOT NULL,
    owner_org_id    TEXT REFERENCES organisation(id),
    owner_person    TEXT NOT NULL DEFAULT '',
    due_date        TEXT,
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    deleted_at      TEXT
);

CREATE INDEX plan_action_goal ON plan_action(goal_id);
CREATE INDEX plan_action_open_due ON plan_action(due_date) WHERE status = 'open' AND deleted = 0;

CREATE TABLE taf_meeting (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    plan_id         TEXT NOT NULL REFERENCES taf_plan(id),
    meeting_date    TEXT NOT NULL,
    attendees       TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    deleted_at      TEXT
);

CREATE INDEX taf_meeting_plan ON taf_meeting(plan_id, meeting_date);

-- A review of a plan. progress is a JSON object from goal id to the progress
-- recorded against that goal.
CREATE TABLE plan_review (
    id                  TEXT PRIMARY KEY NOT NULL,
    org_id              TEXT NOT NULL REFERENCES organisation(id),
    plan_id             TEXT NOT NULL REFERENCES taf_plan(id),
    meeting_id          TEXT REFERENCES taf_meeting(id),
    review_date         TEXT NOT NULL,
    progress            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(progress) AND json_type(progress) = 'object'),
    next_review_date    TEXT,
    revision            INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0,
    deleted_at          TEXT
);

CREATE INDEX plan_review_plan ON plan_review(plan_id, review_date);
CREATE INDEX plan_review_next ON plan_review(next_review_date) WHERE deleted = 0;

-- Consent to share. purposes and data_categories are JSON arrays of strings;
-- recipients is a JSON array of {"kind": "organisation" or "party_type",
-- "value": organisation id or party type}.
CREATE TABLE consent (
    id                  TEXT PRIMARY KEY NOT NULL,
    org_id              TEXT NOT NULL REFERENCES organisation(id),
    family_id           TEXT REFERENCES family(id),
    subject_person_id   TEXT NOT NULL REFERENCES person(id),
    given_by_person_id  TEXT NOT NULL REFERENCES person(id),
    giver_capacity      TEXT NOT NULL CHECK (giver_capacity IN ('parental_responsibility',
                                                                 'competent_young_person')),
    purposes            TEXT NOT NULL CHECK (json_valid(purposes) AND json_type(purposes) = 'array'),
    recipients          TEXT NOT NULL CHECK (json_valid(recipients) AND json_type(recipients) = 'array'),
    data_categories     TEXT NOT NULL CHECK (json_valid(data_categories) AND json_type(data_categories) = 'array'),
    method              TEXT NOT NULL CHECK (method IN ('written', 'verbal', 'electronic')),
    given_date          TEXT NOT NULL,
    review_date         TEXT,
    withdrawn_date      TEXT,
    withdrawn_by        TEXT NOT NULL DEFAULT '',
    revision            INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0,
    deleted_at          TEXT,
    CHECK (withdrawn_date IS NULL OR withdrawn_date >= given_date)
);

CREATE INDEX consent_subject ON consent(subject_person_id);
CREATE INDEX consent_family ON consent(family_id);
CREATE INDEX consent_review ON consent(review_date) WHERE withdrawn_date IS NULL AND deleted = 0;

-- Information shared without consent: the UK GDPR lawful basis (Art. 6), the
-- condition for special category or criminal offence data (Art. 9 or 10, or
-- the Data Protection Act 2018 Schedule 1), and why.
CREATE TABLE sharing_decision (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    family_id       TEXT REFERENCES family(id),
    person_id       TEXT REFERENCES person(id),
    lawful_basis    TEXT NOT NULL,
    condition       TEXT NOT NULL DEFAULT '',
    justification   TEXT NOT NULL,
    decided_by      TEXT NOT NULL,
    decision_date   TEXT NOT NULL,
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    deleted_at      TEXT,
    CHECK (family_id IS NOT NULL OR person_id IS NOT NULL)
);

CREATE INDEX sharing_decision_family ON sharing_decision(family_id);
CREATE INDEX sharing_decision_person ON sharing_decision(person_id);

-- A chronology entry. data_category is personal, special_category or
-- criminal_offence and applies to the text.
CREATE TABLE case_note (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    family_id       TEXT NOT NULL REFERENCES family(id),
    person_id       TEXT REFERENCES person(id),
    note_date       TEXT NOT NULL,
    author          TEXT NOT NULL,
    note_type       TEXT NOT NULL,
    body            TEXT NOT NULL,
    significant     INTEGER NOT NULL DEFAULT 0,
    data_category   TEXT NOT NULL DEFAULT 'personal'
                    CHECK (data_category IN ('personal', 'special_category', 'criminal_offence')),
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0,
    deleted_at      TEXT
);

CREATE INDEX case_note_family ON case_note(family_id, note_date);
CREATE INDEX case_note_person ON case_note(person_id);
