-- Schema version 5: the store's enrolment with a sync server.
--
-- sync_enrolment has at most one row (id = 1): the server the store is
-- enrolled with, the device id the server gave it, the device name sent, and
-- the server's organisation for this device. Enrolling again replaces the
-- row. The device credential is not here: it is kept in the OS keychain.
-- extra_ca_certificates contains PEM certificates that an administrator added
-- to trust the server besides the system's CA certificates, or ''.

CREATE TABLE sync_enrolment (
    id                      INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    server_url              TEXT NOT NULL CHECK (server_url <> ''),
    device_id               TEXT NOT NULL CHECK (device_id <> ''),
    device_name             TEXT NOT NULL,
    server_org_id           TEXT NOT NULL CHECK (server_org_id <> ''),
    server_org_name         TEXT NOT NULL,
    server_org_party_type   TEXT NOT NULL,
    extra_ca_certificates   TEXT NOT NULL DEFAULT '',
    enrolled_at             TEXT NOT NULL
);
