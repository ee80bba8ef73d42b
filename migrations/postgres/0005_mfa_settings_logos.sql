-- Two-step sign-in (TOTP with recovery codes), trusted devices, program
-- settings and organisation logos.

-- The TOTP secret must be readable to check codes; the last accepted time
-- step makes every code single-use.
ALTER TABLE people ADD COLUMN totp_secret TEXT;
ALTER TABLE people ADD COLUMN totp_enabled_at BIGINT;
ALTER TABLE people ADD COLUMN totp_last_step BIGINT;

-- A set-up in progress: the secret and recovery codes shown on the set-up
-- page, until the first code confirms them.
CREATE TABLE mfa_enrolments (
    person_id TEXT PRIMARY KEY REFERENCES people (id),
    secret TEXT NOT NULL,
    recovery_codes TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Only the SHA-256 of each recovery code; each one works once.
CREATE TABLE recovery_codes (
    person_id TEXT NOT NULL REFERENCES people (id),
    code_hash TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (person_id, code_hash)
);

-- How far a session has got: 'full', or waiting for the second factor
-- ('second_factor'), or signed in only to set two-step sign-in up ('enrol').
ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full'
    CHECK (stage IN ('full', 'second_factor', 'enrol'));

-- "Do not ask for a code on this device for 30 days": a second cookie
-- whose SHA-256 is kept here.
CREATE TABLE trusted_devices (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE INDEX trusted_devices_person ON trusted_devices (person_id);

-- One row: the program's settings.
CREATE TABLE program_settings (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    require_partner_mfa BIGINT NOT NULL DEFAULT 0 CHECK (require_partner_mfa IN (0, 1))
);

INSERT INTO program_settings (id, require_partner_mfa) VALUES (1, 0);

-- Logos are re-encoded on upload (never the uploaded bytes) and kept in the
-- database, so any app server can serve them.
CREATE TABLE organisation_logos (
    organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
    content_type TEXT NOT NULL CHECK (content_type IN ('image/png')),
    bytes BYTEA NOT NULL,
    sha256 TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
