-- Credentials, database-backed sessions, sign-in throttling and the
-- append-only audit log.

ALTER TABLE people ADD COLUMN password_hash TEXT;
ALTER TABLE people ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('invited', 'active', 'disabled'));

-- The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database does not let anyone sign in.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    idle_timeout_secs BIGINT NOT NULL CHECK (idle_timeout_secs > 0),
    remember BIGINT NOT NULL CHECK (remember IN (0, 1)),
    user_agent TEXT,
    ip TEXT,
    revoked_at BIGINT
);

CREATE INDEX sessions_person ON sessions (person_id, revoked_at);

-- Failed sign-ins, by account (email) and by address, for throttling.
CREATE TABLE sign_in_failures (
    scope TEXT NOT NULL CHECK (scope IN ('account', 'ip')),
    subject TEXT NOT NULL,
    at BIGINT NOT NULL
);

CREATE INDEX sign_in_failures_subject ON sign_in_failures (scope, subject, at);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    organisation_id TEXT,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT,
    ip TEXT,
    detail TEXT
);

CREATE INDEX audit_log_organisation ON audit_log (organisation_id, at);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
