-- Tiers, organisations (one vendor, many partners) and the people in them.
-- Times are Unix seconds (BIGINT) so both backends read them the same way.

CREATE TABLE tiers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    rank BIGINT NOT NULL UNIQUE,
    protection_days BIGINT NOT NULL CHECK (protection_days > 0),
    discount_bp BIGINT NOT NULL CHECK (discount_bp BETWEEN 0 AND 10000),
    mdf_allotment_cents BIGINT NOT NULL CHECK (mdf_allotment_cents >= 0),
    description TEXT NOT NULL
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('vendor', 'partner')),
    name TEXT NOT NULL,
    partner_type TEXT CHECK (partner_type IN ('var', 'msp', 'si', 'isv', 'referral', 'distributor')),
    region TEXT CHECK (region IN ('north_america', 'latam', 'emea', 'apac')),
    country TEXT,
    status TEXT NOT NULL CHECK (status IN ('applicant', 'onboarding', 'active', 'at_risk', 'offboarded')),
    tier_id TEXT REFERENCES tiers (id),
    website TEXT,
    channel_manager_id TEXT,
    created_at BIGINT NOT NULL,
    CHECK (
        (kind = 'vendor' AND partner_type IS NULL AND tier_id IS NULL)
        OR (kind = 'partner' AND partner_type IS NOT NULL AND region IS NOT NULL)
    )
);

-- Exactly one vendor organisation runs the program.
CREATE UNIQUE INDEX organisations_one_vendor ON organisations (kind) WHERE kind = 'vendor';
CREATE UNIQUE INDEX organisations_name ON organisations (name);
CREATE INDEX organisations_tier ON organisations (tier_id);

CREATE TABLE people (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('program_admin', 'channel_manager', 'marketer', 'partner_admin', 'partner_user')),
    title TEXT,
    created_at BIGINT NOT NULL,
    CHECK (email = lower(email))
);

CREATE UNIQUE INDEX people_email ON people (email);
CREATE INDEX people_organisation ON people (organisation_id);

ALTER TABLE organisations
    ADD CONSTRAINT organisations_channel_manager_fk
    FOREIGN KEY (channel_manager_id) REFERENCES people (id);
