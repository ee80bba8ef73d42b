-- Deal registration: registrations, their timeline, the customer claims that
-- decide who is protected, and the vendor's named direct accounts.

ALTER TABLE program_settings ADD COLUMN deal_sla_hours BIGINT NOT NULL DEFAULT 48
    CHECK (deal_sla_hours > 0);
ALTER TABLE program_settings ADD COLUMN default_protection_days BIGINT NOT NULL DEFAULT 90
    CHECK (default_protection_days > 0);

CREATE TABLE deals (
    id TEXT PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    registered_by TEXT NOT NULL REFERENCES people (id),
    customer_company TEXT NOT NULL,
    customer_domain TEXT,
    company_key TEXT NOT NULL,
    domain_key TEXT,
    contact_name TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    contact_phone TEXT,
    country TEXT NOT NULL,
    products TEXT NOT NULL,
    value_cents BIGINT NOT NULL CHECK (value_cents > 0),
    currency TEXT NOT NULL CHECK (currency IN ('USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'BRL', 'INR')),
    expected_close TEXT NOT NULL,
    partner_role TEXT NOT NULL
        CHECK (partner_role IN ('sourced', 'reseller', 'si', 'influence', 'referral')),
    notes TEXT,
    status TEXT NOT NULL CHECK (status IN
        ('draft', 'submitted', 'more_info', 'approved', 'rejected', 'won', 'lost', 'expired')),
    -- Set at submission when the customer was already held: by another
    -- partner, as a direct account, or by the same partner.
    conflict TEXT CHECK (conflict IN ('other_partner', 'direct_account', 'own_duplicate')),
    submitted_at BIGINT,
    sla_due_at BIGINT,
    decided_at BIGINT,
    protected_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX deals_organisation ON deals (organisation_id, created_at);
CREATE INDEX deals_queue ON deals (status, sla_due_at);
CREATE INDEX deals_company_key ON deals (company_key);

-- Who holds a customer: one row per key ('name:<company key>' and
-- 'domain:<domain key>'), so the primary key lets exactly one open
-- registration hold a customer, however many arrive at once. Released
-- when the registration closes (rejected, won, lost, expired).
CREATE TABLE deal_claims (
    customer_key TEXT PRIMARY KEY,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    claimed_at BIGINT NOT NULL
);

CREATE INDEX deal_claims_deal ON deal_claims (deal_id);

-- Every status change, with who, when and why.
CREATE TABLE deal_events (
    id TEXT PRIMARY KEY,
    deal_id TEXT NOT NULL REFERENCES deals (id),
    seq BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor_id TEXT REFERENCES people (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT
);

CREATE UNIQUE INDEX deal_events_deal ON deal_events (deal_id, seq);

-- Customers the vendor sells to directly: registrations for them are
-- flagged.
CREATE TABLE direct_accounts (
    id TEXT PRIMARY KEY,
    company TEXT NOT NULL,
    domain TEXT,
    company_key TEXT NOT NULL,
    domain_key TEXT,
    created_at BIGINT NOT NULL
);

CREATE INDEX direct_accounts_company_key ON direct_accounts (company_key);
CREATE INDEX direct_accounts_domain_key ON direct_accounts (domain_key);
