-- Signed outgoing webhooks (Standard Webhooks): an organisation's endpoints,
-- and an outbox of deliveries with every attempt kept for the log.

CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    -- Whose endpoint: the vendor's (the program admin's CRM) or a partner's.
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    url TEXT NOT NULL,
    -- The signing secret's bytes, base64 (shown as `whsec_<base64>`).
    secret TEXT NOT NULL,
    -- Event types sent, space separated (`lead.created lead.updated`).
    events TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_by TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_organisation ON webhook_endpoints (organisation_id, active);

CREATE TABLE webhook_deliveries (
    -- The message id (`webhook-id`): the same on every retry and replay, so
    -- the receiver can ignore one it already has. `msg_` and a UUID v7:
    -- ordered by time, so the sender goes in the order things happened.
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    -- The record the event is about (a lead id), for the log.
    subject_id TEXT NOT NULL,
    -- The exact JSON body sent (and signed) on every attempt.
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    -- A sender working on it holds it until then (jobs on several app
    -- servers, a person's replay): only one sends at a time.
    lease_until BIGINT NOT NULL DEFAULT 0,
    last_code BIGINT,
    last_error TEXT,
    delivered_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);

CREATE TABLE webhook_attempts (
    delivery_id TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    -- The HTTP status the receiver answered, if it answered.
    code BIGINT,
    -- Why it failed, in Trellis's words (never the receiver's body).
    error TEXT,
    duration_ms BIGINT NOT NULL,
    -- 'retry' (the outbox), 'replay' (a person asked for it).
    kind TEXT NOT NULL CHECK (kind IN ('retry', 'replay'))
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, at);
