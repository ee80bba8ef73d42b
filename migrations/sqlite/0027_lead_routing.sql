-- Vendor-to-partner lead distribution: what a vendor's lead asks for, the
-- offer a partner answers within the program's time, the routing rules and
-- every offer kept (who, when, the answer, how fast, why not).

ALTER TABLE leads ADD COLUMN region TEXT;
ALTER TABLE leads ADD COLUMN partner_type TEXT;
ALTER TABLE leads ADD COLUMN tier_id TEXT REFERENCES tiers (id);
ALTER TABLE leads ADD COLUMN specialisation TEXT;
-- While offered: when the partner's time to answer runs out.
ALTER TABLE leads ADD COLUMN offer_expires_at BIGINT;
ALTER TABLE leads ADD COLUMN entered_by TEXT REFERENCES people (id);
CREATE INDEX leads_offer_due ON leads (status, offer_expires_at);

-- How each criterion counts when a lead is routed.
CREATE TABLE lead_routing_rules (
    criterion TEXT PRIMARY KEY CHECK (criterion IN ('region', 'partner_type', 'tier', 'specialisation')),
    mode TEXT NOT NULL CHECK (mode IN ('off', 'optional', 'required'))
);
INSERT INTO lead_routing_rules (criterion, mode) VALUES
    ('region', 'required'), ('partner_type', 'optional'), ('tier', 'optional'),
    ('specialisation', 'optional');

-- Hours a partner has to accept an offered lead before it moves on.
ALTER TABLE program_settings ADD COLUMN lead_sla_hours BIGINT NOT NULL DEFAULT 48;

CREATE TABLE lead_offers (
    id TEXT PRIMARY KEY,
    lead_id TEXT NOT NULL REFERENCES leads (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    offered_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    outcome TEXT NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'accepted', 'rejected', 'expired')),
    decided_at BIGINT,
    decided_by TEXT REFERENCES people (id),
    -- Why a partner declined (required then).
    reason TEXT
);
CREATE INDEX lead_offers_lead ON lead_offers (lead_id, offered_at);
CREATE INDEX lead_offers_organisation ON lead_offers (organisation_id, offered_at);
