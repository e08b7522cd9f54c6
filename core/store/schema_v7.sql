-- Schema version 7: accountability. The audit trail, and the tables of
-- retention, erasure and safeguarding file transfer.
--
-- audit_event is the audit trail: one row per event, in sequence order,
-- chained by hash. hash is SHA-256 over the previous event's hash and this
-- event's columns (core/audit/auditchain.cpp gives the exact encoding).
-- details is a JSON object whose keys depend on action; details_digest is
-- SHA-256 over details_salt followed by details, and the chain covers the
-- digest, not details itself. Erasing a person's data blanks details and
-- details_salt of the events about them and sets erased_by_seq to the
-- sequence of the erasure event; the digest, and so the chain, stay intact.
-- prev_hash of the first event is 32 zero bytes.
CREATE TABLE audit_event (
    seq             INTEGER PRIMARY KEY NOT NULL CHECK (seq > 0),
    at              TEXT NOT NULL,
    user_name       TEXT NOT NULL DEFAULT '',
    role_code       TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,
    record_type     TEXT NOT NULL DEFAULT '',
    record_id       TEXT NOT NULL DEFAULT '',
    family_id       TEXT NOT NULL DEFAULT '',
    person_id       TEXT NOT NULL DEFAULT '',
    details         TEXT NOT NULL DEFAULT '{}',
    details_salt    BLOB,
    details_digest  BLOB NOT NULL,
    prev_hash       BLOB NOT NULL,
    hash            BLOB NOT NULL,
    erased_by_seq   INTEGER
);

CREATE INDEX audit_event_person ON audit_event(person_id, seq) WHERE person_id <> '';
CREATE INDEX audit_event_family ON audit_event(family_id, seq) WHERE family_id <> '';
CREATE INDEX audit_event_user ON audit_event(user_name, seq);
CREATE INDEX audit_event_action ON audit_event(action, seq);
CREATE INDEX audit_event_at ON audit_event(at);

-- Retention and erasure.
--
-- retention_review records a decision, after a record's retention period
-- ended, to keep it until keep_until (ISO date). The latest review of a
-- subject hides it from the due list until then. subject_type is 'person'
-- for a child's file (kept until an age) or 'family' for a family's case
-- records (kept for a number of years after the case closes). reason may
-- contain case details, so erasing the subject deletes its reviews.
CREATE TABLE retention_review (
    id              TEXT PRIMARY KEY NOT NULL,
    subject_type    TEXT NOT NULL CHECK (subject_type IN ('person', 'family')),
    subject_id      TEXT NOT NULL,
    due_date        TEXT NOT NULL,
    keep_until      TEXT NOT NULL CHECK (keep_until > due_date),
    reason          TEXT NOT NULL CHECK (reason <> ''),
    reviewed_by     TEXT NOT NULL,
    reviewed_at     TEXT NOT NULL
);

CREATE INDEX retention_review_subject ON retention_review(subject_type, subject_id, keep_until);

-- erasure_tombstone keeps one row per record that erasure removed: which
-- table and id, when, by whom, why, and the sequence of the audit event of
-- the erasure. It holds no value of the erased record. record_type is the
-- store table's name. reason is the user's, which the app asks to be free
-- of personal data.
CREATE TABLE erasure_tombstone (
    id              INTEGER PRIMARY KEY,
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    erased_at       TEXT NOT NULL,
    erased_by       TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (reason <> ''),
    audit_sequence  INTEGER
);

CREATE INDEX erasure_tombstone_record ON erasure_tombstone(record_type, record_id);
