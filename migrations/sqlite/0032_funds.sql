-- Marketing development funds: a period's budget, allocated to partners,
-- requested for activities, approved, claimed with proof and paid.
-- "Never over-committed" is kept by the database: each running total sits
-- beside its limit with a CHECK, and every change to a total is one
-- guarded UPDATE (see app/src/funds/server/ledger.rs).
CREATE TABLE fund_periods (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    currency TEXT NOT NULL CHECK (currency IN ('USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'BRL', 'INR')),
    budget_minor BIGINT NOT NULL CHECK (budget_minor > 0),
    -- The sum of the period's allocations.
    allocated_minor BIGINT NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    CHECK (ends_on > starts_on),
    CHECK (allocated_minor >= 0 AND allocated_minor <= budget_minor)
);
CREATE INDEX fund_periods_dates ON fund_periods (starts_on, ends_on);

CREATE TABLE fund_allocations (
    id TEXT PRIMARY KEY,
    period_id TEXT NOT NULL REFERENCES fund_periods (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
    -- The sum of the approved amounts of its requests.
    approved_minor BIGINT NOT NULL DEFAULT 0,
    expires_on TEXT NOT NULL,
    -- 'fixed': the amount given. 'accrued': accrual_bp of the partner's
    -- revenue won in the period, recomputed as deals close (never below
    -- what was approved from it, never past the budget).
    kind TEXT NOT NULL DEFAULT 'fixed' CHECK (kind IN ('fixed', 'accrued')),
    accrual_bp BIGINT CHECK (accrual_bp IS NULL OR (accrual_bp > 0 AND accrual_bp <= 10000)),
    -- When the partner and its manager were told the funds expire soon.
    reminded_at BIGINT,
    created_by TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    UNIQUE (period_id, organisation_id),
    CHECK (approved_minor >= 0 AND approved_minor <= amount_minor)
);
CREATE INDEX fund_allocations_organisation ON fund_allocations (organisation_id, expires_on);

CREATE TABLE fund_requests (
    id TEXT PRIMARY KEY,
    allocation_id TEXT NOT NULL REFERENCES fund_allocations (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    requested_by TEXT NOT NULL REFERENCES people (id),
    activity TEXT NOT NULL CHECK (activity IN ('event', 'digital', 'content', 'training')),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    campaign_id TEXT REFERENCES campaigns (id),
    planned_cost_minor BIGINT NOT NULL CHECK (planned_cost_minor > 0),
    -- The vendor's share of the cost (participation rate), basis points.
    share_bp BIGINT NOT NULL CHECK (share_bp > 0 AND share_bp <= 10000),
    requested_minor BIGINT NOT NULL CHECK (requested_minor > 0),
    approved_minor BIGINT NOT NULL DEFAULT 0 CHECK (approved_minor >= 0),
    expected_leads BIGINT NOT NULL CHECK (expected_leads >= 0),
    expected_pipeline_minor BIGINT NOT NULL CHECK (expected_pipeline_minor >= 0),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'more_info', 'approved', 'denied')),
    review_note TEXT,
    reviewed_by TEXT REFERENCES people (id),
    submitted_at BIGINT NOT NULL,
    sla_due_at BIGINT NOT NULL,
    decided_at BIGINT,
    updated_at BIGINT NOT NULL,
    CHECK (ends_on >= starts_on),
    CHECK (approved_minor <= requested_minor)
);
CREATE INDEX fund_requests_organisation ON fund_requests (organisation_id, submitted_at);
CREATE INDEX fund_requests_queue ON fund_requests (status, sla_due_at);
CREATE INDEX fund_requests_allocation ON fund_requests (allocation_id, status);

-- Proof of performance: invoices and evidence, bytes in the asset store
-- (`asset_blobs`, key `fund-proof:<id>`), kind read from the bytes.
CREATE TABLE fund_proofs (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES fund_requests (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES people (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX fund_proofs_request ON fund_proofs (request_id, created_at);

-- One claim per approved request; returned claims are corrected and sent
-- again. Paid in one or more payments, never more than approved.
CREATE TABLE fund_claims (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE REFERENCES fund_requests (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    actual_cost_minor BIGINT NOT NULL CHECK (actual_cost_minor > 0),
    claimed_minor BIGINT NOT NULL CHECK (claimed_minor > 0),
    approved_minor BIGINT NOT NULL DEFAULT 0 CHECK (approved_minor >= 0),
    paid_minor BIGINT NOT NULL DEFAULT 0,
    note TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'returned', 'approved', 'paid')),
    review_note TEXT,
    reviewed_by TEXT REFERENCES people (id),
    submitted_at BIGINT NOT NULL,
    decided_at BIGINT,
    CHECK (approved_minor <= claimed_minor),
    CHECK (paid_minor >= 0 AND paid_minor <= approved_minor)
);
CREATE INDEX fund_claims_queue ON fund_claims (status, submitted_at);
CREATE INDEX fund_claims_organisation ON fund_claims (organisation_id, status);

CREATE TABLE fund_payments (
    id TEXT PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES fund_claims (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    reference TEXT NOT NULL,
    recorded_by TEXT REFERENCES people (id),
    paid_at BIGINT NOT NULL
);
CREATE INDEX fund_payments_claim ON fund_payments (claim_id, paid_at);

-- How long after an activity ends its claim may be made, and the review
-- clock for requests, in business days.
ALTER TABLE program_settings ADD COLUMN fund_claim_days BIGINT NOT NULL DEFAULT 60
    CHECK (fund_claim_days > 0);
ALTER TABLE program_settings ADD COLUMN fund_review_business_days BIGINT NOT NULL DEFAULT 5
    CHECK (fund_review_business_days > 0);
