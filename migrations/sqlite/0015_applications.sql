-- Recruiting: what the program knows about each partner's business (to
-- compare applicants with), when a deal closed, the public applications
-- and the weights of the fit score.

-- Employees, industries served and specialisations held (comma-separated
-- codes), people certified (a stored count until the training area counts
-- them) and PSAT (0-100, tenths of the 0-10 answer; NULL: not surveyed).
ALTER TABLE organisations ADD COLUMN employees BIGINT CHECK (employees > 0);
ALTER TABLE organisations ADD COLUMN industries TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN specialisations TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN certified_people BIGINT NOT NULL DEFAULT 0
    CHECK (certified_people >= 0);
ALTER TABLE organisations ADD COLUMN psat_tenths BIGINT CHECK (psat_tenths BETWEEN 0 AND 100);

-- When a registration was won or lost: revenue is counted by this.
ALTER TABLE deals ADD COLUMN closed_at BIGINT;
UPDATE deals SET closed_at = updated_at WHERE status IN ('won', 'lost');
CREATE INDEX deals_won ON deals (organisation_id, status, closed_at);

CREATE TABLE applications (
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
    other_vendors TEXT NOT NULL,
    expected_revenue_cents BIGINT NOT NULL CHECK (expected_revenue_cents >= 0),
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL CHECK (contact_email = lower(contact_email)),
    contact_title TEXT NOT NULL,
    message TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'more_info', 'approved', 'rejected')),
    -- The fit score as last computed (the page explains it afresh).
    fit_score BIGINT NOT NULL CHECK (fit_score BETWEEN 0 AND 100),
    scored_at BIGINT NOT NULL,
    -- The channel manager's question or reason, and who decided.
    decision_note TEXT,
    decided_by TEXT REFERENCES people (id),
    decided_at BIGINT,
    organisation_id TEXT REFERENCES organisations (id),
    ip TEXT,
    -- The language the applicant wrote in: the emails about it use it.
    locale TEXT NOT NULL DEFAULT 'en',
    submitted_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One open application per company domain, however many arrive at once.
CREATE UNIQUE INDEX applications_open_domain ON applications (domain_key)
    WHERE status IN ('received', 'more_info');
CREATE INDEX applications_queue ON applications (status, fit_score);
CREATE INDEX applications_ip ON applications (ip, submitted_at);

-- How much each factor of the fit score counts (0-100, relative).
CREATE TABLE fit_weights (
    factor TEXT PRIMARY KEY
        CHECK (factor IN ('partner_type', 'region', 'size', 'industries', 'specialisations', 'revenue')),
    weight BIGINT NOT NULL CHECK (weight BETWEEN 0 AND 100)
);

INSERT INTO fit_weights (factor, weight) VALUES
    ('partner_type', 20), ('region', 15), ('size', 10), ('industries', 25),
    ('specialisations', 15), ('revenue', 15);
