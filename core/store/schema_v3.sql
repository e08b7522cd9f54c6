-- Schema version 3: people added by hand and merged duplicates.
--
-- A person's record may now be deleted by a merge, which keeps it as a
-- tombstone: deleted is 1, deleted_at is the UTC time of the merge and
-- merged_into is the id of the person who now holds the merged person's
-- records. The tombstone keeps its names and identifiers, so the merge can be
-- traced. Searches already skip deleted people.
--
-- upn_not_known is the DfE reason code, UN1 to UN5, that stands in for the
-- UPN of a child whose UPN is not known. It lives apart from upn because the
-- person_upn index allows each UPN once, and many children share a code.

ALTER TABLE person ADD COLUMN deleted_at TEXT;
ALTER TABLE person ADD COLUMN merged_into TEXT REFERENCES person(id);
ALTER TABLE person ADD COLUMN upn_not_known TEXT NOT NULL DEFAULT ''
    CHECK (upn_not_known IN ('', 'UN1', 'UN2', 'UN3', 'UN4', 'UN5'));

CREATE INDEX person_merged_into ON person(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX person_date_of_birth ON person(date_of_birth) WHERE deleted = 0;
CREATE INDEX address_postcode ON address(postcode) WHERE deleted = 0;
