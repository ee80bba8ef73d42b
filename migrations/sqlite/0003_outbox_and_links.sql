-- Email goes through an outbox: written in the same transaction as the
-- change that causes it, delivered by a background sender with retries.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    sent_at BIGINT,
    last_error TEXT
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- Single-use links for invitations and password resets; only the SHA-256
-- of the token is stored.
CREATE TABLE person_links (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
    person_id TEXT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE INDEX person_links_person ON person_links (person_id, kind, created_at);
