-- Schema version 4: the Data Sharing Agreement in force, and what sharing
-- without consent covers and when it was used.
--
-- agreement_version contains each signed agreement the store has been given,
-- byte for byte as signed with its detached signature (text form), so the
-- signature can be checked again every time the store is opened.
-- agreement_acceptance records that the organisation signed up to a version:
-- the signatory's name and role, the date they signed, and the user who
-- recorded it. The agreement in force is the newest accepted version.
--
-- A sharing decision now names the recipient party type and the purpose it
-- covers. Decisions written before version 4 have neither and cover nothing
-- until they are edited to name them.
--
-- override_use records each time a field went to a recipient on the
-- strength of a sharing decision rather than consent: which decision, which
-- fields, to whom, for what purpose, who sent them, when and why.

ALTER TABLE sharing_decision ADD COLUMN recipient_party_type TEXT NOT NULL DEFAULT '';
ALTER TABLE sharing_decision ADD COLUMN purpose TEXT NOT NULL DEFAULT '';

CREATE TABLE agreement_version (
    version         INTEGER PRIMARY KEY NOT NULL CHECK (version > 0),
    document        BLOB NOT NULL,
    signature       TEXT NOT NULL,
    installed_at    TEXT NOT NULL,
    installed_by    TEXT NOT NULL
);

CREATE TABLE agreement_acceptance (
    id              TEXT PRIMARY KEY NOT NULL,
    org_id          TEXT NOT NULL REFERENCES organisation(id),
    version         INTEGER NOT NULL REFERENCES agreement_version(version),
    signatory_name  TEXT NOT NULL CHECK (signatory_name <> ''),
    signatory_role  TEXT NOT NULL CHECK (signatory_role <> ''),
    signed_date     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    UNIQUE (org_id, version)
);

CREATE TABLE override_use (
    id                      TEXT PRIMARY KEY NOT NULL,
    org_id                  TEXT NOT NULL REFERENCES organisation(id),
    decision_id             TEXT NOT NULL REFERENCES sharing_decision(id),
    family_id               TEXT REFERENCES family(id),
    person_id               TEXT REFERENCES person(id),
    recipient_party_type    TEXT NOT NULL,
    recipient_org_id        TEXT,
    purpose                 TEXT NOT NULL,
    field_ids               TEXT NOT NULL,  -- JSON array of field catalogue ids
    agreement_version       INTEGER NOT NULL,
    reason                  TEXT NOT NULL CHECK (reason <> ''),
    used_by                 TEXT NOT NULL,
    used_at                 TEXT NOT NULL
);

CREATE INDEX override_use_decision ON override_use(decision_id);
CREATE INDEX override_use_person ON override_use(person_id);
CREATE INDEX override_use_family ON override_use(family_id);
