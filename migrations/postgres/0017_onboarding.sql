-- Onboarding: each partner type's track (agreement, welcome kit, steps),
-- versioned agreements and their signatures (append-only), what a partner
-- did that only Trellis sees (read the welcome kit), steps a manager
-- skipped, and the dates that measure time to first deal.

CREATE TABLE program_tracks (
    partner_type TEXT PRIMARY KEY
        CHECK (partner_type IN ('var', 'msp', 'si', 'isv', 'referral', 'distributor')),
    -- The welcome kit (Markdown) and the steps this type goes through.
    welcome TEXT NOT NULL,
    steps TEXT NOT NULL
);

CREATE TABLE agreements (
    id TEXT PRIMARY KEY,
    partner_type TEXT NOT NULL REFERENCES program_tracks (partner_type),
    version BIGINT NOT NULL CHECK (version > 0),
    title TEXT NOT NULL,
    -- Markdown, exactly as signed, and its SHA-256 (hex).
    body TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    -- Days partners may still register deals before signing this version.
    grace_days BIGINT NOT NULL CHECK (grace_days BETWEEN 0 AND 365),
    published_by TEXT REFERENCES people (id),
    published_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX agreements_version ON agreements (partner_type, version);

CREATE TABLE agreement_signatures (
    id TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    person_id TEXT NOT NULL REFERENCES people (id),
    full_name TEXT NOT NULL,
    title TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    sha256 TEXT NOT NULL,
    signed_at BIGINT NOT NULL
);

-- One signature per organisation and version.
CREATE UNIQUE INDEX agreement_signatures_once ON agreement_signatures (agreement_id, organisation_id);

CREATE FUNCTION agreement_signatures_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'signatures are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER agreement_signatures_no_change BEFORE UPDATE OR DELETE ON agreement_signatures
    FOR EACH ROW EXECUTE FUNCTION agreement_signatures_append_only();

CREATE TABLE onboarding_events (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    step TEXT NOT NULL CHECK (step IN ('welcome', 'training')),
    person_id TEXT REFERENCES people (id),
    at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, step)
);

CREATE TABLE onboarding_skips (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    step TEXT NOT NULL,
    skipped_by TEXT NOT NULL REFERENCES people (id),
    at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, step)
);

-- Joined the program (application approved), first registration approved,
-- first deal won; onboarding progress as the stuck check last saw it.
ALTER TABLE organisations ADD COLUMN joined_at BIGINT;
ALTER TABLE organisations ADD COLUMN first_approved_at BIGINT;
ALTER TABLE organisations ADD COLUMN first_won_at BIGINT;
ALTER TABLE organisations ADD COLUMN onboarding_done BIGINT NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN onboarding_progress_at BIGINT;
ALTER TABLE organisations ADD COLUMN onboarding_reminded_at BIGINT;
UPDATE organisations SET joined_at = created_at WHERE kind = 'partner';
