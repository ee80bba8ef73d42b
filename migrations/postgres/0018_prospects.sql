-- Prospects: companies the channel team would like as partners that have
-- not applied (met at an event, named by a partner, found in research).
-- "Recruit next" ranks them with the applicants by how much they resemble
-- the best performers.

CREATE TABLE prospects (
    id TEXT PRIMARY KEY,
    company TEXT NOT NULL,
    company_key TEXT NOT NULL,
    website TEXT NOT NULL,
    domain_key TEXT NOT NULL,
    country TEXT NOT NULL,
    region TEXT NOT NULL CHECK (region IN ('north_america', 'latam', 'emea', 'apac')),
    partner_type TEXT NOT NULL
        CHECK (partner_type IN ('var', 'msp', 'si', 'isv', 'referral', 'distributor')),
    employees BIGINT NOT NULL CHECK (employees > 0),
    industries TEXT NOT NULL,
    specialisations TEXT NOT NULL,
    -- Where the channel team came across it.
    note TEXT NOT NULL,
    added_by TEXT NOT NULL REFERENCES people (id),
    added_at BIGINT NOT NULL
);

-- One entry per company website, however many managers add it at once.
CREATE UNIQUE INDEX prospects_domain ON prospects (domain_key);
