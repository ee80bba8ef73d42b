-- Automatic tiers: each tier's thresholds (NULL: not required) and other
-- benefits, how the program treats changes, each partner's pending change,
-- and the tier history with the numbers that explain every change.

ALTER TABLE tiers ADD COLUMN min_sourced_cents BIGINT CHECK (min_sourced_cents >= 0);
ALTER TABLE tiers ADD COLUMN min_influenced_cents BIGINT CHECK (min_influenced_cents >= 0);
ALTER TABLE tiers ADD COLUMN min_certified BIGINT CHECK (min_certified >= 0);
ALTER TABLE tiers ADD COLUMN min_registrations BIGINT CHECK (min_registrations >= 0);
ALTER TABLE tiers ADD COLUMN min_psat_tenths BIGINT CHECK (min_psat_tenths BETWEEN 0 AND 100);
-- Other benefits, one per line.
ALTER TABLE tiers ADD COLUMN benefits TEXT NOT NULL DEFAULT '';

ALTER TABLE program_settings ADD COLUMN tier_grace_days BIGINT NOT NULL DEFAULT 90
    CHECK (tier_grace_days BETWEEN 0 AND 365);
ALTER TABLE program_settings ADD COLUMN tier_changes_need_approval BIGINT NOT NULL DEFAULT 0
    CHECK (tier_changes_need_approval IN (0, 1));

-- The tier a partner moves to: at tier_due_at unless it recovers (a
-- downgrade in its grace period), or when approved (tier_due_at NULL).
ALTER TABLE organisations ADD COLUMN tier_pending_id TEXT REFERENCES tiers (id);
ALTER TABLE organisations ADD COLUMN tier_due_at BIGINT;

CREATE TABLE tier_changes (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    -- The order of a partner's changes (several may share a second).
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('moved', 'warned', 'recovered', 'proposed', 'approved', 'declined')),
    from_tier_id TEXT REFERENCES tiers (id),
    to_tier_id TEXT REFERENCES tiers (id),
    -- The tier whose thresholds explain the change, and what they were.
    rule_tier_id TEXT REFERENCES tiers (id),
    min_sourced_cents BIGINT,
    min_influenced_cents BIGINT,
    min_certified BIGINT,
    min_registrations BIGINT,
    min_psat_tenths BIGINT,
    -- Where the partner stood.
    sourced_cents BIGINT NOT NULL,
    influenced_cents BIGINT NOT NULL,
    certified BIGINT NOT NULL,
    registrations BIGINT NOT NULL,
    psat_tenths BIGINT,
    due_at BIGINT,
    actor_id TEXT REFERENCES people (id),
    at BIGINT NOT NULL
);

CREATE UNIQUE INDEX tier_changes_organisation ON tier_changes (organisation_id, seq);


-- The recompute reads every won deal of the last year and every decision:
-- both through an index that holds what it sums.
CREATE INDEX deals_closed ON deals (status, closed_at, organisation_id, currency, partner_role, value_cents);
CREATE INDEX deals_decided ON deals (decided_at, status, organisation_id);
