-- Schema version 6: the store's side of sync with the server.
--
-- sync_outbox has one row per record changed locally since it was last
-- pushed, keyed by the record's sync type ("person", "familyMember",
-- "caseNote", "consent", "sharingDecision", …) and id. The triggers below
-- write it in the same transaction as the change. While a change is being
-- sent, change_id and body (the change as JSON) are set, so a change whose
-- response was lost goes again unchanged. changed_again is 1 when the record
-- changed after that. resolves is a JSON array of the conflict ids the next
-- change settles. error and message are the server's when it rejected the
-- change, or ''.
--
-- sync_state.applying is 1 only inside the transaction that applies a page
-- of the server's feed, so that the triggers skip the applier's writes.
CREATE TABLE sync_outbox (
    record_type     TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    marked_at       TEXT NOT NULL,
    change_id       TEXT,
    body            TEXT CHECK (body IS NULL OR json_valid(body)),
    changed_again   INTEGER NOT NULL DEFAULT 0,
    resolves        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(resolves) AND json_type(resolves) = 'array'),
    error           TEXT NOT NULL DEFAULT '',
    message         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_type, record_id)
);

-- Per record the server has: its revision there, the fields (catalogue id to
-- JSON value) that the server and this store last agreed on, whether it is
-- deleted there, and the server's id of the organisation that owns it.
CREATE TABLE sync_record (
    record_type         TEXT NOT NULL,
    record_id           TEXT NOT NULL,
    revision            INTEGER NOT NULL CHECK (revision >= 0),
    base_fields         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(base_fields) AND json_type(base_fields) = 'object'),
    deleted             INTEGER NOT NULL DEFAULT 0,
    owner_server_org_id TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (record_type, record_id)
);

-- A field changed on two sides to different values. The values are JSON
-- arrays of one element, so that null and strings keep their JSON type.
CREATE TABLE sync_conflict (
    conflict_id             TEXT PRIMARY KEY NOT NULL,
    record_type             TEXT NOT NULL,
    record_id               TEXT NOT NULL,
    field_id                TEXT NOT NULL,
    server_value            TEXT NOT NULL CHECK (json_valid(server_value)),
    other_value             TEXT NOT NULL CHECK (json_valid(other_value)),
    other_org_id            TEXT NOT NULL DEFAULT '',
    other_org_name          TEXT NOT NULL DEFAULT '',
    other_org_party_type    TEXT NOT NULL DEFAULT '',
    status                  TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    resolved_value          TEXT NOT NULL DEFAULT '[null]' CHECK (json_valid(resolved_value)),
    created_at              TEXT NOT NULL,
    resolved_at             TEXT
);

CREATE INDEX sync_conflict_record ON sync_conflict(record_type, record_id);

-- Records deleted because this organisation may no longer hold them.
CREATE TABLE sync_purge (
    id          INTEGER PRIMARY KEY,
    record_type TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    family_id   TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    purged_at   TEXT NOT NULL
);

-- The pull cursor and the last sync attempt. Times are UTC ISO 8601.
CREATE TABLE sync_state (
    id                  INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    cursor              INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
    last_attempt_at     TEXT,
    last_complete_at    TEXT,
    last_server_time    TEXT,
    clock_skew_seconds  INTEGER NOT NULL DEFAULT 0,
    last_error          TEXT NOT NULL DEFAULT '',
    applying            INTEGER NOT NULL DEFAULT 0
);

INSERT INTO sync_state (id) VALUES (1);

-- Every family of a store written before this version is queued once, so
-- the first push considers all of them. Building a family's push covers its
-- members' records, consents and decisions.
INSERT INTO sync_outbox (record_type, record_id, marked_at)
SELECT 'family', id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM family;

CREATE TRIGGER sync_outbox_person_insert AFTER INSERT ON person
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('person', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_person_update AFTER UPDATE ON person
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('person', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_address_insert AFTER INSERT ON address
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('address', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_address_update AFTER UPDATE ON address
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('address', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_contact_insert AFTER INSERT ON contact
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('contact', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_contact_update AFTER UPDATE ON contact
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('contact', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_relationship_insert AFTER INSERT ON relationship
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('relationship', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_relationship_update AFTER UPDATE ON relationship
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('relationship', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_family_insert AFTER INSERT ON family
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('family', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_family_update AFTER UPDATE ON family
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('family', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_family_member_insert AFTER INSERT ON family_member
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('familyMember', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_family_member_update AFTER UPDATE ON family_member
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('familyMember', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_case_note_insert AFTER INSERT ON case_note
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('caseNote', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_case_note_update AFTER UPDATE ON case_note
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('caseNote', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_consent_insert AFTER INSERT ON consent
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('consent', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_consent_update AFTER UPDATE ON consent
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('consent', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_sharing_decision_insert AFTER INSERT ON sharing_decision
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('sharingDecision', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;

CREATE TRIGGER sync_outbox_sharing_decision_update AFTER UPDATE ON sharing_decision
WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0
BEGIN
    INSERT INTO sync_outbox (record_type, record_id, marked_at)
    VALUES ('sharingDecision', new.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (record_type, record_id) DO UPDATE SET changed_again = (change_id IS NOT NULL);
END;
