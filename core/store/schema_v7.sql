-- Schema version 7: accountability. The audit trail, and the tables of
-- retention, erasure and safeguarding file transfer.
--
-- audit_event is the audit trail: one row per event, in sequence order,
-- chained by hash. hash is SHA-256 over the previous event's hash and this
-- event's columns (core/audit/auditchain.cpp gives the exact encoding).
-- details is a JSON object whose keys depend on action. details_digest is
-- SHA-256 over details_salt followed by details. The chain covers the
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

-- Each index adds encrypted pages to the commit of every audited edit, so
-- only the person, family and date look-ups have one. Filters by user or
-- action scan in sequence order.
CREATE INDEX audit_event_person ON audit_event(person_id, seq) WHERE person_id <> '';
CREATE INDEX audit_event_family ON audit_event(family_id, seq) WHERE family_id <> '';
CREATE INDEX audit_event_at ON audit_event(at);

-- The audit trail's head: the sequence and hash of the newest event, written
-- with every event. A gap between it and the newest row shows that the
-- newest events were removed. Events always take seq = head seq + 1.
CREATE TABLE audit_head (
    id      INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    seq     INTEGER NOT NULL CHECK (seq >= 0),
    hash    BLOB NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, zeroblob(32));

CREATE TRIGGER audit_event_sequence BEFORE INSERT ON audit_event
WHEN new.seq IS NOT (SELECT seq + 1 FROM audit_head WHERE id = 1)
BEGIN
    SELECT RAISE(ABORT, 'audit_event.seq must follow audit_head.seq');
END;

-- Completes each new event: its details digest, the previous event's hash and
-- its own hash, through the functions the store registers on every
-- connection (core/store/auditfunctions.h). The writer leaves those three
-- columns empty.
CREATE TRIGGER audit_event_chain AFTER INSERT ON audit_event
BEGIN
    UPDATE audit_event
    SET details_digest = earlyhelp_audit_digest(details_salt, details),
        prev_hash = (SELECT hash FROM audit_head WHERE id = 1),
        hash = earlyhelp_audit_hash((SELECT hash FROM audit_head WHERE id = 1), seq, at, user_name,
                                    role_code, action, record_type, record_id, family_id, person_id,
                                    earlyhelp_audit_digest(details_salt, details))
    WHERE seq = new.seq;
    UPDATE audit_head
    SET seq = new.seq, hash = (SELECT hash FROM audit_event WHERE seq = new.seq)
    WHERE id = 1;
END;

-- The audit triggers of the case tables are written by migration 7's C++
-- step (core/store/audittriggers.cpp) from the columns of each table when the
-- migration runs, after every section of this script. Every table is
-- audited except SQLite's own, sync_*, audit_*, agreement_version and the
-- person search index, and the tables that sections below list as excluded.
-- A section below that adds a table without case data must be excluded
-- there.

-- Safeguarding file transfers between schools, one row per package this
-- store sent or received. person_id is the child's id in this store.
-- other_school_name is empty for a sent package until the receiving school's
-- receipt names it. created_at is when the sending school packed the file,
-- transferred_at when this store sent or imported it, receipt_at the import
-- time that the receiving school's receipt states, and confirmed_at when the
-- sending school recorded that receipt (sent packages only). receipt_key is
-- the 32-byte key that authenticates the receipt, derived from the package's
-- one-time code; it cannot decrypt the package. The sending store keeps it
-- to check the receipt, and the receiving store to write the receipt again.
CREATE TABLE safeguarding_transfer (
    package_id          TEXT NOT NULL,
    direction           TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
    person_id           TEXT NOT NULL,
    other_school_name   TEXT NOT NULL DEFAULT '',
    other_school_urn    TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    transferred_at      TEXT NOT NULL,
    receipt_at          TEXT,
    confirmed_at        TEXT,
    receipt_key         BLOB NOT NULL CHECK (length(receipt_key) = 32),
    recorded_by         TEXT NOT NULL,
    PRIMARY KEY (package_id, direction)
);

CREATE INDEX safeguarding_transfer_person ON safeguarding_transfer(person_id);

-- Retention and erasure. The audit triggers exclude both tables, because
-- core/retention appends one retention or erase event for their writes.
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
