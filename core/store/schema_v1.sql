-- Schema version 1: organisations, people, families and their members,
-- addresses, contact details, and the name search index.
--
-- Every record carries a UUID (text, lower case), a revision that starts at 1
-- and grows by one on every change, created and updated timestamps in UTC
-- (ISO 8601, "2026-12-04T19:51:50.123Z"), the organisation that owns it, and a
-- tombstone flag so that a delete can travel by sync. Dates without a time are
-- ISO 8601 calendar dates ("2015-09-01"). Codes from the DfE lists (sex,
-- ethnicity, language, relationship, telephone type) are stored verbatim.

CREATE TABLE organisation (
    id              TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL,
    party_type      TEXT NOT NULL,          -- school, childrens_trust, health, local_authority, voluntary_sector
    dfe_urn         TEXT,                   -- schools: six digits
    la_code         TEXT,                   -- schools: three-digit local authority number
    estab_number    TEXT,                   -- schools: four-digit establishment number
    ods_code        TEXT,                   -- NHS bodies
    dpo_contact     TEXT,
    is_local        INTEGER NOT NULL DEFAULT 0,  -- 1 for the organisation that owns this store
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE person (
    -- The rowid under a name of its own. SQLite documents that VACUUM may
    -- change rowids that no INTEGER PRIMARY KEY column names, and copies made
    -- with sqlcipher_export() keep only named columns. The person's
    -- person_search row has the same rowid. It is local to this store; other
    -- stores identify the person by id.
    local_id            INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    org_id              TEXT NOT NULL REFERENCES organisation(id),
    legal_forename      TEXT NOT NULL DEFAULT '',
    middle_names        TEXT NOT NULL DEFAULT '',
    legal_surname       TEXT NOT NULL DEFAULT '',
    preferred_forename  TEXT NOT NULL DEFAULT '',
    preferred_surname   TEXT NOT NULL DEFAULT '',
    former_surname      TEXT NOT NULL DEFAULT '',
    title               TEXT NOT NULL DEFAULT '',
    date_of_birth       TEXT,
    sex                 TEXT NOT NULL DEFAULT '',   -- CTF Sex or Gender code: M, F, or as given
    ethnicity           TEXT NOT NULL DEFAULT '',
    language            TEXT NOT NULL DEFAULT '',
    religion            TEXT NOT NULL DEFAULT '',
    upn                 TEXT,                       -- pupils only; permanent or temporary
    nhs_number          TEXT,
    is_pupil            INTEGER NOT NULL DEFAULT 0,
    looked_after        INTEGER NOT NULL DEFAULT 0,
    care_authority      TEXT NOT NULL DEFAULT '',
    fsm_eligible        INTEGER NOT NULL DEFAULT 0, -- an FSM period without an end date
    sen_provision       TEXT NOT NULL DEFAULT '',   -- K SEN support, E EHC plan
    entry_date          TEXT,
    source_ctf          TEXT NOT NULL DEFAULT '',   -- JSON of CTF blocks kept as given (FSM, SEN, school history)
    revision            INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX person_upn ON person(org_id, upn) WHERE upn IS NOT NULL AND deleted = 0;
CREATE INDEX person_surname ON person(legal_surname COLLATE NOCASE);

CREATE TABLE address (
    id                  TEXT PRIMARY KEY NOT NULL,
    org_id              TEXT NOT NULL REFERENCES organisation(id),
    person_id           TEXT NOT NULL REFERENCES person(id),
    saon                TEXT NOT NULL DEFAULT '',   -- secondary addressable object: "Flat 5", "Plot 4"
    paon                TEXT NOT NULL DEFAULT '',   -- primary addressable object: house number or name
    street              TEXT NOT NULL DEFAULT '',
    locality            TEXT NOT NULL DEFAULT '',
    town                TEXT NOT NULL DEFAULT '',
    administrative_area TEXT NOT NULL DEFAULT '',
    post_town           TEXT NOT NULL DEFAULT '',
    county              TEXT NOT NULL DEFAULT '',
    postcode            TEXT NOT NULL DEFAULT '',
    is_current          INTEGER NOT NULL DEFAULT 1,
    revision            INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX address_person ON address(person_id);

-- Telephone numbers and e-mail addresses of a person.
CREATE TABLE contact (
    id          TEXT PRIMARY KEY NOT NULL,
    org_id      TEXT NOT NULL REFERENCES organisation(id),
    person_id   TEXT NOT NULL REFERENCES person(id),
    kind        TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
    type_code   TEXT NOT NULL DEFAULT '',   -- telephone type: H home, M mobile, W work
    value       TEXT NOT NULL,              -- as given
    revision    INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX contact_person ON contact(person_id);

-- How an adult stands to a child: the CTF contact's relationship code, whether
-- the adult has parental responsibility, and the school's contact order.
CREATE TABLE relationship (
    id                      TEXT PRIMARY KEY NOT NULL,
    org_id                  TEXT NOT NULL REFERENCES organisation(id),
    child_id                TEXT NOT NULL REFERENCES person(id),
    adult_id                TEXT NOT NULL REFERENCES person(id),
    relationship            TEXT NOT NULL DEFAULT '',
    parental_responsibility INTEGER NOT NULL DEFAULT 0,
    contact_order           INTEGER,
    revision                INTEGER NOT NULL DEFAULT 1,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    deleted                 INTEGER NOT NULL DEFAULT 0,
    UNIQUE (child_id, adult_id)
);

CREATE INDEX relationship_adult ON relationship(adult_id);

CREATE TABLE family (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    name            TEXT NOT NULL,              -- display name, e.g. "Khan family"
    status          TEXT NOT NULL DEFAULT 'open',
    looked_after    INTEGER NOT NULL DEFAULT 0, -- a looked-after child's record: carers without PR
    revision        INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE family_member (
    id                      TEXT PRIMARY KEY NOT NULL,
    org_id                  TEXT NOT NULL REFERENCES organisation(id),
    family_id               TEXT NOT NULL REFERENCES family(id),
    person_id               TEXT NOT NULL REFERENCES person(id),
    role                    TEXT NOT NULL CHECK (role IN ('child', 'adult')),
    relationship            TEXT NOT NULL DEFAULT '',   -- to the family's children: parent, carer, sibling, other adult, or a CTF code
    parental_responsibility INTEGER NOT NULL DEFAULT 0,
    revision                INTEGER NOT NULL DEFAULT 1,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    deleted                 INTEGER NOT NULL DEFAULT 0,
    UNIQUE (family_id, person_id)
);

CREATE INDEX family_member_person ON family_member(person_id);

-- Folded search terms of each person's names and identifiers, kept current by
-- triggers through earlyhelp_search_terms(), which the store registers on every
-- connection. Names themselves are stored only in person, exactly as given.
-- Every person, deleted or not, has a row; searches skip deleted people.
-- The terms arrive folded and separated by single spaces, so the ascii
-- tokenizer, which splits only at ASCII spaces and punctuation, keeps each term
-- whole. unicode61 would also split at spacing vowel signs, so Devanagari परि
-- and परा would both index as पर. The prefix indexes serve the first two or
-- three letters a user types. In a test store of 300,000 made-up people they
-- made such a lookup about ten times faster and the index a third larger.
CREATE VIRTUAL TABLE person_search USING fts5(
    names,
    identifiers,
    tokenize = 'ascii',
    prefix = '2 3'
);

CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
    INSERT INTO person_search(rowid, names, identifiers)
    VALUES (new.local_id,
            earlyhelp_search_terms(new.legal_forename, new.middle_names, new.legal_surname,
                                   new.preferred_forename, new.preferred_surname, new.former_surname),
            earlyhelp_search_terms(new.upn, new.nhs_number));
END;

CREATE TRIGGER person_search_update
AFTER UPDATE OF local_id, legal_forename, middle_names, legal_surname, preferred_forename,
                preferred_surname, former_surname, upn, nhs_number ON person BEGIN
    DELETE FROM person_search WHERE rowid = old.local_id;
    INSERT INTO person_search(rowid, names, identifiers)
    VALUES (new.local_id,
            earlyhelp_search_terms(new.legal_forename, new.middle_names, new.legal_surname,
                                   new.preferred_forename, new.preferred_surname, new.former_surname),
            earlyhelp_search_terms(new.upn, new.nhs_number));
END;

CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
    DELETE FROM person_search WHERE rowid = old.local_id;
END;
