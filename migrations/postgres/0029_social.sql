-- Social: templates belong to content streams (tags) that partners
-- subscribe to, each stream launched for the partner by itself or offered
-- for the partner's approval; a launched campaign's social posts go out
-- through a connector (the partner's own webhook automation) or wait to be
-- shared by hand with LinkedIn / X share links.
ALTER TABLE campaign_templates ADD COLUMN streams TEXT NOT NULL DEFAULT '';

CREATE TABLE stream_subscriptions (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    stream TEXT NOT NULL,
    -- 'auto': new templates launch for the partner when published;
    -- 'approval': they wait on the partner's campaign page to be launched.
    mode TEXT NOT NULL CHECK (mode IN ('auto', 'approval')),
    created_by TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, stream)
);

CREATE TABLE social_posts (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    -- Which of the campaign's posts.
    position BIGINT NOT NULL,
    network TEXT NOT NULL,
    -- The text with the partner's details and link filled in.
    text TEXT NOT NULL,
    -- The campaign's landing page, which the post links to.
    link TEXT NOT NULL,
    -- 'scheduled': waits for its time; 'placed': handed to a connector.
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'placed')),
    -- Which connector took it ('webhook', 'share').
    connector TEXT,
    -- The webhook delivery that carries it, whose state the partner sees.
    delivery_id TEXT,
    scheduled_at BIGINT NOT NULL,
    placed_at BIGINT,
    UNIQUE (campaign_id, position)
);
CREATE INDEX social_posts_due ON social_posts (status, scheduled_at);
