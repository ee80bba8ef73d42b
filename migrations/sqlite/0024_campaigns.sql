-- Co-branded campaigns: templates the vendor's marketers write in blocks,
-- campaigns partners launch from them (with their wording frozen at
-- launch), the leads their landing pages take, and daily counts.

-- Public addresses name a partner by its slug (/c/<slug>/<campaign>).
-- Rows older than this migration get one from their name and id; new
-- organisations get theirs when created.
ALTER TABLE organisations ADD COLUMN slug TEXT;
ALTER TABLE organisations ADD COLUMN brand_colour TEXT;
UPDATE organisations
SET slug = lower(replace(replace(replace(replace(replace(trim(name), ' ', '-'), '.', ''), '&', 'and'), ',', ''), '''', '')) || '-' || substr(id, 1, 4)
WHERE slug IS NULL;
CREATE UNIQUE INDEX organisations_slug ON organisations (slug);

CREATE TABLE campaign_templates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    summary TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('en', 'de')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'unpublished')),
    -- The version partners launch; each publish adds one.
    version BIGINT NOT NULL DEFAULT 0,
    -- The blocks being edited (JSON); published versions are kept below.
    content TEXT NOT NULL,
    -- Comma lists; empty means every partner type / tier / region.
    partner_types TEXT NOT NULL DEFAULT '',
    tiers TEXT NOT NULL DEFAULT '',
    regions TEXT NOT NULL DEFAULT '',
    starts_at BIGINT,
    ends_at BIGINT,
    -- Partner wording waits for a vendor marketer's approval.
    requires_approval BIGINT NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX campaign_templates_status ON campaign_templates (status, updated_at);

CREATE TABLE campaign_template_versions (
    template_id TEXT NOT NULL REFERENCES campaign_templates (id),
    version BIGINT NOT NULL,
    content TEXT NOT NULL,
    published_by TEXT REFERENCES people (id),
    published_at BIGINT NOT NULL,
    PRIMARY KEY (template_id, version)
);

CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    template_id TEXT NOT NULL REFERENCES campaign_templates (id),
    template_version BIGINT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    -- The template's version with the partner's wording, as launched.
    content TEXT NOT NULL,
    has_email BIGINT NOT NULL,
    has_page BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending_approval', 'live', 'ended')),
    launched_by TEXT NOT NULL REFERENCES people (id),
    launched_at BIGINT NOT NULL,
    ends_at BIGINT,
    UNIQUE (organisation_id, slug)
);
CREATE INDEX campaigns_template ON campaigns (template_id);
CREATE INDEX campaigns_organisation ON campaigns (organisation_id, launched_at);

-- What happened to a campaign each day (UTC): page views, clicks, form
-- fills, emails sent, approximate opens.
CREATE TABLE campaign_daily (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    day BIGINT NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    clicks BIGINT NOT NULL DEFAULT 0,
    fills BIGINT NOT NULL DEFAULT 0,
    sends BIGINT NOT NULL DEFAULT 0,
    opens BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, day)
);

-- A lead: someone who asked to be contacted, owned by one partner (or,
-- not yet distributed, by the vendor: organisation_id NULL).
CREATE TABLE leads (
    id TEXT PRIMARY KEY,
    organisation_id TEXT REFERENCES organisations (id),
    campaign_id TEXT REFERENCES campaigns (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    company TEXT NOT NULL,
    phone TEXT,
    message TEXT,
    -- Normalised email and company: one lead per person and company.
    email_key TEXT NOT NULL,
    company_key TEXT NOT NULL,
    consent_at BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('unassigned', 'offered', 'new', 'accepted', 'working', 'converted', 'disqualified')),
    -- How many times the form was filled in for this lead.
    fills BIGINT NOT NULL DEFAULT 1,
    deal_id TEXT REFERENCES deals (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX leads_person ON leads (organisation_id, email_key, company_key);
CREATE INDEX leads_organisation ON leads (organisation_id, status, updated_at);
CREATE INDEX leads_campaign ON leads (campaign_id);

-- Every lead form accepted, from where: limits how often one address may
-- send, and dates each fill.
CREATE TABLE lead_fills (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id),
    lead_id TEXT NOT NULL REFERENCES leads (id),
    ip TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX lead_fills_ip ON lead_fills (ip, at);
CREATE INDEX lead_fills_lead ON lead_fills (lead_id);
