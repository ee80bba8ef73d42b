-- Incentives kept deliberately simple: a rebate (a share of won revenue,
-- for one tier or all, for one product or all), a referral fee (a share of
-- the deals referral and influence partners sourced) and SPIFFs (a fixed
-- amount per qualifying deal), each with a start and an end.
CREATE TABLE incentive_programs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('rebate', 'referral', 'spiff')),
    -- Rebates and referral fees: a share of the deal's value.
    rate_bp BIGINT CHECK (rate_bp IS NULL OR (rate_bp > 0 AND rate_bp <= 10000)),
    -- SPIFFs: a fixed amount per deal.
    amount_minor BIGINT CHECK (amount_minor IS NULL OR amount_minor > 0),
    currency TEXT NOT NULL CHECK (currency IN ('USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'BRL', 'INR')),
    tier_id TEXT REFERENCES tiers (id),
    -- Deals whose products name this (case-insensitive), or any.
    product TEXT,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_by TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK ((kind = 'spiff' AND amount_minor IS NOT NULL AND rate_bp IS NULL)
        OR (kind <> 'spiff' AND rate_bp IS NOT NULL AND amount_minor IS NULL))
);

-- What a partner earned from a won deal under a program: one line per
-- program, deal and partner (the registrant and its co-sellers), however
-- often earnings are computed.
CREATE TABLE earnings (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES incentive_programs (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    deal_id TEXT NOT NULL REFERENCES deals (id),
    -- The deal's value in the program's currency, as the rule read it.
    base_minor BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    status TEXT NOT NULL CHECK (status IN ('accrued', 'approved', 'paid')),
    earned_at BIGINT NOT NULL,
    approved_by TEXT REFERENCES people (id),
    approved_at BIGINT,
    paid_reference TEXT,
    paid_at BIGINT,
    -- A partner's question about the line, and the answer.
    question TEXT,
    answer TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (program_id, deal_id, organisation_id)
);
CREATE INDEX earnings_organisation ON earnings (organisation_id, earned_at);
CREATE INDEX earnings_status ON earnings (status, organisation_id);
