-- Campaign email: a send to recipients from a CSV upload or a saved list,
-- each recipient with a secret token (only its hash kept) behind their
-- unsubscribe page, open pixel and tracked links.

-- An outbox message may carry an HTML body and a one-click unsubscribe
-- address (List-Unsubscribe, List-Unsubscribe-Post).
ALTER TABLE outbox ADD COLUMN html TEXT;
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;

-- A send: drafted from an upload (checked, shown), then queued now or at
-- a time. Only the partner's own people see it; never the vendor.
CREATE TABLE campaign_sends (
    id TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    status TEXT NOT NULL CHECK (status IN ('draft', 'queued', 'discarded')),
    source TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    send_at BIGINT,
    -- Rows left out: the same address twice, or unsubscribed before.
    duplicates BIGINT NOT NULL DEFAULT 0,
    unsubscribed BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX campaign_sends_campaign ON campaign_sends (campaign_id, created_at);

-- Who a send goes to.
CREATE TABLE campaign_recipients (
    id TEXT PRIMARY KEY,
    send_id TEXT NOT NULL REFERENCES campaign_sends (id),
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    position BIGINT NOT NULL,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    name TEXT NOT NULL,
    company TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    -- The message queued for them, once the send is.
    outbox_id TEXT REFERENCES outbox (id),
    opened_at BIGINT,
    clicked_at BIGINT,
    UNIQUE (send_id, email_key)
);

-- Rows of an upload that were refused, and why (shown on the draft).
CREATE TABLE campaign_send_problems (
    send_id TEXT NOT NULL REFERENCES campaign_sends (id),
    line BIGINT NOT NULL,
    problem TEXT NOT NULL,
    PRIMARY KEY (send_id, line)
);

-- Whoever unsubscribed from a partner's email gets none of its sends again.
CREATE TABLE campaign_unsubscribes (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    email_key TEXT NOT NULL,
    campaign_id TEXT REFERENCES campaigns (id),
    at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, email_key)
);

-- A partner's saved recipient lists, reused for later sends.
CREATE TABLE recipient_lists (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE recipient_list_members (
    list_id TEXT NOT NULL REFERENCES recipient_lists (id),
    email TEXT NOT NULL,
    email_key TEXT NOT NULL,
    name TEXT NOT NULL,
    company TEXT NOT NULL,
    PRIMARY KEY (list_id, email_key)
);
